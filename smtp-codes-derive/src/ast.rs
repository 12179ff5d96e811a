//! The input type as the derive sees it: its shape, and the `#[smtp]` attribute of the type
//! and of each variant.

use syn::{Attribute, Data, DeriveInput, Fields, Ident, Member, Type};

use crate::attr::{self, SmtpAttr};
use crate::errors::Errors;

/// The type a derive was asked for.
pub(crate) struct Input<'a> {
    pub(crate) ident: &'a Ident,
    /// The `#[smtp]` attribute on the type: the code of a struct, the default of an enum.
    pub(crate) attr: Option<SmtpAttr>,
    pub(crate) shape: Shape<'a>,
}

pub(crate) enum Shape<'a> {
    Struct(Body<'a>),
    Enum(Vec<Variant<'a>>),
}

/// One variant of an enum.
pub(crate) struct Variant<'a> {
    pub(crate) body: Body<'a>,
    pub(crate) attr: Option<SmtpAttr>,
}

/// The fields of a struct or a variant.
pub(crate) struct Body<'a> {
    /// The variant's name, or the struct's.
    pub(crate) ident: &'a Ident,
    pub(crate) fields: Vec<Field<'a>>,
    /// thiserror's `#[error(transparent)]`, when the struct or variant has it.
    pub(crate) thiserror_transparent: Option<&'a Attribute>,
}

pub(crate) struct Field<'a> {
    pub(crate) member: Member,
    pub(crate) ty: &'a Type,
}

impl<'a> Input<'a> {
    /// Reads the input; a union is reported as an error.
    pub(crate) fn from_syn(input: &'a DeriveInput, errors: &mut Errors) -> Option<Self> {
        let attr = attr::parse(&input.attrs, errors);
        let shape = match &input.data {
            Data::Struct(data) => {
                Shape::Struct(Body::new(&input.ident, &data.fields, &input.attrs))
            }
            Data::Enum(data) => Shape::Enum(
                data.variants
                    .iter()
                    .map(|variant| Variant {
                        body: Body::new(&variant.ident, &variant.fields, &variant.attrs),
                        attr: attr::parse(&variant.attrs, errors),
                    })
                    .collect(),
            ),
            Data::Union(data) => {
                errors.push(syn::Error::new(
                    data.union_token.span,
                    "SmtpReply cannot be derived for a union: use a struct or an enum",
                ));
                return None;
            }
        };
        Some(Input {
            ident: &input.ident,
            attr,
            shape,
        })
    }
}

impl<'a> Body<'a> {
    fn new(ident: &'a Ident, fields: &'a Fields, attrs: &'a [Attribute]) -> Self {
        let fields = fields
            .iter()
            .enumerate()
            .map(|(i, field)| Field {
                member: field
                    .ident
                    .clone()
                    .map_or_else(|| Member::Unnamed(i.into()), Member::Named),
                ty: &field.ty,
            })
            .collect();
        Body {
            ident,
            fields,
            thiserror_transparent: attr::thiserror_transparent(attrs),
        }
    }
}

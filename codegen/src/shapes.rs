//! The shapes of the structs the generated tables fill. Each struct is one list of fields, and
//! from that list codegen renders the struct, its accessors and every entry's literal, so a
//! field is declared in one place: adding one to every reply code touches the data file, the
//! model, the validator and the renderers, and nothing by hand in the runtime or derive crates.

use proc_macro2::TokenStream;
use quote::{format_ident, quote};

use crate::model::Registry;

/// One field of a generated struct, and how each entry's value of it is written.
pub(crate) struct Field<E: 'static> {
    pub(crate) name: &'static str,
    /// The field's type, as Rust source.
    pub(crate) ty: &'static str,
    /// What the field holds: its accessor's doc comment, or the field's when it has none.
    pub(crate) doc: &'static str,
    pub(crate) accessor: Accessor,
    /// The field's value for one entry, as a constant expression.
    pub(crate) value: fn(&E, &Registry) -> TokenStream,
}

/// How code outside the generated file reads a field.
#[derive(Clone, Copy)]
pub(crate) enum Accessor {
    /// Only the crate reads it, directly (an index into another table, say).
    Field,
    /// `pub const fn name(&self) -> Type`, returning a copy of the field.
    Copy(&'static str),
    /// `pub const fn name(&self) -> &Type`, returning a reference to the field.
    Ref(&'static str),
}

/// A generated struct: its name, doc comment, derives, and fields in order.
pub(crate) struct Shape<E: 'static> {
    pub(crate) name: &'static str,
    pub(crate) doc: &'static str,
    /// The traits it derives, as Rust source (`Debug, PartialEq`).
    pub(crate) derives: &'static str,
    /// Whether the struct is part of the crate's public API (its fields stay `pub(crate)`).
    pub(crate) public: bool,
    pub(crate) fields: &'static [Field<E>],
}

impl<E> Shape<E> {
    /// The struct and, when any field has one, an `impl` block with the accessors.
    pub(crate) fn definition(&self) -> TokenStream {
        let name = format_ident!("{}", self.name);
        let doc = doc_attributes(self.doc);
        let derives: syn::punctuated::Punctuated<syn::Path, syn::Token![,]> =
            syn::parse::Parser::parse_str(
                syn::punctuated::Punctuated::parse_terminated,
                self.derives,
            )
            .expect("shapes list derives as paths");
        let visibility = if self.public {
            quote!(pub)
        } else {
            quote!(pub(crate))
        };
        let fields = self.fields.iter().map(|field| {
            let name = format_ident!("{}", field.name);
            let ty = field.ty();
            // A field read through an accessor is documented there.
            let doc = match field.accessor {
                Accessor::Field => doc_attributes(field.doc),
                Accessor::Copy(_) | Accessor::Ref(_) => TokenStream::new(),
            };
            quote! { #doc pub(crate) #name: #ty }
        });
        let accessors: Vec<TokenStream> = self.fields.iter().filter_map(Field::accessor).collect();
        let accessors = (!accessors.is_empty()).then(|| {
            quote! {
                impl #name {
                    #(#accessors)*
                }
            }
        });
        quote! {
            #doc
            #[derive(#derives)]
            #visibility struct #name {
                #(#fields),*
            }
            #accessors
        }
    }

    /// The literal of one entry: `Name { field: value, … }`, every field in order.
    pub(crate) fn literal(&self, entry: &E, registry: &Registry) -> TokenStream {
        let name = format_ident!("{}", self.name);
        let fields = self.fields.iter().map(|field| {
            let field_name = format_ident!("{}", field.name);
            let value = (field.value)(entry, registry);
            quote! { #field_name: #value }
        });
        quote! { #name { #(#fields),* } }
    }
}

impl<E> Field<E> {
    fn ty(&self) -> syn::Type {
        syn::parse_str(self.ty).expect("shapes write valid types")
    }

    fn accessor(&self) -> Option<TokenStream> {
        let field = format_ident!("{}", self.name);
        let ty = self.ty();
        let doc = doc_attributes(self.doc);
        match self.accessor {
            Accessor::Field => None,
            Accessor::Copy(method) => {
                let method = format_ident!("{method}");
                Some(quote! { #doc #[inline] pub const fn #method(&self) -> #ty { self.#field } })
            }
            Accessor::Ref(method) => {
                let method = format_ident!("{method}");
                Some(quote! { #doc #[inline] pub const fn #method(&self) -> &#ty { &self.#field } })
            }
        }
    }
}

/// A value as tokens: a string or a number literal, `true` or `false`.
pub(crate) fn tokens(value: impl quote::ToTokens) -> TokenStream {
    value.into_token_stream()
}

/// One `#[doc]` attribute a line, with the space rustdoc expects after `///`. Prose is wrapped
/// at [`DOC_WIDTH`] columns, so the shapes write it as one string; lines inside a code block
/// are kept as they are.
pub(crate) fn doc_attributes(doc: &str) -> TokenStream {
    let mut lines = Vec::new();
    let mut in_code = false;
    for line in doc.lines() {
        if line.starts_with("```") {
            in_code = !in_code;
        }
        if in_code || line.starts_with("```") || line.is_empty() {
            lines.push(line.to_owned());
        } else {
            wrap(line, &mut lines);
        }
    }
    let lines = lines.iter().map(|line| {
        if line.is_empty() {
            String::new()
        } else {
            format!(" {line}")
        }
    });
    quote! { #(#[doc = #lines])* }
}

/// How wide a line of generated prose may be: with `    /// ` before it, 100 columns.
const DOC_WIDTH: usize = 92;

/// `text` in lines of at most [`DOC_WIDTH`] characters, broken between words.
fn wrap(text: &str, lines: &mut Vec<String>) {
    let mut current = String::new();
    for word in text.split(' ') {
        if !current.is_empty() && current.chars().count() + 1 + word.chars().count() > DOC_WIDTH {
            lines.push(std::mem::take(&mut current));
        }
        if !current.is_empty() {
            current.push(' ');
        }
        current.push_str(word);
    }
    lines.push(current);
}

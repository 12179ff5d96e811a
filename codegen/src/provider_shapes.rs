//! The structs of the provider tables, as [`Shape`]s: the runtime crate's `ProviderDocument`,
//! `ProviderCodeInfo` and `ProviderTable`. Methods that compute something
//! (`ProviderCodeInfo::enhanced_code`, `covers`) stay by hand in `smtp-codes/src/provider.rs`.

use proc_macro2::Literal;
use quote::{format_ident, quote};

use crate::model::{ProviderCode, ProviderDocument, ProviderEntry, Reference, Registry};
use crate::providers;
use crate::render_rust::{class_variant, num, option, option_str, probes, provider_slots};
use crate::shapes::{Accessor, Field, Shape, tokens};
use crate::table_shapes::REFERENCE;

/// The runtime crate's `ProviderDocument`.
pub(crate) const PROVIDER_DOCUMENT: Shape<ProviderDocument> = Shape {
    name: "ProviderDocument",
    doc: "A document a provider publishes about its replies, and the copy this table was made \
          from.",
    derives: "Debug, PartialEq, Eq, Hash",
    public: true,
    fields: &[
        Field {
            name: "name",
            ty: "&'static str",
            doc: "Its title.",
            accessor: Accessor::Copy("name"),
            value: |d, _| tokens(&d.name),
        },
        Field {
            name: "url",
            ty: "&'static str",
            doc: "Where the provider publishes it.",
            accessor: Accessor::Copy("url"),
            value: |d, _| tokens(&d.url),
        },
        Field {
            name: "copy",
            ty: "Option<&'static str>",
            doc: "Where the copy the table was made from can be read, when it is not `url`.",
            accessor: Accessor::Copy("copy"),
            value: |d, _| option_str(d.copy.as_deref()),
        },
        Field {
            name: "retrieved",
            ty: "&'static str",
            doc: "The date of that copy, `YYYY-MM-DD`.",
            accessor: Accessor::Copy("retrieved"),
            value: |d, _| tokens(&d.retrieved),
        },
        Field {
            name: "licence",
            ty: "&'static str",
            doc: "The document's licence as its publisher states it (`CC BY 4.0`), or `unknown`.",
            accessor: Accessor::Copy("licence"),
            value: |d, _| tokens(&d.licence),
        },
        Field {
            name: "attribution",
            ty: "Option<&'static str>",
            doc: "The attribution the licence asks for, if any.",
            accessor: Accessor::Copy("attribution"),
            value: |d, _| option_str(d.attribution.as_deref()),
        },
    ],
};

/// The runtime crate's `ProviderCodeInfo`.
pub(crate) const PROVIDER_CODE_INFO: Shape<ProviderCode> = Shape {
    name: "ProviderCodeInfo",
    doc: "One code a provider documents: an enhanced code (or a range of details), the basic code \
          the document pairs it with, the texts the provider sends, and what the provider means.",
    derives: "Debug, PartialEq, Eq, Hash",
    public: true,
    fields: &[
        Field {
            name: "provider",
            ty: "Provider",
            doc: "The provider.",
            accessor: Accessor::Copy("provider"),
            value: |code, registry| {
                let variant = format_ident!("{}", providers::variant(&owner(code, registry).id));
                quote!(Provider::#variant)
            },
        },
        Field {
            name: "reply",
            ty: "Option<ReplyCode>",
            doc: "The basic reply code the document pairs it with, if it gives one.",
            accessor: Accessor::Copy("reply_code"),
            value: |code, _| {
                option(code.reply.map(|r| {
                    let r = num(r);
                    quote!(ReplyCode::new_unchecked(#r))
                }))
            },
        },
        Field {
            name: "class",
            ty: "Class",
            doc: "The enhanced code's class.",
            accessor: Accessor::Field,
            value: |code, _| class_variant(enhanced_range(code).0),
        },
        Field {
            name: "subject",
            ty: "u16",
            doc: "The enhanced code's subject; `NO_SUBJECT` for a row without an enhanced code.",
            accessor: Accessor::Field,
            value: |code, _| tokens(num(enhanced_range(code).1)),
        },
        Field {
            name: "first",
            ty: "u16",
            doc: "The first detail of the documented range (the detail, for a single code).",
            accessor: Accessor::Field,
            value: |code, _| tokens(num(enhanced_range(code).2)),
        },
        Field {
            name: "last",
            ty: "u16",
            doc: "The last detail of the documented range.",
            accessor: Accessor::Field,
            value: |code, _| tokens(num(enhanced_range(code).3)),
        },
        Field {
            name: "texts",
            ty: "&'static [&'static str]",
            doc: "Reply texts as the provider's document shows them.",
            accessor: Accessor::Copy("texts"),
            value: |code, _| {
                let texts = code.texts.iter();
                quote!(&[#(#texts),*])
            },
        },
        Field {
            name: "description",
            ty: "&'static str",
            doc: "What the provider means by it, in this project's words.",
            accessor: Accessor::Copy("description"),
            value: |code, _| tokens(&code.description),
        },
        Field {
            name: "references",
            ty: "&'static [Reference]",
            doc: "The provider's document it comes from.",
            accessor: Accessor::Copy("references"),
            value: |code, registry| {
                let document = owner(code, registry)
                    .documents
                    .iter()
                    .find(|d| d.id == code.document)
                    .expect("validated");
                let reference = REFERENCE.literal(
                    &Reference {
                        name: Some(document.name.clone()),
                        url: Some(document.url.clone()),
                        ..Reference::default()
                    },
                    registry,
                );
                quote!(&[#reference])
            },
        },
        Field {
            name: "differs_from_registry",
            ty: "bool",
            doc: "Whether the IANA registry gives the same number another meaning (Gmail's \
                  5.7.27).",
            accessor: Accessor::Copy("differs_from_registry"),
            value: |code, _| tokens(code.differs_from_registry),
        },
        Field {
            name: "unregistered",
            ty: "bool",
            doc: "Whether the IANA registry has no such code at all (Gmail's 5.7.80).",
            accessor: Accessor::Copy("unregistered"),
            value: |code, registry| tokens(providers::flags(code, registry).unregistered),
        },
        Field {
            name: "class_mismatch",
            ty: "bool",
            doc: "Whether the document pairs the enhanced code with a basic code of another class \
                  (Gmail's `421 5.7.32`).",
            accessor: Accessor::Copy("class_mismatch"),
            value: |code, registry| tokens(providers::flags(code, registry).class_mismatch),
        },
    ],
};

/// The runtime crate's `ProviderTable`.
pub(crate) const PROVIDER_TABLE: Shape<ProviderEntry> = Shape {
    name: "ProviderTable",
    doc: "What the generated table holds for one provider.",
    derives: "Debug",
    public: false,
    fields: &[
        Field {
            name: "id",
            ty: "&'static str",
            doc: "The data file's identifier (`google`).",
            accessor: Accessor::Field,
            value: |p, _| tokens(&p.id),
        },
        Field {
            name: "name",
            ty: "&'static str",
            doc: "The display name.",
            accessor: Accessor::Field,
            value: |p, _| tokens(&p.name),
        },
        Field {
            name: "description",
            ty: "&'static str",
            doc: "What the provider is, in this project's words.",
            accessor: Accessor::Field,
            value: |p, _| tokens(&p.description),
        },
        Field {
            name: "documents",
            ty: "&'static [ProviderDocument]",
            doc: "The documents its codes come from.",
            accessor: Accessor::Field,
            value: |p, registry| {
                let documents = p
                    .documents
                    .iter()
                    .map(|d| PROVIDER_DOCUMENT.literal(d, registry));
                quote!(&[#(#documents),*])
            },
        },
        Field {
            name: "mx_hosts",
            ty: "&'static [&'static str]",
            doc: "Host names, or `*.domain` for any subdomain.",
            accessor: Accessor::Field,
            value: |p, _| {
                let hosts = p.mx_hosts.iter().map(|m| m.text.to_ascii_lowercase());
                quote!(&[#(#hosts),*])
            },
        },
        Field {
            name: "fingerprints",
            ty: "&'static [&'static str]",
            doc: "Substrings of reply text that identify the provider.",
            accessor: Accessor::Field,
            value: |p, _| {
                let fingerprints = p.fingerprints.iter().map(|f| &f.text);
                quote!(&[#(#fingerprints),*])
            },
        },
        Field {
            name: "fingerprint_pairs",
            ty: "&'static [crate::classify::Probes]",
            doc: "The byte pairs of each fingerprint, to skip one the text cannot hold without a \
                  search.",
            accessor: Accessor::Field,
            value: |p, _| {
                let pairs = p.fingerprints.iter().map(|f| probes(&f.text));
                quote!(&[#(#pairs),*])
            },
        },
        Field {
            name: "slot_stride",
            ty: "usize",
            doc: "How many subjects each class's part of the index has: the index of class `c` (0 \
                  for 2, 1 for 4, 2 for 5) and subject `s` is `c * slot_stride + s`.",
            accessor: Accessor::Field,
            value: |p, _| tokens(Literal::usize_unsuffixed(provider_slots(p).0)),
        },
        Field {
            name: "slot_bases",
            ty: "&'static [u16]",
            doc: "For each class and subject, the first detail its slots stand for.",
            accessor: Accessor::Field,
            value: |p, _| {
                let bases = provider_slots(p).1.into_iter().map(num);
                quote!(&[#(#bases),*])
            },
        },
        Field {
            name: "slots",
            ty: "&'static [&'static [(u8, u8)]]",
            doc: "For each subject, one slot per detail from its base: the positions in `codes` \
                  of the first row for exactly that code (the rows for one code are adjacent) and \
                  of the row whose range covers it, each `NO_ROW` when there is none.",
            accessor: Accessor::Field,
            value: |p, _| {
                let slots = provider_slots(p).2.into_iter().map(|subject| {
                    let subject = subject.into_iter().map(|(exact, range)| {
                        let (exact, range) =
                            (Literal::u8_unsuffixed(exact), Literal::u8_unsuffixed(range));
                        quote!((#exact, #range))
                    });
                    quote!(&[#(#subject),*])
                });
                quote!(&[#(#slots),*])
            },
        },
        Field {
            name: "codes",
            ty: "&'static [ProviderCodeInfo]",
            doc: "Sorted by subject, then first detail.",
            accessor: Accessor::Field,
            value: |p, registry| {
                let codes = providers::lookup_order(p)
                    .into_iter()
                    .map(|code| PROVIDER_CODE_INFO.literal(code, registry));
                quote!(&[#(#codes),*])
            },
        },
    ],
};

/// The provider whose codes hold `code`.
fn owner<'a>(code: &ProviderCode, registry: &'a Registry) -> &'a ProviderEntry {
    registry
        .providers
        .iter()
        .find(|p| p.codes.iter().any(|c| std::ptr::eq(c, code)))
        .expect("every rendered code is one of a provider's")
}

/// A row's class, subject and first and last detail; a row without an enhanced code sorts last
/// and never matches one (subject `u16::MAX`, the runtime's `NO_SUBJECT`).
fn enhanced_range(code: &ProviderCode) -> (u8, u16, u16, u16) {
    code.enhanced_range().unwrap_or((5, u16::MAX, 0, 0))
}

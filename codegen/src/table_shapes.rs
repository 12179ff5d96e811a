//! The structs of the reply-code and enhanced-code tables, as [`Shape`]s: the runtime crate's
//! `ReplyInfo`, `EnhancedInfo`, `SubjectInfo`, `Reference` and `ReplyText`, and the derive
//! crate's `KnownReply` and `KnownEnhanced`. Methods that compute something (`ReplyInfo::text`,
//! `EnhancedInfo::code`) stay by hand in `smtp-codes/src/info.rs`; what only returns a field is
//! generated here with the field.

use proc_macro2::TokenStream;
use quote::quote;

use crate::model::{self, EnhancedEntry, Registry, ReplyEntry, SubjectEntry};
use crate::render_rust::{class_variant, num, option, option_str, replacement};
use crate::shapes::{Accessor, Field, Shape, tokens};

/// The runtime crate's `Reference`.
pub(crate) const REFERENCE: Shape<model::Reference> = Shape {
    name: "Reference",
    doc: "A document that defines or describes an entry: an RFC (possibly one section of it) or \
          another document.",
    derives: "Debug, Clone, Copy, PartialEq, Eq, Hash",
    public: true,
    fields: &[
        Field {
            name: "rfc",
            ty: "Option<u16>",
            doc: "The RFC number, for an RFC.",
            accessor: Accessor::Copy("rfc"),
            value: |r, _| option(r.rfc.map(|n| quote!(#n))),
        },
        Field {
            name: "section",
            ty: "Option<&'static str>",
            doc: "The section number, such as `\"4.2.3\"`, when the reference is to one section \
                  of an RFC.",
            accessor: Accessor::Copy("section"),
            value: |r, _| option_str(r.section.as_deref()),
        },
        Field {
            name: "label",
            ty: "&'static str",
            doc: "How to name it to a person: `RFC 5321, section 4.2.3`, `RFC 1846`, or a \
                  document's name.",
            accessor: Accessor::Copy("label"),
            value: |r, _| tokens(r.label()),
        },
        Field {
            name: "url",
            ty: "Option<&'static str>",
            doc: "Where to read it: the RFC Editor's page (with the section anchor) for an RFC, \
                  the document's address otherwise, when one is known.",
            accessor: Accessor::Copy("url"),
            value: |r, _| option_str(r.link().as_deref()),
        },
    ],
};

/// The runtime crate's `ReplyText`.
pub(crate) const REPLY_TEXT: Shape<model::ReplyText> = Shape {
    name: "ReplyText",
    doc: "A reply text as one document gives it.",
    derives: "Debug, Clone, Copy, PartialEq, Eq, Hash",
    public: true,
    fields: &[
        Field {
            name: "text",
            ty: "&'static str",
            doc: "The text, without the code and without the document's parenthetical remarks.",
            accessor: Accessor::Copy("text"),
            value: |t, _| tokens(&t.text),
        },
        Field {
            name: "reference",
            ty: "Reference",
            doc: "The document that gives this wording.",
            accessor: Accessor::Ref("reference"),
            value: |t, registry| REFERENCE.literal(&t.reference, registry),
        },
    ],
};

/// The runtime crate's `SubjectInfo`.
pub(crate) const SUBJECT_INFO: Shape<SubjectEntry> = Shape {
    name: "SubjectInfo",
    doc: "One enhanced-status subject: the meaning of the middle number (RFC 3463, section 3).",
    derives: "Debug, PartialEq, Eq, Hash",
    public: true,
    fields: &[
        Field {
            name: "subject",
            ty: "u16",
            doc: "The subject number.",
            accessor: Accessor::Copy("subject"),
            value: |s, _| tokens(num(s.subject)),
        },
        Field {
            name: "name",
            ty: "&'static str",
            doc: "The registry's name, e.g. \"Addressing Status\".",
            accessor: Accessor::Copy("name"),
            value: |s, _| tokens(&s.name),
        },
        Field {
            name: "description",
            ty: "&'static str",
            doc: "What the subject covers, in this project's words.",
            accessor: Accessor::Copy("description"),
            value: |s, _| tokens(&s.description),
        },
        Field {
            name: "references",
            ty: "&'static [Reference]",
            doc: "The documents that define it.",
            accessor: Accessor::Copy("references"),
            value: |s, registry| references(&s.references, registry),
        },
    ],
};

/// The runtime crate's `ReplyInfo`.
pub(crate) const REPLY_INFO: Shape<ReplyEntry> = Shape {
    name: "ReplyInfo",
    doc: "What the table documents about one reply code.

```
use smtp_codes::{ReplyCode, Status};

let info = ReplyCode::MAILBOX_UNAVAILABLE.info().unwrap();
assert_eq!(info.code(), 550);
assert_eq!(info.status(), Status::Standard);
assert_eq!(info.text(), Some(\"Requested action not taken: mailbox unavailable\"));
let url = Some(\"https://www.rfc-editor.org/rfc/rfc5321#section-4.2.3\");
assert_eq!(info.references()[0].url(), url);
assert!(info.commands().contains(&\"RCPT\"));
assert!(info.enhanced_codes().any(|e| e.key() == \"X.1.1\"));
```",
    derives: "Debug, PartialEq, Eq, Hash",
    public: true,
    fields: &[
        Field {
            name: "code",
            ty: "ReplyCode",
            doc: "The code.",
            accessor: Accessor::Copy("code"),
            value: |r, _| {
                let code = num(r.code);
                quote!(ReplyCode::new_unchecked(#code))
            },
        },
        Field {
            name: "name",
            ty: "&'static str",
            doc: "The name of its associated constant, e.g. `MAILBOX_UNAVAILABLE`.",
            accessor: Accessor::Copy("name"),
            value: |r, _| tokens(&r.name),
        },
        Field {
            name: "status",
            ty: "Status",
            doc: "How the code is standardised. A [`Status::NonStandard`] code must not be \
                  presented as standard.",
            accessor: Accessor::Copy("status"),
            value: |r, _| {
                let status = quote::format_ident!("{}", r.status.variant());
                quote!(Status::#status)
            },
        },
        Field {
            name: "texts",
            ty: "&'static [ReplyText]",
            doc: "Every reply text the sources give, each with the document it comes from.",
            accessor: Accessor::Copy("texts"),
            value: |r, registry| {
                let texts = r.texts.iter().map(|t| REPLY_TEXT.literal(t, registry));
                quote!(&[#(#texts),*])
            },
        },
        Field {
            name: "commands",
            ty: "&'static [&'static str]",
            doc: "The commands that may return the code, as the RFCs allow. `CONNECT` stands for \
                  the greeting when a connection opens, `ANY` for any command.",
            accessor: Accessor::Copy("commands"),
            value: |r, _| {
                let commands = r.commands.iter();
                quote!(&[#(#commands),*])
            },
        },
        Field {
            name: "seen_after",
            ty: "&'static [&'static str]",
            doc: "Commands servers are documented to answer with this code beyond what the RFCs \
                  allow (Postfix refuses relaying with `554` at `RCPT`); the sources are in the \
                  reference.

```
use smtp_codes::ReplyCode;

let info = ReplyCode::TRANSACTION_FAILED.info().unwrap();
assert!(!info.commands().contains(&\"RCPT\"));
assert!(info.seen_after().contains(&\"RCPT\"));
```",
            accessor: Accessor::Copy("seen_after"),
            value: |r, _| {
                let seen_after = r.seen_after.iter().flat_map(|s| &s.commands);
                quote!(&[#(#seen_after),*])
            },
        },
        Field {
            name: "alias_of",
            ty: "Option<EnhancedCode>",
            doc: "For a non-standard number that is an enhanced status code with its dots \
                  removed, as cheat sheets spread them (`511` for `5.1.1`), the enhanced code it \
                  stands for. A server should send the enhanced code after a real reply code \
                  instead.

```
use smtp_codes::{ReplyCode, Status};

let info = ReplyCode::from_u16(511)?.info().unwrap();
assert_eq!(info.status(), Status::NonStandard);
assert_eq!(info.alias_of().unwrap().to_string(), \"5.1.1\");
# Ok::<(), smtp_codes::InvalidReplyCode>(())
```",
            accessor: Accessor::Copy("alias_of"),
            value: |r, _| {
                option(r.alias_parts().map(|(class, subject, detail)| {
                    let class = class_variant(class);
                    let (subject, detail) = (num(subject), num(detail));
                    quote!(EnhancedCode::from_parts(#class, #subject, #detail))
                }))
            },
        },
        Field {
            name: "references",
            ty: "&'static [Reference]",
            doc: "The documents that define or describe the code.",
            accessor: Accessor::Copy("references"),
            value: |r, registry| references(&r.references, registry),
        },
        Field {
            name: "description",
            ty: "&'static str",
            doc: "What the code means, in this project's words.",
            accessor: Accessor::Copy("description"),
            value: |r, _| tokens(&r.description),
        },
        Field {
            name: "notes",
            ty: "Option<&'static str>",
            doc: "History, disagreements between sources and non-standard uses, when there are \
                  any.",
            accessor: Accessor::Copy("notes"),
            value: |r, _| option_str(r.notes.as_deref()),
        },
        Field {
            name: "enhanced",
            ty: "&'static [u8]",
            doc: "Positions in `ENHANCED_TABLE` of the entries that list this code.",
            accessor: Accessor::Field,
            value: |r, registry| {
                let positions = registry
                    .enhanced_codes
                    .iter()
                    .enumerate()
                    .filter(|(_, e)| e.associated_codes.contains(&r.code))
                    .map(|(i, _)| {
                        num(u8::try_from(i).expect("validated: at most MAX_TABLE_ENTRIES"))
                    });
                quote!(&[#(#positions),*])
            },
        },
    ],
};

/// The runtime crate's `EnhancedInfo`.
pub(crate) const ENHANCED_INFO: Shape<EnhancedEntry> = Shape {
    name: "EnhancedInfo",
    doc: "One entry of the IANA \"SMTP Enhanced Status Codes\" registry: `X.subject.detail`, \
          valid with any of the classes it lists.

```
use smtp_codes::{Class, EnhancedCode, ReplyCode};

let info = EnhancedCode::new(4, 2, 2)?.info().unwrap();
assert_eq!(info.key(), \"X.2.2\");
assert_eq!(info.title(), Some(\"Mailbox full\"));
assert!(info.applies_to(Class::TransientNegative));
assert_eq!(info.associated_codes(), &[ReplyCode::EXCEEDED_STORAGE_ALLOCATION]);
assert_eq!(info.code(Class::PermanentNegative)?.to_string(), \"5.2.2\");
# Ok::<(), smtp_codes::InvalidEnhancedCode>(())
```",
    derives: "Debug, PartialEq, Eq, Hash",
    public: true,
    fields: &[
        Field {
            name: "key",
            ty: "&'static str",
            doc: "The registry's key, `X.subject.detail` (e.g. `X.1.1`).",
            accessor: Accessor::Copy("key"),
            value: |e, _| tokens(&e.code),
        },
        Field {
            name: "subject",
            ty: "u16",
            doc: "The subject (middle number).",
            accessor: Accessor::Copy("subject"),
            value: |e, _| tokens(num(subject_detail(e).0)),
        },
        Field {
            name: "detail",
            ty: "u16",
            doc: "The detail (last number).",
            accessor: Accessor::Copy("detail"),
            value: |e, _| tokens(num(subject_detail(e).1)),
        },
        Field {
            name: "title",
            ty: "Option<&'static str>",
            doc: "The registry's title; `None` only for a deprecated entry the registry left \
                  untitled.",
            accessor: Accessor::Copy("title"),
            value: |e, _| option_str(e.title.as_deref()),
        },
        Field {
            name: "classes",
            ty: "&'static [Class]",
            doc: "The classes the code is meaningful with, per its defining RFC (RFC 3463 marks \
                  some as permanent-only or transient-only).",
            accessor: Accessor::Copy("classes"),
            value: |e, _| {
                let classes = e.classes.iter().map(|&c| class_variant(c));
                quote!(&[#(#classes),*])
            },
        },
        Field {
            name: "associated_codes",
            ty: "&'static [ReplyCode]",
            doc: "The basic reply codes the registry associates with it.",
            accessor: Accessor::Copy("associated_codes"),
            value: |e, _| {
                let codes = e.associated_codes.iter().map(|&c| {
                    let c = num(c);
                    quote!(ReplyCode::new_unchecked(#c))
                });
                quote!(&[#(#codes),*])
            },
        },
        Field {
            name: "associated_note",
            ty: "Option<&'static str>",
            doc: "The registry's wording where its list of associated codes is not a plain list \
                  (for example \"Any\", \"5XX\", or \"other 4XX or 5XX codes are allowed\").",
            accessor: Accessor::Copy("associated_note"),
            value: |e, _| option_str(e.associated_note.as_deref()),
        },
        Field {
            name: "references",
            ty: "&'static [Reference]",
            doc: "The documents that define it.",
            accessor: Accessor::Copy("references"),
            value: |e, registry| references(&e.references, registry),
        },
        Field {
            name: "deprecated",
            ty: "bool",
            doc: "Whether the registry marks it deprecated.",
            accessor: Accessor::Copy("is_deprecated"),
            value: |e, _| tokens(e.deprecated),
        },
        Field {
            name: "replaced_by",
            ty: "Option<u8>",
            doc: "Position in `ENHANCED_TABLE` of the entry to use instead.",
            accessor: Accessor::Field,
            value: |e, registry| {
                option(replacement(e).map(|key| {
                    let index = registry
                        .enhanced_codes
                        .iter()
                        .position(|other| other.subject_detail() == Some(key))
                        .expect("validated");
                    let index =
                        num(u8::try_from(index).expect("validated: at most MAX_TABLE_ENTRIES"));
                    quote!(#index)
                }))
            },
        },
        Field {
            name: "description",
            ty: "&'static str",
            doc: "What the code means, in this project's words.",
            accessor: Accessor::Copy("description"),
            value: |e, _| tokens(&e.description),
        },
        Field {
            name: "notes",
            ty: "Option<&'static str>",
            doc: "History and disagreements between sources, when there are any.",
            accessor: Accessor::Copy("notes"),
            value: |e, _| option_str(e.notes.as_deref()),
        },
    ],
};

/// The derive crate's `KnownReply`.
pub(crate) const KNOWN_REPLY: Shape<ReplyEntry> = Shape {
    name: "KnownReply",
    doc: "A documented reply code.",
    derives: "Debug",
    public: false,
    fields: &[
        Field {
            name: "code",
            ty: "u16",
            doc: "The code.",
            accessor: Accessor::Field,
            value: |r, _| tokens(num(r.code)),
        },
        Field {
            name: "name",
            ty: "&'static str",
            doc: "The name of its associated constant.",
            accessor: Accessor::Field,
            value: |r, _| tokens(&r.name),
        },
        Field {
            name: "alias_of",
            ty: "Option<(u8, u16, u16)>",
            doc: "For a number that is an enhanced code written without its dots (511), that \
                  code's class, subject and detail: not a reply code a server should send.",
            accessor: Accessor::Field,
            value: |r, _| {
                option(r.alias_parts().map(|(class, subject, detail)| {
                    let (class, subject, detail) = (num(class), num(subject), num(detail));
                    quote!((#class, #subject, #detail))
                }))
            },
        },
    ],
};

/// The derive crate's `KnownEnhanced`.
pub(crate) const KNOWN_ENHANCED: Shape<EnhancedEntry> = Shape {
    name: "KnownEnhanced",
    doc: "A registered `X.subject.detail` enhanced code.",
    derives: "Debug",
    public: false,
    fields: &[
        Field {
            name: "subject",
            ty: "u16",
            doc: "The subject (middle number).",
            accessor: Accessor::Field,
            value: |e, _| tokens(num(subject_detail(e).0)),
        },
        Field {
            name: "detail",
            ty: "u16",
            doc: "The detail (last number).",
            accessor: Accessor::Field,
            value: |e, _| tokens(num(subject_detail(e).1)),
        },
        Field {
            name: "deprecated",
            ty: "bool",
            doc: "Deprecated by the registry (X.6.10).",
            accessor: Accessor::Field,
            value: |e, _| tokens(e.deprecated),
        },
        Field {
            name: "replaced_by",
            ty: "Option<(u16, u16)>",
            doc: "The subject and detail of the entry to use instead of a deprecated one (X.6.8).",
            accessor: Accessor::Field,
            value: |e, _| {
                option(replacement(e).map(|(subject, detail)| {
                    let (subject, detail) = (num(subject), num(detail));
                    quote!((#subject, #detail))
                }))
            },
        },
    ],
};

/// An entry's subject and detail, which validation has checked.
fn subject_detail(entry: &EnhancedEntry) -> (u16, u16) {
    entry.subject_detail().expect("validated")
}

/// A `&[Reference]` literal.
fn references(references: &[model::Reference], registry: &Registry) -> TokenStream {
    let references = references.iter().map(|r| REFERENCE.literal(r, registry));
    quote!(&[#(#references),*])
}

//! The structs of the classifier's tables, as [`Shape`]s: the runtime crate's `Rule`,
//! `RuleExample` and `ReasonRow`. What a rule computes (`holds_apart_from_phrases`, the search
//! of a reply) stays by hand in `smtp-codes/src/classify.rs`.

use proc_macro2::{Literal, TokenStream};
use quote::{format_ident, quote};

use crate::model::{EnhancedPattern, ReasonEntry, RuleEntry, RuleExample};
use crate::providers;
use crate::render_rules::camel;
use crate::render_rust::option;
use crate::shapes::{Accessor, Field, Shape, tokens};
use crate::table_shapes::REFERENCE;

/// The runtime crate's `ReasonRow`.
pub(crate) const REASON_ROW: Shape<ReasonEntry> = Shape {
    name: "ReasonRow",
    doc: "What the generated table holds for one reason.",
    derives: "Debug",
    public: false,
    fields: &[
        Field {
            name: "name",
            ty: "&'static str",
            doc: "The data file's name (`recipient_unknown`).",
            accessor: Accessor::Field,
            value: |r, _| tokens(&r.name),
        },
        Field {
            name: "description",
            ty: "&'static str",
            doc: "What it means, in this project's words.",
            accessor: Accessor::Field,
            value: |r, _| tokens(&r.description),
        },
        Field {
            name: "scope",
            ty: "Scope",
            doc: "What the failure concerns unless a rule says otherwise.",
            accessor: Accessor::Field,
            value: |r, _| {
                let scope = format_ident!("{}", r.scope.variant());
                quote!(Scope::#scope)
            },
        },
        Field {
            name: "suppress",
            ty: "bool",
            doc: "Whether the address itself is bad when the failure is permanent.",
            accessor: Accessor::Field,
            value: |r, _| tokens(r.suppress),
        },
    ],
};

/// The runtime crate's `RuleExample`.
pub(crate) const RULE_EXAMPLE: Shape<RuleExample> = Shape {
    name: "RuleExample",
    doc: "A real reply a [`Rule`] decides, with where it comes from.",
    derives: "Debug, PartialEq, Eq, Hash",
    public: true,
    fields: &[
        Field {
            name: "reply",
            ty: "&'static str",
            doc: "The reply, lines separated by CRLF.",
            accessor: Accessor::Copy("reply"),
            value: |e, _| tokens(&e.reply),
        },
        Field {
            name: "command",
            ty: "Option<Command>",
            doc: "The command it answered, when the source says.",
            accessor: Accessor::Copy("command"),
            value: |e, _| option(e.command.as_deref().map(command)),
        },
        Field {
            name: "provider",
            ty: "Option<Provider>",
            doc: "The provider a client would know it from (the MX host), for a documented reply \
                  that carries no fingerprint of its own.",
            accessor: Accessor::Copy("provider"),
            value: |e, _| option(e.provider.as_deref().map(provider)),
        },
        Field {
            name: "source",
            ty: "Reference",
            doc: "Where it comes from.",
            accessor: Accessor::Ref("source"),
            value: |e, registry| REFERENCE.literal(&e.source, registry),
        },
    ],
};

/// The runtime crate's `Rule`.
pub(crate) const RULE: Shape<RuleEntry> = Shape {
    name: "Rule",
    doc: "One classification rule of the data file: what a reply must show, and the reason it \
          then gives, with the documents behind it and real replies it decides.",
    derives: "Debug, PartialEq, Eq, Hash",
    public: true,
    fields: &[
        Field {
            name: "id",
            ty: "&'static str",
            doc: "The rule's identifier, such as `google-spf`.",
            accessor: Accessor::Copy("id"),
            value: |r, _| tokens(&r.id),
        },
        Field {
            name: "reason",
            ty: "Reason",
            doc: "The reason it gives.",
            accessor: Accessor::Copy("reason"),
            value: |r, _| {
                let reason = format_ident!("{}", camel(&r.reason));
                quote!(Reason::#reason)
            },
        },
        Field {
            name: "provider",
            ty: "Option<Provider>",
            doc: "The provider the reply's fingerprint must name.",
            accessor: Accessor::Field,
            value: |r, _| option(r.condition.provider.as_deref().map(provider)),
        },
        Field {
            name: "code",
            ty: "u16",
            doc: "A reply code (200 to 599) or a class (2 to 5), or 0 for any 4xx or 5xx reply.",
            accessor: Accessor::Field,
            value: |r, _| tokens(Literal::u16_unsuffixed(r.condition.code.unwrap_or(0))),
        },
        Field {
            name: "enhanced",
            ty: "Option<(u8, u16, u16, u16)>",
            doc: "Class (0 for any), subject, first and last detail; `None` for any reply.",
            accessor: Accessor::Field,
            value: |r, _| {
                let pattern = r
                    .condition
                    .enhanced
                    .as_deref()
                    .and_then(EnhancedPattern::parse);
                option(pattern.map(|pattern| {
                    let class = Literal::u8_unsuffixed(pattern.class.unwrap_or(0));
                    let subject = Literal::u16_unsuffixed(pattern.subject);
                    let first = Literal::u16_unsuffixed(pattern.details.0);
                    let last = Literal::u16_unsuffixed(pattern.details.1);
                    quote!((#class, #subject, #first, #last))
                }))
            },
        },
        Field {
            name: "commands",
            ty: "&'static [Command]",
            doc: "The commands the reply must answer (any of them); empty for any command.",
            accessor: Accessor::Field,
            value: |r, _| {
                let commands = r.condition.commands.iter().map(|c| command(c));
                quote!(&[#(#commands),*])
            },
        },
        Field {
            name: "phrases",
            ty: "&'static [&'static str]",
            doc: "The phrases of which a reply must hold one (ignoring ASCII case), in lower \
                  case; empty when the rule has no phrase condition.",
            accessor: Accessor::Copy("phrases"),
            value: |r, _| {
                let phrases = lower_phrases(r);
                quote!(&[#(#phrases),*])
            },
        },
        Field {
            name: "phrase_pairs",
            ty: "&'static [Probes]",
            doc: "Some byte pairs of each phrase, to skip a phrase the text cannot hold without a \
                  search.",
            accessor: Accessor::Field,
            value: |r, _| {
                let pairs = lower_phrases(r)
                    .into_iter()
                    .map(|p| Literal::byte_string(p.as_bytes()));
                quote!(&[#(Probes::of(#pairs)),*])
            },
        },
        Field {
            name: "retry",
            ty: "Option<Retry>",
            doc: "Whether to retry, when it should not follow the codes.",
            accessor: Accessor::Field,
            value: |r, _| {
                option(r.retry.map(|retry| {
                    let variant = format_ident!("{}", retry.variant());
                    quote!(Retry::#variant)
                }))
            },
        },
        Field {
            name: "suppress",
            ty: "Option<bool>",
            doc: "Whether to stop sending to the address, when not the reason's default.",
            accessor: Accessor::Field,
            value: |r, _| option(r.suppress.map(tokens)),
        },
        Field {
            name: "scope",
            ty: "Option<Scope>",
            doc: "What the failure concerns, when not the reason's default.",
            accessor: Accessor::Field,
            value: |r, _| {
                option(r.scope.map(|scope| {
                    let variant = format_ident!("{}", scope.variant());
                    quote!(Scope::#variant)
                }))
            },
        },
        Field {
            name: "references",
            ty: "&'static [Reference]",
            doc: "The documents behind it.",
            accessor: Accessor::Copy("references"),
            value: |r, registry| {
                let references = r.references.iter().map(|s| REFERENCE.literal(s, registry));
                quote!(&[#(#references),*])
            },
        },
        Field {
            name: "examples",
            ty: "&'static [RuleExample]",
            doc: "Real replies it decides, with their sources.",
            accessor: Accessor::Copy("examples"),
            value: |r, registry| {
                let examples = r.examples.iter().map(|e| RULE_EXAMPLE.literal(e, registry));
                quote!(&[#(#examples),*])
            },
        },
    ],
};

/// `Command::Rcpt` for `RCPT`.
fn command(name: &str) -> TokenStream {
    let variant = format_ident!("{}", camel(name));
    quote!(Command::#variant)
}

/// `Provider::Google` for `google`.
fn provider(id: &str) -> TokenStream {
    let variant = format_ident!("{}", providers::variant(id));
    quote!(Provider::#variant)
}

/// A rule's phrases in lower case, as the runtime compares them.
fn lower_phrases(rule: &RuleEntry) -> Vec<String> {
    rule.condition
        .phrases
        .iter()
        .map(|p| p.to_ascii_lowercase())
        .collect()
}

/// The rule the runtime answers with when no rule of the data holds (the data's catch-all
/// rules rule that out): the reason `unknown`, no conditions, no sources.
pub(crate) fn unclassified() -> RuleEntry {
    RuleEntry {
        id: "unclassified".to_owned(),
        reason: "unknown".to_owned(),
        condition: crate::model::RuleCondition::default(),
        retry: None,
        suppress: None,
        scope: None,
        fallback: false,
        references: Vec::new(),
        examples: Vec::new(),
        line: None,
    }
}

//! The classifier's part of `smtp-codes/src/generated.rs`: the `Command` and `Reason` enums
//! and the rules in the order they are tried.

use proc_macro2::{Literal, TokenStream};
use quote::{format_ident, quote};

use crate::classify;
use crate::model::{EnhancedPattern, Reference, Registry, RuleEntry};
use crate::providers;

/// `DATA_END` → `DataEnd`, `recipient_unknown` → `RecipientUnknown`.
pub(crate) fn camel(name: &str) -> String {
    name.split('_')
        .map(|part| {
            let lower = part.to_ascii_lowercase();
            let mut chars = lower.chars();
            chars.next().map_or_else(String::new, |first| {
                first.to_ascii_uppercase().to_string() + chars.as_str()
            })
        })
        .collect()
}

/// The tokens of the classifier's tables.
pub(crate) fn classifier_tables(
    registry: &Registry,
    reference: impl Fn(&Reference) -> TokenStream,
) -> TokenStream {
    let commands: Vec<_> = registry
        .commands
        .iter()
        .map(|c| format_ident!("{}", camel(&c.name)))
        .collect();
    let command_docs = registry
        .commands
        .iter()
        .map(|c| format!("`{}`: {}", c.name, c.description));
    let command_names = registry.commands.iter().map(|c| &c.name);
    let command_descriptions = registry.commands.iter().map(|c| &c.description);
    let command_len = Literal::usize_unsuffixed(registry.commands.len());

    let reasons: Vec<_> = registry
        .reasons
        .iter()
        .map(|r| format_ident!("{}", camel(&r.name)))
        .collect();
    let reason_docs = registry
        .reasons
        .iter()
        .map(|r| format!("`{}`: {}", r.name, r.description));
    let reason_rows = registry.reasons.iter().map(|r| {
        let name = &r.name;
        let description = &r.description;
        let scope = format_ident!("{}", r.scope.variant());
        let suppress = r.suppress;
        quote! { ReasonRow { name: #name, description: #description, scope: Scope::#scope, suppress: #suppress } }
    });
    let reason_len = Literal::usize_unsuffixed(registry.reasons.len());

    let ordered = classify::in_order(registry);
    let rules = ordered.iter().map(|rule| rule_tokens(rule, &reference));
    let rule_len = Literal::usize_unsuffixed(ordered.len());

    quote! {
        /// An SMTP command a reply answers, for [`Reply::classify`](crate::Reply::classify):
        /// the names of the data file's `commands`.
        #[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
        #[non_exhaustive]
        pub enum Command {
            #(#[doc = #command_docs] #commands),*
        }

        /// Every command, in the order of the enum.
        pub(crate) const COMMANDS: [Command; #command_len] = [#(Command::#commands),*];

        /// The commands' names, in the order of the enum.
        pub(crate) static COMMAND_NAMES: [&str; #command_len] = [#(#command_names),*];

        /// The commands' descriptions, in the order of the enum.
        pub(crate) static COMMAND_DESCRIPTIONS: [&str; #command_len] = [#(#command_descriptions),*];

        /// Why a delivery failed: the data file's `reasons`.
        #[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
        #[non_exhaustive]
        pub enum Reason {
            #(#[doc = #reason_docs] #reasons),*
        }

        /// Every reason, in the order of the enum.
        pub(crate) const REASONS: [Reason; #reason_len] = [#(Reason::#reasons),*];

        /// Each reason's name, description and defaults, in the order of the enum.
        pub(crate) static REASON_TABLE: [ReasonRow; #reason_len] = [#(#reason_rows),*];

        /// The classification rules, in the order they are tried (by layer, then file order).
        pub(crate) static RULES: [Rule; #rule_len] = [#(#rules),*];

        /// The answer when no rule holds, which the data's catch-all rules rule out.
        pub(crate) static UNCLASSIFIED: Rule = Rule {
            id: "unclassified",
            reason: Reason::Unknown,
            provider: None,
            code: 0,
            enhanced: None,
            commands: &[],
            phrases: &[],
            phrase_pairs: &[],
            retry: None,
            suppress: None,
            scope: None,
            references: &[],
            examples: &[],
        };
    }
}

/// `Some(tokens)` for a present value, `None` for an absent one.
fn option<T>(value: Option<T>, some: impl FnOnce(T) -> TokenStream) -> TokenStream {
    value.map_or_else(
        || quote!(None),
        |value| {
            let inner = some(value);
            quote!(Some(#inner))
        },
    )
}

fn rule_tokens(rule: &RuleEntry, reference: &impl Fn(&Reference) -> TokenStream) -> TokenStream {
    let id = &rule.id;
    let reason = format_ident!("{}", camel(&rule.reason));
    let when = &rule.condition;
    let provider = option(when.provider.as_deref(), |id| {
        let variant = format_ident!("{}", providers::variant(id));
        quote!(Provider::#variant)
    });
    let code = Literal::u16_unsuffixed(when.code.unwrap_or(0));
    let enhanced = option(
        when.enhanced.as_deref().and_then(EnhancedPattern::parse),
        |pattern| {
            let class = Literal::u8_unsuffixed(pattern.class.unwrap_or(0));
            let subject = Literal::u16_unsuffixed(pattern.subject);
            let (first, last) = (
                Literal::u16_unsuffixed(pattern.details.0),
                Literal::u16_unsuffixed(pattern.details.1),
            );
            quote!((#class, #subject, #first, #last))
        },
    );
    let commands = when.commands.iter().map(|c| format_ident!("{}", camel(c)));
    let phrases: Vec<String> = when
        .phrases
        .iter()
        .map(|p| p.to_ascii_lowercase())
        .collect();
    let pairs = phrases
        .iter()
        .map(|p| Literal::byte_string(p.as_bytes()))
        .collect::<Vec<_>>();
    let retry = option(rule.retry, |retry| {
        let variant = format_ident!("{}", retry.variant());
        quote!(crate::Retry::#variant)
    });
    let suppress = option(rule.suppress, |suppress| quote!(#suppress));
    let scope = option(rule.scope, |scope| {
        let variant = format_ident!("{}", scope.variant());
        quote!(Scope::#variant)
    });
    let references = rule.references.iter().map(reference);
    let examples = rule.examples.iter().map(|example| {
        let reply = &example.reply;
        let command = option(example.command.as_deref(), |c| {
            let variant = format_ident!("{}", camel(c));
            quote!(Command::#variant)
        });
        let provider = option(example.provider.as_deref(), |id| {
            let variant = format_ident!("{}", providers::variant(id));
            quote!(Provider::#variant)
        });
        let source = reference(&example.source);
        quote! { RuleExample { reply: #reply, command: #command, provider: #provider, source: #source } }
    });
    quote! {
        Rule {
            id: #id,
            reason: Reason::#reason,
            provider: #provider,
            code: #code,
            enhanced: #enhanced,
            commands: &[#(Command::#commands),*],
            phrases: &[#(#phrases),*],
            phrase_pairs: &[#(Probes::of(#pairs)),*],
            retry: #retry,
            suppress: #suppress,
            scope: #scope,
            references: &[#(#references),*],
            examples: &[#(#examples),*],
        }
    }
}

//! The classifier's part of `smtp-codes/src/generated.rs`: the `Command` and `Reason` enums
//! and the rules in the order they are tried.

use proc_macro2::{Literal, TokenStream};
use quote::{format_ident, quote};

use crate::classifier_shapes::{REASON_ROW, RULE, RULE_EXAMPLE, unclassified};
use crate::classify;
use crate::model::{Registry, Scope};

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
pub(crate) fn classifier_tables(registry: &Registry) -> TokenStream {
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
    let reason_rows = registry
        .reasons
        .iter()
        .map(|r| REASON_ROW.literal(r, registry));
    let reason_len = Literal::usize_unsuffixed(registry.reasons.len());

    let ordered = classify::in_order(registry);
    let rules = ordered.iter().map(|rule| RULE.literal(rule, registry));
    let unclassified = RULE.literal(&unclassified(), registry);
    let shapes = [
        REASON_ROW.definition(),
        RULE_EXAMPLE.definition(),
        RULE.definition(),
    ];
    let rule_len = Literal::usize_unsuffixed(ordered.len());

    let scope = crate::render_rust::simple_enum(
        "Scope",
        "What a failure concerns.",
        (
            "name",
            "`recipient`, `message`, `sender`, `host` or `session`.",
        ),
        Scope::ALL.map(|s| (s.variant(), s.as_str(), s.description())),
    );
    quote! {
        #scope

        #(#shapes)*

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
        pub(crate) static UNCLASSIFIED: Rule = #unclassified;
    }
}

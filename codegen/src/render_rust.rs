//! Renders the runtime crate's table (`smtp-codes/src/generated.rs`) and the derive crate's
//! table (`smtp-codes-derive/src/generated.rs`) as Rust source.

use proc_macro2::{Literal, TokenStream};
use quote::{format_ident, quote};

use crate::model::{EnhancedEntry, Reference, Registry, ReplyEntry, Status, parse_enhanced_key};
use crate::provider_shapes::{PROVIDER_CODE_INFO, PROVIDER_DOCUMENT, PROVIDER_TABLE};
use crate::shapes::doc_attributes;
use crate::table_shapes::{
    ENHANCED_INFO, KNOWN_ENHANCED, KNOWN_REPLY, REFERENCE, REPLY_INFO, REPLY_TEXT, SUBJECT_INFO,
};
use crate::{DATA_PATH, GENERATED_BY, providers};

/// The Rust source of `smtp-codes/src/generated.rs` for a validated registry.
pub fn render_rust(registry: &Registry) -> String {
    let constants = registry.reply_codes.iter().map(reply_constant);
    let class_names = registry.classes.iter().map(|c| &c.name);
    let class_descriptions = registry.classes.iter().map(|c| &c.description);
    let status = simple_enum(
        "Status",
        "How a reply code is standardised.",
        (
            "as_str",
            "The status as the data file and the reference spell it: `standard`, \
             `extension`, `obsolete` or `non-standard`.",
        ),
        Status::ALL.map(|s| (s.variant(), s.as_str(), s.description())),
    );
    let shapes = [
        REFERENCE.definition(),
        REPLY_TEXT.definition(),
        SUBJECT_INFO.definition(),
        REPLY_INFO.definition(),
        ENHANCED_INFO.definition(),
    ];
    let subjects = registry
        .subjects
        .iter()
        .map(|s| SUBJECT_INFO.literal(s, registry));
    let replies = registry
        .reply_codes
        .iter()
        .map(|r| REPLY_INFO.literal(r, registry));
    let enhanced = registry
        .enhanced_codes
        .iter()
        .map(|e| ENHANCED_INFO.literal(e, registry));
    let reply_len = Literal::usize_unsuffixed(registry.reply_codes.len());
    let enhanced_len = Literal::usize_unsuffixed(registry.enhanced_codes.len());
    let subject_len = Literal::usize_unsuffixed(registry.subjects.len());

    let provider_shapes = [
        PROVIDER_DOCUMENT.definition(),
        PROVIDER_CODE_INFO.definition(),
        PROVIDER_TABLE.definition(),
    ];
    let providers = provider_tables(registry);
    let classifier = crate::render_rules::classifier_tables(registry);
    let tokens = quote! {
        use crate::{Class, EnhancedCode, ReplyCode, Retry};
        use crate::classify::Probes;

        #status

        #(#shapes)*

        impl ReplyCode {
            #(#constants)*
        }

        /// Names of the classes 2, 3, 4 and 5, in that order.
        pub(crate) static CLASS_NAMES: [&str; 4] = [#(#class_names),*];

        /// Descriptions of the classes 2, 3, 4 and 5, in that order.
        pub(crate) static CLASS_DESCRIPTIONS: [&str; 4] = [#(#class_descriptions),*];

        /// Every enhanced-status subject, ascending.
        pub(crate) static SUBJECT_TABLE: [SubjectInfo; #subject_len] = [#(#subjects),*];

        /// Every documented reply code, ascending.
        pub(crate) static REPLY_TABLE: [ReplyInfo; #reply_len] = [#(#replies),*];

        /// Every entry of the enhanced status code registry, ascending.
        pub(crate) static ENHANCED_TABLE: [EnhancedInfo; #enhanced_len] = [#(#enhanced),*];

        #(#provider_shapes)*

        #providers

        #classifier
    };
    format_file(&tokens)
}

/// The `Provider` enum and the table behind it.
/// The `Probes` of a text, as a constant expression.
pub(crate) fn probes(text: &str) -> TokenStream {
    let bytes = Literal::byte_string(text.as_bytes());
    quote!(crate::classify::Probes::of(#bytes))
}

fn provider_tables(registry: &Registry) -> TokenStream {
    let variants: Vec<_> = registry
        .providers
        .iter()
        .map(|p| format_ident!("{}", providers::variant(&p.id)))
        .collect();
    let variant_docs = registry
        .providers
        .iter()
        .map(|p| format!("{}: {}", p.name, p.description));
    let tables = registry
        .providers
        .iter()
        .map(|provider| PROVIDER_TABLE.literal(provider, registry));
    let len = Literal::usize_unsuffixed(registry.providers.len());
    quote! {
        /// A mail provider whose documented replies the table knows (see
        /// [`ProviderCodeInfo`]). The variants follow the data file's order.
        #[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
        #[non_exhaustive]
        pub enum Provider {
            #(#[doc = #variant_docs] #variants),*
        }

        /// Every provider, in the order of the enum.
        pub(crate) const PROVIDERS: [Provider; #len] = [#(Provider::#variants),*];

        /// Each provider's name, documents, fingerprints and codes, in the order of the enum.
        pub(crate) static PROVIDER_TABLE: [ProviderTable; #len] = [#(#tables),*];
    }
}

/// The Rust source of `smtp-codes-derive/src/generated.rs`: the documented codes and the
/// registry's enhanced codes, which the derive checks attributes against.
pub fn render_derive_table(registry: &Registry) -> String {
    let shapes = [KNOWN_REPLY.definition(), KNOWN_ENHANCED.definition()];
    let replies = registry
        .reply_codes
        .iter()
        .map(|r| KNOWN_REPLY.literal(r, registry));
    let enhanced = registry
        .enhanced_codes
        .iter()
        .map(|e| KNOWN_ENHANCED.literal(e, registry));
    let reply_len = Literal::usize_unsuffixed(registry.reply_codes.len());
    let enhanced_len = Literal::usize_unsuffixed(registry.enhanced_codes.len());
    let tokens = quote! {
        #(#shapes)*

        /// Every documented reply code, ascending.
        pub(crate) static REPLY_CODES: [KnownReply; #reply_len] = [#(#replies),*];

        /// Every `X.subject.detail` of the registry, ascending.
        pub(crate) static ENHANCED_CODES: [KnownEnhanced; #enhanced_len] = [#(#enhanced),*];
    };
    format_file(&tokens)
}

/// A public enum of unit variants the data spells in words (`Status`, `Scope`), with a `const`
/// method that spells each variant; `spelling` is that method's name and doc.
pub(crate) fn simple_enum<const N: usize>(
    name: &str,
    doc: &str,
    spelling: (&str, &str),
    variants: [(&str, &str, &str); N],
) -> TokenStream {
    let name = format_ident!("{name}");
    let doc = doc_attributes(doc);
    let (method, method_doc) = spelling;
    let method = format_ident!("{method}");
    let method_doc = doc_attributes(method_doc);
    let idents: Vec<_> = variants
        .iter()
        .map(|(v, ..)| format_ident!("{v}"))
        .collect();
    let words = variants.iter().map(|(_, word, _)| word);
    let docs = variants.iter().map(|(.., d)| doc_attributes(d));
    quote! {
        #doc
        #[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
        pub enum #name {
            #(#docs #idents),*
        }

        impl #name {
            #method_doc
            pub const fn #method(self) -> &'static str {
                match self {
                    #(#name::#idents => #words),*
                }
            }
        }
    }
}

fn format_file(tokens: &TokenStream) -> String {
    let file: syn::File = syn::parse2(tokens.clone()).expect("codegen emits valid Rust");
    format!(
        "//! Generated by `{GENERATED_BY}` from `{DATA_PATH}`; do not edit.\n\n{}",
        prettyplease::unparse(&file)
    )
}

fn reply_constant(reply: &ReplyEntry) -> TokenStream {
    let name = format_ident!("{}", reply.name);
    let code = reply.code;
    let status = if reply.status == crate::model::Status::NonStandard {
        " (non-standard)"
    } else {
        ""
    };
    // rustdoc renders `#[doc = "..."]` verbatim after `///`, hence the leading space.
    let doc = match reply.texts.first() {
        Some(text) => format!(
            " `{code}`{status} {} ({})",
            escape_doc(&text.text),
            doc_link(&text.reference)
        ),
        None => format!(
            " `{code}`{status}: {} ({})",
            escape_doc(first_sentence(&reply.description)),
            doc_link(&reply.references[0])
        ),
    };
    let literal = num(code);
    quote! {
        #[doc = #doc]
        pub const #name: ReplyCode = ReplyCode::new_unchecked(#literal);
    }
}

fn first_sentence(text: &str) -> &str {
    text.find(". ").map_or(text, |end| &text[..=end])
}

fn doc_link(reference: &Reference) -> String {
    match reference.link() {
        Some(url) => format!("[{}]({url})", reference.label()),
        None => reference.label(),
    }
}

/// Doc comments are Markdown: keep `<domain>` and the like from being read as HTML.
fn escape_doc(text: &str) -> String {
    text.replace('&', "&amp;")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
}

/// The subject and detail of the entry `entry` is replaced by, if any.
pub(crate) fn replacement(entry: &EnhancedEntry) -> Option<(u16, u16)> {
    entry
        .replaced_by
        .as_deref()
        .map(|key| parse_enhanced_key(key).expect("validated"))
}

pub(crate) fn option(value: Option<TokenStream>) -> TokenStream {
    if let Some(tokens) = value {
        quote!(Some(#tokens))
    } else {
        quote!(None)
    }
}

pub(crate) fn option_str(value: Option<&str>) -> TokenStream {
    option(value.map(|s| quote!(#s)))
}

/// An unsuffixed integer literal, so the generated tables read `550`, not `550u16`.
pub(crate) fn num(n: impl Into<u64>) -> Literal {
    Literal::u64_unsuffixed(n.into())
}

/// A provider code's class, subject, and first and last detail.
type Range = (u8, u16, u16, u16);

/// The stride, bases and slots of [`provider_slots`].
type ProviderIndex = (usize, Vec<u16>, Vec<Vec<(u8, u8)>>);

/// The dense lookup index of one provider's codes, per class (2, 4, 5) and subject: the first
/// detail it covers (`bases`), and one slot per detail from there (`slots`) with the positions
/// in the lookup order of the first row for exactly that code and of the first row whose range
/// covers it, 255 for none. Table `class_index * stride + subject` holds class and subject.
pub(crate) fn provider_slots(provider: &crate::model::ProviderEntry) -> ProviderIndex {
    let rows = providers::lookup_order(provider);
    let known: Vec<(u8, Range)> = rows
        .iter()
        .enumerate()
        .filter_map(|(i, row)| {
            let position = u8::try_from(i).expect("validated: under 255 rows");
            Some((position, row.enhanced_range()?))
        })
        .collect();
    let stride = known
        .iter()
        .map(|(_, (_, s, ..))| usize::from(*s) + 1)
        .max()
        .unwrap_or(0);
    let mut bases = vec![0; 3 * stride];
    let mut slots = vec![Vec::new(); 3 * stride];
    for (index, (base, table)) in bases.iter_mut().zip(&mut slots).enumerate() {
        let class = [2, 4, 5][index / stride];
        let subject = index % stride;
        let mine: Vec<&(u8, Range)> = known
            .iter()
            .filter(|(_, (c, s, ..))| *c == class && usize::from(*s) == subject)
            .collect();
        let (Some(low), Some(high)) = (
            mine.iter().map(|(_, (_, _, first, _))| *first).min(),
            mine.iter().map(|(_, (.., last))| *last).max(),
        ) else {
            continue;
        };
        *base = low;
        *table = vec![(u8::MAX, u8::MAX); usize::from(high - low) + 1];
        // Backwards, so the first row of a code (or of a range) is the one that stays.
        for &&(position, (_, _, first, last)) in mine.iter().rev() {
            for detail in first..=last {
                let slot = &mut table[usize::from(detail - low)];
                if first == last {
                    slot.0 = position;
                } else {
                    slot.1 = position;
                }
            }
        }
    }
    (stride, bases, slots)
}

/// The runtime `Class` variant of an enhanced code's class digit (2, 4 or 5, validated).
pub(crate) fn class_variant(class: u8) -> TokenStream {
    match class {
        2 => quote!(Class::PositiveCompletion),
        4 => quote!(Class::TransientNegative),
        _ => quote!(Class::PermanentNegative),
    }
}

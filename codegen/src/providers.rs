//! What the renderers and the validator work out about provider codes: the Rust name of a
//! provider, the order its codes are looked up in, and the flags computed against the registry.

use crate::model::{ProviderCode, ProviderEntry, Registry};

/// The Rust variant of a provider: its id in camel case (`google` → `Google`,
/// `yahoo-aol` → `YahooAol`).
pub(crate) fn variant(id: &str) -> String {
    id.split('-')
        .map(|part| {
            let mut chars = part.chars();
            chars.next().map_or_else(String::new, |first| {
                first.to_ascii_uppercase().to_string() + chars.as_str()
            })
        })
        .collect()
}

/// What is computed about one provider code.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub(crate) struct Flags {
    /// The registry has no entry for any code of the row.
    pub(crate) unregistered: bool,
    /// The document pairs the enhanced code with a basic code of another class.
    pub(crate) class_mismatch: bool,
}

/// The flags of `code`, computed against the registry.
pub(crate) fn flags(code: &ProviderCode, registry: &Registry) -> Flags {
    let Some((class, subject, first, last)) = code.enhanced_range() else {
        return Flags::default();
    };
    let registered = registry.enhanced_codes.iter().any(|e| {
        e.subject_detail()
            .is_some_and(|(s, d)| s == subject && (first..=last).contains(&d))
    });
    Flags {
        unregistered: !registered,
        class_mismatch: code
            .reply
            .is_some_and(|reply| reply / 100 != u16::from(class)),
    }
}

/// The provider's codes in lookup order: by subject and first detail (a stable sort, so rows
/// of one code keep the document's order), rows without an enhanced code last.
pub(crate) fn lookup_order(provider: &ProviderEntry) -> Vec<&ProviderCode> {
    let mut codes: Vec<&ProviderCode> = provider.codes.iter().collect();
    codes.sort_by_key(|code| {
        code.enhanced_range()
            .map_or((u16::MAX, u16::MAX), |(_, subject, first, _)| {
                (subject, first)
            })
    });
    codes
}

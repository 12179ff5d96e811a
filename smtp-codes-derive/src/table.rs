//! The codes the derive checks attributes against: the generated table and its lookups.
//!
//! This crate cannot depend on `smtp-codes` (that crate re-exports the derive, and Cargo forbids
//! the cycle), so `cargo xtask codegen` writes the small table in `generated.rs` for it.

use crate::generated::{ENHANCED_CODES, REPLY_CODES};
pub(crate) use crate::generated::{KnownEnhanced, KnownReply};

/// The documented reply code `code`.
pub(crate) fn reply(code: u16) -> Option<&'static KnownReply> {
    REPLY_CODES
        .binary_search_by_key(&code, |r| r.code)
        .ok()
        .map(|i| &REPLY_CODES[i])
}

/// The documented reply code whose constant is named `name`.
pub(crate) fn reply_by_name(name: &str) -> Option<&'static KnownReply> {
    REPLY_CODES.iter().find(|r| r.name == name)
}

/// Every constant name, for "did you mean" hints.
pub(crate) fn names() -> impl Iterator<Item = &'static str> {
    REPLY_CODES.iter().map(|r| r.name)
}

/// The documented codes of the class (first digit) of `code` (dotless enhanced codes aside:
/// they are no codes to suggest).
pub(crate) fn class(code: u16) -> impl Iterator<Item = u16> {
    REPLY_CODES
        .iter()
        .filter(|r| r.alias_of.is_none())
        .map(|r| r.code)
        .filter(move |c| c / 100 == code / 100)
}

/// The documented codes that share the first two digits of `code` (the "55x family"),
/// dotless enhanced codes aside.
pub(crate) fn family(code: u16) -> impl Iterator<Item = u16> {
    REPLY_CODES
        .iter()
        .filter(|r| r.alias_of.is_none())
        .map(|r| r.code)
        .filter(move |c| c / 10 == code / 10)
}

/// The registered enhanced code `X.subject.detail`.
pub(crate) fn enhanced(subject: u16, detail: u16) -> Option<&'static KnownEnhanced> {
    ENHANCED_CODES
        .binary_search_by_key(&(subject, detail), |e| (e.subject, e.detail))
        .ok()
        .map(|i| &ENHANCED_CODES[i])
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn tables_are_sorted_so_binary_search_works() {
        assert!(REPLY_CODES.windows(2).all(|w| w[0].code < w[1].code));
        assert!(
            ENHANCED_CODES
                .windows(2)
                .all(|w| (w[0].subject, w[0].detail) < (w[1].subject, w[1].detail))
        );
    }

    #[test]
    fn lookups_find_documented_codes_only() {
        assert_eq!(reply(550).map(|r| r.name), Some("MAILBOX_UNAVAILABLE"));
        assert!(reply(559).is_none());
        assert_eq!(reply_by_name("SERVICE_READY").map(|r| r.code), Some(220));
        assert!(family(559).any(|c| c == 550));
        assert!(family(559).all(|c| (550..560).contains(&c)));
        assert!(enhanced(1, 1).is_some_and(|e| !e.deprecated));
        assert!(enhanced(6, 10).is_some_and(|e| e.deprecated && e.replaced_by == Some((6, 8))));
        assert!(enhanced(1, 99).is_none());
    }
}

//! Deciding an example reply the way the runtime classifier does, so that codegen can check
//! each rule against its own examples: which rule decides a reply, given its code, enhanced
//! code, provider fingerprint, command and text. (The runtime crate cannot be used here: its
//! tables are what codegen generates. Its tests classify every example too, so the two agree.)

use crate::model::{EnhancedPattern, Registry, RuleEntry};

/// What a rule can see of an example reply.
#[derive(Debug, Clone)]
pub(crate) struct Seen {
    /// The final line's code.
    pub(crate) code: u16,
    /// The final line's enhanced code (class, subject, detail), at the RFC 2034 position.
    pub(crate) enhanced: Option<(u8, u16, u16)>,
    /// The whole reply, ASCII lower case, for phrases.
    pub(crate) lower: String,
    /// The whole reply, for fingerprints.
    pub(crate) raw: String,
}

/// Reads an example reply (lines separated by CRLF or LF): `None` when its final line does not
/// start with a reply code.
pub(crate) fn read(reply: &str) -> Option<Seen> {
    let last = reply.trim_end_matches(['\r', '\n']).rsplit('\n').next()?;
    let last = last.trim_end_matches('\r');
    let bytes = last.as_bytes();
    if bytes.len() < 3
        || !bytes[..3].iter().all(u8::is_ascii_digit)
        || !(b'2'..=b'5').contains(&bytes[0])
    {
        return None;
    }
    let code: u16 = last[..3].parse().ok()?;
    let text = last.get(4..).unwrap_or("");
    let enhanced = text
        .split([' ', '\t'])
        .next()
        .and_then(crate::model::parse_enhanced_code);
    Some(Seen {
        code,
        enhanced,
        lower: reply.to_ascii_lowercase(),
        raw: reply.to_owned(),
    })
}

/// The provider whose fingerprint the reply carries: the first in the data's order.
pub(crate) fn provider<'r>(seen: &Seen, registry: &'r Registry) -> Option<&'r str> {
    registry
        .providers
        .iter()
        .find(|p| {
            p.fingerprints
                .iter()
                .any(|f| !f.text.is_empty() && seen.raw.contains(&f.text))
        })
        .map(|p| p.id.as_str())
}

/// Whether `rule` holds for a reply.
pub(crate) fn holds(
    rule: &RuleEntry,
    seen: &Seen,
    provider: Option<&str>,
    command: Option<&str>,
) -> bool {
    let when = &rule.condition;
    if when
        .provider
        .as_deref()
        .is_some_and(|p| Some(p) != provider)
    {
        return false;
    }
    // A rule that names no code speaks of failures: it never decides a 2xx or 3xx reply.
    let matched = match when.code {
        None => seen.code >= 400,
        Some(class @ 2..=5) => seen.code / 100 == class,
        Some(code) => seen.code == code,
    };
    if !matched {
        return false;
    }
    if let Some(pattern) = &when.enhanced {
        let Some(pattern) = EnhancedPattern::parse(pattern) else {
            return false;
        };
        if !seen
            .enhanced
            .is_some_and(|(c, s, d)| pattern.matches(c, s, d))
        {
            return false;
        }
    }
    if !when.commands.is_empty() && !command.is_some_and(|c| when.commands.iter().any(|w| w == c)) {
        return false;
    }
    when.phrases.is_empty()
        || when
            .phrases
            .iter()
            .any(|phrase| seen.lower.contains(&phrase.to_ascii_lowercase()))
}

/// The rules in the order they are tried: by layer, then as the file lists them.
pub(crate) fn in_order(registry: &Registry) -> Vec<&RuleEntry> {
    let mut rules: Vec<&RuleEntry> = registry.rules.iter().collect();
    rules.sort_by_key(|rule| rule.layer());
    rules
}

/// The rule that decides a reply: the first in order that holds.
pub(crate) fn decide<'r>(
    ordered: &[&'r RuleEntry],
    seen: &Seen,
    provider: Option<&str>,
    command: Option<&str>,
) -> Option<&'r RuleEntry> {
    ordered
        .iter()
        .copied()
        .find(|rule| holds(rule, seen, provider, command))
}

//! Fuzzes `ReplyCode` and `EnhancedCode` parsing against a reference grammar written out
//! plainly here: three digits 200 to 599; class 2, 4 or 5, then subject and detail of 1 to 3
//! digits without leading zeros (RFC 3463). Whatever parses displays as what was parsed.

#![no_main]

use libfuzzer_sys::fuzz_target;
use smtp_codes::{EnhancedCode, ReplyCode};

fn reference_reply(s: &str) -> Option<u16> {
    (s.len() == 3 && s.bytes().all(|b| b.is_ascii_digit()))
        .then(|| s.parse::<u16>().ok())
        .flatten()
        .filter(|n| (200..=599).contains(n))
}

fn number(part: &str) -> Option<u16> {
    let ok = (1..=3).contains(&part.len())
        && part.bytes().all(|b| b.is_ascii_digit())
        && !(part.len() > 1 && part.starts_with('0'));
    ok.then(|| part.parse().ok()).flatten()
}

fn reference_enhanced(s: &str) -> Option<(u8, u16, u16)> {
    let mut parts = s.split('.');
    let (class, subject, detail) = (parts.next()?, parts.next()?, parts.next()?);
    if parts.next().is_some() || !matches!(class, "2" | "4" | "5") {
        return None;
    }
    Some((class.parse().ok()?, number(subject)?, number(detail)?))
}

fuzz_target!(|s: &str| {
    let parsed = s.parse::<ReplyCode>().ok().map(ReplyCode::as_u16);
    assert_eq!(parsed, reference_reply(s), "{s:?}");
    if let Some(code) = parsed {
        assert_eq!(ReplyCode::from_u16(code).unwrap().to_string(), s);
    }
    let enhanced = s.parse::<EnhancedCode>().ok();
    let expected = reference_enhanced(s);
    assert_eq!(
        enhanced.map(|e| (e.class().digit(), e.subject(), e.detail())),
        expected,
        "{s:?}"
    );
    if let Some(e) = enhanced {
        assert_eq!(e.to_string(), s);
        assert_eq!(EnhancedCode::parse(s), Ok(e));
    }
});

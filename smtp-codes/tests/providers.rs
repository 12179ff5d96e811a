//! Provider meanings: every documented row, written as the provider sends it, parses, is told
//! apart by the provider's fingerprint, and looks up to the provider's own reading, with the
//! registry's still reachable; MX hosts name their provider.

use smtp_codes::{Provider, Reply, ReplyCode};

mod support;

/// A reply built from a documented row: code, enhanced code, text and the provider's first
/// fingerprint, as its servers end replies.
fn sent(provider: Provider, row: &smtp_codes::ProviderCodeInfo, text: &str) -> Option<String> {
    // Rows without a basic code go out with their class's usual one.
    let enhanced = row.enhanced_code()?;
    let usual = if enhanced.class().digit() == 4 {
        450
    } else {
        550
    };
    let code = row
        .reply_code()
        .map_or(usual, smtp_codes::ReplyCode::as_u16);
    let fingerprint = provider_fingerprint(provider);
    Some(format!("{code} {enhanced} {text}{fingerprint}\r\n"))
}

/// Text that carries the provider's fingerprint, from a real reply's shape.
fn provider_fingerprint(provider: Provider) -> &'static str {
    match provider.id() {
        "google" => " x1si2.3 - gsmtp",
        "microsoft" => " [AM6PR01MB1234.eurprd01.prod.outlook.com]",
        "yahoo" => " [TSS04]",
        _ => "",
    }
}

#[test]
fn every_documented_row_parses_and_looks_up_to_its_meaning() {
    let mut checked = 0;
    for &provider in Provider::ALL {
        assert!(!provider.codes().is_empty(), "{}", provider.name());
        for row in provider.codes() {
            assert_eq!(row.provider(), provider);
            if row.enhanced_code().is_none() || row.class_mismatch() {
                continue; // no enhanced code documented, or one the reply's class contradicts
            }
            let texts: &[&str] = if row.texts().is_empty() {
                &["x"]
            } else {
                row.texts()
            };
            for text in texts {
                let Some(wire) = sent(provider, row, text) else {
                    continue;
                };
                let (reply, _) =
                    Reply::parse(wire.as_bytes()).unwrap_or_else(|e| panic!("{e}: {wire:?}"));
                if !provider_fingerprint(provider).is_empty() {
                    assert_eq!(reply.provider(), Some(provider), "{wire:?}");
                }
                let meaning = reply
                    .provider_meaning(Some(provider))
                    .unwrap_or_else(|| panic!("no meaning for {wire:?}"));
                assert!(meaning.covers(row.enhanced_code().unwrap()), "{wire:?}");
                if row.reply_code().is_some() {
                    assert_eq!(meaning.reply_code(), row.reply_code(), "{wire:?}");
                }
                // The row whose documented text the reply holds wins (among rows of the same
                // reply code: a row documented without one went out with a stand-in).
                assert!(
                    meaning.texts().iter().any(|t| wire.contains(t))
                        || row.texts().is_empty()
                        || row.reply_code().is_none(),
                    "{wire:?} looked up to {:?}",
                    meaning.texts()
                );
                checked += 1;
            }
        }
    }
    assert!(checked > 250, "only {checked} rows checked");
}

#[test]
fn the_meanings_the_issue_names() {
    use smtp_codes::enhanced_code;
    let google = |code, enhanced| {
        Provider::Google
            .meaning(Some(ReplyCode::from_u16(code).unwrap()), enhanced)
            .unwrap_or_else(|| panic!("{code} {enhanced}"))
    };
    for (code, enhanced) in [
        (550, enhanced_code!("5.7.27")),
        (421, enhanced_code!("4.7.27")),
        (550, enhanced_code!("5.7.29")),
        (550, enhanced_code!("5.7.30")),
        (421, enhanced_code!("4.7.23")),
    ] {
        let row = google(code, enhanced);
        assert!(row.differs_from_registry(), "{code} {enhanced}");
        assert!(
            enhanced.info().is_some(),
            "the registry's reading stays reachable"
        );
    }
    assert!(google(550, enhanced_code!("5.7.80")).unregistered());
    assert!(google(421, enhanced_code!("5.7.32")).class_mismatch());
    let microsoft = Provider::Microsoft
        .meaning(
            Some(ReplyCode::MAILBOX_UNAVAILABLE),
            enhanced_code!("5.1.10"),
        )
        .unwrap();
    assert!(microsoft.differs_from_registry());
    assert_eq!(
        enhanced_code!("5.1.10").info().unwrap().title(),
        Some("Recipient address has null MX")
    );
    // A documented range covers every code in it.
    let banned = Provider::Microsoft
        .meaning(None, enhanced_code!("5.7.621"))
        .unwrap();
    assert!(banned.unregistered());
    assert!(banned.covers(enhanced_code!("5.7.606")) && banned.covers(enhanced_code!("5.7.649")));
    // Another provider's reading of the same number is not Google's.
    assert!(
        Provider::Comcast
            .meaning(None, enhanced_code!("5.7.27"))
            .is_none()
    );
}

#[test]
fn mx_hosts_name_their_provider() {
    for (host, provider) in [
        ("gmail-smtp-in.l.google.com", Some(Provider::Google)),
        ("ALT1.GMAIL-SMTP-IN.L.GOOGLE.COM.", Some(Provider::Google)),
        ("aspmx.l.google.com", Some(Provider::Google)),
        (
            "example-com.mail.protection.outlook.com",
            Some(Provider::Microsoft),
        ),
        ("mail.protection.outlook.com.evil.example", None),
        ("google.com", None),
        ("mx.example.org", None),
        ("", None),
    ] {
        assert_eq!(Provider::from_mx_host(host), provider, "{host}");
    }
    for &provider in Provider::ALL {
        assert_eq!(Provider::ALL[provider as usize], provider);
        assert!(!provider.name().is_empty() && !provider.documents().is_empty());
    }
}

#[test]
fn real_replies_are_told_apart_by_their_fingerprints() {
    let mut google = 0;
    for input in support::real_replies() {
        let (reply, _) = Reply::parse(&input).unwrap();
        let text = String::from_utf8_lossy(&input);
        if text.contains(" - gsmtp") {
            assert_eq!(reply.provider(), Some(Provider::Google), "{text}");
            google += 1;
        }
        // The provider's reading never replaces the registry's: both stay reachable.
        if let (Some(meaning), Some(enhanced)) =
            (reply.provider_meaning(None), reply.enhanced_code())
        {
            assert!(meaning.covers(enhanced));
        }
    }
    assert!(google >= 20, "{google}");
}

//! The classifier: every rule decides each of its own examples (as codegen checked with its
//! own reading), the answers hold together, and commands and reasons have their names.

use smtp_codes::{Command, Reason, Reply, Retry, Rule, Scope};

#[test]
fn every_rule_decides_its_own_examples() {
    let mut examples = 0;
    for rule in Rule::ALL {
        assert!(!rule.examples().is_empty(), "{}", rule.id());
        assert!(!rule.references().is_empty(), "{}", rule.id());
        for example in rule.examples() {
            let wire = format!("{}\r\n", example.reply());
            let (reply, used) = Reply::parse(wire.as_bytes())
                .unwrap_or_else(|e| panic!("{}: {e}: {wire:?}", rule.id()));
            assert_eq!(used, wire.len(), "{}", rule.id());
            let answer = reply.classify_with(example.command(), example.provider());
            assert_eq!(answer.rule().id(), rule.id(), "{wire:?}");
            assert_eq!(answer.reason(), rule.reason());
            examples += 1;
        }
    }
    assert!(examples >= Rule::ALL.len());
}

#[test]
fn answers_hold_together() {
    let classify = |wire: &str, command: Option<Command>| {
        let (reply, _) = Reply::parse(wire.as_bytes()).unwrap();
        reply.classify(command)
    };
    let unknown = classify(
        "550 5.1.1 <bob@example.org>: Recipient address rejected: User unknown\r\n",
        Some(Command::Rcpt),
    );
    assert_eq!(unknown.reason(), Reason::RecipientUnknown);
    assert_eq!(unknown.retry(), Retry::DoNotRetry);
    assert!(unknown.suppress_recipient());
    assert_eq!(unknown.scope(), Scope::Recipient);
    // A temporary failure never suppresses the address, whatever the reason.
    let later = classify(
        "450 4.1.1 <bob@example.org>: Recipient address rejected: unverified\r\n",
        None,
    );
    assert_eq!(later.retry(), Retry::Later);
    assert!(!later.suppress_recipient());
    // A full mailbox is worth retrying even with a 5yz code (RFC 3463's X.2.2).
    let full = classify("552 5.2.2 Mailbox full\r\n", None);
    assert_eq!(full.reason(), Reason::MailboxFull);
    assert_eq!(full.retry(), Retry::Later);
    // Gmail's 5.7.27 is SPF, not the registry's null MX.
    let spf = classify(
        "550 5.7.27 SPF did not pass. a1si2 - gsmtp\r\n",
        Some(Command::DataEnd),
    );
    assert_eq!(spf.reason(), Reason::AuthenticationFailed);
    // Success is no failure.
    let ok = classify("250 2.1.5 Ok\r\n", Some(Command::Rcpt));
    assert_eq!(ok.reason().name(), "accepted");
    assert_eq!(ok.retry(), Retry::NotNeeded);
    // Every reply gets an answer from the data's rules, never the built-in fallback.
    for code in 200..600 {
        let wire = format!("{code} x\r\n");
        assert_ne!(classify(&wire, None).rule().id(), "unclassified", "{code}");
    }
}

#[test]
fn commands_and_reasons_have_their_names() {
    // Which reasons there must be is codegen's check (`REQUIRED_REASONS`); here, that each one
    // is found by its own name and no other, and says what it means.
    for &reason in Reason::ALL {
        assert_eq!(Reason::from_name(reason.name()), Some(reason));
        assert!(!reason.description().is_empty(), "{reason}");
    }
    let mut names: Vec<&str> = Reason::ALL.iter().map(|r| r.name()).collect();
    names.sort_unstable();
    names.dedup();
    assert_eq!(names.len(), Reason::ALL.len());
    assert_eq!(Reason::from_name("no such reason"), None);
    for name in [
        "CONNECT", "HELO", "EHLO", "MAIL", "RCPT", "DATA", "DATA_END", "BDAT", "STARTTLS", "AUTH",
    ] {
        let command = Command::from_name(name).unwrap_or_else(|| panic!("{name}"));
        assert_eq!(command.name(), name);
    }
    assert_eq!(Command::from_name("mail from"), Some(Command::Mail));
}

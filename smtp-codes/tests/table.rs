//! The generated table, checked through the public API: constants agree with entries, lookups
//! find every entry, cross-links resolve, and non-standard codes are never presented as standard.

use smtp_codes::{Class, ENHANCED_CODES, EnhancedCode, REPLY_CODES, ReplyCode, SUBJECTS, Status};

#[test]
fn every_reply_entry_is_found_by_its_own_code() {
    for info in REPLY_CODES {
        let found = info.code().info().expect("entry's code has info");
        assert!(
            core::ptr::eq(found, info),
            "{} looks up another entry",
            info.code()
        );
        assert!(!info.description().is_empty());
        assert!(
            !info.references().is_empty(),
            "{} has no source",
            info.code()
        );
    }
    assert!(REPLY_CODES.windows(2).all(|w| w[0].code() < w[1].code()));
}

#[test]
fn undocumented_codes_have_no_info() {
    for code in 200..=599u16 {
        let info = ReplyCode::from_u16(code).unwrap().info();
        assert_eq!(
            info.is_some(),
            REPLY_CODES.iter().any(|i| i.code() == code),
            "{code}"
        );
    }
}

#[test]
fn generated_constants_agree_with_the_table() {
    let pairs = [
        (ReplyCode::SERVICE_READY, 220, "SERVICE_READY"),
        (ReplyCode::OK, 250, "OK"),
        (ReplyCode::START_MAIL_INPUT, 354, "START_MAIL_INPUT"),
        (
            ReplyCode::SERVICE_NOT_AVAILABLE,
            421,
            "SERVICE_NOT_AVAILABLE",
        ),
        (ReplyCode::MAILBOX_UNAVAILABLE, 550, "MAILBOX_UNAVAILABLE"),
        (
            ReplyCode::HOST_DOES_NOT_ACCEPT_MAIL,
            521,
            "HOST_DOES_NOT_ACCEPT_MAIL",
        ),
        (
            ReplyCode::DOMAIN_DOES_NOT_ACCEPT_MAIL,
            556,
            "DOMAIN_DOES_NOT_ACCEPT_MAIL",
        ),
    ];
    for (constant, code, name) in pairs {
        assert_eq!(constant, code);
        assert_eq!(constant.info().unwrap().name(), name);
    }
    let names: std::collections::HashSet<_> = REPLY_CODES
        .iter()
        .map(smtp_codes::ReplyInfo::name)
        .collect();
    assert_eq!(names.len(), REPLY_CODES.len(), "constant names are unique");
}

#[test]
fn rfc_5321_codes_are_standard_with_their_texts() {
    let expected = [
        (211, "System status, or system help reply"),
        (214, "Help message"),
        (220, "<domain> Service ready"),
        (221, "<domain> Service closing transmission channel"),
        (250, "Requested mail action okay, completed"),
        (251, "User not local; will forward to <forward-path>"),
        (
            252,
            "Cannot VRFY user, but will accept message and attempt delivery",
        ),
        (354, "Start mail input; end with <CRLF>.<CRLF>"),
        (
            421,
            "<domain> Service not available, closing transmission channel",
        ),
        (450, "Requested mail action not taken: mailbox unavailable"),
        (451, "Requested action aborted: local error in processing"),
        (
            452,
            "Requested action not taken: insufficient system storage",
        ),
        (455, "Server unable to accommodate parameters"),
        (500, "Syntax error, command unrecognized"),
        (501, "Syntax error in parameters or arguments"),
        (502, "Command not implemented"),
        (503, "Bad sequence of commands"),
        (504, "Command parameter not implemented"),
        (550, "Requested action not taken: mailbox unavailable"),
        (551, "User not local; please try <forward-path>"),
        (
            552,
            "Requested mail action aborted: exceeded storage allocation",
        ),
        (553, "Requested action not taken: mailbox name not allowed"),
        (554, "Transaction failed"),
        (
            555,
            "MAIL FROM/RCPT TO parameters not recognized or not implemented",
        ),
    ];
    for (code, text) in expected {
        let info = ReplyCode::from_u16(code).unwrap().info().unwrap();
        assert_eq!(info.status(), Status::Standard, "{code}");
        assert_eq!(info.text(), Some(text), "{code}");
        assert_eq!(
            info.texts()[0].reference().label(),
            "RFC 5321, section 4.2.3",
            "{code}"
        );
    }
    for code in [521, 556] {
        let info = ReplyCode::from_u16(code).unwrap().info().unwrap();
        assert_eq!(info.status(), Status::Standard);
        assert!(info.references().iter().any(|r| r.rfc() == Some(7504)));
    }
}

#[test]
fn non_standard_codes_are_marked_and_never_shown_as_standard() {
    let non_standard = [
        200, 353, 422, 426, 430, 431, 441, 442, 446, 447, 449, 471, 510, 511, 512, 513, 523, 524,
        525, 533, 540, 541, 542, 557, 571,
    ];
    for info in REPLY_CODES {
        let code = info.code().as_u16();
        assert_eq!(
            info.status() == Status::NonStandard,
            non_standard.contains(&code),
            "{code}"
        );
        if info.status() == Status::NonStandard {
            assert_eq!(
                format!("{:#}", info.code()),
                code.to_string(),
                "{code} shows a text"
            );
        } else {
            assert!(
                info.references().iter().any(|r| r.rfc().is_some()),
                "{code} cites no RFC"
            );
        }
    }
}

#[test]
fn extension_codes_cite_their_rfcs() {
    let cited = [
        (235, 4954),
        (253, 1985),
        (334, 4954),
        (355, 1845),
        (432, 4954),
        (452, 1870),
        (453, 2645),
        (454, 3207),
        (454, 4954),
        (458, 1985),
        (459, 1985),
        (521, 7504),
        (530, 3207),
        (530, 4954),
        (534, 4954),
        (535, 4954),
        (538, 4954),
        (552, 1870),
        (555, 1869),
        (556, 7504),
    ];
    for (code, rfc) in cited {
        let info = ReplyCode::from_u16(code).unwrap().info().unwrap();
        assert!(
            info.references().iter().any(|r| r.rfc() == Some(rfc)),
            "{code} lacks RFC {rfc}"
        );
    }
    let texts_of = |code: u16| -> Vec<(&str, Option<u16>)> {
        let info = ReplyCode::from_u16(code).unwrap().info().unwrap();
        info.texts()
            .iter()
            .map(|t| (t.text(), t.reference().rfc()))
            .collect()
    };
    let texts_451 = texts_of(451);
    assert!(texts_451.contains(&(
        "Requested action aborted: local error in processing",
        Some(5321)
    )));
    assert!(texts_451.contains(&("Requested action aborted: error in processing", Some(5321))));
    let texts_530 = texts_of(530);
    assert!(texts_530.contains(&("Must issue a STARTTLS command first", Some(3207))));
    assert!(texts_530.contains(&("Authentication required", Some(4954))));
    assert!(texts_of(453).contains(&("You have no mail", Some(2645))));
}

#[test]
fn every_enhanced_entry_is_found_in_every_class_it_applies_to() {
    // How many entries the registry has is checked against IANA's own file by codegen's tests.
    for info in ENHANCED_CODES {
        assert_eq!(
            info.key(),
            format!("X.{}.{}", info.subject(), info.detail())
        );
        assert!(!info.classes().is_empty());
        for &class in info.classes() {
            let code = info.code(class).unwrap();
            let found = code.info().expect("registered");
            assert!(core::ptr::eq(found, info));
            assert!(info.applies_to(class));
        }
        assert!(info.code(Class::PositiveIntermediate).is_err());
        assert!(SUBJECTS.iter().any(|s| s.subject() == info.subject()));
        assert!(info.title().is_some() || info.is_deprecated());
    }
}

#[test]
fn cross_links_resolve_both_ways() {
    for info in ENHANCED_CODES {
        for code in info.associated_codes() {
            let reply = code
                .info()
                .unwrap_or_else(|| panic!("{} lists undocumented {code}", info.key()));
            assert!(
                reply.enhanced_codes().any(|e| core::ptr::eq(e, info)),
                "{code} does not link back to {}",
                info.key()
            );
        }
    }
    for reply in REPLY_CODES {
        for enhanced in reply.enhanced_codes() {
            assert!(enhanced.associated_codes().contains(&reply.code()));
        }
    }
    let x_1_1 = EnhancedCode::new(5, 1, 1).unwrap().info().unwrap();
    assert_eq!(x_1_1.associated_codes(), [451, 550]);
}

#[test]
fn registry_oddities_are_kept() {
    let x_6_10 = EnhancedCode::new(5, 6, 10).unwrap().info().unwrap();
    assert!(x_6_10.is_deprecated() && x_6_10.title().is_none());
    let x_7_28 = EnhancedCode::new(5, 7, 28).unwrap().info().unwrap();
    assert!(x_7_28.associated_codes().is_empty());
    assert_eq!(x_7_28.associated_note(), Some("."));
    assert!(x_7_28.references()[0].rfc().is_none());
}

#[test]
fn classes_and_subjects_have_names() {
    assert_eq!(Class::PositiveCompletion.name(), "Positive Completion");
    assert_eq!(
        Class::PermanentNegative.to_string(),
        "Permanent Negative Completion"
    );
    // RFC 3463, section 3: the subjects are 0 to 7, each once.
    assert!(
        SUBJECTS
            .iter()
            .map(smtp_codes::SubjectInfo::subject)
            .eq(0..8)
    );
    assert_eq!(
        smtp_codes::SubjectInfo::get(7).unwrap().name(),
        "Security or Policy Status"
    );
}

#[test]
fn audited_facts_stay_fixed() {
    let info = |code: u16| ReplyCode::from_u16(code).unwrap().info().unwrap();
    let texts = |code: u16| -> Vec<(&str, String)> {
        info(code)
            .texts()
            .iter()
            .map(|t| (t.text(), t.reference().label().to_owned()))
            .collect()
    };
    // RFC 7504 section 5.1 gives both texts; section 3 offers the server variant for 521.
    assert_eq!(
        texts(556),
        [(
            "Domain does not accept mail",
            "RFC 7504, section 5.1".to_owned()
        )]
    );
    assert_eq!(
        texts(521),
        [
            (
                "Host does not accept mail",
                "RFC 7504, section 5.1".to_owned()
            ),
            (
                "Server does not accept mail",
                "RFC 7504, section 3".to_owned()
            ),
        ]
    );
    assert!(info(556).references().iter().any(|r| r.rfc() == Some(7505)));
    assert!(info(521).seen_after().contains(&"BDAT"));
    // RFC 4954 deprecates 538; RFC 2554, which defined it, is obsolete.
    assert_eq!(info(538).status(), Status::Obsolete);
    // Exchange's unrelated 432 is recorded beside RFC 4954's.
    assert!(info(432).notes().unwrap().contains("STOREDRV.Deliver"));
    // RFC 3464's example is the one source of 426; 557 rests on the seed list alone.
    assert_eq!(info(426).references()[0].label(), "RFC 3464, appendix E");
    assert!(
        info(557)
            .references()
            .iter()
            .all(|r| r.label().contains("AWStats"))
    );
    // 355's text has no brackets in RFC 1845.
    assert_eq!(
        info(355).text(),
        Some("octet-offset is the transaction offset")
    );
    // Postfix refuses relaying with 554 at RCPT, outside RFC 5321's list for RCPT.
    assert!(!info(554).commands().contains(&"RCPT"));
    assert!(info(554).seen_after().contains(&"RCPT"));
    // Deprecated X.6.10 was the 252 (class 2) twin of X.6.8.
    let x610 = smtp_codes::EnhancedCode::new(2, 6, 10)
        .unwrap()
        .info()
        .unwrap();
    assert!(x610.is_deprecated());
    assert_eq!(x610.classes(), [Class::PositiveCompletion]);
    assert_eq!(x610.replaced_by().unwrap().key(), "X.6.8");
}

#[test]
fn dotless_numbers_point_at_their_enhanced_codes() {
    let folklore = [
        (431, "4.3.1"),
        (441, "4.4.1"),
        (442, "4.4.2"),
        (446, "4.4.6"),
        (447, "4.4.7"),
        (449, "4.4.9"),
        (471, "4.7.1"),
        (510, "5.1.0"),
        (511, "5.1.1"),
        (512, "5.1.2"),
        (513, "5.1.3"),
        (541, "5.4.1"),
        (571, "5.7.1"),
    ];
    for (code, alias) in folklore {
        let info = ReplyCode::from_u16(code).unwrap().info().unwrap();
        assert_eq!(info.status(), Status::NonStandard, "{code}");
        assert_eq!(
            info.alias_of().map(|a| a.to_string()).as_deref(),
            Some(alias)
        );
        assert!(info.name().starts_with("DOTLESS_"), "{code}");
        // Never shown as standard: no RFC text in `{:#}`.
        assert_eq!(format!("{:#}", info.code()), code.to_string());
    }
    // Every alias in the table is one of these, and 4.4.9 is Exchange's, not the registry's.
    let aliases = REPLY_CODES
        .iter()
        .filter(|i| i.alias_of().is_some())
        .count();
    assert_eq!(aliases, folklore.len());
    assert!(
        smtp_codes::EnhancedCode::new(4, 4, 9)
            .unwrap()
            .info()
            .is_none()
    );
}

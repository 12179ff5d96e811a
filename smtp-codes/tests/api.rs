//! The hand-written API of `ReplyCode` and `EnhancedCode`: exhaustive round trips, the error
//! cases, formatting, and a randomized check that parsing never panics.

// The pseudo-random inputs are truncated on purpose.
#![allow(clippy::cast_possible_truncation)]

use std::collections::HashSet;

use smtp_codes::{Class, EnhancedCode, ReplyCode, SmtpReply, enhanced_code, reply_code};
use support::XorShift;

mod support;

#[test]
fn from_u16_display_and_from_str_round_trip_over_0_to_1000() {
    for n in 0..=1000u16 {
        let text = format!("{n:03}");
        let from_number = ReplyCode::from_u16(n);
        let from_text = text.parse::<ReplyCode>();
        if (200..=599).contains(&n) {
            let code = from_number.unwrap();
            assert_eq!(code.as_u16(), n);
            assert_eq!(u16::from(code), n);
            assert_eq!(code, n);
            assert_eq!(ReplyCode::try_from(n), Ok(code));
            assert_eq!(code.to_string(), text);
            assert_eq!(from_text, Ok(code));
            assert_eq!(code.class().digit(), u8::try_from(n / 100).unwrap());
        } else {
            let error = from_number.unwrap_err().to_string();
            assert!(error.contains("200 to 599"), "{error}");
            assert!(from_text.is_err(), "{text} parsed");
            assert!(ReplyCode::try_from(n).is_err());
        }
    }
}

#[test]
fn from_str_takes_exactly_three_ascii_digits() {
    for bad in [
        "", "55", "5500", " 550", "550 ", "+550", "-550", "5 0", "55a", "٥٥٠", "550\n",
    ] {
        let error = bad.parse::<ReplyCode>().unwrap_err();
        assert!(
            error.to_string().contains("three ASCII digits"),
            "{bad:?}: {error}"
        );
    }
    assert!(
        "650"
            .parse::<ReplyCode>()
            .unwrap_err()
            .to_string()
            .contains("650 is not an SMTP reply code")
    );
}

#[test]
fn predicates_follow_the_first_digit() {
    let code = |n| ReplyCode::from_u16(n).unwrap();
    assert!(code(250).is_positive_completion() && !code(250).is_positive_intermediate());
    assert!(code(354).is_positive_intermediate());
    assert!(code(421).is_transient_negative());
    assert!(code(599).is_permanent_negative());
    assert_eq!(code(571).class(), Class::PermanentNegative);
    for n in 200..=599 {
        let c = code(n);
        let flags = [
            c.is_positive_completion(),
            c.is_positive_intermediate(),
            c.is_transient_negative(),
            c.is_permanent_negative(),
        ];
        assert_eq!(flags.iter().filter(|&&f| f).count(), 1);
    }
}

#[test]
fn display_alternate_adds_the_standard_text() {
    assert_eq!(format!("{}", ReplyCode::MAILBOX_UNAVAILABLE), "550");
    assert_eq!(
        format!("{:#}", ReplyCode::MAILBOX_UNAVAILABLE),
        "550 Requested action not taken: mailbox unavailable"
    );
    assert_eq!(format!("{:#}", reply_code!(599)), "599");
    assert_eq!(
        format!("{:?}", ReplyCode::MAILBOX_UNAVAILABLE),
        "ReplyCode(550 MAILBOX_UNAVAILABLE)"
    );
    assert_eq!(format!("{:?}", reply_code!(599)), "ReplyCode(599)");
}

#[test]
fn reply_codes_order_and_hash_by_number() {
    let mut codes: Vec<ReplyCode> = [554, 250, 421]
        .into_iter()
        .map(|n| ReplyCode::from_u16(n).unwrap())
        .collect();
    codes.sort();
    assert_eq!(codes, [250, 421, 554]);
    let set: HashSet<ReplyCode> = codes.iter().copied().chain(codes.iter().copied()).collect();
    assert_eq!(set.len(), 3);
}

#[test]
fn enhanced_codes_parse_and_display() {
    for (text, class, subject, detail) in [
        ("2.0.0", Class::PositiveCompletion, 0, 0),
        ("4.2.2", Class::TransientNegative, 2, 2),
        ("5.7.26", Class::PermanentNegative, 7, 26),
        ("5.1.351", Class::PermanentNegative, 1, 351),
        ("5.999.999", Class::PermanentNegative, 999, 999),
    ] {
        let code: EnhancedCode = text.parse().unwrap();
        assert_eq!(
            (code.class(), code.subject(), code.detail()),
            (class, subject, detail)
        );
        assert_eq!(code.to_string(), text);
        assert_eq!(EnhancedCode::new(class.digit(), subject, detail), Ok(code));
    }
    assert_eq!(
        "5.0.10".parse::<EnhancedCode>().unwrap().to_string(),
        "5.0.10"
    );
}

#[test]
fn bad_enhanced_codes_are_rejected_with_a_reason() {
    for (bad, reason) in [
        ("5.1", "class.subject.detail"),
        ("6.1.1", "class (first number) must be 2, 4 or 5"),
        ("3.1.1", "class (first number) must be 2, 4 or 5"),
        ("5.1000.1", "at most three digits"),
        ("5.1.1000", "at most three digits"),
        ("5..1", "class.subject.detail"),
        (" 5.1.1", "class.subject.detail"),
        ("5.1.1 ", "class.subject.detail"),
        ("+5.1.1", "class.subject.detail"),
        ("5.-1.1", "class.subject.detail"),
        ("", "empty"),
        ("5.1.1.1", "class.subject.detail"),
        ("55.1.1", "class.subject.detail"),
        ("٥.١.١", "class.subject.detail"),
        ("5.١.1", "class.subject.detail"),
        ("5.1.", "class.subject.detail"),
        ("5", "class.subject.detail"),
        ("5.01.1", "without leading zeros"),
        ("5.1.001", "without leading zeros"),
    ] {
        let error = bad.parse::<EnhancedCode>().unwrap_err().to_string();
        assert!(error.contains(reason), "{bad:?}: {error}");
    }
    assert!(EnhancedCode::new(3, 1, 1).is_err());
    assert!(
        EnhancedCode::new(5, 1000, 1)
            .unwrap_err()
            .to_string()
            .contains("subject")
    );
    assert!(
        EnhancedCode::new(5, 1, 1000)
            .unwrap_err()
            .to_string()
            .contains("detail")
    );
}

#[test]
fn enhanced_debug_shows_the_title_when_registered() {
    assert_eq!(
        format!("{:?}", enhanced_code!("5.1.1")),
        "EnhancedCode(5.1.1 Bad destination mailbox address)"
    );
    assert_eq!(
        format!("{:?}", enhanced_code!("5.1.99")),
        "EnhancedCode(5.1.99)"
    );
    assert!(enhanced_code!("4.2.2").info().is_some());
    assert!(enhanced_code!("4.9.0").info().is_none());
}

#[test]
fn lookups_work_in_const_context() {
    const CODE: ReplyCode = ReplyCode::MAILBOX_UNAVAILABLE;
    const NAME: &str = match CODE.info() {
        Some(info) => info.name(),
        None => "",
    };
    const TITLE: Option<&str> = match enhanced_code!("5.7.1").info() {
        Some(info) => info.title(),
        None => None,
    };
    assert_eq!(NAME, "MAILBOX_UNAVAILABLE");
    assert_eq!(TITLE, Some("Delivery not authorized, message refused"));
}

#[test]
fn parsing_never_panics_and_agrees_with_display() {
    // Characters chosen to hit every branch: digits, dots, signs, spaces, and non-ASCII digits.
    let alphabet: Vec<char> = "0123456789..+- x٥\u{0}".chars().collect();
    let mut rng = XorShift(0x5EED_5EED_5EED_5EED);
    for _ in 0..200_000 {
        let len = (rng.next() % 12) as usize;
        let s: String = (0..len)
            .map(|_| alphabet[rng.below(alphabet.len())])
            .collect();
        if let Ok(code) = s.parse::<EnhancedCode>() {
            assert_eq!(code.to_string().parse::<EnhancedCode>(), Ok(code));
        }
        if let Ok(code) = s.parse::<ReplyCode>() {
            assert_eq!(code.to_string(), s);
        }
    }
    for _ in 0..100_000 {
        let bytes: Vec<u8> = (0..(rng.next() % 10)).map(|_| rng.next() as u8).collect();
        let s = String::from_utf8_lossy(&bytes);
        let _ = s.parse::<EnhancedCode>();
        let _ = s.parse::<ReplyCode>();
    }
}

#[test]
fn smtp_reply_is_implemented_for_references_and_boxes() {
    struct Full;
    impl SmtpReply for Full {
        fn reply_code(&self) -> ReplyCode {
            ReplyCode::INSUFFICIENT_STORAGE
        }
        fn enhanced_code(&self) -> Option<EnhancedCode> {
            Some(enhanced_code!("4.2.2"))
        }
    }
    fn code_of(reply: &impl SmtpReply) -> (u16, Option<String>) {
        (
            reply.reply_code().as_u16(),
            reply.enhanced_code().map(|e| e.to_string()),
        )
    }
    let expected = (452, Some("4.2.2".to_owned()));
    assert_eq!(code_of(&Full), expected);
    assert_eq!(code_of(&&Full), expected);
    #[cfg(feature = "alloc")]
    {
        let boxed: Box<dyn SmtpReply> = Box::new(Full);
        assert_eq!(boxed.reply_code(), 452);
        assert_eq!(code_of(&Box::new(Full)), expected);
    }
}

#[cfg(feature = "serde")]
#[test]
fn serde_round_trips_and_validates() {
    let code: ReplyCode = serde_json::from_str("550").unwrap();
    assert_eq!(code, ReplyCode::MAILBOX_UNAVAILABLE);
    assert_eq!(serde_json::to_string(&code).unwrap(), "550");
    assert!(
        serde_json::from_str::<ReplyCode>("650")
            .unwrap_err()
            .to_string()
            .contains("200 to 599")
    );
    assert!(serde_json::from_str::<ReplyCode>("\"550\"").is_err());

    let enhanced: EnhancedCode = serde_json::from_str("\"5.7.26\"").unwrap();
    assert_eq!(serde_json::to_string(&enhanced).unwrap(), "\"5.7.26\"");
    assert!(
        serde_json::from_str::<EnhancedCode>("\"6.1.1\"")
            .unwrap_err()
            .to_string()
            .contains("2, 4 or 5")
    );
    for n in 200..=599u16 {
        let code = ReplyCode::from_u16(n).unwrap();
        let json = serde_json::to_string(&code).unwrap();
        assert_eq!(serde_json::from_str::<ReplyCode>(&json).unwrap(), code);
    }
}

//! The wire format: anomalies, streaming, limits, text extraction, display, retry advice and
//! rendering, plus randomized checks (parsing never panics, render → parse round-trips, byte
//! by byte feeding agrees with whole input).

// The pseudo-random inputs are truncated on purpose.
#![allow(clippy::cast_possible_truncation)]

use support::XorShift;

mod support;

use smtp_codes::{
    AnomalyKind, Class, EnhancedCode, Malformed, ParseError, Parser, RenderError, Reply, ReplyCode,
    enhanced_code, write_reply, write_smtp_reply,
};

/// `write_reply` into a `String` (what the crate's `render_reply` does with `alloc`).
fn render_reply(
    code: ReplyCode,
    enhanced: Option<EnhancedCode>,
    text: &str,
) -> Result<String, RenderError> {
    let mut out = String::new();
    write_reply(&mut out, code, enhanced, text).map(|()| out)
}

fn render_smtp_reply<T: smtp_codes::SmtpReply + std::fmt::Display>(
    reply: &T,
) -> Result<String, RenderError> {
    let mut out = String::new();
    write_smtp_reply(&mut out, reply).map(|()| out)
}

fn parse(input: &[u8]) -> Reply<'_> {
    Reply::parse(input)
        .unwrap_or_else(|e| panic!("{e}: {input:?}"))
        .0
}

fn kinds(reply: &Reply<'_>) -> Vec<(usize, AnomalyKind)> {
    reply.anomalies().map(|a| (a.line(), a.kind())).collect()
}

#[test]
fn a_clean_reply_has_no_anomalies() {
    let reply =
        parse(b"250-smtp.example.org at your service\r\n250-SIZE 35882577\r\n250 SMTPUTF8\r\n");
    assert!(reply.is_clean());
    assert_eq!(reply.anomalies().count(), 0);
    assert_eq!(reply.code(), ReplyCode::OK);
    assert_eq!(
        reply.lines().collect::<Vec<_>>(),
        [
            &b"smtp.example.org at your service"[..],
            b"SIZE 35882577",
            b"SMTPUTF8"
        ]
    );
    assert_eq!(reply.lines().rev().collect::<Vec<_>>()[0], b"SMTPUTF8");
}

#[test]
fn each_deviation_is_recorded_on_its_line() {
    type Case = (&'static [u8], &'static [(usize, AnomalyKind)]);
    let cases: &[Case] = &[
        (b"250 OK\n", &[(1, AnomalyKind::BareLineFeed)]),
        (b"421\r\n", &[(1, AnomalyKind::CodeOnly)]),
        (b"250 \r\n", &[(1, AnomalyKind::EmptyText)]),
        (
            b"571 5.7.1 denied\r\n",
            &[(1, AnomalyKind::SecondDigitOutOfRange)],
        ),
        (b"250-a\r\n550 b\r\n", &[(2, AnomalyKind::CodeMismatch)]),
        (
            b"554 4.4.7 Message expired\r\n",
            &[(1, AnomalyKind::EnhancedClassMismatch)],
        ),
        (
            "550 caf\u{e9}\r\n".as_bytes(),
            &[(1, AnomalyKind::NonAsciiText)],
        ),
        (
            b"550 \xff\xfe not utf-8\r\n",
            &[(1, AnomalyKind::InvalidUtf8Text)],
        ),
        (
            b"550 evil \x1b[31m red\r\n",
            &[(1, AnomalyKind::ControlCharacter)],
        ),
        (b"250-a\n250 b\r\n", &[(1, AnomalyKind::BareLineFeed)]),
    ];
    for (input, expected) in cases {
        let reply = parse(input);
        assert_eq!(kinds(&reply), *expected, "{input:?}");
        assert!(!reply.is_clean());
        let strict = Parser::new().strict(true).parse(input).unwrap_err();
        let ParseError::Strict(anomaly) = strict else {
            panic!("{strict:?}")
        };
        assert_eq!((anomaly.line(), anomaly.kind()), expected[0]);
    }
    let long = [b"550 ".as_slice(), &[b'x'; 509], b"\r\n"].concat();
    assert_eq!(kinds(&parse(&long)), [(1, AnomalyKind::LineTooLong)]);
    let just_fits = [b"550 ".as_slice(), &[b'x'; 506], b"\r\n"].concat();
    assert!(parse(&just_fits).is_clean());
}

#[test]
fn code_mismatch_takes_the_final_line() {
    let reply = parse(b"250-mx.example.com\r\n550 5.1.1 different code on the last line\r\n");
    assert_eq!(reply.code(), 550);
    let codes: Vec<u16> = reply.reply_lines().map(|l| l.code().as_u16()).collect();
    assert_eq!(codes, [250, 550]);
}

#[test]
fn smtputf8_allows_utf8_text() {
    let input = "550 5.1.1 \u{7528}\u{6237}\u{4e0d}\u{5b58}\u{5728}\r\n".as_bytes();
    assert!(Parser::new().strict(true).parse(input).is_err());
    let (reply, _) = Parser::new()
        .strict(true)
        .smtputf8(true)
        .parse(input)
        .unwrap();
    assert!(reply.is_clean());
    assert_eq!(reply.anomalies().count(), 0);
}

#[test]
fn text_excludes_code_separator_enhanced_code_and_leading_blanks() {
    assert_eq!(
        parse(b"354  Go ahead 4fmh8 - gsmtp\r\n")
            .lines()
            .next()
            .unwrap(),
        b"Go ahead 4fmh8 - gsmtp"
    );
    assert_eq!(
        parse(b"250- wotcher\r\n250 OK\r\n").lines().next().unwrap(),
        b"wotcher"
    );
    assert_eq!(
        parse(b"550 5.1.1 <bob@example.org>: no\r\n")
            .lines()
            .next()
            .unwrap(),
        b"<bob@example.org>: no"
    );
    assert_eq!(
        parse(b"550-5.7.26\r\n550 5.7.26 x\r\n")
            .lines()
            .next()
            .unwrap(),
        b""
    );
    let trailing = parse(b"220-and/or bulk e-mail. \r\n220 ok\r\n");
    assert_eq!(trailing.lines().next().unwrap(), b"and/or bulk e-mail. ");
}

#[test]
fn enhanced_codes_per_line_and_final() {
    let reply = parse(b"550-5.1.1 first\r\n550 5.2.1 second\r\n");
    assert_eq!(reply.enhanced_code(), EnhancedCode::new(5, 2, 1).ok());
    let per_line: Vec<String> = reply
        .reply_lines()
        .map(|l| l.enhanced_code().unwrap().to_string())
        .collect();
    assert_eq!(per_line, ["5.1.1", "5.2.1"]);
    assert_eq!(
        parse(b"599 5.12.3 on two lines\r\n").enhanced_code(),
        EnhancedCode::new(5, 12, 3).ok()
    );
    assert_eq!(
        parse(b"550 5.1.351 x\r\n").enhanced_code(),
        EnhancedCode::new(5, 1, 351).ok()
    );
    for not_enhanced in [
        &b"553 4.16.55.1 x\r\n"[..],
        b"499 4.1234.343 x\r\n",
        b"550 #5.1.0 x\r\n",
        b"550 6.1.1 x\r\n",
    ] {
        assert_eq!(
            parse(not_enhanced).enhanced_code(),
            None,
            "{not_enhanced:?}"
        );
    }
}

#[test]
fn incomplete_until_the_final_line_arrives() {
    for partial in [
        &b""[..],
        b"2",
        b"25",
        b"250",
        b"250-",
        b"250-a\r",
        b"250-a\r\n",
        b"250-a\r\n250 b",
        b"250 OK\r",
    ] {
        assert_eq!(
            Reply::parse(partial).unwrap_err(),
            ParseError::Incomplete,
            "{partial:?}"
        );
    }
}

#[test]
fn garbage_is_refused_before_it_is_complete() {
    let cases: &[(&[u8], Malformed)] = &[
        (b"D", Malformed::NotAReplyCode),
        (b"DNS Error: lookup failed\r\n", Malformed::NotAReplyCode),
        (b"6", Malformed::InvalidClass),
        (b"650 Unknown class\r\n", Malformed::InvalidClass),
        (b"2 50 OK\r\n", Malformed::NotAReplyCode),
        (b"250\tOK\r\n", Malformed::InvalidSeparator),
        (b"550+5.7.60+x\r\n", Malformed::InvalidSeparator),
        (b"2500 OK\r\n", Malformed::InvalidSeparator),
        (b"250-first\r250 second\r\n", Malformed::BareCarriageReturn),
        (b"250-first\r2", Malformed::BareCarriageReturn),
        (b"\r\n", Malformed::EmptyLine),
        (b"   \r\n", Malformed::NotAReplyCode),
        (b"\x00250 OK\r\n", Malformed::NotAReplyCode),
        (b"250-ok\r\nHTTP/1.1 400\r\n", Malformed::NotAReplyCode),
    ];
    for (input, reason) in cases {
        match Reply::parse(input) {
            Err(ParseError::Malformed { reason: found, .. }) => {
                assert_eq!(found, *reason, "{input:?}");
            }
            other => panic!("{input:?}: {other:?}"),
        }
    }
    assert_eq!(
        Reply::parse(b"250-ok\r\nHTTP/1.1 400\r\n").unwrap_err(),
        ParseError::Malformed {
            line: 2,
            reason: Malformed::NotAReplyCode
        }
    );
}

#[test]
fn limits_bound_lines_and_size() {
    let many = b"250-x\r\n".repeat(10);
    let parser = Parser::new().max_lines(5);
    assert_eq!(
        parser.parse(&many).unwrap_err(),
        ParseError::TooManyLines { limit: 5 }
    );
    let endless = [b"250 ".as_slice(), &[b'x'; 2000]].concat();
    assert_eq!(
        Parser::new().max_size(1000).parse(&endless).unwrap_err(),
        ParseError::TooLarge { limit: 1000 }
    );
    assert_eq!(
        Parser::new().max_size(3000).parse(&endless).unwrap_err(),
        ParseError::Incomplete
    );
    let big = [b"250 ".as_slice(), &[b'x'; 2000], b"\r\n"].concat();
    assert_eq!(
        Parser::new().max_size(1000).parse(&big).unwrap_err(),
        ParseError::TooLarge { limit: 1000 }
    );
    assert!(Parser::new().max_size(3000).parse(&big).is_ok());
}

#[test]
fn display_is_one_escaped_line_and_alternate_shows_lines() {
    let reply = parse(b"550-5.1.1 no such\r\n550 5.1.1 user \x1b[2J\xff\\\r\n");
    assert_eq!(
        reply.to_string(),
        "550 5.1.1 no such user \\x1B[2J\\xFF\\\\"
    );
    assert_eq!(
        format!("{reply:#}"),
        "550-5.1.1 no such\n550 5.1.1 user \\x1B[2J\\xFF\\\\"
    );
    assert_eq!(parse(b"421\r\n").to_string(), "421");
    #[cfg(feature = "alloc")]
    {
        let owned = reply.to_owned_reply();
        assert_eq!(owned.to_string(), reply.to_string());
        assert_eq!(owned.as_reply(), reply);
        assert_eq!(owned.lines().count(), 2);
        let boxed: Box<dyn std::error::Error> = Box::new(owned);
        assert!(boxed.to_string().starts_with("550 5.1.1"));
        assert_eq!(
            smtp_codes::render_reply(ReplyCode::OK, None, "ok").unwrap(),
            render_reply(ReplyCode::OK, None, "ok").unwrap()
        );
    }
}

#[test]
fn retry_advice_follows_the_rfcs() {
    let advice = |input: &[u8]| {
        let reply = parse(input);
        (reply.is_transient(), reply.is_permanent())
    };
    assert_eq!(advice(b"250 OK\r\n"), (false, false));
    assert_eq!(advice(b"354 go\r\n"), (false, false));
    assert_eq!(advice(b"451 4.3.0 try later\r\n"), (true, false));
    assert_eq!(advice(b"550 5.1.1 no such user\r\n"), (false, true));
    assert_eq!(advice(b"552 5.5.3 too many recipients\r\n"), (true, false));
    assert_eq!(advice(b"554 5.5.3 too many recipients\r\n"), (false, true));
    assert_eq!(advice(b"552 5.2.2 mailbox full\r\n"), (true, false));
    assert_eq!(advice(b"554 4.4.7 expired\r\n"), (false, true));
    assert_eq!(advice(b"450 5.7.1 class mismatch\r\n"), (true, false));
}

#[test]
fn rendering_writes_correct_lines() {
    let e = Some(enhanced_code!("5.1.1"));
    assert_eq!(
        render_reply(ReplyCode::MAILBOX_UNAVAILABLE, e, "only").unwrap(),
        "550 5.1.1 only\r\n"
    );
    assert_eq!(
        render_reply(ReplyCode::MAILBOX_UNAVAILABLE, e, "a\nb\r\nc\n").unwrap(),
        "550-5.1.1 a\r\n550-5.1.1 b\r\n550 5.1.1 c\r\n"
    );
    assert_eq!(
        render_reply(ReplyCode::MAILBOX_UNAVAILABLE, e, "a\n\nb").unwrap(),
        "550-5.1.1 a\r\n550-5.1.1\r\n550 5.1.1 b\r\n"
    );
    assert_eq!(
        render_reply(ReplyCode::MAILBOX_UNAVAILABLE, e, "").unwrap(),
        "550 5.1.1 Requested action not taken: mailbox unavailable\r\n"
    );
    assert_eq!(
        render_reply(ReplyCode::from_u16(599).unwrap(), None, "").unwrap(),
        "599\r\n"
    );
    assert_eq!(
        render_reply(ReplyCode::SERVICE_READY, None, "").unwrap(),
        "220\r\n"
    );
    assert_eq!(
        render_reply(ReplyCode::START_MAIL_INPUT, None, "go ahead").unwrap(),
        "354 go ahead\r\n"
    );
    assert_eq!(
        render_reply(
            ReplyCode::MAILBOX_UNAVAILABLE,
            Some(enhanced_code!("4.2.2")),
            "x"
        ),
        Err(RenderError::ClassMismatch {
            code: ReplyCode::MAILBOX_UNAVAILABLE,
            enhanced: enhanced_code!("4.2.2")
        })
    );
    assert_eq!(
        render_reply(
            ReplyCode::START_MAIL_INPUT,
            Some(enhanced_code!("2.0.0")),
            "x"
        ),
        Err(RenderError::EnhancedOnIntermediate)
    );
    for bad in ["a\rb", "a\r", "nul\0", "esc\x1b[31m"] {
        assert_eq!(
            render_reply(ReplyCode::MAILBOX_UNAVAILABLE, e, bad),
            Err(RenderError::ControlCharacter),
            "{bad:?}"
        );
    }
    let mut out = String::new();
    write_reply(&mut out, ReplyCode::OK, None, "tab\tok").unwrap();
    assert_eq!(out, "250 tab\tok\r\n");
}

#[test]
fn long_lines_are_split_at_spaces_within_512_octets() {
    let words: Vec<String> = (0..200).map(|i| format!("word{i}")).collect();
    let text = words.join(" ");
    let out = render_reply(
        ReplyCode::MAILBOX_UNAVAILABLE,
        Some(enhanced_code!("5.7.1")),
        &text,
    )
    .unwrap();
    let (reply, used) = Reply::parse(out.as_bytes()).unwrap();
    assert_eq!(used, out.len());
    assert!(
        reply.is_clean(),
        "{:?}",
        reply.anomalies().collect::<Vec<_>>()
    );
    assert!(reply.line_count() > 1);
    let rejoined: Vec<&str> = reply
        .lines()
        .map(|l| std::str::from_utf8(l).unwrap())
        .collect();
    assert_eq!(rejoined.join(" "), text);
    // A space near the start, then 4-byte characters up to the limit: however the prefix and
    // the cut fall, every line still fits in 512 octets.
    for enhanced in [
        None,
        Some(enhanced_code!("5.7.1")),
        Some(enhanced_code!("5.7.26")),
        Some(enhanced_code!("5.1.351")),
    ] {
        for prefix in ["a ", "ab ", "abc "] {
            let text = format!("{prefix}{}", "\u{1F600}".repeat(300));
            let out = render_reply(ReplyCode::MAILBOX_UNAVAILABLE, enhanced, &text).unwrap();
            let (reply, _) = Parser::new().smtputf8(true).parse(out.as_bytes()).unwrap();
            assert!(
                reply.is_clean(),
                "{:?}",
                reply.anomalies().collect::<Vec<_>>()
            );
            assert!(out.split("\r\n").all(|line| line.len() + 2 <= 512));
            let rejoined: Vec<&[u8]> = reply.lines().collect();
            assert_eq!(
                rejoined.concat().len(),
                text.len() - 1,
                "only the one space is dropped"
            );
        }
    }
    let unbroken = "x".repeat(2000);
    let out = render_reply(ReplyCode::MAILBOX_UNAVAILABLE, None, &unbroken).unwrap();
    let (reply, _) = Reply::parse(out.as_bytes()).unwrap();
    assert!(reply.is_clean());
    assert_eq!(reply.lines().map(<[u8]>::len).sum::<usize>(), 2000);
}

#[test]
fn any_smtp_reply_with_display_renders() {
    #[derive(Debug)]
    struct Full;
    impl std::fmt::Display for Full {
        fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
            write!(f, "Mailbox full,\ntry again later")
        }
    }
    impl smtp_codes::SmtpReply for Full {
        fn reply_code(&self) -> ReplyCode {
            ReplyCode::INSUFFICIENT_STORAGE
        }
        fn enhanced_code(&self) -> Option<EnhancedCode> {
            Some(enhanced_code!("4.2.2"))
        }
    }
    assert_eq!(
        render_smtp_reply(&Full).unwrap(),
        "452-4.2.2 Mailbox full,\r\n452 4.2.2 try again later\r\n"
    );
    // A parsed reply is an SmtpReply too, and renders back to itself.
    let (reply, _) = Reply::parse(b"550-5.1.1 a\r\n550 5.1.1 b\r\n").unwrap();
    assert_eq!(reply.class(), Class::PermanentNegative);
}

#[test]
fn parsing_arbitrary_bytes_never_panics() {
    let mut rng = XorShift(0xDEAD_BEEF_CAFE_F00D);
    // Mostly reply-like bytes, so the parser gets deep into lines, plus any byte at all.
    let alphabet = b"0123456789 -.\r\n\t25x\xff\x00";
    for _ in 0..200_000 {
        let len = rng.below(64);
        let bytes: Vec<u8> = (0..len)
            .map(|_| {
                if rng.below(4) == 0 {
                    rng.next() as u8
                } else {
                    alphabet[rng.below(alphabet.len())]
                }
            })
            .collect();
        for parser in [
            Parser::new(),
            Parser::new().strict(true),
            Parser::new().max_lines(2).max_size(16),
        ] {
            if let Ok((reply, used)) = parser.parse(&bytes) {
                assert!(used <= bytes.len());
                assert_eq!(reply.lines().count(), reply.line_count());
                let _ = (
                    reply.to_string(),
                    format!("{reply:#}"),
                    reply.anomalies().count(),
                );
            }
        }
    }
}

#[test]
fn render_then_parse_round_trips() {
    let mut rng = XorShift(0x0123_4567_89AB_CDEF);
    let words = [
        "mailbox",
        "unavailable",
        "\u{fc}ber",
        "5.1.1",
        "x",
        "<bob@example.org>",
        "\t",
        "250",
        "-",
    ];
    for _ in 0..5_000 {
        let code = ReplyCode::from_u16(200 + rng.below(400) as u16).unwrap();
        let enhanced = match code.class() {
            Class::PositiveIntermediate => None,
            class if rng.below(2) == 0 => {
                EnhancedCode::new(class.digit(), rng.below(8) as u16, rng.below(30) as u16).ok()
            }
            _ => None,
        };
        let lines: Vec<String> = (0..=rng.below(4))
            .map(|_| {
                (0..=rng.below(6))
                    .map(|_| words[rng.below(words.len())])
                    .collect::<Vec<_>>()
                    .join(" ")
            })
            .collect();
        let text = lines.join("\n");
        let out = render_reply(code, enhanced, &text).unwrap();
        let (reply, used) = Parser::new().smtputf8(true).parse(out.as_bytes()).unwrap();
        assert_eq!(used, out.len());
        assert_eq!(reply.code(), code);
        // Without an enhanced code, a text that starts like one ("5.1.1 ...") reads as one:
        // RFC 2034 gives no way to tell them apart.
        let lookalike = lines
            .last()
            .is_some_and(|l| l.starts_with(|c: char| c.is_ascii_digit()));
        if enhanced.is_some() || !lookalike {
            assert_eq!(reply.enhanced_code(), enhanced, "{out:?}");
        }
        let texts: Vec<&[u8]> = reply.lines().collect();
        // Leading blanks are not part of a line's text; neither is a leading enhanced-code
        // lookalike when the reply has no enhanced code of its own.
        assert_eq!(texts.len(), lines.len(), "{out:?}");
        for (parsed, written) in texts.iter().zip(&lines) {
            let written = written.trim_start_matches([' ', '\t']);
            if enhanced.is_some() || !written.starts_with(|c: char| c.is_ascii_digit()) {
                assert_eq!(*parsed, written.as_bytes(), "{out:?}");
            }
        }
    }
}

#[test]
fn rendering_random_long_text_keeps_every_line_within_the_limit() {
    let mut rng = XorShift(0xFEED_FACE_0BAD_F00D);
    let pieces = [
        "a",
        "word",
        "\u{e9}t\u{e9}",
        "\u{1F600}",
        "\u{4e2d}\u{6587}",
        " ",
        " ",
        "  ",
        "\n",
        "x".repeat(90).leak(),
    ];
    for _ in 0..2_000 {
        let text: String = (0..rng.below(400))
            .map(|_| pieces[rng.below(pieces.len())])
            .collect();
        let enhanced = [
            None,
            EnhancedCode::new(5, 7, 1).ok(),
            EnhancedCode::new(5, 1, 351).ok(),
        ][rng.below(3)];
        let out = render_reply(ReplyCode::MAILBOX_UNAVAILABLE, enhanced, &text).unwrap();
        assert!(
            out.split("\r\n").all(|line| line.len() + 2 <= 512),
            "{out:?}"
        );
        let (reply, used) = Parser::new().smtputf8(true).parse(out.as_bytes()).unwrap();
        assert_eq!(used, out.len());
        let kinds: Vec<AnomalyKind> = reply.anomalies().map(|a| a.kind()).collect();
        assert!(
            kinds.iter().all(|k| *k == AnomalyKind::CodeOnly),
            "{kinds:?} in {out:?}"
        );
        // Nothing but blanks and line breaks is lost or added.
        let squeeze = |t: &[u8]| {
            t.iter()
                .copied()
                .filter(|b| !b" \t\n".contains(b))
                .collect::<Vec<u8>>()
        };
        let parsed: Vec<u8> = reply.lines().flat_map(squeeze).collect();
        if text.trim().is_empty() {
            continue; // an empty text takes the code's standard text
        }
        if enhanced.is_none() && text.trim_start().starts_with(|c: char| c.is_ascii_digit()) {
            continue;
        }
        assert_eq!(parsed, squeeze(text.as_bytes()), "{out:?}");
    }
}

#[test]
fn feeding_byte_by_byte_agrees_with_feeding_whole() {
    let inputs = support::real_replies();
    assert!(inputs.len() > 300);
    for input in &inputs {
        let whole = Reply::parse(input);
        for end in 0..input.len() {
            match Reply::parse(&input[..end]) {
                Err(ParseError::Incomplete) => {}
                Err(error) => {
                    assert_eq!(Err(error), whole.map(|_| ()), "prefix {end} of {input:?}");
                }
                Ok((_, used)) => panic!(
                    "complete after {end} of {} bytes ({used} used)",
                    input.len()
                ),
            }
        }
        let (reply, used) = whole.unwrap();
        assert_eq!(used, input.len());
        assert_eq!(Reply::parse(input).unwrap().0, reply);
    }
}

//! The wire format: anomalies, streaming, limits, text extraction, display, retry advice and
//! rendering, plus randomized checks (parsing never panics, render → parse round-trips, byte
//! by byte feeding agrees with whole input).

// The pseudo-random inputs are truncated on purpose.
#![allow(clippy::cast_possible_truncation)]

use support::XorShift;

mod support;

use smtp_codes::{
    AnomalyKind, Class, EnhancedCode, Malformed, ParseError, Parser, RenderError, Renderer, Reply,
    ReplyCode, enhanced_code, write_reply, write_reply_of,
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

/// [`render_reply`] with SMTPUTF8 in effect.
fn render_utf8(
    code: ReplyCode,
    enhanced: Option<EnhancedCode>,
    text: &str,
) -> Result<String, RenderError> {
    let mut out = String::new();
    Renderer::new()
        .smtputf8(true)
        .write_reply(&mut out, code, enhanced, text)
        .map(|()| out)
}

fn render_reply_of<T: smtp_codes::SmtpReply + std::fmt::Display>(
    reply: &T,
) -> Result<String, RenderError> {
    let mut out = String::new();
    write_reply_of(&mut out, reply).map(|()| out)
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
        let ParseError::Strict { anomaly, skip } = strict else {
            panic!("{strict:?}")
        };
        assert_eq!((anomaly.line(), anomaly.kind()), expected[0]);
        assert_eq!(skip, input.len(), "the whole refused reply: {input:?}");
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
fn malformed_lines_are_refused_once_they_end_and_can_be_skipped() {
    let cases: &[(&[u8], usize, Malformed)] = &[
        (b"DNS Error: lookup failed\r\n", 1, Malformed::NotAReplyCode),
        (b"650 Unknown class\r\n", 1, Malformed::InvalidClass),
        (b"2 50 OK\r\n", 1, Malformed::NotAReplyCode),
        (b"250\tOK\r\n", 1, Malformed::InvalidSeparator),
        (b"550+5.7.60+x\r\n", 1, Malformed::InvalidSeparator),
        (b"2500 OK\r\n", 1, Malformed::InvalidSeparator),
        (b"\r\n", 1, Malformed::EmptyLine),
        (b"   \r\n", 1, Malformed::NotAReplyCode),
        (b"\x00250 OK\r\n", 1, Malformed::NotAReplyCode),
        (b"250-ok\r\nHTTP/1.1 400\r\n", 2, Malformed::NotAReplyCode),
        (b"250-ok\nX\n", 2, Malformed::NotAReplyCode),
    ];
    for &(input, line, reason) in cases {
        // What follows the bad line is the next reply.
        let stream = [input, b"250 next\r\n"].concat();
        let error = Reply::parse(&stream).unwrap_err();
        assert_eq!(
            error,
            ParseError::Malformed {
                line,
                reason,
                skip: input.len()
            },
            "{input:?}"
        );
        let (next, _) = Reply::parse(&stream[error.skip().unwrap()..]).unwrap();
        assert_eq!(next.lines().next(), Some(&b"next"[..]));
        // Until its LF arrives, a bad line is only incomplete: where it ends decides `skip`.
        assert_eq!(
            Reply::parse(&input[..input.len() - 1]).unwrap_err(),
            ParseError::Incomplete,
            "{input:?}"
        );
    }
}

#[test]
fn a_stray_carriage_return_is_text_not_a_line_end() {
    // aiosmtpd echoes an unrecognised command, CR and all.
    let input = b"500 Error: command \"NOOP\rRSET\" not recognized\r\n";
    let reply = parse(input);
    assert_eq!(reply.code(), 500);
    assert_eq!(kinds(&reply), [(1, AnomalyKind::BareCarriageReturn)]);
    assert_eq!(
        reply.lines().next().unwrap(),
        b"Error: command \"NOOP\rRSET\" not recognized"
    );
    assert_eq!(
        reply.to_string(),
        r#"500 Error: command "NOOP\x0DRSET" not recognized"#
    );
    assert_eq!(
        Parser::new().strict(true).parse(input).unwrap_err(),
        ParseError::Strict {
            anomaly: reply.anomalies().next().unwrap(),
            skip: input.len()
        }
    );
    // A CR used as if it ended a line does not: the line goes on to the LF.
    let reply = parse(b"250-first\r250 second\r\n250 third\r\n");
    assert_eq!(reply.line_count(), 2);
    assert_eq!(reply.lines().next().unwrap(), b"first\r250 second");
    assert_eq!(
        Reply::parse(b"250-first\r2").unwrap_err(),
        ParseError::Incomplete
    );
}

#[test]
fn errors_do_not_depend_on_how_the_input_arrived() {
    // A continuation line that is the last one allowed: more lines are certain.
    let parser = Parser::new().max_lines(1);
    for input in [&b"250-a\r\nX"[..], b"250-a\r\nX\n", b"250-a\r\n"] {
        assert_eq!(
            parser.parse(input).unwrap_err(),
            ParseError::TooManyLines { limit: 1 },
            "{input:?}"
        );
    }
    // A size limit reached before the line ends wins over what the line turns out to be.
    let parser = Parser::new().max_size(8);
    for input in [&b"250 abcdef"[..], b"250 abcdef\rx\n", b"250 abcdef\r\n"] {
        assert_eq!(
            parser.parse(input).unwrap_err(),
            ParseError::TooLarge { limit: 8 },
            "{input:?}"
        );
    }
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
        // The owned copy keeps the bytes and shows the same.
        let owned = reply.to_owned_reply();
        assert_eq!(
            owned.to_string(),
            "550 5.1.1 no such user \\x1B[2J\\xFF\\\\"
        );
        assert_eq!(owned.as_bytes(), reply.as_bytes());
        assert_eq!((owned.line_count(), owned.is_multiline()), (2, true));
        assert_eq!(owned.lines().last(), Some(&b"user \x1b[2J\xff\\"[..]));
        let boxed: Box<dyn std::error::Error> = Box::new(owned);
        assert!(boxed.to_string().starts_with("550 5.1.1"));
        assert_eq!(
            smtp_codes::render_reply(ReplyCode::OK, None, "ok").unwrap(),
            "250 ok\r\n"
        );
    }
}

#[test]
fn retry_advice_follows_the_rfcs() {
    use smtp_codes::{Retry, SmtpReply};
    // Every way to ask gives the expected answer: the parsed reply, the trait, the owned copy,
    // and the code alone when there is no enhanced code.
    let advice = |input: &[u8]| {
        let reply = parse(input);
        let mut answers = vec![reply.retry(), SmtpReply::retry(&reply)];
        #[cfg(feature = "alloc")]
        answers.push(reply.to_owned_reply().retry());
        if reply.enhanced_code().is_none() {
            answers.push(reply.code().retry());
        }
        answers.dedup();
        assert_eq!(answers.len(), 1, "{input:?}: {answers:?}");
        answers[0]
    };
    assert_eq!(advice(b"250 OK\r\n"), Retry::NotNeeded);
    assert_eq!(advice(b"354 go\r\n"), Retry::NotNeeded);
    assert_eq!(advice(b"451 4.3.0 try later\r\n"), Retry::Later);
    assert_eq!(advice(b"421 closing\r\n"), Retry::Later);
    assert_eq!(advice(b"550 5.1.1 no such user\r\n"), Retry::DoNotRetry);
    assert_eq!(advice(b"550 no such user\r\n"), Retry::DoNotRetry);
    assert_eq!(advice(b"552 5.5.3 too many recipients\r\n"), Retry::Later);
    assert_eq!(
        advice(b"554 5.5.3 too many recipients\r\n"),
        Retry::DoNotRetry
    );
    assert_eq!(advice(b"552 5.2.2 mailbox full\r\n"), Retry::Later);
    assert_eq!(advice(b"554 4.4.7 expired\r\n"), Retry::DoNotRetry);
    assert_eq!(advice(b"450 5.7.1 class mismatch\r\n"), Retry::Later);
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
    // With no text to stand in, `599` alone or `220` alone would be outside what the strict
    // parser accepts.
    assert_eq!(
        render_reply(ReplyCode::from_u16(599).unwrap(), None, ""),
        Err(RenderError::EmptyText)
    );
    assert_eq!(
        render_reply(ReplyCode::SERVICE_READY, None, ""),
        Err(RenderError::EmptyText)
    );
    assert_eq!(
        render_reply(ReplyCode::START_MAIL_INPUT, None, "").unwrap(),
        "354 Start mail input; end with <CRLF>.<CRLF>\r\n"
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
            let out = render_utf8(ReplyCode::MAILBOX_UNAVAILABLE, enhanced, &text).unwrap();
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
        render_reply_of(&Full).unwrap(),
        "452-4.2.2 Mailbox full,\r\n452 4.2.2 try again later\r\n"
    );
}

#[test]
fn a_parsed_reply_renders_back_to_itself() {
    let input = b"550 5.1.1 no such user\r\n";
    let (reply, _) = Reply::parse(input).unwrap();
    assert_eq!(render_reply_of(&reply).unwrap().as_bytes(), input);
    // Every clean reply of the corpus: same code, enhanced code and line texts.
    let mut clean = 0;
    for input in support::real_replies() {
        let (reply, _) = Reply::parse(&input).unwrap();
        if !reply.is_clean() {
            continue;
        }
        clean += 1;
        let rendered = render_reply_of(&reply).unwrap_or_else(|e| panic!("{e}: {input:?}"));
        #[cfg(feature = "alloc")]
        assert_eq!(
            smtp_codes::render_reply_of(&reply.to_owned_reply()).unwrap(),
            rendered
        );
        let (again, used) = Parser::new()
            .strict(true)
            .parse(rendered.as_bytes())
            .unwrap_or_else(|e| panic!("{e}: {rendered:?}"));
        assert_eq!(used, rendered.len());
        assert_eq!(again.code(), reply.code(), "{rendered:?}");
        assert_eq!(again.enhanced_code(), reply.enhanced_code(), "{rendered:?}");
        assert!(again.lines().eq(reply.lines()), "{input:?} -> {rendered:?}");
    }
    assert!(clean > 250, "only {clean} clean replies");
}

#[test]
fn text_cannot_pose_as_an_enhanced_code() {
    let code = ReplyCode::MAILBOX_UNAVAILABLE;
    for (text, line) in [
        ("5.2.2 mailbox full", 1),
        ("  4.7.1 later", 1),
        ("5.1.1", 1),
        ("no such user\n5.2.2 mailbox full", 2),
        ("a\n\n2.0.0 ok", 3),
    ] {
        assert_eq!(
            render_reply(code, None, text),
            Err(RenderError::EnhancedCodeInText { line }),
            "{text:?}"
        );
        // With an enhanced code of its own, the text is only text.
        let out = render_reply(code, Some(enhanced_code!("5.1.1")), text).unwrap();
        assert_eq!(
            parse(out.as_bytes()).enhanced_code(),
            Some(enhanced_code!("5.1.1"))
        );
    }
    // Text that does not read as a class digit and a dot is fine.
    for text in [
        "550 is the code",
        "25.5 percent",
        "1.2.3.4 is blocked",
        "5 messages",
    ] {
        let out = render_reply(code, None, text).unwrap();
        assert_eq!(parse(out.as_bytes()).enhanced_code(), None, "{out:?}");
    }
    // An echoed address that fills a line puts its own text at the start of the next one
    // when the line is split: the split moves so that it cannot start like a code.
    let mut split = 0;
    for pad in 0..40 {
        let address = format!("<{}@example.org>", "a".repeat(470 + pad));
        for tail in [
            "5.2.2 mailbox full",
            " 5.2.2 x",
            "4.4.4.4.4.4.4.4",
            "55.2.2 x",
        ] {
            let text = format!("{address} {tail}");
            let out = render_reply(code, None, &text).unwrap();
            let (reply, _) = Parser::new().strict(true).parse(out.as_bytes()).unwrap();
            split += usize::from(reply.line_count() > 1);
            assert!(
                reply
                    .reply_lines()
                    .all(|line| line.enhanced_code().is_none()),
                "{tail:?} {pad}: {out:?}"
            );
            for line in out.split("\r\n").filter(|l| !l.is_empty()) {
                let text = line[4..].trim_start();
                assert!(
                    !(text.starts_with(['2', '4', '5']) && text[1..].starts_with('.')),
                    "{line:?} in {out:?}"
                );
            }
        }
    }
    assert!(split > 100, "only {split} texts were split");
}

#[test]
fn a_refused_reply_leaves_the_writer_as_it_was() {
    /// A `Display` that says something different the second time: the one case where a
    /// refusal can come after the first pass.
    struct Fickle(std::cell::Cell<u32>);
    impl std::fmt::Display for Fickle {
        fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
            self.0.set(self.0.get() + 1);
            f.write_str(if self.0.get() == 1 { "ok" } else { "ok\n\x07" })
        }
    }
    impl smtp_codes::SmtpReply for Fickle {
        fn reply_code(&self) -> ReplyCode {
            ReplyCode::MAILBOX_UNAVAILABLE
        }
    }
    let mut out = String::from("kept");
    let code = ReplyCode::MAILBOX_UNAVAILABLE;
    assert_eq!(
        write_reply(&mut out, code, None, "first line\nsecond\x07line"),
        Err(RenderError::ControlCharacter)
    );
    assert_eq!(
        write_reply(&mut out, code, None, "first line\n5.2.2 full"),
        Err(RenderError::EnhancedCodeInText { line: 2 })
    );
    assert_eq!(
        write_reply(&mut out, code, None, "first line\nsecond l\u{ed}ne"),
        Err(RenderError::NonAsciiText { line: 2 })
    );
    assert_eq!(out, "kept");
    let mut out = String::new();
    assert_eq!(
        write_reply_of(&mut out, &Fickle(std::cell::Cell::new(0))),
        Err(RenderError::ControlCharacter)
    );
}

#[test]
fn what_the_renderer_writes_the_strict_parser_accepts() {
    let code = ReplyCode::MAILBOX_UNAVAILABLE;
    assert_eq!(
        render_reply(code, None, "caf\u{e9}"),
        Err(RenderError::NonAsciiText { line: 1 })
    );
    let utf8 = render_utf8(code, None, "caf\u{e9}").unwrap();
    assert!(
        Parser::new()
            .strict(true)
            .smtputf8(true)
            .parse(utf8.as_bytes())
            .is_ok()
    );
    assert_eq!(
        render_reply(ReplyCode::SERVICE_READY, None, ""),
        Err(RenderError::EmptyText)
    );
    for text in ["a\n", "a\n\n", "a\n\n\n"] {
        let out = render_reply(code, None, text).unwrap();
        assert_eq!(
            out, "550 a\r\n",
            "trailing line breaks add no empty last line"
        );
    }
    let out = render_reply(code, Some(enhanced_code!("5.1.1")), "a\n\n").unwrap();
    assert_eq!(out, "550-5.1.1 a\r\n550 5.1.1\r\n");
    for out in [out, render_reply(code, None, "a\n\nb").unwrap()] {
        assert!(
            Parser::new().strict(true).parse(out.as_bytes()).is_ok(),
            "{out:?}"
        );
    }
}

#[test]
fn invisible_characters_are_escaped_in_display() {
    let input = "550 user\u{202E}gnp.exe\u{2066}x\u{2069}\u{200F}\u{061C}\u{2028}\u{2029}\u{FEFF}\u{AD}\u{E0041}\u{200B} ok \u{e9}\r\n";
    let reply = Parser::new()
        .smtputf8(true)
        .parse(input.as_bytes())
        .unwrap()
        .0;
    let shown = reply.to_string();
    assert_eq!(
        shown,
        "550 user\\u{202E}gnp.exe\\u{2066}x\\u{2069}\\u{200F}\\u{061C}\\u{2028}\\u{2029}\\u{FEFF}\\u{00AD}\\u{E0041}\\u{200B} ok \u{e9}"
    );
    assert_eq!(format!("{reply:#}"), shown);
    #[cfg(feature = "alloc")]
    assert_eq!(reply.to_owned_reply().to_string(), shown);
    // Every format character (Cf) and line or paragraph separator, as Unicode lists them.
    let mut invisible = 0;
    for c in (0..=0x0010_FFFF).filter_map(char::from_u32) {
        let text = format!("550 x{c}\r\n");
        let reply = Parser::new()
            .smtputf8(true)
            .parse(text.as_bytes())
            .unwrap()
            .0;
        let shown = reply.to_string();
        if shown.contains("\\u{") {
            invisible += 1;
        }
        assert!(
            !shown[4..].chars().any(|c| c.is_control() || matches!(c, '\u{2028}' | '\u{2029}' | '\u{202A}'..='\u{202E}' | '\u{2066}'..='\u{2069}' | '\u{200B}'..='\u{200F}')),
            "{c:?} shown as {shown:?}"
        );
    }
    assert_eq!(invisible, 172, "Cf (170), Zl and Zp of Unicode 16");
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
        let rendered = render_utf8(code, enhanced, &text);
        // Without an enhanced code, a line that starts like one ("5.1.1 ...") would read as
        // one: the renderer refuses it rather than let text pose as a status.
        let lookalike = lines.iter().position(|l| {
            let l = l.trim_start_matches([' ', '\t']);
            l.starts_with(['2', '4', '5']) && l[1..].starts_with('.')
        });
        let out = match (enhanced, lookalike, rendered) {
            (None, Some(line), rendered) => {
                assert_eq!(
                    rendered,
                    Err(RenderError::EnhancedCodeInText { line: line + 1 })
                );
                continue;
            }
            (_, _, rendered) => rendered.unwrap_or_else(|e| panic!("{e}: {text:?}")),
        };
        // The strict parser accepts what the renderer writes, but for a code whose second
        // digit is above 5, which the caller asked for.
        let strict = Parser::new().strict(true).smtputf8(true);
        let outside_grammar = code.as_u16() / 10 % 10 > 5;
        let reply = match strict.parse(out.as_bytes()) {
            Err(ParseError::Strict { anomaly, .. }) if outside_grammar => {
                assert_eq!(anomaly.kind(), AnomalyKind::SecondDigitOutOfRange);
                let (reply, _) = Parser::new().smtputf8(true).parse(out.as_bytes()).unwrap();
                assert_eq!(
                    reply.anomalies().map(|a| a.kind()).collect::<Vec<_>>(),
                    vec![AnomalyKind::SecondDigitOutOfRange; reply.line_count()]
                );
                reply
            }
            parsed => parsed.unwrap_or_else(|e| panic!("{e}: {out:?}")).0,
        };
        assert_eq!(reply.as_bytes().len(), out.len());
        assert_eq!(reply.code(), code);
        assert_eq!(reply.enhanced_code(), enhanced, "{out:?}");
        let texts: Vec<&[u8]> = reply.lines().collect();
        // Leading blanks are not part of a line's text.
        assert_eq!(texts.len(), lines.len(), "{out:?}");
        for (parsed, written) in texts.iter().zip(&lines) {
            let written = written.trim_start_matches([' ', '\t']);
            assert_eq!(*parsed, written.as_bytes(), "{out:?}");
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
        let rendered = render_utf8(ReplyCode::MAILBOX_UNAVAILABLE, enhanced, &text);
        if enhanced.is_none() && text.trim().is_empty() {
            // Nothing to send, no enhanced code, and 550's standard text is used only for
            // an empty text (this one has blanks or line breaks).
            if let Err(error) = rendered {
                assert_eq!(error, RenderError::EmptyText, "{text:?}");
                continue;
            }
        }
        let out = rendered.unwrap_or_else(|e| panic!("{e}: {text:?}"));
        assert!(
            out.split("\r\n").all(|line| line.len() + 2 <= 512),
            "{out:?}"
        );
        // The strict parser accepts everything the renderer writes.
        let (reply, used) = Parser::new()
            .strict(true)
            .smtputf8(true)
            .parse(out.as_bytes())
            .unwrap_or_else(|e| panic!("{e}: {out:?}"));
        assert_eq!(used, out.len());
        assert_eq!(reply.enhanced_code(), enhanced);
        // Nothing but blanks and line breaks is lost or added.
        let squeeze = |t: &[u8]| {
            t.iter()
                .copied()
                .filter(|b| !b" \t\n".contains(b))
                .collect::<Vec<u8>>()
        };
        let parsed: Vec<u8> = reply.lines().flat_map(squeeze).collect();
        if text.is_empty() {
            continue; // an empty text takes the code's standard text
        }
        assert_eq!(parsed, squeeze(text.as_bytes()), "{out:?}");
    }
}

#[test]
fn feeding_byte_by_byte_agrees_with_feeding_whole() {
    let inputs = support::real_replies();
    assert!(!inputs.is_empty());
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
        assert_eq!(reply.as_bytes(), input.as_slice());
    }
}

/// Every input, fed to a `StreamParser` in random pieces: the outcome is exactly the whole
/// input's, whatever the pieces (and the prefixes agree with it too).
#[test]
fn streaming_in_any_chunking_gives_the_whole_inputs_outcome() {
    let mut rng = XorShift(0x5EED_0FC0_DE00_0001);
    let mut inputs: Vec<Vec<u8>> = support::real_replies();
    for row in support::rows(include_str!("data/malformed-replies.tsv")) {
        inputs.push(support::unescape(row[1]));
    }
    let alphabet = b"0123456789 -.\r\n\t25x\xff\x00";
    for _ in 0..3_000 {
        let len = rng.below(80);
        inputs.push(
            (0..len)
                .map(|_| alphabet[rng.below(alphabet.len())])
                .collect(),
        );
    }
    let parsers = [
        Parser::new(),
        Parser::new().strict(true),
        Parser::new().max_lines(2).max_size(40),
        Parser::new().smtputf8(true).max_lines(1),
    ];
    for input in &inputs {
        for parser in parsers {
            let whole = parser.parse(input);
            for _ in 0..4 {
                let mut stream = smtp_codes::StreamParser::new(parser);
                let mut end = 0;
                let outcome = loop {
                    end = (end + 1 + rng.below(12)).min(input.len());
                    match stream.parse(&input[..end]) {
                        Err(ParseError::Incomplete) if end < input.len() => {}
                        outcome => break outcome,
                    }
                };
                assert_eq!(outcome, whole, "{input:?} with {parser:?}");
            }
        }
    }
}

//! Fuzzes `Parser::parse`: every prefix of the input is `Incomplete` or the whole input's
//! outcome, a reply uses no more than it was given and has as many lines as it says, lenient
//! and strict parses agree, `Display` never writes a control character, and `classify` answers
//! every reply (a 2xx or 3xx reply is `accepted`; only a permanent failure suppresses).

#![no_main]

use libfuzzer_sys::fuzz_target;
use smtp_codes::{Command, ParseError, Parser, Retry};

fuzz_target!(|input: &[u8]| {
    let lenient = Parser::new().max_size(4096).max_lines(64);
    let strict = lenient.strict(true);
    let whole = lenient.parse(input);
    // A prefix decides nothing it would later take back.
    for end in 0..input.len() {
        match lenient.parse(&input[..end]) {
            Err(ParseError::Incomplete) => {}
            Ok((reply, used)) => {
                let (whole_reply, whole_used) = whole.expect("a prefix parsed, so must the whole");
                assert_eq!((reply, used), (whole_reply, whole_used));
            }
            Err(error) => assert_eq!(Err(error), whole.map(|_| ())),
        }
    }
    match whole {
        Ok((reply, used)) => {
            assert!(used <= input.len());
            assert_eq!(reply.as_bytes(), &input[..used]);
            assert_eq!(reply.lines().count(), reply.line_count());
            assert_eq!(reply.reply_lines().count(), reply.line_count());
            assert_eq!(
                input[..used].iter().filter(|&&b| b == b'\n').count(),
                reply.line_count()
            );
            // Strict mode accepts exactly the clean replies, and refuses the others whole.
            match strict.parse(input) {
                Ok((strict_reply, strict_used)) => {
                    assert!(reply.is_clean());
                    assert_eq!((strict_reply.code(), strict_used), (reply.code(), used));
                }
                Err(ParseError::Strict { anomaly, skip }) => {
                    assert_eq!(Some(anomaly), reply.anomalies().next());
                    assert_eq!(skip, used);
                }
                Err(other) => panic!("lenient parsed, strict says {other:?}"),
            }
            for shown in [reply.to_string(), format!("{reply:#}")] {
                assert!(
                    !shown.chars().any(|c| c.is_control() && c != '\n'),
                    "{shown:?}"
                );
            }
            assert!(!reply.to_string().contains('\n'));
            // Classification answers every reply, and agrees with the codes on retrying.
            for command in [None, Some(Command::Rcpt), Some(Command::DataEnd)] {
                let answer = reply.classify(command);
                assert!(!answer.rule().id().is_empty());
                if reply.code().as_u16() < 400 {
                    assert_eq!(answer.reason().name(), "accepted");
                }
                if answer.suppress_recipient() {
                    assert_eq!(answer.retry(), Retry::DoNotRetry);
                }
            }
        }
        Err(error) => {
            if let Some(skip) = error.skip() {
                assert!(skip > 0 && skip <= input.len());
                assert_eq!(input[skip - 1], b'\n');
            }
        }
    }
});

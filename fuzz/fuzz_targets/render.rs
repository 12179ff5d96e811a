//! Fuzzes the renderer: whatever the code, enhanced code and text, the output is either an
//! error (with nothing written) or exactly one reply that the strict parser accepts, with the
//! requested code and enhanced code, no line over 512 octets and no CR or LF but in CRLF.

#![no_main]

use libfuzzer_sys::fuzz_target;
use smtp_codes::{EnhancedCode, ParseError, Parser, Renderer, ReplyCode};

fuzz_target!(|input: (u16, u8, u16, u16, bool, bool, String)| {
    let (code, class, subject, detail, with_enhanced, smtputf8, text) = input;
    let Ok(code) = ReplyCode::from_u16(200 + code % 400) else {
        return;
    };
    let enhanced = if with_enhanced {
        EnhancedCode::new(class % 6, subject % 1000, detail % 1000).ok()
    } else {
        None
    };
    let renderer = Renderer::new().smtputf8(smtputf8);
    let mut out = String::new();
    if renderer
        .write_reply(&mut out, code, enhanced, &text)
        .is_err()
    {
        assert!(out.is_empty(), "a refused reply wrote {out:?}");
        return;
    }
    assert!(out.ends_with("\r\n"));
    for line in out.split_terminator("\r\n") {
        assert!(line.len() + 2 <= 512, "{line:?}");
        assert!(!line.contains(['\r', '\n']), "{line:?}");
    }
    let parser = Parser::new()
        .smtputf8(smtputf8)
        .max_size(usize::MAX)
        .max_lines(usize::MAX);
    let second_digit_above_5 = code.as_u16() / 10 % 10 > 5;
    let (reply, used) = match parser.strict(true).parse(out.as_bytes()) {
        Ok(parsed) => parsed,
        Err(ParseError::Strict { .. }) if second_digit_above_5 => {
            parser.parse(out.as_bytes()).unwrap()
        }
        Err(error) => panic!("{error}: {out:?}"),
    };
    assert_eq!(used, out.len(), "exactly one reply");
    assert_eq!(reply.code(), code);
    assert_eq!(reply.enhanced_code(), enhanced);
    assert!(
        reply
            .reply_lines()
            .all(|line| line.enhanced_code() == enhanced)
    );
});

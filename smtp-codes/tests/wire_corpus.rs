//! The parser against the corpus in `tests/data/`: every real reply parses to its expected
//! code, enhanced code, class and line count; every malformed row gives an error or the
//! lenient expectation, and the strict column's verdict.

use smtp_codes::{Parser, Reply};
use support::{rows, unescape};

mod support;

/// `code=550 enhanced=5.1.1 class=5 multiline=yes` as the parser reports it.
fn summary(reply: &Reply<'_>) -> String {
    format!(
        "code={} enhanced={} class={} multiline={}",
        reply.code(),
        reply
            .enhanced_code()
            .map(|e| e.to_string())
            .unwrap_or_default(),
        reply.class().digit(),
        if reply.is_multiline() { "yes" } else { "no" }
    )
}

#[test]
fn every_real_reply_parses_as_expected() {
    let tsv = include_str!("data/real-replies.tsv");
    let mut count = 0;
    for row in rows(tsv) {
        let [id, reply, code, enhanced, class, multiline, ..] = row[..] else {
            panic!("short row {row:?}")
        };
        let mut input = unescape(reply);
        input.extend_from_slice(b"\r\n");
        let (parsed, used) = Reply::parse(&input).unwrap_or_else(|e| panic!("{id}: {e}"));
        let expected =
            format!("code={code} enhanced={enhanced} class={class} multiline={multiline}");
        assert_eq!(summary(&parsed), expected, "{id}");
        assert_eq!(used, input.len(), "{id}: the whole reply is used");
        let lines = input.windows(2).filter(|w| w == b"\r\n").count();
        assert_eq!(parsed.line_count(), lines, "{id}");
        assert_eq!(parsed.lines().count(), lines, "{id}");
        count += 1;
    }
    assert!(count >= 300, "only {count} rows read");
}

#[test]
fn every_malformed_row_gets_its_verdict() {
    let tsv = include_str!("data/malformed-replies.tsv");
    let mut count = 0;
    for row in rows(tsv) {
        let [id, reply, expected, strict, why, ..] = row[..] else {
            panic!("short row {row:?}")
        };
        let input = unescape(reply);
        let lenient = Parser::new().parse(&input);
        match (expected, &lenient) {
            ("error", Err(_)) => {}
            ("error", Ok((reply, _))) => {
                panic!("{id} ({why}): expected an error, parsed {}", summary(reply))
            }
            (expected, Ok((reply, _))) => assert_eq!(summary(reply), expected, "{id} ({why})"),
            (expected, Err(e)) => panic!("{id} ({why}): expected {expected}, got {e}"),
        }
        let strict_result = Parser::new().strict(true).parse(&input);
        match (strict, &strict_result) {
            ("error", Err(_)) => {}
            ("ok", Ok((reply, _))) => assert_eq!(summary(reply), expected, "{id}: strict"),
            (verdict, result) => panic!("{id} ({why}): strict expected {verdict}, got {result:?}"),
        }
        count += 1;
    }
    assert_eq!(count, 24);
}

#[test]
fn lenient_parses_record_what_strict_parses_refuse() {
    let tsv = include_str!("data/malformed-replies.tsv");
    for row in rows(tsv) {
        let [id, reply, expected, strict, ..] = row[..] else {
            continue;
        };
        if expected == "error" {
            continue;
        }
        let input = unescape(reply);
        let (parsed, _) = Parser::new().parse(&input).unwrap();
        assert_eq!(
            parsed.is_clean(),
            strict == "ok",
            "{id}: {:?}",
            parsed.anomalies().collect::<Vec<_>>()
        );
    }
}

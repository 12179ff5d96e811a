//! How often the classifier agrees with a person: `tests/data/labelled-replies.tsv` holds real
//! replies, each with the reason and the suppress decision someone assigned by reading it and
//! its source. The test prints per-reason precision and recall and pins them (and the overall
//! agreement) from below, so a rule change that loses agreement fails here.
//!
//! Run `cargo test -p smtp-codes --test classify_accuracy -- --nocapture` to see the table.

use std::collections::BTreeMap;

use smtp_codes::{Command, Reason, Reply};

const LABELLED: &str = include_str!("data/labelled-replies.tsv");

/// Overall reason agreement the classifier must keep, in per cent of rows.
const MIN_REASON_AGREEMENT: f64 = 88.0;
/// Agreement on whether to stop sending to the recipient, in per cent of rows.
const MIN_SUPPRESS_AGREEMENT: f64 = 96.0;

/// Per reason: the lowest precision and recall (per cent) to keep. A reason the set has no
/// rows for is not listed.
const FLOORS: &[(&str, f64, f64)] = &[
    ("authentication_failed", 90.0, 99.0),
    ("blocked", 89.0, 95.0),
    ("content_invalid", 91.0, 99.0),
    ("domain_unknown", 77.0, 99.0),
    ("greylisted", 99.0, 99.0),
    ("mailbox_full", 99.0, 99.0),
    ("message_too_big", 89.0, 89.0),
    ("not_accepting", 99.0, 99.0),
    ("policy", 60.0, 76.0),
    ("protocol_error", 93.0, 81.0),
    ("rate_limited", 95.0, 95.0),
    ("recipient_disabled", 99.0, 88.0),
    ("recipient_moved", 99.0, 99.0),
    ("recipient_unknown", 92.0, 82.0),
    ("relay_denied", 99.0, 79.0),
    ("security_required", 96.0, 99.0),
    ("sender_rejected", 96.0, 87.0),
    ("spam", 94.0, 86.0),
    ("system_error", 85.0, 87.0),
    ("too_many_recipients", 88.0, 99.0),
    ("unknown", 52.0, 52.0),
    ("virus", 99.0, 66.0),
];

struct Row<'a> {
    id: &'a str,
    reply: String,
    command: Option<Command>,
    reason: &'a str,
    suppress: bool,
}

/// The escapes the file uses: `\r`, `\n`, `\t`, `\\` and `\xHH`.
fn unescape(text: &str) -> String {
    let mut out = Vec::new();
    let bytes = text.as_bytes();
    let mut i = 0;
    while i < bytes.len() {
        if bytes[i] != b'\\' {
            out.push(bytes[i]);
            i += 1;
            continue;
        }
        match bytes.get(i + 1) {
            Some(b'r') => out.push(b'\r'),
            Some(b'n') => out.push(b'\n'),
            Some(b't') => out.push(b'\t'),
            Some(b'\\') => out.push(b'\\'),
            Some(b'x') => {
                let hex = &text[i + 2..i + 4];
                out.push(u8::from_str_radix(hex, 16).expect("\\xHH"));
                i += 2;
            }
            other => panic!("unknown escape {other:?} in {text:?}"),
        }
        i += 2;
    }
    String::from_utf8(out).expect("UTF-8")
}

fn rows() -> Vec<Row<'static>> {
    let mut lines = LABELLED.lines();
    assert_eq!(
        lines.next(),
        Some("id\treply\tcommand\treason\tsuppress\tsource")
    );
    lines
        .map(|line| {
            let fields: Vec<&str> = line.split('\t').collect();
            assert_eq!(fields.len(), 6, "{line}");
            assert!(!fields[5].trim().is_empty(), "{}: no source", fields[0]);
            let command = match fields[2] {
                "-" => None,
                name => Some(
                    Command::from_name(name)
                        .unwrap_or_else(|| panic!("{}: command {name}", fields[0])),
                ),
            };
            Row {
                id: fields[0],
                reply: unescape(fields[1]),
                command,
                reason: fields[3],
                suppress: match fields[4] {
                    "yes" => true,
                    "no" => false,
                    other => panic!("{}: suppress {other}", fields[0]),
                },
            }
        })
        .collect()
}

#[derive(Default)]
struct Counts {
    /// Rows labelled with the reason.
    labelled: usize,
    /// Rows the classifier gave the reason.
    given: usize,
    /// Rows where both agree.
    agreed: usize,
}

fn percent(part: usize, whole: usize) -> f64 {
    if whole == 0 {
        100.0
    } else {
        let (part, whole) = (
            u32::try_from(part).expect("a small count"),
            u32::try_from(whole).expect("a small count"),
        );
        100.0 * f64::from(part) / f64::from(whole)
    }
}

#[test]
fn the_labelled_set_is_at_least_400_real_replies_over_every_reason() {
    let rows = rows();
    assert!(rows.len() >= 400, "{}", rows.len());
    for reason in Reason::ALL {
        if reason.name() == "accepted" {
            continue;
        }
        assert!(
            rows.iter().any(|row| row.reason == reason.name()),
            "no labelled row for {reason}"
        );
    }
}

#[test]
fn agreement_with_the_labels_is_pinned() {
    let rows = rows();
    let mut counts: BTreeMap<&str, Counts> = BTreeMap::new();
    let (mut agreed, mut suppress_agreed) = (0, 0);
    let mut misses = Vec::new();
    for row in &rows {
        let wire = format!("{}\r\n", row.reply);
        let (reply, _) =
            Reply::parse(wire.as_bytes()).unwrap_or_else(|e| panic!("{}: {e}: {wire:?}", row.id));
        let answer = reply.classify(row.command);
        let given = answer.reason().name();
        counts.entry(row.reason).or_default().labelled += 1;
        counts.entry(given).or_default().given += 1;
        if given == row.reason {
            agreed += 1;
            counts.entry(given).or_default().agreed += 1;
        } else {
            misses.push(format!(
                "{} labelled {} got {} (rule {}): {:.90}",
                row.id,
                row.reason,
                given,
                answer.rule().id(),
                row.reply.replace("\r\n", " | ")
            ));
        }
        if answer.suppress_recipient() == row.suppress {
            suppress_agreed += 1;
        } else {
            misses.push(format!(
                "{} suppress labelled {} got {} (rule {})",
                row.id,
                row.suppress,
                answer.suppress_recipient(),
                answer.rule().id()
            ));
        }
    }
    let reason_agreement = percent(agreed, rows.len());
    let suppress_agreement = percent(suppress_agreed, rows.len());
    println!(
        "{:<22} {:>6} {:>6} {:>9} {:>7}",
        "reason", "rows", "given", "precision", "recall"
    );
    for (reason, c) in &counts {
        println!(
            "{reason:<22} {:>6} {:>6} {:>8.1}% {:>6.1}%",
            c.labelled,
            c.given,
            percent(c.agreed, c.given),
            percent(c.agreed, c.labelled)
        );
    }
    println!(
        "reason agreement {reason_agreement:.1}% ({agreed}/{}), suppress agreement \
         {suppress_agreement:.1}% ({suppress_agreed}/{})",
        rows.len(),
        rows.len()
    );
    for miss in &misses {
        println!("  {miss}");
    }
    assert!(
        reason_agreement >= MIN_REASON_AGREEMENT,
        "reason agreement fell to {reason_agreement:.1}%"
    );
    assert!(
        suppress_agreement >= MIN_SUPPRESS_AGREEMENT,
        "suppress agreement fell to {suppress_agreement:.1}%"
    );
    for &(reason, precision, recall) in FLOORS {
        let c = &counts[reason];
        let (p, r) = (percent(c.agreed, c.given), percent(c.agreed, c.labelled));
        assert!(
            p >= precision && r >= recall,
            "{reason}: precision {p:.1}% (floor {precision}), recall {r:.1}% (floor {recall})"
        );
    }
}

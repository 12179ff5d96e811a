//! Data files that arrive broken or hostile: a report stays readable however many problems
//! there are. These check the diagnostics, not the time taken.

use codegen::{Diagnostics, MAX_DIAGNOSTICS, load_str};

const FILE: &str = "data/test.yaml";

/// A small data file that passes every rule (as in `validation.rs`).
const VALID: &str = r#"classes:
  - class: 2
    name: Positive Completion
    description: Done.
    references: [{ rfc: 5321, section: "4.2.1" }]
  - class: 3
    name: Positive Intermediate
    description: Go on.
    references: [{ rfc: 5321, section: "4.2.1" }]
  - class: 4
    name: Transient Negative Completion
    description: Try later.
    references: [{ rfc: 5321, section: "4.2.1" }]
  - class: 5
    name: Permanent Negative Completion
    description: Give up.
    references: [{ rfc: 5321, section: "4.2.1" }]
subjects:
  - subject: 1
    name: Addressing Status
    description: Addresses.
    references: [{ rfc: 3463, section: "3.2" }]
reply_codes:
  - code: 250
    name: OK
    status: standard
    commands: [MAIL]
    references:
      - { rfc: 5321, section: "4.2.3" }
    description: It worked.
  - code: 550
    name: MAILBOX_UNAVAILABLE
    status: standard
    references:
      - { rfc: 5321, section: "4.2.3" }
      - { rfc: 1846 }
    description: No.
enhanced_codes:
  - code: X.1.1
    title: Bad destination mailbox address
    classes: [5]
    associated_codes: [550]
    references:
      - { rfc: 3463, section: "3.2" }
    description: No such mailbox.
rfcs:
  - { rfc: 1846, title: SMTP 521 Reply Code }
  - { rfc: 3463, title: Enhanced Mail System Status Codes }
  - { rfc: 5321, title: Simple Mail Transfer Protocol }
"#;

fn replace(from: &str, to: &str) -> String {
    assert!(VALID.contains(from), "fixture lacks {from:?}");
    VALID.replacen(from, to, 1)
}

#[track_caller]
fn assert_reports(report: &str, expected: &str) {
    assert!(
        report.contains(expected),
        "expected {expected:?} in:\n{report}"
    );
}

#[test]
fn a_report_lists_the_first_problems_and_counts_the_rest() {
    let bad = "  - { code: 250, nme: OK }\n".repeat(1000);
    let source = replace("enhanced_codes:\n", &format!("{bad}enhanced_codes:\n"));
    let diagnostics: Diagnostics = load_str(&source, FILE).unwrap_err();
    assert_eq!(diagnostics.0.len(), MAX_DIAGNOSTICS);
    assert_eq!(diagnostics.omitted(), 1000 - MAX_DIAGNOSTICS);
    assert_eq!(diagnostics.total(), 1000);
    // The earliest in the file are the ones listed.
    let lines: Vec<usize> = diagnostics.iter().map(|d| d.line.unwrap()).collect();
    assert_eq!(lines, (38..38 + MAX_DIAGNOSTICS).collect::<Vec<_>>());
    let report = diagnostics.to_string();
    assert_reports(
        &report,
        "\nerror: data/test.yaml: … and 800 more problems not shown; fix the ones above and run again\n1000 problems found; nothing was written",
    );
    assert_eq!(report.lines().count(), MAX_DIAGNOSTICS + 2);
}

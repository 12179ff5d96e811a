//! Data files that arrive broken or hostile: every problem comes out in one run, and a report
//! stays readable however many there are. These check the diagnostics, not the time taken.

use codegen::{Diagnostics, MAX_DIAGNOSTICS, load_and_validate_str, load_str};

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

/// The whole report for `source`, which must be refused.
fn errors(source: &str) -> String {
    match load_and_validate_str(source, FILE) {
        Ok(_) => panic!("expected the data to be refused:\n{source}"),
        Err(diagnostics) => diagnostics.to_string(),
    }
}

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

/// The one line of the report that is not the closing count.
#[track_caller]
fn only_problem(report: &str) -> &str {
    let lines: Vec<&str> = report.lines().collect();
    assert_eq!(lines.len(), 2, "expected exactly one problem:\n{report}");
    assert_eq!(lines[1], "1 problem found; nothing was written");
    lines[0]
}

#[test]
fn the_fixture_is_valid() {
    load_and_validate_str(VALID, FILE).unwrap();
}

#[test]
fn a_misspelt_field_and_a_duplicate_come_out_in_one_run() {
    let entry = "  - code: X.1.1\n    title: Bad destination mailbox address\n    classes: [5]\n    associated_codes: [550]\n    references:\n      - { rfc: 3463, section: \"3.2\" }\n    description: No such mailbox.\n";
    let source = replace(
        "    description: It worked.\n",
        "    descripton: It worked.\n",
    )
    .replacen(entry, &format!("{entry}{entry}"), 1);
    let report = errors(&source);
    assert_reports(
        &report,
        "error: data/test.yaml:30: reply code 250: unknown field `descripton`",
    );
    assert_reports(
        &report,
        "error: data/test.yaml:46: enhanced code X.1.1: duplicate code; first defined at line 39",
    );
    assert!(report.ends_with("\n2 problems found; nothing was written"));
    // In file order.
    assert!(report.find("descripton") < report.find("duplicate code"));

    // `generate`, which `cargo xtask codegen` runs, takes the same one-run path.
    let root = std::env::temp_dir().join(format!("codegen-hostile-{}", std::process::id()));
    std::fs::create_dir_all(root.join("data")).unwrap();
    std::fs::write(root.join(codegen::DATA_PATH), &source).unwrap();
    let report = codegen::generate(&root).unwrap_err().to_string();
    std::fs::remove_dir_all(&root).unwrap();
    assert_reports(
        &report,
        "data/smtp-codes.yaml:30: reply code 250: unknown field `descripton`",
    );
    assert_reports(
        &report,
        "data/smtp-codes.yaml:46: enhanced code X.1.1: duplicate code",
    );
}

#[test]
fn an_entry_that_did_not_read_does_not_make_others_look_wrong() {
    // 550 is the only entry citing RFC 1846 and the code X.1.1 is associated with; when it
    // does not read, neither may be reported as missing or uncited.
    let report = errors(&replace(
        "    name: MAILBOX_UNAVAILABLE\n",
        "    nam: MAILBOX_UNAVAILABLE\n",
    ));
    assert_reports(
        only_problem(&report),
        "data/test.yaml:32: reply code 550: unknown field `nam`",
    );

    // Likewise an RFC entry that does not read, for the entries that cite it.
    let report = errors(&replace(
        "  - { rfc: 1846, title: SMTP 521 Reply Code }\n",
        "  - { rfc: 1846, titel: SMTP 521 Reply Code }\n",
    ));
    assert_reports(only_problem(&report), "RFC 1846: unknown field `titel`");

    // A class that does not read leaves the reply codes of its class alone.
    let report = errors(&replace("  - class: 5\n", "  - clas: 5\n"));
    assert_reports(only_problem(&report), "unknown field `clas`");

    // The same rules apply as soon as every entry of the section reads.
    let report = errors(&replace(
        "  - { rfc: 1846, title: SMTP 521 Reply Code }\n",
        "",
    ));
    assert_reports(
        &report,
        "reply code 550: cites RFC 1846, which is not in `rfcs`",
    );
}

#[test]
fn a_report_lists_the_first_problems_and_counts_the_rest() {
    let bad = "  - { code: 250, nme: OK }\n".repeat(1000);
    let source = replace("enhanced_codes:\n", &format!("{bad}enhanced_codes:\n"));
    let diagnostics: Diagnostics = load_and_validate_str(&source, FILE).unwrap_err();
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

    // The cap holds for each stage alone too.
    let diagnostics = load_str(&source, FILE).unwrap_err();
    assert_eq!(
        (diagnostics.0.len(), diagnostics.total()),
        (MAX_DIAGNOSTICS, 1000)
    );
}

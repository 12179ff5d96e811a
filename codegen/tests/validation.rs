//! One test per rule of `load_str` and `validate`: a small data file with one mistake, and the
//! message (file, line, entry) that must come out. Every problem is reported in one run.

use codegen::{Diagnostics, load_str, validate};

const FILE: &str = "data/test.yaml";

/// The smallest data file that passes every rule (shared with `hostile.rs`).
const VALID: &str = include_str!("support/valid.yaml");

fn check(source: &str) -> Result<(), Diagnostics> {
    let registry = load_str(source, FILE)?;
    validate(&registry, FILE)
}

/// The full report for `source`, which must fail.
fn errors(source: &str) -> String {
    match check(source) {
        Ok(()) => panic!("expected the data to be rejected:\n{source}"),
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

#[test]
fn the_fixture_is_valid() {
    check(VALID).unwrap();
}

#[test]
fn yaml_syntax_error_gives_file_line_and_column() {
    let source = replace("    name: OK\n", "    name: [OK\n");
    let report = errors(&source);
    // libyaml reports where it noticed the problem: the line after the unclosed `[`.
    let after = source
        .lines()
        .position(|line| line == "    name: [OK")
        .expect("the broken line")
        + 2;
    assert_reports(&report, &format!("data/test.yaml:{after}:11: invalid YAML"));
    // A file that does not parse is one problem; nothing past it is guessed at.
    assert!(
        report.ends_with("\n1 problem found; nothing was written"),
        "{report}"
    );
}

#[test]
fn unknown_field_is_reported_at_its_line() {
    let report = errors(&replace(
        "    description: It worked.\n",
        "    descripton: It worked.\n",
    ));
    assert_reports(
        &report,
        "data/test.yaml:32: reply code 250: unknown field `descripton`, expected one of",
    );
}

#[test]
fn missing_field_names_the_entry() {
    let report = errors(&replace("    name: MAILBOX_UNAVAILABLE\n", ""));
    assert_reports(
        &report,
        "data/test.yaml:33: reply code 550: missing field `name`",
    );
}

#[test]
fn one_bad_entry_does_not_hide_the_others() {
    let source = replace("    name: OK\n", "    nam: OK\n")
        .replacen(
            "    status: standard\n    references",
            "    status: normal\n    references",
            1,
        )
        .replacen("code: X.1.1", "code: 5.1.1", 1);
    let report = errors(&source);
    assert_reports(&report, "reply code 250: unknown field `nam`");
    assert_reports(&report, "reply code 550: unknown variant `normal`");
    // Loading stops before validation when entries do not deserialize; the two problems above
    // are both there, and the report counts them.
    assert_reports(&report, "2 problems found; nothing was written");
}

#[test]
fn unknown_and_missing_sections() {
    let report = errors(&VALID.replace("subjects:\n", "subject:\n"));
    assert_reports(&report, "unknown top-level section `subject`");
    assert_reports(&report, "missing top-level section `subjects`");
}

#[test]
fn duplicate_reply_code() {
    let report = errors(&replace("  - code: 550\n", "  - code: 250\n"));
    assert_reports(
        &report,
        "data/test.yaml:33: reply code 250: duplicate code; first defined at line 24",
    );
}

#[test]
fn reply_code_out_of_range() {
    let report = errors(&replace("  - code: 550\n", "  - code: 650\n"));
    assert_reports(
        &report,
        "reply code 650: reply codes are three digits from 200 to 599",
    );
}

#[test]
fn reply_codes_out_of_order() {
    let report = errors(&replace("  - code: 550\n", "  - code: 221\n"));
    assert_reports(&report, "reply code 221: out of order: 250 comes before it");
}

#[test]
fn malformed_enhanced_code() {
    for bad in ["5.1.1", "X.1", "X.1.1000", "X.01.1", "X..1", "X.1.a"] {
        let report = errors(&replace("code: X.1.1", &format!("code: \"{bad}\"")));
        assert_reports(
            &report,
            &format!("enhanced code {bad}: not of the form `X.<subject>.<detail>`"),
        );
    }
}

#[test]
fn duplicate_and_unordered_enhanced_codes() {
    let entry = VALID
        .split("enhanced_codes:\n")
        .nth(1)
        .unwrap()
        .split("rfcs:\n")
        .next()
        .unwrap();
    let report = errors(&VALID.replace("rfcs:\n", &format!("{entry}rfcs:\n")));
    assert_reports(
        &report,
        "enhanced code X.1.1: duplicate code; first defined at line 40",
    );
    let report = errors(&VALID.replace(
        "rfcs:\n",
        &format!("{}rfcs:\n", entry.replace("X.1.1", "X.1.0")),
    ));
    assert_reports(
        &report,
        "enhanced code X.1.0: out of order: X.1.1 comes before it",
    );
}

#[test]
fn enhanced_subject_must_exist() {
    let report = errors(&replace("code: X.1.1", "code: X.9.1"));
    assert_reports(
        &report,
        "enhanced code X.9.1: subject 9 is not in `subjects`",
    );
}

#[test]
fn constant_names_must_be_identifiers() {
    for (bad, why) in [
        ("ok", "it must start with an upper-case ASCII letter"),
        ("1OK", "it must start with an upper-case ASCII letter"),
        ("O-K", "only A-Z, 0-9 and _ are allowed"),
        ("OK_", "no doubled or trailing underscores"),
        ("", "it is empty"),
    ] {
        let report = errors(&replace(
            "    name: OK\n",
            &format!("    name: \"{bad}\"\n"),
        ));
        assert_reports(
            &report,
            &format!(
                "data/test.yaml:24: reply code 250: name `{bad}` is not a valid constant name: "
            ),
        );
        assert_reports(&report, why);
    }
}

#[test]
fn colliding_constant_names() {
    let report = errors(&replace(
        "    name: MAILBOX_UNAVAILABLE\n",
        "    name: OK\n",
    ));
    assert_reports(
        &report,
        "data/test.yaml:33: reply code 550: name `OK` is already used by reply code 250 at line 24",
    );
}

#[test]
fn associated_code_must_be_in_the_table() {
    let report = errors(&replace(
        "associated_codes: [550]",
        "associated_codes: [551, 550]",
    ));
    assert_reports(
        &report,
        "enhanced code X.1.1: associated code 551 is not in `reply_codes`",
    );
    assert_reports(&report, "`associated_codes` must be ascending");
}

#[test]
fn malformed_references() {
    for (reference, why) in [
        (
            "{ rfc: 5321, section: \"4.2.x\" }",
            "`section` is dot-separated numbers",
        ),
        (
            "{ rfc: 5321, name: \"x\" }",
            "give either `rfc` or `name`, not both",
        ),
        ("{ section: \"4.2\" }", "needs `rfc` or `name`"),
        (
            "{ name: \"x\", url: \"ftp://x\" }",
            "`url` must be an http(s) URL",
        ),
        ("{ rfc: 0 }", "RFC numbers start at 1"),
    ] {
        let source = replace(
            "    references:\n      - { rfc: 5321, section: \"4.2.3\" }\n    description: No.",
            &format!("    references:\n      - {reference}\n    description: No."),
        );
        let report = errors(&source);
        assert_reports(&report, "reply code 550: malformed reference");
        assert_reports(&report, why);
    }
    let report = errors(&replace(
        "    references:\n      - { rfc: 3463, section: \"3.2\" }\n    description: No such",
        "    references: []\n    description: No such",
    ));
    assert_reports(&report, "enhanced code X.1.1: `references` is empty");
}

#[test]
fn standard_codes_need_an_rfc() {
    let report = errors(&replace(
        "      - { rfc: 5321, section: \"4.2.3\" }\n    description: No.",
        "      - { name: \"A blog\" }\n    description: No.",
    ));
    assert_reports(&report, "status `standard` needs at least one RFC");
}

#[test]
fn unknown_command() {
    let report = errors(&replace("commands: [MAIL]", "commands: [MAIL, FROB, MAIL]"));
    assert_reports(&report, "unknown command `FROB`");
    assert_reports(&report, "command `MAIL` is listed twice");
}

#[test]
fn seen_after_lists_only_what_the_rfcs_do_not_with_a_source() {
    let seen = |commands: &str, references: &str| {
        replace(
            "    commands: [MAIL]\n",
            &format!(
                "    commands: [MAIL]\n    seen_after: {{ commands: {commands}, references: {references} }}\n"
            ),
        )
    };
    check(&seen("[RCPT]", "[{ name: \"A server's manual\" }]")).unwrap();
    let report = errors(&seen("[MAIL, FROB, RCPT, RCPT]", "[]"));
    assert_reports(
        &report,
        "reply code 250: command `MAIL` is in both `commands` and `seen_after`",
    );
    assert_reports(&report, "unknown command `FROB` in `seen_after`");
    assert_reports(&report, "command `RCPT` is listed twice in `seen_after`");
    assert_reports(&report, "`seen_after` needs `references`");
    assert_reports(
        &errors(&seen("[]", "[{ rfc: 5321 }]")),
        "`seen_after` needs at least one command",
    );
}

#[test]
fn alias_of_is_the_number_with_dots_on_non_standard_codes_only() {
    let alias = |status: &str, alias: &str| {
        replace(
            "    name: MAILBOX_UNAVAILABLE\n    status: standard\n",
            &format!(
                "    name: MAILBOX_UNAVAILABLE\n    status: {status}\n    alias_of: \"{alias}\"\n"
            ),
        )
    };
    check(&alias("non-standard", "5.5.0")).unwrap();
    assert_reports(
        &errors(&alias("standard", "5.5.0")),
        "reply code 550: only a `non-standard` code can be an `alias_of` an enhanced code",
    );
    assert_reports(
        &errors(&alias("non-standard", "5.1.1")),
        "`alias_of` `5.1.1` is not 550 with dots: an alias is the enhanced code whose digits \
         make the number, here `5.5.0`",
    );
    assert_reports(
        &errors(&alias("non-standard", "X.5.0")),
        "`alias_of` `X.5.0` is not an enhanced code",
    );
}

#[test]
fn a_document_has_one_name_and_appendices_are_sections() {
    let report = errors(&replace(
        "      - { rfc: 5321, section: \"4.2.3\" }\n    description: It worked.",
        "      - { rfc: 5321, section: \"4.2.3\" }\n      - { name: \"Manual\", url: \"https://example.org/m\" }\n    description: It worked.",
    )
    .replacen(
        "      - { rfc: 5321, section: \"4.2.3\" }\n    description: No.",
        "      - { rfc: 5321, section: \"4.2.3\" }\n      - { name: \"The manual\", url: \"https://example.org/m\" }\n    description: No.",
        1,
    ));
    assert_reports(
        &report,
        "reply code 550: <https://example.org/m> is named \"The manual\" here but \"Manual\" at",
    );
    check(&replace(
        "{ rfc: 5321, section: \"4.2.3\" }\n    description: No.",
        "{ rfc: 5321, section: \"A.1\" }\n    description: No.",
    ))
    .unwrap();
    assert_reports(
        &errors(&replace(
            "{ rfc: 5321, section: \"4.2.3\" }\n    description: No.",
            "{ rfc: 5321, section: \"a.1\" }\n    description: No.",
        )),
        "section",
    );
}

#[test]
fn enhanced_classes_and_title() {
    let report = errors(&replace("classes: [5]", "classes: [3]"));
    assert_reports(&report, "`classes` may only hold 2, 4 and 5");
    let report = errors(&replace("classes: [5]", "classes: [5, 4]"));
    assert_reports(&report, "`classes` must be ascending");
    let report = errors(&replace("    title: Bad destination mailbox address\n", ""));
    assert_reports(
        &report,
        "missing field `title` (only a deprecated entry may omit it)",
    );
}

#[test]
fn classes_must_be_exactly_two_to_five() {
    let report = errors(&replace("  - class: 3\n", "  - class: 6\n"));
    assert_reports(&report, "class 6: a reply class is a digit from 2 to 5");
    assert_reports(&report, "expected exactly the classes 2, 3, 4, 5");
}

#[test]
fn empty_or_untrimmed_prose() {
    let report = errors(&replace(
        "    description: It worked.\n",
        "    description: \" It worked.\"\n",
    ));
    assert_reports(
        &report,
        "reply code 250: `description` has leading or trailing white space",
    );
    let report = errors(&replace(
        "    description: It worked.\n",
        "    description: \"\"\n",
    ));
    assert_reports(&report, "reply code 250: `description` is empty");
}

#[test]
fn every_validation_problem_is_listed_in_one_run() {
    let source = replace("  - code: 550\n", "  - code: 650\n")
        .replacen("    name: OK\n", "    name: ok\n", 1)
        .replacen("commands: [MAIL]", "commands: [FROB]", 1);
    let report = errors(&source);
    assert_reports(&report, "reply code 650");
    assert_reports(&report, "name `ok`");
    assert_reports(&report, "unknown command `FROB`");
    // The out-of-range code also leaves X.1.1's association with 550 dangling.
    assert_reports(&report, "associated code 550 is not in `reply_codes`");
    assert_reports(&report, "4 problems found");
}

#[test]
fn cited_rfcs_must_be_listed_and_listed_ones_cited() {
    let report = errors(&replace(
        "  - { rfc: 3463, title: Enhanced Mail System Status Codes }\n",
        "",
    ));
    assert_reports(&report, "subject 1: cites RFC 3463, which is not in `rfcs`");
    let report = errors(&format!("{VALID}  - {{ rfc: 9999, title: Unused }}\n"));
    assert_reports(&report, "RFC 9999: no entry cites this RFC");
    let report = errors(&replace(
        "  - { rfc: 3463, title: Enhanced Mail System Status Codes }\n  - { rfc: 5321, title: Simple Mail Transfer Protocol }\n",
        "  - { rfc: 5321, title: Simple Mail Transfer Protocol }\n  - { rfc: 3463, title: Enhanced Mail System Status Codes }\n",
    ));
    assert_reports(&report, "RFC 3463: out of order");
}

#[test]
fn subjects_unique_and_ascending() {
    let subject = "  - subject: 1\n    name: Addressing Status\n    description: Addresses.\n    references: [{ rfc: 3463, section: \"3.2\" }]\n";
    assert!(VALID.contains(subject));
    let report = errors(&replace(subject, &format!("{subject}{subject}")));
    assert_reports(&report, "subject 1: duplicate subject");
    let report = errors(&replace(
        subject,
        &format!("{subject}{}", subject.replace("subject: 1", "subject: 0")),
    ));
    assert_reports(
        &report,
        "subject 0: out of order: subject 1 comes before it; keep subjects ascending",
    );
}

/// A deprecated entry after X.1.1 in [`VALID`], replaced by X.1.1.
const DEPRECATED: &str = r#"  - code: X.1.2
    classes: [5]
    associated_codes: []
    references:
      - { rfc: 3463, section: "3.2" }
    deprecated: true
    replaced_by: X.1.1
    description: Use X.1.1.
"#;

#[test]
fn replaced_by_names_a_current_entry_and_only_on_deprecated_ones() {
    let with = |entries: &str| VALID.replace("rfcs:\n", &format!("{entries}rfcs:\n"));
    check(&with(DEPRECATED)).unwrap();
    for (replacement, problem) in [
        ("X.1.9", "`replaced_by: X.1.9` is not in `enhanced_codes`"),
        ("X.1.2", "`replaced_by: X.1.2` names the entry itself"),
        (
            "5.1.1",
            "`replaced_by: 5.1.1` is not of the form `X.<subject>.<detail>`",
        ),
    ] {
        let entry = DEPRECATED.replace(
            "replaced_by: X.1.1",
            &format!("replaced_by: \"{replacement}\""),
        );
        assert_reports(
            &errors(&with(&entry)),
            &format!("data/test.yaml:47: enhanced code X.1.2: {problem}"),
        );
    }
    let report = errors(&with(&DEPRECATED.replace("    deprecated: true\n", "")));
    assert_reports(
        &report,
        "enhanced code X.1.2: `replaced_by` is only for deprecated entries",
    );
    // A replacement that is itself deprecated would send the reader to a code nobody should use.
    let second = DEPRECATED
        .replace("X.1.2", "X.1.3")
        .replace("replaced_by: X.1.1", "replaced_by: X.1.2");
    let report = errors(&with(&format!("{DEPRECATED}{second}")));
    assert_reports(
        &report,
        "enhanced code X.1.3: `replaced_by: X.1.2` is deprecated too",
    );
}

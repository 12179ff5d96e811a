//! The `commands`, `reasons` and `rules` sections: the real file passes, and each kind of
//! mistake in a rule is reported with the file, the line and the rule's id.

use std::path::Path;

const FILE: &str = "data/smtp-codes.yaml";

fn source() -> String {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).parent().unwrap();
    std::fs::read_to_string(root.join(codegen::DATA_PATH)).unwrap()
}

/// The messages for `source`, one per line, or an empty string when it passes.
fn report(source: &str) -> String {
    match codegen::load_and_validate_str(source, FILE) {
        Ok(_) => String::new(),
        Err(diagnostics) => diagnostics.to_string(),
    }
}

/// The real file with the first occurrence of `from` replaced by `to`.
fn edited(from: &str, to: &str) -> String {
    let source = source();
    assert!(source.contains(from), "{from:?} is not in the data file");
    source.replacen(from, to, 1)
}

/// The 1-based line on which `needle` first appears in the real file.
fn line_of(needle: &str) -> usize {
    source()
        .lines()
        .position(|line| line.contains(needle))
        .unwrap_or_else(|| panic!("{needle:?} is not in the data file"))
        + 1
}

#[test]
fn the_real_rules_pass_and_cover_every_required_reason() {
    let registry = codegen::load_and_validate(
        &Path::new(env!("CARGO_MANIFEST_DIR"))
            .parent()
            .unwrap()
            .join(codegen::DATA_PATH),
    )
    .unwrap_or_else(|d| panic!("{d}"));
    for reason in codegen::REQUIRED_REASONS {
        assert!(
            registry.rules.iter().any(|rule| rule.reason == *reason),
            "no rule gives the reason {reason}"
        );
    }
    assert!(registry.rules.iter().all(|rule| !rule.examples.is_empty()));
}

#[test]
fn an_unknown_reason_names_the_rule_and_its_line() {
    let line = line_of("  - id: google-spf");
    let out = report(&edited(
        "  - id: google-spf\n    reason: authentication_failed",
        "  - id: google-spf\n    reason: spf_failed",
    ));
    assert!(
        out.contains(&format!("{FILE}:{line}"))
            && out.contains("rule google-spf")
            && out.contains("`spf_failed` is not among `reasons`"),
        "{out}"
    );
}

#[test]
fn an_example_another_rule_decides_first_is_refused() {
    // Without its provider, Gmail's 5.7.27 reads as IANA's X.7.27 and an earlier or generic
    // rule takes it: the example no longer shows that this rule is reachable.
    let out = report(&edited(
        "when: { provider: \"google\", enhanced: \"X.7.27\" }",
        "when: { provider: \"google\", enhanced: \"X.7.27\", commands: [HELO] }",
    ));
    assert!(
        out.contains("rule google-spf, example 1") && out.contains("decides this example first"),
        "{out}"
    );
}

#[test]
fn a_phrase_no_example_contains_is_refused() {
    let out = report(&edited(
        "when: { provider: \"google\", enhanced: \"X.7.27\" }",
        "when: { provider: \"google\", enhanced: \"X.7.27\", phrases: [\"no such words here\"] }",
    ));
    assert!(
        out.contains("rule google-spf")
            && out.contains("phrase \"no such words here\" is in none of the rule's examples"),
        "{out}"
    );
}

#[test]
fn an_unknown_command_or_provider_is_refused() {
    let out = report(&edited(
        "when: { provider: \"google\", enhanced: \"X.7.27\" }",
        "when: { provider: \"gmail\", enhanced: \"X.7.27\", commands: [FOO] }",
    ));
    assert!(
        out.contains("provider `gmail` is not among `providers`")
            && out.contains("unknown command `FOO`"),
        "{out}"
    );
}

#[test]
fn a_rule_without_references_or_examples_is_refused() {
    let source = source();
    let start = source.find("  - id: google-spf\n").unwrap();
    let end = start + source[start..].find("  - id: google-dkim\n").unwrap();
    let bare = "  - id: google-spf\n    reason: authentication_failed\n    \
                when: { provider: \"google\", enhanced: \"X.7.27\" }\n    \
                references: []\n    examples: []\n";
    let out = report(&format!("{}{bare}{}", &source[..start], &source[end..]));
    assert!(
        out.contains("`references` is empty") && out.contains("`examples` is empty"),
        "{out}"
    );
}

#[test]
fn a_reason_no_rule_gives_is_refused() {
    let line = line_of("  - { name: virus,");
    let out = report(&edited("    reason: virus\n", "    reason: spam\n"));
    assert!(
        out.contains(&format!(
            "{FILE}:{line}: reason virus: no rule gives this reason"
        )),
        "{out}"
    );
}

#[test]
fn a_missing_required_reason_and_a_duplicate_id_are_both_reported() {
    let source = edited("  - id: google-dkim\n", "  - id: google-spf\n");
    let start = source
        .find("  - { name: mailbox_full,")
        .expect("the reasons section lists mailbox_full");
    let end = start + source[start..].find('\n').unwrap() + 1;
    let out = report(&format!("{}{}", &source[..start], &source[end..]));
    assert!(out.contains("duplicate rule id"), "{out}");
    assert!(
        out.contains("the reason `mailbox_full` is missing"),
        "{out}"
    );
}

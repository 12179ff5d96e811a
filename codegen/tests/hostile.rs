//! Data files that arrive broken or hostile: every problem comes out in one run, and what a file
//! can cost (size, anchors and aliases, nesting, the number of problems, table sizes) is capped
//! with a message that says so. These check the diagnostics, not the time taken.

use std::fmt::Write as _;

use codegen::model::{EnhancedEntry, Registry, ReplyEntry};
use codegen::{
    Diagnostics, MAX_BLOCK_DEPTH, MAX_DIAGNOSTICS, MAX_FILE_BYTES, MAX_FLOW_DEPTH,
    MAX_TABLE_ENTRIES, load_and_validate_str, load_str, render_derive_table, render_markdown,
    render_rust, validate,
};

const FILE: &str = "data/test.yaml";

/// A small data file that passes every rule (shared with `validation.rs`).
const VALID: &str = include_str!("support/valid.yaml");

/// [`VALID`] with an RFC that only reply code 550 cites, so a test can break either.
fn valid() -> String {
    VALID
        .replacen(
            "      - { rfc: 5321, section: \"4.2.3\" }\n    description: No.\n",
            "      - { rfc: 5321, section: \"4.2.3\" }\n      - { rfc: 1846 }\n    description: No.\n",
            1,
        )
        .replacen("rfcs:\n", "rfcs:\n  - { rfc: 1846, title: SMTP 521 Reply Code }\n", 1)
}

/// The whole report for `source`, which must be refused.
fn errors(source: &str) -> String {
    match load_and_validate_str(source, FILE) {
        Ok(_) => panic!("expected the data to be refused:\n{source}"),
        Err(diagnostics) => diagnostics.to_string(),
    }
}

/// The line numbers (from 1) of the lines of `source` that hold `needle`, so the expected
/// messages follow the fixture instead of restating its layout.
fn lines_of(source: &str, needle: &str) -> Vec<usize> {
    source
        .lines()
        .enumerate()
        .filter(|(_, line)| line.contains(needle))
        .map(|(i, _)| i + 1)
        .collect()
}

/// The line number of the one line of `source` that holds `needle`.
#[track_caller]
fn line_of(source: &str, needle: &str) -> usize {
    let lines = lines_of(source, needle);
    assert_eq!(lines.len(), 1, "{needle:?} stands on lines {lines:?}");
    lines[0]
}

fn replace(from: &str, to: &str) -> String {
    let valid = valid();
    assert!(valid.contains(from), "fixture lacks {from:?}");
    valid.replacen(from, to, 1)
}

#[track_caller]
fn assert_reports(report: &str, expected: &str) {
    assert!(
        report.contains(expected),
        "expected {expected:?} in:\n{report}"
    );
}

#[track_caller]
fn assert_not_reported(report: &str, unexpected: &str) {
    assert!(
        !report.contains(unexpected),
        "did not expect {unexpected:?} in:\n{report}"
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
        &format!(
            "error: data/test.yaml:{}: reply code 250: unknown field `descripton`",
            line_of(&source, "descripton:")
        ),
    );
    let [first, second] = lines_of(&source, "  - code: X.1.1")[..] else {
        panic!("the entry is doubled");
    };
    assert_reports(
        &report,
        &format!(
            "error: data/test.yaml:{second}: enhanced code X.1.1: duplicate code; first defined at line {first}"
        ),
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
        &format!(
            "data/smtp-codes.yaml:{}: reply code 250: unknown field `descripton`",
            line_of(&source, "descripton:")
        ),
    );
    assert_reports(
        &report,
        &format!("data/smtp-codes.yaml:{second}: enhanced code X.1.1: duplicate code"),
    );
}

#[test]
fn an_entry_that_did_not_read_does_not_make_others_look_wrong() {
    // 550 is the only entry citing RFC 1846 and the code X.1.1 is associated with; when it
    // does not read, neither may be reported as missing or uncited.
    let source = replace(
        "    name: MAILBOX_UNAVAILABLE\n",
        "    nam: MAILBOX_UNAVAILABLE\n",
    );
    let report = errors(&source);
    assert_reports(
        only_problem(&report),
        &format!(
            "data/test.yaml:{}: reply code 550: unknown field `nam`",
            line_of(&source, "nam:")
        ),
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
    let first = lines_of(&source, "nme: OK")[0];
    assert_eq!(lines, (first..first + MAX_DIAGNOSTICS).collect::<Vec<_>>());
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

#[test]
fn anchors_and_aliases_are_refused_with_line_and_column() {
    let source = replace(
        "    references: [{ rfc: 5321, section: \"4.2.1\" }]\n  - class: 3\n",
        "    references: &five [{ rfc: 5321, section: \"4.2.1\" }]\n  - class: 3\n",
    )
    .replacen(
        "    description: Go on.\n    references: [{ rfc: 5321, section: \"4.2.1\" }]\n",
        "    description: Go on.\n    references: *five\n",
        1,
    )
    .replacen("    commands: [MAIL]\n", "    commands: [*verb, MAIL]\n", 1)
    .replacen("  - code: 550\n", "  - &entry\n    code: 550\n", 1);
    let report = errors(&source);
    let problems: Vec<&str> = report.lines().collect();
    let anchor = "the data file takes no anchors or aliases (they let a small file expand into a huge one); write the value out in full where it is used";
    let alias = "the data file takes no anchors or aliases (they let a small file expand into a huge one); write the value out here in full, or quote it if it is text";
    let at = |needle: &str| line_of(&source, needle);
    assert_eq!(
        problems[..4],
        [
            format!(
                "error: data/test.yaml:{}:17: YAML anchor `&five`: {anchor}",
                at("&five")
            ),
            format!(
                "error: data/test.yaml:{}:17: YAML alias `*five`: {alias}",
                at("*five")
            ),
            format!(
                "error: data/test.yaml:{}:16: YAML alias `*verb`: {alias}",
                at("*verb")
            ),
            format!(
                "error: data/test.yaml:{}:5: YAML anchor `&entry`: {anchor}",
                at("&entry")
            ),
        ],
        "{report}"
    );
    // Refused before parsing: nothing else is reported.
    assert_eq!(problems[4], "4 problems found; nothing was written");
}

#[test]
fn aliases_are_found_wherever_libyaml_reads_one() {
    // libyaml's tokenizer reads an alias in each of these (quirks included; some documents then
    // fail to parse, others would not), so each is refused before parsing.
    for (source, at) in [
        ("a: {?*x: 1}\n", "1:6"),
        ("a: [1, #c\n*x]\n", "2:1"),
        ("a: {\"k\":*x}\n", "1:9"),
        ("a: \"text\" *x\n", "1:11"),
        ("a: 1 # comment\r*x: 2\n", "2:1"),
        ("a: |\n    text\n  b: *x\n", "3:6"),
        ("a: !tag *x\n", "1:9"),
        ("- 'it''s' \n- *x\n", "2:3"),
        ("--- |\n  text\n*x: 1\n", "3:1"),
    ] {
        let report = errors(source);
        assert_reports(
            only_problem(&report),
            &format!("error: data/test.yaml:{at}: YAML alias `*x`"),
        );
    }
}

#[test]
fn ampersands_and_asterisks_in_text_are_not_anchors() {
    let source = replace(
        "    description: It worked.\n",
        "    description: AT&T & co say *it* worked, and R&D say no &anchor here.\n    notes: \"*quoted* &text\"\n",
    )
    .replacen(
        "    description: No.\n",
        "    description: 'No *single* &quoted'\n    notes: |-\n      &literal\n      *block* text\n\n      - &still text\n",
        1,
    )
    .replacen(
        "    description: Addresses.\n",
        "    description: Addresses, over\n      *several* lines\n      &and more # a comment: &x\n",
        1,
    )
    .replacen(
        "    description: No such mailbox.\n",
        "    description: >-\n      &folded *text*\n    # a comment line: &x *y\n",
        1,
    );
    let registry = load_and_validate_str(&source, FILE).unwrap_or_else(|d| panic!("{d}"));
    let notes = registry.reply_codes[1].notes.as_deref().unwrap();
    assert_eq!(notes, "&literal\n*block* text\n\n- &still text");
    assert_eq!(
        registry.subjects[0].description,
        "Addresses, over *several* lines &and more"
    );
}

#[test]
fn a_file_over_the_size_cap_is_refused_before_parsing() {
    let mut source = VALID.to_owned();
    source.push_str(&"#".repeat(MAX_FILE_BYTES + 1 - source.len()));
    let report = errors(&source);
    assert_eq!(
        only_problem(&report),
        format!(
            "error: data/test.yaml: the file is larger than {MAX_FILE_BYTES} bytes (4 MiB), the most \
             codegen reads; the real table is under 100 KB, so check what was added (or raise \
             `codegen::MAX_FILE_BYTES` if the table really grew that large)"
        )
    );
    // At the cap exactly, the file is read.
    source.pop();
    load_and_validate_str(&source, FILE).unwrap();

    // Reading a file stops past the cap.
    source.push_str("##");
    let path = std::env::temp_dir().join(format!("codegen-hostile-size-{}", std::process::id()));
    std::fs::write(&path, &source).unwrap();
    let result = codegen::load_and_validate(&path);
    std::fs::remove_file(&path).unwrap();
    let report = result.unwrap_err().to_string();
    assert_reports(only_problem(&report), "the file is larger than");
}

/// `VALID` with `reply_codes` replaced by `nested`.
fn with_reply_codes(nested: &str) -> String {
    let start = VALID.find("reply_codes:\n").unwrap();
    let end = VALID.find("enhanced_codes:\n").unwrap();
    format!(
        "{}reply_codes: {nested}\n{}",
        &VALID[..start],
        &VALID[end..]
    )
}

#[test]
fn flow_nesting_is_capped_before_parsing() {
    let deep = |depth: usize| format!("{}{}", "[".repeat(depth), "]".repeat(depth));
    let report = errors(&with_reply_codes(&deep(MAX_FLOW_DEPTH + 1)));
    assert_eq!(
        only_problem(&report),
        format!(
            "error: data/test.yaml:23:{}: flow collections (`[…]`, `{{…}}`) nested more than \
             {MAX_FLOW_DEPTH} deep; the schema needs two at most: flatten the data or close the \
             brackets (codegen refuses deeper nesting before parsing, see \
             `codegen::MAX_FLOW_DEPTH`)",
            "reply_codes: ".len() + MAX_FLOW_DEPTH + 1
        )
    );
    // At the cap, the YAML parser gets the file (and the schema refuses the nesting).
    let report = errors(&with_reply_codes(&deep(MAX_FLOW_DEPTH)));
    assert_not_reported(&report, "nested more than");
    // 200 KB of `[`, which took libyaml minutes, is refused at the same place.
    let report = errors(&with_reply_codes(&"[".repeat(200_000)));
    assert_reports(
        only_problem(&report),
        "data/test.yaml:23:46: flow collections",
    );
}

#[test]
fn block_nesting_is_capped_before_parsing() {
    // `- - - …` on one line.
    let compact = "\n  ".to_owned() + &"- ".repeat(MAX_BLOCK_DEPTH + 1) + "x";
    let report = errors(&with_reply_codes(&compact));
    assert_reports(
        only_problem(&report),
        &format!(
            "error: data/test.yaml:24:{}: block collections nested more than {MAX_BLOCK_DEPTH} deep",
            // `reply_codes:` is the first level; the 32nd `- ` is the 33rd.
            3 + 2 * (MAX_BLOCK_DEPTH - 1)
        ),
    );
    // By indentation.
    let mut indented = String::new();
    for level in 0..MAX_BLOCK_DEPTH {
        write!(indented, "\n{}k{level}:", " ".repeat(level + 1)).unwrap();
    }
    let report = errors(&with_reply_codes(&indented));
    assert_reports(
        only_problem(&report),
        &format!(
            "error: data/test.yaml:{}:{}: block collections nested more than",
            24 + MAX_BLOCK_DEPTH - 1,
            MAX_BLOCK_DEPTH + 1
        ),
    );
    // At the cap, the YAML parser gets the file.
    indented.truncate(indented.rfind('\n').unwrap());
    let report = errors(&with_reply_codes(&indented));
    assert_not_reported(&report, "nested more than");
}

/// The registry of [`VALID`] with `count` enhanced codes X.1.1, X.1.2, ….
fn with_enhanced_codes(count: usize) -> Registry {
    let mut registry = load_and_validate_str(VALID, FILE).unwrap();
    let template: EnhancedEntry = registry.enhanced_codes[0].clone();
    registry.enhanced_codes = (1..=count)
        .map(|detail| EnhancedEntry {
            code: format!("X.1.{detail}"),
            line: Some(detail),
            ..template.clone()
        })
        .collect();
    registry
}

#[test]
fn tables_larger_than_the_generated_lookups_hold_are_refused() {
    let registry = with_enhanced_codes(300);
    let report = validate(&registry, FILE).unwrap_err().to_string();
    assert_eq!(
        only_problem(&report),
        format!(
            "error: data/test.yaml:{}: enhanced_codes: 300 entries, but the generated lookups \
             hold at most {MAX_TABLE_ENTRIES} (`codegen::MAX_TABLE_ENTRIES`: one byte per slot \
             in smtp-codes/src/lookup.rs and smtp-codes/src/info.rs); widen those to `u16` and \
             raise the limit before adding more",
            MAX_TABLE_ENTRIES + 1
        )
    );

    // At the limit, codegen accepts the table and renders it.
    let registry = with_enhanced_codes(MAX_TABLE_ENTRIES);
    validate(&registry, FILE).unwrap();
    let rust = render_rust(&registry);
    assert!(rust.contains(&format!(
        "ENHANCED_TABLE: [EnhancedInfo; {MAX_TABLE_ENTRIES}]"
    )));
    render_derive_table(&registry);
    render_markdown(&registry);

    // Reply codes: 200 to 599 allows 400.
    let mut registry = load_and_validate_str(VALID, FILE).unwrap();
    let template: ReplyEntry = registry.reply_codes[0].clone();
    registry.reply_codes = (200..500)
        .map(|code| ReplyEntry {
            code,
            name: format!("CODE_{code}"),
            ..template.clone()
        })
        .collect();
    let report = validate(&registry, FILE).unwrap_err().to_string();
    assert_reports(
        &report,
        "reply_codes: 300 entries, but the generated lookups hold at most 255",
    );
}

#[test]
fn the_class_table_has_four_entries_or_codegen_says_so() {
    // The generated `CLASS_NAMES` has one slot per class 2, 3, 4, 5: an empty list is refused
    // like any other.
    let subjects = VALID.find("subjects:").unwrap();
    let report = errors(&format!("classes: []\n{}", &VALID[subjects..]));
    assert_reports(
        &report,
        "classes: expected exactly the classes 2, 3, 4, 5 in that order, found []",
    );
}

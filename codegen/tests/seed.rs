//! Checks `data/smtp-codes.yaml` against the seed list in `data/seed/`: every seed code is in
//! the table, the seed codes no RFC defines are marked non-standard, and the table's prose is
//! not the seed's.

use std::path::Path;

use codegen::model::{Registry, Status};

mod support;

fn root() -> &'static Path {
    Path::new(env!("CARGO_MANIFEST_DIR")).parent().unwrap()
}

fn registry() -> Registry {
    codegen::load(&root().join("data/smtp-codes.yaml")).unwrap_or_else(|d| panic!("{d}"))
}

fn seed() -> String {
    std::fs::read_to_string(root().join("data/seed/seed-codes.txt")).unwrap()
}

/// The seed's codes: each entry of its table starts with a line `NNN |`.
fn seed_codes(seed: &str) -> Vec<u16> {
    seed.lines()
        .filter_map(|line| line.strip_suffix(" |"))
        .filter(|code| code.len() == 3)
        .filter_map(|code| code.parse().ok())
        .collect()
}

#[test]
fn every_seed_code_is_in_the_table_and_correctly_marked() {
    let registry = registry();
    let codes = seed_codes(&seed());
    assert_eq!(codes.len(), 27, "codes read from the seed: {codes:?}");
    for code in codes {
        let entry = registry.reply_codes.iter().find(|r| r.code == code);
        let entry = entry.unwrap_or_else(|| panic!("seed code {code} is not in the table"));
        // The seed's own labels ("Non standard", "A sendmailism ?") are checked against the
        // RFCs: 200 and 557 are defined by none, so they must be marked.
        let expected_non_standard = matches!(code, 200 | 557);
        assert_eq!(
            entry.status == Status::NonStandard,
            expected_non_standard,
            "seed code {code}"
        );
    }
}

/// The seed's descriptions are facts to check, not text to copy: no description or note of a
/// reply code shares a run of five words with the seed. (Standard texts, quoted from the RFCs,
/// are exempt: the seed quotes them too.)
#[test]
fn the_tables_prose_is_not_the_seeds() {
    let seed = support::phrases(&seed());
    let mut copied = Vec::new();
    for entry in registry().reply_codes {
        copied.extend(support::copied_prose(
            &entry.code,
            &entry.description,
            entry.notes.as_deref(),
            &seed,
        ));
    }
    assert!(
        copied.is_empty(),
        "runs of {} words taken from the seed:\n{}",
        support::RUN,
        copied.join("\n")
    );
}

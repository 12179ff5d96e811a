//! Checks `data/smtp-codes.yaml` against the copy of IANA's registry in `data/iana/`: the same
//! `X.subject.detail` entries, titles and associated basic codes, except for the differences
//! listed (with the reason) in `ALLOWED`.

use std::collections::BTreeMap;
use std::path::Path;

use codegen::model::{EnhancedEntry, parse_enhanced_key};

mod support;

/// Differences between the YAML and the registry that are intended: `(key, field, why)`.
/// Empty today: the YAML follows the registry exactly, and records the registry's oddities
/// (X.6.10's empty fields, X.7.28's "." basic code) in `associated_note` and `notes`.
const ALLOWED: &[(&str, &str, &str)] = &[];

/// One `<record>` of the registry's "Enumerated Status Codes" table.
#[derive(Debug)]
struct IanaRecord {
    title: Option<String>,
    associated: Vec<u16>,
    description: String,
}

fn root() -> &'static Path {
    Path::new(env!("CARGO_MANIFEST_DIR")).parent().unwrap()
}

/// The text of the first `<tag>…</tag>` in `record`, with white space folded.
fn element(record: &str, tag: &str) -> Option<String> {
    let start = record.find(&format!("<{tag}>"))? + tag.len() + 2;
    let end = start + record[start..].find(&format!("</{tag}>"))?;
    let text = record[start..end]
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ");
    (!text.is_empty()).then_some(text)
}

/// Reply codes named in the registry's free-text basic-code field ("451, 550", "250 or 251",
/// "451/550", "5XX", "Not given", …).
fn codes_in(field: &str) -> Vec<u16> {
    let mut codes: Vec<u16> = field
        .split(|c: char| !c.is_ascii_digit())
        .filter(|word| word.len() == 3)
        .filter_map(|word| word.parse().ok())
        .filter(|code| (200..=599).contains(code))
        .collect();
    codes.sort_unstable();
    codes.dedup();
    codes
}

fn iana_records(xml: &str) -> BTreeMap<(u16, u16), IanaRecord> {
    let table = xml
        .split("<registry id=\"smtp-enhanced-status-codes-3\">")
        .nth(1)
        .expect("the registry has its enumerated-codes table");
    table
        .split("<record")
        .skip(1)
        .map(|record| {
            let code = element(record, "code").expect("every record has a code");
            let key = parse_enhanced_key(&code).unwrap_or_else(|| panic!("registry code {code}"));
            let record = IanaRecord {
                title: element(record, "sample"),
                associated: element(record, "basic_code")
                    .map(|f| codes_in(&f))
                    .unwrap_or_default(),
                description: element(record, "description").unwrap_or_default(),
            };
            (key, record)
        })
        .collect()
}

fn yaml_entries() -> BTreeMap<(u16, u16), EnhancedEntry> {
    let registry =
        codegen::load(&root().join("data/smtp-codes.yaml")).unwrap_or_else(|d| panic!("{d}"));
    registry
        .enhanced_codes
        .into_iter()
        .map(|e| (e.subject_detail().unwrap(), e))
        .collect()
}

fn allowed(key: (u16, u16), field: &str) -> bool {
    let key = format!("X.{}.{}", key.0, key.1);
    ALLOWED.iter().any(|(k, f, _)| *k == key && *f == field)
}

/// Every difference between the YAML entries and the registry records, as readable lines.
fn differences(
    yaml: &BTreeMap<(u16, u16), EnhancedEntry>,
    iana: &BTreeMap<(u16, u16), IanaRecord>,
) -> Vec<String> {
    let mut out = Vec::new();
    for (key, record) in iana {
        let name = format!("X.{}.{}", key.0, key.1);
        let Some(entry) = yaml.get(key) else {
            if !allowed(*key, "missing") {
                out.push(format!(
                    "{name}: in the IANA registry but not in data/smtp-codes.yaml"
                ));
            }
            continue;
        };
        if entry.title != record.title && !allowed(*key, "title") {
            out.push(format!(
                "{name}: title {:?} in the YAML, {:?} in the registry",
                entry.title, record.title
            ));
        }
        if entry.associated_codes != record.associated && !allowed(*key, "associated_codes") {
            out.push(format!(
                "{name}: associated codes {:?} in the YAML, {:?} in the registry",
                entry.associated_codes, record.associated
            ));
        }
    }
    for key in yaml.keys().filter(|key| !iana.contains_key(key)) {
        if !allowed(*key, "extra") {
            out.push(format!(
                "X.{}.{}: in data/smtp-codes.yaml but not in the IANA registry",
                key.0, key.1
            ));
        }
    }
    out
}

fn load_iana() -> BTreeMap<(u16, u16), IanaRecord> {
    let xml =
        std::fs::read_to_string(root().join("data/iana/smtp-enhanced-status-codes.xml")).unwrap();
    iana_records(&xml)
}

#[test]
fn yaml_matches_the_iana_registry() {
    let iana = load_iana();
    assert_eq!(iana.len(), 81, "records parsed from the registry");
    let problems = differences(&yaml_entries(), &iana);
    assert!(
        problems.is_empty(),
        "data/smtp-codes.yaml disagrees with IANA:\n{}",
        problems.join("\n")
    );
}

#[test]
fn the_check_notices_a_removed_an_added_and_a_changed_entry() {
    let iana = load_iana();
    let mut yaml = yaml_entries();
    yaml.remove(&(1, 1));
    let mut extra = yaml[&(1, 2)].clone();
    "X.1.99".clone_into(&mut extra.code);
    yaml.insert((1, 99), extra);
    yaml.get_mut(&(2, 2)).unwrap().title = Some("Mailbox is full".to_owned());
    yaml.get_mut(&(3, 4)).unwrap().associated_codes = vec![552];
    let problems = differences(&yaml, &iana).join("\n");
    assert!(
        problems.contains("X.1.1: in the IANA registry but not in data/smtp-codes.yaml"),
        "{problems}"
    );
    assert!(
        problems.contains("X.1.99: in data/smtp-codes.yaml but not in the IANA registry"),
        "{problems}"
    );
    assert!(problems.contains("X.2.2: title"), "{problems}");
    assert!(
        problems.contains("X.3.4: associated codes [552] in the YAML, [552, 554] in the registry"),
        "{problems}"
    );
}

#[test]
fn basic_code_fields_are_read_as_the_registry_means_them() {
    assert_eq!(codes_in("451, 550"), [451, 550]);
    assert_eq!(codes_in("250 or 251"), [250, 251]);
    assert_eq!(codes_in("451/550"), [451, 550]);
    assert_eq!(
        codes_in("450, 550 (other 4XX or 5XX codes are allowed)"),
        [450, 550]
    );
    assert!(
        codes_in("5XX").is_empty() && codes_in("Not given").is_empty() && codes_in(".").is_empty()
    );
}

/// The descriptions are this project's own words: none shares a run of five words with the
/// registry's description of the same code.
#[test]
fn descriptions_are_not_the_registrys_sentences() {
    let iana = load_iana();
    let mut copied = Vec::new();
    for (key, entry) in yaml_entries() {
        let Some(record) = iana.get(&key) else {
            continue;
        };
        let theirs = support::phrases(&record.description);
        copied.extend(support::copied_prose(
            &entry.code,
            &entry.description,
            entry.notes.as_deref(),
            &theirs,
        ));
    }
    assert!(
        copied.is_empty(),
        "runs of {} words taken from the registry:\n{}",
        support::RUN,
        copied.join("\n")
    );
}

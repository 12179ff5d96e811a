//! The `providers` section of the real data file: every provider has its documents, every
//! code row reads, and the descriptions are this project's words, not the provider's texts.

use std::path::Path;

mod support;

fn registry() -> codegen::Registry {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).parent().unwrap();
    codegen::load_and_validate(&root.join(codegen::DATA_PATH)).unwrap_or_else(|d| panic!("{d}"))
}

#[test]
fn at_least_five_providers_each_with_licensed_documents() {
    let registry = registry();
    let ids: Vec<&str> = registry.providers.iter().map(|p| p.id.as_str()).collect();
    for required in ["google", "microsoft", "yahoo"] {
        assert!(ids.contains(&required), "{required} missing from {ids:?}");
    }
    assert!(ids.len() >= 5, "{ids:?}");
    for provider in &registry.providers {
        assert!(!provider.codes.is_empty(), "{}", provider.id);
        for document in &provider.documents {
            assert!(
                !document.licence.is_empty(),
                "{}: {}",
                provider.id,
                document.id
            );
            // CC BY 4.0 asks for attribution; the data keeps it with the document.
            if document.licence.starts_with("CC BY") {
                assert!(
                    document.attribution.is_some(),
                    "{}: {}",
                    provider.id,
                    document.id
                );
            }
        }
    }
}

#[test]
fn descriptions_are_not_the_providers_texts() {
    let registry = registry();
    let mut copied = Vec::new();
    for provider in &registry.providers {
        for (index, code) in provider.codes.iter().enumerate() {
            let theirs = support::phrases(&code.texts.join(" | "));
            let label = format!("{} code {}", provider.id, index + 1);
            copied.extend(support::copied_prose(
                &label,
                &code.description,
                None,
                &theirs,
            ));
        }
    }
    assert!(
        copied.is_empty(),
        "runs of {} words taken from the providers' texts:\n{}",
        support::RUN,
        copied.join("\n")
    );
}

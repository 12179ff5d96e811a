//! The JSON Schemas: the data file and the JSON export validate against theirs (with boon, a
//! draft 2020-12 validator), a misspelt field or a wrong value does not, and the data schema
//! names exactly the fields, required fields and values the loader's model has.

use std::collections::BTreeSet;
use std::path::{Path, PathBuf};

use codegen::model::{
    ClassEntry, CommandEntry, EnhancedEntry, Fingerprint, ProviderCode, ProviderDocument,
    ProviderEntry, ReasonEntry, Reference, ReplyEntry, ReplyText, RfcEntry, RuleCondition,
    RuleEntry, RuleExample, SeenAfter, Status, SubjectEntry,
};
use serde::de::DeserializeOwned;
use serde_json::{Map, Value, json};

fn root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .parent()
        .unwrap()
        .into()
}

fn data_text() -> String {
    std::fs::read_to_string(root().join(codegen::DATA_PATH)).unwrap()
}

fn data_schema() -> Value {
    serde_json::from_str(&codegen::render_data_schema()).unwrap()
}

/// The errors of `instance` against `schema`, as boon words them; empty when it is valid.
fn errors(schema: &Value, instance: &Value) -> String {
    let url = "file:///smtp-codes/schema.json";
    let mut compiler = boon::Compiler::new();
    compiler.add_resource(url, schema.clone()).unwrap();
    let mut schemas = boon::Schemas::new();
    let index = compiler
        .compile(url, &mut schemas)
        .unwrap_or_else(|err| panic!("the schema does not compile: {err:#}"));
    match schemas.validate(instance, index) {
        Ok(()) => String::new(),
        Err(err) => format!("{err:#}"),
    }
}

/// The data file as the schema sees it: YAML read into JSON values.
fn yaml(text: &str) -> Value {
    serde_yaml::from_str(text).unwrap()
}

/// The data file with `from` replaced by `to` (which must occur), as a JSON value.
fn edited(from: &str, to: &str) -> (String, Value) {
    let text = data_text();
    assert!(text.contains(from), "the data no longer holds {from:?}");
    let text = text.replacen(from, to, 1);
    let value = yaml(&text);
    (text, value)
}

#[test]
fn the_data_file_satisfies_its_schema() {
    let problems = errors(&data_schema(), &yaml(&data_text()));
    assert!(problems.is_empty(), "{problems}");
}

#[test]
fn the_json_export_satisfies_its_schema() {
    let registry = codegen::load_and_validate(&root().join(codegen::DATA_PATH)).unwrap();
    let export: Value = serde_json::from_str(&codegen::render_json(&registry)).unwrap();
    let schema: Value = serde_json::from_str(&codegen::render_export_schema()).unwrap();
    let problems = errors(&schema, &export);
    assert!(problems.is_empty(), "{problems}");

    // The schema is closed: a key the export does not define is refused, one it has is needed.
    let mut extra = export.clone();
    extra["reply_codes"][0]["comment"] = json!("x");
    assert!(errors(&schema, &extra).contains("comment"));
    let mut missing = export;
    missing["enhanced_codes"][0]
        .as_object_mut()
        .unwrap()
        .remove("replaced_by");
    assert!(errors(&schema, &missing).contains("replaced_by"));
}

#[test]
fn a_misspelt_field_fails_the_schema_and_the_loader() {
    let (text, value) = edited(
        "description: Answer to HELP.",
        "descriptoin: Answer to HELP.",
    );
    let problems = errors(&data_schema(), &value);
    assert!(problems.contains("descriptoin"), "{problems}");
    let loaded = codegen::load_str(&text, "data.yaml")
        .unwrap_err()
        .to_string();
    assert!(loaded.contains("unknown field `descriptoin`"), "{loaded}");
}

#[test]
fn a_value_outside_an_enum_fails() {
    for (from, to) in [
        ("status: standard\n", "status: standart\n"),
        ("commands: [HELP]", "commands: [HLEP]"),
        ("    classes: [4, 5]\n", "    classes: [3, 5]\n"),
    ] {
        let (_, value) = edited(from, to);
        let problems = errors(&data_schema(), &value);
        assert!(!problems.is_empty(), "{to:?} passed the schema");
    }
}

#[test]
fn malformed_codes_sections_dates_and_names_fail() {
    for (from, to) in [
        ("  - code: X.1.1\n", "  - code: X.01.1\n"),
        (
            "reference: { rfc: 5321, section: \"4.2.3\" }",
            "reference: { rfc: 5321, section: \"4.2.x\" }",
        ),
        ("retrieved: \"2026-02-15\"", "retrieved: \"15 Feb 2026\""),
        ("name: HELP_MESSAGE", "name: HelpMessage"),
        ("  - code: 214\n", "  - code: 614\n"),
        ("enhanced: \"4.2.1\"", "enhanced: \"4.2.1.\""),
        (
            "name: Positive Completion\n",
            "name: \"Positive Completion \"\n",
        ),
        (
            "name: Positive Completion\n",
            "name: \"Positive\\tCompletion\"\n",
        ),
    ] {
        let (_, value) = edited(from, to);
        let problems = errors(&data_schema(), &value);
        assert!(!problems.is_empty(), "{to:?} passed the schema");
    }
}

#[test]
fn the_rules_of_one_entry_hold_in_the_schema_too() {
    let schema = data_schema();
    let reference = |reference: Value| {
        let mut value = yaml(&data_text());
        value["classes"][0]["references"] = json!([reference]);
        errors(&schema, &value)
    };
    assert_eq!(reference(json!({"rfc": 5321, "section": "4.2.1"})), "");
    assert_eq!(
        reference(json!({"name": "A page", "url": "https://x.example/"})),
        ""
    );
    assert_ne!(reference(json!({"rfc": 5321, "name": "RFC 5321"})), "");
    assert_ne!(
        reference(json!({"rfc": 5321, "url": "https://x.example/"})),
        ""
    );
    assert_ne!(reference(json!({"name": "A page", "section": "1"})), "");
    assert_ne!(reference(json!({"section": "1"})), "");

    // Only a deprecated entry may leave out its title or name a replacement.
    let (_, value) = edited("    replaced_by: X.6.8\n", "");
    assert_eq!(errors(&schema, &value), "");
    let (_, value) = edited("deprecated: true\n", "deprecated: false\n");
    assert_ne!(errors(&schema, &value), "");
}

/// The fields serde names for `T` in its "unknown field" message: every field the loader
/// reads, aliases included.
fn model_fields<T: DeserializeOwned>() -> BTreeSet<String> {
    let message = serde_yaml::from_str::<T>("not_a_field_of_any_entry: 0")
        .err()
        .expect("an unknown field is refused")
        .to_string();
    let expected = message
        .split_once("expected")
        .unwrap_or_else(|| panic!("unexpected message: {message}"))
        .1;
    expected
        .split('`')
        .skip(1)
        .step_by(2)
        .map(str::to_owned)
        .collect()
}

/// A value of the schema's type: enough for serde to read it into the model's field.
fn sample(schema: &Value, defs: &Map<String, Value>) -> Value {
    if let Some(target) = schema["$ref"].as_str() {
        let name = target.strip_prefix("#/$defs/").unwrap();
        return sample(&defs[name], defs);
    }
    if let Some(values) = schema["enum"].as_array() {
        return values[0].clone();
    }
    match schema["type"].as_str() {
        Some("object") => minimal(schema, defs, None),
        Some("array") => json!([]),
        Some("integer") => schema["minimum"].clone(),
        Some("boolean") => json!(false),
        Some("string") => json!("x"),
        other => panic!("no sample for type {other:?} in {schema}"),
    }
}

/// An object with the schema's required properties (and the first alternative of a `oneOf`
/// or `anyOf` of required properties), but `without`.
fn minimal(schema: &Value, defs: &Map<String, Value>, without: Option<&str>) -> Value {
    let mut keys: Vec<&str> = names(&schema["required"]);
    for alternatives in ["oneOf", "anyOf"] {
        if let Some(first) = schema[alternatives].get(0) {
            keys.extend(names(&first["required"]));
        }
    }
    let object: Map<String, Value> = keys
        .into_iter()
        .filter(|key| Some(*key) != without)
        .map(|key| (key.to_owned(), sample(&schema["properties"][key], defs)))
        .collect();
    Value::Object(object)
}

fn names(value: &Value) -> Vec<&str> {
    value
        .as_array()
        .map(|items| items.iter().map(|v| v.as_str().unwrap()).collect())
        .unwrap_or_default()
}

/// The schema's definition `def` has exactly the fields of `T`, and requires exactly what `T`
/// requires: its required properties read, and each one left out is missed.
fn same_fields<T: DeserializeOwned>(def: &str, defs: &Map<String, Value>) -> Result<(), String> {
    let schema = &defs[def];
    let in_schema: BTreeSet<String> = schema["properties"]
        .as_object()
        .unwrap()
        .keys()
        .cloned()
        .collect();
    let in_model = model_fields::<T>();
    if in_schema != in_model {
        return Err(format!(
            "$defs/{def}: the schema has {in_schema:?}, the model {in_model:?}; update \
             codegen/src/render_schema.rs"
        ));
    }
    let value = minimal(schema, defs, None);
    serde_json::from_value::<T>(value.clone()).map_err(|err| {
        format!("$defs/{def}: the model needs more than the schema requires ({value}): {err}")
    })?;
    for key in names(&schema["required"]) {
        if serde_json::from_value::<T>(minimal(schema, defs, Some(key))).is_ok() {
            return Err(format!(
                "$defs/{def}: the schema requires `{key}`, the model does not"
            ));
        }
    }
    Ok(())
}

/// A check of one definition of the data schema against a model type.
type Check = fn(&str, &Map<String, Value>) -> Result<(), String>;

#[test]
fn the_data_schema_has_the_fields_of_the_model() {
    let checks: [(&str, Check); 18] = [
        ("reference", same_fields::<Reference>),
        ("class", same_fields::<ClassEntry>),
        ("subject", same_fields::<SubjectEntry>),
        ("reply_text", same_fields::<ReplyText>),
        ("seen_after", same_fields::<SeenAfter>),
        ("reply_code", same_fields::<ReplyEntry>),
        ("enhanced_code", same_fields::<EnhancedEntry>),
        ("rfc", same_fields::<RfcEntry>),
        ("provider", same_fields::<ProviderEntry>),
        ("provider_document", same_fields::<ProviderDocument>),
        ("mx_host", same_fields::<Fingerprint>),
        ("fingerprint", same_fields::<Fingerprint>),
        ("provider_code", same_fields::<ProviderCode>),
        ("command_entry", same_fields::<CommandEntry>),
        ("reason", same_fields::<ReasonEntry>),
        ("rule", same_fields::<RuleEntry>),
        ("rule_condition", same_fields::<RuleCondition>),
        ("rule_example", same_fields::<RuleExample>),
    ];
    let schema = data_schema();
    let defs = schema["$defs"].as_object().unwrap();
    let problems: Vec<String> = checks
        .iter()
        .filter_map(|(def, check)| check(def, defs).err())
        .collect();
    assert!(problems.is_empty(), "{}", problems.join("\n"));

    // Every object the schema defines is compared with the model.
    for (name, def) in defs {
        assert!(
            def["type"] != "object" || checks.iter().any(|(checked, _)| checked == name),
            "$defs/{name} is compared with no model type; add it to this test"
        );
    }
}

#[test]
fn the_data_schema_has_the_sections_of_the_loader() {
    // The loader reads exactly these, and names them when it meets another.
    let message = codegen::load_str("not_a_section: []\n", "data.yaml")
        .unwrap_err()
        .to_string();
    assert!(
        message.contains(&codegen::DATA_SECTIONS.join(", ")),
        "{message}"
    );
    let in_loader: BTreeSet<&str> = codegen::DATA_SECTIONS.into_iter().collect();
    let schema = data_schema();
    let in_schema: BTreeSet<&str> = schema["properties"]
        .as_object()
        .unwrap()
        .keys()
        .map(String::as_str)
        .collect();
    assert_eq!(in_schema, in_loader, "update codegen/src/render_schema.rs");
}

#[test]
fn the_data_schema_has_the_statuses_and_commands_of_the_model() {
    let message = serde_yaml::from_str::<Status>("not-a-status")
        .unwrap_err()
        .to_string();
    let statuses: Vec<&str> = message.split('`').skip(3).step_by(2).collect();
    let schema = data_schema();
    assert_eq!(
        names(&schema["$defs"]["reply_code"]["properties"]["status"]["enum"]),
        statuses
    );
    assert_eq!(
        names(&schema["$defs"]["command"]["enum"]),
        codegen::KNOWN_COMMANDS
    );
}

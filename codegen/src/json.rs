//! A JSON value built in order and printed one way: what the JSON export and the schemas are.
//!
//! No JSON library is needed to write a few hundred kilobytes of JSON, and owning the printer
//! keeps the bytes fixed: keys in the order they were added, two-space indentation, one item
//! per line, `[]` and `{}` when empty, strings as UTF-8 with only `"`, `\` and the control
//! characters escaped (`\n`, `\t`, ... or `\u001b`), and a final newline. That is exactly what
//! `serde_json::to_string_pretty` prints, which a test checks.

use std::fmt::Write as _;

/// A JSON value whose objects keep their keys in insertion order.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) enum Json {
    Null,
    Bool(bool),
    Int(i64),
    String(String),
    Array(Vec<Json>),
    Object(Vec<(String, Json)>),
}

impl Json {
    /// An object with these keys, in this order.
    pub(crate) fn object<'a>(fields: impl IntoIterator<Item = (&'a str, Json)>) -> Self {
        Self::Object(
            fields
                .into_iter()
                .map(|(key, value)| (key.to_owned(), value))
                .collect(),
        )
    }

    /// An array of `items`, each converted.
    pub(crate) fn array<T: Into<Json>>(items: impl IntoIterator<Item = T>) -> Self {
        Self::Array(items.into_iter().map(Into::into).collect())
    }

    /// The object with one more key at its end (anything else is returned as it is).
    pub(crate) fn with(mut self, key: &str, value: impl Into<Json>) -> Self {
        if let Self::Object(fields) = &mut self {
            fields.push((key.to_owned(), value.into()));
        }
        self
    }

    /// The value printed with two-space indentation and a final newline.
    pub(crate) fn to_pretty_string(&self) -> String {
        let mut out = String::new();
        self.write(&mut out, 0);
        out.push('\n');
        out
    }

    fn write(&self, out: &mut String, depth: usize) {
        match self {
            Self::Null => out.push_str("null"),
            Self::Bool(value) => out.push_str(if *value { "true" } else { "false" }),
            Self::Int(value) => {
                let _ = write!(out, "{value}");
            }
            Self::String(text) => write_string(out, text),
            Self::Array(items) if items.is_empty() => out.push_str("[]"),
            Self::Array(items) => {
                out.push('[');
                for (index, item) in items.iter().enumerate() {
                    separator(out, index, depth + 1);
                    item.write(out, depth + 1);
                }
                newline(out, depth);
                out.push(']');
            }
            Self::Object(fields) if fields.is_empty() => out.push_str("{}"),
            Self::Object(fields) => {
                out.push('{');
                for (index, (key, value)) in fields.iter().enumerate() {
                    separator(out, index, depth + 1);
                    write_string(out, key);
                    out.push_str(": ");
                    value.write(out, depth + 1);
                }
                newline(out, depth);
                out.push('}');
            }
        }
    }
}

/// Before the item at `index` of a container: a comma after the previous item, then a new line
/// indented to `depth`.
fn separator(out: &mut String, index: usize, depth: usize) {
    if index > 0 {
        out.push(',');
    }
    newline(out, depth);
}

fn newline(out: &mut String, depth: usize) {
    out.push('\n');
    for _ in 0..depth {
        out.push_str("  ");
    }
}

/// A JSON string: UTF-8 as it is, with `"`, `\` and the control characters U+0000 to U+001F
/// escaped (RFC 8259, section 7), the short forms where JSON has one.
fn write_string(out: &mut String, text: &str) {
    out.push('"');
    for c in text.chars() {
        match c {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            '\n' => out.push_str("\\n"),
            '\r' => out.push_str("\\r"),
            '\t' => out.push_str("\\t"),
            '\u{08}' => out.push_str("\\b"),
            '\u{0c}' => out.push_str("\\f"),
            c if u32::from(c) < 0x20 => {
                let _ = write!(out, "\\u{:04x}", u32::from(c));
            }
            c => out.push(c),
        }
    }
    out.push('"');
}

impl From<bool> for Json {
    fn from(value: bool) -> Self {
        Self::Bool(value)
    }
}

impl From<u8> for Json {
    fn from(value: u8) -> Self {
        Self::Int(value.into())
    }
}

impl From<u16> for Json {
    fn from(value: u16) -> Self {
        Self::Int(value.into())
    }
}

impl From<usize> for Json {
    fn from(value: usize) -> Self {
        Self::Int(i64::try_from(value).expect("a count fits in i64"))
    }
}

impl From<&str> for Json {
    fn from(value: &str) -> Self {
        Self::String(value.to_owned())
    }
}

impl From<&String> for Json {
    fn from(value: &String) -> Self {
        Self::String(value.clone())
    }
}

impl From<String> for Json {
    fn from(value: String) -> Self {
        Self::String(value)
    }
}

impl<T: Into<Json>> From<Option<T>> for Json {
    fn from(value: Option<T>) -> Self {
        value.map_or(Self::Null, Into::into)
    }
}

#[cfg(test)]
mod tests {
    use super::Json;

    #[test]
    fn prints_nested_values_with_two_space_indentation() {
        let value = Json::object([
            ("a", Json::from(1_u8)),
            ("b", Json::array(["x", "y"])),
            ("c", Json::Array(Vec::new())),
            ("d", Json::object([])),
            ("e", Json::object([("f", Json::Null), ("g", true.into())])),
        ]);
        assert_eq!(
            value.to_pretty_string(),
            "{\n  \"a\": 1,\n  \"b\": [\n    \"x\",\n    \"y\"\n  ],\n  \"c\": [],\n  \
             \"d\": {},\n  \"e\": {\n    \"f\": null,\n    \"g\": true\n  }\n}\n"
        );
    }

    #[test]
    fn escapes_quotes_backslashes_and_control_characters_only() {
        let value = Json::from("\"\\\n\r\t\u{8}\u{c}\u{0}\u{1b}\u{7f}/é→😀");
        assert_eq!(
            value.to_pretty_string(),
            "\"\\\"\\\\\\n\\r\\t\\b\\f\\u0000\\u001b\u{7f}/é→😀\"\n"
        );
    }
}

//! Renders the CSV exports: one row per reply code, per enhanced code and per provider code.
//!
//! RFC 4180 fields (quoted when they hold a comma, a quote or a line break; quotes doubled)
//! under a header row, with LF line ends; no comment line, since CSV has none and readers
//! would take it for data. A cell that holds several values joins them with [`JOIN`]; a test
//! checks that no value holds it.

use crate::model::{EnhancedEntry, ProviderCode, Reference, Registry, ReplyEntry};
use crate::providers::flags;

/// What joins the values of a many-valued cell (texts, references, commands, providers).
pub const JOIN: &str = " | ";

/// The CSV of `exports/reply-codes.csv` for a validated registry.
pub fn render_reply_csv(registry: &Registry) -> String {
    let mut csv = Csv::new(&[
        "code",
        "name",
        "class",
        "status",
        "texts",
        "commands",
        "seen_after",
        "alias_of",
        "references",
        "description",
        "notes",
        "providers",
    ]);
    for reply in &registry.reply_codes {
        let providers = providers_where(registry, |code| code.reply == Some(reply.code));
        csv.row([
            reply.code.to_string(),
            reply.name.clone(),
            (reply.code / 100).to_string(),
            reply.status.as_str().to_owned(),
            join(reply.texts.iter().map(|t| t.text.as_str())),
            join(&reply.commands),
            reply
                .seen_after
                .as_ref()
                .map_or_else(String::new, |seen| join(&seen.commands)),
            optional(reply.alias_of.as_ref()),
            labels(&all_references(reply)),
            reply.description.clone(),
            optional(reply.notes.as_ref()),
            join(&providers),
        ]);
    }
    csv.finish()
}

/// The CSV of `exports/enhanced-codes.csv` for a validated registry.
pub fn render_enhanced_csv(registry: &Registry) -> String {
    let mut csv = Csv::new(&[
        "code",
        "title",
        "classes",
        "associated_codes",
        "associated_note",
        "deprecated",
        "replaced_by",
        "references",
        "description",
        "notes",
        "providers",
        "providers_differing",
    ]);
    for enhanced in &registry.enhanced_codes {
        let covers = |code: &ProviderCode| covers(code, enhanced);
        csv.row([
            enhanced.code.clone(),
            optional(enhanced.title.as_ref()),
            join(enhanced.classes.iter().map(u8::to_string)),
            join(enhanced.associated_codes.iter().map(u16::to_string)),
            optional(enhanced.associated_note.as_ref()),
            enhanced.deprecated.to_string(),
            optional(enhanced.replaced_by.as_ref()),
            labels(&enhanced.references.iter().collect::<Vec<_>>()),
            enhanced.description.clone(),
            optional(enhanced.notes.as_ref()),
            join(providers_where(registry, covers)),
            join(providers_where(registry, |code| {
                code.differs_from_registry && covers(code)
            })),
        ]);
    }
    csv.finish()
}

/// The CSV of `exports/provider-codes.csv` for a validated registry: every provider's codes,
/// in the data's order, with the document each comes from, its licence and attribution.
pub fn render_provider_csv(registry: &Registry) -> String {
    let mut csv = Csv::new(&[
        "provider",
        "reply",
        "enhanced",
        "texts",
        "description",
        "differs_from_registry",
        "unregistered",
        "class_mismatch",
        "document",
        "document_url",
        "licence",
        "attribution",
    ]);
    for provider in &registry.providers {
        for code in &provider.codes {
            let flags = flags(code, registry);
            let document = provider
                .documents
                .iter()
                .find(|d| d.id == code.document)
                .expect("a validated provider code names one of its provider's documents");
            csv.row([
                provider.id.clone(),
                code.reply.map_or_else(String::new, |r| r.to_string()),
                optional(code.enhanced.as_ref()),
                join(&code.texts),
                code.description.clone(),
                code.differs_from_registry.to_string(),
                flags.unregistered.to_string(),
                flags.class_mismatch.to_string(),
                document.id.clone(),
                document.url.clone(),
                document.licence.clone(),
                optional(document.attribution.as_ref()),
            ]);
        }
    }
    csv.finish()
}

/// Whether the provider code's enhanced code (or range) covers `entry`, in any class.
fn covers(code: &ProviderCode, entry: &EnhancedEntry) -> bool {
    match (code.enhanced_range(), entry.subject_detail()) {
        (Some((_, subject, first, last)), Some((s, d))) => {
            subject == s && (first..=last).contains(&d)
        }
        _ => false,
    }
}

/// The ids of the providers with at least one code that `matches`, in provider order.
fn providers_where(registry: &Registry, matches: impl Fn(&ProviderCode) -> bool) -> Vec<&str> {
    registry
        .providers
        .iter()
        .filter(|provider| provider.codes.iter().any(&matches))
        .map(|provider| provider.id.as_str())
        .collect()
}

/// A reply code's references, then those of its texts that it does not already cite.
fn all_references(reply: &ReplyEntry) -> Vec<&Reference> {
    let mut all: Vec<&Reference> = reply.references.iter().collect();
    for text in &reply.texts {
        if !all.contains(&&text.reference) {
            all.push(&text.reference);
        }
    }
    all
}

fn labels(references: &[&Reference]) -> String {
    join(references.iter().map(|r| r.label()))
}

fn join<T: AsRef<str>>(values: impl IntoIterator<Item = T>) -> String {
    let mut out = String::new();
    for (index, value) in values.into_iter().enumerate() {
        if index > 0 {
            out.push_str(JOIN);
        }
        out.push_str(value.as_ref());
    }
    out
}

fn optional(value: Option<&String>) -> String {
    value.cloned().unwrap_or_default()
}

/// A CSV document being written: the header, then rows of the same width.
struct Csv {
    out: String,
    width: usize,
}

impl Csv {
    fn new(header: &[&str]) -> Self {
        let mut csv = Self {
            out: String::new(),
            width: header.len(),
        };
        csv.row(header.iter().map(|h| (*h).to_owned()));
        csv
    }

    fn row(&mut self, fields: impl IntoIterator<Item = String>) {
        let mut count = 0;
        for field in fields {
            if count > 0 {
                self.out.push(',');
            }
            count += 1;
            if field.contains([',', '"', '\n', '\r']) {
                self.out.push('"');
                self.out.push_str(&field.replace('"', "\"\""));
                self.out.push('"');
            } else {
                self.out.push_str(&field);
            }
        }
        assert_eq!(
            count, self.width,
            "a CSV row has as many fields as the header"
        );
        self.out.push('\n');
    }

    fn finish(self) -> String {
        self.out
    }
}

#[cfg(test)]
mod tests {
    use super::Csv;

    #[test]
    fn quotes_only_fields_that_need_it() {
        let mut csv = Csv::new(&["a", "b", "c", "d"]);
        csv.row([
            "plain".to_owned(),
            "with, comma".to_owned(),
            "say \"hi\"".to_owned(),
            "two\nlines".to_owned(),
        ]);
        assert_eq!(
            csv.finish(),
            "a,b,c,d\nplain,\"with, comma\",\"say \"\"hi\"\"\",\"two\nlines\"\n"
        );
    }
}

//! The rules for the `providers` section: identifiers and names, documents and their dates,
//! MX host patterns and fingerprints that no two providers share, and codes whose syntax,
//! document and registry claim hold.

use std::collections::HashMap;

use crate::diagnostic::{Diagnostics, Report};
use crate::model::{Line, ProviderCode, ProviderEntry, Registry};
use crate::providers;

/// Checks every provider and returns the problems found.
pub(crate) fn validate_providers(registry: &Registry, file: &str) -> Diagnostics {
    let mut check = Check {
        report: Report::new(file),
    };
    let mut ids: HashMap<String, Line> = HashMap::new();
    let mut claimed: HashMap<String, (String, Line)> = HashMap::new();
    for provider in &registry.providers {
        let entry = format!("provider {}", provider.id);
        let line = provider.line;
        let well_formed = !provider.id.is_empty()
            && provider.id.starts_with(|c: char| c.is_ascii_lowercase())
            && provider
                .id
                .bytes()
                .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'-');
        if !well_formed {
            check.report.error(
                line,
                &entry,
                "`id` is lower-case letters, digits and `-`, starting with a letter",
            );
        }
        if let Some(first) = ids.insert(providers::variant(&provider.id), line) {
            check.report.error(
                line,
                &entry,
                format!("duplicate provider; first defined at {}", at(first)),
            );
        }
        check.report.prose(line, &entry, "name", &provider.name);
        check
            .report
            .prose(line, &entry, "description", &provider.description);
        check.documents(provider, &entry);
        for (kind, items) in [
            ("mx_hosts", &provider.mx_hosts),
            ("fingerprints", &provider.fingerprints),
        ] {
            for item in items {
                if item.text.trim().is_empty() || item.source.trim().is_empty() {
                    check.report.error(
                        line,
                        &entry,
                        format!("an entry of `{kind}` needs `text` and `source`"),
                    );
                }
                if kind == "mx_hosts" && !is_host_pattern(&item.text) {
                    check.report.error(
                        line,
                        &entry,
                        format!("`{}` is not a host name or `*.domain`", item.text),
                    );
                }
                let key = format!("{kind}:{}", item.text.to_ascii_lowercase());
                match claimed.get(&key) {
                    Some((other, _)) if *other != provider.id => check.report.error(
                        line,
                        &entry,
                        format!(
                            "`{}` in `{kind}` is claimed by provider {other} too",
                            item.text
                        ),
                    ),
                    _ => {
                        claimed.insert(key, (provider.id.clone(), line));
                    }
                }
            }
        }
        if provider.codes.is_empty() {
            check.report.error(line, &entry, "`codes` is empty");
        }
        for (index, code) in provider.codes.iter().enumerate() {
            check.code(
                provider,
                code,
                &format!("{entry}, code {}", index + 1),
                registry,
            );
        }
    }
    check.report.diagnostics
}

struct Check<'a> {
    report: Report<'a>,
}

impl Check<'_> {
    fn documents(&mut self, provider: &ProviderEntry, entry: &str) {
        let line = provider.line;
        if provider.documents.is_empty() {
            self.report.error(
                line,
                entry,
                "`documents` is empty: every provider code needs a source",
            );
        }
        let mut seen: Vec<&str> = Vec::new();
        for document in &provider.documents {
            let what = format!("{entry}, document {}", document.id);
            if seen.contains(&document.id.as_str()) {
                self.report.error(line, &what, "duplicate document id");
            }
            seen.push(&document.id);
            self.report.prose(line, &what, "name", &document.name);
            self.report.prose(line, &what, "licence", &document.licence);
            for url in std::iter::once(&document.url).chain(&document.copy) {
                if !(url.starts_with("https://") || url.starts_with("http://")) {
                    self.report
                        .error(line, &what, format!("`{url}` is not an http(s) URL"));
                }
            }
            if !is_date(&document.retrieved) {
                self.report.error(
                    line,
                    &what,
                    format!(
                        "`retrieved` is `{}`; expected YYYY-MM-DD",
                        document.retrieved
                    ),
                );
            }
        }
    }

    fn code(
        &mut self,
        provider: &ProviderEntry,
        code: &ProviderCode,
        entry: &str,
        registry: &Registry,
    ) {
        let line = provider.line;
        self.report
            .prose(line, entry, "description", &code.description);
        for text in &code.texts {
            self.report.prose(line, entry, "text", text);
            if text.contains(['\r', '\n']) {
                self.report.error(line, entry, "a reply text is one line");
            }
        }
        if !provider.documents.iter().any(|d| d.id == code.document) {
            self.report.error(
                line,
                entry,
                format!(
                    "`document` `{}` is not among the provider's `documents`",
                    code.document
                ),
            );
        }
        if let Some(reply) = code.reply.filter(|r| !(200..=599).contains(r)) {
            self.report.error(
                line,
                entry,
                format!("reply code {reply} is not from 200 to 599"),
            );
        }
        match (&code.enhanced, code.enhanced_range()) {
            (None, _) if code.reply.is_none() => {
                self.report
                    .error(line, entry, "a code needs `reply`, `enhanced` or both");
            }
            (Some(text), None) => self.report.error(
                line,
                entry,
                format!(
                    "`enhanced` `{text}` is not `class.subject.detail` (class 2, 4 or 5, no \
                     leading zeros) or a range of details within one class and subject"
                ),
            ),
            _ => {}
        }
        if code.differs_from_registry && providers::flags(code, registry).unregistered {
            self.report.error(
                line,
                entry,
                "`differs_from_registry` on a code the registry does not have: that is computed \
                 (unregistered); remove the field",
            );
        }
        if code.differs_from_registry && code.enhanced.is_none() {
            self.report.error(
                line,
                entry,
                "`differs_from_registry` needs an `enhanced` code",
            );
        }
    }
}

/// A host name (letters, digits, `-` and `.`), optionally after `*.`.
fn is_host_pattern(text: &str) -> bool {
    let host = text.strip_prefix("*.").unwrap_or(text);
    !host.is_empty()
        && host.split('.').all(|label| {
            !label.is_empty()
                && label
                    .bytes()
                    .all(|b| b.is_ascii_alphanumeric() || b == b'-')
        })
}

/// `YYYY-MM-DD`.
fn is_date(text: &str) -> bool {
    let bytes = text.as_bytes();
    bytes.len() == 10
        && bytes[4] == b'-'
        && bytes[7] == b'-'
        && bytes
            .iter()
            .enumerate()
            .all(|(i, b)| i == 4 || i == 7 || b.is_ascii_digit())
}

fn at(line: Line) -> String {
    line.map_or_else(
        || "an unknown line".to_owned(),
        |line| format!("line {line}"),
    )
}

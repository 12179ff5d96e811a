//! Reading `data/smtp-codes.yaml`: a size check and a pre-scan for what the schema never needs
//! (anchors, aliases, deep nesting), YAML syntax, then each entry on its own, so that one bad
//! entry does not hide the problems of the others.

use std::collections::HashMap;
use std::io::Read as _;
use std::path::Path;

use serde::de::DeserializeOwned;
use serde_yaml::{Mapping, Value};

use crate::diagnostic::{Diagnostic, Diagnostics};
use crate::model::{
    ClassEntry, CommandEntry, EnhancedEntry, ProviderEntry, ReasonEntry, Registry, ReplyEntry,
    RfcEntry, RuleEntry, SubjectEntry,
};
use crate::prescan::prescan;

/// The largest data file codegen reads, in bytes (4 MiB). The real file is under 100 KB and
/// grows with provider data; the cap keeps what a hostile file can cost in parse time and
/// memory bounded, since both are linear in the size once anchors, aliases and deep nesting are
/// refused. Raise it here if the table ever outgrows it.
pub const MAX_FILE_BYTES: usize = 4 * 1024 * 1024;

/// The top-level sections of the data file, in the order the loader reads them.
pub const SECTIONS: [&str; 9] = [
    "classes",
    "subjects",
    "reply_codes",
    "enhanced_codes",
    "rfcs",
    "providers",
    "commands",
    "reasons",
    "rules",
];

/// A top-level section of the data file, in the order of `SECTIONS`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Section {
    Classes,
    Subjects,
    ReplyCodes,
    EnhancedCodes,
    Rfcs,
    Providers,
    Commands,
    Reasons,
    Rules,
}

/// The sections some of whose entries did not read (or which are missing or malformed). The
/// rules that look an entry up in another section are not applied against such a section: the
/// entry they would miss may be one that did not read, and that is already reported.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub(crate) struct Incomplete([bool; 9]);

impl Incomplete {
    /// Whether `section` lost entries.
    pub(crate) fn has(self, section: Section) -> bool {
        self.0[section as usize]
    }

    fn mark(&mut self, section: Section) {
        self.0[section as usize] = true;
    }
}

/// What [`read`] makes of a data file: the entries that read, every problem found on the way,
/// and which sections lost entries.
pub(crate) struct Loaded {
    pub(crate) registry: Registry,
    pub(crate) diagnostics: Diagnostics,
    pub(crate) incomplete: Incomplete,
    /// Whether the text got as far as entries; if not, there is nothing to validate.
    pub(crate) parsed: bool,
}

/// Reads and parses the data file at `path`. The only function of this crate that touches the
/// file system; the error names the file as `path` displays.
///
/// Like [`load_str`], reports only what keeps entries from reading; [`crate::load_and_validate`]
/// also applies the rules across entries, in the same run.
pub fn load(path: &Path) -> Result<Registry, Diagnostics> {
    let file = path.display().to_string();
    load_str(&read_file(path, &file)?, &file)
}

/// The text of the data file at `path`, refused when larger than [`MAX_FILE_BYTES`] without
/// reading past the cap.
pub(crate) fn read_file(path: &Path, file: &str) -> Result<String, Diagnostics> {
    let mut bytes = Vec::new();
    let read = std::fs::File::open(path).and_then(|f| {
        f.take(MAX_FILE_BYTES as u64 + 1)
            .read_to_end(&mut bytes)
            .map(|_| ())
    });
    let mut diagnostics = Diagnostics::default();
    if let Err(err) = read {
        diagnostics.push(file, None, None, format!("cannot read the file: {err}"));
    } else if bytes.len() > MAX_FILE_BYTES {
        diagnostics.push(file, None, None, too_large());
    } else {
        match String::from_utf8(bytes) {
            Ok(source) => return Ok(source),
            Err(err) => {
                let at = err.utf8_error().valid_up_to();
                diagnostics.push(
                    file,
                    None,
                    None,
                    format!(
                        "the file is not UTF-8 (invalid byte at offset {at}); save it as UTF-8"
                    ),
                );
            }
        }
    }
    Err(diagnostics)
}

fn too_large() -> String {
    format!(
        "the file is larger than {MAX_FILE_BYTES} bytes (4 MiB), the most codegen reads; \
         the real table is under 100 KB, so check what was added (or raise \
         `codegen::MAX_FILE_BYTES` if the table really grew that large)"
    )
}

/// Parses the text of a data file; `file` is the name used in messages.
///
/// Checks the size, that there are no anchors, aliases or deep nesting (before parsing), YAML
/// syntax, the top-level sections, and each entry's fields and their types (unknown and missing
/// fields included). Every problem is collected; none of the cross-entry rules of
/// [`crate::validate`] are applied here ([`crate::load_and_validate_str`] applies both).
pub fn load_str(source: &str, file: &str) -> Result<Registry, Diagnostics> {
    let Loaded {
        registry,
        mut diagnostics,
        ..
    } = read(source, file);
    if diagnostics.is_empty() {
        Ok(registry)
    } else {
        diagnostics.sort();
        Err(diagnostics)
    }
}

/// The top-level mapping of a file, or `None` with the reason in `diagnostics`; reports
/// sections that are not known too.
fn sections(
    source: &str,
    file: &str,
    diagnostics: &mut Diagnostics,
) -> Option<(Mapping, EntryLines)> {
    if source.len() > MAX_FILE_BYTES {
        diagnostics.push(file, None, None, too_large());
        return None;
    }
    prescan(source, file, diagnostics);
    if !diagnostics.is_empty() {
        return None;
    }
    let document: Value = match serde_yaml::from_str(source) {
        Ok(document) => document,
        Err(err) => {
            let location = err.location();
            diagnostics.push_diagnostic(Diagnostic {
                file: file.to_owned(),
                line: location.as_ref().map(serde_yaml::Location::line),
                column: location.as_ref().map(serde_yaml::Location::column),
                entry: None,
                message: format!("invalid YAML: {}", strip_location(&err.to_string())),
            });
            return None;
        }
    };
    let Value::Mapping(sections) = document else {
        diagnostics.push(
            file,
            Some(1),
            None,
            format!(
                "the file must be a mapping with the sections {}",
                SECTIONS.join(", ")
            ),
        );
        return None;
    };
    let lines = EntryLines::scan(source);

    for key in sections.keys() {
        let known = key.as_str().is_some_and(|k| SECTIONS.contains(&k));
        if !known {
            let name = key
                .as_str()
                .map_or_else(|| format!("{key:?}"), str::to_owned);
            diagnostics.push(
                file,
                lines.section_line(&name),
                None,
                format!(
                    "unknown top-level section `{name}`; expected one of {}",
                    SECTIONS.join(", ")
                ),
            );
        }
    }

    Some((sections, lines))
}

/// Reads every entry that can be read, and reports every problem that stops one from reading.
pub(crate) fn read(source: &str, file: &str) -> Loaded {
    let mut loaded = Loaded {
        registry: Registry::default(),
        diagnostics: Diagnostics::default(),
        incomplete: Incomplete([true; 9]),
        parsed: false,
    };
    let diagnostics = &mut loaded.diagnostics;
    let Some((mut sections, lines)) = sections(source, file, diagnostics) else {
        return loaded;
    };

    let mut context = Context {
        file,
        lines: &lines,
        diagnostics,
        incomplete: Incomplete::default(),
    };
    let mut section = |name: &str| sections.remove(name);
    loaded.registry = Registry {
        classes: context.entries::<ClassEntry>(section("classes"), Section::Classes, |e, line| {
            e.line = line;
        }),
        subjects: context.entries::<SubjectEntry>(
            section("subjects"),
            Section::Subjects,
            |e, line| e.line = line,
        ),
        reply_codes: context.entries::<ReplyEntry>(
            section("reply_codes"),
            Section::ReplyCodes,
            |e, line| e.line = line,
        ),
        enhanced_codes: context.entries::<EnhancedEntry>(
            section("enhanced_codes"),
            Section::EnhancedCodes,
            |e, line| e.line = line,
        ),
        rfcs: context.entries::<RfcEntry>(section("rfcs"), Section::Rfcs, |e, line| {
            e.line = line;
        }),
        // Optional: a table of the registry alone is complete without providers.
        providers: match section("providers") {
            None => Vec::new(),
            some => context.entries::<ProviderEntry>(some, Section::Providers, |e, line| {
                e.line = line;
            }),
        },
        commands: match section("commands") {
            None => Vec::new(),
            some => context.entries::<CommandEntry>(some, Section::Commands, |e, line| {
                e.line = line;
            }),
        },
        reasons: match section("reasons") {
            None => Vec::new(),
            some => context.entries::<ReasonEntry>(some, Section::Reasons, |e, line| {
                e.line = line;
            }),
        },
        rules: match section("rules") {
            None => Vec::new(),
            some => context.entries::<RuleEntry>(some, Section::Rules, |e, line| e.line = line),
        },
    };
    loaded.incomplete = context.incomplete;
    loaded.parsed = true;
    loaded
}

struct Context<'a> {
    file: &'a str,
    lines: &'a EntryLines,
    diagnostics: &'a mut Diagnostics,
    incomplete: Incomplete,
}

impl Context<'_> {
    fn entries<T: DeserializeOwned>(
        &mut self,
        section: Option<Value>,
        which: Section,
        set_line: impl Fn(&mut T, Option<usize>),
    ) -> Vec<T> {
        let name = SECTIONS[which as usize];
        let items = match section {
            None => {
                self.incomplete.mark(which);
                self.diagnostics.push(
                    self.file,
                    None,
                    None,
                    format!("missing top-level section `{name}`"),
                );
                return Vec::new();
            }
            Some(Value::Sequence(items)) => items,
            Some(Value::Null) => Vec::new(),
            Some(_) => {
                self.incomplete.mark(which);
                self.diagnostics.push(
                    self.file,
                    self.lines.section_line(name),
                    None,
                    format!("section `{name}` must be a list of entries"),
                );
                return Vec::new();
            }
        };
        let mut entries = Vec::with_capacity(items.len());
        for (index, item) in items.into_iter().enumerate() {
            let line = self.lines.entry_line(name, index);
            let label = entry_label(name, index, &item);
            match serde_yaml::from_value::<T>(item) {
                Ok(mut entry) => {
                    set_line(&mut entry, line);
                    entries.push(entry);
                }
                Err(err) => {
                    self.incomplete.mark(which);
                    let message = err.to_string();
                    let line = field_in_message(&message)
                        .and_then(|field| self.lines.field_line(name, index, field))
                        .or(line);
                    self.diagnostics.push(self.file, line, Some(label), message);
                }
            }
        }
        entries
    }
}

/// How messages name an entry: by its key where it has a readable one, else by position.
fn entry_label(section: &str, index: usize, item: &Value) -> String {
    let key = |k: &str| item.get(k).filter(|v| !v.is_null());
    let by_position = || format!("{section}[{index}]");
    match section {
        "reply_codes" => key("code")
            .and_then(Value::as_u64)
            .map_or_else(by_position, |c| format!("reply code {c}")),
        "enhanced_codes" => key("code")
            .and_then(Value::as_str)
            .map_or_else(by_position, |c| format!("enhanced code {c}")),
        "classes" => key("class")
            .and_then(Value::as_u64)
            .map_or_else(by_position, |c| format!("class {c}")),
        "subjects" => key("subject")
            .and_then(Value::as_u64)
            .map_or_else(by_position, |s| format!("subject {s}")),
        "rfcs" => key("rfc")
            .and_then(Value::as_u64)
            .map_or_else(by_position, |n| format!("RFC {n}")),
        "providers" => key("id")
            .and_then(Value::as_str)
            .map_or_else(by_position, |id| format!("provider {id}")),
        "commands" => key("name")
            .and_then(Value::as_str)
            .map_or_else(by_position, |name| format!("command {name}")),
        "reasons" => key("name")
            .and_then(Value::as_str)
            .map_or_else(by_position, |name| format!("reason {name}")),
        "rules" => key("id")
            .and_then(Value::as_str)
            .map_or_else(by_position, |id| format!("rule {id}")),
        _ => by_position(),
    }
}

/// serde names the offending field in backquotes: "unknown field `descripton`, expected …".
fn field_in_message(message: &str) -> Option<&str> {
    let start = message.find('`')? + 1;
    let len = message[start..].find('`')?;
    Some(&message[start..start + len])
}

/// `serde_yaml` appends " at line L column C"; the diagnostic carries those separately.
fn strip_location(message: &str) -> &str {
    message
        .find(" at line ")
        .map_or(message, |at| &message[..at])
}

/// Where each section and each list entry starts, found by scanning the text: a top-level key
/// starts a section, and a `- ` at the section's shallowest indentation starts an entry.
struct EntryLines {
    sections: Vec<SectionLines>,
    /// Where in `sections` each name first appears: a hostile file may hold many thousands of
    /// top-level keys, and each is looked up.
    by_name: HashMap<String, usize>,
    source_lines: Vec<String>,
}

struct SectionLines {
    name: String,
    line: usize,
    entries: Vec<usize>,
    end: usize,
}

impl EntryLines {
    fn scan(source: &str) -> Self {
        let source_lines: Vec<String> = source.lines().map(str::to_owned).collect();
        let mut sections: Vec<SectionLines> = Vec::new();
        let mut indent: Option<usize> = None;
        for (i, text) in source_lines.iter().enumerate() {
            let number = i + 1;
            let trimmed = text.trim_start();
            if trimmed.is_empty() || trimmed.starts_with('#') {
                continue;
            }
            let depth = text.len() - trimmed.len();
            if depth == 0 && !trimmed.starts_with('-') {
                if let Some(last) = sections.last_mut() {
                    last.end = number;
                }
                let name = trimmed
                    .split(':')
                    .next()
                    .unwrap_or_default()
                    .trim()
                    .to_owned();
                sections.push(SectionLines {
                    name,
                    line: number,
                    entries: Vec::new(),
                    end: usize::MAX,
                });
                indent = None;
            } else if trimmed.starts_with("- ") || trimmed == "-" {
                let Some(section) = sections.last_mut() else {
                    continue;
                };
                match indent {
                    Some(d) if depth > d => {}
                    Some(d) if depth == d => section.entries.push(number),
                    _ => {
                        indent = Some(depth);
                        section.entries.push(number);
                    }
                }
            }
        }
        let mut by_name = HashMap::new();
        for (index, section) in sections.iter().enumerate() {
            by_name.entry(section.name.clone()).or_insert(index);
        }
        Self {
            sections,
            by_name,
            source_lines,
        }
    }

    fn section(&self, name: &str) -> Option<&SectionLines> {
        self.by_name.get(name).map(|&index| &self.sections[index])
    }

    fn section_line(&self, name: &str) -> Option<usize> {
        self.section(name).map(|s| s.line)
    }

    fn entry_line(&self, section: &str, index: usize) -> Option<usize> {
        self.section(section)?.entries.get(index).copied()
    }

    /// The line within an entry where `field:` is written, if it can be found.
    fn field_line(&self, section: &str, index: usize, field: &str) -> Option<usize> {
        let lines = self.section(section)?;
        let start = *lines.entries.get(index)?;
        let end = lines
            .entries
            .get(index + 1)
            .copied()
            .unwrap_or(lines.end)
            .min(self.source_lines.len() + 1);
        let pattern = format!("{field}:");
        (start..end).find(|&n| {
            let text = &self.source_lines[n - 1];
            text.split(|c: char| c.is_whitespace() || c == '{' || c == ',' || c == '-')
                .any(|word| word == pattern)
        })
    }
}

//! The rules a loaded [`Registry`] must satisfy before anything is rendered from it.

use std::collections::{BTreeMap, BTreeSet, HashMap, HashSet};

use crate::MAX_TABLE_ENTRIES;
use crate::diagnostic::{Diagnostics, Report};
use crate::load::{Incomplete, Section};
use crate::model::{
    EnhancedEntry, Line, Reference, Registry, ReplyEntry, Status, parse_enhanced_key,
};

/// The commands a reply code may be listed under, and the generated `Command` enum's names.
/// `CONNECT` is the greeting when a connection opens; `DATA_END` the end of the message data
/// (the reply after the final dot); `ANY` means any command.
pub const KNOWN_COMMANDS: &[&str] = &[
    "ANY", "ATRN", "AUTH", "BDAT", "BURL", "CONNECT", "DATA", "DATA_END", "EHLO", "ETRN", "EXPN",
    "HELO", "HELP", "MAIL", "NOOP", "QUIT", "RCPT", "RSET", "SAML", "SEND", "SOML", "STARTTLS",
    "TURN", "VRFY",
];

/// Checks every rule and returns all problems found, in file order; `file` names the data file
/// in the messages.
///
/// Rules: reply codes are 200–599, unique and ascending; constant names are unique
/// `SCREAMING_SNAKE_CASE` identifiers; enhanced codes are `X.n.n`, unique, ascending, and their
/// subject exists; associated reply codes exist in the table; `replaced_by` is only on
/// deprecated entries and names another entry, one that is not deprecated; classes are 2–5 and
/// subjects unique; references are well formed; texts, names and descriptions are non-empty and
/// trimmed; commands are known, and `seen_after` lists only commands the RFCs do not, with a
/// source; `alias_of` is on non-standard codes only and is the code with dots; statuses other
/// than non-standard cite an RFC; a document's URL always comes with the same name; every cited
/// RFC is in `rfcs` and every entry of `rfcs` is cited.
pub fn validate(registry: &Registry, file: &str) -> Result<(), Diagnostics> {
    let mut diagnostics = validate_loaded(registry, file, Incomplete::default());
    if diagnostics.is_empty() {
        Ok(())
    } else {
        diagnostics.sort();
        Err(diagnostics)
    }
}

/// [`validate`] for the entries that read of a file that had some that did not: the rules that
/// look an entry up in a section listed in `incomplete` are skipped for that section, since the
/// entry they would not find may be one that did not read (and is already reported).
pub(crate) fn validate_loaded(
    registry: &Registry,
    file: &str,
    incomplete: Incomplete,
) -> Diagnostics {
    let mut check = Checker {
        report: Report::new(file),
        incomplete,
    };
    check.table_sizes(registry);
    check.classes(registry);
    check.subjects(registry);
    check.reply_codes(registry);
    check.enhanced_codes(registry);
    check.rfcs(registry);
    check.document_names(registry);
    let mut diagnostics = check.report.diagnostics;
    diagnostics.extend(crate::validate_providers::validate_providers(
        registry, file,
    ));
    diagnostics.extend(crate::validate_rules::validate_rules(registry, file));
    diagnostics
}

struct Checker<'a> {
    report: Report<'a>,
    /// Sections that lost entries while loading; see [`validate_loaded`].
    incomplete: Incomplete,
}

impl Checker<'_> {
    /// `reply_codes` and `enhanced_codes` fit the generated lookups ([`MAX_TABLE_ENTRIES`]);
    /// reported at the first entry past the limit.
    fn table_sizes(&mut self, registry: &Registry) {
        let sections = [
            (
                "reply_codes",
                registry.reply_codes.len(),
                registry.reply_codes.get(MAX_TABLE_ENTRIES).map(|e| e.line),
            ),
            (
                "enhanced_codes",
                registry.enhanced_codes.len(),
                registry
                    .enhanced_codes
                    .get(MAX_TABLE_ENTRIES)
                    .map(|e| e.line),
            ),
        ];
        for (section, len, first_past) in sections {
            let Some(line) = first_past else {
                continue;
            };
            self.report.diagnostics.push(
                self.report.file,
                line,
                Some(section.to_owned()),
                format!(
                    "{len} entries, but the generated lookups hold at most {MAX_TABLE_ENTRIES} \
                     (`codegen::MAX_TABLE_ENTRIES`: one byte per slot in \
                     smtp-codes/src/lookup.rs and smtp-codes/src/info.rs); widen those to \
                     `u16` and raise the limit before adding more"
                ),
            );
        }
    }

    fn classes(&mut self, registry: &Registry) {
        let digits: Vec<u8> = registry.classes.iter().map(|c| c.class).collect();
        for class in &registry.classes {
            let entry = format!("class {}", class.class);
            if !(2..=5).contains(&class.class) {
                self.report
                    .error(class.line, &entry, "a reply class is a digit from 2 to 5");
            }
            self.report.prose(class.line, &entry, "name", &class.name);
            self.report
                .prose(class.line, &entry, "description", &class.description);
            self.references(class.line, &entry, &class.references);
        }
        if digits != [2, 3, 4, 5] && !self.incomplete.has(Section::Classes) {
            let line = registry.classes.first().and_then(|c| c.line);
            self.report.diagnostics.push(
                self.report.file,
                line,
                Some("classes".to_owned()),
                format!("expected exactly the classes 2, 3, 4, 5 in that order, found {digits:?}"),
            );
        }
    }

    fn subjects(&mut self, registry: &Registry) {
        let mut previous: Option<u16> = None;
        for subject in &registry.subjects {
            let entry = format!("subject {}", subject.subject);
            if subject.subject > 999 {
                self.report
                    .error(subject.line, &entry, "a subject has at most three digits");
            }
            self.ascending(
                subject.line,
                &entry,
                &mut previous,
                subject.subject,
                "subject",
                "subjects",
            );
            self.report
                .prose(subject.line, &entry, "name", &subject.name);
            self.report
                .prose(subject.line, &entry, "description", &subject.description);
            self.references(subject.line, &entry, &subject.references);
        }
    }

    fn reply_codes(&mut self, registry: &Registry) {
        let classes: BTreeSet<u16> = registry.classes.iter().map(|c| c.class.into()).collect();
        let mut first_line: HashMap<u16, Line> = HashMap::new();
        let mut names: HashMap<&str, (u16, Line)> = HashMap::new();
        let mut previous: Option<u16> = None;
        for reply in &registry.reply_codes {
            let entry = format!("reply code {}", reply.code);
            let line = reply.line;
            if !(200..=599).contains(&reply.code) {
                self.report
                    .error(line, &entry, "reply codes are three digits from 200 to 599");
            } else if !self.incomplete.has(Section::Classes)
                && !classes.contains(&(reply.code / 100))
            {
                self.report.error(
                    line,
                    &entry,
                    format!("class {} is not in `classes`", reply.code / 100),
                );
            }
            if let Some(first) = first_line.get(&reply.code) {
                self.report.error(
                    line,
                    &entry,
                    format!("duplicate code; first defined at {}", at(*first)),
                );
            } else if let Some(prev) = previous.filter(|&p| reply.code < p) {
                self.report.error(
                    line,
                    &entry,
                    format!("out of order: {prev} comes before it; keep reply_codes ascending"),
                );
            }
            first_line.entry(reply.code).or_insert(line);
            previous = Some(previous.map_or(reply.code, |p| p.max(reply.code)));

            if let Err(why) = constant_name(&reply.name) {
                self.report.error(
                    line,
                    &entry,
                    format!("name `{}` is not a valid constant name: {why}", reply.name),
                );
            } else if let Some((other, other_line)) = names.get(reply.name.as_str()) {
                self.report.error(
                    line,
                    &entry,
                    format!(
                        "name `{}` is already used by reply code {other} at {}",
                        reply.name,
                        at(*other_line)
                    ),
                );
            } else {
                names.insert(&reply.name, (reply.code, line));
            }
            self.reply_details(reply, &entry);
        }
    }

    fn reply_details(&mut self, reply: &ReplyEntry, entry: &str) {
        let line = reply.line;
        for text in &reply.texts {
            self.report.prose(line, entry, "text", &text.text);
            if text.text.contains(['\r', '\n']) {
                self.report.error(line, entry, "a reply text is one line");
            }
            self.references(line, entry, std::slice::from_ref(&text.reference));
        }
        let mut seen: HashSet<&str> = HashSet::new();
        for command in &reply.commands {
            if !KNOWN_COMMANDS.contains(&command.as_str()) {
                self.report.error(
                    line,
                    entry,
                    format!(
                        "unknown command `{command}`; known: {}",
                        KNOWN_COMMANDS.join(", ")
                    ),
                );
            } else if seen.contains(&command.as_str()) {
                self.report
                    .error(line, entry, format!("command `{command}` is listed twice"));
            }
            seen.insert(command);
        }
        self.seen_after(reply, entry);
        self.alias_of(reply, entry);
        self.references(line, entry, &reply.references);
        if reply.status != Status::NonStandard && !reply.references.iter().any(|r| r.rfc.is_some())
        {
            self.report.error(
                line,
                entry,
                format!(
                    "status `{}` needs at least one RFC in \
             `references`; a code no RFC defines is `non-standard`",
                    reply.status.as_str()
                ),
            );
        }
        self.report
            .prose(line, entry, "description", &reply.description);
        if let Some(notes) = &reply.notes {
            self.report.prose(line, entry, "notes", notes);
        }
    }

    /// `seen_after`: known commands, none twice, none the RFCs already allow, with a source.
    fn seen_after(&mut self, reply: &ReplyEntry, entry: &str) {
        let Some(seen) = &reply.seen_after else {
            return;
        };
        let line = reply.line;
        if seen.commands.is_empty() {
            self.report
                .error(line, entry, "`seen_after` needs at least one command");
        }
        let commands: HashSet<&str> = reply.commands.iter().map(String::as_str).collect();
        let mut listed: HashSet<&str> = HashSet::new();
        for command in &seen.commands {
            if !KNOWN_COMMANDS.contains(&command.as_str()) {
                self.report.error(
                    line,
                    entry,
                    format!(
                        "unknown command `{command}` in `seen_after`; known: {}",
                        KNOWN_COMMANDS.join(", ")
                    ),
                );
            } else if listed.contains(&command.as_str()) {
                self.report.error(
                    line,
                    entry,
                    format!("command `{command}` is listed twice in `seen_after`"),
                );
            } else if commands.contains(command.as_str()) {
                self.report.error(
                    line,
                    entry,
                    format!(
                        "command `{command}` is in both `commands` and `seen_after`; \
                         `seen_after` is for what the RFCs do not list"
                    ),
                );
            }
            listed.insert(command);
        }
        if seen.references.is_empty() {
            self.report.error(
                line,
                entry,
                "`seen_after` needs `references`: where servers are documented doing so",
            );
        }
        self.references(line, entry, &seen.references);
    }

    /// `alias_of`: a non-standard number that is an enhanced code without its dots.
    fn alias_of(&mut self, reply: &ReplyEntry, entry: &str) {
        let Some(alias) = &reply.alias_of else {
            return;
        };
        let line = reply.line;
        if reply.status != Status::NonStandard {
            self.report.error(
                line,
                entry,
                "only a `non-standard` code can be an `alias_of` an enhanced code",
            );
        }
        let digits = (
            u8::try_from(reply.code / 100).unwrap_or(0),
            reply.code / 10 % 10,
            reply.code % 10,
        );
        match reply.alias_parts() {
            None => self.report.error(
                line,
                entry,
                format!(
                    "`alias_of` `{alias}` is not an enhanced code `class.subject.detail` \
                     (class 2, 4 or 5)"
                ),
            ),
            Some(parts) if parts != digits => self.report.error(
                line,
                entry,
                format!(
                    "`alias_of` `{alias}` is not {} with dots: an alias is the enhanced code \
                     whose digits make the number, here `{}.{}.{}`",
                    reply.code, digits.0, digits.1, digits.2
                ),
            ),
            Some(_) => {}
        }
    }

    /// A document cited by URL has one name wherever it is cited, so the docs list it once
    /// (what an entry says of it belongs in the entry's notes, not in the document's name).
    fn document_names(&mut self, registry: &Registry) {
        let mut names: HashMap<&str, (&str, Line)> = HashMap::new();
        let replies = registry.reply_codes.iter().flat_map(|r| {
            let cited = r
                .references
                .iter()
                .chain(r.texts.iter().map(|t| &t.reference))
                .chain(r.seen_after.iter().flat_map(|s| &s.references));
            cited.map(move |reference| (reference, r.line, format!("reply code {}", r.code)))
        });
        let enhanced = registry.enhanced_codes.iter().flat_map(|e| {
            e.references
                .iter()
                .map(move |reference| (reference, e.line, format!("enhanced code {}", e.code)))
        });
        for (reference, line, entry) in replies.chain(enhanced) {
            let (Some(url), Some(name)) = (reference.url.as_deref(), reference.name.as_deref())
            else {
                continue;
            };
            match names.get(url) {
                Some(&(first, first_line)) if first != name => self.report.error(
                    line,
                    &entry,
                    format!(
                        "<{url}> is named \"{name}\" here but \"{first}\" at {}; \
                         give a document one name",
                        at(first_line)
                    ),
                ),
                Some(_) => {}
                None => {
                    names.insert(url, (name, line));
                }
            }
        }
    }

    fn enhanced_codes(&mut self, registry: &Registry) {
        let reply_codes: BTreeSet<u16> = registry.reply_codes.iter().map(|r| r.code).collect();
        let subjects: BTreeSet<u16> = registry.subjects.iter().map(|s| s.subject).collect();
        let mut by_key: HashMap<(u16, u16), &EnhancedEntry> = HashMap::new();
        for enhanced in &registry.enhanced_codes {
            if let Some(key) = enhanced.subject_detail() {
                by_key.entry(key).or_insert(enhanced);
            }
        }
        let mut first_line: HashMap<(u16, u16), Line> = HashMap::new();
        let mut previous: Option<(u16, u16)> = None;
        for enhanced in &registry.enhanced_codes {
            let entry = format!("enhanced code {}", enhanced.code);
            let line = enhanced.line;
            let Some(key) = enhanced.subject_detail() else {
                self.report.error(
                    line,
                    &entry,
                    "not of the form `X.<subject>.<detail>` (1 to 3 digits each, no leading zeros)",
                );
                continue;
            };
            if !self.incomplete.has(Section::Subjects) && !subjects.contains(&key.0) {
                self.report.error(
                    line,
                    &entry,
                    format!("subject {} is not in `subjects`", key.0),
                );
            }
            if let Some(first) = first_line.get(&key) {
                self.report.error(
                    line,
                    &entry,
                    format!("duplicate code; first defined at {}", at(*first)),
                );
            } else if let Some(prev) = previous.filter(|&p| key < p) {
                self.report.error(
                    line,
                    &entry,
                    format!(
                        "out of order: X.{}.{} comes before it; \
                 keep enhanced_codes ascending by subject, then detail",
                        prev.0, prev.1
                    ),
                );
            }
            first_line.entry(key).or_insert(line);
            previous = Some(previous.map_or(key, |p| p.max(key)));
            self.enhanced_details(enhanced, &entry, &reply_codes);
            self.replaced_by(enhanced, &entry, &by_key);
        }
    }

    /// `replaced_by` goes on deprecated entries only, and names an entry that is not itself
    /// deprecated (so following it once always reaches a code to use).
    /// `by_key` holds the first entry of each subject and detail.
    fn replaced_by(
        &mut self,
        enhanced: &EnhancedEntry,
        entry: &str,
        by_key: &HashMap<(u16, u16), &EnhancedEntry>,
    ) {
        let Some(replacement) = &enhanced.replaced_by else {
            return;
        };
        let line = enhanced.line;
        if !enhanced.deprecated {
            self.report.error(
                line,
                entry,
                "`replaced_by` is only for deprecated entries: \
                 add `deprecated: true` or remove `replaced_by`",
            );
        }
        let Some(key) = parse_enhanced_key(replacement) else {
            self.report.error(
                line,
                entry,
                format!(
                    "`replaced_by: {replacement}` is not of the form `X.<subject>.<detail>` \
                     (1 to 3 digits each, no leading zeros)"
                ),
            );
            return;
        };
        let target = by_key.get(&key);
        let problem = match target {
            _ if Some(key) == enhanced.subject_detail() => {
                "names the entry itself; name the entry to use instead"
            }
            None if self.incomplete.has(Section::EnhancedCodes) => return,
            None => "is not in `enhanced_codes`; name an entry of the registry",
            Some(target) if target.deprecated => {
                "is deprecated too; name the entry that replaces both"
            }
            Some(_) => return,
        };
        self.report.error(
            line,
            entry,
            format!("`replaced_by: {replacement}` {problem}"),
        );
    }

    fn enhanced_details(
        &mut self,
        enhanced: &EnhancedEntry,
        entry: &str,
        reply_codes: &BTreeSet<u16>,
    ) {
        let line = enhanced.line;
        match &enhanced.title {
            Some(title) => self.report.prose(line, entry, "title", title),
            None if !enhanced.deprecated => self.report.error(
                line,
                entry,
                "missing field `title` (only a deprecated entry may omit it)",
            ),
            None => {}
        }
        if enhanced.classes.is_empty() {
            self.report
                .error(line, entry, "`classes` lists none of 2, 4, 5");
        }
        if enhanced.classes.iter().any(|c| ![2, 4, 5].contains(c)) {
            self.report.error(
                line,
                entry,
                format!(
                    "`classes` may only hold 2, 4 and 5, found {:?}",
                    enhanced.classes
                ),
            );
        } else if !enhanced.classes.is_sorted_by(|a, b| a < b) {
            self.report
                .error(line, entry, "`classes` must be ascending without repeats");
        }
        for code in &enhanced.associated_codes {
            if !reply_codes.contains(code) && !self.incomplete.has(Section::ReplyCodes) {
                self.report.error(
                    line,
                    entry,
                    format!("associated code {code} is not in `reply_codes`; add an entry for it"),
                );
            }
        }
        if !enhanced.associated_codes.is_sorted_by(|a, b| a < b) {
            self.report.error(
                line,
                entry,
                "`associated_codes` must be ascending without repeats",
            );
        }
        if let Some(note) = &enhanced.associated_note {
            self.report.prose(line, entry, "associated_note", note);
        }
        self.references(line, entry, &enhanced.references);
        self.report
            .prose(line, entry, "description", &enhanced.description);
        if let Some(notes) = &enhanced.notes {
            self.report.prose(line, entry, "notes", notes);
        }
    }

    fn rfcs(&mut self, registry: &Registry) {
        let cited = cited_rfcs(registry);
        let citing_incomplete = [
            Section::Classes,
            Section::Subjects,
            Section::ReplyCodes,
            Section::EnhancedCodes,
        ]
        .into_iter()
        .any(|section| self.incomplete.has(section));
        let mut previous: Option<u16> = None;
        for rfc in &registry.rfcs {
            let entry = format!("RFC {}", rfc.rfc);
            self.ascending(rfc.line, &entry, &mut previous, rfc.rfc, "RFC", "rfcs");
            self.report.prose(rfc.line, &entry, "title", &rfc.title);
            if !cited.contains_key(&rfc.rfc) && !citing_incomplete {
                self.report.error(
                    rfc.line,
                    &entry,
                    "no entry cites this RFC; remove it from `rfcs`",
                );
            }
        }
        let listed: BTreeSet<u16> = registry.rfcs.iter().map(|r| r.rfc).collect();
        for (rfc, (line, entry)) in cited {
            if !self.incomplete.has(Section::Rfcs) && !listed.contains(&rfc) {
                self.report.error(
                    line,
                    &entry,
                    format!("cites RFC {rfc}, which is not in `rfcs`; add it with its title"),
                );
            }
        }
    }

    /// Reports `key` when it repeats `previous` or comes before it, then makes it `previous`.
    /// `noun` names one key in messages ("subject", "RFC"); `section` is the list's name.
    fn ascending(
        &mut self,
        line: Line,
        entry: &str,
        previous: &mut Option<u16>,
        key: u16,
        noun: &str,
        section: &str,
    ) {
        match *previous {
            Some(prev) if key == prev => {
                self.report.error(line, entry, format!("duplicate {noun}"));
            }
            Some(prev) if key < prev => self.report.error(
                line,
                entry,
                format!("out of order: {noun} {prev} comes before it; keep {section} ascending"),
            ),
            _ => {}
        }
        *previous = Some(key);
    }

    fn references(&mut self, line: Line, entry: &str, references: &[Reference]) {
        if references.is_empty() {
            self.report.error(
                line,
                entry,
                "`references` is empty; every entry needs a source",
            );
        }
        for reference in references {
            if let Err(why) = check_reference(reference) {
                self.report.error(
                    line,
                    entry,
                    format!("malformed reference {reference:?}: {why}"),
                );
            }
        }
    }
}

/// Every RFC cited anywhere, with the first entry that cites it.
fn cited_rfcs(registry: &Registry) -> BTreeMap<u16, (Line, String)> {
    let mut cited = BTreeMap::new();
    let mut cite = |references: &mut dyn Iterator<Item = &Reference>, line: Line, entry: String| {
        for rfc in references.filter_map(|r| r.rfc) {
            cited.entry(rfc).or_insert_with(|| (line, entry.clone()));
        }
    };
    for class in &registry.classes {
        cite(
            &mut class.references.iter(),
            class.line,
            format!("class {}", class.class),
        );
    }
    for subject in &registry.subjects {
        cite(
            &mut subject.references.iter(),
            subject.line,
            format!("subject {}", subject.subject),
        );
    }
    for reply in &registry.reply_codes {
        let mut all = reply
            .references
            .iter()
            .chain(reply.texts.iter().map(|t| &t.reference));
        cite(&mut all, reply.line, format!("reply code {}", reply.code));
    }
    for enhanced in &registry.enhanced_codes {
        cite(
            &mut enhanced.references.iter(),
            enhanced.line,
            format!("enhanced code {}", enhanced.code),
        );
    }
    cited
}

fn at(line: Line) -> String {
    line.map_or_else(|| "an earlier entry".to_owned(), |l| format!("line {l}"))
}

fn check_reference(reference: &Reference) -> Result<(), &'static str> {
    match reference {
        Reference { rfc: Some(0), .. } => Err("RFC numbers start at 1"),
        Reference {
            rfc: Some(_),
            name: Some(_),
            ..
        } => Err("give either `rfc` or `name`, not both"),
        Reference {
            rfc: Some(_),
            url: Some(_),
            ..
        } => Err("an RFC's URL is derived from its number; drop `url`"),
        Reference {
            rfc: Some(_),
            section: Some(section),
            ..
        } if !is_section(section) => Err("`section` is dot-separated numbers such as \"4.2.3\""),
        Reference { rfc: Some(_), .. } => Ok(()),
        Reference { name: None, .. } => Err("needs `rfc` or `name`"),
        Reference {
            section: Some(_), ..
        } => Err("`section` goes with `rfc` only"),
        Reference {
            name: Some(name), ..
        } if name.trim().is_empty() || name.trim() != name => {
            Err("`name` is empty or has surrounding white space")
        }
        Reference { url: Some(url), .. }
            if !(url.starts_with("https://") || url.starts_with("http://"))
                || url.contains(char::is_whitespace) =>
        {
            Err("`url` must be an http(s) URL without spaces")
        }
        Reference { .. } => Ok(()),
    }
}

fn is_section(section: &str) -> bool {
    // An appendix is a capital letter in the first place ("E", "A.1").
    !section.is_empty()
        && section.split('.').enumerate().all(|(i, part)| {
            let appendix =
                i == 0 && part.len() == 1 && part.bytes().all(|b| b.is_ascii_uppercase());
            appendix
                || (!part.is_empty() && part.len() <= 3 && part.bytes().all(|b| b.is_ascii_digit()))
        })
}

/// A constant name: `SCREAMING_SNAKE_CASE`, starting with a letter, no doubled or trailing `_`.
fn constant_name(name: &str) -> Result<(), &'static str> {
    if name.is_empty() {
        return Err("it is empty");
    }
    if !name.starts_with(|c: char| c.is_ascii_uppercase()) {
        return Err("it must start with an upper-case ASCII letter");
    }
    if !name
        .bytes()
        .all(|b| b.is_ascii_uppercase() || b.is_ascii_digit() || b == b'_')
    {
        return Err("only A-Z, 0-9 and _ are allowed (SCREAMING_SNAKE_CASE)");
    }
    if name.contains("__") || name.ends_with('_') {
        return Err("no doubled or trailing underscores");
    }
    Ok(())
}

//! Problems found in the data file, each with the file, the place and the entry it concerns.

use std::fmt;

/// How many problems a report lists. The rest are counted, not kept, so a hostile or badly
/// broken file costs bounded memory and gives a report a person can read; fixing the listed
/// problems and running again shows the next ones.
pub const MAX_DIAGNOSTICS: usize = 200;

/// One problem in the data file.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Diagnostic {
    /// The file, as the caller named it.
    pub file: String,
    /// The 1-based line, where known.
    pub line: Option<usize>,
    /// The 1-based column, where the YAML parser gives one.
    pub column: Option<usize>,
    /// The entry concerned ("reply code 550", "enhanced code X.1.1"), where there is one.
    pub entry: Option<String>,
    /// What is wrong and, where it helps, what to do.
    pub message: String,
}

impl fmt::Display for Diagnostic {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.file)?;
        if let Some(line) = self.line {
            write!(f, ":{line}")?;
            if let Some(column) = self.column {
                write!(f, ":{column}")?;
            }
        }
        f.write_str(": ")?;
        if let Some(entry) = &self.entry {
            write!(f, "{entry}: ")?;
        }
        f.write_str(&self.message)
    }
}

/// Every problem found in one run, in file order. Never empty when returned as an error.
///
/// At most [`MAX_DIAGNOSTICS`] problems are listed, those earliest in the file; the second
/// field counts the ones found beyond them (see [`Diagnostics::omitted`]), and the report ends
/// with a line saying how many were not shown.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Diagnostics(pub Vec<Diagnostic>, usize);

impl Diagnostics {
    /// Whether no problem was found.
    pub fn is_empty(&self) -> bool {
        self.0.is_empty() && self.1 == 0
    }

    /// The problems listed, in file order once the report is complete.
    pub fn iter(&self) -> std::slice::Iter<'_, Diagnostic> {
        self.0.iter()
    }

    /// How many problems were found beyond the [`MAX_DIAGNOSTICS`] listed.
    pub fn omitted(&self) -> usize {
        self.1
    }

    /// How many problems were found in all, listed or not.
    pub fn total(&self) -> usize {
        self.0.len() + self.1
    }

    pub(crate) fn push(
        &mut self,
        file: &str,
        line: Option<usize>,
        entry: Option<String>,
        message: impl Into<String>,
    ) {
        self.push_diagnostic(Diagnostic {
            file: file.to_owned(),
            line,
            column: None,
            entry,
            message: message.into(),
        });
    }

    /// Adds a problem; past twice the cap, keeps only the earliest [`MAX_DIAGNOSTICS`] (which
    /// costs a sort every [`MAX_DIAGNOSTICS`] pushes, so memory stays bounded and time linear).
    pub(crate) fn push_diagnostic(&mut self, diagnostic: Diagnostic) {
        self.0.push(diagnostic);
        if self.0.len() >= 2 * MAX_DIAGNOSTICS {
            self.sort();
        }
    }

    /// Adds every problem of `other`, listed or counted.
    pub(crate) fn extend(&mut self, other: Diagnostics) {
        self.1 += other.1;
        for diagnostic in other.0 {
            self.push_diagnostic(diagnostic);
        }
    }

    /// Sorts by line (problems without a line first, in the order found) and keeps the first
    /// [`MAX_DIAGNOSTICS`], counting the rest. Keeping the earliest of each partial list keeps
    /// the earliest of the whole, so this may run any number of times while problems are added.
    pub(crate) fn sort(&mut self) {
        self.0.sort_by_key(|d| d.line.unwrap_or(0));
        if self.0.len() > MAX_DIAGNOSTICS {
            self.1 += self.0.len() - MAX_DIAGNOSTICS;
            self.0.truncate(MAX_DIAGNOSTICS);
        }
    }
}

impl fmt::Display for Diagnostics {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        for (i, diagnostic) in self.0.iter().enumerate() {
            if i > 0 {
                f.write_str("\n")?;
            }
            write!(f, "error: {diagnostic}")?;
        }
        if self.1 > 0 {
            let file = self.0.first().map_or("", |d| d.file.as_str());
            write!(
                f,
                "\nerror: {file}: … and {} more problem{} not shown; fix the ones above and run \
                 again",
                self.1,
                if self.1 == 1 { "" } else { "s" }
            )?;
        }
        let n = self.total();
        write!(
            f,
            "\n{n} problem{} found; nothing was written",
            if n == 1 { "" } else { "s" }
        )
    }
}

impl std::error::Error for Diagnostics {}

impl<'a> IntoIterator for &'a Diagnostics {
    type Item = &'a Diagnostic;
    type IntoIter = std::slice::Iter<'a, Diagnostic>;
    fn into_iter(self) -> Self::IntoIter {
        self.0.iter()
    }
}

/// What a validator reports into: the problems of one file, each at a line and entry, and the
/// checks every section makes of its prose.
pub(crate) struct Report<'a> {
    pub(crate) file: &'a str,
    pub(crate) diagnostics: Diagnostics,
}

impl<'a> Report<'a> {
    pub(crate) fn new(file: &'a str) -> Self {
        Report {
            file,
            diagnostics: Diagnostics::default(),
        }
    }

    pub(crate) fn error(&mut self, line: Option<usize>, entry: &str, message: impl Into<String>) {
        self.diagnostics
            .push(self.file, line, Some(entry.to_owned()), message);
    }

    /// A description, a note or a title: not empty, no white space at either end, no control
    /// character but the line feed.
    pub(crate) fn prose(&mut self, line: Option<usize>, entry: &str, field: &str, text: &str) {
        if text.trim().is_empty() {
            self.error(line, entry, format!("`{field}` is empty"));
        } else if text.trim() != text {
            self.error(
                line,
                entry,
                format!("`{field}` has leading or trailing white space"),
            );
        } else if text.chars().any(|c| c.is_control() && c != '\n') {
            self.error(
                line,
                entry,
                format!("`{field}` contains a control character"),
            );
        }
    }
}

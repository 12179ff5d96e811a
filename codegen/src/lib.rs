//! Turns `data/smtp-codes.yaml` into the workspace's generated files.
//!
//! The pipeline is [`load`] (YAML into the typed [`Registry`], entry by entry, collecting every
//! problem), [`validate`] (the cross-entry rules), then the pure renderers [`render_rust`],
//! [`render_derive_table`] and [`render_markdown`], and the exports for other languages
//! ([`render_json`], the CSV tables, the JSON Schemas of the data file and of the JSON export),
//! which return the files' contents as strings. [`generate`] runs the whole pipeline and names
//! each output's path; writing files is the `xtask` binary's job, so this crate does no I/O
//! except reading the data file in [`load`].
//!
//! The data file's schema is documented at the top of `data/smtp-codes.yaml`, by the types in
//! [`model`] and as a JSON Schema ([`render_data_schema`]): unknown fields are errors, and
//! every problem is reported with the file, line and entry it concerns. [`generate`] (through
//! [`load_and_validate`]) reports everything in one run: every entry that does not read, and
//! every rule across entries broken by the entries that did. A rule that looks an entry up in a
//! section that lost entries (an associated code, a cited RFC) is not applied against that
//! section, since the entry it would miss may be one that did not read.
//!
//! The data file comes in through pull requests, so what it can cost is bounded: it may be at
//! most [`MAX_FILE_BYTES`]; anchors and aliases, which the schema never needs, are refused
//! before parsing, as is nesting deeper than [`MAX_FLOW_DEPTH`] or [`MAX_BLOCK_DEPTH`]; a report
//! lists at most [`MAX_DIAGNOSTICS`] problems and counts the rest; and the tables may hold no
//! more entries than the generated lookups can index ([`MAX_TABLE_ENTRIES`]).
//!
//! ```no_run
//! let outputs = codegen::generate(std::path::Path::new("."))?;
//! for output in &outputs {
//!     println!("{} ({} bytes)", output.path, output.contents.len());
//! }
//! # Ok::<(), codegen::Diagnostics>(())
//! ```

#![forbid(unsafe_code)]

mod classifier_shapes;
mod classify;
mod diagnostic;
mod json;
mod load;
pub mod model;
mod prescan;
mod provider_shapes;
mod providers;
mod render_csv;
mod render_json;
mod render_markdown;
mod render_rules;
mod render_rust;
mod render_schema;
mod shapes;
mod table_shapes;
mod validate;
mod validate_providers;
mod validate_rules;

use std::path::Path;

pub use diagnostic::{Diagnostic, Diagnostics, MAX_DIAGNOSTICS};
pub use load::{MAX_FILE_BYTES, SECTIONS as DATA_SECTIONS, load, load_str};
pub use model::Registry;
pub use prescan::{MAX_BLOCK_DEPTH, MAX_FLOW_DEPTH};
pub use render_csv::{JOIN, render_enhanced_csv, render_provider_csv, render_reply_csv};
pub use render_json::render_json;
pub use render_markdown::render_markdown;
pub use render_rust::{render_derive_table, render_rust};
pub use render_schema::{render_data_schema, render_export_schema};
pub use validate::{KNOWN_COMMANDS, validate};
pub use validate_rules::REQUIRED_REASONS;

/// The data file, relative to the workspace root.
pub const DATA_PATH: &str = "data/smtp-codes.yaml";

/// The command that regenerates every output, as the generated files' headers name it.
pub const GENERATED_BY: &str = "cargo xtask codegen";

/// The version of the data, as the JSON export states it: the version of the `smtp-codes`
/// release that ships the same table. It follows the data, not codegen: raise it with that
/// crate's version (a test checks that the two agree).
pub const DATA_VERSION: &str = "0.1.0";

/// The date of the copy of IANA's SMTP Enhanced Status Codes registry that `enhanced_codes`
/// follows: its `<updated>` element, as `data/iana/smtp-enhanced-status-codes.xml` gives it (a
/// test checks that the two agree). A constant rather than read from the file, so rendering
/// stays pure; update it with the copy.
pub const REGISTRY_SNAPSHOT: &str = "2024-12-06";

/// The most entries `reply_codes` and `enhanced_codes` may each hold. The generated lookups
/// index them with one byte per slot (`smtp-codes/src/lookup.rs`, where 255 means "no entry"),
/// and `ReplyInfo` and `EnhancedInfo` keep positions in the enhanced table as bytes
/// (`smtp-codes/src/info.rs`); [`validate`] refuses larger tables, so nothing codegen accepts
/// renders code that does not compile. To go further, widen those to `u16` and raise this.
pub const MAX_TABLE_ENTRIES: usize = 255;

/// One generated file: where it goes (relative to the workspace root) and what it holds.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Output {
    /// The path, relative to the workspace root, with `/` separators.
    pub path: &'static str,
    /// The complete contents.
    pub contents: String,
}

impl Output {
    /// Whether `on_disk`, a file's bytes, holds these contents, line endings aside: a checkout
    /// whose Git turned LF into CRLF (`core.autocrlf` on Windows) is not stale.
    pub fn matches(&self, on_disk: &[u8]) -> bool {
        let mut on_disk = on_disk.iter().copied().filter(|&b| b != b'\r');
        let mut generated = self.contents.bytes().filter(|&b| b != b'\r');
        loop {
            match (on_disk.next(), generated.next()) {
                (None, None) => return true,
                (a, b) if a == b => {}
                _ => return false,
            }
        }
    }
}

/// The outputs whose file under `root` is missing or holds other contents (see
/// [`Output::matches`]): what `cargo xtask codegen --check` and the freshness test report.
///
/// # Errors
///
/// A file that exists but cannot be read.
pub fn stale_outputs<'a>(root: &Path, outputs: &'a [Output]) -> Result<Vec<&'a Output>, String> {
    let mut stale = Vec::new();
    for output in outputs {
        match std::fs::read(root.join(output.path)) {
            Ok(bytes) if output.matches(&bytes) => {}
            Ok(_) => stale.push(output),
            Err(err) if err.kind() == std::io::ErrorKind::NotFound => stale.push(output),
            Err(err) => return Err(format!("error: cannot read {}: {err}", output.path)),
        }
    }
    Ok(stale)
}

/// Renders every output of a validated registry, in a fixed order.
pub fn render_all(registry: &Registry) -> Vec<Output> {
    vec![
        Output {
            path: "smtp-codes/src/generated.rs",
            contents: render_rust(registry),
        },
        Output {
            path: "smtp-codes-derive/src/generated.rs",
            contents: render_derive_table(registry),
        },
        Output {
            path: "smtp-codes/REFERENCE.md",
            contents: render_markdown(registry),
        },
        Output {
            path: "exports/smtp-codes.json",
            contents: render_json(registry),
        },
        Output {
            path: "exports/reply-codes.csv",
            contents: render_reply_csv(registry),
        },
        Output {
            path: "exports/enhanced-codes.csv",
            contents: render_enhanced_csv(registry),
        },
        Output {
            path: "exports/provider-codes.csv",
            contents: render_provider_csv(registry),
        },
        Output {
            path: "exports/smtp-codes.schema.json",
            contents: render_data_schema(),
        },
        Output {
            path: "exports/smtp-codes-export.schema.json",
            contents: render_export_schema(),
        },
    ]
}

/// Loads and validates `data/smtp-codes.yaml` under the workspace root `root` and renders every
/// output. Nothing is written; on any problem, all of them are returned.
pub fn generate(root: &Path) -> Result<Vec<Output>, Diagnostics> {
    let registry = load_and_validate(&root.join(DATA_PATH)).map_err(|d| rename(d, DATA_PATH))?;
    Ok(render_all(&registry))
}

/// Reads the data file at `path` and checks it completely in one run: what [`load`] reports
/// and what [`validate`] reports, together, in file order.
pub fn load_and_validate(path: &Path) -> Result<Registry, Diagnostics> {
    let file = path.display().to_string();
    load_and_validate_str(&load::read_file(path, &file)?, &file)
}

/// [`load_and_validate`] for the text of a data file; `file` is the name used in messages.
///
/// The rules across entries run on the entries that did read, so a misspelt field in one entry
/// and a duplicate code in another come out together.
pub fn load_and_validate_str(source: &str, file: &str) -> Result<Registry, Diagnostics> {
    let load::Loaded {
        registry,
        mut diagnostics,
        incomplete,
        parsed,
    } = load::read(source, file);
    // When the text is not YAML (or is refused before parsing) no entry read: there is nothing
    // to check across entries.
    if parsed {
        diagnostics.extend(validate::validate_loaded(&registry, file, incomplete));
    }
    if diagnostics.is_empty() {
        Ok(registry)
    } else {
        diagnostics.sort();
        Err(diagnostics)
    }
}

/// Reports name the data file by its workspace-relative path, wherever the workspace is.
fn rename(mut diagnostics: Diagnostics, file: &str) -> Diagnostics {
    for diagnostic in &mut diagnostics.0 {
        file.clone_into(&mut diagnostic.file);
    }
    diagnostics
}

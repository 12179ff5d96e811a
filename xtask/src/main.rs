//! Workspace automation, run as `cargo xtask <task>`: `codegen [--check]` regenerates (or
//! checks) the generated files, `bench-compile` measures what the derive costs to compile, and
//! `bench-instructions` counts the instructions the parser takes per reply.

#![forbid(unsafe_code)]

mod bench_compile;
mod bench_instructions;

use std::path::{Path, PathBuf};
use std::process::ExitCode;
use std::{fs, io};

const USAGE: &str = "\
usage: cargo xtask <task>

tasks:
  codegen            regenerate every generated file from data/smtp-codes.yaml
  codegen --check    write nothing; fail if any generated file is stale
  bench-compile      time a clean build of a small crate deriving SmtpReply against the same
                     crate deriving thiserror::Error (needs crates.io or a warm cargo cache)
  bench-instructions count instructions per reply (callgrind) for smtp-codes, smtp-proto and
                     lettre parsing the reply corpus, one parser per process (needs valgrind)";

fn main() -> ExitCode {
    match run(&std::env::args().skip(1).collect::<Vec<_>>()) {
        Ok(()) => ExitCode::SUCCESS,
        Err(message) => {
            eprintln!("{message}");
            ExitCode::FAILURE
        }
    }
}

fn run(args: &[String]) -> Result<(), String> {
    let args: Vec<&str> = args.iter().map(String::as_str).collect();
    match args.as_slice() {
        ["codegen"] => codegen(Mode::Write),
        ["codegen", "--check"] => codegen(Mode::Check),
        ["bench-compile"] => bench_compile::run(&workspace_root()),
        ["bench-instructions"] => bench_instructions::run(&workspace_root()),
        ["help" | "--help" | "-h"] => {
            println!("{USAGE}");
            Ok(())
        }
        _ => Err(format!("unknown arguments {args:?}\n\n{USAGE}")),
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Mode {
    Write,
    Check,
}

fn codegen(mode: Mode) -> Result<(), String> {
    let root = workspace_root();
    let updated = generate(&root, mode)?;
    if updated.is_empty() {
        println!("all generated files are up to date");
    }
    for path in updated {
        println!("updated {path}");
    }
    Ok(())
}

/// Regenerates the outputs under `root`. In write mode, writes the files whose contents
/// changed and returns their paths; in check mode, writes nothing and fails naming every stale
/// file. When the data has any problem, fails with all of them and writes nothing.
fn generate(root: &Path, mode: Mode) -> Result<Vec<&'static str>, String> {
    // All problems in the data are reported before anything is written.
    let outputs = codegen::generate(root).map_err(|diagnostics| diagnostics.to_string())?;
    let stale = codegen::stale_outputs(root, &outputs)?;
    match mode {
        Mode::Check if !stale.is_empty() => {
            let mut message =
                String::from("error: generated files are out of date with data/smtp-codes.yaml:\n");
            for output in &stale {
                message.push_str("  ");
                message.push_str(output.path);
                message.push('\n');
            }
            message
                .push_str("run `cargo xtask codegen` to regenerate them, then commit the result");
            Err(message)
        }
        Mode::Check => Ok(Vec::new()),
        Mode::Write => {
            for output in &stale {
                write_atomically(&root.join(output.path), output.contents.as_bytes())
                    .map_err(|err| format!("error: cannot write {}: {err}", output.path))?;
            }
            Ok(stale.iter().map(|output| output.path).collect())
        }
    }
}

/// Writes to a temporary file beside `path`, then renames it over `path`, so a reader never
/// sees a half-written file and an interrupted run leaves the old contents.
fn write_atomically(path: &Path, contents: &[u8]) -> io::Result<()> {
    let dir = path
        .parent()
        .ok_or_else(|| io::Error::other("path has no parent directory"))?;
    let name = path
        .file_name()
        .ok_or_else(|| io::Error::other("path has no file name"))?;
    // A new output may live in a folder the checkout does not have yet (`exports/`).
    fs::create_dir_all(dir)?;
    let temporary = dir.join(format!(
        ".{}.{}.tmp",
        name.to_string_lossy(),
        std::process::id()
    ));
    fs::write(&temporary, contents)?;
    fs::rename(&temporary, path).inspect_err(|_| {
        let _ = fs::remove_file(&temporary);
    })
}

/// The workspace root: this crate's manifest directory is `<root>/xtask`.
fn workspace_root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .parent()
        .expect("xtask lives one level below the workspace root")
        .to_path_buf()
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A scratch workspace: the real data file and every output, copied into a fresh directory.
    fn scratch(name: &str) -> PathBuf {
        let dir =
            std::env::temp_dir().join(format!("smtp-codes-xtask-{name}-{}", std::process::id()));
        let _ = fs::remove_dir_all(&dir);
        let root = workspace_root();
        let outputs = codegen::generate(&root).unwrap_or_else(|d| panic!("{d}"));
        let paths = outputs.iter().map(|output| output.path);
        for path in std::iter::once(codegen::DATA_PATH).chain(paths) {
            let target = dir.join(path);
            fs::create_dir_all(target.parent().unwrap()).unwrap();
            fs::copy(root.join(path), target).unwrap();
        }
        dir
    }

    fn edit_data(root: &Path, from: &str, to: &str) {
        let path = root.join("data/smtp-codes.yaml");
        let text = fs::read_to_string(&path).unwrap();
        assert!(text.contains(from));
        fs::write(path, text.replacen(from, to, 1)).unwrap();
    }

    #[test]
    fn up_to_date_tree_passes_check_and_write_changes_nothing() {
        let root = scratch("clean");
        assert_eq!(generate(&root, Mode::Check), Ok(Vec::new()));
        assert_eq!(generate(&root, Mode::Write), Ok(Vec::new()));
        fs::remove_dir_all(root).unwrap();
    }

    #[test]
    fn edited_description_makes_check_fail_and_write_fix_it() {
        let root = scratch("stale");
        edit_data(
            &root,
            "description: Answer to HELP.",
            "description: Reply to HELP.",
        );
        let before = fs::read(root.join("smtp-codes/REFERENCE.md")).unwrap();
        let error = generate(&root, Mode::Check).unwrap_err();
        assert!(error.contains("smtp-codes/src/generated.rs"), "{error}");
        assert!(error.contains("smtp-codes/REFERENCE.md"), "{error}");
        assert!(error.contains("run `cargo xtask codegen`"), "{error}");
        assert_eq!(
            fs::read(root.join("smtp-codes/REFERENCE.md")).unwrap(),
            before,
            "--check wrote a file"
        );

        let updated = generate(&root, Mode::Write).unwrap();
        assert_eq!(
            updated,
            [
                "smtp-codes/src/generated.rs",
                "smtp-codes/REFERENCE.md",
                "exports/smtp-codes.json",
                "exports/reply-codes.csv",
            ]
        );
        assert_eq!(generate(&root, Mode::Check), Ok(Vec::new()));
        assert_eq!(
            generate(&root, Mode::Write),
            Ok(Vec::new()),
            "a second run changed something"
        );
        let leftovers: Vec<_> = fs::read_dir(root.join("smtp-codes"))
            .unwrap()
            .filter_map(Result::ok)
            .filter(|e| e.file_name().to_string_lossy().ends_with(".tmp"))
            .collect();
        assert!(leftovers.is_empty(), "temporary files left behind");
        fs::remove_dir_all(root).unwrap();
    }

    #[test]
    fn write_creates_a_missing_output_folder() {
        let root = scratch("folder");
        fs::remove_dir_all(root.join("exports")).unwrap();
        let updated = generate(&root, Mode::Write).unwrap();
        assert!(
            !updated.is_empty() && updated.iter().all(|path| path.starts_with("exports/")),
            "{updated:?}"
        );
        assert_eq!(generate(&root, Mode::Check), Ok(Vec::new()));
        fs::remove_dir_all(root).unwrap();
    }

    #[test]
    fn invalid_data_writes_nothing() {
        let root = scratch("invalid");
        edit_data(
            &root,
            "description: Answer to HELP.",
            "descripton: Answer to HELP.",
        );
        edit_data(&root, "  - code: 557\n", "  - code: 657\n");
        let outputs = [
            "smtp-codes/src/generated.rs",
            "smtp-codes-derive/src/generated.rs",
            "smtp-codes/REFERENCE.md",
        ];
        for path in outputs {
            fs::write(root.join(path), "sentinel").unwrap();
        }
        let error = generate(&root, Mode::Write).unwrap_err();
        assert!(error.contains("data/smtp-codes.yaml:"), "{error}");
        assert!(
            error.contains("reply code 214: unknown field `descripton`"),
            "{error}"
        );
        assert!(error.contains("nothing was written"), "{error}");
        for path in outputs {
            assert_eq!(
                fs::read_to_string(root.join(path)).unwrap(),
                "sentinel",
                "{path} was written"
            );
        }
        fs::remove_dir_all(root).unwrap();
    }
}

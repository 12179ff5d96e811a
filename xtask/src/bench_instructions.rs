//! `cargo xtask bench-instructions`: instructions per reply, counted by callgrind, for the same
//! work the `parse` benchmark times (parse, codes and every line's text), one parser per
//! process. Instruction counts are steady on a noisy machine, where times are not.
//!
//! The bench target `instructions` (in `bench/`) runs one contender's work over the reply
//! corpus; callgrind counts only inside its `count_*` functions, so loading the corpus is not
//! counted. Needs valgrind on the `PATH`.

use std::path::{Path, PathBuf};
use std::process::Command;

/// The contenders, as the `instructions` bench target names them.
const WORKS: [(&str, &str); 6] = [
    ("smtp-proto", "smtp-proto ResponseReceiver::parse"),
    ("lettre", "lettre Response::from_str + lines"),
    (
        "smtp-codes",
        "smtp-codes Reply::parse + codes + lines' text",
    ),
    ("smtp-codes-parse", "smtp-codes Reply::parse alone"),
    ("smtp-codes-classify", "smtp-codes Reply::parse + classify"),
    ("naive-classify", "Reply::parse + naive classify baseline"),
];

/// How often each contender goes over the corpus.
const PASSES: usize = 3;

// Instruction counts stay far below 2^52: converting them to f64 for the report loses nothing.
#[allow(clippy::cast_precision_loss)]
pub(crate) fn run(root: &Path) -> Result<(), String> {
    let executable = build(root)?;
    let scratch = root.join("target").join("bench-instructions");
    std::fs::create_dir_all(&scratch)
        .map_err(|e| format!("error: cannot create {}: {e}", scratch.display()))?;
    let mut counts = Vec::new();
    for (work, label) in WORKS {
        let (instructions, replies) = count(&executable, work, &scratch)?;
        counts.push((work, label, instructions as f64 / (replies * PASSES) as f64));
    }
    let per = |name: &str| {
        counts
            .iter()
            .find(|(work, ..)| *work == name)
            .map_or(f64::NAN, |(.., per)| *per)
    };
    println!(
        "instructions per reply (callgrind, {PASSES} passes over the corpus, one process each):"
    );
    for (_, label, per_reply) in &counts {
        println!("  {label:<46} {per_reply:>8.0}");
    }
    let proto = per("smtp-proto");
    println!(
        "  ratio parse + text / smtp-proto              {:>8.3}  (goal <= 0.70)",
        per("smtp-codes") / proto
    );
    println!(
        "  ratio parse alone / smtp-proto               {:>8.3}  (goal <= 0.50)",
        per("smtp-codes-parse") / proto
    );
    println!(
        "  ratio naive classify / classify              {:>8.3}  (goal >= 5)",
        per("naive-classify") / per("smtp-codes-classify")
    );
    Ok(())
}

/// Builds the bench target and returns its executable.
fn build(root: &Path) -> Result<PathBuf, String> {
    let output = Command::new(std::env::var("CARGO").unwrap_or_else(|_| "cargo".to_owned()))
        .args([
            "bench",
            "-p",
            "smtp-codes-bench",
            "--bench",
            "instructions",
            "--no-run",
            "--message-format=json",
        ])
        .current_dir(root)
        .output()
        .map_err(|e| format!("error: cannot run cargo: {e}"))?;
    if !output.status.success() {
        return Err(format!(
            "error: building the instructions benchmark failed:\n{}",
            String::from_utf8_lossy(&output.stderr).trim_end()
        ));
    }
    // One JSON message per line; the artifact of the bench target names its executable.
    String::from_utf8_lossy(&output.stdout)
        .lines()
        .filter(|line| line.contains("\"name\":\"instructions\""))
        .find_map(|line| json_string(line, "executable"))
        .map(PathBuf::from)
        .ok_or_else(|| {
            "error: cargo did not name the instructions benchmark's executable".to_owned()
        })
}

/// Runs one contender under callgrind; the instructions counted and the replies handled.
fn count(executable: &Path, work: &str, scratch: &Path) -> Result<(u64, usize), String> {
    let out_file = scratch.join(format!("callgrind.{work}"));
    let output = Command::new("valgrind")
        .arg("--tool=callgrind")
        .arg(format!("--callgrind-out-file={}", out_file.display()))
        .arg("--toggle-collect=*count_*")
        .arg(executable)
        .arg(work)
        .arg(PASSES.to_string())
        .output()
        .map_err(|e| format!("error: cannot run valgrind (is it installed?): {e}"))?;
    let stderr = String::from_utf8_lossy(&output.stderr);
    let stdout = String::from_utf8_lossy(&output.stdout);
    if !output.status.success() {
        return Err(format!("error: {work} under callgrind failed:\n{stderr}"));
    }
    let collected = stderr
        .lines()
        .find_map(|line| line.split("Collected :").nth(1))
        .and_then(|n| n.trim().replace(',', "").parse().ok())
        .ok_or_else(|| format!("error: no instruction count in callgrind's output:\n{stderr}"))?;
    let replies = stdout
        .split_whitespace()
        .find_map(|word| word.strip_prefix("replies="))
        .and_then(|n| n.parse().ok())
        .ok_or_else(|| format!("error: the benchmark did not say how many replies: {stdout}"))?;
    Ok((collected, replies))
}

/// The string value of `"key":"..."` in a line of JSON (no escapes in paths cargo prints here).
fn json_string(line: &str, key: &str) -> Option<String> {
    let start = line.find(&format!("\"{key}\":\""))? + key.len() + 4;
    let end = line[start..].find('"')?;
    Some(line[start..start + end].to_owned())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_the_executable_from_cargo_json() {
        let line = r#"{"reason":"compiler-artifact","target":{"name":"instructions"},"executable":"/x/target/release/deps/instructions-1","fresh":true}"#;
        assert_eq!(
            json_string(line, "executable").as_deref(),
            Some("/x/target/release/deps/instructions-1")
        );
        assert_eq!(json_string(line, "missing"), None);
    }
}

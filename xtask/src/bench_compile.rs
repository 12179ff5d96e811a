//! `cargo xtask bench-compile`: what a user pays to compile `#[derive(SmtpReply)]`, as a ratio
//! to what `#[derive(thiserror::Error)]` costs, measured in one run on one machine.
//!
//! Two throw-away crates are written under `target/bench-compile/`, identical but for the
//! derive on their five-variant enum. Each is built from clean (`cargo build`, dev profile,
//! fresh target directory, dependencies included) several times, alternating, and the medians
//! are compared. The dependencies are fetched before timing, so the network is not measured,
//! and incremental compilation is off, as it is for crates.io dependencies.

use std::fmt::Write as _;
use std::path::Path;
use std::process::Command;
use std::time::{Duration, Instant};
use std::{fs, io};

const RUNS: usize = 5;

const SMTP_LIB: &str = r#"//! A user crate deriving SmtpReply.
use smtp_codes::SmtpReply;

#[derive(Debug, SmtpReply)]
#[smtp(451, "4.3.0")]
pub enum RcptError {
    #[smtp(550, "5.1.1")]
    NoSuchUser,
    #[smtp(code = 452, enhanced = "4.2.2")]
    MailboxFull { user: String },
    #[smtp(MAILBOX_NAME_NOT_ALLOWED)]
    BadAddress(String),
    #[smtp(554, "5.7.1")]
    Refused,
    Busy,
}
"#;

const THISERROR_LIB: &str = r#"//! The same crate deriving thiserror::Error.
#[derive(Debug, thiserror::Error)]
pub enum RcptError {
    #[error("no such user")]
    NoSuchUser,
    #[error("mailbox of {user} is full")]
    MailboxFull { user: String },
    #[error("bad address {0}")]
    BadAddress(String),
    #[error("refused")]
    Refused,
    #[error("try again later")]
    Busy,
}
"#;

pub(crate) fn run(root: &Path) -> Result<(), String> {
    let dir = root.join("target").join("bench-compile");
    let smtp_codes = root.join("smtp-codes");
    let smtp_dep = format!(
        "smtp-codes = {{ path = {:?}, features = [\"derive\"] }}",
        smtp_codes.display().to_string()
    );
    let smtp = write_crate(
        &dir.join("derive-smtp-reply"),
        "derive-smtp-reply",
        &smtp_dep,
        SMTP_LIB,
    )
    .map_err(|e| format!("error: cannot write the SmtpReply crate: {e}"))?;
    let thiserror = write_crate(
        &dir.join("derive-thiserror"),
        "derive-thiserror",
        "thiserror = \"2.0.21\"",
        THISERROR_LIB,
    )
    .map_err(|e| format!("error: cannot write the thiserror crate: {e}"))?;
    for krate in [&smtp, &thiserror] {
        cargo(krate, &["fetch"], None)?;
    }

    let mut smtp_times = Vec::new();
    let mut thiserror_times = Vec::new();
    for run in 1..=RUNS {
        for (krate, times) in [(&smtp, &mut smtp_times), (&thiserror, &mut thiserror_times)] {
            let target = krate.join("target");
            let _ = fs::remove_dir_all(&target);
            let start = Instant::now();
            cargo(krate, &["build", "--offline", "--quiet"], Some(&target))?;
            let elapsed = start.elapsed();
            eprintln!(
                "run {run}: {} built in {:.2} s",
                krate.file_name().unwrap().to_string_lossy(),
                elapsed.as_secs_f64()
            );
            times.push(elapsed);
        }
    }
    let smtp_median = median(&mut smtp_times);
    let thiserror_median = median(&mut thiserror_times);
    let mut report = String::new();
    let _ = writeln!(
        report,
        "clean `cargo build` (dev profile) of a crate with one five-variant enum, median of \
         {RUNS} alternating runs:"
    );
    let _ = writeln!(
        report,
        "  #[derive(SmtpReply)]        {:>6.2} s",
        smtp_median.as_secs_f64()
    );
    let _ = writeln!(
        report,
        "  #[derive(thiserror::Error)] {:>6.2} s",
        thiserror_median.as_secs_f64()
    );
    let _ = write!(
        report,
        "  ratio SmtpReply / thiserror {:>6.2}  (goal <= 1.00)",
        smtp_median.as_secs_f64() / thiserror_median.as_secs_f64()
    );
    println!("{report}");
    for krate in [&smtp, &thiserror] {
        let tree = cargo_output(
            krate,
            &[
                "tree",
                "--offline",
                "--edges",
                "normal,build",
                "--prefix",
                "none",
            ],
        )?;
        println!(
            "\n{} depends on:\n{}",
            krate.file_name().unwrap().to_string_lossy(),
            tree.trim_end()
        );
    }
    Ok(())
}

fn write_crate(
    dir: &Path,
    name: &str,
    dependency: &str,
    lib: &str,
) -> io::Result<std::path::PathBuf> {
    fs::create_dir_all(dir.join("src"))?;
    let manifest = format!(
        "[package]\nname = \"{name}\"\nversion = \"0.0.0\"\nedition = \"2024\"\npublish = \
         false\n\n[dependencies]\n{dependency}\n\n[workspace]\n"
    );
    fs::write(dir.join("Cargo.toml"), manifest)?;
    fs::write(dir.join("src/lib.rs"), lib)?;
    Ok(dir.to_path_buf())
}

fn cargo(dir: &Path, args: &[&str], target: Option<&Path>) -> Result<(), String> {
    let mut command = Command::new(std::env::var("CARGO").unwrap_or_else(|_| "cargo".to_owned()));
    // Path dependencies are built incrementally, crates.io dependencies never are; a user gets
    // smtp-codes from crates.io, so both builds turn incremental compilation off.
    command
        .args(args)
        .current_dir(dir)
        .env_remove("RUSTFLAGS")
        .env_remove("CARGO_TARGET_DIR")
        .env("CARGO_INCREMENTAL", "0");
    if let Some(target) = target {
        command.env("CARGO_TARGET_DIR", target);
    }
    let status = command
        .status()
        .map_err(|e| format!("error: cannot run cargo: {e}"))?;
    if status.success() {
        Ok(())
    } else {
        Err(format!(
            "error: `cargo {}` failed in {}",
            args.join(" "),
            dir.display()
        ))
    }
}

fn cargo_output(dir: &Path, args: &[&str]) -> Result<String, String> {
    let output = Command::new(std::env::var("CARGO").unwrap_or_else(|_| "cargo".to_owned()))
        .args(args)
        .current_dir(dir)
        .output()
        .map_err(|e| format!("error: cannot run cargo: {e}"))?;
    if !output.status.success() {
        return Err(format!(
            "error: `cargo {}` failed in {}:\n{}",
            args.join(" "),
            dir.display(),
            String::from_utf8_lossy(&output.stderr).trim_end()
        ));
    }
    Ok(String::from_utf8_lossy(&output.stdout).into_owned())
}

fn median(times: &mut [Duration]) -> Duration {
    times.sort();
    times[times.len() / 2]
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_failing_cargo_command_fails_the_run() {
        let dir = Path::new(env!("CARGO_MANIFEST_DIR"));
        assert!(cargo(dir, &["no-such-subcommand"], None).is_err());
        let error = cargo_output(dir, &["no-such-subcommand"]).unwrap_err();
        assert!(
            error.contains("`cargo no-such-subcommand` failed"),
            "{error}"
        );
        assert!(cargo_output(dir, &["--version"]).is_ok());
    }
}

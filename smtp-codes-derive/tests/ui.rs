//! Every diagnostic of the derive, one small file each under `tests/ui/`, with the compiler's
//! output reviewed by a person in the matching `.stderr`; and `tests/ui-pass/`, programs that
//! must compile and run (a `#![no_std]` crate among them).
//!
//! rustc rewords its diagnostics from release to release, so the `.stderr` files hold for the
//! toolchain named in `tests/ui/TOOLCHAIN` (`1.95`) and the compile-fail cases run only there
//! (or wherever `SMTP_CODES_UI=1` is set); the programs that must compile run everywhere. To
//! move to a new toolchain: `TRYBUILD=overwrite SMTP_CODES_UI=1 cargo test -p
//! smtp-codes-derive --test ui`, read the diff of `tests/ui/*.stderr` (the spans and the
//! messages the derive writes must not change, only rustc's own wording), then put the new
//! `major.minor` in `tests/ui/TOOLCHAIN`.

use std::process::Command;

/// The `major.minor` of the rustc that builds the tests, if it can be asked.
fn rustc_minor() -> Option<String> {
    let rustc = std::env::var("RUSTC").unwrap_or_else(|_| "rustc".to_owned());
    let output = Command::new(rustc).arg("--version").output().ok()?;
    let version = String::from_utf8(output.stdout).ok()?;
    let number = version.split_whitespace().nth(1)?;
    let mut parts = number.split('.');
    Some(format!("{}.{}", parts.next()?, parts.next()?))
}

#[test]
fn ui() {
    let t = trybuild::TestCases::new();
    let pinned = include_str!("ui/TOOLCHAIN").trim();
    let forced = std::env::var_os("SMTP_CODES_UI").is_some_and(|v| v == "1");
    match rustc_minor() {
        Some(minor) if forced || minor == pinned => t.compile_fail("tests/ui/*.rs"),
        found => eprintln!(
            "skipping the compile-fail UI cases: their .stderr files are for rustc {pinned}, \
             this is {found:?} (set SMTP_CODES_UI=1 to run them anyway)"
        ),
    }
    t.pass("tests/ui-pass/*.rs");
}

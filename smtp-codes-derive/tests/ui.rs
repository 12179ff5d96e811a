//! Every diagnostic of the derive, one small file each under `tests/ui/`, with the compiler's
//! output reviewed by a person in the matching `.stderr`; and `tests/ui-pass/`, programs that
//! must compile and run (a `#![no_std]` crate among them). Refresh with `TRYBUILD=overwrite
//! cargo test -p smtp-codes-derive --test ui`, then read the diff.

#[test]
fn ui() {
    let t = trybuild::TestCases::new();
    t.compile_fail("tests/ui/*.rs");
    t.pass("tests/ui-pass/*.rs");
}

//! `#[derive(SmtpReply)]` for `smtp-codes`: attach SMTP reply codes to error types, checked
//! against the smtp-codes table at compile time.
//!
//! This release carries the table the derive validates against (generated from
//! `data/smtp-codes.yaml` by `cargo xtask codegen`); the derive macro itself is not yet
//! exported. Until it is, implement `smtp_codes::SmtpReply` by hand.

#![forbid(unsafe_code)]

#[rustfmt::skip]
mod generated;
mod table;

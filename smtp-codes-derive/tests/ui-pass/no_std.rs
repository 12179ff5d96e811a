//! The expansion compiles in a `#![no_std]` crate that shadows every name it could collide
//! with, under strict lints: it names only `::core` and `::smtp_codes`.
#![no_std]
#![deny(missing_docs, unused_qualifications, clippy::all)]

/// Shadows the prelude and the crate's own names.
#[path = "../support/shadow.rs"]
pub mod shadow;

#[allow(unused_imports)]
use shadow::*;

/// An error of a `no_std` server.
#[derive(::smtp_codes::SmtpReply)]
#[smtp(451, "4.3.0")]
pub enum Error {
    /// No such user.
    #[smtp(550, "5.1.1")]
    NoSuchUser,
    /// Forwarded.
    #[smtp(transparent)]
    Store(Store),
    /// The default.
    Busy,
}

/// A forwarded error, generic.
#[derive(::smtp_codes::SmtpReply)]
#[smtp(transparent)]
pub struct Store<T = Inner>(pub T);

/// The innermost error.
#[derive(::smtp_codes::SmtpReply)]
#[smtp(SERVICE_NOT_AVAILABLE)]
pub struct Inner;

fn main() {
    use ::smtp_codes::SmtpReply as _;
    assert!(Error::NoSuchUser.reply_code() == 550);
    assert!(Error::Store(Store(Inner)).reply_code() == 421);
    assert!(Error::Busy.enhanced_code().is_some());
}

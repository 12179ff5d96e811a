//! The canonical, sourced table of SMTP reply codes (RFC 5321 and its extensions) and RFC 3463
//! enhanced status codes, with `const` lookups, no required dependencies and `no_std` support.
//!
//! # Look a code up
//!
//! ```
//! use smtp_codes::{EnhancedCode, ReplyCode, Status};
//!
//! let code = ReplyCode::from_u16(550)?;
//! let info = code.info().expect("550 is documented");
//! assert_eq!(info.name(), "MAILBOX_UNAVAILABLE");
//! assert_eq!(info.status(), Status::Standard);
//! println!("{code:#}: {}", info.description());
//! for reference in info.references() {
//!     println!("  see {} <{}>", reference.label(), reference.url().unwrap_or("-"));
//! }
//!
//! let enhanced: EnhancedCode = "5.7.1".parse()?;
//! assert_eq!(enhanced.info().unwrap().title(), Some("Delivery not authorized, message refused"));
//! # Ok::<(), Box<dyn std::error::Error>>(())
//! ```
//!
//! # Classify a reply
//!
//! ```
//! use smtp_codes::{Class, ReplyCode};
//!
//! // Any code from 200 to 599 is a value, documented or not.
//! let code: ReplyCode = "571".parse()?;
//! assert!(code.info().is_none());
//! match code.class() {
//!     Class::PositiveCompletion | Class::PositiveIntermediate => println!("go on"),
//!     Class::TransientNegative => println!("try again later"),
//!     Class::PermanentNegative => println!("give up"),
//! }
//! # Ok::<(), smtp_codes::InvalidReplyCode>(())
//! ```
//!
//! # Attach codes to your own errors
//!
//! With the `derive` feature, `#[derive(SmtpReply)]` attaches codes to an error type and
//! checks them against the table at compile time (a misspelt constant, an undocumented code or
//! `550` with `"4.2.2"` is a compile error):
//!
//! ```text
//! #[derive(Debug, thiserror::Error, smtp_codes::SmtpReply)]
//! #[smtp(451, "4.3.0")]               // default for variants without a code
//! enum RcptError {
//!     #[error("no such user")]
//!     #[smtp(550, "5.1.1")]
//!     NoSuchUser,
//!     #[error(transparent)]
//!     #[smtp(transparent)]            // forwards to the field's SmtpReply
//!     Store(#[from] StoreError),
//!     #[error("try later")]
//!     Busy,
//! }
//! ```
//!
//! (`examples/rcpt_errors.rs` runs this; the derive's documentation lists every form.) By hand,
//! the same is an implementation of [`SmtpReply`](trait@SmtpReply):
//!
//! ```
//! use smtp_codes::{EnhancedCode, ReplyCode, SmtpReply, enhanced_code};
//!
//! enum RcptError { NoSuchUser, MailboxFull }
//!
//! impl SmtpReply for RcptError {
//!     fn reply_code(&self) -> ReplyCode {
//!         match self {
//!             RcptError::NoSuchUser => ReplyCode::MAILBOX_UNAVAILABLE,
//!             RcptError::MailboxFull => ReplyCode::INSUFFICIENT_STORAGE,
//!         }
//!     }
//!     fn enhanced_code(&self) -> Option<EnhancedCode> {
//!         Some(match self {
//!             RcptError::NoSuchUser => enhanced_code!("5.1.1"),
//!             RcptError::MailboxFull => enhanced_code!("4.2.2"),
//!         })
//!     }
//! }
//! assert_eq!(RcptError::NoSuchUser.reply_code(), 550);
//! ```
//!
//! # Read replies off the wire
//!
//! [`Reply::parse`] takes the first complete reply from a read buffer, without allocating,
//! accepts what real servers send and records every deviation from the RFCs as an
//! [`Anomaly`]; [`Parser`] sets strict mode and limits.
//!
//! ```
//! use smtp_codes::{AnomalyKind, ParseError, Reply};
//!
//! let buffer = b"554 4.4.7 Message expired\n";
//! match Reply::parse(buffer) {
//!     Ok((reply, used)) => {
//!         assert_eq!(reply.code(), 554);
//!         assert_eq!(reply.enhanced_code().unwrap().to_string(), "4.4.7");
//!         let odd: Vec<AnomalyKind> = reply.anomalies().map(|a| a.kind()).collect();
//!         assert_eq!(odd, [AnomalyKind::BareLineFeed, AnomalyKind::EnhancedClassMismatch]);
//!         assert!(reply.is_permanent());
//!         assert_eq!(used, buffer.len());
//!     }
//!     Err(ParseError::Incomplete) => { /* read more, then parse again */ }
//!     Err(error) => panic!("not an SMTP reply: {error}"),
//! }
//! ```
//!
//! # Write replies
//!
//! [`write_reply`] and [`write_smtp_reply`] write correct reply lines: the enhanced code on
//! every line, long lines split, control characters and class mismatches refused.
//!
//! ```
//! use smtp_codes::{ReplyCode, enhanced_code, write_reply};
//!
//! let mut out = String::new();
//! write_reply(&mut out, ReplyCode::MAILBOX_UNAVAILABLE, Some(enhanced_code!("5.1.1")), "No such user\nCheck the address")?;
//! assert_eq!(out, "550-5.1.1 No such user\r\n550 5.1.1 Check the address\r\n");
//! # Ok::<(), smtp_codes::RenderError>(())
//! ```
//!
//! # Sources
//!
//! Everything comes from one data file, `data/smtp-codes.yaml` in the repository, with a
//! source for each entry; the [`reference`](mod@reference) module shows it all as one document.
//!
//! # Features
//!
//! - `std` (default): implies `alloc`; nothing else yet depends on it.
//! - `alloc`: `OwnedReply`, `render_reply`, `render_smtp_reply`, and [`SmtpReply`] for
//!   `Box<T>`.
//! - `derive`: `#[derive(SmtpReply)]`, so that `use smtp_codes::SmtpReply;` brings the trait
//!   and the derive, as serde's `derive` feature does.
//! - `serde`: `Serialize` and `Deserialize` for [`ReplyCode`] (as a number) and
//!   [`EnhancedCode`] (as a string such as `"5.1.1"`), validated on the way in.
//!
//! Without default features the crate is `#![no_std]` and has no dependencies.

#![no_std]
#![forbid(unsafe_code)]
#![cfg_attr(docsrs, feature(doc_cfg))]

#[cfg(feature = "alloc")]
extern crate alloc;
#[cfg(feature = "std")]
extern crate std;

mod class;
mod enhanced;
// The doc lines of the generated constants are prose from data/smtp-codes.yaml.
#[allow(clippy::doc_markdown)]
#[rustfmt::skip]
mod generated;
mod info;
mod lookup;
mod reply_code;
#[cfg(feature = "serde")]
mod serde_impls;
mod smtp_reply;
mod wire;

pub use class::Class;
pub use enhanced::{EnhancedCode, InvalidEnhancedCode};
pub use info::{
    ENHANCED_CODES, EnhancedInfo, REPLY_CODES, Reference, ReplyInfo, ReplyText, SUBJECTS, Status,
    SubjectInfo,
};
pub use reply_code::{InvalidReplyCode, ReplyCode};
/// Derives [`SmtpReply`](trait@SmtpReply) from `#[smtp(...)]` attributes, checked against this
/// crate's table at compile time. See the macro's documentation in `smtp-codes-derive`.
#[cfg(feature = "derive")]
#[cfg_attr(docsrs, doc(cfg(feature = "derive")))]
pub use smtp_codes_derive::SmtpReply;
pub use smtp_reply::SmtpReply;
#[cfg(feature = "alloc")]
pub use wire::owned::OwnedReply;
#[cfg(feature = "alloc")]
pub use wire::render::{render_reply, render_smtp_reply};
pub use wire::{
    anomaly::{Anomaly, AnomalyKind},
    error::{Malformed, ParseError},
    render::{RenderError, write_reply, write_smtp_reply},
    reply::{Parser, Reply, ReplyLine, ReplyLines},
};

/// The whole table as one document: every reply code by class, the non-standard codes, and
/// every enhanced status code by subject, each with its sources. Generated from
/// `data/smtp-codes.yaml`; the same text is `REFERENCE.md` in the repository.
#[doc = include_str!("../REFERENCE.md")]
#[allow(clippy::doc_markdown)] // prose generated from data/smtp-codes.yaml
pub mod reference {}

/// An [`EnhancedCode`] from a string literal, checked at compile time.
///
/// ```
/// use smtp_codes::{EnhancedCode, enhanced_code};
///
/// const NO_SUCH_USER: EnhancedCode = enhanced_code!("5.1.1");
/// assert_eq!(NO_SUCH_USER.subject(), 1);
/// ```
///
/// A malformed literal does not compile:
///
/// ```compile_fail
/// let code = smtp_codes::enhanced_code!("6.1.1");
/// ```
#[macro_export]
macro_rules! enhanced_code {
    ($code:literal) => {
        const {
            match $crate::EnhancedCode::parse($code) {
                ::core::result::Result::Ok(code) => code,
                ::core::result::Result::Err(_) => {
                    ::core::panic!(::core::concat!(
                        "`",
                        $code,
                        "` is not an enhanced status code (class.subject.detail, class 2, 4 or 5)"
                    ))
                }
            }
        }
    };
}

/// A [`ReplyCode`] from an integer literal, checked at compile time to be from 200 to 599.
///
/// ```
/// use smtp_codes::{ReplyCode, reply_code};
///
/// assert_eq!(reply_code!(571).as_u16(), 571);
/// ```
///
/// ```compile_fail
/// let code = smtp_codes::reply_code!(600);
/// ```
#[macro_export]
macro_rules! reply_code {
    ($code:literal) => {
        const {
            match $crate::ReplyCode::from_u16($code) {
                ::core::result::Result::Ok(code) => code,
                ::core::result::Result::Err(_) => {
                    ::core::panic!(::core::concat!(
                        "`",
                        $code,
                        "` is not an SMTP reply code (200 to 599)"
                    ))
                }
            }
        }
    };
}

//! The canonical, sourced table of SMTP reply codes (RFC 5321 and its extensions) and RFC 3463
//! enhanced status codes, with `const` lookups, no required dependencies and `no_std` support.
//!
//! The types, in the order a user meets them (each section below shows them at work):
//!
//! - **Codes and what the table says of them**: [`ReplyCode`] and its [`ReplyInfo`] (with
//!   [`Status`], [`ReplyText`] and [`Reference`]); [`EnhancedCode`] and its [`EnhancedInfo`]
//!   and [`SubjectInfo`]; a code's [`Class`] and the [`Retry`] advice it implies. Malformed
//!   codes are [`InvalidReplyCode`] and [`InvalidEnhancedCode`].
//! - **Replies on the wire**: [`Reply`], read by [`Parser`] (or [`StreamParser`] as bytes
//!   arrive), refused with a [`ParseError`] ([`Malformed`] says why); its deviations from the
//!   RFCs are [`Anomaly`] values ([`AnomalyKind`]), its lines [`ReplyLines`] of [`ReplyLine`];
//!   `OwnedReply` keeps one beyond its buffer.
//! - **What a reply means in practice**: the [`Provider`] that sent it and its
//!   [`ProviderCodeInfo`] (from a [`ProviderDocument`]); [`Reply::classify`], given the
//!   [`Command`] it answered, gives a [`Classification`]: a [`Reason`], a [`Scope`] and the
//!   [`Rule`] behind it, with its [`RuleExample`]s.
//! - **Your own errors**: the [`SmtpReply`](trait@SmtpReply) trait, derived with the `derive`
//!   feature.
//! - **Writing replies**: [`write_reply`] and [`write_reply_of`] (a [`Renderer`] with
//!   SMTPUTF8 on, if need be), refused with a [`RenderError`]; `ReplyCodec` for tokio.
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
//! # What a code tells a client
//!
//! ```
//! use smtp_codes::{Class, ReplyCode};
//!
//! // Any code from 200 to 599 is a value, documented or not.
//! let code: ReplyCode = "599".parse()?;
//! assert!(code.info().is_none());
//! match code.class() {
//!     Class::PositiveCompletion | Class::PositiveIntermediate => println!("go on"),
//!     Class::TransientNegative => println!("try again later"),
//!     Class::PermanentNegative => println!("give up"),
//! }
//! # Ok::<(), smtp_codes::InvalidReplyCode>(())
//! ```
//!
//! # Why a reply failed, and what to do
//!
//! Big providers give registered codes their own meanings (Gmail's `5.7.27` is an SPF failure,
//! the registry's `X.7.27` a null MX); both readings stay reachable. A sender needs a decision
//! more than a definition: [`Reply::classify`] names the reason, whether to retry, and whether
//! to stop writing to the address, with the rule and its sources.
//!
//! ```
//! use smtp_codes::{Command, Provider, Reason, Reply, Retry};
//!
//! let (reply, _) = Reply::parse(b"550 5.7.27 The sender does not pass SPF. x1si2 - gsmtp\r\n")?;
//! assert_eq!(reply.provider(), Some(Provider::Google));
//! assert!(reply.provider_meaning(None).unwrap().differs_from_registry());
//! let why = reply.classify(Some(Command::Rcpt));
//! assert_eq!(why.reason(), Reason::AuthenticationFailed);
//! assert_eq!(why.retry(), Retry::DoNotRetry);
//! assert!(!why.suppress_recipient()); // the sending domain is at fault, not the address
//! # Ok::<(), smtp_codes::ParseError>(())
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
//!         assert_eq!(reply.retry(), smtp_codes::Retry::DoNotRetry);
//!         assert_eq!(used, buffer.len());
//!     }
//!     Err(ParseError::Incomplete) => { /* read more, then parse again */ }
//!     Err(error) => panic!("not an SMTP reply: {error}"),
//! }
//! ```
//!
//! ## A client's read loop
//!
//! Read into a growing buffer, take every complete reply it holds (a server answering
//! pipelined commands sends several at once), keep the rest for the next read. After a
//! malformed line [`ParseError::skip`] says how far to drop and the stream goes on; after a
//! limit ([`ParseError::TooLarge`], [`ParseError::TooManyLines`]) it does not.
//!
//! ```
//! use std::io::{self, Read};
//! use smtp_codes::{ParseError, Parser, Reply};
//!
//! /// Reads replies until the peer closes, handing each (or why it was refused) to `on_reply`.
//! fn read_replies(
//!     socket: &mut impl Read,
//!     parser: Parser,
//!     mut on_reply: impl FnMut(Result<Reply<'_>, ParseError>),
//! ) -> io::Result<()> {
//!     let mut buffer = Vec::new();
//!     let mut chunk = [0u8; 4096];
//!     loop {
//!         let mut start = 0;
//!         loop {
//!             match parser.parse(&buffer[start..]) {
//!                 Ok((reply, used)) => {
//!                     on_reply(Ok(reply));
//!                     start += used;
//!                 }
//!                 Err(ParseError::Incomplete) => break, // read more
//!                 Err(error) => {
//!                     on_reply(Err(error));
//!                     match error.skip() {
//!                         Some(skip) => start += skip, // log it and go on after it
//!                         None => return Err(io::Error::new(io::ErrorKind::InvalidData, error)),
//!                     }
//!                 }
//!             }
//!         }
//!         buffer.drain(..start);
//!         let read = socket.read(&mut chunk)?;
//!         if read == 0 {
//!             return Ok(());
//!         }
//!         buffer.extend_from_slice(&chunk[..read]);
//!     }
//! }
//!
//! /// A socket that delivers what the server sent in the pieces it arrived in.
//! struct Socket(Vec<&'static [u8]>);
//! impl Read for Socket {
//!     fn read(&mut self, out: &mut [u8]) -> io::Result<usize> {
//!         if self.0.is_empty() {
//!             return Ok(0);
//!         }
//!         let piece = self.0.remove(0);
//!         let n = piece.len().min(out.len());
//!         out[..n].copy_from_slice(&piece[..n]);
//!         if n < piece.len() {
//!             self.0.insert(0, &piece[n..]);
//!         }
//!         Ok(n)
//!     }
//! }
//!
//! /// What a client would log.
//! fn describe(result: Result<Reply<'_>, ParseError>) -> String {
//!     match result {
//!         Ok(reply) => reply.to_string(),
//!         Err(error) => format!("error: {error}"),
//!     }
//! }
//!
//! // An EHLO reply cut mid-line, three pipelined replies in one read, a line that is no reply.
//! let mut socket = Socket(vec![
//!     b"250-mx.example.org\r\n250-PIPE",
//!     b"LINING\r\n250 SIZE 35882577\r\n",
//!     b"250 2.1.0 Ok\r\n250 2.1.5 Ok\r\n354 End data with <CR><LF>.<CR><LF>\r\n",
//!     b"HTTP/1.1 400 Bad Request\r\n550 5.1.1 no such user\r\n",
//! ]);
//! let mut seen = Vec::new();
//! read_replies(&mut socket, Parser::new(), |result| seen.push(describe(result)))?;
//! assert_eq!(seen, [
//!     "250 mx.example.org PIPELINING SIZE 35882577",
//!     "250 2.1.0 Ok",
//!     "250 2.1.5 Ok",
//!     "354 End data with <CR><LF>.<CR><LF>",
//!     "error: not an SMTP reply: line 1: does not start with a three-digit reply code",
//!     "550 5.1.1 no such user",
//! ]);
//!
//! // A peer that never ends its reply is cut off at the parser's limit.
//! let endless = b"250-this never ends\r\n".repeat(100).leak();
//! let mut socket = Socket(vec![endless]);
//! let mut seen = Vec::new();
//! let parser = Parser::new().max_size(1024);
//! let error = read_replies(&mut socket, parser, |result| seen.push(describe(result))).unwrap_err();
//! assert_eq!(error.kind(), io::ErrorKind::InvalidData);
//! assert_eq!(seen, ["error: SMTP reply is larger than 1024 bytes"]);
//! # Ok::<(), io::Error>(())
//! ```
//!
//! # Write replies
//!
//! [`write_reply`] and [`write_reply_of`] write correct reply lines: the enhanced code on
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
//! - `std` (default): implies `alloc`. The crate needs nothing from `std` itself, so
//!   `default-features = false, features = ["alloc"]` gives the same API without it.
//! - `alloc`: `OwnedReply`, `render_reply`, `render_reply_of`, and [`SmtpReply`] for
//!   `Box<T>`.
//! - `derive`: `#[derive(SmtpReply)]`, so that `use smtp_codes::SmtpReply;` brings the trait
//!   and the derive, as serde's `derive` feature does.
//! - `tokio-codec`: `ReplyCodec`, a `tokio_util::codec` decoder of replies (as `OwnedReply`)
//!   and encoder of replies, for async clients and servers; it brings in tokio-util (codec
//!   only) and bytes.
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
mod classify;
mod enhanced;
// The doc lines of the generated constants are prose from data/smtp-codes.yaml.
#[allow(clippy::doc_markdown)]
#[rustfmt::skip]
mod generated;
mod info;
mod lookup;
mod provider;
mod reply_code;
mod retry;
#[cfg(feature = "serde")]
mod serde_impls;
mod smtp_reply;
mod wire;

pub use class::Class;
pub use classify::{Classification, Command, Reason, Rule, RuleExample, Scope};
pub use enhanced::{EnhancedCode, InvalidEnhancedCode};
pub use generated::{
    EnhancedInfo, ProviderCodeInfo, ProviderDocument, Reference, ReplyInfo, ReplyText, Status,
    SubjectInfo,
};
pub use info::{ENHANCED_CODES, REPLY_CODES, SUBJECTS};
pub use provider::Provider;
pub use reply_code::{InvalidReplyCode, ReplyCode};
pub use retry::Retry;
/// Derives [`SmtpReply`](trait@SmtpReply) for a struct or enum from its `#[smtp(...)]`
/// attributes, checking every code against this crate's table at compile time.
///
#[cfg(feature = "derive")]
#[cfg_attr(docsrs, doc(cfg(feature = "derive")))]
pub use smtp_codes_derive::SmtpReply;
pub use smtp_reply::SmtpReply;
#[cfg(feature = "tokio-codec")]
#[cfg_attr(docsrs, doc(cfg(feature = "tokio-codec")))]
pub use wire::codec::{CodecError, ReplyCodec};
#[cfg(feature = "alloc")]
pub use wire::owned::OwnedReply;
#[allow(deprecated)]
pub use wire::render::write_smtp_reply;
#[cfg(feature = "alloc")]
#[allow(deprecated)]
pub use wire::render::{render_reply, render_reply_of, render_smtp_reply};
pub use wire::{
    anomaly::{Anomaly, AnomalyKind},
    error::{Malformed, ParseError},
    render::{RenderError, Renderer, write_reply, write_reply_of},
    reply::{Parser, Reply, ReplyLine, ReplyLines, StreamParser},
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

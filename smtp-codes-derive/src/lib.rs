//! `#[derive(SmtpReply)]`: attach SMTP reply codes to error types, checked against the
//! smtp-codes table at compile time.
//!
//! Use it through `smtp-codes` with its `derive` feature (`use smtp_codes::SmtpReply;` brings
//! both the trait and the derive); the attribute forms and every compile-time check are
//! documented on [`macro@SmtpReply`].
//!
//! The crate is organised as thiserror's: `ast` reads the input type, `attr` reads the
//! `#[smtp(...)]` attributes (whose keys `symbol` lists once), `valid` checks them against the
//! table, `expand` writes the impl.

#![forbid(unsafe_code)]

mod ast;
mod attr;
mod errors;
mod expand;
#[rustfmt::skip]
mod generated;
mod symbol;
mod table;
mod valid;

use proc_macro::TokenStream;
use syn::{DeriveInput, parse_macro_input};

/// Each `#[smtp(...)]` names the reply code, and optionally the enhanced code, of the type or
/// of one variant; a code the table does not know, or one that does not fit, is a compile error
/// pointing at it.
///
/// ```
/// use smtp_codes::{ReplyCode, SmtpReply};
///
/// #[derive(Debug, SmtpReply)]
/// #[smtp(451, "4.3.0")]                        // enum-wide default
/// enum RcptError {
///     #[smtp(550, "5.1.1")]
///     NoSuchUser,
///     #[smtp(code = 452, enhanced = "4.2.2")]
///     MailboxFull { user: String },
///     #[smtp(MAILBOX_NAME_NOT_ALLOWED)]        // a constant name from the table
///     BadAddress(String),
///     #[smtp(transparent)]                     // forwards to the field's SmtpReply
///     Store(StoreError),
///     #[smtp(571, "5.7.1", undocumented)]      // a code the table deliberately lacks
///     Blocked,
///     Busy,                                    // takes the default: 451 4.3.0
/// }
///
/// #[derive(Debug, SmtpReply)]
/// #[smtp(421, "4.3.2")]
/// struct StoreError;
///
/// assert_eq!(RcptError::NoSuchUser.reply_code(), ReplyCode::MAILBOX_UNAVAILABLE);
/// assert_eq!(RcptError::Busy.enhanced_code().unwrap().to_string(), "4.3.0");
/// assert_eq!(RcptError::Store(StoreError).reply_code(), 421);
/// assert_eq!(RcptError::Blocked.reply_code(), 571);
/// ```
///
/// # Forms
///
/// - `#[smtp(550)]`, `#[smtp(550, "5.1.1")]`, `#[smtp(code = 550, enhanced = "5.1.1")]`; the
///   enhanced code is always a string;
/// - a constant name of `smtp_codes::ReplyCode` instead of the number:
///   `#[smtp(MAILBOX_UNAVAILABLE)]`, `#[smtp(MAILBOX_UNAVAILABLE, "5.1.1")]`, `code = NAME`;
/// - `#[smtp(transparent)]` on a variant or struct with exactly one field: forwards both
///   methods to that field's `SmtpReply` (adding the bound when its type uses a type
///   parameter); a field type that does not implement it is reported at the field;
/// - `#[smtp(571, undocumented)]`, `#[smtp(code = 571, enhanced = "5.7.1", undocumented)]`: a
///   reply code the table does not document, or an enhanced code the IANA registry does not
///   list (`#[smtp(550, "5.7.606", undocumented)]`), used on purpose because servers send it.
///   Everything else is still checked (three digits from 200 to 599, the enhanced code's
///   syntax, its class against the reply's, no enhanced code on a 3xx reply, no deprecated
///   enhanced code), and `undocumented` on an attribute whose codes are all documented is an
///   error, so every use of a code the table lacks is marked and can be searched for;
/// - on an enum, an attribute with a code is the default for variants that have none;
/// - `#[smtp(crate = "path::to::smtp_codes")]` on the type, for crates that re-export
///   smtp-codes under another path.
///
/// Beside thiserror, a variant or struct with `#[error(transparent)]` must also say what it
/// answers with, `#[smtp(transparent)]` or a code of its own: it never silently takes the
/// enum's default.
///
/// # Checked at compile time
///
/// Each mistake is a compile error pointing at the offending token, all of them in one
/// compile: a code that is not three digits from 200 to 599; a code the table does not
/// document (the message lists the documented codes of that family); a misspelt constant name
/// (the message suggests the closest); a malformed enhanced code, or one written as a number
/// (`5.1.1` instead of `"5.1.1"`); an enhanced code not in the IANA registry; a deprecated
/// enhanced code (the message names its replacement); an enhanced class that disagrees with
/// the reply's (`550` with `"4.2.2"`); an enhanced code on a 3xx reply; a variant with no code
/// when the enum has no default; an `#[error(transparent)]` variant or struct without
/// `#[smtp(...)]`; `undocumented` where everything is documented; a duplicated attribute or
/// key; `transparent` on anything but exactly one field, or with a code; an unknown key (the
/// message suggests the key meant, as `enhanced` for `enhanced_code`); a union.
#[proc_macro_derive(SmtpReply, attributes(smtp))]
pub fn derive_smtp_reply(input: TokenStream) -> TokenStream {
    let input = parse_macro_input!(input as DeriveInput);
    expand::derive(&input).into()
}

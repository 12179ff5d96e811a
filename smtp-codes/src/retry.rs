//! [`Retry`]: the one answer to "should I send this again?", from a reply code and its
//! enhanced code.

use core::fmt;

use crate::{Class, EnhancedCode, ReplyCode};

/// What a client should do about a reply: nothing, try again later, or not try again.
///
/// Every type with a reply code answers with the same rules: [`ReplyCode::retry`] (the code
/// alone), [`Reply::retry`](crate::Reply::retry) and [`SmtpReply::retry`](crate::SmtpReply::retry)
/// (code and enhanced code). The rules, in order:
///
/// 1. `2yz` and `3yz` are no failure: [`Retry::NotNeeded`].
/// 2. `4yz` is temporary: [`Retry::Later`]. RFC 5321, section 4.2.1: "the error condition is
///    temporary, and the action may be requested again".
/// 3. `552` with enhanced code X.5.3 (too many recipients) is temporary. RFC 5321, section
///    4.5.3.1.10: "Clients SHOULD treat a 552 code in this case as a temporary, rather than
///    permanent, failure".
/// 4. A `5yz` reply with enhanced code X.2.2 (mailbox full) is temporary. RFC 3463, section
///    3.3, on X.2.2: "This code should be used as a persistent transient failure."
/// 5. Any other `5yz` is permanent: [`Retry::DoNotRetry`]. RFC 5321, section 4.2.1: "The SMTP
///    client SHOULD NOT repeat the exact request".
///
/// An enhanced code whose class disagrees with the reply code (`554 4.4.7`) does not change
/// the answer: RFC 5321, section 4.2, "An SMTP client MUST determine its actions only by the
/// reply code, not by the text", and RFC 2034 carries the enhanced code in the text.
///
/// ```
/// use smtp_codes::{EnhancedCode, ReplyCode, Retry, enhanced_code};
///
/// assert_eq!(ReplyCode::SERVICE_NOT_AVAILABLE.retry(), Retry::Later);
/// assert_eq!(ReplyCode::MAILBOX_UNAVAILABLE.retry(), Retry::DoNotRetry);
/// // Mailbox full: a 5yz reply that RFC 3463 calls a persistent transient failure.
/// let full = Retry::of(ReplyCode::MAILBOX_UNAVAILABLE, Some(enhanced_code!("5.2.2")));
/// assert_eq!(full, Retry::Later);
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Retry {
    /// No failure: the command succeeded (`2yz`) or the server waits for more (`3yz`).
    NotNeeded,
    /// A temporary failure: send the same again later.
    Later,
    /// A permanent failure: the same request would fail again; something must change first.
    DoNotRetry,
}

impl Retry {
    /// The answer for a reply code and, if the reply has one, its enhanced code.
    pub const fn of(code: ReplyCode, enhanced: Option<EnhancedCode>) -> Retry {
        match code.class() {
            Class::PositiveCompletion | Class::PositiveIntermediate => Retry::NotNeeded,
            Class::TransientNegative => Retry::Later,
            Class::PermanentNegative => {
                let (subject, detail) = match enhanced {
                    Some(enhanced) => (enhanced.subject(), enhanced.detail()),
                    None => return Retry::DoNotRetry,
                };
                let too_many_recipients = code.as_u16() == 552 && subject == 5 && detail == 3;
                let mailbox_full = subject == 2 && detail == 2;
                if too_many_recipients || mailbox_full {
                    Retry::Later
                } else {
                    Retry::DoNotRetry
                }
            }
        }
    }

    /// Whether the reply reports a failure (temporary or permanent).
    pub const fn is_failure(self) -> bool {
        !matches!(self, Retry::NotNeeded)
    }

    /// A short name: `not_needed`, `later` or `do_not_retry`.
    pub const fn name(self) -> &'static str {
        match self {
            Retry::NotNeeded => "not_needed",
            Retry::Later => "later",
            Retry::DoNotRetry => "do_not_retry",
        }
    }

    /// What the client should do, in a few words for a person.
    pub const fn advice(self) -> &'static str {
        match self {
            Retry::NotNeeded => "no failure: nothing to retry",
            Retry::Later => "temporary failure: try again later",
            Retry::DoNotRetry => "permanent failure: do not retry until something changes",
        }
    }
}

impl fmt::Display for Retry {
    /// Writes [`advice`](Retry::advice).
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.advice())
    }
}

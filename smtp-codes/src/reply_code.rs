//! [`ReplyCode`]: a three-digit SMTP reply code, known or not.

use core::fmt;
use core::str::FromStr;

use crate::generated::REPLY_TABLE;
use crate::lookup::reply_index;
use crate::{Class, ReplyInfo};

/// A three-digit SMTP reply code from 200 to 599 (RFC 5321, section 4.2).
///
/// Any well-formed code is a value, documented or not: servers send codes such as 571 or 599
/// that no RFC defines, and they must survive a round trip. The documented ones are associated
/// constants ([`ReplyCode::MAILBOX_UNAVAILABLE`]) and have an [`info`](ReplyCode::info) entry.
///
/// ```
/// use smtp_codes::{Class, ReplyCode};
///
/// let code: ReplyCode = "550".parse()?;
/// assert_eq!(code, ReplyCode::MAILBOX_UNAVAILABLE);
/// assert_eq!(code, 550);
/// assert_eq!(code.class(), Class::PermanentNegative);
/// assert_eq!(code.info().unwrap().name(), "MAILBOX_UNAVAILABLE");
/// assert_eq!(format!("{code:#}"), "550 Requested action not taken: mailbox unavailable");
///
/// let odd = ReplyCode::from_u16(599)?;
/// assert!(odd.info().is_none() && odd.is_permanent_negative());
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct ReplyCode(u16);

impl ReplyCode {
    /// For the generated constants and tables, which hold only codes from 200 to 599.
    pub(crate) const fn new_unchecked(code: u16) -> ReplyCode {
        ReplyCode(code)
    }

    /// The code `code`, if it is from 200 to 599.
    ///
    /// ```
    /// use smtp_codes::ReplyCode;
    ///
    /// assert_eq!(ReplyCode::from_u16(220), Ok(ReplyCode::SERVICE_READY));
    /// assert!(ReplyCode::from_u16(199).is_err());
    /// assert!(ReplyCode::from_u16(600).is_err());
    /// ```
    pub const fn from_u16(code: u16) -> Result<ReplyCode, InvalidReplyCode> {
        if code >= 200 && code <= 599 {
            Ok(ReplyCode(code))
        } else {
            Err(InvalidReplyCode {
                kind: InvalidKind::OutOfRange(code),
            })
        }
    }

    /// Exactly three ASCII digits from 200 to 599, as a reply line starts: no sign, spaces
    /// or other bytes.
    ///
    /// ```
    /// use smtp_codes::ReplyCode;
    ///
    /// assert_eq!(ReplyCode::from_bytes(b"550"), Ok(ReplyCode::MAILBOX_UNAVAILABLE));
    /// assert!(ReplyCode::from_bytes(b"55").is_err());
    /// assert!(ReplyCode::from_bytes(b"650").is_err());
    /// assert_eq!(ReplyCode::try_from(&b"250"[..]), Ok(ReplyCode::OK));
    /// ```
    pub const fn from_bytes(bytes: &[u8]) -> Result<ReplyCode, InvalidReplyCode> {
        match bytes {
            &[a, b, c] if a.is_ascii_digit() && b.is_ascii_digit() && c.is_ascii_digit() => {
                ReplyCode::from_u16(three_digits(a, b, c))
            }
            _ => Err(InvalidReplyCode {
                kind: InvalidKind::NotThreeDigits,
            }),
        }
    }

    /// The code as a number.
    pub const fn as_u16(self) -> u16 {
        self.0
    }

    /// The class, from the first digit.
    pub const fn class(self) -> Class {
        match self.0 / 100 {
            2 => Class::PositiveCompletion,
            3 => Class::PositiveIntermediate,
            4 => Class::TransientNegative,
            _ => Class::PermanentNegative,
        }
    }

    /// What the table documents about this code; `None` for a well-formed code no source
    /// documents.
    ///
    /// Non-standard codes have entries too: check [`ReplyInfo::status`] before presenting one
    /// as standard.
    pub const fn info(self) -> Option<&'static ReplyInfo> {
        match reply_index(self.0) {
            Some(index) => Some(&REPLY_TABLE[index]),
            None => None,
        }
    }

    /// Whether the code is `2yz`: the action was completed.
    pub const fn is_positive_completion(self) -> bool {
        self.0 / 100 == 2
    }

    /// Whether the code is `3yz`: the server waits for more from the client.
    pub const fn is_positive_intermediate(self) -> bool {
        self.0 / 100 == 3
    }

    /// Whether the code is `4yz` (RFC 5321's "Transient Negative Completion" class). This is
    /// the class alone; whether to retry is [`retry`](Self::retry), or better
    /// [`Reply::retry`](crate::Reply::retry), which also reads the enhanced code.
    pub const fn is_transient_negative(self) -> bool {
        self.0 / 100 == 4
    }

    /// Whether the code is `5yz` (RFC 5321's "Permanent Negative Completion" class). Some of
    /// these are still worth retrying (a full mailbox): see [`Retry`](crate::Retry).
    pub const fn is_permanent_negative(self) -> bool {
        self.0 / 100 == 5
    }

    /// Every row `provider` documents with this basic code (see
    /// [`Provider::reply_meanings`](crate::Provider::reply_meanings)).
    pub fn provider_meanings(
        self,
        provider: crate::Provider,
    ) -> impl Iterator<Item = &'static crate::ProviderCodeInfo> + 'static {
        provider.reply_meanings(self)
    }

    /// Whether to retry after a reply with this code and no enhanced code: the rules of
    /// [`Retry`](crate::Retry), which for a code alone go by its class.
    ///
    /// ```
    /// use smtp_codes::{ReplyCode, Retry};
    ///
    /// assert_eq!(ReplyCode::OK.retry(), Retry::NotNeeded);
    /// assert_eq!(ReplyCode::SERVICE_NOT_AVAILABLE.retry(), Retry::Later);
    /// ```
    pub const fn retry(self) -> crate::Retry {
        crate::Retry::of(self, None)
    }
}

impl fmt::Display for ReplyCode {
    /// Writes the three digits (`550`); the alternate form (`{:#}`) adds the first text an
    /// RFC gives the code (`550 Requested action not taken: mailbox unavailable`). Codes no RFC
    /// defines ([`Status::NonStandard`](crate::Status::NonStandard)) get no text, so nothing
    /// is presented as standard that is not.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}", self.0)?;
        if f.alternate() {
            let standard_text = self
                .info()
                .filter(|info| info.status() != crate::Status::NonStandard)
                .and_then(ReplyInfo::text);
            if let Some(text) = standard_text {
                write!(f, " {text}")?;
            }
        }
        Ok(())
    }
}

impl fmt::Debug for ReplyCode {
    /// Writes the number and, for a documented code, its name: `ReplyCode(550 MAILBOX_UNAVAILABLE)`.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self.info() {
            Some(info) => write!(f, "ReplyCode({} {})", self.0, info.name()),
            None => write!(f, "ReplyCode({})", self.0),
        }
    }
}

impl TryFrom<u16> for ReplyCode {
    type Error = InvalidReplyCode;

    fn try_from(code: u16) -> Result<Self, Self::Error> {
        ReplyCode::from_u16(code)
    }
}

impl From<ReplyCode> for u16 {
    fn from(code: ReplyCode) -> u16 {
        code.0
    }
}

impl PartialEq<u16> for ReplyCode {
    fn eq(&self, other: &u16) -> bool {
        self.0 == *other
    }
}

impl PartialEq<ReplyCode> for u16 {
    fn eq(&self, other: &ReplyCode) -> bool {
        *self == other.0
    }
}

impl FromStr for ReplyCode {
    type Err = InvalidReplyCode;

    /// Parses exactly three ASCII digits from 200 to 599: no sign, spaces or other characters.
    fn from_str(s: &str) -> Result<Self, Self::Err> {
        ReplyCode::from_bytes(s.as_bytes())
    }
}

impl TryFrom<&[u8]> for ReplyCode {
    type Error = InvalidReplyCode;

    /// As [`ReplyCode::from_bytes`].
    fn try_from(bytes: &[u8]) -> Result<Self, Self::Error> {
        ReplyCode::from_bytes(bytes)
    }
}

/// The number three ASCII digits write.
pub(crate) const fn three_digits(a: u8, b: u8, c: u8) -> u16 {
    // The digits' offsets subtracted once: b'0' * 111 is 5328.
    a as u16 * 100 + b as u16 * 10 + c as u16 - 5328
}

/// The error for a number or string that is not a reply code from 200 to 599.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct InvalidReplyCode {
    kind: InvalidKind,
}

#[derive(Debug, Clone, PartialEq, Eq)]
enum InvalidKind {
    OutOfRange(u16),
    NotThreeDigits,
}

impl fmt::Display for InvalidReplyCode {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self.kind {
            InvalidKind::OutOfRange(code) => {
                write!(
                    f,
                    "{code} is not an SMTP reply code: reply codes run from 200 to 599"
                )
            }
            InvalidKind::NotThreeDigits => f.write_str(
                "not an SMTP reply code: expected exactly three ASCII digits from 200 to 599",
            ),
        }
    }
}

impl core::error::Error for InvalidReplyCode {}

//! [`EnhancedCode`]: an RFC 3463 enhanced status code such as `5.1.1`.

use core::fmt;
use core::str::FromStr;

use crate::generated::ENHANCED_TABLE;
use crate::lookup::enhanced_index;
use crate::{Class, EnhancedInfo};

/// An enhanced status code `class.subject.detail` (RFC 3463, section 2): the class is 2, 4 or
/// 5, the subject and the detail have one to three digits (0 to 999).
///
/// Any well-formed code is a value; [`info`](EnhancedCode::info) finds the IANA registry's
/// `X.subject.detail` entry for it, whatever the class.
///
/// ```
/// use smtp_codes::{Class, EnhancedCode};
///
/// let code: EnhancedCode = "5.1.1".parse()?;
/// assert_eq!(code, EnhancedCode::new(5, 1, 1)?);
/// assert_eq!((code.class(), code.subject(), code.detail()), (Class::PermanentNegative, 1, 1));
/// assert_eq!(code.info().unwrap().title(), Some("Bad destination mailbox address"));
/// assert_eq!(code.to_string(), "5.1.1");
/// assert!("6.1.1".parse::<EnhancedCode>().is_err());
/// # Ok::<(), smtp_codes::InvalidEnhancedCode>(())
/// ```
#[derive(Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct EnhancedCode {
    class: Class,
    subject: u16,
    detail: u16,
}

impl EnhancedCode {
    /// The code `class.subject.detail`; `class` must be 2, 4 or 5, `subject` and `detail` at
    /// most 999.
    pub const fn new(
        class: u8,
        subject: u16,
        detail: u16,
    ) -> Result<EnhancedCode, InvalidEnhancedCode> {
        let class = match class {
            2 => Class::PositiveCompletion,
            4 => Class::TransientNegative,
            5 => Class::PermanentNegative,
            _ => return Err(InvalidEnhancedCode::new(Reason::Class)),
        };
        if subject > 999 {
            return Err(InvalidEnhancedCode::new(Reason::SubjectTooLarge));
        }
        if detail > 999 {
            return Err(InvalidEnhancedCode::new(Reason::DetailTooLarge));
        }
        Ok(EnhancedCode {
            class,
            subject,
            detail,
        })
    }

    /// A code from parts already known to be valid (the generated tables).
    pub(crate) const fn from_parts(class: Class, subject: u16, detail: u16) -> EnhancedCode {
        EnhancedCode {
            class,
            subject,
            detail,
        }
    }

    /// What `provider` documents this code to mean, when it does (see
    /// [`Provider::meaning`](crate::Provider::meaning)); the registry's reading is
    /// [`info`](Self::info).
    ///
    /// ```
    /// use smtp_codes::{Provider, enhanced_code};
    ///
    /// let code = enhanced_code!("5.1.10");
    /// assert_eq!(code.info().unwrap().title(), Some("Recipient address has null MX"));
    /// assert!(code.provider_meaning(Provider::Microsoft).unwrap().differs_from_registry());
    /// ```
    pub fn provider_meaning(
        self,
        provider: crate::Provider,
    ) -> Option<&'static crate::ProviderCodeInfo> {
        provider.meaning(None, self)
    }

    /// Parses `class.subject.detail` in const context, with the same rules as [`FromStr`]:
    /// exactly the three dot-separated numbers, no signs, spaces, leading zeros (RFC 3463,
    /// section 2) or other characters.
    ///
    /// [`enhanced_code!`](crate::enhanced_code) uses it to check a literal at compile time.
    pub const fn parse(s: &str) -> Result<EnhancedCode, InvalidEnhancedCode> {
        match EnhancedCode::parse_prefix(s.as_bytes()) {
            Ok((code, end)) if end == s.len() => Ok(code),
            Ok(_) => Err(InvalidEnhancedCode::new(Reason::Syntax)),
            Err(reason) => Err(InvalidEnhancedCode::new(reason)),
        }
    }

    /// The enhanced code at the start of `bytes` and its length: the one reading of RFC 3463's
    /// `class.subject.detail` grammar, for [`parse`](Self::parse) (which wants nothing after it)
    /// and for reply lines (where text follows).
    #[inline]
    pub(crate) const fn parse_prefix(bytes: &[u8]) -> Result<(EnhancedCode, usize), Reason> {
        if bytes.is_empty() {
            return Err(Reason::Empty);
        }
        if bytes.len() < 2 || bytes[1] != b'.' || !bytes[0].is_ascii_digit() {
            return Err(Reason::Syntax);
        }
        let (subject, next) = match number(bytes, 2) {
            Ok(found) => found,
            Err(reason) => return Err(reason),
        };
        if next >= bytes.len() || bytes[next] != b'.' {
            return Err(Reason::Syntax);
        }
        let (detail, end) = match number(bytes, next + 1) {
            Ok(found) => found,
            Err(reason) => return Err(reason),
        };
        match EnhancedCode::new(bytes[0] - b'0', subject, detail) {
            Ok(code) => Ok((code, end)),
            Err(error) => Err(error.reason),
        }
    }

    /// The class: 2, 4 or 5 as a [`Class`] (never [`Class::PositiveIntermediate`]).
    pub const fn class(self) -> Class {
        self.class
    }

    /// The subject, the middle number (0 to 999).
    pub const fn subject(self) -> u16 {
        self.subject
    }

    /// The detail, the last number (0 to 999).
    pub const fn detail(self) -> u16 {
        self.detail
    }

    /// The registry's `X.subject.detail` entry for this code, if registered. The class is not
    /// part of the lookup: `4.2.2` and `5.2.2` find the same entry.
    pub const fn info(self) -> Option<&'static EnhancedInfo> {
        match enhanced_index(self.subject, self.detail) {
            Some(index) => Some(&ENHANCED_TABLE[index]),
            None => None,
        }
    }
}

/// Reads 1 to 3 digits from `start`; returns the value and the index after them.
#[inline]
const fn number(bytes: &[u8], start: usize) -> Result<(u16, usize), Reason> {
    let Some(first) = digit_at(bytes, start) else {
        return Err(Reason::Syntax);
    };
    let Some(second) = digit_at(bytes, start + 1) else {
        return Ok((first, start + 1));
    };
    let (value, end) = match digit_at(bytes, start + 2) {
        None => (first * 10 + second, start + 2),
        Some(_) if digit_at(bytes, start + 3).is_some() => return Err(Reason::TooManyDigits),
        Some(third) => (first * 100 + second * 10 + third, start + 3),
    };
    if first == 0 {
        Err(Reason::LeadingZero)
    } else {
        Ok((value, end))
    }
}

/// The value of the ASCII digit at `index`, if there is one.
#[inline]
const fn digit_at(bytes: &[u8], index: usize) -> Option<u16> {
    if index < bytes.len() && bytes[index].is_ascii_digit() {
        Some((bytes[index] - b'0') as u16)
    } else {
        None
    }
}

impl fmt::Display for EnhancedCode {
    /// Writes `class.subject.detail`, e.g. `5.1.1`.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}.{}.{}", self.class.digit(), self.subject, self.detail)
    }
}

impl fmt::Debug for EnhancedCode {
    /// Writes the code and, when registered, its title: `EnhancedCode(5.1.1 Bad destination mailbox address)`.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self.info().and_then(EnhancedInfo::title) {
            Some(title) => write!(f, "EnhancedCode({self} {title})"),
            None => write!(f, "EnhancedCode({self})"),
        }
    }
}

impl FromStr for EnhancedCode {
    type Err = InvalidEnhancedCode;

    /// Parses `class.subject.detail` exactly, as [`EnhancedCode::parse`] does.
    fn from_str(s: &str) -> Result<Self, Self::Err> {
        EnhancedCode::parse(s)
    }
}

/// The error for a value or string that is not an RFC 3463 enhanced status code.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct InvalidEnhancedCode {
    reason: Reason,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Reason {
    Empty,
    Syntax,
    Class,
    TooManyDigits,
    LeadingZero,
    SubjectTooLarge,
    DetailTooLarge,
}

impl InvalidEnhancedCode {
    const fn new(reason: Reason) -> Self {
        InvalidEnhancedCode { reason }
    }
}

impl fmt::Display for InvalidEnhancedCode {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(match self.reason {
            Reason::Empty => "empty string is not an enhanced status code",
            Reason::Syntax => {
                "not an enhanced status code: expected class.subject.detail, such as 5.1.1, \
                 with nothing around it"
            }
            Reason::Class => {
                "not an enhanced status code: the class (first number) must be 2, 4 or 5"
            }
            Reason::TooManyDigits => {
                "not an enhanced status code: subject and detail have at most three digits"
            }
            Reason::LeadingZero => {
                "not an enhanced status code: RFC 3463 writes subject and detail without \
                 leading zeros"
            }
            Reason::SubjectTooLarge => {
                "not an enhanced status code: the subject must be at most 999"
            }
            Reason::DetailTooLarge => "not an enhanced status code: the detail must be at most 999",
        })
    }
}

impl core::error::Error for InvalidEnhancedCode {}

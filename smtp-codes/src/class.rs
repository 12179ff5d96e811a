//! The four reply classes: what the first digit of a reply code says.

use core::fmt;

use crate::generated::{CLASS_DESCRIPTIONS, CLASS_NAMES};

/// The class of a reply: its first digit (RFC 5321, section 4.2.1).
///
/// Enhanced status codes (RFC 3463) use the same digits, except that 3 does not occur there.
///
/// ```
/// use smtp_codes::{Class, ReplyCode};
///
/// assert_eq!(ReplyCode::MAILBOX_UNAVAILABLE.class(), Class::PermanentNegative);
/// assert_eq!(Class::TransientNegative.digit(), 4);
/// assert_eq!(Class::from_digit(3), Some(Class::PositiveIntermediate));
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Class {
    /// `2yz`: the requested action was completed.
    PositiveCompletion,
    /// `3yz`: the command was accepted and the server waits for more (as after `DATA`).
    PositiveIntermediate,
    /// `4yz`: not done, but the condition is temporary; the same request may succeed later.
    TransientNegative,
    /// `5yz`: not done, and repeating the same request will not help.
    PermanentNegative,
}

impl Class {
    /// The class whose first digit is `digit` (2 to 5).
    pub const fn from_digit(digit: u8) -> Option<Class> {
        match digit {
            2 => Some(Class::PositiveCompletion),
            3 => Some(Class::PositiveIntermediate),
            4 => Some(Class::TransientNegative),
            5 => Some(Class::PermanentNegative),
            _ => None,
        }
    }

    /// The first digit of codes in this class.
    pub const fn digit(self) -> u8 {
        match self {
            Class::PositiveCompletion => 2,
            Class::PositiveIntermediate => 3,
            Class::TransientNegative => 4,
            Class::PermanentNegative => 5,
        }
    }

    /// The RFC 5321 name of the class, e.g. "Permanent Negative Completion".
    pub const fn name(self) -> &'static str {
        CLASS_NAMES[(self.digit() - 2) as usize]
    }

    /// What the class means, in this project's words.
    pub const fn description(self) -> &'static str {
        CLASS_DESCRIPTIONS[(self.digit() - 2) as usize]
    }
}

impl fmt::Display for Class {
    /// Writes the class name, e.g. "Transient Negative Completion".
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.name())
    }
}

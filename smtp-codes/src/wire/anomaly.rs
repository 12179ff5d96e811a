//! What a reply does that RFC 5321 or RFC 2034 does not allow, but real servers send anyway.

use core::fmt;

/// One deviation from RFC 5321 (reply syntax, section 4.2) or RFC 2034 (enhanced codes),
/// found on one line of a reply. A lenient parse records them; a strict parse refuses the
/// reply at the first one.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct Anomaly {
    pub(crate) line: usize,
    pub(crate) kind: AnomalyKind,
}

impl Anomaly {
    /// The line it was found on, counting from 1.
    pub const fn line(&self) -> usize {
        self.line
    }

    /// What was found.
    pub const fn kind(&self) -> AnomalyKind {
        self.kind
    }
}

impl fmt::Display for Anomaly {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "line {}: {}", self.line, self.kind)
    }
}

/// The kinds of [`Anomaly`].
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
#[non_exhaustive]
pub enum AnomalyKind {
    /// The line ends with a bare LF instead of CRLF (RFC 5321, section 2.3.8).
    BareLineFeed,
    /// The final line is the code alone, without the SP that RFC 5321 section 4.2 says
    /// servers SHOULD send (`421\r\n`).
    CodeOnly,
    /// The code is followed by SP and nothing: RFC 5321's `textstring` is not empty
    /// (`250 \r\n`).
    EmptyText,
    /// The second digit is above 5, outside RFC 5321's `Reply-code` grammar (`571`, `599`).
    SecondDigitOutOfRange,
    /// A line's code differs from the first line's; RFC 5321 section 4.2.1 says every line of
    /// a multiline reply MUST carry the same code. The reply takes the final line's code.
    CodeMismatch,
    /// The enhanced code's class differs from the reply's first digit (`554 4.4.7`), which
    /// RFC 3463 section 2 and RFC 2034 do not allow. The enhanced code is still reported.
    EnhancedClassMismatch,
    /// The line is longer than the 512 octets, CRLF included, of RFC 5321 section 4.5.3.1.5.
    LineTooLong,
    /// The text holds UTF-8 beyond ASCII: allowed only after SMTPUTF8 (RFC 6531), outside
    /// RFC 5321's printable US-ASCII.
    NonAsciiText,
    /// The text holds bytes that are not UTF-8 (a legacy charset such as GBK).
    InvalidUtf8Text,
    /// The text holds control characters other than HT (a CR is [`BareCarriageReturn`]).
    ///
    /// [`BareCarriageReturn`]: AnomalyKind::BareCarriageReturn
    ControlCharacter,
    /// The text holds a CR that is not part of the line's CRLF (RFC 5321, section 2.3.8,
    /// allows CR only there). Servers that echo a command they did not recognise send one
    /// (`500 Error: command "NOOP\rRSET" not recognized`); the line still ends at its LF.
    BareCarriageReturn,
}

impl AnomalyKind {
    pub(crate) const ALL: [AnomalyKind; 11] = [
        AnomalyKind::BareLineFeed,
        AnomalyKind::CodeOnly,
        AnomalyKind::EmptyText,
        AnomalyKind::SecondDigitOutOfRange,
        AnomalyKind::CodeMismatch,
        AnomalyKind::EnhancedClassMismatch,
        AnomalyKind::LineTooLong,
        AnomalyKind::NonAsciiText,
        AnomalyKind::InvalidUtf8Text,
        AnomalyKind::ControlCharacter,
        AnomalyKind::BareCarriageReturn,
    ];

    const fn bit(self) -> u16 {
        1 << self as u16
    }

    /// A short description, as [`Display`](fmt::Display) writes it.
    pub const fn description(self) -> &'static str {
        match self {
            AnomalyKind::BareLineFeed => "line ends with a bare LF instead of CRLF",
            AnomalyKind::CodeOnly => "the code is not followed by a space",
            AnomalyKind::EmptyText => "the code is followed by a space and no text",
            AnomalyKind::SecondDigitOutOfRange => "the second digit of the code is above 5",
            AnomalyKind::CodeMismatch => "the code differs from the first line's",
            AnomalyKind::EnhancedClassMismatch => {
                "the enhanced code's class differs from the reply code's"
            }
            AnomalyKind::LineTooLong => "the line is longer than 512 octets",
            AnomalyKind::NonAsciiText => "the text is UTF-8 beyond ASCII",
            AnomalyKind::InvalidUtf8Text => "the text is not UTF-8",
            AnomalyKind::ControlCharacter => "the text holds control characters",
            AnomalyKind::BareCarriageReturn => "the text holds a CR that does not end the line",
        }
    }
}

impl fmt::Display for AnomalyKind {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.description())
    }
}

/// A set of anomaly kinds, one bit each.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default)]
pub(crate) struct AnomalySet(u16);

impl AnomalySet {
    pub(crate) const EMPTY: AnomalySet = AnomalySet(0);

    pub(crate) fn insert(&mut self, kind: AnomalyKind) {
        self.0 |= kind.bit();
    }

    pub(crate) const fn contains(self, kind: AnomalyKind) -> bool {
        self.0 & kind.bit() != 0
    }

    pub(crate) const fn is_empty(self) -> bool {
        self.0 == 0
    }

    pub(crate) fn union(self, other: AnomalySet) -> AnomalySet {
        AnomalySet(self.0 | other.0)
    }

    /// The kinds in the set, in declaration order.
    pub(crate) fn iter(self) -> impl Iterator<Item = AnomalyKind> {
        AnomalyKind::ALL
            .into_iter()
            .filter(move |kind| self.contains(*kind))
    }
}

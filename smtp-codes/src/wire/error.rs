//! [`ParseError`]: why bytes are not (yet) a reply.

use core::fmt;

use crate::wire::anomaly::Anomaly;

/// Why [`Reply::parse`](crate::Reply::parse) returned no reply.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
#[non_exhaustive]
pub enum ParseError {
    /// The input ends before the reply does: read more bytes and parse again from the same
    /// start.
    Incomplete,
    /// A line is not an SMTP reply line, so no amount of further input makes a reply.
    Malformed {
        /// The line, counting from 1.
        line: usize,
        /// What is wrong with it.
        reason: Malformed,
    },
    /// A strict parse met a deviation from RFC 5321 or RFC 2034.
    Strict(Anomaly),
    /// The reply has more lines than the parser allows.
    TooManyLines {
        /// The parser's limit.
        limit: usize,
    },
    /// The reply, complete or not, is larger than the parser allows.
    TooLarge {
        /// The parser's limit, in bytes.
        limit: usize,
    },
}

/// What makes a line unreadable as a reply line.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum Malformed {
    /// The line is empty.
    EmptyLine,
    /// The line does not start with three digits.
    NotAReplyCode,
    /// The code's first digit is not 2, 3, 4 or 5.
    InvalidClass,
    /// The code is followed by something other than SP, `-` or the end of the line (a TAB, a
    /// `+`, a fourth digit).
    InvalidSeparator,
    /// A CR that is not part of a CRLF.
    BareCarriageReturn,
}

impl Malformed {
    const fn description(self) -> &'static str {
        match self {
            Malformed::EmptyLine => "empty line",
            Malformed::NotAReplyCode => "does not start with a three-digit reply code",
            Malformed::InvalidClass => "the reply code's first digit is not 2, 3, 4 or 5",
            Malformed::InvalidSeparator => {
                "the reply code is followed by neither a space, '-' nor the end of the line"
            }
            Malformed::BareCarriageReturn => "a CR that is not followed by LF",
        }
    }
}

impl fmt::Display for Malformed {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.description())
    }
}

impl fmt::Display for ParseError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            ParseError::Incomplete => f.write_str("incomplete SMTP reply: more input is needed"),
            ParseError::Malformed { line, reason } => {
                write!(f, "not an SMTP reply: line {line}: {reason}")
            }
            ParseError::Strict(anomaly) => {
                write!(f, "SMTP reply rejected by strict parsing: {anomaly}")
            }
            ParseError::TooManyLines { limit } => {
                write!(f, "SMTP reply has more than {limit} lines")
            }
            ParseError::TooLarge { limit } => write!(f, "SMTP reply is larger than {limit} bytes"),
        }
    }
}

impl core::error::Error for ParseError {}

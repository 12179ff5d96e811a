//! [`ParseError`]: why bytes are not (yet) a reply.

use core::fmt;

use crate::wire::anomaly::Anomaly;

/// Why [`Reply::parse`](crate::Reply::parse) returned no reply.
///
/// The outcome never depends on how the input was split into reads: each error is reported at
/// the first byte that makes it certain, and any longer input gives the same error. After
/// [`Malformed`](ParseError::Malformed) and [`Strict`](ParseError::Strict) the stream can go
/// on: [`skip`](ParseError::skip) says how many bytes to drop. After
/// [`TooManyLines`](ParseError::TooManyLines) and [`TooLarge`](ParseError::TooLarge) the peer
/// is not worth reading further: close the connection.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
#[non_exhaustive]
pub enum ParseError {
    /// The input ends before the reply does: read more bytes and parse again from the same
    /// start.
    Incomplete,
    /// A line is not an SMTP reply line. Reported once the line's LF has arrived, so that
    /// `skip` is known.
    Malformed {
        /// The line, counting from 1.
        line: usize,
        /// What is wrong with it.
        reason: Malformed,
        /// Bytes to drop to get past the malformed line: the lines before it and the line
        /// itself, LF included. What follows is the next line (or reply) to parse.
        skip: usize,
    },
    /// A strict parse met a deviation from RFC 5321 or RFC 2034. Reported once the reply is
    /// complete, with the first deviation.
    Strict {
        /// The first deviation.
        anomaly: Anomaly,
        /// The length of the refused reply: drop it to read the next one.
        skip: usize,
    },
    /// The reply has more lines than the parser allows (reported when a continuation line
    /// is the last one allowed).
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

impl ParseError {
    /// How many bytes to drop before parsing again, after an error the stream can go on from
    /// ([`Malformed`](ParseError::Malformed) and [`Strict`](ParseError::Strict)); `None` for
    /// the others.
    ///
    /// ```
    /// use smtp_codes::{ParseError, Reply};
    ///
    /// let input = b"HTTP/1.1 400 Bad Request\r\n250 OK\r\n";
    /// let error = Reply::parse(input).unwrap_err();
    /// assert!(matches!(error, ParseError::Malformed { line: 1, .. }));
    /// let (reply, _) = Reply::parse(&input[error.skip().unwrap()..])?;
    /// assert_eq!(reply.code(), 250);
    /// # Ok::<(), ParseError>(())
    /// ```
    pub const fn skip(&self) -> Option<usize> {
        match *self {
            ParseError::Malformed { skip, .. } | ParseError::Strict { skip, .. } => Some(skip),
            ParseError::Incomplete
            | ParseError::TooManyLines { .. }
            | ParseError::TooLarge { .. } => None,
        }
    }
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
    /// `+`, a fourth digit): without it the parser cannot tell whether the reply goes on.
    InvalidSeparator,
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
            ParseError::Malformed { line, reason, .. } => {
                write!(f, "not an SMTP reply: line {line}: {reason}")
            }
            ParseError::Strict { anomaly, .. } => {
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

//! [`Reply`] and [`Parser`]: a zero-copy, streaming parser for replies as servers send them.

use core::fmt::{self, Write as _};

use crate::wire::anomaly::{Anomaly, AnomalyKind, AnomalySet};
use crate::wire::error::ParseError;
use crate::wire::scan::{self, ScannedLine};
use crate::{Class, EnhancedCode, ReplyCode, Retry};

/// How replies are parsed: lenient or strict, and the limits that bound memory.
///
/// ```
/// use smtp_codes::{ParseError, Parser};
///
/// let lenient = Parser::new();
/// let (reply, _) = lenient.parse(b"571 5.7.1 Delivery not authorized\n")?;
/// assert_eq!(reply.anomalies().count(), 2); // bare LF, second digit above 5
///
/// let strict = Parser::new().strict(true);
/// assert!(matches!(strict.parse(b"571 5.7.1 Delivery not authorized\n"), Err(ParseError::Strict { .. })));
/// # Ok::<(), ParseError>(())
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Parser {
    strict: bool,
    smtputf8: bool,
    max_lines: usize,
    max_size: usize,
}

impl Parser {
    /// The default limit on lines per reply. EHLO replies, the longest in practice, have a few
    /// dozen.
    pub const DEFAULT_MAX_LINES: usize = 512;

    /// The default limit on a reply's size, in bytes.
    pub const DEFAULT_MAX_SIZE: usize = 64 * 1024;

    /// A lenient parser with the default limits: it accepts what real servers send and
    /// records each deviation as an [`Anomaly`].
    pub const fn new() -> Parser {
        Parser {
            strict: false,
            smtputf8: false,
            max_lines: Self::DEFAULT_MAX_LINES,
            max_size: Self::DEFAULT_MAX_SIZE,
        }
    }

    /// In strict mode the first anomaly is an error, [`ParseError::Strict`].
    ///
    /// Both modes read a multiline reply whose lines carry different codes the same way, from
    /// its final line, and record [`AnomalyKind::CodeMismatch`]; strict mode refuses it.
    #[must_use]
    pub const fn strict(mut self, strict: bool) -> Parser {
        self.strict = strict;
        self
    }

    /// Whether SMTPUTF8 (RFC 6531) is in effect, so UTF-8 text is allowed and not an anomaly.
    #[must_use]
    pub const fn smtputf8(mut self, smtputf8: bool) -> Parser {
        self.smtputf8 = smtputf8;
        self
    }

    /// The most lines a reply may have ([`ParseError::TooManyLines`] beyond).
    #[must_use]
    pub const fn max_lines(mut self, max_lines: usize) -> Parser {
        self.max_lines = max_lines;
        self
    }

    /// The most bytes a reply may take, complete or not ([`ParseError::TooLarge`] beyond), so
    /// a peer that never ends its reply cannot make a client buffer without end.
    #[must_use]
    pub const fn max_size(mut self, max_size: usize) -> Parser {
        self.max_size = max_size;
        self
    }

    /// The first complete reply at the start of `input`, and how many bytes it used; what
    /// follows (a pipelined reply) is left for the next call.
    ///
    /// [`ParseError::Incomplete`] means the final line has not arrived: read more and call
    /// again with the same start. Every other error is reported at the first byte that makes
    /// it certain (a malformed line once its LF has arrived, a strict refusal once the reply
    /// is complete), so the outcome does not depend on how the input arrived. Nothing is
    /// allocated, and no input makes it panic.
    pub fn parse<'a>(&self, input: &'a [u8]) -> Result<(Reply<'a>, usize), ParseError> {
        let mut start = 0;
        let mut line_number = 0;
        let mut first_code: Option<ReplyCode> = None;
        let mut anomalies = AnomalySet::EMPTY;
        let mut first_anomaly: Option<Anomaly> = None;
        loop {
            let rest = &input[start..];
            let Some(end) = scan::line_end(rest) else {
                return Err(if input.len() > self.max_size {
                    ParseError::TooLarge {
                        limit: self.max_size,
                    }
                } else {
                    ParseError::Incomplete
                });
            };
            let next = start + end.next;
            if next > self.max_size {
                return Err(ParseError::TooLarge {
                    limit: self.max_size,
                });
            }
            line_number += 1;
            if line_number > self.max_lines {
                return Err(ParseError::TooManyLines {
                    limit: self.max_lines,
                });
            }
            let line = scan::scan_line(
                &rest[..end.content],
                if end.bare_lf { 1 } else { 2 },
                end.unusual,
            )
            .map_err(|reason| ParseError::Malformed {
                line: line_number,
                reason,
                skip: next,
            })?;
            let mut found = line.anomalies;
            match first_code {
                Some(first) if first != line.code => found.insert(AnomalyKind::CodeMismatch),
                Some(_) => {}
                None => first_code = Some(line.code),
            }
            let found = self.allowed(found);
            if first_anomaly.is_none() {
                first_anomaly = found.iter().next().map(|kind| Anomaly {
                    line: line_number,
                    kind,
                });
            }
            anomalies = anomalies.union(found);
            start = next;
            if line.continues {
                // Another line must follow, and it would be one too many.
                if line_number >= self.max_lines {
                    return Err(ParseError::TooManyLines {
                        limit: self.max_lines,
                    });
                }
                continue;
            }
            if let (true, Some(anomaly)) = (self.strict, first_anomaly) {
                return Err(ParseError::Strict {
                    anomaly,
                    skip: start,
                });
            }
            let reply = Reply {
                raw: &input[..start],
                code: line.code,
                enhanced: line.enhanced,
                line_count: line_number,
                anomalies,
                smtputf8: self.smtputf8,
            };
            return Ok((reply, start));
        }
    }

    /// With SMTPUTF8, UTF-8 text is no deviation.
    fn allowed(&self, found: AnomalySet) -> AnomalySet {
        if self.smtputf8 {
            found.without(AnomalyKind::NonAsciiText)
        } else {
            found
        }
    }
}

impl Default for Parser {
    fn default() -> Self {
        Parser::new()
    }
}

/// One SMTP reply, borrowed from the bytes it was parsed from (RFC 5321, section 4.2).
///
/// ```
/// use smtp_codes::{Class, Reply, ReplyCode};
///
/// let input = b"550-5.1.1 The email account that you tried to reach does not exist.\r\n\
///               550 5.1.1 Please check the address. - gsmtp\r\n250 OK\r\n";
/// let (reply, used) = Reply::parse(input)?;
/// assert_eq!(reply.code(), ReplyCode::MAILBOX_UNAVAILABLE);
/// assert_eq!(reply.enhanced_code().unwrap().to_string(), "5.1.1");
/// assert_eq!(reply.lines().count(), 2);
/// assert_eq!(reply.lines().last().unwrap(), b"Please check the address. - gsmtp");
/// assert_eq!(reply.retry(), smtp_codes::Retry::DoNotRetry);
/// assert_eq!(&input[used..], b"250 OK\r\n"); // a pipelined reply, left for the next call
/// # Ok::<(), smtp_codes::ParseError>(())
/// ```
#[derive(Clone, Copy, PartialEq, Eq, Hash)]
pub struct Reply<'a> {
    pub(crate) raw: &'a [u8],
    pub(crate) code: ReplyCode,
    pub(crate) enhanced: Option<EnhancedCode>,
    pub(crate) line_count: usize,
    pub(crate) anomalies: AnomalySet,
    pub(crate) smtputf8: bool,
}

impl<'a> Reply<'a> {
    /// The first complete reply in `input` and how many bytes it used, parsed leniently with
    /// the default limits ([`Parser::new`]).
    pub fn parse(input: &'a [u8]) -> Result<(Reply<'a>, usize), ParseError> {
        Parser::new().parse(input)
    }

    /// The reply code: the final line's, when lines disagree (see
    /// [`AnomalyKind::CodeMismatch`]).
    pub const fn code(&self) -> ReplyCode {
        self.code
    }

    /// The reply's class, from its code.
    pub const fn class(&self) -> Class {
        self.code.class()
    }

    /// The RFC 2034 enhanced code at the start of the final line's text, if any.
    pub const fn enhanced_code(&self) -> Option<EnhancedCode> {
        self.enhanced
    }

    /// One item per reply line: its text, without the code, the separator, the enhanced code
    /// and the blanks before the text.
    pub fn lines(&self) -> impl DoubleEndedIterator<Item = &'a [u8]> + use<'a> {
        self.reply_lines().map(|line| line.text)
    }

    /// One item per reply line, with the line's own code and enhanced code.
    pub fn reply_lines(&self) -> ReplyLines<'a> {
        ReplyLines { rest: self.raw }
    }

    /// How many lines the reply has.
    pub const fn line_count(&self) -> usize {
        self.line_count
    }

    /// Whether the reply has more than one line.
    pub const fn is_multiline(&self) -> bool {
        self.line_count > 1
    }

    /// The bytes the reply was parsed from, line terminators included.
    pub const fn as_bytes(&self) -> &'a [u8] {
        self.raw
    }

    /// Whether the reply follows RFC 5321 and RFC 2034 to the letter.
    pub const fn is_clean(&self) -> bool {
        self.anomalies.is_empty()
    }

    /// Every deviation from RFC 5321 and RFC 2034, in line order.
    pub fn anomalies(&self) -> impl Iterator<Item = Anomaly> + use<'a> {
        let first_code = self.reply_lines().next().map(|line| line.code);
        let smtputf8 = self.smtputf8;
        self.reply_lines()
            .enumerate()
            .flat_map(move |(index, line)| {
                let mut kinds = line.anomalies;
                if Some(line.code) != first_code {
                    kinds.insert(AnomalyKind::CodeMismatch);
                }
                if smtputf8 {
                    kinds = kinds.without(AnomalyKind::NonAsciiText);
                }
                kinds.iter().map(move |kind| Anomaly {
                    line: index + 1,
                    kind,
                })
            })
    }

    /// Whether to retry: [`Retry::of`] the reply code and the final line's enhanced code.
    ///
    /// ```
    /// use smtp_codes::{Reply, Retry};
    ///
    /// let (full, _) = Reply::parse(b"552 5.2.2 Mailbox full\r\n")?;
    /// assert_eq!(full.retry(), Retry::Later); // RFC 3463: a persistent transient failure
    /// # Ok::<(), smtp_codes::ParseError>(())
    /// ```
    pub const fn retry(&self) -> Retry {
        Retry::of(self.code, self.enhanced)
    }

    /// Whether [`retry`](Self::retry) is [`Retry::Later`].
    #[deprecated(since = "0.1.0", note = "use `retry()`, which answers with a `Retry`")]
    pub fn is_transient(&self) -> bool {
        self.retry() == Retry::Later
    }

    /// Whether [`retry`](Self::retry) is [`Retry::DoNotRetry`].
    #[deprecated(since = "0.1.0", note = "use `retry()`, which answers with a `Retry`")]
    pub fn is_permanent(&self) -> bool {
        self.retry() == Retry::DoNotRetry
    }
}

impl fmt::Debug for Reply<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("Reply")
            .field("code", &self.code)
            .field("enhanced", &self.enhanced)
            .field("lines", &self.line_count)
            .field("text", &format_args!("{self}"))
            .finish()
    }
}

impl fmt::Display for Reply<'_> {
    /// Writes the reply on one line, for logs: the code, the enhanced code, and the lines'
    /// texts separated by single spaces. Control characters and bytes that are not UTF-8 are
    /// written as `\xHH`, invisible format characters (bidirectional overrides such as
    /// U+202E, zero-width characters) and the line separators U+2028 and U+2029 as
    /// `\u{HHHH}`, so a server can neither forge log lines nor make one read differently. The alternate form (`{:#}`)
    /// writes each line as received, separated by `\n`, escaped the same way.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write_reply_text(f, self.code, self.enhanced, self.reply_lines())
    }
}

pub(crate) fn write_reply_text(
    f: &mut fmt::Formatter<'_>,
    code: ReplyCode,
    enhanced: Option<EnhancedCode>,
    lines: ReplyLines<'_>,
) -> fmt::Result {
    if f.alternate() {
        for (i, line) in lines.enumerate() {
            if i > 0 {
                f.write_str("\n")?;
            }
            write!(f, "{}{}", line.code, if line.last { ' ' } else { '-' })?;
            if let Some(enhanced) = line.enhanced {
                write!(f, "{enhanced} ")?;
            }
            write_escaped(f, line.text)?;
        }
        return Ok(());
    }
    write!(f, "{code}")?;
    if let Some(enhanced) = enhanced {
        write!(f, " {enhanced}")?;
    }
    for line in lines.filter(|line| !line.text.is_empty()) {
        f.write_str(" ")?;
        write_escaped(f, line.text)?;
    }
    Ok(())
}

/// Writes text for a log line: control characters and bytes that are not UTF-8 as `\xHH`,
/// invisible format characters and line separators as `\u{HHHH}` (see [`is_invisible`]), and
/// `\` as `\\`, so a reply can neither break a log line nor make it read differently.
pub(crate) fn write_escaped(f: &mut fmt::Formatter<'_>, text: &[u8]) -> fmt::Result {
    for chunk in text.utf8_chunks() {
        for c in chunk.valid().chars() {
            match c {
                '\\' => f.write_str("\\\\")?,
                c if c.is_control() => {
                    let mut buf = [0u8; 4];
                    for byte in c.encode_utf8(&mut buf).bytes() {
                        write!(f, "\\x{byte:02X}")?;
                    }
                }
                c if is_invisible(c) => write!(f, "\\u{{{:04X}}}", u32::from(c))?,
                c => f.write_char(c)?,
            }
        }
        for byte in chunk.invalid() {
            write!(f, "\\x{byte:02X}")?;
        }
    }
    Ok(())
}

/// Characters that change how text around them is shown without showing themselves: Unicode's
/// format characters (general category Cf, Unicode 16: bidirectional controls such as U+202E,
/// zero-width characters, the soft hyphen, tags) and the line and paragraph separators U+2028
/// and U+2029 (Zl, Zp). Sorted, inclusive ranges.
const INVISIBLE: &[(char, char)] = &[
    ('\u{00AD}', '\u{00AD}'),
    ('\u{0600}', '\u{0605}'),
    ('\u{061C}', '\u{061C}'),
    ('\u{06DD}', '\u{06DD}'),
    ('\u{070F}', '\u{070F}'),
    ('\u{0890}', '\u{0891}'),
    ('\u{08E2}', '\u{08E2}'),
    ('\u{180E}', '\u{180E}'),
    ('\u{200B}', '\u{200F}'),
    ('\u{2028}', '\u{202E}'),
    ('\u{2060}', '\u{2064}'),
    ('\u{2066}', '\u{206F}'),
    ('\u{FEFF}', '\u{FEFF}'),
    ('\u{FFF9}', '\u{FFFB}'),
    ('\u{110BD}', '\u{110BD}'),
    ('\u{110CD}', '\u{110CD}'),
    ('\u{13430}', '\u{1343F}'),
    ('\u{1BCA0}', '\u{1BCA3}'),
    ('\u{1D173}', '\u{1D17A}'),
    ('\u{E0001}', '\u{E0001}'),
    ('\u{E0020}', '\u{E007F}'),
];

/// Whether `c` is in [`INVISIBLE`].
pub(crate) fn is_invisible(c: char) -> bool {
    // Everything below U+00AD is ASCII or Latin-1 controls, handled before this is asked.
    c >= '\u{00AD}'
        && INVISIBLE
            .binary_search_by(|&(low, high)| {
                if high < c {
                    core::cmp::Ordering::Less
                } else if low > c {
                    core::cmp::Ordering::Greater
                } else {
                    core::cmp::Ordering::Equal
                }
            })
            .is_ok()
}

/// The lines of a [`Reply`], in order.
#[derive(Debug, Clone)]
pub struct ReplyLines<'a> {
    rest: &'a [u8],
}

/// One line of a [`Reply`].
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct ReplyLine<'a> {
    code: ReplyCode,
    enhanced: Option<EnhancedCode>,
    text: &'a [u8],
    last: bool,
    anomalies: AnomalySet,
}

impl<'a> ReplyLine<'a> {
    /// The line's own code.
    pub const fn code(&self) -> ReplyCode {
        self.code
    }

    /// The enhanced code at the start of the line's text, if any.
    pub const fn enhanced_code(&self) -> Option<EnhancedCode> {
        self.enhanced
    }

    /// The text, without code, separator, enhanced code and the blanks before the text.
    pub const fn text(&self) -> &'a [u8] {
        self.text
    }

    /// Whether this is the final line (`NNN ` rather than `NNN-`).
    pub const fn is_last(&self) -> bool {
        self.last
    }
}

impl<'a> Iterator for ReplyLines<'a> {
    type Item = ReplyLine<'a>;

    fn next(&mut self) -> Option<ReplyLine<'a>> {
        let (line, rest) = split_line(self.rest)?;
        self.rest = rest;
        Some(line)
    }
}

impl DoubleEndedIterator for ReplyLines<'_> {
    fn next_back(&mut self) -> Option<Self::Item> {
        // Lines end with LF; the last line's LF is the last byte.
        let body = self.rest.strip_suffix(b"\n")?;
        let start = scan::find_last_byte(body, b'\n').map_or(0, |i| i + 1);
        let (line, _) = split_line(&self.rest[start..])?;
        self.rest = &self.rest[..start];
        Some(line)
    }
}

/// The first line of `input` (which was parsed already) and what follows it.
fn split_line(input: &[u8]) -> Option<(ReplyLine<'_>, &[u8])> {
    let lf = scan::find_byte(input, b'\n')?;
    let (content, terminator) = if lf > 0 && input[lf - 1] == b'\r' {
        (lf - 1, 2)
    } else {
        (lf, 1)
    };
    let ScannedLine {
        code,
        continues,
        enhanced,
        text,
        anomalies,
    } = scan::scan_line(
        &input[..content],
        terminator,
        scan::needs_check(&input[..content]),
    )
    .ok()?;
    Some((
        ReplyLine {
            code,
            enhanced,
            text,
            last: !continues,
            anomalies,
        },
        &input[lf + 1..],
    ))
}

impl crate::SmtpReply for Reply<'_> {
    fn reply_code(&self) -> ReplyCode {
        self.code
    }

    fn enhanced_code(&self) -> Option<EnhancedCode> {
        self.enhanced
    }

    fn text_lines(&self) -> Option<ReplyLines<'_>> {
        Some(self.reply_lines())
    }
}

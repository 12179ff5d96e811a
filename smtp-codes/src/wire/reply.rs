//! [`Reply`] and [`Parser`]: a zero-copy, streaming parser for replies as servers send them.

use core::fmt::{self, Write as _};

use crate::wire::anomaly::{Anomaly, AnomalyKind, AnomalySet};
use crate::wire::error::ParseError;
use crate::wire::scan::{self, ScannedLine, Search};
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
    /// again with the same start (or let a [`StreamParser`] remember how far it got, so the
    /// bytes already checked are not checked again). Every other error is reported at the
    /// first byte that makes it certain (a malformed line once its LF has arrived, a strict
    /// refusal once the reply is complete), so the outcome does not depend on how the input
    /// arrived. Nothing is allocated, and no input makes it panic.
    pub fn parse<'a>(&self, input: &'a [u8]) -> Result<(Reply<'a>, usize), ParseError> {
        let mut progress = Progress::START;
        self.resume(input, &mut progress, scan::search_line(input, 0, false))
    }

    /// [`parse`](Self::parse), continuing from `progress`: the lines before
    /// `progress.line_start` were checked by an earlier call on the same bytes, and `search` is
    /// the search for the end of the next line, from `progress.searched`.
    #[inline]
    fn resume<'a>(
        &self,
        input: &'a [u8],
        progress: &mut Progress,
        mut search: Search,
    ) -> Result<(Reply<'a>, usize), ParseError> {
        loop {
            let start = progress.line_start;
            let (lf, content, unusual) = match search {
                Search::Found {
                    lf,
                    content,
                    unusual,
                } => (lf, content, unusual),
                Search::NotYet { searched, unusual } => {
                    return Err(self.not_yet(input.len(), progress, searched, unusual));
                }
            };
            let next = lf + 1;
            let line_number = progress.line_count + 1;
            self.check_limits(next, line_number)?;
            let line = scan::scan_line(
                &input[start..content],
                next - content,
                unusual,
                self.smtputf8,
            )
            .map_err(|reason| ParseError::Malformed {
                line: line_number,
                reason,
                skip: next,
            })?;
            let first_code = *progress.first_code.get_or_insert(line.code);
            progress.anomalies = progress.anomalies.union(line_anomalies(&line, first_code));
            progress.line_count = line_number;
            progress.line_start = next;
            if line.continues {
                progress.early.push(next);
                // Another line must follow, and it would be one too many.
                if line_number >= self.max_lines {
                    return Err(ParseError::TooManyLines {
                        limit: self.max_lines,
                    });
                }
                search = scan::search_line(input, next, false);
                continue;
            }
            let reply = Reply {
                raw: &input[..next],
                code: line.code,
                enhanced: line.enhanced,
                line_count: line_number,
                anomalies: progress.anomalies,
                smtputf8: self.smtputf8,
                // What the parse learned of the lines, so reading them costs no second scan.
                last_start: start,
                last_text: content - line.text.len(),
                early: progress.early,
            };
            if self.strict && !reply.is_clean() {
                // Which anomaly came first is worked out only when it is needed.
                if let Some(anomaly) = reply.anomalies().next() {
                    return Err(ParseError::Strict {
                        anomaly,
                        skip: next,
                    });
                }
            }
            return Ok((reply, next));
        }
    }
}

impl Parser {
    /// Whether a line ending at `next` (the byte after its LF) with number `line_number` is
    /// within the limits.
    #[inline]
    fn check_limits(&self, next: usize, line_number: usize) -> Result<(), ParseError> {
        if next > self.max_size {
            return Err(ParseError::TooLarge {
                limit: self.max_size,
            });
        }
        if line_number > self.max_lines {
            return Err(ParseError::TooManyLines {
                limit: self.max_lines,
            });
        }
        Ok(())
    }

    /// The error for a line whose end has not arrived, and what `progress` keeps of the
    /// search: [`ParseError::Incomplete`], or [`ParseError::TooLarge`] once `len` bytes are
    /// more than the limit.
    #[inline]
    fn not_yet(
        &self,
        len: usize,
        progress: &mut Progress,
        searched: usize,
        unusual: bool,
    ) -> ParseError {
        progress.searched = searched;
        progress.unusual = unusual;
        if len > self.max_size {
            ParseError::TooLarge {
                limit: self.max_size,
            }
        } else {
            ParseError::Incomplete
        }
    }
}

/// The deviations of one line, given the first line's code: with [`scan::scan_line`], the one
/// place where a line's anomalies are decided, for the parser and for [`Reply::anomalies`].
fn line_anomalies(line: &ScannedLine<'_>, first_code: ReplyCode) -> AnomalySet {
    let mut found = line.anomalies;
    if line.code != first_code {
        found.insert(AnomalyKind::CodeMismatch);
    }
    found
}

/// How far a parse got through a reply that has not fully arrived.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
struct Progress {
    /// Where the line being read starts; the lines before it are checked.
    line_start: usize,
    /// No LF lies before this position in the line being read.
    searched: usize,
    /// The part of the line being read searched so far holds an unusual byte.
    unusual: bool,
    line_count: usize,
    first_code: Option<ReplyCode>,
    anomalies: AnomalySet,
    /// The first lines, as read, for the reply's iterators.
    early: EarlyLines,
}

impl Progress {
    const START: Progress = Progress {
        line_start: 0,
        searched: 0,
        unusual: false,
        line_count: 0,
        first_code: None,
        anomalies: AnomalySet::EMPTY,
        early: EarlyLines::NONE,
    };
}

/// How many lines before the final one a [`Reply`] remembers the end of, so that reading them
/// needs no search for their LF. Replies are rarely longer (some EHLO replies are); a longer
/// reply's later lines are searched for again when read.
const EARLY_LINES: usize = 7;

/// Where each of the first lines before the final one ends: the position after its LF, which
/// is where the next line starts. Positions that do not fit in `u32` (a reply over 4 GiB) are
/// not kept.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub(crate) struct EarlyLines {
    next: [u32; EARLY_LINES],
    len: u8,
}

impl EarlyLines {
    const NONE: EarlyLines = EarlyLines {
        next: [0; EARLY_LINES],
        len: 0,
    };

    /// Remembers where the line after a continuation line starts, if there is room and it
    /// fits.
    #[inline]
    fn push(&mut self, next: usize) {
        let index = usize::from(self.len);
        if let (Some(slot), Ok(next)) = (self.next.get_mut(index), u32::try_from(next)) {
            *slot = next;
            self.len += 1;
        }
    }

    /// Where the line after line `index` (counting from 0) starts, if it is remembered.
    #[inline]
    fn next(&self, index: usize) -> Option<usize> {
        self.next[..usize::from(self.len)]
            .get(index)
            .map(|&next| next as usize)
    }
}

/// A [`Parser`] for a reply that arrives in pieces: it remembers how far it checked, so feeding
/// a reply of n bytes in reads of any size costs O(n) in all, where calling
/// [`Parser::parse`] again on the whole buffer after each read rescans what was checked.
///
/// Hand [`parse`](Self::parse) the same bytes each time, grown by what was read. After a reply
/// or an error it starts afresh: drop the bytes the reply used (or the error's
/// [`skip`](ParseError::skip)) and call it with what is left. The outcome is exactly what
/// [`Parser::parse`] gives on the final buffer.
///
/// ```
/// use smtp_codes::{ParseError, Parser, StreamParser};
///
/// let wire = b"250-mx.example.org greets you\r\n250 SIZE 35882577\r\n";
/// let mut stream = StreamParser::new(Parser::new());
/// let mut buffer = Vec::new();
/// for byte in wire {
///     buffer.push(*byte);
///     match stream.parse(&buffer) {
///         Ok((reply, used)) => {
///             assert_eq!((reply.code().as_u16(), reply.line_count(), used), (250, 2, wire.len()));
///         }
///         Err(ParseError::Incomplete) => continue,
///         Err(error) => panic!("{error}"),
///     }
/// }
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct StreamParser {
    parser: Parser,
    progress: Progress,
}

impl StreamParser {
    /// A stream parser with `parser`'s settings, at the start of a reply.
    pub const fn new(parser: Parser) -> StreamParser {
        StreamParser {
            parser,
            progress: Progress::START,
        }
    }

    /// The reply at the start of `input`, going on from where the last call that returned
    /// [`ParseError::Incomplete`] stopped. `input` must hold the bytes that call was given,
    /// followed by what has arrived since; a shorter input starts the reply afresh.
    #[inline]
    pub fn parse<'a>(&mut self, input: &'a [u8]) -> Result<(Reply<'a>, usize), ParseError> {
        if input.len() < self.progress.searched {
            self.progress = Progress::START;
        }
        // Most reads of a slow peer end no line: say so before setting up a whole parse.
        let progress = &mut self.progress;
        let search = scan::search_line(input, progress.searched, progress.unusual);
        if let Search::NotYet { searched, unusual } = search {
            let error = self
                .parser
                .not_yet(input.len(), progress, searched, unusual);
            if error != ParseError::Incomplete {
                *progress = Progress::START;
            }
            return Err(error);
        }
        let result = self.parser.resume(input, progress, search);
        if !matches!(result, Err(ParseError::Incomplete)) {
            *progress = Progress::START;
        }
        result
    }

    /// Forgets a reply in progress, as after a reply or an error.
    pub fn reset(&mut self) {
        self.progress = Progress::START;
    }

    /// The parser whose settings it uses.
    pub const fn parser(&self) -> &Parser {
        &self.parser
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
    /// Where the final line starts in `raw`.
    pub(crate) last_start: usize,
    /// Where the final line's text starts in `raw`.
    pub(crate) last_text: usize,
    /// The lines before the final one, as the parse read them.
    pub(crate) early: EarlyLines,
}

impl<'a> Reply<'a> {
    /// The first complete reply in `input` and how many bytes it used, parsed leniently with
    /// the default limits ([`Parser::new`]).
    #[inline]
    pub fn parse(input: &'a [u8]) -> Result<(Reply<'a>, usize), ParseError> {
        // A constant, so no parser is built for each call.
        const LENIENT: &Parser = &Parser::new();
        LENIENT.parse(input)
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
    #[inline]
    pub fn reply_lines(&self) -> ReplyLines<'a> {
        ReplyLines {
            raw: self.raw,
            front: 0,
            back: self.raw.len(),
            last_start: self.last_start,
            last_text: self.last_text,
            last_code: self.code,
            last_enhanced: self.enhanced,
            early: self.early,
            index: 0,
        }
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
        let mut first_code = None;
        let checked = ScannedLines {
            rest: self.raw,
            smtputf8: self.smtputf8,
        };
        checked.enumerate().flat_map(move |(index, line)| {
            let first = *first_code.get_or_insert(line.code);
            line_anomalies(&line, first)
                .iter()
                .map(move |kind| Anomaly {
                    line: index + 1,
                    kind,
                })
        })
    }

    /// The provider whose documented fingerprint the reply carries (Gmail ends every reply
    /// with `- gsmtp`), if any. The MX host a client connected to says more, where it is known:
    /// see [`Provider::from_mx_host`](crate::Provider::from_mx_host).
    ///
    /// ```
    /// use smtp_codes::{Provider, Reply};
    ///
    /// let (reply, _) = Reply::parse(b"550-5.7.27 The sender does not pass SPF\r\n550 5.7.27 more. d75a77b69052e-4a97 - gsmtp\r\n")?;
    /// assert_eq!(reply.provider(), Some(Provider::Google));
    /// # Ok::<(), smtp_codes::ParseError>(())
    /// ```
    pub fn provider(&self) -> Option<crate::Provider> {
        crate::Provider::from_reply_text(self.raw)
    }

    /// What `provider` (or, for `None`, the provider [`provider`](Self::provider) detects)
    /// documents this reply's enhanced code to mean: the row with the same reply code, and
    /// among those the one whose documented text the reply holds. `None` when the provider is
    /// unknown or documents no such code; the registry's meaning is then
    /// [`EnhancedCode::info`](crate::EnhancedCode::info), and it stays reachable either way.
    ///
    /// ```
    /// use smtp_codes::Reply;
    ///
    /// let (reply, _) = Reply::parse(b"550 5.7.27 SPF failed. x1si2 - gsmtp\r\n")?;
    /// let google = reply.provider_meaning(None).unwrap();
    /// assert!(google.differs_from_registry());
    /// let registry = reply.enhanced_code().unwrap().info().unwrap();
    /// assert_eq!(registry.title(), Some("Sender address has null MX"));
    /// # Ok::<(), smtp_codes::ParseError>(())
    /// ```
    pub fn provider_meaning(
        &self,
        provider: Option<crate::Provider>,
    ) -> Option<&'static crate::ProviderCodeInfo> {
        let provider = provider.or_else(|| self.provider())?;
        let enhanced = self.enhanced?;
        crate::provider::best(
            provider.meanings(enhanced),
            enhanced,
            Some(self.code),
            Some(self.raw),
        )
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
    raw: &'a [u8],
    /// The lines not yet yielded are `raw[front..back]`.
    front: usize,
    back: usize,
    /// The final line, as the parse read it.
    last_start: usize,
    last_text: usize,
    last_code: ReplyCode,
    last_enhanced: Option<EnhancedCode>,
    /// The lines before the final one, as the parse read them.
    early: EarlyLines,
    /// How many lines `next` has yielded.
    index: usize,
}

impl<'a> ReplyLines<'a> {
    /// The final line, from what the parse learned of it.
    #[inline]
    fn final_line(&self) -> ReplyLine<'a> {
        let (content, _) = scan::content_end(self.raw, self.raw.len() - 1);
        ReplyLine {
            code: self.last_code,
            enhanced: self.last_enhanced,
            text: &self.raw[self.last_text..content],
            last: true,
        }
    }
}

/// One line of a [`Reply`].
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct ReplyLine<'a> {
    code: ReplyCode,
    enhanced: Option<EnhancedCode>,
    text: &'a [u8],
    last: bool,
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

    #[inline]
    fn next(&mut self) -> Option<ReplyLine<'a>> {
        if self.front >= self.back {
            return None;
        }
        if self.front == self.last_start {
            self.front = self.back;
            return Some(self.final_line());
        }
        let index = self.index;
        self.index += 1;
        if let Some(next) = self.early.next(index).filter(|&next| next <= self.back) {
            // A line the parse checked and remembered the end of: only its parts are read.
            if let Some(line) = read_known_line(&self.raw[self.front..next]) {
                self.front = next;
                return Some(line);
            }
        }
        let (line, used) = read_line(&self.raw[self.front..self.back])?;
        self.front += used;
        Some(line)
    }

    fn size_hint(&self) -> (usize, Option<usize>) {
        if self.front >= self.back {
            (0, Some(0))
        } else {
            (1, None)
        }
    }
}

impl DoubleEndedIterator for ReplyLines<'_> {
    fn next_back(&mut self) -> Option<Self::Item> {
        if self.front >= self.back {
            return None;
        }
        if self.back == self.raw.len() {
            self.back = self.last_start.max(self.front);
            return Some(self.final_line());
        }
        // Lines end with LF; the line before `back` starts after the LF before its own.
        let body = &self.raw[self.front..self.back - 1];
        let start = self.front + scan::find_last_byte(body, b'\n').map_or(0, |i| i + 1);
        let (line, _) = read_line(&self.raw[start..self.back])?;
        self.back = start;
        Some(line)
    }
}

impl core::iter::FusedIterator for ReplyLines<'_> {}

/// The first line of `input` (which the parse has checked) and the bytes it takes. This only
/// reads the line again: no byte-by-byte checks of the text.
fn read_line(input: &[u8]) -> Option<(ReplyLine<'_>, usize)> {
    let lf = scan::find_byte(input, b'\n')?;
    Some((read_known_line(&input[..=lf])?, lf + 1))
}

/// A line the parse has checked, LF included: its parts, without the byte-by-byte checks.
#[inline]
fn read_known_line(line: &[u8]) -> Option<ReplyLine<'_>> {
    let (content, terminator) = scan::content_end(line, line.len().checked_sub(1)?);
    let line = scan::scan_line(&line[..content], terminator, false, false).ok()?;
    Some(ReplyLine {
        code: line.code,
        enhanced: line.enhanced,
        text: line.text,
        last: !line.continues,
    })
}

/// The lines of a parsed reply with all their checks, for [`Reply::anomalies`].
struct ScannedLines<'a> {
    rest: &'a [u8],
    smtputf8: bool,
}

impl<'a> Iterator for ScannedLines<'a> {
    type Item = ScannedLine<'a>;

    fn next(&mut self) -> Option<ScannedLine<'a>> {
        let lf = scan::find_byte(self.rest, b'\n')?;
        let (content, terminator) = scan::content_end(self.rest, lf);
        let line = &self.rest[..content];
        let scanned =
            scan::scan_line(line, terminator, scan::needs_check(line), self.smtputf8).ok()?;
        self.rest = &self.rest[lf + 1..];
        Some(scanned)
    }
}

/// `SmtpReply` for a parsed reply, borrowed or owned: its codes, and its own lines as the text
/// to render.
macro_rules! parsed_smtp_reply {
    ($($(#[$attr:meta])* $reply:ty),*) => {$(
        $(#[$attr])*
        impl crate::SmtpReply for $reply {
            fn reply_code(&self) -> ReplyCode {
                self.code()
            }

            fn enhanced_code(&self) -> Option<EnhancedCode> {
                // The inherent method: the parsed final line's code.
                <$reply>::enhanced_code(self)
            }

            fn text_lines(&self) -> Option<ReplyLines<'_>> {
                Some(self.reply_lines())
            }
        }
    )*};
}

parsed_smtp_reply!(
    Reply<'_>,
    #[cfg(feature = "alloc")]
    crate::OwnedReply
);

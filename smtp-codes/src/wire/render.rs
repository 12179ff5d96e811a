//! Writing replies for servers: code, enhanced code and text as correct reply lines.

use core::fmt;

use crate::wire::reply::ReplyLines;
use crate::wire::scan::MAX_LINE_OCTETS;
use crate::{Class, EnhancedCode, ReplyCode, SmtpReply};

/// Why a reply could not be written.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
#[non_exhaustive]
pub enum RenderError {
    /// The enhanced code's class differs from the reply code's (`550` with `4.2.2`).
    ClassMismatch {
        /// The reply code.
        code: ReplyCode,
        /// The enhanced code.
        enhanced: EnhancedCode,
    },
    /// A `3yz` reply was given an enhanced code, which RFC 3463 does not define for it.
    EnhancedOnIntermediate,
    /// The text holds a control character other than HT and line breaks (`\n` or `\r\n`),
    /// such as a lone CR, which would corrupt the reply on the wire.
    ControlCharacter,
    /// Without an enhanced code, a line's text begins like one (`5.2.2 mailbox full`): every
    /// RFC 2034 reader would take it for the reply's enhanced status code. Pass the code as
    /// the enhanced code, or begin the text differently.
    EnhancedCodeInText {
        /// The line, counting from 1.
        line: usize,
    },
    /// The text is empty, there is no enhanced code, and the code has no standard text that
    /// could stand in: RFC 5321 wants text after the code.
    EmptyText,
    /// The text holds UTF-8 beyond ASCII, which needs SMTPUTF8 (see [`Renderer::smtputf8`]).
    NonAsciiText {
        /// The line, counting from 1.
        line: usize,
    },
    /// A parsed reply's line is not UTF-8 (a legacy charset), so it cannot be written as text.
    InvalidUtf8 {
        /// The line, counting from 1.
        line: usize,
    },
    /// The destination refused the output.
    Write,
}

impl fmt::Display for RenderError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            RenderError::ClassMismatch { code, enhanced } => write!(
                f,
                "enhanced code {enhanced} has class {} but reply code {code} has class {}",
                enhanced.class().digit(),
                code.class().digit()
            ),
            RenderError::EnhancedOnIntermediate => {
                f.write_str("a 3xx reply takes no enhanced status code")
            }
            RenderError::ControlCharacter => f.write_str(
                "reply text holds a control character (only HT and line breaks are allowed)",
            ),
            RenderError::EnhancedCodeInText { line } => write!(
                f,
                "line {line} of the reply text begins like an enhanced status code; pass it as \
                 the enhanced code or begin the text differently"
            ),
            RenderError::EmptyText => f.write_str(
                "the reply has no text, no enhanced code and no standard text to stand in",
            ),
            RenderError::NonAsciiText { line } => write!(
                f,
                "line {line} of the reply text is not ASCII, which needs SMTPUTF8"
            ),
            RenderError::InvalidUtf8 { line } => {
                write!(f, "line {line} of the reply is not UTF-8")
            }
            RenderError::Write => f.write_str("writing the reply failed"),
        }
    }
}

impl core::error::Error for RenderError {}

/// How replies are written: whether SMTPUTF8 is in effect.
///
/// The free functions [`write_reply`] and [`write_reply_of`] (and their `render_` forms)
/// are `Renderer::new()`'s methods. Every reply a renderer writes is one that
/// [`Parser`](crate::Parser) in strict mode, with the same SMTPUTF8 setting, accepts, unless
/// the caller asked for a code whose second digit is above 5 (`571`), which RFC 5321's grammar
/// does not have.
///
/// ```
/// use smtp_codes::{RenderError, Renderer, ReplyCode};
///
/// let (code, text) = (ReplyCode::MAILBOX_UNAVAILABLE, "Empf\u{e4}nger unbekannt");
/// let mut out = String::new();
/// let plain = Renderer::new().write_reply(&mut out, code, None, text);
/// assert_eq!(plain, Err(RenderError::NonAsciiText { line: 1 }));
/// Renderer::new().smtputf8(true).write_reply(&mut out, code, None, text)?;
/// assert_eq!(out, "550 Empf\u{e4}nger unbekannt\r\n");
/// # Ok::<(), RenderError>(())
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct Renderer {
    smtputf8: bool,
}

impl Renderer {
    /// A renderer for a session without SMTPUTF8: text must be ASCII.
    pub const fn new() -> Renderer {
        Renderer { smtputf8: false }
    }

    /// Whether SMTPUTF8 (RFC 6531) is in effect, so the text may be UTF-8 beyond ASCII.
    #[must_use]
    pub const fn smtputf8(mut self, smtputf8: bool) -> Renderer {
        self.smtputf8 = smtputf8;
        self
    }

    /// Writes a reply: `code`, `enhanced` on every line, and `text`, whose lines are separated
    /// by `\n` (or `\r\n`). Lines longer than RFC 5321's 512 octets are split, at a space
    /// where there is one. An empty text takes the code's RFC text from the table, when it has
    /// one without a placeholder (`<domain> Service ready` is left to the caller).
    ///
    /// Nothing is written unless the whole reply can be: on an error `out` holds what it held
    /// before (unless `out` itself fails, [`RenderError::Write`], midway).
    pub fn write_reply<W: fmt::Write + ?Sized>(
        &self,
        out: &mut W,
        code: ReplyCode,
        enhanced: Option<EnhancedCode>,
        text: &str,
    ) -> Result<(), RenderError> {
        self.render(
            out,
            Parts {
                code,
                enhanced,
                text: Text::Str(text),
            },
        )
    }

    /// Writes the reply for a value that knows its code: a parsed reply's own lines (see
    /// [`SmtpReply::text_lines`]), or else the value's `Display` as the text, which is what
    /// the users of `#[derive(SmtpReply)]` with `thiserror` have. `Display` is called twice:
    /// once to check the reply, once to write it.
    pub fn write_reply_of<W, T>(&self, out: &mut W, reply: &T) -> Result<(), RenderError>
    where
        W: fmt::Write + ?Sized,
        T: SmtpReply + fmt::Display + ?Sized,
    {
        let text = match reply.text_lines() {
            Some(lines) => Text::Lines(lines),
            None => Text::Display(&reply),
        };
        let (code, enhanced) = (reply.reply_code(), reply.enhanced_code());
        self.render(
            out,
            Parts {
                code,
                enhanced,
                text,
            },
        )
    }

    /// [`write_reply`](Self::write_reply) into a new `String` (feature `alloc`).
    #[cfg(feature = "alloc")]
    pub fn render_reply(
        &self,
        code: ReplyCode,
        enhanced: Option<EnhancedCode>,
        text: &str,
    ) -> Result<alloc::string::String, RenderError> {
        into_string(|out| self.write_reply(out, code, enhanced, text))
    }

    /// [`write_reply_of`](Self::write_reply_of) into a new `String` (feature `alloc`).
    #[cfg(feature = "alloc")]
    pub fn render_reply_of<T: SmtpReply + fmt::Display + ?Sized>(
        &self,
        reply: &T,
    ) -> Result<alloc::string::String, RenderError> {
        into_string(|out| self.write_reply_of(out, reply))
    }

    /// The former name of [`write_reply_of`](Self::write_reply_of).
    #[deprecated(
        since = "0.1.0",
        note = "renamed `write_reply_of`: it writes the reply of a value"
    )]
    pub fn write_smtp_reply<W, T>(&self, out: &mut W, reply: &T) -> Result<(), RenderError>
    where
        W: fmt::Write + ?Sized,
        T: SmtpReply + fmt::Display + ?Sized,
    {
        self.write_reply_of(out, reply)
    }

    /// The former name of [`render_reply_of`](Self::render_reply_of).
    #[cfg(feature = "alloc")]
    #[deprecated(
        since = "0.1.0",
        note = "renamed `render_reply_of`: it renders the reply of a value"
    )]
    pub fn render_smtp_reply<T: SmtpReply + fmt::Display + ?Sized>(
        &self,
        reply: &T,
    ) -> Result<alloc::string::String, RenderError> {
        self.render_reply_of(reply)
    }

    /// Checks the whole reply first, writing nothing, then writes it.
    fn render<W: fmt::Write + ?Sized>(
        self,
        out: &mut W,
        parts: Parts<'_>,
    ) -> Result<(), RenderError> {
        self.pass(&mut Discard, parts.clone())?;
        self.pass(out, parts)
    }

    fn pass<W: fmt::Write + ?Sized>(
        self,
        out: &mut W,
        parts: Parts<'_>,
    ) -> Result<(), RenderError> {
        let Parts {
            code,
            enhanced,
            text,
        } = parts;
        let mut writer = ReplyWriter::new(out, code, enhanced, self.smtputf8)?;
        match text {
            Text::Str("") => writer.feed(standard_text(code))?,
            Text::Str(text) => writer.feed(text)?,
            Text::Display(value) => {
                fmt::write(&mut writer, format_args!("{value}")).map_err(|_| writer.error())?;
                if writer.is_empty() {
                    writer.feed(standard_text(code))?;
                }
            }
            Text::Lines(lines) => {
                for (i, line) in lines.enumerate() {
                    if i > 0 {
                        writer.feed("\n")?;
                    }
                    let text = core::str::from_utf8(line.text())
                        .map_err(|_| RenderError::InvalidUtf8 { line: i + 1 })?;
                    writer.feed(text)?;
                }
            }
        }
        writer.finish()
    }
}

/// What a reply is written from: its codes and where its text comes from.
#[derive(Clone)]
struct Parts<'a> {
    code: ReplyCode,
    enhanced: Option<EnhancedCode>,
    text: Text<'a>,
}

/// Where the text of a reply comes from.
#[derive(Clone)]
enum Text<'a> {
    Str(&'a str),
    Display(&'a dyn fmt::Display),
    Lines(ReplyLines<'a>),
}

/// A writer that keeps nothing: the checking pass.
struct Discard;

impl fmt::Write for Discard {
    fn write_str(&mut self, _: &str) -> fmt::Result {
        Ok(())
    }
}

/// [`Renderer::write_reply`] with `Renderer::new()`: no SMTPUTF8.
///
/// ```
/// use smtp_codes::{ReplyCode, enhanced_code, write_reply};
///
/// let mut out = String::new();
/// write_reply(&mut out, ReplyCode::MAILBOX_UNAVAILABLE, Some(enhanced_code!("5.1.1")), "first\nlast")?;
/// assert_eq!(out, "550-5.1.1 first\r\n550 5.1.1 last\r\n");
/// # Ok::<(), smtp_codes::RenderError>(())
/// ```
pub fn write_reply<W: fmt::Write + ?Sized>(
    out: &mut W,
    code: ReplyCode,
    enhanced: Option<EnhancedCode>,
    text: &str,
) -> Result<(), RenderError> {
    Renderer::new().write_reply(out, code, enhanced, text)
}

/// [`Renderer::write_reply_of`] with `Renderer::new()`: no SMTPUTF8.
///
/// ```
/// use smtp_codes::{EnhancedCode, Reply, ReplyCode, SmtpReply, enhanced_code, write_reply_of};
///
/// struct NoSuchUser(&'static str);
/// impl std::fmt::Display for NoSuchUser {
///     fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
///         write!(f, "<{}>: no such user", self.0)
///     }
/// }
/// impl SmtpReply for NoSuchUser {
///     fn reply_code(&self) -> ReplyCode { ReplyCode::MAILBOX_UNAVAILABLE }
///     fn enhanced_code(&self) -> Option<EnhancedCode> { Some(enhanced_code!("5.1.1")) }
/// }
///
/// let mut out = String::new();
/// write_reply_of(&mut out, &NoSuchUser("bob@example.org"))?;
/// assert_eq!(out, "550 5.1.1 <bob@example.org>: no such user\r\n");
///
/// // A parsed reply writes back its own lines.
/// let (reply, _) = Reply::parse(out.as_bytes()).unwrap();
/// let mut again = String::new();
/// write_reply_of(&mut again, &reply)?;
/// assert_eq!(again, out);
/// # Ok::<(), smtp_codes::RenderError>(())
/// ```
pub fn write_reply_of<W, T>(out: &mut W, reply: &T) -> Result<(), RenderError>
where
    W: fmt::Write + ?Sized,
    T: SmtpReply + fmt::Display + ?Sized,
{
    Renderer::new().write_reply_of(out, reply)
}

/// [`Renderer::render_reply`] with `Renderer::new()` (feature `alloc`).
#[cfg(feature = "alloc")]
pub fn render_reply(
    code: ReplyCode,
    enhanced: Option<EnhancedCode>,
    text: &str,
) -> Result<alloc::string::String, RenderError> {
    Renderer::new().render_reply(code, enhanced, text)
}

/// [`Renderer::render_reply_of`] with `Renderer::new()` (feature `alloc`).
#[cfg(feature = "alloc")]
pub fn render_reply_of<T: SmtpReply + fmt::Display + ?Sized>(
    reply: &T,
) -> Result<alloc::string::String, RenderError> {
    Renderer::new().render_reply_of(reply)
}

/// The former name of [`write_reply_of`].
#[deprecated(
    since = "0.1.0",
    note = "renamed `write_reply_of`: it writes the reply of a value"
)]
pub fn write_smtp_reply<W, T>(out: &mut W, reply: &T) -> Result<(), RenderError>
where
    W: fmt::Write + ?Sized,
    T: SmtpReply + fmt::Display + ?Sized,
{
    write_reply_of(out, reply)
}

/// The former name of [`render_reply_of`].
#[cfg(feature = "alloc")]
#[deprecated(
    since = "0.1.0",
    note = "renamed `render_reply_of`: it renders the reply of a value"
)]
pub fn render_smtp_reply<T: SmtpReply + fmt::Display + ?Sized>(
    reply: &T,
) -> Result<alloc::string::String, RenderError> {
    render_reply_of(reply)
}

/// The text to send when the caller gave none: the code's RFC text, unless it has a
/// placeholder such as `<domain>` that only the caller could fill in (`<CRLF>` in 354's text
/// is literal).
fn standard_text(code: ReplyCode) -> &'static str {
    match code
        .info()
        .filter(|info| info.status() != crate::Status::NonStandard)
        .and_then(crate::ReplyInfo::text)
    {
        Some(text) if !has_placeholder(text) => text,
        _ => "",
    }
}

/// Whether `text` holds `<name>` with a lower-case name, as RFC texts write what the server
/// fills in (`<domain>`, `<forward-path>`, `<x>`).
fn has_placeholder(text: &str) -> bool {
    text.split('<').skip(1).any(|after| {
        after.split_once('>').is_some_and(|(name, _)| {
            !name.is_empty() && name.bytes().all(|b| b.is_ascii_lowercase() || b == b'-')
        })
    })
}

/// Whether a line's text, read by an RFC 2034 reader after the code and separator, would begin
/// with an enhanced status code: after blanks, a class digit (2, 4 or 5) and a dot. A class
/// digit at the very end is counted too, since what follows is not yet known.
fn reads_as_enhanced(text: &[u8], complete: bool) -> bool {
    let start = text
        .iter()
        .take_while(|&&b| b == b' ' || b == b'\t')
        .count();
    match &text[start..] {
        [] | [b'2' | b'4' | b'5'] => !complete,
        [b'2' | b'4' | b'5', b'.', ..] => true,
        _ => false,
    }
}

/// Longest line prefix: `NNN-` and an enhanced code of `d.ddd.ddd ` (4 + 10).
const MAX_PREFIX: usize = 14;

/// A `fmt::Write` that turns text into reply lines as it arrives, holding back one line so it
/// knows which line is the last. Needs no allocation: a line is at most 512 octets.
#[allow(clippy::struct_excessive_bools)] // independent facts about the text seen so far
struct ReplyWriter<'w, W: fmt::Write + ?Sized> {
    out: &'w mut W,
    code: ReplyCode,
    enhanced: Option<EnhancedCode>,
    smtputf8: bool,
    /// The line being collected (always valid UTF-8: whole characters only).
    line: [u8; MAX_LINE_OCTETS],
    len: usize,
    /// The line in `line` began where the renderer split a long line, not where the caller's
    /// text began a line; its start was chosen not to read as an enhanced code.
    from_split: bool,
    /// The line in `line` has ended with a line break; it is written once more text follows.
    line_ended: bool,
    /// Empty lines after the held line, written once more text follows (or, with an enhanced
    /// code, at the end; without one an empty final line would have no text, so trailing
    /// line breaks are dropped).
    blank_lines: usize,
    /// A CR was the last character; only LF may follow.
    after_cr: bool,
    /// Lines written so far.
    written: usize,
    error: Option<RenderError>,
    max_text: usize,
}

impl<'w, W: fmt::Write + ?Sized> ReplyWriter<'w, W> {
    fn new(
        out: &'w mut W,
        code: ReplyCode,
        enhanced: Option<EnhancedCode>,
        smtputf8: bool,
    ) -> Result<Self, RenderError> {
        if let Some(enhanced) = enhanced {
            if code.class() == Class::PositiveIntermediate {
                return Err(RenderError::EnhancedOnIntermediate);
            }
            if enhanced.class() != code.class() {
                return Err(RenderError::ClassMismatch { code, enhanced });
            }
        }
        // `NNN-` or `NNN `, then `c.s.d ` when there is an enhanced code.
        let prefix = 4 + enhanced.map_or(0, |e| digits(e.subject()) + digits(e.detail()) + 4);
        debug_assert!(prefix <= MAX_PREFIX);
        Ok(ReplyWriter {
            out,
            code,
            enhanced,
            smtputf8,
            line: [0; MAX_LINE_OCTETS],
            len: 0,
            from_split: false,
            line_ended: false,
            blank_lines: 0,
            after_cr: false,
            written: 0,
            error: None,
            // CRLF ends the line.
            max_text: MAX_LINE_OCTETS - 2 - prefix,
        })
    }

    fn is_empty(&self) -> bool {
        self.written == 0 && self.len == 0 && !self.line_ended
    }

    fn error(&mut self) -> RenderError {
        self.error.take().unwrap_or(RenderError::Write)
    }

    fn fail(&mut self, error: RenderError) -> fmt::Error {
        self.error = Some(error);
        fmt::Error
    }

    /// Feeds text, turning a failure into its error.
    fn feed(&mut self, text: &str) -> Result<(), RenderError> {
        fmt::Write::write_str(self, text).map_err(|_| self.error())
    }

    /// Writes the first `end` bytes of the held line as one line; `last` picks `NNN ` over
    /// `NNN-`.
    fn emit(&mut self, end: usize, last: bool) -> fmt::Result {
        let line = self.written + 1;
        let text = core::str::from_utf8(&self.line[..end]).map_err(|_| fmt::Error)?;
        if self.enhanced.is_none() {
            if last && text.is_empty() {
                // `NNN ` with no text is outside RFC 5321's grammar, and `NNN` alone is what
                // it tells servers not to send.
                return Err(self.fail(RenderError::EmptyText));
            }
            if !self.from_split && reads_as_enhanced(text.as_bytes(), true) {
                return Err(self.fail(RenderError::EnhancedCodeInText { line }));
            }
        }
        write!(self.out, "{}", self.code)?;
        self.out.write_char(if last { ' ' } else { '-' })?;
        if let Some(enhanced) = self.enhanced {
            write!(self.out, "{enhanced}")?;
            if !text.is_empty() {
                self.out.write_char(' ')?;
            }
        }
        self.out.write_str(text)?;
        self.out.write_str("\r\n")?;
        self.written = line;
        Ok(())
    }

    /// Writes the held line and the empty lines after it as continuation lines, because more
    /// text follows.
    fn flush_continuation(&mut self) -> fmt::Result {
        self.emit(self.len, false)?;
        self.len = 0;
        self.from_split = false;
        for _ in 0..self.blank_lines {
            self.emit(0, false)?;
        }
        self.blank_lines = 0;
        self.line_ended = false;
        Ok(())
    }

    /// Makes room for `incoming` by writing the start of the held line, up to its last space
    /// if it has one.
    fn split(&mut self, incoming: &[u8]) -> fmt::Result {
        // Cutting at a space early in the line may leave a rest that is still too long for a
        // multi-byte character: cut again, at a space or wherever the line is full.
        while self.len + incoming.len() > self.max_text {
            let (end, resume) = self.cut(incoming).ok_or_else(|| {
                self.fail(RenderError::EnhancedCodeInText {
                    line: self.written + 2,
                })
            })?;
            self.emit(end, false)?;
            self.line.copy_within(resume..self.len, 0);
            self.len -= resume;
            self.from_split = true;
        }
        Ok(())
    }

    /// Where to cut the held line, as (end of the written part, start of the rest): at the
    /// last space, else where the line is full. Without an enhanced code, the rest must not
    /// begin like one (`5.2.2 `), or every RFC 2034 reader would take text for a status: the
    /// cut moves back until it does not, and `None` says no cut avoids it.
    fn cut(&self, incoming: &[u8]) -> Option<(usize, usize)> {
        let held = &self.line[..self.len];
        let safe = |resume: usize| {
            if self.enhanced.is_some() {
                return true;
            }
            // The rest and the incoming character, as far as they are known: enough bytes
            // for the check, which looks at a few.
            let mut start = [0u8; 8];
            let rest = &held[resume..];
            let known = rest.len().min(start.len());
            start[..known].copy_from_slice(&rest[..known]);
            let more = incoming.len().min(start.len() - known);
            start[known..known + more].copy_from_slice(&incoming[..more]);
            !reads_as_enhanced(&start[..known + more], false)
        };
        let spaces = (1..held.len())
            .rev()
            .filter(|&i| held[i] == b' ')
            .map(|i| (i, i + 1));
        let anywhere = (1..=held.len())
            .rev()
            .filter(|&i| i == held.len() || is_char_boundary(held[i]))
            .map(|i| (i, i));
        spaces.chain(anywhere).find(|&(_, resume)| safe(resume))
    }

    fn push(&mut self, c: char) -> fmt::Result {
        if self.line_ended {
            self.flush_continuation()?;
        }
        if !c.is_ascii() && !self.smtputf8 {
            return Err(self.fail(RenderError::NonAsciiText {
                line: self.written + 1,
            }));
        }
        let mut buf = [0u8; 4];
        let bytes = c.encode_utf8(&mut buf).as_bytes();
        self.split(bytes)?;
        self.line[self.len..self.len + bytes.len()].copy_from_slice(bytes);
        self.len += bytes.len();
        Ok(())
    }

    /// Writes the last line.
    fn finish(mut self) -> Result<(), RenderError> {
        if self.after_cr {
            return Err(RenderError::ControlCharacter);
        }
        if self.enhanced.is_some() && self.blank_lines > 0 {
            // `NNN c.s.d` alone is a well-formed last line: keep the empty lines.
            self.blank_lines -= 1;
            self.flush_continuation().map_err(|_| self.error())?;
        }
        self.emit(self.len, true).map_err(|_| self.error())
    }
}

/// Whether a byte starts a UTF-8 character (is not a continuation byte).
const fn is_char_boundary(byte: u8) -> bool {
    byte & 0xC0 != 0x80
}

impl<W: fmt::Write + ?Sized> fmt::Write for ReplyWriter<'_, W> {
    fn write_str(&mut self, text: &str) -> fmt::Result {
        for c in text.chars() {
            if self.after_cr {
                if c != '\n' {
                    return Err(self.fail(RenderError::ControlCharacter));
                }
                self.after_cr = false;
            }
            match c {
                '\r' => self.after_cr = true,
                '\n' if self.line_ended => self.blank_lines += 1,
                '\n' => self.line_ended = true,
                '\t' => self.push(c)?,
                c if c.is_control() => return Err(self.fail(RenderError::ControlCharacter)),
                c => self.push(c)?,
            }
        }
        Ok(())
    }
}

const fn digits(n: u16) -> usize {
    if n >= 100 {
        3
    } else if n >= 10 {
        2
    } else {
        1
    }
}

/// What `write` writes, as a new `String`: the `render_*` forms of the `write_*` functions.
#[cfg(feature = "alloc")]
fn into_string(
    write: impl FnOnce(&mut alloc::string::String) -> Result<(), RenderError>,
) -> Result<alloc::string::String, RenderError> {
    let mut out = alloc::string::String::new();
    write(&mut out)?;
    Ok(out)
}

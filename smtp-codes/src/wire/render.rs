//! Writing replies for servers: code, enhanced code and text as correct reply lines.

use core::fmt;

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
            RenderError::Write => f.write_str("writing the reply failed"),
        }
    }
}

impl core::error::Error for RenderError {}

/// Writes a reply: `code`, `enhanced` on every line, and `text`, whose lines are separated by
/// `\n` (or `\r\n`). Lines longer than RFC 5321's 512 octets are split, at a space where there
/// is one. An empty text takes the code's RFC text from the table, when it has one without a
/// placeholder (`<domain> Service ready` is left to the caller).
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
    let mut writer = ReplyWriter::new(out, code, enhanced)?;
    let text = if text.is_empty() {
        standard_text(code)
    } else {
        text
    };
    fmt::Write::write_str(&mut writer, text).map_err(|_| writer.error())?;
    writer.finish()
}

/// Writes the reply for a value that knows its code and whose `Display` is the text: what the
/// users of `#[derive(SmtpReply)]` with `thiserror` have.
///
/// ```
/// use smtp_codes::{EnhancedCode, ReplyCode, SmtpReply, enhanced_code, write_smtp_reply};
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
/// write_smtp_reply(&mut out, &NoSuchUser("bob@example.org"))?;
/// assert_eq!(out, "550 5.1.1 <bob@example.org>: no such user\r\n");
/// # Ok::<(), smtp_codes::RenderError>(())
/// ```
pub fn write_smtp_reply<W, T>(out: &mut W, reply: &T) -> Result<(), RenderError>
where
    W: fmt::Write + ?Sized,
    T: SmtpReply + fmt::Display + ?Sized,
{
    let code = reply.reply_code();
    let mut writer = ReplyWriter::new(out, code, reply.enhanced_code())?;
    fmt::write(&mut writer, format_args!("{reply}")).map_err(|_| writer.error())?;
    if writer.is_empty() {
        fmt::Write::write_str(&mut writer, standard_text(code)).map_err(|_| writer.error())?;
    }
    writer.finish()
}

/// [`write_reply`] into a new `String` (feature `alloc`).
#[cfg(feature = "alloc")]
pub fn render_reply(
    code: ReplyCode,
    enhanced: Option<EnhancedCode>,
    text: &str,
) -> Result<alloc::string::String, RenderError> {
    let mut out = alloc::string::String::new();
    write_reply(&mut out, code, enhanced, text)?;
    Ok(out)
}

/// [`write_smtp_reply`] into a new `String` (feature `alloc`).
#[cfg(feature = "alloc")]
pub fn render_smtp_reply<T: SmtpReply + fmt::Display + ?Sized>(
    reply: &T,
) -> Result<alloc::string::String, RenderError> {
    let mut out = alloc::string::String::new();
    write_smtp_reply(&mut out, reply)?;
    Ok(out)
}

/// The text to send when the caller gave none: the code's RFC text, unless it has a
/// placeholder such as `<domain>` that only the caller could fill in.
fn standard_text(code: ReplyCode) -> &'static str {
    match code
        .info()
        .filter(|info| info.status() != crate::Status::NonStandard)
        .and_then(crate::ReplyInfo::text)
    {
        Some(text) if !text.contains('<') => text,
        _ => "",
    }
}

/// Longest line prefix: `NNN-` and an enhanced code of `d.ddd.ddd ` (4 + 10).
const MAX_PREFIX: usize = 14;

/// A `fmt::Write` that turns text into reply lines as it arrives, holding back one line so it
/// knows which line is the last. Needs no allocation: a line is at most 512 octets.
struct ReplyWriter<'w, W: fmt::Write + ?Sized> {
    out: &'w mut W,
    code: ReplyCode,
    enhanced: Option<EnhancedCode>,
    /// The line being collected (always valid UTF-8: whole characters only).
    line: [u8; MAX_LINE_OCTETS],
    len: usize,
    /// The line in `line` has ended with a line break; it is written once more text follows.
    line_ended: bool,
    /// A CR was the last character; only LF may follow.
    after_cr: bool,
    /// Something (even an empty line) has been written to the writer.
    started: bool,
    error: Option<RenderError>,
    max_text: usize,
}

impl<'w, W: fmt::Write + ?Sized> ReplyWriter<'w, W> {
    fn new(
        out: &'w mut W,
        code: ReplyCode,
        enhanced: Option<EnhancedCode>,
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
            line: [0; MAX_LINE_OCTETS],
            len: 0,
            line_ended: false,
            after_cr: false,
            started: false,
            error: None,
            // CRLF ends the line.
            max_text: MAX_LINE_OCTETS - 2 - prefix,
        })
    }

    fn is_empty(&self) -> bool {
        !self.started && self.len == 0 && !self.line_ended
    }

    fn error(&mut self) -> RenderError {
        self.error.take().unwrap_or(RenderError::Write)
    }

    fn fail(&mut self, error: RenderError) -> fmt::Error {
        self.error = Some(error);
        fmt::Error
    }

    /// Writes `text` as one line; `last` picks `NNN ` over `NNN-`.
    fn emit(&mut self, end: usize, last: bool) -> fmt::Result {
        let text = core::str::from_utf8(&self.line[..end]).map_err(|_| fmt::Error)?;
        write!(self.out, "{}", self.code)?;
        // A final line with nothing after the code is the code alone: `NNN ` with no text is
        // outside RFC 5321's grammar, `NNN` is not.
        if !(last && text.is_empty() && self.enhanced.is_none()) {
            self.out.write_char(if last { ' ' } else { '-' })?;
        }
        if let Some(enhanced) = self.enhanced {
            write!(self.out, "{enhanced}")?;
            if !text.is_empty() {
                self.out.write_char(' ')?;
            }
        }
        self.out.write_str(text)?;
        self.out.write_str("\r\n")?;
        self.started = true;
        Ok(())
    }

    /// Writes the held line as a continuation line, because more text follows.
    fn flush_continuation(&mut self) -> fmt::Result {
        self.emit(self.len, false)?;
        self.len = 0;
        self.line_ended = false;
        Ok(())
    }

    /// Makes room for `needed` more bytes by writing the start of the line, up to its last
    /// space if it has one.
    fn split(&mut self, needed: usize) -> fmt::Result {
        // Cutting at a space early in the line may leave a rest that is still too long for a
        // multi-byte character: cut again, at a space or wherever the line is full.
        while self.len + needed > self.max_text {
            let cut = self.line[..self.len]
                .iter()
                .rposition(|&b| b == b' ')
                .filter(|&i| i > 0);
            let (end, resume) = cut.map_or((self.len, self.len), |i| (i, i + 1));
            self.emit(end, false)?;
            self.line.copy_within(resume..self.len, 0);
            self.len -= resume;
        }
        Ok(())
    }

    fn push(&mut self, c: char) -> fmt::Result {
        if self.line_ended {
            self.flush_continuation()?;
        }
        let mut buf = [0u8; 4];
        let bytes = c.encode_utf8(&mut buf).as_bytes();
        self.split(bytes.len())?;
        self.line[self.len..self.len + bytes.len()].copy_from_slice(bytes);
        self.len += bytes.len();
        Ok(())
    }

    /// Writes the last line.
    fn finish(mut self) -> Result<(), RenderError> {
        if self.after_cr {
            return Err(RenderError::ControlCharacter);
        }
        self.emit(self.len, true).map_err(|_| self.error())
    }
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
                '\n' => {
                    if self.line_ended {
                        // An empty line between two lines of text.
                        self.flush_continuation()?;
                    }
                    self.line_ended = true;
                }
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

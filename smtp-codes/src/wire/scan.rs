//! Reading one reply line: the code, the separator, the enhanced code and the text, and every
//! way the line deviates from RFC 5321 and RFC 2034. Shared by the parser and by the iterators
//! over a parsed reply, so both see the same thing.

use crate::wire::anomaly::{AnomalyKind, AnomalySet};
use crate::wire::error::Malformed;
use crate::{EnhancedCode, ReplyCode};

/// RFC 5321, section 4.5.3.1.5: a reply line is at most 512 octets, CRLF included.
pub(crate) const MAX_LINE_OCTETS: usize = 512;

/// One line as found in the input.
#[derive(Clone, Copy, Debug)]
pub(crate) struct ScannedLine<'a> {
    pub(crate) code: ReplyCode,
    /// `true` for `NNN-`, `false` for the final line.
    pub(crate) continues: bool,
    pub(crate) enhanced: Option<EnhancedCode>,
    /// The text: after the separator, without the enhanced code and the blanks before the
    /// text.
    pub(crate) text: &'a [u8],
    pub(crate) anomalies: AnomalySet,
}

/// Where the next line ends: the line's content ends at `content` (CR and LF excluded) and the
/// next line starts at `next`.
#[derive(Clone, Copy, Debug)]
pub(crate) struct LineEnd {
    pub(crate) content: usize,
    pub(crate) next: usize,
    pub(crate) bare_lf: bool,
    /// The line holds a byte other than SP and printable ASCII (see [`needs_check`]).
    pub(crate) unusual: bool,
}

/// Finds the end of the line starting at the beginning of `input`: its LF, with the CR before
/// it if there is one. `None` until the LF has arrived. A CR anywhere else belongs to the
/// line's text (an anomaly, not the end of the line).
pub(crate) fn line_end(input: &[u8]) -> Option<LineEnd> {
    let lf = find_byte(input, b'\n')?;
    let (content, bare_lf) = if lf > 0 && input[lf - 1] == b'\r' {
        (lf - 1, false)
    } else {
        (lf, true)
    };
    Some(LineEnd {
        content,
        next: lf + 1,
        bare_lf,
        // One pass tells whether the line is plain printable ASCII, as nearly every line is;
        // only when it is not is its text checked byte by byte in `scan_line`.
        unusual: needs_check(&input[..content]),
    })
}

/// Reads a complete line (without its CR LF). `terminator_len` is 1 for a bare LF, 2 for CRLF;
/// `unusual` is [`needs_check`] of the line, which [`line_end`] has already computed.
pub(crate) fn scan_line(
    line: &[u8],
    terminator_len: usize,
    unusual: bool,
) -> Result<ScannedLine<'_>, Malformed> {
    let (code, rest) = match line {
        [] => return Err(Malformed::EmptyLine),
        [a, b, c, rest @ ..] if a.is_ascii_digit() && b.is_ascii_digit() && c.is_ascii_digit() => {
            if !(b'2'..=b'5').contains(a) {
                return Err(Malformed::InvalidClass);
            }
            let value = u16::from(a - b'0') * 100 + u16::from(b - b'0') * 10 + u16::from(c - b'0');
            (ReplyCode::new_unchecked(value), rest)
        }
        [a, ..] if a.is_ascii_digit() && !(b'2'..=b'5').contains(a) => {
            return Err(Malformed::InvalidClass);
        }
        _ => return Err(Malformed::NotAReplyCode),
    };
    let mut anomalies = AnomalySet::EMPTY;
    if line[1] > b'5' {
        anomalies.insert(AnomalyKind::SecondDigitOutOfRange);
    }
    if line.len() + terminator_len > MAX_LINE_OCTETS {
        anomalies.insert(AnomalyKind::LineTooLong);
    }
    if terminator_len == 1 {
        anomalies.insert(AnomalyKind::BareLineFeed);
    }
    let (continues, after) = match rest {
        [] => {
            anomalies.insert(AnomalyKind::CodeOnly);
            (false, rest)
        }
        [b'-', after @ ..] => (true, after),
        [b' ', after @ ..] => {
            if after.is_empty() {
                anomalies.insert(AnomalyKind::EmptyText);
            }
            (false, after)
        }
        _ => return Err(Malformed::InvalidSeparator),
    };
    let (enhanced, text) = match enhanced_prefix(after) {
        Some((enhanced, len)) => {
            if enhanced.class() != code.class() {
                anomalies.insert(AnomalyKind::EnhancedClassMismatch);
            }
            (Some(enhanced), trim_blanks(&after[len..]))
        }
        None => (None, trim_blanks(after)),
    };
    if unusual {
        check_text(after, &mut anomalies);
    }
    Ok(ScannedLine {
        code,
        continues,
        enhanced,
        text,
        anomalies,
    })
}

/// An RFC 2034 enhanced code at the very start of the text: `class.subject.detail` with class
/// 2, 4 or 5, 1 to 3 digits each and no leading zeros (RFC 3463), followed by a blank or the
/// end of the line. Anything else (an IP address, a version number, `5.1234.1`) is text.
fn enhanced_prefix(text: &[u8]) -> Option<(EnhancedCode, usize)> {
    let class = match text.first()? {
        b'2' => 2,
        b'4' => 4,
        b'5' => 5,
        _ => return None,
    };
    if text.get(1) != Some(&b'.') {
        return None;
    }
    let (subject, after_subject) = number(text, 2)?;
    if text.get(after_subject) != Some(&b'.') {
        return None;
    }
    let (detail, end) = number(text, after_subject + 1)?;
    match text.get(end) {
        None | Some(b' ' | b'\t') => EnhancedCode::new(class, subject, detail)
            .ok()
            .map(|code| (code, end)),
        Some(_) => None,
    }
}

/// 1 to 3 digits without a leading zero, starting at `start`; the value and the index after.
fn number(text: &[u8], start: usize) -> Option<(u16, usize)> {
    let digits = text[start.min(text.len())..]
        .iter()
        .take_while(|b| b.is_ascii_digit())
        .count();
    if digits == 0 || digits > 3 || (digits > 1 && text[start] == b'0') {
        return None;
    }
    let value = text[start..start + digits]
        .iter()
        .fold(0u16, |v, &d| v * 10 + u16::from(d - b'0'));
    Some((value, start + digits))
}

fn trim_blanks(text: &[u8]) -> &[u8] {
    let blanks = text
        .iter()
        .take_while(|&&b| b == b' ' || b == b'\t')
        .count();
    &text[blanks..]
}

/// RFC 5321's textstring is HT, SP and printable US-ASCII. Records what else the text holds.
fn check_text(text: &[u8], anomalies: &mut AnomalySet) {
    let mut non_ascii = false;
    for &byte in text {
        if byte >= 0x80 {
            non_ascii = true;
        } else if byte == b'\r' {
            anomalies.insert(AnomalyKind::BareCarriageReturn);
        } else if (byte < 0x20 && byte != b'\t') || byte == 0x7F {
            anomalies.insert(AnomalyKind::ControlCharacter);
        }
    }
    if non_ascii {
        anomalies.insert(if core::str::from_utf8(text).is_ok() {
            AnomalyKind::NonAsciiText
        } else {
            AnomalyKind::InvalidUtf8Text
        });
    }
}

const ONES: u64 = 0x0101_0101_0101_0101;
const HIGHS: u64 = 0x8080_8080_8080_8080;

/// Whether the word holds a byte equal to `byte` (eight bytes at a time, in safe code).
const fn has_byte(word: u64, byte: u8) -> bool {
    let x = word ^ (ONES * byte as u64);
    x.wrapping_sub(ONES) & !x & HIGHS != 0
}

/// Whether the word holds a byte below 0x20, at or above 0x7F (DEL and non-ASCII).
const fn has_unusual(word: u64) -> bool {
    let below_space = word.wrapping_sub(ONES * 0x20) & !word & HIGHS;
    below_space != 0 || word & HIGHS != 0 || has_byte(word, 0x7F)
}

fn word(chunk: &[u8]) -> u64 {
    chunk.try_into().map_or(0, u64::from_le_bytes)
}

/// The first position of `byte` in `input`.
pub(crate) fn find_byte(input: &[u8], byte: u8) -> Option<usize> {
    let mut start = 0;
    for chunk in input.chunks_exact(8) {
        if has_byte(word(chunk), byte) {
            break;
        }
        start += 8;
    }
    input[start..]
        .iter()
        .position(|&b| b == byte)
        .map(|i| start + i)
}

/// The last position of `byte` in `input`.
pub(crate) fn find_last_byte(input: &[u8], byte: u8) -> Option<usize> {
    input.iter().rposition(|&b| b == byte)
}

/// Whether `text` holds anything but printable ASCII and SP (HT also takes the slow path).
pub(crate) fn needs_check(text: &[u8]) -> bool {
    let mut chunks = text.chunks_exact(8);
    chunks.by_ref().any(|chunk| has_unusual(word(chunk)))
        || chunks
            .remainder()
            .iter()
            .any(|&b| !(0x20..0x7F).contains(&b))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn byte_search_agrees_with_a_plain_search() {
        let haystack: &[u8] = b"250-a long enough line to span several words\r\n250 end\n";
        for byte in [b'\n', b'\r', b'2', b'z', b'-'] {
            for start in 0..haystack.len() {
                let slice = &haystack[start..];
                assert_eq!(
                    find_byte(slice, byte),
                    slice.iter().position(|&b| b == byte)
                );
            }
        }
    }

    #[test]
    fn unusual_bytes_are_noticed_anywhere() {
        let clean = b"a clean line of printable text, long enough";
        assert!(!needs_check(clean));
        for i in 0..clean.len() {
            for bad in [0x00, 0x09, 0x1B, 0x7F, 0x80, 0xFF] {
                let mut text = *clean;
                text[i] = bad;
                assert!(needs_check(&text), "byte {bad:#x} at {i}");
            }
        }
    }

    #[test]
    fn enhanced_codes_only_where_rfc_2034_puts_them() {
        let parse = |text: &[u8]| enhanced_prefix(text).map(|(code, _)| code);
        assert_eq!(
            parse(b"5.1.1 User unknown"),
            EnhancedCode::new(5, 1, 1).ok()
        );
        assert_eq!(parse(b"5.7.26"), EnhancedCode::new(5, 7, 26).ok());
        assert_eq!(parse(b"5.12.3 x"), EnhancedCode::new(5, 12, 3).ok());
        assert_eq!(parse(b"5.1.351\tx"), EnhancedCode::new(5, 1, 351).ok());
        for not_one in [
            &b"4.16.55.1 x"[..],
            b"5.1234.343 x",
            b"6.1.1 x",
            b"5.1.1x",
            b"5.01.1 x",
            b"x.x.xx",
            b"5.1",
            b"5..1 x",
            b"#5.1.0",
        ] {
            assert_eq!(parse(not_one), None, "{not_one:?}");
        }
    }
}

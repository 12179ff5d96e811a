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

/// How far the search for the end of the current line got.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Search {
    /// The line's LF is at `lf`, and its content ends at `content` (`lf - 1` after a CR).
    Found {
        lf: usize,
        content: usize,
        /// The line holds a byte other than SP and printable ASCII (a CR before the LF aside).
        unusual: bool,
    },
    /// No LF before `searched`: a later search of the grown input starts there.
    NotYet { searched: usize, unusual: bool },
}

/// Searches `input[from..]` for the LF that ends the current line, noting on the way whether
/// the line holds anything but SP and printable ASCII (`unusual`, which the part searched before
/// `from` may already have set). One pass, sixteen bytes at a time ([`first_unusual`]): a
/// control byte stops the block loop, and only an LF, or a CR right before one, ends the line.
// Measured: inlined into `StreamParser::parse`, a read that ends no line costs a few
// instructions instead of a call (`cargo bench -p smtp-codes-bench --bench stream`).
#[allow(clippy::inline_always)]
#[inline(always)]
pub(crate) fn search_line(input: &[u8], from: usize, mut unusual: bool) -> Search {
    let mut i = from;
    while !unusual {
        let Some(flagged) = first_unusual(input, i) else {
            return Search::NotYet {
                searched: input.len(),
                unusual,
            };
        };
        match (input[flagged], input.get(flagged + 1)) {
            // No CR before it: a CR would have been flagged first.
            (b'\n', _) => {
                return Search::Found {
                    lf: flagged,
                    content: flagged,
                    unusual,
                };
            }
            (b'\r', Some(b'\n')) => {
                return Search::Found {
                    lf: flagged + 1,
                    content: flagged,
                    unusual,
                };
            }
            // A CR at the very end may yet turn out to be the CR of a CRLF.
            (b'\r', None) => {
                return Search::NotYet {
                    searched: flagged,
                    unusual,
                };
            }
            _ => {
                unusual = true;
                i = flagged + 1;
            }
        }
    }
    // The checks are decided: only the LF is left to find. A CR right before it is part of
    // the terminator; `input[i - 1]` never is (a search never stops right after a CR that an
    // LF may follow).
    match find_byte(&input[i..], b'\n') {
        Some(offset) => {
            let lf = i + offset;
            let crlf = offset > 0 && input[lf - 1] == b'\r';
            Search::Found {
                lf,
                content: lf - usize::from(crlf),
                unusual,
            }
        }
        // A CR at the very end is searched again, as the CR of a CRLF perhaps.
        None => Search::NotYet {
            searched: input.len() - usize::from(input.last() == Some(&b'\r')),
            unusual,
        },
    }
}

/// The position of the first byte at or after `from` that is not SP or printable ASCII.
///
/// Sixteen bytes at a time: [`block_is_clean`] is written so that the compiler turns it into a
/// few vector instructions (SSE2 on x86-64), in safe code; only the block that holds a flagged
/// byte is searched for its position, a word at a time.
// Always inlined, like `search_line`: a call per block would cost more than the block's
// check.
#[allow(clippy::inline_always)]
#[inline(always)]
fn first_unusual(input: &[u8], from: usize) -> Option<usize> {
    let rest = input.get(from..)?;
    if rest.len() < BLOCK {
        // A stream's latest few bytes, or a short line.
        return first_in_short(rest).map(|i| from + i);
    }
    let mut blocks = rest.chunks_exact(BLOCK);
    let mut offset = from;
    for block in &mut blocks {
        if !block_is_clean(block) {
            return Some(offset + first_in_block(block));
        }
        offset += BLOCK;
    }
    let tail = blocks.remainder();
    if tail.is_empty() {
        return None;
    }
    // The last block at once: the bytes before the tail were found clean, so a flag is the
    // tail's.
    let start = rest.len() - BLOCK;
    let last = &rest[start..];
    (!block_is_clean(last)).then(|| from + start + first_in_block(last))
}

/// The bytes [`first_unusual`] checks at once.
const BLOCK: usize = 16;

/// Whether a block holds only SP and printable ASCII. A fold without early exit over a
/// fixed-size block, so that it compiles to vector compares.
// Always inlined, like `search_line`: a call per block would cost more than the block's
// check.
#[allow(clippy::inline_always)]
#[inline(always)]
fn block_is_clean(block: &[u8]) -> bool {
    let block: &[u8; BLOCK] = match block.try_into() {
        Ok(block) => block,
        Err(_) => return !block.iter().any(|&b| is_unusual(b)),
    };
    block
        .iter()
        .fold(true, |clean, &b| clean & (b.wrapping_sub(0x20) < 0x5F))
}

/// The position of the first unusual byte in a block known to hold one.
#[inline]
fn first_in_block(block: &[u8]) -> usize {
    let low = unusual_mask(word(&block[..8]));
    if low != 0 {
        return (low.trailing_zeros() / 8) as usize;
    }
    8 + (unusual_mask(word(&block[8..BLOCK])).trailing_zeros() / 8) as usize
}

/// The first unusual byte of fewer than [`BLOCK`] bytes.
#[inline]
fn first_in_short(bytes: &[u8]) -> Option<usize> {
    let mut offset = 0;
    let mut rest = bytes;
    if let Some((head, tail)) = rest.split_first_chunk::<8>() {
        let mask = unusual_mask(u64::from_le_bytes(*head));
        if mask != 0 {
            return Some((mask.trailing_zeros() / 8) as usize);
        }
        offset = 8;
        rest = tail;
    }
    rest.iter().position(|&b| is_unusual(b)).map(|i| offset + i)
}

/// The content of a line whose LF is at `lf`, and the length of its terminator (2 for CRLF, 1
/// for a bare LF).
#[inline]
pub(crate) fn content_end(line: &[u8], lf: usize) -> (usize, usize) {
    if lf > 0 && line[lf - 1] == b'\r' {
        (lf - 1, 2)
    } else {
        (lf, 1)
    }
}

/// Reads a complete line (without its CR LF). `terminator_len` is 1 for a bare LF, 2 for CRLF;
/// `unusual` says whether the line holds anything but SP and printable ASCII, as
/// [`search_line`] or [`needs_check`] found; only then is its text checked byte by byte, and
/// UTF-8 in it is an anomaly unless `smtputf8` says SMTPUTF8 (RFC 6531) is in effect.
// Measured: inlined, the parser and the line iterators keep the line's parts in registers
// (`cargo xtask bench-instructions`).
#[allow(clippy::inline_always)]
#[inline(always)]
pub(crate) fn scan_line(
    line: &[u8],
    terminator_len: usize,
    unusual: bool,
    smtputf8: bool,
) -> Result<ScannedLine<'_>, Malformed> {
    let (code, rest) = match line {
        [a @ b'2'..=b'5', b, c, rest @ ..] if b.is_ascii_digit() && c.is_ascii_digit() => {
            let value = crate::reply_code::three_digits(*a, *b, *c);
            (ReplyCode::new_unchecked(value), rest)
        }
        _ => return Err(not_a_code(line)),
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
            // The enhanced code's first byte is its class digit, the line's first its code's.
            if after[0] != line[0] {
                anomalies.insert(AnomalyKind::EnhancedClassMismatch);
            }
            (Some(enhanced), trim_blanks(&after[len..]))
        }
        None => (None, trim_blanks(after)),
    };
    if unusual {
        check_text(after, smtputf8, &mut anomalies);
    }
    Ok(ScannedLine {
        code,
        continues,
        enhanced,
        text,
        anomalies,
    })
}

/// Why a line does not start with a reply code.
#[cold]
fn not_a_code(line: &[u8]) -> Malformed {
    match line {
        [] => Malformed::EmptyLine,
        [a, ..] if a.is_ascii_digit() && !(b'2'..=b'5').contains(a) => Malformed::InvalidClass,
        _ => Malformed::NotAReplyCode,
    }
}

/// An RFC 2034 enhanced code at the very start of the text: `class.subject.detail` with class
/// 2, 4 or 5, 1 to 3 digits each and no leading zeros (RFC 3463), followed by a blank or the
/// end of the line. Anything else (an IP address, a version number, `5.1234.1`) is text.
#[allow(clippy::inline_always)] // measured, as for `scan_line`
#[inline(always)]
fn enhanced_prefix(text: &[u8]) -> Option<(EnhancedCode, usize)> {
    // Most text starts otherwise: decide that before reading any number.
    if !matches!(text, [b'2' | b'4' | b'5', b'.', ..]) {
        return None;
    }
    match EnhancedCode::parse_prefix(text) {
        Ok((code, end)) if matches!(text.get(end), None | Some(b' ' | b'\t')) => Some((code, end)),
        _ => None,
    }
}

#[inline]
fn trim_blanks(text: &[u8]) -> &[u8] {
    let blanks = text
        .iter()
        .take_while(|&&b| b == b' ' || b == b'\t')
        .count();
    &text[blanks..]
}

/// RFC 5321's textstring is HT, SP and printable US-ASCII. Records what else the text holds;
/// with SMTPUTF8, UTF-8 text is no deviation.
fn check_text(text: &[u8], smtputf8: bool, anomalies: &mut AnomalySet) {
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
        match (core::str::from_utf8(text).is_ok(), smtputf8) {
            (true, true) => {}
            (true, false) => anomalies.insert(AnomalyKind::NonAsciiText),
            (false, _) => anomalies.insert(AnomalyKind::InvalidUtf8Text),
        }
    }
}

const ONES: u64 = 0x0101_0101_0101_0101;
const HIGHS: u64 = 0x8080_8080_8080_8080;

/// A mask with the high bit set in every byte of the word that is below 0x20 or at or above
/// 0x7F (DEL and non-ASCII), and nowhere else. With the high bits cleared first, adding 0x60
/// sets a byte's high bit exactly when it is at least 0x20, and adding 0x01 exactly when it is
/// 0x7F; no addition carries into the next byte.
const fn unusual_mask(word: u64) -> u64 {
    let low = word & !HIGHS;
    let at_least_space = low.wrapping_add(ONES * 0x60);
    let del = low.wrapping_add(ONES);
    (!at_least_space | del | word) & HIGHS
}

/// Whether a byte is outside SP and printable ASCII.
const fn is_unusual(byte: u8) -> bool {
    byte < 0x20 || byte >= 0x7F
}

fn word(chunk: &[u8]) -> u64 {
    chunk.try_into().map_or(0, u64::from_le_bytes)
}

/// The first position of `byte` in `input`: a block at a time (vector compares, as in
/// [`block_is_clean`]), then a word at a time in the block that holds it.
#[inline]
pub(crate) fn find_byte(input: &[u8], byte: u8) -> Option<usize> {
    let mut start = 0;
    for block in input.chunks_exact(BLOCK) {
        // No short circuit, so the fold compiles to vector compares.
        #[allow(clippy::needless_bitwise_bool)]
        if block.iter().fold(false, |found, &b| found | (b == byte)) {
            break;
        }
        start += BLOCK;
    }
    let rest = &input[start..];
    let mut words = rest.chunks_exact(8);
    for chunk in &mut words {
        let x = word(chunk) ^ (ONES * u64::from(byte));
        let mask = x.wrapping_sub(ONES) & !x & HIGHS;
        if mask != 0 {
            return Some(start + (mask.trailing_zeros() / 8) as usize);
        }
        start += 8;
    }
    words
        .remainder()
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
    first_unusual(text, 0).is_some()
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
    fn search_line_agrees_with_a_plain_search_wherever_it_starts() {
        let inputs: [&[u8]; 6] = [
            b"250 a plain line of text that is long\r\nnext",
            b"250 caf\xc3\xa9 and more text after it\nnext",
            b"500 NOOP\rRSET and a CR in the middle\r\n",
            b"250 no end yet, and a CR at the end\r",
            b"250 tab\there\r\n",
            b"250 short\n",
        ];
        for input in inputs {
            let lf = input.iter().position(|&b| b == b'\n');
            let plain_unusual = |end: usize| {
                let (content, _) = content_end(input, end);
                input[..content].iter().any(|&b| is_unusual(b))
            };
            for from in 0..=input.len() {
                let searched = search_line(input, from.min(input.len()), false);
                match (lf, searched) {
                    (
                        Some(lf),
                        Search::Found {
                            lf: found, unusual, ..
                        },
                    ) if from <= lf => {
                        assert_eq!(found, lf, "{input:?} from {from}");
                        if from == 0 {
                            assert_eq!(unusual, plain_unusual(lf), "{input:?}");
                        }
                    }
                    (Some(lf), Search::Found { lf: found, .. }) => assert!(found > lf),
                    (None, Search::NotYet { searched, .. }) => {
                        assert!(searched >= input.len() - 1, "{input:?} from {from}");
                    }
                    (Some(lf), Search::NotYet { .. }) => assert!(from > lf, "{input:?}"),
                    (None, found) => panic!("{input:?}: {found:?}"),
                }
            }
        }
    }

    #[test]
    fn the_first_unusual_byte_is_found_in_blocks_words_and_tails() {
        let plain = |input: &[u8], from: usize| {
            input[from..]
                .iter()
                .position(|&b| is_unusual(b))
                .map(|i| from + i)
        };
        // Every length up to three blocks, every position of one or two flagged bytes, and
        // every start, so each path (whole blocks, the overlapping last block, a short rest
        // read by word and by byte) is taken.
        for len in 0..=3 * BLOCK + 1 {
            let clean = [b'a'; 3 * BLOCK + 1];
            let clean = &clean[..len];
            for from in 0..=len {
                assert_eq!(first_unusual(clean, from), None, "len {len} from {from}");
            }
            for at in 0..len {
                for bad in [b'\n', b'\r', 0x00, 0x7F, 0x80, 0xFF] {
                    let mut buffer = [b'a'; 3 * BLOCK + 1];
                    let input = &mut buffer[..len];
                    input[at] = bad;
                    if at + 5 < len {
                        input[at + 5] = b'\t';
                    }
                    for from in 0..=len {
                        assert_eq!(
                            first_unusual(input, from),
                            plain(input, from),
                            "len {len}, {bad:#x} at {at}, from {from}"
                        );
                    }
                }
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

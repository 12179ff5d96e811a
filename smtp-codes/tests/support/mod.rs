//! Helpers shared by the integration tests (and, through `#[path]`, the benchmarks): the corpus
//! in `tests/data/`, and a small deterministic random generator so randomized tests need no
//! dependency and every run sees the same inputs.

#![allow(dead_code, clippy::cast_possible_truncation)]

/// Undoes the corpus escapes: `\r` `\n` `\t` `\0` `\\` and `\xHH`.
pub(crate) fn unescape(field: &str) -> Vec<u8> {
    let bytes = field.as_bytes();
    let mut out = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while i < bytes.len() {
        if bytes[i] != b'\\' || i + 1 == bytes.len() {
            out.push(bytes[i]);
            i += 1;
            continue;
        }
        let escaped = match bytes[i + 1] {
            b'r' => b'\r',
            b'n' => b'\n',
            b't' => b'\t',
            b'0' => 0,
            b'\\' => b'\\',
            b'x' => {
                let hex = std::str::from_utf8(&bytes[i + 2..i + 4]).expect("two hex digits");
                out.push(u8::from_str_radix(hex, 16).expect("two hex digits"));
                i += 4;
                continue;
            }
            other => panic!("unknown escape \\{}", other as char),
        };
        out.push(escaped);
        i += 2;
    }
    out
}

/// The rows of a corpus TSV file, header skipped, split into fields.
pub(crate) fn rows(tsv: &str) -> impl Iterator<Item = Vec<&str>> {
    tsv.lines()
        .skip(1)
        .filter(|l| !l.is_empty())
        .map(|l| l.split('\t').collect())
}

/// The replies of `real-replies.tsv` as bytes on the wire, with the CRLF after the last line
/// that the file leaves out.
pub(crate) fn real_replies() -> Vec<Vec<u8>> {
    rows(include_str!("../data/real-replies.tsv"))
        .map(|row| [unescape(row[1]), b"\r\n".to_vec()].concat())
        .collect()
}

/// Xorshift64: deterministic, dependency-free pseudo-random numbers.
pub(crate) struct XorShift(pub(crate) u64);

impl XorShift {
    pub(crate) fn next(&mut self) -> u64 {
        self.0 ^= self.0 << 13;
        self.0 ^= self.0 >> 7;
        self.0 ^= self.0 << 17;
        self.0
    }

    /// A number below `n`.
    pub(crate) fn below(&mut self, n: usize) -> usize {
        (self.next() % n as u64) as usize
    }
}

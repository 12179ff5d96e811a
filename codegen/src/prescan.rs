//! What the data file must not hold, checked before the YAML parser sees it: anchors, aliases
//! and deep nesting, each of which lets a small hostile file cost far more than its size.
//!
//! The scan follows the tokenizer of libyaml (which `serde_yaml` uses) closely enough to know
//! where each token starts: quoted scalars, comments, block scalars (`|`, `>`), tags, and plain
//! scalars, also those that go on over several lines. So `a & b`, `"*x"` and the text of a
//! block scalar are text, while `&x` or `*x` where a token starts is refused, as libyaml reads
//! an anchor or an alias there (in `{?*x}` and after `"a" ` too). Where it cannot be exact, the
//! scan keeps more of the file as YAML to scan, never less: a false alarm can be quoted away, a
//! missed alias could not be.

use crate::diagnostic::{Diagnostic, Diagnostics};

/// How deeply flow collections (`[…]`, `{…}`) may nest. The schema needs two (a reference
/// inside a reply text); libyaml's work grows with the square of this depth, so it is capped
/// before parsing.
pub const MAX_FLOW_DEPTH: usize = 32;

/// How deeply block collections (by indentation, or several `- ` on one line) may nest. The
/// schema needs four (section, entry, a list in it, an entry of that list).
pub const MAX_BLOCK_DEPTH: usize = 32;

const NO_ANCHORS: &str = "the data file takes no anchors or aliases (they let a small file \
                          expand into a huge one)";

/// Reports, into `diagnostics`, every anchor and alias in `source` and the first place where
/// flow or block nesting goes deeper than its cap. Takes time and memory linear in `source`.
pub(crate) fn prescan(source: &str, file: &str, diagnostics: &mut Diagnostics) {
    let mut scanner = Scanner {
        file,
        diagnostics,
        flow: 0,
        deepest_flow: 0,
        block: Vec::new(),
        deepest_block: 0,
        quote: None,
        plain: false,
        plain_continues: false,
        key_column: None,
        block_scalar: None,
    };
    let mut chars = Vec::new();
    let mut number = 1;
    let mut rest = source.chars().peekable();
    loop {
        chars.clear();
        let mut ended = false;
        while let Some(c) = rest.next() {
            // libyaml's line breaks: CR, LF, CR LF, and NEL, LS, PS.
            if matches!(c, '\n' | '\r' | '\u{85}' | '\u{2028}' | '\u{2029}') {
                if c == '\r' && rest.peek() == Some(&'\n') {
                    rest.next();
                }
                ended = true;
                break;
            }
            chars.push(c);
        }
        scanner.line(number, &chars);
        if !ended {
            return;
        }
        number += 1;
    }
}

/// Where a block scalar's text is.
#[derive(Debug, Clone, Copy)]
enum BlockScalar {
    /// Before its first line that is not blank: that line sets the indentation, which must be
    /// at least `min` and at least `blank` (the longest run of spaces on a blank line so far).
    Pending { min: usize, blank: usize },
    /// Its text is the lines indented this far, and blank lines.
    Indented(usize),
}

struct Scanner<'a> {
    file: &'a str,
    diagnostics: &'a mut Diagnostics,
    /// How many flow collections are open.
    flow: usize,
    /// The deepest `flow` so far: the cap is reported the first time it is passed.
    deepest_flow: usize,
    /// The columns (0-based) of the open block collections, innermost last: libyaml's
    /// indentation stack.
    block: Vec<usize>,
    /// The deepest `block` so far.
    deepest_block: usize,
    /// The quote of a quoted scalar still open at the end of the previous line.
    quote: Option<char>,
    /// Inside a plain (unquoted) scalar.
    plain: bool,
    /// Block context: the previous line ended inside a plain scalar, which more indented lines
    /// continue.
    plain_continues: bool,
    /// The column where the first token of the current line's last node began: the key, when
    /// a `:` follows.
    key_column: Option<usize>,
    block_scalar: Option<BlockScalar>,
}

impl Scanner<'_> {
    fn line(&mut self, number: usize, chars: &[char]) {
        // Block scalars and plain scalars count only spaces as indentation; between tokens,
        // libyaml also skips a byte order mark at the start of a line.
        let spaces = chars.iter().take_while(|&&c| c == ' ').count();
        let indent = if chars.first() == Some(&'\u{feff}') {
            1 + chars[1..].iter().take_while(|&&c| c == ' ').count()
        } else {
            spaces
        };
        let only_spaces = spaces == chars.len();
        let blank = chars[indent..].iter().all(|&c| is_space(c));
        let marker = chars.len() >= 3
            && (chars[..3] == ['-'; 3] || chars[..3] == ['.'; 3])
            && chars.get(3).is_none_or(|&c| is_space(c));
        if let Some(scalar) = self.block_scalar {
            if !marker {
                match scalar {
                    BlockScalar::Pending { min, blank } if only_spaces => {
                        self.block_scalar = Some(BlockScalar::Pending {
                            min,
                            blank: blank.max(spaces),
                        });
                        return;
                    }
                    BlockScalar::Pending { min, blank } if spaces >= min.max(blank) => {
                        self.block_scalar = Some(BlockScalar::Indented(spaces));
                        return;
                    }
                    BlockScalar::Indented(text) if only_spaces || spaces >= text => return,
                    _ => {}
                }
            }
            self.block_scalar = None;
        }
        self.key_column = None;
        let mut start = 0;
        if let Some(quote) = self.quote {
            let Some(end) = closing_quote(chars, 0, quote) else {
                return;
            };
            self.quote = None;
            start = end + 1;
        } else if self.flow == 0 {
            if blank {
                return;
            }
            if marker {
                // A new document (or the end of one): nothing stays open across it.
                self.block.clear();
                self.plain_continues = false;
                start = 3;
            } else if self.plain_continues && self.block.last().is_none_or(|&top| spaces > top) {
                // More of a multi-line plain scalar: text, up to a comment. (`: ` in it would
                // be an error for libyaml, which allows no key over several lines.)
                self.plain_continues = !chars[spaces..]
                    .iter()
                    .enumerate()
                    .any(|(i, &c)| c == '#' && (i == 0 || is_space(chars[spaces + i - 1])));
                return;
            } else if chars[indent] == '#' {
                // A comment line ends a plain scalar, and closes no collection.
                self.plain_continues = false;
                return;
            } else {
                self.plain_continues = false;
                // libyaml closes the block collections indented deeper than the line.
                while self.block.last().is_some_and(|&top| top > indent) {
                    self.block.pop();
                }
                start = indent;
            }
        }
        self.scan(number, chars, start);
        if self.flow == 0 && self.quote.is_none() {
            self.plain_continues = self.plain;
            self.plain = false;
        }
    }

    /// Reads the tokens of one line from `from`, until its end, a comment, a block scalar's
    /// header or a quoted scalar that goes on to the next line.
    fn scan(&mut self, number: usize, chars: &[char], from: usize) {
        let mut i = from;
        while i < chars.len() {
            let c = chars[i];
            let next = chars.get(i + 1).copied();
            let flow = self.flow > 0;
            if self.plain {
                // A plain scalar ends at `: `, at ` #`, and in flow context at `,[]{}`.
                if c == '#' && (i == 0 || is_space(chars[i - 1])) {
                    self.plain = false;
                    return;
                }
                if !(c == ':' && next.is_none_or(is_space) || flow && is_flow_indicator(c)) {
                    i += 1;
                    continue;
                }
                self.plain = false;
            }
            // Between tokens.
            if is_space(c) || c == '\u{feff}' && i == 0 {
                i += 1;
                continue;
            }
            match self.token(number, chars, i) {
                Some(end) => i = end,
                None => return,
            }
        }
    }

    /// Reads the token that starts at `chars[i]`, as libyaml tells them apart; returns where
    /// the next one may start, or `None` when the rest of the line holds no more (a comment, a
    /// directive, a block scalar's header, a quote that goes on past the line).
    fn token(&mut self, number: usize, chars: &[char], i: usize) -> Option<usize> {
        let c = chars[i];
        let next = chars.get(i + 1).copied();
        let flow = self.flow > 0;
        let before_space = next.is_none_or(is_space);
        match c {
            '#' => return None,
            '%' if i == 0 => return None,
            '[' | '{' => {
                if !flow {
                    self.key_column.get_or_insert(i);
                }
                self.open_flow(number, i);
            }
            ']' | '}' => self.flow = self.flow.saturating_sub(1),
            ',' => {}
            '-' | '?' | ':' if before_space || flow && c != '-' => {
                // A sequence entry, a key or a value: in block context, a collection at the
                // entry's, the key's or the value's column.
                if !flow {
                    let column = if c == ':' {
                        self.key_column.unwrap_or(i)
                    } else {
                        i
                    };
                    self.open_block(number, column);
                }
                self.key_column = None;
            }
            '&' | '*' => {
                if !flow {
                    self.key_column.get_or_insert(i);
                }
                let end = (i + 1..chars.len())
                    .find(|&j| !(chars[j].is_ascii_alphanumeric() || matches!(chars[j], '-' | '_')))
                    .unwrap_or(chars.len());
                let name: String = chars[i..end].iter().collect();
                let message = if c == '&' {
                    format!(
                        "YAML anchor `{name}`: {NO_ANCHORS}; write the value out in full where \
                         it is used"
                    )
                } else {
                    format!(
                        "YAML alias `{name}`: {NO_ANCHORS}; write the value out here in full, or \
                         quote it if it is text"
                    )
                };
                self.report(number, i, message);
                return Some(end);
            }
            '!' => {
                if !flow {
                    self.key_column.get_or_insert(i);
                }
                return Some(tag_end(chars, i));
            }
            '|' | '>' if !flow => {
                self.block_scalar = Some(self.block_scalar_header(&chars[i + 1..]));
                return None;
            }
            '"' | '\'' => {
                if !flow {
                    self.key_column.get_or_insert(i);
                }
                let end = closing_quote(chars, i + 1, c);
                if end.is_none() {
                    self.quote = Some(c);
                }
                return end.map(|end| end + 1);
            }
            _ => {
                if !flow {
                    self.key_column.get_or_insert(i);
                }
                self.plain = true;
            }
        }
        Some(i + 1)
    }

    /// Where the text of a block scalar whose header is followed by `rest` will be: as libyaml
    /// has it, indented past the innermost block collection, and at least one column.
    fn block_scalar_header(&self, rest: &[char]) -> BlockScalar {
        let explicit = rest
            .iter()
            .take(2)
            .find_map(|c| c.to_digit(10).filter(|&d| d > 0));
        let top = self.block.last().copied();
        match explicit {
            Some(digits) => {
                let digits = digits as usize;
                BlockScalar::Indented(top.map_or(digits, |top| top + digits))
            }
            None => BlockScalar::Pending {
                min: top.map_or(1, |top| top + 1),
                blank: 0,
            },
        }
    }

    fn open_flow(&mut self, number: usize, index: usize) {
        self.flow += 1;
        if self.flow > self.deepest_flow {
            self.deepest_flow = self.flow;
            if self.flow == MAX_FLOW_DEPTH + 1 {
                self.report(
                    number,
                    index,
                    format!(
                        "flow collections (`[…]`, `{{…}}`) nested more than {MAX_FLOW_DEPTH} \
                         deep; the schema needs two at most: flatten the data or close the \
                         brackets (codegen refuses deeper nesting before parsing, see \
                         `codegen::MAX_FLOW_DEPTH`)"
                    ),
                );
            }
        }
    }

    /// A block collection (a `- `, a `? ` or a key) at `column`: one level deeper than the
    /// innermost open one unless it is that one.
    fn open_block(&mut self, number: usize, column: usize) {
        if self.block.last().is_some_and(|&top| top >= column) {
            return;
        }
        self.block.push(column);
        if self.block.len() > self.deepest_block {
            self.deepest_block = self.block.len();
            if self.deepest_block == MAX_BLOCK_DEPTH + 1 {
                self.report(
                    number,
                    column,
                    format!(
                        "block collections nested more than {MAX_BLOCK_DEPTH} deep (by \
                         indentation, or `- ` after `- `); the schema needs four at most: \
                         flatten the data (codegen refuses deeper nesting before parsing, see \
                         `codegen::MAX_BLOCK_DEPTH`)"
                    ),
                );
            }
        }
    }

    fn report(&mut self, number: usize, index: usize, message: String) {
        self.diagnostics.push_diagnostic(Diagnostic {
            file: self.file.to_owned(),
            line: Some(number),
            column: Some(index + 1),
            entry: None,
            message,
        });
    }
}

fn is_space(c: char) -> bool {
    c == ' ' || c == '\t'
}

fn is_flow_indicator(c: char) -> bool {
    matches!(c, ',' | '[' | ']' | '{' | '}')
}

/// Where the tag starting at `chars[i]` (`!`) ends, as libyaml reads it: a verbatim tag runs to
/// its `>`, any other over the characters of a URI, flow indicators excepted.
fn tag_end(chars: &[char], i: usize) -> usize {
    if chars.get(i + 1) == Some(&'<') {
        return (i + 2..chars.len())
            .find(|&j| chars[j] == '>')
            .map_or(chars.len(), |j| j + 1);
    }
    (i + 1..chars.len())
        .find(|&j| {
            let c = chars[j];
            !(c.is_ascii_alphanumeric() || "-_;/?:@&=+$.%!~*'()".contains(c))
        })
        .unwrap_or(chars.len())
}

/// The index of the quote that closes a scalar opened by `quote`, searching from `from`; `None`
/// when the scalar goes on past the line. `''` is a quote in single quotes, `\` escapes in
/// double quotes.
fn closing_quote(chars: &[char], from: usize, quote: char) -> Option<usize> {
    let mut i = from;
    while i < chars.len() {
        match chars[i] {
            '\\' if quote == '"' => i += 2,
            '\'' if quote == '\'' && chars.get(i + 1) == Some(&'\'') => i += 2,
            c if c == quote => return Some(i),
            _ => i += 1,
        }
    }
    None
}

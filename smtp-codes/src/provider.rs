//! What large mail providers say their replies mean: [`Provider`], its documents and codes
//! ([`ProviderCodeInfo`]), and how to tell which provider sent a reply.
//!
//! Providers reuse registered enhanced codes with meanings of their own (Gmail's 5.7.27 is an
//! SPF failure, the registry's X.7.27 a sender's null MX), so a provider's reading is kept
//! beside the registry's, never instead of it.

use crate::generated::{PROVIDER_TABLE, ProviderCodeInfo, ProviderDocument, ProviderTable};
use crate::{Class, EnhancedCode, ReplyCode};

pub use crate::generated::Provider;

impl Provider {
    /// Every provider the table knows, in the order of the data file.
    pub const ALL: &'static [Provider] = &crate::generated::PROVIDERS;

    const fn table(self) -> &'static ProviderTable {
        &PROVIDER_TABLE[self as usize]
    }

    /// The provider's name, such as `"Google"`.
    pub const fn name(self) -> &'static str {
        self.table().name
    }

    /// The identifier the data file and the exports use, such as `"google"`.
    pub const fn id(self) -> &'static str {
        self.table().id
    }

    /// What the provider runs, in this project's words.
    pub const fn description(self) -> &'static str {
        self.table().description
    }

    /// The documents its codes come from, with their licences.
    pub const fn documents(self) -> &'static [ProviderDocument] {
        self.table().documents
    }

    /// The texts that identify the provider in a reply (case matters), such as Gmail's
    /// `- gsmtp`; [`from_reply_text`](Self::from_reply_text) looks for them.
    pub const fn fingerprints(self) -> &'static [&'static str] {
        self.table().fingerprints
    }

    /// Every documented code of the provider, in (subject, detail) order.
    pub const fn codes(self) -> &'static [ProviderCodeInfo] {
        self.table().codes
    }

    /// The provider whose mail servers `host` names: the MX host a client connected to, such
    /// as `gmail-smtp-in.l.google.com` or `example-com.mail.protection.outlook.com`. Case does
    /// not matter, nor a trailing dot.
    ///
    /// ```
    /// use smtp_codes::Provider;
    ///
    /// assert_eq!(Provider::from_mx_host("gmail-smtp-in.l.google.com."), Some(Provider::Google));
    /// assert_eq!(Provider::from_mx_host("mx.example.org"), None);
    /// ```
    pub fn from_mx_host(host: &str) -> Option<Provider> {
        let host = host.strip_suffix('.').unwrap_or(host);
        Provider::ALL.iter().copied().find(|provider| {
            provider
                .table()
                .mx_hosts
                .iter()
                .any(|pattern| match pattern.strip_prefix("*.") {
                    Some(domain) => {
                        host.len() > domain.len() + 1
                            && host.as_bytes()[host.len() - domain.len() - 1] == b'.'
                            && host[host.len() - domain.len()..].eq_ignore_ascii_case(domain)
                    }
                    None => host.eq_ignore_ascii_case(pattern),
                })
        })
    }

    /// The provider whose documented fingerprint appears in a reply's text, such as Gmail's
    /// `- gsmtp` at the end of every reply.
    pub fn from_reply_text(text: &[u8]) -> Option<Provider> {
        Provider::from_reply_text_with(text, &crate::classify::BytePairs::of_text(text))
    }

    /// [`from_reply_text`](Self::from_reply_text) for a text whose byte pairs are known.
    pub(crate) fn from_reply_text_with(
        text: &[u8],
        pairs: &crate::classify::BytePairs,
    ) -> Option<Provider> {
        Provider::ALL.iter().copied().find(|provider| {
            let table = provider.table();
            table
                .fingerprints
                .iter()
                .zip(table.fingerprint_pairs)
                .any(|(fingerprint, needed)| {
                    pairs.may_hold(*needed) && contains(text, fingerprint.as_bytes())
                })
        })
    }

    /// What the provider documents `enhanced` to mean, for a reply with code `reply` if known.
    /// A documented row with the same reply code wins over one with another or none; among
    /// rows that tie, the first in the document's order.
    ///
    /// ```
    /// use smtp_codes::{Provider, ReplyCode, enhanced_code};
    ///
    /// let meaning = Provider::Google
    ///     .meaning(Some(ReplyCode::MAILBOX_UNAVAILABLE), enhanced_code!("5.7.27"))
    ///     .unwrap();
    /// assert!(meaning.differs_from_registry());
    /// println!("Google: {}", meaning.description());
    /// ```
    pub fn meaning(
        self,
        reply: Option<ReplyCode>,
        enhanced: EnhancedCode,
    ) -> Option<&'static ProviderCodeInfo> {
        // A row of the code's own class always ranks first: the rows of the other classes
        // count only when it has none.
        let [exact, range] = self.runs_of(enhanced, class_index(enhanced.class()));
        if exact.is_empty() && range.is_empty() {
            return best(self.meanings(enhanced), enhanced, reply, None);
        }
        best(exact.iter().chain(range), enhanced, reply, None)
    }

    /// Every row the provider documents with the basic code `reply`, in the document's order
    /// (those with an enhanced code first).
    pub fn reply_meanings(
        self,
        reply: ReplyCode,
    ) -> impl Iterator<Item = &'static ProviderCodeInfo> + 'static {
        self.codes().iter().filter(move |c| c.reply == Some(reply))
    }

    /// Every row the provider documents for `enhanced` (a code can have several, told apart by
    /// their classes, reply codes and texts).
    pub fn meanings(
        self,
        enhanced: EnhancedCode,
    ) -> impl Iterator<Item = &'static ProviderCodeInfo> + 'static {
        let [exact2, range2] = self.runs_of(enhanced, 0);
        let [exact4, range4] = self.runs_of(enhanced, 1);
        let [exact5, range5] = self.runs_of(enhanced, 2);
        exact2
            .iter()
            .chain(range2)
            .chain(exact4)
            .chain(range4)
            .chain(exact5)
            .chain(range5)
    }

    /// The rows for `enhanced`'s subject and detail in the part of the index of class `class`
    /// (0 for 2, 1 for 4, 2 for 5), as two runs of adjacent rows: those for exactly that code,
    /// and those of the range that covers it. (The index has a part per class because one
    /// number can mean different things in two classes: 4.7.32 and 5.7.32.)
    fn runs_of(self, enhanced: EnhancedCode, class: usize) -> [&'static [ProviderCodeInfo]; 2] {
        let table = self.table();
        let index = class * table.slot_stride + usize::from(enhanced.subject());
        let slot = match (table.slot_bases.get(index), table.slots.get(index)) {
            (Some(base), Some(slots)) => enhanced
                .detail()
                .checked_sub(*base)
                .and_then(|offset| slots.get(usize::from(offset))),
            _ => None,
        };
        match slot {
            Some(&(exact, range)) => [run(table.codes, exact), run(table.codes, range)],
            None => [&[], &[]],
        }
    }
}

/// The part of the lookup index of `class`.
const fn class_index(class: Class) -> usize {
    match class {
        Class::PositiveCompletion | Class::PositiveIntermediate => 0,
        Class::TransientNegative => 1,
        Class::PermanentNegative => 2,
    }
}

/// The run of rows that starts at `position` (`NO_ROW` for none): the rows for one code, or for
/// one range, are adjacent.
fn run(codes: &'static [ProviderCodeInfo], position: u8) -> &'static [ProviderCodeInfo] {
    let Some(rows) = codes.get(usize::from(position)..) else {
        return &[];
    };
    let same = rows.first().map(|row| (row.subject, row.first, row.last));
    let len = rows
        .iter()
        .take_while(|row| Some((row.subject, row.first, row.last)) == same)
        .count();
    &rows[..len]
}

/// The row of `rows` that fits best: one of the same class as `enhanced` (a provider may give
/// 4.7.32 and 5.7.32 different meanings), then one whose reply code matches, then one whose
/// documented text the reply holds, then the first.
pub(crate) fn best(
    rows: impl Iterator<Item = &'static ProviderCodeInfo>,
    enhanced: EnhancedCode,
    reply: Option<ReplyCode>,
    text: Option<&[u8]>,
) -> Option<&'static ProviderCodeInfo> {
    let mut best: Option<(u8, &'static ProviderCodeInfo)> = None;
    for row in rows {
        let class = u8::from(row.class == enhanced.class());
        let code = match (row.reply, reply) {
            (Some(documented), Some(seen)) if documented == seen => 2,
            (None, _) | (_, None) => 1,
            (Some(_), Some(_)) => 0,
        };
        let said = text.is_some_and(|text| {
            row.texts
                .iter()
                .any(|documented| contains(text, documented.as_bytes()))
        });
        let score = class * 8 + code * 2 + u8::from(said);
        // Strictly better only: among equals, the first row stays.
        if best.is_none_or(|(top, _)| score > top) {
            best = Some((score, row));
        }
    }
    best.map(|(_, row)| row)
}

/// Whether `needle` occurs in `haystack` (byte for byte; an empty needle does not).
pub(crate) fn contains(haystack: &[u8], needle: &[u8]) -> bool {
    let Some((&first, rest)) = needle.split_first() else {
        return false;
    };
    let mut start = 0;
    while let Some(offset) = haystack
        .get(start..)
        .and_then(|tail| tail.iter().position(|&b| b == first))
    {
        let at = start + offset;
        if haystack.get(at + 1..at + 1 + rest.len()) == Some(rest) {
            return true;
        }
        start = at + 1;
    }
    false
}

/// The subject the generated table gives a row that has no enhanced code: it sorts last and
/// matches no code.
const NO_SUBJECT: u16 = u16::MAX;

/// The methods of [`ProviderCodeInfo`] that compute something; the accessors of its fields
/// are generated with the struct.
impl ProviderCodeInfo {
    /// The enhanced code; for a documented range, its first code. `None` for a row the
    /// document gives only a basic code for.
    pub const fn enhanced_code(&self) -> Option<EnhancedCode> {
        self.with_detail(self.first)
    }

    /// The last code of a documented range (the same as [`enhanced_code`](Self::enhanced_code)
    /// for a single code).
    pub const fn last_enhanced_code(&self) -> Option<EnhancedCode> {
        self.with_detail(self.last)
    }

    /// The row's class and subject with `detail`; `None` for a row without an enhanced code.
    const fn with_detail(&self, detail: u16) -> Option<EnhancedCode> {
        if self.subject == NO_SUBJECT {
            None
        } else {
            Some(EnhancedCode::from_parts(self.class, self.subject, detail))
        }
    }

    /// Whether `code` is this row's code or in its range (whatever its class).
    pub const fn covers(&self, code: EnhancedCode) -> bool {
        code.subject() == self.subject && code.detail() >= self.first && code.detail() <= self.last
    }
}

impl core::fmt::Display for ProviderCodeInfo {
    /// Writes the provider and its meaning (`Google: ...`). The alternate form (`{:#}`) adds
    /// the registry's reading when it gives the same number another meaning, so both are shown
    /// wherever a meaning is.
    ///
    /// ```
    /// use smtp_codes::{Provider, enhanced_code};
    ///
    /// let row = Provider::Google.meaning(None, enhanced_code!("5.7.27")).unwrap();
    /// assert!(format!("{row:#}").contains("the IANA registry's X.7.27: Sender address has null MX"));
    /// ```
    fn fmt(&self, f: &mut core::fmt::Formatter<'_>) -> core::fmt::Result {
        write!(f, "{}: {}", self.provider.name(), self.description)?;
        if f.alternate() && self.differs_from_registry {
            if let Some(info) = self.enhanced_code().and_then(EnhancedCode::info) {
                write!(
                    f,
                    " (the IANA registry's {}: {})",
                    info.key(),
                    info.title().unwrap_or("untitled")
                )?;
            }
        }
        Ok(())
    }
}

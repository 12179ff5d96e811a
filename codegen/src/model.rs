//! The typed form of `data/smtp-codes.yaml`, as deserialized by [`crate::load`].

use serde::Deserialize;

/// Everything in the data file, after loading.
///
/// A `Registry` returned by [`crate::load_str`] has the shape the schema demands; only after
/// [`crate::validate`] accepts it are the cross-references, order and names known to be right.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Registry {
    /// The four reply classes (first digit 2, 3, 4 and 5).
    pub classes: Vec<ClassEntry>,
    /// The enhanced-status subjects (the middle number, 0 to 7).
    pub subjects: Vec<SubjectEntry>,
    /// One entry per documented three-digit reply code, ascending.
    pub reply_codes: Vec<ReplyEntry>,
    /// One entry per `X.subject.detail` code of the IANA registry, ascending.
    pub enhanced_codes: Vec<EnhancedEntry>,
    /// Every RFC the other sections cite, with its title, ascending.
    pub rfcs: Vec<RfcEntry>,
    /// What large mail providers document their codes to mean, in the order of the generated
    /// `Provider` enum (optional section).
    pub providers: Vec<ProviderEntry>,
}

/// An RFC the table cites.
#[derive(Debug, Clone, PartialEq, Eq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RfcEntry {
    /// The RFC number.
    pub rfc: u16,
    /// Its title, as the RFC Editor gives it.
    pub title: String,
    /// Line of the entry in the data file.
    #[serde(skip)]
    pub line: Line,
}

/// Where an entry starts in the data file (1-based), for error messages.
pub type Line = Option<usize>;

/// One reply class: the meaning of a reply code's first digit.
#[derive(Debug, Clone, PartialEq, Eq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ClassEntry {
    /// The digit, 2 to 5.
    pub class: u8,
    /// The RFC 5321 name, e.g. "Positive Completion".
    pub name: String,
    /// This project's description.
    pub description: String,
    /// Where the class is defined.
    pub references: Vec<Reference>,
    /// Line of the entry in the data file.
    #[serde(skip)]
    pub line: Line,
}

/// One enhanced-status subject (RFC 3463 section 3).
#[derive(Debug, Clone, PartialEq, Eq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct SubjectEntry {
    /// The subject number.
    pub subject: u16,
    /// The registry's name, e.g. "Addressing Status".
    pub name: String,
    /// This project's description.
    pub description: String,
    /// Where the subject is defined.
    pub references: Vec<Reference>,
    /// Line of the entry in the data file.
    #[serde(skip)]
    pub line: Line,
}

/// How a reply code is standardised.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum Status {
    /// Defined by the base SMTP specification or an RFC that updates it.
    Standard,
    /// Defined by the RFC of an SMTP service extension.
    Extension,
    /// Defined only by an obsolete or historic RFC.
    Obsolete,
    /// Defined by no RFC, but documented as sent by servers.
    NonStandard,
}

impl Status {
    /// The spelling used in the data file and the docs.
    pub fn as_str(self) -> &'static str {
        match self {
            Self::Standard => "standard",
            Self::Extension => "extension",
            Self::Obsolete => "obsolete",
            Self::NonStandard => "non-standard",
        }
    }

    /// The Rust path of the runtime crate's matching `Status` variant.
    pub fn variant(self) -> &'static str {
        match self {
            Self::Standard => "Standard",
            Self::Extension => "Extension",
            Self::Obsolete => "Obsolete",
            Self::NonStandard => "NonStandard",
        }
    }
}

/// A document that defines or describes an entry: an RFC (optionally one section), or another
/// document by name.
#[derive(Debug, Clone, PartialEq, Eq, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Reference {
    /// The RFC number, for an RFC.
    pub rfc: Option<u16>,
    /// The section of the RFC, as dot-separated numbers ("4.2.3"), or an appendix: a capital
    /// letter, then numbers ("E", "A.1").
    pub section: Option<String>,
    /// The name of a document that is not an RFC.
    pub name: Option<String>,
    /// Where a document that is not an RFC can be read.
    pub url: Option<String>,
}

impl Reference {
    /// How the docs name the reference: "RFC 5321, section 4.2.3", "RFC 3464, appendix E",
    /// "RFC 1846", or its name.
    pub fn label(&self) -> String {
        match (self.rfc, &self.section, &self.name) {
            (Some(rfc), Some(section), _) if is_appendix(section) => {
                format!("RFC {rfc}, appendix {section}")
            }
            (Some(rfc), Some(section), _) => format!("RFC {rfc}, section {section}"),
            (Some(rfc), None, _) => format!("RFC {rfc}"),
            (None, _, Some(name)) => name.clone(),
            (None, _, None) => String::new(),
        }
    }

    /// Where the reference can be read: the RFC Editor's page (and section anchor) for an RFC,
    /// the given URL otherwise.
    pub fn link(&self) -> Option<String> {
        match (self.rfc, &self.section) {
            (Some(rfc), Some(section)) => Some(format!(
                "https://www.rfc-editor.org/rfc/rfc{rfc}#{}-{section}",
                if is_appendix(section) {
                    "appendix"
                } else {
                    "section"
                }
            )),
            (Some(rfc), None) => Some(format!("https://www.rfc-editor.org/rfc/rfc{rfc}")),
            (None, _) => self.url.clone(),
        }
    }
}

/// Whether an RFC section names an appendix (`E`, `A.1`): it starts with a capital letter.
pub fn is_appendix(section: &str) -> bool {
    section.starts_with(|c: char| c.is_ascii_uppercase())
}

/// A reply text as a document gives it.
#[derive(Debug, Clone, PartialEq, Eq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ReplyText {
    /// The text, without the code and without the RFC's parenthetical remarks.
    pub text: String,
    /// The document that gives this wording.
    pub reference: Reference,
}

/// One three-digit reply code.
#[derive(Debug, Clone, PartialEq, Eq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ReplyEntry {
    /// The code, 200 to 599.
    pub code: u16,
    /// The Rust constant name.
    pub name: String,
    /// How the code is standardised.
    pub status: Status,
    /// The reply texts documents give, each with its source.
    #[serde(default)]
    pub texts: Vec<ReplyText>,
    /// The commands that may return it (`CONNECT` and `ANY` are pseudo-commands), as the RFCs
    /// allow (RFC 5321, section 4.3.2, for the base codes).
    #[serde(default)]
    pub commands: Vec<String>,
    /// Commands servers are documented to answer with this code beyond what the RFCs allow
    /// (Postfix refuses relaying with `554` at RCPT), kept apart from `commands`.
    pub seen_after: Option<SeenAfter>,
    /// For a number that is an enhanced status code with its dots removed (`511` for `5.1.1`),
    /// the code it comes from, as `class.subject.detail`; only for `non-standard` entries.
    pub alias_of: Option<String>,
    /// The documents that define or describe it.
    pub references: Vec<Reference>,
    /// This project's description.
    pub description: String,
    /// History, disagreements between sources, non-standard uses.
    pub notes: Option<String>,
    /// Line of the entry in the data file.
    #[serde(skip)]
    pub line: Line,
}

impl ReplyEntry {
    /// The `(class, subject, detail)` of `alias_of`, when it is well formed.
    pub fn alias_parts(&self) -> Option<(u8, u16, u16)> {
        let alias = self.alias_of.as_deref()?;
        let (class, rest) = alias.split_once('.')?;
        let class = match class {
            "2" => 2,
            "4" => 4,
            "5" => 5,
            _ => return None,
        };
        let (subject, detail) = rest.split_once('.')?;
        Some((class, parse_part(subject)?, parse_part(detail)?))
    }
}

/// Commands a reply code is documented to follow in practice.
#[derive(Debug, Clone, PartialEq, Eq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct SeenAfter {
    /// The commands, as in [`ReplyEntry::commands`].
    pub commands: Vec<String>,
    /// Where servers are documented doing so (at least one).
    pub references: Vec<Reference>,
}

/// One `X.subject.detail` entry of the IANA enhanced status code registry.
#[derive(Debug, Clone, PartialEq, Eq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct EnhancedEntry {
    /// The code as the registry writes it, e.g. `X.1.1`.
    pub code: String,
    /// The registry's title (absent only for deprecated entries).
    pub title: Option<String>,
    /// The classes (2, 4, 5) the code is meaningful with.
    pub classes: Vec<u8>,
    /// The basic reply codes the registry associates with it.
    pub associated_codes: Vec<u16>,
    /// The registry's wording where it is not a plain list of codes.
    pub associated_note: Option<String>,
    /// The documents that define it.
    pub references: Vec<Reference>,
    /// Whether the registry marks it deprecated.
    #[serde(default)]
    pub deprecated: bool,
    /// For a deprecated entry, the entry to use instead, as `X.<subject>.<detail>`; the class
    /// carries over (`5.6.10` becomes `5.6.8`). [`crate::validate`] checks that it names an
    /// entry that is not itself deprecated, and that only a deprecated entry has one.
    pub replaced_by: Option<String>,
    /// This project's description.
    pub description: String,
    /// History and disagreements between sources.
    pub notes: Option<String>,
    /// Line of the entry in the data file.
    #[serde(skip)]
    pub line: Line,
}

impl EnhancedEntry {
    /// The subject and detail numbers, when `code` is well formed (`X.n.n`).
    pub fn subject_detail(&self) -> Option<(u16, u16)> {
        parse_enhanced_key(&self.code)
    }
}

/// Parses `X.<subject>.<detail>` with 1 to 3 digits each and no leading zeros.
pub fn parse_enhanced_key(code: &str) -> Option<(u16, u16)> {
    let rest = code.strip_prefix("X.")?;
    let (subject, detail) = rest.split_once('.')?;
    Some((parse_part(subject)?, parse_part(detail)?))
}

fn parse_part(part: &str) -> Option<u16> {
    let well_formed = (1..=3).contains(&part.len())
        && part.bytes().all(|b| b.is_ascii_digit())
        && !(part.len() > 1 && part.starts_with('0'));
    if well_formed { part.parse().ok() } else { None }
}

/// One mail provider: its documents, how to recognise it, and its documented codes.
#[derive(Debug, Clone, PartialEq, Eq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ProviderEntry {
    /// Lower-case identifier (`google`); the Rust variant is its camel case (`Google`).
    pub id: String,
    /// Display name (`Google`).
    pub name: String,
    /// This project's one-line description.
    pub description: String,
    /// The documents its codes come from.
    pub documents: Vec<ProviderDocument>,
    /// MX host names that identify the provider; a leading `*.` matches any subdomain.
    #[serde(default)]
    pub mx_hosts: Vec<Fingerprint>,
    /// Substrings of reply text that identify the provider.
    #[serde(default)]
    pub fingerprints: Vec<Fingerprint>,
    /// The documented codes.
    pub codes: Vec<ProviderCode>,
    /// Line of the entry in the providers file.
    #[serde(skip)]
    pub line: Line,
}

/// A document a provider's codes come from, with the copy that was read.
#[derive(Debug, Clone, PartialEq, Eq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ProviderDocument {
    /// Identifier the codes refer to.
    pub id: String,
    /// Title.
    pub name: String,
    /// Where the provider publishes it.
    pub url: String,
    /// Where the copy that was read can be found (an archive or a repository), if not `url`.
    pub copy: Option<String>,
    /// The date of that copy, `YYYY-MM-DD`.
    pub retrieved: String,
    /// Its licence, as the provider states it (`CC BY 4.0`), or `unknown`.
    pub licence: String,
    /// The attribution the licence asks for, if any.
    pub attribution: Option<String>,
}

/// An MX host pattern or a reply-text fingerprint, with the document that shows it.
#[derive(Debug, Clone, PartialEq, Eq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Fingerprint {
    /// For MX hosts: the host or `*.domain`; for replies: the text.
    #[serde(alias = "pattern")]
    pub text: String,
    /// Where it is shown (a URL or a repository path).
    pub source: String,
}

/// One documented code of a provider: an enhanced code or a range of them, the basic code if
/// the document gives one, the texts the provider sends, and the meaning.
#[derive(Debug, Clone, PartialEq, Eq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ProviderCode {
    /// The basic reply code, when the document gives one.
    pub reply: Option<u16>,
    /// `class.subject.detail`, or a range `class.subject.low-class.subject.high` of details.
    pub enhanced: Option<String>,
    /// Reply texts as the document shows them (verbatim: they are what the server sends).
    #[serde(default)]
    pub texts: Vec<String>,
    /// What the provider means by it, in this project's own words.
    pub description: String,
    /// The `id` of the document it comes from.
    pub document: String,
    /// Whether the provider's meaning differs from the registry's for the same number: a
    /// judgement, so it is data; only for codes the registry has.
    #[serde(default)]
    pub differs_from_registry: bool,
}

impl ProviderCode {
    /// The class, subject and the first and last detail of `enhanced` (equal for one code).
    pub fn enhanced_range(&self) -> Option<(u8, u16, u16, u16)> {
        let text = self.enhanced.as_deref()?;
        let (low, high) = match text.split_once('-') {
            Some((low, high)) => (low, high),
            None => (text, text),
        };
        let parse = |code: &str| -> Option<(u8, u16, u16)> {
            let (class, rest) = code.split_once('.')?;
            let class = match class {
                "2" => 2,
                "4" => 4,
                "5" => 5,
                _ => return None,
            };
            let (subject, detail) = rest.split_once('.')?;
            Some((class, parse_part(subject)?, parse_part(detail)?))
        };
        let (class, subject, first) = parse(low)?;
        let (high_class, high_subject, last) = parse(high)?;
        (class == high_class && subject == high_subject && first <= last)
            .then_some((class, subject, first, last))
    }
}

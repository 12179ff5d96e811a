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
    /// The commands a reply can answer, for the generated `Command` enum (optional section).
    pub commands: Vec<CommandEntry>,
    /// The reasons a delivery fails, for the generated `Reason` enum (optional section).
    pub reasons: Vec<ReasonEntry>,
    /// The classification rules (optional section).
    pub rules: Vec<RuleEntry>,
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

/// How a reply code is standardised (the runtime crate's `Status` is rendered from this).
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum Status {
    /// See [`Status::description`].
    Standard,
    /// See [`Status::description`].
    Extension,
    /// See [`Status::description`].
    Obsolete,
    /// See [`Status::description`].
    NonStandard,
}

impl Status {
    /// Every status, in the order the docs list them.
    pub const ALL: [Status; 4] = [
        Status::Standard,
        Status::Extension,
        Status::Obsolete,
        Status::NonStandard,
    ];

    /// What the status means: the runtime variant's doc comment.
    pub fn description(self) -> &'static str {
        match self {
            Self::Standard => {
                "Defined by the base SMTP specification (RFC 5321) or an RFC that updates it \
                 for every server (RFC 7504)."
            }
            Self::Extension => {
                "Defined by the RFC of an SMTP service extension (AUTH, STARTTLS, ETRN, …)."
            }
            Self::Obsolete => "Defined only by an RFC that is obsolete or historic.",
            Self::NonStandard => {
                "Defined by no RFC; documented as sent by servers, or named only by the \
                 IANA registry."
            }
        }
    }

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
        parse_enhanced_code(self.alias_of.as_deref()?)
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

/// Parses `X.<subject>.<detail>`, a key of the registry.
pub fn parse_enhanced_key(code: &str) -> Option<(u16, u16)> {
    match enhanced_parts(code)? {
        ("X", subject, detail) => Some((parse_part(subject)?, parse_part(detail)?)),
        _ => None,
    }
}

/// Parses `class.subject.detail` with class 2, 4 or 5 (`5.1.1`).
pub fn parse_enhanced_code(code: &str) -> Option<(u8, u16, u16)> {
    let (class, subject, detail) = enhanced_parts(code)?;
    Some((
        parse_class(class)?,
        parse_part(subject)?,
        parse_part(detail)?,
    ))
}

/// The three dot-separated parts of an enhanced code or key, unread: the one place codegen
/// splits RFC 3463's `class.subject.detail`.
fn enhanced_parts(code: &str) -> Option<(&str, &str, &str)> {
    let mut parts = code.split('.');
    let found = (parts.next()?, parts.next()?, parts.next()?);
    parts.next().is_none().then_some(found)
}

/// An enhanced code's class: 2, 4 or 5.
fn parse_class(class: &str) -> Option<u8> {
    match class {
        "2" => Some(2),
        "4" => Some(4),
        "5" => Some(5),
        _ => None,
    }
}

/// A subject or detail: 1 to 3 digits, no leading zeros (RFC 3463, section 2).
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
        let (class, subject, first) = parse_enhanced_code(low)?;
        let (high_class, high_subject, last) = parse_enhanced_code(high)?;
        (class == high_class && subject == high_subject && first <= last)
            .then_some((class, subject, first, last))
    }
}

/// One SMTP command a reply can answer, for the generated `Command` enum: the names of
/// [`crate::KNOWN_COMMANDS`], each with what it stands for.
#[derive(Debug, Clone, PartialEq, Eq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct CommandEntry {
    /// The command as the data writes it (`RCPT`, `DATA_END`).
    pub name: String,
    /// What it is, in this project's words.
    pub description: String,
    /// Line of the entry in the data file.
    #[serde(skip)]
    pub line: Line,
}

/// Why a delivery failed, for the generated `Reason` enum.
#[derive(Debug, Clone, PartialEq, Eq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ReasonEntry {
    /// The name (`recipient_unknown`); the Rust variant is its camel case.
    pub name: String,
    /// What it means, in this project's words.
    pub description: String,
    /// What the failure concerns unless a rule says otherwise.
    pub scope: Scope,
    /// Whether the address itself is bad (stop sending to it) when the failure is permanent.
    #[serde(default)]
    pub suppress: bool,
    /// Line of the entry in the data file.
    #[serde(skip)]
    pub line: Line,
}

/// What a failure concerns (the runtime crate's `Scope` is rendered from this).
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Scope {
    /// See [`Scope::description`].
    Recipient,
    /// See [`Scope::description`].
    Message,
    /// See [`Scope::description`].
    Sender,
    /// See [`Scope::description`].
    Host,
    /// See [`Scope::description`].
    Session,
}

impl Scope {
    /// Every scope, in the order of the enum.
    pub const ALL: [Scope; 5] = [
        Scope::Recipient,
        Scope::Message,
        Scope::Sender,
        Scope::Host,
        Scope::Session,
    ];

    /// What the scope covers: the runtime variant's doc comment.
    pub fn description(self) -> &'static str {
        match self {
            Scope::Recipient => "This recipient address.",
            Scope::Message => "This message, whoever it goes to.",
            Scope::Sender => "The sender address or domain.",
            Scope::Host => "The sending host or IP address.",
            Scope::Session => "The SMTP session: a protocol or security matter.",
        }
    }

    /// The spelling used in the data file.
    pub fn as_str(self) -> &'static str {
        match self {
            Scope::Recipient => "recipient",
            Scope::Message => "message",
            Scope::Sender => "sender",
            Scope::Host => "host",
            Scope::Session => "session",
        }
    }

    /// The runtime variant's name.
    pub fn variant(self) -> &'static str {
        match self {
            Scope::Recipient => "Recipient",
            Scope::Message => "Message",
            Scope::Sender => "Sender",
            Scope::Host => "Host",
            Scope::Session => "Session",
        }
    }
}

/// Whether to retry, as a rule may state it against what the codes say.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum RetryEntry {
    /// Not a failure.
    NotNeeded,
    /// Try again later.
    Later,
    /// Do not retry.
    DoNotRetry,
}

impl RetryEntry {
    /// The spelling used in the data file.
    pub fn as_str(self) -> &'static str {
        match self {
            RetryEntry::NotNeeded => "not_needed",
            RetryEntry::Later => "later",
            RetryEntry::DoNotRetry => "do_not_retry",
        }
    }

    /// The runtime variant's name.
    pub fn variant(self) -> &'static str {
        match self {
            RetryEntry::NotNeeded => "NotNeeded",
            RetryEntry::Later => "Later",
            RetryEntry::DoNotRetry => "DoNotRetry",
        }
    }
}

/// A classification rule: what a reply must show, the reason it then gives, and real replies
/// it decides, with their sources.
#[derive(Debug, Clone, PartialEq, Eq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RuleEntry {
    /// A unique identifier (`google-spf`), shown with every answer the rule gives.
    pub id: String,
    /// The reason it gives (a `reasons` entry).
    pub reason: String,
    /// What the reply must show; every condition given must hold.
    #[serde(rename = "when")]
    pub condition: RuleCondition,
    /// Whether to retry, when it should not follow the codes (`Retry::of`).
    pub retry: Option<RetryEntry>,
    /// Whether to stop sending to the address, when not the reason's default.
    pub suppress: Option<bool>,
    /// What the failure concerns, when not the reason's default.
    pub scope: Option<Scope>,
    /// A rule on a code too vague to decide alone (`X.7.1`, `X.7.0`, a whole subject): tried
    /// after the phrase rules, before the rules on the reply code alone.
    #[serde(default)]
    pub fallback: bool,
    /// Why the rule holds: the documents behind it.
    pub references: Vec<Reference>,
    /// Real replies the rule decides, each with its source: codegen checks that each is
    /// decided by this rule and no other.
    pub examples: Vec<RuleExample>,
    /// Line of the entry in the data file.
    #[serde(skip)]
    pub line: Line,
}

/// What a reply must show for a rule to apply.
#[derive(Debug, Clone, PartialEq, Eq, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RuleCondition {
    /// The provider the reply's fingerprint names (a `providers` id).
    pub provider: Option<String>,
    /// The reply code, or its class (`5`, a single digit).
    pub code: Option<u16>,
    /// The final line's enhanced code: `5.7.27` exactly, `X.7.27` in any class, `X.7.*` a
    /// whole subject, or a range `5.7.606-5.7.649`.
    pub enhanced: Option<String>,
    /// The commands the reply answered (any of them); unknown commands never match.
    #[serde(default)]
    pub commands: Vec<String>,
    /// Phrases of which the reply must hold at least one, ignoring ASCII case.
    #[serde(default)]
    pub phrases: Vec<String>,
}

/// A reply a rule decides.
#[derive(Debug, Clone, PartialEq, Eq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RuleExample {
    /// The reply, lines separated by CRLF (`\r\n` in the YAML string).
    pub reply: String,
    /// The command it answered, when known.
    pub command: Option<String>,
    /// The provider a client would know it from (the MX host it connected to), when the reply
    /// carries no fingerprint of its own: a row of the provider's documentation.
    pub provider: Option<String>,
    /// Where it comes from.
    pub source: Reference,
}

/// How an enhanced-code condition of a rule matches.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct EnhancedPattern {
    /// The class, or `None` for any (`X`).
    pub class: Option<u8>,
    /// The subject.
    pub subject: u16,
    /// The first and last detail (equal for one code; 0 and 999 for `*`).
    pub details: (u16, u16),
}

impl EnhancedPattern {
    /// Reads `5.7.27`, `X.7.27`, `X.7.*` or `5.7.606-5.7.649`.
    pub fn parse(text: &str) -> Option<EnhancedPattern> {
        let (low, high) = text.split_once('-').unwrap_or((text, text));
        let part = |code: &str| -> Option<(Option<u8>, u16, Option<u16>)> {
            let (class, subject, detail) = enhanced_parts(code)?;
            let class = match class {
                "X" => None,
                class => Some(parse_class(class)?),
            };
            let detail = match detail {
                "*" => None,
                detail => Some(parse_part(detail)?),
            };
            Some((class, parse_part(subject)?, detail))
        };
        let (class, subject, first) = part(low)?;
        let (high_class, high_subject, last) = part(high)?;
        let details = match (first, last) {
            (None, None) if low == high => (0, 999),
            (Some(first), Some(last)) if first <= last => (first, last),
            _ => return None,
        };
        (class == high_class && subject == high_subject).then_some(EnhancedPattern {
            class,
            subject,
            details,
        })
    }

    /// Whether `class.subject.detail` matches.
    pub fn matches(&self, class: u8, subject: u16, detail: u16) -> bool {
        self.class.is_none_or(|c| c == class)
            && self.subject == subject
            && (self.details.0..=self.details.1).contains(&detail)
    }
}

impl RuleEntry {
    /// The layer the rule is tried in, as the reply says it: 0 provider rules, 1 enhanced code
    /// (with commands), 2 phrases, 3 fallbacks on a vague enhanced code, 4 the reply code alone.
    /// Rules are tried layer by layer, in file order within a layer, and the first that holds
    /// decides.
    pub fn layer(&self) -> u8 {
        let when = &self.condition;
        if self.fallback {
            3
        } else if when.provider.is_some() {
            0
        } else if when.enhanced.is_some() {
            1
        } else if !when.phrases.is_empty() {
            2
        } else {
            4
        }
    }
}

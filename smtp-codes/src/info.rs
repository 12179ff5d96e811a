//! The table's entries: what is documented about each reply code, enhanced code and subject.

use core::fmt;

use crate::generated::{ENHANCED_TABLE, REPLY_TABLE, SUBJECT_TABLE};
use crate::{Class, EnhancedCode, InvalidEnhancedCode, ReplyCode};

/// Every documented reply code, ascending by code.
///
/// ```
/// use smtp_codes::{REPLY_CODES, Status};
///
/// let standard = REPLY_CODES.iter().filter(|info| info.status() == Status::Standard).count();
/// assert!(standard >= 24);
/// assert!(REPLY_CODES.windows(2).all(|w| w[0].code() < w[1].code()));
/// ```
pub static REPLY_CODES: &[ReplyInfo] = &REPLY_TABLE;

/// Every entry of the IANA "SMTP Enhanced Status Codes" registry, ascending by subject, then
/// detail.
pub static ENHANCED_CODES: &[EnhancedInfo] = &ENHANCED_TABLE;

/// The enhanced-status subjects (RFC 3463, section 3), ascending.
pub static SUBJECTS: &[SubjectInfo] = &SUBJECT_TABLE;

/// How a reply code is standardised.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Status {
    /// Defined by the base SMTP specification (RFC 5321) or an RFC that updates it for every
    /// server (RFC 7504).
    Standard,
    /// Defined by the RFC of an SMTP service extension (AUTH, STARTTLS, ETRN, …).
    Extension,
    /// Defined only by an RFC that is obsolete or historic.
    Obsolete,
    /// Defined by no RFC; documented as sent by servers, or named only by the IANA registry.
    NonStandard,
}

impl Status {
    /// The status as the data file and the reference spell it: `standard`, `extension`,
    /// `obsolete` or `non-standard`.
    pub const fn as_str(self) -> &'static str {
        match self {
            Status::Standard => "standard",
            Status::Extension => "extension",
            Status::Obsolete => "obsolete",
            Status::NonStandard => "non-standard",
        }
    }
}

impl fmt::Display for Status {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

/// A document that defines or describes an entry: an RFC (possibly one section of it) or
/// another document.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct Reference {
    pub(crate) rfc: Option<u16>,
    pub(crate) section: Option<&'static str>,
    pub(crate) label: &'static str,
    pub(crate) url: Option<&'static str>,
}

impl Reference {
    /// The RFC number, for an RFC.
    pub const fn rfc(&self) -> Option<u16> {
        self.rfc
    }

    /// The section number, such as `"4.2.3"`, when the reference is to one section of an RFC.
    pub const fn section(&self) -> Option<&'static str> {
        self.section
    }

    /// How to name it to a person: `RFC 5321, section 4.2.3`, `RFC 1846`, or a document's name.
    pub const fn label(&self) -> &'static str {
        self.label
    }

    /// Where to read it: the RFC Editor's page (with the section anchor) for an RFC, the
    /// document's address otherwise, when one is known.
    pub const fn url(&self) -> Option<&'static str> {
        self.url
    }
}

impl fmt::Display for Reference {
    /// Writes the label.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.label)
    }
}

/// A reply text as one document gives it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct ReplyText {
    pub(crate) text: &'static str,
    pub(crate) reference: Reference,
}

impl ReplyText {
    /// The text, without the code and without the document's parenthetical remarks.
    pub const fn text(&self) -> &'static str {
        self.text
    }

    /// The document that gives this wording.
    pub const fn reference(&self) -> &Reference {
        &self.reference
    }
}

/// What the table documents about one reply code.
///
/// ```
/// use smtp_codes::{ReplyCode, Status};
///
/// let info = ReplyCode::MAILBOX_UNAVAILABLE.info().unwrap();
/// assert_eq!(info.code(), 550);
/// assert_eq!(info.status(), Status::Standard);
/// assert_eq!(info.text(), Some("Requested action not taken: mailbox unavailable"));
/// assert_eq!(info.references()[0].url(), Some("https://www.rfc-editor.org/rfc/rfc5321#section-4.2.3"));
/// assert!(info.commands().contains(&"RCPT"));
/// assert!(info.enhanced_codes().any(|e| e.key() == "X.1.1"));
/// ```
#[derive(Debug, PartialEq, Eq, Hash)]
pub struct ReplyInfo {
    pub(crate) code: ReplyCode,
    pub(crate) name: &'static str,
    pub(crate) status: Status,
    pub(crate) texts: &'static [ReplyText],
    pub(crate) commands: &'static [&'static str],
    pub(crate) seen_after: &'static [&'static str],
    pub(crate) alias_of: Option<EnhancedCode>,
    pub(crate) references: &'static [Reference],
    pub(crate) description: &'static str,
    pub(crate) notes: Option<&'static str>,
    /// Positions in `ENHANCED_TABLE` of the entries that list this code.
    pub(crate) enhanced: &'static [u8],
}

impl ReplyInfo {
    /// The code.
    pub const fn code(&self) -> ReplyCode {
        self.code
    }

    /// The name of its associated constant, e.g. `MAILBOX_UNAVAILABLE`.
    pub const fn name(&self) -> &'static str {
        self.name
    }

    /// How the code is standardised. A [`Status::NonStandard`] code must not be presented as
    /// standard.
    pub const fn status(&self) -> Status {
        self.status
    }

    /// The first reply text the sources give, if any (for RFC 5321 codes, RFC 5321's).
    pub const fn text(&self) -> Option<&'static str> {
        match self.texts.first() {
            Some(text) => Some(text.text),
            None => None,
        }
    }

    /// Every reply text the sources give, each with the document it comes from.
    pub const fn texts(&self) -> &'static [ReplyText] {
        self.texts
    }

    /// The commands that may return the code, as the RFCs allow. `CONNECT` stands for the
    /// greeting when a connection opens, `ANY` for any command.
    pub const fn commands(&self) -> &'static [&'static str] {
        self.commands
    }

    /// Commands servers are documented to answer with this code beyond what the RFCs allow
    /// (Postfix refuses relaying with `554` at `RCPT`); the sources are in the reference.
    ///
    /// ```
    /// use smtp_codes::ReplyCode;
    ///
    /// let info = ReplyCode::TRANSACTION_FAILED.info().unwrap();
    /// assert!(!info.commands().contains(&"RCPT"));
    /// assert!(info.seen_after().contains(&"RCPT"));
    /// ```
    pub const fn seen_after(&self) -> &'static [&'static str] {
        self.seen_after
    }

    /// For a non-standard number that is an enhanced status code with its dots removed, as
    /// cheat sheets spread them (`511` for `5.1.1`), the enhanced code it stands for. A server
    /// should send the enhanced code after a real reply code instead.
    ///
    /// ```
    /// use smtp_codes::{ReplyCode, Status};
    ///
    /// let info = ReplyCode::from_u16(511)?.info().unwrap();
    /// assert_eq!(info.status(), Status::NonStandard);
    /// assert_eq!(info.alias_of().unwrap().to_string(), "5.1.1");
    /// # Ok::<(), smtp_codes::InvalidReplyCode>(())
    /// ```
    pub const fn alias_of(&self) -> Option<EnhancedCode> {
        self.alias_of
    }

    /// The documents that define or describe the code.
    pub const fn references(&self) -> &'static [Reference] {
        self.references
    }

    /// What the code means, in this project's words.
    pub const fn description(&self) -> &'static str {
        self.description
    }

    /// History, disagreements between sources and non-standard uses, when there are any.
    pub const fn notes(&self) -> Option<&'static str> {
        self.notes
    }

    /// The registry entries that list this code among their associated basic codes.
    pub fn enhanced_codes(&self) -> impl ExactSizeIterator<Item = &'static EnhancedInfo> + 'static {
        self.enhanced
            .iter()
            .map(|&index| &ENHANCED_TABLE[index as usize])
    }
}

/// One entry of the IANA "SMTP Enhanced Status Codes" registry: `X.subject.detail`, valid with
/// any of the classes it lists.
///
/// ```
/// use smtp_codes::{Class, EnhancedCode, ReplyCode};
///
/// let info = EnhancedCode::new(4, 2, 2)?.info().unwrap();
/// assert_eq!(info.key(), "X.2.2");
/// assert_eq!(info.title(), Some("Mailbox full"));
/// assert!(info.applies_to(Class::TransientNegative));
/// assert_eq!(info.associated_codes(), &[ReplyCode::EXCEEDED_STORAGE_ALLOCATION]);
/// assert_eq!(info.code(Class::PermanentNegative)?.to_string(), "5.2.2");
/// # Ok::<(), smtp_codes::InvalidEnhancedCode>(())
/// ```
#[derive(Debug, PartialEq, Eq, Hash)]
pub struct EnhancedInfo {
    pub(crate) key: &'static str,
    pub(crate) subject: u16,
    pub(crate) detail: u16,
    pub(crate) title: Option<&'static str>,
    pub(crate) classes: &'static [Class],
    pub(crate) associated_codes: &'static [ReplyCode],
    pub(crate) associated_note: Option<&'static str>,
    pub(crate) references: &'static [Reference],
    pub(crate) deprecated: bool,
    /// Position in `ENHANCED_TABLE` of the entry to use instead.
    pub(crate) replaced_by: Option<u8>,
    pub(crate) description: &'static str,
    pub(crate) notes: Option<&'static str>,
}

impl EnhancedInfo {
    /// The registry's key, `X.subject.detail` (e.g. `X.1.1`).
    pub const fn key(&self) -> &'static str {
        self.key
    }

    /// The subject (middle number).
    pub const fn subject(&self) -> u16 {
        self.subject
    }

    /// The detail (last number).
    pub const fn detail(&self) -> u16 {
        self.detail
    }

    /// The code with the given class, e.g. `5.1.1` for [`Class::PermanentNegative`]; an error
    /// for [`Class::PositiveIntermediate`], which enhanced codes do not have.
    pub const fn code(&self, class: Class) -> Result<EnhancedCode, InvalidEnhancedCode> {
        EnhancedCode::new(class.digit(), self.subject, self.detail)
    }

    /// The registry's title; `None` only for a deprecated entry the registry left untitled.
    pub const fn title(&self) -> Option<&'static str> {
        self.title
    }

    /// The classes the code is meaningful with, per its defining RFC (RFC 3463 marks some as
    /// permanent-only or transient-only).
    pub const fn classes(&self) -> &'static [Class] {
        self.classes
    }

    /// Whether the defining RFC says the code is meaningful with `class`.
    pub fn applies_to(&self, class: Class) -> bool {
        self.classes.contains(&class)
    }

    /// The basic reply codes the registry associates with it.
    pub const fn associated_codes(&self) -> &'static [ReplyCode] {
        self.associated_codes
    }

    /// The registry's wording where its list of associated codes is not a plain list (for
    /// example "Any", "5XX", or "other 4XX or 5XX codes are allowed").
    pub const fn associated_note(&self) -> Option<&'static str> {
        self.associated_note
    }

    /// The documents that define it.
    pub const fn references(&self) -> &'static [Reference] {
        self.references
    }

    /// Whether the registry marks it deprecated.
    pub const fn is_deprecated(&self) -> bool {
        self.deprecated
    }

    /// For a deprecated entry, the entry to use instead; the class stays the same (`5.6.10`
    /// becomes `5.6.8`). `None` for an entry in use, or a deprecated one nothing replaces.
    ///
    /// ```
    /// use smtp_codes::{Class, EnhancedCode};
    ///
    /// let deprecated = EnhancedCode::new(5, 6, 10)?.info().unwrap();
    /// let replacement = deprecated.replaced_by().unwrap();
    /// assert_eq!(replacement.key(), "X.6.8");
    /// assert_eq!(replacement.code(Class::PermanentNegative)?.to_string(), "5.6.8");
    /// assert!(replacement.replaced_by().is_none());
    /// # Ok::<(), smtp_codes::InvalidEnhancedCode>(())
    /// ```
    pub const fn replaced_by(&self) -> Option<&'static EnhancedInfo> {
        match self.replaced_by {
            Some(index) => Some(&ENHANCED_TABLE[index as usize]),
            None => None,
        }
    }

    /// What the code means, in this project's words.
    pub const fn description(&self) -> &'static str {
        self.description
    }

    /// History and disagreements between sources, when there are any.
    pub const fn notes(&self) -> Option<&'static str> {
        self.notes
    }
}

/// One enhanced-status subject: the meaning of the middle number (RFC 3463, section 3).
#[derive(Debug, PartialEq, Eq, Hash)]
pub struct SubjectInfo {
    pub(crate) subject: u16,
    pub(crate) name: &'static str,
    pub(crate) description: &'static str,
    pub(crate) references: &'static [Reference],
}

impl SubjectInfo {
    /// The subject number.
    pub const fn subject(&self) -> u16 {
        self.subject
    }

    /// The registry's name, e.g. "Addressing Status".
    pub const fn name(&self) -> &'static str {
        self.name
    }

    /// What the subject covers, in this project's words.
    pub const fn description(&self) -> &'static str {
        self.description
    }

    /// The documents that define it.
    pub const fn references(&self) -> &'static [Reference] {
        self.references
    }

    /// The subject entry for `subject`, if there is one.
    ///
    /// ```
    /// use smtp_codes::SubjectInfo;
    ///
    /// assert_eq!(SubjectInfo::get(1).unwrap().name(), "Addressing Status");
    /// assert!(SubjectInfo::get(8).is_none());
    /// ```
    pub fn get(subject: u16) -> Option<&'static SubjectInfo> {
        // Codegen keeps the subjects in ascending order, without duplicates.
        SUBJECTS
            .binary_search_by_key(&subject, |s| s.subject)
            .ok()
            .map(|index| &SUBJECTS[index])
    }
}

//! The table's entries: what is documented about each reply code, enhanced code and subject.
//! The structs and their fields' accessors are generated with the tables (`generated.rs`);
//! here are the tables' public names and the methods that compute something.

use core::fmt;

use crate::generated::{ENHANCED_TABLE, REPLY_TABLE, SUBJECT_TABLE};
use crate::{
    Class, EnhancedCode, EnhancedInfo, InvalidEnhancedCode, Reference, ReplyInfo, Status,
    SubjectInfo,
};

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

impl fmt::Display for Status {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

impl fmt::Display for Reference {
    /// Writes the label.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.label)
    }
}

/// The methods of [`ReplyInfo`] that compute something; the accessors of its fields are
/// generated with the struct.
impl ReplyInfo {
    /// The first reply text the sources give, if any (for RFC 5321 codes, RFC 5321's).
    pub const fn text(&self) -> Option<&'static str> {
        match self.texts.first() {
            Some(text) => Some(text.text),
            None => None,
        }
    }

    /// The registry entries that list this code among their associated basic codes.
    pub fn enhanced_codes(&self) -> impl ExactSizeIterator<Item = &'static EnhancedInfo> + 'static {
        self.enhanced
            .iter()
            .map(|&index| &ENHANCED_TABLE[index as usize])
    }
}

/// The methods of [`EnhancedInfo`] that compute something; the accessors of its fields are
/// generated with the struct.
impl EnhancedInfo {
    /// The code with the given class, e.g. `5.1.1` for [`Class::PermanentNegative`]; an error
    /// for [`Class::PositiveIntermediate`], which enhanced codes do not have.
    pub const fn code(&self, class: Class) -> Result<EnhancedCode, InvalidEnhancedCode> {
        EnhancedCode::new(class.digit(), self.subject, self.detail)
    }

    /// Whether the defining RFC says the code is meaningful with `class`.
    pub fn applies_to(&self, class: Class) -> bool {
        self.classes.contains(&class)
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
}

impl SubjectInfo {
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

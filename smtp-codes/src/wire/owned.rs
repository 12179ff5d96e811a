//! [`OwnedReply`]: a parsed reply that owns its bytes, to keep inside an error type.

use alloc::boxed::Box;
use core::fmt;

use crate::wire::anomaly::{Anomaly, AnomalySet};
use crate::wire::reply::{Reply, ReplyLines, write_reply_text};
use crate::{EnhancedCode, ReplyCode, Retry};

/// A [`Reply`] that owns its bytes (feature `alloc`), for an error type that must outlive the
/// read buffer. Its `Display` escapes control characters, as [`Reply`]'s does, so a server
/// cannot forge log lines.
///
/// ```
/// use smtp_codes::{OwnedReply, Reply};
///
/// fn refuse(buffer: &[u8]) -> Result<(), OwnedReply> {
///     let (reply, _) = Reply::parse(buffer).expect("a complete reply");
///     if reply.class().digit() >= 4 { Err(reply.to_owned_reply()) } else { Ok(()) }
/// }
/// let error = refuse(b"550 5.1.1 no such user\x1b[31m\r\n").unwrap_err();
/// assert_eq!(error.to_string(), "550 5.1.1 no such user\\x1B[31m");
/// ```
#[derive(Clone, PartialEq, Eq, Hash)]
pub struct OwnedReply {
    raw: Box<[u8]>,
    code: ReplyCode,
    enhanced: Option<EnhancedCode>,
    line_count: usize,
    anomalies: AnomalySet,
    smtputf8: bool,
    last_start: usize,
    last_text: usize,
    early: crate::wire::reply::EarlyLines,
}

impl OwnedReply {
    /// The reply, borrowed, with all of [`Reply`]'s accessors.
    pub fn as_reply(&self) -> Reply<'_> {
        Reply {
            raw: &self.raw,
            code: self.code,
            enhanced: self.enhanced,
            line_count: self.line_count,
            anomalies: self.anomalies,
            smtputf8: self.smtputf8,
            last_start: self.last_start,
            last_text: self.last_text,
            early: self.early,
        }
    }

    /// The reply code.
    pub const fn code(&self) -> ReplyCode {
        self.code
    }

    /// The final line's enhanced code, if any.
    pub const fn enhanced_code(&self) -> Option<EnhancedCode> {
        self.enhanced
    }

    /// The reply's class, from its code.
    pub const fn class(&self) -> crate::Class {
        self.code.class()
    }

    /// How many lines the reply has.
    pub const fn line_count(&self) -> usize {
        self.line_count
    }

    /// Whether the reply has more than one line.
    pub const fn is_multiline(&self) -> bool {
        self.line_count > 1
    }

    /// The bytes the reply was parsed from, line terminators included.
    pub fn as_bytes(&self) -> &[u8] {
        &self.raw
    }

    /// Whether the reply follows RFC 5321 and RFC 2034 to the letter.
    pub const fn is_clean(&self) -> bool {
        self.anomalies.is_empty()
    }

    /// The texts of the lines (see [`Reply::lines`]).
    pub fn lines(&self) -> impl DoubleEndedIterator<Item = &[u8]> {
        self.as_reply().lines()
    }

    /// The deviations from RFC 5321 and RFC 2034 (see [`Reply::anomalies`]).
    pub fn anomalies(&self) -> impl Iterator<Item = Anomaly> + '_ {
        self.as_reply().anomalies()
    }

    /// One item per reply line, with the line's own code and enhanced code (see
    /// [`Reply::reply_lines`]).
    pub fn reply_lines(&self) -> ReplyLines<'_> {
        self.as_reply().reply_lines()
    }

    /// The provider whose fingerprint the reply carries (see [`Reply::provider`]).
    pub fn provider(&self) -> Option<crate::Provider> {
        self.as_reply().provider()
    }

    /// What a provider documents this reply to mean (see [`Reply::provider_meaning`]).
    pub fn provider_meaning(
        &self,
        provider: Option<crate::Provider>,
    ) -> Option<&'static crate::ProviderCodeInfo> {
        self.as_reply().provider_meaning(provider)
    }

    /// Why the reply failed and what to do (see [`Reply::classify`]).
    pub fn classify(&self, command: Option<crate::Command>) -> crate::Classification {
        self.as_reply().classify(command)
    }

    /// [`classify`](Self::classify) with the provider known from the MX host (see
    /// [`Reply::classify_with`]).
    pub fn classify_with(
        &self,
        command: Option<crate::Command>,
        provider: Option<crate::Provider>,
    ) -> crate::Classification {
        self.as_reply().classify_with(command, provider)
    }

    /// Whether to retry (see [`Reply::retry`]).
    pub const fn retry(&self) -> Retry {
        Retry::of(self.code, self.enhanced)
    }
}

impl Reply<'_> {
    /// A copy that owns its bytes (feature `alloc`).
    pub fn to_owned_reply(&self) -> OwnedReply {
        OwnedReply::from(*self)
    }
}

impl From<Reply<'_>> for OwnedReply {
    fn from(reply: Reply<'_>) -> OwnedReply {
        OwnedReply {
            raw: reply.raw.into(),
            code: reply.code,
            enhanced: reply.enhanced,
            line_count: reply.line_count,
            anomalies: reply.anomalies,
            smtputf8: reply.smtputf8,
            last_start: reply.last_start,
            last_text: reply.last_text,
            early: reply.early,
        }
    }
}

impl fmt::Display for OwnedReply {
    /// As [`Reply`]'s `Display`: one line for logs, escaped; `{:#}` gives the lines.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write_reply_text(f, self.code, self.enhanced, self.reply_lines())
    }
}

impl fmt::Debug for OwnedReply {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        fmt::Debug::fmt(&self.as_reply(), f)
    }
}

impl core::error::Error for OwnedReply {}

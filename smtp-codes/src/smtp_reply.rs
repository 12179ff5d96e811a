//! [`SmtpReply`]: the reply a value (typically an error) should be answered with.

use crate::{EnhancedCode, ReplyCode};

/// The SMTP reply that a value, typically an error of an SMTP server, maps to.
///
/// Implement it by hand, or derive it with `#[derive(SmtpReply)]` from the
/// `smtp-codes-derive` crate, which checks the codes against this crate's table.
pub trait SmtpReply {
    /// The three-digit reply code.
    fn reply_code(&self) -> ReplyCode;

    /// The RFC 3463 enhanced status code, if the reply has one. Its class should match the
    /// reply code's.
    fn enhanced_code(&self) -> Option<EnhancedCode> {
        None
    }
}

impl<T: SmtpReply + ?Sized> SmtpReply for &T {
    fn reply_code(&self) -> ReplyCode {
        (**self).reply_code()
    }

    fn enhanced_code(&self) -> Option<EnhancedCode> {
        (**self).enhanced_code()
    }
}

#[cfg(feature = "alloc")]
impl<T: SmtpReply + ?Sized> SmtpReply for alloc::boxed::Box<T> {
    fn reply_code(&self) -> ReplyCode {
        (**self).reply_code()
    }

    fn enhanced_code(&self) -> Option<EnhancedCode> {
        (**self).enhanced_code()
    }
}

//! [`SmtpReply`]: the reply a value (typically an error) should be answered with.

use crate::{EnhancedCode, ReplyCode, Retry};

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

    /// Whether a client should retry after this reply: [`Retry::of`] the reply code and the
    /// enhanced code.
    fn retry(&self) -> Retry {
        Retry::of(self.reply_code(), self.enhanced_code())
    }

    /// The lines of text the reply carries itself, for a value that is a reply received from
    /// a server ([`Reply`](crate::Reply), `OwnedReply`). The renderer
    /// ([`write_reply_of`](crate::write_reply_of)) then writes exactly these lines
    /// instead of the value's `Display`, so a parsed reply renders back to itself. Error types
    /// keep the default, `None`: their `Display` is the text.
    fn text_lines(&self) -> Option<crate::ReplyLines<'_>> {
        None
    }
}

/// `SmtpReply` for a pointer to a reply, answered by what it points to.
macro_rules! forward_smtp_reply {
    ($($(#[$attr:meta])* $pointer:ty),*) => {$(
        $(#[$attr])*
        impl<T: SmtpReply + ?Sized> SmtpReply for $pointer {
            fn reply_code(&self) -> ReplyCode {
                (**self).reply_code()
            }

            fn enhanced_code(&self) -> Option<EnhancedCode> {
                (**self).enhanced_code()
            }

            fn text_lines(&self) -> Option<crate::ReplyLines<'_>> {
                (**self).text_lines()
            }
        }
    )*};
}

forward_smtp_reply!(&T, #[cfg(feature = "alloc")] alloc::boxed::Box<T>);

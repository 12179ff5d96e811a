//! The derive's output compiles where the user has shadowed every name it could collide with,
//! and under strict lints.

#![deny(missing_docs, unused_qualifications, clippy::all, clippy::pedantic)]
#![allow(dead_code, unreachable_pub)]

/// Names a careless expansion would pick up instead of the real ones.
#[path = "support/shadow.rs"]
mod shadowed;

mod user {
    //! A module that imports the shadowing names, then derives.
    #![allow(unused_imports)]

    use super::shadowed::*;

    /// An error type, with every form of variant and of attribute the expansion handles.
    #[derive(::smtp_codes::SmtpReply)]
    #[smtp(code = 451, enhanced = "4.3.0")]
    pub enum Error {
        /// No such user, with a named field the expansion must not touch.
        #[smtp(code = MAILBOX_UNAVAILABLE, enhanced = "5.1.1")]
        NoSuchUser {
            /// The address.
            user: &'static str,
        },
        /// Forwarded.
        #[smtp(transparent)]
        Inner(Inner),
        /// Default.
        Busy,
        /// A code the table lacks.
        #[smtp(571, undocumented)]
        Blocked,
    }

    /// A forwarded error.
    #[derive(::smtp_codes::SmtpReply)]
    #[smtp(SERVICE_NOT_AVAILABLE)]
    pub struct Inner;
}

#[test]
fn expansion_ignores_shadowing_names() {
    use smtp_codes::SmtpReply as _;
    assert_eq!(user::Error::NoSuchUser { user: "x" }.reply_code(), 550);
    assert_eq!(user::Error::Inner(user::Inner).reply_code(), 421);
    assert_eq!(
        user::Error::Busy.enhanced_code().unwrap().to_string(),
        "4.3.0"
    );
    assert_eq!(user::Error::Blocked.reply_code(), 571);
}

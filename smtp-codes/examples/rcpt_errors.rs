//! An SMTP server's RCPT error type, with `thiserror` for the message and `#[derive(SmtpReply)]`
//! for the reply code, and the reply lines the server would send for each error.
//!
//! Run with `cargo run -p smtp-codes --example rcpt_errors --features derive`. CRLF is shown as
//! `\r\n`.

use smtp_codes::{SmtpReply, render_reply_of};

/// Why a `RCPT TO` was refused.
#[derive(Debug, thiserror::Error, SmtpReply)]
#[smtp(451, "4.3.0")] // the default for variants without their own code
enum RcptError {
    #[error("<{0}>: Recipient address rejected: User unknown")]
    #[smtp(550, "5.1.1")]
    NoSuchUser(String),

    #[error("<{user}>: Mailbox full, try again later")]
    #[smtp(code = 452, enhanced = "4.2.2")]
    MailboxFull { user: String },

    #[error("Relay access denied")]
    #[smtp(MAILBOX_UNAVAILABLE, "5.7.1")]
    RelayDenied,

    #[error(transparent)]
    #[smtp(transparent)]
    Directory(#[from] DirectoryError),

    #[error("Too many recipients")]
    #[smtp(INSUFFICIENT_STORAGE, "4.5.3")]
    TooManyRecipients,

    #[error("Internal error,\ntry again later")]
    Internal,
}

/// An error of the user directory the server consults.
#[derive(Debug, thiserror::Error, SmtpReply)]
#[error("Directory server unavailable")]
#[smtp(451, "4.4.3")]
struct DirectoryError;

fn main() {
    let errors = [
        RcptError::NoSuchUser("bob@example.org".into()),
        RcptError::MailboxFull {
            user: "alice@example.org".into(),
        },
        RcptError::RelayDenied,
        RcptError::from(DirectoryError),
        RcptError::TooManyRecipients,
        RcptError::Internal,
    ];
    for error in &errors {
        // The reply lines exactly as the server writes them: code, enhanced code, text, CRLF.
        let reply =
            render_reply_of(error).expect("codes checked at compile time, no control characters");
        print!("{}", reply.replace("\r\n", "\\r\\n\n"));
        // What a client that receives it should do: the same rules as `Reply::retry`.
        println!("    (client: {})", error.retry());
    }
}

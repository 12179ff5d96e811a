//! Strings that are not enhanced codes of the form class.subject.detail.

use smtp_codes::SmtpReply;

#[derive(SmtpReply)]
enum E {
    #[smtp(550, "5.1")]
    TwoParts,
    #[smtp(550, "5.1000.1")]
    LongSubject,
    #[smtp(550, " 5.1.1")]
    Space,
}

fn main() {}

//! An enhanced code the IANA registry deprecates (X.6.10): the message names its replacement,
//! in the same class.

use smtp_codes::SmtpReply;

#[derive(SmtpReply)]
enum E {
    #[smtp(550, "5.6.10")]
    Refused,
    #[smtp(252, "2.6.10")]
    CannotShow,
}

fn main() {}

//! A variant with no code in an enum with no default.

use smtp_codes::SmtpReply;

#[derive(SmtpReply)]
enum E {
    #[smtp(550)]
    Coded,
    Busy,
}

fn main() {}

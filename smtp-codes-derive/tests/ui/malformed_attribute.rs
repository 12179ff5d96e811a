//! Attributes that do not parse: no list, an empty list, a missing comma.

use smtp_codes::SmtpReply;

#[derive(SmtpReply)]
enum E {
    #[smtp]
    NotAList,
    #[smtp()]
    Empty,
    #[smtp(550 "5.1.1")]
    MissingComma,
}

fn main() {}

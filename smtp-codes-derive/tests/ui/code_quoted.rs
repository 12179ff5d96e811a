//! Reply codes written as strings instead of numbers.

use smtp_codes::SmtpReply;

#[derive(SmtpReply)]
enum E {
    #[smtp("550")]
    Positional,
    #[smtp(code = "550")]
    Keyed,
}

fn main() {}

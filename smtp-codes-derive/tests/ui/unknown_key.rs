//! Unknown keys, two of them misspellings of known ones.

use smtp_codes::SmtpReply;

#[derive(SmtpReply)]
enum E {
    #[smtp(cod = 550)]
    Misspelt,
    #[smtp(transparant)]
    AlsoMisspelt(Inner),
    #[smtp(550, reason = "x")]
    Unknown,
}

#[derive(SmtpReply)]
#[smtp(421)]
struct Inner;

fn main() {}

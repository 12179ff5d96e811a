//! `crate = "..."` on a variant instead of the type.

use smtp_codes::SmtpReply;

#[derive(SmtpReply)]
enum E {
    #[smtp(crate = "smtp_codes", 550)]
    A,
}

fn main() {}

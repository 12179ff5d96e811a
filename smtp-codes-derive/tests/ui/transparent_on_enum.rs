//! `transparent` on the enum itself.

use smtp_codes::SmtpReply;

#[derive(SmtpReply)]
#[smtp(transparent)]
enum E {
    #[smtp(550)]
    A,
}

fn main() {}

//! `transparent` on variants with no field and with two fields.

use smtp_codes::SmtpReply;

#[derive(SmtpReply)]
enum E {
    #[smtp(transparent)]
    NoField,
    #[smtp(transparent)]
    TwoFields(u8, u8),
}

fn main() {}

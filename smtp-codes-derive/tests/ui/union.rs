//! A union, which cannot derive SmtpReply.

use smtp_codes::SmtpReply;

#[derive(SmtpReply)]
union U {
    a: u8,
}

fn main() {}

//! A struct with no #[smtp] attribute.

use smtp_codes::SmtpReply;

#[derive(SmtpReply)]
struct S;

fn main() {}

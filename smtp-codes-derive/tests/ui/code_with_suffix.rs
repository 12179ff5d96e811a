//! A reply code written with a type suffix.

use smtp_codes::SmtpReply;

#[derive(SmtpReply)]
#[smtp(550u16)]
struct S;

fn main() {}

//! A well-formed enhanced code that is not in the IANA registry.

use smtp_codes::SmtpReply;

#[derive(SmtpReply)]
#[smtp(550, "5.1.99")]
struct S;

fn main() {}

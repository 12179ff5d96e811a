//! An enhanced code the IANA registry deprecates (X.6.10).

use smtp_codes::SmtpReply;

#[derive(SmtpReply)]
#[smtp(550, "5.6.10")]
struct S;

fn main() {}

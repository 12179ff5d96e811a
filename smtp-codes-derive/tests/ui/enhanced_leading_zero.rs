//! An enhanced code with a leading zero, which RFC 3463 does not allow.

use smtp_codes::SmtpReply;

#[derive(SmtpReply)]
#[smtp(550, "5.01.1")]
struct S;

fn main() {}

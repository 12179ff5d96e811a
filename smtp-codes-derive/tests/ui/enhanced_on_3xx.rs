//! An enhanced code on a 3xx reply.

use smtp_codes::SmtpReply;

#[derive(SmtpReply)]
#[smtp(354, "2.0.0")]
struct S;

fn main() {}

//! An enhanced code whose class is not 2, 4 or 5.

use smtp_codes::SmtpReply;

#[derive(SmtpReply)]
#[smtp(550, "6.1.1")]
struct S;

fn main() {}

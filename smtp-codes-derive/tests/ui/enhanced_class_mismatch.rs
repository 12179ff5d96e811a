//! An enhanced code whose class disagrees with the reply code (550 with 4.2.2).

use smtp_codes::SmtpReply;

#[derive(SmtpReply)]
#[smtp(550, "4.2.2")]
struct S;

fn main() {}

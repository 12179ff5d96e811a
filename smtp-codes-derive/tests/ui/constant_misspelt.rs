//! A misspelt constant name: the message suggests the closest one.

use smtp_codes::SmtpReply;

#[derive(SmtpReply)]
#[smtp(MAILBOX_UNAVAILBLE, "5.1.1")]
struct S;

fn main() {}

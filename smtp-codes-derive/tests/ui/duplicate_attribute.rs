//! Two #[smtp] attributes on one item: the second is reported, the first pointed at.

use smtp_codes::SmtpReply;

#[derive(SmtpReply)]
#[smtp(550)]
#[smtp(551)]
struct S;

fn main() {}

//! `transparent` together with a code.

use smtp_codes::SmtpReply;

#[derive(SmtpReply)]
#[smtp(550, transparent)]
struct S(Inner);

#[derive(SmtpReply)]
#[smtp(421)]
struct Inner;

fn main() {}

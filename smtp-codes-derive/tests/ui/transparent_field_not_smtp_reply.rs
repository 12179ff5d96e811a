//! A #[smtp(transparent)] field whose type does not implement SmtpReply: reported at the field.

use smtp_codes::SmtpReply;

struct NotAReply;

#[derive(SmtpReply)]
enum E {
    #[smtp(transparent)]
    Store(NotAReply),
}

#[derive(SmtpReply)]
#[smtp(transparent)]
struct S {
    inner: Vec<u8>,
}

fn main() {}

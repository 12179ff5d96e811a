//! Keys written without the value they take, and flags written with one.

use smtp_codes::SmtpReply;

#[derive(SmtpReply)]
enum E {
    #[smtp(code 550)]
    CodeWithoutEquals,
    #[smtp(550, enhanced)]
    EnhancedWithoutValue,
    #[smtp(transparent = true)]
    TransparentWithValue(Inner),
    #[smtp(571, undocumented = "yes")]
    UndocumentedWithValue,
}

#[derive(SmtpReply)]
#[smtp(421)]
struct Inner;

fn main() {}

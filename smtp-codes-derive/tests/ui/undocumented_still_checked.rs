//! `undocumented` lets a code the table lacks through, but every other check still applies.

use smtp_codes::SmtpReply;

#[derive(SmtpReply)]
enum E {
    #[smtp(600, undocumented)]
    OutOfRange,
    #[smtp(571, "4.7.1", undocumented)]
    ClassMismatch,
    #[smtp(571, "5.7", undocumented)]
    Malformed,
    #[smtp(399, "5.0.0", undocumented)]
    EnhancedOn3xx,
    #[smtp(571, "5.6.10", undocumented)]
    Deprecated,
}

fn main() {}

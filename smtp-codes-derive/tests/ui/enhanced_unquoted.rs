//! Enhanced codes written as numbers instead of strings (Rust reads `5.1.1` as `5.1`, `.`, `1`).

use smtp_codes::SmtpReply;

#[derive(SmtpReply)]
enum E {
    #[smtp(5.1.1)]
    Alone,
    #[smtp(550, 5.1.1)]
    AfterCode,
    #[smtp(code = 450, enhanced = 4.2.2)]
    Keyed,
}

fn main() {}

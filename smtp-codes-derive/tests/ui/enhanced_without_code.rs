//! An enhanced code without a reply code in the same attribute.

use smtp_codes::SmtpReply;

#[derive(SmtpReply)]
#[smtp(451)]
enum E {
    #[smtp(enhanced = "4.3.0")]
    A,
}

fn main() {}

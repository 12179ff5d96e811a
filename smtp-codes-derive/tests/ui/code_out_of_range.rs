//! Reply codes that are not three digits from 200 to 599.

use smtp_codes::SmtpReply;

#[derive(SmtpReply)]
enum E {
    #[smtp(650)]
    TooHigh,
    #[smtp(55)]
    TwoDigits,
    #[smtp(0550)]
    FourDigits,
}

fn main() {}

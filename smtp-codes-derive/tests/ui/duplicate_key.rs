//! A reply code or an enhanced code given twice in one attribute.

use smtp_codes::SmtpReply;

#[derive(SmtpReply)]
enum E {
    #[smtp(550, code = 551)]
    TwoCodes,
    #[smtp(550, "5.1.1", enhanced = "5.1.2")]
    TwoEnhanced,
}

fn main() {}

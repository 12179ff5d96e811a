//! A number that is an enhanced code without its dots (511 for 5.1.1) is not a reply code to send.

use smtp_codes::SmtpReply;

#[derive(SmtpReply)]
enum RcptError {
    #[smtp(511)]
    NoSuchUser,
    #[smtp(DOTLESS_4_4_7)]
    Expired,
    #[smtp(571, undocumented)]
    Blocked,
}

fn main() {}

//! Several mistakes in one enum: each is reported, in one compile, and nothing else.

use smtp_codes::SmtpReply;

#[derive(SmtpReply)]
enum E {
    #[smtp(559)]
    Undocumented,
    #[smtp(550, "4.2.2")]
    ClassMismatch,
    #[smtp(SERVICE_REDY)]
    Misspelt,
    NoCode,
}

fn main() {
    // The fallback impl keeps this from adding a "not implemented" error.
    let _ = E::NoCode.reply_code();
}

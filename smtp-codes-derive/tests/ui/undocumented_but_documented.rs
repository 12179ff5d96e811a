//! `undocumented` on an attribute whose codes the table all documents.

use smtp_codes::SmtpReply;

#[derive(SmtpReply)]
enum E {
    #[smtp(550, undocumented)]
    Number,
    #[smtp(MAILBOX_UNAVAILABLE, undocumented)]
    Name,
    #[smtp(code = 550, enhanced = "5.1.1", undocumented)]
    WithEnhanced,
}

fn main() {}

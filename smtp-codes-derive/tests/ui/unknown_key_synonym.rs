//! Keys named as other libraries or the RFCs name them: the message suggests the key meant.

use smtp_codes::SmtpReply;

#[derive(SmtpReply)]
enum E {
    #[smtp(550, enhanced_code = "5.1.1")]
    EnhancedCode,
    #[smtp(550, status = "5.1.1")]
    Status,
    #[smtp(reply_code = 550)]
    ReplyCode,
    #[smtp(571, undocumneted)]
    Misspelt,
}

fn main() {}

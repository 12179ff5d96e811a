//! Well-formed codes the table does not document: the message lists the family.

use smtp_codes::SmtpReply;

#[derive(SmtpReply)]
enum E {
    #[smtp(559)]
    NearlyMailboxUnavailable,
    #[smtp(580)]
    NoSuchFamily,
}

fn main() {}

use smtp_codes::SmtpReply;

#[derive(SmtpReply)]
enum E {
    #[smtp(559)]
    NearlyMailboxUnavailable,
    #[smtp(580)]
    NoSuchFamily,
}

fn main() {}

use smtp_codes::SmtpReply;

#[derive(SmtpReply)]
enum E {
    #[smtp(550)]
    Coded,
    Busy,
}

fn main() {}

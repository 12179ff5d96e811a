use smtp_codes::SmtpReply;

#[derive(SmtpReply)]
enum E {
    #[smtp]
    NotAList,
    #[smtp()]
    Empty,
    #[smtp(550 "5.1.1")]
    MissingComma,
}

fn main() {}

use smtp_codes::SmtpReply;

#[derive(SmtpReply)]
#[smtp(550, "5.01.1")]
struct S;

fn main() {}

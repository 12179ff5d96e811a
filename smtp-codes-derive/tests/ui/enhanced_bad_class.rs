use smtp_codes::SmtpReply;

#[derive(SmtpReply)]
#[smtp(550, "6.1.1")]
struct S;

fn main() {}

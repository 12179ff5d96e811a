use smtp_codes::SmtpReply;

#[derive(SmtpReply)]
#[smtp(550, "4.2.2")]
struct S;

fn main() {}

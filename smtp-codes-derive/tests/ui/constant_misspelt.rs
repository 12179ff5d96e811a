use smtp_codes::SmtpReply;

#[derive(SmtpReply)]
#[smtp(MAILBOX_UNAVAILBLE, "5.1.1")]
struct S;

fn main() {}

//! `undocumented` with no reply code for it to mark, and together with `transparent`.

use smtp_codes::SmtpReply;

#[derive(SmtpReply)]
#[smtp(451)]
enum E {
    #[smtp(undocumented)]
    Alone,
    #[smtp(transparent, undocumented)]
    Forwarded(Inner),
}

#[derive(SmtpReply)]
#[smtp(421)]
struct Inner;

fn main() {}

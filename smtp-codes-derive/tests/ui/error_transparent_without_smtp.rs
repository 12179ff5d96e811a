//! thiserror's #[error(transparent)] with no #[smtp(...)]: the variant would otherwise take the
//! enum's default code instead of its inner error's.

use smtp_codes::SmtpReply;

#[derive(Debug, thiserror::Error, SmtpReply)]
#[smtp(451, "4.3.0")]
enum WithDefault {
    #[error("try later")]
    Busy,
    #[error(transparent)]
    Store(#[from] StoreError),
}

#[derive(Debug, thiserror::Error, SmtpReply)]
enum WithoutDefault {
    #[error(transparent)]
    Store(StoreError),
}

#[derive(Debug, thiserror::Error, SmtpReply)]
#[error(transparent)]
struct Wrapped(StoreError);

#[derive(Debug, thiserror::Error, SmtpReply)]
#[error("store failed")]
#[smtp(452, "4.3.1")]
struct StoreError;

fn main() {}

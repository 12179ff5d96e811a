//! Every accepted form and shape of `#[derive(SmtpReply)]`, with the codes each returns.

use std::fmt::Debug;

use smtp_codes::{ReplyCode, SmtpReply};

fn codes(value: &impl SmtpReply) -> (u16, Option<String>) {
    (
        value.reply_code().as_u16(),
        value.enhanced_code().map(|e| e.to_string()),
    )
}

fn some(code: u16, enhanced: &str) -> (u16, Option<String>) {
    (code, Some(enhanced.to_owned()))
}

#[derive(SmtpReply)]
#[smtp(421)]
struct ShuttingDown;

#[derive(SmtpReply)]
#[smtp(550, "5.1.1")]
struct NoSuchUser(#[allow(dead_code)] String);

#[derive(SmtpReply)]
#[smtp(code = 452, enhanced = "4.2.2")]
struct MailboxFull {
    #[allow(dead_code)]
    user: String,
}

#[derive(SmtpReply)]
#[smtp(MAILBOX_UNAVAILABLE, "5.7.1")]
struct Refused;

#[derive(SmtpReply)]
#[smtp(code = SERVICE_NOT_AVAILABLE)]
struct Busy;

#[test]
fn structs_of_every_shape() {
    assert_eq!(codes(&ShuttingDown), (421, None));
    assert_eq!(codes(&NoSuchUser("bob".into())), some(550, "5.1.1"));
    assert_eq!(
        codes(&MailboxFull { user: "bob".into() }),
        some(452, "4.2.2")
    );
    assert_eq!(codes(&Refused), some(550, "5.7.1"));
    assert_eq!(codes(&Busy), (421, None));
}

#[derive(Debug, SmtpReply)]
#[smtp(451, "4.3.0")]
enum RcptError {
    #[smtp(550, "5.1.1")]
    NoSuchUser,
    #[smtp(code = 452, enhanced = "4.2.2")]
    MailboxFull {
        #[allow(dead_code)]
        user: String,
    },
    #[smtp(MAILBOX_NAME_NOT_ALLOWED)]
    BadAddress(#[allow(dead_code)] String),
    #[smtp(transparent)]
    Store(StoreError),
    Busy,
    #[smtp(OK, "2.1.5")]
    Accepted,
    #[smtp(START_MAIL_INPUT)]
    GoAhead,
}

#[derive(Debug, SmtpReply)]
#[smtp(421, "4.3.2")]
struct StoreError;

#[test]
fn enum_variants_and_the_enum_wide_default() {
    assert_eq!(codes(&RcptError::NoSuchUser), some(550, "5.1.1"));
    assert_eq!(
        codes(&RcptError::MailboxFull { user: "bob".into() }),
        some(452, "4.2.2")
    );
    assert_eq!(codes(&RcptError::BadAddress("x".into())), (553, None));
    assert_eq!(codes(&RcptError::Store(StoreError)), some(421, "4.3.2"));
    assert_eq!(codes(&RcptError::Busy), some(451, "4.3.0"));
    assert_eq!(codes(&RcptError::Accepted), some(250, "2.1.5"));
    assert_eq!(codes(&RcptError::GoAhead), (354, None));
    assert_eq!(
        RcptError::NoSuchUser.reply_code(),
        ReplyCode::MAILBOX_UNAVAILABLE
    );
}

#[derive(SmtpReply)]
enum NoDefault {
    #[smtp(554)]
    Rejected,
}

#[derive(SmtpReply)]
#[smtp(554)]
enum Empty {}

#[test]
fn enums_without_default_and_without_variants() {
    fn takes<T: SmtpReply>() {}
    assert_eq!(codes(&NoDefault::Rejected), (554, None));
    takes::<Empty>();
}

/// A transparent chain through generic wrappers, with lifetimes and where-clauses.
#[derive(SmtpReply)]
enum Wrapper<'a, E, T: Clone>
where
    T: Debug,
{
    #[smtp(transparent)]
    Inner(E),
    #[smtp(transparent)]
    Borrowed { inner: &'a E },
    #[smtp(transparent)]
    Boxed(Box<E>),
    #[smtp(550)]
    Other(#[allow(dead_code)] T),
}

#[derive(SmtpReply)]
#[smtp(transparent)]
struct Outer<E: 'static>(Wrapper<'static, E, u8>);

#[derive(SmtpReply)]
#[smtp(transparent)]
struct Named<E: SmtpReply> {
    inner: E,
}

#[test]
fn generics_and_transparent_chains() {
    type Borrowing<'a> = Wrapper<'a, StoreError, u8>;
    static STORE: StoreError = StoreError;
    assert_eq!(
        codes(&Wrapper::<'_, StoreError, u8>::Inner(StoreError)),
        some(421, "4.3.2")
    );
    assert_eq!(
        codes(&Borrowing::Borrowed { inner: &STORE }),
        some(421, "4.3.2")
    );
    assert_eq!(
        codes(&Wrapper::<'_, StoreError, u8>::Boxed(Box::new(StoreError))),
        some(421, "4.3.2")
    );
    assert_eq!(codes(&Wrapper::<'_, StoreError, u8>::Other(1)), (550, None));
    assert_eq!(
        codes(&Outer(Wrapper::Inner(RcptError::Busy))),
        some(451, "4.3.0")
    );
    assert_eq!(
        codes(&Named {
            inner: Outer(Wrapper::Inner(RcptError::NoSuchUser))
        }),
        some(550, "5.1.1")
    );
}

mod reexport {
    //! A crate that re-exports smtp-codes under another path.
    pub(crate) mod mail {
        // The re-export is the point here.
        #[allow(clippy::single_component_path_imports)]
        pub(crate) use smtp_codes;
    }
}

#[derive(SmtpReply)]
#[smtp(crate = "reexport::mail::smtp_codes", 554, "5.7.1")]
struct ThroughReexport;

#[test]
fn crate_path_for_reexports() {
    assert_eq!(codes(&ThroughReexport), some(554, "5.7.1"));
}

#[derive(Debug, thiserror::Error, SmtpReply)]
#[smtp(451, "4.3.0")]
enum WithThiserror {
    #[error("no such user {0}")]
    #[smtp(550, "5.1.1")]
    NoSuchUser(String),
    #[error(transparent)]
    #[smtp(transparent)]
    Store(#[from] StoreErrorWithSource),
    #[error("try later")]
    Busy {
        #[source]
        cause: std::io::Error,
    },
}

#[derive(Debug, thiserror::Error, SmtpReply)]
#[error("store failed")]
#[smtp(452, "4.3.1")]
struct StoreErrorWithSource;

#[test]
fn side_by_side_with_thiserror() {
    let error = WithThiserror::from(StoreErrorWithSource);
    assert_eq!(error.to_string(), "store failed");
    assert_eq!(codes(&error), some(452, "4.3.1"));
    assert_eq!(
        codes(&WithThiserror::NoSuchUser("bob".into())),
        some(550, "5.1.1")
    );
    let busy = WithThiserror::Busy {
        cause: std::io::Error::other("x"),
    };
    assert_eq!(codes(&busy), some(451, "4.3.0"));
    assert!(std::error::Error::source(&busy).is_some());
}

#[derive(Debug, SmtpReply)]
#[smtp(571, undocumented)]
enum Undocumented {
    #[smtp(code = 571, enhanced = "5.7.1", undocumented)]
    Keyed,
    #[smtp(550, "5.7.606", undocumented)]
    UnregisteredEnhanced,
    #[smtp(MAILBOX_UNAVAILABLE, "5.7.606", undocumented)]
    ConstantWithUnregisteredEnhanced,
    #[smtp(399, undocumented)]
    Intermediate,
    Default,
}

#[test]
fn undocumented_codes_are_accepted_when_marked() {
    assert_eq!(codes(&Undocumented::Keyed), some(571, "5.7.1"));
    assert_eq!(
        codes(&Undocumented::UnregisteredEnhanced),
        some(550, "5.7.606")
    );
    assert_eq!(
        codes(&Undocumented::ConstantWithUnregisteredEnhanced),
        some(550, "5.7.606")
    );
    assert_eq!(codes(&Undocumented::Intermediate), (399, None));
    assert_eq!(codes(&Undocumented::Default), (571, None));
    // 571 is in the table only as 5.7.1 without its dots: `undocumented` lets it be sent.
    let alias = Undocumented::Keyed
        .reply_code()
        .info()
        .and_then(smtp_codes::ReplyInfo::alias_of);
    assert_eq!(alias.map(|a| a.to_string()).as_deref(), Some("5.7.1"));
    assert!(Undocumented::Intermediate.reply_code().info().is_none());
}

/// Only `#[error(transparent)]` asks for an explicit code: `#[error("...")]` variants take the
/// default as before, and a transparent variant may forward or have a code of its own.
#[derive(Debug, thiserror::Error, SmtpReply)]
#[smtp(451, "4.3.0")]
enum ThiserrorTransparent {
    #[error("try later")]
    Busy,
    #[error(transparent)]
    #[smtp(transparent)]
    Forwarded(StoreErrorWithSource),
    #[error(transparent)]
    #[smtp(554, "5.3.0")]
    OwnCode(std::io::Error),
}

#[derive(Debug, thiserror::Error, SmtpReply)]
#[error(transparent)]
#[smtp(transparent)]
struct TransparentStruct(StoreErrorWithSource);

#[test]
fn thiserror_transparent_with_an_explicit_choice() {
    assert_eq!(codes(&ThiserrorTransparent::Busy), some(451, "4.3.0"));
    assert_eq!(
        codes(&ThiserrorTransparent::Forwarded(StoreErrorWithSource)),
        some(452, "4.3.1")
    );
    assert_eq!(
        codes(&ThiserrorTransparent::OwnCode(std::io::Error::other("x"))),
        some(554, "5.3.0")
    );
    assert_eq!(
        codes(&TransparentStruct(StoreErrorWithSource)),
        some(452, "4.3.1")
    );
}

//! Names a careless expansion would pick up instead of the real ones: the derive's hygiene tests
//! glob-import this module, then derive.

#![allow(missing_docs, dead_code, non_camel_case_types, unreachable_pub)]

pub struct ReplyCode;
pub struct EnhancedCode;
pub trait SmtpReply {}
pub enum Option {}
pub struct Some;
pub struct None;
pub struct Result;
pub mod core {}
pub mod smtp_codes {}

//! Reading `#[smtp(...)]`: positional and `key = value` forms, with every duplicate and unknown
//! key reported where it stands.

use proc_macro2::{Span, TokenStream, TokenTree};
use quote::ToTokens;
use syn::ext::IdentExt;
use syn::parse::{ParseStream, Parser};
use syn::{Attribute, Ident, LitFloat, LitInt, LitStr, Token};

use crate::errors::Errors;
use crate::symbol::{self, CODE, CRATE, ENHANCED, TRANSPARENT, UNDOCUMENTED};

/// What one `#[smtp(...)]` attribute says, before it is checked against the table.
#[derive(Default)]
pub(crate) struct SmtpAttr {
    /// Where the attribute is, for errors about the attribute as a whole.
    pub(crate) span: Option<Span>,
    pub(crate) code: Option<CodeSpec>,
    pub(crate) enhanced: Option<LitStr>,
    pub(crate) transparent: Option<Ident>,
    /// `undocumented`: the code or the enhanced code is meant to be one the table lacks.
    pub(crate) undocumented: Option<Ident>,
    /// `crate = "path"`: the `crate` keyword and the path.
    pub(crate) krate: Option<(Ident, LitStr)>,
    /// The attribute did not parse; its error is reported, and nothing more is said about it.
    pub(crate) broken: bool,
}

/// How the reply code is written.
pub(crate) enum CodeSpec {
    /// `550`
    Number(LitInt),
    /// `MAILBOX_UNAVAILABLE`
    Name(Ident),
}

/// Reads the `#[smtp]` attribute among `attrs`; a second one is an error pointing at it.
pub(crate) fn parse(attrs: &[Attribute], errors: &mut Errors) -> Option<SmtpAttr> {
    let mut found: Option<(SmtpAttr, &Attribute)> = None;
    for attr in attrs.iter().filter(|a| a.path().is_ident("smtp")) {
        if let Some((_, first)) = &found {
            errors.push(syn::Error::new_spanned(attr, "duplicate #[smtp] attribute"));
            errors.push(syn::Error::new_spanned(
                first,
                "first #[smtp] attribute here",
            ));
            continue;
        }
        let mut problems = Vec::new();
        let parsed = attr.meta.require_list().and_then(|list| {
            if list.tokens.is_empty() {
                return Err(syn::Error::new_spanned(
                    attr,
                    format!("empty #[smtp()]: {}", symbol::expected()),
                ));
            }
            (|input: ParseStream<'_>| parse_args(input, &mut problems)).parse2(list.tokens.clone())
        });
        let had_problems = !problems.is_empty();
        errors.extend(problems);
        match parsed {
            Ok(mut parsed) => {
                parsed.span = Some(attr_span(attr));
                // A duplicate or unknown key has been reported; checking the rest of the
                // attribute would only add messages about the same mistake.
                parsed.broken = had_problems;
                found = Some((parsed, attr));
            }
            Err(err) => {
                errors.push(err);
                // Keep an empty attribute so the type or variant is not also reported as
                // having no code: one mistake, one message.
                found = Some((
                    SmtpAttr {
                        span: Some(attr_span(attr)),
                        broken: true,
                        ..SmtpAttr::default()
                    },
                    attr,
                ));
            }
        }
    }
    found.map(|(attr, _)| attr)
}

/// The `#[error(transparent)]` of thiserror among `attrs`, if there is one. `#[error("...")]`
/// and every other attribute are ignored.
pub(crate) fn thiserror_transparent(attrs: &[Attribute]) -> Option<&Attribute> {
    attrs.iter().find(|attr| {
        attr.path().is_ident(symbol::THISERROR_ERROR)
            && attr.meta.require_list().is_ok_and(|list| {
                let mut tokens = list.tokens.clone().into_iter();
                matches!(
                    (tokens.next(), tokens.next()),
                    (Some(TokenTree::Ident(word)), None) if word == TRANSPARENT
                )
            })
    })
}

fn attr_span(attr: &Attribute) -> Span {
    attr.pound_token.span
}

/// Parses the inside of the parentheses. Syntax errors stop the parse; duplicates, unknown
/// keys and values of the wrong shape are collected in `problems` and parsing goes on.
fn parse_args(input: ParseStream<'_>, problems: &mut Vec<syn::Error>) -> syn::Result<SmtpAttr> {
    let mut attr = SmtpAttr::default();
    // Enhanced codes written as numbers (`5.1.1`); what to suggest depends on whether the
    // attribute has a reply code, which may come later.
    let mut unquoted = Vec::new();
    while !input.is_empty() {
        if input.peek(LitInt) {
            let lit: LitInt = input.parse()?;
            set_code(&mut attr, CodeSpec::Number(lit), problems);
        } else if input.peek(LitStr) {
            let lit: LitStr = input.parse()?;
            set(&mut attr.enhanced, lit, "enhanced code", problems);
        } else if input.peek(LitFloat) {
            let (tokens, text) = unquoted_enhanced(input)?;
            if text.split('.').count() != 3 {
                return Err(syn::Error::new_spanned(tokens, symbol::expected()));
            }
            unquoted.push((tokens, text));
        } else if input.peek(Ident::peek_any) {
            let key = Ident::parse_any(input)?;
            let name = key.to_string();
            if input.peek(Token![=]) {
                input.parse::<Token![=]>()?;
                key_value(&mut attr, key, input, problems)?;
            } else if name == TRANSPARENT {
                set(&mut attr.transparent, key, "`transparent`", problems);
            } else if name == UNDOCUMENTED {
                set(&mut attr.undocumented, key, "`undocumented`", problems);
            } else if let Some(example) = value_example(&name) {
                problems.push(syn::Error::new(
                    key.span(),
                    format!("`{name}` takes a value: write `{name} = {example}`"),
                ));
                skip_value(input)?;
            } else if looks_like_constant(&name) {
                set_code(&mut attr, CodeSpec::Name(key), problems);
            } else {
                problems.push(unknown_key(&key));
            }
        } else {
            return Err(input.error(symbol::expected()));
        }
        if !input.is_empty() {
            input.parse::<Token![,]>()?;
        }
    }
    for (tokens, text) in unquoted {
        let message = if attr.code.is_some() {
            format!("enhanced codes are strings: write \"{text}\"")
        } else {
            let example = match text.as_bytes().first() {
                Some(b'2') => 250,
                Some(b'4') => 450,
                _ => 550,
            };
            format!(
                "enhanced codes are strings, written after the reply code: write \
                 #[smtp({example}, \"{text}\")]"
            )
        };
        problems.push(syn::Error::new_spanned(tokens, message));
    }
    if let (None, Some(lit)) = (&attr.code, &attr.enhanced) {
        let value = lit.value();
        if value.len() == 3 && value.bytes().all(|b| b.is_ascii_digit()) {
            problems.push(syn::Error::new(
                lit.span(),
                format!("reply codes are numbers, not strings: write {value} without the quotes"),
            ));
        }
    }
    Ok(attr)
}

/// The value after `key =`.
fn key_value(
    attr: &mut SmtpAttr,
    key: Ident,
    input: ParseStream<'_>,
    problems: &mut Vec<syn::Error>,
) -> syn::Result<()> {
    let name = key.to_string();
    match name.as_str() {
        CODE => {
            let spec = if input.peek(LitInt) {
                CodeSpec::Number(input.parse()?)
            } else if input.peek(Ident) {
                CodeSpec::Name(input.parse()?)
            } else if input.peek(LitStr) {
                let lit: LitStr = input.parse()?;
                problems.push(syn::Error::new(
                    lit.span(),
                    format!(
                        "reply codes are numbers, not strings: write `{CODE} = {}`",
                        lit.value()
                    ),
                ));
                return Ok(());
            } else {
                return Err(input.error(
                    "expected a reply code such as `550` or a constant name such as \
                     `MAILBOX_UNAVAILABLE`",
                ));
            };
            set_code(attr, spec, problems);
        }
        ENHANCED => {
            if input.peek(LitFloat) {
                let (tokens, text) = unquoted_enhanced(input)?;
                problems.push(syn::Error::new_spanned(
                    tokens,
                    format!("enhanced codes are strings: write `{ENHANCED} = \"{text}\"`"),
                ));
                return Ok(());
            }
            let lit: LitStr = input.parse()?;
            set(&mut attr.enhanced, lit, "enhanced code", problems);
        }
        CRATE => {
            let lit: LitStr = input.parse()?;
            set(&mut attr.krate, (key, lit), "`crate`", problems);
        }
        TRANSPARENT | UNDOCUMENTED => {
            problems.push(syn::Error::new(
                key.span(),
                format!("`{name}` takes no value: write `{name}` alone"),
            ));
            skip_value(input)?;
        }
        _ => {
            problems.push(unknown_key(&key));
            skip_value(input)?;
        }
    }
    Ok(())
}

/// What a key that takes a value looks like with one, for messages; `None` for other names.
fn value_example(name: &str) -> Option<&'static str> {
    match name {
        CODE => Some("550"),
        ENHANCED => Some("\"5.1.1\""),
        CRATE => Some("\"path::to::smtp_codes\""),
        _ => None,
    }
}

/// Reads an enhanced code written without quotes: Rust reads `5.1.1` as the float `5.1`, a
/// `.` and the integer `1`. Returns its tokens (for the span) and the code as written.
fn unquoted_enhanced(input: ParseStream<'_>) -> syn::Result<(TokenStream, String)> {
    let float: LitFloat = input.parse()?;
    let mut text = float.to_string();
    let mut tokens = float.into_token_stream();
    while input.peek(Token![.]) && input.peek2(LitInt) {
        let dot: Token![.] = input.parse()?;
        let detail: LitInt = input.parse()?;
        text.push('.');
        text.push_str(&detail.to_string());
        dot.to_tokens(&mut tokens);
        detail.to_tokens(&mut tokens);
    }
    Ok((tokens, text))
}

/// Skips the tokens up to the next `,`, so the rest of the attribute is still read.
fn skip_value(input: ParseStream<'_>) -> syn::Result<()> {
    while !input.is_empty() && !input.peek(Token![,]) {
        input.parse::<TokenTree>()?;
    }
    Ok(())
}

fn set_code(attr: &mut SmtpAttr, spec: CodeSpec, problems: &mut Vec<syn::Error>) {
    set(&mut attr.code, spec, "reply code", problems);
}

/// Stores `value`, or reports it as a duplicate pointing at the second one and the first.
fn set<T: Spanned>(slot: &mut Option<T>, value: T, what: &str, problems: &mut Vec<syn::Error>) {
    match slot {
        Some(first) => {
            problems.push(syn::Error::new(value.span(), format!("duplicate {what}")));
            problems.push(syn::Error::new(first.span(), format!("first {what} here")));
        }
        None => *slot = Some(value),
    }
}

fn unknown_key(key: &Ident) -> syn::Error {
    let name = key.to_string();
    let hint = symbol::did_you_mean(&name)
        .map(|known| format!("; did you mean `{known}`?"))
        .unwrap_or_default();
    syn::Error::new(
        key.span(),
        format!(
            "unknown key `{name}` in #[smtp(...)]{hint}\n{}",
            symbol::expected()
        ),
    )
}

/// Constant names are `SCREAMING_SNAKE_CASE`: an upper-case letter, then upper case, digits, `_`.
fn looks_like_constant(name: &str) -> bool {
    name.starts_with(|c: char| c.is_ascii_uppercase())
        && name
            .bytes()
            .all(|b| b.is_ascii_uppercase() || b.is_ascii_digit() || b == b'_')
}

/// The span errors about a parsed piece point at.
pub(crate) trait Spanned {
    fn span(&self) -> Span;
}

impl Spanned for CodeSpec {
    fn span(&self) -> Span {
        match self {
            CodeSpec::Number(lit) => lit.span(),
            CodeSpec::Name(ident) => ident.span(),
        }
    }
}

impl Spanned for LitStr {
    fn span(&self) -> Span {
        LitStr::span(self)
    }
}

impl Spanned for Ident {
    fn span(&self) -> Span {
        Ident::span(self)
    }
}

impl Spanned for (Ident, LitStr) {
    fn span(&self) -> Span {
        self.0.span()
    }
}

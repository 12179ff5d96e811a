//! Reading `#[smtp(...)]`: positional and `key = value` forms, with every duplicate and unknown
//! key reported where it stands.

use proc_macro2::Span;
use syn::ext::IdentExt;
use syn::parse::{ParseStream, Parser};
use syn::{Attribute, Ident, LitInt, LitStr, Token};

use crate::valid::Errors;

/// What one `#[smtp(...)]` attribute says, before it is checked against the table.
#[derive(Default)]
pub(crate) struct SmtpAttr {
    /// Where the attribute is, for errors about the attribute as a whole.
    pub(crate) span: Option<Span>,
    pub(crate) code: Option<CodeSpec>,
    pub(crate) enhanced: Option<LitStr>,
    pub(crate) transparent: Option<Ident>,
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

const KEYS: &str = "a reply code (`550` or a constant name such as `MAILBOX_UNAVAILABLE`), an \
                    enhanced code string (`\"5.1.1\"`), `code = …`, `enhanced = \"…\"`, `transparent`, \
                    or `crate = \"…\"`";

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
                    format!("empty #[smtp()]: expected {KEYS}"),
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

fn attr_span(attr: &Attribute) -> Span {
    attr.pound_token.span
}

/// Parses the inside of the parentheses. Syntax errors stop the parse; duplicates and unknown
/// keys are collected in `problems` and parsing goes on.
fn parse_args(input: ParseStream<'_>, problems: &mut Vec<syn::Error>) -> syn::Result<SmtpAttr> {
    let mut attr = SmtpAttr::default();
    while !input.is_empty() {
        if input.peek(LitInt) {
            let lit: LitInt = input.parse()?;
            set_code(&mut attr, CodeSpec::Number(lit), problems);
        } else if input.peek(LitStr) {
            let lit: LitStr = input.parse()?;
            set(&mut attr.enhanced, lit, "enhanced code", problems);
        } else if input.peek(Ident::peek_any) {
            let key = Ident::parse_any(input)?;
            let name = key.to_string();
            if input.peek(Token![=]) {
                input.parse::<Token![=]>()?;
                match name.as_str() {
                    "code" => {
                        let spec = if input.peek(LitInt) {
                            CodeSpec::Number(input.parse()?)
                        } else if input.peek(Ident) {
                            CodeSpec::Name(input.parse()?)
                        } else {
                            return Err(input.error("expected a reply code such as `550` or a constant name such as `MAILBOX_UNAVAILABLE`"));
                        };
                        set_code(&mut attr, spec, problems);
                    }
                    "enhanced" => {
                        let lit: LitStr = input.parse()?;
                        set(&mut attr.enhanced, lit, "enhanced code", problems);
                    }
                    "crate" => {
                        let lit: LitStr = input.parse()?;
                        set(&mut attr.krate, (key, lit), "`crate`", problems);
                    }
                    _ => {
                        problems.push(unknown_key(&key));
                        // Skip the value so the rest of the attribute is still read.
                        input.parse::<proc_macro2::TokenTree>()?;
                    }
                }
            } else if name == "transparent" {
                set(&mut attr.transparent, key, "`transparent`", problems);
            } else if looks_like_constant(&name) {
                set_code(&mut attr, CodeSpec::Name(key), problems);
            } else {
                problems.push(unknown_key(&key));
            }
        } else {
            return Err(input.error(format!("expected {KEYS}")));
        }
        if !input.is_empty() {
            input.parse::<Token![,]>()?;
        }
    }
    Ok(attr)
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
    let hint = ["code", "enhanced", "transparent", "crate"]
        .into_iter()
        .filter(|known| crate::valid::edit_distance(known, &name) <= 2)
        .map(|known| format!("; did you mean `{known}`?"))
        .next()
        .unwrap_or_default();
    syn::Error::new(
        key.span(),
        format!("unknown key `{name}` in #[smtp(...)]{hint}\nexpected {KEYS}"),
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

//! Checks the `#[smtp]` attributes against the table and decides what each variant returns.
//! Every problem is collected; the derive reports them all at once.

use syn::{Ident, LitInt, LitStr, Path};

use crate::ast::{Body, Field, Input, Shape};
use crate::attr::{CodeSpec, SmtpAttr};
use crate::table;

/// Errors collected across the whole input, combined into one `syn::Error`.
#[derive(Default)]
pub(crate) struct Errors(Option<syn::Error>);

impl Errors {
    pub(crate) fn push(&mut self, error: syn::Error) {
        match &mut self.0 {
            Some(all) => all.combine(error),
            None => self.0 = Some(error),
        }
    }

    pub(crate) fn extend(&mut self, errors: impl IntoIterator<Item = syn::Error>) {
        for error in errors {
            self.push(error);
        }
    }

    pub(crate) fn finish(self) -> Option<syn::Error> {
        self.0
    }
}

/// What a struct or variant answers with.
pub(crate) enum Action<'a> {
    /// A fixed code: the name of its `ReplyCode` constant and the enhanced code, normalised.
    Code {
        name: &'static str,
        enhanced: Option<String>,
    },
    /// Forward to the one field's `SmtpReply`.
    Transparent(&'a Field<'a>),
}

/// The checked input: what every struct or variant answers with, and the crate path.
pub(crate) struct Plan<'a> {
    pub(crate) krate: Path,
    pub(crate) bodies: Vec<(&'a Body<'a>, Action<'a>)>,
    pub(crate) is_enum: bool,
}

enum Outcome<'a> {
    Action(Action<'a>),
    /// The attribute names no code (and is not `transparent`).
    NoCode,
    /// Something was wrong and has been reported.
    Failed,
}

#[derive(Clone, Copy, PartialEq, Eq)]
enum Place {
    Struct,
    EnumDefault,
    Variant,
}

/// The crate path: `crate = "…"` from the type's attribute, else `::smtp_codes`.
pub(crate) fn crate_path(attr: Option<&SmtpAttr>, errors: &mut Errors) -> Path {
    if let Some((_, lit)) = attr.and_then(|a| a.krate.as_ref()) {
        match lit.parse::<Path>() {
            Ok(path) => return path,
            Err(_) => errors.push(syn::Error::new(
                lit.span(),
                "`crate` must be a path such as \"my_crate::smtp_codes\"",
            )),
        }
    }
    syn::parse_quote!(::smtp_codes)
}

/// Checks `input` and plans the impl; `None` when anything was reported.
pub(crate) fn check<'a>(input: &'a Input<'a>, errors: &mut Errors) -> Plan<'a> {
    let krate = crate_path(input.attr.as_ref(), errors);
    let mut bodies = Vec::new();
    match &input.shape {
        Shape::Struct(body) => match input.attr.as_ref().map(|a| outcome(a, Some(body), Place::Struct, errors)) {
            Some(Outcome::Action(action)) => bodies.push((body, action)),
            Some(Outcome::Failed) => {}
            Some(Outcome::NoCode) | None => errors.push(syn::Error::new(
                body.ident.span(),
                format!(
                    "`{}` needs #[smtp(CODE)] (such as #[smtp(550, \"5.1.1\")]) or #[smtp(transparent)] to derive SmtpReply",
                    body.ident
                ),
            )),
        },
        Shape::Enum(variants) => {
            let default = input.attr.as_ref().map(|a| outcome(a, None, Place::EnumDefault, errors));
            let default_failed = matches!(default, Some(Outcome::Failed));
            for variant in variants {
                let own = variant.attr.as_ref().map(|a| outcome(a, Some(&variant.body), Place::Variant, errors));
                match own {
                    Some(Outcome::Action(action)) => bodies.push((&variant.body, action)),
                    Some(Outcome::Failed) => {}
                    Some(Outcome::NoCode) | None => match &default {
                        Some(Outcome::Action(Action::Code { name, enhanced })) => bodies.push((
                            &variant.body,
                            Action::Code { name, enhanced: enhanced.clone() },
                        )),
                        _ if default_failed => {}
                        _ => errors.push(syn::Error::new(
                            variant.body.ident.span(),
                            format!(
                                "variant `{}` has no reply code: add #[smtp(CODE)] to it, or a default #[smtp(CODE)] to the enum `{}`",
                                variant.body.ident, input.ident
                            ),
                        )),
                    },
                }
            }
        }
    }
    Plan {
        krate,
        bodies,
        is_enum: matches!(input.shape, Shape::Enum(_)),
    }
}

/// What one attribute says, checked. `body` is the struct or variant it is on (`None` on an
/// enum, where it is the default).
fn outcome<'a>(
    attr: &SmtpAttr,
    body: Option<&'a Body<'a>>,
    place: Place,
    errors: &mut Errors,
) -> Outcome<'a> {
    if attr.broken {
        return Outcome::Failed;
    }
    let mut failed = false;
    if let (Some((keyword, _)), Place::Variant) = (&attr.krate, place) {
        errors.push(syn::Error::new(
            keyword.span(),
            "`crate = \"...\"` goes on the type, not on a variant",
        ));
        failed = true;
    }
    if let Some(transparent) = &attr.transparent {
        if attr.code.is_some() || attr.enhanced.is_some() {
            errors.push(syn::Error::new(
                transparent.span(),
                "`transparent` forwards to the field's SmtpReply and cannot be combined with a code",
            ));
            return Outcome::Failed;
        }
        let Some(body) = body else {
            errors.push(syn::Error::new(
                transparent.span(),
                "`transparent` goes on a variant or a struct with one field, not on an enum",
            ));
            return Outcome::Failed;
        };
        if body.fields.len() != 1 {
            errors.push(syn::Error::new(
                transparent.span(),
                format!(
                    "#[smtp(transparent)] needs exactly one field to forward to; `{}` has {}",
                    body.ident,
                    body.fields.len()
                ),
            ));
            return Outcome::Failed;
        }
        return if failed {
            Outcome::Failed
        } else {
            Outcome::Action(Action::Transparent(&body.fields[0]))
        };
    }
    let Some(spec) = &attr.code else {
        if let Some(enhanced) = &attr.enhanced {
            errors.push(syn::Error::new(
                enhanced.span(),
                "an enhanced code needs a reply code in the same attribute, as in #[smtp(550, \"5.1.1\")]",
            ));
            return Outcome::Failed;
        }
        return if failed {
            Outcome::Failed
        } else {
            Outcome::NoCode
        };
    };
    let known = match resolve_code(spec) {
        Ok(known) => known,
        Err(error) => {
            errors.push(error);
            return Outcome::Failed;
        }
    };
    let enhanced = match &attr.enhanced {
        Some(lit) => match check_enhanced(lit, known.code) {
            Ok(enhanced) => Some(enhanced),
            Err(error) => {
                errors.push(error);
                return Outcome::Failed;
            }
        },
        None => None,
    };
    if failed {
        Outcome::Failed
    } else {
        Outcome::Action(Action::Code {
            name: known.name,
            enhanced,
        })
    }
}

fn resolve_code(spec: &CodeSpec) -> syn::Result<&'static table::KnownReply> {
    match spec {
        CodeSpec::Number(lit) => resolve_number(lit),
        CodeSpec::Name(ident) => resolve_name(ident),
    }
}

fn resolve_number(lit: &LitInt) -> syn::Result<&'static table::KnownReply> {
    if !lit.suffix().is_empty() {
        return Err(syn::Error::new(
            lit.span(),
            "write the reply code without a type suffix, as in `550`",
        ));
    }
    // The literal as written: `base10_digits` would turn `0550` into `550`.
    let written = lit.to_string();
    let digits = written.as_str();
    let code = match digits.parse::<u16>() {
        Ok(code) if digits.len() == 3 && (200..=599).contains(&code) => code,
        _ => {
            return Err(syn::Error::new(
                lit.span(),
                format!(
                    "{digits} is not an SMTP reply code: reply codes are three digits from 200 to 599"
                ),
            ));
        }
    };
    table::reply(code).ok_or_else(|| {
        let mut family: Vec<String> = table::family(code).map(|c| c.to_string()).collect();
        let mut label = format!("{}x", code / 10);
        if family.is_empty() {
            family = table::class(code).map(|c| c.to_string()).collect();
            label = format!("{}xx", code / 100);
        }
        syn::Error::new(
            lit.span(),
            format!(
                "{code} is not a documented SMTP reply code; documented {label} codes: {}",
                family.join(", ")
            ),
        )
    })
}

fn resolve_name(ident: &Ident) -> syn::Result<&'static table::KnownReply> {
    let name = ident.to_string();
    table::reply_by_name(&name).ok_or_else(|| {
        let closest = table::names()
            .map(|known| (edit_distance(known, &name), known))
            .min()
            .filter(|(distance, _)| *distance <= name.len() / 3 + 1);
        let hint = closest.map_or_else(String::new, |(_, known)| {
            format!("; did you mean `{known}`?")
        });
        syn::Error::new(
            ident.span(),
            format!("`{name}` is not a reply code constant of smtp_codes::ReplyCode{hint}"),
        )
    })
}

/// Checks an enhanced code against the reply code it goes with; returns it normalised.
fn check_enhanced(lit: &LitStr, code: u16) -> syn::Result<String> {
    let value = lit.value();
    let error = |message: String| syn::Error::new(lit.span(), message);
    let Some((class, subject, detail)) = parse_enhanced(&value) else {
        return Err(error(format!(
            "`{value}` is not an enhanced status code: expected class.subject.detail such as \"5.1.1\", 1 to 3 digits each without leading zeros (RFC 3463)"
        )));
    };
    if ![2, 4, 5].contains(&class) {
        return Err(error(format!(
            "`{value}` is not an enhanced status code: the class (first number) must be 2, 4 or 5"
        )));
    }
    let reply_class = code / 100;
    if reply_class == 3 {
        return Err(error(format!(
            "a 3xx reply ({code}) takes no enhanced status code: RFC 3463 classes are 2, 4 and 5"
        )));
    }
    if u16::from(class) != reply_class {
        return Err(error(format!(
            "enhanced code {value} has class {class} but reply code {code} has class {reply_class}; they must agree (did you mean \"{reply_class}.{subject}.{detail}\"?)"
        )));
    }
    match table::enhanced(subject, detail) {
        None => {
            return Err(error(format!(
                "{value} is not in the IANA registry of enhanced status codes (there is no X.{subject}.{detail})"
            )));
        }
        Some(known) if known.deprecated => {
            return Err(error(match known.replaced_by {
                Some((new_subject, new_detail)) => format!(
                    "X.{subject}.{detail} is deprecated in the IANA registry; use \
                     X.{new_subject}.{new_detail} instead: write \
                     \"{class}.{new_subject}.{new_detail}\""
                ),
                None => format!(
                    "X.{subject}.{detail} is deprecated in the IANA registry, which names no \
                     replacement; choose another enhanced code"
                ),
            }));
        }
        Some(_) => {}
    }
    Ok(format!("{class}.{subject}.{detail}"))
}

/// `class.subject.detail`: one digit, then one to three digits twice.
fn parse_enhanced(value: &str) -> Option<(u8, u16, u16)> {
    let mut parts = value.split('.');
    let (class, subject, detail) = (parts.next()?, parts.next()?, parts.next()?);
    if parts.next().is_some() {
        return None;
    }
    // RFC 3463, section 2: 1 to 3 digits, no leading zeros.
    let number = |part: &str, max_len: usize| {
        let well_formed = (1..=max_len).contains(&part.len())
            && part.bytes().all(|b| b.is_ascii_digit())
            && !(part.len() > 1 && part.starts_with('0'));
        well_formed.then(|| part.parse::<u16>().ok()).flatten()
    };
    Some((
        u8::try_from(number(class, 1)?).ok()?,
        number(subject, 3)?,
        number(detail, 3)?,
    ))
}

/// Levenshtein distance, for "did you mean" hints.
pub(crate) fn edit_distance(a: &str, b: &str) -> usize {
    let b: Vec<char> = b.chars().collect();
    let mut previous: Vec<usize> = (0..=b.len()).collect();
    for (i, ca) in a.chars().enumerate() {
        let mut current = vec![i + 1];
        for (j, cb) in b.iter().enumerate() {
            let substitution = previous[j] + usize::from(ca != *cb);
            current.push(substitution.min(previous[j + 1] + 1).min(current[j] + 1));
        }
        previous = current;
    }
    previous[b.len()]
}

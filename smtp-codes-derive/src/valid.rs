//! Checks the `#[smtp]` attributes against the table and decides what each variant returns.
//! Every problem is collected; the derive reports them all at once.

use syn::{Ident, LitInt, LitStr, Path};

use crate::ast::{Body, Field, Input, Shape};
use crate::attr::{CodeSpec, SmtpAttr};
use crate::errors::{Errors, edit_distance};
use crate::symbol::UNDOCUMENTED;
use crate::table;

/// What a struct or variant answers with.
pub(crate) enum Action<'a> {
    /// A fixed code, and the enhanced code, normalised.
    Code {
        code: Code,
        enhanced: Option<String>,
    },
    /// Forward to the one field's `SmtpReply`.
    Transparent(&'a Field<'a>),
}

/// A reply code that passed the checks.
#[derive(Clone, Copy)]
pub(crate) enum Code {
    /// A documented code: the name of its `ReplyCode` constant.
    Documented(&'static str),
    /// A code marked `undocumented`: its number.
    Undocumented(u16),
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

/// Checks `input` and plans the impl. Every problem goes to `errors`; the plan always comes
/// back, holding what each struct or variant that passed answers with, and is only worth
/// expanding when `errors` stayed empty.
pub(crate) fn check<'a>(input: &'a Input<'a>, errors: &mut Errors) -> Plan<'a> {
    let krate = crate_path(input.attr.as_ref(), errors);
    let mut bodies = Vec::new();
    match &input.shape {
        Shape::Struct(body) => {
            let own = input
                .attr
                .as_ref()
                .map(|a| outcome(a, Some(body), Place::Struct, errors));
            match own {
                Some(Outcome::Action(action)) => bodies.push((body, action)),
                Some(Outcome::Failed) => {}
                Some(Outcome::NoCode) | None => errors.push(no_code(body, Within::Struct)),
            }
        }
        Shape::Enum(variants) => {
            let default = input
                .attr
                .as_ref()
                .map(|a| outcome(a, None, Place::EnumDefault, errors));
            let within = Within::Enum {
                ident: input.ident,
                has_default: input.attr.as_ref().is_some_and(|a| a.code.is_some()),
            };
            for variant in variants {
                let body = &variant.body;
                let own = variant
                    .attr
                    .as_ref()
                    .map(|a| outcome(a, Some(body), Place::Variant, errors));
                match (own, &default) {
                    (Some(Outcome::Action(action)), _) => bodies.push((body, action)),
                    (Some(Outcome::Failed), _) => {}
                    // An #[error(transparent)] variant must say which code it answers with,
                    // even where the enum has a default.
                    _ if body.thiserror_transparent.is_some() => {
                        errors.push(no_code(body, within));
                    }
                    (_, Some(Outcome::Action(Action::Code { code, enhanced }))) => bodies.push((
                        body,
                        Action::Code {
                            code: *code,
                            enhanced: enhanced.clone(),
                        },
                    )),
                    // The default's own mistake has been reported.
                    (_, Some(Outcome::Failed)) => {}
                    _ => errors.push(no_code(body, within)),
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

/// Where a struct or variant without a code stands.
#[derive(Clone, Copy)]
enum Within<'a> {
    Struct,
    Enum { ident: &'a Ident, has_default: bool },
}

/// The error for a struct or variant with no code of its own and none to fall back on, or
/// with thiserror's `#[error(transparent)]` and no code of its own.
fn no_code(body: &Body<'_>, within: Within<'_>) -> syn::Error {
    let name = body.ident;
    if let Some(attr) = body.thiserror_transparent {
        let (what, consequence) = match within {
            Within::Enum {
                has_default: true, ..
            } => (
                "variant",
                "it would take the enum's default reply code, not its inner error's",
            ),
            Within::Enum { .. } => ("variant", "it has no reply code"),
            Within::Struct => ("struct", "it has no reply code"),
        };
        return syn::Error::new_spanned(
            attr,
            format!(
                "{what} `{name}` is #[error(transparent)] but has no #[smtp(...)], so \
                 {consequence}\nadd #[smtp(transparent)] to forward to the inner error's \
                 SmtpReply, or give `{name}` its own code, such as #[smtp(550, \"5.1.1\")]"
            ),
        );
    }
    let message = match within {
        Within::Struct => format!(
            "`{name}` needs #[smtp(CODE)] (such as #[smtp(550, \"5.1.1\")]) or \
             #[smtp(transparent)] to derive SmtpReply"
        ),
        Within::Enum { ident, .. } => format!(
            "variant `{name}` has no reply code: add #[smtp(CODE)] to it, or a default \
             #[smtp(CODE)] to the enum `{ident}`"
        ),
    };
    syn::Error::new(name.span(), message)
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
        return match transparent_field(attr, transparent, body) {
            Ok(field) if !failed => Outcome::Action(Action::Transparent(field)),
            Ok(_) => Outcome::Failed,
            Err(error) => {
                errors.push(error);
                Outcome::Failed
            }
        };
    }
    let Some(spec) = &attr.code else {
        return without_code(attr, failed, errors);
    };
    match checked_code(attr, spec) {
        Ok(action) if !failed => Outcome::Action(action),
        Ok(_) => Outcome::Failed,
        Err(error) => {
            errors.push(error);
            Outcome::Failed
        }
    }
}

/// An attribute without a reply code: fine alone (the type's default applies), an error
/// beside an enhanced code or `undocumented`, which need one.
fn without_code<'a>(attr: &SmtpAttr, failed: bool, errors: &mut Errors) -> Outcome<'a> {
    if let Some(enhanced) = &attr.enhanced {
        errors.push(syn::Error::new(
            enhanced.span(),
            "an enhanced code needs a reply code in the same attribute, as in \
             #[smtp(550, \"5.1.1\")]",
        ));
        return Outcome::Failed;
    }
    if let Some(undocumented) = &attr.undocumented {
        errors.push(syn::Error::new(
            undocumented.span(),
            format!(
                "`{UNDOCUMENTED}` needs a reply code to mark: write it beside the code, as \
                 in #[smtp(571, {UNDOCUMENTED})]"
            ),
        ));
        return Outcome::Failed;
    }
    if failed {
        Outcome::Failed
    } else {
        Outcome::NoCode
    }
}

/// The field `#[smtp(transparent)]` forwards to, when the attribute and the body allow it.
fn transparent_field<'a>(
    attr: &SmtpAttr,
    transparent: &Ident,
    body: Option<&'a Body<'a>>,
) -> syn::Result<&'a Field<'a>> {
    let error = |message: String| Err(syn::Error::new(transparent.span(), message));
    if attr.code.is_some() || attr.enhanced.is_some() {
        return error(
            "`transparent` forwards to the field's SmtpReply and cannot be combined with a code"
                .to_owned(),
        );
    }
    if let Some(undocumented) = &attr.undocumented {
        return Err(syn::Error::new(
            undocumented.span(),
            format!(
                "`transparent` takes its codes from the field, so there is nothing here for \
                 `{UNDOCUMENTED}` to mark: remove `{UNDOCUMENTED}`"
            ),
        ));
    }
    let Some(body) = body else {
        return error(
            "`transparent` goes on a variant or a struct with one field, not on an enum".to_owned(),
        );
    };
    match body.fields.as_slice() {
        [field] => Ok(field),
        fields => error(format!(
            "#[smtp(transparent)] needs exactly one field to forward to; `{}` has {}",
            body.ident,
            fields.len()
        )),
    }
}

/// A reply code as checked: its number, and its constant's name when the table documents it.
struct Reply {
    code: u16,
    constant: Option<&'static str>,
}

/// An enhanced code as checked: normalised, and whether the registry has it.
struct Enhanced {
    text: String,
    registered: bool,
}

/// Checks the code and the enhanced code of an attribute, and what `undocumented` says of them.
fn checked_code<'a>(attr: &SmtpAttr, spec: &CodeSpec) -> syn::Result<Action<'a>> {
    let undocumented = attr.undocumented.as_ref();
    let reply = match spec {
        CodeSpec::Number(lit) => resolve_number(lit, undocumented.is_some())?,
        CodeSpec::Name(ident) => resolve_name(ident, undocumented.is_some())?,
    };
    let enhanced = attr
        .enhanced
        .as_ref()
        .map(|lit| check_enhanced(lit, reply.code, undocumented.is_some()))
        .transpose()?;
    if let (Some(keyword), Some(constant)) = (undocumented, reply.constant) {
        // `undocumented` has to vouch for something: the reply code or the enhanced code.
        let code = match spec {
            CodeSpec::Number(_) => reply.code.to_string(),
            CodeSpec::Name(_) => format!("`{constant}` ({})", reply.code),
        };
        let documented = match &enhanced {
            None => Some(format!("{code} is documented")),
            Some(enhanced) if enhanced.registered => {
                Some(format!("{code} and {} are both documented", enhanced.text))
            }
            Some(_) => None,
        };
        if let Some(documented) = documented {
            return Err(syn::Error::new(
                keyword.span(),
                format!("{documented}; remove `{UNDOCUMENTED}`"),
            ));
        }
    }
    Ok(Action::Code {
        code: match reply.constant {
            Some(name) => Code::Documented(name),
            None => Code::Undocumented(reply.code),
        },
        enhanced: enhanced.map(|e| e.text),
    })
}

/// A reply code written as a number; one the table lacks is accepted when `undocumented`.
fn resolve_number(lit: &LitInt, undocumented: bool) -> syn::Result<Reply> {
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
                    "{digits} is not an SMTP reply code: reply codes are three digits from 200 \
                     to 599"
                ),
            ));
        }
    };
    if let Some(known) = table::reply(code) {
        return known_reply(known, lit.span(), &code.to_string(), undocumented);
    }
    if undocumented {
        return Ok(Reply {
            code,
            constant: None,
        });
    }
    let mut family: Vec<String> = table::family(code).map(|c| c.to_string()).collect();
    let mut label = format!("{}x", code / 10);
    if family.is_empty() {
        family = table::class(code).map(|c| c.to_string()).collect();
        label = format!("{}xx", code / 100);
    }
    Err(syn::Error::new(
        lit.span(),
        format!(
            "{code} is not a documented SMTP reply code; documented {label} codes: {}\nto use it \
             on purpose, write #[smtp({code}, {UNDOCUMENTED})]",
            family.join(", ")
        ),
    ))
}

fn resolve_name(ident: &Ident, undocumented: bool) -> syn::Result<Reply> {
    let name = ident.to_string();
    let Some(known) = table::reply_by_name(&name) else {
        let closest = table::names()
            .map(|known| (edit_distance(known, &name), known))
            .min()
            .filter(|(distance, _)| *distance <= name.len() / 3 + 1);
        let hint = closest.map_or_else(String::new, |(_, known)| {
            format!("; did you mean `{known}`?")
        });
        return Err(syn::Error::new(
            ident.span(),
            format!("`{name}` is not a reply code constant of smtp_codes::ReplyCode{hint}"),
        ));
    };
    known_reply(
        known,
        ident.span(),
        &format!("`{name}` ({})", known.code),
        undocumented,
    )
}

/// A code the table documents. One that is only an enhanced code without its dots (511 for
/// 5.1.1) is refused unless `undocumented` says it is meant, and then it counts as one.
fn known_reply(
    known: &'static table::KnownReply,
    span: proc_macro2::Span,
    written: &str,
    undocumented: bool,
) -> syn::Result<Reply> {
    match known.alias_of {
        None => Ok(Reply {
            code: known.code,
            constant: Some(known.name),
        }),
        Some(_) if undocumented => Ok(Reply {
            code: known.code,
            constant: None,
        }),
        Some((class, subject, detail)) => {
            let basic = if class == 4 { 450 } else { 550 };
            Err(syn::Error::new(
                span,
                format!(
                    "{written} is enhanced status code {class}.{subject}.{detail} written without \
                     its dots, not a reply code a server should send; write a reply code with \
                     the enhanced code, such as #[smtp({basic}, \"{class}.{subject}.{detail}\")]\n\
                     to send {} anyway, write #[smtp({}, {UNDOCUMENTED})]",
                    known.code, known.code
                ),
            ))
        }
    }
}

/// Checks an enhanced code against the reply code it goes with; one the registry lacks is
/// accepted when `undocumented`.
fn check_enhanced(lit: &LitStr, code: u16, undocumented: bool) -> syn::Result<Enhanced> {
    let value = lit.value();
    let error = |message: String| Err(syn::Error::new(lit.span(), message));
    let Some((class, subject, detail)) = parse_enhanced(&value) else {
        return error(format!(
            "`{value}` is not an enhanced status code: expected class.subject.detail such as \
             \"5.1.1\", 1 to 3 digits each without leading zeros (RFC 3463)"
        ));
    };
    if ![2, 4, 5].contains(&class) {
        return error(format!(
            "`{value}` is not an enhanced status code: the class (first number) must be 2, 4 \
             or 5"
        ));
    }
    let reply_class = code / 100;
    if reply_class == 3 {
        return error(format!(
            "a 3xx reply ({code}) takes no enhanced status code: RFC 3463 classes are 2, 4 and 5"
        ));
    }
    if u16::from(class) != reply_class {
        return error(format!(
            "enhanced code {value} has class {class} but reply code {code} has class \
             {reply_class}; they must agree (did you mean \"{reply_class}.{subject}.{detail}\"?)"
        ));
    }
    let registered = match table::enhanced(subject, detail) {
        None if undocumented => false,
        None => {
            return error(format!(
                "{value} is not in the IANA registry of enhanced status codes (there is no \
                 X.{subject}.{detail})\nto use it on purpose, write \
                 #[smtp({code}, \"{value}\", {UNDOCUMENTED})]"
            ));
        }
        Some(known) if known.deprecated => {
            return error(match known.replaced_by {
                Some((new_subject, new_detail)) => format!(
                    "X.{subject}.{detail} is deprecated in the IANA registry; use \
                     X.{new_subject}.{new_detail} instead: write \
                     \"{class}.{new_subject}.{new_detail}\""
                ),
                None => format!(
                    "X.{subject}.{detail} is deprecated in the IANA registry, which names no \
                     replacement; choose another enhanced code"
                ),
            });
        }
        Some(_) => true,
    };
    Ok(Enhanced {
        text: format!("{class}.{subject}.{detail}"),
        registered,
    })
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

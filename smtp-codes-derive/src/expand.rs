//! Writes the `SmtpReply` impl for a checked input, or the errors and a fallback impl.

use proc_macro2::{Literal, TokenStream, TokenTree};
use quote::{format_ident, quote, quote_spanned};
use syn::spanned::Spanned;
use syn::{DeriveInput, Generics, Ident, Path, Type, WherePredicate};

use crate::ast::{Body, Input};
use crate::errors::Errors;
use crate::valid::{self, Action, Code, Plan};

/// The whole expansion: the impl when the input is right; otherwise every error as
/// `compile_error!` plus an impl whose methods are unreachable, so the user sees the real
/// mistakes and not a cascade of "`SmtpReply` is not implemented".
pub(crate) fn derive(input: &DeriveInput) -> TokenStream {
    let mut errors = Errors::default();
    let parsed = Input::from_syn(input, &mut errors);
    let plan = parsed
        .as_ref()
        .map(|parsed| valid::check(parsed, &mut errors));
    match (errors.finish(), plan) {
        (None, Some(plan)) => implementation(input, &plan),
        (error, plan) => {
            let krate = plan.map_or_else(|| syn::parse_quote!(::smtp_codes), |p| p.krate);
            let errors = error.map(|e| e.to_compile_error());
            let fallback = fallback(input, &krate);
            quote! { #errors #fallback }
        }
    }
}

fn implementation(input: &DeriveInput, plan: &Plan<'_>) -> TokenStream {
    let krate = &plan.krate;
    let ident = &input.ident;
    let (impl_generics, ty_generics, _) = input.generics.split_for_impl();
    let where_clause = where_clause(input, plan);
    let field_binding = format_ident!("__smtp_field");
    let reply_arms = plan.bodies.iter().map(|(body, action)| {
        let pattern = pattern(body, action, plan.is_enum, &field_binding);
        let value = reply_code_value(action, krate, &field_binding);
        quote! { #pattern => #value, }
    });
    let enhanced_arms = plan.bodies.iter().map(|(body, action)| {
        let pattern = pattern(body, action, plan.is_enum, &field_binding);
        let value = enhanced_code_value(action, krate, &field_binding);
        quote! { #pattern => #value, }
    });
    // `match *self {}` is how an enum without variants is matched exhaustively.
    let scrutinee = if plan.bodies.is_empty() {
        quote!(*self)
    } else {
        quote!(self)
    };

    quote! {
        #[automatically_derived]
        #[allow(unused_qualifications, clippy::match_same_arms, clippy::used_underscore_binding)]
        impl #impl_generics #krate::SmtpReply for #ident #ty_generics #where_clause {
            fn reply_code(&self) -> #krate::ReplyCode {
                match #scrutinee {
                    #(#reply_arms)*
                }
            }

            fn enhanced_code(&self) -> ::core::option::Option<#krate::EnhancedCode> {
                match #scrutinee {
                    #(#enhanced_arms)*
                }
            }
        }
    }
}

/// The input's where clause, with a `SmtpReply` bound for each forwarded field whose type
/// uses a type parameter (`Wrapper<T>: SmtpReply`); nothing when there is neither.
fn where_clause(input: &DeriveInput, plan: &Plan<'_>) -> TokenStream {
    let krate = &plan.krate;
    let bounds: Vec<WherePredicate> = plan
        .bodies
        .iter()
        .filter_map(|(_, action)| match action {
            Action::Transparent(field) if uses_type_parameter(field.ty, &input.generics) => {
                let ty = field.ty;
                Some(syn::parse_quote_spanned!(ty.span()=> #ty: #krate::SmtpReply))
            }
            _ => None,
        })
        .collect();
    let existing = input
        .generics
        .where_clause
        .iter()
        .flat_map(|w| w.predicates.iter());
    if input.generics.where_clause.is_none() && bounds.is_empty() {
        quote!()
    } else {
        quote!(where #(#existing,)* #(#bounds,)*)
    }
}

/// What `reply_code` returns for one variant (or the struct).
fn reply_code_value(action: &Action<'_>, krate: &Path, binding: &Ident) -> TokenStream {
    match action {
        Action::Code {
            code: Code::Documented(name),
            ..
        } => {
            let name = Ident::new(name, proc_macro2::Span::call_site());
            quote!(#krate::ReplyCode::#name)
        }
        Action::Code {
            code: Code::Undocumented(code),
            ..
        } => {
            let code = Literal::u16_unsuffixed(*code);
            quote!(#krate::reply_code!(#code))
        }
        Action::Transparent(field) => forward(field.ty, krate, "reply_code", binding),
    }
}

/// What `enhanced_code` returns for one variant (or the struct).
fn enhanced_code_value(action: &Action<'_>, krate: &Path, binding: &Ident) -> TokenStream {
    match action {
        Action::Code {
            enhanced: Some(code),
            ..
        } => quote!(::core::option::Option::Some(#krate::enhanced_code!(#code))),
        Action::Code { enhanced: None, .. } => quote!(::core::option::Option::None),
        Action::Transparent(field) => forward(field.ty, krate, "enhanced_code", binding),
    }
}

/// The call of `method` on the forwarded field, spanned on the field's type so that a type
/// that does not implement `SmtpReply` is reported there, not at the derive.
fn forward(ty: &Type, krate: &Path, method: &str, binding: &Ident) -> TokenStream {
    let span = ty.span();
    let method = Ident::new(method, span);
    quote_spanned!(span=> <#ty as #krate::SmtpReply>::#method(#binding))
}

/// The pattern that matches a struct or variant, binding the forwarded field if there is one.
fn pattern(body: &Body<'_>, action: &Action<'_>, is_enum: bool, binding: &Ident) -> TokenStream {
    let path = if is_enum {
        let variant = body.ident;
        quote!(Self::#variant)
    } else {
        quote!(Self)
    };
    match action {
        Action::Transparent(field) => {
            let member = &field.member;
            quote!(#path { #member: #binding })
        }
        Action::Code { .. } => quote!(#path { .. }),
    }
}

/// Whether `ty` mentions one of the type's type parameters (then the forwarded field needs an
/// `SmtpReply` bound).
fn uses_type_parameter(ty: &Type, generics: &Generics) -> bool {
    let params: Vec<&Ident> = generics.type_params().map(|p| &p.ident).collect();
    !params.is_empty() && mentions(quote!(#ty), &params)
}

fn mentions(tokens: TokenStream, idents: &[&Ident]) -> bool {
    tokens.into_iter().any(|token| match token {
        TokenTree::Ident(ident) => idents.iter().any(|p| **p == ident),
        TokenTree::Group(group) => mentions(group.stream(), idents),
        _ => false,
    })
}

fn fallback(input: &DeriveInput, krate: &Path) -> TokenStream {
    let ident = &input.ident;
    let (impl_generics, ty_generics, where_clause) = input.generics.split_for_impl();
    quote! {
        #[automatically_derived]
        #[allow(unused_qualifications)]
        impl #impl_generics #krate::SmtpReply for #ident #ty_generics #where_clause {
            fn reply_code(&self) -> #krate::ReplyCode {
                ::core::unreachable!()
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::derive;

    fn expand(input: &str) -> String {
        derive(&syn::parse_str(input).unwrap()).to_string()
    }

    /// The output must compile in `#![no_std]` crates: it may name `::core` and the
    /// smtp-codes path, never `std` or `alloc`.
    #[test]
    fn output_uses_core_only() {
        for input in [
            "#[smtp(451, \"4.3.0\")] enum E { #[smtp(550, \"5.1.1\")] A, #[smtp(transparent)] \
             B(Inner), C }",
            "#[smtp(transparent)] struct S<T>(T);",
            "#[smtp(571, \"5.7.606\", undocumented)] struct Undocumented;",
            "#[smtp(559)] struct Bad;",
            "union U { a: u8 }",
        ] {
            let output = expand(input);
            for word in output.split(|c: char| !c.is_alphanumeric() && c != '_') {
                assert!(
                    word != "std" && word != "alloc",
                    "`{word}` in the expansion of {input}:\n{output}"
                );
            }
            assert!(output.contains("automatically_derived"), "{output}");
        }
    }

    #[test]
    fn transparent_generic_fields_get_a_bound() {
        // Compared without white space: how `TokenStream` spaces its tokens is not the point.
        let output: String =
            expand("#[smtp(transparent)] struct S<T, U: Copy>(Wrapper<T>) where U: Clone;")
                .split_whitespace()
                .collect();
        assert!(
            output.contains("whereU:Clone,Wrapper<T>:::smtp_codes::SmtpReply,"),
            "{output}"
        );
        let output = expand("#[smtp(transparent)] struct S<T>(Concrete);");
        assert!(!output.contains("where"), "{output}");
    }

    #[test]
    fn errors_come_with_a_fallback_impl() {
        let output = expand("#[smtp(559)] struct Bad;");
        assert!(output.contains("compile_error"), "{output}");
        assert!(output.contains("unreachable"), "{output}");
    }
}

//! Explains SMTP replies: class, the meaning of the code and of the enhanced code with RFC
//! links, what was odd about the reply, and whether a client should retry.
//!
//! ```text
//! cargo run -p smtp-codes --example explain -- "550 5.1.1 <bob@example.org>: Recipient address rejected"
//! printf '250-mx.example.org\r\n250 SIZE 1000\r\n' | cargo run -p smtp-codes --example explain
//! ```
//!
//! An argument is one reply; a literal `\n` (or `\r\n`) in it separates lines. Without
//! arguments, replies are read from standard input, one after another.

use std::io::Read;
use std::process::ExitCode;

use smtp_codes::{ParseError, Reference, Reply, Status};

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let input = if args.is_empty() {
        let mut input = Vec::new();
        if let Err(err) = std::io::stdin().read_to_end(&mut input) {
            eprintln!("error: cannot read standard input: {err}");
            return ExitCode::FAILURE;
        }
        input
    } else {
        let mut input = Vec::new();
        for arg in &args {
            for line in arg.replace("\\r\\n", "\\n").split("\\n") {
                input.extend_from_slice(line.trim_end_matches(['\r', '\n']).as_bytes());
                input.extend_from_slice(b"\r\n");
            }
        }
        input
    };

    let mut rest = input.as_slice();
    let mut ok = true;
    while !rest.iter().all(u8::is_ascii_whitespace) {
        match Reply::parse(rest) {
            Ok((reply, used)) => {
                explain(&reply);
                rest = &rest[used..];
            }
            Err(ParseError::Incomplete) => {
                eprintln!("error: the input ends before the reply does (no final `NNN ` line)");
                ok = false;
                break;
            }
            Err(err) => {
                eprintln!("error: {err}");
                ok = false;
                // After a malformed line the input goes on past it; after a limit it cannot.
                match err.skip() {
                    Some(skip) => rest = &rest[skip..],
                    None => break,
                }
            }
        }
    }
    if ok {
        ExitCode::SUCCESS
    } else {
        ExitCode::FAILURE
    }
}

fn explain(reply: &Reply<'_>) {
    let code = reply.code();
    println!("reply     {reply}");
    println!(
        "class     {}xx {}: {}",
        code.class().digit(),
        code.class(),
        code.class().description()
    );
    match code.info() {
        Some(info) => {
            let status = match info.status() {
                Status::NonStandard => " (NON-STANDARD: no RFC defines it)",
                _ => "",
            };
            println!("code      {code} {}{status}", info.name());
            if let Some(alias) = info.alias_of() {
                println!(
                    "          not a real reply code: enhanced code {alias} written without its dots"
                );
            }
            if let (Some(text), false) = (info.text(), info.status() == Status::NonStandard) {
                println!("          standard text: {text}");
            }
            println!("          {}", info.description());
            print_references(info.references());
        }
        None => println!(
            "code      {code} is not documented: act on its first digit ({})",
            code.class()
        ),
    }
    if let Some(meaning) = reply.provider_meaning(None) {
        // The provider's own reading comes first: it is what the server meant.
        let provider = meaning.provider();
        println!("provider  {}: {}", provider.name(), meaning.description());
        if meaning.differs_from_registry() {
            println!(
                "          NOTE: the IANA registry gives this enhanced code another meaning (below)"
            );
        } else if meaning.unregistered() {
            println!("          NOTE: the IANA registry has no such enhanced code");
        }
        print_references(meaning.references());
    } else if let Some(provider) = reply.provider() {
        println!(
            "provider  {} (its documents do not list this code)",
            provider.name()
        );
    }
    match reply.enhanced_code() {
        Some(enhanced) => match enhanced.info() {
            Some(info) => {
                let title = info.title().unwrap_or("(untitled)");
                let deprecated = if info.is_deprecated() {
                    " (deprecated)"
                } else {
                    ""
                };
                let registry = if reply.provider_meaning(None).is_some() {
                    " (the IANA registry's meaning)"
                } else {
                    ""
                };
                println!("enhanced  {enhanced} {title}{deprecated}{registry}");
                println!("          {}", info.description());
                print_references(info.references());
            }
            None => println!("enhanced  {enhanced} is not in the IANA registry"),
        },
        None => println!("enhanced  none"),
    }
    let anomalies: Vec<String> = reply.anomalies().map(|a| a.to_string()).collect();
    if anomalies.is_empty() {
        println!("anomalies none: the reply follows RFC 5321 and RFC 2034");
    } else {
        for anomaly in anomalies {
            println!("anomaly   {anomaly}");
        }
    }
    println!("retry     {}", reply.retry());
    println!();
}

fn print_references(references: &[Reference]) {
    for reference in references {
        println!(
            "          see {} {}",
            reference.label(),
            reference.url().unwrap_or("")
        );
    }
}

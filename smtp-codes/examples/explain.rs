//! Explains SMTP replies: class, the meaning of the code and of the enhanced code with RFC
//! links (and a provider's own reading), what was odd about the reply, and why it failed:
//! the reason, whether to retry, whether to stop sending to the address, what the failure
//! concerns, and the rule that decided with its sources.
//!
//! ```text
//! cargo run -p smtp-codes --example explain -- --command RCPT "550 5.1.1 <bob@example.org>: Recipient address rejected"
//! cargo run -p smtp-codes --example explain -- --mx gmail-smtp-in.l.google.com "550 5.7.27 SPF failed"
//! printf '250-mx.example.org\r\n250 SIZE 1000\r\n' | cargo run -p smtp-codes --example explain
//! ```
//!
//! An argument is one reply; a literal `\n` (or `\r\n`) in it separates lines. `--command NAME`
//! says which command the replies answered (`RCPT`, `DATA_END` for the end of the message);
//! `--mx HOST` the MX host they came from. Without reply arguments, replies are read from
//! standard input, one after another.

use std::io::Read;
use std::process::ExitCode;

use smtp_codes::{Command, ParseError, Provider, Reference, Reply, Status};

/// What the options say about the replies.
#[derive(Clone, Copy, Default)]
struct Context {
    command: Option<Command>,
    provider: Option<Provider>,
}

fn main() -> ExitCode {
    let mut context = Context::default();
    let mut args: Vec<String> = Vec::new();
    let mut options = std::env::args().skip(1);
    while let Some(arg) = options.next() {
        match arg.as_str() {
            "--command" => {
                let name = options.next().unwrap_or_default();
                let Some(command) = Command::from_name(&name) else {
                    eprintln!(
                        "error: unknown command {name:?} (try RCPT, MAIL, DATA_END, CONNECT)"
                    );
                    return ExitCode::FAILURE;
                };
                context.command = Some(command);
            }
            "--mx" => {
                let host = options.next().unwrap_or_default();
                context.provider = Provider::from_mx_host(&host);
                if context.provider.is_none() {
                    eprintln!("note: {host} is not a known provider's MX host");
                }
            }
            _ => args.push(arg),
        }
    }
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
                explain(&reply, context);
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

fn explain(reply: &Reply<'_>, context: Context) {
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
                    "          not a real reply code: enhanced code {alias} written without its \
                     dots"
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
    if let Some(meaning) = reply.provider_meaning(context.provider) {
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
                let registry = if reply.provider_meaning(context.provider).is_some() {
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
    let why = reply.classify_with(context.command, context.provider);
    println!("reason    {}: {}", why.reason(), why.reason().description());
    println!("retry     {}", why.retry());
    println!(
        "address   {}",
        if why.suppress_recipient() {
            "stop sending to it: the address itself is bad"
        } else {
            "keep it: the failure is not about the address being bad"
        }
    );
    println!("concerns  the {}", why.scope());
    println!("rule      {}", why.rule().id());
    print_references(why.rule().references());
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

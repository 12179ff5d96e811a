//! One parser's work on the reply corpus, in a process of its own, for counting instructions
//! with callgrind: `cargo xtask bench-instructions` runs it once per contender and prints the
//! instructions per reply. Run by hand as `instructions <work> <passes>`, where `<work>` is one
//! of `smtp-codes`, `smtp-codes-parse`, `smtp-proto`, `lettre`, `smtp-codes-classify` (parse +
//! `Reply::classify`) or `naive-classify` (parse + the naive baseline of the classify bench).
//!
//! Each contender does what a user does with a reply: the code, the enhanced code and the text
//! of every line (smtp-proto joins the lines into one message; lettre keeps them as strings).
//! `smtp-codes-parse` is the parse alone, with the final line's codes. The work is in functions
//! callgrind can count on their own (`--toggle-collect`), so loading the corpus is not counted.

use std::hint::black_box;

#[path = "common/work.rs"]
mod work;

fn main() {
    let mut args = std::env::args().skip(1);
    let which = args.next().unwrap_or_default();
    let passes: usize = args.next().and_then(|p| p.parse().ok()).unwrap_or(1);
    let corpus = work::Corpus::load();
    let mut total = 0;
    for _ in 0..passes {
        total += match which.as_str() {
            "smtp-codes" => work::count_smtp_codes(&corpus.bytes),
            "smtp-codes-parse" => work::count_smtp_codes_parse(&corpus.bytes),
            "smtp-proto" => work::count_smtp_proto(&corpus.bytes),
            "lettre" => work::count_lettre(&corpus.texts),
            "smtp-codes-classify" => work::count_smtp_codes_classify(&corpus.bytes),
            "naive-classify" => work::count_naive_classify(&corpus.bytes),
            other => {
                eprintln!(
                    "unknown work {other:?}; expected smtp-codes, smtp-codes-parse, smtp-proto, \
                     lettre, smtp-codes-classify or naive-classify"
                );
                std::process::exit(2);
            }
        };
    }
    black_box(total);
    println!("replies={} passes={passes}", corpus.bytes.len());
}

//! Parsing the reply corpus: smtp-codes against lettre's `Response::from_str` and smtp-proto's
//! `ResponseReceiver`, in one process, interleaved, so the ratios survive a noisy machine. Run
//! with `cargo bench -p smtp-codes-bench --bench parse`.
//!
//! Every contender does the work a user does with a reply: the code, the enhanced code and the
//! text of every line (`common/work.rs`, shared with the instruction counts of
//! `cargo xtask bench-instructions`). smtp-codes' parse alone is timed too. The corpus is the
//! replies of `smtp-codes/tests/data/real-replies.tsv` that all three accept (lettre takes only
//! UTF-8 and refuses some real replies), each a separate buffer as a client reads it. A pass
//! handles every reply once; the figure kept is the median pass, best of five batches.
//!
//! smtp-codes does more per reply than the others: the enhanced code of every line (smtp-proto
//! keeps each part in a byte, so a part above 255 saturates: `5.1.351` reads as `[5, 1, 255]`),
//! the check that the lines' codes agree and every deviation from RFC 5321 and RFC 2034; it
//! allocates nothing, where both others build owned strings.

// Converting counts and durations to f64 for the report is intended.
#![allow(clippy::cast_precision_loss)]

use std::hint::black_box;

#[path = "common/work.rs"]
mod work;

const PASSES: usize = 201;

fn main() {
    let corpus = work::Corpus::load();
    let bytes = corpus.total_bytes();
    let run_ours = || work::count_smtp_codes(&corpus.bytes);
    let run_ours_parse = || work::count_smtp_codes_parse(&corpus.bytes);
    let run_lettre = || work::count_lettre(&corpus.texts);
    let run_proto = || work::count_smtp_proto(&corpus.bytes);

    for _ in 0..20 {
        black_box((run_ours(), run_ours_parse(), run_lettre(), run_proto()));
    }
    let mut best = [f64::MAX; 4];
    for _ in 0..5 {
        for (slot, time) in best.iter_mut().zip([
            work::median_ns(PASSES, run_lettre),
            work::median_ns(PASSES, run_proto),
            work::median_ns(PASSES, run_ours),
            work::median_ns(PASSES, run_ours_parse),
        ]) {
            *slot = slot.min(time);
        }
    }
    let [t_lettre, t_proto, t_ours, t_parse] = best;
    let n = corpus.bytes.len() as f64;
    println!(
        "parse benchmark: {} corpus replies all three parsers accept ({bytes} bytes; of {} rows), \
         median of {PASSES} passes, best of 5 batches",
        corpus.bytes.len(),
        corpus.rows
    );
    let row = |name: &str, t: f64| {
        println!(
            "  {name:<44} {:>8.1} ns/reply {:>6.3} GB/s",
            t / n,
            bytes as f64 / t
        );
    };
    row("lettre Response::from_str + lines", t_lettre);
    row("smtp-proto ResponseReceiver::parse", t_proto);
    row("smtp-codes Reply::parse + codes + lines' text", t_ours);
    row("smtp-codes Reply::parse alone", t_parse);
    println!(
        "  ratio smtp-codes / smtp-proto, parse + text {:>8.3}  (goal <= 0.70)",
        t_ours / t_proto
    );
    println!(
        "  ratio smtp-codes / smtp-proto, parse alone  {:>8.3}  (goal <= 0.50)",
        t_parse / t_proto
    );
    println!(
        "  ratio smtp-codes / lettre, parse + text     {:>8.3}",
        t_ours / t_lettre
    );
}

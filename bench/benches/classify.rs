//! Classifying the reply corpus: `Reply::classify` against a hand-written baseline that runs
//! the same rules in the same order with the phrases as naive substring searches (lower-case
//! a copy of the reply, then `str::contains` per phrase), in one process, interleaved. Run with
//! `cargo bench -p smtp-codes-bench --bench classify`.
//!
//! Both sides look for the same provider fingerprints (case matters) and phrases (case
//! ignored) and check the codes the same way (`Rule::holds_apart_from_phrases`); they differ
//! only in how they search the text, and the check at the start makes sure they give the same
//! rule for every reply. Figures: classify alone (replies parsed beforehand) and parse +
//! classify, ns per reply; the median pass, best
//! of five batches.

// Converting counts and durations to f64 for the report is intended.
#![allow(clippy::cast_precision_loss)]

use std::hint::black_box;

use smtp_codes::{Reply, Rule};

#[path = "common/work.rs"]
mod work;

const PASSES: usize = 101;

fn main() {
    let corpus: Vec<Vec<u8>> = work::support::real_replies()
        .into_iter()
        .filter(|input| Reply::parse(input).is_ok())
        .collect();
    let replies: Vec<Reply<'_>> = corpus
        .iter()
        .map(|input| Reply::parse(input).expect("kept").0)
        .collect();
    for reply in &replies {
        assert_eq!(
            reply.classify(None).rule().id(),
            work::naive_classify(reply).id(),
            "{:?}",
            String::from_utf8_lossy(reply.as_bytes())
        );
    }
    let bytes: usize = corpus.iter().map(Vec::len).sum();

    let classify = || {
        replies
            .iter()
            .map(|reply| reply.classify(None).rule().id().len())
            .sum::<usize>()
    };
    let baseline = || {
        replies
            .iter()
            .map(|reply| work::naive_classify(reply).id().len())
            .sum::<usize>()
    };
    let parse_classify = || {
        corpus
            .iter()
            .map(|input| {
                Reply::parse(input).map_or(0, |(reply, _)| reply.classify(None).rule().id().len())
            })
            .sum::<usize>()
    };
    let parse_baseline = || {
        corpus
            .iter()
            .map(|input| {
                Reply::parse(input).map_or(0, |(reply, _)| work::naive_classify(&reply).id().len())
            })
            .sum::<usize>()
    };
    for _ in 0..10 {
        black_box((classify(), baseline(), parse_classify(), parse_baseline()));
    }
    let mut best = [f64::MAX; 4];
    for _ in 0..5 {
        for (slot, time) in best.iter_mut().zip([
            work::median_ns(PASSES, classify),
            work::median_ns(PASSES, baseline),
            work::median_ns(PASSES, parse_classify),
            work::median_ns(PASSES, parse_baseline),
        ]) {
            *slot = slot.min(time);
        }
    }
    let [t_classify, t_baseline, t_parse_classify, t_parse_baseline] = best;
    let n = replies.len() as f64;
    println!(
        "classify benchmark: {} corpus replies ({bytes} bytes), {} rules, median of {PASSES} \
         passes, best of 5 batches",
        replies.len(),
        Rule::ALL.len()
    );
    let row = |name: &str, t: f64| println!("  {name:<44} {:>8.1} ns/reply", t / n);
    row("smtp-codes Reply::classify", t_classify);
    row("naive baseline (lower-case + str::contains)", t_baseline);
    row("smtp-codes Reply::parse + classify", t_parse_classify);
    row("Reply::parse + naive baseline", t_parse_baseline);
    println!(
        "  classify alone: {:.2}x faster than the baseline; parse + classify: {:.2}x",
        t_baseline / t_classify,
        t_parse_baseline / t_parse_classify
    );
}

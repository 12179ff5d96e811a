//! Parsing the reply corpus: smtp-codes' `Reply::parse` against lettre's `Response::from_str`
//! and smtp-proto's `ResponseReceiver`, in one process, interleaved, so the ratios survive a
//! noisy machine. Run with `cargo bench -p smtp-codes-bench --bench parse`.
//!
//! The contenders parse the replies of `smtp-codes/tests/data/real-replies.tsv` that all three
//! accept (lettre takes only UTF-8 and refuses some real replies), each a separate buffer as a
//! client reads it. A pass parses every reply once; the figure kept is the median pass.
//! smtp-codes does more per reply than the others: it reads the enhanced code of every line
//! (smtp-proto keeps each part in a byte, so a part above 255 saturates: `5.1.351` reads as
//! `[5, 1, 255]`), checks that the lines' codes agree and records every deviation from RFC
//! 5321 and RFC 2034.

// Converting counts and durations to f64 for the report is intended.
#![allow(clippy::cast_precision_loss)]

use std::hint::black_box;
use std::str::FromStr;
use std::time::Instant;

use lettre::transport::smtp::response::Response as LettreResponse;
use smtp_codes::Reply;
use smtp_proto::response::parser::ResponseReceiver;

const PASSES: usize = 201;

/// The corpus and its helpers, shared with smtp-codes' tests.
#[path = "../../smtp-codes/tests/support/mod.rs"]
mod support;

fn ours(input: &[u8]) -> Option<usize> {
    let (reply, used) = Reply::parse(input).ok()?;
    Some(
        used + usize::from(reply.code().as_u16())
            + reply.enhanced_code().map_or(0, |e| usize::from(e.detail()))
            + reply.line_count(),
    )
}

fn lettre(input: &str) -> Option<usize> {
    let response = LettreResponse::from_str(input).ok()?;
    Some(usize::from(u16::from(response.code())) + response.message().count())
}

fn smtp_proto(receiver: &mut ResponseReceiver, input: &[u8]) -> Option<usize> {
    receiver.reset();
    let response = receiver.parse(&mut input.iter()).ok()?;
    Some(usize::from(response.code) + usize::from(response.esc[2]) + response.message.len())
}

fn median_ns(mut run: impl FnMut() -> usize) -> f64 {
    let mut times: Vec<f64> = (0..PASSES)
        .map(|_| {
            let start = Instant::now();
            black_box(run());
            start.elapsed().as_secs_f64() * 1e9
        })
        .collect();
    times.sort_by(f64::total_cmp);
    times[PASSES / 2]
}

fn main() {
    let all = support::real_replies();
    let mut receiver = ResponseReceiver::default();
    let common: Vec<&Vec<u8>> = all
        .iter()
        .filter(|input| {
            let text = std::str::from_utf8(input);
            ours(input).is_some()
                && text.is_ok_and(|t| lettre(t).is_some())
                && smtp_proto(&mut receiver, input).is_some()
        })
        .collect();
    let texts: Vec<&str> = common
        .iter()
        .map(|input| std::str::from_utf8(input).unwrap_or_default())
        .collect();
    let bytes: usize = common.iter().map(|input| input.len()).sum();
    let all_bytes: usize = all.iter().map(Vec::len).sum();

    let run_ours = || common.iter().filter_map(|input| ours(input)).sum::<usize>();
    let run_ours_all = || all.iter().filter_map(|input| ours(input)).sum::<usize>();
    let run_lettre = || {
        texts
            .iter()
            .filter_map(|input| lettre(input))
            .sum::<usize>()
    };
    let mut run_smtp_proto = || {
        common
            .iter()
            .filter_map(|input| smtp_proto(&mut receiver, input))
            .sum::<usize>()
    };

    for _ in 0..20 {
        black_box((run_ours(), run_lettre(), run_smtp_proto()));
    }
    let (mut t_ours, mut t_lettre, mut t_proto, mut t_all) =
        (f64::MAX, f64::MAX, f64::MAX, f64::MAX);
    for _ in 0..5 {
        t_ours = t_ours.min(median_ns(run_ours));
        t_lettre = t_lettre.min(median_ns(run_lettre));
        t_proto = t_proto.min(median_ns(&mut run_smtp_proto));
        t_all = t_all.min(median_ns(run_ours_all));
    }
    let n = common.len() as f64;
    let per = |t: f64| t / n;
    let gbps = |t: f64| bytes as f64 / t;
    println!(
        "parse benchmark: {} corpus replies all three parsers accept ({bytes} bytes; {} of {} rows), median of {PASSES} passes, best of 5 batches",
        common.len(),
        common.len(),
        all.len()
    );
    println!(
        "  lettre Response::from_str         {:>8.1} ns/reply {:>6.3} GB/s",
        per(t_lettre),
        gbps(t_lettre)
    );
    println!(
        "  smtp-proto ResponseReceiver       {:>8.1} ns/reply {:>6.3} GB/s",
        per(t_proto),
        gbps(t_proto)
    );
    println!(
        "  smtp-codes Reply::parse           {:>8.1} ns/reply {:>6.3} GB/s",
        per(t_ours),
        gbps(t_ours)
    );
    println!(
        "  ratio smtp-codes / lettre         {:>8.3}  (goal <= 0.50: at least 2x faster)",
        t_ours / t_lettre
    );
    println!(
        "  ratio smtp-codes / smtp-proto     {:>8.3}  (goal <= 1.00)",
        t_ours / t_proto
    );
    println!(
        "  smtp-codes on all {} rows          {:>8.1} ns/reply {:>6.3} GB/s",
        all.len(),
        t_all / all.len() as f64,
        all_bytes as f64 / t_all
    );
}

//! `ReplyCode::info()` and `EnhancedCode::info()` against `http::StatusCode::from_u16(c)
//! .canonical_reason()`, measured in one process, interleaved, so the ratio survives a noisy
//! machine. Run with `cargo bench -p smtp-codes-bench`.
//!
//! Each round times one pass over a shuffled list of 4096 codes per contender; the figure kept
//! is the median round. Both sides parse a `u16` into their code type and look the entry up, as
//! a client does with a code read off the wire.

// Truncating pseudo-random numbers into indices, and counts into f64, are both intended.
#![allow(clippy::cast_possible_truncation, clippy::cast_precision_loss)]

use std::hint::black_box;
use std::time::{Duration, Instant};

use smtp_codes::{ENHANCED_CODES, EnhancedCode, Provider, REPLY_CODES, ReplyCode};
use support::XorShift;

/// The random generator shared with smtp-codes' tests.
#[path = "../../smtp-codes/tests/support/mod.rs"]
mod support;

const LEN: usize = 4096;
const ROUNDS: usize = 301;

/// Picks `len` items of `from` at random, deterministically.
fn pick<T: Copy>(rng: &mut XorShift, from: &[T], len: usize) -> Vec<T> {
    (0..len).map(|_| from[rng.below(from.len())]).collect()
}

fn median_ns_per_item(mut run: impl FnMut() -> usize) -> f64 {
    let mut times: Vec<Duration> = (0..ROUNDS)
        .map(|_| {
            let start = Instant::now();
            black_box(run());
            start.elapsed()
        })
        .collect();
    times.sort();
    times[ROUNDS / 2].as_secs_f64() * 1e9 / LEN as f64
}

fn main() {
    let mut rng = XorShift(0x00C0_FFEE_D00D_F00D);
    // Documented codes plus some undocumented ones, as real traffic has.
    let mut smtp: Vec<u16> = REPLY_CODES.iter().map(|i| i.code().as_u16()).collect();
    smtp.extend([299, 499, 571, 599]);
    let smtp = pick(&mut rng, &smtp, LEN);
    let mut enhanced: Vec<(u8, u16, u16)> = ENHANCED_CODES
        .iter()
        .map(|i| (i.classes()[0].digit(), i.subject(), i.detail()))
        .collect();
    enhanced.extend([(5, 7, 60), (4, 9, 1)]);
    let enhanced = pick(&mut rng, &enhanced, LEN);
    // http's documented codes (with a canonical reason) plus unregistered ones.
    let http_codes: Vec<u16> = (100..600)
        .filter(|&c| {
            http::StatusCode::from_u16(c)
                .unwrap()
                .canonical_reason()
                .is_some()
        })
        .chain([299, 499, 599])
        .collect();
    let http_codes = pick(&mut rng, &http_codes, LEN);

    let reply_lookup = || {
        black_box(&smtp)
            .iter()
            .filter_map(|&c| ReplyCode::from_u16(c).ok()?.info())
            .map(|info| info.name().len())
            .sum::<usize>()
    };
    let enhanced_lookup = || {
        black_box(&enhanced)
            .iter()
            .filter_map(|&(c, s, d)| EnhancedCode::new(c, s, d).ok()?.info())
            .map(|info| info.description().len())
            .sum::<usize>()
    };
    // The same enhanced codes, looked up in each provider's documented codes.
    let providers: Vec<Provider> = (0..LEN)
        .map(|_| Provider::ALL[rng.below(Provider::ALL.len())])
        .collect();
    let provider_lookup = || {
        black_box(&enhanced)
            .iter()
            .zip(black_box(&providers))
            .filter_map(|(&(c, s, d), &provider)| {
                provider.meaning(None, EnhancedCode::new(c, s, d).ok()?)
            })
            .map(|row| row.description().len())
            .sum::<usize>()
    };
    let http_lookup = || {
        black_box(&http_codes)
            .iter()
            .filter_map(|&c| http::StatusCode::from_u16(c).ok()?.canonical_reason())
            .map(str::len)
            .sum::<usize>()
    };

    // Warm up, then interleave the contenders round by round.
    for _ in 0..50 {
        black_box((
            reply_lookup(),
            enhanced_lookup(),
            provider_lookup(),
            http_lookup(),
        ));
    }
    let mut reply = Vec::new();
    let mut enh = Vec::new();
    let mut prov = Vec::new();
    let mut http = Vec::new();
    for _ in 0..5 {
        reply.push(median_ns_per_item(reply_lookup));
        enh.push(median_ns_per_item(enhanced_lookup));
        prov.push(median_ns_per_item(provider_lookup));
        http.push(median_ns_per_item(http_lookup));
    }
    let best = |v: &[f64]| v.iter().copied().fold(f64::INFINITY, f64::min);
    let (reply, enh, prov, http) = (best(&reply), best(&enh), best(&prov), best(&http));
    println!(
        "lookup benchmark: {LEN} shuffled codes per pass, median of {ROUNDS} passes, best of 5 \
         batches"
    );
    println!(
        "  http StatusCode::from_u16(c).canonical_reason()  {http:>7.2} ns/lookup  (reference)"
    );
    println!(
        "  smtp-codes ReplyCode::from_u16(c).info()         {reply:>7.2} ns/lookup  ratio {:.2}",
        reply / http
    );
    println!(
        "  smtp-codes EnhancedCode::new(..).info()          {enh:>7.2} ns/lookup  ratio {:.2}",
        enh / http
    );
    println!(
        "  smtp-codes Provider::meaning(None, code)        {prov:>7.2} ns/lookup  ratio {:.2}",
        prov / http
    );
    println!("  (ratio = ours / http; goal <= 1.00)");
}

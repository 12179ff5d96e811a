//! The work each contender does per reply, shared by the timing and the instruction-count
//! benchmarks so both measure the same thing: parse a reply, then read its code, its enhanced
//! code and the text of every line, as a user does.

// Sums of lengths and codes as `usize` are only there so the work cannot be optimised away.
#![allow(dead_code, clippy::cast_possible_truncation)]

use std::hint::black_box;
use std::str::FromStr;
use std::time::Instant;

use lettre::transport::smtp::response::Response as LettreResponse;
use smtp_codes::Reply;
use smtp_proto::response::parser::ResponseReceiver;

#[path = "../../../smtp-codes/tests/support/mod.rs"]
pub(crate) mod support;

/// The corpus replies that all three parsers accept, as bytes and as text (lettre takes `&str`).
pub(crate) struct Corpus {
    pub(crate) bytes: Vec<Vec<u8>>,
    pub(crate) texts: Vec<String>,
    /// Rows of the corpus in all, accepted or not.
    pub(crate) rows: usize,
}

impl Corpus {
    pub(crate) fn load() -> Corpus {
        let all = support::real_replies();
        let rows = all.len();
        let bytes: Vec<Vec<u8>> = all
            .into_iter()
            .filter(|input| {
                let text = std::str::from_utf8(input);
                smtp_codes(input).is_some()
                    && text.is_ok_and(|t| lettre(t).is_some())
                    && smtp_proto(&mut ResponseReceiver::default(), input).is_some()
            })
            .collect();
        let texts = bytes
            .iter()
            .map(|b| String::from_utf8(b.clone()).expect("lettre accepted it"))
            .collect();
        Corpus { bytes, texts, rows }
    }

    pub(crate) fn total_bytes(&self) -> usize {
        self.bytes.iter().map(Vec::len).sum()
    }
}

/// smtp-codes: parse, then the code, the final enhanced code, and every line's text and
/// enhanced code.
#[inline]
pub(crate) fn smtp_codes(input: &[u8]) -> Option<usize> {
    let (reply, used) = Reply::parse(input).ok()?;
    let mut sum = used + usize::from(reply.code().as_u16());
    sum += reply.enhanced_code().map_or(0, |e| usize::from(e.detail()));
    for line in reply.reply_lines() {
        sum += line.text().len() + line.enhanced_code().map_or(0, |e| usize::from(e.subject()));
    }
    Some(sum)
}

/// smtp-codes: the parse alone, with the final line's codes and the line count.
#[inline]
pub(crate) fn smtp_codes_parse(input: &[u8]) -> Option<usize> {
    let (reply, used) = Reply::parse(input).ok()?;
    Some(
        used + usize::from(reply.code().as_u16())
            + reply.enhanced_code().map_or(0, |e| usize::from(e.detail()))
            + reply.line_count(),
    )
}

/// smtp-proto: its receiver delivers the code, the enhanced code and the lines' text joined.
#[inline]
pub(crate) fn smtp_proto(receiver: &mut ResponseReceiver, input: &[u8]) -> Option<usize> {
    receiver.reset();
    let response = receiver.parse(&mut input.iter()).ok()?;
    Some(usize::from(response.code) + usize::from(response.esc[2]) + response.message.len())
}

/// lettre: parse, then the code and every line of the message.
#[inline]
pub(crate) fn lettre(input: &str) -> Option<usize> {
    let response = LettreResponse::from_str(input).ok()?;
    Some(usize::from(u16::from(response.code())) + response.message().map(str::len).sum::<usize>())
}

/// The counted functions: one pass over the corpus each. Never inlined, so callgrind can
/// count them alone (`--toggle-collect=*count_*`).
#[inline(never)]
pub(crate) fn count_smtp_codes(corpus: &[Vec<u8>]) -> usize {
    corpus.iter().filter_map(|input| smtp_codes(input)).sum()
}

#[inline(never)]
pub(crate) fn count_smtp_codes_parse(corpus: &[Vec<u8>]) -> usize {
    corpus
        .iter()
        .filter_map(|input| smtp_codes_parse(input))
        .sum()
}

#[inline(never)]
pub(crate) fn count_smtp_proto(corpus: &[Vec<u8>]) -> usize {
    let mut receiver = ResponseReceiver::default();
    corpus
        .iter()
        .filter_map(|input| smtp_proto(&mut receiver, input))
        .sum()
}

#[inline(never)]
pub(crate) fn count_lettre(corpus: &[String]) -> usize {
    corpus.iter().filter_map(|input| lettre(input)).sum()
}

/// The naive classifier the classification benchmarks compare with: the same rules in the same
/// order, the provider's fingerprints searched with `str::contains` in the reply's text and the
/// phrases in a lower-cased copy of it.
pub(crate) fn naive_classify(reply: &Reply<'_>) -> &'static smtp_codes::Rule {
    let text = String::from_utf8_lossy(reply.as_bytes());
    let provider = smtp_codes::Provider::ALL.iter().copied().find(|provider| {
        provider
            .fingerprints()
            .iter()
            .any(|fingerprint| text.contains(fingerprint))
    });
    let lower = text.to_ascii_lowercase();
    smtp_codes::Rule::ALL
        .iter()
        .find(|rule| {
            rule.holds_apart_from_phrases(reply.code(), reply.enhanced_code(), provider, None)
                && (rule.phrases().is_empty()
                    || rule.phrases().iter().any(|phrase| lower.contains(phrase)))
        })
        .expect("a catch-all rule for every class")
}

/// smtp-codes: parse, then classify.
#[inline(never)]
pub(crate) fn count_smtp_codes_classify(corpus: &[Vec<u8>]) -> usize {
    corpus
        .iter()
        .filter_map(|input| Reply::parse(input).ok())
        .map(|(reply, _)| reply.classify(None).rule().id().len())
        .sum()
}

/// The naive baseline: parse with smtp-codes, then classify naively.
#[inline(never)]
pub(crate) fn count_naive_classify(corpus: &[Vec<u8>]) -> usize {
    corpus
        .iter()
        .filter_map(|input| Reply::parse(input).ok())
        .map(|(reply, _)| naive_classify(&reply).id().len())
        .sum()
}

/// The median time of `passes` runs of `run`, in nanoseconds.
pub(crate) fn median_ns(passes: usize, mut run: impl FnMut() -> usize) -> f64 {
    let mut times: Vec<f64> = (0..passes)
        .map(|_| {
            let start = Instant::now();
            black_box(run());
            start.elapsed().as_secs_f64() * 1e9
        })
        .collect();
    times.sort_by(f64::total_cmp);
    times[passes / 2]
}

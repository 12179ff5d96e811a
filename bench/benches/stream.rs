//! Streaming: a 64 KiB and a 1 MiB multi-line reply fed to a [`StreamParser`] in reads of 1
//! byte, 100 bytes and 4 KiB, each read followed by a parse of the grown buffer, against one
//! parse of the whole buffer. A parser that rescans what it has checked costs O(n²) here;
//! `StreamParser` should cost a small constant times the whole-buffer parse for every read size
//! (goal: at most 2x). Run with `cargo bench -p smtp-codes-bench --bench stream`.

// Converting sizes and durations to f64 for the report is intended.
#![allow(clippy::cast_precision_loss)]

use std::hint::black_box;
use std::time::Instant;

use smtp_codes::{ParseError, Parser, StreamParser};

/// A multi-line reply of about `size` bytes: 76-byte continuation lines, then a final line.
fn reply(size: usize) -> Vec<u8> {
    let line = b"250-a continuation line of an unusually long reply, like a big EHLO list\r\n";
    let mut out = Vec::with_capacity(size + line.len());
    while out.len() + line.len() < size {
        out.extend_from_slice(line);
    }
    out.extend_from_slice(b"250 and the final line\r\n");
    out
}

/// Feeds `input` in reads of `chunk` bytes, parsing after each; the total time.
fn fed(parser: Parser, input: &[u8], chunk: usize) -> f64 {
    let start = Instant::now();
    let mut stream = StreamParser::new(parser);
    let mut end = 0;
    loop {
        end = (end + chunk).min(input.len());
        match stream.parse(&input[..end]) {
            Ok((reply, used)) => {
                black_box((reply.line_count(), used));
                break;
            }
            Err(ParseError::Incomplete) => {}
            Err(error) => panic!("{error}"),
        }
    }
    start.elapsed().as_secs_f64()
}

fn whole(parser: Parser, input: &[u8]) -> f64 {
    let start = Instant::now();
    black_box(
        parser
            .parse(input)
            .map(|(reply, used)| (reply.line_count(), used)),
    )
    .expect("a complete reply");
    start.elapsed().as_secs_f64()
}

fn best_of(runs: usize, mut time: impl FnMut() -> f64) -> f64 {
    (0..runs).map(|_| time()).fold(f64::MAX, f64::min)
}

fn main() {
    println!(
        "stream benchmark: total cost of parsing after every read, against one whole parse \
         (best of 5)"
    );
    for size in [64 * 1024, 1024 * 1024] {
        let input = reply(size);
        let parser = Parser::new().max_size(input.len()).max_lines(input.len());
        let base = best_of(5, || whole(parser, &input));
        println!(
            "  {:>7} bytes, whole buffer      {:>10.3} ms",
            input.len(),
            base * 1e3
        );
        for chunk in [1, 100, 4096] {
            let t = best_of(5, || fed(parser, &input, chunk));
            println!(
                "  {:>7} bytes, reads of {chunk:>5} B  {:>10.3} ms  ratio {:>6.2}  (goal <= 2)",
                input.len(),
                t * 1e3,
                t / base
            );
        }
    }
}

//! `Reply::parse`, the iterators over a reply and `write_reply` into a fixed buffer allocate
//! nothing: a counting global allocator proves it over the whole corpus.
//!
//! The allocator counts every thread, so this file runs without libtest's harness
//! (`harness = false`): the harness's own bookkeeping on its main thread would otherwise be
//! counted now and then.

use std::alloc::System;
use std::fmt::Write as _;

use smtp_codes::{Parser, Reply, ReplyCode, enhanced_code, write_reply};
use stats_alloc::{INSTRUMENTED_SYSTEM, Region, StatsAlloc};

mod support;

#[global_allocator]
static GLOBAL: &StatsAlloc<System> = &INSTRUMENTED_SYSTEM;

/// Allocations made while `f` runs (no other thread exists in this program).
fn allocations_during(f: impl FnOnce()) -> usize {
    let region = Region::new(GLOBAL);
    f();
    let change = region.change();
    change.allocations + change.reallocations
}

/// A `fmt::Write` into a fixed array.
struct Fixed {
    buf: [u8; 4096],
    len: usize,
}

impl std::fmt::Write for Fixed {
    fn write_str(&mut self, s: &str) -> std::fmt::Result {
        let end = self.len + s.len();
        self.buf
            .get_mut(self.len..end)
            .ok_or(std::fmt::Error)?
            .copy_from_slice(s.as_bytes());
        self.len = end;
        Ok(())
    }
}

fn parsing_and_rendering_allocate_nothing() {
    let inputs = support::real_replies();
    let parsers = [Parser::new(), Parser::new().strict(true)];
    let mut fixed = Fixed {
        buf: [0; 4096],
        len: 0,
    };
    let count = allocations_during(|| {
        let mut sink = 0usize;
        for input in &inputs {
            for parser in &parsers {
                if let Ok((reply, used)) = parser.parse(input) {
                    sink += used + reply.lines().map(<[u8]>::len).sum::<usize>();
                    sink += reply.anomalies().count() + reply.reply_lines().count();
                    sink += usize::from(reply.retry() == smtp_codes::Retry::Later);
                    let _ = write!(fixed, "{reply}");
                }
            }
            let _ = Reply::parse(&input[..input.len() / 2]);
        }
        fixed.len = 0;
        write_reply(
            &mut fixed,
            ReplyCode::MAILBOX_UNAVAILABLE,
            Some(enhanced_code!("5.1.1")),
            "a\nb",
        )
        .unwrap();
        assert!(sink > 0);
    });
    assert_eq!(
        count,
        0,
        "allocations while parsing {} replies",
        inputs.len()
    );
    // The counter works: allocating is seen.
    assert!(allocations_during(|| drop(Box::new([0u8; 64]))) > 0);
}

fn main() {
    parsing_and_rendering_allocate_nothing();
    println!("no_alloc: 1 passed, 0 failed");
}

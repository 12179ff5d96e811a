//! The `const` lookups behind `ReplyCode::info` and `EnhancedCode::info`: dense index tables,
//! built at compile time from the generated tables themselves, so a lookup is one
//! bounds-checked load.

use crate::generated::{ENHANCED_TABLE, REPLY_TABLE};

/// Marks "no entry" in the index tables.
const NONE: u8 = u8::MAX;

// One byte per index entry: with at most 255 entries a slot is 0 to 254, never `NONE`, and the
// `as u8` casts below are exact. codegen refuses larger tables (`codegen::MAX_TABLE_ENTRIES`),
// so generated keys always pass this.
const _: () = assert!(REPLY_TABLE.len() <= NONE as usize && ENHANCED_TABLE.len() <= NONE as usize);

/// The slot of each code from 200 to 599 in `REPLY_TABLE`, or `NONE`.
static REPLY_SLOTS: [u8; 400] = reply_slots();

#[allow(clippy::cast_possible_truncation)] // at most 255 entries, asserted above
const fn reply_slots() -> [u8; 400] {
    let mut slots = [NONE; 400];
    let mut i = 0;
    while i < REPLY_TABLE.len() {
        slots[(REPLY_TABLE[i].code.as_u16() - 200) as usize] = i as u8;
        i += 1;
    }
    slots
}

/// The position of `code` (200 to 599) in `REPLY_TABLE`.
pub(crate) const fn reply_index(code: u16) -> Option<usize> {
    let offset = code.wrapping_sub(200) as usize;
    if offset >= REPLY_SLOTS.len() {
        return None;
    }
    match REPLY_SLOTS[offset] {
        NONE => None,
        slot => Some(slot as usize),
    }
}

const fn max_key(second: bool) -> usize {
    let mut max = 0;
    let mut i = 0;
    while i < ENHANCED_TABLE.len() {
        let key = if second {
            ENHANCED_TABLE[i].detail
        } else {
            ENHANCED_TABLE[i].subject
        };
        if key as usize > max {
            max = key as usize;
        }
        i += 1;
    }
    max
}

const SUBJECTS: usize = max_key(false) + 1;
const DETAILS: usize = max_key(true) + 1;

/// The slot of each `X.subject.detail` in `ENHANCED_TABLE`, or `NONE`.
static ENHANCED_SLOTS: [[u8; DETAILS]; SUBJECTS] = enhanced_slots();

#[allow(clippy::cast_possible_truncation)] // at most 255 entries, asserted above
const fn enhanced_slots() -> [[u8; DETAILS]; SUBJECTS] {
    let mut slots = [[NONE; DETAILS]; SUBJECTS];
    let mut i = 0;
    while i < ENHANCED_TABLE.len() {
        let entry = &ENHANCED_TABLE[i];
        slots[entry.subject as usize][entry.detail as usize] = i as u8;
        i += 1;
    }
    slots
}

/// The position of `X.subject.detail` in `ENHANCED_TABLE`.
pub(crate) const fn enhanced_index(subject: u16, detail: u16) -> Option<usize> {
    if subject as usize >= SUBJECTS || detail as usize >= DETAILS {
        return None;
    }
    match ENHANCED_SLOTS[subject as usize][detail as usize] {
        NONE => None,
        slot => Some(slot as usize),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_key_finds_its_own_slot_and_nothing_else_is_found() {
        for (i, entry) in REPLY_TABLE.iter().enumerate() {
            assert_eq!(reply_index(entry.code().as_u16()), Some(i));
        }
        let found = (0..=1000)
            .filter(|&code| reply_index(code).is_some())
            .count();
        assert_eq!(found, REPLY_TABLE.len());
        for (i, entry) in ENHANCED_TABLE.iter().enumerate() {
            assert_eq!(enhanced_index(entry.subject(), entry.detail()), Some(i));
        }
        let found = (0..=999)
            .flat_map(|s| (0..=999).map(move |d| (s, d)))
            .filter(|&(s, d)| enhanced_index(s, d).is_some())
            .count();
        assert_eq!(found, ENHANCED_TABLE.len());
    }
}

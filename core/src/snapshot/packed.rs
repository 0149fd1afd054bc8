//! How a stored text is packed: blocks, each compressed with LZ4 and written 15 bits per
//! character.
//!
//! localStorage holds about 5 M UTF-16 code units per origin, and the state's JSON is about
//! 1,100 characters per service; it repeats its keys, model names and paths, so LZ4 shrinks
//! it several times over at hundreds of MB/s. Each character carries 15 bits: `U+0800 +
//! value` stays clear of the surrogates, which a Rust `String` (and so the wasm side of the
//! storage call) cannot hold.
//!
//! Layout: a prefix naming the form, `r<revision>:` (absent before version 4: 0), then
//! `b<count>:` and that many blocks, each `<compressed length>:<characters>` (before blocks,
//! the compressed length, `:` and the characters of one block). The revision sits in the
//! first few dozen characters so a tab can tell whether another one saved since it last read,
//! without unpacking the rest. The prefixes:
//! - [`DOCS_PREFIX`] (version 6 on): each block is a JSON document (`stored.rs`).
//! - [`BINARY_PREFIX`] (version 5): the blocks joined are the binary snapshot (`v5.rs`).
//! - [`PREFIX`] (version 4): the blocks joined are the JSON snapshot.

use super::{Damage, SnapshotError, Unreadable};

/// Marks a packed JSON snapshot (version 4).
pub const PREFIX: &str = "modelarts-console:lz4:";
/// Marks a packed binary snapshot (version 5).
pub const BINARY_PREFIX: &str = "modelarts-console:bin:";
/// Marks the stored form of version 6 on: a JSON document per block.
pub const DOCS_PREFIX: &str = "modelarts-console:json:";
/// First character of the 15-bit alphabet (U+0800..U+87FF, no surrogates).
const BASE: u32 = 0x0800;
/// A packed text never expands to more than this (a damaged or hostile length is refused
/// before anything is allocated).
const MAX_JSON_BYTES: usize = 64 << 20;

/// Whether `text` is packed (in any of the forms).
pub fn is_packed(text: &str) -> bool {
    strip_prefix(text).is_some()
}

/// Whether `text` is in the current stored form (which needs no re-save once read).
pub fn is_current(text: &str) -> bool {
    text.starts_with(DOCS_PREFIX)
}

fn strip_prefix(text: &str) -> Option<&str> {
    [DOCS_PREFIX, BINARY_PREFIX, PREFIX]
        .into_iter()
        .find_map(|prefix| text.strip_prefix(prefix))
}

/// How many characters at the start of a packed text hold its revision (at most).
pub const HEAD_LEN: usize = DOCS_PREFIX.len() + 22;

/// The save counter a text carries: 0 for plain JSON or a packed text from before revisions.
/// `head` may be just the first [`HEAD_LEN`] characters.
pub fn revision(head: &str) -> u64 {
    strip_prefix(head)
        .and_then(|rest| rest.strip_prefix('r'))
        .and_then(|rest| rest.split_once(':'))
        .and_then(|(n, _)| n.parse().ok())
        .unwrap_or(0)
}

/// Compresses and packs a JSON text as version 4 did, marked with its save `revision` (one
/// block): older saved data, for tests.
pub fn pack(json: &str, revision: u64) -> String {
    let mut out = format!("{PREFIX}r{revision}:b1:");
    out.push_str(&pack_block(json.as_bytes()));
    out
}

/// The start of a stored text of `blocks` blocks, to which the blocks are appended.
pub fn header(revision: u64, blocks: usize) -> String {
    format!("{DOCS_PREFIX}r{revision}:b{blocks}:")
}

/// One block: `data` compressed and packed, as `<compressed length>:<characters>`.
pub fn pack_block(data: &[u8]) -> String {
    let bytes = lz4_flex::compress_prepend_size(data);
    // The characters' UTF-8 is written directly, three bytes each (see `unpack_block`).
    let mut out = Vec::with_capacity(24 + chars_for(bytes.len()) * 3);
    out.extend_from_slice(bytes.len().to_string().as_bytes());
    out.push(b':');
    let push = |out: &mut Vec<u8>, v: u32| {
        let c = BASE + v;
        out.extend_from_slice(&[
            0xE0 | (c >> 12) as u8,
            0x80 | ((c >> 6) & 0x3F) as u8,
            0x80 | (c & 0x3F) as u8,
        ]);
    };
    let (mut acc, mut bits) = (0u32, 0u32);
    for &b in &bytes {
        acc = (acc << 8) | u32::from(b);
        bits += 8;
        if bits >= 15 {
            bits -= 15;
            push(&mut out, (acc >> bits) & 0x7FFF);
            acc &= (1 << bits) - 1;
        }
    }
    if bits > 0 {
        push(&mut out, (acc << (15 - bits)) & 0x7FFF);
    }
    String::from_utf8(out).expect("U+0800..U+87FF written as three-byte UTF-8")
}

/// How many characters hold `bytes` bytes.
fn chars_for(bytes: usize) -> usize {
    (bytes * 8).div_ceil(15)
}

/// Unpacks and decompresses a packed JSON text back to its JSON.
pub fn unpack(text: &str) -> Result<String, SnapshotError> {
    String::from_utf8(unpack_bytes(text)?).map_err(|_| damaged(Damage::NotText))
}

/// Unpacks and decompresses a packed text (any form) back to the bytes packed, its blocks
/// joined.
pub fn unpack_bytes(text: &str) -> Result<Vec<u8>, SnapshotError> {
    Ok(blocks(text)?.concat())
}

/// Unpacks and decompresses each block of a packed text (any form).
pub fn blocks(text: &str) -> Result<Vec<Vec<u8>>, SnapshotError> {
    let rest = strip_prefix(text).ok_or_else(|| damaged(Damage::NoPrefix))?;
    let rest = match rest.strip_prefix('r') {
        Some(after) => {
            after
                .split_once(':')
                .ok_or_else(|| damaged(Damage::NoRevision))?
                .1
        }
        None => rest,
    };
    let mut blocks = Vec::new();
    match rest.strip_prefix('b') {
        Some(listed) => {
            let (count, mut rest) = listed
                .split_once(':')
                .ok_or_else(|| damaged(Damage::NoCount))?;
            let count: usize = count.parse().map_err(|_| damaged(Damage::BadCount))?;
            for _ in 0..count {
                let (block, after) = read_block(rest, false)?;
                blocks.push(block);
                rest = after;
            }
            if !rest.is_empty() {
                return Err(damaged(Damage::TextAfterLastBlock));
            }
        }
        None => blocks.push(read_block(rest, true)?.0),
    }
    let mut total = 0usize;
    for (_, size) in &blocks {
        total += size;
        if total > MAX_JSON_BYTES {
            return Err(damaged(Damage::TooLong));
        }
    }
    blocks
        .into_iter()
        .map(|(compressed, size)| {
            let mut out = vec![0u8; size];
            let written = decompress_into(&compressed[4..], &mut out)?;
            if written != size {
                return Err(damaged(Damage::ShorterThanSize));
            }
            Ok(out)
        })
        .collect()
}

/// One block's LZ4 decompressed into `out`: a function of its own, called once a block, for
/// the reason [`bits_to_bytes`] is.
#[inline(never)]
fn decompress_into(compressed: &[u8], out: &mut [u8]) -> Result<usize, SnapshotError> {
    lz4_flex::block::decompress_into(compressed, out)
        .map_err(|e| damaged(Damage::Lz4(e.to_string())))
}

/// Reads the block at the start of `text`: its LZ4 bytes (size first) and the size of the
/// JSON they hold, and what follows it (the single block of the older layout runs to the
/// end of the text).
fn read_block(text: &str, to_end: bool) -> Result<((Vec<u8>, usize), &str), SnapshotError> {
    let (len, data) = text
        .split_once(':')
        .ok_or_else(|| damaged(Damage::NoLength))?;
    let len: usize = len.parse().map_err(|_| damaged(Damage::BadLength))?;
    if len > MAX_JSON_BYTES {
        return Err(damaged(Damage::TooLong));
    }
    // Every character of the alphabet is three bytes of UTF-8 (`1110xxxx 10xxxxxx
    // 10xxxxxx`), so the values are read from the bytes three at a time, faster than the
    // general UTF-8 decoder.
    let want = if to_end {
        data.len() / 3
    } else {
        chars_for(len)
    };
    let Some(body) = data.as_bytes().get(..want * 3) else {
        return Err(damaged(Damage::Truncated));
    };
    if to_end && body.len() != data.len() {
        return Err(damaged(Damage::UnexpectedCharacter));
    }
    let bytes = bits_to_bytes(body, len)?;
    let size = bytes
        .get(..4)
        .map(|b| u32::from_le_bytes([b[0], b[1], b[2], b[3]]) as usize)
        .ok_or_else(|| damaged(Damage::Truncated))?;
    if size > MAX_JSON_BYTES {
        return Err(damaged(Damage::TooLong));
    }
    Ok(((bytes, size), &data[body.len()..]))
}

/// The `len` bytes held by `body`'s characters (three UTF-8 bytes each, 15 bits of data
/// each). Eight characters hold 15 bytes: they are read eight at a time, as two halves of
/// 60 bits in `u64`s (wasm has no 128-bit integers: `u128` shifts are calls). Called once a
/// block, so that V8 optimises it after the first blocks (wasm code is never optimised in the
/// middle of a call): see `scripts/split-wasm.mjs`.
#[inline(never)]
fn bits_to_bytes(body: &[u8], len: usize) -> Result<Vec<u8>, SnapshotError> {
    let digit = |c: &[u8]| -> Option<u64> {
        let (b0, b1, b2) = (u32::from(c[0]), u32::from(c[1]), u32::from(c[2]));
        if b0 & 0xF0 != 0xE0 || b1 & 0xC0 != 0x80 || b2 & 0xC0 != 0x80 {
            return None;
        }
        (((b0 & 0x0F) << 12) | ((b1 & 0x3F) << 6) | (b2 & 0x3F))
            .checked_sub(BASE)
            .filter(|v| *v <= 0x7FFF)
            .map(u64::from)
    };
    let unexpected = || damaged(Damage::UnexpectedCharacter);
    let half = |chars: &[u8]| -> Result<u64, SnapshotError> {
        let mut acc = 0u64;
        for c in chars.chunks_exact(3) {
            acc = (acc << 15) | digit(c).ok_or_else(unexpected)?;
        }
        Ok(acc)
    };
    // Room for the last group's whole 15 bytes; cut to `len` at the end.
    let mut bytes = vec![0u8; len + 15];
    let mut at = 0;
    let mut groups = body.chunks_exact(24);
    for group in &mut groups {
        let (first, second) = group.split_at(12);
        let (a, b) = (half(first)?, half(second)?);
        if at < len {
            // 120 bits: the first half's top 56 bits, then its last 4 and the second's 60.
            bytes[at..at + 7].copy_from_slice(&(a >> 4).to_be_bytes()[1..]);
            bytes[at + 7..at + 15].copy_from_slice(&((a << 60) | b).to_be_bytes());
        }
        at += 15;
    }
    let (mut acc, mut bits) = (0u32, 0u32);
    for c in groups.remainder().chunks_exact(3) {
        acc = (acc << 15) | digit(c).ok_or_else(unexpected)? as u32;
        bits += 15;
        while bits >= 8 {
            bits -= 8;
            if at < bytes.len() {
                bytes[at] = (acc >> bits) as u8;
            }
            at += 1;
            acc &= (1 << bits) - 1;
        }
    }
    if at < len {
        return Err(damaged(Damage::Truncated));
    }
    bytes.truncate(len);
    Ok(bytes)
}

fn damaged(why: Damage) -> SnapshotError {
    SnapshotError::Unreadable(Unreadable::Damaged(why))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn digit(v: u32) -> char {
        char::from_u32(BASE + v).expect("U+0800..U+87FF are characters")
    }

    /// Compressed lengths of every remainder modulo 15 bytes (the reader takes whole groups
    /// of eight characters, then what is left one by one).
    #[test]
    fn round_trips_every_length() {
        for i in 0..300usize {
            let json: String = (0..i)
                .map(|k| char::from(b'!' + ((k * 7 + i) % 90) as u8))
                .collect();
            let packed = pack(&json, i as u64);
            assert_eq!(unpack(&packed).unwrap(), json, "length {i}");
        }
    }

    #[test]
    fn round_trips_and_refuses_damage() {
        for json in ["", "{}", "{\"a\":\"ünï\"}", &"x".repeat(10_000)] {
            let packed = pack(json, 7);
            assert!(is_packed(&packed));
            let head: String = packed.chars().take(HEAD_LEN).collect();
            assert_eq!(revision(&head), 7);
            assert!(packed
                .chars()
                .skip(PREFIX.len())
                .all(|c| !(0xD800..=0xDFFF).contains(&(c as u32))));
            assert_eq!(unpack(&packed).unwrap(), json);
        }
        // Texts from before blocks, and from before revisions, still unpack.
        let legacy = |json: &str, revision: Option<u64>| {
            let block = pack_block(json.as_bytes());
            match revision {
                Some(r) => format!("{PREFIX}r{r}:{block}"),
                None => format!("{PREFIX}{block}"),
            }
        };
        let big = "{\"k\":1}".repeat(1000);
        assert_eq!(unpack(&legacy(&big, Some(3))).unwrap(), big);
        assert_eq!(revision(&legacy(&big, Some(3))), 3);
        let old = legacy("{}", None);
        assert_eq!((unpack(&old).unwrap().as_str(), revision(&old)), ("{}", 0));
        assert_eq!(revision(&pack("{}", u64::MAX)), u64::MAX);
        let packed = pack(&"{\"k\":1}".repeat(1000), 1);
        assert!(unpack(&packed[..packed.len() - 3]).is_err(), "truncated");
        let flipped: String = packed
            .chars()
            .enumerate()
            .map(|(i, c)| if i == PREFIX.len() + 12 { 'A' } else { c })
            .collect();
        assert!(unpack(&flipped).is_err());
        // Blocks join into the text; a missing block or text after the last is damage.
        let two = format!(
            "{}{}{}",
            header(5, 2),
            pack_block(b"{\"a\":"),
            pack_block(b"[1,2]}")
        );
        assert_eq!(unpack(&two).unwrap(), "{\"a\":[1,2]}");
        assert_eq!(revision(&two), 5);
        let three = two.replacen(":b2:", ":b3:", 1);
        assert!(unpack(&three).is_err(), "a block missing");
        let one = two.replacen(":b2:", ":b1:", 1);
        assert!(unpack(&one).is_err(), "text after the last block");
        assert_eq!(unpack(&header(0, 0)).unwrap(), "");
        assert!(unpack(&format!("{PREFIX}999999999999:")).is_err());
        assert!(unpack(&format!("{PREFIX}4:{}", digit(0x7FFF))).is_err());
    }
}

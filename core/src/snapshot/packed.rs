//! The stored form: the snapshot JSON compressed with LZ4 and packed 15 bits per character.
//!
//! Measured on 10,000 services (`scripts/bench.sh`): the JSON is about 1,100 characters per
//! service, so a little over 4,000 services fill the origin's localStorage (about 5 M
//! characters). The JSON repeats its keys, model names and path prefixes, so LZ4 shrinks it
//! several times at hundreds of MB/s, and localStorage counts UTF-16 code units, so each
//! character carries 15 bits: `U+0800 + (15 bits)` stays clear of the surrogates, which a
//! Rust `String` (and so the wasm side of the storage call) cannot hold. The JSON inside keeps
//! the API's names and the snapshot's version; plain JSON (older versions, or written by
//! hand) still loads.
//!
//! Layout: `PREFIX`, then `r<revision>:` (since the cross-tab work; absent means 0), the
//! compressed length, `:`, and the characters. The revision sits in the first few dozen
//! characters so a tab can tell whether another one saved since it last read, without
//! reading (or unpacking) the rest.

use super::SnapshotError;

/// Marks a packed text; what follows is the revision, the compressed length and the characters.
pub const PREFIX: &str = "modelarts-console:lz4:";
/// First character of the 15-bit alphabet (U+0800..U+87FF, no surrogates).
const BASE: u32 = 0x0800;
/// A packed text never expands to more than this (a damaged or hostile length is refused
/// before anything is allocated).
const MAX_JSON_BYTES: usize = 64 << 20;

pub fn is_packed(text: &str) -> bool {
    text.starts_with(PREFIX)
}

/// How many characters at the start of a packed text hold its revision (at most).
pub const HEAD_LEN: usize = PREFIX.len() + 22;

/// The save counter a text carries: 0 for plain JSON or a packed text from before revisions.
/// `head` may be just the first [`HEAD_LEN`] characters.
pub fn revision(head: &str) -> u64 {
    head.strip_prefix(PREFIX)
        .and_then(|rest| rest.strip_prefix('r'))
        .and_then(|rest| rest.split_once(':'))
        .and_then(|(n, _)| n.parse().ok())
        .unwrap_or(0)
}

/// Compresses and packs a JSON text, marked with its save `revision`.
pub fn pack(json: &str, revision: u64) -> String {
    let bytes = lz4_flex::compress_prepend_size(json.as_bytes());
    let mut out = String::with_capacity(PREFIX.len() + 34 + bytes.len() * 8 / 15 * 3 + 3);
    out.push_str(PREFIX);
    out.push('r');
    out.push_str(&revision.to_string());
    out.push(':');
    out.push_str(&bytes.len().to_string());
    out.push(':');
    let (mut acc, mut bits) = (0u32, 0u32);
    for &b in &bytes {
        acc = (acc << 8) | u32::from(b);
        bits += 8;
        if bits >= 15 {
            bits -= 15;
            out.push(digit((acc >> bits) & 0x7FFF));
            acc &= (1 << bits) - 1;
        }
    }
    if bits > 0 {
        out.push(digit((acc << (15 - bits)) & 0x7FFF));
    }
    out
}

/// Unpacks and decompresses a packed text back to its JSON.
pub fn unpack(text: &str) -> Result<String, SnapshotError> {
    let damaged =
        |why: &str| SnapshotError::Unreadable(format!("the packed data is damaged ({why})"));
    let rest = text
        .strip_prefix(PREFIX)
        .ok_or_else(|| damaged("no prefix"))?;
    let rest = match rest.strip_prefix('r') {
        Some(after) => {
            after
                .split_once(':')
                .ok_or_else(|| damaged("no revision"))?
                .1
        }
        None => rest,
    };
    let (len, data) = rest.split_once(':').ok_or_else(|| damaged("no length"))?;
    let len: usize = len.parse().map_err(|_| damaged("bad length"))?;
    if len > MAX_JSON_BYTES {
        return Err(damaged("too long"));
    }
    let mut bytes = Vec::with_capacity(len);
    let (mut acc, mut bits) = (0u32, 0u32);
    for c in data.chars() {
        let v = (c as u32)
            .checked_sub(BASE)
            .filter(|v| *v <= 0x7FFF)
            .ok_or_else(|| damaged("unexpected character"))?;
        acc = (acc << 15) | v;
        bits += 15;
        while bits >= 8 {
            bits -= 8;
            if bytes.len() < len {
                bytes.push((acc >> bits) as u8);
            }
            acc &= (1 << bits) - 1;
        }
    }
    if bytes.len() != len {
        return Err(damaged("truncated"));
    }
    let size = bytes
        .get(..4)
        .map(|b| u32::from_le_bytes([b[0], b[1], b[2], b[3]]) as usize)
        .ok_or_else(|| damaged("truncated"))?;
    if size > MAX_JSON_BYTES {
        return Err(damaged("too long"));
    }
    let json = lz4_flex::decompress_size_prepended(&bytes).map_err(|e| damaged(&e.to_string()))?;
    String::from_utf8(json).map_err(|_| damaged("not text"))
}

fn digit(v: u32) -> char {
    char::from_u32(BASE + v).expect("U+0800..U+87FF are characters")
}

#[cfg(test)]
mod tests {
    use super::*;

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
        // A text from before revisions still unpacks.
        let old = pack("{}", 0).replacen("r0:", "", 1);
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
        assert!(unpack(&format!("{PREFIX}999999999999:")).is_err());
        assert!(unpack(&format!("{PREFIX}4:{}", digit(0x7FFF))).is_err());
    }
}

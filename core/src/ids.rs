//! Deterministic identifiers: the core never reads randomness, it derives ids from a sequence
//! kept in the state, so the same commands always produce the same ids (and tests can name them).

/// A UUID-shaped id (`8-4-4-4-12` hex digits, like the API's `service_id`) for sequence number `seq`.
pub fn uuid_for(seq: u64) -> String {
    let a = splitmix64(seq);
    let b = splitmix64(a ^ 0x9e37_79b9_7f4a_7c15);
    format!(
        "{:08x}-{:04x}-4{:03x}-{:04x}-{:012x}",
        (a >> 32) as u32,
        (a >> 16) as u16,
        (a as u16) & 0x0fff,
        ((b >> 48) as u16 & 0x3fff) | 0x8000,
        b & 0xffff_ffff_ffff
    )
}

/// A short suffix for pre-filled names such as `service-3f9a`.
pub fn short_suffix(seq: u64) -> String {
    format!("{:04x}", splitmix64(seq.wrapping_add(0x5eed)) as u16)
}

fn splitmix64(x: u64) -> u64 {
    let mut z = x.wrapping_add(0x9e37_79b9_7f4a_7c15);
    z = (z ^ (z >> 30)).wrapping_mul(0xbf58_476d_1ce4_e5b9);
    z = (z ^ (z >> 27)).wrapping_mul(0x94d0_49bb_1331_11eb);
    z ^ (z >> 31)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ids_are_uuid_shaped_distinct_and_stable() {
        let a = uuid_for(1);
        assert_eq!(a.len(), 36);
        assert_eq!(
            a.split('-').map(str::len).collect::<Vec<_>>(),
            vec![8, 4, 4, 4, 12]
        );
        assert_eq!(a, uuid_for(1));
        let all: std::collections::BTreeSet<_> = (0..10_000).map(uuid_for).collect();
        assert_eq!(all.len(), 10_000);
        assert_eq!(short_suffix(7).len(), 4);
    }
}

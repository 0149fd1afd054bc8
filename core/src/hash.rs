//! A fast hasher for the maps and sets keyed by ids and names that a load builds over every
//! resource (10,000 services: the duplicate checks of `snapshot::validate`, the console's id
//! index). std's SipHash resists flooding by crafted keys, which a console reading its own
//! saved data does not need; at 10,000 services it was a tenth of decoding in the browser's
//! profile. This is FxHash (rustc's): a multiply and rotate per word.

use std::collections::{HashMap, HashSet};
use std::hash::{BuildHasherDefault, Hasher};

#[derive(Clone, Copy, Default)]
pub struct FxHasher(u64);

const SEED: u64 = 0x51_7c_c1_b7_27_22_0a_95;

impl FxHasher {
    fn add(&mut self, word: u64) {
        self.0 = (self.0.rotate_left(5) ^ word).wrapping_mul(SEED);
    }
}

impl Hasher for FxHasher {
    fn write(&mut self, bytes: &[u8]) {
        let mut words = bytes.chunks_exact(8);
        for word in &mut words {
            self.add(u64::from_le_bytes(word.try_into().expect("8 bytes")));
        }
        let mut last = [0u8; 8];
        let rest = words.remainder();
        last[..rest.len()].copy_from_slice(rest);
        self.add(u64::from_le_bytes(last));
    }

    fn write_u8(&mut self, n: u8) {
        self.add(n.into());
    }

    fn write_usize(&mut self, n: usize) {
        self.add(n as u64);
    }

    fn finish(&self) -> u64 {
        self.0
    }
}

pub type FxBuild = BuildHasherDefault<FxHasher>;
pub type FxHashMap<K, V> = HashMap<K, V, FxBuild>;
pub type FxHashSet<T> = HashSet<T, FxBuild>;

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sets_tell_keys_apart() {
        let ids: Vec<String> = (0..10_000).map(|i| format!("svc-{i:05}")).collect();
        let mut set = FxHashSet::default();
        assert!(ids.iter().all(|id| set.insert(id.as_str())));
        assert!(ids.iter().all(|id| !set.insert(id.as_str())));
        assert!(!set.contains(""));
        assert!(!set.contains("svc-10000"));
    }
}

//! Stable sorts that share one instance of the standard library's sort.
//!
//! Each `sort_by` on a new element type or with a new closure is another copy of the
//! standard sort (driftsort, several KB of wasm each). These sort a list
//! of positions with a comparator behind `dyn`, so every caller shares one copy and only the
//! small reordering is made per element type.

use std::cmp::Ordering;

/// `items.sort()`: stable.
pub fn sort<T: Ord>(items: &mut Vec<T>) {
    sort_by(items, T::cmp);
}

/// `items.sort_by(compare)`: stable.
pub fn sort_by<T>(items: &mut Vec<T>, mut compare: impl FnMut(&T, &T) -> Ordering) {
    let order = sorted_positions(items.len(), &mut |a, b| compare(&items[a], &items[b]));
    reorder(items, &order);
}

/// `items.sort_by_key(key)`: stable.
pub fn sort_by_key<T, K: Ord>(items: &mut Vec<T>, mut key: impl FnMut(&T) -> K) {
    sort_by(items, |a, b| key(a).cmp(&key(b)));
}

/// `items.sort_by_cached_key(key)`: stable, each key computed once.
pub fn sort_by_cached_key<T, K: Ord>(items: &mut Vec<T>, key: impl FnMut(&T) -> K) {
    let keys: Vec<K> = items.iter().map(key).collect();
    let order = sorted_positions(items.len(), &mut |a, b| keys[a].cmp(&keys[b]));
    reorder(items, &order);
}

/// The positions `0..len` in the order `compare` gives them, equal ones as they were.
#[inline(never)]
fn sorted_positions(len: usize, compare: &mut dyn FnMut(usize, usize) -> Ordering) -> Vec<usize> {
    let mut order: Vec<usize> = (0..len).collect();
    #[allow(clippy::disallowed_methods)] // the one copy everything else shares
    order.sort_by(|&a, &b| compare(a, b));
    order
}

/// Puts `items[order[i]]` at `i`.
fn reorder<T>(items: &mut Vec<T>, order: &[usize]) {
    let mut slots: Vec<Option<T>> = items.drain(..).map(Some).collect();
    items.extend(order.iter().filter_map(|&i| slots[i].take()));
}

#[cfg(test)]
#[allow(clippy::disallowed_methods)] // checked against the standard sorts
mod tests {
    use super::*;
    use proptest::prelude::*;

    proptest! {
        /// The same order as the standard library's stable sorts, ties included.
        #[test]
        fn sorts_as_the_standard_library_does(items in proptest::collection::vec((0u8..8, any::<u16>()), 0..200)) {
            let mut by = items.clone();
            sort_by(&mut by, |a, b| a.0.cmp(&b.0));
            let mut std_by = items.clone();
            std_by.sort_by_key(|a| a.0);
            prop_assert_eq!(&by, &std_by);

            let mut plain = items.clone();
            sort(&mut plain);
            let mut std_plain = items.clone();
            std_plain.sort();
            prop_assert_eq!(plain, std_plain);

            let mut by_key = items.clone();
            sort_by_key(&mut by_key, |a| a.0);
            prop_assert_eq!(&by_key, &std_by);

            let mut cached = items.clone();
            sort_by_cached_key(&mut cached, |a| (a.0, a.1 % 3));
            let mut std_cached = items;
            std_cached.sort_by_cached_key(|a| (a.0, a.1 % 3));
            prop_assert_eq!(cached, std_cached);
        }
    }
}

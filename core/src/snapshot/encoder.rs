//! The stored form, written so that a save after a command does not serialise and compress
//! all 10,000 services again:
//! - each service's and pool's encoding is kept beside a copy of what it was made from, and
//!   reused while the resource still equals that copy (comparing is several times cheaper
//!   than serialising: strings compare as bytes, numbers need no formatting);
//! - the encoding is cut into blocks of about 64 resources (after a resource whose id
//!   hashes to a mark, so a cut does not move when other resources come or go), and a block
//!   whose bytes did not change keeps its compressed characters ([`packed`]).
//!
//! So a save costs the comparison plus the serialisation and compression of what changed
//! (measured in `core/examples/bench.rs`). The bytes are exactly what [`binary`] writes for
//! the snapshot envelope (a test holds the two side by side), so decoding is unchanged.
//!
//! Running services change on every tick (progress, bill), which would make nearly every
//! block new on every save. So the stored form of a console ([`Encoder::encode_console`])
//! keeps a service's encoding while the service is what time alone made of the state it
//! holds: the copy is advanced to the console's time and compared. A load advances the state
//! to its own time (every load does), which gives the same service, because advancing in one
//! step or in several gives the same result to the last bit (a property test holds that).
//! [`Encoder::encode_revision`] is always exact.
//!
//! Values equal as numbers are equal here, so `-0.0` may be written as the `0.0` it equals;
//! both read back to a state equal to the one saved.

use std::collections::HashMap;

use serde::Serialize;

use super::binary::{self, put_head, put_str, put_varint, MAP, SEQ, STRUCT, UINT};
use super::{packed, SCHEMA, VERSION};
use crate::console::{Console, ConsoleState};
use crate::pool::Pool;
use crate::service::BatchService;
use crate::Millis;

/// Writes snapshots again and again, reusing the encoding of resources that did not change.
/// One per store; [`super::encode_revision`] uses a fresh one.
#[derive(Debug, Default)]
pub struct Encoder {
    /// Per region id, then per resource id.
    services: HashMap<String, Fragments<BatchService>>,
    pools: HashMap<String, Fragments<Pool>>,
    /// The last stored form's blocks by the hash of their bytes.
    blocks: HashMap<u64, Block>,
    /// The last encoding's length, to allocate the next one at once.
    last_len: usize,
    /// How many blocks the last stored form held, and how many of them it compressed anew.
    blocks_written: (usize, usize),
}

/// A block's bytes and its packed characters.
#[derive(Debug)]
struct Block {
    bytes: Vec<u8>,
    packed: String,
}

/// About one resource in this many ends a block (ids are random, so blocks hold about this
/// many resources: tens of KB, within LZ4's window).
const BLOCK_MARK: u64 = 64;
/// A block is cut at the next resource past this length whatever the ids.
const MAX_BLOCK: usize = 256 << 10;

/// A resource's encoding and the copy it was made from (or that copy advanced in time).
#[derive(Debug)]
struct Fragment<T> {
    value: T,
    bytes: Vec<u8>,
    /// `bytes` are of `value` itself (not of an earlier state time has since moved on).
    exact: bool,
    /// Written by the encode under way (cleared after each list).
    seen: bool,
}

impl<T: Timed> Fragment<T> {
    fn of(item: &T) -> Fragment<T> {
        Fragment {
            value: item.clone(),
            bytes: binary::to_vec(item).expect("resources always serialise"),
            exact: true,
            seen: true,
        }
    }

    /// Whether the encoding can stand for `item`: it is `item`'s, or (with a time to advance
    /// to) that of a state time alone turned into `item`.
    fn stands_for(&mut self, item: &T, now: Option<Millis>) -> bool {
        if self.value == *item {
            return self.exact || now.is_some();
        }
        match now {
            Some(now) if self.value.advance_copy(now) => {
                self.exact = false;
                self.value == *item
            }
            _ => false,
        }
    }
}

/// A resource the saved form may keep while only time moves it.
trait Timed: Serialize + PartialEq + Clone {
    /// Advances the copy to `now` as ticks would, and says whether the type moves by itself
    /// (when not, nothing was done).
    fn advance_copy(&mut self, now: Millis) -> bool;
}

impl Timed for BatchService {
    fn advance_copy(&mut self, now: Millis) -> bool {
        self.advance(now);
        true
    }
}

/// Pools keep their bills without ticking (`Pool::cost_at`), so they change only when
/// something happens to them.
impl Timed for Pool {
    fn advance_copy(&mut self, _now: Millis) -> bool {
        false
    }
}

type Fragments<T> = HashMap<String, Fragment<T>>;

impl Encoder {
    pub fn new() -> Encoder {
        Encoder::default()
    }

    /// The encoding, and where its blocks end (`cuts`, before its end): what
    /// [`super::encode_binary`] writes, by hand, so that each resource's bytes can be reused.
    /// With `now`, a service's bytes may be those of an earlier state time alone moved on to
    /// `now`.
    fn write(
        &mut self,
        state: &ConsoleState,
        saved_at: Millis,
        now: Option<Millis>,
        cuts: &mut Vec<usize>,
    ) -> Vec<u8> {
        let mut out = Vec::with_capacity(self.last_len + 256);
        // The envelope: schema, version, saved_at, state (fields 0-3).
        put_head(&mut out, STRUCT, 4);
        put_varint(&mut out, 0);
        put_str(&mut out, SCHEMA);
        put_varint(&mut out, 1);
        put_head(&mut out, UINT, VERSION.into());
        put_varint(&mut out, 2);
        put_head(&mut out, UINT, saved_at);
        put_varint(&mut out, 3);
        // The state: region, settings, regions, id_seq.
        put_head(&mut out, STRUCT, 4);
        put_varint(&mut out, 0);
        put_str(&mut out, &state.region);
        put_varint(&mut out, 1);
        binary::write(&mut out, &state.settings).expect("settings always serialise");
        put_varint(&mut out, 2);
        put_head(&mut out, MAP, state.regions.len() as u64);
        // The header changes on every save (`saved_at`): a block of its own.
        cuts.push(out.len());
        // Regions gone from the state drop their fragments.
        self.services.retain(|r, _| state.regions.contains_key(r));
        self.pools.retain(|r, _| state.regions.contains_key(r));
        for (region, resources) in &state.regions {
            put_str(&mut out, region);
            // A region: services, pools.
            put_head(&mut out, STRUCT, 2);
            put_varint(&mut out, 0);
            let services = self.services.entry(region.clone()).or_default();
            push_list(&mut out, cuts, services, &resources.services, now, |s| {
                &s.service_id
            });
            put_varint(&mut out, 1);
            let pools = self.pools.entry(region.clone()).or_default();
            push_list(&mut out, cuts, pools, &resources.pools, now, |p| p.id());
        }
        cuts.push(out.len());
        put_varint(&mut out, 3);
        put_head(&mut out, UINT, state.id_seq);
        self.last_len = out.len();
        out
    }

    /// The stored form of `state` as the `revision`-th save (see [`super::encode_revision`]).
    pub fn encode_revision(
        &mut self,
        state: &ConsoleState,
        saved_at: Millis,
        revision: u64,
    ) -> String {
        self.stored(state, saved_at, revision, None)
    }

    /// The stored form of what the app saves: `console`'s state, where a service that only
    /// time moved since an earlier save keeps that save's JSON (see the module docs). Decoded
    /// and advanced to the console's time, it is the console's state.
    pub fn encode_console(&mut self, console: &Console, saved_at: Millis, revision: u64) -> String {
        self.stored(console.state(), saved_at, revision, console.advanced_to())
    }

    fn stored(
        &mut self,
        state: &ConsoleState,
        saved_at: Millis,
        revision: u64,
        now: Option<Millis>,
    ) -> String {
        let mut cuts = Vec::new();
        let bytes = self.write(state, saved_at, now, &mut cuts);
        cuts.push(bytes.len());
        cuts.dedup();
        let mut starts = std::iter::once(0).chain(cuts.iter().copied());
        let ranges: Vec<(usize, usize)> = cuts
            .iter()
            .map(|&end| (starts.next().unwrap_or(0), end))
            .filter(|(start, end)| start < end)
            .collect();
        let mut out = packed::header(revision, ranges.len());
        out.reserve(self.blocks.values().map(|b| b.packed.len()).sum::<usize>() + 64);
        let mut kept = HashMap::with_capacity(ranges.len());
        let mut fresh = 0;
        for (start, end) in ranges {
            let part = &bytes[start..end];
            let hash = hash(part);
            let block = match self.blocks.remove(&hash) {
                Some(block) if block.bytes == part => block,
                _ => {
                    fresh += 1;
                    Block {
                        bytes: part.to_vec(),
                        packed: packed::pack_block(part),
                    }
                }
            };
            out.push_str(&block.packed);
            kept.insert(hash, block);
        }
        self.blocks_written = (kept.len(), fresh);
        self.blocks = kept;
        out
    }

    /// How many blocks the last stored form held, and how many of them were compressed anew
    /// (the others were kept from the save before).
    pub fn blocks_written(&self) -> (usize, usize) {
        self.blocks_written
    }
}

/// Appends the list, reusing each unchanged item's encoding. Fragments of items no longer in
/// the list are dropped afterwards. Lookups leave the map as it is (no removal and
/// re-insertion of 10,000 keys on every save).
fn push_list<T: Timed>(
    out: &mut Vec<u8>,
    cuts: &mut Vec<usize>,
    cache: &mut Fragments<T>,
    items: &[T],
    now: Option<Millis>,
    id: impl Fn(&T) -> &str,
) {
    put_head(out, SEQ, items.len() as u64);
    for item in items {
        let id = id(item);
        match cache.get_mut(id) {
            Some(f) => {
                if f.stands_for(item, now) {
                    f.seen = true;
                } else {
                    *f = Fragment::of(item);
                }
            }
            None => {
                cache.insert(id.to_string(), Fragment::of(item));
            }
        }
        out.extend_from_slice(&cache[id].bytes);
        let since = cuts.last().map_or(out.len(), |c| out.len() - c);
        if hash(id.as_bytes()).is_multiple_of(BLOCK_MARK) || since > MAX_BLOCK {
            cuts.push(out.len());
        }
    }
    // Every item was marked, so an item's fragment is dropped only when it left the list.
    if cache.len() != items.len() || cache.values().any(|f| !f.seen) {
        cache.retain(|_, f| f.seen);
    }
    cache.values_mut().for_each(|f| f.seen = false);
}

/// A fast hash of a block's (or an id's) bytes (FxHash's mixing, 8 bytes at a time). A
/// block found by it is still compared by its text.
fn hash(bytes: &[u8]) -> u64 {
    let mix = |h: u64, word: u64| (h.rotate_left(5) ^ word).wrapping_mul(0x51_7c_c1_b7_27_22_0a_95);
    let mut chunks = bytes.chunks_exact(8);
    let mut h = bytes.len() as u64;
    for chunk in &mut chunks {
        h = mix(h, u64::from_le_bytes(chunk.try_into().expect("8 bytes")));
    }
    let mut last = [0u8; 8];
    last[..chunks.remainder().len()].copy_from_slice(chunks.remainder());
    // A final multiply spreads the last word into the low bits the block mark reads.
    mix(mix(h, u64::from_le_bytes(last)), 0) ^ (h >> 29)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::catalog::Catalog;
    use crate::demo::demo_console;
    use crate::SECOND;

    /// What [`binary`] writes for the envelope: the encoder must match it byte for byte.
    fn serde_text(state: &ConsoleState, saved_at: Millis) -> Vec<u8> {
        super::super::encode_binary(state, saved_at)
    }

    impl Encoder {
        fn encode(&mut self, state: &ConsoleState, saved_at: Millis) -> Vec<u8> {
            self.write(state, saved_at, None, &mut Vec::new())
        }
    }

    #[test]
    fn writes_what_serde_writes_and_reuses_only_what_is_unchanged() {
        let t0 = 1_790_000_000_000;
        let mut console = demo_console(Catalog::embedded(), t0);
        let mut encoder = Encoder::new();
        assert_eq!(
            encoder.encode(console.state(), t0),
            serde_text(console.state(), t0)
        );
        // Time moves services and pools on: the reused text still matches a fresh one.
        for step in 1..=40 {
            let now = t0 + step * 37 * SECOND;
            console.tick(now);
            assert_eq!(
                encoder.encode(console.state(), now),
                serde_text(console.state(), now),
                "after {step} ticks"
            );
        }
        // A region emptied, and a state with no regions at all.
        let mut state = console.state().clone();
        let first = state.regions.keys().next().unwrap().clone();
        state.regions.get_mut(&first).unwrap().services.clear();
        assert_eq!(encoder.encode(&state, t0), serde_text(&state, t0));
        state.regions.clear();
        assert_eq!(encoder.encode(&state, t0), serde_text(&state, t0));
        assert!(encoder.services.is_empty() && encoder.pools.is_empty());
    }

    /// `count` copies of `template`, each with an id and a name of its own.
    fn copies(template: &BatchService, count: u64) -> Vec<BatchService> {
        (0..count)
            .map(|i| {
                let mut s = template.clone();
                s.service_id = crate::ids::uuid_for(i + 1);
                s.service_name = format!("svc-{i:05}");
                s
            })
            .collect()
    }

    #[test]
    fn the_stored_form_recompresses_only_the_blocks_that_changed() {
        let t0 = 1_790_000_000_000;
        let demo = demo_console(Catalog::embedded(), t0);
        let mut state = demo.state().clone();
        let region = state.region.clone();
        let template = state.regions[&region].services[0].clone();
        state.regions.get_mut(&region).unwrap().services = copies(&template, 2_000);
        let mut encoder = Encoder::new();
        let stored = encoder.encode_revision(&state, t0, 1);
        assert_eq!(
            packed::unpack_bytes(&stored).unwrap(),
            serde_text(&state, t0)
        );
        let (blocks, fresh) = encoder.blocks_written();
        assert!(
            (15..=60).contains(&blocks),
            "{blocks} blocks for 2,000 services"
        );
        assert_eq!(fresh, blocks);
        // One service renamed, a minute later: its block and the header's are compressed anew.
        state.regions.get_mut(&region).unwrap().services[700].service_name = "renamed".into();
        let stored = encoder.encode_revision(&state, t0 + 60_000, 2);
        assert_eq!(
            packed::unpack_bytes(&stored).unwrap(),
            serde_text(&state, t0 + 60_000)
        );
        assert_eq!(packed::revision(&stored), 2);
        assert_eq!(encoder.blocks_written(), (blocks, 2));
        // A service removed: the blocks after it are unchanged.
        state.regions.get_mut(&region).unwrap().services.remove(100);
        let stored = encoder.encode_revision(&state, t0 + 60_000, 3);
        assert_eq!(
            packed::unpack_bytes(&stored).unwrap(),
            serde_text(&state, t0 + 60_000)
        );
        assert!(
            encoder.blocks_written().1 <= 2,
            "{:?}",
            encoder.blocks_written()
        );
        // Nothing changed: nothing compressed.
        encoder.encode_revision(&state, t0 + 60_000, 4);
        assert_eq!(encoder.blocks_written().1, 0);
    }

    /// Running services move on every tick; the app's save keeps them as an earlier save
    /// held them, so ticks alone compress nothing anew (but the header), while a command
    /// still shows. Loaded and advanced, every save is the console's state.
    #[test]
    fn ticks_alone_leave_the_saved_services_as_they_were() {
        use crate::command::Command;
        let t0 = 1_790_000_000_000;
        let demo = demo_console(Catalog::embedded(), t0);
        let mut state = demo.state().clone();
        let region = state.region.clone();
        let services = &mut state.regions.get_mut(&region).unwrap().services;
        let template = services
            .iter()
            .find(|s| s.status == crate::service::ServiceStatus::Running)
            .expect("the demo has a running service")
            .clone();
        *services = copies(&template, 300);
        // Input enough to keep all of them running through the test.
        services
            .iter_mut()
            .for_each(|s| s.workload.input_size_mb = 100_000);
        let mut console = Console::from_state(Catalog::embedded(), state);
        let running = |c: &Console| c.services().iter().filter(|s| s.status.is_billed()).count();
        let mut encoder = Encoder::new();
        let loads = |text: &str, wall: Millis, c: &Console| {
            let mut loaded =
                Console::from_state(Catalog::embedded(), super::super::decode(text).unwrap());
            loaded.tick(wall);
            assert!(
                loaded.state() == c.state(),
                "loaded and advanced, another state"
            );
        };
        let mut wall = t0 + crate::SECOND;
        console.tick(wall);
        assert!(running(&console) == 300, "{} running", running(&console));
        let first = encoder.encode_console(&console, wall, 1);
        let (blocks, _) = encoder.blocks_written();
        loads(&first, wall, &console);
        for revision in 2..5 {
            wall += crate::SECOND;
            console.tick(wall);
            let text = encoder.encode_console(&console, wall, revision);
            assert_eq!(
                encoder.blocks_written(),
                (blocks, 1),
                "only the header is new"
            );
            loads(&text, wall, &console);
        }
        // A command changes one service: its block is new too.
        wall += crate::SECOND;
        let id = console.services()[5].service_id.clone();
        console
            .apply(Command::Stop { service_id: id }, wall)
            .unwrap();
        let text = encoder.encode_console(&console, wall, 5);
        assert_eq!(encoder.blocks_written(), (blocks, 2));
        loads(&text, wall, &console);
        // The plain encoding stays exact.
        assert_eq!(
            encoder.encode(console.state(), wall),
            serde_text(console.state(), wall)
        );
    }
}

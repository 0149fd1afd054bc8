//! The stored form (version 6 on; version 7 adds real-time services): the state as JSON documents, each compressed with LZ4 and
//! packed 15 bits per character ([`packed`]). The first document is the [`Head`]; every
//! other is a [`Chunk`] of about 64 services or pools of one region. Both are the state's own
//! serde derives, so the stored form has the API's names and no field order.
//!
//! The chunks are what makes saves cheap and loads quick:
//! - A save compresses only the chunks whose resources changed ([`Encoder`]). A chunk ends
//!   after a resource whose id hashes to a mark, so chunks do not move when other resources
//!   come or go.
//! - A load decodes chunk by chunk: each is one call of the same decoder, which the browser
//!   optimises after the first calls (it never optimises a call in progress).
//!
//! Running services change on every tick (progress, bill). So the store's save
//! ([`Encoder::encode_console`]) keeps a chunk while its services are what time alone made of
//! the copies it was written from: the copies are advanced to the console's time and
//! compared. A load advances the state to its own time, which gives the same services,
//! because advancing in one step or in several gives the same result to the last bit (a
//! property test holds that). [`Encoder::encode_revision`] is always exact.

use std::borrow::Cow;
use std::collections::{BTreeMap, HashMap};

use serde::{Deserialize, Serialize};

use super::{packed, Damage, Invalid, SnapshotError, Unreadable, SCHEMA, VERSION};
use crate::console::{Console, ConsoleState, RegionState, Settings};
use crate::pool::Pool;
use crate::realtime::RealTimeService;
use crate::service::BatchService;
use crate::Millis;

/// The first document: what the state holds besides its resources.
#[derive(Serialize, Deserialize)]
pub(super) struct Head<'a> {
    pub(super) schema: Cow<'a, str>,
    pub(super) version: u32,
    pub(super) saved_at: Millis,
    region: Cow<'a, str>,
    settings: Cow<'a, Settings>,
    id_seq: u64,
    /// Every region of the state, in order (a region may hold no resources).
    regions: Vec<Cow<'a, str>>,
}

/// A document of resources of one region, in the state's order.
#[derive(Serialize, Deserialize)]
struct Chunk<'a> {
    region: Cow<'a, str>,
    #[serde(default, skip_serializing_if = "is_empty")]
    services: Cow<'a, [BatchService]>,
    #[serde(default, skip_serializing_if = "is_empty")]
    pools: Cow<'a, [Pool]>,
    #[serde(default, skip_serializing_if = "is_empty")]
    real_time_services: Cow<'a, [RealTimeService]>,
}

#[allow(clippy::ptr_arg)] // serde hands the field itself
fn is_empty<T: Clone>(items: &Cow<'_, [T]>) -> bool {
    items.is_empty()
}

/// About one resource in this many ends a chunk (ids are random, so chunks hold about this
/// many resources: tens of KB of JSON, within LZ4's 64 KB window).
const CHUNK_MARK: u64 = 64;
/// A chunk ends after this many resources whatever the ids.
const MAX_CHUNK: usize = 256;

/// Reads a stored text of this form: its head first (schema and version are judged before
/// the chunks), then chunk by chunk.
pub(super) fn decode(text: &str) -> Result<ConsoleState, SnapshotError> {
    let mut blocks = packed::blocks(text)?.into_iter();
    let head = blocks.next().ok_or_else(|| damaged(Damage::NoHead))?;
    let head: Head = serde_json::from_str(text_of(&head)?)
        .map_err(|e| SnapshotError::Unreadable(Unreadable::Parser(e.to_string())))?;
    if head.schema != SCHEMA {
        return Err(SnapshotError::ForeignSchema(head.schema.into_owned()));
    }
    if head.version > VERSION {
        return Err(SnapshotError::UnsupportedVersion(head.version));
    }
    // Version 6's documents read as version 7's (which adds real-time services).
    if head.version < 6 {
        return Err(SnapshotError::Invalid(Invalid::OldStoredForm(head.version)));
    }
    let mut regions: BTreeMap<String, RegionState> = head
        .regions
        .iter()
        .map(|r| (r.to_string(), RegionState::default()))
        .collect();
    for block in blocks {
        let chunk = read_chunk(&block)?;
        let region = regions.get_mut(chunk.region.as_ref()).ok_or_else(|| {
            SnapshotError::Invalid(Invalid::UnknownRegion(chunk.region.to_string()))
        })?;
        region.services.extend(chunk.services.into_owned());
        region.pools.extend(chunk.pools.into_owned());
        region
            .real_time_services
            .extend(chunk.real_time_services.into_owned());
    }
    Ok(ConsoleState {
        region: head.region.into_owned(),
        settings: head.settings.into_owned(),
        regions,
        id_seq: head.id_seq,
    })
}

/// One chunk: a function of its own, called once a chunk, so that the browser optimises it
/// after the first chunks.
#[inline(never)]
fn read_chunk(bytes: &[u8]) -> Result<Chunk<'static>, SnapshotError> {
    serde_json::from_str(text_of(bytes)?)
        .map_err(|e| SnapshotError::Invalid(Invalid::Parser(e.to_string())))
}

/// A document's text. JSON is read from `&str` only, as everywhere in the app: reading bytes
/// too would put a second copy of every decoder in the wasm.
fn text_of(bytes: &[u8]) -> Result<&str, SnapshotError> {
    std::str::from_utf8(bytes).map_err(|_| damaged(Damage::NotText))
}

fn damaged(why: Damage) -> SnapshotError {
    SnapshotError::Unreadable(Unreadable::Damaged(why))
}

/// Writes stored forms again and again, compressing only the chunks that changed. One per
/// store; [`super::encode_revision`] uses a fresh one.
#[derive(Debug, Default)]
pub struct Encoder {
    /// The last save's chunks.
    services: Chunks<BatchService>,
    pools: Chunks<Pool>,
    real_time: Chunks<RealTimeService>,
    /// How many chunks the last stored form held, and how many of them it compressed anew.
    chunks_written: (usize, usize),
}

/// Chunks as written, by region and the id of their first resource.
type Chunks<T> = HashMap<(String, String), Written<T>>;

/// A chunk as written: the resources it was made from (or those advanced in time) and its
/// packed characters.
#[derive(Debug)]
struct Written<T> {
    values: Vec<T>,
    packed: String,
    /// `packed` is of `values` themselves (not of an earlier state time has since moved on).
    exact: bool,
}

/// A resource the stored form may keep while only time moves it.
trait Timed: Serialize + PartialEq + Clone {
    fn id(&self) -> &str;
    /// Advances the copy to `now` as ticks would, and says whether the type moves by itself
    /// (when not, nothing was done).
    fn advance_copy(&mut self, now: Millis) -> bool;
}

impl Timed for BatchService {
    fn id(&self) -> &str {
        &self.service_id
    }

    fn advance_copy(&mut self, now: Millis) -> bool {
        self.advance(now);
        true
    }
}

/// A Waiting service's retries depend on its pool, which a copy does not see: such a copy
/// is not advanced, so its chunk is kept only while the service is exactly as written.
impl Timed for RealTimeService {
    fn id(&self) -> &str {
        &self.service_id
    }

    fn advance_copy(&mut self, now: Millis) -> bool {
        if self.status == crate::service::ServiceStatus::Waiting {
            return false;
        }
        self.advance(now, &|_| false);
        true
    }
}

/// Pools keep their bills without ticking (`Pool::cost_at`), so they change only when
/// something happens to them.
impl Timed for Pool {
    fn id(&self) -> &str {
        Pool::id(self)
    }

    fn advance_copy(&mut self, _now: Millis) -> bool {
        false
    }
}

impl<T: Timed> Written<T> {
    /// Whether this chunk can stand for `items`: it was written from them, or (with a time
    /// to advance to) from a state time alone turned into them.
    fn stands_for(&mut self, items: &[T], now: Option<Millis>) -> bool {
        if self.values == items {
            return self.exact || now.is_some();
        }
        match now {
            Some(now) if self.values.len() == items.len() => {
                let mut moved = false;
                for value in &mut self.values {
                    moved |= value.advance_copy(now);
                }
                self.exact &= !moved;
                moved && self.values == items
            }
            _ => false,
        }
    }
}

impl Encoder {
    pub fn new() -> Encoder {
        Encoder::default()
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

    /// The stored form of what the app saves: `console`'s state, where services that only
    /// time moved since an earlier save keep that save's chunk (see the module docs). Decoded
    /// and advanced to the console's time, it is the console's state.
    pub fn encode_console(&mut self, console: &Console, saved_at: Millis, revision: u64) -> String {
        self.stored(console.state(), saved_at, revision, console.advanced_to())
    }

    /// How many chunks the last stored form held, and how many of them were compressed anew
    /// (the others were kept from the save before).
    pub fn chunks_written(&self) -> (usize, usize) {
        self.chunks_written
    }

    fn stored(
        &mut self,
        state: &ConsoleState,
        saved_at: Millis,
        revision: u64,
        now: Option<Millis>,
    ) -> String {
        let head = Head {
            schema: SCHEMA.into(),
            version: VERSION,
            saved_at,
            region: Cow::Borrowed(&state.region),
            settings: Cow::Borrowed(&state.settings),
            id_seq: state.id_seq,
            regions: state
                .regions
                .keys()
                .map(|r| Cow::Borrowed(r.as_str()))
                .collect(),
        };
        let mut blocks = vec![packed::pack_block(&to_json(&head))];
        let (mut services, mut pools, mut real_time) =
            (HashMap::new(), HashMap::new(), HashMap::new());
        let mut fresh = 0;
        for (region, resources) in &state.regions {
            fresh += write_chunks(
                &mut blocks,
                (&mut self.services, &mut services),
                region,
                &resources.services,
                now,
                |items| Chunk {
                    region: Cow::Borrowed(region),
                    services: Cow::Borrowed(items),
                    pools: Cow::Borrowed(&[]),
                    real_time_services: Cow::Borrowed(&[]),
                },
            );
            fresh += write_chunks(
                &mut blocks,
                (&mut self.pools, &mut pools),
                region,
                &resources.pools,
                now,
                |items| Chunk {
                    region: Cow::Borrowed(region),
                    services: Cow::Borrowed(&[]),
                    pools: Cow::Borrowed(items),
                    real_time_services: Cow::Borrowed(&[]),
                },
            );
            fresh += write_chunks(
                &mut blocks,
                (&mut self.real_time, &mut real_time),
                region,
                &resources.real_time_services,
                now,
                |items| Chunk {
                    region: Cow::Borrowed(region),
                    services: Cow::Borrowed(&[]),
                    pools: Cow::Borrowed(&[]),
                    real_time_services: Cow::Borrowed(items),
                },
            );
        }
        self.services = services;
        self.pools = pools;
        self.real_time = real_time;
        self.chunks_written = (blocks.len() - 1, fresh);
        let mut out = packed::header(revision, blocks.len());
        out.reserve(blocks.iter().map(String::len).sum());
        blocks.iter().for_each(|b| out.push_str(b));
        out
    }
}

/// Cuts `items` into chunks and appends their packed characters to `blocks`, reusing a chunk
/// of the last save (`cache.0`) that stands for the same items; the chunks written go into
/// `cache.1`. Returns how many were compressed anew.
fn write_chunks<'a, T: Timed>(
    blocks: &mut Vec<String>,
    cache: (&mut Chunks<T>, &mut Chunks<T>),
    region: &str,
    items: &'a [T],
    now: Option<Millis>,
    chunk: impl Fn(&'a [T]) -> Chunk<'a>,
) -> usize {
    let (last, next) = cache;
    let mut fresh = 0;
    let mut start = 0;
    for end in 1..=items.len() {
        let cut = end == items.len()
            || end - start >= MAX_CHUNK
            || hash(items[end - 1].id().as_bytes()).is_multiple_of(CHUNK_MARK);
        if !cut {
            continue;
        }
        let part = &items[start..end];
        let key = (region.to_string(), part[0].id().to_string());
        let kept = last
            .remove(&key)
            .and_then(|mut w| w.stands_for(part, now).then_some(w));
        let written = match kept {
            Some(w) => w,
            None => {
                fresh += 1;
                Written {
                    values: part.to_vec(),
                    packed: packed::pack_block(&to_json(&chunk(part))),
                    exact: true,
                }
            }
        };
        blocks.push(written.packed.clone());
        next.insert(key, written);
        start = end;
    }
    fresh
}

fn to_json<T: Serialize>(value: &T) -> Vec<u8> {
    serde_json::to_vec(value).expect("the state always serialises")
}

/// A fast hash of an id (FxHash's mixing, 8 bytes at a time), for the chunk marks.
fn hash(bytes: &[u8]) -> u64 {
    let mix = |h: u64, word: u64| (h.rotate_left(5) ^ word).wrapping_mul(0x51_7c_c1_b7_27_22_0a_95);
    let mut chunks = bytes.chunks_exact(8);
    let mut h = bytes.len() as u64;
    for chunk in &mut chunks {
        h = mix(h, u64::from_le_bytes(chunk.try_into().expect("8 bytes")));
    }
    let mut last = [0u8; 8];
    last[..chunks.remainder().len()].copy_from_slice(chunks.remainder());
    // A final multiply spreads the last word into the low bits the mark reads.
    mix(mix(h, u64::from_le_bytes(last)), 0) ^ (h >> 29)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::catalog::Catalog;
    use crate::demo::demo_console;
    use crate::SECOND;

    fn copies(template: &BatchService, count: u64) -> Vec<BatchService> {
        (0..count)
            .map(|i| {
                let mut s = template.clone();
                s.service_id = format!("{:08x}-0000-4000-8000-{:012x}", i, i);
                s.service_name = format!("copy-{i:05}");
                s
            })
            .collect()
    }

    #[test]
    fn reads_back_what_it_wrote_and_recompresses_only_what_changed() {
        let t0 = 1_790_000_000_000;
        let console = demo_console(Catalog::embedded(), t0, crate::Lang::En);
        let mut state = console.state().clone();
        let region = state.regions.get_mut("cn-north-4").unwrap();
        region.services = copies(&region.services[0], 1_000);
        let mut encoder = Encoder::new();
        let text = encoder.encode_revision(&state, t0, 1);
        assert_eq!(decode(&text).unwrap(), state);
        let (chunks, fresh) = encoder.chunks_written();
        assert!(
            chunks > 4 && fresh == chunks,
            "{chunks} chunks, {fresh} fresh"
        );
        // Nothing changed: every chunk is kept.
        let again = encoder.encode_revision(&state, t0, 2);
        assert_eq!(encoder.chunks_written(), (chunks, 0));
        assert_eq!(decode(&again).unwrap(), state);
        // One service changed: one chunk is compressed anew.
        let region = state.regions.get_mut("cn-north-4").unwrap();
        region.services[500].description = "changed".into();
        let text = encoder.encode_revision(&state, t0, 3);
        assert_eq!(encoder.chunks_written(), (chunks, 1));
        assert_eq!(decode(&text).unwrap(), state);
        // One removed: the chunks elsewhere stay put.
        let region = state.regions.get_mut("cn-north-4").unwrap();
        region.services.remove(10);
        let text = encoder.encode_revision(&state, t0, 4);
        let (_, fresh) = encoder.chunks_written();
        assert_eq!(fresh, 1);
        assert_eq!(decode(&text).unwrap(), state);
        // A region emptied, and no regions at all.
        state
            .regions
            .get_mut("cn-north-4")
            .unwrap()
            .services
            .clear();
        assert_eq!(
            decode(&encoder.encode_revision(&state, t0, 5)).unwrap(),
            state
        );
        state.regions.clear();
        assert_eq!(
            decode(&encoder.encode_revision(&state, t0, 6)).unwrap(),
            state
        );
    }

    #[test]
    fn ticks_alone_leave_the_saved_services_as_they_were() {
        use crate::command::Command;
        let t0 = 1_790_000_000_000;
        let demo = demo_console(Catalog::embedded(), t0, crate::Lang::En);
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
            let mut loaded = Console::from_state(Catalog::embedded(), decode(text).unwrap());
            loaded.tick(wall);
            assert!(
                loaded.state() == c.state(),
                "loaded and advanced, another state"
            );
        };
        let mut wall = t0 + SECOND;
        console.tick(wall);
        assert!(running(&console) == 300, "{} running", running(&console));
        let first = encoder.encode_console(&console, wall, 1);
        let (chunks, _) = encoder.chunks_written();
        loads(&first, wall, &console);
        for revision in 2..5 {
            wall += SECOND;
            console.tick(wall);
            let text = encoder.encode_console(&console, wall, revision);
            assert_eq!(encoder.chunks_written(), (chunks, 0), "nothing is new");
            loads(&text, wall, &console);
        }
        // A command changes one service: its chunk is new.
        wall += SECOND;
        let id = console.services()[5].service_id.clone();
        console
            .apply(Command::Stop { service_id: id }, wall)
            .unwrap();
        let text = encoder.encode_console(&console, wall, 5);
        assert_eq!(encoder.chunks_written(), (chunks, 1));
        loads(&text, wall, &console);
        // The plain encoding stays exact: what a fresh encoder writes.
        let exact = encoder.encode_revision(console.state(), wall, 6);
        assert_eq!(
            exact,
            Encoder::new().encode_revision(console.state(), wall, 6)
        );
    }
}

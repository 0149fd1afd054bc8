//! The saved form of the console: a versioned envelope around [`ConsoleState`], validated on
//! load, older versions migrated forward (`v1.rs`). Decoding never panics; every way a text
//! can be unusable is a [`SnapshotError`] the app reports (and keeps the text of) instead of
//! dropping it.
//!
//! The stored form is binary ([`binary`], packed by [`packed`]); the JSON snapshot (what
//! versions 1-4 stored, and what a person may write by hand) still loads. The two readers are
//! apart on purpose: [`decode_current`] reads only the stored form and needs no JSON reader,
//! so the app can start without one and load [`decode_stored`] (every form) on demand.

pub mod binary;
mod encoder;
pub mod packed;
mod read;
mod v1;

pub use encoder::Encoder;

use std::fmt;

use rustc_hash::FxHashSet;
use serde::{Deserialize, Serialize};

use crate::console::ConsoleState;
use crate::pool::{BillingMode, NodeStatus, PoolPhase};
use crate::service::ServiceStatus;
use crate::validation::MAX_INSTANCE_COUNT;
use crate::Millis;

/// Identifies our snapshots among whatever else sits in storage.
pub const SCHEMA: &str = "modelarts-console";
/// The current schema version. Older versions are migrated; newer ones are refused.
/// 2: typed events, settings (quotas, simulation clock), billing runs.
/// 3: dedicated resource pools per region (a version-2 state has none, so it reads as is;
/// the bump keeps an older console from loading, and then overwriting, a state with pools).
/// 4: the stored text carries its save revision (cross-tab), and events may be `Imported`
/// (a version-3 state reads as is; the bump keeps an older console from misreading both).
/// 5: the stored form is binary ([`binary`]); the state is that of version 4, so a JSON
/// snapshot of version 4 or 5 reads the same.
pub const VERSION: u32 = 5;

/// The envelope as written: schema and version first, so a reader judges them (and, in the
/// binary form, [`binary::head`] reads them) before the content.
#[derive(Serialize)]
struct EnvelopeRef<'a> {
    schema: &'a str,
    version: u32,
    saved_at: Millis,
    state: &'a ConsoleState,
}

/// A JSON envelope's header: schema and version are judged before the content (which this
/// read skips without building it).
#[derive(Deserialize)]
struct Header {
    schema: String,
    version: u32,
}

/// A JSON snapshot of the current state's shape, decoded straight into the typed state.
/// `schema` and `version` are read too when present, so the one-pass read refuses what the
/// header read refuses (a key given twice).
#[derive(Deserialize)]
struct Current {
    #[serde(default)]
    schema: Option<String>,
    #[serde(default)]
    version: Option<u32>,
    state: Option<ConsoleState>,
}

/// An older version, decoded as JSON values for its migration.
#[derive(Deserialize)]
struct Older {
    state: Option<serde_json::Value>,
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub enum SnapshotError {
    /// Not JSON at all, or not our envelope.
    Unreadable(String),
    /// JSON of some other application.
    ForeignSchema(String),
    /// Written by a newer version of the console.
    UnsupportedVersion(u32),
    /// Our schema, but the content breaks an invariant.
    Invalid(String),
}

impl fmt::Display for SnapshotError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            SnapshotError::Unreadable(e) => write!(f, "the saved data is not readable ({e})"),
            SnapshotError::ForeignSchema(s) => {
                write!(
                    f,
                    "the saved data belongs to another application (schema \"{s}\")"
                )
            }
            SnapshotError::UnsupportedVersion(v) => write!(
                f,
                "the saved data has version {v}, but this console reads up to version {VERSION}"
            ),
            SnapshotError::Invalid(e) => write!(f, "the saved data is inconsistent ({e})"),
        }
    }
}

impl std::error::Error for SnapshotError {}

/// What is written to storage: the binary snapshot, compressed and packed (see [`packed`]).
pub fn encode_stored(state: &ConsoleState, saved_at: Millis) -> String {
    encode_revision(state, saved_at, 0)
}

/// Like [`encode_stored`], marked as the `revision`-th save, so other tabs can tell it is
/// newer than what they hold ([`packed::revision`]). A store that saves again and again
/// keeps an [`Encoder`], which re-encodes only what changed.
pub fn encode_revision(state: &ConsoleState, saved_at: Millis, revision: u64) -> String {
    Encoder::new().encode_revision(state, saved_at, revision)
}

/// The snapshot as JSON (the API's names), e.g. to write a state into storage by hand; it
/// loads like the stored form.
pub fn encode(state: &ConsoleState, saved_at: Millis) -> String {
    serde_json::to_string(&envelope(state, saved_at)).expect("a state always serialises")
}

/// The binary snapshot of `state` (what the stored form packs).
pub fn encode_binary(state: &ConsoleState, saved_at: Millis) -> Vec<u8> {
    binary::to_vec(&envelope(state, saved_at)).expect("a state always serialises")
}

fn envelope(state: &ConsoleState, saved_at: Millis) -> EnvelopeRef<'_> {
    EnvelopeRef {
        schema: SCHEMA,
        version: VERSION,
        saved_at,
        state,
    }
}

/// Reads the current stored form (a packed binary snapshot); `None` for any other text,
/// which only [`decode_stored`] reads. Needs no JSON reader.
pub fn decode_current(text: &str) -> Option<Result<ConsoleState, SnapshotError>> {
    packed::is_binary(text).then(|| decode_binary(text))
}

fn decode_binary(text: &str) -> Result<ConsoleState, SnapshotError> {
    let bytes = packed::unpack_bytes(text)?;
    let (schema, version) =
        binary::head(&bytes).map_err(|e| SnapshotError::Unreadable(e.to_string()))?;
    if schema != SCHEMA {
        return Err(SnapshotError::ForeignSchema(schema.to_string()));
    }
    let version = u32::try_from(version).unwrap_or(u32::MAX);
    if version > VERSION {
        return Err(SnapshotError::UnsupportedVersion(version));
    }
    if version != VERSION {
        return Err(SnapshotError::Invalid(format!(
            "a binary snapshot of version {version}"
        )));
    }
    let state = read::state(&bytes).map_err(|e| SnapshotError::Invalid(e.to_string()))?;
    validate(&state).map_err(SnapshotError::Invalid)?;
    Ok(state)
}

/// Reads a stored text in any form (the binary stored form, a packed JSON text of version 4,
/// or plain JSON of any version) and says whether it is already in the current stored form
/// (so loading it needs no re-save).
pub fn decode_stored(text: &str) -> Result<(ConsoleState, bool), SnapshotError> {
    if let Some(current) = decode_current(text) {
        return current.map(|state| (state, true));
    }
    let json = if packed::is_packed(text) {
        packed::unpack(text)?
    } else {
        text.to_string()
    };
    Ok((decode_json(&json)?.0, false))
}

/// Reads a snapshot text back (in any form), migrating older versions and validating the
/// result.
pub fn decode(text: &str) -> Result<ConsoleState, SnapshotError> {
    decode_stored(text).map(|(state, _)| state)
}

/// A snapshot JSON's state and the version it was written in. (Read from `&str` only: every
/// other reader of JSON in the app reads text, and reading bytes too would put a second copy
/// of every decoder in the wasm, 110 KB.)
fn decode_json(text: &str) -> Result<(ConsoleState, u32), SnapshotError> {
    // What this console writes as JSON (schema and version first) is read in one pass;
    // reading the header first scanned all 10 MB of a large state twice. Anything else,
    // and any error (so that it is reported as below), takes the general path. Versions 4
    // and 5 hold the same state.
    for version in [VERSION, 4] {
        let current = format!("{{\"schema\":\"{SCHEMA}\",\"version\":{version},");
        if !text.starts_with(&current) {
            continue;
        }
        if let Ok(Current {
            schema: Some(schema),
            version: Some(read),
            state: Some(state),
        }) = serde_json::from_str::<Current>(text)
        {
            if schema == SCHEMA && read == version && validate(&state).is_ok() {
                return Ok((state, version));
            }
        }
    }
    let header: Header =
        serde_json::from_str(text).map_err(|e| SnapshotError::Unreadable(e.to_string()))?;
    if header.schema != SCHEMA {
        return Err(SnapshotError::ForeignSchema(header.schema));
    }
    if header.version == 0 || header.version > VERSION {
        return Err(SnapshotError::UnsupportedVersion(header.version));
    }
    let invalid = |e: serde_json::Error| SnapshotError::Invalid(e.to_string());
    let no_state = || SnapshotError::Invalid("no state".into());
    // The state is always decoded from text (one decoder in the wasm, not a second one for
    // `serde_json::Value`); an older version is migrated as values and written back first.
    let migrated;
    let current = if header.version >= 4 {
        text
    } else {
        let mut value = serde_json::from_str::<Older>(text)
            .map_err(invalid)?
            .state
            .ok_or_else(no_state)?;
        if header.version == 1 {
            v1::migrate(&mut value).map_err(SnapshotError::Invalid)?;
        }
        // Versions 2 and 3 read as is: version 2 has no pools (they default to none), and
        // version 3 differs only by what version 4 added (nothing is removed or renamed).
        migrated = serde_json::json!({ "state": value }).to_string();
        &migrated
    };
    let state = serde_json::from_str::<Current>(current)
        .map_err(invalid)?
        .state
        .ok_or_else(no_state)?;
    validate(&state).map_err(SnapshotError::Invalid)?;
    Ok((state, header.version))
}

/// The latest time (and longest billed duration) a state may hold, in ms: the start of the
/// year 10000. The console cannot reach it, and the lifecycle adds durations and terms to the
/// times it holds, which must neither overflow nor renew a prepaid term without end.
pub const MAX_TIME: Millis = 253_402_300_800_000;
/// The highest hourly rate or term price (USD) a state may hold, far above any flavor's
/// price for a whole pool; a higher one could bill an infinite cost, which JSON cannot hold.
pub const MAX_PRICE: f64 = 1e12;

/// The invariants of a state, checked on load and on import (`transfer`).
pub(crate) fn validate(state: &ConsoleState) -> Result<(), String> {
    if !crate::clock::SimClock::is_valid_speed(state.settings.clock.speed) {
        return Err(format!(
            "simulation speed {} is out of range",
            state.settings.clock.speed
        ));
    }
    let clock = &state.settings.clock;
    if clock.wall_anchor > MAX_TIME || clock.sim_anchor > MAX_TIME {
        return Err("the simulation clock is beyond the year 9999".into());
    }
    // Hash sets: 10,000 ids and names in ordered sets cost a noticeable part of a load.
    let mut ids = FxHashSet::default();
    for (region, region_state) in &state.regions {
        let mut names = FxHashSet::default();
        for s in &region_state.services {
            // Named only when something is wrong (10,000 names cost time on every load).
            let who = || format!("service {} in {region}", s.service_id);
            if s.service_id.is_empty() || !ids.insert(s.service_id.as_str()) {
                return Err(format!("{}: empty or duplicate service_id", who()));
            }
            if !names.insert(s.service_name.as_str()) {
                return Err(format!(
                    "{}: duplicate service_name {}",
                    who(),
                    s.service_name
                ));
            }
            if s.infer_type != "batch" {
                return Err(format!("{}: infer_type must be batch", who()));
            }
            if s.config.len() != 1 {
                return Err(format!("{}: a batch service has exactly one config", who()));
            }
            if !(1..=MAX_INSTANCE_COUNT).contains(&s.config[0].instance_count) {
                return Err(format!("{}: instance_count out of range", who()));
            }
            if s.progress > 100 {
                return Err(format!("{}: progress above 100", who()));
            }
            if !s.billing.cost.is_finite() || s.billing.cost < 0.0 {
                return Err(format!("{}: invalid billed cost", who()));
            }
            // What the console writes: the cost is the settled cost plus the open run's, to
            // the bit (another figure would make the next accrual change the cost by it).
            if let Some(settled) = s.billing.settled_cost {
                let open = s.billing.open_run().map(|r| r.cost);
                if open.is_none_or(|run| settled + run != s.billing.cost) {
                    return Err(format!(
                        "{}: settled_cost is not the cost before the open run",
                        who()
                    ));
                }
            }
            if !(0.0..=MAX_PRICE).contains(&s.billing.hourly_rate) {
                return Err(format!("{}: invalid hourly rate", who()));
            }
            let times = [
                s.transition_at,
                s.workload.accounted_at,
                s.billing.billed_ms,
            ];
            if times.into_iter().any(|t| t > MAX_TIME)
                || s.billing.runs.iter().any(|r| r.billed_ms > MAX_TIME)
            {
                return Err(format!("{}: a time beyond the year 9999", who()));
            }
            if s.status == ServiceStatus::Failed && s.error_msg.is_none() {
                return Err(format!("{}: failed without error_msg", who()));
            }
            if s.billing.runs.len() > crate::service::MAX_RUNS {
                return Err(format!("{}: too many billing runs", who()));
            }
        }
        let mut pool_names = FxHashSet::default();
        for p in &region_state.pools {
            let who = || format!("pool {} in {region}", p.id());
            if p.id().is_empty() || !ids.insert(p.id()) {
                return Err(format!("{}: empty or duplicate name", who()));
            }
            if !pool_names.insert(p.display_name()) {
                return Err(format!(
                    "{}: duplicate os.modelarts/name {}",
                    who(),
                    p.display_name()
                ));
            }
            if p.spec.resources.len() != 1 || p.node_count() == 0 {
                return Err(format!(
                    "{}: needs one resource with at least one node",
                    who()
                ));
            }
            let live = p
                .nodes
                .iter()
                .filter(|n| n.status != NodeStatus::Deleting)
                .count() as u32;
            if p.phase() != PoolPhase::Deleting && live != p.node_count() {
                return Err(format!(
                    "{}: the node list does not match the node count",
                    who()
                ));
            }
            let costs = [p.billing.cost, p.billing.hourly_rate, p.billing.term_price];
            if costs.iter().any(|c| !c.is_finite() || *c < 0.0)
                || p.billing.hourly_rate > MAX_PRICE
                || p.billing.term_price > MAX_PRICE
            {
                return Err(format!("{}: invalid billing", who()));
            }
            let times = [
                p.status.transition_at,
                p.billing.accounted_at,
                p.billing.expires_at.unwrap_or(0),
            ];
            if times.into_iter().any(|t| t > MAX_TIME) {
                return Err(format!("{}: a time beyond the year 9999", who()));
            }
            // A term of 1-11 months (or 1 year for Development/Training) and its expiry; a
            // zero-length term would renew forever.
            if p.billing_mode() == BillingMode::YearlyMonthly {
                let term_ok = p
                    .duration()
                    .is_some_and(|d| crate::pool::create::duration(p.pool_type(), Some(d)).is_ok());
                if !term_ok || p.billing.expires_at.is_none() {
                    return Err(format!(
                        "{}: a Yearly/Monthly pool needs a valid term",
                        who()
                    ));
                }
            }
        }
    }
    Ok(())
}

//! The saved form of the console: a versioned envelope around [`ConsoleState`], validated on
//! load, older versions migrated forward ([`STEPS`]). Decoding never panics; every way a text
//! can be unusable is a [`SnapshotError`] the app reports (and keeps the text of) instead of
//! dropping it.
//!
//! The stored form ([`stored`]) and the JSON snapshot (what versions 1-3 stored, and what a
//! person may write by hand) are both the state's serde derives in JSON, with the API's
//! names; the stored form is cut into documents, compressed and packed ([`packed`]).

mod migrate;
pub mod packed;
mod stored;
mod v1;
mod v5;

pub use stored::Encoder;

use std::fmt;

use rustc_hash::FxHashSet;
use serde::Serialize;

use crate::console::ConsoleState;
use crate::pool::{BillingMode, NodeStatus, PoolPhase};
use crate::service::ServiceStatus;
use crate::validation::MAX_INSTANCE_COUNT;
use crate::Millis;

/// Identifies our snapshots among whatever else sits in storage.
pub const SCHEMA: &str = "modelarts-console";
/// The current schema version. Older versions are migrated (see [`migrate`]); newer ones
/// are refused, so an older console never overwrites data it cannot read.
pub const VERSION: u32 = 6;

/// The JSON snapshot as written: schema and version first, so a reader judges them before
/// the content.
#[derive(Serialize)]
struct EnvelopeRef<'a> {
    schema: &'a str,
    version: u32,
    saved_at: Millis,
    state: &'a ConsoleState,
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

/// What is written to storage: the stored form of [`stored`].
pub fn encode_stored(state: &ConsoleState, saved_at: Millis) -> String {
    encode_revision(state, saved_at, 0)
}

/// Like [`encode_stored`], marked as the `revision`-th save, so other tabs can tell it is
/// newer than what they hold ([`packed::revision`]). A store that saves again and again
/// keeps an [`Encoder`], which compresses only what changed.
pub fn encode_revision(state: &ConsoleState, saved_at: Millis, revision: u64) -> String {
    Encoder::new().encode_revision(state, saved_at, revision)
}

/// The JSON snapshot (the API's names), e.g. to write a state into storage by hand; it loads
/// like the stored form.
pub fn encode(state: &ConsoleState, saved_at: Millis) -> String {
    let envelope = EnvelopeRef {
        schema: SCHEMA,
        version: VERSION,
        saved_at,
        state,
    };
    serde_json::to_string(&envelope).expect("a state always serialises")
}

/// Reads the current stored form; `None` for any other text, which only [`decode_stored`]
/// reads. The app reads older forms in a module of their own, so this one is all the first
/// page needs.
pub fn decode_current(text: &str) -> Option<Result<ConsoleState, SnapshotError>> {
    packed::is_current(text).then(|| {
        let state = stored::decode(text)?;
        validate(&state).map_err(SnapshotError::Invalid)?;
        Ok(state)
    })
}

/// Reads a stored text in any form (the stored form of any version, or a JSON snapshot) and
/// says whether it is already in the current stored form (so loading it needs no re-save).
pub fn decode_stored(text: &str) -> Result<(ConsoleState, bool), SnapshotError> {
    if let Some(current) = decode_current(text) {
        return current.map(|state| (state, true));
    }
    let state = if text.starts_with(packed::BINARY_PREFIX) {
        v5::decode(text)?
    } else if packed::is_packed(text) {
        migrate::decode_json(&packed::unpack(text)?)?
    } else {
        migrate::decode_json(text)?
    };
    validate(&state).map_err(SnapshotError::Invalid)?;
    Ok((state, false))
}

/// Reads a snapshot text back (in any form), migrating older versions and validating the
/// result.
pub fn decode(text: &str) -> Result<ConsoleState, SnapshotError> {
    decode_stored(text).map(|(state, _)| state)
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

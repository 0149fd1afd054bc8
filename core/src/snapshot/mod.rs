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

use serde::Serialize;

use crate::console::ConsoleState;
use crate::invariants::{self, First};
use crate::text::{English, Transfer};
use crate::transfer::ImportError;
use crate::Millis;

/// Identifies our snapshots among whatever else sits in storage.
pub const SCHEMA: &str = "modelarts-console";
/// The current schema version. Older versions are migrated (see [`migrate`]); newer ones
/// are refused, so an older console never overwrites data it cannot read.
pub const VERSION: u32 = 7;

/// The JSON snapshot as written: schema and version first, so a reader judges them before
/// the content.
#[derive(Serialize)]
struct EnvelopeRef<'a> {
    schema: &'a str,
    version: u32,
    saved_at: Millis,
    state: &'a ConsoleState,
}

/// Why saved data cannot be used (the app's banner says it, [`Transfer::snapshot_error`]).
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum SnapshotError {
    /// Not JSON at all, or not our envelope.
    Unreadable(Unreadable),
    /// JSON of some other application.
    ForeignSchema(String),
    /// Written by a newer version of the console.
    UnsupportedVersion(u32),
    /// Our schema, but the content breaks an invariant.
    Invalid(Invalid),
}

/// Why saved text cannot be read at all.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Unreadable {
    /// The parser's words (serde_json's, or the version-5 decoder's), quoted as they are.
    Parser(String),
    /// The packed text is damaged.
    Damaged(Damage),
    /// Its reader (a module the app loads on demand) could not be loaded; `older_form`: the
    /// text was saved in an older form (which that reader reads).
    ReaderNotLoaded { older_form: bool },
}

/// What is wrong with a packed text ([`packed`]).
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Damage {
    NoPrefix,
    NoRevision,
    NoCount,
    BadCount,
    TextAfterLastBlock,
    TooLong,
    ShorterThanSize,
    NoLength,
    BadLength,
    Truncated,
    UnexpectedCharacter,
    NotText,
    NoHead,
    /// LZ4's words.
    Lz4(String),
}

/// Why saved content that was read cannot be used.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Invalid {
    /// The parser's words on the content (serde_json's, or the version-5 decoder's).
    Parser(String),
    /// The envelope holds no state.
    NoState,
    /// A stored form of this version (before 6), which only the current version writes.
    OldStoredForm(u32),
    /// A binary snapshot of another version than 5.
    BinaryVersion(u64),
    /// A chunk of a region the head does not list.
    UnknownRegion(String),
    /// A version-1 state that is not of that version's shape.
    OldShape(OldShape),
    /// A rule the state breaks, at its JSON path (the rules and words of an import).
    Rule(ImportError),
}

/// What of a version-1 state is not of its shape.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum OldShape {
    /// The state is not an object.
    State,
    /// `regions` is not an object.
    Regions,
    /// `services` is not a list.
    Services,
    /// A service is not an object.
    Service,
    /// An event is not an object.
    Event,
    /// An event has no time.
    EventTime,
    /// An event's time is not a time.
    EventTimeValue,
}

impl fmt::Display for SnapshotError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&English.snapshot_error(self))
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
        validate(&state)?;
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
    validate(&state)?;
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

/// The invariants of a state ([`crate::invariants`]), checked on load: the first broken one.
pub(crate) fn validate(state: &ConsoleState) -> Result<(), SnapshotError> {
    let mut first = First::default();
    invariants::check_state(state, &mut first);
    first
        .into_result()
        .map_err(|e| SnapshotError::Invalid(Invalid::Rule(e)))
}

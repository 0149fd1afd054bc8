//! Older versions, migrated forward one version step at a time ([`STEPS`]), and the JSON
//! snapshot's reader.

use serde::Deserialize;
use serde_json::Value;

use super::{v1, Invalid, SnapshotError, Unreadable, SCHEMA, VERSION};
use crate::console::ConsoleState;

/// What one version step does to the JSON state of the version before it: `STEPS[n - 1]`
/// takes version `n` to `n + 1`; `None` when a state of version `n` reads as one of `n + 1`.
type Step = Option<fn(&mut Value) -> Result<(), Invalid>>;

pub(super) const STEPS: [Step; VERSION as usize - 1] = [
    // 1 -> 2: typed events, settings (quotas, simulation clock), billing runs.
    Some(v1::migrate),
    // 2 -> 3: dedicated resource pools per region (a version-2 state has none).
    None,
    // 3 -> 4: the stored text carries its save revision, and events may be `Imported`.
    None,
    // 4 -> 5: the binary stored form (`v5.rs`); the state is unchanged.
    None,
    // 5 -> 6: the stored form as JSON documents (`stored.rs`); the state is unchanged.
    None,
    // 6 -> 7: real-time services per region (a version-6 state has none).
    None,
];

/// A JSON envelope's header: schema and version are judged before the content (which this
/// read skips without building it).
#[derive(Deserialize)]
struct Header {
    schema: String,
    version: u32,
}

/// A JSON snapshot whose state reads as the current one, decoded straight into the typed
/// state.
#[derive(Deserialize)]
struct Current {
    state: Option<ConsoleState>,
}

/// A whole JSON snapshot, for the one-pass read of [`decode_json`]. `schema` and `version` are
/// read too, so it refuses what the header's read refuses (a key given twice).
#[derive(Deserialize)]
struct Whole {
    schema: String,
    version: u32,
    state: Option<ConsoleState>,
}

/// An older version, decoded as JSON values for its migration.
#[derive(Deserialize)]
struct Older {
    state: Option<Value>,
}

/// A JSON snapshot's state, migrated to the current version (not yet validated).
pub(super) fn decode_json(text: &str) -> Result<ConsoleState, SnapshotError> {
    // What a console writes (schema and version first) of a version that reads as the current
    // one is read in one pass: reading the header first scans the whole text twice. Anything
    // else, and any error (so that it is reported as below), takes the general path.
    for version in 1..=VERSION {
        let reads_as_is = STEPS[version as usize - 1..].iter().all(Option::is_none);
        if reads_as_is
            && text.starts_with(&format!("{{\"schema\":\"{SCHEMA}\",\"version\":{version},"))
        {
            if let Ok(Whole {
                schema,
                version: read,
                state: Some(state),
            }) = serde_json::from_str(text)
            {
                if schema == SCHEMA && read == version {
                    return Ok(state);
                }
            }
        }
    }
    let header: Header = serde_json::from_str(text)
        .map_err(|e| SnapshotError::Unreadable(Unreadable::Parser(e.to_string())))?;
    if header.schema != SCHEMA {
        return Err(SnapshotError::ForeignSchema(header.schema));
    }
    if header.version == 0 || header.version > VERSION {
        return Err(SnapshotError::UnsupportedVersion(header.version));
    }
    let invalid = |e: serde_json::Error| SnapshotError::Invalid(Invalid::Parser(e.to_string()));
    let no_state = || SnapshotError::Invalid(Invalid::NoState);
    let steps = &STEPS[header.version as usize - 1..];
    let migrated;
    let current = if steps.iter().all(Option::is_none) {
        text
    } else {
        let mut value = serde_json::from_str::<Older>(text)
            .map_err(invalid)?
            .state
            .ok_or_else(no_state)?;
        for step in steps.iter().flatten() {
            step(&mut value).map_err(SnapshotError::Invalid)?;
        }
        migrated = serde_json::json!({ "state": value }).to_string();
        &migrated
    };
    serde_json::from_str::<Current>(current)
        .map_err(invalid)?
        .state
        .ok_or_else(no_state)
}

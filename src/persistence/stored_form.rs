//! The state's stored form as the app reads and writes it: the current form is read in the
//! main module, older forms by the JSON reader, and every form is written by the encoder, both
//! in modules fetched on demand ([`crate::shell::on_demand`]).

use console_core::snapshot::{self, Encoder, SnapshotError, Unreadable};
use console_core::{Console, ConsoleState, Millis};

use super::StorageError;
use crate::shell::on_demand::{self, Reducer};

/// Reads saved text, and says whether it is in the current stored form: that form at once,
/// any other through the JSON reader, whose module the app loads before it opens older data
/// (and preloads after the first paint, for what another tab may write). When that module is
/// missing, the text is unreadable for now, so it is kept under a backup key, never lost.
pub fn decode(text: &str) -> Result<(ConsoleState, bool), SnapshotError> {
    match snapshot::decode_current(text) {
        Some(current) => current.map(|state| (state, true)),
        None => match on_demand::json_reader_now() {
            Some(reader) => reader.saved(text),
            None => Err(SnapshotError::Unreadable(Unreadable::ReaderNotLoaded {
                older_form: true,
            })),
        },
    }
}

/// The stored form of `console` as the `revision`-th save at `now`, through `encoder` (which
/// re-serialises only what changed since its last text).
pub fn encode(
    reducer: Reducer,
    encoder: &mut Encoder,
    console: &Console,
    now: Millis,
    revision: u64,
) -> Result<String, StorageError> {
    reducer
        .encode(encoder, console, now, revision)
        .map_err(|_| StorageError::WriterNotLoaded)
}

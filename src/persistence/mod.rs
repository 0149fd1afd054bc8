//! What survives a reload, and what keeps two tabs from losing each other's updates:
//! - [`storage`]: the only code that touches localStorage;
//! - [`stored_form`]: reading and writing the state's stored form;
//! - [`Persistence`]: the revisions (which save this tab last read or wrote, and the number
//!   of the next), the encoder's caches and when ticks last saved;
//! - [`tab_lock`]: the cross-tab lock a command runs under;
//! - [`events`]: following what another tab saved.
//!
//! Two tabs never lose each other's updates: a command runs under the lock and is applied to
//! the freshest saved state. Each save carries a revision; when the stored one is not the one
//! this tab last read or wrote, the tab reads the stored state first
//! ([`Persistence::changed`]).

pub mod events;
pub mod storage;
pub mod stored_form;
pub mod tab_lock;

use console_core::snapshot::{packed, Encoder};
use console_core::{Console, ConsoleState, Millis};

use crate::shell::on_demand::Reducer;
pub use storage::{Changed, Loaded, SnapshotStore, StorageError};

/// Ticks save at most this often (commands always save at once).
pub const TICK_SAVE_INTERVAL: Millis = 30_000;

/// One tab's side of the saved state.
pub struct Persistence {
    storage: SnapshotStore,
    /// Off when storage is unusable or would overwrite data that could not be backed up.
    saving_enabled: bool,
    /// The revision of the saved state this tab last read or wrote.
    revision: u64,
    /// The highest revision this tab has seen anywhere (read, written, published by another
    /// tab's lock): the next save is numbered above it, so revisions never go back (after
    /// storage was cleared, or a text without one was taken) and an older number never
    /// passes for the same content.
    highest: u64,
    /// When the state was last written, and whether ticks changed statuses since.
    last_saved: Millis,
    unsaved_ticks: bool,
    /// Each chunk's last stored form, so a save re-serialises only what changed since.
    encoder: Encoder,
}

impl Persistence {
    /// Over `storage`, whose state of `revision` this tab has just read.
    pub fn new(storage: SnapshotStore, revision: u64, saving_enabled: bool, now: Millis) -> Self {
        Persistence {
            storage,
            saving_enabled,
            revision,
            highest: revision,
            last_saved: now,
            unsaved_ticks: false,
            encoder: Encoder::new(),
        }
    }

    pub fn storage(&self) -> &SnapshotStore {
        &self.storage
    }

    /// The cross-tab lock guarding the storage key.
    pub fn lock_name(&self) -> String {
        format!("{}#lock", self.storage.key())
    }

    /// Stops saving: what storage holds must not be overwritten.
    pub fn stop_saving(&mut self) {
        self.saving_enabled = false;
    }

    /// Whether this tab has seen `published`, a revision another tab's lock announced (read or
    /// wrote it, or its copy of storage holds it now).
    pub fn caught_up(&mut self, published: u64) -> bool {
        self.highest = self.highest.max(published);
        published <= self.revision || self.storage.saved_revision().unwrap_or(0) >= published
    }

    /// What another tab saved since this one last read or wrote (backed up first when it
    /// cannot be used); a usable state counts as read.
    pub fn changed(&mut self, now: Millis) -> Changed {
        let changed = self.storage.load_changed(self.revision, now);
        if let Changed::State { revision, .. } = &changed {
            self.seen(*revision);
        }
        changed
    }

    /// The state in `text`, which a `storage` event says another tab saved, unless this tab
    /// already read or wrote that revision or a later one (events can arrive late; plain JSON
    /// written by hand has no revision and is always taken).
    pub fn adopt(&mut self, text: &str) -> Option<ConsoleState> {
        let revision = packed::revision(text);
        if revision != 0 && revision <= self.revision {
            return None;
        }
        let (state, _) = stored_form::decode(text).ok()?;
        self.seen(revision);
        Some(state)
    }

    /// Notes that a tick changed more than the passing of time.
    pub fn tick_changed(&mut self) {
        self.unsaved_ticks = true;
    }

    /// Whether ticks changed statuses and the last save is [`TICK_SAVE_INTERVAL`] old; if so
    /// the save is counted as done now, so the next ticks do not queue more meanwhile (should
    /// it not happen, the ticks stay unsaved and a later tick tries again).
    pub fn tick_save_due(&mut self, now: Millis) -> bool {
        let due = self.unsaved_ticks && now.saturating_sub(self.last_saved) >= TICK_SAVE_INTERVAL;
        if due {
            self.last_saved = now;
        }
        due
    }

    /// Writes `console` as the next revision: which one, or `None` while saving is off.
    pub fn save(
        &mut self,
        reducer: Reducer,
        console: &Console,
        now: Millis,
    ) -> Result<Option<u64>, StorageError> {
        if !self.saving_enabled {
            return Ok(None);
        }
        self.last_saved = now;
        self.unsaved_ticks = false;
        let stored = self.storage.saved_revision().unwrap_or(0);
        let revision = self
            .highest
            .max(self.revision)
            .max(stored)
            .saturating_add(1);
        let text = stored_form::encode(reducer, &mut self.encoder, console, now, revision)?;
        self.storage.save(&text)?;
        self.seen(revision);
        Ok(Some(revision))
    }

    /// Fills the encoder's caches from `console` (what was just loaded), so the first
    /// command's save re-serialises only what that command changed; the text is dropped.
    pub fn prime(&mut self, reducer: Reducer, console: &Console) {
        let _ = stored_form::encode(reducer, &mut self.encoder, console, 0, 0);
    }

    /// Notes that storage holds `revision` as far as this tab knows.
    fn seen(&mut self, revision: u64) {
        self.revision = revision;
        self.highest = self.highest.max(revision);
    }
}

//! localStorage adapter: the only code that touches storage. It never panics: blocked storage,
//! a full quota and unreadable content all come back as values the store shows to the user.
//! Storage is reached through `window.localStorage` directly, because gloo-storage's accessor
//! panics where storage is blocked (private modes, sandboxed frames).

use console_core::snapshot::{self, SnapshotError};
use console_core::{ConsoleState, Millis};

/// Where the console keeps its snapshot.
pub const STATE_KEY: &str = "modelarts-console/state";
/// Unreadable snapshots are moved here, suffixed with the time they were found.
pub const BACKUP_PREFIX: &str = "modelarts-console/backup/";

/// What was found in storage at start.
#[derive(Debug)]
pub enum Loaded {
    /// Nothing saved yet: first start.
    Nothing,
    /// A usable state; `current` when it was saved in the current version (an older one is
    /// saved again, migrated, right away).
    State { state: ConsoleState, current: bool },
    /// Something was saved but cannot be used. It was copied to `backup` (or copying failed,
    /// in which case the original is left in place and saving stays off to protect it).
    Unreadable {
        error: SnapshotError,
        backup: Result<String, String>,
    },
    /// Storage cannot be reached at all.
    Unavailable(String),
}

/// A handle on one storage key.
#[derive(Clone, Debug)]
pub struct SnapshotStore {
    storage: Option<web_sys::Storage>,
    key: String,
}

impl SnapshotStore {
    /// Opens `window.localStorage` for the console's key.
    pub fn local() -> SnapshotStore {
        SnapshotStore::with_key(STATE_KEY)
    }

    /// Opens storage for another key (tests use their own).
    pub fn with_key(key: &str) -> SnapshotStore {
        let storage = web_sys::window().and_then(|w| w.local_storage().ok().flatten());
        SnapshotStore {
            storage,
            key: key.to_string(),
        }
    }

    pub fn key(&self) -> &str {
        &self.key
    }

    pub fn load(&self, now: Millis) -> Loaded {
        let Some(storage) = &self.storage else {
            return Loaded::Unavailable("The browser blocks local storage for this page.".into());
        };
        let text = match storage.get_item(&self.key) {
            Ok(None) => return Loaded::Nothing,
            Ok(Some(text)) => text,
            Err(e) => return Loaded::Unavailable(js_message(&e)),
        };
        match snapshot::decode_stored(&text) {
            Ok((state, current)) => Loaded::State { state, current },
            Err(error) => {
                let backup_key = format!("{BACKUP_PREFIX}{now}");
                let backup = storage
                    .set_item(&backup_key, &text)
                    .map(|_| backup_key)
                    .map_err(|e| js_message(&e));
                Loaded::Unreadable { error, backup }
            }
        }
    }

    pub fn save(&self, state: &ConsoleState, now: Millis) -> Result<(), String> {
        let storage = self
            .storage
            .as_ref()
            .ok_or("Local storage is not available.")?;
        storage
            .set_item(&self.key, &snapshot::encode_stored(state, now))
            .map_err(|e| js_message(&e))
    }

    /// Reads another key's raw text (Settings shows backups).
    pub fn read_raw(&self, key: &str) -> Option<String> {
        self.storage.as_ref()?.get_item(key).ok().flatten()
    }

    pub fn remove_raw(&self, key: &str) -> Result<(), String> {
        let storage = self
            .storage
            .as_ref()
            .ok_or("Local storage is not available.")?;
        storage.remove_item(key).map_err(|e| js_message(&e))
    }

    /// Keys of kept unreadable snapshots, oldest first.
    pub fn backup_keys(&self) -> Vec<String> {
        let Some(storage) = &self.storage else {
            return Vec::new();
        };
        let len = storage.length().unwrap_or(0);
        let mut keys: Vec<String> = (0..len)
            .filter_map(|i| storage.key(i).ok().flatten())
            .filter(|k| k.starts_with(BACKUP_PREFIX))
            .collect();
        keys.sort();
        keys
    }
}

fn js_message(error: &wasm_bindgen::JsValue) -> String {
    js_sys::Reflect::get(error, &"message".into())
        .ok()
        .and_then(|m| m.as_string())
        .or_else(|| error.as_string())
        .unwrap_or_else(|| "unknown storage error".into())
}

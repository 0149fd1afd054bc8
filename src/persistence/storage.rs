//! localStorage adapter: the only code that touches storage. It never panics: blocked storage,
//! a full quota and unreadable content all come back as values the store shows to the user.
//! Storage is reached through gloo-storage, but only after [`available`] said it can be:
//! `LocalStorage::raw()` throws where storage is blocked (private modes, sandboxed frames).

use std::fmt;

use console_core::snapshot::{packed, SnapshotError};
use console_core::{ConsoleState, Millis};
use gloo_storage::{LocalStorage, Storage as _};
use wasm_bindgen::JsCast;

use super::stored_form::decode;
use crate::i18n::t;

/// Where the console keeps its snapshot.
pub const STATE_KEY: &str = "modelarts-console/state";
/// Unreadable snapshots are moved here, suffixed with the time they were found.
pub const BACKUP_PREFIX: &str = "modelarts-console/backup/";

/// Why browser storage did not do what was asked (its `Display` is the page's language).
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum StorageError {
    /// The browser blocks localStorage for this page (private modes, sandboxed frames).
    Blocked,
    /// The browser refused the call (a full quota, mostly), in its own words.
    Refused(String),
    /// The code that writes the stored form could not be fetched.
    WriterNotLoaded,
    /// The console was closed meanwhile.
    Closed,
}

impl fmt::Display for StorageError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let words = &t().shell;
        f.write_str(match self {
            StorageError::Blocked => words.storage_blocked,
            StorageError::Refused(why) => why,
            StorageError::WriterNotLoaded => words.writer_not_loaded,
            StorageError::Closed => words.console_closed,
        })
    }
}

impl std::error::Error for StorageError {}

/// What was found in storage at start.
#[derive(Debug)]
pub enum Loaded {
    /// Nothing saved yet: first start.
    Nothing,
    /// A usable state; `current` when it was saved in the current version (an older one is
    /// saved again, migrated, right away), and the save `revision` it carries.
    State {
        state: ConsoleState,
        current: bool,
        revision: u64,
    },
    /// Something was saved but cannot be used. It was copied to `backup` (or copying failed,
    /// in which case the original is left in place and saving stays off to protect it).
    Unreadable {
        error: SnapshotError,
        backup: Result<String, StorageError>,
    },
    /// Storage cannot be reached at all.
    Unavailable(StorageError),
}

/// What another tab saved since this one last read or wrote.
#[derive(Debug)]
pub enum Changed {
    No,
    State {
        state: ConsoleState,
        revision: u64,
    },
    /// Saved text this console cannot use (a newer version, damage), and where it was kept.
    Unreadable {
        error: SnapshotError,
        backup: Result<String, StorageError>,
    },
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
        let storage = available().then(LocalStorage::raw);
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
            return Loaded::Unavailable(StorageError::Blocked);
        };
        let text = match storage.get_item(&self.key) {
            Ok(None) => return Loaded::Nothing,
            Ok(Some(text)) => text,
            Err(e) => return Loaded::Unavailable(refused(&e)),
        };
        match decode(&text) {
            Ok((state, current)) => Loaded::State {
                state,
                current,
                revision: packed::revision(&text),
            },
            Err(error) => Loaded::Unreadable {
                error,
                backup: self.back_up(&text, now),
            },
        }
    }

    /// Writes `text`, a stored form.
    pub fn save(&self, text: &str) -> Result<(), StorageError> {
        let storage = self.storage.as_ref().ok_or(StorageError::Blocked)?;
        storage.set_item(&self.key, text).map_err(|e| refused(&e))
    }

    /// Whether what is saved now is in another form than the current stored form (an older
    /// version's, or JSON written by hand), which only the JSON reader reads: the app loads
    /// that reader's module before it opens the data. Reads the text's first characters only.
    pub fn holds_older_form(&self) -> bool {
        let Some(text) = self
            .storage
            .as_ref()
            .and_then(|s| get_item_js(s, &self.key))
        else {
            return false;
        };
        let head: String = text.slice(0, packed::HEAD_LEN as u32).into();
        !packed::is_current(&head)
    }

    /// The revision of what is saved now (0 for a text without one), read from the text's
    /// first characters only: the rest stays in JavaScript. `None` when nothing is saved.
    pub fn saved_revision(&self) -> Option<u64> {
        let text = get_item_js(self.storage.as_ref()?, &self.key)?;
        let head: String = text.slice(0, packed::HEAD_LEN as u32).into();
        Some(packed::revision(&head))
    }

    /// What is saved now, when its revision is not `known` (another tab saved since). Text
    /// that cannot be used is copied to a backup key first, as at start.
    pub fn load_changed(&self, known: u64, now: Millis) -> Changed {
        let Some(revision) = self.saved_revision() else {
            return Changed::No;
        };
        if revision == known {
            return Changed::No;
        }
        let Some(text) = self
            .storage
            .as_ref()
            .and_then(|s| s.get_item(&self.key).ok().flatten())
        else {
            return Changed::No;
        };
        match decode(&text) {
            Ok((state, _)) => Changed::State { state, revision },
            Err(error) => Changed::Unreadable {
                error,
                backup: self.back_up(&text, now),
            },
        }
    }

    fn back_up(&self, text: &str, now: Millis) -> Result<String, StorageError> {
        let storage = self.storage.as_ref().ok_or(StorageError::Blocked)?;
        let backup_key = format!("{BACKUP_PREFIX}{now}");
        storage
            .set_item(&backup_key, text)
            .map(|_| backup_key)
            .map_err(|e| refused(&e))
    }

    /// Reads another key's raw text (Settings shows backups).
    pub fn read_raw(&self, key: &str) -> Option<String> {
        self.storage.as_ref()?.get_item(key).ok().flatten()
    }

    pub fn remove_raw(&self, key: &str) -> Result<(), StorageError> {
        let storage = self.storage.as_ref().ok_or(StorageError::Blocked)?;
        storage.remove_item(key).map_err(|e| refused(&e))
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
        console_core::sort::sort(&mut keys);
        keys
    }
}

/// Whether `window.localStorage` can be reached (reading the property throws where it is
/// blocked, which gloo-storage's accessor would turn into a panic).
pub fn available() -> bool {
    web_sys::window().is_some_and(|w| matches!(w.local_storage(), Ok(Some(_))))
}

/// `Storage.getItem` returning the JavaScript string itself, so a caller can look at its head
/// without copying a few megabytes into wasm.
fn get_item_js(storage: &web_sys::Storage, key: &str) -> Option<js_sys::JsString> {
    let get_item = js_sys::Reflect::get(storage, &"getItem".into()).ok()?;
    let value = get_item
        .dyn_into::<js_sys::Function>()
        .ok()?
        .call1(storage, &key.into())
        .ok()?;
    value.dyn_into::<js_sys::JsString>().ok()
}

/// A refusal in the browser's words (`QuotaExceededError`'s message, say).
fn refused(error: &wasm_bindgen::JsValue) -> StorageError {
    StorageError::Refused(
        js_sys::Reflect::get(error, &"message".into())
            .ok()
            .and_then(|m| m.as_string())
            .or_else(|| error.as_string())
            .unwrap_or_else(|| t().shell.storage_unknown_error.into()),
    )
}

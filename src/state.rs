//! The one reactive wrapper around the core's [`Console`]. Views read it through memos; every
//! change is a [`Command`] sent to [`ConsoleStore::act`] (or the clock's [`ConsoleStore::tick`]),
//! which is also the one place that saves. A refused command changes nothing and notifies
//! nobody.
//!
//! Two tabs never lose each other's updates: a command runs under a cross-tab lock
//! ([`crate::tab_lock`]) and is applied to the freshest saved state: each save carries a
//! revision, and when the stored one is not the one this tab last read or wrote, the tab
//! reads the stored state first. A command the fresher state refuses (the other tab already
//! deleted that service) is refused with the core's reason.

use std::time::Duration;

use console_core::{snapshot, Catalog, Command, Console, DomainError, Millis, Outcome};
use leptos::prelude::*;

use crate::clock;
use crate::shell::on_demand::{self, Reducer};
use crate::storage::{Changed, Loaded, SnapshotStore};
use crate::tab_lock;

/// A banner above the page: problems that last (storage, catalog) until dismissed or fixed.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Banner {
    pub topic: BannerTopic,
    pub text: String,
}

/// One banner per topic: a newer one replaces an older one.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum BannerTopic {
    Load,
    Save,
    Catalog,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ToastKind {
    Success,
    Error,
}

/// A short-lived message after an action.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Toast {
    pub id: u64,
    pub kind: ToastKind,
    pub text: String,
}

/// Ticks save at most this often (commands always save at once).
pub const TICK_SAVE_INTERVAL: Millis = 30_000;

/// How long after the first paint the encoder learns the loaded state (out of the way of
/// start-up; a command before then saves with a full encode, as without it).
const PRIME_DELAY: Duration = Duration::from_millis(250);

/// How long a toast stays.
pub const TOAST_TIME: Duration = Duration::from_secs(6);

#[derive(Clone, Copy)]
pub struct ConsoleStore {
    /// Notified by commands and by ticks that changed more than the passing of time (a
    /// status moved, a resource came or went): what [`Self::read_changes`] follows.
    console: RwSignal<Console>,
    /// Notified by every tick (progress, bills and times moved): [`Self::read`] follows it
    /// too. Lists follow only `console`, so a tick that moved only progress does not query
    /// 10,000 services or rebuild rows again.
    clock: Trigger,
    banners: RwSignal<Vec<Banner>>,
    toasts: RwSignal<Vec<Toast>>,
    storage: StoredValue<SnapshotStore>,
    /// Saving is off when storage is unusable or would overwrite data we could not back up.
    saving_enabled: StoredValue<bool>,
    toast_seq: StoredValue<u64>,
    /// When the state was last written, and whether ticks changed statuses since.
    last_saved: StoredValue<Millis>,
    unsaved_ticks: StoredValue<bool>,
    /// The revision of the saved state this tab last read or wrote.
    revision: StoredValue<u64>,
    /// The highest revision this tab has seen anywhere (read, written, published by another
    /// tab's lock): the next save is numbered above it, so revisions never go back (after
    /// storage was cleared, or a text without one was taken) and an older number never
    /// passes for the same content.
    highest: StoredValue<u64>,
    /// Commands sent and not finished yet: confirm buttons wait, so a double click does not
    /// send a command twice.
    pending: RwSignal<u32>,
    /// The cross-tab lock guarding the storage key.
    lock_name: StoredValue<String>,
    /// Keeps each resource's encoding and each block's compressed form from the last save, so a
    /// save re-serialises and recompresses only what changed since (a full encode of 10,000
    /// services costs tens of milliseconds).
    encoder: StoredValue<snapshot::Encoder>,
}

impl ConsoleStore {
    /// Opens what `storage` held (`loaded`, from [`SnapshotStore::load`]), or `demo` where
    /// that is no usable state, and reports anything unusable as a banner. The demo is made by
    /// the caller, from a module fetched on demand ([`on_demand::demo_console_now`]) since
    /// only a first run needs it: without one, the console starts empty.
    pub fn open(
        storage: SnapshotStore,
        loaded: Loaded,
        demo: Option<Console>,
        catalog: Catalog,
        now: Millis,
    ) -> ConsoleStore {
        let demo = {
            let catalog = catalog.clone();
            move || demo.unwrap_or_else(|| Console::empty(catalog))
        };
        let mut banners = Vec::new();
        let mut saving_enabled = true;
        // A current-version state is already saved as it is: writing it again would only cost
        // start-up time (everything since is recomputed exactly from it).
        let mut save_now = true;
        let mut revision = 0;
        let console = match loaded {
            Loaded::Nothing => demo(),
            Loaded::State {
                state,
                current,
                revision: saved,
            } => {
                save_now = !current;
                revision = saved;
                restored(Console::from_state(catalog, state), now)
            }
            Loaded::Unreadable {
                error,
                backup: Ok(key),
            } => {
                banners.push(Banner {
                    topic: BannerTopic::Load,
                    text: format!(
                        "The saved console data could not be loaded: {error}. It was kept unchanged under the localStorage key \"{key}\" (see Settings), and the console started with demo data."
                    ),
                });
                demo()
            }
            Loaded::Unreadable {
                error,
                backup: Err(why),
            } => {
                saving_enabled = false;
                banners.push(Banner {
                    topic: BannerTopic::Load,
                    text: format!(
                        "The saved console data could not be loaded: {error}. Copying it to a backup failed ({why}), so it was left in place and changes in this session are not saved. The console started with demo data."
                    ),
                });
                demo()
            }
            Loaded::Unavailable(why) => {
                saving_enabled = false;
                banners.push(Banner {
                    topic: BannerTopic::Load,
                    text: format!(
                        "Browser storage is unavailable ({why}). The console started with demo data, and changes will be lost when this page is closed."
                    ),
                });
                demo()
            }
        };
        let lock_name = format!("{}#lock", storage.key());
        let store = ConsoleStore {
            console: RwSignal::new(console),
            clock: Trigger::new(),
            banners: RwSignal::new(banners),
            toasts: RwSignal::new(Vec::new()),
            storage: StoredValue::new(storage),
            saving_enabled: StoredValue::new(saving_enabled),
            toast_seq: StoredValue::new(0),
            last_saved: StoredValue::new(now),
            unsaved_ticks: StoredValue::new(false),
            revision: StoredValue::new(revision),
            highest: StoredValue::new(revision),
            pending: RwSignal::new(0),
            lock_name: StoredValue::new(lock_name),
            encoder: StoredValue::new(snapshot::Encoder::new()),
        };
        if save_now {
            // After the first paint, with the encoder's module (in the split site, a module
            // fetched then, out of the first page's way). Should it not load, the demo is
            // seeded anew, or the older form migrated anew, on the next load: nothing is lost.
            clock::when_idle_after_paint(move || {
                on_demand::with_reducer(move |reducer| {
                    if let Ok(reducer) = reducer {
                        store.under_lock(move || {
                            let now = clock::now();
                            store.catch_up(now);
                            store.save(now, reducer)
                        });
                    }
                })
            });
        } else if saving_enabled {
            // A moment after the first rows are painted, the encoder learns the loaded state,
            // so the first command's save re-serialises only what that command changed.
            clock::after_next_paint(PRIME_DELAY, move || store.prime_encoder());
        }
        store
    }

    /// Reads the console, tracking every change (the passing of time included).
    pub fn read<T>(&self, f: impl FnOnce(&Console) -> T) -> T {
        self.clock.track();
        self.console.with(f)
    }

    /// Reads the console, tracking every change but the mere passing of time: commands, and
    /// ticks that moved a status or added or removed a resource (progress, bills and times
    /// may be stale). For what only those change: lists, their rows' keys, the header.
    pub fn read_changes<T>(&self, f: impl FnOnce(&Console) -> T) -> T {
        self.console.with(f)
    }

    /// Reads the console without tracking (event handlers).
    pub fn peek<T>(&self, f: impl FnOnce(&Console) -> T) -> T {
        self.console.with_untracked(f)
    }

    /// Applies a command to the freshest saved state, under the cross-tab lock, and hands
    /// the result to `done` (a moment later when the lock is taken, at once where there are no
    /// locks). On success views update and the state is saved; on refusal nothing changed, so
    /// nobody is notified. The view that asked may be gone by the time `done` runs (the user
    /// navigated on): `done` reaches its signals and callbacks with `try_` methods.
    ///
    /// In the split release site the reducer is a module fetched after the first paint
    /// ([`on_demand::with_reducer`]): a command sent before it arrived waits for it, and one
    /// whose module cannot be fetched is refused with [`DomainError::NotLoaded`].
    pub fn act(&self, command: Command, done: impl FnOnce(Result<Outcome, DomainError>) + 'static) {
        let store = *self;
        self.pending.update(|n| *n += 1);
        on_demand::with_reducer(move |reducer| {
            let finish = move |result| {
                store.pending.try_update(|n| *n = n.saturating_sub(1));
                done(result);
            };
            match reducer {
                Ok(reducer) => store.under_lock(move || {
                    let (result, written) = store.apply_fresh(reducer, command);
                    finish(result);
                    written
                }),
                Err(on_demand::NotLoaded) => finish(Err(DomainError::NotLoaded)),
            }
        });
    }

    /// Whether a command is on its way (confirm buttons are disabled meanwhile).
    pub fn busy(&self) -> Signal<bool> {
        let pending = self.pending;
        Signal::derive(move || pending.get() > 0)
    }

    /// Like [`Self::act`], and reports the outcome (or the refusal) as a toast before `done`.
    pub fn act_and_report(
        &self,
        command: Command,
        done: impl FnOnce(Result<Outcome, DomainError>) + 'static,
    ) {
        let store = *self;
        self.act(command, move |result| {
            match &result {
                Ok(outcome) => store.toast(ToastKind::Success, outcome.to_string()),
                Err(error) => store.toast(ToastKind::Error, error.to_string()),
            }
            done(result)
        });
    }

    /// The body of [`Self::act`], run while holding the lock: the result, and the revision
    /// saved.
    fn apply_fresh(
        &self,
        reducer: Reducer,
        command: Command,
    ) -> (Result<Outcome, DomainError>, Option<u64>) {
        let now = clock::now();
        self.catch_up(now);
        let result = self
            .console
            .try_update_untracked(|console| reducer.apply(console, command, now))
            .unwrap_or(Err(DomainError::Closed));
        let mut written = None;
        if result.is_ok() {
            self.console.notify();
            written = self.save(now, reducer);
        }
        (result, written)
    }

    /// Runs `work` under the cross-tab lock on this store's key (see [`crate::tab_lock`]).
    fn under_lock(&self, work: impl FnOnce() -> Option<u64> + 'static) {
        let (Some(name), Some(storage)) =
            (self.lock_name.try_get_value(), self.storage.try_get_value())
        else {
            work(); // the console is gone: `work` finds it closed
            return;
        };
        let (known, highest) = (self.revision, self.highest);
        let caught_up = move |published: u64| {
            highest.try_update_value(|h| *h = (*h).max(published));
            known.try_get_value().is_none_or(|k| published <= k)
                || storage.saved_revision().unwrap_or(0) >= published
        };
        tab_lock::with_lock(&name, caught_up, work);
    }

    /// Takes the saved state when another tab saved since this one last read or wrote (its
    /// `storage` event may not have arrived yet), and says whether it did. Saved text this
    /// console cannot read (a newer console's) is backed up before anything is saved over
    /// it. Only called under the lock.
    fn catch_up(&self, now: Millis) -> bool {
        let Some(known) = self.revision.try_get_value() else {
            return false;
        };
        match self.storage.with_value(|s| s.load_changed(known, now)) {
            Changed::No => false,
            Changed::State { state, revision } => {
                self.seen(revision);
                self.console
                    .update(|c| *c = restored(c.adopting(state), now));
                true
            }
            Changed::Unreadable { error, backup } => {
                let text = match backup {
                    Ok(key) => format!("Data another tab saved could not be loaded: {error}. It was kept unchanged under the localStorage key \"{key}\" (see Settings), and this tab's state is saved in its place."),
                    Err(why) => {
                        self.saving_enabled.set_value(false);
                        format!("Data another tab saved could not be loaded: {error}. Copying it to a backup failed ({why}), so it was left in place and changes in this tab are not saved.")
                    }
                };
                self.show_banner(BannerTopic::Load, text);
                false
            }
        }
    }

    /// Notes that `revision` is what storage holds as far as this tab knows.
    fn seen(&self, revision: u64) {
        self.revision.set_value(revision);
        self.highest.update_value(|h| *h = (*h).max(revision));
    }

    /// Simulated time now (what the core's times are in).
    pub fn sim_now(&self) -> Millis {
        self.peek(|c| c.sim_now(clock::now()))
    }

    /// The simulated time, tracked: what reads it runs again on every tick (a pool's progress
    /// and accrued cost are computed from it).
    pub fn ticking_now(&self) -> Millis {
        self.read(|c| c.sim_now(clock::now()))
    }

    /// Advances simulated time to now. What time changes (statuses, progress, bills) is
    /// recomputed exactly from the saved state on the next load, so it is saved at most every
    /// [`TICK_SAVE_INTERVAL`], only to keep that replay short: with 10,000 services a save
    /// on every tick that moved a status cost tens of milliseconds each second.
    pub fn tick(&self) {
        let now = clock::now();
        let Some(changed) = self.console.try_update_untracked(|c| c.tick_moved(now)) else {
            return; // the console is gone
        };
        if changed {
            self.unsaved_ticks.set_value(true);
            self.console.notify();
        }
        self.clock.notify();
        // A hidden tab leaves the saving to the one in front: its timers are throttled, and it
        // must not hold the lock while they are.
        if self.unsaved_ticks.get_value()
            && now.saturating_sub(self.last_saved.get_value()) >= TICK_SAVE_INTERVAL
            && !page_hidden()
        {
            // Marked saved now, so the next ticks do not queue more saves meanwhile. Should
            // the encoder's module not load, `unsaved_ticks` stays set: a later tick tries again.
            self.last_saved.set_value(now);
            let store = *self;
            on_demand::with_reducer(move |reducer| {
                let Ok(reducer) = reducer else { return };
                store.under_lock(move || {
                    // Another tab's newer state replaces this one's replay (and needs no save).
                    if store.catch_up(now) {
                        return None;
                    }
                    store.save(now, reducer)
                });
            });
        }
    }

    /// Takes a state another tab saved, so this tab shows (and builds on) it. Events can
    /// arrive late: one older than what this tab already read or wrote is skipped (plain JSON
    /// written by hand has no revision and is always taken).
    pub fn adopt_external(&self, text: &str) {
        let revision = snapshot::packed::revision(text);
        let Some(known) = self.revision.try_get_value() else {
            return;
        };
        if revision != 0 && revision <= known {
            return;
        }
        if let Ok((state, _)) = crate::storage::decode(text) {
            self.seen(revision);
            self.console
                .update(|c| *c = restored(c.adopting(state), clock::now()));
        }
    }

    /// Runs against another catalog (a valid `catalog.json` from the host).
    pub fn use_catalog(&self, catalog: Catalog) {
        if self.peek(|c| c.catalog() != &catalog) {
            self.console.update(|c| c.set_catalog(catalog));
        }
    }

    /// Fills the encoder's caches (each resource's encoding, each block's compressed form) from
    /// the state; the text is not kept.
    fn prime_encoder(&self) {
        let store = *self;
        on_demand::with_reducer(move |reducer| {
            let Ok(reducer) = reducer else { return };
            store.encoder.try_update_value(|encoder| {
                store
                    .console
                    .try_with_untracked(|c| reducer.encode(encoder, c, 0, 0))
            });
        });
    }

    /// Writes the state as the next revision and says which, if it could. Only called under
    /// the lock.
    fn save(&self, now: Millis, reducer: Reducer) -> Option<u64> {
        if !self.saving_enabled.try_get_value().unwrap_or(false) {
            return None;
        }
        self.last_saved.set_value(now);
        self.unsaved_ticks.set_value(false);
        let stored = self.storage.with_value(|s| s.saved_revision()).unwrap_or(0);
        let revision = self
            .revision
            .get_value()
            .max(self.highest.get_value())
            .max(stored)
            .saturating_add(1);
        let result = self
            .encoder
            .try_update_value(|encoder| {
                self.console
                    .with_untracked(|c| reducer.encode(encoder, c, now, revision))
            })
            .ok_or_else(|| "the console is closed".to_string())
            .and_then(|text| {
                text.map_err(|_| "the code that writes it could not be loaded".to_string())
            })
            .and_then(|text| self.storage.with_value(|s| s.save(&text)));
        match result {
            Ok(()) => {
                self.seen(revision);
                self.dismiss_banner(BannerTopic::Save);
                Some(revision)
            }
            Err(why) => {
                self.show_banner(
                    BannerTopic::Save,
                    format!("Your last change could not be saved to browser storage ({why}). It is kept in this page until another tab saves; free up browser storage (Settings lists kept backups you can delete) or export it (Export Data) before closing this page."),
                );
                None
            }
        }
    }

    pub fn storage(&self) -> SnapshotStore {
        self.storage.get_value()
    }

    // ---- banners and toasts -------------------------------------------------------------

    pub fn banners(&self) -> Signal<Vec<Banner>> {
        self.banners.into()
    }

    pub fn show_banner(&self, topic: BannerTopic, text: String) {
        self.banners.update(|b| {
            b.retain(|x| x.topic != topic);
            b.push(Banner { topic, text });
        });
    }

    pub fn dismiss_banner(&self, topic: BannerTopic) {
        if self
            .banners
            .with_untracked(|b| b.iter().any(|x| x.topic == topic))
        {
            self.banners.update(|b| b.retain(|x| x.topic != topic));
        }
    }

    pub fn toasts(&self) -> Signal<Vec<Toast>> {
        self.toasts.into()
    }

    pub fn toast(&self, kind: ToastKind, text: String) {
        let Some(id) = self.toast_seq.try_get_value().map(|n| n + 1) else {
            return; // the console is gone
        };
        self.toast_seq.set_value(id);
        self.toasts.try_update(|t| t.push(Toast { id, kind, text }));
        let toasts = self.toasts;
        set_timeout(
            move || {
                toasts
                    .try_update(|t| t.retain(|x| x.id != id))
                    .unwrap_or(())
            },
            TOAST_TIME,
        );
    }

    pub fn dismiss_toast(&self, id: u64) {
        self.toasts.update(|t| t.retain(|x| x.id != id));
    }
}

/// Whether the page is in the background (another tab in front, minimised).
fn page_hidden() -> bool {
    web_sys::window()
        .and_then(|w| w.document())
        .is_some_and(|d| d.hidden())
}

/// A console over a saved state, brought up to `now` (transitions due while it was away).
fn restored(mut console: Console, now: Millis) -> Console {
    console.tick(now);
    console
}

/// The store provided by the shell.
pub fn use_store() -> ConsoleStore {
    expect_context::<ConsoleStore>()
}

//! The one reactive wrapper around the core's [`Console`]. Views read it through memos
//! ([`ConsoleStore::track_ticks`], [`ConsoleStore::track_changes`]); every change is a
//! [`Command`] sent to [`ConsoleStore::act`] (or the clock's [`ConsoleStore::tick`]), which is
//! also what saves: under the cross-tab lock, to the freshest saved state
//! ([`crate::persistence`]). A refused command changes nothing and notifies nobody.

use std::rc::Rc;
use std::time::Duration;

use console_core::{Catalog, Command, Console, DomainError, Millis, Outcome};
use leptos::prelude::*;
use leptos::task::spawn_local;

use crate::clock;
use crate::i18n::{say, t};
use crate::notices::{Banner, BannerTopic, Notices, ToastKind};
use crate::persistence::{tab_lock, Changed, Loaded, Persistence, SnapshotStore, StorageError};
use crate::shell::on_demand::{self, Reducer};

/// How long after the first paint the encoder learns the loaded state (out of the way of
/// start-up; a command before then saves with a full encode, as without it).
const PRIME_DELAY: Duration = Duration::from_millis(250);

#[derive(Clone, Copy)]
pub struct ConsoleStore {
    /// Notified by commands and by ticks that changed more than the passing of time (a
    /// status moved, a resource came or went): what [`Self::track_changes`] follows.
    console: RwSignal<Console>,
    /// Notified by every tick (progress, bills and times moved): [`Self::track_ticks`]
    /// follows it too. Lists follow only `console`, so a tick that moved only progress does
    /// not query 10,000 services or rebuild rows again.
    clock: Trigger,
    notices: Notices,
    persistence: StoredValue<Persistence>,
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
        let words = &t().shell;
        let mut banner = None;
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
                banner = Some((words.load_kept)(&say().snapshot_error(&error), &key));
                demo()
            }
            Loaded::Unreadable {
                error,
                backup: Err(why),
            } => {
                saving_enabled = false;
                banner = Some((words.load_not_kept)(
                    &say().snapshot_error(&error),
                    &why.to_string(),
                ));
                demo()
            }
            Loaded::Unavailable(why) => {
                saving_enabled = false;
                banner = Some((words.storage_unavailable)(&why.to_string()));
                demo()
            }
        };
        let banners = banner
            .map(|text| Banner {
                topic: BannerTopic::Load,
                text,
            })
            .into_iter()
            .collect();
        let store = ConsoleStore {
            console: RwSignal::new(console),
            clock: Trigger::new(),
            notices: Notices::new(banners),
            persistence: StoredValue::new(Persistence::new(storage, revision, saving_enabled, now)),
        };
        if save_now {
            // After the first paint, with the encoder's module (in the split site, a module
            // fetched then, out of the first page's way). Should it not load, the demo is
            // seeded anew, or the older form migrated anew, on the next load: nothing is lost.
            clock::when_idle_after_paint(move || {
                spawn_local(async move {
                    let Ok(reducer) = on_demand::reducer().await else {
                        return;
                    };
                    store
                        .locked(move || {
                            let now = clock::now();
                            store.catch_up(now);
                            ((), store.save(now, reducer))
                        })
                        .await
                })
            });
        } else if saving_enabled {
            // A moment after the first rows are painted, the encoder learns the loaded state,
            // so the first command's save re-serialises only what that command changed.
            clock::after_next_paint(PRIME_DELAY, move || spawn_local(store.prime_encoder()));
        }
        store
    }

    /// Reads the console, tracking every change, the passing of time included: what reads
    /// it runs again on every tick.
    pub fn track_ticks<T>(&self, f: impl FnOnce(&Console) -> T) -> T {
        self.clock.track();
        self.console.with(f)
    }

    /// Reads the console, tracking every change but the mere passing of time: commands, and
    /// ticks that moved a status or added or removed a resource (progress, bills and times
    /// may be stale). For what only those change: lists, their rows' keys, the header.
    pub fn track_changes<T>(&self, f: impl FnOnce(&Console) -> T) -> T {
        self.console.with(f)
    }

    /// Reads the console without tracking (event handlers).
    pub fn untracked<T>(&self, f: impl FnOnce(&Console) -> T) -> T {
        self.console.with_untracked(f)
    }

    /// Applies a command to the freshest saved state, under the cross-tab lock (a moment
    /// later when the lock is taken, at once where there are no locks), and gives the result.
    /// On success views update and the state is saved; on refusal nothing changed, so nobody
    /// is notified. In the split release site the reducer is a module fetched after the first
    /// paint: a command sent before it arrived waits for it, and one whose module cannot be
    /// fetched is refused with [`DomainError::NotLoaded`].
    pub async fn act(self, command: Command) -> Result<Outcome, DomainError> {
        let reducer = on_demand::reducer()
            .await
            .map_err(|_| DomainError::NotLoaded)?;
        let result = self
            .locked(move || self.apply_fresh(reducer, command))
            .await;
        if result.is_ok() {
            // Views hear of the change only now, so whoever awaits this result runs before
            // they re-render (and may dispose of the view that asked).
            self.console.try_update(|_| ());
        }
        result
    }

    /// Like [`Self::act`], and reports the outcome (or the refusal) as a toast.
    pub async fn act_and_report(self, command: Command) -> Result<Outcome, DomainError> {
        let result = self.act(command).await;
        match &result {
            Ok(outcome) => self
                .notices
                .toast(ToastKind::Success, say().outcome(outcome)),
            Err(error) => self
                .notices
                .toast(ToastKind::Error, say().domain_error(error)),
        }
        result
    }

    /// Sends a command whose result only its toast reports.
    pub fn send(&self, command: Command) {
        let store = *self;
        spawn_local(async move {
            let _ = store.act_and_report(command).await;
        });
    }

    /// The action of a confirm button: each dispatch sends a command (reported as a toast)
    /// and hands its result to `then`; `pending()` holds while one is on its way, so the
    /// button is disabled meanwhile and a double click does not send it twice. `then` may run
    /// after the view that asked is gone (the user navigated on): it reaches signals and
    /// callbacks with `try_` methods.
    pub fn command_action(
        &self,
        then: impl Fn(Result<Outcome, DomainError>) + 'static,
    ) -> Action<Command, ()> {
        let store = *self;
        let then = Rc::new(then);
        Action::new_local(move |command: &Command| {
            let (command, then) = (command.clone(), then.clone());
            async move { then(store.act_and_report(command).await) }
        })
    }

    /// The body of [`Self::act`], run while holding the lock: the result, and the revision
    /// saved. Views are notified by [`Self::act`].
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
        let written = result.as_ref().ok().and_then(|_| self.save(now, reducer));
        (result, written)
    }

    /// Runs `work` under the cross-tab lock on this store's key
    /// ([`crate::persistence::tab_lock`]); at once when the console is gone (`work` finds it
    /// closed).
    async fn locked<T: 'static>(&self, work: impl FnOnce() -> (T, Option<u64>) + 'static) -> T {
        let persistence = self.persistence;
        let Some(name) = persistence.try_with_value(Persistence::lock_name) else {
            return work().0;
        };
        let caught_up = move |published| {
            persistence
                .try_update_value(|p| p.caught_up(published))
                .unwrap_or(true)
        };
        tab_lock::locked(name, caught_up, work).await
    }

    /// Takes the saved state when another tab saved since this one last read or wrote (its
    /// `storage` event may not have arrived yet), and says whether it did. Saved text this
    /// console cannot read (a newer console's) is backed up before anything is saved over
    /// it. Only called under the lock.
    fn catch_up(&self, now: Millis) -> bool {
        let Some(changed) = self.persistence.try_update_value(|p| p.changed(now)) else {
            return false;
        };
        match changed {
            Changed::No => false,
            Changed::State { state, .. } => {
                self.console
                    .update(|c| *c = restored(c.adopting(state), now));
                true
            }
            Changed::Unreadable { error, backup } => {
                let (words, error) = (&t().shell, say().snapshot_error(&error));
                let text = match backup {
                    Ok(key) => (words.other_tab_kept)(&error, &key),
                    Err(why) => {
                        self.persistence.update_value(Persistence::stop_saving);
                        (words.other_tab_not_kept)(&error, &why.to_string())
                    }
                };
                self.notices.show_banner(BannerTopic::Load, text);
                false
            }
        }
    }

    /// Simulated time now (what the core's times are in).
    pub fn sim_now(&self) -> Millis {
        self.untracked(|c| c.sim_now(clock::now()))
    }

    /// The simulated time, tracked: what reads it runs again on every tick (a pool's progress
    /// and accrued cost are computed from it).
    pub fn ticking_now(&self) -> Millis {
        self.track_ticks(|c| c.sim_now(clock::now()))
    }

    /// Advances simulated time to now. What time changes (statuses, progress, bills) is
    /// recomputed exactly from the saved state on the next load, so it is saved at most every
    /// [`crate::persistence::TICK_SAVE_INTERVAL`], only to keep that replay short: with 10,000
    /// services a save on every tick that moved a status cost tens of milliseconds each second.
    pub fn tick(&self) {
        let now = clock::now();
        let Some(changed) = self.console.try_update_untracked(|c| c.tick_moved(now)) else {
            return; // the console is gone
        };
        if changed {
            self.persistence.update_value(Persistence::tick_changed);
            self.console.notify();
        }
        self.clock.notify();
        // A hidden tab leaves the saving to the one in front: its timers are throttled, and it
        // must not hold the lock while they are.
        if !page_hidden()
            && self
                .persistence
                .try_update_value(|p| p.tick_save_due(now))
                .unwrap_or(false)
        {
            let store = *self;
            spawn_local(async move {
                let Ok(reducer) = on_demand::reducer().await else {
                    return;
                };
                store
                    .locked(move || {
                        // Another tab's newer state replaces this one's replay (and needs no
                        // save).
                        if store.catch_up(now) {
                            return ((), None);
                        }
                        ((), store.save(now, reducer))
                    })
                    .await
            });
        }
    }

    /// Takes a state another tab saved, so this tab shows (and builds on) it.
    pub fn adopt_external(&self, text: &str) {
        if let Some(Some(state)) = self.persistence.try_update_value(|p| p.adopt(text)) {
            self.console
                .update(|c| *c = restored(c.adopting(state), clock::now()));
        }
    }

    /// Runs against another catalog (a valid `catalog.json` from the host).
    pub fn use_catalog(&self, catalog: Catalog) {
        if self.untracked(|c| c.catalog() != &catalog) {
            self.console.update(|c| c.set_catalog(catalog));
        }
    }

    /// Fills the encoder's caches from the state.
    async fn prime_encoder(self) {
        let Ok(reducer) = on_demand::reducer().await else {
            return;
        };
        let console = self.console;
        self.persistence
            .try_update_value(|p| console.try_with_untracked(|c| p.prime(reducer, c)));
    }

    /// Writes the state as the next revision and says which, if it could (a failure is a
    /// banner). Only called under the lock.
    fn save(&self, now: Millis, reducer: Reducer) -> Option<u64> {
        let console = self.console;
        let result = self
            .persistence
            .try_update_value(|p| {
                console
                    .try_with_untracked(|c| p.save(reducer, c, now))
                    .unwrap_or(Err(StorageError::Closed))
            })
            .unwrap_or(Err(StorageError::Closed));
        match result {
            Ok(written) => {
                if written.is_some() {
                    self.notices.dismiss_banner(BannerTopic::Save);
                }
                written
            }
            Err(why) => {
                self.notices
                    .show_banner(BannerTopic::Save, (t().shell.save_failed)(&why.to_string()));
                None
            }
        }
    }

    /// The storage this console saves to (Settings lists and removes backups through it).
    pub fn storage(&self) -> SnapshotStore {
        self.persistence.with_value(|p| p.storage().clone())
    }

    pub fn notices(&self) -> Notices {
        self.notices
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

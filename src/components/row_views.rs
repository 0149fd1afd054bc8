use console_core::Console;
use leptos::prelude::*;

use super::slots::Slots;
use crate::state::ConsoleStore;

/// The views of a list's rows, kept current by one effect. On each change of the console
/// (among thousands of moving services, a tick moves a status somewhere about every second)
/// it compares every row's key, and sets the view of only the rows whose key changed. A memo
/// per row, each following the console, woke every binding of every row on such a tick
/// (about 500 on a page of 50 services): more than half of a tick's script time.
///
/// `key` is what decides whether the view may have changed (cheap to compute and compare);
/// `view` is what the row shows. Neither follows the mere passing of time: progress is
/// written by a [`ProgressBoard`](super::progress_board::ProgressBoard).
pub struct RowViews<K: 'static, V: 'static> {
    store: ConsoleStore,
    key: fn(&Console, &str) -> Option<K>,
    view: fn(&Console, &str) -> Option<V>,
    rows: StoredValue<Slots<Row<K, V>>>,
}

impl<K, V> Clone for RowViews<K, V> {
    fn clone(&self) -> Self {
        *self
    }
}

impl<K, V> Copy for RowViews<K, V> {}

struct Row<K: 'static, V: 'static> {
    id: String,
    key: Option<K>,
    view: RwSignal<Option<V>>,
}

impl<K, V> RowViews<K, V>
where
    K: PartialEq + Send + Sync + 'static,
    V: Send + Sync + 'static,
{
    pub fn new(
        store: ConsoleStore,
        key: fn(&Console, &str) -> Option<K>,
        view: fn(&Console, &str) -> Option<V>,
    ) -> RowViews<K, V> {
        let views = RowViews {
            store,
            key,
            view,
            rows: StoredValue::new(Slots::default()),
        };
        Effect::new(move || {
            // Computed under the console's borrow, set after it (setting wakes the rows).
            let changed = store.track_changes(|c| {
                views.rows.try_update_value(|rows| {
                    let mut changed = Vec::new();
                    for row in rows.iter_mut() {
                        let now = key(c, &row.id);
                        if now != row.key {
                            row.key = now;
                            changed.push((row.view, view(c, &row.id)));
                        }
                    }
                    changed
                })
            });
            for (signal, now) in changed.unwrap_or_default() {
                signal.try_set(now);
            }
        });
        views
    }

    /// The view of the resource `id` (`None` once it is gone), current until the calling
    /// row is cleaned up.
    pub fn join(&self, id: String) -> RwSignal<Option<V>> {
        let (key, now) = self
            .store
            .untracked(|c| (self.key)(c, &id).map(|k| (k, (self.view)(c, &id))))
            .unzip();
        let view = RwSignal::new(now.flatten());
        let rows = self.rows;
        if let Some(number) = rows.try_update_value(|rows| rows.join(Row { id, key, view })) {
            // The list may be cleaned up first (its rows with it).
            on_cleanup(move || {
                rows.try_update_value(|rows| rows.leave(number));
            });
        }
        view
    }
}

//! The clock: advances simulated time while something is in transition, and only then. Faster
//! simulations tick more often, so progress moves smoothly at 60x.

use std::time::Duration;

use leptos::prelude::*;

use crate::state::ConsoleStore;

pub fn tick_while_moving(store: ConsoleStore) {
    let transitioning = Memo::new(move |_| store.track_changes(|c| c.has_transitions()));
    let speed = Memo::new(move |_| store.track_changes(|c| c.settings().clock.speed));
    // The interval is cleared when the effect re-runs (speed or movement changed) and when
    // the console is unmounted.
    Effect::new(move |_| {
        let every = if speed.get() > 1 { 250 } else { 1_000 };
        if transitioning.get() {
            if let Ok(handle) =
                set_interval_with_handle(move || store.tick(), Duration::from_millis(every))
            {
                on_cleanup(move || handle.clear());
            }
        }
    });
}

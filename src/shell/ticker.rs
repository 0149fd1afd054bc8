//! The clock: advances simulated time while something is in transition, and only then. Faster
//! simulations tick more often, so progress moves smoothly at 60x.

use std::time::Duration;

use leptos::prelude::*;

use crate::state::ConsoleStore;

pub fn tick_while_moving(store: ConsoleStore) {
    let transitioning = Memo::new(move |_| store.read(|c| c.has_transitions()));
    let speed = Memo::new(move |_| store.read(|c| c.settings().clock.speed));
    Effect::new(move |previous: Option<Option<IntervalHandle>>| {
        if let Some(Some(handle)) = previous {
            handle.clear();
        }
        let every = if speed.get() > 1 { 250 } else { 1_000 };
        transitioning
            .get()
            .then(|| {
                set_interval_with_handle(move || store.tick(), Duration::from_millis(every)).ok()
            })
            .flatten()
    });
}

//! Another tab saved: follow it through the `storage` event, so this tab shows (and builds on)
//! what the other one did.

use leptos::prelude::*;

use crate::state::ConsoleStore;

pub fn follow_other_tabs(store: ConsoleStore, key: String) {
    let on_storage = window_event_listener(leptos::ev::storage, move |ev| {
        if ev.key().as_deref() == Some(key.as_str()) {
            if let Some(text) = ev.new_value() {
                store.adopt_external(&text);
            }
        }
    });
    on_cleanup(move || on_storage.remove());
}

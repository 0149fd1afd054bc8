//! The top bar: product name and the region selector (all resources are per region).

use console_core::{Command, ServiceQuery};
use leptos::prelude::*;

use crate::i18n::t;
use crate::route::{use_router, Route, Section};
use crate::state::use_store;

/// Shows the product and the region; emits a region change as a command.
#[component]
pub fn Header() -> impl IntoView {
    let store = use_store();
    let router = use_router();
    // Keyed on the catalog's revision: a tick must not clone (and compare) every region.
    let catalog = Memo::new(move |_| store.track_changes(|c| c.catalog_revision()));
    let regions = Memo::new(move |_| {
        catalog.get(); // read, not `track()`: see the list's rows
        store.untracked(|c| c.catalog().regions.clone())
    });
    let current = Memo::new(move |_| store.track_changes(|c| c.region().to_string()));
    let select = move |region: String| {
        leptos::task::spawn_local(async move {
            let result = store.act(Command::SelectRegion { region }).await;
            // A details or deploy page belongs to its region; a list starts at page 1.
            if result.is_ok() {
                match router.route().get_untracked().section() {
                    Section::BatchServices => {
                        router.replace(Route::BatchServices(ServiceQuery::default()))
                    }
                    Section::RealTimeServices => {
                        router.replace(Route::RealTimeServices(Default::default()))
                    }
                    _ => {}
                }
            }
        });
    };
    let words = &t().shell;
    view! {
        <header class="top-bar">
            <span class="brand">"ModelArts"</span>
            <span class="product">{words.product}</span>
            <label class="region-picker">
                <span class="sr-only">{words.region}</span>
                <select id="region-select" aria-label=words.region on:change=move |ev| select(event_target_value(&ev))>
                    <For each=move || regions.get() key=|r| r.id.clone() let:region>
                        <option value=region.id.clone() selected=move || current.get() == region.id>
                            {region.name.clone()}
                        </option>
                    </For>
                </select>
            </label>
        </header>
    }
}

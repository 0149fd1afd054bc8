//! The console shell: header with the region selector, left navigation, the routed page,
//! banners and toasts. It also owns the clock ticks and the catalog override.

use std::time::Duration;

use console_core::{Catalog, ServiceQuery};
use leptos::prelude::*;
use leptos::task::spawn_local;

use crate::catalog_source;
use crate::clock;
use crate::components::banners::Banners;
use crate::components::toasts::Toasts;
use crate::pages::batch_services::details::ServiceDetails;
use crate::pages::batch_services::list::ServiceList;
use crate::pages::not_found::NotFound;
use crate::pages::pools::Pools;
use crate::pages::settings::Settings;
use crate::route::{Route, Router, Section};
use crate::state::{BannerTopic, ConsoleStore};
use crate::storage::SnapshotStore;

/// The console as deployed: browser storage and the host's `catalog.json`.
#[component]
pub fn App() -> impl IntoView {
    view! { <ConsoleApp storage=SnapshotStore::local() fetch_catalog=true /> }
}

/// The console over a given storage key; tests mount it with their own.
#[component]
pub fn ConsoleApp(storage: SnapshotStore, fetch_catalog: bool) -> impl IntoView {
    let store = ConsoleStore::open(storage.clone(), Catalog::embedded(), clock::now());
    provide_context(store);
    let router = Router::install();
    provide_context(router);

    if fetch_catalog {
        spawn_local(async move {
            match catalog_source::fetch_override().await {
                Ok(Some(catalog)) => store.use_catalog(catalog),
                Ok(None) => {}
                Err(why) => store.show_banner(BannerTopic::Catalog, format!("{why} The embedded catalog is used.")),
            }
        });
    }

    // Tick once a second, only while something is in transition.
    let transitioning = Memo::new(move |_| store.read(|c| c.has_transitions()));
    Effect::new(move |previous: Option<Option<IntervalHandle>>| {
        if let Some(Some(handle)) = previous {
            handle.clear();
        }
        transitioning
            .get()
            .then(|| set_interval_with_handle(move || store.tick(), Duration::from_secs(1)).ok())
            .flatten()
    });

    // Another tab saved: follow it, so neither tab overwrites the other's changes.
    let key = storage.key().to_string();
    let on_storage = window_event_listener(leptos::ev::storage, move |ev| {
        if ev.key().as_deref() == Some(key.as_str()) {
            if let Some(text) = ev.new_value() {
                store.adopt_external(&text);
            }
        }
    });
    on_cleanup(move || on_storage.remove());

    let route = router.route();
    let section = Memo::new(move |_| route.get().section());
    // The list stays mounted while only its query changes, so the search box keeps focus.
    let page = Memo::new(move |_| match route.get() {
        Route::BatchServices(_) => Route::BatchServices(ServiceQuery::default()),
        other => other,
    });
    let list_query = Signal::derive(move || match route.get() {
        Route::BatchServices(q) => q,
        _ => ServiceQuery::default(),
    });

    view! {
        <div class="console">
            <Header />
            <div class="console-body">
                <nav class="side-nav" aria-label="Console navigation">
                    <div class="nav-group">"Model Deployment"</div>
                    <a class="nav-item nested" href="#/batch-services" aria-current=move || (section.get() == Section::BatchServices).then_some("page")>"Batch Services"</a>
                    <a class="nav-item" href="#/pools" aria-current=move || (section.get() == Section::Pools).then_some("page")>"Dedicated Resource Pools"</a>
                    <a class="nav-item" href="#/settings" aria-current=move || (section.get() == Section::Settings).then_some("page")>"Settings"</a>
                </nav>
                <main class="content">
                    <Banners />
                    {move || match page.get() {
                        Route::BatchServices(_) => view! { <ServiceList query=list_query /> }.into_any(),
                        Route::ServiceDetails(id) => view! { <ServiceDetails service_id=id /> }.into_any(),
                        Route::Pools => view! { <Pools /> }.into_any(),
                        Route::Settings => view! { <Settings /> }.into_any(),
                        Route::NotFound(path) => view! { <NotFound path=path /> }.into_any(),
                    }}
                </main>
            </div>
            <Toasts />
        </div>
    }
}

/// The top bar: product name and the region selector (all resources are per region).
#[component]
fn Header() -> impl IntoView {
    let store = crate::state::use_store();
    let router = expect_context::<Router>();
    let regions = Memo::new(move |_| store.read(|c| c.catalog().regions.clone()));
    let current = Memo::new(move |_| store.read(|c| c.region().to_string()));
    view! {
        <header class="top-bar">
            <span class="brand">"ModelArts"</span>
            <span class="product">"Model Deployment Console"</span>
            <label class="region-picker">
                <span class="sr-only">"Region"</span>
                <select
                    aria-label="Region"
                    on:change=move |ev| {
                        let region = event_target_value(&ev);
                        if store.act(|c, _| c.select_region(&region)).is_ok() {
                            // A details page belongs to its region; a list starts at page 1.
                            if router.route().get_untracked().section() == Section::BatchServices {
                                router.replace(Route::BatchServices(ServiceQuery::default()));
                            }
                        }
                    }
                >
                    <For each=move || regions.get() key=|r| r.id.clone() let:region>
                        <option value=region.id.clone() selected=move || current.get() == region.id>{region.name.clone()}</option>
                    </For>
                </select>
            </label>
        </header>
    }
}

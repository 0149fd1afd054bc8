//! The console shell: header, left navigation, the routed page, banners and toasts. Its other
//! jobs live beside it: the clock ([`ticker`]), following other tabs
//! ([`crate::persistence::events`]) and the host's catalog ([`crate::catalog_source`]).

mod header;
mod nav;
pub mod on_demand;
mod ticker;

use console_core::{Catalog, PoolQuery, PoolType, RealTimeQuery, ServiceQuery};
use leptos::prelude::*;

use crate::catalog_source;
use crate::clock;
use crate::components::banners::Banners;
use crate::components::toasts::Toasts;
use crate::i18n::t;
use crate::pages::batch_services::list::ServiceList;
use crate::pages::not_found::NotFound;
use crate::persistence::{events, Loaded, SnapshotStore};
use crate::route::{RealTimeTab, Route, Router};
use crate::state::ConsoleStore;
use on_demand::{show, Fetch};

/// The console as deployed: browser storage and the host's `catalog.json`.
#[component]
pub fn App() -> impl IntoView {
    view! { <ConsoleApp storage=SnapshotStore::local() fetch_catalog=true /> }
}

/// The console over a given storage key; tests mount it with their own.
///
/// Saved data in the current stored form opens at once. Data of an older version (or JSON
/// written by hand) needs the JSON reader, which is a module of its own: the console opens
/// once it is fetched, and if it cannot be, says so and changes nothing.
#[component]
pub fn ConsoleApp(storage: SnapshotStore, fetch_catalog: bool) -> impl IntoView {
    if !storage.holds_older_form() || on_demand::json_reader_now().is_some() {
        return view! { <LoadConsole storage=storage fetch_catalog=fetch_catalog /> }.into_any();
    }
    let words = &t().shell;
    after_module(
        words.loading_saved,
        words.older_form_not_loaded,
        || async { on_demand::json_reader().await.map(|_| ()) },
        move || {
            let storage = storage.clone();
            view! { <LoadConsole storage=storage fetch_catalog=fetch_catalog /> }.into_any()
        },
    )
}

/// Reads the saved data and opens the console with it; where there is none (a first run), or
/// none usable, with the demo, whose module it fetches first when it is not there yet.
#[component]
fn LoadConsole(storage: SnapshotStore, fetch_catalog: bool) -> impl IntoView {
    let now = clock::now();
    let loaded = storage.load(now);
    if matches!(loaded, Loaded::State { .. }) {
        return view! { <OpenConsole storage=storage loaded=loaded demo=None fetch_catalog=fetch_catalog /> }
            .into_any();
    }
    if let Some(demo) = on_demand::demo_console_now(Catalog::embedded(), now) {
        return view! { <OpenConsole storage=storage loaded=loaded demo=Some(demo) fetch_catalog=fetch_catalog /> }
            .into_any();
    }
    // Taken once the demo's module is there (read again, were it ever needed twice).
    let loaded = std::cell::Cell::new(Some(loaded));
    let words = &t().shell;
    after_module(
        words.loading,
        words.demo_not_loaded,
        on_demand::demo_module,
        move || {
            let now = clock::now();
            let loaded = loaded.take().unwrap_or_else(|| storage.load(now));
            let demo = on_demand::demo_console_now(Catalog::embedded(), now);
            let storage = storage.clone();
            view! { <OpenConsole storage=storage loaded=loaded demo=demo fetch_catalog=fetch_catalog /> }
                .into_any()
        },
    )
}

/// Says `loading` while `fetch` fetches a module the console needs before it can open, then
/// shows `open()`; says `failed`, with "Try Again", when the module cannot be fetched.
fn after_module<F>(
    loading: &'static str,
    failed: &'static str,
    fetch: impl Fn() -> F + Copy + Send + 'static,
    open: impl Fn() -> AnyView + Send + 'static,
) -> AnyView
where
    F: std::future::Future<Output = Result<(), on_demand::NotLoaded>> + 'static,
{
    let (module, start) = on_demand::fetch_module(fetch);
    (move || match module.get() {
        Fetch::Loading => view! { <p class="page-loading" role="status">{loading}</p> }.into_any(),
        Fetch::Loaded => untrack(&open),
        Fetch::Failed => view! {
            <div class="page-not-loaded" role="alert">
                <p>{failed}</p>
                <button type="button" class="button" on:click=move |_| start()>
                    {t().shell.try_again}
                </button>
            </div>
        }
        .into_any(),
    })
    .into_any()
}

/// The console itself, once its saved data is read (and the demo made, where it is needed).
#[component]
fn OpenConsole(
    storage: SnapshotStore,
    loaded: Loaded,
    demo: Option<console_core::Console>,
    fetch_catalog: bool,
) -> impl IntoView {
    let store = ConsoleStore::open(
        storage.clone(),
        loaded,
        demo,
        Catalog::embedded(),
        clock::now(),
    );
    clock::mark("decoded");
    provide_context(store);
    provide_context(store.notices());
    let router = Router::install();
    provide_context(router);
    if fetch_catalog {
        catalog_source::use_override(store);
    }
    ticker::tick_while_moving(store);
    events::follow_other_tabs(store, storage.key().to_string());

    let route = router.route();
    // A list stays mounted while only its tab or query changes, so the search box keeps focus.
    let page = Memo::new(move |_| match route.get() {
        Route::BatchServices(_) => Route::BatchServices(ServiceQuery::default()),
        Route::RealTimeServices(_) => Route::RealTimeServices(RealTimeQuery::default()),
        Route::RealTimeDetails(id, _) => Route::RealTimeDetails(id, RealTimeTab::UsageGuides),
        Route::Pools(..) => Route::Pools(PoolType::DevelopmentTraining, PoolQuery::default()),
        other => other,
    });
    let list_query = Signal::derive(move || match route.get() {
        Route::BatchServices(q) => q,
        _ => ServiceQuery::default(),
    });
    let real_time_query = Signal::derive(move || match route.get() {
        Route::RealTimeServices(q) => q,
        _ => RealTimeQuery::default(),
    });
    let real_time_tab = Signal::derive(move || match route.get() {
        Route::RealTimeDetails(_, tab) => tab,
        _ => RealTimeTab::UsageGuides,
    });
    let pool_tab = Signal::derive(move || match route.get() {
        Route::Pools(t, _) => t,
        _ => PoolType::DevelopmentTraining,
    });
    let pool_query = Signal::derive(move || match route.get() {
        Route::Pools(_, q) => q,
        _ => PoolQuery::default(),
    });

    view! {
        <div class="console">
            <header::Header />
            <div class="console-body">
                <nav::SideNav />
                // The skip link of `index.html` leads here.
                <main class="content" id="main-content" tabindex="-1">
                    <Banners />
                    {move || match page.get() {
                        Route::BatchServices(_) => view! { <ServiceList query=list_query /> }.into_any(),
                        Route::RealTimeServices(_) => show!(on_demand::real_time_list; real_time_query),
                        Route::DeployRealTime => show!(on_demand::real_time_deploy),
                        Route::RealTimeDetails(id, _) => show!(on_demand::real_time_details; id, real_time_tab),
                        Route::ModifyRealTime(id) => show!(on_demand::real_time_modify; id),
                        Route::DeployService => show!(on_demand::deploy_page),
                        Route::ServiceDetails(id) => show!(on_demand::service_details; id),
                        Route::Pools(..) => show!(on_demand::pool_list; pool_tab, pool_query),
                        Route::CreatePool(t) => show!(on_demand::create_pool; t),
                        Route::PoolDetails(id) => show!(on_demand::pool_details; id),
                        Route::ScalePool(id) => show!(on_demand::scale_pool; id),
                        Route::Settings => show!(on_demand::settings_page),
                        Route::NotFound(path) => view! { <NotFound path=path /> }.into_any(),
                    }}
                </main>
            </div>
            <Toasts />
        </div>
    }
}

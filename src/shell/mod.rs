//! The console shell: header, left navigation, the routed page, banners and toasts. Its other
//! jobs live beside it: the clock ([`ticker`]), following other tabs ([`cross_tab`]) and the
//! host's catalog ([`crate::catalog_source`]).

mod cross_tab;
mod header;
mod nav;
pub mod on_demand;
mod ticker;

use console_core::{Catalog, PoolQuery, PoolType, ServiceQuery};
use leptos::prelude::*;

use crate::catalog_source;
use crate::clock;
use crate::components::banners::Banners;
use crate::components::toasts::Toasts;
use crate::pages::batch_services::list::ServiceList;
use crate::pages::not_found::NotFound;
use crate::route::{Route, Router};
use crate::state::ConsoleStore;
use crate::storage::SnapshotStore;
use on_demand::show;

/// The console as deployed: browser storage and the host's `catalog.json`.
#[component]
pub fn App() -> impl IntoView {
    view! { <ConsoleApp storage=SnapshotStore::local() fetch_catalog=true /> }
}

/// The console over a given storage key; tests mount it with their own.
///
/// Saved data in the current stored form (or none) opens at once. Data of an older version
/// (or JSON written by hand) needs the JSON reader, which is a module of its own: the console
/// opens once it is fetched, and if it cannot be, says so and changes nothing.
#[component]
pub fn ConsoleApp(storage: SnapshotStore, fetch_catalog: bool) -> impl IntoView {
    if !storage.holds_older_form() || on_demand::json_reader_now().is_some() {
        return view! { <OpenConsole storage=storage fetch_catalog=fetch_catalog /> }.into_any();
    }
    #[derive(Clone, Copy, PartialEq)]
    enum Reader {
        Loading,
        Loaded,
        Failed,
    }
    let reader = RwSignal::new(Reader::Loading);
    let fetch = move || {
        reader.set(Reader::Loading);
        leptos::task::spawn_local(async move {
            let done = match on_demand::json_reader().await {
                Ok(_) => Reader::Loaded,
                Err(on_demand::NotLoaded) => Reader::Failed,
            };
            let _ = reader.try_set(done);
        });
    };
    fetch();
    (move || match reader.get() {
        Reader::Loading => view! {
            <p class="page-loading" role="status">"Loading saved data..."</p>
        }
        .into_any(),
        Reader::Loaded => {
            let storage = storage.clone();
            untrack(move || view! { <OpenConsole storage=storage fetch_catalog=fetch_catalog /> })
                .into_any()
        }
        Reader::Failed => view! {
            <div class="page-not-loaded" role="alert">
                <p>
                    "The saved console data is in an older format, and the code that reads it could not be loaded. Check your network connection and try again. Nothing was changed."
                </p>
                <button type="button" class="button" on:click=move |_| fetch()>
                    "Try Again"
                </button>
            </div>
        }
        .into_any(),
    })
    .into_any()
}

/// The console itself, once its saved data can be read.
#[component]
fn OpenConsole(storage: SnapshotStore, fetch_catalog: bool) -> impl IntoView {
    let store = ConsoleStore::open(storage.clone(), Catalog::embedded(), clock::now());
    clock::mark("decoded");
    provide_context(store);
    let router = Router::install();
    provide_context(router);
    if fetch_catalog {
        catalog_source::use_override(store);
    }
    ticker::tick_while_moving(store);
    cross_tab::follow_other_tabs(store, storage.key().to_string());

    let route = router.route();
    // A list stays mounted while only its tab or query changes, so the search box keeps focus.
    let page = Memo::new(move |_| match route.get() {
        Route::BatchServices(_) => Route::BatchServices(ServiceQuery::default()),
        Route::Pools(..) => Route::Pools(PoolType::DevelopmentTraining, PoolQuery::default()),
        other => other,
    });
    let list_query = Signal::derive(move || match route.get() {
        Route::BatchServices(q) => q,
        _ => ServiceQuery::default(),
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
                <main class="content">
                    <Banners />
                    {move || match page.get() {
                        Route::BatchServices(_) => view! { <ServiceList query=list_query /> }.into_any(),
                        Route::DeployService => show!(on_demand::deploy_page, on_demand::preload_deploy_page),
                        Route::ServiceDetails(id) => show!(on_demand::service_details, on_demand::preload_service_details; id),
                        Route::Pools(..) => show!(on_demand::pool_list, on_demand::preload_pool_list; pool_tab, pool_query),
                        Route::CreatePool(t) => show!(on_demand::create_pool, on_demand::preload_create_pool; t),
                        Route::PoolDetails(id) => show!(on_demand::pool_details, on_demand::preload_pool_details; id),
                        Route::ScalePool(id) => show!(on_demand::scale_pool, on_demand::preload_scale_pool; id),
                        Route::Settings => show!(on_demand::settings_page, on_demand::preload_settings_page),
                        Route::NotFound(path) => view! { <NotFound path=path /> }.into_any(),
                    }}
                </main>
            </div>
            <Toasts />
        </div>
    }
}

//! The console shell: header, left navigation, the routed page, banners and toasts. Its other
//! jobs live beside it: the clock ([`ticker`]), following other tabs ([`cross_tab`]) and the
//! host's catalog ([`crate::catalog_source`]).

mod cross_tab;
mod header;
mod nav;
mod ticker;

use console_core::{Catalog, PoolQuery, PoolType, ServiceQuery};
use leptos::prelude::*;

use crate::catalog_source;
use crate::clock;
use crate::components::banners::Banners;
use crate::components::toasts::Toasts;
use crate::pages::batch_services::deploy::DeployPage;
use crate::pages::batch_services::details::ServiceDetails;
use crate::pages::batch_services::list::ServiceList;
use crate::pages::not_found::NotFound;
use crate::pages::pools::create::CreatePoolPage;
use crate::pages::pools::details::PoolDetails;
use crate::pages::pools::list::PoolList;
use crate::pages::pools::scale::ScalePool;
use crate::pages::settings::Settings;
use crate::route::{Route, Router};
use crate::state::ConsoleStore;
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
                        Route::DeployService => view! { <DeployPage /> }.into_any(),
                        Route::ServiceDetails(id) => view! { <ServiceDetails service_id=id /> }.into_any(),
                        Route::Pools(..) => view! { <PoolList pool_type=pool_tab query=pool_query /> }.into_any(),
                        Route::CreatePool(t) => view! { <CreatePoolPage pool_type=t /> }.into_any(),
                        Route::PoolDetails(id) => view! { <PoolDetails pool_id=id /> }.into_any(),
                        Route::ScalePool(id) => view! { <ScalePool pool_id=id /> }.into_any(),
                        Route::Settings => view! { <Settings /> }.into_any(),
                        Route::NotFound(path) => view! { <NotFound path=path /> }.into_any(),
                    }}
                </main>
            </div>
            <Toasts />
        </div>
    }
}

//! Typed hash routes (`#/batch-services?status=running`). Hash routes are what the real console
//! uses, and they survive a reload of any deep link on a static host with no fallback and under
//! any sub-path, which History-API routes (leptos_router 0.8's only mode) do not.

use console_core::query::{percent_decode as decode, percent_encode as encode};
use console_core::{PoolQuery, PoolType, RealTimeQuery, ServiceQuery};
use leptos::prelude::*;

use crate::i18n::t;

#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Route {
    /// The Real-Time Services list, with its search, filter, sort and page in the URL.
    RealTimeServices(RealTimeQuery),
    /// Model Deployment > Real-Time Services > Deploy.
    DeployRealTime,
    /// A real-time service's details page, on one of its tabs.
    RealTimeDetails(String, RealTimeTab),
    /// Modify a real-time service.
    ModifyRealTime(String),
    /// The Batch Services list, with its search, filter, sort and page in the URL.
    BatchServices(ServiceQuery),
    /// Model Deployment > Batch Services > Deploy.
    DeployService,
    ServiceDetails(String),
    /// Dedicated Resource Pools: the tab (pool type) and its list query, in the URL.
    Pools(PoolType, PoolQuery),
    /// Create Dedicated Resource Pool, for the type of the tab it was opened from.
    CreatePool(PoolType),
    PoolDetails(String),
    ScalePool(String),
    Settings,
    NotFound(String),
}

impl Route {
    /// Parses `location.hash` (with or without the leading `#`).
    pub fn parse(hash: &str) -> Route {
        let hash = hash.strip_prefix('#').unwrap_or(hash);
        let (path, query) = hash.split_once('?').unwrap_or((hash, ""));
        let segments: Vec<&str> = path.split('/').filter(|s| !s.is_empty()).collect();
        match segments.as_slice() {
            [] | ["batch-services"] => Route::BatchServices(ServiceQuery::from_url_query(query)),
            ["real-time-services"] => Route::RealTimeServices(RealTimeQuery::from_url_query(query)),
            ["real-time-services", "deploy"] => Route::DeployRealTime,
            ["real-time-services", id] => {
                Route::RealTimeDetails(decode(id), RealTimeTab::of(query))
            }
            ["real-time-services", id, "modify"] => Route::ModifyRealTime(decode(id)),
            ["batch-services", "deploy"] => Route::DeployService,
            ["batch-services", id] => Route::ServiceDetails(decode(id)),
            ["pools"] => Route::Pools(pool_type(query), PoolQuery::from_url_query(query)),
            ["pools", "create"] => Route::CreatePool(pool_type(query)),
            ["pools", id] => Route::PoolDetails(decode(id)),
            ["pools", id, "scale"] => Route::ScalePool(decode(id)),
            ["settings"] => Route::Settings,
            _ => Route::NotFound(path.to_string()),
        }
    }

    /// The hash for this route, e.g. `#/batch-services?status=running`.
    pub fn href(&self) -> String {
        match self {
            Route::RealTimeServices(q) => {
                let query = q.to_url_query();
                if query.is_empty() {
                    "#/real-time-services".into()
                } else {
                    format!("#/real-time-services?{query}")
                }
            }
            Route::DeployRealTime => "#/real-time-services/deploy".into(),
            Route::RealTimeDetails(id, RealTimeTab::UsageGuides) => {
                format!("#/real-time-services/{}", encode(id))
            }
            Route::RealTimeDetails(id, tab) => {
                format!("#/real-time-services/{}?tab={}", encode(id), tab.slug())
            }
            Route::ModifyRealTime(id) => format!("#/real-time-services/{}/modify", encode(id)),
            Route::BatchServices(q) => {
                let query = q.to_url_query();
                if query.is_empty() {
                    "#/batch-services".into()
                } else {
                    format!("#/batch-services?{query}")
                }
            }
            Route::DeployService => "#/batch-services/deploy".into(),
            Route::ServiceDetails(id) => format!("#/batch-services/{}", encode(id)),
            Route::Pools(pool_type, q) => {
                let query = q.to_url_query();
                let tab = format!("type={}", pool_type.slug());
                if query.is_empty() {
                    format!("#/pools?{tab}")
                } else {
                    format!("#/pools?{tab}&{query}")
                }
            }
            Route::CreatePool(pool_type) => format!("#/pools/create?type={}", pool_type.slug()),
            Route::PoolDetails(id) => format!("#/pools/{}", encode(id)),
            Route::ScalePool(id) => format!("#/pools/{}/scale", encode(id)),
            Route::Settings => "#/settings".into(),
            Route::NotFound(path) => format!("#{path}"),
        }
    }

    /// Which navigation entry this route belongs to.
    pub fn section(&self) -> Section {
        match self {
            Route::RealTimeServices(_)
            | Route::DeployRealTime
            | Route::RealTimeDetails(..)
            | Route::ModifyRealTime(_) => Section::RealTimeServices,
            Route::BatchServices(_) | Route::DeployService | Route::ServiceDetails(_) => {
                Section::BatchServices
            }
            Route::Pools(..)
            | Route::CreatePool(_)
            | Route::PoolDetails(_)
            | Route::ScalePool(_) => Section::Pools,
            Route::Settings => Section::Settings,
            Route::NotFound(_) => Section::None,
        }
    }
}

/// The `type=` of a pools URL; Development/Training when absent or unknown.
fn pool_type(query: &str) -> PoolType {
    query
        .split('&')
        .find_map(|pair| pair.strip_prefix("type="))
        .and_then(PoolType::from_slug)
        .unwrap_or(PoolType::DevelopmentTraining)
}

/// The tabs of a real-time service's details page, in the console's order; in the URL as
/// `?tab=<slug>` (Usage Guides, the first, without).
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum RealTimeTab {
    #[default]
    UsageGuides,
    Prediction,
    ConfigurationUpdates,
    Monitoring,
    Events,
    Logs,
    Billing,
}

impl RealTimeTab {
    pub const ALL: [RealTimeTab; 7] = [
        RealTimeTab::UsageGuides,
        RealTimeTab::Prediction,
        RealTimeTab::ConfigurationUpdates,
        RealTimeTab::Monitoring,
        RealTimeTab::Events,
        RealTimeTab::Logs,
        RealTimeTab::Billing,
    ];

    /// The tab's name in the page's language.
    pub fn label(self) -> &'static str {
        let (words, common) = (&t().real_time, &t().common);
        match self {
            RealTimeTab::UsageGuides => words.usage_guides,
            RealTimeTab::Prediction => words.prediction,
            RealTimeTab::ConfigurationUpdates => words.configuration_updates,
            RealTimeTab::Monitoring => words.monitoring,
            RealTimeTab::Events => common.events,
            RealTimeTab::Logs => words.logs,
            RealTimeTab::Billing => common.billing,
        }
    }

    pub fn slug(self) -> &'static str {
        match self {
            RealTimeTab::UsageGuides => "usage",
            RealTimeTab::Prediction => "prediction",
            RealTimeTab::ConfigurationUpdates => "updates",
            RealTimeTab::Monitoring => "monitoring",
            RealTimeTab::Events => "events",
            RealTimeTab::Logs => "logs",
            RealTimeTab::Billing => "billing",
        }
    }

    /// The `tab=` of a details URL; Usage Guides when absent or unknown.
    fn of(query: &str) -> RealTimeTab {
        query
            .split('&')
            .find_map(|pair| pair.strip_prefix("tab="))
            .and_then(|slug| RealTimeTab::ALL.into_iter().find(|t| t.slug() == slug))
            .unwrap_or(RealTimeTab::UsageGuides)
    }
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Section {
    RealTimeServices,
    BatchServices,
    Pools,
    Settings,
    None,
}

/// The current route as a signal, kept in step with the address bar.
#[derive(Clone, Copy)]
pub struct Router {
    route: RwSignal<Route>,
    /// A typed search's address-bar write, waiting for the typing to pause.
    pending: StoredValue<Option<TimeoutHandle>>,
}

/// How long typing must pause before the address bar follows a search.
const TYPING_PAUSE: std::time::Duration = std::time::Duration::from_millis(300);

impl Router {
    /// Reads the current hash and follows hash changes (back, forward, typed URLs).
    pub fn install() -> Router {
        let route = RwSignal::new(Route::parse(&current_hash()));
        let router = Router {
            route,
            pending: StoredValue::new(None),
        };
        let follow = move || {
            // The user went elsewhere (back, forward, a typed URL): a waiting search write
            // must not overwrite where they are now.
            router.cancel_pending();
            let next = Route::parse(&current_hash());
            if route.get_untracked() != next {
                route.set(next);
            }
        };
        let on_hash = window_event_listener(leptos::ev::hashchange, move |_| follow());
        let on_pop = window_event_listener(leptos::ev::popstate, move |_| follow());
        // A click (a link to a service, say) or leaving the page right after typing writes
        // the search first, so Back and a reload return to it.
        let on_click = window_event_listener(leptos::ev::click, move |_| router.flush());
        let on_hide = window_event_listener(leptos::ev::pagehide, move |_| router.flush());
        on_cleanup(move || {
            on_hash.remove();
            on_pop.remove();
            on_click.remove();
            on_hide.remove();
        });
        router
    }

    pub fn route(&self) -> Signal<Route> {
        self.route.into()
    }

    /// Goes to `route`, adding a history entry.
    pub fn push(&self, route: Route) {
        self.write(route, false);
    }

    /// Goes to `route` in place (filters, paging), so Back leaves the page instead.
    pub fn replace(&self, route: Route) {
        self.write(route, true);
    }

    /// Like [`Self::replace`] for a search being typed: the page follows at once, the address
    /// bar once typing pauses: a history write costs the browser milliseconds, too many for
    /// every keystroke.
    pub fn replace_typed(&self, route: Route) {
        self.cancel_pending();
        if self.route.get_untracked() != route {
            self.route.set(route);
        }
        let router = *self;
        let handle = set_timeout_with_handle(move || router.flush(), TYPING_PAUSE).ok();
        self.pending.set_value(handle);
    }

    fn write(&self, route: Route, replace: bool) {
        // A search still waiting goes first, so Back returns to it.
        self.flush();
        write_url(&route.href(), replace);
        if self.route.get_untracked() != route {
            self.route.set(route);
        }
    }

    /// Writes a waiting search to the address bar now.
    fn flush(&self) {
        if self.cancel_pending() {
            write_url(&self.route.get_untracked().href(), true);
        }
    }

    /// Drops a waiting search write, and says whether there was one.
    fn cancel_pending(&self) -> bool {
        match self.pending.try_update_value(Option::take).flatten() {
            Some(handle) => {
                handle.clear();
                true
            }
            None => false,
        }
    }
}

fn write_url(href: &str, replace: bool) {
    if let Ok(history) = window().history() {
        let url = Some(href);
        let _ = if replace {
            history.replace_state_with_url(&wasm_bindgen::JsValue::NULL, "", url)
        } else {
            history.push_state_with_url(&wasm_bindgen::JsValue::NULL, "", url)
        };
    }
}

fn current_hash() -> String {
    window().location().hash().unwrap_or_default()
}

/// The router provided by the shell.
pub fn use_router() -> Router {
    expect_context::<Router>()
}

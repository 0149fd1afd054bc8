//! Typed hash routes (`#/batch-services?status=running`). Hash routes are what the real console
//! uses, and they survive a reload of any deep link on a static host with no fallback and under
//! any sub-path, which History-API routes (leptos_router 0.8's only mode) do not.

use console_core::query::PAGE_SIZES;
use console_core::{ServiceQuery, ServiceStatus, SortKey, SortOrder};
use leptos::prelude::*;

#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Route {
    /// The Batch Services list, with its search, filter, sort and page in the URL.
    BatchServices(ServiceQuery),
    ServiceDetails(String),
    Pools,
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
            [] | ["batch-services"] => Route::BatchServices(parse_query(query)),
            ["batch-services", id] => Route::ServiceDetails(decode(id)),
            ["pools"] => Route::Pools,
            ["settings"] => Route::Settings,
            _ => Route::NotFound(path.to_string()),
        }
    }

    /// The hash for this route, e.g. `#/batch-services?status=running`.
    pub fn href(&self) -> String {
        match self {
            Route::BatchServices(q) => {
                let query = format_query(q);
                if query.is_empty() {
                    "#/batch-services".into()
                } else {
                    format!("#/batch-services?{query}")
                }
            }
            Route::ServiceDetails(id) => format!("#/batch-services/{}", encode(id)),
            Route::Pools => "#/pools".into(),
            Route::Settings => "#/settings".into(),
            Route::NotFound(path) => format!("#{path}"),
        }
    }

    /// Which navigation entry this route belongs to.
    pub fn section(&self) -> Section {
        match self {
            Route::BatchServices(_) | Route::ServiceDetails(_) => Section::BatchServices,
            Route::Pools => Section::Pools,
            Route::Settings => Section::Settings,
            Route::NotFound(_) => Section::None,
        }
    }
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Section {
    BatchServices,
    Pools,
    Settings,
    None,
}

fn parse_query(query: &str) -> ServiceQuery {
    let mut q = ServiceQuery::default();
    for pair in query.split('&').filter(|p| !p.is_empty()) {
        let (key, value) = pair.split_once('=').unwrap_or((pair, ""));
        let value = decode(value);
        match key {
            "name" => q.name = value,
            "status" => q.status = ServiceStatus::from_api_value(&value),
            "sort" if value == "name" => q.sort = SortKey::Name,
            "order" if value == "asc" => q.order = SortOrder::Asc,
            "page" => q.page = value.parse().ok().filter(|p| *p >= 1).unwrap_or(1),
            "size" => {
                q.page_size = value.parse().ok().filter(|s| PAGE_SIZES.contains(s)).unwrap_or(PAGE_SIZES[0])
            }
            _ => {}
        }
    }
    q
}

fn format_query(q: &ServiceQuery) -> String {
    let mut parts = Vec::new();
    if !q.name.is_empty() {
        parts.push(format!("name={}", encode(&q.name)));
    }
    if let Some(status) = q.status {
        parts.push(format!("status={}", status.api_value()));
    }
    if q.sort == SortKey::Name {
        parts.push("sort=name".into());
    }
    if q.order == SortOrder::Asc {
        parts.push("order=asc".into());
    }
    if q.page != 1 {
        parts.push(format!("page={}", q.page));
    }
    if q.page_size != PAGE_SIZES[0] {
        parts.push(format!("size={}", q.page_size));
    }
    parts.join("&")
}

fn encode(text: &str) -> String {
    let mut out = String::new();
    for b in text.bytes() {
        if b.is_ascii_alphanumeric() || b"-_.~".contains(&b) {
            out.push(b as char);
        } else {
            out.push_str(&format!("%{b:02X}"));
        }
    }
    out
}

fn decode(text: &str) -> String {
    let bytes = text.as_bytes();
    let mut out = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while i < bytes.len() {
        let hex = bytes.get(i + 1..i + 3).and_then(|h| std::str::from_utf8(h).ok());
        match (bytes[i], hex.and_then(|h| u8::from_str_radix(h, 16).ok())) {
            (b'%', Some(byte)) => {
                out.push(byte);
                i += 3;
            }
            (b'+', _) => {
                out.push(b' ');
                i += 1;
            }
            (b, _) => {
                out.push(b);
                i += 1;
            }
        }
    }
    String::from_utf8_lossy(&out).into_owned()
}

/// The current route as a signal, kept in step with the address bar.
#[derive(Clone, Copy)]
pub struct Router {
    route: RwSignal<Route>,
}

impl Router {
    /// Reads the current hash and follows hash changes (back, forward, typed URLs).
    pub fn install() -> Router {
        let route = RwSignal::new(Route::parse(&current_hash()));
        let follow = move || {
            let next = Route::parse(&current_hash());
            if route.get_untracked() != next {
                route.set(next);
            }
        };
        let on_hash = window_event_listener(leptos::ev::hashchange, move |_| follow());
        let on_pop = window_event_listener(leptos::ev::popstate, move |_| follow());
        on_cleanup(move || {
            on_hash.remove();
            on_pop.remove();
        });
        Router { route }
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

    fn write(&self, route: Route, replace: bool) {
        let href = route.href();
        if let Ok(history) = window().history() {
            let url = Some(href.as_str());
            let _ = if replace {
                history.replace_state_with_url(&wasm_bindgen::JsValue::NULL, "", url)
            } else {
                history.push_state_with_url(&wasm_bindgen::JsValue::NULL, "", url)
            };
        }
        if self.route.get_untracked() != route {
            self.route.set(route);
        }
    }
}

fn current_hash() -> String {
    window().location().hash().unwrap_or_default()
}

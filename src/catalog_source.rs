//! The catalog the console runs against: the embedded default, optionally replaced by a
//! `catalog.json` served beside the app (validated by the core; the embedded one stays on any
//! problem).

use std::fmt;

use console_core::catalog::CatalogError;
use console_core::Catalog;
use leptos::task::spawn_local;
use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_futures::JsFuture;

use crate::i18n::{say, t};
use crate::notices::BannerTopic;
use crate::shell::on_demand;
use crate::state::ConsoleStore;

/// Fetches the override in the background once the first page has painted (starting the
/// fetch cost several milliseconds before the first rows could paint), and switches the
/// store to it; a broken one is reported as a banner and the embedded catalog stays.
pub fn use_override(store: ConsoleStore) {
    crate::clock::when_idle_after_paint(move || {
        spawn_local(async move {
            match fetch_override().await {
                Ok(Some(catalog)) => store.use_catalog(catalog),
                Ok(None) => {}
                Err(why) => store.notices().show_banner(
                    BannerTopic::Catalog,
                    (t().shell.catalog_banner)(&why.to_string()),
                ),
            }
        })
    });
}

/// Why the host's `catalog.json` is not used (its `Display` is the page's language).
#[derive(Debug)]
pub enum CatalogFetchError {
    /// The request failed (network, no window), in the browser's words.
    Fetch(String),
    /// The host answered with this HTTP status.
    Status(u16),
    /// The answer's body could not be read.
    Read(String),
    /// The module of its reader could not be fetched.
    ReaderNotLoaded,
    /// The core refused it.
    Invalid(CatalogError),
}

impl fmt::Display for CatalogFetchError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let words = &t().shell;
        f.write_str(&match self {
            CatalogFetchError::Fetch(why) => (words.catalog_not_fetched)(why),
            CatalogFetchError::Status(status) => (words.catalog_status)(*status),
            CatalogFetchError::Read(why) => (words.catalog_not_read)(why),
            CatalogFetchError::ReaderNotLoaded => words.catalog_reader_not_loaded.into(),
            CatalogFetchError::Invalid(e) => (words.catalog_ignored)(&say().catalog_error(e)),
        })
    }
}

/// Fetches `catalog.json` relative to the page. `Ok(None)`: the host serves none.
///
/// Through `window.fetch` itself: an HTTP client crate brought stream adapters into the main
/// module that this one request never uses.
pub async fn fetch_override() -> Result<Option<Catalog>, CatalogFetchError> {
    let fetched = |e| CatalogFetchError::Fetch(describe(e));
    let window =
        web_sys::window().ok_or_else(|| CatalogFetchError::Fetch(t().shell.no_window.into()))?;
    let response: web_sys::Response = JsFuture::from(window.fetch_with_str("catalog.json"))
        .await
        .map_err(fetched)?
        .unchecked_into();
    if response.status() == 404 {
        return Ok(None);
    }
    if !response.ok() {
        return Err(CatalogFetchError::Status(response.status()));
    }
    let read = |e| CatalogFetchError::Read(describe(e));
    let text = JsFuture::from(response.text().map_err(read)?)
        .await
        .map_err(read)?
        .as_string()
        .unwrap_or_default();
    // Read in the module of the JSON readers (the embedded catalog needs none).
    let reader = on_demand::json_reader()
        .await
        .map_err(|_| CatalogFetchError::ReaderNotLoaded)?;
    reader
        .catalog(&text)
        .map(Some)
        .map_err(CatalogFetchError::Invalid)
}

/// A JS error's message (`TypeError: Failed to fetch`), or what the value says of itself.
fn describe(error: JsValue) -> String {
    match error.dyn_ref::<js_sys::Error>() {
        Some(e) => format!("{}: {}", String::from(e.name()), String::from(e.message())),
        None => error.as_string().unwrap_or_else(|| format!("{error:?}")),
    }
}

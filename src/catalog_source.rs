//! The catalog the console runs against: the embedded default, optionally replaced by a
//! `catalog.json` served beside the app (validated by the core; the embedded one stays on any
//! problem).

use console_core::Catalog;
use gloo_net::http::Request;
use leptos::task::spawn_local;

use crate::state::{BannerTopic, ConsoleStore};

/// Fetches the override in the background once the first page has painted (starting the
/// fetch cost several milliseconds before the first rows could paint), and switches the
/// store to it; a broken one is reported as a banner and the embedded catalog stays.
pub fn use_override(store: ConsoleStore) {
    crate::clock::when_idle_after_paint(move || {
        spawn_local(async move {
            match fetch_override().await {
                Ok(Some(catalog)) => store.use_catalog(catalog),
                Ok(None) => {}
                Err(why) => store.show_banner(
                    BannerTopic::Catalog,
                    format!("{why} The embedded catalog is used."),
                ),
            }
        })
    });
}

/// Fetches `catalog.json` relative to the page. `Ok(None)`: the host serves none.
pub async fn fetch_override() -> Result<Option<Catalog>, String> {
    let response = Request::get("catalog.json")
        .send()
        .await
        .map_err(|e| format!("catalog.json could not be fetched ({e})"))?;
    if response.status() == 404 {
        return Ok(None);
    }
    if !response.ok() {
        return Err(format!("catalog.json answered HTTP {}", response.status()));
    }
    let text = response
        .text()
        .await
        .map_err(|e| format!("catalog.json could not be read ({e})"))?;
    Catalog::from_json(&text)
        .map(Some)
        .map_err(|e| format!("catalog.json was ignored: {e}"))
}

//! The catalog the console runs against: the embedded default, optionally replaced by a
//! `catalog.json` served beside the app (validated by the core; the embedded one stays on any
//! problem).

use console_core::Catalog;
use leptos::task::spawn_local;
use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_futures::JsFuture;

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
                    format!("{why} The embedded catalog is used."),
                ),
            }
        })
    });
}

/// Fetches `catalog.json` relative to the page. `Ok(None)`: the host serves none.
///
/// Through `window.fetch` itself: an HTTP client crate brought stream adapters into the main
/// module that this one request never uses.
pub async fn fetch_override() -> Result<Option<Catalog>, String> {
    let fetched = |e| format!("catalog.json could not be fetched ({})", describe(e));
    let window = web_sys::window().ok_or("catalog.json could not be fetched (no window)")?;
    let response: web_sys::Response = JsFuture::from(window.fetch_with_str("catalog.json"))
        .await
        .map_err(fetched)?
        .unchecked_into();
    if response.status() == 404 {
        return Ok(None);
    }
    if !response.ok() {
        return Err(format!("catalog.json answered HTTP {}", response.status()));
    }
    let read = |e| format!("catalog.json could not be read ({})", describe(e));
    let text = JsFuture::from(response.text().map_err(read)?)
        .await
        .map_err(read)?
        .as_string()
        .unwrap_or_default();
    // Read in the module of the JSON readers (the embedded catalog needs none).
    let reader = on_demand::json_reader()
        .await
        .map_err(|_| format!("catalog.json was ignored: {}.", on_demand::UNREAD))?;
    reader
        .catalog(&text)
        .map(Some)
        .map_err(|e| format!("catalog.json was ignored: {e}"))
}

/// A JS error's message (`TypeError: Failed to fetch`), or what the value says of itself.
fn describe(error: JsValue) -> String {
    match error.dyn_ref::<js_sys::Error>() {
        Some(e) => format!("{}: {}", String::from(e.name()), String::from(e.message())),
        None => error.as_string().unwrap_or_else(|| format!("{error:?}")),
    }
}

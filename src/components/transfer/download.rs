//! Saves a text as a file the way a browser download does (a Blob URL on a clicked link).

use std::fmt;

use wasm_bindgen::JsCast;

use crate::i18n::t;

/// The browser did not take the download (its `Display` is the page's language).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct DownloadRefused;

impl fmt::Display for DownloadRefused {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(t().common.download_refused)
    }
}

/// Offers `text` as the download `file_name`.
pub fn download(file_name: &str, text: &str) -> Result<(), DownloadRefused> {
    let fail = |_| DownloadRefused;
    let parts = js_sys::Array::of1(&text.into());
    let options = web_sys::BlobPropertyBag::new();
    options.set_type("application/json");
    let blob = web_sys::Blob::new_with_str_sequence_and_options(&parts, &options).map_err(fail)?;
    let url = web_sys::Url::create_object_url_with_blob(&blob).map_err(fail)?;
    let document = web_sys::window()
        .and_then(|w| w.document())
        .ok_or(DownloadRefused)?;
    let link: web_sys::HtmlAnchorElement =
        document.create_element("a").map_err(fail)?.unchecked_into();
    link.set_href(&url);
    link.set_download(file_name);
    link.click();
    // Released once the download has surely started (revoking at once can cancel it).
    leptos::prelude::set_timeout(
        move || {
            let _ = web_sys::Url::revoke_object_url(&url);
        },
        std::time::Duration::from_secs(10),
    );
    Ok(())
}

/// The browser's offset from UTC in minutes (east positive), for local file names.
pub fn local_offset_minutes() -> i32 {
    -(js_sys::Date::new_0().get_timezone_offset() as i32)
}

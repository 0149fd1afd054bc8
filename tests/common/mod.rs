//! Mounting helpers for the browser tests.
#![allow(dead_code)]

use leptos::prelude::*;
use modelarts_console::app::ConsoleApp;
use modelarts_console::storage::SnapshotStore;
use wasm_bindgen::JsCast;
use web_sys::HtmlElement;

/// A fresh storage key per test, so tests never see each other's state.
pub fn test_key(name: &str) -> String {
    format!("test/{name}/{}", js_sys::Math::random())
}

pub fn storage() -> web_sys::Storage {
    web_sys::window().unwrap().local_storage().unwrap().unwrap()
}

/// Mounts the whole console over `key` in a new element and returns that element.
pub fn mount_console(key: &str) -> HtmlElement {
    let _ = web_sys::window().unwrap().location().set_hash("");
    let document = web_sys::window().unwrap().document().unwrap();
    let root: HtmlElement = document.create_element("div").unwrap().unchecked_into();
    document.body().unwrap().append_child(&root).unwrap();
    let store = SnapshotStore::with_key(key);
    let handle = leptos::mount::mount_to(root.clone(), move || view! { <ConsoleApp storage=store.clone() fetch_catalog=false /> });
    handle.forget();
    root
}

pub async fn settle() {
    leptos::task::tick().await;
    gloo_timers_sleep(30).await;
}

async fn gloo_timers_sleep(ms: i32) {
    let promise = js_sys::Promise::new(&mut |resolve, _| {
        web_sys::window().unwrap().set_timeout_with_callback_and_timeout_and_arguments_0(&resolve, ms).unwrap();
    });
    wasm_bindgen_futures::JsFuture::from(promise).await.unwrap();
}

pub fn text(el: &HtmlElement) -> String {
    el.text_content().unwrap_or_default().split_whitespace().collect::<Vec<_>>().join(" ")
}

pub fn query(root: &HtmlElement, selector: &str) -> Vec<HtmlElement> {
    let list = root.query_selector_all(selector).unwrap();
    (0..list.length()).map(|i| list.item(i).unwrap().unchecked_into()).collect()
}

/// The table row whose name link reads `name`.
pub fn row(root: &HtmlElement, name: &str) -> Option<HtmlElement> {
    query(root, "tbody tr").into_iter().find(|r| {
        r.query_selector(".name-link").ok().flatten().and_then(|a| a.text_content()).as_deref() == Some(name)
    })
}

/// The button whose accessible name is `name` (its aria-label, else its text) inside `scope`.
pub fn button(scope: &HtmlElement, name: &str) -> HtmlElement {
    query(scope, "button")
        .into_iter()
        .find(|b| b.get_attribute("aria-label").unwrap_or_else(|| text(b)) == name)
        .unwrap_or_else(|| panic!("no button {name}"))
}

//! Mounting helpers for the browser tests.
#![allow(dead_code)]

use leptos::prelude::*;
use modelarts_console::persistence::SnapshotStore;
use modelarts_console::shell::ConsoleApp;
use wasm_bindgen::JsCast;
use web_sys::HtmlElement;

/// A fresh storage key per test, so tests never see each other's state.
pub fn test_key(name: &str) -> String {
    format!("test/{name}/{}", js_sys::Math::random())
}

pub fn storage() -> web_sys::Storage {
    web_sys::window().unwrap().local_storage().unwrap().unwrap()
}

thread_local! {
    /// The console mounted by the running test and its element; the next mount unmounts it,
    /// so an earlier test's console never ticks (and saves) into a later test's storage.
    static MOUNTED: std::cell::RefCell<Option<(leptos::mount::UnmountHandle<leptos::tachys::view::any_view::AnyViewState>, HtmlElement)>> =
        const { std::cell::RefCell::new(None) };
}

/// Mounts the whole console over `key` in a new element and returns that element.
pub fn mount_console(key: &str) -> HtmlElement {
    if let Some((handle, old_root)) = MOUNTED.with(|m| m.borrow_mut().take()) {
        drop(handle);
        old_root.remove();
    }
    let _ = web_sys::window().unwrap().location().set_hash("");
    let document = web_sys::window().unwrap().document().unwrap();
    let root: HtmlElement = document.create_element("div").unwrap().unchecked_into();
    document.body().unwrap().append_child(&root).unwrap();
    let store = SnapshotStore::with_key(key);
    let handle = leptos::mount::mount_to(root.clone(), move || {
        view! { <ConsoleApp storage=store.clone() fetch_catalog=false /> }.into_any()
    });
    MOUNTED.with(|m| *m.borrow_mut() = Some((handle, root.clone())));
    root
}

/// Lets effects run and the DOM update after an action: a task tick, then one macrotask turn
/// (a zero-delay timeout is not enough for effects queued by the first tick).
pub async fn next_render() {
    leptos::task::tick().await;
    sleep(30).await;
}

/// Waits (up to 3 s) until `done` holds: for what the console does a moment after an action,
/// e.g. a command that runs once the cross-tab lock is granted.
pub async fn until(what: &str, done: impl Fn() -> bool) {
    for _ in 0..150 {
        if done() {
            return;
        }
        sleep(20).await;
    }
    panic!("timed out waiting: {what}");
}

/// Picks a region in the header and waits until the console is in it (the command runs
/// under the cross-tab lock, a moment after the change).
pub async fn select_region(root: &HtmlElement, name: &str) {
    choose(root, "region-select", name);
    let wanted = format!("No batch services in {name}.");
    until(&format!("the console in {name}"), || {
        text(root).contains(&wanted)
    })
    .await;
    next_render().await;
}

pub async fn sleep(ms: i32) {
    let promise = js_sys::Promise::new(&mut |resolve, _| {
        web_sys::window()
            .unwrap()
            .set_timeout_with_callback_and_timeout_and_arguments_0(&resolve, ms)
            .unwrap();
    });
    wasm_bindgen_futures::JsFuture::from(promise).await.unwrap();
}

/// The open dialog named `title`.
pub fn dialog(root: &HtmlElement, title: &str) -> HtmlElement {
    query(root, "[role=dialog]")
        .into_iter()
        .find(|d| {
            d.query_selector(".dialog-title")
                .ok()
                .flatten()
                .and_then(|t| t.text_content())
                .as_deref()
                == Some(title)
        })
        .unwrap_or_else(|| panic!("no dialog {title}"))
}

/// Types `value` into the input or textarea with id `id`, then leaves it (blur).
pub fn type_into(root: &HtmlElement, id: &str, value: &str) {
    let el = root
        .query_selector(&format!("#{id}"))
        .unwrap()
        .unwrap_or_else(|| panic!("no #{id}"));
    if let Some(input) = el.dyn_ref::<web_sys::HtmlInputElement>() {
        input.set_value(value);
    } else {
        el.unchecked_ref::<web_sys::HtmlTextAreaElement>()
            .set_value(value);
    }
    el.dispatch_event(&web_sys::Event::new("input").unwrap())
        .unwrap();
    el.dispatch_event(&web_sys::Event::new("blur").unwrap())
        .unwrap();
}

/// Types `value` into field `id` (the control is then marked invalid) and returns the
/// message shown beside it.
pub async fn refused(root: &HtmlElement, id: &str, value: &str) -> String {
    type_into(root, id, value);
    next_render().await;
    assert!(
        marked_invalid(root, id),
        "#{id} is marked invalid for {value:?}"
    );
    field_message(root, id).unwrap_or_else(|| panic!("no message beside #{id} for {value:?}"))
}

/// The message shown beside the field whose control has id `id`, if any.
pub fn field_message(root: &HtmlElement, id: &str) -> Option<String> {
    root.query_selector(&format!("#{id}-message"))
        .unwrap()
        .map(|e| text(e.unchecked_ref()))
}

/// Whether the control with id `id` is marked invalid and points at its message.
pub fn marked_invalid(root: &HtmlElement, id: &str) -> bool {
    let el = root.query_selector(&format!("#{id}")).unwrap().unwrap();
    el.get_attribute("aria-invalid").as_deref() == Some("true")
        && el
            .get_attribute("aria-describedby")
            .is_some_and(|d| d.split(' ').any(|x| x == format!("{id}-message")))
}

/// Goes to a hash route and lets the page render.
pub async fn go(hash: &str) {
    web_sys::window()
        .unwrap()
        .location()
        .set_hash(hash)
        .unwrap();
    next_render().await;
}

/// Sets the simulation speed on Settings (e.g. "60" for 60x).
pub async fn set_speed(root: &HtmlElement, speed: &str) {
    go("#/settings").await;
    let select: web_sys::HtmlSelectElement = root
        .query_selector("select[aria-label='Simulation speed']")
        .unwrap()
        .expect("the speed select")
        .unchecked_into();
    select.set_value(speed);
    select
        .dispatch_event(&web_sys::Event::new("change").unwrap())
        .unwrap();
    next_render().await;
}

/// The percent a badge shows (its progress text) within `scope`.
pub fn progress(scope: &HtmlElement) -> u32 {
    let shown = scope
        .query_selector(".badge-progress")
        .unwrap()
        .expect("a progress is shown");
    text(&shown.unchecked_into())
        .trim_end_matches('%')
        .parse()
        .expect("a percent")
}

pub fn text(el: &HtmlElement) -> String {
    el.text_content()
        .unwrap_or_default()
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
}

pub fn query(root: &HtmlElement, selector: &str) -> Vec<HtmlElement> {
    let list = root.query_selector_all(selector).unwrap();
    (0..list.length())
        .map(|i| list.item(i).unwrap().unchecked_into())
        .collect()
}

/// The table row whose name link reads `name`.
pub fn row(root: &HtmlElement, name: &str) -> Option<HtmlElement> {
    query(root, "tbody tr").into_iter().find(|r| {
        r.query_selector(".name-link")
            .ok()
            .flatten()
            .and_then(|a| a.text_content())
            .as_deref()
            == Some(name)
    })
}

/// The button whose accessible name is `name` (its aria-label, else its text) inside `scope`.
pub fn button(scope: &HtmlElement, name: &str) -> HtmlElement {
    query(scope, "button")
        .into_iter()
        .find(|b| b.get_attribute("aria-label").unwrap_or_else(|| text(b)) == name)
        .unwrap_or_else(|| panic!("no button {name}"))
}

/// Picks the option reading `option_text` in the select with id `id`, as a user does.
pub fn choose(root: &HtmlElement, id: &str, option_text: &str) {
    let select: web_sys::HtmlSelectElement = root
        .query_selector(&format!("#{id}"))
        .unwrap()
        .unwrap_or_else(|| panic!("no #{id}"))
        .unchecked_into();
    let index = query(select.unchecked_ref(), "option")
        .iter()
        .position(|o| text(o) == option_text)
        .unwrap_or_else(|| panic!("no option {option_text} in #{id}"));
    select.set_selected_index(index as i32);
    select
        .dispatch_event(&web_sys::Event::new("change").unwrap())
        .unwrap();
}

/// The option reading `option_text` in the select with id `id`.
pub fn option(root: &HtmlElement, id: &str, option_text: &str) -> HtmlElement {
    query(root, &format!("#{id} option"))
        .into_iter()
        .find(|o| text(o) == option_text)
        .unwrap_or_else(|| panic!("no option {option_text} in #{id}"))
}

/// The saved text under `key`.
pub fn saved(key: &str) -> Option<String> {
    storage().get_item(key).unwrap()
}

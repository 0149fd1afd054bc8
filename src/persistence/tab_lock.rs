//! One tab at a time: a command runs while holding a Web Lock (`navigator.locks`) named after
//! the storage key, so the read-fresh, apply, save sequence of one tab never interleaves with
//! another's.
//!
//! The lock alone is not enough. Each tab reads localStorage from its own copy, which the
//! browser updates a moment after another tab writes; the next lock holder can be granted
//! the lock before that update arrives, and would build on a stale state. So the lock holder
//! publishes the revision it wrote through the lock manager itself: it holds a second lock
//! named `<name>@<revision>` until its next write (or until the tab closes). The next holder
//! asks the lock manager for those names, which are as current as the grant it just received,
//! and waits until its copy of storage has that revision before reading it.
//!
//! Where the browser has no Web Locks (or refuses them, e.g. in an opaque origin) the work runs
//! at once without the lock; `docs/decisions/cross-tab-lock.md` says what that leaves.

use std::cell::{Cell, RefCell};
use std::collections::HashMap;
use std::rc::Rc;

use js_sys::{Array, Function, Object, Promise, Reflect};
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use wasm_bindgen_futures::{future_to_promise, JsFuture};

/// How long a holder waits for its copy of storage to reach the published revision before it
/// goes on with what it has (a tab that wrote and then crashed mid-write).
const CATCH_UP_LIMIT_MS: f64 = 3_000.0;

/// Runs `work` under the exclusive lock `name` (once it is granted), or at once where locks
/// are missing, and gives back what it returned. It runs exactly once either way.
///
/// `caught_up(revision)` says whether this tab has seen `revision` (read or wrote it, or its
/// copy of storage holds it now); `work` returns its value and the revision it wrote, if it
/// wrote, which is published before the lock is let go.
pub async fn locked<T: 'static>(
    name: String,
    caught_up: impl Fn(u64) -> bool + 'static,
    work: impl FnOnce() -> (T, Option<u64>) + 'static,
) -> T {
    let Some(locks) = lock_manager() else {
        return work().0;
    };
    // Shared by the lock callback and the refusal handler: whichever comes first runs it.
    let work = Rc::new(Cell::new(Some(work)));
    let value = Rc::new(Cell::new(None));
    let (ran, on_ran) = resolvable();
    let run = {
        let (work, value, on_ran) = (work.clone(), value.clone(), on_ran.clone());
        move || -> Option<u64> {
            let work = work.take()?;
            let (out, written) = work();
            value.set(Some(out));
            let _ = on_ran.call0(&JsValue::UNDEFINED);
            written
        }
    };
    let run_unlocked = run.clone();
    let lock_name = name.clone();
    let granted = Closure::once_into_js(move |_lock: JsValue| -> JsValue {
        let locks = locks_or_undefined();
        future_to_promise(async move {
            let published = latest_published(&locks, &lock_name).await;
            wait_until(|| caught_up(published)).await;
            if let Some(written) = run() {
                publish(&locks, &lock_name, written).await;
            }
            Ok(JsValue::UNDEFINED)
        })
        .into()
    });
    match call(&locks, "request", &[JsValue::from_str(&name), granted]) {
        Some(promise) => {
            let refused = Closure::once_into_js(move |_error: JsValue| {
                run_unlocked();
            });
            let _ = call(&promise, "catch", &[refused]);
            let _ = JsFuture::from(ran).await;
        }
        None => {
            run_unlocked();
        }
    }
    value.take().expect("the work ran")
}

/// Whether this browser offers Web Locks to the page.
pub fn supported() -> bool {
    lock_manager().is_some()
}

fn lock_manager() -> Option<JsValue> {
    let locks = locks_or_undefined();
    let request = Reflect::get(&locks, &"request".into()).ok()?;
    request.is_function().then_some(locks)
}

fn locks_or_undefined() -> JsValue {
    let Some(window) = web_sys::window() else {
        return JsValue::UNDEFINED;
    };
    Reflect::get(&window, &"navigator".into())
        .and_then(|n| Reflect::get(&n, &"locks".into()))
        .unwrap_or(JsValue::UNDEFINED)
}

/// Calls `target[method](...args)`; `None` when it is missing or throws.
fn call(target: &JsValue, method: &str, args: &[JsValue]) -> Option<JsValue> {
    let f = Reflect::get(target, &method.into())
        .ok()?
        .dyn_into::<Function>()
        .ok()?;
    f.apply(target, &args.iter().collect::<Array>()).ok()
}

/// The highest revision a tab has published as a held `<name>@<revision>` lock (0 if none).
async fn latest_published(locks: &JsValue, name: &str) -> u64 {
    let Some(query) = call(locks, "query", &[]).and_then(|q| q.dyn_into::<Promise>().ok()) else {
        return 0;
    };
    let Ok(snapshot) = JsFuture::from(query).await else {
        return 0;
    };
    let prefix = format!("{name}@");
    let held = Reflect::get(&snapshot, &"held".into()).unwrap_or(JsValue::UNDEFINED);
    Array::from(&held)
        .iter()
        .filter_map(|lock| Reflect::get(&lock, &"name".into()).ok()?.as_string())
        .filter_map(|n| n.strip_prefix(&prefix)?.parse::<u64>().ok())
        .max()
        .unwrap_or(0)
}

/// Waits (briefly) until `done` says so.
async fn wait_until(done: impl Fn() -> bool) {
    let start = js_sys::Date::now();
    while !done() && js_sys::Date::now() - start < CATCH_UP_LIMIT_MS {
        sleep(2).await;
    }
}

async fn sleep(ms: i32) {
    let promise = Promise::new(&mut |resolve, _| {
        if let Some(window) = web_sys::window() {
            let _ = window.set_timeout_with_callback_and_timeout_and_arguments_0(&resolve, ms);
        }
    });
    let _ = JsFuture::from(promise).await;
}

thread_local! {
    /// Per lock name, what releases the `<name>@<revision>` lock this tab holds for its last
    /// write.
    static PUBLISHED: RefCell<HashMap<String, Function>> = RefCell::new(HashMap::new());
}

/// Holds `<name>@<revision>` (and lets go of the previous one) before the main lock is
/// released, so the next holder sees it.
async fn publish(locks: &JsValue, name: &str, revision: u64) {
    let (granted, on_granted) = resolvable();
    let key = name.to_string();
    let hold = Closure::once_into_js(move |_lock: JsValue| -> JsValue {
        let (held, release) = resolvable();
        let previous = PUBLISHED.with(|p| p.borrow_mut().insert(key, release));
        if let Some(previous) = previous {
            let _ = previous.call0(&JsValue::UNDEFINED);
        }
        let _ = on_granted.call0(&JsValue::UNDEFINED);
        held.into()
    });
    let options = Object::new();
    let _ = Reflect::set(&options, &"ifAvailable".into(), &JsValue::TRUE);
    let name = JsValue::from_str(&format!("{name}@{revision}"));
    if call(locks, "request", &[name, options.into(), hold]).is_some() {
        let _ = JsFuture::from(granted).await;
    }
}

/// A promise and the function that resolves it.
fn resolvable() -> (Promise, Function) {
    let resolver = Rc::new(RefCell::new(None::<Function>));
    let slot = resolver.clone();
    let promise = Promise::new(&mut |resolve, _| *slot.borrow_mut() = Some(resolve));
    let resolve = resolver
        .borrow_mut()
        .take()
        .expect("the executor runs at once");
    (promise, resolve)
}

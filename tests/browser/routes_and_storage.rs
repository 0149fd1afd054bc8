//! Routes and the storage adapter, in a real browser.

use crate::common::*;
use console_core::{
    Catalog, PoolPhase, PoolQuery, PoolType, ServiceQuery, ServiceStatus, SortKey, SortOrder,
};
use modelarts_console::persistence::storage::BACKUP_PREFIX;
use modelarts_console::persistence::{Changed, Loaded, SnapshotStore};
use modelarts_console::route::Route;
use wasm_bindgen_test::*;

#[wasm_bindgen_test]
fn routes_round_trip() {
    let routes = vec![
        Route::BatchServices(ServiceQuery::default()),
        Route::BatchServices(ServiceQuery {
            name: "a b&c=d/é%".into(),
            status: Some(ServiceStatus::Concerning),
            sort: SortKey::Name,
            order: SortOrder::Asc,
            page: 3,
            page_size: 50,
        }),
        Route::DeployService,
        Route::ServiceDetails("910a2dec-8902-4cc1-a9e4-9b199086d8d3".into()),
        Route::Pools(PoolType::DevelopmentTraining, PoolQuery::default()),
        Route::Pools(
            PoolType::ServiceDeployment,
            PoolQuery {
                name: "infer".into(),
                status: Some(PoolPhase::Abnormal),
                ..Default::default()
            },
        ),
        Route::CreatePool(PoolType::ServiceDeployment),
        Route::CreatePool(PoolType::DevelopmentTraining),
        Route::PoolDetails("pool-910a2dec".into()),
        Route::ScalePool("pool-910a2dec".into()),
        Route::Settings,
        Route::NotFound("/nowhere".into()),
    ];
    for route in routes {
        assert_eq!(Route::parse(&route.href()), route, "{}", route.href());
    }
    assert_eq!(
        Route::parse(""),
        Route::BatchServices(ServiceQuery::default())
    );
    assert_eq!(
        Route::parse("#/"),
        Route::BatchServices(ServiceQuery::default())
    );
    assert_eq!(
        Route::parse("#/pools"),
        Route::Pools(PoolType::DevelopmentTraining, PoolQuery::default())
    );
    assert_eq!(
        Route::parse("#/pools/create?type=bogus"),
        Route::CreatePool(PoolType::DevelopmentTraining)
    );
    // Nonsense parameters fall back to defaults instead of breaking the page.
    let q = ServiceQuery {
        page: 1,
        page_size: 10,
        ..Default::default()
    };
    assert_eq!(
        Route::parse("#/batch-services?page=-4&size=7&status=bogus&x=1"),
        Route::BatchServices(q)
    );
}

#[wasm_bindgen_test]
fn storage_loads_nothing_then_what_was_saved() {
    let key = test_key("roundtrip");
    let store = SnapshotStore::with_key(&key);
    assert!(matches!(store.load(1), Loaded::Nothing));
    let console = console_core::demo::demo_console(
        Catalog::embedded(),
        1_790_000_000_000,
        console_core::Lang::En,
    );
    store
        .save(&console_core::snapshot::Encoder::new().encode_console(&console, 1, 7))
        .unwrap();
    match store.load(2) {
        Loaded::State {
            state,
            current,
            revision,
        } => {
            assert_eq!(&state, console.state());
            assert!(current, "saved in the current version");
            assert_eq!(revision, 7, "the save's revision comes back");
        }
        other => panic!("expected the saved state, got {other:?}"),
    }
    assert_eq!(store.saved_revision(), Some(7));
    assert!(
        matches!(store.load_changed(7, 3), Changed::No),
        "nothing since what was read"
    );
    assert!(matches!(
        store.load_changed(3, 3),
        Changed::State { revision: 7, .. }
    ));
    // Another console's newer text is kept aside, never overwritten unseen.
    storage()
        .set_item(&key, r#"{"schema":"modelarts-console","version":99}"#)
        .unwrap();
    let Changed::Unreadable {
        backup: Ok(backup_key),
        ..
    } = store.load_changed(7, 4)
    else {
        panic!("unreadable text is reported");
    };
    assert_eq!(
        storage().get_item(&backup_key).unwrap().as_deref(),
        Some(r#"{"schema":"modelarts-console","version":99}"#)
    );
}

#[wasm_bindgen_test]
fn corrupt_storage_is_kept_under_a_backup_key() {
    let key = test_key("corrupt");
    storage().set_item(&key, "{this is not json").unwrap();
    let store = SnapshotStore::with_key(&key);
    let Loaded::Unreadable {
        error,
        backup: Ok(backup_key),
    } = store.load(42)
    else {
        panic!("expected an unreadable snapshot with a backup")
    };
    assert!(error.to_string().contains("not readable"));
    assert_eq!(backup_key, format!("{BACKUP_PREFIX}42"));
    assert_eq!(
        storage().get_item(&backup_key).unwrap().as_deref(),
        Some("{this is not json")
    );
    assert!(store.backup_keys().contains(&backup_key));
    store.remove_raw(&backup_key).unwrap();
}

/// Waits (up to 3 s) until `done` holds.
async fn until(done: impl Fn() -> bool, what: &str) {
    for _ in 0..300 {
        if done() {
            return;
        }
        sleep(10).await;
    }
    panic!("timed out waiting until {what}");
}

/// Names of the Web Locks held in this origin now.
async fn held_locks() -> Vec<String> {
    let window: wasm_bindgen::JsValue = web_sys::window().unwrap().into();
    let navigator = js_sys::Reflect::get(&window, &"navigator".into()).unwrap();
    let locks = js_sys::Reflect::get(&navigator, &"locks".into()).unwrap();
    let query: js_sys::Function = js_sys::Reflect::get(&locks, &"query".into())
        .unwrap()
        .into();
    let promise: js_sys::Promise = query.call0(&locks).unwrap().into();
    let snapshot = wasm_bindgen_futures::JsFuture::from(promise).await.unwrap();
    let held = js_sys::Reflect::get(&snapshot, &"held".into()).unwrap();
    js_sys::Array::from(&held)
        .iter()
        .filter_map(|l| js_sys::Reflect::get(&l, &"name".into()).ok()?.as_string())
        .collect()
}

#[wasm_bindgen_test]
async fn a_lock_holder_publishes_its_revision_and_the_next_waits_for_it() {
    use modelarts_console::persistence::tab_lock;
    use std::cell::Cell;
    use std::rc::Rc;
    assert!(tab_lock::supported(), "headless Chromium has Web Locks");
    let name = format!("test-lock-{}", js_sys::Math::random());
    let runs = Rc::new(Cell::new(0));
    let counter = runs.clone();
    let value = tab_lock::locked(
        name.clone(),
        |_| true,
        move || {
            counter.set(counter.get() + 1);
            ("done", Some(42))
        },
    )
    .await;
    assert_eq!(value, "done", "the work's value comes back");
    until(|| runs.get() == 1, "the work runs").await;
    sleep(20).await;
    assert_eq!(runs.get(), 1, "the work runs once");
    assert!(
        held_locks().await.contains(&format!("{name}@42")),
        "the revision written is published as a held lock"
    );
    // The next holder sees revision 42 published and waits until its copy of storage has it.
    let has_42 = Rc::new(Cell::new(false));
    let asked = Rc::new(Cell::new(0));
    let ran_after = Rc::new(Cell::new(None));
    let (seen, ran, check, published) = (
        has_42.clone(),
        ran_after.clone(),
        has_42.clone(),
        asked.clone(),
    );
    wasm_bindgen_futures::spawn_local(tab_lock::locked(
        name.clone(),
        move |revision| {
            published.set(revision);
            revision <= 41 || check.get()
        },
        move || {
            ran.set(Some(seen.get()));
            ((), Some(43))
        },
    ));
    until(
        || asked.get() == 42,
        "the lock manager tells the next holder about 42",
    )
    .await;
    sleep(50).await;
    assert_eq!(ran_after.get(), None, "it waits for revision 42");
    has_42.set(true);
    until(|| ran_after.get().is_some(), "it runs once its copy has 42").await;
    assert_eq!(ran_after.get(), Some(true));
    let held = held_locks().await;
    assert!(
        held.contains(&format!("{name}@43")) && !held.contains(&format!("{name}@42")),
        "{held:?}"
    );
}

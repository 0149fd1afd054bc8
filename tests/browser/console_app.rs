//! The mounted console: what a user sees after load, actions through the core, persistence.

use crate::common::*;
use console_core::snapshot;
use modelarts_console::persistence::storage::BACKUP_PREFIX;
use wasm_bindgen::JsCast;
use wasm_bindgen_test::*;

#[wasm_bindgen_test]
async fn first_start_shows_the_demo_data_and_saves_it() {
    let key = test_key("first");
    let root = mount_console(&key);
    next_render().await;
    assert!(text(&root).contains("Batch Services"));
    let running = row(&root, "mnist-batch-nightly").expect("demo row");
    assert!(text(&running).contains("Running"));
    assert!(text(&running).contains("CPU: 8 vCPUs | 32 GiB"));
    // Saved once the browser is idle after the first paint.
    until("saved on first start", || {
        storage().get_item(&key).unwrap().is_some()
    })
    .await;
    let saved = storage().get_item(&key).unwrap().unwrap();
    assert!(snapshot::decode(&saved).is_ok());
}

#[wasm_bindgen_test]
async fn a_corrupt_snapshot_starts_the_demo_with_a_banner_and_keeps_the_text() {
    let key = test_key("corrupt-app");
    storage()
        .set_item(
            &key,
            "{\"schema\":\"something-else\",\"version\":1,\"state\":{}}",
        )
        .unwrap();
    let root = mount_console(&key);
    next_render().await;
    let banner = query(&root, ".banner").pop().expect("a banner");
    assert_eq!(banner.get_attribute("role").as_deref(), Some("alert"));
    assert!(
        text(&banner).contains("could not be loaded"),
        "{}",
        text(&banner)
    );
    assert!(text(&banner).contains("another application"));
    assert!(
        row(&root, "mnist-batch-nightly").is_some(),
        "demo data shown"
    );
    let backups: Vec<String> = (0..storage().length().unwrap())
        .filter_map(|i| storage().key(i).unwrap())
        .filter(|k| k.starts_with(BACKUP_PREFIX))
        .collect();
    assert!(backups.iter().any(|k| storage()
        .get_item(k)
        .unwrap()
        .unwrap()
        .contains("something-else")));
    for k in backups {
        storage().remove_item(&k).unwrap();
    }
}

#[wasm_bindgen_test]
async fn disabled_actions_carry_the_cores_reason() {
    let root = mount_console(&test_key("reasons"));
    next_render().await;
    let edge = row(&root, "edge-camera-batch").unwrap();
    let stop = button(&edge, "Stop");
    assert_eq!(stop.get_attribute("aria-disabled").as_deref(), Some("true"));
    assert_eq!(
        stop.get_attribute("title").as_deref(),
        Some("Services deployed on ModelArts edge nodes or ModelArts edge resource pools cannot be stopped.")
    );
    let running = row(&root, "mnist-batch-nightly").unwrap();
    assert_eq!(
        button(&running, "Stop").get_attribute("aria-disabled"),
        None,
        "allowed action is enabled"
    );
    assert_eq!(
        button(&running, "Start").get_attribute("title").as_deref(),
        Some("The service is already running.")
    );
    assert_eq!(
        button(&running, "Delete").get_attribute("title").as_deref(),
        Some("A service cannot be deleted without agency authorization.")
    );
}

#[wasm_bindgen_test]
async fn stop_goes_through_the_core_and_is_saved() {
    let key = test_key("stop");
    let root = mount_console(&key);
    next_render().await;
    button(&row(&root, "mnist-batch-nightly").unwrap(), "Stop").click();
    next_render().await;
    let confirm = dialog(&root, "Stop Service");
    assert!(text(&confirm).contains("no longer billed"));
    assert!(
        text(&row(&root, "mnist-batch-nightly").unwrap()).contains("Running"),
        "nothing before OK"
    );
    button(&confirm, "OK").click();
    next_render().await;
    assert!(text(&row(&root, "mnist-batch-nightly").unwrap()).contains("Stopping"));
    let saved = snapshot::decode(&storage().get_item(&key).unwrap().unwrap()).unwrap();
    let service = saved.regions["cn-north-4"]
        .services
        .iter()
        .find(|s| s.service_name == "mnist-batch-nightly")
        .unwrap();
    assert_eq!(service.status, console_core::ServiceStatus::Stopping);
    assert!(text(&root).contains("mnist-batch-nightly: the service is stopping."));
}

#[wasm_bindgen_test]
async fn refused_delete_shows_the_reason_and_changes_nothing() {
    let key = test_key("refused");
    let root = mount_console(&key);
    next_render().await;
    // The demo's oldest services are on page 2 of 10 rows.
    go("#/batch-services?size=20").await;
    let before = storage().get_item(&key).unwrap();
    button(&row(&root, "flower-batch-2026-10").unwrap(), "Delete").click();
    next_render().await;
    let alert = query(&root, ".toast[role=alert]")
        .pop()
        .expect("an error toast");
    assert!(text(&alert).contains("A service cannot be deleted without agency authorization."));
    assert!(query(&root, "[role=dialog]").is_empty());
    assert!(text(&row(&root, "flower-batch-2026-10").unwrap()).contains("Completed"));
    assert_eq!(storage().get_item(&key).unwrap(), before, "nothing saved");
}

#[wasm_bindgen_test]
async fn pagination_and_page_size() {
    let key = test_key("paging");
    // 25 services in the default region.
    let mut console = console_core::demo::demo_console(
        console_core::Catalog::embedded(),
        1_000_000,
        console_core::Lang::En,
    );
    let mut state = console.state().clone();
    let services = &mut state.regions.get_mut("cn-north-4").unwrap().services;
    let template = services
        .iter()
        .find(|s| s.status == console_core::ServiceStatus::Finished)
        .unwrap()
        .clone();
    services.clear();
    for i in 0..25 {
        let mut s = template.clone();
        s.service_id = format!("id-{i}");
        s.service_name = format!("svc-{i:02}");
        s.publish_at += i;
        services.push(s);
    }
    console = console_core::Console::from_state(console_core::Catalog::embedded(), state);
    storage()
        .set_item(&key, &snapshot::encode(console.state(), 0))
        .unwrap();
    let root = mount_console(&key);
    next_render().await;
    assert_eq!(query(&root, "tbody tr").len(), 10);
    assert!(text(&root).contains("Total Records: 25"));
    assert!(text(&root).contains("Page 1 of 3"));
    assert_eq!(
        button(&root, "Previous page")
            .get_attribute("disabled")
            .as_deref(),
        Some("")
    );
    let next = button(&root, "Next page");
    assert_eq!(next.get_attribute("disabled"), None);
    assert_eq!(text(&next), "›");
    next.click();
    next_render().await;
    assert!(text(&root).contains("Page 2 of 3"));
    assert!(
        web_sys::window()
            .unwrap()
            .location()
            .hash()
            .unwrap()
            .contains("page=2"),
        "the page is in the URL"
    );
    assert!(
        row(&root, "svc-14").is_some(),
        "newest first: page 2 starts at svc-14"
    );
    let select: web_sys::HtmlSelectElement = wasm_bindgen::JsCast::unchecked_into(
        root.query_selector("select[aria-label='Rows per page']")
            .unwrap()
            .unwrap(),
    );
    select.set_value("50");
    select
        .dispatch_event(&web_sys::Event::new("change").unwrap())
        .unwrap();
    next_render().await;
    assert_eq!(query(&root, "tbody tr").len(), 25);
    assert!(text(&root).contains("Page 1 of 1"));
}

#[wasm_bindgen_test]
async fn settings_adds_and_removes_authorization_and_resets_the_demo() {
    let key = test_key("settings");
    let root = mount_console(&key);
    next_render().await;
    web_sys::window()
        .unwrap()
        .location()
        .set_hash("#/settings")
        .unwrap();
    next_render().await;
    assert!(text(&root).contains("Status: Not authorized"));
    button(&root, "Add Authorization").click();
    next_render().await;
    assert!(text(&root).contains("Status: Authorized"));
    assert!(
        snapshot::decode(&storage().get_item(&key).unwrap().unwrap())
            .unwrap()
            .settings
            .agency_authorized
    );
    button(&root, "Remove Authorization").click();
    next_render().await;
    assert!(text(&root).contains("Status: Not authorized"));
    assert!(
        !snapshot::decode(&storage().get_item(&key).unwrap().unwrap())
            .unwrap()
            .settings
            .agency_authorized
    );

    // Stop a service, then Reset demo data brings it back to Running.
    web_sys::window()
        .unwrap()
        .location()
        .set_hash("#/batch-services")
        .unwrap();
    next_render().await;
    button(&row(&root, "mnist-batch-nightly").unwrap(), "Stop").click();
    next_render().await;
    button(&dialog(&root, "Stop Service"), "OK").click();
    next_render().await;
    assert!(text(&row(&root, "mnist-batch-nightly").unwrap()).contains("Stopping"));
    web_sys::window()
        .unwrap()
        .location()
        .set_hash("#/settings")
        .unwrap();
    next_render().await;
    button(&root, "Reset demo data").click();
    next_render().await;
    let dialog = query(&root, "[role=dialog]").pop().expect("confirmation");
    assert!(text(&dialog).contains("cannot be undone"));
    button(&dialog, "OK").click();
    web_sys::window()
        .unwrap()
        .location()
        .set_hash("#/batch-services")
        .unwrap();
    next_render().await;
    assert!(text(&row(&root, "mnist-batch-nightly").unwrap()).contains("Running"));
    let _ = web_sys::window().unwrap().location().set_hash("");
}

#[wasm_bindgen_test]
async fn a_failed_write_is_shown_and_the_change_is_kept_in_the_page() {
    let key = test_key("quota");
    let root = mount_console(&key);
    next_render().await;
    // The stored form is compressed, so its size moves a little with every change: the
    // stored value is removed first and the quota filled to the last few characters, so
    // the next save (a whole state) cannot fit, whatever its exact size.
    storage().remove_item(&key).unwrap();
    // Fill the origin's quota to the last few characters.
    let mut fillers = Vec::new();
    for size in [256 * 1024, 16 * 1024, 1024, 64, 4] {
        let chunk = "x".repeat(size);
        loop {
            let k = format!("test/filler/{}", fillers.len());
            if storage().set_item(&k, &chunk).is_err() {
                break;
            }
            fillers.push(k);
        }
    }
    button(&row(&root, "mnist-batch-nightly").unwrap(), "Stop").click();
    next_render().await;
    button(&dialog(&root, "Stop Service"), "OK").click();
    next_render().await;
    let saved_after = saved(&key).unwrap_or_default();
    for k in &fillers {
        storage().remove_item(k).unwrap();
    }
    let banner = query(&root, ".banner").pop().unwrap_or_else(|| {
        panic!(
            "a banner about the failed save; saved has stopping: {}, fillers {}, page: {}",
            snapshot::decode(&saved_after).is_ok_and(|s| s.regions["cn-north-4"]
                .services
                .iter()
                .any(|s| s.status == console_core::ServiceStatus::Stopping)),
            fillers.len(),
            text(&root).chars().take(400).collect::<String>()
        )
    });
    assert!(
        text(&banner).contains("could not be saved"),
        "{}",
        text(&banner)
    );
    assert!(
        text(&row(&root, "mnist-batch-nightly").unwrap()).contains("Stopping"),
        "kept in the page"
    );
}

#[wasm_bindgen_test]
async fn select_all_matching_services_across_pages_then_clear() {
    let key = test_key("select-all");
    let root = mount_console(&key);
    next_render().await;
    let count = text(&query(&root, ".total").pop().unwrap());
    assert_eq!(count, "Total Records: 12");
    assert!(
        query(&root, ".toolbar .link-button").is_empty(),
        "nothing to offer before the page is selected"
    );
    let all_on_page = query(
        &root,
        "input[aria-label='Select all services on this page']",
    )
    .pop()
    .unwrap();
    all_on_page.click();
    next_render().await;
    assert!(text(&root).contains("10 selected"));
    button(&root, "Select all 12 matching services").click();
    next_render().await;
    assert!(text(&root).contains("12 selected"));
    assert!(query(&root, ".toolbar .link-button")
        .iter()
        .all(|b| !text(b).starts_with("Select all")));
    // The delete dialog covers all twelve (here refused: no agency authorization).
    button(&query(&root, ".toolbar").pop().unwrap(), "Delete").click();
    next_render().await;
    let dialog = dialog(&root, "Delete Service");
    assert_eq!(
        query(&dialog, "[aria-label='Services that cannot be deleted'] li").len(),
        12
    );
    button(&dialog, "Cancel").click();
    next_render().await;
    button(&root, "Clear selection").click();
    next_render().await;
    assert!(!text(&root).contains("selected"));
}

/// The clock moves progress in the list, and a tick touches only what moved: in a row whose
/// status stayed, only its progress (text and bar) changes; nothing else is re-rendered.
#[wasm_bindgen_test]
async fn ticks_move_progress_and_touch_nothing_else() {
    let root = mount_console(&test_key("ticks"));
    set_speed(&root, "60").await;
    go("#/batch-services").await;
    sleep(300).await;
    let status = |name: &str| {
        text(
            &row(&root, name)
                .unwrap()
                .query_selector(".badge")
                .unwrap()
                .unwrap()
                .unchecked_into(),
        )
    };
    let before = status("mnist-batch-nightly");
    assert!(before.starts_with("Running"), "{before}");
    // Every mutation in the table from now on, as "row name | what changed".
    let observe = js_sys::Function::new_with_args(
        "tbody",
        "window.__mutations = [];
         new MutationObserver((records) => { for (const r of records) {
           const el = r.target.nodeType === 1 ? r.target : r.target.parentElement;
           const row = el.closest('tr');
           const name = row && row.querySelector('.name-link') ? row.querySelector('.name-link').textContent : '?';
           const inProgress = !!el.closest('.badge-progress, .progress-track');
           window.__mutations.push(name + '|' + r.type + '|' + (inProgress ? 'progress' : el.className || el.tagName));
         } }).observe(tbody, { subtree: true, childList: true, characterData: true, attributes: true });",
    );
    let tbody = root.query_selector("tbody").unwrap().unwrap();
    observe.call1(&wasm_bindgen::JsValue::NULL, &tbody).unwrap();
    let statuses: Vec<(String, String)> = query(&root, "tbody tr .name-link")
        .iter()
        .map(|a| (text(a), status(&text(a))))
        .collect();
    sleep(1_200).await; // about five ticks at 60x
    let after = status("mnist-batch-nightly");
    assert_ne!(before, after, "progress moved");
    let mutations: Vec<String> =
        js_sys::Reflect::get(&web_sys::window().unwrap(), &"__mutations".into())
            .map(|m| {
                js_sys::Array::from(&m)
                    .iter()
                    .filter_map(|v| v.as_string())
                    .collect()
            })
            .unwrap_or_default();
    assert!(!mutations.is_empty(), "the ticks changed the table");
    for (name, was) in statuses {
        // A row whose status stayed (its progress may have moved) changed only its progress.
        if status(&name).split(' ').next() == was.split(' ').next() {
            for m in mutations
                .iter()
                .filter(|m| m.starts_with(&format!("{name}|")))
            {
                assert!(m.ends_with("|progress"), "{m}");
            }
        }
    }
}

/// A service started from Stopped shows Deploying with its progress at once, and the progress
/// then moves: the row's badge creates its progress spans anew, and its list's progress board
/// writes them.
#[wasm_bindgen_test]
async fn a_started_service_shows_its_deploying_progress_move() {
    let root = mount_console(&test_key("start-progress"));
    set_speed(&root, "2").await; // deploying takes 10 s
    go("#/batch-services").await;
    let service = || row(&root, "mnist-batch-weekly").unwrap();
    assert!(text(&service()).contains("Stopped"));
    button(&service(), "Start").click();
    until("the service is deploying", || {
        text(&service()).contains("Deploying")
    })
    .await;
    let first = progress(&service());
    sleep(1_500).await;
    let later = progress(&service());
    assert!(text(&service()).contains(&format!("Deploying {later}%")));
    assert!(later > first, "{first}% then {later}%");
}

/// The list follows each key typed into the search at once; the address bar follows once the
/// typing pauses, or at once when the user clicks on (a service's link), so Back returns to
/// the search.
#[wasm_bindgen_test]
async fn a_typed_search_reaches_the_address_bar_and_back_returns_to_it() {
    let key = test_key("search-url");
    let root = mount_console(&key);
    next_render().await;
    let hash = || web_sys::window().unwrap().location().hash().unwrap();
    let search: web_sys::HtmlInputElement = root
        .query_selector("input[type=search]")
        .unwrap()
        .expect("the search box")
        .unchecked_into();
    let type_search = |value: &str| {
        search.set_value(value);
        search
            .dispatch_event(&web_sys::Event::new("input").unwrap())
            .unwrap();
    };
    for typed in ["m", "mn", "mnist"] {
        type_search(typed);
    }
    next_render().await;
    assert!(row(&root, "mnist-batch-nightly").is_some());
    assert!(
        row(&root, "ocr-invoice-march").is_none(),
        "the list follows"
    );
    until("the search in the address bar", || {
        hash().contains("name=mnist")
    })
    .await;
    // Typed, then a service opened at once: Back returns to what was typed.
    type_search("ocr");
    next_render().await;
    let link: web_sys::HtmlElement = row(&root, "ocr-invoice-march")
        .expect("the searched row")
        .query_selector(".name-link")
        .unwrap()
        .unwrap()
        .unchecked_into();
    link.click();
    until("the details page", || {
        hash().starts_with("#/batch-services/")
    })
    .await;
    web_sys::window()
        .unwrap()
        .history()
        .unwrap()
        .back()
        .unwrap();
    until("the list with the search", || hash().contains("name=ocr")).await;
    next_render().await;
    assert!(row(&root, "ocr-invoice-march").is_some());
    assert!(row(&root, "mnist-batch-nightly").is_none());
}

//! The Deploy page and the Modify dialog: each bad input is refused with the core's message
//! next to its field, nothing is created or changed while an error stands, and a valid form
//! goes through its confirmation.

use crate::common::*;
use console_core::{snapshot, ServiceStatus};
use wasm_bindgen::JsCast;
use wasm_bindgen_test::*;

const NAME_RULE: &str = "Enter 1 to 64 characters, starting with a letter. Only letters, digits, hyphens (-), and underscores (_) are allowed.";
const OBS_RULE: &str = "Enter an OBS folder path such as obs://bucket/dir/.";

fn service_count(key: &str) -> usize {
    snapshot::decode(&saved(key).unwrap())
        .unwrap()
        .regions
        .values()
        .map(|r| r.services.len())
        .sum()
}

#[wasm_bindgen_test]
async fn deploy_refuses_each_bad_input_beside_its_field_and_creates_nothing() {
    let key = test_key("deploy-bad");
    let root = mount_console(&key);
    next_render().await;
    go("#/batch-services/deploy").await;
    assert!(text(&root).contains("Deploy"));
    // A first run saves the demo once the page has painted.
    until("the demo is saved", || saved(&key).is_some()).await;
    let before = saved(&key);
    let count = service_count(&key);

    let name = root.query_selector("#field-name").unwrap().unwrap();
    let prefilled = name.unchecked_ref::<web_sys::HtmlInputElement>().value();
    assert!(
        prefilled.starts_with("service-"),
        "pre-filled like service-3f9a: {prefilled}"
    );
    assert_eq!(
        field_message(&root, "field-name"),
        None,
        "no message before the user leaves a field"
    );

    for bad in ["", "1abc", "has space"] {
        assert_eq!(refused(&root, "field-name", bad).await, NAME_RULE);
    }
    assert_eq!(
        refused(&root, "field-name", "mnist-batch-nightly").await,
        "A service named mnist-batch-nightly already exists in this region."
    );
    assert!(refused(&root, "field-description", "a<b")
        .await
        .contains("!<>=+&"));
    assert_eq!(
        refused(&root, "field-input-path", "bucket/in").await,
        OBS_RULE
    );
    assert_eq!(
        refused(&root, "field-output-path", "obs://bucket/out").await,
        OBS_RULE
    );
    assert_eq!(
        refused(&root, "field-request-path", "infer").await,
        "Enter a path that starts with a slash (/), such as /."
    );
    for bad in ["0", "129", ""] {
        assert_eq!(
            refused(&root, "field-compute-nodes", bad).await,
            "Enter an integer from 1 to 128."
        );
    }
    button(&root, "Add Environment Variable").click();
    next_render().await;
    let key_input: web_sys::HtmlInputElement = query(&root, "input[aria-label=Key]")
        .pop()
        .unwrap()
        .unchecked_into();
    key_input.set_value("1X");
    key_input
        .dispatch_event(&web_sys::Event::new("input").unwrap())
        .unwrap();
    key_input
        .dispatch_event(&web_sys::Event::new("blur").unwrap())
        .unwrap();
    next_render().await;
    assert!(field_message(&root, "field-environment-variables")
        .unwrap()
        .contains("\"1X\" is invalid"));

    // Versions that are not Normal cannot be picked, and say why.
    let building = option(&root, "field-model-version-version", "0.0.3 (Building)");
    assert!(building.has_attribute("disabled"));
    assert!(building.get_attribute("title").unwrap().contains("Normal"));

    // CSV asks a column for each input field of the model.
    choose(&root, "field-mapping-type", "csv");
    next_render().await;
    button(&root, "Next").click();
    next_render().await;
    assert!(field_message(&root, "field-mapping-type")
        .unwrap()
        .contains("\"image\""));

    // Submitting shows every error in a summary and opens no confirmation.
    let summary = query(&root, ".error-summary")
        .pop()
        .expect("an error summary");
    assert_eq!(summary.get_attribute("role").as_deref(), Some("alert"));
    for label in [
        "Name:",
        "Description:",
        "Input Path:",
        "Output Path:",
        "Request Path:",
        "Compute Nodes:",
        "Environment Variables:",
    ] {
        assert!(
            text(&summary).contains(label),
            "{label} in {}",
            text(&summary)
        );
    }
    assert!(query(&root, "[role=dialog]").is_empty());
    assert_eq!(saved(&key), before, "nothing saved");
    assert_eq!(service_count(&key), count);
}

#[wasm_bindgen_test]
async fn a_valid_deploy_shows_the_price_asks_to_confirm_and_creates_a_deploying_service() {
    let key = test_key("deploy-ok");
    let root = mount_console(&key);
    next_render().await;
    go("#/batch-services/deploy").await;
    type_into(&root, "field-name", "nightly-scoring");
    type_into(&root, "field-input-path", "obs://bucket/in/");
    type_into(&root, "field-output-path", "obs://bucket/out/");
    choose(&root, "field-specifications", "CPU: 8 vCPUs | 32 GiB");
    type_into(&root, "field-compute-nodes", "3");
    next_render().await;
    assert!(
        text(&root).contains("Price: USD 1.98/hour while running"),
        "0.66 x 3 nodes"
    );
    button(&root, "Next").click();
    next_render().await;
    let confirm = dialog(&root, "Confirm Deployment");
    assert!(text(&confirm).contains("nightly-scoring"));
    assert!(text(&confirm).contains("USD 1.98/hour while running"));
    button(&confirm, "Back").click();
    next_render().await;
    assert!(query(&root, "[role=dialog]").is_empty());
    button(&root, "Next").click();
    next_render().await;
    button(&dialog(&root, "Confirm Deployment"), "Submit").click();
    next_render().await;
    let new_row = row(&root, "nightly-scoring").expect("back on the list with the new service");
    assert!(text(&new_row).contains("Deploying"));
    let state = snapshot::decode(&saved(&key).unwrap()).unwrap();
    let s = state.regions["cn-north-4"]
        .services
        .iter()
        .find(|s| s.service_name == "nightly-scoring")
        .unwrap();
    assert_eq!(
        (s.status, s.config().instance_count),
        (ServiceStatus::Deploying, 3)
    );
}

#[wasm_bindgen_test]
async fn sold_out_flavors_cannot_be_chosen() {
    let root = mount_console(&test_key("sold-out"));
    next_render().await;
    select_region(&root, "CN South-Guangzhou").await;
    go("#/batch-services/deploy").await;
    let p4 = option(
        &root,
        "field-specifications",
        "GPU: 1 x P4 | CPU: 8 vCPUs | 32 GiB (Sold out)",
    );
    assert!(p4.has_attribute("disabled"));
    assert_eq!(p4.get_attribute("title").as_deref(), Some("Sold out"));
}

#[wasm_bindgen_test]
async fn modify_refuses_bad_input_beside_its_field_and_changes_nothing() {
    let key = test_key("modify-bad");
    let root = mount_console(&key);
    next_render().await;
    // The demo's oldest services are on page 2 of 10 rows.
    go("#/batch-services?size=20").await;
    button(&row(&root, "flower-batch-2026-10").unwrap(), "Modify").click();
    next_render().await;
    let modify = dialog(&root, "Modify Service");
    // A first run saves the demo once the page has painted.
    until("the demo is saved", || saved(&key).is_some()).await;
    let before = saved(&key);
    assert_eq!(
        refused(&modify, "field-compute-nodes", "0").await,
        "Enter an integer from 1 to 128."
    );
    assert!(refused(&modify, "field-description", "x\"y")
        .await
        .contains("!<>=+&"));
    assert_eq!(
        refused(&modify, "field-input-path", "s3://x/").await,
        OBS_RULE
    );
    button(&modify, "OK").click();
    next_render().await;
    assert!(query(&modify, ".error-summary").pop().is_some());
    assert_eq!(saved(&key), before, "nothing saved");
    button(&modify, "Cancel").click();
    next_render().await;
    assert!(query(&root, "[role=dialog]").is_empty());
    assert!(text(&row(&root, "flower-batch-2026-10").unwrap()).contains("Compute nodes: 4"));
}

#[wasm_bindgen_test]
async fn modifying_a_running_service_lists_the_changes_before_restarting_it() {
    let key = test_key("modify-restart");
    let root = mount_console(&key);
    next_render().await;
    button(&row(&root, "ocr-invoice-march").unwrap(), "Modify").click();
    next_render().await;
    let modify = dialog(&root, "Modify Service");
    type_into(&modify, "field-compute-nodes", "3");
    next_render().await;
    button(&modify, "OK").click();
    next_render().await;
    let changes = query(&root, "table[aria-label=Changes] tbody tr");
    assert_eq!(changes.len(), 1);
    let cells: Vec<String> = query(&changes[0], "td").iter().map(text).collect();
    assert_eq!(cells, ["Compute Nodes", "1", "3"]);
    // A first run saves the demo once the page has painted.
    until("the demo is saved", || saved(&key).is_some()).await;
    let before = saved(&key);
    button(&dialog(&root, "Modify Service"), "Cancel").click();
    next_render().await;
    assert_eq!(saved(&key), before, "Cancel changes nothing");
    button(&dialog(&root, "Modify Service"), "OK").click();
    next_render().await;
    button(&dialog(&root, "Modify Service"), "OK").click();
    next_render().await;
    assert!(query(&root, "[role=dialog]").is_empty());
    assert!(text(&row(&root, "ocr-invoice-march").unwrap()).contains("Deploying"));
    let state = snapshot::decode(&saved(&key).unwrap()).unwrap();
    let s = state.regions["cn-north-4"]
        .services
        .iter()
        .find(|s| s.service_name == "ocr-invoice-march")
        .unwrap();
    assert_eq!(s.config().instance_count, 3);
    let last = s.events.last().unwrap().message();
    assert_eq!(
        last,
        "The service is restarted for the modification to take effect. Deploying."
    );
}

//! The real-time Deploy and Modify pages: each bad input is refused with the core's message
//! beside its field (a model version's fields beside that version), nothing is created or
//! changed while an error stands, and Cancel of an upgrade changes nothing.

use crate::common::*;
use console_core::snapshot;
use wasm_bindgen_test::*;

fn real_time_count(key: &str) -> usize {
    snapshot::decode(&saved(key).unwrap())
        .unwrap()
        .regions
        .values()
        .map(|r| r.real_time_services.len())
        .sum()
}

#[wasm_bindgen_test]
async fn real_time_deploy_refuses_each_bad_input_beside_its_field_and_creates_nothing() {
    let key = test_key("rt-deploy-bad");
    let root = mount_console(&key);
    next_render().await;
    go("#/real-time-services/deploy").await;
    until("the demo is saved", || saved(&key).is_some()).await;
    let before = saved(&key);
    let count = real_time_count(&key);
    assert!(text(&root).contains("Model Source"));
    assert!(text(&root).contains("Container image"));

    assert!(refused(&root, "field-name", "9lives")
        .await
        .starts_with("Enter 1 to 64 characters"));
    assert_eq!(
        refused(&root, "field-name", "mnist-realtime-gray").await,
        "A real-time service named mnist-realtime-gray already exists in this region."
    );
    assert!(refused(&root, "field-description", "a&b")
        .await
        .contains("!<>=+&"));
    // The first version's fields carry its number.
    assert_eq!(
        refused(&root, "field-traffic-ratio-1", "101").await,
        "Enter a whole number from 0 to 100."
    );
    assert_eq!(
        refused(&root, "field-compute-nodes-1", "0").await,
        "Enter an integer from 1 to 128."
    );
    assert_eq!(
        refused(&root, "field-timeout-1", "121").await,
        "Enter a whole number of minutes from 3 to 120."
    );
    // Custom Auto Stop takes 1-24 hours.
    choose(&root, "field-auto-stop-stop-after", "Custom");
    next_render().await;
    assert_eq!(
        refused(&root, "field-auto-stop", "25").await,
        "Enter a whole number of hours from 1 to 24."
    );
    // A second version: the ratios must add up to 100.
    type_into(&root, "field-traffic-ratio-1", "60");
    button(&root, "Add Model Version and Configuration").click();
    next_render().await;
    assert!(root
        .query_selector("#field-traffic-ratio-2")
        .unwrap()
        .is_some());
    assert!(
        root.query_selector("button[aria-label='Remove Model Version 2']")
            .unwrap()
            .is_some(),
        "a way to remove a version"
    );
    button(&root, "Next").click();
    next_render().await;
    assert_eq!(
        field_message(&root, "field-traffic-ratio").as_deref(),
        Some("The traffic ratios add up to 60%: they must add up to exactly 100%.")
    );
    let summary = query(&root, ".error-summary")
        .pop()
        .expect("an error summary");
    for label in [
        "Name:",
        "Description:",
        "Auto Stop:",
        "Traffic Ratio (%):",
        "Model version 1, Compute Nodes:",
        "Model version 1, Timeout:",
    ] {
        assert!(
            text(&summary).contains(label),
            "{label} in {}",
            text(&summary)
        );
    }
    assert!(query(&root, "[role=dialog]").is_empty(), "no confirmation");
    assert_eq!(saved(&key), before, "nothing saved");
    assert_eq!(real_time_count(&key), count);
}

#[wasm_bindgen_test]
async fn real_time_modify_refuses_bad_input_and_cancel_of_an_upgrade_changes_nothing() {
    let key = test_key("rt-modify");
    let root = mount_console(&key);
    next_render().await;
    until("the demo is saved", || saved(&key).is_some()).await;
    go("#/real-time-services").await;
    button(&row(&root, "mnist-realtime-gray").unwrap(), "Modify").click();
    sleep(50).await;
    next_render().await;
    assert!(text(&root).contains("Modify mnist-realtime-gray"));
    let before = saved(&key);
    assert_eq!(
        refused(&root, "field-traffic-ratio-2", "x").await,
        "Enter a whole number from 0 to 100."
    );
    assert!(refused(&root, "field-description", "<b>")
        .await
        .contains("!<>=+&"));
    button(&root, "Submit").click();
    next_render().await;
    assert!(query(&root, ".error-summary").pop().is_some());
    assert!(query(&root, "[role=dialog]").is_empty());
    assert_eq!(saved(&key), before, "nothing saved");
    // A valid change of the specifications is an interrupting upgrade (public pool): the
    // dialog says so and marks the table's cell; Cancel changes nothing.
    type_into(&root, "field-traffic-ratio-2", "10");
    type_into(&root, "field-description", "");
    type_into(&root, "field-compute-nodes-1", "2");
    next_render().await;
    button(&root, "Submit").click();
    next_render().await;
    let upgrade = dialog(&root, "Upgrade Service");
    assert!(text(&upgrade).contains("Version 0.0.1: Compute Nodes: 1 -> 2"));
    assert!(text(&upgrade).contains("The service will be interrupted during the upgrade."));
    let marked = query(&upgrade, "td[aria-current=true]");
    assert_eq!(marked.len(), 1);
    assert!(text(&marked[0]).starts_with("Not supported"));
    button(&upgrade, "Cancel").click();
    next_render().await;
    assert!(query(&root, "[role=dialog]").is_empty());
    assert_eq!(saved(&key), before, "Cancel changes nothing");
}

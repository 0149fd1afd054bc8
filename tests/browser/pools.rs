//! The Create Dedicated Resource Pool form: each rule refused with the core's message beside
//! its field, nothing created while an error stands, the live cost estimate of both billing
//! modes, the region rule, and a valid pool going through its confirmation.

use crate::common::*;
use console_core::snapshot;
use wasm_bindgen::JsCast;
use wasm_bindgen_test::*;
use web_sys::{HtmlElement, HtmlInputElement};

fn pool_names(key: &str) -> Vec<String> {
    snapshot::decode(&saved(key).unwrap())
        .unwrap()
        .regions
        .values()
        .flat_map(|r| r.pools.iter().map(|p| p.display_name().to_string()))
        .collect()
}

async fn refused(root: &HtmlElement, id: &str, value: &str) -> String {
    type_into(root, id, value);
    next_render().await;
    assert!(
        marked_invalid(root, id),
        "#{id} is marked invalid for {value:?}"
    );
    field_message(root, id).unwrap_or_else(|| panic!("no message beside #{id} for {value:?}"))
}

/// The radio button labelled `label`.
fn radio(root: &HtmlElement, label: &str) -> HtmlInputElement {
    query(root, "label.radio-option")
        .into_iter()
        .find(|l| text(l) == label)
        .unwrap_or_else(|| panic!("no radio {label}"))
        .query_selector("input")
        .unwrap()
        .unwrap()
        .unchecked_into()
}

fn checkbox(root: &HtmlElement, label: &str) -> HtmlInputElement {
    query(root, "label.checkbox-line")
        .into_iter()
        .find(|l| text(l) == label)
        .unwrap_or_else(|| panic!("no checkbox {label}"))
        .query_selector("input")
        .unwrap()
        .unwrap()
        .unchecked_into()
}

fn price(root: &HtmlElement) -> String {
    text(&query(root, ".pool-price").pop().expect("the price line"))
}

#[wasm_bindgen_test]
async fn create_refuses_each_rule_beside_its_field_and_creates_nothing() {
    let key = test_key("pool-bad");
    let root = mount_console(&key);
    next_render().await;
    go("#/pools/create?type=training").await;
    assert!(text(&root)
        .contains("Dedicated for Development/Training (set by the tab; it cannot be changed)"));
    assert!(
        query(&root, "#field-vpc").is_empty() && query(&root, "#field-az").is_empty(),
        "no network or AZ for Development/Training"
    );
    // A first run saves the demo once the page has painted.
    until("the demo is saved", || saved(&key).is_some()).await;
    let before = saved(&key);

    assert_eq!(refused(&root, "field-name", "").await, "Enter a name.");
    assert_eq!(
        refused(&root, "field-name", "abc").await,
        "Enter 4 to 64 characters."
    );
    assert_eq!(
        refused(&root, "field-name", "my pool").await,
        "Only letters, digits, hyphens (-), and underscores (_) are allowed."
    );
    assert_eq!(
        refused(&root, "field-name", "train-gpu-pool").await,
        "A resource pool named train-gpu-pool already exists in this region."
    );
    assert_eq!(
        refused(&root, "field-description", &"d".repeat(257)).await,
        "Enter at most 256 characters."
    );
    // The demo holds 10 of the region's 20 nodes.
    assert_eq!(
        refused(&root, "field-nodes", "0").await,
        "Enter an integer from 1 to 10."
    );
    assert_eq!(
        refused(&root, "field-nodes", "11").await,
        "Only 10 of the 20-node quota of CN North-Beijing4 are left: enter 1 to 10."
    );
    // Yearly/Monthly: Development/Training offers 1 year, billed as 10 months.
    radio(&root, "Yearly/Monthly").click();
    next_render().await;
    assert!(option(
        &root,
        "field-required-duration",
        "1 year (billed as 10 months)"
    )
    .get_attribute("disabled")
    .is_none());

    button(&root, "Next").click();
    next_render().await;
    assert!(
        query(&root, "[role=dialog]").is_empty(),
        "no confirmation while errors stand"
    );
    let summary = text(
        &query(&root, ".error-summary")
            .pop()
            .expect("the error summary"),
    );
    for field in ["Name:", "Description:", "Nodes:"] {
        assert!(summary.contains(field), "{field} in {summary}");
    }
    assert_eq!(saved(&key), before, "nothing saved");
}

#[wasm_bindgen_test]
async fn service_deployment_needs_its_custom_network_and_one_year_is_not_offered() {
    let key = test_key("pool-net");
    let root = mount_console(&key);
    next_render().await;
    go("#/pools/create?type=deployment").await;
    assert!(text(&root)
        .contains("Dedicated for Service Deployment (set by the tab; it cannot be changed)"));
    let azs: Vec<String> = query(&root, "#field-az option").iter().map(text).collect();
    assert_eq!(azs, ["Random", "AZ 1", "AZ 2", "AZ 3"]);
    checkbox(&root, "Custom Network Configuration").click();
    next_render().await;
    button(&root, "Next").click();
    next_render().await;
    assert_eq!(
        field_message(&root, "field-vpc").as_deref(),
        Some("Select a VPC.")
    );
    assert_eq!(
        field_message(&root, "field-subnet").as_deref(),
        Some("Select a subnet of the VPC.")
    );
    assert_eq!(
        field_message(&root, "field-security-group").as_deref(),
        Some("Select a security group of the VPC.")
    );
    assert!(marked_invalid(&root, "field-vpc"));
    choose(&root, "field-vpc", "vpc-default (192.168.0.0/16)");
    next_render().await;
    choose(&root, "field-subnet", "subnet-infer (192.168.10.0/24)");
    choose(&root, "field-security-group", "sg-modelarts");
    next_render().await;
    for id in ["field-vpc", "field-subnet", "field-security-group"] {
        assert_eq!(field_message(&root, id), None, "{id} is fine");
    }
    radio(&root, "Yearly/Monthly").click();
    next_render().await;
    let year = option(
        &root,
        "field-required-duration",
        "1 year (billed as 10 months)",
    );
    assert!(year.get_attribute("disabled").is_some());
    assert_eq!(
        year.get_attribute("title").as_deref(),
        Some("Dedicated for Service Deployment pools can be bought for 1 to 11 months.")
    );
}

#[wasm_bindgen_test]
async fn the_estimate_follows_the_input_for_both_billing_modes() {
    let key = test_key("pool-price");
    let root = mount_console(&key);
    next_render().await;
    go("#/pools/create?type=training").await;
    choose(&root, "field-specifications", "CPU: 8 vCPUs | 32 GiB");
    type_into(&root, "field-nodes", "2");
    next_render().await;
    assert_eq!(price(&root), "USD 1.32/hour");
    type_into(&root, "field-nodes", "3");
    next_render().await;
    assert_eq!(price(&root), "USD 1.98/hour");
    radio(&root, "Yearly/Monthly").click();
    next_render().await;
    assert_eq!(price(&root), "USD 1014.00 for 1 month");
    choose(&root, "field-required-duration", "3 months");
    next_render().await;
    assert_eq!(price(&root), "USD 3042.00 for 3 months");
    choose(
        &root,
        "field-required-duration",
        "1 year (billed as 10 months)",
    );
    next_render().await;
    assert_eq!(
        price(&root),
        "USD 10140.00 for 1 year (billed as 10 months; you save USD 2028.00)"
    );
    radio(&root, "Pay-per-use").click();
    next_render().await;
    assert_eq!(price(&root), "USD 1.98/hour");
}

#[wasm_bindgen_test]
async fn yearly_monthly_service_deployment_is_disabled_outside_beijing4() {
    let key = test_key("pool-region");
    let root = mount_console(&key);
    next_render().await;
    select_region(&root, "AP-Singapore").await;
    go("#/pools/create?type=deployment").await;
    let yearly = radio(&root, "Yearly/Monthly");
    assert!(yearly.disabled());
    assert!(text(&root).contains(
        "Yearly/Monthly: The Yearly/Monthly billing mode of Dedicated for Service Deployment pools is supported only in CN North-Beijing4, not in AP-Singapore."
    ));
    go("#/pools/create?type=training").await;
    assert!(!radio(&root, "Yearly/Monthly").disabled());
    let _ = web_sys::window().unwrap().location().set_hash("");
}

#[wasm_bindgen_test]
async fn a_valid_pool_is_confirmed_then_creating_and_saved() {
    let key = test_key("pool-ok");
    let root = mount_console(&key);
    next_render().await;
    go("#/pools/create?type=deployment").await;
    type_into(&root, "field-name", "infer-new");
    type_into(&root, "field-nodes", "2");
    choose(&root, "field-az", "AZ 3");
    next_render().await;
    button(&root, "Next").click();
    next_render().await;
    let confirm = dialog(&root, "Confirm Specifications");
    let summary = text(&confirm);
    for part in [
        "Dedicated for Service Deployment",
        "infer-new",
        "AZ 3",
        "Price",
    ] {
        assert!(summary.contains(part), "{part} in {summary}");
    }
    assert!(!pool_names(&key).contains(&"infer-new".to_string()));
    button(&confirm, "Submit").click();
    next_render().await;
    assert!(pool_names(&key).contains(&"infer-new".to_string()), "saved");
    let created = row(&root, "infer-new").expect("listed on its tab");
    assert!(text(&created).contains("Creating"));
    assert!(text(&created).contains("AZ 3"));
    let _ = web_sys::window().unwrap().location().set_hash("");
}

/// A Creating pool's progress moves with the clock, in the list and on its details page (both
/// follow the passing of time, not only the pool's phase).
#[wasm_bindgen_test]
async fn a_creating_pools_progress_moves_in_the_list_and_on_its_details() {
    let root = mount_console(&test_key("pool-progress"));
    next_render().await;
    set_speed(&root, "10").await; // the demo's new pool has 2 of its 3 minutes left: 12 s
    go("#/pools?type=training").await;
    let pool = || row(&root, "train-new-pool").expect("the demo's Creating pool");
    assert!(text(&pool()).contains("Creating"));
    let listed = progress(&pool());
    sleep(1_200).await;
    let later = progress(&pool());
    assert!(later > listed, "list: {listed}% then {later}%");
    let link: HtmlElement = pool()
        .query_selector("a.name-link")
        .unwrap()
        .unwrap()
        .unchecked_into();
    link.click();
    next_render().await;
    let status = || -> HtmlElement {
        root.query_selector(".status-line")
            .unwrap()
            .expect("the details page")
            .unchecked_into()
    };
    let shown = progress(&status());
    sleep(1_200).await;
    let moved = progress(&status());
    assert!(moved > shown, "details: {shown}% then {moved}%");
    let _ = web_sys::window().unwrap().location().set_hash("");
}

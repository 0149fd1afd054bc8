//! Export and import: the file's shape, round trips, every import rule with its JSON path and
//! message, several errors at once, the limits on hostile files, all-or-nothing application,
//! the plan's preview, the events recorded, and ids generated after an import.

use crate::common::*;
use console_core::demo::demo_console;
use console_core::event::EVENT_RETENTION;
use console_core::text::{English, Transfer};
use console_core::transfer::{CONSOLE_VERSION, MAX_IMPORT_BYTES, MAX_IMPORT_VALUES};
use console_core::{
    ids, snapshot, Catalog, Command, Console, DeploymentLocation, DomainError, ExportScope,
    ImportErrors, Outcome, PoolRequest, PoolType, ServiceStatus, MINUTE,
};
use serde_json::{json, Value};

/// The demo's batch services and pools (real-time services' files: `real_time.rs`).
fn demo() -> Console {
    let state = demo_console(Catalog::embedded(), T0, console_core::Lang::En)
        .state()
        .clone();
    Console::from_state(
        Catalog::embedded(),
        crate::common::demo_before_real_time(&state),
    )
}

fn empty() -> Console {
    Console::empty(Catalog::embedded())
}

/// The export as values, changed by `edit`, as text again.
fn edited(text: &str, edit: impl FnOnce(&mut Value)) -> String {
    let mut value: Value = serde_json::from_str(text).unwrap();
    edit(&mut value);
    serde_json::to_string_pretty(&value).unwrap()
}

/// The demo's export with `edit` applied.
fn demo_file(scope: ExportScope, edit: impl FnOnce(&mut Value)) -> String {
    edited(&demo().export(scope, T0), edit)
}

fn errors(console: &Console, text: &str) -> ImportErrors {
    console
        .plan_import(text, T0)
        .expect_err("the file has errors")
}

/// Every error as `path: message`.
fn lines(console: &Console, text: &str) -> Vec<String> {
    errors(console, text)
        .errors
        .iter()
        .map(ToString::to_string)
        .collect()
}

/// The one error at `path`.
fn error_at(console: &Console, text: &str, path: &str) -> String {
    let all = errors(console, text);
    let found: Vec<_> = all.errors.iter().filter(|e| e.path == path).collect();
    assert_eq!(found.len(), 1, "one error at {path} in:\n{all}");
    found[0].problem.to_string()
}

fn service_index(file: &Value, name: &str) -> usize {
    file["services"]["services"]
        .as_array()
        .unwrap()
        .iter()
        .position(|s| s["service_name"] == name)
        .unwrap()
}

#[test]
fn export_has_the_api_shape() {
    let console = demo();
    let text = console.export(ExportScope::All, T0);
    assert!(text.starts_with("{\n  \"schema\": \"modelarts-console-export\",\n"));
    let file: Value = serde_json::from_str(&text).unwrap();
    assert_eq!(file["console_version"], CONSOLE_VERSION);
    assert_eq!(file["console_version"], env!("CARGO_PKG_VERSION"));
    assert_eq!(file["exported_at"], T0);
    assert_eq!(file["region"], "cn-north-4");
    let services = &file["services"];
    assert_eq!(services["total_count"], 12);
    assert_eq!(services["count"], 12);
    let first = &services["services"][0];
    for key in [
        "service_id",
        "service_name",
        "description",
        "infer_type",
        "status",
        "progress",
        "publish_at",
        "config",
    ] {
        assert!(first.get(key).is_some(), "{key}");
    }
    assert_eq!(first["infer_type"], "batch");
    assert_eq!(first["config"][0]["instance_count"], 2);
    let pools = &file["pools"];
    assert_eq!(pools["apiVersion"], "v2");
    assert_eq!(pools["kind"], "PoolList");
    let items = pools["items"].as_array().unwrap();
    assert_eq!(items.len(), 6);
    for item in items {
        assert_eq!(item["apiVersion"], "v2");
        assert_eq!(item["kind"], "Pool");
        assert!(item["metadata"]["name"]
            .as_str()
            .unwrap()
            .starts_with("pool-"));
        assert!(item["metadata"]["labels"]["os.modelarts/name"].is_string());
        assert!(item["spec"]["resources"][0]["flavor"].is_string());
        assert!(item["status"]["phase"].is_string());
    }
    // The lists export one part each.
    let only_services: Value =
        serde_json::from_str(&console.export(ExportScope::Services, T0)).unwrap();
    assert!(only_services.get("pools").is_none());
    assert_eq!(only_services["services"]["count"], 12);
    let only_pools: Value = serde_json::from_str(&console.export(ExportScope::Pools, T0)).unwrap();
    assert!(only_pools.get("services").is_none());
    assert_eq!(only_pools["pools"]["items"].as_array().unwrap().len(), 6);
}

#[test]
fn export_then_plan_on_the_same_console_replaces_everything() {
    let console = demo();
    let plan = console
        .plan_import(&console.export(ExportScope::All, T0), T0)
        .unwrap();
    assert_eq!(plan.region, "cn-north-4");
    assert_eq!(plan.region_name, "CN North-Beijing4");
    assert!(!plan.changes_region);
    assert_eq!(plan.scope, ExportScope::All);
    assert_eq!(plan.exported_at, T0);
    assert_eq!(plan.console_version, CONSOLE_VERSION);
    assert_eq!(
        (plan.services.replaced.len(), plan.pools.replaced.len()),
        (12, 6)
    );
    assert_eq!(plan.added(), 0);
    assert!(plan.services.kept.is_empty() && plan.pools.kept.is_empty());
    assert!(plan
        .services
        .replaced
        .iter()
        .all(|i| i.previous_name.is_none()));
    assert_eq!(
        English.import_summary(&plan),
        "12 services and 6 pools will be imported into CN North-Beijing4: 0 added, 18 replaced."
    );
}

#[test]
fn importing_an_export_into_an_empty_console_restores_services_and_pools() {
    let original = demo();
    let text = original.export(ExportScope::All, T0);
    let mut console = empty();
    let outcome = console
        .apply(Command::Import { text: text.clone() }, T0)
        .unwrap();
    assert_eq!(
        outcome.to_string(),
        "Imported 12 services and 6 pools into CN North-Beijing4: 18 added."
    );
    // Equal, but for the import's own event at the end of each resource's events, recorded
    // under the month's retention (the yearly pool's creation events are 40 days old).
    let retained = |time: u64| time + EVENT_RETENTION >= T0;
    let mut expected_services = original.services().to_vec();
    for s in &mut expected_services {
        s.events.retain(|e| retained(e.time));
    }
    let mut expected_pools = original.pools().to_vec();
    for p in &mut expected_pools {
        p.events.retain(|e| retained(e.time));
    }
    assert!(expected_pools.iter().any(|p| p.events.is_empty()));
    let mut services = console.services().to_vec();
    for s in &mut services {
        let last = s.events.pop().unwrap();
        assert_eq!(
            last.message(),
            "The service was imported from an export file."
        );
        assert_eq!(last.time, T0);
    }
    assert_eq!(services, expected_services);
    let mut pools = console.pools().to_vec();
    for p in &mut pools {
        let last = p.events.pop().unwrap();
        assert_eq!(
            last.message(),
            "The resource pool was imported from an export file."
        );
    }
    assert_eq!(pools, expected_pools);
    // The restored console exports the same resources again (only the events grew).
    let again = console.plan_import(&text, T0).unwrap();
    assert_eq!(again.replaced(), 18);
}

#[test]
fn an_import_goes_into_the_files_region_and_selects_it() {
    let text = demo().export(ExportScope::All, T0);
    let mut console = empty();
    console
        .apply(
            Command::SelectRegion {
                region: "cn-east-3".into(),
            },
            T0,
        )
        .unwrap();
    let plan = console.plan_import(&text, T0).unwrap();
    assert!(plan.changes_region);
    assert_eq!(plan.region, "cn-north-4");
    console.apply(Command::Import { text }, T0).unwrap();
    assert_eq!(console.region(), "cn-north-4");
    assert_eq!(console.services().len(), 12);
    assert!(console
        .state()
        .regions
        .get("cn-east-3")
        .is_none_or(|r| r.services.is_empty()));
    // The id index follows: every imported service is found by id.
    let ids: Vec<String> = console
        .services()
        .iter()
        .map(|s| s.service_id.clone())
        .collect();
    assert!(ids.iter().all(|id| console.service(id).is_some()));
}

#[test]
fn instance_count_out_of_range() {
    let text = demo_file(ExportScope::Services, |f| {
        f["services"]["services"][0]["config"][0]["instance_count"] = json!(129);
    });
    assert_eq!(
        lines(&demo(), &text),
        ["services.services[0].config[0].instance_count: Enter an integer from 1 to 128."]
    );
    let zero = demo_file(ExportScope::Services, |f| {
        f["services"]["services"][0]["config"][0]["instance_count"] = json!(0);
    });
    assert_eq!(
        error_at(
            &demo(),
            &zero,
            "services.services[0].config[0].instance_count"
        ),
        "Enter an integer from 1 to 128."
    );
}

#[test]
fn unknown_statuses_and_phases() {
    let text = demo_file(ExportScope::All, |f| {
        f["services"]["services"][1]["status"] = json!("paused");
        f["pools"]["items"][2]["status"]["phase"] = json!("CreationFailed");
    });
    assert_eq!(
        lines(&demo(), &text),
        [
            "services.services[1].status: Unknown status \"paused\": use deploying, running, concerning, failed, stopping, stopped, finished, deleting or waiting.",
            "pools.items[2].status.phase: Unknown phase \"CreationFailed\": use Creating, Running, Scaling, Abnormal or Deleting.",
        ]
    );
}

#[test]
fn wrong_types_are_path_errors() {
    // A resource that is not of the model's shape gets its first structural error; the
    // resources after it are still read.
    let text = demo_file(ExportScope::All, |f| {
        f["services"]["count"] = json!(11);
        let services = &mut f["services"]["services"];
        services[0]["description"] = json!(null);
        services[1]["progress"] = json!("50");
        services[2]["publish_at"] = json!(-5);
        services[4]["config"][0]["instance_count"] = json!(1.5);
        services[5]["error_msg"] = json!(null); // null is an absent Option
        f["pools"]["items"][0]["metadata"]["labels"] = json!("train-gpu-pool");
        f["pools"]["items"][1]["spec"]["resources"][0]["count"] = json!(null);
    });
    assert_eq!(
        lines(&demo(), &text),
        [
            "services.count: The list holds 12 services, not 11.",
            "services.services[0].description: Expected a string, found null.",
            "services.services[1].progress: Expected an integer, found a string.",
            "services.services[2].publish_at: Must not be negative.",
            "services.services[4].config[0].instance_count: Expected an integer, found 1.5.",
            "pools.items[0].metadata.labels: Expected an object, found a string.",
            "pools.items[1].spec.resources[0].count: Expected an integer, found null.",
        ]
    );
}

#[test]
fn missing_fields_are_named() {
    let text = demo_file(ExportScope::All, |f| {
        let services = &mut f["services"]["services"];
        services[0].as_object_mut().unwrap().remove("service_name");
        services[1].as_object_mut().unwrap().remove("workload");
        let p = f["pools"]["items"][0]["metadata"]["labels"]
            .as_object_mut()
            .unwrap();
        p.remove("os.modelarts/name");
    });
    assert_eq!(
        lines(&demo(), &text),
        [
            "services.services[0].service_name: This field is required.",
            "services.services[1].workload: This field is required.",
            "pools.items[0].metadata.labels[\"os.modelarts/name\"]: This field is required.",
        ]
    );
    // Without its region, the file's resources are still read for their structure.
    let text = demo_file(ExportScope::All, |f| {
        f.as_object_mut().unwrap().remove("region");
        f["services"]["services"][0]["progress"] = json!("50");
    });
    assert_eq!(
        lines(&demo(), &text),
        [
            "region: This field is required.",
            "services.services[0].progress: Expected an integer, found a string.",
        ]
    );
}

#[test]
fn duplicate_ids_and_names_in_the_file() {
    let text = demo_file(ExportScope::All, |f| {
        let services = f["services"]["services"].as_array_mut().unwrap();
        let id = services[0]["service_id"].clone();
        services[3]["service_id"] = id;
        let name = services[1]["service_name"].clone();
        services[4]["service_name"] = name;
        let items = f["pools"]["items"].as_array_mut().unwrap();
        let id = items[0]["metadata"]["name"].clone();
        items[2]["metadata"]["name"] = id.clone();
        let name = items[0]["metadata"]["labels"]["os.modelarts/name"].clone();
        items[1]["metadata"]["labels"]["os.modelarts/name"] = name;
    });
    let console = demo();
    let id = &console.services()[0].service_id;
    let pool = console.pools()[0].id().to_string();
    assert_eq!(
        lines(&console, &text),
        [
            format!("services.services[3].service_id: The service_id \"{id}\" is also used by services.services[0]."),
            // The region's service with [3]'s own id is no longer in the file, so it is kept,
            // and its name is taken.
            "services.services[3].service_name: A service named sentiment-batch-q3 already exists in CN North-Beijing4.".to_string(),
            "services.services[4].service_name: The name flower-batch-eval is also used by services.services[1]; names are unique in the region.".to_string(),
            "pools.items[1].metadata.labels[\"os.modelarts/name\"]: The name train-gpu-pool is also used by pools.items[0]; names are unique in the region.".to_string(),
            format!("pools.items[2].metadata.name: The pool name (ID) \"{pool}\" is also used by pools.items[0]."),
            "pools.items[2].metadata.labels[\"os.modelarts/name\"]: A resource pool named train-new-pool already exists in CN North-Beijing4.".to_string(),
        ]
    );
}

#[test]
fn names_follow_the_deploy_and_create_rules_and_stay_unique_in_the_region() {
    let console = demo();
    // A new service (new id) taking the name of a service the region keeps.
    let text = demo_file(ExportScope::All, |f| {
        let s = &mut f["services"]["services"][0];
        s["service_name"] = json!("1-starts-with-a-digit");
        let mut copy = f["services"]["services"][2].clone();
        copy["service_id"] = json!("new-service-id");
        f["services"]["services"] = json!([f["services"]["services"][0].clone(), copy]);
        f["services"]["count"] = json!(2);
        f["services"]["total_count"] = json!(2);
        f["pools"]["items"][0]["metadata"]["labels"]["os.modelarts/name"] = json!("ab");
        f["pools"]["items"][1]["metadata"]["labels"]["os.modelarts/name"] = json!("bell\u{7}pool");
    });
    assert_eq!(
        lines(&console, &text),
        [
            "services.services[0].service_name: Enter 1 to 64 characters, starting with a letter. Only letters, digits, hyphens (-), and underscores (_) are allowed.",
            "services.services[1].service_name: A service named ocr-invoice-march already exists in CN North-Beijing4.",
            "pools.items[0].metadata.labels[\"os.modelarts/name\"]: Enter 4 to 64 characters.",
            "pools.items[1].metadata.labels[\"os.modelarts/name\"]: Contains the control character U+0007: only tab and newline are allowed in text.",
        ]
    );
}

#[test]
fn unknown_region() {
    let text = demo_file(ExportScope::Services, |f| f["region"] = json!("xx"));
    let all = lines(&empty(), &text);
    assert_eq!(
        all[0],
        "region: Unknown region \"xx\": use cn-north-4, cn-north-1, cn-east-3, cn-south-1 or ap-southeast-1."
    );
    // The rest is still checked: the two services on dedicated pools name pools of no region.
    assert_eq!(all.len(), 3, "{all:#?}");
    assert!(all[1..]
        .iter()
        .all(|e| e.ends_with("is neither in the file nor in xx.")));
}

#[test]
fn ids_of_another_region_are_refused() {
    // The demo lives in cn-north-4; the same resources cannot also go into cn-east-3.
    let console = demo();
    let text = demo_file(ExportScope::All, |f| f["region"] = json!("cn-east-3"));
    let id = &console.services()[0].service_id;
    assert_eq!(
        error_at(&console, &text, "services.services[0].service_id"),
        format!("The ID \"{id}\" already belongs to a service in CN North-Beijing4: IDs are unique in the account.")
    );
    let pool = console.pools()[0].id();
    assert_eq!(
        error_at(&console, &text, "pools.items[0].metadata.name"),
        format!("The ID \"{pool}\" already belongs to a resource pool in CN North-Beijing4: IDs are unique in the account.")
    );
    // What exists only in cn-north-4 is refused with the region's words.
    let edge = service_index(&serde_json::from_str(&text).unwrap(), "edge-camera-batch");
    assert_eq!(
        error_at(
            &console,
            &text,
            &format!("services.services[{edge}].location.node_name")
        ),
        "The edge node \"edge-node-shenzhen-01\" is not registered in CN East-Shanghai1."
    );
    let monthly = 4; // infer-monthly-pool: prepaid, Service Deployment, custom network.
    assert_eq!(
        error_at(
            &console,
            &text,
            &format!("pools.items[{monthly}].metadata.annotations[\"os.modelarts/billing.mode\"]")
        ),
        "The Yearly/Monthly billing mode of Dedicated for Service Deployment pools is supported only in CN North-Beijing4, not in CN East-Shanghai1."
    );
    assert_eq!(
        error_at(
            &console,
            &text,
            &format!("pools.items[{monthly}].spec.network.vpc_id")
        ),
        "The VPC \"vpc-default\" is not in CN East-Shanghai1."
    );
}

#[test]
fn a_service_on_a_dedicated_pool_needs_the_pool_after_the_import() {
    let original = demo();
    // The services list's export carries no pools: into an empty console, the services on
    // dedicated pools would run on nothing.
    let text = original.export(ExportScope::Services, T0);
    let file: Value = serde_json::from_str(&text).unwrap();
    let i = service_index(&file, "ocr-dedicated-batch");
    let j = service_index(&file, "sentiment-dedicated-batch");
    let pool = |name: &str| {
        original
            .pools()
            .iter()
            .find(|p| p.display_name() == name)
            .unwrap()
            .id()
            .to_string()
    };
    assert_eq!(
        lines(&empty(), &text),
        [
            format!(
                "services.services[{i}].location.pool_name: The dedicated resource pool \"{}\" is neither in the file nor in CN North-Beijing4.",
                pool("infer-cpu-pool")
            ),
            format!(
                "services.services[{j}].location.pool_name: The dedicated resource pool \"{}\" is neither in the file nor in CN North-Beijing4.",
                pool("infer-faulty-pool")
            ),
        ]
    );
    // Where the pools are kept (the demo itself), the same file is fine.
    assert!(original.plan_import(&text, T0).is_ok());
    // And a training pool cannot run a service.
    let train = pool("train-gpu-pool");
    let on_training = edited(&text, |f| {
        f["services"]["services"][i]["location"]["pool_name"] = json!(train);
    });
    assert_eq!(
        error_at(
            &original,
            &on_training,
            &format!("services.services[{i}].location.pool_name")
        ),
        format!("{train} is Dedicated for Development/Training: only pools of type Dedicated for Service Deployment can run services.")
    );
}

#[test]
fn several_errors_are_reported_together_in_file_order() {
    let text = demo_file(ExportScope::All, |f| {
        f["exported_at"] = json!(T0 + MINUTE);
        let s = &mut f["services"]["services"][3];
        s["infer_type"] = json!("edge");
        s["error_msg"] = json!(null); // a failed service
        s["config"][0]["specification"] = json!("modelarts.vm.cpu.999u");
        s["config"][0]["src_path"] = json!("bucket/in");
        s["config"][0]["envs"] = json!({"1X": "v"});
        s["config"][0]["mapping_type"] = json!("csv");
        s["billing"]["cost"] = json!(-1);
        f["services"]["services"][4]["config"][0]["envs"] = json!({"OK": 3});
        f["services"]["services"][5]["location"] = json!({"kind": "moon"});
        f["pools"]["items"][0]["spec"]["scope"] = json!(["Train", "Serve"]);
    });
    let console = demo();
    let found = errors(&console, &text);
    assert_eq!(found.total(), 11, "{found}");
    assert_eq!(
        found.errors.iter().map(ToString::to_string).collect::<Vec<_>>(),
        [
            "exported_at: The time 2026/09/21 14:14:20 GMT+00:00 is after the console's current time, 2026/09/21 14:13:20 GMT+00:00.",
            "services.services[3].infer_type: Unknown infer_type \"edge\": use batch or real-time.",
            "services.services[3].error_msg: A failed service needs its error message.",
            "services.services[3].config[0].specification: Unknown specifications \"modelarts.vm.cpu.999u\": the catalog has modelarts.vm.cpu.2u, modelarts.vm.cpu.8u, modelarts.vm.gpu.p4u8, modelarts.vm.gpu.t4u8 or modelarts.vm.gpu.pnt004.",
            "services.services[3].config[0].envs[\"1X\"]: The key \"1X\" is invalid: use letters, digits and underscores (_), not starting with a digit.",
            "services.services[3].config[0].src_path: Enter an OBS folder path such as obs://bucket/dir/.",
            "services.services[3].config[0].mapping_rule: Enter a column index (0 or more) for the input field \"text\".",
            "services.services[3].billing.cost: Must be a number of 0 or more.",
            "services.services[4].config[0].envs.OK: Expected a string, found 3.",
            "services.services[5].location.kind: Unknown kind \"moon\": use public_pool, dedicated_pool, edge_node or edge_pool.",
            "pools.items[0].spec.scope[1]: Unknown scope \"Serve\": use Train, Infer or Notebook.",
        ]
    );
}

#[test]
fn size_and_depth_are_limited_before_parsing() {
    let console = demo();
    let deep = "[".repeat(100_000);
    assert_eq!(
        lines(&console, &deep),
        ["$: The file nests arrays and objects more than 64 levels deep; an export nests 7."]
    );
    let deep_objects = "{\"a\":".repeat(65) + "1" + &"}".repeat(65);
    assert_eq!(errors(&console, &deep_objects).total(), 1);
    // Brackets inside strings do not count.
    let in_strings = json!({"schema": "[".repeat(1_000)}).to_string();
    assert!(lines(&console, &in_strings)[0].starts_with("schema: Expected"));
    let big = format!("{{\"pad\": \"{}\"}}", "x".repeat(MAX_IMPORT_BYTES));
    assert_eq!(
        lines(&console, &big),
        ["$: The file has 33,554,443 bytes; at most 33,554,432 bytes (32 MiB) can be imported."]
    );
    let many = format!("[{}0]", "0,".repeat(MAX_IMPORT_VALUES));
    assert_eq!(
        lines(&console, &many),
        ["$: The file holds more than 2,000,000 JSON values; an export holds about 50 per service."]
    );
    assert_eq!(
        lines(&console, "{\"schema\": "),
        ["$: The file is not valid JSON: EOF while parsing a value at line 1 column 11."]
    );
    assert_eq!(
        lines(&console, "[]"),
        ["$: The file is not an export of this console: expected a JSON object, found an array."]
    );
}

#[test]
fn a_saved_state_or_other_json_is_not_an_export() {
    let console = demo();
    let saved = snapshot::encode(console.state(), T0);
    assert_eq!(
        lines(&console, &saved),
        ["schema: This is a saved console state, not an export: export from the Batch Services list, a resource pools list or Settings."]
    );
    assert_eq!(
        lines(&console, "{\"services\": []}"),
        ["schema: This field is required: the file is not an export of this console."]
    );
    let neither =
        json!({"schema": "modelarts-console-export", "exported_at": T0, "region": "cn-north-4"});
    assert_eq!(
        lines(&console, &neither.to_string()),
        ["$: The file holds neither services nor pools."]
    );
}

#[test]
fn a_refused_import_changes_nothing() {
    let mut console = demo();
    console.tick(T0);
    let before = snapshot::encode(console.state(), T0);
    let text = demo_file(ExportScope::All, |f| {
        f["services"]["services"][0]["config"][0]["instance_count"] = json!(500);
        f["services"]["services"][1]["status"] = json!("paused");
    });
    let err = console.apply(Command::Import { text }, T0).unwrap_err();
    let DomainError::Import(found) = &err else {
        panic!("{err:?}");
    };
    assert_eq!(found.total(), 2);
    assert_eq!(
        err.to_string(),
        "The file cannot be imported (2 errors):\n\
         services.services[0].config[0].instance_count: Enter an integer from 1 to 128.\n\
         services.services[1].status: Unknown status \"paused\": use deploying, running, concerning, failed, stopping, stopped, finished, deleting or waiting."
    );
    assert_eq!(snapshot::encode(console.state(), T0), before);
}

#[test]
fn the_plan_lists_what_is_added_replaced_and_kept() {
    let console = demo();
    let text = demo_file(ExportScope::Services, |f| {
        let services = f["services"]["services"].as_array_mut().unwrap();
        services.truncate(3);
        services[1]["service_name"] = json!("flower-batch-renamed");
        let mut new = services[0].clone();
        new["service_id"] = json!("imported-0001");
        new["service_name"] = json!("brand-new-batch");
        services.push(new);
        f["services"]["count"] = json!(4);
        f["services"]["total_count"] = json!(4);
    });
    let plan = console.plan_import(&text, T0).unwrap();
    assert_eq!(plan.scope, ExportScope::Services);
    let names = |items: &[console_core::ImportItem]| {
        items.iter().map(|i| i.name.clone()).collect::<Vec<_>>()
    };
    assert_eq!(names(&plan.services.added), ["brand-new-batch"]);
    assert_eq!(plan.services.added[0].id, "imported-0001");
    assert_eq!(
        names(&plan.services.replaced),
        [
            "mnist-batch-nightly",
            "flower-batch-renamed",
            "ocr-invoice-march"
        ]
    );
    assert_eq!(
        plan.services.replaced[1].previous_name.as_deref(),
        Some("flower-batch-eval")
    );
    assert_eq!(plan.services.kept.len(), 9);
    assert_eq!(plan.services.kept[0].name, "sentiment-batch-q3");
    // Pools are not in the file: all kept, none touched.
    assert_eq!(plan.pools.kept.len(), 6);
    assert_eq!(plan.pools.imported(), 0);
    assert_eq!(
        English.import_summary(&plan),
        "4 services will be imported into CN North-Beijing4: 1 added, 3 replaced."
    );
    let mut applied = console.clone();
    let outcome = applied.apply(Command::Import { text }, T0).unwrap();
    assert_eq!(
        outcome.to_string(),
        "Imported 4 services into CN North-Beijing4: 1 added, 3 replaced."
    );
    assert_eq!(applied.services().len(), 13);
    // Replaced in place, added at the end.
    assert_eq!(applied.services()[1].service_name, "flower-batch-renamed");
    assert_eq!(applied.services()[12].service_name, "brand-new-batch");
    assert_eq!(applied.pools(), console.pools());
}

#[test]
fn every_imported_resource_records_an_event() {
    let mut console = demo();
    let text = console.export(ExportScope::All, T0);
    let later = T0 + MINUTE;
    console.apply(Command::Import { text }, later).unwrap();
    for s in console.services() {
        let last = s.events.last().unwrap();
        assert_eq!(last.time, later);
        assert_eq!(
            last.message(),
            "The service was imported from an export file, replacing the service with the same ID."
        );
    }
    for p in console.pools() {
        assert_eq!(
            p.events.last().unwrap().message(),
            "The resource pool was imported from an export file, replacing the pool with the same ID."
        );
    }
}

#[test]
fn ids_generated_after_an_import_do_not_collide() {
    // A file whose ids are exactly the ones an empty console would generate next.
    let template = demo().export(ExportScope::Services, T0);
    let text = edited(&template, |f| {
        let services = f["services"]["services"].as_array_mut().unwrap();
        services.retain(|s| s["location"]["kind"] == "public_pool");
        for (i, s) in services.iter_mut().enumerate() {
            s["service_id"] = json!(ids::uuid_for(i as u64 + 1));
        }
        let n = services.len();
        f["services"]["count"] = json!(n);
        f["services"]["total_count"] = json!(n);
    });
    let mut console = empty();
    console.apply(Command::Import { text }, T0).unwrap();
    let imported: Vec<String> = console
        .services()
        .iter()
        .map(|s| s.service_id.clone())
        .collect();
    assert!(imported.contains(&ids::uuid_for(1)));
    // Without skipping taken ids, the next deployment would be given uuid_for(1) again.
    let mut deploy = |name: &str| {
        let config = console_core::ConfigInput::from_config(&crate::common::config(1));
        let request = console_core::DeployRequest {
            service_name: name.into(),
            description: String::new(),
            config,
            location: DeploymentLocation::PublicPool,
        };
        match console.apply(Command::Deploy(request), T0).unwrap() {
            Outcome::Deployed { service_id, .. } => service_id,
            other => panic!("{other:?}"),
        }
    };
    let new = [deploy("after-import-1"), deploy("after-import-2")];
    assert!(new.iter().all(|id| !imported.contains(id)), "{new:?}");
    let pool = PoolRequest {
        name: "after-import-pool".into(),
        nodes: Some(1),
        ..PoolRequest::new(PoolType::ServiceDeployment, "modelarts.vm.cpu.8u".into())
    };
    console.apply(Command::CreatePool(pool), T0).unwrap();
    // Every id is still unique: the saved form loads.
    assert!(snapshot::decode(&snapshot::encode(console.state(), T0)).is_ok());
}

#[test]
fn markup_in_strings_is_kept_verbatim_as_data() {
    let markup = "<img src=x onerror=\"alert(1)\"> & <script>alert('x')</script>";
    let text = demo_file(ExportScope::All, |f| {
        let i = service_index(f, "sentiment-batch-q3"); // failed: has error_msg
        f["services"]["services"][i]["error_msg"] = json!(markup);
        f["services"]["services"][i]["config"][0]["envs"]["NOTE"] = json!(markup);
        f["pools"]["items"][0]["metadata"]["annotations"]["os.modelarts/description"] =
            json!(markup);
    });
    let mut console = empty();
    console.apply(Command::Import { text }, T0).unwrap();
    let failed = console
        .services()
        .iter()
        .find(|s| s.status == ServiceStatus::Failed)
        .unwrap();
    assert_eq!(failed.error_msg.as_deref(), Some(markup));
    assert_eq!(failed.config().envs["NOTE"], markup);
    assert_eq!(console.pools()[0].description(), markup);
    // A service description keeps the Deploy rule, which refuses these characters.
    let refused = demo_file(ExportScope::Services, |f| {
        f["services"]["services"][0]["description"] = json!("<b>bold</b>");
    });
    assert_eq!(
        error_at(&demo(), &refused, "services.services[0].description"),
        "The description cannot contain the following characters: !<>=+&\"'"
    );
}

#[test]
fn errors_beyond_the_first_hundred_are_counted() {
    let text = demo_file(ExportScope::Services, |f| {
        let one = f["services"]["services"][0].clone();
        let services: Vec<Value> = (0..150)
            .map(|i| {
                let mut s = one.clone();
                s["service_id"] = json!(format!("bulk-{i:03}"));
                s["service_name"] = json!(format!("bulk-{i:03}"));
                s["status"] = json!("paused");
                s
            })
            .collect();
        f["services"] = json!({"total_count": 150, "count": 150, "services": services});
    });
    let found = errors(&demo(), &text);
    assert_eq!(
        (found.errors.len(), found.unlisted, found.total()),
        (100, 50, 150)
    );
    let shown = found.to_string();
    assert_eq!(shown.lines().count(), 101);
    assert_eq!(shown.lines().last(), Some("and 50 more errors."));
}

#[test]
fn the_account_limit_and_the_node_quota_hold_for_imports() {
    let text = demo_file(ExportScope::Services, |f| {
        let one = f["services"]["services"][0].clone();
        let services: Vec<Value> = (0..1_001)
            .map(|i| {
                let mut s = one.clone();
                s["service_id"] = json!(format!("bulk-{i:04}"));
                s["service_name"] = json!(format!("bulk-{i:04}"));
                s
            })
            .collect();
        f["services"] = json!({"total_count": 1_001, "count": 1_001, "services": services});
    });
    let mut console = empty();
    assert_eq!(
        lines(&console, &text),
        ["services.services: The account may have at most 1,000 batch services; with this file it would have 1,001. Delete services that are no longer needed, or turn off Settings > Enforce account quotas."]
    );
    console
        .apply(Command::SetEnforceQuotas { enforce: false }, T0)
        .unwrap();
    let plan = console.plan_import(&text, T0).unwrap();
    assert_eq!(plan.services.added.len(), 1_001);

    // The demo's pools hold 10 of the region's 20 nodes; a first pool of 13 makes 21.
    let pools = demo_file(ExportScope::Pools, |f| {
        let pool = &mut f["pools"]["items"][0];
        pool["spec"]["resources"][0]["count"] = json!(13);
        let node = pool["nodes"][0].clone();
        pool["nodes"] = json!(vec![node; 13]);
    });
    assert_eq!(
        lines(&empty(), &pools),
        ["pools.items: The region's pools would hold 21 nodes, more than the node quota of CN North-Beijing4 (20 nodes)."]
    );
    let unlisted = demo_file(ExportScope::Pools, |f| {
        f["pools"]["items"][0]["spec"]["resources"][0]["count"] = json!(3);
    });
    assert_eq!(
        lines(&empty(), &unlisted),
        ["pools.items[0].nodes: The pool lists 2 nodes that are not being deleted, but spec.resources[0].count is 3."]
    );
}

#[test]
fn ten_thousand_services_fit_in_one_file() {
    let one = demo().services()[0].clone();
    let services = (0..10_000)
        .map(|i| {
            let mut s = one.clone();
            s.service_id = format!("svc-{i:05}");
            s.service_name = format!("batch-{i:05}");
            s
        })
        .collect();
    let source = console_with(services, false);
    let text = source.export(ExportScope::All, T0);
    assert!(text.len() < MAX_IMPORT_BYTES, "{} bytes", text.len());
    let mut console = empty();
    console
        .apply(Command::SetEnforceQuotas { enforce: false }, T0)
        .unwrap();
    let outcome = console.apply(Command::Import { text }, T0).unwrap();
    assert_eq!(
        outcome.to_string(),
        "Imported 10,000 services and 0 pools into CN North-Beijing4: 10,000 added."
    );
}

#[test]
fn a_key_given_twice_is_refused_without_a_panic() {
    // JSON values keep the last of two equal keys; the import refuses them, and says where.
    let text = demo().export(ExportScope::Services, T0).replacen(
        "\"service_name\": \"mnist-batch-nightly\",",
        "\"service_name\": \"mnist-batch-nightly\",\n      \"service_name\": \"other-name\",",
        1,
    );
    assert_eq!(
        lines(&demo(), &text),
        ["services.services[0].service_name: This key is given twice."]
    );
    // The same in the envelope: which region would it be?
    let text = demo().export(ExportScope::Services, T0).replacen(
        "\"region\": \"cn-north-4\",",
        "\"region\": \"cn-east-3\",\n  \"region\": \"cn-north-4\",",
        1,
    );
    assert_eq!(lines(&demo(), &text), ["region: This key is given twice."]);
}

#[test]
fn a_pools_use_over_time_is_imported_only_in_time_order_from_its_creation() {
    let mut console = empty();
    let created = demo().pools()[0].metadata.creation_timestamp;
    let use_at = |at: u64| json!({ "at": at, "in_use": 1, "nodes": 2 });
    let text = demo_file(ExportScope::Pools, |f| {
        f["pools"]["items"][0]["usage"] = json!([use_at(created + 2), use_at(created + 1)]);
        f["pools"]["items"][1]["usage"] = json!([use_at(1)]);
    });
    let err = console.apply(Command::Import { text }, T0).unwrap_err();
    assert_eq!(
        err.to_string(),
        "The file cannot be imported (2 errors):\n\
         pools.items[0].usage: A pool's use over time holds at most 200 changes, in time order, from its creation on.\n\
         pools.items[1].usage: A pool's use over time holds at most 200 changes, in time order, from its creation on."
    );
    let text = demo_file(ExportScope::Pools, |f| {
        f["pools"]["items"][0]["usage"] = json!([use_at(created), use_at(created + 1)]);
    });
    console.apply(Command::Import { text }, T0).unwrap();
    let usage = &console.pools()[0].usage;
    assert_eq!(
        (usage[0].at, usage[1].at),
        (created, created + 1),
        "a history in order is kept"
    );
    assert_eq!(
        (usage[2].at, usage[2].in_use),
        (T0, 0),
        "and goes on: none in use here"
    );
}

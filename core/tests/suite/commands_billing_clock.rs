//! Commands as values, partial batch delete, billing per run, the simulated clock at speed,
//! list-query rules, and the migration of version-1 saved data.

use crate::common::*;
use console_core::query::{percent_decode, percent_encode};
use console_core::service::{DEPLOY_DURATION, STOP_DURATION};
use console_core::snapshot;
use console_core::{
    Catalog, Command, DeploymentLocation, DomainError, EventKind, EventType, ServiceQuery,
    ServiceStatus, SortKey, SortOrder, HOUR, MINUTE, SECOND,
};
use ServiceStatus::*;

fn public() -> DeploymentLocation {
    DeploymentLocation::PublicPool
}

#[test]
fn a_batch_delete_plan_lists_what_may_not_be_deleted_and_why() {
    let edge = DeploymentLocation::EdgeNode {
        node_name: "n".into(),
    };
    let mut c = console_with(
        vec![
            service("a", Running, public()),
            service("b", Deleting, public()),
            service("c", Stopped, edge),
        ],
        true,
    );
    let plan = c.plan_delete(&["a".into(), "b".into(), "c".into(), "gone".into()]);
    assert_eq!(plan.allowed_ids(), ["a", "c"]);
    assert_eq!(plan.refused.len(), 1);
    assert_eq!(plan.refused[0].service_name, "svc-b");
    assert_eq!(
        plan.refused[0].refusal.to_string(),
        "A service in the Deleting state cannot be deleted."
    );
    let outcome = c
        .apply(
            Command::Delete {
                service_ids: plan.allowed_ids(),
            },
            T0,
        )
        .unwrap();
    assert_eq!(outcome.to_string(), "2 services are being deleted.");
    assert_eq!(status_of(&c, "a"), Some(Deleting));
    assert_eq!(status_of(&c, "c"), Some(Deleting));

    let unauthorized = console_with(vec![service("a", Running, public())], false);
    let plan = unauthorized.plan_delete(&["a".into()]);
    assert!(plan.allowed.is_empty());
    assert_eq!(
        plan.refused[0].refusal.to_string(),
        "A service cannot be deleted without agency authorization."
    );
}

#[test]
fn billing_has_one_line_per_run_across_start_stop_start() {
    let mut s = service("a", Deploying, public());
    s.workload.input_size_mb = 100_000;
    let mut c = console_with(vec![s], false);
    // Run 1: 10 minutes at 1.32 USD/hour.
    let run1_start = T0 + DEPLOY_DURATION;
    c.stop_service("a", run1_start + 10 * MINUTE).unwrap();
    c.tick(run1_start + HOUR);
    c.start_service("a", T0 + 2 * HOUR).unwrap();
    // Run 2: 30 minutes, still running.
    let run2_start = T0 + 2 * HOUR + DEPLOY_DURATION;
    c.tick(run2_start + 30 * MINUTE);
    let billing = &c.service("a").unwrap().billing;
    assert_eq!(billing.runs.len(), 2);
    let (r1, r2) = (&billing.runs[0], &billing.runs[1]);
    assert_eq!(
        (r1.start, r1.end),
        (run1_start, Some(run1_start + 10 * MINUTE))
    );
    assert_eq!(r1.billed_ms, 10 * MINUTE);
    assert!((r1.cost - 0.22).abs() < 1e-9, "{}", r1.cost);
    assert_eq!((r2.start, r2.end), (run2_start, None));
    assert_eq!(r2.billed_ms, 30 * MINUTE);
    assert!((r2.cost - 0.66).abs() < 1e-9);
    assert_eq!(billing.open_run(), Some(r2));
    assert_eq!(billing.billed_ms, 40 * MINUTE);
    assert!((billing.cost - 0.88).abs() < 1e-9);
    // Stopping closes the run at the request; nothing is billed while stopped.
    c.stop_service("a", run2_start + HOUR).unwrap();
    c.tick(run2_start + 5 * HOUR);
    let billing = &c.service("a").unwrap().billing;
    assert_eq!(billing.runs[1].end, Some(run2_start + HOUR));
    assert_eq!(billing.billed_ms, 70 * MINUTE);
    assert!(billing.open_run().is_none());
}

#[test]
fn a_modification_that_restarts_closes_the_run_and_the_next_one_uses_the_new_price() {
    let mut c = console_with(vec![service("a", Deploying, public())], false);
    c.tick(T0 + DEPLOY_DURATION + 10 * SECOND);
    let mut update = console_core::ServiceUpdate::from_service(c.service("a").unwrap());
    update.config.instance_count = Some(4);
    let changes = c.modify_changes("a", &update, console_core::Lang::En);
    assert_eq!(changes.len(), 1);
    assert_eq!(
        (changes[0].old.as_str(), changes[0].new.as_str()),
        ("2", "4")
    );
    c.modify_service("a", update, T0 + DEPLOY_DURATION + 10 * SECOND)
        .unwrap();
    c.tick(T0 + 2 * DEPLOY_DURATION + 20 * SECOND);
    let billing = &c.service("a").unwrap().billing;
    assert_eq!(billing.runs.len(), 2);
    assert_eq!(billing.runs[0].hourly_rate, 1.32);
    assert_eq!(billing.runs[1].hourly_rate, 2.64);
}

#[test]
fn simulated_time_at_60x_drives_the_lifecycle_and_survives_a_save() {
    let mut slow = service("a", Deploying, public());
    slow.workload.input_size_mb = 1_000_000;
    let mut c = console_with(vec![slow], false);
    c.apply(Command::SetSimulationSpeed { speed: 60 }, T0)
        .unwrap();
    // One wall second later, a simulated minute has passed: deployed (20 s) and running.
    c.tick(T0 + SECOND);
    assert_eq!(status_of(&c, "a"), Some(Running));
    assert_eq!(c.sim_now(T0 + SECOND), T0 + MINUTE);
    let billed = c.service("a").unwrap().billing.billed_ms;
    assert_eq!(
        billed,
        MINUTE - DEPLOY_DURATION,
        "billing follows simulated time"
    );
    // The clock is saved: a reload a wall second later continues at 60x.
    let text = snapshot::encode(c.state(), T0 + SECOND);
    let mut reloaded =
        console_core::Console::from_state(Catalog::embedded(), snapshot::decode(&text).unwrap());
    reloaded.tick(T0 + 2 * SECOND);
    assert_eq!(reloaded.sim_now(T0 + 2 * SECOND), T0 + 2 * MINUTE);
    assert_eq!(
        reloaded.service("a").unwrap().billing.billed_ms,
        2 * MINUTE - DEPLOY_DURATION
    );
    // Back to 1x: no jump.
    reloaded
        .apply(Command::SetSimulationSpeed { speed: 1 }, T0 + 2 * SECOND)
        .unwrap();
    assert_eq!(reloaded.sim_now(T0 + 3 * SECOND), T0 + 2 * MINUTE + SECOND);
    let before = reloaded.clone();
    assert_eq!(
        reloaded.apply(Command::SetSimulationSpeed { speed: 61 }, T0 + 2 * SECOND),
        Err(DomainError::InvalidSpeed(61))
    );
    assert_eq!(reloaded, before);
    // A stop requested at 60x takes 5 simulated seconds.
    let mut fast = console_with(vec![service("b", Running, public())], false);
    fast.apply(Command::SetSimulationSpeed { speed: 60 }, T0)
        .unwrap();
    fast.stop_service("b", T0).unwrap();
    fast.tick(T0 + STOP_DURATION / 60 + 1);
    assert_eq!(status_of(&fast, "b"), Some(Stopped));
}

#[test]
fn events_older_than_a_month_are_pruned() {
    let mut long = service("a", Stopped, public());
    long.workload.input_size_mb = 100_000_000;
    let mut c = console_with(vec![long], false);
    c.start_service("a", T0).unwrap();
    c.tick(T0 + HOUR);
    let month = 30 * 24 * HOUR;
    c.stop_service("a", T0 + month + 2 * HOUR).unwrap();
    let kinds: Vec<_> = c
        .service("a")
        .unwrap()
        .events
        .iter()
        .map(|e| e.kind.clone())
        .collect();
    assert_eq!(kinds.last(), Some(&EventKind::StopRequested));
    assert!(!kinds.contains(&EventKind::StartRequested), "{kinds:?}");
}

#[test]
fn list_query_rules_sort_toggle_page_reset_and_url_round_trip() {
    let q = ServiceQuery::default().at_page(3);
    let by_name = q.clone().sorted_by(SortKey::Name);
    assert_eq!(
        (by_name.sort, by_name.order, by_name.page),
        (SortKey::Name, SortOrder::Asc, 1)
    );
    let flipped = by_name.clone().sorted_by(SortKey::Name);
    assert_eq!(flipped.order, SortOrder::Desc);
    let created = flipped.sorted_by(SortKey::Created);
    assert_eq!(
        (created.sort, created.order),
        (SortKey::Created, SortOrder::Desc)
    );
    assert_eq!(q.clone().searching("x").page, 1);
    assert_eq!(q.clone().filtering(Some(Running)).page, 1);
    assert_eq!(q.clone().with_page_size(50).page, 1);
    assert_eq!(
        q.clone().with_page_size(7).page_size,
        10,
        "only offered sizes"
    );
    assert_eq!(by_name.aria_sort(SortKey::Name), Some("ascending"));
    assert_eq!(by_name.aria_sort(SortKey::Created), None);

    let full = ServiceQuery {
        name: "a b&c=d/é%".into(),
        status: Some(Concerning),
        sort: SortKey::Name,
        order: SortOrder::Desc,
        page: 3,
        page_size: 50,
    };
    for query in [ServiceQuery::default(), full.clone(), by_name] {
        assert_eq!(ServiceQuery::from_url_query(&query.to_url_query()), query);
    }
    assert_eq!(ServiceQuery::default().to_url_query(), "");
    assert_eq!(
        full.to_url_query(),
        "name=a%20b%26c%3Dd%2F%C3%A9%25&status=concerning&sort=name&order=desc&page=3&size=50"
    );
    assert_eq!(
        ServiceQuery::from_url_query("page=-4&size=7&status=bogus&x=1"),
        ServiceQuery::default(),
        "nonsense falls back to defaults"
    );
    assert_eq!(percent_decode(&percent_encode("ü /%")), "ü /%");
    assert_eq!(percent_decode("%zz+a"), "%zz a");
}

#[test]
fn version_1_saved_data_migrates_with_typed_events_settings_and_runs() {
    let text = include_str!("../fixtures/v1_demo.json");
    let state = snapshot::decode(text).expect("version 1 still loads");
    assert!(state.settings.agency_authorized);
    assert!(state.settings.enforce_quotas);
    assert_eq!(state.settings.clock.speed, 1);
    let services = &state.regions["cn-north-4"].services;
    assert_eq!(services.len(), 9);
    let weekly = services
        .iter()
        .find(|s| s.service_name == "mnist-batch-weekly")
        .unwrap();
    let kinds: Vec<_> = weekly.events.iter().map(|e| e.kind.clone()).collect();
    assert_eq!(kinds[0], EventKind::DeployRequested);
    assert!(kinds.contains(&EventKind::Stopped));
    assert!(kinds.contains(&EventKind::Modified {
        fields: vec![
            console_core::validation::Field::Description,
            console_core::validation::Field::ComputeNodes,
            console_core::validation::Field::InputPath,
            console_core::validation::Field::OutputPath,
            console_core::validation::Field::RequestPath,
        ]
    }));
    assert_eq!(weekly.billing.runs.len(), 1, "billed time becomes one run");
    assert_eq!(weekly.billing.runs[0].billed_ms, weekly.billing.billed_ms);
    let alarm = services
        .iter()
        .find(|s| s.service_name == "ocr-invoice-march")
        .unwrap();
    let last = alarm.events.last().unwrap();
    assert_eq!(last.event_type(), EventType::Abnormal);
    assert!(matches!(last.kind, EventKind::Alarm { .. }));
    assert_eq!(
        last.message(),
        "Alarm: the memory usage of the service exceeds 90%."
    );
    assert!(
        alarm.billing.open_run().is_some(),
        "an alarmed service keeps running"
    );
    let failed = services.iter().find(|s| s.status == Failed).unwrap();
    assert!(matches!(
        failed.events.last().unwrap().kind,
        EventKind::Failed { .. }
    ));
    // Migrated data saves as the current version and reads back the same.
    let again = snapshot::decode(&snapshot::encode(&state, T0)).unwrap();
    assert_eq!(again, state);
    assert!(snapshot::encode(&state, T0).contains(&format!("\"version\":{}", snapshot::VERSION)));
}

//! Every transition over simulated time, with progress, billing and events.

use crate::common::*;
use console_core::service::{DELETE_DURATION, DEPLOY_DURATION, STOP_DURATION, WORK_PER_MB};
use console_core::{DeploymentLocation, DomainError, EventType, ServiceStatus, HOUR, SECOND};
use console_core::{Lang, Outcome, ServiceUpdate};
use ServiceStatus::*;

fn public() -> DeploymentLocation {
    DeploymentLocation::PublicPool
}

#[test]
fn deploying_becomes_running_after_the_deploy_time_with_progress() {
    let mut console = console_with(vec![service("a", Deploying, public())], false);
    console.tick(T0 + DEPLOY_DURATION / 2);
    let s = console.service("a").unwrap();
    assert_eq!((s.status, s.progress), (Deploying, 50));
    let events = console.tick(T0 + DEPLOY_DURATION);
    let s = console.service("a").unwrap();
    assert_eq!(s.status, Running);
    assert_eq!(s.start_time, Some(T0 + DEPLOY_DURATION));
    assert_eq!(events.len(), 1);
    assert_eq!(events[0].record.message(), "The service is running.");
    assert_eq!(
        s.events.last().unwrap().message(),
        "The service is running."
    );
}

#[test]
fn running_completes_when_input_is_processed_faster_with_more_nodes() {
    // 100 MB on 2 nodes: 50 s of processing.
    let mut console = console_with(vec![service("a", Running, public())], false);
    let finish = T0 + 100 * WORK_PER_MB / 2;
    console.tick(T0 + 25 * SECOND);
    let s = console.service("a").unwrap();
    assert_eq!((s.status, s.progress), (Running, 50));
    let events = console.tick(finish + HOUR);
    let s = console.service("a").unwrap();
    assert_eq!(s.status, Finished);
    assert_eq!(
        console_core::speak(Lang::En).service_status(s.status),
        "Completed"
    );
    assert_eq!(s.progress, 100);
    assert_eq!(
        s.finished_time,
        Some(finish),
        "completes at the exact time, not the late tick"
    );
    assert_eq!(
        s.billing.billed_ms,
        50 * SECOND,
        "billed only until completion"
    );
    assert_eq!(
        events.last().unwrap().record.message(),
        "The service has been executed."
    );

    let mut one_node = service("b", Running, public());
    one_node.config[0].instance_count = 1;
    let mut console = console_with(vec![one_node], false);
    console.tick(finish);
    assert_eq!(
        status_of(&console, "b"),
        Some(Running),
        "one node needs twice as long"
    );
    console.tick(T0 + 100 * WORK_PER_MB);
    assert_eq!(status_of(&console, "b"), Some(Finished));
}

#[test]
fn billing_accrues_only_while_running_or_alarm() {
    let mut console = console_with(
        vec![
            service("run", Running, public()),
            service("alarm", Concerning, public()),
            service("stopped", Stopped, public()),
            service("done", Finished, public()),
            service("failed", Failed, public()),
            service("dep", Deploying, public()),
        ],
        false,
    );
    console.tick(T0 + 10 * SECOND);
    let billed = |id: &str| console.service(id).unwrap().billing.clone();
    assert_eq!(billed("run").billed_ms, 10 * SECOND);
    assert_eq!(billed("alarm").billed_ms, 10 * SECOND);
    // 1.32 USD/h for 10 s.
    assert!((billed("run").cost - 1.32 * 10.0 / 3600.0).abs() < 1e-9);
    for id in ["stopped", "done", "failed", "dep"] {
        assert_eq!(billed(id).billed_ms, 0, "{id}");
        assert_eq!(billed(id).cost, 0.0, "{id}");
    }
}

#[test]
fn stop_then_stopped_and_billing_stops_at_the_request() {
    let mut console = console_with(vec![service("a", Running, public())], false);
    let outcome = console.stop_service("a", T0 + 10 * SECOND).unwrap();
    assert_eq!(outcome.to_string(), "svc-a: the service is stopping.");
    assert_eq!(messages(&console, "a").last().unwrap(), "Stop the service.");
    assert_eq!(status_of(&console, "a"), Some(Stopping));
    console.tick(T0 + 10 * SECOND + STOP_DURATION - 1);
    assert_eq!(status_of(&console, "a"), Some(Stopping));
    let events = console.tick(T0 + 10 * SECOND + STOP_DURATION);
    assert_eq!(status_of(&console, "a"), Some(Stopped));
    assert_eq!(events[0].record.message(), "The service has been stopped.");
    console.tick(T0 + HOUR);
    assert_eq!(console.service("a").unwrap().billing.billed_ms, 10 * SECOND);
}

#[test]
fn stop_while_deploying_never_bills() {
    let mut console = console_with(vec![service("a", Deploying, public())], false);
    console.stop_service("a", T0 + SECOND).unwrap();
    console.tick(T0 + HOUR);
    let s = console.service("a").unwrap();
    assert_eq!(s.status, Stopped);
    assert_eq!(s.billing.billed_ms, 0);
}

#[test]
fn start_redeploys_from_stopped_failed_and_completed() {
    for status in [Stopped, Failed, Finished] {
        let mut s = service("a", status, public());
        s.progress = 37;
        s.finished_time = Some(T0);
        let mut console = console_with(vec![s], false);
        let outcome = console.start_service("a", T0 + SECOND).unwrap();
        assert_eq!(outcome.to_string(), "svc-a: the service is starting.");
        assert_eq!(
            messages(&console, "a").last().unwrap(),
            "Start the service. Deploying."
        );
        let s = console.service("a").unwrap();
        assert_eq!(
            (s.status, s.progress, s.finished_time, s.error_msg.clone()),
            (Deploying, 0, None, None)
        );
        assert!(
            (s.billing.hourly_rate - 0.66 * 2.0).abs() < 1e-9,
            "rate = flavor price x nodes"
        );
        console.tick(T0 + SECOND + DEPLOY_DURATION);
        assert_eq!(status_of(&console, "a"), Some(Running));
    }
}

#[test]
fn deleting_disappears_after_the_delete_time() {
    let mut console = console_with(
        vec![
            service("a", Running, public()),
            service("b", Stopped, public()),
        ],
        true,
    );
    let outcome = console
        .delete_services(&["a".into(), "b".into()], T0 + SECOND)
        .unwrap();
    assert_eq!(outcome.to_string(), "2 services are being deleted.");
    assert_eq!(status_of(&console, "a"), Some(Deleting));
    console.tick(T0 + SECOND + DELETE_DURATION - 1);
    assert_eq!(console.services().len(), 2);
    console.tick(T0 + SECOND + DELETE_DURATION);
    assert!(
        console.services().is_empty(),
        "a deleted service is gone for good"
    );
    assert!(console.start_service("a", T0 + HOUR).is_err());
}

#[test]
fn a_late_tick_replays_every_transition_in_order() {
    // Closed tab for a day: deploy, run 50 s, complete, all at their exact times.
    let mut console = console_with(vec![service("a", Deploying, public())], false);
    let events = console.tick(T0 + 24 * HOUR);
    let messages: Vec<_> = events.iter().map(|e| e.record.message()).collect();
    assert_eq!(
        messages,
        ["The service is running.", "The service has been executed."]
    );
    let s = console.service("a").unwrap();
    assert_eq!(s.finished_time, Some(T0 + DEPLOY_DURATION + 50 * SECOND));
    assert_eq!(s.billing.billed_ms, 50 * SECOND);
    assert!(!console.has_transitions());
}

#[test]
fn time_going_backwards_changes_nothing() {
    let mut console = console_with(vec![service("a", Running, public())], false);
    console.tick(T0 + 10 * SECOND);
    let before = console.clone();
    console.tick(T0);
    assert_eq!(console, before);
}

fn update_of(console: &console_core::Console, id: &str) -> ServiceUpdate {
    ServiceUpdate::from_service(console.service(id).unwrap())
}

#[test]
fn modifying_only_the_description_never_restarts() {
    let mut console = console_with(vec![service("a", Running, public())], false);
    let mut update = update_of(&console, "a");
    update.description = "new words".into();
    assert!(!console.modify_needs_restart("a", &update));
    let outcome = console.modify_service("a", update, T0 + SECOND).unwrap();
    assert!(matches!(
        outcome,
        Outcome::Modified {
            restarted: false,
            ..
        }
    ));
    assert_eq!(
        messages(&console, "a").last().unwrap(),
        "Service information modified: Description."
    );
    let s = console.service("a").unwrap();
    assert_eq!((s.status, s.description.as_str()), (Running, "new words"));
}

#[test]
fn modifying_the_config_of_a_running_service_redeploys_it() {
    for status in [Running, Concerning] {
        let mut console = console_with(vec![service("a", status, public())], false);
        let mut update = update_of(&console, "a");
        update.config.instance_count = Some(4);
        update.config.model_version = "0.0.2".into();
        assert!(console.modify_needs_restart("a", &update));
        console
            .modify_service("a", update, T0 + 10 * SECOND)
            .unwrap();
        let s = console.service("a").unwrap();
        assert_eq!(s.status, Deploying);
        assert_eq!(s.config().instance_count, 4);
        assert_eq!(s.billing.billed_ms, 10 * SECOND, "billed up to the restart");
        let messages = messages(&console, "a");
        assert!(messages
            .contains(&"Service information modified: Model and Version, Compute Nodes.".into()));
        assert_eq!(
            messages.last().unwrap(),
            "The service is restarted for the modification to take effect. Deploying."
        );
    }
}

#[test]
fn modifying_a_stopped_service_keeps_it_stopped() {
    let mut console = console_with(vec![service("a", Stopped, public())], false);
    let mut update = update_of(&console, "a");
    update.config.specification = "modelarts.vm.gpu.t4u8".into();
    assert!(!console.modify_needs_restart("a", &update));
    console.modify_service("a", update, T0 + SECOND).unwrap();
    let s = console.service("a").unwrap();
    assert_eq!(
        (s.status, s.config().specification.as_str()),
        (Stopped, "modelarts.vm.gpu.t4u8")
    );
}

#[test]
fn invalid_modifications_are_refused_with_field_messages_and_change_nothing() {
    let mut console = console_with(vec![service("a", Stopped, public())], false);
    let before = console.clone();
    let mut update = update_of(&console, "a");
    update.description = "a <b>".into();
    update.config.instance_count = Some(129);
    update.config.model_version = "0.0.3".into(); // Building
    update.config.src_path = "bucket/in".into();
    let DomainError::Invalid(errors) = console
        .modify_service("a", update, T0 + SECOND)
        .unwrap_err()
    else {
        panic!("expected field errors")
    };
    let fields: Vec<_> = errors.iter().map(|e| e.field.to_string()).collect();
    assert_eq!(
        fields,
        [
            "Description",
            "Model and Version",
            "Input Path",
            "Compute Nodes"
        ]
    );
    assert!(errors[1].violation.to_string().contains("Building"));
    assert_eq!(console, before);

    let mut update = update_of(&console, "a");
    update.config.specification = "modelarts.vm.gpu.pnt004".into();
    console.select_region("cn-north-1").unwrap();
    assert!(
        console.modify_service("a", update.clone(), T0).is_err(),
        "not in this region"
    );
    console.select_region("cn-north-4").unwrap();
    assert!(console.modify_service("a", update, T0).is_ok());
}

#[test]
fn modify_is_refused_while_deploying() {
    let mut console = console_with(vec![service("a", Deploying, public())], false);
    let update = update_of(&console, "a");
    let err = console
        .modify_service("a", update, T0 + SECOND)
        .unwrap_err();
    assert_eq!(
        err.to_string(),
        "svc-a: A service in the Deploying state cannot be modified."
    );
}

#[test]
fn every_change_records_an_event() {
    let mut console = console_with(vec![service("a", Running, public())], true);
    console.stop_service("a", T0 + SECOND).unwrap();
    console.tick(T0 + 10 * SECOND);
    console.start_service("a", T0 + 11 * SECOND).unwrap();
    console
        .delete_services(&["a".into()], T0 + 12 * SECOND)
        .unwrap();
    let s = console.service("a").unwrap();
    assert_eq!(
        messages(&console, "a"),
        [
            "Stop the service.",
            "The service has been stopped.",
            "Start the service. Deploying.",
            "Delete the service."
        ]
    );
    assert!(s.events.iter().all(|e| e.event_type() == EventType::Normal));
}

#[test]
fn regions_keep_their_own_services() {
    let mut console = console_with(vec![service("a", Running, public())], false);
    assert!(console.select_region("mars-1").is_err());
    console.select_region("ap-southeast-1").unwrap();
    assert!(console.services().is_empty());
    assert!(
        console.stop_service("a", T0).is_err(),
        "not visible from another region"
    );
    console.select_region("cn-north-4").unwrap();
    assert_eq!(console.services().len(), 1);
}

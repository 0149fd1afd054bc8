//! Real-time services: every rule of RULES.md (real-time services), each refusal with its
//! message and the state unchanged, the lifecycle on simulated time, calls and their split,
//! upgrades by the seed's table, and the pools they run on.

use crate::common::T0;
use console_core::pool::{UsagePoint, CREATE_DURATION};
use console_core::realtime::{
    AutoStopChoice, UpdateResult, PHASE_DURATION, RETRY_INTERVAL, ROLLING_DURATION,
};
use console_core::validation::{version_error_for, Field, FieldError};
use console_core::{
    Catalog, Command, Console, DeploymentLocation, DomainError, EventKind, Outcome, PoolRequest,
    PoolType, RealTimeRequest, RealTimeUpdate, ScaleRequest, ServiceStatus, UpgradeKind,
    VersionInput, HOUR, MINUTE, SECOND,
};

const MNIST: &str = "8d7c21a0-5b1e-4c5e-9a43-0f6e2b8d1a01"; // container image
const FLOWER: &str = "2f4b9c63-7d10-4e22-8b5a-91c3e7a4d202"; // training job
const SENTIMENT: &str = "c5a8e0d4-3f62-4b71-a9d8-6e2f1b7c3303"; // OBS
const CPU2: &str = "modelarts.vm.cpu.2u";
const DEPLOYED: u64 = 5 * PHASE_DURATION;

fn console() -> Console {
    let mut c = Console::empty(Catalog::embedded());
    c.apply(Command::SetAgencyAuthorization { authorized: true }, T0)
        .unwrap();
    c
}

fn request(name: &str, versions: Vec<VersionInput>) -> RealTimeRequest {
    RealTimeRequest {
        service_name: name.into(),
        description: String::new(),
        auto_stop: AutoStopChoice::Off,
        location: DeploymentLocation::PublicPool,
        versions,
        websocket: false,
    }
}

fn version(model: &str, v: &str, weight: u32) -> VersionInput {
    VersionInput::new(model, v, weight, CPU2)
}

fn gray() -> Vec<VersionInput> {
    vec![version(MNIST, "0.0.1", 70), version(MNIST, "0.0.2", 30)]
}

fn deploy(c: &mut Console, request: RealTimeRequest, at: u64) -> String {
    match c.apply(Command::DeployRealTime(request), at).unwrap() {
        Outcome::Deployed { service_id, .. } => service_id,
        other => panic!("{other:?}"),
    }
}

fn status(c: &Console, id: &str) -> ServiceStatus {
    c.real_time_service(id).unwrap().status
}

/// A Running Service Deployment pool of `nodes` nodes, created at `T0`; its id.
fn pool(c: &mut Console, nodes: u32) -> String {
    let mut request = PoolRequest::new(PoolType::ServiceDeployment, CPU2.into());
    request.name = format!("rt-pool-{nodes}");
    request.nodes = Some(nodes);
    let id = match c.apply(Command::CreatePool(request), T0).unwrap() {
        Outcome::PoolCreating { pool_id, .. } => pool_id,
        other => panic!("{other:?}"),
    };
    c.tick(T0 + CREATE_DURATION);
    id
}

fn on_pool(pool_id: &str) -> DeploymentLocation {
    DeploymentLocation::DedicatedPool {
        pool_name: pool_id.into(),
    }
}

/// The command is refused with `message` somewhere in its text, and the state is unchanged.
fn refused(c: &mut Console, command: Command, at: u64, message: &str) {
    c.tick(at);
    let before = c.state().clone();
    let err = c.apply(command, at).unwrap_err();
    assert!(
        err.to_string().contains(message),
        "{err} does not say {message}"
    );
    assert_eq!(c.state(), &before, "a refusal changed the state");
}

fn field_error(errors: &[FieldError], version: Option<usize>, field: Field) -> String {
    version_error_for(errors, version, field)
        .unwrap_or_else(|| panic!("no error for {field:?} of {version:?}: {errors:?}"))
        .to_string()
}

#[test]
fn every_deploy_rule_is_refused_beside_its_field_and_creates_nothing() {
    let mut c = console();
    let training = {
        let mut r = PoolRequest::new(PoolType::DevelopmentTraining, CPU2.into());
        r.name = "train-pool".into();
        match c.apply(Command::CreatePool(r), T0).unwrap() {
            Outcome::PoolCreating { pool_id, .. } => pool_id,
            _ => unreachable!(),
        }
    };
    deploy(&mut c, request("taken", gray()), T0);
    let cases: Vec<(RealTimeRequest, Option<usize>, Field, &str)> = vec![
        (
            request("1bad", gray()),
            None,
            Field::Name,
            "starting with a letter",
        ),
        (
            request("taken", gray()),
            None,
            Field::Name,
            "already exists",
        ),
        (
            RealTimeRequest {
                description: "a<b".into(),
                ..request("ok", gray())
            },
            None,
            Field::Description,
            "cannot contain",
        ),
        (
            RealTimeRequest {
                auto_stop: AutoStopChoice::Custom(Some(25)),
                ..request("ok", gray())
            },
            None,
            Field::AutoStop,
            "from 1 to 24",
        ),
        (
            RealTimeRequest {
                auto_stop: AutoStopChoice::Custom(None),
                ..request("ok", gray())
            },
            None,
            Field::AutoStop,
            "whole number of hours",
        ),
        (
            RealTimeRequest {
                location: on_pool(&training),
                ..request("ok", gray())
            },
            None,
            Field::ResourcePool,
            "only pools of type Dedicated for Service Deployment",
        ),
        (
            RealTimeRequest {
                location: on_pool("pool-gone"),
                ..request("ok", gray())
            },
            None,
            Field::ResourcePool,
            "does not exist",
        ),
        (
            request("ok", vec![version(MNIST, "0.0.3", 100)]),
            Some(0),
            Field::ModelVersion,
            "Only versions in the Normal state",
        ),
        (
            request(
                "ok",
                vec![version(MNIST, "0.0.1", 50), version(FLOWER, "1.0.0", 50)],
            ),
            Some(1),
            Field::ModelVersion,
            "same model",
        ),
        (
            request(
                "ok",
                vec![version(MNIST, "0.0.1", 50), version(MNIST, "0.0.1", 50)],
            ),
            Some(1),
            Field::ModelVersion,
            "must be unique",
        ),
        (
            request("ok", vec![version(MNIST, "0.0.1", 101)]),
            Some(0),
            Field::TrafficRatio,
            "from 0 to 100",
        ),
        (
            request(
                "ok",
                vec![version(MNIST, "0.0.1", 60), version(MNIST, "0.0.2", 30)],
            ),
            None,
            Field::TrafficRatio,
            "add up to 90%",
        ),
        (
            request(
                "ok",
                vec![VersionInput {
                    instance_count: Some(129),
                    ..version(MNIST, "0.0.1", 100)
                }],
            ),
            Some(0),
            Field::ComputeNodes,
            "from 1 to 128",
        ),
        (
            request(
                "ok",
                vec![VersionInput {
                    timeout: Some(2),
                    ..version(MNIST, "0.0.1", 100)
                }],
            ),
            Some(0),
            Field::Timeout,
            "from 3 to 120",
        ),
        (
            request(
                "ok",
                vec![VersionInput {
                    envs: vec![("1X".into(), "v".into())],
                    ..version(MNIST, "0.0.1", 100)
                }],
            ),
            Some(0),
            Field::EnvironmentVariables,
            "invalid",
        ),
        (
            request(
                "ok",
                vec![VersionInput {
                    specification: "modelarts.vm.gpu.nope".into(),
                    ..version(MNIST, "0.0.1", 100)
                }],
            ),
            Some(0),
            Field::Specifications,
            "Select specifications",
        ),
        (
            RealTimeRequest {
                websocket: true,
                ..request("ok", vec![version(FLOWER, "1.0.0", 100)])
            },
            None,
            Field::WebSocket,
            "container image",
        ),
        (
            request("ok", vec![]),
            None,
            Field::ModelVersions,
            "at least one",
        ),
    ];
    for (request, at, field, message) in cases {
        let errors = c.validate_real_time_deploy(&request);
        let shown = field_error(&errors, at, field);
        assert!(shown.contains(message), "{field:?}: {shown}");
        refused(&mut c, Command::DeployRealTime(request), T0, message);
    }
    // A sold-out flavor is refused in the region where it is sold out.
    c.apply(
        Command::SelectRegion {
            region: "cn-south-1".into(),
        },
        T0,
    )
    .unwrap();
    let sold_out = request(
        "ok",
        vec![VersionInput {
            specification: "modelarts.vm.gpu.p4u8".into(),
            ..version(MNIST, "0.0.1", 100)
        }],
    );
    let errors = c.validate_real_time_deploy(&sold_out);
    assert!(field_error(&errors, Some(0), Field::Specifications).contains("sold out"));
}

#[test]
fn the_account_has_at_most_twenty_real_time_services_unless_quotas_are_off() {
    let mut c = console();
    for i in 0..20 {
        deploy(&mut c, request(&format!("svc-{i}"), gray()), T0);
    }
    refused(
        &mut c,
        Command::DeployRealTime(request("one-more", gray())),
        T0,
        "already has 20 real-time services",
    );
    c.apply(Command::SetEnforceQuotas { enforce: false }, T0)
        .unwrap();
    deploy(&mut c, request("one-more", gray()), T0);
    assert_eq!(c.real_time_count(), 21);
}

#[test]
fn deploying_passes_five_phases_then_runs_and_bills_every_version() {
    let mut c = console();
    let id = deploy(&mut c, request("svc", gray()), T0);
    assert_eq!(status(&c, &id), ServiceStatus::Deploying);
    c.tick(T0 + DEPLOYED - 1);
    assert_eq!(status(&c, &id), ServiceStatus::Deploying);
    let s = c.real_time_service(&id).unwrap();
    assert_eq!(s.billing.billed_ms, 0, "nothing billed while deploying");
    c.tick(T0 + DEPLOYED + HOUR);
    let s = c.real_time_service(&id).unwrap();
    assert_eq!(s.status, ServiceStatus::Running);
    let phases: Vec<String> = s
        .events
        .iter()
        .filter(|e| matches!(e.kind, EventKind::DeployPhase { .. }))
        .map(|e| e.message())
        .collect();
    assert_eq!(
        phases,
        [
            "Deploying (1/5): image building.",
            "Deploying (2/5): environment preparation.",
            "Deploying (3/5): resource scheduling.",
            "Deploying (4/5): image pulling.",
            "Deploying (5/5): model startup."
        ]
    );
    assert_eq!(s.events[0].message(), "Deploy the service.");
    // Two versions of 0.17 USD per node-hour, one node each: 0.34 an hour.
    assert_eq!(s.billing.billed_ms, HOUR);
    assert!((s.billing.cost - 0.34).abs() < 1e-9, "{}", s.billing.cost);
    assert_eq!(c.real_time_rate(&s.config), 0.34);
}

#[test]
fn stop_start_and_delete_are_refused_where_the_rules_say() {
    let mut c = console();
    let id = deploy(&mut c, request("svc", gray()), T0);
    let stop = || Command::StopRealTime {
        service_id: id.clone(),
    };
    let start = || Command::StartRealTime {
        service_id: id.clone(),
    };
    let modify = || Command::ModifyRealTime {
        service_id: id.clone(),
        update: RealTimeUpdate {
            description: "new".into(),
            auto_stop: AutoStopChoice::Off,
            versions: gray(),
        },
    };
    refused(
        &mut c,
        stop(),
        T0 + SECOND,
        "Deploying state cannot be stopped",
    );
    refused(
        &mut c,
        modify(),
        T0 + SECOND,
        "Deploying state cannot be modified",
    );
    refused(
        &mut c,
        start(),
        T0 + SECOND,
        "Deploying state cannot be started",
    );
    let running = T0 + DEPLOYED;
    refused(&mut c, start(), running, "already running");
    c.apply(stop(), running).unwrap();
    assert_eq!(status(&c, &id), ServiceStatus::Stopping);
    refused(
        &mut c,
        modify(),
        running,
        "Stopping state cannot be modified",
    );
    c.tick(running + 5 * SECOND);
    assert_eq!(status(&c, &id), ServiceStatus::Stopped);
    refused(&mut c, stop(), running + 6 * SECOND, "already stopped");
    let billed = c.real_time_service(&id).unwrap().billing.billed_ms;
    c.tick(running + HOUR);
    assert_eq!(
        c.real_time_service(&id).unwrap().billing.billed_ms,
        billed,
        "not billed while stopped"
    );
    c.apply(start(), running + HOUR).unwrap();
    assert_eq!(status(&c, &id), ServiceStatus::Deploying);
    // Deleting needs the agency authorization; a deletion removes the service.
    c.apply(
        Command::SetAgencyAuthorization { authorized: false },
        running + HOUR,
    )
    .unwrap();
    let delete = || Command::DeleteRealTime {
        service_ids: vec![id.clone()],
    };
    refused(
        &mut c,
        delete(),
        running + HOUR,
        "without agency authorization",
    );
    c.apply(
        Command::SetAgencyAuthorization { authorized: true },
        running + HOUR,
    )
    .unwrap();
    c.apply(delete(), running + HOUR).unwrap();
    assert_eq!(status(&c, &id), ServiceStatus::Deleting);
    refused(
        &mut c,
        delete(),
        running + HOUR,
        "Deleting state cannot be deleted",
    );
    c.tick(running + HOUR + 5 * SECOND);
    assert!(c.real_time_service(&id).is_none());
}

#[test]
fn auto_stop_stops_the_service_at_its_time_and_a_change_restarts_the_count() {
    let mut c = console();
    let id = deploy(
        &mut c,
        RealTimeRequest {
            auto_stop: AutoStopChoice::default(),
            ..request("svc", gray())
        },
        T0,
    );
    let running = T0 + DEPLOYED;
    c.tick(running);
    let s = c.real_time_service(&id).unwrap();
    assert_eq!(s.due_time, Some(running + HOUR), "1 hour later by default");
    c.tick(running + HOUR - 1);
    assert_eq!(status(&c, &id), ServiceStatus::Running);
    c.tick(running + HOUR + 10 * SECOND);
    let s = c.real_time_service(&id).unwrap();
    assert_eq!(s.status, ServiceStatus::Stopped);
    assert!(s.events.iter().any(|e| e.time == running + HOUR
        && e.message() == "The service stops when the auto stop time expires."));
    assert_eq!(s.billing.billed_ms, HOUR, "billed up to the stop");
    // Started again, Auto Stop counts from the new run; changing it counts from the change,
    // without a restart.
    c.apply(
        Command::StartRealTime {
            service_id: id.clone(),
        },
        running + 2 * HOUR,
    )
    .unwrap();
    let second = running + 2 * HOUR + DEPLOYED;
    c.tick(second + MINUTE);
    assert_eq!(
        c.real_time_service(&id).unwrap().due_time,
        Some(second + HOUR)
    );
    let update = RealTimeUpdate {
        auto_stop: AutoStopChoice::Preset(4),
        ..RealTimeUpdate::from_service(c.real_time_service(&id).unwrap())
    };
    assert_eq!(c.upgrade_kind(&id, &update), UpgradeKind::Information);
    c.apply(
        Command::ModifyRealTime {
            service_id: id.clone(),
            update,
        },
        second + MINUTE,
    )
    .unwrap();
    let s = c.real_time_service(&id).unwrap();
    assert_eq!(s.status, ServiceStatus::Running);
    assert_eq!(s.due_time, Some(second + MINUTE + 4 * HOUR));
    assert_eq!(s.auto_stop_hours(), Some(4));
}

#[test]
fn a_pool_without_free_nodes_makes_the_service_wait_retry_three_times_then_fail() {
    let mut c = console();
    let pool_id = pool(&mut c, 2);
    let now = T0 + CREATE_DURATION;
    let big = RealTimeRequest {
        location: on_pool(&pool_id),
        ..request(
            "big",
            vec![VersionInput {
                instance_count: Some(3),
                ..version(MNIST, "0.0.1", 100)
            }],
        )
    };
    let id = deploy(&mut c, big, now);
    let s = c.real_time_service(&id).unwrap();
    assert_eq!(s.status, ServiceStatus::Waiting);
    assert_eq!(
        s.events.last().unwrap().message(),
        "Insufficient resources. Wait until idle resources are sufficient."
    );
    c.tick(now + 3 * RETRY_INTERVAL - 1);
    let s = c.real_time_service(&id).unwrap();
    assert_eq!(s.status, ServiceStatus::Waiting);
    assert_eq!(s.simulation.retries, 2);
    c.tick(now + 3 * RETRY_INTERVAL);
    let s = c.real_time_service(&id).unwrap();
    assert_eq!(s.status, ServiceStatus::Failed);
    assert_eq!(
        s.error_msg.as_deref(),
        Some("Insufficient resources. Wait until idle resources are sufficient.")
    );
    let retries = s
        .events
        .iter()
        .filter(|e| matches!(e.kind, EventKind::WaitingForResources { .. }))
        .count();
    assert_eq!(retries, 3, "waiting, then retries 1 and 2; the third fails");
    // With room made in time (the pool scaled out), a retry deploys it.
    c.apply(
        Command::StartRealTime {
            service_id: id.clone(),
        },
        now + HOUR,
    )
    .unwrap();
    assert_eq!(status(&c, &id), ServiceStatus::Waiting);
    c.apply(
        Command::ScalePool {
            pool_id: pool_id.clone(),
            request: ScaleRequest {
                nodes: Some(3),
                removed: vec![],
            },
        },
        now + HOUR,
    )
    .unwrap();
    c.tick(now + HOUR + RETRY_INTERVAL);
    assert_eq!(status(&c, &id), ServiceStatus::Deploying);
    c.tick(now + HOUR + RETRY_INTERVAL + DEPLOYED);
    assert_eq!(status(&c, &id), ServiceStatus::Running);
    assert_eq!(c.pool_occupied_nodes(&pool_id), 3);
    assert_eq!(c.pool_free_nodes(&pool_id), 0);
}

#[test]
fn simulated_calls_split_by_the_ratios_within_two_points_over_ten_thousand_calls() {
    let mut c = console();
    let id = deploy(&mut c, request("svc", gray()), T0);
    let running = T0 + DEPLOYED;
    c.apply(
        Command::SimulateTraffic {
            service_id: id.clone(),
            calls_per_minute: 1_000,
        },
        running,
    )
    .unwrap();
    c.tick(running + 10 * MINUTE + SECOND);
    let s = c.real_time_service(&id).unwrap();
    assert_eq!(s.invocation_times, 10_000);
    assert_eq!(s.failed_times, 0, "a Running service fails no call");
    let points = s.monitoring(running + 10 * MINUTE + SECOND);
    let per_version = |v: &str| -> u64 {
        points
            .iter()
            .flat_map(|p| &p.calls)
            .filter(|(version, _)| version == v)
            .map(|(_, n)| n)
            .sum()
    };
    let (a, b) = (per_version("0.0.1"), per_version("0.0.2"));
    assert_eq!(a + b, 10_000);
    assert!((a as f64 / 100.0 - 70.0).abs() <= 2.0, "{a}");
    assert!((b as f64 / 100.0 - 30.0).abs() <= 2.0, "{b}");
    // Stepping through time gives the same calls as one step.
    let mut stepped = console();
    let id2 = deploy(&mut stepped, request("svc", gray()), T0);
    stepped
        .apply(
            Command::SimulateTraffic {
                service_id: id2.clone(),
                calls_per_minute: 1_000,
            },
            running,
        )
        .unwrap();
    for i in 1..=66 {
        stepped.tick(running + i * 9 * SECOND);
    }
    stepped.tick(running + 10 * MINUTE + SECOND);
    assert_eq!(
        stepped.real_time_service(&id2).unwrap().calls,
        c.real_time_service(&id).unwrap().calls
    );
}

#[test]
fn a_prediction_is_answered_counted_and_refused_when_the_service_does_not_answer() {
    let mut c = console();
    let id = deploy(&mut c, request("svc", gray()), T0);
    let predict = || Command::Predict {
        service_id: id.clone(),
        body: r#"{"image": "digit.png"}"#.into(),
    };
    refused(
        &mut c,
        predict(),
        T0 + SECOND,
        "Deploying state cannot be called",
    );
    let running = T0 + DEPLOYED;
    let Outcome::Predicted { answer, .. } = c.apply(predict(), running).unwrap() else {
        panic!()
    };
    assert!(!answer.failed);
    assert!(answer.body.contains("predicted_label"), "{}", answer.body);
    assert!(["0.0.1", "0.0.2"].contains(&answer.model_version.as_str()));
    assert!((20..200).contains(&answer.latency_ms));
    let s = c.real_time_service(&id).unwrap();
    assert_eq!((s.invocation_times, s.failed_times), (1, 0));
    // The same body on a fresh service gives the same answer.
    let mut again = console();
    let id2 = deploy(&mut again, request("svc", gray()), T0);
    let Outcome::Predicted { answer: same, .. } = again
        .apply(
            Command::Predict {
                service_id: id2,
                body: r#"{"image": "digit.png"}"#.into(),
            },
            running,
        )
        .unwrap()
    else {
        panic!()
    };
    assert_eq!(same, answer);
    c.apply(
        Command::StopRealTime {
            service_id: id.clone(),
        },
        running,
    )
    .unwrap();
    refused(
        &mut c,
        predict(),
        running + MINUTE,
        "Stopped state cannot be called",
    );
}

/// The seed's table, cell by cell: hitless only for a container image on a dedicated pool.
#[test]
fn the_upgrade_is_hitless_only_for_container_images_on_a_dedicated_pool() {
    let cells = [
        (FLOWER, "1.0.0", "1.1.0", false, UpgradeKind::Interrupting),
        (FLOWER, "1.0.0", "1.1.0", true, UpgradeKind::Interrupting),
        (MNIST, "0.0.1", "0.0.2", false, UpgradeKind::Interrupting),
        (MNIST, "0.0.1", "0.0.2", true, UpgradeKind::Hitless),
        (
            SENTIMENT,
            "2.0.0",
            "2.0.0",
            false,
            UpgradeKind::Interrupting,
        ),
        (SENTIMENT, "2.0.0", "2.0.0", true, UpgradeKind::Interrupting),
    ];
    for (model, from, to, dedicated, kind) in cells {
        let mut c = console();
        let location = if dedicated {
            on_pool(&pool(&mut c, 4))
        } else {
            DeploymentLocation::PublicPool
        };
        let now = T0 + CREATE_DURATION;
        let id = deploy(
            &mut c,
            RealTimeRequest {
                location,
                ..request("svc", vec![version(model, from, 100)])
            },
            now,
        );
        c.tick(now + DEPLOYED);
        let mut update = RealTimeUpdate::from_service(c.real_time_service(&id).unwrap());
        update.versions[0].model_version = to.into();
        update.versions[0].instance_count = Some(2);
        assert_eq!(c.upgrade_kind(&id, &update), kind, "{model} {dedicated}");
    }
}

#[test]
fn a_hitless_upgrade_keeps_answering_and_an_interrupting_one_refuses_calls_until_it_runs() {
    let mut c = console();
    let pool_id = pool(&mut c, 4);
    let now = T0 + CREATE_DURATION;
    let id = deploy(
        &mut c,
        RealTimeRequest {
            location: on_pool(&pool_id),
            ..request("svc", vec![version(MNIST, "0.0.1", 100)])
        },
        now,
    );
    let running = now + DEPLOYED;
    c.tick(running);
    let mut update = RealTimeUpdate::from_service(c.real_time_service(&id).unwrap());
    update.versions[0].model_version = "0.0.2".into();
    let changes = c.real_time_changes(&id, &update);
    assert_eq!(
        changes.iter().map(ToString::to_string).collect::<Vec<_>>(),
        ["Version 0.0.1: Model and Version: mnist-classifier 0.0.1 -> mnist-classifier 0.0.2"]
    );
    c.apply(
        Command::ModifyRealTime {
            service_id: id.clone(),
            update,
        },
        running,
    )
    .unwrap();
    let s = c.real_time_service(&id).unwrap();
    assert_eq!(s.status, ServiceStatus::Running);
    assert_eq!(
        s.events.last().unwrap().message(),
        "The service is being updated."
    );
    assert_eq!(s.updates.last().unwrap().result, None);
    let predict = || Command::Predict {
        service_id: id.clone(),
        body: "{}".into(),
    };
    let Outcome::Predicted { answer, .. } = c.apply(predict(), running + SECOND).unwrap() else {
        panic!()
    };
    assert_eq!(
        answer.model_version, "0.0.1",
        "the old version answers meanwhile"
    );
    let same = RealTimeUpdate::from_service(c.real_time_service(&id).unwrap());
    refused(
        &mut c,
        Command::ModifyRealTime {
            service_id: id.clone(),
            update: same,
        },
        running + SECOND,
        "being updated",
    );
    c.tick(running + ROLLING_DURATION);
    let s = c.real_time_service(&id).unwrap();
    assert_eq!(s.config[0].model_version, "0.0.2");
    assert_eq!(
        s.updates.last().unwrap().result,
        Some(UpdateResult::Success)
    );
    assert_eq!(s.status, ServiceStatus::Running);

    // The same service moved to a training-job model... is not possible (one model); a
    // public-pool service upgrades by interruption.
    let mut c = console();
    let id = deploy(
        &mut c,
        request("svc", vec![version(MNIST, "0.0.1", 100)]),
        T0,
    );
    c.tick(T0 + DEPLOYED);
    let mut update = RealTimeUpdate::from_service(c.real_time_service(&id).unwrap());
    update.versions[0].instance_count = Some(2);
    assert_eq!(c.upgrade_kind(&id, &update), UpgradeKind::Interrupting);
    c.apply(
        Command::ModifyRealTime {
            service_id: id.clone(),
            update,
        },
        T0 + DEPLOYED,
    )
    .unwrap();
    assert_eq!(status(&c, &id), ServiceStatus::Deploying);
    refused(
        &mut c,
        predict_on(&id),
        T0 + DEPLOYED + SECOND,
        "cannot be called",
    );
    c.tick(T0 + 2 * DEPLOYED);
    let s = c.real_time_service(&id).unwrap();
    assert_eq!(s.status, ServiceStatus::Running);
    assert_eq!(s.config[0].instance_count, 2);
    assert_eq!(
        s.updates.last().unwrap().result,
        Some(UpdateResult::Success)
    );
    assert_eq!(s.billing.hourly_rate, 0.34);
}

fn predict_on(id: &str) -> Command {
    Command::Predict {
        service_id: id.into(),
        body: "{}".into(),
    }
}

#[test]
fn a_change_of_traffic_ratios_alone_applies_at_once() {
    let mut c = console();
    let id = deploy(&mut c, request("svc", gray()), T0);
    c.tick(T0 + DEPLOYED);
    let mut update = RealTimeUpdate::from_service(c.real_time_service(&id).unwrap());
    update.versions[0].weight = Some(50);
    update.versions[1].weight = Some(50);
    assert_eq!(c.upgrade_kind(&id, &update), UpgradeKind::Traffic);
    c.apply(
        Command::ModifyRealTime {
            service_id: id.clone(),
            update,
        },
        T0 + DEPLOYED,
    )
    .unwrap();
    let s = c.real_time_service(&id).unwrap();
    assert_eq!(s.status, ServiceStatus::Running);
    assert_eq!(
        s.config.iter().map(|v| v.weight).collect::<Vec<_>>(),
        [50, 50]
    );
    assert_eq!(
        s.updates.last().unwrap().result,
        Some(UpdateResult::Success)
    );
    assert_eq!(s.updates.last().unwrap().kind, UpgradeKind::Traffic);
}

#[test]
fn pools_hold_the_nodes_of_their_real_time_services() {
    let mut c = console();
    let pool_id = pool(&mut c, 3);
    let now = T0 + CREATE_DURATION;
    let id = deploy(
        &mut c,
        RealTimeRequest {
            location: on_pool(&pool_id),
            ..request(
                "held",
                vec![VersionInput {
                    instance_count: Some(2),
                    ..version(MNIST, "0.0.1", 100)
                }],
            )
        },
        now,
    );
    c.tick(now + DEPLOYED);
    assert_eq!(c.pool_free_nodes(&pool_id), 1);
    // Scale-in below what the services occupy is refused, naming them.
    let pool = c.pool(&pool_id).unwrap().clone();
    refused(
        &mut c,
        Command::ScalePool {
            pool_id: pool_id.clone(),
            request: ScaleRequest {
                nodes: Some(1),
                removed: pool.nodes[..2].iter().map(|n| n.name.clone()).collect(),
            },
        },
        now + DEPLOYED,
        "held (2 node(s))",
    );
    // An Abnormal pool puts the service in Alarm, where one call in five fails; and back.
    c.apply(
        Command::SetPoolFault {
            pool_id: pool_id.clone(),
            abnormal: true,
        },
        now + DEPLOYED,
    )
    .unwrap();
    assert_eq!(status(&c, &id), ServiceStatus::Concerning);
    c.apply(
        Command::SimulateTraffic {
            service_id: id.clone(),
            calls_per_minute: 100,
        },
        now + DEPLOYED,
    )
    .unwrap();
    c.tick(now + DEPLOYED + 10 * MINUTE);
    let s = c.real_time_service(&id).unwrap();
    assert_eq!(s.failed_times * 5, s.invocation_times, "{s:?}");
    c.apply(
        Command::SetPoolFault {
            pool_id: pool_id.clone(),
            abnormal: false,
        },
        now + DEPLOYED + 10 * MINUTE,
    )
    .unwrap();
    assert_eq!(status(&c, &id), ServiceStatus::Running);
    // Deleting the pool fails the service.
    assert_eq!(c.plan_pool_delete(&pool_id).real_time_services.len(), 1);
    let outcome = c
        .apply(
            Command::DeletePool {
                pool_id: pool_id.clone(),
                confirmation: "DELETE".into(),
            },
            now + DEPLOYED + 11 * MINUTE,
        )
        .unwrap();
    assert!(matches!(
        outcome,
        Outcome::PoolDeleting {
            failed_services: 1,
            ..
        }
    ));
    let s = c.real_time_service(&id).unwrap();
    assert_eq!(s.status, ServiceStatus::Failed);
    assert!(s.error_msg.as_deref().unwrap().contains("has been deleted"));
    refused(
        &mut c,
        Command::StartRealTime { service_id: id },
        now + DEPLOYED + 12 * MINUTE,
        "has been deleted",
    );
}

#[test]
fn the_demo_has_every_real_time_case_of_the_issue() {
    let c = console_core::demo::demo_console(Catalog::embedded(), T0, console_core::Lang::En);
    let services = c.real_time_services();
    let find = |name: &str| services.iter().find(|s| s.service_name == name).unwrap();
    let gray = find("mnist-realtime-gray");
    assert_eq!(gray.status, ServiceStatus::Running);
    assert_eq!(
        gray.config.iter().map(|v| v.weight).collect::<Vec<_>>(),
        [90, 10]
    );
    assert!(gray.invocation_times > 0 && !gray.calls.is_empty());
    let dedicated = find("ocr-realtime-dedicated");
    assert_eq!(dedicated.status, ServiceStatus::Running);
    assert!(matches!(
        dedicated.location,
        DeploymentLocation::DedicatedPool { .. }
    ));
    let mut update = RealTimeUpdate::from_service(dedicated);
    update.versions[0].envs = vec![("WORKERS".into(), "2".into())];
    assert_eq!(
        c.upgrade_kind(&dedicated.service_id, &update),
        UpgradeKind::Hitless
    );
    assert_eq!(
        find("flower-realtime-stopped").status,
        ServiceStatus::Stopped
    );
    assert_eq!(
        find("sentiment-realtime-failed").status,
        ServiceStatus::Failed
    );
    let soon = find("mnist-realtime-autostop");
    assert_eq!(soon.status, ServiceStatus::Running);
    assert!(soon.due_time.unwrap() - T0 <= 10 * MINUTE);
    // Nothing refused on load.
    let text = console_core::snapshot::encode_stored(c.state(), T0);
    assert_eq!(&console_core::snapshot::decode(&text).unwrap(), c.state());
}

#[test]
fn an_invalid_modification_is_refused_beside_its_field() {
    let mut c = console();
    let id = deploy(&mut c, request("svc", gray()), T0);
    c.tick(T0 + DEPLOYED);
    let mut update = RealTimeUpdate::from_service(c.real_time_service(&id).unwrap());
    update.versions[1].weight = Some(20);
    let errors = c.validate_real_time_modify(&id, &update);
    assert!(field_error(&errors, None, Field::TrafficRatio).contains("add up to 90%"));
    refused(
        &mut c,
        Command::ModifyRealTime {
            service_id: id.clone(),
            update,
        },
        T0 + DEPLOYED,
        "add up to 90%",
    );
    let err = DomainError::Invalid(vec![]);
    assert_eq!(err.to_string(), "");
}

proptest::proptest! {
    /// Advancing in one step or in several gives the same real-time services to the last bit
    /// (phases, waiting, auto stop, upgrades, calls, bills): what the stored form relies on.
    #[test]
    fn advancing_in_steps_is_advancing_at_once(
        traffic in 0u32..2_000,
        auto_stop in proptest::option::of(1u32..=2),
        nodes in 1u32..=3,
        upgrade_at in proptest::option::of(0u64..3 * 3_600_000),
        splits in proptest::collection::vec(1u64..900_000, 1..12),
    ) {
        let mut c = console();
        let pool_id = pool(&mut c, 4);
        let now = T0 + CREATE_DURATION;
        let id = deploy(&mut c, RealTimeRequest {
            location: on_pool(&pool_id),
            auto_stop: AutoStopChoice::of_hours(auto_stop),
            ..request("svc", vec![VersionInput { instance_count: Some(nodes), ..version(MNIST, "0.0.1", 100) }])
        }, now);
        c.apply(Command::SimulateTraffic { service_id: id.clone(), calls_per_minute: traffic }, now).unwrap();
        if let Some(after) = upgrade_at {
            c.tick(now + after);
            if let Some(s) = c.real_time_service(&id).filter(|s| s.answers_calls()) {
                let mut update = RealTimeUpdate::from_service(s);
                update.versions[0].model_version = "0.0.2".into();
                c.apply(Command::ModifyRealTime { service_id: id.clone(), update }, now + after).unwrap();
            }
        }
        let start = c.advanced_to().unwrap();
        let mut stepped = c.clone();
        let mut at = start;
        for split in &splits {
            at += split;
            stepped.tick(at);
        }
        let mut at_once = c.clone();
        at_once.tick(at);
        proptest::prop_assert_eq!(stepped.real_time_services(), at_once.real_time_services());
    }
}

#[test]
fn export_and_import_carry_real_time_services_in_the_api_shape() {
    use console_core::ExportScope;
    let demo = console_core::demo::demo_console(Catalog::embedded(), T0, console_core::Lang::En);
    let text = demo.export(ExportScope::RealTimeServices, T0);
    let file: serde_json::Value = serde_json::from_str(&text).unwrap();
    let services = file["services"]["services"].as_array().unwrap();
    assert_eq!(services.len(), demo.real_time_services().len());
    assert!(file.get("pools").is_none());
    let gray = services
        .iter()
        .find(|s| s["service_name"] == "mnist-realtime-gray")
        .unwrap();
    assert_eq!(gray["infer_type"], "real-time");
    assert_eq!(gray["config"][0]["weight"], 90);
    assert_eq!(gray["config"][1]["weight"], 10);
    assert!(gray["access_address"]
        .as_str()
        .unwrap()
        .starts_with("https://infer.cn-north-4.example.com/v1/infers/"));
    assert!(gray["invocation_times"].as_u64().unwrap() > 0);
    assert!(gray.get("failed_times").is_some());
    let soon = services
        .iter()
        .find(|s| s["service_name"] == "mnist-realtime-autostop")
        .unwrap();
    assert_eq!(
        soon["schedule"],
        serde_json::json!([{"type": "stop", "time_unit": "HOURS", "duration": 1}])
    );
    // The batch list's export holds no real-time service; Settings' holds both kinds.
    let batch = demo.export(ExportScope::Services, T0);
    assert!(!batch.contains("\"real-time\""));
    let all = demo.export(ExportScope::All, T0);
    assert!(all.contains("\"real-time\"") && all.contains("\"batch\""));

    // Into an empty console: the pools first (the dedicated service names one), then the
    // services; they come back as they were, with the import's event.
    let mut c = console();
    c.apply(Command::Import { text: all }, T0).unwrap();
    assert_eq!(
        c.real_time_services().len(),
        demo.real_time_services().len()
    );
    let back = c
        .real_time_services()
        .iter()
        .find(|s| s.service_name == "mnist-realtime-gray")
        .unwrap();
    assert_eq!(
        back.invocation_times,
        gray["invocation_times"].as_u64().unwrap()
    );
    assert_eq!(
        back.events.last().unwrap().message(),
        "The service was imported from an export file."
    );
}

#[test]
fn an_import_of_real_time_services_is_validated_like_the_rest() {
    use console_core::ExportScope;
    let demo = console_core::demo::demo_console(Catalog::embedded(), T0, console_core::Lang::En);
    let text = demo.export(ExportScope::All, T0);
    let edited = |f: &dyn Fn(&mut serde_json::Value)| {
        let mut file: serde_json::Value = serde_json::from_str(&text).unwrap();
        let services = file["services"]["services"].as_array_mut().unwrap();
        let gray = services
            .iter_mut()
            .find(|s| s["service_name"] == "mnist-realtime-gray")
            .unwrap();
        f(gray);
        file.to_string()
    };
    let cases: Vec<(String, &str)> = vec![
        (
            edited(&|s| s["config"][0]["weight"] = 80.into()),
            "add up to 90: they must add up to exactly 100",
        ),
        (
            edited(&|s| {
                s["schedule"] =
                    serde_json::json!([{"type": "stop", "time_unit": "HOURS", "duration": 30}])
            }),
            "1 to 24 hours later",
        ),
        (
            edited(&|s| s["config"][1]["model_version"] = "0.0.1".into()),
            "configured twice",
        ),
        (
            edited(&|s| s["status"] = "finished".into()),
            "never completes",
        ),
        (
            edited(&|s| s["config"][0]["instance_count"] = 0.into()),
            "from 1 to 128",
        ),
    ];
    for (file, message) in cases {
        let mut c = console();
        let before = c.state().clone();
        let err = c.apply(Command::Import { text: file }, T0).unwrap_err();
        assert!(err.to_string().contains(message), "{err}");
        assert!(err.to_string().contains("services.services["), "{err}");
        assert_eq!(c.state(), &before);
    }
    // Pool capacity: the dedicated service asks for more nodes than its pool has.
    let over = {
        let mut file: serde_json::Value = serde_json::from_str(&text).unwrap();
        let services = file["services"]["services"].as_array_mut().unwrap();
        let ocr = services
            .iter_mut()
            .find(|s| s["service_name"] == "ocr-realtime-dedicated")
            .unwrap();
        ocr["config"][0]["instance_count"] = 5.into();
        file.to_string()
    };
    let mut c = console();
    let err = c.apply(Command::Import { text: over }, T0).unwrap_err();
    assert!(err.to_string().contains("would occupy 5 node(s)"), "{err}");
    // The account limit counts what the file adds.
    let mut c = console();
    for i in 0..18 {
        deploy(&mut c, request(&format!("svc-{i}"), gray()), T0);
    }
    let err = c
        .apply(
            Command::Import {
                text: demo.export(ExportScope::All, T0),
            },
            T0,
        )
        .unwrap_err();
    assert!(
        err.to_string().contains("at most 20 real-time services"),
        "{err}"
    );
}

#[test]
fn an_import_replaces_a_service_of_the_other_kind_that_has_its_id() {
    use console_core::ExportScope;
    let mut demo =
        console_core::demo::demo_console(Catalog::embedded(), T0, console_core::Lang::En);
    demo.apply(Command::SetAgencyAuthorization { authorized: true }, T0)
        .unwrap();
    let batch = demo.services()[0].clone();
    let mut file: serde_json::Value =
        serde_json::from_str(&demo.export(ExportScope::RealTimeServices, T0)).unwrap();
    let services = file["services"]["services"].as_array_mut().unwrap();
    services.retain(|s| s["service_name"] == "flower-realtime-stopped");
    services[0]["service_id"] = batch.service_id.clone().into();
    services[0]["service_name"] = "flower-realtime-copy".into();
    file["services"]["count"] = 1.into();
    let text = file.to_string();
    let plan = demo.plan_import(&text, T0).unwrap();
    assert_eq!(plan.services.added, vec![]);
    assert_eq!(plan.services.replaced.len(), 1);
    assert_eq!(
        plan.services.replaced[0].previous_name.as_deref(),
        Some(batch.service_name.as_str())
    );
    let real_time_before = demo.real_time_services().len();
    demo.apply(Command::Import { text }, T0).unwrap();
    assert!(
        demo.service(&batch.service_id).is_none(),
        "the batch one left"
    );
    let replaced = demo.real_time_service(&batch.service_id).unwrap();
    assert_eq!(replaced.service_name, "flower-realtime-copy");
    // The file's service took the id; the one it came from keeps its own.
    assert_eq!(demo.real_time_services().len(), real_time_before + 1);
}

#[test]
fn an_imported_rolling_upgrade_must_be_one_the_console_could_be_in() {
    use console_core::ExportScope;
    let demo = console_core::demo::demo_console(Catalog::embedded(), T0, console_core::Lang::En);
    let mut file: serde_json::Value =
        serde_json::from_str(&demo.export(ExportScope::All, T0)).unwrap();
    let services = file["services"]["services"].as_array_mut().unwrap();
    let stopped = services
        .iter_mut()
        .find(|s| s["service_name"] == "flower-realtime-stopped")
        .unwrap();
    let config = stopped["config"].clone();
    stopped["simulation"]["rolling"] =
        serde_json::json!({"config": config, "until": T0, "hourly_rate": 1.0});
    let mut c = console();
    let before = c.state().clone();
    let err = c
        .apply(
            Command::Import {
                text: file.to_string(),
            },
            T0,
        )
        .unwrap_err()
        .to_string();
    assert!(err.contains("simulation.rolling"), "{err}");
    assert!(err.contains("Only a Running or Alarm service"), "{err}");
    assert!(err.contains("the update in progress"), "{err}");
    assert_eq!(c.state(), &before);
}

/// A Running service of `nodes` nodes on `pool_id`, Auto Stop after `hours`; its id.
fn running_on(c: &mut Console, pool_id: &str, nodes: u32, hours: Option<u32>, at: u64) -> String {
    let id = deploy(
        c,
        RealTimeRequest {
            location: on_pool(pool_id),
            auto_stop: AutoStopChoice::of_hours(hours),
            ..request(
                &format!("svc-{at}"),
                vec![VersionInput {
                    instance_count: Some(nodes),
                    ..version(MNIST, "0.0.1", 100)
                }],
            )
        },
        at,
    );
    c.tick(at + DEPLOYED);
    assert_eq!(status(c, &id), ServiceStatus::Running);
    id
}

#[test]
fn auto_stop_during_a_hitless_upgrade_ends_the_upgrade_as_failed() {
    let mut c = console();
    let pool_id = pool(&mut c, 2);
    let now = T0 + CREATE_DURATION;
    let id = running_on(&mut c, &pool_id, 1, Some(1), now);
    let due = c.real_time_service(&id).unwrap().due_time.unwrap();
    let at = due - 10 * SECOND;
    c.tick(at);
    let mut update = RealTimeUpdate::from_service(c.real_time_service(&id).unwrap());
    update.versions[0].model_version = "0.0.2".into();
    let outcome = c
        .apply(
            Command::ModifyRealTime {
                service_id: id.clone(),
                update,
            },
            at,
        )
        .unwrap();
    assert!(matches!(
        outcome,
        Outcome::Upgraded {
            kind: UpgradeKind::Hitless,
            ..
        }
    ));
    c.tick(due + 20 * SECOND);
    let s = c.real_time_service(&id).unwrap();
    assert!(matches!(
        s.status,
        ServiceStatus::Stopping | ServiceStatus::Stopped
    ));
    assert!(s.simulation.rolling.is_none(), "the rolling upgrade ended");
    assert_eq!(s.updates.last().unwrap().result, Some(UpdateResult::Fail));
    assert_eq!(s.config[0].model_version, "0.0.1", "the old version stays");
    let kinds: Vec<_> = s.events.iter().rev().take(3).map(|e| &e.kind).collect();
    assert!(kinds.contains(&&EventKind::UpdateFailed), "{kinds:?}");
    assert!(kinds.contains(&&EventKind::AutoStopped), "{kinds:?}");
}

#[test]
fn an_interrupting_upgrade_restarts_the_auto_stop_count_once_running() {
    let mut c = console();
    let now = T0;
    let id = deploy(
        &mut c,
        RealTimeRequest {
            auto_stop: AutoStopChoice::of_hours(Some(1)),
            ..request("public", vec![version(MNIST, "0.0.1", 100)])
        },
        now,
    );
    c.tick(now + DEPLOYED);
    let at = now + DEPLOYED + 50 * MINUTE;
    c.tick(at);
    let mut update = RealTimeUpdate::from_service(c.real_time_service(&id).unwrap());
    update.versions[0].model_version = "0.0.2".into();
    c.apply(
        Command::ModifyRealTime {
            service_id: id.clone(),
            update,
        },
        at,
    )
    .unwrap();
    let s = c.real_time_service(&id).unwrap();
    assert_eq!(s.status, ServiceStatus::Deploying);
    assert_eq!(s.due_time, None, "no countdown while it redeploys");
    c.tick(at + DEPLOYED);
    let s = c.real_time_service(&id).unwrap();
    assert_eq!(s.status, ServiceStatus::Running);
    assert_eq!(s.due_time, Some(at + DEPLOYED + HOUR));
}

#[test]
fn waiting_services_keep_their_claim_and_are_admitted_as_nodes_free_up() {
    let mut c = console();
    let pool_id = pool(&mut c, 2);
    let now = T0 + CREATE_DURATION;
    let holder = running_on(&mut c, &pool_id, 2, None, now);
    let start = now + DEPLOYED;
    let waiting = |name: &str| RealTimeRequest {
        location: on_pool(&pool_id),
        ..request(
            name,
            vec![VersionInput {
                instance_count: Some(1),
                ..version(MNIST, "0.0.1", 100)
            }],
        )
    };
    let first = deploy(&mut c, waiting("first"), start);
    let second = deploy(&mut c, waiting("second"), start + SECOND);
    assert_eq!(status(&c, &first), ServiceStatus::Waiting);
    assert_eq!(status(&c, &second), ServiceStatus::Waiting);
    assert_eq!(
        c.pool_occupied_nodes(&pool_id),
        4,
        "a Waiting service occupies the nodes it waits for (RULES.md)"
    );
    assert_eq!(c.pool_free_nodes(&pool_id), 0);
    // ... yet a load or an import accepts it: only placed nodes must fit.
    let text = console_core::snapshot::encode(c.state(), start + SECOND);
    console_core::snapshot::decode(&text).expect("a waiting claim beyond the pool loads");
    // The holder stops: at their next retries both fit, the first one first.
    c.apply(
        Command::StopRealTime {
            service_id: holder.clone(),
        },
        start + MINUTE,
    )
    .unwrap();
    let mut stepped = c.clone();
    for step in 1..=30 {
        stepped.tick(start + MINUTE + step * 5 * SECOND);
    }
    c.tick(start + MINUTE + 30 * 5 * SECOND);
    assert_eq!(stepped.real_time_services(), c.real_time_services());
    assert_eq!(status(&c, &first), ServiceStatus::Running);
    assert_eq!(status(&c, &second), ServiceStatus::Running);
    assert_eq!(c.pool_occupied_nodes(&pool_id), 2);
}

#[test]
fn a_scaling_pool_still_offers_the_nodes_it_keeps() {
    let mut c = console();
    let pool_id = pool(&mut c, 3);
    let now = T0 + CREATE_DURATION;
    let holder = running_on(&mut c, &pool_id, 2, None, now);
    let start = now + DEPLOYED;
    let id = deploy(
        &mut c,
        RealTimeRequest {
            location: on_pool(&pool_id),
            ..request(
                "two",
                vec![VersionInput {
                    instance_count: Some(2),
                    ..version(MNIST, "0.0.1", 100)
                }],
            )
        },
        start,
    );
    assert_eq!(status(&c, &id), ServiceStatus::Waiting);
    c.apply(Command::StopRealTime { service_id: holder }, start + SECOND)
        .unwrap();
    // The pool is still Scaling (a node being added) when the retry comes.
    let scale_at = start + RETRY_INTERVAL - 30 * SECOND;
    c.apply(
        Command::ScalePool {
            pool_id: pool_id.clone(),
            request: ScaleRequest {
                nodes: Some(4),
                removed: vec![],
            },
        },
        scale_at,
    )
    .unwrap();
    // Three usable nodes (the one being added is not there yet), two claimed by the waiting.
    assert_eq!(c.pool_free_nodes(&pool_id), 1);
    c.tick(start + RETRY_INTERVAL);
    assert_eq!(status(&c, &id), ServiceStatus::Deploying);
}

#[test]
fn a_service_that_starts_on_an_abnormal_pool_is_in_alarm_from_its_first_minute() {
    let mut c = console();
    let pool_id = pool(&mut c, 2);
    let now = T0 + CREATE_DURATION;
    let id = deploy(
        &mut c,
        RealTimeRequest {
            location: on_pool(&pool_id),
            ..request("alarm", vec![version(MNIST, "0.0.1", 100)])
        },
        now,
    );
    c.apply(
        Command::SimulateTraffic {
            service_id: id.clone(),
            calls_per_minute: 600,
        },
        now,
    )
    .unwrap();
    c.apply(
        Command::SetPoolFault {
            pool_id: pool_id.clone(),
            abnormal: true,
        },
        now + SECOND,
    )
    .unwrap();
    let mut stepped = c.clone();
    for step in 1..=20 {
        stepped.tick(now + step * 30 * SECOND);
    }
    c.tick(now + 20 * 30 * SECOND);
    assert_eq!(stepped.real_time_services(), c.real_time_services());
    let s = c.real_time_service(&id).unwrap();
    assert_eq!(s.status, ServiceStatus::Concerning);
    let running = s
        .events
        .iter()
        .find(|e| e.kind == EventKind::Running)
        .unwrap()
        .time;
    let alarm = s
        .events
        .iter()
        .find(|e| matches!(e.kind, EventKind::PoolAbnormal { .. }))
        .unwrap()
        .time;
    assert_eq!(alarm, running);
    assert!(s.failed_times > 0, "an Alarm service fails some calls");
}

#[test]
fn monitoring_reads_a_long_running_service_as_up_after_its_events_are_pruned() {
    let mut c = console();
    let id = deploy(&mut c, request("long", gray()), T0);
    let running = T0 + DEPLOYED;
    c.tick(running);
    // Enough changes of the description to push the Running event out.
    for i in 0..100u64 {
        let mut update = RealTimeUpdate::from_service(c.real_time_service(&id).unwrap());
        update.description = format!("change {i}");
        c.apply(
            Command::ModifyRealTime {
                service_id: id.clone(),
                update,
            },
            running + HOUR + i * SECOND,
        )
        .unwrap();
    }
    let later = running + 2 * HOUR;
    c.tick(later);
    let s = c.real_time_service(&id).unwrap();
    assert!(
        s.events.iter().all(|e| e.kind != EventKind::Running),
        "pruned"
    );
    assert_eq!(s.status, ServiceStatus::Running);
    let points = s.monitoring(later);
    assert!(points.iter().all(|p| p.cpu > 0.0), "up without calls");
}

proptest::proptest! {
    /// Services sharing a pool (waiting for each other's nodes, in Alarm while it is
    /// Abnormal, one stopped to make room) come out the same whatever steps time moved in.
    #[test]
    fn services_sharing_a_pool_advance_the_same_in_any_steps(
        nodes in proptest::collection::vec(1u32..=3, 2..5),
        gaps in proptest::collection::vec(0u64..3 * 60_000, 4),
        fault in proptest::option::of((0u64..10 * 60_000, 1u64..10 * 60_000)),
        stop_first_at in proptest::option::of(0u64..8 * 60_000),
        splits in proptest::collection::vec(1u64..200_000, 1..30),
    ) {
        let mut c = console();
        let pool_id = pool(&mut c, 3);
        let start = T0 + CREATE_DURATION;
        let mut actions: Vec<(u64, Command)> = Vec::new();
        let mut at = start;
        for (i, n) in nodes.iter().enumerate() {
            at += gaps[i % gaps.len()];
            actions.push((at, Command::DeployRealTime(RealTimeRequest {
                location: on_pool(&pool_id),
                ..request(&format!("svc-{i}"), vec![VersionInput {
                    instance_count: Some(*n),
                    ..version(MNIST, "0.0.1", 100)
                }])
            })));
        }
        if let Some((after, lasting)) = fault {
            let fault = |abnormal| Command::SetPoolFault { pool_id: pool_id.clone(), abnormal };
            actions.push((start + after, fault(true)));
            actions.push((start + after + lasting, fault(false)));
        }
        if let Some(after) = stop_first_at {
            // The first service's id is the one its deploy will generate.
            let mut probe = c.clone();
            let Outcome::Deployed { service_id, .. } =
                probe.apply(actions[0].1.clone(), actions[0].0).unwrap()
            else {
                unreachable!()
            };
            actions.push((actions[0].0 + after, Command::StopRealTime { service_id }));
        }
        console_core::sort::sort_by_key(&mut actions, |(at, _)| *at);
        let end = start + 20 * 60_000;
        actions.push((end, Command::SimulateTraffic { service_id: String::new(), calls_per_minute: 0 }));
        let mut stepped = c.clone();
        let mut at_once = c;
        let mut splits = splits.into_iter().cycle();
        let mut now = start;
        for (at, command) in actions {
            loop {
                let step = now + splits.next().unwrap();
                if step >= at {
                    break;
                }
                stepped.tick(step);
                now = step;
            }
            now = at;
            let a = stepped.apply(command.clone(), at);
            let b = at_once.apply(command, at);
            proptest::prop_assert_eq!(a.is_ok(), b.is_ok());
            proptest::prop_assert_eq!(stepped.real_time_services(), at_once.real_time_services());
        }
        proptest::prop_assert_eq!(stepped.pools(), at_once.pools());
    }
}

#[test]
fn the_core_answers_what_the_forms_offer() {
    let mut c = console();
    // WebSocket only for a container image's model.
    assert!(c.offers_websocket(MNIST));
    assert!(!c.offers_websocket(FLOWER));
    assert!(!c.offers_websocket(SENTIMENT));
    // The next Normal version not configured yet, then none.
    let first = c.next_model_version(MNIST, &[]).unwrap();
    let second = c
        .next_model_version(MNIST, std::slice::from_ref(&first))
        .unwrap();
    assert_ne!(first, second);
    let all: Vec<String> = c
        .catalog()
        .model(MNIST)
        .unwrap()
        .normal_versions()
        .map(|v| v.model_version.clone())
        .collect();
    assert_eq!(c.next_model_version(MNIST, &all), None);
    // Only hitless and interrupting upgrades ask first.
    assert!(UpgradeKind::Hitless.asks_first() && UpgradeKind::Interrupting.asks_first());
    assert!(!UpgradeKind::Information.asks_first() && !UpgradeKind::Traffic.asks_first());
    // Simulate Traffic's field.
    use console_core::realtime::parse_calls_per_minute;
    assert_eq!(parse_calls_per_minute(" 120 "), Ok(120));
    assert_eq!(parse_calls_per_minute("10000"), Ok(10_000));
    for bad in ["10001", "-1", "1.5", "", "many"] {
        assert_eq!(
            parse_calls_per_minute(bad).unwrap_err().to_string(),
            "Enter a whole number of calls per minute from 0 to 10,000."
        );
    }
    // Where a deployment starts: Waiting when the pool is short of free nodes.
    let pool_id = pool(&mut c, 2);
    let on = |n| RealTimeRequest {
        location: on_pool(&pool_id),
        ..request(
            "x",
            vec![VersionInput {
                instance_count: Some(n),
                ..version(MNIST, "0.0.1", 100)
            }],
        )
    };
    assert_eq!(c.real_time_deploy_status(&on(2)), ServiceStatus::Deploying);
    assert_eq!(c.real_time_deploy_status(&on(3)), ServiceStatus::Waiting);
    assert_eq!(
        c.real_time_deploy_status(&request("p", gray())),
        ServiceStatus::Deploying
    );
}

#[test]
fn a_pool_keeps_its_nodes_in_use_over_time_for_its_chart() {
    let mut c = console();
    let pool_id = pool(&mut c, 3);
    let now = T0 + CREATE_DURATION;
    let use_of = |c: &Console| c.pool(&pool_id).unwrap().usage.clone();
    assert!(use_of(&c).is_empty(), "no history while nothing is in use");
    let id = running_on(&mut c, &pool_id, 2, None, now);
    let usage = use_of(&c);
    let last = |u: &[UsagePoint]| u.last().map(|p| (p.in_use, p.nodes));
    assert_eq!(
        usage[0].at, T0,
        "the history starts at the pool's creation, none in use"
    );
    assert_eq!((usage[0].in_use, usage[0].nodes), (0, 3));
    assert_eq!(
        (usage[1].at, last(&usage)),
        (now, Some((2, 3))),
        "in use from the deployment on"
    );
    let stop = now + 2 * HOUR;
    c.apply(Command::StopRealTime { service_id: id }, stop)
        .unwrap();
    c.tick(stop + HOUR);
    let usage = use_of(&c);
    assert_eq!(last(&usage), Some((0, 3)), "released by the stop");
    // The chart's samples: evenly spread from the creation to now, both included.
    let samples = c.pool(&pool_id).unwrap().usage_over(T0 + 4 * HOUR, 5);
    let in_use: Vec<u32> = samples.iter().map(|s| s.in_use).collect();
    assert_eq!((samples[0].at, samples[4].at), (T0, T0 + 4 * HOUR));
    assert_eq!(in_use, vec![0, 2, 2, 0, 0]);
    assert_eq!(c.pool(&pool_id).unwrap().most_in_use(), 2);
    assert!(samples.iter().all(|s| s.nodes == 3));
}

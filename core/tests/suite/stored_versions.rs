//! Every stored version that ever shipped loads to the state it held, for as long as the
//! console exists. Each version's fixture was written by the code of that version and is
//! never regenerated: a change to the types or the readers that misreads old saved data (a
//! field renamed, a version-5 name or number wrong) fails here.
//!
//! `full/` holds one state that sets every field and every event kind of services and pools
//! to a value other than its default, so a field read wrongly shows: the expected state (`full/expected.json`, the JSON snapshot) and that state in each stored
//! form since version 5 (`full/v<N>.txt`). When a version is added, write its fixture once
//! with `WRITE_FIXTURE=1 cargo test -p console-core --test suite stored_versions` and commit it.

use crate::common::T0;
use console_core::event::{EventKind, EventType, ServiceEvent};
use console_core::pool::{PoolEvent, PoolEventKind, PoolNetwork};
use console_core::service::{MappingField, MappingType};
use console_core::snapshot::{self, packed};
use console_core::validation::Field;
use console_core::{demo::demo_console, Catalog, ConsoleState};

const FULL_EXPECTED: &str = include_str!("../fixtures/full/expected.json");
/// The full state of version 7 on: version 6's with real-time services setting every field
/// and event kind of theirs.
const FULL_EXPECTED_V7: &str = include_str!("../fixtures/full/expected-v7.json");

/// The demo (every status, every kind of location, pools of both types and billing modes),
/// with every event kind, optional field and setting set.
fn full_state() -> ConsoleState {
    let mut state = demo_console(Catalog::embedded(), T0, console_core::Lang::En)
        .state()
        .clone();
    state.settings.agency_authorized = true;
    state.settings.enforce_quotas = false;
    state.settings.clock.speed = 7;
    state.settings.clock.wall_anchor = T0 - 11;
    state.settings.clock.sim_anchor = T0 - 13;
    state.id_seq += 1_000;
    let region = state.regions.values_mut().next().expect("the demo region");
    let service = &mut region.services[0];
    let config = &mut service.config[0];
    config.envs.insert("LOG_LEVEL".into(), "debug".into());
    config.mapping_type = MappingType::Csv;
    config.mapping_rule = vec![
        MappingField {
            field: "image".into(),
            index: 0,
        },
        MappingField {
            field: "label".into(),
            index: 3,
        },
    ];
    let kinds = [
        EventKind::DeployRequested,
        EventKind::StartRequested,
        EventKind::Running,
        EventKind::Executed,
        EventKind::StopRequested,
        EventKind::Stopped,
        EventKind::DeleteRequested,
        EventKind::Modified {
            fields: vec![Field::Description, Field::ComputeNodes],
        },
        EventKind::RestartedForModification,
        EventKind::Failed {
            reason: "out of memory".into(),
        },
        EventKind::Alarm {
            reason: "a node is slow".into(),
        },
        EventKind::PoolAbnormal {
            pool_name: "pool-a".into(),
        },
        EventKind::PoolRecovered {
            pool_name: "pool-b".into(),
        },
        EventKind::PoolGone {
            pool_name: "pool-c".into(),
            released: true,
        },
        EventKind::Imported { replaced: true },
        EventKind::Legacy {
            message: "an old message".into(),
            event_type: EventType::Abnormal,
        },
    ];
    let first = service.events.first().map_or(T0, |e| e.time);
    service.events.splice(
        0..0,
        kinds.into_iter().enumerate().map(|(i, kind)| ServiceEvent {
            time: first - 1_000 * (20 - i as u64),
            kind,
        }),
    );
    let pool = &mut region.pools[0];
    pool.spec.network = Some(PoolNetwork {
        vpc_id: "vpc-1".into(),
        subnet_id: "subnet-2".into(),
        security_group_id: "sg-3".into(),
    });
    pool.status.message = Some("a note".into());
    let pool_kinds = [
        PoolEventKind::CreateRequested { nodes: 3 },
        PoolEventKind::Running,
        PoolEventKind::ScaleOutRequested { from: 3, to: 5 },
        PoolEventKind::ScaleInRequested {
            from: 5,
            to: 4,
            nodes: vec!["node-x".into()],
        },
        PoolEventKind::Scaled { nodes: 4 },
        PoolEventKind::DeleteRequested,
        PoolEventKind::Abnormal {
            reason: "a node is down".into(),
        },
        PoolEventKind::Recovered,
        PoolEventKind::Renewed { months: 2 },
        PoolEventKind::Imported { replaced: true },
    ];
    let first = pool.events.first().map_or(T0, |e| e.time);
    pool.events.splice(
        0..0,
        pool_kinds
            .into_iter()
            .enumerate()
            .map(|(i, kind)| PoolEvent {
                time: first - 1_000 * (20 - i as u64),
                kind,
            }),
    );
    state
}

fn expected() -> ConsoleState {
    snapshot::decode(FULL_EXPECTED).expect("the expected state loads")
}

fn expected_v7() -> ConsoleState {
    snapshot::decode(FULL_EXPECTED_V7).expect("the expected state of version 7 loads")
}

/// Version 6's full state with the demo's real-time services, each optional field and every
/// event kind of theirs set.
fn full_state_v7() -> ConsoleState {
    use console_core::realtime::{
        CallMinute, ConfigUpdate, DeployPhase, Rolling, UpdateResult, UpgradeKind,
    };
    let mut state = expected();
    let demo = demo_console(Catalog::embedded(), T0, console_core::Lang::En);
    let region = state.regions.values_mut().next().expect("the demo region");
    region.real_time_services = demo.real_time_services().to_vec();
    let service = &mut region.real_time_services[1];
    service.websocket = true;
    service.config[0].envs.insert("WORKERS".into(), "4".into());
    service.calls.push(CallMinute {
        minute: T0 - 60_000,
        model_version: service.config[0].model_version.clone(),
        calls: 7,
        failed: 2,
    });
    service.updates.push(ConfigUpdate {
        time: T0 - 5_000,
        changes: vec!["Version 0.1.0: Compute Nodes: 1 -> 2".into()],
        kind: UpgradeKind::Hitless,
        result: Some(UpdateResult::Fail),
    });
    // A hitless upgrade in progress: its update open, the rolling ending 30 s after it.
    service.updates.push(ConfigUpdate {
        time: T0 - 4_000,
        changes: vec!["Version 0.1.0: Timeout: 20 -> 30".into()],
        kind: UpgradeKind::Hitless,
        result: None,
    });
    service.simulation.rolling = Some(Rolling {
        config: service.config.clone(),
        until: T0 + 26_000,
        hourly_rate: 1.5,
    });
    service.simulation.retries = 2;
    let kinds = [
        EventKind::DeployPhase {
            phase: DeployPhase::ImagePulling,
        },
        EventKind::WaitingForResources { retry: 2 },
        EventKind::AutoStopped,
        EventKind::UpdateStarted,
        EventKind::Updated,
        EventKind::UpdateFailed,
    ];
    let first = service.events.first().map_or(T0, |e| e.time);
    service.events.splice(
        0..0,
        kinds.into_iter().enumerate().map(|(i, kind)| ServiceEvent {
            time: first - 1_000 * (10 - i as u64),
            kind,
        }),
    );
    state
}

/// Writes the current version's fixture (and the expected state, if missing) when asked.
#[test]
fn write_the_current_versions_fixture_when_asked() {
    if std::env::var_os("WRITE_FIXTURE").is_none() {
        return;
    }
    let dir = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/fixtures/full");
    std::fs::create_dir_all(dir).unwrap();
    let expected = format!("{dir}/expected.json");
    if !std::path::Path::new(&expected).exists() {
        std::fs::write(&expected, snapshot::encode(&full_state(), T0)).unwrap();
    }
    let expected_v7 = format!("{dir}/expected-v7.json");
    if std::fs::metadata(&expected_v7).map_or(true, |m| m.len() == 0) {
        std::fs::write(&expected_v7, snapshot::encode(&full_state_v7(), T0)).unwrap();
    }
    let state = snapshot::decode(&std::fs::read_to_string(&expected_v7).unwrap()).unwrap();
    let current = format!("{dir}/v{}.txt", snapshot::VERSION);
    std::fs::write(current, snapshot::encode_revision(&state, T0, 9)).unwrap();
}

#[test]
fn the_full_state_sets_every_event_kind() {
    let state = expected();
    let region = state.regions.values().next().unwrap();
    let kinds: Vec<_> = region
        .services
        .iter()
        .flat_map(|s| &s.events)
        .map(|e| std::mem::discriminant(&e.kind))
        .collect();
    for kind in full_state().regions.values().next().unwrap().services[0]
        .events
        .iter()
        .map(|e| std::mem::discriminant(&e.kind))
    {
        assert!(kinds.contains(&kind));
    }
    assert_eq!(
        region.pools[0].events.len(),
        full_state().regions.values().next().unwrap().pools[0]
            .events
            .len()
    );
    assert!(region.pools[0].spec.network.is_some());
    let v7 = expected_v7();
    let real_time = &v7.regions.values().next().unwrap().real_time_services;
    let kinds: Vec<_> = real_time
        .iter()
        .flat_map(|s| &s.events)
        .map(|e| std::mem::discriminant(&e.kind))
        .collect();
    for kind in full_state_v7()
        .regions
        .values()
        .next()
        .unwrap()
        .real_time_services[1]
        .events
        .iter()
        .map(|e| std::mem::discriminant(&e.kind))
    {
        assert!(kinds.contains(&kind));
    }
    assert!(real_time
        .iter()
        .any(|s| s.simulation.rolling.is_some() && s.websocket));
    assert!(state.settings.agency_authorized && !state.settings.enforce_quotas);
}

#[test]
fn every_stored_version_loads_to_its_state() {
    let expected = expected();
    for (version, text, expected) in [
        (5, include_str!("../fixtures/full/v5.txt"), &expected),
        (6, include_str!("../fixtures/full/v6.txt"), &expected),
        (7, include_str!("../fixtures/full/v7.txt"), &expected_v7()),
    ] {
        assert_eq!(packed::revision(text), 9, "version {version}");
        let (state, current) = snapshot::decode_stored(text).unwrap();
        assert_eq!(&state, expected, "version {version}");
        // Version 6's documents read as version 7's.
        assert_eq!(current, version >= 6, "version {version}");
    }
}

/// Every key and value of the expected state is still read and written: a stored field
/// renamed or removed without a version step (which a default would hide) fails here, while
/// a field added is only new keys.
#[test]
fn every_stored_field_is_still_read() {
    use serde_json::Value;
    fn kept(old: &Value, new: &Value, path: &str) {
        match (old, new) {
            (Value::Object(old), Value::Object(new)) => {
                for (key, value) in old {
                    let Some(again) = new.get(key) else {
                        panic!("{path}.{key} is no longer read");
                    };
                    kept(value, again, &format!("{path}.{key}"));
                }
            }
            (Value::Array(old), Value::Array(new)) => {
                assert_eq!(old.len(), new.len(), "{path}");
                for (i, (value, again)) in old.iter().zip(new).enumerate() {
                    kept(value, again, &format!("{path}[{i}]"));
                }
            }
            _ => assert_eq!(old, new, "{path}"),
        }
    }
    for (text, state) in [
        (FULL_EXPECTED, expected()),
        (FULL_EXPECTED_V7, expected_v7()),
    ] {
        let file: Value = serde_json::from_str(text).unwrap();
        let again: Value = serde_json::from_str(&snapshot::encode(&state, T0)).unwrap();
        kept(&file["state"], &again["state"], "state");
    }
}

//! Events are saved through a flat form (no serde buffering): it must read and write exactly
//! what the internally tagged, flattened form (kept here as it was) did, so saved data and
//! export files of earlier versions load unchanged.

use console_core::event::{EventKind, EventType, ServiceEvent};
use console_core::pool::{PoolEvent, PoolEventKind};
use console_core::validation::Field;
use serde::{de::DeserializeOwned, Deserialize, Serialize};

#[derive(Serialize, Deserialize)]
#[serde(tag = "kind", rename_all = "snake_case")]
enum OldEventKind {
    DeployRequested,
    StartRequested,
    Running,
    Executed,
    StopRequested,
    Stopped,
    DeleteRequested,
    Modified {
        fields: Vec<Field>,
    },
    RestartedForModification,
    Failed {
        reason: String,
    },
    Alarm {
        reason: String,
    },
    PoolAbnormal {
        pool_name: String,
    },
    PoolRecovered {
        pool_name: String,
    },
    PoolGone {
        pool_name: String,
        #[serde(default, skip_serializing_if = "std::ops::Not::not")]
        released: bool,
    },
    Imported {
        #[serde(default, skip_serializing_if = "std::ops::Not::not")]
        replaced: bool,
    },
    Legacy {
        message: String,
        event_type: EventType,
    },
}

#[derive(Serialize, Deserialize)]
struct OldServiceEvent {
    time: u64,
    #[serde(flatten)]
    kind: OldEventKind,
}

#[derive(Serialize, Deserialize)]
#[serde(tag = "kind", rename_all = "snake_case")]
enum OldPoolEventKind {
    CreateRequested {
        nodes: u32,
    },
    Running,
    ScaleOutRequested {
        from: u32,
        to: u32,
    },
    ScaleInRequested {
        from: u32,
        to: u32,
        nodes: Vec<String>,
    },
    Scaled {
        nodes: u32,
    },
    DeleteRequested,
    Abnormal {
        reason: String,
    },
    Recovered,
    Renewed {
        months: u32,
    },
    Imported {
        #[serde(default, skip_serializing_if = "std::ops::Not::not")]
        replaced: bool,
    },
}

#[derive(Serialize, Deserialize)]
struct OldPoolEvent {
    time: u64,
    #[serde(flatten)]
    kind: OldPoolEventKind,
}

/// Writes `event` with the flat form, reads it with the old one and writes it again: the
/// same text; reads the old text (and its keys sorted, as an import's values are) back to
/// the same event.
fn same_as_before<New, Old>(event: New)
where
    New: Serialize + DeserializeOwned + PartialEq + std::fmt::Debug,
    Old: Serialize + DeserializeOwned,
{
    let new_text = serde_json::to_string(&event).unwrap();
    let old: Old = serde_json::from_str(&new_text).unwrap();
    let old_text = serde_json::to_string(&old).unwrap();
    assert_eq!(new_text, old_text);
    assert_eq!(serde_json::from_str::<New>(&old_text).unwrap(), event);
    let sorted = serde_json::from_str::<serde_json::Value>(&old_text)
        .unwrap()
        .to_string();
    assert_eq!(
        serde_json::from_str::<New>(&sorted).unwrap(),
        event,
        "{sorted}"
    );
}

#[test]
fn service_events_keep_their_saved_form() {
    let kinds = [
        EventKind::DeployRequested,
        EventKind::StartRequested,
        EventKind::Running,
        EventKind::Executed,
        EventKind::StopRequested,
        EventKind::Stopped,
        EventKind::DeleteRequested,
        EventKind::Modified { fields: vec![] },
        EventKind::Modified {
            fields: vec![Field::Description, Field::ComputeNodes],
        },
        EventKind::RestartedForModification,
        EventKind::Failed {
            reason: "out of memory".into(),
        },
        EventKind::Alarm {
            reason: "Alarm: slow".into(),
        },
        EventKind::PoolAbnormal {
            pool_name: "pool-a".into(),
        },
        EventKind::PoolRecovered {
            pool_name: "pool-a".into(),
        },
        EventKind::PoolGone {
            pool_name: "pool-a".into(),
            released: false,
        },
        EventKind::PoolGone {
            pool_name: "pool-a".into(),
            released: true,
        },
        EventKind::Imported { replaced: false },
        EventKind::Imported { replaced: true },
        EventKind::Legacy {
            message: "Something <b>old</b>.".into(),
            event_type: EventType::Abnormal,
        },
    ];
    for (i, kind) in kinds.into_iter().enumerate() {
        same_as_before::<ServiceEvent, OldServiceEvent>(ServiceEvent {
            time: 1_790_000_000_000 + i as u64,
            kind,
        });
    }
}

#[test]
fn pool_events_keep_their_saved_form() {
    let kinds = [
        PoolEventKind::CreateRequested { nodes: 3 },
        PoolEventKind::Running,
        PoolEventKind::ScaleOutRequested { from: 1, to: 4 },
        PoolEventKind::ScaleInRequested {
            from: 4,
            to: 2,
            nodes: vec!["node-3".into(), "node-4".into()],
        },
        PoolEventKind::Scaled { nodes: 2 },
        PoolEventKind::DeleteRequested,
        PoolEventKind::Abnormal {
            reason: "node fault".into(),
        },
        PoolEventKind::Recovered,
        PoolEventKind::Renewed { months: 10 },
        PoolEventKind::Imported { replaced: false },
        PoolEventKind::Imported { replaced: true },
    ];
    for (i, kind) in kinds.into_iter().enumerate() {
        same_as_before::<PoolEvent, OldPoolEvent>(PoolEvent {
            time: 1_790_000_000_000 + i as u64,
            kind,
        });
    }
}

#[test]
fn malformed_events_are_refused_with_serdes_words() {
    let refused = |text: &str| {
        serde_json::from_str::<ServiceEvent>(text)
            .unwrap_err()
            .to_string()
    };
    assert!(refused(r#"{"time":1,"kind":"failed"}"#).contains("missing field `reason`"));
    assert!(refused(r#"{"time":1,"kind":"exploded"}"#).contains("unknown variant `exploded`"));
    assert!(refused(r#"{"kind":"running"}"#).contains("missing field `time`"));
    assert!(refused(r#"{"time":"x","kind":"running"}"#).contains("invalid type"));
    let refused = |text: &str| {
        serde_json::from_str::<PoolEvent>(text)
            .unwrap_err()
            .to_string()
    };
    assert!(refused(r#"{"time":1,"kind":"scaled"}"#).contains("missing field `nodes`"));
    assert!(refused(r#"{"time":1,"kind":"scaled","nodes":["a"]}"#).contains("invalid type"));
    assert!(
        refused(r#"{"time":1,"kind":"scale_in_requested","from":2,"to":1,"nodes":1}"#)
            .contains("invalid type")
    );
    assert!(refused(r#"{"time":1,"kind":"created","nodes":1}"#).contains("unknown variant"));
    // Fields of other kinds are ignored, as before.
    let ok: ServiceEvent =
        serde_json::from_str(r#"{"time":1,"kind":"running","reason":"x","nodes":3}"#).unwrap();
    assert_eq!(ok.kind, EventKind::Running);
}

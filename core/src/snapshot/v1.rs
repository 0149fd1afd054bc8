//! Version 1 -> 2: events saved as English sentences become typed events, the agency
//! authorization moves into the settings (with quotas on and real-time simulation), and the
//! billed time so far becomes one billing run.

use serde_json::{json, Map, Value};

use super::{Invalid, OldShape};
use crate::event::{EventKind, EventType, ServiceEvent};
use crate::validation::Field;

pub(super) fn migrate(state: &mut Value) -> Result<(), Invalid> {
    let shape = Invalid::OldShape;
    let state = state.as_object_mut().ok_or(shape(OldShape::State))?;
    let authorized = state
        .remove("agency_authorized")
        .and_then(|v| v.as_bool())
        .unwrap_or(false);
    state.insert(
        "settings".into(),
        json!({
            "agency_authorized": authorized,
            "enforce_quotas": true,
            "clock": { "speed": 1, "wall_anchor": 0, "sim_anchor": 0 },
        }),
    );
    let regions = state
        .get_mut("regions")
        .and_then(Value::as_object_mut)
        .ok_or(shape(OldShape::Regions))?;
    for region in regions.values_mut() {
        let services = region
            .get_mut("services")
            .and_then(Value::as_array_mut)
            .ok_or(shape(OldShape::Services))?;
        for service in services {
            let service = service.as_object_mut().ok_or(shape(OldShape::Service))?;
            migrate_events(service)?;
            add_run(service);
        }
    }
    Ok(())
}

fn migrate_events(service: &mut Map<String, Value>) -> Result<(), Invalid> {
    let shape = Invalid::OldShape;
    let Some(events) = service.get_mut("events").and_then(Value::as_array_mut) else {
        return Ok(());
    };
    for event in events {
        let old = event.as_object().ok_or(shape(OldShape::Event))?;
        let time = old.get("time").cloned().ok_or(shape(OldShape::EventTime))?;
        let message = old.get("message").and_then(Value::as_str).unwrap_or("");
        let event_type = match old.get("type").and_then(Value::as_str) {
            Some("abnormal") => EventType::Abnormal,
            _ => EventType::Normal,
        };
        let time = time.as_u64().ok_or(shape(OldShape::EventTimeValue))?;
        let kind = kind_of(message, event_type);
        *event = serde_json::to_value(ServiceEvent { time, kind })
            .map_err(|e| Invalid::Parser(e.to_string()))?;
    }
    Ok(())
}

/// The typed event a version-1 sentence stood for.
pub(super) fn kind_of(message: &str, event_type: EventType) -> EventKind {
    match (message, event_type) {
        ("Deploy the service.", _) => EventKind::DeployRequested,
        ("Start the service. Deploying.", _) => EventKind::StartRequested,
        ("The service is running.", _) => EventKind::Running,
        ("The service has been executed.", _) => EventKind::Executed,
        ("Stop the service.", _) => EventKind::StopRequested,
        ("The service has been stopped.", _) => EventKind::Stopped,
        ("Delete the service.", _) => EventKind::DeleteRequested,
        ("Service information saved with no changes.", _) => {
            EventKind::Modified { fields: Vec::new() }
        }
        ("The service is restarted for the modification to take effect. Deploying.", _) => {
            EventKind::RestartedForModification
        }
        (m, EventType::Abnormal) if m.starts_with("Alarm") => EventKind::Alarm {
            reason: m.to_string(),
        },
        (m, EventType::Abnormal) => EventKind::Failed {
            reason: m.to_string(),
        },
        (m, EventType::Normal) => match modified_fields(m) {
            Some(fields) => EventKind::Modified { fields },
            None => EventKind::Legacy {
                message: m.to_string(),
                event_type,
            },
        },
    }
}

/// `Service information modified: description, paths.` in version 1's lower-case names.
fn modified_fields(message: &str) -> Option<Vec<Field>> {
    let list = message
        .strip_prefix("Service information modified: ")?
        .strip_suffix('.')?;
    let mut fields = Vec::new();
    for name in list.split(", ") {
        match name {
            "description" => fields.push(Field::Description),
            "model version" => fields.push(Field::ModelVersion),
            "specifications" => fields.push(Field::Specifications),
            "compute nodes" => fields.push(Field::ComputeNodes),
            "environment variables" => fields.push(Field::EnvironmentVariables),
            "paths" => fields.extend([Field::InputPath, Field::OutputPath, Field::RequestPath]),
            _ => return None,
        }
    }
    Some(fields)
}

/// The time billed so far as one run: from the last start, open while the service runs.
fn add_run(service: &mut Map<String, Value>) {
    let running = matches!(
        service.get("status").and_then(Value::as_str),
        Some("running" | "concerning")
    );
    let start = service.get("start_time").and_then(Value::as_u64);
    let transition = service.get("transition_at").and_then(Value::as_u64);
    let Some(billing) = service.get_mut("billing").and_then(Value::as_object_mut) else {
        return;
    };
    let billed = billing
        .get("billed_ms")
        .and_then(Value::as_u64)
        .unwrap_or(0);
    let runs = match start {
        Some(start) if billed > 0 || running => {
            let end = if running { None } else { transition };
            vec![json!({
                "start": start,
                "end": end,
                "billed_ms": billed,
                "cost": billing.get("cost").cloned().unwrap_or(json!(0.0)),
                "hourly_rate": billing.get("hourly_rate").cloned().unwrap_or(json!(0.0)),
            })]
        }
        _ => Vec::new(),
    };
    billing.insert("runs".into(), Value::Array(runs));
}

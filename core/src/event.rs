//! Events: every change to a service is recorded on it (the Events tab) and returned by the
//! command or tick that caused it (the UI shows it as a toast).

use serde::{Deserialize, Serialize};

use crate::{Millis, DAY};

/// Events older than this are pruned, as the real service keeps them for a month.
pub const EVENT_RETENTION: Millis = 30 * DAY;

#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum EventType {
    Normal,
    Abnormal,
}

impl EventType {
    pub fn label(self) -> &'static str {
        match self {
            EventType::Normal => "Normal",
            EventType::Abnormal => "Abnormal",
        }
    }
}

/// One line of a service's Events tab.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct ServiceEvent {
    pub time: Millis,
    #[serde(rename = "type")]
    pub event_type: EventType,
    pub message: String,
}

/// An event together with the service it happened to, as returned to the caller.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Event {
    pub service_id: String,
    pub service_name: String,
    pub record: ServiceEvent,
}

//! Events: every change to a service is recorded on it (the Events tab) as a kind with its
//! parameters, never as a sentence, so the text is rendered when shown (and can be translated).
//! Commands and ticks also return them, with the service they happened to.

use std::fmt;

use serde::{Deserialize, Serialize};

use crate::realtime::DeployPhase;
use crate::validation::Field;
use crate::{Millis, DAY};

/// Events older than this are pruned, as the real service keeps them for a month.
pub const EVENT_RETENTION: Millis = 30 * DAY;
/// At most this many events are kept per resource (the newest), so a busy resource's saved
/// size stays bounded within the month.
pub const MAX_EVENTS: usize = 100;

#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum EventType {
    Normal,
    Abnormal,
}

impl EventType {
    /// The API value, e.g. `abnormal` (also the badge's style).
    pub fn api_value(self) -> &'static str {
        match self {
            EventType::Normal => "normal",
            EventType::Abnormal => "abnormal",
        }
    }
}

/// What happened to a service. Saved inside its [`ServiceEvent`] as `kind` and the kind's
/// fields (see [`EventRepr`]).
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum EventKind {
    /// The user deployed the service.
    DeployRequested,
    /// The user started a stopped, failed or completed service.
    StartRequested,
    Running,
    /// All input was processed.
    Executed,
    StopRequested,
    Stopped,
    DeleteRequested,
    /// Modify saved these fields (empty: nothing changed).
    Modified {
        fields: Vec<Field>,
    },
    /// A modification of a running service redeploys it.
    RestartedForModification,
    Failed {
        reason: String,
    },
    Alarm {
        reason: String,
    },
    /// The dedicated pool the service runs on became Abnormal: the service is in Alarm.
    PoolAbnormal {
        pool_name: String,
    },
    /// The pool recovered: the service runs normally again.
    PoolRecovered {
        pool_name: String,
    },
    /// The pool the service ran on was deleted, or released when its prepaid term ended
    /// without auto-renew: the service failed.
    PoolGone {
        pool_name: String,
        /// Released at the end of its prepaid term (saved only when true).
        released: bool,
    },
    /// The service was imported from an export file (`replaced`: over a service with the
    /// same id; saved only when true).
    Imported {
        replaced: bool,
    },
    /// A real-time service entered a deployment phase.
    DeployPhase {
        phase: DeployPhase,
    },
    /// A real-time service's dedicated pool has too few free nodes (`retry` 0 on entering
    /// Waiting, then each retry).
    WaitingForResources {
        retry: u32,
    },
    /// Auto Stop's time came: the real-time service stops.
    AutoStopped,
    /// A hitless rolling upgrade began.
    UpdateStarted,
    /// An upgrade finished: the new configuration runs.
    Updated,
    /// An upgrade could not finish (the service stopped, failed or was deleted).
    UpdateFailed,
    /// An event saved before events were typed whose text matched no kind; shown as it was.
    Legacy {
        message: String,
        event_type: EventType,
    },
}

impl EventKind {
    pub fn event_type(&self) -> EventType {
        match self {
            EventKind::Failed { .. }
            | EventKind::Alarm { .. }
            | EventKind::PoolAbnormal { .. }
            | EventKind::PoolGone { .. }
            | EventKind::WaitingForResources { .. }
            | EventKind::UpdateFailed => EventType::Abnormal,
            EventKind::Legacy { event_type, .. } => *event_type,
            _ => EventType::Normal,
        }
    }
}

impl fmt::Display for EventKind {
    /// The Events tab's message, in English.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&crate::text::Events::service_event(
            &crate::text::English,
            self,
        ))
    }
}

/// One line of a service's Events tab. Saved flat, `{"time": ..., "kind": "failed",
/// "reason": ...}`, through [`EventRepr`]: serde's flattened, internally tagged enums buffer
/// every event before reading it, which cost load time and wasm size (issue 7).
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(try_from = "EventRepr", into = "EventRepr")]
pub struct ServiceEvent {
    pub time: Millis,
    pub kind: EventKind,
}

/// The saved form of a [`ServiceEvent`]: the time, the kind's tag and every field a kind may
/// have, written only when its kind has it (in the kind's field order; fields of other
/// kinds are ignored on reading when they have their field's type; the tagged form ignored
/// them whatever their type, so only a hand-edited file can tell the difference).
#[derive(Serialize, Deserialize)]
pub(crate) struct EventRepr {
    pub(crate) time: Millis,
    pub(crate) kind: EventTag,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub(crate) fields: Option<Vec<Field>>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub(crate) reason: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub(crate) pool_name: Option<String>,
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub(crate) released: bool,
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub(crate) replaced: bool,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub(crate) phase: Option<DeployPhase>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub(crate) retry: Option<u32>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub(crate) message: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub(crate) event_type: Option<EventType>,
}

#[derive(Clone, Copy, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub(crate) enum EventTag {
    DeployRequested,
    StartRequested,
    Running,
    Executed,
    StopRequested,
    Stopped,
    DeleteRequested,
    Modified,
    RestartedForModification,
    Failed,
    Alarm,
    PoolAbnormal,
    PoolRecovered,
    PoolGone,
    Imported,
    DeployPhase,
    WaitingForResources,
    AutoStopped,
    UpdateStarted,
    Updated,
    UpdateFailed,
    Legacy,
}

/// What serde says of a field a kind needs.
pub(crate) fn missing(field: &str) -> String {
    format!("missing field `{field}`")
}

impl TryFrom<EventRepr> for ServiceEvent {
    type Error = String;

    fn try_from(r: EventRepr) -> Result<Self, String> {
        let need = |v: Option<String>, field: &str| v.ok_or_else(|| missing(field));
        let kind = match r.kind {
            EventTag::DeployRequested => EventKind::DeployRequested,
            EventTag::StartRequested => EventKind::StartRequested,
            EventTag::Running => EventKind::Running,
            EventTag::Executed => EventKind::Executed,
            EventTag::StopRequested => EventKind::StopRequested,
            EventTag::Stopped => EventKind::Stopped,
            EventTag::DeleteRequested => EventKind::DeleteRequested,
            EventTag::Modified => EventKind::Modified {
                fields: r.fields.ok_or_else(|| missing("fields"))?,
            },
            EventTag::RestartedForModification => EventKind::RestartedForModification,
            EventTag::Failed => EventKind::Failed {
                reason: need(r.reason, "reason")?,
            },
            EventTag::Alarm => EventKind::Alarm {
                reason: need(r.reason, "reason")?,
            },
            EventTag::PoolAbnormal => EventKind::PoolAbnormal {
                pool_name: need(r.pool_name, "pool_name")?,
            },
            EventTag::PoolRecovered => EventKind::PoolRecovered {
                pool_name: need(r.pool_name, "pool_name")?,
            },
            EventTag::PoolGone => EventKind::PoolGone {
                pool_name: need(r.pool_name, "pool_name")?,
                released: r.released,
            },
            EventTag::Imported => EventKind::Imported {
                replaced: r.replaced,
            },
            EventTag::DeployPhase => EventKind::DeployPhase {
                phase: r.phase.ok_or_else(|| missing("phase"))?,
            },
            EventTag::WaitingForResources => EventKind::WaitingForResources {
                retry: r.retry.ok_or_else(|| missing("retry"))?,
            },
            EventTag::AutoStopped => EventKind::AutoStopped,
            EventTag::UpdateStarted => EventKind::UpdateStarted,
            EventTag::Updated => EventKind::Updated,
            EventTag::UpdateFailed => EventKind::UpdateFailed,
            EventTag::Legacy => EventKind::Legacy {
                message: need(r.message, "message")?,
                event_type: r.event_type.ok_or_else(|| missing("event_type"))?,
            },
        };
        Ok(ServiceEvent { time: r.time, kind })
    }
}

impl From<ServiceEvent> for EventRepr {
    fn from(e: ServiceEvent) -> Self {
        let mut r = EventRepr {
            time: e.time,
            kind: EventTag::Running,
            fields: None,
            reason: None,
            pool_name: None,
            released: false,
            replaced: false,
            phase: None,
            retry: None,
            message: None,
            event_type: None,
        };
        r.kind = match e.kind {
            EventKind::DeployRequested => EventTag::DeployRequested,
            EventKind::StartRequested => EventTag::StartRequested,
            EventKind::Running => EventTag::Running,
            EventKind::Executed => EventTag::Executed,
            EventKind::StopRequested => EventTag::StopRequested,
            EventKind::Stopped => EventTag::Stopped,
            EventKind::DeleteRequested => EventTag::DeleteRequested,
            EventKind::Modified { fields } => {
                r.fields = Some(fields);
                EventTag::Modified
            }
            EventKind::RestartedForModification => EventTag::RestartedForModification,
            EventKind::Failed { reason } => {
                r.reason = Some(reason);
                EventTag::Failed
            }
            EventKind::Alarm { reason } => {
                r.reason = Some(reason);
                EventTag::Alarm
            }
            EventKind::PoolAbnormal { pool_name } => {
                r.pool_name = Some(pool_name);
                EventTag::PoolAbnormal
            }
            EventKind::PoolRecovered { pool_name } => {
                r.pool_name = Some(pool_name);
                EventTag::PoolRecovered
            }
            EventKind::PoolGone {
                pool_name,
                released,
            } => {
                r.pool_name = Some(pool_name);
                r.released = released;
                EventTag::PoolGone
            }
            EventKind::Imported { replaced } => {
                r.replaced = replaced;
                EventTag::Imported
            }
            EventKind::DeployPhase { phase } => {
                r.phase = Some(phase);
                EventTag::DeployPhase
            }
            EventKind::WaitingForResources { retry } => {
                r.retry = Some(retry);
                EventTag::WaitingForResources
            }
            EventKind::AutoStopped => EventTag::AutoStopped,
            EventKind::UpdateStarted => EventTag::UpdateStarted,
            EventKind::Updated => EventTag::Updated,
            EventKind::UpdateFailed => EventTag::UpdateFailed,
            EventKind::Legacy {
                message,
                event_type,
            } => {
                r.message = Some(message);
                r.event_type = Some(event_type);
                EventTag::Legacy
            }
        };
        r
    }
}

impl ServiceEvent {
    pub fn event_type(&self) -> EventType {
        self.kind.event_type()
    }

    pub fn message(&self) -> String {
        self.kind.to_string()
    }
}

/// Why the console failed a service, raised its alarm or marked a pool Abnormal. It is saved
/// as its English text (the API's `error_msg`, an event's `reason`, a pool's
/// `status.message`), which [`Reason::of`] reads back to say it in another language.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Reason {
    /// A real-time service found too few free nodes on its pool (FACTS.md's message).
    InsufficientResources,
    /// The service's dedicated pool was deleted, or `released` at the end of its prepaid term.
    PoolGone { pool_name: String, released: bool },
    /// A pool's node stopped answering heartbeats.
    NodeAbnormal { node: String },
    /// A pool without nodes is Abnormal.
    PoolAbnormal,
    /// The demo's: a batch service's input folder does not exist.
    InputMissing { path: String },
    /// The demo's: a model that did not start.
    HealthCheckFailed,
    /// The demo's: a service over its memory.
    MemoryAlarm,
}

impl Reason {
    /// The text saved for it (English, like the rest of the saved data).
    pub fn saved(&self) -> String {
        crate::text::Events::reason(&crate::text::English, self)
    }

    /// The reason a saved text says, when the console wrote it.
    pub fn of(text: &str) -> Option<Reason> {
        let fixed = [
            Reason::InsufficientResources,
            Reason::PoolAbnormal,
            Reason::HealthCheckFailed,
            Reason::MemoryAlarm,
        ];
        if let Some(reason) = fixed.into_iter().find(|r| r.saved() == text) {
            return Some(reason);
        }
        // Each reason with a name in it, read by the text around the name.
        let named: [fn(String) -> Reason; 4] = [
            |pool_name| Reason::PoolGone {
                pool_name,
                released: false,
            },
            |pool_name| Reason::PoolGone {
                pool_name,
                released: true,
            },
            |node| Reason::NodeAbnormal { node },
            |path| Reason::InputMissing { path },
        ];
        named.into_iter().find_map(|make| {
            let template = make("\u{0}".into()).saved();
            let (before, after) = template.split_once('\u{0}')?;
            let name = text.strip_prefix(before)?.strip_suffix(after)?;
            Some(make(name.into()))
        })
    }
}

/// An event together with the resource it happened to, as returned to the caller.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Event {
    pub resource_id: String,
    pub resource_name: String,
    pub record: Record,
}

/// A service's or a pool's event.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Record {
    Service(ServiceEvent),
    Pool(crate::pool::PoolEvent),
}

impl Record {
    pub fn message(&self) -> String {
        match self {
            Record::Service(e) => e.message(),
            Record::Pool(e) => e.message(),
        }
    }
}

/// Something that happened at a time (the retention applies to it).
pub trait Timed {
    fn time(&self) -> Millis;
}

impl Timed for ServiceEvent {
    fn time(&self) -> Millis {
        self.time
    }
}

/// Adds `record` to a resource's `events` (pruned first, as [`prune`] says) and returns it.
pub(crate) fn keep<E: Timed + Clone>(events: &mut Vec<E>, record: E) -> E {
    prune(events, record.time());
    events.push(record.clone());
    record
}

/// Drops events older than the retention at `now`, and the oldest beyond [`MAX_EVENTS`] - 1
/// (room for the one about to be recorded).
pub fn prune<E: Timed>(events: &mut Vec<E>, now: Millis) {
    events.retain(|e| e.time().saturating_add(EVENT_RETENTION) >= now);
    if events.len() >= MAX_EVENTS {
        events.drain(..events.len() + 1 - MAX_EVENTS);
    }
}

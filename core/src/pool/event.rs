//! A pool's events, stored as kinds with parameters like a service's; the text is rendered
//! when shown.

use std::fmt;

use serde::{Deserialize, Serialize};

use crate::event::{EventType, Timed};
use crate::Millis;

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum PoolEventKind {
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
    /// The pool was imported from an export file (`replaced`: over a pool with the same id).
    Imported {
        #[serde(default, skip_serializing_if = "std::ops::Not::not")]
        replaced: bool,
    },
}

impl PoolEventKind {
    pub fn event_type(&self) -> EventType {
        match self {
            PoolEventKind::Abnormal { .. } => EventType::Abnormal,
            _ => EventType::Normal,
        }
    }
}

impl fmt::Display for PoolEventKind {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            PoolEventKind::CreateRequested { nodes } => {
                write!(f, "Create the resource pool with {} node(s).", nodes)
            }
            PoolEventKind::Running => f.write_str("The resource pool is running."),
            PoolEventKind::ScaleOutRequested { from, to } => {
                write!(f, "Scale out the resource pool from {from} to {to} nodes.")
            }
            PoolEventKind::ScaleInRequested { from, to, nodes } => write!(
                f,
                "Scale in the resource pool from {from} to {to} nodes; nodes switched off: {}.",
                nodes.join(", ")
            ),
            PoolEventKind::Scaled { nodes } => {
                write!(
                    f,
                    "Scaling completed. The resource pool has {nodes} node(s)."
                )
            }
            PoolEventKind::DeleteRequested => f.write_str("Delete the resource pool."),
            PoolEventKind::Abnormal { reason } => f.write_str(reason),
            PoolEventKind::Recovered => f.write_str("The resource pool recovered and is running."),
            PoolEventKind::Renewed { months } => write!(
                f,
                "The subscription was renewed automatically for {months} month(s)."
            ),
            PoolEventKind::Imported { replaced: false } => {
                f.write_str("The resource pool was imported from an export file.")
            }
            PoolEventKind::Imported { replaced: true } => f.write_str(
                "The resource pool was imported from an export file, replacing the pool with the same ID.",
            ),
        }
    }
}

/// One line of a pool's Events.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct PoolEvent {
    pub time: Millis,
    #[serde(flatten)]
    pub kind: PoolEventKind,
}

impl PoolEvent {
    pub fn event_type(&self) -> EventType {
        self.kind.event_type()
    }

    pub fn message(&self) -> String {
        self.kind.to_string()
    }
}

impl Timed for PoolEvent {
    fn time(&self) -> Millis {
        self.time
    }
}

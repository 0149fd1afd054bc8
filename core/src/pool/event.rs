//! A pool's events, stored as kinds with parameters like a service's; the text is rendered
//! when shown.

use std::fmt;

use serde::{Deserialize, Serialize};

use crate::event::{missing, EventType, Timed};
use crate::Millis;

/// What happened to a pool. Saved inside its [`PoolEvent`] as `kind` and the kind's fields
/// (see [`PoolEventRepr`]).
#[derive(Clone, Debug, PartialEq, Eq)]
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
    /// The pool was imported from an export file (`replaced`: over a pool with the same id;
    /// saved only when true).
    Imported {
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
    /// The message, in English.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&crate::text::Events::pool_event(
            &crate::text::English,
            self,
        ))
    }
}

/// One line of a pool's Events. Saved flat, as a service's event is (see
/// [`crate::event::ServiceEvent`]).
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(try_from = "PoolEventRepr", into = "PoolEventRepr")]
pub struct PoolEvent {
    pub time: Millis,
    pub kind: PoolEventKind,
}

/// The saved form of a [`PoolEvent`]: the time, the kind's tag and every field a kind may
/// have, written only when its kind has it (in the kind's field order).
#[derive(Serialize, Deserialize)]
pub(crate) struct PoolEventRepr {
    pub(crate) time: Millis,
    pub(crate) kind: PoolEventTag,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub(crate) from: Option<u32>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub(crate) to: Option<u32>,
    /// A count (created, scaled) or the names switched off (scale-in).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub(crate) nodes: Option<Nodes>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub(crate) reason: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub(crate) months: Option<u32>,
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub(crate) replaced: bool,
}

#[derive(Clone, Copy, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub(crate) enum PoolEventTag {
    CreateRequested,
    Running,
    ScaleOutRequested,
    ScaleInRequested,
    Scaled,
    DeleteRequested,
    Abnormal,
    Recovered,
    Renewed,
    Imported,
}

/// `nodes`: a number of nodes, or a list of node names.
pub(crate) enum Nodes {
    Count(u32),
    Names(Vec<String>),
}

impl Serialize for Nodes {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        match self {
            Nodes::Count(n) => s.serialize_u32(*n),
            Nodes::Names(names) => names.serialize(s),
        }
    }
}

impl<'de> Deserialize<'de> for Nodes {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        struct Either;
        impl<'de> serde::de::Visitor<'de> for Either {
            type Value = Nodes;
            fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
                f.write_str("a number of nodes or a list of node names")
            }
            fn visit_u64<E: serde::de::Error>(self, n: u64) -> Result<Nodes, E> {
                u32::try_from(n)
                    .map(Nodes::Count)
                    .map_err(|_| E::invalid_value(serde::de::Unexpected::Unsigned(n), &self))
            }
            fn visit_seq<A: serde::de::SeqAccess<'de>>(
                self,
                mut seq: A,
            ) -> Result<Nodes, A::Error> {
                let mut names = Vec::new();
                while let Some(name) = seq.next_element::<String>()? {
                    names.push(name);
                }
                Ok(Nodes::Names(names))
            }
        }
        d.deserialize_any(Either)
    }
}

impl TryFrom<PoolEventRepr> for PoolEvent {
    type Error = String;

    fn try_from(r: PoolEventRepr) -> Result<Self, String> {
        let need = |v: Option<u32>, field: &str| v.ok_or_else(|| missing(field));
        let count = |nodes: Option<Nodes>| match nodes {
            Some(Nodes::Count(n)) => Ok(n),
            Some(Nodes::Names(_)) => Err("invalid type: sequence, expected u32".to_string()),
            None => Err(missing("nodes")),
        };
        let kind = match r.kind {
            PoolEventTag::CreateRequested => PoolEventKind::CreateRequested {
                nodes: count(r.nodes)?,
            },
            PoolEventTag::Running => PoolEventKind::Running,
            PoolEventTag::ScaleOutRequested => PoolEventKind::ScaleOutRequested {
                from: need(r.from, "from")?,
                to: need(r.to, "to")?,
            },
            PoolEventTag::ScaleInRequested => PoolEventKind::ScaleInRequested {
                from: need(r.from, "from")?,
                to: need(r.to, "to")?,
                nodes: match r.nodes {
                    Some(Nodes::Names(names)) => names,
                    Some(Nodes::Count(_)) => {
                        return Err("invalid type: integer, expected a sequence".into())
                    }
                    None => return Err(missing("nodes")),
                },
            },
            PoolEventTag::Scaled => PoolEventKind::Scaled {
                nodes: count(r.nodes)?,
            },
            PoolEventTag::DeleteRequested => PoolEventKind::DeleteRequested,
            PoolEventTag::Abnormal => PoolEventKind::Abnormal {
                reason: r.reason.ok_or_else(|| missing("reason"))?,
            },
            PoolEventTag::Recovered => PoolEventKind::Recovered,
            PoolEventTag::Renewed => PoolEventKind::Renewed {
                months: need(r.months, "months")?,
            },
            PoolEventTag::Imported => PoolEventKind::Imported {
                replaced: r.replaced,
            },
        };
        Ok(PoolEvent { time: r.time, kind })
    }
}

impl From<PoolEvent> for PoolEventRepr {
    fn from(e: PoolEvent) -> Self {
        let mut r = PoolEventRepr {
            time: e.time,
            kind: PoolEventTag::Running,
            from: None,
            to: None,
            nodes: None,
            reason: None,
            months: None,
            replaced: false,
        };
        r.kind = match e.kind {
            PoolEventKind::CreateRequested { nodes } => {
                r.nodes = Some(Nodes::Count(nodes));
                PoolEventTag::CreateRequested
            }
            PoolEventKind::Running => PoolEventTag::Running,
            PoolEventKind::ScaleOutRequested { from, to } => {
                (r.from, r.to) = (Some(from), Some(to));
                PoolEventTag::ScaleOutRequested
            }
            PoolEventKind::ScaleInRequested { from, to, nodes } => {
                (r.from, r.to) = (Some(from), Some(to));
                r.nodes = Some(Nodes::Names(nodes));
                PoolEventTag::ScaleInRequested
            }
            PoolEventKind::Scaled { nodes } => {
                r.nodes = Some(Nodes::Count(nodes));
                PoolEventTag::Scaled
            }
            PoolEventKind::DeleteRequested => PoolEventTag::DeleteRequested,
            PoolEventKind::Abnormal { reason } => {
                r.reason = Some(reason);
                PoolEventTag::Abnormal
            }
            PoolEventKind::Recovered => PoolEventTag::Recovered,
            PoolEventKind::Renewed { months } => {
                r.months = Some(months);
                PoolEventTag::Renewed
            }
            PoolEventKind::Imported { replaced } => {
                r.replaced = replaced;
                PoolEventTag::Imported
            }
        };
        r
    }
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

//! The batch service: its statuses, which actions are allowed (and why not), its config, and
//! (in submodules) its lifecycle over simulated time, its bill, the Deploy and Modify inputs
//! and the commands on it.

mod billing;
mod commands;
pub mod deploy;
mod lifecycle;
pub mod modify;

use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};

use crate::error::Refusal;
use crate::event::ServiceEvent;
use crate::Millis;

pub use billing::{Billing, Run, MAX_RUNS};
pub use commands::{DeletePlan, RefusedDelete};
pub use lifecycle::{DELETE_DURATION, DEPLOY_DURATION, STOP_DURATION, WORK_PER_MB};

/// API status values; `label()` gives the console's wording.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum ServiceStatus {
    Deploying,
    Running,
    Concerning,
    Failed,
    Stopping,
    Stopped,
    Finished,
    Deleting,
    /// Real-time services only: the dedicated pool has too few free nodes (retried).
    Waiting,
}

impl ServiceStatus {
    /// A batch service's statuses, in the order its status filter lists them.
    pub const ALL: [ServiceStatus; 8] = [
        ServiceStatus::Deploying,
        ServiceStatus::Running,
        ServiceStatus::Concerning,
        ServiceStatus::Failed,
        ServiceStatus::Stopping,
        ServiceStatus::Stopped,
        ServiceStatus::Finished,
        ServiceStatus::Deleting,
    ];

    /// A real-time service's statuses (it never completes; it may wait for resources).
    pub const REAL_TIME: [ServiceStatus; 8] = [
        ServiceStatus::Deploying,
        ServiceStatus::Waiting,
        ServiceStatus::Running,
        ServiceStatus::Concerning,
        ServiceStatus::Failed,
        ServiceStatus::Stopping,
        ServiceStatus::Stopped,
        ServiceStatus::Deleting,
    ];

    /// The API value, e.g. `concerning`.
    pub fn api_value(self) -> &'static str {
        match self {
            ServiceStatus::Deploying => "deploying",
            ServiceStatus::Running => "running",
            ServiceStatus::Concerning => "concerning",
            ServiceStatus::Failed => "failed",
            ServiceStatus::Stopping => "stopping",
            ServiceStatus::Stopped => "stopped",
            ServiceStatus::Finished => "finished",
            ServiceStatus::Deleting => "deleting",
            ServiceStatus::Waiting => "waiting",
        }
    }

    pub fn from_api_value(value: &str) -> Option<ServiceStatus> {
        ServiceStatus::ALL
            .into_iter()
            .chain([ServiceStatus::Waiting])
            .find(|s| s.api_value() == value)
    }

    /// Moves by itself as time passes (the app ticks only while some service is in one).
    pub fn is_transitional(self) -> bool {
        matches!(
            self,
            ServiceStatus::Deploying
                | ServiceStatus::Running
                | ServiceStatus::Concerning
                | ServiceStatus::Stopping
                | ServiceStatus::Deleting
                | ServiceStatus::Waiting
        )
    }

    /// Working on its pool, so it fails when the pool goes away (Deploying, Running, Alarm,
    /// Stopping, Waiting).
    pub fn fails_with_its_pool(self) -> bool {
        matches!(
            self,
            ServiceStatus::Waiting
                | ServiceStatus::Deploying
                | ServiceStatus::Running
                | ServiceStatus::Concerning
                | ServiceStatus::Stopping
        )
    }

    /// Billed only while running (Running or Alarm).
    pub fn is_billed(self) -> bool {
        matches!(self, ServiceStatus::Running | ServiceStatus::Concerning)
    }

    /// Progress (percent) is shown while deploying and running.
    pub fn shows_progress(self) -> bool {
        matches!(
            self,
            ServiceStatus::Deploying | ServiceStatus::Running | ServiceStatus::Concerning
        )
    }
}

/// What a user can ask of a batch service. `Restart` exists only to be refused.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum ServiceAction {
    Start,
    Stop,
    Modify,
    Delete,
    Restart,
}

impl ServiceAction {
    /// The operations the console offers, in the Operation column's order.
    pub const OFFERED: [ServiceAction; 4] = [
        ServiceAction::Start,
        ServiceAction::Stop,
        ServiceAction::Modify,
        ServiceAction::Delete,
    ];
}

/// Where the service runs. Edge locations cannot be started or stopped from the console.
/// Saved as `{"kind": "dedicated_pool", "pool_name": ...}`, through a flat form
/// ([`LocationRepr`]): serde's internally tagged enums buffer every object before reading it,
/// which costs time on every load and wasm size.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(try_from = "LocationRepr", into = "LocationRepr")]
pub enum DeploymentLocation {
    PublicPool,
    DedicatedPool { pool_name: String },
    EdgeNode { node_name: String },
    EdgePool { pool_name: String },
}

/// The saved form of a [`DeploymentLocation`]: its kind and the name the kind needs (other
/// fields are ignored when they have their field's type; the tagged form ignored them whatever
/// their type).
#[derive(Serialize, Deserialize)]
pub(crate) struct LocationRepr {
    pub(crate) kind: LocationKind,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub(crate) pool_name: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub(crate) node_name: Option<String>,
}

#[derive(Clone, Copy, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub(crate) enum LocationKind {
    PublicPool,
    DedicatedPool,
    EdgeNode,
    EdgePool,
}

impl TryFrom<LocationRepr> for DeploymentLocation {
    type Error = String;

    fn try_from(repr: LocationRepr) -> Result<Self, String> {
        let missing = |field: &str| format!("missing field `{field}`");
        Ok(match repr.kind {
            LocationKind::PublicPool => DeploymentLocation::PublicPool,
            LocationKind::DedicatedPool => DeploymentLocation::DedicatedPool {
                pool_name: repr.pool_name.ok_or_else(|| missing("pool_name"))?,
            },
            LocationKind::EdgeNode => DeploymentLocation::EdgeNode {
                node_name: repr.node_name.ok_or_else(|| missing("node_name"))?,
            },
            LocationKind::EdgePool => DeploymentLocation::EdgePool {
                pool_name: repr.pool_name.ok_or_else(|| missing("pool_name"))?,
            },
        })
    }
}

impl From<DeploymentLocation> for LocationRepr {
    fn from(location: DeploymentLocation) -> Self {
        let (kind, pool_name, node_name) = match location {
            DeploymentLocation::PublicPool => (LocationKind::PublicPool, None, None),
            DeploymentLocation::DedicatedPool { pool_name } => {
                (LocationKind::DedicatedPool, Some(pool_name), None)
            }
            DeploymentLocation::EdgeNode { node_name } => {
                (LocationKind::EdgeNode, None, Some(node_name))
            }
            DeploymentLocation::EdgePool { pool_name } => {
                (LocationKind::EdgePool, Some(pool_name), None)
            }
        };
        LocationRepr {
            kind,
            pool_name,
            node_name,
        }
    }
}

impl DeploymentLocation {
    pub fn is_edge(&self) -> bool {
        matches!(
            self,
            DeploymentLocation::EdgeNode { .. } | DeploymentLocation::EdgePool { .. }
        )
    }

    /// Whether this is the dedicated pool with id `pool_id`.
    pub fn is_on_pool(&self, pool_id: &str) -> bool {
        matches!(self, DeploymentLocation::DedicatedPool { pool_name } if pool_name == pool_id)
    }
}

#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum MappingType {
    #[default]
    File,
    Csv,
}

impl MappingType {
    pub const ALL: [MappingType; 2] = [MappingType::File, MappingType::Csv];

    /// The API value, also what the console shows.
    pub fn api_value(self) -> &'static str {
        match self {
            MappingType::File => "file",
            MappingType::Csv => "csv",
        }
    }

    pub fn from_api_value(value: &str) -> Option<MappingType> {
        MappingType::ALL
            .into_iter()
            .find(|m| m.api_value() == value)
    }
}

/// CSV mapping: which column (from 0) feeds which input field of the model.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct MappingField {
    pub field: String,
    pub index: u32,
}

/// The API's `config[]` entry; a batch service has exactly one.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct ServiceConfig {
    pub model_id: String,
    pub model_name: String,
    pub model_version: String,
    /// Flavor id, e.g. `modelarts.vm.cpu.8u`.
    pub specification: String,
    /// Compute nodes, 1-128.
    pub instance_count: u32,
    #[serde(default)]
    pub envs: BTreeMap<String, String>,
    /// OBS input path, `obs://bucket/dir/`.
    pub src_path: String,
    /// OBS output folder.
    pub dest_path: String,
    pub req_uri: String,
    pub mapping_type: MappingType,
    /// CSV only: a column index for each input field of the model.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub mapping_rule: Vec<MappingField>,
}

impl ServiceConfig {
    /// `KEY=value, ...`, or `-` when there are none.
    pub fn envs_text(&self) -> String {
        if self.envs.is_empty() {
            return "-".into();
        }
        let pairs: Vec<String> = self.envs.iter().map(|(k, v)| format!("{k}={v}")).collect();
        pairs.join(", ")
    }
}

/// Sandbox-only simulation of the input being processed.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Workload {
    /// Size of the data under `src_path`; processing time grows with it.
    pub input_size_mb: u32,
    /// Node-milliseconds of work done in the current run.
    pub processed_node_ms: Millis,
    /// Time up to which processing and billing have been accounted.
    pub accounted_at: Millis,
}

impl Workload {
    pub fn total_node_ms(&self) -> Millis {
        (self.input_size_mb.max(1) as Millis) * WORK_PER_MB
    }
}

/// A batch service, with the API's field names.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct BatchService {
    pub service_id: String,
    pub service_name: String,
    #[serde(default)]
    pub description: String,
    /// Always `batch` here.
    pub infer_type: String,
    pub status: ServiceStatus,
    /// Percent, while deploying or running.
    pub progress: u8,
    /// Creation time (ms).
    pub publish_at: Millis,
    /// When the current status began (ms).
    pub transition_at: Millis,
    pub start_time: Option<Millis>,
    pub finished_time: Option<Millis>,
    pub error_msg: Option<String>,
    pub config: Vec<ServiceConfig>,
    pub location: DeploymentLocation,
    pub billing: Billing,
    pub workload: Workload,
    #[serde(default)]
    pub events: Vec<ServiceEvent>,
}

impl BatchService {
    /// The single config entry of a batch service.
    pub fn config(&self) -> &ServiceConfig {
        &self.config[0]
    }

    /// Whether `action` is allowed now, or the reason it is not (the action table of the product rules).
    pub fn check(&self, action: ServiceAction, agency_authorized: bool) -> Result<(), Refusal> {
        use ServiceStatus::*;
        let status = self.status;
        match action {
            ServiceAction::Restart => Err(Refusal::RestartUnsupported),
            ServiceAction::Start | ServiceAction::Stop if self.location.is_edge() => {
                Err(Refusal::EdgeDeployment(action))
            }
            ServiceAction::Start => match status {
                Stopped | Failed | Finished => Ok(()),
                Running | Concerning => Err(Refusal::AlreadyRunning),
                Deploying | Stopping | Deleting | Waiting => Err(Refusal::InStatus(action, status)),
            },
            ServiceAction::Stop => match status {
                Deploying | Running | Concerning | Waiting => Ok(()),
                Stopped => Err(Refusal::AlreadyStopped),
                Failed | Finished | Stopping | Deleting => Err(Refusal::InStatus(action, status)),
            },
            ServiceAction::Modify => match status {
                Deploying | Stopping | Deleting | Waiting => Err(Refusal::InStatus(action, status)),
                _ => Ok(()),
            },
            ServiceAction::Delete if !agency_authorized => Err(Refusal::NoAgencyAuthorization),
            ServiceAction::Delete => match status {
                Deleting => Err(Refusal::InStatus(action, status)),
                _ => Ok(()),
            },
        }
    }
}

#[cfg(test)]
mod tests {
    use super::DeploymentLocation;

    /// The flat form reads and writes what the tagged form did.
    #[test]
    fn locations_keep_their_saved_form() {
        let cases = [
            (DeploymentLocation::PublicPool, r#"{"kind":"public_pool"}"#),
            (
                DeploymentLocation::DedicatedPool {
                    pool_name: "pool-a".into(),
                },
                r#"{"kind":"dedicated_pool","pool_name":"pool-a"}"#,
            ),
            (
                DeploymentLocation::EdgeNode {
                    node_name: "node-1".into(),
                },
                r#"{"kind":"edge_node","node_name":"node-1"}"#,
            ),
            (
                DeploymentLocation::EdgePool {
                    pool_name: "edge-a".into(),
                },
                r#"{"kind":"edge_pool","pool_name":"edge-a"}"#,
            ),
        ];
        for (location, json) in cases {
            assert_eq!(serde_json::to_string(&location).unwrap(), json);
            assert_eq!(
                serde_json::from_str::<DeploymentLocation>(json).unwrap(),
                location
            );
        }
        // Field order does not matter; fields a kind does not use are ignored.
        let reordered = r#"{"pool_name":"p","extra":1,"kind":"edge_pool"}"#;
        assert_eq!(
            serde_json::from_str::<DeploymentLocation>(reordered).unwrap(),
            DeploymentLocation::EdgePool {
                pool_name: "p".into()
            }
        );
        let missing = serde_json::from_str::<DeploymentLocation>(r#"{"kind":"edge_node"}"#);
        assert!(missing
            .unwrap_err()
            .to_string()
            .contains("missing field `node_name`"));
        let unknown = serde_json::from_str::<DeploymentLocation>(r#"{"kind":"moon"}"#);
        assert!(unknown
            .unwrap_err()
            .to_string()
            .contains("unknown variant `moon`"));
    }
}

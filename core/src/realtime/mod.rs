//! The real-time service: a deployed model that answers calls, with one or more model
//! versions sharing its traffic by ratio (a gray launch), Auto Stop, calls and their
//! per-minute record, and upgrades that are hitless only where the real service's table says
//! so. Its submodules hold its lifecycle over simulated time, the Deploy and Modify inputs,
//! calls and the commands on it. Statuses, bills, events and locations are the batch
//! service's own types.

mod calls;
mod commands;
pub mod deploy;
mod lifecycle;
pub mod upgrade;

use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};

use crate::error::Refusal;
use crate::event::ServiceEvent;
use crate::service::{Billing, DeploymentLocation, ServiceAction, ServiceStatus};
use crate::Millis;

pub use calls::{
    check_request_body, sample_request, Answer, LogLine, LogRange, LogText, MinutePoint,
    MAX_TRAFFIC,
};
pub use commands::parse_calls_per_minute;
pub use deploy::{AutoStopChoice, RealTimeRequest, VersionInput, MAX_REAL_TIME_SERVICES};
pub use lifecycle::{
    DeployPhase, PHASE_DURATION, RETRY_INTERVAL, ROLLING_DURATION, WAITING_RETRIES,
};
pub use upgrade::{ChangeValue, RealTimeUpdate, UpgradeKind, VersionChange, VersionSummary};

/// The API's `infer_type` of a real-time service.
pub const INFER_TYPE: &str = "real-time";

/// The API's `config[]` entry of a real-time service: one model version and its share.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct RealTimeConfig {
    pub model_id: String,
    pub model_name: String,
    pub model_version: String,
    /// Traffic ratio in percent; the service's weights sum to 100.
    pub weight: u32,
    /// Flavor id.
    pub specification: String,
    /// Compute nodes, 1-128.
    pub instance_count: u32,
    #[serde(default)]
    pub envs: BTreeMap<String, String>,
    /// Call timeout in minutes, 3-120.
    pub timeout: u32,
}

/// The API's `schedule[]` entry: Auto Stop after `duration` hours of running.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Schedule {
    #[serde(rename = "type")]
    pub schedule_type: String,
    pub time_unit: String,
    pub duration: u32,
}

impl Schedule {
    /// Auto Stop after `hours` hours.
    pub fn stop_after(hours: u32) -> Schedule {
        Schedule {
            schedule_type: "stop".into(),
            time_unit: "HOURS".into(),
            duration: hours,
        }
    }
}

/// Calls one model version answered in one simulated minute.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct CallMinute {
    /// Start of the minute (ms).
    pub minute: Millis,
    pub model_version: String,
    pub calls: u64,
    pub failed: u64,
}

/// One line of Configuration Updates' history.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct ConfigUpdate {
    pub time: Millis,
    /// Each change as `Field: old -> new`.
    pub changes: Vec<String>,
    pub kind: UpgradeKind,
    /// `None` while the update is in progress.
    pub result: Option<UpdateResult>,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "UPPERCASE")]
pub enum UpdateResult {
    Success,
    Fail,
}

impl UpdateResult {}

/// A hitless rolling upgrade under way: the new configuration takes over at `until`, while
/// the old one keeps answering.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Rolling {
    pub config: Vec<RealTimeConfig>,
    pub until: Millis,
    pub hourly_rate: f64,
}

/// Sandbox-only state: what the real service does not show but the simulation needs.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct Simulation {
    /// The deployment phase in progress (0-4) while Deploying.
    #[serde(default)]
    pub phase: u8,
    /// Retries made while Waiting for resources.
    #[serde(default)]
    pub retries: u8,
    /// Simulate Traffic: calls per simulated minute while the service answers.
    #[serde(default)]
    pub traffic: u32,
    /// Time up to which simulated traffic and billing have been accounted.
    pub accounted_at: Millis,
    /// A hitless upgrade in progress.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub rolling: Option<Rolling>,
}

/// A real-time service, with the API's field names.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct RealTimeService {
    pub service_id: String,
    pub service_name: String,
    #[serde(default)]
    pub description: String,
    /// Always `real-time`.
    pub infer_type: String,
    pub status: ServiceStatus,
    /// Percent, while deploying.
    pub progress: u8,
    /// Creation time (ms).
    pub publish_at: Millis,
    /// When the current status began (ms).
    pub transition_at: Millis,
    pub start_time: Option<Millis>,
    pub error_msg: Option<String>,
    pub config: Vec<RealTimeConfig>,
    pub location: DeploymentLocation,
    /// Auto Stop; empty when it is off.
    #[serde(default)]
    pub schedule: Vec<Schedule>,
    /// When Auto Stop stops the running service.
    pub due_time: Option<Millis>,
    /// WebSocket calls (container-image models only; fixed at deployment).
    #[serde(default)]
    pub websocket: bool,
    /// The API URL callers use.
    pub access_address: String,
    /// Total calls.
    pub invocation_times: u64,
    /// Failed calls.
    pub failed_times: u64,
    /// Calls per minute per version, for Monitoring and Logs (the last hour).
    #[serde(default)]
    pub calls: Vec<CallMinute>,
    /// Configuration Updates' history, oldest first.
    #[serde(default)]
    pub updates: Vec<ConfigUpdate>,
    pub billing: Billing,
    pub simulation: Simulation,
    #[serde(default)]
    pub events: Vec<ServiceEvent>,
}

impl RealTimeService {
    /// Auto Stop's hours, if it is on.
    pub fn auto_stop_hours(&self) -> Option<u32> {
        self.schedule
            .iter()
            .find(|s| s.schedule_type == "stop")
            .map(|s| s.duration)
    }

    /// Compute nodes over all versions: what the service occupies on a dedicated pool.
    pub fn nodes(&self) -> u32 {
        self.config.iter().map(|c| c.instance_count).sum()
    }

    /// Whether it occupies nodes of its dedicated pool now (RULES.md): Deploying, Running,
    /// Alarm, or Waiting, where it keeps its claim on the nodes it waits for (so others
    /// cannot take them first and the pool cannot be scaled in below them).
    pub fn occupies_nodes(&self) -> bool {
        matches!(
            self.status,
            ServiceStatus::Deploying
                | ServiceStatus::Running
                | ServiceStatus::Concerning
                | ServiceStatus::Waiting
        )
    }

    /// Nodes it occupies on its pool now (a hitless upgrade holds the larger of both
    /// configurations).
    pub fn occupied_nodes(&self) -> u32 {
        if !self.occupies_nodes() {
            return 0;
        }
        let rolling = self.simulation.rolling.as_ref().map_or(0, |r| {
            r.config.iter().map(|c| c.instance_count).sum::<u32>()
        });
        self.nodes().max(rolling)
    }

    /// Nodes it has been given on its pool: what it occupies unless it is still Waiting for
    /// them. These must fit in the pool; a Waiting claim is what did not fit.
    pub fn placed_nodes(&self) -> u32 {
        if self.status == ServiceStatus::Waiting {
            0
        } else {
            self.occupied_nodes()
        }
    }

    /// Whether it answers calls now (Running, or Alarm where some calls fail).
    pub fn answers_calls(&self) -> bool {
        self.status.is_billed()
    }

    /// Whether `action` is allowed now, or the reason it is not (RULES.md, real-time
    /// services).
    pub fn check(&self, action: ServiceAction, agency_authorized: bool) -> Result<(), Refusal> {
        use ServiceStatus::*;
        let status = self.status;
        match action {
            ServiceAction::Restart => Err(Refusal::RestartUnsupported),
            ServiceAction::Start => match status {
                Stopped | Failed => Ok(()),
                Running | Concerning => Err(Refusal::AlreadyRunning),
                _ => Err(Refusal::InStatus(action, status)),
            },
            ServiceAction::Stop => match status {
                Running | Concerning => Ok(()),
                Stopped => Err(Refusal::AlreadyStopped),
                _ => Err(Refusal::InStatus(action, status)),
            },
            ServiceAction::Modify => match status {
                Deploying | Waiting | Stopping | Deleting => Err(Refusal::InStatus(action, status)),
                _ if self.simulation.rolling.is_some() => Err(Refusal::Upgrading),
                _ => Ok(()),
            },
            ServiceAction::Delete if !agency_authorized => Err(Refusal::NoAgencyAuthorization),
            ServiceAction::Delete => match status {
                Deleting => Err(Refusal::InStatus(action, status)),
                _ => Ok(()),
            },
        }
    }

    /// `Failed Calls/Total Calls`, e.g. `3/1,200`.
    pub fn calls_text(&self) -> String {
        format!(
            "{}/{}",
            crate::format::thousands(self.failed_times),
            crate::format::thousands(self.invocation_times)
        )
    }

    /// The config of a model version by its version string.
    pub fn version(&self, model_version: &str) -> Option<&RealTimeConfig> {
        self.config
            .iter()
            .find(|c| c.model_version == model_version)
    }
}

/// The API URL of a service in the sandbox.
pub fn access_address(region: &str, service_id: &str) -> String {
    format!("https://infer.{region}.example.com/v1/infers/{service_id}")
}

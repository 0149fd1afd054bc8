//! The batch service: its statuses, which actions are allowed (and why not), and how it moves
//! through its lifecycle as simulated time passes.

use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};

use crate::error::Refusal;
use crate::event::{EventType, ServiceEvent, EVENT_RETENTION};
use crate::{Millis, SECOND};

/// How long a deployment takes before the service runs.
pub const DEPLOY_DURATION: Millis = 20 * SECOND;
/// How long stopping takes.
pub const STOP_DURATION: Millis = 5 * SECOND;
/// How long deleting takes before the service is gone.
pub const DELETE_DURATION: Millis = 5 * SECOND;
/// Processing time of one MB of input on one compute node.
pub const WORK_PER_MB: Millis = SECOND;

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
}

impl ServiceStatus {
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

    /// The console's label.
    pub fn label(self) -> &'static str {
        match self {
            ServiceStatus::Deploying => "Deploying",
            ServiceStatus::Running => "Running",
            ServiceStatus::Concerning => "Alarm",
            ServiceStatus::Failed => "Failed",
            ServiceStatus::Stopping => "Stopping",
            ServiceStatus::Stopped => "Stopped",
            ServiceStatus::Finished => "Completed",
            ServiceStatus::Deleting => "Deleting",
        }
    }

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
        }
    }

    pub fn from_api_value(value: &str) -> Option<ServiceStatus> {
        ServiceStatus::ALL
            .into_iter()
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

    pub fn label(self) -> &'static str {
        match self {
            ServiceAction::Start => "Start",
            ServiceAction::Stop => "Stop",
            ServiceAction::Modify => "Modify",
            ServiceAction::Delete => "Delete",
            ServiceAction::Restart => "Restart",
        }
    }

    pub fn past_participle(self) -> &'static str {
        match self {
            ServiceAction::Start => "started",
            ServiceAction::Stop => "stopped",
            ServiceAction::Modify => "modified",
            ServiceAction::Delete => "deleted",
            ServiceAction::Restart => "restarted",
        }
    }
}

/// Where the service runs. Edge locations cannot be started or stopped from the console.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum DeploymentLocation {
    PublicPool,
    DedicatedPool { pool_name: String },
    EdgeNode { node_name: String },
    EdgePool { pool_name: String },
}

impl DeploymentLocation {
    pub fn is_edge(&self) -> bool {
        matches!(
            self,
            DeploymentLocation::EdgeNode { .. } | DeploymentLocation::EdgePool { .. }
        )
    }

    pub fn label(&self) -> String {
        match self {
            DeploymentLocation::PublicPool => "Public resource pool".into(),
            DeploymentLocation::DedicatedPool { pool_name } => {
                format!("Dedicated resource pool: {pool_name}")
            }
            DeploymentLocation::EdgeNode { node_name } => format!("Edge node: {node_name}"),
            DeploymentLocation::EdgePool { pool_name } => {
                format!("Edge resource pool: {pool_name}")
            }
        }
    }
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum MappingType {
    File,
    Csv,
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
}

/// Time and money spent while running.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct Billing {
    /// Milliseconds billed so far (Running or Alarm only).
    pub billed_ms: Millis,
    /// USD accrued so far.
    pub cost: f64,
    /// USD per hour for the current run: flavor price x compute nodes, fixed when it deploys.
    pub hourly_rate: f64,
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

    /// Whether `action` is allowed now, or the reason it is not (the action table of RULES.md).
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
                Deploying | Stopping | Deleting => Err(Refusal::InStatus(action, status)),
            },
            ServiceAction::Stop => match status {
                Deploying | Running | Concerning => Ok(()),
                Stopped => Err(Refusal::AlreadyStopped),
                Failed | Finished | Stopping | Deleting => Err(Refusal::InStatus(action, status)),
            },
            ServiceAction::Modify => match status {
                Deploying | Stopping | Deleting => Err(Refusal::InStatus(action, status)),
                _ => Ok(()),
            },
            ServiceAction::Delete if !agency_authorized => Err(Refusal::NoAgencyAuthorization),
            ServiceAction::Delete => match status {
                Deleting => Err(Refusal::InStatus(action, status)),
                _ => Ok(()),
            },
        }
    }

    pub(crate) fn record(
        &mut self,
        time: Millis,
        event_type: EventType,
        message: impl Into<String>,
    ) -> ServiceEvent {
        let record = ServiceEvent {
            time,
            event_type,
            message: message.into(),
        };
        self.events
            .retain(|e| e.time.saturating_add(EVENT_RETENTION) >= time);
        self.events.push(record.clone());
        record
    }

    /// Enters `status` at `at`.
    fn enter(&mut self, status: ServiceStatus, at: Millis) {
        self.status = status;
        self.transition_at = at;
        self.workload.accounted_at = self.workload.accounted_at.max(at);
    }

    /// Starts a fresh run: deploy, then process the whole input.
    pub(crate) fn begin_deploy(&mut self, at: Millis, hourly_rate: f64) {
        self.enter(ServiceStatus::Deploying, at);
        self.workload.accounted_at = at;
        self.progress = 0;
        self.workload.processed_node_ms = 0;
        self.billing.hourly_rate = hourly_rate;
        self.finished_time = None;
        self.error_msg = None;
    }

    /// Accounts processing and billing up to `now` (so later transitions start from the truth).
    pub(crate) fn settle(&mut self, now: Millis) {
        if self.status.is_billed() {
            let from = self.workload.accounted_at;
            let until = now.min(self.finish_at());
            let elapsed = until.saturating_sub(from);
            if elapsed > 0 {
                self.workload.processed_node_ms += elapsed * self.config().instance_count as Millis;
                self.billing.billed_ms += elapsed;
                self.billing.cost += elapsed as f64 / crate::HOUR as f64 * self.billing.hourly_rate;
                self.workload.accounted_at = until;
            }
        }
    }

    /// When the current run will have processed all input at its current pace.
    fn finish_at(&self) -> Millis {
        let total = self.workload.total_node_ms();
        let remaining = total.saturating_sub(self.workload.processed_node_ms);
        let nodes = self.config().instance_count.max(1) as Millis;
        self.workload.accounted_at + remaining.div_ceil(nodes)
    }

    /// Moves the service through every transition due by `now`, each at its exact time, and
    /// returns the events recorded. `Ok(false)` means the deletion finished: the service is gone.
    pub(crate) fn advance(&mut self, now: Millis) -> (bool, Vec<ServiceEvent>) {
        let mut events = Vec::new();
        loop {
            match self.status {
                ServiceStatus::Deploying => {
                    let end = self.transition_at + DEPLOY_DURATION;
                    if now < end {
                        self.progress =
                            percent(now.saturating_sub(self.transition_at), DEPLOY_DURATION);
                        break;
                    }
                    self.enter(ServiceStatus::Running, end);
                    self.workload.accounted_at = end;
                    self.start_time = Some(end);
                    self.progress = 0;
                    events.push(self.record(end, EventType::Normal, "The service is running."));
                }
                ServiceStatus::Running | ServiceStatus::Concerning => {
                    self.settle(now);
                    let total = self.workload.total_node_ms();
                    if self.workload.processed_node_ms < total {
                        self.progress = percent(self.workload.processed_node_ms, total).min(99);
                        break;
                    }
                    let end = self.workload.accounted_at;
                    self.enter(ServiceStatus::Finished, end);
                    self.progress = 100;
                    self.finished_time = Some(end);
                    events.push(self.record(
                        end,
                        EventType::Normal,
                        "The service has been executed.",
                    ));
                }
                ServiceStatus::Stopping => {
                    let end = self.transition_at + STOP_DURATION;
                    if now < end {
                        break;
                    }
                    self.enter(ServiceStatus::Stopped, end);
                    events.push(self.record(
                        end,
                        EventType::Normal,
                        "The service has been stopped.",
                    ));
                }
                ServiceStatus::Deleting => {
                    return (now < self.transition_at + DELETE_DURATION, events);
                }
                ServiceStatus::Stopped | ServiceStatus::Failed | ServiceStatus::Finished => break,
            }
        }
        (true, events)
    }

    /// Requests a stop at `now` (caller has checked the action).
    pub(crate) fn begin_stop(&mut self, now: Millis) -> ServiceEvent {
        self.settle(now);
        self.enter(ServiceStatus::Stopping, now);
        self.record(now, EventType::Normal, "Stop the service.")
    }

    /// Requests deletion at `now` (caller has checked the action).
    pub(crate) fn begin_delete(&mut self, now: Millis) -> ServiceEvent {
        self.settle(now);
        self.enter(ServiceStatus::Deleting, now);
        self.record(now, EventType::Normal, "Delete the service.")
    }
}

fn percent(part: Millis, whole: Millis) -> u8 {
    if whole == 0 {
        return 100;
    }
    (part.min(whole) * 100 / whole) as u8
}

impl BatchService {
    /// A new service that starts deploying at `now`.
    #[allow(clippy::too_many_arguments)]
    pub(crate) fn new_deploying(
        service_id: String,
        service_name: String,
        description: String,
        config: ServiceConfig,
        location: DeploymentLocation,
        input_size_mb: u32,
        hourly_rate: f64,
        now: Millis,
    ) -> BatchService {
        let mut service = BatchService {
            service_id,
            service_name,
            description,
            infer_type: "batch".into(),
            status: ServiceStatus::Deploying,
            progress: 0,
            publish_at: now,
            transition_at: now,
            start_time: None,
            finished_time: None,
            error_msg: None,
            config: vec![config],
            location,
            billing: Billing::default(),
            workload: Workload {
                input_size_mb,
                processed_node_ms: 0,
                accounted_at: now,
            },
            events: Vec::new(),
        };
        service.begin_deploy(now, hourly_rate);
        service.record(now, EventType::Normal, "Deploy the service.");
        service
    }

    /// The run failed at `now` (e.g. its dedicated pool was deleted).
    pub(crate) fn fail(&mut self, now: Millis, error_msg: &str) -> ServiceEvent {
        self.settle(now);
        self.enter(ServiceStatus::Failed, now);
        self.error_msg = Some(error_msg.to_string());
        self.record(now, EventType::Abnormal, error_msg)
    }

    /// A running service raises an alarm at `now`; it keeps processing and billing.
    pub(crate) fn raise_alarm(&mut self, now: Millis, message: &str) -> ServiceEvent {
        self.settle(now);
        self.enter(ServiceStatus::Concerning, now);
        self.record(now, EventType::Abnormal, message)
    }
}

//! How a batch service moves through its lifecycle as simulated time passes: each transition
//! at its exact instant, processing and billing accounted up to it.

use crate::error::Refusal;
use crate::event::{self, EventKind, ServiceEvent};
use crate::tenant::Tenant;
use crate::{Millis, SECOND};

use super::{
    BatchService, Billing, DeploymentLocation, ServiceAction, ServiceConfig, ServiceStatus,
    Workload,
};

/// How long a deployment takes before the service runs.
pub const DEPLOY_DURATION: Millis = 20 * SECOND;
/// How long stopping takes.
pub const STOP_DURATION: Millis = 5 * SECOND;
/// How long deleting takes before the service is gone.
pub const DELETE_DURATION: Millis = 5 * SECOND;
/// Processing time of one MB of input on one compute node.
pub const WORK_PER_MB: Millis = SECOND;

impl BatchService {
    /// Records an event at `time`, dropping those past the retention.
    pub(crate) fn record(&mut self, time: Millis, kind: EventKind) -> ServiceEvent {
        event::keep(&mut self.events, ServiceEvent { time, kind })
    }

    /// Enters `status` at `at`; a run opens on entering Running and closes on leaving it.
    fn enter(&mut self, status: ServiceStatus, at: Millis) {
        match (self.status.is_billed(), status.is_billed()) {
            (false, true) => self.billing.start_run(at),
            (true, false) => self.billing.end_run(at),
            _ => {}
        }
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
                self.billing.accrue(elapsed);
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
    /// returns whether it still exists (`false`: its deletion finished) and the events recorded.
    pub(crate) fn advance(&mut self, now: Millis) -> (bool, Vec<ServiceEvent>) {
        let mut events = Vec::new();
        loop {
            match self.status {
                // A batch service never waits for resources; read as deploying.
                ServiceStatus::Deploying | ServiceStatus::Waiting => {
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
                    events.push(self.record(end, EventKind::Running));
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
                    events.push(self.record(end, EventKind::Executed));
                }
                ServiceStatus::Stopping => {
                    let end = self.transition_at + STOP_DURATION;
                    if now < end {
                        break;
                    }
                    self.enter(ServiceStatus::Stopped, end);
                    events.push(self.record(end, EventKind::Stopped));
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
        self.record(now, EventKind::StopRequested)
    }

    /// Requests deletion at `now` (caller has checked the action).
    pub(crate) fn begin_delete(&mut self, now: Millis) -> ServiceEvent {
        self.settle(now);
        self.enter(ServiceStatus::Deleting, now);
        self.record(now, EventKind::DeleteRequested)
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
        service.record(now, EventKind::DeployRequested);
        service
    }

    /// The run failed at `now`.
    pub(crate) fn fail(&mut self, now: Millis, error_msg: &str) {
        let reason = error_msg.to_string();
        self.fail_with(now, reason.clone(), EventKind::Failed { reason });
    }

    /// A running service raises an alarm at `now`; it keeps processing and billing.
    pub(crate) fn raise_alarm(&mut self, now: Millis, message: &str) -> ServiceEvent {
        self.settle(now);
        self.enter(ServiceStatus::Concerning, now);
        self.record(
            now,
            EventKind::Alarm {
                reason: message.to_string(),
            },
        )
    }
}

impl Tenant for BatchService {
    fn id(&self) -> &str {
        &self.service_id
    }

    fn name(&self) -> &str {
        &self.service_name
    }

    fn location(&self) -> &DeploymentLocation {
        &self.location
    }

    fn status(&self) -> ServiceStatus {
        self.status
    }

    fn transition_at(&self) -> Millis {
        self.transition_at
    }

    fn settle(&mut self, at: Millis) {
        BatchService::settle(self, at);
    }

    fn enter(&mut self, status: ServiceStatus, at: Millis) {
        BatchService::enter(self, status, at);
    }

    fn record(&mut self, at: Millis, kind: EventKind) -> ServiceEvent {
        BatchService::record(self, at, kind)
    }

    fn wind_down(&mut self, _at: Millis) -> Vec<ServiceEvent> {
        Vec::new()
    }

    fn set_error(&mut self, message: Option<String>) {
        self.error_msg = message;
    }

    fn allows(&self, action: ServiceAction, agency_authorized: bool) -> Result<(), Refusal> {
        BatchService::check(self, action, agency_authorized)
    }
}

#[cfg(test)]
mod tests {
    use proptest::prelude::*;

    use super::*;
    use crate::service::{MappingType, ServiceConfig};

    fn service(input_size_mb: u32, nodes: u32, rate_cents: u32, at: Millis) -> BatchService {
        let config = ServiceConfig {
            model_id: "m".into(),
            model_name: "model".into(),
            model_version: "0.0.1".into(),
            specification: "modelarts.vm.cpu.2u".into(),
            instance_count: nodes,
            envs: Default::default(),
            src_path: "obs://b/in/".into(),
            dest_path: "obs://b/out/".into(),
            req_uri: "/".into(),
            mapping_type: MappingType::File,
            mapping_rule: Vec::new(),
        };
        BatchService::new_deploying(
            "id".into(),
            "svc".into(),
            String::new(),
            config,
            DeploymentLocation::PublicPool,
            input_size_mb,
            f64::from(rate_cents) / 100.0 * f64::from(nodes),
            at,
        )
    }

    /// What can happen to a service besides time passing.
    #[derive(Clone, Debug)]
    enum Act {
        Wait,
        Stop,
        Alarm,
        Redeploy,
        Delete,
    }

    fn act() -> impl Strategy<Value = Act> {
        prop_oneof![
            4 => Just(Act::Wait),
            1 => Just(Act::Stop),
            1 => Just(Act::Alarm),
            1 => Just(Act::Redeploy),
            1 => Just(Act::Delete),
        ]
    }

    fn apply(s: &mut BatchService, act: &Act, now: Millis) {
        s.advance(now);
        match act {
            Act::Wait => {}
            Act::Stop if s.check(crate::service::ServiceAction::Stop, true).is_ok() => {
                s.begin_stop(now);
            }
            Act::Alarm if s.status == ServiceStatus::Running => {
                s.raise_alarm(now, "alarm");
            }
            Act::Redeploy if !s.status.is_transitional() => {
                let rate = s.billing.hourly_rate * 1.5;
                s.begin_deploy(now, rate);
            }
            Act::Delete if s.status != ServiceStatus::Deleting => {
                s.begin_delete(now);
            }
            _ => {}
        }
    }

    proptest! {
        /// Advancing in one step or in several gives the same service to the last bit
        /// (progress, processing, bills, runs, events): what the saved form relies on when it
        /// keeps a service that only time moved (`snapshot::Encoder`).
        #[test]
        fn advancing_in_steps_is_advancing_at_once(
            input in 1u32..5_000,
            nodes in 1u32..8,
            rate in 1u32..5_000,
            history in prop::collection::vec((act(), 1u64..120_000), 0..6),
            splits in prop::collection::vec(1u64..900_000, 1..12),
        ) {
            let mut s = service(input, nodes, rate, 1_000_000);
            let mut now = 1_000_000;
            for (act, after) in &history {
                now += after;
                apply(&mut s, act, now);
            }
            let mut stepped = s.clone();
            let mut at = now;
            for split in &splits {
                at += split;
                stepped.advance(at);
            }
            let mut at_once = s.clone();
            at_once.advance(at);
            prop_assert_eq!(stepped, at_once);
        }
    }
}

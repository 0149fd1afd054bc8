//! How a real-time service moves as simulated time passes: the five deployment phases, the
//! wait for a dedicated pool's nodes and its retries, Auto Stop, a hitless upgrade taking
//! over, and the calls and bill of every minute it answers, each at its exact instant.

use serde::{Deserialize, Serialize};

use crate::error::Refusal;
use crate::event::{self, EventKind, Reason, ServiceEvent};
use crate::service::{
    DeploymentLocation, ServiceAction, ServiceStatus, DELETE_DURATION, STOP_DURATION,
};
use crate::tenant::Tenant;
use crate::{Millis, HOUR, MINUTE, SECOND};

use super::{RealTimeService, UpdateResult};

/// How long each of the five deployment phases takes.
pub const PHASE_DURATION: Millis = 4 * SECOND;
/// How long a Waiting service waits before each retry.
pub const RETRY_INTERVAL: Millis = 2 * MINUTE;
/// Retries before a Waiting service fails.
pub const WAITING_RETRIES: u8 = 3;
/// How long a hitless rolling upgrade takes to replace every instance.
pub const ROLLING_DURATION: Millis = 30 * SECOND;

/// The deployment phases, in order, each recorded as an event.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum DeployPhase {
    ImageBuilding,
    EnvironmentPreparation,
    ResourceScheduling,
    ImagePulling,
    ModelStartup,
}

impl DeployPhase {
    pub const ALL: [DeployPhase; 5] = [
        DeployPhase::ImageBuilding,
        DeployPhase::EnvironmentPreparation,
        DeployPhase::ResourceScheduling,
        DeployPhase::ImagePulling,
        DeployPhase::ModelStartup,
    ];

    /// 1-5.
    pub fn number(self) -> usize {
        DeployPhase::ALL
            .iter()
            .position(|p| *p == self)
            .unwrap_or(0)
            + 1
    }
}

impl RealTimeService {
    /// Records an event at `time`, dropping those past the retention.
    pub(crate) fn record(&mut self, time: Millis, kind: EventKind) -> ServiceEvent {
        event::keep(&mut self.events, ServiceEvent { time, kind })
    }

    /// Enters `status` at `at`; a bill's run opens on entering Running or Alarm and closes on
    /// leaving them.
    pub(crate) fn enter(&mut self, status: ServiceStatus, at: Millis) {
        match (self.status.is_billed(), status.is_billed()) {
            (false, true) => self.billing.start_run(at),
            (true, false) => self.billing.end_run(at),
            _ => {}
        }
        self.status = status;
        self.transition_at = at;
        self.simulation.accounted_at = self.simulation.accounted_at.max(at);
    }

    /// Starts deploying at `at` (a deploy, a start or an interrupting upgrade), or waits for
    /// resources when its dedicated pool has too few free nodes (`fits`).
    pub(crate) fn begin_deploy(&mut self, at: Millis, hourly_rate: f64, fits: bool) {
        self.billing.hourly_rate = hourly_rate;
        self.error_msg = None;
        self.progress = 0;
        self.simulation.retries = 0;
        self.simulation.phase = 0;
        // An interrupting upgrade replaces the configuration at once, and Auto Stop counts
        // again from Running.
        self.simulation.rolling = None;
        self.due_time = None;
        if fits {
            self.enter_phases(at);
        } else {
            self.enter(ServiceStatus::Waiting, at);
            self.record(at, EventKind::WaitingForResources { retry: 0 });
        }
    }

    fn enter_phases(&mut self, at: Millis) {
        self.enter(ServiceStatus::Deploying, at);
        self.simulation.phase = 0;
        self.record(
            at,
            EventKind::DeployPhase {
                phase: DeployPhase::ImageBuilding,
            },
        );
    }

    /// Accounts calls and billing up to `until` while the service answers.
    pub(crate) fn settle(&mut self, until: Millis) {
        if !self.status.is_billed() {
            return;
        }
        let from = self.simulation.accounted_at;
        if until <= from {
            return;
        }
        self.billing.accrue(until - from);
        self.simulate_traffic(from, until);
        self.simulation.accounted_at = until;
    }

    /// Moves the service through every transition due by `now`, each at its exact time.
    /// `fits` says whether its dedicated pool has enough free nodes for it now (a Waiting
    /// service's retry asks). Returns whether it still exists and the events recorded.
    pub(crate) fn advance(
        &mut self,
        now: Millis,
        fits: &dyn Fn(&RealTimeService) -> bool,
    ) -> (bool, Vec<ServiceEvent>) {
        let mut events = Vec::new();
        loop {
            // When the status ends, or the next thing due in it (`None`: it lasts).
            let due = self.next_transition();
            match self.status {
                ServiceStatus::Deploying => {
                    let elapsed = now.saturating_sub(self.transition_at);
                    let phases = DeployPhase::ALL.len() as Millis;
                    let reached = (elapsed / PHASE_DURATION).min(phases - 1) as u8;
                    while self.simulation.phase < reached {
                        self.simulation.phase += 1;
                        let at = self.transition_at
                            + Millis::from(self.simulation.phase) * PHASE_DURATION;
                        let phase = DeployPhase::ALL[usize::from(self.simulation.phase)];
                        events.push(self.record(at, EventKind::DeployPhase { phase }));
                    }
                    let end = self.transition_at + phases * PHASE_DURATION;
                    if now < end {
                        self.progress = (elapsed * 100 / (phases * PHASE_DURATION)) as u8;
                        break;
                    }
                    events.extend(self.become_running(end));
                }
                ServiceStatus::Waiting => {
                    let Some(retry) = due.filter(|t| *t <= now) else {
                        break;
                    };
                    if fits(self) {
                        self.simulation.retries = 0;
                        self.enter_phases(retry);
                        events.push(self.events.last().cloned().expect("just recorded"));
                        continue;
                    }
                    self.simulation.retries += 1;
                    if self.simulation.retries >= WAITING_RETRIES {
                        events.extend(self.fail(retry, &Reason::InsufficientResources.saved()));
                    } else {
                        events.push(self.record(
                            retry,
                            EventKind::WaitingForResources {
                                retry: self.simulation.retries as u32,
                            },
                        ));
                    }
                }
                ServiceStatus::Running | ServiceStatus::Concerning => {
                    let Some(at) = due.filter(|t| *t <= now) else {
                        self.settle(now);
                        break;
                    };
                    self.settle(at);
                    if self
                        .simulation
                        .rolling
                        .as_ref()
                        .is_some_and(|r| r.until == at)
                    {
                        events.extend(self.finish_rolling(at));
                    } else {
                        events.extend(self.wind_down(at));
                        self.enter(ServiceStatus::Stopping, at);
                        events.push(self.record(at, EventKind::AutoStopped));
                    }
                }
                ServiceStatus::Stopping => {
                    let Some(end) = due.filter(|t| *t <= now) else {
                        break;
                    };
                    self.enter(ServiceStatus::Stopped, end);
                    events.push(self.record(end, EventKind::Stopped));
                }
                ServiceStatus::Deleting => {
                    return (due.is_some_and(|end| now < end), events);
                }
                ServiceStatus::Stopped | ServiceStatus::Failed | ServiceStatus::Finished => break,
            }
        }
        (true, events)
    }

    /// Deployed: Running at `at`, Auto Stop counting from now; an interrupting upgrade in
    /// progress succeeded.
    fn become_running(&mut self, at: Millis) -> Vec<ServiceEvent> {
        let mut events = Vec::new();
        self.progress = 100;
        self.enter(ServiceStatus::Running, at);
        self.simulation.accounted_at = at;
        self.start_time = Some(at);
        self.due_time = self.auto_stop_hours().map(|h| at + h as Millis * HOUR);
        events.push(self.record(at, EventKind::Running));
        if self.finish_update(UpdateResult::Success) {
            events.push(self.record(at, EventKind::Updated));
        }
        events
    }

    /// A hitless upgrade's new configuration has replaced every instance.
    fn finish_rolling(&mut self, at: Millis) -> Vec<ServiceEvent> {
        let Some(rolling) = self.simulation.rolling.take() else {
            return Vec::new();
        };
        self.config = rolling.config;
        self.billing.hourly_rate = rolling.hourly_rate;
        // A new line of the bill at the new rate.
        self.billing.start_run(at);
        self.finish_update(UpdateResult::Success);
        vec![self.record(at, EventKind::Updated)]
    }

    /// Closes the update in progress with `result`; whether there was one.
    pub(crate) fn finish_update(&mut self, result: UpdateResult) -> bool {
        match self.updates.last_mut().filter(|u| u.result.is_none()) {
            Some(update) => {
                update.result = Some(result);
                true
            }
            None => false,
        }
    }

    /// Requests a stop at `now` (the caller checked the action).
    pub(crate) fn begin_stop(&mut self, now: Millis) -> ServiceEvent {
        self.settle(now);
        self.wind_down(now);
        self.enter(ServiceStatus::Stopping, now);
        self.record(now, EventKind::StopRequested)
    }

    /// Requests deletion at `now` (the caller checked the action).
    pub(crate) fn begin_delete(&mut self, now: Millis) -> ServiceEvent {
        self.settle(now);
        self.wind_down(now);
        self.enter(ServiceStatus::Deleting, now);
        self.record(now, EventKind::DeleteRequested)
    }

    /// The deployment or run failed at `at`.
    pub(crate) fn fail(&mut self, at: Millis, error_msg: &str) -> Vec<ServiceEvent> {
        let reason = error_msg.to_string();
        self.fail_with(at, reason.clone(), EventKind::Failed { reason })
    }

    /// When it next moves by itself (a phase, the end of a wait, Auto Stop, the end of a
    /// rolling upgrade, of stopping or of deleting); `None` while it stays as it is.
    pub(crate) fn next_transition(&self) -> Option<Millis> {
        let at = self.transition_at;
        match self.status {
            ServiceStatus::Deploying => {
                Some(at + (Millis::from(self.simulation.phase) + 1) * PHASE_DURATION)
            }
            ServiceStatus::Waiting => {
                Some(at + RETRY_INTERVAL * (Millis::from(self.simulation.retries) + 1))
            }
            ServiceStatus::Running | ServiceStatus::Concerning => {
                let rolling = self.simulation.rolling.as_ref().map(|r| r.until);
                [rolling, self.due_time].into_iter().flatten().min()
            }
            ServiceStatus::Stopping => Some(at + STOP_DURATION),
            ServiceStatus::Deleting => Some(at + DELETE_DURATION),
            ServiceStatus::Stopped | ServiceStatus::Failed | ServiceStatus::Finished => None,
        }
    }
}

impl Tenant for RealTimeService {
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
        RealTimeService::settle(self, at);
    }

    fn enter(&mut self, status: ServiceStatus, at: Millis) {
        RealTimeService::enter(self, status, at);
    }

    fn record(&mut self, at: Millis, kind: EventKind) -> ServiceEvent {
        RealTimeService::record(self, at, kind)
    }

    /// Auto Stop no longer applies, and an update in progress cannot finish.
    fn wind_down(&mut self, at: Millis) -> Vec<ServiceEvent> {
        self.due_time = None;
        self.simulation.rolling = None;
        if self.finish_update(UpdateResult::Fail) {
            vec![self.record(at, EventKind::UpdateFailed)]
        } else {
            Vec::new()
        }
    }

    fn set_error(&mut self, message: Option<String>) {
        self.error_msg = message;
    }

    fn allows(&self, action: ServiceAction, agency_authorized: bool) -> Result<(), Refusal> {
        RealTimeService::check(self, action, agency_authorized)
    }
}

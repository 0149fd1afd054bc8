//! How a pool moves as simulated time passes: Creating and Scaling end by themselves,
//! Deleting ends with the pool gone, pay-per-use cost accrues by the millisecond at the
//! current node count, and a prepaid term renews (auto-renew) or ends with the pool released.

use crate::event::{self, Reason};
use crate::{Millis, DAY, HOUR, MINUTE, SECOND};

use super::{NodeStatus, Pool, PoolEvent, PoolEventKind, PoolNode, PoolPhase, RequiredDuration};

/// How long creating a pool takes.
pub const CREATE_DURATION: Millis = 3 * MINUTE;
/// How long adding or removing nodes takes.
pub const SCALE_DURATION: Millis = MINUTE;
/// How long deleting takes before the pool is gone.
pub const DELETE_DURATION: Millis = 30 * SECOND;
/// A month of a prepaid term.
pub const MONTH: Millis = 30 * DAY;
/// A year of a prepaid term.
pub const YEAR: Millis = 365 * DAY;

/// What a pool's advance means for the services on it.
#[derive(Clone, Debug, PartialEq)]
pub(crate) enum PoolEnd {
    /// Still there.
    Exists,
    /// Its deletion finished.
    Deleted,
    /// Its prepaid term ended without auto-renew at this time: released.
    Released(Millis),
}

impl Pool {
    pub(crate) fn record(&mut self, time: Millis, kind: PoolEventKind) -> PoolEvent {
        event::keep(&mut self.events, PoolEvent { time, kind })
    }

    fn enter(&mut self, phase: PoolPhase, at: Millis) {
        self.status.phase = phase;
        self.status.transition_at = at;
    }

    /// Accounts pay-per-use cost up to `now` at the current rate.
    pub(crate) fn settle(&mut self, now: Millis) {
        if !self.accrues() {
            return;
        }
        let elapsed = now.saturating_sub(self.billing.accounted_at);
        if elapsed > 0 {
            self.billing.cost += self.billing.hourly_rate * elapsed as f64 / HOUR as f64;
            self.billing.accounted_at = now;
        }
    }

    /// Moves the pool through every transition due by `now`, each at its exact time.
    pub(crate) fn advance(&mut self, now: Millis) -> (PoolEnd, Vec<PoolEvent>) {
        let mut events = Vec::new();
        loop {
            match self.status.phase {
                PoolPhase::Creating | PoolPhase::Scaling => {
                    let end = self.phase_end().expect("Creating and Scaling end");
                    if now < end {
                        break;
                    }
                    let creating = self.status.phase == PoolPhase::Creating;
                    self.nodes.retain(|n| n.status != NodeStatus::Deleting);
                    for node in &mut self.nodes {
                        if node.status == NodeStatus::Creating {
                            node.status = NodeStatus::Available;
                        }
                    }
                    self.settle(end);
                    self.enter(PoolPhase::Running, end);
                    let kind = if creating {
                        PoolEventKind::Running
                    } else {
                        PoolEventKind::Scaled {
                            nodes: self.node_count(),
                        }
                    };
                    events.push(self.record(end, kind));
                }
                PoolPhase::Deleting => {
                    let end = if self.phase_end().is_some_and(|end| now < end) {
                        PoolEnd::Exists
                    } else {
                        PoolEnd::Deleted
                    };
                    return (end, events);
                }
                PoolPhase::Running | PoolPhase::Abnormal => break,
            }
        }
        while let Some(expires) = self.billing.expires_at.filter(|e| *e <= now) {
            let Some(term) = self.renewal_term() else {
                break;
            };
            if !self.auto_renew() {
                return (PoolEnd::Released(expires), events);
            }
            self.billing.cost += self.billing.term_price;
            self.billing.expires_at = Some(expires + term.length());
            events.push(self.record(
                expires,
                PoolEventKind::Renewed {
                    months: term.months(),
                },
            ));
        }
        // Cost is not settled here: between changes it is computed at any time from the
        // last one (`Pool::cost_at`), so ticks leave the pool (and its saved form) as it is.
        (PoolEnd::Exists, events)
    }

    /// When it next moves by itself (the end of creating, scaling or deleting, or of its
    /// prepaid term); `None` while it stays as it is.
    pub(crate) fn next_transition(&self) -> Option<Millis> {
        if self.status.phase == PoolPhase::Deleting {
            return self.phase_end();
        }
        let expires = self
            .billing
            .expires_at
            .filter(|_| self.renewal_term().is_some());
        self.phase_end().into_iter().chain(expires).min()
    }

    /// When Creating, Scaling or Deleting ends; `None` in the phases that last.
    fn phase_end(&self) -> Option<Millis> {
        let length = match self.status.phase {
            PoolPhase::Creating => CREATE_DURATION,
            PoolPhase::Scaling => SCALE_DURATION,
            PoolPhase::Deleting => DELETE_DURATION,
            PoolPhase::Running | PoolPhase::Abnormal => return None,
        };
        Some(self.status.transition_at + length)
    }

    /// The prepaid term that renews or ends at `expires_at` (a zero-length term cannot come
    /// from a command, and the snapshot refuses it).
    fn renewal_term(&self) -> Option<RequiredDuration> {
        self.duration().filter(|t| t.length() > 0)
    }

    /// Nodes services can be placed on now: those not being added or removed, while the pool
    /// is usable (Running, Scaling or Abnormal).
    pub fn usable_nodes(&self) -> u32 {
        match self.status.phase {
            PoolPhase::Running | PoolPhase::Scaling | PoolPhase::Abnormal => {
                self.nodes
                    .iter()
                    .filter(|n| matches!(n.status, NodeStatus::Available | NodeStatus::Abnormal))
                    .count() as u32
            }
            PoolPhase::Creating | PoolPhase::Deleting => 0,
        }
    }

    /// Adds nodes: they are Creating until the scaling ends; billing follows the new count now.
    pub(crate) fn begin_scale_out(&mut self, to: u32, azs: &[String], hourly: f64, now: Millis) {
        let from = self.node_count();
        self.settle(now);
        let chosen = self.chosen_az().map(str::to_string);
        for _ in from..to {
            let node = self.new_node(chosen.as_deref(), azs, NodeStatus::Creating);
            self.nodes.push(node);
        }
        self.spec.resources[0].count = to;
        if let Some(az) = self.spec.resources[0].azs.first_mut() {
            az.count = to;
        }
        self.billing.hourly_rate = hourly * f64::from(to);
        self.enter(PoolPhase::Scaling, now);
        self.record(now, PoolEventKind::ScaleOutRequested { from, to });
    }

    /// Switches nodes off: they are Deleting until the scaling ends; billing follows the new
    /// count now.
    pub(crate) fn begin_scale_in(&mut self, removed: &[String], hourly: f64, now: Millis) {
        let from = self.node_count();
        let to = from - removed.len() as u32;
        self.settle(now);
        for node in &mut self.nodes {
            if removed.contains(&node.name) {
                node.status = NodeStatus::Deleting;
            }
        }
        self.spec.resources[0].count = to;
        if let Some(az) = self.spec.resources[0].azs.first_mut() {
            az.count = to;
        }
        self.billing.hourly_rate = hourly * f64::from(to);
        self.enter(PoolPhase::Scaling, now);
        self.record(
            now,
            PoolEventKind::ScaleInRequested {
                from,
                to,
                nodes: removed.to_vec(),
            },
        );
    }

    /// Starts deleting; pay-per-use billing ends now.
    pub(crate) fn begin_delete(&mut self, now: Millis) {
        self.settle(now);
        for node in &mut self.nodes {
            node.status = NodeStatus::Deleting;
        }
        self.enter(PoolPhase::Deleting, now);
        self.record(now, PoolEventKind::DeleteRequested);
    }

    /// A node fails: the pool is Abnormal (it keeps billing).
    pub(crate) fn fault(&mut self, now: Millis) {
        self.settle(now);
        let reason = match self.nodes.first_mut() {
            Some(node) => {
                node.status = NodeStatus::Abnormal;
                Reason::NodeAbnormal {
                    node: node.name.clone(),
                }
            }
            None => Reason::PoolAbnormal,
        }
        .saved();
        self.status.message = Some(reason.clone());
        self.enter(PoolPhase::Abnormal, now);
        self.record(now, PoolEventKind::Abnormal { reason });
    }

    /// The fault is repaired: Running again.
    pub(crate) fn recover(&mut self, now: Millis) {
        self.settle(now);
        for node in &mut self.nodes {
            if node.status == NodeStatus::Abnormal {
                node.status = NodeStatus::Available;
            }
        }
        self.status.message = None;
        self.enter(PoolPhase::Running, now);
        self.record(now, PoolEventKind::Recovered);
    }

    /// A node named after the pool, numbered after every node it ever had (a removed node's
    /// name is not reused); in the chosen AZ or, for Random, spread over the region's AZs.
    pub(crate) fn new_node(
        &mut self,
        chosen_az: Option<&str>,
        azs: &[String],
        status: NodeStatus,
    ) -> PoolNode {
        let highest = self
            .nodes
            .iter()
            .filter_map(|n| n.name.rsplit('-').next()?.parse::<u32>().ok())
            .max()
            .unwrap_or(0);
        // Saturating: only a tampered state numbers its nodes up to u32::MAX.
        let number = highest.max(self.node_seq).saturating_add(1);
        self.node_seq = number;
        let az = match chosen_az {
            Some(az) => az.to_string(),
            None if azs.is_empty() => "AZ 1".to_string(),
            None => azs[(number as usize - 1) % azs.len()].clone(),
        };
        PoolNode {
            name: format!("{}-node-{number:02}", self.display_name()),
            az,
            flavor: self.flavor().to_string(),
            status,
        }
    }
}

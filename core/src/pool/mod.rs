//! Dedicated resource pools: their two types, statuses, billing modes and the actions allowed
//! on them (and why not); in submodules the Create input and its rules, scaling, the
//! lifecycle over simulated time and the commands. The data keeps the v2 API's shape
//! (`metadata`, `spec`, `status`), so exporting a pool is a plain serialisation.

mod commands;
pub mod create;
pub(crate) mod event;
mod lifecycle;
pub mod scale;

use serde::{Deserialize, Serialize};

use crate::error::PoolRefusal;
use crate::Millis;

pub use commands::PoolDeletePlan;
pub use commands::DELETE_CONFIRMATION;
pub use event::{PoolEvent, PoolEventKind};
pub(crate) use lifecycle::PoolEnd;
pub use lifecycle::{CREATE_DURATION, DELETE_DURATION, MONTH, SCALE_DURATION, YEAR};

/// The two dedicated pool types; the type is fixed at creation.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
pub enum PoolType {
    /// Notebook instances, training jobs and TensorBoard.
    DevelopmentTraining,
    /// Model deployment only.
    ServiceDeployment,
}

impl PoolType {
    pub const ALL: [PoolType; 2] = [PoolType::DevelopmentTraining, PoolType::ServiceDeployment];

    /// The URL form (`#/pools?type=deployment`).
    pub fn slug(self) -> &'static str {
        match self {
            PoolType::DevelopmentTraining => "training",
            PoolType::ServiceDeployment => "deployment",
        }
    }

    pub fn from_slug(slug: &str) -> Option<PoolType> {
        PoolType::ALL.into_iter().find(|t| t.slug() == slug)
    }

    /// The API's `spec.scope` for this type.
    pub fn scope(self) -> Vec<Scope> {
        match self {
            PoolType::DevelopmentTraining => vec![Scope::Train, Scope::Notebook],
            PoolType::ServiceDeployment => vec![Scope::Infer],
        }
    }
}

/// What a pool may run (`spec.scope`).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum Scope {
    Train,
    Infer,
    Notebook,
}

/// `os.modelarts/billing.mode`: `0` pay-per-use, `1` yearly/monthly.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum BillingMode {
    #[serde(rename = "0")]
    PayPerUse,
    #[serde(rename = "1")]
    YearlyMonthly,
}

impl BillingMode {
    pub const ALL: [BillingMode; 2] = [BillingMode::PayPerUse, BillingMode::YearlyMonthly];
}

/// The Required Duration of a Yearly/Monthly pool.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum RequiredDuration {
    Months(u32),
    /// Billed as 10 months.
    Year,
}

impl RequiredDuration {
    /// The choices of the form: 1-11 months, then 1 year.
    pub fn all() -> Vec<RequiredDuration> {
        (1..=11)
            .map(RequiredDuration::Months)
            .chain([RequiredDuration::Year])
            .collect()
    }

    /// Months paid for: 1 year is billed as 10 months.
    pub fn billed_months(self) -> u32 {
        match self {
            RequiredDuration::Months(n) => n,
            RequiredDuration::Year => 10,
        }
    }

    /// Months of use.
    pub fn months(self) -> u32 {
        match self {
            RequiredDuration::Months(n) => n,
            RequiredDuration::Year => 12,
        }
    }

    /// How long one term lasts.
    pub fn length(self) -> Millis {
        match self {
            RequiredDuration::Months(n) => n as Millis * MONTH,
            RequiredDuration::Year => YEAR,
        }
    }

    /// The API's annotations: period type (`2` month, `3` year) and count.
    pub fn period(self) -> (String, u32) {
        match self {
            RequiredDuration::Months(n) => ("2".into(), n),
            RequiredDuration::Year => ("3".into(), 1),
        }
    }
}

/// `status.phase`, as the console shows it.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
pub enum PoolPhase {
    Creating,
    Running,
    Scaling,
    Abnormal,
    Deleting,
}

impl PoolPhase {
    pub const ALL: [PoolPhase; 5] = [
        PoolPhase::Creating,
        PoolPhase::Running,
        PoolPhase::Scaling,
        PoolPhase::Abnormal,
        PoolPhase::Deleting,
    ];

    /// The API's `status.phase` value.
    pub fn api_value(self) -> &'static str {
        match self {
            PoolPhase::Creating => "Creating",
            PoolPhase::Running => "Running",
            PoolPhase::Scaling => "Scaling",
            PoolPhase::Abnormal => "Abnormal",
            PoolPhase::Deleting => "Deleting",
        }
    }

    /// Moves by itself as time passes.
    pub fn is_transitional(self) -> bool {
        matches!(
            self,
            PoolPhase::Creating | PoolPhase::Scaling | PoolPhase::Deleting
        )
    }
}

/// What a user can ask of a pool.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum PoolAction {
    Scale,
    Delete,
}

impl PoolAction {
    pub const OFFERED: [PoolAction; 2] = [PoolAction::Scale, PoolAction::Delete];
}

/// A node of a pool (the API's `/nodes`).
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct PoolNode {
    pub name: String,
    pub az: String,
    pub flavor: String,
    pub status: NodeStatus,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum NodeStatus {
    Creating,
    Available,
    Abnormal,
    Deleting,
}

impl NodeStatus {
    /// The API value, e.g. `Available` (its badge's style, lowercased).
    pub fn api_value(self) -> &'static str {
        match self {
            NodeStatus::Creating => "Creating",
            NodeStatus::Available => "Available",
            NodeStatus::Abnormal => "Abnormal",
            NodeStatus::Deleting => "Deleting",
        }
    }
}

/// `metadata`: the generated id is `name`; the user's name is the label `os.modelarts/name`.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct PoolMetadata {
    pub name: String,
    #[serde(rename = "creationTimestamp")]
    pub creation_timestamp: Millis,
    pub labels: PoolLabels,
    pub annotations: PoolAnnotations,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct PoolLabels {
    #[serde(rename = "os.modelarts/name")]
    pub name: String,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct PoolAnnotations {
    #[serde(rename = "os.modelarts/description", default)]
    pub description: String,
    #[serde(rename = "os.modelarts/billing.mode")]
    pub billing_mode: BillingMode,
    /// Yearly/Monthly only: `2` month, `3` year.
    #[serde(
        rename = "os.modelarts/period.type",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub period_type: Option<String>,
    #[serde(
        rename = "os.modelarts/period.num",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub period_num: Option<u32>,
    #[serde(rename = "os.modelarts/auto.renew", default)]
    pub auto_renew: bool,
}

/// `spec`: one flavor with its node count, spread over AZs.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct PoolSpec {
    /// Always `Dedicated` here.
    #[serde(rename = "type")]
    pub pool_kind: String,
    pub scope: Vec<Scope>,
    pub resources: Vec<PoolResource>,
    /// The custom network, when configured (Service Deployment only).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub network: Option<PoolNetwork>,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct PoolResource {
    pub flavor: String,
    /// Nodes the pool has (or is scaling to).
    pub count: u32,
    /// The AZ chosen at creation; empty for Random.
    #[serde(default)]
    pub azs: Vec<AzCount>,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct AzCount {
    pub az: String,
    pub count: u32,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct PoolNetwork {
    pub vpc_id: String,
    pub subnet_id: String,
    pub security_group_id: String,
}

/// `status`: the phase, when it began, and a fault's reason while Abnormal.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct PoolStatus {
    pub phase: PoolPhase,
    #[serde(rename = "transitionAt")]
    pub transition_at: Millis,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub message: Option<String>,
}

/// What a pool has cost. Pay-per-use accrues `hourly_rate` (node price x nodes) by the
/// millisecond; Yearly/Monthly pays `term_price` per term up front.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct PoolBilling {
    /// Accrued (pay-per-use) or paid (yearly/monthly), USD.
    pub cost: f64,
    /// Pay-per-use: USD per hour at the current node count.
    pub hourly_rate: f64,
    /// Pay-per-use: time up to which `cost` is accounted.
    pub accounted_at: Millis,
    /// Yearly/Monthly: the price of one term.
    pub term_price: f64,
    /// Yearly/Monthly: when the current term ends.
    pub expires_at: Option<Millis>,
}

/// A dedicated resource pool.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Pool {
    pub metadata: PoolMetadata,
    pub spec: PoolSpec,
    pub status: PoolStatus,
    /// The pool's nodes; their count follows `spec.resources[0].count`.
    pub nodes: Vec<PoolNode>,
    pub billing: PoolBilling,
    #[serde(default)]
    pub events: Vec<PoolEvent>,
    /// Sandbox: the number of the last node added, so a node name is never used twice.
    #[serde(default)]
    pub node_seq: u32,
    /// Sandbox: its nodes in use and its size each time either changed, oldest first (the
    /// last [`USAGE_KEPT`]), for the details page's chart.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub usage: Vec<UsagePoint>,
}

/// How many changes of a pool's use it keeps.
pub const USAGE_KEPT: usize = 200;

/// A pool's nodes in use by real-time services, and its size, from `at` on.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct UsagePoint {
    pub at: Millis,
    pub in_use: u32,
    pub nodes: u32,
}

impl Pool {
    /// Notes that `in_use` of its nodes are in use at `at`, with its size then, when either
    /// changed. No history means none in use since its creation, at its size now.
    pub(crate) fn note_usage(&mut self, at: Millis, in_use: u32) {
        let nodes = self.node_count();
        let created = self.metadata.creation_timestamp;
        if self.usage.is_empty() {
            if in_use == 0 {
                return;
            }
            self.usage.push(UsagePoint {
                at: created,
                in_use: 0,
                nodes,
            });
        }
        let at = at.max(created);
        match self.usage.last() {
            Some(u) if u.in_use == in_use && u.nodes == nodes => return,
            // A copy replaying time its history already holds (a save's older chunk).
            Some(u) if u.at > at => return,
            Some(u) if u.at == at => {
                self.usage.pop();
            }
            _ => {}
        }
        if self.usage.len() >= USAGE_KEPT {
            self.usage.remove(0);
        }
        self.usage.push(UsagePoint { at, in_use, nodes });
    }

    /// Its use at `count` instants evenly spread from its creation to `now`, the first at its
    /// creation and the last at `now`: what its chart draws.
    pub fn usage_over(&self, now: Millis, count: usize) -> Vec<UsagePoint> {
        let from = self.metadata.creation_timestamp.min(now);
        let steps = count.max(2) as u64 - 1;
        (0..=steps)
            .map(|i| {
                let at = from + (now - from) * i / steps;
                let point = self.usage.iter().rev().find(|u| u.at <= at);
                UsagePoint {
                    at,
                    in_use: point.map_or(0, |u| u.in_use),
                    nodes: point.map_or(self.node_count(), |u| u.nodes),
                }
            })
            .collect()
    }

    /// The most of its nodes ever in use at once (of the changes it keeps).
    pub fn most_in_use(&self) -> u32 {
        self.usage.iter().map(|u| u.in_use).max().unwrap_or(0)
    }

    /// The generated id (`metadata.name`).
    pub fn id(&self) -> &str {
        &self.metadata.name
    }

    /// The name the user gave (`os.modelarts/name`).
    pub fn display_name(&self) -> &str {
        &self.metadata.labels.name
    }

    pub fn description(&self) -> &str {
        &self.metadata.annotations.description
    }

    pub fn pool_type(&self) -> PoolType {
        if self.spec.scope.contains(&Scope::Infer) {
            PoolType::ServiceDeployment
        } else {
            PoolType::DevelopmentTraining
        }
    }

    pub fn phase(&self) -> PoolPhase {
        self.status.phase
    }

    pub fn billing_mode(&self) -> BillingMode {
        self.metadata.annotations.billing_mode
    }

    pub fn auto_renew(&self) -> bool {
        self.metadata.annotations.auto_renew
    }

    /// The prepaid term, for Yearly/Monthly pools.
    pub fn duration(&self) -> Option<RequiredDuration> {
        let a = &self.metadata.annotations;
        match (a.period_type.as_deref(), a.period_num) {
            (Some("3"), _) => Some(RequiredDuration::Year),
            (Some("2"), Some(n)) => Some(RequiredDuration::Months(n)),
            _ => None,
        }
    }

    /// The flavor id of the pool's nodes.
    pub fn flavor(&self) -> &str {
        self.spec
            .resources
            .first()
            .map_or("", |r| r.flavor.as_str())
    }

    /// Nodes the pool has, or is scaling to.
    pub fn node_count(&self) -> u32 {
        self.spec.resources.first().map_or(0, |r| r.count)
    }

    /// The AZ chosen at creation (`None`: Random).
    pub fn chosen_az(&self) -> Option<&str> {
        self.spec
            .resources
            .first()
            .and_then(|r| r.azs.first())
            .map(|a| a.az.as_str())
    }

    /// The AZs the pool's nodes are in, sorted, each once.
    pub fn landed_azs(&self) -> Vec<&str> {
        let mut azs: Vec<&str> = self.nodes.iter().map(|n| n.az.as_str()).collect();
        crate::sort::sort(&mut azs);
        azs.dedup();
        azs
    }

    /// Whether cost accrues with time: pay-per-use, until the deletion is requested.
    pub fn accrues(&self) -> bool {
        self.billing_mode() == BillingMode::PayPerUse && self.phase() != PoolPhase::Deleting
    }

    /// Cost so far at `now`: pay-per-use accrues up to it; prepaid is what was paid.
    pub fn cost_at(&self, now: Millis) -> f64 {
        if !self.accrues() {
            return self.billing.cost;
        }
        let elapsed = now.saturating_sub(self.billing.accounted_at);
        self.billing.cost + self.billing.hourly_rate * elapsed as f64 / crate::HOUR as f64
    }

    /// Percent done while Creating or Scaling (0 otherwise).
    pub fn progress(&self, now: Millis) -> u8 {
        let length = match self.phase() {
            PoolPhase::Creating => CREATE_DURATION,
            PoolPhase::Scaling => SCALE_DURATION,
            _ => return 0,
        };
        let done = now.saturating_sub(self.status.transition_at).min(length);
        (done * 100 / length) as u8
    }

    /// Whether `action` is allowed now, or the reason it is not.
    pub fn check(&self, action: PoolAction) -> Result<(), PoolRefusal> {
        let prepaid = self.billing_mode() == BillingMode::YearlyMonthly;
        match action {
            PoolAction::Scale if prepaid => Err(PoolRefusal::PrepaidScale),
            PoolAction::Delete if prepaid => Err(PoolRefusal::PrepaidDelete),
            PoolAction::Scale if self.phase() != PoolPhase::Running => {
                Err(PoolRefusal::InPhase(action, self.phase()))
            }
            PoolAction::Delete if self.phase() == PoolPhase::Deleting => {
                Err(PoolRefusal::InPhase(action, self.phase()))
            }
            _ => Ok(()),
        }
    }
}

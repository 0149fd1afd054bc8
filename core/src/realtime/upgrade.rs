//! Modify of a real-time service: what may change, what did change (old -> new, for the
//! upgrade dialog and the history), and which upgrade it is by the seed's table of hitless
//! rolling-upgrade scenarios ("Upgrading a Service", Table 1).

use serde::{Deserialize, Serialize};

use crate::catalog::{Catalog, ModelSource};
use crate::validation::Field;

use super::deploy::{AutoStopChoice, VersionInput};
use super::{RealTimeConfig, RealTimeService};

/// What Modify may change on a real-time service (its pool and WebSocket are fixed).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct RealTimeUpdate {
    pub description: String,
    pub auto_stop: AutoStopChoice,
    pub versions: Vec<VersionInput>,
}

impl RealTimeUpdate {
    /// The form pre-filled with the service as it is.
    pub fn from_service(s: &RealTimeService) -> RealTimeUpdate {
        RealTimeUpdate {
            description: s.description.clone(),
            auto_stop: AutoStopChoice::of_hours(s.auto_stop_hours()),
            versions: s.config.iter().map(VersionInput::from_config).collect(),
        }
    }
}

/// What a modification does to a running service.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum UpgradeKind {
    /// Only the description or Auto Stop: applied at once.
    Information,
    /// Only the traffic ratios: applied at once.
    Traffic,
    /// A hitless rolling upgrade: the service keeps answering while it is replaced.
    Hitless,
    /// The service is redeployed and refuses calls until it runs again.
    Interrupting,
}

impl UpgradeKind {
    /// Whether the console asks first (the upgrade dialog): a hitless or an interrupting
    /// upgrade; information and traffic ratios apply at once.
    pub fn asks_first(self) -> bool {
        matches!(self, UpgradeKind::Hitless | UpgradeKind::Interrupting)
    }
}

/// The seed's table: a hitless rolling upgrade is supported only for a model from a container
/// image on a dedicated resource pool.
pub fn hitless_supported(source: ModelSource, dedicated_pool: bool) -> bool {
    dedicated_pool && source == ModelSource::ContainerImage
}

/// The table's rows, in the seed's order.
pub const TABLE_SOURCES: [ModelSource; 3] = [
    ModelSource::TrainingJob,
    ModelSource::ContainerImage,
    ModelSource::Obs,
];

/// One change a modification makes, as the dialog and the history show it (`Display`: in
/// English; `speak(lang).version_change(..)` in a language).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct VersionChange {
    /// The model version the change belongs to (`None`: the service's own field).
    pub version: Option<String>,
    pub field: Field,
    pub old: ChangeValue,
    pub new: ChangeValue,
}

/// A changed field's value, before or after.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum ChangeValue {
    /// Empty, or none (`-`).
    Nothing,
    /// As written or as the catalog names it: a description, a model and version, a ratio,
    /// specifications, compute nodes, environment variables.
    Text(String),
    /// Auto Stop: off, or after so many hours.
    AutoStop(Option<u32>),
    /// A call timeout in minutes.
    Minutes(u32),
    /// A version added (the new value) or removed (the old value).
    Added(VersionSummary),
    Removed(VersionSummary),
}

/// A model version as one line, for an added or removed one.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct VersionSummary {
    pub model_name: String,
    pub model_version: String,
    /// Traffic ratio in percent.
    pub weight: u32,
    /// The specifications as the catalog names them.
    pub specification: String,
    pub nodes: u32,
}

impl std::fmt::Display for VersionChange {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&crate::text::Events::version_change(
            &crate::text::English,
            self,
        ))
    }
}

fn text(s: &str) -> ChangeValue {
    if s.is_empty() {
        ChangeValue::Nothing
    } else {
        ChangeValue::Text(s.to_string())
    }
}

fn envs_text(c: &RealTimeConfig) -> ChangeValue {
    if c.envs.is_empty() {
        return ChangeValue::Nothing;
    }
    let pairs: Vec<String> = c.envs.iter().map(|(k, v)| format!("{k}={v}")).collect();
    ChangeValue::Text(pairs.join(", "))
}

/// A version as one line, for an added or removed one.
fn version_summary(catalog: &Catalog, c: &RealTimeConfig) -> VersionSummary {
    VersionSummary {
        model_name: c.model_name.clone(),
        model_version: c.model_version.clone(),
        weight: c.weight,
        specification: catalog.flavor_display(&c.specification).to_string(),
        nodes: c.instance_count,
    }
}

/// Pairs the new versions with the deployed ones: the same version first, then a changed
/// version in the order of the rows; what is left was added or removed.
fn pair<'a>(
    old: &'a [RealTimeConfig],
    new: &'a [RealTimeConfig],
) -> (
    Vec<(&'a RealTimeConfig, &'a RealTimeConfig)>,
    Vec<&'a RealTimeConfig>,
    Vec<&'a RealTimeConfig>,
) {
    let mut used = vec![false; old.len()];
    let mut matched: Vec<Option<usize>> = new
        .iter()
        .map(|n| {
            let i = old
                .iter()
                .enumerate()
                .position(|(i, o)| !used[i] && o.model_version == n.model_version)?;
            used[i] = true;
            Some(i)
        })
        .collect();
    for m in matched.iter_mut().filter(|m| m.is_none()) {
        if let Some(i) = used.iter().position(|u| !u) {
            used[i] = true;
            *m = Some(i);
        }
    }
    let mut pairs = Vec::new();
    let mut added = Vec::new();
    for (n, m) in new.iter().zip(&matched) {
        match m {
            Some(i) => pairs.push((&old[*i], n)),
            None => added.push(n),
        }
    }
    let removed = old
        .iter()
        .zip(&used)
        .filter(|(_, u)| !**u)
        .map(|(o, _)| o)
        .collect();
    (pairs, added, removed)
}

/// Every change `new` makes to `service`, service fields first, then version by version.
pub(crate) fn changes(
    catalog: &Catalog,
    service: &RealTimeService,
    description: &str,
    auto_stop: Option<u32>,
    new: &[RealTimeConfig],
) -> Vec<VersionChange> {
    let mut out = Vec::new();
    let mut push = |version: Option<&str>, field, old: ChangeValue, new: ChangeValue| {
        if old != new {
            out.push(VersionChange {
                version: version.map(str::to_string),
                field,
                old,
                new,
            });
        }
    };
    push(
        None,
        Field::Description,
        text(&service.description),
        text(description),
    );
    push(
        None,
        Field::AutoStop,
        ChangeValue::AutoStop(service.auto_stop_hours()),
        ChangeValue::AutoStop(auto_stop),
    );
    let (pairs, added, removed) = pair(&service.config, new);
    for (o, n) in pairs {
        let v = Some(o.model_version.as_str());
        push(
            v,
            Field::ModelVersion,
            ChangeValue::Text(format!("{} {}", o.model_name, o.model_version)),
            ChangeValue::Text(format!("{} {}", n.model_name, n.model_version)),
        );
        push(
            v,
            Field::TrafficRatio,
            ChangeValue::Text(o.weight.to_string()),
            ChangeValue::Text(n.weight.to_string()),
        );
        push(
            v,
            Field::Specifications,
            ChangeValue::Text(catalog.flavor_display(&o.specification).to_string()),
            ChangeValue::Text(catalog.flavor_display(&n.specification).to_string()),
        );
        push(
            v,
            Field::ComputeNodes,
            ChangeValue::Text(o.instance_count.to_string()),
            ChangeValue::Text(n.instance_count.to_string()),
        );
        push(v, Field::EnvironmentVariables, envs_text(o), envs_text(n));
        push(
            v,
            Field::Timeout,
            ChangeValue::Minutes(o.timeout),
            ChangeValue::Minutes(n.timeout),
        );
    }
    for n in added {
        push(
            None,
            Field::ModelVersions,
            ChangeValue::Nothing,
            ChangeValue::Added(version_summary(catalog, n)),
        );
    }
    for o in removed {
        push(
            None,
            Field::ModelVersions,
            ChangeValue::Removed(version_summary(catalog, o)),
            ChangeValue::Nothing,
        );
    }
    out
}

/// Which upgrade these changes are on `service` (RULES.md): nothing but the description and
/// Auto Stop is information; nothing but the ratios is traffic; otherwise hitless only on a
/// dedicated pool with every new version's model from a container image.
pub(crate) fn kind_of(
    catalog: &Catalog,
    service: &RealTimeService,
    changes: &[VersionChange],
    new: &[RealTimeConfig],
) -> UpgradeKind {
    let config_changes = changes
        .iter()
        .filter(|c| !matches!(c.field, Field::Description | Field::AutoStop));
    let mut any = false;
    let mut traffic_only = true;
    for c in config_changes {
        any = true;
        traffic_only &= c.field == Field::TrafficRatio;
    }
    if !any {
        return UpgradeKind::Information;
    }
    if traffic_only {
        return UpgradeKind::Traffic;
    }
    let dedicated = matches!(
        service.location,
        crate::service::DeploymentLocation::DedicatedPool { .. }
    );
    let hitless = new.iter().all(|c| {
        catalog
            .model(&c.model_id)
            .is_some_and(|m| hitless_supported(m.source, dedicated))
    });
    if hitless {
        UpgradeKind::Hitless
    } else {
        UpgradeKind::Interrupting
    }
}

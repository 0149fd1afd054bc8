//! What the real-time Deploy form collects and the rules it must meet (RULES.md, real-time
//! services). Inputs stay as typed (a number that is not one is `None`), so the core says
//! what is wrong with them.

use crate::catalog::{Catalog, ModelSource};
use crate::service::deploy::{flavor, model_version};
use crate::service::DeploymentLocation;
use crate::validation::{self, Errors, Field, Violation};

use super::{RealTimeConfig, Schedule};

/// The account limit of real-time services (Settings > Enforce account quotas lifts it).
pub const MAX_REAL_TIME_SERVICES: usize = 20;
/// The offered Auto Stop times, in hours.
pub const AUTO_STOP_PRESETS: [u32; 4] = [1, 2, 4, 6];
/// Timeout's bounds and default, in minutes.
pub const TIMEOUT_MINUTES: (u32, u32, u32) = (3, 120, 20);

/// Auto Stop as the form holds it.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum AutoStopChoice {
    Off,
    /// One of [`AUTO_STOP_PRESETS`] hours later.
    Preset(u32),
    /// Custom: a whole number of hours, 1-24, as typed.
    Custom(Option<u32>),
}

impl Default for AutoStopChoice {
    /// On, "1 hour later".
    fn default() -> Self {
        AutoStopChoice::Preset(1)
    }
}

impl AutoStopChoice {
    /// The hours after which the service stops, when on.
    pub fn hours(self) -> Option<u32> {
        match self {
            AutoStopChoice::Off => None,
            AutoStopChoice::Preset(h) => Some(h),
            AutoStopChoice::Custom(h) => h,
        }
    }

    /// The form's choice for a saved schedule.
    pub fn of_hours(hours: Option<u32>) -> AutoStopChoice {
        match hours {
            None => AutoStopChoice::Off,
            Some(h) if AUTO_STOP_PRESETS.contains(&h) => AutoStopChoice::Preset(h),
            Some(h) => AutoStopChoice::Custom(Some(h)),
        }
    }

    pub(crate) fn check(self) -> Result<(), Violation> {
        match self {
            AutoStopChoice::Off => Ok(()),
            AutoStopChoice::Preset(h) if AUTO_STOP_PRESETS.contains(&h) => Ok(()),
            AutoStopChoice::Preset(_) => Err(Violation::AutoStopPreset),
            AutoStopChoice::Custom(Some(h)) if (1..=24).contains(&h) => Ok(()),
            AutoStopChoice::Custom(_) => Err(Violation::AutoStopCustom),
        }
    }

    pub(crate) fn schedule(self) -> Vec<Schedule> {
        self.hours().map(Schedule::stop_after).into_iter().collect()
    }
}

/// One model version's configuration as the form holds it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct VersionInput {
    pub model_id: String,
    pub model_version: String,
    /// Traffic Ratio (%).
    pub weight: Option<u32>,
    pub specification: String,
    pub instance_count: Option<u32>,
    /// Key/value rows as entered; rows with neither are ignored.
    pub envs: Vec<(String, String)>,
    /// Minutes.
    pub timeout: Option<u32>,
}

impl VersionInput {
    /// A version of `model_id` with the form's defaults: one node, 20 minutes.
    pub fn new(model_id: &str, model_version: &str, weight: u32, specification: &str) -> Self {
        VersionInput {
            model_id: model_id.into(),
            model_version: model_version.into(),
            weight: Some(weight),
            specification: specification.into(),
            instance_count: Some(1),
            envs: Vec::new(),
            timeout: Some(TIMEOUT_MINUTES.2),
        }
    }

    /// The form pre-filled from a deployed version (Modify).
    pub fn from_config(c: &RealTimeConfig) -> VersionInput {
        VersionInput {
            model_id: c.model_id.clone(),
            model_version: c.model_version.clone(),
            weight: Some(c.weight),
            specification: c.specification.clone(),
            instance_count: Some(c.instance_count),
            envs: c.envs.iter().map(|(k, v)| (k.clone(), v.clone())).collect(),
            timeout: Some(c.timeout),
        }
    }

    fn env_rows(&self) -> Vec<(String, String)> {
        self.envs
            .iter()
            .map(|(k, v)| (k.trim().to_string(), v.clone()))
            .filter(|(k, v)| !(k.is_empty() && v.is_empty()))
            .collect()
    }

    /// The API's config (meaningful once the input validates).
    pub(crate) fn to_config(&self, catalog: &Catalog) -> RealTimeConfig {
        RealTimeConfig {
            model_id: self.model_id.clone(),
            model_name: catalog
                .model(&self.model_id)
                .map(|m| m.model_name.clone())
                .unwrap_or_default(),
            model_version: self.model_version.clone(),
            weight: self.weight.unwrap_or(0),
            specification: self.specification.clone(),
            instance_count: self.instance_count.unwrap_or(0),
            envs: self.env_rows().into_iter().collect(),
            timeout: self.timeout.unwrap_or(TIMEOUT_MINUTES.2),
        }
    }
}

/// Everything the real-time Deploy page asks.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct RealTimeRequest {
    pub service_name: String,
    pub description: String,
    pub auto_stop: AutoStopChoice,
    /// The public pool or a dedicated pool of type Service Deployment.
    pub location: DeploymentLocation,
    pub versions: Vec<VersionInput>,
    pub websocket: bool,
}

/// Checks the model versions of a form: each version (`current`: the versions deployed now,
/// whose sold-out flavor or no longer Normal version may stay), then the whole.
pub(crate) fn check_versions(
    catalog: &Catalog,
    region: &str,
    versions: &[VersionInput],
    current: &[RealTimeConfig],
    websocket: bool,
    errors: &mut Errors,
) {
    if versions.is_empty() {
        errors.check(Field::ModelVersions, Err(Violation::NoVersions));
        return;
    }
    let first_model = versions[0].model_id.as_str();
    for (i, v) in versions.iter().enumerate() {
        let at = Some(i);
        let kept = current
            .iter()
            .find(|c| c.model_id == v.model_id && c.model_version == v.model_version);
        let result = if i > 0 && v.model_id != first_model {
            Err(Violation::VersionsSameModel)
        } else if versions[..i]
            .iter()
            .any(|o| o.model_id == v.model_id && o.model_version == v.model_version)
        {
            Err(Violation::VersionRepeated {
                version: v.model_version.clone(),
            })
        } else if kept.is_some() {
            Ok(())
        } else {
            model_version(catalog, &v.model_id, &v.model_version)
        };
        errors.check_at(at, Field::ModelVersion, result);
        errors.check_at(
            at,
            Field::TrafficRatio,
            match v.weight {
                Some(w) if w <= 100 => Ok(()),
                _ => Err(Violation::TrafficRatio),
            },
        );
        let same_flavor = kept.is_some_and(|c| c.specification == v.specification);
        if !same_flavor {
            errors.check_at(
                at,
                Field::Specifications,
                flavor(catalog, region, &v.specification),
            );
        }
        errors.check_at(
            at,
            Field::ComputeNodes,
            validation::instance_count(v.instance_count.unwrap_or(0)),
        );
        errors.check_at(
            at,
            Field::EnvironmentVariables,
            validation::env_entries(&v.env_rows()),
        );
        let (low, high, _) = TIMEOUT_MINUTES;
        errors.check_at(
            at,
            Field::Timeout,
            match v.timeout {
                Some(t) if (low..=high).contains(&t) => Ok(()),
                _ => Err(Violation::TimeoutRange {
                    min: low,
                    max: high,
                }),
            },
        );
    }
    if versions.iter().all(|v| v.weight.is_some_and(|w| w <= 100)) {
        let sum: u32 = versions.iter().filter_map(|v| v.weight).sum();
        if sum != 100 {
            errors.check(Field::TrafficRatio, Err(Violation::TrafficSum { sum }));
        }
    }
    if websocket && !all_container_images(catalog, versions.iter().map(|v| v.model_id.as_str())) {
        errors.check(Field::WebSocket, Err(Violation::WebSocketContainerOnly));
    }
}

/// Whether every model comes from a container image.
pub(crate) fn all_container_images<'a>(
    catalog: &Catalog,
    mut models: impl Iterator<Item = &'a str>,
) -> bool {
    models.all(|id| {
        catalog
            .model(id)
            .is_some_and(|m| m.source == ModelSource::ContainerImage)
    })
}

//! What the Deploy and Modify forms collect, and the rules it must meet before a service is
//! created or changed. Inputs stay as typed (a number that is not a number is `None`) so the
//! core, not the form, says what is wrong with them.

use crate::catalog::{Catalog, ModelState};
use crate::validation::{self, Errors, Field, Violation};

use super::{DeploymentLocation, MappingField, MappingType, ServiceConfig};

/// The real service's limit of batch services per account (Settings > Enforce account quotas).
pub const MAX_BATCH_SERVICES: usize = 1_000;

/// The `config` entry as a form holds it, before validation.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct ConfigInput {
    pub model_id: String,
    pub model_version: String,
    /// OBS input path.
    pub src_path: String,
    pub req_uri: String,
    pub mapping_type: MappingType,
    /// CSV only: the column index entered for each input field of the model.
    pub mapping_rule: Vec<(String, Option<u32>)>,
    /// OBS output folder.
    pub dest_path: String,
    pub specification: String,
    pub instance_count: Option<u32>,
    /// Key/value rows as entered; rows with neither key nor value are ignored.
    pub envs: Vec<(String, String)>,
}

/// Everything the Deploy page asks.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct DeployRequest {
    pub service_name: String,
    pub description: String,
    pub config: ConfigInput,
    pub location: DeploymentLocation,
}

impl ConfigInput {
    /// The form pre-filled from a service's config (Modify).
    pub fn from_config(config: &ServiceConfig) -> ConfigInput {
        ConfigInput {
            model_id: config.model_id.clone(),
            model_version: config.model_version.clone(),
            src_path: config.src_path.clone(),
            req_uri: config.req_uri.clone(),
            mapping_type: config.mapping_type,
            mapping_rule: config
                .mapping_rule
                .iter()
                .map(|m| (m.field.clone(), Some(m.index)))
                .collect(),
            dest_path: config.dest_path.clone(),
            specification: config.specification.clone(),
            instance_count: Some(config.instance_count),
            envs: config
                .envs
                .iter()
                .map(|(k, v)| (k.clone(), v.clone()))
                .collect(),
        }
    }

    /// The environment rows that count: trimmed keys, empty rows dropped.
    pub fn env_rows(&self) -> Vec<(String, String)> {
        self.envs
            .iter()
            .map(|(k, v)| (k.trim().to_string(), v.clone()))
            .filter(|(k, v)| !(k.is_empty() && v.is_empty()))
            .collect()
    }

    /// The API's config for this input (meaningful once it validates).
    pub(crate) fn to_config(&self, catalog: &Catalog) -> ServiceConfig {
        let model_name = catalog
            .model(&self.model_id)
            .map(|m| m.model_name.clone())
            .unwrap_or_default();
        ServiceConfig {
            model_id: self.model_id.clone(),
            model_name,
            model_version: self.model_version.clone(),
            specification: self.specification.clone(),
            instance_count: self.instance_count.unwrap_or(0),
            envs: self.env_rows().into_iter().collect(),
            src_path: self.src_path.trim().to_string(),
            dest_path: self.dest_path.trim().to_string(),
            req_uri: self.req_uri.trim().to_string(),
            mapping_type: self.mapping_type,
            mapping_rule: match self.mapping_type {
                MappingType::Csv => self
                    .mapping_rule
                    .iter()
                    .map(|(field, index)| MappingField {
                        field: field.clone(),
                        index: index.unwrap_or(0),
                    })
                    .collect(),
                MappingType::File => Vec::new(),
            },
        }
    }
}

/// Checks a config input in `region`. Model version and specifications are checked when new
/// or changed (`current` is the saved config on Modify), so a service whose flavor has since
/// sold out can still change its description.
pub(crate) fn check_config(
    catalog: &Catalog,
    region: &str,
    input: &ConfigInput,
    current: Option<&ServiceConfig>,
    errors: &mut Errors,
) {
    let model_changed = current
        .is_none_or(|c| c.model_id != input.model_id || c.model_version != input.model_version);
    if model_changed {
        errors.check(
            Field::ModelVersion,
            model_version(catalog, &input.model_id, &input.model_version),
        );
    }
    errors.check(
        Field::InputPath,
        validation::obs_folder(input.src_path.trim()),
    );
    errors.check(
        Field::RequestPath,
        validation::request_path(input.req_uri.trim()),
    );
    if input.mapping_type == MappingType::Csv {
        errors.check(Field::MappingType, csv_mapping(catalog, input));
    }
    errors.check(
        Field::OutputPath,
        validation::obs_folder(input.dest_path.trim()),
    );
    if current.is_none_or(|c| c.specification != input.specification) {
        errors.check(
            Field::Specifications,
            flavor(catalog, region, &input.specification),
        );
    }
    errors.check(
        Field::ComputeNodes,
        match input.instance_count {
            Some(n) => validation::instance_count(n),
            None => validation::instance_count(0),
        },
    );
    errors.check(
        Field::EnvironmentVariables,
        validation::env_entries(&input.env_rows()),
    );
}

/// The model and version chosen are in the catalog, and the version is Normal (the rule of
/// both kinds of service).
pub(crate) fn model_version(
    catalog: &Catalog,
    model_id: &str,
    model_version: &str,
) -> Result<(), Violation> {
    let Some(model) = catalog.model(model_id) else {
        return Err(Violation::SelectModel);
    };
    match model
        .versions
        .iter()
        .find(|v| v.model_version == model_version)
    {
        None => Err(Violation::SelectModelVersion),
        Some(v) if v.state != ModelState::Normal => Err(Violation::VersionNotNormal {
            version: v.model_version.clone(),
            state: v.state,
        }),
        Some(_) => Ok(()),
    }
}

/// The flavor chosen is in the catalog and not sold out in `region` (both kinds of service).
pub(crate) fn flavor(catalog: &Catalog, region: &str, id: &str) -> Result<(), Violation> {
    match catalog.flavor(id) {
        None => Err(Violation::SelectSpecifications),
        Some(f) if f.is_sold_out_in(region) => Err(Violation::SoldOutHere {
            flavor: f.display.clone(),
        }),
        Some(_) => Ok(()),
    }
}

/// CSV needs a column for every input field of the chosen model, each column once.
pub(crate) fn csv_mapping(catalog: &Catalog, input: &ConfigInput) -> Result<(), Violation> {
    let expected = catalog
        .model(&input.model_id)
        .map(|m| m.input_fields.clone())
        .unwrap_or_default();
    let given: Vec<&str> = input.mapping_rule.iter().map(|(f, _)| f.as_str()).collect();
    if let Some(missing) = expected.iter().find(|f| !given.contains(&f.as_str())) {
        return Err(Violation::ColumnMissing {
            field: missing.clone(),
        });
    }
    validation::csv_columns(&input.mapping_rule)
}

/// A deterministic input size for a path, 200-2,000 MB: the sandbox has no OBS to measure.
pub fn simulated_input_mb(src_path: &str) -> u32 {
    // FNV-1a: stable across builds and platforms.
    let hash = src_path.bytes().fold(0xcbf2_9ce4_8422_2325u64, |h, b| {
        (h ^ u64::from(b)).wrapping_mul(0x0100_0000_01b3)
    });
    200 + (hash % 1_801) as u32
}

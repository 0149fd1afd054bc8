//! Field rules of the service forms. Each returns the [`Violation`] shown next to the field.

use std::collections::BTreeSet;
use std::fmt;

use serde::{Deserialize, Serialize};

/// Form fields, named as the console labels them. A form's label and its error both come
/// from [`crate::text::Labels::field`], so they always say the same name.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Field {
    BillingMode,
    Name,
    Description,
    ModelVersion,
    InputPath,
    RequestPath,
    MappingType,
    OutputPath,
    Specifications,
    ComputeNodes,
    EnvironmentVariables,
    DeploymentLocation,
    Vpc,
    Subnet,
    SecurityGroup,
    Az,
    Nodes,
    RequiredDuration,
    AutoStop,
    ResourcePool,
    TrafficRatio,
    Timeout,
    WebSocket,
    /// A real-time service's model versions as a whole (their ratios' sum, their model).
    ModelVersions,
    /// The Prediction tab's JSON request body.
    RequestBody,
    /// Simulate Traffic's calls per minute.
    CallsPerMinute,
}

impl Field {
    /// A stable slug for element ids, e.g. `compute-nodes`.
    pub fn slug(self) -> &'static str {
        match self {
            Field::BillingMode => "billing-mode",
            Field::Name => "name",
            Field::Description => "description",
            Field::ModelVersion => "model-version",
            Field::InputPath => "input-path",
            Field::RequestPath => "request-path",
            Field::MappingType => "mapping-type",
            Field::OutputPath => "output-path",
            Field::Specifications => "specifications",
            Field::ComputeNodes => "compute-nodes",
            Field::EnvironmentVariables => "environment-variables",
            Field::DeploymentLocation => "deployment-location",
            Field::Vpc => "vpc",
            Field::Subnet => "subnet",
            Field::SecurityGroup => "security-group",
            Field::Az => "az",
            Field::Nodes => "nodes",
            Field::RequiredDuration => "required-duration",
            Field::AutoStop => "auto-stop",
            Field::ResourcePool => "resource-pool",
            Field::TrafficRatio => "traffic-ratio",
            Field::Timeout => "timeout",
            Field::WebSocket => "websocket",
            Field::ModelVersions => "model-versions",
            Field::RequestBody => "request-body",
            Field::CallsPerMinute => "calls-per-minute",
        }
    }
}

impl fmt::Display for Field {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(crate::text::Labels::field(&crate::text::English, *self))
    }
}

/// What is wrong with a field's input, with the numbers and names its message needs; each
/// language says it ([`crate::text::Messages::violation`]), `Display` in English.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Violation {
    // ---- names, descriptions, paths, variables ----------------------------------------------
    /// A service name breaks [`service_name`].
    ServiceName,
    /// A batch service of this name exists in the region.
    ServiceNameTaken {
        name: String,
    },
    /// A real-time service of this name exists in the region.
    RealTimeNameTaken {
        name: String,
    },
    /// A pool of this name exists in the region.
    PoolNameTaken {
        name: String,
    },
    /// A pool name is empty.
    EnterName,
    /// A pool name has other characters than letters, digits, `-` and `_`.
    PoolNameCharacters,
    /// A pool name is shorter or longer than allowed.
    NameLength {
        min: usize,
        max: usize,
    },
    /// More characters than `max`.
    TooLong {
        max: usize,
    },
    /// A service description has one of `! < > = + & " '`.
    DescriptionCharacters,
    /// A pool description has a control character (its code point).
    ControlCharacter {
        code: u32,
    },
    /// Not an integer from `min` to `max`.
    IntegerRange {
        min: u32,
        max: u32,
    },
    /// Not an OBS folder path.
    ObsFolder,
    /// A request path that does not start with `/` or has spaces.
    RequestPath,
    /// An environment variable key given twice.
    EnvKeyRepeated {
        key: String,
    },
    /// An environment variable key that is not one.
    EnvKeyInvalid {
        key: String,
    },
    /// A CSV input field with no column index.
    ColumnMissing {
        field: String,
    },
    /// A CSV column mapped to two input fields.
    ColumnRepeated {
        index: u32,
    },

    // ---- model, version, flavor, location ---------------------------------------------------
    /// The model is not in the catalog.
    SelectModel,
    /// The model version is not in the catalog.
    SelectModelVersion,
    /// The model version is not Normal.
    VersionNotNormal {
        version: String,
        state: crate::catalog::ModelState,
    },
    /// A service's flavor is not in the catalog.
    SelectSpecifications,
    /// A service's flavor is sold out in the region.
    SoldOutHere {
        flavor: String,
    },
    /// The dedicated pool chosen is not of type Service Deployment.
    PoolNotForDeployment {
        pool_name: String,
        pool_type: crate::pool::PoolType,
    },
    /// The dedicated pool chosen is not Running.
    PoolNotRunning {
        pool_name: String,
        phase: crate::pool::PoolPhase,
    },
    /// The dedicated pool chosen is not in the region.
    PoolMissing {
        pool_name: String,
    },
    /// The edge node is not in the region.
    SelectEdgeNode,
    /// The edge pool is not in the region.
    SelectEdgePool,
    /// A real-time service on an edge location.
    PublicOrDedicatedPool,

    // ---- the Create Dedicated Resource Pool form --------------------------------------------
    /// Yearly/Monthly Service Deployment pools are not sold in this region.
    PrepaidDeploymentRegion {
        region_name: String,
    },
    /// The region's node quota is used up.
    NodeQuotaUsedUp {
        region_name: String,
        quota: u32,
    },
    /// More nodes than the quota leaves.
    NodeQuotaLeft {
        region_name: String,
        left: u32,
        quota: u32,
    },
    /// No Required Duration.
    SelectDuration,
    /// One year for a Service Deployment pool.
    DeploymentMonths {
        max: u32,
    },
    /// A duration that is not offered.
    DurationRange,
    /// An AZ that is not the region's.
    SelectAz,
    /// A pool's flavor is not in the catalog.
    SelectPoolSpecifications,
    /// A pool's flavor is sold out.
    PoolFlavorSoldOut {
        flavor: String,
    },
    SelectVpc,
    SelectSubnet,
    SelectSecurityGroup,

    // ---- the Scale page ---------------------------------------------------------------------
    /// No nodes, or not a number.
    ScaleToNone,
    /// More nodes asked for while nodes are switched off.
    ScaleBothWays,
    /// More nodes than the region's quota leaves.
    ScaleQuota {
        region_name: String,
        quota: u32,
        in_use: u32,
        left: u32,
    },
    /// Fewer nodes than the pool's real-time services occupy: `(service_name, nodes)` of each.
    ScaleBelowOccupied {
        occupied: u32,
        services: Vec<(String, u32)>,
    },
    /// Scaling in needs as many nodes switched off as it removes.
    SwitchOffNodes {
        from: u32,
        to: u32,
    },
    /// The node count is unchanged and no node is switched off.
    ScaleUnchanged,
    /// A node switched off twice.
    NodeTwice,
    /// A node that is not an Available node of the pool.
    NodeNotSwitchable {
        node: String,
    },

    // ---- real-time services -----------------------------------------------------------------
    /// An Auto Stop preset that is not offered.
    AutoStopPreset,
    /// A custom Auto Stop out of 1-24 hours.
    AutoStopCustom,
    /// No model version.
    NoVersions,
    /// Versions of different models.
    VersionsSameModel,
    /// A version configured twice.
    VersionRepeated {
        version: String,
    },
    /// A traffic ratio out of 0-100.
    TrafficRatio,
    /// A timeout out of its bounds (minutes).
    TimeoutRange {
        min: u32,
        max: u32,
    },
    /// Traffic ratios that do not add up to 100.
    TrafficSum {
        sum: u32,
    },
    /// WebSocket for a model not from a container image.
    WebSocketContainerOnly,
    /// A hitless upgrade needs more nodes than the pool has free.
    PoolShortOfNodes {
        more: u32,
        free: u32,
    },
    /// Simulate Traffic's calls per minute out of 0 to `max`.
    CallsPerMinute {
        max: u32,
    },
    /// The Prediction request is larger than 8 MB.
    RequestTooLarge,
    /// The Prediction request is JSON but not an object.
    RequestNotObject,
    /// The Prediction request is not JSON: the parser's (English) error and where.
    RequestNotJson {
        error: String,
        line: usize,
        column: usize,
    },
}

impl fmt::Display for Violation {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&crate::text::Messages::violation(
            &crate::text::English,
            self,
        ))
    }
}

/// A field's violation (of one model version of a real-time service's form, or of the form).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct FieldError {
    pub field: Field,
    pub violation: Violation,
    /// Which model version (from 0) of a real-time service's form the field belongs to.
    pub version: Option<usize>,
}

impl FieldError {
    pub fn new(field: Field, violation: Violation) -> FieldError {
        FieldError {
            field,
            violation,
            version: None,
        }
    }
}

/// As a form's summary lists it, in English: `Model version 2, Timeout: ...`.
impl fmt::Display for FieldError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&crate::text::Messages::field_error(
            &crate::text::English,
            self,
        ))
    }
}

/// The first error for `field` (of the form as a whole), if any.
pub fn error_for(errors: &[FieldError], field: Field) -> Option<&Violation> {
    version_error_for(errors, None, field)
}

/// The first error for `field` of model version `version` (`None`: of the form as a whole).
pub fn version_error_for(
    errors: &[FieldError],
    version: Option<usize>,
    field: Field,
) -> Option<&Violation> {
    errors
        .iter()
        .find(|e| e.field == field && e.version == version)
        .map(|e| &e.violation)
}

/// Collects field errors: `check(field, rule_result)` keeps the first failure per field.
#[derive(Debug, Default)]
pub(crate) struct Errors(pub Vec<FieldError>);

impl Errors {
    pub fn check(&mut self, field: Field, result: Result<(), Violation>) {
        self.check_at(None, field, result);
    }

    /// [`Self::check`] for a field of one model version.
    pub fn check_at(
        &mut self,
        version: Option<usize>,
        field: Field,
        result: Result<(), Violation>,
    ) {
        if let Err(violation) = result {
            if version_error_for(&self.0, version, field).is_none() {
                self.0.push(FieldError {
                    field,
                    violation,
                    version,
                });
            }
        }
    }
}

pub const MAX_INSTANCE_COUNT: u32 = 128;
pub const MAX_DESCRIPTION_CHARS: usize = 100;
const DESCRIPTION_FORBIDDEN: &[char] = &['!', '<', '>', '=', '+', '&', '"', '\''];

/// Service name: 1-64 characters, letters, digits, `-` and `_`, starting with a letter.
pub fn service_name(name: &str) -> Result<(), Violation> {
    let ok_chars = name
        .chars()
        .all(|c| c.is_ascii_alphanumeric() || c == '-' || c == '_');
    let starts_with_letter = name.chars().next().is_some_and(|c| c.is_ascii_alphabetic());
    if name.is_empty() || name.chars().count() > 64 || !ok_chars || !starts_with_letter {
        return Err(Violation::ServiceName);
    }
    Ok(())
}

/// Description: at most 100 characters, none of `! < > = + & " '`.
pub fn description(text: &str) -> Result<(), Violation> {
    if text.chars().count() > MAX_DESCRIPTION_CHARS {
        return Err(Violation::TooLong {
            max: MAX_DESCRIPTION_CHARS,
        });
    }
    if text.contains(DESCRIPTION_FORBIDDEN) {
        return Err(Violation::DescriptionCharacters);
    }
    Ok(())
}

/// Compute nodes: 1-128.
pub fn instance_count(count: u32) -> Result<(), Violation> {
    if !(1..=MAX_INSTANCE_COUNT).contains(&count) {
        return Err(Violation::IntegerRange {
            min: 1,
            max: MAX_INSTANCE_COUNT,
        });
    }
    Ok(())
}

/// An OBS folder path: `obs://bucket/dir/`.
pub fn obs_folder(path: &str) -> Result<(), Violation> {
    let Some(rest) = path.strip_prefix("obs://") else {
        return Err(Violation::ObsFolder);
    };
    let bucket = rest.split('/').next().unwrap_or("");
    let bucket_ok = (3..=63).contains(&bucket.len())
        && bucket
            .chars()
            .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '-' || c == '.');
    if !bucket_ok || !path.ends_with('/') || rest.contains("//") {
        return Err(Violation::ObsFolder);
    }
    Ok(())
}

/// Request path: starts with `/`, no spaces.
pub fn request_path(path: &str) -> Result<(), Violation> {
    if !path.starts_with('/') || path.chars().any(char::is_whitespace) {
        return Err(Violation::RequestPath);
    }
    Ok(())
}

/// Environment variables: valid keys, each once; a row with neither key nor value is ignored
/// by the caller before this.
pub fn env_entries(entries: &[(String, String)]) -> Result<(), Violation> {
    let mut seen = BTreeSet::new();
    for (key, _) in entries {
        env_key(key)?;
        if !seen.insert(key.as_str()) {
            return Err(Violation::EnvKeyRepeated { key: key.clone() });
        }
    }
    Ok(())
}

/// CSV mapping: a column index (0 or more) for each input field, no column used twice.
pub fn csv_columns(columns: &[(String, Option<u32>)]) -> Result<(), Violation> {
    let mut seen = BTreeSet::new();
    for (field, index) in columns {
        let Some(index) = index else {
            return Err(Violation::ColumnMissing {
                field: field.clone(),
            });
        };
        if !seen.insert(*index) {
            return Err(Violation::ColumnRepeated { index: *index });
        }
    }
    Ok(())
}

/// Environment variable key: letters, digits and `_`, not starting with a digit.
pub fn env_key(key: &str) -> Result<(), Violation> {
    let ok = key
        .chars()
        .next()
        .is_some_and(|c| c.is_ascii_alphabetic() || c == '_')
        && key.chars().all(|c| c.is_ascii_alphanumeric() || c == '_');
    if !ok {
        return Err(Violation::EnvKeyInvalid {
            key: key.to_string(),
        });
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn service_names() {
        for ok in ["a", "service-3f9a", "Batch_01", &"x".repeat(64)] {
            assert!(service_name(ok).is_ok(), "{ok}");
        }
        for bad in [
            "",
            "1abc",
            "-abc",
            "has space",
            "ünï",
            &"x".repeat(65),
            "a.b",
        ] {
            assert!(service_name(bad).is_err(), "{bad}");
        }
    }

    #[test]
    fn descriptions() {
        assert!(description("").is_ok());
        assert!(description(&"d".repeat(100)).is_ok());
        assert!(description(&"d".repeat(101)).is_err());
        for c in ["!", "<", ">", "=", "+", "&", "\"", "'"] {
            assert!(description(&format!("a{c}b")).is_err(), "{c}");
        }
    }

    #[test]
    fn counts_and_paths() {
        assert!(instance_count(0).is_err());
        assert!(instance_count(1).is_ok());
        assert!(instance_count(128).is_ok());
        assert!(instance_count(129).is_err());
        assert!(obs_folder("obs://bucket/dir/").is_ok());
        assert!(obs_folder("obs://my-bucket/").is_ok());
        for bad in [
            "bucket/dir/",
            "obs://bucket/dir",
            "obs://B/dir/",
            "obs:///dir/",
            "obs://ab/",
        ] {
            assert!(obs_folder(bad).is_err(), "{bad}");
        }
        assert!(request_path("/").is_ok());
        assert!(request_path("infer").is_err());
        assert!(env_key("MODEL_DIR").is_ok());
        assert!(env_key("1X").is_err());
        assert!(env_key("").is_err());
        let kv = |k: &str| (k.to_string(), "v".to_string());
        assert!(env_entries(&[kv("A"), kv("B")]).is_ok());
        assert_eq!(
            env_entries(&[kv("A"), kv("A")]).unwrap_err().to_string(),
            "The key \"A\" is used more than once."
        );
        let col = |f: &str, i: Option<u32>| (f.to_string(), i);
        assert!(csv_columns(&[col("a", Some(0)), col("b", Some(1))]).is_ok());
        assert!(csv_columns(&[col("a", None)])
            .unwrap_err()
            .to_string()
            .contains("\"a\""));
        assert!(csv_columns(&[col("a", Some(1)), col("b", Some(1))])
            .unwrap_err()
            .to_string()
            .contains("Column 1"));
    }
}

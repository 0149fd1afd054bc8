//! Field rules of the service forms. Each returns the message shown next to the field.

use std::collections::BTreeSet;
use std::fmt;

use serde::{Deserialize, Serialize};

/// Form fields, named as the console labels them. A form's label and its error both come
/// from [`Field::label`], so they always say the same name.
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
    pub fn label(self) -> &'static str {
        match self {
            Field::BillingMode => "Billing Mode",
            Field::Name => "Name",
            Field::Description => "Description",
            Field::ModelVersion => "Model and Version",
            Field::InputPath => "Input Path",
            Field::RequestPath => "Request Path",
            Field::MappingType => "Mapping Type",
            Field::OutputPath => "Output Path",
            Field::Specifications => "Specifications",
            Field::ComputeNodes => "Compute Nodes",
            Field::EnvironmentVariables => "Environment Variables",
            Field::DeploymentLocation => "Deployment Location",
            Field::Vpc => "VPC",
            Field::Subnet => "Subnet",
            Field::SecurityGroup => "Security Group",
            Field::Az => "AZ",
            Field::Nodes => "Nodes",
            Field::RequiredDuration => "Required Duration",
            Field::AutoStop => "Auto Stop",
            Field::ResourcePool => "Resource Pool",
            Field::TrafficRatio => "Traffic Ratio (%)",
            Field::Timeout => "Timeout",
            Field::WebSocket => "WebSocket",
            Field::ModelVersions => "Model Versions",
            Field::RequestBody => "Request",
            Field::CallsPerMinute => "Calls per Minute",
        }
    }

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
        f.write_str(self.label())
    }
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct FieldError {
    pub field: Field,
    pub message: String,
    /// Which model version (from 0) of a real-time service's form the field belongs to.
    pub version: Option<usize>,
}

impl FieldError {
    pub fn new(field: Field, message: impl Into<String>) -> FieldError {
        FieldError {
            field,
            message: message.into(),
            version: None,
        }
    }
}

/// The first error for `field` (of the form as a whole), if any.
pub fn error_for(errors: &[FieldError], field: Field) -> Option<&str> {
    version_error_for(errors, None, field)
}

/// The first error for `field` of model version `version` (`None`: of the form as a whole).
pub fn version_error_for(
    errors: &[FieldError],
    version: Option<usize>,
    field: Field,
) -> Option<&str> {
    errors
        .iter()
        .find(|e| e.field == field && e.version == version)
        .map(|e| e.message.as_str())
}

/// Collects field errors: `check(field, rule_result)` keeps the first failure per field.
#[derive(Debug, Default)]
pub(crate) struct Errors(pub Vec<FieldError>);

impl Errors {
    pub fn check(&mut self, field: Field, result: Result<(), String>) {
        self.check_at(None, field, result);
    }

    /// [`Self::check`] for a field of one model version.
    pub fn check_at(&mut self, version: Option<usize>, field: Field, result: Result<(), String>) {
        if let Err(message) = result {
            if version_error_for(&self.0, version, field).is_none() {
                self.0.push(FieldError {
                    field,
                    message,
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
pub fn service_name(name: &str) -> Result<(), String> {
    let ok_chars = name
        .chars()
        .all(|c| c.is_ascii_alphanumeric() || c == '-' || c == '_');
    let starts_with_letter = name.chars().next().is_some_and(|c| c.is_ascii_alphabetic());
    if name.is_empty() || name.chars().count() > 64 || !ok_chars || !starts_with_letter {
        return Err("Enter 1 to 64 characters, starting with a letter. Only letters, digits, hyphens (-), and underscores (_) are allowed.".into());
    }
    Ok(())
}

/// Description: at most 100 characters, none of `! < > = + & " '`.
pub fn description(text: &str) -> Result<(), String> {
    if text.chars().count() > MAX_DESCRIPTION_CHARS {
        return Err(format!("Enter at most {MAX_DESCRIPTION_CHARS} characters."));
    }
    if text.contains(DESCRIPTION_FORBIDDEN) {
        return Err("The description cannot contain the following characters: !<>=+&\"'".into());
    }
    Ok(())
}

/// Compute nodes: 1-128.
pub fn instance_count(count: u32) -> Result<(), String> {
    if !(1..=MAX_INSTANCE_COUNT).contains(&count) {
        return Err(format!("Enter an integer from 1 to {MAX_INSTANCE_COUNT}."));
    }
    Ok(())
}

/// An OBS folder path: `obs://bucket/dir/`.
pub fn obs_folder(path: &str) -> Result<(), String> {
    let err = || Err("Enter an OBS folder path such as obs://bucket/dir/.".to_string());
    let Some(rest) = path.strip_prefix("obs://") else {
        return err();
    };
    let bucket = rest.split('/').next().unwrap_or("");
    let bucket_ok = (3..=63).contains(&bucket.len())
        && bucket
            .chars()
            .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '-' || c == '.');
    if !bucket_ok || !path.ends_with('/') || rest.contains("//") {
        return err();
    }
    Ok(())
}

/// Request path: starts with `/`, no spaces.
pub fn request_path(path: &str) -> Result<(), String> {
    if !path.starts_with('/') || path.chars().any(char::is_whitespace) {
        return Err("Enter a path that starts with a slash (/), such as /.".into());
    }
    Ok(())
}

/// Environment variables: valid keys, each once; a row with neither key nor value is ignored
/// by the caller before this.
pub fn env_entries(entries: &[(String, String)]) -> Result<(), String> {
    let mut seen = BTreeSet::new();
    for (key, _) in entries {
        env_key(key)?;
        if !seen.insert(key.as_str()) {
            return Err(format!("The key \"{key}\" is used more than once."));
        }
    }
    Ok(())
}

/// CSV mapping: a column index (0 or more) for each input field, no column used twice.
pub fn csv_columns(columns: &[(String, Option<u32>)]) -> Result<(), String> {
    let mut seen = BTreeSet::new();
    for (field, index) in columns {
        let Some(index) = index else {
            return Err(format!(
                "Enter a column index (0 or more) for the input field \"{field}\"."
            ));
        };
        if !seen.insert(*index) {
            return Err(format!(
                "Column {index} is mapped to more than one input field."
            ));
        }
    }
    Ok(())
}

/// Environment variable key: letters, digits and `_`, not starting with a digit.
pub fn env_key(key: &str) -> Result<(), String> {
    let ok = key
        .chars()
        .next()
        .is_some_and(|c| c.is_ascii_alphabetic() || c == '_')
        && key.chars().all(|c| c.is_ascii_alphanumeric() || c == '_');
    if !ok {
        return Err(format!(
            "The key \"{key}\" is invalid: use letters, digits and underscores (_), not starting with a digit."
        ));
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
            env_entries(&[kv("A"), kv("A")]).unwrap_err(),
            "The key \"A\" is used more than once."
        );
        let col = |f: &str, i: Option<u32>| (f.to_string(), i);
        assert!(csv_columns(&[col("a", Some(0)), col("b", Some(1))]).is_ok());
        assert!(csv_columns(&[col("a", None)])
            .unwrap_err()
            .contains("\"a\""));
        assert!(csv_columns(&[col("a", Some(1)), col("b", Some(1))])
            .unwrap_err()
            .contains("Column 1"));
    }
}

//! Field rules of the service forms. Each returns the message shown next to the field.

use std::fmt;

/// Form fields, named as the console labels them.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Field {
    Name,
    Description,
    ModelVersion,
    Specifications,
    ComputeNodes,
    InputPath,
    OutputPath,
    RequestPath,
    EnvironmentVariables,
}

impl Field {
    pub fn label(self) -> &'static str {
        match self {
            Field::Name => "Name",
            Field::Description => "Description",
            Field::ModelVersion => "Model and Version",
            Field::Specifications => "Specifications",
            Field::ComputeNodes => "Compute Nodes",
            Field::InputPath => "Input Path",
            Field::OutputPath => "Output Path",
            Field::RequestPath => "Request Path",
            Field::EnvironmentVariables => "Environment Variables",
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
}

impl FieldError {
    pub fn new(field: Field, message: impl Into<String>) -> FieldError {
        FieldError {
            field,
            message: message.into(),
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

/// Environment variable key: letters, digits and `_`, not starting with a digit.
pub fn env_key(key: &str) -> Result<(), String> {
    let ok = key
        .chars()
        .next()
        .is_some_and(|c| c.is_ascii_alphabetic() || c == '_')
        && key.chars().all(|c| c.is_ascii_alphanumeric() || c == '_');
    if !ok {
        return Err(format!("The key \"{key}\" is invalid: use letters, digits and underscores (_), not starting with a digit."));
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
    }
}

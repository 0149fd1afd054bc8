//! The export file's types, in the API's shape, and their reading: the envelope as a whole,
//! each resource on its own ([`Decoded`]), so that a structural error (a wrong type, a
//! missing field, an unknown value) keeps its JSON path and the resources after it are still
//! read.
//!
//! Each resource is read from its JSON text by the same decoder as the stored form (one copy
//! of every type's decoder in the wasm); serde_json says where in the text an error is, and
//! [`path_at`] turns that place into the JSON path.

use std::fmt;

use serde::de::{self, DeserializeOwned, IgnoredAny, MapAccess, SeqAccess, Visitor};
use serde::{Deserialize, Deserializer, Serialize};
use serde_json::{Map, Value};

use super::{Expected, Found, ImportErrors, ImportProblem, SCHEMA};
use crate::invariants::{render, Step};
use crate::pool::Pool;
use crate::realtime::{RealTimeService, INFER_TYPE};
use crate::service::BatchService;
use crate::Millis;

/// An export file, whose services (`S`) and pools (`P`) are borrowed to write it and
/// [`Decoded`] to read it.
#[derive(Serialize, Deserialize)]
pub(crate) struct ExportFile<S, P> {
    pub(crate) schema: String,
    pub(crate) console_version: Option<String>,
    pub(crate) exported_at: Millis,
    pub(crate) region: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub(crate) services: Option<ServiceList<S>>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub(crate) pools: Option<PoolList<P>>,
}

/// The answer of `GET /v1/{project_id}/services`.
#[derive(Serialize, Deserialize)]
pub(crate) struct ServiceList<S> {
    pub(crate) total_count: usize,
    pub(crate) count: usize,
    pub(crate) services: Vec<S>,
}

/// A v2 `PoolList`.
#[derive(Serialize, Deserialize)]
pub(crate) struct PoolList<P> {
    #[serde(rename = "apiVersion", default)]
    pub(crate) api_version: ApiVersion,
    #[serde(default)]
    pub(crate) kind: PoolListKind,
    pub(crate) items: Vec<P>,
}

/// A v2 `Pool`: the saved pool with the API's `apiVersion` and `kind` (which the saved state
/// does not repeat on every pool). Written only: an import reads the pool and its tags apart.
#[derive(Serialize)]
pub(crate) struct PoolItem<P> {
    #[serde(rename = "apiVersion", default)]
    pub(crate) api_version: ApiVersion,
    #[serde(default)]
    pub(crate) kind: PoolKind,
    #[serde(flatten)]
    pub(crate) pool: P,
}

#[derive(Clone, Copy, Default, Serialize, Deserialize)]
pub(crate) enum ApiVersion {
    #[default]
    #[serde(rename = "v2")]
    V2,
}

#[derive(Clone, Copy, Default, Serialize, Deserialize)]
pub(crate) enum PoolListKind {
    #[default]
    PoolList,
}

#[derive(Clone, Copy, Default, Serialize, Deserialize)]
pub(crate) enum PoolKind {
    #[default]
    Pool,
}

/// Where the file's lists are, for the paths of their resources.
pub(crate) const SERVICES: [Step<'static>; 2] = [Step::Key("services"), Step::Key("services")];
pub(crate) const POOLS: [Step<'static>; 2] = [Step::Key("pools"), Step::Key("items")];

/// A file as an import reads it.
pub(crate) type ImportFile = ExportFile<Decoded<AnyService>, Decoded<Pool>>;

/// A service of the list, batch or real-time by its `infer_type` (one list, as the API's).
pub(crate) enum AnyService {
    Batch(BatchService),
    RealTime(RealTimeService),
}

/// A service of the list as written.
#[derive(Serialize)]
#[serde(untagged)]
pub(crate) enum ServiceRef<'a> {
    Batch(&'a BatchService),
    RealTime(&'a RealTimeService),
}

impl AnyService {
    pub(crate) fn batch(&self) -> Option<&BatchService> {
        match self {
            AnyService::Batch(s) => Some(s),
            AnyService::RealTime(_) => None,
        }
    }

    pub(crate) fn real_time(&self) -> Option<&RealTimeService> {
        match self {
            AnyService::RealTime(s) => Some(s),
            AnyService::Batch(_) => None,
        }
    }

    pub(crate) fn id(&self) -> &str {
        match self {
            AnyService::Batch(s) => &s.service_id,
            AnyService::RealTime(s) => &s.service_id,
        }
    }
}

/// A resource of the file, read on its own.
pub(crate) enum Decoded<T> {
    Read(T),
    /// Not of the model's shape: the resource's JSON, and where and why.
    Unread(Box<(Value, Located)>),
}

/// A structural error: the path to the value at fault from the JSON that was read, and
/// serde's message.
pub(crate) struct Located {
    path: Vec<OwnedStep>,
    error: serde_json::Error,
}

enum OwnedStep {
    Key(String),
    Index(usize),
}

impl<T> Decoded<T> {
    pub(crate) fn read(&self) -> Option<&T> {
        match self {
            Decoded::Read(t) => Some(t),
            Decoded::Unread(_) => None,
        }
    }

    pub(crate) fn into_read(self) -> Option<T> {
        match self {
            Decoded::Read(t) => Some(t),
            Decoded::Unread(_) => None,
        }
    }

    /// The structural error of the `index`-th resource of the list at `list`, as a path and
    /// a problem.
    pub(crate) fn error(&self, list: &[Step<'_>], index: usize) -> Option<(String, ImportProblem)> {
        let Decoded::Unread(unread) = self else {
            return None;
        };
        let (value, located) = &**unread;
        let mut prefix = list.to_vec();
        prefix.push(Step::Index(index));
        Some(located.worded(&prefix, Some(value)))
    }
}

impl Located {
    /// The error in the console's words, at its path after `prefix`; `value` is the JSON the
    /// path starts from (to say what was found).
    fn worded(&self, prefix: &[Step<'_>], value: Option<&Value>) -> (String, ImportProblem) {
        let mut path = prefix.to_vec();
        let mut found = value;
        for step in &self.path {
            match step {
                OwnedStep::Key(key) => {
                    path.push(Step::Key(key));
                    found = found.and_then(|v| v.get(key));
                }
                OwnedStep::Index(i) => {
                    path.push(Step::Index(*i));
                    found = found.and_then(|v| v.get(i));
                }
            }
        }
        worded(path, found, &self.error)
    }
}

/// A resource type, read from its JSON.
pub(crate) trait Resource: Sized {
    fn from_value(value: &Value) -> Result<Self, Located>;
}

impl Resource for BatchService {
    fn from_value(value: &Value) -> Result<Self, Located> {
        from_text(&value.to_string())
    }
}

/// A service whose `infer_type` is `real-time` is read as one; any other as a batch service
/// (whose own check names a wrong `infer_type`).
impl Resource for AnyService {
    fn from_value(value: &Value) -> Result<Self, Located> {
        if value.get("infer_type").and_then(Value::as_str) == Some(INFER_TYPE) {
            from_text(&value.to_string()).map(AnyService::RealTime)
        } else {
            BatchService::from_value(value).map(AnyService::Batch)
        }
    }
}

impl Resource for Pool {
    fn from_value(value: &Value) -> Result<Self, Located> {
        let text = value.to_string();
        from_text::<PoolTags>(&text)?;
        from_text(&text)
    }
}

/// `T` read from JSON `text` by the decoder the stored form uses (so each type's decoder is
/// in the wasm once), and where in `text` an error is.
fn from_text<T: DeserializeOwned>(text: &str) -> Result<T, Located> {
    serde_json::from_str(text).map_err(|error| {
        // The line and column are of the byte after the error. A missing field
        // is reported at the object's end and a key given twice after it: the path is then
        // the object's, and the message names the field.
        let message = error.to_string();
        let of_object =
            message.starts_with("missing field") || message.starts_with("duplicate field");
        let line_start: usize = text
            .split_inclusive('\n')
            .take(error.line().saturating_sub(1))
            .map(str::len)
            .sum();
        let offset = line_start + error.column().saturating_sub(1);
        let path = path_at(text, offset, of_object);
        Located { path, error }
    })
}

/// The path of the value being read at byte `offset` of compact JSON `text`: the key or
/// index of each container open there; with `of_object`, the innermost object's own path.
fn path_at(text: &str, offset: usize, of_object: bool) -> Vec<OwnedStep> {
    enum Open<'a> {
        /// An object, and the key of the value being read (`None` while a key is expected).
        Object(Option<&'a str>),
        /// An array, and the index of the element being read.
        Array(usize),
    }
    let bytes = text.as_bytes();
    let mut open: Vec<Open<'_>> = Vec::new();
    let mut i = 0;
    while i < offset.min(bytes.len()) {
        match bytes[i] {
            b'{' => open.push(Open::Object(None)),
            b'[' => open.push(Open::Array(0)),
            b'}' | b']' => {
                open.pop();
            }
            b',' => match open.last_mut() {
                Some(Open::Object(key)) => *key = None,
                Some(Open::Array(n)) => *n += 1,
                None => {}
            },
            b'"' => {
                let mut end = i + 1;
                while end < bytes.len() && bytes[end] != b'"' {
                    end += if bytes[end] == b'\\' { 2 } else { 1 };
                }
                if let Some(Open::Object(key @ None)) = open.last_mut() {
                    *key = text.get(i + 1..end);
                }
                i = end;
            }
            _ => {}
        }
        i += 1;
    }
    if of_object {
        if let Some(Open::Object(key)) = open.last_mut() {
            *key = None;
        }
    }
    open.iter()
        .filter_map(|o| match o {
            Open::Object(key) => key.map(|k| OwnedStep::Key(k.to_string())),
            Open::Array(n) => Some(OwnedStep::Index(*n)),
        })
        .collect()
}

/// The `apiVersion` and `kind` of a v2 `Pool` (the saved pool's fields are read apart: a
/// flattened struct would be read through a buffer of every value).
#[derive(Deserialize)]
struct PoolTags {
    #[serde(rename = "apiVersion", default)]
    _api_version: ApiVersion,
    #[serde(default)]
    _kind: PoolKind,
}

impl<'de, T: Resource> Deserialize<'de> for Decoded<T> {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        let Strict(value) = Strict::deserialize(deserializer)?;
        Ok(match T::from_value(&value) {
            Ok(t) => Decoded::Read(t),
            Err(error) => Decoded::Unread(Box::new((value, error))),
        })
    }
}

/// A JSON value that refuses a key given twice in an object (a `serde_json::Value` keeps the
/// last, so the file would not say what it means).
struct Strict(Value);

impl<'de> Deserialize<'de> for Strict {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        deserializer.deserialize_any(StrictVisitor).map(Strict)
    }
}

struct StrictVisitor;

impl<'de> Visitor<'de> for StrictVisitor {
    type Value = Value;

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("a JSON value")
    }

    fn visit_bool<E>(self, v: bool) -> Result<Value, E> {
        Ok(Value::Bool(v))
    }

    fn visit_i64<E>(self, v: i64) -> Result<Value, E> {
        Ok(v.into())
    }

    fn visit_u64<E>(self, v: u64) -> Result<Value, E> {
        Ok(v.into())
    }

    fn visit_f64<E>(self, v: f64) -> Result<Value, E> {
        Ok(v.into())
    }

    fn visit_str<E>(self, v: &str) -> Result<Value, E> {
        Ok(Value::String(v.to_owned()))
    }

    fn visit_string<E>(self, v: String) -> Result<Value, E> {
        Ok(Value::String(v))
    }

    fn visit_unit<E>(self) -> Result<Value, E> {
        Ok(Value::Null)
    }

    fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<Value, A::Error> {
        let mut items = Vec::with_capacity(seq.size_hint().unwrap_or(0));
        while let Some(Strict(item)) = seq.next_element()? {
            items.push(item);
        }
        Ok(Value::Array(items))
    }

    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Value, A::Error> {
        let mut object = Map::new();
        while let Some(key) = map.next_key::<String>()? {
            if object.contains_key(&key) {
                // serde's own words for a field given twice, so both read alike.
                return Err(de::Error::custom(format_args!("duplicate field `{key}`")));
            }
            let Strict(value) = map.next_value()?;
            object.insert(key, value);
        }
        Ok(Value::Object(object))
    }
}

/// The schema alone, to judge a file that is not an export's envelope.
#[derive(Deserialize)]
struct Tag {
    schema: Option<Value>,
}

/// Reads an export file: the envelope, and each resource on its own. The schema is judged
/// before anything else, so a file of another kind gets that one error; so does an envelope
/// that is not an export's (the resources cannot be judged without the region).
pub(super) fn read(text: &str) -> Result<ImportFile, ImportErrors> {
    let one = |(path, problem)| {
        let mut errors = ImportErrors::default();
        errors.push(path, problem);
        errors
    };
    let error = match from_text::<ImportFile>(text) {
        Ok(file) if file.schema == SCHEMA => return Ok(file),
        Ok(file) => return Err(schema_error(Some(&Value::String(file.schema)))),
        Err(located) if !located.error.is_data() => return Err(not_json(&located.error)),
        Err(error) => error,
    };
    // Only a file with errors is read again as a whole, to judge it and list them all.
    let root = match from_text::<Strict>(text) {
        Ok(Strict(root)) => root,
        // A key given twice.
        Err(located) => return Err(one(located.worded(&[], None))),
    };
    if !root.is_object() {
        return Err(ImportErrors::whole(ImportProblem::NotAnObject(describe(
            &root,
        ))));
    }
    let tag = Tag::deserialize(&root).ok().and_then(|t| t.schema);
    if tag.as_ref().and_then(Value::as_str) != Some(SCHEMA) {
        return Err(schema_error(tag.as_ref()));
    }
    let mut errors = one(error.worded(&[], Some(&root)));
    // serde stops at an envelope's first error: each further one is found by reading the
    // envelope again without the value at fault.
    let mut rest = root.clone();
    let mut at = error.path;
    // An envelope has a few fields: the bound only guards against a value that stays wrong.
    for _ in 0..16 {
        if !remove(&mut rest, &at) {
            break;
        }
        match from_text::<ExportFile<IgnoredAny, IgnoredAny>>(&rest.to_string()) {
            Ok(_) => break,
            Err(next) => {
                let (path, problem) = next.worded(&[], Some(&rest));
                errors.push(path, problem);
                at = next.path;
            }
        }
    }
    // The resources are read each on its own, so that their errors are listed too.
    structural_errors::<AnyService>(&root, &SERVICES, &mut errors);
    structural_errors::<Pool>(&root, &POOLS, &mut errors);
    Err(errors)
}

/// Takes the value at `path` out of `value`; `false` when there is none (a missing field).
fn remove(value: &mut Value, path: &[OwnedStep]) -> bool {
    let Some((last, within)) = path.split_last() else {
        return false;
    };
    let parent = within.iter().try_fold(value, |v, step| match step {
        OwnedStep::Key(key) => v.get_mut(key.as_str()),
        OwnedStep::Index(i) => v.get_mut(*i),
    });
    match (parent, last) {
        (Some(Value::Object(map)), OwnedStep::Key(key)) => map.remove(key).is_some(),
        (Some(Value::Array(items)), OwnedStep::Index(i)) if *i < items.len() => {
            items[*i] = Value::Null;
            true
        }
        _ => false,
    }
}

/// The structural errors of the resources of the list at `list` in `root`.
fn structural_errors<T: Resource>(root: &Value, list: &[Step<'_>], errors: &mut ImportErrors) {
    let items = list.iter().try_fold(root, |v, step| match step {
        Step::Key(key) => v.get(key),
        Step::Index(i) => v.get(i),
    });
    for (index, item) in items
        .and_then(Value::as_array)
        .into_iter()
        .flatten()
        .enumerate()
    {
        if let Err(located) = T::from_value(item) {
            let mut prefix = list.to_vec();
            prefix.push(Step::Index(index));
            let (path, problem) = located.worded(&prefix, Some(item));
            errors.push(path, problem);
        }
    }
}

fn not_json(error: &serde_json::Error) -> ImportErrors {
    ImportErrors::whole(ImportProblem::NotJson(error.to_string()))
}

/// Why a file with this schema is not an export.
fn schema_error(schema: Option<&Value>) -> ImportErrors {
    let problem = match schema {
        Some(Value::String(s)) if s == crate::snapshot::SCHEMA => ImportProblem::SavedState,
        Some(Value::String(s)) => ImportProblem::NotAnExport(Found::Text(s.clone())),
        Some(other) => ImportProblem::NotAnExport(describe(other)),
        None => ImportProblem::NoSchema,
    };
    let mut errors = ImportErrors::default();
    errors.push("schema".into(), problem);
    errors
}

/// What a value is, for "Expected …, found …".
pub(super) fn describe(value: &Value) -> Found {
    match value {
        Value::Null => Found::Null,
        Value::Bool(b) => Found::Bool(*b),
        Value::Number(n) => Found::Number(n.to_string()),
        Value::String(_) => Found::String,
        Value::Array(_) => Found::Array,
        Value::Object(_) => Found::Object,
    }
}

/// A structural error in the console's words at `path`, where `found` is the value at fault
/// (when it is known).
fn worded(
    path: Vec<Step<'_>>,
    found: Option<&Value>,
    error: &serde_json::Error,
) -> (String, ImportProblem) {
    let mut text = error.to_string();
    if error.line() > 0 {
        if let Some(at) = text.rfind(" at line ") {
            text.truncate(at);
        }
    }
    let field = |prefix: &str| text.strip_prefix(prefix)?.strip_suffix('`');
    let mut path: Vec<Step<'_>> = path.into_iter().collect();
    let found_type = || found.map_or(Found::OtherType, describe);
    let problem = if let Some(key) = field("missing field `") {
        path.push(Step::Key(key));
        ImportProblem::Required
    } else if let Some(key) = field("duplicate field `") {
        path.push(Step::Key(key));
        ImportProblem::GivenTwice
    } else if let Some(rest) = text.strip_prefix("unknown variant `") {
        let (variant, allowed) = rest.rsplit_once("`, expected ").unwrap_or((rest, ""));
        let allowed = allowed.split('`').skip(1).step_by(2).map(str::to_string);
        let key = path.iter().rev().find_map(|s| match s {
            Step::Key(key) => Some(key.to_string()),
            Step::Index(_) => None,
        });
        let variant = found.and_then(Value::as_str).unwrap_or(variant);
        ImportProblem::UnknownVariant {
            key,
            value: variant.to_string(),
            allowed: allowed.collect(),
        }
    } else if text == "expected value" {
        // What serde_json says of a value where one of an enum's names belongs.
        ImportProblem::Expected {
            expected: Expected::String,
            found: found_type(),
        }
    } else if let Some((_, expected)) = text
        .strip_prefix("invalid type: ")
        .and_then(|rest| rest.rsplit_once(", expected "))
    {
        ImportProblem::Expected {
            expected: expected_noun(expected),
            found: found_type(),
        }
    } else if let Some((_, expected)) = text
        .strip_prefix("invalid value: ")
        .and_then(|rest| rest.rsplit_once(", expected "))
    {
        match (found.and_then(Value::as_i64), unsigned_max(expected)) {
            (Some(n), Some(_)) if n < 0 => ImportProblem::Negative,
            (_, Some(max)) => ImportProblem::AtMost(max),
            _ => ImportProblem::Expected {
                expected: expected_noun(expected),
                found: found.map_or(Found::OtherValue, describe),
            },
        }
    } else {
        ImportProblem::Unreadable(text.clone())
    };
    (render(&path), problem)
}

/// What serde expected, as messages say it: `u32` is an integer, `struct Pool` an object.
fn expected_noun(expected: &str) -> Expected {
    match expected {
        "a string" | "string or map" => Expected::String,
        "a boolean" => Expected::Bool,
        "a sequence" => Expected::Array,
        "a map" => Expected::Object,
        "f32" | "f64" => Expected::Number,
        "a number of nodes or a list of node names" => Expected::NodeCount,
        _ if expected.starts_with("struct ") => Expected::Object,
        "u8" | "u16" | "u32" | "u64" | "usize" | "i8" | "i16" | "i32" | "i64" | "isize" => {
            Expected::Integer
        }
        other => Expected::Other(other.to_string()),
    }
}

/// The largest value of an unsigned integer type serde names.
fn unsigned_max(expected: &str) -> Option<u64> {
    Some(match expected {
        "u8" => u8::MAX.into(),
        "u16" => u16::MAX.into(),
        "u32" => u32::MAX.into(),
        "u64" => u64::MAX,
        "usize" => usize::MAX as u64,
        _ => return None,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn error_of<T: DeserializeOwned + fmt::Debug>(json: Value) -> (String, String) {
        let Err(located) = from_text::<T>(&json.to_string()) else {
            panic!("refused")
        };
        let (path, problem) = located.worded(&[Step::Key("x")], Some(&json));
        (path, problem.to_string())
    }

    #[derive(Deserialize, Debug)]
    #[allow(dead_code)]
    struct Sample {
        count: u8,
        name: String,
        mapping_type: crate::service::MappingType,
        list: Vec<u32>,
    }

    #[test]
    fn structural_errors_read_in_the_consoles_words() {
        let ok = serde_json::json!({"count": 1, "name": "n", "mapping_type": "csv", "list": []});
        let with = |key: &str, value: Value| {
            let mut json = ok.clone();
            json[key] = value;
            error_of::<Sample>(json)
        };
        let pair = |path: &str, message: &str| (path.to_string(), message.to_string());
        assert_eq!(
            with("count", "1".into()),
            pair("x.count", "Expected an integer, found a string.")
        );
        assert_eq!(
            with("count", (-1).into()),
            pair("x.count", "Must not be negative.")
        );
        assert_eq!(
            with("count", 256.into()),
            pair("x.count", "Must be at most 255.")
        );
        assert_eq!(
            with("name", Value::Null),
            pair("x.name", "Expected a string, found null.")
        );
        assert_eq!(
            with("mapping_type", "tsv".into()),
            pair(
                "x.mapping_type",
                "Unknown mapping type \"tsv\": use file or csv."
            )
        );
        assert_eq!(
            with("mapping_type", 3.into()),
            pair("x.mapping_type", "Expected a string, found 3.")
        );
        assert_eq!(
            with("list", serde_json::json!([1, 1.5])),
            pair("x.list[1]", "Expected an integer, found 1.5.")
        );
        let mut missing = ok.clone();
        missing.as_object_mut().unwrap().remove("name");
        assert_eq!(
            error_of::<Sample>(missing),
            pair("x.name", "This field is required.")
        );
        assert_eq!(
            error_of::<Sample>(Value::Bool(true)),
            pair("x", "Expected an object, found true.")
        );
    }

    #[test]
    fn a_key_given_twice_is_refused_where_it_is() {
        let text = "{\"a\": [\n  {\"b\": 1, \"c\": {}},\n  {\"b\": 1, \"b\": 2}\n]}";
        let Err(located) = from_text::<Strict>(text) else {
            panic!("refused")
        };
        let (path, problem) = located.worded(&[], None);
        assert_eq!(
            (path.as_str(), problem),
            ("a[1].b", ImportProblem::GivenTwice)
        );
    }
}

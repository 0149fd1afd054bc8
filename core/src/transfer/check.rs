//! The checks of an import file, before anything is decoded: a scan of its size, nesting and
//! number of values (no parsing), then a walk over its JSON values that keeps the path of
//! every field and records every problem there with the rule's own message: the types the
//! model needs, the Deploy and Create Dedicated Resource Pool rules, the catalog, ids and
//! names unique in the file, the region and the account, references between resources, and
//! the account's and region's quotas.

use std::collections::{HashMap, HashSet};
use std::fmt::Write as _;

use serde::de::DeserializeOwned;
use serde_json::{Map, Value};

use super::{ImportErrors, JsonStrings, MAX_IMPORT_DEPTH, MAX_IMPORT_VALUES, SCHEMA};
use crate::catalog::Region;
use crate::console::Console;
use crate::event::{ServiceEvent, Timed, MAX_EVENTS};
use crate::format::{datetime, thousands};
use crate::pool::create::{self, PREPAID_DEPLOYMENT_REGION};
use crate::pool::{
    BillingMode, NodeStatus, Pool, PoolEvent, PoolPhase, PoolType, RequiredDuration,
};
use crate::service::deploy::{self, ConfigInput, MAX_BATCH_SERVICES};
use crate::service::{BatchService, MappingType, ServiceStatus, MAX_RUNS};
use crate::validation;
use crate::Millis;

/// What the scan before parsing found.
#[derive(Debug, PartialEq, Eq)]
pub(super) enum Scan {
    Fits,
    /// Arrays and objects nest deeper than [`MAX_IMPORT_DEPTH`].
    TooDeep,
    /// More than [`MAX_IMPORT_VALUES`] values.
    TooMany,
}

/// Judges nesting and the number of values by the brackets and commas outside strings: no
/// recursion and no allocation, so any text is judged safely before the parser sees it.
pub(super) fn scan(text: &str) -> Scan {
    let (mut depth, mut values) = (0usize, 1usize);
    let mut strings = JsonStrings::default();
    for &b in text.as_bytes() {
        if !strings.outside(b) {
            continue;
        }
        match b {
            b'[' | b'{' => {
                depth += 1;
                values += 1;
                if depth > MAX_IMPORT_DEPTH {
                    return Scan::TooDeep;
                }
            }
            b']' | b'}' => depth = depth.saturating_sub(1),
            b',' => values += 1,
            _ => {}
        }
        if values > MAX_IMPORT_VALUES {
            return Scan::TooMany;
        }
    }
    Scan::Fits
}

/// What a value is, for "Expected …, found …".
pub(super) fn describe(value: &Value) -> String {
    match value {
        Value::Null => "null".into(),
        Value::Bool(b) => b.to_string(),
        Value::Number(n) => n.to_string(),
        Value::String(_) => "a string".into(),
        Value::Array(_) => "an array".into(),
        Value::Object(_) => "an object".into(),
    }
}

/// A string from the file as a message quotes it: JSON-escaped, at most 40 characters.
fn quoted(text: &str) -> String {
    const MAX: usize = 40;
    if text.chars().count() <= MAX {
        return serde_json::to_string(text).expect("a string serialises");
    }
    let head: String = text.chars().take(MAX).collect();
    let mut q = serde_json::to_string(&head).expect("a string serialises");
    q.insert(q.len() - 1, '…');
    q
}

/// The first control character other than tab and newline.
fn control_char(text: &str) -> Option<char> {
    text.chars()
        .find(|c| c.is_control() && *c != '\t' && *c != '\n')
}

/// Ids (`service_id`, a pool's `metadata.name`) appear in addresses and element ids.
fn resource_id(id: &str) -> Result<(), String> {
    let ok = (1..=64).contains(&id.chars().count())
        && id
            .chars()
            .all(|c| c.is_ascii_alphanumeric() || c == '-' || c == '_');
    if ok {
        Ok(())
    } else {
        Err(
            "An ID has 1 to 64 characters: letters, digits, hyphens (-) and underscores (_)."
                .into(),
        )
    }
}

fn one_of(values: &[&str]) -> String {
    match values {
        [] => String::new(),
        [one] => one.to_string(),
        [init @ .., last] => format!("{} or {last}", init.join(", ")),
    }
}

/// A step of a JSON path.
#[derive(Clone, Copy)]
enum Step<'a> {
    Key(&'a str),
    Index(usize),
}

/// `services.services[3].config[0].instance_count`, `metadata.labels["os.modelarts/name"]`,
/// `$` for the whole file.
fn render(path: &[Step<'_>], last: Option<Step<'_>>) -> String {
    let mut out = String::new();
    for step in path.iter().chain(last.iter()) {
        match *step {
            Step::Key(key) => {
                let plain = key
                    .chars()
                    .next()
                    .is_some_and(|c| c.is_ascii_alphabetic() || c == '_')
                    && key.chars().all(|c| c.is_ascii_alphanumeric() || c == '_');
                if plain {
                    if !out.is_empty() {
                        out.push('.');
                    }
                    out.push_str(key);
                } else {
                    let _ = write!(out, "[{}]", quoted(key));
                }
            }
            Step::Index(i) => {
                let _ = write!(out, "[{i}]");
            }
        }
    }
    if out.is_empty() {
        out.push('$');
    }
    out
}

pub(super) type Object = Map<String, Value>;

/// Whether a field must be there, as the typed model reads it.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Need {
    Required,
    /// May be absent (the model's default), but not null.
    Defaulted,
    /// May be absent or null (an `Option`).
    Nullable,
}

/// The walk over a file's values: the current path, the errors so far, and what the
/// cross-checks need (ids and names seen, the region's resources, the other regions' ids).
pub(super) struct Walk<'a> {
    console: &'a Console,
    now: Millis,
    path: Vec<Step<'a>>,
    pub(super) errors: ImportErrors,
    /// The file's region, once known.
    region_id: &'a str,
    region: Option<&'a Region>,
    /// Ids in the file (read ahead, so a service can refer to a pool listed after it).
    file_service_ids: HashSet<&'a str>,
    file_pools: HashMap<&'a str, Option<PoolType>>,
    has_services: bool,
    has_pools: bool,
    /// First index of each id and name seen so far.
    service_ids: HashMap<&'a str, usize>,
    service_names: HashMap<&'a str, usize>,
    pool_ids: HashMap<&'a str, usize>,
    pool_names: HashMap<&'a str, usize>,
    /// The region's resources now.
    existing_services: HashMap<&'a str, &'a BatchService>,
    existing_service_names: HashMap<&'a str, &'a str>,
    existing_pools: HashMap<&'a str, &'a Pool>,
    existing_pool_names: HashMap<&'a str, &'a str>,
    /// Ids of the other regions: region id and kind.
    other_ids: HashMap<&'a str, (&'a str, &'static str)>,
    /// Nodes of the file's pools, for the node quota.
    file_nodes: u64,
    /// Services in the file not yet in the region, for the account quota.
    added_services: usize,
}

impl<'a> Walk<'a> {
    pub(super) fn new(console: &'a Console, root: &'a Object, now: Millis) -> Walk<'a> {
        let mut walk = Walk {
            console,
            now,
            path: Vec::new(),
            errors: ImportErrors::default(),
            region_id: "",
            region: None,
            file_service_ids: HashSet::new(),
            file_pools: HashMap::new(),
            has_services: false,
            has_pools: false,
            service_ids: HashMap::new(),
            service_names: HashMap::new(),
            pool_ids: HashMap::new(),
            pool_names: HashMap::new(),
            existing_services: HashMap::new(),
            existing_service_names: HashMap::new(),
            existing_pools: HashMap::new(),
            existing_pool_names: HashMap::new(),
            other_ids: HashMap::new(),
            file_nodes: 0,
            added_services: 0,
        };
        walk.read_ahead(root);
        walk
    }

    /// The ids of the file's services and pools (and each pool's type), before the walk.
    fn read_ahead(&mut self, root: &'a Object) {
        let list = |section: &str, key: &str| {
            root.get(section)
                .and_then(|s| s.get(key))
                .and_then(Value::as_array)
        };
        for item in list("services", "services").into_iter().flatten() {
            if let Some(id) = item.get("service_id").and_then(Value::as_str) {
                self.file_service_ids.insert(id);
            }
        }
        for item in list("pools", "items").into_iter().flatten() {
            let Some(id) = item
                .get("metadata")
                .and_then(|m| m.get("name"))
                .and_then(Value::as_str)
            else {
                continue;
            };
            let scope = item
                .get("spec")
                .and_then(|s| s.get("scope"))
                .and_then(Value::as_array);
            let pool_type = scope.map(|s| {
                if s.iter().any(|v| v.as_str() == Some("Infer")) {
                    PoolType::ServiceDeployment
                } else {
                    PoolType::DevelopmentTraining
                }
            });
            self.file_pools.entry(id).or_insert(pool_type);
        }
    }

    // ---- errors and paths ------------------------------------------------------------------

    fn fail(&mut self, message: impl Into<String>) {
        let path = render(&self.path, None);
        self.errors.push(path, message.into());
    }

    fn fail_at(&mut self, key: &'a str, message: impl Into<String>) {
        let path = render(&self.path, Some(Step::Key(key)));
        self.errors.push(path, message.into());
    }

    fn within<R>(&mut self, step: Step<'a>, f: impl FnOnce(&mut Self) -> R) -> R {
        self.path.push(step);
        let result = f(self);
        self.path.pop();
        result
    }

    fn region_name(&self) -> &'a str {
        self.region.map_or(self.region_id, |r| r.name.as_str())
    }

    // ---- typed fields ----------------------------------------------------------------------

    /// The value of `key`: `None` when absent (an error when required), or null where null
    /// means absent.
    fn value(&mut self, obj: &'a Object, key: &'a str, need: Need) -> Option<&'a Value> {
        match obj.get(key) {
            None => {
                if need == Need::Required {
                    self.fail_at(key, "This field is required.");
                }
                None
            }
            Some(Value::Null) if need == Need::Nullable => None,
            found => found,
        }
    }

    fn expect<T>(
        &mut self,
        key: &'a str,
        value: &'a Value,
        what: &str,
        get: impl FnOnce(&'a Value) -> Option<T>,
    ) -> Option<T> {
        let found = get(value);
        if found.is_none() {
            self.fail_at(key, format!("Expected {what}, found {}.", describe(value)));
        }
        found
    }

    fn string_in(&mut self, obj: &'a Object, key: &'a str, need: Need) -> Option<&'a str> {
        let value = self.value(obj, key, need)?;
        self.expect(key, value, "a string", Value::as_str)
    }

    fn string(&mut self, obj: &'a Object, key: &'a str) -> Option<&'a str> {
        self.string_in(obj, key, Need::Required)
    }

    fn opt_string(&mut self, obj: &'a Object, key: &'a str) -> Option<&'a str> {
        self.string_in(obj, key, Need::Nullable)
    }

    fn object_in(&mut self, obj: &'a Object, key: &'a str, need: Need) -> Option<&'a Object> {
        let value = self.value(obj, key, need)?;
        self.expect(key, value, "an object", Value::as_object)
    }

    fn object(&mut self, obj: &'a Object, key: &'a str) -> Option<&'a Object> {
        self.object_in(obj, key, Need::Required)
    }

    fn array_in(&mut self, obj: &'a Object, key: &'a str, need: Need) -> Option<&'a [Value]> {
        let value = self.value(obj, key, need)?;
        self.expect(key, value, "an array", |v| v.as_array().map(Vec::as_slice))
    }

    fn array(&mut self, obj: &'a Object, key: &'a str) -> Option<&'a [Value]> {
        self.array_in(obj, key, Need::Required)
    }

    /// A list that may be absent (empty), but not null.
    fn list(&mut self, obj: &'a Object, key: &'a str) -> Option<&'a [Value]> {
        self.array_in(obj, key, Need::Defaulted)
    }

    /// A flag that may be absent (false), but not null.
    fn flag(&mut self, obj: &'a Object, key: &'a str) -> Option<bool> {
        let value = self.value(obj, key, Need::Defaulted)?;
        self.expect(key, value, "true or false", Value::as_bool)
    }

    /// A whole number from 0 to `max`.
    fn uint_in(&mut self, obj: &'a Object, key: &'a str, max: u64, need: Need) -> Option<u64> {
        let value = self.value(obj, key, need)?;
        let number = self.expect(key, value, "an integer", Value::as_number)?;
        match number.as_u64() {
            Some(n) if n <= max => Some(n),
            Some(_) => {
                self.fail_at(key, format!("Must be at most {}.", thousands(max)));
                None
            }
            None if number.as_i64().is_some() => {
                self.fail_at(key, "Must not be negative.");
                None
            }
            None => {
                self.fail_at(key, format!("Expected an integer, found {number}."));
                None
            }
        }
    }

    fn uint(&mut self, obj: &'a Object, key: &'a str, max: u64) -> Option<u64> {
        self.uint_in(obj, key, max, Need::Required)
    }

    fn u32(&mut self, obj: &'a Object, key: &'a str) -> Option<u32> {
        self.uint(obj, key, u32::MAX.into()).map(|n| n as u32)
    }

    fn u32_in(&mut self, obj: &'a Object, key: &'a str, need: Need) -> Option<u32> {
        self.uint_in(obj, key, u32::MAX.into(), need)
            .map(|n| n as u32)
    }

    /// A time (ms) not after the console's `now`.
    fn time_in(&mut self, obj: &'a Object, key: &'a str, need: Need) -> Option<Millis> {
        let time = self.uint_in(obj, key, u64::MAX, need)?;
        self.not_after_now(key, time);
        Some(time)
    }

    fn not_after_now(&mut self, key: &'a str, time: Millis) {
        if time > self.now {
            self.fail_at(
                key,
                format!(
                    "The time {} is after the console's current time, {}.",
                    datetime(time, 0),
                    datetime(self.now, 0)
                ),
            );
        }
    }

    fn time(&mut self, obj: &'a Object, key: &'a str) -> Option<Millis> {
        self.time_in(obj, key, Need::Required)
    }

    fn opt_time(&mut self, obj: &'a Object, key: &'a str) -> Option<Millis> {
        self.time_in(obj, key, Need::Nullable)
    }

    /// An amount (USD): a number, not negative.
    fn amount(&mut self, obj: &'a Object, key: &'a str) -> Option<f64> {
        self.amount_in(obj, key, Need::Required)
    }

    fn amount_in(&mut self, obj: &'a Object, key: &'a str, need: Need) -> Option<f64> {
        let value = self.value(obj, key, need)?;
        let amount = self.expect(key, value, "a number", Value::as_f64)?;
        if !amount.is_finite() || amount < 0.0 {
            self.fail_at(key, "Must be a number of 0 or more.");
            return None;
        }
        Some(amount)
    }

    /// Text that must not hold control characters and must follow `rule`.
    fn text(
        &mut self,
        key: &'a str,
        text: &str,
        rule: impl FnOnce(&str) -> Result<(), String>,
    ) -> bool {
        if let Some(c) = control_char(text) {
            self.fail_at(
                key,
                format!(
                    "Contains the control character U+{:04X}: only tab and newline are allowed in text.",
                    c as u32
                ),
            );
            return false;
        }
        match rule(text) {
            Ok(()) => true,
            Err(message) => {
                self.fail_at(key, message);
                false
            }
        }
    }

    /// A string that must be `expected` (a constant of the format).
    fn constant(&mut self, obj: &'a Object, key: &'a str, expected: &str, need: Need) {
        if let Some(found) = self.string_in(obj, key, need) {
            if found != expected {
                self.fail_at(
                    key,
                    format!("Expected {}, found {}.", quoted(expected), quoted(found)),
                );
            }
        }
    }

    /// Events as the saved state holds them, each decoded by the model itself.
    fn events<E: DeserializeOwned + Timed>(&mut self, obj: &'a Object, key: &'a str) {
        let Some(events) = self.list(obj, key) else {
            return;
        };
        self.within(Step::Key(key), |w| {
            if events.len() > MAX_EVENTS {
                w.fail(format!(
                    "At most {MAX_EVENTS} events are kept per resource; this one has {}.",
                    thousands(events.len() as u64)
                ));
            }
            for (i, event) in events.iter().enumerate() {
                w.within(Step::Index(i), |w| {
                    match serde_json::from_str::<E>(&event.to_string()) {
                        Ok(e) => w.not_after_now("time", e.time()),
                        Err(e) => {
                            let message = e.to_string();
                            let message = message
                                .rfind(" at line ")
                                .map_or(message.as_str(), |at| &message[..at]);
                            w.fail(format!("Not an event of this console: {message}."));
                        }
                    }
                });
            }
        });
    }

    // ---- the file --------------------------------------------------------------------------

    /// The schema, judged first: a file of another kind gets this one error.
    pub(super) fn schema(&mut self, root: &'a Object) -> bool {
        let message = match root.get("schema") {
            Some(Value::String(s)) if s == SCHEMA => return true,
            Some(Value::String(s)) if s == crate::snapshot::SCHEMA => {
                "This is a saved console state, not an export: export from the Batch Services list, a resource pools list or Settings.".to_string()
            }
            Some(Value::String(s)) => format!(
                "Expected {}, found {}: the file is not an export of this console.",
                quoted(SCHEMA),
                quoted(s)
            ),
            Some(other) => format!(
                "Expected {}, found {}: the file is not an export of this console.",
                quoted(SCHEMA),
                describe(other)
            ),
            None => "This field is required: the file is not an export of this console.".into(),
        };
        self.fail_at("schema", message);
        false
    }

    /// The whole file; returns the region (id and name), console version and export time.
    pub(super) fn file(&mut self, root: &'a Object) -> (String, String, String, Millis) {
        let console_version = self.opt_string(root, "console_version").unwrap_or_default();
        let exported_at = self.time(root, "exported_at").unwrap_or_default();
        if let Some(id) = self.string(root, "region") {
            self.region_id = id;
            let console = self.console;
            self.region = console.catalog.region(id);
            if self.region.is_none() {
                let ids: Vec<&str> = console
                    .catalog
                    .regions
                    .iter()
                    .map(|r| r.id.as_str())
                    .collect();
                self.fail_at(
                    "region",
                    format!("Unknown region {}: use {}.", quoted(id), one_of(&ids)),
                );
            }
            self.index_account();
        }
        let services = self.object_in(root, "services", Need::Nullable);
        let pools = self.object_in(root, "pools", Need::Nullable);
        self.has_services = root.get("services").is_some_and(|v| !v.is_null());
        self.has_pools = root.get("pools").is_some_and(|v| !v.is_null());
        if !self.has_services && !self.has_pools {
            self.fail("The file holds neither services nor pools.");
        }
        if let Some(section) = services {
            self.within(Step::Key("services"), |w| w.services_section(section));
        }
        if let Some(section) = pools {
            self.within(Step::Key("pools"), |w| w.pools_section(section));
        }
        (
            self.region_id.to_string(),
            self.region_name().to_string(),
            console_version.to_string(),
            exported_at,
        )
    }

    /// What the file is checked against: the region's resources and the other regions' ids.
    fn index_account(&mut self) {
        let console = self.console;
        let regions = &console.state.regions;
        for (id, region) in regions {
            if id == self.region_id {
                for s in &region.services {
                    self.existing_services.insert(&s.service_id, s);
                    self.existing_service_names
                        .insert(&s.service_name, &s.service_id);
                }
                for p in &region.pools {
                    self.existing_pools.insert(p.id(), p);
                    self.existing_pool_names.insert(p.display_name(), p.id());
                }
            } else {
                for s in &region.services {
                    self.other_ids.insert(&s.service_id, (id, "service"));
                }
                for p in &region.pools {
                    self.other_ids.insert(p.id(), (id, "resource pool"));
                }
            }
        }
    }

    /// An id must not be used in another region (ids are unique in the account).
    fn not_in_other_region(&mut self, key: &'a str, id: &str) {
        if let Some(&(region, kind)) = self.other_ids.get(id) {
            let console = self.console;
            let name = console
                .catalog
                .region(region)
                .map_or(region, |r| r.name.as_str());
            self.fail_at(
                key,
                format!(
                    "The ID {} already belongs to a {kind} in {name}: IDs are unique in the account.",
                    quoted(id)
                ),
            );
        }
    }

    fn services_section(&mut self, section: &'a Object) {
        let total = self.uint(section, "total_count", u64::MAX);
        let count = self.uint(section, "count", u64::MAX);
        let Some(services) = self.array(section, "services") else {
            return;
        };
        if let Some(count) = count {
            if count != services.len() as u64 {
                self.fail_at(
                    "count",
                    format!(
                        "The list holds {} services, not {count}.",
                        thousands(services.len() as u64)
                    ),
                );
            }
            if total.is_some_and(|t| t < count) {
                self.fail_at("total_count", "Must not be less than count.");
            }
        }
        self.within(Step::Key("services"), |w| {
            for (i, item) in services.iter().enumerate() {
                w.within(Step::Index(i), |w| w.service(i, item));
            }
        });
    }

    fn pools_section(&mut self, section: &'a Object) {
        self.constant(section, "apiVersion", "v2", Need::Defaulted);
        self.constant(section, "kind", "PoolList", Need::Defaulted);
        let Some(items) = self.array(section, "items") else {
            return;
        };
        self.within(Step::Key("items"), |w| {
            for (i, item) in items.iter().enumerate() {
                w.within(Step::Index(i), |w| w.pool(i, item));
            }
        });
    }

    /// After the walk: the account's service limit and the region's node quota.
    pub(super) fn cross_checks(&mut self) {
        let settings = &self.console.state.settings;
        let after = self.console.service_count() + self.added_services;
        if self.has_services && settings.enforce_quotas && after > MAX_BATCH_SERVICES {
            self.errors.push(
                "services.services".into(),
                format!(
                    "The account may have at most {} batch services; with this file it would have {}. Delete services that are no longer needed, or turn off Settings > Enforce account quotas.",
                    thousands(MAX_BATCH_SERVICES as u64),
                    thousands(after as u64)
                ),
            );
        }
        if let (true, Some(region)) = (self.has_pools, self.region) {
            let kept: u64 = self
                .existing_pools
                .values()
                .filter(|p| !self.file_pools.contains_key(p.id()))
                .map(|p| u64::from(p.node_count()))
                .sum();
            let nodes = kept + self.file_nodes;
            if nodes > u64::from(region.node_quota) {
                self.errors.push(
                    "pools.items".into(),
                    format!(
                        "The region's pools would hold {} nodes, more than the node quota of {} ({} nodes).",
                        thousands(nodes),
                        region.name,
                        region.node_quota
                    ),
                );
            }
        }
    }

    // ---- a service -------------------------------------------------------------------------

    fn service(&mut self, index: usize, item: &'a Value) {
        let Some(obj) = item.as_object() else {
            self.fail(format!("Expected an object, found {}.", describe(item)));
            return;
        };
        if let Some(id) = self.string(obj, "service_id") {
            self.service_id(index, id);
        }
        if let Some(name) = self.string(obj, "service_name") {
            self.service_name(index, name, obj);
        }
        if let Some(description) = self.string_in(obj, "description", Need::Defaulted) {
            self.text("description", description, validation::description);
        }
        if let Some(infer_type) = self.string(obj, "infer_type") {
            if infer_type != "batch" {
                self.fail_at(
                    "infer_type",
                    format!(
                        "Only batch services can be imported: expected \"batch\", found {}.",
                        quoted(infer_type)
                    ),
                );
            }
        }
        let status = self.string(obj, "status").and_then(|s| {
            let status = ServiceStatus::from_api_value(s);
            if status.is_none() {
                let values: Vec<&str> = ServiceStatus::ALL.iter().map(|s| s.api_value()).collect();
                self.fail_at(
                    "status",
                    format!("Unknown status {}: use {}.", quoted(s), one_of(&values)),
                );
            }
            status
        });
        if let Some(progress) = self.uint(obj, "progress", u64::MAX) {
            if progress > 100 {
                self.fail_at("progress", "Must be a percentage from 0 to 100.");
            }
        }
        self.time(obj, "publish_at");
        self.time(obj, "transition_at");
        self.opt_time(obj, "start_time");
        self.opt_time(obj, "finished_time");
        let error_msg = self.opt_string(obj, "error_msg");
        if status == Some(ServiceStatus::Failed) && error_msg.is_none() {
            self.fail_at("error_msg", "A failed service needs its error message.");
        }
        if let Some(configs) = self.array(obj, "config") {
            if configs.len() != 1 {
                self.fail_at(
                    "config",
                    format!(
                        "A batch service has exactly one config entry; this one has {}.",
                        configs.len()
                    ),
                );
            }
            self.within(Step::Key("config"), |w| {
                for (i, config) in configs.iter().enumerate() {
                    w.within(Step::Index(i), |w| w.config(config));
                }
            });
        }
        if let Some(location) = self.object(obj, "location") {
            self.within(Step::Key("location"), |w| w.location(location));
        }
        if let Some(billing) = self.object(obj, "billing") {
            self.within(Step::Key("billing"), |w| w.service_billing(billing));
        }
        if let Some(workload) = self.object(obj, "workload") {
            self.within(Step::Key("workload"), |w| {
                w.u32(workload, "input_size_mb");
                w.uint(workload, "processed_node_ms", u64::MAX);
                w.time(workload, "accounted_at");
            });
        }
        self.events::<ServiceEvent>(obj, "events");
    }

    fn service_id(&mut self, index: usize, id: &'a str) {
        if !self.text("service_id", id, resource_id) {
            return;
        }
        if let Some(first) = self.service_ids.get(id) {
            let message = format!(
                "The service_id {} is also used by services.services[{first}].",
                quoted(id)
            );
            self.fail_at("service_id", message);
            return;
        }
        self.service_ids.insert(id, index);
        if !self.existing_services.contains_key(id) {
            self.added_services += 1;
        }
        self.not_in_other_region("service_id", id);
        if self.file_pools.contains_key(id) || self.existing_pools.contains_key(id) {
            self.fail_at(
                "service_id",
                format!(
                    "The ID {} is also a resource pool's: IDs are unique in the account.",
                    quoted(id)
                ),
            );
        }
    }

    fn service_name(&mut self, index: usize, name: &'a str, obj: &'a Object) {
        if !self.text("service_name", name, validation::service_name) {
            return;
        }
        if let Some(first) = self.service_names.get(name) {
            let message = format!(
                "The name {name} is also used by services.services[{first}]; names are unique in the region."
            );
            self.fail_at("service_name", message);
            return;
        }
        self.service_names.insert(name, index);
        let own_id = obj.get("service_id").and_then(Value::as_str);
        if let Some(&holder) = self.existing_service_names.get(name) {
            // The region's service of that name stays unless the file replaces it.
            if own_id != Some(holder) && !self.file_service_ids.contains(holder) {
                let message = format!(
                    "A service named {name} already exists in {}.",
                    self.region_name()
                );
                self.fail_at("service_name", message);
            }
        }
    }

    fn config(&mut self, config: &'a Value) {
        let Some(obj) = config.as_object() else {
            self.fail(format!("Expected an object, found {}.", describe(config)));
            return;
        };
        let console = self.console;
        let catalog = &console.catalog;
        let model_id = self.string(obj, "model_id");
        let model = model_id.and_then(|id| catalog.model(id));
        if let (Some(id), None) = (model_id, model) {
            self.fail_at(
                "model_id",
                format!("The model {} is not in the catalog.", quoted(id)),
            );
        }
        if let (Some(name), Some(model)) = (self.string(obj, "model_name"), model) {
            if name != model.model_name {
                self.fail_at(
                    "model_name",
                    format!(
                        "The model {} is named {}, not {}.",
                        model.model_id,
                        model.model_name,
                        quoted(name)
                    ),
                );
            }
        }
        if let (Some(version), Some(model)) = (self.string(obj, "model_version"), model) {
            if !model.versions.iter().any(|v| v.model_version == version) {
                let versions: Vec<&str> = model
                    .versions
                    .iter()
                    .map(|v| v.model_version.as_str())
                    .collect();
                self.fail_at(
                    "model_version",
                    format!(
                        "The model {} has no version {}: its versions are {}.",
                        model.model_name,
                        quoted(version),
                        one_of(&versions)
                    ),
                );
            }
        }
        if let Some(flavor) = self.string(obj, "specification") {
            if catalog.flavor(flavor).is_none() {
                self.unknown_flavor("specification", flavor);
            }
        }
        if let Some(count) = self.u32(obj, "instance_count") {
            if let Err(message) = validation::instance_count(count) {
                self.fail_at("instance_count", message);
            }
        }
        if let Some(envs) = self.object_in(obj, "envs", Need::Defaulted) {
            self.within(Step::Key("envs"), |w| {
                for (key, value) in envs {
                    if let Err(message) = validation::env_key(key) {
                        w.fail_at(key, message);
                    } else if !value.is_string() {
                        w.fail_at(
                            key,
                            format!("Expected a string, found {}.", describe(value)),
                        );
                    }
                }
            });
        }
        for key in ["src_path", "dest_path"] {
            if let Some(path) = self.string(obj, key) {
                self.text(key, path, validation::obs_folder);
            }
        }
        if let Some(path) = self.string(obj, "req_uri") {
            self.text("req_uri", path, validation::request_path);
        }
        let mapping = self.string(obj, "mapping_type").and_then(|m| {
            let mapping = MappingType::from_api_value(m);
            if mapping.is_none() {
                self.fail_at(
                    "mapping_type",
                    format!("Unknown mapping type {}: use file or csv.", quoted(m)),
                );
            }
            mapping
        });
        let mut columns = Vec::new();
        let mut columns_ok = true;
        if let Some(rules) = self.list(obj, "mapping_rule") {
            self.within(Step::Key("mapping_rule"), |w| {
                for (i, rule) in rules.iter().enumerate() {
                    w.within(Step::Index(i), |w| {
                        let Some(rule) = rule.as_object() else {
                            w.fail(format!("Expected an object, found {}.", describe(rule)));
                            columns_ok = false;
                            return;
                        };
                        let field = w.string(rule, "field");
                        let index = w.u32(rule, "index");
                        match (field, index) {
                            (Some(field), Some(index)) => {
                                columns.push((field.to_string(), Some(index)))
                            }
                            _ => columns_ok = false,
                        }
                    });
                }
            });
        }
        if mapping == Some(MappingType::Csv) && columns_ok {
            // The Deploy rule: a column for each input field of the model, no column twice.
            let input = ConfigInput {
                model_id: model.map(|m| m.model_id.clone()).unwrap_or_default(),
                mapping_rule: columns,
                ..ConfigInput::default()
            };
            if let Err(message) = deploy::csv_mapping(catalog, &input) {
                self.fail_at("mapping_rule", message);
            }
        }
    }

    fn unknown_flavor(&mut self, key: &'a str, flavor: &str) {
        let console = self.console;
        let ids: Vec<&str> = console
            .catalog
            .flavors
            .iter()
            .map(|f| f.id.as_str())
            .collect();
        self.fail_at(
            key,
            format!(
                "Unknown specifications {}: the catalog has {}.",
                quoted(flavor),
                one_of(&ids)
            ),
        );
    }

    fn location(&mut self, obj: &'a Object) {
        let Some(kind) = self.string(obj, "kind") else {
            return;
        };
        let region = self.region;
        let listed = |names: Option<&Vec<String>>, name: &str| {
            names.is_some_and(|n| n.iter().any(|x| x == name))
        };
        match kind {
            "public_pool" => {}
            "dedicated_pool" => {
                if let Some(pool) = self.string(obj, "pool_name") {
                    self.pool_reference(pool);
                }
            }
            "edge_node" => {
                if let Some(node) = self.string(obj, "node_name") {
                    if region.is_some() && !listed(region.map(|r| &r.edge_nodes), node) {
                        let message = format!(
                            "The edge node {} is not registered in {}.",
                            quoted(node),
                            self.region_name()
                        );
                        self.fail_at("node_name", message);
                    }
                }
            }
            "edge_pool" => {
                if let Some(pool) = self.string(obj, "pool_name") {
                    if region.is_some() && !listed(region.map(|r| &r.edge_pools), pool) {
                        let message = format!(
                            "The edge resource pool {} is not registered in {}.",
                            quoted(pool),
                            self.region_name()
                        );
                        self.fail_at("pool_name", message);
                    }
                }
            }
            other => self.fail_at(
                "kind",
                format!(
                    "Unknown deployment location {}: use public_pool, dedicated_pool, edge_node or edge_pool.",
                    quoted(other)
                ),
            ),
        }
    }

    /// A service's dedicated pool must exist after the import (in the file or kept in the
    /// region) and be one for service deployment.
    fn pool_reference(&mut self, pool_id: &'a str) {
        let pool_type = match self.file_pools.get(pool_id) {
            Some(t) => *t,
            None => match self.existing_pools.get(pool_id) {
                Some(p) => Some(p.pool_type()),
                None => {
                    let message = format!(
                        "The dedicated resource pool {} is neither in the file nor in {}.",
                        quoted(pool_id),
                        self.region_name()
                    );
                    self.fail_at("pool_name", message);
                    return;
                }
            },
        };
        if let Some(t @ PoolType::DevelopmentTraining) = pool_type {
            self.fail_at(
                "pool_name",
                format!(
                    "{pool_id} is {}: only pools of type Dedicated for Service Deployment can run services.",
                    t.label()
                ),
            );
        }
    }

    fn service_billing(&mut self, obj: &'a Object) {
        self.uint(obj, "billed_ms", u64::MAX);
        self.amount(obj, "cost");
        self.amount(obj, "hourly_rate");
        self.amount_in(obj, "settled_cost", Need::Nullable);
        let Some(runs) = self.list(obj, "runs") else {
            return;
        };
        self.within(Step::Key("runs"), |w| {
            if runs.len() > MAX_RUNS {
                w.fail(format!(
                    "At most {MAX_RUNS} runs are kept per service; this one has {}.",
                    thousands(runs.len() as u64)
                ));
            }
            for (i, run) in runs.iter().enumerate() {
                w.within(Step::Index(i), |w| {
                    let Some(run) = run.as_object() else {
                        w.fail(format!("Expected an object, found {}.", describe(run)));
                        return;
                    };
                    w.time(run, "start");
                    w.opt_time(run, "end");
                    w.uint(run, "billed_ms", u64::MAX);
                    w.amount(run, "cost");
                    w.amount(run, "hourly_rate");
                });
            }
        });
    }

    // ---- a pool ----------------------------------------------------------------------------

    fn pool(&mut self, index: usize, item: &'a Value) {
        let Some(obj) = item.as_object() else {
            self.fail(format!("Expected an object, found {}.", describe(item)));
            return;
        };
        self.constant(obj, "apiVersion", "v2", Need::Defaulted);
        self.constant(obj, "kind", "Pool", Need::Defaulted);
        let mut billing_mode = None;
        let mut duration = None;
        if let Some(metadata) = self.object(obj, "metadata") {
            self.within(Step::Key("metadata"), |w| {
                (billing_mode, duration) = w.pool_metadata(index, metadata);
            });
        }
        let mut pool_type = None;
        let mut count = None;
        if let Some(spec) = self.object(obj, "spec") {
            self.within(Step::Key("spec"), |w| {
                (pool_type, count) = w.pool_spec(spec);
            });
        }
        let mut phase = None;
        if let Some(status) = self.object(obj, "status") {
            self.within(Step::Key("status"), |w| {
                phase = w.string(status, "phase").and_then(|p| {
                    let phase = PoolPhase::ALL.into_iter().find(|x| x.label() == p);
                    if phase.is_none() {
                        let names: Vec<&str> = PoolPhase::ALL.iter().map(|p| p.label()).collect();
                        w.fail_at(
                            "phase",
                            format!("Unknown phase {}: use {}.", quoted(p), one_of(&names)),
                        );
                    }
                    phase
                });
                w.time(status, "transitionAt");
                w.opt_string(status, "message");
            });
        }
        if let Some(nodes) = self.array(obj, "nodes") {
            self.within(Step::Key("nodes"), |w| {
                w.pool_nodes(nodes, count, phase);
            });
        }
        if let Some(billing) = self.object(obj, "billing") {
            self.within(Step::Key("billing"), |w| {
                w.amount(billing, "cost");
                w.amount(billing, "hourly_rate");
                w.time(billing, "accounted_at");
                w.amount(billing, "term_price");
                let expires = w.uint_in(billing, "expires_at", u64::MAX, Need::Nullable);
                if billing_mode == Some(BillingMode::YearlyMonthly) && expires.is_none() {
                    w.fail_at(
                        "expires_at",
                        "A Yearly/Monthly pool needs the end of its term.",
                    );
                }
            });
        }
        self.events::<PoolEvent>(obj, "events");
        self.u32_in(obj, "node_seq", Need::Defaulted);
        // Yearly/Monthly: a term the pool's type may be bought for, and Service Deployment
        // pools only where they are sold so.
        if billing_mode == Some(BillingMode::YearlyMonthly) {
            if let (Some(t), Some(d)) = (pool_type, duration) {
                if let Err(message) = create::duration(t, Some(d)) {
                    self.in_annotations("os.modelarts/period.num", message);
                }
            }
            if pool_type == Some(PoolType::ServiceDeployment)
                && self.region.is_some()
                && self.region_id != PREPAID_DEPLOYMENT_REGION
            {
                let message = create::prepaid_deployment_refusal(self.region_name());
                self.in_annotations("os.modelarts/billing.mode", message);
            }
        }
    }

    /// An error at `metadata.annotations[key]` of the current pool.
    fn in_annotations(&mut self, key: &'a str, message: String) {
        self.within(Step::Key("metadata"), |w| {
            w.within(Step::Key("annotations"), |w| w.fail_at(key, message))
        });
    }

    /// The id, creation time, name and annotations; returns the billing mode and term.
    fn pool_metadata(
        &mut self,
        index: usize,
        obj: &'a Object,
    ) -> (Option<BillingMode>, Option<RequiredDuration>) {
        let id = self.string(obj, "name");
        if let Some(id) = id {
            self.pool_id(index, id);
        }
        self.time(obj, "creationTimestamp");
        if let Some(labels) = self.object(obj, "labels") {
            self.within(Step::Key("labels"), |w| {
                if let Some(name) = w.string(labels, "os.modelarts/name") {
                    w.pool_name(index, name, id);
                }
            });
        }
        let Some(annotations) = self.object(obj, "annotations") else {
            return (None, None);
        };
        self.within(Step::Key("annotations"), |w| {
            if let Some(d) = w.string_in(annotations, "os.modelarts/description", Need::Defaulted) {
                w.text("os.modelarts/description", d, create::pool_description);
            }
            let mode = w
                .string(annotations, "os.modelarts/billing.mode")
                .and_then(|m| match m {
                    "0" => Some(BillingMode::PayPerUse),
                    "1" => Some(BillingMode::YearlyMonthly),
                    other => {
                        w.fail_at(
                            "os.modelarts/billing.mode",
                            format!(
                                "Unknown billing mode {}: use \"0\" (Pay-per-use) or \"1\" (Yearly/Monthly).",
                                quoted(other)
                            ),
                        );
                        None
                    }
                });
            let period = w.opt_string(annotations, "os.modelarts/period.type");
            let months = w.u32_in(annotations, "os.modelarts/period.num", Need::Nullable);
            w.flag(annotations, "os.modelarts/auto.renew");
            let duration = match (period, months) {
                (Some("3"), _) => Some(RequiredDuration::Year),
                (Some("2"), Some(n)) => Some(RequiredDuration::Months(n)),
                (Some("2"), None) => {
                    w.fail_at(
                        "os.modelarts/period.num",
                        "A term in months needs its number of months.",
                    );
                    None
                }
                (Some(other), _) => {
                    w.fail_at(
                        "os.modelarts/period.type",
                        format!(
                            "Unknown period type {}: use \"2\" (months) or \"3\" (year).",
                            quoted(other)
                        ),
                    );
                    None
                }
                (None, _) => {
                    if mode == Some(BillingMode::YearlyMonthly) {
                        w.fail_at(
                            "os.modelarts/period.type",
                            "A Yearly/Monthly pool needs its term: \"2\" (months) or \"3\" (year).",
                        );
                    }
                    None
                }
            };
            (mode, duration)
        })
    }

    fn pool_id(&mut self, index: usize, id: &'a str) {
        if !self.text("name", id, resource_id) {
            return;
        }
        if let Some(first) = self.pool_ids.get(id) {
            let message = format!(
                "The pool name (ID) {} is also used by pools.items[{first}].",
                quoted(id)
            );
            self.fail_at("name", message);
            return;
        }
        self.pool_ids.insert(id, index);
        self.not_in_other_region("name", id);
        // A service of the file with this id is reported at the service.
        if self.existing_services.contains_key(id) && !self.file_service_ids.contains(id) {
            self.fail_at(
                "name",
                format!(
                    "The ID {} is also a service's: IDs are unique in the account.",
                    quoted(id)
                ),
            );
        }
    }

    fn pool_name(&mut self, index: usize, name: &'a str, own_id: Option<&str>) {
        if !self.text("os.modelarts/name", name, create::pool_name) {
            return;
        }
        if let Some(first) = self.pool_names.get(name) {
            let message = format!(
                "The name {name} is also used by pools.items[{first}]; names are unique in the region."
            );
            self.fail_at("os.modelarts/name", message);
            return;
        }
        self.pool_names.insert(name, index);
        if let Some(&holder) = self.existing_pool_names.get(name) {
            if own_id != Some(holder) && !self.file_pools.contains_key(holder) {
                let message = format!(
                    "A resource pool named {name} already exists in {}.",
                    self.region_name()
                );
                self.fail_at("os.modelarts/name", message);
            }
        }
    }

    /// Type, scope, the one resource and the network; returns the pool's type and nodes.
    fn pool_spec(&mut self, obj: &'a Object) -> (Option<PoolType>, Option<u32>) {
        self.constant(obj, "type", "Dedicated", Need::Required);
        let pool_type = self
            .array(obj, "scope")
            .and_then(|scope| self.pool_scope(scope));
        let mut count = None;
        if let Some(resources) = self.array(obj, "resources") {
            if resources.len() != 1 {
                self.fail_at(
                    "resources",
                    format!(
                        "A dedicated pool has exactly one resources entry; this one has {}.",
                        resources.len()
                    ),
                );
            }
            self.within(Step::Key("resources"), |w| {
                for (i, resource) in resources.iter().enumerate() {
                    w.within(Step::Index(i), |w| {
                        let n = w.pool_resource(resource);
                        if i == 0 {
                            count = n;
                        }
                    });
                }
            });
        }
        if let Some(count) = count {
            self.file_nodes += u64::from(count);
        }
        if let Some(network) = self.object_in(obj, "network", Need::Nullable) {
            if pool_type == Some(PoolType::DevelopmentTraining) {
                self.fail_at(
                    "network",
                    "Only Dedicated for Service Deployment pools have a custom network.",
                );
            }
            self.within(Step::Key("network"), |w| w.pool_network(network));
        }
        (pool_type, count)
    }

    fn pool_scope(&mut self, scope: &'a [Value]) -> Option<PoolType> {
        let mut names = Vec::new();
        let mut ok = true;
        self.within(Step::Key("scope"), |w| {
            for (i, s) in scope.iter().enumerate() {
                match s.as_str() {
                    Some(name @ ("Train" | "Infer" | "Notebook")) => names.push(name),
                    Some(other) => {
                        ok = false;
                        w.within(Step::Index(i), |w| {
                            w.fail(format!(
                                "Unknown scope {}: use Train, Infer or Notebook.",
                                quoted(other)
                            ))
                        });
                    }
                    None => {
                        ok = false;
                        w.within(Step::Index(i), |w| {
                            w.fail(format!("Expected a string, found {}.", describe(s)))
                        });
                    }
                }
            }
        });
        if !ok {
            return None;
        }
        crate::sort::sort(&mut names);
        match names.as_slice() {
            ["Infer"] => Some(PoolType::ServiceDeployment),
            ["Notebook", "Train"] => Some(PoolType::DevelopmentTraining),
            _ => {
                self.fail_at(
                    "scope",
                    "Use [\"Infer\"] (Dedicated for Service Deployment) or [\"Train\", \"Notebook\"] (Dedicated for Development/Training).",
                );
                None
            }
        }
    }

    /// Flavor, node count and AZs of the pool's resource; returns the node count.
    fn pool_resource(&mut self, resource: &'a Value) -> Option<u32> {
        let Some(obj) = resource.as_object() else {
            self.fail(format!("Expected an object, found {}.", describe(resource)));
            return None;
        };
        if let Some(flavor) = self.string(obj, "flavor") {
            if self.console.catalog.flavor(flavor).is_none() {
                self.unknown_flavor("flavor", flavor);
            }
        }
        let count = self.u32(obj, "count").filter(|&n| {
            if n == 0 {
                self.fail_at("count", "A pool has at least 1 node.");
            }
            n > 0
        });
        if let Some(azs) = self.list(obj, "azs") {
            self.within(Step::Key("azs"), |w| {
                for (i, az) in azs.iter().enumerate() {
                    w.within(Step::Index(i), |w| {
                        let Some(az) = az.as_object() else {
                            w.fail(format!("Expected an object, found {}.", describe(az)));
                            return;
                        };
                        if let Some(name) = w.string(az, "az") {
                            w.known_az("az", name);
                        }
                        w.u32(az, "count");
                    });
                }
            });
        }
        count
    }

    fn known_az(&mut self, key: &'a str, az: &str) {
        if let Some(region) = self.region {
            if !region.azs.iter().any(|a| a == az) {
                let azs: Vec<&str> = region.azs.iter().map(String::as_str).collect();
                self.fail_at(
                    key,
                    format!(
                        "Unknown AZ {}: {} has {}.",
                        quoted(az),
                        region.name,
                        one_of(&azs)
                    ),
                );
            }
        }
    }

    /// VPC, subnet and security group of the region's network catalog, belonging together.
    fn pool_network(&mut self, obj: &'a Object) {
        let vpc_id = self.string(obj, "vpc_id");
        let subnet = self.string(obj, "subnet_id");
        let group = self.string(obj, "security_group_id");
        let (Some(region), Some(vpc_id)) = (self.region, vpc_id) else {
            return;
        };
        let Some(vpc) = region.vpc(vpc_id) else {
            let message = format!("The VPC {} is not in {}.", quoted(vpc_id), region.name);
            self.fail_at("vpc_id", message);
            return;
        };
        if let Some(subnet) = subnet {
            if !vpc.subnets.iter().any(|s| s.id == subnet) {
                let message = format!(
                    "The subnet {} is not in the VPC {}.",
                    quoted(subnet),
                    vpc.id
                );
                self.fail_at("subnet_id", message);
            }
        }
        if let Some(group) = group {
            if !vpc.security_groups.iter().any(|g| g.id == group) {
                let message = format!(
                    "The security group {} is not in the VPC {}.",
                    quoted(group),
                    vpc.id
                );
                self.fail_at("security_group_id", message);
            }
        }
    }

    fn pool_nodes(&mut self, nodes: &'a [Value], count: Option<u32>, phase: Option<PoolPhase>) {
        let mut live = 0u64;
        let mut all_ok = true;
        for (i, node) in nodes.iter().enumerate() {
            self.within(Step::Index(i), |w| {
                let Some(obj) = node.as_object() else {
                    w.fail(format!("Expected an object, found {}.", describe(node)));
                    all_ok = false;
                    return;
                };
                if let Some(name) = w.string(obj, "name") {
                    w.text("name", name, |_| Ok(()));
                }
                if let Some(az) = w.string(obj, "az") {
                    w.known_az("az", az);
                }
                if let Some(flavor) = w.string(obj, "flavor") {
                    if w.console.catalog.flavor(flavor).is_none() {
                        w.unknown_flavor("flavor", flavor);
                    }
                }
                let status = w.string(obj, "status").and_then(|s| {
                    let status = [
                        NodeStatus::Creating,
                        NodeStatus::Available,
                        NodeStatus::Abnormal,
                        NodeStatus::Deleting,
                    ]
                    .into_iter()
                    .find(|n| n.label() == s);
                    if status.is_none() {
                        w.fail_at(
                            "status",
                            format!(
                                "Unknown node status {}: use Creating, Available, Abnormal or Deleting.",
                                quoted(s)
                            ),
                        );
                    }
                    status
                });
                match status {
                    Some(NodeStatus::Deleting) => {}
                    Some(_) => live += 1,
                    None => all_ok = false,
                }
            });
        }
        if let (true, Some(count), Some(phase)) = (all_ok, count, phase) {
            if phase != PoolPhase::Deleting && live != u64::from(count) {
                self.fail(format!(
                    "The pool lists {live} nodes that are not being deleted, but spec.resources[0].count is {count}."
                ));
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn paths_render_like_json_paths() {
        let path = [
            Step::Key("pools"),
            Step::Key("items"),
            Step::Index(0),
            Step::Key("metadata"),
            Step::Key("labels"),
        ];
        assert_eq!(
            render(&path, Some(Step::Key("os.modelarts/name"))),
            "pools.items[0].metadata.labels[\"os.modelarts/name\"]"
        );
        assert_eq!(render(&[], None), "$");
        assert_eq!(render(&[Step::Key("1x")], None), "[\"1x\"]");
    }

    #[test]
    fn the_scan_ignores_brackets_and_commas_in_strings() {
        let deep = "[".repeat(MAX_IMPORT_DEPTH);
        assert_eq!(scan(&deep), Scan::Fits);
        assert_eq!(scan(&format!("{deep}[")), Scan::TooDeep);
        let quoted = format!(
            "{{\"a\": \"{}\\\"{}\"}}",
            "[".repeat(100),
            ",".repeat(3_000_000)
        );
        assert_eq!(scan(&quoted), Scan::Fits);
        let many = format!("[{}0]", "0,".repeat(MAX_IMPORT_VALUES));
        assert_eq!(scan(&many), Scan::TooMany);
    }

    #[test]
    fn quoting_shortens_long_strings() {
        assert_eq!(quoted("ab\"c"), "\"ab\\\"c\"");
        let long = "x".repeat(100);
        assert_eq!(quoted(&long), format!("\"{}…\"", "x".repeat(40)));
    }
}

use crate::catalog::{CatalogError, CatalogItem};
use crate::clock::MAX_SPEED;
use crate::event::MAX_EVENTS;
use crate::format::{datetime, thousands};
use crate::invariants::quoted;
use crate::pool::{PoolType, USAGE_KEPT};
use crate::realtime::MAX_REAL_TIME_SERVICES;
use crate::service::deploy::MAX_BATCH_SERVICES;
use crate::service::MAX_RUNS;
use crate::snapshot::{Damage, Invalid, OldShape, SnapshotError, Unreadable, MAX_TIME, VERSION};
use crate::text::{English, Labels, Messages, Transfer};
use crate::transfer::{
    Expected, ExportScope, Found, ImportError, ImportErrors, ImportPlan, ImportProblem,
    ResourceKind, MAX_IMPORT_BYTES, MAX_IMPORT_DEPTH, MAX_IMPORT_VALUES, SCHEMA,
};

const QUOTA_ADVICE: &str =
    "Delete services that are no longer needed, or turn off Settings > Enforce account quotas.";
const NOT_AN_EXPORT: &str = "the file is not an export of this console";
const NOT_LOADED: &str = "its reader could not be loaded; check your network connection";

/// `a, b or c`.
fn one_of<S: AsRef<str>>(values: &[S]) -> String {
    match values {
        [] => String::new(),
        [one] => one.as_ref().to_string(),
        [init @ .., last] => {
            let init: Vec<&str> = init.iter().map(AsRef::as_ref).collect();
            format!("{} or {}", init.join(", "), last.as_ref())
        }
    }
}

/// `1 service`, `3 pools`.
fn count_of(n: usize, one: &str, many: &str) -> String {
    format!(
        "{} {}",
        thousands(n as u64),
        if n == 1 { one } else { many }
    )
}

fn found(found: &Found) -> String {
    match found {
        Found::Null => "null".into(),
        Found::Bool(b) => b.to_string(),
        Found::Number(n) => n.clone(),
        Found::String => "a string".into(),
        Found::Text(s) => quoted(s),
        Found::Array => "an array".into(),
        Found::Object => "an object".into(),
        Found::OtherType => "another type".into(),
        Found::OtherValue => "another value".into(),
    }
}

fn expected(expected: &Expected) -> &str {
    match expected {
        Expected::String => "a string",
        Expected::Bool => "true or false",
        Expected::Array => "an array",
        Expected::Object => "an object",
        Expected::Number => "a number",
        Expected::Integer => "an integer",
        Expected::NodeCount => "a number of nodes or a list of node names",
        Expected::Other(other) => other,
    }
}

fn noun(kind: ResourceKind) -> &'static str {
    match kind {
        ResourceKind::Service => "service",
        ResourceKind::Pool => "resource pool",
        ResourceKind::RealTime => "real-time service",
    }
}

/// A field's key as a message names its value: `mapping_type` the mapping type,
/// `os.modelarts/billing.mode` the billing mode.
fn humanized(key: &str) -> String {
    let key = key.rsplit('/').next().unwrap_or(key);
    key.replace(['_', '.'], " ")
}

/// serde's words as a sentence: capitalised, with a period.
fn sentence(text: &str) -> String {
    let mut chars = text.chars();
    let first = chars.next().map(|c| c.to_ascii_uppercase());
    format!(
        "{}{}.",
        first.map(String::from).unwrap_or_default(),
        chars.as_str()
    )
}

fn damage(damage: &Damage) -> &str {
    match damage {
        Damage::NoPrefix => "no prefix",
        Damage::NoRevision => "no revision",
        Damage::NoCount => "no count",
        Damage::BadCount => "bad count",
        Damage::TextAfterLastBlock => "text after the last block",
        Damage::TooLong => "too long",
        Damage::ShorterThanSize => "shorter than its size",
        Damage::NoLength => "no length",
        Damage::BadLength => "bad length",
        Damage::Truncated => "truncated",
        Damage::UnexpectedCharacter => "unexpected character",
        Damage::NotText => "not text",
        Damage::NoHead => "no head",
        Damage::Lz4(why) => why,
    }
}

fn old_shape(shape: OldShape) -> &'static str {
    match shape {
        OldShape::State => "state is not an object",
        OldShape::Regions => "regions is not an object",
        OldShape::Services => "services is not a list",
        OldShape::Service => "a service is not an object",
        OldShape::Event => "an event is not an object",
        OldShape::EventTime => "an event has no time",
        OldShape::EventTimeValue => "an event's time is not a time",
    }
}

fn catalog_item(item: CatalogItem) -> &'static str {
    match item {
        CatalogItem::Region => "region",
        CatalogItem::Vpc => "VPC",
        CatalogItem::Subnet => "subnet",
        CatalogItem::SecurityGroup => "security group",
        CatalogItem::Flavor => "flavor",
        CatalogItem::Model => "model",
        CatalogItem::ModelVersion => "model version",
    }
}

impl Transfer for English {
    fn import_problem(&self, problem: &ImportProblem) -> String {
        use ImportProblem as P;
        match problem {
            P::TooLarge { bytes } => format!(
                "The file has {} bytes; at most {} bytes ({} MiB) can be imported.",
                thousands(*bytes),
                thousands(MAX_IMPORT_BYTES as u64),
                MAX_IMPORT_BYTES >> 20
            ),
            P::UnreadableFile => "The file cannot be read as text.".into(),
            P::TooDeep => format!(
                "The file nests arrays and objects more than {MAX_IMPORT_DEPTH} levels deep; an export nests 7."
            ),
            P::TooManyValues => format!(
                "The file holds more than {} JSON values; an export holds about 50 per service.",
                thousands(MAX_IMPORT_VALUES as u64)
            ),
            P::NotJson(error) => format!("The file is not valid JSON: {error}."),
            P::NotAnObject(f) => format!(
                "The file is not an export of this console: expected a JSON object, found {}.",
                found(f)
            ),
            P::SavedState => "This is a saved console state, not an export: export from the Batch Services list, a resource pools list or Settings.".into(),
            P::NotAnExport(f) => format!(
                "Expected {}, found {}: {NOT_AN_EXPORT}.",
                quoted(SCHEMA),
                found(f)
            ),
            P::NoSchema => format!("This field is required: {NOT_AN_EXPORT}."),
            P::Said(text) => text.clone(),
            P::Required => "This field is required.".into(),
            P::GivenTwice => "This key is given twice.".into(),
            P::UnknownVariant {
                key,
                value,
                allowed,
            } => format!(
                "Unknown {} {}: use {}.",
                key.as_deref().map_or_else(|| "value".into(), humanized),
                quoted(value),
                one_of(allowed)
            ),
            P::Expected {
                expected: e,
                found: f,
            } => format!("Expected {}, found {}.", expected(e), found(f)),
            P::Negative => "Must not be negative.".into(),
            P::AtMost(max) => format!("Must be at most {}.", thousands(*max)),
            P::Unreadable(text) => sentence(text),
            P::UnknownRegion { region, regions } => format!(
                "Unknown region {}: use {}.",
                quoted(region),
                one_of(regions)
            ),
            P::NoResources => "The file holds neither services nor pools.".into(),
            P::CountMismatch { held, count } => format!(
                "The list holds {} services, not {count}.",
                thousands(*held as u64)
            ),
            P::TotalBelowCount => "Must not be less than count.".into(),
            P::TooManyRealTime { after } => format!(
                "The account may have at most {MAX_REAL_TIME_SERVICES} real-time services; with this file it would have {after}. {QUOTA_ADVICE}"
            ),
            P::TooManyBatch { after } => format!(
                "The account may have at most {} batch services; with this file it would have {}. {QUOTA_ADVICE}",
                thousands(MAX_BATCH_SERVICES as u64),
                thousands(*after as u64)
            ),
            P::PoolWouldOverfill { held, pool, nodes } => format!(
                "Real-time services would occupy {held} node(s) of the dedicated resource pool {pool}, which has {nodes}."
            ),
            P::NodeQuota {
                nodes,
                region,
                quota,
            } => format!(
                "The region's pools would hold {} nodes, more than the node quota of {region} ({quota} nodes).",
                thousands(*nodes)
            ),
            P::BadId => {
                "An ID has 1 to 64 characters: letters, digits, hyphens (-) and underscores (_)."
                    .into()
            }
            P::AfterNow { time, now } => format!(
                "The time {} is after the console's current time, {}.",
                datetime(*time, 0),
                datetime(*now, 0)
            ),
            P::AfterYear9999 => "The time is after the year 9999.".into(),
            P::TooLongMs => format!("Must be at most {} ms.", thousands(MAX_TIME)),
            P::NotAmount => "Must be a number of 0 or more.".into(),
            P::ControlCharacter(code) => format!(
                "Contains the control character U+{code:04X}: only tab and newline are allowed in text."
            ),
            P::TooManyEvents(n) => format!(
                "At most {MAX_EVENTS} events are kept per resource; this one has {}.",
                thousands(*n as u64)
            ),
            P::IdElsewhere { id, kind, region } => format!(
                "The ID {} already belongs to a {} in {region}: IDs are unique in the account.",
                quoted(id),
                noun(*kind)
            ),
            P::IdOfOtherKind { id, kind } => format!(
                "The ID {} is also a {}'s: IDs are unique in the account.",
                quoted(id),
                noun(*kind)
            ),
            P::IdUsed { kind, id, by } => {
                let what = match kind {
                    ResourceKind::Service | ResourceKind::RealTime => "service_id",
                    ResourceKind::Pool => "pool name (ID)",
                };
                format!("The {what} {} is also used by {by}.", quoted(id))
            }
            P::NameUsed { name, by } => format!(
                "The name {name} is also used by {by}; names are unique in the region."
            ),
            P::NameExists { kind, name, region } => format!(
                "A {} named {name} already exists in {region}.",
                noun(*kind)
            ),
            P::Speed => format!("The simulation speed is 1x to {MAX_SPEED}x."),
            P::Rule(violation) => self.violation(violation),
            P::UnknownInferType(value) => format!(
                "Unknown infer_type {}: use batch or real-time.",
                quoted(value)
            ),
            P::BatchWaits => "A batch service never waits for resources: \"waiting\" is a real-time service's status.".into(),
            P::Percentage => "Must be a percentage from 0 to 100.".into(),
            P::NoErrorMessage => "A failed service needs its error message.".into(),
            P::ConfigEntries(n) => {
                format!("A batch service has exactly one config entry; this one has {n}.")
            }
            P::UnknownModel(id) => format!("The model {} is not in the catalog.", quoted(id)),
            P::ModelName {
                model_id,
                name,
                given,
            } => format!(
                "The model {model_id} is named {name}, not {}.",
                quoted(given)
            ),
            P::NoVersion {
                model,
                version,
                versions: Some(versions),
            } => format!(
                "The model {model} has no version {}: its versions are {}.",
                quoted(version),
                one_of(versions)
            ),
            P::NoVersion { model, version, .. } => {
                format!("The model {model} has no version {}.", quoted(version))
            }
            P::UnknownFlavor { flavor, flavors } => format!(
                "Unknown specifications {}: the catalog has {}.",
                quoted(flavor),
                one_of(flavors)
            ),
            P::PoolNotFound { pool, region } => format!(
                "The dedicated resource pool {} is neither in the file nor in {region}.",
                quoted(pool)
            ),
            P::PoolNotForServices { pool } => format!(
                "{pool} is {}: only pools of type {} can run services.",
                self.pool_type(PoolType::DevelopmentTraining),
                self.pool_type(PoolType::ServiceDeployment)
            ),
            P::UnknownEdgeNode { node, region } => format!(
                "The edge node {} is not registered in {region}.",
                quoted(node)
            ),
            P::UnknownEdgePool { pool, region } => format!(
                "The edge resource pool {} is not registered in {region}.",
                quoted(pool)
            ),
            P::SettledCost => "Must be the cost before the open run: with a run open, the cost is this plus the run's cost.".into(),
            P::TooManyRuns(n) => format!(
                "At most {MAX_RUNS} runs are kept per service; this one has {}.",
                thousands(*n as u64)
            ),
            P::ExpectedText { expected, found } => {
                format!("Expected {}, found {}.", quoted(expected), quoted(found))
            }
            P::PoolScope => "Use [\"Infer\"] (Dedicated for Service Deployment) or [\"Train\", \"Notebook\"] (Dedicated for Development/Training).".into(),
            P::NetworkOfTraining => {
                "Only Dedicated for Service Deployment pools have a custom network.".into()
            }
            P::NoTermEnd => "A Yearly/Monthly pool needs the end of its term.".into(),
            P::UsageHistory => format!(
                "A pool's use over time holds at most {USAGE_KEPT} changes, in time order, from its creation on."
            ),
            P::MonthsWithoutNumber => "A term in months needs its number of months.".into(),
            P::UnknownPeriodType(value) => format!(
                "Unknown period type {}: use \"2\" (months) or \"3\" (year).",
                quoted(value)
            ),
            P::NoTerm => {
                "A Yearly/Monthly pool needs its term: \"2\" (months) or \"3\" (year).".into()
            }
            P::ResourceEntries(n) => {
                format!("A dedicated pool has exactly one resources entry; this one has {n}.")
            }
            P::NoNodes => "A pool has at least 1 node.".into(),
            P::UnknownAz { az, region, azs } => format!(
                "Unknown AZ {}: {region} has {}.",
                quoted(az),
                one_of(azs)
            ),
            P::UnknownVpc { vpc, region } => {
                format!("The VPC {} is not in {region}.", quoted(vpc))
            }
            P::UnknownSubnet { subnet, vpc } => {
                format!("The subnet {} is not in the VPC {vpc}.", quoted(subnet))
            }
            P::UnknownSecurityGroup { group, vpc } => format!(
                "The security group {} is not in the VPC {vpc}.",
                quoted(group)
            ),
            P::LiveNodes { live, count } => format!(
                "The pool lists {live} nodes that are not being deleted, but spec.resources[0].count is {count}."
            ),
            P::RealTimeCompletes => "A real-time service never completes: \"finished\" is a batch service's status.".into(),
            P::FailedInvocations => {
                "There cannot be more failed calls than calls (invocation_times).".into()
            }
            P::FailedCalls => "There cannot be more failed calls than calls.".into(),
            P::Schedules => "A service has at most one Auto Stop schedule.".into(),
            P::ScheduleType => "The only schedule is \"stop\" (Auto Stop).".into(),
            P::ScheduleUnit => "Auto Stop is counted in \"HOURS\".".into(),
            P::ScheduleHours => "Auto Stop stops the service 1 to 24 hours later.".into(),
            P::RealTimeOnEdge => "A real-time service runs on the public resource pool or a dedicated resource pool.".into(),
            P::Traffic => "Too many simulated calls per minute.".into(),
            P::Phase => "There are five deployment phases (0-4).".into(),
            P::NoModelVersions => "A real-time service has at least one model version.".into(),
            P::WeightSum(sum) => format!(
                "The traffic ratios (weight) add up to {sum}: they must add up to exactly 100."
            ),
            P::OtherModel => "Every version must be of the same model as the first.".into(),
            P::VersionTwice(version) => format!(
                "The version {} is configured twice: the versions must be unique.",
                quoted(version)
            ),
            P::Timeout { low, high } => {
                format!("Must be a whole number of minutes from {low} to {high}.")
            }
            P::RollingNotAnswering => {
                "Only a Running or Alarm service is upgraded without interruption.".into()
            }
            P::RollingWithoutUpdate => {
                "A rolling upgrade belongs to the update in progress in updates.".into()
            }
            P::RollingUntil => "A rolling upgrade ends 30 seconds after its update started.".into(),
            P::NotPrice => "Must be a price of zero or more.".into(),
            P::PoolOccupied { held, pool, nodes } => {
                format!("Real-time services occupy {held} node(s) of {pool}, which has {nodes}.")
            }
        }
    }

    fn import_error(&self, error: &ImportError) -> String {
        format!("{}: {}", error.path, self.import_problem(&error.problem))
    }

    fn import_errors(&self, errors: &ImportErrors) -> String {
        let mut lines: Vec<String> = errors.errors.iter().map(|e| self.import_error(e)).collect();
        match errors.unlisted {
            0 => {}
            1 => lines.push("and 1 more error.".into()),
            n => lines.push(format!("and {} more errors.", thousands(n as u64))),
        }
        lines.join("\n")
    }

    fn import_summary(&self, plan: &ImportPlan) -> String {
        let mut parts = Vec::new();
        if plan.scope.includes_services() {
            parts.push(count_of(plan.services.imported(), "service", "services"));
        }
        if plan.scope.includes_pools() {
            parts.push(count_of(plan.pools.imported(), "pool", "pools"));
        }
        if plan.added() + plan.replaced() == 0 {
            return format!(
                "The file holds nothing to import into {}.",
                plan.region_name
            );
        }
        format!(
            "{} will be imported into {}: {} added, {} replaced.",
            parts.join(" and "),
            plan.region_name,
            thousands(plan.added() as u64),
            thousands(plan.replaced() as u64)
        )
    }

    fn imported(
        &self,
        region_name: &str,
        scope: ExportScope,
        services: usize,
        pools: usize,
        added: usize,
        replaced: usize,
    ) -> String {
        if services + pools == 0 {
            let what = match scope {
                ExportScope::All => "services or pools",
                ExportScope::Services | ExportScope::RealTimeServices => "services",
                ExportScope::Pools => "pools",
            };
            return format!("The file holds no {what}: nothing was imported.");
        }
        let mut parts = Vec::new();
        if scope.includes_services() {
            parts.push(count_of(services, "service", "services"));
        }
        if scope.includes_pools() {
            parts.push(count_of(pools, "pool", "pools"));
        }
        let mut changes = Vec::new();
        if added > 0 {
            changes.push(format!("{} added", thousands(added as u64)));
        }
        if replaced > 0 {
            changes.push(format!("{} replaced", thousands(replaced as u64)));
        }
        format!(
            "Imported {} into {region_name}: {}.",
            parts.join(" and "),
            changes.join(", ")
        )
    }

    fn snapshot_error(&self, error: &SnapshotError) -> String {
        match error {
            SnapshotError::Unreadable(why) => {
                let why = match why {
                    Unreadable::Parser(text) => text.clone(),
                    Unreadable::Damaged(d) => {
                        format!("the packed data is damaged ({})", damage(d))
                    }
                    Unreadable::ReaderNotLoaded { older_form: true } => {
                        format!("it was saved in an older form, and {NOT_LOADED}")
                    }
                    Unreadable::ReaderNotLoaded { older_form: false } => NOT_LOADED.into(),
                };
                format!("the saved data is not readable ({why})")
            }
            SnapshotError::ForeignSchema(schema) => {
                format!("the saved data belongs to another application (schema \"{schema}\")")
            }
            SnapshotError::UnsupportedVersion(v) => format!(
                "the saved data has version {v}, but this console reads up to version {VERSION}"
            ),
            SnapshotError::Invalid(why) => {
                let why = match why {
                    Invalid::Parser(text) => text.clone(),
                    Invalid::NoState => "no state".into(),
                    Invalid::OldStoredForm(v) => {
                        format!("a stored form of version {v} that only version {VERSION} writes")
                    }
                    Invalid::BinaryVersion(v) => format!("a binary snapshot of version {v}"),
                    Invalid::UnknownRegion(region) => format!("unknown region {region}"),
                    Invalid::OldShape(shape) => old_shape(*shape).into(),
                    Invalid::Rule(error) => self.import_error(error),
                };
                format!("the saved data is inconsistent ({why})")
            }
        }
    }

    fn catalog_error(&self, error: &CatalogError) -> String {
        let why = match error {
            CatalogError::Json(text) => text.clone(),
            CatalogError::NoRegions => "no regions".into(),
            CatalogError::NoFlavors => "no flavors".into(),
            CatalogError::EmptyId(item) => format!("a {} has an empty id", catalog_item(*item)),
            CatalogError::Duplicate(item, id) => {
                format!("duplicate {} {id}", catalog_item(*item))
            }
            CatalogError::DefaultRegion(region) => {
                format!("default region {region} is not listed")
            }
            CatalogError::RegionIncomplete(region) => {
                format!("region {region} needs AZs and a node quota")
            }
            CatalogError::Price(flavor) => format!("flavor {flavor} has an invalid price"),
            CatalogError::SoldOutIn { flavor, region } => {
                format!("flavor {flavor} is sold out in unknown region {region}")
            }
            CatalogError::NoVersions(model) => format!("model {model} has no versions"),
            CatalogError::ReaderNotLoaded => NOT_LOADED.into(),
        };
        format!("invalid catalog: {why}")
    }
}

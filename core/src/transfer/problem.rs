//! What is wrong with an import file, or with saved data, at one JSON path: typed values,
//! which each language speaks ([`crate::text::Transfer::import_problem`]). A load checks a
//! saved state with the same rules and words as an import ([`crate::invariants`]).
//!
//! Values from the file (ids, names, strings) are kept as they are and quoted when spoken.

use std::fmt;

use crate::text::{English, Transfer};
use crate::validation::Violation;
use crate::Millis;

/// What holds an id or a name.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum ResourceKind {
    /// A batch service.
    Service,
    Pool,
    RealTime,
}

/// What a value of the file is, as "found …" says it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Found {
    Null,
    Bool(bool),
    /// A number, as the file writes it.
    Number(String),
    /// A string, its value not shown.
    String,
    /// A string shown (quoted).
    Text(String),
    Array,
    Object,
    /// The value at fault is not known: of another type.
    OtherType,
    /// The value at fault is not known.
    OtherValue,
}

/// What a value should have been, as "Expected …" says it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Expected {
    String,
    Bool,
    Array,
    Object,
    Number,
    Integer,
    /// A pool event's nodes.
    NodeCount,
    /// What serde names it (an English phrase of serde's).
    Other(String),
}

/// One problem of an import file or of saved data, without its path.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum ImportProblem {
    // ---- the file as a whole ---------------------------------------------------------------
    /// A file of `bytes` over [`super::MAX_IMPORT_BYTES`].
    TooLarge {
        bytes: u64,
    },
    /// The browser could not read the file as text.
    UnreadableFile,
    /// Nested deeper than [`super::MAX_IMPORT_DEPTH`].
    TooDeep,
    /// More than [`super::MAX_IMPORT_VALUES`] values.
    TooManyValues,
    /// Not JSON: serde_json's words.
    NotJson(String),
    /// JSON, but not an object.
    NotAnObject(Found),
    /// A saved console state, not an export.
    SavedState,
    /// `schema` is not an export's.
    NotAnExport(Found),
    /// `schema` is missing.
    NoSchema,
    /// A text already in the reader's language (the app's words for a refused import).
    Said(String),

    // ---- structure -------------------------------------------------------------------------
    /// A field is missing.
    Required,
    /// A key is given twice in an object.
    GivenTwice,
    /// A value that is none of an enum's names; `key` names the field (`mapping_type`).
    UnknownVariant {
        key: Option<String>,
        value: String,
        allowed: Vec<String>,
    },
    /// A value of the wrong type.
    Expected {
        expected: Expected,
        found: Found,
    },
    /// A negative number where an unsigned one belongs.
    Negative,
    /// A number above `max`.
    AtMost(u64),
    /// Any other structural error: serde's words.
    Unreadable(String),

    // ---- the envelope and the quotas -------------------------------------------------------
    /// The catalog has no such region; `regions` are its ids.
    UnknownRegion {
        region: String,
        regions: Vec<String>,
    },
    /// Neither `services` nor `pools`.
    NoResources,
    /// `count` is not the number of services listed (`held`).
    CountMismatch {
        held: usize,
        count: usize,
    },
    /// `total_count` below `count`.
    TotalBelowCount,
    /// The account would have `after` real-time services, over its limit.
    TooManyRealTime {
        after: usize,
    },
    /// The account would have `after` batch services, over its limit.
    TooManyBatch {
        after: usize,
    },
    /// With the file, real-time services would hold `held` nodes of a pool of `nodes`.
    PoolWouldOverfill {
        held: u32,
        pool: String,
        nodes: u32,
    },
    /// The region's pools would hold `nodes`, over the region's node quota.
    NodeQuota {
        nodes: u64,
        region: String,
        quota: u32,
    },

    // ---- rules of any field ----------------------------------------------------------------
    /// Not an id: 1 to 64 letters, digits, `-`, `_`.
    BadId,
    /// A time after the console's current time.
    AfterNow {
        time: Millis,
        now: Millis,
    },
    /// A time after the year 9999.
    AfterYear9999,
    /// A duration over [`crate::snapshot::MAX_TIME`] ms.
    TooLongMs,
    /// Not an amount of 0 or more.
    NotAmount,
    /// A control character (its code point) in text.
    ControlCharacter(u32),
    /// More events than a resource keeps; the number it has.
    TooManyEvents(usize),
    /// An id of another region's resource; `region` is that region's name.
    IdElsewhere {
        id: String,
        kind: ResourceKind,
        region: String,
    },
    /// An id of a resource of another kind.
    IdOfOtherKind {
        id: String,
        kind: ResourceKind,
    },
    /// An id used twice; `by` is the other one's path, or its region's name.
    IdUsed {
        kind: ResourceKind,
        id: String,
        by: String,
    },
    /// A name used twice in the region; `by` is the other one's path.
    NameUsed {
        name: String,
        by: String,
    },
    /// A name a resource the region keeps has.
    NameExists {
        kind: ResourceKind,
        name: String,
        region: String,
    },
    /// A simulation speed out of range.
    Speed,
    /// A form's rule (Deploy, Create Dedicated Resource Pool), in the form's words.
    Rule(Violation),

    // ---- a service -------------------------------------------------------------------------
    /// A batch service's `infer_type` that is neither kind's.
    UnknownInferType(String),
    /// A batch service `waiting`.
    BatchWaits,
    /// A progress over 100.
    Percentage,
    /// A failed service without `error_msg`.
    NoErrorMessage,
    /// A batch service's config entries (not one).
    ConfigEntries(usize),
    /// A model id the catalog does not have.
    UnknownModel(String),
    /// A model's name that is not the catalog's.
    ModelName {
        model_id: String,
        name: String,
        given: String,
    },
    /// A version the model does not have; `versions` lists those it has (a batch service's
    /// message names them).
    NoVersion {
        model: String,
        version: String,
        versions: Option<Vec<String>>,
    },
    /// Specifications the catalog does not have; `flavors` are its ids.
    UnknownFlavor {
        flavor: String,
        flavors: Vec<String>,
    },
    /// A dedicated pool neither in the file nor in the region (its name).
    PoolNotFound {
        pool: String,
        region: String,
    },
    /// A pool of type Dedicated for Development/Training as a service's location.
    PoolNotForServices {
        pool: String,
    },
    UnknownEdgeNode {
        node: String,
        region: String,
    },
    UnknownEdgePool {
        pool: String,
        region: String,
    },
    /// `settled_cost` that is not the cost before the open run.
    SettledCost,
    /// More billing runs than a service keeps; the number it has.
    TooManyRuns(usize),
    /// A fixed value (`expected`, shown quoted) that is something else.
    ExpectedText {
        expected: &'static str,
        found: String,
    },

    // ---- a pool ----------------------------------------------------------------------------
    /// `spec.scope` of neither pool type.
    PoolScope,
    /// A custom network on a Development/Training pool.
    NetworkOfTraining,
    /// A Yearly/Monthly pool without `expires_at`.
    NoTermEnd,
    /// A pool's use over time out of time order, before its creation, or longer than it keeps.
    UsageHistory,
    /// A term in months without their number.
    MonthsWithoutNumber,
    UnknownPeriodType(String),
    /// A Yearly/Monthly pool without its term.
    NoTerm,
    /// A pool's resources entries (not one).
    ResourceEntries(usize),
    /// A pool of 0 nodes.
    NoNodes,
    /// An AZ the region does not have; `azs` are those it has.
    UnknownAz {
        az: String,
        region: String,
        azs: Vec<String>,
    },
    UnknownVpc {
        vpc: String,
        region: String,
    },
    UnknownSubnet {
        subnet: String,
        vpc: String,
    },
    UnknownSecurityGroup {
        group: String,
        vpc: String,
    },
    /// `live` nodes not being deleted, for a pool of `count`.
    LiveNodes {
        live: usize,
        count: u32,
    },

    // ---- a real-time service ---------------------------------------------------------------
    /// A real-time service `finished`.
    RealTimeCompletes,
    /// More failed calls than `invocation_times`.
    FailedInvocations,
    /// A minute of more failed calls than calls.
    FailedCalls,
    /// More than one Auto Stop schedule.
    Schedules,
    /// A schedule that is not `stop`.
    ScheduleType,
    /// A schedule not in `HOURS`.
    ScheduleUnit,
    /// An Auto Stop not 1 to 24 hours.
    ScheduleHours,
    /// A real-time service on the edge.
    RealTimeOnEdge,
    /// Too many simulated calls per minute.
    Traffic,
    /// A deployment phase beyond the five.
    Phase,
    /// No model version.
    NoModelVersions,
    /// Traffic ratios adding up to this, not 100.
    WeightSum(u32),
    /// A version of another model than the first.
    OtherModel,
    /// A version configured twice.
    VersionTwice(String),
    /// A timeout out of `low..=high` minutes.
    Timeout {
        low: u32,
        high: u32,
    },
    /// A rolling upgrade of a service that does not answer calls.
    RollingNotAnswering,
    /// A rolling upgrade without an update in progress.
    RollingWithoutUpdate,
    /// A rolling upgrade's end that is not 30 seconds after its update.
    RollingUntil,
    /// Not a price of 0 or more.
    NotPrice,
    /// Real-time services hold `held` nodes of a pool of `nodes`.
    PoolOccupied {
        held: u32,
        pool: String,
        nodes: u32,
    },
}

impl From<Violation> for ImportProblem {
    fn from(violation: Violation) -> ImportProblem {
        ImportProblem::Rule(violation)
    }
}

impl fmt::Display for ImportProblem {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&English.import_problem(self))
    }
}

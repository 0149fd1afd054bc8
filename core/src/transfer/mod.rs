//! Export and import of one region's services (batch and real-time, one list told apart by
//! `infer_type`, as the API's) and dedicated resource pools as a JSON file a user can keep,
//! share, edit and load again.
//!
//! # The file
//!
//! ```json
//! {
//!   "schema": "modelarts-console-export",
//!   "console_version": "0.1.0",
//!   "exported_at": 1790000000000,
//!   "region": "cn-north-4",
//!   "services": { "total_count": 1, "count": 1, "services": [ { "service_id": "…", … } ] },
//!   "pools": { "apiVersion": "v2", "kind": "PoolList", "items": [ { "apiVersion": "v2", "kind": "Pool", "metadata": { … }, … } ] }
//! }
//! ```
//!
//! Why this shape:
//! - `services` is the answer of the real `GET /v1/{project_id}/services` and `pools` a v2
//!   `PoolList`, so every object keeps the API's names (the product rules' "Data shape") and a
//!   reader who knows the API knows the file. Each object also carries the sandbox's own fields
//!   (`location`, `billing`, `workload`, `events`, a pool's `nodes` …) exactly as the saved
//!   state holds them, so an import restores a resource as it was, not a look-alike.
//! - One region per file: resources, their names and the node quota belong to a region, and
//!   an import goes into the file's `region` (the plan names it, and the import selects it).
//! - Either part may be absent: the services list exports only services, the pools list only
//!   pools, Settings both ([`ExportScope`]). An absent part leaves that kind untouched on import.
//! - `schema` tells an export from a saved state or any other JSON; `console_version` and
//!   `exported_at` are for the reader (the format itself has no version: it is the API's).
//!
//! # Import
//!
//! A file comes from outside, so it is judged before anything changes
//! ([`crate::Console::plan_import`]): its size, nesting and number of values are bounded by a
//! scan before parsing (a hostile file cannot exhaust memory or the stack). Then the envelope
//! is read into the file's own types (`file.rs`) and each resource on its own, so a resource
//! that is not of the model's shape gets its structural error at its JSON path
//! (`services.services[3].config[0].instance_count: …`) while the others are still read. Each
//! resource read is checked with the state's invariants and those of creating it, with the
//! messages of Deploy and Create Dedicated Resource Pool (`invariants.rs`), so **every**
//! problem is reported, in file order. The plan says what will be added, replaced (same id
//! already in the region) and kept, for a preview; [`crate::Command::Import`] re-plans
//! against the state at apply time and applies the whole file or nothing.
//!
//! Strings are data: markup in a description or message is kept verbatim (the UI escapes
//! what it shows); control characters are refused in ids, names, descriptions and paths.
//!
//! What an import keeps as it was: an import never deletes (resources of the region that are
//! not in the file are kept); a resource keeps its id (same id in the region: replaced in
//! place) and its own times, so whatever fell due since it was exported (a deployment ending,
//! a term expiring) happens at the import, before the import's own event is recorded. Ids
//! stay unique in the account (an id of another region is refused), and ids generated later
//! skip those an import brought. The catalog checks are those of the resource's existence,
//! not of buying it: a sold-out flavor or a model version no longer Normal is accepted, as
//! for a service that already runs on it.

mod check;
mod export;
mod file;
mod import;
mod problem;

use std::fmt;

pub use export::export_file_name;
pub use import::{ImportGroup, ImportItem, ImportPlan};
pub use problem::{Expected, Found, ImportProblem, ResourceKind};

use crate::text::{English, Transfer};

/// Identifies an export file among other JSON (a saved state has `modelarts-console`).
pub const SCHEMA: &str = "modelarts-console-export";
/// The console version written into every export.
pub const CONSOLE_VERSION: &str = env!("CARGO_PKG_VERSION");
/// The largest file an import reads. Measured (`gen_state` states, through the commands): an
/// export of 10,000 services (ten times the account limit, possible with Settings > Enforce
/// account quotas off) is 17.2 MB pretty-printed (10.2 MB compact), about 1,700 bytes a
/// service; 32 MiB takes that with room to spare, while bounding what a file can make the
/// parser allocate.
pub const MAX_IMPORT_BYTES: usize = 32 << 20;
/// The most JSON values (numbers, strings, arrays, objects …) an import reads, counted by the
/// same scan: an export holds about 50 per service (500,000 for 10,000 services), while a
/// hostile file of tiny values (`[0,0,0,…]`) would hold 16 million within the size limit,
/// each a parsed value in memory.
pub const MAX_IMPORT_VALUES: usize = 2_000_000;
/// The deepest nesting of arrays and objects an import reads. An export nests 7 levels; the
/// limit is checked by a scan before parsing, so a file of 100,000 `[` is refused without
/// recursion.
pub const MAX_IMPORT_DEPTH: usize = 64;
/// At most this many errors are listed; the rest are counted ("and N more errors").
pub const MAX_LISTED_ERRORS: usize = 100;

/// What an export holds.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum ExportScope {
    /// Services and pools (Settings).
    All,
    /// The Batch Services list.
    Services,
    /// The Real-Time Services list.
    RealTimeServices,
    /// The resource pools list.
    Pools,
}

impl ExportScope {
    /// Whether the file has its services part (of batch or real-time services).
    pub fn includes_services(self) -> bool {
        !matches!(self, ExportScope::Pools)
    }

    pub fn includes_batch(self) -> bool {
        matches!(self, ExportScope::All | ExportScope::Services)
    }

    pub fn includes_real_time(self) -> bool {
        matches!(self, ExportScope::All | ExportScope::RealTimeServices)
    }

    pub fn includes_pools(self) -> bool {
        matches!(self, ExportScope::All | ExportScope::Pools)
    }

    /// The scope of a file holding these parts.
    pub(crate) fn of(services: bool, pools: bool) -> ExportScope {
        match (services, pools) {
            (true, false) => ExportScope::Services,
            (false, true) => ExportScope::Pools,
            _ => ExportScope::All,
        }
    }

    /// What the file name says it holds.
    pub fn slug(self) -> &'static str {
        match self {
            ExportScope::All => "console",
            ExportScope::Services => "batch-services",
            ExportScope::RealTimeServices => "real-time-services",
            ExportScope::Pools => "resource-pools",
        }
    }
}

/// One problem of an import file: where (a JSON path such as
/// `pools.items[0].metadata.labels["os.modelarts/name"]`, `$` for the whole file) and what.
/// The path is the API's, in every language.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ImportError {
    pub path: String,
    pub problem: ImportProblem,
}

impl fmt::Display for ImportError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&English.import_error(self))
    }
}

/// Every problem found in an import file, in file order (cross-checks last), the first
/// [`MAX_LISTED_ERRORS`] listed and the rest counted.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct ImportErrors {
    pub errors: Vec<ImportError>,
    /// Errors found beyond the listed ones.
    pub unlisted: usize,
}

impl ImportErrors {
    /// How many errors were found in all.
    pub fn total(&self) -> usize {
        self.errors.len() + self.unlisted
    }

    pub fn is_empty(&self) -> bool {
        self.total() == 0
    }

    pub(crate) fn push(&mut self, path: String, problem: ImportProblem) {
        if self.errors.len() < MAX_LISTED_ERRORS {
            self.errors.push(ImportError { path, problem });
        } else {
            self.unlisted += 1;
        }
    }

    /// A file of `bytes` over [`MAX_IMPORT_BYTES`] (the app says so before reading it).
    pub fn too_large(bytes: u64) -> ImportErrors {
        ImportErrors::whole(ImportProblem::TooLarge { bytes })
    }

    /// A file the browser could not read as text.
    pub fn unreadable_file() -> ImportErrors {
        ImportErrors::whole(ImportProblem::UnreadableFile)
    }

    /// A file refused as a whole (`$`).
    pub fn whole(problem: ImportProblem) -> ImportErrors {
        let mut errors = ImportErrors::default();
        errors.push("$".into(), problem);
        errors
    }
}

impl fmt::Display for ImportErrors {
    /// One error per line, then `and N more errors.` when some are not listed.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&English.import_errors(self))
    }
}

impl std::error::Error for ImportErrors {}

/// Follows JSON text byte by byte and tells whether each byte is outside every string
/// (escapes included), so a scan can act on the brackets, commas and colons between values
/// without parsing: the import's size check and the export's pretty-printer.
#[derive(Default)]
struct JsonStrings {
    in_string: bool,
    escaped: bool,
}

impl JsonStrings {
    /// Whether `b` is outside every string; the quotes that open and close one are not.
    fn outside(&mut self, b: u8) -> bool {
        if self.in_string {
            if self.escaped {
                self.escaped = false;
            } else if b == b'\\' {
                self.escaped = true;
            } else if b == b'"' {
                self.in_string = false;
            }
            false
        } else if b == b'"' {
            self.in_string = true;
            false
        } else {
            true
        }
    }
}

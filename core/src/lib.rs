//! Domain core of the ModelArts console sandbox.
//!
//! Every rule, state transition, validation and billing computation lives here, so the UI only
//! renders answers and every rule is testable natively. Nothing here reads a clock: time enters
//! as a `now` parameter in milliseconds since the Unix epoch (the API's `publish_at` unit).

pub mod catalog;
pub mod choice;
pub mod clock;
pub mod command;
pub mod console;
pub mod demo;
pub mod error;
pub mod event;
pub mod format;
pub mod ids;
mod invariants;
pub mod pool;
pub mod query;
pub mod realtime;
pub mod service;
pub mod snapshot;
pub mod sort;
mod tenant;
pub mod text;
mod timeline;
pub mod transfer;
pub mod validation;

pub use catalog::{Catalog, Flavor, Model, Region};
pub use choice::Choice;
pub use clock::SimClock;
pub use command::{Command, Outcome};
pub use console::{Console, ConsoleState, RegionState, Settings};
pub use error::{DomainError, Refusal};
pub use event::{Event, EventKind, EventType, ServiceEvent};
pub use pool::create::{AzChoice, NetworkInput, PoolPrice, PoolRequest};
pub use pool::scale::{ScaleDirection, ScaleRequest};
pub use pool::{
    BillingMode, NodeStatus, Pool, PoolAction, PoolDeletePlan, PoolPhase, PoolType,
    RequiredDuration,
};
pub use query::{
    ListPage, ListQuery, PoolQuery, RealTimeQuery, RealTimeStatus, ServicePage, ServiceQuery,
    SortKey, SortOrder, StatusValue,
};
pub use realtime::{RealTimeRequest, RealTimeService, RealTimeUpdate, UpgradeKind, VersionInput};
pub use service::deploy::{ConfigInput, DeployRequest};
pub use service::modify::{Change, ServiceUpdate};
pub use service::{
    BatchService, DeletePlan, DeploymentLocation, MappingType, ServiceAction, ServiceConfig,
    ServiceStatus,
};
pub use text::{speak, Lang, Speaker};
pub use transfer::{
    export_file_name, ExportScope, ImportError, ImportErrors, ImportGroup, ImportItem, ImportPlan,
};

/// Milliseconds since the Unix epoch.
pub type Millis = u64;

/// One second, one minute, one hour and one day in [`Millis`].
pub const SECOND: Millis = 1_000;
pub const MINUTE: Millis = 60 * SECOND;
pub const HOUR: Millis = 60 * MINUTE;
pub const DAY: Millis = 24 * HOUR;

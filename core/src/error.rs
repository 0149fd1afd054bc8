//! Refusals and errors. Each language says them ([`crate::text::Messages`]); `Display` is
//! the English text.

use std::fmt;

use crate::pool::{PoolAction, PoolPhase};
use crate::service::{ServiceAction, ServiceStatus};
use crate::text::{English, Messages};
use crate::transfer::ImportErrors;
use crate::validation::FieldError;

/// Why an action on a batch service is not allowed right now.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Refusal {
    /// Services on edge nodes or edge resource pools cannot be started or stopped.
    EdgeDeployment(ServiceAction),
    /// Deleting needs the agency authorization added in Settings.
    NoAgencyAuthorization,
    /// There is no Restart for batch services, ever.
    RestartUnsupported,
    /// Start on a service that is already running.
    AlreadyRunning,
    /// Stop on a service that is already stopped.
    AlreadyStopped,
    /// The action is not possible in the service's current status.
    InStatus(ServiceAction, ServiceStatus),
    /// A real-time service's hitless upgrade is still replacing its instances.
    Upgrading,
    /// A real-time service that does not answer calls in this status.
    NotAnswering(ServiceStatus),
    /// The dedicated pool the service runs on is not Running (`None`: it is gone).
    PoolNotRunning {
        pool_name: String,
        phase: Option<PoolPhase>,
    },
}

impl fmt::Display for Refusal {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&English.refusal(self))
    }
}

/// Why an action on a dedicated resource pool is not allowed right now.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum PoolRefusal {
    /// Yearly/Monthly pools are not scaled (the console's own words).
    PrepaidScale,
    /// Yearly/Monthly pools are not deleted (the console's own words).
    PrepaidDelete,
    /// The action is not possible in the pool's current status.
    InPhase(PoolAction, PoolPhase),
    /// A fault can be simulated only on a Running pool, a recovery only on an Abnormal one.
    Health(PoolPhase),
}

impl fmt::Display for PoolRefusal {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&English.pool_refusal(self))
    }
}

/// Everything a command can refuse with ([`Messages::domain_error`] says it;
/// [`Messages::error_reason`] without the service or pool name).
#[derive(Clone, Debug, PartialEq)]
pub enum DomainError {
    /// The action is not allowed on this service now.
    Refused {
        service_name: String,
        refusal: Refusal,
    },
    /// No service with this id in the selected region.
    ServiceNotFound(String),
    /// The action is not allowed on this pool now.
    PoolRefused {
        pool_name: String,
        refusal: PoolRefusal,
    },
    /// No pool with this id in the selected region.
    PoolNotFound(String),
    /// A pool's deletion was not confirmed by typing DELETE.
    DeleteNotConfirmed,
    /// The region id is not in the catalog.
    UnknownRegion(String),
    /// A batch command was given nothing to act on.
    NothingSelected,
    /// Input violates one or more field rules.
    Invalid(Vec<FieldError>),
    /// The account has as many batch services as it may (Settings > Enforce account quotas).
    ServiceQuota { limit: usize },
    /// The account has as many real-time services as it may.
    RealTimeQuota { limit: usize },
    /// A simulation speed outside 1x-60x.
    InvalidSpeed(u32),
    /// The console is gone (its page was closed) and can take no command.
    Closed,
    /// The code that applies commands could not be fetched (a split site whose host went away
    /// before that code was loaded); nothing changed.
    NotLoaded,
    /// An import file has problems (each with its JSON path); nothing was imported.
    Import(ImportErrors),
}

impl fmt::Display for DomainError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&English.domain_error(self))
    }
}

impl std::error::Error for DomainError {}

//! Refusals and errors, each with the message the console shows the user.

use std::fmt;

use crate::pool::{PoolAction, PoolPhase};
use crate::service::{ServiceAction, ServiceStatus};
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
        match self {
            Refusal::EdgeDeployment(action) => write!(
                f,
                "Services deployed on ModelArts edge nodes or ModelArts edge resource pools cannot be {}.",
                action.past_participle()
            ),
            Refusal::NoAgencyAuthorization => {
                f.write_str("A service cannot be deleted without agency authorization.")
            }
            Refusal::RestartUnsupported => f.write_str("Batch services cannot be restarted."),
            Refusal::AlreadyRunning => f.write_str("The service is already running."),
            Refusal::AlreadyStopped => f.write_str("The service is already stopped."),
            Refusal::InStatus(action, status) => write!(
                f,
                "A service in the {} state cannot be {}.",
                status.label(),
                action.past_participle()
            ),
            Refusal::Upgrading => f.write_str(
                "The service is being updated. Wait until the update is complete.",
            ),
            Refusal::NotAnswering(status) => write!(
                f,
                "A service in the {} state cannot be called: only a Running service answers.",
                status.label()
            ),
            Refusal::PoolNotRunning {
                pool_name,
                phase: Some(phase),
            } => write!(
                f,
                "The dedicated resource pool {pool_name} is {}: only a Running pool can run services.",
                phase.label()
            ),
            Refusal::PoolNotRunning {
                pool_name,
                phase: None,
            } => write!(
                f,
                "The dedicated resource pool {pool_name} has been deleted, so the service cannot run again."
            ),
        }
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
        match self {
            PoolRefusal::PrepaidScale => f.write_str(
                "A dedicated resource pool in Yearly/Monthly billing mode does not support scaling.",
            ),
            PoolRefusal::PrepaidDelete => f.write_str(
                "A dedicated resource pool in Yearly/Monthly billing mode cannot be deleted.",
            ),
            PoolRefusal::InPhase(PoolAction::Scale, phase) => write!(
                f,
                "Only a Running resource pool can be scaled; this one is {}.",
                phase.label()
            ),
            PoolRefusal::InPhase(action, phase) => write!(
                f,
                "A resource pool in the {} state cannot be {}.",
                phase.label(),
                action.past_participle()
            ),
            PoolRefusal::Health(phase) => write!(
                f,
                "The resource pool is {}: a fault can be simulated only on a Running pool, and only an Abnormal pool can recover.",
                phase.label()
            ),
        }
    }
}

/// Everything a command can refuse with. The `Display` text is the user-facing message.
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
        match self {
            DomainError::Refused {
                service_name,
                refusal,
            } => {
                write!(f, "{service_name}: {refusal}")
            }
            DomainError::ServiceNotFound(id) => {
                write!(f, "The service {id} does not exist or has been deleted.")
            }
            DomainError::PoolRefused { pool_name, refusal } => write!(f, "{pool_name}: {refusal}"),
            DomainError::DeleteNotConfirmed => f.write_str(
                "Enter DELETE to confirm the deletion of the dedicated resource pool.",
            ),
            DomainError::PoolNotFound(id) => write!(
                f,
                "The resource pool {id} does not exist in this region or has been deleted."
            ),
            DomainError::UnknownRegion(id) => write!(f, "The region {id} does not exist."),
            DomainError::NothingSelected => f.write_str("Select at least one service."),
            DomainError::Closed => f.write_str("The console is closed. Reload the page."),
            DomainError::NotLoaded => f.write_str(
                "The action could not be loaded. Check your network connection and try again.",
            ),
            DomainError::ServiceQuota { limit } => write!(
                f,
                "The account already has {} batch services, the most it may have. Delete services that are no longer needed, or turn off Settings > Enforce account quotas.",
                crate::format::thousands(*limit as u64)
            ),
            DomainError::RealTimeQuota { limit } => write!(
                f,
                "The account already has {limit} real-time services, the most it may have. Delete services that are no longer needed, or turn off Settings > Enforce account quotas."
            ),
            DomainError::InvalidSpeed(speed) => write!(
                f,
                "A simulation speed of {speed}x is not offered: choose 1x to {}x.",
                crate::clock::MAX_SPEED
            ),
            DomainError::Import(errors) => write!(
                f,
                "The file cannot be imported ({}):\n{errors}",
                crate::transfer::count_of(errors.total(), "error", "errors")
            ),
            DomainError::Invalid(errors) => {
                let messages: Vec<String> = errors
                    .iter()
                    .map(|e| match e.version {
                        Some(v) => format!("Model version {}, {}: {}", v + 1, e.field, e.message),
                        None => format!("{}: {}", e.field, e.message),
                    })
                    .collect();
                f.write_str(&messages.join(" "))
            }
        }
    }
}

impl DomainError {
    /// The reason alone, without the service name: what a disabled control explains.
    pub fn reason(&self) -> String {
        match self {
            DomainError::Refused { refusal, .. } => refusal.to_string(),
            DomainError::PoolRefused { refusal, .. } => refusal.to_string(),
            other => other.to_string(),
        }
    }
}

impl std::error::Error for DomainError {}

//! What batch and real-time services share as tenants of a dedicated pool: failing when the
//! pool goes, Alarm while it is Abnormal, Running again once it recovers.

use crate::console::{Console, RegionState};
use crate::error::{DomainError, Refusal};
use crate::event::{Event, EventKind, Reason, Record, ServiceEvent};
use crate::pool::{Pool, PoolPhase};
use crate::service::{DeletePlan, DeploymentLocation, RefusedDelete, ServiceAction, ServiceStatus};
use crate::Millis;

/// A service that may run on a dedicated pool.
pub(crate) trait Tenant {
    fn id(&self) -> &str;
    fn name(&self) -> &str;
    fn location(&self) -> &DeploymentLocation;
    fn status(&self) -> ServiceStatus;
    fn transition_at(&self) -> Millis;
    /// Accounts work and billing up to `at`.
    fn settle(&mut self, at: Millis);
    /// Enters `status` at `at`, opening or closing the bill's run.
    fn enter(&mut self, status: ServiceStatus, at: Millis);
    fn record(&mut self, at: Millis, kind: EventKind) -> ServiceEvent;
    /// What ends with the service when it fails or stops at `at` (an update in progress);
    /// the events it recorded.
    fn wind_down(&mut self, at: Millis) -> Vec<ServiceEvent>;
    fn set_error(&mut self, message: Option<String>);
    /// May `action` be taken now, by the service's own rules?
    fn allows(&self, action: ServiceAction, agency_authorized: bool) -> Result<(), Refusal>;

    /// Fails at `at`: settled, wound down, Failed with `message`.
    fn fail_with(&mut self, at: Millis, message: String, kind: EventKind) -> Vec<ServiceEvent> {
        self.settle(at);
        let mut events = self.wind_down(at);
        self.enter(ServiceStatus::Failed, at);
        self.set_error(Some(message));
        events.push(self.record(at, kind));
        events
    }

    /// Its dedicated pool is gone at `at` (deleted, or `released` at its term's end).
    fn pool_gone(&mut self, at: Millis, pool_name: &str, released: bool) -> Vec<ServiceEvent> {
        let kind = EventKind::PoolGone {
            pool_name: pool_name.to_string(),
            released,
        };
        let message = Reason::PoolGone {
            pool_name: pool_name.into(),
            released,
        }
        .saved();
        self.fail_with(at, message, kind)
    }

    /// Follows its pool's health at `at`: Alarm while the pool is Abnormal, Running again
    /// once it is not.
    fn follow_pool(&mut self, pool: &Pool, at: Millis) -> Option<ServiceEvent> {
        let pool_name = pool.display_name().to_string();
        let (status, kind) = match (self.status(), pool.phase()) {
            (ServiceStatus::Running, PoolPhase::Abnormal) => (
                ServiceStatus::Concerning,
                EventKind::PoolAbnormal { pool_name },
            ),
            (ServiceStatus::Concerning, PoolPhase::Running | PoolPhase::Scaling) => (
                ServiceStatus::Running,
                EventKind::PoolRecovered { pool_name },
            ),
            _ => return None,
        };
        self.settle(at);
        self.enter(status, at);
        Some(self.record(at, kind))
    }
}

/// The event of `service` for the region's history.
pub(crate) fn event_of<S: Tenant>(service: &S, record: ServiceEvent) -> Event {
    Event {
        resource_id: service.id().to_string(),
        resource_name: service.name().to_string(),
        record: Record::Service(record),
    }
}

/// Fails the services still working on a pool that is going away at `at`; those Stopped,
/// Completed or Failed keep their status (they cannot start again: their pool is gone). The
/// services are already advanced to `at`.
pub(crate) fn fail_on<S: Tenant>(
    services: &mut [S],
    pool_id: &str,
    pool_name: &str,
    at: Millis,
    released: bool,
) -> Vec<Event> {
    let mut happened = Vec::new();
    for service in services {
        if service.location().is_on_pool(pool_id) && service.status().fails_with_its_pool() {
            for record in service.pool_gone(at, pool_name, released) {
                happened.push(event_of(service, record));
            }
        }
    }
    happened
}

/// Puts the services on an Abnormal pool in Alarm, and back to Running once it is not, at
/// the later of the pool's and the service's last change, if that is by `until`.
pub(crate) fn follow_pools<'a, S: Tenant + 'a>(
    services: impl IntoIterator<Item = &'a mut S>,
    pools: &[Pool],
    until: Millis,
) -> Vec<Event> {
    let mut happened = Vec::new();
    for service in services {
        let DeploymentLocation::DedicatedPool { pool_name } = service.location() else {
            continue;
        };
        let Some(pool) = pools.iter().find(|p| p.id() == pool_name) else {
            continue;
        };
        let at = pool.status.transition_at.max(service.transition_at());
        if at > until {
            continue;
        }
        if let Some(record) = service.follow_pool(pool, at) {
            happened.push(event_of(service, record));
        }
    }
    happened
}

impl RegionState {
    /// Fails the services of both kinds working on a pool that is going away at `at`.
    pub(crate) fn fail_services_on(
        &mut self,
        pool_id: &str,
        pool_name: &str,
        at: Millis,
        released: bool,
    ) -> Vec<Event> {
        let mut happened = fail_on(&mut self.services, pool_id, pool_name, at, released);
        happened.extend(fail_on(
            &mut self.real_time_services,
            pool_id,
            pool_name,
            at,
            released,
        ));
        happened
    }

    /// Services of both kinds follow their pools' health (the region is advanced to `now`).
    pub(crate) fn follow_pools(&mut self, now: Millis) -> Vec<Event> {
        let mut happened = follow_pools(self.services.iter_mut(), &self.pools, now);
        happened.extend(follow_pools(
            self.real_time_services.iter_mut(),
            &self.pools,
            now,
        ));
        happened
    }
}

impl Console {
    /// May `action` be taken on `service` now: its own rules, and a Start needs its dedicated
    /// pool available.
    pub(crate) fn check_tenant<S: Tenant>(
        &self,
        service: &S,
        action: ServiceAction,
    ) -> Result<(), DomainError> {
        self.check_tenant_refusal(service, action)
            .map_err(|refusal| DomainError::Refused {
                service_name: service.name().to_string(),
                refusal,
            })
    }

    /// [`Self::check_tenant`]'s refusal alone.
    fn check_tenant_refusal<S: Tenant>(
        &self,
        service: &S,
        action: ServiceAction,
    ) -> Result<(), Refusal> {
        service
            .allows(action, self.agency_authorized())
            .and_then(|()| match (service.location(), action) {
                (DeploymentLocation::DedicatedPool { pool_name }, ServiceAction::Start) => {
                    self.pool_available(pool_name)
                }
                _ => Ok(()),
            })
    }

    /// Splits a selection into what Delete may and may not delete (the batch dialog); ids
    /// `find` does not know are left out.
    pub(crate) fn plan_tenant_delete<'a, S: Tenant + 'a>(
        &self,
        service_ids: &[String],
        find: impl Fn(&str) -> Option<&'a S>,
    ) -> DeletePlan {
        let mut plan = DeletePlan::default();
        for service in service_ids.iter().filter_map(|id| find(id)) {
            let (id, name) = (service.id().to_string(), service.name().to_string());
            match self.check_tenant_refusal(service, ServiceAction::Delete) {
                Ok(()) => plan.allowed.push((id, name)),
                Err(refusal) => plan.refused.push(RefusedDelete {
                    service_id: id,
                    service_name: name,
                    refusal,
                }),
            }
        }
        plan
    }
}

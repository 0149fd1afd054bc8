//! How a region moves as simulated time passes. Pools and real-time services affect each
//! other (a Waiting service's retry needs its pool's free nodes, a service that starts on an
//! Abnormal pool is in Alarm, a released pool fails its services), so their transitions are
//! taken in time order, all those due at one instant together: the outcome is the same
//! whether time moved in one step or in many. Batch services depend on their pool only when
//! it goes, and move on by themselves.

use rustc_hash::FxHashMap;

use crate::console::RegionState;
use crate::event::{Event, Record};
use crate::pool::PoolEnd;
use crate::service::DeploymentLocation;
use crate::tenant::{self, event_of};
use crate::Millis;

impl RegionState {
    /// Advances every resource of the region to `now`, returning what happened.
    pub(crate) fn advance(&mut self, now: Millis) -> Vec<Event> {
        let mut happened = Vec::new();
        while let Some(at) = self.next_transition().filter(|at| *at < now) {
            happened.extend(self.advance_shared(at));
        }
        happened.extend(self.advance_shared(now));
        self.services.retain_mut(|service| {
            let (exists, events) = service.advance(now);
            happened.extend(events.into_iter().map(|record| event_of(service, record)));
            exists
        });
        happened.extend(tenant::follow_pools(
            self.services.iter_mut(),
            &self.pools,
            now,
        ));
        happened
    }

    /// Notes each pool's nodes in use by its real-time services at `at` (its chart's figures).
    pub(crate) fn note_usage(&mut self, at: Millis) {
        let mut held: FxHashMap<&str, u32> = FxHashMap::default();
        for service in &self.real_time_services {
            if let DeploymentLocation::DedicatedPool { pool_name } = &service.location {
                *held.entry(pool_name.as_str()).or_default() += service.occupied_nodes();
            }
        }
        for pool in &mut self.pools {
            let in_use = held.get(pool.id()).copied().unwrap_or(0);
            pool.note_usage(at, in_use);
        }
    }

    /// The earliest instant a pool or a real-time service moves by itself.
    fn next_transition(&self) -> Option<Millis> {
        let pools = self.pools.iter().filter_map(|p| p.next_transition());
        let services = self
            .real_time_services
            .iter()
            .filter_map(|s| s.next_transition());
        pools.chain(services).min()
    }

    /// Pools, then real-time services, to `at`: a pool released at `at` fails the services on
    /// it once they have moved to `at`; a Waiting service is admitted when its pool has the
    /// free nodes it needs besides what the others hold (in list order at one instant).
    fn advance_shared(&mut self, at: Millis) -> Vec<Event> {
        let mut happened = Vec::new();
        let mut gone = Vec::new();
        self.pools.retain_mut(|pool| {
            let (end, events) = pool.advance(at);
            happened.extend(events.into_iter().map(|e| Event {
                resource_id: pool.id().to_string(),
                resource_name: pool.display_name().to_string(),
                record: Record::Pool(e),
            }));
            match end {
                PoolEnd::Exists => true,
                PoolEnd::Deleted => false,
                PoolEnd::Released(at) => {
                    gone.push((pool.id().to_string(), pool.display_name().to_string(), at));
                    false
                }
            }
        });

        let mut held: FxHashMap<String, u32> = FxHashMap::default();
        for service in &self.real_time_services {
            if let DeploymentLocation::DedicatedPool { pool_name } = &service.location {
                *held.entry(pool_name.clone()).or_default() += service.occupied_nodes();
            }
        }
        let pools = &self.pools;
        self.real_time_services.retain_mut(|service| {
            let pool_id = match &service.location {
                DeploymentLocation::DedicatedPool { pool_name } => Some(pool_name.clone()),
                _ => None,
            };
            let before = service.occupied_nodes();
            let capacity = |id: &str| {
                pools
                    .iter()
                    .find(|p| p.id() == id)
                    .map_or(0, |p| p.usable_nodes())
            };
            let fits = |s: &crate::RealTimeService| match &pool_id {
                None => true,
                Some(id) => {
                    let others = held.get(id).copied().unwrap_or(0).saturating_sub(before);
                    capacity(id).saturating_sub(others) >= s.nodes()
                }
            };
            let (exists, events) = service.advance(at, &fits);
            happened.extend(events.into_iter().map(|record| event_of(service, record)));
            if let Some(id) = pool_id {
                let total = held.entry(id).or_default();
                *total = total.saturating_sub(before)
                    + if exists { service.occupied_nodes() } else { 0 };
            }
            exists
        });

        for (id, name, released_at) in gone {
            for service in self
                .services
                .iter_mut()
                .filter(|s| s.location.is_on_pool(&id))
            {
                let (_, events) = service.advance(released_at);
                happened.extend(events.into_iter().map(|record| event_of(service, record)));
            }
            happened.extend(self.fail_services_on(&id, &name, released_at, true));
        }
        // A pool may already be as a command left it later than `at`; that waits.
        happened.extend(tenant::follow_pools(
            self.real_time_services.iter_mut(),
            &self.pools,
            at,
        ));
        self.note_usage(at);
        happened
    }
}

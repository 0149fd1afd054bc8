//! The aggregate: the catalog plus everything the user owns and chose. State changes only
//! through [`Console::apply`] (see `command.rs`) and [`Console::tick`]; the resources' own
//! modules (`service/`) hold their rules and commands.

use std::collections::BTreeMap;

use rustc_hash::FxHashMap;
use serde::{Deserialize, Serialize};

use crate::catalog::Catalog;
use crate::clock::SimClock;
use crate::event::Event;
use crate::pool::Pool;
use crate::query::{ListPage, ServiceQuery};
use crate::realtime::RealTimeService;
use crate::service::BatchService;
use crate::{ids, Millis};

/// Everything a user owns and chose: this is what is saved.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct ConsoleState {
    /// The region selected in the header.
    pub region: String,
    pub settings: Settings,
    /// Resources per region id.
    pub regions: BTreeMap<String, RegionState>,
    /// Sequence behind generated ids.
    pub id_seq: u64,
}

/// The Settings page.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Settings {
    /// Agency authorization; deleting services needs it.
    pub agency_authorized: bool,
    /// The real service's account limits (1,000 batch services); off for large test inventories.
    pub enforce_quotas: bool,
    /// Simulated time and its speed.
    pub clock: SimClock,
}

impl Default for Settings {
    fn default() -> Self {
        Settings {
            agency_authorized: false,
            enforce_quotas: true,
            clock: SimClock::default(),
        }
    }
}

/// The resources of one region.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct RegionState {
    pub services: Vec<BatchService>,
    /// Dedicated resource pools (added in snapshot version 3).
    #[serde(default)]
    pub pools: Vec<Pool>,
    /// Real-time services (added in snapshot version 7).
    #[serde(default)]
    pub real_time_services: Vec<RealTimeService>,
}

/// The console: the catalog it runs against plus the user's state.
#[derive(Clone, Debug)]
pub struct Console {
    pub(crate) catalog: Catalog,
    pub(crate) state: ConsoleState,
    /// Where each service of the selected region is, so a lookup by id does not scan.
    index: ServiceIndex,
    /// Counts catalog replacements, so views can tell their catalog texts may have changed.
    catalog_revision: u32,
    /// The latest simulated time every resource was advanced to (`None` until the first
    /// tick or command): what the saved form brings unchanged services up to when it checks
    /// whether only time moved them ([`crate::snapshot::Encoder::encode_console`]).
    advanced_to: Option<Millis>,
}

/// Two consoles are equal when their catalog and state are; the index is derived.
impl PartialEq for Console {
    fn eq(&self, other: &Console) -> bool {
        self.catalog == other.catalog && self.state == other.state
    }
}

/// Positions of the selected region's services by id. Every addition or removal of a
/// service marks it stale, and it is rebuilt at the end of every command and tick; a lookup
/// verifies the position it finds and scans while the index is stale, so it never gives a
/// wrong answer.
#[derive(Clone, Debug, Default)]
struct ServiceIndex {
    region: String,
    stale: bool,
    positions: FxHashMap<String, usize>,
}

impl Console {
    /// An empty console in the catalog's default region.
    pub fn empty(catalog: Catalog) -> Console {
        let state = ConsoleState {
            region: catalog.default_region.clone(),
            settings: Settings::default(),
            regions: BTreeMap::new(),
            id_seq: 0,
        };
        Console::with_index(catalog, state)
    }

    fn with_index(catalog: Catalog, state: ConsoleState) -> Console {
        let mut console = Console {
            catalog,
            state,
            index: ServiceIndex::default(),
            catalog_revision: 0,
            advanced_to: None,
        };
        console.reindex();
        console
    }

    /// Brings the id index up to date after services were added or removed, or the region
    /// changed.
    pub(crate) fn reindex(&mut self) {
        let region = &self.state.region;
        if !self.index.stale && self.index.region == *region {
            return;
        }
        let services = self
            .state
            .regions
            .get(region)
            .map_or(&[][..], |r| r.services.as_slice());
        self.index.region = region.clone();
        self.index.stale = false;
        self.index.positions = services
            .iter()
            .enumerate()
            .map(|(i, s)| (s.service_id.clone(), i))
            .collect();
    }

    /// A console over a saved state. A selected region the catalog no longer has falls back to
    /// the default; the other region's data is kept untouched.
    pub fn from_state(catalog: Catalog, mut state: ConsoleState) -> Console {
        if catalog.region(&state.region).is_none() {
            state.region = catalog.default_region.clone();
        }
        Console::with_index(catalog, state)
    }

    pub fn catalog(&self) -> &Catalog {
        &self.catalog
    }

    /// The latest simulated time the resources were advanced to, if any.
    pub fn advanced_to(&self) -> Option<Millis> {
        self.advanced_to
    }

    pub fn state(&self) -> &ConsoleState {
        &self.state
    }

    /// Runs against another catalog (e.g. `catalog.json` from the host), keeping the state.
    pub fn set_catalog(&mut self, catalog: Catalog) {
        if catalog.region(&self.state.region).is_none() {
            self.state.region = catalog.default_region.clone();
        }
        self.catalog = catalog;
        self.catalog_revision += 1;
        self.reindex();
    }

    /// How many times the catalog was replaced (e.g. by the host's `catalog.json`).
    pub fn catalog_revision(&self) -> u32 {
        self.catalog_revision
    }

    /// A console over another saved state (another tab's) with this one's catalog and its
    /// revision, so views that follow the revision do not rebuild for nothing.
    pub fn adopting(&self, state: ConsoleState) -> Console {
        let mut console = Console::from_state(self.catalog.clone(), state);
        console.catalog_revision = self.catalog_revision;
        console
    }

    pub fn region(&self) -> &str {
        &self.state.region
    }

    /// The selected region's console name, e.g. `CN North-Beijing4`.
    pub fn region_name(&self) -> &str {
        self.catalog
            .region(&self.state.region)
            .map_or(self.state.region.as_str(), |r| r.name.as_str())
    }

    pub fn settings(&self) -> &Settings {
        &self.state.settings
    }

    pub fn agency_authorized(&self) -> bool {
        self.state.settings.agency_authorized
    }

    /// Simulated time at wall-clock time `wall`.
    pub fn sim_now(&self, wall: Millis) -> Millis {
        self.state.settings.clock.now(wall)
    }

    /// Services of the selected region, in creation order.
    pub fn services(&self) -> &[BatchService] {
        self.state
            .regions
            .get(&self.state.region)
            .map_or(&[], |r| r.services.as_slice())
    }

    /// A service of the selected region, found through the index (a scan only when the index
    /// is stale).
    pub fn service(&self, service_id: &str) -> Option<&BatchService> {
        self.service_position(service_id)
            .map(|i| &self.services()[i])
    }

    /// Where a service of the selected region sits in its list, found as [`Self::service`].
    pub(crate) fn service_position(&self, service_id: &str) -> Option<usize> {
        let services = self.services();
        let fresh = !self.index.stale && self.index.region == self.state.region;
        if let Some(&i) = self.index.positions.get(service_id) {
            if services.get(i).is_some_and(|s| s.service_id == service_id) {
                return Some(i);
            }
        } else if fresh {
            return None;
        }
        services.iter().position(|s| s.service_id == service_id)
    }

    /// Batch services in all regions (the account limit counts them all).
    pub fn service_count(&self) -> usize {
        self.state.regions.values().map(|r| r.services.len()).sum()
    }

    pub fn query(&self, query: &ServiceQuery) -> ListPage<'_, BatchService> {
        query.run(self.services())
    }

    /// Ids of every service matching the query's search and filter, on all pages (the list's
    /// "select all matching").
    pub fn matching_service_ids(&self, query: &ServiceQuery) -> Vec<String> {
        let matches = query.matcher::<BatchService>();
        self.services()
            .iter()
            .filter(|s| matches(s))
            .map(|s| s.service_id.clone())
            .collect()
    }

    /// Whether something in any region moves by itself, i.e. whether the app needs to tick.
    /// Pools always do: pay-per-use cost accrues and prepaid terms expire.
    pub fn has_transitions(&self) -> bool {
        self.state.regions.values().any(|r| {
            !r.pools.is_empty()
                || r.services.iter().any(|s| s.status.is_transitional())
                || r.real_time_services
                    .iter()
                    .any(|s| s.status.is_transitional())
        })
    }

    /// Like [`Self::tick`], and says whether more than time passed: a status or phase moved
    /// (every such move records an event) or a resource came or went (a finished deletion
    /// records none). Otherwise only progress, bills and times changed, which views that
    /// show neither need not follow.
    pub fn tick_moved(&mut self, wall: Millis) -> bool {
        let resources = |c: &Console| {
            c.state
                .regions
                .values()
                .map(|r| r.services.len() + r.pools.len() + r.real_time_services.len())
                .sum::<usize>()
        };
        let before = resources(self);
        !self.tick(wall).is_empty() || resources(self) != before
    }

    /// Advances every resource in every region to wall-clock time `wall` (simulated time
    /// follows the clock's speed), returning what happened.
    pub fn tick(&mut self, wall: Millis) -> Vec<Event> {
        let now = self.sim_now(wall);
        let happened = self.advance_to(now);
        self.reindex();
        happened
    }

    /// Every region to `now` (see `timeline.rs`).
    pub(crate) fn advance_to(&mut self, now: Millis) -> Vec<Event> {
        self.advanced_to = Some(self.advanced_to.map_or(now, |t| t.max(now)));
        let mut happened = Vec::new();
        for region in self.state.regions.values_mut() {
            let before = region.services.len();
            happened.extend(region.advance(now));
            if region.services.len() != before {
                self.index.stale = true;
            }
        }
        happened
    }

    /// The next generated id, skipping any id a resource already has (imported resources
    /// keep the ids of the file, which may be ones this sequence would produce).
    pub(crate) fn next_id(&mut self) -> String {
        loop {
            self.state.id_seq += 1;
            let id = ids::uuid_for(self.state.id_seq);
            if !self.id_taken(&id) {
                return id;
            }
        }
    }

    /// Whether a service or pool of any region has this id.
    fn id_taken(&self, id: &str) -> bool {
        self.state.regions.values().any(|r| {
            r.services.iter().any(|s| s.service_id == id)
                || r.pools.iter().any(|p| p.id() == id)
                || r.real_time_services.iter().any(|s| s.service_id == id)
        })
    }

    /// Services were added or removed other than through [`Self::insert_service`].
    pub(crate) fn mark_index_stale(&mut self) {
        self.index.stale = true;
    }

    pub(crate) fn region_state_mut(&mut self) -> &mut RegionState {
        self.state
            .regions
            .entry(self.state.region.clone())
            .or_default()
    }

    pub(crate) fn insert_service(&mut self, region: &str, service: BatchService) {
        self.index.stale = true;
        self.state
            .regions
            .entry(region.to_string())
            .or_default()
            .services
            .push(service);
    }
}

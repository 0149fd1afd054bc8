//! The rules a state's resources keep, written once over the typed values, each broken rule
//! reported at its JSON path with the console's words.
//!
//! A load checks a whole state and keeps the first broken rule ([`First`], through
//! [`crate::snapshot`]). An import checks each resource of its file with the same rules and,
//! against its [`Import`] context, those of creating it: the Deploy and Create Dedicated
//! Resource Pool rules, the catalog, the region, the console's time and references to pools
//! ([`crate::transfer`]); it lists every broken rule. The context comes with the [`Sink`], so
//! a load's checks are compiled without the import's.
//!
//! A load keeps the rules the model needs to run: ids and names unique, counts and ranges,
//! times and durations the lifecycle can add to, bills, terms, nodes matching the pool's count.
//! The form rules of names, texts and paths, the catalog, the region's locations and network
//! and the console's time are an import's: a saved state keeps what it was created with.

use std::collections::hash_map::Entry;
use std::fmt::Write as _;

use rustc_hash::FxHashMap;

use crate::catalog::{Catalog, Region};
use crate::clock::SimClock;
use crate::console::ConsoleState;
use crate::event::{Timed, MAX_EVENTS};
use crate::pool::create::{self, PREPAID_DEPLOYMENT_REGION};
use crate::pool::{
    BillingMode, NodeStatus, Pool, PoolNetwork, PoolPhase, PoolType, Scope, USAGE_KEPT,
};
use crate::service::deploy::{self, ConfigInput};
use crate::service::{
    BatchService, Billing, DeploymentLocation, MappingType, ServiceConfig, ServiceStatus, MAX_RUNS,
};
use crate::snapshot::{MAX_PRICE, MAX_TIME};
use crate::transfer::{ImportError, ImportProblem, ResourceKind as Kind};
use crate::validation::{self, Violation};
use crate::Millis;

mod real_time;

/// Where broken rules go, and what they are checked against.
pub(crate) trait Sink<'a> {
    fn fail(&mut self, path: String, problem: ImportProblem);

    /// Whether further broken rules are wanted.
    fn wants_more(&self) -> bool {
        true
    }

    /// An import's context; a load has none.
    fn import(&self) -> Option<&Import<'a>> {
        None
    }
}

/// A load's sink: the first broken rule, at its path.
#[derive(Default)]
pub(crate) struct First(Option<ImportError>);

impl First {
    pub(crate) fn into_result(self) -> Result<(), ImportError> {
        self.0.map_or(Ok(()), Err)
    }
}

impl Sink<'_> for First {
    fn fail(&mut self, path: String, problem: ImportProblem) {
        if self.0.is_none() {
            self.0 = Some(ImportError { path, problem });
        }
    }

    fn wants_more(&self) -> bool {
        self.0.is_none()
    }
}

/// What an import checks its file's resources against, besides their own rules.
pub(crate) struct Import<'a> {
    pub(crate) catalog: &'a Catalog,
    /// The file's region, when the catalog has it.
    pub(crate) region: Option<&'a Region>,
    pub(crate) now: Millis,
    /// The pools a service may run on after the import (the file's and those the region
    /// keeps), by id; `None` when a resource of the file could not be read, as a reference
    /// to it would be reported as broken.
    pub(crate) pools: Option<FxHashMap<&'a str, PoolType>>,
}

/// A step of a JSON path.
#[derive(Clone, Copy, Debug)]
pub(crate) enum Step<'a> {
    Key(&'a str),
    Index(usize),
}

/// `services.services[3].config[0].instance_count`, `metadata.labels["os.modelarts/name"]`,
/// `$` for the whole file.
pub(crate) fn render(path: &[Step<'_>]) -> String {
    let mut out = String::new();
    for step in path {
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

/// A string as a message quotes it (in every language): JSON-escaped, at most 40
/// characters.
pub(crate) fn quoted(text: &str) -> String {
    const MAX: usize = 40;
    if text.chars().count() <= MAX {
        return serde_json::to_string(text).expect("a string serialises");
    }
    let head: String = text.chars().take(MAX).collect();
    let mut q = serde_json::to_string(&head).expect("a string serialises");
    q.insert(q.len() - 1, '…');
    q
}

/// Ids (`service_id`, a pool's `metadata.name`) appear in addresses and element ids.
fn resource_id(id: &str) -> bool {
    (1..=64).contains(&id.len())
        && id
            .bytes()
            .all(|b| b.is_ascii_alphanumeric() || b == b'-' || b == b'_')
}

/// Checks a state: its clock, then region by region its services and pools.
pub(crate) fn check_state<'a>(state: &'a ConsoleState, sink: &mut impl Sink<'a>) {
    let mut c = Checker::new(sink);
    let resources = state.regions.values();
    c.ids.reserve(
        resources
            .map(|r| r.services.len() + r.pools.len() + r.real_time_services.len())
            .sum(),
    );
    c.within(Step::Key("settings"), |c| {
        c.within(Step::Key("clock"), |c| c.clock(&state.settings.clock))
    });
    for (region, resources) in &state.regions {
        c.region(region);
        let list = c.list(vec![
            Step::Key("regions"),
            Step::Key(region),
            Step::Key("services"),
        ]);
        for (i, s) in resources.services.iter().enumerate() {
            c.service(list, i, s);
        }
        let list = c.list(vec![
            Step::Key("regions"),
            Step::Key(region),
            Step::Key("pools"),
        ]);
        for (i, p) in resources.pools.iter().enumerate() {
            c.pool(list, i, p);
        }
        let list = c.list(vec![
            Step::Key("regions"),
            Step::Key(region),
            Step::Key("real_time_services"),
        ]);
        for (i, s) in resources.real_time_services.iter().enumerate() {
            c.real_time_service(list, i, s);
        }
        c.pool_capacity(&resources.pools, &resources.real_time_services);
        if !c.sink.wants_more() {
            return;
        }
    }
}

/// A list of resources the checks name (`services.services`, `regions["cn-north-4"].pools`).
#[derive(Clone, Copy)]
pub(crate) struct List(usize);

/// Who has an id or a name first: a resource of a checked list, or one the check only knows.
#[derive(Clone, Copy)]
struct Holder<'a> {
    kind: Kind,
    region: &'a str,
    at: Option<(List, usize)>,
}

/// How deep the checks nest (`regions["cn-north-4"].pools[0].spec.resources[0].azs[0].az`).
const MAX_DEPTH: usize = 16;

/// The path of the rule being checked: a stack without allocation, as a load pushes and pops
/// steps for every resource.
struct Path<'a> {
    steps: [Step<'a>; MAX_DEPTH],
    len: usize,
}

impl<'a> Path<'a> {
    #[inline(always)]
    fn push(&mut self, step: Step<'a>) {
        self.steps[self.len] = step;
        self.len += 1;
    }

    #[inline(always)]
    fn pop(&mut self) {
        self.len -= 1;
    }

    fn steps(&self) -> &[Step<'a>] {
        &self.steps[..self.len]
    }
}

/// The checks: the path of the rule being checked, and the ids and names seen so far.
pub(crate) struct Checker<'a, 's, S> {
    pub(crate) sink: &'s mut S,
    path: Path<'a>,
    lists: Vec<Vec<Step<'a>>>,
    region: &'a str,
    /// Ids in the account, names in the region.
    ids: FxHashMap<&'a str, Holder<'a>>,
    names: FxHashMap<(Kind, &'a str), Holder<'a>>,
}

impl<'a, 's, S: Sink<'a>> Checker<'a, 's, S> {
    pub(crate) fn new(sink: &'s mut S) -> Self {
        Checker {
            sink,
            path: Path {
                steps: [Step::Index(0); MAX_DEPTH],
                len: 0,
            },
            lists: Vec::new(),
            region: "",
            ids: FxHashMap::default(),
            names: FxHashMap::default(),
        }
    }

    /// The region of the resources that follow (names are unique per region).
    pub(crate) fn region(&mut self, region: &'a str) {
        self.region = region;
        self.names.clear();
    }

    /// A list at `path` whose resources follow.
    pub(crate) fn list(&mut self, path: Vec<Step<'a>>) -> List {
        self.lists.push(path);
        List(self.lists.len() - 1)
    }

    /// Resources that are not checked but hold their ids (another region's) and, in the
    /// current region, their names (those an import keeps).
    pub(crate) fn taken(
        &mut self,
        region: &'a str,
        services: impl IntoIterator<Item = &'a BatchService>,
        pools: impl IntoIterator<Item = &'a Pool>,
        real_time: impl IntoIterator<Item = &'a crate::realtime::RealTimeService>,
    ) {
        let names = region == self.region;
        let resources = services
            .into_iter()
            .map(|s| {
                (
                    Kind::Service,
                    s.service_id.as_str(),
                    s.service_name.as_str(),
                )
            })
            .chain(
                pools
                    .into_iter()
                    .map(|p| (Kind::Pool, p.id(), p.display_name())),
            )
            .chain(real_time.into_iter().map(|s| {
                (
                    Kind::RealTime,
                    s.service_id.as_str(),
                    s.service_name.as_str(),
                )
            }));
        for (kind, id, name) in resources {
            let holder = Holder {
                kind,
                region,
                at: None,
            };
            self.ids.entry(id).or_insert(holder);
            if names {
                self.names.entry((kind, name)).or_insert(holder);
            }
        }
    }

    // ---- paths and errors ------------------------------------------------------------------

    /// Records `problem` at `path`, a path of its own.
    pub(crate) fn fail_path(&mut self, path: String, problem: ImportProblem) {
        self.sink.fail(path, problem);
    }

    /// Records `problem` at the current path.
    #[cold]
    pub(crate) fn fail(&mut self, problem: ImportProblem) {
        if self.sink.wants_more() {
            let path = render(self.path.steps());
            self.sink.fail(path, problem);
        }
    }

    /// Records `problem` at `key` of the current path.
    #[cold]
    pub(crate) fn fail_at(&mut self, key: &'a str, problem: ImportProblem) {
        self.path.push(Step::Key(key));
        self.fail(problem);
        self.path.pop();
    }

    #[inline]
    pub(crate) fn within<R>(&mut self, step: Step<'a>, f: impl FnOnce(&mut Self) -> R) -> R {
        self.path.push(step);
        let result = f(self);
        self.path.pop();
        result
    }

    pub(crate) fn enter(&mut self, list: List, index: usize) {
        self.path.len = 0;
        for &step in &self.lists[list.0] {
            self.path.push(step);
        }
        self.path.push(Step::Index(index));
    }

    pub(crate) fn catalog(&self) -> Option<&'a Catalog> {
        self.sink.import().map(|i| i.catalog)
    }

    /// The import's region, when the catalog has it.
    fn import_region(&self) -> Option<&'a Region> {
        self.sink.import().and_then(|i| i.region)
    }

    /// A region as messages name it: its console name where the catalog is known.
    fn region_name(&self, id: &'a str) -> &'a str {
        self.catalog()
            .and_then(|c| c.region(id))
            .map_or(id, |r| r.name.as_str())
    }

    // ---- rules of any field ----------------------------------------------------------------

    /// A time (ms): not after the import's `now`, and not beyond the year 9999.
    pub(crate) fn time(&mut self, key: &'a str, time: Millis) {
        if let Some(now) = self.sink.import().map(|i| i.now) {
            if time > now {
                return self.fail_at(key, ImportProblem::AfterNow { time, now });
            }
        }
        if time > MAX_TIME {
            self.fail_at(key, ImportProblem::AfterYear9999);
        }
    }

    pub(crate) fn opt_time(&mut self, key: &'a str, time: Option<Millis>) {
        if let Some(time) = time {
            self.time(key, time);
        }
    }

    /// A duration (ms) the lifecycle adds to times.
    pub(crate) fn duration(&mut self, key: &'a str, ms: Millis) {
        if ms > MAX_TIME {
            self.fail_at(key, ImportProblem::TooLongMs);
        }
    }

    /// An amount (USD): 0 or more, and at most `max` (a rate or price).
    pub(crate) fn amount(&mut self, key: &'a str, amount: f64, max: Option<f64>) {
        if !amount.is_finite() || amount < 0.0 {
            self.fail_at(key, ImportProblem::NotAmount);
        } else if let Some(max) = max.filter(|&max| amount > max) {
            self.fail_at(key, ImportProblem::AtMost(max as u64));
        }
    }

    /// Text of an import: no control character but tab and newline, and `rule`.
    pub(crate) fn text<E: Into<ImportProblem>>(
        &mut self,
        key: &'a str,
        text: &str,
        rule: impl FnOnce(&str) -> Result<(), E>,
    ) -> bool {
        if let Some(c) = text
            .chars()
            .find(|c| c.is_control() && *c != '\t' && *c != '\n')
        {
            self.fail_at(key, ImportProblem::ControlCharacter(c as u32));
            return false;
        }
        match rule(text) {
            Ok(()) => true,
            Err(rule) => {
                self.fail_at(key, rule.into());
                false
            }
        }
    }

    pub(crate) fn events<E: Timed>(&mut self, events: &[E]) {
        self.within(Step::Key("events"), |c| {
            if events.len() > MAX_EVENTS {
                c.fail(ImportProblem::TooManyEvents(events.len()));
            }
            for (i, event) in events.iter().enumerate() {
                c.within(Step::Index(i), |c| c.time("time", event.time()));
            }
        });
    }

    // ---- ids and names ---------------------------------------------------------------------

    /// A resource's id: well formed, and unique in the account.
    pub(crate) fn id(&mut self, kind: Kind, key: &'a str, id: &'a str, at: (List, usize)) {
        if !resource_id(id) {
            return self.fail_at(key, ImportProblem::BadId);
        }
        let holder = Holder {
            kind,
            region: self.region,
            at: Some(at),
        };
        let first = match self.ids.entry(id) {
            Entry::Occupied(first) => *first.get(),
            Entry::Vacant(entry) => {
                entry.insert(holder);
                return;
            }
        };
        let problem = if first.region != self.region {
            ImportProblem::IdElsewhere {
                id: id.to_string(),
                kind: first.kind,
                region: self.region_name(first.region).to_string(),
            }
        } else if first.kind != kind {
            ImportProblem::IdOfOtherKind {
                id: id.to_string(),
                kind: first.kind,
            }
        } else {
            ImportProblem::IdUsed {
                kind,
                id: id.to_string(),
                by: self.holder_path(first),
            }
        };
        self.fail_at(key, problem);
    }

    /// A resource's name: an import's follows `rule`; unique in the region.
    pub(crate) fn name<E: Into<ImportProblem>>(
        &mut self,
        kind: Kind,
        key: &'a str,
        name: &'a str,
        rule: fn(&str) -> Result<(), E>,
        at: (List, usize),
    ) {
        if self.sink.import().is_some() && !self.text(key, name, rule) {
            return;
        }
        let holder = Holder {
            kind,
            region: self.region,
            at: Some(at),
        };
        let first = match self.names.entry((kind, name)) {
            Entry::Occupied(first) => *first.get(),
            Entry::Vacant(entry) => {
                entry.insert(holder);
                return;
            }
        };
        let problem = match first.at {
            Some(_) => ImportProblem::NameUsed {
                name: name.to_string(),
                by: self.holder_path(first),
            },
            None => ImportProblem::NameExists {
                kind,
                name: name.to_string(),
                region: self.region_name(self.region).to_string(),
            },
        };
        self.fail_at(key, problem);
    }

    fn holder_path(&self, holder: Holder<'a>) -> String {
        match holder.at {
            Some((list, index)) => {
                let mut path = self.lists[list.0].clone();
                path.push(Step::Index(index));
                render(&path)
            }
            None => self.region_name(holder.region).to_string(),
        }
    }

    // ---- the settings ----------------------------------------------------------------------

    fn clock(&mut self, clock: &SimClock) {
        if !SimClock::is_valid_speed(clock.speed) {
            self.fail_at("speed", ImportProblem::Speed);
        }
        self.time("wall_anchor", clock.wall_anchor);
        self.time("sim_anchor", clock.sim_anchor);
    }

    // ---- a service -------------------------------------------------------------------------

    /// The `index`-th service of `list`.
    pub(crate) fn service(&mut self, list: List, index: usize, s: &'a BatchService) {
        self.enter(list, index);
        let at = (list, index);
        self.id(Kind::Service, "service_id", &s.service_id, at);
        self.name(
            Kind::Service,
            "service_name",
            &s.service_name,
            validation::service_name,
            at,
        );
        if self.sink.import().is_some() {
            self.text("description", &s.description, validation::description);
        }
        if s.infer_type != "batch" {
            let problem = ImportProblem::UnknownInferType(s.infer_type.clone());
            self.fail_at("infer_type", problem);
        }
        if s.status == ServiceStatus::Waiting {
            self.fail_at("status", ImportProblem::BatchWaits);
        }
        if s.progress > 100 {
            self.fail_at("progress", ImportProblem::Percentage);
        }
        self.time("publish_at", s.publish_at);
        self.time("transition_at", s.transition_at);
        self.opt_time("start_time", s.start_time);
        self.opt_time("finished_time", s.finished_time);
        if s.status == ServiceStatus::Failed && s.error_msg.is_none() {
            self.fail_at("error_msg", ImportProblem::NoErrorMessage);
        }
        if s.config.len() != 1 {
            self.fail_at("config", ImportProblem::ConfigEntries(s.config.len()));
        }
        self.within(Step::Key("config"), |c| {
            for (i, config) in s.config.iter().enumerate() {
                c.within(Step::Index(i), |c| c.config(config));
            }
        });
        self.within(Step::Key("location"), |c| c.location(&s.location));
        self.within(Step::Key("billing"), |c| c.service_billing(&s.billing));
        self.within(Step::Key("workload"), |c| {
            c.time("accounted_at", s.workload.accounted_at)
        });
        self.events(&s.events);
    }

    fn config(&mut self, config: &'a ServiceConfig) {
        let catalog = self.catalog();
        let model = catalog.and_then(|c| c.model(&config.model_id));
        if let Some(catalog) = catalog {
            match model {
                None => self.fail_at(
                    "model_id",
                    ImportProblem::UnknownModel(config.model_id.clone()),
                ),
                Some(model) => {
                    if config.model_name != model.model_name {
                        let problem = ImportProblem::ModelName {
                            model_id: model.model_id.clone(),
                            name: model.model_name.clone(),
                            given: config.model_name.clone(),
                        };
                        self.fail_at("model_name", problem);
                    }
                    let versions = || model.versions.iter().map(|v| &v.model_version);
                    if !versions().any(|v| *v == config.model_version) {
                        let problem = ImportProblem::NoVersion {
                            model: model.model_name.clone(),
                            version: config.model_version.clone(),
                            versions: Some(versions().cloned().collect()),
                        };
                        self.fail_at("model_version", problem);
                    }
                }
            }
            self.flavor(catalog, "specification", &config.specification);
        }
        if let Err(rule) = validation::instance_count(config.instance_count) {
            self.fail_at("instance_count", rule.into());
        }
        let Some(catalog) = catalog else {
            return;
        };
        self.within(Step::Key("envs"), |c| {
            for key in config.envs.keys() {
                if let Err(rule) = validation::env_key(key) {
                    c.fail_at(key, rule.into());
                }
            }
        });
        self.text("src_path", &config.src_path, validation::obs_folder);
        self.text("dest_path", &config.dest_path, validation::obs_folder);
        self.text("req_uri", &config.req_uri, validation::request_path);
        if config.mapping_type == MappingType::Csv {
            // The Deploy rule: a column for each input field of the model, no column twice.
            let input = ConfigInput {
                model_id: model.map(|m| m.model_id.clone()).unwrap_or_default(),
                mapping_rule: config
                    .mapping_rule
                    .iter()
                    .map(|m| (m.field.clone(), Some(m.index)))
                    .collect(),
                ..ConfigInput::default()
            };
            if let Err(rule) = deploy::csv_mapping(catalog, &input) {
                self.fail_at("mapping_rule", rule.into());
            }
        }
    }

    pub(crate) fn flavor(&mut self, catalog: &Catalog, key: &'a str, flavor: &str) {
        if catalog.flavor(flavor).is_none() {
            let problem = ImportProblem::UnknownFlavor {
                flavor: flavor.to_string(),
                flavors: catalog.flavors.iter().map(|f| f.id.clone()).collect(),
            };
            self.fail_at(key, problem);
        }
    }

    /// An import's location: a dedicated pool that exists after it and deploys services, or
    /// an edge node or pool of the region.
    pub(crate) fn location(&mut self, location: &'a DeploymentLocation) {
        let Some(import) = self.sink.import() else {
            return;
        };
        let region = import.region;
        let (key, problem) = match location {
            DeploymentLocation::PublicPool => return,
            DeploymentLocation::DedicatedPool { pool_name } => {
                let Some(pools) = &import.pools else {
                    return;
                };
                match pools.get(pool_name.as_str()) {
                    None => (
                        "pool_name",
                        ImportProblem::PoolNotFound {
                            pool: pool_name.clone(),
                            region: self.region_name(self.region).to_string(),
                        },
                    ),
                    Some(PoolType::DevelopmentTraining) => (
                        "pool_name",
                        ImportProblem::PoolNotForServices {
                            pool: pool_name.clone(),
                        },
                    ),
                    Some(PoolType::ServiceDeployment) => return,
                }
            }
            DeploymentLocation::EdgeNode { node_name } => match region {
                Some(r) if !r.edge_nodes.contains(node_name) => (
                    "node_name",
                    ImportProblem::UnknownEdgeNode {
                        node: node_name.clone(),
                        region: r.name.clone(),
                    },
                ),
                _ => return,
            },
            DeploymentLocation::EdgePool { pool_name } => match region {
                Some(r) if !r.edge_pools.contains(pool_name) => (
                    "pool_name",
                    ImportProblem::UnknownEdgePool {
                        pool: pool_name.clone(),
                        region: r.name.clone(),
                    },
                ),
                _ => return,
            },
        };
        self.fail_at(key, problem);
    }

    pub(crate) fn service_billing(&mut self, billing: &'a Billing) {
        self.duration("billed_ms", billing.billed_ms);
        self.amount("cost", billing.cost, None);
        self.amount("hourly_rate", billing.hourly_rate, Some(MAX_PRICE));
        if let Some(settled) = billing.settled_cost {
            // What the console writes: the cost is the settled cost plus the open run's, to
            // the bit (another figure would make the next accrual change the cost by it).
            let open = billing.open_run().map(|r| r.cost);
            if open.is_none_or(|run| settled + run != billing.cost) {
                self.fail_at("settled_cost", ImportProblem::SettledCost);
            }
        }
        self.within(Step::Key("runs"), |c| {
            if billing.runs.len() > MAX_RUNS {
                c.fail(ImportProblem::TooManyRuns(billing.runs.len()));
            }
            for (i, run) in billing.runs.iter().enumerate() {
                c.within(Step::Index(i), |c| {
                    c.time("start", run.start);
                    c.opt_time("end", run.end);
                    c.duration("billed_ms", run.billed_ms);
                    c.amount("cost", run.cost, None);
                    c.amount("hourly_rate", run.hourly_rate, Some(MAX_PRICE));
                });
            }
        });
    }

    // ---- a pool ----------------------------------------------------------------------------

    /// The `index`-th pool of `list`.
    pub(crate) fn pool(&mut self, list: List, index: usize, p: &'a Pool) {
        self.enter(list, index);
        let at = (list, index);
        let scope = &p.spec.scope;
        let scope_ok = matches!(
            scope.as_slice(),
            [Scope::Infer] | [Scope::Train, Scope::Notebook] | [Scope::Notebook, Scope::Train]
        );
        let pool_type = scope_ok.then(|| p.pool_type());
        let yearly = p.billing_mode() == BillingMode::YearlyMonthly;
        self.within(Step::Key("metadata"), |c| {
            c.id(Kind::Pool, "name", &p.metadata.name, at);
            c.time("creationTimestamp", p.metadata.creation_timestamp);
            c.within(Step::Key("labels"), |c| {
                let name = &p.metadata.labels.name;
                c.name(Kind::Pool, "os.modelarts/name", name, create::pool_name, at);
            });
            c.within(Step::Key("annotations"), |c| c.pool_term(p, yearly));
        });
        self.within(Step::Key("spec"), |c| {
            if p.spec.pool_kind != "Dedicated" {
                let problem = ImportProblem::ExpectedText {
                    expected: "Dedicated",
                    found: p.spec.pool_kind.clone(),
                };
                c.fail_at("type", problem);
            }
            if !scope_ok {
                c.fail_at("scope", ImportProblem::PoolScope);
            }
            c.pool_resources(p);
            if let Some(network) = &p.spec.network {
                let import = c.sink.import().is_some();
                if import && pool_type == Some(PoolType::DevelopmentTraining) {
                    c.fail_at("network", ImportProblem::NetworkOfTraining);
                }
                c.within(Step::Key("network"), |c| c.network(network));
            }
        });
        self.within(Step::Key("status"), |c| {
            c.time("transitionAt", p.status.transition_at)
        });
        self.within(Step::Key("nodes"), |c| c.nodes(p));
        self.within(Step::Key("billing"), |c| {
            let billing = &p.billing;
            c.amount("cost", billing.cost, None);
            c.amount("hourly_rate", billing.hourly_rate, Some(MAX_PRICE));
            c.time("accounted_at", billing.accounted_at);
            c.amount("term_price", billing.term_price, Some(MAX_PRICE));
            match billing.expires_at {
                None if yearly => {
                    c.fail_at("expires_at", ImportProblem::NoTermEnd);
                }
                Some(t) if t > MAX_TIME => {
                    c.fail_at("expires_at", ImportProblem::AfterYear9999);
                }
                _ => {}
            }
        });
        self.events(&p.events);
        let mut times = p.usage.iter().map(|u| u.at);
        let ordered = times
            .clone()
            .zip(times.clone().skip(1))
            .all(|(a, b)| a <= b);
        let after_creation = times
            .next()
            .is_none_or(|t| t >= p.metadata.creation_timestamp);
        if p.usage.len() > USAGE_KEPT || !ordered || !after_creation {
            self.fail_at("usage", ImportProblem::UsageHistory);
        }
        if let Some(last) = p.usage.last() {
            self.time("usage", last.at);
        }
        if !yearly {
            return;
        }
        // A term the pool's type may be bought for, and Service Deployment pools only where
        // they are sold so.
        let in_annotations = |c: &mut Self, key, problem: ImportProblem| {
            c.within(Step::Key("metadata"), |c| {
                c.within(Step::Key("annotations"), |c| c.fail_at(key, problem))
            })
        };
        if let (Some(t), Some(d)) = (pool_type, p.duration()) {
            if let Err(rule) = create::duration(t, Some(d)) {
                in_annotations(self, "os.modelarts/period.num", rule.into());
            }
        }
        if let Some(region) = self.import_region() {
            if pool_type == Some(PoolType::ServiceDeployment)
                && region.id != PREPAID_DEPLOYMENT_REGION
            {
                let rule = create::prepaid_deployment_refusal(&region.name);
                in_annotations(self, "os.modelarts/billing.mode", rule.into());
            }
        }
    }

    /// An import's description, and the term: `os.modelarts/period.type` `2` (months, with
    /// their number) or `3` (a year), which a Yearly/Monthly pool needs.
    fn pool_term(&mut self, p: &'a Pool, yearly: bool) {
        let a = &p.metadata.annotations;
        if self.sink.import().is_some() {
            self.text(
                "os.modelarts/description",
                &a.description,
                create::pool_description,
            );
        }
        match (a.period_type.as_deref(), a.period_num) {
            (Some("3"), _) | (Some("2"), Some(_)) => {}
            (Some("2"), None) => self.fail_at(
                "os.modelarts/period.num",
                ImportProblem::MonthsWithoutNumber,
            ),
            (Some(other), _) => self.fail_at(
                "os.modelarts/period.type",
                ImportProblem::UnknownPeriodType(other.to_string()),
            ),
            (None, _) if yearly => self.fail_at("os.modelarts/period.type", ImportProblem::NoTerm),
            (None, _) => {}
        }
    }

    /// The one resource entry: a flavor of the catalog, at least one node, AZs of the region.
    fn pool_resources(&mut self, p: &'a Pool) {
        let resources = &p.spec.resources;
        if resources.len() != 1 {
            let problem = ImportProblem::ResourceEntries(resources.len());
            self.fail_at("resources", problem);
        }
        let catalog = self.catalog();
        self.within(Step::Key("resources"), |c| {
            for (i, resource) in resources.iter().enumerate() {
                c.within(Step::Index(i), |c| {
                    if let Some(catalog) = catalog {
                        c.flavor(catalog, "flavor", &resource.flavor);
                    }
                    if resource.count == 0 {
                        c.fail_at("count", ImportProblem::NoNodes);
                    }
                    c.within(Step::Key("azs"), |c| {
                        for (j, az) in resource.azs.iter().enumerate() {
                            c.within(Step::Index(j), |c| c.known_az("az", &az.az));
                        }
                    });
                });
            }
        });
    }

    fn known_az(&mut self, key: &'a str, az: &str) {
        let Some(region) = self.import_region() else {
            return;
        };
        if !region.azs.iter().any(|a| a == az) {
            let problem = ImportProblem::UnknownAz {
                az: az.to_string(),
                region: region.name.clone(),
                azs: region.azs.clone(),
            };
            self.fail_at(key, problem);
        }
    }

    /// An import's network: a VPC of the region's network catalog, with its subnet and
    /// security group.
    fn network(&mut self, network: &'a PoolNetwork) {
        let Some(region) = self.import_region() else {
            return;
        };
        let Some(vpc) = region.vpc(&network.vpc_id) else {
            let problem = ImportProblem::UnknownVpc {
                vpc: network.vpc_id.clone(),
                region: region.name.clone(),
            };
            return self.fail_at("vpc_id", problem);
        };
        if !vpc.subnets.iter().any(|s| s.id == network.subnet_id) {
            let problem = ImportProblem::UnknownSubnet {
                subnet: network.subnet_id.clone(),
                vpc: vpc.id.clone(),
            };
            self.fail_at("subnet_id", problem);
        }
        if !vpc
            .security_groups
            .iter()
            .any(|g| g.id == network.security_group_id)
        {
            let problem = ImportProblem::UnknownSecurityGroup {
                group: network.security_group_id.clone(),
                vpc: vpc.id.clone(),
            };
            self.fail_at("security_group_id", problem);
        }
    }

    /// The nodes: as many not being deleted as the pool has (unless it is being deleted);
    /// an import's are in the region's AZs, of the catalog's flavors.
    fn nodes(&mut self, p: &'a Pool) {
        if let Some(catalog) = self.catalog() {
            for (i, node) in p.nodes.iter().enumerate() {
                self.within(Step::Index(i), |c| {
                    c.text("name", &node.name, |_| Ok::<(), Violation>(()));
                    c.known_az("az", &node.az);
                    c.flavor(catalog, "flavor", &node.flavor);
                });
            }
        }
        let count = p.node_count();
        let live = p
            .nodes
            .iter()
            .filter(|n| n.status != NodeStatus::Deleting)
            .count();
        if count > 0 && p.phase() != PoolPhase::Deleting && live != count as usize {
            self.fail(ImportProblem::LiveNodes { live, count });
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
            Step::Key("os.modelarts/name"),
        ];
        assert_eq!(
            render(&path),
            "pools.items[0].metadata.labels[\"os.modelarts/name\"]"
        );
        assert_eq!(render(&[]), "$");
        assert_eq!(render(&[Step::Key("1x")]), "[\"1x\"]");
    }

    #[test]
    fn quoting_shortens_long_strings() {
        assert_eq!(quoted("ab\"c"), "\"ab\\\"c\"");
        let long = "x".repeat(100);
        assert_eq!(quoted(&long), format!("\"{}…\"", "x".repeat(40)));
    }

    #[test]
    fn a_load_keeps_the_first_broken_rule() {
        let mut state =
            crate::demo::demo_console(Catalog::embedded(), 1_790_000_000_000, crate::Lang::En)
                .state()
                .clone();
        let region = state.regions.get_mut("cn-north-4").unwrap();
        region.services[2].config[0].instance_count = 0;
        region.services[4].progress = 101;
        let mut first = First::default();
        check_state(&state, &mut first);
        assert_eq!(
            first.into_result().map_err(|e| e.to_string()),
            Err("regions[\"cn-north-4\"].services[2].config[0].instance_count: Enter an integer from 1 to 128.".into())
        );
    }
}

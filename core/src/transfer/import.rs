//! Importing an export file: bounded before parsing, read resource by resource, checked
//! ([`super::check`]) so that every problem is reported, then merged into the file's region.
//! The plan (what is added, replaced, kept) is the preview; the import applies it, all or
//! nothing.

use std::collections::{HashMap, HashSet};

use super::check::{check, scan, Scan};
use super::file::{self, AnyService, Decoded, ImportFile};
use super::{ExportScope, ImportErrors, ImportProblem, MAX_IMPORT_BYTES};
use crate::command::Outcome;
use crate::console::{Console, RegionState};
use crate::error::DomainError;
use crate::event::EventKind;
use crate::pool::PoolEventKind;
use crate::tenant::Tenant;
use crate::Millis;

/// One resource of an import, as the preview lists it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ImportItem {
    /// `service_id`, or a pool's `metadata.name`.
    pub id: String,
    /// `service_name`, or a pool's `os.modelarts/name`.
    pub name: String,
    /// For a replaced resource whose name changes: the name it has now.
    pub previous_name: Option<String>,
}

/// What an import does to one kind of resource in the region.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct ImportGroup {
    /// In the file, not in the region: added (after the region's own, in file order).
    pub added: Vec<ImportItem>,
    /// In the file and in the region (same id): replaced in place by the file's.
    pub replaced: Vec<ImportItem>,
    /// In the region, not in the file: kept as they are (an import never deletes).
    pub kept: Vec<ImportItem>,
}

impl ImportGroup {
    /// How many of the file's resources are imported (added or replaced).
    pub fn imported(&self) -> usize {
        self.added.len() + self.replaced.len()
    }
}

/// What an import file will do, for the preview before the user confirms.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ImportPlan {
    /// The region the file goes into (the file's `region`), and its console name.
    pub region: String,
    pub region_name: String,
    /// The file's region is not the selected one: the import selects it.
    pub changes_region: bool,
    /// Which parts the file holds; an absent part leaves that kind untouched.
    pub scope: ExportScope,
    pub console_version: String,
    pub exported_at: Millis,
    pub services: ImportGroup,
    pub pools: ImportGroup,
}

impl ImportPlan {
    pub fn added(&self) -> usize {
        self.services.added.len() + self.pools.added.len()
    }

    pub fn replaced(&self) -> usize {
        self.services.replaced.len() + self.pools.replaced.len()
    }
}

/// A checked file: its plan and the region as it will be (before the import's events).
pub(crate) struct Prepared {
    pub plan: ImportPlan,
    pub merged: RegionState,
}

impl Console {
    /// Reads an export file and says what importing it at `now` (simulated time) would do,
    /// or every problem it has, each with its JSON path. Nothing changes.
    pub fn plan_import(&self, text: &str, now: Millis) -> Result<ImportPlan, ImportErrors> {
        prepare(self, text, now).map(|p| p.plan)
    }

    /// Imports a whole file into its region, or nothing: see [`crate::Command::Import`].
    pub(crate) fn import(&mut self, text: &str, now: Millis) -> Result<Outcome, DomainError> {
        let Prepared { plan, merged } = prepare(self, text, now).map_err(DomainError::Import)?;
        self.state.regions.insert(plan.region.clone(), merged);
        self.state.region = plan.region.clone();
        self.mark_index_stale();
        // An imported resource lives on from its own times: whatever fell due since (a
        // deployment ending, a term expiring) happens now, before the import is recorded.
        self.advance_to(now);
        let replaced = |group: &ImportGroup| -> HashMap<String, bool> {
            let added = group.added.iter().map(|i| (i.id.clone(), false));
            added
                .chain(group.replaced.iter().map(|i| (i.id.clone(), true)))
                .collect()
        };
        let (services, pools) = (replaced(&plan.services), replaced(&plan.pools));
        if let Some(region) = self.state.regions.get_mut(&plan.region) {
            for service in &mut region.services {
                if let Some(&replaced) = services.get(&service.service_id) {
                    service.record(now, EventKind::Imported { replaced });
                }
            }
            for service in &mut region.real_time_services {
                if let Some(&replaced) = services.get(&service.service_id) {
                    service.record(now, EventKind::Imported { replaced });
                }
            }
            for pool in &mut region.pools {
                if let Some(&replaced) = pools.get(pool.id()) {
                    pool.record(now, PoolEventKind::Imported { replaced });
                }
            }
        }
        Ok(Outcome::Imported {
            region_name: plan.region_name.clone(),
            scope: plan.scope,
            services: plan.services.imported(),
            pools: plan.pools.imported(),
            added: plan.added(),
            replaced: plan.replaced(),
        })
    }
}

/// Checks a file against the console at `now` and builds its plan and merged region.
pub(crate) fn prepare(
    console: &Console,
    text: &str,
    now: Millis,
) -> Result<Prepared, ImportErrors> {
    if text.len() > MAX_IMPORT_BYTES {
        return Err(ImportErrors::too_large(text.len() as u64));
    }
    match scan(text) {
        Scan::Fits => {}
        Scan::TooDeep => return Err(ImportErrors::whole(ImportProblem::TooDeep)),
        Scan::TooMany => return Err(ImportErrors::whole(ImportProblem::TooManyValues)),
    }
    let file = file::read(text)?;
    let errors = check(console, &file, now);
    if !errors.is_empty() {
        return Err(errors);
    }
    Ok(merge(console, file))
}

/// Merges a checked file into its region.
fn merge(console: &Console, file: ImportFile) -> Prepared {
    let state = &console.state;
    let region = file.region;
    let region_name = console
        .catalog
        .region(&region)
        .map_or(region.as_str(), |r| r.name.as_str())
        .to_string();
    let existing = state.regions.get(&region);
    let mut merged = existing.cloned().unwrap_or_default();
    let scope = ExportScope::of(file.services.is_some(), file.pools.is_some());
    let mut services = ImportGroup::default();
    let mut file_ids = HashSet::new();
    if let Some(list) = file.services {
        let list: Vec<AnyService> = list
            .services
            .into_iter()
            .filter_map(Decoded::into_read)
            .collect();
        // A file's service replaces the region's of the same id, whichever kind either is
        // (as the check judged it): one of the other kind leaves its list.
        let mut other_kind: HashMap<String, String> = HashMap::new();
        for service in &list {
            let id = service.id();
            let previous = match service {
                AnyService::Batch(_) => {
                    take(&mut merged.real_time_services, |s| s.service_id == id)
                        .map(|s| s.service_name)
                }
                AnyService::RealTime(_) => {
                    take(&mut merged.services, |s| s.service_id == id).map(|s| s.service_name)
                }
            };
            if let Some(name) = previous {
                other_kind.insert(id.to_string(), name);
            }
        }
        let mut at: HashMap<String, usize> = merged
            .services
            .iter()
            .enumerate()
            .map(|(i, s)| (s.service_id.clone(), i))
            .collect();
        let mut real_time_at: HashMap<String, usize> = merged
            .real_time_services
            .iter()
            .enumerate()
            .map(|(i, s)| (s.service_id.clone(), i))
            .collect();
        for service in list {
            let id = service.id().to_string();
            file_ids.insert(id.clone());
            let (name, replaced) = match service {
                AnyService::Batch(service) => {
                    let name = service.service_name.clone();
                    let replaced = place(&mut merged.services, &mut at, service);
                    (name, replaced)
                }
                AnyService::RealTime(service) => {
                    let name = service.service_name.clone();
                    let replaced =
                        place(&mut merged.real_time_services, &mut real_time_at, service);
                    (name, replaced)
                }
            };
            match replaced.or_else(|| other_kind.remove(&id)) {
                Some(previous) => services.replaced.push(ImportItem {
                    previous_name: (previous != name).then_some(previous),
                    id,
                    name,
                }),
                None => services.added.push(ImportItem {
                    id,
                    name,
                    previous_name: None,
                }),
            }
        }
    }
    if let Some(existing) = existing {
        let item = |id: &String, name: &String| ImportItem {
            id: id.clone(),
            name: name.clone(),
            previous_name: None,
        };
        services.kept = existing
            .services
            .iter()
            .filter(|s| !file_ids.contains(&s.service_id))
            .map(|s| item(&s.service_id, &s.service_name))
            .chain(
                existing
                    .real_time_services
                    .iter()
                    .filter(|s| !file_ids.contains(&s.service_id))
                    .map(|s| item(&s.service_id, &s.service_name)),
            )
            .collect();
    }
    let mut pools = ImportGroup::default();
    let mut file_ids = HashSet::new();
    if let Some(list) = file.pools {
        for pool in list.items.into_iter().filter_map(Decoded::into_read) {
            file_ids.insert(pool.id().to_string());
            let item = |previous: Option<&str>| ImportItem {
                id: pool.id().to_string(),
                name: pool.display_name().to_string(),
                previous_name: previous
                    .filter(|p| *p != pool.display_name())
                    .map(str::to_string),
            };
            match merged.pools.iter().position(|p| p.id() == pool.id()) {
                Some(i) => {
                    pools
                        .replaced
                        .push(item(Some(merged.pools[i].display_name())));
                    merged.pools[i] = pool;
                }
                None => {
                    pools.added.push(item(None));
                    merged.pools.push(pool);
                }
            }
        }
    }
    if let Some(existing) = existing {
        pools.kept = existing
            .pools
            .iter()
            .filter(|p| !file_ids.contains(p.id()))
            .map(|p| ImportItem {
                id: p.id().to_string(),
                name: p.display_name().to_string(),
                previous_name: None,
            })
            .collect();
    }
    Prepared {
        plan: ImportPlan {
            changes_region: region != state.region,
            region,
            region_name,
            scope,
            console_version: file.console_version.unwrap_or_default(),
            exported_at: file.exported_at,
            services,
            pools,
        },
        merged,
    }
}

/// Removes and returns the first item of `list` that `matches`.
fn take<T>(list: &mut Vec<T>, matches: impl Fn(&T) -> bool) -> Option<T> {
    let i = list.iter().position(matches)?;
    Some(list.remove(i))
}

/// Puts a file's service in its list: in place of the one with its id (whose name it
/// returns), or after the others.
fn place<T: Tenant>(list: &mut Vec<T>, at: &mut HashMap<String, usize>, item: T) -> Option<String> {
    match at.get(item.id()) {
        Some(&i) => Some(std::mem::replace(&mut list[i], item).name().to_string()),
        None => {
            at.insert(item.id().to_string(), list.len());
            list.push(item);
            None
        }
    }
}

//! The checks of an import file: a scan of its size, nesting and number of values before it
//! is parsed; once read ([`super::file`]), the envelope's rules, each resource's structural
//! error or the rules of [`crate::invariants`], and the account's and region's quotas.

use rustc_hash::{FxHashMap, FxHashSet};

use super::file::{AnyService, ImportFile, POOLS, SERVICES};
use super::{ImportErrors, ImportProblem, JsonStrings, MAX_IMPORT_DEPTH, MAX_IMPORT_VALUES};
use crate::console::Console;
use crate::invariants::{Checker, Import, Sink, Step};
use crate::pool::Pool;
use crate::realtime::{RealTimeService, MAX_REAL_TIME_SERVICES};
use crate::service::deploy::MAX_BATCH_SERVICES;
use crate::service::BatchService;
use crate::Millis;

/// What the scan before parsing found.
#[derive(Debug, PartialEq, Eq)]
pub(super) enum Scan {
    Fits,
    /// Arrays and objects nest deeper than [`MAX_IMPORT_DEPTH`].
    TooDeep,
    /// More than [`MAX_IMPORT_VALUES`] values.
    TooMany,
}

/// Judges nesting and the number of values by the brackets and commas outside strings: no
/// recursion and no allocation, so any text is judged safely before the parser sees it.
pub(super) fn scan(text: &str) -> Scan {
    let (mut depth, mut values) = (0usize, 1usize);
    let mut strings = JsonStrings::default();
    for &b in text.as_bytes() {
        if !strings.outside(b) {
            continue;
        }
        match b {
            b'[' | b'{' => {
                depth += 1;
                values += 1;
                if depth > MAX_IMPORT_DEPTH {
                    return Scan::TooDeep;
                }
            }
            b']' | b'}' => depth = depth.saturating_sub(1),
            b',' => values += 1,
            _ => {}
        }
        if values > MAX_IMPORT_VALUES {
            return Scan::TooMany;
        }
    }
    Scan::Fits
}

/// An import's sink: every error, checked against the import's context.
struct Errors<'a> {
    errors: ImportErrors,
    import: Import<'a>,
}

impl<'a> Sink<'a> for Errors<'a> {
    fn fail(&mut self, path: String, problem: ImportProblem) {
        self.errors.push(path, problem);
    }

    fn import(&self) -> Option<&Import<'a>> {
        Some(&self.import)
    }
}

/// Every problem of a read file against the console at `now`, in file order (the quotas
/// last).
pub(super) fn check(console: &Console, file: &ImportFile, now: Millis) -> ImportErrors {
    let catalog = &console.catalog;
    let region = catalog.region(&file.region);
    let services = file.services.as_ref().map_or(&[][..], |l| &l.services[..]);
    let pools = file.pools.as_ref().map_or(&[][..], |l| &l.items[..]);
    let read_all: Vec<&AnyService> = services.iter().filter_map(|s| s.read()).collect();
    let read_services: Vec<&BatchService> = read_all.iter().filter_map(|s| s.batch()).collect();
    let read_real_time: Vec<&RealTimeService> =
        read_all.iter().filter_map(|s| s.real_time()).collect();
    let read_pools: Vec<&Pool> = pools.iter().filter_map(|p| p.read()).collect();
    // A resource that could not be read may be one the others refer to, or replace one the
    // region has: what depends on the others is judged once every one is read.
    let complete = read_all.len() == services.len() && read_pools.len() == pools.len();
    let service_ids: FxHashSet<&str> = read_all.iter().map(|s| s.id()).collect();
    let pool_ids: FxHashSet<&str> = read_pools.iter().map(|p| p.id()).collect();
    // What the import keeps of the region: the resources the file does not replace.
    let existing = console.state.regions.get(&file.region);
    let kept_services: Vec<&BatchService> = existing
        .iter()
        .flat_map(|r| &r.services)
        .filter(|s| !service_ids.contains(s.service_id.as_str()))
        .collect();
    let kept_real_time: Vec<&RealTimeService> = existing
        .iter()
        .flat_map(|r| &r.real_time_services)
        .filter(|s| !service_ids.contains(s.service_id.as_str()))
        .collect();
    let kept_pools: Vec<&Pool> = existing
        .iter()
        .flat_map(|r| &r.pools)
        .filter(|p| !pool_ids.contains(p.id()))
        .collect();
    let pool_types: FxHashMap<&str, _> = read_pools
        .iter()
        .chain(&kept_pools)
        .map(|p| (p.id(), p.pool_type()))
        .collect();
    let mut sink = Errors {
        errors: ImportErrors::default(),
        import: Import {
            catalog,
            region,
            now,
            pools: complete.then_some(pool_types),
        },
    };
    let mut c = Checker::new(&mut sink);
    c.time("exported_at", file.exported_at);
    if region.is_none() {
        let problem = ImportProblem::UnknownRegion {
            region: file.region.clone(),
            regions: catalog.regions.iter().map(|r| r.id.clone()).collect(),
        };
        c.fail_at("region", problem);
    }
    if file.services.is_none() && file.pools.is_none() {
        c.fail(ImportProblem::NoResources);
    }
    if let Some(list) = &file.services {
        c.within(Step::Key("services"), |c| {
            if list.count != list.services.len() {
                let problem = ImportProblem::CountMismatch {
                    held: list.services.len(),
                    count: list.count,
                };
                c.fail_at("count", problem);
            }
            if list.total_count < list.count {
                c.fail_at("total_count", ImportProblem::TotalBelowCount);
            }
        });
    }
    if complete {
        for (id, other) in &console.state.regions {
            if *id != file.region {
                c.taken(id, &other.services, &other.pools, &other.real_time_services);
            }
        }
    }
    c.region(&file.region);
    if complete {
        c.taken(
            &file.region,
            kept_services.iter().copied(),
            kept_pools.iter().copied(),
            kept_real_time.iter().copied(),
        );
    }
    let list = c.list(SERVICES.to_vec());
    for (i, item) in services.iter().enumerate() {
        match (item.read(), item.error(&SERVICES, i)) {
            (Some(AnyService::Batch(s)), _) => c.service(list, i, s),
            (Some(AnyService::RealTime(s)), _) => c.real_time_service(list, i, s),
            (None, Some((path, problem))) => c.fail_path(path, problem),
            (None, None) => {}
        }
    }
    let list = c.list(POOLS.to_vec());
    for (i, item) in pools.iter().enumerate() {
        match (item.read(), item.error(&POOLS, i)) {
            (Some(p), _) => c.pool(list, i, p),
            (None, Some((path, problem))) => c.fail_path(path, problem),
            (None, None) => {}
        }
    }
    let mut errors = sink.errors;
    if complete {
        quotas(
            console,
            file,
            &read_services,
            &read_pools,
            &kept_pools,
            &mut errors,
        );
        real_time_limits(
            console,
            file,
            &read_real_time,
            &kept_real_time,
            &read_pools,
            &kept_pools,
            &mut errors,
        );
    }
    errors
}

/// The account's limit of real-time services, and the nodes they hold on each dedicated
/// pool, with the file imported.
fn real_time_limits(
    console: &Console,
    file: &ImportFile,
    services: &[&RealTimeService],
    kept: &[&RealTimeService],
    pools: &[&Pool],
    kept_pools: &[&Pool],
    errors: &mut ImportErrors,
) {
    let state = &console.state;
    let existing = state.regions.get(&file.region);
    let new = services
        .iter()
        .filter(|s| {
            existing.is_none_or(|r| {
                r.real_time_services
                    .iter()
                    .all(|e| e.service_id != s.service_id)
            })
        })
        .count();
    let after = console.real_time_count() + new;
    if state.settings.enforce_quotas && new > 0 && after > MAX_REAL_TIME_SERVICES {
        errors.push(
            "services.services".into(),
            ImportProblem::TooManyRealTime { after },
        );
    }
    for pool in pools.iter().chain(kept_pools) {
        let held: u32 = services
            .iter()
            .chain(kept)
            .filter(|s| s.location.is_on_pool(pool.id()))
            .map(|s| s.placed_nodes())
            .sum();
        if held > pool.node_count() {
            errors.push(
                "services.services".into(),
                ImportProblem::PoolWouldOverfill {
                    held,
                    pool: pool.display_name().to_string(),
                    nodes: pool.node_count(),
                },
            );
        }
    }
}

/// The account's service limit and the region's node quota, with the file imported.
fn quotas(
    console: &Console,
    file: &ImportFile,
    services: &[&BatchService],
    pools: &[&Pool],
    kept_pools: &[&Pool],
    errors: &mut ImportErrors,
) {
    let state = &console.state;
    let existing = state.regions.get(&file.region);
    let is_new = |s: &&&BatchService| {
        existing.is_none_or(|r| r.services.iter().all(|e| e.service_id != s.service_id))
    };
    let after = console.service_count() + services.iter().filter(is_new).count();
    if file.services.is_some() && state.settings.enforce_quotas && after > MAX_BATCH_SERVICES {
        errors.push(
            "services.services".into(),
            ImportProblem::TooManyBatch { after },
        );
    }
    let Some(region) = console.catalog.region(&file.region) else {
        return;
    };
    let nodes: u64 = pools
        .iter()
        .chain(kept_pools)
        .map(|p| u64::from(p.node_count()))
        .sum();
    if file.pools.is_some() && nodes > u64::from(region.node_quota) {
        errors.push(
            "pools.items".into(),
            ImportProblem::NodeQuota {
                nodes,
                region: region.name.clone(),
                quota: region.node_quota,
            },
        );
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_scan_ignores_brackets_and_commas_in_strings() {
        let deep = "[".repeat(MAX_IMPORT_DEPTH);
        assert_eq!(scan(&deep), Scan::Fits);
        assert_eq!(scan(&format!("{deep}[")), Scan::TooDeep);
        let quoted = format!(
            "{{\"a\": \"{}\\\"{}\"}}",
            "[".repeat(100),
            ",".repeat(3_000_000)
        );
        assert_eq!(scan(&quoted), Scan::Fits);
        let many = format!("[{}0]", "0,".repeat(MAX_IMPORT_VALUES));
        assert_eq!(scan(&many), Scan::TooMany);
    }
}

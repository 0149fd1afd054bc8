//! The aggregate: the whole console state and every command on it. Each command takes `now`,
//! first settles the clock (so it acts on the truth at that instant), and either changes the
//! state and returns the event it recorded, or refuses and leaves the state exactly as it was.

use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};

use crate::catalog::{Catalog, ModelState};
use crate::error::DomainError;
use crate::event::{Event, EventType, ServiceEvent};
use crate::query::{ServicePage, ServiceQuery};
use crate::service::{BatchService, ServiceAction, ServiceConfig};
use crate::validation::{self, Field, FieldError};
use crate::{ids, Millis};

/// Everything a user owns and chose: this is what is saved.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct ConsoleState {
    /// The region selected in the header.
    pub region: String,
    /// Agency authorization (Settings); deleting services needs it.
    pub agency_authorized: bool,
    /// Resources per region id.
    pub regions: BTreeMap<String, RegionState>,
    /// Sequence behind generated ids.
    pub id_seq: u64,
}

/// The resources of one region.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct RegionState {
    pub services: Vec<BatchService>,
}

/// What Modify may change on a service.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ServiceUpdate {
    pub description: String,
    pub config: ServiceConfig,
}

/// The console: the catalog it runs against plus the user's state.
#[derive(Clone, Debug, PartialEq)]
pub struct Console {
    catalog: Catalog,
    state: ConsoleState,
}

impl Console {
    /// An empty console in the catalog's default region.
    pub fn empty(catalog: Catalog) -> Console {
        let state = ConsoleState {
            region: catalog.default_region.clone(),
            agency_authorized: false,
            regions: BTreeMap::new(),
            id_seq: 0,
        };
        Console { catalog, state }
    }

    /// A console over a saved state. A selected region the catalog no longer has falls back to
    /// the default; the other region's data is kept untouched.
    pub fn from_state(catalog: Catalog, mut state: ConsoleState) -> Console {
        if catalog.region(&state.region).is_none() {
            state.region = catalog.default_region.clone();
        }
        Console { catalog, state }
    }

    pub fn catalog(&self) -> &Catalog {
        &self.catalog
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
    }

    pub fn region(&self) -> &str {
        &self.state.region
    }

    pub fn agency_authorized(&self) -> bool {
        self.state.agency_authorized
    }

    /// Services of the selected region, in creation order.
    pub fn services(&self) -> &[BatchService] {
        self.state
            .regions
            .get(&self.state.region)
            .map_or(&[], |r| r.services.as_slice())
    }

    pub fn service(&self, service_id: &str) -> Option<&BatchService> {
        self.services().iter().find(|s| s.service_id == service_id)
    }

    pub fn query(&self, query: &ServiceQuery) -> ServicePage<'_> {
        query.run(self.services())
    }

    /// Whether something in any region moves by itself, i.e. whether the app needs to tick.
    pub fn has_transitions(&self) -> bool {
        self.state
            .regions
            .values()
            .flat_map(|r| &r.services)
            .any(|s| s.status.is_transitional())
    }

    /// May `action` be done on this service now? `Err` carries the user-facing reason.
    pub fn check(&self, service_id: &str, action: ServiceAction) -> Result<(), DomainError> {
        let service = self.find(service_id)?;
        service
            .check(action, self.state.agency_authorized)
            .map_err(|refusal| DomainError::Refused {
                service_name: service.service_name.clone(),
                refusal,
            })
    }

    /// May all these services be deleted together? The first refusal explains why not.
    pub fn check_delete_all(&self, service_ids: &[String]) -> Result<(), DomainError> {
        if service_ids.is_empty() {
            return Err(DomainError::NothingSelected);
        }
        service_ids
            .iter()
            .try_for_each(|id| self.check(id, ServiceAction::Delete))
    }

    /// May this modification be made? Either the action's refusal or every field error.
    pub fn check_modify(
        &self,
        service_id: &str,
        update: &ServiceUpdate,
    ) -> Result<(), DomainError> {
        self.check(service_id, ServiceAction::Modify)?;
        let errors = self.validate_update(self.find(service_id)?, update);
        if errors.is_empty() {
            Ok(())
        } else {
            Err(DomainError::Invalid(errors))
        }
    }

    /// Would this update restart a running service? (Anything but the description does.)
    pub fn modify_needs_restart(&self, service_id: &str, update: &ServiceUpdate) -> bool {
        self.find(service_id)
            .is_ok_and(|s| s.status.is_billed() && s.config() != &update.config)
    }

    // ---- commands -------------------------------------------------------------------------

    pub fn select_region(&mut self, region: &str) -> Result<(), DomainError> {
        if self.catalog.region(region).is_none() {
            return Err(DomainError::UnknownRegion(region.to_string()));
        }
        self.state.region = region.to_string();
        Ok(())
    }

    pub fn set_agency_authorization(&mut self, authorized: bool) {
        self.state.agency_authorized = authorized;
    }

    /// Advances every service in every region to `now`, returning what happened.
    pub fn tick(&mut self, now: Millis) -> Vec<Event> {
        let mut happened = Vec::new();
        for region in self.state.regions.values_mut() {
            region.services.retain_mut(|service| {
                let (exists, events) = service.advance(now);
                happened.extend(events.into_iter().map(|record| Event {
                    service_id: service.service_id.clone(),
                    service_name: service.service_name.clone(),
                    record,
                }));
                exists
            });
        }
        happened
    }

    pub fn start_service(&mut self, service_id: &str, now: Millis) -> Result<Event, DomainError> {
        self.tick(now);
        self.check(service_id, ServiceAction::Start)?;
        let rate = self.hourly_rate(self.find(service_id)?.config());
        self.update(service_id, |s| {
            s.begin_deploy(now, rate);
            s.record(now, EventType::Normal, "Start the service. Deploying.")
        })
    }

    pub fn stop_service(&mut self, service_id: &str, now: Millis) -> Result<Event, DomainError> {
        self.tick(now);
        self.check(service_id, ServiceAction::Stop)?;
        self.update(service_id, |s| s.begin_stop(now))
    }

    /// Deletes one or several services. All are checked first: one refusal deletes none.
    pub fn delete_services(
        &mut self,
        service_ids: &[String],
        now: Millis,
    ) -> Result<Vec<Event>, DomainError> {
        self.tick(now);
        self.check_delete_all(service_ids)?;
        service_ids
            .iter()
            .map(|id| self.update(id, |s| s.begin_delete(now)))
            .collect()
    }

    /// Modifies a service. Changing anything but the description on a Running or Alarm service
    /// redeploys it (the UI asks for confirmation first, see [`Self::modify_needs_restart`]).
    pub fn modify_service(
        &mut self,
        service_id: &str,
        update: ServiceUpdate,
        now: Millis,
    ) -> Result<Event, DomainError> {
        self.tick(now);
        self.check_modify(service_id, &update)?;
        let current = self.find(service_id)?.clone();
        let restart = self.modify_needs_restart(service_id, &update);
        let rate = self.hourly_rate(&update.config);
        let changed = changed_fields(&current, &update);
        self.update(service_id, |s| {
            s.settle(now);
            s.description = update.description;
            s.config = vec![update.config];
            let message = if changed.is_empty() {
                "Service information saved with no changes.".to_string()
            } else {
                format!("Service information modified: {}.", changed.join(", "))
            };
            let event = s.record(now, EventType::Normal, message);
            if restart {
                s.begin_deploy(now, rate);
                return s.record(
                    now,
                    EventType::Normal,
                    "The service is restarted for the modification to take effect. Deploying.",
                );
            }
            event
        })
    }

    /// Replaces everything with the demo data (Settings > Reset demo data).
    pub fn reset_demo(&mut self, now: Millis) {
        let authorized = self.state.agency_authorized;
        *self = crate::demo::demo_console(self.catalog.clone(), now);
        self.state.agency_authorized = authorized;
    }

    // ---- internals ----------------------------------------------------------------------

    fn find(&self, service_id: &str) -> Result<&BatchService, DomainError> {
        self.service(service_id)
            .ok_or_else(|| DomainError::ServiceNotFound(service_id.to_string()))
    }

    fn update(
        &mut self,
        service_id: &str,
        change: impl FnOnce(&mut BatchService) -> ServiceEvent,
    ) -> Result<Event, DomainError> {
        let region = self
            .state
            .regions
            .entry(self.state.region.clone())
            .or_default();
        let service = region
            .services
            .iter_mut()
            .find(|s| s.service_id == service_id)
            .ok_or_else(|| DomainError::ServiceNotFound(service_id.to_string()))?;
        let record = change(service);
        Ok(Event {
            service_id: service.service_id.clone(),
            service_name: service.service_name.clone(),
            record,
        })
    }

    pub(crate) fn next_id(&mut self) -> String {
        self.state.id_seq += 1;
        ids::uuid_for(self.state.id_seq)
    }

    pub(crate) fn insert_service(&mut self, region: &str, service: BatchService) {
        self.state
            .regions
            .entry(region.to_string())
            .or_default()
            .services
            .push(service);
    }

    /// USD per hour for running this config: flavor price x compute nodes.
    pub fn hourly_rate(&self, config: &ServiceConfig) -> f64 {
        self.catalog
            .flavor(&config.specification)
            .map_or(0.0, |f| f.price_per_hour)
            * config.instance_count as f64
    }

    fn validate_update(&self, current: &BatchService, update: &ServiceUpdate) -> Vec<FieldError> {
        let mut errors = Vec::new();
        let mut check = |field: Field, result: Result<(), String>| {
            if let Err(message) = result {
                errors.push(FieldError::new(field, message));
            }
        };
        let old = current.config();
        let new = &update.config;
        check(
            Field::Description,
            validation::description(&update.description),
        );
        check(
            Field::ComputeNodes,
            validation::instance_count(new.instance_count),
        );
        check(Field::InputPath, validation::obs_folder(&new.src_path));
        check(Field::OutputPath, validation::obs_folder(&new.dest_path));
        check(Field::RequestPath, validation::request_path(&new.req_uri));
        check(
            Field::EnvironmentVariables,
            new.envs.keys().try_for_each(|k| validation::env_key(k)),
        );
        if new.specification != old.specification {
            let flavor = self.catalog.flavor(&new.specification);
            check(
                Field::Specifications,
                match flavor {
                    None => Err("Select specifications from the list.".into()),
                    Some(f) if f.is_sold_out_in(&self.state.region) => {
                        Err(format!("{} is sold out in this region.", f.display))
                    }
                    Some(_) => Ok(()),
                },
            );
        }
        if new.model_id != old.model_id || new.model_version != old.model_version {
            let version = self
                .catalog
                .model(&new.model_id)
                .filter(|m| m.model_name == new.model_name)
                .and_then(|m| {
                    m.versions
                        .iter()
                        .find(|v| v.model_version == new.model_version)
                });
            check(
                Field::ModelVersion,
                match version {
                    None => Err("Select a model version from the list.".into()),
                    Some(v) if v.state != ModelState::Normal => Err(format!(
                        "Version {} is {}. Only versions in the Normal state can be deployed.",
                        v.model_version,
                        v.state.label()
                    )),
                    Some(_) => Ok(()),
                },
            );
        }
        errors
    }
}

fn changed_fields(current: &BatchService, update: &ServiceUpdate) -> Vec<&'static str> {
    let (old, new) = (current.config(), &update.config);
    [
        (current.description != update.description, "description"),
        (
            old.model_version != new.model_version || old.model_id != new.model_id,
            "model version",
        ),
        (old.specification != new.specification, "specifications"),
        (old.instance_count != new.instance_count, "compute nodes"),
        (old.envs != new.envs, "environment variables"),
        (
            old.src_path != new.src_path
                || old.dest_path != new.dest_path
                || old.req_uri != new.req_uri
                || old.mapping_type != new.mapping_type,
            "paths",
        ),
    ]
    .into_iter()
    .filter_map(|(changed, name)| changed.then_some(name))
    .collect()
}

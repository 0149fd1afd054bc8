//! The commands on real-time services and the questions their pages ask first ("may I stop
//! this?", "what does this form violate?", "which upgrade is this?", "how many nodes are
//! free?"). Each command acts on a console already advanced to `now`, and either changes the
//! state and says what happened, or refuses and leaves the state exactly as it was.

use crate::command::Outcome;
use crate::console::Console;
use crate::error::{DomainError, Refusal};
use crate::event::EventKind;
use crate::ids;
use crate::pool::{PoolPhase, PoolType};
use crate::query::{ListPage, RealTimeQuery};
use crate::service::{Billing, DeletePlan, DeploymentLocation, ServiceAction, ServiceStatus};
use crate::validation::{self, Errors, Field, FieldError, Violation};
use crate::Millis;

use super::deploy::{self, RealTimeRequest, VersionInput, MAX_REAL_TIME_SERVICES};
use super::upgrade::{self, RealTimeUpdate, UpgradeKind, VersionChange};
use super::{
    access_address, Answer, ConfigUpdate, RealTimeConfig, RealTimeService, Rolling, Simulation,
    UpdateResult, INFER_TYPE, MAX_TRAFFIC, ROLLING_DURATION,
};

impl Console {
    /// Real-time services of the selected region, in creation order.
    pub fn real_time_services(&self) -> &[RealTimeService] {
        self.state
            .regions
            .get(&self.state.region)
            .map_or(&[], |r| r.real_time_services.as_slice())
    }

    pub fn real_time_service(&self, service_id: &str) -> Option<&RealTimeService> {
        self.real_time_services()
            .iter()
            .find(|s| s.service_id == service_id)
    }

    /// Real-time services in all regions (the account limit counts them all).
    pub fn real_time_count(&self) -> usize {
        self.state
            .regions
            .values()
            .map(|r| r.real_time_services.len())
            .sum()
    }

    pub fn real_time_query(&self, query: &RealTimeQuery) -> ListPage<'_, RealTimeService> {
        query.run(self.real_time_services())
    }

    /// Ids of every real-time service matching the query, on all pages.
    pub fn matching_real_time_ids(&self, query: &RealTimeQuery) -> Vec<String> {
        let matches = query.matcher::<RealTimeService>();
        self.real_time_services()
            .iter()
            .filter(|s| matches(s))
            .map(|s| s.service_id.clone())
            .collect()
    }

    /// The real-time services deployed on a dedicated pool.
    pub fn real_time_on_pool(&self, pool_id: &str) -> Vec<&RealTimeService> {
        self.real_time_services()
            .iter()
            .filter(|s| s.location.is_on_pool(pool_id))
            .collect()
    }

    /// Nodes of a pool its real-time services occupy.
    pub fn pool_occupied_nodes(&self, pool_id: &str) -> u32 {
        self.real_time_on_pool(pool_id)
            .iter()
            .map(|s| s.occupied_nodes())
            .sum()
    }

    /// Nodes of a pool a real-time service could be placed on now.
    pub fn pool_free_nodes(&self, pool_id: &str) -> u32 {
        self.pool(pool_id).map_or(0, |p| {
            p.usable_nodes()
                .saturating_sub(self.pool_occupied_nodes(pool_id))
        })
    }

    /// The pools a real-time service may be deployed on: the region's Running pools of type
    /// Service Deployment.
    pub fn service_pools(&self) -> Vec<&crate::Pool> {
        self.pools()
            .iter()
            .filter(|p| {
                p.pool_type() == PoolType::ServiceDeployment && p.phase() == PoolPhase::Running
            })
            .collect()
    }

    /// May `action` be done on this real-time service now? Start also needs its dedicated
    /// pool Running.
    pub fn check_real_time(
        &self,
        service_id: &str,
        action: ServiceAction,
    ) -> Result<(), DomainError> {
        self.check_tenant(self.find_real_time(service_id)?, action)
    }

    /// May the service be called now (Prediction)? Running or Alarm.
    pub fn check_predict(&self, service_id: &str) -> Result<(), DomainError> {
        let service = self.find_real_time(service_id)?;
        if service.answers_calls() {
            Ok(())
        } else {
            Err(DomainError::Refused {
                service_name: service.service_name.clone(),
                refusal: Refusal::NotAnswering(service.status),
            })
        }
    }

    /// Splits a selection into what Delete may and may not delete.
    pub fn plan_real_time_delete(&self, service_ids: &[String]) -> DeletePlan {
        self.plan_tenant_delete(service_ids, |id| self.real_time_service(id))
    }

    /// The status a deployment of `request` starts in: Deploying, or Waiting for resources
    /// when its dedicated pool has too few free nodes now.
    pub fn real_time_deploy_status(&self, request: &RealTimeRequest) -> ServiceStatus {
        // Counted as the deployment counts them.
        let nodes = self
            .configs(&request.versions)
            .iter()
            .map(|c| c.instance_count)
            .sum();
        if self.fits_on(&request.location, nodes, None) {
            ServiceStatus::Deploying
        } else {
            ServiceStatus::Waiting
        }
    }

    /// Whether WebSocket is offered for a model: only one from a container image.
    pub fn offers_websocket(&self, model_id: &str) -> bool {
        deploy::all_container_images(&self.catalog, std::iter::once(model_id))
    }

    /// The model's next Normal version not among `configured`, for "Add Model Version and
    /// Configuration" (`None`: every one is configured).
    pub fn next_model_version(&self, model_id: &str, configured: &[String]) -> Option<String> {
        self.catalog
            .model(model_id)?
            .normal_versions()
            .find(|v| !configured.contains(&v.model_version))
            .map(|v| v.model_version.clone())
    }

    /// Whether the account may have one more real-time service.
    pub fn check_real_time_quota(&self) -> Result<(), DomainError> {
        if self.state.settings.enforce_quotas && self.real_time_count() >= MAX_REAL_TIME_SERVICES {
            return Err(DomainError::RealTimeQuota {
                limit: MAX_REAL_TIME_SERVICES,
            });
        }
        Ok(())
    }

    /// USD per hour of a configuration: flavor price x nodes, summed over the versions.
    pub fn real_time_rate(&self, config: &[RealTimeConfig]) -> f64 {
        config
            .iter()
            .map(|c| {
                self.catalog
                    .flavor(&c.specification)
                    .map_or(0.0, |f| f.price_per_hour)
                    * f64::from(c.instance_count)
            })
            .sum()
    }

    /// The live price of a form's versions, once every flavor and node count makes sense.
    pub fn real_time_price(&self, versions: &[VersionInput]) -> Option<f64> {
        versions
            .iter()
            .map(|v| {
                let flavor = self.catalog.flavor(&v.specification)?;
                let nodes = v
                    .instance_count
                    .filter(|n| validation::instance_count(*n).is_ok())?;
                Some(flavor.price_per_hour * f64::from(nodes))
            })
            .sum()
    }

    /// A free name like `service-3f9a` for the Deploy form.
    pub fn suggested_real_time_name(&self) -> String {
        (1..)
            .map(|n| format!("service-{}", ids::short_suffix(self.state.id_seq + n)))
            .find(|name| {
                !self
                    .real_time_services()
                    .iter()
                    .any(|s| &s.service_name == name)
            })
            .expect("some suffix is free")
    }

    /// Every rule the Deploy input breaks (empty: it may be deployed).
    pub fn validate_real_time_deploy(&self, request: &RealTimeRequest) -> Vec<FieldError> {
        let mut errors = Errors::default();
        let name = request.service_name.trim();
        errors.check(Field::Name, validation::service_name(name));
        if self
            .real_time_services()
            .iter()
            .any(|s| s.service_name == name)
        {
            errors.check(
                Field::Name,
                Err(Violation::RealTimeNameTaken {
                    name: name.to_string(),
                }),
            );
        }
        errors.check(
            Field::Description,
            validation::description(&request.description),
        );
        errors.check(Field::AutoStop, request.auto_stop.check());
        errors.check(Field::ResourcePool, self.service_pool(&request.location));
        deploy::check_versions(
            &self.catalog,
            &self.state.region,
            &request.versions,
            &[],
            request.websocket,
            &mut errors,
        );
        errors.0
    }

    fn service_pool(&self, location: &DeploymentLocation) -> Result<(), Violation> {
        match location {
            DeploymentLocation::PublicPool => Ok(()),
            DeploymentLocation::DedicatedPool { pool_name } => self.deployment_pool(pool_name),
            _ => Err(Violation::PublicOrDedicatedPool),
        }
    }

    /// Every rule the Modify input breaks.
    pub fn validate_real_time_modify(
        &self,
        service_id: &str,
        update: &RealTimeUpdate,
    ) -> Vec<FieldError> {
        let Some(service) = self.real_time_service(service_id) else {
            return Vec::new();
        };
        let mut errors = Errors::default();
        errors.check(
            Field::Description,
            validation::description(&update.description),
        );
        errors.check(Field::AutoStop, update.auto_stop.check());
        deploy::check_versions(
            &self.catalog,
            &self.state.region,
            &update.versions,
            &service.config,
            service.websocket,
            &mut errors,
        );
        if errors.0.is_empty() && self.upgrade_kind(service_id, update) == UpgradeKind::Hitless {
            if let DeploymentLocation::DedicatedPool { pool_name } = &service.location {
                let new: u32 = update
                    .versions
                    .iter()
                    .filter_map(|v| v.instance_count)
                    .sum();
                let more = new.saturating_sub(service.nodes());
                let free = self.pool_free_nodes(pool_name);
                if more > free {
                    errors.check(
                        Field::ResourcePool,
                        Err(Violation::PoolShortOfNodes { more, free }),
                    );
                }
            }
        }
        errors.0
    }

    /// What this modification changes, old -> new.
    pub fn real_time_changes(
        &self,
        service_id: &str,
        update: &RealTimeUpdate,
    ) -> Vec<VersionChange> {
        self.real_time_service(service_id)
            .map_or_else(Vec::new, |s| {
                upgrade::changes(
                    &self.catalog,
                    s,
                    &update.description,
                    update.auto_stop.hours(),
                    &self.configs(&update.versions),
                )
            })
    }

    /// Which upgrade this modification is (the upgrade dialog's scenario).
    pub fn upgrade_kind(&self, service_id: &str, update: &RealTimeUpdate) -> UpgradeKind {
        let Some(s) = self.real_time_service(service_id) else {
            return UpgradeKind::Information;
        };
        let new = self.configs(&update.versions);
        let changes = upgrade::changes(
            &self.catalog,
            s,
            &update.description,
            update.auto_stop.hours(),
            &new,
        );
        upgrade::kind_of(&self.catalog, s, &changes, &new)
    }

    fn configs(&self, versions: &[VersionInput]) -> Vec<RealTimeConfig> {
        versions
            .iter()
            .map(|v| v.to_config(&self.catalog))
            .collect()
    }

    /// Whether a dedicated pool has room for `nodes` more nodes besides what `except`
    /// already holds.
    fn fits_on(&self, location: &DeploymentLocation, nodes: u32, except: Option<&str>) -> bool {
        let DeploymentLocation::DedicatedPool { pool_name } = location else {
            return true;
        };
        let held: u32 = self
            .real_time_on_pool(pool_name)
            .iter()
            .filter(|s| Some(s.service_id.as_str()) != except)
            .map(|s| s.occupied_nodes())
            .sum();
        self.pool(pool_name)
            .is_some_and(|p| p.usable_nodes() >= held + nodes)
    }

    // ---- commands (the console is already advanced to `now`) ------------------------------

    pub(crate) fn deploy_real_time(
        &mut self,
        request: RealTimeRequest,
        now: Millis,
    ) -> Result<Outcome, DomainError> {
        self.check_real_time_quota()?;
        let errors = self.validate_real_time_deploy(&request);
        if !errors.is_empty() {
            return Err(DomainError::Invalid(errors));
        }
        let config = self.configs(&request.versions);
        let rate = self.real_time_rate(&config);
        let nodes = config.iter().map(|c| c.instance_count).sum();
        let fits = self.fits_on(&request.location, nodes, None);
        let service_id = self.next_id();
        let service_name = request.service_name.trim().to_string();
        let mut service = RealTimeService {
            access_address: access_address(&self.state.region, &service_id),
            service_id: service_id.clone(),
            service_name: service_name.clone(),
            description: request.description,
            infer_type: INFER_TYPE.into(),
            status: ServiceStatus::Deploying,
            progress: 0,
            publish_at: now,
            transition_at: now,
            start_time: None,
            error_msg: None,
            config,
            location: request.location,
            schedule: request.auto_stop.schedule(),
            due_time: None,
            websocket: request.websocket,
            invocation_times: 0,
            failed_times: 0,
            calls: Vec::new(),
            updates: Vec::new(),
            billing: Billing::default(),
            simulation: Simulation {
                accounted_at: now,
                ..Simulation::default()
            },
            events: Vec::new(),
        };
        service.record(now, EventKind::DeployRequested);
        service.begin_deploy(now, rate, fits);
        self.region_state_mut().real_time_services.push(service);
        Ok(Outcome::Deployed {
            service_id,
            service_name,
        })
    }

    pub(crate) fn start_real_time(
        &mut self,
        service_id: &str,
        now: Millis,
    ) -> Result<Outcome, DomainError> {
        self.check_real_time(service_id, ServiceAction::Start)?;
        let service = self.find_real_time(service_id)?;
        let rate = self.real_time_rate(&service.config);
        let fits = self.fits_on(&service.location, service.nodes(), Some(service_id));
        let service = self.find_real_time_mut(service_id)?;
        service.record(now, EventKind::StartRequested);
        service.begin_deploy(now, rate, fits);
        Ok(Outcome::Started {
            service_name: service.service_name.clone(),
        })
    }

    pub(crate) fn stop_real_time(
        &mut self,
        service_id: &str,
        now: Millis,
    ) -> Result<Outcome, DomainError> {
        self.check_real_time(service_id, ServiceAction::Stop)?;
        let service = self.find_real_time_mut(service_id)?;
        service.begin_stop(now);
        Ok(Outcome::Stopping {
            service_name: service.service_name.clone(),
        })
    }

    /// Deletes one or several real-time services: all are checked first; one refusal
    /// deletes none.
    pub(crate) fn delete_real_time(
        &mut self,
        service_ids: &[String],
        now: Millis,
    ) -> Result<Outcome, DomainError> {
        if service_ids.is_empty() {
            return Err(DomainError::NothingSelected);
        }
        for id in service_ids {
            self.check_real_time(id, ServiceAction::Delete)?;
        }
        let mut service_names = Vec::new();
        let mut seen = std::collections::BTreeSet::new();
        for id in service_ids.iter().filter(|id| seen.insert(id.as_str())) {
            let service = self.find_real_time_mut(id)?;
            service.begin_delete(now);
            service_names.push(service.service_name.clone());
        }
        Ok(Outcome::Deleting { service_names })
    }

    /// Modifies a real-time service: the description and Auto Stop at once, the traffic
    /// ratios at once, anything else as the upgrade [`Self::upgrade_kind`] names.
    pub(crate) fn modify_real_time(
        &mut self,
        service_id: &str,
        update: RealTimeUpdate,
        now: Millis,
    ) -> Result<Outcome, DomainError> {
        self.check_real_time(service_id, ServiceAction::Modify)?;
        let errors = self.validate_real_time_modify(service_id, &update);
        if !errors.is_empty() {
            return Err(DomainError::Invalid(errors));
        }
        let changes = self.real_time_changes(service_id, &update);
        let kind = self.upgrade_kind(service_id, &update);
        let new = self.configs(&update.versions);
        let rate = self.real_time_rate(&new);
        let service = self.find_real_time(service_id)?;
        let fits = self.fits_on(
            &service.location,
            new.iter().map(|c| c.instance_count).sum(),
            Some(service_id),
        );
        let service = self.find_real_time_mut(service_id)?;
        let answering = service.answers_calls();
        service.settle(now);
        service.description = update.description;
        let hours = update.auto_stop.hours();
        if hours != service.auto_stop_hours() {
            service.schedule = update.auto_stop.schedule();
            service.due_time = match hours {
                Some(h) if answering => Some(now + Millis::from(h) * crate::HOUR),
                _ => None,
            };
        }
        let fields: Vec<Field> = {
            let mut f: Vec<Field> = changes.iter().map(|c| c.field).collect();
            f.dedup();
            f
        };
        service.record(
            now,
            EventKind::Modified {
                fields: fields.clone(),
            },
        );
        if kind != UpgradeKind::Information {
            let in_progress =
                answering && matches!(kind, UpgradeKind::Hitless | UpgradeKind::Interrupting);
            service.updates.push(ConfigUpdate {
                time: now,
                changes: changes
                    .iter()
                    .filter(|c| !matches!(c.field, Field::Description | Field::AutoStop))
                    .map(ToString::to_string)
                    .collect(),
                kind,
                result: (!in_progress).then_some(UpdateResult::Success),
            });
            if service.updates.len() > crate::event::MAX_EVENTS {
                service.updates.remove(0);
            }
            match kind {
                UpgradeKind::Hitless if answering => {
                    service.simulation.rolling = Some(Rolling {
                        config: new,
                        until: now + ROLLING_DURATION,
                        hourly_rate: rate,
                    });
                    service.record(now, EventKind::UpdateStarted);
                }
                UpgradeKind::Interrupting if answering => {
                    service.config = new;
                    service.record(now, EventKind::RestartedForModification);
                    service.begin_deploy(now, rate, fits);
                }
                // The ratios alone, or a service that answers no calls: applied at once.
                _ => {
                    service.config = new;
                    service.billing.hourly_rate = rate;
                }
            }
        }
        Ok(Outcome::Upgraded {
            service_name: service.service_name.clone(),
            kind,
            changed: !changes.is_empty(),
        })
    }

    /// One call from the Prediction tab.
    pub(crate) fn predict(
        &mut self,
        service_id: &str,
        body: &str,
        now: Millis,
    ) -> Result<Outcome, DomainError> {
        self.check_predict(service_id)?;
        if let Err(violation) = super::check_request_body(body) {
            return Err(DomainError::Invalid(vec![FieldError::new(
                Field::RequestBody,
                violation,
            )]));
        }
        let catalog = self.catalog.clone();
        let service = self.find_real_time_mut(service_id)?;
        service.settle(now);
        let answer: Answer = service.call(&catalog, body, now);
        Ok(Outcome::Predicted {
            service_name: service.service_name.clone(),
            answer,
        })
    }

    /// Sandbox: Simulate Traffic sends `calls_per_minute` calls every simulated minute from now.
    pub(crate) fn simulate_traffic(
        &mut self,
        service_id: &str,
        calls_per_minute: u32,
        now: Millis,
    ) -> Result<Outcome, DomainError> {
        if calls_per_minute > MAX_TRAFFIC {
            return Err(DomainError::Invalid(vec![FieldError::new(
                Field::CallsPerMinute,
                calls_per_minute_rule(),
            )]));
        }
        let service = self.find_real_time_mut(service_id)?;
        service.settle(now);
        service.simulation.traffic = calls_per_minute;
        Ok(Outcome::TrafficSimulated {
            service_name: service.service_name.clone(),
            calls_per_minute,
        })
    }

    pub(crate) fn find_real_time(&self, service_id: &str) -> Result<&RealTimeService, DomainError> {
        self.real_time_service(service_id)
            .ok_or_else(|| DomainError::ServiceNotFound(service_id.to_string()))
    }

    /// Found first without a write: a refusal must not even add the region's entry.
    fn find_real_time_mut(
        &mut self,
        service_id: &str,
    ) -> Result<&mut RealTimeService, DomainError> {
        self.find_real_time(service_id)?;
        Ok(self
            .region_state_mut()
            .real_time_services
            .iter_mut()
            .find(|s| s.service_id == service_id)
            .expect("found above"))
    }
}

/// What Simulate Traffic accepts.
fn calls_per_minute_rule() -> Violation {
    Violation::CallsPerMinute { max: MAX_TRAFFIC }
}

/// Simulate Traffic's field as typed: a whole number of calls per minute up to
/// [`MAX_TRAFFIC`].
pub fn parse_calls_per_minute(text: &str) -> Result<u32, Violation> {
    text.trim()
        .parse::<u32>()
        .ok()
        .filter(|n| *n <= MAX_TRAFFIC)
        .ok_or_else(calls_per_minute_rule)
}

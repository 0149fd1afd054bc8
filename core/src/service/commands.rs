//! The commands on batch services and the questions the UI asks before it sends them ("may I
//! start this?", "what does this form violate?", "what will Modify change?"). Each command
//! acts on a console already advanced to `now`, and either changes the state and says what
//! happened, or refuses and leaves the state exactly as it was.

use crate::command::Outcome;
use crate::console::Console;
use crate::error::{DomainError, Refusal};
use crate::event::EventKind;
use crate::ids;
use crate::validation::{self, Errors, Field, FieldError, Violation};
use crate::{Lang, Millis};

use super::deploy::{self, ConfigInput, DeployRequest, MAX_BATCH_SERVICES};
use super::modify::{self, Change, ServiceUpdate};
use super::{BatchService, DeploymentLocation, ServiceAction, ServiceConfig};
use crate::pool::{PoolPhase, PoolType};

/// What a Delete of several services would do: the services that may be deleted, and the
/// others with the reason they may not.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct DeletePlan {
    /// `(service_id, service_name)`.
    pub allowed: Vec<(String, String)>,
    pub refused: Vec<RefusedDelete>,
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct RefusedDelete {
    pub service_id: String,
    pub service_name: String,
    /// Why it may not be deleted ([`crate::text::Messages::refusal`] says it).
    pub refusal: Refusal,
}

impl DeletePlan {
    pub fn allowed_ids(&self) -> Vec<String> {
        self.allowed.iter().map(|(id, _)| id.clone()).collect()
    }
}

impl Console {
    /// May `action` be done on this service now? `Err` carries the user-facing reason.
    /// Start also needs a service's dedicated pool to be Running.
    pub fn check(&self, service_id: &str, action: ServiceAction) -> Result<(), DomainError> {
        self.check_tenant(self.find(service_id)?, action)
    }

    /// Splits a selection into what Delete may and may not delete (the batch dialog).
    pub fn plan_delete(&self, service_ids: &[String]) -> DeletePlan {
        self.plan_tenant_delete(service_ids, |id| self.service(id))
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

    /// USD per hour for running this config: flavor price x compute nodes.
    pub fn hourly_rate(&self, config: &ServiceConfig) -> f64 {
        self.catalog
            .flavor(&config.specification)
            .map_or(0.0, |f| f.price_per_hour)
            * f64::from(config.instance_count)
    }

    /// The live price of a form's input, once its flavor and node count make sense.
    pub fn price_per_hour(&self, input: &ConfigInput) -> Option<f64> {
        let flavor = self.catalog.flavor(&input.specification)?;
        let nodes = input
            .instance_count
            .filter(|n| validation::instance_count(*n).is_ok())?;
        Some(flavor.price_per_hour * f64::from(nodes))
    }

    /// A free name like `service-3f9a` for the Deploy form.
    pub fn suggested_service_name(&self) -> String {
        (1..)
            .map(|n| format!("service-{}", ids::short_suffix(self.state.id_seq + n)))
            .find(|name| !self.services().iter().any(|s| &s.service_name == name))
            .expect("some suffix is free")
    }

    /// Every rule the Deploy input breaks, field by field (empty: it may be deployed).
    pub fn validate_deploy(&self, request: &DeployRequest) -> Vec<FieldError> {
        let mut errors = Errors::default();
        let name = request.service_name.trim();
        errors.check(Field::Name, validation::service_name(name));
        if self.services().iter().any(|s| s.service_name == name) {
            errors.check(
                Field::Name,
                Err(Violation::ServiceNameTaken {
                    name: name.to_string(),
                }),
            );
        }
        errors.check(
            Field::Description,
            validation::description(&request.description),
        );
        deploy::check_config(
            &self.catalog,
            &self.state.region,
            &request.config,
            None,
            &mut errors,
        );
        errors.check(Field::DeploymentLocation, self.location(&request.location));
        crate::sort::sort_by_key(&mut errors.0, |e| e.field);
        errors.0
    }

    /// Whether the account may have one more batch service.
    pub fn check_service_quota(&self) -> Result<(), DomainError> {
        if self.state.settings.enforce_quotas && self.service_count() >= MAX_BATCH_SERVICES {
            return Err(DomainError::ServiceQuota {
                limit: MAX_BATCH_SERVICES,
            });
        }
        Ok(())
    }

    fn location(&self, location: &DeploymentLocation) -> Result<(), Violation> {
        let region = self.catalog.region(&self.state.region);
        let listed = |names: Option<&Vec<String>>, name: &str| {
            names.is_some_and(|n| n.iter().any(|x| x == name))
        };
        match location {
            DeploymentLocation::PublicPool => Ok(()),
            DeploymentLocation::DedicatedPool { pool_name } => self.deployment_pool(pool_name),
            DeploymentLocation::EdgeNode { node_name } => {
                if listed(region.map(|r| &r.edge_nodes), node_name) {
                    Ok(())
                } else {
                    Err(Violation::SelectEdgeNode)
                }
            }
            DeploymentLocation::EdgePool { pool_name } => {
                if listed(region.map(|r| &r.edge_pools), pool_name) {
                    Ok(())
                } else {
                    Err(Violation::SelectEdgePool)
                }
            }
        }
    }

    /// A dedicated pool a service of either kind may be deployed on: one of the region, of
    /// type Service Deployment, Running.
    pub(crate) fn deployment_pool(&self, pool_id: &str) -> Result<(), Violation> {
        match self.pool(pool_id) {
            Some(p) if p.pool_type() != PoolType::ServiceDeployment => {
                Err(Violation::PoolNotForDeployment {
                    pool_name: p.display_name().to_string(),
                    pool_type: p.pool_type(),
                })
            }
            Some(p) if p.phase() != PoolPhase::Running => Err(Violation::PoolNotRunning {
                pool_name: p.display_name().to_string(),
                phase: p.phase(),
            }),
            Some(_) => Ok(()),
            None => Err(Violation::PoolMissing {
                pool_name: pool_id.to_string(),
            }),
        }
    }

    /// May this modification be made? Either the action's refusal or every field error.
    pub fn check_modify(
        &self,
        service_id: &str,
        update: &ServiceUpdate,
    ) -> Result<(), DomainError> {
        self.check(service_id, ServiceAction::Modify)?;
        let errors = self.validate_modify(service_id, update);
        if errors.is_empty() {
            Ok(())
        } else {
            Err(DomainError::Invalid(errors))
        }
    }

    /// Every rule the Modify input breaks, field by field.
    pub fn validate_modify(&self, service_id: &str, update: &ServiceUpdate) -> Vec<FieldError> {
        let Some(service) = self.service(service_id) else {
            return Vec::new();
        };
        let mut errors = Errors::default();
        errors.check(
            Field::Description,
            validation::description(&update.description),
        );
        deploy::check_config(
            &self.catalog,
            &self.state.region,
            &update.config,
            Some(service.config()),
            &mut errors,
        );
        crate::sort::sort_by_key(&mut errors.0, |e| e.field);
        errors.0
    }

    /// What this modification changes, old -> new, said in `lang`.
    pub fn modify_changes(
        &self,
        service_id: &str,
        update: &ServiceUpdate,
        lang: Lang,
    ) -> Vec<Change> {
        self.service(service_id).map_or_else(Vec::new, |s| {
            modify::changes(
                &self.catalog,
                s,
                &update.description,
                &update.config.to_config(&self.catalog),
                lang,
            )
        })
    }

    /// Would this update restart a running service? (Changing anything but the description of
    /// a Running or Alarm service does.)
    pub fn modify_needs_restart(&self, service_id: &str, update: &ServiceUpdate) -> bool {
        self.service(service_id)
            .is_some_and(|s| s.status.is_billed())
            && self
                .modify_changes(service_id, update, Lang::En)
                .iter()
                .any(|c| c.field != Field::Description)
    }

    // ---- commands (the console is already advanced to `now`) ------------------------------

    pub(crate) fn deploy(
        &mut self,
        request: DeployRequest,
        now: Millis,
    ) -> Result<Outcome, DomainError> {
        self.check_service_quota()?;
        let errors = self.validate_deploy(&request);
        if !errors.is_empty() {
            return Err(DomainError::Invalid(errors));
        }
        let config = request.config.to_config(&self.catalog);
        let rate = self.hourly_rate(&config);
        let input_mb = deploy::simulated_input_mb(&config.src_path);
        let service_id = self.next_id();
        let service_name = request.service_name.trim().to_string();
        let service = BatchService::new_deploying(
            service_id.clone(),
            service_name.clone(),
            request.description,
            config,
            request.location,
            input_mb,
            rate,
            now,
        );
        let region = self.state.region.clone();
        self.insert_service(&region, service);
        Ok(Outcome::Deployed {
            service_id,
            service_name,
        })
    }

    pub(crate) fn start(&mut self, service_id: &str, now: Millis) -> Result<Outcome, DomainError> {
        self.check(service_id, ServiceAction::Start)?;
        let rate = self.hourly_rate(self.find(service_id)?.config());
        let service = self.find_mut(service_id)?;
        service.begin_deploy(now, rate);
        service.record(now, EventKind::StartRequested);
        Ok(Outcome::Started {
            service_name: service.service_name.clone(),
        })
    }

    pub(crate) fn stop(&mut self, service_id: &str, now: Millis) -> Result<Outcome, DomainError> {
        self.check(service_id, ServiceAction::Stop)?;
        let service = self.find_mut(service_id)?;
        service.begin_stop(now);
        Ok(Outcome::Stopping {
            service_name: service.service_name.clone(),
        })
    }

    /// Deletes one or several services. All are checked first: one refusal deletes none (the
    /// batch dialog sends only what [`Self::plan_delete`] allowed).
    pub(crate) fn delete(
        &mut self,
        service_ids: &[String],
        now: Millis,
    ) -> Result<Outcome, DomainError> {
        self.check_delete_all(service_ids)?;
        let mut service_names = Vec::new();
        let mut seen = std::collections::BTreeSet::new();
        // An id given twice is one service, deleted (and recorded) once.
        for id in service_ids.iter().filter(|id| seen.insert(id.as_str())) {
            let service = self.find_mut(id)?;
            service.begin_delete(now);
            service_names.push(service.service_name.clone());
        }
        Ok(Outcome::Deleting { service_names })
    }

    /// Modifies a service. Changing anything but the description on a Running or Alarm service
    /// redeploys it (the UI asks for confirmation first, see [`Self::modify_needs_restart`]).
    pub(crate) fn modify(
        &mut self,
        service_id: &str,
        update: ServiceUpdate,
        now: Millis,
    ) -> Result<Outcome, DomainError> {
        self.check_modify(service_id, &update)?;
        let restart = self.modify_needs_restart(service_id, &update);
        if restart {
            let service = self.find(service_id)?;
            if let DeploymentLocation::DedicatedPool { pool_name } = &service.location {
                self.pool_available(pool_name)
                    .map_err(|refusal| DomainError::Refused {
                        service_name: service.service_name.clone(),
                        refusal,
                    })?;
            }
        }
        let fields: Vec<Field> = self
            .modify_changes(service_id, &update, Lang::En)
            .into_iter()
            .map(|c| c.field)
            .collect();
        let config = update.config.to_config(&self.catalog);
        let rate = self.hourly_rate(&config);
        let service = self.find_mut(service_id)?;
        service.settle(now);
        service.description = update.description;
        service.config = vec![config];
        service.record(
            now,
            EventKind::Modified {
                fields: fields.clone(),
            },
        );
        if restart {
            service.begin_deploy(now, rate);
            service.record(now, EventKind::RestartedForModification);
        }
        Ok(Outcome::Modified {
            service_name: service.service_name.clone(),
            fields,
            restarted: restart,
        })
    }

    fn find(&self, service_id: &str) -> Result<&BatchService, DomainError> {
        self.service(service_id)
            .ok_or_else(|| DomainError::ServiceNotFound(service_id.to_string()))
    }

    /// Through the id index, as [`Console::service`]: a batch is not a scan per service.
    fn find_mut(&mut self, service_id: &str) -> Result<&mut BatchService, DomainError> {
        let i = self
            .service_position(service_id)
            .ok_or_else(|| DomainError::ServiceNotFound(service_id.to_string()))?;
        Ok(&mut self.region_state_mut().services[i])
    }
}

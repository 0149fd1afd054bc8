//! The commands on pools and the questions the pool pages ask first ("what does this form
//! violate?", "what will it cost?", "how many nodes are left?", "which services does deleting
//! this pool fail?"). Each command acts on a console already advanced to `now`, and either
//! changes the state or refuses and leaves it exactly as it was.

use crate::choice::Choice;
use crate::command::Outcome;
use crate::console::Console;
use crate::error::DomainError;
use crate::event::{EventKind, Record};
use crate::query::{ListPage, PoolQuery};
use crate::service::DeploymentLocation;
use crate::text::Lang;
use crate::validation::{Errors, Field, FieldError, Violation};
use crate::Millis;

use super::create::{self, AzChoice, PoolPrice, PoolRequest, PREPAID_DEPLOYMENT_REGION};
use super::scale::{ScaleDirection, ScaleRequest};
use super::{
    AzCount, BillingMode, NodeStatus, Pool, PoolAction, PoolAnnotations, PoolBilling,
    PoolEventKind, PoolLabels, PoolMetadata, PoolNetwork, PoolPhase, PoolResource, PoolSpec,
    PoolStatus, PoolType, RequiredDuration,
};

/// What typing in the Delete dialog must match.
pub const DELETE_CONFIRMATION: &str = "DELETE";

/// What deleting a pool does: its name and the services on it that will fail.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct PoolDeletePlan {
    pub pool_name: String,
    /// `(service_id, service_name)` of the batch services deployed on the pool.
    pub services: Vec<(String, String)>,
    /// `(service_id, service_name)` of the real-time services deployed on the pool.
    pub real_time_services: Vec<(String, String)>,
}

impl Console {
    /// Pools of the selected region, in creation order.
    pub fn pools(&self) -> &[Pool] {
        self.state
            .regions
            .get(&self.state.region)
            .map_or(&[], |r| r.pools.as_slice())
    }

    pub fn pool(&self, pool_id: &str) -> Option<&Pool> {
        self.pools().iter().find(|p| p.id() == pool_id)
    }

    /// One page of the pools of a type (a tab of the list).
    pub fn pool_query(&self, pool_type: PoolType, query: &PoolQuery) -> ListPage<'_, Pool> {
        query.run(self.pools().iter().filter(|p| p.pool_type() == pool_type))
    }

    /// The region's node quota for dedicated pools.
    pub fn node_quota(&self) -> u32 {
        self.catalog
            .region(&self.state.region)
            .map_or(0, |r| r.node_quota)
    }

    /// Nodes the region's pools hold (or are scaling to), until a deleted pool is gone.
    pub fn nodes_in_use(&self) -> u32 {
        self.pools().iter().map(Pool::node_count).sum()
    }

    /// What is left of the node quota.
    pub fn nodes_left(&self) -> u32 {
        self.node_quota().saturating_sub(self.nodes_in_use())
    }

    /// May `action` be done on this pool now? `Err` carries the user-facing reason.
    pub fn check_pool(&self, pool_id: &str, action: PoolAction) -> Result<(), DomainError> {
        let pool = self.find_pool(pool_id)?;
        pool.check(action)
            .map_err(|refusal| DomainError::PoolRefused {
                pool_name: pool.display_name().to_string(),
                refusal,
            })
    }

    /// The batch services deployed on a pool.
    pub fn services_on_pool(&self, pool_id: &str) -> Vec<&crate::BatchService> {
        self.services()
            .iter()
            .filter(|s| s.location.is_on_pool(pool_id))
            .collect()
    }

    /// What the Delete dialog names: the pool and the services that will fail.
    pub fn plan_pool_delete(&self, pool_id: &str) -> PoolDeletePlan {
        PoolDeletePlan {
            pool_name: self
                .pool(pool_id)
                .map_or_else(|| pool_id.to_string(), |p| p.display_name().to_string()),
            services: self
                .services_on_pool(pool_id)
                .into_iter()
                .filter(|s| s.status.fails_with_its_pool())
                .map(|s| (s.service_id.clone(), s.service_name.clone()))
                .collect(),
            real_time_services: self
                .real_time_on_pool(pool_id)
                .into_iter()
                .filter(|s| s.status.fails_with_its_pool())
                .map(|s| (s.service_id.clone(), s.service_name.clone()))
                .collect(),
        }
    }

    /// Whether the text typed in the Delete dialog confirms the deletion.
    pub fn delete_confirmed(typed: &str) -> bool {
        typed == DELETE_CONFIRMATION
    }

    /// Every rule the Create input breaks, in the form's order (empty: it may be created).
    pub fn validate_pool(&self, request: &PoolRequest) -> Vec<FieldError> {
        let mut errors = Errors::default();
        create::check_request(&self.catalog, &self.state.region, request, &mut errors);
        let name = request.name.trim();
        if self.pools().iter().any(|p| p.display_name() == name) {
            errors.check(
                Field::Name,
                Err(Violation::PoolNameTaken {
                    name: name.to_string(),
                }),
            );
        }
        errors.check(
            Field::Nodes,
            create::nodes(
                request.nodes,
                self.nodes_left(),
                self.node_quota(),
                self.region_name(),
            ),
        );
        if request.billing_mode == BillingMode::YearlyMonthly {
            errors.check(
                Field::RequiredDuration,
                create::duration(request.pool_type, request.duration),
            );
        }
        create::errors_in_form_order(errors.0)
    }

    /// The live price of the form's input, once its flavor, nodes and term make sense.
    pub fn pool_price(&self, request: &PoolRequest) -> Option<PoolPrice> {
        let nodes = request.nodes.filter(|n| *n >= 1)?;
        let duration = request
            .duration
            .filter(|d| create::duration(request.pool_type, Some(*d)).is_ok());
        create::price(
            &self.catalog,
            &request.flavor,
            nodes,
            request.billing_mode,
            duration,
        )
    }

    /// Billing modes for a pool type in `lang`; Yearly/Monthly for Service Deployment only in
    /// CN North-Beijing4.
    pub fn billing_mode_choices(
        &self,
        pool_type: PoolType,
        lang: Lang,
    ) -> Vec<Choice<BillingMode>> {
        let say = crate::speak(lang);
        BillingMode::ALL
            .into_iter()
            .map(|mode| Choice {
                value: mode,
                text: say.billing_mode(mode).to_string(),
                disabled: (mode == BillingMode::YearlyMonthly
                    && pool_type == PoolType::ServiceDeployment
                    && self.state.region != PREPAID_DEPLOYMENT_REGION)
                    .then(|| {
                        say.violation(&create::prepaid_deployment_refusal(self.region_name()))
                    }),
            })
            .collect()
    }

    /// Required Duration choices in `lang`: 1-11 months, and 1 year (10 months billed) for
    /// Development/Training only.
    pub fn duration_choices(
        &self,
        pool_type: PoolType,
        lang: Lang,
    ) -> Vec<Choice<RequiredDuration>> {
        let say = crate::speak(lang);
        RequiredDuration::all()
            .into_iter()
            .map(|d| Choice {
                value: d,
                text: match d {
                    RequiredDuration::Year => say.with_note(
                        &say.required_duration(d),
                        &say.billed_months(d.billed_months()),
                    ),
                    _ => say.required_duration(d),
                },
                disabled: create::duration(pool_type, Some(d))
                    .err()
                    .map(|v| say.violation(&v)),
            })
            .collect()
    }

    /// Random or one of the region's AZs.
    pub fn az_choices(&self, lang: Lang) -> Vec<Choice<AzChoice>> {
        let azs = self
            .catalog
            .region(&self.state.region)
            .map(|r| r.azs.clone())
            .unwrap_or_default();
        std::iter::once(Choice::enabled(
            AzChoice::Random,
            crate::speak(lang).random_az(),
        ))
        .chain(
            azs.into_iter()
                .map(|az| Choice::enabled(AzChoice::Az(az.clone()), az)),
        )
        .collect()
    }

    /// The region's VPCs, after a "Select" placeholder.
    pub fn vpc_choices(&self, lang: Lang) -> Vec<Choice<String>> {
        let region = self.catalog.region(&self.state.region);
        placeholder(crate::speak(lang).select_vpc())
            .chain(
                region
                    .into_iter()
                    .flat_map(|r| &r.vpcs)
                    .map(|v| Choice::enabled(v.id.clone(), format!("{} ({})", v.name, v.cidr))),
            )
            .collect()
    }

    /// The subnets of a VPC, after a "Select" placeholder.
    pub fn subnet_choices(&self, vpc_id: &str, lang: Lang) -> Vec<Choice<String>> {
        let vpc = self
            .catalog
            .region(&self.state.region)
            .and_then(|r| r.vpc(vpc_id));
        placeholder(crate::speak(lang).select_subnet())
            .chain(
                vpc.into_iter()
                    .flat_map(|v| &v.subnets)
                    .map(|s| Choice::enabled(s.id.clone(), format!("{} ({})", s.name, s.cidr))),
            )
            .collect()
    }

    /// The security groups of a VPC, after a "Select" placeholder.
    pub fn security_group_choices(&self, vpc_id: &str, lang: Lang) -> Vec<Choice<String>> {
        let vpc = self
            .catalog
            .region(&self.state.region)
            .and_then(|r| r.vpc(vpc_id));
        placeholder(crate::speak(lang).select_security_group())
            .chain(
                vpc.into_iter()
                    .flat_map(|v| &v.security_groups)
                    .map(|g| Choice::enabled(g.id.clone(), g.name.clone())),
            )
            .collect()
    }

    /// A free name like `pool-3f9a` for the Create form.
    pub fn suggested_pool_name(&self) -> String {
        (1..)
            .map(|n| format!("pool-{}", crate::ids::short_suffix(self.state.id_seq + n)))
            .find(|name| !self.pools().iter().any(|p| p.display_name() == name))
            .expect("some suffix is free")
    }

    /// The pay-per-use price after a scaling to the requested node count.
    pub fn scale_price(&self, pool_id: &str, request: &ScaleRequest) -> Option<PoolPrice> {
        let pool = self.pool(pool_id)?;
        let nodes = request.nodes.filter(|n| *n >= 1)?;
        create::price(
            &self.catalog,
            pool.flavor(),
            nodes,
            BillingMode::PayPerUse,
            None,
        )
    }

    /// Sandbox: may a fault be simulated (`abnormal`) on this pool, or may it recover?
    pub fn check_pool_fault(&self, pool_id: &str, abnormal: bool) -> Result<(), DomainError> {
        let pool = self.find_pool(pool_id)?;
        let expected = if abnormal {
            PoolPhase::Running
        } else {
            PoolPhase::Abnormal
        };
        if pool.phase() == expected {
            Ok(())
        } else {
            Err(DomainError::PoolRefused {
                pool_name: pool.display_name().to_string(),
                refusal: crate::error::PoolRefusal::Health(pool.phase()),
            })
        }
    }

    /// What a Scale request does, once valid.
    pub fn scale_direction(&self, pool_id: &str, request: &ScaleRequest) -> Option<ScaleDirection> {
        let from = self.pool(pool_id)?.node_count();
        let to = request.nodes?;
        match to.cmp(&from) {
            std::cmp::Ordering::Greater => Some(ScaleDirection::Out { from, to }),
            std::cmp::Ordering::Less => Some(ScaleDirection::In { from, to }),
            std::cmp::Ordering::Equal => None,
        }
    }

    /// Every rule a Scale request breaks (the message goes beside Nodes).
    pub fn validate_scale(&self, pool_id: &str, request: &ScaleRequest) -> Vec<FieldError> {
        let Some(pool) = self.pool(pool_id) else {
            return Vec::new();
        };
        let from = pool.node_count();
        let removed = request.removed.len() as u32;
        let result = match request.nodes {
            None | Some(0) => Err(Violation::ScaleToNone),
            Some(to) if to > from && removed > 0 => Err(Violation::ScaleBothWays),
            Some(to) if to > from && to - from > self.nodes_left() => Err(Violation::ScaleQuota {
                region_name: self.region_name().to_string(),
                quota: self.node_quota(),
                in_use: self.nodes_in_use(),
                left: self.nodes_left(),
            }),
            Some(to) if to < from && to < self.pool_occupied_nodes(pool_id) => {
                Err(Violation::ScaleBelowOccupied {
                    occupied: self.pool_occupied_nodes(pool_id),
                    services: self
                        .real_time_on_pool(pool_id)
                        .iter()
                        .filter(|s| s.occupied_nodes() > 0)
                        .map(|s| (s.service_name.clone(), s.occupied_nodes()))
                        .collect(),
                })
            }
            Some(to) if to < from && from - to != removed => {
                Err(Violation::SwitchOffNodes { from, to })
            }
            Some(to) if to == from => Err(Violation::ScaleUnchanged),
            Some(_) if has_duplicates(&request.removed) => Err(Violation::NodeTwice),
            Some(_) => {
                let unknown = request.removed.iter().find(|name| {
                    !pool
                        .nodes
                        .iter()
                        .any(|n| &n.name == *name && n.status == NodeStatus::Available)
                });
                match unknown {
                    Some(name) => Err(Violation::NodeNotSwitchable { node: name.clone() }),
                    None => Ok(()),
                }
            }
        };
        result
            .err()
            .map(|violation| vec![FieldError::new(Field::Nodes, violation)])
            .unwrap_or_default()
    }

    /// The console's label of a deployment location in `lang` (a dedicated pool by its name).
    pub fn location_label(&self, location: &DeploymentLocation, lang: Lang) -> String {
        let say = crate::speak(lang);
        match location {
            DeploymentLocation::DedicatedPool { pool_name } => {
                say.location(&DeploymentLocation::DedicatedPool {
                    pool_name: self
                        .pool(pool_name)
                        .map_or(pool_name.as_str(), |p| p.display_name())
                        .to_string(),
                })
            }
            other => say.location(other),
        }
    }

    /// Whether a dedicated pool can take a service now, or why not.
    pub(crate) fn pool_available(&self, pool_id: &str) -> Result<(), crate::error::Refusal> {
        match self.pool(pool_id) {
            Some(p) if p.phase() == PoolPhase::Running => Ok(()),
            found => Err(crate::error::Refusal::PoolNotRunning {
                pool_name: found.map_or(pool_id.to_string(), |p| p.display_name().to_string()),
                phase: found.map(Pool::phase),
            }),
        }
    }

    // ---- commands (the console is already advanced to `now`) ------------------------------

    pub(crate) fn create_pool(
        &mut self,
        request: PoolRequest,
        now: Millis,
    ) -> Result<Outcome, DomainError> {
        let errors = self.validate_pool(&request);
        if !errors.is_empty() {
            return Err(DomainError::Invalid(errors));
        }
        let flavor = self
            .catalog
            .flavor(&request.flavor)
            .cloned()
            .expect("validated");
        let azs = self
            .catalog
            .region(&self.state.region)
            .map(|r| r.azs.clone())
            .unwrap_or_default();
        let nodes = request.nodes.expect("validated");
        let deployment = request.pool_type == PoolType::ServiceDeployment;
        let prepaid = request.billing_mode == BillingMode::YearlyMonthly;
        let duration = request.duration.filter(|_| prepaid);
        let chosen_az = match (&request.az, deployment) {
            (AzChoice::Az(az), true) => Some(az.clone()),
            _ => None,
        };
        let pool_id = self.next_pool_id();
        let name = request.name.trim().to_string();
        let (period_type, period_num) = duration.map(|d| d.period()).unzip();
        let price = create::price(
            &self.catalog,
            &flavor.id,
            nodes,
            request.billing_mode,
            duration,
        );
        let billing = match price {
            Some(PoolPrice::Prepaid { total, .. }) => PoolBilling {
                cost: total,
                term_price: total,
                accounted_at: now,
                expires_at: duration.map(|d| now + d.length()),
                hourly_rate: 0.0,
            },
            _ => PoolBilling {
                hourly_rate: flavor.price_per_hour * f64::from(nodes),
                accounted_at: now,
                ..PoolBilling::default()
            },
        };
        let mut pool = Pool {
            metadata: PoolMetadata {
                name: pool_id.clone(),
                creation_timestamp: now,
                labels: PoolLabels { name: name.clone() },
                annotations: PoolAnnotations {
                    description: request.description,
                    billing_mode: request.billing_mode,
                    period_type,
                    period_num,
                    auto_renew: prepaid && request.auto_renew,
                },
            },
            spec: PoolSpec {
                pool_kind: "Dedicated".into(),
                scope: request.pool_type.scope(),
                resources: vec![PoolResource {
                    flavor: flavor.id.clone(),
                    count: nodes,
                    azs: chosen_az
                        .iter()
                        .map(|az| AzCount {
                            az: az.clone(),
                            count: nodes,
                        })
                        .collect(),
                }],
                network: request.network.filter(|_| deployment).map(|n| PoolNetwork {
                    vpc_id: n.vpc_id,
                    subnet_id: n.subnet_id,
                    security_group_id: n.security_group_id,
                }),
            },
            status: PoolStatus {
                phase: PoolPhase::Creating,
                transition_at: now,
                message: None,
            },
            nodes: Vec::new(),
            billing,
            events: Vec::new(),
            node_seq: 0,
            usage: Vec::new(),
        };
        for _ in 0..nodes {
            let node = pool.new_node(chosen_az.as_deref(), &azs, NodeStatus::Creating);
            pool.nodes.push(node);
        }
        pool.record(now, PoolEventKind::CreateRequested { nodes });
        self.region_state_mut().pools.push(pool);
        Ok(Outcome::PoolCreating {
            pool_id,
            pool_name: name,
        })
    }

    pub(crate) fn scale_pool(
        &mut self,
        pool_id: &str,
        request: ScaleRequest,
        now: Millis,
    ) -> Result<Outcome, DomainError> {
        self.check_pool(pool_id, PoolAction::Scale)?;
        let errors = self.validate_scale(pool_id, &request);
        if !errors.is_empty() {
            return Err(DomainError::Invalid(errors));
        }
        let direction = self.scale_direction(pool_id, &request).expect("validated");
        let azs = self
            .catalog
            .region(&self.state.region)
            .map(|r| r.azs.clone())
            .unwrap_or_default();
        let flavor = self
            .pool(pool_id)
            .map(|p| p.flavor().to_string())
            .unwrap_or_default();
        let hourly = self
            .catalog
            .flavor(&flavor)
            .map_or(0.0, |f| f.price_per_hour);
        let pool = self.find_pool_mut(pool_id)?;
        let (from, to) = match direction {
            ScaleDirection::Out { from, to } => {
                pool.begin_scale_out(to, &azs, hourly, now);
                (from, to)
            }
            ScaleDirection::In { from, to } => {
                pool.begin_scale_in(&request.removed, hourly, now);
                (from, to)
            }
        };
        Ok(Outcome::PoolScaling {
            pool_name: pool.display_name().to_string(),
            from,
            to,
        })
    }

    /// Deletes a pool once DELETE was typed: it is Deleting, then gone; the services working
    /// on it fail now.
    pub(crate) fn delete_pool(
        &mut self,
        pool_id: &str,
        confirmation: &str,
        now: Millis,
    ) -> Result<Outcome, DomainError> {
        self.check_pool(pool_id, PoolAction::Delete)?;
        if !Console::delete_confirmed(confirmation) {
            return Err(DomainError::DeleteNotConfirmed);
        }
        let pool = self.find_pool_mut(pool_id)?;
        pool.begin_delete(now);
        let pool_name = pool.display_name().to_string();
        let failed = self
            .region_state_mut()
            .fail_services_on(pool_id, &pool_name, now, false)
            .iter()
            .filter(|e| matches!(&e.record, Record::Service(r) if matches!(r.kind, EventKind::PoolGone { .. })))
            .count();
        Ok(Outcome::PoolDeleting {
            pool_name,
            failed_services: failed,
        })
    }

    /// Sandbox: a node of a Running pool fails (Abnormal), or an Abnormal pool recovers. The
    /// services on it follow (Alarm, then Running again).
    pub(crate) fn set_pool_fault(
        &mut self,
        pool_id: &str,
        abnormal: bool,
        now: Millis,
    ) -> Result<Outcome, DomainError> {
        self.check_pool_fault(pool_id, abnormal)?;
        let pool = self.find_pool_mut(pool_id)?;
        if abnormal {
            pool.fault(now);
        } else {
            pool.recover(now);
        }
        let pool_name = pool.display_name().to_string();
        let _ = self.region_state_mut().follow_pools(now);
        Ok(Outcome::PoolHealth {
            pool_name,
            abnormal,
        })
    }

    /// `pool-` and 8 hex digits, like the API's generated names; drawn again on the rare
    /// collision with a pool of any region (ids must stay unique in the saved data).
    fn next_pool_id(&mut self) -> String {
        loop {
            let id = format!("pool-{}", &self.next_id()[..8]);
            let taken = self
                .state
                .regions
                .values()
                .any(|r| r.pools.iter().any(|p| p.id() == id));
            if !taken {
                return id;
            }
        }
    }

    fn find_pool(&self, pool_id: &str) -> Result<&Pool, DomainError> {
        self.pool(pool_id)
            .ok_or_else(|| DomainError::PoolNotFound(pool_id.to_string()))
    }

    fn find_pool_mut(&mut self, pool_id: &str) -> Result<&mut Pool, DomainError> {
        self.region_state_mut()
            .pools
            .iter_mut()
            .find(|p| p.id() == pool_id)
            .ok_or_else(|| DomainError::PoolNotFound(pool_id.to_string()))
    }
}

fn has_duplicates(names: &[String]) -> bool {
    let mut seen = std::collections::BTreeSet::new();
    names.iter().any(|n| !seen.insert(n))
}

fn placeholder(text: &str) -> impl Iterator<Item = Choice<String>> {
    std::iter::once(Choice {
        value: String::new(),
        text: text.to_string(),
        disabled: None,
    })
}

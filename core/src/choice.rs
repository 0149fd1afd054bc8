//! The options of the forms' select fields, with the reason an option cannot be chosen, so
//! the UI shows what the core decides (sold-out flavors, versions that are not Normal,
//! locations that are not available) instead of deciding it again.

use crate::catalog::ModelState;
use crate::console::Console;
use crate::pool::{Pool, PoolPhase, PoolType};
use crate::service::DeploymentLocation;
use crate::text::{Lang, Speaker};
use crate::validation::Violation;

/// One option of a select field.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Choice<T> {
    pub value: T,
    pub text: String,
    /// Why it cannot be chosen; `None` when it can.
    pub disabled: Option<String>,
}

impl<T> Choice<T> {
    pub fn enabled(value: T, text: impl Into<String>) -> Choice<T> {
        Choice {
            value,
            text: text.into(),
            disabled: None,
        }
    }
}

impl Console {
    /// Models of the catalog (by id).
    pub fn model_choices(&self) -> Vec<Choice<String>> {
        self.catalog
            .models
            .iter()
            .map(|m| Choice::enabled(m.model_id.clone(), m.model_name.clone()))
            .collect()
    }

    /// A model's versions, in `lang`; only Normal ones can be chosen.
    pub fn version_choices(&self, model_id: &str, lang: Lang) -> Vec<Choice<String>> {
        let say = crate::speak(lang);
        self.catalog.model(model_id).map_or_else(Vec::new, |m| {
            m.versions
                .iter()
                .map(|v| Choice {
                    value: v.model_version.clone(),
                    text: match v.state {
                        ModelState::Normal => v.model_version.clone(),
                        state => say.with_note(&v.model_version, say.model_state(state)),
                    },
                    disabled: (v.state != ModelState::Normal)
                        .then(|| say.version_unavailable(v.state)),
                })
                .collect()
        })
    }

    /// The first version of a model that can be deployed.
    pub fn default_version(&self, model_id: &str) -> String {
        self.catalog
            .model(model_id)
            .and_then(|m| {
                m.versions
                    .iter()
                    .find(|v| v.state == ModelState::Normal)
                    .or(m.versions.first())
            })
            .map(|v| v.model_version.clone())
            .unwrap_or_default()
    }

    /// Flavors with their kind, in `lang`; sold-out ones in this region cannot be chosen.
    pub fn flavor_choices(&self, lang: Lang) -> Vec<Choice<String>> {
        let say = crate::speak(lang);
        self.catalog
            .flavors
            .iter()
            .map(|f| {
                let sold_out = f.is_sold_out_in(&self.state.region);
                Choice {
                    value: f.id.clone(),
                    text: if sold_out {
                        say.with_note(&f.display, say.sold_out())
                    } else {
                        f.display.clone()
                    },
                    disabled: sold_out.then(|| say.sold_out().to_string()),
                }
            })
            .collect()
    }

    /// The first flavor that is not sold out here.
    pub fn default_flavor(&self) -> String {
        self.catalog
            .flavors
            .iter()
            .find(|f| !f.is_sold_out_in(&self.state.region))
            .map(|f| f.id.clone())
            .unwrap_or_default()
    }

    /// Where a service of this region can be deployed, in `lang`.
    pub fn location_choices(&self, lang: Lang) -> Vec<Choice<DeploymentLocation>> {
        let say = crate::speak(lang);
        let mut choices = vec![Choice::enabled(
            DeploymentLocation::PublicPool,
            say.location(&DeploymentLocation::PublicPool),
        )];
        let pools: Vec<_> = self
            .pools()
            .iter()
            .filter(|p| p.pool_type() == PoolType::ServiceDeployment)
            .collect();
        if pools.is_empty() {
            choices.push(Choice {
                value: DeploymentLocation::DedicatedPool {
                    pool_name: String::new(),
                },
                text: say.no_deployment_pool().into(),
                disabled: Some(say.no_deployment_pool_reason().into()),
            });
        }
        for pool in pools {
            let running = pool.phase() == PoolPhase::Running;
            let named = say.location(&DeploymentLocation::DedicatedPool {
                pool_name: pool.display_name().to_string(),
            });
            choices.push(Choice {
                value: DeploymentLocation::DedicatedPool {
                    pool_name: pool.id().to_string(),
                },
                text: if running {
                    named
                } else {
                    say.with_note(&named, say.pool_phase(pool.phase()))
                },
                disabled: (!running).then(|| not_running(say, pool)),
            });
        }
        if let Some(region) = self.catalog.region(&self.state.region) {
            for name in &region.edge_nodes {
                let value = DeploymentLocation::EdgeNode {
                    node_name: name.clone(),
                };
                choices.push(Choice::enabled(value.clone(), say.location(&value)));
            }
            for name in &region.edge_pools {
                let value = DeploymentLocation::EdgePool {
                    pool_name: name.clone(),
                };
                choices.push(Choice::enabled(value.clone(), say.location(&value)));
            }
        }
        choices
    }

    /// Where a real-time service of this region can run, in `lang`: the public pool, or a
    /// Running Service Deployment pool, each with its free nodes.
    pub fn resource_pool_choices(&self, lang: Lang) -> Vec<Choice<DeploymentLocation>> {
        let say = crate::speak(lang);
        let mut choices = vec![Choice::enabled(
            DeploymentLocation::PublicPool,
            say.location(&DeploymentLocation::PublicPool),
        )];
        for pool in self
            .pools()
            .iter()
            .filter(|p| p.pool_type() == PoolType::ServiceDeployment)
        {
            let running = pool.phase() == PoolPhase::Running;
            let free = self.pool_free_nodes(pool.id());
            let named = say.location(&DeploymentLocation::DedicatedPool {
                pool_name: pool.display_name().to_string(),
            });
            choices.push(Choice {
                value: DeploymentLocation::DedicatedPool {
                    pool_name: pool.id().to_string(),
                },
                text: if running {
                    say.with_note(&named, &say.free_nodes(free, pool.node_count()))
                } else {
                    say.with_note(&named, say.pool_phase(pool.phase()))
                },
                disabled: (!running).then(|| not_running(say, pool)),
            });
        }
        choices
    }
}

/// Why a pool that is not Running cannot be chosen.
fn not_running(say: Speaker, pool: &Pool) -> String {
    say.violation(&Violation::PoolNotRunning {
        pool_name: pool.display_name().to_string(),
        phase: pool.phase(),
    })
}

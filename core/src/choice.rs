//! The options of the forms' select fields, with the reason an option cannot be chosen, so
//! the UI shows what the core decides (sold-out flavors, versions that are not Normal,
//! locations that are not available) instead of deciding it again.

use crate::catalog::ModelState;
use crate::console::Console;
use crate::pool::{PoolPhase, PoolType};
use crate::service::DeploymentLocation;

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

    /// A model's versions; only Normal ones can be chosen.
    pub fn version_choices(&self, model_id: &str) -> Vec<Choice<String>> {
        self.catalog.model(model_id).map_or_else(Vec::new, |m| {
            m.versions
                .iter()
                .map(|v| Choice {
                    value: v.model_version.clone(),
                    text: match v.state {
                        ModelState::Normal => v.model_version.clone(),
                        state => format!("{} ({})", v.model_version, state.label()),
                    },
                    disabled: (v.state != ModelState::Normal).then(|| {
                        format!(
                            "{}: only versions in the Normal state can be deployed.",
                            v.state.label()
                        )
                    }),
                })
                .collect()
        })
    }

    /// The first version of a model that can be deployed.
    pub fn default_version(&self, model_id: &str) -> String {
        let choices = self.version_choices(model_id);
        choices
            .iter()
            .find(|c| c.disabled.is_none())
            .or(choices.first())
            .map(|c| c.value.clone())
            .unwrap_or_default()
    }

    /// Flavors with their kind; sold-out ones in this region cannot be chosen.
    pub fn flavor_choices(&self) -> Vec<Choice<String>> {
        self.catalog
            .flavors
            .iter()
            .map(|f| {
                let sold_out = f.is_sold_out_in(&self.state.region);
                Choice {
                    value: f.id.clone(),
                    text: if sold_out {
                        format!("{} (Sold out)", f.display)
                    } else {
                        f.display.clone()
                    },
                    disabled: sold_out.then(|| "Sold out".to_string()),
                }
            })
            .collect()
    }

    /// The first flavor that is not sold out here.
    pub fn default_flavor(&self) -> String {
        self.flavor_choices()
            .into_iter()
            .find(|c| c.disabled.is_none())
            .map(|c| c.value)
            .unwrap_or_default()
    }

    /// Where a service of this region can be deployed.
    pub fn location_choices(&self) -> Vec<Choice<DeploymentLocation>> {
        let mut choices = vec![Choice::enabled(
            DeploymentLocation::PublicPool,
            DeploymentLocation::PublicPool.label(),
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
                text: "Dedicated resource pool: none in this region".into(),
                disabled: Some(
                    "No dedicated resource pool of type Dedicated for Service Deployment exists in this region."
                        .into(),
                ),
            });
        }
        for pool in pools {
            let running = pool.phase() == PoolPhase::Running;
            choices.push(Choice {
                value: DeploymentLocation::DedicatedPool {
                    pool_name: pool.id().to_string(),
                },
                text: if running {
                    format!("Dedicated resource pool: {}", pool.display_name())
                } else {
                    format!(
                        "Dedicated resource pool: {} ({})",
                        pool.display_name(),
                        pool.phase().label()
                    )
                },
                disabled: (!running).then(|| {
                    format!(
                        "{} is {}: only Running pools can be chosen.",
                        pool.display_name(),
                        pool.phase().label()
                    )
                }),
            });
        }
        if let Some(region) = self.catalog.region(&self.state.region) {
            for name in &region.edge_nodes {
                let value = DeploymentLocation::EdgeNode {
                    node_name: name.clone(),
                };
                choices.push(Choice::enabled(value.clone(), value.label()));
            }
            for name in &region.edge_pools {
                let value = DeploymentLocation::EdgePool {
                    pool_name: name.clone(),
                };
                choices.push(Choice::enabled(value.clone(), value.label()));
            }
        }
        choices
    }

    /// Where a real-time service of this region can run: the public pool, or a Running
    /// Service Deployment pool, each with its free nodes.
    pub fn resource_pool_choices(&self) -> Vec<Choice<DeploymentLocation>> {
        let mut choices = vec![Choice::enabled(
            DeploymentLocation::PublicPool,
            "Public resource pool",
        )];
        for pool in self
            .pools()
            .iter()
            .filter(|p| p.pool_type() == PoolType::ServiceDeployment)
        {
            let running = pool.phase() == PoolPhase::Running;
            let free = self.pool_free_nodes(pool.id());
            choices.push(Choice {
                value: DeploymentLocation::DedicatedPool {
                    pool_name: pool.id().to_string(),
                },
                text: if running {
                    format!(
                        "Dedicated resource pool: {} ({free} of {} nodes free)",
                        pool.display_name(),
                        pool.node_count()
                    )
                } else {
                    format!(
                        "Dedicated resource pool: {} ({})",
                        pool.display_name(),
                        pool.phase().label()
                    )
                },
                disabled: (!running).then(|| {
                    format!(
                        "{} is {}: only Running pools can be chosen.",
                        pool.display_name(),
                        pool.phase().label()
                    )
                }),
            });
        }
        choices
    }
}

//! The rules a real-time service keeps (see the parent module): those a load needs, and an
//! import's Deploy rules against the catalog.

use super::{quoted, Checker, Kind, List, Sink, Step};
use crate::pool::Pool;
use crate::realtime::deploy::TIMEOUT_MINUTES;
use crate::realtime::{
    DeployPhase, RealTimeConfig, RealTimeService, Rolling, INFER_TYPE, MAX_TRAFFIC,
    ROLLING_DURATION,
};
use crate::service::ServiceStatus;
use crate::snapshot::MAX_TIME;
use crate::transfer::ImportProblem;
use crate::validation;

impl<'a, S: Sink<'a>> Checker<'a, '_, S> {
    /// The `index`-th real-time service of `list`.
    pub(crate) fn real_time_service(&mut self, list: List, index: usize, s: &'a RealTimeService) {
        self.enter(list, index);
        let at = (list, index);
        self.id(Kind::RealTime, "service_id", &s.service_id, at);
        self.name(
            Kind::RealTime,
            "service_name",
            &s.service_name,
            validation::service_name,
            at,
        );
        if self.sink.import().is_some() {
            self.text("description", &s.description, validation::description);
        }
        if s.infer_type != INFER_TYPE {
            let problem = ImportProblem::ExpectedText {
                expected: INFER_TYPE,
                found: s.infer_type.clone(),
            };
            self.fail_at("infer_type", problem);
        }
        if s.status == ServiceStatus::Finished {
            self.fail_at("status", ImportProblem::RealTimeCompletes);
        }
        if s.progress > 100 {
            self.fail_at("progress", ImportProblem::Percentage);
        }
        self.time("publish_at", s.publish_at);
        self.time("transition_at", s.transition_at);
        self.opt_time("start_time", s.start_time);
        if s.due_time.is_some_and(|due| due > MAX_TIME) {
            self.fail_at("due_time", ImportProblem::AfterYear9999);
        }
        if s.status == ServiceStatus::Failed && s.error_msg.is_none() {
            self.fail_at("error_msg", ImportProblem::NoErrorMessage);
        }
        if s.failed_times > s.invocation_times {
            self.fail_at("failed_times", ImportProblem::FailedInvocations);
        }
        self.within(Step::Key("config"), |c| c.real_time_config(&s.config));
        self.within(Step::Key("schedule"), |c| {
            if s.schedule.len() > 1 {
                c.fail(ImportProblem::Schedules);
            }
            for (i, schedule) in s.schedule.iter().enumerate() {
                c.within(Step::Index(i), |c| {
                    if schedule.schedule_type != "stop" {
                        c.fail_at("type", ImportProblem::ScheduleType);
                    }
                    if schedule.time_unit != "HOURS" {
                        c.fail_at("time_unit", ImportProblem::ScheduleUnit);
                    }
                    if !(1..=24).contains(&schedule.duration) {
                        c.fail_at("duration", ImportProblem::ScheduleHours);
                    }
                });
            }
        });
        self.within(Step::Key("location"), |c| {
            if s.location.is_edge() {
                c.fail(ImportProblem::RealTimeOnEdge);
            } else {
                c.location(&s.location);
            }
        });
        self.within(Step::Key("billing"), |c| c.service_billing(&s.billing));
        self.within(Step::Key("simulation"), |c| {
            c.time("accounted_at", s.simulation.accounted_at);
            if s.simulation.traffic > MAX_TRAFFIC {
                c.fail_at("traffic", ImportProblem::Traffic);
            }
            if usize::from(s.simulation.phase) >= DeployPhase::ALL.len() {
                c.fail_at("phase", ImportProblem::Phase);
            }
            if let Some(rolling) = &s.simulation.rolling {
                c.within(Step::Key("rolling"), |c| c.rolling(s, rolling));
            }
        });
        self.within(Step::Key("calls"), |c| {
            for (i, minute) in s.calls.iter().enumerate() {
                c.within(Step::Index(i), |c| {
                    c.time("minute", minute.minute);
                    if minute.failed > minute.calls {
                        c.fail_at("failed", ImportProblem::FailedCalls);
                    }
                });
            }
        });
        self.within(Step::Key("updates"), |c| {
            for (i, update) in s.updates.iter().enumerate() {
                c.within(Step::Index(i), |c| c.time("time", update.time));
            }
        });
        self.events(&s.events);
    }

    /// The model versions: one or more, of one model, each version once, ratios summing to
    /// 100, nodes and timeouts in range; an import's against the catalog.
    fn real_time_config(&mut self, config: &'a [RealTimeConfig]) {
        if config.is_empty() {
            return self.fail(ImportProblem::NoModelVersions);
        }
        let sum: u32 = config.iter().map(|c| c.weight.min(101)).sum();
        if sum != 100 {
            self.fail(ImportProblem::WeightSum(sum));
        }
        let catalog = self.catalog();
        let versions = config;
        for (i, config) in versions.iter().enumerate() {
            self.within(Step::Index(i), |c| {
                if config.model_id != versions[0].model_id {
                    c.fail_at("model_id", ImportProblem::OtherModel);
                }
                if versions[..i]
                    .iter()
                    .any(|o| o.model_version == config.model_version)
                {
                    let problem = ImportProblem::VersionTwice(config.model_version.clone());
                    c.fail_at("model_version", problem);
                }
                if let Err(rule) = validation::instance_count(config.instance_count) {
                    c.fail_at("instance_count", rule.into());
                }
                let (low, high, _) = TIMEOUT_MINUTES;
                if !(low..=high).contains(&config.timeout) {
                    c.fail_at("timeout", ImportProblem::Timeout { low, high });
                }
                let Some(catalog) = catalog else {
                    return;
                };
                match catalog.model(&config.model_id) {
                    None => c.fail_at(
                        "model_id",
                        ImportProblem::UnknownModel(config.model_id.clone()),
                    ),
                    Some(model) => {
                        if model.model_name != config.model_name {
                            let problem = ImportProblem::ModelName {
                                model_id: model.model_id.clone(),
                                name: model.model_name.clone(),
                                given: config.model_name.clone(),
                            };
                            c.fail_at("model_name", problem);
                        }
                        if !model
                            .versions
                            .iter()
                            .any(|v| v.model_version == config.model_version)
                        {
                            let problem = ImportProblem::NoVersion {
                                model: model.model_name.clone(),
                                version: config.model_version.clone(),
                                versions: None,
                            };
                            c.fail_at("model_version", problem);
                        }
                    }
                }
                c.flavor(catalog, "specification", &config.specification);
                c.within(Step::Key("envs"), |c| {
                    for key in config.envs.keys() {
                        if let Err(rule) = validation::env_key(key) {
                            c.fail_at(key, rule.into());
                        }
                    }
                });
            });
        }
    }

    /// A hitless upgrade in progress: only while the service answers, with its update open,
    /// ending within one rolling upgrade of its start, to a configuration valid as any.
    fn rolling(&mut self, s: &'a RealTimeService, rolling: &'a Rolling) {
        if !s.answers_calls() {
            self.fail(ImportProblem::RollingNotAnswering);
        }
        match s.updates.last().filter(|u| u.result.is_none()) {
            None => self.fail(ImportProblem::RollingWithoutUpdate),
            Some(update) if rolling.until != update.time.saturating_add(ROLLING_DURATION) => {
                self.fail_at("until", ImportProblem::RollingUntil)
            }
            Some(_) => {}
        }
        if !(rolling.hourly_rate.is_finite() && rolling.hourly_rate >= 0.0) {
            self.fail_at("hourly_rate", ImportProblem::NotPrice);
        }
        self.within(Step::Key("config"), |c| c.real_time_config(&rolling.config));
    }

    /// The nodes real-time services were given on each dedicated pool fit in it (a Waiting
    /// claim is what did not fit).
    pub(crate) fn pool_capacity(&mut self, pools: &'a [Pool], services: &'a [RealTimeService]) {
        for pool in pools {
            let held: u32 = services
                .iter()
                .filter(|s| s.location.is_on_pool(pool.id()))
                .map(RealTimeService::placed_nodes)
                .sum();
            if held > pool.node_count() {
                let path = format!(
                    "regions[{}].pools[{}]",
                    quoted(self.region),
                    quoted(pool.id())
                );
                let problem = ImportProblem::PoolOccupied {
                    held,
                    pool: pool.display_name().to_string(),
                    nodes: pool.node_count(),
                };
                self.fail_path(path, problem);
            }
        }
    }
}

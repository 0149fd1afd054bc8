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
            self.fail_at(
                "infer_type",
                format!(
                    "Expected \"{INFER_TYPE}\", found {}.",
                    quoted(&s.infer_type)
                ),
            );
        }
        if s.status == ServiceStatus::Finished {
            self.fail_at(
                "status",
                "A real-time service never completes: \"finished\" is a batch service's status.",
            );
        }
        if s.progress > 100 {
            self.fail_at("progress", "Must be a percentage from 0 to 100.");
        }
        self.time("publish_at", s.publish_at);
        self.time("transition_at", s.transition_at);
        self.opt_time("start_time", s.start_time);
        if s.due_time.is_some_and(|due| due > MAX_TIME) {
            self.fail_at("due_time", "The time is after the year 9999.");
        }
        if s.status == ServiceStatus::Failed && s.error_msg.is_none() {
            self.fail_at("error_msg", "A failed service needs its error message.");
        }
        if s.failed_times > s.invocation_times {
            self.fail_at(
                "failed_times",
                "There cannot be more failed calls than calls (invocation_times).",
            );
        }
        self.within(Step::Key("config"), |c| c.real_time_config(&s.config));
        self.within(Step::Key("schedule"), |c| {
            if s.schedule.len() > 1 {
                c.fail("A service has at most one Auto Stop schedule.");
            }
            for (i, schedule) in s.schedule.iter().enumerate() {
                c.within(Step::Index(i), |c| {
                    if schedule.schedule_type != "stop" {
                        c.fail_at("type", "The only schedule is \"stop\" (Auto Stop).");
                    }
                    if schedule.time_unit != "HOURS" {
                        c.fail_at("time_unit", "Auto Stop is counted in \"HOURS\".");
                    }
                    if !(1..=24).contains(&schedule.duration) {
                        c.fail_at(
                            "duration",
                            "Auto Stop stops the service 1 to 24 hours later.",
                        );
                    }
                });
            }
        });
        self.within(Step::Key("location"), |c| {
            if s.location.is_edge() {
                c.fail(
                    "A real-time service runs on the public resource pool or a dedicated resource pool.",
                );
            } else {
                c.location(&s.location);
            }
        });
        self.within(Step::Key("billing"), |c| c.service_billing(&s.billing));
        self.within(Step::Key("simulation"), |c| {
            c.time("accounted_at", s.simulation.accounted_at);
            if s.simulation.traffic > MAX_TRAFFIC {
                c.fail_at("traffic", "Too many simulated calls per minute.");
            }
            if usize::from(s.simulation.phase) >= DeployPhase::ALL.len() {
                c.fail_at("phase", "There are five deployment phases (0-4).");
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
                        c.fail_at("failed", "There cannot be more failed calls than calls.");
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
            return self.fail("A real-time service has at least one model version.");
        }
        let sum: u32 = config.iter().map(|c| c.weight.min(101)).sum();
        if sum != 100 {
            self.fail(format!(
                "The traffic ratios (weight) add up to {sum}: they must add up to exactly 100."
            ));
        }
        let catalog = self.catalog();
        let versions = config;
        for (i, config) in versions.iter().enumerate() {
            self.within(Step::Index(i), |c| {
                if config.model_id != versions[0].model_id {
                    c.fail_at(
                        "model_id",
                        "Every version must be of the same model as the first.",
                    );
                }
                if versions[..i]
                    .iter()
                    .any(|o| o.model_version == config.model_version)
                {
                    c.fail_at(
                        "model_version",
                        format!(
                            "The version {} is configured twice: the versions must be unique.",
                            quoted(&config.model_version)
                        ),
                    );
                }
                if let Err(message) = validation::instance_count(config.instance_count) {
                    c.fail_at("instance_count", message);
                }
                let (low, high, _) = TIMEOUT_MINUTES;
                if !(low..=high).contains(&config.timeout) {
                    c.fail_at(
                        "timeout",
                        format!("Must be a whole number of minutes from {low} to {high}."),
                    );
                }
                let Some(catalog) = catalog else {
                    return;
                };
                match catalog.model(&config.model_id) {
                    None => c.fail_at(
                        "model_id",
                        format!(
                            "The model {} is not in the catalog.",
                            quoted(&config.model_id)
                        ),
                    ),
                    Some(model) => {
                        if model.model_name != config.model_name {
                            c.fail_at(
                                "model_name",
                                format!(
                                    "The model {} is named {}, not {}.",
                                    model.model_id,
                                    model.model_name,
                                    quoted(&config.model_name)
                                ),
                            );
                        }
                        if !model
                            .versions
                            .iter()
                            .any(|v| v.model_version == config.model_version)
                        {
                            c.fail_at(
                                "model_version",
                                format!(
                                    "The model {} has no version {}.",
                                    model.model_name,
                                    quoted(&config.model_version)
                                ),
                            );
                        }
                    }
                }
                c.flavor(catalog, "specification", &config.specification);
                c.within(Step::Key("envs"), |c| {
                    for key in config.envs.keys() {
                        if let Err(message) = validation::env_key(key) {
                            c.fail_at(key, message);
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
            self.fail("Only a Running or Alarm service is upgraded without interruption.");
        }
        match s.updates.last().filter(|u| u.result.is_none()) {
            None => self.fail("A rolling upgrade belongs to the update in progress in updates."),
            Some(update) if rolling.until != update.time.saturating_add(ROLLING_DURATION) => self
                .fail_at(
                    "until",
                    "A rolling upgrade ends 30 seconds after its update started.",
                ),
            Some(_) => {}
        }
        if !(rolling.hourly_rate.is_finite() && rolling.hourly_rate >= 0.0) {
            self.fail_at("hourly_rate", "Must be a price of zero or more.");
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
                self.fail_path(
                    path,
                    format!(
                        "Real-time services occupy {held} node(s) of {}, which has {}.",
                        pool.display_name(),
                        pool.node_count()
                    ),
                );
            }
        }
    }
}

use crate::command::Outcome;
use crate::event::{EventKind, Reason};
use crate::format::thousands;
use crate::pool::{Pool, PoolEventKind};
use crate::realtime::upgrade::{ChangeValue, VersionSummary};
use crate::realtime::{LogLine, LogText, UpgradeKind, VersionChange};
use crate::service::deploy::MAX_BATCH_SERVICES;
use crate::text::{English, Events, Labels, Transfer};
use crate::{Millis, DAY, HOUR, MINUTE, SECOND};

impl Events for English {
    fn service_event(&self, kind: &EventKind) -> String {
        match kind {
            EventKind::DeployRequested => "Deploy the service.".into(),
            EventKind::StartRequested => "Start the service. Deploying.".into(),
            EventKind::Running => "The service is running.".into(),
            EventKind::Executed => "The service has been executed.".into(),
            EventKind::StopRequested => "Stop the service.".into(),
            EventKind::Stopped => "The service has been stopped.".into(),
            EventKind::DeleteRequested => "Delete the service.".into(),
            EventKind::Modified { fields } if fields.is_empty() => {
                "Service information saved with no changes.".into()
            }
            EventKind::Modified { fields } => {
                let names: Vec<&str> = fields.iter().map(|f| self.field(*f)).collect();
                format!("Service information modified: {}.", names.join(", "))
            }
            EventKind::RestartedForModification => {
                "The service is restarted for the modification to take effect. Deploying.".into()
            }
            EventKind::Failed { reason } | EventKind::Alarm { reason } => self.saved_reason(reason),
            EventKind::PoolAbnormal { pool_name } => {
                format!("Alarm: the dedicated resource pool {pool_name} is abnormal.")
            }
            EventKind::PoolRecovered { pool_name } => format!(
                "The dedicated resource pool {pool_name} recovered. The service is running."
            ),
            EventKind::PoolGone {
                pool_name,
                released,
            } => self.reason(&Reason::PoolGone {
                pool_name: pool_name.clone(),
                released: *released,
            }),
            EventKind::Imported { replaced: false } => {
                "The service was imported from an export file.".into()
            }
            EventKind::Imported { replaced: true } => {
                "The service was imported from an export file, replacing the service with the same ID.".into()
            }
            EventKind::DeployPhase { phase } => format!(
                "Deploying ({}/5): {}.",
                phase.number(),
                self.deploy_phase(*phase).to_ascii_lowercase()
            ),
            EventKind::WaitingForResources { retry: 0 } => {
                self.reason(&Reason::InsufficientResources)
            }
            EventKind::WaitingForResources { retry } => format!(
                "{} (retry {retry} of 3)",
                self.reason(&Reason::InsufficientResources)
            ),
            EventKind::AutoStopped => "The service stops when the auto stop time expires.".into(),
            EventKind::UpdateStarted => "The service is being updated.".into(),
            EventKind::Updated => "The service has been updated.".into(),
            EventKind::UpdateFailed => {
                "Failed to update the service. The update has been rolled back.".into()
            }
            EventKind::Legacy { message, .. } => message.clone(),
        }
    }

    fn pool_event(&self, kind: &PoolEventKind) -> String {
        match kind {
            PoolEventKind::CreateRequested { nodes } => {
                format!("Create the resource pool with {nodes} node(s).")
            }
            PoolEventKind::Running => "The resource pool is running.".into(),
            PoolEventKind::ScaleOutRequested { from, to } => {
                format!("Scale out the resource pool from {from} to {to} nodes.")
            }
            PoolEventKind::ScaleInRequested { from, to, nodes } => format!(
                "Scale in the resource pool from {from} to {to} nodes; nodes switched off: {}.",
                nodes.join(", ")
            ),
            PoolEventKind::Scaled { nodes } => {
                format!("Scaling completed. The resource pool has {nodes} node(s).")
            }
            PoolEventKind::DeleteRequested => "Delete the resource pool.".into(),
            PoolEventKind::Abnormal { reason } => self.saved_reason(reason),
            PoolEventKind::Recovered => "The resource pool recovered and is running.".into(),
            PoolEventKind::Renewed { months } => {
                format!("The subscription was renewed automatically for {months} month(s).")
            }
            PoolEventKind::Imported { replaced: false } => {
                "The resource pool was imported from an export file.".into()
            }
            PoolEventKind::Imported { replaced: true } => {
                "The resource pool was imported from an export file, replacing the pool with the same ID.".into()
            }
        }
    }

    fn reason(&self, reason: &Reason) -> String {
        match reason {
            Reason::InsufficientResources => {
                "Insufficient resources. Wait until idle resources are sufficient.".into()
            }
            Reason::PoolGone {
                pool_name,
                released: true,
            } => format!(
                "The Yearly/Monthly term of the dedicated resource pool {pool_name} ended without renewal and the pool was released. The service cannot run on it."
            ),
            Reason::PoolGone { pool_name, .. } => format!(
                "The dedicated resource pool {pool_name} has been deleted. The service cannot run on it."
            ),
            Reason::NodeAbnormal { node } => {
                format!("The node {node} is abnormal: it does not respond to heartbeats.")
            }
            Reason::PoolAbnormal => "The resource pool is abnormal.".into(),
            Reason::InputMissing { path } => {
                format!("Failed to read the input data: the OBS path {path} does not exist.")
            }
            Reason::HealthCheckFailed => {
                "Model startup failed: the health check of the model did not pass within the timeout.".into()
            }
            Reason::MemoryAlarm => "Alarm: the memory usage of the service exceeds 90%.".into(),
        }
    }

    fn saved_reason(&self, text: &str) -> String {
        text.to_string()
    }

    fn outcome(&self, outcome: &Outcome) -> String {
        match outcome {
            Outcome::RegionSelected { region_name } => format!("Region: {region_name}."),
            Outcome::AgencyAuthorization { authorized: true } => {
                "Agency authorization added.".into()
            }
            Outcome::AgencyAuthorization { authorized: false } => {
                "Agency authorization removed.".into()
            }
            Outcome::EnforceQuotas { enforce: true } => format!(
                "Account quotas are enforced: at most {MAX_BATCH_SERVICES} batch services."
            ),
            Outcome::EnforceQuotas { enforce: false } => {
                "Account quotas are not enforced: the limit on batch services is lifted.".into()
            }
            Outcome::SimulationSpeed { speed } => format!("Simulation speed: {speed}x."),
            Outcome::DemoReset => "Demo data restored.".into(),
            Outcome::Deployed { service_name, .. } => {
                format!("{service_name}: the service is being deployed.")
            }
            Outcome::Started { service_name } => {
                format!("{service_name}: the service is starting.")
            }
            Outcome::Stopping { service_name } => {
                format!("{service_name}: the service is stopping.")
            }
            Outcome::Deleting { service_names } => match service_names.as_slice() {
                [one] => format!("{one}: the service is being deleted."),
                many => format!("{} services are being deleted.", many.len()),
            },
            Outcome::Modified {
                service_name,
                restarted: true,
                ..
            } => format!(
                "{service_name}: modified; the service is restarted for the modification to take effect."
            ),
            Outcome::Modified {
                service_name,
                fields,
                ..
            } if fields.is_empty() => format!("{service_name}: nothing was changed."),
            Outcome::Modified { service_name, .. } => {
                format!("{service_name}: the service information is modified.")
            }
            Outcome::Upgraded {
                service_name,
                changed: false,
                ..
            } => format!("{service_name}: nothing was changed."),
            Outcome::Upgraded {
                service_name,
                kind,
                ..
            } => match kind {
                UpgradeKind::Information | UpgradeKind::Traffic => {
                    format!("{service_name}: the service information is modified.")
                }
                UpgradeKind::Hitless => format!(
                    "{service_name}: the service is being updated by a hitless rolling upgrade."
                ),
                UpgradeKind::Interrupting => format!(
                    "{service_name}: the service is being upgraded and is interrupted until it runs again."
                ),
            },
            Outcome::Predicted {
                service_name,
                answer,
            } if answer.failed => format!(
                "{service_name}: the call to version {} failed.",
                answer.model_version
            ),
            Outcome::Predicted {
                service_name,
                answer,
            } => format!(
                "{service_name}: version {} answered in {} ms.",
                answer.model_version, answer.latency_ms
            ),
            Outcome::TrafficSimulated {
                service_name,
                calls_per_minute: 0,
            } => format!("{service_name}: simulated traffic stopped."),
            Outcome::TrafficSimulated {
                service_name,
                calls_per_minute,
            } => format!(
                "{service_name}: {} simulated calls per minute.",
                thousands(u64::from(*calls_per_minute))
            ),
            Outcome::PoolCreating { pool_name, .. } => {
                format!("{pool_name}: the dedicated resource pool is being created.")
            }
            Outcome::PoolScaling {
                pool_name,
                from,
                to,
            } => format!("{pool_name}: scaling from {from} to {to} nodes has been submitted."),
            Outcome::PoolDeleting {
                pool_name,
                failed_services: 0,
            } => format!("{pool_name}: the dedicated resource pool is being deleted."),
            Outcome::PoolDeleting {
                pool_name,
                failed_services,
            } => format!(
                "{pool_name}: the dedicated resource pool is being deleted; {failed_services} service(s) deployed on it failed."
            ),
            Outcome::PoolHealth {
                pool_name,
                abnormal: true,
            } => format!("{pool_name}: a node fault is simulated; the pool is Abnormal."),
            Outcome::PoolHealth { pool_name, .. } => {
                format!("{pool_name}: the pool recovered and is Running.")
            }
            Outcome::Imported {
                region_name,
                scope,
                services,
                pools,
                added,
                replaced,
            } => self.imported(region_name, *scope, *services, *pools, *added, *replaced),
        }
    }

    fn version_change(&self, change: &VersionChange) -> String {
        let version = match &change.version {
            Some(v) => format!("Version {v}: "),
            None => String::new(),
        };
        format!(
            "{version}{}: {} -> {}",
            self.field(change.field),
            change_value(&change.old),
            change_value(&change.new)
        )
    }

    fn log_line(&self, line: &LogLine) -> String {
        let v = &line.model_version;
        match &line.text {
            LogText::PhaseStarted(phase) => {
                format!("[{v}] {}: started.", self.deploy_phase(*phase))
            }
            LogText::ModelStarted => format!("[{v}] Model started; listening on port 8080."),
            LogText::ModelStopped => format!("[{v}] Model stopped."),
            LogText::ConfigurationUpdated => format!("[{v}] Configuration updated."),
            LogText::Failed(reason) => format!("[{v}] {}", self.saved_reason(reason)),
            LogText::Calls {
                service_id,
                calls,
                succeeded,
            } => format!(
                "[{v}] POST /v1/infers/{service_id}: {calls} call(s), {succeeded} succeeded."
            ),
            LogText::CallsFailed(failed) => {
                format!("[{v}] {failed} call(s) failed: 503 The service is unstable.")
            }
        }
    }

    fn duration(&self, ms: Millis) -> String {
        let units = [(DAY, "d"), (HOUR, "h"), (MINUTE, "m"), (SECOND, "s")];
        let mut rest = ms;
        let mut parts = Vec::new();
        for (size, unit) in units {
            let n = rest / size;
            rest %= size;
            if n > 0 || (!parts.is_empty()) {
                parts.push(format!("{n}{unit}"));
            }
        }
        if parts.is_empty() {
            "0s".into()
        } else {
            parts.join(" ")
        }
    }

    fn auto_stop_text(&self, due_time: Option<Millis>, hours: Option<u32>, now: Millis) -> String {
        match (due_time, hours) {
            (Some(due), _) => format!(
                "{} left",
                self.duration(due.saturating_sub(now) / 1_000 * 1_000)
            ),
            (None, Some(hours)) => self.auto_stop(hours),
            (None, None) => "Off".into(),
        }
    }

    fn pool_az(&self, pool: &Pool) -> String {
        if let Some(az) = pool.chosen_az() {
            return az.to_string();
        }
        let azs = pool.landed_azs();
        if azs.is_empty() {
            "Random".into()
        } else {
            format!("Random ({})", azs.join(", "))
        }
    }
}

/// A changed field's value.
fn change_value(value: &ChangeValue) -> String {
    match value {
        ChangeValue::Nothing => "-".into(),
        ChangeValue::Text(text) => text.clone(),
        ChangeValue::AutoStop(None) => "Off".into(),
        ChangeValue::AutoStop(Some(hours)) => English.auto_stop(*hours),
        ChangeValue::Minutes(n) => format!("{n} min"),
        ChangeValue::Added(v) => format!("added {}", version_summary(v)),
        ChangeValue::Removed(v) => format!("removed {}", version_summary(v)),
    }
}

fn version_summary(v: &VersionSummary) -> String {
    format!(
        "{} {} ({}%, {}, {} node(s))",
        v.model_name, v.model_version, v.weight, v.specification, v.nodes
    )
}

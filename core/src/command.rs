//! Commands as values: everything a user can do is a [`Command`], applied by one
//! [`Console::apply`] (the reducer), which says what happened as an [`Outcome`] whose text is
//! written here once. Being values, commands can be replayed onto fresher state (another tab
//! saved meanwhile), logged, and generated in property tests.

use std::fmt;

use crate::clock::SimClock;
use crate::console::Console;
use crate::error::DomainError;
use crate::pool::create::PoolRequest;
use crate::pool::scale::ScaleRequest;
use crate::realtime::{Answer, RealTimeRequest, RealTimeUpdate, UpgradeKind};
use crate::service::deploy::DeployRequest;
use crate::service::modify::ServiceUpdate;
use crate::text::Lang;
use crate::transfer::ExportScope;
use crate::validation::Field;
use crate::Millis;

#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Command {
    SelectRegion {
        region: String,
    },
    SetAgencyAuthorization {
        authorized: bool,
    },
    SetEnforceQuotas {
        enforce: bool,
    },
    SetSimulationSpeed {
        speed: u32,
    },
    /// Settings > Reset demo data: every region's resources replaced by the demo's, described
    /// in `lang`.
    ResetDemo {
        lang: Lang,
    },
    Deploy(DeployRequest),
    Start {
        service_id: String,
    },
    Stop {
        service_id: String,
    },
    /// All of them or none: send what [`Console::plan_delete`] allowed.
    Delete {
        service_ids: Vec<String>,
    },
    Modify {
        service_id: String,
        update: ServiceUpdate,
    },
    /// Create Dedicated Resource Pool.
    CreatePool(PoolRequest),
    ScalePool {
        pool_id: String,
        request: ScaleRequest,
    },
    /// `confirmation` is what the user typed; only DELETE deletes.
    DeletePool {
        pool_id: String,
        confirmation: String,
    },
    /// Sandbox only: a node of a Running pool fails (`abnormal`), or an Abnormal pool recovers.
    SetPoolFault {
        pool_id: String,
        abnormal: bool,
    },
    /// Deploy a real-time service.
    DeployRealTime(RealTimeRequest),
    StartRealTime {
        service_id: String,
    },
    StopRealTime {
        service_id: String,
    },
    /// All of them or none: send what [`Console::plan_real_time_delete`] allowed.
    DeleteRealTime {
        service_ids: Vec<String>,
    },
    /// Modify or upgrade a real-time service ([`Console::upgrade_kind`] says which).
    ModifyRealTime {
        service_id: String,
        update: RealTimeUpdate,
    },
    /// One call from the Prediction tab with a JSON body.
    Predict {
        service_id: String,
        body: String,
    },
    /// Sandbox only: calls per simulated minute sent to a real-time service (0: none).
    SimulateTraffic {
        service_id: String,
        calls_per_minute: u32,
    },
    /// Import an export file (see [`crate::transfer`]) into its region, which becomes the
    /// selected one: the whole file or nothing. The text is judged again against the state
    /// at apply time ([`Console::plan_import`] is the preview).
    Import {
        text: String,
    },
}

/// What an accepted command did; `Display` is the console's success message in English
/// (`speak(lang).outcome(..)` in a language).
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Outcome {
    RegionSelected {
        region_name: String,
    },
    AgencyAuthorization {
        authorized: bool,
    },
    EnforceQuotas {
        enforce: bool,
    },
    SimulationSpeed {
        speed: u32,
    },
    DemoReset,
    Deployed {
        service_id: String,
        service_name: String,
    },
    Started {
        service_name: String,
    },
    Stopping {
        service_name: String,
    },
    Deleting {
        service_names: Vec<String>,
    },
    Modified {
        service_name: String,
        fields: Vec<Field>,
        restarted: bool,
    },
    /// A real-time service was modified (`changed`: anything at all) as `kind` says.
    Upgraded {
        service_name: String,
        kind: UpgradeKind,
        changed: bool,
    },
    Predicted {
        service_name: String,
        answer: Answer,
    },
    TrafficSimulated {
        service_name: String,
        calls_per_minute: u32,
    },
    PoolCreating {
        pool_id: String,
        pool_name: String,
    },
    PoolScaling {
        pool_name: String,
        from: u32,
        to: u32,
    },
    PoolDeleting {
        pool_name: String,
        failed_services: usize,
    },
    PoolHealth {
        pool_name: String,
        abnormal: bool,
    },
    /// An export file was imported: `services` and `pools` of it, `added` and `replaced` in
    /// all.
    Imported {
        region_name: String,
        scope: ExportScope,
        services: usize,
        pools: usize,
        added: usize,
        replaced: usize,
    },
}

impl fmt::Display for Outcome {
    /// The success message, in English.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&crate::text::Events::outcome(&crate::text::English, self))
    }
}

impl Console {
    /// Applies a command at wall-clock time `wall`. The console is first advanced to that
    /// instant (simulated time, see [`crate::clock`]), so the command acts on the truth; then
    /// it either changes the state and says what happened, or refuses and leaves the
    /// (advanced) state exactly as it was.
    pub fn apply(&mut self, command: Command, wall: Millis) -> Result<Outcome, DomainError> {
        let now = self.sim_now(wall);
        self.advance_to(now);
        let region = self.state.region.clone();
        let result = self.execute(command, wall, now);
        if let (Ok(_), Some(acted_on)) = (&result, self.state.regions.get_mut(&region)) {
            // What the command changed in its pools' use, as of its instant.
            acted_on.note_usage(now);
        }
        self.reindex();
        result
    }

    fn execute(
        &mut self,
        command: Command,
        wall: Millis,
        now: Millis,
    ) -> Result<Outcome, DomainError> {
        match command {
            Command::SelectRegion { region } => {
                let name = self
                    .catalog
                    .region(&region)
                    .map(|r| r.name.clone())
                    .ok_or_else(|| DomainError::UnknownRegion(region.clone()))?;
                self.state.region = region;
                Ok(Outcome::RegionSelected { region_name: name })
            }
            Command::SetAgencyAuthorization { authorized } => {
                self.state.settings.agency_authorized = authorized;
                Ok(Outcome::AgencyAuthorization { authorized })
            }
            Command::SetEnforceQuotas { enforce } => {
                self.state.settings.enforce_quotas = enforce;
                Ok(Outcome::EnforceQuotas { enforce })
            }
            Command::SetSimulationSpeed { speed } => {
                if !SimClock::is_valid_speed(speed) {
                    return Err(DomainError::InvalidSpeed(speed));
                }
                self.state.settings.clock.set_speed(speed, wall);
                Ok(Outcome::SimulationSpeed { speed })
            }
            Command::ResetDemo { lang } => {
                // The demo is built at simulated `now`; the user's settings and clock stay.
                let settings = self.state.settings.clone();
                *self = crate::demo::demo_console(self.catalog.clone(), now, lang);
                self.state.settings = settings;
                Ok(Outcome::DemoReset)
            }
            Command::Deploy(request) => self.deploy(request, now),
            Command::Start { service_id } => self.start(&service_id, now),
            Command::Stop { service_id } => self.stop(&service_id, now),
            Command::Delete { service_ids } => self.delete(&service_ids, now),
            Command::Modify { service_id, update } => self.modify(&service_id, update, now),
            Command::CreatePool(request) => self.create_pool(request, now),
            Command::ScalePool { pool_id, request } => self.scale_pool(&pool_id, request, now),
            Command::DeletePool {
                pool_id,
                confirmation,
            } => self.delete_pool(&pool_id, &confirmation, now),
            Command::SetPoolFault { pool_id, abnormal } => {
                self.set_pool_fault(&pool_id, abnormal, now)
            }
            Command::DeployRealTime(request) => self.deploy_real_time(request, now),
            Command::StartRealTime { service_id } => self.start_real_time(&service_id, now),
            Command::StopRealTime { service_id } => self.stop_real_time(&service_id, now),
            Command::DeleteRealTime { service_ids } => self.delete_real_time(&service_ids, now),
            Command::ModifyRealTime { service_id, update } => {
                self.modify_real_time(&service_id, update, now)
            }
            Command::Predict { service_id, body } => self.predict(&service_id, &body, now),
            Command::SimulateTraffic {
                service_id,
                calls_per_minute,
            } => self.simulate_traffic(&service_id, calls_per_minute, now),
            Command::Import { text } => self.import(&text, now),
        }
    }
}

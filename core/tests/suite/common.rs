//! Builders shared by the core's integration tests.
#![allow(dead_code)]

use std::collections::BTreeMap;

use console_core::service::MappingType;
use console_core::{
    BatchService, Catalog, Command, Console, ConsoleState, DeploymentLocation, DomainError,
    Outcome, RegionState, ServiceConfig, ServiceStatus, ServiceUpdate, Settings,
};

pub const T0: u64 = 1_790_000_000_000;

pub fn config(nodes: u32) -> ServiceConfig {
    let catalog = Catalog::embedded();
    let model = &catalog.models[0];
    ServiceConfig {
        model_id: model.model_id.clone(),
        model_name: model.model_name.clone(),
        model_version: "0.0.1".into(),
        specification: "modelarts.vm.cpu.8u".into(),
        instance_count: nodes,
        envs: BTreeMap::new(),
        src_path: "obs://bucket/in/".into(),
        dest_path: "obs://bucket/out/".into(),
        req_uri: "/".into(),
        mapping_type: MappingType::File,
        mapping_rule: Vec::new(),
    }
}

/// A service that entered `status` at `T0`, with 100 MB of input, read from its stored form:
/// a stored field added with a default needs nothing here.
pub fn service(id: &str, status: ServiceStatus, location: DeploymentLocation) -> BatchService {
    serde_json::from_value(serde_json::json!({
        "service_id": id,
        "service_name": format!("svc-{id}"),
        "infer_type": "batch",
        "status": status,
        "progress": 0,
        "publish_at": T0,
        "transition_at": T0,
        "start_time": null,
        "finished_time": null,
        "error_msg": (status == ServiceStatus::Failed).then_some("boom"),
        "config": [config(2)],
        "location": location,
        "billing": { "billed_ms": 0, "cost": 0.0, "hourly_rate": 1.32 },
        "workload": { "input_size_mb": 100, "processed_node_ms": 0, "accounted_at": T0 },
    }))
    .expect("a service in the stored form")
}

pub fn console_with(services: Vec<BatchService>, authorized: bool) -> Console {
    let catalog = Catalog::embedded();
    let state = ConsoleState {
        region: catalog.default_region.clone(),
        settings: Settings {
            agency_authorized: authorized,
            ..Settings::default()
        },
        regions: BTreeMap::from([(
            catalog.default_region.clone(),
            RegionState {
                services,
                ..RegionState::default()
            },
        )]),
        id_seq: 100,
    };
    Console::from_state(catalog, state)
}

pub fn status_of(console: &Console, id: &str) -> Option<ServiceStatus> {
    console.service(id).map(|s| s.status)
}

/// The service commands by name, each applied through [`Console::apply`].
pub trait Commands {
    fn start_service(&mut self, id: &str, now: u64) -> Result<Outcome, DomainError>;
    fn stop_service(&mut self, id: &str, now: u64) -> Result<Outcome, DomainError>;
    fn delete_services(&mut self, ids: &[String], now: u64) -> Result<Outcome, DomainError>;
    fn modify_service(
        &mut self,
        id: &str,
        update: ServiceUpdate,
        now: u64,
    ) -> Result<Outcome, DomainError>;
    fn select_region(&mut self, region: &str) -> Result<Outcome, DomainError>;
}

impl Commands for Console {
    fn start_service(&mut self, id: &str, now: u64) -> Result<Outcome, DomainError> {
        let service_id = id.to_string();
        self.apply(Command::Start { service_id }, now)
    }
    fn stop_service(&mut self, id: &str, now: u64) -> Result<Outcome, DomainError> {
        let service_id = id.to_string();
        self.apply(Command::Stop { service_id }, now)
    }
    fn delete_services(&mut self, ids: &[String], now: u64) -> Result<Outcome, DomainError> {
        let service_ids = ids.to_vec();
        self.apply(Command::Delete { service_ids }, now)
    }
    fn modify_service(
        &mut self,
        id: &str,
        update: ServiceUpdate,
        now: u64,
    ) -> Result<Outcome, DomainError> {
        let service_id = id.to_string();
        self.apply(Command::Modify { service_id, update }, now)
    }
    /// At `T0`: selecting a region does not depend on time.
    fn select_region(&mut self, region: &str) -> Result<Outcome, DomainError> {
        let region = region.to_string();
        self.apply(Command::SelectRegion { region }, T0)
    }
}

/// The messages of a service's events, oldest first.
pub fn messages(console: &Console, id: &str) -> Vec<String> {
    console
        .service(id)
        .map(|s| s.events.iter().map(|e| e.message()).collect())
        .unwrap_or_default()
}

/// The demo state as consoles built it before real-time services (what the fixtures of
/// versions 1-6 hold): the same, without its real-time services and the ids they took.
pub fn demo_before_real_time(state: &ConsoleState) -> ConsoleState {
    let mut state = state.clone();
    let ids: usize = state
        .regions
        .values()
        .map(|r| r.real_time_services.len())
        .sum();
    // Nor had they pools' use over time.
    state.regions.values_mut().for_each(|r| {
        r.real_time_services.clear();
        r.pools.iter_mut().for_each(|p| p.usage.clear());
    });
    state.id_seq -= ids as u64;
    state
}

//! The names of the core's values: statuses, actions, choices, fields.

use crate::catalog::{ModelSource, ModelState};
use crate::event::EventType;
use crate::pool::{BillingMode, NodeStatus, PoolAction, PoolPhase, PoolType, RequiredDuration};
use crate::realtime::{DeployPhase, UpdateResult, UpgradeKind};
use crate::service::{DeploymentLocation, ServiceAction, ServiceConfig, ServiceStatus};
use crate::validation::Field;

speaks! {
    /// The console's names for the core's values, one method per type.
    pub trait Labels {
        fn service_status(&self, status: ServiceStatus) -> &'static str;
        fn service_action(&self, action: ServiceAction) -> &'static str;
        fn location(&self, location: &DeploymentLocation) -> String;
        fn pool_type(&self, pool_type: PoolType) -> &'static str;
        fn billing_mode(&self, mode: BillingMode) -> &'static str;
        fn required_duration(&self, duration: RequiredDuration) -> String;
        fn pool_phase(&self, phase: PoolPhase) -> &'static str;
        fn pool_action(&self, action: PoolAction) -> &'static str;
        fn node_status(&self, status: NodeStatus) -> &'static str;
        fn update_result(&self, result: UpdateResult) -> &'static str;
        fn deploy_phase(&self, phase: DeployPhase) -> &'static str;
        /// What a modification does to a running service, as the upgrade dialog says it.
        fn upgrade_kind(&self, kind: UpgradeKind) -> &'static str;
        fn model_source(&self, source: ModelSource) -> &'static str;
        fn model_state(&self, state: ModelState) -> &'static str;
        fn field(&self, field: Field) -> &'static str;
        fn event_type(&self, event_type: EventType) -> &'static str;
        /// A batch service's mapping: its type, and for CSV the column of each input field.
        fn mapping(&self, config: &ServiceConfig) -> String;
        /// An Auto Stop choice: stop `hours` after the service starts running.
        fn auto_stop(&self, hours: u32) -> String;
    }
}

use crate::catalog::{ModelSource, ModelState};
use crate::event::EventType;
use crate::pool::{BillingMode, NodeStatus, PoolAction, PoolPhase, PoolType, RequiredDuration};
use crate::realtime::{DeployPhase, UpdateResult, UpgradeKind};
use crate::service::{
    DeploymentLocation, MappingType, ServiceAction, ServiceConfig, ServiceStatus,
};
use crate::text::{English, Labels};
use crate::validation::Field;

impl Labels for English {
    fn service_status(&self, status: ServiceStatus) -> &'static str {
        match status {
            ServiceStatus::Deploying => "Deploying",
            ServiceStatus::Running => "Running",
            ServiceStatus::Concerning => "Alarm",
            ServiceStatus::Failed => "Failed",
            ServiceStatus::Stopping => "Stopping",
            ServiceStatus::Stopped => "Stopped",
            ServiceStatus::Finished => "Completed",
            ServiceStatus::Deleting => "Deleting",
            ServiceStatus::Waiting => "Waiting for resources",
        }
    }

    fn service_action(&self, action: ServiceAction) -> &'static str {
        match action {
            ServiceAction::Start => "Start",
            ServiceAction::Stop => "Stop",
            ServiceAction::Modify => "Modify",
            ServiceAction::Delete => "Delete",
            ServiceAction::Restart => "Restart",
        }
    }

    fn location(&self, location: &DeploymentLocation) -> String {
        match location {
            DeploymentLocation::PublicPool => "Public resource pool".into(),
            DeploymentLocation::DedicatedPool { pool_name } => {
                format!("Dedicated resource pool: {pool_name}")
            }
            DeploymentLocation::EdgeNode { node_name } => format!("Edge node: {node_name}"),
            DeploymentLocation::EdgePool { pool_name } => {
                format!("Edge resource pool: {pool_name}")
            }
        }
    }

    fn pool_type(&self, pool_type: PoolType) -> &'static str {
        match pool_type {
            PoolType::DevelopmentTraining => "Dedicated for Development/Training",
            PoolType::ServiceDeployment => "Dedicated for Service Deployment",
        }
    }

    fn billing_mode(&self, mode: BillingMode) -> &'static str {
        match mode {
            BillingMode::PayPerUse => "Pay-per-use",
            BillingMode::YearlyMonthly => "Yearly/Monthly",
        }
    }

    fn required_duration(&self, duration: RequiredDuration) -> String {
        match duration {
            RequiredDuration::Months(1) => "1 month".into(),
            RequiredDuration::Months(n) => format!("{n} months"),
            RequiredDuration::Year => "1 year".into(),
        }
    }

    fn pool_phase(&self, phase: PoolPhase) -> &'static str {
        match phase {
            PoolPhase::Creating => "Creating",
            PoolPhase::Running => "Running",
            PoolPhase::Scaling => "Scaling",
            PoolPhase::Abnormal => "Abnormal",
            PoolPhase::Deleting => "Deleting",
        }
    }

    fn pool_action(&self, action: PoolAction) -> &'static str {
        match action {
            PoolAction::Scale => "Scale",
            PoolAction::Delete => "Delete",
        }
    }

    fn node_status(&self, status: NodeStatus) -> &'static str {
        match status {
            NodeStatus::Creating => "Creating",
            NodeStatus::Available => "Available",
            NodeStatus::Abnormal => "Abnormal",
            NodeStatus::Deleting => "Deleting",
        }
    }

    fn update_result(&self, result: UpdateResult) -> &'static str {
        match result {
            UpdateResult::Success => "SUCCESS",
            UpdateResult::Fail => "FAIL",
        }
    }

    fn deploy_phase(&self, phase: DeployPhase) -> &'static str {
        match phase {
            DeployPhase::ImageBuilding => "Image building",
            DeployPhase::EnvironmentPreparation => "Environment preparation",
            DeployPhase::ResourceScheduling => "Resource scheduling",
            DeployPhase::ImagePulling => "Image pulling",
            DeployPhase::ModelStartup => "Model startup",
        }
    }

    fn upgrade_kind(&self, kind: UpgradeKind) -> &'static str {
        match kind {
            UpgradeKind::Information => "The service information is modified at once.",
            UpgradeKind::Traffic => "The traffic ratios apply at once.",
            UpgradeKind::Hitless => "Hitless rolling upgrade: the service keeps running and answering calls while it is updated.",
            UpgradeKind::Interrupting => "The service will be interrupted during the upgrade.",
        }
    }

    fn model_source(&self, source: ModelSource) -> &'static str {
        match source {
            ModelSource::ContainerImage => "Container image",
            ModelSource::TrainingJob => "Training job",
            ModelSource::Obs => "OBS",
        }
    }

    fn model_state(&self, state: ModelState) -> &'static str {
        match state {
            ModelState::Normal => "Normal",
            ModelState::Building => "Building",
            ModelState::Failed => "Failed",
        }
    }

    fn field(&self, field: Field) -> &'static str {
        match field {
            Field::BillingMode => "Billing Mode",
            Field::Name => "Name",
            Field::Description => "Description",
            Field::ModelVersion => "Model and Version",
            Field::InputPath => "Input Path",
            Field::RequestPath => "Request Path",
            Field::MappingType => "Mapping Type",
            Field::OutputPath => "Output Path",
            Field::Specifications => "Specifications",
            Field::ComputeNodes => "Compute Nodes",
            Field::EnvironmentVariables => "Environment Variables",
            Field::DeploymentLocation => "Deployment Location",
            Field::Vpc => "VPC",
            Field::Subnet => "Subnet",
            Field::SecurityGroup => "Security Group",
            Field::Az => "AZ",
            Field::Nodes => "Nodes",
            Field::RequiredDuration => "Required Duration",
            Field::AutoStop => "Auto Stop",
            Field::ResourcePool => "Resource Pool",
            Field::TrafficRatio => "Traffic Ratio (%)",
            Field::Timeout => "Timeout",
            Field::WebSocket => "WebSocket",
            Field::ModelVersions => "Model Versions",
            Field::RequestBody => "Request",
            Field::CallsPerMinute => "Calls per Minute",
        }
    }

    fn event_type(&self, event_type: EventType) -> &'static str {
        match event_type {
            EventType::Normal => "Normal",
            EventType::Abnormal => "Abnormal",
        }
    }

    fn mapping(&self, config: &ServiceConfig) -> String {
        if config.mapping_type == MappingType::Csv && !config.mapping_rule.is_empty() {
            let columns: Vec<String> = config
                .mapping_rule
                .iter()
                .map(|m| format!("{}: column {}", m.field, m.index))
                .collect();
            format!("csv ({})", columns.join(", "))
        } else {
            config.mapping_type.api_value().to_string()
        }
    }

    fn auto_stop(&self, hours: u32) -> String {
        match hours {
            1 => "1 hour later".into(),
            n => format!("{n} hours later"),
        }
    }
}

use crate::catalog::ModelState;
use crate::error::{DomainError, PoolRefusal, Refusal};
use crate::format::thousands;
use crate::pool::PoolAction;
use crate::service::ServiceAction;
use crate::text::{English, Labels, Messages, Transfer};
use crate::validation::{FieldError, Violation};

/// "cannot be …": the action's past participle.
fn past_participle(action: ServiceAction) -> &'static str {
    match action {
        ServiceAction::Start => "started",
        ServiceAction::Stop => "stopped",
        ServiceAction::Modify => "modified",
        ServiceAction::Delete => "deleted",
        ServiceAction::Restart => "restarted",
    }
}

fn pool_past_participle(action: PoolAction) -> &'static str {
    match action {
        PoolAction::Scale => "scaled",
        PoolAction::Delete => "deleted",
    }
}

const QUOTA_ADVICE: &str =
    "Delete services that are no longer needed, or turn off Settings > Enforce account quotas.";

impl Messages for English {
    fn refusal(&self, refusal: &Refusal) -> String {
        match refusal {
            Refusal::EdgeDeployment(action) => format!(
                "Services deployed on ModelArts edge nodes or ModelArts edge resource pools cannot be {}.",
                past_participle(*action)
            ),
            Refusal::NoAgencyAuthorization => {
                "A service cannot be deleted without agency authorization.".into()
            }
            Refusal::RestartUnsupported => "Batch services cannot be restarted.".into(),
            Refusal::AlreadyRunning => "The service is already running.".into(),
            Refusal::AlreadyStopped => "The service is already stopped.".into(),
            Refusal::InStatus(action, status) => format!(
                "A service in the {} state cannot be {}.",
                self.service_status(*status),
                past_participle(*action)
            ),
            Refusal::Upgrading => {
                "The service is being updated. Wait until the update is complete.".into()
            }
            Refusal::NotAnswering(status) => format!(
                "A service in the {} state cannot be called: only a Running service answers.",
                self.service_status(*status)
            ),
            Refusal::PoolNotRunning {
                pool_name,
                phase: Some(phase),
            } => format!(
                "The dedicated resource pool {pool_name} is {}: only a Running pool can run services.",
                self.pool_phase(*phase)
            ),
            Refusal::PoolNotRunning {
                pool_name,
                phase: None,
            } => format!(
                "The dedicated resource pool {pool_name} has been deleted, so the service cannot run again."
            ),
        }
    }

    fn pool_refusal(&self, refusal: &PoolRefusal) -> String {
        match refusal {
            PoolRefusal::PrepaidScale => {
                "A dedicated resource pool in Yearly/Monthly billing mode does not support scaling."
                    .into()
            }
            PoolRefusal::PrepaidDelete => {
                "A dedicated resource pool in Yearly/Monthly billing mode cannot be deleted.".into()
            }
            PoolRefusal::InPhase(PoolAction::Scale, phase) => format!(
                "Only a Running resource pool can be scaled; this one is {}.",
                self.pool_phase(*phase)
            ),
            PoolRefusal::InPhase(action, phase) => format!(
                "A resource pool in the {} state cannot be {}.",
                self.pool_phase(*phase),
                pool_past_participle(*action)
            ),
            PoolRefusal::Health(phase) => format!(
                "The resource pool is {}: a fault can be simulated only on a Running pool, and only an Abnormal pool can recover.",
                self.pool_phase(*phase)
            ),
        }
    }

    fn domain_error(&self, error: &DomainError) -> String {
        match error {
            DomainError::Refused {
                service_name,
                refusal,
            } => format!("{service_name}: {}", self.refusal(refusal)),
            DomainError::ServiceNotFound(id) => {
                format!("The service {id} does not exist or has been deleted.")
            }
            DomainError::PoolRefused { pool_name, refusal } => {
                format!("{pool_name}: {}", self.pool_refusal(refusal))
            }
            DomainError::DeleteNotConfirmed => {
                "Enter DELETE to confirm the deletion of the dedicated resource pool.".into()
            }
            DomainError::PoolNotFound(id) => {
                format!("The resource pool {id} does not exist in this region or has been deleted.")
            }
            DomainError::UnknownRegion(id) => format!("The region {id} does not exist."),
            DomainError::NothingSelected => "Select at least one service.".into(),
            DomainError::Closed => "The console is closed. Reload the page.".into(),
            DomainError::NotLoaded => {
                "The action could not be loaded. Check your network connection and try again."
                    .into()
            }
            DomainError::ServiceQuota { limit } => format!(
                "The account already has {} batch services, the most it may have. {QUOTA_ADVICE}",
                thousands(*limit as u64)
            ),
            DomainError::RealTimeQuota { limit } => format!(
                "The account already has {limit} real-time services, the most it may have. {QUOTA_ADVICE}"
            ),
            DomainError::InvalidSpeed(speed) => format!(
                "A simulation speed of {speed}x is not offered: choose 1x to {}x.",
                crate::clock::MAX_SPEED
            ),
            DomainError::Import(errors) => format!(
                "The file cannot be imported ({} {}):\n{}",
                thousands(errors.total() as u64),
                if errors.total() == 1 { "error" } else { "errors" },
                self.import_errors(errors)
            ),
            DomainError::Invalid(errors) => {
                let messages: Vec<String> = errors.iter().map(|e| self.field_error(e)).collect();
                messages.join(" ")
            }
        }
    }

    fn error_reason(&self, error: &DomainError) -> String {
        match error {
            DomainError::Refused { refusal, .. } => self.refusal(refusal),
            DomainError::PoolRefused { refusal, .. } => self.pool_refusal(refusal),
            other => self.domain_error(other),
        }
    }

    fn violation(&self, violation: &Violation) -> String {
        match violation {
            Violation::ServiceName => "Enter 1 to 64 characters, starting with a letter. Only letters, digits, hyphens (-), and underscores (_) are allowed.".into(),
            Violation::ServiceNameTaken { name } => {
                format!("A service named {name} already exists in this region.")
            }
            Violation::RealTimeNameTaken { name } => {
                format!("A real-time service named {name} already exists in this region.")
            }
            Violation::PoolNameTaken { name } => {
                format!("A resource pool named {name} already exists in this region.")
            }
            Violation::EnterName => "Enter a name.".into(),
            Violation::PoolNameCharacters => {
                "Only letters, digits, hyphens (-), and underscores (_) are allowed.".into()
            }
            Violation::NameLength { min, max } => format!("Enter {min} to {max} characters."),
            Violation::TooLong { max } => format!("Enter at most {max} characters."),
            Violation::DescriptionCharacters => {
                "The description cannot contain the following characters: !<>=+&\"'".into()
            }
            Violation::ControlCharacter { code } => format!(
                "Remove the control character U+{code:04X}: only tabs and line breaks are allowed."
            ),
            Violation::IntegerRange { min, max } => {
                format!("Enter an integer from {min} to {max}.")
            }
            Violation::ObsFolder => "Enter an OBS folder path such as obs://bucket/dir/.".into(),
            Violation::RequestPath => "Enter a path that starts with a slash (/), such as /.".into(),
            Violation::EnvKeyRepeated { key } => {
                format!("The key \"{key}\" is used more than once.")
            }
            Violation::EnvKeyInvalid { key } => format!(
                "The key \"{key}\" is invalid: use letters, digits and underscores (_), not starting with a digit."
            ),
            Violation::ColumnMissing { field } => {
                format!("Enter a column index (0 or more) for the input field \"{field}\".")
            }
            Violation::ColumnRepeated { index } => {
                format!("Column {index} is mapped to more than one input field.")
            }
            Violation::SelectModel => "Select a model from the list.".into(),
            Violation::SelectModelVersion => "Select a model version from the list.".into(),
            Violation::VersionNotNormal { version, state } => format!(
                "Version {version} is {}. Only versions in the Normal state can be deployed.",
                self.model_state(*state)
            ),
            Violation::SelectSpecifications => "Select specifications from the list.".into(),
            Violation::SoldOutHere { flavor } => format!("{flavor} is sold out in this region."),
            Violation::PoolNotForDeployment {
                pool_name,
                pool_type,
            } => format!(
                "{pool_name} is {}: only pools of type Dedicated for Service Deployment can run services.",
                self.pool_type(*pool_type)
            ),
            Violation::PoolNotRunning { pool_name, phase } => format!(
                "{pool_name} is {}: only Running pools can be chosen.",
                self.pool_phase(*phase)
            ),
            Violation::PoolMissing { pool_name } => {
                format!("The dedicated resource pool {pool_name} does not exist in this region.")
            }
            Violation::SelectEdgeNode => "Select an edge node of this region.".into(),
            Violation::SelectEdgePool => "Select an edge resource pool of this region.".into(),
            Violation::PublicOrDedicatedPool => {
                "Choose the public resource pool or a dedicated resource pool.".into()
            }
            Violation::PrepaidDeploymentRegion { region_name } => format!(
                "The Yearly/Monthly billing mode of Dedicated for Service Deployment pools is supported only in CN North-Beijing4, not in {region_name}."
            ),
            Violation::NodeQuotaUsedUp { region_name, quota } => format!(
                "The node quota of {region_name} ({quota} nodes) is used up. Delete or scale in pools to free nodes."
            ),
            Violation::NodeQuotaLeft {
                region_name,
                left,
                quota,
            } => format!(
                "Only {left} of the {quota}-node quota of {region_name} are left: enter 1 to {left}."
            ),
            Violation::SelectDuration => "Select the required duration.".into(),
            Violation::DeploymentMonths { max } => format!(
                "Dedicated for Service Deployment pools can be bought for 1 to {max} months."
            ),
            Violation::DurationRange => "Select 1 to 11 months, or 1 year.".into(),
            Violation::SelectAz => "Select Random or an AZ of this region.".into(),
            Violation::SelectPoolSpecifications => "Select specifications.".into(),
            Violation::PoolFlavorSoldOut { flavor } => format!(
                "{flavor} is sold out. It can be bought again once other users delete their pools."
            ),
            Violation::SelectVpc => "Select a VPC.".into(),
            Violation::SelectSubnet => "Select a subnet of the VPC.".into(),
            Violation::SelectSecurityGroup => "Select a security group of the VPC.".into(),
            Violation::ScaleToNone => {
                "Enter an integer of 1 or more. To remove every node, delete the pool instead."
                    .into()
            }
            Violation::ScaleBothWays => "Scale out and scale in cannot be combined: switch the nodes back on, or lower the node count.".into(),
            Violation::ScaleQuota {
                region_name,
                quota,
                in_use,
                left,
            } => format!(
                "The node quota of {region_name} is {quota} nodes and {in_use} are in use: at most {left} more node(s) can be added."
            ),
            Violation::ScaleBelowOccupied { occupied, services } => {
                let names: Vec<String> = services
                    .iter()
                    .map(|(name, nodes)| format!("{name} ({nodes} node(s))"))
                    .collect();
                format!(
                    "Real-time services occupy {occupied} node(s) of this pool: {}. Scale in to {occupied} nodes or more, or stop those services first.",
                    names.join(", ")
                )
            }
            Violation::SwitchOffNodes { from, to } => format!(
                "To scale in from {from} to {to} nodes, switch off {} node(s) in the node list.",
                from - to
            ),
            Violation::ScaleUnchanged => "Change the number of nodes to scale out, or switch off nodes in the node list to scale in.".into(),
            Violation::NodeTwice => "Each node can be switched off only once.".into(),
            Violation::NodeNotSwitchable { node } => {
                format!("The node {node} cannot be switched off.")
            }
            Violation::AutoStopPreset => "Choose 1, 2, 4 or 6 hours, or Custom.".into(),
            Violation::AutoStopCustom => "Enter a whole number of hours from 1 to 24.".into(),
            Violation::NoVersions => "Add at least one model version.".into(),
            Violation::VersionsSameModel => {
                "Every version must be of the same model as the first.".into()
            }
            Violation::VersionRepeated { version } => {
                format!("Version {version} is already configured: the versions must be unique.")
            }
            Violation::TrafficRatio => "Enter a whole number from 0 to 100.".into(),
            Violation::TimeoutRange { min, max } => {
                format!("Enter a whole number of minutes from {min} to {max}.")
            }
            Violation::TrafficSum { sum } => format!(
                "The traffic ratios add up to {sum}%: they must add up to exactly 100%."
            ),
            Violation::WebSocketContainerOnly => {
                "WebSocket is available only for models from a container image.".into()
            }
            Violation::PoolShortOfNodes { more, free } => format!(
                "The new configuration needs {more} more node(s) and the pool has {free} free: lower the compute nodes or scale out the pool."
            ),
            Violation::CallsPerMinute { max } => format!(
                "Enter a whole number of calls per minute from 0 to {}.",
                thousands(u64::from(*max))
            ),
            Violation::RequestTooLarge => "The request body is larger than 8 MB.".into(),
            Violation::RequestNotObject => {
                "Enter a JSON object, such as {\"image\": \"...\"}.".into()
            }
            Violation::RequestNotJson { error, .. } => {
                format!("The request is not valid JSON: {error}.")
            }
        }
    }

    fn field_error(&self, error: &FieldError) -> String {
        let field = self.field(error.field);
        let violation = self.violation(&error.violation);
        match error.version {
            Some(v) => format!("Model version {}, {field}: {violation}", v + 1),
            None => format!("{field}: {violation}"),
        }
    }

    fn with_note(&self, text: &str, note: &str) -> String {
        format!("{text} ({note})")
    }

    fn version_unavailable(&self, state: ModelState) -> String {
        format!(
            "{}: only versions in the Normal state can be deployed.",
            self.model_state(state)
        )
    }

    fn sold_out(&self) -> &'static str {
        "Sold out"
    }

    fn no_deployment_pool(&self) -> &'static str {
        "Dedicated resource pool: none in this region"
    }

    fn no_deployment_pool_reason(&self) -> &'static str {
        "No dedicated resource pool of type Dedicated for Service Deployment exists in this region."
    }

    fn free_nodes(&self, free: u32, nodes: u32) -> String {
        format!("{free} of {nodes} nodes free")
    }

    fn billed_months(&self, months: u32) -> String {
        format!("billed as {months} months")
    }

    fn random_az(&self) -> &'static str {
        "Random"
    }

    fn select_vpc(&self) -> &'static str {
        "Select a VPC"
    }

    fn select_subnet(&self) -> &'static str {
        "Select a subnet"
    }

    fn select_security_group(&self) -> &'static str {
        "Select a security group"
    }
}

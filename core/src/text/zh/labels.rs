use crate::catalog::{ModelSource, ModelState};
use crate::event::EventType;
use crate::pool::{BillingMode, NodeStatus, PoolAction, PoolPhase, PoolType, RequiredDuration};
use crate::realtime::{DeployPhase, UpdateResult, UpgradeKind};
use crate::service::{
    DeploymentLocation, MappingType, ServiceAction, ServiceConfig, ServiceStatus,
};
use crate::text::{Chinese, Labels};
use crate::validation::Field;

impl Labels for Chinese {
    fn service_status(&self, status: ServiceStatus) -> &'static str {
        match status {
            ServiceStatus::Deploying => "部署中",
            ServiceStatus::Running => "运行中",
            ServiceStatus::Concerning => "告警",
            ServiceStatus::Failed => "失败",
            ServiceStatus::Stopping => "停止中",
            ServiceStatus::Stopped => "停止",
            ServiceStatus::Finished => "运行完成",
            ServiceStatus::Deleting => "删除中",
            ServiceStatus::Waiting => "等待资源",
        }
    }

    fn service_action(&self, action: ServiceAction) -> &'static str {
        match action {
            ServiceAction::Start => "启动",
            ServiceAction::Stop => "停止",
            ServiceAction::Modify => "修改",
            ServiceAction::Delete => "删除",
            ServiceAction::Restart => "重启",
        }
    }

    fn location(&self, location: &DeploymentLocation) -> String {
        match location {
            DeploymentLocation::PublicPool => "公共资源池".into(),
            DeploymentLocation::DedicatedPool { pool_name } => format!("专属资源池：{pool_name}"),
            DeploymentLocation::EdgeNode { node_name } => format!("边缘节点：{node_name}"),
            DeploymentLocation::EdgePool { pool_name } => format!("边缘资源池：{pool_name}"),
        }
    }

    fn pool_type(&self, pool_type: PoolType) -> &'static str {
        match pool_type {
            PoolType::DevelopmentTraining => "开发环境/训练专用",
            PoolType::ServiceDeployment => "部署上线专用",
        }
    }

    fn billing_mode(&self, mode: BillingMode) -> &'static str {
        match mode {
            BillingMode::PayPerUse => "按需计费",
            BillingMode::YearlyMonthly => "包年/包月",
        }
    }

    fn required_duration(&self, duration: RequiredDuration) -> String {
        match duration {
            RequiredDuration::Months(n) => format!("{n}个月"),
            RequiredDuration::Year => "1年".into(),
        }
    }

    fn pool_phase(&self, phase: PoolPhase) -> &'static str {
        match phase {
            PoolPhase::Creating => "创建中",
            PoolPhase::Running => "运行中",
            PoolPhase::Scaling => "扩缩容中",
            PoolPhase::Abnormal => "异常",
            PoolPhase::Deleting => "删除中",
        }
    }

    fn pool_action(&self, action: PoolAction) -> &'static str {
        match action {
            PoolAction::Scale => "扩缩容",
            PoolAction::Delete => "删除",
        }
    }

    fn node_status(&self, status: NodeStatus) -> &'static str {
        match status {
            NodeStatus::Creating => "创建中",
            NodeStatus::Available => "可用",
            NodeStatus::Abnormal => "异常",
            NodeStatus::Deleting => "删除中",
        }
    }

    fn update_result(&self, result: UpdateResult) -> &'static str {
        match result {
            UpdateResult::Success => "成功",
            UpdateResult::Fail => "失败",
        }
    }

    fn deploy_phase(&self, phase: DeployPhase) -> &'static str {
        match phase {
            DeployPhase::ImageBuilding => "镜像构建",
            DeployPhase::EnvironmentPreparation => "环境准备",
            DeployPhase::ResourceScheduling => "资源调度",
            DeployPhase::ImagePulling => "镜像拉取",
            DeployPhase::ModelStartup => "模型启动",
        }
    }

    fn upgrade_kind(&self, kind: UpgradeKind) -> &'static str {
        match kind {
            UpgradeKind::Information => "服务信息将立即修改。",
            UpgradeKind::Traffic => "分流比例将立即生效。",
            UpgradeKind::Hitless => "无损滚动升级：升级期间服务持续运行并响应调用。",
            UpgradeKind::Interrupting => "升级期间服务将中断。",
        }
    }

    fn model_source(&self, source: ModelSource) -> &'static str {
        match source {
            ModelSource::ContainerImage => "容器镜像",
            ModelSource::TrainingJob => "训练作业",
            ModelSource::Obs => "OBS",
        }
    }

    fn model_state(&self, state: ModelState) -> &'static str {
        match state {
            ModelState::Normal => "正常",
            ModelState::Building => "构建中",
            ModelState::Failed => "失败",
        }
    }

    fn field(&self, field: Field) -> &'static str {
        match field {
            Field::BillingMode => "计费模式",
            Field::Name => "名称",
            Field::Description => "描述",
            Field::ModelVersion => "选择模型及版本",
            Field::InputPath => "输入数据目录位置",
            Field::RequestPath => "请求路径",
            Field::MappingType => "映射关系",
            Field::OutputPath => "输出数据目录位置",
            Field::Specifications => "计算节点规格",
            Field::ComputeNodes => "计算节点个数",
            Field::EnvironmentVariables => "环境变量",
            Field::DeploymentLocation => "部署位置",
            Field::Vpc => "虚拟私有云",
            Field::Subnet => "子网",
            Field::SecurityGroup => "安全组",
            Field::Az => "可用区",
            Field::Nodes => "节点数",
            Field::RequiredDuration => "购买时长",
            Field::AutoStop => "自动停止",
            Field::ResourcePool => "资源池",
            Field::TrafficRatio => "分流（%）",
            Field::Timeout => "超时时间",
            Field::WebSocket => "WebSocket",
            Field::ModelVersions => "模型版本",
            Field::RequestBody => "请求",
            Field::CallsPerMinute => "每分钟调用次数",
        }
    }

    fn event_type(&self, event_type: EventType) -> &'static str {
        match event_type {
            EventType::Normal => "正常",
            EventType::Abnormal => "异常",
        }
    }

    fn mapping(&self, config: &ServiceConfig) -> String {
        if config.mapping_type == MappingType::Csv && !config.mapping_rule.is_empty() {
            let columns: Vec<String> = config
                .mapping_rule
                .iter()
                .map(|m| format!("{}：第{}列", m.field, m.index))
                .collect();
            format!("csv（{}）", columns.join("，"))
        } else {
            config.mapping_type.api_value().to_string()
        }
    }

    fn auto_stop(&self, hours: u32) -> String {
        format!("{hours}小时后")
    }
}

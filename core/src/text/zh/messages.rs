use crate::catalog::ModelState;
use crate::error::{DomainError, PoolRefusal, Refusal};
use crate::format::thousands;
use crate::pool::PoolAction;
use crate::text::{Chinese, Labels, Messages, Transfer};
use crate::validation::{FieldError, Violation};

const QUOTA_ADVICE: &str = "请删除不再需要的服务，或在“全局配置”中关闭“启用账号配额限制”。";

impl Messages for Chinese {
    fn refusal(&self, refusal: &Refusal) -> String {
        match refusal {
            Refusal::EdgeDeployment(action) => format!(
                "部署在ModelArts边缘节点或ModelArts边缘资源池上的服务不能{}。",
                self.service_action(*action)
            ),
            Refusal::NoAgencyAuthorization => "未完成委托授权时无法删除服务。".into(),
            Refusal::RestartUnsupported => "批量服务不支持重启。".into(),
            Refusal::AlreadyRunning => "服务已在运行中。".into(),
            Refusal::AlreadyStopped => "服务已停止。".into(),
            Refusal::InStatus(action, status) => format!(
                "“{}”状态的服务不能{}。",
                self.service_status(*status),
                self.service_action(*action)
            ),
            Refusal::Upgrading => "服务正在更新，请等待更新完成。".into(),
            Refusal::NotAnswering(status) => format!(
                "“{}”状态的服务不能调用：只有“运行中”的服务响应调用。",
                self.service_status(*status)
            ),
            Refusal::PoolNotRunning {
                pool_name,
                phase: Some(phase),
            } => format!(
                "专属资源池{pool_name}处于“{}”状态：只有“运行中”的资源池可以运行服务。",
                self.pool_phase(*phase)
            ),
            Refusal::PoolNotRunning {
                pool_name,
                phase: None,
            } => format!("专属资源池{pool_name}已删除，服务无法再运行。"),
        }
    }

    fn pool_refusal(&self, refusal: &PoolRefusal) -> String {
        match refusal {
            PoolRefusal::PrepaidScale => "“包年/包月”计费模式的专属资源池不支持扩缩容。".into(),
            PoolRefusal::PrepaidDelete => "“包年/包月”计费模式的专属资源池不能删除。".into(),
            PoolRefusal::InPhase(PoolAction::Scale, phase) => format!(
                "只有“运行中”的资源池可以扩缩容，该资源池处于“{}”状态。",
                self.pool_phase(*phase)
            ),
            PoolRefusal::InPhase(action, phase) => format!(
                "“{}”状态的资源池不能{}。",
                self.pool_phase(*phase),
                self.pool_action(*action)
            ),
            PoolRefusal::Health(phase) => format!(
                "资源池处于“{}”状态：只有“运行中”的资源池可以模拟故障，只有“异常”的资源池可以恢复。",
                self.pool_phase(*phase)
            ),
        }
    }

    fn domain_error(&self, error: &DomainError) -> String {
        match error {
            DomainError::Refused {
                service_name,
                refusal,
            } => format!("{service_name}：{}", self.refusal(refusal)),
            DomainError::ServiceNotFound(id) => format!("服务{id}不存在或已删除。"),
            DomainError::PoolRefused { pool_name, refusal } => {
                format!("{pool_name}：{}", self.pool_refusal(refusal))
            }
            DomainError::DeleteNotConfirmed => "请输入DELETE以确认删除专属资源池。".into(),
            DomainError::PoolNotFound(id) => format!("资源池{id}在当前区域不存在或已删除。"),
            DomainError::UnknownRegion(id) => format!("区域{id}不存在。"),
            DomainError::NothingSelected => "请至少选择一个服务。".into(),
            DomainError::Closed => "控制台已关闭，请刷新页面。".into(),
            DomainError::NotLoaded => "无法加载该操作，请检查网络连接后重试。".into(),
            DomainError::ServiceQuota { limit } => format!(
                "批量服务总数超限，限制为{}。{QUOTA_ADVICE}",
                thousands(*limit as u64)
            ),
            DomainError::RealTimeQuota { limit } => {
                format!("在线服务总数超限，限制为{limit}。{QUOTA_ADVICE}")
            }
            DomainError::InvalidSpeed(speed) => format!(
                "不支持{speed}倍速的模拟速度：请选择1倍速到{}倍速。",
                crate::clock::MAX_SPEED
            ),
            DomainError::Import(errors) => format!(
                "文件无法导入（{}个错误）：\n{}",
                thousands(errors.total() as u64),
                self.import_errors(errors)
            ),
            DomainError::Invalid(errors) => {
                let messages: Vec<String> = errors.iter().map(|e| self.field_error(e)).collect();
                messages.concat()
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
            Violation::ServiceName => "请输入1到64个字符，以字母开头，只能包含字母、数字、中划线（-）和下划线（_）。".into(),
            Violation::ServiceNameTaken { name } => format!("当前区域已存在名为{name}的服务。"),
            Violation::RealTimeNameTaken { name } => {
                format!("当前区域已存在名为{name}的在线服务。")
            }
            Violation::PoolNameTaken { name } => format!("当前区域已存在名为{name}的资源池。"),
            Violation::EnterName => "请输入名称。".into(),
            Violation::PoolNameCharacters => {
                "只能包含字母、数字、中划线（-）和下划线（_）。".into()
            }
            Violation::NameLength { min, max } => format!("请输入{min}到{max}个字符。"),
            Violation::TooLong { max } => format!("最多输入{max}个字符。"),
            Violation::DescriptionCharacters => "描述不能包含字符!<>=+&\"'。".into(),
            Violation::ControlCharacter { code } => {
                format!("请删除控制字符U+{code:04X}：只允许制表符和换行符。")
            }
            Violation::IntegerRange { min, max } => format!("请输入{min}到{max}之间的整数。"),
            Violation::ObsFolder => "请输入OBS目录路径，例如obs://bucket/dir/。".into(),
            Violation::RequestPath => "请输入以斜杠（/）开头的路径，例如/。".into(),
            Violation::EnvKeyRepeated { key } => format!("键“{key}”被多次使用。"),
            Violation::EnvKeyInvalid { key } => format!(
                "键“{key}”无效：只能使用字母、数字和下划线（_），且不能以数字开头。"
            ),
            Violation::ColumnMissing { field } => {
                format!("请为输入字段“{field}”输入列索引（不小于0）。")
            }
            Violation::ColumnRepeated { index } => {
                format!("列索引{index}映射到了多个输入字段。")
            }
            Violation::SelectModel => "请从列表中选择模型。".into(),
            Violation::SelectModelVersion => "请从列表中选择模型版本。".into(),
            Violation::VersionNotNormal { version, state } => format!(
                "版本{version}处于“{}”状态。只有“正常”状态的版本可以部署。",
                self.model_state(*state)
            ),
            Violation::SelectSpecifications => "请从列表中选择规格。".into(),
            Violation::SoldOutHere { flavor } => format!("{flavor}在当前区域已售罄。"),
            Violation::PoolNotForDeployment {
                pool_name,
                pool_type,
            } => format!(
                "{pool_name}的类型为“{}”：只有“部署上线专用”类型的资源池可以运行服务。",
                self.pool_type(*pool_type)
            ),
            Violation::PoolNotRunning { pool_name, phase } => format!(
                "{pool_name}处于“{}”状态：只能选择“运行中”的资源池。",
                self.pool_phase(*phase)
            ),
            Violation::PoolMissing { pool_name } => {
                format!("当前区域不存在专属资源池{pool_name}。")
            }
            Violation::SelectEdgeNode => "请选择当前区域的边缘节点。".into(),
            Violation::SelectEdgePool => "请选择当前区域的边缘资源池。".into(),
            Violation::PublicOrDedicatedPool => "请选择公共资源池或专属资源池。".into(),
            Violation::PrepaidDeploymentRegion { region_name } => format!(
                "“部署上线专用”资源池的“包年/包月”计费模式仅在CN North-Beijing4提供，{region_name}不提供。"
            ),
            Violation::NodeQuotaUsedUp { region_name, quota } => format!(
                "{region_name}的节点配额（{quota}个节点）已用完。请删除资源池或缩容以释放节点。"
            ),
            Violation::NodeQuotaLeft {
                region_name,
                left,
                quota,
            } => format!(
                "{region_name}的节点配额共{quota}个，仅剩{left}个：请输入1到{left}。"
            ),
            Violation::SelectDuration => "请选择购买时长。".into(),
            Violation::DeploymentMonths { max } => {
                format!("“部署上线专用”资源池的购买时长为1到{max}个月。")
            }
            Violation::DurationRange => "请选择1到11个月或1年。".into(),
            Violation::SelectAz => "请选择“随机分配”或当前区域的可用区。".into(),
            Violation::SelectPoolSpecifications => "请选择节点规格。".into(),
            Violation::PoolFlavorSoldOut { flavor } => {
                format!("{flavor}已售罄。其他用户删除资源池后可再次购买。")
            }
            Violation::SelectVpc => "请选择虚拟私有云。".into(),
            Violation::SelectSubnet => "请选择该虚拟私有云的子网。".into(),
            Violation::SelectSecurityGroup => "请选择该虚拟私有云的安全组。".into(),
            Violation::ScaleToNone => "请输入不小于1的整数。如需移除全部节点，请删除资源池。".into(),
            Violation::ScaleBothWays => {
                "扩容和缩容不能同时进行：请重新开启已关闭的节点，或调低节点数。".into()
            }
            Violation::ScaleQuota {
                region_name,
                quota,
                in_use,
                left,
            } => format!(
                "{region_name}的节点配额为{quota}个节点，已使用{in_use}个：最多还能增加{left}个节点。"
            ),
            Violation::ScaleBelowOccupied { occupied, services } => {
                let names: Vec<String> = services
                    .iter()
                    .map(|(name, nodes)| format!("{name}（{nodes}个节点）"))
                    .collect();
                format!(
                    "在线服务占用了该资源池的{occupied}个节点：{}。请缩容到不少于{occupied}个节点，或先停止这些服务。",
                    names.join("、")
                )
            }
            Violation::SwitchOffNodes { from, to } => format!(
                "从{from}个节点缩容到{to}个节点，需要在节点列表中关闭{}个节点。",
                from - to
            ),
            Violation::ScaleUnchanged => {
                "请修改节点数以扩容，或在节点列表中关闭节点以缩容。".into()
            }
            Violation::NodeTwice => "每个节点只能关闭一次。".into(),
            Violation::NodeNotSwitchable { node } => format!("节点{node}不能关闭。"),
            Violation::AutoStopPreset => "请选择1、2、4或6小时，或选择“自定义”。".into(),
            Violation::AutoStopCustom => "请输入1到24之间的整数小时数。".into(),
            Violation::NoVersions => "请至少添加一个模型版本。".into(),
            Violation::VersionsSameModel => "所有版本必须与第一个版本属于同一个模型。".into(),
            Violation::VersionRepeated { version } => {
                format!("版本{version}已配置：版本不能重复。")
            }
            Violation::TrafficRatio => "请输入0到100之间的整数。".into(),
            Violation::TimeoutRange { min, max } => {
                format!("请输入{min}到{max}之间的整数分钟数。")
            }
            Violation::TrafficSum { sum } => {
                format!("分流比例之和为{sum}%：必须正好为100%。")
            }
            Violation::WebSocketContainerOnly => "只有来源为容器镜像的模型支持WebSocket。".into(),
            Violation::PoolShortOfNodes { more, free } => format!(
                "新配置还需要{more}个节点，而资源池只有{free}个空闲节点：请减少计算节点个数或扩容资源池。"
            ),
            Violation::CallsPerMinute { max } => format!(
                "请输入0到{}之间的整数（每分钟调用次数）。",
                thousands(u64::from(*max))
            ),
            Violation::RequestTooLarge => "请求体大于8 MB。".into(),
            Violation::RequestNotObject => "请输入JSON对象，例如{\"image\": \"...\"}。".into(),
            Violation::RequestNotJson { line, column, .. } => {
                format!("请求不是有效的JSON：第{line}行第{column}列有误。")
            }
        }
    }

    fn field_error(&self, error: &FieldError) -> String {
        let field = self.field(error.field);
        let violation = self.violation(&error.violation);
        match error.version {
            Some(v) => format!("模型版本{}的{field}：{violation}", v + 1),
            None => format!("{field}：{violation}"),
        }
    }

    fn with_note(&self, text: &str, note: &str) -> String {
        format!("{text}（{note}）")
    }

    fn version_unavailable(&self, state: ModelState) -> String {
        format!(
            "{}：只有“正常”状态的版本可以部署。",
            self.model_state(state)
        )
    }

    fn sold_out(&self) -> &'static str {
        "售罄"
    }

    fn no_deployment_pool(&self) -> &'static str {
        "专属资源池：当前区域暂无"
    }

    fn no_deployment_pool_reason(&self) -> &'static str {
        "当前区域没有“部署上线专用”类型的专属资源池。"
    }

    fn free_nodes(&self, free: u32, nodes: u32) -> String {
        format!("{nodes}个节点中{free}个空闲")
    }

    fn billed_months(&self, months: u32) -> String {
        format!("按{months}个月计费")
    }

    fn random_az(&self) -> &'static str {
        "随机分配"
    }

    fn select_vpc(&self) -> &'static str {
        "请选择虚拟私有云"
    }

    fn select_subnet(&self) -> &'static str {
        "请选择子网"
    }

    fn select_security_group(&self) -> &'static str {
        "请选择安全组"
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::pool::PoolPhase;
    use crate::service::{ServiceAction, ServiceStatus};
    use crate::validation::Field;

    /// What Chinese text may keep in Latin letters: the names passed in, and the tokens the
    /// Chinese console shows as they are.
    const ALLOWED: [&str; 12] = [
        "pool-a1",
        "AP-Singapore",
        "CN North-Beijing4",
        "ModelArts",
        "obs://bucket/dir/",
        "{\"image\": \"...\"}",
        "DELETE",
        "WebSocket",
        "JSON",
        "OBS",
        "MB",
        "U+001B",
    ];

    fn assert_chinese(text: &str) {
        let rest = ALLOWED
            .iter()
            .fold(text.to_string(), |t, token| t.replace(token, ""));
        assert!(
            !rest.chars().any(|c| c.is_ascii_alphabetic()),
            "English left in {text:?}"
        );
        assert!(!text.is_empty());
    }

    /// Every variant once (the match below fails to build when one is added).
    fn violations() -> Vec<Violation> {
        let name = || "pool-a1".to_string();
        let region_name = || "AP-Singapore".to_string();
        vec![
            Violation::ServiceName,
            Violation::ServiceNameTaken { name: name() },
            Violation::RealTimeNameTaken { name: name() },
            Violation::PoolNameTaken { name: name() },
            Violation::EnterName,
            Violation::PoolNameCharacters,
            Violation::NameLength { min: 4, max: 64 },
            Violation::TooLong { max: 100 },
            Violation::DescriptionCharacters,
            Violation::ControlCharacter { code: 0x1b },
            Violation::IntegerRange { min: 1, max: 128 },
            Violation::ObsFolder,
            Violation::RequestPath,
            Violation::EnvKeyRepeated { key: name() },
            Violation::EnvKeyInvalid { key: name() },
            Violation::ColumnMissing { field: name() },
            Violation::ColumnRepeated { index: 1 },
            Violation::SelectModel,
            Violation::SelectModelVersion,
            Violation::VersionNotNormal {
                version: "0.0.3".into(),
                state: ModelState::Building,
            },
            Violation::SelectSpecifications,
            Violation::SoldOutHere { flavor: name() },
            Violation::PoolNotForDeployment {
                pool_name: name(),
                pool_type: crate::pool::PoolType::DevelopmentTraining,
            },
            Violation::PoolNotRunning {
                pool_name: name(),
                phase: PoolPhase::Creating,
            },
            Violation::PoolMissing { pool_name: name() },
            Violation::SelectEdgeNode,
            Violation::SelectEdgePool,
            Violation::PublicOrDedicatedPool,
            Violation::PrepaidDeploymentRegion {
                region_name: region_name(),
            },
            Violation::NodeQuotaUsedUp {
                region_name: region_name(),
                quota: 20,
            },
            Violation::NodeQuotaLeft {
                region_name: region_name(),
                left: 2,
                quota: 20,
            },
            Violation::SelectDuration,
            Violation::DeploymentMonths { max: 11 },
            Violation::DurationRange,
            Violation::SelectAz,
            Violation::SelectPoolSpecifications,
            Violation::PoolFlavorSoldOut { flavor: name() },
            Violation::SelectVpc,
            Violation::SelectSubnet,
            Violation::SelectSecurityGroup,
            Violation::ScaleToNone,
            Violation::ScaleBothWays,
            Violation::ScaleQuota {
                region_name: region_name(),
                quota: 20,
                in_use: 18,
                left: 2,
            },
            Violation::ScaleBelowOccupied {
                occupied: 3,
                services: vec![(name(), 2), (name(), 1)],
            },
            Violation::SwitchOffNodes { from: 4, to: 2 },
            Violation::ScaleUnchanged,
            Violation::NodeTwice,
            Violation::NodeNotSwitchable { node: name() },
            Violation::AutoStopPreset,
            Violation::AutoStopCustom,
            Violation::NoVersions,
            Violation::VersionsSameModel,
            Violation::VersionRepeated {
                version: "0.0.1".into(),
            },
            Violation::TrafficRatio,
            Violation::TimeoutRange { min: 3, max: 120 },
            Violation::TrafficSum { sum: 90 },
            Violation::WebSocketContainerOnly,
            Violation::PoolShortOfNodes { more: 2, free: 1 },
            Violation::CallsPerMinute { max: 10_000 },
            Violation::RequestTooLarge,
            Violation::RequestNotObject,
            Violation::RequestNotJson {
                error: "expected value at line 1 column 1".into(),
                line: 1,
                column: 1,
            },
        ]
    }

    #[test]
    fn every_message_is_chinese() {
        let name = || "pool-a1".to_string();
        let mut refusals = vec![
            Refusal::NoAgencyAuthorization,
            Refusal::RestartUnsupported,
            Refusal::AlreadyRunning,
            Refusal::AlreadyStopped,
            Refusal::Upgrading,
            Refusal::PoolNotRunning {
                pool_name: name(),
                phase: None,
            },
        ];
        for action in [ServiceAction::Start, ServiceAction::Restart] {
            refusals.push(Refusal::EdgeDeployment(action));
            refusals.push(Refusal::InStatus(action, ServiceStatus::Waiting));
        }
        for status in [ServiceStatus::Stopped, ServiceStatus::Deploying] {
            refusals.push(Refusal::NotAnswering(status));
        }
        for phase in PoolPhase::ALL {
            refusals.push(Refusal::PoolNotRunning {
                pool_name: name(),
                phase: Some(phase),
            });
        }
        let mut pool_refusals = vec![PoolRefusal::PrepaidScale, PoolRefusal::PrepaidDelete];
        for phase in PoolPhase::ALL {
            pool_refusals.push(PoolRefusal::Health(phase));
            for action in [PoolAction::Scale, PoolAction::Delete] {
                pool_refusals.push(PoolRefusal::InPhase(action, phase));
            }
        }
        let mut errors: Vec<DomainError> = vec![
            DomainError::ServiceNotFound(name()),
            DomainError::PoolNotFound(name()),
            DomainError::DeleteNotConfirmed,
            DomainError::UnknownRegion(name()),
            DomainError::NothingSelected,
            DomainError::ServiceQuota { limit: 1_000 },
            DomainError::RealTimeQuota { limit: 20 },
            DomainError::InvalidSpeed(61),
            DomainError::Closed,
            DomainError::NotLoaded,
            DomainError::Import(crate::transfer::ImportErrors::default()),
            DomainError::Invalid(
                violations()
                    .into_iter()
                    .enumerate()
                    .map(|(i, violation)| FieldError {
                        field: Field::Timeout,
                        violation,
                        version: (i % 2 == 0).then_some(i),
                    })
                    .collect(),
            ),
        ];
        errors.extend(refusals.iter().map(|r| DomainError::Refused {
            service_name: name(),
            refusal: r.clone(),
        }));
        errors.extend(pool_refusals.iter().map(|r| DomainError::PoolRefused {
            pool_name: name(),
            refusal: r.clone(),
        }));
        for error in &errors {
            assert_chinese(&Chinese.domain_error(error));
            assert_chinese(&Chinese.error_reason(error));
        }
        for violation in violations() {
            // The guard: a new variant must be added to `violations` (and spoken).
            match violation {
                Violation::ServiceName
                | Violation::ServiceNameTaken { .. }
                | Violation::RealTimeNameTaken { .. }
                | Violation::PoolNameTaken { .. }
                | Violation::EnterName
                | Violation::PoolNameCharacters
                | Violation::NameLength { .. }
                | Violation::TooLong { .. }
                | Violation::DescriptionCharacters
                | Violation::ControlCharacter { .. }
                | Violation::IntegerRange { .. }
                | Violation::ObsFolder
                | Violation::RequestPath
                | Violation::EnvKeyRepeated { .. }
                | Violation::EnvKeyInvalid { .. }
                | Violation::ColumnMissing { .. }
                | Violation::ColumnRepeated { .. }
                | Violation::SelectModel
                | Violation::SelectModelVersion
                | Violation::VersionNotNormal { .. }
                | Violation::SelectSpecifications
                | Violation::SoldOutHere { .. }
                | Violation::PoolNotForDeployment { .. }
                | Violation::PoolNotRunning { .. }
                | Violation::PoolMissing { .. }
                | Violation::SelectEdgeNode
                | Violation::SelectEdgePool
                | Violation::PublicOrDedicatedPool
                | Violation::PrepaidDeploymentRegion { .. }
                | Violation::NodeQuotaUsedUp { .. }
                | Violation::NodeQuotaLeft { .. }
                | Violation::SelectDuration
                | Violation::DeploymentMonths { .. }
                | Violation::DurationRange
                | Violation::SelectAz
                | Violation::SelectPoolSpecifications
                | Violation::PoolFlavorSoldOut { .. }
                | Violation::SelectVpc
                | Violation::SelectSubnet
                | Violation::SelectSecurityGroup
                | Violation::ScaleToNone
                | Violation::ScaleBothWays
                | Violation::ScaleQuota { .. }
                | Violation::ScaleBelowOccupied { .. }
                | Violation::SwitchOffNodes { .. }
                | Violation::ScaleUnchanged
                | Violation::NodeTwice
                | Violation::NodeNotSwitchable { .. }
                | Violation::AutoStopPreset
                | Violation::AutoStopCustom
                | Violation::NoVersions
                | Violation::VersionsSameModel
                | Violation::VersionRepeated { .. }
                | Violation::TrafficRatio
                | Violation::TimeoutRange { .. }
                | Violation::TrafficSum { .. }
                | Violation::WebSocketContainerOnly
                | Violation::PoolShortOfNodes { .. }
                | Violation::CallsPerMinute { .. }
                | Violation::RequestTooLarge
                | Violation::RequestNotObject
                | Violation::RequestNotJson { .. } => {}
            }
        }
        for state in [ModelState::Building, ModelState::Failed] {
            assert_chinese(&Chinese.version_unavailable(state));
        }
        for text in [
            Chinese.with_note("0.0.3", Chinese.sold_out()),
            Chinese.no_deployment_pool().into(),
            Chinese.no_deployment_pool_reason().into(),
            Chinese.free_nodes(1, 3),
            Chinese.billed_months(10),
            Chinese.random_az().into(),
            Chinese.select_vpc().into(),
            Chinese.select_subnet().into(),
            Chinese.select_security_group().into(),
        ] {
            assert_chinese(&text);
        }
    }
}

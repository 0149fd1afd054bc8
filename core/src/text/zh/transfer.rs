use crate::catalog::{CatalogError, CatalogItem};
use crate::clock::MAX_SPEED;
use crate::event::MAX_EVENTS;
use crate::format::{datetime, thousands};
use crate::invariants::quoted;
use crate::pool::{BillingMode, PoolType, USAGE_KEPT};
use crate::realtime::MAX_REAL_TIME_SERVICES;
use crate::service::deploy::MAX_BATCH_SERVICES;
use crate::service::{ServiceStatus, MAX_RUNS};
use crate::snapshot::{Damage, Invalid, OldShape, SnapshotError, Unreadable, MAX_TIME, VERSION};
use crate::text::{Chinese, Labels, Messages, Transfer};
use crate::transfer::{
    Expected, ExportScope, Found, ImportError, ImportErrors, ImportPlan, ImportProblem,
    ResourceKind, MAX_IMPORT_BYTES, MAX_IMPORT_DEPTH, MAX_IMPORT_VALUES, SCHEMA,
};

const QUOTA_ADVICE: &str = "请删除不再需要的服务，或在“全局配置”中关闭“启用账号配额限制”。";
const NOT_AN_EXPORT: &str = "该文件不是本控制台的导出文件";
const NOT_LOADED: &str = "无法加载其读取模块，请检查网络连接";

/// `a、b或c`.
fn one_of<S: AsRef<str>>(values: &[S]) -> String {
    match values {
        [] => String::new(),
        [one] => one.as_ref().to_string(),
        [init @ .., last] => {
            let init: Vec<&str> = init.iter().map(AsRef::as_ref).collect();
            format!("{}或{}", init.join("、"), last.as_ref())
        }
    }
}

fn found(found: &Found) -> String {
    match found {
        Found::Null => "null".into(),
        Found::Bool(b) => b.to_string(),
        Found::Number(n) => n.clone(),
        Found::String => "字符串".into(),
        Found::Text(s) => quoted(s),
        Found::Array => "数组".into(),
        Found::Object => "对象".into(),
        Found::OtherType => "其他类型的值".into(),
        Found::OtherValue => "其他值".into(),
    }
}

fn expected(expected: &Expected) -> &str {
    match expected {
        Expected::String => "字符串",
        Expected::Bool => "true或false",
        Expected::Array => "数组",
        Expected::Object => "对象",
        Expected::Number => "数字",
        Expected::Integer => "整数",
        Expected::NodeCount => "节点数或节点名称列表",
        // serde's own words.
        Expected::Other(other) => other,
    }
}

fn noun(kind: ResourceKind) -> &'static str {
    match kind {
        ResourceKind::Service => "批量服务",
        ResourceKind::Pool => "资源池",
        ResourceKind::RealTime => "在线服务",
    }
}

fn damage(damage: &Damage) -> &str {
    match damage {
        Damage::NoPrefix => "缺少前缀",
        Damage::NoRevision => "缺少修订号",
        Damage::NoCount => "缺少块数",
        Damage::BadCount => "块数无效",
        Damage::TextAfterLastBlock => "最后一块之后还有文本",
        Damage::TooLong => "过长",
        Damage::ShorterThanSize => "短于其声明的大小",
        Damage::NoLength => "缺少长度",
        Damage::BadLength => "长度无效",
        Damage::Truncated => "已截断",
        Damage::UnexpectedCharacter => "含有意外的字符",
        Damage::NotText => "不是文本",
        Damage::NoHead => "缺少头部",
        Damage::Lz4(why) => why,
    }
}

fn old_shape(shape: OldShape) -> &'static str {
    match shape {
        OldShape::State => "state不是对象",
        OldShape::Regions => "regions不是对象",
        OldShape::Services => "services不是列表",
        OldShape::Service => "有服务不是对象",
        OldShape::Event => "有事件不是对象",
        OldShape::EventTime => "有事件没有时间",
        OldShape::EventTimeValue => "有事件的时间无效",
    }
}

fn catalog_item(item: CatalogItem) -> &'static str {
    match item {
        CatalogItem::Region => "区域",
        CatalogItem::Vpc => "虚拟私有云",
        CatalogItem::Subnet => "子网",
        CatalogItem::SecurityGroup => "安全组",
        CatalogItem::Flavor => "规格",
        CatalogItem::Model => "模型",
        CatalogItem::ModelVersion => "模型版本",
    }
}

/// `3个服务和1个资源池`.
fn parts(scope: ExportScope, services: usize, pools: usize) -> String {
    let mut parts = Vec::new();
    if scope.includes_services() {
        parts.push(format!("{}个服务", thousands(services as u64)));
    }
    if scope.includes_pools() {
        parts.push(format!("{}个资源池", thousands(pools as u64)));
    }
    parts.join("和")
}

impl Transfer for Chinese {
    fn import_problem(&self, problem: &ImportProblem) -> String {
        use ImportProblem as P;
        match problem {
            P::TooLarge { bytes } => format!(
                "文件大小为{}字节，最多可导入{}字节（{} MiB）。",
                thousands(*bytes),
                thousands(MAX_IMPORT_BYTES as u64),
                MAX_IMPORT_BYTES >> 20
            ),
            P::UnreadableFile => "无法以文本形式读取该文件。".into(),
            P::TooDeep => format!(
                "文件中数组和对象的嵌套超过{MAX_IMPORT_DEPTH}层；导出文件的嵌套为7层。"
            ),
            P::TooManyValues => format!(
                "文件包含超过{}个JSON值；导出文件每个服务约含50个值。",
                thousands(MAX_IMPORT_VALUES as u64)
            ),
            P::NotJson(error) => format!("文件不是有效的JSON：{error}。"),
            P::NotAnObject(f) => {
                format!("{NOT_AN_EXPORT}：应为JSON对象，实际为{}。", found(f))
            }
            P::SavedState => "这是已保存的控制台状态，不是导出文件：请从“批量服务”列表、资源池列表或“全局配置”导出。".into(),
            P::NotAnExport(f) => format!(
                "应为{}，实际为{}：{NOT_AN_EXPORT}。",
                quoted(SCHEMA),
                found(f)
            ),
            P::NoSchema => format!("此字段为必填项：{NOT_AN_EXPORT}。"),
            P::Said(text) => text.clone(),
            P::Required => "此字段为必填项。".into(),
            P::GivenTwice => "此键重复出现。".into(),
            P::UnknownVariant {
                key,
                value,
                allowed,
            } => {
                let of = key.as_deref().map_or(String::new(), |k| format!("{k}的"));
                format!(
                    "{of}值{}未知：请使用{}。",
                    quoted(value),
                    one_of(allowed)
                )
            }
            P::Expected {
                expected: e,
                found: f,
            } => format!("应为{}，实际为{}。", expected(e), found(f)),
            P::Negative => "不能为负数。".into(),
            P::AtMost(max) => format!("不能大于{}。", thousands(*max)),
            P::Unreadable(text) => format!("无法读取此值：{text}。"),
            P::UnknownRegion { region, regions } => format!(
                "未知区域{}：请使用{}。",
                quoted(region),
                one_of(regions)
            ),
            P::NoResources => "文件中既没有服务，也没有资源池。".into(),
            P::CountMismatch { held, count } => format!(
                "列表包含{}个服务，而不是{count}个。",
                thousands(*held as u64)
            ),
            P::TotalBelowCount => "不能小于count。".into(),
            P::TooManyRealTime { after } => format!(
                "账号最多可有{MAX_REAL_TIME_SERVICES}个在线服务，导入此文件后将有{after}个。{QUOTA_ADVICE}"
            ),
            P::TooManyBatch { after } => format!(
                "账号最多可有{}个批量服务，导入此文件后将有{}个。{QUOTA_ADVICE}",
                thousands(MAX_BATCH_SERVICES as u64),
                thousands(*after as u64)
            ),
            P::PoolWouldOverfill { held, pool, nodes } => format!(
                "在线服务将占用专属资源池{pool}的{held}个节点，而该资源池只有{nodes}个节点。"
            ),
            P::NodeQuota {
                nodes,
                region,
                quota,
            } => format!(
                "该区域的资源池将共有{}个节点，超过{region}的节点配额（{quota}个节点）。",
                thousands(*nodes)
            ),
            P::BadId => "ID为1到64个字符：字母、数字、连字符（-）和下划线（_）。".into(),
            P::AfterNow { time, now } => format!(
                "时间{}晚于控制台的当前时间{}。",
                datetime(*time, 0),
                datetime(*now, 0)
            ),
            P::AfterYear9999 => "时间晚于9999年。".into(),
            P::TooLongMs => format!("不能大于{}毫秒。", thousands(MAX_TIME)),
            P::NotAmount => "必须是大于或等于0的数字。".into(),
            P::ControlCharacter(code) => {
                format!("包含控制字符U+{code:04X}：文本中只允许制表符和换行符。")
            }
            P::TooManyEvents(n) => format!(
                "每个资源最多保留{MAX_EVENTS}个事件，此资源有{}个。",
                thousands(*n as u64)
            ),
            P::IdElsewhere { id, kind, region } => format!(
                "ID {}已属于{region}中的一个{}：ID在账号内唯一。",
                quoted(id),
                noun(*kind)
            ),
            P::IdOfOtherKind { id, kind } => format!(
                "ID {}也是一个{}的ID：ID在账号内唯一。",
                quoted(id),
                noun(*kind)
            ),
            P::IdUsed { kind, id, by } => {
                let what = match kind {
                    ResourceKind::Service | ResourceKind::RealTime => "service_id",
                    ResourceKind::Pool => "资源池名称（ID）",
                };
                format!("{what} {}也被{by}使用。", quoted(id))
            }
            P::NameUsed { name, by } => {
                format!("名称{name}也被{by}使用；名称在区域内唯一。")
            }
            P::NameExists { kind, name, region } => {
                format!("{region}中已存在名为{name}的{}。", noun(*kind))
            }
            P::Speed => format!("模拟速度为1倍速到{MAX_SPEED}倍速。"),
            P::Rule(violation) => self.violation(violation),
            P::UnknownInferType(value) => format!(
                "infer_type的值{}未知：请使用batch或real-time。",
                quoted(value)
            ),
            P::BatchWaits => {
                "批量服务不会等待资源：\"waiting\"是在线服务的状态。".into()
            }
            P::Percentage => "必须是0到100之间的百分比。".into(),
            P::NoErrorMessage => "失败的服务需要有错误信息。".into(),
            P::ConfigEntries(n) => {
                format!("批量服务只能有一个config条目，此服务有{n}个。")
            }
            P::UnknownModel(id) => format!("模型{}不在目录中。", quoted(id)),
            P::ModelName {
                model_id,
                name,
                given,
            } => format!(
                "模型{model_id}的名称是{name}，而不是{}。",
                quoted(given)
            ),
            P::NoVersion {
                model,
                version,
                versions: Some(versions),
            } => format!(
                "模型{model}没有版本{}：其版本为{}。",
                quoted(version),
                one_of(versions)
            ),
            P::NoVersion { model, version, .. } => {
                format!("模型{model}没有版本{}。", quoted(version))
            }
            P::UnknownFlavor { flavor, flavors } => format!(
                "未知规格{}：目录中的规格为{}。",
                quoted(flavor),
                one_of(flavors)
            ),
            P::PoolNotFound { pool, region } => format!(
                "专属资源池{}既不在文件中，也不在{region}中。",
                quoted(pool)
            ),
            P::PoolNotForServices { pool } => format!(
                "{pool}的类型为“{}”：只有“{}”类型的资源池可以运行服务。",
                self.pool_type(PoolType::DevelopmentTraining),
                self.pool_type(PoolType::ServiceDeployment)
            ),
            P::UnknownEdgeNode { node, region } => {
                format!("边缘节点{}未在{region}中注册。", quoted(node))
            }
            P::UnknownEdgePool { pool, region } => {
                format!("边缘资源池{}未在{region}中注册。", quoted(pool))
            }
            P::SettledCost => "必须是本次运行之前的费用：有进行中的运行时，总费用为此值加上该次运行的费用。".into(),
            P::TooManyRuns(n) => format!(
                "每个服务最多保留{MAX_RUNS}次运行记录，此服务有{}次。",
                thousands(*n as u64)
            ),
            P::ExpectedText { expected, found } => {
                format!("应为{}，实际为{}。", quoted(expected), quoted(found))
            }
            P::PoolScope => format!(
                "请使用[\"Infer\"]（{}）或[\"Train\", \"Notebook\"]（{}）。",
                self.pool_type(PoolType::ServiceDeployment),
                self.pool_type(PoolType::DevelopmentTraining)
            ),
            P::NetworkOfTraining => format!(
                "只有“{}”资源池可以配置自定义网络。",
                self.pool_type(PoolType::ServiceDeployment)
            ),
            P::NoTermEnd => format!(
                "“{}”资源池需要有到期时间。",
                self.billing_mode(BillingMode::YearlyMonthly)
            ),
            P::UsageHistory => format!(
                "资源池的使用记录最多{USAGE_KEPT}条，须从创建时间起按时间顺序排列。"
            ),
            P::MonthsWithoutNumber => "按月购买需要有月数。".into(),
            P::UnknownPeriodType(value) => format!(
                "未知的周期类型{}：请使用\"2\"（月）或\"3\"（年）。",
                quoted(value)
            ),
            P::NoTerm => format!(
                "“{}”资源池需要有购买时长：\"2\"（月）或\"3\"（年）。",
                self.billing_mode(BillingMode::YearlyMonthly)
            ),
            P::ResourceEntries(n) => {
                format!("专属资源池只能有一个resources条目，此资源池有{n}个。")
            }
            P::NoNodes => "资源池至少有1个节点。".into(),
            P::UnknownAz { az, region, azs } => format!(
                "未知可用区{}：{region}的可用区为{}。",
                quoted(az),
                one_of(azs)
            ),
            P::UnknownVpc { vpc, region } => {
                format!("虚拟私有云{}不在{region}中。", quoted(vpc))
            }
            P::UnknownSubnet { subnet, vpc } => {
                format!("子网{}不在虚拟私有云{vpc}中。", quoted(subnet))
            }
            P::UnknownSecurityGroup { group, vpc } => {
                format!("安全组{}不在虚拟私有云{vpc}中。", quoted(group))
            }
            P::LiveNodes { live, count } => format!(
                "资源池列出了{live}个未在删除的节点，但spec.resources[0].count为{count}。"
            ),
            P::RealTimeCompletes => {
                "在线服务不会运行完成：\"finished\"是批量服务的状态。".into()
            }
            P::FailedInvocations => {
                "调用失败次数不能多于调用次数（invocation_times）。".into()
            }
            P::FailedCalls => "调用失败次数不能多于调用次数。".into(),
            P::Schedules => "一个服务最多有一个自动停止计划。".into(),
            P::ScheduleType => "唯一的计划类型是\"stop\"（自动停止）。".into(),
            P::ScheduleUnit => "自动停止以\"HOURS\"计时。".into(),
            P::ScheduleHours => "自动停止在1到24小时后停止服务。".into(),
            P::RealTimeOnEdge => "在线服务运行在公共资源池或专属资源池上。".into(),
            P::Traffic => "每分钟模拟调用次数过多。".into(),
            P::Phase => "部署共有五个阶段（0-4）。".into(),
            P::NoModelVersions => "在线服务至少有一个模型版本。".into(),
            P::WeightSum(sum) => {
                format!("分流比例（weight）之和为{sum}：必须正好为100。")
            }
            P::OtherModel => "每个版本都必须与第一个版本属于同一模型。".into(),
            P::VersionTwice(version) => format!(
                "版本{}配置了两次：版本必须唯一。",
                quoted(version)
            ),
            P::Timeout { low, high } => format!("必须是{low}到{high}之间的整数分钟。"),
            P::RollingNotAnswering => format!(
                "只有“{}”或“{}”的服务可以无损升级。",
                self.service_status(ServiceStatus::Running),
                self.service_status(ServiceStatus::Concerning)
            ),
            P::RollingWithoutUpdate => "滚动升级必须属于updates中正在进行的更新。".into(),
            P::RollingUntil => "滚动升级在其更新开始30秒后结束。".into(),
            P::NotPrice => "必须是大于或等于0的价格。".into(),
            P::PoolOccupied { held, pool, nodes } => format!(
                "在线服务占用了{pool}的{held}个节点，而该资源池只有{nodes}个节点。"
            ),
        }
    }

    fn import_error(&self, error: &ImportError) -> String {
        format!("{}：{}", error.path, self.import_problem(&error.problem))
    }

    fn import_errors(&self, errors: &ImportErrors) -> String {
        let mut lines: Vec<String> = errors.errors.iter().map(|e| self.import_error(e)).collect();
        if errors.unlisted > 0 {
            lines.push(format!("另有{}个错误。", thousands(errors.unlisted as u64)));
        }
        lines.join("\n")
    }

    fn import_summary(&self, plan: &ImportPlan) -> String {
        if plan.added() + plan.replaced() == 0 {
            return format!("文件中没有可导入{}的内容。", plan.region_name);
        }
        format!(
            "将把{}导入{}：新增{}个，替换{}个。",
            parts(plan.scope, plan.services.imported(), plan.pools.imported()),
            plan.region_name,
            thousands(plan.added() as u64),
            thousands(plan.replaced() as u64)
        )
    }

    fn imported(
        &self,
        region_name: &str,
        scope: ExportScope,
        services: usize,
        pools: usize,
        added: usize,
        replaced: usize,
    ) -> String {
        if services + pools == 0 {
            let what = match scope {
                ExportScope::All => "服务或资源池",
                ExportScope::Services | ExportScope::RealTimeServices => "服务",
                ExportScope::Pools => "资源池",
            };
            return format!("文件中没有{what}：未导入任何内容。");
        }
        let mut changes = Vec::new();
        if added > 0 {
            changes.push(format!("新增{}个", thousands(added as u64)));
        }
        if replaced > 0 {
            changes.push(format!("替换{}个", thousands(replaced as u64)));
        }
        format!(
            "已将{}导入{region_name}：{}。",
            parts(scope, services, pools),
            changes.join("，")
        )
    }

    fn snapshot_error(&self, error: &SnapshotError) -> String {
        match error {
            SnapshotError::Unreadable(why) => {
                let why = match why {
                    Unreadable::Parser(text) => text.clone(),
                    Unreadable::Damaged(d) => format!("打包数据已损坏（{}）", damage(d)),
                    Unreadable::ReaderNotLoaded { older_form: true } => {
                        format!("数据以旧格式保存，{NOT_LOADED}")
                    }
                    Unreadable::ReaderNotLoaded { older_form: false } => NOT_LOADED.into(),
                };
                format!("已保存的数据无法读取（{why}）")
            }
            SnapshotError::ForeignSchema(schema) => {
                format!("已保存的数据属于其他应用（schema \"{schema}\"）")
            }
            SnapshotError::UnsupportedVersion(v) => {
                format!("已保存数据的版本为{v}，而此控制台最高只能读取版本{VERSION}")
            }
            SnapshotError::Invalid(why) => {
                let why = match why {
                    Invalid::Parser(text) => text.clone(),
                    Invalid::NoState => "不含状态数据".into(),
                    Invalid::OldStoredForm(v) => {
                        format!("存储格式标记为版本{v}，但只有版本{VERSION}会写入此格式")
                    }
                    Invalid::BinaryVersion(v) => format!("版本{v}的二进制快照"),
                    Invalid::UnknownRegion(region) => format!("未知区域{region}"),
                    Invalid::OldShape(shape) => old_shape(*shape).into(),
                    Invalid::Rule(error) => self.import_error(error),
                };
                format!("已保存的数据不一致（{why}）")
            }
        }
    }

    fn catalog_error(&self, error: &CatalogError) -> String {
        let why = match error {
            CatalogError::Json(text) => text.clone(),
            CatalogError::NoRegions => "没有区域".into(),
            CatalogError::NoFlavors => "没有规格".into(),
            CatalogError::EmptyId(item) => format!("有{}的ID为空", catalog_item(*item)),
            CatalogError::Duplicate(item, id) => {
                format!("{}{id}重复", catalog_item(*item))
            }
            CatalogError::DefaultRegion(region) => format!("默认区域{region}未列出"),
            CatalogError::RegionIncomplete(region) => {
                format!("区域{region}需要有可用区和节点配额")
            }
            CatalogError::Price(flavor) => format!("规格{flavor}的价格无效"),
            CatalogError::SoldOutIn { flavor, region } => {
                format!("规格{flavor}在未知区域{region}中售罄")
            }
            CatalogError::NoVersions(model) => format!("模型{model}没有版本"),
            CatalogError::ReaderNotLoaded => NOT_LOADED.into(),
        };
        format!("目录无效：{why}")
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::transfer::ImportProblem as P;

    /// What Chinese text may keep in Latin letters: the values passed in (ids, names, JSON
    /// paths, API field names and values) and the tokens the Chinese console shows as they
    /// are; a longer token before the shorter ones it holds.
    const ALLOWED: &[&str] = &[
        // Passed in.
        "services.services[3].config[0].instance_count",
        "pools.items[0].metadata.labels[\"os.modelarts/name\"]",
        "regions[\"cn-north-4\"].services[0]",
        "modelarts-console-export",
        "modelarts.vm.cpu.2u",
        "mapping_type",
        "cn-north-4",
        "mars-1",
        "CN North-Beijing4",
        "pool-a1",
        "svc-1",
        "mnist",
        "tsv",
        "csv",
        "file",
        "AZ 1",
        "AZ 9",
        "vpc-1",
        "subnet-1",
        "sg-1",
        "edge-1",
        "v9",
        "todo-app",
        "EOF while parsing a value",
        // The API's names and values, in the text itself.
        "spec.resources[0].count",
        "invocation_times",
        "service_id",
        "infer_type",
        "real-time",
        "resources",
        "Notebook",
        "updates",
        "waiting",
        "finished",
        "schema",
        "weight",
        "config",
        "regions",
        "services",
        "state",
        "count",
        "batch",
        "HOURS",
        "Infer",
        "Train",
        "stop",
        "null",
        "true",
        "false",
        // Tokens.
        "JSON",
        "MiB",
        "GMT",
        "U+001B",
        "ID",
    ];

    fn assert_chinese(text: &str) {
        // In order: a longer token before the shorter ones it holds.
        let rest = ALLOWED
            .iter()
            .fold(text.to_string(), |t, a| t.replace(a, " "));
        let left: Vec<&str> = rest
            .split(|c: char| !c.is_ascii_alphabetic())
            .filter(|w| !w.is_empty())
            .collect();
        assert!(left.is_empty(), "{text:?} keeps English words {left:?}");
        assert!(!text.is_ascii(), "{text:?} is not Chinese");
    }

    fn s(text: &str) -> String {
        text.to_string()
    }

    #[test]
    fn import_problems_and_saved_data_are_said_in_chinese() {
        let problems = [
            P::TooLarge { bytes: 40 << 20 },
            P::UnreadableFile,
            P::TooDeep,
            P::TooManyValues,
            P::NotJson(s("EOF while parsing a value")),
            P::NotAnObject(Found::Array),
            P::SavedState,
            P::NotAnExport(Found::Text(s("todo-app"))),
            P::NotAnExport(Found::Number(s("3"))),
            P::NoSchema,
            P::Required,
            P::GivenTwice,
            P::UnknownVariant {
                key: Some(s("mapping_type")),
                value: s("tsv"),
                allowed: vec![s("file"), s("csv")],
            },
            P::Expected {
                expected: Expected::Integer,
                found: Found::String,
            },
            P::Expected {
                expected: Expected::NodeCount,
                found: Found::OtherType,
            },
            P::Expected {
                expected: Expected::Bool,
                found: Found::Null,
            },
            P::Negative,
            P::AtMost(255),
            P::UnknownRegion {
                region: s("mars-1"),
                regions: vec![s("cn-north-4")],
            },
            P::NoResources,
            P::CountMismatch { held: 3, count: 4 },
            P::TotalBelowCount,
            P::TooManyRealTime { after: 21 },
            P::TooManyBatch { after: 1_001 },
            P::PoolWouldOverfill {
                held: 5,
                pool: s("pool-a1"),
                nodes: 4,
            },
            P::NodeQuota {
                nodes: 25,
                region: s("CN North-Beijing4"),
                quota: 20,
            },
            P::BadId,
            P::AfterNow {
                time: 1_800_000_000_000,
                now: 1_790_000_000_000,
            },
            P::AfterYear9999,
            P::TooLongMs,
            P::NotAmount,
            P::ControlCharacter(0x1b),
            P::TooManyEvents(101),
            P::IdElsewhere {
                id: s("svc-1"),
                kind: ResourceKind::RealTime,
                region: s("CN North-Beijing4"),
            },
            P::IdOfOtherKind {
                id: s("svc-1"),
                kind: ResourceKind::Pool,
            },
            P::IdUsed {
                kind: ResourceKind::Pool,
                id: s("pool-a1"),
                by: s("regions[\"cn-north-4\"].services[0]"),
            },
            P::NameUsed {
                name: s("mnist"),
                by: s("services.services[3].config[0].instance_count"),
            },
            P::NameExists {
                kind: ResourceKind::Service,
                name: s("mnist"),
                region: s("CN North-Beijing4"),
            },
            P::Speed,
            P::UnknownInferType(s("tsv")),
            P::BatchWaits,
            P::Percentage,
            P::NoErrorMessage,
            P::ConfigEntries(2),
            P::UnknownModel(s("mnist")),
            P::ModelName {
                model_id: s("svc-1"),
                name: s("mnist"),
                given: s("tsv"),
            },
            P::NoVersion {
                model: s("mnist"),
                version: s("v9"),
                versions: Some(vec![s("file"), s("csv")]),
            },
            P::UnknownFlavor {
                flavor: s("tsv"),
                flavors: vec![s("modelarts.vm.cpu.2u")],
            },
            P::PoolNotFound {
                pool: s("pool-a1"),
                region: s("CN North-Beijing4"),
            },
            P::PoolNotForServices { pool: s("pool-a1") },
            P::UnknownEdgeNode {
                node: s("edge-1"),
                region: s("CN North-Beijing4"),
            },
            P::SettledCost,
            P::TooManyRuns(101),
            P::ExpectedText {
                expected: "real-time",
                found: s("batch"),
            },
            P::PoolScope,
            P::NetworkOfTraining,
            P::NoTermEnd,
            P::UsageHistory,
            P::MonthsWithoutNumber,
            P::UnknownPeriodType(s("mnist")),
            P::NoTerm,
            P::ResourceEntries(2),
            P::NoNodes,
            P::UnknownAz {
                az: s("AZ 9"),
                region: s("CN North-Beijing4"),
                azs: vec![s("AZ 1")],
            },
            P::UnknownVpc {
                vpc: s("vpc-1"),
                region: s("CN North-Beijing4"),
            },
            P::UnknownSubnet {
                subnet: s("subnet-1"),
                vpc: s("vpc-1"),
            },
            P::UnknownSecurityGroup {
                group: s("sg-1"),
                vpc: s("vpc-1"),
            },
            P::LiveNodes { live: 2, count: 3 },
            P::RealTimeCompletes,
            P::FailedInvocations,
            P::FailedCalls,
            P::Schedules,
            P::ScheduleType,
            P::ScheduleUnit,
            P::ScheduleHours,
            P::RealTimeOnEdge,
            P::Traffic,
            P::Phase,
            P::NoModelVersions,
            P::WeightSum(90),
            P::OtherModel,
            P::VersionTwice(s("v9")),
            P::Timeout { low: 3, high: 120 },
            P::RollingNotAnswering,
            P::RollingWithoutUpdate,
            P::RollingUntil,
            P::NotPrice,
            P::PoolOccupied {
                held: 5,
                pool: s("pool-a1"),
                nodes: 4,
            },
        ];
        for problem in &problems {
            assert_chinese(&Chinese.import_problem(problem));
        }
        let mut errors = ImportErrors::default();
        for problem in problems {
            errors.push(
                s("pools.items[0].metadata.labels[\"os.modelarts/name\"]"),
                problem,
            );
        }
        assert_eq!(errors.unlisted, 0);
        for _ in 0..200 {
            errors.push(s("$"), P::NoSchema);
        }
        let said = Chinese.import_errors(&errors);
        let more = format!("\n另有{}个错误。", errors.unlisted);
        assert!(errors.unlisted > 0 && said.ends_with(&more), "{said}");
        for line in said.lines() {
            assert_chinese(&line.replace('$', ""));
        }

        let rule = |problem| ImportError {
            path: s("services.services[3].config[0].instance_count"),
            problem,
        };
        let saved = [
            SnapshotError::Unreadable(Unreadable::Parser(s("EOF while parsing a value"))),
            SnapshotError::Unreadable(Unreadable::Damaged(Damage::Truncated)),
            SnapshotError::Unreadable(Unreadable::ReaderNotLoaded { older_form: true }),
            SnapshotError::ForeignSchema(s("todo-app")),
            SnapshotError::UnsupportedVersion(99),
            SnapshotError::Invalid(Invalid::NoState),
            SnapshotError::Invalid(Invalid::OldStoredForm(5)),
            SnapshotError::Invalid(Invalid::BinaryVersion(4)),
            SnapshotError::Invalid(Invalid::UnknownRegion(s("cn-north-4"))),
            SnapshotError::Invalid(Invalid::OldShape(OldShape::Services)),
            SnapshotError::Invalid(Invalid::Rule(rule(P::NoNodes))),
            SnapshotError::Invalid(Invalid::Rule(rule(P::NameUsed {
                name: s("mnist"),
                by: s("regions[\"cn-north-4\"].services[0]"),
            }))),
        ];
        for error in &saved {
            assert_chinese(&Chinese.snapshot_error(error));
        }
        for error in [
            CatalogError::NoRegions,
            CatalogError::Duplicate(CatalogItem::SecurityGroup, s("sg-1")),
            CatalogError::SoldOutIn {
                flavor: s("modelarts.vm.cpu.2u"),
                region: s("cn-north-4"),
            },
            CatalogError::ReaderNotLoaded,
        ] {
            assert_chinese(&Chinese.catalog_error(&error));
        }
    }
}

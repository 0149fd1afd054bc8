use crate::command::Outcome;
use crate::event::{EventKind, Reason};
use crate::format::thousands;
use crate::pool::{Pool, PoolEventKind};
use crate::realtime::upgrade::{ChangeValue, VersionSummary};
use crate::realtime::{LogLine, LogText, UpgradeKind, VersionChange};
use crate::service::deploy::MAX_BATCH_SERVICES;
use crate::text::{Chinese, Events, Labels, Transfer};
use crate::{Millis, DAY, HOUR, MINUTE, SECOND};

impl Events for Chinese {
    fn service_event(&self, kind: &EventKind) -> String {
        match kind {
            EventKind::DeployRequested => "部署服务。".into(),
            EventKind::StartRequested => "启动服务，部署中。".into(),
            EventKind::Running => "服务运行中。".into(),
            EventKind::Executed => "服务运行完成。".into(),
            EventKind::StopRequested => "停止服务。".into(),
            EventKind::Stopped => "服务已停止。".into(),
            EventKind::DeleteRequested => "删除服务。".into(),
            EventKind::Modified { fields } if fields.is_empty() => {
                "服务信息已保存，未做修改。".into()
            }
            EventKind::Modified { fields } => {
                let names: Vec<String> = fields
                    .iter()
                    .map(|f| format!("“{}”", self.field(*f)))
                    .collect();
                format!("服务信息已修改：{}。", names.join("、"))
            }
            EventKind::RestartedForModification => "服务重启以使修改生效，部署中。".into(),
            EventKind::Failed { reason } | EventKind::Alarm { reason } => self.saved_reason(reason),
            EventKind::PoolAbnormal { pool_name } => {
                format!("告警：专属资源池{pool_name}异常。")
            }
            EventKind::PoolRecovered { pool_name } => {
                format!("专属资源池{pool_name}已恢复，服务运行中。")
            }
            EventKind::PoolGone {
                pool_name,
                released,
            } => self.reason(&Reason::PoolGone {
                pool_name: pool_name.clone(),
                released: *released,
            }),
            EventKind::Imported { replaced: false } => "服务已从导出文件导入。".into(),
            EventKind::Imported { replaced: true } => {
                "服务已从导出文件导入，替换了ID相同的服务。".into()
            }
            EventKind::DeployPhase { phase } => format!(
                "部署中（{}/5）：{}。",
                phase.number(),
                self.deploy_phase(*phase)
            ),
            EventKind::WaitingForResources { retry: 0 } => {
                self.reason(&Reason::InsufficientResources)
            }
            EventKind::WaitingForResources { retry } => format!(
                "{}（第{retry}次重试，共3次）",
                self.reason(&Reason::InsufficientResources)
            ),
            EventKind::AutoStopped => "自动停止时间已到，服务停止。".into(),
            EventKind::UpdateStarted => "服务更新中。".into(),
            EventKind::Updated => "服务已更新。".into(),
            EventKind::UpdateFailed => "服务更新失败，已回滚。".into(),
            EventKind::Legacy { message, .. } => message.clone(),
        }
    }

    fn pool_event(&self, kind: &PoolEventKind) -> String {
        match kind {
            PoolEventKind::CreateRequested { nodes } => {
                format!("创建资源池，节点数：{nodes}。")
            }
            PoolEventKind::Running => "资源池运行中。".into(),
            PoolEventKind::ScaleOutRequested { from, to } => {
                format!("资源池扩容：节点数从{from}扩容到{to}。")
            }
            PoolEventKind::ScaleInRequested { from, to, nodes } => format!(
                "资源池缩容：节点数从{from}缩容到{to}，下线的节点：{}。",
                nodes.join("、")
            ),
            PoolEventKind::Scaled { nodes } => {
                format!("扩缩容完成，资源池共有{nodes}个节点。")
            }
            PoolEventKind::DeleteRequested => "删除资源池。".into(),
            PoolEventKind::Abnormal { reason } => self.saved_reason(reason),
            PoolEventKind::Recovered => "资源池已恢复，运行中。".into(),
            PoolEventKind::Renewed { months } => format!("已自动续费{months}个月。"),
            PoolEventKind::Imported { replaced: false } => "资源池已从导出文件导入。".into(),
            PoolEventKind::Imported { replaced: true } => {
                "资源池已从导出文件导入，替换了ID相同的资源池。".into()
            }
        }
    }

    fn reason(&self, reason: &Reason) -> String {
        match reason {
            Reason::InsufficientResources => "资源不足，请等待空闲资源充足。".into(),
            Reason::PoolGone {
                pool_name,
                released: true,
            } => format!(
                "专属资源池{pool_name}的包年/包月订购到期未续费，资源池已释放，服务无法在其上运行。"
            ),
            Reason::PoolGone { pool_name, .. } => {
                format!("专属资源池{pool_name}已删除，服务无法在其上运行。")
            }
            Reason::NodeAbnormal { node } => format!("节点{node}异常：心跳无响应。"),
            Reason::PoolAbnormal => "资源池异常。".into(),
            Reason::InputMissing { path } => format!("读取输入数据失败：OBS路径{path}不存在。"),
            Reason::HealthCheckFailed => "模型启动失败：模型健康检查在超时时间内未通过。".into(),
            Reason::MemoryAlarm => "告警：服务的内存使用率超过90%。".into(),
        }
    }

    fn saved_reason(&self, text: &str) -> String {
        Reason::of(text).map_or_else(|| text.to_string(), |reason| self.reason(&reason))
    }

    fn outcome(&self, outcome: &Outcome) -> String {
        match outcome {
            Outcome::RegionSelected { region_name } => format!("区域：{region_name}。"),
            Outcome::AgencyAuthorization { authorized: true } => "已添加委托授权。".into(),
            Outcome::AgencyAuthorization { authorized: false } => "已删除委托授权。".into(),
            Outcome::EnforceQuotas { enforce: true } => {
                format!("已启用账号配额限制：最多{MAX_BATCH_SERVICES}个批量服务。")
            }
            Outcome::EnforceQuotas { enforce: false } => {
                "未启用账号配额限制：批量服务数量不受限制。".into()
            }
            Outcome::SimulationSpeed { speed } => format!("模拟速度：{speed}倍速。"),
            Outcome::DemoReset => "演示数据已恢复。".into(),
            Outcome::Deployed { service_name, .. } => format!("{service_name}：服务部署中。"),
            Outcome::Started { service_name } => format!("{service_name}：服务启动中。"),
            Outcome::Stopping { service_name } => format!("{service_name}：服务停止中。"),
            Outcome::Deleting { service_names } => match service_names.as_slice() {
                [one] => format!("{one}：服务删除中。"),
                many => format!("{}个服务删除中。", many.len()),
            },
            Outcome::Modified {
                service_name,
                restarted: true,
                ..
            } => format!("{service_name}：已修改，服务重启以使修改生效。"),
            Outcome::Modified {
                service_name,
                fields,
                ..
            } if fields.is_empty() => format!("{service_name}：未做任何修改。"),
            Outcome::Modified { service_name, .. } => {
                format!("{service_name}：服务信息已修改。")
            }
            Outcome::Upgraded {
                service_name,
                changed: false,
                ..
            } => format!("{service_name}：未做任何修改。"),
            Outcome::Upgraded {
                service_name, kind, ..
            } => match kind {
                UpgradeKind::Information | UpgradeKind::Traffic => {
                    format!("{service_name}：服务信息已修改。")
                }
                UpgradeKind::Hitless => format!("{service_name}：服务正在进行无损滚动升级。"),
                UpgradeKind::Interrupting => {
                    format!("{service_name}：服务升级中，重新运行前服务中断。")
                }
            },
            Outcome::Predicted {
                service_name,
                answer,
            } if answer.failed => format!("{service_name}：调用版本{}失败。", answer.model_version),
            Outcome::Predicted {
                service_name,
                answer,
            } => format!(
                "{service_name}：版本{}已响应，耗时{}毫秒。",
                answer.model_version, answer.latency_ms
            ),
            Outcome::TrafficSimulated {
                service_name,
                calls_per_minute: 0,
            } => format!("{service_name}：已停止模拟流量。"),
            Outcome::TrafficSimulated {
                service_name,
                calls_per_minute,
            } => format!(
                "{service_name}：每分钟模拟调用{}次。",
                thousands(u64::from(*calls_per_minute))
            ),
            Outcome::PoolCreating { pool_name, .. } => {
                format!("{pool_name}：专属资源池创建中。")
            }
            Outcome::PoolScaling {
                pool_name,
                from,
                to,
            } => format!("{pool_name}：已提交扩缩容，节点数从{from}变为{to}。"),
            Outcome::PoolDeleting {
                pool_name,
                failed_services: 0,
            } => format!("{pool_name}：专属资源池删除中。"),
            Outcome::PoolDeleting {
                pool_name,
                failed_services,
            } => format!(
                "{pool_name}：专属资源池删除中，部署在其上的{failed_services}个服务已失败。"
            ),
            Outcome::PoolHealth {
                pool_name,
                abnormal: true,
            } => format!("{pool_name}：已模拟节点故障，资源池状态为“异常”。"),
            Outcome::PoolHealth { pool_name, .. } => {
                format!("{pool_name}：资源池已恢复，状态为“运行中”。")
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
            Some(v) => format!("版本{v}："),
            None => String::new(),
        };
        format!(
            "{version}“{}”：{} → {}",
            self.field(change.field),
            change_value(&change.old),
            change_value(&change.new)
        )
    }

    fn log_line(&self, line: &LogLine) -> String {
        let v = &line.model_version;
        match &line.text {
            LogText::PhaseStarted(phase) => {
                format!("[{v}] {}：已开始。", self.deploy_phase(*phase))
            }
            LogText::ModelStarted => format!("[{v}] 模型已启动，监听端口8080。"),
            LogText::ModelStopped => format!("[{v}] 模型已停止。"),
            LogText::ConfigurationUpdated => format!("[{v}] 配置已更新。"),
            LogText::Failed(reason) => format!("[{v}] {}", self.saved_reason(reason)),
            LogText::Calls {
                service_id,
                calls,
                succeeded,
            } => format!("[{v}] POST /v1/infers/{service_id}：调用{calls}次，成功{succeeded}次。"),
            LogText::CallsFailed(failed) => {
                format!("[{v}] 调用失败{failed}次：503 服务不稳定。")
            }
        }
    }

    fn duration(&self, ms: Millis) -> String {
        let units = [(DAY, "天"), (HOUR, "小时"), (MINUTE, "分"), (SECOND, "秒")];
        let mut rest = ms;
        let mut out = String::new();
        for (size, unit) in units {
            let n = rest / size;
            rest %= size;
            if n > 0 || !out.is_empty() {
                out.push_str(&format!("{n}{unit}"));
            }
        }
        if out.is_empty() {
            "0秒".into()
        } else {
            out
        }
    }

    fn auto_stop_text(&self, due_time: Option<Millis>, hours: Option<u32>, now: Millis) -> String {
        match (due_time, hours) {
            (Some(due), _) => format!(
                "剩余{}",
                self.duration(due.saturating_sub(now) / 1_000 * 1_000)
            ),
            (None, Some(hours)) => self.auto_stop(hours),
            (None, None) => "关闭".into(),
        }
    }

    fn pool_az(&self, pool: &Pool) -> String {
        if let Some(az) = pool.chosen_az() {
            return az.to_string();
        }
        let azs = pool.landed_azs();
        if azs.is_empty() {
            "随机分配".into()
        } else {
            format!("随机分配（{}）", azs.join("、"))
        }
    }
}

/// A changed field's value.
fn change_value(value: &ChangeValue) -> String {
    match value {
        ChangeValue::Nothing => "-".into(),
        ChangeValue::Text(text) => text.clone(),
        ChangeValue::AutoStop(None) => "关闭".into(),
        ChangeValue::AutoStop(Some(hours)) => Chinese.auto_stop(*hours),
        ChangeValue::Minutes(n) => format!("{n}分钟"),
        ChangeValue::Added(v) => format!("新增{}", version_summary(v)),
        ChangeValue::Removed(v) => format!("删除{}", version_summary(v)),
    }
}

fn version_summary(v: &VersionSummary) -> String {
    format!(
        "{} {}（{}%，{}，{}个节点）",
        v.model_name, v.model_version, v.weight, v.specification, v.nodes
    )
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::event::EventType;
    use crate::realtime::{Answer, DeployPhase};
    use crate::transfer::ExportScope;
    use crate::validation::Field;
    use crate::{Catalog, Command};

    /// The ASCII words of `text` once the `allowed` names and tokens are taken out.
    fn english(text: &str, allowed: &[&str]) -> Vec<String> {
        let mut rest = text.to_string();
        let mut allowed: Vec<&str> = allowed.iter().copied().chain(["ID", "OBS"]).collect();
        crate::sort::sort_by_key(&mut allowed, |a| std::cmp::Reverse(a.len()));
        for a in allowed.iter().filter(|a| !a.is_empty()) {
            rest = rest.replace(a, " ");
        }
        rest.split(|c: char| !c.is_ascii_alphabetic())
            .filter(|w| !w.is_empty())
            .map(str::to_string)
            .collect()
    }

    fn assert_chinese(text: &str, allowed: &[&str]) {
        let left = english(text, allowed);
        assert!(left.is_empty(), "{text:?} keeps English words {left:?}");
        assert!(!text.is_ascii(), "{text:?} is not Chinese");
    }

    #[test]
    fn every_event_outcome_and_change_is_said_in_chinese() {
        let zh = Chinese;
        let name = "样例";
        let mut events = vec![
            EventKind::DeployRequested,
            EventKind::StartRequested,
            EventKind::Running,
            EventKind::Executed,
            EventKind::StopRequested,
            EventKind::Stopped,
            EventKind::DeleteRequested,
            EventKind::Modified { fields: vec![] },
            EventKind::Modified {
                fields: vec![Field::Name, Field::Description],
            },
            EventKind::RestartedForModification,
            EventKind::PoolAbnormal {
                pool_name: name.into(),
            },
            EventKind::PoolRecovered {
                pool_name: name.into(),
            },
            EventKind::Imported { replaced: false },
            EventKind::Imported { replaced: true },
            EventKind::WaitingForResources { retry: 0 },
            EventKind::WaitingForResources { retry: 2 },
            EventKind::AutoStopped,
            EventKind::UpdateStarted,
            EventKind::Updated,
            EventKind::UpdateFailed,
            EventKind::Failed {
                reason: Reason::InsufficientResources.saved(),
            },
        ];
        assert_eq!(english("服务Deploy。", &[]), ["Deploy"]);
        for released in [false, true] {
            let gone = Reason::PoolGone {
                pool_name: name.into(),
                released,
            };
            assert_eq!(zh.saved_reason(&gone.saved()), zh.reason(&gone));
            events.push(EventKind::PoolGone {
                pool_name: name.into(),
                released,
            });
        }
        events.extend(DeployPhase::ALL.map(|phase| EventKind::DeployPhase { phase }));
        for e in &events {
            assert_chinese(&zh.service_event(e), &[]);
        }
        let pool_events = [
            PoolEventKind::CreateRequested { nodes: 3 },
            PoolEventKind::Running,
            PoolEventKind::ScaleOutRequested { from: 1, to: 3 },
            PoolEventKind::ScaleInRequested {
                from: 3,
                to: 1,
                nodes: vec!["节点-2".into(), "节点-3".into()],
            },
            PoolEventKind::Scaled { nodes: 1 },
            PoolEventKind::DeleteRequested,
            PoolEventKind::Abnormal {
                reason: "The resource pool is abnormal.".into(),
            },
            PoolEventKind::Recovered,
            PoolEventKind::Renewed { months: 2 },
            PoolEventKind::Imported { replaced: false },
            PoolEventKind::Imported { replaced: true },
        ];
        for e in &pool_events {
            assert_eq!(
                e.event_type() == EventType::Abnormal,
                e.to_string().contains("abnormal")
            );
            assert_chinese(&zh.pool_event(e), &[]);
        }
        let answer = |failed| Answer {
            model_version: "0.0.1".into(),
            body: String::new(),
            latency_ms: 42,
            failed,
        };
        let mut outcomes = vec![
            Outcome::RegionSelected {
                region_name: name.into(),
            },
            Outcome::SimulationSpeed { speed: 60 },
            Outcome::DemoReset,
            Outcome::Deployed {
                service_id: "1".into(),
                service_name: name.into(),
            },
            Outcome::Started {
                service_name: name.into(),
            },
            Outcome::Stopping {
                service_name: name.into(),
            },
            Outcome::Deleting {
                service_names: vec![name.into()],
            },
            Outcome::Deleting {
                service_names: vec![name.into(), name.into()],
            },
            Outcome::PoolCreating {
                pool_id: "1".into(),
                pool_name: name.into(),
            },
            Outcome::PoolScaling {
                pool_name: name.into(),
                from: 1,
                to: 2,
            },
        ];
        for b in [false, true] {
            outcomes.extend([
                Outcome::AgencyAuthorization { authorized: b },
                Outcome::EnforceQuotas { enforce: b },
                Outcome::Predicted {
                    service_name: name.into(),
                    answer: answer(b),
                },
                Outcome::TrafficSimulated {
                    service_name: name.into(),
                    calls_per_minute: if b { 1_000 } else { 0 },
                },
                Outcome::PoolDeleting {
                    pool_name: name.into(),
                    failed_services: usize::from(b),
                },
                Outcome::PoolHealth {
                    pool_name: name.into(),
                    abnormal: b,
                },
            ]);
            for fields in [vec![], vec![Field::Name]] {
                outcomes.push(Outcome::Modified {
                    service_name: name.into(),
                    fields,
                    restarted: b,
                });
            }
            for kind in [
                UpgradeKind::Information,
                UpgradeKind::Traffic,
                UpgradeKind::Hitless,
                UpgradeKind::Interrupting,
            ] {
                outcomes.push(Outcome::Upgraded {
                    service_name: name.into(),
                    kind,
                    changed: b,
                });
            }
        }
        for scope in [
            ExportScope::All,
            ExportScope::Services,
            ExportScope::RealTimeServices,
            ExportScope::Pools,
        ] {
            for (services, pools, added, replaced) in [(0, 0, 0, 0), (2, 1, 1, 2), (1, 0, 1, 0)] {
                outcomes.push(Outcome::Imported {
                    region_name: name.into(),
                    scope,
                    services,
                    pools,
                    added,
                    replaced,
                });
            }
        }
        for o in &outcomes {
            assert_chinese(&zh.outcome(o), &[]);
        }
        let summary = VersionSummary {
            model_name: "模型".into(),
            model_version: "0.0.2".into(),
            weight: 30,
            specification: "规格".into(),
            nodes: 2,
        };
        for (old, new) in [
            (ChangeValue::Nothing, ChangeValue::Text("描述".into())),
            (ChangeValue::AutoStop(None), ChangeValue::AutoStop(Some(2))),
            (ChangeValue::Minutes(20), ChangeValue::Minutes(30)),
            (ChangeValue::Nothing, ChangeValue::Added(summary.clone())),
            (ChangeValue::Removed(summary.clone()), ChangeValue::Nothing),
        ] {
            let change = VersionChange {
                version: Some("0.0.1".into()),
                field: Field::Timeout,
                old,
                new,
            };
            assert_chinese(&zh.version_change(&change), &[]);
        }
        let mut texts = vec![
            LogText::ModelStarted,
            LogText::ModelStopped,
            LogText::ConfigurationUpdated,
            LogText::Failed(Reason::InsufficientResources.saved()),
            LogText::Calls {
                service_id: "1".into(),
                calls: 3,
                succeeded: 2,
            },
            LogText::CallsFailed(1),
        ];
        texts.extend(DeployPhase::ALL.map(LogText::PhaseStarted));
        for text in texts {
            let line = LogLine {
                time: 0,
                level: "INFO",
                model_version: "0.0.1".into(),
                text,
            };
            assert_chinese(&zh.log_line(&line), &["POST /v1/infers/"]);
        }
        assert_eq!(zh.duration(0), "0秒");
        assert_eq!(
            zh.duration(2 * DAY + 3 * HOUR + 4 * MINUTE + 5 * SECOND),
            "2天3小时4分5秒"
        );
        assert_eq!(zh.duration(HOUR + 5 * SECOND), "1小时0分5秒");
        assert_eq!(zh.auto_stop_text(Some(HOUR), Some(2), 0), "剩余1小时0分0秒");
        assert_eq!(zh.auto_stop_text(None, Some(2), 0), "2小时后");
        assert_eq!(zh.auto_stop_text(None, None, 0), "关闭");
    }

    /// What the demo and the console's own simulation write (failure and fault reasons
    /// included) reads in Chinese.
    #[test]
    fn the_demo_and_a_pool_fault_read_in_chinese() {
        let now = 1_790_000_000_000;
        let mut c = crate::demo::demo_console(Catalog::embedded(), now, crate::Lang::En);
        c.tick(now + 3 * HOUR);
        let pool_id = c
            .pools()
            .iter()
            .find(|p| p.phase() == crate::pool::PoolPhase::Running)
            .map(|p| p.id().to_string())
            .expect("a running pool");
        c.apply(
            Command::SetPoolFault {
                pool_id,
                abnormal: true,
            },
            now + 3 * HOUR,
        )
        .expect("the fault");
        let mut names: Vec<String> = Vec::new();
        let mut said = Vec::new();
        for s in c.services() {
            names.extend([s.service_id.clone(), s.service_name.clone()]);
            said.extend(s.events.iter().map(|e| Chinese.service_event(&e.kind)));
            said.extend(s.error_msg.iter().map(|m| Chinese.saved_reason(m)));
        }
        for s in c.real_time_services() {
            names.extend([s.service_id.clone(), s.service_name.clone()]);
            said.extend(s.events.iter().map(|e| Chinese.service_event(&e.kind)));
            said.extend(s.error_msg.iter().map(|m| Chinese.saved_reason(m)));
        }
        for p in c.pools() {
            names.extend([p.id().to_string(), p.display_name().to_string()]);
            names.extend(p.nodes.iter().map(|n| n.name.clone()));
            said.extend(p.events.iter().map(|e| Chinese.pool_event(&e.kind)));
            said.extend(p.status.message.iter().map(|m| Chinese.saved_reason(m)));
            names.extend(p.landed_azs().into_iter().map(str::to_string));
            names.extend(p.chosen_az().map(str::to_string));
        }
        let names: Vec<&str> = names.iter().map(String::as_str).collect();
        assert!(said.len() > 20, "{said:?}");
        for text in &said {
            // An OBS path is the user's (the demo's), as written.
            let text = match text.split_once("obs://") {
                Some((before, after)) => {
                    let end = after.find(|c: char| !c.is_ascii()).unwrap_or(after.len());
                    format!("{before}{}", &after[end..])
                }
                None => text.clone(),
            };
            assert_chinese(&text, &names);
        }
        for p in c.pools() {
            let az = Chinese.pool_az(p);
            assert!(english(&az, &names).is_empty(), "{az:?}");
        }
    }
}

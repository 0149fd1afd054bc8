//! Demo data for the first start and for Settings > Reset demo data: dedicated pools of both
//! types (pay-per-use and prepaid Running, Creating, Abnormal) and services in every status,
//! including ones on dedicated pools, an edge node and an edge resource pool, each built by
//! replaying its history so events, progress and billing are consistent; and real-time
//! services (a gray launch with call history, one on a dedicated pool from a container image,
//! Stopped, Failed, and one whose Auto Stop is due soon), deployed through their commands.

use std::collections::BTreeMap;

use crate::catalog::Catalog;
use crate::command::Outcome;
use crate::console::Console;
use crate::event::Reason;
use crate::pool::create::{AzChoice, NetworkInput, PoolRequest};
use crate::pool::{BillingMode, PoolType, RequiredDuration};
use crate::service::{BatchService, DeploymentLocation, MappingType, ServiceConfig};
use crate::{Lang, Millis, DAY, HOUR, MINUTE, SECOND};

enum Step {
    Stop,
    Delete,
    Fail(Reason),
    Alarm(Reason),
}

struct Seed {
    name: &'static str,
    /// In English and in 简体中文: the demo speaks the language of the run that creates it.
    description: [&'static str; 2],
    model: usize,
    version: &'static str,
    flavor: &'static str,
    nodes: u32,
    input_mb: u32,
    location: DeploymentLocation,
    /// How long ago it was created.
    age: Millis,
    /// What happened, at which offset after creation.
    history: Vec<(Millis, Step)>,
}

/// A console holding the demo pools and services in the catalog's default region, as of `now`,
/// described in `lang`.
pub fn demo_console(catalog: Catalog, now: Millis, lang: Lang) -> Console {
    let region = catalog.default_region.clone();
    let mut console = Console::empty(catalog);
    for seed in pool_seeds() {
        create_pool(&mut console, seed, now, lang);
    }
    for mut seed in seeds() {
        // Service seeds name their dedicated pool; the location holds its generated id.
        if let DeploymentLocation::DedicatedPool { pool_name } = &seed.location {
            let id = console
                .pools()
                .iter()
                .find(|p| p.display_name() == pool_name)
                .map(|p| p.id().to_string())
                .expect("demo pool exists");
            seed.location = DeploymentLocation::DedicatedPool { pool_name: id };
        }
        let service = replay(&mut console, seed, now, lang);
        console.insert_service(&region, service);
    }
    console.advance_to(now);
    for seed in real_time_seeds() {
        real_time(&mut console, seed, now, lang);
    }
    console.advance_to(now);
    console.region_state_mut().note_usage(now);
    console
}

struct RealTimeSeed {
    name: &'static str,
    /// In English and in 简体中文: the demo speaks the language of the run that creates it.
    description: [&'static str; 2],
    model: usize,
    /// `(version, weight, flavor, nodes)`.
    versions: Vec<(&'static str, u32, &'static str, u32)>,
    pool: Option<&'static str>,
    auto_stop: Option<u32>,
    age: Millis,
    /// Simulated calls per minute from a minute after it runs.
    traffic: u32,
    then: Option<(Millis, Step)>,
}

/// Deploys a real-time seed `age` ago and replays what happened to it.
fn real_time(console: &mut Console, seed: RealTimeSeed, now: Millis, lang: Lang) {
    use crate::realtime::{AutoStopChoice, RealTimeRequest, VersionInput};
    let created = now.saturating_sub(seed.age);
    let model = console.catalog().models[seed.model].model_id.clone();
    let location = match seed.pool {
        Some(name) => DeploymentLocation::DedicatedPool {
            pool_name: console
                .pools()
                .iter()
                .find(|p| p.display_name() == name)
                .map(|p| p.id().to_string())
                .expect("demo pool exists"),
        },
        None => DeploymentLocation::PublicPool,
    };
    let request = RealTimeRequest {
        service_name: seed.name.into(),
        description: in_lang(seed.description, lang).into(),
        auto_stop: AutoStopChoice::of_hours(seed.auto_stop),
        location,
        versions: seed
            .versions
            .iter()
            .map(|(version, weight, flavor, nodes)| VersionInput {
                instance_count: Some(*nodes),
                ..VersionInput::new(&model, version, *weight, flavor)
            })
            .collect(),
        websocket: false,
    };
    let Ok(Outcome::Deployed { service_id, .. }) = console.deploy_real_time(request, created)
    else {
        panic!("demo real-time service {} is valid", seed.name);
    };
    let advance = |console: &mut Console, at: Millis| {
        let service = console
            .region_state_mut()
            .real_time_services
            .iter_mut()
            .find(|s| s.service_id == service_id)
            .expect("just deployed");
        service.advance(at, &|_| true);
    };
    let running = created + crate::realtime::PHASE_DURATION * 5;
    if seed.traffic > 0 {
        advance(console, running + MINUTE);
        let _ = console.simulate_traffic(&service_id, seed.traffic, running + MINUTE);
    }
    if let Some((offset, step)) = seed.then {
        let at = created + offset;
        advance(console, at);
        let result = match step {
            Step::Stop => console.stop_real_time(&service_id, at).map(drop),
            Step::Fail(message) => {
                let service = console
                    .region_state_mut()
                    .real_time_services
                    .iter_mut()
                    .find(|s| s.service_id == service_id)
                    .expect("just deployed");
                drop(service.fail(at, &message.saved()));
                Ok(())
            }
            Step::Delete | Step::Alarm(_) => Ok(()),
        };
        result.expect("the demo step is allowed");
    }
}

fn real_time_seeds() -> Vec<RealTimeSeed> {
    vec![
        RealTimeSeed {
            name: "mnist-realtime-gray",
            description: [
                "Gray launch: 10% of calls to the new version",
                "灰度发布：10%的调用流向新版本",
            ],
            model: 0,
            versions: vec![
                ("0.0.1", 90, "modelarts.vm.cpu.2u", 1),
                ("0.0.2", 10, "modelarts.vm.cpu.2u", 1),
            ],
            pool: None,
            auto_stop: None,
            age: 3 * HOUR,
            traffic: 120,
            then: None,
        },
        RealTimeSeed {
            name: "ocr-realtime-dedicated",
            description: [
                "Invoice OCR on the dedicated pool: hitless upgrades",
                "专属资源池上的发票文字识别：无损升级",
            ],
            model: 3,
            versions: vec![("0.1.0", 100, "modelarts.vm.cpu.8u", 1)],
            pool: Some("infer-cpu-pool"),
            auto_stop: None,
            age: DAY,
            traffic: 30,
            then: None,
        },
        RealTimeSeed {
            name: "flower-realtime-stopped",
            description: ["Stopped after the demo", "演示后已停止"],
            model: 1,
            versions: vec![("1.0.0", 100, "modelarts.vm.cpu.2u", 1)],
            pool: None,
            auto_stop: None,
            age: 2 * DAY,
            traffic: 0,
            then: Some((2 * HOUR, Step::Stop)),
        },
        RealTimeSeed {
            name: "sentiment-realtime-failed",
            description: ["Failed at model startup", "模型启动时失败"],
            model: 2,
            versions: vec![("2.0.0", 100, "modelarts.vm.cpu.2u", 1)],
            pool: None,
            auto_stop: None,
            age: 6 * HOUR,
            traffic: 0,
            then: Some((18 * SECOND, Step::Fail(Reason::HealthCheckFailed))),
        },
        RealTimeSeed {
            name: "mnist-realtime-autostop",
            description: [
                "Stops by itself an hour after it started",
                "启动1小时后自动停止",
            ],
            model: 0,
            versions: vec![("0.0.2", 100, "modelarts.vm.cpu.2u", 1)],
            pool: None,
            auto_stop: Some(1),
            age: 55 * MINUTE,
            traffic: 0,
            then: None,
        },
    ]
}

struct PoolSeed {
    pool_type: PoolType,
    name: &'static str,
    /// In English and in 简体中文: the demo speaks the language of the run that creates it.
    description: [&'static str; 2],
    flavor: &'static str,
    nodes: u32,
    prepaid: Option<(RequiredDuration, bool)>,
    az: Option<&'static str>,
    network: Option<(&'static str, &'static str, &'static str)>,
    age: Millis,
    /// A node fault this long after creation.
    fault_after: Option<Millis>,
}

fn create_pool(console: &mut Console, seed: PoolSeed, now: Millis, lang: Lang) {
    let created = now.saturating_sub(seed.age);
    let request = PoolRequest {
        pool_type: seed.pool_type,
        billing_mode: if seed.prepaid.is_some() {
            BillingMode::YearlyMonthly
        } else {
            BillingMode::PayPerUse
        },
        name: seed.name.into(),
        description: in_lang(seed.description, lang).into(),
        nodes: Some(seed.nodes),
        flavor: seed.flavor.into(),
        duration: seed.prepaid.map(|(d, _)| d),
        auto_renew: seed.prepaid.is_some_and(|(_, renew)| renew),
        network: seed.network.map(|(vpc, subnet, group)| NetworkInput {
            vpc_id: vpc.into(),
            subnet_id: subnet.into(),
            security_group_id: group.into(),
        }),
        az: seed
            .az
            .map_or(AzChoice::Random, |az| AzChoice::Az(az.into())),
    };
    let Ok(Outcome::PoolCreating { pool_id, .. }) = console.create_pool(request, created) else {
        panic!("demo pool {} is valid", seed.name);
    };
    if let Some(after) = seed.fault_after {
        console.advance_to(created + after);
        console
            .set_pool_fault(&pool_id, true, created + after)
            .expect("the demo pool is Running");
    }
}

fn pool_seeds() -> Vec<PoolSeed> {
    use PoolType::*;
    vec![
        PoolSeed {
            pool_type: DevelopmentTraining,
            name: "train-gpu-pool",
            description: [
                "GPU nodes for the vision team's training jobs",
                "视觉团队训练作业使用的GPU节点",
            ],
            flavor: "modelarts.vm.gpu.t4u8",
            nodes: 2,
            prepaid: None,
            az: None,
            network: None,
            age: 3 * DAY,
            fault_after: None,
        },
        PoolSeed {
            pool_type: DevelopmentTraining,
            name: "train-yearly-pool",
            description: [
                "Notebooks and training, bought for a year",
                "开发环境与训练，购买1年",
            ],
            flavor: "modelarts.vm.cpu.8u",
            nodes: 3,
            prepaid: Some((RequiredDuration::Year, true)),
            az: None,
            network: None,
            age: 40 * DAY,
            fault_after: None,
        },
        PoolSeed {
            pool_type: DevelopmentTraining,
            name: "train-new-pool",
            description: [
                "Being set up for the NLP course",
                "为自然语言处理课程创建中",
            ],
            flavor: "modelarts.vm.cpu.2u",
            nodes: 1,
            prepaid: None,
            az: None,
            network: None,
            age: MINUTE,
            fault_after: None,
        },
        PoolSeed {
            pool_type: ServiceDeployment,
            name: "infer-cpu-pool",
            description: ["Batch inference on CPU nodes", "CPU节点上的批量推理"],
            flavor: "modelarts.vm.cpu.8u",
            nodes: 2,
            prepaid: None,
            az: Some("AZ 1"),
            network: None,
            age: 2 * DAY,
            fault_after: None,
        },
        PoolSeed {
            pool_type: ServiceDeployment,
            name: "infer-monthly-pool",
            description: [
                "GPU inference in the production VPC, bought for 6 months",
                "生产VPC中的GPU推理，购买6个月",
            ],
            flavor: "modelarts.vm.gpu.t4u8",
            nodes: 1,
            prepaid: Some((RequiredDuration::Months(6), false)),
            az: None,
            network: Some(("vpc-default", "subnet-infer", "sg-modelarts")),
            age: 10 * DAY,
            fault_after: None,
        },
        PoolSeed {
            pool_type: ServiceDeployment,
            name: "infer-faulty-pool",
            description: [
                "A node of this pool stopped responding",
                "该资源池的一个节点已无响应",
            ],
            flavor: "modelarts.vm.cpu.2u",
            nodes: 1,
            prepaid: None,
            az: Some("AZ 2"),
            network: None,
            age: DAY,
            fault_after: Some(20 * HOUR),
        },
    ]
}

fn replay(console: &mut Console, seed: Seed, now: Millis, lang: Lang) -> BatchService {
    let model = &console.catalog().models[seed.model % console.catalog().models.len()];
    let bucket = "obs://modelarts-demo";
    let config = ServiceConfig {
        model_id: model.model_id.clone(),
        model_name: model.model_name.clone(),
        model_version: seed.version.to_string(),
        specification: seed.flavor.to_string(),
        instance_count: seed.nodes,
        envs: BTreeMap::from([("BATCH_SIZE".to_string(), "32".to_string())]),
        src_path: format!("{bucket}/{}/input/", seed.name),
        dest_path: format!("{bucket}/{}/output/", seed.name),
        req_uri: "/".into(),
        mapping_type: MappingType::File,
        mapping_rule: Vec::new(),
    };
    let rate = console.hourly_rate(&config);
    let created = now.saturating_sub(seed.age);
    let id = console.next_id();
    let mut service = BatchService::new_deploying(
        id,
        seed.name.into(),
        in_lang(seed.description, lang).into(),
        config,
        seed.location,
        seed.input_mb,
        rate,
        created,
    );
    for (offset, step) in seed.history {
        let at = created + offset;
        service.advance(at);
        match step {
            Step::Stop => drop(service.begin_stop(at)),
            Step::Delete => drop(service.begin_delete(at)),
            Step::Fail(reason) => service.fail(at, &reason.saved()),
            Step::Alarm(reason) => drop(service.raise_alarm(at, &reason.saved())),
        }
    }
    service.advance(now);
    service
}

fn seeds() -> Vec<Seed> {
    use DeploymentLocation::*;
    vec![
        Seed {
            name: "mnist-batch-nightly",
            description: [
                "Nightly digit recognition over scanned forms",
                "每晚识别扫描表单中的数字",
            ],
            model: 0,
            version: "0.0.2",
            flavor: "modelarts.vm.cpu.8u",
            nodes: 2,
            input_mb: 20_000,
            location: PublicPool,
            age: 25 * MINUTE,
            history: vec![],
        },
        Seed {
            name: "flower-batch-eval",
            description: [
                "Evaluation set for flower recognition 1.1.0",
                "花卉识别1.1.0的评估数据集",
            ],
            model: 1,
            version: "1.1.0",
            flavor: "modelarts.vm.gpu.t4u8",
            nodes: 1,
            input_mb: 3_000,
            location: PublicPool,
            age: 6 * SECOND,
            history: vec![],
        },
        Seed {
            name: "ocr-invoice-march",
            description: ["Invoices of March", "3月的发票"],
            model: 3,
            version: "0.1.0",
            flavor: "modelarts.vm.cpu.8u",
            nodes: 1,
            input_mb: 30_000,
            location: PublicPool,
            age: 2 * HOUR,
            history: vec![(40 * MINUTE, Step::Alarm(Reason::MemoryAlarm))],
        },
        Seed {
            name: "sentiment-batch-q3",
            description: ["Customer reviews of Q3", "第三季度的客户评价"],
            model: 2,
            version: "2.0.0",
            flavor: "modelarts.vm.cpu.2u",
            nodes: 1,
            input_mb: 800,
            location: PublicPool,
            age: 3 * DAY,
            history: vec![(
                2 * MINUTE,
                Step::Fail(Reason::InputMissing {
                    path: "obs://modelarts-demo/sentiment-batch-q3/input/".into(),
                }),
            )],
        },
        Seed {
            name: "mnist-batch-weekly",
            description: ["Weekly re-scoring of the archive", "每周重新评分归档数据"],
            model: 0,
            version: "0.0.1",
            flavor: "modelarts.vm.cpu.2u",
            nodes: 1,
            input_mb: 5_000,
            location: PublicPool,
            age: 2 * DAY,
            history: vec![(30 * MINUTE, Step::Stop)],
        },
        Seed {
            name: "flower-batch-2026-10",
            description: ["October catalog photos", "10月的商品目录照片"],
            model: 1,
            version: "1.0.0",
            flavor: "modelarts.vm.gpu.p4u8",
            nodes: 4,
            input_mb: 2_400,
            location: PublicPool,
            age: 20 * DAY,
            history: vec![],
        },
        Seed {
            name: "edge-camera-batch",
            description: [
                "Camera frames classified on the factory edge node",
                "在工厂边缘节点上分类的摄像头画面",
            ],
            model: 1,
            version: "1.1.0",
            flavor: "modelarts.vm.gpu.pnt004",
            nodes: 1,
            input_mb: 50_000,
            location: EdgeNode {
                node_name: "edge-node-shenzhen-01".into(),
            },
            age: 3 * HOUR,
            history: vec![],
        },
        Seed {
            name: "edge-pool-ocr",
            description: [
                "Receipts read on the branch edge pool",
                "在分店边缘资源池上识别的收据",
            ],
            model: 3,
            version: "0.1.0",
            flavor: "modelarts.vm.cpu.2u",
            nodes: 2,
            input_mb: 4_000,
            location: EdgePool {
                pool_name: "edge-pool-branches".into(),
            },
            age: 5 * DAY,
            history: vec![(10 * MINUTE, Step::Stop)],
        },
        Seed {
            name: "sentiment-batch-rerun",
            description: ["Re-run of Q2 reviews", "重新运行第二季度评价"],
            model: 2,
            version: "2.0.0",
            flavor: "modelarts.vm.cpu.8u",
            nodes: 2,
            input_mb: 9_000,
            location: PublicPool,
            age: 30 * MINUTE,
            history: vec![(30 * MINUTE - 2 * SECOND, Step::Stop)],
        },
        Seed {
            name: "ocr-dedicated-batch",
            description: [
                "Archive OCR on the dedicated CPU pool",
                "专属CPU资源池上的归档文字识别",
            ],
            model: 3,
            version: "0.1.0",
            flavor: "modelarts.vm.cpu.8u",
            nodes: 2,
            input_mb: 60_000,
            location: DedicatedPool {
                pool_name: "infer-cpu-pool".into(),
            },
            age: HOUR,
            history: vec![],
        },
        Seed {
            name: "sentiment-dedicated-batch",
            description: [
                "Reviews scored on the dedicated pool",
                "在专属资源池上评分的评价",
            ],
            model: 2,
            version: "2.0.0",
            flavor: "modelarts.vm.cpu.2u",
            nodes: 1,
            input_mb: 90_000,
            location: DedicatedPool {
                pool_name: "infer-faulty-pool".into(),
            },
            age: 10 * HOUR,
            history: vec![],
        },
        Seed {
            name: "legacy-batch-cleanup",
            description: ["Obsolete test run", "已废弃的测试运行"],
            model: 0,
            version: "0.0.1",
            flavor: "modelarts.vm.cpu.2u",
            nodes: 1,
            input_mb: 100,
            location: PublicPool,
            age: 7 * DAY,
            history: vec![(7 * DAY - 2 * SECOND, Step::Delete)],
        },
    ]
}

/// A demo text in `lang`: `[English, 简体中文]`.
fn in_lang(text: [&'static str; 2], lang: Lang) -> &'static str {
    match lang {
        Lang::En => text[0],
        Lang::Zh => text[1],
    }
}

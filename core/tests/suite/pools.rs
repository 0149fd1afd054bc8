//! Dedicated resource pools: every Create rule with its message (and the state unchanged),
//! the live price, the lifecycle over simulated time, scaling, deletion, and what pools mean
//! for the batch services on them.

use crate::common::*;
use console_core::pool::{CREATE_DURATION, DELETE_DURATION, MONTH, SCALE_DURATION, YEAR};
use console_core::text::{English, Events, Messages};
use console_core::validation::Field;
use console_core::{
    demo::demo_console, snapshot, AzChoice, BillingMode, Catalog, Command, Console,
    DeploymentLocation, DomainError, NetworkInput, NodeStatus, Outcome, PoolAction, PoolPhase,
    PoolPrice, PoolQuery, PoolRequest, PoolType, RequiredDuration, ScaleRequest, ServiceStatus,
};
use console_core::{ConfigInput, DeployRequest, EventType, Lang, HOUR, MINUTE};

fn request(pool_type: PoolType, name: &str, nodes: u32) -> PoolRequest {
    PoolRequest {
        name: name.into(),
        nodes: Some(nodes),
        ..PoolRequest::new(pool_type, "modelarts.vm.cpu.8u".into())
    }
}

fn in_region(region: &str) -> Console {
    let mut c = console_with(vec![], true);
    c.apply(
        Command::SelectRegion {
            region: region.into(),
        },
        T0,
    )
    .unwrap();
    c
}

/// Creates a pool at `T0` and brings it to Running; returns its id.
fn running_pool(c: &mut Console, req: PoolRequest) -> String {
    let Ok(Outcome::PoolCreating { pool_id, .. }) = c.apply(Command::CreatePool(req), T0) else {
        panic!("created");
    };
    c.tick(T0 + CREATE_DURATION);
    assert_eq!(c.pool(&pool_id).unwrap().phase(), PoolPhase::Running);
    pool_id
}

/// The message a refused Create gives for `field`; the state must be unchanged.
fn create_error(c: &mut Console, req: PoolRequest, field: Field) -> String {
    let before = c.state().clone();
    let Err(DomainError::Invalid(errors)) = c.apply(Command::CreatePool(req), T0) else {
        panic!("refused");
    };
    assert_eq!(c.state(), &before, "a refused command changes nothing");
    errors
        .iter()
        .find(|e| e.field == field)
        .unwrap_or_else(|| panic!("no error for {field:?}: {errors:?}"))
        .violation
        .to_string()
}

#[test]
fn name_description_and_nodes_are_refused_with_their_messages() {
    let mut c = in_region("cn-north-4");
    let t = PoolType::DevelopmentTraining;
    assert_eq!(
        create_error(&mut c, request(t, "", 1), Field::Name),
        "Enter a name."
    );
    assert_eq!(
        create_error(&mut c, request(t, "pool 1", 1), Field::Name),
        "Only letters, digits, hyphens (-), and underscores (_) are allowed."
    );
    assert_eq!(
        create_error(&mut c, request(t, "abc", 1), Field::Name),
        "Enter 4 to 64 characters."
    );
    assert_eq!(
        create_error(&mut c, request(t, &"p".repeat(65), 1), Field::Name),
        "Enter 4 to 64 characters."
    );
    for ok in ["abcd", "Pool_1-a", &"p".repeat(64)] {
        assert!(
            c.validate_pool(&request(t, ok, 1)).is_empty(),
            "{ok} is a valid name"
        );
    }
    let mut long = request(t, "pool-a", 1);
    long.description = "d".repeat(257);
    assert_eq!(
        create_error(&mut c, long.clone(), Field::Description),
        "Enter at most 256 characters."
    );
    long.description = "d".repeat(256);
    assert!(c.validate_pool(&long).is_empty());
    // Markup is text here (shown escaped); control characters are refused, as by an import.
    long.description = "<img src=x onerror=alert(1)>\tline\nbreak".into();
    assert!(c.validate_pool(&long).is_empty());
    long.description = "bell\u{7}".into();
    assert_eq!(
        create_error(&mut c, long.clone(), Field::Description),
        "Remove the control character U+0007: only tabs and line breaks are allowed."
    );

    let mut nodes = request(t, "pool-a", 1);
    nodes.nodes = None;
    assert_eq!(
        create_error(&mut c, nodes.clone(), Field::Nodes),
        "Enter an integer from 1 to 20."
    );
    nodes.nodes = Some(0);
    assert_eq!(
        create_error(&mut c, nodes.clone(), Field::Nodes),
        "Enter an integer from 1 to 20."
    );
    nodes.nodes = Some(21);
    assert_eq!(
        create_error(&mut c, nodes, Field::Nodes),
        "Only 20 of the 20-node quota of CN North-Beijing4 are left: enter 1 to 20."
    );

    // Unique in the region: taken here, free in another region.
    running_pool(&mut c, request(t, "pool-a", 15));
    assert_eq!(
        create_error(
            &mut c,
            request(PoolType::ServiceDeployment, "pool-a", 1),
            Field::Name
        ),
        "A resource pool named pool-a already exists in this region."
    );
    // What is left of the quota is what may be asked for.
    assert_eq!(c.nodes_in_use(), 15);
    assert_eq!(c.nodes_left(), 5);
    assert_eq!(
        create_error(&mut c, request(t, "pool-b", 6), Field::Nodes),
        "Only 5 of the 20-node quota of CN North-Beijing4 are left: enter 1 to 5."
    );
    running_pool(&mut c, request(t, "pool-b", 5));
    assert_eq!(
        create_error(&mut c, request(t, "pool-c", 1), Field::Nodes),
        "The node quota of CN North-Beijing4 (20 nodes) is used up. Delete or scale in pools to free nodes."
    );
    c.apply(
        Command::SelectRegion {
            region: "cn-east-3".into(),
        },
        T0,
    )
    .unwrap();
    assert!(c.validate_pool(&request(t, "pool-a", 20)).is_empty());
}

#[test]
fn several_errors_come_in_form_order() {
    let c = in_region("cn-north-4");
    let mut req = request(PoolType::ServiceDeployment, "ab", 0);
    req.network = Some(NetworkInput::default());
    req.billing_mode = BillingMode::YearlyMonthly;
    req.duration = Some(RequiredDuration::Year);
    let fields: Vec<Field> = c.validate_pool(&req).into_iter().map(|e| e.field).collect();
    assert_eq!(
        fields,
        [
            Field::Name,
            Field::Vpc,
            Field::Subnet,
            Field::SecurityGroup,
            Field::Nodes,
            Field::RequiredDuration
        ]
    );
}

#[test]
fn sold_out_specifications_are_refused_and_shown_disabled() {
    let mut c = in_region("cn-north-1");
    let mut req = request(PoolType::DevelopmentTraining, "pool-gpu", 1);
    req.flavor = "modelarts.vm.gpu.pnt004".into();
    assert!(create_error(&mut c, req, Field::Specifications).contains("is sold out"));
    let choice = c
        .flavor_choices(Lang::En)
        .into_iter()
        .find(|f| f.value == "modelarts.vm.gpu.pnt004")
        .unwrap();
    assert_eq!(choice.disabled.as_deref(), Some("Sold out"));
}

#[test]
fn required_duration_per_type_and_the_region_rule() {
    let mut c = in_region("cn-north-4");
    let prepaid = |t: PoolType, d: Option<RequiredDuration>| PoolRequest {
        billing_mode: BillingMode::YearlyMonthly,
        duration: d,
        ..request(t, "pool-prepaid", 1)
    };
    let dt = PoolType::DevelopmentTraining;
    let sd = PoolType::ServiceDeployment;
    for months in 1..=11 {
        assert!(c
            .validate_pool(&prepaid(dt, Some(RequiredDuration::Months(months))))
            .is_empty());
        assert!(c
            .validate_pool(&prepaid(sd, Some(RequiredDuration::Months(months))))
            .is_empty());
    }
    assert!(c
        .validate_pool(&prepaid(dt, Some(RequiredDuration::Year)))
        .is_empty());
    assert_eq!(
        create_error(
            &mut c,
            prepaid(sd, Some(RequiredDuration::Year)),
            Field::RequiredDuration
        ),
        "Dedicated for Service Deployment pools can be bought for 1 to 11 months."
    );
    for bad in [RequiredDuration::Months(0), RequiredDuration::Months(12)] {
        assert_eq!(
            create_error(&mut c, prepaid(dt, Some(bad)), Field::RequiredDuration),
            "Select 1 to 11 months, or 1 year."
        );
    }
    assert_eq!(
        create_error(&mut c, prepaid(dt, None), Field::RequiredDuration),
        "Select the required duration."
    );
    // Pay-per-use ignores the duration.
    let mut ppu = prepaid(sd, Some(RequiredDuration::Year));
    ppu.billing_mode = BillingMode::PayPerUse;
    assert!(c.validate_pool(&ppu).is_empty());

    // The 1 year choice is disabled for Service Deployment with its reason.
    let year = |t| {
        c.duration_choices(t, Lang::En)
            .into_iter()
            .find(|d| d.value == RequiredDuration::Year)
            .unwrap()
    };
    assert!(year(dt).disabled.is_none());
    assert!(year(sd).disabled.unwrap().contains("1 to 11 months"));
    assert_eq!(year(dt).text, "1 year (billed as 10 months)");

    // Yearly/Monthly Service Deployment pools: only in CN North-Beijing4.
    let mode = |c: &Console, t| {
        c.billing_mode_choices(t, Lang::En)
            .into_iter()
            .find(|m| m.value == BillingMode::YearlyMonthly)
            .unwrap()
            .disabled
    };
    assert_eq!(mode(&c, sd), None);
    let mut elsewhere = in_region("ap-southeast-1");
    let reason = "The Yearly/Monthly billing mode of Dedicated for Service Deployment pools is supported only in CN North-Beijing4, not in AP-Singapore.";
    assert_eq!(mode(&elsewhere, sd).as_deref(), Some(reason));
    assert_eq!(mode(&elsewhere, dt), None);
    assert_eq!(
        create_error(
            &mut elsewhere,
            prepaid(sd, Some(RequiredDuration::Months(2))),
            Field::BillingMode
        ),
        reason
    );
    assert!(elsewhere
        .validate_pool(&prepaid(dt, Some(RequiredDuration::Months(2))))
        .is_empty());
}

#[test]
fn custom_network_needs_vpc_subnet_and_security_group_of_the_region() {
    let mut c = in_region("cn-north-4");
    let with = |vpc: &str, subnet: &str, group: &str| PoolRequest {
        network: Some(NetworkInput {
            vpc_id: vpc.into(),
            subnet_id: subnet.into(),
            security_group_id: group.into(),
        }),
        ..request(PoolType::ServiceDeployment, "pool-net", 1)
    };
    assert_eq!(
        create_error(&mut c, with("", "", ""), Field::Vpc),
        "Select a VPC."
    );
    assert_eq!(
        create_error(&mut c, with("vpc-default", "", "sg-default"), Field::Subnet),
        "Select a subnet of the VPC."
    );
    assert_eq!(
        create_error(
            &mut c,
            with("vpc-default", "subnet-prod-a", "sg-default"),
            Field::Subnet
        ),
        "Select a subnet of the VPC."
    );
    assert_eq!(
        create_error(
            &mut c,
            with("vpc-default", "subnet-default", ""),
            Field::SecurityGroup
        ),
        "Select a security group of the VPC."
    );
    assert!(c
        .validate_pool(&with("vpc-default", "subnet-infer", "sg-modelarts"))
        .is_empty());
    // Another region's VPC is not offered here.
    assert_eq!(
        create_error(&mut c, with("vpc-sg", "subnet-sg", "sg-sg"), Field::Vpc),
        "Select a VPC."
    );
    assert_eq!(c.vpc_choices(Lang::En).len(), 3, "placeholder and two VPCs");
    assert_eq!(c.subnet_choices("vpc-default", Lang::En).len(), 3);
    assert_eq!(c.security_group_choices("vpc-prod", Lang::En).len(), 2);
    // The AZ: Random or one of the region's.
    let mut az = request(PoolType::ServiceDeployment, "pool-az", 1);
    az.az = AzChoice::Az("AZ 9".into());
    assert_eq!(
        create_error(&mut c, az, Field::Az),
        "Select Random or an AZ of this region."
    );
    let azs: Vec<String> = c.az_choices(Lang::En).into_iter().map(|a| a.text).collect();
    assert_eq!(azs, ["Random", "AZ 1", "AZ 2", "AZ 3"]);
}

#[test]
fn the_price_follows_mode_nodes_and_duration() {
    let c = in_region("cn-north-4");
    let mut req = request(PoolType::DevelopmentTraining, "pool-a", 2);
    assert_eq!(c.pool_price(&req), Some(PoolPrice::PerHour(1.32)));
    req.billing_mode = BillingMode::YearlyMonthly;
    req.duration = Some(RequiredDuration::Months(3));
    assert_eq!(
        c.pool_price(&req),
        Some(PoolPrice::Prepaid {
            total: 2028.0,
            billed_months: 3,
            months: 3,
            saving: 0.0
        })
    );
    req.duration = Some(RequiredDuration::Year);
    assert_eq!(
        c.pool_price(&req),
        Some(PoolPrice::Prepaid {
            total: 6760.0,
            billed_months: 10,
            months: 12,
            saving: 1352.0
        })
    );
    req.nodes = None;
    assert_eq!(c.pool_price(&req), None, "no price without a node count");
}

#[test]
fn a_created_pool_is_creating_then_running_and_bills_from_creation() {
    let mut c = in_region("cn-north-4");
    let mut req = request(PoolType::ServiceDeployment, "infer-a", 3);
    req.az = AzChoice::Az("AZ 2".into());
    let outcome = c.apply(Command::CreatePool(req), T0).unwrap();
    assert_eq!(
        outcome.to_string(),
        "infer-a: the dedicated resource pool is being created."
    );
    let Outcome::PoolCreating { pool_id, .. } = outcome else {
        unreachable!()
    };
    let pool = c.pool(&pool_id).unwrap();
    assert_eq!(pool.phase(), PoolPhase::Creating);
    assert_eq!(pool.pool_type(), PoolType::ServiceDeployment);
    assert!(pool
        .nodes
        .iter()
        .all(|n| n.status == NodeStatus::Creating && n.az == "AZ 2"));
    assert_eq!(English.pool_az(pool), "AZ 2");
    c.tick(T0 + CREATE_DURATION - 1);
    assert_eq!(c.pool(&pool_id).unwrap().phase(), PoolPhase::Creating);
    let events = c.tick(T0 + CREATE_DURATION);
    assert_eq!(events[0].record.message(), "The resource pool is running.");
    let pool = c.pool(&pool_id).unwrap();
    assert_eq!(pool.phase(), PoolPhase::Running);
    assert!(pool.nodes.iter().all(|n| n.status == NodeStatus::Available));
    let names: Vec<&str> = pool.nodes.iter().map(|n| n.name.as_str()).collect();
    assert_eq!(
        names,
        ["infer-a-node-01", "infer-a-node-02", "infer-a-node-03"]
    );
    // 3 nodes x 0.66 USD/hour, from creation.
    assert!((pool.cost_at(T0 + HOUR) - 1.98).abs() < 1e-9);

    // Random spreads the nodes over the AZs.
    let id = running_pool(&mut c, request(PoolType::DevelopmentTraining, "train-a", 3));
    assert_eq!(
        English.pool_az(c.pool(&id).unwrap()),
        "Random (AZ 1, AZ 2, AZ 3)"
    );

    // A prepaid pool is paid up front for its term and shows its expiry.
    let mut prepaid = request(PoolType::DevelopmentTraining, "train-year", 1);
    prepaid.billing_mode = BillingMode::YearlyMonthly;
    prepaid.duration = Some(RequiredDuration::Year);
    prepaid.auto_renew = true;
    let id = running_pool(&mut c, prepaid);
    let pool = c.pool(&id).unwrap();
    assert_eq!(pool.cost_at(T0 + HOUR), 3380.0);
    assert_eq!(pool.billing.expires_at, Some(T0 + YEAR));
    assert!(pool.auto_renew());
}

#[test]
fn prepaid_terms_renew_or_end_with_the_pool_released() {
    let mut c = in_region("cn-north-4");
    let prepaid = |name: &str, renew: bool| PoolRequest {
        billing_mode: BillingMode::YearlyMonthly,
        duration: Some(RequiredDuration::Months(2)),
        auto_renew: renew,
        ..request(PoolType::ServiceDeployment, name, 1)
    };
    let renewing = running_pool(&mut c, prepaid("renewing", true));
    let ending = running_pool(&mut c, prepaid("ending", false));
    let finished = deploy_on(&mut c, &ending, "svc-finished");
    // Deployed two minutes before the term ends: still working when the pool is released.
    let late = T0 + 2 * MONTH - 2 * MINUTE;
    c.tick(late);
    let service = deploy_on_at(&mut c, &ending, "svc-on-ending", late);
    c.tick(T0 + 2 * MONTH + HOUR);
    let pool = c.pool(&renewing).unwrap();
    assert_eq!(pool.billing.cost, 338.0 * 4.0, "two terms paid");
    assert_eq!(pool.billing.expires_at, Some(T0 + 4 * MONTH));
    assert_eq!(
        pool.events.last().unwrap().message(),
        "The subscription was renewed automatically for 2 month(s)."
    );
    assert!(c.pool(&ending).is_none(), "released at expiry");
    let s = c.service(&service).unwrap();
    assert_eq!(s.status, ServiceStatus::Failed);
    assert_eq!(
        s.error_msg.as_deref(),
        Some("The Yearly/Monthly term of the dedicated resource pool ending ended without renewal and the pool was released. The service cannot run on it.")
    );
    assert_eq!(
        c.service(&finished).unwrap().status,
        ServiceStatus::Finished,
        "a completed service keeps its status"
    );
}

fn deploy_on(c: &mut Console, pool_id: &str, name: &str) -> String {
    let now = c.sim_now(T0 + CREATE_DURATION);
    deploy_on_at(c, pool_id, name, now)
}

fn deploy_on_at(c: &mut Console, pool_id: &str, name: &str, now: u64) -> String {
    let catalog = Catalog::embedded();
    let model = &catalog.models[0];
    let request = DeployRequest {
        service_name: name.into(),
        description: String::new(),
        config: ConfigInput {
            model_id: model.model_id.clone(),
            model_version: "0.0.1".into(),
            src_path: "obs://bucket/in/".into(),
            dest_path: "obs://bucket/out/".into(),
            req_uri: "/".into(),
            specification: "modelarts.vm.cpu.8u".into(),
            instance_count: Some(1),
            ..ConfigInput::default()
        },
        location: DeploymentLocation::DedicatedPool {
            pool_name: pool_id.into(),
        },
    };
    let Ok(Outcome::Deployed { service_id, .. }) = c.apply(Command::Deploy(request), now) else {
        panic!("deployed on the pool");
    };
    service_id
}

#[test]
fn scaling_is_for_running_pay_per_use_pools_within_the_quota() {
    let mut c = in_region("cn-north-4");
    let id = running_pool(&mut c, request(PoolType::DevelopmentTraining, "train-a", 2));
    let t1 = T0 + CREATE_DURATION;
    let scale = |nodes: Option<u32>, removed: &[&str]| ScaleRequest {
        nodes,
        removed: removed.iter().map(|s| s.to_string()).collect(),
    };
    let refused = |c: &mut Console, req: ScaleRequest| -> String {
        let before = c.state().clone();
        let err = c
            .apply(
                Command::ScalePool {
                    pool_id: id.clone(),
                    request: req,
                },
                t1,
            )
            .unwrap_err();
        assert_eq!(c.state(), &before);
        err.to_string()
    };
    assert!(refused(&mut c, scale(Some(21), &[])).contains(
        "The node quota of CN North-Beijing4 is 20 nodes and 2 are in use: at most 18 more node(s) can be added."
    ));
    assert!(refused(&mut c, scale(Some(2), &[])).contains("Change the number of nodes"));
    assert!(refused(&mut c, scale(Some(1), &[]))
        .contains("To scale in from 2 to 1 nodes, switch off 1 node(s) in the node list."));
    assert!(refused(&mut c, scale(Some(0), &[])).contains("delete the pool instead"));
    assert!(refused(&mut c, scale(Some(3), &["train-a-node-01"])).contains("cannot be combined"));
    assert!(refused(&mut c, scale(Some(1), &["nope"]))
        .contains("The node nope cannot be switched off."));

    // Scale out: Scaling with Creating nodes, billed at the new count from now.
    let outcome = c
        .apply(
            Command::ScalePool {
                pool_id: id.clone(),
                request: scale(Some(4), &[]),
            },
            t1,
        )
        .unwrap();
    assert_eq!(
        outcome.to_string(),
        "train-a: scaling from 2 to 4 nodes has been submitted."
    );
    let pool = c.pool(&id).unwrap();
    assert_eq!(pool.phase(), PoolPhase::Scaling);
    assert_eq!(pool.node_count(), 4);
    assert_eq!(
        pool.nodes
            .iter()
            .filter(|n| n.status == NodeStatus::Creating)
            .count(),
        2
    );
    assert!((pool.billing.hourly_rate - 4.0 * 0.66).abs() < 1e-9);
    // Scaling pools cannot be scaled again.
    assert!(c
        .check_pool(&id, PoolAction::Scale)
        .unwrap_err()
        .to_string()
        .contains("this one is Scaling"));
    c.tick(t1 + SCALE_DURATION);
    let pool = c.pool(&id).unwrap();
    assert_eq!(pool.phase(), PoolPhase::Running);
    assert_eq!(pool.nodes.len(), 4);
    assert_eq!(
        pool.events.last().unwrap().message(),
        "Scaling completed. The resource pool has 4 node(s)."
    );

    // Scale in: switch off two nodes.
    let t2 = t1 + SCALE_DURATION;
    c.apply(
        Command::ScalePool {
            pool_id: id.clone(),
            request: scale(Some(2), &["train-a-node-02", "train-a-node-04"]),
        },
        t2,
    )
    .unwrap();
    let cost_at_t2 = c.pool(&id).unwrap().cost_at(t2);
    c.tick(t2 + HOUR);
    let pool = c.pool(&id).unwrap();
    let names: Vec<&str> = pool.nodes.iter().map(|n| n.name.as_str()).collect();
    assert_eq!(names, ["train-a-node-01", "train-a-node-03"]);
    assert!(
        (pool.cost_at(t2 + HOUR) - cost_at_t2 - 2.0 * 0.66).abs() < 1e-9,
        "billed for 2 nodes from the scale-in"
    );
    assert!(pool.events.iter().any(|e| e.message()
        == "Scale in the resource pool from 4 to 2 nodes; nodes switched off: train-a-node-02, train-a-node-04."));

    // Yearly/Monthly pools are not scaled (the console's words).
    let mut prepaid = request(PoolType::DevelopmentTraining, "train-year", 1);
    prepaid.billing_mode = BillingMode::YearlyMonthly;
    let prepaid = running_pool(&mut c, prepaid);
    let err = c
        .apply(
            Command::ScalePool {
                pool_id: prepaid.clone(),
                request: scale(Some(2), &[]),
            },
            t2 + HOUR,
        )
        .unwrap_err();
    assert_eq!(
        err.to_string(),
        "train-year: A dedicated resource pool in Yearly/Monthly billing mode does not support scaling."
    );
}

#[test]
fn deleting_a_pool_fails_the_services_on_it() {
    let mut c = in_region("cn-north-4");
    let id = running_pool(&mut c, request(PoolType::ServiceDeployment, "infer-a", 2));
    let other = running_pool(&mut c, request(PoolType::ServiceDeployment, "infer-b", 1));
    let on_a = deploy_on(&mut c, &id, "svc-on-a");
    let on_b = deploy_on(&mut c, &other, "svc-on-b");
    let plan = c.plan_pool_delete(&id);
    assert_eq!(plan.pool_name, "infer-a");
    assert_eq!(plan.services, [(on_a.clone(), "svc-on-a".to_string())]);
    assert!(Console::delete_confirmed("DELETE"));
    assert!(!Console::delete_confirmed("delete"));

    // Deployed at T0 + CREATE_DURATION: running a minute later (processing takes minutes).
    let t = T0 + CREATE_DURATION + MINUTE;
    let outcome = c
        .apply(
            Command::DeletePool {
                pool_id: id.clone(),
                confirmation: "DELETE".into(),
            },
            t,
        )
        .unwrap();
    assert_eq!(
        outcome.to_string(),
        "infer-a: the dedicated resource pool is being deleted; 1 service(s) deployed on it failed."
    );
    assert_eq!(c.pool(&id).unwrap().phase(), PoolPhase::Deleting);
    let s = c.service(&on_a).unwrap();
    assert_eq!(s.status, ServiceStatus::Failed);
    assert_eq!(
        s.error_msg.as_deref(),
        Some("The dedicated resource pool infer-a has been deleted. The service cannot run on it.")
    );
    let last = s.events.last().unwrap();
    assert_eq!(last.event_type(), EventType::Abnormal);
    assert_eq!(last.message(), s.error_msg.clone().unwrap());
    assert_eq!(c.service(&on_b).unwrap().status, ServiceStatus::Running);
    // Pay-per-use billing ends with the deletion.
    let cost = c.pool(&id).unwrap().cost_at(t);
    assert_eq!(c.pool(&id).unwrap().cost_at(t + HOUR), cost);
    // A deleting pool cannot be deleted again; then it is gone and its nodes are free.
    assert!(c
        .check_pool(&id, PoolAction::Delete)
        .unwrap_err()
        .to_string()
        .contains("Deleting state"));
    c.tick(t + DELETE_DURATION);
    assert!(c.pool(&id).is_none());
    assert_eq!(c.nodes_in_use(), 1);
    // The failed service cannot start again: its pool is gone.
    assert!(c
        .check(&on_a, console_core::ServiceAction::Start)
        .unwrap_err()
        .to_string()
        .contains("has been deleted"));

    // Yearly/Monthly pools cannot be deleted.
    let mut prepaid = request(PoolType::ServiceDeployment, "infer-year", 1);
    prepaid.billing_mode = BillingMode::YearlyMonthly;
    let prepaid = running_pool(&mut c, prepaid);
    c.tick(t + HOUR);
    let before = c.state().clone();
    let err = c
        .apply(
            Command::DeletePool {
                pool_id: prepaid,
                confirmation: "DELETE".into(),
            },
            t + HOUR,
        )
        .unwrap_err();
    assert_eq!(
        English.error_reason(&err),
        "A dedicated resource pool in Yearly/Monthly billing mode cannot be deleted."
    );
    assert_eq!(c.state(), &before);
}

#[test]
fn deploy_offers_only_running_service_deployment_pools() {
    let mut c = in_region("cn-north-4");
    // None yet: the choice is there, disabled, with the reason.
    let dedicated = |c: &Console| -> Vec<(String, Option<String>)> {
        c.location_choices(Lang::En)
            .into_iter()
            .filter(|l| matches!(l.value, DeploymentLocation::DedicatedPool { .. }))
            .map(|l| (l.text, l.disabled))
            .collect()
    };
    assert_eq!(dedicated(&c).len(), 1);
    assert!(dedicated(&c)[0].1.is_some());
    running_pool(&mut c, request(PoolType::DevelopmentTraining, "train-a", 1));
    let infer = running_pool(&mut c, request(PoolType::ServiceDeployment, "infer-a", 1));
    c.apply(
        Command::CreatePool(request(PoolType::ServiceDeployment, "infer-new", 1)),
        T0 + CREATE_DURATION,
    )
    .unwrap();
    assert_eq!(
        dedicated(&c),
        [
            ("Dedicated resource pool: infer-a".to_string(), None),
            (
                "Dedicated resource pool: infer-new (Creating)".to_string(),
                Some("infer-new is Creating: only Running pools can be chosen.".to_string())
            ),
        ]
    );
    let service = deploy_on(&mut c, &infer, "svc-a");
    assert_eq!(
        c.location_label(&c.service(&service).unwrap().location, Lang::En),
        "Dedicated resource pool: infer-a"
    );
    // Deploying on a pool that is not Running is refused.
    let new_id = c
        .pools()
        .iter()
        .find(|p| p.display_name() == "infer-new")
        .unwrap()
        .id()
        .to_string();
    let mut req_fail = DeployRequest {
        service_name: "svc-b".into(),
        description: String::new(),
        config: ConfigInput::default(),
        location: DeploymentLocation::DedicatedPool { pool_name: new_id },
    };
    req_fail.config = deploy_config();
    let errors = c.validate_deploy(&req_fail);
    assert_eq!(
        console_core::validation::error_for(&errors, Field::DeploymentLocation)
            .map(ToString::to_string)
            .as_deref(),
        Some("infer-new is Creating: only Running pools can be chosen.")
    );
    let train = c
        .pools()
        .iter()
        .find(|p| p.display_name() == "train-a")
        .unwrap()
        .id()
        .to_string();
    req_fail.location = DeploymentLocation::DedicatedPool { pool_name: train };
    assert!(console_core::validation::error_for(
        &c.validate_deploy(&req_fail),
        Field::DeploymentLocation
    )
    .unwrap()
    .to_string()
    .contains("only pools of type Dedicated for Service Deployment"));
}

fn deploy_config() -> ConfigInput {
    let catalog = Catalog::embedded();
    ConfigInput {
        model_id: catalog.models[0].model_id.clone(),
        model_version: "0.0.1".into(),
        src_path: "obs://bucket/in/".into(),
        dest_path: "obs://bucket/out/".into(),
        req_uri: "/".into(),
        specification: "modelarts.vm.cpu.8u".into(),
        instance_count: Some(1),
        ..ConfigInput::default()
    }
}

#[test]
fn services_on_an_abnormal_pool_are_in_alarm_until_it_recovers() {
    let mut c = in_region("cn-north-4");
    let id = running_pool(&mut c, request(PoolType::ServiceDeployment, "infer-a", 1));
    let service = deploy_on(&mut c, &id, "svc-a");
    let t = T0 + CREATE_DURATION + MINUTE;
    c.tick(t);
    assert_eq!(c.service(&service).unwrap().status, ServiceStatus::Running);
    c.apply(
        Command::SetPoolFault {
            pool_id: id.clone(),
            abnormal: true,
        },
        t,
    )
    .unwrap();
    let pool = c.pool(&id).unwrap();
    assert_eq!(pool.phase(), PoolPhase::Abnormal);
    assert!(pool.nodes.iter().any(|n| n.status == NodeStatus::Abnormal));
    let s = c.service(&service).unwrap();
    assert_eq!(s.status, ServiceStatus::Concerning);
    assert_eq!(
        s.events.last().unwrap().message(),
        "Alarm: the dedicated resource pool infer-a is abnormal."
    );
    // Abnormal pools cannot be scaled or chosen.
    assert!(c.check_pool(&id, PoolAction::Scale).is_err());
    assert!(c
        .location_choices(Lang::En)
        .iter()
        .any(|l| l.disabled.as_deref()
            == Some("infer-a is Abnormal: only Running pools can be chosen.")));
    // A stopped service cannot start on it.
    c.apply(
        Command::Stop {
            service_id: service.clone(),
        },
        t,
    )
    .unwrap();
    c.tick(t + MINUTE);
    assert!(c
        .check(&service, console_core::ServiceAction::Start)
        .unwrap_err()
        .to_string()
        .contains("infer-a is Abnormal"));
    c.apply(
        Command::SetPoolFault {
            pool_id: id.clone(),
            abnormal: false,
        },
        t + MINUTE,
    )
    .unwrap();
    assert!(c
        .check(&service, console_core::ServiceAction::Start)
        .is_ok());
    c.apply(
        Command::Start {
            service_id: service.clone(),
        },
        t + MINUTE,
    )
    .unwrap();
    c.tick(t + 2 * MINUTE);
    assert_eq!(c.service(&service).unwrap().status, ServiceStatus::Running);
    // A fault while it runs, then the recovery: Alarm, then Running again.
    c.apply(
        Command::SetPoolFault {
            pool_id: id.clone(),
            abnormal: true,
        },
        t + 2 * MINUTE,
    )
    .unwrap();
    assert_eq!(
        c.service(&service).unwrap().status,
        ServiceStatus::Concerning
    );
    c.apply(
        Command::SetPoolFault {
            pool_id: id.clone(),
            abnormal: false,
        },
        t + 3 * MINUTE,
    )
    .unwrap();
    let s = c.service(&service).unwrap();
    assert_eq!(s.status, ServiceStatus::Running);
    assert_eq!(
        s.events.last().unwrap().message(),
        "The dedicated resource pool infer-a recovered. The service is running."
    );
    // A healthy pool cannot "recover".
    assert!(c
        .apply(
            Command::SetPoolFault {
                pool_id: id,
                abnormal: false
            },
            t + 3 * MINUTE
        )
        .is_err());
}

#[test]
fn the_demo_has_pools_of_both_types_in_every_state_and_a_service_on_one() {
    let c = demo_console(Catalog::embedded(), T0, console_core::Lang::En);
    for t in PoolType::ALL {
        let pools: Vec<_> = c.pools().iter().filter(|p| p.pool_type() == t).collect();
        for mode in [BillingMode::PayPerUse, BillingMode::YearlyMonthly] {
            assert!(
                pools
                    .iter()
                    .any(|p| p.billing_mode() == mode && p.phase() == PoolPhase::Running),
                "{t:?} {mode:?}"
            );
        }
    }
    for phase in [PoolPhase::Creating, PoolPhase::Abnormal] {
        assert!(c.pools().iter().any(|p| p.phase() == phase), "{phase:?}");
    }
    assert_eq!((c.nodes_in_use(), c.node_quota()), (10, 20));
    let on_pools: Vec<_> = c
        .services()
        .iter()
        .filter(|s| matches!(s.location, DeploymentLocation::DedicatedPool { .. }))
        .collect();
    assert!(on_pools.iter().any(|s| s.status == ServiceStatus::Running));
    assert!(on_pools
        .iter()
        .any(|s| s.status == ServiceStatus::Concerning));

    // The list of a tab: search, status filter, sort, paging.
    let page = c.pool_query(PoolType::ServiceDeployment, &PoolQuery::default());
    assert_eq!(page.total_count, 3);
    let page = c.pool_query(
        PoolType::DevelopmentTraining,
        &PoolQuery::default().searching("YEARLY"),
    );
    let names: Vec<&str> = page.rows.iter().map(|p| p.display_name()).collect();
    assert_eq!(names, ["train-yearly-pool"]);
    let abnormal = c.pool_query(
        PoolType::ServiceDeployment,
        &PoolQuery::from_url_query("status=Abnormal"),
    );
    assert_eq!(abnormal.rows[0].display_name(), "infer-faulty-pool");
    let by_name = c.pool_query(
        PoolType::DevelopmentTraining,
        &PoolQuery::default().sorted_by(console_core::SortKey::Name),
    );
    let names: Vec<&str> = by_name.rows.iter().map(|p| p.display_name()).collect();
    assert_eq!(
        names,
        ["train-gpu-pool", "train-new-pool", "train-yearly-pool"]
    );
}

#[test]
fn version_2_saved_data_loads_with_no_pools() {
    let text = include_str!("../fixtures/v2_demo.json");
    let state = snapshot::decode(text).expect("a version-2 snapshot loads");
    assert!(state.regions.values().all(|r| r.pools.is_empty()));
    assert_eq!(state.regions["cn-north-4"].services.len(), 10);
    assert!(state.settings.agency_authorized);
    let again = snapshot::encode(&state, T0);
    assert!(again.contains(&format!("\"version\":{}", snapshot::VERSION)));
    assert_eq!(snapshot::decode(&again).unwrap(), state);
}

#[test]
fn inconsistent_pools_in_saved_data_are_reported() {
    let c = demo_console(Catalog::embedded(), T0, console_core::Lang::En);
    let mut state = c.state().clone();
    let region = state.regions.get_mut("cn-north-4").unwrap();
    region.pools[0].nodes.pop();
    let err = snapshot::decode(&snapshot::encode(&state, T0)).unwrap_err();
    assert!(
        err.to_string()
            .contains("pools[0].nodes: The pool lists 1 nodes that are not being deleted"),
        "{err}"
    );
    let mut state = c.state().clone();
    let region = state.regions.get_mut("cn-north-4").unwrap();
    let copy = region.pools[0].clone();
    region.pools.push(copy);
    let err = snapshot::decode(&snapshot::encode(&state, T0)).unwrap_err();
    assert!(
        err.to_string()
            .contains("pools[6].metadata.name: The pool name (ID)"),
        "{err}"
    );
}

#[test]
fn a_scale_command_naming_a_node_twice_is_refused() {
    let mut c = in_region("cn-north-4");
    let id = running_pool(&mut c, request(PoolType::DevelopmentTraining, "train-b", 3));
    let before = c.state().clone();
    let err = c
        .apply(
            Command::ScalePool {
                pool_id: id,
                request: ScaleRequest {
                    nodes: Some(1),
                    removed: vec!["train-b-node-01".into(), "train-b-node-01".into()],
                },
            },
            T0 + CREATE_DURATION,
        )
        .unwrap_err();
    assert!(err
        .to_string()
        .contains("Each node can be switched off only once."));
    assert_eq!(c.state(), &before);
}

#[test]
fn delete_needs_delete_typed_and_spares_services_that_are_not_working() {
    let mut c = in_region("cn-north-4");
    let id = running_pool(&mut c, request(PoolType::ServiceDeployment, "infer-a", 1));
    let stopped = deploy_on(&mut c, &id, "svc-stopped");
    let t = T0 + CREATE_DURATION + MINUTE;
    c.apply(
        Command::Stop {
            service_id: stopped.clone(),
        },
        t,
    )
    .unwrap();
    c.tick(t + MINUTE);
    assert_eq!(c.service(&stopped).unwrap().status, ServiceStatus::Stopped);
    assert!(
        c.plan_pool_delete(&id).services.is_empty(),
        "a stopped service will not fail"
    );
    for typed in ["", "delete", "DELETE "] {
        let before = c.state().clone();
        let err = c
            .apply(
                Command::DeletePool {
                    pool_id: id.clone(),
                    confirmation: typed.into(),
                },
                t + MINUTE,
            )
            .unwrap_err();
        assert_eq!(
            err.to_string(),
            "Enter DELETE to confirm the deletion of the dedicated resource pool."
        );
        assert_eq!(c.state(), &before);
    }
    let outcome = c
        .apply(
            Command::DeletePool {
                pool_id: id.clone(),
                confirmation: "DELETE".into(),
            },
            t + MINUTE,
        )
        .unwrap();
    assert_eq!(
        outcome.to_string(),
        "infer-a: the dedicated resource pool is being deleted."
    );
    assert_eq!(c.service(&stopped).unwrap().status, ServiceStatus::Stopped);
    assert!(c
        .check(&stopped, console_core::ServiceAction::Start)
        .unwrap_err()
        .to_string()
        .contains("infer-a is Deleting"));
}

#[test]
fn scaling_is_refused_while_creating_or_abnormal_with_the_state_unchanged() {
    let mut c = in_region("cn-north-4");
    let Ok(Outcome::PoolCreating { pool_id, .. }) = c.apply(
        Command::CreatePool(request(PoolType::DevelopmentTraining, "train-a", 1)),
        T0,
    ) else {
        panic!("created");
    };
    let scale = |c: &mut Console, at| {
        let before = c.state().clone();
        let err = c
            .apply(
                Command::ScalePool {
                    pool_id: pool_id.clone(),
                    request: ScaleRequest {
                        nodes: Some(2),
                        removed: vec![],
                    },
                },
                at,
            )
            .unwrap_err();
        assert_eq!(c.state(), &before);
        err.to_string()
    };
    assert_eq!(
        scale(&mut c, T0),
        "train-a: Only a Running resource pool can be scaled; this one is Creating."
    );
    c.tick(T0 + CREATE_DURATION);
    c.apply(
        Command::SetPoolFault {
            pool_id: pool_id.clone(),
            abnormal: true,
        },
        T0 + CREATE_DURATION,
    )
    .unwrap();
    assert_eq!(
        scale(&mut c, T0 + CREATE_DURATION),
        "train-a: Only a Running resource pool can be scaled; this one is Abnormal."
    );
    // An Abnormal pay-per-use pool keeps billing.
    let at_fault = c.pool(&pool_id).unwrap().cost_at(T0 + CREATE_DURATION);
    c.tick(T0 + CREATE_DURATION + HOUR);
    let later = c
        .pool(&pool_id)
        .unwrap()
        .cost_at(T0 + CREATE_DURATION + HOUR);
    assert!((later - at_fault - 0.66).abs() < 1e-9);
}

#[test]
fn a_one_year_term_renews_for_ten_months_price_and_node_names_are_not_reused() {
    let mut c = in_region("cn-north-4");
    let mut year = request(PoolType::DevelopmentTraining, "train-year", 1);
    year.billing_mode = BillingMode::YearlyMonthly;
    year.duration = Some(RequiredDuration::Year);
    year.auto_renew = true;
    let id = running_pool(&mut c, year);
    c.tick(T0 + YEAR + HOUR);
    let pool = c.pool(&id).unwrap();
    assert_eq!(
        pool.billing.cost,
        2.0 * 338.0 * 10.0,
        "each year billed as 10 months"
    );
    assert_eq!(pool.billing.expires_at, Some(T0 + 2 * YEAR));

    let ppu = running_pool(
        &mut c,
        request(PoolType::DevelopmentTraining, "train-ppu", 3),
    );
    let t = T0 + YEAR + HOUR;
    let scale = |c: &mut Console, nodes: u32, removed: &[&str], at| {
        c.apply(
            Command::ScalePool {
                pool_id: ppu.clone(),
                request: ScaleRequest {
                    nodes: Some(nodes),
                    removed: removed.iter().map(|s| s.to_string()).collect(),
                },
            },
            at,
        )
        .unwrap();
        c.tick(at + SCALE_DURATION);
    };
    scale(&mut c, 2, &["train-ppu-node-03"], t);
    scale(&mut c, 3, &[], t + HOUR);
    let names: Vec<String> = c
        .pool(&ppu)
        .unwrap()
        .nodes
        .iter()
        .map(|n| n.name.clone())
        .collect();
    assert_eq!(
        names,
        [
            "train-ppu-node-01",
            "train-ppu-node-02",
            "train-ppu-node-04"
        ]
    );
}

#[test]
fn a_saved_pool_with_an_impossible_term_is_reported_not_renewed_forever() {
    let c = demo_console(Catalog::embedded(), T0, console_core::Lang::En);
    let text = snapshot::encode(c.state(), T0);
    let broken = text.replacen(
        "\"os.modelarts/period.type\":\"2\",\"os.modelarts/period.num\":6",
        "\"os.modelarts/period.type\":\"2\",\"os.modelarts/period.num\":0",
        1,
    );
    assert_ne!(broken, text);
    let err = snapshot::decode(&broken).unwrap_err();
    assert!(
        err.to_string()
            .contains("[\"os.modelarts/period.num\"]: Select 1 to 11 months, or 1 year."),
        "{err}"
    );
}

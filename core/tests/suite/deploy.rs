//! Deploy: every field's rule with its message, the account limit, and the deployed service's
//! lifecycle.

use crate::common::*;
use console_core::service::deploy::{simulated_input_mb, MAX_BATCH_SERVICES};
use console_core::service::{DEPLOY_DURATION, WORK_PER_MB};
use console_core::validation::Field;
use console_core::{
    Command, ConfigInput, DeployRequest, DeploymentLocation, DomainError, Lang, MappingType,
    Outcome, ServiceStatus, SECOND,
};

fn request(console: &console_core::Console) -> DeployRequest {
    let model_id = console.catalog().models[0].model_id.clone();
    DeployRequest {
        service_name: console.suggested_service_name(),
        description: "nightly scoring".into(),
        config: ConfigInput {
            model_version: console.default_version(&model_id),
            model_id,
            src_path: "obs://bucket/input/".into(),
            req_uri: "/".into(),
            mapping_type: MappingType::File,
            mapping_rule: Vec::new(),
            dest_path: "obs://bucket/output/".into(),
            specification: "modelarts.vm.cpu.8u".into(),
            instance_count: Some(2),
            envs: vec![("BATCH_SIZE".into(), "32".into())],
        },
        location: DeploymentLocation::PublicPool,
    }
}

/// The fields a request is refused for, and their messages.
fn refusal(console: &mut console_core::Console, req: DeployRequest) -> Vec<(Field, String)> {
    let before = console.clone();
    let err = console.apply(Command::Deploy(req), T0).unwrap_err();
    assert_eq!(*console, before, "a refused deploy changes nothing");
    match err {
        DomainError::Invalid(errors) => errors
            .into_iter()
            .map(|e| (e.field, e.violation.to_string()))
            .collect(),
        other => panic!("expected field errors, got {other}"),
    }
}

fn fails(
    console: &mut console_core::Console,
    field: Field,
    change: impl FnOnce(&mut DeployRequest),
) -> String {
    let mut req = request(console);
    change(&mut req);
    let errors = refusal(console, req);
    assert_eq!(errors.len(), 1, "only {field:?} is wrong: {errors:?}");
    assert_eq!(errors[0].0, field);
    errors[0].1.clone()
}

#[test]
fn a_valid_request_deploys_a_service_that_runs_and_completes() {
    let mut console = console_with(vec![], false);
    let req = request(&console);
    assert!(console.validate_deploy(&req).is_empty());
    assert!(req.service_name.starts_with("service-") && req.service_name.len() == 12);
    assert_eq!(console.price_per_hour(&req.config), Some(1.32));
    let name = req.service_name.clone();
    let outcome = console.apply(Command::Deploy(req), T0).unwrap();
    let Outcome::Deployed {
        service_id,
        service_name,
    } = &outcome
    else {
        panic!("{outcome:?}")
    };
    assert_eq!(service_name, &name);
    assert_eq!(
        outcome.to_string(),
        format!("{name}: the service is being deployed.")
    );
    let s = console.service(service_id).unwrap();
    assert_eq!(s.status, ServiceStatus::Deploying);
    assert_eq!(s.config().model_name, "mnist-classifier");
    assert_eq!(s.config().envs["BATCH_SIZE"], "32");
    assert_eq!(s.billing.hourly_rate, 1.32);
    assert_eq!(messages(&console, service_id), ["Deploy the service."]);
    let input = simulated_input_mb("obs://bucket/input/");
    assert!((200..=2000).contains(&input));
    let done = T0 + DEPLOY_DURATION + u64::from(input) * WORK_PER_MB / 2;
    console.tick(done);
    let s = console.service(service_id).unwrap();
    assert_eq!(s.status, ServiceStatus::Finished);
    assert_eq!(s.billing.billed_ms, done - T0 - DEPLOY_DURATION);
    assert_eq!(
        messages(&console, service_id),
        [
            "Deploy the service.",
            "The service is running.",
            "The service has been executed."
        ]
    );
}

#[test]
fn each_field_is_refused_with_its_message() {
    let mut c = console_with(
        vec![service(
            "a",
            ServiceStatus::Running,
            DeploymentLocation::PublicPool,
        )],
        false,
    );
    let name_rule = "Enter 1 to 64 characters, starting with a letter. Only letters, digits, hyphens (-), and underscores (_) are allowed.";
    for bad in ["", "1abc", "has space", "ünï", &"x".repeat(65)] {
        assert_eq!(
            fails(&mut c, Field::Name, |r| r.service_name = bad.to_string()),
            name_rule,
            "{bad}"
        );
    }
    assert_eq!(
        fails(&mut c, Field::Name, |r| r.service_name = "svc-a".into()),
        "A service named svc-a already exists in this region."
    );
    assert_eq!(
        fails(&mut c, Field::Description, |r| r.description =
            "x".repeat(101)),
        "Enter at most 100 characters."
    );
    assert!(fails(&mut c, Field::Description, |r| r.description = "a&b".into()).contains("!<>=+&"));
    assert_eq!(
        fails(&mut c, Field::ModelVersion, |r| r.config.model_id =
            "nope".into()),
        "Select a model from the list."
    );
    assert_eq!(
        fails(&mut c, Field::ModelVersion, |r| r.config.model_version =
            "0.0.3".into()),
        "Version 0.0.3 is Building. Only versions in the Normal state can be deployed."
    );
    let obs = "Enter an OBS folder path such as obs://bucket/dir/.";
    assert_eq!(
        fails(&mut c, Field::InputPath, |r| r.config.src_path =
            "bucket/in/".into()),
        obs
    );
    assert_eq!(
        fails(&mut c, Field::OutputPath, |r| r.config.dest_path =
            "obs://bucket/out".into()),
        obs
    );
    assert_eq!(
        fails(&mut c, Field::RequestPath, |r| r.config.req_uri =
            "infer".into()),
        "Enter a path that starts with a slash (/), such as /."
    );
    assert_eq!(
        fails(&mut c, Field::MappingType, |r| r.config.mapping_type =
            MappingType::Csv),
        "Enter a column index (0 or more) for the input field \"image\"."
    );
    assert_eq!(
        fails(&mut c, Field::Specifications, |r| r.config.specification =
            "gone".into()),
        "Select specifications from the list."
    );
    c.apply(
        Command::SelectRegion {
            region: "cn-north-1".into(),
        },
        T0,
    )
    .unwrap();
    assert_eq!(
        fails(&mut c, Field::Specifications, |r| r.config.specification =
            "modelarts.vm.gpu.pnt004".into()),
        "GPU: 1 x 16 GB GPU | CPU: 8 vCPUs | 32 GiB is sold out in this region."
    );
    c.apply(
        Command::SelectRegion {
            region: "cn-north-4".into(),
        },
        T0,
    )
    .unwrap();
    for nodes in [None, Some(0), Some(129)] {
        assert_eq!(
            fails(&mut c, Field::ComputeNodes, |r| r.config.instance_count =
                nodes),
            "Enter an integer from 1 to 128."
        );
    }
    assert!(fails(&mut c, Field::EnvironmentVariables, |r| r
        .config
        .envs
        .push(("1X".into(), "v".into())))
    .contains("\"1X\" is invalid"));
    assert_eq!(
        fails(&mut c, Field::EnvironmentVariables, |r| r
            .config
            .envs
            .push(("BATCH_SIZE".into(), "1".into()))),
        "The key \"BATCH_SIZE\" is used more than once."
    );
    assert!(fails(&mut c, Field::DeploymentLocation, |r| {
        r.location = DeploymentLocation::EdgeNode {
            node_name: "edge-node-tianjin-01".into(),
        }
    })
    .contains("edge node of this region"));
    assert!(fails(&mut c, Field::DeploymentLocation, |r| {
        r.location = DeploymentLocation::DedicatedPool {
            pool_name: "pool-x".into(),
        }
    })
    .contains("does not exist in this region"));

    // Several wrong fields are all reported, in form order.
    let mut req = request(&c);
    req.service_name = String::new();
    req.config.instance_count = Some(0);
    req.config.src_path = String::new();
    let fields: Vec<Field> = refusal(&mut c, req).into_iter().map(|(f, _)| f).collect();
    assert_eq!(fields, [Field::Name, Field::InputPath, Field::ComputeNodes]);
}

#[test]
fn blank_environment_rows_are_ignored_and_csv_needs_distinct_columns() {
    let mut c = console_with(vec![], false);
    let mut req = request(&c);
    req.config.envs.push((" ".into(), String::new()));
    req.config.mapping_type = MappingType::Csv;
    req.config.mapping_rule = vec![("image".into(), Some(0))];
    assert!(c.validate_deploy(&req).is_empty());
    let Outcome::Deployed { service_id, .. } = c.apply(Command::Deploy(req.clone()), T0).unwrap()
    else {
        panic!()
    };
    let config = c.service(&service_id).unwrap().config().clone();
    assert_eq!(config.envs.len(), 1);
    assert_eq!(
        console_core::speak(console_core::Lang::En).mapping(&config),
        "csv (image: column 0)"
    );

    let sentiment = c
        .catalog()
        .models
        .iter()
        .find(|m| m.model_name == "text-sentiment")
        .unwrap()
        .model_id
        .clone();
    req.service_name = "csv-two".into();
    req.config.model_version = c.default_version(&sentiment);
    req.config.model_id = sentiment;
    req.config.mapping_rule = vec![("text".into(), Some(1)), ("language".into(), Some(1))];
    let errors = refusal(&mut c, req.clone());
    assert_eq!(
        errors,
        [(
            Field::MappingType,
            "Column 1 is mapped to more than one input field.".to_string()
        )]
    );
    req.config.mapping_rule[1].1 = None;
    assert!(refusal(&mut c, req)[0].1.contains("\"language\""));
}

#[test]
fn the_account_limit_of_1000_services_holds_unless_quotas_are_off() {
    let template = service("t", ServiceStatus::Stopped, DeploymentLocation::PublicPool);
    let services: Vec<_> = (0..MAX_BATCH_SERVICES)
        .map(|i| {
            let mut s = template.clone();
            s.service_id = format!("id-{i}");
            s.service_name = format!("svc-{i}");
            s
        })
        .collect();
    let mut c = console_with(services, false);
    let before = c.clone();
    let err = c.apply(Command::Deploy(request(&c)), T0).unwrap_err();
    assert_eq!(err, DomainError::ServiceQuota { limit: 1_000 });
    assert_eq!(
        err.to_string(),
        "The account already has 1,000 batch services, the most it may have. Delete services that are no longer needed, or turn off Settings > Enforce account quotas."
    );
    assert_eq!(c, before);
    // The limit is per account: another region does not escape it.
    c.apply(
        Command::SelectRegion {
            region: "cn-east-3".into(),
        },
        T0,
    )
    .unwrap();
    assert!(c.apply(Command::Deploy(request(&c)), T0).is_err());
    let outcome = c
        .apply(Command::SetEnforceQuotas { enforce: false }, T0)
        .unwrap();
    assert!(outcome.to_string().contains("not enforced"));
    assert!(c.apply(Command::Deploy(request(&c)), T0).is_ok());
    assert_eq!(c.service_count(), 1_001);
}

#[test]
fn suggested_names_are_free_and_look_like_the_consoles() {
    let c = console_with(vec![], false);
    let name = c.suggested_service_name();
    assert!(name.starts_with("service-"));
    assert!(name[8..].chars().all(|ch| ch.is_ascii_hexdigit()));
    let mut taken = service("t", ServiceStatus::Stopped, DeploymentLocation::PublicPool);
    taken.service_name = name.clone();
    let c = console_with(vec![taken], false);
    assert_ne!(c.suggested_service_name(), name);
}

#[test]
fn choices_carry_the_reason_an_option_cannot_be_chosen() {
    let mut c = console_with(vec![], false);
    let mnist = c.catalog().models[0].model_id.clone();
    let versions = c.version_choices(&mnist, Lang::En);
    let building = versions.iter().find(|v| v.value == "0.0.3").unwrap();
    assert_eq!(building.text, "0.0.3 (Building)");
    assert!(building.disabled.as_deref().unwrap().contains("Normal"));
    assert!(versions
        .iter()
        .filter(|v| v.value != "0.0.3")
        .all(|v| v.disabled.is_none()));
    c.apply(
        Command::SelectRegion {
            region: "cn-south-1".into(),
        },
        T0,
    )
    .unwrap();
    let p4 = c
        .flavor_choices(Lang::En)
        .into_iter()
        .find(|f| f.value == "modelarts.vm.gpu.p4u8")
        .unwrap();
    assert_eq!(p4.disabled.as_deref(), Some("Sold out"));
    assert!(p4.text.ends_with("(Sold out)"));
    let locations = c.location_choices(Lang::En);
    assert_eq!(locations[0].value, DeploymentLocation::PublicPool);
    assert!(locations.iter().any(
        |l| matches!(l.value, DeploymentLocation::DedicatedPool { .. }) && l.disabled.is_some()
    ));
    let _ = SECOND;
}

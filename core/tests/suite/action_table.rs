//! Every row of the action table in RULES.md, for every status, location and authorization.

use crate::common::*;
use console_core::{DeploymentLocation, DomainError, Refusal, ServiceAction, ServiceStatus};
use ServiceStatus::*;

fn edge_node() -> DeploymentLocation {
    DeploymentLocation::EdgeNode {
        node_name: "edge-1".into(),
    }
}
fn edge_pool() -> DeploymentLocation {
    DeploymentLocation::EdgePool {
        pool_name: "edge-pool".into(),
    }
}
fn public() -> DeploymentLocation {
    DeploymentLocation::PublicPool
}
fn dedicated() -> DeploymentLocation {
    DeploymentLocation::DedicatedPool {
        pool_name: "pool-a".into(),
    }
}

fn check(
    status: ServiceStatus,
    location: DeploymentLocation,
    action: ServiceAction,
    auth: bool,
) -> Result<(), Refusal> {
    service("s", status, location).check(action, auth)
}

#[test]
fn start_is_allowed_only_from_stopped_failed_or_completed_off_the_edge() {
    for location in [public(), dedicated()] {
        for status in ServiceStatus::ALL {
            let result = check(status, location.clone(), ServiceAction::Start, false);
            match status {
                Stopped | Failed | Finished => assert_eq!(result, Ok(()), "{status:?}"),
                Running | Concerning => assert_eq!(result, Err(Refusal::AlreadyRunning)),
                _ => assert_eq!(result, Err(Refusal::InStatus(ServiceAction::Start, status))),
            }
        }
    }
    assert_eq!(
        check(Deploying, public(), ServiceAction::Start, true)
            .unwrap_err()
            .to_string(),
        "A service in the Deploying state cannot be started."
    );
}

#[test]
fn stop_is_allowed_only_from_deploying_running_or_alarm_off_the_edge() {
    for location in [public(), dedicated()] {
        for status in ServiceStatus::ALL {
            let result = check(status, location.clone(), ServiceAction::Stop, false);
            match status {
                Deploying | Running | Concerning => assert_eq!(result, Ok(()), "{status:?}"),
                Stopped => assert_eq!(result, Err(Refusal::AlreadyStopped)),
                _ => assert_eq!(result, Err(Refusal::InStatus(ServiceAction::Stop, status))),
            }
        }
    }
}

#[test]
fn edge_services_can_never_be_started_or_stopped() {
    for location in [edge_node(), edge_pool()] {
        for status in ServiceStatus::ALL {
            for action in [ServiceAction::Start, ServiceAction::Stop] {
                assert_eq!(
                    check(status, location.clone(), action, true),
                    Err(Refusal::EdgeDeployment(action))
                );
            }
        }
    }
    assert_eq!(
        Refusal::EdgeDeployment(ServiceAction::Start).to_string(),
        "Services deployed on ModelArts edge nodes or ModelArts edge resource pools cannot be started."
    );
    assert_eq!(
        Refusal::EdgeDeployment(ServiceAction::Stop).to_string(),
        "Services deployed on ModelArts edge nodes or ModelArts edge resource pools cannot be stopped."
    );
}

#[test]
fn modify_is_refused_while_deploying_stopping_or_deleting() {
    for location in [public(), edge_node(), edge_pool()] {
        for status in ServiceStatus::ALL {
            let result = check(status, location.clone(), ServiceAction::Modify, false);
            match status {
                Deploying | Stopping | Deleting => {
                    assert_eq!(
                        result,
                        Err(Refusal::InStatus(ServiceAction::Modify, status))
                    )
                }
                _ => assert_eq!(result, Ok(()), "{status:?}"),
            }
        }
    }
    assert_eq!(
        check(Deploying, public(), ServiceAction::Modify, true)
            .unwrap_err()
            .to_string(),
        "A service in the Deploying state cannot be modified."
    );
}

#[test]
fn delete_needs_agency_authorization_and_a_status_other_than_deleting() {
    for location in [public(), edge_node(), edge_pool()] {
        for status in ServiceStatus::ALL {
            assert_eq!(
                check(status, location.clone(), ServiceAction::Delete, false),
                Err(Refusal::NoAgencyAuthorization)
            );
            let authorized = check(status, location.clone(), ServiceAction::Delete, true);
            if status == Deleting {
                assert_eq!(
                    authorized,
                    Err(Refusal::InStatus(ServiceAction::Delete, Deleting))
                );
            } else {
                assert_eq!(authorized, Ok(()), "{status:?}");
            }
        }
    }
    assert_eq!(
        Refusal::NoAgencyAuthorization.to_string(),
        "A service cannot be deleted without agency authorization."
    );
}

#[test]
fn restart_is_never_allowed() {
    for location in [public(), edge_node()] {
        for status in ServiceStatus::ALL {
            for auth in [false, true] {
                let refusal =
                    check(status, location.clone(), ServiceAction::Restart, auth).unwrap_err();
                assert_eq!(refusal.to_string(), "Batch services cannot be restarted.");
            }
        }
    }
    assert!(!ServiceAction::OFFERED.contains(&ServiceAction::Restart));
}

#[test]
fn refused_commands_leave_the_state_unchanged() {
    let services = vec![
        service("run", Running, public()),
        service("edge", Stopped, edge_node()),
        service("dep", Deploying, public()),
    ];
    let mut console = console_with(services, false);
    console.tick(T0 + 1);
    let before = console.clone();

    let err = console.start_service("edge", T0 + 1).unwrap_err();
    assert!(matches!(
        err,
        DomainError::Refused {
            refusal: Refusal::EdgeDeployment(_),
            ..
        }
    ));
    assert_eq!(
        err.to_string(),
        format!(
            "svc-edge: {}",
            Refusal::EdgeDeployment(ServiceAction::Start)
        )
    );
    assert!(console.start_service("run", T0 + 1).is_err());
    assert!(console.start_service("dep", T0 + 1).is_err());
    assert!(console.stop_service("edge", T0 + 1).is_err());
    let err = console
        .delete_services(&["run".into()], T0 + 1)
        .unwrap_err();
    assert_eq!(
        err.to_string(),
        "svc-run: A service cannot be deleted without agency authorization."
    );
    assert_eq!(
        console.start_service("nope", T0 + 1).unwrap_err(),
        DomainError::ServiceNotFound("nope".into())
    );
    assert_eq!(
        console.delete_services(&[], T0 + 1).unwrap_err(),
        DomainError::NothingSelected
    );
    assert_eq!(console, before);
}

#[test]
fn batch_delete_is_all_or_nothing() {
    let services = vec![
        service("a", Running, public()),
        service("b", Deleting, public()),
    ];
    let mut console = console_with(services, true);
    console.tick(T0 + 1);
    let before = console.clone();
    let err = console
        .delete_services(&["a".into(), "b".into()], T0 + 1)
        .unwrap_err();
    assert!(err.to_string().contains("svc-b"));
    assert_eq!(console, before);
    assert_eq!(
        console
            .delete_services(&["a".into()], T0 + 1)
            .unwrap()
            .to_string(),
        "svc-a: the service is being deleted."
    );
    assert_eq!(status_of(&console, "a"), Some(Deleting));
}

//! The list query, the saved snapshot, and the demo data.

use crate::common::*;
use console_core::demo::demo_console;
use console_core::snapshot::{self, SnapshotError};
use console_core::{
    Catalog, DeploymentLocation, ServiceQuery, ServiceStatus, SortKey, SortOrder, MINUTE,
};

fn many(n: usize) -> console_core::Console {
    let services = (0..n)
        .map(|i| {
            let mut s = service(
                &format!("id{i:04}"),
                if i % 2 == 0 {
                    ServiceStatus::Running
                } else {
                    ServiceStatus::Stopped
                },
                DeploymentLocation::PublicPool,
            );
            s.service_name = format!("batch-{i:04}");
            s.publish_at = T0 + i as u64;
            s
        })
        .collect();
    console_with(services, false)
}

#[test]
fn default_query_is_newest_first_ten_per_page() {
    let console = many(25);
    let page = console.query(&ServiceQuery::default());
    assert_eq!(
        (
            page.total_count,
            page.page,
            page.page_count,
            page.rows.len()
        ),
        (25, 1, 3, 10)
    );
    assert_eq!(page.rows[0].service_name, "batch-0024");
    let last = console.query(&ServiceQuery {
        page: 3,
        ..Default::default()
    });
    assert_eq!(last.rows.len(), 5);
    let beyond = console.query(&ServiceQuery {
        page: 99,
        ..Default::default()
    });
    assert_eq!(beyond.page, 3, "a page past the end shows the last page");
}

#[test]
fn search_filter_and_sort() {
    let console = many(25);
    let q = ServiceQuery {
        name: "BATCH-001".into(),
        ..Default::default()
    };
    assert_eq!(
        console.query(&q).total_count,
        10,
        "case-insensitive substring"
    );
    let q = ServiceQuery {
        status: Some(ServiceStatus::Stopped),
        page_size: 50,
        ..Default::default()
    };
    let page = console.query(&q);
    assert_eq!(page.total_count, 12);
    assert!(page.rows.iter().all(|s| s.status == ServiceStatus::Stopped));
    let q = ServiceQuery {
        sort: SortKey::Name,
        order: SortOrder::Asc,
        page_size: 20,
        ..Default::default()
    };
    let page = console.query(&q);
    assert_eq!(page.rows[0].service_name, "batch-0000");
    assert_eq!(page.rows.len(), 20);
    let q = ServiceQuery {
        name: "zzz".into(),
        ..Default::default()
    };
    let empty = console.query(&q);
    assert_eq!(
        (empty.total_count, empty.page_count, empty.rows.len()),
        (0, 1, 0)
    );
}

#[test]
fn snapshot_round_trips() {
    let console = demo_console(Catalog::embedded(), T0, console_core::Lang::En);
    let text = snapshot::encode(console.state(), T0);
    assert!(text.contains("\"schema\":\"modelarts-console\""));
    assert!(text.contains(&format!("\"version\":{}", snapshot::VERSION)));
    for api_name in [
        "service_id",
        "service_name",
        "infer_type",
        "publish_at",
        "model_version",
        "instance_count",
        "src_path",
        "dest_path",
        "req_uri",
        "mapping_type",
        "\"concerning\"",
        "\"finished\"",
        "\"metadata\":{\"name\":\"pool-",
        "\"os.modelarts/name\":\"infer-cpu-pool\"",
        "\"os.modelarts/billing.mode\":\"1\"",
        "\"spec\":{\"type\":\"Dedicated\",\"scope\":[\"Infer\"]",
        "\"resources\":[{\"flavor\":\"modelarts.vm.cpu.8u\",\"count\":2",
        "\"status\":{\"phase\":\"Abnormal\"",
    ] {
        assert!(text.contains(api_name), "{api_name}");
    }
    assert_eq!(&snapshot::decode(&text).unwrap(), console.state());
}

#[test]
fn unusable_snapshots_are_errors_not_panics() {
    assert!(matches!(
        snapshot::decode(""),
        Err(SnapshotError::Unreadable(_))
    ));
    assert!(matches!(
        snapshot::decode("{not json"),
        Err(SnapshotError::Unreadable(_))
    ));
    assert!(matches!(
        snapshot::decode("[1,2]"),
        Err(SnapshotError::Unreadable(_))
    ));
    assert!(matches!(
        snapshot::decode(r#"{"schema":"todo-app","version":1,"state":{}}"#),
        Err(SnapshotError::ForeignSchema(s)) if s == "todo-app"
    ));
    let console = demo_console(Catalog::embedded(), T0, console_core::Lang::En);
    let text = snapshot::encode(console.state(), T0);
    let next = snapshot::VERSION + 1;
    let newer = text.replace(
        &format!("\"version\":{}", snapshot::VERSION),
        &format!("\"version\":{next}"),
    );
    let err = snapshot::decode(&newer).unwrap_err();
    assert_eq!(err, SnapshotError::UnsupportedVersion(next));
    assert!(err.to_string().contains("version 7"));
    assert_eq!(
        snapshot::decode(r#"{"schema":"modelarts-console","version":99}"#),
        Err(SnapshotError::UnsupportedVersion(99)),
        "the version is judged before the content"
    );
    assert!(matches!(
        snapshot::decode(r#"{"schema":"modelarts-console","version":2}"#),
        Err(SnapshotError::Invalid(_))
    ));
    let bad_status = text.replacen("\"running\"", "\"exploded\"", 1);
    assert!(matches!(
        snapshot::decode(&bad_status),
        Err(SnapshotError::Invalid(_))
    ));
    let bad_count = text.replacen("\"instance_count\":2", "\"instance_count\":0", 1);
    assert!(matches!(
        snapshot::decode(&bad_count),
        Err(SnapshotError::Invalid(_))
    ));
    // A running service's cost is its settled cost plus its open run's, to the bit; another
    // settled cost would make the next tick change the cost by the difference.
    let running = console
        .services()
        .iter()
        .position(|s| s.billing.open_run().is_some() && s.billing.settled_cost.is_some())
        .expect("the demo has a running service");
    for settled in [Some(0.0), Some(-1.0), Some(1e300)] {
        let mut state = console.state().clone();
        let service = &mut state.regions.get_mut("cn-north-4").unwrap().services[running];
        service.billing.cost += 1.0;
        service.billing.settled_cost = settled;
        let err = snapshot::decode(&snapshot::encode(&state, T0)).unwrap_err();
        assert!(err.to_string().contains("settled_cost"), "{err}");
    }
    let mut state = console.state().clone();
    let finished = &mut state.regions.get_mut("cn-north-4").unwrap().services;
    let closed = finished
        .iter_mut()
        .find(|s| s.billing.open_run().is_none())
        .expect("the demo has a stopped service");
    closed.billing.settled_cost = Some(0.0);
    let err = snapshot::decode(&snapshot::encode(&state, T0)).unwrap_err();
    assert!(err.to_string().contains("settled_cost"), "{err}");
    let mut state = console.state().clone();
    let services = &mut state.regions.get_mut("cn-north-4").unwrap().services;
    let dup = services[0].clone();
    services.push(dup);
    let err = snapshot::decode(&snapshot::encode(&state, T0)).unwrap_err();
    assert!(
        err.to_string()
            .contains("services[12].service_id: The service_id"),
        "{err}"
    );
    assert!(
        err.to_string()
            .contains("is also used by regions[\"cn-north-4\"].services[0]."),
        "{err}"
    );
    // The one-pass read of the current version refuses what the header read refuses: a
    // schema or version given twice.
    for tail in [",\"version\":9}", ",\"schema\":\"other\"}"] {
        let twice = format!("{}{tail}", &text[..text.len() - 1]);
        let err = snapshot::decode(&twice).unwrap_err();
        assert!(
            matches!(&err, SnapshotError::Unreadable(_))
                && err.to_string().contains("duplicate field"),
            "{err}"
        );
    }
}

#[test]
fn demo_covers_every_status_and_the_edge() {
    let console = demo_console(Catalog::embedded(), T0, console_core::Lang::En);
    assert_eq!(console.region(), "cn-north-4");
    for status in ServiceStatus::ALL {
        assert!(
            console.services().iter().any(|s| s.status == status),
            "{status:?} missing"
        );
    }
    assert!(console
        .services()
        .iter()
        .any(|s| matches!(s.location, DeploymentLocation::EdgeNode { .. })));
    assert!(console
        .services()
        .iter()
        .any(|s| matches!(s.location, DeploymentLocation::EdgePool { .. })));
    let running = console
        .services()
        .iter()
        .find(|s| s.service_name == "mnist-batch-nightly")
        .unwrap();
    assert_eq!(running.status, ServiceStatus::Running);
    assert!(running.progress > 0 && running.billing.billed_ms > 0);
    let done = console
        .services()
        .iter()
        .find(|s| s.status == ServiceStatus::Finished)
        .unwrap();
    assert_eq!(
        done.events.last().unwrap().message(),
        "The service has been executed."
    );
    let failed = console
        .services()
        .iter()
        .find(|s| s.status == ServiceStatus::Failed)
        .unwrap();
    assert!(failed.error_msg.is_some());
    assert!(console.has_transitions());
    // Ids are deterministic and the demo survives its own snapshot.
    assert_eq!(
        demo_console(Catalog::embedded(), T0, console_core::Lang::En),
        console
    );
    assert!(snapshot::decode(&snapshot::encode(console.state(), T0)).is_ok());
    // The deploying demo service runs 20 s after the demo starts; nothing is left deleting.
    let mut later = console.clone();
    later.tick(T0 + MINUTE);
    assert!(later
        .services()
        .iter()
        .all(|s| s.status != ServiceStatus::Deploying && s.status != ServiceStatus::Deleting));
}

#[test]
fn reset_demo_keeps_the_agency_authorization() {
    let mut console = console_with(vec![], true);
    let outcome = console
        .apply(
            console_core::Command::ResetDemo {
                lang: console_core::Lang::En,
            },
            T0,
        )
        .unwrap();
    assert_eq!(outcome.to_string(), "Demo data restored.");
    assert!(console.agency_authorized());
    assert_eq!(
        console.services().len(),
        demo_console(Catalog::embedded(), T0, console_core::Lang::En)
            .services()
            .len()
    );
}

#[test]
fn an_unknown_selected_region_falls_back_to_the_default_and_keeps_data() {
    let console = many(3);
    let mut state = console.state().clone();
    state.region = "gone-1".into();
    let moved = state.regions.remove("cn-north-4").unwrap();
    state.regions.insert("gone-1".into(), moved);
    let console = console_core::Console::from_state(Catalog::embedded(), state);
    assert_eq!(console.region(), "cn-north-4");
    assert_eq!(console.state().regions["gone-1"].services.len(), 3);
}

#[test]
fn services_are_found_by_id_after_every_kind_of_change() {
    use console_core::Command;
    let mut console = demo_console(Catalog::embedded(), T0, console_core::Lang::En);
    console
        .apply(Command::SetAgencyAuthorization { authorized: true }, T0)
        .unwrap();
    let ids: Vec<String> = console
        .services()
        .iter()
        .map(|s| s.service_id.clone())
        .collect();
    for id in &ids {
        assert_eq!(&console.service(id).unwrap().service_id, id);
    }
    assert!(console.service("no-such-id").is_none());
    // Delete one: once it is gone, the others are still found and it is not.
    let gone = ids[3].clone();
    console
        .apply(
            Command::Delete {
                service_ids: vec![gone.clone()],
            },
            T0,
        )
        .unwrap();
    console.tick(T0 + MINUTE);
    assert!(console.service(&gone).is_none());
    for id in ids.iter().filter(|id| **id != gone) {
        if let Some(s) = console.service(id) {
            assert_eq!(&s.service_id, id);
        }
    }
    // Another region has none of them; back again, all are there.
    console
        .apply(
            Command::SelectRegion {
                region: "cn-east-3".into(),
            },
            T0 + MINUTE,
        )
        .unwrap();
    assert!(console.service(&ids[0]).is_none());
    console
        .apply(
            Command::SelectRegion {
                region: "cn-north-4".into(),
            },
            T0 + MINUTE,
        )
        .unwrap();
    assert!(console.service(&ids[0]).is_some());
}

#[test]
fn events_are_bounded_per_service() {
    use console_core::{Command, ServiceAction};
    let mut console = demo_console(Catalog::embedded(), T0, console_core::Lang::En);
    let id = console
        .services()
        .iter()
        .find(|s| s.service_name == "mnist-batch-weekly")
        .unwrap()
        .service_id
        .clone();
    let mut t = T0;
    for _ in 0..60 {
        if console.check(&id, ServiceAction::Start).is_ok() {
            console
                .apply(
                    Command::Start {
                        service_id: id.clone(),
                    },
                    t,
                )
                .unwrap();
        }
        t += MINUTE;
        console.tick(t);
        if console.check(&id, ServiceAction::Stop).is_ok() {
            console
                .apply(
                    Command::Stop {
                        service_id: id.clone(),
                    },
                    t,
                )
                .unwrap();
        }
        t += MINUTE;
        console.tick(t);
    }
    let events = &console.service(&id).unwrap().events;
    assert_eq!(events.len(), console_core::event::MAX_EVENTS);
    assert!(
        events.windows(2).all(|w| w[0].time <= w[1].time),
        "the newest are kept, in order"
    );
}

#[test]
fn the_stored_form_is_packed_small_and_reads_every_older_form() {
    use console_core::snapshot::packed;
    let console = demo_console(Catalog::embedded(), T0, console_core::Lang::En);
    let stored = snapshot::encode_stored(console.state(), T0);
    assert!(packed::is_packed(&stored) && packed::is_current(&stored));
    let (state, current) = snapshot::decode_stored(&stored).unwrap();
    assert_eq!(&state, console.state());
    assert!(current, "the current stored form needs no re-save");
    // Version 4's stored form (its JSON, packed), saved by the version-4 code, loads as the
    // state it held, and is saved again in the current form.
    let v4 = include_str!("../fixtures/v4_demo_packed.txt");
    assert_eq!(packed::revision(v4), 3);
    let (state, current) = snapshot::decode_stored(v4).unwrap();
    assert_eq!(state, crate::common::demo_before_real_time(console.state()));
    assert!(!current, "version 4 is saved again in the current form");
    // Plain JSON (what versions 1-3 stored) still loads, and is saved again packed.
    for fixture in [
        include_str!("../fixtures/v1_demo.json"),
        include_str!("../fixtures/v2_demo.json"),
        include_str!("../fixtures/v3_demo.json"),
    ] {
        let (state, current) = snapshot::decode_stored(fixture).unwrap();
        assert!(!current);
        let again = snapshot::encode_stored(&state, T0);
        assert_eq!(snapshot::decode(&again).unwrap(), state);
        assert!(
            again.chars().count() * 3 < fixture.len(),
            "packed is far smaller"
        );
    }
    // Damaged packed texts are errors, never panics.
    let chars: Vec<char> = stored.chars().collect();
    for cut in [packed::DOCS_PREFIX.len(), chars.len() / 2, chars.len() - 1] {
        let text: String = chars[..cut].iter().collect();
        assert!(snapshot::decode(&text).is_err(), "cut at {cut}");
    }
    for at in [
        packed::DOCS_PREFIX.len() + 8,
        chars.len() / 3,
        chars.len() - 2,
    ] {
        let mut flipped = chars.clone();
        flipped[at] = char::from_u32(flipped[at] as u32 ^ 0x155).unwrap_or('x');
        let text: String = flipped.into_iter().collect();
        let _ = snapshot::decode(&text); // an error or, rarely, still valid; never a panic
    }
    // A stored form of a newer version, of another schema, or of a state that breaks an
    // invariant is refused like its JSON would be. Its head is its first block.
    let with_head = |from: &str, to: &str| {
        let blocks = packed::blocks(&stored).unwrap();
        let head = String::from_utf8(blocks[0].clone())
            .unwrap()
            .replacen(from, to, 1);
        let mut text = packed::header(1, blocks.len());
        text.push_str(&packed::pack_block(head.as_bytes()));
        for block in &blocks[1..] {
            text.push_str(&packed::pack_block(block));
        }
        text
    };
    assert_eq!(
        snapshot::decode(&with_head("", "")).as_ref(),
        Ok(console.state())
    );
    let version = format!("\"version\":{}", snapshot::VERSION);
    assert_eq!(
        snapshot::decode(&with_head(&version, "\"version\":77")),
        Err(SnapshotError::UnsupportedVersion(77))
    );
    assert!(matches!(
        snapshot::decode(&with_head("\"modelarts-console\"", "\"Modelarts-console\"")),
        Err(SnapshotError::ForeignSchema(s)) if s == "Modelarts-console"
    ));
    let mut state = console.state().clone();
    let services = &mut state.regions.get_mut("cn-north-4").unwrap().services;
    services[1].service_name = services[0].service_name.clone();
    let err = snapshot::decode(&snapshot::encode_stored(&state, T0)).unwrap_err();
    assert!(
        matches!(&err, SnapshotError::Invalid(_))
            && err
                .to_string()
                .contains("services[1].service_name: The name mnist-batch-nightly is also used by"),
        "{err}"
    );
    let blocks = packed::blocks(&stored).unwrap();
    let last = blocks.last().unwrap();
    let mut cut = packed::header(1, blocks.len());
    for block in &blocks[..blocks.len() - 1] {
        cut.push_str(&packed::pack_block(block));
    }
    cut.push_str(&packed::pack_block(&last[..last.len() - 1]));
    assert!(matches!(
        snapshot::decode(&cut),
        Err(SnapshotError::Invalid(_))
    ));
}

#[test]
fn a_thousand_generated_services_stay_under_300_stored_characters_each() {
    use console_core::{Command, ConfigInput, DeployRequest, DeploymentLocation, HOUR, SECOND};
    let mut console = demo_console(Catalog::embedded(), T0, console_core::Lang::En);
    console
        .apply(Command::SetEnforceQuotas { enforce: false }, T0)
        .unwrap();
    let model = console.catalog().models[1].clone();
    let before = console.services().len();
    for i in 0..1000u64 {
        let request = DeployRequest {
            service_name: format!("load-{i:05}"),
            description: format!("Generated load {i}"),
            config: ConfigInput {
                model_id: model.model_id.clone(),
                model_version: "1.0.0".into(),
                src_path: format!("obs://load-bucket/job-{i:05}/input/"),
                dest_path: format!("obs://load-bucket/job-{i:05}/output/"),
                req_uri: "/".into(),
                specification: "modelarts.vm.cpu.8u".into(),
                instance_count: Some(1 + (i % 4) as u32),
                ..ConfigInput::default()
            },
            location: DeploymentLocation::PublicPool,
        };
        console
            .apply(Command::Deploy(request), T0 + i * SECOND)
            .unwrap();
    }
    console.tick(T0 + 2 * HOUR);
    let count = console.services().len();
    assert!(count >= before + 990);
    let stored = snapshot::encode_stored(console.state(), T0 + 2 * HOUR);
    let per_service = stored.chars().count() / count;
    assert!(per_service <= 300, "{per_service} characters per service");
}

#[test]
fn a_service_deployed_right_after_a_deletion_ends_is_found() {
    use console_core::{Command, ConfigInput, DeployRequest, DeploymentLocation, Outcome, SECOND};
    let mut console = demo_console(Catalog::embedded(), T0, console_core::Lang::En);
    console
        .apply(Command::SetAgencyAuthorization { authorized: true }, T0)
        .unwrap();
    // The demo's Deleting service is gone after a few seconds.
    console.tick(T0 + 10 * SECOND);
    let gone = console.services()[3].service_id.clone();
    console
        .apply(
            Command::Delete {
                service_ids: vec![gone.clone()],
            },
            T0 + 10 * SECOND,
        )
        .unwrap();
    let count = console.services().len();
    // No tick in between: this command first finishes the deletion (one service fewer),
    // then deploys one (one more), so the count is unchanged.
    let model = console.catalog().models[0].clone();
    let Ok(Outcome::Deployed { service_id, .. }) = console.apply(
        Command::Deploy(DeployRequest {
            service_name: "after-delete".into(),
            description: String::new(),
            config: ConfigInput {
                model_id: model.model_id,
                model_version: "0.0.1".into(),
                src_path: "obs://bucket/in/".into(),
                dest_path: "obs://bucket/out/".into(),
                req_uri: "/".into(),
                specification: "modelarts.vm.cpu.2u".into(),
                instance_count: Some(1),
                ..ConfigInput::default()
            },
            location: DeploymentLocation::PublicPool,
        }),
        T0 + MINUTE,
    ) else {
        panic!("deployed");
    };
    assert_eq!(console.services().len(), count, "one gone, one new");
    assert!(console.service(&gone).is_none());
    assert_eq!(
        console.service(&service_id).unwrap().service_name,
        "after-delete"
    );
}

/// Another tab's state is adopted with this console's catalog and its revision, so views
/// that follow the revision (a renamed flavor) do not rebuild every row for nothing.
#[test]
fn an_adopted_state_keeps_the_catalog_and_its_revision() {
    let mut here = demo_console(Catalog::embedded(), T0, console_core::Lang::En);
    let mut renamed = Catalog::embedded();
    renamed.flavors[0].display = "Renamed flavor".into();
    here.set_catalog(renamed);
    let there = demo_console(Catalog::embedded(), T0 + MINUTE, console_core::Lang::En);
    let adopted = here.adopting(there.state().clone());
    assert_eq!(adopted.catalog_revision(), here.catalog_revision());
    assert_eq!(adopted.catalog(), here.catalog());
    assert_eq!(adopted.state(), there.state());
}

//! Writes a saved console state with many resources, for the browser benchmark
//! (`scripts/bench.sh`): `cargo run --release -p console-core --example gen_state -- <services>
//! <pools> <now-ms> <dir>` writes `<dir>/state-<services>.json` (the snapshot JSON) and
//! `<dir>/stored-<services>.txt` (what the app keeps in localStorage). Everything is made through commands, as a user would, so the state is
//! one the app can produce: services in every status with their events and bills, pools of
//! both types (the node quota is raised for the generation only). A fifth argument `moving`
//! writes `<dir>/state-<services>-moving.json` and `stored-<services>-moving.txt` instead:
//! every service deployed in the last three minutes and none stopped, so all of them are in
//! transition (the tick figure of the issue is for 1,000 moving services).

use console_core::{
    snapshot, Catalog, Command, ConfigInput, Console, DeployRequest, DeploymentLocation,
    PoolRequest, PoolType, MINUTE,
};

fn main() {
    let mut args = std::env::args().skip(1).map(|a| a.parse::<u64>().ok());
    let services = args.next().flatten().unwrap_or(1_000) as usize;
    let pools = args.next().flatten().unwrap_or(0) as usize;
    let now = args.next().flatten().unwrap_or(1_790_000_000_000);
    let dir = std::env::args().nth(4).unwrap_or_else(|| ".".into());
    let moving = std::env::args().nth(5).as_deref() == Some("moving");
    let mut catalog = Catalog::embedded();
    for region in &mut catalog.regions {
        region.node_quota = u32::MAX / 2;
    }
    let mut console = Console::empty(catalog);
    let start = now - 60 * MINUTE;
    for setting in [
        Command::SetEnforceQuotas { enforce: false },
        Command::SetAgencyAuthorization { authorized: true },
    ] {
        console.apply(setting, start).expect("settings");
    }
    for i in 0..pools {
        let pool_type = if i % 2 == 0 {
            PoolType::ServiceDeployment
        } else {
            PoolType::DevelopmentTraining
        };
        let request = PoolRequest {
            name: format!("pool-{i:04}"),
            nodes: Some(1 + (i % 3) as u32),
            ..PoolRequest::new(pool_type, "modelarts.vm.cpu.8u".into())
        };
        console
            .apply(Command::CreatePool(request), start)
            .expect("pool");
    }
    let model = console.catalog().models[0].clone();
    // Services deployed one after another over the last 40 minutes, so many are still
    // running (in transition) at `now`; every fifth is stopped as soon as it is deployed (time
    // only moves forward, as in the app).
    // Running takes at least 200 s (200 MB on one node), so all of the last three minutes'
    // deployments are still deploying or running.
    let window = if moving { 3 * MINUTE } else { 40 * MINUTE };
    for i in 0..services {
        let at = now - window + (i as u64 * window) / services.max(1) as u64;
        let request = DeployRequest {
            service_name: format!("svc-{i:05}"),
            description: format!("Batch job {i}"),
            config: ConfigInput {
                model_id: model.model_id.clone(),
                model_version: "0.0.1".into(),
                src_path: format!("obs://bench-bucket/svc-{i:05}/in/"),
                dest_path: format!("obs://bench-bucket/svc-{i:05}/out/"),
                req_uri: "/".into(),
                specification: "modelarts.vm.cpu.2u".into(),
                instance_count: Some(1),
                ..ConfigInput::default()
            },
            location: DeploymentLocation::PublicPool,
        };
        let Ok(console_core::Outcome::Deployed { service_id, .. }) =
            console.apply(Command::Deploy(request), at)
        else {
            panic!("deploy svc-{i:05}");
        };
        if i % 5 == 1 && !moving {
            console
                .apply(Command::Stop { service_id }, at)
                .expect("a deploying service can be stopped");
        }
    }
    console.tick(now);
    let dir = std::path::Path::new(&dir);
    let services = if moving {
        format!("{services}-moving")
    } else {
        services.to_string()
    };
    std::fs::write(
        dir.join(format!("state-{services}.json")),
        snapshot::encode(console.state(), now),
    )
    .expect("write the JSON");
    std::fs::write(
        dir.join(format!("stored-{services}.txt")),
        snapshot::encode_stored(console.state(), now),
    )
    .expect("write the stored form");
}

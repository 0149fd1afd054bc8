//! Prints how long the core's hot paths take with thousands of services: the list query the
//! page runs on every change, the once-a-second tick, and the snapshot saved after every change.
//! Run: `cargo run --release -p console-core --example bench [services]`.

use std::time::Instant;

use console_core::demo::demo_console;
use console_core::{snapshot, Catalog, Command, Console, ServiceQuery, SortKey, SECOND};

const T0: u64 = 1_790_000_000_000;

fn main() {
    let count: usize = std::env::args()
        .nth(1)
        .and_then(|n| n.parse().ok())
        .unwrap_or(5_000);
    let console = console_with(count);
    println!("services: {count}");

    let default_query = ServiceQuery::default();
    let by_name = ServiceQuery {
        name: "batch-1".into(),
        sort: SortKey::Name,
        page_size: 50,
        ..Default::default()
    };
    report("list query, default (newest first, 10/page)", 200, || {
        std::hint::black_box(console.query(&default_query).rows.len());
    });
    report("list query, search + sort by name (50/page)", 200, || {
        std::hint::black_box(console.query(&by_name).rows.len());
    });
    let mut ticking = console.clone();
    let mut now = T0;
    report("tick (1 s of simulated time)", 200, || {
        now += SECOND;
        std::hint::black_box(ticking.tick(now).len());
    });
    // 1,000 services a delete accepts (one already Deleting would refuse the batch).
    let first: Vec<String> = console
        .services()
        .iter()
        .filter(|s| s.status != console_core::ServiceStatus::Deleting)
        .take(1_000)
        .map(|s| s.service_id.clone())
        .collect();
    report("delete 1,000 services (one command)", 20, || {
        let mut c = console.clone();
        let done = c.apply(
            Command::Delete {
                service_ids: first.clone(),
            },
            T0 + SECOND,
        );
        assert!(done.is_ok(), "{done:?}");
    });
    report("  the clone that measurement includes", 20, || {
        std::hint::black_box(console.clone());
    });
    let text = snapshot::encode(console.state(), T0);
    report("snapshot JSON encode (older form, export-like)", 20, || {
        std::hint::black_box(snapshot::encode(console.state(), T0).len());
    });
    report("snapshot JSON decode + validate", 20, || {
        std::hint::black_box(snapshot::decode(&text).is_ok());
    });
    println!(
        "{:<48} {:>10.1} KiB",
        "snapshot JSON size",
        text.len() as f64 / 1024.0
    );
    let stored = snapshot::encode_stored(console.state(), T0);
    report(
        "stored form encode (JSON chunks + LZ4 + packing)",
        20,
        || {
            std::hint::black_box(snapshot::encode_stored(console.state(), T0).len());
        },
    );
    // What the app saves: an encoder that wrote the state a second earlier (as the store
    // keeps one), then the state after a tick, or after a delete of 1,000, a second later.
    // Running services it keeps as they were (only time moved them), so only the blocks
    // with what changed are compressed again. Each is a fresh encoder's second save.
    let mut base = console.clone();
    base.tick(T0);
    let mut ticked = base.clone();
    ticked.tick(T0 + SECOND);
    let mut deleted = base.clone();
    deleted
        .apply(
            Command::Delete {
                service_ids: first.clone(),
            },
            T0 + SECOND,
        )
        .expect("authorized, every service deletable");
    for (what, next) in [
        ("app's save a tick later", &ticked),
        ("app's save after delete 1,000, a second later", &deleted),
    ] {
        let runs = 10;
        let mut total = std::time::Duration::ZERO;
        let mut written = (0, 0);
        for _ in 0..runs {
            let mut encoder = snapshot::Encoder::new();
            encoder.encode_console(&base, T0, 1);
            let start = Instant::now();
            std::hint::black_box(encoder.encode_console(next, T0 + SECOND, 2).len());
            total += start.elapsed();
            written = encoder.chunks_written();
        }
        println!(
            "{:<48} {:>10.3} ms",
            what,
            total.as_secs_f64() * 1000.0 / f64::from(runs)
        );
        println!(
            "{:<48} {:>10} of {} chunks compressed anew",
            "", written.1, written.0
        );
    }
    let mut encoder = snapshot::Encoder::new();
    encoder.encode_console(&base, T0, 1);
    report("  the same, nothing changed", 20, || {
        std::hint::black_box(encoder.encode_console(&base, T0, 3).len());
    });
    report("stored form decode + validate", 20, || {
        std::hint::black_box(snapshot::decode_stored(&stored).is_ok());
    });
    println!(
        "{:<48} {:>10} chars ({} per service)",
        "stored form size",
        stored.chars().count(),
        stored.chars().count() / count.max(1)
    );
}

/// The demo services, copied until there are `count`, spread over the region.
fn console_with(count: usize) -> Console {
    let demo = demo_console(Catalog::embedded(), T0, console_core::Lang::En);
    let mut state = demo.state().clone();
    let region = state.regions.get_mut("cn-north-4").expect("demo region");
    let templates = region.services.clone();
    region.services = (0..count)
        .map(|i| {
            let mut s = templates[i % templates.len()].clone();
            s.service_id = format!("{:08x}-0000-4000-8000-{:012x}", i, i);
            s.service_name = format!("batch-{i:05}");
            s.publish_at = T0 - (i as u64) * 60 * SECOND;
            s
        })
        .collect();
    // Deleting needs the agency authorization (without it the delete below is refused).
    state.settings.agency_authorized = true;
    Console::from_state(Catalog::embedded(), state)
}

fn report(what: &str, runs: u32, mut f: impl FnMut()) {
    f();
    let start = Instant::now();
    for _ in 0..runs {
        f();
    }
    let per_run = start.elapsed().as_secs_f64() * 1000.0 / runs as f64;
    println!("{what:<48} {per_run:>10.3} ms");
}

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
    let first: Vec<String> = console.services()[..count.min(1_000)]
        .iter()
        .map(|s| s.service_id.clone())
        .collect();
    report("delete 1,000 services (one command)", 20, || {
        let mut c = console.clone();
        std::hint::black_box(
            c.apply(
                Command::Delete {
                    service_ids: first.clone(),
                },
                T0 + SECOND,
            )
            .is_ok(),
        );
    });
    report("  the clone that measurement includes", 20, || {
        std::hint::black_box(console.clone());
    });
    let text = snapshot::encode(console.state(), T0);
    report("snapshot encode", 20, || {
        std::hint::black_box(snapshot::encode(console.state(), T0).len());
    });
    report("snapshot decode + validate", 20, || {
        std::hint::black_box(snapshot::decode(&text).is_ok());
    });
    println!(
        "{:<48} {:>10.1} KiB",
        "snapshot size",
        text.len() as f64 / 1024.0
    );
    let stored = snapshot::encode_stored(console.state(), T0);
    report(
        "stored form encode (JSON + LZ4 + 15-bit packing)",
        20,
        || {
            std::hint::black_box(snapshot::encode_stored(console.state(), T0).len());
        },
    );
    let mut encoder = snapshot::Encoder::new();
    let mut changed = console.clone();
    changed
        .apply(
            Command::Delete {
                service_ids: first.clone(),
            },
            T0 + SECOND,
        )
        .ok();
    encoder.encode_revision(console.state(), T0, 1);
    report(
        "stored form encode, kept encoder, after delete 1,000",
        20,
        || {
            // Alternately the state before and after, so each run re-encodes 1,000 services.
            std::hint::black_box(encoder.encode_revision(changed.state(), T0, 2).len());
            encoder.encode_revision(console.state(), T0, 3);
        },
    );
    report("  the same, nothing changed", 20, || {
        std::hint::black_box(encoder.encode_revision(console.state(), T0, 3).len());
    });
    encoder.encode_revision(changed.state(), T0, 2);
    let (blocks, fresh) = encoder.blocks_written();
    println!(
        "{:<48} {fresh:>10} of {blocks} blocks compressed anew",
        "  after delete 1,000"
    );
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
    let demo = demo_console(Catalog::embedded(), T0);
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

//! The core's integration tests, as one test crate: one build and one link for them all
//! (`cargo test -p console-core --test suite <filter>` runs some).

mod common;

mod action_table;
mod commands_billing_clock;
mod deploy;
mod event_form;
mod lifecycle;
mod pools;
mod props;
mod query_snapshot_demo;
mod real_time;
mod stored_versions;
mod transfer;

use leptos::prelude::*;

use crate::components::page_header::{Crumb, PageHeader};
use crate::state::use_store;

/// Dedicated Resource Pools: the public pool, and the two dedicated types with their pools in
/// the selected region.
#[component]
pub fn Pools() -> impl IntoView {
    let store = use_store();
    let region_name = Memo::new(move |_| {
        store.read(|c| {
            c.catalog()
                .region(c.region())
                .map(|r| r.name.clone())
                .unwrap_or_default()
        })
    });
    view! {
        <PageHeader crumbs=vec![Crumb::here("Dedicated Resource Pools")] title="Dedicated Resource Pools".to_string() />
        <section class="panel" aria-labelledby="public-pool-heading">
            <h2 id="public-pool-heading">"Public Resource Pool"</h2>
            <p>"Provided by ModelArts by default; it needs no creation or configuration. Jobs are allocated resources by their parameters, isolated by job, and billed by specifications, duration and instance quantity."</p>
        </section>
        <section class="panel" aria-labelledby="dedicated-heading">
            <h2 id="dedicated-heading">"Dedicated Resource Pools"</h2>
            <p>"Exclusive compute resources. Dedicated for Development/Training pools serve notebook instances, training and TensorBoard; Dedicated for Service Deployment pools serve model deployment only. A pool can be used only while it is Running."</p>
            <table class="table" aria-label="Dedicated resource pools">
                <thead><tr><th>"Name"</th><th>"Type"</th><th>"Status"</th><th>"Nodes"</th><th>"Billing Mode"</th></tr></thead>
                <tbody>
                    <tr class="empty-row"><td colspan="5">{move || format!("No dedicated resource pools in {}.", region_name.get())}</td></tr>
                </tbody>
            </table>
        </section>
    }
}

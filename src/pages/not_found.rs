use leptos::prelude::*;

use crate::components::page_header::{Crumb, PageHeader};

/// Shown for an address the console does not have.
#[component]
pub fn NotFound(path: String) -> impl IntoView {
    view! {
        <PageHeader crumbs=vec![Crumb::here("Page not found")] title="Page not found".to_string() />
        <section class="panel empty-state">
            <p>"The console has no page at " <span class="mono">{path}</span> "."</p>
            <a href="#/batch-services">"Go to Batch Services"</a>
        </section>
    }
}

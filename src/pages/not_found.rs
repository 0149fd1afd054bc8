use leptos::prelude::*;

use crate::components::page_header::{Crumb, PageHeader};
use crate::i18n::t;

/// Shown for an address the console does not have.
#[component]
pub fn NotFound(path: String) -> impl IntoView {
    let words = &t().shell;
    view! {
        <PageHeader crumbs=vec![Crumb::here(words.page_not_found)] title=words.page_not_found.to_string() />
        <section class="panel empty-state">
            <p>{words.no_page_at} <span class="mono">{path}</span> {words.no_page_end}</p>
            <a href="#/batch-services">{words.go_to_batch_services}</a>
        </section>
    }
}

use console_core::{ListQuery, StatusValue};
use leptos::prelude::*;

use crate::i18n::{lang, t};

/// A list's status filter and name search, for any resource's list: emits the query they
/// make (the list puts it in the URL), going back to page 1 as the query rules say. What is
/// typed into the search goes to `on_typing` (the list follows each key; the URL may wait
/// for a pause).
#[component]
pub fn ListFilters<S>(
    query: Signal<ListQuery<S>>,
    on_change: Callback<ListQuery<S>>,
    on_typing: Callback<ListQuery<S>>,
) -> impl IntoView
where
    S: StatusValue + Send + Sync,
{
    let words = &t().common;
    view! {
        <select
            aria-label=words.status
            on:change=move |ev| {
                let status = S::from_api_value(&event_target_value(&ev));
                on_change.run(query.get_untracked().filtering(status));
            }
        >
            <option value="" selected=move || query.with(|q| q.status.is_none())>{words.all_statuses}</option>
            {S::ALL
                .iter()
                .map(|&s| view! { <option value=s.api_value() selected=move || query.with(|q| q.status == Some(s))>{s.label(lang())}</option> })
                .collect_view()}
        </select>
        <input
            type="search"
            class="search"
            aria-label=words.search_by_name
            placeholder=words.search_by_name
            prop:value=move || query.with(|q| q.name.clone())
            on:input=move |ev| on_typing.run(query.get_untracked().searching(event_target_value(&ev)))
        />
    }
}

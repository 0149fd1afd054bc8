use console_core::{ListQuery, SortKey, StatusValue};
use leptos::prelude::*;

/// A column header that sorts its list by `key`: a click asks for that order (`on_sort`),
/// and `aria-sort` says which way the list is sorted by this column, if it is.
#[component]
pub fn SortHeader<S>(
    label: &'static str,
    key: SortKey,
    query: Signal<ListQuery<S>>,
    on_sort: Callback<SortKey>,
) -> impl IntoView
where
    S: StatusValue + Send + Sync,
{
    view! {
        <th aria-sort=move || query.with(|q| q.aria_sort(key))>
            <button type="button" class="sort-button" on:click=move |_| on_sort.run(key)>{label}</button>
        </th>
    }
}

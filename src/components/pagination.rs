use console_core::query::PAGE_SIZES;
use leptos::prelude::*;

use crate::i18n::t;

/// Shows the total, the page size choice and page navigation. Emits the chosen page and size.
#[component]
pub fn Pagination(
    #[prop(into)] total: Signal<usize>,
    #[prop(into)] page: Signal<usize>,
    #[prop(into)] page_count: Signal<usize>,
    #[prop(into)] page_size: Signal<usize>,
    on_page: Callback<usize>,
    on_page_size: Callback<usize>,
) -> impl IntoView {
    let words = &t().common;
    view! {
        <div class="pagination">
            <span class="total">{words.total_records} {move || total.get()}</span>
            <label class="page-size">
                {words.rows_per_page} " "
                <select
                    aria-label=words.rows_per_page
                    on:change=move |ev| {
                        if let Ok(size) = event_target_value(&ev).parse() {
                            on_page_size.run(size);
                        }
                    }
                >
                    {PAGE_SIZES
                        .into_iter()
                        .map(|size| view! { <option value=size.to_string() selected=move || page_size.get() == size>{size}</option> })
                        .collect_view()}
                </select>
            </label>
            <button
                class="icon-button"
                aria-label=words.previous_page
                disabled=move || { page.get() <= 1 }
                on:click=move |_| on_page.run(page.get_untracked().saturating_sub(1).max(1))
            >"‹"</button>
            <span class="page-indicator" aria-live="polite">
                {move || (words.page_of)(page.get(), page_count.get())}
            </span>
            <button
                class="icon-button"
                aria-label=words.next_page
                disabled=move || { page.get() >= page_count.get() }
                on:click=move |_| on_page.run(page.get_untracked() + 1)
            >"›"</button>
        </div>
    }
}

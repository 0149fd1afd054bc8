use leptos::prelude::*;
use wasm_bindgen::JsCast;

use super::{input_id_at, FormCheck};
use crate::i18n::{say, t};

/// After a submit with errors: every problem in one list, each a button to its field.
#[component]
pub fn ErrorSummary(check: FormCheck) -> impl IntoView {
    let summary = check.summary();
    let words = &t().common;
    let focus = |id: String| {
        let target = document()
            .get_element_by_id(&id)
            .and_then(|e| e.dyn_into::<web_sys::HtmlElement>().ok());
        if let Some(el) = target {
            let _ = el.focus();
        }
    };
    view! {
        <Show when=move || summary.with(|s| !s.is_empty())>
            <div class="error-summary" role="alert">
                <p class="error-summary-title">{words.correct_following}</p>
                <ul>
                    {move || {
                        summary
                            .get()
                            .into_iter()
                            .map(|e| {
                                let id = input_id_at(e.version, e.field);
                                let text = say().field_error(&e);
                                view! {
                                    <li>
                                        <button type="button" class="link-button" on:click=move |_| focus(id.clone())>
                                            {text}
                                        </button>
                                    </li>
                                }
                            })
                            .collect_view()
                    }}
                </ul>
            </div>
        </Show>
    }
}

use console_core::ServiceAction;
use leptos::prelude::*;

use crate::state::{use_store, ToastKind};

/// Shows one operation on one service. When the core refuses it, the button is marked
/// disabled and carries the core's reason as its tooltip and accessible description; a click
/// then shows that reason instead of acting. Emits `on_allowed` when the action may proceed.
#[component]
pub fn ActionButton(
    #[prop(into)] service_id: String,
    action: ServiceAction,
    on_allowed: Callback<String>,
    #[prop(optional)] class: &'static str,
) -> impl IntoView {
    let store = use_store();
    let id = service_id.clone();
    let reason = Memo::new(move |_| store.read(|c| c.check(&id, action).err().map(|e| e.reason())));
    let class = if class.is_empty() { "link-button" } else { class };
    view! {
        <button
            type="button"
            class=class
            aria-disabled=move || reason.get().map(|_| "true")
            title=move || reason.get()
            on:click=move |_| match reason.get_untracked() {
                Some(why) => store.toast(ToastKind::Error, why),
                None => on_allowed.run(service_id.clone()),
            }
        >
            {action.label()}
        </button>
    }
}

use leptos::prelude::*;

use super::ServiceKind;
use crate::components::dialog::{confirm_action, Dialog};
use crate::i18n::{say, t};
use crate::state::use_store;

/// Asks to confirm deleting one or several services, warning that it cannot be undone. The
/// services the core will not delete are listed apart with their reason; OK deletes the
/// others. Emits `on_deleted` once the core has accepted the deletion, `on_close` always.
#[component]
pub fn DeleteDialog(
    kind: ServiceKind,
    service_ids: Vec<String>,
    on_close: Callback<()>,
    on_deleted: Option<Callback<()>>,
) -> impl IntoView {
    let store = use_store();
    let (words, common) = (&t().batch, &t().common);
    let plan = store.untracked(|c| kind.plan_delete(c, &service_ids));
    let error = RwSignal::new(None::<String>);
    let allowed_ids = StoredValue::new(plan.allowed_ids());
    let nothing_to_delete = plan.allowed.is_empty();
    let action = confirm_action(store, error, on_close, on_deleted);
    let confirm = move |_| {
        action.dispatch_local(kind.delete(allowed_ids.get_value()));
    };
    let question = if plan.allowed.len() == 1 {
        words.delete_one
    } else {
        words.delete_many
    };
    view! {
        <Dialog title=words.delete_service on_close=on_close>
            <Show when=move || !nothing_to_delete>
                <p>{question}</p>
            </Show>
            <ul class="dialog-list" aria-label=words.services_to_delete>
                {plan.allowed.iter().map(|(_, name)| view! { <li>{name.clone()}</li> }).collect_view()}
            </ul>
            {(!plan.refused.is_empty()).then(|| view! {
                <p>{words.delete_skipped}</p>
                <ul class="dialog-list refused-list" aria-label=words.services_refused>
                    {plan.refused.iter().map(|r| view! {
                        <li>{r.service_name.clone()} <span class="refusal-reason">{(words.refusal_reason)(&say().refusal(&r.refusal))}</span></li>
                    }).collect_view()}
                </ul>
            })}
            <p class="dialog-warning">{words.delete_warning}</p>
            <Show when=move || error.with(|e| e.is_some())>
                <p class="form-error" role="alert">{move || error.get()}</p>
            </Show>
            <div class="dialog-footer">
                <button type="button" class="button primary danger" disabled=move || nothing_to_delete || action.pending().get() on:click=confirm>{common.ok}</button>
                <button type="button" class="button" on:click=move |_| on_close.run(())>{common.cancel}</button>
            </div>
        </Dialog>
    }
}

use leptos::prelude::*;

use super::ServiceKind;
use crate::components::dialog::{confirm_action, Dialog};
use crate::i18n::t;
use crate::state::use_store;

/// Asks to confirm stopping a service: it stops working and is no longer billed.
/// Emits `on_close` when done or cancelled.
#[component]
pub fn StopDialog(kind: ServiceKind, service_id: String, on_close: Callback<()>) -> impl IntoView {
    let store = use_store();
    let (words, common) = (&t().batch, &t().common);
    let name = store
        .untracked(|c| kind.name(c, &service_id))
        .unwrap_or_default();
    let error = RwSignal::new(None::<String>);
    let id = StoredValue::new(service_id);
    let action = confirm_action(store, error, on_close, None);
    let confirm = move |_| {
        action.dispatch_local(kind.stop(id.get_value()));
    };
    view! {
        <Dialog title=words.stop_service on_close=on_close>
            <p>{words.stop_question}</p>
            <ul class="dialog-list"><li>{name}</li></ul>
            <p class="dialog-warning">{kind.stop_warning()}</p>
            <Show when=move || error.with(|e| e.is_some())>
                <p class="form-error" role="alert">{move || error.get()}</p>
            </Show>
            <div class="dialog-footer">
                <button type="button" class="button primary" disabled=move || action.pending().get() on:click=confirm>{common.ok}</button>
                <button type="button" class="button" on:click=move |_| on_close.run(())>{common.cancel}</button>
            </div>
        </Dialog>
    }
}

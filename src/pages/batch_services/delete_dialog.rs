use leptos::prelude::*;

use super::OpenDialog;
use crate::components::dialog::Dialog;
use crate::state::{use_store, ToastKind};

/// Asks to confirm deleting one or several services, warning that it cannot be undone.
/// Emits `on_deleted` once the core has accepted the deletion.
#[component]
pub fn DeleteDialog(
    service_ids: Vec<String>,
    dialog: RwSignal<Option<OpenDialog>>,
    on_deleted: Option<Callback<()>>,
) -> impl IntoView {
    let store = use_store();
    let names: Vec<String> = store.peek(|c| {
        service_ids.iter().filter_map(|id| c.service(id).map(|s| s.service_name.clone())).collect()
    });
    let error = RwSignal::new(None::<String>);
    let close = Callback::new(move |_| dialog.set(None));
    let count = names.len();
    let confirm = move |_| {
        match store.act(|c, now| c.delete_services(&service_ids, now)) {
            Ok(events) => {
                let text = match events.as_slice() {
                    [one] => format!("{}: the service is being deleted.", one.service_name),
                    many => format!("{} services are being deleted.", many.len()),
                };
                store.toast(ToastKind::Success, text);
                dialog.set(None);
                if let Some(done) = on_deleted {
                    done.run(());
                }
            }
            Err(e) => error.set(Some(e.to_string())),
        }
    };
    view! {
        <Dialog title="Delete Service" on_close=close>
            <p class="dialog-warning">
                {if count == 1 {
                    "Are you sure you want to delete the following service?"
                } else {
                    "Are you sure you want to delete the following services?"
                }}
                " A deleted service cannot be recovered. This operation cannot be undone."
            </p>
            <ul class="dialog-list">{names.into_iter().map(|n| view! { <li>{n}</li> }).collect_view()}</ul>
            <Show when=move || error.get().is_some()>
                <p class="form-error" role="alert">{move || error.get()}</p>
            </Show>
            <div class="dialog-footer">
                <button type="button" class="button primary danger" on:click=confirm>"OK"</button>
                <button type="button" class="button" on:click=move |_| close.run(())>"Cancel"</button>
            </div>
        </Dialog>
    }
}

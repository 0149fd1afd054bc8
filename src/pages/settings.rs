use leptos::prelude::*;

use crate::components::dialog::Dialog;
use crate::components::page_header::{Crumb, PageHeader};
use crate::state::{use_store, ToastKind};

/// Settings: the agency authorization that deleting needs, the demo data, and the unreadable
/// saved data the console kept aside.
#[component]
pub fn Settings() -> impl IntoView {
    let store = use_store();
    let authorized = Memo::new(move |_| store.read(|c| c.agency_authorized()));
    let confirm_reset = RwSignal::new(false);
    let backups = RwSignal::new(store.storage().backup_keys());
    let set_authorization = move |on: bool| {
        let _ = store.act(|c, _| {
            c.set_agency_authorization(on);
            Ok(())
        });
        store.toast(
            ToastKind::Success,
            if on { "Agency authorization added." } else { "Agency authorization removed." }.into(),
        );
    };
    view! {
        <PageHeader crumbs=vec![Crumb::here("Settings")] title="Settings".to_string() />
        <section class="panel" aria-labelledby="agency-heading">
            <h2 id="agency-heading">"Agency Authorization"</h2>
            <p>"ModelArts needs an agency to access your resources on your behalf. A service cannot be deleted without agency authorization."</p>
            <p class="status-line">
                "Status: "
                <strong>{move || if authorized.get() { "Authorized" } else { "Not authorized" }}</strong>
            </p>
            <Show
                when=move || authorized.get()
                fallback=move || view! { <button type="button" class="button primary" on:click=move |_| set_authorization(true)>"Add Authorization"</button> }
            >
                <button type="button" class="button" on:click=move |_| set_authorization(false)>"Remove Authorization"</button>
            </Show>
        </section>
        <section class="panel" aria-labelledby="demo-heading">
            <h2 id="demo-heading">"Demo Data"</h2>
            <p>"Replace every service in every region with the demo services. The agency authorization is kept."</p>
            <button type="button" class="button danger" on:click=move |_| confirm_reset.set(true)>"Reset demo data"</button>
        </section>
        <section class="panel" aria-labelledby="backup-heading">
            <h2 id="backup-heading">"Unreadable Saved Data"</h2>
            <Show
                when=move || !backups.get().is_empty()
                fallback=|| view! { <p>"None. Saved data that cannot be loaded is kept here instead of being dropped."</p> }
            >
                <ul class="backup-list">
                    <For each=move || backups.get() key=|k| k.clone() let:key>
                        <li>
                            <span class="mono">{key.clone()}</span>
                            " (" {store.storage().read_raw(&key).map_or(0, |t| t.len())} " characters) "
                            <button type="button" class="link-button" on:click={
                                let key = key.clone();
                                move |_| match store.storage().remove_raw(&key) {
                                    Ok(()) => backups.set(store.storage().backup_keys()),
                                    Err(e) => store.toast(ToastKind::Error, e),
                                }
                            }>"Delete Backup"</button>
                        </li>
                    </For>
                </ul>
            </Show>
        </section>
        <Show when=move || confirm_reset.get()>
            <Dialog title="Reset Demo Data" on_close=Callback::new(move |_| confirm_reset.set(false))>
                <p class="dialog-warning">"All services in all regions are replaced by the demo services. This cannot be undone."</p>
                <div class="dialog-footer">
                    <button type="button" class="button primary danger" on:click=move |_| {
                        let _ = store.act(|c, now| { c.reset_demo(now); Ok(()) });
                        confirm_reset.set(false);
                        store.toast(ToastKind::Success, "Demo data restored.".into());
                    }>"OK"</button>
                    <button type="button" class="button" on:click=move |_| confirm_reset.set(false)>"Cancel"</button>
                </div>
            </Dialog>
        </Show>
    }
}

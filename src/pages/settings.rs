use console_core::clock::SPEEDS;
use console_core::service::deploy::MAX_BATCH_SERVICES;
use console_core::{format, Command, ExportScope};
use leptos::prelude::*;

use crate::clock;
use crate::components::dialog::Dialog;
use crate::components::page_header::{Crumb, PageHeader};
use crate::components::transfer::export_button::ExportButton;
use crate::components::transfer::import::ImportButton;
use crate::notices::ToastKind;
use crate::state::use_store;

/// Settings: the agency authorization that deleting needs, account quotas, the simulation
/// speed, the demo data, and the unreadable saved data the console kept aside.
#[component]
pub fn Settings() -> impl IntoView {
    let store = use_store();
    let authorized = Memo::new(move |_| store.track_ticks(|c| c.agency_authorized()));
    let enforce_quotas = Memo::new(move |_| store.track_ticks(|c| c.settings().enforce_quotas));
    let service_count = Memo::new(move |_| store.track_ticks(|c| c.service_count()));
    let speed = Memo::new(move |_| store.track_ticks(|c| c.settings().clock.speed));
    let confirm_reset = RwSignal::new(false);
    let backups = RwSignal::new(store.storage().backup_keys());
    let set_authorization = move |authorized: bool| {
        store.send(Command::SetAgencyAuthorization { authorized });
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
        <section class="panel" aria-labelledby="quota-heading">
            <h2 id="quota-heading">"Account Quotas"</h2>
            <p>{format!("The real service allows at most {} batch services per account. Turn this off to load large inventories for testing.", format::thousands(MAX_BATCH_SERVICES as u64))}</p>
            <label class="checkbox-line">
                <input
                    type="checkbox"
                    prop:checked=move || enforce_quotas.get()
                    on:change=move |ev| {
                        store.send(Command::SetEnforceQuotas { enforce: event_target_checked(&ev) });
                    }
                />
                "Enforce account quotas"
            </label>
            <p class="muted">{move || format!("Batch services in this account: {}", format::thousands(service_count.get() as u64))}</p>
        </section>
        <section class="panel" aria-labelledby="speed-heading">
            <h2 id="speed-heading">"Simulation Speed"</h2>
            <p>"Every status change, progress and bill follows simulated time. Speed it up to watch Deploying, Running and Completed in seconds; the simulated clock is saved and keeps running while the console is closed."</p>
            <label class="field-inline">
                "Simulation speed "
                <select
                    aria-label="Simulation speed"
                    on:change=move |ev| {
                        if let Ok(speed) = event_target_value(&ev).parse() {
                            store.send(Command::SetSimulationSpeed { speed });
                        }
                    }
                >
                    {SPEEDS
                        .into_iter()
                        .map(|s| view! { <option value=s.to_string() prop:selected=move || speed.get() == s>{format!("{s}x")}</option> })
                        .collect_view()}
                </select>
            </label>
            <SimulatedTime />
        </section>
        <section class="panel" aria-labelledby="transfer-heading">
            <h2 id="transfer-heading">"Export and Import"</h2>
            <p>"Export downloads the services and dedicated resource pools of the selected region as JSON in the real API's shape (the services list answer and a v2 PoolList). Import reads such a file, checks all of it and shows what it would add or replace before anything changes."</p>
            <div class="button-row">
                <ExportButton scope=ExportScope::All label="Export Data" />
                <ImportButton />
            </div>
        </section>
        <section class="panel" aria-labelledby="demo-heading">
            <h2 id="demo-heading">"Demo Data"</h2>
            <p>"Replace every service in every region with the demo services. The settings on this page are kept."</p>
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
                                    Err(e) => store.notices().toast(ToastKind::Error, e.to_string()),
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
                        store.send(Command::ResetDemo);
                        confirm_reset.set(false);
                    }>"OK"</button>
                    <button type="button" class="button" on:click=move |_| confirm_reset.set(false)>"Cancel"</button>
                </div>
            </Dialog>
        </Show>
    }
}

/// The simulated clock, refreshed every second while the page is open.
#[component]
fn SimulatedTime() -> impl IntoView {
    let store = use_store();
    let now = RwSignal::new(store.sim_now());
    let handle = set_interval_with_handle(
        move || now.set(store.sim_now()),
        std::time::Duration::from_secs(1),
    )
    .ok();
    on_cleanup(move || {
        if let Some(h) = handle {
            h.clear();
        }
    });
    view! { <p class="status-line">"Simulated time: " <strong>{move || clock::show(now.get())}</strong></p> }
}

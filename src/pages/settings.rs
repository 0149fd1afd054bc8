use console_core::clock::SPEEDS;
use console_core::service::deploy::MAX_BATCH_SERVICES;
use console_core::{format, Command, ExportScope};
use leptos::prelude::*;

use crate::clock;
use crate::components::dialog::Dialog;
use crate::components::page_header::{Crumb, PageHeader};
use crate::components::transfer::export_button::ExportButton;
use crate::components::transfer::import::ImportButton;
use crate::i18n::{lang, t};
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
    let (words, common) = (&t().settings, &t().common);
    view! {
        <PageHeader crumbs=vec![Crumb::here(words.title)] title=words.title.to_string() />
        <section class="panel" aria-labelledby="agency-heading">
            <h2 id="agency-heading">{words.agency_heading}</h2>
            <p>{words.agency_text}</p>
            <p class="status-line">
                {words.status_line}
                <strong>{move || if authorized.get() { words.authorized } else { words.not_authorized }}</strong>
            </p>
            <Show
                when=move || authorized.get()
                fallback=move || view! { <button type="button" class="button primary" on:click=move |_| set_authorization(true)>{words.add_authorization}</button> }
            >
                <button type="button" class="button" on:click=move |_| set_authorization(false)>{words.remove_authorization}</button>
            </Show>
        </section>
        <section class="panel" aria-labelledby="quota-heading">
            <h2 id="quota-heading">{words.quota_heading}</h2>
            <p>{(words.quota_text)(&format::thousands(MAX_BATCH_SERVICES as u64))}</p>
            <label class="checkbox-line">
                <input
                    type="checkbox"
                    prop:checked=move || enforce_quotas.get()
                    on:change=move |ev| {
                        store.send(Command::SetEnforceQuotas { enforce: event_target_checked(&ev) });
                    }
                />
                {words.enforce_quotas}
            </label>
            <p class="muted">{move || (words.service_count)(&format::thousands(service_count.get() as u64))}</p>
        </section>
        <section class="panel" aria-labelledby="speed-heading">
            <h2 id="speed-heading">{words.speed_heading}</h2>
            <p>{words.speed_text}</p>
            <label class="field-inline">
                {words.simulation_speed} " "
                <select
                    aria-label=words.simulation_speed
                    on:change=move |ev| {
                        if let Ok(speed) = event_target_value(&ev).parse() {
                            store.send(Command::SetSimulationSpeed { speed });
                        }
                    }
                >
                    {SPEEDS
                        .into_iter()
                        .map(|s| view! { <option value=s.to_string() prop:selected=move || speed.get() == s>{(words.speed)(s)}</option> })
                        .collect_view()}
                </select>
            </label>
            <SimulatedTime />
        </section>
        <section class="panel" aria-labelledby="transfer-heading">
            <h2 id="transfer-heading">{words.transfer_heading}</h2>
            <p>{words.transfer_text}</p>
            <div class="button-row">
                <ExportButton scope=ExportScope::All label=common.export_data />
                <ImportButton />
            </div>
        </section>
        <section class="panel" aria-labelledby="demo-heading">
            <h2 id="demo-heading">{words.demo_heading}</h2>
            <p>{words.demo_text}</p>
            <button type="button" class="button danger" on:click=move |_| confirm_reset.set(true)>{words.reset_demo}</button>
        </section>
        <section class="panel" aria-labelledby="backup-heading">
            <h2 id="backup-heading">{words.backup_heading}</h2>
            <Show
                when=move || !backups.get().is_empty()
                fallback=move || view! { <p>{words.no_backups}</p> }
            >
                <ul class="backup-list">
                    <For each=move || backups.get() key=|k| k.clone() let:key>
                        <li>
                            <span class="mono">{key.clone()}</span>
                            {(words.backup_size)(store.storage().read_raw(&key).map_or(0, |t| t.len()))}
                            <button type="button" class="link-button" on:click={
                                let key = key.clone();
                                move |_| match store.storage().remove_raw(&key) {
                                    Ok(()) => backups.set(store.storage().backup_keys()),
                                    Err(e) => store.notices().toast(ToastKind::Error, e.to_string()),
                                }
                            }>{words.delete_backup}</button>
                        </li>
                    </For>
                </ul>
            </Show>
        </section>
        <Show when=move || confirm_reset.get()>
            <Dialog title=words.reset_title on_close=Callback::new(move |_| confirm_reset.set(false))>
                <p class="dialog-warning">{words.reset_warning}</p>
                <div class="dialog-footer">
                    <button type="button" class="button primary danger" on:click=move |_| {
                        store.send(Command::ResetDemo { lang: lang() });
                        confirm_reset.set(false);
                    }>{common.ok}</button>
                    <button type="button" class="button" on:click=move |_| confirm_reset.set(false)>{common.cancel}</button>
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
    view! { <p class="status-line">{t().settings.simulated_time} <strong>{move || clock::show(now.get())}</strong></p> }
}

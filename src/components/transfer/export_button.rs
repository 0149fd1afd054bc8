use console_core::{export_file_name, DomainError, ExportScope};
use leptos::prelude::*;

use super::download::{download, local_offset_minutes};
use crate::clock;
use crate::i18n::{say, t};
use crate::notices::ToastKind;
use crate::shell::on_demand;
use crate::state::use_store;

/// Downloads the selected region's `scope` as an export file (the API's JSON shape).
#[component]
pub fn ExportButton(
    scope: ExportScope,
    /// The button's text ("Export" in list toolbars).
    #[prop(into, default = t().common.export.to_string())]
    label: String,
) -> impl IntoView {
    let store = use_store();
    // The export's code is fetched with the Settings page (at once after the first paint).
    let export = move |_| {
        leptos::task::spawn_local(async move {
            let file = on_demand::exporter().await.and_then(|exporter| {
                store.untracked(|c| {
                    let text = exporter.export(c, scope, c.sim_now(clock::now()))?;
                    Ok((c.region().to_string(), text))
                })
            });
            let notices = store.notices();
            let Ok((region, text)) = file else {
                notices.toast(
                    ToastKind::Error,
                    say().domain_error(&DomainError::NotLoaded),
                );
                return;
            };
            let name = export_file_name(&region, scope, clock::now(), local_offset_minutes());
            if let Err(why) = download(&name, &text) {
                notices.toast(ToastKind::Error, why.to_string());
            }
        })
    };
    view! { <button type="button" class="button" on:click=export>{label}</button> }
}

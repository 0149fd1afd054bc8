use console_core::{export_file_name, ExportScope};
use leptos::prelude::*;

use super::download::{download, local_offset_minutes};
use crate::clock;
use crate::state::{use_store, ToastKind};

/// Downloads the selected region's `scope` as an export file (the API's JSON shape).
#[component]
pub fn ExportButton(
    scope: ExportScope,
    /// The button's text ("Export" in list toolbars).
    #[prop(into, default = "Export".to_string())]
    label: String,
) -> impl IntoView {
    let store = use_store();
    let export = move |_| {
        let (region, text) = store.peek(|c| {
            (
                c.region().to_string(),
                c.export(scope, c.sim_now(clock::now())),
            )
        });
        let name = export_file_name(&region, scope, clock::now(), local_offset_minutes());
        if let Err(why) = download(&name, &text) {
            store.toast(ToastKind::Error, why);
        }
    };
    view! { <button type="button" class="button" on:click=export>{label}</button> }
}

//! Model Deployment > Batch Services: the list, the Deploy page, the details page and their
//! dialogs.

mod config_form;
pub mod deploy;
pub mod details;
pub mod list;
pub mod modify_dialog;

use console_core::{BatchService, Command, ServiceAction, ServiceStatus};
use leptos::prelude::*;

use crate::components::service_dialogs::{DeleteDialog, ServiceKind, StopDialog};
use crate::components::status_badge::StatusBadge;
use crate::shell::on_demand::{self, show};
use crate::state::ConsoleStore;

/// One field of a followed service as text; empty once the service is gone.
pub fn service_text(
    service: Memo<Option<BatchService>>,
    field: fn(&BatchService) -> String,
) -> impl Fn() -> String + Copy + Send + Sync + 'static {
    move || service.with(|s| s.as_ref().map(field).unwrap_or_default())
}

/// The console text of a followed service's specifications, from the catalog.
pub fn flavor_text(
    store: ConsoleStore,
    service: Memo<Option<BatchService>>,
) -> impl Fn() -> String + Copy + Send + Sync + 'static {
    move || {
        let spec = service_text(service, |s| s.config().specification.clone())();
        store.track_ticks(|c| c.catalog().flavor_display(&spec).to_string())
    }
}

/// Shows a followed service's status badge (a vanished service reads as Deleting).
#[component]
pub fn ServiceBadge(
    service: Memo<Option<BatchService>>,
    /// Its status changes are announced (the details page's own service).
    #[prop(optional)]
    announce: bool,
) -> impl IntoView {
    view! {
        <StatusBadge
            announce=announce
            status=Signal::derive(move || service.with(|s| s.as_ref().map_or(ServiceStatus::Deleting, |s| s.status)))
            progress=Signal::derive(move || service.with(|s| s.as_ref().map_or(0, |s| s.progress)))
        />
    }
}

/// Which dialog is open over a Batch Services page.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum OpenDialog {
    Delete(Vec<String>),
    Modify(String),
    Stop(String),
}

/// What a row or details-page operation does once the core has allowed it: Start at once,
/// the others after their dialog.
pub fn run_operation(
    store: ConsoleStore,
    action: ServiceAction,
    service_id: String,
    dialog: RwSignal<Option<OpenDialog>>,
) {
    match action {
        ServiceAction::Start => {
            store.send(Command::Start { service_id });
        }
        ServiceAction::Stop => dialog.set(Some(OpenDialog::Stop(service_id))),
        ServiceAction::Delete => dialog.set(Some(OpenDialog::Delete(vec![service_id]))),
        ServiceAction::Modify => dialog.set(Some(OpenDialog::Modify(service_id))),
        ServiceAction::Restart => {}
    }
}

/// The dialog currently open over a page, if any. Emits `on_deleted` after a deletion.
#[component]
pub fn ServiceDialogs(
    dialog: RwSignal<Option<OpenDialog>>,
    #[prop(optional)] on_deleted: Option<Callback<()>>,
) -> impl IntoView {
    let close = Callback::new(move |_| dialog.set(None));
    move || {
        match dialog.get() {
        Some(OpenDialog::Delete(ids)) => {
            view! { <DeleteDialog kind=ServiceKind::Batch service_ids=ids on_close=close on_deleted=on_deleted /> }.into_any()
        }
        // Loaded on demand, with the forms it shares with Deploy (shell/on_demand.rs).
        Some(OpenDialog::Modify(id)) => show!(dialog crate::i18n::t().batch.modify_service, close => on_demand::modify_dialog; id, close),
        Some(OpenDialog::Stop(id)) => view! { <StopDialog kind=ServiceKind::Batch service_id=id on_close=close /> }.into_any(),
        None => ().into_any(),
    }
    }
}

//! Model Deployment > Real-Time Services: the list, the Deploy and Modify pages (one form),
//! the details page with its tabs, and their dialogs.

pub mod deploy;
pub mod details;
mod form;
pub mod list;
mod logs;
pub mod modify;
mod monitoring;
mod prediction;
mod updates;
mod usage;

use console_core::{Command, RealTimeService, RealTimeStatus, ServiceAction, ServiceStatus};
use leptos::prelude::*;

use crate::components::service_dialogs::{DeleteDialog, ServiceKind, StopDialog};
use crate::i18n::t;
use crate::route::{Route, Router};
use crate::state::ConsoleStore;

/// The operations of a real-time service, in the Operation column's order (Prediction and
/// Modify, then More: Start, Stop, Delete).
pub const MORE: [ServiceAction; 3] = [
    ServiceAction::Start,
    ServiceAction::Stop,
    ServiceAction::Delete,
];

/// Which dialog is open over a Real-Time Services page.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum OpenDialog {
    Delete(Vec<String>),
    Stop(String),
}

/// What an operation does once the core has allowed it: Start at once, Stop and Delete after
/// their dialog, Modify on its page.
pub fn run_operation(
    store: ConsoleStore,
    router: Router,
    action: ServiceAction,
    service_id: String,
    dialog: RwSignal<Option<OpenDialog>>,
) {
    match action {
        ServiceAction::Start => store.send(Command::StartRealTime { service_id }),
        ServiceAction::Stop => dialog.set(Some(OpenDialog::Stop(service_id))),
        ServiceAction::Delete => dialog.set(Some(OpenDialog::Delete(vec![service_id]))),
        // After the click's handler: the page that asked goes away with the route.
        ServiceAction::Modify => {
            queue_microtask(move || router.push(Route::ModifyRealTime(service_id)))
        }
        ServiceAction::Restart => {}
    }
}

/// The dialog open over a page, if any. Emits `on_deleted` after a deletion.
#[component]
pub fn RealTimeDialogs(
    dialog: RwSignal<Option<OpenDialog>>,
    #[prop(optional)] on_deleted: Option<Callback<()>>,
) -> impl IntoView {
    let close = Callback::new(move |_| dialog.set(None));
    move || {
        match dialog.get() {
        Some(OpenDialog::Delete(ids)) => view! {
            <DeleteDialog kind=ServiceKind::RealTime service_ids=ids on_close=close on_deleted=on_deleted />
        }
        .into_any(),
        Some(OpenDialog::Stop(id)) => {
            view! { <StopDialog kind=ServiceKind::RealTime service_id=id on_close=close /> }
                .into_any()
        }
        None => ().into_any(),
    }
    }
}

/// `Model version (ratio%)` for each version, e.g. `0.0.1 (90%), 0.0.2 (10%)`.
pub fn versions_text(s: &RealTimeService) -> String {
    let versions: Vec<String> = s
        .config
        .iter()
        .map(|c| format!("{} ({}%)", c.model_version, c.weight))
        .collect();
    versions.join(t().common.list_separator)
}

/// A followed service's status (a vanished one reads as Deleting) and progress.
pub fn status_of(service: Memo<Option<RealTimeService>>) -> (Signal<RealTimeStatus>, Signal<u8>) {
    (
        Signal::derive(move || {
            RealTimeStatus(
                service.with(|s| s.as_ref().map_or(ServiceStatus::Deleting, |s| s.status)),
            )
        }),
        Signal::derive(move || service.with(|s| s.as_ref().map_or(0, |s| s.progress))),
    )
}

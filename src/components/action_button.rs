use console_core::ServiceAction;
use leptos::prelude::*;

use crate::i18n::say;
use crate::notices::ToastKind;
use crate::state::use_store;

/// An operation guarded by the core, for any resource. When the core refuses it, the button
/// is marked disabled and carries the core's reason as its tooltip; a click then shows that
/// reason instead of acting. Emits `on_allowed` when the operation may proceed.
#[component]
pub fn GuardedButton(
    #[prop(into)] label: String,
    reason: Signal<Option<String>>,
    on_allowed: Callback<()>,
    /// Defaults to a link-style button (rows); details pages pass `button`.
    #[prop(optional, into)]
    class: Option<String>,
) -> impl IntoView {
    let store = use_store();
    view! {
        <button
            type="button"
            class=class.unwrap_or_else(|| "link-button".into())
            aria-disabled=move || reason.with(|r| r.is_some()).then_some("true")
            title=move || reason.get()
            on:click=move |_| match reason.get_untracked() {
                Some(why) => store.notices().toast(ToastKind::Error, why),
                None => on_allowed.run(()),
            }
        >
            {label}
        </button>
    }
}

/// Shows one operation on one service (see [`GuardedButton`]). Emits `on_allowed` with the
/// service id when the action may proceed.
#[component]
pub fn ActionButton(
    #[prop(into)] service_id: String,
    action: ServiceAction,
    on_allowed: Callback<String>,
    /// Defaults to a link-style button (rows); the details page passes `button`.
    #[prop(optional, into)]
    class: Option<String>,
    /// The core's reason, when the caller already follows it (a list row asks once for all
    /// its operations); otherwise the button asks the core itself.
    #[prop(optional, into)]
    reason: Option<Signal<Option<String>>>,
) -> impl IntoView {
    let store = use_store();
    let id = service_id.clone();
    let reason = reason.unwrap_or_else(|| {
        Memo::new(move |_| {
            store.track_ticks(|c| c.check(&id, action).err().map(|e| say().error_reason(&e)))
        })
        .into()
    });
    view! {
        <GuardedButton
            label=say().service_action(action)
            reason=reason
            class=class.unwrap_or_else(|| "link-button".into())
            on_allowed=Callback::new(move |_| on_allowed.run(service_id.clone()))
        />
    }
}

//! Dedicated Resource Pools: the list with its two tabs, the Create page, a pool's details,
//! the Scale page and the Delete dialog. Every rule is the core's; these views ask it.

pub mod create;
pub mod delete_dialog;
pub mod details;
pub mod list;
pub mod scale;

use console_core::{Pool, PoolAction, PoolPhase};
use leptos::prelude::*;

use crate::components::action_button::GuardedButton;
use crate::components::status_badge::StatusBadge;
use crate::i18n::say;
use crate::state::{use_store, ConsoleStore};

/// Follows one pool of the selected region (`None` once it is gone).
pub fn follow_pool(store: ConsoleStore, pool_id: String) -> Memo<Option<Pool>> {
    Memo::new(move |_| store.track_ticks(|c| c.pool(&pool_id).cloned()))
}

/// One field of a followed pool as text; empty once the pool is gone.
pub fn pool_text(
    pool: Memo<Option<Pool>>,
    field: fn(&Pool) -> String,
) -> impl Fn() -> String + Copy + Send + Sync + 'static {
    move || pool.with(|p| p.as_ref().map(field).unwrap_or_default())
}

/// A followed pool's status, with progress while Creating or Scaling (a vanished pool reads
/// as Deleting).
#[component]
pub fn PoolBadge(pool: Memo<Option<Pool>>) -> impl IntoView {
    let store = use_store();
    view! {
        <StatusBadge
            announce=true
            status=Signal::derive(move || pool.with(|p| p.as_ref().map_or(PoolPhase::Deleting, |p| p.phase())))
            progress=Signal::derive(move || {
                let now = store.ticking_now();
                pool.with(|p| p.as_ref().map_or(0, |p| p.progress(now)))
            })
        />
    }
}

/// One operation on one pool, guarded by the core (see [`GuardedButton`]). Emits
/// `on_allowed` with the pool id when the operation may proceed.
#[component]
pub fn PoolActionButton(
    #[prop(into)] pool_id: String,
    action: PoolAction,
    on_allowed: Callback<String>,
    #[prop(optional, into)] class: Option<String>,
    /// The core's reason, when the caller already follows it (a list row's view holds its
    /// operations' reasons); otherwise the button asks the core itself.
    #[prop(optional, into)]
    reason: Option<Signal<Option<String>>>,
) -> impl IntoView {
    let store = use_store();
    let id = pool_id.clone();
    let reason = reason.unwrap_or_else(|| {
        Memo::new(move |_| {
            store.track_ticks(|c| {
                c.check_pool(&id, action)
                    .err()
                    .map(|e| say().error_reason(&e))
            })
        })
        .into()
    });
    view! {
        <GuardedButton
            label=say().pool_action(action)
            reason=reason
            class=class.unwrap_or_else(|| "link-button".into())
            on_allowed=Callback::new(move |_| on_allowed.run(pool_id.clone()))
        />
    }
}

/// The console's text for a flavor id.
pub fn flavor_display(store: ConsoleStore, flavor: &str) -> String {
    store.track_ticks(|c| c.catalog().flavor_display(flavor).to_string())
}

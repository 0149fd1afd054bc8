use console_core::pool::DELETE_CONFIRMATION;
use console_core::{Command, Console};
use leptos::prelude::*;

use crate::components::dialog::{confirm_action, Dialog};
use crate::i18n::t;
use crate::route::Route;
use crate::state::use_store;

/// Asks to confirm deleting a pool: what becomes unavailable, that it cannot be restored, the
/// services deployed on it (which fail); OK only once DELETE is typed. Emits `on_deleted`
/// once the core has accepted the deletion, `on_close` always.
#[component]
pub fn DeletePoolDialog(
    pool_id: String,
    on_close: Callback<()>,
    #[prop(optional)] on_deleted: Option<Callback<()>>,
) -> impl IntoView {
    let store = use_store();
    let plan = store.untracked(|c| c.plan_pool_delete(&pool_id));
    let typed = RwSignal::new(String::new());
    let error = RwSignal::new(None::<String>);
    let confirmed = move || typed.with(|t| Console::delete_confirmed(t));
    let id = StoredValue::new(pool_id);
    let action = confirm_action(store, error, on_close, on_deleted);
    let confirm = move |_| {
        action.dispatch_local(Command::DeletePool {
            pool_id: id.get_value(),
            confirmation: typed.get_untracked(),
        });
    };
    let services = plan.services.clone();
    let real_time = plan.real_time_services.clone();
    let words = &t().pools;
    let common = &t().common;
    view! {
        <Dialog title=words.delete_title on_close=on_close>
            <p>{words.delete_ask} <strong>{plan.pool_name.clone()}</strong> {words.delete_ask_end}</p>
            <p class="dialog-warning">{words.delete_warning}</p>
            {if services.is_empty() {
                view! { <p>{words.no_batch_on_pool}</p> }.into_any()
            } else {
                view! {
                    <p>{words.batch_will_fail}</p>
                    <ul class="dialog-list" aria-label=words.batch_will_fail_list>
                        {services.into_iter().map(|(id, name)| view! {
                            <li><a href=Route::ServiceDetails(id).href()>{name}</a></li>
                        }).collect_view()}
                    </ul>
                }.into_any()
            }}
            {(!real_time.is_empty()).then(|| view! {
                <p>{words.real_time_will_fail}</p>
                <ul class="dialog-list" aria-label=words.real_time_will_fail_list>
                    {real_time.into_iter().map(|(id, name)| view! {
                        <li><a href=Route::RealTimeDetails(id, Default::default()).href()>{name}</a></li>
                    }).collect_view()}
                </ul>
            })}
            <div class="form">
                <div class="field">
                    <label class="field-label" for="delete-pool-confirm">{(words.confirm_typing)(DELETE_CONFIRMATION)}</label>
                    <input
                        id="delete-pool-confirm"
                        type="text"
                        autocomplete="off"
                        prop:value=move || typed.get()
                        on:input=move |ev| typed.set(event_target_value(&ev))
                    />
                </div>
            </div>
            <Show when=move || error.with(|e| e.is_some())>
                <p class="form-error" role="alert">{move || error.get()}</p>
            </Show>
            <div class="dialog-footer">
                <button type="button" class="button primary danger" disabled=move || !confirmed() || action.pending().get() on:click=confirm>{common.ok}</button>
                <button type="button" class="button" on:click=move |_| on_close.run(())>{common.cancel}</button>
            </div>
        </Dialog>
    }
}

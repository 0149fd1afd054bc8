//! Modify a real-time service (from its row or its details page): the Deploy form pre-filled.
//! The description, Auto Stop and the traffic ratios apply at once; anything else opens the
//! upgrade dialog, which lists every change old -> new and says which upgrade it is, with the
//! seed's table of hitless rolling-upgrade scenarios and the scenario that applies marked.

use console_core::catalog::ModelSource;
use console_core::realtime::upgrade::{hitless_supported, TABLE_SOURCES};
use console_core::realtime::VersionChange;
use console_core::validation::{Field, MAX_DESCRIPTION_CHARS};
use console_core::{Command, DeploymentLocation, RealTimeUpdate, ServiceAction, UpgradeKind};
use leptos::prelude::*;

use super::form::{AutoStopField, RealTimeForm, VersionsField};
use crate::components::dialog::Dialog;
use crate::components::form::{ErrorSummary, FormCheck, TextAreaField};
use crate::components::page_header::{Crumb, PageHeader};
use crate::i18n::{lang, say, t};
use crate::route::{use_router, Route};
use crate::state::use_store;

/// The Modify page of a real-time service.
#[component]
pub fn RealTimeModifyPage(service_id: String) -> impl IntoView {
    let store = use_store();
    let start = store.untracked(|c| c.real_time_service(&service_id).cloned());
    let list_href = Route::RealTimeServices(Default::default()).href();
    let Some(service) = start else {
        let (words, shell) = (&t().real_time, &t().shell);
        let modify = say().service_action(ServiceAction::Modify);
        return view! {
            <PageHeader
                crumbs=vec![Crumb::link(shell.model_deployment, "#/real-time-services"), Crumb::link(shell.real_time_services, "#/real-time-services"), Crumb::here(modify)]
                title=modify.to_string()
            />
            <section class="panel empty-state">
                <p>{words.the_service} <span class="mono">{service_id}</span> {words.not_in_region}</p>
                <a href=list_href>{words.back_to_list}</a>
            </section>
        }
        .into_any();
    };
    view! { <ModifyForm service=service /> }.into_any()
}

#[component]
fn ModifyForm(service: console_core::RealTimeService) -> impl IntoView {
    let store = use_store();
    let router = use_router();
    let id = StoredValue::new(service.service_id.clone());
    let form = RealTimeForm::for_service(&service);
    let update = Memo::new(move |_| RealTimeUpdate {
        description: form.description.get(),
        auto_stop: form.auto_stop(),
        versions: form.version_inputs(),
    });
    let check = FormCheck::new(move || {
        update.with(|u| store.track_ticks(|c| c.validate_real_time_modify(&id.get_value(), u)))
    });
    let refusal = Memo::new(move |_| {
        store.track_ticks(|c| {
            c.check_real_time(&id.get_value(), ServiceAction::Modify)
                .err()
                .map(|e| say().domain_error(&e))
        })
    });
    let general_error = RwSignal::new(None::<String>);
    let upgrade = RwSignal::new(None::<(UpgradeKind, Vec<VersionChange>)>);
    // A plain value: the command's result may arrive after this page is gone.
    let service_id = service.service_id.clone();
    let details = move || Route::RealTimeDetails(service_id.clone(), Default::default());
    let modify = store.command_action({
        let details = details.clone();
        move |result| match result {
            Ok(_) => {
                let route = details();
                queue_microtask(move || router.push(route))
            }
            Err(e) => {
                upgrade.try_set(None);
                general_error.try_set(Some(say().domain_error(&e)));
            }
        }
    });
    let send = move || {
        modify.dispatch_local(Command::ModifyRealTime {
            service_id: id.get_value(),
            update: update.get_untracked(),
        });
    };
    let submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let valid = check.submit();
        general_error.set(refusal.get_untracked());
        if !valid || refusal.get_untracked().is_some() {
            return;
        }
        let (kind, changes) = store.untracked(|c| {
            let u = update.get_untracked();
            (
                c.upgrade_kind(&id.get_value(), &u),
                c.real_time_changes(&id.get_value(), &u),
            )
        });
        if kind.asks_first() {
            upgrade.set(Some((kind, changes)));
        } else {
            send();
        }
    };
    let name = service.service_name.clone();
    let pool = store.untracked(|c| c.location_label(&service.location, lang()));
    let dedicated = matches!(service.location, DeploymentLocation::DedicatedPool { .. });
    let source = store
        .untracked(|c| {
            c.catalog()
                .model(&service.config[0].model_id)
                .map(|m| m.source)
        })
        .unwrap_or(ModelSource::Obs);
    let (words, common, shell) = (&t().real_time, &t().common, &t().shell);
    let websocket = if service.websocket {
        words.on
    } else {
        words.off
    };
    let crumbs = vec![
        Crumb::link(shell.model_deployment, "#/real-time-services"),
        Crumb::link(shell.real_time_services, "#/real-time-services"),
        Crumb::link(&name, &details.clone()().href()),
        Crumb::here(say().service_action(ServiceAction::Modify)),
    ];
    view! {
        <PageHeader crumbs=crumbs title=(words.modify_title)(&name) />
        <form class="form deploy-form" novalidate on:submit=submit>
            <section class="panel form-section" aria-labelledby="modify-basic">
                <h2 id="modify-basic">{words.basic_information}</h2>
                <div class="field"><span class="field-label">{common.name}</span><p>{name.clone()}</p></div>
                <TextAreaField field=Field::Description value=form.description check=check max_chars=MAX_DESCRIPTION_CHARS />
                <AutoStopField form=form check=check />
            </section>
            <section class="panel form-section" aria-labelledby="modify-parameters">
                <h2 id="modify-parameters">{words.service_parameters}</h2>
                <div class="field"><span class="field-label">{say().field(Field::ResourcePool)}</span><p>{pool}</p></div>
                <crate::components::form::FieldMessage field=Field::ResourcePool message=check.message(Field::ResourcePool) />
                <VersionsField form=form check=check store=store fixed_model=true />
                <div class="field"><span class="field-label">{say().field(Field::WebSocket)}</span><p>{websocket}{words.websocket_fixed}</p></div>
            </section>
            <div class="form-footer panel">
                <ErrorSummary check=check />
                <Show when=move || general_error.with(|e| e.is_some())>
                    <p class="form-error" role="alert">{move || general_error.get()}</p>
                </Show>
                <div class="form-footer-row">
                    <a class="button" href=details.clone()().href()>{common.cancel}</a>
                    <button type="submit" class="button primary">{common.submit}</button>
                </div>
            </div>
        </form>
        {move || upgrade.get().map(|(kind, changes)| view! {
            <UpgradeDialog
                kind=kind
                changes=changes
                source=source
                dedicated=dedicated
                pending=Signal::derive(move || modify.pending().get())
                on_confirm=Callback::new(move |_| send())
                on_close=Callback::new(move |_| upgrade.set(None))
            />
        })}
    }
}

/// Asks to confirm an upgrade: every change old -> new, which upgrade it is, and the seed's
/// table with the scenario that applies marked. Cancel changes nothing.
#[component]
fn UpgradeDialog(
    kind: UpgradeKind,
    changes: Vec<VersionChange>,
    /// The service's model source and pool: the table's cell that applies.
    source: ModelSource,
    dedicated: bool,
    #[prop(into)] pending: Signal<bool>,
    on_confirm: Callback<()>,
    on_close: Callback<()>,
) -> impl IntoView {
    let (words, common) = (&t().real_time, &t().common);
    let hitless = kind == UpgradeKind::Hitless;
    let applies =
        move |row: ModelSource, on_dedicated: bool| row == source && on_dedicated == dedicated;
    let cell = move |source: ModelSource, on_dedicated: bool| {
        let text = if hitless_supported(source, on_dedicated) {
            words.supported
        } else {
            words.not_supported
        };
        let marked = applies(source, on_dedicated);
        view! {
            <td class:applies=marked aria-current=marked.then_some("true")>
                {text}
                {marked.then(|| view! { <span class="applies-mark">{words.this_upgrade}</span> })}
            </td>
        }
    };
    view! {
        <Dialog title=words.upgrade_service on_close=on_close>
            <p>{words.changes_intro}</p>
            <ul class="dialog-list" aria-label=words.changes>
                {changes.iter().map(|c| view! { <li>{say().version_change(c)}</li> }).collect_view()}
            </ul>
            <p class=if hitless { "upgrade-kind hitless" } else { "upgrade-kind dialog-warning" } role="status">{say().upgrade_kind(kind)}</p>
            <div class="table-scroll">
                <table class="table upgrade-table" aria-label=words.scenarios>
                    <thead>
                        <tr>
                            <th>{words.meta_model_source}</th>
                            <th>{words.public_pool}</th>
                            <th>{words.dedicated_pool}</th>
                        </tr>
                    </thead>
                    <tbody>
                        {TABLE_SOURCES.into_iter().map(|source| view! {
                            <tr>
                                <th scope="row">{say().model_source(source)}</th>
                                {cell(source, false)}
                                {cell(source, true)}
                            </tr>
                        }).collect_view()}
                    </tbody>
                </table>
            </div>
            <div class="dialog-footer">
                <button type="button" class="button primary" disabled=move || pending.get() on:click=move |_| on_confirm.run(())>{common.ok}</button>
                <button type="button" class="button" on:click=move |_| on_close.run(())>{common.cancel}</button>
            </div>
        </Dialog>
    }
}

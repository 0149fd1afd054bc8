//! Model Deployment > Real-Time Services > Deploy: every field of RULES.md, checked by the
//! core as the user leaves each one, a live price, the account limit, and a confirmation
//! before anything is created.

use console_core::realtime::{MAX_REAL_TIME_SERVICES, RETRY_INTERVAL, WAITING_RETRIES};
use console_core::validation::{Field, MAX_DESCRIPTION_CHARS};
use console_core::{format, Command, RealTimeRequest, ServiceStatus, MINUTE};
use leptos::prelude::*;

use super::form::{AutoStopField, RealTimeForm, VersionsField};
use crate::components::dialog::Dialog;
use crate::components::form::{
    CheckboxField, ErrorSummary, FormCheck, SelectField, TextAreaField, TextField,
};
use crate::components::page_header::{Crumb, PageHeader};
use crate::i18n::{lang, say, t};
use crate::route::{use_router, Route};
use crate::state::use_store;

/// The Deploy page. Emits a Deploy command on confirmation and opens the list.
#[component]
pub fn RealTimeDeployPage() -> impl IntoView {
    let store = use_store();
    let router = use_router();
    let form = RealTimeForm::for_deploy(store);
    let request = Memo::new(move |_| RealTimeRequest {
        service_name: form.name.get(),
        description: form.description.get(),
        auto_stop: form.auto_stop(),
        location: form.location.get(),
        versions: form.version_inputs(),
        websocket: form.websocket.get(),
    });
    let check = FormCheck::new(move || {
        request.with(|r| store.track_ticks(|c| c.validate_real_time_deploy(r)))
    });
    let price =
        Memo::new(move |_| request.with(|r| store.track_ticks(|c| c.real_time_price(&r.versions))));
    let pools = Signal::derive(move || store.track_ticks(|c| c.resource_pool_choices(lang())));
    let offers_websocket = Memo::new(move |_| {
        form.model_id
            .with(|model| store.track_ticks(|c| c.offers_websocket(model)))
    });
    // Another model that is not offered WebSocket switches it off.
    Effect::new(move |_| {
        if !offers_websocket.get() {
            form.websocket.set(false);
        }
    });
    let general_error = RwSignal::new(None::<String>);
    let confirming = RwSignal::new(false);
    let next = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let valid = check.submit();
        let quota = store
            .untracked(|c| c.check_real_time_quota())
            .err()
            .map(|e| say().domain_error(&e));
        general_error.set(quota.clone());
        if valid && quota.is_none() {
            confirming.set(true);
        }
    };
    let deploy = store.command_action(move |result| match result {
        Ok(_) => router.push(Route::RealTimeServices(Default::default())),
        Err(e) => {
            confirming.try_set(false);
            general_error.try_set(Some(say().domain_error(&e)));
        }
    });
    let submit = move |_| {
        deploy.dispatch_local(Command::DeployRealTime(request.get_untracked()));
    };
    let (words, common, shell) = (&t().real_time, &t().common, &t().shell);
    view! {
        <PageHeader
            crumbs=vec![
                Crumb::link(shell.model_deployment, "#/real-time-services"),
                Crumb::link(shell.real_time_services, "#/real-time-services"),
                Crumb::here(words.deploy),
            ]
            title=words.deploy.to_string()
        />
        <form class="form deploy-form" novalidate on:submit=next>
            <section class="panel form-section" aria-labelledby="deploy-basic">
                <h2 id="deploy-basic">{words.basic_information}</h2>
                <TextField
                    field=Field::Name
                    value=form.name
                    check=check
                    hint=words.name_hint
                />
                <TextAreaField field=Field::Description value=form.description check=check max_chars=MAX_DESCRIPTION_CHARS />
                <AutoStopField form=form check=check />
            </section>
            <section class="panel form-section" aria-labelledby="deploy-parameters">
                <h2 id="deploy-parameters">{words.service_parameters}</h2>
                <SelectField field=Field::ResourcePool value=form.location options=pools check=check />
                <VersionsField form=form check=check store=store />
                <Show when=move || offers_websocket.get()>
                    <CheckboxField
                        label=say().field(Field::WebSocket)
                        value=form.websocket
                        hint=words.websocket_hint
                    />
                </Show>
                <crate::components::form::FieldMessage field=Field::WebSocket message=check.message(Field::WebSocket) />
            </section>
            <div class="form-footer panel">
                <ErrorSummary check=check />
                <Show when=move || general_error.with(|e| e.is_some())>
                    <p class="form-error" role="alert">{move || general_error.get()}</p>
                </Show>
                <div class="form-footer-row">
                    <p class="price-line" aria-live="polite">
                        {words.price_label}
                        <strong>{move || price.get().map_or_else(|| words.price_pending.to_string(), |p| (words.per_hour)(&format::usd(p)))}</strong>
                        <span class="muted">{(words.account_limit)(MAX_REAL_TIME_SERVICES)}</span>
                    </p>
                    <a class="button" href=Route::RealTimeServices(Default::default()).href()>{common.cancel}</a>
                    <button type="submit" class="button primary">{common.next}</button>
                </div>
            </div>
        </form>
        <Show when=move || confirming.get()>
            <Dialog title=words.confirm_deployment on_close=Callback::new(move |_| confirming.set(false))>
                <DeploySummary request=request price=price />
                <Show when=move || general_error.with(|e| e.is_some())>
                    <p class="form-error" role="alert">{move || general_error.get()}</p>
                </Show>
                <div class="dialog-footer">
                    <button type="button" class="button primary" disabled=move || deploy.pending().get() on:click=submit>{common.submit}</button>
                    <button type="button" class="button" on:click=move |_| confirming.set(false)>{t().common.back}</button>
                </div>
            </Dialog>
        </Show>
    }
}

/// What will be deployed, and its price, before it is.
#[component]
fn DeploySummary(request: Memo<RealTimeRequest>, price: Memo<Option<f64>>) -> impl IntoView {
    let store = use_store();
    let words = &t().real_time;
    let rows = move || {
        request.with(|r| {
            store.track_ticks(|c| {
                let catalog = c.catalog();
                let model = r
                    .versions
                    .first()
                    .and_then(|v| catalog.model(&v.model_id))
                    .map_or("-".to_string(), |m| m.model_name.clone());
                let mut rows = vec![
                    (
                        t().common.name.to_string(),
                        r.service_name.trim().to_string(),
                    ),
                    (
                        say().field(Field::AutoStop).into(),
                        r.auto_stop
                            .hours()
                            .map_or(words.off.into(), |h| say().auto_stop(h)),
                    ),
                    (
                        say().field(Field::ResourcePool).into(),
                        c.location_label(&r.location, lang()),
                    ),
                    (words.model.into(), model),
                ];
                for (i, v) in r.versions.iter().enumerate() {
                    rows.push((
                        (words.model_version_n)(i + 1),
                        (words.version_summary)(
                            &v.model_version,
                            v.weight.unwrap_or(0),
                            catalog.flavor_display(&v.specification),
                            v.instance_count.unwrap_or(0),
                            v.timeout.unwrap_or(0),
                        ),
                    ));
                }
                rows.push((
                    say().field(Field::WebSocket).into(),
                    if r.websocket { words.on } else { words.off }.into(),
                ));
                rows.push((
                    t().common.price.into(),
                    price
                        .get()
                        .map_or("-".into(), |p| (words.per_hour)(&format::usd(p))),
                ));
                rows
            })
        })
    };
    let waits = move || {
        request
            .with(|r| store.track_ticks(|c| c.real_time_deploy_status(r) == ServiceStatus::Waiting))
    };
    view! {
        <p>{move || if waits() {
            (words.waiting_note)(WAITING_RETRIES, RETRY_INTERVAL / MINUTE)
        } else {
            words.deploying_note.to_string()
        }}</p>
        <dl class="summary-list">
            {move || rows().into_iter().map(|(k, v)| view! { <div class="summary-row"><dt>{k}</dt><dd>{v}</dd></div> }).collect_view()}
        </dl>
    }
}

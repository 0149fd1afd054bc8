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
    let pools = Signal::derive(move || store.track_ticks(|c| c.resource_pool_choices()));
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
            .map(|e| e.to_string());
        general_error.set(quota.clone());
        if valid && quota.is_none() {
            confirming.set(true);
        }
    };
    let deploy = store.command_action(move |result| match result {
        Ok(_) => router.push(Route::RealTimeServices(Default::default())),
        Err(e) => {
            confirming.try_set(false);
            general_error.try_set(Some(e.to_string()));
        }
    });
    let submit = move |_| {
        deploy.dispatch_local(Command::DeployRealTime(request.get_untracked()));
    };
    view! {
        <PageHeader
            crumbs=vec![
                Crumb::link("Model Deployment", "#/real-time-services"),
                Crumb::link("Real-Time Services", "#/real-time-services"),
                Crumb::here("Deploy"),
            ]
            title="Deploy".to_string()
        />
        <form class="form deploy-form" novalidate on:submit=next>
            <section class="panel form-section" aria-labelledby="deploy-basic">
                <h2 id="deploy-basic">"Basic Information"</h2>
                <TextField
                    field=Field::Name
                    value=form.name
                    check=check
                    hint="1 to 64 characters, starting with a letter: letters, digits, hyphens (-) and underscores (_)."
                />
                <TextAreaField field=Field::Description value=form.description check=check max_chars=MAX_DESCRIPTION_CHARS />
                <AutoStopField form=form check=check />
            </section>
            <section class="panel form-section" aria-labelledby="deploy-parameters">
                <h2 id="deploy-parameters">"Service Parameters"</h2>
                <SelectField field=Field::ResourcePool value=form.location options=pools check=check />
                <VersionsField form=form check=check store=store />
                <Show when=move || offers_websocket.get()>
                    <CheckboxField
                        label="WebSocket"
                        value=form.websocket
                        hint="Calls over a WebSocket connection, for models from a container image. It cannot be changed after deployment."
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
                        "Price: "
                        <strong>{move || price.get().map_or_else(|| "choose specifications and compute nodes".to_string(), |p| format!("{}/hour while running", format::usd(p)))}</strong>
                        <span class="muted">{format!(" · At most {MAX_REAL_TIME_SERVICES} real-time services per account.")}</span>
                    </p>
                    <a class="button" href=Route::RealTimeServices(Default::default()).href()>"Cancel"</a>
                    <button type="submit" class="button primary">"Next"</button>
                </div>
            </div>
        </form>
        <Show when=move || confirming.get()>
            <Dialog title="Confirm Deployment" on_close=Callback::new(move |_| confirming.set(false))>
                <DeploySummary request=request price=price />
                <Show when=move || general_error.with(|e| e.is_some())>
                    <p class="form-error" role="alert">{move || general_error.get()}</p>
                </Show>
                <div class="dialog-footer">
                    <button type="button" class="button primary" disabled=move || deploy.pending().get() on:click=submit>"Submit"</button>
                    <button type="button" class="button" on:click=move |_| confirming.set(false)>"Back"</button>
                </div>
            </Dialog>
        </Show>
    }
}

/// What will be deployed, and its price, before it is.
#[component]
fn DeploySummary(request: Memo<RealTimeRequest>, price: Memo<Option<f64>>) -> impl IntoView {
    let store = use_store();
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
                    ("Name".to_string(), r.service_name.trim().to_string()),
                    (
                        "Auto Stop".into(),
                        r.auto_stop
                            .hours()
                            .map_or("Off".into(), console_core::realtime::AutoStopChoice::label),
                    ),
                    ("Resource Pool".into(), c.location_label(&r.location)),
                    ("Model".into(), model),
                ];
                for (i, v) in r.versions.iter().enumerate() {
                    rows.push((
                        format!("Model Version {}", i + 1),
                        format!(
                            "{}: {}% of traffic, {} x {}, timeout {} min",
                            v.model_version,
                            v.weight.unwrap_or(0),
                            catalog.flavor_display(&v.specification),
                            v.instance_count.unwrap_or(0),
                            v.timeout.unwrap_or(0)
                        ),
                    ));
                }
                rows.push((
                    "WebSocket".into(),
                    if r.websocket {
                        "On".into()
                    } else {
                        "Off".into()
                    },
                ));
                rows.push((
                    "Price".into(),
                    price.get().map_or("-".into(), |p| {
                        format!("{}/hour while running", format::usd(p))
                    }),
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
            format!(
                "The dedicated resource pool has too few free nodes now: the service is created Waiting for resources, retried {WAITING_RETRIES} times {} minutes apart, and fails if the nodes are still not free. It is billed only while it runs.",
                RETRY_INTERVAL / MINUTE
            )
        } else {
            "The service is created in the Deploying state, answers calls once it runs, and is billed only while it runs.".to_string()
        }}</p>
        <dl class="summary-list">
            {move || rows().into_iter().map(|(k, v)| view! { <div class="summary-row"><dt>{k}</dt><dd>{v}</dd></div> }).collect_view()}
        </dl>
    }
}

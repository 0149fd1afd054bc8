//! Model Deployment > Batch Services > Deploy: every field of a batch service, checked by the
//! core as the user leaves each one, a live price, and a confirmation before anything is
//! created.

use console_core::service::deploy::MAX_BATCH_SERVICES;
use console_core::validation::{Field, MAX_DESCRIPTION_CHARS, MAX_INSTANCE_COUNT};
use console_core::{
    format, Choice, Command, ConfigInput, DeployRequest, DeploymentLocation, MappingType,
    ServiceQuery,
};
use leptos::prelude::*;

use super::config_form::{ConfigForm, CsvColumn};
use crate::components::dialog::Dialog;
use crate::components::form::{
    ErrorSummary, FormCheck, KeyValueList, NumberField, SelectField, TextAreaField, TextField,
};
use crate::components::page_header::{Crumb, PageHeader};
use crate::i18n::{lang, say, t};
use crate::route::{use_router, Route};
use crate::state::{use_store, ConsoleStore};

/// What the Deploy form holds, as typed.
#[derive(Clone, Copy)]
struct DeployForm {
    name: RwSignal<String>,
    description: RwSignal<String>,
    config: ConfigForm,
    location: RwSignal<DeploymentLocation>,
}

impl DeployForm {
    fn new(store: ConsoleStore) -> DeployForm {
        let (name, config) = store.untracked(|c| {
            let model_id = c
                .catalog()
                .models
                .first()
                .map(|m| m.model_id.clone())
                .unwrap_or_default();
            let config = ConfigInput {
                model_version: c.default_version(&model_id),
                model_id,
                req_uri: "/".into(),
                specification: c.default_flavor(),
                instance_count: Some(1),
                ..ConfigInput::default()
            };
            (c.suggested_service_name(), config)
        });
        DeployForm {
            name: RwSignal::new(name),
            description: RwSignal::new(String::new()),
            config: ConfigForm::new(&config),
            location: RwSignal::new(DeploymentLocation::PublicPool),
        }
    }

    /// The request the form stands for (tracked: validation and price follow it).
    fn request(&self, input_fields: &[String]) -> DeployRequest {
        DeployRequest {
            service_name: self.name.get(),
            description: self.description.get(),
            config: self.config.input(input_fields),
            location: self.location.get(),
        }
    }
}

/// The Deploy page. Emits a Deploy command on confirmation and returns to the list.
#[component]
pub fn DeployPage() -> impl IntoView {
    let store = use_store();
    let router = use_router();
    let (words, common, shell) = (&t().batch, &t().common, &t().shell);
    let form = DeployForm::new(store);
    let input_fields = Memo::new(move |_| {
        let model = form.config.model_id.get();
        store.track_ticks(|c| {
            c.catalog()
                .model(&model)
                .map(|m| m.input_fields.clone())
                .unwrap_or_default()
        })
    });
    let request = Memo::new(move |_| form.request(&input_fields.get()));
    let check =
        FormCheck::new(move || request.with(|r| store.track_ticks(|c| c.validate_deploy(r))));
    let price =
        Memo::new(move |_| request.with(|r| store.track_ticks(|c| c.price_per_hour(&r.config))));
    let general_error = RwSignal::new(None::<String>);
    let confirming = RwSignal::new(false);

    // A new model brings its first deployable version.
    Effect::new(move |previous: Option<String>| {
        let model = form.config.model_id.get();
        if previous.is_some_and(|p| p != model) {
            form.config
                .model_version
                .set(store.untracked(|c| c.default_version(&model)));
        }
        model
    });

    let models = Signal::derive(move || store.track_ticks(|c| c.model_choices()));
    let versions = Signal::derive(move || {
        let model = form.config.model_id.get();
        store.track_ticks(|c| c.version_choices(&model, lang()))
    });
    let flavors = Signal::derive(move || store.track_ticks(|c| c.flavor_choices(lang())));
    let locations = Signal::derive(move || store.track_ticks(|c| c.location_choices(lang())));
    let mappings = Signal::derive(|| {
        MappingType::ALL
            .into_iter()
            .map(|m| Choice::enabled(m, m.api_value()))
            .collect::<Vec<_>>()
    });

    let next = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let valid = check.submit();
        let quota = store
            .untracked(|c| c.check_service_quota())
            .err()
            .map(|e| say().domain_error(&e));
        general_error.set(quota.clone());
        if valid && quota.is_none() {
            confirming.set(true);
        }
    };
    let deploy = store.command_action(move |result| match result {
        Ok(_) => router.push(Route::BatchServices(ServiceQuery::default())),
        Err(e) => {
            confirming.try_set(false);
            general_error.try_set(Some(say().domain_error(&e)));
        }
    });
    let submit = move |_| {
        deploy.dispatch_local(Command::Deploy(request.get_untracked()));
    };
    let list_href = Route::BatchServices(ServiceQuery::default()).href();

    view! {
        <PageHeader
            crumbs=vec![
                Crumb::link(shell.model_deployment, "#/batch-services"),
                Crumb::link(shell.batch_services, "#/batch-services"),
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
            </section>
            <section class="panel form-section" aria-labelledby="deploy-parameters">
                <h2 id="deploy-parameters">{words.service_parameters}</h2>
                <fieldset class="field-group">
                    <legend class="field-label">{say().field(Field::ModelVersion)}</legend>
                    <div class="field-row">
                        <SelectField field=Field::ModelVersion label=words.model value=form.config.model_id options=models check=check quiet=true />
                        <SelectField field=Field::ModelVersion label=words.version value=form.config.model_version options=versions check=check />
                    </div>
                </fieldset>
                <TextField field=Field::InputPath value=form.config.src_path check=check placeholder="obs://bucket/dir/" hint=words.input_path_hint />
                <TextField field=Field::RequestPath value=form.config.req_uri check=check hint=words.request_path_hint />
                <SelectField field=Field::MappingType value=form.config.mapping_type options=mappings check=check />
                <Show when=move || form.config.mapping_type.get() == MappingType::Csv>
                    <div class="csv-columns" role="group" aria-label=words.csv_mapping>
                        <For each=move || input_fields.get() key=|f| f.clone() let:input_field>
                            <CsvColumn input_field=input_field columns=form.config.columns check=check />
                        </For>
                    </div>
                </Show>
                <TextField field=Field::OutputPath value=form.config.dest_path check=check placeholder="obs://bucket/dir/" hint=words.output_path_hint />
                <SelectField field=Field::Specifications value=form.config.specification options=flavors check=check />
                <NumberField
                    field=Field::ComputeNodes
                    value=form.config.instance_count
                    check=check
                    min=1
                    max=MAX_INSTANCE_COUNT
                    hint=(words.compute_nodes_hint)(MAX_INSTANCE_COUNT)
                />
                <KeyValueList field=Field::EnvironmentVariables rows=form.config.envs check=check />
                <SelectField field=Field::DeploymentLocation value=form.location options=locations check=check />
            </section>
            <div class="form-footer panel">
                <ErrorSummary check=check />
                <Show when=move || general_error.with(|e| e.is_some())>
                    <p class="form-error" role="alert">{move || general_error.get()}</p>
                </Show>
                <div class="form-footer-row">
                    <p class="price-line" aria-live="polite">
                        {words.price_line}
                        <strong>{move || price.get().map_or_else(|| words.price_unset.to_string(), |p| (words.per_hour_running)(&format::usd(p)))}</strong>
                        <span class="muted">{(words.quota_note)(&format::thousands(MAX_BATCH_SERVICES as u64))}</span>
                    </p>
                    <a class="button" href=list_href>{common.cancel}</a>
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
fn DeploySummary(request: Memo<DeployRequest>, price: Memo<Option<f64>>) -> impl IntoView {
    let store = use_store();
    let (words, common) = (&t().batch, &t().common);
    let field = |f| say().field(f);
    let rows = move || {
        request.with(|r| {
            store.track_ticks(|c| {
                let model = c
                    .catalog()
                    .model(&r.config.model_id)
                    .map_or("-".to_string(), |m| m.model_name.clone());
                let envs: Vec<String> = r
                    .config
                    .env_rows()
                    .into_iter()
                    .map(|(k, v)| format!("{k}={v}"))
                    .collect();
                vec![
                    (common.name, r.service_name.trim().to_string()),
                    (
                        common.description,
                        if r.description.is_empty() {
                            "-".into()
                        } else {
                            r.description.clone()
                        },
                    ),
                    (
                        field(Field::ModelVersion),
                        format!("{model} {}", r.config.model_version),
                    ),
                    (
                        field(Field::InputPath),
                        r.config.src_path.trim().to_string(),
                    ),
                    (
                        field(Field::RequestPath),
                        r.config.req_uri.trim().to_string(),
                    ),
                    (
                        field(Field::MappingType),
                        r.config.mapping_type.api_value().to_string(),
                    ),
                    (
                        field(Field::OutputPath),
                        r.config.dest_path.trim().to_string(),
                    ),
                    (
                        field(Field::Specifications),
                        c.catalog()
                            .flavor_display(&r.config.specification)
                            .to_string(),
                    ),
                    (
                        field(Field::ComputeNodes),
                        r.config
                            .instance_count
                            .map_or("-".into(), |n| n.to_string()),
                    ),
                    (
                        field(Field::EnvironmentVariables),
                        if envs.is_empty() {
                            "-".into()
                        } else {
                            envs.join(", ")
                        },
                    ),
                    (
                        field(Field::DeploymentLocation),
                        c.location_label(&r.location, lang()),
                    ),
                    (
                        t().common.price,
                        price
                            .get()
                            .map_or("-".into(), |p| (words.per_hour_running)(&format::usd(p))),
                    ),
                ]
            })
        })
    };
    view! {
        <p>{words.deploy_summary}</p>
        <dl class="summary-list">
            {move || rows().into_iter().map(|(k, v)| view! { <div class="summary-row"><dt>{k}</dt><dd>{v}</dd></div> }).collect_view()}
        </dl>
    }
}

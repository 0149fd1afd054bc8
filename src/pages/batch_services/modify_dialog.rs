use std::collections::BTreeMap;

use console_core::console::ServiceUpdate;
use console_core::validation::Field;
use console_core::{DomainError, ServiceConfig};
use leptos::prelude::*;

use super::OpenDialog;
use crate::components::dialog::Dialog;
use crate::state::{use_store, ConsoleStore, ToastKind};

/// The form: what Modify may change. Validation is the core's; this only collects input.
#[derive(Clone, Copy)]
struct Form {
    description: RwSignal<String>,
    model_version: RwSignal<String>,
    specification: RwSignal<String>,
    instance_count: RwSignal<String>,
    src_path: RwSignal<String>,
    dest_path: RwSignal<String>,
    req_uri: RwSignal<String>,
    envs: RwSignal<Vec<(u32, RwSignal<String>, RwSignal<String>)>>,
    env_seq: RwSignal<u32>,
}

impl Form {
    fn new(description: &str, config: &ServiceConfig) -> Form {
        let envs: Vec<_> = config
            .envs
            .iter()
            .enumerate()
            .map(|(i, (k, v))| (i as u32, RwSignal::new(k.clone()), RwSignal::new(v.clone())))
            .collect();
        Form {
            description: RwSignal::new(description.to_string()),
            model_version: RwSignal::new(config.model_version.clone()),
            specification: RwSignal::new(config.specification.clone()),
            instance_count: RwSignal::new(config.instance_count.to_string()),
            src_path: RwSignal::new(config.src_path.clone()),
            dest_path: RwSignal::new(config.dest_path.clone()),
            req_uri: RwSignal::new(config.req_uri.clone()),
            env_seq: RwSignal::new(envs.len() as u32),
            envs: RwSignal::new(envs),
        }
    }

    fn update(&self, base: &ServiceConfig) -> ServiceUpdate {
        let envs: BTreeMap<String, String> = self
            .envs
            .get_untracked()
            .iter()
            .map(|(_, k, v)| (k.get_untracked().trim().to_string(), v.get_untracked()))
            .collect();
        ServiceUpdate {
            description: self.description.get_untracked(),
            config: ServiceConfig {
                model_version: self.model_version.get_untracked(),
                specification: self.specification.get_untracked(),
                // Anything that is not a number is sent as 0 for the core to refuse with its message.
                instance_count: self.instance_count.get_untracked().trim().parse().unwrap_or(0),
                envs,
                src_path: self.src_path.get_untracked().trim().to_string(),
                dest_path: self.dest_path.get_untracked().trim().to_string(),
                req_uri: self.req_uri.get_untracked().trim().to_string(),
                ..base.clone()
            },
        }
    }
}

/// Modifies a service's description, model version, specifications, compute nodes, paths and
/// environment variables. When the core says the change restarts a running service, a second
/// step says so before anything is submitted.
#[component]
pub fn ModifyDialog(service_id: String, dialog: RwSignal<Option<OpenDialog>>) -> impl IntoView {
    let store = use_store();
    let Some(service) = store.peek(|c| c.service(&service_id).cloned()) else {
        dialog.set(None);
        return ().into_any();
    };
    let base = service.config().clone();
    let form = Form::new(&service.description, &base);
    let errors = RwSignal::new(Vec::<(Field, String)>::new());
    let general_error = RwSignal::new(None::<String>);
    let confirming_restart = RwSignal::new(false);
    let close = Callback::new(move |_| dialog.set(None));
    let (catalog, region) = store.peek(|c| (c.catalog().clone(), c.region().to_string()));
    let versions = catalog.model(&base.model_id).map(|m| m.versions.clone()).unwrap_or_default();
    let flavors = catalog.flavors.clone();
    let id = StoredValue::new(service_id);
    let base = StoredValue::new(base);

    let submit = move |store: ConsoleStore, confirmed: bool| {
        let update = form.update(&base.get_value());
        let needs_restart = store.peek(|c| c.modify_needs_restart(&id.get_value(), &update));
        if needs_restart && !confirmed {
            // Validate first, so the restart question is only asked of a change that can be made.
            match store.peek(|c| c.check_modify(&id.get_value(), &update)) {
                Ok(_) => confirming_restart.set(true),
                Err(e) => show_error(e, errors, general_error),
            }
            return;
        }
        match store.act(|c, now| c.modify_service(&id.get_value(), update, now)) {
            Ok(event) => {
                store.toast(ToastKind::Success, format!("{}: {}", event.service_name, event.record.message));
                dialog.set(None);
            }
            Err(e) => {
                confirming_restart.set(false);
                show_error(e, errors, general_error);
            }
        }
    };

    let field_error = move |field: Field| {
        move || errors.get().into_iter().find(|(f, _)| *f == field).map(|(_, m)| m)
    };

    view! {
        <Dialog title="Modify Service" on_close=close>
            <Show
                when=move || confirming_restart.get()
                fallback=move || {
                    let versions = versions.clone();
                    let flavors = flavors.clone();
                    let region = region.clone();
                    view! {
                        <form class="form" on:submit=move |ev| { ev.prevent_default(); submit(store, false); }>
                            <TextArea label="Description" value=form.description error=Signal::derive(field_error(Field::Description)) />
                            <SelectField
                                label="Model Version"
                                value=form.model_version
                                options=versions.iter().map(|v| {
                                    let normal = v.state == console_core::catalog::ModelState::Normal;
                                    let text = if normal { v.model_version.clone() } else { format!("{} ({})", v.model_version, v.state.label()) };
                                    (v.model_version.clone(), text, !normal)
                                }).collect()
                                error=Signal::derive(field_error(Field::ModelVersion))
                            />
                            <SelectField
                                label="Specifications"
                                value=form.specification
                                options=flavors.iter().map(|f| {
                                    let sold_out = f.is_sold_out_in(&region);
                                    let text = if sold_out { format!("{} (Sold out)", f.display) } else { f.display.clone() };
                                    (f.id.clone(), text, sold_out)
                                }).collect()
                                error=Signal::derive(field_error(Field::Specifications))
                            />
                            <TextInput label="Compute Nodes" value=form.instance_count input_type="number" error=Signal::derive(field_error(Field::ComputeNodes)) />
                            <TextInput label="Input Path" value=form.src_path input_type="text" error=Signal::derive(field_error(Field::InputPath)) />
                            <TextInput label="Output Path" value=form.dest_path input_type="text" error=Signal::derive(field_error(Field::OutputPath)) />
                            <TextInput label="Request Path" value=form.req_uri input_type="text" error=Signal::derive(field_error(Field::RequestPath)) />
                            <fieldset class="field env-vars">
                                <legend class="field-label">"Environment Variables"</legend>
                                <For each=move || form.envs.get() key=|(n, _, _)| *n let:row>
                                    <div class="env-row">
                                        <input type="text" aria-label="Key" placeholder="Key" prop:value=move || row.1.get() on:input=move |ev| row.1.set(event_target_value(&ev)) />
                                        <input type="text" aria-label="Value" placeholder="Value" prop:value=move || row.2.get() on:input=move |ev| row.2.set(event_target_value(&ev)) />
                                        <button type="button" class="link-button" on:click=move |_| form.envs.update(|e| e.retain(|(n, _, _)| *n != row.0))>"Remove"</button>
                                    </div>
                                </For>
                                <button type="button" class="link-button" on:click=move |_| {
                                    let n = form.env_seq.get_untracked() + 1;
                                    form.env_seq.set(n);
                                    form.envs.update(|e| e.push((n, RwSignal::new(String::new()), RwSignal::new(String::new()))));
                                }>"Add Environment Variable"</button>
                                <FieldMessage error=Signal::derive(field_error(Field::EnvironmentVariables)) />
                            </fieldset>
                            <Show when=move || general_error.get().is_some()>
                                <p class="form-error" role="alert">{move || general_error.get()}</p>
                            </Show>
                            <div class="dialog-footer">
                                <button type="submit" class="button primary">"OK"</button>
                                <button type="button" class="button" on:click=move |_| close.run(())>"Cancel"</button>
                            </div>
                        </form>
                    }
                }
            >
                <p class="dialog-warning">
                    "The service will be restarted for the modification to take effect. It goes back to Deploying and processes its input again. Continue?"
                </p>
                <div class="dialog-footer">
                    <button type="button" class="button primary" on:click=move |_| submit(store, true)>"OK"</button>
                    <button type="button" class="button" on:click=move |_| confirming_restart.set(false)>"Cancel"</button>
                </div>
            </Show>
        </Dialog>
    }
    .into_any()
}

fn show_error(error: DomainError, errors: RwSignal<Vec<(Field, String)>>, general: RwSignal<Option<String>>) {
    match error {
        DomainError::Invalid(list) => {
            errors.set(list.into_iter().map(|e| (e.field, e.message)).collect());
            general.set(None);
        }
        other => {
            errors.set(Vec::new());
            general.set(Some(other.to_string()));
        }
    }
}

/// The message under a field, linked as its description.
#[component]
fn FieldMessage(#[prop(into)] error: Signal<Option<String>>) -> impl IntoView {
    view! {
        <Show when=move || error.get().is_some()>
            <span class="field-error" role="alert">{move || error.get()}</span>
        </Show>
    }
}

/// A labelled single-line input with its error message.
#[component]
fn TextInput(
    label: &'static str,
    value: RwSignal<String>,
    input_type: &'static str,
    #[prop(into)] error: Signal<Option<String>>,
) -> impl IntoView {
    view! {
        <label class="field">
            <span class="field-label">{label}</span>
            <input
                type=input_type
                aria-label=label
                aria-invalid=move || error.get().map(|_| "true")
                prop:value=move || value.get()
                on:input=move |ev| value.set(event_target_value(&ev))
            />
            <FieldMessage error=error />
        </label>
    }
}

/// A labelled choice; each option is (value, text, disabled), e.g. a sold-out flavor.
#[component]
fn SelectField(
    label: &'static str,
    value: RwSignal<String>,
    options: Vec<(String, String, bool)>,
    #[prop(into)] error: Signal<Option<String>>,
) -> impl IntoView {
    let current = value.get_untracked();
    view! {
        <label class="field">
            <span class="field-label">{label}</span>
            <select aria-label=label on:change=move |ev| value.set(event_target_value(&ev))>
                {options.into_iter().map(|(option, text, disabled)| {
                    let selected = option == current;
                    view! { <option value=option disabled=disabled selected=selected>{text}</option> }
                }).collect_view()}
            </select>
            <FieldMessage error=error />
        </label>
    }
}

/// A labelled multi-line input with its error message.
#[component]
fn TextArea(label: &'static str, value: RwSignal<String>, #[prop(into)] error: Signal<Option<String>>) -> impl IntoView {
    view! {
        <label class="field">
            <span class="field-label">{label}</span>
            <textarea
                aria-label=label
                rows="3"
                aria-invalid=move || error.get().map(|_| "true")
                prop:value=move || value.get()
                on:input=move |ev| value.set(event_target_value(&ev))
            ></textarea>
            <FieldMessage error=error />
        </label>
    }
}

//! Modify / upgrade a service: every field the console lets change. When the core says the
//! change restarts a running service, a second step lists what changes (old -> new) before
//! anything is submitted.

use console_core::validation::{Field, MAX_DESCRIPTION_CHARS, MAX_INSTANCE_COUNT};
use console_core::{Choice, Command, MappingType, ServiceUpdate};
use leptos::prelude::*;

use super::config_form::{ConfigForm, CsvColumn};
use crate::components::dialog::Dialog;
use crate::components::form::{
    ErrorSummary, FormCheck, KeyValueList, NumberField, SelectField, TextAreaField, TextField,
};
use crate::i18n::{lang, say, t};
use crate::state::use_store;

/// Modifies a service's description, model version, paths, mapping, specifications, compute
/// nodes and environment variables. Emits `on_close` when done or cancelled.
#[component]
pub fn ModifyDialog(service_id: String, on_close: Callback<()>) -> impl IntoView {
    let store = use_store();
    let (words, common) = (&t().batch, &t().common);
    let Some(initial) =
        store.untracked(|c| c.service(&service_id).map(ServiceUpdate::from_service))
    else {
        on_close.run(());
        return ().into_any();
    };
    // The model stays; its versions and everything else may change.
    let form = ConfigForm::new(&initial.config);
    let description = RwSignal::new(initial.description.clone());
    let id = StoredValue::new(service_id);
    let model_id = initial.config.model_id.clone();
    let input_fields = store.untracked(|c| {
        c.catalog()
            .model(&model_id)
            .map(|m| m.input_fields.clone())
            .unwrap_or_default()
    });
    let fields = StoredValue::new(input_fields.clone());
    let update = Memo::new(move |_| ServiceUpdate {
        description: description.get(),
        config: form.input(&fields.get_value()),
    });
    let check = FormCheck::new(move || {
        update.with(|u| store.track_ticks(|c| c.validate_modify(&id.get_value(), u)))
    });
    let general_error = RwSignal::new(None::<String>);
    let confirming_restart = RwSignal::new(false);
    let changes = Memo::new(move |_| {
        update.with(|u| store.track_ticks(|c| c.modify_changes(&id.get_value(), u, lang())))
    });

    let versions =
        Signal::derive(move || store.track_ticks(|c| c.version_choices(&model_id, lang())));
    let flavors = Signal::derive(move || store.track_ticks(|c| c.flavor_choices(lang())));
    let mappings = Signal::derive(|| {
        MappingType::ALL
            .into_iter()
            .map(|m| Choice::enabled(m, m.api_value()))
            .collect::<Vec<_>>()
    });

    let modify = store.command_action(move |result| match result {
        Ok(_) => {
            let _ = on_close.try_run(());
        }
        Err(e) => {
            confirming_restart.try_set(false);
            general_error.try_set(Some(say().domain_error(&e)));
        }
    });
    let apply = move || {
        modify.dispatch_local(Command::Modify {
            service_id: id.get_value(),
            update: update.get_untracked(),
        });
    };
    let submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        if !check.submit() {
            return;
        }
        // The action itself may be refused (the service started deploying meanwhile).
        if let Err(e) =
            store.untracked(|c| c.check(&id.get_value(), console_core::ServiceAction::Modify))
        {
            general_error.set(Some(say().domain_error(&e)));
            return;
        }
        if store.untracked(|c| c.modify_needs_restart(&id.get_value(), &update.get_untracked())) {
            confirming_restart.set(true);
        } else {
            apply();
        }
    };

    view! {
        <Dialog title=words.modify_service on_close=on_close>
            <Show
                when=move || confirming_restart.get()
                fallback=move || {
                    let fields = input_fields.clone();
                    view! {
                        <form class="form" novalidate on:submit=submit>
                            <TextAreaField field=Field::Description value=description check=check max_chars=MAX_DESCRIPTION_CHARS />
                            <SelectField field=Field::ModelVersion value=form.model_version options=versions check=check />
                            <TextField field=Field::InputPath value=form.src_path check=check />
                            <TextField field=Field::RequestPath value=form.req_uri check=check />
                            <SelectField field=Field::MappingType value=form.mapping_type options=mappings check=check />
                            <Show when=move || form.mapping_type.get() == MappingType::Csv>
                                <div class="csv-columns" role="group" aria-label=words.csv_mapping>
                                    {fields.clone().into_iter().map(|f| view! { <CsvColumn input_field=f columns=form.columns check=check /> }).collect_view()}
                                </div>
                            </Show>
                            <TextField field=Field::OutputPath value=form.dest_path check=check />
                            <SelectField field=Field::Specifications value=form.specification options=flavors check=check />
                            <NumberField field=Field::ComputeNodes value=form.instance_count check=check min=1 max=MAX_INSTANCE_COUNT />
                            <KeyValueList field=Field::EnvironmentVariables rows=form.envs check=check />
                            <ErrorSummary check=check />
                            <Show when=move || general_error.with(|e| e.is_some())>
                                <p class="form-error" role="alert">{move || general_error.get()}</p>
                            </Show>
                            <div class="dialog-footer">
                                <button type="submit" class="button primary" disabled=move || modify.pending().get()>{common.ok}</button>
                                <button type="button" class="button" on:click=move |_| on_close.run(())>{common.cancel}</button>
                            </div>
                        </form>
                    }
                }
            >
                <p class="dialog-warning">
                    {words.restart_warning}
                </p>
                <div class="table-scroll">
                    <table class="table changes-table" aria-label=words.changes>
                        <thead><tr><th>{words.parameter}</th><th>{words.current}</th><th>{words.new_value}</th></tr></thead>
                        <tbody>
                            {move || changes.get().into_iter().map(|c| view! {
                                <tr><td>{say().field(c.field)}</td><td>{c.old}</td><td>{c.new}</td></tr>
                            }).collect_view()}
                        </tbody>
                    </table>
                </div>
                <div class="dialog-footer">
                    <button type="button" class="button primary" disabled=move || modify.pending().get() on:click=move |_| apply()>{common.ok}</button>
                    <button type="button" class="button" on:click=move |_| confirming_restart.set(false)>{common.cancel}</button>
                </div>
            </Show>
        </Dialog>
    }
    .into_any()
}

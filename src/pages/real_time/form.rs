//! The real-time service form, shared by Deploy and Modify: the service's fields, then one
//! block per model version ("Add Model Version and Configuration" for a gray launch). What is
//! typed stays text; the core says what is wrong with it, beside each field.

use console_core::realtime::deploy::{AutoStopChoice, AUTO_STOP_PRESETS, TIMEOUT_MINUTES};
use console_core::validation::{Field, MAX_INSTANCE_COUNT};
use console_core::{Choice, Console, DeploymentLocation, RealTimeService, VersionInput};
use leptos::prelude::*;

use crate::components::form::{
    CheckboxField, FormCheck, KeyValueList, KvRow, NumberField, SelectField,
};
use crate::i18n::{lang, say, t};
use crate::state::ConsoleStore;

/// One model version's block, as typed.
#[derive(Clone, Copy)]
pub struct VersionRow {
    pub id: u32,
    pub model_version: RwSignal<String>,
    pub weight: RwSignal<String>,
    pub specification: RwSignal<String>,
    pub nodes: RwSignal<String>,
    pub envs: RwSignal<Vec<KvRow>>,
    pub timeout: RwSignal<String>,
}

impl VersionRow {
    fn new(id: u32, v: &VersionInput) -> VersionRow {
        let text = |n: Option<u32>| n.map_or_else(String::new, |n| n.to_string());
        VersionRow {
            id,
            model_version: RwSignal::new(v.model_version.clone()),
            weight: RwSignal::new(text(v.weight)),
            specification: RwSignal::new(v.specification.clone()),
            nodes: RwSignal::new(text(v.instance_count)),
            envs: RwSignal::new(KvRow::rows(v.envs.iter().map(|(k, v)| (k, v)))),
            timeout: RwSignal::new(text(v.timeout)),
        }
    }

    /// What the block holds, for the core (tracked).
    fn input(&self, model_id: &str) -> VersionInput {
        let number = |s: RwSignal<String>| s.with(|t| t.trim().parse().ok());
        VersionInput {
            model_id: model_id.to_string(),
            model_version: self.model_version.get(),
            weight: number(self.weight),
            specification: self.specification.get(),
            instance_count: number(self.nodes),
            envs: KvRow::pairs(&self.envs.get()),
            timeout: number(self.timeout),
        }
    }
}

/// The form's state, as typed.
#[derive(Clone, Copy)]
pub struct RealTimeForm {
    pub name: RwSignal<String>,
    pub description: RwSignal<String>,
    pub auto_stop_on: RwSignal<bool>,
    /// A preset's hours, or `None` for Custom.
    pub auto_stop_preset: RwSignal<Option<u32>>,
    pub auto_stop_custom: RwSignal<String>,
    pub location: RwSignal<DeploymentLocation>,
    pub model_id: RwSignal<String>,
    pub versions: RwSignal<Vec<VersionRow>>,
    pub websocket: RwSignal<bool>,
    next_id: StoredValue<u32>,
    /// The page's owner: a block's signals are created under it, so that they live as long as
    /// the form, not as the button or the block that added them.
    owner: StoredValue<Owner>,
}

impl RealTimeForm {
    /// The Deploy form as it opens: the first model, its first Normal version at 100%, one
    /// node, Auto Stop on "1 hour later".
    pub fn for_deploy(store: ConsoleStore) -> RealTimeForm {
        let (name, model_id, version) = store.untracked(|c| {
            let model_id = c
                .catalog()
                .models
                .first()
                .map(|m| m.model_id.clone())
                .unwrap_or_default();
            let version = VersionInput::new(
                &model_id,
                &c.default_version(&model_id),
                100,
                &c.default_flavor(),
            );
            (c.suggested_real_time_name(), model_id, version)
        });
        RealTimeForm::new(
            name,
            String::new(),
            AutoStopChoice::default(),
            DeploymentLocation::PublicPool,
            model_id,
            vec![version],
            false,
        )
    }

    /// The Modify form, pre-filled with the service as it is.
    pub fn for_service(s: &RealTimeService) -> RealTimeForm {
        let update = console_core::RealTimeUpdate::from_service(s);
        RealTimeForm::new(
            s.service_name.clone(),
            update.description,
            update.auto_stop,
            s.location.clone(),
            s.config[0].model_id.clone(),
            update.versions,
            s.websocket,
        )
    }

    fn new(
        name: String,
        description: String,
        auto_stop: AutoStopChoice,
        location: DeploymentLocation,
        model_id: String,
        versions: Vec<VersionInput>,
        websocket: bool,
    ) -> RealTimeForm {
        let (on, preset, custom) = match auto_stop {
            AutoStopChoice::Off => (false, Some(1), String::new()),
            AutoStopChoice::Preset(h) => (true, Some(h), String::new()),
            AutoStopChoice::Custom(h) => {
                (true, None, h.map_or_else(String::new, |h| h.to_string()))
            }
        };
        let rows: Vec<VersionRow> = versions
            .iter()
            .enumerate()
            .map(|(i, v)| VersionRow::new(i as u32 + 1, v))
            .collect();
        RealTimeForm {
            name: RwSignal::new(name),
            description: RwSignal::new(description),
            auto_stop_on: RwSignal::new(on),
            auto_stop_preset: RwSignal::new(preset),
            auto_stop_custom: RwSignal::new(custom),
            location: RwSignal::new(location),
            model_id: RwSignal::new(model_id),
            next_id: StoredValue::new(rows.len() as u32 + 1),
            versions: RwSignal::new(rows),
            websocket: RwSignal::new(websocket),
            owner: StoredValue::new(Owner::current().expect("a form is built inside its page")),
        }
    }

    /// New blocks for these versions, replacing all of them (numbered anew, so every block
    /// is built again with its position).
    fn set_versions(&self, inputs: &[VersionInput]) {
        let first = self.next_id.get_value();
        self.next_id.set_value(first + inputs.len() as u32);
        let rows = self.owner.with_value(|owner| owner.clone()).with(|| {
            inputs
                .iter()
                .enumerate()
                .map(|(i, v)| VersionRow::new(first + i as u32, v))
                .collect::<Vec<_>>()
        });
        self.versions.set(rows);
    }

    /// Removes a version's block.
    pub fn remove_version(&self, id: u32) {
        let model = self.model_id.get_untracked();
        let kept: Vec<VersionInput> = untrack(|| {
            self.versions
                .get()
                .iter()
                .filter(|r| r.id != id)
                .map(|r| r.input(&model))
                .collect()
        });
        self.set_versions(&kept);
    }

    /// Auto Stop as chosen (tracked).
    pub fn auto_stop(&self) -> AutoStopChoice {
        if !self.auto_stop_on.get() {
            return AutoStopChoice::Off;
        }
        match self.auto_stop_preset.get() {
            Some(h) => AutoStopChoice::Preset(h),
            None => AutoStopChoice::Custom(self.auto_stop_custom.with(|t| t.trim().parse().ok())),
        }
    }

    /// The versions as typed, for the core (tracked).
    pub fn version_inputs(&self) -> Vec<VersionInput> {
        let model = self.model_id.get();
        self.versions
            .get()
            .iter()
            .map(|row| row.input(&model))
            .collect()
    }

    /// Adds a block for the model's next Normal version not configured yet, with no traffic.
    pub fn add_version(&self, console: &Console) {
        let model = self.model_id.get_untracked();
        let used: Vec<String> = self.versions.with_untracked(|rows| {
            rows.iter()
                .map(|r| r.model_version.get_untracked())
                .collect()
        });
        let Some(next) = console.next_model_version(&model, &used) else {
            return;
        };
        let id = self.next_id.get_value();
        self.next_id.set_value(id + 1);
        let input = VersionInput::new(&model, &next, 0, &console.default_flavor());
        let row = self
            .owner
            .with_value(|owner| owner.clone())
            .with(|| VersionRow::new(id, &input));
        self.versions.update(|rows| rows.push(row));
    }

    /// Whether the model has another Normal version to add (tracked).
    pub fn can_add_version(&self, console: &Console) -> bool {
        let used: Vec<String> = self
            .versions
            .with(|rows| rows.iter().map(|r| r.model_version.get()).collect());
        self.model_id
            .with(|m| console.next_model_version(m, &used).is_some())
    }
}

/// Auto Stop: on by default ("1 hour later"), a preset or a custom number of hours.
#[component]
pub fn AutoStopField(form: RealTimeForm, check: FormCheck) -> impl IntoView {
    let words = &t().real_time;
    let presets = Signal::derive(move || {
        AUTO_STOP_PRESETS
            .iter()
            .map(|h| Choice::enabled(Some(*h), say().auto_stop(*h)))
            .chain(std::iter::once(Choice::enabled(None, words.custom)))
            .collect::<Vec<_>>()
    });
    view! {
        <fieldset class="field-group">
            <legend class="field-label">{say().field(Field::AutoStop)}</legend>
            <CheckboxField
                label=words.auto_stop_checkbox
                value=form.auto_stop_on
                hint=words.auto_stop_hint
            />
            <Show when=move || form.auto_stop_on.get()>
                <div class="field-row">
                    <SelectField field=Field::AutoStop label=words.stop_after value=form.auto_stop_preset options=presets check=check quiet=true />
                    <Show when=move || form.auto_stop_preset.get().is_none()>
                        <NumberField field=Field::AutoStop label=words.hours value=form.auto_stop_custom check=check min=1 max=24 hint=words.hours_hint />
                    </Show>
                </div>
            </Show>
            <Show when=move || !form.auto_stop_on.get() || form.auto_stop_preset.get().is_some()>
                <crate::components::form::FieldMessage field=Field::AutoStop message=check.message(Field::AutoStop) />
            </Show>
        </fieldset>
    }
}

/// The model and its versions' blocks, with "Add Model Version and Configuration".
#[component]
pub fn VersionsField(
    form: RealTimeForm,
    check: FormCheck,
    store: ConsoleStore,
    /// Modify keeps the model (every version is of the service's model).
    #[prop(optional)]
    fixed_model: bool,
) -> impl IntoView {
    let models = Signal::derive(move || store.track_ticks(|c| c.model_choices()));
    let source = move || {
        let model = form.model_id.get();
        store.track_ticks(|c| {
            c.catalog()
                .model(&model)
                .map_or("-", |m| say().model_source(m.source))
                .to_string()
        })
    };
    // A new model brings its first deployable version, and one block.
    Effect::new(move |previous: Option<String>| {
        let model = form.model_id.get();
        if previous.is_some_and(|p| p != model) {
            let (version, flavor) =
                store.untracked(|c| (c.default_version(&model), c.default_flavor()));
            form.set_versions(&[VersionInput::new(&model, &version, 100, &flavor)]);
        }
        model
    });
    let rows = move || {
        let rows = form.versions.get();
        rows.into_iter()
            .enumerate()
            .collect::<Vec<(usize, VersionRow)>>()
    };
    let model_name = move || {
        let model = form.model_id.get();
        store.track_ticks(|c| {
            c.catalog()
                .model(&model)
                .map_or_else(String::new, |m| m.model_name.clone())
        })
    };
    let words = &t().real_time;
    view! {
        <div class="field-row">
            {if fixed_model {
                view! {
                    <div class="field">
                        <span class="field-label">{words.model}</span>
                        <p>{model_name}</p>
                    </div>
                }.into_any()
            } else {
                view! { <SelectField field=Field::ModelVersion label=words.model value=form.model_id options=models check=check quiet=true /> }.into_any()
            }}
            <div class="field">
                <span class="field-label">{words.model_source}</span>
                <p class="model-source">{source}</p>
            </div>
        </div>
        <crate::components::form::FieldMessage field=Field::ModelVersions message=check.message(Field::ModelVersions) />
        <For each=rows key=|(i, row)| (*i, row.id) let:item>
            <VersionBlock index=item.0 row=item.1 form=form check=check store=store />
        </For>
        <crate::components::form::FieldMessage field=Field::TrafficRatio message=check.message(Field::TrafficRatio) />
        <Show when=move || store.track_ticks(|c| form.can_add_version(c))>
            <button type="button" class="button add-version" on:click=move |_| store.untracked(|c| form.add_version(c))>
                {words.add_version}
            </button>
        </Show>
    }
}

/// One model version's block.
#[component]
fn VersionBlock(
    index: usize,
    row: VersionRow,
    form: RealTimeForm,
    check: FormCheck,
    store: ConsoleStore,
) -> impl IntoView {
    let at = Some(index);
    let versions = Signal::derive(move || {
        let model = form.model_id.get();
        store.track_ticks(|c| c.version_choices(&model, lang()))
    });
    let flavors = Signal::derive(move || store.track_ticks(|c| c.flavor_choices(lang())));
    let (low, high, default) = TIMEOUT_MINUTES;
    let several = move || form.versions.with(|v| v.len() > 1);
    let words = &t().real_time;
    let title = (words.model_version_n)(index + 1);
    let remove_label = (words.remove_version_n)(index + 1);
    view! {
        <fieldset class="version-block" aria-label=title.clone()>
            <legend class="field-label">{title.clone()}</legend>
            <div class="field-row">
                <SelectField field=Field::ModelVersion label=words.version value=row.model_version options=versions check=check version=at />
                <NumberField field=Field::TrafficRatio value=row.weight check=check min=0 max=100 version=at hint=words.traffic_hint />
            </div>
            <div class="field-row">
                <SelectField field=Field::Specifications value=row.specification options=flavors check=check version=at />
                <NumberField field=Field::ComputeNodes value=row.nodes check=check min=1 max=MAX_INSTANCE_COUNT version=at hint=(words.nodes_hint)(MAX_INSTANCE_COUNT) />
                <NumberField field=Field::Timeout value=row.timeout check=check min=low max=high version=at hint=(words.timeout_hint)(low, high, default) />
            </div>
            <KeyValueList field=Field::EnvironmentVariables rows=row.envs check=check version=at />
            <Show when=several>
                <button
                    type="button"
                    class="link-button"
                    aria-label=remove_label.clone()
                    on:click=move |_| form.remove_version(row.id)
                >
                    {t().common.remove}
                </button>
            </Show>
        </fieldset>
    }
}

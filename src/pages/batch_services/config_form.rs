//! The `config` entry as both Deploy and Modify edit it: one signal per field, as typed, and
//! the [`ConfigInput`] the core validates.

use std::collections::BTreeMap;

use console_core::validation::Field;
use console_core::{ConfigInput, MappingType};
use leptos::prelude::*;

use crate::components::form::{FormCheck, KvRow};
use crate::i18n::t;

#[derive(Clone, Copy)]
pub struct ConfigForm {
    pub model_id: RwSignal<String>,
    pub model_version: RwSignal<String>,
    pub src_path: RwSignal<String>,
    pub req_uri: RwSignal<String>,
    pub mapping_type: RwSignal<MappingType>,
    /// CSV column per input field of the model, as typed.
    pub columns: RwSignal<BTreeMap<String, String>>,
    pub dest_path: RwSignal<String>,
    pub specification: RwSignal<String>,
    pub instance_count: RwSignal<String>,
    pub envs: RwSignal<Vec<KvRow>>,
}

impl ConfigForm {
    /// The form showing `input`.
    pub fn new(input: &ConfigInput) -> ConfigForm {
        ConfigForm {
            model_id: RwSignal::new(input.model_id.clone()),
            model_version: RwSignal::new(input.model_version.clone()),
            src_path: RwSignal::new(input.src_path.clone()),
            req_uri: RwSignal::new(input.req_uri.clone()),
            mapping_type: RwSignal::new(input.mapping_type),
            columns: RwSignal::new(
                input
                    .mapping_rule
                    .iter()
                    .map(|(f, i)| (f.clone(), i.map(|i| i.to_string()).unwrap_or_default()))
                    .collect(),
            ),
            dest_path: RwSignal::new(input.dest_path.clone()),
            specification: RwSignal::new(input.specification.clone()),
            instance_count: RwSignal::new(
                input
                    .instance_count
                    .map(|n| n.to_string())
                    .unwrap_or_default(),
            ),
            envs: RwSignal::new(KvRow::rows(input.envs.iter().map(|(k, v)| (k, v)))),
        }
    }

    /// What the form holds (tracked: validation and price follow it). `input_fields` are the
    /// model's, each asked a CSV column.
    pub fn input(&self, input_fields: &[String]) -> ConfigInput {
        let columns = self.columns.get();
        ConfigInput {
            model_id: self.model_id.get(),
            model_version: self.model_version.get(),
            src_path: self.src_path.get(),
            req_uri: self.req_uri.get(),
            mapping_type: self.mapping_type.get(),
            mapping_rule: input_fields
                .iter()
                .map(|f| {
                    (
                        f.clone(),
                        columns.get(f).and_then(|v| v.trim().parse().ok()),
                    )
                })
                .collect(),
            dest_path: self.dest_path.get(),
            specification: self.specification.get(),
            instance_count: self.instance_count.with(|n| n.trim().parse().ok()),
            envs: KvRow::pairs(&self.envs.get()),
        }
    }
}

/// The column index asked for one input field when the mapping is csv.
#[component]
pub fn CsvColumn(
    input_field: String,
    columns: RwSignal<BTreeMap<String, String>>,
    check: FormCheck,
) -> impl IntoView {
    let key = input_field.clone();
    let value = move || columns.with(|c| c.get(&key).cloned().unwrap_or_default());
    let set_key = input_field.clone();
    view! {
        <label class="csv-column">
            <span>{(t().batch.column_index)(&input_field)}</span>
            <input
                type="number"
                min="0"
                step="1"
                prop:value=value
                on:input=move |ev| {
                    let v = event_target_value(&ev);
                    columns.update(|c| {
                        c.insert(set_key.clone(), v);
                    });
                }
                on:blur=move |_| check.touch(Field::MappingType)
            />
        </label>
    }
}

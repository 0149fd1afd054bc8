use console_core::validation::Field;
use leptos::prelude::*;

use super::{input_id_at, message_id_at, FieldMessage, FormCheck};
use crate::i18n::{say, t};

/// One key/value row of the list.
#[derive(Clone, Copy)]
pub struct KvRow {
    pub id: u32,
    pub key: RwSignal<String>,
    pub value: RwSignal<String>,
}

impl KvRow {
    pub fn new(id: u32, key: &str, value: &str) -> KvRow {
        KvRow {
            id,
            key: RwSignal::new(key.to_string()),
            value: RwSignal::new(value.to_string()),
        }
    }

    /// Rows from pairs, numbered from 1.
    pub fn rows<'a>(pairs: impl IntoIterator<Item = (&'a String, &'a String)>) -> Vec<KvRow> {
        pairs
            .into_iter()
            .enumerate()
            .map(|(i, (k, v))| KvRow::new(i as u32 + 1, k, v))
            .collect()
    }

    /// What the rows hold, for the core.
    pub fn pairs(rows: &[KvRow]) -> Vec<(String, String)> {
        rows.iter().map(|r| (r.key.get(), r.value.get())).collect()
    }
}

/// Editable key/value rows (Environment Variables): add a row, remove any row.
#[component]
pub fn KeyValueList(
    field: Field,
    rows: RwSignal<Vec<KvRow>>,
    check: FormCheck,
    /// The model version (from 0) the list belongs to, on a real-time service's form.
    #[prop(optional_no_strip)]
    version: Option<usize>,
) -> impl IntoView {
    let message = check.message_at(version, field);
    let add = move |_| {
        let id = rows.with_untracked(|r| r.iter().map(|x| x.id).max().unwrap_or(0)) + 1;
        rows.update(|r| r.push(KvRow::new(id, "", "")));
    };
    let words = &t().common;
    view! {
        <fieldset
            class="field key-value-list"
            id=input_id_at(version, field)
            aria-invalid=move || message.with(|m| m.is_some()).then_some("true")
            aria-describedby=move || message.with(|m| m.is_some()).then(|| message_id_at(version, field))
        >
            <legend class="field-label">{say().field(field)}</legend>
            <For each=move || rows.get() key=|r| r.id let:row>
                <div class="kv-row">
                    <input
                        type="text"
                        aria-label=words.key
                        placeholder=words.key
                        prop:value=move || row.key.get()
                        on:input=move |ev| row.key.set(event_target_value(&ev))
                        on:blur=move |_| check.touch_at(version, field)
                    />
                    <input
                        type="text"
                        aria-label=words.value
                        placeholder=words.value
                        prop:value=move || row.value.get()
                        on:input=move |ev| row.value.set(event_target_value(&ev))
                    />
                    <button type="button" class="link-button" on:click=move |_| rows.update(|r| r.retain(|x| x.id != row.id))>
                        {words.remove}
                    </button>
                </div>
            </For>
            <button type="button" class="link-button add-row" on:click=add>{words.add_environment_variable}</button>
            <FieldMessage field=field message=message version=version />
        </fieldset>
    }
}

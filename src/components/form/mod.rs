//! Form fields wired to the core's validation. Each field takes its [`Field`] (the label and
//! the error both come from the core, so they always say the same name) and the form's
//! [`FormCheck`]; it marks itself `aria-invalid` and links its message with
//! `aria-describedby` when the core finds something wrong.

mod check;
mod key_value_list;
mod radio_field;
mod select_field;
mod summary;
mod text_fields;

pub use check::FormCheck;
pub use key_value_list::{KeyValueList, KvRow};
pub use radio_field::{CheckboxField, RadioField};
pub use select_field::SelectField;
pub use summary::ErrorSummary;
pub use text_fields::{NumberField, TextAreaField, TextField};

use console_core::validation::Field;
use leptos::prelude::*;

/// The id of a field's control, e.g. `field-compute-nodes`.
pub fn input_id(field: Field) -> String {
    input_id_at(None, field)
}

/// The id of a field's control of model version `version` (from 0), e.g.
/// `field-compute-nodes-2` for the second.
pub fn input_id_at(version: Option<usize>, field: Field) -> String {
    match version {
        None => format!("field-{}", field.slug()),
        Some(v) => format!("field-{}-{}", field.slug(), v + 1),
    }
}

/// The id of a field's error message.
pub fn message_id(field: Field) -> String {
    message_id_at(None, field)
}

fn message_id_at(version: Option<usize>, field: Field) -> String {
    format!("{}-message", input_id_at(version, field))
}

/// `aria-describedby` of a control: its hint, and its message while one is shown.
fn described_by(
    version: Option<usize>,
    field: Field,
    hint: bool,
    message: Signal<Option<String>>,
) -> impl Fn() -> Option<String> + Send + Sync + Copy {
    move || {
        let ids: Vec<String> = [
            hint.then(|| format!("{}-hint", input_id_at(version, field))),
            message
                .with(|m| m.is_some())
                .then(|| message_id_at(version, field)),
        ]
        .into_iter()
        .flatten()
        .collect();
        (!ids.is_empty()).then(|| ids.join(" "))
    }
}

/// The hint under a field, if it has one.
#[component]
fn Hint(
    field: Field,
    hint: Option<String>,
    #[prop(optional_no_strip)] version: Option<usize>,
) -> impl IntoView {
    hint.map(|text| {
        view! { <p class="field-hint" id=format!("{}-hint", input_id_at(version, field))>{text}</p> }
    })
}

/// The core's message for a field, shown beside it.
#[component]
pub fn FieldMessage(
    field: Field,
    #[prop(into)] message: Signal<Option<String>>,
    #[prop(optional_no_strip)] version: Option<usize>,
) -> impl IntoView {
    view! {
        <Show when=move || message.with(|m| m.is_some())>
            <p class="field-error" id=message_id_at(version, field)>{move || message.get()}</p>
        </Show>
    }
}

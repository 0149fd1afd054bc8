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
    format!("field-{}", field.slug())
}

/// The id of a field's error message.
pub fn message_id(field: Field) -> String {
    format!("field-{}-message", field.slug())
}

/// `aria-describedby` of a control: its hint, and its message while one is shown.
fn described_by(
    field: Field,
    hint: bool,
    message: Signal<Option<String>>,
) -> impl Fn() -> Option<String> + Send + Sync + Copy {
    move || {
        let ids: Vec<String> = [
            hint.then(|| format!("field-{}-hint", field.slug())),
            message.with(|m| m.is_some()).then(|| message_id(field)),
        ]
        .into_iter()
        .flatten()
        .collect();
        (!ids.is_empty()).then(|| ids.join(" "))
    }
}

/// The hint under a field, if it has one.
#[component]
fn Hint(field: Field, hint: Option<String>) -> impl IntoView {
    hint.map(
        |text| view! { <p class="field-hint" id=format!("field-{}-hint", field.slug())>{text}</p> },
    )
}

/// The core's message for a field, shown beside it.
#[component]
pub fn FieldMessage(field: Field, #[prop(into)] message: Signal<Option<String>>) -> impl IntoView {
    view! {
        <Show when=move || message.with(|m| m.is_some())>
            <p class="field-error" id=message_id(field)>{move || message.get()}</p>
        </Show>
    }
}

use console_core::validation::Field;
use leptos::prelude::*;

use super::{described_by, input_id_at, FieldMessage, FormCheck, Hint};
use crate::i18n::say;

/// A single-line text input for `field`. Emits each keystroke into `value`.
#[component]
pub fn TextField(
    field: Field,
    value: RwSignal<String>,
    check: FormCheck,
    #[prop(optional, into)] placeholder: Option<String>,
    #[prop(optional, into)] hint: Option<String>,
    /// The model version (from 0) the field belongs to, on a real-time service's form.
    #[prop(optional_no_strip)]
    version: Option<usize>,
) -> impl IntoView {
    let message = check.message_at(version, field);
    let describedby = described_by(version, field, hint.is_some(), message);
    view! {
        <div class="field">
            <label class="field-label" for=input_id_at(version, field)>{say().field(field)}</label>
            <input
                id=input_id_at(version, field)
                type="text"
                placeholder=placeholder
                aria-invalid=move || message.with(|m| m.is_some()).then_some("true")
                aria-describedby=describedby
                prop:value=move || value.get()
                on:input=move |ev| value.set(event_target_value(&ev))
                on:blur=move |_| check.touch_at(version, field)
            />
            <Hint field=field hint=hint version=version />
            <FieldMessage field=field message=message version=version />
        </div>
    }
}

/// A multi-line text input with a character count against `max_chars`.
#[component]
pub fn TextAreaField(
    field: Field,
    value: RwSignal<String>,
    check: FormCheck,
    max_chars: usize,
) -> impl IntoView {
    let message = check.message(field);
    let describedby = described_by(None, field, false, message);
    view! {
        <div class="field">
            <label class="field-label" for=input_id_at(None, field)>{say().field(field)}</label>
            <textarea
                id=input_id_at(None, field)
                rows="3"
                aria-invalid=move || message.with(|m| m.is_some()).then_some("true")
                aria-describedby=describedby
                prop:value=move || value.get()
                on:input=move |ev| value.set(event_target_value(&ev))
                on:blur=move |_| check.touch(field)
            ></textarea>
            <span class="field-count" aria-hidden="true">
                {move || format!("{}/{max_chars}", value.with(|v| v.chars().count()))}
            </span>
            <FieldMessage field=field message=message />
        </div>
    }
}

/// A whole-number input between `min` and `max`. The text is kept as typed; the core says
/// what is wrong with it. `max` and the hint may follow the state (what is left of a quota).
#[component]
pub fn NumberField(
    field: Field,
    value: RwSignal<String>,
    check: FormCheck,
    min: u32,
    #[prop(into)] max: Signal<u32>,
    #[prop(optional, into)] hint: MaybeProp<String>,
    /// The model version (from 0) the field belongs to, on a real-time service's form.
    #[prop(optional_no_strip)]
    version: Option<usize>,
    /// Another label than the field's name.
    #[prop(optional, into)]
    label: Option<String>,
) -> impl IntoView {
    let message = check.message_at(version, field);
    let has_hint = hint.get_untracked().is_some();
    let describedby = described_by(version, field, has_hint, message);
    let label = label.unwrap_or_else(|| say().field(field).to_string());
    view! {
        <div class="field">
            <label class="field-label" for=input_id_at(version, field)>{label}</label>
            <input
                id=input_id_at(version, field)
                class="number-input"
                type="number"
                min=min
                max=move || max.get()
                step="1"
                aria-invalid=move || message.with(|m| m.is_some()).then_some("true")
                aria-describedby=describedby
                prop:value=move || value.get()
                on:input=move |ev| value.set(event_target_value(&ev))
                on:blur=move |_| check.touch_at(version, field)
            />
            {has_hint.then(|| view! { <p class="field-hint" id=format!("{}-hint", input_id_at(version, field))>{move || hint.get()}</p> })}
            <FieldMessage field=field message=message version=version />
        </div>
    }
}

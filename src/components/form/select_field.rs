use console_core::validation::Field;
use console_core::Choice;
use leptos::prelude::*;

use super::{described_by, input_id_at, FieldMessage, FormCheck};
use crate::i18n::say;

/// A choice among the core's options for `field`; an option the core disables shows its
/// reason and cannot be picked. `label` overrides the field's name where one field has two
/// selects (Model and Version), and `quiet` leaves the message to the other one.
#[component]
pub fn SelectField<T>(
    field: Field,
    value: RwSignal<T>,
    #[prop(into)] options: Signal<Vec<Choice<T>>>,
    check: FormCheck,
    #[prop(optional, into)] label: Option<String>,
    #[prop(optional)] quiet: bool,
    /// The model version (from 0) the field belongs to, on a real-time service's form.
    #[prop(optional_no_strip)]
    version: Option<usize>,
) -> impl IntoView
where
    T: Clone + PartialEq + Send + Sync + 'static,
{
    let message = if quiet {
        Signal::derive(|| None)
    } else {
        check.message_at(version, field)
    };
    let describedby = described_by(version, field, false, message);
    let id = match &label {
        Some(l) => format!(
            "{}-{}",
            input_id_at(version, field),
            l.to_ascii_lowercase().replace(' ', "-")
        ),
        None => input_id_at(version, field),
    };
    let label = label.unwrap_or_else(|| say().field(field).to_string());
    let choose = move |index: String| {
        let picked = index
            .parse::<usize>()
            .ok()
            .and_then(|i| options.with_untracked(|o| o.get(i).cloned()));
        if let Some(choice) = picked.filter(|c| c.disabled.is_none()) {
            value.set(choice.value);
        }
    };
    view! {
        <div class="field">
            <label class="field-label" for=id.clone()>{label}</label>
            <select
                id=id
                aria-invalid=move || message.with(|m| m.is_some()).then_some("true")
                aria-describedby=describedby
                on:change=move |ev| choose(event_target_value(&ev))
                on:blur=move |_| check.touch_at(version, field)
            >
                {move || {
                    options
                        .get()
                        .into_iter()
                        .enumerate()
                        .map(|(i, choice)| {
                            let this = choice.value.clone();
                            view! {
                                <option
                                    value=i.to_string()
                                    disabled=choice.disabled.is_some()
                                    title=choice.disabled.clone()
                                    prop:selected=move || value.with(|v| *v == this)
                                >
                                    {choice.text}
                                </option>
                            }
                        })
                        .collect_view()
                }}
            </select>
            <FieldMessage field=field message=message version=version />
        </div>
    }
}

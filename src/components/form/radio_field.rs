use console_core::validation::Field;
use console_core::Choice;
use leptos::prelude::*;

use super::{input_id, message_id, FieldMessage, FormCheck};
use crate::i18n::{say, t};

/// A choice among a few of the core's options shown side by side (Billing Mode). An option
/// the core disables stays visible with its reason beside the group, as the console does.
#[component]
pub fn RadioField<T>(
    field: Field,
    value: RwSignal<T>,
    #[prop(into)] options: Signal<Vec<Choice<T>>>,
    check: FormCheck,
) -> impl IntoView
where
    T: Clone + PartialEq + Send + Sync + 'static,
{
    let message = check.message(field);
    let labelled = t().common.labelled;
    let reasons = Memo::new(move |_| {
        options.with(|o| {
            o.iter()
                .filter_map(|c| c.disabled.as_ref().map(|why| labelled(&c.text, why)))
                .collect::<Vec<_>>()
        })
    });
    let group = input_id(field);
    let radio_name = group.clone();
    view! {
        <fieldset
            class="field radio-field"
            id=group.clone()
            aria-invalid=move || message.with(|m| m.is_some()).then_some("true")
            aria-describedby=move || message.with(|m| m.is_some()).then(|| message_id(field))
        >
            <legend class="field-label">{say().field(field)}</legend>
            <div class="radio-row">
                {move || {
                    options
                        .get()
                        .into_iter()
                        .map(|choice| {
                            let this = choice.value.clone();
                            let pick = choice.value.clone();
                            let disabled = choice.disabled.is_some();
                            view! {
                                <label class="radio-option" class:disabled=disabled title=choice.disabled.clone()>
                                    <input
                                        type="radio"
                                        name=radio_name.clone()
                                        disabled=disabled
                                        prop:checked=move || value.with(|v| *v == this)
                                        on:change=move |_| {
                                            value.set(pick.clone());
                                            check.touch(field);
                                        }
                                    />
                                    {choice.text}
                                </label>
                            }
                        })
                        .collect_view()
                }}
            </div>
            <For each=move || reasons.get() key=|r| r.clone() let:reason>
                <p class="field-hint">{reason}</p>
            </For>
            <FieldMessage field=field message=message />
        </fieldset>
    }
}

/// A checkbox that switches part of a form on or off (Custom Network Configuration,
/// Auto-renew).
#[component]
pub fn CheckboxField(
    #[prop(into)] label: String,
    value: RwSignal<bool>,
    #[prop(optional, into)] hint: Option<String>,
) -> impl IntoView {
    view! {
        <div class="field">
            <label class="checkbox-line">
                <input type="checkbox" prop:checked=move || value.get() on:change=move |ev| value.set(event_target_checked(&ev)) />
                {label}
            </label>
            {hint.map(|h| view! { <p class="field-hint">{h}</p> })}
        </div>
    }
}

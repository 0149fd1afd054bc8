//! Prediction: a JSON request pre-filled from the model's input parameters, Predict, and the
//! answer with the version that answered and the latency. Refused with the core's reason
//! when the service does not answer calls.

use console_core::realtime::{check_request_body, sample_request, Answer};
use console_core::validation::Field;
use console_core::{Command, Outcome, RealTimeService};
use leptos::prelude::*;

use crate::components::form::{input_id, message_id, FieldMessage};
use crate::i18n::{say, t};
use crate::state::use_store;

#[component]
pub fn Prediction(service: Memo<Option<RealTimeService>>) -> impl IntoView {
    let store = use_store();
    let id =
        service.with_untracked(|s| s.as_ref().map(|s| s.service_id.clone()).unwrap_or_default());
    let body = RwSignal::new(service.with_untracked(|s| {
        s.as_ref()
            .map(|s| store.untracked(|c| sample_request(c.catalog(), &s.config[0].model_id)))
            .unwrap_or_default()
    }));
    let refusal = Memo::new({
        let id = id.clone();
        move |_| store.track_ticks(|c| c.check_predict(&id).err().map(|e| say().error_reason(&e)))
    });
    let body_error = RwSignal::new(None::<String>);
    let answer = RwSignal::new(None::<Answer>);
    let predict = store.command_action(move |result| match result {
        Ok(Outcome::Predicted { answer: a, .. }) => {
            answer.try_set(Some(a));
        }
        Ok(_) => {}
        Err(e) => {
            body_error.try_set(Some(say().error_reason(&e)));
        }
    });
    let id = StoredValue::new(id);
    let send = move |_| {
        let text = body.get_untracked();
        if let Err(violation) = check_request_body(&text) {
            body_error.set(Some(say().violation(&violation)));
            return;
        }
        body_error.set(None);
        predict.dispatch_local(Command::Predict {
            service_id: id.get_value(),
            body: text,
        });
    };
    let words = &t().real_time;
    view! {
        <Show when=move || refusal.with(|r| r.is_some())>
            <p class="notice" role="status">{move || refusal.get()}</p>
        </Show>
        <div class="field">
            <label class="field-label" for=input_id(Field::RequestBody)>{say().field(Field::RequestBody)}</label>
            <textarea
                id=input_id(Field::RequestBody)
                class="code-input"
                rows="8"
                aria-invalid=move || body_error.with(|e| e.is_some()).then_some("true")
                aria-describedby=move || body_error.with(|e| e.is_some()).then(|| message_id(Field::RequestBody))
                prop:value=move || body.get()
                on:input=move |ev| body.set(event_target_value(&ev))
            ></textarea>
            <FieldMessage field=Field::RequestBody message=body_error />
        </div>
        <button
            type="button"
            class="button primary"
            aria-disabled=move || refusal.with(|r| r.is_some()).then_some("true")
            title=move || refusal.get()
            disabled=move || predict.pending().get()
            on:click=move |ev| if refusal.get_untracked().is_none() { send(ev) } else { body_error.set(refusal.get_untracked()) }
        >
            {words.predict}
        </button>
        <Show when=move || answer.with(|a| a.is_some())>
            <section class="prediction-result" aria-label=words.response>
                <h2 class="section-title">{words.response}</h2>
                <dl class="details-grid">
                    <div class="detail"><dt>{words.result}</dt><dd>{move || answer.with(|a| a.as_ref().map_or("", |a| if a.failed { words.failed } else { words.succeeded }))}</dd></div>
                    <div class="detail"><dt>{words.model_version}</dt><dd>{move || answer.with(|a| a.as_ref().map(|a| a.model_version.clone()).unwrap_or_default())}</dd></div>
                    <div class="detail"><dt>{words.latency}</dt><dd>{move || answer.with(|a| a.as_ref().map(|a| format!("{} ms", a.latency_ms)).unwrap_or_default())}</dd></div>
                </dl>
                <pre class="code-block">{move || answer.with(|a| a.as_ref().map(|a| a.body.clone()).unwrap_or_default())}</pre>
            </section>
        </Show>
    }
}

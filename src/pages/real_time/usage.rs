//! Usage Guides: how to call the service (the API URL, POST, the `X-Auth-Token` header, the
//! model's input and output parameters, and a curl example).

use console_core::realtime::sample_request;
use console_core::RealTimeService;
use leptos::prelude::*;

use crate::i18n::t;
use crate::notices::ToastKind;
use crate::state::use_store;

#[component]
pub fn UsageGuides(service: Memo<Option<RealTimeService>>) -> impl IntoView {
    let store = use_store();
    let words = &t().real_time;
    let url = move || {
        service.with(|s| {
            s.as_ref()
                .map(|s| s.access_address.clone())
                .unwrap_or_default()
        })
    };
    let model = move || {
        let id = service.with(|s| s.as_ref().map(|s| s.config[0].model_id.clone()))?;
        store.track_ticks(|c| c.catalog().model(&id).cloned())
    };
    let inputs = move || model().map(|m| m.input_fields).unwrap_or_default();
    let outputs = move || model().map(|m| m.outputs).unwrap_or_default();
    let curl = move || {
        let body = model()
            .map(|m| store.untracked(|c| sample_request(c.catalog(), &m.model_id)))
            .unwrap_or_default()
            .replace('\n', "")
            .replace("  ", " ");
        format!(
            "curl -X POST \"{}\" \\\n  -H \"X-Auth-Token: $TOKEN\" \\\n  -H \"Content-Type: application/json\" \\\n  -d '{body}'",
            url()
        )
    };
    let copy = move |_| {
        let text = url();
        let clipboard = window().navigator().clipboard();
        let promise = clipboard.write_text(&text);
        leptos::task::spawn_local(async move {
            match wasm_bindgen_futures::JsFuture::from(promise).await {
                Ok(_) => store
                    .notices()
                    .toast(ToastKind::Success, words.url_copied.into()),
                Err(_) => store
                    .notices()
                    .toast(ToastKind::Error, words.url_copy_failed.into()),
            }
        });
    };
    view! {
        <dl class="details-grid">
            <div class="detail wide">
                <dt>{words.api_url}</dt>
                <dd>
                    <code class="api-url">{url}</code>
                    " "
                    <button type="button" class="link-button" on:click=copy>{words.copy}</button>
                </dd>
            </div>
            <div class="detail"><dt>{words.method}</dt><dd>"POST"</dd></div>
            <div class="detail"><dt>{words.header}</dt><dd><code>"X-Auth-Token"</code>{words.iam_token}</dd></div>
        </dl>
        <p class="muted">{words.sandbox_unreachable}</p>
        <h2 class="section-title">{words.input_parameters}</h2>
        <div class="table-scroll">
            <table class="table" aria-label=words.input_parameters_table>
                <thead><tr><th>{words.parameter}</th><th>{words.param_type}</th></tr></thead>
                <tbody>
                    {move || inputs().into_iter().map(|name| view! { <tr><td class="mono" translate="no">{name}</td><td translate="no">"string"</td></tr> }).collect_view()}
                </tbody>
            </table>
        </div>
        <h2 class="section-title">{words.output_parameters}</h2>
        <div class="table-scroll">
            <table class="table" aria-label=words.output_parameters_table>
                <thead><tr><th>{words.parameter}</th><th>{words.param_type}</th></tr></thead>
                <tbody>
                    {move || outputs().into_iter().map(|p| view! { <tr><td class="mono" translate="no">{p.name}</td><td translate="no">{p.param_type}</td></tr> }).collect_view()}
                </tbody>
            </table>
        </div>
        <h2 class="section-title">{words.example}</h2>
        <pre class="code-block" aria-label=words.curl_example>{curl}</pre>
    }
}

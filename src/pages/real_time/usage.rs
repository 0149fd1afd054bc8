//! Usage Guides: how to call the service (the API URL, POST, the `X-Auth-Token` header, the
//! model's input and output parameters, and a curl example).

use console_core::realtime::sample_request;
use console_core::RealTimeService;
use leptos::prelude::*;

use crate::notices::ToastKind;
use crate::state::use_store;

#[component]
pub fn UsageGuides(service: Memo<Option<RealTimeService>>) -> impl IntoView {
    let store = use_store();
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
                    .toast(ToastKind::Success, "The API URL is copied.".into()),
                Err(_) => store.notices().toast(
                    ToastKind::Error,
                    "The API URL could not be copied: select it and copy it by hand.".into(),
                ),
            }
        });
    };
    view! {
        <dl class="details-grid">
            <div class="detail wide">
                <dt>"API URL"</dt>
                <dd>
                    <code class="api-url">{url}</code>
                    " "
                    <button type="button" class="link-button" on:click=copy>"Copy"</button>
                </dd>
            </div>
            <div class="detail"><dt>"Method"</dt><dd>"POST"</dd></div>
            <div class="detail"><dt>"Header"</dt><dd><code>"X-Auth-Token"</code>": your IAM token"</dd></div>
        </dl>
        <p class="muted">"In this sandbox the host is not reachable: use the Prediction tab to call the service."</p>
        <h2 class="section-title">"Input Parameters"</h2>
        <div class="table-scroll">
            <table class="table" aria-label="Input parameters">
                <thead><tr><th>"Parameter"</th><th>"Type"</th></tr></thead>
                <tbody>
                    {move || inputs().into_iter().map(|name| view! { <tr><td class="mono">{name}</td><td>"string"</td></tr> }).collect_view()}
                </tbody>
            </table>
        </div>
        <h2 class="section-title">"Output Parameters"</h2>
        <div class="table-scroll">
            <table class="table" aria-label="Output parameters">
                <thead><tr><th>"Parameter"</th><th>"Type"</th></tr></thead>
                <tbody>
                    {move || outputs().into_iter().map(|p| view! { <tr><td class="mono">{p.name}</td><td>{p.param_type}</td></tr> }).collect_view()}
                </tbody>
            </table>
        </div>
        <h2 class="section-title">"Example"</h2>
        <pre class="code-block" aria-label="curl example">{curl}</pre>
    }
}

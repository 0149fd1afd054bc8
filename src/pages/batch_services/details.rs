use console_core::{format, BatchService, ServiceAction, ServiceQuery};
use leptos::prelude::*;

use super::{flavor_text, run_operation, service_text, OpenDialog, ServiceBadge, ServiceDialogs};
use crate::clock;
use crate::components::action_button::ActionButton;
use crate::components::page_header::{Crumb, PageHeader};
use crate::route::Route;
use crate::state::use_store;

#[derive(Clone, Copy, PartialEq, Eq)]
enum Tab {
    Details,
    Events,
}

/// A service's details page: its configuration, billing and events, and the same operations
/// as its row in the upper right corner.
#[component]
pub fn ServiceDetails(service_id: String) -> impl IntoView {
    let store = use_store();
    let id = service_id.clone();
    let service = Memo::new(move |_| store.read(|c| c.service(&id).cloned()));
    let dialog = RwSignal::new(None::<OpenDialog>);
    let tab = RwSignal::new(Tab::Details);
    let title = Signal::derive(move || service.with(|s| s.as_ref().map(|s| s.service_name.clone()).unwrap_or_else(|| "Service not found".into())));
    let list_href = Route::BatchServices(ServiceQuery::default()).href();
    let crumbs = Signal::derive(move || {
        vec![Crumb::link("Model Deployment", "#/batch-services"), Crumb::link("Batch Services", "#/batch-services"), Crumb::here(title.get())]
    });
    let operations = service_id.clone();
    view! {
        <PageHeader crumbs=crumbs title=title>
            <Show when=move || service.with(|s| s.is_some())>
                {
                    let id = operations.clone();
                    ServiceAction::OFFERED.into_iter().map(move |action| view! {
                        <ActionButton
                            service_id=id.clone()
                            action=action
                            class="button"
                            on_allowed=Callback::new(move |id| run_operation(store, action, id, dialog))
                        />
                    }).collect_view()
                }
            </Show>
        </PageHeader>
        {move || match service.get() {
            None => view! {
                <section class="panel empty-state">
                    <p>"The service " <span class="mono">{service_id.clone()}</span> " does not exist in this region or has been deleted. A deleted service cannot be recovered."</p>
                    <a href=list_href.clone()>"Back to Batch Services"</a>
                </section>
            }.into_any(),
            Some(_) => view! {
                <section class="panel">
                    <div class="tabs" role="tablist" aria-label="Service information">
                        <button role="tab" type="button" aria-selected=move || (tab.get() == Tab::Details).to_string() on:click=move |_| tab.set(Tab::Details)>"Details"</button>
                        <button role="tab" type="button" aria-selected=move || (tab.get() == Tab::Events).to_string() on:click=move |_| tab.set(Tab::Events)>"Events"</button>
                    </div>
                    <div role="tabpanel">
                        {move || match tab.get() {
                            Tab::Details => view! { <DetailsTab service=service /> }.into_any(),
                            Tab::Events => view! { <EventsTab service=service /> }.into_any(),
                        }}
                    </div>
                </section>
            }.into_any(),
        }}
        <ServiceDialogs dialog=dialog />
    }
}

#[component]
fn DetailsTab(service: Memo<Option<BatchService>>) -> impl IntoView {
    let store = use_store();
    let get = move |f: fn(&BatchService) -> String| service_text(service, f);
    let flavor = flavor_text(store, service);
    let rows: Vec<(&'static str, Box<dyn Fn() -> String + Send + Sync>)> = vec![
        ("Name", Box::new(get(|s| s.service_name.clone()))),
        ("ID", Box::new(get(|s| s.service_id.clone()))),
        ("Description", Box::new(get(|s| if s.description.is_empty() { "-".into() } else { s.description.clone() }))),
        ("Model", Box::new(get(|s| s.config().model_name.clone()))),
        ("Version", Box::new(get(|s| s.config().model_version.clone()))),
        ("Specifications", Box::new(flavor)),
        ("Compute Nodes", Box::new(get(|s| s.config().instance_count.to_string()))),
        ("Deployment Location", Box::new(get(|s| s.location.label()))),
        ("Input Path", Box::new(get(|s| s.config().src_path.clone()))),
        ("Output Path", Box::new(get(|s| s.config().dest_path.clone()))),
        ("Request Path", Box::new(get(|s| s.config().req_uri.clone()))),
        ("Mapping Type", Box::new(get(|s| format!("{:?}", s.config().mapping_type).to_lowercase()))),
        ("Environment Variables", Box::new(get(|s| {
            if s.config().envs.is_empty() { "-".into() } else { s.config().envs.iter().map(|(k, v)| format!("{k}={v}")).collect::<Vec<_>>().join(", ") }
        }))),
        ("Created", Box::new(get(|s| clock::show(s.publish_at)))),
        ("Started", Box::new(get(|s| s.start_time.map_or("-".into(), clock::show)))),
        ("Completed", Box::new(get(|s| s.finished_time.map_or("-".into(), clock::show)))),
        ("Error Message", Box::new(get(|s| s.error_msg.clone().unwrap_or_else(|| "-".into())))),
        ("Billed Duration", Box::new(get(|s| format::duration(s.billing.billed_ms)))),
        ("Cost", Box::new(get(|s| format::usd(s.billing.cost)))),
        ("Price", Box::new(get(|s| format!("{}/hour while running", format::usd(s.billing.hourly_rate))))),
    ];
    view! {
        <dl class="details-grid">
            <div class="detail">
                <dt>"Status"</dt>
                <dd>
                    <ServiceBadge service=service />
                </dd>
            </div>
            {rows.into_iter().map(|(label, value)| view! {
                <div class="detail"><dt>{label}</dt><dd>{value}</dd></div>
            }).collect_view()}
        </dl>
    }
}

#[component]
fn EventsTab(service: Memo<Option<BatchService>>) -> impl IntoView {
    let events = move || service.with(|s| s.as_ref().map(|s| s.events.iter().rev().cloned().collect::<Vec<_>>()).unwrap_or_default());
    view! {
        <table class="table" aria-label="Events">
            <thead><tr><th>"Time"</th><th>"Type"</th><th>"Message"</th></tr></thead>
            <tbody>
                {move || events().into_iter().map(|e| view! {
                    <tr>
                        <td class="nowrap">{clock::show(e.time)}</td>
                        <td><span class=format!("event-type event-{}", e.event_type.label().to_lowercase())>{e.event_type.label()}</span></td>
                        <td>{e.message}</td>
                    </tr>
                }).collect_view()}
            </tbody>
        </table>
    }
}

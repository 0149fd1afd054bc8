use console_core::validation::Field;
use console_core::{BatchService, ServiceAction, ServiceQuery};
use leptos::prelude::*;

use super::{flavor_text, run_operation, service_text, OpenDialog, ServiceBadge, ServiceDialogs};
use crate::clock;
use crate::components::action_button::ActionButton;
use crate::components::page_header::{Crumb, PageHeader};
use crate::components::service_tabs::{BillingView, EventsTable};
use crate::i18n::{lang, say, t};
use crate::route::Route;
use crate::state::use_store;

#[derive(Clone, Copy, PartialEq, Eq)]
enum Tab {
    Details,
    Events,
    Billing,
}

impl Tab {
    const ALL: [Tab; 3] = [Tab::Details, Tab::Events, Tab::Billing];

    fn label(self) -> &'static str {
        let words = &t().batch;
        match self {
            Tab::Details => words.details,
            Tab::Events => t().common.events,
            Tab::Billing => t().common.billing,
        }
    }
}

/// A service's details page: its configuration, events and bill, with the same operations as
/// its row in the upper right corner.
#[component]
pub fn ServiceDetails(service_id: String) -> impl IntoView {
    let store = use_store();
    let (words, shell) = (&t().batch, &t().shell);
    let id = service_id.clone();
    let service = Memo::new(move |_| store.track_ticks(|c| c.service(&id).cloned()));
    let dialog = RwSignal::new(None::<OpenDialog>);
    let tab = RwSignal::new(Tab::Details);
    let title = Signal::derive(move || {
        service.with(|s| {
            s.as_ref()
                .map(|s| s.service_name.clone())
                .unwrap_or_else(|| words.not_found.into())
        })
    });
    let list_href = Route::BatchServices(ServiceQuery::default()).href();
    let crumbs = Signal::derive(move || {
        vec![
            Crumb::link(shell.model_deployment, "#/batch-services"),
            Crumb::link(shell.batch_services, "#/batch-services"),
            Crumb::here(title.get()),
        ]
    });
    let operations = service_id.clone();
    // Whether it exists decides the view; the service itself changes every tick.
    let exists = Memo::new(move |_| service.with(|s| s.is_some()));
    view! {
        <PageHeader crumbs=crumbs title=title>
            <Show when=move || exists.get()>
                {
                    let id = operations.clone();
                    ServiceAction::OFFERED
                        .into_iter()
                        .map(move |action| view! {
                            <ActionButton
                                service_id=id.clone()
                                action=action
                                class="button"
                                on_allowed=Callback::new(move |id| run_operation(store, action, id, dialog))
                            />
                        })
                        .collect_view()
                }
            </Show>
        </PageHeader>
        {move || match exists.get() {
            false => view! {
                <section class="panel empty-state">
                    <p>
                        {words.not_found_before} <span class="mono">{service_id.clone()}</span>
                        {words.not_found_after}
                    </p>
                    <a href=list_href.clone()>{words.back_to_list}</a>
                </section>
            }
            .into_any(),
            true => view! {
                <section class="panel">
                    <div class="tabs" role="tablist" aria-label=words.service_information>
                        {Tab::ALL
                            .into_iter()
                            .map(|t| view! {
                                <button role="tab" type="button" aria-selected=move || (tab.get() == t).to_string() on:click=move |_| tab.set(t)>
                                    {t.label()}
                                </button>
                            })
                            .collect_view()}
                    </div>
                    <div role="tabpanel" aria-label=move || tab.get().label()>
                        {move || match tab.get() {
                            Tab::Details => view! { <DetailsTab service=service /> }.into_any(),
                            Tab::Events => view! {
                                <EventsTable events=Signal::derive(move || service.with(|s| s.as_ref().map(|s| s.events.clone()).unwrap_or_default())) />
                            }.into_any(),
                            Tab::Billing => view! {
                                <BillingView
                                    billing=Signal::derive(move || service.with(|s| s.as_ref().map(|s| s.billing.clone())))
                                    rate=Signal::derive(move || service.with(|s| s.as_ref().map(|s| store.track_ticks(|c| c.hourly_rate(s.config())))))
                                />
                            }.into_any(),
                        }}
                    </div>
                </section>
            }
            .into_any(),
        }}
        <ServiceDialogs dialog=dialog />
    }
}

type Text = Box<dyn Fn() -> String + Send + Sync>;

/// Shows the service's configuration and status, with progress while it moves.
#[component]
fn DetailsTab(service: Memo<Option<BatchService>>) -> impl IntoView {
    let store = use_store();
    let (words, common) = (&t().batch, &t().common);
    let field = |f| say().field(f);
    let get = move |f: fn(&BatchService) -> String| -> Text { Box::new(service_text(service, f)) };
    let rows: Vec<(&'static str, Text)> = vec![
        (common.name, get(|s| s.service_name.clone())),
        (words.id, get(|s| s.service_id.clone())),
        (
            common.description,
            get(|s| {
                if s.description.is_empty() {
                    "-".into()
                } else {
                    s.description.clone()
                }
            }),
        ),
        (words.model, get(|s| s.config().model_name.clone())),
        (words.version, get(|s| s.config().model_version.clone())),
        (
            field(Field::Specifications),
            Box::new(flavor_text(store, service)),
        ),
        (
            field(Field::ComputeNodes),
            get(|s| s.config().instance_count.to_string()),
        ),
        (
            field(Field::DeploymentLocation),
            Box::new(move || {
                let location = service.with(|s| s.as_ref().map(|s| s.location.clone()));
                location.map_or_else(String::new, |l| {
                    store.track_ticks(|c| c.location_label(&l, lang()))
                })
            }),
        ),
        (
            field(Field::InputPath),
            get(|s| s.config().src_path.clone()),
        ),
        (
            field(Field::OutputPath),
            get(|s| s.config().dest_path.clone()),
        ),
        (
            field(Field::RequestPath),
            get(|s| s.config().req_uri.clone()),
        ),
        (
            field(Field::MappingType),
            get(|s| say().mapping(s.config())),
        ),
        (
            field(Field::EnvironmentVariables),
            get(|s| s.config().envs_text()),
        ),
        (common.created, get(|s| clock::show(s.publish_at))),
        (
            words.started,
            get(|s| s.start_time.map_or("-".into(), clock::show)),
        ),
        (
            words.completed,
            get(|s| s.finished_time.map_or("-".into(), clock::show)),
        ),
        (
            words.error_message,
            get(|s| {
                s.error_msg
                    .as_deref()
                    .map_or_else(|| "-".into(), |m| say().saved_reason(m))
            }),
        ),
    ];
    view! {
        <dl class="details-grid">
            <div class="detail">
                <dt>{common.status}</dt>
                <dd>
                    <ServiceBadge service=service announce=true />
                </dd>
            </div>
            {rows
                .into_iter()
                .map(|(label, value)| view! { <div class="detail"><dt>{label}</dt><dd>{value}</dd></div> })
                .collect_view()}
        </dl>
    }
}

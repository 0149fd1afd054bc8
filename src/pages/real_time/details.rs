//! A real-time service's details page: its header (name, status, source, ID, calls,
//! description) with Start, Stop, Modify and Delete, and its tabs, each a deep link.

use console_core::validation::Field;
use console_core::{RealTimeService, ServiceAction};
use leptos::prelude::*;

use super::{run_operation, status_of, OpenDialog, RealTimeDialogs};
use crate::components::action_button::GuardedButton;
use crate::components::page_header::{Crumb, PageHeader};
use crate::components::service_tabs::{BillingView, EventsTable};
use crate::components::status_badge::StatusBadge;
use crate::i18n::{lang, say, t};
use crate::route::{use_router, RealTimeTab, Route};
use crate::state::use_store;

/// The header's operations, in the console's order.
const OPERATIONS: [ServiceAction; 4] = [
    ServiceAction::Start,
    ServiceAction::Stop,
    ServiceAction::Modify,
    ServiceAction::Delete,
];

#[component]
pub fn RealTimeDetails(
    service_id: String,
    #[prop(into)] tab: Signal<RealTimeTab>,
) -> impl IntoView {
    let store = use_store();
    let router = use_router();
    let id = StoredValue::new(service_id.clone());
    let service =
        Memo::new(move |_| store.track_ticks(|c| c.real_time_service(&id.get_value()).cloned()));
    let dialog = RwSignal::new(None::<OpenDialog>);
    let (words, shell) = (&t().real_time, &t().shell);
    let title = Signal::derive(move || {
        service.with(|s| {
            s.as_ref()
                .map(|s| s.service_name.clone())
                .unwrap_or_else(|| words.not_found_title.into())
        })
    });
    let crumbs = Signal::derive(move || {
        vec![
            Crumb::link(shell.model_deployment, "#/real-time-services"),
            Crumb::link(shell.real_time_services, "#/real-time-services"),
            Crumb::here(title.get()),
        ]
    });
    let exists = Memo::new(move |_| service.with(|s| s.is_some()));
    let list_href = Route::RealTimeServices(Default::default()).href();
    view! {
        <PageHeader crumbs=crumbs title=title>
            <Show when=move || exists.get()>
                {OPERATIONS
                    .into_iter()
                    .map(|action| {
                        let reason = Memo::new(move |_| {
                            store.track_ticks(|c| c.check_real_time(&id.get_value(), action).err().map(|e| say().error_reason(&e)))
                        });
                        view! {
                            <GuardedButton
                                label=say().service_action(action)
                                reason=Signal::from(reason)
                                class="button"
                                on_allowed=Callback::new(move |_| run_operation(store, router, action, id.get_value(), dialog))
                            />
                        }
                    })
                    .collect_view()}
            </Show>
        </PageHeader>
        {move || match exists.get() {
            false => view! {
                <section class="panel empty-state">
                    <p>
                        {words.the_service} <span class="mono">{id.get_value()}</span>
                        {words.not_in_region} {words.cannot_recover}
                    </p>
                    <a href=list_href.clone()>{words.back_to_list}</a>
                </section>
            }
            .into_any(),
            true => view! {
                <Summary service=service />
                <section class="panel">
                    <div class="tabs" role="tablist" aria-label=words.tabs_label>
                        {RealTimeTab::ALL
                            .into_iter()
                            .map(|t| view! {
                                <button
                                    role="tab"
                                    type="button"
                                    aria-selected=move || (tab.get() == t).to_string()
                                    on:click=move |_| router.replace(Route::RealTimeDetails(id.get_value(), t))
                                >
                                    {t.label()}
                                </button>
                            })
                            .collect_view()}
                    </div>
                    <div role="tabpanel" aria-label=move || tab.get().label()>
                        {move || match tab.get() {
                            RealTimeTab::UsageGuides => view! { <super::usage::UsageGuides service=service /> }.into_any(),
                            RealTimeTab::Prediction => view! { <super::prediction::Prediction service=service /> }.into_any(),
                            RealTimeTab::ConfigurationUpdates => view! { <super::updates::ConfigurationUpdates service=service /> }.into_any(),
                            RealTimeTab::Monitoring => view! { <super::monitoring::Monitoring service=service /> }.into_any(),
                            RealTimeTab::Events => view! {
                                <EventsTable events=Signal::derive(move || service.with(|s| s.as_ref().map(|s| s.events.clone()).unwrap_or_default())) />
                            }.into_any(),
                            RealTimeTab::Logs => view! { <super::logs::Logs service=service /> }.into_any(),
                            RealTimeTab::Billing => view! {
                                <BillingView
                                    billing=Signal::derive(move || service.with(|s| s.as_ref().map(|s| s.billing.clone())))
                                    rate=Signal::derive(move || service.with(|s| s.as_ref().map(|s| store.track_ticks(|c| c.real_time_rate(&s.config)))))
                                    per_version=Signal::derive(move || service.with(|s| s.as_ref().map(|s| store.track_ticks(|c| {
                                        s.config.iter().map(|v| (v.model_version.clone(), c.real_time_rate(std::slice::from_ref(v)))).collect()
                                    })).unwrap_or_default()))
                                />
                            }.into_any(),
                        }}
                    </div>
                </section>
            }
            .into_any(),
        }}
        <RealTimeDialogs dialog=dialog />
    }
}

/// The header's facts: Name, Status, Source, Service ID, Failed Calls/Total Calls,
/// Description (and the error of a failed service).
#[component]
fn Summary(service: Memo<Option<RealTimeService>>) -> impl IntoView {
    let store = use_store();
    let (status, progress) = status_of(service);
    let text = move |f: fn(&RealTimeService) -> String| {
        move || service.with(|s| s.as_ref().map(f).unwrap_or_default())
    };
    let source = move || {
        service.with(|s| {
            s.as_ref().map_or_else(String::new, |s| {
                store.track_ticks(|c| {
                    c.catalog()
                        .model(&s.config[0].model_id)
                        .map_or("-", |m| say().model_source(m.source))
                        .to_string()
                })
            })
        })
    };
    let pool = move || {
        service.with(|s| {
            s.as_ref().map_or_else(String::new, |s| {
                store.track_ticks(|c| c.location_label(&s.location, lang()))
            })
        })
    };
    let (words, common) = (&t().real_time, &t().common);
    view! {
        <section class="panel">
            <dl class="details-grid">
                <div class="detail"><dt>{common.name}</dt><dd>{text(|s| s.service_name.clone())}</dd></div>
                <div class="detail"><dt>{common.status}</dt><dd><StatusBadge status=status progress=progress announce=true /></dd></div>
                <div class="detail"><dt>{words.source}</dt><dd>{source}</dd></div>
                <div class="detail"><dt>{words.service_id}</dt><dd class="mono">{text(|s| s.service_id.clone())}</dd></div>
                <div class="detail"><dt>{words.calls}</dt><dd>{text(|s| s.calls_text())}</dd></div>
                <div class="detail"><dt>{common.description}</dt><dd>{text(|s| if s.description.is_empty() { "-".into() } else { s.description.clone() })}</dd></div>
                <div class="detail"><dt>{say().field(Field::ResourcePool)}</dt><dd>{pool}</dd></div>
                <div class="detail"><dt>{say().field(Field::ModelVersions)}</dt><dd>{text(super::versions_text)}</dd></div>
                <div class="detail"><dt>{say().field(Field::AutoStop)}</dt><dd>{move || {
                    let now = store.ticking_now();
                    service.with(|s| s.as_ref().map(|s| say().auto_stop_text(s.due_time, s.auto_stop_hours(), now)).unwrap_or_default())
                }}</dd></div>
                <div class="detail"><dt>{words.error_message}</dt><dd>{text(|s| s.error_msg.as_deref().map_or_else(|| "-".into(), |m| say().saved_reason(m)))}</dd></div>
            </dl>
        </section>
    }
}

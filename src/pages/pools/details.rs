//! A pool's details page (a deep link): its fields, its bill, its nodes, the batch services
//! deployed on it, its events, and Scale and Delete as in its row.

use console_core::validation::Field;
use console_core::{
    format, BillingMode, Command, Millis, Pool, PoolAction, PoolQuery, PoolType, RequiredDuration,
};
use leptos::prelude::*;

use crate::i18n::{lang, say, t};

use super::delete_dialog::DeletePoolDialog;
use super::list::expiry_text;
use super::{flavor_display, follow_pool, pool_text, PoolActionButton, PoolBadge};
use crate::clock;
use crate::components::chart::{Bar, BarChart};
use crate::components::page_header::{Crumb, PageHeader};
use crate::pages::batch_services::ServiceBadge;
use crate::route::{use_router, Route};
use crate::state::use_store;

type Text = Box<dyn Fn() -> String + Send + Sync>;

#[component]
pub fn PoolDetails(pool_id: String) -> impl IntoView {
    let store = use_store();
    let router = use_router();
    let pool = follow_pool(store, pool_id.clone());
    let deleting = RwSignal::new(false);
    // Where the list is, by the pool's type (remembered once the pool is gone).
    let pool_type = Memo::new(move |previous: Option<&PoolType>| {
        pool.with(|p| p.as_ref().map(Pool::pool_type))
            .or(previous.copied())
            .unwrap_or(PoolType::DevelopmentTraining)
    });
    let list_href = move || Route::Pools(pool_type.get(), PoolQuery::default()).href();
    let words = &t().pools;
    let title = Signal::derive(move || {
        pool.with(|p| {
            p.as_ref()
                .map(|p| p.display_name().to_string())
                .unwrap_or_else(|| words.not_found.into())
        })
    });
    let crumbs = Signal::derive(move || {
        vec![
            Crumb {
                label: t().shell.pools.into(),
                href: Some(list_href()),
            },
            Crumb::here(title.get()),
        ]
    });
    let operations = pool_id.clone();
    let missing_id = pool_id.clone();
    // Whether it exists decides the view; the pool itself changes every tick.
    let exists = Memo::new(move |_| pool.with(|p| p.is_some()));
    view! {
        <PageHeader crumbs=crumbs title=title>
            <Show when=move || exists.get()>
                <PoolActionButton
                    pool_id=operations.clone()
                    action=PoolAction::Scale
                    class="button"
                    on_allowed=Callback::new(move |id| router.push(Route::ScalePool(id)))
                />
                <PoolActionButton
                    pool_id=operations.clone()
                    action=PoolAction::Delete
                    class="button"
                    on_allowed=Callback::new(move |_| deleting.set(true))
                />
            </Show>
        </PageHeader>
        {move || match exists.get() {
            false => view! {
                <section class="panel empty-state">
                    <p>
                        {words.missing} <span class="mono">{missing_id.clone()}</span> {words.missing_end}
                    </p>
                    <a href=list_href()>{words.back_to_list}</a>
                </section>
            }
            .into_any(),
            true => view! {
                <BasicInformation pool=pool />
                <PoolBilling pool=pool />
                <NodeList pool=pool />
                <Show when=move || pool_type.get() == PoolType::ServiceDeployment>
                    <ServicesOnPool pool=pool />
                    <RealTimeOnPool pool=pool />
                </Show>
                <PoolEvents pool=pool />
                <SandboxFault pool=pool />
            }
            .into_any(),
        }}
        <Show when=move || deleting.get()>
            <DeletePoolDialog
                pool_id=pool_id.clone()
                on_close=Callback::new(move |_| deleting.set(false))
                on_deleted=Callback::new(move |_| router.push(Route::Pools(pool_type.get_untracked(), PoolQuery::default())))
            />
        </Show>
    }
}

#[component]
fn BasicInformation(pool: Memo<Option<Pool>>) -> impl IntoView {
    let store = use_store();
    let get = move |f: fn(&Pool) -> String| -> Text { Box::new(pool_text(pool, f)) };
    let words = &t().pools;
    let common = &t().common;
    let network = move || {
        let ids = pool.with(|p| p.as_ref().and_then(|p| p.spec.network.clone()));
        match ids {
            None => words.network_off.to_string(),
            Some(n) => store.track_ticks(|c| {
                let vpc = c
                    .catalog()
                    .region(c.region())
                    .and_then(|r| r.vpc(&n.vpc_id));
                let vpc_name = vpc.map_or(n.vpc_id.clone(), |v| v.name.clone());
                (words.network_on)(&vpc_name, &n.subnet_id, &n.security_group_id)
            }),
        }
    };
    let rows: Vec<(&'static str, Text)> = vec![
        (common.name, get(|p| p.display_name().to_string())),
        (words.id, get(|p| p.id().to_string())),
        (
            words.resource_type,
            get(|p| say().pool_type(p.pool_type()).to_string()),
        ),
        (
            say().field(Field::BillingMode),
            get(|p| say().billing_mode(p.billing_mode()).to_string()),
        ),
        (
            words.specifications,
            Box::new(move || flavor_display(store, &pool_text(pool, |p| p.flavor().to_string())())),
        ),
        (
            say().field(Field::Nodes),
            get(|p| p.node_count().to_string()),
        ),
        (say().field(Field::Az), get(|p| say().pool_az(p))),
        (
            common.created,
            get(|p| clock::show(p.metadata.creation_timestamp)),
        ),
        (
            common.description,
            get(|p| {
                if p.description().is_empty() {
                    "-".into()
                } else {
                    p.description().to_string()
                }
            }),
        ),
    ];
    view! {
        <section class="panel" aria-labelledby="pool-basic-heading">
            <h2 id="pool-basic-heading">{words.basic_information}</h2>
            <p class="status-line">{words.status_colon} <PoolBadge pool=pool /></p>
            <Show when=move || pool.with(|p| p.as_ref().is_some_and(|p| p.status.message.is_some()))>
                <p class="form-error" role="status">{move || pool.with(|p| p.as_ref().and_then(|p| p.status.message.as_deref().map(|m| say().saved_reason(m))))}</p>
            </Show>
            <dl class="details-grid">
                {rows.into_iter().map(|(k, v)| view! { <div class="detail"><dt>{k}</dt><dd>{v}</dd></div> }).collect_view()}
                <Show when=move || pool.with(|p| p.as_ref().is_some_and(|p| p.pool_type() == PoolType::ServiceDeployment))>
                    <div class="detail"><dt>{words.custom_network}</dt><dd>{network}</dd></div>
                </Show>
            </dl>
        </section>
    }
}

/// Pay-per-use: the rate and what has accrued; Yearly/Monthly: the term, what was paid, the
/// expiry and renewal.
#[component]
fn PoolBilling(pool: Memo<Option<Pool>>) -> impl IntoView {
    let store = use_store();
    // The billing mode never changes, so the rows are fixed and only their values follow the
    // pool (the accrued cost moves every tick).
    let mode = pool
        .with_untracked(|p| p.as_ref().map(Pool::billing_mode))
        .unwrap_or(BillingMode::PayPerUse);
    let value = move |f: fn(&Pool, Millis) -> String| -> Text {
        Box::new(move || {
            let now = store.ticking_now();
            pool.with(|p| p.as_ref().map(|p| f(p, now)).unwrap_or_default())
        })
    };
    let words = &t().pools;
    let billing_mode = say().field(Field::BillingMode);
    let rows: Vec<(&'static str, Text)> = match mode {
        BillingMode::PayPerUse => vec![
            (
                billing_mode,
                value(|_, _| t().pools.pay_per_use_mode.into()),
            ),
            (
                t().common.price,
                value(|p, _| {
                    if p.accrues() {
                        (t().pools.rate)(&format::usd(p.billing.hourly_rate), p.node_count())
                    } else {
                        t().pools.billing_ended.into()
                    }
                }),
            ),
            (
                words.accrued_cost,
                value(|p, now| format::usd(p.cost_at(now))),
            ),
        ],
        BillingMode::YearlyMonthly => vec![
            (billing_mode, value(|_, _| t().pools.prepaid_mode.into())),
            (
                say().field(Field::RequiredDuration),
                value(|p, _| {
                    p.duration().map_or("-".into(), |d| match d {
                        RequiredDuration::Year => say().with_note(
                            &say().required_duration(d),
                            &say().billed_months(d.billed_months()),
                        ),
                        other => say().required_duration(other),
                    })
                }),
            ),
            (
                words.price_per_term,
                value(|p, _| format::usd(p.billing.term_price)),
            ),
            (words.paid_so_far, value(|p, _| format::usd(p.billing.cost))),
            (words.expires, value(|p, _| expiry_text(p))),
            (
                words.auto_renew,
                value(|p, _| {
                    let words = &t().pools;
                    if p.auto_renew() {
                        words.renews_on.into()
                    } else {
                        words.renews_off.into()
                    }
                }),
            ),
        ],
    };
    view! {
        <section class="panel" aria-labelledby="pool-billing-heading">
            <h2 id="pool-billing-heading">{t().common.billing}</h2>
            <dl class="details-grid">
                {rows.into_iter().map(|(k, v)| view! { <div class="detail"><dt>{k}</dt><dd>{v}</dd></div> }).collect_view()}
            </dl>
        </section>
    }
}

#[component]
fn NodeList(pool: Memo<Option<Pool>>) -> impl IntoView {
    let store = use_store();
    let nodes =
        Memo::new(move |_| pool.with(|p| p.as_ref().map(|p| p.nodes.clone()).unwrap_or_default()));
    let words = &t().pools;
    view! {
        <section class="panel" aria-labelledby="pool-nodes-heading">
            <h2 id="pool-nodes-heading">{words.node_list}</h2>
            <div class="table-scroll">
                <table class="table" aria-label=words.node_list>
                    <thead><tr><th>{words.node_name}</th><th>{say().field(Field::Az)}</th><th>{words.specifications}</th><th>{t().common.status}</th></tr></thead>
                    <tbody>
                        {move || nodes.get().into_iter().map(|n| {
                            let status = n.status;
                            view! {
                                <tr>
                                    <td class="mono">{n.name.clone()}</td>
                                    <td>{n.az.clone()}</td>
                                    <td>{flavor_display(store, &n.flavor)}</td>
                                    <td>
                                        <span class=format!("badge badge-{}", status.api_value().to_ascii_lowercase())>
                                            <span class="badge-dot" aria-hidden="true"></span>
                                            {say().node_status(status)}
                                        </span>
                                    </td>
                                </tr>
                            }
                        }).collect_view()}
                    </tbody>
                </table>
            </div>
        </section>
    }
}

#[component]
fn ServicesOnPool(pool: Memo<Option<Pool>>) -> impl IntoView {
    let store = use_store();
    // Which services: rebuilt only when one is added or removed; each row's badge follows its
    // service (progress moves every tick).
    let services = Memo::new(move |_| {
        let id = pool.with(|p| p.as_ref().map(|p| p.id().to_string()).unwrap_or_default());
        store.track_ticks(|c| {
            c.services_on_pool(&id)
                .into_iter()
                .map(|s| (s.service_id.clone(), s.service_name.clone()))
                .collect::<Vec<_>>()
        })
    });
    let words = &t().pools;
    let common = &t().common;
    view! {
        <section class="panel" aria-labelledby="pool-services-heading">
            <h2 id="pool-services-heading">{words.batch_on_pool}</h2>
            <Show
                when=move || services.with(|s| !s.is_empty())
                fallback=move || view! { <p class="muted">{words.no_batch_on_pool}</p> }
            >
                <div class="table-scroll">
                    <table class="table" aria-label=words.batch_on_pool_table>
                        <thead><tr><th>{common.name}</th><th>{common.status}</th></tr></thead>
                        <tbody>
                            <For each=move || services.get() key=|(id, _)| id.clone() let:((id, name))>
                                <tr>
                                    <td><a class="name-link" href=Route::ServiceDetails(id.clone()).href()>{name}</a></td>
                                    <td><ServiceBadge service=Memo::new(move |_| store.track_ticks(|c| c.service(&id).cloned())) /></td>
                                </tr>
                            </For>
                        </tbody>
                    </table>
                </div>
            </Show>
        </section>
    }
}

/// The real-time services on the pool and the nodes each occupies, with the pool's free nodes.
#[component]
fn RealTimeOnPool(pool: Memo<Option<Pool>>) -> impl IntoView {
    let store = use_store();
    let rows = Memo::new(move |_| {
        let id = pool.with(|p| p.as_ref().map(|p| p.id().to_string()).unwrap_or_default());
        store.track_changes(|c| {
            let rows: Vec<(String, String, &'static str, u32)> = c
                .real_time_on_pool(&id)
                .into_iter()
                .map(|s| {
                    (
                        s.service_id.clone(),
                        s.service_name.clone(),
                        console_core::StatusValue::label(
                            console_core::RealTimeStatus(s.status),
                            lang(),
                        ),
                        s.occupied_nodes(),
                    )
                })
                .collect();
            (rows, c.pool_occupied_nodes(&id), c.pool_free_nodes(&id))
        })
    });
    let words = &t().pools;
    let common = &t().common;
    view! {
        <section class="panel" aria-labelledby="pool-real-time-heading">
            <h2 id="pool-real-time-heading">{words.real_time_on_pool}</h2>
            <p>{move || rows.with(|(_, used, free)| (words.occupancy)(*used, *free))}</p>
            <UsageChart pool=pool />
            <Show
                when=move || rows.with(|(r, _, _)| !r.is_empty())
                fallback=move || view! { <p class="muted">{words.no_real_time_on_pool}</p> }
            >
                <div class="table-scroll">
                    <table class="table" aria-label=words.real_time_on_pool_table>
                        <thead><tr><th>{common.name}</th><th>{common.status}</th><th>{words.nodes_occupied}</th></tr></thead>
                        <tbody>
                            {move || rows.with(|(r, _, _)| r.clone()).into_iter().map(|(id, name, status, nodes)| view! {
                                <tr>
                                    <td><a class="name-link" href=Route::RealTimeDetails(id, Default::default()).href()>{name}</a></td>
                                    <td>{status}</td>
                                    <td>{nodes}</td>
                                </tr>
                            }).collect_view()}
                        </tbody>
                    </table>
                </div>
            </Show>
        </section>
    }
}

/// How many bars the chart of nodes in use draws.
const USAGE_BARS: usize = 24;

/// Nodes in use by real-time services against the pool's size, from its first use (or its
/// creation) to now: bars, with the size as a line.
#[component]
fn UsageChart(pool: Memo<Option<Pool>>) -> impl IntoView {
    let store = use_store();
    let words = &t().pools;
    let samples = Memo::new(move |_| {
        let now = store.ticking_now();
        pool.with(|p| {
            p.as_ref()
                .map(|p| p.usage_over(now, USAGE_BARS))
                .unwrap_or_default()
        })
    });
    let count = |v: f64| (v.round() as u64).to_string();
    view! {
        <BarChart
            title=words.usage_title
            series=vec![words.in_use.to_string()]
            bars=Signal::derive(move || samples.with(|s| {
                s.iter().map(|u| Bar { label: clock::show_time(u.at), parts: vec![f64::from(u.in_use)] }).collect::<Vec<_>>()
            }))
            line=(words.pool_size.to_string(), Signal::derive(move || samples.with(|s| s.iter().map(|u| f64::from(u.nodes)).collect())))
            summary=Signal::derive(move || samples.with(|s| match (s.first(), s.last()) {
                (Some(first), Some(last)) => (words.usage_summary)(
                    pool.with(|p| p.as_ref().map_or(0, |p| p.most_in_use())),
                    last.nodes,
                    &clock::show(first.at),
                    &clock::show(last.at),
                    last.in_use,
                ),
                _ => String::new(),
            }))
            format=count
        />
    }
}

#[component]
fn PoolEvents(pool: Memo<Option<Pool>>) -> impl IntoView {
    let events = Memo::new(move |_| {
        pool.with(|p| {
            p.as_ref()
                .map(|p| p.events.iter().rev().cloned().collect::<Vec<_>>())
                .unwrap_or_default()
        })
    });
    let words = &t().pools;
    let title = t().common.events;
    view! {
        <section class="panel" aria-labelledby="pool-events-heading">
            <h2 id="pool-events-heading">{title}</h2>
            <div class="table-scroll">
                <table class="table" aria-label=title>
                    <thead><tr><th>{words.event_time}</th><th>{words.event_type}</th><th>{words.event_message}</th></tr></thead>
                    <tbody>
                        {move || events.get().into_iter().map(|e| {
                            let kind = e.event_type();
                            view! {
                                <tr>
                                    <td class="nowrap">{clock::show(e.time)}</td>
                                    <td class=format!("event-type event-{}", kind.api_value())>{say().event_type(kind)}</td>
                                    <td>{say().pool_event(&e.kind)}</td>
                                </tr>
                            }
                        }).collect_view()}
                    </tbody>
                </table>
            </div>
        </section>
    }
}

/// Sandbox only: make a Running pool Abnormal (a node fault) or let an Abnormal one recover,
/// to rehearse what happens to the services on it.
#[component]
fn SandboxFault(pool: Memo<Option<Pool>>) -> impl IntoView {
    let store = use_store();
    let id = move || pool.with(|p| p.as_ref().map(|p| p.id().to_string()).unwrap_or_default());
    let may = move |abnormal: bool| {
        Memo::new(move |_| {
            let id = id();
            store.track_ticks(|c| c.check_pool_fault(&id, abnormal).is_ok())
        })
    };
    let may_fault = may(true);
    let may_recover = may(false);
    let act = move |abnormal: bool| {
        if let Some(pool_id) = pool.with_untracked(|p| p.as_ref().map(|p| p.id().to_string())) {
            store.send(Command::SetPoolFault { pool_id, abnormal });
        }
    };
    let words = &t().pools;
    view! {
        <section class="panel sandbox-panel" aria-labelledby="pool-sandbox-heading">
            <h2 id="pool-sandbox-heading">{words.sandbox_heading}</h2>
            <p class="muted">{words.sandbox_text}</p>
            <Show when=move || may_fault.get()>
                <button type="button" class="button" on:click=move |_| act(true)>{words.simulate_fault}</button>
            </Show>
            <Show when=move || may_recover.get()>
                <button type="button" class="button" on:click=move |_| act(false)>{words.recover}</button>
            </Show>
        </section>
    }
}

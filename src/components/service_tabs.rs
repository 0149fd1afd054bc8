//! The Events and Billing tabs of a service's details page, batch and real-time alike.

use console_core::event::ServiceEvent;
use console_core::format;
use console_core::service::Billing;
use console_core::ServiceStatus;
use leptos::prelude::*;

use crate::clock;
use crate::components::chart::{Bar, BarChart};
use crate::i18n::{say, t};

/// A service's events, newest first, with their type.
#[component]
pub fn EventsTable(#[prop(into)] events: Signal<Vec<ServiceEvent>>) -> impl IntoView {
    let words = &t().batch;
    view! {
        <p class="muted">{words.events_kept}</p>
        <div class="table-scroll">
            <table class="table" aria-label=t().common.events>
                <thead><tr><th>{words.time}</th><th>{words.event_type}</th><th>{words.message}</th></tr></thead>
                <tbody>
                    {move || events
                        .get()
                        .into_iter()
                        .rev()
                        .map(|e| {
                            let kind = e.event_type();
                            view! {
                                <tr>
                                    <td class="nowrap">{clock::show(e.time)}</td>
                                    <td><span class=format!("event-type event-{}", kind.api_value())>{say().event_type(kind)}</span></td>
                                    <td>{say().service_event(&e.kind)}</td>
                                </tr>
                            }
                        })
                        .collect_view()}
                </tbody>
            </table>
        </div>
    }
}

/// What a service has cost: billed time, accrued cost, the price while it runs (`rate`, and
/// per model version where it has several), and one line per run.
#[component]
pub fn BillingView(
    #[prop(into)] billing: Signal<Option<Billing>>,
    #[prop(into)] rate: Signal<Option<f64>>,
    /// `(model version, USD per hour)` of a real-time service's versions.
    #[prop(optional, into)]
    per_version: Option<Signal<Vec<(String, f64)>>>,
) -> impl IntoView {
    let words = &t().batch;
    let price = move || {
        rate.get().map_or("-".into(), |rate| {
            (words.per_hour_running)(&format::usd(rate))
        })
    };
    let text = move |f: fn(&Billing) -> String| {
        move || billing.with(|b| b.as_ref().map(f).unwrap_or_default())
    };
    let runs = move || {
        billing.with(|b| {
            b.as_ref()
                .map(|b| b.runs.iter().rev().cloned().collect::<Vec<_>>())
                .unwrap_or_default()
        })
    };
    view! {
        <dl class="details-grid billing-summary">
            <div class="detail"><dt>{words.billed_duration}</dt><dd>{text(|b| say().duration(b.billed_ms))}</dd></div>
            <div class="detail"><dt>{words.accrued_cost}</dt><dd>{text(|b| format::usd(b.cost))}</dd></div>
            <div class="detail"><dt>{t().common.price}</dt><dd>{price}</dd></div>
            <div class="detail"><dt>{words.billing_rule}</dt><dd>{words.billing_rule_text}</dd></div>
            {per_version.map(|versions| view! {
                <div class="detail">
                    <dt>{words.price_per_version}</dt>
                    <dd>
                        <ul class="plain-list">
                            {move || versions.get().into_iter().map(|(v, p)| view! {
                                <li>{(words.version_price)(&v, &format::usd(p))}</li>
                            }).collect_view()}
                        </ul>
                    </dd>
                </div>
            })}
        </dl>
        <h2 class="section-title">{words.runs}</h2>
        <BarChart
            title=words.run_costs_title
            series=vec![words.cost.to_string()]
            bars=Signal::derive(move || runs().into_iter().map(|r| Bar { label: clock::show_date(r.start), parts: vec![r.cost] }).collect::<Vec<_>>())
            summary=Signal::derive(move || {
                let runs = runs();
                let total: f64 = runs.iter().map(|r| r.cost).sum();
                match runs.len() {
                    0 => words.not_billed.to_string(),
                    1 => (words.one_run_cost)(&format::usd(total)),
                    n => (words.run_costs)(n, &format::usd(total), &format::usd(runs.iter().map(|r| r.cost).fold(0.0, f64::max))),
                }
            })
            format=format::usd
        />
        <div class="table-scroll">
            <table class="table" aria-label=words.runs>
                <thead><tr><th>{words.start}</th><th>{words.end}</th><th>{words.duration}</th><th>{t().common.price}</th><th>{words.cost}</th></tr></thead>
                <tbody>
                    {move || {
                        let runs = runs();
                        if runs.is_empty() {
                            return view! { <tr class="empty-row"><td colspan="5">{words.not_billed}</td></tr> }.into_any();
                        }
                        runs.into_iter()
                            .map(|r| view! {
                                <tr>
                                    <td class="nowrap">{clock::show(r.start)}</td>
                                    <td class="nowrap">{r.end.map_or_else(|| say().service_status(ServiceStatus::Running).to_string(), clock::show)}</td>
                                    <td>{say().duration(r.billed_ms)}</td>
                                    <td>{(words.per_hour)(&format::usd(r.hourly_rate))}</td>
                                    <td>{format::usd(r.cost)}</td>
                                </tr>
                            })
                            .collect_view()
                            .into_any()
                    }}
                </tbody>
            </table>
        </div>
    }
}

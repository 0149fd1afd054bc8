//! The Events and Billing tabs of a service's details page, batch and real-time alike.

use console_core::event::ServiceEvent;
use console_core::format;
use console_core::service::Billing;
use leptos::prelude::*;

use crate::components::chart::{Bar, BarChart};

use crate::clock;

/// A service's events, newest first, with their type.
#[component]
pub fn EventsTable(#[prop(into)] events: Signal<Vec<ServiceEvent>>) -> impl IntoView {
    view! {
        <p class="muted">"Events are kept for one month."</p>
        <div class="table-scroll">
            <table class="table" aria-label="Events">
                <thead><tr><th>"Time"</th><th>"Type"</th><th>"Message"</th></tr></thead>
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
                                    <td><span class=format!("event-type event-{}", kind.label().to_ascii_lowercase())>{kind.label()}</span></td>
                                    <td>{e.message()}</td>
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
    let price = move || {
        rate.get().map_or("-".into(), |rate| {
            format!("{}/hour while running", format::usd(rate))
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
            <div class="detail"><dt>"Billed Duration"</dt><dd>{text(|b| format::duration(b.billed_ms))}</dd></div>
            <div class="detail"><dt>"Accrued Cost"</dt><dd>{text(|b| format::usd(b.cost))}</dd></div>
            <div class="detail"><dt>"Price"</dt><dd>{price}</dd></div>
            <div class="detail"><dt>"Billing Rule"</dt><dd>"Billed only while Running or Alarm: flavor price x compute nodes, by the second."</dd></div>
            {per_version.map(|versions| view! {
                <div class="detail">
                    <dt>"Price per Model Version"</dt>
                    <dd>
                        <ul class="plain-list">
                            {move || versions.get().into_iter().map(|(v, p)| view! {
                                <li>{format!("{v}: {}/hour", format::usd(p))}</li>
                            }).collect_view()}
                        </ul>
                    </dd>
                </div>
            })}
        </dl>
        <h2 class="section-title">"Runs"</h2>
        <BarChart
            title="Cost of Each Run"
            series=vec!["Cost".to_string()]
            bars=Signal::derive(move || runs().into_iter().map(|r| Bar { label: clock::show_date(r.start), parts: vec![r.cost] }).collect::<Vec<_>>())
            summary=Signal::derive(move || {
                let runs = runs();
                let total: f64 = runs.iter().map(|r| r.cost).sum();
                match runs.len() {
                    0 => "Not billed yet: the service has not run.".to_string(),
                    1 => format!("Cost of the one run: {}.", format::usd(total)),
                    n => format!("Cost of each of the {n} runs, {} in all; the highest {}.", format::usd(total), format::usd(runs.iter().map(|r| r.cost).fold(0.0, f64::max))),
                }
            })
            format=format::usd
        />
        <div class="table-scroll">
            <table class="table" aria-label="Runs">
                <thead><tr><th>"Start"</th><th>"End"</th><th>"Duration"</th><th>"Price"</th><th>"Cost"</th></tr></thead>
                <tbody>
                    {move || {
                        let runs = runs();
                        if runs.is_empty() {
                            return view! { <tr class="empty-row"><td colspan="5">"Not billed yet: the service has not run."</td></tr> }.into_any();
                        }
                        runs.into_iter()
                            .map(|r| view! {
                                <tr>
                                    <td class="nowrap">{clock::show(r.start)}</td>
                                    <td class="nowrap">{r.end.map_or_else(|| "Running".to_string(), clock::show)}</td>
                                    <td>{format::duration(r.billed_ms)}</td>
                                    <td>{format!("{}/hour", format::usd(r.hourly_rate))}</td>
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

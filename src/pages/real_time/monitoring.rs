//! Monitoring: calls per minute per model version and failed calls, CPU and memory use,
//! from the calls the service received; and the sandbox's Simulate Traffic.

use console_core::realtime::{parse_calls_per_minute, MAX_TRAFFIC};
use console_core::validation::Field;
use console_core::{Command, RealTimeService};
use leptos::prelude::*;

use crate::clock;
use crate::components::chart::{Bar, BarChart};
use crate::components::form::{input_id, message_id, FieldMessage};
use crate::i18n::{say, t};
use crate::state::use_store;

/// Minutes the table shows, newest first.
const SHOWN_MINUTES: usize = 15;

#[component]
pub fn Monitoring(service: Memo<Option<RealTimeService>>) -> impl IntoView {
    let store = use_store();
    let words = &t().real_time;
    let points = Memo::new(move |_| {
        let now = store.ticking_now();
        service.with(|s| s.as_ref().map(|s| s.monitoring(now)).unwrap_or_default())
    });
    let versions = Memo::new(move |_| {
        service.with(|s| {
            s.as_ref()
                .map(|s| {
                    s.config
                        .iter()
                        .map(|c| c.model_version.clone())
                        .collect::<Vec<_>>()
                })
                .unwrap_or_default()
        })
    });
    // Totals over the hour, per version.
    let totals = move || {
        points.with(|p| {
            versions
                .get()
                .into_iter()
                .map(|v| {
                    let n: u64 = p
                        .iter()
                        .flat_map(|m| &m.calls)
                        .filter(|(x, _)| *x == v)
                        .map(|(_, n)| n)
                        .sum();
                    (v, n)
                })
                .collect::<Vec<_>>()
        })
    };
    let failed = move || points.with(|p| p.iter().map(|m| m.failed).sum::<u64>());
    let bars = Signal::derive(move || {
        points.with(|p| {
            p.iter()
                .map(|m| Bar {
                    label: clock::show_time(m.minute),
                    parts: m.calls.iter().map(|(_, n)| *n as f64).collect(),
                })
                .collect::<Vec<_>>()
        })
    });
    let failed_per_minute = Signal::derive(move || {
        points.with(|p| p.iter().map(|m| m.failed as f64).collect::<Vec<_>>())
    });
    let summary = Signal::derive(move || {
        let total: u64 = totals().iter().map(|(_, n)| n).sum();
        let peak = points.with(|p| {
            p.iter()
                .map(|m| m.calls.iter().map(|(_, n)| n).sum::<u64>())
                .max()
                .unwrap_or(0)
        });
        (words.calls_summary)(
            &console_core::format::thousands(total),
            &console_core::format::thousands(peak),
            &console_core::format::thousands(failed()),
        )
    });
    let series = Signal::derive(move || {
        versions
            .get()
            .into_iter()
            .map(|v| (words.version_series)(&v))
            .collect::<Vec<_>>()
    });
    view! {
        <BarChart
            title=say().field(Field::CallsPerMinute)
            series=series
            bars=bars
            summary=summary
            line=(words.failed_calls_series.to_string(), failed_per_minute)
            format=|v| console_core::format::thousands(v.round() as u64)
        />
        <h2 class="section-title">{words.calls_last_hour}</h2>
        <ul class="plain-list" aria-label=words.calls_per_version>
            {move || totals().into_iter().map(|(v, n)| view! { <li>{(words.version_calls)(&v, &console_core::format::thousands(n))}</li> }).collect_view()}
            <li>{move || (words.failed_calls_total)(&console_core::format::thousands(failed()))}</li>
        </ul>
        <div class="table-scroll">
            <table class="table" aria-label=words.calls_per_minute_table>
                <thead>
                    <tr>
                        <th>{words.minute}</th>
                        {move || versions.get().into_iter().map(|v| view! { <th>{(words.calls_of)(&v)}</th> }).collect_view()}
                        <th>{words.failed_calls}</th>
                        <th>{words.cpu_usage}</th>
                        <th>{words.memory_usage}</th>
                    </tr>
                </thead>
                <tbody>
                    {move || points.get().into_iter().rev().take(SHOWN_MINUTES).map(|p| view! {
                        <tr>
                            <td class="nowrap">{clock::show(p.minute)}</td>
                            {p.calls.into_iter().map(|(_, n)| view! { <td>{n}</td> }).collect_view()}
                            <td>{p.failed}</td>
                            <td>{format!("{}%", p.cpu.round() as u32)}</td>
                            <td>{format!("{}%", p.memory.round() as u32)}</td>
                        </tr>
                    }).collect_view()}
                </tbody>
            </table>
        </div>
        <SimulateTraffic service=service />
    }
}

/// Sandbox only: sends a chosen number of calls each simulated minute, split by the traffic
/// ratios, so a gray launch can be rehearsed.
#[component]
fn SimulateTraffic(service: Memo<Option<RealTimeService>>) -> impl IntoView {
    let store = use_store();
    let current = move || service.with(|s| s.as_ref().map_or(0, |s| s.simulation.traffic));
    let typed = RwSignal::new(current().to_string());
    let error = RwSignal::new(None::<String>);
    let action = store.command_action(move |result| {
        if let Err(e) = result {
            error.try_set(Some(say().error_reason(&e)));
        }
    });
    let apply = move |_| {
        let Some(id) = service.with_untracked(|s| s.as_ref().map(|s| s.service_id.clone())) else {
            return;
        };
        match typed.with_untracked(|t| parse_calls_per_minute(t)) {
            Ok(n) => {
                error.set(None);
                action.dispatch_local(Command::SimulateTraffic {
                    service_id: id,
                    calls_per_minute: n,
                });
            }
            Err(violation) => error.set(Some(say().violation(&violation))),
        }
    };
    let words = &t().real_time;
    view! {
        <section class="sandbox-panel" aria-labelledby="simulate-traffic">
            <h2 id="simulate-traffic" class="section-title">{words.simulate_traffic}</h2>
            <p class="muted">{words.simulate_note}</p>
            <div class="field">
                <label class="field-label" for=input_id(Field::CallsPerMinute)>{say().field(Field::CallsPerMinute)}</label>
                <input
                    id=input_id(Field::CallsPerMinute)
                    class="number-input"
                    type="number"
                    min="0"
                    max=MAX_TRAFFIC
                    aria-invalid=move || error.with(|e| e.is_some()).then_some("true")
                    aria-describedby=move || error.with(|e| e.is_some()).then(|| message_id(Field::CallsPerMinute))
                    prop:value=move || typed.get()
                    on:input=move |ev| typed.set(event_target_value(&ev))
                />
                <FieldMessage field=Field::CallsPerMinute message=error />
            </div>
            <button type="button" class="button" disabled=move || action.pending().get() on:click=apply>{words.apply}</button>
            <p class="muted">{move || match current() { 0 => words.no_traffic.to_string(), n => (words.traffic_now)(n) }}</p>
        </section>
    }
}

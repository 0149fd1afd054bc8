//! Logs: a model version's lines (start-up, calls, errors) over the last 5 minutes, 30
//! minutes, hour, or a custom range.

use console_core::realtime::LogRange;
use console_core::RealTimeService;
use leptos::prelude::*;

use crate::clock;
use crate::i18n::{say, t};
use crate::state::use_store;

#[derive(Clone, Copy, PartialEq, Eq)]
enum Range {
    Five,
    Thirty,
    Hour,
    Custom,
}

impl Range {
    const ALL: [Range; 4] = [Range::Five, Range::Thirty, Range::Hour, Range::Custom];

    fn label(self) -> &'static str {
        let words = &t().real_time;
        match self {
            Range::Five => words.last_5_minutes,
            Range::Thirty => words.last_30_minutes,
            Range::Hour => words.last_hour,
            Range::Custom => words.custom,
        }
    }
}

/// A time as a `datetime-local` input holds it, in the browser's zone.
fn to_input(ms: u64) -> String {
    console_core::format::datetime(ms, clock::utc_offset_minutes())
        .replace('/', "-")
        .replacen(' ', "T", 1)
        .chars()
        .take(16)
        .collect()
}

fn from_input(text: &str) -> Option<u64> {
    console_core::format::parse_datetime_local(text, clock::utc_offset_minutes())
}

#[component]
pub fn Logs(service: Memo<Option<RealTimeService>>) -> impl IntoView {
    let store = use_store();
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
    let version = RwSignal::new(
        versions
            .get_untracked()
            .first()
            .cloned()
            .unwrap_or_default(),
    );
    let range = RwSignal::new(Range::Five);
    let now = store.sim_now();
    let from = RwSignal::new(to_input(now.saturating_sub(3_600_000)));
    let to = RwSignal::new(to_input(now));
    let lines = move || {
        let now = store.ticking_now();
        let log_range = match range.get() {
            Range::Five => LogRange::Last5Minutes,
            Range::Thirty => LogRange::Last30Minutes,
            Range::Hour => LogRange::LastHour,
            Range::Custom => LogRange::Custom {
                from: from.with(|t| from_input(t)).unwrap_or(0),
                to: to.with(|t| from_input(t)).map_or(now, |t| t + 59_999),
            },
        };
        let (start, end) = log_range.bounds(now);
        let v = version.get();
        service.with(|s| {
            s.as_ref()
                .map(|s| s.logs(&v, start, end))
                .unwrap_or_default()
        })
    };
    let words = &t().real_time;
    view! {
        <div class="toolbar">
            <label class="inline-field">
                {words.model_version}" "
                <select aria-label=words.model_version on:change=move |ev| version.set(event_target_value(&ev))>
                    {move || versions.get().into_iter().map(|v| {
                        let (this, value) = (v.clone(), v.clone());
                        view! { <option value=value prop:selected=move || version.get() == this>{v}</option> }
                    }).collect_view()}
                </select>
            </label>
            <div class="segmented" role="radiogroup" aria-label=words.time_range>
                {Range::ALL.into_iter().map(|r| view! {
                    <label class="radio-option">
                        <input type="radio" name="log-range" prop:checked=move || range.get() == r on:change=move |_| range.set(r) />
                        {r.label()}
                    </label>
                }).collect_view()}
            </div>
            <Show when=move || range.get() == Range::Custom>
                <label class="inline-field">{words.from}" " <input type="datetime-local" aria-label=words.from prop:value=move || from.get() on:input=move |ev| from.set(event_target_value(&ev)) /></label>
                <label class="inline-field">{words.to}" " <input type="datetime-local" aria-label=words.to prop:value=move || to.get() on:input=move |ev| to.set(event_target_value(&ev)) /></label>
            </Show>
        </div>
        <div class="log-view" role="log" aria-label=words.log_lines>
            {move || {
                let lines = lines();
                if lines.is_empty() {
                    return view! { <p class="muted">{words.no_log_lines}</p> }.into_any();
                }
                lines.into_iter().map(|l| view! {
                    <div class=format!("log-line log-{}", l.level.to_ascii_lowercase())>
                        <span class="log-time">{clock::show(l.time)}</span>" "
                        <span class="log-level">{l.level}</span>" "
                        <span>{say().log_line(&l)}</span>
                    </div>
                }).collect_view().into_any()
            }}
        </div>
    }
}

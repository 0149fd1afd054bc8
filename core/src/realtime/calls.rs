//! Calls: which model version answers each call (by the traffic ratios), which calls fail
//! (an Alarm service fails one in five), the per-minute record that Monitoring and Logs read,
//! the Prediction tab's deterministic answer, and Simulate Traffic's calls every simulated
//! minute.
//!
//! Call number `k` of a service (its `invocation_times` before the call) falls in slot
//! `61 k mod 100`; the versions own consecutive slots by their weights. 61 is prime to 100,
//! so every 100 consecutive calls fill each slot once: the split follows the ratios exactly
//! per 100 calls, and counting `n` calls is arithmetic, not a loop over them.

use crate::catalog::Catalog;
use crate::event::EventKind;
use crate::{Millis, HOUR, MINUTE};

use super::{CallMinute, RealTimeConfig, RealTimeService};

/// The most calls per simulated minute Simulate Traffic sends.
pub const MAX_TRAFFIC: u32 = 10_000;
/// How long the per-minute record is kept (Monitoring's and Logs' longest range of calls).
pub const CALL_RECORD: Millis = HOUR;
/// Calls one compute node answers in a minute at full CPU, for Monitoring's CPU use.
const CALLS_PER_NODE_MINUTE: u64 = 600;

fn slot(k: u64) -> u64 {
    k.wrapping_mul(61) % 100
}

/// Whether call slot `slot` fails on an Alarm service: one slot in five (slot `s` is `k`
/// modulo 5, as 61 is 1 modulo 5).
fn slot_fails(slot: u64) -> bool {
    slot.is_multiple_of(5)
}

/// The version owning a slot: the first whose cumulative weight passes it.
fn version_of(config: &[RealTimeConfig], slot: u64) -> usize {
    let mut upper = 0;
    for (i, c) in config.iter().enumerate() {
        upper += u64::from(c.weight);
        if slot < upper {
            return i;
        }
    }
    config.len().saturating_sub(1)
}

/// Calls and failures per version of `n` calls numbered from `k0`.
fn split(config: &[RealTimeConfig], k0: u64, n: u64, alarm: bool) -> Vec<(u64, u64)> {
    let mut counts = vec![(0u64, 0u64); config.len()];
    if config.is_empty() {
        return counts;
    }
    let cycles = n / 100;
    if cycles > 0 {
        for s in 0..100 {
            let v = version_of(config, s);
            counts[v].0 = counts[v].0.saturating_add(cycles);
            if alarm && slot_fails(s) {
                counts[v].1 = counts[v].1.saturating_add(cycles);
            }
        }
    }
    // Call numbers go round (a slot is a number modulo 100), also from a hostile saved count.
    for i in cycles * 100..n {
        let s = slot(k0.wrapping_add(i));
        let v = version_of(config, s);
        counts[v].0 = counts[v].0.saturating_add(1);
        if alarm && slot_fails(s) {
            counts[v].1 = counts[v].1.saturating_add(1);
        }
    }
    counts
}

/// The Prediction tab's answer to one call.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Answer {
    pub model_version: String,
    /// The answer's JSON text.
    pub body: String,
    pub latency_ms: u64,
    pub failed: bool,
}

/// One minute of Monitoring.
#[derive(Clone, Debug, PartialEq)]
pub struct MinutePoint {
    pub minute: Millis,
    /// Calls per model version, in the service's version order.
    pub calls: Vec<(String, u64)>,
    pub failed: u64,
    /// Percent of the service's CPU and memory in use.
    pub cpu: f64,
    pub memory: f64,
}

/// The Logs tab's ranges.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum LogRange {
    Last5Minutes,
    Last30Minutes,
    LastHour,
    Custom { from: Millis, to: Millis },
}

impl LogRange {
    pub fn bounds(self, now: Millis) -> (Millis, Millis) {
        match self {
            LogRange::Last5Minutes => (now.saturating_sub(5 * MINUTE), now),
            LogRange::Last30Minutes => (now.saturating_sub(30 * MINUTE), now),
            LogRange::LastHour => (now.saturating_sub(HOUR), now),
            LogRange::Custom { from, to } => (from, to),
        }
    }
}

/// One line of a model version's log (`Display`: its text in English;
/// `speak(lang).log_line(..)` in a language).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct LogLine {
    pub time: Millis,
    /// `INFO` or `ERROR`, as the log writes it.
    pub level: &'static str,
    /// The version whose log it is (each line starts with it).
    pub model_version: String,
    pub text: LogText,
}

/// What a log line says.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum LogText {
    /// A deployment phase started.
    PhaseStarted(crate::realtime::DeployPhase),
    ModelStarted,
    ModelStopped,
    ConfigurationUpdated,
    /// The service failed with this reason.
    Failed(String),
    /// A minute's calls to the service.
    Calls {
        service_id: String,
        calls: u64,
        succeeded: u64,
    },
    /// A minute's failed calls.
    CallsFailed(u64),
}

impl std::fmt::Display for LogLine {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&crate::text::Events::log_line(&crate::text::English, self))
    }
}

/// The largest request body the Prediction tab sends (FACTS.md: 8 MB there, 12 MB by API).
pub const MAX_PREDICTION_BYTES: usize = 8 << 20;

/// A Prediction request body: a JSON object of at most [`MAX_PREDICTION_BYTES`].
pub fn check_request_body(body: &str) -> Result<(), crate::validation::Violation> {
    use crate::validation::Violation;
    if body.len() > MAX_PREDICTION_BYTES {
        return Err(Violation::RequestTooLarge);
    }
    match serde_json::from_str::<serde_json::Value>(body) {
        Ok(serde_json::Value::Object(_)) => Ok(()),
        Ok(_) => Err(Violation::RequestNotObject),
        Err(e) => Err(Violation::RequestNotJson {
            error: e.to_string(),
            line: e.line(),
            column: e.column(),
        }),
    }
}

/// The Prediction tab's request, pre-filled from a model's input parameters.
pub fn sample_request(catalog: &Catalog, model_id: &str) -> String {
    let fields = catalog
        .model(model_id)
        .map(|m| m.input_fields.clone())
        .unwrap_or_default();
    let values: Vec<String> = fields
        .iter()
        .map(|f| {
            let value = match f.as_str() {
                "image" => "https://obs.example.com/samples/image-001.jpg",
                "text" => "The delivery was fast and the product works well.",
                "language" => "en",
                "page" => "1",
                _ => "value",
            };
            format!("  \"{f}\": \"{value}\"")
        })
        .collect();
    format!("{{\n{}\n}}", values.join(",\n"))
}

/// FNV-1a of a text: stable across builds, for answers and latencies.
fn fnv(text: &str) -> u64 {
    text.bytes().fold(0xcbf2_9ce4_8422_2325u64, |h, b| {
        (h ^ u64::from(b)).wrapping_mul(0x0100_0000_01b3)
    })
}

impl RealTimeService {
    /// Adds `n` calls of `minute` numbered from the current total, per version.
    fn count_calls(&mut self, minute: Option<Millis>, n: u64) {
        let alarm = self.status == crate::ServiceStatus::Concerning;
        let counts = split(&self.config, self.invocation_times, n, alarm);
        self.invocation_times = self.invocation_times.saturating_add(n);
        for (config, (calls, failed)) in self.config.iter().zip(counts) {
            self.failed_times = self.failed_times.saturating_add(failed);
            let Some(minute) = minute else { continue };
            if calls == 0 {
                continue;
            }
            match self
                .calls
                .iter_mut()
                .find(|c| c.minute == minute && c.model_version == config.model_version)
            {
                Some(c) => {
                    c.calls = c.calls.saturating_add(calls);
                    c.failed = c.failed.saturating_add(failed);
                }
                None => self.calls.push(CallMinute {
                    minute,
                    model_version: config.model_version.clone(),
                    calls,
                    failed,
                }),
            }
        }
    }

    /// Drops the per-minute record older than [`CALL_RECORD`] before `now`.
    fn prune_calls(&mut self, now: Millis) {
        let oldest = now.saturating_sub(CALL_RECORD);
        self.calls
            .retain(|c| c.minute.saturating_add(MINUTE) > oldest);
    }

    /// Simulate Traffic's calls at every minute mark in `(from, until]`.
    pub(super) fn simulate_traffic(&mut self, from: Millis, until: Millis) {
        let n = u64::from(self.simulation.traffic);
        if n == 0 {
            return;
        }
        let first = from / MINUTE + 1;
        let last = until / MINUTE;
        if last < first {
            return;
        }
        // Minutes the record would drop at once are counted in one sum.
        let kept_from = (until.saturating_sub(CALL_RECORD) / MINUTE).max(first);
        if kept_from > first {
            self.count_calls(None, n * (kept_from - first));
        }
        for m in kept_from..=last {
            self.count_calls(Some(m * MINUTE), n);
        }
        self.prune_calls(until);
    }

    /// One call at `now` with `body` (the caller checked that the service answers).
    pub(crate) fn call(&mut self, catalog: &Catalog, body: &str, now: Millis) -> Answer {
        let k = self.invocation_times;
        let s = slot(k);
        let v = version_of(&self.config, s);
        let failed = self.status == crate::ServiceStatus::Concerning && slot_fails(s);
        self.count_calls(Some(now / MINUTE * MINUTE), 1);
        self.prune_calls(now);
        let config = &self.config[v];
        let hash = fnv(body) ^ fnv(&config.model_version);
        let latency_ms = 20 + hash % 80 + 15 * v as u64;
        let body = if failed {
            r#"{"error_code":"ModelArts.4503","error_msg":"The service is unstable. Try again later."}"#
                .to_string()
        } else {
            answer_json(catalog, config, hash)
        };
        Answer {
            model_version: config.model_version.clone(),
            body,
            latency_ms,
            failed,
        }
    }

    /// Monitoring: the last hour before `now`, minute by minute.
    pub fn monitoring(&self, now: Millis) -> Vec<MinutePoint> {
        let last = now / MINUTE;
        let first = last.saturating_sub(CALL_RECORD / MINUTE - 1);
        let nodes = u64::from(self.nodes().max(1));
        (first..=last)
            .map(|m| {
                let minute = m * MINUTE;
                let here = self.calls.iter().filter(|c| c.minute == minute);
                let calls: Vec<(String, u64)> = self
                    .config
                    .iter()
                    .map(|c| {
                        let n = here
                            .clone()
                            .filter(|x| x.model_version == c.model_version)
                            .map(|x| x.calls)
                            .sum();
                        (c.model_version.clone(), n)
                    })
                    .collect();
                let total: u64 = here.clone().map(|x| x.calls).sum();
                let failed = here.map(|x| x.failed).sum();
                let load = total as f64 / (nodes * CALLS_PER_NODE_MINUTE) as f64;
                let up = self.was_up_at(minute, total > 0);
                MinutePoint {
                    minute,
                    calls,
                    failed,
                    cpu: if up {
                        (4.0 + 90.0 * load).min(100.0)
                    } else {
                        0.0
                    },
                    memory: if up {
                        (28.0 + 40.0 * load).min(100.0)
                    } else {
                        0.0
                    },
                }
            })
            .collect()
    }

    /// Whether the service was answering at `at`: its status, if it has not changed since;
    /// otherwise the last change recorded by then, or (its events pruned) whether it took
    /// calls in that minute.
    fn was_up_at(&self, at: Millis, took_calls: bool) -> bool {
        if self.transition_at <= at {
            return self.answers_calls();
        }
        self.events
            .iter()
            .take_while(|e| e.time <= at)
            .filter_map(|e| match e.kind {
                EventKind::Running | EventKind::PoolRecovered { .. } => Some(true),
                EventKind::Stopped
                | EventKind::AutoStopped
                | EventKind::StopRequested
                | EventKind::DeleteRequested
                | EventKind::Failed { .. }
                | EventKind::PoolGone { .. }
                | EventKind::DeployPhase { .. }
                | EventKind::WaitingForResources { .. } => Some(false),
                _ => None,
            })
            .last()
            .unwrap_or(took_calls)
    }

    /// The log of one model version in `[from, to]`: start-up lines from the events, then a
    /// line per minute of calls and one per minute with failures, oldest first.
    pub fn logs(&self, model_version: &str, from: Millis, to: Millis) -> Vec<LogLine> {
        let in_range = |t: Millis| t >= from && t <= to;
        let mut lines: Vec<LogLine> = self
            .events
            .iter()
            .filter(|e| in_range(e.time))
            .filter_map(|e| {
                let text = match &e.kind {
                    EventKind::DeployPhase { phase } => LogText::PhaseStarted(*phase),
                    EventKind::Running => LogText::ModelStarted,
                    EventKind::Stopped | EventKind::AutoStopped => LogText::ModelStopped,
                    EventKind::Updated => LogText::ConfigurationUpdated,
                    EventKind::Failed { reason } => LogText::Failed(reason.clone()),
                    _ => return None,
                };
                let level = if e.event_type() == crate::EventType::Abnormal {
                    "ERROR"
                } else {
                    "INFO"
                };
                Some(LogLine {
                    time: e.time,
                    level,
                    model_version: model_version.to_string(),
                    text,
                })
            })
            .collect();
        for c in self
            .calls
            .iter()
            .filter(|c| c.model_version == model_version && in_range(c.minute))
        {
            lines.push(LogLine {
                time: c.minute,
                level: "INFO",
                model_version: model_version.to_string(),
                text: LogText::Calls {
                    service_id: self.service_id.clone(),
                    calls: c.calls,
                    succeeded: c.calls - c.failed,
                },
            });
            if c.failed > 0 {
                lines.push(LogLine {
                    time: c.minute,
                    level: "ERROR",
                    model_version: model_version.to_string(),
                    text: LogText::CallsFailed(c.failed),
                });
            }
        }
        crate::sort::sort_by_key(&mut lines, |l| l.time);
        lines
    }
}

/// A call's JSON answer from the model's output parameters, derived from `hash`.
fn answer_json(catalog: &Catalog, config: &RealTimeConfig, hash: u64) -> String {
    let outputs = catalog
        .model(&config.model_id)
        .map(|m| m.outputs.clone())
        .unwrap_or_default();
    if outputs.is_empty() {
        return format!("{{\"result\":\"{}\"}}", hash % 1000);
    }
    let fields: Vec<String> = outputs
        .iter()
        .enumerate()
        .map(|(i, p)| {
            let h = hash.rotate_left(7 * i as u32 + 3);
            let value = match p.param_type.as_str() {
                "number" => format!("{}.{:02}", h % 100, (h >> 8) % 100),
                "array" => {
                    let a = 50 + h % 50;
                    format!("[0.{a:02}, 0.{:02}]", 99 - a)
                }
                _ => format!("\"{}\"", label_for(&p.name, h)),
            };
            format!("\"{}\": {value}", p.name)
        })
        .collect();
    format!("{{{}}}", fields.join(", "))
}

fn label_for(name: &str, h: u64) -> String {
    match name {
        "sentiment" => ["positive", "negative", "neutral"][(h % 3) as usize].to_string(),
        "predicted_label" => (h % 10).to_string(),
        _ => format!("{name}-{:04}", h % 10_000),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn config(weights: &[u32]) -> Vec<RealTimeConfig> {
        weights
            .iter()
            .enumerate()
            .map(|(i, w)| RealTimeConfig {
                model_id: "m".into(),
                model_name: "m".into(),
                model_version: format!("0.0.{i}"),
                weight: *w,
                specification: "s".into(),
                instance_count: 1,
                envs: Default::default(),
                timeout: 20,
            })
            .collect()
    }

    /// Counting calls in one sum is counting them one by one.
    #[test]
    fn a_split_in_one_sum_is_calls_one_by_one() {
        let c = config(&[70, 20, 10]);
        for (k0, n) in [(0, 0), (3, 1), (17, 250), (99, 1_001), (12_345, 7)] {
            let mut by_one = vec![(0, 0); 3];
            for k in k0..k0 + n {
                let s = slot(k);
                by_one[version_of(&c, s)].0 += 1;
                if slot_fails(s) {
                    by_one[version_of(&c, s)].1 += 1;
                }
            }
            assert_eq!(split(&c, k0, n, true), by_one, "{k0} {n}");
        }
        // A hostile saved count goes round instead of overflowing.
        let near_end = u64::MAX - 1;
        let total: u64 = split(&c, near_end, 5, true).iter().map(|v| v.0).sum();
        assert_eq!(total, 5);
    }
}

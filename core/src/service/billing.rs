//! A service's bill: billed only while Running or Alarm, at flavor price x compute nodes, with
//! one line per run so a user sees what each start/stop cycle cost.

use serde::{Deserialize, Serialize};

use crate::{Millis, HOUR};

/// Runs kept per service; older lines drop off (the totals keep counting them).
pub const MAX_RUNS: usize = 100;

/// Time and money spent while running.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct Billing {
    /// Milliseconds billed so far (Running or Alarm only).
    pub billed_ms: Millis,
    /// USD accrued so far.
    pub cost: f64,
    /// USD per hour for the current run: flavor price x compute nodes, fixed when it deploys.
    pub hourly_rate: f64,
    /// The most recent runs, oldest first; the last is open while the service runs.
    #[serde(default)]
    pub runs: Vec<Run>,
}

/// One stretch of running, from Running to the stop, completion, failure or redeploy.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Run {
    pub start: Millis,
    /// `None` while it is still running.
    pub end: Option<Millis>,
    pub billed_ms: Millis,
    pub cost: f64,
    pub hourly_rate: f64,
}

impl Billing {
    /// The run in progress, if the service is running.
    pub fn open_run(&self) -> Option<&Run> {
        self.runs.last().filter(|r| r.end.is_none())
    }

    pub(crate) fn start_run(&mut self, at: Millis) {
        self.end_run(at);
        self.runs.push(Run {
            start: at,
            end: None,
            billed_ms: 0,
            cost: 0.0,
            hourly_rate: self.hourly_rate,
        });
        if self.runs.len() > MAX_RUNS {
            self.runs.drain(..self.runs.len() - MAX_RUNS);
        }
    }

    pub(crate) fn end_run(&mut self, at: Millis) {
        if let Some(run) = self.runs.last_mut().filter(|r| r.end.is_none()) {
            run.end = Some(at);
        }
    }

    /// Bills `elapsed` milliseconds of running at the current rate.
    pub(crate) fn accrue(&mut self, elapsed: Millis) {
        let cost = elapsed as f64 / HOUR as f64 * self.hourly_rate;
        self.billed_ms += elapsed;
        self.cost += cost;
        if let Some(run) = self.runs.last_mut().filter(|r| r.end.is_none()) {
            run.billed_ms += elapsed;
            run.cost += cost;
        }
    }
}

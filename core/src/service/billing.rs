//! A service's bill: billed only while Running or Alarm, at flavor price x compute nodes, with
//! one line per run so a user sees what each start/stop cycle cost.
//!
//! A run's cost is a function of its billed time (not a sum of the ticks that billed it), so
//! billing a stretch in one step or in many gives the same figures to the last bit. The saved
//! form relies on it: a service whose only change is time passing is saved as it was and
//! brought up to date on load (`snapshot::Encoder`).

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
    /// While a run is open: `cost` when it opened, so `cost` is this plus the run's cost.
    /// (Absent from data saved before it existed: taken from `cost` at the next accrual.)
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub settled_cost: Option<f64>,
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
        self.settled_cost = Some(self.cost);
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
        self.settled_cost = None;
    }

    /// Bills `elapsed` milliseconds of running at the current rate. With a run open, the costs
    /// are computed from the billed time, so they do not depend on how time was split.
    pub(crate) fn accrue(&mut self, elapsed: Millis) {
        self.billed_ms += elapsed;
        match self.runs.last_mut().filter(|r| r.end.is_none()) {
            Some(run) => {
                let settled = *self
                    .settled_cost
                    .get_or_insert((self.cost - run.cost).max(0.0));
                run.billed_ms += elapsed;
                run.cost = cost_of(run.billed_ms, self.hourly_rate);
                self.cost = settled + run.cost;
            }
            None => self.cost += cost_of(elapsed, self.hourly_rate),
        }
    }
}

/// USD for `billed_ms` at `hourly_rate`.
fn cost_of(billed_ms: Millis, hourly_rate: f64) -> f64 {
    billed_ms as f64 / HOUR as f64 * hourly_rate
}

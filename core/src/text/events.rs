//! Events, outcomes, configuration changes and durations.

use crate::command::Outcome;
use crate::event::{EventKind, Reason};
use crate::pool::{Pool, PoolEventKind};
use crate::realtime::{LogLine, VersionChange};
use crate::Millis;

speaks! {
    /// What the console says of what happened: events, a command's outcome, a modification's
    /// changes, log lines, durations.
    pub trait Events {
        /// A batch or real-time service's event (the Events tab).
        fn service_event(&self, kind: &EventKind) -> String;
        /// A pool's event (its Events).
        fn pool_event(&self, kind: &PoolEventKind) -> String;
        /// Why the console failed a service, raised its alarm or marked a pool Abnormal.
        fn reason(&self, reason: &Reason) -> String;
        /// A saved failure, alarm or fault message (a service's `error_msg`, a Failed or Alarm
        /// event's reason, an Abnormal pool's reason): a [`Reason`] the console wrote, or any
        /// other text as it is.
        fn saved_reason(&self, text: &str) -> String;
        /// What an accepted command did (the success toast).
        fn outcome(&self, outcome: &Outcome) -> String;
        /// One change of a real-time service's modification (the upgrade dialog), old -> new.
        fn version_change(&self, change: &VersionChange) -> String;
        /// A model version's log line, after its time and level (the Logs tab).
        fn log_line(&self, line: &LogLine) -> String;
        /// A length of time: `2d 3h 4m 5s`, dropping leading zero units.
        fn duration(&self, ms: Millis) -> String;
        /// Auto Stop as the real-time list shows it: the time left to `due_time` at `now`, the
        /// setting of `hours` when it is not counting, or Off.
        fn auto_stop_text(&self, due_time: Option<Millis>, hours: Option<u32>, now: Millis) -> String;
        /// A pool's AZ column: the chosen AZ, or Random with where the nodes landed.
        fn pool_az(&self, pool: &Pool) -> String;
    }
}

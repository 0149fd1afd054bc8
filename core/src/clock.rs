//! Simulated time. Every lifecycle step, progress and bill follows it; it runs `speed` times as
//! fast as the wall clock from its anchor, and is saved with the state, so a tab closed for an
//! hour at 1x comes back an hour later in simulated time (and 60 hours later at 60x).

use serde::{Deserialize, Serialize};

use crate::Millis;

/// The speeds Settings offers.
pub const SPEEDS: [u32; 6] = [1, 2, 5, 10, 30, 60];
/// The fastest simulation.
pub const MAX_SPEED: u32 = 60;

#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct SimClock {
    /// Simulated milliseconds per wall-clock millisecond, 1 to [`MAX_SPEED`].
    pub speed: u32,
    /// The wall-clock instant at which `sim_anchor` was the simulated time.
    pub wall_anchor: Millis,
    pub sim_anchor: Millis,
}

impl Default for SimClock {
    /// Real time: simulated time equals the wall clock.
    fn default() -> Self {
        SimClock {
            speed: 1,
            wall_anchor: 0,
            sim_anchor: 0,
        }
    }
}

impl SimClock {
    /// The simulated time at wall-clock time `wall`. A wall clock set back before the anchor
    /// stops simulated time instead of reversing it.
    pub fn now(&self, wall: Millis) -> Millis {
        self.sim_anchor
            .saturating_add(wall.saturating_sub(self.wall_anchor) * Millis::from(self.speed))
    }

    /// Changes the speed from `wall` on, without a jump in simulated time.
    pub fn set_speed(&mut self, speed: u32, wall: Millis) {
        let sim = self.now(wall);
        *self = SimClock {
            speed,
            wall_anchor: wall,
            sim_anchor: sim,
        };
    }

    pub fn is_valid_speed(speed: u32) -> bool {
        (1..=MAX_SPEED).contains(&speed)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn default_is_the_wall_clock() {
        assert_eq!(SimClock::default().now(1_234), 1_234);
    }

    #[test]
    fn speed_changes_keep_time_continuous_and_scale_what_follows() {
        let mut clock = SimClock::default();
        clock.set_speed(60, 10_000);
        assert_eq!(clock.now(10_000), 10_000, "no jump");
        assert_eq!(
            clock.now(11_000),
            70_000,
            "one wall second is a simulated minute"
        );
        clock.set_speed(1, 11_000);
        assert_eq!(clock.now(12_000), 71_000);
        assert_eq!(
            clock.now(5_000),
            70_000,
            "a clock set back does not reverse time"
        );
    }
}

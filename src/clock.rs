//! The browser's clock: the one place the app reads time, to hand it to the core as `now`.

use std::time::Duration;

use console_core::Millis;
use leptos::prelude::{request_animation_frame, request_idle_callback_with_handle, set_timeout};

pub fn now() -> Millis {
    js_sys::Date::now() as Millis
}

/// Minutes east of UTC, for [`console_core::format::datetime`].
pub fn utc_offset_minutes() -> i32 {
    -(js_sys::Date::new_0().get_timezone_offset() as i32)
}

/// Marks a moment of start-up on the page's performance timeline (`console:<name>`), so the
/// benchmark can say where start-up time goes. Costs nothing when nobody reads it.
pub fn mark(name: &str) {
    if let Some(performance) = web_sys::window().and_then(|w| w.performance()) {
        let _ = performance.mark(&format!("console:{name}"));
    }
}

/// Runs `work` `delay` after the next paint (a frame callback runs just before the paint, a
/// task it queues just after): for start-up work the first rows need not wait for.
pub fn after_next_paint(delay: Duration, work: impl FnOnce() + 'static) {
    request_animation_frame(move || set_timeout(work, delay));
}

/// Runs `work` after the next paint, at the browser's next idle moment (or a second later
/// where it has no idle callbacks): for background fetches, which cost the page several
/// milliseconds to start.
pub fn when_idle_after_paint(work: impl Fn() + Clone + 'static) {
    after_next_paint(Duration::ZERO, move || {
        if request_idle_callback_with_handle(work.clone()).is_err() {
            set_timeout(work, Duration::from_secs(1));
        }
    });
}

/// A time as the console shows it, in the browser's zone.
pub fn show(ms: Millis) -> String {
    console_core::format::datetime(ms, utc_offset_minutes())
}

/// The time of day of [`show`] without seconds (`08:04`), for a chart's axis.
pub fn show_time(ms: Millis) -> String {
    show(ms)
        .split(' ')
        .nth(1)
        .map_or_else(String::new, |t| t[..t.len().min(5)].to_string())
}

/// The date of [`show`] (`2026/12/07`), for a chart's axis.
pub fn show_date(ms: Millis) -> String {
    show(ms).split(' ').next().unwrap_or_default().to_string()
}

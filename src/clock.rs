//! The browser's clock: the one place the app reads time, to hand it to the core as `now`.

use console_core::Millis;

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

/// A time as the console shows it, in the browser's zone.
pub fn show(ms: Millis) -> String {
    console_core::format::datetime(ms, utc_offset_minutes())
}

//! Events, outcomes, configuration changes and durations.

pub trait Events {}

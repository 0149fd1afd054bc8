//! The Real-Time Services pages' words: list, details and its tabs, Deploy, Modify.

pub struct RealTime {
    pub deploy: &'static str,
}

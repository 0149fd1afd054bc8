//! The Batch Services pages' words: list, details, Deploy, Modify and their dialogs.

pub struct Batch {
    pub deploy: &'static str,
    pub select_one: &'static str,
}

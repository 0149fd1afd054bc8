//! The Settings page's words, and export and import.

pub struct Settings {
    pub title: &'static str,
}

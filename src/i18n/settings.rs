//! The Settings page's words, and export and import.

pub struct Settings {
    pub title: &'static str,
    pub agency_heading: &'static str,
    pub agency_text: &'static str,
    /// Before the authorization's state.
    pub status_line: &'static str,
    pub authorized: &'static str,
    pub not_authorized: &'static str,
    pub add_authorization: &'static str,
    pub remove_authorization: &'static str,
    pub quota_heading: &'static str,
    /// With the most batch services an account may have.
    pub quota_text: fn(&str) -> String,
    pub enforce_quotas: &'static str,
    pub service_count: fn(&str) -> String,
    pub speed_heading: &'static str,
    pub speed_text: &'static str,
    pub simulation_speed: &'static str,
    /// A speed's option: `60x`.
    pub speed: fn(u32) -> String,
    /// Before the simulated clock.
    pub simulated_time: &'static str,
    pub transfer_heading: &'static str,
    pub transfer_text: &'static str,
    pub demo_heading: &'static str,
    pub demo_text: &'static str,
    pub reset_demo: &'static str,
    pub backup_heading: &'static str,
    pub no_backups: &'static str,
    /// After a backup's key: its size in characters.
    pub backup_size: fn(usize) -> String,
    pub delete_backup: &'static str,
    pub reset_title: &'static str,
    pub reset_warning: &'static str,
    // Import (the button and its dialog).
    pub import: &'static str,
    pub import_data: &'static str,
    /// Before the name of the file being read.
    pub reading: &'static str,
    /// After it.
    pub reading_end: &'static str,
    /// A refused file: its name and the number of errors.
    pub refused: fn(&str, usize) -> String,
    pub errors: &'static str,
    /// After the listed errors: how many more there are.
    pub more_errors: fn(usize) -> String,
    /// The region an import switches to.
    pub region_note: fn(&str) -> String,
    /// The file's name, the console version and the time it was exported at.
    pub exported_from: fn(&str, &str, &str) -> String,
    pub services: &'static str,
    pub replace_note: &'static str,
    pub added: &'static str,
    pub replaced: &'static str,
    pub kept: &'static str,
    /// A group's row: `Added (3)`.
    pub group_row: fn(&str, usize) -> String,
    /// After the listed names: how many more there are.
    pub more_names: fn(usize) -> String,
}

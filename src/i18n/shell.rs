//! The shell's words: top bar, navigation, loading and banners.

pub struct Shell {
    pub product: &'static str,
    pub region: &'static str,
    pub navigation: &'static str,
    pub model_deployment: &'static str,
    pub real_time_services: &'static str,
    pub batch_services: &'static str,
    pub pools: &'static str,
    pub settings: &'static str,
    // A module fetched on demand.
    pub loading: &'static str,
    pub loading_saved: &'static str,
    pub older_form_not_loaded: &'static str,
    pub demo_not_loaded: &'static str,
    pub page_not_loaded: &'static str,
    pub try_again: &'static str,
    // Not found.
    pub page_not_found: &'static str,
    /// Before the address of a missing page.
    pub no_page_at: &'static str,
    /// After it.
    pub no_page_end: &'static str,
    pub go_to_batch_services: &'static str,
    // Banners: saved data (the core's error, the backup key or why there is none), storage.
    pub dismiss: &'static str,
    pub load_kept: fn(&str, &str) -> String,
    pub load_not_kept: fn(&str, &str) -> String,
    pub storage_unavailable: fn(&str) -> String,
    pub other_tab_kept: fn(&str, &str) -> String,
    pub other_tab_not_kept: fn(&str, &str) -> String,
    pub save_failed: fn(&str) -> String,
    pub storage_blocked: &'static str,
    pub storage_unknown_error: &'static str,
    pub writer_not_loaded: &'static str,
    pub console_closed: &'static str,
    // The host's catalog.json.
    /// The banner: why it is not used.
    pub catalog_banner: fn(&str) -> String,
    pub catalog_not_fetched: fn(&str) -> String,
    /// Why it could not be: the page has no window.
    pub no_window: &'static str,
    pub catalog_status: fn(u16) -> String,
    pub catalog_not_read: fn(&str) -> String,
    pub catalog_reader_not_loaded: &'static str,
    /// Refused by the core, with its reason.
    pub catalog_ignored: fn(&str) -> String,
}

//! Words shared by every page: operations, dialogs, lists, forms.

pub struct Common {
    pub cancel: &'static str,
    pub ok: &'static str,
    pub submit: &'static str,
    pub next: &'static str,
    pub close: &'static str,
    pub delete: &'static str,
    pub more: &'static str,
    pub operation: &'static str,
    pub name: &'static str,
    pub status: &'static str,
    pub description: &'static str,
    pub created: &'static str,
    pub all_statuses: &'static str,
    pub select_one: &'static str,
    pub select_all_matching: fn(usize) -> String,
    pub clear_selection: &'static str,
    pub select_page: &'static str,
    pub back: &'static str,
    pub price: &'static str,
    pub name_id: &'static str,
    /// `n selected` in a list's toolbar.
    pub selected: fn(usize) -> String,
    /// A details page's tabs (batch and real-time services).
    pub events: &'static str,
    pub billing: &'static str,
    /// A label and what it says: `Name: value`, `Option: why it is disabled`.
    pub labelled: fn(&str, &str) -> String,
    /// Between a label (or a path) and what it says, where they are apart in the page.
    pub colon: &'static str,
    /// Between the names of a list in a sentence.
    pub list_separator: &'static str,
    // A list's search, filters and pagination.
    pub search_by_name: &'static str,
    pub breadcrumb: &'static str,
    /// Before the number of all rows.
    pub total_records: &'static str,
    pub rows_per_page: &'static str,
    pub previous_page: &'static str,
    pub next_page: &'static str,
    /// `Page 2 of 5`.
    pub page_of: fn(usize, usize) -> String,
    // Forms.
    /// A key/value row's inputs (Environment Variables).
    pub key: &'static str,
    pub value: &'static str,
    pub remove: &'static str,
    pub add_environment_variable: &'static str,
    /// Above the list of a form's errors after a submit.
    pub correct_following: &'static str,
    // Export (list toolbars, Settings, the failed-save banner).
    pub export: &'static str,
    pub export_data: &'static str,
    pub download_refused: &'static str,
}

//! Words shared by every page: operations, dialogs, lists, forms.

pub struct Common {
    pub cancel: &'static str,
    pub ok: &'static str,
    pub submit: &'static str,
    pub next: &'static str,
    pub previous: &'static str,
    pub close: &'static str,
    pub delete: &'static str,
    pub more: &'static str,
    pub operation: &'static str,
    pub name: &'static str,
    pub status: &'static str,
    pub description: &'static str,
    pub created: &'static str,
    pub search: &'static str,
    pub all_statuses: &'static str,
    pub no_data: &'static str,
    /// `n selected` in a list's toolbar.
    pub selected: fn(usize) -> String,
}

//! Building blocks shared by the pages.

pub mod action_button;
pub mod banners;
pub mod chart;
pub mod dialog;
pub mod form;
pub mod list_filters;
pub mod page_header;
pub mod pagination;
pub mod progress_board;
pub mod row_views;
pub mod service_dialogs;
pub mod service_tabs;
pub mod slots;
pub mod sort_header;
pub mod status_badge;
pub mod toasts;
pub mod transfer;

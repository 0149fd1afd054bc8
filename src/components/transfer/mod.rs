//! Export and import in the API's shape (the files are the core's, see
//! `console_core::transfer`): an Export button for a list or the whole region, and Import
//! from a file with a preview that applies nothing until confirmed.

pub mod download;
pub mod export_button;
pub mod import;

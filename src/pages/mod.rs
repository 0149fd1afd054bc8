//! One module per console page.

pub mod batch_services;
pub mod not_found;
pub mod pools;
pub mod real_time;
pub mod settings;

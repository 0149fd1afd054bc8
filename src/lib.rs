//! The ModelArts console sandbox: a Leptos CSR shell around the `console-core` domain crate.
//! The UI renders what the core answers; the only state lives in [`state::ConsoleStore`], and
//! what survives a reload in [`persistence`].

pub mod catalog_source;
pub mod clock;
pub mod components;
pub mod i18n;
pub mod notices;
pub mod pages;
pub mod persistence;
pub mod route;
pub mod shell;
pub mod state;

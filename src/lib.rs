//! The ModelArts console sandbox: a Leptos CSR shell around the `console-core` domain crate.
//! The UI renders what the core answers; the only state lives in [`state::ConsoleStore`], and
//! the only writes to localStorage happen in [`storage`].

pub mod catalog_source;
pub mod clock;
pub mod components;
pub mod pages;
pub mod route;
pub mod shell;
pub mod state;
pub mod storage;
pub mod tab_lock;

//! English.

mod labels;
mod events;
mod messages;
mod transfer;

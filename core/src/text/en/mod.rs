//! English.

mod events;
mod labels;
mod messages;
mod transfer;

//! English.

mod labels;

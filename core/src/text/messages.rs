//! Refusals, domain errors and the violations of form input.

pub trait Messages {}

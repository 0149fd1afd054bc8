use crate::text::{English, Transfer};

impl Transfer for English {}

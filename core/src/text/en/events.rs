use crate::text::{English, Events};

impl Events for English {}

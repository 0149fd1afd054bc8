use crate::text::{English, Messages};

impl Messages for English {}

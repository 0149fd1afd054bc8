use crate::text::{Chinese, Messages};

impl Messages for Chinese {}

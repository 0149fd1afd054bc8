use crate::text::{Chinese, Events};

impl Events for Chinese {}

use crate::text::{Chinese, Transfer};

impl Transfer for Chinese {}

//! The Dedicated Resource Pools pages' words: lists, details, Create, Scale, Delete.

pub struct Pools {
    pub create: &'static str,
}

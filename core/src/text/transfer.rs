//! Problems of an import file, of saved data and of a catalog.

pub trait Transfer {}

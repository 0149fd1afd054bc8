//! The Scale page's input: a new node count (scale out) or nodes switched off in the node
//! list (scale in).

/// What the Scale page submits.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct ScaleRequest {
    /// The node count asked for; `None` when what was typed is not a whole number.
    pub nodes: Option<u32>,
    /// Names of the nodes switched off (scale in).
    pub removed: Vec<String>,
}

impl ScaleRequest {
    /// Scale in: the nodes switched off in the node list, and the count that leaves.
    pub fn switching_off(current: u32, removed: Vec<String>) -> ScaleRequest {
        ScaleRequest {
            nodes: Some(current.saturating_sub(removed.len() as u32)),
            removed,
        }
    }
}

/// Whether a valid request scales out or in.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ScaleDirection {
    Out { from: u32, to: u32 },
    In { from: u32, to: u32 },
}

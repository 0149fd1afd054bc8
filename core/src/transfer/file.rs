//! The export file's types, in the API's shape.

use serde::{Deserialize, Serialize};

use crate::Millis;

/// An export file, whose services (`S`) and pools (`P`) are borrowed to write it.
#[derive(Serialize, Deserialize)]
pub(crate) struct ExportFile<S, P> {
    pub(crate) schema: String,
    pub(crate) console_version: Option<String>,
    pub(crate) exported_at: Millis,
    pub(crate) region: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub(crate) services: Option<ServiceList<S>>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub(crate) pools: Option<PoolList<P>>,
}

/// The answer of `GET /v1/{project_id}/services`.
#[derive(Serialize, Deserialize)]
pub(crate) struct ServiceList<S> {
    pub(crate) total_count: usize,
    pub(crate) count: usize,
    pub(crate) services: Vec<S>,
}

/// A v2 `PoolList`.
#[derive(Serialize, Deserialize)]
pub(crate) struct PoolList<P> {
    #[serde(rename = "apiVersion", default)]
    pub(crate) api_version: ApiVersion,
    #[serde(default)]
    pub(crate) kind: PoolListKind,
    pub(crate) items: Vec<P>,
}

/// A v2 `Pool`: the saved pool with the API's `apiVersion` and `kind` (which the saved state
/// does not repeat on every pool).
#[derive(Serialize, Deserialize)]
pub(crate) struct PoolItem<P> {
    #[serde(rename = "apiVersion", default)]
    pub(crate) api_version: ApiVersion,
    #[serde(default)]
    pub(crate) kind: PoolKind,
    #[serde(flatten)]
    pub(crate) pool: P,
}

#[derive(Clone, Copy, Default, Serialize, Deserialize)]
pub(crate) enum ApiVersion {
    #[default]
    #[serde(rename = "v2")]
    V2,
}

#[derive(Clone, Copy, Default, Serialize, Deserialize)]
pub(crate) enum PoolListKind {
    #[default]
    PoolList,
}

#[derive(Clone, Copy, Default, Serialize, Deserialize)]
pub(crate) enum PoolKind {
    #[default]
    Pool,
}

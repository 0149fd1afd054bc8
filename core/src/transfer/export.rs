//! Writing an export file (see the module documentation for the format).

use serde::Serialize;

use super::{ExportScope, JsonStrings, CONSOLE_VERSION, SCHEMA};
use crate::console::Console;
use crate::pool::Pool;
use crate::service::BatchService;
use crate::Millis;

#[derive(Serialize)]
struct ExportOut<'a> {
    schema: &'static str,
    console_version: &'static str,
    exported_at: Millis,
    region: &'a str,
    #[serde(skip_serializing_if = "Option::is_none")]
    services: Option<ServiceList<'a>>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pools: Option<PoolList<'a>>,
}

/// The answer of `GET /v1/{project_id}/services`.
#[derive(Serialize)]
struct ServiceList<'a> {
    total_count: usize,
    count: usize,
    services: &'a [BatchService],
}

/// A v2 `PoolList`.
#[derive(Serialize)]
struct PoolList<'a> {
    #[serde(rename = "apiVersion")]
    api_version: &'static str,
    kind: &'static str,
    items: Vec<PoolItem<'a>>,
}

/// A v2 `Pool`: the saved pool with the API's `apiVersion` and `kind` (which the saved state
/// does not repeat on every pool).
#[derive(Serialize)]
struct PoolItem<'a> {
    #[serde(rename = "apiVersion")]
    api_version: &'static str,
    kind: &'static str,
    #[serde(flatten)]
    pool: &'a Pool,
}

impl Console {
    /// The selected region's services and/or pools as an export file (pretty-printed JSON),
    /// written at `now` (simulated time, like every `now` of the core: an import checks that
    /// no time in a file is after its own `now`).
    pub fn export(&self, scope: ExportScope, now: Millis) -> String {
        let services = self.services();
        let out = ExportOut {
            schema: SCHEMA,
            console_version: CONSOLE_VERSION,
            exported_at: now,
            region: self.region(),
            services: scope.includes_services().then_some(ServiceList {
                total_count: services.len(),
                count: services.len(),
                services,
            }),
            pools: scope.includes_pools().then(|| PoolList {
                api_version: "v2",
                kind: "PoolList",
                items: self
                    .pools()
                    .iter()
                    .map(|pool| PoolItem {
                        api_version: "v2",
                        kind: "Pool",
                        pool,
                    })
                    .collect(),
            }),
        };
        pretty(&serde_json::to_string(&out).expect("an export always serialises"))
    }
}

/// The file name for an export of `region` written at `now` in a zone `offset_minutes` east of
/// UTC (the browser's offset; `0` for UTC), e.g.
/// `modelarts-batch-services-cn-north-4-20261124-1530.json`.
pub fn export_file_name(
    region: &str,
    scope: ExportScope,
    now: Millis,
    offset_minutes: i32,
) -> String {
    format!(
        "modelarts-{}-{region}-{}.json",
        scope.slug(),
        crate::format::compact_datetime(now, offset_minutes)
    )
}

/// Indents compact JSON as `serde_json::to_string_pretty` does (two spaces, `": "`, empty
/// arrays and objects kept as `[]` and `{}`). Re-indenting the compact text keeps a single
/// serialiser of every type in the wasm (a pretty serialiser would be a second copy of all
/// of them).
fn pretty(compact: &str) -> String {
    let bytes = compact.as_bytes();
    let mut out = Vec::with_capacity(bytes.len() + bytes.len() / 2);
    let mut depth = 0usize;
    let newline = |out: &mut Vec<u8>, depth: usize| {
        out.push(b'\n');
        out.resize(out.len() + 2 * depth, b' ');
    };
    let mut strings = JsonStrings::default();
    let mut i = 0;
    while i < bytes.len() {
        let b = bytes[i];
        i += 1;
        if !strings.outside(b) {
            out.push(b);
            continue;
        }
        match b {
            b'[' | b'{' => {
                out.push(b);
                let close = if b == b'[' { b']' } else { b'}' };
                if bytes.get(i) == Some(&close) {
                    out.push(close);
                    i += 1;
                } else {
                    depth += 1;
                    newline(&mut out, depth);
                }
            }
            b']' | b'}' => {
                depth = depth.saturating_sub(1);
                newline(&mut out, depth);
                out.push(b);
            }
            b',' => {
                out.push(b);
                newline(&mut out, depth);
            }
            b':' => out.extend_from_slice(b": "),
            _ => out.push(b),
        }
    }
    String::from_utf8(out).expect("only ASCII was inserted between whole UTF-8 sequences")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn pretty_matches_serde_json() {
        let value = serde_json::json!({
            "a": [1, 2, {"b": [], "c": {}}],
            "s": "text with \"quotes\", [brackets] {braces}: and \\ backslash \u{e9}",
            "n": null,
            "nested": {"x": [[]], "y": [{}], "z": -1.5e-7}
        });
        let compact = serde_json::to_string(&value).unwrap();
        assert_eq!(
            pretty(&compact),
            serde_json::to_string_pretty(&value).unwrap()
        );
    }

    #[test]
    fn file_names() {
        // 2026-11-24T07:30:00Z, seen from Beijing.
        let at = 1_795_505_400_000;
        assert_eq!(
            export_file_name("cn-north-4", ExportScope::Services, at, 480),
            "modelarts-batch-services-cn-north-4-20261124-1530.json"
        );
        assert_eq!(
            export_file_name("cn-east-3", ExportScope::Pools, at, 0),
            "modelarts-resource-pools-cn-east-3-20261124-0730.json"
        );
        assert_eq!(
            export_file_name("cn-east-3", ExportScope::All, at, 0),
            "modelarts-console-cn-east-3-20261124-0730.json"
        );
    }
}

//! Writing an export file ([`super::file`]'s types; see the module documentation).

use super::file::{
    ApiVersion, ExportFile, PoolItem, PoolKind, PoolList, PoolListKind, ServiceList, ServiceRef,
};
use super::{ExportScope, JsonStrings, CONSOLE_VERSION, SCHEMA};
use crate::console::Console;
use crate::Millis;

impl Console {
    /// The selected region's services (batch, real-time, or both: one list, as the API's)
    /// and/or pools as an export file (pretty-printed JSON),
    /// written at `now` (simulated time, like every `now` of the core: an import checks that
    /// no time in a file is after its own `now`).
    pub fn export(&self, scope: ExportScope, now: Millis) -> String {
        let batch = scope
            .includes_batch()
            .then(|| self.services().iter().map(ServiceRef::Batch))
            .into_iter()
            .flatten();
        let real_time = scope
            .includes_real_time()
            .then(|| self.real_time_services().iter().map(ServiceRef::RealTime))
            .into_iter()
            .flatten();
        let services: Vec<ServiceRef<'_>> = batch.chain(real_time).collect();
        let file = ExportFile {
            schema: SCHEMA.into(),
            console_version: Some(CONSOLE_VERSION.into()),
            exported_at: now,
            region: self.region().into(),
            services: scope.includes_services().then_some(ServiceList {
                total_count: services.len(),
                count: services.len(),
                services,
            }),
            pools: scope.includes_pools().then(|| PoolList {
                api_version: ApiVersion::V2,
                kind: PoolListKind::PoolList,
                items: self
                    .pools()
                    .iter()
                    .map(|pool| PoolItem {
                        api_version: ApiVersion::V2,
                        kind: PoolKind::Pool,
                        pool,
                    })
                    .collect(),
            }),
        };
        pretty(&serde_json::to_string(&file).expect("an export always serialises"))
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

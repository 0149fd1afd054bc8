//! The binary snapshot read by hand: the same encoding serde's derives write ([`super::binary`]),
//! read into the state without serde's generic decoder. That decoder was one function of
//! 58 KB in the first page's wasm, which V8 took 10 to 29 ms to compile on its first call at
//! start-up (issue 7); this one reads the same bytes into the same state or refuses what
//! serde's refuses, which the tests hold against serde's.
//!
//! Fields are numbered in declaration order (`read_struct!` lists them in that order); a field
//! with a serde default may be left out, an `Option` field too (as serde's derives allow),
//! and a field number this console does not know is skipped.

use super::binary::{Error, Reader, SEQ, UINT};
use crate::clock::SimClock;
use crate::console::{ConsoleState, RegionState, Settings};
use crate::event::{missing, EventRepr, EventTag, EventType, ServiceEvent};
use crate::pool::event::{Nodes, PoolEventRepr, PoolEventTag};
use crate::pool::{
    AzCount, BillingMode, NodeStatus, Pool, PoolAnnotations, PoolBilling, PoolEvent, PoolLabels,
    PoolMetadata, PoolNetwork, PoolNode, PoolPhase, PoolResource, PoolSpec, PoolStatus, Scope,
};
use crate::service::{
    BatchService, Billing, DeploymentLocation, LocationKind, LocationRepr, MappingField,
    MappingType, Run, ServiceConfig, ServiceStatus, Workload,
};
use crate::validation::Field;

type Read<T> = Result<T, Error>;

/// The state of an encoded snapshot envelope (schema, version, saved_at, state), which must
/// fill `bytes`. Schema and version are judged before ([`super::binary::head`]).
pub(super) fn state(bytes: &[u8]) -> Read<ConsoleState> {
    let r = &mut Reader::new(bytes);
    let mut state = None;
    r.fields(|r, index| match index {
        3 => {
            state = Some(read_console_state(r)?);
            Ok(())
        }
        _ => r.skip(),
    })?;
    r.end()?;
    state.ok_or_else(|| Error(missing("state")))
}

/// Reads a struct into `$ty`: its fields in declaration order, each `name: reader` (a field
/// that must be there) or `name: reader => default` (one that may be left out), `reader`
/// being a `fn(&mut Reader) -> Read<T>`; `name as "serde name": ...` for a field serde
/// renames, so that a missing one is named as serde (and the exported JSON) names it. The
/// values are held in locals named as the fields, which is why the readers of structs are
/// named `read_*`.
macro_rules! read_struct {
    ($r:expr, $ty:ident {
        $($field:ident $(as $name:literal)?: $read:expr $(=> $default:expr)?),* $(,)?
    }) => {{
        $(let mut $field = None;)*
        $r.fields(|r, index| {
            let mut number = 0u64;
            $(
                if index == number {
                    $field = Some($read(r)?);
                    return Ok(());
                }
                number += 1;
            )*
            let _ = number;
            r.skip()
        })?;
        Ok($ty {
            $($field: read_struct!(@value $field [$($name)?] $(, $default)?),)*
        })
    }};
    (@value $field:ident []) => {
        $field.ok_or_else(|| Error(missing(stringify!($field))))?
    };
    (@value $field:ident [$name:literal]) => {
        $field.ok_or_else(|| Error(missing($name)))?
    };
    (@value $field:ident [$($name:literal)?], $default:expr) => {
        $field.unwrap_or_else(|| $default)
    };
}

/// A unit variant, by its number in `all` (the enum's variants in declaration order).
fn variant<T: Copy>(r: &mut Reader, all: &[T]) -> Read<T> {
    let index = r.unit_variant()?;
    usize::try_from(index)
        .ok()
        .and_then(|i| all.get(i).copied())
        .ok_or_else(|| Error(format!("unknown variant {index}")))
}

fn string(r: &mut Reader) -> Read<String> {
    r.string()
}

fn opt_string(r: &mut Reader) -> Read<Option<String>> {
    r.option(Reader::string)
}

fn opt_u32(r: &mut Reader) -> Read<Option<u32>> {
    r.option(Reader::u32)
}

fn opt_u64(r: &mut Reader) -> Read<Option<u64>> {
    r.option(Reader::u64)
}

fn read_console_state(r: &mut Reader) -> Read<ConsoleState> {
    read_struct!(
        r,
        ConsoleState {
            region: string,
            settings: read_settings,
            regions: |r: &mut Reader| r.string_map(read_region),
            id_seq: Reader::u64,
        }
    )
}

fn read_settings(r: &mut Reader) -> Read<Settings> {
    read_struct!(
        r,
        Settings {
            agency_authorized: Reader::bool,
            enforce_quotas: Reader::bool,
            clock: read_sim_clock,
        }
    )
}

fn read_sim_clock(r: &mut Reader) -> Read<SimClock> {
    read_struct!(
        r,
        SimClock {
            speed: Reader::u32,
            wall_anchor: Reader::u64,
            sim_anchor: Reader::u64,
        }
    )
}

fn read_region(r: &mut Reader) -> Read<RegionState> {
    read_struct!(r, RegionState {
        services: |r: &mut Reader| r.seq(read_service),
        pools: |r: &mut Reader| r.seq(read_pool) => Vec::new(),
    })
}

// Services.

const SERVICE_STATUSES: [ServiceStatus; 8] = ServiceStatus::ALL;
const MAPPING_TYPES: [MappingType; 2] = MappingType::ALL;
const LOCATION_KINDS: [LocationKind; 4] = [
    LocationKind::PublicPool,
    LocationKind::DedicatedPool,
    LocationKind::EdgeNode,
    LocationKind::EdgePool,
];
const EVENT_TAGS: [EventTag; 16] = [
    EventTag::DeployRequested,
    EventTag::StartRequested,
    EventTag::Running,
    EventTag::Executed,
    EventTag::StopRequested,
    EventTag::Stopped,
    EventTag::DeleteRequested,
    EventTag::Modified,
    EventTag::RestartedForModification,
    EventTag::Failed,
    EventTag::Alarm,
    EventTag::PoolAbnormal,
    EventTag::PoolRecovered,
    EventTag::PoolGone,
    EventTag::Imported,
    EventTag::Legacy,
];
const EVENT_TYPES: [EventType; 2] = [EventType::Normal, EventType::Abnormal];
const FIELDS: [Field; 18] = [
    Field::BillingMode,
    Field::Name,
    Field::Description,
    Field::ModelVersion,
    Field::InputPath,
    Field::RequestPath,
    Field::MappingType,
    Field::OutputPath,
    Field::Specifications,
    Field::ComputeNodes,
    Field::EnvironmentVariables,
    Field::DeploymentLocation,
    Field::Vpc,
    Field::Subnet,
    Field::SecurityGroup,
    Field::Az,
    Field::Nodes,
    Field::RequiredDuration,
];

/// A function of its own (as are the other readers of one item of a sequence), called once
/// per service: V8 optimises wasm code only for later calls, so a loop inlined into one long
/// call would run unoptimised to its end (`scripts/split-wasm.mjs` keeps wasm-opt from
/// inlining it too).
#[inline(never)]
fn read_service(r: &mut Reader) -> Read<BatchService> {
    read_struct!(r, BatchService {
        service_id: string,
        service_name: string,
        description: string => String::new(),
        infer_type: string,
        status: |r: &mut Reader| variant(r, &SERVICE_STATUSES),
        progress: Reader::u8,
        publish_at: Reader::u64,
        transition_at: Reader::u64,
        start_time: opt_u64 => None,
        finished_time: opt_u64 => None,
        error_msg: opt_string => None,
        config: |r: &mut Reader| r.seq(read_config),
        location: read_location,
        billing: read_billing,
        workload: read_workload,
        events: |r: &mut Reader| r.seq(read_service_event) => Vec::new(),
    })
}

#[inline(never)]
fn read_config(r: &mut Reader) -> Read<ServiceConfig> {
    read_struct!(r, ServiceConfig {
        model_id: string,
        model_name: string,
        model_version: string,
        specification: string,
        instance_count: Reader::u32,
        envs: |r: &mut Reader| r.string_map(Reader::string) => Default::default(),
        src_path: string,
        dest_path: string,
        req_uri: string,
        mapping_type: |r: &mut Reader| variant(r, &MAPPING_TYPES),
        mapping_rule: |r: &mut Reader| r.seq(read_mapping_field) => Vec::new(),
    })
}

fn read_mapping_field(r: &mut Reader) -> Read<MappingField> {
    read_struct!(
        r,
        MappingField {
            field: string,
            index: Reader::u32,
        }
    )
}

fn read_location(r: &mut Reader) -> Read<DeploymentLocation> {
    let repr: LocationRepr = read_struct!(r, LocationRepr {
        kind: |r: &mut Reader| variant(r, &LOCATION_KINDS),
        pool_name: opt_string => None,
        node_name: opt_string => None,
    })?;
    DeploymentLocation::try_from(repr).map_err(Error)
}

fn read_billing(r: &mut Reader) -> Read<Billing> {
    read_struct!(r, Billing {
        billed_ms: Reader::u64,
        cost: Reader::f64,
        hourly_rate: Reader::f64,
        runs: |r: &mut Reader| r.seq(read_run) => Vec::new(),
        settled_cost: |r: &mut Reader| r.option(Reader::f64) => None,
    })
}

fn read_run(r: &mut Reader) -> Read<Run> {
    read_struct!(r, Run {
        start: Reader::u64,
        end: opt_u64 => None,
        billed_ms: Reader::u64,
        cost: Reader::f64,
        hourly_rate: Reader::f64,
    })
}

fn read_workload(r: &mut Reader) -> Read<Workload> {
    read_struct!(
        r,
        Workload {
            input_size_mb: Reader::u32,
            processed_node_ms: Reader::u64,
            accounted_at: Reader::u64,
        }
    )
}

#[inline(never)]
fn read_service_event(r: &mut Reader) -> Read<ServiceEvent> {
    let repr: EventRepr = read_struct!(r, EventRepr {
        time: Reader::u64,
        kind: |r: &mut Reader| variant(r, &EVENT_TAGS),
        fields: |r: &mut Reader| r.option(|r| r.seq(|r| variant(r, &FIELDS))) => None,
        reason: opt_string => None,
        pool_name: opt_string => None,
        released: Reader::bool => false,
        replaced: Reader::bool => false,
        message: opt_string => None,
        event_type: |r: &mut Reader| r.option(|r| variant(r, &EVENT_TYPES)) => None,
    })?;
    ServiceEvent::try_from(repr).map_err(Error)
}

// Pools.

const POOL_PHASES: [PoolPhase; 5] = PoolPhase::ALL;
const BILLING_MODES: [BillingMode; 2] = BillingMode::ALL;
const SCOPES: [Scope; 3] = [Scope::Train, Scope::Infer, Scope::Notebook];
const NODE_STATUSES: [NodeStatus; 4] = [
    NodeStatus::Creating,
    NodeStatus::Available,
    NodeStatus::Abnormal,
    NodeStatus::Deleting,
];
const POOL_EVENT_TAGS: [PoolEventTag; 10] = [
    PoolEventTag::CreateRequested,
    PoolEventTag::Running,
    PoolEventTag::ScaleOutRequested,
    PoolEventTag::ScaleInRequested,
    PoolEventTag::Scaled,
    PoolEventTag::DeleteRequested,
    PoolEventTag::Abnormal,
    PoolEventTag::Recovered,
    PoolEventTag::Renewed,
    PoolEventTag::Imported,
];

#[inline(never)]
fn read_pool(r: &mut Reader) -> Read<Pool> {
    read_struct!(r, Pool {
        metadata: read_metadata,
        spec: read_spec,
        status: read_pool_status,
        nodes: |r: &mut Reader| r.seq(read_node),
        billing: read_pool_billing,
        events: |r: &mut Reader| r.seq(read_pool_event) => Vec::new(),
        node_seq: Reader::u32 => 0,
    })
}

fn read_metadata(r: &mut Reader) -> Read<PoolMetadata> {
    read_struct!(
        r,
        PoolMetadata {
            name: string,
            creation_timestamp as "creationTimestamp": Reader::u64,
            labels: read_labels,
            annotations: read_annotations,
        }
    )
}

fn read_labels(r: &mut Reader) -> Read<PoolLabels> {
    read_struct!(r, PoolLabels {
        name as "os.modelarts/name": string,
    })
}

fn read_annotations(r: &mut Reader) -> Read<PoolAnnotations> {
    read_struct!(r, PoolAnnotations {
        description as "os.modelarts/description": string => String::new(),
        billing_mode as "os.modelarts/billing.mode": |r: &mut Reader| variant(r, &BILLING_MODES),
        period_type as "os.modelarts/period.type": opt_string => None,
        period_num as "os.modelarts/period.num": opt_u32 => None,
        auto_renew as "os.modelarts/auto.renew": Reader::bool => false,
    })
}

fn read_spec(r: &mut Reader) -> Read<PoolSpec> {
    read_struct!(r, PoolSpec {
        pool_kind as "type": string,
        scope: |r: &mut Reader| r.seq(|r| variant(r, &SCOPES)),
        resources: |r: &mut Reader| r.seq(read_resource),
        network: |r: &mut Reader| r.option(read_network) => None,
    })
}

fn read_resource(r: &mut Reader) -> Read<PoolResource> {
    read_struct!(r, PoolResource {
        flavor: string,
        count: Reader::u32,
        azs: |r: &mut Reader| r.seq(read_az_count) => Vec::new(),
    })
}

fn read_az_count(r: &mut Reader) -> Read<AzCount> {
    read_struct!(
        r,
        AzCount {
            az: string,
            count: Reader::u32,
        }
    )
}

fn read_network(r: &mut Reader) -> Read<PoolNetwork> {
    read_struct!(
        r,
        PoolNetwork {
            vpc_id: string,
            subnet_id: string,
            security_group_id: string,
        }
    )
}

fn read_pool_status(r: &mut Reader) -> Read<PoolStatus> {
    read_struct!(r, PoolStatus {
        phase: |r: &mut Reader| variant(r, &POOL_PHASES),
        transition_at as "transitionAt": Reader::u64,
        message: opt_string => None,
    })
}

fn read_pool_billing(r: &mut Reader) -> Read<PoolBilling> {
    read_struct!(r, PoolBilling {
        cost: Reader::f64,
        hourly_rate: Reader::f64,
        accounted_at: Reader::u64,
        term_price: Reader::f64,
        expires_at: opt_u64 => None,
    })
}

#[inline(never)]
fn read_node(r: &mut Reader) -> Read<PoolNode> {
    read_struct!(
        r,
        PoolNode {
            name: string,
            az: string,
            flavor: string,
            status: |r: &mut Reader| variant(r, &NODE_STATUSES),
        }
    )
}

/// `nodes`: a count, or the names of the nodes switched off.
fn read_nodes(r: &mut Reader) -> Read<Option<Nodes>> {
    r.option(|r| match r.peek() {
        Some(UINT) => r.u32().map(Nodes::Count),
        Some(SEQ) => r.seq(Reader::string).map(Nodes::Names),
        _ => Err(Error(
            "expected a number of nodes or a list of node names".into(),
        )),
    })
}

#[inline(never)]
fn read_pool_event(r: &mut Reader) -> Read<PoolEvent> {
    let repr: PoolEventRepr = read_struct!(r, PoolEventRepr {
        time: Reader::u64,
        kind: |r: &mut Reader| variant(r, &POOL_EVENT_TAGS),
        from: opt_u32 => None,
        to: opt_u32 => None,
        nodes: read_nodes => None,
        reason: opt_string => None,
        months: opt_u32 => None,
        replaced: Reader::bool => false,
    })?;
    PoolEvent::try_from(repr).map_err(Error)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::snapshot::binary;
    use serde::de::IgnoredAny;
    use serde::{Deserialize, Serialize};

    /// serde's reading of the envelope, which the hand-written one must equal. Schema and
    /// version are judged before either reads ([`binary::head`]): both skip them.
    #[derive(Deserialize)]
    struct Envelope {
        #[serde(default)]
        _schema: IgnoredAny,
        #[serde(default)]
        _version: IgnoredAny,
        #[serde(default)]
        _saved_at: IgnoredAny,
        state: ConsoleState,
    }

    fn by_serde(bytes: &[u8]) -> Read<ConsoleState> {
        binary::from_slice::<Envelope>(bytes).map(|e| e.state)
    }

    /// Each enum's table numbers its variants as serde's derives do.
    fn numbered<T: Serialize>(all: &[T]) {
        for (i, v) in all.iter().enumerate() {
            assert_eq!(
                binary::to_vec(v).unwrap(),
                [binary::ENUM, i as u8, binary::NULL],
                "variant {i}"
            );
        }
    }

    /// The demo state, with an event of every kind and every optional field set somewhere.
    fn full_state() -> ConsoleState {
        use crate::event::EventKind;
        use crate::pool::PoolEventKind;
        let now = 1_790_000_000_000;
        let mut state = crate::demo::demo_console(crate::Catalog::embedded(), now)
            .state()
            .clone();
        let region = state.regions.values_mut().next().expect("a region");
        let service = &mut region.services[0];
        let kinds = [
            EventKind::DeployRequested,
            EventKind::StartRequested,
            EventKind::Running,
            EventKind::Executed,
            EventKind::StopRequested,
            EventKind::Stopped,
            EventKind::DeleteRequested,
            EventKind::Modified {
                fields: FIELDS.to_vec(),
            },
            EventKind::Modified { fields: vec![] },
            EventKind::RestartedForModification,
            EventKind::Failed {
                reason: "out of memory".into(),
            },
            EventKind::Alarm {
                reason: "slow".into(),
            },
            EventKind::PoolAbnormal {
                pool_name: "p".into(),
            },
            EventKind::PoolRecovered {
                pool_name: "p".into(),
            },
            EventKind::PoolGone {
                pool_name: "p".into(),
                released: true,
            },
            EventKind::PoolGone {
                pool_name: "p".into(),
                released: false,
            },
            EventKind::Imported { replaced: true },
            EventKind::Imported { replaced: false },
            EventKind::Legacy {
                message: "old".into(),
                event_type: EventType::Abnormal,
            },
        ];
        service.events = (0..)
            .zip(kinds)
            .map(|(time, kind)| ServiceEvent { time, kind })
            .collect();
        service.config[0].envs.insert("A".into(), "1".into());
        service.config[0].mapping_type = MappingType::Csv;
        service.config[0].mapping_rule = vec![MappingField {
            field: "text".into(),
            index: 2,
        }];
        service.error_msg = Some("failed".into());
        service.start_time = Some(5);
        service.finished_time = Some(6);
        service.billing.settled_cost = Some(0.0);
        service.billing.runs.push(Run {
            start: 1,
            end: Some(2),
            billed_ms: 1,
            cost: 0.5,
            hourly_rate: 3.0,
        });
        region.services[1].location = DeploymentLocation::EdgeNode {
            node_name: "n".into(),
        };
        region.services[2].location = DeploymentLocation::EdgePool {
            pool_name: "e".into(),
        };
        let pool = &mut region.pools[0];
        let kinds = [
            PoolEventKind::CreateRequested { nodes: 2 },
            PoolEventKind::Running,
            PoolEventKind::ScaleOutRequested { from: 1, to: 3 },
            PoolEventKind::ScaleInRequested {
                from: 3,
                to: 1,
                nodes: vec!["a".into(), "b".into()],
            },
            PoolEventKind::Scaled { nodes: 1 },
            PoolEventKind::DeleteRequested,
            PoolEventKind::Abnormal {
                reason: "down".into(),
            },
            PoolEventKind::Recovered,
            PoolEventKind::Renewed { months: 2 },
            PoolEventKind::Imported { replaced: true },
            PoolEventKind::Imported { replaced: false },
        ];
        pool.events = (0..)
            .zip(kinds)
            .map(|(time, kind)| PoolEvent { time, kind })
            .collect();
        pool.status.message = Some("fault".into());
        pool.billing.expires_at = Some(9);
        pool.metadata.annotations.period_type = Some("2".into());
        pool.metadata.annotations.period_num = Some(3);
        pool.metadata.annotations.auto_renew = true;
        pool.spec.resources[0].azs = vec![AzCount {
            az: "az1".into(),
            count: 1,
        }];
        pool.spec.network = Some(PoolNetwork {
            vpc_id: "v".into(),
            subnet_id: "s".into(),
            security_group_id: "g".into(),
        });
        state
    }

    fn encoded(state: &ConsoleState) -> Vec<u8> {
        crate::snapshot::encode_binary(state, 7)
    }

    #[test]
    fn reads_what_serde_reads() {
        let full = full_state();
        let empty = crate::Console::empty(crate::Catalog::embedded())
            .state()
            .clone();
        for state in [full, empty] {
            let bytes = encoded(&state);
            assert_eq!(super::state(&bytes).unwrap(), state);
            assert_eq!(by_serde(&bytes).unwrap(), state);
        }
    }

    /// Serde's defaults: a field left out reads as its default, an unknown one is skipped,
    /// one given twice is refused; fields in another order read the same.
    #[test]
    fn fields_left_out_unknown_repeated_or_reordered() {
        let run = |fields: &[(u64, Vec<u8>)]| {
            let mut bytes = vec![binary::STRUCT, fields.len() as u8];
            for (index, value) in fields {
                bytes.push(*index as u8);
                bytes.extend_from_slice(value);
            }
            let r = &mut Reader::new(&bytes);
            let ours = read_run(r).and_then(|run| r.end().map(|_| run));
            let theirs = binary::from_slice::<Run>(&bytes);
            // The same value, or both refused (in their own words).
            assert_eq!(ours.as_ref().ok(), theirs.as_ref().ok(), "{fields:?}");
            ours
        };
        let u = |n: u64| binary::to_vec(&n).unwrap();
        let f = |x: f64| binary::to_vec(&x).unwrap();
        let all = [(0, u(1)), (1, u(2)), (2, u(3)), (3, f(0.5)), (4, f(2.0))];
        let whole = Run {
            start: 1,
            end: Some(2),
            billed_ms: 3,
            cost: 0.5,
            hourly_rate: 2.0,
        };
        assert_eq!(run(&all), Ok(whole.clone()));
        let reversed: Vec<_> = all.iter().rev().cloned().collect();
        assert_eq!(run(&reversed), Ok(whole.clone()));
        let mut unknown = all.to_vec();
        unknown.insert(2, (9, binary::to_vec(&vec!["x"]).unwrap()));
        assert_eq!(run(&unknown), Ok(whole.clone()));
        let without_end: Vec<_> = all.iter().filter(|(i, _)| *i != 1).cloned().collect();
        assert_eq!(run(&without_end), Ok(Run { end: None, ..whole }));
        let without_start: Vec<_> = all.iter().filter(|(i, _)| *i != 0).cloned().collect();
        assert!(run(&without_start).is_err());
        let mut twice = all.to_vec();
        twice.push((2, u(3)));
        assert!(run(&twice).is_err());
    }

    /// The fields of an encoded struct, each with its number: `[STRUCT, count, (number,
    /// value)...]`, fewer than 128 fields (one byte each for the count and the numbers).
    fn fields_of(bytes: &[u8]) -> Vec<&[u8]> {
        assert_eq!(bytes[0], binary::STRUCT);
        assert!(bytes[1] < 0x80);
        let mut rest = &bytes[2..];
        let fields = (0..bytes[1])
            .map(|_| {
                let r = &mut Reader::new(&rest[1..]);
                r.skip().unwrap();
                let (field, after) = rest.split_at(rest.len() - r.rest().len());
                rest = after;
                field
            })
            .collect();
        assert!(rest.is_empty());
        fields
    }

    /// `value` encoded with each of its fields left out in turn reads as serde's reader reads
    /// it: the same value, or refused in the same words (so a missing field is named as serde
    /// names it, `creationTimestamp` rather than `creation_timestamp`).
    fn left_out_as_serde<T>(value: &T, ours: fn(&mut Reader) -> Read<T>)
    where
        T: Serialize + serde::de::DeserializeOwned + PartialEq + std::fmt::Debug,
    {
        let bytes = binary::to_vec(value).unwrap();
        let fields = fields_of(&bytes);
        for left_out in 0..fields.len() {
            let mut without = vec![binary::STRUCT, fields.len() as u8 - 1];
            for (i, field) in fields.iter().enumerate() {
                if i != left_out {
                    without.extend_from_slice(field);
                }
            }
            let r = &mut Reader::new(&without);
            let mine = ours(r).and_then(|v| r.end().map(|_| v)).map_err(|e| e.0);
            let theirs = binary::from_slice::<T>(&without).map_err(|e| e.0);
            let name = std::any::type_name::<T>();
            assert_eq!(mine, theirs, "{name} without its field {left_out}");
        }
    }

    #[test]
    fn every_field_left_out_reads_as_serde_reads_it() {
        let state = full_state();
        let region = &state.regions[&state.region];
        let service = &region.services[0];
        let config = &service.config[0];
        let pool = &region.pools[0];
        left_out_as_serde(&state, read_console_state);
        left_out_as_serde(&state.settings, read_settings);
        left_out_as_serde(&state.settings.clock, read_sim_clock);
        left_out_as_serde(region, read_region);
        left_out_as_serde(service, read_service);
        left_out_as_serde(config, read_config);
        left_out_as_serde(&config.mapping_rule[0], read_mapping_field);
        for s in &region.services[..3] {
            left_out_as_serde(&s.location, read_location);
        }
        left_out_as_serde(&service.billing, read_billing);
        left_out_as_serde(&service.billing.runs[0], read_run);
        left_out_as_serde(&service.workload, read_workload);
        for event in &service.events {
            left_out_as_serde(event, read_service_event);
        }
        left_out_as_serde(pool, read_pool);
        left_out_as_serde(&pool.metadata, read_metadata);
        left_out_as_serde(&pool.metadata.labels, read_labels);
        left_out_as_serde(&pool.metadata.annotations, read_annotations);
        left_out_as_serde(&pool.spec, read_spec);
        left_out_as_serde(&pool.spec.resources[0], read_resource);
        left_out_as_serde(&pool.spec.resources[0].azs[0], read_az_count);
        left_out_as_serde(pool.spec.network.as_ref().unwrap(), read_network);
        left_out_as_serde(&pool.status, read_pool_status);
        left_out_as_serde(&pool.billing, read_pool_billing);
        left_out_as_serde(&pool.nodes[0], read_node);
        for event in &pool.events {
            left_out_as_serde(event, read_pool_event);
        }
    }

    #[test]
    fn refuses_every_cut() {
        let bytes = encoded(&full_state());
        for at in 0..bytes.len() {
            assert!(super::state(&bytes[..at]).is_err(), "cut at {at}");
        }
    }

    proptest::proptest! {
        #![proptest_config(proptest::prelude::ProptestConfig::with_cases(1024))]
        /// Damaged bytes: an error whenever serde's reader refuses them, else the same state
        /// (compared by encoding, as a damaged float may be NaN); never a panic.
        #[test]
        fn damaged_bytes_read_as_serde_reads_them(at in proptest::prelude::any::<proptest::sample::Index>(), flip in 1..=255u8) {
            static FULL: std::sync::OnceLock<Vec<u8>> = std::sync::OnceLock::new();
            let mut bytes = FULL.get_or_init(|| encoded(&full_state())).clone();
            let at = at.index(bytes.len());
            bytes[at] ^= flip;
            let ours = super::state(&bytes).map(|s| encoded(&s));
            let theirs = by_serde(&bytes).map(|s| encoded(&s));
            proptest::prop_assert_eq!(ours.is_ok(), theirs.is_ok(), "byte {} ^ {}: {:?} / {:?}", at, flip, ours.as_ref().err(), theirs.as_ref().err());
            if let (Ok(ours), Ok(theirs)) = (ours, theirs) {
                proptest::prop_assert_eq!(ours, theirs);
            }
        }
    }

    #[test]
    fn enum_tables_number_variants_as_serde_does() {
        numbered(&SERVICE_STATUSES);
        numbered(&MAPPING_TYPES);
        numbered(&LOCATION_KINDS);
        numbered(&EVENT_TAGS);
        numbered(&EVENT_TYPES);
        numbered(&FIELDS);
        numbered(&POOL_PHASES);
        numbered(&BILLING_MODES);
        numbered(&SCOPES);
        numbered(&NODE_STATUSES);
        numbered(&POOL_EVENT_TAGS);
    }
}

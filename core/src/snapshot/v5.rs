//! The reader of version 5's stored form, a small self-describing binary format that only
//! version 5 wrote: its bytes are read into the JSON snapshot they hold, which the JSON
//! snapshot's reader then reads. The format left out the names of fields and variants, so
//! [`Shape`] keeps version 5's, frozen: today's types may change as for any older JSON
//! (`core/tests/suite/stored_versions.rs` loads the version-5 fixture, which sets every field
//! and event kind).
//!
//! Every value starts with a one-byte tag. Integers are LEB128 varints (a negative one as
//! `-(n + 1)`), floats their 8 bytes, strings their length and UTF-8. A struct is its field
//! count and `(field index, value)` pairs, fields numbered in declaration order (a field left
//! out, `skip_serializing_if`, keeps the numbers of the others). An enum is its variant's
//! number and the variant's content. Sequences and maps carry their length.
//!
//! Only this console wrote it, so the reader is strict: anything unexpected is an error,
//! never a panic; nesting and lengths are bounded by the input.

use std::fmt;

use super::{migrate, packed, Invalid, SnapshotError, Unreadable, SCHEMA};
use crate::console::ConsoleState;

const NULL: u8 = 0;
const FALSE: u8 = 1;
const TRUE: u8 = 2;
const UINT: u8 = 3;
const NINT: u8 = 4;
const F64: u8 = 5;
const STR: u8 = 6;
const SEQ: u8 = 7;
const MAP: u8 = 8;
const STRUCT: u8 = 9;
const ENUM: u8 = 10;

/// Deeper nesting than this is refused (the state nests a few levels; damaged input could
/// otherwise exhaust the stack).
const MAX_DEPTH: u32 = 64;

struct Error(String);

impl fmt::Display for Error {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

fn fail<T>(what: &str) -> Result<T, Error> {
    Err(Error(what.to_string()))
}

struct Reader<'de> {
    input: &'de [u8],
    depth: u32,
}

impl<'de> Reader<'de> {
    fn new(input: &'de [u8]) -> Reader<'de> {
        Reader { input, depth: 0 }
    }

    /// The input must be read to its end.
    fn end(&self) -> Result<(), Error> {
        if self.input.is_empty() {
            Ok(())
        } else {
            fail("trailing bytes")
        }
    }

    fn byte(&mut self) -> Result<u8, Error> {
        let (&b, rest) = self
            .input
            .split_first()
            .ok_or_else(|| Error("unexpected end".into()))?;
        self.input = rest;
        Ok(b)
    }

    fn varint(&mut self) -> Result<u64, Error> {
        let mut v = 0u64;
        for shift in (0..64).step_by(7) {
            let b = self.byte()?;
            v |= u64::from(b & 0x7F) << shift;
            if b & 0x80 == 0 {
                return Ok(v);
            }
        }
        fail("varint too long")
    }

    /// A length, at most the bytes left (every element takes at least one).
    fn len(&mut self) -> Result<usize, Error> {
        let n = self.varint()?;
        match usize::try_from(n) {
            Ok(n) if n <= self.input.len() => Ok(n),
            _ => fail("length beyond the input"),
        }
    }

    fn bytes(&mut self, n: usize) -> Result<&'de [u8], Error> {
        if n > self.input.len() {
            return fail("unexpected end");
        }
        let (head, rest) = self.input.split_at(n);
        self.input = rest;
        Ok(head)
    }

    fn str_body(&mut self) -> Result<&'de str, Error> {
        let n = self.len()?;
        std::str::from_utf8(self.bytes(n)?).map_err(|_| Error("a string that is not UTF-8".into()))
    }

    fn enter(&mut self) -> Result<(), Error> {
        if self.depth >= MAX_DEPTH {
            return fail("nested too deeply");
        }
        self.depth += 1;
        Ok(())
    }
}

/// The schema and version at the head of an encoded snapshot envelope (its first two fields),
/// read without decoding the rest.
fn head(bytes: &[u8]) -> Result<(&str, u64), Error> {
    let mut r = Reader::new(bytes);
    if r.byte()? != STRUCT || r.len()? < 2 || r.varint()? != 0 || r.byte()? != STR {
        return fail("not a snapshot");
    }
    let n = r.len()?;
    let schema = std::str::from_utf8(r.bytes(n)?).map_err(|_| Error("not a snapshot".into()))?;
    if r.varint()? != 1 || r.byte()? != UINT {
        return fail("not a snapshot");
    }
    Ok((schema, r.varint()?))
}

/// Reads a stored text of version 5 (not yet validated): its bytes become the JSON snapshot
/// they hold, which the JSON snapshot's reader reads.
pub(super) fn decode(text: &str) -> Result<ConsoleState, SnapshotError> {
    let bytes = packed::unpack_bytes(text)?;
    let (schema, version) =
        head(&bytes).map_err(|e| SnapshotError::Unreadable(Unreadable::Parser(e.0)))?;
    if schema != SCHEMA {
        return Err(SnapshotError::ForeignSchema(schema.to_string()));
    }
    if version != 5 {
        return Err(SnapshotError::Invalid(Invalid::BinaryVersion(version)));
    }
    let json = to_json(&bytes).map_err(|e| SnapshotError::Invalid(Invalid::Parser(e.0)))?;
    migrate::decode_json(&json)
}

/// The JSON of a version-5 snapshot envelope.
fn to_json(bytes: &[u8]) -> Result<String, Error> {
    let mut reader = Reader::new(bytes);
    let mut out = Vec::with_capacity(bytes.len() * 2);
    reader.transcode(&ENVELOPE, &mut out)?;
    reader.end()?;
    String::from_utf8(out).map_err(|_| Error("a string that is not UTF-8".into()))
}

impl Reader<'_> {
    /// Writes the next value, of shape `shape`, as JSON.
    fn transcode(&mut self, shape: &Shape, out: &mut Vec<u8>) -> Result<(), Error> {
        self.enter()?;
        match (self.byte()?, shape) {
            (NULL, _) => out.extend_from_slice(b"null"),
            (FALSE, _) => out.extend_from_slice(b"false"),
            (TRUE, _) => out.extend_from_slice(b"true"),
            (UINT, _) => json(out, &self.varint()?)?,
            (NINT, _) => match i64::try_from(self.varint()?) {
                Ok(n) => json(out, &(-n - 1))?,
                Err(_) => return fail("integer out of range"),
            },
            (F64, _) => {
                let bytes = self.bytes(8)?;
                json(out, &f64::from_le_bytes(bytes.try_into().expect("8 bytes")))?
            }
            (STR, _) => json(out, self.str_body()?)?,
            (SEQ, Shape::Seq(item)) => self.items(item, out)?,
            (SEQ, Shape::Plain) => self.items(&Shape::Plain, out)?,
            (MAP, Shape::Map(value)) => self.entries(value, out)?,
            (MAP, Shape::Plain) => self.entries(&Shape::Plain, out)?,
            (STRUCT, Shape::Struct(fields)) => {
                out.push(b'{');
                for i in 0..self.len()? {
                    if i > 0 {
                        out.push(b',');
                    }
                    let index = usize::try_from(self.varint()?).unwrap_or(usize::MAX);
                    let Some((name, field)) = fields.get(index) else {
                        return fail("a field number beyond its struct");
                    };
                    json(out, name)?;
                    out.push(b':');
                    self.transcode(field, out)?;
                }
                out.push(b'}');
            }
            (ENUM, Shape::Enum(variants)) => {
                let index = usize::try_from(self.varint()?).unwrap_or(usize::MAX);
                let Some(name) = variants.get(index) else {
                    return fail("a variant number beyond its enum");
                };
                if self.byte()? != NULL {
                    return fail("a unit variant with content");
                }
                json(out, name)?;
            }
            (tag, _) => return Err(Error(format!("unexpected tag {tag}"))),
        }
        self.depth -= 1;
        Ok(())
    }
}

impl Reader<'_> {
    /// A sequence's items, each of shape `item`, as a JSON array.
    fn items(&mut self, item: &Shape, out: &mut Vec<u8>) -> Result<(), Error> {
        out.push(b'[');
        for i in 0..self.len()? {
            if i > 0 {
                out.push(b',');
            }
            self.transcode(item, out)?;
        }
        out.push(b']');
        Ok(())
    }

    /// A map's entries, each value of shape `value`, as a JSON object (its keys strings or
    /// numbers, both written as strings).
    fn entries(&mut self, value: &Shape, out: &mut Vec<u8>) -> Result<(), Error> {
        out.push(b'{');
        for i in 0..self.len()? {
            if i > 0 {
                out.push(b',');
            }
            match self.byte()? {
                STR => json(out, self.str_body()?)?,
                UINT => json(out, &self.varint()?.to_string())?,
                _ => return fail("a map key that is not a string or a number"),
            }
            out.push(b':');
            self.transcode(value, out)?;
        }
        out.push(b'}');
        Ok(())
    }
}

fn json<T: serde::Serialize + ?Sized>(out: &mut Vec<u8>, value: &T) -> Result<(), Error> {
    serde_json::to_writer(out, value).map_err(|e| Error(e.to_string()))
}

/// What version 5's bytes do not say of a value: the names of a struct's fields, numbered
/// in the order version 5 declared them, and of an enum's variants. Version 5's types are
/// frozen here, so today's may change: their JSON reads what this writes.
#[derive(Clone, Copy)]
enum Shape {
    /// Numbers, strings, booleans, null, and sequences or maps of them.
    Plain,
    Struct(&'static [(&'static str, Shape)]),
    /// Unit variants only, as every stored enum of version 5 had.
    Enum(&'static [&'static str]),
    Seq(&'static Shape),
    Map(&'static Shape),
}

use Shape::Plain;

const ENVELOPE: Shape = Shape::Struct(&[
    ("schema", Plain),
    ("version", Plain),
    ("saved_at", Plain),
    ("state", STATE),
]);
const STATE: Shape = Shape::Struct(&[
    ("region", Plain),
    ("settings", SETTINGS),
    ("regions", Shape::Map(&REGION)),
    ("id_seq", Plain),
]);
const SETTINGS: Shape = Shape::Struct(&[
    ("agency_authorized", Plain),
    ("enforce_quotas", Plain),
    (
        "clock",
        Shape::Struct(&[
            ("speed", Plain),
            ("wall_anchor", Plain),
            ("sim_anchor", Plain),
        ]),
    ),
]);
const REGION: Shape = Shape::Struct(&[
    ("services", Shape::Seq(&SERVICE)),
    ("pools", Shape::Seq(&POOL)),
]);

const SERVICE: Shape = Shape::Struct(&[
    ("service_id", Plain),
    ("service_name", Plain),
    ("description", Plain),
    ("infer_type", Plain),
    (
        "status",
        Shape::Enum(&[
            "deploying",
            "running",
            "concerning",
            "failed",
            "stopping",
            "stopped",
            "finished",
            "deleting",
        ]),
    ),
    ("progress", Plain),
    ("publish_at", Plain),
    ("transition_at", Plain),
    ("start_time", Plain),
    ("finished_time", Plain),
    ("error_msg", Plain),
    ("config", Shape::Seq(&CONFIG)),
    ("location", LOCATION),
    ("billing", BILLING),
    (
        "workload",
        Shape::Struct(&[
            ("input_size_mb", Plain),
            ("processed_node_ms", Plain),
            ("accounted_at", Plain),
        ]),
    ),
    ("events", Shape::Seq(&EVENT)),
]);
const CONFIG: Shape = Shape::Struct(&[
    ("model_id", Plain),
    ("model_name", Plain),
    ("model_version", Plain),
    ("specification", Plain),
    ("instance_count", Plain),
    ("envs", Shape::Map(&Plain)),
    ("src_path", Plain),
    ("dest_path", Plain),
    ("req_uri", Plain),
    ("mapping_type", Shape::Enum(&["file", "csv"])),
    (
        "mapping_rule",
        Shape::Seq(&Shape::Struct(&[("field", Plain), ("index", Plain)])),
    ),
]);
const LOCATION: Shape = Shape::Struct(&[
    (
        "kind",
        Shape::Enum(&["public_pool", "dedicated_pool", "edge_node", "edge_pool"]),
    ),
    ("pool_name", Plain),
    ("node_name", Plain),
]);
const BILLING: Shape = Shape::Struct(&[
    ("billed_ms", Plain),
    ("cost", Plain),
    ("hourly_rate", Plain),
    (
        "runs",
        Shape::Seq(&Shape::Struct(&[
            ("start", Plain),
            ("end", Plain),
            ("billed_ms", Plain),
            ("cost", Plain),
            ("hourly_rate", Plain),
        ])),
    ),
    ("settled_cost", Plain),
]);
const EVENT: Shape = Shape::Struct(&[
    ("time", Plain),
    (
        "kind",
        Shape::Enum(&[
            "deploy_requested",
            "start_requested",
            "running",
            "executed",
            "stop_requested",
            "stopped",
            "delete_requested",
            "modified",
            "restarted_for_modification",
            "failed",
            "alarm",
            "pool_abnormal",
            "pool_recovered",
            "pool_gone",
            "imported",
            "legacy",
        ]),
    ),
    (
        "fields",
        Shape::Seq(&Shape::Enum(&[
            "billing_mode",
            "name",
            "description",
            "model_version",
            "input_path",
            "request_path",
            "mapping_type",
            "output_path",
            "specifications",
            "compute_nodes",
            "environment_variables",
            "deployment_location",
            "vpc",
            "subnet",
            "security_group",
            "az",
            "nodes",
            "required_duration",
        ])),
    ),
    ("reason", Plain),
    ("pool_name", Plain),
    ("released", Plain),
    ("replaced", Plain),
    ("message", Plain),
    ("event_type", Shape::Enum(&["normal", "abnormal"])),
]);

const POOL: Shape = Shape::Struct(&[
    (
        "metadata",
        Shape::Struct(&[
            ("name", Plain),
            ("creationTimestamp", Plain),
            ("labels", Shape::Struct(&[("os.modelarts/name", Plain)])),
            (
                "annotations",
                Shape::Struct(&[
                    ("os.modelarts/description", Plain),
                    ("os.modelarts/billing.mode", Shape::Enum(&["0", "1"])),
                    ("os.modelarts/period.type", Plain),
                    ("os.modelarts/period.num", Plain),
                    ("os.modelarts/auto.renew", Plain),
                ]),
            ),
        ]),
    ),
    (
        "spec",
        Shape::Struct(&[
            ("type", Plain),
            (
                "scope",
                Shape::Seq(&Shape::Enum(&["Train", "Infer", "Notebook"])),
            ),
            (
                "resources",
                Shape::Seq(&Shape::Struct(&[
                    ("flavor", Plain),
                    ("count", Plain),
                    (
                        "azs",
                        Shape::Seq(&Shape::Struct(&[("az", Plain), ("count", Plain)])),
                    ),
                ])),
            ),
            (
                "network",
                Shape::Struct(&[
                    ("vpc_id", Plain),
                    ("subnet_id", Plain),
                    ("security_group_id", Plain),
                ]),
            ),
        ]),
    ),
    (
        "status",
        Shape::Struct(&[
            (
                "phase",
                Shape::Enum(&["Creating", "Running", "Scaling", "Abnormal", "Deleting"]),
            ),
            ("transitionAt", Plain),
            ("message", Plain),
        ]),
    ),
    (
        "nodes",
        Shape::Seq(&Shape::Struct(&[
            ("name", Plain),
            ("az", Plain),
            ("flavor", Plain),
            (
                "status",
                Shape::Enum(&["Creating", "Available", "Abnormal", "Deleting"]),
            ),
        ])),
    ),
    (
        "billing",
        Shape::Struct(&[
            ("cost", Plain),
            ("hourly_rate", Plain),
            ("accounted_at", Plain),
            ("term_price", Plain),
            ("expires_at", Plain),
        ]),
    ),
    (
        "events",
        Shape::Seq(&Shape::Struct(&[
            ("time", Plain),
            (
                "kind",
                Shape::Enum(&[
                    "create_requested",
                    "running",
                    "scale_out_requested",
                    "scale_in_requested",
                    "scaled",
                    "delete_requested",
                    "abnormal",
                    "recovered",
                    "renewed",
                    "imported",
                ]),
            ),
            ("from", Plain),
            ("to", Plain),
            ("nodes", Plain),
            ("reason", Plain),
            ("months", Plain),
            ("replaced", Plain),
        ])),
    ),
    ("node_seq", Plain),
]);

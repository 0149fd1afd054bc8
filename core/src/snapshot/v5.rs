//! The reader of version 5's stored form: a small self-describing serde format that only
//! version 5 wrote. Its data is read into today's types, so a stored struct keeps the order
//! of the fields it had then (a field is added at the end): the version-5 fixture
//! (`core/tests/suite/stored_versions.rs`) fails otherwise.
//!
//! Every value starts with a one-byte tag. Integers are LEB128 varints (a negative one as
//! `-(n + 1)`), floats their 8 bytes, strings their length and UTF-8. A struct is its field
//! count and `(field index, value)` pairs: fields are numbered in declaration order, so a
//! field left out (`skip_serializing_if`) keeps the numbers of the others, and reading needs
//! no field names. Enum variants are numbered the same way. Sequences and maps carry their
//! length. Being self-describing (unlike a positional format), it reads the few values that
//! may take more than one shape (`deserialize_any`).
//!
//! Only this console writes it, so the reader is strict: anything unexpected is an error,
//! never a panic; nesting and lengths are bounded by the input.

use std::fmt;

use serde::de::{self, IntoDeserializer};
use serde::Deserialize;

use super::{packed, SnapshotError, SCHEMA};
use crate::console::ConsoleState;

pub(crate) const NULL: u8 = 0;
const FALSE: u8 = 1;
const TRUE: u8 = 2;
pub(crate) const UINT: u8 = 3;
const NINT: u8 = 4;
const F64: u8 = 5;
pub(crate) const STR: u8 = 6;
pub(crate) const SEQ: u8 = 7;
pub(crate) const MAP: u8 = 8;
pub(crate) const STRUCT: u8 = 9;
pub(crate) const ENUM: u8 = 10;

/// Deeper nesting than this is refused (the state nests a few levels; damaged input could
/// otherwise exhaust the stack).
const MAX_DEPTH: u32 = 64;

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Error(pub String);

impl fmt::Display for Error {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

impl std::error::Error for Error {}

impl de::Error for Error {
    fn custom<T: fmt::Display>(msg: T) -> Self {
        Error(msg.to_string())
    }

    // Without the value found: describing it would link float formatting into
    // the first page for a message only damaged data ever shows.
    fn invalid_type(_: de::Unexpected, expected: &dyn de::Expected) -> Self {
        Error(format!("invalid type, expected {expected}"))
    }

    fn invalid_value(_: de::Unexpected, expected: &dyn de::Expected) -> Self {
        Error(format!("invalid value, expected {expected}"))
    }
}

fn fail<T>(what: &str) -> Result<T, Error> {
    Err(Error(what.to_string()))
}

/// Reads a value of the binary form.
pub fn from_slice<'de, T: de::Deserialize<'de>>(bytes: &'de [u8]) -> Result<T, Error> {
    let mut reader = Reader::new(bytes);
    let value = T::deserialize(&mut reader)?;
    reader.end()?;
    Ok(value)
}

pub(crate) struct Reader<'de> {
    input: &'de [u8],
    depth: u32,
}

impl<'de> Reader<'de> {
    pub(crate) fn new(input: &'de [u8]) -> Reader<'de> {
        Reader { input, depth: 0 }
    }

    /// The input must be read to its end.
    pub(crate) fn end(&self) -> Result<(), Error> {
        if self.input.is_empty() {
            Ok(())
        } else {
            fail("trailing bytes")
        }
    }

    pub(crate) fn f64(&mut self) -> Result<f64, Error> {
        self.expect(F64)?;
        let bytes = self.bytes(8)?;
        Ok(f64::from_le_bytes(bytes.try_into().expect("8 bytes")))
    }

    pub(crate) fn bool(&mut self) -> Result<bool, Error> {
        match self.byte()? {
            FALSE => Ok(false),
            TRUE => Ok(true),
            _ => fail("expected a boolean"),
        }
    }

    pub(crate) fn u64(&mut self) -> Result<u64, Error> {
        match self.int()? {
            Ok(n) => Ok(n),
            Err(_) => fail("expected an unsigned integer"),
        }
    }

    /// Whether the next value is null, which is then read.
    fn null(&mut self) -> bool {
        let null = self.peek() == Some(NULL);
        if null {
            self.input = &self.input[1..];
        }
        null
    }

    /// The tag of the next value, not read.
    pub(crate) fn peek(&self) -> Option<u8> {
        self.input.first().copied()
    }
}

impl<'de> Reader<'de> {
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
}

impl<'de> Reader<'de> {
    /// Reads a tag that must be `want`.
    fn expect(&mut self, want: u8) -> Result<(), Error> {
        if self.byte()? == want {
            Ok(())
        } else {
            Err(Error(format!("expected tag {want}")))
        }
    }

    /// An integer: unsigned, or negative as `Err`.
    fn int(&mut self) -> Result<Result<u64, i64>, Error> {
        match self.byte()? {
            UINT => Ok(Ok(self.varint()?)),
            NINT => match i64::try_from(self.varint()?) {
                Ok(n) => Ok(Err(-n - 1)),
                Err(_) => fail("integer out of range"),
            },
            _ => fail("expected an integer"),
        }
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

    /// Skips one value (a field this console does not read).
    pub(crate) fn skip(&mut self) -> Result<(), Error> {
        self.enter()?;
        match self.byte()? {
            NULL | FALSE | TRUE => {}
            UINT | NINT => {
                self.varint()?;
            }
            F64 => {
                self.bytes(8)?;
            }
            STR => {
                let n = self.len()?;
                self.bytes(n)?;
            }
            SEQ => {
                for _ in 0..self.len()? {
                    self.skip()?;
                }
            }
            MAP => {
                for _ in 0..self.len()? {
                    self.skip()?;
                    self.skip()?;
                }
            }
            STRUCT => {
                for _ in 0..self.len()? {
                    self.varint()?;
                    self.skip()?;
                }
            }
            ENUM => {
                self.varint()?;
                self.skip()?;
            }
            tag => return Err(Error(format!("unknown tag {tag}"))),
        }
        self.depth -= 1;
        Ok(())
    }
}

/// Each typed read takes only the tag its type is written with, so that a type's decoder
/// holds only the visitor calls it can make (reading everything through `deserialize_any`
/// made the decoders of the state several times larger).
impl<'de> de::Deserializer<'de> for &mut Reader<'de> {
    type Error = Error;

    /// Only for a value that may take more than one shape.
    fn deserialize_any<V: de::Visitor<'de>>(self, visitor: V) -> Result<V::Value, Error> {
        match self.input.first() {
            Some(&NULL) => self.deserialize_unit(visitor),
            Some(&FALSE | &TRUE) => self.deserialize_bool(visitor),
            Some(&UINT | &NINT) => self.deserialize_i64(visitor),
            Some(&F64) => self.deserialize_f64(visitor),
            Some(&STR) => self.deserialize_str(visitor),
            Some(&SEQ) => self.deserialize_seq(visitor),
            Some(&MAP) => self.deserialize_map(visitor),
            Some(&STRUCT) => self.deserialize_struct("", &[], visitor),
            Some(&ENUM) => self.deserialize_enum("", &[], visitor),
            _ => fail("unknown tag"),
        }
    }

    fn deserialize_bool<V: de::Visitor<'de>>(self, visitor: V) -> Result<V::Value, Error> {
        visitor.visit_bool(self.bool()?)
    }

    fn deserialize_i64<V: de::Visitor<'de>>(self, visitor: V) -> Result<V::Value, Error> {
        match self.int()? {
            Ok(n) => visitor.visit_u64(n),
            Err(n) => visitor.visit_i64(n),
        }
    }

    fn deserialize_u64<V: de::Visitor<'de>>(self, visitor: V) -> Result<V::Value, Error> {
        visitor.visit_u64(self.u64()?)
    }

    fn deserialize_f64<V: de::Visitor<'de>>(self, visitor: V) -> Result<V::Value, Error> {
        visitor.visit_f64(self.f64()?)
    }

    fn deserialize_str<V: de::Visitor<'de>>(self, visitor: V) -> Result<V::Value, Error> {
        self.expect(STR)?;
        visitor.visit_borrowed_str(self.str_body()?)
    }

    fn deserialize_option<V: de::Visitor<'de>>(self, visitor: V) -> Result<V::Value, Error> {
        if self.null() {
            visitor.visit_none()
        } else {
            visitor.visit_some(self)
        }
    }

    fn deserialize_unit<V: de::Visitor<'de>>(self, visitor: V) -> Result<V::Value, Error> {
        self.expect(NULL)?;
        visitor.visit_unit()
    }

    fn deserialize_newtype_struct<V: de::Visitor<'de>>(
        self,
        _: &'static str,
        visitor: V,
    ) -> Result<V::Value, Error> {
        visitor.visit_newtype_struct(self)
    }

    fn deserialize_seq<V: de::Visitor<'de>>(self, visitor: V) -> Result<V::Value, Error> {
        self.expect(SEQ)?;
        let left = self.len()?;
        self.enter()?;
        let value = visitor.visit_seq(Items {
            reader: &mut *self,
            left,
        });
        self.depth -= 1;
        value
    }

    fn deserialize_map<V: de::Visitor<'de>>(self, visitor: V) -> Result<V::Value, Error> {
        self.expect(MAP)?;
        let left = self.len()?;
        self.enter()?;
        let value = visitor.visit_map(Items {
            reader: &mut *self,
            left,
        });
        self.depth -= 1;
        value
    }

    fn deserialize_struct<V: de::Visitor<'de>>(
        self,
        _: &'static str,
        _: &'static [&'static str],
        visitor: V,
    ) -> Result<V::Value, Error> {
        self.expect(STRUCT)?;
        let left = self.len()?;
        self.enter()?;
        let value = visitor.visit_map(
            Items {
                reader: &mut *self,
                left,
            }
            .fields(),
        );
        self.depth -= 1;
        value
    }

    fn deserialize_enum<V: de::Visitor<'de>>(
        self,
        _: &'static str,
        _: &'static [&'static str],
        visitor: V,
    ) -> Result<V::Value, Error> {
        self.expect(ENUM)?;
        self.enter()?;
        let value = visitor.visit_enum(&mut *self);
        self.depth -= 1;
        value
    }

    fn deserialize_ignored_any<V: de::Visitor<'de>>(self, visitor: V) -> Result<V::Value, Error> {
        self.skip()?;
        visitor.visit_unit()
    }

    fn deserialize_i8<V: de::Visitor<'de>>(self, visitor: V) -> Result<V::Value, Error> {
        self.deserialize_i64(visitor)
    }
    fn deserialize_i16<V: de::Visitor<'de>>(self, visitor: V) -> Result<V::Value, Error> {
        self.deserialize_i64(visitor)
    }
    fn deserialize_i32<V: de::Visitor<'de>>(self, visitor: V) -> Result<V::Value, Error> {
        self.deserialize_i64(visitor)
    }
    fn deserialize_u8<V: de::Visitor<'de>>(self, visitor: V) -> Result<V::Value, Error> {
        self.deserialize_u64(visitor)
    }
    fn deserialize_u16<V: de::Visitor<'de>>(self, visitor: V) -> Result<V::Value, Error> {
        self.deserialize_u64(visitor)
    }
    fn deserialize_u32<V: de::Visitor<'de>>(self, visitor: V) -> Result<V::Value, Error> {
        self.deserialize_u64(visitor)
    }
    fn deserialize_f32<V: de::Visitor<'de>>(self, visitor: V) -> Result<V::Value, Error> {
        self.deserialize_f64(visitor)
    }
    fn deserialize_char<V: de::Visitor<'de>>(self, visitor: V) -> Result<V::Value, Error> {
        self.deserialize_str(visitor)
    }
    fn deserialize_string<V: de::Visitor<'de>>(self, visitor: V) -> Result<V::Value, Error> {
        self.deserialize_str(visitor)
    }
    fn deserialize_identifier<V: de::Visitor<'de>>(self, visitor: V) -> Result<V::Value, Error> {
        self.deserialize_str(visitor)
    }
    fn deserialize_bytes<V: de::Visitor<'de>>(self, visitor: V) -> Result<V::Value, Error> {
        self.deserialize_seq(visitor)
    }
    fn deserialize_byte_buf<V: de::Visitor<'de>>(self, visitor: V) -> Result<V::Value, Error> {
        self.deserialize_seq(visitor)
    }
    fn deserialize_unit_struct<V: de::Visitor<'de>>(
        self,
        _: &'static str,
        visitor: V,
    ) -> Result<V::Value, Error> {
        self.deserialize_unit(visitor)
    }
    fn deserialize_tuple<V: de::Visitor<'de>>(
        self,
        _: usize,
        visitor: V,
    ) -> Result<V::Value, Error> {
        self.deserialize_seq(visitor)
    }
    fn deserialize_tuple_struct<V: de::Visitor<'de>>(
        self,
        _: &'static str,
        _: usize,
        visitor: V,
    ) -> Result<V::Value, Error> {
        self.deserialize_seq(visitor)
    }
}

/// The elements of a sequence, or the entries of a map or struct.
struct Items<'r, 'de> {
    reader: &'r mut Reader<'de>,
    left: usize,
}

impl<'r, 'de> Items<'r, 'de> {
    fn fields(self) -> FieldEntries<'r, 'de> {
        FieldEntries(self)
    }
}

impl<'de> de::SeqAccess<'de> for Items<'_, 'de> {
    type Error = Error;
    fn next_element_seed<T: de::DeserializeSeed<'de>>(
        &mut self,
        seed: T,
    ) -> Result<Option<T::Value>, Error> {
        if self.left == 0 {
            return Ok(None);
        }
        self.left -= 1;
        seed.deserialize(&mut *self.reader).map(Some)
    }
    fn size_hint(&self) -> Option<usize> {
        Some(self.left)
    }
}

impl<'de> de::MapAccess<'de> for Items<'_, 'de> {
    type Error = Error;
    fn next_key_seed<K: de::DeserializeSeed<'de>>(
        &mut self,
        seed: K,
    ) -> Result<Option<K::Value>, Error> {
        if self.left == 0 {
            return Ok(None);
        }
        self.left -= 1;
        seed.deserialize(&mut *self.reader).map(Some)
    }
    fn next_value_seed<V: de::DeserializeSeed<'de>>(&mut self, seed: V) -> Result<V::Value, Error> {
        seed.deserialize(&mut *self.reader)
    }
    fn size_hint(&self) -> Option<usize> {
        Some(self.left)
    }
}

/// A struct's entries: the keys are field numbers.
struct FieldEntries<'r, 'de>(Items<'r, 'de>);

impl<'de> de::MapAccess<'de> for FieldEntries<'_, 'de> {
    type Error = Error;
    fn next_key_seed<K: de::DeserializeSeed<'de>>(
        &mut self,
        seed: K,
    ) -> Result<Option<K::Value>, Error> {
        if self.0.left == 0 {
            return Ok(None);
        }
        self.0.left -= 1;
        let index = self.0.reader.varint()?;
        seed.deserialize(index.into_deserializer()).map(Some)
    }
    fn next_value_seed<V: de::DeserializeSeed<'de>>(&mut self, seed: V) -> Result<V::Value, Error> {
        seed.deserialize(&mut *self.0.reader)
    }
}

impl<'de> de::EnumAccess<'de> for &mut Reader<'de> {
    type Error = Error;
    type Variant = Self;
    fn variant_seed<V: de::DeserializeSeed<'de>>(self, seed: V) -> Result<(V::Value, Self), Error> {
        let index = self.varint()?;
        let variant = seed.deserialize(de::value::U64Deserializer::<Error>::new(index))?;
        Ok((variant, self))
    }
}

impl<'de> de::VariantAccess<'de> for &mut Reader<'de> {
    type Error = Error;
    fn unit_variant(self) -> Result<(), Error> {
        match self.byte()? {
            NULL => Ok(()),
            _ => fail("a unit variant with content"),
        }
    }
    fn newtype_variant_seed<T: de::DeserializeSeed<'de>>(self, seed: T) -> Result<T::Value, Error> {
        seed.deserialize(self)
    }
    fn tuple_variant<V: de::Visitor<'de>>(self, _: usize, visitor: V) -> Result<V::Value, Error> {
        de::Deserializer::deserialize_seq(self, visitor)
    }
    fn struct_variant<V: de::Visitor<'de>>(
        self,
        _: &'static [&'static str],
        visitor: V,
    ) -> Result<V::Value, Error> {
        de::Deserializer::deserialize_struct(self, "", &[], visitor)
    }
}

/// The schema and version at the head of an encoded snapshot envelope (its first two fields),
/// read without decoding the rest.
pub(crate) fn head(bytes: &[u8]) -> Result<(&str, u64), Error> {
    let mut r = Reader {
        input: bytes,
        depth: 0,
    };
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

/// The envelope of version 5, its fields in their order then (only the state is kept).
#[derive(Deserialize)]
struct Envelope {
    _schema: de::IgnoredAny,
    _version: de::IgnoredAny,
    _saved_at: de::IgnoredAny,
    state: ConsoleState,
}

/// Reads a stored text of version 5 (not yet validated).
pub(super) fn decode(text: &str) -> Result<ConsoleState, SnapshotError> {
    let bytes = packed::unpack_bytes(text)?;
    let (schema, version) = head(&bytes).map_err(|e| SnapshotError::Unreadable(e.to_string()))?;
    if schema != SCHEMA {
        return Err(SnapshotError::ForeignSchema(schema.to_string()));
    }
    if version != 5 {
        return Err(SnapshotError::Invalid(format!(
            "a binary snapshot of version {version}"
        )));
    }
    from_slice::<Envelope>(&bytes)
        .map(|e| e.state)
        .map_err(|e| SnapshotError::Invalid(e.to_string()))
}

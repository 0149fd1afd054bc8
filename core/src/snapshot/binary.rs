//! The stored form's binary encoding: a small self-describing serde format, so the state's
//! own `Serialize`/`Deserialize` derives read and write it, and no JSON reader is needed to
//! start the console (the JSON readers, for older saved data, the import and the host's
//! `catalog.json`, then load on demand in the app).
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
use serde::ser::{self, Serialize};

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

impl ser::Error for Error {
    fn custom<T: fmt::Display>(msg: T) -> Self {
        Error(msg.to_string())
    }
}

impl de::Error for Error {
    fn custom<T: fmt::Display>(msg: T) -> Self {
        Error(msg.to_string())
    }

    // Without the value found: describing it would link float formatting (9 KB of wasm) into
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

/// Appends `value`'s encoding to `out`.
pub fn write<T: Serialize + ?Sized>(out: &mut Vec<u8>, value: &T) -> Result<(), Error> {
    value.serialize(&mut Writer { out })
}

/// `value`'s encoding.
pub fn to_vec<T: Serialize + ?Sized>(value: &T) -> Result<Vec<u8>, Error> {
    let mut out = Vec::new();
    write(&mut out, value)?;
    Ok(out)
}

/// Reads one value that must fill `bytes` exactly.
pub fn from_slice<'de, T: de::Deserialize<'de>>(bytes: &'de [u8]) -> Result<T, Error> {
    let mut reader = Reader::new(bytes);
    let value = T::deserialize(&mut reader)?;
    reader.end()?;
    Ok(value)
}

pub(crate) fn put_varint(out: &mut Vec<u8>, mut v: u64) {
    while v >= 0x80 {
        out.push((v as u8) | 0x80);
        v >>= 7;
    }
    out.push(v as u8);
}

/// A tag and a varint: an unsigned integer, or the start of a sequence, map or struct.
pub(crate) fn put_head(out: &mut Vec<u8>, tag: u8, n: u64) {
    out.push(tag);
    put_varint(out, n);
}

pub(crate) fn put_str(out: &mut Vec<u8>, s: &str) {
    put_head(out, STR, s.len() as u64);
    out.extend_from_slice(s.as_bytes());
}

struct Writer<'a> {
    out: &'a mut Vec<u8>,
}

impl Writer<'_> {
    fn int(&mut self, v: i64) {
        if v >= 0 {
            put_head(self.out, UINT, v as u64);
        } else {
            put_head(self.out, NINT, !(v as u64));
        }
    }

    fn len(&mut self, tag: u8, len: Option<usize>) -> Result<(), Error> {
        match len {
            Some(len) => {
                put_head(self.out, tag, len as u64);
                Ok(())
            }
            None => fail("a sequence or map of unknown length"),
        }
    }
}

/// A struct's fields, numbered as they come (skipped ones too).
struct Fields<'w, 'a> {
    writer: &'w mut Writer<'a>,
    next: u64,
}

impl<'w, 'a> ser::Serializer for &'w mut Writer<'a> {
    type Ok = ();
    type Error = Error;
    type SerializeSeq = Self;
    type SerializeTuple = Self;
    type SerializeTupleStruct = Self;
    type SerializeTupleVariant = Self;
    type SerializeMap = Self;
    type SerializeStruct = Fields<'w, 'a>;
    type SerializeStructVariant = Fields<'w, 'a>;

    fn serialize_bool(self, v: bool) -> Result<(), Error> {
        self.out.push(if v { TRUE } else { FALSE });
        Ok(())
    }
    fn serialize_i8(self, v: i8) -> Result<(), Error> {
        self.serialize_i64(v.into())
    }
    fn serialize_i16(self, v: i16) -> Result<(), Error> {
        self.serialize_i64(v.into())
    }
    fn serialize_i32(self, v: i32) -> Result<(), Error> {
        self.serialize_i64(v.into())
    }
    fn serialize_i64(self, v: i64) -> Result<(), Error> {
        self.int(v);
        Ok(())
    }
    fn serialize_u8(self, v: u8) -> Result<(), Error> {
        self.serialize_u64(v.into())
    }
    fn serialize_u16(self, v: u16) -> Result<(), Error> {
        self.serialize_u64(v.into())
    }
    fn serialize_u32(self, v: u32) -> Result<(), Error> {
        self.serialize_u64(v.into())
    }
    fn serialize_u64(self, v: u64) -> Result<(), Error> {
        put_head(self.out, UINT, v);
        Ok(())
    }
    fn serialize_f32(self, v: f32) -> Result<(), Error> {
        self.serialize_f64(v.into())
    }
    fn serialize_f64(self, v: f64) -> Result<(), Error> {
        self.out.push(F64);
        self.out.extend_from_slice(&v.to_le_bytes());
        Ok(())
    }
    fn serialize_char(self, v: char) -> Result<(), Error> {
        put_str(self.out, v.encode_utf8(&mut [0; 4]));
        Ok(())
    }
    fn serialize_str(self, v: &str) -> Result<(), Error> {
        put_str(self.out, v);
        Ok(())
    }
    fn serialize_bytes(self, v: &[u8]) -> Result<(), Error> {
        put_head(self.out, SEQ, v.len() as u64);
        v.iter().for_each(|&b| put_head(self.out, UINT, b.into()));
        Ok(())
    }
    fn serialize_none(self) -> Result<(), Error> {
        self.out.push(NULL);
        Ok(())
    }
    fn serialize_some<T: Serialize + ?Sized>(self, value: &T) -> Result<(), Error> {
        value.serialize(self)
    }
    fn serialize_unit(self) -> Result<(), Error> {
        self.out.push(NULL);
        Ok(())
    }
    fn serialize_unit_struct(self, _: &'static str) -> Result<(), Error> {
        self.serialize_unit()
    }
    fn serialize_unit_variant(
        self,
        _: &'static str,
        index: u32,
        _: &'static str,
    ) -> Result<(), Error> {
        put_head(self.out, ENUM, index.into());
        self.out.push(NULL);
        Ok(())
    }
    fn serialize_newtype_struct<T: Serialize + ?Sized>(
        self,
        _: &'static str,
        value: &T,
    ) -> Result<(), Error> {
        value.serialize(self)
    }
    fn serialize_newtype_variant<T: Serialize + ?Sized>(
        self,
        _: &'static str,
        index: u32,
        _: &'static str,
        value: &T,
    ) -> Result<(), Error> {
        put_head(self.out, ENUM, index.into());
        value.serialize(self)
    }
    fn serialize_seq(self, len: Option<usize>) -> Result<Self, Error> {
        self.len(SEQ, len)?;
        Ok(self)
    }
    fn serialize_tuple(self, len: usize) -> Result<Self, Error> {
        self.serialize_seq(Some(len))
    }
    fn serialize_tuple_struct(self, _: &'static str, len: usize) -> Result<Self, Error> {
        self.serialize_seq(Some(len))
    }
    fn serialize_tuple_variant(
        self,
        _: &'static str,
        index: u32,
        _: &'static str,
        len: usize,
    ) -> Result<Self, Error> {
        put_head(self.out, ENUM, index.into());
        self.serialize_seq(Some(len))
    }
    fn serialize_map(self, len: Option<usize>) -> Result<Self, Error> {
        self.len(MAP, len)?;
        Ok(self)
    }
    fn serialize_struct(self, _: &'static str, len: usize) -> Result<Fields<'w, 'a>, Error> {
        put_head(self.out, STRUCT, len as u64);
        Ok(Fields {
            writer: self,
            next: 0,
        })
    }
    fn serialize_struct_variant(
        self,
        _: &'static str,
        index: u32,
        _: &'static str,
        len: usize,
    ) -> Result<Fields<'w, 'a>, Error> {
        put_head(self.out, ENUM, index.into());
        self.serialize_struct("", len)
    }
}

/// Sequences, tuples and tuple variants write their elements one after the other (their
/// length, and a variant's number, were written at the start).
macro_rules! elements {
    ($($trait:ident :: $method:ident),*) => {$(
        impl ser::$trait for &mut Writer<'_> {
            type Ok = ();
            type Error = Error;
            fn $method<T: Serialize + ?Sized>(&mut self, value: &T) -> Result<(), Error> {
                value.serialize(&mut **self)
            }
            fn end(self) -> Result<(), Error> {
                Ok(())
            }
        }
    )*};
}

elements!(
    SerializeSeq::serialize_element,
    SerializeTuple::serialize_element,
    SerializeTupleStruct::serialize_field,
    SerializeTupleVariant::serialize_field
);

impl ser::SerializeMap for &mut Writer<'_> {
    type Ok = ();
    type Error = Error;
    fn serialize_key<T: Serialize + ?Sized>(&mut self, key: &T) -> Result<(), Error> {
        key.serialize(&mut **self)
    }
    fn serialize_value<T: Serialize + ?Sized>(&mut self, value: &T) -> Result<(), Error> {
        value.serialize(&mut **self)
    }
    fn end(self) -> Result<(), Error> {
        Ok(())
    }
}

impl ser::SerializeStruct for Fields<'_, '_> {
    type Ok = ();
    type Error = Error;
    fn serialize_field<T: Serialize + ?Sized>(
        &mut self,
        _: &'static str,
        value: &T,
    ) -> Result<(), Error> {
        put_varint(self.writer.out, self.next);
        self.next += 1;
        value.serialize(&mut *self.writer)
    }
    fn skip_field(&mut self, _: &'static str) -> Result<(), Error> {
        self.next += 1;
        Ok(())
    }
    fn end(self) -> Result<(), Error> {
        Ok(())
    }
}

impl ser::SerializeStructVariant for Fields<'_, '_> {
    type Ok = ();
    type Error = Error;
    fn serialize_field<T: Serialize + ?Sized>(
        &mut self,
        key: &'static str,
        value: &T,
    ) -> Result<(), Error> {
        ser::SerializeStruct::serialize_field(self, key, value)
    }
    fn skip_field(&mut self, key: &'static str) -> Result<(), Error> {
        ser::SerializeStruct::skip_field(self, key)
    }
    fn end(self) -> Result<(), Error> {
        Ok(())
    }
}

pub(crate) struct Reader<'de> {
    input: &'de [u8],
    depth: u32,
}

/// Reading by hand, for a type whose every field is always written and whose decoder is
/// wanted small (the embedded catalog): each method takes one value of one shape.
impl<'de> Reader<'de> {
    pub(crate) fn new(input: &'de [u8]) -> Reader<'de> {
        Reader { input, depth: 0 }
    }

    /// What is left to read (tests cut encodings at values' ends with it).
    #[cfg(test)]
    pub(crate) fn rest(&self) -> &'de [u8] {
        self.input
    }

    /// The input must be read to its end.
    pub(crate) fn end(&self) -> Result<(), Error> {
        if self.input.is_empty() {
            Ok(())
        } else {
            fail("trailing bytes")
        }
    }

    /// A struct of exactly `fields` fields, read next with [`Self::field`], in order.
    pub(crate) fn struct_of(&mut self, fields: u64) -> Result<(), Error> {
        self.expect(STRUCT)?;
        if self.varint()? == fields {
            Ok(())
        } else {
            fail("a struct with other fields")
        }
    }

    /// Field number `index`, which must come next.
    pub(crate) fn field(&mut self, index: u64) -> Result<&mut Self, Error> {
        if self.varint()? == index {
            Ok(self)
        } else {
            fail("a field out of order")
        }
    }

    pub(crate) fn string(&mut self) -> Result<String, Error> {
        self.expect(STR)?;
        self.str_body().map(str::to_owned)
    }

    pub(crate) fn u32(&mut self) -> Result<u32, Error> {
        u32::try_from(self.u64()?).or_else(|_| fail("integer out of range"))
    }

    pub(crate) fn f64(&mut self) -> Result<f64, Error> {
        self.expect(F64)?;
        let bytes = self.bytes(8)?;
        Ok(f64::from_le_bytes(bytes.try_into().expect("8 bytes")))
    }

    pub(crate) fn seq<T>(
        &mut self,
        mut item: impl FnMut(&mut Self) -> Result<T, Error>,
    ) -> Result<Vec<T>, Error> {
        self.expect(SEQ)?;
        let n = self.len()?;
        // Allocated once (collecting results grows the vector as it goes), up to a bound: a
        // damaged length may claim every byte left, each an element of a large type.
        let mut items = Vec::with_capacity(n.min(16_384));
        for _ in 0..n {
            items.push(item(self)?);
        }
        Ok(items)
    }

    /// A unit variant's number.
    pub(crate) fn unit_variant(&mut self) -> Result<u64, Error> {
        self.expect(ENUM)?;
        let index = self.varint()?;
        self.expect(NULL)?;
        Ok(index)
    }

    /// A struct whose fields may be left out or come in any order (the state's, see
    /// `snapshot::read`): `field` reads the value of each field number, or skips one it does
    /// not know ([`Self::skip`]). A field given twice is refused, as serde's derives do.
    pub(crate) fn fields(
        &mut self,
        mut field: impl FnMut(&mut Self, u64) -> Result<(), Error>,
    ) -> Result<(), Error> {
        self.expect(STRUCT)?;
        let mut seen = 0u64;
        for _ in 0..self.len()? {
            let index = self.varint()?;
            if index < 64 {
                if seen & 1 << index != 0 {
                    return fail("a field given twice");
                }
                seen |= 1 << index;
            }
            field(self, index)?;
        }
        Ok(())
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

    pub(crate) fn u8(&mut self) -> Result<u8, Error> {
        u8::try_from(self.u64()?).or_else(|_| fail("integer out of range"))
    }

    /// `None` when the value is null, else the value `some` reads.
    pub(crate) fn option<T>(
        &mut self,
        some: impl FnOnce(&mut Self) -> Result<T, Error>,
    ) -> Result<Option<T>, Error> {
        if self.null() {
            Ok(None)
        } else {
            some(self).map(Some)
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

    /// A map with string keys (a key given twice keeps its last value, as serde's does).
    pub(crate) fn string_map<V>(
        &mut self,
        mut value: impl FnMut(&mut Self) -> Result<V, Error>,
    ) -> Result<std::collections::BTreeMap<String, V>, Error> {
        self.expect(MAP)?;
        let mut map = std::collections::BTreeMap::new();
        for _ in 0..self.len()? {
            let key = self.string()?;
            map.insert(key, value(self)?);
        }
        Ok(map)
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

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;
    use serde::{Deserialize, Serialize};
    use std::collections::BTreeMap;

    #[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
    enum Shape {
        Dot,
        Circle(f64),
        Pair(i32, String),
        Box { w: u32, h: Option<u32> },
    }

    #[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
    struct Sample {
        name: String,
        #[serde(default, skip_serializing_if = "Option::is_none")]
        note: Option<String>,
        count: u64,
        delta: i64,
        ratio: f64,
        flag: bool,
        #[serde(default, skip_serializing_if = "Vec::is_empty")]
        shapes: Vec<Shape>,
        by_name: BTreeMap<String, u32>,
        maybe: Option<Option<u8>>,
    }

    fn shape() -> impl Strategy<Value = Shape> {
        prop_oneof![
            Just(Shape::Dot),
            any::<f64>()
                .prop_filter("NaN", |f| !f.is_nan())
                .prop_map(Shape::Circle),
            (any::<i32>(), ".{0,8}").prop_map(|(n, s)| Shape::Pair(n, s)),
            (any::<u32>(), any::<Option<u32>>()).prop_map(|(w, h)| Shape::Box { w, h }),
        ]
    }

    prop_compose! {
        fn sample()(
            name in ".{0,12}",
            note in proptest::option::of(".{0,12}"),
            count in any::<u64>(),
            delta in any::<i64>(),
            ratio in any::<f64>().prop_filter("NaN", |f| !f.is_nan()),
            flag in any::<bool>(),
            shapes in proptest::collection::vec(shape(), 0..4),
            by_name in proptest::collection::btree_map(".{0,6}", any::<u32>(), 0..4),
            maybe in any::<Option<Option<u8>>>().prop_filter("Some(None) reads as None", |m| *m != Some(None)),
        ) -> Sample {
            Sample { name, note, count, delta, ratio, flag, shapes, by_name, maybe }
        }
    }

    proptest! {
        #[test]
        fn what_is_written_reads_back(value in sample()) {
            let bytes = to_vec(&value).unwrap();
            prop_assert_eq!(from_slice::<Sample>(&bytes).unwrap(), value);
        }

        /// Damaged input is an error, never a panic.
        #[test]
        fn damaged_input_is_an_error(value in sample(), cut in any::<prop::sample::Index>(), flip in any::<u8>()) {
            let mut bytes = to_vec(&value).unwrap();
            let at = cut.index(bytes.len());
            let _ = from_slice::<Sample>(&bytes[..at]);
            bytes[at] ^= flip;
            let _ = from_slice::<Sample>(&bytes);
        }
    }

    #[test]
    fn refuses_trailing_bytes_deep_nesting_and_long_lengths() {
        let mut bytes = to_vec(&Shape::Dot).unwrap();
        bytes.push(NULL);
        assert!(from_slice::<Shape>(&bytes).is_err());
        let deep = [SEQ, 1].repeat(10_000);
        assert!(from_slice::<serde::de::IgnoredAny>(&deep).is_err());
        let long = [SEQ, 0xFF, 0xFF, 0xFF, 0xFF, 0x0F];
        assert!(from_slice::<Vec<u8>>(&long).is_err());
    }
}

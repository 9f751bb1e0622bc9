//! Where a YAML node was written, read from serde-saphyr at the cost of one location per
//! node.
//!
//! serde-saphyr hands out positions through `Spanned<T>`: deserializing it asks for the
//! newtype `__yaml_spanned`, which the YAML deserializer answers with a four-field map
//! (a marker, `value`, `referenced`, `defined`). `Spanned<T>` reads the whole map, with
//! an owned `String` for its first key and both locations. [`Positioned`] asks for the
//! same map but reads only `value` and `referenced` (where the node is used: the alias
//! rather than its anchor, as the tree has always reported), through a seed, so that the
//! tree can be built in one pass, borrowing from the text.
//!
//! This follows the protocol of serde-saphyr 2.1; a test of `yaml` checks the spans
//! against `Spanned<T>`'s, so that a release that changes it fails the tests rather than
//! losing positions.

use std::fmt;

use serde::de::{DeserializeSeed, Deserializer, Error as _, IgnoredAny, MapAccess, Visitor};
use serde_saphyr::Location;

/// The newtype name under which serde-saphyr's deserializer gives a node's location.
const SPANNED_NEWTYPE: &str = "__yaml_spanned";
/// The fields of that map, as `serde_saphyr::Spanned` names them.
const SPANNED_FIELDS: &[&str] = &[
    "__serde_saphyr_private_spanned",
    "value",
    "referenced",
    "defined",
];

/// Reads a node with the seed inside, together with the location where it was written.
pub struct Positioned<S>(pub S);

impl<'de, S: DeserializeSeed<'de>> DeserializeSeed<'de> for Positioned<S> {
    type Value = (S::Value, Location);

    fn deserialize<D: Deserializer<'de>>(self, deserializer: D) -> Result<Self::Value, D::Error> {
        deserializer.deserialize_newtype_struct(SPANNED_NEWTYPE, self)
    }
}

impl<'de, S: DeserializeSeed<'de>> Visitor<'de> for Positioned<S> {
    type Value = (S::Value, Location);

    fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
        f.write_str("a YAML node with its location")
    }

    fn visit_newtype_struct<D: Deserializer<'de>>(
        self,
        deserializer: D,
    ) -> Result<Self::Value, D::Error> {
        deserializer.deserialize_struct("Spanned", SPANNED_FIELDS, PositionedFields(self.0))
    }
}

/// Reads the map that stands for a node and its locations.
struct PositionedFields<S>(S);

impl<'de, S: DeserializeSeed<'de>> Visitor<'de> for PositionedFields<S> {
    type Value = (S::Value, Location);

    fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
        f.write_str("a YAML node with its location")
    }

    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Self::Value, A::Error> {
        let mut seed = Some(self.0);
        let mut value = None;
        let mut referenced = None;
        // `defined` comes last and is never needed: stop as soon as both are read.
        while value.is_none() || referenced.is_none() {
            let Some(field) = map.next_key::<Field>()? else {
                break;
            };
            match field {
                Field::Value => {
                    let seed = seed
                        .take()
                        .ok_or_else(|| A::Error::duplicate_field("value"))?;
                    value = Some(map.next_value_seed(seed)?);
                }
                Field::Referenced => referenced = Some(map.next_value::<Location>()?),
                Field::Other => {
                    map.next_value::<IgnoredAny>()?;
                }
            }
        }
        match (value, referenced) {
            (Some(value), Some(referenced)) => Ok((value, referenced)),
            (None, _) => Err(A::Error::missing_field("value")),
            (_, None) => Err(A::Error::missing_field("referenced")),
        }
    }
}

/// A field of that map, named without allocating.
enum Field {
    Value,
    Referenced,
    Other,
}

impl<'de> serde::Deserialize<'de> for Field {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        deserializer.deserialize_identifier(FieldVisitor)
    }
}

struct FieldVisitor;

impl Visitor<'_> for FieldVisitor {
    type Value = Field;

    fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
        f.write_str("a field of a located YAML node")
    }

    fn visit_str<E>(self, name: &str) -> Result<Field, E> {
        Ok(match name {
            "value" => Field::Value,
            "referenced" => Field::Referenced,
            _ => Field::Other,
        })
    }
}

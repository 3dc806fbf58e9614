//! The keys a serde type accepts, read from its `Deserialize` impl, so that
//! "did you mean" suggestions for a misspelt key never drift from the types.

use serde::Deserialize;
use serde::de::{self, Visitor};

/// The field names `T` declares, or an empty list if `T` is not a struct.
pub fn of<'de, T: Deserialize<'de>>() -> &'static [&'static str] {
    let mut fields: &'static [&'static str] = &[];
    let _ = T::deserialize(FieldNameCatcher {
        fields: &mut fields,
    });
    fields
}

struct FieldNameCatcher<'a> {
    fields: &'a mut &'static [&'static str],
}

#[derive(Debug)]
struct Caught;

impl std::fmt::Display for Caught {
    fn fmt(&self, formatter: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        formatter.write_str("field names caught")
    }
}

impl std::error::Error for Caught {}

impl de::Error for Caught {
    fn custom<T: std::fmt::Display>(_message: T) -> Self {
        Caught
    }
}

impl<'de> de::Deserializer<'de> for FieldNameCatcher<'_> {
    type Error = Caught;

    fn deserialize_any<V: Visitor<'de>>(self, _visitor: V) -> Result<V::Value, Caught> {
        Err(Caught)
    }

    fn deserialize_struct<V: Visitor<'de>>(
        self,
        _name: &'static str,
        fields: &'static [&'static str],
        _visitor: V,
    ) -> Result<V::Value, Caught> {
        *self.fields = fields;
        Err(Caught)
    }

    serde::forward_to_deserialize_any! {
        bool i8 i16 i32 i64 i128 u8 u16 u32 u64 u128 f32 f64 char str string
        bytes byte_buf option unit unit_struct newtype_struct seq tuple
        tuple_struct map enum identifier ignored_any
    }
}

#[cfg(test)]
mod tests {
    use crate::plan::file::{Record, Schedule};

    #[test]
    fn reads_the_declared_fields() {
        let fields = super::of::<Schedule>();
        assert!(fields.contains(&"weekday"));
        assert!(fields.contains(&"if_weekend"));
        assert!(super::of::<Record>().contains(&"evidence"));
    }
}

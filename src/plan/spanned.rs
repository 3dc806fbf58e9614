//! A value with its place in the file. Wraps `toml::Spanned` so that the plan
//! types can also describe themselves as a JSON Schema (`ddci schema`): the
//! schema of a spanned value is the schema of the value.

use std::borrow::Cow;
use std::ops::Range;

use schemars::{JsonSchema, Schema, SchemaGenerator};
use serde::{Deserialize, Deserializer};

#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Spanned<T>(toml::Spanned<T>);

impl<T> Spanned<T> {
    pub fn new(span: Range<usize>, value: T) -> Self {
        Self(toml::Spanned::new(span, value))
    }

    pub fn get_ref(&self) -> &T {
        self.0.get_ref()
    }

    pub fn get_mut(&mut self) -> &mut T {
        self.0.get_mut()
    }

    /// The byte range of the value in the file (after any byte-order mark).
    pub fn span(&self) -> Range<usize> {
        self.0.span()
    }

    pub fn into_inner(self) -> T {
        self.0.into_inner()
    }

    /// The same value, `by` bytes further into the file.
    #[must_use]
    pub fn shifted(self, by: usize) -> Self {
        let span = self.span();
        Self::new(span.start + by..span.end + by, self.into_inner())
    }
}

impl<T: Default> Default for Spanned<T> {
    fn default() -> Self {
        Self::new(0..0, T::default())
    }
}

thread_local! {
    /// Added to every span read on this thread: a plan parsed in pieces
    /// reads each piece with spans counted from the piece's start.
    static SPAN_OFFSET: std::cell::Cell<usize> = const { std::cell::Cell::new(0) };
}

/// What is added to every span read on this thread now.
pub fn span_offset() -> usize {
    SPAN_OFFSET.with(std::cell::Cell::get)
}

/// Runs `read` with every span it deserializes moved `offset` bytes on.
pub fn with_span_offset<R>(offset: usize, read: impl FnOnce() -> R) -> R {
    let previous = SPAN_OFFSET.with(|cell| cell.replace(offset));
    let result = read();
    SPAN_OFFSET.with(|cell| cell.set(previous));
    result
}

impl<'de, T: Deserialize<'de>> Deserialize<'de> for Spanned<T> {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        let spanned = toml::Spanned::deserialize(deserializer)?;
        let offset = SPAN_OFFSET.with(std::cell::Cell::get);
        Ok(if offset == 0 {
            Self(spanned)
        } else {
            Self(spanned).shifted(offset)
        })
    }
}

impl<T: JsonSchema> JsonSchema for Spanned<T> {
    fn inline_schema() -> bool {
        true
    }

    fn schema_name() -> Cow<'static, str> {
        T::schema_name()
    }

    fn json_schema(generator: &mut SchemaGenerator) -> Schema {
        generator.subschema_for::<T>()
    }
}

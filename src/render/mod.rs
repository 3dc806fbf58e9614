//! Renderers of a [`Document`](crate::document::Document): one format per file.

pub mod markdown;
pub mod terminal;

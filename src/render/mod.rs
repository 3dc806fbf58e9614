//! Renderers of a [`Document`](crate::document::Document): one format per file.

pub mod html;
pub mod markdown;
pub mod terminal;

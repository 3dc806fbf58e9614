//! Renderers, one format per file: of a [`Document`](crate::document::Document)
//! (Markdown, terminal, HTML), and of an
//! [`OfficialDocument`](crate::official_document::OfficialDocument) (Word, HTML).

pub mod docx;
pub mod html;
pub mod markdown;
pub mod official_html;
pub mod terminal;

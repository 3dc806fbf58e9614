//! Renderers, one format per file: of a [`Document`](crate::render::document::Document)
//! (Markdown, terminal, HTML), and of an
//! [`OfficialDocument`](crate::render::official_document::OfficialDocument) (Word, HTML).

pub mod csv;
pub mod describe;
pub mod document;
pub mod docx;
pub mod html;
pub mod markdown;
pub mod official_document;
pub mod official_html;
pub mod terminal;
pub mod xlsx_style;

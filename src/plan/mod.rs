//! The plan: the file as written (`file`) and its dates (`date`).

pub mod date;
pub mod file;
pub mod schema;
pub mod spanned;

//! Free text given on the command line.

/// Text for a document's header or signature: something, not blanks.
pub fn non_blank(text: &str) -> Result<String, String> {
    if text.trim().is_empty() {
        Err(crate::say!(
            "đang để trống; hãy ghi nội dung, hoặc bỏ tùy chọn này",
            "it is blank; give the text, or leave the option out"
        ))
    } else {
        Ok(text.trim().to_owned())
    }
}

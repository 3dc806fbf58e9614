//! The look every workbook ddci writes shares (a unit's form, the roll-up):
//! Times New Roman, thin borders, text from the top, headings bold on grey.
//! Each workbook builds its own formats from these.

use rust_xlsxwriter::{Color, Format, FormatAlign, FormatBorder};

const FONT: &str = "Times New Roman";

/// A cell of a table: bordered, 11 pt, text from the top.
pub fn cell() -> Format {
    Format::new()
        .set_border(FormatBorder::Thin)
        .set_align(FormatAlign::Top)
        .set_font_name(FONT)
        .set_font_size(11)
}

/// A sheet's title: bold, 14 pt.
pub fn title() -> Format {
    Format::new()
        .set_bold()
        .set_font_name(FONT)
        .set_font_size(14)
}

/// A line of explanation under the title: italic, 11 pt.
pub fn note() -> Format {
    Format::new()
        .set_italic()
        .set_font_name(FONT)
        .set_font_size(11)
}

/// A column heading: a cell, bold, centred, wrapped, on grey.
pub fn heading() -> Format {
    cell()
        .set_bold()
        .set_text_wrap()
        .set_align(FormatAlign::Center)
        .set_align(FormatAlign::VerticalCenter)
        .set_background_color(Color::RGB(0x00D9_D9D9))
}

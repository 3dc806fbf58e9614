//! An [`OfficialDocument`] as a Word file in the layout of Decree
//! 30/2020/NĐ-CP: A4 portrait, Times New Roman, margins top and bottom
//! 20 mm, left 30 mm, right 15 mm; body 14 pt justified with a 1.27 cm first
//! line and 6 pt after each paragraph; page numbers centred in the top
//! margin from page 2; the appendix in a landscape section of its own.
//! Written with `docx-rs`; the same document gives the same bytes.

use docx_rs::{
    AlignmentType, BorderType, BreakType, Docx, Header, LineSpacing, PageMargin, PageNum,
    PageOrientationType, Paragraph, ParagraphBorder, ParagraphBorderPosition, ParagraphBorders,
    Run, RunFonts, Section, SpecialIndentType, Table, TableCell, TableLayoutType, TableRow,
    VAlignType, WidthType,
};

use crate::render::document::Block;
use crate::render::official_document::{Appendix, AppendixRow, OfficialDocument};

/// Twentieths of a point per millimetre.
const TWIPS_PER_MM: f64 = 56.692_913;
const A4_SHORT_MM: u32 = 210;
const A4_LONG_MM: u32 = 297;
/// Sizes in half-points, as Word counts them.
const BODY: usize = 26;
const HEADER_SMALL: usize = 24;
const HEADER: usize = 26;
const RECIPIENTS: usize = 22;
const TABLE: usize = 22;
const FIRST_LINE_MM: f64 = 12.7;

fn twips(mm: f64) -> i32 {
    #[allow(clippy::cast_possible_truncation)] // page sizes, far below i32::MAX
    let twips = (mm * TWIPS_PER_MM).round() as i32;
    twips
}

fn twips_u(mm: u32) -> u32 {
    u32::try_from(twips(f64::from(mm))).unwrap_or(0)
}

/// A run of text; a character XML forbids (U+FFFF, a control) is shown by
/// the terminal's rule, never written: one would make the file unreadable.
fn run(text: &str, size: usize) -> Run {
    Run::new()
        .add_text(crate::words::visible::visible(text))
        .size(size)
}

fn centred(text: &str, size: usize) -> Paragraph {
    Paragraph::new()
        .add_run(run(text, size))
        .align(AlignmentType::Center)
        .line_spacing(LineSpacing::new().before(0).after(0))
}

/// A short rule under a heading: an empty paragraph with a bottom border,
/// its length set by the indents either side.
fn rule(indent_mm: f64) -> Paragraph {
    let mut paragraph = Paragraph::new()
        .indent(Some(twips(indent_mm)), None, Some(twips(indent_mm)), None)
        .line_spacing(LineSpacing::new().before(0).after(120).line(120))
        .size(4);
    // Only the bottom border: the crate's default set draws all four.
    paragraph.property = paragraph.property.set_borders(
        ParagraphBorders::with_empty().set(
            ParagraphBorder::new(ParagraphBorderPosition::Bottom)
                .val(BorderType::Single)
                .size(6)
                .space(1)
                .color("000000"),
        ),
    );
    paragraph
}

fn body_paragraph(runs: Vec<Run>) -> Paragraph {
    runs.into_iter()
        .fold(Paragraph::new(), Paragraph::add_run)
        .align(AlignmentType::Both)
        .indent(
            None,
            Some(SpecialIndentType::FirstLine(twips(FIRST_LINE_MM))),
            None,
            None,
        )
        .line_spacing(LineSpacing::new().before(0).after(120).line(240))
}

fn cell(paragraphs: Vec<Paragraph>, width_twips: usize) -> TableCell {
    paragraphs
        .into_iter()
        .fold(TableCell::new(), TableCell::add_paragraph)
        .width(width_twips, WidthType::Dxa)
}

pub fn render(document: &OfficialDocument) -> anyhow::Result<Vec<u8>> {
    let portrait_width = A4_SHORT_MM - 30 - 15;
    let mut body = Section::new()
        .page_size(
            docx_rs::PageSize::new()
                .width(twips_u(A4_SHORT_MM))
                .height(twips_u(A4_LONG_MM)),
        )
        .page_margin(margins(20, 20, 30, 15))
        .title_pg()
        .header(page_number_header())
        .first_header(Header::new());
    body = body.add_table(header_table(document, portrait_width));
    body = body
        .add_paragraph(
            Paragraph::new()
                .add_run(run(&document.kind, BODY).bold())
                .align(AlignmentType::Center)
                .line_spacing(LineSpacing::new().before(360).after(0)),
        )
        .add_paragraph(
            Paragraph::new()
                .add_run(run(&document.subject, BODY).bold())
                .align(AlignmentType::Center)
                .line_spacing(LineSpacing::new().before(0).after(0)),
        )
        .add_paragraph(rule(65.0));
    let mut paragraphs = body_paragraphs(&document.body);
    // The closing paragraph stays on the signature's page: a signature
    // alone on a page signs nothing the reader can see.
    if let Some(closing) = paragraphs.pop() {
        paragraphs.push(closing.keep_next(true).keep_lines(true));
    }
    for paragraph in paragraphs {
        body = body.add_paragraph(paragraph);
    }
    body = body.add_table(signature_table(document, portrait_width));
    let mut docx = Docx::new()
        .default_fonts(
            RunFonts::new()
                .ascii("Times New Roman")
                .hi_ansi("Times New Roman")
                .east_asia("Times New Roman")
                .cs("Times New Roman"),
        )
        .default_size(BODY)
        .add_section(body);
    // The appendix: the document's last section, landscape, on its own pages.
    let landscape = A4_LONG_MM - 20 - 15;
    docx = docx
        .page_size(twips_u(A4_LONG_MM), twips_u(A4_SHORT_MM))
        .page_orient(PageOrientationType::Landscape)
        .page_margin(margins(20, 20, 20, 15))
        .header(page_number_header());
    if let Some(appendix) = &document.appendix {
        for paragraph in appendix_heading(appendix) {
            docx = docx.add_paragraph(paragraph);
        }
        docx = docx.add_table(appendix_table(appendix, landscape));
    }
    let mut built = docx.build();
    built.document = repeating_header_rows(&built.document);
    built.doc_props.core = core_properties(&built.doc_props.core, &document.agency);
    let mut bytes = std::io::Cursor::new(Vec::new());
    built.pack(&mut bytes).map_err(|error| {
        anyhow::anyhow!(crate::say!(
            "không ghi được văn bản Word: {error}",
            "cannot write the Word document: {error}"
        ))
    })?;
    Ok(bytes.into_inner())
}

/// The appendix's column headings repeat on every page it runs to. The
/// crate has no setting for it (`w:tblHeader`), so the heading row is built
/// with a height no other row has, and marked after the XML is written.
const HEADING_ROW_HEIGHT: f32 = 567.0;

/// The file's properties (File › Info): its author is the agency, not the
/// library's "unknown", and it claims no date of making (the library's
/// 1970-01-01): the document's own date is the one printed on it.
fn core_properties(core: &[u8], agency: &str) -> Vec<u8> {
    let text = String::from_utf8_lossy(core);
    let author = html_escape::encode_text(&crate::words::visible::visible(agency)).into_owned();
    let mut text = text
        .replace(
            "<dc:creator>unknown</dc:creator>",
            &format!("<dc:creator>{author}</dc:creator>"),
        )
        .replace(
            "<cp:lastModifiedBy>unknown</cp:lastModifiedBy>",
            &format!("<cp:lastModifiedBy>{author}</cp:lastModifiedBy>"),
        );
    for element in ["dcterms:created", "dcterms:modified"] {
        let open = format!("<{element} ");
        let close = format!("</{element}>");
        if let (Some(start), Some(end)) = (text.find(&open), text.find(&close)) {
            text.replace_range(start..end + close.len(), "");
        }
    }
    text.into_bytes()
}

fn repeating_header_rows(document: &[u8]) -> Vec<u8> {
    let marker = format!("<w:trHeight w:val=\"{HEADING_ROW_HEIGHT}\" w:hRule=\"atLeast\" />");
    let text = String::from_utf8_lossy(document);
    text.replace(&marker, &format!("{marker}<w:tblHeader />"))
        .into_bytes()
}

fn margins(top: u32, bottom: u32, left: u32, right: u32) -> PageMargin {
    PageMargin::new()
        .top(twips(f64::from(top)))
        .bottom(twips(f64::from(bottom)))
        .left(twips(f64::from(left)))
        .right(twips(f64::from(right)))
        .header(twips(10.0))
        .footer(twips(10.0))
        .gutter(0)
}

/// The page number, centred in the top margin, 14 pt.
fn page_number_header() -> Header {
    Header::new().add_paragraph(
        Paragraph::new()
            .add_page_num(PageNum::new())
            .align(AlignmentType::Center)
            .size(BODY),
    )
}

/// The two-column header: agencies and number on the left; Quốc hiệu,
/// Tiêu ngữ, place and date on the right.
fn header_table(document: &OfficialDocument, width_mm: u32) -> Table {
    // The header reaches a little into the wide left margin, as offices'
    // templates do, so that the Quốc hiệu stays on one line.
    let outdent_mm = 8;
    let left_mm = 75;
    let left = usize::try_from(twips_u(left_mm)).unwrap_or(0);
    let right = usize::try_from(twips_u(width_mm + outdent_mm - left_mm)).unwrap_or(0);
    let left_cell = cell(
        vec![
            centred(&document.parent_agency, HEADER),
            Paragraph::new()
                .add_run(run(&document.agency, HEADER).bold())
                .align(AlignmentType::Center)
                .line_spacing(LineSpacing::new().before(0).after(0)),
            rule(20.0),
            centred(&document.number, HEADER),
        ],
        left,
    );
    let right_cell = cell(
        vec![
            Paragraph::new()
                .add_run(run(&document.national_title, HEADER_SMALL).bold())
                .align(AlignmentType::Center)
                .line_spacing(LineSpacing::new().before(0).after(0)),
            Paragraph::new()
                .add_run(run(&document.motto, HEADER).bold())
                .align(AlignmentType::Center)
                .line_spacing(LineSpacing::new().before(0).after(0)),
            rule(21.0),
            Paragraph::new()
                .add_run(run(&document.place_and_date, HEADER).italic())
                .align(AlignmentType::Center)
                .line_spacing(LineSpacing::new().before(0).after(0)),
        ],
        right,
    );
    Table::without_borders(vec![TableRow::new(vec![left_cell, right_cell])])
        .indent(-twips(f64::from(outdent_mm)))
        .set_grid(vec![left, right])
        .layout(TableLayoutType::Fixed)
        .width(left + right, WidthType::Dxa)
}

/// The body's paragraphs. A heading directly followed by another ("2. Kết
/// quả thực hiện nhiệm vụ…" then "Chỉ số Tính minh bạch") is one paragraph
/// of two lines: LibreOffice does not carry "keep with next" along a chain
/// of two headings, and left the first alone at a page's foot.
fn body_paragraphs(blocks: &[Block]) -> Vec<Paragraph> {
    let mut paragraphs = Vec::new();
    let mut at = 0;
    while at < blocks.len() {
        if let (Some(first @ Block::Heading { .. }), Some(second @ Block::Heading { .. })) =
            (blocks.get(at), blocks.get(at + 1))
        {
            let runs = [
                heading_run(first),
                Some(Run::new().add_break(BreakType::TextWrapping)),
                heading_run(second),
            ];
            let paragraph = runs
                .into_iter()
                .flatten()
                .fold(Paragraph::new(), Paragraph::add_run)
                .align(AlignmentType::Both)
                .indent(Some(twips(FIRST_LINE_MM)), None, None, None)
                .line_spacing(LineSpacing::new().before(0).after(120).line(240))
                .keep_next(true)
                .keep_lines(true);
            paragraphs.push(paragraph);
            at += 2;
            continue;
        }
        paragraphs.extend(block_paragraphs(&blocks[at]));
        at += 1;
    }
    paragraphs
}

/// A heading's text as a run: bold, and italic from level 4.
fn heading_run(block: &Block) -> Option<Run> {
    let Block::Heading { level, text } = block else {
        return None;
    };
    let heading = run(text, BODY).bold();
    Some(if *level >= 4 {
        heading.italic()
    } else {
        heading
    })
}

fn block_paragraphs(block: &Block) -> Vec<Paragraph> {
    match block {
        Block::Heading { .. } => heading_run(block)
            .map(|heading| body_paragraph(vec![heading]).keep_next(true))
            .into_iter()
            .collect(),
        Block::Paragraph(text) => vec![body_paragraph(vec![run(text, BODY)])],
        Block::List(items) => items
            .iter()
            .flat_map(|item| {
                item.lines().enumerate().map(|(at, line)| {
                    if at == 0 {
                        body_paragraph(vec![run(&format!("- {line}"), BODY)])
                    } else {
                        let sub = line.strip_prefix("- ").unwrap_or(line);
                        body_paragraph(vec![run(&format!("+ {sub}"), BODY)])
                    }
                })
            })
            .collect(),
        Block::Table(table) => {
            // Not used by the report's body; kept readable if it ever is.
            table
                .rows
                .iter()
                .map(|row| {
                    let cells: Vec<&str> = row.iter().map(|cell| cell.text.as_str()).collect();
                    body_paragraph(vec![run(&cells.join(" | "), BODY)])
                })
                .collect()
        }
    }
}

/// "Nơi nhận" on the left; the signer's authority, room for the signature
/// and seal, and the name on the right.
fn signature_table(document: &OfficialDocument, width_mm: u32) -> Table {
    let left_mm = 80;
    let left = usize::try_from(twips_u(left_mm)).unwrap_or(0);
    let right = usize::try_from(twips_u(width_mm - left_mm)).unwrap_or(0);
    let mut recipients = vec![
        Paragraph::new()
            .add_run(
                run(&document.recipients_heading, HEADER_SMALL)
                    .bold()
                    .italic(),
            )
            .line_spacing(LineSpacing::new().before(0).after(0)),
    ];
    recipients.extend(document.recipients.iter().map(|line| {
        Paragraph::new()
            .add_run(run(line, RECIPIENTS))
            .line_spacing(LineSpacing::new().before(0).after(0))
    }));
    let mut signer: Vec<Paragraph> = document
        .signature
        .authority
        .iter()
        .map(|line| {
            Paragraph::new()
                .add_run(run(line, BODY).bold())
                .align(AlignmentType::Center)
                .line_spacing(LineSpacing::new().before(0).after(0))
        })
        .collect();
    // Room for the signature and the seal.
    for _ in 0..3 {
        signer.push(centred("", BODY));
    }
    signer.push(
        Paragraph::new()
            .add_run(run(document.signature.name.as_deref().unwrap_or(""), BODY).bold())
            .align(AlignmentType::Center)
            .line_spacing(LineSpacing::new().before(0).after(0)),
    );
    Table::without_borders(vec![
        TableRow::new(vec![cell(recipients, left), cell(signer, right)]).cant_split(),
    ])
    .set_grid(vec![left, right])
    .layout(TableLayoutType::Fixed)
    .width(left + right, WidthType::Dxa)
}

fn appendix_heading(appendix: &Appendix) -> Vec<Paragraph> {
    vec![
        Paragraph::new()
            .add_run(run(&appendix.heading, BODY).bold())
            .align(AlignmentType::Center)
            .line_spacing(LineSpacing::new().before(0).after(0)),
        Paragraph::new()
            .add_run(run(&appendix.title, BODY).bold())
            .align(AlignmentType::Center)
            .line_spacing(LineSpacing::new().before(0).after(0)),
        Paragraph::new()
            .add_run(run(&appendix.attached_to, HEADER).italic())
            .align(AlignmentType::Center)
            .line_spacing(LineSpacing::new().before(0).after(0)),
        rule(110.0),
    ]
}

fn table_text(text: &str, bold: bool, align: AlignmentType) -> Vec<Paragraph> {
    text.split('\n')
        .map(|line| {
            let text_run = run(line, TABLE);
            Paragraph::new()
                .add_run(if bold { text_run.bold() } else { text_run })
                .align(align)
                .line_spacing(LineSpacing::new().before(0).after(0))
        })
        .collect()
}

fn appendix_table(appendix: &Appendix, width_mm: u32) -> Table {
    let total: u32 = appendix.columns.iter().map(|column| column.width_mm).sum();
    let widths: Vec<usize> = appendix
        .columns
        .iter()
        .map(|column| {
            let share = f64::from(column.width_mm) * f64::from(width_mm) / f64::from(total.max(1));
            usize::try_from(twips(share)).unwrap_or(0)
        })
        .collect();
    let header = TableRow::new(
        appendix
            .columns
            .iter()
            .zip(&widths)
            .map(|(column, width)| {
                cell(
                    table_text(&column.title, true, AlignmentType::Center),
                    *width,
                )
                .vertical_align(VAlignType::Center)
            })
            .collect(),
    )
    .cant_split()
    .row_height(HEADING_ROW_HEIGHT)
    .height_rule(docx_rs::HeightRule::AtLeast);
    let mut rows = vec![header];
    for row in &appendix.rows {
        rows.push(match row {
            // A group's heading stays with its first row, not alone at the
            // foot of a page.
            AppendixRow::Group(text) => TableRow::new(vec![
                cell(
                    table_text(text, true, AlignmentType::Left)
                        .into_iter()
                        .map(|paragraph| paragraph.keep_next(true))
                        .collect(),
                    widths.iter().sum(),
                )
                .grid_span(widths.len()),
            ])
            .cant_split(),
            AppendixRow::Entry(cells) => TableRow::new(
                cells
                    .iter()
                    .zip(&widths)
                    .zip(&appendix.columns)
                    .map(|((text, width), column)| {
                        let align = if column.centred {
                            AlignmentType::Center
                        } else {
                            AlignmentType::Left
                        };
                        cell(table_text(text, false, align), *width)
                    })
                    .collect(),
            )
            // A task's row stays on one page.
            .cant_split(),
        });
    }
    Table::new(rows)
        .margins(docx_rs::TableCellMargins::new().margin(20, 70, 20, 70))
        .set_grid(widths.clone())
        .layout(TableLayoutType::Fixed)
        .width(widths.iter().sum(), WidthType::Dxa)
}

//! One rule for the format of what a command writes: `--format` if given,
//! else the one the `-o` file's extension names, else the command's own
//! default; a file named for one format is never written in another, and a
//! binary format (Word, Excel) goes to a file or a pipe, not a terminal.

use std::path::Path;

/// A format a command can write, with the file extensions that name it.
pub trait OutputFormat: Copy + PartialEq + 'static {
    /// Every format, with its name (as `--format` spells it) and the
    /// extensions that name it, the first the one to suggest.
    const ALL: &'static [(Self, &'static str, &'static [&'static str])];

    /// Bytes for a file, not text for a terminal: what it is called then,
    /// in the language spoken.
    fn binary_name(self) -> Option<String> {
        None
    }

    fn name(self) -> &'static str {
        Self::ALL
            .iter()
            .find(|(format, _, _)| *format == self)
            .map_or("", |(_, name, _)| name)
    }

    fn extension(self) -> &'static str {
        Self::ALL
            .iter()
            .find(|(format, _, _)| *format == self)
            .and_then(|(_, _, extensions)| extensions.first().copied())
            .unwrap_or("")
    }

    /// The format a file's extension asks for.
    fn from_extension(path: &Path) -> Option<Self> {
        let extension = path.extension()?.to_str()?.to_ascii_lowercase();
        Self::ALL
            .iter()
            .find(|(_, _, extensions)| extensions.contains(&extension.as_str()))
            .map(|(format, _, _)| *format)
    }
}

/// What a command was asked to write; `example` is the file name its
/// messages suggest ("bao-cao").
#[derive(Debug)]
pub struct Asked<'a, F> {
    pub format: Option<F>,
    /// The `-o` file, unless that is `-` (standard output).
    pub file: Option<&'a Path>,
    /// Whether the output goes to a terminal.
    pub to_terminal: bool,
    pub default: F,
    pub example: &'a str,
}

/// The format to write, or why nothing is written.
pub fn resolve<F: OutputFormat>(asked: &Asked<'_, F>) -> anyhow::Result<F> {
    let named = asked.file.and_then(F::from_extension);
    let extension = asked
        .file
        .and_then(Path::extension)
        .map(|extension| extension.to_string_lossy().to_lowercase());
    let known: Vec<String> = F::ALL
        .iter()
        .filter_map(|(_, _, extensions)| extensions.first())
        .map(|extension| format!(".{extension}"))
        .collect();
    let example = asked.example;
    let format = match (asked.format, named, &extension) {
        (Some(format), Some(named), _) if format != named => {
            let file = asked
                .file
                .map(crate::words::visible::path)
                .unwrap_or_default();
            let extension = extension.as_deref().unwrap_or_default();
            let name = format.name();
            let suggested = format.extension();
            anyhow::bail!(crate::say!(
                "`{file}` là tên của một tệp .{extension}, nhưng lại yêu cầu --format {name}; \
                 chưa ghi gì\n\
                 gợi ý: đặt tên tệp theo định dạng của nó (ví dụ `-o {example}.{suggested}`), \
                 hoặc bỏ --format",
                "`{file}` is the name of a .{extension} file, but --format {name} was asked for; nothing was written\n\
                 help: name the file for its format (e.g. `-o {example}.{suggested}`), or leave out --format"
            ))
        }
        (Some(format), _, _) => format,
        (None, Some(named), _) => named,
        // A name ddci does not write would get the default under it.
        (None, None, Some(extension)) => {
            let (last, rest) = known.split_last().map_or_else(
                || (String::new(), String::new()),
                |(last, rest)| (last.clone(), rest.join(", ")),
            );
            let known = if rest.is_empty() {
                last
            } else {
                crate::say!("{rest} hoặc {last}", "{rest} or {last}")
            };
            anyhow::bail!(crate::say!(
                "ddci không ghi tệp `.{extension}`; chưa ghi gì\n\
                 gợi ý: dùng {known}, hoặc chọn định dạng bằng --format",
                "ddci does not write `.{extension}` files; nothing was written\n\
                 help: use {known}, or say which with --format"
            ))
        }
        (None, None, None) => asked.default,
    };
    if let Some(name) = format.binary_name()
        && asked.to_terminal
    {
        let suggested = format.extension();
        anyhow::bail!(crate::say!(
            "{name} phải ghi ra tệp, không hiện ra màn hình được\n\
             gợi ý: đặt tên tệp bằng `-o {example}.{suggested}` (hoặc `-o -` để chuyển qua một pipe)",
            "a {name} is a file, not text for the terminal\n\
             help: name the file with `-o {example}.{suggested}` (or `-o -` to send it to a pipe)"
        ));
    }
    Ok(format)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::cli::{ReportFormat, RollupFormat};

    fn report(
        format: Option<ReportFormat>,
        file: Option<&str>,
        terminal: bool,
    ) -> Result<ReportFormat, String> {
        resolve(&Asked {
            format,
            file: file.map(Path::new),
            to_terminal: terminal,
            default: ReportFormat::Markdown,
            example: "bao-cao",
        })
        .map_err(|error| error.to_string())
    }

    /// One rule for every command: the flag, else the extension, else the
    /// default; never one format under another's name; bytes never to a
    /// terminal.
    #[test]
    fn the_format_from_the_flag_the_file_or_the_default() {
        use ReportFormat::{Csv, Docx, Html, Markdown, Text};
        let cases = [
            (None, None, true, Ok(Markdown)),
            (None, Some("q2.docx"), false, Ok(Docx)),
            (None, Some("Q2.DOCX"), false, Ok(Docx)),
            (None, Some("q2.htm"), false, Ok(Html)),
            (None, Some("q2.txt"), false, Ok(Text)),
            (None, Some("q2"), false, Ok(Markdown)),
            (Some(Csv), Some("q2"), false, Ok(Csv)),
            (Some(Docx), Some("q2.docx"), false, Ok(Docx)),
            (Some(Docx), None, false, Ok(Docx)),
        ];
        for (format, file, terminal, expected) in cases {
            assert_eq!(
                report(format, file, terminal),
                expected,
                "{format:?} {file:?}"
            );
        }
        assert_eq!(
            report(Some(Markdown), Some("x.docx"), false),
            Err("`x.docx` is the name of a .docx file, but --format markdown was asked for; nothing was written\n\
                 help: name the file for its format (e.g. `-o bao-cao.md`), or leave out --format"
                .to_owned())
        );
        assert_eq!(
            report(None, Some("x.pdf"), false),
            Err("ddci does not write `.pdf` files; nothing was written\n\
                 help: use .docx, .html, .md, .txt, .json or .csv, or say which with --format"
                .to_owned())
        );
        assert_eq!(
            report(Some(Docx), None, true),
            Err("a Word document is a file, not text for the terminal\n\
                 help: name the file with `-o bao-cao.docx` (or `-o -` to send it to a pipe)"
                .to_owned())
        );
    }

    #[test]
    fn every_format_has_a_name_and_an_extension() {
        for (format, name, extensions) in RollupFormat::ALL {
            assert_eq!(format.name(), *name);
            assert_eq!(format.extension(), extensions[0]);
        }
        for (format, name, extensions) in ReportFormat::ALL {
            assert_eq!(format.name(), *name);
            assert_eq!(format.extension(), extensions[0]);
        }
        assert_eq!(
            RollupFormat::Xlsx.binary_name().as_deref(),
            Some("workbook")
        );
        assert_eq!(RollupFormat::Table.extension(), "txt");
    }
}

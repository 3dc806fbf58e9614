//! One problem found in a plan file: what is wrong, where, and what to do
//! about it. Rendered for people with `annotate-snippets` and for programs as JSON.

use std::ops::Range;

use annotate_snippets::{AnnotationKind, Group, Level, Renderer, Snippet};
use serde::Serialize;

use crate::read::source_file::SourceFile;

/// How many diagnostics are shown in full; a plan with thousands of problems
/// has a few causes, and a screenful shows them.
pub const SHOWN_IN_FULL: usize = 50;

#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Severity {
    Error,
    Warning,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Diagnostic {
    pub severity: Severity,
    /// A stable, kebab-case name for the kind of problem, e.g. `unknown-reference`.
    pub code: &'static str,
    pub message: String,
    /// Byte range in the file; `None` when the problem has no single place.
    pub span: Option<Range<usize>>,
    /// Short text printed under the carets.
    pub label: Option<String>,
    /// What the person can do about it.
    pub help: Option<String>,
}

impl Diagnostic {
    pub fn error(code: &'static str, message: impl Into<String>) -> Self {
        Self::new(Severity::Error, code, message)
    }

    pub fn warning(code: &'static str, message: impl Into<String>) -> Self {
        Self::new(Severity::Warning, code, message)
    }

    fn new(severity: Severity, code: &'static str, message: impl Into<String>) -> Self {
        Self {
            severity,
            code,
            message: message.into(),
            span: None,
            label: None,
            help: None,
        }
    }

    #[must_use]
    pub fn at(mut self, span: Range<usize>) -> Self {
        self.span = Some(span);
        self
    }

    #[must_use]
    pub fn label(mut self, label: impl Into<String>) -> Self {
        self.label = Some(label.into());
        self
    }

    #[must_use]
    pub fn help(mut self, help: impl Into<String>) -> Self {
        self.help = Some(help.into());
        self
    }

    #[must_use]
    pub fn help_opt(mut self, help: Option<String>) -> Self {
        if help.is_some() {
            self.help = help;
        }
        self
    }

    /// Renders the diagnostic the way cargo does: a title, `--> file:line:col`,
    /// the source line with carets, and a `help:` line; in Vietnamese the
    /// levels are named "lỗi", "cảnh báo" and "gợi ý" (the code stays as it is).
    pub fn render(&self, source: &SourceFile, renderer: &Renderer) -> String {
        let vietnamese = crate::words::speech::speaking() == crate::words::speech::Language::Vi;
        let level = match (self.severity, vietnamese) {
            (Severity::Error, false) => Level::ERROR,
            (Severity::Warning, false) => Level::WARNING,
            (Severity::Error, true) => Level::ERROR.with_name("lỗi"),
            (Severity::Warning, true) => Level::WARNING.with_name("cảnh báo"),
        };
        let help_level = if vietnamese {
            Level::HELP.with_name("gợi ý")
        } else {
            Level::HELP
        };
        // Messages quote the plan's own text (an id, a word): shown, not obeyed.
        let message = crate::words::visible::one_line(&self.message);
        let label = self.label.as_deref().map(crate::words::visible::one_line);
        let help = self.help.as_deref().map(crate::words::visible::one_line);
        let title = level.primary_title(message.as_str()).id(self.code);
        let path = crate::words::visible::one_line(&source.path().display().to_string());
        let mut group: Group<'_> = match &self.span {
            Some(span) => {
                // Only the line that holds the problem goes to the renderer: it
                // keeps a 100 MB plan cheap to report on and a CRLF line clean.
                let line = source.line_range(span.start);
                let text = source.text();
                let mut start = span.start.clamp(line.start, line.end);
                while !text.is_char_boundary(start) {
                    start -= 1;
                }
                let mut end = span.end.clamp(start, line.end);
                while !text.is_char_boundary(end) {
                    end += 1;
                }
                let number = source.location(span.start).line;
                let mut annotation =
                    AnnotationKind::Primary.span(start - line.start..end - line.start);
                if let Some(label) = &label {
                    annotation = annotation.label(label.as_str());
                }
                title.element(
                    Snippet::source(&source.text()[line.clone()])
                        .line_start(number)
                        .path(path)
                        .annotation(annotation),
                )
            }
            None => title.element(annotate_snippets::Origin::path(path)),
        };
        if let Some(help) = &help {
            group = group.element(help_level.message(help.as_str()));
        }
        renderer.render(&[group])
    }

    pub fn to_json(&self, source: &SourceFile) -> DiagnosticJson {
        let (start, end) = match &self.span {
            Some(span) => (
                Some(source.location(span.start)),
                Some(source.location(span.end)),
            ),
            None => (None, None),
        };
        DiagnosticJson {
            severity: self.severity,
            code: self.code,
            message: self.message.clone(),
            file: source.path().display().to_string(),
            line: start.map(|location| location.line),
            column: start.map(|location| location.column),
            end_line: end.map(|location| location.line),
            end_column: end.map(|location| location.column),
            label: self.label.clone(),
            help: self.help.clone(),
        }
    }
}

/// The JSON shape of a diagnostic, documented in `docs/plan-format.md`.
#[derive(Debug, Clone, Serialize)]
pub struct DiagnosticJson {
    pub severity: Severity,
    pub code: &'static str,
    pub message: String,
    pub file: String,
    pub line: Option<usize>,
    pub column: Option<usize>,
    pub end_line: Option<usize>,
    pub end_column: Option<usize>,
    pub label: Option<String>,
    pub help: Option<String>,
}

/// Sorts diagnostics into file order, errors before warnings at the same place.
pub fn sort(diagnostics: &mut [Diagnostic]) {
    diagnostics.sort_by(|a, b| {
        let a_start = a.span.as_ref().map_or(usize::MAX, |span| span.start);
        let b_start = b.span.as_ref().map_or(usize::MAX, |span| span.start);
        a_start
            .cmp(&b_start)
            .then(a.severity.cmp(&b.severity))
            .then(a.message.cmp(&b.message))
    });
}

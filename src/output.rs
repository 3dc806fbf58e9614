//! Where commands write: standard output and error, colour decided once.

use std::io::Write;

/// The streams a command writes to, with colour already decided: `anstream`
/// strips escape codes when the stream is not a terminal or `NO_COLOR` is set.
pub struct Output {
    pub stdout: Box<dyn Write>,
    pub stderr: Box<dyn Write>,
    /// Whether diagnostics on standard error are styled.
    pub color: bool,
    /// Whether tables and reports on standard output are styled.
    pub stdout_color: bool,
    /// How the command ends if its reader closes the pipe before it is done
    /// (`ddci validate | head`): a command sets this before it writes, so an
    /// invalid plan still exits 1 when nobody reads the rest of its errors.
    pub when_cut_off: crate::exit::Outcome,
    /// The language `--lang` asked for, which documents follow over the
    /// plan's; `None` when not asked (messages: `words/speech.rs`).
    pub asked_language: Option<crate::words::language::Language>,
}

impl std::fmt::Debug for Output {
    fn fmt(&self, formatter: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        formatter
            .debug_struct("Output")
            .field("color", &self.color)
            .finish_non_exhaustive()
    }
}

impl Output {
    /// The process's own streams, honouring `--color` and `NO_COLOR`.
    pub fn terminal(choice: anstream::ColorChoice) -> Self {
        // NO_COLOR wins even over --color=always: it is the reader's standing
        // wish, and colour is never needed to read the output.
        let no_color = std::env::var_os("NO_COLOR").is_some_and(|value| !value.is_empty());
        let choice = if no_color {
            anstream::ColorChoice::Never
        } else {
            choice
        };
        choice.write_global();
        let stdout = anstream::stdout();
        let stderr = anstream::stderr();
        let styled =
            |current: anstream::ColorChoice| !matches!(current, anstream::ColorChoice::Never);
        let stdout_color = styled(stdout.current_choice());
        // Without colour nothing styled is written, so there is nothing for
        // anstream to strip: write straight through a buffer, which keeps a
        // large report or JSON document fast.
        let stdout: Box<dyn Write> = if stdout_color {
            Box::new(stdout)
        } else {
            Box::new(std::io::BufWriter::with_capacity(
                64 * 1024,
                std::io::stdout(),
            ))
        };
        Self {
            color: styled(stderr.current_choice()),
            stdout_color,
            stdout,
            stderr: Box::new(stderr),
            when_cut_off: crate::exit::Outcome::Success,
            asked_language: None,
        }
    }
}

//! Where commands write: standard output and error, colour decided once.

use std::io::Write;

/// The streams a command writes to, with colour already decided: `anstream`
/// strips escape codes when the stream is not a terminal or `NO_COLOR` is set.
pub struct Output {
    pub stdout: Box<dyn Write>,
    pub stderr: Box<dyn Write>,
    /// Whether to produce styled text at all (`--color`, `NO_COLOR`, terminal).
    pub color: bool,
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
        choice.write_global();
        let stderr = anstream::stderr();
        let color = !matches!(stderr.current_choice(), anstream::ColorChoice::Never);
        Self {
            stdout: Box::new(anstream::stdout()),
            stderr: Box::new(stderr),
            color,
        }
    }
}

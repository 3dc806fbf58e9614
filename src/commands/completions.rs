//! `ddci completions SHELL` and `ddci man`: what shells and `man` need,
//! generated from the same clap definition the program parses with.

use std::io::Write;

use crate::cli::ManArgs;
use crate::exit::Outcome;
use crate::output::Output;

/// The shell's side of completion: a script that asks ddci, while the
/// shell completes, for what may follow (`cli/completion_ids.rs`), so the
/// plan's own ids complete too.
pub fn completions(shell: clap_complete::Shell, output: &mut Output) -> anyhow::Result<Outcome> {
    use clap_complete::env::{Bash, Elvish, EnvCompleter, Fish, Powershell, Zsh};
    let completer: &dyn EnvCompleter = match shell {
        clap_complete::Shell::Bash => &Bash,
        clap_complete::Shell::Elvish => &Elvish,
        clap_complete::Shell::Fish => &Fish,
        clap_complete::Shell::PowerShell => &Powershell,
        clap_complete::Shell::Zsh => &Zsh,
        _ => anyhow::bail!(crate::say!(
            "ddci chưa hỗ trợ gợi ý lệnh cho shell này",
            "ddci cannot complete for this shell"
        )),
    };
    let binary = std::env::current_exe()
        .ok()
        .and_then(|path| path.to_str().map(str::to_owned))
        .unwrap_or_else(|| "ddci".to_owned());
    completer.write_registration(
        crate::cli::completion_ids::COMPLETE_VARIABLE,
        "ddci",
        "ddci",
        &binary,
        &mut output.stdout,
    )?;
    Ok(Outcome::Success)
}

/// `ddci help [COMMAND]`: the same text as `--help`. clap's own `help`
/// subcommand takes no flags (`ddci help --help` failed); this one does.
pub fn help(command: Option<&str>, output: &mut Output) -> anyhow::Result<Outcome> {
    let mut top = crate::cli::spoken::command();
    top.build();
    let mut page = match command {
        None => top,
        Some(name) => subcommand(&top, name)?,
    };
    write!(output.stdout, "{}", page.render_help())?;
    Ok(Outcome::Success)
}

/// `ddci man`: the top page, one command's page (`ddci man record`), or
/// every page into a folder. Each ends with what `--help` cannot say: what the
/// exit codes mean, the variables read, and the files written.
pub fn man(args: &ManArgs, output: &mut Output) -> anyhow::Result<Outcome> {
    let mut top = crate::cli::spoken::command().disable_help_subcommand(true);
    top.build();
    let pages: Vec<clap::Command> = std::iter::once(top.clone())
        .chain(
            top.get_subcommands()
                .filter(|command| !command.is_hide_set())
                .cloned(),
        )
        .collect();
    if let Some(folder) = &args.out_dir {
        std::fs::create_dir_all(folder)?;
        for page in pages {
            let man = clap_mangen::Man::new(page);
            let path = folder.join(man.get_filename());
            // Never through a link (onto the plan, say) nor into a pipe.
            if std::fs::symlink_metadata(&path)
                .is_ok_and(|metadata| !metadata.file_type().is_file())
            {
                let shown = crate::words::visible::path(&path);
                anyhow::bail!(crate::say!(
                    "`{shown}` là liên kết hoặc không phải tệp thông thường; trang hướng dẫn không được ghi vào đó",
                    "`{shown}` is a link or not a regular file; no manual page is written there"
                ));
            }
            let mut file = std::fs::File::create(&path)?;
            render(&man, &mut file)?;
            let path = crate::words::visible::path(&path);
            writeln!(
                output.stderr,
                "{}",
                crate::say!("đã ghi {path}", "wrote {path}")
            )?;
        }
        return Ok(Outcome::Success);
    }
    let page = match &args.command {
        None => top,
        Some(name) => subcommand(&top, name)?,
    };
    render(&clap_mangen::Man::new(page), &mut output.stdout)?;
    Ok(Outcome::Success)
}

/// The command `name` of `top`, or an error naming the near one or all of them.
fn subcommand(top: &clap::Command, name: &str) -> anyhow::Result<clap::Command> {
    top.find_subcommand(name).cloned().ok_or_else(|| {
        let names: Vec<&str> = top.get_subcommands().map(clap::Command::get_name).collect();
        let help =
            crate::words::suggest::did_you_mean(name, names.iter().copied()).unwrap_or_else(|| {
                let quoted: Vec<String> = names.iter().map(|name| format!("`{name}`")).collect();
                let (quoted, names) = (quoted.join(", "), names.join(", "));
                crate::say!("các lệnh là: {quoted}", "the commands are: {names}")
            });
        anyhow::anyhow!(crate::say!(
            "không có lệnh `{name}`\ngợi ý: {help}",
            "there is no command `{name}`\nhelp: {help}"
        ))
    })
}

fn render(man: &clap_mangen::Man, out: &mut dyn Write) -> std::io::Result<()> {
    man.render(out)?;
    out.write_all(COMMON_SECTIONS.as_bytes())
}

/// The sections every page ends with, in roff.
const COMMON_SECTIONS: &str = r#".SH "EXIT STATUS"
.TP
\fB0\fR
Success; warnings are allowed.
.TP
\fB1\fR
The plan has errors (\fBddci validate\fR lists them).
.TP
\fB2\fR
A usage or I/O error: an unknown id, period or date on the command line, a record refused for what it says, a file that cannot be read or written.
.PP
The status holds when the reader stops early: \fBddci validate | head\fR on an invalid plan exits 1.
.SH ENVIRONMENT
.TP
\fBDDCI_PLAN\fR
The plan file, when \fB\-\-plan\fR is not given (an empty value is as if unset).
.TP
\fBDDCI_TODAY\fR
The day taken as today, as YYYY\-MM\-DD, for reproducible reports and tests. Otherwise today is the date in the plan's \fBtime_zone\fR (default Asia/Ho_Chi_Minh).
.TP
\fBNO_COLOR\fR
Set and not empty: no colour, even with \fB\-\-color always\fR.
.TP
\fBCOLUMNS\fR
The width of terminal tables when the terminal does not say.
.SH FILES
.TP
\fBplan.toml\fR
The plan, looked for in the current folder and its parents when neither \fB\-\-plan\fR nor \fBDDCI_PLAN\fR names one.
.TP
\fB.plan.toml.ddci\-lock\fR, \fB.plan.toml.*.ddci\-tmp\fR
The lock and the temporary file of \fBddci record\fR, beside the plan (ignore them in git with \fB.*.ddci\-*\fR).
.TP
\fBplan.schema.json\fR
The plan's JSON Schema, written by \fBddci init\fR and \fBddci schema\fR, for editors.
.SH "SEE ALSO"
\fBddci\fR(1), \fBddci\-validate\fR(1), \fBddci\-record\fR(1), \fBddci\-status\fR(1), \fBddci\-report\fR(1), \fBddci\-list\fR(1), \fBddci\-init\fR(1); docs/plan\-format.md in the ddci repository.
"#;

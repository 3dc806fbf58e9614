//! The help of ddci in Vietnamese: one line for every command and option,
//! keyed by where it sits (`""` is ddci itself, `"record"` a command,
//! `"record --status"` an option, `"--plan"` a global option, `"record <ID>"`
//! a positional). The English is the doc comment in `cli/`; a test checks
//! that every command and option has its Vietnamese here, and that nothing
//! here names an option that no longer exists.

use clap::{Arg, ArgAction, Command};

/// Vietnamese help, by place. Examples are commands and stay as written.
const HELP: &[(&str, &str)] = &[
    (
        "",
        "Theo dõi kế hoạch cải thiện Chỉ số DDCI từ một tệp kế hoạch dạng văn bản lưu trong git",
    ),
    (
        "--plan",
        "Tệp kế hoạch [mặc định: `$DDCI_PLAN`, nếu không thì `plan.toml` ở thư mục này hoặc thư mục cha]",
    ),
    ("--color", "Khi nào dùng màu"),
    (
        "--lang",
        "Ngôn ngữ của thông báo, trợ giúp và văn bản [mặc định: `$DDCI_LANG` cho thông báo, ngôn ngữ của kế hoạch, ngôn ngữ của máy, nếu không thì vi]",
    ),
];

/// Longer Vietnamese descriptions, where the English has one.
const LONG_ABOUT: &[(&str, &str)] = &[(
    "",
    "Theo dõi kế hoạch cải thiện Chỉ số DDCI từ một tệp kế hoạch dạng văn bản lưu trong git.\n\n\
     Kế hoạch được tìm theo --plan, nếu không thì biến DDCI_PLAN, nếu không thì tệp plan.toml \
     ở thư mục hiện tại hoặc thư mục cha gần nhất.",
)];

const TEMPLATE: &str = "\
{before-help}{about-with-newline}
Cách dùng: {usage}

{all-args}{after-help}";

/// The command with every help text, heading and example label in Vietnamese.
pub fn translated(command: Command) -> Command {
    let command = command.disable_version_flag(true).arg(
        Arg::new("version")
            .short('V')
            .long("version")
            .action(ArgAction::Version)
            .help("In số phiên bản"),
    );
    translate("", command)
}

fn translate(place: &str, mut command: Command) -> Command {
    if let Some(about) = found(HELP, place) {
        command = command.about(about);
    }
    command = command.long_about(found(LONG_ABOUT, place));
    if let Some(after) = command.get_after_help().map(ToString::to_string) {
        command = command.after_help(examples_in_vietnamese(&after));
    }
    command = command
        .help_template(TEMPLATE)
        .subcommand_help_heading("Lệnh")
        .subcommand_value_name("LỆNH")
        .disable_help_flag(true)
        .arg(
            Arg::new("help")
                .short('h')
                .long("help")
                .action(ArgAction::Help)
                .help("In trợ giúp")
                .help_heading("Tùy chọn"),
        );
    let arguments: Vec<String> = command
        .get_arguments()
        .map(|argument| argument.get_id().to_string())
        .collect();
    for id in arguments {
        command = command.mut_arg(&id, |argument| translate_argument(place, argument));
    }
    let names: Vec<String> = command
        .get_subcommands()
        .map(|sub| sub.get_name().to_owned())
        .collect();
    for name in names {
        let inner = join(place, &name);
        command = command.mut_subcommand(&name, |sub| translate(&inner, sub));
    }
    command
}

fn translate_argument(place: &str, argument: Arg) -> Arg {
    let key = argument_key(place, &argument);
    let heading: Option<&'static str> = match argument.get_help_heading() {
        Some("Global options") => Some("Tùy chọn chung"),
        Some(_) => None,
        None if argument.is_positional() => Some("Đối số"),
        None => Some("Tùy chọn"),
    };
    let mut help = found(HELP, &key).map(str::to_owned);
    let defaults: Vec<String> = argument
        .get_default_values()
        .iter()
        .map(|value| value.to_string_lossy().into_owned())
        .collect();
    let values: Vec<String> = if argument.is_hide_possible_values_set() {
        Vec::new()
    } else {
        argument
            .get_possible_values()
            .iter()
            .filter(|value| !value.is_hide_set())
            .map(|value| value.get_name().to_owned())
            .collect()
    };
    if let Some(text) = &mut help {
        if !defaults.is_empty() && !argument.is_hide_default_value_set() {
            let defaults = defaults.join(", ");
            *text = format!("{text} [mặc định: {defaults}]");
        }
        if !values.is_empty() {
            let values = values.join(", ");
            *text = format!("{text} [giá trị: {values}]");
        }
    }
    let mut argument = argument.long_help(None::<&str>);
    if argument.get_action().takes_values() {
        argument = argument.hide_default_value(true).hide_possible_values(true);
    }
    if let Some(heading) = heading {
        argument = argument.help_heading(heading);
    }
    match help {
        Some(help) => argument.help(help),
        None => argument,
    }
}

/// `"record --status"`, `"record <ID>"`, or `"--plan"` for a global option.
fn argument_key(place: &str, argument: &Arg) -> String {
    let name = match argument.get_long() {
        Some(long) => format!("--{long}"),
        None => format!(
            "<{}>",
            argument
                .get_value_names()
                .and_then(|names| names.first())
                .map_or_else(
                    || argument.get_id().to_string().to_uppercase(),
                    ToString::to_string
                )
        ),
    };
    if argument.is_global_set() {
        name
    } else {
        join(place, &name)
    }
}

fn join(place: &str, name: &str) -> String {
    if place.is_empty() {
        name.to_owned()
    } else {
        format!("{place} {name}")
    }
}

fn found(table: &[(&str, &'static str)], key: &str) -> Option<&'static str> {
    table
        .iter()
        .find(|(place, _)| *place == key)
        .map(|(_, text)| *text)
}

/// "Examples:" and "Example:" above the examples, in Vietnamese.
fn examples_in_vietnamese(after: &str) -> String {
    after
        .replacen("Examples:", "Ví dụ:", 1)
        .replacen("Example:", "Ví dụ:", 1)
}

#[cfg(test)]
mod tests {
    use super::*;
    use clap::CommandFactory;

    /// Every place in the command line, as `HELP` keys it.
    fn places(place: &str, command: &Command, into: &mut Vec<String>) {
        into.push(place.to_owned());
        for argument in command.get_arguments() {
            let id = argument.get_id().as_str();
            if id == "help" || id == "version" {
                continue;
            }
            if argument.is_global_set() && !place.is_empty() {
                continue;
            }
            into.push(argument_key(place, argument));
        }
        for sub in command.get_subcommands() {
            places(&join(place, sub.get_name()), sub, into);
        }
    }

    #[test]
    fn every_command_and_option_has_its_vietnamese_help_and_no_other() {
        let mut all = Vec::new();
        places("", &crate::cli::Cli::command(), &mut all);
        let missing: Vec<&String> = all
            .iter()
            .filter(|place| found(HELP, place).is_none())
            .collect();
        assert!(missing.is_empty(), "no Vietnamese help for: {missing:#?}");
        let unused: Vec<&str> = HELP
            .iter()
            .map(|(place, _)| *place)
            .filter(|place| !all.iter().any(|known| known == place))
            .collect();
        assert!(
            unused.is_empty(),
            "help for what does not exist: {unused:?}"
        );
        let doubled: Vec<&str> = HELP
            .iter()
            .map(|(place, _)| *place)
            .filter(|place| HELP.iter().filter(|(other, _)| other == place).count() > 1)
            .collect();
        assert!(doubled.is_empty(), "given twice: {doubled:?}");
    }

    #[test]
    fn the_vietnamese_help_parses_as_the_english_does() {
        let english = crate::cli::Cli::command();
        english.clone().debug_assert();
        let vietnamese = translated(english);
        vietnamese.debug_assert();
    }
}

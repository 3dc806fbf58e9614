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
    // validate
    (
        "validate",
        "Kiểm tra kế hoạch và báo mọi lỗi trong một lần chạy",
    ),
    ("validate --format", "Cách in các lỗi"),
    (
        "validate --skip-non-plans",
        "Chấp nhận, với mã thoát 0, tệp TOML không phải kế hoạch (không có `[plan]`, `[[units]]`, `[[indices]]`, `[[tasks]]`, `[[targets]]` hay `[[reporting]]`): dùng trong các hook git kiểm tra mọi tệp .toml sắp commit",
    ),
    // record
    (
        "record",
        "Thêm một bản ghi tiến độ hoặc một số liệu đo vào kế hoạch, không thay đổi gì khác",
    ),
    (
        "record <ID>",
        "Nhiệm vụ, chỉ tiêu hoặc nhiệm vụ báo cáo mà bản ghi nói đến, ví dụ `3.5`, `dvctt-toan-trinh` hoặc `don-vi-bao-cao`",
    ),
    (
        "record --date",
        "Ngày diễn ra hoặc ngày đo [mặc định: hôm nay]",
    ),
    (
        "record --status",
        "Tiến độ của nhiệm vụ (hoặc `done` với chỉ tiêu là sản phẩm đầu ra); viết bằng tiếng Việt cũng được: \"chưa thực hiện\", \"đang thực hiện\", \"hoàn thành\", \"vướng mắc\", \"hủy\"",
    ),
    (
        "record --value",
        "Giá trị đo được của chỉ tiêu: tỷ lệ phần trăm, số lượng, thứ hạng hoặc điểm số",
    ),
    ("record --of", "Đi kèm thứ hạng: số đơn vị được xếp hạng"),
    (
        "record --note",
        "Nội dung đã thực hiện (có thể bắt đầu bằng \"-\", như một ghi chú gạch đầu dòng)",
    ),
    ("record --by", "Đơn vị báo cáo"),
    (
        "record --evidence",
        "Số văn bản hoặc đường dẫn làm minh chứng",
    ),
    (
        "record --corrects",
        "Mã của bản ghi trước mà bản ghi này đính chính",
    ),
    (
        "record --record-id",
        "Mã của bản ghi này, để bản ghi sau có thể đính chính nó",
    ),
    (
        "record --verdict",
        "Với chỉ tiêu định tính: đạt hay chưa (\"đạt\", \"chưa đạt\"); nêu lý do trong --note",
    ),
    (
        "record --shortcoming",
        "Tồn tại, hạn chế để đưa vào báo cáo",
    ),
    (
        "record --cause",
        "Nguyên nhân của tồn tại, hạn chế, để đưa vào báo cáo",
    ),
    ("record --proposal", "Đề xuất, kiến nghị để đưa vào báo cáo"),
    (
        "record --period",
        "Với báo cáo nộp theo một nhiệm vụ báo cáo: kỳ báo cáo (2024-Q2, 2024-H1, 2024)",
    ),
    ("record --dry-run", DRY_RUN),
    ("record --wait", WAIT),
    // status
    (
        "status",
        "Xem tình hình của từng chỉ số thành phần, nhiệm vụ và chỉ tiêu",
    ),
    (
        "status --as-of",
        "Xem kế hoạch như tại cuối ngày này; các bản ghi sau ngày đó không được tính [mặc định: hôm nay, hoặc ngày cuối cùng của năm kế hoạch khi năm đó đã qua]",
    ),
    ("status --index", "Riêng chỉ số thành phần này"),
    (
        "status --owner",
        "Chỉ các nhiệm vụ do đơn vị này chủ trì hoặc phối hợp",
    ),
    (
        "status --lead-only",
        "Đi kèm --owner: chỉ các nhiệm vụ do đơn vị đó chủ trì",
    ),
    (
        "status --status",
        "Chỉ các nhiệm vụ ở trạng thái này (lặp lại để chọn nhiều trạng thái); viết bằng tiếng Việt cũng được: \"chưa có báo cáo\", \"chưa thực hiện\", \"đang thực hiện\", \"vướng mắc\", \"chưa hoàn thành trễ hạn\", \"hoàn thành\", \"hoàn thành trễ hạn\", \"hủy\"",
    ),
    ("status --overdue", "Chỉ các nhiệm vụ quá hạn"),
    ("status --format", FORMAT),
    // report
    (
        "report",
        "Lập báo cáo định kỳ: quý, 6 tháng, 9 tháng, năm hoặc một khoảng thời gian bất kỳ",
    ),
    ("report --quarter", QUARTER),
    ("report --half", HALF),
    ("report --month", MONTH),
    ("report --nine-months", NINE_MONTHS),
    ("report --from", FROM),
    ("report --to", TO),
    ("report --year", YEAR),
    (
        "report --owner",
        "Báo cáo riêng của một đơn vị: các nhiệm vụ do đơn vị đó chủ trì hoặc phối hợp",
    ),
    (
        "report --format",
        "Định dạng đầu ra [mặc định: theo đuôi của tệp -o, nếu không thì markdown]",
    ),
    (
        "report --signed-on",
        "Ngày ghi ở đầu văn bản (\"Kon Tum, ngày …\") [mặc định: để trống]",
    ),
    ("report --output", OUTPUT),
    // form
    (
        "form",
        "Lập biểu mẫu Excel để một đơn vị điền cho một kỳ báo cáo: các nhiệm vụ, chỉ tiêu của đơn vị và các ô cần điền",
    ),
    ("form --quarter", QUARTER),
    ("form --half", HALF),
    ("form --month", MONTH),
    ("form --nine-months", NINE_MONTHS),
    ("form --from", FROM),
    ("form --to", TO),
    ("form --year", YEAR),
    (
        "form --owner",
        "Đơn vị của phiếu: các nhiệm vụ do đơn vị đó chủ trì hoặc phối hợp",
    ),
    (
        "form --all",
        "Lập phiếu cho mọi đơn vị có nhiệm vụ báo cáo, ghi vào thư mục do `-o` chỉ định",
    ),
    (
        "form --output",
        "Tệp bảng tính sẽ ghi (`.xlsx`), hoặc thư mục nếu dùng `--all`",
    ),
    // import
    (
        "import",
        "Nhập các phiếu đã điền vào kế hoạch: ghi mọi bản ghi của phiếu trong một lần, hoặc không ghi gì",
    ),
    (
        "import <FILE>",
        "Các phiếu đã điền: tệp `.xlsx` do `ddci form` lập, hoặc tệp `.csv` gồm các cột của phiếu",
    ),
    (
        "import --received",
        "Ngày nhận phiếu: báo cáo của từng đơn vị được ghi là đã gửi vào ngày đó [mặc định: hôm nay]",
    ),
    (
        "import --unsealed",
        "Nhập cả tệp CSV. Tệp CSV không có mã niêm phong: phiếu của đơn vị nào, cho kỳ nào đều lấy từ các cột của tệp, nên cơ quan tự chịu trách nhiệm về tệp (CSV do chính mình nhập), như với số liệu không do đơn vị nào gửi",
    ),
    ("import --dry-run", DRY_RUN),
    ("import --wait", WAIT),
    // result
    (
        "result",
        "Nhập kết quả DDCI theo công bố của tỉnh: kết quả chung của đơn vị hoặc của một chỉ số thành phần",
    ),
    (
        "result --year",
        "Năm được đánh giá [mặc định: năm của kế hoạch; với kế hoạch nhiều năm, năm trước năm hiện tại]",
    ),
    (
        "result --index",
        "Chỉ số thành phần của kết quả [mặc định: kết quả chung của đơn vị]",
    ),
    (
        "result --score",
        "Điểm số (điểm chung trên thang 100, chỉ số thành phần trên thang 10)",
    ),
    ("result --rank", "Thứ hạng"),
    ("result --of", "Số đơn vị được xếp hạng"),
    (
        "result --median",
        "Điểm trung vị của nhóm, nếu được công bố",
    ),
    (
        "result --band",
        "Mức xếp loại (một trong các mức `bands` của kế hoạch)",
    ),
    ("result --published", "Ngày công bố [mặc định: hôm nay]"),
    ("result --source", "Văn bản công bố kết quả"),
    ("result --dry-run", DRY_RUN),
    ("result --wait", WAIT),
    // calendar
    (
        "calendar",
        "Xem việc gì đến hạn, của đơn vị nào: việc định kỳ, hạn hoàn thành, hạn nộp báo cáo",
    ),
    (
        "calendar --from",
        "Ngày đầu tiên hiển thị [mặc định: hôm nay; với ics, ngày 01 tháng 01 của năm kế hoạch]",
    ),
    (
        "calendar --to",
        "Ngày cuối cùng hiển thị [mặc định: 30 ngày sau --from; với ics, hạn nộp báo cáo cuối cùng trong năm]",
    ),
    (
        "calendar --owner",
        "Chỉ những việc đơn vị này thực hiện hoặc phải nộp, trực tiếp hoặc qua một nhóm đơn vị",
    ),
    ("calendar --format", FORMAT),
    (
        "calendar --remind",
        "Với ics: số ngày nhắc trước hạn (0: không nhắc; mỗi lần thực hiện của nhiệm vụ định kỳ được nhắc trước một ngày)",
    ),
    ("calendar --output", OUTPUT),
    // rollup
    (
        "rollup",
        "Tổng hợp nhiều kế hoạch: tình hình của mọi sở, ngành và địa phương cùng lúc",
    ),
    (
        "rollup <PATH>",
        "Tệp kế hoạch, hoặc thư mục để tìm kế hoạch (tìm cả trong mọi thư mục con)",
    ),
    (
        "rollup --as-of",
        "Lấy mọi kế hoạch như tại cuối ngày này; kế hoạch không thuộc năm của ngày đó không được tính [mặc định: mỗi kế hoạch tính đến hôm nay, hoặc đến ngày cuối cùng của kế hoạch khi đã kết thúc]",
    ),
    (
        "rollup --group",
        "So sánh sở, ngành với sở, ngành; huyện với huyện; xã với xã",
    ),
    (
        "rollup --year",
        "Chỉ các kế hoạch của năm này (hoặc kéo dài qua năm này), mỗi kế hoạch tính đến cuối năm khi năm đã qua",
    ),
    (
        "rollup --format",
        "Định dạng đầu ra [mặc định: theo đuôi của tệp -o, nếu không thì dạng bảng]",
    ),
    ("rollup --output", OUTPUT),
    (
        "rollup --issuer",
        "Cơ quan tổng hợp và gửi báo cáo [mặc định: Sở Kế hoạch và Đầu tư với báo cáo ký trước ngày 01/3/2025, Sở Tài chính từ ngày đó]",
    ),
    (
        "rollup --parent-agency",
        "Cơ quan cấp trên [mặc định: \"Ủy ban nhân dân tỉnh …\" của tỉnh có các kế hoạch]",
    ),
    (
        "rollup --basis",
        "Văn bản mà báo cáo thực hiện theo, nêu đầu tiên: \"Thực hiện Kế hoạch số 45/KH-UBND ngày 05/4/2024 của UBND tỉnh, …\"",
    ),
    (
        "rollup --code",
        "Chữ viết tắt tên cơ quan ban hành trong số văn bản (\"Số: …/BC-CODE\") [mặc định: để trống]",
    ),
    (
        "rollup --signed-by",
        "Họ tên người ký [mặc định: để trống cho người ký tự ghi]",
    ),
    (
        "rollup --signer-title",
        "Chức vụ của người ký [mặc định: Giám đốc]",
    ),
    (
        "rollup --signs-for",
        "Khi cấp phó ký: chức vụ của người đứng đầu mà cấp phó ký thay (\"Giám đốc\" cho \"KT. GIÁM ĐỐC\")",
    ),
    (
        "rollup --signed-on",
        "Ngày ghi ở đầu văn bản; số liệu tính đến ngày đó [mặc định: để trống]",
    ),
    // list
    (
        "list",
        "Liệt kê đơn vị, chỉ số thành phần, nhiệm vụ và chỉ tiêu của kế hoạch, kèm mã của từng mục",
    ),
    ("list <WHAT>", "Nội dung cần liệt kê [mặc định: tất cả]"),
    // init
    (
        "init",
        "Tạo kế hoạch mới từ một mẫu có sẵn trong ddci; không bao giờ ghi đè tệp đã có",
    ),
    (
        "init <PATH>",
        "Nơi ghi kế hoạch [mặc định: --plan, nếu không thì `$DDCI_PLAN`, nếu không thì plan.toml]",
    ),
    ("init --template", "Mẫu để bắt đầu"),
    (
        "init --from",
        "Kế hoạch năm trước, chuyển sang năm mới: giữ nhiệm vụ và đơn vị, bỏ các bản ghi, lấy kết quả đã ghi làm giá trị cơ sở mới",
    ),
    ("init --year", "Năm của kế hoạch [mặc định: năm nay]"),
    ("init --agency", "Sở, ngành hoặc huyện ban hành kế hoạch"),
    ("init --province", "Tỉnh"),
    // help, schema, completions, man
    ("help", "In trợ giúp của ddci hoặc của một lệnh"),
    ("help <COMMAND>", "Lệnh [mặc định: chính ddci]"),
    (
        "schema",
        "In JSON Schema của tệp kế hoạch, dùng cho trình soạn thảo",
    ),
    ("completions", "In đoạn mã tự hoàn thành lệnh cho shell"),
    ("completions <SHELL>", "Loại shell"),
    (
        "man",
        "In một trang hướng dẫn (roff), hoặc ghi tất cả các trang vào một thư mục",
    ),
    (
        "man <COMMAND>",
        "Lệnh cần in trang hướng dẫn (`ddci-record(1)`) [mặc định: ddci(1)]",
    ),
    (
        "man --out-dir",
        "Ghi mọi trang (ddci.1, ddci-validate.1, …) vào thư mục này",
    ),
];

/// Help shared by the options of several commands.
const DRY_RUN: &str = "In ra những gì sẽ được thêm, không ghi gì (không khóa tệp kế hoạch)";
const WAIT: &str =
    "Thời gian (giây) chờ tiến trình khác đang ghi kế hoạch, quá thời gian này thì dừng";
const FORMAT: &str = "Định dạng đầu ra";
const OUTPUT: &str = "Ghi ra tệp này thay vì đầu ra chuẩn";
const QUARTER: &str = "Quý 1 đến 4 (Quý 2 từ ngày 01 tháng 4 đến ngày 30 tháng 6)";
const HALF: &str = "6 tháng: 1 (6 tháng đầu năm, tháng 1–6) hoặc 2 (6 tháng cuối năm, tháng 7–12)";
const MONTH: &str = "Tháng 1 đến 12";
const NINE_MONTHS: &str = "9 tháng đầu năm (\"9 tháng\")";
const FROM: &str = "Ngày đầu của khoảng thời gian tự chọn [mặc định: ngày 01 tháng 01]";
const TO: &str = "Ngày cuối của khoảng thời gian tự chọn [mặc định: ngày 31 tháng 12]";
const YEAR: &str = "Năm [mặc định: năm của kế hoạch; với kế hoạch nhiều năm, năm có ngày hôm nay]; dùng riêng thì lấy cả năm";

/// clap's help headings, in Vietnamese.
const HEADINGS: &[(&str, &str)] = &[
    ("Global options", "Tùy chọn chung"),
    ("Summary report (docx)", "Báo cáo tổng hợp (docx)"),
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
        Some(heading) => found(HEADINGS, heading),
        None if argument.is_positional() => Some("Đối số"),
        None => Some("Tùy chọn"),
    };
    let mut help = found(HELP, &key).map(str::to_owned);
    let defaults: Vec<String> = argument
        .get_default_values()
        .iter()
        .map(|value| value.to_string_lossy().into_owned())
        .collect();
    // A flag's true and false are not values to list, as clap's English
    // does not list them.
    let values: Vec<String> =
        if argument.is_hide_possible_values_set() || !argument.get_action().takes_values() {
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

    /// Every heading the English help puts options under, as `HEADINGS` keys it.
    fn headings(command: &Command, into: &mut Vec<String>) {
        for argument in command.get_arguments() {
            if let Some(heading) = argument.get_help_heading() {
                into.push(heading.to_owned());
            }
        }
        for sub in command.get_subcommands() {
            headings(sub, into);
        }
    }

    #[test]
    fn every_heading_has_its_vietnamese() {
        let mut all = Vec::new();
        headings(&crate::cli::Cli::command(), &mut all);
        all.sort();
        all.dedup();
        let missing: Vec<&String> = all
            .iter()
            .filter(|heading| found(HEADINGS, heading).is_none())
            .collect();
        assert!(missing.is_empty(), "no Vietnamese heading for: {missing:?}");
    }

    #[test]
    fn the_vietnamese_help_parses_as_the_english_does() {
        let english = crate::cli::Cli::command();
        english.clone().debug_assert();
        let vietnamese = translated(english);
        vietnamese.debug_assert();
    }
}

//! Writes a valid synthetic plan with N tasks and M progress records, the
//! same bytes for the same seed, for benchmarks and robustness tests.
//!
//!     cargo run --release --example generate_plan -- --tasks 40 --records 10000 --seed 1 > plan.toml
//!
//! `--one-task` puts every record on the first task (a recurring one) and its
//! count target instead of spreading them; `--errors E` makes E tasks name a
//! lead unit that does not exist, for timing the error report.
//!
//! The plan is for 2024; every record is dated in 2024, so run commands on it
//! with `DDCI_TODAY=2024-12-31` (or later).

#![allow(clippy::too_many_lines)] // tables of cases, read top to bottom

use std::io::{BufWriter, Write};

use chrono::{Days, NaiveDate};
use rand::{RngExt, SeedableRng};
use rand_chacha::ChaCha8Rng;

const INDICES: [&str; 8] = [
    "minh-bach",
    "nang-dong",
    "chi-phi-thoi-gian",
    "chi-phi-khong-chinh-thuc",
    "canh-tranh-binh-dang",
    "ho-tro-doanh-nghiep",
    "thiet-che-phap-ly",
    "vai-tro-nguoi-dung-dau",
];
const UNITS: [&str; 6] = [
    "hc-th",
    "tc-dl-cl",
    "qlcn",
    "qlkh",
    "thanh-tra",
    "trung-tam",
];
const STATUSES: [&str; 4] = ["not_started", "in_progress", "done", "blocked"];

struct Options {
    tasks: usize,
    records: usize,
    seed: u64,
    /// Every record on the first task (a recurring one) and its count target.
    one_task: bool,
    /// This many tasks lead by a unit that does not exist: an invalid plan.
    errors: usize,
}

fn options() -> Result<Options, String> {
    let mut options = Options {
        tasks: 40,
        records: 1000,
        seed: 1,
        one_task: false,
        errors: 0,
    };
    let mut args = std::env::args().skip(1);
    while let Some(flag) = args.next() {
        if flag == "--one-task" {
            options.one_task = true;
            continue;
        }
        let value = args.next().ok_or_else(|| format!("{flag} needs a value"))?;
        let number = value
            .parse::<u64>()
            .map_err(|_| format!("{flag} takes a whole number, not `{value}`"))?;
        match flag.as_str() {
            "--tasks" => {
                options.tasks = usize::try_from(number)
                    .map_err(|error| error.to_string())?
                    .max(1);
            }
            "--records" => {
                options.records = usize::try_from(number).map_err(|error| error.to_string())?;
            }
            "--seed" => options.seed = number,
            "--errors" => {
                options.errors = usize::try_from(number).map_err(|error| error.to_string())?;
            }
            _ => {
                return Err(format!(
                    "unknown option {flag}; use --tasks N --records M --seed S [--one-task] [--errors E]"
                ));
            }
        }
    }
    Ok(options)
}

fn main() {
    let options = match options() {
        Ok(options) => options,
        Err(message) => {
            eprintln!("error: {message}");
            std::process::exit(2);
        }
    };
    let stdout = std::io::stdout();
    let mut out = BufWriter::new(stdout.lock());
    if let Err(error) = write_plan(&mut out, &options).and_then(|()| out.flush())
        && error.kind() != std::io::ErrorKind::BrokenPipe
    {
        eprintln!("error: {error}");
        std::process::exit(2);
    }
}

fn write_plan(out: &mut impl Write, options: &Options) -> std::io::Result<()> {
    let mut rng = ChaCha8Rng::seed_from_u64(options.seed);
    let start = NaiveDate::from_ymd_opt(2024, 1, 1).unwrap_or_default();
    writeln!(
        out,
        "# Synthetic plan: {} tasks, {} records, seed {}.",
        options.tasks, options.records, options.seed
    )?;
    // Each seed its own unit: a folder of generated plans is a province of
    // different departments, as the roll-up expects.
    writeln!(
        out,
        "[plan]\ntitle = \"Kế hoạch tổng hợp để đo hiệu năng\"\nagency = \"Sở Thử nghiệm {}\"\nprovince = \"Kon Tum\"\nyear = 2024\n",
        options.seed
    )?;
    for unit in UNITS {
        writeln!(
            out,
            "[[units]]\nid = \"{unit}\"\nname = \"Phòng {unit}\"\nkind = \"office\"\n"
        )?;
    }
    for index in INDICES {
        writeln!(
            out,
            "[[indices]]\nid = \"{index}\"\nname = \"Chỉ số {index}\"\n"
        )?;
    }
    // Each index has a percent target and a monthly count target on its first task.
    let owners = options.tasks + 2 * INDICES.len().min(options.tasks);
    let mut per_owner = vec![0_usize; owners];
    for _ in 0..options.records {
        // Concentrated: the first task (recurring) and its count target
        // share every record.
        let owner = if options.one_task {
            if rng.random_range(0..2) == 0 {
                0
            } else {
                options.tasks + 1
            }
        } else {
            rng.random_range(0..owners)
        };
        per_owner[owner] += 1;
    }
    let day = |rng: &mut ChaCha8Rng| start + Days::new(rng.random_range(0..366));
    for task in 0..options.tasks.max(options.errors) {
        let index = INDICES[task % INDICES.len()];
        let lead = if task < options.errors {
            "phong-khong-co"
        } else {
            UNITS[task % UNITS.len()]
        };
        let schedule = if task % 5 == 0 {
            "{ kind = \"recurring\", every = \"month\", weekday = \"wednesday\", week = \"last\" }"
        } else {
            "{ kind = \"ongoing\", text = \"Thường xuyên\" }"
        };
        writeln!(
            out,
            "[[tasks]]\nid = \"t{task}\"\nindex = \"{index}\"\ntext = \"Nhiệm vụ số {task}: đẩy mạnh cải cách thủ tục hành chính, công khai minh bạch.\"\nlead = [\"{lead}\"]\ncoordinating = [\"hc-th\"]\nschedule = {schedule}\n"
        )?;
        let mut dates: Vec<NaiveDate> = (0..per_owner.get(task).copied().unwrap_or(0))
            .map(|_| day(&mut rng))
            .collect();
        dates.sort();
        for date in dates {
            let status = STATUSES[rng.random_range(0..STATUSES.len())];
            let by = UNITS[rng.random_range(0..UNITS.len())];
            writeln!(
                out,
                "[[tasks.records]]\ndate = {date}\nstatus = \"{status}\"\nnote = \"Đã triển khai, báo cáo định kỳ số {}\"\nby = \"{by}\"\n",
                rng.random_range(1..10_000)
            )?;
        }
    }
    for (number, index) in INDICES.iter().enumerate().take(options.tasks) {
        let task = number;
        let percent_owner = options.tasks + 2 * number;
        writeln!(
            out,
            "[[targets]]\nid = \"{index}-ty-le\"\nkind = \"percent_at_least\"\ntask = \"t{task}\"\ntext = \"Tỷ lệ hồ sơ đúng hạn đạt tối thiểu 80%\"\npercent = 80\n"
        )?;
        let mut dates: Vec<NaiveDate> = (0..per_owner[percent_owner])
            .map(|_| day(&mut rng))
            .collect();
        dates.sort();
        for date in dates {
            writeln!(
                out,
                "[[targets.records]]\ndate = {date}\nvalue = {}\nby = \"hc-th\"\n",
                rng.random_range(50..=100)
            )?;
        }
        writeln!(
            out,
            "[[targets]]\nid = \"{index}-hang-thang\"\nkind = \"count_at_least\"\ntask = \"t{task}\"\ntext = \"Ít nhất một buổi mỗi tháng\"\nmin = 1\nper = \"month\"\n"
        )?;
        let mut dates: Vec<NaiveDate> = (0..per_owner[percent_owner + 1])
            .map(|_| day(&mut rng))
            .collect();
        dates.sort();
        for date in dates {
            writeln!(
                out,
                "[[targets.records]]\ndate = {date}\nvalue = 1\nby = \"thanh-tra\"\n"
            )?;
        }
    }
    writeln!(
        out,
        "[[reporting]]\nfrom = [\"qlcn\"]\nto = \"hc-th\"\nperiods = [\"quarter\", \"half\", \"year\"]"
    )?;
    Ok(())
}

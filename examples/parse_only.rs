//! The yardstick for `docs/performance.md`: read files and parse each with
//! the toml crate into a generic table, nothing more; one after another, or
//! with `--parallel` on every core (rayon), as `ddci rollup` reads plans.
//!
//!     cargo run --release --example parse_only -- plan.toml
//!     cargo run --release --example parse_only -- --parallel plans/*.toml

use rayon::prelude::*;

fn parse(path: &str) -> Result<usize, String> {
    let text =
        std::fs::read_to_string(path).map_err(|error| format!("cannot read {path}: {error}"))?;
    toml::from_str::<toml::Table>(&text)
        .map(|table| table.len())
        .map_err(|error| format!("{path}: {error}"))
}

fn main() {
    let mut args: Vec<String> = std::env::args().skip(1).collect();
    let parallel = args.first().is_some_and(|flag| flag == "--parallel");
    if parallel {
        args.remove(0);
    }
    if args.is_empty() {
        eprintln!("usage: parse_only [--parallel] FILE...");
        std::process::exit(2);
    }
    let parsed: Vec<Result<usize, String>> = if parallel {
        args.par_iter().map(|path| parse(path)).collect()
    } else {
        args.iter().map(|path| parse(path)).collect()
    };
    let mut keys = 0;
    for outcome in parsed {
        match outcome {
            Ok(count) => keys += count,
            Err(error) => {
                eprintln!("error: {error}");
                std::process::exit(1);
            }
        }
    }
    println!("{} files, {keys} top-level keys", args.len());
}

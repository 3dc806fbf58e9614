//! The yardstick for `docs/performance.md`: read a file and parse it with the
//! toml crate into a generic table, nothing more.
//!
//!     cargo run --release --example parse_only -- plan.toml

fn main() {
    let Some(path) = std::env::args().nth(1) else {
        eprintln!("usage: parse_only FILE");
        std::process::exit(2);
    };
    let text = match std::fs::read_to_string(&path) {
        Ok(text) => text,
        Err(error) => {
            eprintln!("error: cannot read {path}: {error}");
            std::process::exit(2);
        }
    };
    match toml::from_str::<toml::Table>(&text) {
        Ok(table) => println!("{} top-level keys", table.len()),
        Err(error) => {
            eprintln!("error: {error}");
            std::process::exit(1);
        }
    }
}

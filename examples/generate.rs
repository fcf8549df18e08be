//! Writes N synthetic LGSCO decisions recombined from the bundled corpus, with a
//! manifest of their true fields, for benchmarks and scale tests (files in
//! `OUT/decisions/`, manifest in `OUT/manifest.jsonl`):
//! `cargo run --release --example generate -- --count 100000 --seed 1 --out /tmp/gen`.
#![allow(
    clippy::print_stdout,
    clippy::print_stderr,
    reason = "a command-line program reports on the terminal"
)]

#[path = "../benches/support/generator.rs"]
mod generator;

use std::path::PathBuf;
use std::process::ExitCode;
use std::time::Instant;

use clap::Parser;

/// Generate synthetic decisions and `manifest.jsonl`.
#[derive(Parser)]
struct Args {
    /// Number of decisions to write.
    #[arg(long, default_value_t = 1000)]
    count: usize,
    /// Seed: the same seed and count give the same files.
    #[arg(long, default_value_t = 1)]
    seed: u64,
    /// Output directory (created if missing).
    #[arg(long)]
    out: PathBuf,
}

fn main() -> ExitCode {
    let args = Args::parse();
    let start = Instant::now();
    match generator::generate(args.seed, args.count, &args.out) {
        Ok(g) => {
            println!(
                "{}: {} decisions, {:.1} MB ({:.1} KB each on average), manifest.jsonl, in {:.1?}",
                g.dir.display(),
                g.truths.len(),
                g.bytes as f64 / 1e6,
                g.bytes as f64 / 1e3 / g.truths.len().max(1) as f64,
                start.elapsed()
            );
            ExitCode::SUCCESS
        }
        Err(e) => {
            eprintln!("generate: {e}");
            ExitCode::FAILURE
        }
    }
}

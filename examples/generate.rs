//! Writes N synthetic LGSCO decisions recombined from the bundled corpus, with a
//! manifest of their true fields, for benchmarks and scale tests (files in
//! `OUT/decisions/`, manifest in `OUT/manifest.jsonl`):
//! `cargo run --release --example generate -- --count 100000 --seed 1 --out /tmp/gen`.
//! With `--html`, each decision is written as a saved web page (`NNNNNN.html`),
//! in the page templates of `benches/support/templates.rs` in turn.
#![allow(
    clippy::print_stdout,
    clippy::print_stderr,
    reason = "a command-line program reports on the terminal"
)]

#[path = "../benches/support/generator.rs"]
mod generator;
#[path = "../benches/support/templates.rs"]
mod templates;

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
    /// Write each decision as a saved web page (`.html`), cycling through the
    /// page templates (modern, table, fragment, print).
    #[arg(long)]
    html: bool,
}

fn main() -> ExitCode {
    let args = Args::parse();
    let start = Instant::now();
    let generated = if args.html {
        generator::Pool::load(&generator::corpus_dir()).and_then(|pool| {
            let render = |i: u64, text: &str| {
                let template = templates::Template::ALL[(i % 4) as usize];
                templates::render(text, None, template)
            };
            generator::generate_rendered(&pool, args.seed, args.count, &args.out, "html", &render)
        })
    } else {
        generator::generate(args.seed, args.count, &args.out)
    };
    match generated {
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

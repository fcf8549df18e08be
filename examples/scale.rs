//! Scale measurement for BENCHMARKS.md: builds the ombuds index and the SQLite
//! FTS5 peer from the same generated corpus, each in its own process, and
//! reports time, documents/s, MB/s, peak memory (VmHWM) and size on disk,
//! plus single-thread parse throughput:
//! `cargo run --release --example scale -- --docs 100000`.
//! The indexes are left where `OMBUDS_BENCH_REUSE=1 cargo bench --bench index`
//! finds them.
#![allow(
    clippy::print_stdout,
    clippy::print_stderr,
    reason = "a command-line program reports on the terminal"
)]

#[path = "../benches/support/fts5.rs"]
mod fts5;
#[path = "../benches/support/generator.rs"]
mod generator;
#[path = "../benches/support/setup.rs"]
mod setup;

use std::process::{Command, ExitCode};
use std::time::Instant;

use clap::{Parser, ValueEnum};

/// What to measure.
#[derive(Clone, Copy, PartialEq, Eq, ValueEnum)]
enum Side {
    /// Everything, each build in a child process.
    All,
    /// Build the ombuds index (parse + index + commit).
    Ombuds,
    /// Build the FTS5 database.
    Fts5,
    /// Parse on one thread.
    Parse,
}

/// Measure ombuds and the FTS5 peer at scale.
#[derive(Parser)]
struct Args {
    /// Decisions in the generated corpus.
    #[arg(long, default_value_t = 100_000)]
    docs: usize,
    /// What to measure.
    #[arg(long, value_enum, default_value_t = Side::All)]
    side: Side,
    /// Decisions parsed for the single-thread parse figure (read into memory first).
    #[arg(long, default_value_t = 20_000)]
    parse_docs: usize,
}

fn mb(bytes: u64) -> f64 {
    bytes as f64 / 1e6
}

fn main() -> ExitCode {
    let args = Args::parse();
    let start = Instant::now();
    let corpus = setup::corpus(args.docs);
    let bytes = corpus.bytes;
    let files = setup::files(&corpus);
    let dir = setup::work_dir().join(format!("search-n{}", args.docs));
    match args.side {
        Side::All => {
            println!(
                "corpus: {} decisions, {:.1} MB in {} (ready in {:.1?})",
                args.docs,
                mb(bytes),
                corpus.dir.display(),
                start.elapsed()
            );
            drop(corpus);
            let exe = match std::env::current_exe() {
                Ok(e) => e,
                Err(e) => {
                    eprintln!("scale: cannot find this program: {e}");
                    return ExitCode::FAILURE;
                }
            };
            for side in ["parse", "ombuds", "fts5"] {
                let status = Command::new(&exe)
                    .args(["--docs", &args.docs.to_string(), "--side", side])
                    .args(["--parse-docs", &args.parse_docs.to_string()])
                    .status();
                if !status.is_ok_and(|s| s.success()) {
                    eprintln!("scale: the {side} measurement failed");
                    return ExitCode::FAILURE;
                }
            }
        }
        Side::Parse => {
            let k = args.parse_docs.min(files.len());
            let texts: Vec<String> = files[..k]
                .iter()
                .map(|p| std::fs::read_to_string(p).unwrap_or_default())
                .collect();
            let total: usize = texts.iter().map(String::len).sum();
            let mut best = f64::MAX;
            for _ in 0..3 {
                let t = Instant::now();
                let mut refs = 0;
                for (text, truth) in texts.iter().zip(&corpus.truths) {
                    let d = ombuds::parse(text, None);
                    refs += usize::from(d.reference.as_deref() == Some(truth.reference.as_str()));
                }
                assert_eq!(refs, k, "references parsed");
                best = best.min(t.elapsed().as_secs_f64());
            }
            println!(
                "parse (1 thread): {k} decisions, {:.1} MB in {best:.2} s (best of 3): {:.1} MB/s, {:.0} decisions/s",
                mb(total as u64),
                mb(total as u64) / best,
                k as f64 / best
            );
        }
        Side::Ombuds => {
            let path = dir.join("ombuds");
            let (idx, took) = setup::build_ombuds(&path, &files);
            drop(idx);
            report("ombuds", args.docs, bytes, took.as_secs_f64(), setup::disk_size(&path));
        }
        Side::Fts5 => {
            let path = dir.join("fts5.db");
            let (db, took) = setup::build_fts5(&path, &files);
            drop(db);
            report("fts5", args.docs, bytes, took.as_secs_f64(), setup::disk_size(&path));
        }
    }
    ExitCode::SUCCESS
}

fn report(side: &str, docs: usize, bytes: u64, secs: f64, disk: u64) {
    println!(
        "{side:<7} build: {docs} decisions, {:.1} MB in {secs:.1} s: {:.0} decisions/s, {:.1} MB/s; \
         peak memory {:.0} MiB; on disk {:.1} MB",
        mb(bytes),
        docs as f64 / secs,
        mb(bytes) / secs,
        setup::peak_rss() as f64 / (1u64 << 20) as f64,
        mb(disk)
    );
}

//! Single-thread parse of generated decisions, for profilers:
//! `cargo run --release --example parse_profile -- [N] [REPS]` parses N
//! generated decisions (seed 1, documents 0..N; default 200) REPS times
//! (default 10) and prints the throughput. It first parses 200 other
//! decisions and the measured ones once, so that lazy regex compilation is
//! not measured, and does the
//! measured work in `measured`, a function of its own for callgrind:
//! `valgrind --tool=callgrind --collect-atstart=no --toggle-collect='*::measured'
//! target/release/examples/parse_profile 100 1`.
#![allow(
    clippy::print_stdout,
    clippy::print_stderr,
    reason = "a command-line program reports on the terminal"
)]

#[path = "../benches/support/generator.rs"]
mod generator;

/// Parses every document once; returns how many have a reference.
#[inline(never)]
fn measured(docs: &[String]) -> usize {
    docs.iter()
        .filter(|d| ombuds::parse(std::hint::black_box(d), None).reference.is_some())
        .count()
}

/// The same work as `measured`, outside callgrind's count.
#[inline(never)]
fn warm_up(docs: &[String]) -> usize {
    docs.iter()
        .filter(|d| ombuds::parse(std::hint::black_box(d), None).reference.is_some())
        .count()
}

fn main() {
    let arg = |i: usize, default: usize| std::env::args().nth(i).and_then(|s| s.parse().ok()).unwrap_or(default);
    let (n, reps) = (arg(1, 200), arg(2, 10));
    let pool = match generator::Pool::load(&generator::corpus_dir()) {
        Ok(pool) => pool,
        Err(e) => {
            eprintln!("parse_profile: corpus: {e}");
            std::process::exit(1);
        }
    };
    let docs: Vec<String> = (0..n as u64).map(|i| pool.document(1, i).0).collect();
    let warm: Vec<String> = (1_000..1_200).map(|i| pool.document(1, i).0).collect();
    // Not through `measured`: callgrind's `--toggle-collect` counts every
    // call of it, and the first calls compile the lazy regexes.
    warm_up(&warm);
    warm_up(&docs);
    let bytes: usize = docs.iter().map(String::len).sum();
    let start = std::time::Instant::now();
    let mut with_reference = 0;
    for _ in 0..reps {
        with_reference += measured(&docs);
    }
    let secs = start.elapsed().as_secs_f64();
    assert_eq!(with_reference, n * reps, "every generated decision has a reference");
    println!(
        "{n} decisions, {bytes} bytes, {reps} times: {:.1} MB/s",
        (bytes * reps) as f64 / secs / 1e6
    );
}

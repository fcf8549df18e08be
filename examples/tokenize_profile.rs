//! Single-thread run of the prose analyzer (`en_stem`), for profilers and
//! before/after comparisons: `cargo run --release --example tokenize_profile -- [N] [REPS]`
//! generates N decisions (seed 1, documents 0..N; default 2,000), tokenizes
//! their text REPS times (default 5) with one analyzer, as one indexing thread
//! does for one field, and prints the best time and tokens per second.
#![allow(
    clippy::print_stdout,
    clippy::print_stderr,
    reason = "a command-line program reports on the terminal"
)]

#[path = "../benches/support/generator.rs"]
mod generator;

/// Tokenizes every document once; returns the number of tokens and the bytes of their text.
#[inline(never)]
fn measured(analyzer: &mut tantivy::tokenizer::TextAnalyzer, docs: &[String]) -> (usize, usize) {
    let (mut tokens, mut bytes) = (0, 0);
    for doc in docs {
        let mut stream = analyzer.token_stream(std::hint::black_box(doc));
        while stream.advance() {
            tokens += 1;
            bytes += stream.token().text.len();
        }
    }
    (tokens, bytes)
}

fn main() {
    let arg = |i: usize, default: usize| std::env::args().nth(i).and_then(|s| s.parse().ok()).unwrap_or(default);
    let (n, reps) = (arg(1, 2_000), arg(2, 5));
    let pool = match generator::Pool::load(&generator::corpus_dir()) {
        Ok(pool) => pool,
        Err(e) => {
            eprintln!("tokenize_profile: corpus: {e}");
            std::process::exit(1);
        }
    };
    let docs: Vec<String> = (0..n as u64).map(|i| pool.document(1, i).0).collect();
    let index = tantivy::Index::create_in_ram(ombuds::index::schema::build_schema().0);
    ombuds::index::schema::register_analyzers(&index);
    let Some(mut analyzer) = index.tokenizers().get(ombuds::index::schema::TEXT_ANALYZER) else {
        eprintln!("tokenize_profile: no analyzer");
        std::process::exit(1);
    };
    let text_bytes: usize = docs.iter().map(String::len).sum();
    let mut best = f64::INFINITY;
    let mut counts = (0, 0);
    for _ in 0..reps {
        let start = std::time::Instant::now();
        counts = measured(&mut analyzer, &docs);
        best = best.min(start.elapsed().as_secs_f64());
    }
    println!(
        "{n} decisions, {text_bytes} bytes, {} tokens ({} bytes of terms): best of {reps} {:.1} ms, {:.1} M tokens/s, {:.1} MB/s",
        counts.0,
        counts.1,
        best * 1e3,
        counts.0 as f64 / best / 1e6,
        text_bytes as f64 / best / 1e6
    );
}

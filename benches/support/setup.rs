//! Shared set-up of the index benches and `examples/scale.rs`: takes a
//! document count and returns the generated corpus (cached under
//! `target/ombuds-bench/`), and builds the ombuds index and the FTS5 peer
//! from it, timing each build and measuring its size on disk.
//!
//! Needs `generator` and `fts5` declared as sibling modules of the crate root.
// Each bench and example uses a different part of this shared module.
#![allow(dead_code)]

use std::fs;
use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

use crate::fts5::Fts5;
use crate::generator::{self, Generated};

/// Seed of every benchmark corpus.
pub const SEED: u64 = 1;

/// Documents in the benchmark corpus: `OMBUDS_BENCH_DOCS`, default 5,000.
pub fn bench_docs() -> usize {
    std::env::var("OMBUDS_BENCH_DOCS")
        .ok()
        .and_then(|v| v.replace('_', "").parse().ok())
        .unwrap_or(5_000)
}

/// `target/ombuds-bench` (or `$CARGO_TARGET_DIR/ombuds-bench`).
pub fn work_dir() -> PathBuf {
    let target = std::env::var_os("CARGO_TARGET_DIR")
        .map(PathBuf::from)
        .unwrap_or_else(|| Path::new(env!("CARGO_MANIFEST_DIR")).join("target"));
    target.join("ombuds-bench")
}

/// The generated corpus of `count` documents, made on first use and reused after.
pub fn corpus(count: usize) -> Generated {
    let dir = work_dir().join(format!("corpus-s{SEED}-n{count}"));
    if let Some(g) = generator::load(&dir, count) {
        return g;
    }
    let _ = fs::remove_dir_all(&dir);
    generator::generate(SEED, count, &dir).unwrap_or_else(|e| panic!("generating {}: {e}", dir.display()))
}

/// The decision files of a corpus, in order.
pub fn files(g: &Generated) -> Vec<PathBuf> {
    g.truths.iter().map(|t| g.dir.join(&t.file)).collect()
}

/// Total size of the files under `path`.
pub fn disk_size(path: &Path) -> u64 {
    let Ok(meta) = fs::metadata(path) else { return 0 };
    if meta.is_file() {
        return meta.len();
    }
    fs::read_dir(path)
        .map(|entries| entries.filter_map(Result::ok).map(|e| disk_size(&e.path())).sum())
        .unwrap_or(0)
}

/// Builds a fresh ombuds index of `files` in `dir` (removed first): parse,
/// index, commit. Panics unless every file was added.
pub fn build_ombuds(dir: &Path, files: &[PathBuf]) -> (ombuds::index::OmbudsIndex, Duration) {
    let _ = fs::remove_dir_all(dir);
    let start = Instant::now();
    let idx = ombuds::index::OmbudsIndex::open_or_create(dir).expect("create the index");
    let report = ombuds::ingest::ingest(
        &idx,
        files,
        &ombuds::ingest::IngestOptions::default(),
        &ombuds::ingest::NoProgress,
    )
    .expect("ingest");
    let took = start.elapsed();
    assert!(report.failed.is_empty(), "ingest failures: {:?}", report.failed.first());
    assert_eq!(report.added as usize, files.len(), "decisions added");
    (idx, took)
}

/// Builds a fresh FTS5 database of `files` at `path`. Panics unless every
/// file became a row.
pub fn build_fts5(path: &Path, files: &[PathBuf]) -> (Fts5, Duration) {
    if let Some(parent) = path.parent() {
        let _ = fs::create_dir_all(parent);
    }
    let start = Instant::now();
    let mut db = Fts5::create(path).expect("create the FTS5 database");
    let report = db.build(files).expect("FTS5 build");
    let took = start.elapsed();
    assert_eq!(report.rows, files.len(), "FTS5 rows");
    (db, took)
}

/// Peak resident memory of this process so far (VmHWM), in bytes.
pub fn peak_rss() -> u64 {
    fs::read_to_string("/proc/self/status")
        .ok()
        .and_then(|s| {
            s.lines()
                .find(|l| l.starts_with("VmHWM:"))
                .and_then(|l| l.split_whitespace().nth(1))
                .and_then(|kb| kb.parse::<u64>().ok())
        })
        .map_or(0, |kb| kb * 1024)
}

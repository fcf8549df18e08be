//! `ombuds ingest` end to end: fingerprints that do not depend on the path
//! used to reach a file, `--prune`, `--threads` and the commit flags.

use std::path::{Path, PathBuf};

use assert_cmd::Command;
use serde_json::Value;

fn ombuds() -> Command {
    let mut c = Command::cargo_bin("ombuds").unwrap();
    c.env_remove("OMBUDS_INDEX").env("NO_COLOR", "1");
    c
}

/// A working directory holding `corpus/` with a copy of the seeds.
fn workdir() -> (tempfile::TempDir, usize) {
    let tmp = tempfile::tempdir().unwrap();
    let corpus = tmp.path().join("corpus");
    std::fs::create_dir(&corpus).unwrap();
    let seeds = Path::new(env!("CARGO_MANIFEST_DIR")).join("corpus/seeds");
    let mut n = 0;
    for e in std::fs::read_dir(seeds).unwrap() {
        let p = e.unwrap().path();
        if p.extension().is_some_and(|x| x == "txt") {
            std::fs::copy(&p, corpus.join(p.file_name().unwrap())).unwrap();
            n += 1;
        }
    }
    (tmp, n)
}

/// Runs `ombuds --index idx ingest --json ARGS` in `dir` and returns the report.
fn ingest(dir: &Path, args: &[&str]) -> Value {
    let out = ombuds()
        .current_dir(dir)
        .args(["--index", "idx", "ingest", "--json"])
        .args(args)
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "ingest {args:?}: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    serde_json::from_slice(&out.stdout).unwrap()
}

fn counts(r: &Value) -> [u64; 5] {
    ["added", "updated", "unchanged", "pruned", "total"].map(|k| r[k].as_u64().unwrap())
}

#[test]
fn same_files_by_another_path_are_unchanged_and_commit_nothing() {
    let (tmp, n) = workdir();
    let n = n as u64;
    let r = ingest(tmp.path(), &["corpus"]);
    assert_eq!(counts(&r), [n, 0, 0, 0, n], "{r}");
    assert_eq!(r["commits"], 1, "{r}");
    let meta = tmp.path().join("idx/meta.json");
    let committed = std::fs::read(&meta).unwrap();
    let absolute: PathBuf = tmp.path().join("corpus");
    for path in ["./corpus", "corpus/", "corpus/../corpus", absolute.to_str().unwrap()] {
        let r = ingest(tmp.path(), &[path]);
        assert_eq!(counts(&r), [0, 0, n, 0, n], "{path}: {r}");
        assert_eq!(r["commits"], 0, "{path}: {r}");
    }
    // Nothing changed, so nothing was committed (provenance's time is the last commit's).
    assert_eq!(std::fs::read(&meta).unwrap(), committed);
    // A changed file is updated, whatever the path.
    let first = std::fs::read_dir(tmp.path().join("corpus"))
        .unwrap()
        .map(|e| e.unwrap().path())
        .min()
        .unwrap();
    let mut text = std::fs::read_to_string(&first).unwrap();
    text.push_str("\nA closing line added later.\n");
    std::fs::write(&first, text).unwrap();
    let r = ingest(tmp.path(), &["./corpus"]);
    assert_eq!(counts(&r), [0, 1, n - 1, 0, n], "{r}");
}

#[test]
fn prune_removes_decisions_whose_files_are_gone() {
    let (tmp, n) = workdir();
    let n = n as u64;
    let other = tmp.path().join("other");
    std::fs::create_dir(&other).unwrap();
    let files: Vec<PathBuf> = {
        let mut f: Vec<PathBuf> = std::fs::read_dir(tmp.path().join("corpus"))
            .unwrap()
            .map(|e| e.unwrap().path())
            .collect();
        f.sort();
        f
    };
    // One decision lives in another directory.
    std::fs::rename(&files[0], other.join("elsewhere.txt")).unwrap();
    let r = ingest(tmp.path(), &["corpus", "other", "--threads", "1"]);
    assert_eq!(counts(&r), [n, 0, 0, 0, n], "{r}");
    // Two files deleted from corpus, and the one in `other` too.
    std::fs::remove_file(&files[1]).unwrap();
    std::fs::remove_file(&files[2]).unwrap();
    std::fs::remove_file(other.join("elsewhere.txt")).unwrap();
    let out = ombuds()
        .current_dir(tmp.path())
        .args(["--index", "idx", "ingest", "--prune", "./corpus"])
        .output()
        .unwrap();
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    let summary = String::from_utf8(out.stdout).unwrap();
    assert!(
        summary.starts_with(&format!("0 added, 0 updated, {} unchanged, 0 failed, 2 pruned;", n - 3)),
        "{summary}"
    );
    // The decision from `other` is kept: only files under the directories given are pruned.
    let r = ingest(tmp.path(), &["--prune", "corpus"]);
    assert_eq!(counts(&r), [0, 0, n - 3, 0, n - 2], "{r}");
    let r = ingest(tmp.path(), &["--prune", "other"]);
    assert_eq!(counts(&r), [0, 0, 0, 1, n - 3], "{r}");
}

#[test]
fn help_documents_the_ingest_flags() {
    let out = ombuds().args(["ingest", "--help"]).output().unwrap();
    let help = String::from_utf8(out.stdout).unwrap();
    for flag in ["--threads <N>", "--commit-every <N>", "--commit-secs <SECS>", "--prune"] {
        assert!(help.contains(flag), "{flag} missing from: {help}");
    }
    assert!(
        help.contains("no\n          longer exists") || help.contains("no longer exists"),
        "{help}"
    );
}

#[test]
fn err_threads_zero_is_refused() {
    let tmp = tempfile::tempdir().unwrap();
    ombuds()
        .current_dir(tmp.path())
        .args(["--index", "idx", "ingest", "--threads", "0", "."])
        .assert()
        .code(2)
        .stderr(predicates::str::contains("--threads"));
}

#[test]
fn writer_memory_is_a_bounded_flag_and_a_small_budget_still_ingests() {
    let tmp = tempfile::tempdir().unwrap();
    for bad in ["0", "16", "31", "2049", "lots"] {
        ombuds()
            .current_dir(tmp.path())
            .args(["--index", "idx", "ingest", "--writer-memory", bad, "."])
            .assert()
            .code(2)
            .stderr(predicates::str::contains("--writer-memory"));
    }
    let (dir, n) = workdir();
    let report = ingest(dir.path(), &["--writer-memory", "32", "corpus"]);
    assert_eq!(report["added"], n, "{report}");
}

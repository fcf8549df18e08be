//! Stage `ingest`: takes paths to decision files (`.txt` decisions, saved
//! `.html` / `.htm` pages, `.jsonl` records `{"url": ..., "text": ...}` or
//! `{"url": ..., "html": ...}`, and directories holding them) and
//! returns an updated index and an [`IngestReport`] of what happened to each.
//!
//! Files are parsed in parallel (rayon) in bounded batches, so a corpus of any
//! size never sits in memory at once, and written through one `IndexWriter`.
//! A decision replaces any indexed decision with the same key (its normalised
//! reference, or its source hash when it has none); one whose stored record
//! is identical is left alone and counted as unchanged. One commit at the end:
//! a run that fails half way leaves the index as it was.

use std::collections::HashMap;
use std::io::BufRead;
use std::path::{Path, PathBuf};

use rayon::prelude::*;
use tantivy::{IndexWriter, TantivyDocument, Term};

use crate::error::{Error, Location, Result};
use crate::index::document::{to_document, IndexDoc};
use crate::index::schema::{Fields, OmbudsIndex};
use crate::source::SourceText;

/// How ingest runs.
#[derive(Debug, Clone, Copy)]
pub struct IngestOptions {
    /// Memory for the index writer, in bytes.
    pub writer_heap_bytes: usize,
    /// Decisions parsed per parallel batch.
    pub batch_size: usize,
}

impl Default for IngestOptions {
    fn default() -> Self {
        IngestOptions {
            writer_heap_bytes: 256 << 20,
            batch_size: 2_000,
        }
    }
}

/// Receives progress; every method does nothing by default.
pub trait Progress: Sync {
    /// Ingest found files totalling `bytes`.
    fn start(&self, _bytes: u64) {}
    /// `bytes` more were processed, `decisions` decisions so far.
    fn advance(&self, _bytes: u64, _decisions: u64) {}
    /// The run is writing its commit.
    fn committing(&self) {}
}

/// A [`Progress`] that ignores everything.
#[derive(Debug, Clone, Copy, Default)]
pub struct NoProgress;
impl Progress for NoProgress {}

/// An input that could not be ingested.
#[derive(Debug)]
pub struct Failure {
    /// The file (for a JSONL record, the file; the error names the line).
    pub path: PathBuf,
    /// Why.
    pub error: Error,
}

/// What an ingest run did.
#[derive(Debug, Default)]
pub struct IngestReport {
    /// Decisions new to the index.
    pub added: u64,
    /// Decisions that replaced a different version with the same key.
    pub updated: u64,
    /// Decisions identical to the version already indexed.
    pub unchanged: u64,
    /// Inputs that failed, in the order met.
    pub failed: Vec<Failure>,
    /// Decisions in the index after the run.
    pub total: u64,
}

/// One decision to parse.
enum Unit {
    File { path: PathBuf, bytes: u64 },
    Line { path: PathBuf, line: usize, raw: String },
}

impl Unit {
    fn bytes(&self) -> u64 {
        match self {
            Unit::File { bytes, .. } => *bytes,
            Unit::Line { raw, .. } => raw.len() as u64 + 1,
        }
    }
}

#[derive(serde::Deserialize)]
struct JsonRecord {
    url: Option<String>,
    /// Exactly one of `text` and `html`.
    text: Option<String>,
    html: Option<String>,
}

fn parse_unit(unit: &Unit, fields: &Fields) -> (PathBuf, Result<IndexDoc>) {
    match unit {
        Unit::File { path, .. } => {
            let doc = SourceText::read(path, None)
                .and_then(|src| crate::parse_source(&src))
                .map(|d| to_document(&d, fields));
            (path.clone(), doc)
        }
        Unit::Line { path, line, raw } => {
            let at = Location {
                path: Some(path.clone()),
                line: Some(*line),
            };
            let record: JsonRecord = match serde_json::from_str(raw) {
                Ok(r) => r,
                Err(e) => {
                    let detail = format!("not a record {{\"url\": ..., \"text\": ...}}: {e}");
                    return (path.clone(), Err(Error::BadRecord { at, detail }));
                }
            };
            // The record's source path is `file.jsonl:LINE`, so `show` says where it came from.
            let pseudo = PathBuf::from(format!("{}:{line}", path.display()));
            let (url, src) = (record.url.as_deref(), Some(pseudo.as_path()));
            let src = match (&record.text, &record.html) {
                (Some(text), None) => SourceText::from_bytes(text.as_bytes(), src, url),
                (None, Some(html)) => SourceText::from_html(html, src, url),
                (t, _) => {
                    let found = if t.is_some() { "both" } else { "neither" };
                    let detail = format!("a record needs exactly one of \"text\" and \"html\", but has {found}");
                    return (path.clone(), Err(Error::BadRecord { at, detail }));
                }
            };
            let doc = src
                .and_then(|src| crate::parse_source(&src))
                .map(|d| to_document(&d, fields))
                .map_err(|e| relocate(e, at));
            (path.clone(), doc)
        }
    }
}

/// Points an error about a JSONL record at its file and line (`x.jsonl: line 3: ...`).
fn relocate(error: Error, to: Location) -> Error {
    match error {
        Error::Read { source, .. } => Error::Read { at: to, source },
        Error::Empty { .. } => Error::Empty { at: to },
        Error::Binary { detail, .. } => Error::Binary { at: to, detail },
        Error::NotADecision { detail, .. } => Error::NotADecision { at: to, detail },
        Error::BadRecord { detail, .. } => Error::BadRecord { at: to, detail },
        other => other,
    }
}

/// Whether a file met while walking a directory is an input.
fn is_input(path: &Path) -> bool {
    matches!(
        path.extension()
            .and_then(|e| e.to_str())
            .map(str::to_ascii_lowercase)
            .as_deref(),
        Some("txt" | "jsonl" | "html" | "htm")
    )
}

fn is_jsonl(path: &Path) -> bool {
    path.extension()
        .and_then(|e| e.to_str())
        .is_some_and(|e| e.eq_ignore_ascii_case("jsonl"))
}

/// Lists input files: files named directly (whatever their extension), and
/// `.txt` / `.jsonl` files under directories (hidden entries skipped), sorted.
pub fn find_inputs(paths: &[PathBuf], failed: &mut Vec<Failure>) -> Vec<(PathBuf, u64)> {
    let mut out = Vec::new();
    for root in paths {
        let walker = walkdir::WalkDir::new(root).follow_links(true).sort_by_file_name();
        let walker = walker
            .into_iter()
            .filter_entry(|e| e.depth() == 0 || !e.file_name().to_str().is_some_and(|n| n.starts_with('.')));
        for entry in walker {
            match entry {
                Ok(e) if e.file_type().is_file() && (e.depth() == 0 || is_input(e.path())) => {
                    let bytes = e.metadata().map(|m| m.len()).unwrap_or(0);
                    out.push((e.into_path(), bytes));
                }
                Ok(_) => {}
                Err(e) => {
                    let path = e.path().map(Path::to_path_buf).unwrap_or_else(|| root.clone());
                    let source = e
                        .into_io_error()
                        .unwrap_or_else(|| std::io::Error::other("file system loop"));
                    failed.push(Failure {
                        path: path.clone(),
                        error: Error::Read {
                            at: Location::file(Some(path)),
                            source,
                        },
                    });
                }
            }
        }
    }
    out
}

struct Writer<'a> {
    idx: &'a OmbudsIndex,
    writer: IndexWriter<TantivyDocument>,
    known: HashMap<String, String>,
    report: IngestReport,
    decisions: u64,
}

impl Writer<'_> {
    fn run_batch(&mut self, batch: &mut Vec<Unit>, progress: &dyn Progress) -> Result<()> {
        let fields = self.idx.fields;
        let parsed: Vec<(u64, PathBuf, Result<IndexDoc>)> = batch
            .par_iter()
            .map(|u| {
                let (path, doc) = parse_unit(u, &fields);
                (u.bytes(), path, doc)
            })
            .collect();
        batch.clear();
        let mut bytes = 0;
        for (n, path, doc) in parsed {
            bytes += n;
            match doc {
                Ok(doc) => self.write(doc)?,
                Err(error) => self.report.failed.push(Failure { path, error }),
            }
        }
        progress.advance(bytes, self.decisions);
        Ok(())
    }

    fn write(&mut self, doc: IndexDoc) -> Result<()> {
        self.decisions += 1;
        match self.known.get(&doc.key) {
            Some(f) if *f == doc.fingerprint => {
                self.report.unchanged += 1;
                return Ok(());
            }
            Some(_) => {
                self.report.updated += 1;
                self.writer
                    .delete_term(Term::from_field_text(self.idx.fields.key, &doc.key));
            }
            None => self.report.added += 1,
        }
        self.writer
            .add_document(doc.doc)
            .map_err(|e| self.idx.error(format!("cannot add a document: {e}")))?;
        self.known.insert(doc.key, doc.fingerprint);
        Ok(())
    }
}

/// Ingests `paths` into the index.
///
/// Fails only when the index cannot be written; a file that cannot be read
/// or parsed is recorded in [`IngestReport::failed`] and the run goes on.
pub fn ingest(
    idx: &OmbudsIndex,
    paths: &[PathBuf],
    options: &IngestOptions,
    progress: &dyn Progress,
) -> Result<IngestReport> {
    let mut report = IngestReport::default();
    let inputs = find_inputs(paths, &mut report.failed);
    progress.start(inputs.iter().map(|(_, b)| b).sum());
    let known = idx.fingerprints()?;
    let writer = idx
        .index
        .writer(options.writer_heap_bytes.max(15 << 20))
        .map_err(|e| match e {
            tantivy::TantivyError::LockFailure(..) => {
                idx.error("another process is writing to it; wait for it to finish and try again")
            }
            e => idx.error(format!("cannot write: {e}")),
        })?;
    let mut w = Writer {
        idx,
        writer,
        known,
        report,
        decisions: 0,
    };
    let batch_size = options.batch_size.max(1);
    let mut batch: Vec<Unit> = Vec::with_capacity(batch_size);
    for (path, bytes) in inputs {
        if !is_jsonl(&path) {
            batch.push(Unit::File { path, bytes });
            if batch.len() >= batch_size {
                w.run_batch(&mut batch, progress)?;
            }
            continue;
        }
        let file = match std::fs::File::open(&path) {
            Ok(f) => f,
            Err(source) => {
                let error = Error::Read {
                    at: Location::file(Some(path.clone())),
                    source,
                };
                w.report.failed.push(Failure { path, error });
                continue;
            }
        };
        for (i, line) in std::io::BufReader::new(file).lines().enumerate() {
            match line {
                Ok(raw) if raw.trim().is_empty() => {}
                Ok(raw) => batch.push(Unit::Line {
                    path: path.clone(),
                    line: i + 1,
                    raw,
                }),
                Err(source) => {
                    let at = Location {
                        path: Some(path.clone()),
                        line: Some(i + 1),
                    };
                    let error = Error::BadRecord {
                        at,
                        detail: format!("cannot read the line: {source}"),
                    };
                    w.report.failed.push(Failure {
                        path: path.clone(),
                        error,
                    });
                    break;
                }
            }
            if batch.len() >= batch_size {
                w.run_batch(&mut batch, progress)?;
            }
        }
    }
    w.run_batch(&mut batch, progress)?;
    progress.committing();
    let Writer {
        mut writer, mut report, ..
    } = w;
    if report.added + report.updated > 0 {
        writer.commit().map_err(|e| idx.error(format!("cannot commit: {e}")))?;
    } else {
        writer
            .rollback()
            .map_err(|e| idx.error(format!("cannot roll back: {e}")))?;
    }
    writer
        .wait_merging_threads()
        .map_err(|e| idx.error(format!("merging segments failed: {e}")))?;
    report.total = idx.len()?;
    Ok(report)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn seeds() -> PathBuf {
        Path::new(env!("CARGO_MANIFEST_DIR")).join("corpus/seeds")
    }

    #[test]
    fn ok_small_batches_and_duplicates_in_one_run() {
        let dir = tempfile::tempdir().unwrap();
        let idx = OmbudsIndex::open_or_create(&dir.path().join("idx")).unwrap();
        let options = IngestOptions {
            writer_heap_bytes: 20 << 20,
            batch_size: 2,
        };
        let n = std::fs::read_dir(seeds())
            .unwrap()
            .filter(|e| e.as_ref().unwrap().path().extension().is_some_and(|x| x == "txt"))
            .count() as u64;
        // The same directory twice: the second copy of each decision is unchanged.
        let r = ingest(&idx, &[seeds(), seeds()], &options, &NoProgress).unwrap();
        assert_eq!((r.added, r.updated, r.unchanged, r.total), (n, 0, n, n));
        assert!(r.failed.is_empty(), "{:?}", r.failed);
        let r = ingest(&idx, &[seeds()], &options, &NoProgress).unwrap();
        assert_eq!((r.added, r.unchanged, r.total), (0, n, n));
    }

    #[test]
    fn err_missing_path_is_a_failure_not_an_abort() {
        let dir = tempfile::tempdir().unwrap();
        let idx = OmbudsIndex::open_or_create(&dir.path().join("idx")).unwrap();
        let r = ingest(&idx, &[dir.path().join("nope")], &IngestOptions::default(), &NoProgress).unwrap();
        assert_eq!(r.failed.len(), 1);
        assert!(r.failed[0].error.to_string().contains("nope"), "{}", r.failed[0].error);
        assert_eq!(r.total, 0);
    }

    #[test]
    fn ok_is_input() {
        for (p, want) in [
            ("a.txt", true),
            ("a.TXT", true),
            ("a.jsonl", true),
            ("a.html", true),
            ("a.HTM", true),
            ("a.json", false),
            ("a", false),
        ] {
            assert_eq!(is_input(Path::new(p)), want, "{p}");
        }
    }
}

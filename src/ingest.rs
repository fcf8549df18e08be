//! Stage `ingest`: takes paths to decision files (`.txt` decisions, saved
//! `.html` / `.htm` pages, `.jsonl` records `{"url": ..., "text": ...}` or
//! `{"url": ..., "html": ...}`, and directories holding them) and
//! returns an updated index and an [`IngestReport`] of what happened to each.
//!
//! A pipeline: the inputs are listed first (for the progress total), then a
//! pool of [`IngestOptions::threads`] workers reads and parses them (a `.jsonl`
//! file line by line) and sends the results, numbered, in batches of 16
//! through a bounded channel to the calling thread, which puts them back in
//! input order and feeds the one `IndexWriter`. A few hundred decisions are
//! in flight at most, whatever the size of the corpus: Tantivy's own queue in
//! front of its indexing threads holds up to 10,000 documents (about 300 MB
//! of decisions, filled whenever parsing runs ahead of indexing), so the
//! writer hands it at most [`IN_FLIGHT_PER_THREAD`] per indexing thread that
//! it has not indexed yet, 16 at a time, and sleeps until there is room for
//! the next 16 (not until the next one is indexed).
//!
//! A decision replaces any indexed decision with the same key (its normalised
//! reference, or its source hash when it has none). One whose fingerprint
//! (the source bytes, URL and parser version, not the path used to reach it)
//! is already in the index is counted as unchanged without being parsed.
//! The writer commits every [`IngestOptions::commit_every`] decisions written
//! and every [`IngestOptions::commit_secs`] seconds, and at the end: a run
//! that is killed or fails keeps what its last commit holds, and a rerun finds
//! those decisions unchanged. A run that changes nothing commits nothing.
//! With [`IngestOptions::prune`], decisions read from files under the given
//! directories that no longer exist are removed.

use std::collections::{BTreeMap, HashMap, HashSet};
use std::io::BufRead;
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::mpsc;
use std::time::{Duration, Instant};

use rayon::prelude::*;
use tantivy::indexer::UserOperation;
use tantivy::schema::document::Document;
use tantivy::{IndexWriter, TantivyDocument, Term};

use crate::error::{Error, Location, Result};
use crate::index::document::{fingerprint, to_document, IndexDoc};
use crate::index::schema::{Fields, OmbudsIndex};
use crate::source::SourceText;

/// How ingest runs.
#[derive(Debug, Clone, Copy)]
pub struct IngestOptions {
    /// Memory for the index writer, in bytes (at least 15 MB per indexing thread).
    pub writer_heap_bytes: usize,
    /// Threads reading and parsing files; 0 means one per core.
    pub threads: usize,
    /// Commit after this many decisions added or updated since the last
    /// commit; 0 commits only at the end (and on `commit_secs`).
    pub commit_every: u64,
    /// Commit when this many seconds have passed since the last commit and
    /// something changed; 0 turns the clock off.
    pub commit_secs: u64,
    /// Remove decisions whose source file lies under one of the directories
    /// given and no longer exists.
    pub prune: bool,
}

impl Default for IngestOptions {
    fn default() -> Self {
        IngestOptions {
            writer_heap_bytes: 256 << 20,
            threads: 0,
            commit_every: 10_000,
            commit_secs: 60,
            prune: false,
        }
    }
}

impl IngestOptions {
    /// The number of worker threads: [`IngestOptions::threads`], or the number of cores.
    pub fn worker_threads(&self) -> usize {
        match self.threads {
            0 => std::thread::available_parallelism().map_or(1, std::num::NonZero::get),
            n => n,
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
    /// Decisions removed by `prune` because their source file is gone.
    pub pruned: u64,
    /// Inputs that failed, in the order met.
    pub failed: Vec<Failure>,
    /// Commits made (periodic ones and the last).
    pub commits: u64,
    /// Decisions in the index after the run.
    pub total: u64,
}

/// A file to ingest.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Input {
    /// The path as found (the root given joined with the path under it).
    pub path: PathBuf,
    /// Its size in bytes.
    pub bytes: u64,
    /// Its absolute path, symbolic links in the root resolved: what the index
    /// records as the decision's source file.
    pub source_file: PathBuf,
}

/// Documents handed to each of Tantivy's indexing threads and not yet
/// indexed, at most: enough that they never wait for the next one (a
/// document takes them about 0.3 ms), few enough to be a few megabytes.
pub const IN_FLIGHT_PER_THREAD: usize = 64;

/// The count of documents handed to the index writer and not yet indexed.
#[derive(Default)]
struct InFlight {
    counts: std::sync::Mutex<Counts>,
    /// Signalled when the count falls to what the writer waits for.
    room: std::sync::Condvar,
}

#[derive(Default)]
struct Counts {
    /// Documents in flight.
    count: usize,
    /// While the writer waits: the count it waits for. Indexing threads wake
    /// it only then, not at every document (which cost a context switch per
    /// decision: 57,000 sleeps of the writer at 100,000 decisions).
    wake_at: Option<usize>,
}

impl InFlight {
    /// Waits until at most `most` documents are in flight. If none is
    /// indexed for a whole minute (Tantivy's indexing threads stopped on an
    /// error), stops waiting: the writer's next call then reports the error.
    fn wait_at_most(&self, most: usize) {
        let Ok(mut counts) = self.counts.lock() else { return };
        let mut idle = Duration::ZERO;
        while counts.count > most && idle < Duration::from_secs(60) {
            counts.wake_at = Some(most);
            let before = counts.count;
            let step = Duration::from_millis(500);
            counts = match self.room.wait_timeout(counts, step) {
                Ok((c, _)) => c,
                Err(_) => return,
            };
            idle = if counts.count < before {
                Duration::ZERO
            } else {
                idle + step
            };
        }
        counts.wake_at = None;
    }

    /// The documents in flight.
    #[cfg(test)]
    fn count(&self) -> usize {
        self.counts.lock().map_or(0, |c| c.count)
    }
}

/// A document on its way to the index, counted in [`InFlight`] until
/// Tantivy's indexing thread is done with it and drops it.
struct Tracked {
    doc: TantivyDocument,
    in_flight: std::sync::Arc<InFlight>,
}

impl Tracked {
    fn new(doc: TantivyDocument, in_flight: &std::sync::Arc<InFlight>) -> Tracked {
        if let Ok(mut counts) = in_flight.counts.lock() {
            counts.count += 1;
        }
        Tracked {
            doc,
            in_flight: in_flight.clone(),
        }
    }
}

impl Drop for Tracked {
    fn drop(&mut self) {
        if let Ok(mut counts) = self.in_flight.counts.lock() {
            counts.count = counts.count.saturating_sub(1);
            if counts.wake_at.is_some_and(|most| counts.count <= most) {
                self.in_flight.room.notify_one();
            }
        }
    }
}

impl Document for Tracked {
    type Value<'a> = <TantivyDocument as Document>::Value<'a>;
    type FieldsValuesIter<'a> = <TantivyDocument as Document>::FieldsValuesIter<'a>;

    fn iter_fields_and_values(&self) -> Self::FieldsValuesIter<'_> {
        self.doc.iter_fields_and_values()
    }
}

/// One piece of work for a worker.
enum Unit {
    File {
        path: PathBuf,
        source_file: String,
        bytes: u64,
    },
    Line {
        path: PathBuf,
        source_file: std::sync::Arc<str>,
        line: usize,
        raw: String,
    },
    /// The end of a `.jsonl` file.
    JsonlEnd { path: PathBuf },
    /// A `.jsonl` file that could not be opened or read.
    Failed { path: PathBuf, error: Error },
}

impl Unit {
    fn bytes(&self) -> u64 {
        match self {
            Unit::File { bytes, .. } => *bytes,
            Unit::Line { raw, .. } => raw.len() as u64 + 1,
            Unit::JsonlEnd { .. } | Unit::Failed { .. } => 0,
        }
    }
}

/// What became of a unit.
enum Outcome {
    /// A parsed decision.
    Doc(IndexDoc),
    /// Its fingerprint is in the index under this key: not parsed.
    Unchanged { key: String },
    /// It failed.
    Failed(Error),
    /// A JSONL line that is not a record at all.
    NotRecord(Error),
    /// The end of a `.jsonl` file.
    JsonlEnd,
}

/// Units done by one worker and sent to the writer together, [`BATCH`] at a
/// time and the rest when the worker ends: the writer then wakes once per
/// batch. Sent one by one, each decision woke it (and so preempted a worker):
/// two context switches per decision.
struct Batch {
    tx: mpsc::SyncSender<Vec<Done>>,
    done: Vec<Done>,
}

/// Units in a [`Batch`].
const BATCH: usize = 16;

impl Batch {
    fn push(&mut self, done: Done) {
        self.done.push(done);
        if self.done.len() >= BATCH {
            self.flush();
        }
    }

    fn flush(&mut self) {
        if !self.done.is_empty() {
            // A closed channel means the writer stopped on an error: the work is dropped.
            let _ = self.tx.send(std::mem::take(&mut self.done));
        }
    }
}

/// Each worker's copy starts empty.
impl Clone for Batch {
    fn clone(&self) -> Batch {
        Batch {
            tx: self.tx.clone(),
            done: Vec::new(),
        }
    }
}

impl Drop for Batch {
    fn drop(&mut self) {
        self.flush();
    }
}

/// A unit done, numbered in input order.
struct Done {
    seq: u64,
    bytes: u64,
    path: PathBuf,
    line: bool,
    outcome: Outcome,
}

#[derive(serde::Deserialize)]
struct JsonRecord {
    url: Option<String>,
    /// Exactly one of `text` and `html`.
    text: Option<String>,
    html: Option<String>,
}

/// Reads and parses one unit; `known` maps the fingerprints in the index to their keys.
fn parse_unit(unit: &Unit, fields: &Fields, known: &HashMap<String, String>) -> (PathBuf, Outcome) {
    let done = |src: SourceText, source_file: &str| -> Result<Outcome> {
        let print = fingerprint(&src.info);
        if let Some(key) = known.get(&print) {
            return Ok(Outcome::Unchanged { key: key.clone() });
        }
        let d = crate::parse_source(&src)?;
        Ok(Outcome::Doc(to_document(&d, Some(source_file), print, fields)))
    };
    match unit {
        Unit::File { path, source_file, .. } => {
            let outcome = SourceText::read(path, None)
                .and_then(|src| done(src, source_file))
                .unwrap_or_else(Outcome::Failed);
            (path.clone(), outcome)
        }
        Unit::Line {
            path,
            source_file,
            line,
            raw,
        } => {
            let at = Location {
                path: Some(path.clone()),
                line: Some(*line),
            };
            let record: JsonRecord = match serde_json::from_str(raw) {
                Ok(r) => r,
                Err(e) => {
                    let detail = format!("not a record {{\"url\": ..., \"text\" or \"html\": ...}}: {e}");
                    return (path.clone(), Outcome::NotRecord(Error::BadRecord { at, detail }));
                }
            };
            // The record's source path is `file.jsonl:LINE`, so `show` says where it came from.
            let pseudo = PathBuf::from(format!("{}:{line}", path.display()));
            let (url, src) = (record.url.as_deref(), Some(pseudo.as_path()));
            let src = match (&record.text, &record.html) {
                (Some(text), None) => SourceText::from_bytes(text.as_bytes(), src, url),
                (None, Some(html)) => SourceText::from_html(html, src, url),
                // A line with neither (a manifest line, say) is not a record at
                // all: a file of such lines is one error, not one per line.
                (None, None) => {
                    let detail = "not a record: it has neither \"text\" nor \"html\"".to_owned();
                    return (path.clone(), Outcome::NotRecord(Error::BadRecord { at, detail }));
                }
                (Some(_), Some(_)) => {
                    let detail = "a record needs exactly one of \"text\" and \"html\", but has both".to_owned();
                    return (path.clone(), Outcome::Failed(Error::BadRecord { at, detail }));
                }
            };
            let outcome = src
                .and_then(|src| done(src, source_file))
                .unwrap_or_else(|e| Outcome::Failed(relocate(e, at)));
            (path.clone(), outcome)
        }
        Unit::JsonlEnd { path } => (path.clone(), Outcome::JsonlEnd),
        Unit::Failed { .. } => unreachable!("a failed unit is handled before parsing"),
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

/// `path` made absolute with symbolic links resolved, or just absolute when
/// it does not exist.
fn resolve(path: &Path) -> PathBuf {
    std::fs::canonicalize(path)
        .or_else(|_| std::path::absolute(path))
        .unwrap_or_else(|_| path.to_path_buf())
}

/// Lists input files: files named directly (whatever their extension), and
/// `.txt` / `.jsonl` files under directories (hidden entries skipped), sorted.
pub fn find_inputs(paths: &[PathBuf], failed: &mut Vec<Failure>) -> Vec<Input> {
    let mut out = Vec::new();
    for root in paths {
        let resolved_root = resolve(root);
        let walker = walkdir::WalkDir::new(root).follow_links(true).sort_by_file_name();
        let walker = walker
            .into_iter()
            .filter_entry(|e| e.depth() == 0 || !e.file_name().to_str().is_some_and(|n| n.starts_with('.')));
        for entry in walker {
            match entry {
                Ok(e) if e.file_type().is_file() && (e.depth() == 0 || is_input(e.path())) => {
                    let bytes = e.metadata().map(|m| m.len()).unwrap_or(0);
                    let source_file = match e.path().strip_prefix(root) {
                        Ok(rel) if !rel.as_os_str().is_empty() => resolved_root.join(rel),
                        _ => resolved_root.clone(),
                    };
                    out.push(Input {
                        path: e.into_path(),
                        bytes,
                        source_file,
                    });
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

/// The units of a list of inputs, numbered: a `.txt` file is one, a `.jsonl`
/// file one per non-blank line and one for its end. Reads `.jsonl` files
/// lazily; stops early when `stop` is set.
struct Units<'a> {
    inputs: std::vec::IntoIter<Input>,
    jsonl: Option<Jsonl>,
    seq: u64,
    stop: &'a AtomicBool,
}

struct Jsonl {
    path: PathBuf,
    source_file: std::sync::Arc<str>,
    lines: std::io::Lines<std::io::BufReader<std::fs::File>>,
    line: usize,
    broken: bool,
}

impl Units<'_> {
    fn next_unit(&mut self) -> Option<Unit> {
        loop {
            if let Some(j) = &mut self.jsonl {
                let next = if j.broken { None } else { j.lines.next() };
                j.line += 1;
                match next {
                    Some(Ok(raw)) if raw.trim().is_empty() => continue,
                    Some(Ok(raw)) => {
                        return Some(Unit::Line {
                            path: j.path.clone(),
                            source_file: j.source_file.clone(),
                            line: j.line,
                            raw,
                        })
                    }
                    Some(Err(source)) => {
                        let at = Location {
                            path: Some(j.path.clone()),
                            line: Some(j.line),
                        };
                        let error = Error::BadRecord {
                            at,
                            detail: format!("cannot read the line: {source}"),
                        };
                        // The rest of the file is skipped; its end still closes it.
                        j.broken = true;
                        return Some(Unit::Failed {
                            path: j.path.clone(),
                            error,
                        });
                    }
                    None => {
                        let path = j.path.clone();
                        self.jsonl = None;
                        return Some(Unit::JsonlEnd { path });
                    }
                }
            }
            let input = self.inputs.next()?;
            if !is_jsonl(&input.path) {
                return Some(Unit::File {
                    source_file: input.source_file.display().to_string(),
                    path: input.path,
                    bytes: input.bytes,
                });
            }
            match std::fs::File::open(&input.path) {
                Ok(f) => {
                    self.jsonl = Some(Jsonl {
                        source_file: input.source_file.display().to_string().into(),
                        path: input.path,
                        lines: std::io::BufReader::new(f).lines(),
                        line: 0,
                        broken: false,
                    });
                }
                Err(source) => {
                    let error = Error::Read {
                        at: Location::file(Some(input.path.clone())),
                        source,
                    };
                    return Some(Unit::Failed {
                        path: input.path,
                        error,
                    });
                }
            }
        }
    }
}

impl Iterator for Units<'_> {
    type Item = (u64, Unit);

    fn next(&mut self) -> Option<(u64, Unit)> {
        if self.stop.load(Ordering::Relaxed) {
            return None;
        }
        let unit = self.next_unit()?;
        let seq = self.seq;
        self.seq += 1;
        Some((seq, unit))
    }
}

/// The bad lines of the `.jsonl` file being read, held back until it shows a record.
#[derive(Default)]
struct JsonlLines {
    /// Lines that were records (whether or not they parsed as decisions).
    records: u64,
    /// Lines that were not records, while no record has been seen.
    held: Vec<Failure>,
}

struct Writer<'a> {
    idx: &'a OmbudsIndex,
    options: &'a IngestOptions,
    writer: IndexWriter<Tracked>,
    /// Documents handed to `writer` and not indexed yet.
    in_flight: std::sync::Arc<InFlight>,
    /// The most of them at a time.
    max_in_flight: usize,
    /// Key → fingerprint of every decision in the index, and of those written.
    known: HashMap<String, String>,
    /// Keys met in this run (for `prune`).
    seen: HashSet<String>,
    jsonl: Option<JsonlLines>,
    report: IngestReport,
    decisions: u64,
    /// Changes since the last commit.
    dirty: u64,
    last_commit: Instant,
    /// Operations not yet handed to `writer`: they go in groups of
    /// [`HAND_OFF`], so that Tantivy's indexing threads are woken once a group
    /// rather than once a decision.
    queued: Vec<Queued>,
}

/// An operation waiting in [`Writer::queued`], in input order.
enum Queued {
    Delete(Term),
    Add(TantivyDocument),
}

/// Decisions handed to Tantivy's indexing threads at a time.
const HAND_OFF: usize = 16;

impl Writer<'_> {
    /// Handles the results in input order as they arrive.
    fn consume(&mut self, rx: mpsc::Receiver<Vec<Done>>, progress: &dyn Progress) -> Result<()> {
        let mut pending: BTreeMap<u64, Done> = BTreeMap::new();
        let mut next = 0;
        for done in rx.into_iter().flatten() {
            pending.insert(done.seq, done);
            while let Some(done) = pending.remove(&next) {
                next += 1;
                progress.advance(done.bytes, self.decisions);
                self.handle(done)?;
                self.maybe_commit()?;
            }
        }
        Ok(())
    }

    fn handle(&mut self, done: Done) -> Result<()> {
        let Done {
            path, line, outcome, ..
        } = done;
        if line && !matches!(outcome, Outcome::NotRecord(_)) {
            let j = self.jsonl.get_or_insert_with(JsonlLines::default);
            j.records += 1;
            self.report.failed.append(&mut j.held);
        }
        match outcome {
            Outcome::Doc(doc) => self.write(doc)?,
            Outcome::Unchanged { key } => {
                self.decisions += 1;
                self.report.unchanged += 1;
                if self.options.prune {
                    self.seen.insert(key);
                }
            }
            Outcome::Failed(error) => self.report.failed.push(Failure { path, error }),
            Outcome::NotRecord(error) => {
                let j = self.jsonl.get_or_insert_with(JsonlLines::default);
                let failure = Failure { path, error };
                if j.records > 0 {
                    self.report.failed.push(failure);
                } else {
                    j.held.push(failure);
                }
            }
            Outcome::JsonlEnd => {
                let j = self.jsonl.take().unwrap_or_default();
                if let Some(first) = j.held.first() {
                    self.report.failed.push(no_records(path, first, j.held.len()));
                }
            }
        }
        Ok(())
    }

    fn write(&mut self, doc: IndexDoc) -> Result<()> {
        let IndexDoc { key, fingerprint, doc } = doc;
        self.decisions += 1;
        if self.options.prune {
            self.seen.insert(key.clone());
        }
        match self.known.get(&key) {
            Some(f) if *f == fingerprint => {
                self.report.unchanged += 1;
                return Ok(());
            }
            Some(_) => {
                self.report.updated += 1;
                let term = Term::from_field_text(self.idx.fields.key, &key);
                self.queued.push(Queued::Delete(term));
            }
            None => self.report.added += 1,
        }
        self.queued.push(Queued::Add(doc));
        self.dirty += 1;
        self.known.insert(key, fingerprint);
        if self.queued.len() >= HAND_OFF {
            self.hand_off()?;
        }
        Ok(())
    }

    /// Hands the queued operations to Tantivy in one group, in order, once
    /// there is room for them: at most `max_in_flight` decisions waiting to
    /// be indexed, these included.
    fn hand_off(&mut self) -> Result<()> {
        if self.queued.is_empty() {
            return Ok(());
        }
        let adds = self.queued.iter().filter(|op| matches!(op, Queued::Add(_))).count();
        self.in_flight.wait_at_most(self.max_in_flight.saturating_sub(adds));
        let in_flight = &self.in_flight;
        let ops: Vec<UserOperation<Tracked>> = self
            .queued
            .drain(..)
            .map(|op| match op {
                Queued::Delete(term) => UserOperation::Delete(term),
                Queued::Add(doc) => UserOperation::Add(Tracked::new(doc, in_flight)),
            })
            .collect();
        self.writer
            .run(ops)
            .map_err(|e| self.idx.error(format!("cannot add a document: {e}")))?;
        Ok(())
    }

    fn maybe_commit(&mut self) -> Result<()> {
        if self.dirty == 0 {
            return Ok(());
        }
        let o = self.options;
        let by_count = o.commit_every > 0 && self.dirty >= o.commit_every;
        let by_time = o.commit_secs > 0 && self.last_commit.elapsed() >= Duration::from_secs(o.commit_secs);
        if by_count || by_time {
            self.commit()?;
        }
        Ok(())
    }

    fn commit(&mut self) -> Result<()> {
        self.hand_off()?;
        self.writer
            .commit()
            .map_err(|e| self.idx.error(format!("cannot commit: {e}")))?;
        self.report.commits += 1;
        self.dirty = 0;
        self.last_commit = Instant::now();
        Ok(())
    }

    /// Deletes the decisions of `under_roots` (key and source file of the
    /// decisions indexed before the run whose file lay under a root) whose
    /// file is gone and that were not met in this run.
    fn prune(&mut self, under_roots: Vec<(String, PathBuf)>) -> Result<()> {
        self.hand_off()?;
        for (key, file) in under_roots {
            if self.seen.contains(&key) || file.symlink_metadata().is_ok() {
                continue;
            }
            self.writer
                .delete_term(Term::from_field_text(self.idx.fields.key, &key));
            self.report.pruned += 1;
            self.dirty += 1;
        }
        Ok(())
    }
}

/// The one error for a `.jsonl` file none of whose lines is a record, such as
/// a manifest beside a corpus: it names the file and the first bad line.
fn no_records(path: PathBuf, first: &Failure, lines: usize) -> Failure {
    let (at, detail) = match &first.error {
        Error::BadRecord { at, detail } => (at.clone(), detail.clone()),
        other => (Location::file(Some(path.clone())), other.to_string()),
    };
    let detail = format!(
        "none of its {lines} lines is a record {{\"url\": ..., \"text\" or \"html\": ...}} (is it a \
         manifest or another kind of JSONL file? leave it out of the paths, or move it out of the \
         directory); the first: {}",
        detail
            .trim_start_matches("not a record {\"url\": ..., \"text\" or \"html\": ...}: ")
            .trim_start_matches("not a record: ")
    );
    Failure {
        path,
        error: Error::BadRecord { at, detail },
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
    progress.start(inputs.iter().map(|i| i.bytes).sum());
    // Directories that exist: a path that is gone prunes nothing (it is reported as a failure).
    let roots: Vec<PathBuf> = if options.prune {
        paths.iter().filter(|p| p.is_dir()).map(|p| resolve(p)).collect()
    } else {
        Vec::new()
    };
    // The source-file column is read only when it is needed, for `--prune`.
    let entries = idx.entries_seen_by(&idx.reader()?.searcher(), options.prune)?;
    let mut known = HashMap::with_capacity(entries.len());
    let mut prints = HashMap::with_capacity(entries.len());
    // What `--prune` may remove: the decisions already indexed from files under
    // a root (those written in this run are met, so never pruned).
    let mut under_roots = Vec::new();
    for e in entries {
        if let Some(file) = e.source_file.map(PathBuf::from) {
            if roots.iter().any(|r| file.starts_with(r)) {
                under_roots.push((e.key.clone(), file));
            }
        }
        prints.insert(e.fingerprint.clone(), e.key.clone());
        known.insert(e.key, e.fingerprint);
    }
    let threads = options.worker_threads();
    let pool = rayon::ThreadPoolBuilder::new()
        .num_threads(threads)
        .thread_name(|i| format!("ombuds-parse-{i}"))
        .build()
        .map_err(|e| idx.error(format!("cannot start {threads} threads: {e}")))?;
    // Tantivy splits the budget between its indexing threads (one per core, at
    // most 8) and needs at least 15 MB for each: a small budget on a large
    // machine gets fewer threads rather than an error.
    let heap = options.writer_heap_bytes.max(16 << 20);
    let cores = std::thread::available_parallelism().map_or(1, usize::from).min(8);
    let writer_threads = (heap / (16 << 20)).clamp(1, cores);
    let writer = idx
        .index
        .writer_with_num_threads(writer_threads, heap)
        .map_err(|e| match e {
            tantivy::TantivyError::LockFailure(..) => {
                idx.error("another process is writing to it; wait for it to finish and try again")
            }
            e => idx.error(format!("cannot write: {e}")),
        })?;
    let mut w = Writer {
        idx,
        options,
        max_in_flight: IN_FLIGHT_PER_THREAD * writer_threads,
        in_flight: std::sync::Arc::default(),
        writer,
        known,
        seen: HashSet::new(),
        jsonl: None,
        report,
        decisions: 0,
        dirty: 0,
        last_commit: Instant::now(),
        queued: Vec::with_capacity(2 * HAND_OFF),
    };
    let stop = AtomicBool::new(false);
    let fields = idx.fields;
    let (tx, rx) = mpsc::sync_channel::<Vec<Done>>(threads * 2);
    let result = std::thread::scope(|s| {
        let units = Units {
            inputs: inputs.into_iter(),
            jsonl: None,
            seq: 0,
            stop: &stop,
        };
        let prints = &prints;
        s.spawn(move || {
            pool.install(|| {
                let batch = Batch { tx, done: Vec::new() };
                units.par_bridge().for_each_with(batch, |batch, (seq, unit)| {
                    let bytes = unit.bytes();
                    let line = matches!(unit, Unit::Line { .. });
                    let (path, outcome) = match unit {
                        Unit::Failed { path, error } => (path, Outcome::Failed(error)),
                        unit => parse_unit(&unit, &fields, prints),
                    };
                    batch.push(Done {
                        seq,
                        bytes,
                        path,
                        line,
                        outcome,
                    });
                });
            });
        });
        let result = w.consume(rx, progress);
        stop.store(true, Ordering::Relaxed);
        result
    });
    result?;
    w.prune(under_roots)?;
    progress.committing();
    if w.dirty > 0 {
        w.commit()?;
    } else {
        w.writer
            .rollback()
            .map_err(|e| idx.error(format!("cannot roll back: {e}")))?;
    }
    let Writer { writer, mut report, .. } = w;
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
            threads: 2,
            commit_every: 2,
            ..IngestOptions::default()
        };
        let n = std::fs::read_dir(seeds())
            .unwrap()
            .filter(|e| e.as_ref().unwrap().path().extension().is_some_and(|x| x == "txt"))
            .count() as u64;
        // The same directory twice: the second copy of each decision is unchanged.
        let r = ingest(&idx, &[seeds(), seeds()], &options, &NoProgress).unwrap();
        assert_eq!((r.added, r.updated, r.unchanged, r.total), (n, 0, n, n));
        assert!(r.failed.is_empty(), "{:?}", r.failed);
        // A commit every 2 decisions written, and one for the rest.
        assert_eq!(r.commits, n.div_ceil(2), "{r:?}");
        let r = ingest(&idx, &[seeds()], &options, &NoProgress).unwrap();
        assert_eq!((r.added, r.unchanged, r.total, r.commits), (0, n, n, 0));
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

    fn options() -> IngestOptions {
        IngestOptions {
            writer_heap_bytes: 20 << 20,
            threads: 2,
            ..IngestOptions::default()
        }
    }

    fn seed_files() -> Vec<PathBuf> {
        let mut files: Vec<PathBuf> = std::fs::read_dir(seeds())
            .unwrap()
            .map(|e| e.unwrap().path())
            .filter(|p| p.extension().is_some_and(|x| x == "txt"))
            .collect();
        files.sort();
        files
    }

    #[test]
    fn err_jsonl_without_a_record_is_one_error_naming_the_first_line() {
        let dir = tempfile::tempdir().unwrap();
        let docs = dir.path().join("docs");
        std::fs::create_dir(&docs).unwrap();
        let text = std::fs::read_to_string(&seed_files()[0]).unwrap();
        let record = serde_json::json!({ "url": "https://example.org/1", "text": text }).to_string();
        // A manifest: JSON lines, none of them a record.
        let manifest: String = (0..500)
            .map(|i| format!("{{\"id\": {i}, \"reference\": \"x\"}}\n"))
            .collect();
        std::fs::write(docs.join("manifest.jsonl"), format!("\n{manifest}")).unwrap();
        // Some good and some bad lines: each bad line is reported.
        std::fs::write(docs.join("mixed.jsonl"), format!("not json\n{record}\n[1]\n{{}}\n")).unwrap();
        let idx = OmbudsIndex::open_or_create(&dir.path().join("idx")).unwrap();
        let r = ingest(&idx, std::slice::from_ref(&docs), &options(), &NoProgress).unwrap();
        let errors: Vec<String> = r.failed.iter().map(|f| f.error.to_string()).collect();
        assert_eq!(r.added, 1, "{errors:?}");
        assert_eq!(errors.len(), 4, "{errors:?}");
        let manifest = docs.join("manifest.jsonl").display().to_string();
        assert!(
            errors[0].starts_with(&format!("{manifest}: line 2: none of its 500 lines is a record")),
            "{}",
            errors[0]
        );
        assert!(errors[0].contains("manifest"), "{}", errors[0]);
        let mixed = docs.join("mixed.jsonl").display().to_string();
        for (e, line) in errors[1..].iter().zip([1, 3, 4]) {
            assert!(e.starts_with(&format!("{mixed}: line {line}: not a record")), "{e}");
        }
    }

    #[test]
    fn ok_prune_removes_only_gone_files_under_the_roots() {
        let dir = tempfile::tempdir().unwrap();
        let (a, b) = (dir.path().join("a"), dir.path().join("b"));
        std::fs::create_dir(&a).unwrap();
        std::fs::create_dir(&b).unwrap();
        let seeds = seed_files();
        for (i, f) in seeds.iter().enumerate() {
            let to = if i < 3 { &a } else { &b };
            std::fs::copy(f, to.join(f.file_name().unwrap())).unwrap();
        }
        let idx = OmbudsIndex::open_or_create(&dir.path().join("idx")).unwrap();
        let n = seeds.len() as u64;
        let r = ingest(&idx, &[a.clone(), b.clone()], &options(), &NoProgress).unwrap();
        assert_eq!((r.added, r.total), (n, n));
        // One file gone from each directory; a prune of `a` alone removes only a's.
        std::fs::remove_file(a.join(seeds[0].file_name().unwrap())).unwrap();
        std::fs::remove_file(b.join(seeds[3].file_name().unwrap())).unwrap();
        let prune = IngestOptions {
            prune: true,
            ..options()
        };
        let r = ingest(&idx, std::slice::from_ref(&a), &prune, &NoProgress).unwrap();
        assert_eq!((r.unchanged, r.pruned, r.total, r.commits), (2, 1, n - 1, 1), "{r:?}");
        // Without --prune nothing goes; a missing directory prunes nothing.
        let r = ingest(&idx, std::slice::from_ref(&b), &options(), &NoProgress).unwrap();
        assert_eq!((r.pruned, r.total), (0, n - 1));
        let r = ingest(&idx, &[dir.path().join("nope")], &prune, &NoProgress).unwrap();
        assert_eq!((r.pruned, r.total, r.failed.len()), (0, n - 1, 1));
        // A file moved within the root: met again under its new name, so not pruned.
        std::fs::rename(b.join(seeds[4].file_name().unwrap()), b.join("moved.txt")).unwrap();
        let r = ingest(&idx, std::slice::from_ref(&b), &prune, &NoProgress).unwrap();
        assert_eq!((r.unchanged, r.pruned, r.total), (n - 4, 1, n - 2), "{r:?}");
        let r = ingest(&idx, &[b], &prune, &NoProgress).unwrap();
        assert_eq!((r.pruned, r.commits, r.total), (0, 0, n - 2), "{r:?}");
    }

    #[test]
    fn ok_in_flight_waits_until_there_is_room() {
        let in_flight = std::sync::Arc::new(InFlight::default());
        let mut docs: Vec<Tracked> = (0..3)
            .map(|_| Tracked::new(TantivyDocument::new(), &in_flight))
            .collect();
        assert_eq!(in_flight.count(), 3);
        // Room already: no wait.
        in_flight.wait_at_most(3);
        // One indexed is not enough room for two: the writer sleeps on until
        // the second is indexed.
        let indexer = std::thread::spawn(move || {
            std::thread::sleep(Duration::from_millis(30));
            drop(docs.pop());
            std::thread::sleep(Duration::from_millis(30));
            drop(docs.pop());
            docs
        });
        in_flight.wait_at_most(1);
        assert!(in_flight.count() <= 1);
        drop(indexer.join().unwrap());
        assert_eq!(in_flight.count(), 0);
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

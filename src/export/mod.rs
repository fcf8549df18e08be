//! Stage `export`: takes an index, a query and filters and returns (writes to
//! a directory) every matching decision as five tables — [`tables::TABLES`]:
//! `decisions`, `faults`, `remedies`, `payments`, `legislation` — in JSONL,
//! CSV or Parquet, with a `provenance.json` that says which ombuds, query,
//! filters and index produced them ([`provenance`]).
//!
//! There is no cap on the number of decisions. The export streams: it walks
//! the matching decisions in key order one at a time, so its memory is the
//! same for a hundred decisions or a hundred thousand (a few bytes per indexed
//! decision for the ordering, plus one Parquet row group). Rows are in key
//! order (the normalised reference), and the provenance's time is the index's
//! last commit, so the same query on the same index gives byte-identical files.
//! Files are written under temporary names and renamed when all are complete:
//! a failed export leaves an earlier one in the directory as it was.

pub mod parquet;
pub mod provenance;
pub mod quickwit;
pub mod tables;

use std::fs::File;
use std::io::{BufWriter, Write};
use std::path::{Path, PathBuf};

use serde::Serialize;
use sha2::{Digest, Sha256};
use tantivy::query::{EnableScoring, Query};
use tantivy::{DocAddress, Searcher, TantivyDocument};

use crate::error::{Error, Location, Result};
use crate::index::query::{build_query, Filters};
use crate::index::OmbudsIndex;
use crate::Decision;
use provenance::Provenance;
use tables::{Table, Value, TABLES};

/// File formats of an export.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Format {
    /// One JSON object per line (`decisions.jsonl`, …): Quickwit's input.
    Jsonl,
    /// CSV with a header row; a list is one cell with an item per line.
    Csv,
    /// Parquet (snappy), with the provenance in the file metadata.
    Parquet,
}

impl Format {
    /// The file extension.
    pub fn extension(self) -> &'static str {
        match self {
            Format::Jsonl => "jsonl",
            Format::Csv => "csv",
            Format::Parquet => "parquet",
        }
    }
}

/// What to export.
#[derive(Debug, Clone)]
pub struct ExportRequest {
    /// The query string (as for search); `None` exports with the filters alone.
    pub query: Option<String>,
    /// Structured restrictions.
    pub filters: Filters,
    /// The file format.
    pub format: Format,
    /// The directory to write to (created if missing).
    pub out: PathBuf,
}

/// One file an export wrote.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct ExportedFile {
    /// The file name (`decisions.csv`).
    pub file: String,
    /// Its table.
    pub table: String,
    /// Data rows (without the CSV header).
    pub rows: u64,
    /// Its size in bytes.
    pub bytes: u64,
    /// SHA-256 of its bytes, lower-case hex.
    pub sha256: String,
}

/// What an export wrote.
#[derive(Debug, Clone, Serialize)]
pub struct ExportReport {
    /// Decisions exported.
    pub decisions: u64,
    /// The table files, in [`TABLES`] order.
    pub files: Vec<ExportedFile>,
    /// The provenance written to `provenance.json` (with `files` set).
    pub provenance: Provenance,
}

/// A writer that hashes and counts what passes through it.
struct Hashing<W> {
    inner: W,
    hasher: Sha256,
    bytes: u64,
}

impl<W: Write> Write for Hashing<W> {
    fn write(&mut self, buf: &[u8]) -> std::io::Result<usize> {
        let n = self.inner.write(buf)?;
        self.hasher.update(&buf[..n]);
        self.bytes += n as u64;
        Ok(n)
    }

    fn flush(&mut self) -> std::io::Result<()> {
        self.inner.flush()
    }
}

type Out = Hashing<BufWriter<File>>;

enum Sink {
    Jsonl(Out),
    Csv(Box<csv::Writer<Out>>),
    Parquet(Box<parquet::ParquetSink<Out>>),
}

fn write_error(path: &Path, e: impl std::fmt::Display) -> Error {
    Error::Write {
        at: Location::file(Some(path.to_path_buf())),
        detail: e.to_string(),
    }
}

/// A cell as CSV text: empty for null, ISO dates, a list's items one per line.
fn csv_cell(v: &Value) -> String {
    match v {
        Value::Null => String::new(),
        Value::Text(s) => s.clone(),
        Value::Int(n) => n.to_string(),
        Value::Date(d) => d.to_string(),
        Value::List(l) => l.join("\n"),
    }
}

/// A row as one JSON object, keys in column order.
fn json_line(table: &Table, row: &[Value], line: &mut String) {
    line.clear();
    line.push('{');
    for (i, (c, v)) in table.columns.iter().zip(row).enumerate() {
        if i > 0 {
            line.push(',');
        }
        line.push('"');
        line.push_str(c.name);
        line.push_str("\":");
        // Serialising strings and string lists cannot fail.
        match v {
            Value::Null => line.push_str("null"),
            Value::Text(s) => line.push_str(&serde_json::to_string(s).unwrap_or_default()),
            Value::Int(n) => line.push_str(&n.to_string()),
            Value::Date(d) => line.push_str(&format!("\"{d}\"")),
            Value::List(l) => line.push_str(&serde_json::to_string(l).unwrap_or_default()),
        }
    }
    line.push_str("}\n");
}

struct TableFile {
    table: Table,
    partial: PathBuf,
    path: PathBuf,
    sink: Sink,
    rows: u64,
    line: String,
}

impl TableFile {
    fn create(dir: &Path, table: Table, format: Format, provenance_json: &str) -> Result<TableFile> {
        let name = format!("{}.{}", table.name, format.extension());
        let path = dir.join(&name);
        let partial = dir.join(format!(".{name}.partial"));
        let file = File::create(&partial).map_err(|e| write_error(&partial, e))?;
        let out = Hashing {
            inner: BufWriter::with_capacity(1 << 20, file),
            hasher: Sha256::new(),
            bytes: 0,
        };
        let sink = match format {
            Format::Jsonl => Sink::Jsonl(out),
            Format::Csv => {
                let mut w = csv::Writer::from_writer(out);
                w.write_record(table.columns.iter().map(|c| c.name))
                    .map_err(|e| write_error(&partial, e))?;
                Sink::Csv(Box::new(w))
            }
            Format::Parquet => Sink::Parquet(Box::new(
                parquet::ParquetSink::new(out, table, provenance_json).map_err(|e| write_error(&partial, e))?,
            )),
        };
        Ok(TableFile {
            table,
            partial,
            path,
            sink,
            rows: 0,
            line: String::new(),
        })
    }

    fn push(&mut self, row: Vec<Value>) -> Result<()> {
        self.rows += 1;
        let err = |e: &dyn std::fmt::Display| write_error(&self.partial, e);
        match &mut self.sink {
            Sink::Jsonl(w) => {
                json_line(&self.table, &row, &mut self.line);
                w.write_all(self.line.as_bytes()).map_err(|e| err(&e))
            }
            Sink::Csv(w) => w.write_record(row.iter().map(csv_cell)).map_err(|e| err(&e)),
            Sink::Parquet(w) => w.push(row).map_err(|e| err(&e)),
        }
    }

    /// Flushes and closes the file; returns what was written (still under the temporary name).
    fn finish(self) -> Result<(ExportedFile, PathBuf, PathBuf)> {
        let err = |e: &dyn std::fmt::Display| write_error(&self.partial, e);
        let mut out = match self.sink {
            Sink::Jsonl(w) => w,
            Sink::Csv(w) => w.into_inner().map_err(|e| err(&e.error().to_string()))?,
            Sink::Parquet(w) => w.finish().map_err(|e| err(&e))?,
        };
        out.flush().map_err(|e| err(&e))?;
        let file = ExportedFile {
            file: self
                .path
                .file_name()
                .map(|n| n.to_string_lossy().into_owned())
                .unwrap_or_default(),
            table: self.table.name.to_owned(),
            rows: self.rows,
            bytes: out.bytes,
            sha256: format!("{:x}", out.hasher.finalize()),
        };
        Ok((file, self.partial, self.path))
    }
}

/// Calls `each` with every live document matching `query`, in key order.
///
/// Per segment, the key column's term ordinals are in key order, so a vector
/// from ordinal to document (4 bytes per indexed decision) lists that
/// segment's matches sorted; the segments are then merged by key.
pub fn for_each_in_key_order(
    idx: &OmbudsIndex,
    searcher: &Searcher,
    query: &dyn Query,
    mut each: impl FnMut(DocAddress) -> Result<()>,
) -> Result<u64> {
    const NONE: u32 = u32::MAX;
    let weight = query
        .weight(EnableScoring::disabled_from_searcher(searcher))
        .map_err(|e| idx.damaged("search failed", e))?;
    /// Matches are read in batches of this many keys: one pass over the key
    /// dictionary's blocks per batch, where a lookup per document costs a block decode.
    const BATCH: usize = 4096;
    struct Cursor {
        segment: u32,
        column: tantivy::columnar::StrColumn,
        doc_by_ord: Vec<u32>,
        /// The next ordinal not yet batched.
        ord: usize,
        /// Keys and documents of the current batch, in key order.
        batch: std::collections::VecDeque<(String, u32)>,
    }
    let mut cursors = Vec::new();
    for (segment, reader) in searcher.segment_readers().iter().enumerate() {
        let column = reader
            .fast_fields()
            .str("key")
            .map_err(|e| idx.damaged("cannot read fast fields", e))?;
        let Some(column) = column else { continue };
        let mut doc_by_ord = vec![NONE; column.num_terms()];
        weight
            .for_each_no_score(reader, &mut |docs| {
                for &doc in docs {
                    if reader.is_deleted(doc) {
                        continue;
                    }
                    if let Some(slot) = column
                        .term_ords(doc)
                        .next()
                        .and_then(|o| doc_by_ord.get_mut(o as usize))
                    {
                        *slot = doc;
                    }
                }
            })
            .map_err(|e| idx.damaged("search failed", e))?;
        cursors.push(Cursor {
            segment: u32::try_from(segment).unwrap_or(u32::MAX),
            column,
            doc_by_ord,
            ord: 0,
            batch: std::collections::VecDeque::new(),
        });
    }
    // Refills a cursor's batch when it is empty; false when the segment has no match left.
    let refill = |c: &mut Cursor| -> Result<bool> {
        if !c.batch.is_empty() {
            return Ok(true);
        }
        let mut ords = Vec::with_capacity(BATCH);
        while c.ord < c.doc_by_ord.len() && ords.len() < BATCH {
            if c.doc_by_ord[c.ord] != NONE {
                ords.push(c.ord as u64);
            }
            c.ord += 1;
        }
        if ords.is_empty() {
            return Ok(false);
        }
        let mut keys = Vec::with_capacity(ords.len());
        c.column
            .dictionary()
            .sorted_ords_to_term_cb(&ords, |k| keys.push(String::from_utf8_lossy(k).into_owned()))
            .map_err(|e| idx.damaged("cannot read fast fields", e))?;
        for (k, o) in keys.into_iter().zip(ords) {
            c.batch.push_back((k, c.doc_by_ord[o as usize]));
        }
        Ok(!c.batch.is_empty())
    };
    let mut live = Vec::new();
    for mut c in cursors {
        if refill(&mut c)? {
            live.push(c);
        }
    }
    let mut count = 0u64;
    while !live.is_empty() {
        // Few segments: a linear scan for the smallest key beats a heap.
        let mut best = 0;
        for i in 1..live.len() {
            if live[i].batch.front().map(|b| &b.0) < live[best].batch.front().map(|b| &b.0) {
                best = i;
            }
        }
        let c = &mut live[best];
        if let Some((_, doc)) = c.batch.pop_front() {
            each(DocAddress::new(c.segment, doc))?;
            count += 1;
        }
        if !refill(c)? {
            live.swap_remove(best);
        }
    }
    Ok(count)
}

/// Exports the decisions matching `req` into `req.out`.
pub fn export(idx: &OmbudsIndex, req: &ExportRequest) -> Result<ExportReport> {
    let dir = &req.out;
    std::fs::create_dir_all(dir).map_err(|e| write_error(dir, e))?;
    let query = build_query(idx, req.query.as_deref(), &req.filters)?;
    let searcher = idx.reader()?.searcher();
    let mut provenance = Provenance::new(idx, &searcher, "export", req.query.as_deref(), &req.filters)?;
    provenance
        .parameters
        .insert("format".into(), serde_json::json!(req.format));
    let embedded = serde_json::to_string(&provenance).map_err(|e| write_error(dir, e))?;
    let mut files = TABLES
        .iter()
        .map(|t| TableFile::create(dir, *t, req.format, &embedded))
        .collect::<Result<Vec<_>>>()?;
    let result = for_each_in_key_order(idx, &searcher, &*query, |addr| {
        let doc: TantivyDocument = searcher
            .doc(addr)
            .map_err(|e| idx.damaged("cannot read a document", e))?;
        let (decision, hash) = stored_record(idx, &doc)?;
        for f in &mut files {
            for row in tables::rows(&f.table, &decision, &hash) {
                f.push(row)?;
            }
        }
        Ok(())
    });
    let decisions = match result {
        Ok(n) => n,
        Err(e) => {
            for f in &files {
                let _ = std::fs::remove_file(&f.partial);
            }
            return Err(e);
        }
    };
    let mut written = Vec::new();
    let mut renames = Vec::new();
    for f in files {
        let (file, partial, path) = f.finish()?;
        written.push(file);
        renames.push((partial, path));
    }
    provenance.decisions = Some(decisions);
    provenance.files.clone_from(&written);
    let mut json = serde_json::to_string_pretty(&provenance).map_err(|e| write_error(dir, e))?;
    json.push('\n');
    let prov_path = dir.join("provenance.json");
    let prov_partial = dir.join(".provenance.json.partial");
    std::fs::write(&prov_partial, json).map_err(|e| write_error(&prov_partial, e))?;
    renames.push((prov_partial, prov_path));
    for (from, to) in renames {
        std::fs::rename(&from, &to).map_err(|e| write_error(&to, e))?;
    }
    Ok(ExportReport {
        decisions,
        files: written,
        provenance,
    })
}

/// A stored record and the SHA-256 of its JSON (the index's fingerprint of it).
fn stored_record(idx: &OmbudsIndex, doc: &TantivyDocument) -> Result<(Decision, String)> {
    use tantivy::schema::Value as _;
    let json = doc
        .get_first(idx.fields.record)
        .and_then(|v| v.as_str())
        .unwrap_or_default();
    let decision = serde_json::from_str(json).map_err(|e| {
        idx.error(format!(
            "a stored record is unreadable ({e}); rebuild the index with `ombuds ingest`"
        ))
    })?;
    Ok((decision, crate::source::sha256_hex(json.as_bytes())))
}

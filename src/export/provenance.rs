//! Provenance: takes an index, the command and its query and filters and
//! returns a [`Provenance`] record that every export and every `--format
//! json` output carries: the ombuds version, the query and filters, the
//! index's fingerprint, and the time.
//!
//! The time is that of the index's last commit (the modification time of its
//! `meta.json`, which only a commit rewrites), not the wall clock: the same
//! query on the same index then gives the same bytes, and the time still says
//! how fresh the data were. The fingerprint is a SHA-256 over the sorted
//! (key, decision fingerprint) pairs of every indexed decision, where a
//! decision's fingerprint hashes its source bytes, URL and parser version
//! ([`crate::index::document::fingerprint`]): two indexes with the same
//! decisions parsed by the same parser have the same fingerprint however, and
//! by whatever paths, they were built, and an index that gained, lost or
//! re-parsed a decision has another.

use std::collections::BTreeMap;

use serde::Serialize;
use sha2::{Digest, Sha256};
use tantivy::Searcher;

use super::ExportedFile;
use crate::error::Result;
use crate::index::query::Filters;
use crate::index::schema::SCHEMA_VERSION;
use crate::index::OmbudsIndex;

/// What produced an output.
#[derive(Debug, Clone, Serialize)]
pub struct Provenance {
    /// The ombuds version (`0.1.0`).
    pub ombuds_version: &'static str,
    /// The command (`search`, `stats`, `similar`, `export`).
    pub command: String,
    /// The query string, if any.
    pub query: Option<String>,
    /// The filters, every one (unset ones as `null` or empty).
    pub filters: Filters,
    /// The command's other arguments (`by`, `reference`, `sort`, `limit`, `format`, …).
    pub parameters: BTreeMap<String, serde_json::Value>,
    /// The index the output came from.
    pub index: IndexFingerprint,
    /// When the data were fixed: the index's last commit, RFC 3339, UTC.
    pub time: String,
    /// What `time` is: always `index last commit`.
    pub time_basis: &'static str,
    /// Decisions exported (export only).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub decisions: Option<u64>,
    /// The files written, with their rows and hashes (export only).
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub files: Vec<ExportedFile>,
}

/// What identifies the contents of an index.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct IndexFingerprint {
    /// The index schema version (`schema/index-schema.json`).
    pub schema_version: u32,
    /// Decisions in the index.
    pub documents: u64,
    /// `sha256:` and the SHA-256 of the lines `key<TAB>fingerprint<LF>` of
    /// every decision, sorted by key.
    pub fingerprint: String,
    /// The index's last commit, RFC 3339, UTC, to the second.
    pub committed_at: String,
}

/// The fingerprint of the index as `searcher` sees it.
pub fn fingerprint(idx: &OmbudsIndex, searcher: &Searcher) -> Result<IndexFingerprint> {
    let mut pairs: Vec<(String, String)> = idx
        .entries_seen_by(searcher, false)?
        .into_iter()
        .map(|e| (e.key, e.fingerprint))
        .collect();
    pairs.sort_unstable();
    let mut h = Sha256::new();
    for (k, p) in &pairs {
        h.update(k.as_bytes());
        h.update(b"\t");
        h.update(p.as_bytes());
        h.update(b"\n");
    }
    let meta = idx.path.join("meta.json");
    let modified = std::fs::metadata(&meta).and_then(|m| m.modified()).map_err(|e| {
        idx.error(format!(
            "cannot read the time of the last commit from {}: {e}",
            meta.display()
        ))
    })?;
    let committed = jiff::Timestamp::try_from(modified)
        .ok()
        .and_then(|t| jiff::Timestamp::from_second(t.as_second()).ok())
        .map(|t| t.to_string())
        .unwrap_or_default();
    Ok(IndexFingerprint {
        schema_version: SCHEMA_VERSION,
        documents: searcher.num_docs(),
        fingerprint: format!("sha256:{:x}", h.finalize()),
        committed_at: committed,
    })
}

impl Provenance {
    /// The provenance of `command` run with `query` and `filters` on the index `searcher` reads.
    pub fn new(
        idx: &OmbudsIndex,
        searcher: &Searcher,
        command: &str,
        query: Option<&str>,
        filters: &Filters,
    ) -> Result<Provenance> {
        let index = fingerprint(idx, searcher)?;
        Ok(Provenance {
            ombuds_version: env!("CARGO_PKG_VERSION"),
            command: command.to_owned(),
            query: query.map(str::to_owned),
            filters: filters.clone(),
            parameters: BTreeMap::new(),
            time: index.committed_at.clone(),
            index,
            time_basis: "index last commit",
            decisions: None,
            files: Vec::new(),
        })
    }

    /// Adds a command argument.
    pub fn with(mut self, name: &str, value: impl Serialize) -> Provenance {
        self.parameters
            .insert(name.to_owned(), serde_json::to_value(value).unwrap_or_default());
        self
    }
}

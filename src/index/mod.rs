//! Stage `index`: takes [`Decision`] records and returns a Tantivy index;
//! takes a query and filters and returns hits, a total and facet counts.
//!
//! [`schema`] opens or creates the index, reading its files through
//! [`directory`] when writing; [`document`] turns a decision into
//! a document; [`query`] builds queries and collects counts; [`hit`] turns a
//! match into a [`Hit`] with a snippet; [`similar`] finds the decisions most
//! like one; [`stem`] is the text analyzer of prose (tokens, lower case, memoised English stems).

pub mod directory;
pub mod document;
pub mod hit;
pub mod query;
pub mod schema;
pub mod similar;
pub mod stem;

use std::collections::BTreeMap;

use rayon::prelude::*;
use serde::Serialize;
use tantivy::query::TermQuery;
use tantivy::schema::{IndexRecordOption, Value};
use tantivy::{IndexReader, ReloadPolicy, TantivyDocument, Term};

use crate::error::Result;
use crate::Decision;
pub use hit::Hit;
pub use query::{Dimension, Filters, SortBy, Tally};
pub use schema::OmbudsIndex;

/// A search: a query string (Tantivy syntax), filters, order and page.
#[derive(Debug, Clone, Default)]
pub struct SearchRequest {
    /// The query string; `None` searches with the filters alone.
    pub query: Option<String>,
    /// Structured restrictions.
    pub filters: Filters,
    /// The order of hits.
    pub sort: SortBy,
    /// Reverse the order (oldest first, smallest payment first).
    pub reverse: bool,
    /// Hits to return (capped at [`query::MAX_LIMIT`]).
    pub limit: usize,
    /// Hits to skip (capped at [`query::MAX_OFFSET`]).
    pub offset: usize,
    /// Count matches per category, subcategory, outcome, year, organisation and remedy kind.
    pub facets: bool,
}

/// Counts of matches per value, for each facet.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize)]
pub struct Facets {
    /// Per category (`Housing`).
    pub category: BTreeMap<String, u64>,
    /// Per `Category > Subcategory`.
    pub subcategory: BTreeMap<String, u64>,
    /// Per outcome.
    pub outcome: BTreeMap<String, u64>,
    /// Per year.
    pub year: BTreeMap<String, u64>,
    /// Per organisation.
    pub organisation: BTreeMap<String, u64>,
    /// Per remedy kind (`apology`): a decision counts in each of its kinds.
    pub remedy: BTreeMap<String, u64>,
}

/// What the index knows about one decision without reading its record.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Entry {
    /// The upsert key ([`document::decision_key`]).
    pub key: String,
    /// The fingerprint ([`document::fingerprint`]).
    pub fingerprint: String,
    /// The absolute path of its source file, if recorded.
    pub source_file: Option<String>,
}

/// Every term of a string column's dictionary, by ordinal: one sequential
/// pass over the dictionary, where a lookup per document costs a block decode.
fn all_terms(column: &tantivy::columnar::StrColumn) -> std::io::Result<Vec<String>> {
    let mut out = Vec::with_capacity(column.num_terms());
    let mut stream = column.dictionary().stream()?;
    while stream.advance() {
        out.push(String::from_utf8_lossy(stream.key()).into_owned());
    }
    Ok(out)
}

/// What a search returns.
#[derive(Debug, Clone, Serialize)]
pub struct SearchResult {
    /// How many decisions match.
    pub total: usize,
    /// The requested page of them.
    pub hits: Vec<Hit>,
    /// Counts per facet, when asked for.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub facets: Option<Facets>,
}

/// When and how big `meta.json` was: it changes with every commit.
pub(crate) type MetaStamp = (std::time::SystemTime, u64);

impl OmbudsIndex {
    /// A reader of the latest commit. The reader is kept while `meta.json`
    /// (which every commit rewrites) keeps its modification time and size:
    /// opening one reads every segment's files, about 1.7 ms a search at
    /// 100,000 decisions (BENCHMARKS.md).
    pub fn reader(&self) -> Result<IndexReader> {
        let stamp = std::fs::metadata(self.path.join("meta.json"))
            .and_then(|m| Ok((m.modified()?, m.len())))
            .ok();
        if let (Some(stamp), Ok(last)) = (stamp, self.last_reader.lock()) {
            if let Some((s, r)) = &*last {
                if *s == stamp {
                    return Ok(r.clone());
                }
            }
        }
        let reader: IndexReader = self
            .index
            .reader_builder()
            .reload_policy(ReloadPolicy::Manual)
            .try_into()
            .map_err(|e| self.damaged("cannot read", e))?;
        if let (Some(stamp), Ok(mut last)) = (stamp, self.last_reader.lock()) {
            *last = Some((stamp, reader.clone()));
        }
        Ok(reader)
    }

    fn record(&self, doc: &TantivyDocument) -> Result<Decision> {
        let json = doc
            .get_first(self.fields.record)
            .and_then(|v| v.as_str())
            .unwrap_or_default();
        serde_json::from_str(json).map_err(|e| {
            self.error(format!(
                "a stored record is unreadable ({e}); rebuild the index with `ombuds ingest`"
            ))
        })
    }

    /// An error reading the index, which only a damaged index gives: says how to rebuild it.
    pub(crate) fn damaged(&self, what: &str, e: impl std::fmt::Display) -> crate::Error {
        self.error(format!(
            "{what}: {e}; the index looks damaged; {}",
            schema::rebuild_hint(&self.path)
        ))
    }

    /// Runs a search.
    pub fn search(&self, req: &SearchRequest) -> Result<SearchResult> {
        let query = query::build_query(self, req.query.as_deref(), &req.filters)?;
        let searcher = self.reader()?.searcher();
        let dims = if req.facets {
            Dimension::FACETS.to_vec()
        } else {
            Vec::new()
        };
        let collected = query::collect(
            self,
            &searcher,
            &*query,
            Some((req.sort, req.reverse, req.limit, req.offset)),
            dims,
            false,
        )?;
        let generator = match &req.query {
            Some(q) if !q.trim().is_empty() => {
                let analyzer = self
                    .index
                    .tokenizer_for_field(self.fields.body)
                    .map_err(|e| self.error(format!("cannot make snippets: {e}")))?;
                let fields = [self.fields.summary, self.fields.body];
                let g = hit::snippet_generator(&searcher, &*query, &fields, analyzer)
                    .map_err(|e| self.error(format!("cannot make snippets: {e}")))?;
                Some(g)
            }
            _ => None,
        };
        // Reading records and cutting snippets is most of the cost of a long page: in parallel.
        let hits = collected
            .top
            .into_par_iter()
            .map(|((_, score), addr)| {
                let doc: TantivyDocument = searcher
                    .doc(addr)
                    .map_err(|e| self.damaged("cannot read a document", e))?;
                Ok(hit::make_hit(self.record(&doc)?, score, generator.as_ref()))
            })
            .collect::<Result<Vec<Hit>>>()?;
        let facets = req.facets.then(|| {
            let mut facets = Facets::default();
            for (dim, groups) in collected.groups {
                let map = match dim {
                    Dimension::Category => &mut facets.category,
                    Dimension::Subcategory => &mut facets.subcategory,
                    Dimension::Outcome => &mut facets.outcome,
                    Dimension::Year => &mut facets.year,
                    Dimension::Organisation => &mut facets.organisation,
                    Dimension::Remedy => &mut facets.remedy,
                    // Not among the facets a search counts (`Dimension::FACETS`).
                    Dimension::OrganisationKind => continue,
                };
                for (k, t) in groups {
                    if let Some(k) = k {
                        *map.entry(k).or_default() += t.count;
                    }
                }
            }
            facets
        });
        Ok(SearchResult {
            total: collected.total,
            hits,
            facets,
        })
    }

    /// Counts per group of `dimension` of the decisions matching `query` and `filters`.
    pub fn group(
        &self,
        query: Option<&str>,
        filters: &Filters,
        dimension: Dimension,
    ) -> Result<(usize, query::Groups)> {
        let q = query::build_query(self, query, filters)?;
        let searcher = self.reader()?.searcher();
        let mut c = query::collect(self, &searcher, &*q, None, vec![dimension], true)?;
        Ok((c.total, c.groups.pop().map(|(_, g)| g).unwrap_or_default()))
    }

    /// The decision with this reference (any spacing or case), if indexed.
    /// A key `sha256:<hex>` finds an unreferenced decision.
    pub fn get(&self, reference: &str) -> Result<Option<Decision>> {
        let key = if reference.starts_with("sha256:") {
            reference.to_owned()
        } else {
            document::normalise_reference(reference)
        };
        let searcher = self.reader()?.searcher();
        let q = TermQuery::new(Term::from_field_text(self.fields.key, &key), IndexRecordOption::Basic);
        let top = searcher
            .search(&q, &tantivy::collector::TopDocs::with_limit(1).order_by_score())
            .map_err(|e| self.damaged("search failed", e))?;
        match top.first() {
            Some((_, addr)) => {
                let doc: TantivyDocument = searcher
                    .doc(*addr)
                    .map_err(|e| self.damaged("cannot read a document", e))?;
                Ok(Some(self.record(&doc)?))
            }
            None => Ok(None),
        }
    }

    /// Key, fingerprint and source file of every live document as `searcher`
    /// sees the index, from the fast-field dictionaries (one sequential pass
    /// per segment and column). Without `source_files`, the source-file
    /// column is not read and every `source_file` is `None`.
    pub fn entries_seen_by(&self, searcher: &tantivy::Searcher, source_files: bool) -> Result<Vec<Entry>> {
        let mut out = Vec::with_capacity(usize::try_from(searcher.num_docs()).unwrap_or(0));
        let err = |e: tantivy::TantivyError| self.damaged("cannot read fast fields", e);
        let io = |e: std::io::Error| self.damaged("cannot read fast fields", e);
        for seg in searcher.segment_readers() {
            let ff = seg.fast_fields();
            let (Some(keys), Some(prints)) = (ff.str("key").map_err(err)?, ff.str("fingerprint").map_err(err)?) else {
                continue;
            };
            let files = if source_files {
                ff.str("source_file").map_err(err)?
            } else {
                None
            };
            let key_terms = all_terms(&keys).map_err(io)?;
            let print_terms = all_terms(&prints).map_err(io)?;
            let file_terms = match &files {
                Some(f) => all_terms(f).map_err(io)?,
                None => Vec::new(),
            };
            for doc in seg.doc_ids_alive() {
                let (Some(ko), Some(po)) = (keys.term_ords(doc).next(), prints.term_ords(doc).next()) else {
                    continue;
                };
                let file = files
                    .as_ref()
                    .and_then(|f| f.term_ords(doc).next())
                    .and_then(|o| file_terms.get(usize::try_from(o).ok()?))
                    .cloned();
                let (Some(key), Some(fingerprint)) = (
                    key_terms.get(usize::try_from(ko).unwrap_or(usize::MAX)),
                    print_terms.get(usize::try_from(po).unwrap_or(usize::MAX)),
                ) else {
                    continue;
                };
                out.push(Entry {
                    key: key.clone(),
                    fingerprint: fingerprint.clone(),
                    source_file: file,
                });
            }
        }
        Ok(out)
    }

    /// Number of decisions in the index.
    pub fn len(&self) -> Result<u64> {
        Ok(self.reader()?.searcher().num_docs())
    }

    /// Whether the index holds no decisions.
    pub fn is_empty(&self) -> Result<bool> {
        Ok(self.len()? == 0)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::ingest::{ingest, IngestOptions, NoProgress};
    use crate::RemedyKind;

    #[test]
    fn ok_remedy_facet_equals_a_search_per_kind() {
        let dir = tempfile::tempdir().unwrap();
        let idx = OmbudsIndex::open_or_create(&dir.path().join("idx")).unwrap();
        let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR"));
        let corpus = [root.join("corpus/seeds"), root.join("corpus/excerpts")];
        ingest(&idx, &corpus, &IngestOptions::default(), &NoProgress).unwrap();
        let mut seen = 0;
        for q in [
            None,
            Some("council"),
            Some("fault"),
            Some("\"child protection\""),
            Some("nothingmatchesthis"),
        ] {
            let req = SearchRequest {
                query: q.map(str::to_owned),
                facets: true,
                ..SearchRequest::default()
            };
            let facets = idx.search(&req).unwrap().facets.unwrap();
            for kind in RemedyKind::ALL {
                let mut one = req.clone();
                one.filters.remedies.push(kind);
                one.facets = false;
                let want = idx.search(&one).unwrap().total as u64;
                let got = facets.remedy.get(kind.as_str()).copied().unwrap_or(0);
                assert_eq!(got, want, "{q:?} {kind:?}");
                seen += want;
            }
            assert!(
                facets.remedy.values().all(|&n| n > 0),
                "kinds with no match are left out"
            );
        }
        assert!(seen > 20, "{seen}");
    }
}

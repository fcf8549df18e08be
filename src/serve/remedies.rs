//! Remedy-kind counts: takes a query over the index and returns how many of
//! its matching decisions have each kind of remedy, in the same single pass
//! over the matches (the facet the index's own counts do not include yet).
//!
//! Remedy kinds are indexed as terms, not fast columns, so each segment's
//! posting list of every kind is walked forward beside the matches (both in
//! document order): a few comparisons per matching decision.

use std::collections::BTreeMap;

use tantivy::collector::{Collector, SegmentCollector};
use tantivy::postings::SegmentPostings;
use tantivy::query::Query;
use tantivy::schema::{Field, IndexRecordOption};
use tantivy::{DocId, DocSet, Score, SegmentReader, Term};

use crate::index::{OmbudsIndex, SearchRequest};
use crate::RemedyKind;

const KINDS: usize = RemedyKind::ALL.len();

/// Counts matches per remedy kind.
struct RemedyCollector {
    field: Field,
}

/// One segment's part of [`RemedyCollector`].
struct RemedySegment {
    postings: Vec<(usize, SegmentPostings)>,
    counts: [u64; KINDS],
}

impl Collector for RemedyCollector {
    type Fruit = [u64; KINDS];
    type Child = RemedySegment;

    fn for_segment(&self, _: u32, seg: &SegmentReader) -> tantivy::Result<RemedySegment> {
        let inverted = seg.inverted_index(self.field)?;
        let mut postings = Vec::new();
        for (i, kind) in RemedyKind::ALL.iter().enumerate() {
            let term = Term::from_field_text(self.field, kind.as_str());
            if let Some(p) = inverted.read_postings(&term, IndexRecordOption::Basic)? {
                postings.push((i, p));
            }
        }
        Ok(RemedySegment {
            postings,
            counts: [0; KINDS],
        })
    }

    fn requires_scoring(&self) -> bool {
        false
    }

    fn merge_fruits(&self, fruits: Vec<[u64; KINDS]>) -> tantivy::Result<[u64; KINDS]> {
        let mut out = [0; KINDS];
        for f in fruits {
            for (o, n) in out.iter_mut().zip(f) {
                *o += n;
            }
        }
        Ok(out)
    }
}

impl SegmentCollector for RemedySegment {
    type Fruit = [u64; KINDS];

    fn collect(&mut self, doc: DocId, _: Score) {
        for (i, p) in &mut self.postings {
            // Matches arrive in increasing order, so each list only moves forward.
            if p.doc() < doc {
                p.seek(doc);
            }
            if p.doc() == doc {
                self.counts[*i] += 1;
            }
        }
    }

    fn harvest(self) -> [u64; KINDS] {
        self.counts
    }
}

/// How many decisions matching `query` have each remedy kind (kinds with none left out).
pub fn counts(idx: &OmbudsIndex, query: &dyn Query) -> crate::Result<BTreeMap<RemedyKind, u64>> {
    let searcher = idx.reader()?.searcher();
    let counts = searcher
        .search(
            query,
            &RemedyCollector {
                field: idx.fields.remedy,
            },
        )
        .map_err(|e| idx.error(format!("cannot count remedy kinds: {e}")))?;
    Ok(RemedyKind::ALL
        .into_iter()
        .zip(counts)
        .filter(|(_, n)| *n > 0)
        .collect())
}

/// The remedy-kind counts of a search request's query and filters.
pub fn of_request(idx: &OmbudsIndex, req: &SearchRequest) -> crate::Result<BTreeMap<RemedyKind, u64>> {
    let query = crate::index::query::build_query(idx, req.query.as_deref(), &req.filters)?;
    counts(idx, &*query)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::ingest::{ingest, IngestOptions, NoProgress};

    #[test]
    fn ok_counts_equal_a_search_per_kind() {
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
                ..SearchRequest::default()
            };
            let got = of_request(&idx, &req).unwrap();
            for kind in RemedyKind::ALL {
                let mut one = req.clone();
                one.filters.remedies.push(kind);
                let want = idx.search(&one).unwrap().total as u64;
                assert_eq!(got.get(&kind).copied().unwrap_or(0), want, "{q:?} {kind:?}");
                seen += want;
            }
        }
        assert!(seen > 20, "{seen}");
    }
}

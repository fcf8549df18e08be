//! Similar decisions: takes a reference and filters and returns the indexed
//! decisions most like that one, best first, each with the distinctive words
//! it shares with it (the "why").
//!
//! The method is "more like this" as in Lucene and Tantivy's
//! `MoreLikeThisQuery`: the reference decision's words are weighed by how
//! often it uses them and how rare they are in the index (BM25's inverse
//! document frequency), the most distinctive become one query, and BM25 ranks
//! the other decisions by it. It differs from Tantivy's query in three ways
//! the measurements in BENCHMARKS.md ("Similar decisions and exports") back:
//! the words come from the record (summary and body) rather than stored
//! fields, which the index does not keep; the summary's words count double,
//! since the summary says in two lines what the decision is about; and the
//! chosen words are returned, so each hit can say which of them it shares.

use std::collections::{BTreeSet, HashMap};

use rayon::prelude::*;
use serde::Serialize;
use tantivy::query::{BooleanQuery, BoostQuery, Occur, Query, TermQuery};
use tantivy::schema::{Field, IndexRecordOption};
use tantivy::{Searcher, TantivyDocument, Term};

use crate::error::Result;
use crate::index::document::{body_text, decision_key};
use crate::index::hit::{self, Hit};
use crate::index::query::{self, Filters, SortBy};
use crate::index::OmbudsIndex;
use crate::Decision;

/// Most words in the query.
pub const MAX_QUERY_TERMS: usize = 25;
/// Shortest word used, in bytes (drops `mr`, `x`, paragraph letters).
pub const MIN_WORD_LEN: usize = 3;
/// Words in more than this share of decisions say nothing distinctive
/// (`council`, `complaint`, `decision`).
pub const MAX_DOC_SHARE: f64 = 0.5;
/// Words that say nothing about what a decision is about: the titles of the
/// complainants' pseudonyms (`Miss B`, `Mr and Mrs X`), which every decision has.
pub const STOP_WORDS: &[&str] = &["mr", "mrs", "miss", "ms", "mx", "dr"];
/// Shared words listed as a hit's "why".
pub const WHY_WORDS: usize = 6;
/// How much more a word of the summary counts than one of the body.
pub const SUMMARY_WEIGHT: f32 = 2.0;

/// A request for decisions like one.
#[derive(Debug, Clone, Default)]
pub struct SimilarRequest {
    /// The reference (any spacing or case) or `sha256:<hex>` key.
    pub reference: String,
    /// Restrictions on the decisions returned.
    pub filters: Filters,
    /// Hits to return (capped at [`query::MAX_LIMIT`]).
    pub limit: usize,
    /// How to choose the words of the query.
    pub method: Method,
}

/// How to build the query from the reference decision.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub enum Method {
    /// ombuds' own: summary words count double; the chosen words are kept for the "why".
    #[default]
    Distinctive,
    /// Tantivy's `MoreLikeThisQuery` over the summary and body, with the same
    /// limits (no "why": Tantivy does not say which words it chose). Kept to
    /// measure the default against.
    TantivyMoreLikeThis,
}

/// One similar decision.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct SimilarHit {
    /// The decision, as a search hit; the snippet shows the shared words.
    #[serde(flatten)]
    pub hit: Hit,
    /// The distinctive words of the reference decision this one shares, most distinctive first.
    pub why: Vec<String>,
}

/// What a similar-decisions search returns.
#[derive(Debug, Clone, Serialize)]
pub struct SimilarResult {
    /// The reference as printed in the decision asked about.
    pub reference: Option<String>,
    /// The distinctive words the query was built from, most distinctive first.
    pub terms: Vec<String>,
    /// Decisions (other than this one, within the filters) sharing at least one of them.
    pub total: usize,
    /// The most similar, best first.
    pub hits: Vec<SimilarHit>,
}

/// A word of the query: its stem (the indexed term), the word as the
/// decision most often writes it, and its weight.
#[derive(Debug, Clone)]
struct Word {
    stem: String,
    shown: String,
    weight: f32,
}

/// Stems of `text` under the index's analyzer, each with the surface forms it came from.
fn stems(
    idx: &OmbudsIndex,
    field: Field,
    text: &str,
    into: &mut HashMap<String, (f32, HashMap<String, u32>)>,
    weight: f32,
) -> Result<()> {
    let mut analyzer = idx.index.tokenizer_for_field(field).map_err(|e| idx.error(e))?;
    let mut stream = analyzer.token_stream(text);
    stream.process(&mut |t| {
        if t.text.len() < MIN_WORD_LEN
            || t.text.bytes().all(|b| b.is_ascii_digit())
            || STOP_WORDS.contains(&t.text.as_str())
        {
            return;
        }
        let e = into.entry(t.text.clone()).or_default();
        e.0 += weight;
        if let Some(surface) = text.get(t.offset_from..t.offset_to) {
            *e.1.entry(surface.to_lowercase()).or_default() += 1;
        }
    });
    Ok(())
}

/// The set of stems of a decision's summary and body.
fn stem_set(idx: &OmbudsIndex, d: &Decision) -> Result<BTreeSet<String>> {
    let mut all = HashMap::new();
    if let Some(s) = &d.summary {
        stems(idx, idx.fields.summary, s, &mut all, 1.0)?;
    }
    stems(idx, idx.fields.body, &body_text(d), &mut all, 1.0)?;
    Ok(all.into_keys().collect())
}

/// The most distinctive words of `d`: term frequency (summary words counted
/// [`SUMMARY_WEIGHT`] times) × BM25 inverse document frequency, among words
/// found in at least one other decision and in at most [`MAX_DOC_SHARE`] of them.
fn distinctive_words(idx: &OmbudsIndex, searcher: &Searcher, d: &Decision) -> Result<Vec<Word>> {
    let f = &idx.fields;
    let mut counts = HashMap::new();
    if let Some(s) = &d.summary {
        stems(idx, f.summary, s, &mut counts, SUMMARY_WEIGHT)?;
    }
    stems(idx, f.body, &body_text(d), &mut counts, 1.0)?;
    let n = searcher.num_docs() as f64;
    let mut words = Vec::new();
    for (stem, (tf, surfaces)) in counts {
        // The body field holds every word of the decision, so its document
        // frequency is the word's (the summary's words are in the body of
        // old-style pages only, and the summary field is smaller).
        let df = searcher
            .doc_freq(&Term::from_field_text(f.body, &stem))
            .map_err(|e| idx.damaged("cannot read term frequencies", e))? as f64;
        if df < 2.0 || df > (n * MAX_DOC_SHARE).max(2.0) {
            continue;
        }
        let idf = (1.0 + (n - df + 0.5) / (df + 0.5)).ln() as f32;
        let shown = surfaces
            .into_iter()
            .max_by(|a, b| a.1.cmp(&b.1).then(b.0.cmp(&a.0)))
            .map(|(s, _)| s)
            .unwrap_or_else(|| stem.clone());
        words.push(Word {
            stem,
            shown,
            weight: tf.sqrt() * idf,
        });
    }
    // Ties by stem, so the query (and so the ranking) does not depend on hash order.
    words.sort_by(|a, b| b.weight.total_cmp(&a.weight).then(a.stem.cmp(&b.stem)));
    words.truncate(MAX_QUERY_TERMS);
    Ok(words)
}

fn words_query(idx: &OmbudsIndex, words: &[Word]) -> Box<dyn Query> {
    let best = words.first().map_or(1.0, |w| w.weight);
    let mut any: Vec<(Occur, Box<dyn Query>)> = Vec::new();
    for w in words {
        for (field, boost) in [(idx.fields.summary, SUMMARY_WEIGHT), (idx.fields.body, 1.0)] {
            let q = TermQuery::new(Term::from_field_text(field, &w.stem), IndexRecordOption::WithFreqs);
            any.push((
                Occur::Should,
                Box::new(BoostQuery::new(Box::new(q), boost * w.weight / best)),
            ));
        }
    }
    Box::new(BooleanQuery::new(any))
}

fn tantivy_query(idx: &OmbudsIndex, d: &Decision) -> Box<dyn Query> {
    use tantivy::schema::OwnedValue;
    let mut fields = vec![(idx.fields.body, vec![OwnedValue::Str(body_text(d))])];
    if let Some(s) = &d.summary {
        fields.push((idx.fields.summary, vec![OwnedValue::Str(s.clone())]));
    }
    Box::new(
        tantivy::query::MoreLikeThisQuery::builder()
            .with_min_doc_frequency(2)
            .with_min_term_frequency(1)
            .with_max_query_terms(MAX_QUERY_TERMS)
            .with_min_word_length(MIN_WORD_LEN)
            .with_document_fields(fields),
    )
}

impl OmbudsIndex {
    /// The decisions most like the one with `req.reference`, or `None` when
    /// no decision has that reference.
    pub fn similar(&self, req: &SimilarRequest) -> Result<Option<SimilarResult>> {
        let Some(d) = self.get(&req.reference)? else {
            return Ok(None);
        };
        let searcher = self.reader()?.searcher();
        let (words, like): (Vec<Word>, Box<dyn Query>) = match req.method {
            Method::Distinctive => {
                let words = distinctive_words(self, &searcher, &d)?;
                let q = words_query(self, &words);
                (words, q)
            }
            Method::TantivyMoreLikeThis => (Vec::new(), tantivy_query(self, &d)),
        };
        let key = Term::from_field_text(self.fields.key, &decision_key(&d));
        let filters = query::build_query(self, None, &req.filters)?;
        let q = BooleanQuery::new(vec![
            (Occur::Must, like),
            (
                Occur::Must,
                Box::new(tantivy::query::ConstScoreQuery::new(filters, 0.0)),
            ),
            (Occur::MustNot, Box::new(TermQuery::new(key, IndexRecordOption::Basic))),
        ]);
        let collected = query::collect(
            self,
            &searcher,
            &q,
            Some((SortBy::Relevance, false, req.limit, 0)),
            Vec::new(),
            false,
        )?;
        let snippets = if words.is_empty() {
            None
        } else {
            let analyzer = self
                .index
                .tokenizer_for_field(self.fields.body)
                .map_err(|e| self.error(format!("cannot make snippets: {e}")))?;
            let g = hit::snippet_generator(&searcher, &q, &[self.fields.summary, self.fields.body], analyzer)
                .map_err(|e| self.error(format!("cannot make snippets: {e}")))?;
            Some(g)
        };
        let hits = collected
            .top
            .into_par_iter()
            .map(|((_, score), addr)| {
                let doc: TantivyDocument = searcher
                    .doc(addr)
                    .map_err(|e| self.damaged("cannot read a document", e))?;
                let other = self.record(&doc)?;
                let shared = stem_set(self, &other)?;
                let why = words
                    .iter()
                    .filter(|w| shared.contains(&w.stem))
                    .take(WHY_WORDS)
                    .map(|w| w.shown.clone())
                    .collect();
                Ok(SimilarHit {
                    hit: hit::make_hit(other, score, snippets.as_ref()),
                    why,
                })
            })
            .collect::<Result<Vec<_>>>()?;
        Ok(Some(SimilarResult {
            reference: d.reference.clone(),
            terms: words.into_iter().map(|w| w.shown).collect(),
            total: collected.total,
            hits,
        }))
    }
}

//! Queries: takes a query string and filters and returns a Tantivy query;
//! runs it and returns the total, the top documents in the requested order,
//! and counts per group (facets and stats).

use std::collections::HashMap;
use std::ops::Bound;

use tantivy::collector::{Collector, Count, SegmentCollector, TopDocs};
use tantivy::columnar::{Column, StrColumn};
use tantivy::query::{
    AllQuery, BooleanQuery, Occur, Query, QueryParser, QueryParserError, RangeQuery, RegexQuery, TermQuery,
};
use tantivy::schema::{Facet, IndexRecordOption};
use tantivy::{DateTime, DocAddress, DocId, Score, Searcher, SegmentReader, Term};

use crate::error::{Error, Result};
use crate::index::document::{date_to_tantivy, facet_component};
use crate::index::schema::{OmbudsIndex, QUERY_FIELDS};
use crate::RemedyKind;

/// Longest query string accepted, in bytes.
pub const MAX_QUERY_LEN: usize = 2_000;
/// Deepest nesting of parentheses accepted.
pub const MAX_QUERY_DEPTH: usize = 16;
/// Most hits one search returns.
pub const MAX_LIMIT: usize = 10_000;
/// Largest offset accepted.
pub const MAX_OFFSET: usize = 100_000;

/// Structured restrictions on a search; all given ones must hold.
#[derive(Debug, Clone, Default, serde::Serialize)]
pub struct Filters {
    /// Words the organisation's name must contain (`Derbyshire`, `Derby City`);
    /// or any name of the same body (`Camden London Borough Council` finds
    /// `London Borough of Camden`: see [`crate::parse::organisation`]).
    pub council: Option<String>,
    /// Widen `council` to the bodies it replaced and those that replaced it
    /// (`schema/reorganisations.csv`): `Cumbria` also finds Cumberland and
    /// Westmorland and Furness.
    pub council_successor: bool,
    /// Any of these categories (`Housing` or `Housing > Homelessness`), any case.
    pub categories: Vec<String>,
    /// Any of these outcomes, matched case-insensitively as a prefix of the
    /// printed outcome: `upheld` matches `Upheld` and `Upheld: maladministration
    /// and injustice` but not `Not upheld`.
    pub outcomes: Vec<String>,
    /// Earliest decision date, inclusive.
    pub from: Option<jiff::civil::Date>,
    /// Latest decision date, inclusive.
    pub to: Option<jiff::civil::Date>,
    /// Least total payment, in pence, inclusive.
    pub min_payment_pence: Option<u64>,
    /// Greatest total payment, in pence, inclusive.
    pub max_payment_pence: Option<u64>,
    /// Every one of these remedy kinds.
    pub remedies: Vec<RemedyKind>,
}

/// The order of hits.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum SortBy {
    /// Best match first.
    #[default]
    Relevance,
    /// Newest first; undated decisions last.
    Date,
    /// Largest total payment first.
    Payment,
}

fn query_error(detail: impl Into<String>) -> Error {
    Error::Query { detail: detail.into() }
}

/// Rejects query strings that are too long or nested too deep.
pub fn check_query_shape(query: &str) -> Result<()> {
    if query.len() > MAX_QUERY_LEN {
        return Err(query_error(format!(
            "the query is {} bytes long; the limit is {MAX_QUERY_LEN}; narrow it with filters such as --council or --category",
            query.len()
        )));
    }
    let (mut depth, mut max_depth, mut in_quotes) = (0usize, 0usize, false);
    for c in query.chars() {
        match c {
            '"' => in_quotes = !in_quotes,
            '(' if !in_quotes => {
                depth += 1;
                max_depth = max_depth.max(depth);
            }
            ')' if !in_quotes => depth = depth.saturating_sub(1),
            _ => {}
        }
    }
    if max_depth > MAX_QUERY_DEPTH {
        return Err(query_error(format!(
            "parentheses are nested {max_depth} deep; the limit is {MAX_QUERY_DEPTH}"
        )));
    }
    Ok(())
}

fn describe_parser_error(query: &str, e: &QueryParserError) -> String {
    let fields = QUERY_FIELDS.join(", ");
    let what = match e {
        QueryParserError::SyntaxError(_) => syntax_problem(query),
        QueryParserError::FieldDoesNotExist(f) => format!("there is no field '{f}'"),
        QueryParserError::FieldNotIndexed(f) => format!("the field '{f}' cannot be searched"),
        QueryParserError::AllButQueryForbidden | QueryParserError::NoDefaultFieldDeclared => {
            "a query cannot consist only of excluded terms; add a word to match, or use filters alone".into()
        }
        QueryParserError::ExpectedInt(_) => "expected a whole number (year, payment in pence)".into(),
        QueryParserError::DateFormatError(_) => {
            "expected a date like 2024-06-06T00:00:00Z (or use --from / --to)".into()
        }
        other => other.to_string().to_lowercase(),
    };
    format!(
        "{what}; use quotes for phrases (\"section 47\"), AND / OR / NOT in capitals, field:value with fields {fields}"
    )
}

/// Rewrites `a AND NOT b` as `a NOT b` (outside quotes). Tantivy's grammar
/// reads `AND NOT b` as a clause holding only an exclusion, which matches
/// nothing, so `child AND NOT protection` would find no decision at all.
pub fn and_not_as_not(query: &str) -> String {
    let mut out = String::with_capacity(query.len());
    let mut in_quotes = false;
    let mut rest = query;
    while let Some(c) = rest.chars().next() {
        if c == '"' {
            in_quotes = !in_quotes;
        }
        let at_word_start = out.chars().last().is_none_or(char::is_whitespace);
        if !in_quotes && at_word_start && rest.starts_with("AND") {
            let after = &rest[3..];
            let gap = after.len() - after.trim_start().len();
            if gap > 0 && after[gap..].starts_with("NOT") && after[gap + 3..].starts_with(char::is_whitespace) {
                rest = &after[gap..];
                continue;
            }
        }
        out.push(c);
        rest = &rest[c.len_utf8()..];
    }
    out
}

/// Says what is wrong with a query that does not parse.
fn syntax_problem(query: &str) -> String {
    let quotes = query.matches('"').count();
    let (mut depth, mut unbalanced) = (0i64, false);
    for c in query.chars() {
        match c {
            '(' => depth += 1,
            ')' => {
                depth -= 1;
                unbalanced |= depth < 0;
            }
            _ => {}
        }
    }
    if quotes % 2 == 1 {
        format!("cannot parse '{query}': a quotation mark is not closed")
    } else if unbalanced || depth != 0 {
        format!("cannot parse '{query}': the parentheses do not balance")
    } else {
        format!("cannot parse '{query}'")
    }
}

/// Builds the query: the parsed query string (all words required by default)
/// and every filter.
pub fn build_query(idx: &OmbudsIndex, query: Option<&str>, filters: &Filters) -> Result<Box<dyn Query>> {
    let f = &idx.fields;
    let mut must: Vec<(Occur, Box<dyn Query>)> = Vec::new();
    if let Some(q) = query.map(str::trim).filter(|q| !q.is_empty()) {
        check_query_shape(q)?;
        let mut parser = QueryParser::for_index(&idx.index, vec![f.summary, f.body, f.organisation]);
        parser.set_conjunction_by_default();
        parser.set_field_boost(f.summary, 2.0);
        let rewritten = and_not_as_not(q);
        let parsed = parser
            .parse_query(&rewritten)
            .map_err(|e| query_error(describe_parser_error(q, &e)))?;
        must.push((Occur::Must, parsed));
    }
    if let Some(council) = &filters.council {
        let mut analyzer = idx
            .index
            .tokenizer_for_field(f.organisation)
            .map_err(|e| idx.error(e))?;
        let mut stream = analyzer.token_stream(council);
        let mut words: Vec<(Occur, Box<dyn Query>)> = Vec::new();
        stream.process(&mut |t| {
            let term = Term::from_field_text(f.organisation, &t.text);
            words.push((Occur::Must, Box::new(TermQuery::new(term, IndexRecordOption::Basic))));
        });
        if words.is_empty() {
            return Err(query_error(format!("--council '{council}' has no words to match")));
        }
        // The name's words, or any id the name (and, widened, its lineage) is known by.
        let mut any: Vec<(Occur, Box<dyn Query>)> = vec![(Occur::Should, Box::new(BooleanQuery::new(words)))];
        for id in crate::parse::organisation::council_ids(council, filters.council_successor) {
            let term = Term::from_field_text(f.organisation_id, &id);
            any.push((Occur::Should, Box::new(TermQuery::new(term, IndexRecordOption::Basic))));
        }
        must.push((Occur::Must, Box::new(BooleanQuery::new(any))));
    }
    if !filters.categories.is_empty() {
        let mut any: Vec<(Occur, Box<dyn Query>)> = Vec::new();
        for c in &filters.categories {
            let parts: Vec<String> = c.split('>').map(facet_component).collect();
            if parts.iter().any(String::is_empty) {
                return Err(query_error(format!(
                    "--category '{c}': expected a category like 'Housing' or 'Housing > Homelessness'"
                )));
            }
            let term = Term::from_facet(f.category, &Facet::from_path(parts));
            any.push((Occur::Should, Box::new(TermQuery::new(term, IndexRecordOption::Basic))));
        }
        must.push((Occur::Must, Box::new(BooleanQuery::new(any))));
    }
    if !filters.outcomes.is_empty() {
        let mut any: Vec<(Occur, Box<dyn Query>)> = Vec::new();
        for o in &filters.outcomes {
            let prefix = o.split_whitespace().collect::<Vec<_>>().join(" ").to_lowercase();
            if prefix.is_empty() {
                return Err(query_error("--outcome is empty; give e.g. 'Upheld' or 'Not upheld'"));
            }
            let pattern = format!("{}.*", regex::escape(&prefix));
            let q = RegexQuery::from_pattern(&pattern, f.outcome)
                .map_err(|e| query_error(format!("--outcome '{o}': {e}")))?;
            any.push((Occur::Should, Box::new(q)));
        }
        must.push((Occur::Must, Box::new(BooleanQuery::new(any))));
    }
    if filters.from.is_some() || filters.to.is_some() {
        let bound = |d: Option<jiff::civil::Date>| match d {
            Some(d) => Bound::Included(Term::from_field_date_for_search(f.date, date_to_tantivy(d))),
            None => Bound::Unbounded,
        };
        must.push((
            Occur::Must,
            Box::new(RangeQuery::new(bound(filters.from), bound(filters.to))),
        ));
    }
    if filters.min_payment_pence.is_some() || filters.max_payment_pence.is_some() {
        let bound = |p: Option<u64>| match p {
            Some(p) => Bound::Included(Term::from_field_u64(f.payment, p)),
            None => Bound::Unbounded,
        };
        must.push((
            Occur::Must,
            Box::new(RangeQuery::new(
                bound(filters.min_payment_pence),
                bound(filters.max_payment_pence),
            )),
        ));
    }
    for kind in &filters.remedies {
        let term = Term::from_field_text(f.remedy, kind.as_str());
        must.push((Occur::Must, Box::new(TermQuery::new(term, IndexRecordOption::Basic))));
    }
    Ok(match must.len() {
        0 => Box::new(AllQuery),
        1 => must.pop().map(|(_, q)| q).unwrap_or_else(|| Box::new(AllQuery)),
        _ => Box::new(BooleanQuery::new(must)),
    })
}

/// A top-documents collector in the given order: the sort key, then the score.
pub fn top_docs(
    sort: SortBy,
    reverse: bool,
    limit: usize,
    offset: usize,
) -> impl Collector<Fruit = Vec<((i64, Score), DocAddress)>> {
    TopDocs::with_limit(limit.max(1))
        .and_offset(offset)
        .tweak_score(move |seg: &SegmentReader| {
            let dates: Option<Column<DateTime>> = seg.fast_fields().date("date").ok();
            let payments: Option<Column<u64>> = seg.fast_fields().u64("payment").ok();
            move |doc: DocId, score: Score| -> (i64, Score) {
                let primary = match sort {
                    SortBy::Relevance => Some(0),
                    SortBy::Date => dates
                        .as_ref()
                        .and_then(|c| c.first(doc))
                        .map(|d| d.into_timestamp_secs() / 86_400),
                    SortBy::Payment => payments
                        .as_ref()
                        .and_then(|c| c.first(doc))
                        .map(|p| i64::try_from(p).unwrap_or(i64::MAX)),
                };
                match (primary, reverse, sort) {
                    (_, true, SortBy::Relevance) => (0, -score),
                    (Some(k), true, _) => (-k, score),
                    (Some(k), false, _) => (k, score),
                    // Missing dates (or payments) sort last either way.
                    (None, _, _) => (i64::MIN, score),
                }
            }
        })
}

/// A dimension decisions are grouped by.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Dimension {
    /// The outcome as printed.
    Outcome,
    /// The category (`Housing`).
    Category,
    /// `Category > Subcategory`.
    Subcategory,
    /// The organisation's name as printed.
    Organisation,
    /// The year of the decision date.
    Year,
    /// The organisation's kind (`london_borough`).
    OrganisationKind,
    /// Each remedy kind (`apology`, …): a decision counts once in each of its kinds.
    Remedy,
}

impl Dimension {
    /// Every dimension.
    pub const ALL: [Dimension; 5] = [
        Dimension::Category,
        Dimension::Subcategory,
        Dimension::Outcome,
        Dimension::Year,
        Dimension::Organisation,
    ];

    /// The dimensions a search counts for its facets, in one pass.
    pub const FACETS: [Dimension; 6] = [
        Dimension::Category,
        Dimension::Subcategory,
        Dimension::Outcome,
        Dimension::Year,
        Dimension::Organisation,
        Dimension::Remedy,
    ];

    /// The dimension's name (`category`, …).
    pub fn as_str(self) -> &'static str {
        match self {
            Dimension::Outcome => "outcome",
            Dimension::Category => "category",
            Dimension::Subcategory => "subcategory",
            Dimension::Organisation => "organisation",
            Dimension::Year => "year",
            Dimension::OrganisationKind => "kind",
            Dimension::Remedy => "remedy",
        }
    }

    fn column(self) -> &'static str {
        match self {
            Dimension::Outcome => "outcome",
            Dimension::Category => "category_name",
            Dimension::Subcategory => "category_path",
            Dimension::Organisation => "organisation",
            Dimension::Year => "year",
            Dimension::OrganisationKind => "organisation_kind",
            Dimension::Remedy => "remedy",
        }
    }
}

/// Whether a printed outcome counts as upheld (`Upheld`, `Upheld: maladministration and injustice`).
pub fn is_upheld(outcome: &str) -> bool {
    outcome.trim_start().to_lowercase().starts_with("upheld")
}

/// Counts and payment sums of one group.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Tally {
    /// Decisions in the group.
    pub count: u64,
    /// Of which upheld.
    pub upheld: u64,
    /// Of which with a payment.
    pub with_payment: u64,
    /// Sum of their total payments, in pence.
    pub payment_pence: u64,
}

impl Tally {
    /// Adds another group's counts and sums to this one's.
    pub fn add(&mut self, other: &Tally) {
        self.count += other.count;
        self.upheld += other.upheld;
        self.with_payment += other.with_payment;
        self.payment_pence = self.payment_pence.saturating_add(other.payment_pence);
    }
}

/// Groups keyed by value (`None` for decisions without one).
pub type Groups = HashMap<Option<String>, Tally>;

/// Collects a [`Tally`] per value of each requested dimension, by the term
/// ordinals of their fast columns, all dimensions in one pass over the matches.
#[derive(Debug, Clone, Default)]
pub struct GroupCollector {
    /// The dimensions; empty collects nothing.
    pub dimensions: Vec<Dimension>,
    /// Also tally upheld decisions and payments (reads the outcome and payment
    /// columns); `false` counts decisions only, as facets need.
    pub measures: bool,
    /// Where the per-segment ordinals of each dimension are kept between searches.
    pub cache: Option<std::sync::Arc<OrdinalCache>>,
}

/// The term ordinal of every document of one segment in one string column,
/// read once: a lookup in a vector then replaces a walk through the column's
/// optional or multi-valued index for every matching document of every search.
#[derive(Debug)]
pub enum Ordinals {
    /// One value or none ([`NO_ORDINAL`]) per document.
    Single(Vec<u32>),
    /// Several values per document, as a bit set of ordinals (columns of at most 64 terms).
    Bits(Vec<u64>),
}

/// No value in [`Ordinals::Single`].
pub const NO_ORDINAL: u32 = u32::MAX;

impl Ordinals {
    /// Reads `column`'s ordinals for the documents `0..max_doc`; `None` when a
    /// multi-valued column has more than 64 terms.
    fn read(column: &StrColumn, max_doc: DocId) -> Option<Ordinals> {
        let multi = matches!(
            column.ords().get_cardinality(),
            tantivy::columnar::Cardinality::Multivalued
        );
        if !multi {
            let ords = (0..max_doc)
                .map(|d| {
                    column
                        .term_ords(d)
                        .next()
                        .and_then(|o| u32::try_from(o).ok())
                        .unwrap_or(NO_ORDINAL)
                })
                .collect();
            return Some(Ordinals::Single(ords));
        }
        if column.num_terms() > 64 {
            return None;
        }
        Some(Ordinals::Bits(
            (0..max_doc)
                .map(|d| column.term_ords(d).fold(0u64, |bits, o| bits | (1 << o)))
                .collect(),
        ))
    }
}

/// What is kept of one string column of one segment: the ordinal of every
/// document, and every term by ordinal. Naming a group by `ord_to_str`
/// decompresses a dictionary block (a new zstd context each time), which was
/// most of the time of a facet count; the names are read in one pass instead.
#[derive(Debug)]
pub struct CachedColumn {
    /// The documents' ordinals (`None` for a multi-valued column of over 64 terms).
    pub ordinals: Option<Ordinals>,
    /// The column's terms, by ordinal.
    pub names: Vec<String>,
}

/// [`CachedColumn`]s per (segment, dimension), shared by the searches of one
/// [`OmbudsIndex`]. Segments are immutable, so an entry stays right until its
/// segment is merged away; entries of segments no longer searched are dropped.
#[derive(Debug, Default)]
pub struct OrdinalCache {
    map: std::sync::Mutex<HashMap<(tantivy::index::SegmentId, Dimension), std::sync::Arc<CachedColumn>>>,
}

impl OrdinalCache {
    fn get(&self, seg: &SegmentReader, d: Dimension, column: &StrColumn) -> Option<std::sync::Arc<CachedColumn>> {
        let key = (seg.segment_id(), d);
        if let Some(o) = self.map.lock().ok()?.get(&key) {
            return Some(o.clone());
        }
        let names = super::all_terms(column).ok()?;
        let o = std::sync::Arc::new(CachedColumn {
            ordinals: Ordinals::read(column, seg.max_doc()),
            names,
        });
        self.map.lock().ok()?.insert(key, o.clone());
        Some(o)
    }

    /// Drops the entries of segments `searcher` does not hold.
    pub fn retain(&self, searcher: &Searcher) {
        let live: std::collections::HashSet<_> = searcher.segment_readers().iter().map(|s| s.segment_id()).collect();
        if let Ok(mut m) = self.map.lock() {
            m.retain(|(id, _), _| live.contains(id));
        }
    }
}

enum DimColumn {
    Str(Option<StrColumn>, Option<std::sync::Arc<CachedColumn>>),
    Num(Option<Column<u64>>),
}

/// Per-segment state of [`GroupCollector`].
pub struct GroupSegmentCollector {
    columns: Vec<(Dimension, DimColumn, Tallies)>,
    outcome: Option<StrColumn>,
    upheld_ords: Vec<bool>,
    payment: Option<Column<u64>>,
}

const MISSING: u64 = u64::MAX;

/// Tallies of one dimension in one segment. A string column's values are
/// term ordinals `0..num_terms`, so they count into a vector: a hash map per
/// matching document was most of the cost of facet counts over 100,000
/// decisions (BENCHMARKS.md).
enum Tallies {
    /// Indexed by term ordinal; the last slot counts documents without a value.
    Dense(Vec<Tally>),
    /// Keyed by value (years), with the Fx hash: SipHash per matching
    /// document was a tenth of a facet count.
    Sparse(HashMap<u64, Tally, rustc_hash::FxBuildHasher>),
}

impl Tallies {
    fn add(&mut self, key: u64, one: &Tally) {
        match self {
            Tallies::Dense(v) => {
                let last = v.len().saturating_sub(1);
                let i = usize::try_from(key).map_or(last, |k| k.min(last));
                if let Some(t) = v.get_mut(i) {
                    t.add(one);
                }
            }
            Tallies::Sparse(m) => m.entry(key).or_default().add(one),
        }
    }

    fn into_pairs(self) -> Vec<(u64, Tally)> {
        match self {
            Tallies::Dense(v) => {
                let last = v.len().saturating_sub(1);
                v.into_iter()
                    .enumerate()
                    .filter(|(_, t)| t.count > 0)
                    .map(|(i, t)| (if i == last { MISSING } else { i as u64 }, t))
                    .collect()
            }
            Tallies::Sparse(m) => m.into_iter().collect(),
        }
    }
}

impl Collector for GroupCollector {
    type Fruit = Vec<(Dimension, Groups)>;
    type Child = GroupSegmentCollector;

    fn for_segment(&self, _: u32, seg: &SegmentReader) -> tantivy::Result<GroupSegmentCollector> {
        let ff = seg.fast_fields();
        let mut columns = Vec::new();
        for &d in &self.dimensions {
            let (col, tallies) = match d {
                Dimension::Year => (
                    DimColumn::Num(ff.u64(d.column()).ok()),
                    Tallies::Sparse(HashMap::default()),
                ),
                _ => {
                    let col = ff.str(d.column())?;
                    let terms = col.as_ref().map_or(0, |c| c.num_terms());
                    let ords = match (&self.cache, &col) {
                        (Some(cache), Some(c)) => cache.get(seg, d, c),
                        _ => None,
                    };
                    (
                        DimColumn::Str(col, ords),
                        Tallies::Dense(vec![Tally::default(); terms + 1]),
                    )
                }
            };
            columns.push((d, col, tallies));
        }
        let (outcome, upheld_ords, payment) = if self.dimensions.is_empty() || !self.measures {
            (None, Vec::new(), None)
        } else {
            let outcome = ff.str("outcome")?;
            let mut upheld = Vec::new();
            if let Some(col) = &outcome {
                let mut s = String::new();
                for ord in 0..col.num_terms() as u64 {
                    s.clear();
                    col.ord_to_str(ord, &mut s)?;
                    upheld.push(is_upheld(&s));
                }
            }
            (outcome, upheld, ff.u64("payment").ok())
        };
        Ok(GroupSegmentCollector {
            columns,
            outcome,
            upheld_ords,
            payment,
        })
    }

    fn requires_scoring(&self) -> bool {
        false
    }

    fn merge_fruits(&self, fruits: Vec<Self::Fruit>) -> tantivy::Result<Self::Fruit> {
        let mut out: Vec<(Dimension, Groups)> = self.dimensions.iter().map(|&d| (d, Groups::new())).collect();
        for fruit in fruits {
            for ((_, into), (_, from)) in out.iter_mut().zip(fruit) {
                for (k, t) in from {
                    into.entry(k).or_default().add(&t);
                }
            }
        }
        Ok(out)
    }
}

impl SegmentCollector for GroupSegmentCollector {
    type Fruit = Vec<(Dimension, Groups)>;

    fn collect(&mut self, doc: DocId, _: Score) {
        if self.columns.is_empty() {
            return;
        }
        let upheld = self
            .outcome
            .as_ref()
            .and_then(|c| c.term_ords(doc).next())
            .is_some_and(|ord| self.upheld_ords.get(ord as usize).copied().unwrap_or(false));
        let pence = self.payment.as_ref().and_then(|c| c.first(doc)).unwrap_or(0);
        let one = Tally {
            count: 1,
            upheld: u64::from(upheld),
            with_payment: u64::from(pence > 0),
            payment_pence: pence,
        };
        for (_, col, tallies) in &mut self.columns {
            match col {
                DimColumn::Str(_, Some(cached)) if cached.ordinals.is_some() => match &cached.ordinals {
                    Some(Ordinals::Single(v)) => {
                        let o = v.get(doc as usize).copied().unwrap_or(NO_ORDINAL);
                        tallies.add(if o == NO_ORDINAL { MISSING } else { u64::from(o) }, &one);
                    }
                    Some(Ordinals::Bits(v)) => {
                        let mut bits = v.get(doc as usize).copied().unwrap_or(0);
                        if bits == 0 {
                            tallies.add(MISSING, &one);
                        }
                        while bits != 0 {
                            tallies.add(u64::from(bits.trailing_zeros()), &one);
                            bits &= bits - 1;
                        }
                    }
                    None => {}
                },
                DimColumn::Str(Some(c), _) => {
                    // One value for most columns; each remedy kind for `remedy`.
                    let mut any = false;
                    for ord in c.term_ords(doc) {
                        tallies.add(ord, &one);
                        any = true;
                    }
                    if !any {
                        tallies.add(MISSING, &one);
                    }
                }
                DimColumn::Num(Some(c)) => tallies.add(c.first(doc).unwrap_or(MISSING), &one),
                _ => tallies.add(MISSING, &one),
            }
        }
    }

    fn harvest(self) -> Self::Fruit {
        let mut out = Vec::new();
        for (d, col, tallies) in self.columns {
            let mut groups = Groups::new();
            for (key, t) in tallies.into_pairs() {
                let name = match (&col, key) {
                    (_, MISSING) => None,
                    (DimColumn::Str(_, Some(cached)), ord) => {
                        usize::try_from(ord).ok().and_then(|o| cached.names.get(o)).cloned()
                    }
                    (DimColumn::Str(Some(c), None), ord) => {
                        let mut s = String::new();
                        match c.ord_to_str(ord, &mut s) {
                            Ok(true) => Some(s),
                            _ => None,
                        }
                    }
                    (DimColumn::Num(_), v) => Some(v.to_string()),
                    _ => None,
                };
                groups.entry(name).or_default().add(&t);
            }
            out.push((d, groups));
        }
        out
    }
}

/// What one search collected.
#[derive(Debug)]
pub struct Collected {
    /// Matching decisions.
    pub total: usize,
    /// The requested page, in order, with (sort key, score).
    pub top: Vec<((i64, Score), DocAddress)>,
    /// Groups per requested dimension.
    pub groups: Vec<(Dimension, Groups)>,
}

/// Runs `query`, collecting the count, a page of hits and the groups of
/// `dimensions` (with upheld and payment tallies when `measures`).
pub fn collect(
    idx: &OmbudsIndex,
    searcher: &Searcher,
    query: &dyn Query,
    page: Option<(SortBy, bool, usize, usize)>,
    dimensions: Vec<Dimension>,
    measures: bool,
) -> Result<Collected> {
    if !dimensions.is_empty() {
        idx.ordinals.retain(searcher);
    }
    let groups = GroupCollector {
        dimensions,
        measures,
        cache: Some(idx.ordinals.clone()),
    };
    match page {
        Some((sort, reverse, limit, offset)) if limit > 0 => {
            let top = top_docs(sort, reverse, limit.min(MAX_LIMIT), offset.min(MAX_OFFSET));
            let (total, top, groups) = searcher
                .search(query, &(Count, top, groups))
                .map_err(|e| idx.damaged("search failed", e))?;
            Ok(Collected { total, top, groups })
        }
        _ => {
            let (total, groups) = searcher
                .search(query, &(Count, groups))
                .map_err(|e| idx.damaged("search failed", e))?;
            Ok(Collected {
                total,
                top: Vec::new(),
                groups,
            })
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ok_query_shape() {
        for q in [
            "section 47",
            "(a OR b) AND c",
            "\"((((((((((((((((((((\"",
            &"(".repeat(MAX_QUERY_DEPTH),
        ] {
            assert!(check_query_shape(q).is_ok(), "{q}");
        }
    }

    #[test]
    fn err_query_shape() {
        for q in [&"(".repeat(MAX_QUERY_DEPTH + 1), &"a ".repeat(MAX_QUERY_LEN)] {
            let e = check_query_shape(q).unwrap_err().to_string();
            assert!(e.contains("limit"), "{e}");
        }
    }

    #[test]
    fn ok_and_not_as_not() {
        for (q, want) in [
            ("child AND NOT protection", "child NOT protection"),
            ("a AND  NOT b AND NOT c", "a NOT b NOT c"),
            ("\"a AND NOT b\" AND c", "\"a AND NOT b\" AND c"),
            ("ANDNOT x", "ANDNOT x"),
            ("a AND NOTICE", "a AND NOTICE"),
            ("BRAND NOT x", "BRAND NOT x"),
            ("a AND NOT", "a AND NOT"),
        ] {
            assert_eq!(and_not_as_not(q), want, "{q}");
        }
    }

    #[test]
    fn ok_is_upheld() {
        for (o, want) in [
            ("Upheld", true),
            ("upheld: maladministration and injustice", true),
            ("Not upheld", false),
            ("Closed after initial enquiries", false),
            ("", false),
        ] {
            assert_eq!(is_upheld(o), want, "{o}");
        }
    }
}

//! Ingest and search benchmarks of ombuds against its peer, SQLite FTS5, on
//! the same generated corpus (`OMBUDS_BENCH_DOCS` decisions, default 5,000;
//! `OMBUDS_BENCH_INGEST_DOCS` of them for the ingest group, default at most
//! 10,000). Groups: `ingest` (fresh index or database, parse + index +
//! commit) and `search/<case>` with `ombuds` and `fts5` beside each other.
//! Every iteration checks its result against the value checked at set-up.
#![allow(
    clippy::print_stderr,
    reason = "the bench reports its set-up on the terminal, as criterion does"
)]

#[path = "support/fts5.rs"]
mod fts5;
#[path = "support/generator.rs"]
mod generator;
#[path = "support/setup.rs"]
mod setup;

use std::collections::HashMap;
use std::hint::black_box;
use std::path::PathBuf;
use std::time::Duration;

use criterion::{criterion_group, criterion_main, BatchSize, Criterion, Throughput};
use ombuds::index::{Dimension, Filters, OmbudsIndex, SearchRequest};
use rusqlite::ToSql;

use fts5::Fts5;
use generator::Truth;

/// A structured restriction, as each side expresses it.
#[derive(Debug, Clone)]
enum Filter {
    None,
    Organisation(&'static str),
    Category(&'static str),
    Subcategory(&'static str, &'static str),
    Outcome(&'static str),
    MinPayment(u64),
    Dates(&'static str, &'static str),
    OutcomeCategory(&'static str, &'static str),
}

impl Filter {
    fn ombuds(&self) -> Filters {
        let date = |s: &str| s.parse::<jiff::civil::Date>().ok();
        let mut f = Filters::default();
        match self {
            Filter::None => {}
            Filter::Organisation(o) => f.council = Some(o.to_string()),
            Filter::Category(c) => f.categories = vec![c.to_string()],
            Filter::Subcategory(c, s) => f.categories = vec![format!("{c} > {s}")],
            Filter::Outcome(o) => f.outcomes = vec![o.to_string()],
            Filter::MinPayment(p) => f.min_payment_pence = Some(*p),
            Filter::Dates(a, b) => {
                f.from = date(a);
                f.to = date(b);
            }
            Filter::OutcomeCategory(o, c) => {
                f.outcomes = vec![o.to_string()];
                f.categories = vec![c.to_string()];
            }
        }
        f
    }

    /// SQL condition on `decisions d` and its parameters (numbered from ?2).
    fn sql(&self) -> (String, Vec<Box<dyn ToSql>>) {
        let b = |s: &str| -> Box<dyn ToSql> { Box::new(s.to_string()) };
        match self {
            Filter::None => ("1".into(), vec![]),
            Filter::Organisation(o) => ("d.organisation = ?2".into(), vec![b(o)]),
            Filter::Category(c) => ("d.category = ?2".into(), vec![b(c)]),
            Filter::Subcategory(c, s) => ("d.category = ?2 AND d.subcategory = ?3".into(), vec![b(c), b(s)]),
            Filter::Outcome(o) => ("d.outcome = ?2".into(), vec![b(o)]),
            Filter::MinPayment(p) => ("d.total_payment_pence >= ?2".into(), vec![Box::new(*p as i64)]),
            Filter::Dates(x, y) => ("d.decision_date BETWEEN ?2 AND ?3".into(), vec![b(x), b(y)]),
            Filter::OutcomeCategory(o, c) => ("d.outcome = ?2 AND d.category = ?3".into(), vec![b(o), b(c)]),
        }
    }

    /// Whether a document's true fields satisfy the filter.
    fn holds(&self, t: &Truth) -> bool {
        match self {
            Filter::None => true,
            Filter::Organisation(o) => t.organisation == *o,
            Filter::Category(c) => t.category == *c,
            Filter::Subcategory(c, s) => t.category == *c && t.subcategory == *s,
            Filter::Outcome(o) => t.outcome == *o,
            Filter::MinPayment(p) => t.total_payment_pence >= *p,
            Filter::Dates(a, b) => t.decision_date.as_str() >= *a && t.decision_date.as_str() <= *b,
            Filter::OutcomeCategory(o, c) => t.outcome == *o && t.category == *c,
        }
    }
}

/// A counting query: a query string for each side and a filter.
#[derive(Debug, Clone)]
struct Case {
    name: String,
    ombuds: Option<String>,
    fts: Option<String>,
    filter: Filter,
    /// The true count when the manifest determines it.
    truth: Option<usize>,
}

impl Case {
    fn new(name: &str, ombuds: Option<&str>, fts: Option<&str>, filter: Filter) -> Case {
        Case {
            name: name.into(),
            ombuds: ombuds.map(str::to_string),
            fts: fts.map(str::to_string),
            filter,
            truth: None,
        }
    }

    fn request(&self) -> SearchRequest {
        SearchRequest {
            query: self.ombuds.clone(),
            filters: self.filter.ombuds(),
            limit: 0,
            ..SearchRequest::default()
        }
    }

    fn count_ombuds(&self, idx: &OmbudsIndex, req: &SearchRequest) -> usize {
        idx.search(req).unwrap_or_else(|e| panic!("{}: {e}", self.name)).total
    }

    fn sql(&self) -> (String, Vec<Box<dyn ToSql>>) {
        let (cond, mut args) = self.filter.sql();
        match &self.fts {
            Some(q) => {
                args.insert(0, Box::new(q.clone()));
                (
                    format!(
                        "SELECT count(*) FROM fts JOIN decisions d ON d.id = fts.rowid \
                         WHERE fts MATCH ?1 AND {cond}"
                    ),
                    args,
                )
            }
            None => {
                // Keep parameter numbers: ?1 is unused without a text query.
                args.insert(0, Box::new(""));
                (
                    format!("SELECT count(*) FROM decisions d WHERE (?1 = '' OR 1) AND {cond}"),
                    args,
                )
            }
        }
    }

    fn count_fts(&self, db: &Fts5, sql: &str, args: &[Box<dyn ToSql>]) -> usize {
        let refs: Vec<&dyn ToSql> = args.iter().map(|a| a.as_ref()).collect();
        db.count(sql, &refs).unwrap_or_else(|e| panic!("{}: {e}", self.name)) as usize
    }
}

/// The query set, with the rare term taken from the corpus.
fn cases(truths: &[Truth]) -> Vec<Case> {
    let mut towns: HashMap<&str, usize> = HashMap::new();
    for t in truths {
        *towns.entry(t.town.as_str()).or_default() += 1;
    }
    // The rarest one-word town that is in no organisation's name (ombuds also
    // searches the organisation), ties broken by name so the choice is stable.
    let orgs: std::collections::HashSet<&str> = truths.iter().map(|t| t.organisation.as_str()).collect();
    let (rare, rare_n) = towns
        .iter()
        .filter(|(t, _)| !t.contains(' ') && !orgs.iter().any(|o| o.contains(*t)))
        .min_by_key(|(t, n)| (**n, **t))
        .map(|(t, n)| (t.to_string(), *n))
        .expect("towns");
    let word = "contacted";
    let mut cases = vec![
        Case::new("term", Some("safeguarding"), Some("safeguarding"), Filter::None),
        Case::new("rare_term", Some(&rare), Some(&rare), Filter::None),
        Case::new(
            "phrase",
            Some("\"child protection plan\""),
            Some("\"child protection plan\""),
            Filter::None,
        ),
        Case::new(
            "boolean",
            Some("apologise AND (distress OR frustration) AND NOT homelessness"),
            Some("apologise AND (distress OR frustration) NOT homelessness"),
            Filter::None,
        ),
        Case::new("prefix", Some("safeguard*"), Some("safeguard*"), Filter::None),
        Case::new(
            "term+organisation",
            Some(word),
            Some(word),
            Filter::Organisation("Kent County Council"),
        ),
        Case::new("term+category", Some(word), Some(word), Filter::Category("Housing")),
        Case::new(
            "term+subcategory",
            Some(word),
            Some(word),
            Filter::Subcategory("Housing", "Homelessness"),
        ),
        Case::new("term+outcome", Some(word), Some(word), Filter::Outcome("Upheld")),
        Case::new("term+payment", Some(word), Some(word), Filter::MinPayment(50_000)),
        Case::new(
            "term+date_range",
            Some(word),
            Some(word),
            Filter::Dates("2020-01-01", "2022-12-31"),
        ),
        Case::new("filters_only", None, None, Filter::OutcomeCategory("Upheld", "Housing")),
    ];
    cases[1].truth = Some(rare_n);
    // Every generated decision says who "contacted" the body and when, so
    // term + filter counts are the filter's true counts.
    for c in &mut cases {
        if c.ombuds.as_deref() == Some(word) || c.ombuds.is_none() {
            c.truth = Some(truths.iter().filter(|t| c.filter.holds(t)).count());
        }
    }
    cases
}

/// Size of the ingest group's corpus.
fn ingest_docs(n: usize) -> usize {
    std::env::var("OMBUDS_BENCH_INGEST_DOCS")
        .ok()
        .and_then(|v| v.replace('_', "").parse().ok())
        .unwrap_or(n.min(10_000))
        .min(n)
}

fn bench_ingest(c: &mut Criterion) {
    let n = setup::bench_docs();
    let g = setup::corpus(n);
    let k = ingest_docs(n);
    let files: Vec<PathBuf> = setup::files(&g).into_iter().take(k).collect();
    let bytes: u64 = g.truths.iter().take(k).map(|t| t.bytes as u64).sum();
    let work = setup::work_dir().join(format!("ingest-n{k}"));
    let mut group = c.benchmark_group(format!("ingest/{k}_docs"));
    group
        .sample_size(10)
        .measurement_time(Duration::from_secs(20))
        .warm_up_time(Duration::from_secs(1))
        .throughput(Throughput::Bytes(bytes));
    group.bench_function("ombuds", |b| {
        b.iter_batched(
            || work.join("ombuds"),
            |dir| {
                let (idx, _) = setup::build_ombuds(&dir, &files);
                assert_eq!(idx.len().expect("count") as usize, k);
                idx
            },
            BatchSize::PerIteration,
        )
    });
    group.bench_function("fts5", |b| {
        b.iter_batched(
            || work.join("fts5.db"),
            |path| {
                let (db, _) = setup::build_fts5(&path, &files);
                let rows = db.count("SELECT count(*) FROM decisions", &[]).expect("count");
                assert_eq!(rows as usize, k);
                db
            },
            BatchSize::PerIteration,
        )
    });
    group.finish();
}

/// The search indexes of the corpus: rebuilt each run unless
/// `OMBUDS_BENCH_REUSE=1` and they hold the whole corpus.
fn search_indexes(n: usize, files: &[PathBuf]) -> (OmbudsIndex, Fts5) {
    let dir = setup::work_dir().join(format!("search-n{n}"));
    let reuse = std::env::var("OMBUDS_BENCH_REUSE").is_ok_and(|v| v == "1");
    let idx = match OmbudsIndex::open(&dir.join("ombuds")) {
        Ok(idx) if reuse && idx.len().is_ok_and(|l| l as usize == n) => idx,
        _ => {
            let (idx, took) = setup::build_ombuds(&dir.join("ombuds"), files);
            eprintln!("ombuds index of {n} decisions built in {took:.1?}");
            idx
        }
    };
    let db_path = dir.join("fts5.db");
    let db = match Fts5::open(&db_path) {
        Ok(db)
            if reuse
                && db_path.exists()
                && db
                    .count("SELECT count(*) FROM decisions", &[])
                    .is_ok_and(|c| c as usize == n) =>
        {
            db
        }
        _ => {
            let (db, took) = setup::build_fts5(&db_path, files);
            eprintln!("FTS5 database of {n} decisions built in {took:.1?}");
            db
        }
    };
    (idx, db)
}

fn timed<'a>(c: &'a mut Criterion, name: &str) -> criterion::BenchmarkGroup<'a, criterion::measurement::WallTime> {
    let mut group = c.benchmark_group(format!("search/{name}"));
    group
        .measurement_time(Duration::from_secs(3))
        .warm_up_time(Duration::from_millis(500));
    group
}

/// The term of the facet bench: it matches about 80 % of the generated decisions.
const FACET_TERM: &str = "agreed";

fn bench_search(c: &mut Criterion) {
    let n = setup::bench_docs();
    let g = setup::corpus(n);
    let files = setup::files(&g);
    let (idx, db) = search_indexes(n, &files);

    // Counting queries: check both sides once (against the manifest where it
    // decides), then time them, asserting the same count every iteration.
    for case in cases(&g.truths) {
        let req = case.request();
        let (sql, args) = case.sql();
        let want_o = case.count_ombuds(&idx, &req);
        let want_f = case.count_fts(&db, &sql, &args);
        eprintln!(
            "{:<18} ombuds {:>7}  fts5 {:>7}  true {}",
            case.name,
            want_o,
            want_f,
            case.truth.map_or("-".to_string(), |t| t.to_string())
        );
        if let Some(t) = case.truth {
            assert_eq!(want_o, t, "{}: ombuds count against the manifest", case.name);
            assert_eq!(want_f, t, "{}: FTS5 count against the manifest", case.name);
        }
        assert!(want_o > 0 && want_f > 0, "{}: no match", case.name);
        let mut group = c.benchmark_group(format!("search/{}", case.name));
        group
            .measurement_time(Duration::from_secs(3))
            .warm_up_time(Duration::from_millis(500));
        group.bench_function("ombuds", |b| {
            b.iter(|| assert_eq!(case.count_ombuds(&idx, black_box(&req)), want_o))
        });
        group.bench_function("fts5", |b| {
            b.iter(|| assert_eq!(case.count_fts(&db, black_box(&sql), &args), want_f))
        });
        group.finish();
    }

    // Top 10 by relevance with snippets.
    let term = "distress";
    let top10 = SearchRequest {
        query: Some(term.into()),
        limit: 10,
        ..SearchRequest::default()
    };
    let check_hits = |hits: &[ombuds::index::Hit]| {
        assert_eq!(hits.len(), 10);
        assert!(hits.iter().all(|h| h.reference.is_some() && !h.snippet.is_empty()));
    };
    let check_rows = |rows: &[(String, String)]| {
        assert_eq!(rows.len(), 10);
        assert!(rows.iter().all(|(r, s)| !r.is_empty() && s.contains("<b>")));
    };
    let mut group = timed(c, "top10_snippets");
    group.bench_function("ombuds", |b| {
        b.iter(|| check_hits(&idx.search(black_box(&top10)).expect("search").hits))
    });
    group.bench_function("fts5", |b| {
        b.iter(|| check_rows(&db.top_with_snippets(black_box(term), 10).expect("fts5 top")))
    });
    group.finish();

    // Facet counts for a broad term and for everything: the five counts per
    // facet must add up to five times the number of matches. Issue 10 asks
    // for a term matching about 80 % of the decisions: `agreed` matches
    // 83,683 of 100,000 (`safeguarding`, used before, 70 %).
    for (name, query) in [("facets_term", Some(FACET_TERM)), ("facets_all", None)] {
        let req = SearchRequest {
            query: query.map(str::to_string),
            facets: true,
            limit: 0,
            ..SearchRequest::default()
        };
        let facet_sum = |r: &ombuds::index::SearchResult| {
            let f = r.facets.as_ref().expect("facets");
            [&f.category, &f.subcategory, &f.outcome, &f.year, &f.organisation]
                .iter()
                .map(|m| m.values().sum::<u64>())
                .sum::<u64>()
        };
        let first = idx.search(&req).expect("facets");
        let (total, sum) = (first.total, facet_sum(&first));
        if query.is_some() {
            // A change of the generator that made the term narrow would make the bench easy.
            assert!(
                total * 4 >= n * 3,
                "{name}: `{FACET_TERM}` matches {total} of {n}, under 75 %: pick a broader term"
            );
        }
        assert!(
            total > 0 && sum == 5 * total as u64,
            "{name}: facet sum {sum} for {total}"
        );
        let fts_sum = db.facets(query).expect("fts5 facets");
        assert!(fts_sum > 0);
        let mut group = timed(c, name);
        group.bench_function("ombuds", |b| {
            b.iter(|| assert_eq!(facet_sum(&idx.search(black_box(&req)).expect("facets")), sum))
        });
        group.bench_function("fts5", |b| {
            b.iter(|| assert_eq!(db.facets(black_box(query)).expect("fts5 facets"), fts_sum))
        });
        group.finish();
    }

    // A results page: top 10 with snippets and facet counts, in one request.
    let page = SearchRequest {
        query: Some(term.into()),
        limit: 10,
        facets: true,
        ..SearchRequest::default()
    };
    let fts_page_sum = db.facets(Some(term)).expect("fts5 facets");
    let mut group = timed(c, "page_top10_snippets_facets");
    group.bench_function("ombuds", |b| {
        b.iter(|| {
            let r = idx.search(black_box(&page)).expect("search");
            check_hits(&r.hits);
            assert!(r.facets.is_some());
        })
    });
    group.bench_function("fts5", |b| {
        b.iter(|| {
            check_rows(&db.top_with_snippets(black_box(term), 10).expect("fts5 top"));
            assert_eq!(db.facets(Some(term)).expect("fts5 facets"), fts_page_sum);
        })
    });
    group.finish();

    // `stats --by organisation`: the rows add up to the corpus.
    let mut group = timed(c, "stats_by_organisation");
    group.bench_function("ombuds", |b| {
        b.iter(|| {
            let s = ombuds::stats::stats(&idx, None, &Filters::default(), Dimension::Organisation).expect("stats");
            assert_eq!(s.groups.iter().map(|r| r.decisions).sum::<u64>() as usize, n);
        })
    });
    group.bench_function("fts5", |b| {
        b.iter(|| {
            let rows = db.stats_by_organisation().expect("fts5 stats");
            assert_eq!(rows.iter().map(|r| r.1).sum::<i64>() as usize, n);
        })
    });
    group.finish();
}

criterion_group!(benches, bench_search, bench_ingest);
criterion_main!(benches);

//! Precedent research end to end (issue 13): one name per organisation,
//! similar decisions, exports and their provenance, the Quickwit mapping.
//! Expected values come from the corpus files' own header lines or from the
//! library's parser, never from the command under test.
#![allow(
    clippy::print_stderr,
    reason = "the ranking tests print the figures BENCHMARKS.md records, and the Parquet check says which reader it used"
)]

use std::collections::{BTreeMap, BTreeSet};
use std::path::{Path, PathBuf};
use std::sync::OnceLock;

use assert_cmd::Command;
use serde_json::Value;

fn ombuds() -> Command {
    let mut c = Command::cargo_bin("ombuds").unwrap();
    c.env_remove("OMBUDS_INDEX").env("NO_COLOR", "1");
    c
}

fn root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

fn tmp(name: &str) -> PathBuf {
    let dir = PathBuf::from(env!("CARGO_TARGET_TMPDIR")).join(format!("research-{name}-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    dir
}

fn ingest(index: &Path, paths: &[&str]) {
    ombuds()
        .arg("--index")
        .arg(index)
        .arg("ingest")
        .args(paths)
        .current_dir(root())
        .assert()
        .success();
}

/// One index of the bundled corpus (seeds and excerpts), for the read-only tests.
fn corpus_index() -> &'static Path {
    static INDEX: OnceLock<PathBuf> = OnceLock::new();
    INDEX.get_or_init(|| {
        let tmp_root = PathBuf::from(env!("CARGO_TARGET_TMPDIR"));
        // Each test process (nextest runs one per test) builds its own; remove those of finished runs.
        for e in std::fs::read_dir(&tmp_root).into_iter().flatten().flatten() {
            let name = e.file_name().to_string_lossy().into_owned();
            if let Some(pid) = name.strip_prefix("research-").and_then(|n| n.rsplit('-').next()) {
                if Path::new("/proc/self").exists() && !Path::new("/proc").join(pid).exists() {
                    let _ = std::fs::remove_dir_all(e.path());
                }
            }
        }
        let dir = tmp("corpus");
        ingest(&dir, &["corpus/seeds", "corpus/excerpts"]);
        dir
    })
}

fn run(index: &Path, args: &[&str]) -> std::process::Output {
    ombuds()
        .arg("--index")
        .arg(index)
        .args(args)
        .current_dir(root())
        .output()
        .unwrap()
}

fn json(index: &Path, args: &[&str]) -> Value {
    let out = run(index, args);
    assert!(
        out.status.success(),
        "{args:?}: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    serde_json::from_slice(&out.stdout).unwrap_or_else(|e| panic!("{args:?}: {e}"))
}

/// The corpus decisions as the library parses them.
fn parsed_corpus() -> Vec<ombuds::Decision> {
    let mut out = Vec::new();
    for dir in ["corpus/seeds", "corpus/excerpts"] {
        let mut files: Vec<PathBuf> = std::fs::read_dir(root().join(dir))
            .unwrap()
            .map(|e| e.unwrap().path())
            .filter(|p| p.extension().is_some_and(|x| x == "txt"))
            .collect();
        files.sort();
        for f in files {
            let src = ombuds::source::SourceText::read(&f, None).unwrap();
            out.push(ombuds::parse_source(&src).unwrap());
        }
    }
    out
}

/// The organisation on a corpus file's title line, read directly from the text.
fn title_organisations() -> Vec<String> {
    let mut out = Vec::new();
    for dir in ["corpus/seeds", "corpus/excerpts"] {
        for e in std::fs::read_dir(root().join(dir)).unwrap() {
            let p = e.unwrap().path();
            if p.extension().is_none_or(|x| x != "txt") {
                continue;
            }
            let text = String::from_utf8_lossy(&std::fs::read(&p).unwrap()).into_owned();
            let first = text.lines().find(|l| !l.trim().is_empty()).unwrap_or_default();
            if let Some((name, _)) = first.split_once(" (") {
                out.push(name.trim().to_owned());
            }
        }
    }
    out
}

// ---------------------------------------------------------------- organisations

#[test]
fn council_matches_any_form_of_a_name() {
    let orgs = title_organisations();
    let ealing = orgs.iter().filter(|o| *o == "London Borough of Ealing").count();
    assert!(ealing >= 2, "the corpus has decisions about Ealing");
    for form in [
        "London Borough of Ealing",
        "Ealing London Borough Council",
        "ealing  london borough council",
    ] {
        let v = json(
            corpus_index(),
            &["search", "--council", form, "--format", "json", "-n", "100"],
        );
        assert_eq!(v["total"].as_u64(), Some(ealing as u64), "{form}");
    }
    // The id alone is no looser than the words: another borough's name finds nothing of Ealing's.
    let v = json(
        corpus_index(),
        &[
            "search",
            "--council",
            "Camden London Borough Council",
            "--format",
            "json",
        ],
    );
    assert_eq!(v["total"].as_u64(), Some(0));
}

#[test]
fn council_successor_widens_to_predecessors_and_successors() {
    let orgs = title_organisations();
    let cumbria = orgs.iter().filter(|o| *o == "Cumbria County Council").count() as u64;
    let cumberland = orgs.iter().filter(|o| *o == "Cumberland Council").count() as u64;
    assert!(cumbria > 0 && cumberland > 0, "the corpus has both");
    let narrow = json(corpus_index(), &["search", "--council", "Cumbria", "--format", "json"]);
    assert_eq!(narrow["total"].as_u64(), Some(cumbria));
    let wide = json(
        corpus_index(),
        &[
            "search",
            "--council",
            "Cumbria",
            "--council-successor",
            "--format",
            "json",
        ],
    );
    assert_eq!(wide["total"].as_u64(), Some(cumbria + cumberland));
    // From the successor back to its predecessor.
    let back = json(
        corpus_index(),
        &[
            "search",
            "--council",
            "Cumberland Council",
            "--council-successor",
            "--format",
            "json",
        ],
    );
    assert_eq!(back["total"].as_u64(), Some(cumbria + cumberland));
    // A body never reorganised gains nothing.
    let kent = json(corpus_index(), &["search", "--council", "Kent", "--format", "json"]);
    let kent_wide = json(
        corpus_index(),
        &["search", "--council", "Kent", "--council-successor", "--format", "json"],
    );
    assert_eq!(kent["total"], kent_wide["total"]);
    // The flag widens --council; alone it is a usage error.
    let out = run(corpus_index(), &["search", "--council-successor"]);
    assert_eq!(out.status.code(), Some(2));
}

#[test]
fn stats_by_organisation_has_one_row_per_body_and_unmatched_lists_the_rest() {
    let v = json(corpus_index(), &["stats", "--by", "organisation", "--format", "json"]);
    let groups = v["groups"].as_array().unwrap();
    let total: u64 = groups.iter().map(|g| g["decisions"].as_u64().unwrap()).sum();
    assert_eq!(Some(total), v["total"].as_u64());
    let ids: Vec<&str> = groups.iter().filter_map(|g| g["id"].as_str()).collect();
    let unique: BTreeSet<&str> = ids.iter().copied().collect();
    assert_eq!(ids.len(), unique.len(), "one row per id: {ids:?}");
    // Milton Keynes Council is listed under its current name.
    let mk = groups.iter().find(|g| g["id"] == "milton-keynes").unwrap();
    assert_eq!(mk["group"], "Milton Keynes City Council");

    let table = ombuds::parse::organisation::Table::embedded();
    let u = json(
        corpus_index(),
        &["stats", "--by", "organisation", "--unmatched", "--format", "json"],
    );
    let unmatched = u["groups"].as_array().unwrap();
    assert!(!unmatched.is_empty());
    for g in unmatched {
        let name = g["group"].as_str().unwrap();
        assert!(table.lookup(name).is_none(), "{name} is in the table");
    }
    // Every name on a title line is either known or listed as unmatched: none is dropped.
    let listed: BTreeSet<&str> = unmatched.iter().filter_map(|g| g["group"].as_str()).collect();
    for name in title_organisations() {
        assert!(
            table.lookup(&name).is_some() || listed.contains(name.as_str()),
            "{name} is neither known nor listed"
        );
    }
    let out = run(corpus_index(), &["stats", "--by", "year", "--unmatched"]);
    assert_eq!(out.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&out.stderr).contains("--by organisation"));
}

// ---------------------------------------------------------------- similar

/// The English stems of `text`, as the index's analyzer makes them.
fn stems(text: &str) -> BTreeSet<String> {
    use tantivy::tokenizer::{Language, LowerCaser, SimpleTokenizer, Stemmer, TextAnalyzer};
    let mut analyzer = TextAnalyzer::builder(SimpleTokenizer::default())
        .filter(LowerCaser)
        .filter(Stemmer::new(Language::English))
        .build();
    let mut out = BTreeSet::new();
    let mut stream = analyzer.token_stream(text);
    stream.process(&mut |t| {
        out.insert(t.text.clone());
    });
    out
}

/// Share of (query, hit) pairs with the same subcategory over the top `k`,
/// and the share expected by chance (a random other decision).
fn same_subcategory_share(index: &Path, labels: &BTreeMap<String, String>, k: usize) -> (f64, f64) {
    let (mut same, mut pairs) = (0usize, 0usize);
    for (reference, label) in labels {
        let v = json(index, &["similar", reference, "-n", &k.to_string(), "--format", "json"]);
        for h in v["hits"].as_array().unwrap() {
            let r = h["reference"].as_str().unwrap();
            assert_ne!(r, reference, "a decision is not similar to itself");
            pairs += 1;
            same += usize::from(labels.get(r) == Some(label));
        }
    }
    let mut per: BTreeMap<&String, f64> = BTreeMap::new();
    for l in labels.values() {
        *per.entry(l).or_default() += 1.0;
    }
    let n = labels.len() as f64;
    let chance = per.values().map(|c| c * (c - 1.0)).sum::<f64>() / (n * (n - 1.0));
    (same as f64 / pairs.max(1) as f64, chance)
}

#[test]
fn similar_decisions_on_the_corpus_share_the_subcategory_far_more_often_than_chance() {
    let labels: BTreeMap<String, String> = parsed_corpus()
        .into_iter()
        .filter_map(|d| Some((d.reference?, format!("{} > {}", d.category?, d.subcategory?))))
        .collect();
    let (share, chance) = same_subcategory_share(corpus_index(), &labels, 3);
    eprintln!("corpus: top 3 share the subcategory {share:.3}, chance {chance:.3}");
    assert!(share > 5.0 * chance, "share {share:.3}, chance {chance:.3}");

    // The same measure for Tantivy's MoreLikeThisQuery, through the library,
    // and for the category alone: the figures of BENCHMARKS.md.
    use ombuds::index::similar::{Method, SimilarRequest};
    let idx = ombuds::index::OmbudsIndex::open(corpus_index()).unwrap();
    let category = |l: &str| l.split(" > ").next().unwrap_or_default().to_owned();
    let mut per: BTreeMap<String, f64> = BTreeMap::new();
    for l in labels.values() {
        *per.entry(category(l)).or_default() += 1.0;
    }
    let n = labels.len() as f64;
    let category_chance = per.values().map(|c| c * (c - 1.0)).sum::<f64>() / (n * (n - 1.0));
    for method in [Method::Distinctive, Method::TantivyMoreLikeThis] {
        let (mut sub, mut cat, mut pairs) = (0, 0, 0);
        for (reference, label) in &labels {
            let req = SimilarRequest {
                reference: reference.clone(),
                limit: 3,
                method,
                ..SimilarRequest::default()
            };
            for h in idx.similar(&req).unwrap().unwrap().hits {
                pairs += 1;
                // A decision without a reference or category shares neither.
                let Some(other) = h.hit.reference.as_deref().and_then(|r| labels.get(r)) else {
                    continue;
                };
                sub += usize::from(other == label);
                cat += usize::from(category(other) == category(label));
            }
        }
        let (sub, cat) = (sub as f64 / pairs as f64, cat as f64 / pairs as f64);
        eprintln!(
            "corpus, {method:?}: top 3 share the subcategory {sub:.3} (chance {chance:.3}), the category {cat:.3} (chance {category_chance:.3})"
        );
        assert!(sub > 5.0 * chance, "{method:?}: {sub:.3}");
    }
}

#[test]
fn similar_finds_decisions_built_from_the_same_paragraphs() {
    // Three variants of each corpus decision with enough paragraphs: each
    // keeps the summary and about two thirds of its paragraphs, and adds two
    // paragraphs of other decisions. A variant's nearest neighbours should be
    // its siblings, and so share its subcategory.
    let decisions: Vec<ombuds::Decision> = parsed_corpus()
        .into_iter()
        .filter(|d| d.category.is_some() && d.subcategory.is_some() && d.summary.is_some())
        .filter(|d| d.sections.iter().map(|s| s.paragraphs.len()).sum::<usize>() >= 4)
        .collect();
    assert!(decisions.len() >= 20, "{}", decisions.len());
    let all_paragraphs: Vec<String> = decisions
        .iter()
        .flat_map(|d| {
            d.sections
                .iter()
                .flat_map(|s| s.paragraphs.iter().map(|p| p.text.clone()))
        })
        .collect();
    let dir = tmp("variants");
    std::fs::create_dir_all(&dir).unwrap();
    let mut labels = BTreeMap::new();
    let mut state = 0x2545_f491_4f6c_dd1du64;
    let mut next = |n: usize| {
        state ^= state << 13;
        state ^= state >> 7;
        state ^= state << 17;
        (state % n as u64) as usize
    };
    for (i, d) in decisions.iter().enumerate() {
        let paragraphs: Vec<&str> = d
            .sections
            .iter()
            .flat_map(|s| s.paragraphs.iter().map(|p| p.text.as_str()))
            .collect();
        for v in 0..3 {
            let reference = format!("90 {:03} {:03}", i, v);
            let mut text = format!(
                "Example Council ({reference})\nCategory : {} > {}\nDecision : Upheld\nDecision date : 01 Jan 2024\nSummary: {}\nWhat I found\n",
                d.category.as_deref().unwrap(),
                d.subcategory.as_deref().unwrap(),
                d.summary.as_deref().unwrap()
            );
            for p in &paragraphs {
                if next(3) != 0 {
                    text.push_str(&format!("- {}\n", p.replace('\n', " ")));
                }
            }
            for _ in 0..2 {
                text.push_str(&format!(
                    "- {}\n",
                    all_paragraphs[next(all_paragraphs.len())].replace('\n', " ")
                ));
            }
            std::fs::write(dir.join(format!("{i:03}-{v}.txt")), text).unwrap();
            labels.insert(
                reference,
                format!(
                    "{} > {}",
                    d.category.as_deref().unwrap(),
                    d.subcategory.as_deref().unwrap()
                ),
            );
        }
    }
    let index = tmp("variants-index");
    ingest(&index, &[dir.to_str().unwrap()]);
    let (share, chance) = same_subcategory_share(&index, &labels, 2);
    eprintln!("variants: top 2 share the subcategory {share:.3}, chance {chance:.3}");
    assert!(
        share > 0.8 && share > 5.0 * chance,
        "share {share:.3}, chance {chance:.3}"
    );
}

#[test]
fn similar_says_why_respects_filters_and_limit() {
    let v = json(
        corpus_index(),
        &["similar", "23 017 456", "-n", "5", "--format", "json"],
    );
    let hits = v["hits"].as_array().unwrap();
    assert_eq!(hits.len(), 5);
    let terms: Vec<&str> = v["terms"]
        .as_array()
        .unwrap()
        .iter()
        .filter_map(Value::as_str)
        .collect();
    assert!(!terms.is_empty());
    let scores: Vec<f64> = hits.iter().map(|h| h["score"].as_f64().unwrap()).collect();
    assert!(scores.windows(2).all(|w| w[0] >= w[1]), "{scores:?}");
    for h in hits {
        let why: Vec<&str> = h["why"].as_array().unwrap().iter().filter_map(Value::as_str).collect();
        assert!(!why.is_empty(), "{h}");
        // Every word of the why is one of the query's words, and the hit has
        // it (or another form of it: `visit` for `visited`).
        let record = json(
            corpus_index(),
            &["show", h["reference"].as_str().unwrap(), "--format", "json"],
        );
        let text = stems(&record.to_string());
        for w in why {
            assert!(terms.contains(&w), "{w} not in {terms:?}");
            assert!(stems(w).is_subset(&text), "{w} not in {}", h["reference"]);
        }
    }
    // Filters apply to the hits.
    let f = json(
        corpus_index(),
        &["similar", "23017456", "--category", "Housing", "--format", "json"],
    );
    for h in f["hits"].as_array().unwrap() {
        assert_eq!(h["category"], "Housing", "{h}");
    }
    let out = run(corpus_index(), &["similar", "99 999 999"]);
    assert_eq!(out.status.code(), Some(1));
    assert!(String::from_utf8_lossy(&out.stderr).contains("no decision with reference '99 999 999'"));
    // The table form lists the shared words.
    let out = run(corpus_index(), &["similar", "23 017 456", "-n", "2"]);
    let table = String::from_utf8_lossy(&out.stdout);
    assert_eq!(table.matches("    shares: ").count(), 2, "{table}");
}

// ---------------------------------------------------------------- export

fn read_jsonl(path: &Path) -> Vec<Value> {
    std::fs::read_to_string(path)
        .unwrap()
        .lines()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect()
}

fn export(index: &Path, dir: &Path, format: &str, extra: &[&str]) -> Value {
    let mut args = vec!["export", "--format", format, "--out", dir.to_str().unwrap()];
    args.extend_from_slice(extra);
    let out = run(index, &args);
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    serde_json::from_str(&std::fs::read_to_string(dir.join("provenance.json")).unwrap()).unwrap()
}

/// A JSONL cell as the CSV writes it.
fn as_csv_cell(v: &Value) -> String {
    match v {
        Value::Null => String::new(),
        Value::String(s) => s.clone(),
        Value::Array(a) => a.iter().filter_map(Value::as_str).collect::<Vec<_>>().join("\n"),
        other => other.to_string(),
    }
}

#[test]
fn export_round_trip_matches_the_parsed_records_in_every_format() {
    let dir = tmp("export");
    let jsonl = dir.join("jsonl");
    let prov = export(corpus_index(), &jsonl, "jsonl", &[]);
    let records = parsed_corpus();
    let by_ref: BTreeMap<String, &ombuds::Decision> = records
        .iter()
        .map(|d| (ombuds::index::document::decision_key(d), d))
        .collect();
    let decisions = read_jsonl(&jsonl.join("decisions.jsonl"));
    assert_eq!(decisions.len(), by_ref.len());
    assert_eq!(prov["decisions"].as_u64(), Some(by_ref.len() as u64));
    let keys: Vec<&str> = decisions.iter().map(|r| r["key"].as_str().unwrap()).collect();
    let mut sorted = keys.clone();
    sorted.sort_unstable();
    assert_eq!(keys, sorted, "rows are in key order");
    for row in &decisions {
        let d = by_ref[row["key"].as_str().unwrap()];
        assert_eq!(row["reference"].as_str(), d.reference.as_deref());
        assert_eq!(row["organisation_id"].as_str(), d.organisation_id.as_deref());
        assert_eq!(row["total_payment_pence"].as_u64(), Some(d.total_payment_pence));
        assert_eq!(row["fault_count"].as_u64(), Some(d.faults.len() as u64));
        assert_eq!(
            row["decision_date"].as_str().map(str::to_owned),
            d.decision_date.map(|x| x.to_string())
        );
        assert_eq!(row["summary"].as_str(), d.summary.as_deref());
    }
    // The list tables hold exactly the records' lists.
    let count = |name: &str| read_jsonl(&jsonl.join(format!("{name}.jsonl"))).len();
    let sum = |f: &dyn Fn(&ombuds::Decision) -> usize| records.iter().map(f).sum::<usize>();
    assert_eq!(count("faults"), sum(&|d| d.faults.len() + d.no_fault_findings.len()));
    assert_eq!(count("remedies"), sum(&|d| d.remedies.len()));
    assert_eq!(count("payments"), sum(&|d| d.payments.len()));
    assert_eq!(count("legislation"), sum(&|d| d.legislation.len()));
    let pence: u64 = read_jsonl(&jsonl.join("payments.jsonl"))
        .iter()
        .map(|r| r["amount_pence"].as_u64().unwrap())
        .sum();
    assert_eq!(pence, records.iter().map(|d| d.total_payment_pence).sum::<u64>());

    // CSV: the same cells.
    let csv_dir = dir.join("csv");
    export(corpus_index(), &csv_dir, "csv", &[]);
    for table in ombuds::export::tables::TABLES {
        let rows = read_jsonl(&jsonl.join(format!("{}.jsonl", table.name)));
        let mut r = csv::Reader::from_path(csv_dir.join(format!("{}.csv", table.name))).unwrap();
        let head: Vec<String> = r.headers().unwrap().iter().map(str::to_owned).collect();
        let names: Vec<&str> = table.columns.iter().map(|c| c.name).collect();
        assert_eq!(head, names);
        let cells: Vec<Vec<String>> = r
            .records()
            .map(|x| x.unwrap().iter().map(str::to_owned).collect())
            .collect();
        assert_eq!(cells.len(), rows.len(), "{}", table.name);
        for (c, j) in cells.iter().zip(&rows) {
            let want: Vec<String> = names.iter().map(|n| as_csv_cell(&j[*n])).collect();
            assert_eq!(c, &want, "{}", table.name);
        }
    }

    // Parquet: the same values, read back with the parquet crate.
    let pq_dir = dir.join("parquet");
    export(corpus_index(), &pq_dir, "parquet", &[]);
    for table in ombuds::export::tables::TABLES {
        let rows = read_jsonl(&jsonl.join(format!("{}.jsonl", table.name)));
        let back = parquet_rows(&pq_dir.join(format!("{}.parquet", table.name)));
        assert_eq!(back.len(), rows.len(), "{}", table.name);
        for (b, j) in back.iter().zip(&rows) {
            assert_eq!(b, j, "{}", table.name);
        }
    }
    check_with_python(&pq_dir, by_ref.len());
}

/// The rows of a Parquet file as JSON objects (dates as ISO text), via the parquet crate.
fn parquet_rows(path: &Path) -> Vec<Value> {
    use parquet::file::reader::{FileReader, SerializedFileReader};
    use parquet::record::Field;
    fn to_json(f: &Field) -> Value {
        match f {
            Field::Null => Value::Null,
            Field::Str(s) => Value::String(s.clone()),
            Field::Long(n) => Value::from(*n),
            Field::Date(days) => {
                let d = jiff::civil::date(1970, 1, 1)
                    .checked_add(jiff::Span::new().days(i64::from(*days)))
                    .unwrap();
                Value::String(d.to_string())
            }
            Field::ListInternal(l) => Value::Array(l.elements().iter().map(to_json).collect()),
            other => panic!("unexpected parquet value {other:?}"),
        }
    }
    let reader = SerializedFileReader::new(std::fs::File::open(path).unwrap()).unwrap();
    let meta = reader
        .metadata()
        .file_metadata()
        .key_value_metadata()
        .cloned()
        .unwrap_or_default();
    assert!(
        meta.iter()
            .any(|kv| kv.key == "ombuds.provenance"
                && kv.value.as_deref().is_some_and(|v| v.contains("\"fingerprint\""))),
        "{} has no provenance",
        path.display()
    );
    reader
        .get_row_iter(None)
        .unwrap()
        .map(|row| {
            let row = row.unwrap();
            Value::Object(row.get_column_iter().map(|(k, v)| (k.clone(), to_json(v))).collect())
        })
        .collect()
}

/// Reads the Parquet files with pyarrow or DuckDB when Python has either;
/// says so when it has neither (the parquet crate's reader was used above).
fn check_with_python(dir: &Path, decisions: usize) {
    let script = r#"
import sys, json
d = sys.argv[1]
try:
    import pyarrow.parquet as pq
    t = pq.read_table(d + "/decisions.parquet")
    meta = json.loads(pq.read_metadata(d + "/decisions.parquet").metadata[b"ombuds.provenance"])
    print("pyarrow", t.num_rows, str(t.schema.field("decision_date").type), meta["index"]["documents"])
except ImportError:
    try:
        import duckdb
        n = duckdb.sql(f"select count(*) from '{d}/decisions.parquet'").fetchone()[0]
        ty = duckdb.sql(f"select typeof(decision_date) from '{d}/decisions.parquet' limit 1").fetchone()[0]
        print("duckdb", n, ty)
    except ImportError:
        print("neither")
"#;
    let out = std::process::Command::new("python3")
        .arg("-c")
        .arg(script)
        .arg(dir)
        .output();
    let Ok(out) = out else {
        eprintln!("no python3: the Parquet files were checked with the parquet crate's reader only");
        return;
    };
    let said = String::from_utf8_lossy(&out.stdout).trim().to_owned();
    if said == "neither" || !out.status.success() {
        eprintln!("python3 has neither pyarrow nor duckdb: the Parquet files were checked with the parquet crate's reader only");
        return;
    }
    let parts: Vec<&str> = said.split_whitespace().collect();
    assert_eq!(parts.get(1), Some(&decisions.to_string().as_str()), "{said}");
    assert!(matches!(parts.get(2), Some(&"date32[day]") | Some(&"DATE")), "{said}");
    eprintln!("{} read the Parquet export: {said}", parts[0]);
}

#[test]
fn export_is_deterministic_and_a_query_exports_what_search_counts() {
    let dir = tmp("determinism");
    for format in ["jsonl", "csv", "parquet"] {
        let (a, b) = (dir.join(format!("{format}-a")), dir.join(format!("{format}-b")));
        export(
            corpus_index(),
            &a,
            format,
            &["council tax", "--category", "Benefits and tax"],
        );
        export(
            corpus_index(),
            &b,
            format,
            &["council tax", "--category", "Benefits and tax"],
        );
        let names: BTreeSet<String> = std::fs::read_dir(&a)
            .unwrap()
            .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
            .collect();
        assert_eq!(names.len(), 6, "{names:?}");
        for n in &names {
            assert_eq!(
                std::fs::read(a.join(n)).unwrap(),
                std::fs::read(b.join(n)).unwrap(),
                "{format}: {n}"
            );
        }
    }
    let total = json(
        corpus_index(),
        &[
            "search",
            "council tax",
            "--category",
            "Benefits and tax",
            "-n",
            "0",
            "--format",
            "json",
        ],
    )["total"]
        .as_u64()
        .unwrap();
    assert!(total > 0);
    let rows = read_jsonl(&dir.join("jsonl-a/decisions.jsonl"));
    assert_eq!(rows.len() as u64, total);
    assert!(rows.iter().all(|r| r["category"] == "Benefits and tax"));
    // Re-exporting into the same directory replaces the files and leaves no temporary ones.
    let again = dir.join("jsonl-a");
    export(corpus_index(), &again, "jsonl", &[]);
    let left: Vec<String> = std::fs::read_dir(&again)
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .filter(|n| n.starts_with('.'))
        .collect();
    assert!(left.is_empty(), "{left:?}");
    assert!(read_jsonl(&again.join("decisions.jsonl")).len() as u64 > total);
}

// ---------------------------------------------------------------- provenance

#[test]
fn provenance_of_json_outputs_and_exports() {
    let docs = parsed_corpus().len() as u64;
    let search = json(
        corpus_index(),
        &[
            "search",
            "child protection",
            "--council",
            "Derbyshire",
            "--format",
            "json",
        ],
    );
    let p = &search["provenance"];
    assert_eq!(p["ombuds_version"], env!("CARGO_PKG_VERSION"));
    assert_eq!(p["command"], "search");
    assert_eq!(p["query"], "child protection");
    assert_eq!(p["filters"]["council"], "Derbyshire");
    assert_eq!(
        p["index"]["schema_version"].as_u64(),
        Some(u64::from(ombuds::index::schema::SCHEMA_VERSION))
    );
    assert_eq!(p["index"]["documents"].as_u64(), Some(docs));
    assert_eq!(p["time"], p["index"]["committed_at"]);
    assert!(p["time"].as_str().unwrap().ends_with('Z'), "{p}");
    let fingerprint = p["index"]["fingerprint"].as_str().unwrap().to_owned();
    assert!(
        fingerprint.starts_with("sha256:") && fingerprint.len() == 71,
        "{fingerprint}"
    );

    let stats = json(corpus_index(), &["stats", "--by", "year", "--format", "json"]);
    assert_eq!(stats["provenance"]["parameters"]["by"], "year");
    assert_eq!(stats["provenance"]["index"]["fingerprint"], fingerprint.as_str());
    let similar = json(corpus_index(), &["similar", "23 017 456", "--format", "json"]);
    assert_eq!(similar["provenance"]["parameters"]["reference"], "23 017 456");

    let dir = tmp("provenance");
    let prov = export(corpus_index(), &dir, "csv", &["--outcome", "upheld"]);
    assert_eq!(prov["index"]["fingerprint"], fingerprint.as_str());
    assert_eq!(prov["filters"]["outcomes"][0], "upheld");
    assert_eq!(prov["parameters"]["format"], "csv");
    for f in prov["files"].as_array().unwrap() {
        let bytes = std::fs::read(dir.join(f["file"].as_str().unwrap())).unwrap();
        assert_eq!(f["bytes"].as_u64(), Some(bytes.len() as u64));
        assert_eq!(f["sha256"].as_str().unwrap(), ombuds::source::sha256_hex(&bytes));
    }

    // The fingerprint is the index's contents, not how it was built: the same
    // files in another order give the same; one decision fewer gives another.
    let other = tmp("provenance-index");
    ingest(&other, &["corpus/excerpts", "corpus/seeds"]);
    let same = json(&other, &["stats", "--by", "year", "--format", "json"]);
    assert_eq!(same["provenance"]["index"]["fingerprint"], fingerprint.as_str());
    let fewer = tmp("provenance-fewer");
    ingest(&fewer, &["corpus/excerpts"]);
    let less = json(&fewer, &["stats", "--by", "year", "--format", "json"]);
    assert_ne!(less["provenance"]["index"]["fingerprint"], fingerprint.as_str());
}

// ---------------------------------------------------------------- Quickwit

#[test]
fn quickwit_mapping_is_pinned_and_maps_every_record_and_index_field() {
    let generated = ombuds::export::quickwit::index_config_yaml();
    let path = root().join("schema/quickwit-index.yaml");
    if std::env::var_os("OMBUDS_BLESS").is_some() {
        std::fs::write(&path, &generated).unwrap();
    }
    let committed = std::fs::read_to_string(&path).unwrap_or_default();
    assert!(
        committed == generated,
        "schema/quickwit-index.yaml differs from the mapping the code generates; regenerate it with \
         `OMBUDS_BLESS=1 cargo test --test tests research::quickwit` and review the diff"
    );
    let columns = ombuds::export::tables::DECISIONS.columns;
    // Every field of the record schema feeds some column.
    let schema: Value =
        serde_json::from_str(&std::fs::read_to_string(root().join("schema/decision.schema.json")).unwrap()).unwrap();
    for field in schema["properties"].as_object().unwrap().keys() {
        assert!(
            columns.iter().any(|c| c.record.contains(&field.as_str())),
            "record field {field} is not mapped"
        );
    }
    // Every field of the index has its counterpart (the stored record is Quickwit's stored source).
    let (index_schema, _) = ombuds::index::schema::build_schema();
    for (_, entry) in index_schema.fields() {
        let name = entry.name();
        let mirrored = columns.iter().any(|c| c.index.contains(&name))
            || (name == "record" && generated.contains("store_source: true"));
        assert!(mirrored, "index field {name} is not mirrored");
    }
    // Every column is a field mapping, once.
    for c in columns {
        assert_eq!(
            generated.matches(&format!("\n    - name: {}\n", c.name)).count(),
            1,
            "{}",
            c.name
        );
    }
}

//! The `ombuds` binary end to end: every command and format on a temporary
//! index of the bundled corpus, with counts computed independently from the
//! corpus files (by reading their header lines here, not through ombuds).

use std::collections::BTreeMap;
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

/// The `.txt` files of `corpus/seeds` and `corpus/excerpts`.
fn corpus_files() -> Vec<PathBuf> {
    let mut out = Vec::new();
    for dir in ["corpus/seeds", "corpus/excerpts"] {
        for e in std::fs::read_dir(root().join(dir)).unwrap() {
            let p = e.unwrap().path();
            if p.extension().is_some_and(|x| x == "txt") {
                out.push(p);
            }
        }
    }
    out.sort();
    out
}

/// The value of a `Name : value` header line, read directly from the text.
fn header(text: &str, name: &str) -> Option<String> {
    text.lines().find_map(|l| {
        let (k, v) = l.split_once(':')?;
        (k.trim() == name).then(|| v.trim().to_owned())
    })
}

struct Facts {
    outcome: Option<String>,
    category: Option<String>,
    date: Option<jiff::civil::Date>,
    text: String,
}

fn facts() -> Vec<Facts> {
    corpus_files()
        .iter()
        .map(|p| {
            let text = String::from_utf8_lossy(&std::fs::read(p).unwrap()).into_owned();
            Facts {
                outcome: header(&text, "Decision"),
                category: header(&text, "Category").map(|c| c.split('>').next().unwrap().trim().to_owned()),
                date: header(&text, "Decision date")
                    .and_then(|d| jiff::fmt::strtime::parse("%d %b %Y", &d).ok()?.to_date().ok()),
                text,
            }
        })
        .collect()
}

/// One index of the corpus, built once for the read-only tests.
fn shared_index() -> &'static Path {
    static INDEX: OnceLock<PathBuf> = OnceLock::new();
    INDEX.get_or_init(|| {
        let tmp = PathBuf::from(env!("CARGO_TARGET_TMPDIR"));
        // Each test process (nextest runs one per test) builds its own; remove those of finished runs.
        if Path::new("/proc/self").exists() {
            for e in std::fs::read_dir(&tmp).into_iter().flatten().flatten() {
                let name = e.file_name().to_string_lossy().into_owned();
                if let Some(pid) = name.strip_prefix("cli-index-") {
                    if !Path::new("/proc").join(pid).exists() {
                        let _ = std::fs::remove_dir_all(e.path());
                    }
                }
            }
        }
        let dir = tmp.join(format!("cli-index-{}", std::process::id()));
        let _ = std::fs::remove_dir_all(&dir);
        ombuds()
            .arg("--index")
            .arg(&dir)
            .args(["ingest", "corpus/seeds", "corpus/excerpts"])
            .current_dir(root())
            .assert()
            .success();
        dir
    })
}

fn run_json(index: &Path, args: &[&str]) -> Value {
    let out = ombuds()
        .arg("--index")
        .arg(index)
        .args(args)
        .current_dir(root())
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "{args:?}: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    serde_json::from_slice(&out.stdout)
        .unwrap_or_else(|e| panic!("{args:?}: {e}: {}", String::from_utf8_lossy(&out.stdout)))
}

fn search(args: &[&str]) -> Value {
    let mut all = vec!["search", "--format", "json"];
    all.extend_from_slice(args);
    run_json(shared_index(), &all)
}

fn total(args: &[&str]) -> u64 {
    let mut all = vec!["--limit", "0"];
    all.extend_from_slice(args);
    search(&all)["total"].as_u64().unwrap()
}

fn ingest_json(index: &Path, paths: &[&Path]) -> (Value, i32, String) {
    let out = ombuds()
        .arg("--index")
        .arg(index)
        .arg("ingest")
        .arg("--json")
        .args(paths)
        .output()
        .unwrap();
    let v =
        serde_json::from_slice(&out.stdout).unwrap_or_else(|e| panic!("{e}: {}", String::from_utf8_lossy(&out.stdout)));
    (
        v,
        out.status.code().unwrap(),
        String::from_utf8_lossy(&out.stderr).into_owned(),
    )
}

#[test]
fn ingest_counts_and_reingest_is_idempotent() {
    let dir = tempfile::tempdir().unwrap();
    let index = dir.path().join("idx");
    let seeds = root().join("corpus/seeds");
    let excerpts = root().join("corpus/excerpts");
    let n = corpus_files().len() as u64;
    let (first, code, _) = ingest_json(&index, &[&seeds, &excerpts]);
    assert_eq!(code, 0);
    assert_eq!(
        (first["added"].as_u64(), first["total"].as_u64()),
        (Some(n), Some(n)),
        "{first}"
    );
    let (second, code, _) = ingest_json(&index, &[&seeds, &excerpts]);
    assert_eq!(code, 0);
    assert_eq!(second["added"], 0, "{second}");
    assert_eq!(second["updated"], 0, "{second}");
    assert_eq!(second["unchanged"].as_u64(), Some(n));
    assert_eq!(
        second["total"].as_u64(),
        Some(n),
        "re-ingest must leave one document per decision"
    );
    // The plain summary names the four counts.
    ombuds()
        .arg("--index")
        .arg(&index)
        .arg("ingest")
        .arg(&seeds)
        .assert()
        .success()
        .stdout(predicates::str::contains("0 added, 0 updated, 5 unchanged, 0 failed"));
}

#[test]
fn ingest_of_a_folder_without_decisions_warns() {
    let dir = tempfile::tempdir().unwrap();
    let empty = dir.path().join("empty");
    std::fs::create_dir(&empty).unwrap();
    std::fs::write(empty.join("notes.md"), "not a decision").unwrap();
    let (report, code, stderr) = ingest_json(&dir.path().join("idx"), &[&empty]);
    assert_eq!(code, 0, "{stderr}");
    assert_eq!(report["added"], 0, "{report}");
    assert!(
        stderr.contains("empty: found no .txt, .html, .htm or .jsonl file; nothing was ingested"),
        "{stderr}"
    );
    // A folder with decisions says nothing of the kind.
    let (_, code, stderr) = ingest_json(&dir.path().join("idx"), &[&root().join("corpus/seeds")]);
    assert_eq!(code, 0, "{stderr}");
    assert!(!stderr.contains("nothing was ingested"), "{stderr}");
}

#[test]
fn ingest_upserts_a_changed_file() {
    let dir = tempfile::tempdir().unwrap();
    let docs = dir.path().join("docs");
    std::fs::create_dir(&docs).unwrap();
    let seeds: Vec<PathBuf> = corpus_files()
        .into_iter()
        .filter(|p| p.to_string_lossy().contains("seeds"))
        .collect();
    for s in &seeds[..3] {
        std::fs::copy(s, docs.join(s.file_name().unwrap())).unwrap();
    }
    let index = dir.path().join("idx");
    let (r, _, _) = ingest_json(&index, &[&docs]);
    assert_eq!(r["added"], 3);
    let changed = docs.join(seeds[1].file_name().unwrap());
    let text = std::fs::read_to_string(&changed).unwrap();
    let marker = "Zyzzogeton";
    let text = text.replacen("Summary:", &format!("Summary: {marker} was mentioned."), 1);
    std::fs::write(&changed, text).unwrap();
    let (r, _, _) = ingest_json(&index, &[&docs]);
    assert_eq!(
        (r["added"].as_u64(), r["updated"].as_u64(), r["unchanged"].as_u64()),
        (Some(0), Some(1), Some(2)),
        "{r}"
    );
    assert_eq!(r["total"], 3);
    let hits = run_json(&index, &["search", "--format", "json", marker]);
    assert_eq!(hits["total"], 1, "{hits}");
    let reference = hits["hits"][0]["reference"].as_str().unwrap().to_owned();
    let shown = run_json(&index, &["show", "--format", "json", &reference]);
    assert!(shown["summary"].as_str().unwrap().contains(marker));
}

#[test]
fn ingest_keys_unreferenced_decisions_by_content() {
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("noref.txt");
    std::fs::write(
        &file,
        "Category : Housing > Homelessness\nDecision : Upheld\nDecision date : 01 Feb 2024\n\
         Summary: The Council was at fault for the delay in the Quixotic review.\n",
    )
    .unwrap();
    let index = dir.path().join("idx");
    let (r, code, err) = ingest_json(&index, &[&file]);
    assert_eq!(code, 0, "{err}");
    assert_eq!(r["added"], 1);
    let (r, _, _) = ingest_json(&index, &[&file]);
    assert_eq!(
        (r["unchanged"].as_u64(), r["total"].as_u64()),
        (Some(1), Some(1)),
        "{r}"
    );
    let sha = {
        use sha2::Digest;
        let d = sha2::Sha256::digest(std::fs::read(&file).unwrap());
        d.iter().map(|b| format!("{b:02x}")).collect::<String>()
    };
    let shown = run_json(&index, &["show", "--format", "json", &format!("sha256:{sha}")]);
    assert_eq!(shown["reference"], Value::Null);
    assert_eq!(shown["source"]["sha256"], sha.as_str());
}

#[test]
fn ingest_reports_bad_files_and_keeps_the_rest() {
    let dir = tempfile::tempdir().unwrap();
    let docs = dir.path().join("docs");
    std::fs::create_dir(&docs).unwrap();
    let good = &corpus_files()[0];
    std::fs::copy(good, docs.join("good.txt")).unwrap();
    std::fs::write(docs.join("empty.txt"), "").unwrap();
    std::fs::write(docs.join("binary.txt"), [0u8, 159, 146, 150, 0, 1, 2, 3]).unwrap();
    std::fs::write(docs.join("ignored.json"), "{}").unwrap();
    let second = &corpus_files()[10];
    let line = serde_json::json!({ "url": "https://www.lgo.org.uk/decisions/x/y/1", "text": std::fs::read_to_string(second).unwrap() });
    std::fs::write(docs.join("records.jsonl"), format!("{line}\nthis is not json\n\n")).unwrap();
    let index = dir.path().join("idx");
    let (r, code, err) = ingest_json(&index, &[&docs, &dir.path().join("missing-dir")]);
    assert_eq!(code, 1, "some inputs failed: {err}");
    assert_eq!(r["added"], 2, "{r}");
    assert_eq!(r["failed"].as_array().unwrap().len(), 4, "{r}");
    for needle in ["empty.txt", "binary.txt", "records.jsonl: line 2", "missing-dir"] {
        assert!(err.contains(needle), "stderr should name {needle}: {err}");
    }
    assert!(!err.contains("ignored.json"));
    let hits = search_in(&index, &["--format", "json", "--limit", "10"]);
    let urls: Vec<&Value> = hits["hits"].as_array().unwrap().iter().map(|h| &h["url"]).collect();
    assert!(
        urls.contains(&&Value::from("https://www.lgo.org.uk/decisions/x/y/1")),
        "{hits}"
    );
}

fn search_in(index: &Path, args: &[&str]) -> Value {
    let mut all = vec!["search"];
    all.extend_from_slice(args);
    run_json(index, &all)
}

#[test]
fn ingest_jsonl_records() {
    let dir = tempfile::tempdir().unwrap();
    let labels: Vec<Value> =
        serde_json::from_str(&std::fs::read_to_string(root().join("corpus/excerpts/labels.json")).unwrap()).unwrap();
    let mut lines = String::new();
    for l in &labels[..20] {
        let text = std::fs::read_to_string(root().join("corpus/excerpts").join(l["file"].as_str().unwrap())).unwrap();
        lines.push_str(&serde_json::json!({ "url": l["url"], "text": text }).to_string());
        lines.push('\n');
    }
    let file = dir.path().join("decisions.jsonl");
    std::fs::write(&file, lines).unwrap();
    let index = dir.path().join("idx");
    let (r, code, err) = ingest_json(&index, &[&file]);
    assert_eq!(code, 0, "{err}");
    assert_eq!(r["added"], 20);
    let l = &labels[3];
    let shown = run_json(&index, &["show", "--format", "json", l["reference"].as_str().unwrap()]);
    assert_eq!(shown["source"]["url"], l["url"]);
    assert_eq!(shown["source"]["path"], format!("{}:4", file.display()).as_str());
}

#[test]
fn search_filters_match_independent_counts() {
    let facts = facts();
    let upheld = facts
        .iter()
        .filter(|f| f.outcome.as_deref().is_some_and(|o| o.starts_with("Upheld")))
        .count() as u64;
    assert!(upheld > 0);
    assert_eq!(total(&["--outcome", "upheld"]), upheld);
    assert_eq!(
        total(&["--outcome", "Upheld", "--outcome", "not upheld"]),
        upheld
            + facts
                .iter()
                .filter(|f| f.outcome.as_deref() == Some("Not upheld"))
                .count() as u64
    );
    let housing = facts
        .iter()
        .filter(|f| f.category.as_deref() == Some("Housing"))
        .count() as u64;
    assert!(housing > 0);
    assert_eq!(total(&["--category", "housing"]), housing);
    let (from, to) = (jiff::civil::date(2020, 1, 1), jiff::civil::date(2022, 12, 31));
    let in_range = facts
        .iter()
        .filter(|f| f.date.is_some_and(|d| d >= from && d <= to))
        .count() as u64;
    assert!(in_range > 0);
    assert_eq!(total(&["--from", "2020", "--to", "2022"]), in_range);
    assert_eq!(total(&["--from", "2020-01-01", "--to", "2022-12-31"]), in_range);
    let since_2020_upheld = facts
        .iter()
        .filter(|f| f.date.is_some_and(|d| d >= from) && f.outcome.as_deref() == Some("Upheld"))
        .count() as u64;
    assert_eq!(total(&["--from", "2020", "--outcome", "upheld"]), since_2020_upheld);
    // A phrase, with stemming: "section 47" also finds "sections 47".
    let re = regex::Regex::new(r"(?i)\bsections?\s+47\b").unwrap();
    let s47 = facts.iter().filter(|f| re.is_match(&f.text)).count() as u64;
    assert!(s47 > 0);
    assert_eq!(total(&["\"section 47\""]), s47);
    // Boolean operators: AND NOT excludes (it does not match nothing), OR unites.
    let (child, both) = (total(&["child"]), total(&["child AND protection"]));
    assert!(child > both && both > 0);
    assert_eq!(total(&["child AND NOT protection"]), child - both);
    assert_eq!(total(&["child NOT protection"]), child - both);
    assert_eq!(total(&["child OR protection"]), child + total(&["protection"]) - both);
    // Payment filters partition the corpus.
    let all = facts.len() as u64;
    assert_eq!(total(&[]), all);
    assert_eq!(total(&["--max-payment", "0"]) + total(&["--min-payment", "0.01"]), all);
}

#[test]
fn council_filter_matches_words_of_the_organisation() {
    let r = search(&["--council", "county council", "--limit", "1000"]);
    let hits = r["hits"].as_array().unwrap();
    assert!(!hits.is_empty());
    assert_eq!(hits.len() as u64, r["total"].as_u64().unwrap());
    for h in hits {
        let org = h["organisation"].as_str().unwrap().to_lowercase();
        assert!(org.contains("county") && org.contains("council"), "{org}");
    }
    // Independently: title lines naming a County Council.
    let titles = facts()
        .iter()
        .filter(|f| {
            f.text
                .lines()
                .any(|l| l.contains("County Council (") && l.trim_end().ends_with(')'))
        })
        .count();
    assert!(hits.len() >= titles, "{} hits, {titles} titles", hits.len());
}

#[test]
fn facets_match_independent_counts() {
    let facts = facts();
    let r = search(&["--facets", "--limit", "0"]);
    let f = &r["facets"];
    let mut outcomes: BTreeMap<String, u64> = BTreeMap::new();
    let mut categories: BTreeMap<String, u64> = BTreeMap::new();
    let mut years: BTreeMap<String, u64> = BTreeMap::new();
    for x in &facts {
        if let Some(o) = &x.outcome {
            *outcomes.entry(o.clone()).or_default() += 1;
        }
        if let Some(c) = &x.category {
            *categories.entry(c.clone()).or_default() += 1;
        }
        if let Some(d) = x.date {
            *years.entry(d.year().to_string()).or_default() += 1;
        }
    }
    let as_map = |v: &Value| -> BTreeMap<String, u64> {
        v.as_object()
            .unwrap()
            .iter()
            .map(|(k, n)| (k.clone(), n.as_u64().unwrap()))
            .collect()
    };
    assert_eq!(as_map(&f["outcome"]), outcomes);
    assert_eq!(as_map(&f["year"]), years);
    // Curly and straight apostrophes are one category.
    let norm = |m: BTreeMap<String, u64>| -> BTreeMap<String, u64> {
        let mut out = BTreeMap::new();
        for (k, n) in m {
            *out.entry(k.replace('\u{2019}', "'")).or_default() += n;
        }
        out
    };
    assert_eq!(norm(as_map(&f["category"])), norm(categories));
    let orgs: u64 = as_map(&f["organisation"]).values().sum();
    assert!(orgs > 0 && orgs <= facts.len() as u64);
    // Facets follow the query.
    let r = search(&["--facets", "--limit", "0", "--outcome", "upheld"]);
    assert_eq!(r["facets"]["outcome"].as_object().unwrap().len(), 1);
}

fn dates(r: &Value) -> Vec<Option<String>> {
    r["hits"]
        .as_array()
        .unwrap()
        .iter()
        .map(|h| h["decision_date"].as_str().map(str::to_owned))
        .collect()
}

#[test]
fn sort_orders_and_pages() {
    let n = facts().len().to_string();
    let r = search(&["--sort", "date", "--limit", &n]);
    let d = dates(&r);
    let dated: Vec<&String> = d.iter().flatten().collect();
    assert!(dated.windows(2).all(|w| w[0] >= w[1]), "newest first: {dated:?}");
    let first_none = d.iter().position(Option::is_none).unwrap_or(d.len());
    assert!(d[first_none..].iter().all(Option::is_none), "undated last");
    let r = search(&["--sort", "date", "--reverse", "--limit", &n]);
    let dated: Vec<String> = dates(&r).into_iter().flatten().collect();
    assert!(dated.windows(2).all(|w| w[0] <= w[1]), "oldest first: {dated:?}");
    // Without a query the default order is by date.
    assert_eq!(
        dates(&search(&["--limit", "5"])),
        dates(&search(&["--sort", "date", "--limit", "5"]))
    );
    let r = search(&["--sort", "payment", "--limit", &n]);
    let pay: Vec<u64> = r["hits"]
        .as_array()
        .unwrap()
        .iter()
        .map(|h| h["total_payment_pence"].as_u64().unwrap_or(0))
        .collect();
    assert!(pay.windows(2).all(|w| w[0] >= w[1]), "{pay:?}");
    // Relevance: scores do not increase.
    let r = search(&["council fault", "--limit", "20"]);
    let scores: Vec<f64> = r["hits"]
        .as_array()
        .unwrap()
        .iter()
        .map(|h| h["score"].as_f64().unwrap())
        .collect();
    assert!(
        scores.len() > 1 && scores.windows(2).all(|w| w[0] >= w[1]),
        "{scores:?}"
    );
    // Pages are slices of the full order.
    let ten = search(&["--sort", "date", "--limit", "10"]);
    let page = search(&["--sort", "date", "--limit", "5", "--offset", "5"]);
    assert_eq!(
        ten["hits"].as_array().unwrap()[5..],
        page["hits"].as_array().unwrap()[..]
    );
}

#[test]
fn formats_table_jsonl_csv_agree_with_json() {
    let json = search(&["complaint", "--limit", "7", "--sort", "date"]);
    let hits = json["hits"].as_array().unwrap();
    assert_eq!(hits.len(), 7);
    let run = |format: &str| -> String {
        let out = ombuds()
            .arg("--index")
            .arg(shared_index())
            .args([
                "search",
                "complaint",
                "--limit",
                "7",
                "--sort",
                "date",
                "--format",
                format,
            ])
            .output()
            .unwrap();
        assert!(out.status.success());
        String::from_utf8(out.stdout).unwrap()
    };
    let jsonl = run("jsonl");
    let lines: Vec<Value> = jsonl.lines().map(|l| serde_json::from_str(l).unwrap()).collect();
    assert_eq!(&lines[..], &hits[..]);
    let csv_text = run("csv");
    let mut rdr = csv::Reader::from_reader(csv_text.as_bytes());
    let headers = rdr.headers().unwrap().clone();
    assert_eq!(&headers[0], "reference");
    assert!(headers.iter().any(|h| h == "total_payment_pence") && headers.iter().any(|h| h == "snippet"));
    let rows: Vec<csv::StringRecord> = rdr.records().map(Result::unwrap).collect();
    assert_eq!(rows.len(), 7);
    for (row, hit) in rows.iter().zip(hits) {
        assert_eq!(&row[0], hit["reference"].as_str().unwrap_or(""));
        // No payment stated: null in JSON, an empty cell in CSV.
        let paid = hit["total_payment_pence"].as_u64().map(|p| p.to_string());
        assert_eq!(&row[6], paid.as_deref().unwrap_or(""));
    }
    let table = run("table");
    assert!(table.starts_with("REFERENCE"), "{table}");
    for hit in hits {
        assert!(table.contains(hit["reference"].as_str().unwrap()));
    }
    assert!(table.contains(&format!("of {} decisions", json["total"])), "{table}");
    assert!(!table.contains('\x1b'), "no colour when piped");
    // Colour on demand highlights the matching word.
    ombuds()
        .arg("--index")
        .arg(shared_index())
        .args(["--color", "always", "search", "complaint", "--limit", "1"])
        .assert()
        .success()
        .stdout(predicates::str::is_match("\x1b\\[1;31m[Cc]omplain").unwrap());
    // JSON snippets carry the highlight ranges of the matching words.
    let h = &hits[0];
    let snippet = h["snippet"].as_str().unwrap();
    let ranges = h["highlights"].as_array().unwrap();
    assert!(!ranges.is_empty());
    for r in ranges {
        let (s, e) = (r[0].as_u64().unwrap() as usize, r[1].as_u64().unwrap() as usize);
        assert!(
            snippet[s..e].to_lowercase().starts_with("complain"),
            "{}",
            &snippet[s..e]
        );
    }
}

#[test]
fn the_issue_example_query_runs() {
    let r = search(&[
        "\"section 47\" AND distress",
        "--category",
        "Children's care services > Child protection",
        "--outcome",
        "upheld",
        "--from",
        "2020",
        "--sort",
        "date",
        "--facets",
    ]);
    let hits = r["hits"].as_array().unwrap();
    assert_eq!(hits.len() as u64, r["total"].as_u64().unwrap());
    // Independently: the header lines, and the words in the text ("distressed" stems to "distress").
    let s47 = regex::Regex::new(r"(?i)\bsections?\s+47\b").unwrap();
    let distress = regex::Regex::new(r"(?i)\bdistress(es|ed|ing)?\b").unwrap();
    let want = facts()
        .iter()
        .filter(|f| {
            f.text
                .lines()
                .any(|l| l.starts_with("Category") && l.contains("Child protection"))
                && f.outcome.as_deref() == Some("Upheld")
                && f.date.is_some_and(|d| d >= jiff::civil::date(2020, 1, 1))
                && s47.is_match(&f.text)
                && distress.is_match(&f.text)
        })
        .count();
    assert!(want > 0);
    assert_eq!(hits.len(), want);
    for h in hits {
        assert_eq!(h["subcategory"], "Child protection");
        assert_eq!(h["outcome"], "Upheld");
        assert!(h["decision_date"].as_str().unwrap() >= "2020-01-01");
    }
}

#[test]
fn bad_queries_and_flags_fail_clearly() {
    for (q, needle) in [
        ("foo:bar", "no field 'foo'"),
        ("\"unclosed", "quotation mark is not closed"),
        ("((a", "parentheses do not balance"),
        (&"(".repeat(100), "nested"),
        (&"word ".repeat(1000), "limit"),
    ] {
        ombuds()
            .arg("--index")
            .arg(shared_index())
            .args(["search", q])
            .assert()
            .code(2)
            .stderr(predicates::str::contains(needle))
            .stderr(predicates::str::contains("panicked").not());
    }
    for args in [
        &["search", "--limit", "1000000"][..],
        &["search", "--from", "June"],
        &["search", "--min-payment", "ten"],
        &["search", "--remedy", "money"],
        &["stats"],
    ] {
        ombuds().arg("--index").arg(shared_index()).args(args).assert().code(2);
    }
    let missing = tempfile::tempdir().unwrap();
    ombuds()
        .arg("--index")
        .arg(missing.path().join("none"))
        .args(["search", "x"])
        .assert()
        .code(2)
        .stderr(predicates::str::contains("ombuds ingest --index"));
}

use predicates::prelude::PredicateBooleanExt;

#[test]
fn show_text_and_json() {
    let labels: Vec<Value> =
        serde_json::from_str(&std::fs::read_to_string(root().join("corpus/excerpts/labels.json")).unwrap()).unwrap();
    let l = &labels[0];
    let reference = l["reference"].as_str().unwrap();
    let json = run_json(shared_index(), &["show", "--format", "json", reference]);
    assert_eq!(json["reference"], reference);
    let record: ombuds::Decision = serde_json::from_value(json.clone()).unwrap();
    assert_eq!(record.reference.as_deref(), Some(reference));
    // Unquoted words and no spaces find it too.
    let compact = reference.replace(' ', "");
    let mut args = vec!["show"];
    args.extend(reference.split(' '));
    let out = ombuds()
        .arg("--index")
        .arg(shared_index())
        .args(&args)
        .output()
        .unwrap();
    assert!(out.status.success());
    let text = String::from_utf8(out.stdout).unwrap();
    assert!(text.contains(reference) && text.contains("Summary"), "{text}");
    if let Some(org) = json["organisation"].as_str() {
        assert!(text.contains(org));
    }
    let again = run_json(shared_index(), &["show", "--format", "json", &compact]);
    assert_eq!(again, json);
    ombuds()
        .arg("--index")
        .arg(shared_index())
        .args(["show", "99 999 999"])
        .assert()
        .code(1)
        .stderr(predicates::str::contains("no decision with reference '99 999 999'"));
}

#[test]
fn stats_by_every_dimension() {
    let facts = facts();
    let n = facts.len() as u64;
    for by in ["outcome", "category", "subcategory", "organisation", "year"] {
        let s = run_json(shared_index(), &["stats", "--by", by, "--format", "json"]);
        let groups = s["groups"].as_array().unwrap();
        let sum: u64 = groups.iter().map(|g| g["decisions"].as_u64().unwrap()).sum();
        assert_eq!(sum, n, "{by}: groups cover every decision");
        assert_eq!(s["total"].as_u64(), Some(n));
        for g in groups {
            let (d, u) = (g["decisions"].as_u64().unwrap(), g["upheld"].as_u64().unwrap());
            assert!((g["share_upheld"].as_f64().unwrap() - u as f64 / d as f64).abs() < 1e-9);
            let (t, paid) = (
                g["total_payment_pence"].as_u64().unwrap(),
                g["with_payment"].as_u64().unwrap(),
            );
            assert!((g["share_with_payment"].as_f64().unwrap() - paid as f64 / d as f64).abs() < 1e-9);
            // The mean is over the paid decisions only, and absent when none paid.
            match g["mean_payment_when_paid_pence"].as_u64() {
                Some(m) => assert!(
                    paid > 0 && m * paid <= t + paid && t <= m * paid + paid,
                    "mean of {t} over {paid} paid decisions is not {m}"
                ),
                None => assert_eq!((paid, t, g["mean_payment_when_paid_pence"].is_null()), (0, 0, true)),
            }
        }
    }
    let s = run_json(shared_index(), &["stats", "--by", "outcome", "--format", "json"]);
    let upheld = facts.iter().filter(|f| f.outcome.as_deref() == Some("Upheld")).count() as u64;
    let row = s["groups"]
        .as_array()
        .unwrap()
        .iter()
        .find(|g| g["group"] == "Upheld")
        .unwrap();
    assert_eq!(
        (
            row["decisions"].as_u64(),
            row["upheld"].as_u64(),
            row["share_upheld"].as_f64()
        ),
        (Some(upheld), Some(upheld), Some(1.0))
    );
    // By year, in calendar order; filters apply.
    let out = ombuds()
        .arg("--index")
        .arg(shared_index())
        .args(["stats", "--by", "year", "--category", "Housing", "--format", "csv"])
        .output()
        .unwrap();
    assert!(out.status.success());
    let mut rdr = csv::Reader::from_reader(&out.stdout[..]);
    assert_eq!(&rdr.headers().unwrap()[0], "year");
    let rows: Vec<csv::StringRecord> = rdr.records().map(Result::unwrap).collect();
    let years: Vec<&str> = rows.iter().map(|r| &r[0]).filter(|y| !y.is_empty()).collect();
    assert!(years.windows(2).all(|w| w[0] < w[1]), "{years:?}");
    let housing = facts
        .iter()
        .filter(|f| f.category.as_deref() == Some("Housing"))
        .count() as u64;
    assert_eq!(rows.iter().map(|r| r[1].parse::<u64>().unwrap()).sum::<u64>(), housing);
    let table = ombuds()
        .arg("--index")
        .arg(shared_index())
        .args(["stats", "--by", "category"])
        .output()
        .unwrap();
    let table = String::from_utf8(table.stdout).unwrap();
    assert!(table.starts_with("CATEGORY") && table.contains("% UPHELD"), "{table}");
    assert!(
        table.contains("% PAID") && table.contains("MEAN WHEN PAID") && !table.contains("MEAN PAID"),
        "{table}"
    );
}

#[test]
fn stats_mean_payment_is_over_paid_decisions() {
    // Two decisions of one council, one paid £300 and one paid nothing: the
    // mean when paid is £300 (not £150), and half of them paid.
    let dir = tempfile::tempdir().unwrap();
    let decision = |reference: &str, remedy: &str| {
        format!(
            "Testshire County Council ({reference})\nCategory : Housing > Allocations\nDecision : Upheld\n\
             Decision date : 06 Jun 2024\nThe Ombudsman's final decision:\nSummary: The Council was at fault.\n\
             The complaint\n1. Mrs X complains about the Council.\nAgreed action\n1. {remedy}\nFinal decision\n\
             1. I have completed my investigation.\n"
        )
    };
    std::fs::write(
        dir.path().join("a.txt"),
        decision(
            "24 000 001",
            "The Council will apologise to Mrs X and pay her £300 for her distress.",
        ),
    )
    .unwrap();
    std::fs::write(
        dir.path().join("b.txt"),
        decision("24 000 002", "The Council will apologise to Mrs X."),
    )
    .unwrap();
    let index = dir.path().join("index");
    let (_, code, stderr) = ingest_json(&index, &[dir.path()]);
    assert_eq!(code, 0, "{stderr}");
    let s = run_json(&index, &["stats", "--by", "organisation", "--format", "json"]);
    let g = &s["groups"][0];
    assert_eq!(g["decisions"].as_u64(), Some(2));
    assert_eq!(g["with_payment"].as_u64(), Some(1));
    assert_eq!(g["share_with_payment"].as_f64(), Some(0.5));
    assert_eq!(g["mean_payment_when_paid_pence"].as_u64(), Some(30_000));
    // The table shows no £0.00 for the decision without a payment.
    let out = ombuds()
        .arg("--index")
        .arg(&index)
        .args(["search", "--sort", "payment"])
        .output()
        .unwrap();
    let table = String::from_utf8(out.stdout).unwrap();
    let row = |r: &str| table.lines().find(|l| l.starts_with(r)).unwrap().to_owned();
    assert!(row("24 000 001").trim_end().ends_with("£300.00"), "{table}");
    assert!(row("24 000 002").trim_end().ends_with('—'), "{table}");
    assert!(!table.contains("£0.00"), "{table}");
}

#[test]
fn snippets_mark_where_paragraphs_join() {
    // A word of the body (summaries rarely hold it), so snippets come from
    // the joined paragraphs.
    let r = search(&["distress", "--limit", "50"]);
    let snippets: Vec<&str> = r["hits"]
        .as_array()
        .unwrap()
        .iter()
        .map(|h| h["snippet"].as_str().unwrap())
        .collect();
    assert!(snippets.iter().all(|s| !s.contains('\n')));
    // Some snippet spans a heading or paragraph break, and shows it.
    assert!(snippets.iter().any(|s| s.contains(" … ")), "{snippets:#?}");
}

/// Every subcommand clap knows, except `help`.
fn subcommands() -> Vec<String> {
    let out = ombuds().arg("--help").output().unwrap();
    let help = String::from_utf8(out.stdout).unwrap();
    let commands = help
        .split("Commands:")
        .nth(1)
        .unwrap()
        .split("Options:")
        .next()
        .unwrap();
    let names: Vec<String> = commands
        .lines()
        .filter_map(|l| l.split_whitespace().next())
        .filter(|n| *n != "help")
        .map(str::to_owned)
        .collect();
    assert!(names.len() >= 7, "{names:?}");
    names
}

#[test]
fn completions_generate_for_every_shell_and_command() {
    let commands = subcommands();
    for shell in ["bash", "zsh", "fish", "powershell", "elvish"] {
        let out = ombuds().args(["completions", shell]).output().unwrap();
        assert!(out.status.success(), "{shell}");
        let script = String::from_utf8(out.stdout).unwrap();
        for c in &commands {
            assert!(script.contains(c.as_str()), "{shell} completion lacks `{c}`");
        }
        // Options of a subcommand are completed too.
        assert!(script.contains("min-payment"), "{shell}");
    }
    ombuds()
        .args(["completions", "tcsh"])
        .assert()
        .code(2)
        .stderr(predicates::str::contains("invalid value 'tcsh'"));
}

#[test]
fn man_pages_generate_and_mention_every_command() {
    let commands = subcommands();
    let out = ombuds().arg("man").output().unwrap();
    assert!(out.status.success());
    let page = String::from_utf8(out.stdout).unwrap();
    assert!(
        page.starts_with(".ie") && page.contains(".TH ombuds 1"),
        "{}",
        &page[..200]
    );
    for c in &commands {
        assert!(page.contains(&format!("ombuds\\-{c}(1)")), "ombuds.1 lacks `{c}`");
    }
    let dir = tempfile::tempdir().unwrap();
    ombuds().arg("man").arg("--out-dir").arg(dir.path()).assert().success();
    for c in &commands {
        let sub = std::fs::read_to_string(dir.path().join(format!("ombuds-{c}.1"))).unwrap();
        assert!(sub.contains(&format!(".TH ombuds-{c} 1")), "{c}");
        assert!(sub.contains(&format!("ombuds {c}")), "{c}: synopsis names the command");
    }
}

#[test]
fn parse_prints_records() {
    let files = corpus_files();
    let (a, b) = (&files[0], &files[1]);
    let out = ombuds().arg("parse").arg(a).output().unwrap();
    assert!(out.status.success());
    let one: Value = serde_json::from_slice(&out.stdout).unwrap();
    assert!(one.is_object());
    let text = std::fs::read_to_string(a).unwrap();
    let title = text.lines().next().unwrap();
    assert!(title.contains(one["reference"].as_str().unwrap()), "{title}");
    let out = ombuds().arg("parse").arg(a).arg(b).output().unwrap();
    let two: Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(two.as_array().unwrap().len(), 2);
    assert_eq!(two[0], one);
    let out = ombuds()
        .args(["parse", "--format", "jsonl"])
        .arg(a)
        .arg(b)
        .output()
        .unwrap();
    let lines: Vec<Value> = String::from_utf8(out.stdout)
        .unwrap()
        .lines()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect();
    assert_eq!(lines, two.as_array().unwrap().clone());
    // Standard input, with a URL.
    let out = ombuds()
        .args(["parse", "--url", "https://www.lgo.org.uk/decisions/x/y/1", "-"])
        .write_stdin(text.clone())
        .output()
        .unwrap();
    assert!(out.status.success());
    let stdin: Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(stdin["reference"], one["reference"]);
    assert_eq!(stdin["source"]["url"], "https://www.lgo.org.uk/decisions/x/y/1");
    // A bad file is reported; the others still print; exit 1.
    let dir = tempfile::tempdir().unwrap();
    let empty = dir.path().join("empty.txt");
    std::fs::write(&empty, "").unwrap();
    let out = ombuds().arg("parse").arg(a).arg(&empty).arg(b).output().unwrap();
    assert_eq!(out.status.code(), Some(1));
    let err = String::from_utf8(out.stderr).unwrap();
    assert!(err.contains("empty.txt") && err.contains("empty"), "{err}");
    let printed: Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(printed, two);
}

#[test]
fn index_from_environment_and_version_check() {
    let dir = tempfile::tempdir().unwrap();
    let index = dir.path().join("idx");
    ombuds()
        .env("OMBUDS_INDEX", &index)
        .arg("ingest")
        .arg(&corpus_files()[0])
        .assert()
        .success();
    let r: Value = serde_json::from_slice(
        &ombuds()
            .env("OMBUDS_INDEX", &index)
            .args(["search", "--format", "json"])
            .output()
            .unwrap()
            .stdout,
    )
    .unwrap();
    assert_eq!(r["total"], 1);
    std::fs::write(
        index.join("ombuds-index.json"),
        r#"{"format":"ombuds-index","schema_version":0}"#,
    )
    .unwrap();
    ombuds()
        .env("OMBUDS_INDEX", &index)
        .args(["search", "x"])
        .assert()
        .code(2)
        .stderr(predicates::str::contains("version 0").and(predicates::str::contains("rebuild")));
}

#[test]
fn index_schema_is_pinned() {
    let path = root().join("schema/index-schema.json");
    let generated = ombuds::index::schema::schema_json();
    if std::env::var_os("OMBUDS_BLESS").is_some() {
        std::fs::write(&path, &generated).unwrap();
    }
    let committed = std::fs::read_to_string(&path).unwrap_or_default();
    assert!(
        committed == generated,
        "schema/index-schema.json differs from the index schema the code builds; if the change is \
         intended, bump SCHEMA_VERSION in src/index/schema.rs and regenerate the file with \
         `OMBUDS_BLESS=1 cargo test --test tests cli::index_schema_is_pinned`"
    );
}

//! Parser over the bundled corpus: labels, expected seed facts, boilerplate,
//! snapshots of every record, and the published JSON Schema.

use std::path::{Path, PathBuf};

use ombuds::source::SourceText;
use ombuds::Decision;
use serde_json::Value;

pub fn root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

/// Fails with every collected mismatch listed, so one run shows them all.
pub fn assert_no_failures(failures: &[String]) {
    assert!(
        failures.is_empty(),
        "{} mismatches:\n{}",
        failures.len(),
        failures.join("\n")
    );
}

/// Every `.txt` file under `corpus/<dir>`, sorted.
pub fn corpus_files(dir: &str) -> Vec<PathBuf> {
    let mut files: Vec<PathBuf> = std::fs::read_dir(root().join("corpus").join(dir))
        .expect("corpus dir")
        .map(|e| e.expect("dir entry").path())
        .filter(|p| p.extension().is_some_and(|e| e == "txt"))
        .collect();
    files.sort();
    files
}

fn labels() -> Vec<Value> {
    let text = std::fs::read_to_string(root().join("corpus/excerpts/labels.json")).expect("labels.json");
    serde_json::from_str::<Value>(&text)
        .expect("labels parse")
        .as_array()
        .expect("array")
        .clone()
}

fn expected() -> Value {
    let text = std::fs::read_to_string(root().join("corpus/seeds/expected.json")).expect("expected.json");
    serde_json::from_str(&text).expect("expected parse")
}

/// Parses a corpus file the way the CLI does, with its URL when known.
pub fn parse_file(path: &Path, url: Option<&str>) -> Decision {
    let src = SourceText::read(path, url).expect("readable corpus file");
    let mut d = ombuds::parse_source(&src).expect("corpus file parses");
    // Snapshots must not depend on where the checkout lives.
    d.source.path = path.strip_prefix(root()).ok().map(|p| p.display().to_string());
    d
}

fn url_of(file: &str) -> Option<String> {
    labels()
        .into_iter()
        .find(|l| l["file"] == file)
        .and_then(|l| l["url"].as_str().map(str::to_owned))
}

fn opt(v: &Value) -> Option<&str> {
    v.as_str()
}

#[test]
fn excerpts_match_every_label() {
    let mut failures = Vec::new();
    for label in labels() {
        let file = label["file"].as_str().expect("file");
        let d = parse_file(&root().join("corpus/excerpts").join(file), label["url"].as_str());
        let date = d.decision_date.map(|d| d.to_string());
        let checks = [
            ("organisation", opt(&label["organisation"]), d.organisation.as_deref()),
            ("reference", opt(&label["reference"]), d.reference.as_deref()),
            ("category", opt(&label["category"]), d.category.as_deref()),
            ("subcategory", opt(&label["subcategory"]), d.subcategory.as_deref()),
            ("outcome", opt(&label["outcome"]), d.outcome.as_deref()),
            ("decision_date", opt(&label["decision_date"]), date.as_deref()),
        ];
        for (field, want, got) in checks {
            if want != got {
                failures.push(format!("{file}: {field}: want {want:?}, got {got:?}"));
            }
        }
        // `summary_prefix` is labelled only where the page has a `Summary:`
        // line; pages without one take their opening prose (issue 2), which
        // the labels leave null.
        if let Some(prefix) = label["summary_prefix"].as_str() {
            if !d.summary.as_deref().unwrap_or("").starts_with(prefix) {
                failures.push(format!("{file}: summary: want prefix {prefix:?}, got {:?}", d.summary));
            }
        }
        if label["truncated"] == Value::Bool(false) && d.warnings.iter().any(|w| w.contains("cut off")) {
            failures.push(format!("{file}: complete document reported as cut off"));
        }
        if d.sections.is_empty() {
            failures.push(format!("{file}: no sections"));
        }
    }
    assert!(
        failures.is_empty(),
        "{} label mismatches:\n{}",
        failures.len(),
        failures.join("\n")
    );
}

#[test]
fn seeds_match_expected_core_fields() {
    let expected = expected();
    let mut failures = Vec::new();
    for (file, want) in expected["decisions"].as_object().expect("decisions") {
        let d = parse_file(&root().join("corpus/seeds").join(file), None);
        let date = d.decision_date.map(|d| d.to_string());
        for (field, got) in [
            ("organisation", d.organisation.as_deref()),
            ("reference", d.reference.as_deref()),
            ("category", d.category.as_deref()),
            ("subcategory", d.subcategory.as_deref()),
            ("outcome", d.outcome.as_deref()),
            ("decision_date", date.as_deref()),
            ("complainant", d.complainant.as_deref()),
            ("decided_by", d.decided_by.as_deref()),
        ] {
            if want[field].as_str() != got {
                failures.push(format!("{file}: {field}: want {:?}, got {got:?}", want[field]));
            }
        }
        let starts = want["summary_starts"].as_str().expect("summary_starts");
        if !d.summary.as_deref().unwrap_or("").starts_with(starts) {
            failures.push(format!("{file}: summary: want prefix {starts:?}, got {:?}", d.summary));
        }
        let headings: Vec<&str> = d.sections.iter().filter_map(|s| s.heading.as_deref()).collect();
        for h in want["sections_include"].as_array().expect("sections_include") {
            let h = h.as_str().expect("heading");
            if !headings.contains(&h) {
                failures.push(format!("{file}: no section {h:?} in {headings:?}"));
            }
        }
        if let Some(n) = want["paragraph_count_at_least"].as_u64() {
            let count = d.sections.iter().map(|s| s.paragraphs.len()).sum::<usize>() as u64;
            if count < n {
                failures.push(format!("{file}: {count} paragraphs, want at least {n}"));
            }
        }
        // Paragraph numbers run 1, 2, 3, … in reading order.
        let numbers: Vec<u32> = d
            .sections
            .iter()
            .flat_map(|s| s.paragraphs.iter().map(|p| p.number))
            .collect();
        if numbers != (1..=numbers.len() as u32).collect::<Vec<_>>() {
            failures.push(format!("{file}: paragraph numbers not continuous: {numbers:?}"));
        }
    }
    assert_no_failures(&failures);
}

/// Every string anywhere in a JSON value.
fn strings(v: &Value, out: &mut Vec<String>) {
    match v {
        Value::String(s) => out.push(s.clone()),
        Value::Array(a) => a.iter().for_each(|x| strings(x, out)),
        Value::Object(o) => o.values().for_each(|x| strings(x, out)),
        _ => {}
    }
}

#[test]
fn no_boilerplate_survives_in_any_record() {
    let boilerplate: Vec<String> = expected()["boilerplate_absent"]
        .as_array()
        .expect("boilerplate_absent")
        .iter()
        .map(|v| v.as_str().expect("string").to_owned())
        .collect();
    let mut failures = Vec::new();
    for dir in ["seeds", "excerpts"] {
        for path in corpus_files(dir) {
            let d = parse_file(&path, None);
            let mut texts = Vec::new();
            strings(&serde_json::to_value(&d).expect("json"), &mut texts);
            for t in texts {
                for line in t.lines() {
                    if boilerplate.iter().any(|b| line.trim() == b) || line.contains("Google Analytics") {
                        failures.push(format!("{}: boilerplate {line:?}", path.display()));
                    }
                }
            }
            // The table of contents never appears as sections before the summary.
            let headings: Vec<&str> = d.sections.iter().filter_map(|s| s.heading.as_deref()).collect();
            let mut seen = std::collections::HashSet::new();
            for h in &headings {
                if !seen.insert(*h) && ombuds::blocks::is_known_heading(h) {
                    failures.push(format!("{}: heading {h:?} twice", path.display()));
                }
            }
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

#[test]
fn snapshot_every_corpus_record() {
    for dir in ["seeds", "excerpts", "regressions"] {
        for path in corpus_files(dir) {
            let name = path.file_name().and_then(|n| n.to_str()).expect("name").to_owned();
            let url = if dir == "excerpts" { url_of(&name) } else { None };
            // A regression file may be a fuzzer's find that is no decision at all:
            // its record is what `parse` makes of it.
            let d = if dir == "regressions" {
                let mut d = ombuds::parse(&SourceText::read(&path, None).map(|s| s.text).unwrap_or_default(), None);
                d.source.path = path.strip_prefix(root()).ok().map(|p| p.display().to_string());
                d
            } else {
                parse_file(&path, url.as_deref())
            };
            insta::with_settings!({ snapshot_path => "snapshots", prepend_module_to_snapshot => false }, {
                insta::assert_json_snapshot!(format!("{dir}__{}", name.trim_end_matches(".txt")), d);
            });
        }
    }
}

#[test]
fn schema_matches_committed_file() {
    let generated = serde_json::to_string_pretty(&ombuds::parse::record::json_schema()).expect("schema json") + "\n";
    let path = root().join("schema/decision.schema.json");
    if std::env::var_os("OMBUDS_BLESS").is_some() {
        std::fs::write(&path, &generated).expect("write schema");
    }
    let committed = std::fs::read_to_string(&path).unwrap_or_default();
    assert!(
        committed == generated,
        "schema/decision.schema.json is out of date with src/parse/record.rs; regenerate it with \
         `OMBUDS_BLESS=1 cargo test --test tests corpus::schema_matches_committed_file` and review the diff"
    );
}

#[test]
fn every_corpus_record_validates_against_the_schema() {
    let text = std::fs::read_to_string(root().join("schema/decision.schema.json")).expect("schema file");
    let schema: Value = serde_json::from_str(&text).expect("schema parses");
    let validator = jsonschema::validator_for(&schema).expect("schema compiles");
    let mut failures = Vec::new();
    for dir in ["seeds", "excerpts"] {
        for path in corpus_files(dir) {
            let value = serde_json::to_value(parse_file(&path, None)).expect("json");
            for err in validator.iter_errors(&value) {
                failures.push(format!("{}: {} at {}", path.display(), err, err.instance_path()));
            }
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
    // The schema really constrains: a record with a malformed date fails.
    let mut bad = serde_json::to_value(parse_file(&corpus_files("seeds")[0], None)).expect("json");
    bad["decision_date"] = Value::String("June-ish".into());
    assert!(!validator.is_valid(&bad), "schema accepted decision_date 'June-ish'");
}

/// `corpus/regressions/`: one file per fixed bug or phrasing family. A
/// `.json` beside a file states what must hold (`headings`: the exact
/// section headings; `paragraph_count`; `remedy_kinds`: the kinds of the
/// remedies in order; `payments_pence`: the payments' amounts in order;
/// `remedies_include`: `[kind, words]` pairs, each a remedy of that kind
/// whose text holds the words; `remedies_exclude`: words no remedy or
/// payment text may hold; `faults_include` / `no_fault_include`: words each
/// of which some fault / no-fault finding holds; any record key with its
/// exact value); every file
/// must parse without panicking and keep the record's invariants.
#[test]
fn regressions_hold() {
    let dir = root().join("corpus/regressions");
    let mut failures = Vec::new();
    let mut files: Vec<PathBuf> = std::fs::read_dir(&dir)
        .expect("corpus/regressions")
        .map(|e| e.expect("entry").path())
        .filter(|p| p.extension().is_none_or(|e| e != "json"))
        .collect();
    files.sort();
    assert!(!files.is_empty(), "corpus/regressions is empty");
    for path in files {
        let bytes = std::fs::read(&path).expect("read");
        let Ok(src) = SourceText::from_bytes(&bytes, Some(&path), None) else {
            continue;
        };
        let d = match ombuds::parse_source(&src) {
            Ok(d) => d,
            Err(_) => ombuds::parse(&src.text, None),
        };
        let numbers: Vec<u32> = d
            .sections
            .iter()
            .flat_map(|s| s.paragraphs.iter().map(|p| p.number))
            .collect();
        if let Err(e) = d.check_invariants() {
            failures.push(format!("{}: {e}", path.display()));
        }
        let Ok(want) = std::fs::read_to_string(path.with_extension("json")) else {
            continue;
        };
        let want: Value = serde_json::from_str(&want).expect("expectation json");
        let got = serde_json::to_value(&d).expect("json");
        for (key, value) in want.as_object().expect("object") {
            let ok = match key.as_str() {
                "_about" => true,
                "headings" => {
                    let h: Vec<Value> = d.sections.iter().map(|s| serde_json::json!(s.heading)).collect();
                    Value::Array(h) == *value
                }
                "paragraph_count" => Some(numbers.len() as u64) == value.as_u64(),
                "remedy_kinds" => {
                    let kinds: Vec<Value> = d.remedies.iter().map(|r| Value::from(r.kind.as_str())).collect();
                    Value::Array(kinds) == *value
                }
                "payments_pence" => {
                    let pence: Vec<Value> = d.payments.iter().map(|p| Value::from(p.amount_pence)).collect();
                    Value::Array(pence) == *value
                }
                "remedy_deadline_dates" => {
                    let dates: Vec<Value> = d
                        .remedies
                        .iter()
                        .map(|r| serde_json::json!(r.deadline.as_ref().and_then(|x| x.date).map(|x| x.to_string())))
                        .collect();
                    Value::Array(dates) == *value
                }
                "payment_recipients" => {
                    let who: Vec<Value> = d.payments.iter().map(|p| serde_json::json!(p.recipient)).collect();
                    Value::Array(who) == *value
                }
                "remedies_include" => value.as_array().expect("pairs").iter().all(|pair| {
                    let (kind, words) = (pair[0].as_str().expect("kind"), pair[1].as_str().expect("words"));
                    d.remedies
                        .iter()
                        .any(|r| r.kind.as_str() == kind && r.text.contains(words))
                }),
                "faults_include" | "no_fault_include" => {
                    let findings = if key == "faults_include" {
                        &d.faults
                    } else {
                        &d.no_fault_findings
                    };
                    value.as_array().expect("list").iter().all(|w| {
                        let w = w.as_str().expect("words");
                        findings.iter().any(|f| f.text.contains(w))
                    })
                }
                "remedies_exclude" => value.as_array().expect("list").iter().all(|w| {
                    let w = w.as_str().expect("words");
                    !d.remedies.iter().any(|r| r.text.contains(w)) && !d.payments.iter().any(|p| p.text.contains(w))
                }),
                _ => got.get(key) == Some(value),
            };
            if !ok {
                let kinds: Vec<&str> = d.remedies.iter().map(|r| r.kind.as_str()).collect();
                let pence: Vec<u64> = d.payments.iter().map(|p| p.amount_pence).collect();
                failures.push(format!(
                    "{}: {key}: want {value}; remedies {kinds:?} {:#?}; payments {pence:?}",
                    path.display(),
                    d.remedies.iter().map(|r| &r.text).collect::<Vec<_>>()
                ));
            }
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

/// A tiny deterministic generator (splitmix64), so generated documents are
/// the same on every run.
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }
    fn pick<'a>(&mut self, items: &[&'a str]) -> &'a str {
        items[(self.next() % items.len() as u64) as usize]
    }
    fn below(&mut self, n: u64) -> u64 {
        self.next() % n
    }
}

/// Header fields survive every combination of layout, spacing, boilerplate,
/// table of contents and body that the LGSCO pages use, on documents that are
/// not in the corpus.
#[test]
fn generated_documents_parse_their_header_fields() {
    const ORGS: &[&str] = &[
        "Kent County Council",
        "London Borough of Hammersmith & Fulham",
        "St Helens Metropolitan Borough Council",
        "Bright Futures Care Ltd",
        "Greater Manchester Combined Authority",
        "King's Lynn and West Norfolk Borough Council",
        "Leeds Teaching Hospitals NHS Trust",
    ];
    const CATEGORIES: &[&str] = &[
        "Housing > Homelessness",
        "Education > School admissions",
        "Planning > Enforcement",
        "Adult care services > Assessment and care plan",
        "Transport and highways > Highway repair and maintenance",
        "Benefits and tax > Council tax",
        "Environment and regulation > Noise",
    ];
    const OUTCOMES: &[&str] = &[
        "Upheld",
        "Not upheld",
        "Closed after initial enquiries",
        "Upheld: maladministration and injustice",
    ];
    const MONTHS: &[&str] = &[
        "Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec",
    ];
    const PEOPLE: &[&str] = &["Mr X", "Mrs Y", "Miss B", "Ms D", "Mr and Mrs K", "Dr P"];
    let banner = std::fs::read_to_string(root().join("corpus/seeds/001_2fc295d62b79c044.txt")).expect("seed");
    let banner = &banner[banner.find("Print this page").expect("banner")..];
    let mut rng = Rng(7);
    for case in 0..300 {
        let org = rng.pick(ORGS);
        let letter = if rng.below(5) == 0 { "a" } else { "" };
        let reference = format!(
            "{:02} {:03} {:03}{letter}",
            13 + rng.below(14),
            rng.below(1000),
            rng.below(1000)
        );
        let category = rng.pick(CATEGORIES);
        let outcome = rng.pick(OUTCOMES);
        let (day, month, year) = (1 + rng.below(28), rng.below(12), 2013 + rng.below(14));
        let person = rng.pick(PEOPLE);
        let numbered = rng.below(2) == 0;
        let sep = if rng.below(2) == 0 { "\n\n" } else { "\n" };
        let summary =
            format!("{person} complained the Council delayed. We found fault and the Council agreed to apologise.");
        let mut doc = String::new();
        if rng.below(4) == 0 {
            doc.push_str("Privacy settings\n\nLGO logogram\n\nReview your privacy settings\n\nRequired cookies\n\n");
        }
        doc.push_str(&format!("{org} ({reference}){sep}"));
        if rng.below(3) == 0 {
            doc.push_str("- The complaint\n- What I found\n- Final decision\n");
        }
        doc.push_str(&format!(
            "Category : {category}{sep}Decision : {outcome}{sep}Decision date : {day:02} {} {year}{sep}The Ombudsman's final decision:{sep}Summary: {summary}{sep}",
            MONTHS[month as usize]
        ));
        let sections = ["The complaint", "What I found", "Agreed action", "Final decision"];
        let mut paragraphs = 0;
        for (k, heading) in sections.iter().enumerate() {
            doc.push_str(&format!("{heading}{sep}"));
            for n in 1..=(1 + rng.below(4)) {
                paragraphs += 1;
                let text = format!("Paragraph {paragraphs} of section {k} says {person} complained about the Council.");
                if numbered {
                    doc.push_str(&format!("  {n}. {text}\n"));
                    if rng.below(3) == 0 {
                        doc.push_str("    • the first item;\n    • the second item.\n");
                    }
                } else {
                    doc.push_str(&format!("- {text}\n"));
                }
            }
            if numbered {
                doc.push_str("\nBack to top\n\n");
            }
        }
        doc.push_str("Investigator's decision on behalf of the Ombudsman\n");
        if rng.below(2) == 0 {
            doc.push_str(banner);
        }
        let d = ombuds::parse(&doc, None);
        let ctx = format!("case {case}:\n{doc}");
        let (cat, sub) = category.split_once(" > ").expect("category");
        assert_eq!(d.organisation.as_deref(), Some(org), "{ctx}");
        assert_eq!(d.reference.as_deref(), Some(reference.as_str()), "{ctx}");
        assert_eq!(
            (d.category.as_deref(), d.subcategory.as_deref()),
            (Some(cat), Some(sub)),
            "{ctx}"
        );
        assert_eq!(d.outcome.as_deref(), Some(outcome), "{ctx}");
        assert_eq!(
            d.decision_date
                .map(|d| (d.year() as u64, d.month() as u64, d.day() as u64)),
            Some((year, month + 1, day)),
            "{ctx}"
        );
        assert_eq!(d.summary.as_deref(), Some(summary.as_str()), "{ctx}");
        assert_eq!(d.complainant.as_deref(), Some(person), "{ctx}");
        assert_eq!(
            d.decided_by.as_deref(),
            Some("Investigator's decision on behalf of the Ombudsman"),
            "{ctx}"
        );
        let headings: Vec<&str> = d.sections.iter().filter_map(|s| s.heading.as_deref()).collect();
        assert_eq!(headings, sections, "{ctx}");
        assert_eq!(
            d.sections.iter().map(|s| s.paragraphs.len()).sum::<usize>(),
            paragraphs as usize,
            "{ctx}"
        );
        assert!(d.warnings.is_empty(), "{ctx}\n{:?}", d.warnings);
    }
}

//! Saved HTML pages: every corpus decision rendered in every page template
//! (`benches/support/templates.rs`) parses to the same record as its text;
//! pages with no decision are rejected; malformed markup never panics.

use std::path::{Path, PathBuf};

use assert_cmd::Command;
use proptest::prelude::*;
use serde_json::Value;

use ombuds::source::{Format, SourceText};
use ombuds::Decision;

use crate::corpus::{assert_no_failures, corpus_files, root};

#[path = "../benches/support/templates.rs"]
mod templates;

use templates::Template;

/// `(file, url)` of every corpus decision: seeds, excerpts (with their page
/// URL from labels.json) and regressions.
fn corpus() -> Vec<(PathBuf, Option<String>)> {
    let labels: serde_json::Value = serde_json::from_str(
        &std::fs::read_to_string(root().join("corpus/excerpts/labels.json")).expect("labels.json"),
    )
    .expect("labels parse");
    let url_of = |name: &str| {
        labels
            .as_array()
            .expect("array")
            .iter()
            .find(|l| l["file"] == name)
            .and_then(|l| l["url"].as_str().map(str::to_owned))
    };
    let mut out = Vec::new();
    for dir in ["seeds", "excerpts", "regressions"] {
        for f in corpus_files(dir) {
            let name = f.file_name().and_then(|n| n.to_str()).unwrap_or_default().to_owned();
            let url = if dir == "excerpts" { url_of(&name) } else { None };
            out.push((f, url));
        }
    }
    out
}

/// The record without its provenance (path, URL, hash), which differs by design.
fn without_source(mut d: Decision) -> Decision {
    d.source = Default::default();
    d
}

/// Parses a page as `ombuds parse page.html` does.
fn parse_page(html: &str, name: &str, url: Option<&str>) -> ombuds::Result<Decision> {
    let src = SourceText::from_bytes(html.as_bytes(), Some(Path::new(name)), url)?;
    assert_eq!(src.format, Format::Html, "{name}");
    ombuds::parse_source(&src)
}

#[test]
fn every_corpus_decision_in_every_template_parses_as_its_text() {
    let mut failures = Vec::new();
    let mut pages = 0;
    for (file, url) in corpus() {
        let src = SourceText::read(&file, url.as_deref()).expect("readable corpus file");
        let want = without_source(ombuds::parse_source(&src).expect("corpus file parses"));
        for template in Template::ALL {
            pages += 1;
            let html = templates::render(&src.text, url.as_deref(), template);
            let name = format!("{}.{}.html", file.display(), template.name());
            // `OMBUDS_HTML_DUMP=dir` writes the pages there, to look at them.
            if let Some(dir) = std::env::var_os("OMBUDS_HTML_DUMP") {
                let base = file.file_stem().and_then(|s| s.to_str()).unwrap_or("page");
                std::fs::create_dir_all(&dir).expect("dump dir can be created");
                let out = Path::new(&dir).join(format!("{base}.{}.html", template.name()));
                std::fs::write(&out, &html).expect("dump dir is writable");
            }
            // Templates that carry the page URL must supply it themselves.
            let given = if template.carries_url() { None } else { url.as_deref() };
            match parse_page(&html, &name, given) {
                Ok(got) => {
                    if template.carries_url() && got.source.url != url {
                        failures.push(format!("{name}: url {:?}, want {url:?}", got.source.url));
                    }
                    let got = without_source(got);
                    if got != want {
                        let a = serde_json::to_string_pretty(&want).unwrap_or_default();
                        let b = serde_json::to_string_pretty(&got).unwrap_or_default();
                        let diff: Vec<String> = a
                            .lines()
                            .zip(b.lines())
                            .filter(|(x, y)| x != y)
                            .take(3)
                            .map(|(x, y)| format!("    text: {x}\n    html: {y}"))
                            .collect();
                        failures.push(format!("{name}: differs\n{}", diff.join("\n")));
                    }
                }
                Err(e) => failures.push(format!("{name}: {e}")),
            }
        }
    }
    assert!(pages >= 4 * 80, "only {pages} pages");
    assert_no_failures(&failures);
}

fn ombuds() -> Command {
    let mut c = Command::cargo_bin("ombuds").expect("binary");
    c.env_remove("OMBUDS_INDEX").env("NO_COLOR", "1");
    c
}

fn seed(n: usize) -> PathBuf {
    corpus_files("seeds")[n].clone()
}

fn json_without_source(out: &[u8]) -> Value {
    let v: Value = serde_json::from_slice(out).unwrap_or_else(|e| panic!("{e}: {}", String::from_utf8_lossy(out)));
    let mut records = match v {
        Value::Array(a) => a,
        one => vec![one],
    };
    for r in &mut records {
        r["source"] = Value::Null;
    }
    Value::Array(records)
}

#[test]
fn cli_parses_a_page_file_and_standard_input_as_its_text() {
    let dir = tempfile::tempdir().expect("temp dir");
    let text_file = seed(0);
    let text = std::fs::read_to_string(&text_file).expect("seed");
    let page = dir.path().join("page.html");
    std::fs::write(&page, templates::render(&text, None, Template::Modern)).expect("write");
    // A page saved without an extension is recognised by its first bytes.
    let bare = dir.path().join("saved-page");
    std::fs::write(&bare, templates::render(&text, None, Template::Print)).expect("write");

    let want = ombuds().arg("parse").arg(&text_file).output().expect("runs");
    assert!(want.status.success());
    let want = json_without_source(&want.stdout);
    for file in [&page, &bare] {
        let got = ombuds().arg("parse").arg(file).output().expect("runs");
        assert!(got.status.success(), "{}", String::from_utf8_lossy(&got.stderr));
        assert_eq!(json_without_source(&got.stdout), want, "{}", file.display());
    }
    let got = ombuds()
        .args(["parse", "-"])
        .write_stdin(std::fs::read(&page).expect("read"))
        .output()
        .expect("runs");
    assert!(got.status.success(), "{}", String::from_utf8_lossy(&got.stderr));
    assert_eq!(json_without_source(&got.stdout), want);
}

#[test]
fn ingest_a_folder_of_text_pages_and_jsonl() {
    let dir = tempfile::tempdir().expect("temp dir");
    let docs = dir.path().join("docs");
    std::fs::create_dir(&docs).expect("mkdir");
    let labels: Vec<Value> =
        serde_json::from_str(&std::fs::read_to_string(root().join("corpus/excerpts/labels.json")).expect("labels"))
            .expect("labels parse");
    let text_of = |l: &Value| {
        std::fs::read_to_string(root().join("corpus/excerpts").join(l["file"].as_str().expect("file"))).expect("read")
    };
    let url_of = |l: &Value| l["url"].as_str().map(str::to_owned);
    // 0..10 as text files, 10..20 as .html pages (URL in the page), 20..25 as .htm
    // fragments, 25..35 as JSONL: text and html records alternating.
    for (i, l) in labels[..10].iter().enumerate() {
        std::fs::write(docs.join(format!("{i}.txt")), text_of(l)).expect("write");
    }
    for (i, l) in labels[10..20].iter().enumerate() {
        let t = Template::ALL[i % 2 * 3]; // Modern and Print carry the URL
        std::fs::write(
            docs.join(format!("{i}.html")),
            templates::render(&text_of(l), url_of(l).as_deref(), t),
        )
        .expect("write");
    }
    for (i, l) in labels[20..25].iter().enumerate() {
        std::fs::write(
            docs.join(format!("{i}.HTM")),
            templates::render(&text_of(l), None, Template::Fragment),
        )
        .expect("write");
    }
    let mut jsonl = String::new();
    for (i, l) in labels[25..35].iter().enumerate() {
        let record = if i % 2 == 0 {
            serde_json::json!({ "url": l["url"], "text": text_of(l) })
        } else {
            serde_json::json!({ "url": l["url"], "html": templates::render(&text_of(l), None, Template::Table) })
        };
        jsonl.push_str(&record.to_string());
        jsonl.push('\n');
    }
    jsonl.push_str(&serde_json::json!({ "url": "x", "text": "a", "html": "<p>b</p>" }).to_string());
    jsonl.push('\n');
    std::fs::write(docs.join("records.jsonl"), jsonl).expect("write");

    let index = dir.path().join("idx");
    let out = ombuds()
        .arg("--index")
        .arg(&index)
        .args(["ingest", "--json"])
        .arg(&docs)
        .output()
        .expect("runs");
    let err = String::from_utf8_lossy(&out.stderr);
    let r: Value = serde_json::from_slice(&out.stdout).expect("json report");
    assert_eq!(r["added"], 35, "{r}\n{err}");
    assert_eq!(r["failed"].as_array().map(Vec::len), Some(1), "{r}");
    assert!(
        err.contains("records.jsonl: line 11") && err.contains("exactly one of"),
        "{err}"
    );

    // Every decision is in the index with the fields its text gives.
    for l in &labels[..35] {
        let Some(reference) = l["reference"].as_str() else {
            continue;
        };
        let shown = ombuds()
            .arg("--index")
            .arg(&index)
            .args(["show", "--format", "json", reference])
            .output()
            .expect("runs");
        assert!(
            shown.status.success(),
            "{reference}: {}",
            String::from_utf8_lossy(&shown.stderr)
        );
        let d: Value = serde_json::from_slice(&shown.stdout).expect("json");
        for key in ["organisation", "category", "outcome"] {
            assert_eq!(d[key], l[key], "{reference} {key}");
        }
    }
}

/// A page with no decision in it is "not a decision", naming the file.
#[test]
fn err_pages_without_a_decision() {
    let search = r#"<!DOCTYPE html><html><head><title>Search decisions</title></head><body><main>
        <h1>Decisions: 3 results</h1>
        <article><h2><a href="/decisions/a/b/23-017-456">Derbyshire County Council (23 017 456)</a></h2>
          <p>Category : Children's care services &gt; Child protection</p><p>Decision : Upheld</p>
          <p>Summary: The Council was at fault.</p></article>
        <article><h2><a href="/decisions/a/b/24-013-283">Norfolk County Council (24 013 283)</a></h2>
          <p>Category : Adult care services &gt; Charging</p><p>Decision : Upheld</p></article>
        <article><h2><a href="/decisions/a/b/22-011-513">Hertfordshire County Council (22 011 513)</a></h2>
          <p>Decision : Not upheld</p></article>
        </main></body></html>"#;
    let error = r#"<!DOCTYPE html><html><head><title>Page not found</title></head><body>
        <header><nav><a href="/">Home</a></nav></header><main><h1>Page not found</h1>
        <p>Sorry, we cannot find the page you are looking for.</p></main><footer>LGSCO</footer></body></html>"#;
    let cookie_wall = r#"<!DOCTYPE html><html><head><title>LGSCO</title><script>consent()</script></head><body>
        <div class="cookie-banner"><h2>Privacy settings</h2><p>We use cookies to make this website work.</p>
        <button>Accept all cookies</button></div></body></html>"#;
    for (name, markup, detail) in [
        ("search.html", search, "lists 3 decision titles"),
        ("error.html", error, "found no reference"),
        ("cookies.html", cookie_wall, "no text outside navigation"),
    ] {
        let err = parse_page(markup, name, None).expect_err(name).to_string();
        assert!(err.starts_with(&format!("{name}: not a decision: ")), "{err}");
        assert!(err.contains(detail), "{name}: {err}");
    }
}

#[test]
fn ok_charset_from_meta_or_bom() {
    let body = "<h1>Kent County Council (19 010 414)</h1><p>Decision : Upheld</p><h2>The complaint</h2><p>Mr X\u{2019}s claim for \u{a3}250.</p>";
    let want = "Mr X\u{2019}s claim for \u{a3}250.";
    // Windows-1252, declared in either form.
    for meta in [
        r#"<meta charset="windows-1252">"#,
        r#"<meta http-equiv="Content-Type" content="text/html; charset=ISO-8859-1">"#,
    ] {
        let markup = format!("<!DOCTYPE html><html><head>{meta}</head><body>{body}</body></html>");
        let (bytes, _, _) = encoding_rs::WINDOWS_1252.encode(&markup);
        let src = SourceText::from_bytes(&bytes, Some(Path::new("p.html")), None).expect("decodes");
        assert_eq!(src.warnings, Vec::<String>::new(), "{meta}");
        let d = ombuds::parse_source(&src).expect("parses");
        assert_eq!(d.sections[0].paragraphs[0].text, want, "{meta}");
    }
    // UTF-16 with a BOM, recognised as HTML once decoded.
    let markup = format!("<!DOCTYPE html><html><body>{body}</body></html>");
    let mut bytes = vec![0xFF, 0xFE];
    bytes.extend(markup.encode_utf16().flat_map(u16::to_le_bytes));
    let src = SourceText::from_bytes(&bytes, None, None).expect("decodes");
    assert_eq!(src.format, Format::Html);
    assert_eq!(
        ombuds::parse_source(&src).expect("parses").sections[0].paragraphs[0].text,
        want
    );
    // No declaration and not UTF-8: Windows-1252 with a warning, as for text.
    let (bytes, _, _) = encoding_rs::WINDOWS_1252.encode(&markup);
    let src = SourceText::from_bytes(&bytes, None, None).expect("decodes");
    assert!(
        src.warnings[0].contains("decoded as Windows-1252"),
        "{:?}",
        src.warnings
    );
    let d = ombuds::parse_source(&src).expect("parses");
    assert_eq!(d.sections[0].paragraphs[0].text, want);
    assert!(
        d.warnings.iter().any(|w| w.contains("Windows-1252")),
        "{:?}",
        d.warnings
    );
    // Declared Windows-1252 but re-saved as UTF-8 by a scraper: UTF-8 wins, with a warning.
    let markup = format!("<html><head><meta charset=windows-1252></head><body>{body}</body></html>");
    let src = SourceText::from_bytes(markup.as_bytes(), None, None).expect("decodes");
    assert!(src.warnings[0].contains("valid UTF-8"), "{:?}", src.warnings);
    assert_eq!(
        ombuds::parse_source(&src).expect("parses").sections[0].paragraphs[0].text,
        want
    );
}

#[test]
fn ok_page_metadata_fills_what_the_text_lacks_only() {
    // No title line and no Category line in the text: the <title> and the
    // canonical URL give them, each with a warning.
    let markup = r#"<html><head><title>Kent County Council (19 010 414) - Local Government and Social Care Ombudsman</title>
        <link rel="canonical" href="https://www.lgo.org.uk/decisions/education/school-transport/19-010-414"></head>
        <body><main><p>Decision : Upheld</p><h2>The complaint</h2><p>Ms A complains.</p></main></body></html>"#;
    let d = parse_page(markup, "p.html", None).expect("parses");
    assert_eq!(d.organisation.as_deref(), Some("Kent County Council"));
    assert_eq!(d.reference.as_deref(), Some("19 010 414"));
    assert_eq!(d.category.as_deref(), Some("Education"));
    assert_eq!(d.subcategory.as_deref(), Some("School transport"));
    assert_eq!(
        d.source.url.as_deref(),
        Some("https://www.lgo.org.uk/decisions/education/school-transport/19-010-414")
    );
    assert!(
        d.warnings.iter().any(|w| w.contains("taken from its <title>")),
        "{:?}",
        d.warnings
    );
    // A URL given on the command line wins over the page's.
    let d = parse_page(
        markup,
        "p.html",
        Some("https://www.lgo.org.uk/decisions/housing/homelessness/19-010-414"),
    )
    .expect("parses");
    assert_eq!(d.category.as_deref(), Some("Housing"));
}

#[test]
fn err_page_metadata_never_overrides_the_text() {
    let markup = r#"<html><head><title>Other Council (11 111 111)</title>
        <link rel="canonical" href="https://www.lgo.org.uk/decisions/housing/homelessness/11-111-111"></head>
        <body><h1>Kent County Council (19 010 414)</h1><p>Category : Education &gt; School transport</p>
        <h2>The complaint</h2><p>Ms A complains.</p></body></html>"#;
    let d = parse_page(markup, "p.html", None).expect("parses");
    assert_eq!(d.organisation.as_deref(), Some("Kent County Council"));
    assert_eq!(d.reference.as_deref(), Some("19 010 414"));
    assert_eq!(d.category.as_deref(), Some("Education"));
    assert!(!d.warnings.iter().any(|w| w.contains("<title>")), "{:?}", d.warnings);
}

/// Markup pieces for random pages: tags opened and closed in any order,
/// entities, text, and decision lines.
const PIECES: &[&str] = &[
    "<html>",
    "<body>",
    "<main>",
    "</main>",
    "<div>",
    "</div>",
    "<p>",
    "</p>",
    "<br>",
    "<ul>",
    "</ul>",
    "<ol>",
    "</ol>",
    "<li>",
    "</li>",
    "<h1>",
    "</h1>",
    "<h2>",
    "<strong>",
    "</strong>",
    "<table>",
    "<tr>",
    "<td>",
    "<th>",
    "</table>",
    "<dl>",
    "<dt>",
    "<dd>",
    "<nav>",
    "<script>",
    "</script>",
    "<span>",
    "&nbsp;",
    "&pound;",
    "&#xD800;",
    "&shy;",
    "<!--",
    "-->",
    "<p hidden>",
    "<a href=\"#x\">",
    "</a>",
    "Kent County Council (19 010 414)",
    "Category : Housing > Allocations",
    "Decision : Upheld",
    "Summary:",
    "The complaint",
    "1. Mr X complains.",
    "- a;",
    "Investigator's decision on behalf of the Ombudsman",
    "<meta charset=windows-1252>",
];

fn random_page() -> impl Strategy<Value = String> {
    proptest::collection::vec(
        prop_oneof![
            4 => proptest::sample::select(PIECES).prop_map(str::to_owned),
            1 => proptest::collection::vec(any::<char>(), 1..6).prop_map(|v| v.into_iter().collect()),
        ],
        0..60,
    )
    .prop_map(|v| v.concat())
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(256))]

    /// Malformed markup never panics, and any record it gives holds the invariants.
    #[test]
    fn random_markup_never_panics(markup in random_page()) {
        if let Ok(src) = SourceText::from_html(&markup, None, None) {
            if let Ok(d) = ombuds::parse_source(&src) {
                prop_assert!(d.check_invariants().is_ok(), "{:?}", d.check_invariants());
            }
        }
    }
}

//! Saved HTML pages: every corpus decision rendered in every page template
//! (`benches/support/templates.rs`) parses to the same record as its text;
//! pages with no decision are rejected; malformed markup never panics.

use std::path::{Path, PathBuf};

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
                let out = Path::new(&dir).join(format!("{base}.{}.html", template.name()));
                std::fs::write(&out, &html).expect("dump dir is writable");
            }
            // Templates that carry the page URL must supply it themselves.
            let given = if template.carries_url() { None } else { url.as_deref() };
            match parse_page(&html, &name, given) {
                Ok(got) => {
                    if template.carries_url() {
                        if got.source.url != url {
                            failures.push(format!("{name}: url {:?}, want {url:?}", got.source.url));
                        }
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

//! `ombuds serve` over plain HTTP (no browser): every route and status code,
//! the API's bodies against the CLI's own output byte for byte, escaping of
//! hostile decision text, the security headers, the caps and the time limit,
//! and a new commit seen without a restart. The server runs in this process
//! on a free loopback port over an index of the bundled corpus plus one
//! hostile decision.

use std::collections::BTreeSet;
use std::io::{BufRead, BufReader};
use std::path::{Path, PathBuf};
use std::process::{Command as StdCommand, Stdio};
use std::sync::OnceLock;
use std::time::Duration;

use assert_cmd::Command;
use ombuds::index::OmbudsIndex;
use ombuds::ingest::{ingest, IngestOptions, NoProgress};
use ombuds::serve::{Options, Server, CONTENT_SECURITY_POLICY};
use regex::Regex;
use serde_json::Value;

fn root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

/// A decision whose every field carries markup or a script URL: none of it
/// may become live in a page.
pub const HOSTILE: &str = "Evil <script>alert('org')</script> Council (24 000 001)
Category : Housing > <img src=x onerror=alert('cat')>
Decision : Upheld
Decision date : 06 Jun 2024
The Ombudsman's final decision:
Summary: The Council was at fault \"><img src=x onerror=alert('summary')> and <script>alert('summary')</script>.
The complaint
- Mr X, as I call the complainant, complains that the Council ignored <a href=\"javascript:alert('link')\">this link</a> and javascript:alert('bare').
What I found
- The Council was at fault because it sent <script>alert('fault')</script> to Mr X.
Agreed action
- Within one month of my final decision, the Council will apologise to Mr X and pay him £100 for the distress \"><img src=x onerror=alert('pay')>.
Back to top
";

/// The hostile decision's reference.
pub const HOSTILE_REFERENCE: &str = "24 000 001";

/// A fresh directory under the test temp dir (removed first if a run left it).
pub fn temp_dir(name: &str) -> PathBuf {
    let tmp = PathBuf::from(env!("CARGO_TARGET_TMPDIR"));
    // Each test process (nextest runs one per test) makes its own; remove those of finished runs.
    if Path::new("/proc/self").exists() {
        for e in std::fs::read_dir(&tmp).into_iter().flatten().flatten() {
            let file_name = e.file_name().to_string_lossy().into_owned();
            if let Some((_, pid)) = file_name.strip_prefix("serve").and_then(|r| r.rsplit_once('-')) {
                if pid.bytes().all(|b| b.is_ascii_digit()) && !Path::new("/proc").join(pid).exists() {
                    let _ = std::fs::remove_dir_all(e.path());
                }
            }
        }
    }
    let dir = tmp.join(format!("{name}-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).unwrap();
    dir
}

/// Ingests `paths` into the index at `dir`, asserting nothing failed.
pub fn build_index(dir: &Path, paths: &[PathBuf]) {
    let idx = OmbudsIndex::open_or_create(dir).unwrap();
    let report = ingest(&idx, paths, &IngestOptions::default(), &NoProgress).unwrap();
    assert!(report.failed.is_empty(), "{:?}", report.failed);
}

/// Starts a server over `index` on a free loopback port; returns its base URL.
pub fn start(index: &Path, options: Options) -> String {
    let idx = OmbudsIndex::open(index).unwrap();
    let server = Server::bind(idx, "127.0.0.1:0".parse().unwrap(), options).unwrap();
    let addr = server.local_addr().unwrap();
    std::thread::spawn(move || server.run());
    format!("http://{addr}")
}

/// The shared fixture: the index of the corpus plus the hostile decision
/// (a JSONL record whose URL is a script), and a server over it.
pub struct Fixture {
    /// The index directory.
    pub index: PathBuf,
    /// `http://127.0.0.1:PORT`.
    pub base: String,
}

pub fn fixture() -> &'static Fixture {
    static F: OnceLock<Fixture> = OnceLock::new();
    F.get_or_init(|| {
        let dir = temp_dir("serve");
        let hostile = dir.join("hostile.jsonl");
        let record = serde_json::json!({ "url": "javascript:alert('url')", "text": HOSTILE });
        std::fs::write(&hostile, format!("{record}\n")).unwrap();
        let index = dir.join("index");
        build_index(
            &index,
            &[root().join("corpus/seeds"), root().join("corpus/excerpts"), hostile],
        );
        let base = start(&index, Options::default());
        Fixture { index, base }
    })
}

/// A response: status, content type, named headers and body.
pub struct Got {
    pub status: u16,
    pub headers: Vec<(String, String)>,
    pub body: String,
}

impl Got {
    pub fn header(&self, name: &str) -> Option<&str> {
        self.headers
            .iter()
            .find(|(k, _)| k.eq_ignore_ascii_case(name))
            .map(|(_, v)| v.as_str())
    }
}

fn agent() -> ureq::Agent {
    ureq::Agent::config_builder()
        .http_status_as_error(false)
        .timeout_global(Some(Duration::from_secs(60)))
        .build()
        .into()
}

/// GET `path` (with its query string) from the fixture's server, or any `http://` URL.
pub fn get(path: &str) -> Got {
    let url = if path.starts_with("http") {
        path.to_owned()
    } else {
        format!("{}{path}", fixture().base)
    };
    let mut res = agent().get(&url).call().unwrap_or_else(|e| panic!("GET {url}: {e}"));
    let status = res.status().as_u16();
    let headers = res
        .headers()
        .iter()
        .map(|(k, v)| (k.as_str().to_owned(), v.to_str().unwrap_or_default().to_owned()))
        .collect();
    let body = res.body_mut().with_config().limit(64 << 20).read_to_string().unwrap();
    Got { status, headers, body }
}

fn ombuds() -> Command {
    let mut c = Command::cargo_bin("ombuds").unwrap();
    c.env_remove("OMBUDS_INDEX").env("NO_COLOR", "1");
    c
}

/// What `ombuds --index FIXTURE ARGS…` prints.
fn cli(args: &[&str]) -> String {
    let out = ombuds()
        .arg("--index")
        .arg(&fixture().index)
        .args(args)
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "{args:?}: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8(out.stdout).unwrap()
}

fn json(body: &str) -> Value {
    serde_json::from_str(body).unwrap_or_else(|e| panic!("{e}: {body}"))
}

fn api_total(query: &str) -> u64 {
    let got = get(&format!("/api/search?{query}&limit=0"));
    assert_eq!(got.status, 200, "{}", got.body);
    json(&got.body)["total"].as_u64().unwrap()
}

/// The text of the page's `<p class="total">`, without tags.
fn total_line(page: &str) -> String {
    let re = Regex::new(r#"(?s)<p class="total">(.*?)</p>"#).unwrap();
    let inner = re.captures(page).map(|c| c[1].to_owned()).unwrap_or_default();
    Regex::new("<[^>]*>").unwrap().replace_all(&inner, "").into_owned()
}

/// `html` with its entities decoded: the text a reader sees (and the tags).
fn text_of(html: &str) -> String {
    html.replace("&lt;", "<")
        .replace("&gt;", ">")
        .replace("&quot;", "\"")
        .replace("&#39;", "'")
        .replace("&#x27;", "'")
        .replace("&amp;", "&")
}

/// Every `href` in `html` (decoded `&amp;`).
fn links(html: &str) -> Vec<String> {
    Regex::new(r#"href="([^"]*)""#)
        .unwrap()
        .captures_iter(html)
        .map(|c| c[1].replace("&amp;", "&"))
        .collect()
}

/// The tags of an HTML page: name and attributes. Every `<` that decision
/// text could hold is escaped, so each real `<` starts a tag the server wrote.
fn tags(html: &str) -> Vec<(String, Vec<(String, String)>)> {
    let attr = Regex::new(r#"([a-zA-Z_:][-a-zA-Z0-9_:.]*)(?:\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s"'=<>`]+)))?"#).unwrap();
    let mut out = Vec::new();
    for chunk in html.split('<').skip(1) {
        let inside = chunk.split('>').next().unwrap_or_default();
        if inside.starts_with('/') || inside.starts_with('!') {
            continue;
        }
        let mut parts = attr.captures_iter(inside);
        let Some(name) = parts.next() else { continue };
        let attrs = parts
            .map(|c| {
                let v = c.get(2).or(c.get(3)).or(c.get(4)).map_or("", |m| m.as_str());
                (c[1].to_lowercase(), v.to_owned())
            })
            .collect();
        out.push((name[1].to_lowercase(), attrs));
    }
    out
}

/// Fails when the page has a script, an image, a frame, an event handler
/// attribute or a `javascript:` address: nothing the server did not write itself.
pub fn assert_nothing_live(what: &str, html: &str) {
    for (name, attrs) in tags(html) {
        assert!(
            !["script", "img", "iframe", "object", "embed", "frame", "base", "meta"].contains(&name.as_str())
                || (name == "meta"
                    && attrs
                        .iter()
                        .all(|(k, _)| k == "charset" || k == "name" || k == "content")),
            "{what}: live <{name}> {attrs:?}"
        );
        for (k, v) in attrs {
            assert!(!k.starts_with("on"), "{what}: <{name}> has an event handler {k}={v}");
            let v = v.trim().to_lowercase();
            assert!(
                !v.starts_with("javascript:") && !v.starts_with("data:") && !v.starts_with("vbscript:"),
                "{what}: <{name} {k}=\"{v}\">"
            );
        }
    }
}

#[test]
fn search_page_shows_total_hits_facets_and_export_links() {
    let page = get("/search?q=council&limit=5");
    assert_eq!(page.status, 200);
    assert_eq!(page.header("content-type"), Some("text/html; charset=utf-8"));
    let total = api_total("q=council");
    assert!(total > 10, "{total}");
    let line = total_line(&page.body);
    assert!(
        line.starts_with(&format!("{total} decisions · showing 1–5 · ")),
        "{line}"
    );
    assert!(line.ends_with(" ms"), "{line}");
    let api = json(&get("/api/search?q=council&limit=5").body);
    for h in api["hits"].as_array().unwrap() {
        let r = h["reference"].as_str().unwrap();
        let slug = r.replace(' ', "-");
        assert!(page.body.contains(&format!("/decisions/{slug}?q=council")), "{r}");
    }
    for facet in ["category", "subcategory", "outcome", "year", "organisation", "remedy"] {
        assert!(page.body.contains(&format!("data-facet=\"{facet}\"")), "{facet}");
    }
    let hrefs = links(&page.body);
    assert!(
        hrefs.contains(&"/api/search?q=council&limit=5&format=csv".to_owned()),
        "{hrefs:?}"
    );
    assert!(hrefs.contains(&"/api/search?q=council&limit=5".to_owned()), "{hrefs:?}");
    // The root is the same page.
    assert_eq!(
        total_line(&get("/?q=council&limit=5").body).split(" · ").next(),
        line.split(" · ").next()
    );
}

#[test]
fn hits_show_a_payment_only_when_there_is_one() {
    let api = json(&get("/api/search?limit=200").body);
    let page = get("/search?limit=200").body;
    let hits = Regex::new(r#"(?s)<li class="hit">.*?</li>"#).unwrap();
    let blocks: Vec<&str> = hits.find_iter(&page).map(|m| m.as_str()).collect();
    let api_hits = api["hits"].as_array().unwrap();
    assert_eq!(blocks.len(), api_hits.len());
    let (mut paid, mut unpaid) = (0, 0);
    for (block, h) in blocks.iter().zip(api_hits) {
        // null when the decision states no payment.
        let pence = h["total_payment_pence"].as_u64().unwrap_or(0);
        if pence > 0 {
            paid += 1;
            assert!(block.contains("class=\"payment\""), "{block}");
            assert!(block.contains(&format!(".{:02}</span>", pence % 100)), "{block}");
        } else {
            unpaid += 1;
            assert!(
                !block.contains("class=\"payment\"") && !block.contains("£0.00"),
                "{block}"
            );
        }
    }
    assert!(paid > 0 && unpaid > 0, "{paid} {unpaid}");
}

#[test]
fn api_bodies_are_the_cli_output_byte_for_byte() {
    for (query, args) in [
        (
            "q=council&limit=5&offset=2",
            vec!["search", "council", "--limit", "5", "--offset", "2"],
        ),
        (
            "q=fault&category=Housing&sort=date&reverse=1&limit=20",
            vec![
                "search",
                "fault",
                "--category",
                "Housing",
                "--sort",
                "date",
                "--reverse",
                "--limit",
                "20",
            ],
        ),
        (
            "outcome=upheld&from=2019&to=2024-06&min_payment=100&limit=50",
            vec![
                "search",
                "--outcome",
                "upheld",
                "--from",
                "2019",
                "--to",
                "2024-06",
                "--min-payment",
                "100",
                "--limit",
                "50",
            ],
        ),
        (
            "remedy=apology&remedy=financial&council=council&facets=1",
            vec![
                "search",
                "--remedy",
                "apology",
                "--remedy",
                "financial",
                "--council",
                "council",
                "--facets",
            ],
        ),
    ] {
        for format in ["json", "csv", "jsonl"] {
            let got = get(&format!("/api/search?{query}&format={format}"));
            assert_eq!(got.status, 200, "{query}: {}", got.body);
            let mut a = args.clone();
            a.extend(["--format", format]);
            assert_eq!(got.body, cli(&a), "{query} {format}");
        }
    }
    let got = get("/api/search?q=council");
    assert_eq!(got.header("content-type"), Some("application/json"));
    assert_eq!(got.body, cli(&["search", "council", "--format", "json"]));
    assert_eq!(
        get("/api/search?format=csv").header("content-type"),
        Some("text/csv; charset=utf-8")
    );
}

#[test]
fn api_stats_and_decision_are_the_cli_output() {
    for (query, args) in [
        ("by=category", vec!["stats", "--by", "category"]),
        (
            "by=year&q=fault&outcome=upheld",
            vec!["stats", "--by", "year", "fault", "--outcome", "upheld"],
        ),
        (
            "by=organisation&limit=3",
            vec!["stats", "--by", "organisation", "-n", "3"],
        ),
    ] {
        for format in ["json", "csv", "jsonl"] {
            let got = get(&format!("/api/stats?{query}&format={format}"));
            assert_eq!(got.status, 200, "{}", got.body);
            let mut a = args.clone();
            a.extend(["--format", format]);
            assert_eq!(got.body, cli(&a), "{query} {format}");
        }
    }
    for path in ["23-017-456", "23017456", "23%20017%20456"] {
        let got = get(&format!("/api/decisions/{path}"));
        assert_eq!(got.status, 200);
        assert_eq!(got.body, cli(&["show", "23 017 456", "--format", "json"]), "{path}");
    }
}

#[test]
fn bad_query_is_400_with_the_cli_error_in_the_page() {
    let page = get("/search?q=%22section+47");
    assert_eq!(page.status, 400);
    let out = ombuds()
        .arg("--index")
        .arg(&fixture().index)
        .args(["search", "\"section 47"])
        .output()
        .unwrap();
    let cli_error = String::from_utf8(out.stderr).unwrap();
    let message = cli_error.trim().strip_prefix("ombuds: ").unwrap();
    assert!(message.contains("a quotation mark is not closed"), "{message}");
    // The page shows the same message and keeps the query in the box.
    assert!(text_of(&page.body).contains(message), "{}", page.body);
    assert!(page.body.contains("role=\"alert\""));
    assert!(page.body.contains("value=\"&quot;section 47\""), "{}", page.body);
    let api = get("/api/search?q=%22section+47");
    assert_eq!(api.status, 400);
    assert_eq!(json(&api.body)["error"].as_str(), Some(message));
    let stats = get("/stats?q=(((");
    assert_eq!(stats.status, 400);
    assert!(stats.body.contains("the parentheses do not balance"), "{}", stats.body);
}

#[test]
fn bad_parameters_and_caps_are_400_naming_the_parameter() {
    let long = "a".repeat(2_001);
    for (query, want) in [
        ("limit=10001".to_owned(), "limit: 10001 is not in 0..=10000"),
        ("offset=100001".to_owned(), "offset: 100001 is not in 0..=100000"),
        ("limit=ten".to_owned(), "limit: expected a whole number"),
        ("from=June".to_owned(), "from: expected a date like 2020-03-31"),
        ("sort=newest".to_owned(), "sort: expected relevance, date or payment"),
        ("remedy=money".to_owned(), "remedy: 'money' is not a remedy kind"),
        ("min_payment=lots".to_owned(), "min_payment: expected a sum in pounds"),
        (format!("q={long}"), "the query is 2001 bytes long; the limit is 2000"),
        (format!("q={}", "(".repeat(17)), "parentheses are nested 17 deep"),
    ] {
        let page = get(&format!("/search?{query}"));
        assert_eq!(page.status, 400, "{query}");
        let body = text_of(&page.body);
        assert!(body.contains(want), "{query}: {}", &body[..body.len().min(3000)]);
        let api = get(&format!("/api/search?{query}"));
        assert_eq!(api.status, 400, "{query}");
        assert!(json(&api.body)["error"].as_str().unwrap().contains(want), "{query}");
    }
    assert_eq!(get("/api/search?format=xml").status, 400);
    assert_eq!(get("/stats?by=council").status, 400);
    assert_eq!(get("/api/stats?by=council").status, 400);
    // At the caps themselves the search runs.
    assert_eq!(get("/api/search?limit=10000&offset=100000").status, 200);
}

#[test]
fn unknown_reference_and_unknown_page_are_404() {
    let page = get("/decisions/99-999-999");
    assert_eq!(page.status, 404);
    assert!(
        text_of(&page.body).contains("no decision with reference '99-999-999'"),
        "{}",
        page.body
    );
    let api = get("/api/decisions/99-999-999");
    assert_eq!(api.status, 404);
    assert!(json(&api.body)["error"]
        .as_str()
        .unwrap()
        .starts_with("no decision with reference"));
    assert_eq!(get("/no/such/page").status, 404);
    assert_eq!(get("/api/nothing").status, 404);
    assert_eq!(
        json(&get("/api/nothing").body)["error"].as_str(),
        Some("there is no page at /api/nothing")
    );
}

#[test]
fn the_server_is_read_only() {
    let res = agent().post(format!("{}/search", fixture().base)).send("q=x").unwrap();
    assert_eq!(res.status().as_u16(), 405);
    let res = agent()
        .delete(format!("{}/api/decisions/23-017-456", fixture().base))
        .call()
        .unwrap();
    assert_eq!(res.status().as_u16(), 405);
    assert_eq!(get("/api/decisions/23-017-456").status, 200);
}

#[test]
fn every_response_carries_the_security_headers() {
    for path in [
        "/",
        "/search?q=fault",
        "/search?q=%22",
        "/decisions/23-017-456",
        "/decisions/0",
        "/stats",
        "/api/search",
        "/api/decisions/0",
        "/static/style.css",
        "/static/icon.svg",
        "/missing",
    ] {
        let got = get(path);
        assert_eq!(
            got.header("content-security-policy"),
            Some(CONTENT_SECURITY_POLICY),
            "{path}"
        );
        assert_eq!(got.header("x-content-type-options"), Some("nosniff"), "{path}");
        assert_eq!(got.header("x-frame-options"), Some("DENY"), "{path}");
        assert_eq!(got.header("referrer-policy"), Some("no-referrer"), "{path}");
    }
    // No script may run and nothing may load from elsewhere.
    assert!(!CONTENT_SECURITY_POLICY.contains("script-src"));
    assert!(CONTENT_SECURITY_POLICY.starts_with("default-src 'none'"));
    assert!(!CONTENT_SECURITY_POLICY.contains("unsafe"));
    let css = get("/static/style.css");
    assert_eq!(css.header("content-type"), Some("text/css; charset=utf-8"));
    assert!(css.body.contains("mark {"));
}

#[test]
fn hostile_decision_text_is_shown_but_never_live() {
    let slug = HOSTILE_REFERENCE.replace(' ', "-");
    let pages = [
        format!("/decisions/{slug}"),
        format!("/decisions/{slug}?q=alert+script+onerror"),
        "/search?q=alert".to_owned(),
        "/search?q=javascript".to_owned(),
        "/search?category=Housing&limit=100".to_owned(),
        "/search?council=evil".to_owned(),
        "/stats?by=organisation".to_owned(),
        "/stats?by=subcategory".to_owned(),
        "/search?q=%22%3E%3Cimg+src%3Dx+onerror%3Dalert(1)%3E".to_owned(),
        "/search?council=%3Cscript%3Ealert(1)%3C%2Fscript%3E&category=%22%3E%3Cimg%20src=x%3E".to_owned(),
        "/decisions/%3Cscript%3Ealert(1)%3C%2Fscript%3E".to_owned(),
    ];
    for path in &pages {
        let page = get(path);
        assert!(
            page.status == 200 || page.status == 400 || page.status == 404,
            "{path}: {}",
            page.status
        );
        assert_nothing_live(path, &page.body);
    }
    // The text itself is on the page, as text.
    let page = get(&format!("/decisions/{slug}")).body;
    for shown in [
        "Evil &lt;script&gt;alert(",
        "&lt;img src=x onerror=alert(",
        "&lt;a href=&quot;javascript:alert(",
        "javascript:alert(",
    ] {
        assert!(page.contains(shown), "{shown}");
    }
    // The source URL is a script: shown, not linked.
    assert!(page.contains("<code>javascript:alert("), "{page}");
    // The search page shows the hostile subcategory in its facets, escaped.
    let search = get("/search?q=alert").body;
    assert!(search.contains("&lt;img src=x onerror=alert("), "{search}");
    // The API returns the text as it was parsed (JSON, not HTML).
    let api = json(&get(&format!("/api/decisions/{slug}")).body);
    assert_eq!(api["organisation"], "Evil <script>alert('org')</script> Council");
}

#[test]
fn facet_links_narrow_the_search_to_their_count() {
    let page = get("/search?q=council").body;
    let re = Regex::new(r#"(?s)<section class="facet" data-facet="([a-z]+)">(.*?)</section>"#).unwrap();
    let item = Regex::new(r#"<a href="([^"]*)" title="[^"]*">[^<]*</a> <span class="n">([0-9,]+)</span>"#).unwrap();
    let mut checked = BTreeSet::new();
    for facet in re.captures_iter(&page) {
        let name = facet[1].to_owned();
        // The first two links of each facet (the largest counts, or the latest years).
        for link in item.captures_iter(&facet[2]).take(2) {
            let href = link[1].replace("&amp;", "&");
            let count: u64 = link[2].replace(',', "").parse().unwrap();
            assert!(href.starts_with("/search?q=council&"), "{href}");
            let narrowed = get(&href);
            assert_eq!(narrowed.status, 200, "{href}");
            let line = total_line(&narrowed.body);
            let noun = if count == 1 { "decision" } else { "decisions" };
            if name == "organisation" || name == "outcome" {
                // Organisation is matched by its words and outcome by prefix: at least the count.
                let n: u64 = line.split(' ').next().unwrap().replace(',', "").parse().unwrap();
                assert!(n >= count, "{name} {href}: {line} < {count}");
            } else {
                assert!(
                    line.starts_with(&format!("{count} {noun}")),
                    "{name} {href}: {line} != {count}"
                );
            }
            // The filter shows as a removable chip whose link goes back.
            assert!(narrowed.body.contains("class=\"chips\""), "{href}");
            checked.insert(name.clone());
        }
    }
    let want: BTreeSet<String> = ["category", "subcategory", "outcome", "year", "organisation", "remedy"]
        .map(String::from)
        .into();
    assert_eq!(checked, want);
}

#[test]
fn chips_remove_their_filter() {
    let page = get("/search?q=council&category=Housing&outcome=upheld").body;
    let re = Regex::new(r#"<a class="remove" href="([^"]*)""#).unwrap();
    let removes: Vec<String> = re.captures_iter(&page).map(|c| c[1].replace("&amp;", "&")).collect();
    assert_eq!(
        removes,
        vec!["/search?q=council&outcome=upheld", "/search?q=council&category=Housing"]
    );
    assert!(page.contains("<span>Category: Housing</span>"));
    assert!(page.contains("<span>Outcome: upheld</span>"));
}

#[test]
fn next_links_walk_every_hit_once() {
    let want: Vec<String> = json(&get("/api/search?q=council&limit=1000").body)["hits"]
        .as_array()
        .unwrap()
        .iter()
        .map(|h| h["reference"].as_str().unwrap_or("-").to_owned())
        .collect();
    let hit = Regex::new(r#"<span class="ref">([^<]*)</span>"#).unwrap();
    let next = Regex::new(r#"<a rel="next" href="([^"]*)""#).unwrap();
    let mut seen = Vec::new();
    let mut url = "/search?q=council&limit=7".to_owned();
    for _ in 0..100 {
        let page = get(&url).body;
        seen.extend(hit.captures_iter(&page).map(|c| c[1].replace("(no reference)", "-")));
        match next.captures(&page) {
            Some(c) => url = c[1].replace("&amp;", "&"),
            None => break,
        }
    }
    assert_eq!(seen, want);
    let last = get("/search?q=council&limit=7&offset=7").body;
    assert!(
        last.contains("<a rel=\"prev\" href=\"/search?q=council&amp;limit=7\""),
        "{last}"
    );
    assert!(last.contains("<ol class=\"hits\" start=\"8\">"));
}

#[test]
fn decision_pages_link_every_finding_to_a_paragraph_that_holds_it() {
    // A decision with no reference is reached by its key, as the search
    // page links it.
    let refs: Vec<String> = json(&get("/api/search?limit=1000").body)["hits"]
        .as_array()
        .unwrap()
        .iter()
        .map(|h| {
            h["reference"]
                .as_str()
                .or_else(|| h["key"].as_str())
                .expect("a hit has a reference or a key")
                .to_owned()
        })
        .collect();
    let para = Regex::new(r#"(?s)<p class="para" id="p(\d+)">(.*?)</p>"#).unwrap();
    let block = Regex::new(r#"(?s)<ul class="remedies">(.*?)</ul>"#).unwrap();
    let (mut findings, mut remedies) = (0, 0);
    for r in &refs {
        let slug = r.replace(' ', "-");
        let page = get(&format!("/decisions/{slug}"));
        assert_eq!(page.status, 200, "{r}");
        let d = json(&get(&format!("/api/decisions/{slug}")).body);
        let ids: BTreeSet<u64> = para.captures_iter(&page.body).map(|c| c[1].parse().unwrap()).collect();
        let n = d["sections"]
            .as_array()
            .unwrap()
            .iter()
            .map(|s| s["paragraphs"].as_array().unwrap().len() as u64)
            .sum::<u64>();
        assert_eq!(ids, (1..=n).collect(), "{r}: every paragraph has its anchor");
        for f in d["faults"]
            .as_array()
            .unwrap()
            .iter()
            .chain(d["no_fault_findings"].as_array().unwrap())
        {
            let href = match f["paragraph"].as_u64() {
                Some(n) => format!("href=\"#p{n}\""),
                None => "href=\"#summary\"".to_owned(),
            };
            assert!(page.body.contains(&href), "{r}: {href}");
            findings += 1;
        }
        // Remedies carry no paragraph number: the page finds the paragraph
        // holding the remedy's text, and links it.
        if let Some(c) = block.captures(&page.body) {
            let items = c[1].matches("<li>").count();
            let linked = c[1].matches("<a class=\"para\"").count();
            assert_eq!(items, d["remedies"].as_array().unwrap().len(), "{r}");
            assert_eq!(linked, items, "{r}: every remedy links to its paragraph");
            remedies += items;
        }
        if let Some(url) = d["source"]["url"].as_str() {
            if url.starts_with("https://") {
                assert!(
                    page.body.contains(&format!("href=\"{}\"", url.replace('&', "&amp;"))),
                    "{r}"
                );
            }
        }
    }
    assert!(
        findings > 20 && remedies > 10,
        "{findings} findings, {remedies} remedies"
    );
}

#[test]
fn decision_page_marks_the_query_words_it_was_reached_with() {
    let plain = get("/decisions/23-017-456").body;
    assert!(!plain.contains("<mark>"));
    assert!(!plain.contains("Back to the results"));
    let marked = get("/decisions/23-017-456?q=delays+AND+%22child+protection%22").body;
    let marks: BTreeSet<String> = Regex::new(r"<mark>([^<]*)</mark>")
        .unwrap()
        .captures_iter(&marked)
        .map(|c| c[1].to_lowercase())
        .collect();
    // Stems: "delays" marks "delay" too; the phrase marks its words.
    for want in ["delay", "delays", "child", "protection"] {
        assert!(marks.contains(want), "{want}: {marks:?}");
    }
    assert!(
        marks
            .iter()
            .all(|m| ["delay", "child", "protect"].iter().any(|w| m.starts_with(w))),
        "{marks:?}"
    );
    assert!(
        marked.contains("href=\"/search?q=delays+AND+%22child+protection%22\""),
        "back link"
    );
    // A query that does not parse still shows the decision, unmarked.
    let bad = get("/decisions/23-017-456?q=%22unclosed");
    assert_eq!(bad.status, 200);
}

#[test]
fn stats_page_draws_the_table_and_charts_for_the_filters() {
    let api = json(&get("/api/stats?by=year&outcome=upheld").body);
    let groups = api["groups"].as_array().unwrap();
    let page = get("/stats?by=year&outcome=upheld");
    assert_eq!(page.status, 200);
    let rows = Regex::new(r#"<tr><th scope="row">"#)
        .unwrap()
        .find_iter(&page.body)
        .count();
    assert_eq!(rows, groups.len());
    // One chart, three bars per group (decisions, share upheld, payments).
    assert_eq!(page.body.matches("<svg").count(), 1);
    assert_eq!(page.body.matches("<rect").count(), 3 * groups.len().min(25));
    // Every group upheld: each share bar is full length.
    assert_eq!(page.body.matches("<g class=\"upheld\">").count(), groups.len().min(25));
    assert!(page.body.contains("<span>Outcome: upheld</span>"));
    let total = api["total"].as_u64().unwrap();
    assert!(
        page.body.contains(&format!("<strong>{total} decisions</strong>")),
        "{total}"
    );
    // Group links narrow the search: year 2024 → from=2024&to=2024.
    assert!(page
        .body
        .contains("href=\"/search?outcome=upheld&amp;from=2024&amp;to=2024\""));
    let by_default = get("/stats").body;
    assert!(
        by_default.contains("<option value=\"category\" selected>"),
        "category by default"
    );
}

#[test]
fn a_slow_search_is_cut_off_with_a_message_and_the_server_stays_up() {
    let options = Options {
        query_timeout: Duration::from_nanos(1),
        ..Options::default()
    };
    let base = start(&fixture().index, options);
    let page = get(&format!("{base}/search?q=council"));
    assert_eq!(page.status, 503);
    assert!(page.body.contains("the search was cut off after 0 ms"), "{}", page.body);
    assert!(page.body.contains("--query-timeout"));
    let api = get(&format!("{base}/api/search?q=council"));
    assert_eq!(api.status, 503);
    assert!(json(&api.body)["error"].as_str().unwrap().contains("cut off"));
    // Its workers are free: what needs no search still answers at once.
    for _ in 0..20 {
        assert_eq!(get(&format!("{base}/static/style.css")).status, 200);
    }
    // The ordinary server answers the same search.
    assert_eq!(get("/search?q=council").status, 200);
}

#[test]
fn decisions_ingested_while_serving_show_up_without_a_restart() {
    let dir = temp_dir("serve-reload");
    let index = dir.join("index");
    build_index(&index, &[root().join("corpus/seeds")]);
    let base = start(&index, Options::default());
    let before = json(&get(&format!("{base}/api/search?limit=0")).body)["total"]
        .as_u64()
        .unwrap();
    assert_eq!(before, 5);
    assert_eq!(get(&format!("{base}/decisions/25-004-272")).status, 404);
    // Another writer (as `ombuds ingest` in another process would) commits more.
    build_index(&index, &[root().join("corpus/excerpts")]);
    let after = json(&get(&format!("{base}/api/search?limit=0")).body)["total"]
        .as_u64()
        .unwrap();
    assert!(after > before + 50, "{before} → {after}");
    assert_eq!(get(&format!("{base}/decisions/25-004-272")).status, 200);
    let _ = std::fs::remove_dir_all(&dir);
}

#[test]
fn a_decision_without_reference_has_a_page_linked_by_its_key() {
    let dir = temp_dir("serve-unreferenced");
    let index = dir.join("index");
    // A real decision whose page gave no reference line.
    build_index(
        &index,
        &[root().join("corpus/regressions/unnumbered-paragraph-with-citation-is-not-a-heading.txt")],
    );
    let base = start(&index, Options::default());
    let hits = json(&get(&format!("{base}/api/search")).body);
    let hit = &hits["hits"][0];
    assert!(hit["reference"].is_null(), "{hit}");
    let key = hit["key"].as_str().expect("a hit without reference carries its key");
    assert!(key.starts_with("sha256:"), "{key}");
    let search = get(&format!("{base}/search"));
    assert!(
        search.body.contains(&format!("href=\"/decisions/{key}")),
        "the hit links its page"
    );
    let page = get(&format!("{base}/decisions/{key}"));
    assert_eq!(page.status, 200);
    assert!(
        page.body.contains("class=\"para\""),
        "the page shows the decision's paragraphs"
    );
    assert_eq!(get(&format!("{base}/decisions/sha256:0000")).status, 404);
    let _ = std::fs::remove_dir_all(&dir);
}

#[test]
fn cli_refuses_a_public_address_without_public_and_a_missing_index() {
    let out = ombuds()
        .args(["serve", "--addr", "0.0.0.0:0", "--index"])
        .arg(&fixture().index)
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(err.contains("refusing to listen on 0.0.0.0:0"), "{err}");
    assert!(err.contains("--public"), "{err}");
    let out = ombuds()
        .args(["serve", "--addr", "127.0.0.1:0", "--index", "/nonexistent/ombuds-index"])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(err.contains("does not exist; build one with `ombuds ingest"), "{err}");
    let out = ombuds().args(["serve", "--addr", "nowhere"]).output().unwrap();
    assert_eq!(out.status.code(), Some(2));
    let out = ombuds().args(["serve", "--query-timeout", "0"]).output().unwrap();
    assert_eq!(out.status.code(), Some(2));
}

#[test]
fn cli_serve_prints_its_address_and_serves_until_stopped() {
    let bin = env!("CARGO_BIN_EXE_ombuds");
    let mut child = StdCommand::new(bin)
        .args(["serve", "--addr", "127.0.0.1:0", "--index"])
        .arg(&fixture().index)
        .env_remove("OMBUDS_INDEX")
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    let mut line = String::new();
    BufReader::new(child.stdout.take().unwrap())
        .read_line(&mut line)
        .unwrap();
    let url = Regex::new(r"^ombuds serve: (http://127\.0\.0\.1:\d+/) \(index .*, read-only\); stop with Ctrl-C\n$")
        .unwrap()
        .captures(&line)
        .map(|c| c[1].to_owned());
    let got = url.as_deref().map(|u| get(&format!("{u}search?q=council")));
    child.kill().unwrap();
    child.wait().unwrap();
    let got = got.unwrap_or_else(|| panic!("{line:?}"));
    assert_eq!(got.status, 200);
    assert!(total_line(&got.body).starts_with(&format!("{} decisions", api_total("q=council"))));
}

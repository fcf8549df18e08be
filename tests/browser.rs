//! `ombuds serve` in a real browser: headless Chromium driven through
//! chromedriver (WebDriver) does what a reader does — types a query, pages
//! on, clicks a facet, removes it, opens a decision, follows a finding to its
//! paragraph, reads the statistics — and the tests assert on what the page
//! shows. Screenshots go to `target/screenshots/`.
//!
//! Needs Debian's `chromium` and `chromium-driver` (or `CHROMIUM` and
//! `CHROMEDRIVER` naming the programs). Without them the tests say how to get
//! them and pass, unless `OMBUDS_BROWSER_TESTS=required` (as `.ci/run` sets),
//! when they fail.

use std::net::TcpListener;
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};
use std::time::Duration;

use fantoccini::wd::Capabilities;
use fantoccini::{Client, ClientBuilder, Locator};
use serde_json::{json, Value};

use crate::serve::{fixture, get, HOSTILE_REFERENCE};

/// Set to `required` to make a missing browser a failure.
const REQUIRED_VAR: &str = "OMBUDS_BROWSER_TESTS";

fn find_program(var: &str, names: &[&str]) -> Option<PathBuf> {
    if let Some(p) = std::env::var_os(var).filter(|v| !v.is_empty()) {
        return Some(PathBuf::from(p));
    }
    let path = std::env::var_os("PATH")?;
    names
        .iter()
        .flat_map(|n| std::env::split_paths(&path).map(move |d| d.join(n)))
        .find(|p| p.is_file())
}

/// A chromedriver process, killed with the browser it started when dropped.
struct Driver {
    child: Child,
    url: String,
    chromium: PathBuf,
    profile: tempfile::TempDir,
}

impl Drop for Driver {
    fn drop(&mut self) {
        // chromedriver and the browser it started share a process group.
        let _ = Command::new("kill")
            .arg("--")
            .arg(format!("-{}", self.child.id()))
            .status();
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

#[allow(clippy::print_stderr, reason = "the only way a skipped test can say so")]
fn say_skipped(how: &str) {
    eprintln!("skipping the browser test: chromium or chromedriver not found; {how}");
}

/// Starts chromedriver on a free loopback port, or says why it cannot.
fn driver() -> Option<Driver> {
    let required = std::env::var(REQUIRED_VAR).is_ok_and(|v| v == "required");
    let driver = find_program("CHROMEDRIVER", &["chromedriver"]);
    let chromium = find_program("CHROMIUM", &["chromium", "chromium-browser", "google-chrome"]);
    let (Some(driver), Some(chromium)) = (driver, chromium) else {
        let how = "install Debian's `chromium` and `chromium-driver` (apt-get install chromium chromium-driver), \
                   or set CHROMIUM and CHROMEDRIVER to the programs, then run `cargo test browser`";
        assert!(
            !required,
            "{REQUIRED_VAR}=required but chromium or chromedriver was not found: {how}"
        );
        say_skipped(how);
        return None;
    };
    let port = TcpListener::bind("127.0.0.1:0").unwrap().local_addr().unwrap().port();
    let mut cmd = Command::new(&driver);
    cmd.arg(format!("--port={port}"))
        .stdout(Stdio::null())
        .stderr(Stdio::null());
    std::os::unix::process::CommandExt::process_group(&mut cmd, 0);
    let child = cmd
        .spawn()
        .unwrap_or_else(|e| panic!("cannot start {}: {e}", driver.display()));
    let d = Driver {
        child,
        url: format!("http://127.0.0.1:{port}"),
        chromium,
        profile: tempfile::tempdir().unwrap(),
    };
    for _ in 0..100 {
        if std::net::TcpStream::connect(("127.0.0.1", port)).is_ok() {
            return Some(d);
        }
        std::thread::sleep(Duration::from_millis(100));
    }
    panic!("chromedriver did not listen on port {port} within 10 s");
}

/// Runs `steps` in a fresh browser session, closing it whatever happens.
fn with_browser<F, Fut>(steps: F)
where
    F: FnOnce(Client) -> Fut,
    Fut: std::future::Future<Output = ()> + Send + 'static,
{
    let Some(driver) = driver() else { return };
    let rt = tokio::runtime::Builder::new_current_thread()
        .enable_all()
        .build()
        .unwrap();
    rt.block_on(async {
        let mut caps = Capabilities::new();
        caps.insert("browserName".into(), json!("chrome"));
        caps.insert(
            "goog:chromeOptions".into(),
            json!({
                "binary": driver.chromium,
                // As root on a closed network Chromium needs all of these, or hangs.
                "args": [
                    "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                    "--disable-background-networking", "--disable-component-update", "--disable-sync",
                    "--disable-dev-shm-usage", "--hide-scrollbars", "--window-size=1280,1000",
                    format!("--user-data-dir={}", driver.profile.path().display()),
                ],
            }),
        );
        // Chromium can miss chromedriver's start-up deadline on a loaded
        // machine (seen with two other builds running): try three times.
        let mut tries = 0;
        let client = loop {
            tries += 1;
            match ClientBuilder::new(hyper_util::client::legacy::connect::HttpConnector::new())
                .capabilities(caps.clone())
                .connect(&driver.url)
                .await
            {
                Ok(client) => break client,
                Err(e) if tries >= 3 => panic!("cannot start a Chromium session ({tries} tries): {e}"),
                Err(_) => tokio::time::sleep(Duration::from_secs(1)).await,
            }
        };
        let outcome = tokio::spawn(steps(client.clone())).await;
        let _ = client.close().await;
        if let Err(e) = outcome {
            std::panic::resume_unwind(e.into_panic());
        }
    });
}

fn screenshots() -> PathBuf {
    let dir = Path::new(env!("CARGO_TARGET_TMPDIR"))
        .parent()
        .unwrap()
        .join("screenshots");
    std::fs::create_dir_all(&dir).unwrap();
    dir
}

async fn screenshot(c: &Client, name: &str) {
    let png = c.screenshot().await.unwrap();
    assert!(png.starts_with(b"\x89PNG"), "{name}");
    std::fs::write(screenshots().join(name), png).unwrap();
}

/// Waits until the address satisfies `ok`; returns it.
async fn wait_for_url(c: &Client, what: &str, ok: impl Fn(&str) -> bool) -> String {
    let mut last = String::new();
    for _ in 0..100 {
        last = c.current_url().await.unwrap().to_string();
        if ok(&last) {
            return last;
        }
        tokio::time::sleep(Duration::from_millis(100)).await;
    }
    panic!("waited 10 s for {what}; the page is {last}");
}

async fn text(c: &Client, css: &str) -> String {
    c.find(Locator::Css(css))
        .await
        .unwrap_or_else(|e| panic!("{css}: {e}"))
        .text()
        .await
        .unwrap()
}

async fn count(c: &Client, css: &str) -> usize {
    c.find_all(Locator::Css(css)).await.unwrap().len()
}

async fn click(c: &Client, css: &str) {
    c.find(Locator::Css(css))
        .await
        .unwrap_or_else(|e| panic!("{css}: {e}"))
        .click()
        .await
        .unwrap();
}

async fn type_query(c: &Client, words: &str) {
    let q = c.find(Locator::Css("form.search input[name=q]")).await.unwrap();
    q.clear().await.unwrap();
    q.send_keys(words).await.unwrap();
    click(c, "form.search button[type=submit]").await;
}

fn api(path: &str) -> Value {
    let got = get(path);
    assert_eq!(got.status, 200, "{path}: {}", got.body);
    serde_json::from_str(&got.body).unwrap()
}

fn collapse(s: &str) -> String {
    s.split_whitespace().collect::<Vec<_>>().join(" ")
}

#[test]
fn a_reader_searches_pages_narrows_and_reads_a_decision() {
    let base = fixture().base.clone();
    with_browser(|c| async move {
        // Type a query on the home page.
        c.goto(&format!("{base}/")).await.unwrap();
        type_query(&c, "council").await;
        wait_for_url(&c, "the search", |u| u.contains("q=council")).await;
        let total = api("/api/search?q=council&limit=0")["total"].as_u64().unwrap();
        assert_eq!(text(&c, "p.total strong").await, format!("{total} decisions"));
        assert_eq!(count(&c, "li.hit").await, 10);
        let first_page_top = text(&c, "li.hit h3").await;
        screenshot(&c, "search.png").await;

        // Next page.
        click(&c, "a[rel=next]").await;
        wait_for_url(&c, "page 2", |u| u.contains("offset=10")).await;
        assert!(text(&c, "p.total").await.contains("showing 11–20"));
        let start = c
            .find(Locator::Css("ol.hits"))
            .await
            .unwrap()
            .attr("start")
            .await
            .unwrap();
        assert_eq!(start.as_deref(), Some("11"));
        assert_ne!(text(&c, "li.hit h3").await, first_page_top);

        // Click the largest category in the facet sidebar.
        let item = c
            .find(Locator::Css("section.facet[data-facet=category] li"))
            .await
            .unwrap();
        let name = item.find(Locator::Css("a")).await.unwrap().text().await.unwrap();
        let n = item.find(Locator::Css("span.n")).await.unwrap().text().await.unwrap();
        item.find(Locator::Css("a")).await.unwrap().click().await.unwrap();
        let url = wait_for_url(&c, "the category facet", |u| u.contains("category=")).await;
        assert!(!url.contains("offset="), "a new filter starts at page 1: {url}");
        let noun = if n == "1" { "decision" } else { "decisions" };
        assert_eq!(text(&c, "p.total strong").await, format!("{n} {noun}"));
        assert_eq!(text(&c, "ul.chips li span").await, format!("Category: {name}"));
        screenshot(&c, "search-facet.png").await;

        // Remove it again with its chip.
        click(&c, "ul.chips a.remove").await;
        wait_for_url(&c, "the chip's removal", |u| !u.contains("category=")).await;
        assert_eq!(text(&c, "p.total strong").await, format!("{total} decisions"));
        assert_eq!(count(&c, "ul.chips li").await, 0);

        // Search for faults, keep the upheld ones, and open the first
        // decision that finds fault in a numbered paragraph.
        type_query(&c, "fault").await;
        wait_for_url(&c, "the second search", |u| u.contains("q=fault")).await;
        c.find(Locator::Css("section.facet[data-facet=outcome]"))
            .await
            .unwrap()
            .find(Locator::LinkText("Upheld"))
            .await
            .unwrap()
            .click()
            .await
            .unwrap();
        wait_for_url(&c, "the outcome facet", |u| u.contains("outcome=Upheld")).await;
        assert_eq!(text(&c, "ul.chips li span").await, "Outcome: Upheld");
        let mut hrefs = Vec::new();
        let hostile = format!("/decisions/{}?", HOSTILE_REFERENCE.replace(' ', "-"));
        for a in c.find_all(Locator::Css("li.hit h3 a")).await.unwrap() {
            let href = a.prop("href").await.unwrap().unwrap();
            if !href.contains(&hostile) {
                hrefs.push((a.text().await.unwrap(), href));
            }
        }
        let mut opened = None;
        for (org, href) in hrefs {
            c.goto(&href).await.unwrap();
            if count(&c, "ul.faults a.para[href^='#p']").await > 0 {
                opened = Some(org);
                break;
            }
        }
        let org = opened.expect("a decision with a fault found in a numbered paragraph");
        assert!(text(&c, "h1").await.starts_with(&org));
        let marks = c.find_all(Locator::Css("mark")).await.unwrap();
        assert!(!marks.is_empty(), "the query's words are marked");
        for m in marks.iter().take(20) {
            assert!(m.text().await.unwrap().to_lowercase().starts_with("fault"));
        }
        assert_eq!(text(&c, "p.back a").await, "← Back to the results");
        screenshot(&c, "decision.png").await;

        // Follow the first finding to its paragraph.
        let link = c.find(Locator::Css("ul.faults a.para[href^='#p']")).await.unwrap();
        let target = link.attr("href").await.unwrap().unwrap();
        let finding = collapse(
            c.execute(
                "return arguments[0].parentElement.innerText.replace(arguments[0].innerText, '')",
                vec![serde_json::to_value(&link).unwrap()],
            )
            .await
            .unwrap()
            .as_str()
            .unwrap(),
        );
        link.click().await.unwrap();
        wait_for_url(&c, "the paragraph", |u| u.ends_with(&target)).await;
        let shown = c
            .execute(
                "const t = document.querySelector(':target'); const r = t.getBoundingClientRect();
                 return [t.id, t.innerText, getComputedStyle(t).backgroundColor, r.top, window.innerHeight];",
                vec![],
            )
            .await
            .unwrap();
        assert_eq!(format!("#{}", shown[0].as_str().unwrap()), target);
        assert!(
            collapse(shown[1].as_str().unwrap()).contains(&finding),
            "paragraph {target} holds the finding {finding:?}: {shown}"
        );
        assert_eq!(shown[2], "rgb(255, 244, 194)", "the paragraph is highlighted");
        let (top, height) = (shown[3].as_f64().unwrap(), shown[4].as_f64().unwrap());
        assert!((0.0..height).contains(&top), "the paragraph is in view: {shown}");
        screenshot(&c, "decision-finding.png").await;

        // Statistics for the same search and filters, grouped by year.
        click(&c, "header.top nav a[href^='/stats']").await;
        wait_for_url(&c, "the stats page", |u| u.contains("/stats?q=fault")).await;
        c.find(Locator::Css("select[name=by]"))
            .await
            .unwrap()
            .select_by_value("year")
            .await
            .unwrap();
        click(&c, "form.search button[type=submit]").await;
        wait_for_url(&c, "stats by year", |u| u.contains("by=year")).await;
        // The filters came along from the search.
        assert_eq!(text(&c, "ul.chips li span").await, "Outcome: Upheld");
        let stats = api("/api/stats?q=fault&outcome=Upheld&by=year");
        let groups = stats["groups"].as_array().unwrap();
        assert_eq!(count(&c, "table.stats tbody tr").await, groups.len());
        assert_eq!(
            text(&c, "table.stats tbody tr th").await,
            groups[0]["group"].as_str().unwrap_or("(none)")
        );
        assert_eq!(count(&c, "svg.bars rect.bar").await, 3 * groups.len().min(25));
        let svg_width = c
            .execute(
                "return document.querySelector('svg.bars').getBoundingClientRect().width",
                vec![],
            )
            .await
            .unwrap();
        assert!(svg_width.as_f64().unwrap() > 500.0, "the chart is drawn: {svg_width}");
        screenshot(&c, "stats.png").await;
    });
}

#[test]
fn hostile_decision_text_runs_nothing_in_the_browser() {
    let base = fixture().base.clone();
    with_browser(|c| async move {
        let slug = HOSTILE_REFERENCE.replace(' ', "-");
        for path in [
            format!("/decisions/{slug}?q=alert"),
            "/search?q=alert".to_owned(),
            "/stats?by=subcategory".to_owned(),
        ] {
            c.goto(&format!("{base}{path}")).await.unwrap();
            let seen = c
                .execute(
                    "return [document.scripts.length, document.images.length,
                             document.querySelectorAll('[onerror],[onload],[onclick]').length,
                             Array.from(document.links).filter(a => a.protocol === 'javascript:').length,
                             document.body.innerText];",
                    vec![],
                )
                .await
                .unwrap();
            assert_eq!(seen[0], 0, "{path}: scripts");
            assert_eq!(seen[1], 0, "{path}: images");
            assert_eq!(seen[2], 0, "{path}: event handlers");
            assert_eq!(seen[3], 0, "{path}: javascript: links");
            assert!(c.get_alert_text().await.is_err(), "{path}: an alert is open");
            let body = seen[4].as_str().unwrap();
            assert!(body.contains("alert("), "{path}: the text is shown as text");
        }
        c.goto(&format!("{base}/decisions/{slug}")).await.unwrap();
        assert_eq!(
            text(&c, "h1").await,
            "Evil <script>alert('org')</script> Council 24 000 001"
        );
        assert_eq!(text(&c, "dl.fields code").await, "javascript:alert('url')");
        screenshot(&c, "hostile.png").await;
    });
}

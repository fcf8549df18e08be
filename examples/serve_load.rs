//! A bounded load run against `ombuds serve` on this machine: N clients, each
//! with its own keep-alive connection, send a mix of what readers do —
//! searches (some on later pages or in date order), facet clicks, decision
//! pages reached from a search, statistics pages — for a fixed time, then it
//! prints latency percentiles, requests per second and every error.
//!
//! It only sends to a loopback address (127.0.0.0/8, [::1], localhost) and
//! stops by itself after `--seconds` (and after `--max-requests` per client).
//!
//! ```text
//! ombuds serve --index DIR --addr 127.0.0.1:8080 &
//! cargo run --release --example serve_load -- --url http://127.0.0.1:8080 --clients 32 --seconds 10
//! ```
#![allow(
    clippy::print_stdout,
    clippy::print_stderr,
    reason = "a command-line program reports on the terminal"
)]

use std::collections::BTreeMap;
use std::net::IpAddr;
use std::process::ExitCode;
use std::sync::Arc;
use std::time::{Duration, Instant};

use clap::Parser;
use serde_json::Value;

/// Load `ombuds serve` on loopback with a mix of page requests.
#[derive(Parser)]
struct Args {
    /// The server, on a loopback address.
    #[arg(long, default_value = "http://127.0.0.1:8080")]
    url: String,
    /// Concurrent clients.
    #[arg(long, default_value_t = 32)]
    clients: usize,
    /// How long to send requests.
    #[arg(long, default_value_t = 10.0)]
    seconds: f64,
    /// Most requests one client sends.
    #[arg(long, default_value_t = 100_000)]
    max_requests: usize,
    /// Seed of the request mix.
    #[arg(long, default_value_t = 1)]
    seed: u64,
}

/// Words a reader searches for.
const WORDS: &[&str] = &[
    "council",
    "complaint",
    "delay",
    "fault",
    "care",
    "housing",
    "school",
    "\"child protection\"",
    "apology",
    "payment",
    "assessment",
    "homelessness",
    "planning",
    "\"council tax\"",
    "injustice",
    "safeguarding",
    "transport",
    "education AND delay",
    "adult NOT housing",
    "remed*",
];

const DIMENSIONS: &[&str] = &["category", "subcategory", "outcome", "year", "organisation"];

/// splitmix64: a small, seeded, repeatable generator for the request mix.
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }

    fn below(&mut self, n: usize) -> usize {
        (self.next() % n.max(1) as u64) as usize
    }

    fn pick<'a, T>(&mut self, items: &'a [T]) -> &'a T {
        &items[self.below(items.len())]
    }
}

fn enc(s: impl AsRef<str>) -> String {
    form_urlencoded::byte_serialize(s.as_ref().as_bytes()).collect()
}

/// What the index holds, read once before the run: facet values and references.
struct Catalogue {
    categories: Vec<String>,
    outcomes: Vec<String>,
    years: Vec<String>,
    organisations: Vec<String>,
    references: Vec<String>,
}

fn get_json(agent: &ureq::Agent, url: &str) -> Result<Value, String> {
    let mut res = agent.get(url).call().map_err(|e| format!("GET {url}: {e}"))?;
    if res.status() != 200 {
        return Err(format!("GET {url}: status {}", res.status()));
    }
    let text = res
        .body_mut()
        .with_config()
        .limit(256 << 20)
        .read_to_string()
        .map_err(|e| format!("GET {url}: {e}"))?;
    serde_json::from_str(&text).map_err(|e| format!("GET {url}: {e}"))
}

fn catalogue(agent: &ureq::Agent, base: &str) -> Result<Catalogue, String> {
    let all = get_json(agent, &format!("{base}/api/search?facets=1&limit=0"))?;
    let keys = |name: &str| -> Vec<String> {
        all["facets"][name]
            .as_object()
            .map(|m| m.keys().cloned().collect())
            .unwrap_or_default()
    };
    let mut references = Vec::new();
    for w in WORDS {
        let r = get_json(agent, &format!("{base}/api/search?q={}&limit=100", enc(w)))?;
        for h in r["hits"].as_array().into_iter().flatten() {
            if let Some(s) = h["reference"].as_str() {
                references.push(s.replace(' ', "-"));
            }
        }
    }
    let c = Catalogue {
        categories: keys("category"),
        outcomes: keys("outcome"),
        years: keys("year"),
        organisations: keys("organisation"),
        references,
    };
    if c.categories.is_empty() || c.references.is_empty() {
        return Err(format!("{base}: the index looks empty; ingest decisions first"));
    }
    Ok(c)
}

/// One request of the mix: its kind and path.
fn request(rng: &mut Rng, c: &Catalogue) -> (&'static str, String) {
    let q = enc(rng.pick(WORDS));
    match rng.below(100) {
        0..=29 => ("search", format!("/search?q={q}")),
        30..=39 => {
            let sort = *rng.pick(&["date", "payment", "relevance"]);
            let offset = 10 * (1 + rng.below(5));
            ("search page 2-6", format!("/search?q={q}&sort={sort}&offset={offset}"))
        }
        40..=59 => {
            let filter = match rng.below(4) {
                0 => format!("category={}", enc(rng.pick(&c.categories))),
                1 => format!("outcome={}", enc(rng.pick(&c.outcomes))),
                2 => {
                    let y = rng.pick(&c.years);
                    format!("from={y}&to={y}")
                }
                _ => format!("council={}", enc(rng.pick(&c.organisations))),
            };
            ("facet click", format!("/search?q={q}&{filter}"))
        }
        60..=89 => {
            let r = rng.pick(&c.references);
            ("decision page", format!("/decisions/{r}?q={q}"))
        }
        _ => {
            let by = rng.pick(DIMENSIONS);
            ("stats page", format!("/stats?by={by}&q={q}"))
        }
    }
}

fn is_loopback(url: &str) -> bool {
    let Some(rest) = url.strip_prefix("http://") else {
        return false;
    };
    let host = rest.split('/').next().unwrap_or_default();
    let host = match host.rsplit_once(':') {
        Some((h, port)) if port.bytes().all(|b| b.is_ascii_digit()) => h,
        _ => host,
    };
    let host = host.trim_start_matches('[').trim_end_matches(']');
    host == "localhost" || host.parse::<IpAddr>().is_ok_and(|ip| ip.is_loopback())
}

#[derive(Default)]
struct Tally {
    latencies: Vec<Duration>,
    errors: Vec<String>,
    by_kind: BTreeMap<&'static str, Vec<Duration>>,
    bytes: u64,
}

fn client(base: Arc<String>, c: Arc<Catalogue>, seed: u64, until: Instant, max: usize) -> Tally {
    let agent: ureq::Agent = ureq::Agent::config_builder()
        .http_status_as_error(false)
        .timeout_global(Some(Duration::from_secs(30)))
        .build()
        .into();
    let mut rng = Rng(seed);
    let mut t = Tally::default();
    for _ in 0..max {
        if Instant::now() >= until {
            break;
        }
        let (kind, path) = request(&mut rng, &c);
        let start = Instant::now();
        let outcome = agent.get(&format!("{base}{path}")).call().and_then(|mut res| {
            let status = res.status().as_u16();
            let body = res.body_mut().with_config().limit(64 << 20).read_to_vec()?;
            Ok((status, body.len()))
        });
        let took = start.elapsed();
        match outcome {
            Ok((200, n)) => {
                t.bytes += n as u64;
                t.latencies.push(took);
                t.by_kind.entry(kind).or_default().push(took);
            }
            Ok((status, _)) => t.errors.push(format!("{path}: status {status}")),
            Err(e) => t.errors.push(format!("{path}: {e}")),
        }
    }
    t
}

fn percentile(sorted: &[Duration], p: f64) -> Duration {
    if sorted.is_empty() {
        return Duration::ZERO;
    }
    let i = ((sorted.len() as f64 - 1.0) * p).round() as usize;
    sorted[i.min(sorted.len() - 1)]
}

fn ms(d: Duration) -> String {
    format!("{:.1}", d.as_secs_f64() * 1000.0)
}

fn main() -> ExitCode {
    let args = Args::parse();
    let base = args.url.trim_end_matches('/').to_owned();
    if !is_loopback(&base) {
        eprintln!(
            "serve_load: {base} is not a loopback address (http://127.0.0.1:PORT, http://[::1]:PORT or http://localhost:PORT); refusing to send load anywhere else"
        );
        return ExitCode::FAILURE;
    }
    if !(args.seconds > 0.0 && args.seconds <= 600.0) {
        eprintln!("serve_load: --seconds must be above 0 and at most 600");
        return ExitCode::FAILURE;
    }
    let agent: ureq::Agent = ureq::Agent::config_builder()
        .timeout_global(Some(Duration::from_secs(120)))
        .build()
        .into();
    let cat = match catalogue(&agent, &base) {
        Ok(c) => Arc::new(c),
        Err(e) => {
            eprintln!("serve_load: {e}");
            return ExitCode::FAILURE;
        }
    };
    println!(
        "{base}: {} categories, {} outcomes, {} years, {} organisations, {} references to open",
        cat.categories.len(),
        cat.outcomes.len(),
        cat.years.len(),
        cat.organisations.len(),
        cat.references.len()
    );
    let base = Arc::new(base);
    let start = Instant::now();
    let until = start + Duration::from_secs_f64(args.seconds);
    let handles: Vec<_> = (0..args.clients)
        .map(|i| {
            let (b, c) = (Arc::clone(&base), Arc::clone(&cat));
            let seed = args.seed.wrapping_mul(1_000_003).wrapping_add(i as u64);
            let max = args.max_requests;
            std::thread::spawn(move || client(b, c, seed, until, max))
        })
        .collect();
    let mut all = Tally::default();
    for h in handles {
        let t = h.join().unwrap_or_default();
        all.latencies.extend(t.latencies);
        all.errors.extend(t.errors);
        all.bytes += t.bytes;
        for (k, v) in t.by_kind {
            all.by_kind.entry(k).or_default().extend(v);
        }
    }
    let wall = start.elapsed();
    all.latencies.sort();
    let n = all.latencies.len() + all.errors.len();
    println!(
        "{} clients, {:.1} s: {n} requests, {} errors, {:.0} requests/s, {:.1} MB received",
        args.clients,
        wall.as_secs_f64(),
        all.errors.len(),
        n as f64 / wall.as_secs_f64(),
        all.bytes as f64 / 1e6
    );
    println!(
        "{:<18} {:>7} {:>8} {:>8} {:>8} {:>8}",
        "kind", "count", "p50 ms", "p90 ms", "p99 ms", "max ms"
    );
    let mut rows: Vec<(&str, Vec<Duration>)> = all.by_kind.into_iter().collect();
    rows.push(("all", all.latencies));
    for (kind, mut l) in rows {
        l.sort();
        println!(
            "{:<18} {:>7} {:>8} {:>8} {:>8} {:>8}",
            kind,
            l.len(),
            ms(percentile(&l, 0.5)),
            ms(percentile(&l, 0.9)),
            ms(percentile(&l, 0.99)),
            ms(l.last().copied().unwrap_or_default())
        );
    }
    for e in all.errors.iter().take(20) {
        println!("error: {e}");
    }
    if all.errors.is_empty() {
        ExitCode::SUCCESS
    } else {
        ExitCode::FAILURE
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ok_and_err_is_loopback() {
        for (url, want) in [
            ("http://127.0.0.1:8080", true),
            ("http://127.1.2.3:80/x", true),
            ("http://[::1]:8080", true),
            ("http://localhost:8080", true),
            ("http://10.0.0.1:8080", false),
            ("http://192.168.1.1", false),
            ("http://example.org:8080", false),
            ("https://127.0.0.1:8080", false),
            ("http://127.0.0.1.example.org", false),
        ] {
            assert_eq!(is_loopback(url), want, "{url}");
        }
    }
}

//! Stage `serve`: takes HTTP requests and returns pages and JSON over an open
//! index, read-only: the search page with facets, decision pages with their
//! findings, statistics with charts, and an API whose bodies are the CLI's
//! `--format json|jsonl|csv` output, written by the same functions
//! ([`crate::cli::output`]).
//!
//! Routes: `/` and `/search`, `/decisions/{reference}`, `/stats`,
//! `/api/search`, `/api/decisions/{reference}`, `/api/stats`, and
//! `/static/…`. Every search state is in the query string ([`params`]).
//! Searches run on the blocking pool, a few at a time (decision lookups in
//! slots of their own), and a request that waits longer than
//! [`Options::query_timeout`] is answered with a message (status 503) rather
//! than left hanging. Each search reads the index's
//! latest commit, so decisions ingested while the server runs show up
//! without a restart.

pub mod chart;
pub mod highlight;
pub mod pages;
pub mod params;

use std::collections::BTreeMap;
use std::net::SocketAddr;
use std::sync::Arc;
use std::time::{Duration, Instant};

use axum::body::Body;
use axum::extract::{Path, RawQuery, State};
use axum::http::{header, HeaderValue, StatusCode};
use axum::response::{IntoResponse, Response};
use axum::routing::get;
use axum::Router;
use tokio::sync::Semaphore;

use crate::index::{OmbudsIndex, SearchResult};
use crate::stats::Stats;
use crate::{Decision, RemedyKind};
use params::{BadParam, Params};

/// How the server behaves.
#[derive(Debug, Clone)]
pub struct Options {
    /// Longest a request waits for its search before it is answered with an
    /// error (the search itself is abandoned).
    pub query_timeout: Duration,
    /// Searches (and stats) run at the same time; more wait their turn
    /// (within the timeout). Decision lookups, which are cheap, have as many
    /// slots of their own, so they never queue behind searches.
    pub searches_at_once: usize,
}

impl Default for Options {
    fn default() -> Options {
        let cores = std::thread::available_parallelism().map_or(2, |n| n.get());
        Options {
            query_timeout: Duration::from_secs(10),
            searches_at_once: cores * 2,
        }
    }
}

/// Whether listening on `addr` keeps the server to this machine.
pub fn is_loopback(addr: &SocketAddr) -> bool {
    addr.ip().is_loopback()
}

/// What the handlers share: the index and the limits.
pub struct App {
    idx: OmbudsIndex,
    options: Options,
    searches: Arc<Semaphore>,
    lookups: Arc<Semaphore>,
}

/// Which slots a piece of work takes.
#[derive(Debug, Clone, Copy)]
enum Work {
    /// A search or stats: may be slow.
    Search,
    /// Reading one decision by its key: fast.
    Lookup,
}

impl std::fmt::Debug for App {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("App").field("index", &self.idx.path).finish()
    }
}

/// Why a request failed, and so its status code.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Failure {
    /// A malformed query or parameter (400); the message says which and why.
    BadRequest(String),
    /// No such decision or page (404).
    NotFound(String),
    /// The search did not finish in time (503).
    Timeout(Duration),
    /// The index could not be read (500).
    Internal(String),
}

impl Failure {
    /// The HTTP status.
    pub fn status(&self) -> StatusCode {
        match self {
            Failure::BadRequest(_) => StatusCode::BAD_REQUEST,
            Failure::NotFound(_) => StatusCode::NOT_FOUND,
            Failure::Timeout(_) => StatusCode::SERVICE_UNAVAILABLE,
            Failure::Internal(_) => StatusCode::INTERNAL_SERVER_ERROR,
        }
    }

    /// The message for the reader.
    pub fn message(&self) -> String {
        match self {
            Failure::BadRequest(m) | Failure::NotFound(m) | Failure::Internal(m) => m.clone(),
            Failure::Timeout(d) => format!(
                "the search was cut off after {}: it took too long; narrow it with filters \
                 (council, category, dates) or fewer wildcard and OR terms, or start the server \
                 with a longer --query-timeout",
                seconds(*d)
            ),
        }
    }
}

fn seconds(d: Duration) -> String {
    let s = d.as_secs_f64();
    if s >= 1.0 {
        format!("{s:.0} s")
    } else {
        format!("{:.0} ms", s * 1000.0)
    }
}

impl From<BadParam> for Failure {
    fn from(e: BadParam) -> Failure {
        Failure::BadRequest(e.0)
    }
}

impl From<crate::Error> for Failure {
    fn from(e: crate::Error) -> Failure {
        match e {
            crate::Error::Query { .. } => Failure::BadRequest(e.to_string()),
            other => Failure::Internal(other.to_string()),
        }
    }
}

impl From<anyhow::Error> for Failure {
    fn from(e: anyhow::Error) -> Failure {
        Failure::Internal(format!("{e:#}"))
    }
}

impl App {
    /// Runs `work` on the blocking pool when a slot is free, giving up
    /// waiting after the query timeout.
    async fn run<T, F>(self: &Arc<Self>, kind: Work, work: F) -> Result<T, Failure>
    where
        T: Send + 'static,
        F: FnOnce(&App) -> Result<T, Failure> + Send + 'static,
    {
        let app = Arc::clone(self);
        let job = async move {
            let slots = match kind {
                Work::Search => &app.searches,
                Work::Lookup => &app.lookups,
            };
            let permit = Arc::clone(slots)
                .acquire_owned()
                .await
                .map_err(|e| Failure::Internal(format!("the server is shutting down: {e}")))?;
            tokio::task::spawn_blocking(move || {
                // The slot stays taken until the search ends, even one whose
                // request gave up: abandoned searches cannot pile up.
                let _permit = permit;
                work(&app)
            })
            .await
            .map_err(|e| Failure::Internal(format!("a search failed: {e}")))?
        };
        let start = Instant::now();
        let limit = self.options.query_timeout;
        let done = tokio::time::timeout(limit, job)
            .await
            .unwrap_or(Err(Failure::Timeout(limit)));
        // Tokio's timer fires on whole milliseconds, so work that ends past the
        // limit but before the timer fires would be served: it is over the
        // limit all the same (and a test with a 1 ns limit was flaky under load).
        if done.is_ok() && start.elapsed() > limit {
            return Err(Failure::Timeout(limit));
        }
        done
    }
}

/// A search page's results.
#[derive(Debug)]
pub struct Found {
    /// Total, hits and facets.
    pub result: SearchResult,
    /// Matches per remedy kind (kinds with none left out).
    pub remedies: BTreeMap<RemedyKind, u64>,
    /// Time the search took.
    pub elapsed: Duration,
}

/// The server: a bound socket and the application.
#[derive(Debug)]
pub struct Server {
    listener: std::net::TcpListener,
    app: Arc<App>,
}

impl Server {
    /// Binds `addr` (port 0 picks a free port) to serve `idx`. The caller
    /// checks [`is_loopback`] first.
    pub fn bind(idx: OmbudsIndex, addr: SocketAddr, options: Options) -> std::io::Result<Server> {
        let listener = std::net::TcpListener::bind(addr)?;
        listener.set_nonblocking(true)?;
        let slots = || Arc::new(Semaphore::new(options.searches_at_once.max(1)));
        let (searches, lookups) = (slots(), slots());
        Ok(Server {
            listener,
            app: Arc::new(App {
                idx,
                options,
                searches,
                lookups,
            }),
        })
    }

    /// The address the server listens on.
    pub fn local_addr(&self) -> std::io::Result<SocketAddr> {
        self.listener.local_addr()
    }

    /// Serves until the process ends, on a runtime of its own.
    pub fn run(self) -> std::io::Result<()> {
        tokio::runtime::Builder::new_multi_thread()
            .enable_all()
            .thread_name("ombuds-serve")
            .build()?
            .block_on(self.serve())
    }

    /// Serves on the current Tokio runtime until the process ends.
    pub async fn serve(self) -> std::io::Result<()> {
        let listener = tokio::net::TcpListener::from_std(self.listener)?;
        axum::serve(listener, router(self.app)).await
    }
}

/// The routes.
pub fn router(app: Arc<App>) -> Router {
    Router::new()
        .route("/", get(search_page))
        .route("/search", get(search_page))
        .route("/decisions/{reference}", get(decision_page))
        .route("/stats", get(stats_page))
        .route("/api/search", get(api_search))
        .route("/api/decisions/{reference}", get(api_decision))
        .route("/api/stats", get(api_stats))
        .route("/static/style.css", get(stylesheet))
        .route("/static/icon.svg", get(icon))
        .fallback(not_found)
        .layer(axum::middleware::map_response(secure_headers))
        .with_state(app)
}

/// The policy every response carries: nothing but this server's own styles
/// and images, no script at all, forms only to this server, no framing.
pub const CONTENT_SECURITY_POLICY: &str = "default-src 'none'; style-src 'self'; img-src 'self'; \
     form-action 'self'; base-uri 'none'; frame-ancestors 'none'";

async fn secure_headers(mut res: Response) -> Response {
    let h = res.headers_mut();
    h.insert(
        header::CONTENT_SECURITY_POLICY,
        HeaderValue::from_static(CONTENT_SECURITY_POLICY),
    );
    h.insert(header::X_CONTENT_TYPE_OPTIONS, HeaderValue::from_static("nosniff"));
    h.insert(header::REFERRER_POLICY, HeaderValue::from_static("no-referrer"));
    h.insert(header::X_FRAME_OPTIONS, HeaderValue::from_static("DENY"));
    h.entry(header::CACHE_CONTROL)
        .or_insert(HeaderValue::from_static("no-cache"));
    res
}

fn with_type(status: StatusCode, content_type: &'static str, body: impl Into<Body>) -> Response {
    let mut res = (status, body.into()).into_response();
    res.headers_mut()
        .insert(header::CONTENT_TYPE, HeaderValue::from_static(content_type));
    res
}

fn html(status: StatusCode, page: maud::Markup) -> Response {
    with_type(status, "text/html; charset=utf-8", page.into_string())
}

fn params_of(raw: Option<String>) -> Params {
    Params::parse(raw.as_deref().unwrap_or(""))
}

async fn search_page(State(app): State<Arc<App>>, RawQuery(raw): RawQuery) -> Response {
    let params = params_of(raw);
    let found = match params.request(true) {
        Ok(req) => {
            app.run(Work::Search, move |app| {
                let start = Instant::now();
                let result = app.idx.search(&req)?;
                // The remedy facet, counted with the others, keyed by kind for the page's order.
                let remedies = RemedyKind::ALL
                    .into_iter()
                    .filter_map(|k| {
                        let n = result.facets.as_ref()?.remedy.get(k.as_str()).copied()?;
                        Some((k, n))
                    })
                    .collect();
                Ok(Found {
                    result,
                    remedies,
                    elapsed: start.elapsed(),
                })
            })
            .await
        }
        Err(e) => Err(e.into()),
    };
    let status = found.as_ref().err().map_or(StatusCode::OK, Failure::status);
    html(status, pages::search(&params, &found))
}

async fn decision_page(
    State(app): State<Arc<App>>,
    Path(reference): Path<String>,
    RawQuery(raw): RawQuery,
) -> Response {
    let params = params_of(raw);
    let page = app
        .run(Work::Lookup, move |app| {
            let d = app.idx.get(&reference)?.ok_or_else(|| no_decision(&reference))?;
            let words = params.query().and_then(|q| highlight::Words::of_query(&app.idx, q));
            Ok(pages::decision(&d, &params, words.as_ref()))
        })
        .await;
    match page {
        Ok(p) => html(StatusCode::OK, p),
        Err(f) => html(f.status(), pages::failure(&f, &Params::default())),
    }
}

fn no_decision(reference: &str) -> Failure {
    Failure::NotFound(format!(
        "no decision with reference '{reference}' in this index; find references on the search page"
    ))
}

async fn stats_page(State(app): State<Arc<App>>, RawQuery(raw): RawQuery) -> Response {
    let params = params_of(raw);
    let stats = run_stats(&app, &params).await;
    let status = stats.as_ref().err().map_or(StatusCode::OK, Failure::status);
    html(status, pages::stats(&params, &stats))
}

async fn run_stats(app: &Arc<App>, params: &Params) -> Result<Stats, Failure> {
    run_stats_with(app, params, false).await.map(|(s, _)| s)
}

/// The stats of `params`, and with `provenance` the provenance that
/// `ombuds stats --format json` prints with them.
async fn run_stats_with(
    app: &Arc<App>,
    params: &Params,
    provenance: bool,
) -> Result<(Stats, Option<crate::export::provenance::Provenance>), Failure> {
    let by = params.dimension()?;
    let filters = params.filters()?;
    let limit = params.stats_limit()?;
    let query = params.query().map(str::to_owned);
    app.run(Work::Search, move |app| {
        let mut s = crate::stats::stats(&app.idx, query.as_deref(), &filters, by)?;
        if let Some(n) = limit {
            s.groups.truncate(n);
        }
        let prov = if provenance {
            Some(crate::cli::stats_provenance(
                &app.idx,
                query.as_deref(),
                &filters,
                &s,
                false,
                limit,
            )?)
        } else {
            None
        };
        Ok((s, prov))
    })
    .await
}

/// A body for the API in the format asked for.
enum Format {
    Json,
    Jsonl,
    Csv,
}

impl Format {
    fn of(params: &Params) -> Result<Format, Failure> {
        match params.format.as_deref().map(str::to_lowercase).as_deref() {
            None | Some("json") => Ok(Format::Json),
            Some("jsonl") => Ok(Format::Jsonl),
            Some("csv") => Ok(Format::Csv),
            Some(_) => Err(Failure::BadRequest(format!(
                "format: expected json, jsonl or csv, but found '{}'",
                params.format.as_deref().unwrap_or_default()
            ))),
        }
    }

    fn content_type(&self) -> &'static str {
        match self {
            Format::Json => "application/json",
            Format::Jsonl => "application/x-ndjson",
            Format::Csv => "text/csv; charset=utf-8",
        }
    }
}

fn api_error(f: &Failure) -> Response {
    let body = serde_json::json!({ "error": f.message() });
    let mut text = serde_json::to_string_pretty(&body).unwrap_or_default();
    text.push('\n');
    with_type(f.status(), "application/json", text)
}

fn api_body(format: &Format, write: impl FnOnce(&mut Vec<u8>) -> anyhow::Result<()>) -> Response {
    let mut buf = Vec::new();
    match write(&mut buf) {
        Ok(()) => with_type(StatusCode::OK, format.content_type(), buf),
        Err(e) => api_error(&e.into()),
    }
}

async fn api_search(State(app): State<Arc<App>>, RawQuery(raw): RawQuery) -> Response {
    let params = params_of(raw);
    let format = match Format::of(&params) {
        Ok(f) => f,
        Err(e) => return api_error(&e),
    };
    let req = match params.request(params.facets) {
        Ok(r) => r,
        Err(e) => return api_error(&e.into()),
    };
    let json = matches!(format, Format::Json);
    let found = app
        .run(Work::Search, move |app| {
            let result = app.idx.search(&req)?;
            // JSON carries the same provenance as `ombuds search --format json`.
            let prov = if json {
                Some(crate::cli::search_provenance(&app.idx, &req)?)
            } else {
                None
            };
            Ok((result, prov))
        })
        .await;
    match found {
        Ok((r, prov)) => api_body(&format, |buf| match (&format, &prov) {
            (Format::Json, Some(p)) => crate::cli::output::json_with_provenance(buf, &r, p),
            (Format::Json, None) => crate::cli::output::search_json(buf, &r),
            (Format::Jsonl, _) => crate::cli::output::search_jsonl(buf, &r),
            (Format::Csv, _) => crate::cli::output::search_csv(buf, &r),
        }),
        Err(f) => api_error(&f),
    }
}

async fn api_decision(State(app): State<Arc<App>>, Path(reference): Path<String>) -> Response {
    let found: Result<Decision, Failure> = app
        .run(Work::Lookup, move |app| {
            app.idx.get(&reference)?.ok_or_else(|| no_decision(&reference))
        })
        .await;
    match found {
        Ok(d) => api_body(&Format::Json, |buf| crate::cli::output::record_json(buf, &d)),
        Err(f) => api_error(&f),
    }
}

async fn api_stats(State(app): State<Arc<App>>, RawQuery(raw): RawQuery) -> Response {
    let params = params_of(raw);
    let format = match Format::of(&params) {
        Ok(f) => f,
        Err(e) => return api_error(&e),
    };
    let json = matches!(format, Format::Json);
    match run_stats_with(&app, &params, json).await {
        Ok((s, prov)) => api_body(&format, |buf| match (&format, &prov) {
            (Format::Json, Some(p)) => crate::cli::output::json_with_provenance(buf, &s, p),
            (Format::Json, None) => crate::cli::output::stats_json(buf, &s),
            (Format::Jsonl, _) => crate::cli::output::stats_jsonl(buf, &s),
            (Format::Csv, _) => crate::cli::output::stats_csv(buf, &s),
        }),
        Err(f) => api_error(&f),
    }
}

/// The stylesheet, embedded in the binary.
pub const STYLE: &str = include_str!("style.css");

/// The page icon, embedded in the binary.
pub const ICON: &str = include_str!("icon.svg");

async fn stylesheet() -> Response {
    let mut res = with_type(StatusCode::OK, "text/css; charset=utf-8", STYLE);
    res.headers_mut()
        .insert(header::CACHE_CONTROL, HeaderValue::from_static("max-age=3600"));
    res
}

async fn icon() -> Response {
    let mut res = with_type(StatusCode::OK, "image/svg+xml", ICON);
    res.headers_mut()
        .insert(header::CACHE_CONTROL, HeaderValue::from_static("max-age=86400"));
    res
}

async fn not_found(uri: axum::http::Uri) -> Response {
    let f = Failure::NotFound(format!("there is no page at {}", uri.path()));
    if uri.path().starts_with("/api/") {
        api_error(&f)
    } else {
        html(f.status(), pages::failure(&f, &Params::default()))
    }
}

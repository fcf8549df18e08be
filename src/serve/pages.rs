//! Pages: take search results, a decision or stats with the URL's state and
//! return HTML (maud templates, checked at compile time; every value is
//! escaped by the template). Links carry the whole search state, so any
//! page can be bookmarked or shared.

use maud::{html, Markup, DOCTYPE};

use super::chart::{bar_chart, Series};
use super::highlight::{cut, locate, locate_citation, Anchor, Words};
use super::params::Params;
use super::{Failure, Found};
use crate::cli::output::money;
use crate::index::document::category_label;
use crate::index::query::{is_upheld, MAX_OFFSET};
use crate::index::{Dimension, Hit};
use crate::stats::Stats;
use crate::{Decision, Finding, RemedyKind};

/// Facet values listed before the rest fold away.
const FACET_SHOWN: usize = 8;
/// Facet values listed at most.
const FACET_MAX: usize = 200;
/// Rows in a stats chart.
const CHART_ROWS: usize = 25;

/// A facet of the sidebar: a dimension of the index, or remedy kinds.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Facet {
    /// Categories.
    Category,
    /// `Category > Subcategory`.
    Subcategory,
    /// Outcomes.
    Outcome,
    /// Years.
    Year,
    /// Organisations.
    Organisation,
    /// Remedy kinds.
    Remedy,
}

impl Facet {
    fn title(self) -> &'static str {
        match self {
            Facet::Category => "Category",
            Facet::Subcategory => "Subcategory",
            Facet::Outcome => "Outcome",
            Facet::Year => "Year",
            Facet::Organisation => "Organisation",
            Facet::Remedy => "Remedy",
        }
    }
}

fn same(a: &str, b: &str) -> bool {
    a.split_whitespace()
        .map(str::to_lowercase)
        .eq(b.split_whitespace().map(str::to_lowercase))
}

fn remove_same(list: &mut Vec<String>, value: &str) {
    list.retain(|v| !same(v, value));
}

/// The search narrowed to decisions with `value` in `facet`, from its first page:
/// a category or outcome or remedy kind joins those chosen, a subcategory
/// replaces its own category, a year sets the date range, an organisation the council.
pub fn narrowed(p: &Params, facet: Facet, value: &str) -> Params {
    let mut n = p.first_page();
    let push = |list: &mut Vec<String>| {
        if !list.iter().any(|v| same(v, value)) {
            list.push(value.to_owned());
        }
    };
    match facet {
        Facet::Category => push(&mut n.categories),
        Facet::Subcategory => {
            let parent = value.split('>').next().unwrap_or_default().trim();
            remove_same(&mut n.categories, parent);
            push(&mut n.categories);
        }
        Facet::Outcome => push(&mut n.outcomes),
        Facet::Remedy => push(&mut n.remedies),
        Facet::Year => {
            n.from = Some(value.to_owned());
            n.to = Some(value.to_owned());
        }
        Facet::Organisation => n.council = Some(value.to_owned()),
    }
    n
}

/// Whether the search is already narrowed to `value` in `facet`.
pub fn is_active(p: &Params, facet: Facet, value: &str) -> bool {
    let any = |list: &[String]| list.iter().any(|v| same(v, value));
    match facet {
        Facet::Category | Facet::Subcategory => any(&p.categories),
        Facet::Outcome => any(&p.outcomes),
        Facet::Remedy => any(&p.remedies),
        Facet::Year => p.from.as_deref() == Some(value) && p.to.as_deref() == Some(value),
        Facet::Organisation => p.council.as_deref().is_some_and(|c| same(c, value)),
    }
}

/// One removable chip per active filter: its label and the search without it.
pub fn chips(p: &Params) -> Vec<(String, Params)> {
    let mut out = Vec::new();
    let base = p.first_page();
    if let Some(c) = &p.council {
        let label = if p.council_successor {
            format!("Council: {c}, with predecessors and successors")
        } else {
            format!("Council: {c}")
        };
        out.push((
            label,
            Params {
                council: None,
                council_successor: false,
                ..base.clone()
            },
        ));
    }
    for c in &p.categories {
        let mut without = base.clone();
        without.categories.retain(|x| x != c);
        out.push((format!("Category: {c}"), without));
    }
    for o in &p.outcomes {
        let mut without = base.clone();
        without.outcomes.retain(|x| x != o);
        out.push((format!("Outcome: {o}"), without));
    }
    for r in &p.remedies {
        let mut without = base.clone();
        without.remedies.retain(|x| x != r);
        out.push((format!("Remedy: {}", r.replace('_', " ")), without));
    }
    match (&p.from, &p.to) {
        (Some(f), Some(t)) if f == t => out.push((
            format!("Decided in {f}"),
            Params {
                from: None,
                to: None,
                ..base.clone()
            },
        )),
        (f, t) => {
            if let Some(f) = f {
                out.push((
                    format!("From {f}"),
                    Params {
                        from: None,
                        ..base.clone()
                    },
                ));
            }
            if let Some(t) = t {
                out.push((
                    format!("To {t}"),
                    Params {
                        to: None,
                        ..base.clone()
                    },
                ));
            }
        }
    }
    if let Some(m) = &p.min_payment {
        out.push((
            format!("Paid at least £{}", m.trim_start_matches('£')),
            Params {
                min_payment: None,
                ..base.clone()
            },
        ));
    }
    if let Some(m) = &p.max_payment {
        out.push((
            format!("Paid at most £{}", m.trim_start_matches('£')),
            Params {
                max_payment: None,
                ..base.clone()
            },
        ));
    }
    out
}

/// The path of a decision's page: its reference with dashes for spaces
/// (`/decisions/23-017-456`); any spacing or case finds it.
pub fn decision_path(reference: &str) -> String {
    let slug: String = reference
        .split_whitespace()
        .map(|w| w.chars().filter(char::is_ascii_alphanumeric).collect::<String>())
        .filter(|w| !w.is_empty())
        .collect::<Vec<_>>()
        .join("-");
    format!("/decisions/{slug}")
}

/// The shell command that gives the same result set (`ombuds search … --format csv`).
pub fn cli_command(p: &Params, format: &str) -> String {
    fn quote(s: &str) -> String {
        if !s.is_empty() && s.chars().all(|c| c.is_ascii_alphanumeric() || "-_.,:/=@%+".contains(c)) {
            s.to_owned()
        } else {
            format!("'{}'", s.replace('\'', r"'\''"))
        }
    }
    let mut words = vec!["ombuds".to_owned(), "search".to_owned()];
    if let Some(q) = p.query() {
        words.push(quote(q));
    }
    let mut flag = |name: &str, v: &str| {
        words.push(format!("--{name}"));
        words.push(quote(v));
    };
    if let Some(c) = &p.council {
        flag("council", c);
    }
    for c in &p.categories {
        flag("category", c);
    }
    for o in &p.outcomes {
        flag("outcome", o);
    }
    for (name, v) in [
        ("from", &p.from),
        ("to", &p.to),
        ("min-payment", &p.min_payment),
        ("max-payment", &p.max_payment),
    ] {
        if let Some(v) = v {
            flag(name, v);
        }
    }
    for r in &p.remedies {
        flag("remedy", r);
    }
    if let Some(s) = &p.sort {
        flag("sort", s);
    }
    if let Some(l) = &p.limit {
        flag("limit", l);
    }
    if let Some(o) = &p.offset {
        flag("offset", o);
    }
    if p.reverse {
        words.push("--reverse".into());
    }
    words.push("--format".into());
    words.push(format.into());
    words.join(" ")
}

fn thousands(n: u64) -> String {
    let s = n.to_string();
    let mut out = String::new();
    for (i, c) in s.chars().enumerate() {
        if i > 0 && (s.len() - i) % 3 == 0 {
            out.push(',');
        }
        out.push(c);
    }
    out
}

fn plural(n: u64, one: &str, many: &str) -> String {
    format!("{} {}", thousands(n), if n == 1 { one } else { many })
}

fn kind_name(k: RemedyKind) -> String {
    k.as_str().replace('_', " ")
}

/// Only `http:` and `https:` addresses become links.
fn is_web_address(url: &str) -> bool {
    let u = url.trim_start().to_ascii_lowercase();
    u.starts_with("https://") || u.starts_with("http://")
}

fn layout(title: &str, nav: &Params, current: &str, body: Markup) -> Markup {
    let sel = nav.selection();
    html! {
        (DOCTYPE)
        html lang="en-GB" {
            head {
                meta charset="utf-8";
                meta name="viewport" content="width=device-width, initial-scale=1";
                title { (title) " · ombuds" }
                link rel="stylesheet" href={ "/static/style.css?v=" (env!("CARGO_PKG_VERSION")) };
                link rel="icon" href="/static/icon.svg" type="image/svg+xml";
            }
            body {
                header.top {
                    a.brand href="/" { "ombuds" }
                    span.tagline { "LGSCO decisions" }
                    nav aria-label="Main" {
                        a href=(sel.url("/search")) aria-current=[(current == "search").then_some("page")] { "Search" }
                        a href=(sel.url("/stats")) aria-current=[(current == "stats").then_some("page")] { "Statistics" }
                    }
                }
                main { (body) }
                footer {
                    "ombuds " (env!("CARGO_PKG_VERSION")) " · a read-only view of the index · the same data as JSON: "
                    a href=(sel.url("/api/search")) { "/api/search" } ", "
                    a href=(sel.url("/api/stats")) { "/api/stats" }
                }
            }
        }
    }
}

fn error_box(f: &Failure) -> Markup {
    html! {
        div.error role="alert" {
            strong { @match f {
                Failure::BadRequest(_) => "This search cannot run: ",
                Failure::NotFound(_) => "Not found: ",
                Failure::Timeout(_) => "Too slow: ",
                Failure::Internal(_) => "The index could not be read: ",
            } }
            (f.message())
        }
    }
}

fn marked(words: Option<&Words>, text: &str) -> Markup {
    match words {
        Some(w) => html! {
            @for (piece, hit) in w.pieces(text) {
                @if hit { mark { (piece) } } @else { (piece) }
            }
        },
        None => html! { (text) },
    }
}

fn chip_list(p: &Params, path: &str) -> Markup {
    let chips = chips(p);
    html! {
        @if !chips.is_empty() {
            ul.chips aria-label="Active filters" {
                @for (label, without) in &chips {
                    li {
                        span { (label) }
                        a.remove href=(without.url(path)) title="Remove this filter" aria-label={ "Remove filter " (label) } { "×" }
                    }
                }
                @if chips.len() > 1 {
                    li.clear {
                        a href=(Params { q: p.q.clone(), ..Params::default() }.url(path)) { "Clear all" }
                    }
                }
            }
        }
    }
}

/// Hidden inputs that carry the repeatable filters through a form.
fn hidden_filters(p: &Params) -> Markup {
    html! {
        @for c in &p.categories { input type="hidden" name="category" value=(c); }
        @for o in &p.outcomes { input type="hidden" name="outcome" value=(o); }
        @for r in &p.remedies { input type="hidden" name="remedy" value=(r); }
    }
}

fn search_form(p: &Params, found: Option<&Found>) -> Markup {
    let sort = p.sort.as_deref().map(str::to_lowercase);
    let limit = p
        .limit
        .clone()
        .unwrap_or_else(|| super::params::DEFAULT_LIMIT.to_string());
    let mut suggestions: Vec<&String> = Vec::new();
    if let Some(f) = found.and_then(|f| f.result.facets.as_ref()) {
        suggestions.extend(f.category.keys());
        suggestions.extend(f.subcategory.keys());
    }
    html! {
        form.search method="get" action="/search" role="search" {
            div.querybar {
                input #q type="search" name="q" value=[p.q.as_deref()] aria-label="Query"
                    placeholder="words, \"a phrase\", AND / OR / NOT, field:value, prefix*";
                button type="submit" { "Search" }
            }
            (hidden_filters(p))
            // Open when a field in it holds a value; chosen categories, outcomes
            // and remedies show as chips instead.
            details.filters open[p.council.is_some() || p.from.is_some() || p.to.is_some()
                || p.min_payment.is_some() || p.max_payment.is_some()
                || p.sort.is_some() || p.reverse || p.limit.is_some()] {
                summary { "Filters and order" }
                div.grid {
                    label { "Council or body" input name="council" value=[p.council.as_deref()] placeholder="e.g. Derbyshire"; }
                    label.check { input type="checkbox" name="council_successor" value="1" checked[p.council_successor]; " with its predecessors and successors (reorganisations)" }
                    label { "Add a category" input name="category" list="categories" placeholder="Housing, or Housing > Homelessness"; }
                    label { "Add an outcome" input name="outcome" placeholder="e.g. Upheld, Not upheld"; }
                    label { "Add a remedy kind"
                        select name="remedy" {
                            option value="" { "any" }
                            @for k in RemedyKind::ALL {
                                @if !p.remedies.iter().any(|r| r == k.as_str()) {
                                    option value=(k.as_str()) { (kind_name(k)) }
                                }
                            }
                        }
                    }
                    label { "Decided from" input name="from" value=[p.from.as_deref()] placeholder="2020, 2020-03 or 2020-03-31"; }
                    label { "Decided to" input name="to" value=[p.to.as_deref()] placeholder="2024, 2024-06 or 2024-06-30"; }
                    label { "Paid at least (£)" input name="min_payment" value=[p.min_payment.as_deref()] inputmode="decimal" placeholder="e.g. 500"; }
                    label { "Paid at most (£)" input name="max_payment" value=[p.max_payment.as_deref()] inputmode="decimal" placeholder="e.g. 1,000"; }
                    label { "Order"
                        select name="sort" {
                            option value="" selected[sort.is_none()] { "best match (newest without a query)" }
                            option value="relevance" selected[sort.as_deref() == Some("relevance")] { "best match" }
                            option value="date" selected[sort.as_deref() == Some("date")] { "newest first" }
                            option value="payment" selected[sort.as_deref() == Some("payment")] { "largest payment first" }
                        }
                    }
                    label.check { input type="checkbox" name="reverse" value="1" checked[p.reverse]; "reverse the order" }
                    label { "Per page"
                        select name="limit" {
                            @for n in ["10", "20", "50", "100"] {
                                option value=(n) selected[limit == n] { (n) }
                            }
                            @if !["10", "20", "50", "100"].contains(&limit.as_str()) {
                                option value=(limit) selected { (limit) }
                            }
                        }
                    }
                }
                datalist #categories {
                    @for s in suggestions { option value=(s) {} }
                }
            }
        }
    }
}

fn hit_item(h: &Hit, p: &Params) -> Markup {
    let title = h.organisation.as_deref().unwrap_or("(organisation not stated)");
    let back = Params {
        facets: false,
        format: None,
        by: None,
        ..p.clone()
    };
    html! {
        li.hit {
            h3 {
                @match &h.reference {
                    Some(r) => {
                        a href=(back.url(&decision_path(r))) { (title) }
                        " " span.ref { (r) }
                    }
                    None => {
                        @match &h.key {
                            Some(k) => { a href=(back.url(&format!("/decisions/{k}"))) { (title) } }
                            None => { (title) }
                        }
                        " " span.ref { "(no reference)" }
                    }
                }
            }
            p.meta {
                @if let Some(d) = h.decision_date { time datetime=(d) { (d) } }
                @if let Some(o) = &h.outcome {
                    " " span.outcome.upheld[is_upheld(o)] { (o) }
                }
                @if let Some(c) = category_label(h.category.as_deref(), h.subcategory.as_deref()) {
                    " " span.category { (c.replace(" > ", " › ")) }
                }
                @if let Some(paid) = h.total_payment_pence {
                    " " span.payment title="Total payment" { (money(paid)) }
                }
            }
            @if !h.snippet.is_empty() {
                p.snippet {
                    @for (piece, hit) in cut(&h.snippet, &h.highlights) {
                        @if hit { mark { (piece) } } @else { (piece) }
                    }
                }
            }
        }
    }
}

fn facet_section(p: &Params, facet: Facet, counts: Vec<(String, u64)>) -> Markup {
    let mut counts = counts;
    if facet == Facet::Year {
        counts.sort_by(|a, b| b.0.cmp(&a.0));
    } else {
        counts.sort_by(|a, b| b.1.cmp(&a.1).then_with(|| a.0.cmp(&b.0)));
    }
    counts.truncate(FACET_MAX);
    let item = |(value, n): &(String, u64)| {
        let label = match facet {
            Facet::Subcategory => value
                .split_once('>')
                .map_or(value.clone(), |(_, s)| s.trim().to_owned()),
            Facet::Remedy => value.replace('_', " "),
            _ => value.clone(),
        };
        let tip = if facet == Facet::Subcategory {
            value.replace(" > ", " › ")
        } else {
            label.clone()
        };
        html! {
            li {
                @if is_active(p, facet, value) {
                    span.active title=(tip) { (label) }
                } @else {
                    a href=(narrowed(p, facet, value).url("/search")) title=(tip) { (label) }
                }
                " " span.n { (thousands(*n)) }
            }
        }
    };
    html! {
        @if !counts.is_empty() {
            section.facet data-facet=(facet.title().to_lowercase()) {
                h2 { (facet.title()) }
                ul {
                    @for c in counts.iter().take(FACET_SHOWN) { (item(c)) }
                }
                @if counts.len() > FACET_SHOWN {
                    details {
                        summary { (counts.len() - FACET_SHOWN) " more" }
                        ul {
                            @for c in counts.iter().skip(FACET_SHOWN) { (item(c)) }
                        }
                    }
                }
            }
        }
    }
}

fn pager(p: &Params, total: usize, offset: usize, limit: usize) -> Markup {
    let limit = limit.max(1);
    let page = offset / limit + 1;
    let pages = total.div_ceil(limit).max(1);
    let at = |o: usize| {
        Params {
            offset: (o > 0).then(|| o.to_string()),
            ..p.clone()
        }
        .url("/search")
    };
    let next = offset + limit;
    html! {
        @if total > limit || offset > 0 {
            nav.pages aria-label="Pages" {
                @if offset > 0 {
                    a rel="prev" href=(at(offset.saturating_sub(limit))) { "← Previous" }
                }
                span { "page " (page) " of " (thousands(pages as u64)) }
                @if next < total && next <= MAX_OFFSET {
                    a rel="next" href=(at(next)) { "Next →" }
                }
            }
        }
    }
}

/// The search page: form, chips, results with facets, or the error.
pub fn search(p: &Params, found: &Result<Found, Failure>) -> Markup {
    let title = p
        .query()
        .map_or_else(|| "Search".to_owned(), |q| format!("{q} — Search"));
    let ok = found.as_ref().ok();
    let body = html! {
        (search_form(p, ok))
        (chip_list(p, "/search"))
        @match found {
            Err(f) => (error_box(f)),
            Ok(f) => (results(p, f)),
        }
    };
    layout(&title, p, "search", body)
}

fn results(p: &Params, f: &Found) -> Markup {
    let r = &f.result;
    let offset = p.offset().unwrap_or(0);
    let limit = p.limit().unwrap_or(super::params::DEFAULT_LIMIT);
    let shown = r.hits.len();
    let export = Params {
        facets: false,
        by: None,
        ..p.clone()
    };
    let csv = Params {
        format: Some("csv".into()),
        ..export.clone()
    };
    let json = Params {
        format: None,
        ..export.clone()
    };
    let ms = f.elapsed.as_secs_f64() * 1000.0;
    html! {
        div.layout {
            aside.facets aria-label="Narrow the results" {
                @if let Some(facets) = &r.facets {
                    (facet_section(p, Facet::Category, facets.category.clone().into_iter().collect()))
                    (facet_section(p, Facet::Subcategory, facets.subcategory.clone().into_iter().collect()))
                    (facet_section(p, Facet::Outcome, facets.outcome.clone().into_iter().collect()))
                    (facet_section(p, Facet::Year, facets.year.clone().into_iter().collect()))
                    (facet_section(p, Facet::Organisation, facets.organisation.clone().into_iter().collect()))
                }
                (facet_section(p, Facet::Remedy, f.remedies.iter().map(|(k, n)| (k.as_str().to_owned(), *n)).collect()))
            }
            section.results aria-label="Results" {
                div.summary {
                    p.total {
                        strong { (plural(r.total as u64, "decision", "decisions")) }
                        @if shown > 0 {
                            " · showing " (offset + 1) "–" (offset + shown)
                        }
                        " · " span.time { (format!("{ms:.1} ms")) }
                    }
                    p.exports {
                        "This result set as "
                        a href=(csv.url("/api/search")) download="ombuds-search.csv" { "CSV" } " or "
                        a href=(json.url("/api/search")) { "JSON" }
                        " · "
                        a href=(p.selection().url("/stats")) { "statistics for these decisions" }
                    }
                    details.cli {
                        summary { "The same in a terminal" }
                        code { (cli_command(&export, "csv")) }
                    }
                }
                @if r.hits.is_empty() {
                    p.none {
                        @if r.total == 0 {
                            "No decision matches. "
                            @if p.has_filters() { "Remove a filter, or " }
                            "try fewer or other words."
                        } @else {
                            "No decision on this page; go back to the first page."
                        }
                    }
                } @else {
                    ol.hits start=(offset + 1) {
                        @for h in &r.hits { (hit_item(h, p)) }
                    }
                }
                (pager(p, r.total, offset, limit))
            }
        }
    }
}

fn finding_item(f: &Finding, words: Option<&Words>) -> Markup {
    let anchor = match f.paragraph {
        Some(n) => Anchor::Paragraph(n),
        None => Anchor::Summary,
    };
    html! {
        li {
            (anchor_link(Some(anchor)))
            " " (marked(words, &f.text))
        }
    }
}

fn anchor_link(a: Option<Anchor>) -> Markup {
    html! {
        @match a {
            Some(Anchor::Paragraph(n)) => a.para href={ "#p" (n) } title={ "Paragraph " (n) } { "¶" (n) },
            Some(Anchor::Summary) => a.para href="#summary" title="In the summary" { "summary" },
            None => {},
        }
    }
}

/// A decision's page: header fields, summary, findings panel, full text.
pub fn decision(d: &Decision, p: &Params, words: Option<&Words>) -> Markup {
    let org = d.organisation.as_deref().unwrap_or("(organisation not stated)");
    let title = match &d.reference {
        Some(r) => format!("{org} ({r})"),
        None => org.to_owned(),
    };
    let back = Params {
        facets: false,
        format: None,
        by: None,
        ..p.clone()
    };
    let came_from_search = back != Params::default();
    let any_findings = !(d.faults.is_empty()
        && d.no_fault_findings.is_empty()
        && d.remedies.is_empty()
        && d.payments.is_empty()
        && d.legislation.is_empty());
    let body = html! {
        @if came_from_search {
            p.back { a href=(back.url("/search")) { "← Back to the results" } }
        }
        article.decision {
            header {
                h1 { (org) @if let Some(r) = &d.reference { " " span.ref { (r) } } }
                dl.fields {
                    @if let Some(c) = category_label(d.category.as_deref(), d.subcategory.as_deref()) {
                        dt { "Category" } dd { (c.replace(" > ", " › ")) }
                    }
                    @if let Some(o) = &d.outcome {
                        dt { "Decision" } dd { span.outcome.upheld[is_upheld(o)] { (o) } }
                    }
                    @if let Some(date) = d.decision_date {
                        dt { "Decision date" } dd { time datetime=(date) { (date) } }
                    }
                    @if let Some(c) = &d.complainant {
                        dt { "Complainant" } dd { (c) }
                    }
                    @if d.total_payment_pence > 0 {
                        dt { "Total payment" } dd.payment { (money(d.total_payment_pence)) }
                    }
                    @if let Some(u) = &d.source.url {
                        dt { "Source" }
                        dd {
                            @if is_web_address(u) {
                                a.source href=(u) rel="noreferrer noopener" { (u) }
                            } @else {
                                code { (u) }
                            }
                        }
                    }
                    @if let Some(by) = &d.decided_by {
                        dt { "Decided by" } dd { (by) }
                    }
                    dt { "Record" } dd {
                        a href=(match &d.reference {
                            Some(r) => decision_path(r).replacen("/decisions/", "/api/decisions/", 1),
                            None => format!("/api/decisions/sha256:{}", d.source.sha256),
                        }) { "JSON" }
                    }
                }
            }
            @if let Some(s) = &d.summary {
                section #summary .summary {
                    h2 { "Summary" }
                    p { (marked(words, s)) }
                }
            }
            section.findings aria-labelledby="findings-title" {
                h2 #findings-title { "Findings" }
                @if !any_findings {
                    p.none { "No finding, remedy, payment or citation was found in this text." }
                }
                @if !d.faults.is_empty() {
                    h3 { "Fault found " span.n { (d.faults.len()) } }
                    ul.faults { @for f in &d.faults { (finding_item(f, words)) } }
                }
                @if !d.no_fault_findings.is_empty() {
                    h3 { "No fault found " span.n { (d.no_fault_findings.len()) } }
                    ul.no-fault { @for f in &d.no_fault_findings { (finding_item(f, words)) } }
                }
                @if !d.remedies.is_empty() {
                    h3 { "Remedies " span.n { (d.remedies.len()) } }
                    ul.remedies {
                        @for r in &d.remedies {
                            li {
                                (anchor_link(locate(d, &r.text)))
                                " " span.kind { (kind_name(r.kind)) }
                                " " (marked(words, &r.text))
                                @if let Some(dl) = &r.deadline {
                                    " " span.deadline {
                                        "Deadline: " (dl.text)
                                        @if let Some(date) = dl.date { " (" (date) ")" }
                                        @else if let Some(days) = dl.days { " (" (days) " days)" }
                                    }
                                }
                            }
                        }
                    }
                }
                @if !d.payments.is_empty() {
                    h3 { "Payments " span.n { (money(d.total_payment_pence)) } }
                    ul.payments {
                        @for pay in &d.payments {
                            li {
                                (anchor_link(locate(d, &pay.text)))
                                " " strong { (money(pay.amount_pence)) }
                                @if let Some(to) = &pay.recipient { " to " (to) }
                                @if let Some(why) = &pay.reason { " for " (why) }
                            }
                        }
                    }
                }
                @if !d.legislation.is_empty() {
                    h3 { "Legislation cited" }
                    ul.legislation {
                        @for c in &d.legislation {
                            li {
                                (anchor_link(locate_citation(d, c)))
                                " " (c.act)
                                @if let Some(s) = &c.section { ", section " (s) }
                            }
                        }
                    }
                }
            }
            section.fulltext {
                h2 { "Full text" }
                @for s in &d.sections {
                    @if let Some(h) = &s.heading { h3 { (marked(words, h)) } }
                    @for para in &s.paragraphs {
                        p.para id={ "p" (para.number) } {
                            a.num href={ "#p" (para.number) } { (para.number) }
                            " "
                            @for (i, line) in para.text.split('\n').enumerate() {
                                @if i > 0 { br; }
                                (marked(words, line))
                            }
                        }
                    }
                }
            }
            @if !d.warnings.is_empty() {
                section.warnings {
                    h2 { "Parser warnings" }
                    ul { @for w in &d.warnings { li { (w) } } }
                }
            }
        }
    };
    layout(&title, p, "decision", body)
}

/// The stats page: the dimension picker, charts and the table, or the error.
pub fn stats(p: &Params, stats: &Result<Stats, Failure>) -> Markup {
    let by = p.dimension().unwrap_or(Dimension::Category);
    let body = html! {
        form.search method="get" action="/stats" {
            div.querybar {
                input type="search" name="q" value=[p.q.as_deref()] aria-label="Query" placeholder="count only decisions matching these words (optional)";
                label.by { "Group by "
                    select name="by" {
                        @for d in Dimension::ALL {
                            option value=(d.as_str()) selected[d == by] { (d.as_str()) }
                        }
                    }
                }
                button type="submit" { "Count" }
            }
            @if let Some(c) = &p.council { input type="hidden" name="council" value=(c); }
            @if p.council_successor { input type="hidden" name="council_successor" value="1"; }
            (hidden_filters(p))
            @for (k, v) in [("from", &p.from), ("to", &p.to), ("min_payment", &p.min_payment), ("max_payment", &p.max_payment)] {
                @if let Some(v) = v { input type="hidden" name=(k) value=(v); }
            }
        }
        (chip_list(p, "/stats"))
        @match stats {
            Err(f) => (error_box(f)),
            Ok(s) => (stats_body(p, s)),
        }
    };
    layout(&format!("Statistics by {}", by.as_str()), p, "stats", body)
}

fn stats_body(p: &Params, s: &Stats) -> Markup {
    // The filter a group's link adds; kinds of organisation have none.
    let facet = match s.by {
        "outcome" => Some(Facet::Outcome),
        "subcategory" => Some(Facet::Subcategory),
        "organisation" => Some(Facet::Organisation),
        "year" => Some(Facet::Year),
        "category" => Some(Facet::Category),
        _ => None,
    };
    let rows = &s.groups[..s.groups.len().min(CHART_ROWS)];
    let labels: Vec<String> = rows
        .iter()
        .map(|r| r.group.clone().unwrap_or_else(|| "(none)".into()))
        .collect();
    let series = [
        Series {
            name: "Decisions".into(),
            class: "count",
            bars: rows
                .iter()
                .map(|r| (r.decisions as f64, thousands(r.decisions)))
                .collect(),
            full: None,
        },
        Series {
            name: "Share upheld".into(),
            class: "upheld",
            bars: rows
                .iter()
                .map(|r| (r.share_upheld, format!("{:.1}%", r.share_upheld * 100.0)))
                .collect(),
            full: Some(1.0),
        },
        Series {
            name: "Total payments".into(),
            class: "paid",
            bars: rows
                .iter()
                .map(|r| (r.total_payment_pence as f64, money(r.total_payment_pence)))
                .collect(),
            full: None,
        },
    ];
    let sel = p.selection();
    let with_by = |format: Option<&str>| Params {
        by: Some(s.by.to_owned()),
        format: format.map(str::to_owned),
        limit: p.limit.clone(),
        ..sel.clone()
    };
    html! {
        div.summary {
            p.total {
                strong { (plural(s.total as u64, "decision", "decisions")) }
                " in " (plural(s.groups.len() as u64, "group", "groups")) " by " (s.by)
            }
            p.exports {
                "This table as "
                a href=(with_by(Some("csv")).url("/api/stats")) download="ombuds-stats.csv" { "CSV" } " or "
                a href=(with_by(None).url("/api/stats")) { "JSON" }
                " · "
                a href=(sel.url("/search")) { "search these decisions" }
            }
        }
        @if s.groups.is_empty() {
            p.none { "No decision matches." }
        } @else {
            @if s.groups.len() > CHART_ROWS {
                p.note { "The chart shows the first " (CHART_ROWS) " groups; the table has all " (s.groups.len()) "." }
            }
            (bar_chart(&format!("Decisions, share upheld and payments by {}", s.by), &labels, &series))
            table.stats {
                thead {
                    tr {
                        th scope="col" { (s.by) }
                        th.num scope="col" { "Decisions" }
                        th.num scope="col" { "Upheld" }
                        th.num scope="col" { "% upheld" }
                        th.num scope="col" { "Paid" }
                        th.num scope="col" { "% paid" }
                        th.num scope="col" { "Total paid" }
                        th.num scope="col" title="The mean total payment of the decisions with a payment" { "Mean when paid" }
                    }
                }
                tbody {
                    @for r in &s.groups {
                        tr {
                            th scope="row" {
                                @match (&r.group, facet) {
                                    (Some(g), Some(f)) => a href=(narrowed(&sel, f, g).url("/search")) { (g) },
                                    (Some(g), None) => (g),
                                    (None, _) => "(none)",
                                }
                            }
                            td.num { (thousands(r.decisions)) }
                            td.num { (thousands(r.upheld)) }
                            td.num { (format!("{:.1}%", r.share_upheld * 100.0)) }
                            td.num { (thousands(r.with_payment)) }
                            td.num { (format!("{:.1}%", r.share_with_payment * 100.0)) }
                            td.num { (money(r.total_payment_pence)) }
                            td.num { (r.mean_payment_when_paid_pence.map_or_else(|| "—".to_owned(), money)) }
                        }
                    }
                }
            }
        }
    }
}

/// A page that only says what went wrong.
pub fn failure(f: &Failure, p: &Params) -> Markup {
    let title = match f {
        Failure::NotFound(_) => "Not found",
        Failure::BadRequest(_) => "Bad request",
        Failure::Timeout(_) => "Too slow",
        Failure::Internal(_) => "Error",
    };
    let body = html! {
        h1 { (title) }
        (error_box(f))
        p { a href="/search" { "Go to the search page" } }
    };
    layout(title, p, "", body)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ok_narrowed() {
        let p = Params::parse("q=noise&category=Housing&offset=20");
        for (facet, value, want) in [
            (
                Facet::Category,
                "Planning",
                "q=noise&category=Housing&category=Planning",
            ),
            (Facet::Category, "housing", "q=noise&category=Housing"),
            (
                Facet::Subcategory,
                "Housing > Homelessness",
                "q=noise&category=Housing+%3E+Homelessness",
            ),
            (Facet::Outcome, "Upheld", "q=noise&category=Housing&outcome=Upheld"),
            (Facet::Year, "2024", "q=noise&category=Housing&from=2024&to=2024"),
            (
                Facet::Organisation,
                "Derby City Council",
                "q=noise&council=Derby+City+Council&category=Housing",
            ),
            (Facet::Remedy, "apology", "q=noise&category=Housing&remedy=apology"),
        ] {
            assert_eq!(narrowed(&p, facet, value).to_query(), want, "{facet:?} {value}");
        }
    }

    #[test]
    fn ok_and_err_is_active() {
        let p = Params::parse("council=derby++city+council&category=Housing&from=2024&to=2024&remedy=apology");
        for (facet, value, want) in [
            (Facet::Organisation, "Derby City Council", true),
            (Facet::Organisation, "Derby", false),
            (Facet::Category, "housing", true),
            (Facet::Category, "Planning", false),
            (Facet::Year, "2024", true),
            (Facet::Year, "2023", false),
            (Facet::Remedy, "apology", true),
            (Facet::Outcome, "Upheld", false),
        ] {
            assert_eq!(is_active(&p, facet, value), want, "{facet:?} {value}");
        }
    }

    #[test]
    fn ok_chips_remove_one_filter_each() {
        let p = Params::parse("q=x&council=Derby&category=A&category=B&from=2020&to=2020&min_payment=500&offset=10");
        let got: Vec<(String, String)> = chips(&p).into_iter().map(|(l, w)| (l, w.to_query())).collect();
        let want = [
            (
                "Council: Derby",
                "q=x&category=A&category=B&from=2020&to=2020&min_payment=500",
            ),
            (
                "Category: A",
                "q=x&council=Derby&category=B&from=2020&to=2020&min_payment=500",
            ),
            (
                "Category: B",
                "q=x&council=Derby&category=A&from=2020&to=2020&min_payment=500",
            ),
            (
                "Decided in 2020",
                "q=x&council=Derby&category=A&category=B&min_payment=500",
            ),
            (
                "Paid at least £500",
                "q=x&council=Derby&category=A&category=B&from=2020&to=2020",
            ),
        ];
        let want: Vec<(String, String)> = want.iter().map(|(a, b)| (a.to_string(), b.to_string())).collect();
        assert_eq!(got, want);
        assert!(chips(&Params::parse("q=x&sort=date")).is_empty());
    }

    #[test]
    fn ok_decision_path() {
        for (r, want) in [
            ("23 017 456", "/decisions/23-017-456"),
            ("17 002 402b", "/decisions/17-002-402b"),
            ("  B-21/004 ", "/decisions/B21004"),
        ] {
            assert_eq!(decision_path(r), want, "{r}");
        }
    }

    #[test]
    fn ok_cli_command_quotes_for_the_shell() {
        let p = Params::parse("q=child+protection&category=Children%27s+care&from=2020&limit=20&reverse=1");
        assert_eq!(
            cli_command(&p, "csv"),
            r"ombuds search 'child protection' --category 'Children'\''s care' --from 2020 --limit 20 --reverse --format csv"
        );
        assert_eq!(cli_command(&Params::default(), "json"), "ombuds search --format json");
    }

    #[test]
    fn ok_and_err_is_web_address() {
        for (u, want) in [
            ("https://www.lgo.org.uk/decisions/x", true),
            ("HTTP://example.org", true),
            ("javascript:alert(1)", false),
            (" javascript:alert(1)", false),
            ("data:text/html,x", false),
            ("//evil.example", false),
            ("", false),
        ] {
            assert_eq!(is_web_address(u), want, "{u}");
        }
    }

    #[test]
    fn ok_thousands() {
        for (n, want) in [(0, "0"), (999, "999"), (1_000, "1,000"), (1_234_567, "1,234,567")] {
            assert_eq!(thousands(n), want);
        }
    }
}

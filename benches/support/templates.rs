//! Saved-page fixtures: takes the text of a decision and returns it as the
//! HTML of a web page, in one of several page templates.
//!
//! The structure comes from the text parser's own reading of the text
//! (`ombuds::blocks`): the title becomes the `<h1>`, the header fields the
//! page's metadata block, headings, paragraphs, sub-items and the signature
//! the matching elements. So a page and its text must give the same record;
//! `tests/html.rs` asserts that for every corpus decision and template.
//! Rendering is deterministic: no clock, no randomness.
//!
//! The templates cover the markup variants of a real site:
//! - [`Template::Modern`]: header, navigation, a cookie banner in a `<div>`,
//!   breadcrumbs, an in-page table of contents, `<main>`, fields as a `<dl>`,
//!   `<h2>` headings, numbered paragraphs as `<ol>`/`<li>`, bullets as nested
//!   `<ul>`, named entities (`&rsquo;`, `&pound;`, `&nbsp;`), a footer, scripts;
//!   canonical URL in `<link rel="canonical">`;
//! - [`Template::Table`]: an older table-based layout (navigation cell and
//!   content cell), fields as table rows, headings as `<p><strong>`,
//!   numbered paragraphs as `<p>1. …` with the end tags `</p>`/`</li>`
//!   left out, numeric entities, source lines wrapped at 80 columns;
//! - [`Template::Fragment`]: the content only (`<article>`), no `<head>`,
//!   fields on one `<p>` split by `<br>`, `<h3>` headings, `<li><p>…</p></li>`
//!   items, words split across `<span>`s and long words with soft hyphens;
//! - [`Template::Print`]: a print view (no `<main>`, a small page header and
//!   footer), fields as `<p><strong>Category :</strong> …`, numbered
//!   paragraphs as `<p>1. …</p>`, canonical URL as `og:url`.
// Each bench, example and test uses a different part of this shared module.
#![allow(dead_code)]

use std::fmt::Write as _;

use ombuds::blocks::{Block, Blocks, FieldKey, Layout};

/// A page template.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Template {
    /// Modern site layout.
    Modern,
    /// Older table-based layout.
    Table,
    /// Bare content-only fragment.
    Fragment,
    /// Print view.
    Print,
}

impl Template {
    /// Every template.
    pub const ALL: [Template; 4] = [Template::Modern, Template::Table, Template::Fragment, Template::Print];

    /// Short name, for file names and messages.
    pub fn name(self) -> &'static str {
        match self {
            Template::Modern => "modern",
            Template::Table => "table",
            Template::Fragment => "fragment",
            Template::Print => "print",
        }
    }

    /// Whether the page states its URL (canonical link or `og:url`).
    pub fn carries_url(self) -> bool {
        matches!(self, Template::Modern | Template::Print)
    }

    /// Numbered paragraphs as `<ol>`/`<li>` (else as `<p>1. …</p>`).
    fn ordered_lists(self) -> bool {
        matches!(self, Template::Modern | Template::Fragment)
    }
}

/// Renders decision text as a page in `template`. `url` is the page's own
/// address, written into the templates that carry one.
pub fn render(text: &str, url: Option<&str>, template: Template) -> String {
    let blocks = ombuds::blocks::blocks(&ombuds::clean::clean(text));
    render_blocks(&blocks, url, template)
}

/// Renders blocks the text parser built as a page in `template`.
pub fn render_blocks(b: &Blocks, url: Option<&str>, template: Template) -> String {
    let mut body = String::new();
    let esc = |s: &str| escape(s, template);
    if let Some((title, _)) = &b.title {
        let _ = writeln!(body, "<h1>{}</h1>", esc(title));
    }
    fields(&mut body, b, template);
    if template == Template::Modern && has_headings(b) {
        // An in-page table of contents, as the site shows above the text.
        body.push_str("<ul class=\"contents-list\">\n");
        for (i, block) in b.body.iter().enumerate() {
            if let Block::Heading { text, .. } = block {
                let _ = writeln!(body, "  <li><a href=\"#s{i}\">{}</a></li>", esc(text));
            }
        }
        body.push_str("</ul>\n");
    }
    paragraphs(&mut body, b, template);

    let title = b.title.as_ref().map_or("Decision", |(t, _)| t.as_str());
    let title = esc(title);
    match template {
        Template::Modern => modern(&title, url, &body),
        Template::Table => table(&title, &body),
        Template::Fragment => format!("<article class=\"decision\">\n{body}</article>\n"),
        Template::Print => print(&title, url, &body),
    }
}

fn has_headings(b: &Blocks) -> bool {
    b.body.iter().filter(|x| matches!(x, Block::Heading { .. })).count() >= 2
}

fn label(key: FieldKey) -> &'static str {
    match key {
        FieldKey::Category => "Category",
        FieldKey::Outcome => "Decision",
        FieldKey::DecisionDate => "Decision date",
        FieldKey::Summary => "Summary",
    }
}

fn fields(out: &mut String, b: &Blocks, template: Template) {
    if b.fields.is_empty() {
        return;
    }
    let esc = |s: &str| escape(s, template);
    let (head, summary): (Vec<_>, Vec<_>) = b.fields.iter().partition(|f| f.key != FieldKey::Summary);
    match template {
        Template::Modern => {
            if !head.is_empty() {
                out.push_str("<dl class=\"decision-meta\">\n");
                for f in &head {
                    let _ = writeln!(out, "  <dt>{}</dt>\n  <dd>{}</dd>", label(f.key), esc(&f.value));
                }
                out.push_str("</dl>\n");
            }
            out.push_str("<div class=\"final-decision\">\n");
            // The label above the summary; a page without a title line has
            // none (it would read as the title, on a page as in text).
            if b.title.is_some() {
                out.push_str("<h2>The Ombudsman&rsquo;s final decision:</h2>\n");
            }
            for f in &summary {
                let _ = writeln!(out, "<p><strong>Summary:</strong> {}</p>", esc(&f.value));
            }
            out.push_str("</div>\n");
        }
        Template::Table => {
            out.push_str("<table class=meta>\n");
            for f in &head {
                let _ = writeln!(out, "<tr><td><b>{} :</b><td>{}", label(f.key), esc(&f.value));
            }
            out.push_str("</table>\n");
            for f in &summary {
                let _ = writeln!(out, "<p><b>Summary:</b> {}", wrap(&esc(&f.value)));
            }
        }
        Template::Fragment => {
            let lines: Vec<String> = b
                .fields
                .iter()
                .map(|f| format!("{} : {}", label(f.key), esc(&f.value)))
                .collect();
            let _ = writeln!(out, "<p class=\"meta\">{}</p>", lines.join("<br>\n"));
        }
        Template::Print => {
            for f in &b.fields {
                let sep = if f.key == FieldKey::Summary { ":" } else { " :" };
                let _ = writeln!(out, "<p><strong>{}{sep}</strong> {}</p>", label(f.key), esc(&f.value));
            }
        }
    }
}

/// Lead text and sub-items of a paragraph (`lead\n- a\n- b`).
fn split_items(text: &str) -> (&str, Vec<&str>) {
    let mut parts = text.split("\n- ");
    let lead = parts.next().unwrap_or("");
    (lead, parts.collect())
}

fn paragraphs(out: &mut String, b: &Blocks, template: Template) {
    let esc = |s: &str| escape(s, template);
    let as_list = match b.layout {
        Layout::Bullets => Some("ul"),
        Layout::Numbered if template.ordered_lists() => Some("ol"),
        _ => None,
    };
    let mut open_list = false;
    let mut number = 0;
    for (i, block) in b.body.iter().enumerate() {
        let is_para = matches!(block, Block::Paragraph { .. });
        if open_list && !is_para {
            let _ = writeln!(out, "</{}>", as_list.unwrap_or("ul"));
            open_list = false;
        }
        match block {
            Block::Heading { text, .. } => {
                number = 0;
                match template {
                    Template::Modern => {
                        let _ = writeln!(out, "<h2 id=\"s{i}\">{}</h2>", esc(text));
                    }
                    Template::Table => {
                        let _ = writeln!(out, "<p><strong>{}</strong>", esc(text));
                    }
                    Template::Fragment => {
                        let _ = writeln!(out, "<h3>{}</h3>", esc(text));
                    }
                    Template::Print => {
                        let _ = writeln!(out, "<h2>{}</h2>", esc(text));
                    }
                }
            }
            Block::Signature { text, .. } => {
                let _ = writeln!(out, "<p class=\"signature\"><em>{}</em></p>", esc(text));
            }
            Block::Paragraph { text, .. } => {
                number += 1;
                let (lead, items) = split_items(text);
                let lead = esc(lead);
                let lead = match template {
                    Template::Table => wrap(&lead),
                    Template::Fragment => split_first_word(&soft_hyphens(&lead)),
                    _ => lead,
                };
                let subs = |out: &mut String| {
                    if items.is_empty() {
                        return;
                    }
                    out.push_str("<ul>\n");
                    for item in &items {
                        if template == Template::Table {
                            let _ = writeln!(out, "  <li>{}", esc(item));
                        } else {
                            let _ = writeln!(out, "  <li>{}</li>", esc(item));
                        }
                    }
                    out.push_str("</ul>\n");
                };
                if let Some(list) = as_list {
                    if !open_list {
                        let _ = writeln!(out, "<{list}>");
                        open_list = true;
                    }
                    if template == Template::Fragment {
                        let _ = write!(out, "<li><p>{lead}</p>");
                    } else {
                        let _ = write!(out, "<li>{lead}");
                    }
                    if items.is_empty() {
                        out.push_str("</li>\n");
                    } else {
                        out.push('\n');
                        subs(out);
                        out.push_str("</li>\n");
                    }
                } else {
                    let close = if template == Template::Table { "" } else { "</p>" };
                    if b.layout == Layout::Numbered {
                        let _ = writeln!(out, "<p>{number}. {lead}{close}");
                    } else {
                        let _ = writeln!(out, "<p>{lead}{close}");
                    }
                    subs(out);
                }
            }
        }
    }
    if open_list {
        let _ = writeln!(out, "</{}>", as_list.unwrap_or("ul"));
    }
}

/// Escapes text for the template: markup characters always; typographic
/// characters as named entities (modern) or numeric ones (table).
fn escape(s: &str, template: Template) -> String {
    let mut out = String::with_capacity(s.len() + 16);
    for c in s.chars() {
        match (c, template) {
            ('&', _) => out.push_str("&amp;"),
            ('<', _) => out.push_str("&lt;"),
            ('>', _) => out.push_str("&gt;"),
            ('’', Template::Modern) => out.push_str("&rsquo;"),
            ('‘', Template::Modern) => out.push_str("&lsquo;"),
            ('£', Template::Modern) => out.push_str("&pound;"),
            ('\u{a0}', Template::Modern) => out.push_str("&nbsp;"),
            ('’', Template::Table) => out.push_str("&#8217;"),
            ('£', Template::Table) => out.push_str("&#163;"),
            ('\u{a0}', Template::Table) => out.push_str("&#160;"),
            _ => out.push(c),
        }
    }
    out
}

/// Breaks long escaped text onto source lines of about 80 columns, as an
/// editor or an old CMS does: white space in markup, one space on the page.
fn wrap(s: &str) -> String {
    let mut out = String::with_capacity(s.len() + s.len() / 64);
    let mut col = 0;
    for (i, word) in s.split(' ').enumerate() {
        if i > 0 {
            if col > 80 {
                out.push('\n');
                col = 0;
            } else {
                out.push(' ');
                col += 1;
            }
        }
        out.push_str(word);
        col += word.chars().count();
    }
    out
}

/// Splits the first word of at least four letters across two `<span>`s
/// (`Co<span class="x">uncil</span>`), as page builders do.
fn split_first_word(s: &str) -> String {
    let mut start = 0;
    for word in s.split(' ') {
        if word.len() >= 4 && word.chars().all(|c| c.is_ascii_alphabetic()) {
            let at = start + 2;
            return format!(
                "{}<span class=\"w\">{}</span>{}",
                &s[..at],
                &s[at..start + word.len()],
                &s[start + word.len()..]
            );
        }
        start += word.len() + 1;
    }
    s.to_owned()
}

/// Puts a soft hyphen (`&shy;`) in the middle of every ASCII word of twelve
/// letters or more.
fn soft_hyphens(s: &str) -> String {
    s.split(' ')
        .map(|w| {
            if w.len() >= 12 && w.chars().all(|c| c.is_ascii_alphabetic()) {
                format!("{}&shy;{}", &w[..w.len() / 2], &w[w.len() / 2..])
            } else {
                w.to_owned()
            }
        })
        .collect::<Vec<_>>()
        .join(" ")
}

const COOKIE_BANNER: &str = r##"<div class="cookie-banner" id="cookie-notice">
  <p>We use cookies to make this website work and to understand how you use it.</p>
  <h2>Privacy settings</h2>
  <p>These cookies enable the website to function properly. You can only disable these by changing your browser preferences.</p>
  <button type="button">Accept all cookies</button> <button type="button">Reject all cookies</button>
</div>
"##;

fn modern(title: &str, url: Option<&str>, body: &str) -> String {
    let canonical = url.map_or(String::new(), |u| {
        format!("  <link rel=\"canonical\" href=\"{}\">\n", escape(u, Template::Print))
    });
    format!(
        r##"<!DOCTYPE html>
<html lang="en-GB">
<head>
  <meta charset="utf-8">
  <meta name="viewport" content="width=device-width, initial-scale=1">
  <title>{title} - Local Government and Social Care Ombudsman</title>
{canonical}  <link rel="stylesheet" href="/css/site.css">
  <style>.cookie-banner {{ position: fixed; bottom: 0; }}</style>
  <script>window.dataLayer = window.dataLayer || []; function gtag(){{dataLayer.push(arguments);}}</script>
</head>
<body>
<a class="skip-link" href="#main">Skip to main content</a>
{COOKIE_BANNER}<header class="site-header">
  <a href="/"><img src="/img/logo.svg" alt="LGO logogram"></a>
  <p class="site-name">Local Government &amp; Social Care Ombudsman</p>
  <form action="/search" role="search"><label for="q">Search</label><input id="q" name="q"><button>Search</button></form>
</header>
<nav class="main-nav" aria-label="Main">
  <ul><li><a href="/make-a-complaint">Make a complaint</a></li><li><a href="/decisions">Decisions</a></li><li><a href="/information-centre">Information centre</a></li></ul>
</nav>
<main id="main">
<ol class="breadcrumbs"><li><a href="/">Home</a></li><li><a href="/decisions">Decisions</a></li></ol>
<div class="decision-body">
{body}</div>
<p class="print-link"><a href="javascript:window.print()">Print this page</a></p>
<p><a href="#top">Back to top</a></p>
</main>
<footer class="site-footer">
  <ul><li><a href="/privacy">Privacy</a></li><li><a href="/accessibility">Accessibility</a></li></ul>
  <p>&copy; Local Government and Social Care Ombudsman</p>
</footer>
<script src="/js/site.js"></script>
</body>
</html>
"##
    )
}

fn table(title: &str, body: &str) -> String {
    format!(
        r##"<!DOCTYPE HTML PUBLIC "-//W3C//DTD HTML 4.01 Transitional//EN">
<HTML>
<HEAD>
<META http-equiv="Content-Type" content="text/html; charset=utf-8">
<TITLE>{title}</TITLE>
</HEAD>
<BODY bgcolor="#ffffff">
<table width="100%" cellpadding=0 cellspacing=0>
<tr><td colspan=2 class="banner"><img src="/images/lgo.gif" alt="LGO logogram"></td></tr>
<tr>
<td class="navigation" valign=top width=160>
<ul><li><a href="/">Home</a><li><a href="/decisions">Decisions</a><li><a href="/contact">Contact us</a></ul>
</td>
<td valign=top>
{body}<p><a href="#top">Back to top</a>
</td>
</tr>
</table>
</BODY>
</HTML>
"##
    )
}

fn print(title: &str, url: Option<&str>, body: &str) -> String {
    let og = url.map_or(String::new(), |u| {
        format!(
            "<meta property=\"og:url\" content=\"{}\">\n",
            escape(u, Template::Print)
        )
    });
    format!(
        r##"<!doctype html>
<html>
<head>
<meta http-equiv="Content-Type" content="text/html; charset=UTF-8">
<title>{title} | LGSCO</title>
{og}<link rel="stylesheet" media="print" href="/css/print.css">
</head>
<body class="print-view">
<header><p>Local Government and Social Care Ombudsman</p></header>
{body}<footer><p>Printed from www.lgo.org.uk</p></footer>
</body>
</html>
"##
    )
}

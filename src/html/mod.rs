//! Stage 1b, `html`: takes the decoded markup of a saved decision page and
//! returns [`Page`]: the same [`Blocks`] that [`crate::blocks`] builds from the
//! cleaned text of that decision, plus the page's own metadata (canonical URL,
//! `<title>`).
//!
//! The markup is parsed by html5ever (into the compact tree of [`dom`]), as a
//! browser parses it: implied end tags, misnested and unclosed elements, entities.
//! Structure is read from the elements, not guessed from the layout of text:
//! - the main content is `<main>` (or `role="main"`, or the one `<article>`),
//!   else `<body>`; navigation, the page header and footer, the cookie
//!   banner, scripts, styles, forms, hidden elements and in-page tables of
//!   contents are dropped;
//! - `<h1>`–`<h6>`, and a paragraph that is only `<strong>`/`<b>`, are
//!   headings; the first `<h1>` starts the decision (breadcrumbs before it go);
//! - `<p>`, `<div>` text and table rows are paragraphs, `<br>` breaks a line;
//!   `<p>1. …</p>` is a numbered paragraph as in text;
//! - each `<li>` of a top-level list is a paragraph, and its nested lists are
//!   its sub-items (`\n- …`, as the text path writes them); a `<ul>` right
//!   after a paragraph (or any list after one ending in `:`) holds that
//!   paragraph's sub-items;
//! - a two-cell row or `<dt>`/`<dd>` pair whose label is a header field
//!   (`Category`, `Decision date`, …) is that field.
//!
//! Text is normalised as a browser renders it: runs of white space become one
//! space, soft hyphens and zero-width spaces go, and words split across
//! `<span>`s are joined. A non-breaking space is a space, as in the text path
//! (`source`), so both give the same record.

mod dom;

use dom::{Attr, Data, Dom, Element, Id};

use crate::blocks::{self, Block, Blocks, Layout};
use crate::clean::{is_boilerplate, Line};

/// A saved decision page, read.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Page {
    /// Title, header fields and body, as the text path builds them. Line
    /// numbers are lines of the markup.
    pub blocks: Blocks,
    /// `<link rel="canonical">` or `og:url`, when it is an absolute http(s) URL.
    pub url: Option<String>,
    /// The `<title>` text.
    pub title: Option<String>,
    /// How many decision titles (`Body (23 017 456)`) the page shows: more
    /// than one with no decision body is a list of decisions.
    pub titles: usize,
    /// What was odd about the markup, in words.
    pub warnings: Vec<String>,
}

/// True when `bytes` start like an HTML document or fragment (after a BOM and
/// white space): `<!DOCTYPE html`, `<html`, `<head`, `<body`, a comment, or a
/// content element such as `<div`, `<main`, `<article`, `<h1` or `<p>`.
pub fn looks_like_html(bytes: &[u8]) -> bool {
    let bytes = bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(bytes);
    let start = bytes
        .iter()
        .position(|b| !b.is_ascii_whitespace())
        .unwrap_or(bytes.len());
    let head = &bytes[start..bytes.len().min(start + 16)];
    const OPENINGS: &[&[u8]] = &[
        b"<!doctype html",
        b"<html",
        b"<head",
        b"<body",
        b"<!--",
        b"<meta",
        b"<title",
        b"<main",
        b"<article",
        b"<section",
        b"<div",
        b"<table",
        b"<h1",
        b"<h2",
        b"<p>",
        b"<p ",
    ];
    OPENINGS
        .iter()
        .any(|o| head.len() >= o.len() && head[..o.len()].eq_ignore_ascii_case(o))
}

/// The charset a page declares in its first 4 KiB: `<meta charset="…">` or
/// `<meta http-equiv="Content-Type" content="text/html; charset=…">` (the
/// prescan of the HTML standard, simplified). UTF-16 labels read as UTF-8, as
/// the standard says: a page that really is UTF-16 starts with a BOM.
pub fn declared_charset(bytes: &[u8]) -> Option<&'static encoding_rs::Encoding> {
    let head = &bytes[..bytes.len().min(4096)];
    let mut from = 0;
    while let Some(pos) = find_ci(&head[from..], b"<meta") {
        let tag_start = from + pos + 5;
        let tag_end = head[tag_start..]
            .iter()
            .position(|&b| b == b'>')
            .map_or(head.len(), |e| tag_start + e);
        let tag = &head[tag_start..tag_end];
        if let Some(c) = find_ci(tag, b"charset") {
            let rest = &tag[c + 7..];
            let rest = rest.trim_ascii_start();
            if let Some(rest) = rest.strip_prefix(b"=") {
                let rest = rest.trim_ascii_start();
                let rest = rest
                    .strip_prefix(b"\"")
                    .or_else(|| rest.strip_prefix(b"'"))
                    .unwrap_or(rest);
                let len = rest
                    .iter()
                    .position(|b| !(b.is_ascii_alphanumeric() || b"-_.:".contains(b)))
                    .unwrap_or(rest.len());
                if let Some(enc) = encoding_rs::Encoding::for_label(&rest[..len]) {
                    return Some(if enc == encoding_rs::UTF_16LE || enc == encoding_rs::UTF_16BE {
                        encoding_rs::UTF_8
                    } else {
                        enc
                    });
                }
            }
        }
        from = tag_end;
    }
    None
}

fn find_ci(hay: &[u8], needle: &[u8]) -> Option<usize> {
    hay.windows(needle.len()).position(|w| w.eq_ignore_ascii_case(needle))
}

/// Reads a page's markup into blocks and metadata. Never fails and never
/// panics: a page with no decision in it gives empty blocks, which
/// [`crate::parse_source`] reports as not a decision.
pub fn page(markup: &str) -> Page {
    let mut out = Page::default();
    let flattened = flatten_deep_nesting(markup);
    if flattened.is_some() {
        out.warnings.push(format!(
            "the markup nests containers more than {MAX_NESTING} deep; the deeper tags were ignored"
        ));
    }
    let dom = Dom::parse(flattened.as_deref().unwrap_or(markup));
    read_head(&dom, &mut out);
    let content = content_root(&dom);
    let mut walker = Walker {
        dom: &dom,
        items: Vec::with_capacity(64),
        buf: String::with_capacity(1024),
        line: 0,
        after_br: false,
        collecting: 0,
        deferred: Vec::new(),
        depth: 0,
    };
    walker.children(content);
    walker.flush(Kind::Para);
    let mut items: Vec<Item> = walker
        .items
        .into_iter()
        .filter(|i| !i.text.is_empty() && !is_boilerplate(&i.text))
        .collect();
    // Breadcrumbs, dates and links above the decision's `<h1>` are furniture
    // (unless header fields come first, in a page that puts its metadata on top).
    if let Some(h1) = items.iter().position(|i| i.h1) {
        if !items[..h1].iter().any(|i| blocks::field_of(&i.text).is_some()) {
            items.drain(..h1);
        }
    }
    out.titles = items
        .iter()
        .filter(|i| {
            matches!(i.kind, Kind::Heading | Kind::Item { .. }) && i.text.ends_with(')') && blocks::is_title(&i.text)
        })
        .count();
    out.blocks = to_blocks(items);
    out
}

/// html5ever's parse of `markup` into the page's tree alone, without the walk:
/// the number of nodes. For `examples/html_profile.rs`, which weighs the
/// parser against the whole stage.
#[doc(hidden)]
pub fn tree_only(markup: &str) -> usize {
    Dom::parse(markup).len()
}

/// Containers nested deeper than this are flattened before parsing, as
/// browsers do (Blink's limit is 512): html5ever scans its stack of open
/// elements for every block start tag, so 100,000 nested `<div>`s would take
/// minutes. No real page comes near the limit.
const MAX_NESTING: usize = 512;

/// Container elements that real pages close explicitly. Elements whose end
/// tag may be left out (`<p>`, `<li>`, `<td>`, …) and inline ones are not
/// counted: they cannot make the tree builder quadratic in the same way.
fn is_container(name: &[u8]) -> bool {
    const NAMES: &[&[u8]] = &[
        b"div",
        b"section",
        b"article",
        b"aside",
        b"blockquote",
        b"ul",
        b"ol",
        b"dl",
        b"table",
        b"main",
        b"nav",
        b"header",
        b"footer",
        b"figure",
        b"fieldset",
        b"details",
        b"form",
        b"center",
        b"address",
        b"menu",
        b"dir",
        b"hgroup",
        b"search",
    ];
    NAMES.iter().any(|n| n.eq_ignore_ascii_case(name))
}

/// A copy of `markup` without the container tags nested deeper than
/// [`MAX_NESTING`], or `None` (no copy) when there are none. A linear scan of
/// tags (comments, scripts and styles skipped); only pathological input ever
/// takes the copying path.
fn flatten_deep_nesting(markup: &str) -> Option<String> {
    let bytes = markup.as_bytes();
    // Nesting past the limit takes more start tags than that, and a decision
    // page has a few hundred `<` at most, so most pages need no closer look:
    // counting every `<` is one vectorised pass (memchr's `count`); start tags
    // (`<` then a letter) are counted only when there are more `<` than that.
    if memchr::memchr_iter(b'<', bytes).count() <= MAX_NESTING {
        return None;
    }
    let start_tags = memchr::memchr_iter(b'<', bytes)
        .filter(|&lt| bytes.get(lt + 1).is_some_and(u8::is_ascii_alphabetic))
        .count();
    if start_tags <= MAX_NESTING {
        return None;
    }
    let mut depth = 0usize;
    let mut out: Option<String> = None;
    // Start tags dropped and not yet matched by a dropped end tag.
    let mut dropped = 0usize;
    let mut copied = 0; // bytes of `markup` already in `out`
    let mut i = 0;
    while let Some(off) = memchr::memchr(b'<', &bytes[i..]) {
        let lt = i + off;
        let rest = &bytes[lt + 1..];
        if rest.starts_with(b"!--") {
            i = find_ci(&bytes[lt..], b"-->").map_or(bytes.len(), |e| lt + e + 3);
            continue;
        }
        let (closing, name_at) = if rest.first() == Some(&b'/') {
            (true, lt + 2)
        } else {
            (false, lt + 1)
        };
        let name_len = bytes[name_at..]
            .iter()
            .take_while(|b| b.is_ascii_alphanumeric())
            .count();
        let name = &bytes[name_at..name_at + name_len];
        let tag_end = memchr::memchr(b'>', &bytes[name_at..]).map_or(bytes.len(), |e| name_at + e + 1);
        i = tag_end;
        if name_len == 0 {
            i = lt + 1;
            continue;
        }
        if !closing && (name.eq_ignore_ascii_case(b"script") || name.eq_ignore_ascii_case(b"style")) {
            let close: &[u8] = if name.len() == 6 { b"</script" } else { b"</style" };
            i = find_ci(&bytes[tag_end.min(bytes.len())..], close).map_or(bytes.len(), |e| tag_end + e);
            continue;
        }
        if !is_container(name) {
            continue;
        }
        let drop = if closing {
            if dropped > 0 {
                dropped -= 1;
                true
            } else {
                depth = depth.saturating_sub(1);
                false
            }
        } else if depth >= MAX_NESTING {
            dropped += 1;
            true
        } else {
            depth += 1;
            false
        };
        if drop {
            let o = out.get_or_insert_with(|| String::with_capacity(markup.len()));
            // Tags start and end on ASCII bytes, so these are char boundaries.
            o.push_str(markup.get(copied..lt).unwrap_or(""));
            copied = tag_end.min(markup.len());
        }
    }
    let mut o = out?;
    o.push_str(markup.get(copied..).unwrap_or(""));
    Some(o)
}

/// Reads `<title>`, `<link rel="canonical">` and `og:url` anywhere in the page.
fn read_head(dom: &Dom, out: &mut Page) {
    for node in dom.descendants(dom.root()) {
        let Some(e) = dom.element(node) else { continue };
        match e.name() {
            "title" if out.title.is_none() => {
                let mut t = String::new();
                for d in dom.descendants(node) {
                    if let Some(text) = dom.text(d) {
                        push_text(&mut t, text);
                    }
                }
                let t = t.trim();
                out.title = (!t.is_empty()).then(|| t.to_owned());
            }
            "link" if has_token(dom.attr(e, Attr::Rel), "canonical") => {
                if let Some(href) = dom.attr(e, Attr::Href).filter(|h| is_web_url(h)) {
                    out.url = Some(href.trim().to_owned());
                }
            }
            "meta"
                if out.url.is_none()
                    && dom
                        .attr(e, Attr::Property)
                        .is_some_and(|p| p.eq_ignore_ascii_case("og:url")) =>
            {
                out.url = dom
                    .attr(e, Attr::Content)
                    .filter(|h| is_web_url(h))
                    .map(|h| h.trim().to_owned());
            }
            _ => {}
        }
    }
}

fn is_web_url(s: &str) -> bool {
    let s = s.trim();
    s.starts_with("https://") || s.starts_with("http://")
}

fn has_token(attr: Option<&str>, token: &str) -> bool {
    attr.is_some_and(|a| a.split_ascii_whitespace().any(|t| t.eq_ignore_ascii_case(token)))
}

/// `<main>`, else `role="main"`, else the page's only `<article>`, else `<body>`
/// (or the document, for a fragment).
fn content_root(dom: &Dom) -> Id {
    let mut main = None;
    let mut role_main = None;
    let mut articles = Vec::new();
    let mut body = None;
    for node in dom.descendants(dom.root()) {
        let Some(e) = dom.element(node) else { continue };
        match e.name() {
            "main" if main.is_none() && !e.is_hidden() => main = Some(node),
            "article" => articles.push(node),
            "body" if body.is_none() => body = Some(node),
            _ => {}
        }
        if role_main.is_none() && e.is_role_main() {
            role_main = Some(node);
        }
    }
    main.or(role_main)
        .or_else(|| (articles.len() == 1).then(|| articles[0]))
        .or(body)
        .unwrap_or(dom.root())
}

/// What an extracted line is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Kind {
    /// `<h1>`–`<h6>`, or a paragraph that is only bold text.
    Heading,
    /// A paragraph, a `<div>`'s text, a table row, a line after `<br>`.
    Para,
    /// An item of a top-level list.
    Item {
        /// In an `<ol>`.
        ordered: bool,
        /// The list follows a paragraph whose sub-items it may hold.
        attach: bool,
        /// The list's first item.
        first: bool,
    },
    /// An item of a nested list: a sub-item of the item it is in.
    Sub,
}

#[derive(Debug, Clone)]
struct Item {
    kind: Kind,
    text: String,
    line: usize,
    /// Follows a `<br>` in the same block.
    after_br: bool,
    /// From an `<h1>`.
    h1: bool,
}

struct Walker<'a> {
    dom: &'a Dom,
    items: Vec<Item>,
    /// Inline text of the block being read.
    buf: String,
    /// Source line of that block.
    line: usize,
    after_br: bool,
    /// Inside a heading, list item or table cell: blocks and `<br>` add a
    /// space instead of ending a line.
    collecting: usize,
    /// Lists met inside a list item, read after the item's own text.
    deferred: Vec<Id>,
    /// Elements open in the walk; past [`MAX_DEPTH`] the rest is read flat.
    depth: usize,
}

/// Nesting deeper than this (no real page comes near it; 10,000 nested
/// `<div>`s do) is read as flat text, without recursion, so the walk never
/// runs out of stack.
const MAX_DEPTH: usize = 200;

/// Elements that end a line of text when they start or end.
fn is_block(name: &str) -> bool {
    matches!(
        name,
        "address"
            | "article"
            | "aside"
            | "blockquote"
            | "body"
            | "caption"
            | "center"
            | "dd"
            | "details"
            | "dialog"
            | "div"
            | "dl"
            | "dt"
            | "fieldset"
            | "figcaption"
            | "figure"
            | "footer"
            | "header"
            | "hgroup"
            | "hr"
            | "html"
            | "li"
            | "main"
            | "menu"
            | "ol"
            | "p"
            | "pre"
            | "section"
            | "summary"
            | "table"
            | "tbody"
            | "td"
            | "tfoot"
            | "th"
            | "thead"
            | "tr"
            | "ul"
            | "h1"
            | "h2"
            | "h3"
            | "h4"
            | "h5"
            | "h6"
    )
}

/// Elements whose content is never decision text.
fn is_furniture_element(name: &str) -> bool {
    matches!(
        name,
        "script"
            | "style"
            | "noscript"
            | "template"
            | "head"
            | "nav"
            | "aside"
            | "form"
            | "button"
            | "input"
            | "select"
            | "textarea"
            | "label"
            | "iframe"
            | "object"
            | "embed"
            | "svg"
            | "math"
            | "canvas"
            | "img"
            | "picture"
            | "video"
            | "audio"
            | "map"
            | "dialog"
    )
}

/// Class and id words of page furniture: navigation, breadcrumbs, the cookie
/// banner, share and print links, skip links.
const FURNITURE_WORDS: &[&str] = &[
    "nav",
    "navbar",
    "navigation",
    "menu",
    "breadcrumb",
    "breadcrumbs",
    "cookie",
    "cookies",
    "consent",
    "sidebar",
    "skip",
    "share",
    "social",
    "toc",
];

/// A class or id names furniture: one of [`FURNITURE_WORDS`], as a word
/// (words split at white space, `-` and `_`).
fn has_furniture_word(value: &str) -> bool {
    value
        .split(|c: char| c.is_ascii_whitespace() || c == '-' || c == '_')
        .any(|w| FURNITURE_WORDS.iter().any(|f| f.eq_ignore_ascii_case(w)))
}

/// ARIA roles of page furniture.
fn is_furniture_role(role: &str) -> bool {
    let role = role.trim().to_ascii_lowercase();
    matches!(
        role.as_str(),
        "navigation" | "banner" | "contentinfo" | "search" | "complementary" | "dialog" | "alertdialog"
    )
}

/// A `style` attribute that hides the element (`display: none`, `visibility: hidden`).
fn style_hides(style: &str) -> bool {
    let s: String = style
        .chars()
        .filter(|c| !c.is_whitespace())
        .map(|c| c.to_ascii_lowercase())
        .collect();
    s.contains("display:none") || s.contains("visibility:hidden")
}

/// Appends text as a browser renders it: white space collapsed, soft hyphens
/// and zero-width characters dropped. A non-breaking space (U+00A0, U+202F)
/// is white space like any other.
fn push_text(buf: &mut String, text: &str) {
    // Runs of ordinary characters (single spaces, `’`, `£` and the like
    // included) are copied whole; only other white space, control characters
    // and the characters dropped break a run.
    let bytes = text.as_bytes();
    let mut run = 0;
    let mut i = 0;
    // Bytes before this are read one at a time: the eight from it were not plain.
    let mut slow_until = 0;
    while i < bytes.len() {
        // Eight bytes at a time while they are plain ASCII (most of a decision).
        if i >= slow_until {
            if let Some(word) = bytes.get(i..i + 8).and_then(|w| <[u8; 8]>::try_from(w).ok()) {
                if is_plain(u64::from_le_bytes(word), i == run || bytes[i - 1] == b' ') {
                    i += 8;
                    continue;
                }
            }
            slow_until = i + 8;
        }
        let b = bytes[i];
        if b > 0x20 && b != 0x7f && b < 0xc2 || b > 0xc2 && b != 0xe2 && b != 0xef {
            i += 1;
            continue;
        }
        if b == b' ' && i > run && bytes[i - 1] != b' ' {
            // One space inside a run stays in it.
            i += 1;
            continue;
        }
        if b >= 0x80 {
            if let Some(len) = dropped_at(bytes, i) {
                buf.push_str(&text[run..i]);
                i += len;
                run = i;
            } else if let Some(len) = non_breaking_space_at(bytes, i) {
                buf.push_str(&text[run..i]);
                if !buf.is_empty() && !buf.ends_with(' ') {
                    buf.push(' ');
                }
                i += len;
                run = i;
            } else {
                i += 1;
            }
            continue;
        }
        // ASCII white space (collapsed to one space) or a control character (dropped).
        buf.push_str(&text[run..i]);
        if matches!(b, b' ' | b'\t' | b'\n' | b'\r' | b'\x0c') && !buf.is_empty() && !buf.ends_with(' ') {
            buf.push(' ');
        }
        i += 1;
        run = i;
    }
    buf.push_str(&text[run..]);
}

/// True when the eight bytes of `word` (little-endian) are printable ASCII or
/// single spaces, so that [`push_text`] copies them as they are; a space
/// first in the word is single only when `after_space` is false (the byte
/// before it is printable).
fn is_plain(word: u64, after_space: bool) -> bool {
    const ONES: u64 = 0x0101_0101_0101_0101;
    const HIGH: u64 = 0x8080_8080_8080_8080;
    if word & HIGH != 0 {
        return false; // not ASCII
    }
    // Each byte is below 0x80, so adding to every byte carries into no other.
    let at_least = |n: u64| word.wrapping_add((0x80 - n) * ONES) & HIGH;
    if at_least(0x20) != HIGH || at_least(0x7f) != 0 {
        return false; // a control character
    }
    let spaces = !at_least(0x21) & HIGH;
    let after_spaces = (spaces << 8) | if after_space { 0x80 } else { 0 };
    spaces & after_spaces == 0
}

/// The length of the dropped character starting at `i`, if one does: a soft
/// hyphen (U+00AD), a C1 control (U+0080–U+009F), a zero-width space, non-joiner
/// or joiner (U+200B–U+200D), a word joiner (U+2060) or a BOM (U+FEFF).
fn dropped_at(bytes: &[u8], i: usize) -> Option<usize> {
    let at = |k: usize| bytes.get(i + k).copied().unwrap_or(0);
    match bytes[i] {
        0xc2 if at(1) == 0xad || (0x80..=0x9f).contains(&at(1)) => Some(2),
        0xe2 if (at(1) == 0x80 && (0x8b..=0x8d).contains(&at(2))) || (at(1) == 0x81 && at(2) == 0xa0) => Some(3),
        0xef if at(1) == 0xbb && at(2) == 0xbf => Some(3),
        _ => None,
    }
}

/// The length of the non-breaking space starting at `i`, if one does:
/// U+00A0 or the narrow U+202F.
fn non_breaking_space_at(bytes: &[u8], i: usize) -> Option<usize> {
    match bytes.get(i..i + 2) {
        Some([0xc2, 0xa0]) => Some(2),
        Some([0xe2, 0x80]) if bytes.get(i + 2) == Some(&0xaf) => Some(3),
        _ => None,
    }
}

impl Walker<'_> {
    /// Ends the current line as an item of `kind`.
    fn flush(&mut self, kind: Kind) {
        let text = self.buf.trim();
        if !text.is_empty() {
            self.items.push(Item {
                kind,
                text: text.to_owned(),
                line: self.line,
                after_br: self.after_br,
                h1: false,
            });
        }
        self.buf.clear();
        self.after_br = false;
    }

    fn children(&mut self, node: Id) {
        let dom = self.dom;
        for child in dom.children(node) {
            self.node(child);
        }
    }

    fn node(&mut self, node: Id) {
        let dom = self.dom;
        match dom.data(node) {
            Data::Text(..) => {
                if self.buf.is_empty() && self.collecting == 0 {
                    self.line = dom.parent(node).map_or(0, |p| dom.line(p));
                }
                push_text(&mut self.buf, dom.text(node).unwrap_or(""));
            }
            Data::Element(e) => self.element(node, e),
            _ => {}
        }
    }

    fn element(&mut self, node: Id, e: &Element) {
        if self.depth >= MAX_DEPTH {
            self.flat(node);
            return;
        }
        self.depth += 1;
        self.element_inner(node, e);
        self.depth -= 1;
    }

    /// The text of a too-deep subtree as one run of inline text, read
    /// without recursion; furniture in it is still skipped.
    fn flat(&mut self, node: Id) {
        let dom = self.dom;
        let mut next = Some(node);
        while let Some(n) = next {
            next = dom.first_child(n).or_else(|| dom.after_subtree(n, node));
            match dom.data(n) {
                Data::Text(..) => push_text(&mut self.buf, dom.text(n).unwrap_or("")),
                Data::Element(e) if e.is_furniture() => next = dom.after_subtree(n, node),
                Data::Element(e) if e.is_block() || e.name() == "br" => push_text(&mut self.buf, " "),
                _ => {}
            }
        }
    }

    fn element_inner(&mut self, node: Id, e: &Element) {
        let dom = self.dom;
        let name = e.name();
        if e.is_furniture() || is_table_of_contents(dom, node, e) || (name == "header" && !has_h1(dom, node)) {
            return;
        }
        if self.collecting > 0 {
            match name {
                // Lists inside a list item are its sub-items, read after its text.
                "ul" | "ol" if !self.deferred.is_empty() => {
                    self.deferred.push(node);
                }
                "br" => push_text(&mut self.buf, " "),
                _ if e.is_block() => {
                    push_text(&mut self.buf, " ");
                    self.children(node);
                    push_text(&mut self.buf, " ");
                }
                _ => self.children(node),
            }
            return;
        }
        match name {
            "br" => {
                self.flush(Kind::Para);
                self.after_br = true;
                self.line = e.line;
            }
            "h1" | "h2" | "h3" | "h4" | "h5" | "h6" => {
                self.flush(Kind::Para);
                let text = self.collect(node);
                self.push(Kind::Heading, text, node);
                if name == "h1" {
                    if let Some(last) = self.items.last_mut() {
                        last.h1 = true;
                    }
                }
            }
            "p" if is_bold_only(dom, node) => {
                self.flush(Kind::Para);
                let text = self.collect(node);
                self.push(Kind::Heading, text, node);
            }
            "ul" | "ol" => {
                self.flush(Kind::Para);
                let attach = self.list_attaches(node, name == "ol");
                self.list(node, name == "ol", attach);
            }
            "tr" => {
                self.flush(Kind::Para);
                self.row(node);
            }
            "dl" => {
                self.flush(Kind::Para);
                self.definitions(node);
            }
            _ if e.is_block() => {
                self.flush(Kind::Para);
                self.line = e.line;
                self.children(node);
                self.flush(Kind::Para);
            }
            _ => self.children(node),
        }
    }

    fn push(&mut self, kind: Kind, mut text: String, id: Id) {
        if text.trim().len() != text.len() {
            text = text.trim().to_owned();
        }
        if !text.is_empty() {
            self.items.push(Item {
                kind,
                text,
                line: self.dom.line(id),
                after_br: false,
                h1: false,
            });
        }
    }

    /// The inline text of `node`, blocks and `<br>` read as spaces, trimmed.
    /// It is read onto the end of the line being read, then taken off: one
    /// buffer for every line, and one copy of each text. (A space that
    /// [`push_text`] puts first because of the text before it is trimmed.)
    fn collect(&mut self, node: Id) -> String {
        let start = self.buf.len();
        self.collecting += 1;
        self.children(node);
        self.collecting -= 1;
        let text = self.buf.get(start..).unwrap_or("").trim().to_owned();
        self.buf.truncate(start);
        text
    }

    /// A list right after a paragraph holds its sub-items: a `<ul>` after any
    /// paragraph, an `<ol>` after one ending in `:`.
    fn list_attaches(&self, node: Id, ordered: bool) -> bool {
        let dom = self.dom;
        let prev = dom.prev_siblings(node).find(|&s| match dom.data(s) {
            Data::Text(..) => !dom.text(s).is_some_and(|t| t.trim().is_empty()),
            Data::Comment => false,
            _ => true,
        });
        let Some(prev) = prev.and_then(|p| dom.element(p)) else {
            return false;
        };
        let last = self.items.last();
        prev.name() == "p"
            && last.is_some_and(|l| l.kind == Kind::Para)
            && (!ordered || last.is_some_and(|l| l.text.ends_with(':')))
    }

    fn list(&mut self, node: Id, ordered: bool, attach: bool) {
        let dom = self.dom;
        let mut first = true;
        for li in dom.children(node) {
            let Some(e) = dom.element(li) else { continue };
            if e.is_furniture() {
                continue;
            }
            match e.name() {
                "li" => {
                    let (text, nested) = self.item_text(li);
                    let before = self.items.len();
                    self.push(Kind::Item { ordered, attach, first }, text, li);
                    first &= self.items.len() == before;
                    self.sub_lists(nested);
                }
                // Lists nested directly in a list (invalid, but common).
                "ul" | "ol" => self.sub_list(li),
                _ => {
                    let text = self.collect(li);
                    self.push(Kind::Para, text, li);
                }
            }
        }
    }

    /// Every item of a nested list, at any depth, is a sub-item.
    fn sub_list(&mut self, node: Id) {
        if self.depth >= MAX_DEPTH {
            self.flat(node);
            let text = std::mem::take(&mut self.buf);
            self.push(Kind::Sub, text, node);
            return;
        }
        self.depth += 1;
        self.sub_list_inner(node);
        self.depth -= 1;
    }

    fn sub_list_inner(&mut self, node: Id) {
        let dom = self.dom;
        for li in dom.children(node) {
            let Some(e) = dom.element(li) else { continue };
            if e.is_furniture() {
                continue;
            }
            if matches!(e.name(), "ul" | "ol") {
                self.sub_list(li);
                continue;
            }
            let (text, nested) = self.item_text(li);
            self.push(Kind::Sub, text, li);
            self.sub_lists(nested);
        }
    }

    /// The inline text of a list item, and the lists nested in it, which are
    /// read after the item (as its sub-items) rather than into its text.
    fn item_text(&mut self, li: Id) -> (String, Vec<Id>) {
        let outer = self.deferred.len();
        // A sentinel so that lists inside the item are deferred.
        self.deferred.push(li);
        let text = self.collect(li);
        let nested = self.deferred.split_off(outer + 1);
        self.deferred.truncate(outer);
        (text, nested)
    }

    /// Reads the lists [`Self::item_text`] deferred, as sub-items.
    fn sub_lists(&mut self, nested: Vec<Id>) {
        for list in nested {
            self.sub_list(list);
        }
    }

    /// A table row: a header field when it is `label | value`, one paragraph
    /// when its cells hold only inline text, else each cell read as blocks
    /// (a layout table).
    fn row(&mut self, node: Id) {
        let dom = self.dom;
        let cells: Vec<Id> = dom
            .children(node)
            .filter(|&c| {
                dom.element(c)
                    .is_some_and(|e| matches!(e.name(), "td" | "th") && !e.is_furniture())
            })
            .collect();
        if cells.iter().any(|&c| has_block_content(dom, c)) {
            for cell in cells {
                self.line = dom.line(cell);
                self.children(cell);
                self.flush(Kind::Para);
            }
            return;
        }
        let texts: Vec<String> = cells
            .iter()
            .map(|&c| self.collect(c))
            .filter(|t| !t.is_empty())
            .collect();
        let text = match texts.as_slice() {
            [label, value] => labelled(label, value).unwrap_or_else(|| texts.join(" ")),
            _ => texts.join(" "),
        };
        self.push(Kind::Para, text, node);
    }

    /// `<dt>label</dt><dd>value</dd>`: a header field when the label is one,
    /// else two paragraphs.
    fn definitions(&mut self, node: Id) {
        let dom = self.dom;
        let mut label: Option<(String, Id)> = None;
        for child in dom.descendants(node).skip(1) {
            let Some(e) = dom.element(child) else { continue };
            match e.name() {
                "dt" => {
                    if let Some((t, id)) = label.take() {
                        self.push(Kind::Para, t, id);
                    }
                    label = Some((self.collect(child), child));
                }
                "dd" => {
                    let value = self.collect(child);
                    match label.take() {
                        Some((l, id)) => match labelled(&l, &value) {
                            Some(field) => self.push(Kind::Para, field, id),
                            None => {
                                self.push(Kind::Para, l, id);
                                self.push(Kind::Para, value, child);
                            }
                        },
                        None => self.push(Kind::Para, value, child),
                    }
                }
                _ => {}
            }
        }
        if let Some((t, id)) = label {
            self.push(Kind::Para, t, id);
        }
    }
}

/// `Category` + `Housing > Allocations` as the header line `Category : Housing > Allocations`,
/// when the label names a header field.
fn labelled(label: &str, value: &str) -> Option<String> {
    let label = label.trim_end_matches(':').trim_end();
    let line = format!("{label} : {value}");
    blocks::field_of(&line).map(|_| line)
}

/// A page `<header>` (logo, site name, search) holds no `<h1>`; an article's
/// header that holds the decision's title is read.
fn has_h1(dom: &Dom, node: Id) -> bool {
    dom.descendants(node)
        .any(|d| dom.element(d).is_some_and(|e| e.name() == "h1"))
}

fn has_block_content(dom: &Dom, node: Id) -> bool {
    dom.descendants(node)
        .skip(1)
        .any(|d| dom.element(d).is_some_and(Element::is_block))
}

/// A paragraph whose only content is one `<strong>` or `<b>` element: a
/// heading in pages that do not use `<h2>`.
fn is_bold_only(dom: &Dom, node: Id) -> bool {
    let mut bold = 0;
    for child in dom.children(node) {
        match dom.data(child) {
            Data::Text(..) if dom.text(child).is_some_and(|t| t.trim().is_empty()) => {}
            Data::Element(e) if matches!(e.name(), "strong" | "b") => bold += 1,
            Data::Element(e) if e.name() == "br" => {}
            Data::Comment => {}
            _ => return false,
        }
    }
    bold == 1
}

/// A list whose every item is a link to an anchor in the page (`href="#…"`)
/// is a table of contents (the text path removes the same list by its shape,
/// `corpus/excerpts/022.txt`).
fn is_table_of_contents(dom: &Dom, node: Id, e: &Element) -> bool {
    if !matches!(e.name(), "ul" | "ol") {
        return false;
    }
    let mut items = 0;
    for li in dom.children(node) {
        let Some(le) = dom.element(li) else { continue };
        if le.name() != "li" {
            continue;
        }
        items += 1;
        // The link is the item or its only child (`<li><a href="#…">`, `<li><p><a …>`):
        // two levels, so nested lists are not scanned again and again.
        let is_anchor = |n: Id| {
            dom.element(n)
                .is_some_and(|a| a.name() == "a" && dom.attr(a, Attr::Href).is_some_and(|h| h.starts_with('#')))
        };
        let anchor = dom.children(li).any(|c| is_anchor(c) || dom.children(c).any(is_anchor));
        if !anchor {
            return false;
        }
    }
    items >= 2
}

/// Title, header zone (shared with the text path) and body.
fn to_blocks(items: Vec<Item>) -> Blocks {
    // The header zone is a few lines at the top: it is read from the first
    // items only, taking more when it has not ended within them.
    let mut n = items.len().min(32);
    let (mut out, start) = loop {
        let lines: Vec<Line> = items[..n]
            .iter()
            .map(|i| Line {
                number: i.line,
                indent: 0,
                text: &i.text,
            })
            .collect();
        let mut out = Blocks::default();
        let start = blocks::header(&lines, &mut out);
        if start < n || n == items.len() {
            break (out, start);
        }
        n = (n * 4).min(items.len());
    };
    let mut b = Builder::default();
    for item in items.into_iter().skip(start) {
        b.push(item);
    }
    b.close();
    out.layout = b.layout;
    out.body = b.blocks;
    blocks::finish_body(&mut out);
    out
}

struct Open {
    text: String,
    line: usize,
    takes_items: bool,
}

#[derive(Default)]
struct Builder {
    blocks: Vec<Block>,
    open: Option<Open>,
    layout: Layout,
    /// The current list holds sub-items of the open paragraph.
    list_attached: bool,
}

impl Builder {
    fn close(&mut self) {
        if let Some(open) = self.open.take() {
            self.blocks.push(Block::Paragraph {
                text: open.text,
                line: open.line,
            });
        }
    }

    fn start(&mut self, text: String, line: usize, takes_items: bool) {
        self.close();
        self.open = Some(Open {
            text,
            line,
            takes_items,
        });
    }

    fn sub_item(&mut self, text: &str, line: usize) {
        match &mut self.open {
            Some(open) => {
                open.text.push_str("\n- ");
                open.text.push_str(text);
            }
            None => self.start(text.to_owned(), line, false),
        }
    }

    fn numbered(&mut self) {
        self.layout = Layout::Numbered;
    }

    fn bulleted(&mut self) {
        if self.layout == Layout::Plain {
            self.layout = Layout::Bullets;
        }
    }

    fn push(&mut self, item: Item) {
        let text = item.text.as_str();
        if blocks::is_signature(text) {
            self.close();
            self.blocks.push(Block::Signature {
                text: item.text,
                line: item.line,
            });
            return;
        }
        match item.kind {
            Kind::Heading => {
                self.close();
                self.blocks.push(Block::Heading {
                    text: item.text,
                    line: item.line,
                });
            }
            Kind::Sub => {
                let t = blocks::bullet_text(text).unwrap_or(text);
                self.sub_item(t, item.line);
            }
            Kind::Item { ordered, attach, first } => {
                if first {
                    // Sub-items of the paragraph before the list: only when
                    // there is one (not the summary of the header zone).
                    self.list_attached = attach && self.open.is_some();
                }
                if self.list_attached {
                    let t = blocks::bullet_text(text).unwrap_or(text);
                    self.sub_item(t, item.line);
                    return;
                }
                // A copy that kept its numbers or bullets inside the item.
                let t = blocks::numbered_text(text)
                    .or_else(|| blocks::bullet_text(text))
                    .filter(|t| !t.is_empty())
                    .unwrap_or(text);
                if ordered {
                    self.numbered();
                } else {
                    self.bulleted();
                }
                let takes_items = ordered || t.ends_with(':');
                let t = if t.len() == text.len() { item.text } else { t.to_owned() };
                self.start(t, item.line, takes_items);
            }
            Kind::Para => {
                let continues = item.after_br
                    && self.open.is_some()
                    && blocks::numbered_text(text).is_none()
                    && blocks::bullet_text(text).is_none();
                if continues {
                    if let Some(open) = &mut self.open {
                        open.text.push(' ');
                        open.text.push_str(text);
                    }
                } else if let Some(rest) = blocks::numbered_text(text) {
                    self.numbered();
                    self.start(rest.to_owned(), item.line, true);
                } else if let Some(rest) = blocks::lettered_text(text).filter(|_| {
                    // As the text path: a lettered item (`<p>a) …</p>`) under a
                    // paragraph that takes items or leads in to a list.
                    self.open
                        .as_ref()
                        .is_some_and(|o| blocks::takes_lettered(&o.text, o.takes_items))
                }) {
                    self.sub_item(rest, item.line);
                } else if let Some(rest) = blocks::bullet_text(text).filter(|r| !r.is_empty()) {
                    if self.open.as_ref().is_some_and(|o| o.takes_items) {
                        self.sub_item(rest, item.line);
                    } else {
                        self.bulleted();
                        self.start(rest.to_owned(), item.line, rest.ends_with(':'));
                    }
                } else if blocks::is_known_heading(text) {
                    self.close();
                    self.blocks.push(Block::Heading {
                        text: item.text,
                        line: item.line,
                    });
                } else {
                    let takes_items = text.ends_with(':');
                    self.start(item.text, item.line, takes_items);
                }
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The body of a page as `H heading`, `P paragraph`, `S signature`.
    fn body_of(markup: &str) -> Vec<String> {
        blocks::body_lines(page(markup).blocks.body)
    }

    #[test]
    fn ok_looks_like_html() {
        for bytes in [
            &b"<!DOCTYPE html><html>"[..],
            b"\xEF\xBB\xBF  \n<!doctype HTML>",
            b"<html lang=en>",
            b"<HTML>",
            b"<!-- saved from url -->",
            b"<div class=decision>",
            b"<article>",
            b"<p>Derbyshire",
            b"<meta charset=utf-8>",
        ] {
            assert!(looks_like_html(bytes), "{}", String::from_utf8_lossy(bytes));
        }
    }

    #[test]
    fn err_looks_like_html() {
        for bytes in [
            &b"Derbyshire County Council (23 017 456)"[..],
            b"",
            b"<",
            b"<pre>",
            b"- <b> is bold",
            b"Category : a <html> tag",
        ] {
            assert!(!looks_like_html(bytes), "{}", String::from_utf8_lossy(bytes));
        }
    }

    #[test]
    fn ok_declared_charset() {
        for (markup, want) in [
            (&b"<meta charset=\"windows-1252\">"[..], "windows-1252"),
            (b"<META CHARSET=ISO-8859-1>", "windows-1252"),
            (
                b"<meta http-equiv=\"Content-Type\" content=\"text/html; charset=utf-8\">",
                "UTF-8",
            ),
            (b"<head><meta name=x><meta charset='latin1'>", "windows-1252"),
            // A UTF-16 label without a BOM is read as UTF-8, as the HTML standard says.
            (b"<meta charset=utf-16le>", "UTF-8"),
        ] {
            assert_eq!(declared_charset(markup).map(|e| e.name()), Some(want), "{markup:?}");
        }
    }

    #[test]
    fn err_declared_charset() {
        for markup in [
            &b"<html><head><title>x</title>"[..],
            b"<meta charset=klingon>",
            b"<meta name=description content=charset>",
            b"charset=windows-1252 in text, not in a meta tag",
        ] {
            assert_eq!(declared_charset(markup), None, "{markup:?}");
        }
    }

    #[test]
    fn ok_header_fields_in_every_form() {
        for markup in [
            "<h1>Kent County Council (19 010 414)</h1><p><strong>Category :</strong> Education &gt; School transport</p><p><strong>Decision :</strong> Upheld</p>",
            "<h1>Kent County Council (19 010 414)</h1><dl><dt>Category</dt><dd>Education &gt; School transport</dd><dt>Decision</dt><dd>Upheld</dd></dl>",
            "<h1>Kent County Council (19 010 414)</h1><table><tr><th>Category:</th><td>Education &gt; School transport<tr><th>Decision</th><td>Upheld</table>",
            "<h1>Kent County Council (19 010 414)</h1><p>Category : Education &gt; School transport<br>Decision : Upheld</p>",
        ] {
            let b = page(markup).blocks;
            assert_eq!(b.title.as_ref().map(|t| t.0.as_str()), Some("Kent County Council (19 010 414)"), "{markup}");
            let fields: Vec<(blocks::FieldKey, &str)> = b.fields.iter().map(|f| (f.key, f.value.as_str())).collect();
            assert_eq!(
                fields,
                vec![
                    (blocks::FieldKey::Category, "Education > School transport"),
                    (blocks::FieldKey::Outcome, "Upheld")
                ],
                "{markup}"
            );
        }
    }

    #[test]
    fn ok_body_structure() {
        let cases: &[(&str, &[&str])] = &[
            // Numbered paragraphs as a list, bullets as a nested list.
            (
                "<h2>The complaint</h2><ol><li>Mr X says the Council failed to:<ul><li>act;</li><li>reply.</li></ul></li><li>He wants an apology.</li></ol>",
                &["H The complaint", "P Mr X says the Council failed to:\n- act;\n- reply.", "P He wants an apology."],
            ),
            // Deeper nesting keeps every level as a sub-item.
            (
                "<h2>The complaint</h2><ol><li>Lead:<ul><li>a<ul><li>b</li></ul></li></ul></li></ol>",
                &["H The complaint", "P Lead:\n- a\n- b"],
            ),
            // Numbered paragraphs as `<p>1. …`, and a list right after one is its sub-items.
            (
                "<p><strong>What I found</strong></p><p>1. The Council should:</p><ul><li>apologise;</li></ul><p>2. Done.</p>",
                &["H What I found", "P The Council should:\n- apologise;", "P Done."],
            ),
            // A `<br>` inside a paragraph is a wrapped line of it.
            (
                "<h2>Analysis</h2><p>First part<br>second part.</p><p>Next.</p>",
                &["H Analysis", "P First part second part.", "P Next."],
            ),
            // Bullet paragraphs: siblings stay paragraphs.
            (
                "<h3>How I considered this complaint</h3><ul><li>I considered:</li><li>Information from Miss B.</li></ul>",
                &["H How I considered this complaint", "P I considered:", "P Information from Miss B."],
            ),
            // A known heading in a plain paragraph is a heading; the signature is recognised.
            (
                "<p>Final decision</p><p>I have completed my investigation.</p><p><em>Investigator's decision on behalf of the Ombudsman</em></p>",
                &["H Final decision", "P I have completed my investigation.", "S Investigator's decision on behalf of the Ombudsman"],
            ),
            // Lettered items as paragraphs of their own join their lead, as in
            // the text (corpus/regressions/lettered-items.txt); without a
            // lead they stay paragraphs.
            (
                "<h2>Agreed action</h2><p>The Council will:</p><p>a) apologise;</p><p>(b) pay Mr J £200.</p><p>Done.</p><p>(c) More.</p>",
                &["H Agreed action", "P The Council will:\n- apologise;\n- pay Mr J £200.", "P Done.", "P (c) More."],
            ),
        ];
        for (markup, want) in cases {
            assert_eq!(body_of(markup), *want, "{markup}");
        }
    }

    #[test]
    fn err_list_after_heading_or_summary_is_not_sub_items() {
        // A list after a heading, or after the summary in the header zone, holds paragraphs.
        let got = body_of("<h1>X (23 017 456)</h1><p>Summary: s.</p><ul><li>One.</li><li>Two.</li></ul><h2>Analysis</h2><ul><li>Three.</li></ul>");
        assert_eq!(got, vec!["P One.", "P Two.", "H Analysis", "P Three."]);
        // An ordered list after a paragraph not ending in ':' is numbered paragraphs.
        let got = body_of("<h2>Analysis</h2><p>Intro.</p><ol><li>One.</li></ol>");
        assert_eq!(got, vec!["H Analysis", "P Intro.", "P One."]);
    }

    #[test]
    fn ok_furniture_dropped() {
        let markup = r##"<html><head><title>t</title><style>p { color: red }</style><script>var x = "<p>no</p>";</script></head>
            <body><div class="cookie-banner"><p>We use cookies to improve.</p><p>Cookie text that is not boilerplate.</p></div>
            <header><p>Site name</p><nav><a href="/">Home</a></nav></header>
            <main><nav class="breadcrumb"><a href="/">Home</a></nav>
            <h1>Kent County Council (19 010 414)</h1>
            <ul><li><a href="#a">The complaint</a></li><li><a href="#b">Analysis</a></li></ul>
            <h2 id="a">The complaint</h2><p>Kept.</p><p hidden>Hidden.</p><p style="display: none">None.</p>
            <div aria-hidden="true">Aria.</div><form><label>Search</label><input value="q"></form>
            <noscript>Enable JavaScript.</noscript><p>Back to top</p><aside>Related decisions</aside></main>
            <footer><p>Copyright</p></footer></body></html>"##;
        assert_eq!(body_of(markup), vec!["H The complaint", "P Kept."]);
    }

    #[test]
    fn ok_text_normalised() {
        let got = body_of(
            "<h2>Analysis</h2><p>The Co<span>un</span>cil&rsquo;s payment of &pound;250 &amp; &#163;50,\n   within 12&nbsp;months; exami&shy;nation&#x200B;.</p><p>&nbsp;</p>",
        );
        assert_eq!(
            got,
            vec![
                "H Analysis",
                "P The Council’s payment of £250 & £50, within 12 months; examination."
            ]
        );
    }

    /// The rule `push_text` implements, one character at a time.
    fn push_text_reference(buf: &mut String, text: &str) {
        for c in text.chars() {
            match c {
                ' ' | '\t' | '\n' | '\r' | '\x0c' | '\u{a0}' | '\u{202f}' => {
                    if !buf.is_empty() && !buf.ends_with(' ') {
                        buf.push(' ');
                    }
                }
                '\u{ad}' | '\u{200b}' | '\u{200c}' | '\u{200d}' | '\u{2060}' | '\u{feff}' => {}
                c if c.is_control() => {}
                c => buf.push(c),
            }
        }
    }

    proptest::proptest! {
        #[test]
        fn ok_push_text_matches_its_rule(
            start in "[ a\u{a0}]{0,2}",
            parts in proptest::collection::vec("[ \t\n\r\x0ca-z\u{a0}\u{202f}\u{ad}\u{200b}\u{2060}\u{feff}\u{85}\u{7f}\u{e9}\u{2019}\u{20ac}]{0,12}", 0..6),
            plain in proptest::collection::vec("([a-z~!]{1,7} |[a-z]{1,9}|  | \n|\t|\x01|\x7f|\u{e9}|\u{ad}){0,10}", 0..4),
        ) {
            let (mut fast, mut slow) = (start.clone(), start);
            // Mostly plain ASCII, in runs longer than the eight bytes read at once.
            for p in parts.iter().chain(&plain) {
                push_text(&mut fast, p);
                push_text_reference(&mut slow, p);
            }
            proptest::prop_assert_eq!(fast, slow);
        }
    }

    #[test]
    fn ok_metadata() {
        let p = page(
            r#"<head><title>Kent County Council (19 010 414) - LGSCO</title><link rel="canonical" href="https://www.lgo.org.uk/decisions/education/school-transport/19-010-414"></head>"#,
        );
        assert_eq!(p.title.as_deref(), Some("Kent County Council (19 010 414) - LGSCO"));
        assert_eq!(
            p.url.as_deref(),
            Some("https://www.lgo.org.uk/decisions/education/school-transport/19-010-414")
        );
        let p = page(r#"<meta property="og:url" content="https://www.lgo.org.uk/decisions/x/y/19-010-414">"#);
        assert_eq!(
            p.url.as_deref(),
            Some("https://www.lgo.org.uk/decisions/x/y/19-010-414")
        );
    }

    #[test]
    fn err_metadata_not_a_web_url() {
        let p =
            page(r#"<link rel="canonical" href="/decisions/x"><meta property="og:url" content="javascript:alert(1)">"#);
        assert_eq!(p.url, None);
    }

    #[test]
    fn ok_lines_are_lines_of_the_markup() {
        let b = page(
            "<html>\n<body>\n<h1>Kent County Council (19 010 414)</h1>\n\n<p>Decision date : June-ish</p>\n</body>",
        )
        .blocks;
        assert_eq!(b.title.map(|t| t.1), Some(3));
        assert_eq!(b.fields.first().map(|f| f.line), Some(5));
    }

    #[test]
    fn ok_deep_nesting_flattened() {
        let deep = format!(
            "<h2>Analysis</h2>{}<p>Deep text.</p>{}",
            "<div>".repeat(100_000),
            "</div>".repeat(100_000)
        );
        let p = page(&deep);
        assert_eq!(body_of(&deep), vec!["H Analysis", "P Deep text."]);
        assert_eq!(p.warnings.len(), 1, "{:?}", p.warnings);
        let flat = flatten_deep_nesting(&deep).expect("flattened");
        assert_eq!(flat.matches("<div>").count(), MAX_NESTING);
        assert_eq!(flat.matches("</div>").count(), MAX_NESTING);
    }

    #[test]
    fn err_deep_nesting_not_flattened() {
        // Unclosed paragraphs and list items, inline tags, and tags in comments
        // and scripts do not count.
        for markup in [
            "<p>x".repeat(5_000),
            "<li>x".repeat(5_000),
            "<span>".repeat(5_000),
            format!("<!--{}-->", "<div>".repeat(1_000)),
            format!("<script>{}</script>", "<div>".repeat(1_000)),
            format!("{}{}", "<div>".repeat(MAX_NESTING), "</div>".repeat(MAX_NESTING)),
        ] {
            assert_eq!(flatten_deep_nesting(&markup), None, "{}", &markup[..40]);
        }
    }

    #[test]
    fn ok_malformed_markup_never_panics() {
        let deep_divs = format!("{}text{}", "<div>".repeat(10_000), "</div>".repeat(10_000));
        let deep_lists = format!("<ol><li>Lead:{}x", "<ul><li>".repeat(5_000));
        let storm = "<b><i><u><a href=x><span><p>".repeat(2_000);
        let long_line = format!("<p>{}</p>", "word ".repeat(200_000));
        for markup in [
            "<p>unclosed <b>bold <i>italic<p>next",
            "</p></p></li></ul></table>stray closers",
            "<table><tr><td><table><tr><td>nested<td>cells</table>",
            "<h1>X (23 017 456)<h2>The complaint<ol><li>one<li>two",
            "\u{fffd}<html>\u{1}\u{2}garbage<<<>>>&&&#xZZZ;&#99999999;",
            "<ul><ul><ul><li>list in list</ul></ul></ul>",
            &deep_divs,
            &deep_lists,
            &storm,
            &long_line,
        ] {
            let p = page(markup);
            assert!(
                p.blocks.body.len() <= markup.len(),
                "{}",
                &markup[..markup.len().min(40)]
            );
        }
        let text = body_of(&deep_divs);
        assert_eq!(text, vec!["P text"]);
    }
}

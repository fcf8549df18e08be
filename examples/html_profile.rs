//! The HTML stage against the text parse, in one run over the same 200
//! generated decisions (pages in the four templates, in turn): html5ever's
//! parse alone, into the stage's own compact tree (`ombuds::html::tree_only`;
//! before 2 Dec 2026 this was scraper's tree), the whole HTML stage
//! (`ombuds::html::page`), the text parse of the same decisions
//! (`parse_source`: clean, blocks, record) and the whole page parse (the HTML
//! stage, then the record from its blocks). Rounds alternate so that machine load hits all three alike.
//! For `perf record` too:
//! `cargo build --release --example html_profile && perf record -g target/release/examples/html_profile`.
#![allow(clippy::print_stdout, reason = "a command-line program reports on the terminal")]

#[path = "../benches/support/generator.rs"]
mod generator;
#[path = "../benches/support/templates.rs"]
mod templates;

use std::time::{Duration, Instant};

fn main() {
    let pool = generator::Pool::load(&generator::corpus_dir()).expect("corpus");
    let texts: Vec<String> = (0..200u64).map(|i| pool.document(1, i).0).collect();
    let pages: Vec<String> = texts
        .iter()
        .enumerate()
        .map(|(i, t)| templates::render(t, None, templates::Template::ALL[i % 4]))
        .collect();
    let sources: Vec<ombuds::source::SourceText> = texts
        .iter()
        .map(|t| ombuds::source::SourceText::from_text(t, None))
        .collect();
    let page_sources: Vec<ombuds::source::SourceText> = pages
        .iter()
        .map(|p| ombuds::source::SourceText::from_html(p, None, None).expect("page"))
        .collect();
    let text_bytes: usize = texts.iter().map(String::len).sum();
    let page_bytes: usize = pages.iter().map(String::len).sum();
    let (mut tree, mut stage, mut text, mut whole) = (Duration::ZERO, Duration::ZERO, Duration::ZERO, Duration::ZERO);
    let rounds = 20;
    // `HTML_PROFILE_STAGE_ONLY=1`: the HTML stage alone, for `perf record`.
    if std::env::var_os("HTML_PROFILE_STAGE_ONLY").is_some() {
        for _ in 0..rounds {
            for p in &pages {
                assert!(!ombuds::html::page(p).blocks.body.is_empty());
            }
        }
        return;
    }
    for _ in 0..rounds {
        let t = Instant::now();
        for p in &pages {
            assert!(ombuds::html::tree_only(p) > 10);
        }
        tree += t.elapsed();
        let t = Instant::now();
        for p in &pages {
            assert!(!ombuds::html::page(p).blocks.body.is_empty());
        }
        stage += t.elapsed();
        let t = Instant::now();
        for s in &sources {
            assert!(ombuds::parse_source(s).expect("decision").reference.is_some());
        }
        text += t.elapsed();
        let t = Instant::now();
        for s in &page_sources {
            assert!(ombuds::parse_source(s).expect("page decision").reference.is_some());
        }
        whole += t.elapsed();
    }
    let per_doc = |d: Duration| d.as_secs_f64() * 1e6 / (rounds * pages.len()) as f64;
    let mbs = |bytes: usize, d: Duration| (bytes * rounds) as f64 / d.as_secs_f64() / 1e6;
    println!(
        "pages {:.1} KB, texts {:.1} KB on average",
        page_bytes as f64 / 200e3,
        text_bytes as f64 / 200e3
    );
    println!(
        "html5ever tree only: {:6.1} µs/decision, {:5.1} MB/s of markup",
        per_doc(tree),
        mbs(page_bytes, tree)
    );
    println!(
        "HTML stage (page):   {:6.1} µs/decision, {:5.1} MB/s of markup",
        per_doc(stage),
        mbs(page_bytes, stage)
    );
    println!(
        "text parse:          {:6.1} µs/decision, {:5.1} MB/s of text",
        per_doc(text),
        mbs(text_bytes, text)
    );
    println!("page parse (stage and record): {:6.1} µs/decision", per_doc(whole));
    println!(
        "HTML stage / text parse: {:.2}",
        stage.as_secs_f64() / text.as_secs_f64()
    );
    // The record built from the page's blocks: what follows the HTML stage in
    // a page parse (the text path's `clean` and `blocks` are not in it).
    let after = whole.saturating_sub(stage);
    println!(
        "HTML stage / what follows it in a page parse: {:.2}",
        stage.as_secs_f64() / after.as_secs_f64()
    );
}

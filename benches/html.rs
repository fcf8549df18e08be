//! HTML input, one thread: the HTML stage (`ombuds::html::page`: markup →
//! blocks) against the text parse that follows it (`parse_source` of the
//! same decisions as text), and the whole parse of a page, over 200
//! generated decisions in each page template; plus pathological markup
//! (100,000 nested `<div>`s, an unclosed-tag storm, a 1 MB paragraph,
//! 100,000 list items). Every iteration checks its result.

#[path = "support/generator.rs"]
mod generator;
#[path = "support/templates.rs"]
mod templates;

use std::hint::black_box;
use std::time::Duration;

use criterion::{criterion_group, criterion_main, BenchmarkId, Criterion, Throughput};
use ombuds::source::SourceText;
use templates::Template;

const DOCS: u64 = 200;

fn texts() -> Vec<String> {
    let pool = generator::Pool::load(&generator::corpus_dir()).expect("corpus");
    (0..DOCS).map(|i| pool.document(1, i).0).collect()
}

fn bench_stages(c: &mut Criterion) {
    let texts = texts();
    let text_bytes: usize = texts.iter().map(String::len).sum();
    let sources: Vec<SourceText> = texts.iter().map(|t| SourceText::from_text(t, None)).collect();

    let mut g = c.benchmark_group("html");
    g.sample_size(10).measurement_time(Duration::from_secs(8));
    // The text parse of the same decisions: the stage the HTML stage must not out-cost.
    g.throughput(Throughput::Bytes(text_bytes as u64));
    g.bench_function(BenchmarkId::new("text_parse", format!("{DOCS} decisions")), |b| {
        b.iter(|| {
            for s in &sources {
                let d = ombuds::parse_source(black_box(s)).expect("decision");
                assert!(d.reference.is_some());
            }
        })
    });
    for template in Template::ALL {
        let pages: Vec<String> = texts.iter().map(|t| templates::render(t, None, template)).collect();
        let page_bytes: usize = pages.iter().map(String::len).sum();
        g.throughput(Throughput::Bytes(page_bytes as u64));
        g.bench_function(BenchmarkId::new("html_stage", template.name()), |b| {
            b.iter(|| {
                for p in &pages {
                    let page = ombuds::html::page(black_box(p));
                    assert!(page.blocks.title.is_some() && !page.blocks.body.is_empty());
                }
            })
        });
        let sources: Vec<SourceText> = pages
            .iter()
            .map(|p| SourceText::from_html(p, None, None).expect("decodes"))
            .collect();
        g.bench_function(BenchmarkId::new("html_parse", template.name()), |b| {
            b.iter(|| {
                for s in &sources {
                    let d = ombuds::parse_source(black_box(s)).expect("decision");
                    assert!(d.reference.is_some());
                }
            })
        });
    }
    g.finish();
}

const TITLE: &str = "<h1>Derbyshire County Council (23 017 456)</h1><p>Decision : Upheld</p><h2>The complaint</h2>";

fn bench_pathological(c: &mut Criterion) {
    let sentence = "The Council did not tell Ms X about the meeting and this is fault; it will pay Ms X &pound;250. ";
    let cases: Vec<(&str, String, usize)> = vec![
        (
            "nested_divs_10000",
            format!(
                "{TITLE}{}<p>Deep.</p>{}",
                "<div>".repeat(10_000),
                "</div>".repeat(10_000)
            ),
            1,
        ),
        (
            "nested_divs_100000",
            format!(
                "{TITLE}{}<p>Deep.</p>{}",
                "<div>".repeat(100_000),
                "</div>".repeat(100_000)
            ),
            1,
        ),
        (
            "unclosed_tag_storm_20000",
            format!("{TITLE}{}", "<b><i><u><span><a href=x><p>word ".repeat(20_000)),
            1,
        ),
        (
            "paragraph_1MB",
            format!("{TITLE}<p>{}</p>", sentence.repeat(1_000_000 / sentence.len())),
            1,
        ),
        (
            "list_items_100000",
            format!(
                "{TITLE}<ol>{}</ol>",
                "<li>The officer wrote to Mr X.</li>".repeat(100_000)
            ),
            100_000,
        ),
    ];
    let mut g = c.benchmark_group("html_pathological");
    g.sample_size(10).measurement_time(Duration::from_secs(5));
    for (name, markup, min_blocks) in &cases {
        g.throughput(Throughput::Bytes(markup.len() as u64));
        g.bench_function(*name, |b| {
            b.iter(|| {
                let page = ombuds::html::page(black_box(markup));
                assert!(
                    page.blocks.body.len() > *min_blocks,
                    "{name}: {}",
                    page.blocks.body.len()
                );
            })
        });
    }
    g.finish();
}

criterion_group!(benches, bench_stages, bench_pathological);
criterion_main!(benches);

//! Parse throughput (`ombuds::parse`, one thread) in MB/s: each seed decision,
//! all excerpts, a mix of generated decisions in both layouts, and
//! pathological inputs (a 20 MB line, 100,000 bullets, 20,000 repeated
//! headings, a long decision at two sizes) that expose superlinear rules.
//! Every iteration checks its result.
//!
//! The parse runs with the allocator the `ombuds` binary uses (mimalloc, see
//! `src/main.rs`), as `ombuds parse` and `ombuds ingest` run it;
//! `examples/parse_profile.rs` keeps the system allocator, for the figure a
//! library user with the default allocator sees (both in BENCHMARKS.md).

#[path = "support/generator.rs"]
mod generator;

#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

use std::fs;
use std::hint::black_box;
use std::path::PathBuf;
use std::time::Duration;

use criterion::{criterion_group, criterion_main, BenchmarkId, Criterion, Throughput};

fn corpus_files(dir: &str) -> Vec<(String, String)> {
    let dir = generator::corpus_dir().join(dir);
    let mut files: Vec<PathBuf> = fs::read_dir(&dir)
        .unwrap_or_else(|e| panic!("{}: {e}", dir.display()))
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.extension().is_some_and(|x| x == "txt"))
        .collect();
    files.sort();
    files
        .into_iter()
        .map(|p| {
            let name = p.file_name().unwrap_or_default().to_string_lossy().into_owned();
            let text = fs::read_to_string(&p).unwrap_or_else(|e| panic!("{}: {e}", p.display()));
            (name, text)
        })
        .collect()
}

const HEADER: &str = "Derbyshire County Council (23 017 456)\n\nCategory : Children's care services > Child protection\n\nDecision : Upheld\n\nDecision date : 06 Jun 2024\n\nThe Ombudsman's final decision:\n\nSummary: The Council was at fault for causing a short delay.\n\n";

/// A decision whose one paragraph is a single line of about `bytes` bytes.
fn single_line(bytes: usize) -> String {
    let sentence = "The Council did not tell Ms X about the meeting (Children Act 1989, section 47) and this is fault; it will pay Ms X £250 by 06 Jun 2024. ";
    let mut s = String::with_capacity(bytes + 1024);
    s.push_str(HEADER);
    s.push_str("The complaint\n\n  1. ");
    while s.len() < bytes {
        s.push_str(sentence);
    }
    s.push('\n');
    s
}

/// A decision with `n` bulleted paragraphs in one section (layout without blank lines).
fn many_bullets(n: usize) -> String {
    let mut s = String::from(HEADER);
    s.push_str("What I found\n");
    for i in 0..n {
        s.push_str(&format!(
            "- On {} March 2021 the officer wrote to Mr X about the repair; the Council was at fault.\n",
            1 + i % 28
        ));
    }
    s
}

/// A decision where `n` headings repeat, each with one short paragraph.
fn repeated_headings(n: usize) -> String {
    let mut s = String::from(HEADER);
    let headings = ["What I found", "Agreed action", "Final decision", "Analysis"];
    for i in 0..n {
        s.push_str(headings[i % headings.len()]);
        s.push_str("\n\n  1. The Council agreed to apologise.\n\nBack to top\n\n");
    }
    s
}

/// A long decision: generated bodies of many documents under one header.
fn long_decision(pool: &generator::Pool, bytes: usize) -> String {
    let mut s = String::from(HEADER);
    let mut i = 0;
    while s.len() < bytes {
        let (text, _) = pool.document(7, i);
        // Keep everything after the header block of the generated document.
        let body = text.find("The complaint").map_or(text.as_str(), |at| &text[at..]);
        s.push_str(body);
        s.push('\n');
        i += 1;
    }
    s
}

fn bench_corpus(c: &mut Criterion) {
    let mut g = c.benchmark_group("parse");
    g.measurement_time(Duration::from_secs(3))
        .warm_up_time(Duration::from_secs(1));
    for (name, text) in corpus_files("seeds") {
        g.throughput(Throughput::Bytes(text.len() as u64));
        g.bench_with_input(BenchmarkId::new("seed", &name), &text, |b, text| {
            b.iter(|| {
                let d = ombuds::parse(black_box(text), None);
                assert!(d.reference.is_some(), "{name}: no reference");
                d
            })
        });
    }
    let excerpts = corpus_files("excerpts");
    let total: usize = excerpts.iter().map(|(_, t)| t.len()).sum();
    g.throughput(Throughput::Bytes(total as u64));
    g.bench_function(BenchmarkId::new("excerpts", format!("{} files", excerpts.len())), |b| {
        b.iter(|| {
            let with_reference = excerpts
                .iter()
                .filter(|(_, t)| ombuds::parse(black_box(t), None).reference.is_some())
                .count();
            assert!(
                with_reference * 10 >= excerpts.len() * 8,
                "references in {with_reference} excerpts"
            );
            with_reference
        })
    });
    let pool = generator::Pool::load(&generator::corpus_dir()).expect("corpus");
    let docs: Vec<(String, generator::Truth)> = (0..200).map(|i| pool.document(1, i)).collect();
    let total: usize = docs.iter().map(|(t, _)| t.len()).sum();
    g.throughput(Throughput::Bytes(total as u64));
    g.bench_function(BenchmarkId::new("generated", "200 decisions"), |b| {
        b.iter(|| {
            for (text, truth) in &docs {
                let d = ombuds::parse(black_box(text), None);
                assert_eq!(d.reference.as_deref(), Some(truth.reference.as_str()), "{}", truth.file);
            }
        })
    });
    g.finish();
}

fn bench_pathological(c: &mut Criterion) {
    let mut g = c.benchmark_group("parse_pathological");
    g.sample_size(10)
        .measurement_time(Duration::from_secs(5))
        .warm_up_time(Duration::from_secs(1));
    let pool = generator::Pool::load(&generator::corpus_dir()).expect("corpus");
    let cases: Vec<(String, String)> = vec![
        ("single_line_20MB".into(), single_line(20 << 20)),
        ("bullets_100000".into(), many_bullets(100_000)),
        ("headings_20000".into(), repeated_headings(20_000)),
        ("long_decision_1MB".into(), long_decision(&pool, 1 << 20)),
        ("long_decision_8MB".into(), long_decision(&pool, 8 << 20)),
    ];
    for (name, text) in &cases {
        g.throughput(Throughput::Bytes(text.len() as u64));
        g.bench_with_input(BenchmarkId::from_parameter(name), text, |b, text| {
            b.iter(|| {
                let d = ombuds::parse(black_box(text), None);
                assert_eq!(d.reference.as_deref(), Some("23 017 456"), "{name}");
                d
            })
        });
    }
    g.finish();
}

criterion_group!(benches, bench_corpus, bench_pathological);
criterion_main!(benches);

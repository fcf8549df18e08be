//! Output writers: take search results, stats, records and ingest reports and
//! return (write) them as a table or text for people, or JSON, JSONL or CSV
//! for scripts. Everything goes to a `&mut dyn Write` the shell passes in.

use std::io::Write;

use anyhow::Result;

use crate::export::provenance::Provenance;
use crate::export::ExportReport;
use crate::index::hit::Hit;
use crate::index::similar::SimilarResult;
use crate::index::{Facets, SearchResult};
use crate::ingest::IngestReport;
use crate::stats::Stats;
use crate::Decision;

/// How to style output for people.
#[derive(Debug, Clone, Copy, Default)]
pub struct Style {
    /// Use ANSI colours.
    pub color: bool,
}

impl Style {
    fn paint(&self, code: &str, text: &str) -> String {
        if self.color {
            format!("\x1b[{code}m{text}\x1b[0m")
        } else {
            text.to_owned()
        }
    }

    fn bold(&self, text: &str) -> String {
        self.paint("1", text)
    }

    fn highlight(&self, text: &str) -> String {
        self.paint("1;31", text)
    }
}

/// `£1,250.00`.
pub fn money(pence: u64) -> String {
    let pounds = (pence / 100).to_string();
    let mut grouped = String::new();
    for (i, c) in pounds.chars().enumerate() {
        if i > 0 && (pounds.len() - i) % 3 == 0 {
            grouped.push(',');
        }
        grouped.push(c);
    }
    format!("£{grouped}.{:02}", pence % 100)
}

/// What a table cell shows for a value the decision does not state.
pub const NO_VALUE: &str = "—";

/// At most `max` characters of `s`, with `…` when cut.
fn fit(s: &str, max: usize) -> String {
    if s.chars().count() <= max {
        s.to_owned()
    } else {
        let mut out: String = s.chars().take(max.saturating_sub(1)).collect();
        out.push('…');
        out
    }
}

fn pad(s: &str, width: usize) -> String {
    let n = s.chars().count();
    format!("{s}{}", " ".repeat(width.saturating_sub(n)))
}

fn category_of(h: &Hit) -> String {
    crate::index::document::category_label(h.category.as_deref(), h.subcategory.as_deref()).unwrap_or_default()
}

fn highlighted_snippet(h: &Hit, style: Style) -> String {
    let mut out = String::new();
    let mut at = 0;
    for &(s, e) in &h.highlights {
        if s < at || e > h.snippet.len() || !h.snippet.is_char_boundary(s) || !h.snippet.is_char_boundary(e) {
            continue;
        }
        out.push_str(&h.snippet[at..s]);
        out.push_str(&style.highlight(&h.snippet[s..e]));
        at = e;
    }
    out.push_str(&h.snippet[at..]);
    out
}

/// Writes search results in `format`. The machine formats are the functions
/// below, which `ombuds serve` calls too, so its API returns the same bytes.
pub fn search(
    out: &mut dyn Write,
    r: &SearchResult,
    format: super::args::Format,
    offset: usize,
    style: Style,
) -> Result<()> {
    use super::args::Format;
    match format {
        Format::Json => search_json(out, r),
        Format::Jsonl => search_jsonl(out, r),
        Format::Csv => search_csv(out, r),
        Format::Table => search_table(out, r, offset, style),
    }
}

/// `search --format json`: the result (total, hits, facets when asked) as one JSON document.
pub fn search_json(out: &mut dyn Write, r: &SearchResult) -> Result<()> {
    serde_json::to_writer_pretty(&mut *out, r)?;
    writeln!(out)?;
    Ok(())
}

/// `search --format jsonl`: one hit per line.
pub fn search_jsonl(out: &mut dyn Write, r: &SearchResult) -> Result<()> {
    for h in &r.hits {
        serde_json::to_writer(&mut *out, h)?;
        writeln!(out)?;
    }
    Ok(())
}

/// `search --format csv`: one hit per row, with a header row.
pub fn search_csv(out: &mut dyn Write, r: &SearchResult) -> Result<()> {
    let mut w = csv::Writer::from_writer(&mut *out);
    w.write_record([
        "reference",
        "decision_date",
        "organisation",
        "outcome",
        "category",
        "subcategory",
        "total_payment_pence",
        "score",
        "snippet",
        "url",
    ])?;
    for h in &r.hits {
        w.write_record([
            h.reference.clone().unwrap_or_default(),
            h.decision_date.map(|d| d.to_string()).unwrap_or_default(),
            h.organisation.clone().unwrap_or_default(),
            h.outcome.clone().unwrap_or_default(),
            h.category.clone().unwrap_or_default(),
            h.subcategory.clone().unwrap_or_default(),
            h.total_payment_pence.map(|p| p.to_string()).unwrap_or_default(),
            h.score.to_string(),
            h.snippet.clone(),
            h.url.clone().unwrap_or_default(),
        ])?;
    }
    w.flush()?;
    Ok(())
}

/// `show --format json`: the whole record as one JSON document.
pub fn record_json(out: &mut dyn Write, d: &Decision) -> Result<()> {
    serde_json::to_writer_pretty(&mut *out, d)?;
    writeln!(out)?;
    Ok(())
}

fn search_table(out: &mut dyn Write, r: &SearchResult, offset: usize, style: Style) -> Result<()> {
    let rows: Vec<[String; 6]> = r
        .hits
        .iter()
        .map(|h| {
            [
                h.reference.clone().unwrap_or_else(|| "-".into()),
                h.decision_date.map(|d| d.to_string()).unwrap_or_else(|| "-".into()),
                fit(h.organisation.as_deref().unwrap_or("-"), 34),
                fit(h.outcome.as_deref().unwrap_or("-"), 30),
                fit(&category_of(h), 44),
                h.total_payment_pence.map_or_else(|| NO_VALUE.to_owned(), money),
            ]
        })
        .collect();
    let head = ["REFERENCE", "DATE", "ORGANISATION", "OUTCOME", "CATEGORY", "PAYMENT"];
    let mut widths = head.map(|h| h.chars().count());
    for row in &rows {
        for (w, cell) in widths.iter_mut().zip(row) {
            *w = (*w).max(cell.chars().count());
        }
    }
    if !rows.is_empty() {
        let line: Vec<String> = head.iter().zip(widths).map(|(h, w)| pad(h, w)).collect();
        writeln!(out, "{}", style.bold(line.join("  ").trim_end()))?;
    }
    for (row, h) in rows.iter().zip(&r.hits) {
        let line: Vec<String> = row.iter().zip(widths).map(|(c, w)| pad(c, w)).collect();
        writeln!(out, "{}", line.join("  ").trim_end())?;
        if !h.snippet.is_empty() {
            writeln!(out, "    {}", highlighted_snippet(h, style))?;
        }
    }
    let shown = r.hits.len();
    let noun = if r.total == 1 { "decision" } else { "decisions" };
    if shown == 0 {
        writeln!(out, "{} {noun} match; none shown", r.total)?;
    } else if shown == 1 {
        writeln!(out, "{} of {} {noun}", offset + 1, r.total)?;
    } else {
        writeln!(out, "{}–{} of {} {noun}", offset + 1, offset + shown, r.total)?;
    }
    if let Some(f) = &r.facets {
        facets_table(out, f, style)?;
    }
    Ok(())
}

fn facets_table(out: &mut dyn Write, f: &Facets, style: Style) -> Result<()> {
    const SHOWN: usize = 10;
    for (name, map) in [
        ("category", &f.category),
        ("subcategory", &f.subcategory),
        ("outcome", &f.outcome),
        ("year", &f.year),
        ("organisation", &f.organisation),
        ("remedy", &f.remedy),
    ] {
        writeln!(out)?;
        writeln!(out, "{}", style.bold(name))?;
        let mut entries: Vec<(&String, &u64)> = map.iter().collect();
        if name == "year" {
            entries.sort_by(|a, b| b.0.cmp(a.0));
        } else {
            entries.sort_by(|a, b| b.1.cmp(a.1).then(a.0.cmp(b.0)));
        }
        let width = entries.iter().map(|(_, n)| n.to_string().len()).max().unwrap_or(1);
        for (k, n) in entries.iter().take(SHOWN) {
            writeln!(out, "  {n:>width$}  {k}")?;
        }
        if entries.len() > SHOWN {
            writeln!(out, "  … and {} more", entries.len() - SHOWN)?;
        }
        if entries.is_empty() {
            writeln!(out, "  (none)")?;
        }
    }
    Ok(())
}

/// Writes `value` as pretty JSON with a `provenance` member after its own.
pub fn json_with_provenance(out: &mut dyn Write, value: &impl serde::Serialize, provenance: &Provenance) -> Result<()> {
    #[derive(serde::Serialize)]
    struct With<'a, T: serde::Serialize> {
        #[serde(flatten)]
        value: &'a T,
        provenance: &'a Provenance,
    }
    serde_json::to_writer_pretty(&mut *out, &With { value, provenance })?;
    writeln!(out)?;
    Ok(())
}

/// Writes similar decisions in `format` (JSON: see [`json_with_provenance`]).
pub fn similar(out: &mut dyn Write, r: &SimilarResult, format: super::args::Format, style: Style) -> Result<()> {
    use super::args::Format;
    match format {
        Format::Json => {
            serde_json::to_writer_pretty(&mut *out, r)?;
            writeln!(out)?;
        }
        Format::Jsonl => {
            for h in &r.hits {
                serde_json::to_writer(&mut *out, h)?;
                writeln!(out)?;
            }
        }
        Format::Csv => {
            let mut w = csv::Writer::from_writer(&mut *out);
            w.write_record([
                "reference",
                "decision_date",
                "organisation",
                "outcome",
                "category",
                "subcategory",
                "total_payment_pence",
                "score",
                "why",
                "snippet",
                "url",
            ])?;
            for s in &r.hits {
                let h = &s.hit;
                w.write_record([
                    h.reference.clone().unwrap_or_default(),
                    h.decision_date.map(|d| d.to_string()).unwrap_or_default(),
                    h.organisation.clone().unwrap_or_default(),
                    h.outcome.clone().unwrap_or_default(),
                    h.category.clone().unwrap_or_default(),
                    h.subcategory.clone().unwrap_or_default(),
                    h.total_payment_pence.map(|p| p.to_string()).unwrap_or_default(),
                    h.score.to_string(),
                    s.why.join("; "),
                    h.snippet.clone(),
                    h.url.clone().unwrap_or_default(),
                ])?;
            }
            w.flush()?;
        }
        Format::Table => {
            let title = r.reference.as_deref().unwrap_or("this decision");
            writeln!(
                out,
                "{}",
                style.bold(&format!("Decisions like {title}, by the words: {}", r.terms.join(", ")))
            )?;
            for (i, s) in r.hits.iter().enumerate() {
                let h = &s.hit;
                writeln!(
                    out,
                    "{:>2}. {}  {}  {}  {}  {}",
                    i + 1,
                    h.reference.as_deref().unwrap_or("-"),
                    h.decision_date.map(|d| d.to_string()).unwrap_or_else(|| "-".into()),
                    fit(h.organisation.as_deref().unwrap_or("-"), 34),
                    fit(h.outcome.as_deref().unwrap_or("-"), 30),
                    fit(&category_of(h), 44),
                )?;
                writeln!(out, "    shares: {}", s.why.join(", "))?;
                if !h.snippet.is_empty() {
                    writeln!(out, "    {}", highlighted_snippet(h, style))?;
                }
            }
            let noun = if r.total == 1 {
                "decision shares"
            } else {
                "decisions share"
            };
            writeln!(out, "{} of {} {noun} some of these words", r.hits.len(), r.total)?;
        }
    }
    Ok(())
}

/// Writes what an export wrote, for people.
pub fn export_summary(out: &mut dyn Write, r: &ExportReport, dir: &std::path::Path) -> Result<()> {
    let noun = if r.decisions == 1 { "decision" } else { "decisions" };
    writeln!(out, "exported {} {noun} to {}:", r.decisions, dir.display())?;
    for f in &r.files {
        writeln!(out, "  {:<22} {:>9} rows  {:>12} bytes", f.file, f.rows, f.bytes)?;
    }
    writeln!(
        out,
        "  provenance.json        index {} ({} decisions, committed {})",
        r.provenance.index.fingerprint, r.provenance.index.documents, r.provenance.index.committed_at
    )?;
    Ok(())
}

/// Writes grouped counts in `format`; the machine formats are the functions
/// below, shared with `ombuds serve`.
pub fn stats(out: &mut dyn Write, s: &Stats, format: super::args::Format, style: Style) -> Result<()> {
    use super::args::Format;
    match format {
        Format::Json => stats_json(out, s)?,
        Format::Jsonl => stats_jsonl(out, s)?,
        Format::Csv => stats_csv(out, s)?,
        Format::Table => {
            let ids = s.groups.iter().any(|r| r.id.is_some());
            let mut head = vec![
                s.by.to_uppercase(),
                "DECISIONS".into(),
                "UPHELD".into(),
                "% UPHELD".into(),
                "PAID".into(),
                "% PAID".into(),
                "TOTAL PAID".into(),
                "MEAN WHEN PAID".into(),
            ];
            if ids {
                head.push("ID".into());
            }
            let rows: Vec<Vec<String>> = s
                .groups
                .iter()
                .map(|r| {
                    let mut cells = vec![
                        fit(r.group.as_deref().unwrap_or("(none)"), 50),
                        r.decisions.to_string(),
                        r.upheld.to_string(),
                        format!("{:.1}%", r.share_upheld * 100.0),
                        r.with_payment.to_string(),
                        format!("{:.1}%", r.share_with_payment * 100.0),
                        money(r.total_payment_pence),
                        r.mean_payment_when_paid_pence
                            .map_or_else(|| NO_VALUE.to_owned(), money),
                    ];
                    if ids {
                        cells.push(r.id.clone().unwrap_or_else(|| "-".into()));
                    }
                    cells
                })
                .collect();
            let mut widths: Vec<usize> = head.iter().map(|h| h.chars().count()).collect();
            for row in &rows {
                for (w, c) in widths.iter_mut().zip(row) {
                    *w = (*w).max(c.chars().count());
                }
            }
            let fmt_row = |row: &[String]| {
                let cells: Vec<String> = row
                    .iter()
                    .zip(widths.iter().copied())
                    .enumerate()
                    .map(|(i, (c, w))| {
                        if i == 0 || (ids && i + 1 == row.len()) {
                            pad(c, w)
                        } else {
                            format!("{c:>w$}")
                        }
                    })
                    .collect();
                cells.join("  ").trim_end().to_owned()
            };
            writeln!(out, "{}", style.bold(&fmt_row(&head)))?;
            for row in &rows {
                writeln!(out, "{}", fmt_row(row))?;
            }
            let noun = if s.total == 1 { "decision" } else { "decisions" };
            writeln!(out, "{} {noun} in {} groups", s.total, s.groups.len())?;
            writeln!(
                out,
                "PAID: decisions with a payment; MEAN WHEN PAID: their mean total payment"
            )?;
        }
    }
    Ok(())
}

/// `stats --format json`: the dimension, the total and every group as one JSON document.
pub fn stats_json(out: &mut dyn Write, s: &Stats) -> Result<()> {
    serde_json::to_writer_pretty(&mut *out, s)?;
    writeln!(out)?;
    Ok(())
}

/// `stats --format jsonl`: one group per line.
pub fn stats_jsonl(out: &mut dyn Write, s: &Stats) -> Result<()> {
    for row in &s.groups {
        serde_json::to_writer(&mut *out, row)?;
        writeln!(out)?;
    }
    Ok(())
}

/// `stats --format csv`: one group per row, with a header row (and an `id`
/// column when the groups are bodies).
pub fn stats_csv(out: &mut dyn Write, s: &Stats) -> Result<()> {
    let mut w = csv::Writer::from_writer(&mut *out);
    let ids = s.groups.iter().any(|r| r.id.is_some());
    let mut head = vec![
        s.by,
        "decisions",
        "upheld",
        "share_upheld",
        "with_payment",
        "share_with_payment",
        "total_payment_pence",
        "mean_payment_when_paid_pence",
    ];
    if ids {
        head.insert(1, "id");
    }
    w.write_record(head)?;
    for row in &s.groups {
        let mut record = vec![
            row.group.clone().unwrap_or_default(),
            row.decisions.to_string(),
            row.upheld.to_string(),
            format!("{:.4}", row.share_upheld),
            row.with_payment.to_string(),
            format!("{:.4}", row.share_with_payment),
            row.total_payment_pence.to_string(),
            row.mean_payment_when_paid_pence
                .map(|p| p.to_string())
                .unwrap_or_default(),
        ];
        if ids {
            record.insert(1, row.id.clone().unwrap_or_default());
        }
        w.write_record(record)?;
    }
    w.flush()?;
    Ok(())
}

/// Writes the ingest report for people.
pub fn ingest_summary(out: &mut dyn Write, r: &IngestReport, index: &std::path::Path) -> Result<()> {
    let pruned = match r.pruned {
        0 => String::new(),
        n => format!(", {n} pruned"),
    };
    writeln!(
        out,
        "{} added, {} updated, {} unchanged, {} failed{pruned}; {} decisions in {}",
        r.added,
        r.updated,
        r.unchanged,
        r.failed.len(),
        r.total,
        index.display()
    )?;
    Ok(())
}

/// Writes the ingest report as JSON.
pub fn ingest_json(out: &mut dyn Write, r: &IngestReport, index: &std::path::Path) -> Result<()> {
    let failed: Vec<serde_json::Value> = r
        .failed
        .iter()
        .map(|f| serde_json::json!({ "path": f.path.display().to_string(), "error": f.error.to_string() }))
        .collect();
    let v = serde_json::json!({
        "index": index.display().to_string(),
        "added": r.added,
        "updated": r.updated,
        "unchanged": r.unchanged,
        "pruned": r.pruned,
        "failed": failed,
        "commits": r.commits,
        "total": r.total,
    });
    serde_json::to_writer_pretty(&mut *out, &v)?;
    writeln!(out)?;
    Ok(())
}

/// Writes a whole record as readable text.
pub fn decision_text(out: &mut dyn Write, d: &Decision, style: Style) -> Result<()> {
    let title = match (&d.organisation, &d.reference) {
        (Some(o), Some(r)) => format!("{o} ({r})"),
        (Some(o), None) => o.clone(),
        (None, Some(r)) => format!("({r})"),
        (None, None) => "(untitled decision)".into(),
    };
    writeln!(out, "{}", style.bold(&title))?;
    let field = |out: &mut dyn Write, name: &str, value: Option<String>| -> std::io::Result<()> {
        match value {
            Some(v) => writeln!(out, "{name:<14} {v}"),
            None => Ok(()),
        }
    };
    field(
        out,
        "Category:",
        crate::index::document::category_label(d.category.as_deref(), d.subcategory.as_deref()),
    )?;
    field(out, "Decision:", d.outcome.clone())?;
    field(out, "Decision date:", d.decision_date.map(|x| x.to_string()))?;
    field(out, "Complainant:", d.complainant.clone())?;
    field(
        out,
        "Total payment:",
        (d.total_payment_pence > 0).then(|| money(d.total_payment_pence)),
    )?;
    field(out, "URL:", d.source.url.clone())?;
    field(out, "Source:", d.source.path.clone())?;
    field(out, "SHA-256:", Some(d.source.sha256.clone()))?;
    if let Some(s) = &d.summary {
        writeln!(out, "\n{}", style.bold("Summary"))?;
        writeln!(out, "{s}")?;
    }
    for section in &d.sections {
        writeln!(
            out,
            "\n{}",
            style.bold(section.heading.as_deref().unwrap_or("(before the first heading)"))
        )?;
        for p in &section.paragraphs {
            let text = p.text.replace('\n', "\n      ");
            writeln!(out, "{:>4}. {text}", p.number)?;
        }
    }
    if let Some(by) = &d.decided_by {
        writeln!(out, "\n{by}")?;
    }
    let findings = |out: &mut dyn Write, name: &str, list: &[crate::Finding]| -> std::io::Result<()> {
        if list.is_empty() {
            return Ok(());
        }
        writeln!(out, "\n{}", style.bold(name))?;
        for f in list {
            let at = match (f.paragraph, &f.section) {
                (Some(n), _) => format!(" [¶{n}]"),
                (None, _) => " [summary]".into(),
            };
            writeln!(out, "  - {}{at}", f.text)?;
        }
        Ok(())
    };
    findings(out, "Fault found", &d.faults)?;
    findings(out, "No fault found", &d.no_fault_findings)?;
    if !d.remedies.is_empty() {
        writeln!(out, "\n{}", style.bold("Remedies"))?;
        for r in &d.remedies {
            let deadline = r
                .deadline
                .as_ref()
                .map(|x| format!(" (deadline: {})", x.text))
                .unwrap_or_default();
            writeln!(out, "  - [{}] {}{deadline}", r.kind.as_str(), r.text)?;
        }
    }
    if !d.payments.is_empty() {
        writeln!(out, "\n{}", style.bold("Payments"))?;
        for p in &d.payments {
            let to = p.recipient.as_ref().map(|x| format!(" to {x}")).unwrap_or_default();
            let why = p.reason.as_ref().map(|x| format!(" for {x}")).unwrap_or_default();
            writeln!(out, "  - {}{to}{why}", money(p.amount_pence))?;
        }
        writeln!(out, "  total {}", money(d.total_payment_pence))?;
    }
    if !d.legislation.is_empty() {
        writeln!(out, "\n{}", style.bold("Legislation"))?;
        for c in &d.legislation {
            match &c.section {
                Some(s) => writeln!(out, "  - {}, section {s}", c.act)?,
                None => writeln!(out, "  - {}", c.act)?,
            }
        }
    }
    if !d.warnings.is_empty() {
        writeln!(out, "\n{}", style.bold("Warnings"))?;
        for w in &d.warnings {
            writeln!(out, "  - {w}")?;
        }
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ok_money() {
        for (p, want) in [
            (0, "£0.00"),
            (5, "£0.05"),
            (15_958, "£159.58"),
            (100_000, "£1,000.00"),
            (123_456_789, "£1,234,567.89"),
        ] {
            assert_eq!(money(p), want);
        }
    }

    #[test]
    fn ok_fit() {
        assert_eq!(fit("abcdef", 4), "abc…");
        assert_eq!(fit("abc", 4), "abc");
    }
}

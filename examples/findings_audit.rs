//! Coverage audit of the findings rules:
//! `cargo run --example findings_audit -- DIR [DIR …]`.
//!
//! Reads every decision (`.txt`) under each DIR and prints, one line each:
//! - every sentence or list item inside a remedy part of the decision that
//!   produced no remedy, with the reason the rules gave;
//! - every `£` amount that produced no payment, with the reason.
//!
//! The remedy parts are the ones the parser reads: a remedy section ("Agreed
//! action", "Recommendations", …) up to the next closing heading, the
//! paragraphs that state remedies on pages without one ("To remedy the
//! injustice caused …", "we recommend …", "I asked the Council to …"), and
//! the summary's sentences with an agreement or recommendation verb. It
//! ends with a count per reason. See docs/findings.md ("Limits") for what it
//! still prints on the bundled and the generated corpus.
#![allow(
    clippy::print_stdout,
    clippy::print_stderr,
    reason = "a command-line program reports on the terminal"
)]

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use ombuds::parse::candidates::Text;
use ombuds::parse::{findings, money, remedies};
use ombuds::Decision;

/// Where a unit is, and whether it is in a remedy section.
struct Place<'a> {
    file: &'a Path,
    at: String,
    in_section: bool,
}

#[derive(Default)]
struct Audit {
    /// (kind of line, reason) → count
    counts: BTreeMap<(&'static str, String), usize>,
    lines: Vec<String>,
}

impl Audit {
    fn report(&mut self, what: &'static str, place: &Place, text: &str, reason: &str) {
        *self.counts.entry((what, reason.to_owned())).or_default() += 1;
        self.lines.push(format!(
            "{}: {}: {what}: {:?}: {reason}",
            place.file.display(),
            place.at,
            short(text)
        ));
    }
}

fn short(text: &str) -> String {
    let t = text.replace('\n', " / ");
    match t.char_indices().nth(160) {
        Some((i, _)) => format!("{}…", &t[..i]),
        None => t,
    }
}

/// Whether the decision's remedies hold this unit.
fn gave_remedy(d: &Decision, unit: &str) -> bool {
    d.remedies
        .iter()
        .any(|r| r.text.contains(unit) || unit.contains(&r.text))
}

/// Whether the decision's payments hold this sum from this unit.
fn gave_payment(d: &Decision, unit: &str, pence: u64) -> bool {
    d.payments
        .iter()
        .any(|p| p.amount_pence == pence && (p.text.contains(unit) || unit.contains(&p.text)))
}

/// A summary sentence that reads as a remedy: an agreement or a
/// recommendation.
fn agreement_verb(sentence: &str) -> bool {
    let s = sentence.to_ascii_lowercase();
    [
        "agreed",
        "agrees",
        "accepted",
        "accepts",
        "recommend",
        "should",
        "will ",
        "asked",
    ]
    .iter()
    .any(|w| s.contains(w))
}

/// Audits one paragraph (or the summary): its units in a remedy part, and
/// its sums.
fn paragraph(audit: &mut Audit, d: &Decision, place: &Place, text: &str, remedy_part: bool, summary: bool) {
    let t = Text::new(text);
    let mut lead: Option<&str> = None;
    let mut units: Vec<(&str, bool, Option<&str>)> = Vec::new();
    for (li, line) in t.lines.iter().enumerate() {
        if line.bullet {
            units.push((t.line(line), true, lead));
            continue;
        }
        // As the parser reads it: the last sentence of a line introduces a
        // list when it ends with ':' or a list follows it unfinished.
        let next_is_bullet = t.lines.get(li + 1).is_some_and(|l| l.bullet);
        let ss = &t.sentences[line.sentences.clone()];
        for (si, s) in ss.iter().enumerate() {
            let s = t.sentence(s);
            if si + 1 == ss.len() && (s.ends_with(':') || (next_is_bullet && !s.ends_with('.'))) {
                lead = Some(s);
            } else {
                units.push((s, false, None));
            }
        }
    }
    for &(unit, item, lead) in &units {
        let in_part = remedy_part && (!summary || agreement_verb(unit));
        if in_part && !gave_remedy(d, unit) {
            let why = findings::why_no_remedy(unit, item, lead, place.in_section);
            let why = if summary && why.is_none() && !d.remedies.is_empty() {
                Some("the summary is read only when the body gives no remedy, and the body gave some")
            } else {
                why
            };
            let why = why.unwrap_or(
                "reads as a remedy alone, but the decision's reading did not take it (a remedy section or an earlier part gave the remedies, or the same text was counted once)",
            );
            audit.report("no remedy", place, unit, why);
        }
        let (_, rejected) = money::payments_and_rejections(unit, lead);
        for a in money::amounts(unit) {
            if gave_payment(d, unit, a.pence) {
                continue;
            }
            let sum = &unit[a.start..a.end];
            let why = if !in_part {
                "outside the remedy parts (narrative)".to_owned()
            } else if let Some(why) = findings::why_no_remedy(unit, item, lead, place.in_section) {
                format!("its sentence gives no remedy: {why}")
            } else if let Some((_, why)) = rejected.iter().find(|(r, _)| r.start == a.start) {
                (*why).to_owned()
            } else if !gave_remedy(d, unit) {
                "its sentence was not taken as a remedy (see above)".to_owned()
            } else {
                "its sentence is a remedy of another kind than financial".to_owned()
            };
            audit.report("no payment", place, &format!("{sum} in: {unit}"), &why);
        }
    }
}

fn audit_file(audit: &mut Audit, file: &Path) {
    let src = match ombuds::source::SourceText::read(file, None) {
        Ok(src) => src,
        Err(e) => {
            eprintln!("{e}");
            return;
        }
    };
    let d = match ombuds::parse_source(&src) {
        Ok(d) => d,
        Err(e) => {
            eprintln!("{e}");
            return;
        }
    };
    let has_section = d
        .sections
        .iter()
        .any(|s| s.heading.as_deref().is_some_and(remedies::is_remedy_heading));
    if let Some(summary) = &d.summary {
        let place = Place {
            file,
            at: "summary".to_owned(),
            in_section: false,
        };
        paragraph(audit, &d, &place, summary, true, true);
    }
    let mut in_remedy = false;
    for section in &d.sections {
        match section.heading.as_deref() {
            Some(h) if remedies::is_remedy_heading(h) => in_remedy = true,
            Some(h) if remedies::is_end_heading(h) => in_remedy = false,
            _ => {}
        }
        for p in &section.paragraphs {
            let place = Place {
                file,
                at: format!(
                    "paragraph {} ({})",
                    p.number,
                    section.heading.as_deref().unwrap_or("no heading")
                ),
                in_section: in_remedy,
            };
            let part = in_remedy || (!has_section && remedies::is_remedy_lead(&p.text));
            paragraph(audit, &d, &place, &p.text, part, false);
        }
    }
}

fn files(dir: &Path, out: &mut Vec<PathBuf>) {
    for entry in walkdir::WalkDir::new(dir).sort_by_file_name().into_iter().flatten() {
        if entry.file_type().is_file() && entry.path().extension().is_some_and(|e| e == "txt") {
            out.push(entry.into_path());
        }
    }
}

fn main() {
    let dirs: Vec<PathBuf> = std::env::args_os().skip(1).map(PathBuf::from).collect();
    if dirs.is_empty() {
        eprintln!("usage: cargo run --example findings_audit -- DIR [DIR …]");
        std::process::exit(2);
    }
    let mut all = Vec::new();
    for dir in &dirs {
        files(dir, &mut all);
    }
    let mut audit = Audit::default();
    for file in &all {
        audit_file(&mut audit, file);
    }
    for line in &audit.lines {
        println!("{line}");
    }
    println!("\n{} decisions; what the audit printed, by reason:", all.len());
    for ((what, why), n) in &audit.counts {
        println!("{n:>6}  {what}: {why}");
    }
}

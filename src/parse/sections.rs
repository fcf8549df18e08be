//! `parse::sections`: takes the body [`Block`]s and returns the sections with
//! continuously numbered paragraphs, the summary of old-style pages, the
//! signature (`decided_by`) and the complainant's pseudonym.

use std::sync::LazyLock;

use regex::Regex;

use crate::blocks::Block;
use crate::parse::record::{Paragraph, Section};

/// The body of a decision in record form.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Body {
    /// Headed sections; paragraphs before the first heading form a section
    /// whose heading is `None`.
    pub sections: Vec<Section>,
    /// The last signature line.
    pub decided_by: Option<String>,
    /// On a page with no `Summary:` line, the opening paragraph before the
    /// first heading (taken out of `sections`).
    pub opening: Option<String>,
}

/// Builds sections from blocks. `take_opening` takes the first paragraph
/// before any heading as the summary (2016-era pages with no `Summary:`
/// line, `corpus/excerpts/057.txt`).
pub fn body(blocks: &[Block], take_opening: bool) -> Body {
    build(blocks.iter().cloned(), take_opening)
}

/// [`body`] that moves the blocks' text into the record instead of copying
/// it.
pub fn body_owned(blocks: Vec<Block>, take_opening: bool) -> Body {
    build(blocks.into_iter(), take_opening)
}

fn build(blocks: impl Iterator<Item = Block>, take_opening: bool) -> Body {
    let mut out = Body::default();
    let mut number = 0u32;
    let mut current: Option<Section> = None;
    for block in blocks {
        match block {
            Block::Heading { text, .. } => {
                if let Some(s) = current.take() {
                    out.sections.push(s);
                }
                current = Some(Section {
                    heading: Some(text),
                    paragraphs: Vec::new(),
                });
            }
            Block::Paragraph { text, .. } => {
                if take_opening && out.opening.is_none() && out.sections.is_empty() && current.is_none() && number == 0
                {
                    out.opening = Some(text);
                    continue;
                }
                number += 1;
                current
                    .get_or_insert_with(Section::default)
                    .paragraphs
                    .push(Paragraph { number, text });
            }
            Block::Signature { text, .. } => out.decided_by = Some(text),
        }
    }
    if let Some(s) = current {
        out.sections.push(s);
    }
    out
}

/// The summary of an investigation report, whose text has no `Summary:`
/// line: the first paragraph under its `Report summary` heading
/// (`corpus/regressions/report-title.txt`). The paragraph stays in its section.
pub fn report_summary(sections: &[Section]) -> Option<String> {
    sections
        .iter()
        .find(|s| {
            s.heading
                .as_deref()
                .is_some_and(|h| h.trim().eq_ignore_ascii_case("report summary"))
        })
        .and_then(|s| s.paragraphs.first())
        .map(|p| p.text.clone())
}

/// `Mr and Mrs X`, `Miss B`, `Ms E`, `Mrs C`, `Dr Y`: a title and one capital
/// letter, the LGSCO's way of naming people in every decision since 2013.
const PSEUDONYM: &str =
    r"(?:Mr and Mrs|Mr & Mrs|Mrs and Mr|Mr and Mr|Mrs and Mrs|Mr|Mrs|Miss|Ms|Mx|Dr)\s+[A-Z](?-u:\b)";

/// `Company D`, `Business B`, `Charity C`: how decisions name a complainant
/// that is not a person (corpus/regressions/complainant-a-company.txt).
/// Only where a decision names its complainant so, or that body complains:
/// a contractor called `Company Z` elsewhere is no complainant.
const BODY_PSEUDONYM: &str = r"(?:Company|Business|Firm|Charity|Organisation|Partnership|Society|Association|Club|Developer|Landlord)\s+[A-Z](?-u:\b)";

static NAMED_AS: LazyLock<Regex> = LazyLock::new(|| {
    // `The complainant, whom I refer to as Miss B,` (seed 000); `I have called
    // the complainant ‘Miss X’` (excerpt 022); `The complainant, Mrs C, says`
    // (excerpt 066); `who I will refer to as Mrs X` (excerpt 079); `A company,
    // which I will call Company D,`.
    Regex::new(&format!(
        r"(?:refer(?:red)? to (?:him|her|them|it|the complainant)? ?as|call(?:ed)? (?:him|her|them|it|the complainant)|(?:which|who|whom) (?:I|we) (?:will |shall |have )?call(?:ed)?|(?:I|we) (?:will|shall|have) call(?:ed)?|complainant,)\s*['‘“]?(?P<p>{PSEUDONYM}|{BODY_PSEUDONYM})"
    ))
    .expect("valid regex")
});

static COMPLAINS: LazyLock<Regex> = LazyLock::new(|| {
    // `Mr X complained …`, `Ms E complains …`, `Mrs X says …`, `Company D complains …`.
    Regex::new(&format!(
        r"(?P<p>{PSEUDONYM}|{BODY_PSEUDONYM})\s+(?:complain|complained|complains|say|says|said|told|wants|asked)(?-u:\b)"
    ))
    .expect("valid regex")
});

static ANY: LazyLock<Regex> = LazyLock::new(|| Regex::new(&format!(r"(?P<p>{PSEUDONYM})")).expect("valid regex"));

/// The complainant's pseudonym. Looks, in order, for an explicit naming
/// (`whom I refer to as Miss B`), then for a pseudonym that complains or says
/// something, then for the first pseudonym at all; in the summary and the
/// first section (`The complaint`), in that order.
pub fn complainant(summary: Option<&str>, sections: &[Section]) -> Option<String> {
    let complaint: String = sections
        .iter()
        .find(|s| {
            s.heading
                .as_deref()
                .is_some_and(|h| h.to_lowercase().starts_with("the complaint"))
        })
        .or_else(|| sections.first())
        .map(|s| {
            s.paragraphs
                .iter()
                .take(4)
                .map(|p| p.text.as_str())
                .collect::<Vec<_>>()
                .join("\n")
        })
        .unwrap_or_default();
    let texts = [summary.unwrap_or(""), complaint.as_str()];
    for text in texts {
        if let Some(c) = NAMED_AS.captures(text) {
            return c.name("p").map(|m| normalise_spaces(m.as_str()));
        }
    }
    // The pseudonym of `COMPLAINS` is its match up to the white space before
    // the verb (which holds none), and that of `ANY` its whole match: `find`
    // spares the capture engine, which ran on nearly every decision.
    for text in texts {
        if let Some(m) = COMPLAINS.find(text) {
            let p = m.as_str().trim_end_matches(|c: char| !c.is_whitespace());
            return Some(normalise_spaces(p));
        }
    }
    for text in texts {
        if let Some(m) = ANY.find(text) {
            return Some(normalise_spaces(m.as_str()));
        }
    }
    None
}

fn normalise_spaces(s: &str) -> String {
    s.split_whitespace().collect::<Vec<_>>().join(" ")
}

#[cfg(test)]
mod tests {
    use super::*;

    fn section(heading: &str, paras: &[&str]) -> Section {
        Section {
            heading: Some(heading.to_owned()),
            paragraphs: paras
                .iter()
                .enumerate()
                .map(|(i, t)| Paragraph {
                    number: u32::try_from(i).unwrap_or(0) + 1,
                    text: (*t).to_owned(),
                })
                .collect(),
        }
    }

    #[test]
    fn ok_report_summary() {
        let section = |h: Option<&str>, p: &[&str]| Section {
            heading: h.map(str::to_owned),
            paragraphs: p
                .iter()
                .zip(1..)
                .map(|(t, number)| Paragraph {
                    number,
                    text: (*t).to_owned(),
                })
                .collect(),
        };
        let sections = [
            section(Some("The Ombudsman's role"), &["For more than 40 years."]),
            section(Some("Report summary"), &["Mrs B complains.", "More."]),
        ];
        assert_eq!(report_summary(&sections).as_deref(), Some("Mrs B complains."));
        for sections in [
            vec![section(Some("Summary of events"), &["Mrs B complains."])],
            vec![section(Some("Report summary"), &[])],
            vec![section(None, &["Mrs B complains."])],
        ] {
            assert_eq!(report_summary(&sections), None, "{sections:?}");
        }
    }

    #[test]
    fn ok_complainant() {
        let cases: &[(Option<&str>, &[&str], &str)] = &[
            (
                Some("Mr X complained the Council wrongly decided his father Mr Y had deprived himself."),
                &[],
                "Mr X",
            ),
            (
                Some("Mr and Mrs X complain the Council was at fault."),
                &[],
                "Mr and Mrs X",
            ),
            (
                Some("The Council was at fault for not visiting Miss B’s children."),
                &["The complainant, whom I refer to as Miss B, complains."],
                "Miss B",
            ),
            (
                Some("We will not investigate this complaint."),
                &["I have called the complainant ‘Miss X’. Her complaint concerns Y."],
                "Miss X",
            ),
            (
                Some("We will not investigate."),
                &["The complainant, Mrs C, says the Council is at fault."],
                "Mrs C",
            ),
            (
                Some("The Council failed Mrs Y. Mrs X complained about it."),
                &[],
                "Mrs X",
            ),
        ];
        for (summary, paras, want) in cases {
            let sections = vec![section("The complaint", paras)];
            assert_eq!(complainant(*summary, &sections).as_deref(), Some(*want), "{summary:?}");
        }
    }

    #[test]
    fn ok_complainant_a_body() {
        for (summary, want) in [
            (
                "A company, which I will call Company D, complained the Council delayed its licence.",
                "Company D",
            ),
            ("Business B complained about its business rates.", "Business B"),
            (
                "The complainant, a charity we have called Charity C, says the Council delayed.",
                "Charity C",
            ),
            ("Mr X complains on behalf of Company Y.", "Mr X"),
        ] {
            assert_eq!(complainant(Some(summary), &[]).as_deref(), Some(want), "{summary}");
        }
    }

    #[test]
    fn err_complainant_a_body() {
        for summary in [
            "The Council's contractor, Company Z, repaired the road late.",
            "The Council did not tell Business B about the change.",
            "We called the Council's contractor, Company E, to check.",
        ] {
            assert_eq!(complainant(Some(summary), &[]), None, "{summary}");
        }
    }

    #[test]
    fn err_complainant() {
        let cases: &[(Option<&str>, &[&str])] = &[
            (
                Some("A man complains he was banned from visiting."),
                &["The man complains."],
            ),
            (
                Some("We will not investigate this complaint about Mr Smith's planning application."),
                &[],
            ),
            (None, &[]),
        ];
        for (summary, paras) in cases {
            let sections = vec![section("The complaint", paras)];
            assert_eq!(complainant(*summary, &sections), None, "{summary:?}");
        }
    }

    #[test]
    fn ok_body_numbering_and_opening() {
        let blocks = vec![
            Block::Paragraph {
                text: "Opening.".into(),
                line: 1,
            },
            Block::Heading {
                text: "The complaint".into(),
                line: 2,
            },
            Block::Paragraph {
                text: "One.".into(),
                line: 3,
            },
            Block::Heading {
                text: "What I found".into(),
                line: 4,
            },
            Block::Paragraph {
                text: "Two.".into(),
                line: 5,
            },
            Block::Signature {
                text: "Investigator's decision on behalf of the Ombudsman".into(),
                line: 6,
            },
        ];
        let b = body(&blocks, true);
        assert_eq!(b.opening.as_deref(), Some("Opening."));
        assert_eq!(b.sections.len(), 2);
        assert_eq!(b.sections[1].paragraphs[0].number, 2);
        assert_eq!(
            b.decided_by.as_deref(),
            Some("Investigator's decision on behalf of the Ombudsman")
        );
        let b = body(&blocks, false);
        assert_eq!(b.opening, None);
        assert_eq!(b.sections[0].heading, None);
        assert_eq!(b.sections[2].paragraphs[0].number, 3);
    }
}

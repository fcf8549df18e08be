//! Marks on a decision page: takes the query a reader arrived with and
//! returns the words to highlight (the index's own stems, so `complaints`
//! marks `complained`), cuts text into marked and unmarked pieces, and finds
//! the paragraph that states each remedy, payment and citation (the record
//! ties only findings to paragraphs).

use std::cell::RefCell;
use std::collections::HashSet;

use tantivy::tokenizer::TextAnalyzer;

use crate::index::query::build_query;
use crate::index::{Filters, OmbudsIndex};
use crate::{Citation, Decision};

/// The words of a query, as the index stems them.
pub struct Words {
    stems: HashSet<String>,
    analyzer: RefCell<TextAnalyzer>,
}

impl std::fmt::Debug for Words {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Words").field("stems", &self.stems).finish()
    }
}

impl Words {
    /// The words `query` looks for in the summary and body, the same terms
    /// search snippets highlight; `None` when it looks for none or does not parse.
    pub fn of_query(idx: &OmbudsIndex, query: &str) -> Option<Words> {
        let q = build_query(idx, Some(query), &Filters::default()).ok()?;
        let fields = [idx.fields.summary, idx.fields.body];
        let mut stems = HashSet::new();
        q.query_terms(&mut |term, _| {
            if fields.contains(&term.field()) {
                if let Some(s) = term.value().as_str() {
                    stems.insert(s.to_owned());
                }
            }
        });
        if stems.is_empty() {
            return None;
        }
        let analyzer = idx.index.tokenizer_for_field(idx.fields.body).ok()?;
        Some(Words {
            stems,
            analyzer: RefCell::new(analyzer),
        })
    }

    /// `text` cut into pieces, each marked when it is one of the words.
    pub fn pieces<'t>(&self, text: &'t str) -> Vec<(&'t str, bool)> {
        let mut ranges = Vec::new();
        {
            let mut analyzer = self.analyzer.borrow_mut();
            let mut stream = analyzer.token_stream(text);
            stream.process(&mut |t| {
                if self.stems.contains(&t.text) {
                    ranges.push((t.offset_from, t.offset_to));
                }
            });
        }
        cut(text, &ranges)
    }
}

/// `text` cut at `ranges` (byte offsets, in order): the ranges marked.
/// Ranges that overlap, run backwards or split a character are skipped.
pub fn cut<'t>(text: &'t str, ranges: &[(usize, usize)]) -> Vec<(&'t str, bool)> {
    let mut out = Vec::new();
    let mut at = 0;
    for &(s, e) in ranges {
        if s < at || e <= s || e > text.len() || !text.is_char_boundary(s) || !text.is_char_boundary(e) {
            continue;
        }
        if s > at {
            out.push((&text[at..s], false));
        }
        out.push((&text[s..e], true));
        at = e;
    }
    if at < text.len() {
        out.push((&text[at..], false));
    }
    out
}

/// Where a passage of a decision is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Anchor {
    /// In the summary (`#summary`).
    Summary,
    /// In numbered paragraph N (`#pN`).
    Paragraph(u32),
}

impl Anchor {
    /// The fragment identifier, without `#`.
    pub fn id(self) -> String {
        match self {
            Anchor::Summary => "summary".into(),
            Anchor::Paragraph(n) => format!("p{n}"),
        }
    }
}

fn collapse(s: &str) -> String {
    s.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// The first paragraph holding `passage` (white space aside), else the
/// summary if it holds it. Remedies and payments are sentences or list items
/// cut from the text, so they are found whole; an item read with its
/// sub-items ("… carried out with:" and "i. staff in …", excerpt 049), whose
/// markers the paragraph keeps, is found by its first line.
pub fn locate(d: &Decision, passage: &str) -> Option<Anchor> {
    locate_whole(d, passage).or_else(|| {
        let (first, rest) = passage.split_once('\n')?;
        (!rest.trim().is_empty()).then_some(())?;
        locate_whole(d, first)
    })
}

fn locate_whole(d: &Decision, passage: &str) -> Option<Anchor> {
    let needle = collapse(passage);
    if needle.is_empty() {
        return None;
    }
    d.sections
        .iter()
        .flat_map(|s| &s.paragraphs)
        .find(|p| collapse(&p.text).contains(&needle))
        .map(|p| Anchor::Paragraph(p.number))
        .or_else(|| {
            d.summary
                .as_deref()
                .filter(|s| collapse(s).contains(&needle))
                .map(|_| Anchor::Summary)
        })
}

/// The first paragraph that names the act of `c` and its section, else the
/// first that names the act, else the summary if it does.
pub fn locate_citation(d: &Decision, c: &Citation) -> Option<Anchor> {
    let act = collapse(&c.act).to_lowercase();
    if act.is_empty() {
        return None;
    }
    let section = c.section.as_deref().map(|s| collapse(s).to_lowercase());
    let paragraphs = || d.sections.iter().flat_map(|s| &s.paragraphs);
    let text = |t: &str| collapse(t).to_lowercase();
    let with_section = section.as_ref().and_then(|sec| {
        paragraphs().find(|p| {
            let t = text(&p.text);
            t.contains(&act) && t.contains(sec.as_str())
        })
    });
    with_section
        .or_else(|| paragraphs().find(|p| text(&p.text).contains(&act)))
        .map(|p| Anchor::Paragraph(p.number))
        .or_else(|| {
            d.summary
                .as_deref()
                .filter(|s| text(s).contains(&act))
                .map(|_| Anchor::Summary)
        })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::{Paragraph, Section};

    #[test]
    fn ok_cut() {
        assert_eq!(
            cut("a big dog", &[(2, 5)]),
            vec![("a ", false), ("big", true), (" dog", false)]
        );
        assert_eq!(cut("big", &[(0, 3)]), vec![("big", true)]);
        assert_eq!(cut("", &[]), Vec::<(&str, bool)>::new());
    }

    #[test]
    fn err_cut_skips_bad_ranges() {
        // Overlapping, backwards, past the end, inside a character.
        for ranges in [vec![(0, 3), (1, 2)], vec![(3, 1)], vec![(2, 99)], vec![(1, 2)]] {
            let text = if ranges == vec![(1, 2)] { "£5" } else { "abcdef" };
            let pieces = cut(text, &ranges);
            let joined: String = pieces.iter().map(|(s, _)| *s).collect();
            assert_eq!(joined, text, "{ranges:?}");
            assert!(pieces.iter().filter(|(_, m)| *m).count() <= 1, "{ranges:?}");
        }
    }

    fn decision() -> Decision {
        Decision {
            summary: Some("The Council  agreed to pay £100.".into()),
            sections: vec![Section {
                heading: Some("What I found".into()),
                paragraphs: vec![
                    Paragraph {
                        number: 1,
                        text: "Section 47 of the Children Act 1989 applies.".into(),
                    },
                    Paragraph {
                        number: 2,
                        text: "The Council should:\napologise to Miss B; and\npay her £250.".into(),
                    },
                    Paragraph {
                        number: 3,
                        text: "Under section 17 of the Children Act 1989 the Council must assess.".into(),
                    },
                ],
            }],
            ..Decision::default()
        }
    }

    #[test]
    fn ok_locate() {
        let d = decision();
        for (passage, want) in [
            ("apologise to Miss B; and", Some(Anchor::Paragraph(2))),
            ("The Council should: apologise", Some(Anchor::Paragraph(2))),
            ("The Council agreed to pay £100.", Some(Anchor::Summary)),
            // An item read with its sub-items, which the paragraph marks.
            (
                "Under section 17 of the Children Act 1989\ni. the Council",
                Some(Anchor::Paragraph(3)),
            ),
        ] {
            assert_eq!(locate(&d, passage), want, "{passage}");
        }
        let cite = |act: &str, section: Option<&str>| Citation {
            act: act.into(),
            section: section.map(Into::into),
        };
        for (c, want) in [
            (cite("children act 1989", None), Anchor::Paragraph(1)),
            (cite("Children Act 1989", Some("47")), Anchor::Paragraph(1)),
            (cite("Children Act 1989", Some("17")), Anchor::Paragraph(3)),
            (cite("Children Act 1989", Some("20")), Anchor::Paragraph(1)),
        ] {
            assert_eq!(locate_citation(&d, &c), Some(want), "{c:?}");
        }
        assert_eq!(Anchor::Paragraph(2).id(), "p2");
    }

    #[test]
    fn err_locate_finds_nothing_for_absent_text() {
        let d = decision();
        for passage in [
            "",
            "  ",
            "pay him £250",
            "Care Act 2014",
            "pay him £250\napologise to Miss B",
        ] {
            assert_eq!(locate(&d, passage), None, "{passage}");
            let c = Citation {
                act: passage.into(),
                section: None,
            };
            assert_eq!(locate_citation(&d, &c), None, "{passage}");
        }
    }
}

//! Hits: takes a matching document (its stored record) and the query and
//! returns a [`Hit`]: the record's headline fields and a highlighted snippet.

use serde::Serialize;
use std::collections::{BTreeMap, BTreeSet};

use tantivy::query::Query;
use tantivy::schema::Field;
use tantivy::snippet::{Snippet, SnippetGenerator};
use tantivy::tokenizer::TextAnalyzer;
use tantivy::{Score, Searcher, Term};

use crate::index::document::body_text;
use crate::Decision;

/// Longest snippet, in characters.
pub const SNIPPET_CHARS: usize = 200;

/// One search result.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Hit {
    /// The case reference.
    pub reference: Option<String>,
    /// The body complained about.
    pub organisation: Option<String>,
    /// The decision date.
    pub decision_date: Option<jiff::civil::Date>,
    /// The outcome as printed.
    pub outcome: Option<String>,
    /// The category.
    pub category: Option<String>,
    /// The subcategory.
    pub subcategory: Option<String>,
    /// Sum of the payments, in pence; `None` when the decision states no
    /// payment (`Some(0)` only when it states a sum of nothing).
    pub total_payment_pence: Option<u64>,
    /// Relevance score (BM25; the same for every hit when there is no query string).
    pub score: f32,
    /// A passage of the summary or body around the matching words, as plain text.
    pub snippet: String,
    /// Byte ranges of `snippet` that match the query.
    pub highlights: Vec<(usize, usize)>,
    /// The LGSCO page address, when known.
    pub url: Option<String>,
    /// The index key of a decision with no reference (`sha256:` and the hash
    /// of its source), which `ombuds show` and the web page's
    /// `/decisions/KEY` accept; absent when there is a reference.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub key: Option<String>,
}

/// A snippet generator for the words `query` looks for in the summary or the
/// body (Tantivy's own `SnippetGenerator::create` takes the words of one field).
pub fn snippet_generator(
    searcher: &Searcher,
    query: &dyn Query,
    fields: &[Field],
    analyzer: TextAnalyzer,
) -> tantivy::Result<Snippets> {
    let mut terms: BTreeSet<Term> = BTreeSet::new();
    query.query_terms(&mut |term, _| {
        if fields.contains(&term.field()) {
            terms.insert(term.clone());
        }
    });
    let mut words: BTreeMap<String, Score> = BTreeMap::new();
    for term in terms {
        let Some(text) = term.value().as_str().map(str::to_owned) else {
            continue;
        };
        let freq = searcher.doc_freq(&term)?;
        if freq > 0 {
            // Rarer words make better snippets; keep the best score of a word found in several fields.
            let score = 1.0 / (1.0 + freq as Score);
            let e = words.entry(text).or_insert(score);
            *e = e.max(score);
        }
    }
    let first = fields.first().copied().unwrap_or(Field::from_field_id(0));
    let words_sought = words.len();
    Ok(Snippets {
        generator: SnippetGenerator::new(words, analyzer, first, SNIPPET_CHARS),
        words_sought,
    })
}

/// Cuts snippets for one query.
pub struct Snippets {
    generator: SnippetGenerator,
    words_sought: usize,
}

impl std::fmt::Debug for Snippets {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Snippets")
            .field("words_sought", &self.words_sought)
            .finish()
    }
}

/// How many different words a snippet highlights.
fn distinct_words(s: &Snippet) -> usize {
    let set: BTreeSet<String> = s
        .highlighted()
        .iter()
        .filter_map(|r| s.fragment().get(r.clone()))
        .map(str::to_lowercase)
        .collect();
    set.len()
}

impl Snippets {
    /// The best passage: from the summary when it holds every word sought
    /// (it is short and says what the decision is about), else whichever of
    /// summary and body highlights more different words.
    fn best(&self, d: &Decision) -> Option<Snippet> {
        let summary = d.summary.as_deref().map(|t| self.generator.snippet(t));
        let in_summary = summary.as_ref().map_or(0, distinct_words);
        if in_summary >= self.words_sought && in_summary > 0 {
            return summary;
        }
        let body = self.generator.snippet(&body_text(d));
        let chosen = if distinct_words(&body) > in_summary {
            Some(body)
        } else {
            summary
        };
        chosen.filter(|s| !s.highlighted().is_empty())
    }
}

/// What a snippet shows where it joins two pieces of text that the decision
/// keeps apart (paragraphs, headings, list items), so that "…within the
/// legally set timeframes" and "The records show…" do not read as one
/// sentence.
pub const JOIN: &str = " … ";

/// The first `max` characters of `text` on word boundaries, white space
/// collapsed and line breaks shown as [`JOIN`].
fn opening(text: &str, max: usize) -> String {
    let mut out = String::new();
    let mut chars = 0;
    for line in text.lines() {
        for (i, word) in line.split_whitespace().enumerate() {
            let sep = match (out.is_empty(), i) {
                (true, _) => "",
                (false, 0) => JOIN,
                (false, _) => " ",
            };
            let add = sep.chars().count() + word.chars().count();
            if chars + add > max {
                out.push('…');
                return out;
            }
            out.push_str(sep);
            out.push_str(word);
            chars += add;
        }
    }
    out
}

/// Makes the hit for `decision`; `snippets` highlights the query's words
/// (none when the search has no query string).
pub fn make_hit(decision: Decision, score: f32, snippets: Option<&Snippets>) -> Hit {
    let matched = snippets
        .and_then(|g| g.best(&decision))
        .map(|s| tidy(s.fragment(), s.highlighted()));
    let key = Some(crate::index::document::decision_key(&decision)).filter(|k| k.starts_with("sha256:"));
    let (snippet, highlights) = matched.unwrap_or_else(|| {
        let summary = decision.summary.clone().unwrap_or_else(|| body_text(&decision));
        (opening(&summary, SNIPPET_CHARS), Vec::new())
    });
    Hit {
        reference: decision.reference,
        organisation: decision.organisation,
        decision_date: decision.decision_date,
        outcome: decision.outcome,
        category: decision.category,
        subcategory: decision.subcategory,
        total_payment_pence: (!decision.payments.is_empty()).then_some(decision.total_payment_pence),
        score,
        snippet,
        highlights,
        url: decision.source.url,
        key,
    }
}

/// Collapses white space in a fragment, showing each line break (a join of
/// paragraphs, headings or list items) as [`JOIN`], and moves the highlight
/// ranges with it.
fn tidy(fragment: &str, ranges: &[std::ops::Range<usize>]) -> (String, Vec<(usize, usize)>) {
    let mut out = String::with_capacity(fragment.len());
    let mut map = vec![0usize; fragment.len() + 1];
    // The white space run being skipped: none, spaces only, or a line break.
    let mut gap: Option<bool> = None;
    for (i, c) in fragment.char_indices() {
        if c.is_whitespace() {
            let newline = c == '\n' || c == '\r';
            gap = Some(gap.unwrap_or(false) || newline);
            map[i] = out.len();
            continue;
        }
        if let Some(newline) = gap.take() {
            if !out.is_empty() {
                out.push_str(if newline { JOIN } else { " " });
            }
        }
        map[i] = out.len();
        out.push(c);
    }
    map[fragment.len()] = out.len();
    let highlights = ranges
        .iter()
        .filter(|r| r.end <= fragment.len())
        .map(|r| (map[r.start].min(out.len()), map[r.end].min(out.len())))
        .filter(|(s, e)| s < e)
        .collect();
    (out, highlights)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ok_tidy_moves_ranges() {
        let (s, h) = tidy("a\n\nbig  dog", &[3..6, 8..11]);
        assert_eq!(s, "a … big dog");
        assert_eq!(h, vec![(6, 9), (10, 13)]);
        assert_eq!(&s[h[0].0..h[0].1], "big");
        assert_eq!(&s[h[1].0..h[1].1], "dog");
    }

    #[test]
    fn ok_tidy_marks_joins_of_paragraphs_only() {
        for (fragment, want) in [
            (
                "distress.\nComplete the assessments within the legally set timeframes\nThe records show",
                "distress. … Complete the assessments within the legally set timeframes … The records show",
            ),
            ("one  two\tthree", "one two three"),
            ("\n\nleading and trailing\n", "leading and trailing"),
            ("a \r\n b", "a … b"),
            ("", ""),
        ] {
            assert_eq!(tidy(fragment, &[]).0, want, "{fragment:?}");
        }
    }

    #[test]
    fn err_tidy_drops_ranges_outside_the_fragment() {
        let (s, h) = tidy("ab", &[0..1, 1..5, 2..2]);
        assert_eq!(s, "ab");
        assert_eq!(h, vec![(0, 1)]);
    }

    #[test]
    fn ok_opening_cuts_on_words() {
        assert_eq!(opening("one two three", 8), "one two…");
        assert_eq!(opening("one two", 80), "one two");
        assert_eq!(opening("", 8), "");
        assert_eq!(
            opening("What I found\nThe records show", 80),
            "What I found … The records show"
        );
        assert_eq!(opening("one\ntwo three", 9), "one … two…");
    }
}

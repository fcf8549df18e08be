//! Stage 2, `clean`: takes decoded text and returns [`Cleaned`]: its lines with
//! page boilerplate removed and each kept line's original line number.
//!
//! Boilerplate is what the LGSCO web page wraps around every decision: the
//! `Back to top` links between sections, `Print this page`, the logo's alt text
//! (`LGO logogram`), the cookie banner (whether it comes before the decision,
//! as in `corpus/excerpts/066.txt`, or after it, as in every seed), and a table
//! of contents of section names right under the title
//! (`corpus/excerpts/022.txt`).

use std::sync::LazyLock;

use regex::Regex;

/// One kept line of the source, borrowed from it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Line<'a> {
    /// 1-based line number in the decoded source text.
    pub number: usize,
    /// Leading white space, in characters (a tab counts as four).
    pub indent: usize,
    /// The line without leading or trailing white space.
    pub text: &'a str,
}

/// The text with boilerplate gone. Blank lines are kept as empty `text`: some
/// layouts separate paragraphs with them.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Cleaned<'a> {
    /// Kept lines, in order.
    pub lines: Vec<Line<'a>>,
    /// How many non-blank lines were removed as boilerplate.
    pub removed: usize,
}

/// Whole lines that are page furniture, never decision text. Compared after
/// trimming and case folding. Seen in every seed (after the decision) and in
/// `corpus/excerpts/066.txt` (before it).
const BOILERPLATE_LINES: &[&str] = &[
    "back to top",
    "print this page",
    "lgo logogram",
    "privacy settings",
    "review your privacy settings",
    "required cookies",
    "view required cookies",
    "analytical cookies",
    "view analytical cookies",
    "we recommend you set these 'on'.",
    "we recommend you set these ‘on’.",
    "skip to main content",
    "save and close",
    "accept all cookies",
    "reject all cookies",
    "accept all",
    "reject all",
    "cookie settings",
    "share this page",
];

/// Cookie-banner paragraphs, matched by their opening words so that a change
/// later in the sentence does not let them through.
const BOILERPLATE_PREFIXES: &[&str] = &[
    "these cookies enable the website to function properly",
    "google analytics cookies help us improve",
    "in using google analytics, we do not collect",
    "we use cookies to ",
    "we'd like to set additional cookies",
    "we would like to set additional cookies",
];

static TITLE_LIKE: LazyLock<Regex> = LazyLock::new(|| {
    // A title line: `Body name (23 017 456)` or the reference alone.
    Regex::new(r"^(?:.+\(\s*)?\d{2}\s?\d{3}\s?\d{3}[a-zA-Z]?\s*\)?\s*$").expect("valid regex")
});

/// Removes boilerplate, keeping line numbers.
pub fn clean(text: &str) -> Cleaned<'_> {
    let mut out = Cleaned::default();
    // Lines split with memchr's vectorised search (std's `split('\n')` is a
    // byte-at-a-time loop on this path, which runs over every byte).
    let mut start = 0;
    let ends = memchr::memchr_iter(b'\n', text.as_bytes()).chain(std::iter::once(text.len()));
    for (i, end) in ends.enumerate() {
        let raw = &text[start..end];
        start = end + 1;
        let trimmed = raw.trim();
        if is_boilerplate(trimmed) {
            out.removed += 1;
            continue;
        }
        out.lines.push(Line {
            number: i + 1,
            indent: indent_of(raw),
            text: trimmed,
        });
    }
    out.removed += remove_table_of_contents(&mut out.lines);
    // Trailing blank lines carry nothing.
    while out.lines.last().is_some_and(|l| l.text.is_empty()) {
        out.lines.pop();
    }
    out
}

/// True for a line that is page furniture.
pub fn is_boilerplate(line: &str) -> bool {
    // Compared byte-wise, ignoring ASCII case, with no allocation: this runs
    // on every line of every document.
    let line = line.trim_matches(|c: char| c.is_whitespace());
    if line.is_empty() || line.len() > 400 {
        return false;
    }
    // Most lines start with a letter no entry starts with, and stop here.
    static FIRST: LazyLock<[bool; 256]> = LazyLock::new(|| {
        let mut first = [false; 256];
        for entry in BOILERPLATE_LINES.iter().chain(BOILERPLATE_PREFIXES) {
            let b = entry.as_bytes()[0];
            first[usize::from(b.to_ascii_lowercase())] = true;
            first[usize::from(b.to_ascii_uppercase())] = true;
        }
        first
    });
    if !FIRST[usize::from(line.as_bytes()[0])] {
        return false;
    }
    BOILERPLATE_LINES
        .iter()
        .any(|b| b.len() == line.len() && b.eq_ignore_ascii_case(line))
        || BOILERPLATE_PREFIXES
            .iter()
            .any(|p| line.get(..p.len()).is_some_and(|head| head.eq_ignore_ascii_case(p)))
}

fn indent_of(raw: &str) -> usize {
    raw.chars()
        .take_while(|c| c.is_whitespace())
        .map(|c| if c == '\t' { 4 } else { 1 })
        .sum()
}

/// A table of contents is a run of two or more bulleted, heading-like lines
/// between the title and the `Summary:` line (or `The Ombudsman's final
/// decision:`), whose first entry recurs later as a bare heading.
/// Seen in `corpus/excerpts/022.txt`. Returns how many lines it removed.
fn remove_table_of_contents(lines: &mut Vec<Line<'_>>) -> usize {
    let Some(marker) = lines.iter().take(60).position(|l| {
        // ASCII case folding, without a lower-case copy of each line.
        let t = l.text.as_bytes();
        let starts = |p: &str| t.get(..p.len()).is_some_and(|h| h.eq_ignore_ascii_case(p.as_bytes()));
        starts("summary:") || starts("summary :") || is_final_decision_label(l.text)
    }) else {
        return 0;
    };
    let mut start = None;
    let mut end = 0;
    for (i, l) in lines[..marker].iter().enumerate() {
        match toc_entry(l.text) {
            Some(_) if start.is_none() => {
                start = Some(i);
                end = i + 1;
            }
            Some(_) => end = i + 1,
            None if l.text.is_empty() => {}
            None if start.is_some() => break,
            None => {}
        }
    }
    let Some(start) = start else { return 0 };
    let entries: Vec<&str> = lines[start..end].iter().filter_map(|l| toc_entry(l.text)).collect();
    if entries.len() < 2 {
        return 0;
    }
    let first = entries[0];
    if !lines[marker..].iter().any(|l| l.text == first) {
        return 0;
    }
    let removed = entries.len();
    lines.drain(start..end);
    removed
}

/// The text of a table-of-contents entry (`- The complaint`), if it is one.
fn toc_entry(line: &str) -> Option<&str> {
    let rest = line.strip_prefix("- ").or_else(|| line.strip_prefix("• "))?.trim();
    let heading_like = !rest.is_empty()
        && rest.chars().count() <= 80
        && !rest.ends_with(['.', ',', ';', ':'])
        && rest.chars().next().is_some_and(|c| c.is_uppercase());
    (heading_like && !TITLE_LIKE.is_match(rest)).then_some(rest)
}

/// `The Ombudsman's final decision:` (either apostrophe, any ASCII case), the
/// label above the summary. Compared without allocating: it runs on the
/// first lines of every decision.
pub fn is_final_decision_label(text: &str) -> bool {
    let t = text.trim_end_matches(':').trim();
    [
        "the ombudsman's final decision",
        "the ombudsmen's final decision",
        "the ombudsman’s final decision",
        "the ombudsmen’s final decision",
    ]
    .iter()
    .any(|label| label.eq_ignore_ascii_case(t))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ok_boilerplate() {
        for line in [
            "Back to top",
            "  Print this page ",
            "LGO logogram",
            "Privacy settings",
            "Review your privacy settings",
            "Required cookies",
            "View analytical cookies",
            "These cookies enable the website to function properly. You can only disable these.",
            "Google Analytics cookies help us improve the performance of the website.",
            "We recommend you set these 'ON'.",
            "In using Google Analytics, we do not collect or store personal information",
        ] {
            assert!(is_boilerplate(line.trim()), "{line}");
        }
    }

    #[test]
    fn err_boilerplate_is_decision_text() {
        for line in [
            "The complaint",
            "Back to top of the stairs, the officer went.",
            "The Council should review its privacy settings guidance.",
            "Required documents",
            "",
        ] {
            assert!(!is_boilerplate(line), "{line}");
        }
    }

    #[test]
    fn ok_final_decision_label() {
        for line in [
            "The Ombudsman's final decision:",
            "The Ombudsman’s final decision:",
            "THE OMBUDSMEN'S FINAL DECISION",
            "  the ombudsman's final decision  ",
        ] {
            assert!(is_final_decision_label(line), "{line}");
        }
    }

    #[test]
    fn err_final_decision_label() {
        for line in [
            "The Ombudsman's final decision was to uphold it.",
            "The Ombudsmans final decision:",
            "Final decision:",
            "The Ombudsman’s final decision”",
            "",
        ] {
            assert!(!is_final_decision_label(line), "{line}");
        }
    }

    #[test]
    fn ok_line_numbers_kept() {
        let c = clean("A (23 017 456)\nBack to top\n\n  1. Text.\nPrint this page\n");
        let got: Vec<(usize, usize, &str)> = c.lines.iter().map(|l| (l.number, l.indent, l.text)).collect();
        assert_eq!(got, vec![(1, 0, "A (23 017 456)"), (3, 0, ""), (4, 2, "1. Text.")]);
        assert_eq!(c.removed, 2);
    }

    #[test]
    fn ok_table_of_contents_removed() {
        let text = "Hertfordshire County Council (22 011 513)\n- The complaint\n- What I found\n\
                    The Ombudsman's final decision:\nSummary: Miss X complained.\nThe complaint\n- I considered.";
        let c = clean(text);
        let texts: Vec<&str> = c.lines.iter().map(|l| l.text).collect();
        assert_eq!(texts[1], "The Ombudsman's final decision:");
        assert_eq!(c.removed, 2);
    }

    #[test]
    fn err_table_of_contents_kept_when_not_a_table() {
        // Bulleted lines after the summary are body text, never a table of contents.
        let text =
            "X Council (22 011 513)\nSummary: Miss X complained.\nThe complaint\n- The complaint\n- What I found";
        assert_eq!(clean(text).removed, 0);
        // One bullet is not a table.
        let text = "X Council (22 011 513)\n- The complaint\nSummary: s.\nThe complaint\n";
        assert_eq!(clean(text).removed, 0);
        // Entries that never recur as headings are kept.
        let text = "X Council (22 011 513)\n- Alpha\n- Beta\nSummary: s.\nThe complaint\n";
        assert_eq!(clean(text).removed, 0);
    }
}

//! `parse::legislation`: takes decision text and returns the statutes it
//! cites as [`Citation`]s (Act with its year, and the section when one is
//! attached to the mention), deduplicated in order of first mention.

use std::sync::LazyLock;

use regex::Regex;

use crate::parse::record::Citation;

/// An Act's short title with its year: capitalised words joined by small
/// words, ending in "Act" and a year. "Local Government Act 1974" (every
/// seed's role-and-powers paragraph), "Children Act 1989" (seed 002), "Town
/// and Country Planning Act 1990", "Freedom of Information Act 2000",
/// "Chronically Sick and Disabled Persons Act 1970", "Housing (Wales) Act
/// 2014"; Regulations the same way: "Special Educational Needs and
/// Disability Regulations 2014", "Care and Support (Charging and Assessment of
/// Resources) Regulations 2014" (corpus/regressions/regulations-cited.txt).
static ACT: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"(?:[A-Z][A-Za-z’'-]*\s+(?:(?:and|of|the|for|in|on|to|with|etc\.?)\s+|\(No\.?\s*\d+\)\s+|\([A-Z][A-Za-z’'-]*(?:,?\s+(?:and|of|the|for|in|on|to|with|[A-Z][A-Za-z’'-]*))*\)\s+)*)+(?:Act|Regulations)\s+(?:\((?:Scotland|Wales|England|Northern Ireland)\)\s+)?(1[6-9]\d\d|20\d\d)(?-u:\b)",
    )
    .expect("act regex")
});

/// Words that can start a capitalised run but are not part of an Act's
/// title: "Under the Care Act 2014", "The Children Act 1989 says",
/// "Section 47 Children Act 1989".
const LEADING_NOISE: &[&str] = &[
    "The",
    "Under",
    "In",
    "By",
    "Section",
    "Sections",
    "Part",
    "Parts",
    "Schedule",
    "Paragraph",
    "Chapter",
    "See",
    "As",
    "And",
    "Of",
    "For",
    "This",
    "That",
    "When",
    "Where",
    "If",
    "It",
    "Our",
    "Their",
    "His",
    "Her",
    "Both",
    "Also",
    "Using",
    "Following",
    "So",
    "But",
    "However",
    "Although",
    "While",
    "Whilst",
    "Regulation",
    "Regulations",
    "Guidance",
    "Statutory",
    "To",
    "On",
    "With",
    "From",
    "Then",
    "Since",
    "After",
    "Before",
    "Law",
    "Legislation",
    "Councils",
    "A",
    "An",
    "S",
    "Act",
    "Acts",
    "Its",
    "These",
    "Those",
    "There",
    "We",
    "I",
    "Council",
    "Ombudsman",
    "Ombudsman’s",
    "Ombudsman's",
    "Note",
    "Sec",
];

/// One section number: "47", "26A(1)", "30(1B)", "34H(i)", "24A(6)", "34(B)",
/// "26(6)(a)".
const SECTION: &str = r"\d{1,4}[A-Z]{0,3}(?:\([0-9A-Za-z]{1,4}\))*";

/// Sections cited before the Act: "section 47 (S47) of the Children Act
/// 1989" (seed 002), "s.17 of the Children Act 1989", "sections 20 and 22
/// of the Children Act 1989", "Part 7 of the Housing Act 1996" (no section).
static SECTION_BEFORE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(&format!(
        r"(?i)(?-u:\b)(?:sections?|ss?\.)\s*({SECTION}(?:\s*(?:,|and|&|or)\s*{SECTION})*)(?:\s*\([^()]{{0,20}}\))?\s+(?:of|in|under)\s+(?:the\s+)?$"
    ))
    .expect("section-before regex")
});

/// Sections cited after the Act: "(Local Government Act 1974, sections 26(1)
/// and 26A(1), as amended)" (seeds), "Local Government Act 1974, section
/// 24A(6), as amended, section 34(B)" (excerpt 015), "Children Act 1989
/// section 17", "Care Act 2014, s.9", "Children Act 1989 (section 17)".
static SECTION_AFTER: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(&format!(
        r"(?i)^(?:\s*[,(]?\s*(?:as\s+amended\s*,?\s*)?(?:and\s+)?(?:sections?|ss?\.)\s*{SECTION}(?:\s*(?:,|and|&|or)\s*{SECTION})*(?:\s*,?\s*as\s+amended)?)+"
    ))
    .expect("section-after regex")
});

/// The section numbers in a list such as "26(1) and 26A(1)".
static SECTION_ITEM: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(&format!(r"(?-u:\b){SECTION}")).expect("section item regex"));

/// The keyword that starts a section list, so that only numbers after it
/// are read ("as amended" has none).
static SECTION_WORD: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"(?i)(?-u:\b)(?:sections?|ss?\.)\s*").expect("section word regex"));

/// Moves `i` down to the nearest char boundary of `s`.
fn floor_boundary(s: &str, mut i: usize) -> usize {
    i = i.min(s.len());
    while i > 0 && !s.is_char_boundary(i) {
        i -= 1;
    }
    i
}

/// Drops leading words that are not part of the title ("Under the Care Act
/// 2014" → "Care Act 2014").
fn trim_title(raw: &str) -> Option<String> {
    let words: Vec<&str> = raw.split_whitespace().collect();
    let mut start = 0;
    while start < words.len() {
        let w = words[start];
        let small = matches!(w, "and" | "of" | "the" | "for" | "in" | "on" | "to" | "with");
        if LEADING_NOISE.contains(&w) || small || w.chars().all(|c| c.is_ascii_uppercase()) && w.len() <= 1 {
            start += 1;
        } else {
            break;
        }
    }
    // At least one title word before "Act <year>".
    if words.len() < start + 3 {
        return None;
    }
    Some(words[start..].join(" "))
}

/// All sections in a matched list such as "sections 26(1) and 26A(1), as
/// amended, section 34(B)".
fn sections_in(list: &str) -> Vec<String> {
    if list.is_ascii() {
        sections_in_ascii(list.as_bytes())
    } else {
        sections_in_by_regex(list)
    }
}

/// [`sections_in`] by [`SECTION_WORD`] and [`SECTION_ITEM`], for any text.
fn sections_in_by_regex(list: &str) -> Vec<String> {
    let mut out = Vec::new();
    for w in SECTION_WORD.find_iter(list) {
        let rest = &list[w.end()..];
        let stop = SECTION_WORD.find(rest).map_or(rest.len(), |m| m.start());
        for s in SECTION_ITEM.find_iter(&rest[..stop]) {
            out.push(s.as_str().split_whitespace().collect::<String>());
        }
    }
    out
}

/// [`sections_in`] for an ASCII list, read byte by byte: the same matches as
/// [`SECTION_WORD`] and [`SECTION_ITEM`] (whose `\d` and `\s` are ASCII
/// digits and white space in ASCII text) without their dozen regex calls a
/// list, which cost about 1,200 instructions a citation. A unit test holds
/// the two equal.
fn sections_in_ascii(list: &[u8]) -> Vec<String> {
    let mut out = Vec::new();
    let mut i = 0;
    while i < list.len() {
        let Some(end) = section_word_at(list, i) else {
            i += 1;
            continue;
        };
        // The items run to the next keyword, looked for in the rest alone
        // (as `SECTION_WORD.find(rest)` does: its start is a word boundary).
        let rest = &list[end..];
        let stop = (0..rest.len())
            .find(|&j| section_word_at(rest, j).is_some())
            .unwrap_or(rest.len());
        let items = &rest[..stop];
        let mut j = 0;
        while j < items.len() {
            match section_item_at(items, j) {
                Some(e) => {
                    out.push(String::from_utf8_lossy(&items[j..e]).into_owned());
                    j = e;
                }
                None => j += 1,
            }
        }
        i = end;
    }
    out
}

/// A word byte for `(?-u:\b)`.
fn is_word_byte(b: u8) -> bool {
    b.is_ascii_alphanumeric() || b == b'_'
}

/// Whether `h[i]` starts a word: `(?-u:\b)` before a word byte.
fn starts_word(h: &[u8], i: usize) -> bool {
    i == 0 || !is_word_byte(h[i - 1])
}

/// The end of a [`SECTION_WORD`] match starting at `h[i]` (ASCII), if any:
/// `(?i)\b(?:sections?|ss?\.)\s*`.
fn section_word_at(h: &[u8], i: usize) -> Option<usize> {
    let is_s = |at: usize| h.get(at).is_some_and(|b| b.eq_ignore_ascii_case(&b's'));
    if !is_s(i) || !starts_word(h, i) {
        return None;
    }
    let mut e = if h.get(i..i + 7).is_some_and(|w| w.eq_ignore_ascii_case(b"section")) {
        i + 7 + usize::from(is_s(i + 7))
    } else if is_s(i + 1) && h.get(i + 2) == Some(&b'.') {
        i + 3
    } else if h.get(i + 1) == Some(&b'.') {
        i + 2
    } else {
        return None;
    };
    // `\s` in ASCII text: tab, line feed, vertical tab, form feed, carriage
    // return, space.
    while h
        .get(e)
        .is_some_and(|b| matches!(b, b'\t' | b'\n' | 0x0B | 0x0C | b'\r' | b' '))
    {
        e += 1;
    }
    Some(e)
}

/// The end of a [`SECTION_ITEM`] match starting at `h[i]` (ASCII), if any:
/// `\b\d{1,4}[A-Z]{0,3}(?:\([0-9A-Za-z]{1,4}\))*`, every part greedy.
fn section_item_at(h: &[u8], i: usize) -> Option<usize> {
    if !h[i].is_ascii_digit() || !starts_word(h, i) {
        return None;
    }
    let run =
        |from: usize, max: usize, ok: fn(&u8) -> bool| from + h[from..].iter().take(max).take_while(|b| ok(b)).count();
    let mut e = run(i, 4, u8::is_ascii_digit);
    e = run(e, 3, u8::is_ascii_uppercase);
    while h.get(e) == Some(&b'(') {
        let close = run(e + 1, 4, u8::is_ascii_alphanumeric);
        if close == e + 1 || h.get(close) != Some(&b')') {
            break;
        }
        e = close + 1;
    }
    Some(e)
}

/// The citations in one text, in order of mention (not deduplicated).
pub fn citations(text: &str) -> Vec<Citation> {
    let mut out = Vec::new();
    // Every citation names an `Act` (or `Regulations`) followed by a
    // space (then the year): a memchr-speed check spares the act regex, which
    // has no literal prefix, on most paragraphs ("Action", "Actually" fail it).
    let then_space = |word: &str| {
        text.match_indices(word)
            .any(|(i, _)| text[i + word.len()..].starts_with(char::is_whitespace))
    };
    if !then_space("Act") && !then_space("Regulations") {
        return out;
    }
    for m in ACT.find_iter(text) {
        let Some(act) = trim_title(m.as_str()) else { continue };
        let mut sections: Vec<String> = Vec::new();
        let before_start = floor_boundary(text, m.start().saturating_sub(120));
        // Only the whole match is read: `find` spares the capture engine.
        if let Some(list) = SECTION_BEFORE.find(&text[before_start..m.start()]) {
            sections.extend(sections_in(list.as_str()));
        }
        let after_end = floor_boundary(text, m.end().saturating_add(200));
        if let Some(after) = SECTION_AFTER.find(&text[m.end()..after_end]) {
            sections.extend(sections_in(after.as_str()));
        }
        if sections.is_empty() {
            out.push(Citation { act, section: None });
        } else {
            out.extend(sections.into_iter().map(|s| Citation {
                act: act.clone(),
                section: Some(s),
            }));
        }
    }
    out
}

/// Deduplicates citations keeping first mentions; an Act cited without a
/// section is dropped when the same Act is also cited with one.
pub fn dedup(all: Vec<Citation>) -> Vec<Citation> {
    // A decision cites a handful of Acts: linear searches beat hashing. A
    // long list (a pathological page) is hashed, to stay linear.
    if all.len() > 64 {
        return dedup_hashed(all);
    }
    let mut out: Vec<Citation> = Vec::with_capacity(all.len());
    for (i, c) in all.iter().enumerate() {
        let shadowed = c.section.is_none() && all.iter().any(|o| o.section.is_some() && o.act == c.act);
        if !shadowed && !out[..].contains(c) {
            out.push(all[i].clone());
        }
    }
    out
}

/// [`dedup`] for long lists.
fn dedup_hashed(all: Vec<Citation>) -> Vec<Citation> {
    let mut seen = std::collections::HashSet::new();
    let with_section: std::collections::HashSet<String> = all
        .iter()
        .filter(|c| c.section.is_some())
        .map(|c| c.act.clone())
        .collect();
    all.into_iter()
        .filter(|c| c.section.is_some() || !with_section.contains(&c.act))
        .filter(|c| seen.insert(c.clone()))
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn cite(act: &str, section: Option<&str>) -> Citation {
        Citation {
            act: act.to_string(),
            section: section.map(str::to_string),
        }
    }

    /// (text, expected (act, section) list)
    type Case = (&'static str, &'static [(&'static str, Option<&'static str>)]);

    #[test]
    fn ok_citations() {
        let table: &[Case] = &[
            (
                "(Local Government Act 1974, sections 26(1) and 26A(1), as amended)",
                &[
                    ("Local Government Act 1974", Some("26(1)")),
                    ("Local Government Act 1974", Some("26A(1)")),
                ],
            ),
            (
                "(Local Government Act 1974, section 30(1B) and 34H(i), as amended)",
                &[
                    ("Local Government Act 1974", Some("30(1B)")),
                    ("Local Government Act 1974", Some("34H(i)")),
                ],
            ),
            (
                "(Local Government Act 1974, section 24A(6), as amended, section 34(B))",
                &[
                    ("Local Government Act 1974", Some("24A(6)")),
                    ("Local Government Act 1974", Some("34(B)")),
                ],
            ),
            (
                "Under section 47 (S47) of the Children Act 1989, where a council",
                &[("Children Act 1989", Some("47"))],
            ),
            ("Under the Care Act 2014 councils must", &[("Care Act 2014", None)]),
            (
                "The Children and Families Act 2014 says",
                &[("Children and Families Act 2014", None)],
            ),
            ("s.17 of the Children Act 1989", &[("Children Act 1989", Some("17"))]),
            ("Part 7 of the Housing Act 1996", &[("Housing Act 1996", None)]),
            (
                "the Town and Country Planning Act 1990 section 70",
                &[("Town and Country Planning Act 1990", Some("70"))],
            ),
            (
                "the Freedom of Information Act 2000 and the Equality Act 2010",
                &[("Freedom of Information Act 2000", None), ("Equality Act 2010", None)],
            ),
            ("Housing (Wales) Act 2014", &[("Housing (Wales) Act 2014", None)]),
            // The section in brackets after the Act.
            (
                "The Children Act 1989 (section 17) applies.",
                &[("Children Act 1989", Some("17"))],
            ),
            ("the Care Act 2014 (s.42) says", &[("Care Act 2014", Some("42"))]),
            ("the Care Act 2014 (the Act) says", &[("Care Act 2014", None)]),
            // Statutory instruments (corpus/regressions/regulations-cited.txt).
            (
                "regulation 10 of the Special Educational Needs and Disability Regulations 2014 says",
                &[("Special Educational Needs and Disability Regulations 2014", None)],
            ),
            (
                "The Care and Support (Charging and Assessment of Resources) Regulations 2014 set the rules.",
                &[(
                    "Care and Support (Charging and Assessment of Resources) Regulations 2014",
                    None,
                )],
            ),
            (
                "the Civil Enforcement of Parking Contraventions (England) General Regulations 2007",
                &[(
                    "Civil Enforcement of Parking Contraventions (England) General Regulations 2007",
                    None,
                )],
            ),
        ];
        for (text, want) in table {
            let want: Vec<Citation> = want.iter().map(|(a, s)| cite(a, *s)).collect();
            assert_eq!(citations(text), want, "{text}");
        }
    }

    #[test]
    fn err_citations() {
        for text in [
            "The Council did not act in 2019.",
            "the Act 1989",
            "section 47 enquiries",
            "the Children Act",
            "We will Act 2020",
            "Regulations 2014",
            "the Regulations 2014",
            "In Order 2019",
            "the Town and Country Planning (General Permitted Development) (England) Order 2015",
        ] {
            assert_eq!(citations(text), vec![], "{text}");
        }
    }

    #[test]
    fn ok_sections_in_ascii_as_by_regex() {
        for list in [
            "sections 26(1) and 26A(1), as amended, section 34(B)",
            "section 47 (S47) of the ",
            ", section 24A(6), as amended, section 34(B)",
            "s.17 of the ",
            "ss. 20 and 22 of ",
            "SS.5 & 6, S. 7",
            "Section 47(1)(a)(ii) and 47(2)(abcde)",
            "sections 2,3 & 4 or 5",
            "section 12345 and 6ABCD(1)",
            "sectionss. 5, sectionS 6",
            "S47 s_5 section_5 s5 s 5 s. 5",
            "sections\x0b26 and\t27(1)(b)",
            "section 3() and 4(12345) and 5(a)(",
            "sections 9, section",
            "as amended",
            "",
        ] {
            assert_eq!(
                sections_in_ascii(list.as_bytes()),
                sections_in_by_regex(list),
                "{list:?}"
            );
        }
    }

    #[test]
    fn ok_dedup() {
        let all = vec![
            cite("Children Act 1989", None),
            cite("Local Government Act 1974", Some("26(1)")),
            cite("Children Act 1989", Some("47")),
            cite("Local Government Act 1974", Some("26(1)")),
            cite("Care Act 2014", None),
            cite("Care Act 2014", None),
        ];
        assert_eq!(
            dedup(all),
            vec![
                cite("Local Government Act 1974", Some("26(1)")),
                cite("Children Act 1989", Some("47")),
                cite("Care Act 2014", None),
            ]
        );
    }

    #[test]
    fn ok_dedup_short_and_long_lists_agree() {
        let acts = ["Children Act 1989", "Care Act 2014", "Housing Act 1996"];
        let all: Vec<Citation> = (0..100)
            .map(|i| {
                let section = (i % 4 != 0 && i % 3 != 1).then(|| format!("{}", i % 5));
                Citation {
                    act: acts[i % 3].to_string(),
                    section,
                }
            })
            .collect();
        let short = all[..20].to_vec();
        assert_eq!(dedup(short.clone()), dedup_hashed(short));
        assert_eq!(dedup(all.clone()), dedup_hashed(all));
        // Housing Act 1996 (i % 3 == 2) has sections, so its bare mentions go.
        assert!(!dedup(vec![
            cite("Housing Act 1996", None),
            cite("Housing Act 1996", Some("184"))
        ])
        .contains(&cite("Housing Act 1996", None)));
    }
}

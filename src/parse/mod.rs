//! Stage 4, `parse`: takes [`Blocks`] and returns a [`Decision`]. The
//! submodules each read one part: [`header`] (title, category, outcome, date),
//! [`sections`] (body, summary of old pages, signature, complainant), and
//! [`findings`] (faults, remedies, payments, legislation), which reads the
//! sentences that [`candidates`] splits and tags once, and [`organisation`]
//! (one id and kind per body, whatever its name's form).

pub mod candidates;
pub mod findings;
pub mod header;
pub mod legislation;
pub mod money;
pub mod organisation;
pub mod record;
pub mod remedies;
pub mod sections;

use regex::Regex;

use crate::blocks::{self, Blocks, FieldKey};
use crate::clean;
use crate::error::{Error, Location, Result};
use crate::html;
use crate::source::{Format, SourceText};
use record::{Decision, SourceInfo};

/// [`Regex::new`] with `\w` read as an ASCII word character and `\d` as an
/// ASCII digit: the remedy, money and findings rules compile their patterns
/// with it. The rules are about English words: Unicode's `\w` (some 140,000
/// characters) splits the bytes into many more classes, which made every
/// lazy DFA state wider and the remedy rules about 10 % slower on a real
/// CPU (BENCHMARKS.md, "2026-12-03, 12:13–13:50 UTC").
pub(crate) fn ascii_regex(pattern: &str) -> Result<Regex, regex::Error> {
    Regex::new(&ascii_words(pattern))
}

/// `pattern` with each `\w` made ASCII: `[A-Za-z0-9_]` outside a class,
/// `A-Za-z0-9_` inside one (`[\w’'-]`); each `\d` likewise `[0-9]`.
fn ascii_words(pattern: &str) -> String {
    let mut out = String::with_capacity(pattern.len() + 64);
    let mut in_class = false;
    let mut chars = pattern.chars();
    while let Some(c) = chars.next() {
        match c {
            '\\' => match chars.next() {
                Some('w') if in_class => out.push_str("A-Za-z0-9_"),
                Some('w') => out.push_str("[A-Za-z0-9_]"),
                Some('d') if in_class => out.push_str("0-9"),
                Some('d') => out.push_str("[0-9]"),
                Some(n) => {
                    out.push('\\');
                    out.push(n);
                }
                None => out.push('\\'),
            },
            '[' if !in_class => {
                in_class = true;
                out.push(c);
                // A `]` or `^]` right after the opening bracket is a literal.
                let rest = chars.as_str();
                for lead in ["^]", "]", "^"] {
                    if let Some(after) = rest.strip_prefix(lead) {
                        out.push_str(lead);
                        chars = after.chars();
                        break;
                    }
                }
            }
            ']' if in_class => {
                in_class = false;
                out.push(c);
            }
            _ => out.push(c),
        }
    }
    out
}

/// Parses decision text. Never fails and never panics: what the text does not
/// say is `None` or empty, and `warnings` says what was missing or odd. Use
/// [`parse_source`] to reject files that are not decisions at all.
pub fn parse(text: &str, url: Option<&str>) -> Decision {
    let src = SourceText::from_text(text, url);
    decision(&src.info, &src.warnings, blocks::blocks(&clean::clean(&src.text)))
}

/// Parses a decoded source, text or HTML ([`Format`]), failing with
/// [`Error::NotADecision`] when it has no reference, no header field, no
/// summary and no known section heading.
pub fn parse_source(src: &SourceText) -> Result<Decision> {
    match src.format {
        Format::Text => {
            let blocks = blocks::blocks(&clean::clean(&src.text));
            check_decision(src, &blocks)?;
            Ok(decision(&src.info, &src.warnings, blocks))
        }
        Format::Html => parse_page(src),
    }
}

/// A saved page: its blocks, with the page's canonical URL where none was
/// given and its `<title>` where the text has no title line.
fn parse_page(src: &SourceText) -> Result<Decision> {
    let mut page = html::page(&src.text);
    let mut info = src.info.clone();
    let mut warnings = src.warnings.clone();
    warnings.append(&mut page.warnings);
    if info.url.is_none() {
        info.url = page.url.take();
    }
    if page.blocks.title.is_none() {
        // `<title>Derbyshire County Council (23 017 456) - LGSCO</title>`: the
        // part that is a title line.
        let from_title = page.title.as_deref().and_then(|t| {
            std::iter::once(t)
                .chain([" - ", " | ", " – ", " — "].into_iter().flat_map(|sep| t.split(sep)))
                .map(str::trim)
                .find(|part| blocks::is_title(part))
        });
        if let Some(title) = from_title {
            page.blocks.title = Some((title.to_owned(), 0));
            warnings.push("no title line in the page's text; taken from its <title>".to_owned());
        }
    }
    let has_body = page
        .blocks
        .body
        .iter()
        .any(|b| matches!(b, blocks::Block::Heading { text, .. } if blocks::is_known_heading(text)));
    if page.titles > 1 && !has_body && page.blocks.fields.len() <= 4 {
        return Err(Error::NotADecision {
            at: Location::file(src.path()),
            detail: format!(
                "the page lists {} decision titles and holds no decision text (a search results page?)",
                page.titles
            ),
        });
    }
    if page.blocks.title.is_none() && page.blocks.fields.is_empty() && page.blocks.body.is_empty() {
        return Err(Error::NotADecision {
            at: Location::file(src.path()),
            detail: "the page has no text outside navigation, scripts, forms and the cookie banner".to_owned(),
        });
    }
    check_decision(src, &page.blocks)?;
    Ok(decision(&info, &warnings, page.blocks))
}

fn check_decision(src: &SourceText, blocks: &Blocks) -> Result<()> {
    let looks_like_decision = blocks.title.as_ref().is_some_and(|(t, _)| blocks::is_title(t.trim()))
        || !blocks.fields.is_empty()
        || blocks
            .body
            .iter()
            .any(|b| matches!(b, blocks::Block::Heading { text, .. } if blocks::is_known_heading(text)));
    if !looks_like_decision {
        return Err(Error::NotADecision {
            at: Location::file(src.path()),
            detail: "found no reference, no header field and no known section heading".to_owned(),
        });
    }
    Ok(())
}

/// Reads the record from the blocks, moving their text into it.
fn decision(info: &SourceInfo, warnings: &[String], blocks: Blocks) -> Decision {
    let mut d = Decision {
        source: info.clone(),
        warnings: warnings.to_vec(),
        ..Decision::default()
    };
    let mut warn = |w: String| d.warnings.push(w);

    if let Some((line, number)) = &blocks.title {
        let t = header::title(line);
        if let Some(extra) = t.extra {
            warn(format!(
                "line {number}: title: more than one reference ('{extra}'); kept the first"
            ));
        }
        d.organisation = t.organisation;
        d.reference = t.reference;
    }
    if let Some(name) = &d.organisation {
        let who = organisation::identify(name);
        d.organisation_id = Some(who.id).filter(|id| !id.is_empty());
        d.organisation_kind = who.kind;
    }
    let from_url = info.url.as_deref().map(header::url).unwrap_or_default();
    let mut summary = None;
    for f in &blocks.fields {
        match f.key {
            FieldKey::Category => (d.category, d.subcategory) = header::category(&f.value),
            FieldKey::Outcome => d.outcome = (!f.value.is_empty()).then(|| f.value.clone()),
            FieldKey::DecisionDate => match header::date(&f.value) {
                Ok(date) => d.decision_date = Some(date),
                Err(e) => warn(format!("line {}: decision date: {e}", f.line)),
            },
            FieldKey::Summary => summary = (!f.value.is_empty()).then(|| f.value.clone()),
        }
    }
    if let (Some(text_ref), Some(url_ref)) = (&d.reference, &from_url.reference) {
        if text_ref.replace(' ', "").to_lowercase() != url_ref.replace(' ', "").to_lowercase() {
            warn(format!(
                "reference {text_ref} in the text differs from {url_ref} in the URL; kept the text's"
            ));
        }
    }
    if d.reference.is_none() && from_url.reference.is_some() {
        d.reference.clone_from(&from_url.reference);
        warn("no reference in the text; taken from the URL".to_owned());
    }
    if d.category.is_none() && from_url.category.is_some() {
        d.category.clone_from(&from_url.category);
        d.subcategory.clone_from(&from_url.subcategory);
        warn("no Category line; category taken from the URL".to_owned());
    }

    let body = sections::body_owned(blocks.body, summary.is_none());
    d.summary = summary
        .or(body.opening)
        .or_else(|| sections::report_summary(&body.sections));
    d.sections = body.sections;
    d.decided_by = body.decided_by;
    d.complainant = sections::complainant(d.summary.as_deref(), &d.sections);

    for (missing, what) in [
        (d.reference.is_none(), "no reference (title line or URL)"),
        (d.organisation.is_none(), "no organisation in the title line"),
        (d.category.is_none(), "no category (Category line or URL)"),
        (d.outcome.is_none(), "no outcome (Decision line)"),
        (
            d.decision_date.is_none() && !blocks.fields.iter().any(|f| f.key == FieldKey::DecisionDate),
            "no decision date",
        ),
        (d.summary.is_none(), "no summary"),
        (d.sections.is_empty(), "no body sections"),
        (
            blocks.truncated,
            "the text ends mid-sentence: the document looks cut off",
        ),
    ] {
        if missing {
            d.warnings.push(what.to_owned());
        }
    }
    findings::extract(&mut d);
    d
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ok_ascii_words() {
        for (pattern, want) in [
            (r"\w+", "[A-Za-z0-9_]+"),
            (r"[\w’'-]+", "[A-Za-z0-9_’'-]+"),
            (r"[^\w]", "[^A-Za-z0-9_]"),
            (r"[]\w]", "[]A-Za-z0-9_]"),
            (r"£\d[\d,.]*", "£[0-9][0-9,.]*"),
            (r"\\w", r"\\w"),
            (r"\s\.\b", r"\s\.\b"),
        ] {
            assert_eq!(ascii_words(pattern), want, "{pattern}");
        }
        // A non-ASCII letter is no word character for the rules.
        let r = ascii_regex(r"\w+").expect("regex");
        assert_eq!(r.find("café").map(|m| m.as_str()), Some("caf"));
    }

    #[test]
    fn ok_url_fills_what_the_text_lacks() {
        let text = "London Borough of Harrow (24 013 880)\nThe Ombudsman's final decision:\nSummary: Miss Y complained.\nThe complaint\n- Miss Y complains.";
        let d = parse(
            text,
            Some("https://www.lgo.org.uk/decisions/housing/homelessness/24-013-880"),
        );
        assert_eq!(
            (d.category.as_deref(), d.subcategory.as_deref()),
            (Some("Housing"), Some("Homelessness"))
        );
        assert!(
            d.warnings
                .iter()
                .any(|w| w == "no Category line; category taken from the URL"),
            "{:?}",
            d.warnings
        );
        assert_eq!(d.outcome, None);
        assert_eq!(d.decision_date, None);
    }

    #[test]
    fn err_url_does_not_override_the_text() {
        let text = "Kent County Council (19 010 414)\nCategory : Education > School transport\nDecision : Upheld\nThe complaint\n- Ms A complains.";
        let d = parse(
            text,
            Some("https://www.lgo.org.uk/decisions/housing/homelessness/24-013-880"),
        );
        assert_eq!(d.reference.as_deref(), Some("19 010 414"));
        assert_eq!(d.category.as_deref(), Some("Education"));
        assert!(
            d.warnings
                .iter()
                .any(|w| w.contains("differs from 24 013 880 in the URL")),
            "{:?}",
            d.warnings
        );
    }

    #[test]
    fn err_bad_date_is_a_warning_naming_the_line() {
        let d = parse(
            "Kent County Council (19 010 414)\nDecision : Upheld\nDecision date : June-ish\n",
            None,
        );
        assert_eq!(d.decision_date, None);
        assert!(
            d.warnings.contains(
                &"line 3: decision date: expected a date like '06 Jun 2024', but found 'June-ish'".to_owned()
            ),
            "{:?}",
            d.warnings
        );
    }

    #[test]
    fn err_not_a_decision() {
        for text in [
            "Shopping list\n\neggs, milk, bread.\n",
            "Dear Sir,\nI write to complain.\n",
        ] {
            let src = SourceText::from_bytes(text.as_bytes(), Some(std::path::Path::new("notes.txt")), None)
                .expect("text decodes");
            let err = parse_source(&src).expect_err("not a decision");
            assert!(err.to_string().starts_with("notes.txt: not a decision: "), "{err}");
        }
    }

    #[test]
    fn ok_missing_fields_are_none_with_warnings() {
        let d = parse("15 010 742\n\nThe Ombudsman upheld the complaint.\n", None);
        assert_eq!(d.reference.as_deref(), Some("15 010 742"));
        assert_eq!(d.organisation, None);
        assert!(d.warnings.contains(&"no organisation in the title line".to_owned()));
        assert!(d.warnings.contains(&"no outcome (Decision line)".to_owned()));
    }
}

//! `parse::header`: takes the title line, header fields and page URL from
//! [`Blocks`](crate::blocks::Blocks) and returns reference, organisation,
//! category, subcategory, outcome and decision date.

use std::sync::LazyLock;

use jiff::civil::Date;
use regex::Regex;

static URL: LazyLock<Regex> = LazyLock::new(|| {
    // `https://www.lgo.org.uk/decisions/<category>/<subcategory>/<ref>`, with
    // or without `www.`, over http or https, with a query string
    // (excerpts 063, and the url-query variant in labels.json).
    Regex::new(r"/decisions/(?P<cat>[a-z0-9-]+)/(?P<sub>[a-z0-9-]+)(?:/(?P<ref>\d{2})-(?P<ref2>\d{3})-(?P<ref3>\d{3})(?P<letter>[a-z]?))?(?:[/?#]|$)")
        .expect("valid regex")
});

/// What the title line says.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Title {
    /// The body complained about.
    pub organisation: Option<String>,
    /// The reference as printed.
    pub reference: Option<String>,
    /// Text after the first reference inside the brackets (more references).
    pub extra: Option<String>,
}

/// Splits a title line into organisation and reference.
pub fn title(line: &str) -> Title {
    // `Norfolk County Council (24 013 283)`; `15 010 742` alone on 2016-era
    // pages (excerpt 008); a joint decision's lettered part `(17 002 402b)`
    // (excerpt 077).
    let line = line.trim();
    let Some(parts) = crate::blocks::split_title(line) else {
        // A title with no reference (the line above the header fields).
        return Title {
            organisation: non_empty(line),
            ..Title::default()
        };
    };
    Title {
        organisation: parts.org.and_then(non_empty),
        reference: Some(parts.reference.to_owned()),
        extra: non_empty(parts.more.trim_start_matches([',', '&', ';'])),
    }
}

fn non_empty(s: &str) -> Option<String> {
    let s = s.trim();
    (!s.is_empty()).then(|| s.to_owned())
}

/// `Housing > Allocations` → (`Housing`, `Allocations`).
pub fn category(value: &str) -> (Option<String>, Option<String>) {
    let mut parts = value.splitn(2, ['>', '›']);
    let cat = parts.next().and_then(non_empty);
    let sub = parts.next().and_then(non_empty);
    (cat, sub)
}

/// What an LGSCO decision URL says.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct UrlParts {
    /// Category in words.
    pub category: Option<String>,
    /// Subcategory in words.
    pub subcategory: Option<String>,
    /// Reference in the printed form (`24 013 880`).
    pub reference: Option<String>,
}

/// Reads category, subcategory and reference from an LGSCO decision URL.
pub fn url(url: &str) -> UrlParts {
    let Some(caps) = URL.captures(url) else {
        return UrlParts::default();
    };
    let reference = match (caps.name("ref"), caps.name("ref2"), caps.name("ref3")) {
        (Some(a), Some(b), Some(c)) => Some(format!(
            "{} {} {}{}",
            a.as_str(),
            b.as_str(),
            c.as_str(),
            caps.name("letter").map_or("", |m| m.as_str())
        )),
        _ => None,
    };
    UrlParts {
        category: caps.name("cat").map(|m| slug_to_words(m.as_str())),
        subcategory: caps.name("sub").map(|m| slug_to_words(m.as_str())),
        reference,
    }
}

/// Turns a URL slug back into the words the site prints:
/// `children-s-care-services` → `Children's care services` (the site drops
/// the apostrophe and leaves `-s-`), `covid-19` → `COVID-19`.
pub fn slug_to_words(slug: &str) -> String {
    let words: Vec<&str> = slug.split('-').filter(|w| !w.is_empty()).collect();
    let mut out = String::with_capacity(slug.len() + 2);
    let mut i = 0;
    while i < words.len() {
        let w = words[i];
        if w == "s" && i > 0 {
            out.push_str("'s");
            i += 1;
            continue;
        }
        if !out.is_empty() {
            out.push(' ');
        }
        // `covid-19` is one token on the site.
        if w == "covid" && words.get(i + 1) == Some(&"19") {
            out.push_str("COVID-19");
            i += 2;
            continue;
        }
        match w {
            "nhs" | "sen" | "send" | "ehc" | "ehcp" | "ccg" => out.push_str(&w.to_uppercase()),
            _ if out.is_empty() => {
                let mut cs = w.chars();
                if let Some(c) = cs.next() {
                    out.extend(c.to_uppercase());
                    out.push_str(cs.as_str());
                }
            }
            _ => out.push_str(w),
        }
        i += 1;
    }
    out
}

const MONTHS: [&str; 12] = [
    "january",
    "february",
    "march",
    "april",
    "may",
    "june",
    "july",
    "august",
    "september",
    "october",
    "november",
    "december",
];

static DAY_MONTH_YEAR: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"^(\d{1,2})(?:st|nd|rd|th)?\s+([A-Za-z]+)\.?,?\s+(\d{4})\.?$").expect("valid regex"));
static ISO: LazyLock<Regex> = LazyLock::new(|| Regex::new(r"^(\d{4})-(\d{2})-(\d{2})$").expect("valid regex"));
static SLASHED: LazyLock<Regex> = LazyLock::new(|| Regex::new(r"^(\d{1,2})/(\d{1,2})/(\d{4})$").expect("valid regex"));

/// Month number from a full or abbreviated English month name (`Jun`, `June`, `Sept`).
pub fn month(name: &str) -> Option<i8> {
    let folded = name.to_lowercase();
    if folded.len() < 3 {
        return None;
    }
    MONTHS
        .iter()
        .position(|m| *m == folded || (folded.len() <= 4 && m.starts_with(&folded)))
        .and_then(|p| i8::try_from(p + 1).ok())
}

/// Parses a decision date as the site prints it (`06 Jun 2024`), or as
/// `6 June 2024`, `2024-06-06` or `06/06/2024` (day first, UK style).
pub fn date(value: &str) -> Result<Date, String> {
    let value = value.trim();
    let bad = || format!("expected a date like '06 Jun 2024', but found '{value}'");
    let (y, m, d) = if let Some(c) = DAY_MONTH_YEAR.captures(value) {
        let m = month(&c[2]).ok_or_else(bad)?;
        (
            c[3].parse::<i16>().map_err(|_| bad())?,
            m,
            c[1].parse::<i8>().map_err(|_| bad())?,
        )
    } else if let Some(c) = ISO.captures(value) {
        (
            c[1].parse::<i16>().map_err(|_| bad())?,
            c[2].parse::<i8>().map_err(|_| bad())?,
            c[3].parse::<i8>().map_err(|_| bad())?,
        )
    } else if let Some(c) = SLASHED.captures(value) {
        (
            c[3].parse::<i16>().map_err(|_| bad())?,
            c[2].parse::<i8>().map_err(|_| bad())?,
            c[1].parse::<i8>().map_err(|_| bad())?,
        )
    } else {
        return Err(bad());
    };
    Date::new(y, m, d).map_err(|_| format!("'{value}' is not a calendar date"))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ok_title() {
        let cases = [
            (
                "Norfolk County Council (24 013 283)",
                Some("Norfolk County Council"),
                Some("24 013 283"),
            ),
            (
                "Salisbury NHS Foundation Trust (24 005 840b)",
                Some("Salisbury NHS Foundation Trust"),
                Some("24 005 840b"),
            ),
            ("15 010 742", None, Some("15 010 742")),
            (
                "Bluebird Care AKA BenJeMax Limited (19 016 311)",
                Some("Bluebird Care AKA BenJeMax Limited"),
                Some("19 016 311"),
            ),
            (
                "Some Council (21 000 001, 21 000 002)",
                Some("Some Council"),
                Some("21 000 001"),
            ),
            ("Derbyshire County Council", Some("Derbyshire County Council"), None),
        ];
        for (line, org, reference) in cases {
            let t = title(line);
            assert_eq!(
                (t.organisation.as_deref(), t.reference.as_deref()),
                (org, reference),
                "{line}"
            );
        }
    }

    #[test]
    fn err_title() {
        // Not a reference: wrong digit groups.
        let t = title("Council (2 017 456)");
        assert_eq!(t.reference, None);
        let t = title("(24 013 283)");
        assert_eq!((t.organisation, t.reference.as_deref()), (None, Some("24 013 283")));
    }

    #[test]
    fn ok_category() {
        assert_eq!(
            category("Housing > Allocations"),
            (Some("Housing".into()), Some("Allocations".into()))
        );
        assert_eq!(
            category("Other Categories > Other"),
            (Some("Other Categories".into()), Some("Other".into()))
        );
        assert_eq!(category("Housing"), (Some("Housing".into()), None));
        assert_eq!(category(" > "), (None, None));
    }

    #[test]
    fn ok_url() {
        let cases = [
            (
                "https://www.lgo.org.uk/decisions/children-s-care-services/child-protection/18-010-925",
                "Children's care services",
                "Child protection",
                Some("18 010 925"),
            ),
            (
                "http://lgo.org.uk/decisions/transport-and-highways/public-transport/21-007-910",
                "Transport and highways",
                "Public transport",
                Some("21 007 910"),
            ),
            (
                "https://www.lgo.org.uk/decisions/health/other/17-002-402b",
                "Health",
                "Other",
                Some("17 002 402b"),
            ),
            (
                "https://www.lgo.org.uk/decisions/adult-care-services/covid-19/20-003-149?x=1",
                "Adult care services",
                "COVID-19",
                Some("20 003 149"),
            ),
            (
                "https://www.lgo.org.uk/decisions/education/special-educational-needs",
                "Education",
                "Special educational needs",
                None,
            ),
        ];
        for (u, cat, sub, reference) in cases {
            let p = url(u);
            assert_eq!(
                (p.category.as_deref(), p.subcategory.as_deref(), p.reference.as_deref()),
                (Some(cat), Some(sub), reference),
                "{u}"
            );
        }
    }

    #[test]
    fn err_url() {
        for u in ["https://www.lgo.org.uk/", "not a url", "https://example.org/decisions/"] {
            assert_eq!(url(u), UrlParts::default(), "{u}");
        }
    }

    #[test]
    fn ok_date() {
        let cases = [
            ("06 Jun 2024", "2024-06-06"),
            ("6 June 2024", "2024-06-06"),
            ("23 September 2016", "2016-09-23"),
            ("1 Sept 2020", "2020-09-01"),
            ("29 Feb 2024", "2024-02-29"),
            ("2024-06-06", "2024-06-06"),
            ("06/06/2024", "2024-06-06"),
            ("9 November 2017.", "2017-11-09"),
        ];
        for (text, want) in cases {
            assert_eq!(date(text).map(|d| d.to_string()), Ok(want.to_owned()), "{text}");
        }
    }

    #[test]
    fn err_date() {
        let cases = [
            ("June-ish", "expected a date like '06 Jun 2024', but found 'June-ish'"),
            ("31 Jun 2024", "'31 Jun 2024' is not a calendar date"),
            ("29 Feb 2023", "'29 Feb 2023' is not a calendar date"),
            (
                "06 Jux 2024",
                "expected a date like '06 Jun 2024', but found '06 Jux 2024'",
            ),
            ("", "expected a date like '06 Jun 2024', but found ''"),
        ];
        for (text, want) in cases {
            assert_eq!(date(text), Err(want.to_owned()), "{text}");
        }
    }
}

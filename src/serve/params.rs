//! Search state in a URL: takes a query string (`q=…&category=…&sort=date`)
//! and returns [`Params`], checked into a [`SearchRequest`] with the CLI's
//! rules and caps; and back, so every link and form carries the whole state
//! and a URL can be shared.
//!
//! The keys are the CLI's flags: `q` (the query), `council`,
//! `council_successor`, `category`
//! (repeatable), `outcome` (repeatable), `from`, `to`, `min_payment`,
//! `max_payment`, `remedy` (repeatable), `sort`, `reverse`, `limit`,
//! `offset`; the API adds `facets` and `format`, the stats pages `by`.
//! Empty values (a form's blank fields) count as absent and unknown keys are
//! ignored, so old links keep working.

use crate::cli::args::{parse_period, parse_pounds, parse_remedy};
use crate::index::query::{MAX_LIMIT, MAX_OFFSET};
use crate::index::{Dimension, Filters, SearchRequest, SortBy};

/// Hits per page when the URL does not say (the CLI's `--limit` default).
pub const DEFAULT_LIMIT: usize = 10;

/// The state of a search, as written in the URL (values kept as typed).
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Params {
    /// The query string, Tantivy syntax.
    pub q: Option<String>,
    /// Words of the organisation's name, or another name of the same body.
    pub council: Option<String>,
    /// Widen `council` to the bodies it replaced and those that replaced it.
    pub council_successor: bool,
    /// Categories (`Housing` or `Housing > Homelessness`), any of them.
    pub categories: Vec<String>,
    /// Outcome prefixes, any of them.
    pub outcomes: Vec<String>,
    /// Earliest decision date (`2020`, `2020-03` or `2020-03-31`).
    pub from: Option<String>,
    /// Latest decision date.
    pub to: Option<String>,
    /// Least total payment, in pounds.
    pub min_payment: Option<String>,
    /// Greatest total payment, in pounds.
    pub max_payment: Option<String>,
    /// Remedy kinds, all of them.
    pub remedies: Vec<String>,
    /// `relevance`, `date` or `payment`.
    pub sort: Option<String>,
    /// Reverse the order.
    pub reverse: bool,
    /// Hits per page.
    pub limit: Option<String>,
    /// Hits skipped.
    pub offset: Option<String>,
    /// API: include facet counts.
    pub facets: bool,
    /// API: `json`, `jsonl` or `csv`.
    pub format: Option<String>,
    /// Stats: the dimension to group by.
    pub by: Option<String>,
}

/// A value in the URL that cannot be used, with what was expected.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct BadParam(pub String);

impl std::fmt::Display for BadParam {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.0)
    }
}

fn truthy(v: &str) -> bool {
    !matches!(v.trim(), "" | "0" | "false" | "no" | "off")
}

impl Params {
    /// Reads a raw query string (without the `?`).
    pub fn parse(query: &str) -> Params {
        let mut p = Params::default();
        for (k, v) in form_urlencoded::parse(query.as_bytes()) {
            let v = v.trim();
            if v.is_empty() {
                continue;
            }
            let v = v.to_owned();
            match &*k {
                "q" => p.q = Some(v),
                "council" => p.council = Some(v),
                "council_successor" => p.council_successor = truthy(&v),
                "category" => push_new(&mut p.categories, v),
                "outcome" => push_new(&mut p.outcomes, v),
                "from" => p.from = Some(v),
                "to" => p.to = Some(v),
                "min_payment" => p.min_payment = Some(v),
                "max_payment" => p.max_payment = Some(v),
                "remedy" => push_new(&mut p.remedies, v),
                "sort" => p.sort = Some(v),
                "reverse" => p.reverse = truthy(&v),
                "limit" => p.limit = Some(v),
                "offset" => p.offset = Some(v),
                "facets" => p.facets = truthy(&v),
                "format" => p.format = Some(v),
                "by" => p.by = Some(v),
                _ => {}
            }
        }
        p
    }

    /// The query string of this state (without the `?`), keys in a fixed
    /// order, absent values left out: the same state always gives the same URL.
    pub fn to_query(&self) -> String {
        let mut s = form_urlencoded::Serializer::new(String::new());
        let mut put = |k: &str, v: Option<&str>| {
            if let Some(v) = v {
                s.append_pair(k, v);
            }
        };
        put("q", self.q.as_deref());
        put("council", self.council.as_deref());
        put("council_successor", self.council_successor.then_some("1"));
        for c in &self.categories {
            put("category", Some(c));
        }
        for o in &self.outcomes {
            put("outcome", Some(o));
        }
        put("from", self.from.as_deref());
        put("to", self.to.as_deref());
        put("min_payment", self.min_payment.as_deref());
        put("max_payment", self.max_payment.as_deref());
        for r in &self.remedies {
            put("remedy", Some(r));
        }
        put("sort", self.sort.as_deref());
        put("reverse", self.reverse.then_some("1"));
        put("limit", self.limit.as_deref());
        put("offset", self.offset.as_deref());
        put("facets", self.facets.then_some("1"));
        put("format", self.format.as_deref());
        put("by", self.by.as_deref());
        s.finish()
    }

    /// `path?query`, or `path` alone when the state is empty.
    pub fn url(&self, path: &str) -> String {
        let q = self.to_query();
        if q.is_empty() {
            path.to_owned()
        } else {
            format!("{path}?{q}")
        }
    }

    /// The same search from its first page (after a filter changes).
    pub fn first_page(&self) -> Params {
        Params {
            offset: None,
            ..self.clone()
        }
    }

    /// Only what selects decisions (query and filters): no order, page or format.
    pub fn selection(&self) -> Params {
        Params {
            sort: None,
            reverse: false,
            limit: None,
            offset: None,
            facets: false,
            format: None,
            by: None,
            ..self.clone()
        }
    }

    /// Whether any filter (not the query) is set.
    pub fn has_filters(&self) -> bool {
        self.council.is_some()
            || !self.categories.is_empty()
            || !self.outcomes.is_empty()
            || self.from.is_some()
            || self.to.is_some()
            || self.min_payment.is_some()
            || self.max_payment.is_some()
            || !self.remedies.is_empty()
    }

    /// The query string, when it holds more than white space.
    pub fn query(&self) -> Option<&str> {
        self.q.as_deref().map(str::trim).filter(|q| !q.is_empty())
    }

    /// The filters, checked as the CLI checks its flags.
    pub fn filters(&self) -> Result<Filters, BadParam> {
        let period = |key: &str, v: &Option<String>| -> Result<_, BadParam> {
            v.as_deref()
                .map(|s| parse_period(s).map_err(|e| BadParam(format!("{key}: {e}"))))
                .transpose()
        };
        let pounds = |key: &str, v: &Option<String>| -> Result<_, BadParam> {
            v.as_deref()
                .map(|s| parse_pounds(s).map_err(|e| BadParam(format!("{key}: {e}"))))
                .transpose()
        };
        let remedies = self
            .remedies
            .iter()
            .map(|r| parse_remedy(r).map_err(|e| BadParam(format!("remedy: {e}"))))
            .collect::<Result<Vec<_>, _>>()?;
        Ok(Filters {
            council: self.council.clone(),
            council_successor: self.council_successor,
            categories: self.categories.clone(),
            outcomes: self.outcomes.clone(),
            from: period("from", &self.from)?.map(|p| p.first),
            to: period("to", &self.to)?.map(|p| p.last),
            min_payment_pence: pounds("min_payment", &self.min_payment)?,
            max_payment_pence: pounds("max_payment", &self.max_payment)?,
            remedies,
        })
    }

    /// The order: as given, else relevance with a query and date without (as the CLI).
    pub fn sort_by(&self) -> Result<SortBy, BadParam> {
        match self.sort.as_deref().map(str::to_lowercase).as_deref() {
            None => Ok(if self.query().is_some() {
                SortBy::Relevance
            } else {
                SortBy::Date
            }),
            Some("relevance") => Ok(SortBy::Relevance),
            Some("date") => Ok(SortBy::Date),
            Some("payment") => Ok(SortBy::Payment),
            Some(_) => Err(BadParam(format!(
                "sort: expected relevance, date or payment, but found '{}'",
                self.sort.as_deref().unwrap_or_default()
            ))),
        }
    }

    /// Hits per page, at most the CLI's cap.
    pub fn limit(&self) -> Result<usize, BadParam> {
        number("limit", self.limit.as_deref(), DEFAULT_LIMIT, MAX_LIMIT)
    }

    /// Hits skipped, at most the CLI's cap.
    pub fn offset(&self) -> Result<usize, BadParam> {
        number("offset", self.offset.as_deref(), 0, MAX_OFFSET)
    }

    /// Stats: only the first N groups (the CLI's `stats -n`), when given.
    pub fn stats_limit(&self) -> Result<Option<usize>, BadParam> {
        self.limit
            .as_deref()
            .map(|v| {
                v.trim()
                    .parse()
                    .map_err(|_| BadParam(format!("limit: expected a whole number of groups, but found '{v}'")))
            })
            .transpose()
    }

    /// The search this state asks for.
    pub fn request(&self, facets: bool) -> Result<SearchRequest, BadParam> {
        Ok(SearchRequest {
            query: self.query().map(str::to_owned),
            filters: self.filters()?,
            sort: self.sort_by()?,
            reverse: self.reverse,
            limit: self.limit()?,
            offset: self.offset()?,
            facets,
        })
    }

    /// The stats dimension (`by`), category when not given.
    pub fn dimension(&self) -> Result<Dimension, BadParam> {
        match self.by.as_deref() {
            None => Ok(Dimension::Category),
            Some(b) => Dimension::ALL
                .into_iter()
                .find(|d| d.as_str().eq_ignore_ascii_case(b.trim()))
                .ok_or_else(|| {
                    let names: Vec<&str> = Dimension::ALL.iter().map(|d| d.as_str()).collect();
                    BadParam(format!("by: expected one of {}, but found '{b}'", names.join(", ")))
                }),
        }
    }
}

fn push_new(list: &mut Vec<String>, v: String) {
    if !list.contains(&v) {
        list.push(v);
    }
}

fn number(key: &str, v: Option<&str>, default: usize, max: usize) -> Result<usize, BadParam> {
    let Some(v) = v else { return Ok(default) };
    let n: usize = v.trim().parse().map_err(|_| {
        BadParam(format!(
            "{key}: expected a whole number from 0 to {max}, but found '{v}'"
        ))
    })?;
    if n > max {
        return Err(BadParam(format!("{key}: {n} is not in 0..={max}")));
    }
    Ok(n)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ok_round_trip_keeps_every_key_in_order() {
        for q in [
            "",
            "q=child+protection",
            "q=a&council=Derby&category=Housing&category=Housing+%3E+Homelessness&outcome=Upheld",
            "from=2020&to=2024-03&min_payment=%C2%A3500&max_payment=1000&remedy=apology&remedy=financial",
            "sort=date&reverse=1&limit=20&offset=40",
            "facets=1&format=csv&by=year",
        ] {
            assert_eq!(Params::parse(q).to_query(), q, "{q}");
        }
    }

    #[test]
    fn ok_parse_drops_blanks_unknown_keys_and_repeats() {
        let p = Params::parse("q=+&council=&category=A&category=A&utm=x&reverse=0&facets=yes");
        assert_eq!(p.q, None);
        assert_eq!(p.council, None);
        assert_eq!(p.categories, vec!["A".to_owned()]);
        assert!(!p.reverse);
        assert!(p.facets);
        assert_eq!(p.to_query(), "category=A&facets=1");
    }

    #[test]
    fn ok_request_defaults_follow_the_cli() {
        let r = Params::parse("").request(false).unwrap();
        assert_eq!((r.sort, r.limit, r.offset), (SortBy::Date, DEFAULT_LIMIT, 0));
        let r = Params::parse("q=fault").request(true).unwrap();
        assert_eq!(r.sort, SortBy::Relevance);
        assert!(r.facets);
        let r = Params::parse("q=fault&sort=Payment&limit=10000&offset=100000&from=2020-02&to=2021&min_payment=1.5")
            .request(false)
            .unwrap();
        assert_eq!((r.sort, r.limit, r.offset), (SortBy::Payment, MAX_LIMIT, MAX_OFFSET));
        assert_eq!(r.filters.from, Some(jiff::civil::date(2020, 2, 1)));
        assert_eq!(r.filters.to, Some(jiff::civil::date(2021, 12, 31)));
        assert_eq!(r.filters.min_payment_pence, Some(150));
    }

    #[test]
    fn err_request_names_the_key_and_the_value() {
        for (q, want) in [
            ("limit=10001", "limit: 10001 is not in 0..=10000"),
            ("offset=100001", "offset: 100001 is not in 0..=100000"),
            ("limit=-1", "limit: expected a whole number"),
            ("offset=ten", "offset: expected a whole number"),
            (
                "sort=newest",
                "sort: expected relevance, date or payment, but found 'newest'",
            ),
            ("from=June", "from: expected a date like 2020-03-31"),
            ("to=2023-02-30", "to: '2023-02-30' is not a date"),
            ("min_payment=lots", "min_payment: expected a sum in pounds"),
            ("remedy=money", "remedy: 'money' is not a remedy kind"),
        ] {
            let e = Params::parse(q).request(false).unwrap_err().0;
            assert!(e.starts_with(want), "{q}: {e}");
        }
    }

    #[test]
    fn ok_and_err_dimension() {
        assert_eq!(Params::parse("").dimension(), Ok(Dimension::Category));
        assert_eq!(Params::parse("by=Year").dimension(), Ok(Dimension::Year));
        let e = Params::parse("by=council").dimension().unwrap_err().0;
        assert!(e.contains("organisation"), "{e}");
    }

    #[test]
    fn ok_selection_and_first_page_drop_the_page() {
        let p = Params::parse("q=a&category=B&sort=date&limit=5&offset=10&format=csv&by=year");
        assert_eq!(p.selection().to_query(), "q=a&category=B");
        assert_eq!(
            p.first_page().to_query(),
            "q=a&category=B&sort=date&limit=5&format=csv&by=year"
        );
        assert!(p.has_filters());
        assert!(!Params::parse("q=a").has_filters());
    }
}

//! Stage `stats`: takes an index, a query and filters and a dimension and
//! returns one [`StatsRow`] per group: decisions, share upheld, share with a
//! payment, total payment and mean payment of the paid decisions — the
//! council league tables and trend lines. By organisation, the names are
//! folded into one row per body ([`crate::parse::organisation`]).

use serde::Serialize;

use std::collections::BTreeMap;

use crate::error::Result;
use crate::index::query::Groups;
use crate::index::{Dimension, Filters, OmbudsIndex, Tally};
use crate::parse::organisation::identify;

/// One group's figures.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct StatsRow {
    /// The group's value (`Housing`, `2024`, …); `None` for decisions without one.
    /// By organisation: the body's current name (from `schema/organisations.csv`),
    /// or the name most of its decisions use when the table does not know it.
    pub group: Option<String>,
    /// By organisation: the body's `organisation_id`.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub id: Option<String>,
    /// Decisions in the group.
    pub decisions: u64,
    /// Of which upheld (outcome `Upheld…`).
    pub upheld: u64,
    /// `upheld / decisions`.
    pub share_upheld: f64,
    /// Decisions with a payment (a total payment above zero).
    pub with_payment: u64,
    /// `with_payment / decisions`: the share of decisions with a payment.
    pub share_with_payment: f64,
    /// Sum of total payments, in pence.
    pub total_payment_pence: u64,
    /// `total_payment_pence / with_payment`, rounded to the penny: the mean
    /// payment of the decisions that have one (`null` when none has). Averaging
    /// over every decision would mix "paid nothing" into "paid how much".
    pub mean_payment_when_paid_pence: Option<u64>,
}

/// The figures per group, with the number of matching decisions.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Stats {
    /// The dimension grouped by.
    pub by: &'static str,
    /// Matching decisions.
    pub total: usize,
    /// One row per group: by year in calendar order, otherwise most decisions
    /// first (ties by name); the group of decisions without a value last.
    pub groups: Vec<StatsRow>,
}

/// `part / whole`, 0 for an empty group.
fn share(part: u64, whole: u64) -> f64 {
    if whole == 0 {
        0.0
    } else {
        part as f64 / whole as f64
    }
}

fn row(group: Option<String>, t: Tally) -> StatsRow {
    let mean_when_paid = t
        .payment_pence
        .checked_add(t.with_payment / 2)
        .and_then(|sum| sum.checked_div(t.with_payment));
    StatsRow {
        group,
        id: None,
        decisions: t.count,
        upheld: t.upheld,
        share_upheld: share(t.upheld, t.count),
        with_payment: t.with_payment,
        share_with_payment: share(t.with_payment, t.count),
        total_payment_pence: t.payment_pence,
        mean_payment_when_paid_pence: mean_when_paid,
    }
}

/// Groups the decisions matching `query` and `filters` by `by`. By
/// organisation, one row per body (`organisation_id`), under its current name.
pub fn stats(idx: &OmbudsIndex, query: Option<&str>, filters: &Filters, by: Dimension) -> Result<Stats> {
    let (total, groups) = idx.group(query, filters, by)?;
    let rows = if by == Dimension::Organisation {
        by_body(groups)
    } else {
        groups.into_iter().map(|(k, t)| row(k, t)).collect()
    };
    Ok(Stats {
        by: by.as_str(),
        total,
        groups: sorted(rows, by),
    })
}

/// The organisation names that `schema/organisations.csv` does not know,
/// one row per name as printed, with the id the name rules gave it.
pub fn unmatched_organisations(idx: &OmbudsIndex, query: Option<&str>, filters: &Filters) -> Result<Stats> {
    let (total, groups) = idx.group(query, filters, Dimension::Organisation)?;
    let rows = groups
        .into_iter()
        .filter_map(|(name, t)| {
            let who = identify(name.as_deref()?);
            (!who.is_known()).then(|| StatsRow {
                id: Some(who.id),
                ..row(name, t)
            })
        })
        .collect();
    Ok(Stats {
        by: "organisation",
        total,
        groups: sorted(rows, Dimension::Organisation),
    })
}

/// Folds per-name groups into per-body groups. The statistics are computed
/// per name in the index and summed here: the names are few (hundreds), the
/// decisions many.
fn by_body(groups: Groups) -> Vec<StatsRow> {
    /// One body's tally, its name in the table, and its decisions per printed name.
    type Body = (Tally, Option<String>, BTreeMap<String, u64>);
    let mut bodies: BTreeMap<Option<String>, Body> = BTreeMap::new();
    for (name, t) in groups {
        let (id, known) = match &name {
            Some(n) => {
                let who = identify(n);
                (Some(who.id), who.name)
            }
            None => (None, None),
        };
        let entry = bodies.entry(id).or_default();
        entry.0.add(&t);
        entry.1 = entry.1.take().or(known);
        if let Some(n) = name {
            *entry.2.entry(n).or_default() += t.count;
        }
    }
    bodies
        .into_iter()
        .map(|(id, (t, known, names))| {
            // The table's name, else the name most decisions use (ties: the first in order).
            let label = known.or_else(|| {
                names
                    .iter()
                    .max_by(|a, b| a.1.cmp(b.1).then(b.0.cmp(a.0)))
                    .map(|(n, _)| n.clone())
            });
            StatsRow { id, ..row(label, t) }
        })
        .collect()
}

fn sorted(mut rows: Vec<StatsRow>, by: Dimension) -> Vec<StatsRow> {
    rows.sort_by(|a, b| match (&a.group, &b.group) {
        (None, None) => std::cmp::Ordering::Equal,
        (None, Some(_)) => std::cmp::Ordering::Greater,
        (Some(_), None) => std::cmp::Ordering::Less,
        (Some(x), Some(y)) if by == Dimension::Year => x.len().cmp(&y.len()).then(x.cmp(y)),
        (Some(x), Some(y)) => b.decisions.cmp(&a.decisions).then(x.cmp(y)),
    });
    rows
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ok_row_arithmetic() {
        let r = row(
            Some("x".into()),
            Tally {
                count: 4,
                upheld: 1,
                with_payment: 2,
                payment_pence: 1_002,
            },
        );
        assert_eq!(r.share_upheld, 0.25);
        assert_eq!(r.share_with_payment, 0.5);
        // The mean is over the two paid decisions, not all four.
        assert_eq!(r.mean_payment_when_paid_pence, Some(501));
        let r = row(None, Tally::default());
        assert_eq!(
            (r.share_upheld, r.share_with_payment, r.mean_payment_when_paid_pence),
            (0.0, 0.0, None)
        );
        let unpaid = row(
            None,
            Tally {
                count: 3,
                upheld: 3,
                with_payment: 0,
                payment_pence: 0,
            },
        );
        assert_eq!(unpaid.mean_payment_when_paid_pence, None);
    }

    fn tally(count: u64, upheld: u64) -> Tally {
        Tally {
            count,
            upheld,
            with_payment: 0,
            payment_pence: 0,
        }
    }

    #[test]
    fn ok_by_body_folds_names_of_one_body() {
        let groups: Groups = [
            (Some("London Borough of Camden".to_owned()), tally(3, 1)),
            (Some("Camden London Borough Council".to_owned()), tally(2, 2)),
            (Some("Acme Widgets".to_owned()), tally(1, 0)),
            (Some("acme  widgets".to_owned()), tally(4, 0)),
            (None, tally(5, 0)),
        ]
        .into_iter()
        .collect();
        let rows = sorted(by_body(groups), Dimension::Organisation);
        let got: Vec<(Option<&str>, Option<&str>, u64, u64)> = rows
            .iter()
            .map(|r| (r.group.as_deref(), r.id.as_deref(), r.decisions, r.upheld))
            .collect();
        assert_eq!(
            got,
            vec![
                (Some("London Borough of Camden"), Some("camden"), 5, 3),
                // Unknown: the id of the normalised name, labelled with the commoner spelling.
                (Some("acme  widgets"), Some("acme-widgets"), 5, 0),
                (None, None, 5, 0),
            ]
        );
    }

    #[test]
    fn err_by_body_keeps_different_bodies_apart() {
        let groups: Groups = [
            (Some("Somerset County Council".to_owned()), tally(1, 0)),
            (Some("Somerset Council".to_owned()), tally(1, 0)),
            (Some("North Somerset Council".to_owned()), tally(1, 0)),
        ]
        .into_iter()
        .collect();
        let rows = by_body(groups);
        assert_eq!(rows.len(), 3, "{rows:?}");
        assert!(rows.iter().all(|r| r.decisions == 1));
    }
}

//! Stage `stats`: takes an index, a query and filters and a dimension and
//! returns one [`StatsRow`] per group: decisions, share upheld, share with a
//! payment, total payment and mean payment of the paid decisions — the
//! council league tables and trend lines.

use serde::Serialize;

use crate::error::Result;
use crate::index::{Dimension, Filters, OmbudsIndex, Tally};

/// One group's figures.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct StatsRow {
    /// The group's value (`Housing`, `2024`, …); `None` for decisions without one.
    pub group: Option<String>,
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
        decisions: t.count,
        upheld: t.upheld,
        share_upheld: share(t.upheld, t.count),
        with_payment: t.with_payment,
        share_with_payment: share(t.with_payment, t.count),
        total_payment_pence: t.payment_pence,
        mean_payment_when_paid_pence: mean_when_paid,
    }
}

/// Groups the decisions matching `query` and `filters` by `by`.
pub fn stats(idx: &OmbudsIndex, query: Option<&str>, filters: &Filters, by: Dimension) -> Result<Stats> {
    let (total, groups) = idx.group(query, filters, by)?;
    let mut rows: Vec<StatsRow> = groups.into_iter().map(|(k, t)| row(k, t)).collect();
    rows.sort_by(|a, b| match (&a.group, &b.group) {
        (None, None) => std::cmp::Ordering::Equal,
        (None, Some(_)) => std::cmp::Ordering::Greater,
        (Some(_), None) => std::cmp::Ordering::Less,
        (Some(x), Some(y)) if by == Dimension::Year => x.len().cmp(&y.len()).then(x.cmp(y)),
        (Some(x), Some(y)) => b.decisions.cmp(&a.decisions).then(x.cmp(y)),
    });
    Ok(Stats {
        by: by.as_str(),
        total,
        groups: rows,
    })
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
}

//! Stage `stats`: takes an index, a query and filters and a dimension and
//! returns one [`StatsRow`] per group: decisions, share upheld, total and mean
//! payment — the council league tables and trend lines.

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
    /// Decisions with a payment.
    pub with_payment: u64,
    /// Sum of total payments, in pence.
    pub total_payment_pence: u64,
    /// `total_payment_pence / decisions`, rounded to the penny.
    pub mean_payment_pence: u64,
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

fn row(group: Option<String>, t: Tally) -> StatsRow {
    let share = if t.count == 0 {
        0.0
    } else {
        t.upheld as f64 / t.count as f64
    };
    let mean = (t.payment_pence + t.count / 2).checked_div(t.count).unwrap_or(0);
    StatsRow {
        group,
        decisions: t.count,
        upheld: t.upheld,
        share_upheld: share,
        with_payment: t.with_payment,
        total_payment_pence: t.payment_pence,
        mean_payment_pence: mean,
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
        assert_eq!(r.mean_payment_pence, 251);
        let r = row(None, Tally::default());
        assert_eq!((r.share_upheld, r.mean_payment_pence), (0.0, 0));
    }
}

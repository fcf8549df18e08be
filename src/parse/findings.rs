//! `parse::findings`: takes a [`Decision`] whose summary and sections are
//! filled and adds faults, no-fault findings, remedies, payments and
//! legislation. (Being written: see issue 3.)

use crate::parse::record::Decision;

/// Fills `faults`, `no_fault_findings`, `remedies`, `payments`,
/// `total_payment_pence` and `legislation` from the summary and sections.
pub fn extract(decision: &mut Decision) {
    decision.total_payment_pence = decision.payments.iter().map(|p| p.amount_pence).sum();
}

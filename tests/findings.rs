//! Findings (faults, remedies, payments, legislation) over the corpus and generated documents.

//! The integration test binary: one module per area (as ripgrep's `tests/tests.rs`).

mod corpus;
mod findings;
mod cli;
mod robustness;

//! The integration test binary: one module per area (as ripgrep's `tests/tests.rs`).

mod browser;
mod cli;
mod corpus;
mod docs;
mod findings;
mod html;
mod ingest;
mod research;
mod robustness;
mod serve;

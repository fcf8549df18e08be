//! **ombuds** turns published decisions of the UK Local Government and Social
//! Care Ombudsman (LGSCO) into structured [`Decision`] records and a
//! searchable index.
//!
//! The work is one pipeline, and the modules below are declared in its order:
//!
//! | stage | takes | returns |
//! |---|---|---|
//! | [`source`] | a path, standard input or bytes | [`source::SourceText`]: decoded text or markup, hash, warnings |
//! | [`html`] | the markup of a saved page | [`html::Page`]: the [`blocks::Blocks`] the text path builds, page metadata |
//! | [`clean`] | text | [`clean::Cleaned`]: lines with boilerplate removed, line numbers kept |
//! | [`blocks`] | cleaned lines | [`blocks::Blocks`]: header fields, headings and paragraphs |
//! | [`parse`] | blocks | a [`Decision`] record |
//! | [`index`] | decisions | a Tantivy index; queries; hits |
//! | [`ingest`], [`stats`] | paths; an index | an updated index; grouped counts |
//! | [`export`] | an index, a query and filters | table files (JSONL, CSV, Parquet) with provenance |
//! | [`cli`] | command-line arguments | what the `ombuds` binary prints |
//! | [`serve`] | HTTP requests | pages and JSON over an index (`ombuds serve`), written with `cli`'s writers |
//!
//! # Example
//!
//! ```
//! let text = "Derbyshire County Council (23 017 456)\n\
//!     Category : Children's care services > Child protection\n\
//!     Decision : Upheld\n\
//!     Decision date : 06 Jun 2024\n\
//!     The Ombudsman's final decision:\n\
//!     Summary: The Council was at fault for causing a short delay.\n\
//!     The complaint\n\
//!     - The complainant, whom I refer to as Miss B, complains about the Council.\n\
//!     Back to top\n";
//! let decision = ombuds::parse(text, None);
//! assert_eq!(decision.reference.as_deref(), Some("23 017 456"));
//! assert_eq!(decision.organisation.as_deref(), Some("Derbyshire County Council"));
//! assert_eq!(decision.subcategory.as_deref(), Some("Child protection"));
//! assert_eq!(decision.decision_date.unwrap().to_string(), "2024-06-06");
//! assert_eq!(decision.complainant.as_deref(), Some("Miss B"));
//! assert_eq!(decision.sections[0].heading.as_deref(), Some("The complaint"));
//! assert_eq!(decision.sections[0].paragraphs.len(), 1);
//! ```
#![warn(clippy::print_stdout, clippy::print_stderr)]

pub mod error;

// Declared in pipeline order (see the table above).
pub mod blocks;
pub mod clean;
pub mod cli;
pub mod export;
pub mod html;
pub mod index;
pub mod ingest;
pub mod parse;
pub mod serve;
pub mod source;
pub mod stats;

pub use error::{Error, Location, Result};
pub use parse::record::{
    Citation, Deadline, Decision, Finding, OrganisationKind, Paragraph, Payment, Remedy, RemedyKind, Section,
    SourceInfo,
};
pub use parse::{parse, parse_source};

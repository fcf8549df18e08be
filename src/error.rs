//! The library's error type: what went wrong, with the file and line it concerns.
//!
//! Messages are lower case, put the context first, then the cause, then a hint,
//! e.g. `corpus/x.txt: line 3: decision date: expected a date like '06 Jun 2024', but found 'June-ish'`.

use std::fmt;
use std::path::PathBuf;

/// Where an error happened: a file (or standard input) and, when known, a line.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Location {
    /// The file; `None` for standard input or text given directly.
    pub path: Option<PathBuf>,
    /// 1-based line number, when the problem is on one line.
    pub line: Option<usize>,
}

impl Location {
    /// A location naming only a file.
    pub fn file(path: Option<PathBuf>) -> Location {
        Location { path, line: None }
    }
}

impl fmt::Display for Location {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match &self.path {
            Some(p) => write!(f, "{}", p.display())?,
            None => f.write_str("<stdin>")?,
        }
        if let Some(line) = self.line {
            write!(f, ": line {line}")?;
        }
        Ok(())
    }
}

/// Everything the library can fail with.
#[derive(Debug, thiserror::Error)]
pub enum Error {
    /// The file could not be read.
    #[error("{at}: cannot read: {source}")]
    Read {
        /// The file.
        at: Location,
        /// The I/O error.
        source: std::io::Error,
    },
    /// The file is empty or holds only white space.
    #[error("{at}: empty file: there is no decision text in it")]
    Empty {
        /// The file.
        at: Location,
    },
    /// The file holds binary data, not text.
    #[error("{at}: binary data: {detail}; expected the text of an LGSCO decision")]
    Binary {
        /// The file.
        at: Location,
        /// What showed it is binary.
        detail: String,
    },
    /// The text is not an LGSCO decision.
    #[error("{at}: not a decision: {detail}; expected a title line like 'Derbyshire County Council (23 017 456)' or a 'Category :' / 'Decision date :' header")]
    NotADecision {
        /// The file.
        at: Location,
        /// What was missing.
        detail: String,
    },
    /// A line of a records file (JSONL) is malformed.
    #[error("{at}: {detail}")]
    BadRecord {
        /// The file and line.
        at: Location,
        /// What is wrong with it.
        detail: String,
    },
    /// The search index could not be opened, read or written.
    #[error("index {path}: {detail}")]
    Index {
        /// The index directory.
        path: PathBuf,
        /// What went wrong, with the hint to fix it.
        detail: String,
    },
    /// An output file could not be written.
    #[error("{at}: cannot write: {detail}; check the directory exists and has space, and try again")]
    Write {
        /// The file.
        at: Location,
        /// What went wrong.
        detail: String,
    },
    /// A search query is malformed.
    #[error("query: {detail}")]
    Query {
        /// What is wrong with it and how to fix it.
        detail: String,
    },
}

/// The library's result type.
pub type Result<T, E = Error> = std::result::Result<T, E>;

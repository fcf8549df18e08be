//! The `ombuds` command line: ingest, search, show, stats, parse.

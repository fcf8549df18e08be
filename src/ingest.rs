//! Stage `ingest`: takes paths to decision files and returns an updated index
//! and a per-file report. (Being written: see issue 4.)

//! Hostile input, crashes during ingest, locked and damaged indexes, hostile queries.

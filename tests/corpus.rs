//! Parser over the bundled corpus: labels, expected seed facts, snapshots, schema.

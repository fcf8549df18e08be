//! `parse::remedies`: (being written, issue 3).

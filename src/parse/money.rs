//! `parse::money`: (being written, issue 3).

//! `parse::legislation`: (being written, issue 3).

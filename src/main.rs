//! The `ombuds` binary. (stub)
fn main() {}

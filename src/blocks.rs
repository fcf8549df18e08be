//! Stage 3, `blocks`: takes [`Cleaned`] lines and returns [`Blocks`]. (stub)
use crate::clean::Cleaned;
/// Blocks.
#[derive(Debug, Default)]
pub struct Blocks {}
/// Splits lines into blocks.
pub fn blocks(_c: &Cleaned) -> Blocks { Blocks {} }

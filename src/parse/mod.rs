//! Stage 4, `parse`: takes [`Blocks`](crate::blocks::Blocks) and returns a [`Decision`]. (stub)
pub mod record;
pub mod findings;
pub mod legislation;
pub mod money;
pub mod remedies;
use crate::error::Result;
use crate::source::SourceText;
use record::Decision;

/// Parses decision text (infallible: what is not there is `None`).
pub fn parse(text: &str, url: Option<&str>) -> Decision {
    let src = SourceText::from_text(text, url);
    let mut d = Decision { source: src.info, ..Decision::default() };
    findings::extract(&mut d);
    d
}

/// Parses a decoded source; fails when the text is not a decision.
pub fn parse_source(src: &SourceText) -> Result<Decision> {
    let mut d = parse(&src.text, src.info.url.as_deref());
    d.source = src.info.clone();
    Ok(d)
}

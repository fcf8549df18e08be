//! Fuzz target for the parser: arbitrary bytes through `SourceText::from_bytes`
//! and `parse_source`, and the same bytes (lossily decoded) through `parse`.
//! Each resulting `Decision` must satisfy invariants that hold for any input.
#![no_main]

use libfuzzer_sys::fuzz_target;
use ombuds::source::SourceText;
use ombuds::Decision;

fuzz_target!(|data: &[u8]| {
    if let Ok(src) = SourceText::from_bytes(data, None, None) {
        if let Ok(d) = ombuds::parse_source(&src) {
            check(&d);
        }
    }
    let text = String::from_utf8_lossy(data);
    check(&ombuds::parse(&text, None));
    // A URL gives the category when the text has none; feed the first line as one.
    if let Some(line) = text.lines().next() {
        check(&ombuds::parse(&text, Some(line)));
    }
});

/// Invariants every record must satisfy, whatever the input.
fn check(d: &Decision) {
    if let Err(e) = d.check_invariants() {
        panic!("{e}");
    }
}

//! Fuzz target for saved pages: arbitrary bytes read as a `.html` file
//! (`SourceText::from_bytes`: charset from the BOM or `<meta>`, then the HTML
//! path, whatever the bytes) and `parse_source`, and the same bytes (lossily
//! decoded) through `html::page`. Each resulting `Decision` must satisfy the
//! record invariants.
#![no_main]

use std::path::Path;

use libfuzzer_sys::fuzz_target;
use ombuds::source::SourceText;

fuzz_target!(|data: &[u8]| {
    if let Ok(src) = SourceText::from_bytes(data, Some(Path::new("fuzz.html")), None) {
        if let Ok(d) = ombuds::parse_source(&src) {
            if let Err(e) = d.check_invariants() {
                panic!("{e}");
            }
        }
    }
    let page = ombuds::html::page(&String::from_utf8_lossy(data));
    assert!(page.blocks.body.len() <= data.len());
});

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
    // Paragraph numbers run 1..=n across sections, in reading order.
    let numbers: Vec<u32> = d
        .sections
        .iter()
        .flat_map(|s| s.paragraphs.iter().map(|p| p.number))
        .collect();
    for (i, n) in numbers.iter().enumerate() {
        assert_eq!(*n as usize, i + 1, "paragraph numbers not continuous: {numbers:?}");
    }
    // Findings point at paragraphs that exist.
    for f in d.faults.iter().chain(&d.no_fault_findings) {
        if let Some(p) = f.paragraph {
            assert!(
                p >= 1 && p as usize <= numbers.len(),
                "finding points at paragraph {p} of {}",
                numbers.len()
            );
        }
    }
    // The total is the sum of the payments.
    let sum = d
        .payments
        .iter()
        .try_fold(0u64, |acc, p| acc.checked_add(p.amount_pence));
    assert_eq!(
        Some(d.total_payment_pence),
        sum,
        "total_payment_pence is not the sum of payments"
    );
    // The record serialises to JSON and reads back unchanged.
    let json = serde_json::to_string(d).expect("decision serialises");
    let back: Decision = serde_json::from_str(&json).expect("decision JSON reads back");
    assert_eq!(&back, d, "JSON round trip changed the record");
}

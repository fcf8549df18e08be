//! Findings (faults, remedies, payments, legislation) over the corpus and generated documents.

use std::collections::BTreeMap;

use ombuds::parse::money;
use ombuds::parse::record::{Decision, Paragraph, Section};
use serde_json::Value;

use crate::corpus::{assert_no_failures, corpus_files, parse_file, root};

fn json(path: &str) -> Value {
    let text = std::fs::read_to_string(root().join(path)).expect(path);
    serde_json::from_str(&text).expect("json parses")
}

fn strs(v: &Value) -> Vec<&str> {
    v.as_array()
        .map(|a| a.iter().filter_map(Value::as_str).collect())
        .unwrap_or_default()
}

/// Counts of each value, for comparing lists as multisets.
fn multiset(values: impl IntoIterator<Item = u64>) -> BTreeMap<u64, usize> {
    let mut m = BTreeMap::new();
    for v in values {
        *m.entry(v).or_insert(0) += 1;
    }
    m
}

#[test]
fn seeds_match_expected_findings() {
    let expected = json("corpus/seeds/expected.json");
    let mut failures = Vec::new();
    for (file, want) in expected["decisions"].as_object().expect("decisions") {
        let d = parse_file(&root().join("corpus/seeds").join(file), None);
        let got_pence: Vec<u64> = d.payments.iter().map(|p| p.amount_pence).collect();
        let want_pence: Vec<u64> = want["payments_pence"]
            .as_array()
            .expect("payments_pence")
            .iter()
            .filter_map(Value::as_u64)
            .collect();
        if multiset(got_pence.clone()) != multiset(want_pence.clone()) {
            failures.push(format!(
                "{file}: payments_pence: want {want_pence:?}, got {got_pence:?}"
            ));
        }
        let want_total = want["total_payment_pence"].as_u64().expect("total");
        if d.total_payment_pence != want_total {
            failures.push(format!(
                "{file}: total_payment_pence: want {want_total}, got {}",
                d.total_payment_pence
            ));
        }
        let kinds: Vec<&str> = d.remedies.iter().map(|r| r.kind.as_str()).collect();
        for k in strs(&want["remedy_kinds"]) {
            if !kinds.contains(&k) {
                failures.push(format!("{file}: remedy kind {k:?} missing from {kinds:?}"));
            }
        }
        let dates: Vec<String> = d
            .remedies
            .iter()
            .filter_map(|r| r.deadline.as_ref()?.date.map(|x| x.to_string()))
            .collect();
        for date in strs(&want["remedy_deadlines"]) {
            if !dates.iter().any(|x| x == date) {
                failures.push(format!("{file}: remedy deadline {date} missing from {dates:?}"));
            }
        }
        for (field, list) in [
            ("faults_include", &d.faults),
            ("no_fault_include", &d.no_fault_findings),
        ] {
            for phrase in strs(&want[field]) {
                if !list.iter().any(|f| f.text.contains(phrase)) {
                    let texts: Vec<&str> = list.iter().map(|f| f.text.as_str()).collect();
                    failures.push(format!("{file}: {field}: {phrase:?} in none of {texts:#?}"));
                }
            }
        }
        // Findings in the body carry the paragraph that holds them.
        for f in d.faults.iter().chain(&d.no_fault_findings) {
            if let Some(n) = f.paragraph {
                let holder = d.sections.iter().flat_map(|s| &s.paragraphs).find(|p| p.number == n);
                if !holder.is_some_and(|p| p.text.contains(&f.text)) {
                    failures.push(format!("{file}: finding {:?} not in paragraph {n}", f.text));
                }
            }
        }
        // Every seed cites the Ombudsman's own powers.
        if !d
            .legislation
            .iter()
            .any(|c| c.act == "Local Government Act 1974" && c.section.is_some())
        {
            failures.push(format!(
                "{file}: no Local Government Act 1974 section in {:?}",
                d.legislation
            ));
        }
    }
    assert_no_failures(&failures);
}

/// The excerpts' `payments_in_text` labels list every sum (in pounds) the
/// page mentions near a remedy, including sums that are not payments: the
/// costs of a liability order (015), weekly care costs quoted in both summary
/// and body (055), the compensation a complainant asked for (063). So the
/// check is:
/// - every sum the parser calls a payment is a labelled sum (as a multiset);
/// - a labelled sum that the page states in a sentence with the verb "pay"
///   or "pays" is a payment, and one that appears only in other sentences is
///   not (this test's own split into sentences, simpler than the parser's);
/// - the money scanner finds every labelled sum in the text.
#[test]
fn excerpt_payments_agree_with_labels() {
    let labels = json("corpus/excerpts/labels.json");
    let pay_word = regex::Regex::new(r"(?i)\bpays?\b").expect("regex");
    let mut failures = Vec::new();
    for label in labels.as_array().expect("labels") {
        let file = label["file"].as_str().expect("file");
        let path = root().join("corpus/excerpts").join(file);
        let text = std::fs::read_to_string(&path).expect("excerpt");
        let d = parse_file(&path, label["url"].as_str());
        let labelled: Vec<u64> = label["payments_in_text"]
            .as_array()
            .expect("payments_in_text")
            .iter()
            .filter_map(|v| v.as_f64())
            .map(|pounds| (pounds * 100.0).round() as u64)
            .collect();
        let got: Vec<u64> = d.payments.iter().map(|p| p.amount_pence).collect();
        let label_counts = multiset(labelled.clone());
        for (pence, n) in multiset(got.clone()) {
            if label_counts.get(&pence).copied().unwrap_or(0) < n {
                failures.push(format!(
                    "{file}: payment {pence}p x{n} is not labelled (labels {labelled:?})"
                ));
            }
        }
        let in_text: Vec<u64> = money::amounts(&text).iter().map(|a| a.pence).collect();
        let sentences: Vec<&str> = text.split(['\n', ';']).flat_map(|l| l.split(". ")).collect();
        for pence in &labelled {
            if !in_text.contains(pence) {
                failures.push(format!("{file}: labelled sum {pence}p not found by money::amounts"));
            }
            let in_pay_sentence = sentences
                .iter()
                .any(|s| pay_word.is_match(s) && money::amounts(s).iter().any(|a| a.pence == *pence));
            if in_pay_sentence != got.contains(pence) {
                failures.push(format!(
                    "{file}: labelled sum {pence}p: in a 'pay' sentence: {in_pay_sentence}, extracted as a payment: {}",
                    got.contains(pence)
                ));
            }
        }
    }
    assert_no_failures(&failures);
}

/// Old 2016-era pages with no remedy heading state their remedies in
/// "To remedy the injustice caused, the council should:" paragraphs.
#[test]
fn old_pages_without_remedy_heading_give_remedies() {
    let mut failures = Vec::new();
    for path in corpus_files("excerpts") {
        let text = std::fs::read_to_string(&path).expect("excerpt");
        if !text.contains("To remedy the injustice caused") && !text.contains("The council should, within") {
            continue;
        }
        let d = parse_file(&path, None);
        let kinds: Vec<&str> = d.remedies.iter().map(|r| r.kind.as_str()).collect();
        if !kinds
            .iter()
            .any(|k| *k == "apology" || *k == "financial" || *k == "provide_service")
        {
            failures.push(format!("{}: remedies {kinds:?}", path.display()));
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

// ---------------------------------------------------------------------------
// Generated documents
// ---------------------------------------------------------------------------

/// A small deterministic generator (no dependency on a seed file).
struct Lcg(u64);

impl Lcg {
    fn pick<'a, T>(&mut self, items: &'a [T]) -> &'a T {
        self.0 = self
            .0
            .wrapping_mul(6364136223846793005)
            .wrapping_add(1442695040888963407);
        &items[((self.0 >> 33) as usize) % items.len()]
    }
}

/// One generated remedy payment: how it is written and what must be read.
struct PaySpec {
    written: &'static str,
    pence: u64,
}

const AMOUNTS: &[PaySpec] = &[
    PaySpec {
        written: "£1,200",
        pence: 120000,
    },
    PaySpec {
        written: "£1200",
        pence: 120000,
    },
    PaySpec {
        written: "£159.58",
        pence: 15958,
    },
    PaySpec {
        written: "£250",
        pence: 25000,
    },
    PaySpec {
        written: "£75",
        pence: 7500,
    },
];

const SINGLE: &[&str] = &["Mr B", "Mrs X", "Ms E", "Miss C", "Mx D", "Dr Y"];

/// (lead phrase, deadline days, deadline date)
const DEADLINES: &[(&str, Option<u32>, Option<&str>)] = &[
    ("Within one month of the final decision", Some(30), None),
    ("Within two months of the date of this decision", Some(60), None),
    ("Within three months", Some(90), None),
    ("Within four weeks of my final decision", Some(28), None),
    ("By 20 May 2024", None, Some("2024-05-20")),
];

/// Sums that are not remedy payments, placed in the body and the agreed
/// action section.
const NOT_PAYMENTS: &[&str] = &[
    "The Council refused to pay £300 towards the cost of the assessment.",
    "Mr Q owes council tax arrears of £1,450.",
    "The Council awarded a Disabled Facilities Grant of £5,000 in 2022.",
    "The Council charged fees of £95 a week for the care.",
    "Mrs Q asked the Council for £600 in compensation. It did not offer one.",
];

/// Fault and no-fault sentences, each with a unique tail to find it by.
const FAULTS: &[&str] = &[
    "The Council did not reply for six months. This is fault.",
    "The Council was at fault for the delay in reviewing the plan.",
    "I have found fault with how the Council handled the review.",
    "The Council accepted it was at fault for losing the letter.",
];
const NO_FAULTS: &[&str] = &[
    "The Council decided the application properly and was not at fault.",
    "I cannot find fault with the way the panel reached its decision.",
    "I have found no fault in how the Council assessed the risk.",
];

/// A decision page in the layout of the seeds: header, summary, numbered
/// paragraphs, "Back to top" lines, an "Agreed action" section.
fn page(
    summary: &str,
    found: &[String],
    actions_lead: &str,
    actions: &[String],
    after: &[String],
    bullets: bool,
) -> String {
    let mut out = String::from(
        "Anyshire County Council (24 001 234)\n\nCategory : Housing > Allocations\n\nDecision : Upheld\n\nDecision date : 05 Mar 2024\n\nThe Ombudsman's final decision:\n\n",
    );
    out.push_str(&format!("Summary: {summary}\n\n"));
    let para = |n: usize, text: &str| {
        if bullets {
            format!("- {text}\n")
        } else {
            format!("  {n}. {text}\n")
        }
    };
    out.push_str("The complaint\n\n");
    out.push_str(&para(
        1,
        "Mr B complains about how the Council dealt with his housing application.",
    ));
    out.push_str("\nBack to top\n\nThe Ombudsman’s role and powers\n\n");
    out.push_str(&para(1, "If there has been fault which has caused an injustice, we may suggest a remedy. (Local Government Act 1974, sections 26(1) and 26A(1), as amended)"));
    out.push_str("\nBack to top\n\nWhat I found\n\n");
    for (i, f) in found.iter().enumerate() {
        out.push_str(&para(i + 1, f));
    }
    out.push_str("\nBack to top\n\nAgreed action\n\n");
    if bullets {
        out.push_str(&format!("- {actions_lead}\n"));
        for a in actions {
            out.push_str(&format!("- {a}\n"));
        }
    } else {
        out.push_str(&format!("  1. {actions_lead}\n"));
        for a in actions {
            out.push_str(&format!("    • {a}\n"));
        }
    }
    for (i, a) in after.iter().enumerate() {
        out.push_str(&para(i + 2, a));
    }
    out.push_str("\nBack to top\n\nFinal decision\n\n");
    out.push_str(&para(1, "I have completed my investigation."));
    out.push_str("\nInvestigator's decision on behalf of the Ombudsman\n");
    out
}

#[test]
fn generated_documents_give_their_payments_remedies_and_findings() {
    let mut rng = Lcg(20240605);
    let mut failures = Vec::new();
    for case in 0..40 {
        let bullets = case % 2 == 1;
        let a1 = rng.pick(AMOUNTS);
        let a2 = rng.pick(AMOUNTS);
        let who = *rng.pick(SINGLE);
        let (lead, days, date) = *rng.pick(DEADLINES);
        let noise1 = *rng.pick(NOT_PAYMENTS);
        let noise2 = *rng.pick(NOT_PAYMENTS);
        let fault = *rng.pick(FAULTS);
        let no_fault = *rng.pick(NO_FAULTS);
        let found = vec![
            noise1.to_string(),
            fault.to_string(),
            no_fault.to_string(),
            "Under section 47 of the Children Act 1989 the Council must make enquiries.".to_string(),
        ];
        let actions = vec![
            format!("apologise to {who} for the delay;"),
            format!("pay {who} {} for the distress caused by the delay;", a1.written),
            format!(
                "pay Mr and Mrs Z {} each to recognise their time and trouble; and",
                a2.written
            ),
            "remind its officers of the need to record decisions.".to_string(),
        ];
        let after = vec![
            noise2.to_string(),
            "The Council should provide us with evidence it has complied with the above actions.".to_string(),
        ];
        let summary = format!("{who} complained about the Council. The Council has agreed to pay {who} £999.");
        let text = page(
            &summary,
            &found,
            &format!("{lead}, the Council will:"),
            &actions,
            &after,
            bullets,
        );
        let d = ombuds::parse(&text, None);
        let ctx = format!("case {case} (bullets: {bullets})");

        let got: Vec<(u64, Option<&str>)> = d
            .payments
            .iter()
            .map(|p| (p.amount_pence, p.recipient.as_deref()))
            .collect();
        let want = vec![
            (a1.pence, Some(who)),
            (a2.pence, Some("Mr Z")),
            (a2.pence, Some("Mrs Z")),
        ];
        if got != want {
            failures.push(format!("{ctx}: payments: want {want:?}, got {got:?}"));
        }
        if d.total_payment_pence != a1.pence + 2 * a2.pence {
            failures.push(format!("{ctx}: total {}", d.total_payment_pence));
        }
        if d.payments.first().and_then(|p| p.reason.as_deref()) != Some("the distress caused by the delay") {
            failures.push(format!("{ctx}: reason {:?}", d.payments.first().map(|p| &p.reason)));
        }
        let kinds: Vec<&str> = d.remedies.iter().map(|r| r.kind.as_str()).collect();
        if kinds != ["apology", "financial", "financial", "training_or_guidance"] {
            failures.push(format!("{ctx}: kinds {kinds:?}"));
        }
        for r in &d.remedies {
            let got_days = r.deadline.as_ref().and_then(|x| x.days);
            let got_date = r.deadline.as_ref().and_then(|x| x.date).map(|x| x.to_string());
            if got_days != days || got_date.as_deref() != date {
                failures.push(format!("{ctx}: deadline of {:?}: {:?}", r.text, r.deadline));
            }
        }
        if !d.faults.iter().any(|f| fault.contains(&f.text)) {
            failures.push(format!("{ctx}: fault {fault:?} not in {:?}", d.faults));
        }
        if !d.no_fault_findings.iter().any(|f| no_fault.contains(&f.text)) {
            failures.push(format!("{ctx}: no fault {no_fault:?} not in {:?}", d.no_fault_findings));
        }
        if d.faults.iter().any(|f| NO_FAULTS.iter().any(|n| n.contains(&f.text))) {
            failures.push(format!("{ctx}: a no-fault sentence is a fault: {:?}", d.faults));
        }
        let acts: Vec<(&str, Option<&str>)> = d
            .legislation
            .iter()
            .map(|c| (c.act.as_str(), c.section.as_deref()))
            .collect();
        let want_acts = vec![
            ("Local Government Act 1974", Some("26(1)")),
            ("Local Government Act 1974", Some("26A(1)")),
            ("Children Act 1989", Some("47")),
        ];
        if acts != want_acts {
            failures.push(format!("{ctx}: legislation {acts:?}"));
        }
    }
    assert_no_failures(&failures);
}

/// A cut-off page has no agreed-action section: the summary's remedies
/// count, and its non-payment sums do not.
#[test]
fn generated_cut_off_page_takes_remedies_from_summary() {
    for (written, pence) in [("£1,200", 120000u64), ("£159.58", 15958), ("£300", 30000)] {
        let text = format!(
            "Anyshire County Council (24 001 234)\n\nCategory : Housing > Allocations\n\nDecision : Upheld\n\nDecision date : 05 Mar 2024\n\nThe Ombudsman's final decision:\n\nSummary: Mrs X complains about council tax arrears of £2,000. The Council was at fault. It should apologise and pay Mrs X {written} for the distress caused.\n\nThe complaint\n\n  1. Mrs X complains the Council refused to pay £300 towards her costs and wants £500.\n\nBack to top\n\nWhat I found\n\n  1. The Council sent the bill of £2,000 to the wrong add"
        );
        let d = ombuds::parse(&text, None);
        let got: Vec<u64> = d.payments.iter().map(|p| p.amount_pence).collect();
        assert_eq!(got, vec![pence], "{written}: {:?}", d.payments);
        assert_eq!(d.payments[0].recipient.as_deref(), Some("Mrs X"));
        let kinds: Vec<&str> = d.remedies.iter().map(|r| r.kind.as_str()).collect();
        assert_eq!(kinds, vec!["apology", "financial"]);
        assert_eq!(d.faults.len(), 1, "{:?}", d.faults);
    }
}

/// Findings never panic and the total always equals the sum of payments,
/// whatever the text (odd characters, huge sums, long inputs).
#[test]
fn extract_survives_odd_text() {
    let odd = [
        "£".repeat(1000),
        "pay Mr X £99999999999999999999999 now.".to_string(),
        "pay Mr X £18446744073709551 and £18446744073709551 each".to_string(),
        "’.’. ’ — “This is fault.” \u{2028} ✓ £5 ✓".to_string(),
        "pay Mr X £1 for the delay; ".repeat(1000),
        "- \n- \n:\n- :".to_string(),
        "Within 99999999 months, by 99 Foo 9999, by 31 February 2024, the Council will:".to_string(),
        "section section section Act 1974 Act Act 2000 (Local Government Act 1974, sections ".to_string(),
    ];
    for text in odd {
        let mut d = Decision {
            summary: Some(text.clone()),
            sections: vec![Section {
                heading: Some("Agreed action".to_string()),
                paragraphs: vec![Paragraph {
                    number: 1,
                    text: text.clone(),
                }],
            }],
            ..Decision::default()
        };
        ombuds::parse::findings::extract(&mut d);
        let sum = d.payments.iter().fold(0u64, |s, p| s.saturating_add(p.amount_pence));
        assert_eq!(d.total_payment_pence, sum);
        let _ = ombuds::parse(&text, None);
    }
}

/// A 2016-era page in the layout of excerpts 049 and 057: no summary line,
/// no remedy heading, remedies in a "To remedy the injustice caused …:" list
/// and in "The council should …" paragraphs.
fn old_page(lead: &str, items: &[String], after: &[String]) -> String {
    let mut out = String::from(
        "16 004 113\n\nCategory : Education > Special educational needs\n\nDecision : Upheld\n\nDecision date : 24 Aug 2017\n\nMrs B complains the council failed to provide support for her son.\n\nThe complaint\n\nMrs B complains the council failed to provide support. She asked the council to pay her £2,500 but it refused to pay.\n\nThe council charged Mrs B fees of £120 for the assessment.\n\nThe Ombudsman upheld the complaint and found fault causing injustice.\n\n",
    );
    out.push_str(&format!("{lead}\n"));
    for item in items {
        out.push_str(&format!("  • {item}\n"));
    }
    for a in after {
        out.push_str(&format!("{a}\n"));
    }
    out.push_str("Ombudsman satisfied with council's response: 26 January 2018.\n\nPrint this page\n");
    out
}

#[test]
fn generated_old_pages_give_their_payments_and_remedies() {
    let mut rng = Lcg(2017);
    let mut failures = Vec::new();
    for case in 0..20 {
        let a1 = rng.pick(AMOUNTS);
        let a2 = rng.pick(AMOUNTS);
        let who = *rng.pick(SINGLE);
        let lead = *rng.pick(&[
            "To remedy the injustice caused, the council should:",
            "To remedy the injustice caused, we recommend the council:",
            "To remedy the injustice caused the council has agreed to:",
        ]);
        let items = vec![
            format!("apologise to {who} for the delay;"),
            format!(
                "pay {who} {} for the distress caused and {} for the time and trouble;",
                a1.written, a2.written
            ),
            "review its procedures to ensure support is provided on time.".to_string(),
        ];
        let after = vec![
            "The council should also remind staff of the need to consult parents.".to_string(),
            "The council should also start a review of its complaints process within three months.".to_string(),
        ];
        let d = ombuds::parse(&old_page(lead, &items, &after), None);
        let ctx = format!("old page case {case} ({lead})");
        let got: Vec<(u64, Option<&str>)> = d
            .payments
            .iter()
            .map(|p| (p.amount_pence, p.recipient.as_deref()))
            .collect();
        let want = vec![(a1.pence, Some(who)), (a2.pence, Some(who))];
        if got != want {
            failures.push(format!("{ctx}: payments: want {want:?}, got {got:?}"));
        }
        let kinds: Vec<&str> = d.remedies.iter().map(|r| r.kind.as_str()).collect();
        for k in ["apology", "financial", "procedure_change", "training_or_guidance"] {
            if !kinds.contains(&k) {
                failures.push(format!("{ctx}: kind {k} missing from {kinds:?}"));
            }
        }
        let days: Vec<Option<u32>> = d
            .remedies
            .iter()
            .map(|r| r.deadline.as_ref().and_then(|x| x.days))
            .collect();
        if !days.contains(&Some(90)) {
            failures.push(format!("{ctx}: no 90-day deadline in {days:?}"));
        }
        if !d
            .faults
            .iter()
            .any(|f| f.text.contains("found fault causing injustice"))
        {
            failures.push(format!("{ctx}: faults {:?}", d.faults));
        }
    }
    assert_no_failures(&failures);
}

proptest::proptest! {
    #![proptest_config(proptest::prelude::ProptestConfig::with_cases(64))]

    /// Random text made of the pieces the rules look for never panics and
    /// keeps the record's invariants.
    #[test]
    fn extract_never_panics_on_rule_pieces(pieces in proptest::collection::vec(proptest::sample::select(vec![
        "£", "£1,2", "£159.58", "0", ".", ". ", ";", ":", "\n", "\n- ", "- ", "’", "“", "\u{a0}", "é",
        "pay ", "pays Mr and Mrs X ", "each ", "Mr ", "B ", "refused to ", "not ", "arrears of ",
        "within one month ", "by 20 May ", "2022", "should ", "will:", "apologise ", "review its procedures ",
        "at fault", "not at fault", "This is fault", "missed opportunities", "accepted ", "If ",
        "Children Act 1989", "section 47(1) of the ", "(Local Government Act 1974, sections 26(1) and ",
    ]), 0..60), heading in proptest::sample::select(vec!["Agreed action", "What I found", "Final decision"])) {
        let text: String = pieces.concat();
        let mut d = Decision {
            summary: Some(text.clone()),
            sections: vec![Section {
                heading: Some(heading.to_string()),
                paragraphs: vec![Paragraph { number: 1, text: text.clone() }],
            }],
            ..Decision::default()
        };
        ombuds::parse::findings::extract(&mut d);
        let sum = d.payments.iter().fold(0u64, |s, p| s.saturating_add(p.amount_pence));
        proptest::prop_assert_eq!(d.total_payment_pence, sum);
        for f in d.faults.iter().chain(&d.no_fault_findings) {
            proptest::prop_assert!(f.paragraph.is_none() || text.contains(&f.text));
        }
        for p in &d.payments {
            proptest::prop_assert!(p.amount_pence > 0 || p.text.contains('0'));
        }
    }
}

//! Index documents: takes a [`Decision`] and returns the Tantivy document that
//! indexes it, with its upsert key and fingerprint.

use tantivy::schema::Facet;
use tantivy::{DateTime, TantivyDocument};

use crate::index::schema::Fields;
use crate::source::sha256_hex;
use crate::{Decision, SourceInfo};

/// The upsert key of a decision: its normalised reference, or the source hash
/// when it has no reference (so the same unreferenced file is still one document).
pub fn decision_key(decision: &Decision) -> String {
    match decision.reference.as_deref().map(normalise_reference) {
        Some(r) if !r.is_empty() => r,
        _ => format!("sha256:{}", decision.source.sha256),
    }
}

/// A reference reduced to lower-case letters and digits: `23 017 456` and
/// `23-017-456` are both `23017456`; `17 002 402B` is `17002402b`.
pub fn normalise_reference(reference: &str) -> String {
    reference
        .chars()
        .filter(char::is_ascii_alphanumeric)
        .map(|c| c.to_ascii_lowercase())
        .collect()
}

/// A category name as a facet component: lower case, curly apostrophes straight,
/// runs of white space as one space.
pub fn facet_component(name: &str) -> String {
    name.split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
        .replace(['\u{2019}', '\u{2018}'], "'")
        .to_lowercase()
}

/// `Category > Subcategory` (or just `Category`) as printed.
pub fn category_label(category: Option<&str>, subcategory: Option<&str>) -> Option<String> {
    match (category, subcategory) {
        (Some(c), Some(s)) => Some(format!("{c} > {s}")),
        (Some(c), None) => Some(c.to_owned()),
        (None, _) => None,
    }
}

/// Midnight UTC of a civil date, as Tantivy stores it.
pub fn date_to_tantivy(date: jiff::civil::Date) -> DateTime {
    DateTime::from_timestamp_secs(days_since_epoch(date) * 86_400)
}

/// Days from 1970-01-01 to `date` (negative before).
pub fn days_since_epoch(date: jiff::civil::Date) -> i64 {
    let epoch = jiff::civil::date(1970, 1, 1);
    // A civil date is within ±10,000 years, so the day count cannot overflow.
    date.since((jiff::Unit::Day, epoch))
        .map(|s| i64::from(s.get_days()))
        .unwrap_or(0)
}

/// The civil date of a Tantivy date.
pub fn date_from_tantivy(value: DateTime) -> Option<jiff::civil::Date> {
    let days = value.into_timestamp_secs().div_euclid(86_400);
    jiff::civil::date(1970, 1, 1)
        .checked_add(jiff::Span::new().try_days(days).ok()?)
        .ok()
}

/// The text that full-text search and snippets see for the body: headings and paragraphs.
pub fn body_text(decision: &Decision) -> String {
    let mut out = String::new();
    for section in &decision.sections {
        if let Some(h) = &section.heading {
            out.push_str(h);
            out.push('\n');
        }
        for p in &section.paragraphs {
            out.push_str(&p.text);
            out.push('\n');
        }
    }
    out
}

/// The sources a record depends on besides its input: every module from the
/// bytes read to the document written, and the data files they embed. Their
/// hash is part of each decision's [`fingerprint`], so a build whose parser
/// differs in any way re-parses every file on its next ingest, while the same
/// build skips unchanged files without parsing them. A test checks that every
/// module of `src/parse/` and every stage before it is listed.
const PARSER_SOURCES: &[(&str, &str)] = &[
    ("source.rs", include_str!("../source.rs")),
    ("html/mod.rs", include_str!("../html/mod.rs")),
    ("html/dom.rs", include_str!("../html/dom.rs")),
    ("clean.rs", include_str!("../clean.rs")),
    ("blocks.rs", include_str!("../blocks.rs")),
    ("parse/mod.rs", include_str!("../parse/mod.rs")),
    ("parse/candidates.rs", include_str!("../parse/candidates.rs")),
    ("parse/findings.rs", include_str!("../parse/findings.rs")),
    ("parse/header.rs", include_str!("../parse/header.rs")),
    ("parse/legislation.rs", include_str!("../parse/legislation.rs")),
    ("parse/money.rs", include_str!("../parse/money.rs")),
    ("parse/organisation.rs", include_str!("../parse/organisation.rs")),
    ("parse/record.rs", include_str!("../parse/record.rs")),
    ("parse/remedies.rs", include_str!("../parse/remedies.rs")),
    ("parse/sections.rs", include_str!("../parse/sections.rs")),
    ("index/document.rs", include_str!("document.rs")),
    ("organisations.csv", include_str!("../../schema/organisations.csv")),
    ("reorganisations.csv", include_str!("../../schema/reorganisations.csv")),
];

/// The version of the parser: `0.1.0+` and 16 hex digits of the hash of
/// [`PARSER_SOURCES`]. Computed once.
pub fn parser_version() -> &'static str {
    static VERSION: std::sync::OnceLock<String> = std::sync::OnceLock::new();
    VERSION.get_or_init(|| {
        let mut all = String::new();
        for (name, text) in PARSER_SOURCES {
            all.push_str(name);
            all.push('\0');
            all.push_str(text);
            all.push('\0');
        }
        let hash = sha256_hex(all.as_bytes());
        format!("{}+{}", env!("CARGO_PKG_VERSION"), &hash[..16])
    })
}

/// The fingerprint of a decision: SHA-256 of the source's bytes (its
/// `sha256`), its URL and the [`parser_version`], but not its path, so the
/// same file reached as `corpus/x.txt`, `./corpus/x.txt` or an absolute path
/// has the same fingerprint. Ingest counts a decision whose key and
/// fingerprint are already in the index as unchanged, without parsing it.
pub fn fingerprint(source: &SourceInfo) -> String {
    let url = source.url.as_deref().unwrap_or("");
    sha256_hex(format!("{}\n{}\n{url}", parser_version(), source.sha256).as_bytes())
}

/// A decision ready to write: its key, fingerprint and document.
#[derive(Debug)]
pub struct IndexDoc {
    /// See [`decision_key`].
    pub key: String,
    /// See [`fingerprint`].
    pub fingerprint: String,
    /// The document.
    pub doc: TantivyDocument,
}

/// Builds the document for `decision`, read from the file `source_file` (an
/// absolute path, recorded so `ingest --prune` can tell when it is gone).
/// `fingerprint` is [`fingerprint`] of the decision's source, which ingest
/// computes first, to skip unchanged files without parsing them.
pub fn to_document(decision: &Decision, source_file: Option<&str>, fingerprint: String, f: &Fields) -> IndexDoc {
    // Serialising a `Decision` (plain strings, numbers and dates) cannot fail.
    let record = serde_json::to_string(decision).unwrap_or_default();
    let key = decision_key(decision);
    let mut doc = TantivyDocument::new();
    doc.add_text(f.key, &key);
    doc.add_text(f.fingerprint, &fingerprint);
    if let Some(s) = source_file {
        doc.add_text(f.source_file, s);
    }
    if let Some(r) = &decision.reference {
        doc.add_text(f.reference, r);
    }
    if let Some(o) = &decision.organisation {
        doc.add_text(f.organisation, o);
    }
    if let Some(id) = &decision.organisation_id {
        doc.add_text(f.organisation_id, id);
    }
    if let Some(kind) = decision.organisation_kind {
        doc.add_text(f.organisation_kind, kind.as_str());
    }
    if let Some(c) = &decision.category {
        let mut parts = vec![facet_component(c)];
        if let Some(s) = &decision.subcategory {
            parts.push(facet_component(s));
        }
        doc.add_facet(f.category, Facet::from_path(parts));
        doc.add_text(f.category_name, c);
    }
    if let Some(label) = category_label(decision.category.as_deref(), decision.subcategory.as_deref()) {
        doc.add_text(f.category_path, label);
    }
    if let Some(o) = &decision.outcome {
        doc.add_text(f.outcome, o);
    }
    if let Some(d) = decision.decision_date {
        doc.add_date(f.date, date_to_tantivy(d));
        doc.add_u64(f.year, u64::try_from(d.year()).unwrap_or(0));
    }
    doc.add_u64(f.payment, decision.total_payment_pence);
    let mut kinds: Vec<_> = decision.remedies.iter().map(|r| r.kind).collect();
    kinds.sort();
    kinds.dedup();
    for k in kinds {
        doc.add_text(f.remedy, k.as_str());
    }
    if let Some(c) = &decision.complainant {
        doc.add_text(f.complainant, c);
    }
    if let Some(s) = &decision.summary {
        doc.add_text(f.summary, s);
    }
    doc.add_text(f.body, body_text(decision));
    for c in &decision.legislation {
        match &c.section {
            Some(s) => doc.add_text(f.legislation, format!("{} section {s}", c.act)),
            None => doc.add_text(f.legislation, &c.act),
        }
    }
    doc.add_text(f.record, record);
    IndexDoc { key, fingerprint, doc }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ok_normalise_reference() {
        for (input, want) in [
            ("23 017 456", "23017456"),
            ("23-017-456", "23017456"),
            ("17 002 402B", "17002402b"),
            (" 19 007 429 ", "19007429"),
            ("", ""),
        ] {
            assert_eq!(normalise_reference(input), want, "{input:?}");
        }
    }

    #[test]
    fn ok_key_falls_back_to_hash() {
        let mut d = Decision::default();
        d.source.sha256 = "ab".into();
        assert_eq!(decision_key(&d), "sha256:ab");
        d.reference = Some("  ".into());
        assert_eq!(decision_key(&d), "sha256:ab");
        d.reference = Some("24 013 283".into());
        assert_eq!(decision_key(&d), "24013283");
    }

    #[test]
    fn ok_facet_component() {
        for (input, want) in [
            ("Children\u{2019}s care services", "children's care services"),
            ("Housing", "housing"),
            ("  Adult   care services ", "adult care services"),
        ] {
            assert_eq!(facet_component(input), want);
        }
    }

    #[test]
    fn ok_fingerprint_ignores_the_path_only() {
        let info = |path: &str, sha: &str, url: Option<&str>| SourceInfo {
            path: Some(path.into()),
            url: url.map(str::to_owned),
            sha256: sha.into(),
        };
        let base = fingerprint(&info("corpus/a.txt", "aa", None));
        assert_eq!(base, fingerprint(&info("./corpus/a.txt", "aa", None)));
        assert_eq!(base, fingerprint(&info("/abs/corpus/a.txt", "aa", None)));
        assert_ne!(base, fingerprint(&info("corpus/a.txt", "ab", None)));
        assert_ne!(base, fingerprint(&info("corpus/a.txt", "aa", Some("https://x"))));
        assert!(parser_version().starts_with(env!("CARGO_PKG_VERSION")));
    }

    #[test]
    fn ok_parser_sources_list_every_parser_module() {
        // The stages before the index (lib.rs order) whose code shapes a record.
        let skip = ["error.rs", "ingest.rs", "lib.rs", "main.rs", "stats.rs"];
        let src = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("src");
        let listed: Vec<&str> = PARSER_SOURCES.iter().map(|(n, _)| *n).collect();
        for dir in ["", "parse/"] {
            for e in std::fs::read_dir(src.join(dir)).unwrap() {
                let name = format!("{dir}{}", e.unwrap().file_name().to_string_lossy());
                if name.ends_with(".rs") && !skip.contains(&name.as_str()) {
                    assert!(
                        listed.contains(&name.as_str()),
                        "src/{name} is not in PARSER_SOURCES: list it (or skip it here if it cannot change a record)"
                    );
                }
            }
        }
    }

    #[test]
    fn ok_date_round_trip() {
        for d in [
            jiff::civil::date(2024, 6, 6),
            jiff::civil::date(1970, 1, 1),
            jiff::civil::date(1969, 12, 31),
        ] {
            assert_eq!(date_from_tantivy(date_to_tantivy(d)), Some(d));
        }
        assert_eq!(days_since_epoch(jiff::civil::date(1970, 1, 2)), 1);
    }
}

//! Export tables: takes a [`Decision`] and returns its rows in each of the
//! five tables (`decisions`, `faults`, `remedies`, `payments`,
//! `legislation`), every row keyed by the decision's `key` and `reference`.
//!
//! The column lists are the one definition the JSONL, CSV and Parquet
//! writers and the Quickwit doc mapping (`schema/quickwit-index.yaml`) share.

use crate::index::document::{body_text, category_label, decision_key};
use crate::{Decision, Finding};

/// A column's type. Every column but `key` may be null.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ColumnType {
    /// Text (UTF-8).
    Text,
    /// A whole number (64-bit signed).
    Int,
    /// A calendar date (`2024-06-06`).
    Date,
    /// A list of texts (JSON array; lines of one CSV cell; Parquet LIST).
    TextList,
}

/// One column of a table.
#[derive(Debug, Clone, Copy)]
pub struct Column {
    /// Its name.
    pub name: &'static str,
    /// Its type.
    pub ty: ColumnType,
    /// What it holds.
    pub doc: &'static str,
    /// Fields of the record (`schema/decision.schema.json`) it comes from.
    pub record: &'static [&'static str],
    /// Fields of the Tantivy index (`schema/index-schema.json`) it mirrors.
    pub index: &'static [&'static str],
}

/// A table: its name (the file's stem) and columns.
#[derive(Debug, Clone, Copy)]
pub struct Table {
    /// `decisions`, `faults`, `remedies`, `payments` or `legislation`.
    pub name: &'static str,
    /// Its columns, in file order.
    pub columns: &'static [Column],
}

/// A cell.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Value {
    /// No value.
    Null,
    /// Text.
    Text(String),
    /// A whole number.
    Int(i64),
    /// A date.
    Date(jiff::civil::Date),
    /// A list of texts.
    List(Vec<String>),
}

const fn col(
    name: &'static str,
    ty: ColumnType,
    doc: &'static str,
    record: &'static [&'static str],
    index: &'static [&'static str],
) -> Column {
    Column {
        name,
        ty,
        doc,
        record,
        index,
    }
}

use ColumnType::{Date, Int, Text, TextList};

const KEY: Column = col(
    "key",
    Text,
    "the decision's key: its normalised reference (23017456), or sha256:<hex> of the source when it has none",
    &["reference", "source"],
    &["key"],
);
const REFERENCE: Column = col(
    "reference",
    Text,
    "the case reference as printed",
    &["reference"],
    &["reference"],
);

/// One row per decision.
pub const DECISIONS: Table = Table {
    name: "decisions",
    columns: &[
        KEY,
        REFERENCE,
        col(
            "organisation",
            Text,
            "the body complained about, as printed",
            &["organisation"],
            &["organisation"],
        ),
        col(
            "organisation_id",
            Text,
            "the body's stable id",
            &["organisation_id"],
            &["organisation_id"],
        ),
        col(
            "organisation_kind",
            Text,
            "county, district, unitary, london_borough, ...",
            &["organisation_kind"],
            &["organisation_kind"],
        ),
        col(
            "category",
            Text,
            "the category",
            &["category"],
            &["category", "category_name"],
        ),
        col("subcategory", Text, "the subcategory", &["subcategory"], &["category"]),
        col(
            "category_path",
            Text,
            "Category > Subcategory",
            &["category", "subcategory"],
            &["category_path"],
        ),
        col("outcome", Text, "the outcome as printed", &["outcome"], &["outcome"]),
        col(
            "decision_date",
            Date,
            "the decision date",
            &["decision_date"],
            &["date"],
        ),
        col(
            "year",
            Int,
            "the year of the decision date",
            &["decision_date"],
            &["year"],
        ),
        col("summary", Text, "the summary", &["summary"], &["summary"]),
        col(
            "complainant",
            Text,
            "the complainant's pseudonym",
            &["complainant"],
            &["complainant"],
        ),
        col(
            "body",
            Text,
            "section headings and paragraphs, one per line (as the index sees them)",
            &["sections"],
            &["body"],
        ),
        col("decided_by", Text, "the signature line", &["decided_by"], &[]),
        col(
            "total_payment_pence",
            Int,
            "sum of the payments, in pence",
            &["total_payment_pence"],
            &["payment"],
        ),
        col(
            "remedy_kinds",
            TextList,
            "the kinds of remedy, each once, sorted",
            &["remedies"],
            &["remedy"],
        ),
        col(
            "legislation",
            TextList,
            "statutes cited ('Children Act 1989 section 47')",
            &["legislation"],
            &["legislation"],
        ),
        col(
            "fault_count",
            Int,
            "rows in the faults table with finding 'fault'",
            &["faults"],
            &[],
        ),
        col(
            "no_fault_count",
            Int,
            "rows in the faults table with finding 'no_fault'",
            &["no_fault_findings"],
            &[],
        ),
        col("remedy_count", Int, "rows in the remedies table", &["remedies"], &[]),
        col("payment_count", Int, "rows in the payments table", &["payments"], &[]),
        col("url", Text, "the LGSCO page address", &["source"], &[]),
        col(
            "source_path",
            Text,
            "the file it was read from, as given to ingest (the index also keeps it absolute, for --prune)",
            &["source"],
            &["source_file"],
        ),
        col(
            "source_sha256",
            Text,
            "SHA-256 of the source bytes (the index's fingerprint hashes it with the URL and parser version)",
            &["source"],
            &["fingerprint"],
        ),
        col("record_hash", Text, "SHA-256 of the record JSON", &[], &["record"]),
        col(
            "warnings",
            TextList,
            "what was missing or odd in the text",
            &["warnings"],
            &[],
        ),
    ],
};

/// One row per finding of fault or of no fault.
pub const FAULTS: Table = Table {
    name: "faults",
    columns: &[
        KEY,
        REFERENCE,
        col(
            "finding",
            Text,
            "'fault' or 'no_fault'",
            &["faults", "no_fault_findings"],
            &[],
        ),
        col("text", Text, "the sentence", &["faults", "no_fault_findings"], &[]),
        col(
            "section",
            Text,
            "heading of the section that holds it",
            &["faults", "no_fault_findings"],
            &[],
        ),
        col(
            "paragraph",
            Int,
            "number of the paragraph that holds it (null: the summary)",
            &["faults", "no_fault_findings"],
            &[],
        ),
    ],
};

/// One row per remedy.
pub const REMEDIES: Table = Table {
    name: "remedies",
    columns: &[
        KEY,
        REFERENCE,
        col("position", Int, "order within the decision, from 1", &[], &[]),
        col(
            "kind",
            Text,
            "apology, financial, procedure_change, ...",
            &["remedies"],
            &["remedy"],
        ),
        col(
            "text",
            Text,
            "the sentence or list item that states it",
            &["remedies"],
            &[],
        ),
        col(
            "deadline_text",
            Text,
            "the words that give the deadline",
            &["remedies"],
            &[],
        ),
        col("deadline_date", Date, "an absolute deadline", &["remedies"], &[]),
        col("deadline_days", Int, "a relative deadline in days", &["remedies"], &[]),
    ],
};

/// One row per payment.
pub const PAYMENTS: Table = Table {
    name: "payments",
    columns: &[
        KEY,
        REFERENCE,
        col("position", Int, "order within the decision, from 1", &[], &[]),
        col("amount_pence", Int, "the amount in pence", &["payments"], &[]),
        col("recipient", Text, "who is to be paid", &["payments"], &[]),
        col("reason", Text, "what for", &["payments"], &[]),
        col(
            "text",
            Text,
            "the sentence or list item that states it",
            &["payments"],
            &[],
        ),
    ],
};

/// One row per statute cited.
pub const LEGISLATION: Table = Table {
    name: "legislation",
    columns: &[
        KEY,
        REFERENCE,
        col("position", Int, "order of first mention, from 1", &[], &[]),
        col(
            "act",
            Text,
            "the Act's short title with its year",
            &["legislation"],
            &["legislation"],
        ),
        col("section", Text, "the section cited", &["legislation"], &["legislation"]),
    ],
};

/// The five tables, in the order they are written.
pub const TABLES: [Table; 5] = [DECISIONS, FAULTS, REMEDIES, PAYMENTS, LEGISLATION];

fn text(s: &Option<String>) -> Value {
    s.as_ref().map_or(Value::Null, |s| Value::Text(s.clone()))
}

fn int(n: impl TryInto<i64>) -> Value {
    n.try_into().map_or(Value::Null, Value::Int)
}

fn position(i: usize) -> Value {
    int(i + 1)
}

/// The citation as the index's `legislation` field holds it.
pub fn citation_text(c: &crate::Citation) -> String {
    match &c.section {
        Some(s) => format!("{} section {s}", c.act),
        None => c.act.clone(),
    }
}

/// The rows of `d` in `table` (`record_hash` is the SHA-256 of its JSON).
pub fn rows(table: &Table, d: &Decision, record_hash: &str) -> Vec<Vec<Value>> {
    let key = Value::Text(decision_key(d));
    let reference = text(&d.reference);
    let keyed = |rest: Vec<Value>| -> Vec<Value> {
        let mut row = vec![key.clone(), reference.clone()];
        row.extend(rest);
        row
    };
    match table.name {
        "decisions" => {
            let mut kinds: Vec<&str> = d.remedies.iter().map(|r| r.kind.as_str()).collect();
            kinds.sort_unstable();
            kinds.dedup();
            vec![keyed(vec![
                text(&d.organisation),
                text(&d.organisation_id),
                d.organisation_kind
                    .map_or(Value::Null, |k| Value::Text(k.as_str().to_owned())),
                text(&d.category),
                text(&d.subcategory),
                text(&category_label(d.category.as_deref(), d.subcategory.as_deref())),
                text(&d.outcome),
                d.decision_date.map_or(Value::Null, Value::Date),
                d.decision_date.map_or(Value::Null, |x| int(x.year())),
                text(&d.summary),
                text(&d.complainant),
                Value::Text(body_text(d)),
                text(&d.decided_by),
                int(d.total_payment_pence),
                Value::List(kinds.into_iter().map(str::to_owned).collect()),
                Value::List(d.legislation.iter().map(citation_text).collect()),
                int(d.faults.len()),
                int(d.no_fault_findings.len()),
                int(d.remedies.len()),
                int(d.payments.len()),
                text(&d.source.url),
                text(&d.source.path),
                Value::Text(d.source.sha256.clone()),
                Value::Text(record_hash.to_owned()),
                Value::List(d.warnings.clone()),
            ])]
        }
        "faults" => {
            let finding = |kind: &str, f: &Finding| {
                keyed(vec![
                    Value::Text(kind.to_owned()),
                    Value::Text(f.text.clone()),
                    text(&f.section),
                    f.paragraph.map_or(Value::Null, int),
                ])
            };
            d.faults
                .iter()
                .map(|f| finding("fault", f))
                .chain(d.no_fault_findings.iter().map(|f| finding("no_fault", f)))
                .collect()
        }
        "remedies" => d
            .remedies
            .iter()
            .enumerate()
            .map(|(i, r)| {
                let deadline = r.deadline.as_ref();
                keyed(vec![
                    position(i),
                    Value::Text(r.kind.as_str().to_owned()),
                    Value::Text(r.text.clone()),
                    deadline.map_or(Value::Null, |x| Value::Text(x.text.clone())),
                    deadline.and_then(|x| x.date).map_or(Value::Null, Value::Date),
                    deadline.and_then(|x| x.days).map_or(Value::Null, int),
                ])
            })
            .collect(),
        "payments" => d
            .payments
            .iter()
            .enumerate()
            .map(|(i, p)| {
                keyed(vec![
                    position(i),
                    int(p.amount_pence),
                    text(&p.recipient),
                    text(&p.reason),
                    Value::Text(p.text.clone()),
                ])
            })
            .collect(),
        "legislation" => d
            .legislation
            .iter()
            .enumerate()
            .map(|(i, c)| keyed(vec![position(i), Value::Text(c.act.clone()), text(&c.section)]))
            .collect(),
        _ => Vec::new(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::{Citation, Payment, Remedy, RemedyKind};

    fn decision() -> Decision {
        Decision {
            reference: Some("23 017 456".into()),
            organisation: Some("Kent County Council".into()),
            faults: vec![Finding {
                text: "That was fault.".into(),
                section: Some("What I found".into()),
                paragraph: Some(3),
            }],
            no_fault_findings: vec![Finding {
                text: "No fault here.".into(),
                section: None,
                paragraph: None,
            }],
            remedies: vec![
                Remedy {
                    kind: RemedyKind::Financial,
                    text: "Pay £100.".into(),
                    deadline: None,
                },
                Remedy {
                    kind: RemedyKind::Apology,
                    text: "Apologise.".into(),
                    deadline: None,
                },
                Remedy {
                    kind: RemedyKind::Apology,
                    text: "Apologise again.".into(),
                    deadline: None,
                },
            ],
            payments: vec![Payment {
                amount_pence: 10_000,
                text: "Pay £100.".into(),
                ..Payment::default()
            }],
            total_payment_pence: 10_000,
            legislation: vec![Citation {
                act: "Children Act 1989".into(),
                section: Some("47".into()),
            }],
            ..Decision::default()
        }
    }

    #[test]
    fn ok_every_row_has_as_many_cells_as_columns_and_starts_with_the_key() {
        let d = decision();
        for t in TABLES {
            let rows = rows(&t, &d, "h");
            assert!(!rows.is_empty(), "{}", t.name);
            for r in rows {
                assert_eq!(r.len(), t.columns.len(), "{}", t.name);
                assert_eq!(r[0], Value::Text("23017456".into()), "{}", t.name);
                assert_eq!(r[1], Value::Text("23 017 456".into()), "{}", t.name);
            }
        }
    }

    #[test]
    fn ok_row_counts_and_derived_cells() {
        let d = decision();
        let count = |t: &Table| rows(t, &d, "h").len();
        assert_eq!([&FAULTS, &REMEDIES, &PAYMENTS, &LEGISLATION].map(count), [2, 3, 1, 1]);
        let row = &rows(&DECISIONS, &d, "h")[0];
        let cell = |name: &str| {
            let i = DECISIONS.columns.iter().position(|c| c.name == name).unwrap();
            row[i].clone()
        };
        assert_eq!(
            cell("remedy_kinds"),
            Value::List(vec!["apology".into(), "financial".into()])
        );
        assert_eq!(
            cell("legislation"),
            Value::List(vec!["Children Act 1989 section 47".into()])
        );
        assert_eq!(cell("fault_count"), Value::Int(1));
        assert_eq!(cell("total_payment_pence"), Value::Int(10_000));
        assert_eq!(cell("decision_date"), Value::Null);
        assert_eq!(cell("record_hash"), Value::Text("h".into()));
    }

    #[test]
    fn err_a_decision_without_lists_has_no_rows_in_the_list_tables() {
        let d = Decision {
            reference: Some("1".into()),
            ..Decision::default()
        };
        for t in [FAULTS, REMEDIES, PAYMENTS, LEGISLATION] {
            assert!(rows(&t, &d, "h").is_empty(), "{}", t.name);
        }
        assert_eq!(rows(&DECISIONS, &d, "h").len(), 1);
    }

    #[test]
    fn ok_column_names_are_unique_and_key_is_first() {
        for t in TABLES {
            let mut names: Vec<&str> = t.columns.iter().map(|c| c.name).collect();
            assert_eq!(names[..2], ["key", "reference"], "{}", t.name);
            names.sort_unstable();
            let n = names.len();
            names.dedup();
            assert_eq!(names.len(), n, "{}", t.name);
        }
    }
}

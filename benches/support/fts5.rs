//! The peer ombuds is measured against: what a researcher would build with
//! SQLite FTS5 (rusqlite, bundled SQLite). Takes decision files and returns a
//! database with the header fields in ordinary indexed columns and the body
//! in an FTS5 table (porter tokenizer); answers the benchmark queries in SQL.
//!
//! The header is read with a handful of regexes, the sums paid with one regex
//! over the agreed action, and the body is the text from the first section to
//! `Print this page`: the quick version of what ombuds does properly. The
//! build is tuned as a careful researcher would: one transaction, prepared
//! statements, `synchronous=OFF`, secondary indexes created after the load.
// Each bench and example uses a different part of this shared module.
#![allow(dead_code)]

use std::fs;
use std::path::{Path, PathBuf};

use regex::Regex;
use rusqlite::{params, Connection};

/// Header fields, summary and body of one decision, as the peer extracts them.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct PeerRecord {
    /// `23 017 456`.
    pub reference: Option<String>,
    /// Title line before the reference.
    pub organisation: Option<String>,
    /// Before `>` on the `Category :` line.
    pub category: Option<String>,
    /// After `>` on the `Category :` line.
    pub subcategory: Option<String>,
    /// The `Decision :` line.
    pub outcome: Option<String>,
    /// ISO date.
    pub decision_date: Option<String>,
    /// Year of the decision date.
    pub year: Option<i64>,
    /// Sum of the `£` amounts in the agreed action, in pence.
    pub total_payment_pence: i64,
    /// The `Summary:` line.
    pub summary: String,
    /// Sections, without header and page furniture.
    pub body: String,
}

/// The peer's extraction rules.
pub struct Extractor {
    title: Regex,
    money: Regex,
}

impl Default for Extractor {
    fn default() -> Self {
        Extractor::new()
    }
}

const MONTHS: [&str; 12] = [
    "Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec",
];

impl Extractor {
    /// Compiles the regexes.
    pub fn new() -> Extractor {
        Extractor {
            title: Regex::new(r"^(.+?)\s*\((\d\d \d\d\d \d\d\d[a-zA-Z]?)\)\s*$").expect("title regex"),
            money: Regex::new(r"£([0-9][0-9,]*)(?:\.([0-9]{2}))?").expect("money regex"),
        }
    }

    /// Extracts the fields of one decision text.
    pub fn extract(&self, text: &str) -> PeerRecord {
        let mut r = PeerRecord::default();
        let mut body_start = None;
        let mut offset = 0;
        for line in text.split_inclusive('\n') {
            let l = line.trim();
            let at = offset;
            offset += line.len();
            if l.is_empty() {
                continue;
            }
            if r.reference.is_none() {
                if let Some(c) = self.title.captures(l) {
                    r.organisation = Some(c[1].to_string());
                    r.reference = Some(c[2].to_string());
                    continue;
                }
            }
            if let Some(v) = l.strip_prefix("Category :") {
                let mut parts = v.splitn(2, '>');
                r.category = parts.next().map(|s| s.trim().to_string());
                r.subcategory = parts.next().map(|s| s.trim().to_string());
            } else if let Some(v) = l.strip_prefix("Decision date :") {
                let v: Vec<&str> = v.split_whitespace().collect();
                if let [d, m, y] = v[..] {
                    if let (Ok(d), Some(m), Ok(y)) =
                        (d.parse::<u32>(), MONTHS.iter().position(|x| *x == m), y.parse::<i64>())
                    {
                        r.decision_date = Some(format!("{y:04}-{:02}-{d:02}", m + 1));
                        r.year = Some(y);
                    }
                }
            } else if let Some(v) = l.strip_prefix("Decision :") {
                r.outcome = Some(v.trim().to_string());
            } else if let Some(v) = l.strip_prefix("Summary:") {
                r.summary = v.trim().to_string();
                body_start = Some(offset);
                break;
            } else if l == "The complaint" {
                body_start = Some(at);
                break;
            }
        }
        let start = body_start.unwrap_or(0);
        let rest = &text[start..];
        let end = rest.find("\nPrint this page").map_or(rest.len(), |i| i + 1);
        let body = &rest[..end];
        if let Some(a) = body.find("Agreed action\n") {
            let action = &body[a..];
            let action = &action[..action.find("\nFinal decision").unwrap_or(action.len())];
            for c in self.money.captures_iter(action) {
                let pounds: i64 = c[1].replace(',', "").parse().unwrap_or(0);
                let pence: i64 = c.get(2).map_or(0, |p| p.as_str().parse().unwrap_or(0));
                r.total_payment_pence += pounds * 100 + pence;
            }
        }
        r.body = body.to_string();
        r
    }
}

/// One row of `stats --by organisation`: organisation, decisions, upheld,
/// with a payment, sum paid in pence.
pub type StatsRow = (String, i64, i64, i64, i64);

/// An FTS5 database of decisions.
pub struct Fts5 {
    /// The connection (queries are plain SQL on it).
    pub conn: Connection,
    /// The database file.
    pub path: PathBuf,
}

const SCHEMA: &str = "
PRAGMA journal_mode = OFF;
PRAGMA synchronous = OFF;
PRAGMA cache_size = -262144;
CREATE TABLE decisions (
    id INTEGER PRIMARY KEY,
    reference TEXT UNIQUE,
    organisation TEXT,
    category TEXT,
    subcategory TEXT,
    outcome TEXT,
    decision_date TEXT,
    year INTEGER,
    total_payment_pence INTEGER NOT NULL
);
CREATE VIRTUAL TABLE fts USING fts5(summary, body, tokenize = 'porter unicode61');
";

const INDEXES: &str = "
CREATE INDEX decisions_organisation ON decisions (organisation);
CREATE INDEX decisions_category ON decisions (category, subcategory);
CREATE INDEX decisions_outcome ON decisions (outcome);
CREATE INDEX decisions_date ON decisions (decision_date);
CREATE INDEX decisions_payment ON decisions (total_payment_pence);
ANALYZE;
";

/// What [`Fts5::build`] did.
#[derive(Debug, Clone, Copy, Default)]
pub struct BuildReport {
    /// Rows inserted.
    pub rows: usize,
    /// Bytes of text read.
    pub bytes: u64,
}

impl Fts5 {
    /// Creates a fresh database at `path` (an existing file is replaced).
    pub fn create(path: &Path) -> rusqlite::Result<Fts5> {
        let _ = fs::remove_file(path);
        let conn = Connection::open(path)?;
        conn.execute_batch(SCHEMA)?;
        Ok(Fts5 {
            conn,
            path: path.to_path_buf(),
        })
    }

    /// Opens an existing database.
    pub fn open(path: &Path) -> rusqlite::Result<Fts5> {
        let conn = Connection::open(path)?;
        conn.execute_batch("PRAGMA cache_size = -262144;")?;
        Ok(Fts5 {
            conn,
            path: path.to_path_buf(),
        })
    }

    /// Reads, extracts and inserts every file in one transaction (upsert by
    /// reference), then builds the column indexes.
    pub fn build(&mut self, files: &[PathBuf]) -> rusqlite::Result<BuildReport> {
        let ex = Extractor::new();
        let mut report = BuildReport::default();
        let tx = self.conn.transaction()?;
        {
            let mut find = tx.prepare_cached("SELECT id FROM decisions WHERE reference = ?1")?;
            let mut del_body = tx.prepare_cached("DELETE FROM fts WHERE rowid = ?1")?;
            let mut del_row = tx.prepare_cached("DELETE FROM decisions WHERE id = ?1")?;
            let mut ins = tx.prepare_cached(
                "INSERT INTO decisions (reference, organisation, category, subcategory, outcome, \
                 decision_date, year, total_payment_pence) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)",
            )?;
            let mut ins_body = tx.prepare_cached("INSERT INTO fts (rowid, summary, body) VALUES (?1, ?2, ?3)")?;
            for path in files {
                let Ok(bytes) = fs::read(path) else { continue };
                report.bytes += bytes.len() as u64;
                let text = String::from_utf8_lossy(&bytes);
                let r = ex.extract(&text);
                if let Some(reference) = &r.reference {
                    let old: Option<i64> = find.query_row([reference], |row| row.get(0)).ok();
                    if let Some(id) = old {
                        del_body.execute([id])?;
                        del_row.execute([id])?;
                    }
                }
                ins.execute(params![
                    r.reference,
                    r.organisation,
                    r.category,
                    r.subcategory,
                    r.outcome,
                    r.decision_date,
                    r.year,
                    r.total_payment_pence
                ])?;
                let id = tx.last_insert_rowid();
                ins_body.execute(params![id, r.summary, r.body])?;
                report.rows += 1;
            }
        }
        tx.commit()?;
        self.conn.execute_batch(INDEXES)?;
        Ok(report)
    }

    /// Size of the database file in bytes.
    pub fn size_bytes(&self) -> u64 {
        fs::metadata(&self.path).map(|m| m.len()).unwrap_or(0)
    }

    /// `SELECT count(*)` of a query, with its parameters.
    pub fn count(&self, sql: &str, args: &[&dyn rusqlite::ToSql]) -> rusqlite::Result<i64> {
        let mut st = self.conn.prepare_cached(sql)?;
        st.query_row(args, |row| row.get(0))
    }

    /// Top `limit` by bm25 with a snippet of the body: (reference, snippet).
    pub fn top_with_snippets(&self, fts: &str, limit: i64) -> rusqlite::Result<Vec<(String, String)>> {
        let mut st = self.conn.prepare_cached(
            "SELECT d.reference, snippet(fts, 1, '<b>', '</b>', '…', 32) \
             FROM fts JOIN decisions d ON d.id = fts.rowid \
             WHERE fts MATCH ?1 ORDER BY rank LIMIT ?2",
        )?;
        let rows = st.query_map(params![fts, limit], |row| {
            Ok((row.get::<_, Option<String>>(0)?.unwrap_or_default(), row.get(1)?))
        })?;
        rows.collect()
    }

    /// Counts per value of `expr` over `decisions d` (`d.category`,
    /// `d.outcome`, ...), of the decisions matching `fts` (all when `None`).
    pub fn group_counts(&self, expr: &str, fts: Option<&str>) -> rusqlite::Result<Vec<(String, i64)>> {
        let sql = match fts {
            Some(_) => format!(
                "SELECT {expr}, count(*) FROM fts JOIN decisions d ON d.id = fts.rowid \
                 WHERE fts MATCH ?1 GROUP BY 1"
            ),
            None => format!("SELECT {expr}, count(*) FROM decisions d GROUP BY 1"),
        };
        let mut st = self.conn.prepare_cached(&sql)?;
        let map = |row: &rusqlite::Row<'_>| {
            Ok((
                row.get::<_, Option<rusqlite::types::Value>>(0)?
                    .map(|v| match v {
                        rusqlite::types::Value::Integer(i) => i.to_string(),
                        rusqlite::types::Value::Text(s) => s,
                        _ => String::new(),
                    })
                    .unwrap_or_default(),
                row.get(1)?,
            ))
        };
        let rows = match fts {
            Some(q) => st.query_map([q], map)?.collect(),
            None => st.query_map([], map)?.collect(),
        };
        rows
    }

    /// The five facets of ombuds (category, category > subcategory, outcome,
    /// year, organisation) for `fts` or everything: total of the counts.
    pub fn facets(&self, fts: Option<&str>) -> rusqlite::Result<i64> {
        let mut sum = 0;
        for col in [
            "d.category",
            "d.category || ' > ' || d.subcategory",
            "d.outcome",
            "d.year",
            "d.organisation",
        ] {
            sum += self.group_counts(col, fts)?.iter().map(|(_, n)| n).sum::<i64>();
        }
        Ok(sum)
    }

    /// `stats --by organisation`: decisions, upheld, with a payment and the
    /// sum paid, per organisation.
    pub fn stats_by_organisation(&self) -> rusqlite::Result<Vec<StatsRow>> {
        let mut st = self.conn.prepare_cached(
            "SELECT organisation, count(*), sum(outcome LIKE 'Upheld%'), \
             sum(total_payment_pence > 0), sum(total_payment_pence) \
             FROM decisions GROUP BY organisation ORDER BY count(*) DESC",
        )?;
        let rows = st.query_map([], |row| {
            Ok((
                row.get::<_, Option<String>>(0)?.unwrap_or_default(),
                row.get(1)?,
                row.get(2)?,
                row.get(3)?,
                row.get(4)?,
            ))
        })?;
        rows.collect()
    }
}

//! Command-line arguments: takes `argv` and returns [`Args`] (clap derive),
//! with value parsers for dates, sums of money and remedy kinds.

use std::path::PathBuf;

use clap::{Parser, Subcommand, ValueEnum};

use crate::index::{Dimension, Filters, SortBy};
use crate::RemedyKind;

/// Where the index lives when neither `--index` nor `OMBUDS_INDEX` says:
/// `$XDG_DATA_HOME/ombuds/index`, else `~/.local/share/ombuds/index`, else
/// `./ombuds-index`.
pub fn default_index_dir() -> PathBuf {
    let from = |var: &str| std::env::var_os(var).filter(|v| !v.is_empty()).map(PathBuf::from);
    if let Some(d) = from("XDG_DATA_HOME") {
        return d.join("ombuds").join("index");
    }
    if let Some(h) = from("HOME") {
        return h.join(".local").join("share").join("ombuds").join("index");
    }
    PathBuf::from("ombuds-index")
}

/// Parse, index and search decisions of the Local Government and Social Care Ombudsman.
#[derive(Debug, Parser)]
#[command(
    name = "ombuds",
    version,
    about,
    max_term_width = 100,
    after_help = "Guides in the source tree: README.md (first steps), docs/queries.md (queries, filters, formats),\ndocs/record.md and docs/findings.md (the record), docs/guarantees.md (errors, crash safety)."
)]
pub struct Args {
    /// The index directory [default: $XDG_DATA_HOME/ombuds/index, else ~/.local/share/ombuds/index].
    #[arg(long, global = true, env = "OMBUDS_INDEX", value_name = "DIR")]
    pub index: Option<PathBuf>,
    /// When to colour output (highlighted words, headings).
    #[arg(long, global = true, value_enum, default_value_t = ColorChoice::Auto, value_name = "WHEN")]
    pub color: ColorChoice,
    /// What to do.
    #[command(subcommand)]
    pub command: Command,
}

impl Args {
    /// The index directory to use.
    pub fn index_dir(&self) -> PathBuf {
        self.index.clone().unwrap_or_else(default_index_dir)
    }
}

/// When to colour output.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum ColorChoice {
    /// When standard output is a terminal and `NO_COLOR` is not set.
    Auto,
    /// Always.
    Always,
    /// Never.
    Never,
}

/// The subcommands.
#[derive(Debug, Subcommand)]
pub enum Command {
    /// Parse decision files (.txt) and records files (.jsonl), recursing into directories, into the index.
    ///
    /// A decision replaces the indexed one with the same reference; ingesting the same
    /// files twice changes nothing, by whatever path they are reached (a file whose bytes,
    /// URL and ombuds version are unchanged is not parsed again). Files that fail are
    /// listed with the reason, the rest still land, and the exit status is 1. The index is
    /// committed every --commit-every decisions or --commit-secs seconds and at the end, so
    /// a killed run resumes where its last commit left off.
    #[command(after_long_help = "Reference: docs/queries.md#ingest in the source tree.")]
    Ingest(IngestArgs),
    /// Search the index: full text with Tantivy query syntax, filters, facets.
    #[command(
        after_long_help = "Reference: docs/queries.md#search (query syntax, filters, facets, formats) in the source tree."
    )]
    Search(SearchArgs),
    /// Print one decision from the index, by reference.
    #[command(after_long_help = "Reference: docs/record.md (the fields) and docs/findings.md in the source tree.")]
    Show(ShowArgs),
    /// List the decisions most like one, by reference, with the distinctive words they share.
    Similar(SimilarArgs),
    /// Write every matching decision (no cap) as tables decisions, faults, remedies, payments
    /// and legislation in JSONL, CSV or Parquet, with provenance.json.
    Export(ExportArgs),
    /// Count decisions per outcome, category, organisation or year, with share upheld and payments.
    #[command(after_long_help = "Reference: docs/queries.md#stats (what each column means) in the source tree.")]
    Stats(StatsArgs),
    /// Parse decision files and print their records (no index needed).
    #[command(after_long_help = "Reference: docs/record.md (the record field by field) in the source tree.")]
    Parse(ParseArgs),
    /// Serve a web page for searching and reading the index, and a JSON API (read-only).
    ///
    /// Search with facets, read decisions with their findings, see statistics with
    /// charts, and download any result set as CSV or JSON. The server never writes to
    /// the index and picks up new `ombuds ingest` runs without a restart. It exposes
    /// the whole index to anyone who can reach the address, so it listens on loopback
    /// only unless --public is given.
    Serve(ServeArgs),
    /// Print a shell completion script (bash, zsh, fish, powershell, elvish).
    ///
    /// For example `ombuds completions bash > ~/.local/share/bash-completion/completions/ombuds`,
    /// or for zsh `ombuds completions zsh > ~/.zfunc/_ombuds` (with ~/.zfunc on $fpath).
    Completions(CompletionsArgs),
    /// Print the man page (roff), or write one page per command into a directory.
    ///
    /// For example `ombuds man | man -l -`, or `ombuds man --out-dir ~/.local/share/man/man1`.
    Man(ManArgs),
}

/// `ombuds completions`.
#[derive(Debug, clap::Args)]
pub struct CompletionsArgs {
    /// The shell to complete for.
    #[arg(value_enum, value_name = "SHELL")]
    pub shell: clap_complete::Shell,
}

/// `ombuds man`.
#[derive(Debug, clap::Args)]
pub struct ManArgs {
    /// Write ombuds.1 and one ombuds-COMMAND.1 per command into DIR instead of printing ombuds.1.
    #[arg(long, value_name = "DIR")]
    pub out_dir: Option<PathBuf>,
}

/// `ombuds ingest`.
#[derive(Debug, clap::Args)]
pub struct IngestArgs {
    /// Files and directories: .txt decisions, saved .html/.htm pages, and .jsonl files of
    /// {"url": ..., "text": ...} or {"url": ..., "html": ...} records, one per line.
    #[arg(required = true, value_name = "PATH")]
    pub paths: Vec<PathBuf>,
    /// Print the report as JSON.
    #[arg(long)]
    pub json: bool,
    /// Threads reading and parsing files (default: one per core); one more thread writes the index.
    #[arg(long, value_name = "N", value_parser = clap::value_parser!(u16).range(1..))]
    pub threads: Option<u16>,
    /// Commit after every N decisions added or updated (0: only at the end). A killed run keeps
    /// what it committed; rerun it and those decisions count as unchanged.
    #[arg(long, value_name = "N", default_value_t = 10_000)]
    pub commit_every: u64,
    /// Also commit when SECS seconds have passed since the last commit (0: never on time).
    #[arg(long, value_name = "SECS", default_value_t = 60)]
    pub commit_secs: u64,
    /// Memory for the index writer's buffers, in MB (32 to 2048). Less keeps peak memory
    /// lower at the cost of more, smaller segments to merge; see BENCHMARKS.md.
    #[arg(long, value_name = "MB", default_value_t = 256, value_parser = clap::value_parser!(u16).range(32..=2048))]
    pub writer_memory: u16,
    /// Remove decisions whose source file was under one of the DIRECTORIES given and no
    /// longer exists (moved or deleted). Only those: decisions from files elsewhere, from
    /// files that still exist (even if they now fail), and from a directory that is
    /// itself missing are kept.
    #[arg(long)]
    pub prune: bool,
}

/// Filters shared by `search` and `stats`.
#[derive(Debug, Clone, Default, clap::Args)]
pub struct FilterArgs {
    /// Organisation name contains these words (e.g. "Derbyshire", "Derby City"), or is another
    /// name of the same body ("Camden London Borough Council" finds "London Borough of Camden").
    #[arg(long, value_name = "TEXT")]
    pub council: Option<String>,
    /// Widen --council to the bodies it replaced and those that replaced it (Cumbria County
    /// Council → Cumberland, Westmorland and Furness; see schema/reorganisations.csv).
    #[arg(long, requires = "council")]
    pub council_successor: bool,
    /// Category, or "Category > Subcategory", any case; repeat for any of several.
    #[arg(long, value_name = "CATEGORY")]
    pub category: Vec<String>,
    /// Outcome starts with TEXT, any case ("upheld" matches "Upheld" but not "Not upheld"); repeat for any of several.
    #[arg(long, value_name = "TEXT")]
    pub outcome: Vec<String>,
    /// Decided on or after DATE (2020-03-31, 2020-03 or 2020).
    #[arg(long, value_name = "DATE", value_parser = parse_period)]
    pub from: Option<Period>,
    /// Decided on or before DATE (2020-03-31, 2020-03 or 2020: the end of that month or year).
    #[arg(long, value_name = "DATE", value_parser = parse_period)]
    pub to: Option<Period>,
    /// Total payment at least POUNDS (e.g. 500, £1,000.50).
    #[arg(long, value_name = "POUNDS", value_parser = parse_pounds)]
    pub min_payment: Option<u64>,
    /// Total payment at most POUNDS.
    #[arg(long, value_name = "POUNDS", value_parser = parse_pounds)]
    pub max_payment: Option<u64>,
    /// Has a remedy of this kind (apology, financial, procedure_change, training_or_guidance,
    /// assessment_or_review, records_correction, provide_service, information, other); repeat to require several.
    #[arg(long, value_name = "KIND", value_parser = parse_remedy)]
    pub remedy: Vec<RemedyKind>,
}

impl FilterArgs {
    /// The library's filters.
    pub fn to_filters(&self) -> Filters {
        Filters {
            council: self.council.clone(),
            council_successor: self.council_successor,
            categories: self.category.clone(),
            outcomes: self.outcome.clone(),
            from: self.from.map(|p| p.first),
            to: self.to.map(|p| p.last),
            min_payment_pence: self.min_payment,
            max_payment_pence: self.max_payment,
            remedies: self.remedy.clone(),
        }
    }
}

/// Output formats of `search`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum Format {
    /// A table for people.
    Table,
    /// One JSON document.
    Json,
    /// One JSON object per line.
    Jsonl,
    /// CSV with a header row.
    Csv,
}

/// Orders of `search`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum SortArg {
    /// Best match first.
    Relevance,
    /// Newest first.
    Date,
    /// Largest total payment first.
    Payment,
}

impl From<SortArg> for SortBy {
    fn from(s: SortArg) -> SortBy {
        match s {
            SortArg::Relevance => SortBy::Relevance,
            SortArg::Date => SortBy::Date,
            SortArg::Payment => SortBy::Payment,
        }
    }
}

/// `ombuds search`.
#[derive(Debug, clap::Args)]
pub struct SearchArgs {
    /// Tantivy query syntax: words (all required), "phrases", AND / OR / NOT, field:value
    /// (summary, body, organisation, reference, complainant, outcome, category, remedy,
    /// legislation, year, date, payment), prefix*. Omit to search with the filters alone.
    #[arg(value_name = "QUERY")]
    pub query: Option<String>,
    /// Order of hits [default: relevance with a QUERY, date without].
    #[arg(long, value_enum)]
    pub sort: Option<SortArg>,
    /// Reverse the order (oldest first, smallest payment first).
    #[arg(long)]
    pub reverse: bool,
    /// Hits to print (at most 10000; 0 prints only the total and facets).
    #[arg(long, short = 'n', default_value_t = 10, value_parser = clap::value_parser!(u64).range(0..=10_000))]
    pub limit: u64,
    /// Hits to skip (at most 100000).
    #[arg(long, default_value_t = 0, value_parser = clap::value_parser!(u64).range(0..=100_000))]
    pub offset: u64,
    /// Count matches per category, subcategory, outcome, year, organisation and remedy kind.
    #[arg(long)]
    pub facets: bool,
    /// Output format.
    #[arg(long, value_enum, default_value_t = Format::Table)]
    pub format: Format,
    /// Filters.
    #[command(flatten, next_help_heading = "Filters")]
    pub filters: FilterArgs,
}

/// `ombuds similar`.
#[derive(Debug, clap::Args)]
pub struct SimilarArgs {
    /// The case reference, with or without spaces (23 017 456, 23017456), or sha256:HEX.
    #[arg(value_name = "REFERENCE", required = true, num_args = 1..)]
    pub reference: Vec<String>,
    /// Decisions to print (at most 10000).
    #[arg(long, short = 'n', default_value_t = 10, value_parser = clap::value_parser!(u64).range(1..=10_000))]
    pub limit: u64,
    /// Output format.
    #[arg(long, value_enum, default_value_t = Format::Table)]
    pub format: Format,
    /// Filters on the decisions listed.
    #[command(flatten, next_help_heading = "Filters")]
    pub filters: FilterArgs,
}

/// Formats of `export`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum ExportFormat {
    /// One JSON object per line (Quickwit's input).
    Jsonl,
    /// CSV with a header row; a list is one cell with an item per line.
    Csv,
    /// Parquet (snappy), read by DuckDB, pandas, R and Spark.
    Parquet,
}

impl From<ExportFormat> for crate::export::Format {
    fn from(f: ExportFormat) -> crate::export::Format {
        match f {
            ExportFormat::Jsonl => crate::export::Format::Jsonl,
            ExportFormat::Csv => crate::export::Format::Csv,
            ExportFormat::Parquet => crate::export::Format::Parquet,
        }
    }
}

/// `ombuds export`.
#[derive(Debug, clap::Args)]
pub struct ExportArgs {
    /// Export only decisions matching this query (syntax as for `search`); omit to export every
    /// decision the filters allow.
    #[arg(value_name = "QUERY")]
    pub query: Option<String>,
    /// File format.
    #[arg(long, value_enum, default_value_t = ExportFormat::Jsonl)]
    pub format: ExportFormat,
    /// Directory to write the tables and provenance.json to (created if missing; files of an
    /// earlier export there are replaced once the new ones are complete).
    #[arg(long, value_name = "DIR", required = true)]
    pub out: PathBuf,
    /// Filters.
    #[command(flatten, next_help_heading = "Filters")]
    pub filters: FilterArgs,
}

/// Formats of `show`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum ShowFormat {
    /// Readable text.
    Text,
    /// The record as JSON.
    Json,
}

/// `ombuds show`.
#[derive(Debug, clap::Args)]
pub struct ShowArgs {
    /// The case reference, with or without spaces (23 017 456, 23017456), or sha256:HEX for a decision without one.
    #[arg(value_name = "REFERENCE", required = true, num_args = 1..)]
    pub reference: Vec<String>,
    /// Output format.
    #[arg(long, value_enum, default_value_t = ShowFormat::Text)]
    pub format: ShowFormat,
}

/// Dimensions of `stats`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum ByArg {
    /// The outcome as printed.
    Outcome,
    /// The category.
    Category,
    /// Category > Subcategory.
    Subcategory,
    /// The organisation, one row per body whatever its name's form, under its current name
    /// (council league table).
    Organisation,
    /// The kind of organisation (county, district, unitary, London borough, …).
    Kind,
    /// The year of the decision (trend line).
    Year,
}

impl From<ByArg> for Dimension {
    fn from(b: ByArg) -> Dimension {
        match b {
            ByArg::Outcome => Dimension::Outcome,
            ByArg::Category => Dimension::Category,
            ByArg::Subcategory => Dimension::Subcategory,
            ByArg::Organisation => Dimension::Organisation,
            ByArg::Kind => Dimension::OrganisationKind,
            ByArg::Year => Dimension::Year,
        }
    }
}

/// `ombuds stats`.
#[derive(Debug, clap::Args)]
pub struct StatsArgs {
    /// What to group by.
    #[arg(long, value_enum)]
    pub by: ByArg,
    /// Count only decisions matching this query (syntax as for `search`).
    #[arg(value_name = "QUERY")]
    pub query: Option<String>,
    /// Print only the first N groups.
    #[arg(long, short = 'n', value_name = "N")]
    pub limit: Option<usize>,
    /// With --by organisation: list the names that schema/organisations.csv does not know
    /// (each with the id it was given), so the table can grow.
    #[arg(long)]
    pub unmatched: bool,
    /// Output format.
    #[arg(long, value_enum, default_value_t = Format::Table)]
    pub format: Format,
    /// Filters.
    #[command(flatten, next_help_heading = "Filters")]
    pub filters: FilterArgs,
}

/// `ombuds serve`.
#[derive(Debug, clap::Args)]
pub struct ServeArgs {
    /// Address and port to listen on (port 0 picks a free one).
    #[arg(long, default_value = "127.0.0.1:8080", value_name = "ADDR:PORT", value_parser = parse_addr)]
    pub addr: std::net::SocketAddr,
    /// Allow an address other than loopback. Everyone who can reach it can read the whole index.
    #[arg(long)]
    pub public: bool,
    /// Cut off a search that takes longer than this many seconds, with a message in the page.
    #[arg(long, default_value_t = 10.0, value_name = "SECONDS", value_parser = parse_seconds)]
    pub query_timeout: f64,
}

/// Parses `127.0.0.1:8080`, `[::1]:8080` or `localhost:8080` (the first address the name has).
pub fn parse_addr(s: &str) -> Result<std::net::SocketAddr, String> {
    use std::net::ToSocketAddrs;
    let bad = |why: String| format!("expected an address like 127.0.0.1:8080, but found '{s}'{why}");
    if let Ok(a) = s.trim().parse() {
        return Ok(a);
    }
    let mut addrs = s.trim().to_socket_addrs().map_err(|e| bad(format!(": {e}")))?;
    addrs.next().ok_or_else(|| bad(": the name has no address".into()))
}

/// Parses a positive number of seconds (`10`, `0.5`).
pub fn parse_seconds(s: &str) -> Result<f64, String> {
    match s.trim().parse::<f64>() {
        Ok(v) if v.is_finite() && v > 0.0 && v <= 86_400.0 => Ok(v),
        _ => Err(format!(
            "expected a number of seconds above 0 (e.g. 10 or 0.5), but found '{s}'"
        )),
    }
}

/// Formats of `parse`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum ParseFormat {
    /// Pretty JSON: an object for one file, an array for several.
    Json,
    /// One compact JSON record per line.
    Jsonl,
}

/// `ombuds parse`.
#[derive(Debug, clap::Args)]
pub struct ParseArgs {
    /// Decision files; `-` reads standard input.
    #[arg(required = true, value_name = "FILE")]
    pub files: Vec<PathBuf>,
    /// The LGSCO page address of the (single) input.
    #[arg(long, value_name = "URL")]
    pub url: Option<String>,
    /// Output format.
    #[arg(long, value_enum, default_value_t = ParseFormat::Json)]
    pub format: ParseFormat,
}

/// A calendar period given as a year, a month or a day.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Period {
    /// Its first day.
    pub first: jiff::civil::Date,
    /// Its last day.
    pub last: jiff::civil::Date,
}

/// Parses `2020`, `2020-03` or `2020-03-31`.
pub fn parse_period(s: &str) -> Result<Period, String> {
    let bad = || format!("expected a date like 2020-03-31, 2020-03 or 2020, but found '{s}'");
    let parts: Vec<&str> = s.trim().split('-').collect();
    let num = |p: &str| -> Result<i16, String> {
        if p.is_empty() || !p.bytes().all(|b| b.is_ascii_digit()) {
            return Err(bad());
        }
        p.parse::<i16>().map_err(|_| bad())
    };
    let date = |y, m, d| jiff::civil::Date::new(y, m, d).map_err(|e| format!("'{s}' is not a date: {e}"));
    match parts.as_slice() {
        [y] if y.len() == 4 => {
            let y = num(y)?;
            Ok(Period {
                first: date(y, 1, 1)?,
                last: date(y, 12, 31)?,
            })
        }
        [y, m] if y.len() == 4 && m.len() <= 2 => {
            let (y, m) = (num(y)?, num(m)?);
            let m = i8::try_from(m).map_err(|_| bad())?;
            let first = date(y, m, 1)?;
            Ok(Period {
                first,
                last: first.last_of_month(),
            })
        }
        [y, m, d] if y.len() == 4 && m.len() <= 2 && d.len() <= 2 => {
            let (y, m, d) = (num(y)?, num(m)?, num(d)?);
            let day = date(
                y,
                i8::try_from(m).map_err(|_| bad())?,
                i8::try_from(d).map_err(|_| bad())?,
            )?;
            Ok(Period { first: day, last: day })
        }
        _ => Err(bad()),
    }
}

/// Parses a sum in pounds (`500`, `£1,000.50`) into pence.
pub fn parse_pounds(s: &str) -> Result<u64, String> {
    let bad = || format!("expected a sum in pounds like 500 or £1,000.50, but found '{s}'");
    let t = s.trim();
    let t = t.strip_prefix('£').unwrap_or(t).replace(',', "");
    let (whole, frac) = t.split_once('.').unwrap_or((&t, ""));
    if whole.is_empty() && frac.is_empty()
        || !whole.bytes().all(|b| b.is_ascii_digit())
        || !frac.bytes().all(|b| b.is_ascii_digit())
        || frac.len() > 2
    {
        return Err(bad());
    }
    let pounds: u64 = if whole.is_empty() {
        0
    } else {
        whole.parse().map_err(|_| bad())?
    };
    let pence: u64 = match frac.len() {
        0 => 0,
        1 => frac.parse::<u64>().map_err(|_| bad())? * 10,
        _ => frac.parse().map_err(|_| bad())?,
    };
    pounds
        .checked_mul(100)
        .and_then(|p| p.checked_add(pence))
        .ok_or_else(bad)
}

/// Parses a remedy kind (`procedure_change`, `procedure-change`, `Procedure change`).
pub fn parse_remedy(s: &str) -> Result<RemedyKind, String> {
    let name = s.trim().to_lowercase().replace(['-', ' '], "_");
    RemedyKind::from_name(&name).ok_or_else(|| {
        let kinds: Vec<&str> = RemedyKind::ALL.iter().map(|k| k.as_str()).collect();
        format!("'{s}' is not a remedy kind; expected one of {}", kinds.join(", "))
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ok_parse_period() {
        let d = |y, m, dd| jiff::civil::date(y, m, dd);
        for (input, first, last) in [
            ("2020", d(2020, 1, 1), d(2020, 12, 31)),
            ("2024-02", d(2024, 2, 1), d(2024, 2, 29)),
            ("2023-02", d(2023, 2, 1), d(2023, 2, 28)),
            ("2020-03-31", d(2020, 3, 31), d(2020, 3, 31)),
            (" 2020-3-5 ", d(2020, 3, 5), d(2020, 3, 5)),
        ] {
            assert_eq!(parse_period(input), Ok(Period { first, last }), "{input}");
        }
    }

    #[test]
    fn err_parse_period() {
        for input in [
            "",
            "20",
            "2020-13",
            "2023-02-29",
            "June 2020",
            "2020-01-01T00:00",
            "-2020",
            "2020--01",
        ] {
            assert!(parse_period(input).is_err(), "{input}");
        }
    }

    #[test]
    fn ok_parse_pounds() {
        for (input, want) in [
            ("500", 50_000),
            ("£1,000.50", 100_050),
            ("0.5", 50),
            ("£.99", 99),
            ("12.34", 1_234),
        ] {
            assert_eq!(parse_pounds(input), Ok(want), "{input}");
        }
    }

    #[test]
    fn err_parse_pounds() {
        for input in ["", "£", "-5", "1.234", "ten", "1e3", "99999999999999999999"] {
            assert!(parse_pounds(input).is_err(), "{input}");
        }
    }

    #[test]
    fn ok_parse_addr_and_seconds() {
        assert_eq!(parse_addr("127.0.0.1:8080").unwrap().port(), 8080);
        assert!(parse_addr("[::1]:0").unwrap().ip().is_loopback());
        assert!(parse_addr("localhost:9000").unwrap().ip().is_loopback());
        assert_eq!(parse_seconds("0.5"), Ok(0.5));
    }

    #[test]
    fn err_parse_addr_and_seconds() {
        for input in ["", "8080", "127.0.0.1", "127.0.0.1:99999", "http://127.0.0.1:8080"] {
            assert!(parse_addr(input).is_err(), "{input}");
        }
        for input in ["", "0", "-1", "NaN", "inf", "ten", "100000"] {
            assert!(parse_seconds(input).is_err(), "{input}");
        }
    }

    #[test]
    fn ok_and_err_parse_remedy() {
        assert_eq!(parse_remedy("procedure-change"), Ok(RemedyKind::ProcedureChange));
        assert_eq!(parse_remedy("Apology"), Ok(RemedyKind::Apology));
        let e = parse_remedy("money").unwrap_err();
        assert!(e.contains("financial"), "{e}");
    }
}

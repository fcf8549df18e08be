//! Stage `cli`: takes command-line arguments ([`args::Args`]) and returns what
//! the `ombuds` binary prints, written to the streams the shell passes in
//! ([`Console`]), and a [`Status`] the shell turns into an exit code.

pub mod args;
pub mod output;

use std::io::{Read, Write};

use anyhow::{bail, Result};

use crate::export::provenance::Provenance;
use crate::export::ExportRequest;
use crate::index::similar::{Method, SimilarRequest};
use crate::index::{OmbudsIndex, SearchRequest, SortBy};
use crate::ingest::{IngestOptions, Progress};
use crate::source::SourceText;
use args::{Args, ColorChoice, Command, Format, ParseFormat, ShowFormat};
use output::Style;

/// Where output goes, and what the shell knows about the terminal.
pub struct Console<'a> {
    /// Standard output.
    pub out: &'a mut dyn Write,
    /// Standard error: per-file errors and progress.
    pub err: &'a mut dyn Write,
    /// Whether standard output is a terminal (colour).
    pub stdout_is_terminal: bool,
    /// Whether standard error is a terminal (progress bar).
    pub stderr_is_terminal: bool,
}

/// How a command that ran ended.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Status {
    /// Everything worked.
    Success,
    /// Some inputs failed (and were reported); the others were processed.
    SomeFailed,
    /// What was asked for is not there (`show` of an unknown reference).
    NotFound,
}

/// Runs the command `args` names.
pub fn run(args: Args, console: &mut Console<'_>) -> Result<Status> {
    let color = match args.color {
        ColorChoice::Always => true,
        ColorChoice::Never => false,
        ColorChoice::Auto => console.stdout_is_terminal && std::env::var_os("NO_COLOR").is_none_or(|v| v.is_empty()),
    };
    let style = Style { color };
    let index_dir = args.index_dir();
    match args.command {
        Command::Ingest(a) => {
            let idx = OmbudsIndex::open_or_create(&index_dir)?;
            let bar = console.stderr_is_terminal.then(progress_bar);
            let progress: &dyn Progress = match &bar {
                Some(b) => b,
                None => &crate::ingest::NoProgress,
            };
            let options = IngestOptions {
                threads: a.threads.map_or(0, usize::from),
                commit_every: a.commit_every,
                commit_secs: a.commit_secs,
                prune: a.prune,
                writer_heap_bytes: usize::from(a.writer_memory) << 20,
            };
            let report = crate::ingest::ingest(&idx, &a.paths, &options, progress)?;
            if let Some(b) = &bar {
                b.0.finish_and_clear();
            }
            for f in &report.failed {
                writeln!(console.err, "ombuds: {}", f.error)?;
            }
            if report.added + report.updated + report.unchanged + report.pruned == 0 && report.failed.is_empty() {
                // Most often a path one level too high or too low: say so
                // rather than report "0 added" as if all were well.
                let paths: Vec<String> = a.paths.iter().map(|p| p.display().to_string()).collect();
                writeln!(
                    console.err,
                    "ombuds: warning: {}: found no .txt, .html, .htm or .jsonl file; nothing was ingested \
                     (give the folder that holds the decision files)",
                    paths.join(", ")
                )?;
            }
            if a.json {
                output::ingest_json(console.out, &report, &index_dir)?;
            } else {
                output::ingest_summary(console.out, &report, &index_dir)?;
            }
            Ok(if report.failed.is_empty() {
                Status::Success
            } else {
                Status::SomeFailed
            })
        }
        Command::Search(a) => {
            let idx = OmbudsIndex::open(&index_dir)?;
            let query = a.query.filter(|q| !q.trim().is_empty());
            let sort = match a.sort {
                Some(s) => s.into(),
                None if query.is_some() => SortBy::Relevance,
                None => SortBy::Date,
            };
            let req = SearchRequest {
                query,
                filters: a.filters.to_filters(),
                sort,
                reverse: a.reverse,
                limit: usize::try_from(a.limit)?,
                offset: usize::try_from(a.offset)?,
                facets: a.facets,
            };
            let result = idx.search(&req)?;
            if a.format == Format::Json {
                let prov = search_provenance(&idx, &req)?;
                output::json_with_provenance(console.out, &result, &prov)?;
            } else {
                output::search(console.out, &result, a.format, req.offset, style)?;
            }
            Ok(Status::Success)
        }
        Command::Show(a) => {
            let idx = OmbudsIndex::open(&index_dir)?;
            let reference = a.reference.join(" ");
            match idx.get(&reference)? {
                Some(d) => {
                    match a.format {
                        ShowFormat::Json => output::record_json(console.out, &d)?,
                        ShowFormat::Text => output::decision_text(console.out, &d, style)?,
                    }
                    Ok(Status::Success)
                }
                None => {
                    writeln!(
                        console.err,
                        "ombuds: no decision with reference '{reference}' in index {}; find references with `ombuds search`",
                        index_dir.display()
                    )?;
                    Ok(Status::NotFound)
                }
            }
        }
        Command::Stats(a) => {
            let idx = OmbudsIndex::open(&index_dir)?;
            let query = a.query.filter(|q| !q.trim().is_empty());
            let filters = a.filters.to_filters();
            let mut s = if a.unmatched {
                if a.by != args::ByArg::Organisation {
                    bail!("--unmatched lists organisation names; use it with --by organisation");
                }
                crate::stats::unmatched_organisations(&idx, query.as_deref(), &filters)?
            } else {
                crate::stats::stats(&idx, query.as_deref(), &filters, a.by.into())?
            };
            if let Some(n) = a.limit {
                s.groups.truncate(n);
            }
            if a.format == Format::Json {
                let prov = stats_provenance(&idx, query.as_deref(), &filters, &s, a.unmatched, a.limit)?;
                output::json_with_provenance(console.out, &s, &prov)?;
            } else {
                output::stats(console.out, &s, a.format, style)?;
            }
            Ok(Status::Success)
        }
        Command::Similar(a) => {
            let idx = OmbudsIndex::open(&index_dir)?;
            let reference = a.reference.join(" ");
            let req = SimilarRequest {
                reference: reference.clone(),
                filters: a.filters.to_filters(),
                limit: usize::try_from(a.limit)?,
                method: Method::default(),
            };
            let Some(result) = idx.similar(&req)? else {
                writeln!(
                    console.err,
                    "ombuds: no decision with reference '{reference}' in index {}; find references with `ombuds search`",
                    index_dir.display()
                )?;
                return Ok(Status::NotFound);
            };
            if a.format == Format::Json {
                let prov = provenance(&idx, "similar", None, &req.filters)?
                    .with("reference", &reference)
                    .with("limit", req.limit);
                output::json_with_provenance(console.out, &result, &prov)?;
            } else {
                output::similar(console.out, &result, a.format, style)?;
            }
            Ok(Status::Success)
        }
        Command::Export(a) => {
            let idx = OmbudsIndex::open(&index_dir)?;
            let req = ExportRequest {
                query: a.query.filter(|q| !q.trim().is_empty()),
                filters: a.filters.to_filters(),
                format: a.format.into(),
                out: a.out.clone(),
            };
            let report = crate::export::export(&idx, &req)?;
            output::export_summary(console.out, &report, &a.out)?;
            Ok(Status::Success)
        }
        Command::Parse(a) => parse_command(a, console),
        Command::Serve(a) => serve_command(a, &index_dir, console),
        Command::Completions(a) => {
            let mut cmd = <Args as clap::CommandFactory>::command();
            clap_complete::generate(a.shell, &mut cmd, "ombuds", &mut *console.out);
            Ok(Status::Success)
        }
        Command::Man(a) => {
            let cmd = <Args as clap::CommandFactory>::command();
            match a.out_dir {
                None => clap_mangen::Man::new(cmd).render(&mut *console.out)?,
                Some(dir) => {
                    for name in man_pages(&dir)? {
                        writeln!(console.out, "{}", name.display())?;
                    }
                }
            }
            Ok(Status::Success)
        }
    }
}

fn serve_command(a: args::ServeArgs, index_dir: &std::path::Path, console: &mut Console<'_>) -> Result<Status> {
    use anyhow::Context;
    let addr = a.addr;
    if !crate::serve::is_loopback(&addr) && !a.public {
        bail!(
            "refusing to listen on {addr}: it is not a loopback address, and anyone who can reach it could read the whole index; \
             use --addr 127.0.0.1:PORT, or add --public if that is what you want"
        );
    }
    let idx = OmbudsIndex::open(index_dir)?;
    let options = crate::serve::Options {
        query_timeout: std::time::Duration::from_secs_f64(a.query_timeout),
        ..crate::serve::Options::default()
    };
    let server = crate::serve::Server::bind(idx, addr, options).with_context(|| {
        format!("cannot listen on {addr}; is another server using that port? pick another with --addr 127.0.0.1:PORT")
    })?;
    let at = server.local_addr()?;
    writeln!(
        console.out,
        "ombuds serve: http://{at}/ (index {}, read-only); stop with Ctrl-C",
        index_dir.display()
    )?;
    if a.public {
        writeln!(
            console.err,
            "ombuds: warning: listening on {at}: anyone who can reach this address can read the whole index"
        )?;
    }
    console.out.flush()?;
    server.run().with_context(|| format!("serving on {at}"))?;
    Ok(Status::Success)
}

/// Writes `ombuds.1` and one `ombuds-COMMAND.1` per subcommand into `dir`
/// and returns the paths written.
pub fn man_pages(dir: &std::path::Path) -> Result<Vec<std::path::PathBuf>> {
    use anyhow::Context;
    std::fs::create_dir_all(dir).with_context(|| format!("{}: cannot create the directory", dir.display()))?;
    let mut cmd = <Args as clap::CommandFactory>::command();
    // Building sets each subcommand's usage to `ombuds COMMAND`.
    cmd.build();
    let mut pages = vec![("ombuds".to_owned(), cmd.clone())];
    for sub in cmd.get_subcommands().filter(|s| s.get_name() != "help") {
        pages.push((format!("ombuds-{}", sub.get_name()), sub.clone()));
    }
    let mut written = Vec::new();
    for (name, page) in pages {
        let path = dir.join(format!("{name}.1"));
        let mut bytes = Vec::new();
        clap_mangen::Man::new(page).title(name.as_str()).render(&mut bytes)?;
        std::fs::write(&path, bytes).with_context(|| format!("{}: cannot write the man page", path.display()))?;
        written.push(path);
    }
    Ok(written)
}

fn parse_command(a: args::ParseArgs, console: &mut Console<'_>) -> Result<Status> {
    if a.url.is_some() && a.files.len() > 1 {
        bail!(
            "--url gives the address of one page, but {} files were given; parse them one at a time",
            a.files.len()
        );
    }
    let mut records = Vec::new();
    let mut failed = false;
    for file in &a.files {
        let src = if file.as_os_str() == "-" {
            let mut bytes = Vec::new();
            match std::io::stdin().read_to_end(&mut bytes) {
                Ok(_) => SourceText::from_bytes(&bytes, None, a.url.as_deref()),
                Err(source) => Err(crate::Error::Read {
                    at: crate::Location::file(None),
                    source,
                }),
            }
        } else {
            SourceText::read(file, a.url.as_deref())
        };
        match src.and_then(|s| crate::parse_source(&s)) {
            Ok(d) => {
                if a.format == ParseFormat::Jsonl {
                    serde_json::to_writer(&mut *console.out, &d)?;
                    writeln!(console.out)?;
                } else {
                    records.push(d);
                }
            }
            Err(e) => {
                failed = true;
                writeln!(console.err, "ombuds: {e}")?;
            }
        }
    }
    if a.format == ParseFormat::Json {
        if a.files.len() == 1 {
            if let Some(d) = records.first() {
                serde_json::to_writer_pretty(&mut *console.out, d)?;
                writeln!(console.out)?;
            }
        } else {
            serde_json::to_writer_pretty(&mut *console.out, &records)?;
            writeln!(console.out)?;
        }
    }
    Ok(if failed { Status::SomeFailed } else { Status::Success })
}

/// The provenance `search --format json` (and `ombuds serve`'s
/// `/api/search`) prints with the result of `req`.
pub fn search_provenance(idx: &OmbudsIndex, req: &SearchRequest) -> Result<Provenance> {
    let sort = match req.sort {
        SortBy::Relevance => "relevance",
        SortBy::Date => "date",
        SortBy::Payment => "payment",
    };
    Ok(provenance(idx, "search", req.query.as_deref(), &req.filters)?
        .with("sort", sort)
        .with("reverse", req.reverse)
        .with("limit", req.limit)
        .with("offset", req.offset))
}

/// The provenance `stats --format json` (and `/api/stats`) prints with `s`.
pub fn stats_provenance(
    idx: &OmbudsIndex,
    query: Option<&str>,
    filters: &crate::index::Filters,
    s: &crate::stats::Stats,
    unmatched: bool,
    limit: Option<usize>,
) -> Result<Provenance> {
    Ok(provenance(idx, "stats", query, filters)?
        .with("by", s.by)
        .with("unmatched", unmatched)
        .with("limit", limit))
}

/// The provenance of a command's JSON output.
fn provenance(
    idx: &OmbudsIndex,
    command: &str,
    query: Option<&str>,
    filters: &crate::index::Filters,
) -> Result<Provenance> {
    let searcher = idx.reader()?.searcher();
    Ok(Provenance::new(idx, &searcher, command, query, filters)?)
}

/// A progress bar on standard error.
struct Bar(indicatif::ProgressBar);

fn progress_bar() -> Bar {
    let bar = indicatif::ProgressBar::with_draw_target(Some(0), indicatif::ProgressDrawTarget::stderr());
    let style = indicatif::ProgressStyle::with_template(
        "{spinner} [{elapsed_precise}] {wide_bar} {binary_bytes}/{binary_total_bytes} {msg}",
    )
    .unwrap_or_else(|_| indicatif::ProgressStyle::default_bar());
    bar.set_style(style);
    Bar(bar)
}

impl Progress for Bar {
    fn start(&self, bytes: u64) {
        self.0.set_length(bytes);
        self.0.set_message("reading");
    }

    fn advance(&self, bytes: u64, decisions: u64) {
        self.0.inc(bytes);
        self.0.set_message(format!("{decisions} decisions"));
    }

    fn committing(&self) {
        self.0.set_message("committing");
    }
}

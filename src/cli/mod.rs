//! Stage `cli`: takes command-line arguments ([`args::Args`]) and returns what
//! the `ombuds` binary prints, written to the streams the shell passes in
//! ([`Console`]), and a [`Status`] the shell turns into an exit code.

pub mod args;
pub mod output;

use std::io::{Read, Write};

use anyhow::{bail, Result};

use crate::index::{OmbudsIndex, SearchRequest, SortBy};
use crate::ingest::{IngestOptions, Progress};
use crate::source::SourceText;
use args::{Args, ColorChoice, Command, ParseFormat, ShowFormat};
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
            let report = crate::ingest::ingest(&idx, &a.paths, &IngestOptions::default(), progress)?;
            if let Some(b) = &bar {
                b.0.finish_and_clear();
            }
            for f in &report.failed {
                writeln!(console.err, "ombuds: {}", f.error)?;
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
            output::search(console.out, &result, a.format, req.offset, style)?;
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
            let mut s = crate::stats::stats(&idx, query.as_deref(), &a.filters.to_filters(), a.by.into())?;
            if let Some(n) = a.limit {
                s.groups.truncate(n);
            }
            output::stats(console.out, &s, a.format, style)?;
            Ok(Status::Success)
        }
        Command::Parse(a) => parse_command(a, console),
        Command::Serve(a) => serve_command(a, &index_dir, console),
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

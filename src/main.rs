//! The `ombuds` binary: a thin shell that parses arguments, runs
//! [`ombuds::cli::run`] and owns the exit code: 0 success, 1 some input
//! failed (or `show` found nothing), 2 a usage or other error.

use std::io::{IsTerminal, Write};
use std::process::ExitCode;

use clap::Parser;
use ombuds::cli::{args::Args, Console, Status};

/// mimalloc rather than glibc's malloc: at 100,000 decisions an ingest takes
/// about 8 % less CPU, and its private memory grows less with the length of the
/// run (200 → 260 MiB from 10,000 to 100,000 decisions, where glibc's per-thread
/// arenas went 105 → 210 MiB), at the price of a higher floor (BENCHMARKS.md, issue 10).
#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

fn main() -> ExitCode {
    let args = Args::parse();
    let stdout = std::io::stdout();
    let mut out = std::io::BufWriter::new(stdout.lock());
    let mut err = std::io::stderr();
    let mut console = Console {
        out: &mut out,
        err: &mut err,
        stdout_is_terminal: std::io::stdout().is_terminal(),
        stderr_is_terminal: std::io::stderr().is_terminal(),
    };
    let result = ombuds::cli::run(args, &mut console).and_then(|status| {
        out.flush()?;
        Ok(status)
    });
    match result {
        Ok(Status::Success) => ExitCode::SUCCESS,
        Ok(Status::SomeFailed | Status::NotFound) => ExitCode::from(1),
        Err(e) if is_broken_pipe(&e) => ExitCode::SUCCESS,
        Err(e) => {
            // Nothing more can be done if standard error is gone.
            let _ = writeln!(std::io::stderr(), "ombuds: {e:#}");
            ExitCode::from(2)
        }
    }
}

/// `ombuds search ... | head` closes the pipe early; that is not an error.
fn is_broken_pipe(e: &anyhow::Error) -> bool {
    e.chain().any(|c| {
        c.downcast_ref::<std::io::Error>()
            .is_some_and(|io| io.kind() == std::io::ErrorKind::BrokenPipe)
            || c.downcast_ref::<serde_json::Error>().and_then(|j| j.io_error_kind())
                == Some(std::io::ErrorKind::BrokenPipe)
    })
}

//! The examples of README.md and docs/*.md, run: every fenced ```sh block is
//! executed by bash (`set -euo pipefail`) and must exit 0, so the docs cannot
//! drift from the tool.
//!
//! Each page runs in its own temporary directory holding a link to the
//! bundled `corpus/`, with `OMBUDS_INDEX` pointing at a fresh index of that
//! corpus and `ombuds` on the `PATH`. `cargo run [--release] -- ARGS` runs the
//! same binary; other cargo commands (`cargo test`, `cargo bench`, examples)
//! are checked by the suite and CI themselves and are skipped here.
//! `ombuds serve` runs until it has said where it listens, then is stopped.
//! Commands that must not run go in ```text blocks.
//!
//! A ```text output block right after an ```sh block is that block's standard
//! output, and must match it exactly (the page's temporary directory reads
//! `.`, and timestamps such as provenance's `2026-12-02T02:14:27Z` and the
//! index fingerprint, which changes with the parser's version, may differ),
//! so shown output cannot drift either. `OMBUDS_BLESS=1 cargo test
//! --test tests docs::` rewrites those blocks with what the commands print
//! now; review the diff as you would a snapshot.

use std::path::{Path, PathBuf};
use std::process::Command;

fn root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

/// A fenced block of a Markdown page.
#[derive(Debug, PartialEq, Eq)]
struct Block {
    /// The first word of the info string after the opening fence (`sh`, `text`, …).
    lang: String,
    /// The info string's second word, if any (`output` in ```text output).
    tag: String,
    /// 1-based line of the opening fence.
    line: usize,
    /// 1-based line of the closing fence.
    end: usize,
    /// The lines between the fences.
    code: String,
}

/// The fenced blocks of `markdown`, in order. A fence is three or more
/// backticks or tildes at the start of a line (after up to three spaces); the
/// block ends at a fence of the same character at least as long.
fn blocks(markdown: &str) -> Vec<Block> {
    let mut out = Vec::new();
    let mut open: Option<(char, usize, Block)> = None;
    for (i, line) in markdown.lines().enumerate() {
        let t = line.trim_start_matches(' ');
        let indent = line.len() - t.len();
        let fence = t.chars().next().filter(|c| matches!(c, '`' | '~') && indent <= 3);
        let run = fence.map_or(0, |c| t.chars().take_while(|&x| x == c).count());
        match &mut open {
            None if run >= 3 => {
                let c = fence.unwrap_or('`');
                let mut info = t[run..].split_whitespace();
                let lang = info.next().unwrap_or("").to_owned();
                let tag = info.next().unwrap_or("").to_owned();
                open = Some((
                    c,
                    run,
                    Block {
                        lang,
                        tag,
                        line: i + 1,
                        end: i + 1,
                        code: String::new(),
                    },
                ));
            }
            None => {}
            Some((c, n, _)) if fence == Some(*c) && run >= *n && t[run..].trim().is_empty() => {
                if let Some((_, _, mut b)) = open.take() {
                    b.end = i + 1;
                    out.push(b);
                }
            }
            Some((_, _, b)) => {
                b.code.push_str(line);
                b.code.push('\n');
            }
        }
    }
    out
}

/// The pages whose examples run: README.md and every docs/*.md.
fn pages() -> Vec<PathBuf> {
    let mut pages = vec![root().join("README.md")];
    if let Ok(dir) = std::fs::read_dir(root().join("docs")) {
        let mut docs: Vec<PathBuf> = dir
            .flatten()
            .map(|e| e.path())
            .filter(|p| p.extension().is_some_and(|x| x == "md"))
            .collect();
        docs.sort();
        pages.extend(docs);
    }
    pages
}

/// Runs before every block: `cargo run -- ARGS` is `ombuds ARGS`, and
/// `ombuds serve` runs for five seconds on a free loopback port (unless the
/// example gives `--addr`) and counts as run when it said where it listens.
const PRELUDE: &str = r#"set -euo pipefail
ombuds() {
    if [[ " $* " == *" serve "* && " $* " != *" --help "* && " $* " != *" -h "* ]]; then
        local out rc=0 addr=()
        [[ " $* " == *" --addr "* ]] || addr=(--addr 127.0.0.1:0)
        out=$(timeout 5 "$(type -P ombuds)" "$@" "${addr[@]}") || rc=$?
        if [ "$rc" -eq 124 ] && [[ "$out" == *"ombuds serve: http://127.0.0.1:"* ]]; then
            return 0
        fi
        printf '%s\n' "$out"
        return "$((rc == 0 ? 1 : rc))"
    fi
    command ombuds "$@"
}
cargo() {
    local release=
    if [ "${1-}" = run ]; then
        shift
        while [ $# -gt 0 ] && [ "$1" != -- ]; do
            case "$1" in
                --release|-q|--quiet|--locked|--offline) shift ;;
                *) echo "docs test: skipped cargo run $* (an example or another binary)" >&2; return 0 ;;
            esac
        done
        [ $# -gt 0 ] && shift
        ombuds "$@"
    else
        echo "docs test: skipped cargo ${1-} (run by the suite and CI themselves)" >&2
    fi
}
"#;

fn bash(dir: &Path, script: &str, index: &Path) -> std::process::Output {
    let bin = assert_cmd::cargo::cargo_bin("ombuds");
    let bin_dir = bin.parent().expect("binary has a directory");
    let path = std::env::join_paths(
        std::iter::once(bin_dir.to_path_buf())
            .chain(std::env::split_paths(&std::env::var_os("PATH").unwrap_or_default())),
    )
    .expect("PATH joins");
    Command::new("bash")
        .arg("-c")
        .arg(format!("{PRELUDE}\n{script}"))
        .current_dir(dir)
        .env("PATH", path)
        .env("OMBUDS_INDEX", index)
        .env("HOME", dir)
        .env("XDG_DATA_HOME", dir.join(".local/share"))
        .env("NO_COLOR", "1")
        .env_remove("CARGO_TARGET_DIR")
        .output()
        .expect("bash runs")
}

/// A working directory for one page: `corpus` (and `schema`) linked in, and
/// an index of the corpus.
fn workspace() -> (tempfile::TempDir, PathBuf) {
    let dir = tempfile::tempdir().expect("temp dir");
    for name in ["corpus", "schema"] {
        #[cfg(unix)]
        std::os::unix::fs::symlink(root().join(name), dir.path().join(name)).expect("link");
    }
    let index = dir.path().join("index");
    let out = bash(dir.path(), "ombuds ingest corpus/ > /dev/null", &index);
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    (dir, index)
}

#[test]
fn ok_blocks_finds_fences() {
    let md =
        "text\n```sh\nombuds search x\n```\n\n~~~text output\n```sh\nnot a fence here\n~~~\n````sh\na\n```\nb\n````\n";
    let got = blocks(md);
    assert_eq!(
        got,
        vec![
            Block {
                lang: "sh".into(),
                tag: "".into(),
                line: 2,
                end: 4,
                code: "ombuds search x\n".into()
            },
            Block {
                lang: "text".into(),
                tag: "output".into(),
                line: 6,
                end: 9,
                code: "```sh\nnot a fence here\n".into()
            },
            Block {
                lang: "sh".into(),
                tag: "".into(),
                line: 10,
                end: 14,
                code: "a\n```\nb\n".into()
            },
        ]
    );
}

#[test]
fn err_blocks_ignores_unclosed_and_indented_fences() {
    assert_eq!(blocks("    ```sh\n    code\n    ```\n"), vec![]);
    assert_eq!(blocks("```sh\nnever closed\n"), vec![]);
}

/// `text` with every UTC timestamp (`2026-12-02T02:14:27Z`, as provenance
/// prints the index's commit time) replaced by `<time>`: they differ from
/// run to run, the rest of the output must not.
fn redact_volatile(text: &str) -> String {
    static TIME: std::sync::LazyLock<regex::Regex> = std::sync::LazyLock::new(|| {
        regex::Regex::new(r"\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(?:\.\d+)?Z").expect("time regex")
    });
    // The index fingerprint hashes each decision's fingerprint, which includes the
    // parser's version: every parser change would otherwise rewrite the docs.
    static INDEX_HASH: std::sync::LazyLock<regex::Regex> =
        std::sync::LazyLock::new(|| regex::Regex::new(r#""fingerprint": "sha256:[0-9a-f]{64}""#).expect("hash regex"));
    let text = TIME.replace_all(text, "<time>");
    INDEX_HASH
        .replace_all(&text, "\"fingerprint\": \"sha256:<hash>\"")
        .into_owned()
}

#[test]
fn ok_redact_volatile() {
    assert_eq!(
        redact_volatile("\"time\": \"2026-12-02T02:14:27Z\", 2024-06-06, 2026-12-02T02:14:27.123Z"),
        "\"time\": \"<time>\", 2024-06-06, <time>"
    );
    let hash = "ab".repeat(32);
    assert_eq!(
        redact_volatile(&format!("\"fingerprint\": \"sha256:{hash}\"")),
        "\"fingerprint\": \"sha256:<hash>\""
    );
    // Negatives: other hashes (a file's sha256) and short ones are kept.
    for kept in [
        format!("\"sha256\": \"{hash}\""),
        "\"fingerprint\": \"sha256:abc\"".to_owned(),
    ] {
        assert_eq!(redact_volatile(&kept), kept);
    }
}

/// The output block that shows what `examples[i]` prints: the next block,
/// when it is ```text output and only blank lines lie between them.
fn output_of<'a>(lines: &[&str], blocks: &'a [Block], i: usize) -> Option<&'a Block> {
    let (b, next) = (&blocks[i], blocks.get(i + 1)?);
    let between = lines.get(b.end..next.line - 1)?;
    (next.lang == "text" && next.tag == "output" && between.iter().all(|l| l.trim().is_empty())).then_some(next)
}

#[test]
fn every_sh_example_in_the_docs_runs() {
    let bless = std::env::var_os("OMBUDS_BLESS").is_some_and(|v| v == "1");
    let mut failures = Vec::new();
    let mut ran = 0;
    for page in pages() {
        let text = std::fs::read_to_string(&page).expect("page reads");
        let lines: Vec<&str> = text.lines().collect();
        let all = blocks(&text);
        if !all.iter().any(|b| b.lang == "sh") {
            continue;
        }
        let name = page.strip_prefix(root()).unwrap_or(&page).display().to_string();
        let (dir, index) = workspace();
        // Output blocks to rewrite when blessing: (first line, last line, new text), 0-based.
        let mut rewrites: Vec<(usize, usize, String)> = Vec::new();
        for (i, b) in all.iter().enumerate().filter(|(_, b)| b.lang == "sh") {
            ran += 1;
            let out = bash(dir.path(), &b.code, &index);
            if !out.status.success() {
                failures.push(format!(
                    "{name}:{}: exit {:?}\n{}\n--- stderr ---\n{}",
                    b.line,
                    out.status.code(),
                    b.code.trim_end(),
                    String::from_utf8_lossy(&out.stderr)
                ));
                continue;
            }
            let Some(shown) = output_of(&lines, &all, i) else {
                continue;
            };
            let mut printed = String::from_utf8_lossy(&out.stdout).replace(&dir.path().display().to_string(), ".");
            // A block's lines each end in a newline; output need not.
            if !printed.is_empty() && !printed.ends_with('\n') {
                printed.push('\n');
            }
            if redact_volatile(&printed) != redact_volatile(&shown.code) {
                if bless {
                    rewrites.push((shown.line, shown.end - 1, printed));
                } else {
                    failures.push(format!(
                        "{name}:{}: the output shown differs from what `{}` prints (OMBUDS_BLESS=1 rewrites it)\n--- shown ---\n{}--- printed ---\n{printed}",
                        shown.line,
                        b.code.trim_end(),
                        shown.code
                    ));
                }
            }
        }
        if !rewrites.is_empty() {
            let mut new: Vec<String> = Vec::new();
            let mut at = 0;
            for (first, last, printed) in rewrites {
                new.extend(lines[at..first].iter().map(|l| (*l).to_owned()));
                new.extend(printed.lines().map(str::to_owned));
                at = last;
            }
            new.extend(lines[at..].iter().map(|l| (*l).to_owned()));
            std::fs::write(&page, new.join("\n") + "\n").expect("page writes");
        }
    }
    assert!(ran > 0, "no ```sh examples found in README.md or docs/");
    assert!(
        failures.is_empty(),
        "{} examples failed:\n\n{}",
        failures.len(),
        failures.join("\n\n")
    );
}

/// The relative link targets of a Markdown page (`[text](target)`), without
/// `#anchors`, outside fenced blocks; web addresses and pure anchors are left out.
fn relative_links(markdown: &str) -> Vec<(usize, String)> {
    let fenced: Vec<(usize, usize)> = blocks(markdown).iter().map(|b| (b.line, b.end)).collect();
    let link = regex::Regex::new(r"\]\(([^)\s]+)\)").expect("link pattern");
    let mut out = Vec::new();
    for (i, line) in markdown.lines().enumerate() {
        let n = i + 1;
        if fenced.iter().any(|&(a, b)| (a..=b).contains(&n)) {
            continue;
        }
        for c in link.captures_iter(line) {
            let target = c[1].split('#').next().unwrap_or_default();
            if target.is_empty() || target.contains("://") || target.starts_with("mailto:") {
                continue;
            }
            out.push((n, target.to_owned()));
        }
    }
    out
}

#[test]
fn ok_relative_links() {
    let cases: &[(&str, &[&str])] = &[
        ("see [the docs](docs/a.md) and [b](b.md#part)", &["docs/a.md", "b.md"]),
        (
            "[![img](docs/img/x.png)](docs/img/x.png)",
            &["docs/img/x.png", "docs/img/x.png"],
        ),
        // Negatives: web addresses, anchors, links inside a fenced block.
        ("<https://x.org> [a](https://x.org/a.md) [b](#top)", &[]),
        ("```text\n[a](gone.md)\n```", &[]),
    ];
    for (markdown, want) in cases {
        let got: Vec<String> = relative_links(markdown).into_iter().map(|(_, t)| t).collect();
        assert_eq!(got, *want, "{markdown}");
    }
}

/// Every relative link of the project's Markdown pages reaches a file.
#[test]
fn every_relative_link_in_the_docs_resolves() {
    let mut pages = pages();
    for extra in ["BENCHMARKS.md", "DEVELOPERS.md", "corpus/README.md"] {
        pages.push(root().join(extra));
    }
    let mut broken = Vec::new();
    for page in pages.iter().filter(|p| p.exists()) {
        let text = std::fs::read_to_string(page).expect("read page");
        let dir = page.parent().expect("page directory");
        for (line, target) in relative_links(&text) {
            if !dir.join(&target).exists() {
                broken.push(format!(
                    "{}:{line}: {target}",
                    page.strip_prefix(root()).unwrap_or(page).display()
                ));
            }
        }
    }
    assert!(broken.is_empty(), "links to missing files:\n{}", broken.join("\n"));
}

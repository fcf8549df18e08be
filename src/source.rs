//! Stage 1, `source`: takes bytes from a file, standard input or a string and
//! returns [`SourceText`]: the decoded text, its SHA-256 and decoding warnings.
//!
//! Scraped decisions arrive as UTF-8 (with or without a byte-order mark),
//! sometimes as UTF-16 with a BOM, and sometimes as Windows-1252 when a page
//! was saved by an old tool. Empty and binary files are errors; text that is
//! not valid UTF-8 is decoded as Windows-1252 with a warning.
//!
//! A saved web page (a `.html` / `.htm` file, or bytes that start like HTML
//! whatever the name) is [`Format::Html`]: its charset comes from the BOM or
//! the page's `<meta charset>` / `http-equiv` tag before those fallbacks, and
//! [`crate::html`] reads its markup instead of [`crate::clean`].

use std::path::{Path, PathBuf};

use sha2::{Digest, Sha256};

use crate::error::{Error, Location, Result};
use crate::parse::record::SourceInfo;

/// What the decoded text is.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub enum Format {
    /// Decision text (as copied from the page, or scraped as text).
    #[default]
    Text,
    /// The markup of a saved decision page, read by [`crate::html`].
    Html,
}

/// Decoded decision text with its provenance.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SourceText {
    /// The text (or markup, for [`Format::Html`]), with line endings normalised to `\n`
    /// and non-breaking spaces to spaces.
    pub text: String,
    /// Text or HTML.
    pub format: Format,
    /// Path, URL and hash of the original bytes.
    pub info: SourceInfo,
    /// What was odd about the encoding, in words.
    pub warnings: Vec<String>,
}

impl SourceText {
    /// Reads and decodes a file.
    pub fn read(path: &Path, url: Option<&str>) -> Result<SourceText> {
        let bytes = std::fs::read(path).map_err(|source| Error::Read {
            at: Location::file(Some(path.to_path_buf())),
            source,
        })?;
        SourceText::from_bytes(&bytes, Some(path), url)
    }

    /// Decodes bytes read from `path` (`None` for standard input). They are
    /// [`Format::Html`] when the path ends in `.html` / `.htm`, or when the
    /// bytes start like HTML ([`crate::html::looks_like_html`]).
    pub fn from_bytes(bytes: &[u8], path: Option<&Path>, url: Option<&str>) -> Result<SourceText> {
        let by_name = path.is_some_and(is_html_path);
        let format = if by_name || crate::html::looks_like_html(bytes) {
            Format::Html
        } else {
            Format::Text
        };
        let declared = match format {
            Format::Html => crate::html::declared_charset(bytes),
            Format::Text => None,
        };
        SourceText::decode_with(bytes, format, declared, path, url)
    }

    /// Wraps the markup of a saved page that is already text (the `html`
    /// field of a JSONL record), whatever its first characters: the charset
    /// its `<meta>` tag names no longer applies.
    pub fn from_html(markup: &str, path: Option<&Path>, url: Option<&str>) -> Result<SourceText> {
        SourceText::decode_with(markup.as_bytes(), Format::Html, None, path, url)
    }

    fn decode_with(
        bytes: &[u8],
        format: Format,
        declared: Option<&'static encoding_rs::Encoding>,
        path: Option<&Path>,
        url: Option<&str>,
    ) -> Result<SourceText> {
        let at = || Location::file(path.map(Path::to_path_buf));
        let info = SourceInfo {
            path: path.map(|p| p.display().to_string()),
            url: url.map(str::to_owned),
            sha256: sha256_hex(bytes),
        };
        let mut warnings = Vec::new();
        let text = decode(bytes, declared, &mut warnings).map_err(|detail| Error::Binary { at: at(), detail })?;
        if text.trim().is_empty() {
            return Err(Error::Empty { at: at() });
        }
        // UTF-16 pages are recognised only once decoded.
        let format = if format == Format::Text && crate::html::looks_like_html(text.as_bytes()) {
            Format::Html
        } else {
            format
        };
        Ok(SourceText {
            text: normalise_text(text),
            format,
            info,
            warnings,
        })
    }

    /// Wraps text that is already decoded (no path).
    pub fn from_text(text: &str, url: Option<&str>) -> SourceText {
        SourceText {
            text: normalise_text(text.to_owned()),
            format: Format::Text,
            info: SourceInfo {
                path: None,
                url: url.map(str::to_owned),
                sha256: sha256_hex(text.as_bytes()),
            },
            warnings: Vec::new(),
        }
    }

    /// The path as a `PathBuf`, for error locations.
    pub fn path(&self) -> Option<PathBuf> {
        self.info.path.as_ref().map(PathBuf::from)
    }
}

/// True for a path whose extension is `html`, `htm` or `xhtml` (any case).
pub fn is_html_path(path: &Path) -> bool {
    path.extension()
        .and_then(|e| e.to_str())
        .is_some_and(|e| ["html", "htm", "xhtml"].iter().any(|x| x.eq_ignore_ascii_case(e)))
}

/// Lower-case hex SHA-256 of `bytes`.
pub fn sha256_hex(bytes: &[u8]) -> String {
    let digest = Sha256::digest(bytes);
    let mut out = String::with_capacity(64);
    for b in digest {
        out.push(char::from_digit(u32::from(b >> 4), 16).unwrap_or('0'));
        out.push(char::from_digit(u32::from(b & 0xf), 16).unwrap_or('0'));
    }
    out
}

/// Decodes bytes to text, or says why they are binary. `declared` is the
/// charset a page's `<meta>` tag names; a byte-order mark wins over it.
fn decode(
    bytes: &[u8],
    declared: Option<&'static encoding_rs::Encoding>,
    warnings: &mut Vec<String>,
) -> std::result::Result<String, String> {
    // UTF-16 with a byte-order mark: what Windows tools write for "Unicode" text.
    if let Some((enc, bom_len)) = encoding_rs::Encoding::for_bom(bytes) {
        if enc != encoding_rs::UTF_8 {
            let (text, had_errors) = enc.decode_without_bom_handling(&bytes[bom_len..]);
            warnings.push(format!(
                "text is {} with a byte-order mark; decoded to UTF-8",
                enc.name()
            ));
            if had_errors {
                warnings.push(format!(
                    "some bytes were not valid {}; replaced with U+FFFD",
                    enc.name()
                ));
            }
            let text = text.into_owned();
            check_text(&text)?;
            return Ok(text);
        }
    }
    let body = bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(bytes);
    check_bytes(body)?;
    if let Some(enc) = declared.filter(|e| *e != encoding_rs::UTF_8 && body.len() == bytes.len()) {
        // A page that declares a legacy charset but whose bytes are valid
        // UTF-8 beyond ASCII was re-saved as UTF-8 by a scraper that kept
        // the old tag: UTF-8 is right, the tag is stale.
        if !body.is_ascii() && std::str::from_utf8(body).is_ok() {
            warnings.push(format!(
                "page declares charset {} but its bytes are valid UTF-8; read as UTF-8",
                enc.name()
            ));
        } else {
            let (text, had_errors) = enc.decode_without_bom_handling(body);
            if had_errors {
                warnings.push(format!(
                    "some bytes were not valid {} (the page's declared charset); replaced with U+FFFD",
                    enc.name()
                ));
            }
            return Ok(text.into_owned());
        }
    }
    match std::str::from_utf8(body) {
        Ok(text) => Ok(text.to_owned()),
        Err(e) => {
            let (text, _, _) = encoding_rs::WINDOWS_1252.decode(body);
            warnings.push(format!(
                "text is not valid UTF-8 (first bad byte at offset {}); decoded as Windows-1252",
                e.valid_up_to()
            ));
            Ok(text.into_owned())
        }
    }
}

/// Binary files hold NUL bytes or many control characters; text never does.
fn check_bytes(bytes: &[u8]) -> std::result::Result<(), String> {
    if let Some(pos) = memchr_nul(bytes) {
        return Err(format!("NUL byte at offset {pos}"));
    }
    let sample = &bytes[..bytes.len().min(8192)];
    let controls = sample
        .iter()
        .filter(|&&b| b < 0x20 && !matches!(b, b'\n' | b'\r' | b'\t' | 0x0c))
        .count();
    if sample.len() >= 16 && controls * 10 > sample.len() {
        return Err(format!("{controls} control bytes in the first {} bytes", sample.len()));
    }
    Ok(())
}

fn check_text(text: &str) -> std::result::Result<(), String> {
    if let Some(pos) = memchr_nul(text.as_bytes()) {
        return Err(format!("NUL character at offset {pos}"));
    }
    Ok(())
}

fn memchr_nul(bytes: &[u8]) -> Option<usize> {
    memchr::memchr(0, bytes)
}

/// Line endings become `\n`, and a non-breaking space (U+00A0, or the narrow
/// U+202F) becomes an ordinary space, as the issue asks of every input: a
/// reference written `23\u{a0}017\u{a0}456` in a page's title is the
/// reference `23 017 456`, and `12\u{a0}months` (excerpt 035) reads as
/// `12 months` (corpus/regressions/non-breaking-spaces.txt).
fn normalise_text(mut text: String) -> String {
    // memchr's vectorised searches: these run over every byte of every file.
    if memchr::memchr(b'\r', text.as_bytes()).is_some() {
        text = text.replace("\r\n", "\n").replace('\r', "\n");
    }
    for space in ["\u{a0}", "\u{202f}"] {
        if let Some(spaced) = replace_with_space(&text, space) {
            text = spaced;
        }
    }
    text
}

/// `text` with every `needle` replaced by one space, or `None` when it holds
/// none: one vectorised search, and the copy only when there is a match
/// (`str::replace` with a char pattern cost 4 % of a parse).
fn replace_with_space(text: &str, needle: &str) -> Option<String> {
    let mut hits = memchr::memmem::find_iter(text.as_bytes(), needle.as_bytes()).peekable();
    hits.peek()?;
    let mut out = String::with_capacity(text.len());
    let mut from = 0;
    for at in hits {
        out.push_str(&text[from..at]);
        out.push(' ');
        from = at + needle.len();
    }
    out.push_str(&text[from..]);
    Some(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ok_decodings() {
        let cases: &[(&[u8], &str, usize)] = &[
            (b"Derbyshire County Council", "Derbyshire County Council", 0),
            (b"\xEF\xBB\xBFCouncil", "Council", 0),
            (b"a\r\nb\rc", "a\nb\nc", 0),
            // Non-breaking spaces, plain and narrow.
            (
                "(23\u{a0}017\u{202f}456)\r\n12\u{a0}months".as_bytes(),
                "(23 017 456)\n12 months",
                0,
            ),
            // Windows-1252: 0x92 is a right single quote, 0xA3 a pound sign.
            (b"Ombudsman\x92s role \xA3250", "Ombudsman\u{2019}s role \u{a3}250", 1),
            // UTF-16LE with BOM.
            (b"\xFF\xFEH\0i\0", "Hi", 1),
        ];
        for (bytes, want, nwarn) in cases {
            let got = SourceText::from_bytes(bytes, None, None).unwrap();
            assert_eq!(got.text, *want, "{bytes:?}");
            assert_eq!(got.warnings.len(), *nwarn, "{bytes:?}: {:?}", got.warnings);
        }
    }

    #[test]
    fn err_decodings() {
        let cases: &[(&[u8], &str)] = &[
            (b"", "empty file"),
            (b"  \n\t\n", "empty file"),
            (b"PK\x03\x04\0\0\x14\0binary", "binary data: NUL byte at offset 4"),
            (
                b"\x01\x02\x03\x04\x05\x06\x07\x08\x0b\x0e\x0f\x10\x11\x12\x13\x14",
                "binary data",
            ),
        ];
        for (bytes, want) in cases {
            let err = SourceText::from_bytes(bytes, Some(Path::new("x.txt")), None).unwrap_err();
            let msg = err.to_string();
            assert!(msg.starts_with("x.txt: "), "{msg}");
            assert!(msg.contains(want), "{msg} should contain {want}");
        }
    }

    #[test]
    fn ok_format() {
        let cases: &[(&[u8], Option<&str>, Format)] = &[
            (b"X Council (23 017 456)", Some("a.txt"), Format::Text),
            (b"X Council (23 017 456)", Some("a.HTML"), Format::Html),
            (b"X Council (23 017 456)", Some("a.htm"), Format::Html),
            (b"<!DOCTYPE html><p>x", Some("saved"), Format::Html),
            (b"<!DOCTYPE html><p>x", None, Format::Html),
            (b"\xFF\xFE<\0h\0t\0m\0l\0>\0", None, Format::Html),
            (b"Category : a <html> tag", None, Format::Text),
        ];
        for (bytes, path, want) in cases {
            let got = SourceText::from_bytes(bytes, path.map(Path::new), None).unwrap();
            assert_eq!(got.format, *want, "{bytes:?} {path:?}");
        }
        assert_eq!(SourceText::from_text("<html>", None).format, Format::Text);
    }

    #[test]
    fn ok_html_charsets() {
        // Declared, and the bytes agree: no warning.
        let page = b"<meta charset=windows-1252><p>\xA3250";
        let got = SourceText::from_bytes(page, None, None).unwrap();
        assert_eq!(
            (got.text.as_str(), got.warnings.len()),
            ("<meta charset=windows-1252><p>\u{a3}250", 0)
        );
        // Markup that is already text (a JSONL field): the tag no longer applies.
        let got = SourceText::from_html("<meta charset=windows-1252><p>\u{a3}250", None, None).unwrap();
        assert_eq!((got.format, got.warnings.len()), (Format::Html, 0));
    }

    #[test]
    fn err_html_charsets() {
        // Declared Windows-1252 but valid UTF-8: read as UTF-8, with a warning.
        let got = SourceText::from_bytes("<meta charset=windows-1252><p>\u{a3}250".as_bytes(), None, None).unwrap();
        assert!(got.text.ends_with("\u{a3}250"));
        assert!(got.warnings[0].contains("valid UTF-8"), "{:?}", got.warnings);
        // Binary garbage is binary, page or not.
        let err = SourceText::from_bytes(b"<html>\0\x01\x02", Some(Path::new("p.html")), None).unwrap_err();
        assert!(err.to_string().starts_with("p.html: binary data"), "{err}");
    }

    #[test]
    fn ok_sha256() {
        assert_eq!(
            sha256_hex(b"abc"),
            "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad"
        );
    }
}

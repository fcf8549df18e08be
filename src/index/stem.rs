//! The prose analyzer in one pass: takes text and returns the tokens of Tantivy's
//! simple tokenizer, long-token filter, lower-caser and English stemmer, with a memo of stems.
//!
//! Stemming was a fifth of the CPU time of an ingest (BENCHMARKS.md): the
//! Snowball algorithm runs on every token, while a corpus of decisions uses a
//! few tens of thousands of distinct words. Each tokenizer instance (one per
//! field of each indexing thread) keeps its own memo of at most
//! [`MEMO_LIMIT`] words, cleared when full, so memory stays bounded.
//!
//! [`EnglishTokenizer`] does Tantivy's four steps in one loop over the bytes and
//! gives exactly the same tokens, positions and offsets (tested against Tantivy's
//! chain below). What it saves is memory traffic, not instructions: an ASCII word
//! of up to 16 bytes (nearly every word) is looked up in the memo as one 16-byte
//! number, lower-cased while it is found, with its stem stored beside it in the
//! table, where a `String` key and stem were two more pointers to follow. On one
//! thread with the memo in cache both take the same time; in an ingest, where the
//! postings writer keeps evicting the memo, the fused form took about 4 % less CPU
//! (BENCHMARKS.md, issue 10, "2026-12-02, 16:00 UTC").

use std::collections::HashMap;

use tantivy::tokenizer::{Language, RawTokenizer, Stemmer, TextAnalyzer, Token, TokenStream, Tokenizer};

/// Most words one memo holds before it is cleared.
pub const MEMO_LIMIT: usize = 100_000;

/// Tokens of this many bytes or more (before lower-casing) are dropped, as
/// Tantivy's `RemoveLongFilter::limit(40)` drops them; their position is still counted.
pub const LONG_TOKEN_BYTES: usize = 40;

/// The memo's keys are short words hashed once per token: the Fx hash
/// (rustc's), where SipHash took a third of the memo's time in the profile.
/// Not resistant to chosen collisions, which do not matter for a local memo.
#[derive(Clone, Default)]
struct Memo {
    /// Stems of ASCII words of at most [`PACKED_BYTES`] bytes whose stem is as short: nearly all.
    short: HashMap<Packed, Packed, rustc_hash::FxBuildHasher>,
    /// Stems of the other words.
    long: HashMap<String, String, rustc_hash::FxBuildHasher>,
}

/// Splits on characters that are not alphanumeric, drops tokens of
/// [`LONG_TOKEN_BYTES`] or more, lower-cases and stems in English: the tokens of
/// `SimpleTokenizer` + `RemoveLongFilter::limit(40)` + `LowerCaser` +
/// `Stemmer::new(Language::English)`, memoising each word's stem.
#[derive(Clone)]
pub struct EnglishTokenizer {
    token: Token,
    /// Stems one word (the whole text as one token).
    stemmer: TextAnalyzer,
    memo: Memo,
}

impl Default for EnglishTokenizer {
    fn default() -> Self {
        EnglishTokenizer {
            token: Token::default(),
            stemmer: TextAnalyzer::builder(RawTokenizer::default())
                .filter(Stemmer::new(Language::English))
                .build(),
            memo: Memo::default(),
        }
    }
}

impl Tokenizer for EnglishTokenizer {
    type TokenStream<'a> = EnglishTokenStream<'a>;

    fn token_stream<'a>(&'a mut self, text: &'a str) -> EnglishTokenStream<'a> {
        self.token.reset();
        EnglishTokenStream {
            text,
            next: 0,
            token: &mut self.token,
            stemmer: &mut self.stemmer,
            memo: &mut self.memo,
        }
    }
}

/// The token stream of [`EnglishTokenizer`].
pub struct EnglishTokenStream<'a> {
    text: &'a str,
    /// Byte offset where the search for the next token starts.
    next: usize,
    token: &'a mut Token,
    stemmer: &'a mut TextAnalyzer,
    memo: &'a mut Memo,
}

/// Whether the non-ASCII character starting at byte `at` of `text` is
/// alphanumeric (as `char::is_alphanumeric`), and its length in bytes.
fn non_ascii_at(text: &str, at: usize) -> (bool, usize) {
    // `at` is always a character boundary: it only moves by whole characters.
    match text.get(at..).and_then(|rest| rest.chars().next()) {
        Some(c) => (c.is_alphanumeric(), c.len_utf8()),
        None => (false, 1),
    }
}

/// An ASCII word of at most 16 bytes, lower-cased, as the little-endian bytes
/// of a number (unused bytes zero, and no word holds a zero byte): hashed as
/// two integers and compared in the memo's table itself.
type Packed = u128;

/// Bytes a [`Packed`] word holds.
const PACKED_BYTES: usize = 16;

/// `word` (ASCII, at most [`PACKED_BYTES`]) packed.
fn pack(word: &str) -> Packed {
    word.bytes()
        .enumerate()
        .fold(0, |key, (i, b)| key | Packed::from(b) << (8 * i))
}

/// Appends the word `packed` holds to `out`.
fn unpack(packed: Packed, out: &mut String) {
    let bytes = packed.to_le_bytes();
    let len = PACKED_BYTES - (packed.leading_zeros() / 8) as usize;
    out.extend(bytes[..len].iter().map(|&b| char::from(b)));
}

impl EnglishTokenStream<'_> {
    /// Finds the next word; returns its byte range, whether it is ASCII, and
    /// its first [`PACKED_BYTES`] bytes lower-cased and packed.
    fn next_word(&mut self) -> Option<(usize, usize, bool, Packed)> {
        let text = self.text;
        let bytes = text.as_bytes();
        let len = bytes.len();
        let mut at = self.next;
        loop {
            let &b = bytes.get(at)?;
            let (alnum, width) = if b.is_ascii() {
                (b.is_ascii_alphanumeric(), 1)
            } else {
                non_ascii_at(text, at)
            };
            if alnum {
                break;
            }
            at += width;
        }
        let from = at;
        let mut ascii = true;
        let mut key: Packed = 0;
        while let Some(&b) = bytes.get(at) {
            if b.is_ascii() {
                if !b.is_ascii_alphanumeric() {
                    break;
                }
                let i = at - from;
                if i < PACKED_BYTES {
                    key |= Packed::from(b.to_ascii_lowercase()) << (8 * i);
                }
                at += 1;
            } else {
                let (alnum, width) = non_ascii_at(text, at);
                if !alnum {
                    break;
                }
                ascii = false;
                at += width;
            }
        }
        self.next = at.min(len);
        Some((from, at, ascii, key))
    }
}

impl TokenStream for EnglishTokenStream<'_> {
    fn advance(&mut self) -> bool {
        self.token.text.clear();
        let (from, to, ascii, key) = loop {
            let Some(word) = self.next_word() else {
                self.next = self.text.len();
                return false;
            };
            // Every word takes a position, even one dropped as too long.
            self.token.position = self.token.position.wrapping_add(1);
            if word.1 - word.0 < LONG_TOKEN_BYTES {
                break word;
            }
        };
        self.token.offset_from = from;
        self.token.offset_to = to;
        let packed = ascii && to - from <= PACKED_BYTES;
        let text = &mut self.token.text;
        if packed {
            if let Some(&stem) = self.memo.short.get(&key) {
                unpack(stem, text);
                return true;
            }
        }
        let word = &self.text[from..to];
        if ascii {
            text.push_str(word);
            text.make_ascii_lowercase();
        } else {
            // As Tantivy's `LowerCaser`: each character's full lower case, no final sigma rule.
            text.extend(word.chars().flat_map(char::to_lowercase));
        }
        if !packed {
            if let Some(stem) = self.memo.long.get(text.as_str()) {
                text.clear();
                text.push_str(stem);
                return true;
            }
        }
        let stem = {
            let mut one = self.stemmer.token_stream(text);
            if one.advance() {
                one.token().text.clone()
            } else {
                text.clone()
            }
        };
        if packed && stem.is_ascii() && stem.len() <= PACKED_BYTES {
            if self.memo.short.len() >= MEMO_LIMIT {
                self.memo.short.clear();
            }
            self.memo.short.insert(key, pack(&stem));
            *text = stem;
        } else {
            if self.memo.long.len() >= MEMO_LIMIT {
                self.memo.long.clear();
            }
            self.memo.long.insert(std::mem::replace(text, stem.clone()), stem);
        }
        true
    }

    fn token(&self) -> &Token {
        self.token
    }

    fn token_mut(&mut self) -> &mut Token {
        self.token
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use tantivy::tokenizer::{LowerCaser, RemoveLongFilter, SimpleTokenizer};

    fn tokens(analyzer: &mut TextAnalyzer, text: &str) -> Vec<(String, usize, usize, usize)> {
        let mut out = Vec::new();
        let mut s = analyzer.token_stream(text);
        while s.advance() {
            let t = s.token();
            out.push((t.text.clone(), t.position, t.offset_from, t.offset_to));
        }
        out
    }

    /// The chain the fused tokenizer replaces.
    fn tantivy_chain() -> TextAnalyzer {
        TextAnalyzer::builder(SimpleTokenizer::default())
            .filter(RemoveLongFilter::limit(LONG_TOKEN_BYTES))
            .filter(LowerCaser)
            .filter(Stemmer::new(Language::English))
            .build()
    }

    fn assert_same(fused: &mut TextAnalyzer, chain: &mut TextAnalyzer, text: &str) {
        // Twice: the second pass is served from the memo.
        for _ in 0..2 {
            assert_eq!(tokens(fused, text), tokens(chain, text), "{text:?}");
        }
    }

    #[test]
    fn ok_same_tokens_as_tantivys_chain() {
        let mut fused = TextAnalyzer::from(EnglishTokenizer::default());
        let mut chain = tantivy_chain();
        let long = "a".repeat(39);
        let too_long = "b".repeat(40);
        let cases = [
            "",
            "   ,;  ",
            "The Council failed; it failed again, failing the complainants' children. \
             Apologise, apologised, apologies, running runs ran — café naïve 1989 s47",
            "Mr X's £1,500.00 payment (23 017 456) on 1/2/2024: s.47 Children Act 1989!",
            // Length limit in bytes, before lower-casing: 39 kept, 40 dropped, positions go on.
            &format!("{long} {too_long} after"),
            // 20 two-byte letters (40 bytes) dropped; 19 (38 bytes) kept.
            &format!("{} {} end", "é".repeat(20), "É".repeat(19)),
            // Lower case longer than the word: İ (2 bytes) is i + combining dot (3 bytes).
            "İSTANBUL İİİİİİİİİİİİİİİİİİİ ΟΔΟΣ ΣΊΣΥΦΟΣ Straße STRASSE ǅemal ﬁnd Ⅻ ⅻ",
            // Digits and letters of other scripts, combining marks, emoji, controls.
            "٣٤ 四五 Ωmega e\u{301}te naïve\u{308} \u{1F600}smile\u{1F600} tab\tnew\nline\r\n\u{0}nul",
            "\u{feff}bom-word non\u{a0}breaking\u{2009}thin zero\u{200b}width x\u{2019}s",
            // The packed memo holds ASCII words of up to 16 bytes: 15, 16, 17 and longer.
            "abcdefghijklmno ABCDEFGHIJKLMNOP abcdefghijklmnopq Internationalisations \
             responsibilities RESPONSIBILITIES responsibility happily happy skies dying 0123456789012345",
            "trailing é",
            "é",
            "9",
        ];
        for text in cases {
            assert_same(&mut fused, &mut chain, text);
        }
    }

    #[test]
    fn ok_same_tokens_on_the_corpus() {
        let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("corpus");
        let mut fused = TextAnalyzer::from(EnglishTokenizer::default());
        let mut chain = tantivy_chain();
        let mut files = 0;
        for entry in walkdir::WalkDir::new(&root).sort_by_file_name() {
            let entry = entry.unwrap();
            if !entry.file_type().is_file() {
                continue;
            }
            let bytes = std::fs::read(entry.path()).unwrap();
            let text = String::from_utf8_lossy(&bytes);
            assert_same(&mut fused, &mut chain, &text);
            files += 1;
        }
        assert!(files > 10, "{files} corpus files");
    }

    #[test]
    fn ok_memo_is_bounded() {
        let mut tokenizer = EnglishTokenizer::default();
        let text: String = (0..MEMO_LIMIT + 10).map(|i| format!("w{i} ")).collect();
        let mut stream = tokenizer.token_stream(&text);
        let mut count = 0;
        while stream.advance() {
            count += 1;
        }
        assert_eq!(count, MEMO_LIMIT + 10);
        assert!(tokenizer.memo.short.len() <= MEMO_LIMIT);
        assert!(tokenizer.memo.long.is_empty());
    }
}

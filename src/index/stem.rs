//! A stemming token filter with a memo: takes tokens and returns them stemmed
//! exactly as Tantivy's English [`Stemmer`] does, remembering each word's stem.
//!
//! Stemming was a fifth of the CPU time of an ingest (BENCHMARKS.md): the
//! Snowball algorithm runs on every token, while a corpus of decisions uses a
//! few tens of thousands of distinct words. Each tokenizer instance (one per
//! field of each indexing thread) keeps its own memo of at most
//! [`MEMO_LIMIT`] words, cleared when full, so memory stays bounded.

use std::collections::HashMap;

use tantivy::tokenizer::{Language, RawTokenizer, Stemmer, TextAnalyzer, Token, TokenFilter, TokenStream, Tokenizer};

/// Most words one memo holds before it is cleared.
pub const MEMO_LIMIT: usize = 100_000;

/// The memo's keys are short words hashed once per token: the Fx hash
/// (rustc's), where SipHash took a third of the memo's time in the profile.
/// Not resistant to chosen collisions, which do not matter for a local memo.
type Memo = HashMap<String, String, rustc_hash::FxBuildHasher>;

/// Tantivy's [`Stemmer`] for `language`, memoised.
#[derive(Clone)]
pub struct MemoStemmer {
    language: Language,
}

impl MemoStemmer {
    /// A memoised stemmer for `language`.
    pub fn new(language: Language) -> MemoStemmer {
        MemoStemmer { language }
    }
}

impl TokenFilter for MemoStemmer {
    type Tokenizer<T: Tokenizer> = MemoStemmerFilter<T>;

    fn transform<T: Tokenizer>(self, tokenizer: T) -> MemoStemmerFilter<T> {
        MemoStemmerFilter {
            inner: tokenizer,
            stemmer: TextAnalyzer::builder(RawTokenizer::default())
                .filter(Stemmer::new(self.language))
                .build(),
            memo: Memo::default(),
        }
    }
}

/// The tokenizer [`MemoStemmer`] makes of another.
#[derive(Clone)]
pub struct MemoStemmerFilter<T> {
    inner: T,
    /// Stems one word (the whole text as one token).
    stemmer: TextAnalyzer,
    memo: Memo,
}

impl<T: Tokenizer> Tokenizer for MemoStemmerFilter<T> {
    type TokenStream<'a> = MemoStemmerStream<'a, T::TokenStream<'a>>;

    fn token_stream<'a>(&'a mut self, text: &'a str) -> Self::TokenStream<'a> {
        MemoStemmerStream {
            tail: self.inner.token_stream(text),
            stemmer: &mut self.stemmer,
            memo: &mut self.memo,
        }
    }
}

/// The token stream of [`MemoStemmerFilter`].
pub struct MemoStemmerStream<'a, T> {
    tail: T,
    stemmer: &'a mut TextAnalyzer,
    memo: &'a mut Memo,
}

impl<T: TokenStream> TokenStream for MemoStemmerStream<'_, T> {
    fn advance(&mut self) -> bool {
        if !self.tail.advance() {
            return false;
        }
        let token = self.tail.token_mut();
        if let Some(stem) = self.memo.get(&token.text) {
            token.text.clear();
            token.text.push_str(stem);
            return true;
        }
        let stem = {
            let mut one = self.stemmer.token_stream(&token.text);
            if one.advance() {
                one.token().text.clone()
            } else {
                token.text.clone()
            }
        };
        if self.memo.len() >= MEMO_LIMIT {
            self.memo.clear();
        }
        self.memo.insert(std::mem::replace(&mut token.text, stem.clone()), stem);
        true
    }

    fn token(&self) -> &Token {
        self.tail.token()
    }

    fn token_mut(&mut self) -> &mut Token {
        self.tail.token_mut()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use tantivy::tokenizer::{LowerCaser, SimpleTokenizer};

    fn tokens(analyzer: &mut TextAnalyzer, text: &str) -> Vec<(String, usize, usize, usize)> {
        let mut out = Vec::new();
        let mut s = analyzer.token_stream(text);
        while s.advance() {
            let t = s.token();
            out.push((t.text.clone(), t.position, t.offset_from, t.offset_to));
        }
        out
    }

    #[test]
    fn ok_same_tokens_as_tantivys_stemmer() {
        let mut plain = TextAnalyzer::builder(SimpleTokenizer::default())
            .filter(LowerCaser)
            .filter(Stemmer::new(Language::English))
            .build();
        let mut memo = TextAnalyzer::builder(SimpleTokenizer::default())
            .filter(LowerCaser)
            .filter(MemoStemmer::new(Language::English))
            .build();
        let text = "The Council failed; it failed again, failing the complainants' children. \
                    Apologise, apologised, apologies, running runs ran — café naïve 1989 s47";
        // Twice: the second pass is served from the memo.
        for _ in 0..2 {
            assert_eq!(tokens(&mut memo, text), tokens(&mut plain, text));
        }
        assert_eq!(tokens(&mut memo, "")[..], []);
    }
}

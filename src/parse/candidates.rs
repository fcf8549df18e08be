//! `parse::candidates`: takes the summary and the paragraphs of a decision
//! and returns them scanned once for trigger words ([`Lazy`]) and, when a
//! rule reads them, split once into lines and sentences ([`Text`]), each
//! sentence tagged with the [`Family`] of every trigger word in it. The
//! findings rules ([`findings`](crate::parse::findings),
//! [`remedies`](crate::parse::remedies), [`money`](crate::parse::money),
//! [`legislation`](crate::parse::legislation)) read only the *candidate
//! sentences*: those whose tags say a rule could match. Most paragraphs of
//! a decision carry no trigger a rule needs, so they are never split.
//!
//! The trigger lexicon is the [`TRIGGERS`] table: a literal, the family it
//! wakes, and the rule that needs it. A new phrasing whose rule needs a word
//! that no row names gets one more row.

use std::sync::LazyLock;

use aho_corasick::{AhoCorasick, AhoCorasickBuilder, MatchKind};

use crate::blocks;

/// What a trigger word makes a sentence a candidate for, as a bit set.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct Family(pub u8);

impl Family {
    /// A fault or no-fault finding ([`findings::classify`](crate::parse::findings::classify)).
    pub const FAULT: Family = Family(1);
    /// A sum of money ([`money::amounts`](crate::parse::money::amounts)):
    /// "pounds", and "£", found by a byte search of its own.
    pub const MONEY: Family = Family(2);
    /// A statute ([`legislation::citations`](crate::parse::legislation::citations)):
    /// "Act" and white space, found by a search of its own.
    pub const ACT: Family = Family(4);
    /// A paragraph that states remedies on a page without a remedy section
    /// ([`remedies::is_remedy_lead`](crate::parse::remedies::is_remedy_lead)).
    pub const LEAD: Family = Family(8);
    /// "fault" or "maladministration" themselves, with [`Family::FAULT`]:
    /// a trigger row's family only. The scan moves this bit into
    /// [`Sentence::fault_word`], so that `families` keeps the four
    /// families above.
    pub const FAULT_WORD: Family = Family(1 | Family::FAULT_WORD_BIT);

    /// The bit that [`Family::FAULT_WORD`] adds to [`Family::FAULT`].
    const FAULT_WORD_BIT: u8 = 16;

    /// `self` without the [`Family::FAULT_WORD`] bit.
    fn without_fault_word(self) -> Family {
        Family(self.0 & !Family::FAULT_WORD_BIT)
    }

    /// Whether `self` has the [`Family::FAULT_WORD`] bit.
    fn has_fault_word(self) -> bool {
        self.0 & Family::FAULT_WORD_BIT != 0
    }

    /// Whether any family of `other` is in `self`.
    pub fn has(self, other: Family) -> bool {
        self.0 & other.0 != 0
    }

    /// `self` with the families of `other` added.
    pub fn with(self, other: Family) -> Family {
        Family(self.0 | other.0)
    }
}

/// One trigger: a lower-case ASCII literal (matched anywhere in a word, in
/// lower case, capitalised or in capitals),
/// the family it wakes, and the rule that needs it.
pub struct Trigger {
    /// The literal.
    pub word: &'static str,
    /// What it makes a sentence a candidate for.
    pub family: Family,
    /// The rule whose every match contains this word (or one of its row
    /// mates of the same family).
    pub rule: &'static str,
    /// Matched in lower case only: a word that never opens a sentence in
    /// the phrasing its rule reads ("cannot criticise"). Each variant is one
    /// more pattern, and past 32 patterns the scan's vectorised prefilter
    /// is slower (2 % of the whole parse for three words).
    pub lower_only: bool,
}

const fn t(word: &'static str, family: Family, rule: &'static str) -> Trigger {
    Trigger {
        word,
        family,
        rule,
        lower_only: false,
    }
}

/// A trigger matched in lower case only (see [`Trigger::lower_only`]).
const fn lower(word: &'static str, family: Family, rule: &'static str) -> Trigger {
    Trigger {
        word,
        family,
        rule,
        lower_only: true,
    }
}

/// The trigger lexicon. Every match of a rule contains at least one of its
/// family's words, so a sentence without any cannot match the rule.
pub const TRIGGERS: &[Trigger] = &[
    // Fault and no-fault findings: "at fault", "maladministration",
    // "service failure", "accepts there were failings", "errors",
    // "mistakes", "missed opportunities" (seeds 000–004).
    t("fault", Family::FAULT_WORD, "findings::FAULT, NO_FAULT"),
    t("maladministration", Family::FAULT_WORD, "findings::FAULT, NO_FAULT"),
    t("failing", Family::FAULT, "findings::FAULT (accepts failings)"),
    t(
        "failure",
        Family::FAULT,
        "findings::FAULT (service failure, accepts failures)",
    ),
    t("error", Family::FAULT, "findings::FAULT (accepts errors)"),
    t("mistake", Family::FAULT, "findings::FAULT (accepts mistakes)"),
    t("opportunit", Family::FAULT, "findings::MISSED"),
    lower("critici", Family::FAULT, "findings::NO_FAULT_PLAIN (cannot criticise)"),
    lower("entitled", Family::FAULT, "findings::NO_FAULT_PLAIN (was entitled to)"),
    // Money: "250 pounds"; "£250" (every seed's agreed action) has a
    // search of its own.
    t("pounds", Family::MONEY, "money::AMOUNT"),
    // Regulations, cited like Acts ("Children Act 1989" has a search of its
    // own): "… Regulations 2014" (corpus/regressions/regulations-cited.txt).
    // Not "order": "in order to" would wake the rule on most decisions, and
    // "order 2" costs 0.7 % of the parse's instructions for the rare "… Order
    // 2015".
    t("regulations", Family::ACT, "legislation::ACT (Regulations)"),
    // Remedy paragraphs of pages without a remedy section (excerpts 008,
    // 049, 057, 064) and the Ombudsman asking ("I asked the Council to …").
    t(
        "injustice",
        Family::LEAD,
        "remedies::REMEDY_LEAD (to remedy the injustice)",
    ),
    t("right", Family::LEAD, "remedies::REMEDY_LEAD (to put things right)"),
    t("recommend", Family::LEAD, "remedies::REMEDY_LEAD (we recommend)"),
    t("agreed", Family::LEAD, "remedies::REMEDY_LEAD (has agreed to)"),
    t("should", Family::LEAD, "remedies::REMEDY_LEAD (the council should)"),
    t("will", Family::LEAD, "remedies::REMEDY_LEAD (the council will)"),
    t("must", Family::LEAD, "remedies::REMEDY_LEAD (the council must)"),
    t("asked", Family::LEAD, "remedies::REMEDY_LEAD (I asked the Council to)"),
    t("offered", Family::LEAD, "remedies::REMEDY_LEAD (has offered to)"),
    t("needs", Family::LEAD, "remedies::REMEDY_LEAD (the council needs to)"),
    // "The Council is to pay …", "It would be appropriate for the Council
    // to …" (corpus/regressions/directives-in-findings-prose.txt); the
    // lead rule asks for "would be" or "I consider it" before the word.
    t("is to", Family::LEAD, "remedies::REMEDY_LEAD (the council is to)"),
    t("are to", Family::LEAD, "remedies::REMEDY_LEAD (the councils are to)"),
    t(
        "appropriate",
        Family::LEAD,
        "remedies::REMEDY_LEAD (appropriate for the council to)",
    ),
    t(
        "reasonable",
        Family::LEAD,
        "remedies::REMEDY_LEAD (reasonable for the council to)",
    ),
    t("fair", Family::LEAD, "remedies::REMEDY_LEAD (fair for the council to)"),
    t(
        "proportionate",
        Family::LEAD,
        "remedies::REMEDY_LEAD (proportionate for the council to)",
    ),
    t(
        "remed",
        Family::LEAD,
        "remedies::REMEDY_LEAD (a satisfactory remedy, remedies which included)",
    ),
];

/// Builds one automaton for the rows of [`TRIGGERS`] that `keep` selects,
/// each word written in lower case, capitalised and in capitals ("fault",
/// "Fault", "FAULT"): exact literals let the scan use its vectorised
/// prefilter, which an ASCII case-insensitive automaton cannot (ten times
/// slower). Returns it with the family of each of its patterns. No word
/// holds another, so the non-overlapping scan sees every trigger.
fn automaton(keep: impl Fn(&Trigger) -> bool) -> (AhoCorasick, Vec<Family>) {
    let rows: Vec<&Trigger> = TRIGGERS.iter().filter(|t| keep(t)).collect();
    let variants = rows.iter().flat_map(|t| {
        let mut capitalised = t.word.to_owned();
        capitalised[..1].make_ascii_uppercase();
        let all = [t.word.to_owned(), capitalised, t.word.to_ascii_uppercase()];
        all.into_iter().take(if t.lower_only { 1 } else { 3 })
    });
    let ac = AhoCorasickBuilder::new()
        .match_kind(MatchKind::LeftmostFirst)
        .build(variants)
        .expect("trigger automaton");
    let families = rows
        .iter()
        .flat_map(|t| std::iter::repeat_n(t.family, if t.lower_only { 1 } else { 3 }))
        .collect();
    (ac, families)
}

/// The triggers that the sentence rules read (fault words, money). Kept
/// apart from the remedy-lead words, which are common ("will", "right")
/// and needed only on pages whose remedy section gives nothing: fewer
/// patterns make a faster prefilter.
static SCANNER: LazyLock<(AhoCorasick, Vec<Family>)> = LazyLock::new(|| automaton(|t| t.family != Family::LEAD));

/// The remedy-lead words ([`Family::LEAD`]).
static LEAD_SCANNER: LazyLock<(AhoCorasick, Vec<Family>)> = LazyLock::new(|| automaton(|t| t.family == Family::LEAD));

/// Statutes: "Children Act 1989" (seed 002). Case matters ("act on" is no
/// citation), so "Act" has a search of its own; the white space after it is
/// checked after the search ("Action" is no citation either).
static ACT: LazyLock<memchr::memmem::Finder<'static>> = LazyLock::new(|| memchr::memmem::Finder::new("Act"));

/// A sentence: a byte range of its paragraph's text, and its triggers.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Sentence {
    /// Byte offset of its first character in the paragraph text.
    pub start: usize,
    /// Byte offset just past it.
    pub end: usize,
    /// The families of the trigger words in it.
    pub families: Family,
    /// Whether "fault" or "maladministration" is in it, in lower case,
    /// capitalised or in capitals (a trigger of [`Family::FAULT_WORD`]).
    /// `false` does not rule out another case ("fAult"), which a `(?i)`
    /// rule would match.
    pub fault_word: bool,
}

/// A line of a paragraph: a numbered paragraph's sub-items (`- …`) and the
/// items of a plain list are lines of their own.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Line {
    /// Byte range of the line without its list marker and surrounding white
    /// space.
    pub start: usize,
    /// End of that range.
    pub end: usize,
    /// Byte range of the whole raw line (marker included, untrimmed).
    pub raw: (usize, usize),
    /// Whether it is a list item (`- `, `• `, `* ` …).
    pub bullet: bool,
    /// Its sentences, as a range of [`Text::sentences`].
    pub sentences: std::ops::Range<usize>,
}

/// A paragraph or the summary, split into lines and sentences, with the
/// families of every trigger in it. One made by [`Text::new`] carries every
/// family; one made by [`Lazy::split`] carries no [`Family::LEAD`] (ask
/// [`Lazy::has_lead`]).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Text<'a> {
    /// The text.
    pub text: &'a str,
    /// Its lines in order (empty lines left out).
    pub lines: Vec<Line>,
    /// Its sentences in order.
    pub sentences: Vec<Sentence>,
    /// Every family of every trigger in the text.
    pub families: Family,
}

impl<'a> Text<'a> {
    /// Splits `text` into lines and sentences and tags them, in one scan for
    /// the triggers and one for the sentence stops.
    pub fn new(text: &'a str) -> Text<'a> {
        let (families, hits) = scan(text);
        Text::from_hits(text, families, &hits)
    }

    /// Splits `text` into lines and sentences and tags each sentence with
    /// the triggers `hits` found in it by [`scan`].
    fn from_hits(text: &'a str, families: Family, hits: &[(usize, Family)]) -> Text<'a> {
        let mut out = Text {
            text,
            lines: Vec::new(),
            sentences: Vec::new(),
            families,
        };
        let bytes = text.as_bytes();
        let mut raw_start = 0;
        let ends = memchr::memchr_iter(b'\n', bytes).chain(std::iter::once(bytes.len()));
        for raw_end in ends {
            let raw = &text[raw_start..raw_end];
            let this_start = raw_start;
            raw_start = raw_end + 1;
            let stripped = strip_marker(raw);
            if stripped.is_empty() {
                continue;
            }
            // `stripped` is a sub-slice of `raw`.
            let start = this_start + (stripped.as_ptr() as usize - raw.as_ptr() as usize);
            let first = out.sentences.len();
            each_sentence_in_line(stripped, |s, e| {
                out.sentences.push(Sentence {
                    start: start + s,
                    end: start + e,
                    families: Family::default(),
                    fault_word: false,
                });
                true
            });
            out.lines.push(Line {
                start,
                end: start + stripped.len(),
                raw: (this_start, raw_end),
                bullet: is_bullet(raw),
                sentences: first..out.sentences.len(),
            });
        }
        // Each trigger tags the sentence that holds it; the hits are in
        // order within each kind of search, so the lookup is a binary search.
        for &(at, family) in hits {
            let i = out.sentences.partition_point(|s| s.end <= at);
            if let Some(s) = out.sentences.get_mut(i) {
                if s.start <= at {
                    s.families = s.families.with(family.without_fault_word());
                    s.fault_word |= family.has_fault_word();
                }
            }
        }
        out
    }

    /// The text of a sentence.
    pub fn sentence(&self, s: &Sentence) -> &'a str {
        &self.text[s.start..s.end]
    }

    /// A line without its marker.
    pub fn line(&self, l: &Line) -> &'a str {
        &self.text[l.start..l.end]
    }

    /// A line as written, marker included.
    pub fn raw_line(&self, l: &Line) -> &'a str {
        &self.text[l.raw.0..l.raw.1]
    }

    /// The families of the triggers in a line's sentences.
    pub fn line_families(&self, l: &Line) -> Family {
        self.sentences[l.sentences.clone()]
            .iter()
            .fold(Family::default(), |f, s| f.with(s.families))
    }
}

/// The trigger scan of a text alone: every family found in it, and each
/// trigger's byte offset with its family (in order within each search).
pub fn scan(text: &str) -> (Family, Vec<(usize, Family)>) {
    let (mut families, mut hits) = scan_sentence_triggers(text);
    let (ac, family_of) = &*LEAD_SCANNER;
    for m in ac.find_iter(text) {
        let family = family_of[m.pattern().as_usize()];
        families = families.with(family);
        hits.push((m.start(), family));
    }
    (families, hits)
}

/// [`scan`] without the remedy-lead words.
fn scan_sentence_triggers(text: &str) -> (Family, Vec<(usize, Family)>) {
    let bytes = text.as_bytes();
    let mut families = Family::default();
    let mut hits = Vec::new();
    let (ac, family_of) = &*SCANNER;
    for m in ac.find_iter(text) {
        let family = family_of[m.pattern().as_usize()];
        families = families.with(family.without_fault_word());
        hits.push((m.start(), family));
    }
    // "£" is C2 A3 in UTF-8; A3 alone is rare.
    for at in memchr::memchr_iter(0xA3, bytes) {
        if at > 0 && bytes[at - 1] == 0xC2 {
            families = families.with(Family::MONEY);
            hits.push((at - 1, Family::MONEY));
        }
    }
    for at in ACT.find_iter(bytes) {
        if text[at + 3..].starts_with(char::is_whitespace) {
            families = families.with(Family::ACT);
            hits.push((at, Family::ACT));
        }
    }
    (families, hits)
}

/// A paragraph or the summary after the trigger scan, split into lines and
/// sentences only when a rule first asks ([`Lazy::split`]): most paragraphs
/// of a decision hold no fault word, no Act and no remedy, and are never
/// split. The remedy-lead words are looked for only when asked
/// ([`Lazy::has_lead`]), so neither `families` nor the sentences of
/// [`Lazy::split`] carry [`Family::LEAD`].
#[derive(Debug)]
pub struct Lazy<'a> {
    /// The text.
    pub text: &'a str,
    /// Every family of every trigger in the text, [`Family::LEAD`] aside.
    pub families: Family,
    hits: Vec<(usize, Family)>,
    split: std::cell::OnceCell<Text<'a>>,
}

impl<'a> Lazy<'a> {
    /// Scans `text` for the triggers, without splitting it.
    pub fn new(text: &'a str) -> Lazy<'a> {
        let (families, hits) = scan_sentence_triggers(text);
        Lazy {
            text,
            families,
            hits,
            split: std::cell::OnceCell::new(),
        }
    }

    /// Whether the text holds a remedy-lead word ([`Family::LEAD`]).
    pub fn has_lead(&self) -> bool {
        LEAD_SCANNER.0.is_match(self.text)
    }

    /// The text split into lines and sentences, each tagged (split on the
    /// first call).
    pub fn split(&self) -> &Text<'a> {
        self.split
            .get_or_init(|| Text::from_hits(self.text, self.families, &self.hits))
    }
}

/// Whether `text` may hold one of `words` (lower-case ASCII) in any case,
/// as a `(?i)` rule would match it: a cheap test that lets a caller skip a
/// rule whose every match contains one of the words. "May": Unicode case
/// folding also matches `k` to the Kelvin sign and `s` to the long s, so a
/// text with either answers `true` for words with those letters.
pub fn may_contain_ci(text: &str, words: &[&str]) -> bool {
    let hay = text.as_bytes();
    words.iter().any(|w| contains_ci(hay, w.as_bytes()))
        || (words.iter().any(|w| w.contains(['k', 's'])) && has_fold_to_ascii(hay))
}

/// Whether `hay` holds the Kelvin sign (E2 84 AA in UTF-8) or the long s
/// (C5 BF), which `(?i)` matches to `k` and `s`.
fn has_fold_to_ascii(hay: &[u8]) -> bool {
    memchr::memchr2_iter(0xC5, 0xE2, hay).any(|i| match hay[i] {
        0xC5 => hay.get(i + 1) == Some(&0xBF),
        _ => hay.get(i + 1..i + 3) == Some(&[0x84, 0xAA][..]),
    })
}

/// How rare each byte is in English text: letters from common (`e`, 0) to
/// rare (`z`, 25); every other byte 26.
const RARITY: [u8; 256] = {
    const BY_FREQUENCY: &[u8] = b"etaoinshrdlcumwfgypbvkjxqz";
    let mut table = [26u8; 256];
    let mut i = 0;
    while i < BY_FREQUENCY.len() {
        table[BY_FREQUENCY[i] as usize] = i as u8;
        i += 1;
    }
    table
};

/// Whether `hay` holds `word` (lower-case ASCII) with ASCII case ignored.
/// The search jumps between the occurrences of the word's rarest letter.
pub fn contains_ci(hay: &[u8], word: &[u8]) -> bool {
    let Some(anchor) = (0..word.len()).max_by_key(|&i| RARITY[usize::from(word[i])]) else {
        return true;
    };
    if hay.len() < word.len() {
        return false;
    }
    let a = word[anchor];
    let (lo, hi) = (a.to_ascii_lowercase(), a.to_ascii_uppercase());
    // Occurrences of the anchor that leave room for the word around it.
    let window = &hay[anchor..hay.len() - (word.len() - 1 - anchor)];
    memchr::memchr2_iter(lo, hi, window).any(|i| hay[i..i + word.len()].eq_ignore_ascii_case(word))
}

// ---------------------------------------------------------------------------
// Sentences
// ---------------------------------------------------------------------------

/// Words that end with a full stop without ending a sentence: titles always
/// ("Mr. B"), the rest only before a number ("para. 12", "No. 5").
const ABBREVIATIONS: &[&str] = &[
    "Mr", "Mrs", "Ms", "Dr", "Mx", "St", "Prof", "Cllr", "Rev", "Sgt", "e.g", "i.e", "eg", "ie", "cf", "vs", "approx",
];
/// Abbreviations that hold only before a digit.
const NUMBER_ABBREVIATIONS: &[&str] = &["No", "no", "Nos", "para", "paras", "p", "pp", "s", "ss", "reg", "art"];

/// Splits text into sentences: each line on its own (list items are lines),
/// and within a line at `.`, `!` or `?` followed by space and a capital,
/// digit, quote or bracket, except after titles and abbreviations. Returns
/// trimmed slices of `text`; never splits inside a character.
pub fn sentences(text: &str) -> Vec<&str> {
    let mut out = Vec::new();
    each_sentence(text, |s| {
        out.push(s);
        true
    });
    out
}

/// The first sentence of `text` (see [`sentences`]), without splitting the
/// rest.
pub fn first_sentence(text: &str) -> Option<&str> {
    let mut first = None;
    each_sentence(text, |s| {
        first = Some(s);
        false
    });
    first
}

/// Calls `f` with each trimmed, non-empty sentence of `text` in order, until
/// `f` returns `false`.
pub fn each_sentence<'a>(text: &'a str, mut f: impl FnMut(&'a str) -> bool) {
    for line in text.lines() {
        let mut go = true;
        each_sentence_in_line(line, |s, e| {
            go = f(&line[s..e]);
            go
        });
        if !go {
            return;
        }
    }
}

/// Calls `f` with the byte range of each trimmed, non-empty sentence of one
/// line, until `f` returns `false`. The stops `.`, `!` and `?` are ASCII and
/// rare, so a vectorised search jumps from stop to stop and the text is
/// decoded only around them (the parser's hot path).
fn each_sentence_in_line(line: &str, mut f: impl FnMut(usize, usize) -> bool) -> bool {
    let bytes = line.as_bytes();
    let mut start = 0;
    for i in memchr::memchr3_iter(b'.', b'!', b'?', bytes) {
        // Skip closing quotes and brackets after the stop.
        let after = &line[i + 1..];
        let Some(j) = after.find(|ch| !matches!(ch, '"' | '”' | '’' | '\'' | ')')) else {
            continue;
        };
        let rest = &after[j..];
        if !rest.starts_with(char::is_whitespace) {
            continue;
        }
        let Some(next) = rest.trim_start().chars().next() else {
            continue;
        };
        if !(next.is_uppercase() || next.is_ascii_digit() || matches!(next, '"' | '“' | '‘' | '\'' | '(' | '•' | '['))
        {
            continue;
        }
        if bytes[i] == b'.' && is_abbreviation(line, i, next) {
            continue;
        }
        let end = i + 1 + j;
        if let Some((s, e)) = trimmed(line, start, end) {
            if !f(s, e) {
                return false;
            }
        }
        start = end;
    }
    match trimmed(line, start, line.len()) {
        Some((s, e)) => f(s, e),
        None => true,
    }
}

/// Whether the word that ends at the full stop at byte `i` of `line` is an
/// abbreviation ("Mr.", "e.g.", "para. 12" before the digit `next`).
fn is_abbreviation(line: &str, i: usize, next: char) -> bool {
    // Every abbreviation is ASCII and at most six bytes long: a longer word,
    // or one with a byte outside ASCII, is none (no decoding needed).
    let bytes = line.as_bytes();
    let mut start = i;
    while start > 0 && i - start <= 6 {
        let b = bytes[start - 1];
        if b.is_ascii_whitespace() || b == b'(' {
            break;
        }
        if !b.is_ascii() {
            // The separator may be a multi-byte space (U+00A0).
            if line[..start].ends_with(char::is_whitespace) {
                break;
            }
            return false;
        }
        start -= 1;
    }
    if i - start > 6 {
        return false;
    }
    let word = &line[start..i];
    ABBREVIATIONS.contains(&word) || (next.is_ascii_digit() && NUMBER_ABBREVIATIONS.contains(&word))
}

/// The range `start..end` of `line` without white space at either end, if
/// anything is left.
fn trimmed(line: &str, start: usize, end: usize) -> Option<(usize, usize)> {
    let piece = &line[start..end];
    let t = piece.trim_start();
    let s = start + (piece.len() - t.len());
    let t = t.trim_end();
    (!t.is_empty()).then_some((s, s + t.len()))
}

/// The text of a line without its list marker: "- " (the parser's
/// sub-items), "• ", "* ", "i. ", "(a) ".
pub fn strip_marker(line: &str) -> &str {
    let t = line.trim();
    let b = t.as_bytes();
    // Most lines start with a byte no marker or label starts with (a
    // capital, most letters): one test instead of six prefix checks.
    if !b.first().is_some_and(|&c| {
        blocks::may_start_bullet(c) || c == b'(' || (b'a'..=b'i').contains(&c) || c == b'v' || c == b'x'
    }) {
        return t;
    }
    if let Some(rest) = after_bullet(t) {
        return rest.trim();
    }
    // "(a) ", "a) ", "a. ", "iv) ", "(ii) ": roman numerals up to four
    // letters, or one letter a–h.
    let open = usize::from(b.first() == Some(&b'('));
    let label = b[open..].iter().take_while(|c| matches!(c, b'i' | b'v' | b'x')).count();
    let label = if (1..=4).contains(&label) {
        label
    } else if b.get(open).is_some_and(|c| (b'a'..=b'h').contains(c)) {
        1
    } else {
        return t;
    };
    let close = open + label;
    if matches!(b.get(close), Some(b'.' | b')')) {
        let rest = &t[close + 1..];
        if rest.starts_with(char::is_whitespace) {
            return rest.trim();
        }
    }
    t
}

/// The text after a bullet marker ([`blocks::BULLET_MARKERS`]) that white
/// space follows, untrimmed; `None` when `t` does not start with one.
fn after_bullet(t: &str) -> Option<&str> {
    if !t.as_bytes().first().is_some_and(|&c| blocks::may_start_bullet(c)) {
        return None;
    }
    blocks::BULLET_MARKERS
        .iter()
        .find_map(|&m| t.strip_prefix(m).filter(|rest| rest.starts_with(char::is_whitespace)))
}

/// Whether a line is a list item ("- pay Mr X …").
pub fn is_bullet(line: &str) -> bool {
    after_bullet(line.trim_start()).is_some()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ok_sentences() {
        let table: &[(&str, &[&str])] = &[
            (
                "This is fault. The Council agreed.",
                &["This is fault.", "The Council agreed."],
            ),
            ("Mr. B asked. Mrs. C replied.", &["Mr. B asked.", "Mrs. C replied."]),
            (
                "See para. 12 of the report. It says £159.58 was due.",
                &["See para. 12 of the report.", "It says £159.58 was due."],
            ),
            (
                "lead:\n- pay Mr X £100;\n- apologise.",
                &["lead:", "- pay Mr X £100;", "- apologise."],
            ),
            (
                "He said “This is wrong.” Then he left.",
                &["He said “This is wrong.”", "Then he left."],
            ),
            ("e.g. this one", &["e.g. this one"]),
            ("Is it? Yes! Done", &["Is it?", "Yes!", "Done"]),
            ("", &[]),
        ];
        for (text, want) in table {
            assert_eq!(sentences(text), want.to_vec(), "{text}");
        }
    }

    #[test]
    fn err_sentences_never_split_inside_chars() {
        for text in [
            "’.’. ’",
            "….…",
            "£.£. £",
            ". . .",
            "a.\u{2028}B",
            "x\u{a0}Mr. B",
            "\u{a0}\u{a0}. \u{a0}A",
        ] {
            let _ = sentences(text);
        }
        assert_eq!(
            sentences("Ask\u{a0}Mr. B now. Then go."),
            vec!["Ask\u{a0}Mr. B now.", "Then go."]
        );
        // No split before a lower-case word or inside a number.
        assert_eq!(
            sentences("It cost £1.50 in total. ok"),
            vec!["It cost £1.50 in total. ok"]
        );
    }

    #[test]
    fn ok_markers() {
        for (line, want) in [
            ("- pay Mr X", "pay Mr X"),
            ("  • apologise", "apologise"),
            ("(a) review", "review"),
            ("iv) train", "train"),
            ("b. remind", "remind"),
            ("* share", "share"),
        ] {
            assert_eq!(strip_marker(line), want, "{line}");
        }
        for line in ["-pay", "abc. Def", "(z) x", "viiii. x", "Mr X", "£5", "(a)x"] {
            assert_eq!(strip_marker(line), line, "{line}");
        }
        assert!(is_bullet("  - pay") && is_bullet("• x") && !is_bullet("-x") && !is_bullet("a) x"));
    }

    #[test]
    fn ok_may_contain_ci() {
        for (text, words) in [
            ("This is FAULT.", &["fault"][..]),
            ("no", &["no"]),
            ("He didn’t", &["n’t", "n't"]),
            ("Unable", &["x", "unable"]),
            ("li\u{212A}ely", &["likely"]),
            ("ab\u{17F}ence", &["absence"]),
        ] {
            assert!(may_contain_ci(text, words), "{text}");
        }
        for (text, words) in [
            ("This is fine.", &["fault"][..]),
            ("n", &["no"]),
            ("He didnt", &["n’t", "n't"]),
            ("", &["a"]),
            ("li\u{212A}e", &["lie"]),
        ] {
            assert!(!may_contain_ci(text, words), "{text}");
        }
    }

    fn tagged(text: &str) -> Vec<(&str, u8)> {
        let t = Text::new(text);
        t.sentences.iter().map(|s| (t.sentence(s), s.families.0)).collect()
    }

    #[test]
    fn ok_triggers_tag_their_sentence() {
        let got = tagged("This is fault. It will pay £5.\n- Under the Children Act 1989 we act.");
        assert_eq!(
            got,
            vec![
                ("This is fault.", Family::FAULT.0),
                ("It will pay £5.", Family::MONEY.0 | Family::LEAD.0),
                ("Under the Children Act 1989 we act.", Family::ACT.0),
            ]
        );
        let t = Text::new("lead:\n- one\n\n- two. Three");
        let lines: Vec<(&str, bool, usize)> = t
            .lines
            .iter()
            .map(|l| (t.line(l), l.bullet, l.sentences.len()))
            .collect();
        assert_eq!(
            lines,
            vec![("lead:", false, 1), ("one", true, 1), ("two. Three", true, 2)]
        );
    }

    #[test]
    fn err_no_triggers_in_plain_narrative() {
        for text in [
            "The officer visited the family in March.",
            "Action was taken; they did not act promptly.",
            "Acting on it, the Acts were read.",
            "",
        ] {
            let t = Text::new(text);
            let act_or_other =
                t.families.has(Family::FAULT) || t.families.has(Family::MONEY) || t.families.has(Family::ACT);
            assert!(!act_or_other, "{text}: {:?}", t.families);
        }
    }
}

//! `parse::findings`: takes a [`Decision`] whose summary and sections are
//! filled and adds what the Ombudsman found and what the organisation must
//! do: fault and no-fault findings, remedies with deadlines, payments and
//! their total, and the legislation cited.
//!
//! One pass: one trigger scan per paragraph ([`candidates`]) finds what
//! it could hold (a fault word, a `£`, an Act); a paragraph that a rule
//! reads is split into lines and sentences once, each sentence tagged with
//! its triggers (the remedy-lead words are looked for only on pages whose
//! remedy section gives nothing). Each rule then reads only its candidate
//! sentences: the fault rules here the sentences with a fault word,
//! [`legislation`] those with "Act", [`remedies`] and [`money`] the
//! sentences of the remedy parts of the decision.

use std::sync::LazyLock;

use jiff::civil::Date;
use regex::Regex;

use crate::parse::ascii_regex;
use crate::parse::candidates::{self, Family, Lazy, Text};
use crate::parse::legislation;
use crate::parse::money;
use crate::parse::record::{Deadline, Decision, Finding, Payment, Remedy, RemedyKind};
use crate::parse::remedies;

pub use crate::parse::candidates::sentences;

/// A section's heading and its paragraphs (number, scanned text).
pub type SplitSection<'a> = (Option<&'a str>, Vec<(u32, Lazy<'a>)>);

/// The summary and paragraphs of a decision, scanned once, and split into
/// lines and sentences once when a rule reads them.
pub struct Split<'a> {
    /// The summary, when there is one.
    pub summary: Option<Lazy<'a>>,
    /// Per section, in order: its heading and its paragraphs with their numbers.
    pub sections: Vec<SplitSection<'a>>,
}

impl<'a> Split<'a> {
    /// Scans the summary and every paragraph of `d`.
    pub fn new(d: &'a Decision) -> Split<'a> {
        Split {
            summary: d.summary.as_deref().map(Lazy::new),
            sections: d
                .sections
                .iter()
                .map(|s| {
                    (
                        s.heading.as_deref(),
                        s.paragraphs.iter().map(|p| (p.number, Lazy::new(&p.text))).collect(),
                    )
                })
                .collect(),
        }
    }
}

/// Fills `faults`, `no_fault_findings`, `remedies`, `payments`,
/// `total_payment_pence` and `legislation` from the summary and sections.
pub fn extract(decision: &mut Decision) {
    let (faults, no_faults, legislation, remedies, payments) = {
        let split = Split::new(decision);
        let (faults, no_faults) = findings(&split);
        let (remedies, payments) = remedies_and_payments(&split, decision.decision_date);
        (faults, no_faults, citations(&split), remedies, payments)
    };
    decision.faults = faults;
    decision.no_fault_findings = no_faults;
    decision.legislation = legislation;
    decision.remedies = remedies;
    decision.payments = payments;
    decision.total_payment_pence = decision
        .payments
        .iter()
        .fold(0u64, |sum, p| sum.saturating_add(p.amount_pence));
}

/// The statutes cited in the sentences that name an Act, summary first.
fn citations(split: &Split) -> Vec<crate::parse::record::Citation> {
    let mut cites = Vec::new();
    let texts = split
        .summary
        .iter()
        .chain(split.sections.iter().flat_map(|(_, ps)| ps.iter().map(|(_, t)| t)));
    for t in texts {
        if !t.families.has(Family::ACT) {
            continue;
        }
        let t = t.split();
        for s in t.sentences.iter().filter(|s| s.families.has(Family::ACT)) {
            cites.extend(legislation::citations(t.sentence(s)));
        }
    }
    legislation::dedup(cites)
}

/// Moves `i` down to the nearest char boundary of `s`.
fn floor_boundary(s: &str, mut i: usize) -> usize {
    i = i.min(s.len());
    while i > 0 && !s.is_char_boundary(i) {
        i -= 1;
    }
    i
}

// ---------------------------------------------------------------------------
// Fault and no-fault findings
// ---------------------------------------------------------------------------

/// Phrases that find fault. Each alternative names the LGSCO variant it
/// covers:
/// - "the Council was at fault for …" (seeds 000–003), "I find the Council at
///   fault", "it was at fault for failing" (seed 000);
/// - "This is fault." (seeds 001, 002), "It was also fault for the Council
///   to prejudge" (seed 003), "There was some fault" (seed 000), "This
///   amounts to fault", "was maladministration";
/// - "I have found fault" (seed 000), "We have found some fault" (seed 003),
///   "found fault causing injustice" (excerpts 008, 049, 057);
/// - "The Council accepted fault", "accepts there were failings";
/// - "fault causing injustice";
/// - "the Council acted with fault", "acted with maladministration" (2013–2016
///   decisions say "maladministration" where later ones say "fault")
///   (corpus/regressions/acted-with-fault.txt).
static FAULT: LazyLock<Regex> = LazyLock::new(|| {
    ascii_regex(
        r"(?i)(?-u:\b)at\s+fault(?-u:\b)|(?-u:\b)(?:is|was|were|are|been|be|amounts?\s+to|amounted\s+to|amounting\s+to|constitutes?|constituted|represents?|represented)\s+(?:(?:also|a|further|some|clear|significant|therefore|again|another|evidence\s+of|an\s+example\s+of)\s+)*(?:faults?|maladministration|service\s+failure)(?-u:\b)|(?-u:\b)(?:find|finds|found|finding|identified|identify|identifies|uncovered)\s+(?:(?:some|further|other|significant|clear|serious|several|a\s+number\s+of|two|three|multiple|evidence\s+of)\s+)*(?:faults?|maladministration)(?-u:\b)|(?-u:\b)(?:accept(?:s|ed)?|admit(?:s|ted)?|acknowledge[sd]?|concede[sd]?|recogni[sz]e[sd]?)\s+(?:(?:some|that|there|was|were|its|the|a|had\s+been)\s+)*(?:faults?|failings?|failures?|errors?|mistakes?)(?-u:\b)|(?-u:\b)(?:faults?|maladministration)\s+(?:causing|which\s+caused|that\s+caused|has\s+caused|caused)\s+(?:\w+\s+)?injustice(?-u:\b)|(?-u:\b)act(?:s|ed)?\s+with\s+(?:some\s+)?(?:fault|maladministration)(?-u:\b)",
    )
    .expect("fault regex")
});

/// The fault phrases that start with a verb ("found fault", "recognise its
/// failure"), which a preceding "to", "of" or "the" turns into a purpose or
/// a noun.
static VERB_FORM: LazyLock<Regex> = LazyLock::new(|| {
    ascii_regex(r"(?i)^(?:find|found|finding|identif|uncovered|accept|admit|acknowledg|conced|recogni)")
        .expect("verb form regex")
});

/// "missed opportunities": fault when the organisation accepts it (seed 004:
/// "the Council accepts there were missed opportunities", "The Council
/// agreed there had been “missed opportunities to intervene”") or the
/// Ombudsman finds it.
static MISSED: LazyLock<Regex> = LazyLock::new(|| {
    ascii_regex(r"(?i)(?-u:\b)missed\s+(?:\w+\s+)?opportunit(?:y|ies)(?-u:\b)").expect("missed regex")
});

/// The organisation accepting: "accepted", "agreed", "admitted",
/// "acknowledged", "apologised for" (seed 004).
static ACCEPTS: LazyLock<Regex> = LazyLock::new(|| {
    ascii_regex(
        r"(?i)(?-u:\b)(?:accept\w*|agree[sd]?|agreeing|admit\w*|acknowledg\w*|conced\w*|recogni[sz]\w*|apologi[sz]\w*)(?-u:\b)",
    )
    .expect("accepts regex")
});

/// The Ombudsman speaking: "I consider", "we find", "I am satisfied".
static OMBUDSMAN_FINDS: LazyLock<Regex> = LazyLock::new(|| {
    ascii_regex(
        r"(?-u:\b)(?:I|[Ww]e)\s+(?:\w+\s+){0,2}?(?:consider|find|found|am\s+satisfied|are\s+satisfied|conclude|agree)(?-u:\b)",
    )
    .expect("ombudsman finds regex")
});

/// Phrases that find no fault:
/// - "was not at fault" (seeds 001, 002), "were not therefore at fault";
/// - "no fault", "no obvious fault" (seed 000), "no evidence of fault" (seed
///   002), "found no fault with the Council on this point" (seed 000);
/// - "I cannot find fault with the process" (seed 003), "I have not found
///   fault";
/// - "I do not find the Council was at fault" (seed 001), "We have not
///   found the Council at fault for failing to protect the household’s
///   belongings" (excerpt 038);
/// - "This was not the Council’s fault" (seed 000), "This was not fault";
/// - "In the absence of administrative fault" (seed 001);
/// - "The Council did not act with fault" (corpus/regressions/acted-with-fault.txt);
/// - "There is no evidence the Council was at fault", "I have seen no evidence
///   that it was at fault", "Without evidence of fault, …", "This does not
///   amount to fault", "poor practice but not fault", "not evidence of fault",
///   "was not affected by fault" (corpus/regressions/maladministration.txt).
static NO_FAULT: LazyLock<Regex> = LazyLock::new(|| {
    ascii_regex(
        r"(?i)(?-u:\b)not\s+(?:\w+\s+){0,2}?at\s+fault(?-u:\b)|n[’']t\s+(?:\w+\s+)?at\s+fault(?-u:\b)|(?-u:\b)no\s+(?:\w+\s+){0,2}?(?:faults?|maladministration)(?-u:\b)|(?-u:\b)no\s*(?:one|body)\s+(?:was|is|were)\s+at\s+fault(?-u:\b)|(?-u:\b)(?:cannot|can\s+not|can[’']t|could\s+not|couldn[’']t|do\s+not|did\s+not|does\s+not|don[’']t|didn[’']t|unable\s+to|have\s+not|haven[’']t|has\s+not)\s+(?:\w+\s+){0,2}?(?:find|see|identify|found|seen|identified)\s+(?:any\s+|some\s+|evidence\s+of\s+)?(?:faults?|maladministration)(?-u:\b)|(?-u:\b)(?:do|did|does|can|could|have|has|had)\s*(?:not|n[’']t)\s+(?:consider|considered|find|found|think|say|agree|conclude|concluded|believe)(?-u:\b)[^.;]{0,120}?(?-u:\b)(?:fault|maladministration)(?-u:\b)|(?-u:\b)not\s+(?:the\s+)?\S+?(?:’s|'s)\s+fault(?-u:\b)|(?-u:\b)(?:is|was|were|are)\s+not\s+(?:an?\s+)?(?:faults?|maladministration)(?-u:\b)|(?-u:\b)absence\s+of\s+(?:\w+\s+)?fault(?-u:\b)|(?-u:\b)without\s+fault(?-u:\b)|(?-u:\b)(?:not|n[’']t|never)\s+act(?:ed)?\s+with\s+(?:any\s+)?(?:fault|maladministration)(?-u:\b)|(?-u:\b)no\s+(?:\w+\s+){0,2}?evidence\s+(?:that\s+|to\s+(?:show|suggest)\s+(?:that\s+)?)?(?:[\w’'-]+\s+){0,4}?(?:was|is|were|has\s+been|had\s+been|acted)\s+(?:with\s+|at\s+)?(?:fault|maladministration)(?-u:\b)|(?-u:\b)without\s+(?:any\s+)?evidence\s+of\s+(?:\w+\s+)?(?:fault|maladministration)(?-u:\b)|(?-u:\b)(?:does|did|do|would|could|will)\s*(?:not|n[’']t)\s+(?:amount|amounted)\s+to\s+(?:\w+\s+)?(?:fault|maladministration)(?-u:\b)|(?-u:\b)(?:but|and|or|rather\s+than)\s+not\s+(?:\w+\s+)?(?:fault|maladministration)(?-u:\b)|(?-u:\b)not\s+(?:evidence\s+of|affected\s+by|caused\s+by|the\s+result\s+of|due\s+to)\s+(?:\w+\s+)?(?:fault|maladministration)(?-u:\b)",
    )
    .expect("no-fault regex")
});

/// No-fault findings that do not say "fault": "I cannot criticise the
/// Council's decision", "there are no grounds to criticise it", "a decision
/// the Council was entitled to make" (corpus/regressions/no-grounds-to-criticise.txt).
/// Every match holds "critici" or "entitled" (the trigger words, lower case).
static NO_FAULT_PLAIN: LazyLock<Regex> = LazyLock::new(|| {
    ascii_regex(
        r"(?i)(?-u:\b)(?:cannot|can\s+not|can[’']t|could\s+not|couldn[’']t|do\s+not|don[’']t|will\s+not|would\s+not)\s+(?:\w+\s+)?(?:criticise|criticize)(?-u:\b)|(?-u:\b)no\s+(?:\w+\s+)?(?:grounds|reason|basis)\s+(?:\w+\s+){0,3}?to\s+(?:criticise|criticize)(?-u:\b)|(?-u:\b)(?:council|authority|it|trust|provider|school|organisation|board|landlord|panel)\s+(?:was|were)\s+(?:therefore\s+|also\s+|fully\s+|perfectly\s+)?entitled\s+to(?-u:\b)",
    )
    .expect("plain no-fault regex")
});

/// The trigger words of [`NO_FAULT_PLAIN`], as prebuilt byte searchers (a
/// case-insensitive search on every candidate sentence cost 1 % of the parse).
static PLAIN_WORDS: LazyLock<[memchr::memmem::Finder<'static>; 2]> = LazyLock::new(|| {
    [
        memchr::memmem::Finder::new("critici"),
        memchr::memmem::Finder::new("entitled"),
    ]
});

/// Mentions of fault that find nothing: "any fault has had an adverse
/// impact", "not enough evidence of fault to justify investigating" (the
/// role-and-powers boilerplate of excerpts 015, 063).
static NOT_A_FINDING: LazyLock<Regex> = LazyLock::new(|| {
    ascii_regex(r"(?i)(?-u:\b)any\s+fault(?-u:\b)|(?-u:\b)(?:insufficient|not\s+enough|enough|sufficient)\s+evidence\s+of\s+fault(?-u:\b)")
        .expect("not-a-finding regex")
});

/// A condition or question in the clause before the phrase: "If there has
/// been fault which has caused an injustice" and "whether there was fault"
/// (role-and-powers boilerplate in every seed), "Where a council is at
/// fault".
static CONDITION: LazyLock<Regex> =
    LazyLock::new(|| ascii_regex(r"(?i)(?-u:\b)(?:if|whether|unless|where)(?-u:\b)").expect("condition regex"));

/// A hypothetical right before the phrase: "it is likely we would find fault"
/// (excerpt 055, an early resolution), "the Council may be at fault".
static HYPOTHETICAL: LazyLock<Regex> = LazyLock::new(|| {
    ascii_regex(r"(?i)(?-u:\b)(?:would|could|may|might|likely)(?-u:\b)(?:\s+\S+){0,3}\s*$").expect("hypothetical regex")
});

/// Someone other than the Ombudsman speaking, anywhere before the phrase:
/// "Mr and Mrs X complain the Council was at fault" (seed 002 summary), "It
/// said it could find no fault" (seed 001, the Council's own response),
/// "Mrs X says …", "She believes …", "this complaint that the Council has
/// been at fault" (excerpt 079).
static REPORTED: LazyLock<Regex> = LazyLock::new(|| {
    ascii_regex(r"(?i)(?-u:\b)(?:complain(?:s|ed|ing)?|alleg(?:es|ed|ing)|claimed|argu(?:es|ed|ing)|says?|said|believes?|believed|feels?|felt|thinks?|disputes?|disputed|contends?|contended|would\s+like)(?-u:\b)")
        .expect("reported regex")
});

/// The complaint as an allegation: "We will not investigate this complaint
/// that the Council has been at fault" (excerpt 079).
static COMPLAINT_THAT: LazyLock<Regex> =
    LazyLock::new(|| ascii_regex(r"(?i)(?-u:\b)complaints?\s+that(?-u:\b)").expect("complaint-that regex"));

/// Weaker reporting verbs, which only count in the phrase's own clause:
/// "Miss B asked to speak to a manager … and received no response, for which
/// the Council was at fault" (seed 000) is a finding; "Mrs X told us the
/// Council was at fault" is not.
static REPORTED_IN_CLAUSE: LazyLock<Regex> = LazyLock::new(|| {
    ascii_regex(r"(?i)(?-u:\b)(?:asked|told|wants?|wanted|considers?|considered|thought)(?-u:\b)")
        .expect("reported-in-clause regex")
});

/// The Ombudsman as subject: "I", "we".
static FIRST_PERSON: LazyLock<Regex> =
    LazyLock::new(|| ascii_regex(r"(?-u:\b)(?:I|[Ww]e)(?-u:\b)").expect("first person regex"));

/// Whether the phrase at `start` in `sentence` is a finding, not a
/// condition, a hypothesis or someone else's words.
fn is_finding_at(sentence: &str, start: usize) -> bool {
    // The 300 bytes before the phrase are enough context and keep a long
    // sentence with many phrases linear.
    let prefix = &sentence[floor_boundary(sentence, start.saturating_sub(300))..start];
    let clause = &prefix[prefix.rfind([',', ';', ':']).map_or(0, |i| i + 1)..];
    if CONDITION.is_match(clause) || HYPOTHETICAL.is_match(prefix) || COMPLAINT_THAT.is_match(prefix) {
        return false;
    }
    // "I consider the Council was at fault" is a finding; "Mrs X
    // considers the Council was at fault" is not.
    // The speaker is the subject in the verb's own clause: "The
    // complainant, who I will refer to as Mrs X, complains that …" (excerpt
    // 079) is not the Ombudsman speaking.
    let someone_else = |text: &str, verb: &Regex| {
        verb.find(text).is_some_and(|r| {
            let before = &text[..r.start()];
            let subject = &before[before.rfind([',', ';', ':']).map_or(0, |i| i + 1)..];
            !FIRST_PERSON.is_match(subject)
        })
    };
    !(someone_else(prefix, &REPORTED) || someone_else(clause, &REPORTED_IN_CLAUSE))
}

/// A list lead that introduces conditions or examples, not findings: "We
/// have identified some circumstances when we may accept an early referral
/// of a complaint, for example:" (seed 003), "We may investigate if:".
static EXAMPLES_LEAD: LazyLock<Regex> = LazyLock::new(|| {
    ascii_regex(r"(?i)(?-u:\b)(?:when|where|if|whether|unless|for\s+example|such\s+as|e\.g\.|examples?|include|including)(?-u:\b)")
        .expect("examples lead regex")
});

/// Every word that one of the fault, no-fault or missed-opportunity rules
/// needs; a sentence without any of them finds nothing.
static FINDING_WORDS: LazyLock<Regex> = LazyLock::new(|| {
    ascii_regex(
        r"(?i)fault|maladministration|service\s+failure|failing|failure|error|mistake|opportunit|critici|entitled",
    )
    .expect("finding words regex")
});

/// What one sentence finds.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Verdict {
    /// The sentence finds fault (or the organisation accepts it).
    pub fault: bool,
    /// The sentence finds no fault.
    pub no_fault: bool,
}

/// Classifies one sentence. `lead` is the line that introduces a list item
/// ("By the end of the complaints process the Council accepted the
/// conclusions … These were that:", seed 004), whose acceptance applies to
/// its items.
pub fn classify(sentence: &str, lead: Option<&str>) -> Verdict {
    // Most sentences mention no fault at all: one literal scan rules them out
    // before the phrase rules run (the parser's hot path).
    if !FINDING_WORDS.is_match(sentence) {
        return Verdict::default();
    }
    classify_candidate(sentence, lead, false)
}

/// [`classify`] for a sentence known to hold a finding word (one tagged
/// [`Family::FAULT`] by the trigger scan, whose words are those of
/// [`FINDING_WORDS`]). `fault_word`: the scan saw "fault" or
/// "maladministration" in it ([`Sentence::fault_word`](candidates::Sentence::fault_word)).
fn classify_candidate(sentence: &str, lead: Option<&str>, fault_word: bool) -> Verdict {
    // The sentence that introduces the list decides what its items are.
    if lead
        .and_then(|l| sentences(l).last().copied())
        .is_some_and(|l| EXAMPLES_LEAD.is_match(l))
    {
        return Verdict::default();
    }
    // Every match of `NOT_A_FINDING` holds "any" or "evidence", and every
    // match of it and of `NO_FAULT` "fault" or "maladministration" (which a
    // sentence tagged only by "failure", "error" or "mistake" lacks): byte
    // searches spare the regexes on most sentences. `NO_FAULT` has no gate
    // of its own: nearly every sentence with a fault word holds "no" (as in
    // "not"), so a search for its words ("no", "n't", "unable", "absence",
    // "without") cost more than the regex it spared (its literal prefilter
    // is fast).
    let fault_word = fault_word || candidates::may_contain_ci(sentence, &["fault", "maladministration"]);
    let no_fault_spans: Vec<(usize, usize)> = if fault_word {
        NO_FAULT.find_iter(sentence).map(|m| (m.start(), m.end())).collect()
    } else {
        Vec::new()
    };
    let ignored: Vec<(usize, usize)> = if fault_word && candidates::may_contain_ci(sentence, &["any", "evidence"]) {
        NOT_A_FINDING
            .find_iter(sentence)
            .map(|m| (m.start(), m.end()))
            .collect()
    } else {
        Vec::new()
    };
    // Spans of one regex are sorted and disjoint: the first span ending
    // after `s` is the only candidate.
    let overlaps = |spans: &[(usize, usize)], s: usize, e: usize| {
        let i = spans.partition_point(|&(_, b)| b <= s);
        spans.get(i).is_some_and(|&(a, _)| a < e)
    };
    let no_fault = no_fault_spans.iter().any(|&(s, _)| is_finding_at(sentence, s))
        || ((PLAIN_WORDS[0].find(sentence.as_bytes()).is_some() || PLAIN_WORDS[1].find(sentence.as_bytes()).is_some())
            && NO_FAULT_PLAIN
                .find_iter(sentence)
                .any(|m| is_finding_at(sentence, m.start())));
    let mut fault = FAULT.find_iter(sentence).any(|m| {
        // "pay Mr X a remedy to recognise its failure" (seed 002) states a
        // purpose, not an acceptance.
        // "to prevent recurrence of identified faults" (excerpt 023) names
        // faults without finding any.
        // Only a verb form is read this way: "I consider this to be fault"
        // and "found to be at fault" are findings.
        let before = sentence[..m.start()].trim_end().rsplit(' ').next().unwrap_or("");
        let verb_form = VERB_FORM.is_match(m.as_str());
        let purpose = verb_form
            && ["to", "of", "the", "any", "for"]
                .iter()
                .any(|w| before.eq_ignore_ascii_case(w));
        !purpose
            && !overlaps(&no_fault_spans, m.start(), m.end())
            && !overlaps(&ignored, m.start(), m.end())
            && is_finding_at(sentence, m.start())
    });
    if !fault {
        if let Some(m) = MISSED.find(sentence) {
            let accepted = ACCEPTS.is_match(sentence) || lead.is_some_and(|l| ACCEPTS.is_match(l));
            let found = OMBUDSMAN_FINDS.is_match(&sentence[..m.start()]);
            let negated = !no_fault_spans.is_empty() || sentence[..m.start()].contains(" not ");
            fault = (accepted || found) && !negated && is_finding_at(sentence, m.start());
        }
    }
    Verdict { fault, no_fault }
}

/// Sections whose sentences are about the Ombudsman's powers, not this case.
static POWERS_HEADING: LazyLock<Regex> = LazyLock::new(|| {
    ascii_regex(r"(?i)role\s+and\s+powers|how\s+(?:I|we)\s+considered|^\s*the\s+law(?-u:\b)")
        .expect("powers heading regex")
});

/// Sections that state the law (`Relevant law and guidance`, seed 001;
/// `Legal and administrative background`, `The law`, `Relevant legislation`,
/// `Statutory guidance`, `What the law says`), whose "the council must carry
/// out an assessment" is a duty, not a remedy: skipped when remedies are
/// looked for outside a remedy section
/// (`corpus/regressions/law-is-not-a-remedy.txt`). Only a heading that *is*
/// about the law: one like seed 003's `The Council failed to offer Mr B the
/// chance to proceed to stage three of the statutory children's complaints
/// procedure` is read. Findings are still read there: a page's findings can
/// follow its statement of the law with no heading between them.
static LAW_HEADING: LazyLock<Regex> = LazyLock::new(|| {
    ascii_regex(r"(?i)^\s*(?:what\s+)?(?:the\s+)?(?:relevant\s+|key\s+|applicable\s+)?(?:law|laws|legal|legislation|legislative|statutory)(?:\s*$|\s*[,:]|\s+and(?-u:\b)|\s+(?:background|framework|guidance|says|say|context|position|duties|requirements)(?-u:\b))")
        .expect("law heading regex")
});

/// All fault and no-fault findings of a decision, summary first. Only the
/// sentences with a fault word are read.
fn findings(split: &Split) -> (Vec<Finding>, Vec<Finding>) {
    let mut faults = Vec::new();
    let mut no_faults = Vec::new();
    let mut push_candidate =
        |text: &str, fault_word: bool, lead: Option<&str>, section: Option<&str>, paragraph: Option<u32>| {
            let v = classify_candidate(text, lead, fault_word);
            let finding = || Finding {
                text: text.to_string(),
                section: section.map(str::to_string),
                paragraph,
            };
            if v.fault {
                faults.push(finding());
            }
            if v.no_fault {
                no_faults.push(finding());
            }
        };
    let paragraphs = split.summary.iter().map(|t| (None, None, t)).chain(
        split
            .sections
            .iter()
            .filter(|(h, _)| !h.is_some_and(|h| POWERS_HEADING.is_match(h)))
            .flat_map(|(h, ps)| ps.iter().map(move |(n, t)| (*h, Some(*n), t))),
    );
    for (heading, number, t) in paragraphs {
        if !t.families.has(Family::FAULT) {
            continue;
        }
        let t = t.split();
        // The line that introduces a list decides what its items are.
        let mut lead: Option<&str> = None;
        for line in &t.lines {
            for s in &t.sentences[line.sentences.clone()] {
                if s.families.has(Family::FAULT) {
                    push_candidate(
                        t.sentence(s),
                        s.fault_word,
                        if line.bullet { lead } else { None },
                        heading,
                        number,
                    );
                }
            }
            if !line.bullet {
                lead = Some(t.raw_line(line));
            }
        }
    }
    (faults, no_faults)
}

// ---------------------------------------------------------------------------
// Remedies and payments
// ---------------------------------------------------------------------------

/// The line that introduces a list of actions, and what its items inherit.
#[derive(Debug, Clone)]
struct Lead {
    text: String,
    deadline: Option<Deadline>,
}

/// Where a remedy sentence was found, which decides how much it must show.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Mode {
    /// Inside a remedy section ("Agreed action"): any action counts, an
    /// unrecognised one as `other`.
    Section,
    /// A remedy paragraph of a page without a remedy section: only
    /// sentences whose action is recognised count.
    Loose,
    /// The summary, read when the rest of the page gives no remedy: as
    /// `Loose`, and remedies already given count ("The Council has
    /// apologised and agreed to pay Mr N £250").
    Summary,
}

/// Remedies and payments collected in reading order.
struct Collector {
    decided: Option<Date>,
    remedies: Vec<Remedy>,
    payments: Vec<Payment>,
    /// Units already read: a page that repeats an action gives one remedy.
    /// Fx-hashed: short keys, hashed once per remedy unit.
    seen: rustc_hash::FxHashSet<String>,
    /// Remedies before this index already have a deadline or belong to an
    /// earlier paragraph (keeps back-references linear).
    undated_from: usize,
    /// Index of the first remedy of the remedy section being read.
    section_start: usize,
}

/// Someone other than the organisation or the Ombudsman asking for an
/// action: "Mrs X says the council should pay her £500", "Ms X said she
/// wanted the Council to:" (seed 004). Narrower than the fault rule's list:
/// "If she wants to see the man, the council will arrange …" (excerpt 064)
/// is a remedy.
static ASKED_FOR: LazyLock<Regex> = LazyLock::new(|| {
    ascii_regex(r"(?i)(?-u:\b)(?:complain(?:s|ed|ing)?|alleg(?:es|ed|ing)|claimed|argu(?:es|ed|ing)|says?|said|believes?|believed|feels?|felt|thinks?|thought|would\s+like|asked|asks|wanted)(?-u:\b)")
        .expect("asked-for regex")
});

/// How a decision names its complainant: "whom I refer to as Ms X" (excerpt
/// 004), "who we call Mr Y", "whom I shall refer to as".
static ANONYMISED: LazyLock<Regex> = LazyLock::new(|| {
    ascii_regex(r"(?i)(?-u:\b)(?:who|whom)\s+(?:I|we)\s+(?:will\s+|shall\s+)?(?:refer\s+to|call|describe)(?-u:\b)")
        .expect("anonymised regex")
});

/// Whether a remedy-like sentence is someone else asking for it.
fn is_asked_for(unit: &str) -> bool {
    match ASKED_FOR.find(unit) {
        Some(m) => {
            // The asking must come before the action it asks for: a list
            // item that opens with its action verb ("amend the minutes to
            // reflect what was said") asks nothing
            // (corpus/regressions/wider-remedy-verbs.txt).
            if remedies::starts_with_action(unit) {
                return false;
            }
            let directive_at = remedies::first_directive(unit).unwrap_or(unit.len());
            // "The complainant, whom I refer to as Ms X, says …" (excerpt
            // 004): the Ombudsman naming the complainant is no first person
            // speaking.
            let subject = ANONYMISED.replace_all(&unit[..m.start()], "");
            m.start() < directive_at && !FIRST_PERSON.is_match(&subject) && !ORGANISATION_SAYS.is_match(&subject)
        }
        None => false,
    }
}

/// The organisation reporting its own commitment: "It says it will ensure
/// that all officers … are aware of the three-stage process" (seed 003,
/// Agreed action) is its action, not someone else's wish.
static ORGANISATION_SAYS: LazyLock<Regex> = LazyLock::new(|| {
    ascii_regex(r"(?i)^\s*(?:it|the\s+(?:council|authority|trust|provider|organisation|school|care\s+provider))\s+$")
        .expect("organisation-says regex")
});

/// What a sentence or list item of a remedy part states.
enum Judgement {
    /// Remedies of these kinds; `read_as` is the unit as its kinds and
    /// payments were read, when that differs from its text (a remedy
    /// already given, read in the base form of its verb; an item read
    /// with its lead's verb).
    /// `all_given`: every action in it was already given, so no later
    /// "It should do this within one month" dates it.
    Remedy {
        kinds: Vec<RemedyKind>,
        read_as: Option<String>,
        all_given: bool,
    },
    /// Only a deadline for the actions before it ("It should make the
    /// payment within one month …", seed 004).
    BackReference,
    /// No remedy, for this reason.
    Rejected(&'static str),
}

/// Reads one sentence or list item of a remedy part: `is_item` for a list
/// item, `lead` the line that introduces its list, `in_section` inside a
/// remedy section (where an action of no recognised kind is `other`),
/// `reads_given` where remedies already given count (a remedy section or
/// the summary).
fn judge(unit: &str, is_item: bool, lead: Option<&str>, in_section: bool, reads_given: bool) -> Judgement {
    if unit.is_empty() {
        return Judgement::Rejected("empty");
    }
    if remedies::opens_with_compliance_evidence(unit) {
        return Judgement::Rejected("asks only for evidence of compliance");
    }
    if !is_item && remedies::is_broken_promise(unit) {
        return Judgement::Rejected("tells of an agreement made in the past and not kept");
    }
    if !is_item && remedies::is_back_reference(unit) && money::amounts(unit).is_empty() {
        return Judgement::BackReference;
    }
    let acts = is_item
        || remedies::starts_with_action(unit)
        || remedies::has_directive(unit)
        || remedies::is_ombudsman_ask(unit);
    // "The Council has already apologised to Mr N" in a remedy section or
    // the summary: a remedy already given, read as the action it was, also
    // beside an action to come ("has apologised and agreed to pay Mr N
    // £250"); "The Council has provided a fair remedy" names none
    // (corpus/regressions/remedies-already-given.txt).
    if let Some(read) = (reads_given && !is_item)
        .then(|| remedies::given_as_action(unit, false, None))
        .flatten()
    {
        if !acts && remedies::is_negative(unit) {
            return Judgement::Rejected("says no remedy is due");
        }
        // "has provided a fair remedy" is a verdict, not a vague remedy.
        let mut kinds = remedies::kinds(&read);
        if !acts {
            kinds.retain(|k| *k != RemedyKind::Other);
        }
        if !kinds.is_empty() {
            return Judgement::Remedy {
                kinds,
                read_as: Some(read),
                all_given: !acts,
            };
        }
        if !acts {
            return Judgement::Rejected("tells of something already done that is no remedy of a recognised kind");
        }
    }
    if !acts && !remedies::is_noun_list(unit) {
        return Judgement::Rejected(
            "states no action: no forward-looking directive, action verb, list of remedy nouns or Ombudsman's ask",
        );
    }
    // Items of "Ms X said she wanted the Council to:" (seed 004) are her
    // wishes, not remedies.
    if is_asked_for(unit) || (is_item && lead.is_some_and(is_asked_for)) {
        return Judgement::Rejected("someone other than the Ombudsman or the organisation asks for it");
    }
    let mut kinds = remedies::kinds(unit);
    // "Staff should be reminded of …", "Mrs X's account should be credited
    // with £120": a remedy in the passive, read as the action, in a remedy
    // section, the summary or a list, beside what the sentence says as it
    // stands ("Mr X should be told of his right to request a review")
    // (corpus/regressions/modal-passives.txt). Elsewhere the passive mostly
    // tells what the law expects ("The plan should be issued within 20
    // weeks").
    let passive = (is_item || reads_given)
        .then(|| remedies::passive_as_action(unit))
        .flatten();
    if let Some(read) = passive {
        let as_active = remedies::kinds(&read);
        if !as_active.is_empty() {
            kinds.extend(as_active);
            kinds.sort();
            kinds.dedup();
            return Judgement::Remedy {
                kinds,
                read_as: Some(read),
                all_given: false,
            };
        }
    }
    if !kinds.is_empty() {
        return Judgement::Remedy {
            kinds,
            read_as: None,
            all_given: false,
        };
    }
    // "the Council has agreed to provide:" then "a copy of the care plan":
    // an item without its own verb is read with the verb its lead ends on
    // (corpus/regressions/items-that-take-the-leads-verb.txt), and so are
    // its payments: "The Council will provide Mr N with:" then "£200 for his
    // distress" (corpus/regressions/payments-named-after-the-sum.txt).
    if is_item {
        let with_verb = lead
            .and_then(remedies::lead_action)
            .map(|verb| format!("{verb} {unit}"));
        if let Some(judgement) = with_verb.and_then(|read| read_as_remedy(read, false)) {
            return judgement;
        }
    }
    // "The Council has agreed to:" then "£150 for his distress": an item
    // that is a sum, under a lead with no verb that reads it, is a payment
    // to the person the lead names
    // (corpus/regressions/payments-named-after-the-sum.txt).
    if is_item && money::opens_with_sum(unit) {
        let read = match lead.and_then(money::last_person) {
            Some(person) => format!("pay {person} {unit}"),
            None => format!("pay {unit}"),
        };
        return Judgement::Remedy {
            kinds: vec![RemedyKind::Financial],
            read_as: Some(read),
            all_given: false,
        };
    }
    // "the Council has:" then "paid Mr N £150 for his distress": an item
    // of remedies already given (corpus/regressions/remedies-already-given.txt).
    if is_item {
        let given = remedies::given_as_action(unit, true, lead);
        if let Some(judgement) = given.and_then(|read| read_as_remedy(read, true)) {
            return judgement;
        }
    }
    // "so no further remedy is needed", "I do not recommend a payment": no
    // remedy, even as a list item.
    if remedies::is_negative(unit) {
        return Judgement::Rejected("says no remedy is due");
    }
    if is_item || in_section {
        return Judgement::Remedy {
            kinds: vec![RemedyKind::Other],
            read_as: None,
            all_given: false,
        };
    }
    Judgement::Rejected("no remedy kind recognised, and it is outside a remedy section")
}

/// A remedy read as `read` (an item with its lead's verb, or a remedy
/// already given put as the action it was), or `None` when `read` has no
/// remedy kind.
fn read_as_remedy(read: String, all_given: bool) -> Option<Judgement> {
    let kinds = remedies::kinds(&read);
    (!kinds.is_empty()).then_some(Judgement::Remedy {
        kinds,
        read_as: Some(read),
        all_given,
    })
}

/// Why a sentence or list item of a remedy part gives no remedy, or `None`
/// when it gives one (a back-reference that only dates earlier actions
/// gives none). The same reading as [`extract`]'s, for audits such as
/// `examples/findings_audit.rs`.
pub fn why_no_remedy(unit: &str, is_item: bool, lead: Option<&str>, in_section: bool) -> Option<&'static str> {
    match judge(candidates::strip_marker(unit), is_item, lead, in_section, in_section) {
        Judgement::Remedy { .. } => None,
        Judgement::BackReference => Some("only gives the deadline of the actions before it"),
        Judgement::Rejected(why) => Some(why),
    }
}

impl Collector {
    /// Handles one sentence or list item.
    fn unit(&mut self, unit: &str, is_item: bool, lead: Option<&Lead>, mode: Mode, para_start: usize) {
        let unit = candidates::strip_marker(unit);
        let (kinds, read_as, all_given) = match judge(
            unit,
            is_item,
            lead.map(|l| l.text.as_str()),
            mode == Mode::Section,
            mode != Mode::Loose,
        ) {
            Judgement::Remedy {
                kinds,
                read_as,
                all_given,
            } => (kinds, read_as, all_given),
            Judgement::BackReference => {
                // "It should make the payment within one month …" (seed 004)
                // dates the actions before it in the paragraph.
                if let Some(d) = remedies::deadline(unit, self.decided) {
                    let from = self.undated_from.max(para_start).min(self.remedies.len());
                    for r in self.remedies[from..].iter_mut().filter(|r| r.deadline.is_none()) {
                        r.deadline = Some(d.clone());
                    }
                    self.undated_from = self.remedies.len();
                }
                return;
            }
            Judgement::Rejected(_) => return,
        };
        if !self.seen.insert(unit.to_string()) {
            return;
        }
        let deadline = remedies::deadline(unit, self.decided)
            .or_else(|| lead.and_then(|l| l.deadline.clone()))
            .or_else(|| {
                // "By the same date it should …": the deadline of the action before.
                let words = remedies::same_deadline(unit)?;
                let before = self.remedies.last()?.deadline.clone()?;
                Some(Deadline {
                    text: words.to_string(),
                    ..before
                })
            });
        for kind in &kinds {
            self.remedies.push(Remedy {
                kind: *kind,
                text: unit.to_string(),
                deadline: deadline.clone(),
            });
        }
        // A remedy already given takes no later "It should do this within
        // one month" (seed 004).
        if all_given {
            self.undated_from = self.remedies.len();
        }
        if kinds.contains(&RemedyKind::Financial) {
            let lead = lead.map(|l| l.text.as_str());
            let from = self.payments.len();
            match &read_as {
                // The payment's text is the page's own words.
                Some(read) => self
                    .payments
                    .extend(money::payments(read, lead).into_iter().map(|p| Payment {
                        text: unit.to_string(),
                        ..p
                    })),
                None => self.payments.extend(money::payments(unit, lead)),
            }
            // "apologise to Mr C and pay him £150": the payment is to Mr C.
            for p in &mut self.payments[from..] {
                if let Some(who) = p
                    .recipient
                    .as_deref()
                    .and_then(|r| money::pronoun_antecedent(r, unit, lead))
                {
                    p.recipient = Some(who);
                }
            }
        }
    }

    /// Handles one paragraph; `pending` is the lead of a list whose items
    /// are separate paragraphs (bullet layout, seed 000). Returns the lead
    /// that the next paragraph's items would belong to.
    fn paragraph(&mut self, t: &Text, mode: Mode, pending: Option<Lead>) -> Option<Lead> {
        // In a remedy section a sentence that refers back ("The Council
        // should complete these actions within one month") dates every
        // undated action of the section; elsewhere only its paragraph's.
        let para_start = match mode {
            Mode::Section => self.section_start,
            Mode::Loose | Mode::Summary => self.remedies.len(),
        };
        let lines = &t.lines;
        // A paragraph that is an item of the previous paragraph's list.
        if let Some(lead) = &pending {
            if lines.len() == 1 && looks_like_item(t.raw_line(&lines[0])) {
                self.unit(t.line(&lines[0]), true, Some(lead), mode, para_start);
                return pending;
            }
        }
        let mut lead: Option<Lead> = None;
        let mut items: Vec<String> = Vec::new();
        let mut next_lead: Option<Lead> = None;
        // Whether the last item is taking the sub-items under its ':'.
        let mut merging = false;
        for (li, line) in lines.iter().enumerate() {
            if line.bullet {
                let item = t.line(line);
                // Sub-items of an item that ends with ':' belong to it
                // ("provide us with evidence of the training … with:",
                // excerpt 049).
                match items.last_mut() {
                    Some(prev) if prev.ends_with(':') || (merging && !remedies::starts_with_action(item)) => {
                        prev.push('\n');
                        prev.push_str(item);
                        merging = true;
                    }
                    _ => {
                        items.push(item.to_string());
                        merging = false;
                    }
                }
                continue;
            }
            self.flush_items(&mut items, lead.as_ref(), mode, para_start);
            let next_is_bullet = lines.get(li + 1).is_some_and(|l| l.bullet);
            let ss = &t.sentences[line.sentences.clone()];
            for (si, s) in ss.iter().enumerate() {
                let s = t.sentence(s);
                let last = si + 1 == ss.len();
                let introduces =
                    last && (s.ends_with(':') || (next_is_bullet && (!s.ends_with('.') || names_what_follows(s))));
                if introduces {
                    let l = Lead {
                        text: s.to_string(),
                        deadline: remedies::deadline(s, self.decided),
                    };
                    if li + 1 == lines.len() {
                        next_lead = Some(l.clone());
                    }
                    lead = Some(l);
                } else {
                    self.unit(s, false, None, mode, para_start);
                }
            }
        }
        self.flush_items(&mut items, lead.as_ref(), mode, para_start);
        next_lead
    }

    /// Handles the collected list items of a paragraph.
    fn flush_items(&mut self, items: &mut Vec<String>, lead: Option<&Lead>, mode: Mode, para_start: usize) {
        for item in items.drain(..) {
            self.unit(&item, true, lead, mode, para_start);
        }
    }
}

/// A sentence that points at the list after it, though it ends with a full
/// stop: "The Council has agreed to take the following action within one
/// month of my final decision." (corpus/regressions/remedies-already-given.txt).
static WHAT_FOLLOWS: LazyLock<Regex> = LazyLock::new(|| {
    ascii_regex(r"(?i)(?-u:\b)(?:the\s+following|as\s+follows|below)(?-u:\b)").expect("what-follows regex")
});

/// Whether a sentence introduces the list after it by pointing at it.
fn names_what_follows(sentence: &str) -> bool {
    WHAT_FOLLOWS.is_match(sentence)
}

/// Whether a paragraph reads as an item of a list opened by the paragraph
/// before ("apologise to Mr X …;", "pay Mrs Y £200.").
fn looks_like_item(text: &str) -> bool {
    let t = candidates::strip_marker(text);
    remedies::starts_with_action(t) || t.chars().next().is_some_and(char::is_lowercase) || candidates::is_bullet(text)
}

/// Remedies and payments of a decision. A remedy section ("Agreed action",
/// "Recommendations", …) and the sections under it are read when there is
/// one; otherwise the paragraphs that state remedies (2016-era "To remedy
/// the injustice caused, the council should:") and, when those give nothing
/// (a page cut off before its remedies), the summary.
fn remedies_and_payments(split: &Split, decided: Option<Date>) -> (Vec<Remedy>, Vec<Payment>) {
    let mut c = Collector {
        decided,
        remedies: Vec::new(),
        payments: Vec::new(),
        seen: rustc_hash::FxHashSet::default(),
        undated_from: 0,
        section_start: 0,
    };
    let mut in_remedy = false;
    let mut any_remedy_section = false;
    for (heading, paragraphs) in &split.sections {
        match heading {
            Some(h) if remedies::is_remedy_heading(h) => {
                if !in_remedy {
                    c.section_start = c.remedies.len();
                }
                in_remedy = true;
            }
            Some(h) if remedies::is_end_heading(h) => in_remedy = false,
            _ => {}
        }
        if !in_remedy {
            continue;
        }
        any_remedy_section = true;
        let mut pending = None;
        for (_, t) in paragraphs {
            pending = c.paragraph(t.split(), Mode::Section, pending);
        }
    }
    // A remedy section with no action in it (a page cut off just after the
    // heading, or "The Council has agreed to my recommendations") leaves the
    // remedies to be read as on a page without one.
    if !any_remedy_section || c.remedies.is_empty() {
        for (heading, paragraphs) in &split.sections {
            if heading.is_some_and(|h| {
                POWERS_HEADING.is_match(h) || LAW_HEADING.is_match(h) || remedies::is_remedy_heading(h)
            }) {
                continue;
            }
            let mut pending: Option<Lead> = None;
            for (_, t) in paragraphs {
                let is_item = pending.is_some() && looks_like_item(t.text);
                // Only a paragraph with a lead word can be a remedy lead.
                if is_item || (t.has_lead() && remedies::is_remedy_lead(t.text)) {
                    pending = c.paragraph(t.split(), Mode::Loose, pending);
                } else {
                    pending = None;
                }
            }
        }
        if c.remedies.is_empty() {
            if let Some(summary) = &split.summary {
                c.paragraph(summary.split(), Mode::Summary, None);
            }
        }
    }
    (c.remedies, c.payments)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::parse::record::{Paragraph, Section};

    #[test]
    fn ok_faults() {
        for s in [
            "This is fault.",
            "But the Council itself decided daily visits were needed at the start of the child protection plan, and it was at fault for failing to meet this commitment.",
            "However, Miss B asked to speak to a manager more than once over the period of a year and received no response, for which the Council was at fault.",
            "I have seen no good reason for these delays, so I have found fault with the Council.",
            "Although the social worker was at fault for failing to stick to the agreement, I do not consider this caused Ms E a significant injustice.",
            "The Council accepted was at fault for its communication with Mr and Mrs X falling below the expected standard.",
            "I agree the Council was at fault in not sharing the report with Mr B three days before the conference.",
            "It was also fault for the Council to prejudge whether the stage three panel would agree with the stage two outcome.",
            "We have found some fault in the section 47 investigation leading to an initial child protection conference.",
            "The Ombudsman upheld the complaint and found fault causing injustice.",
            "In this case the Council accepts there were missed opportunities to intervene and offer support to the family earlier.",
            "The Council agreed there had been “missed opportunities to intervene”.",
            "We found the Council was at fault for delay in completing the Child and Family Assessment.",
            "I consider the Council was at fault.",
            "The error in the invitation letter was also fault which could have left an incorrect impression of C’s case.",
            "There was fault by the Council, which caused Ms E an injustice.",
            "This was maladministration causing injustice.",
            "I consider this to be fault.",
            "The Council was found to be at fault.",
            "The delay of six months, amounting to fault, caused distress.",
            "The Council acted with fault when it closed the case.",
            "The council acted with maladministration when it closed his application.",
            "By failing to carry out the review, the Council acted with fault.",
        ] {
            assert!(classify(s, None).fault, "{s}");
        }
        // An accepting lead makes its items' missed opportunities fault.
        assert!(
            !classify(
                "the Council had missed opportunities to provide support",
                Some("These were that:")
            )
            .fault
        );
        assert!(
            classify(
                "the Council had missed opportunities to provide support",
                Some("The Council accepted the conclusions. These were that:")
            )
            .fault
        );
        // Items of a list of conditions or examples find nothing.
        assert_eq!(
            classify(
                "a stage 2 report had identified fault",
                Some("We may accept an early referral, for example:")
            ),
            Verdict::default()
        );
    }

    #[test]
    fn err_faults() {
        for s in [
            "The Council completed the assessment within the statutory timeframe and was not at fault.",
            "If there has been fault which has caused an injustice, we may suggest a remedy.",
            "We must consider whether there was fault in the way the decision was reached.",
            "Mr and Mrs X complain the Council was at fault in how it managed its child protection enquiry.",
            "We must also consider whether any fault has had an adverse impact on the person making the complaint.",
            "there is not enough evidence of fault to justify investigating, or",
            "We will not investigate this complaint because there is insufficient evidence of fault by the Council.",
            "If we were to investigate, it is likely we would find fault causing an injustice.",
            "I cannot find fault with the process the Council followed.",
            "At stage 2 the Investigating Officer said they were concerned about the number of missed opportunities by the Council.",
            "This was not the Council’s fault.",
            "Mrs X says the Council is at fault.",
            "I do not find the Council was at fault.",
            "The Council has not missed any opportunities.",
            "Because of this we recommend the Council should pay Mr X a remedy to recognise its failure to include him.",
            "We also recommend the Council revisit its decision making on stalls and take action to prevent recurrence of identified faults.",
            "We have not found the Council at fault for failing to protect the household’s belongings.",
            "We will not investigate this complaint that the Council has been at fault in issuing a penalty notice.",
            "The complainant, who I will refer to as Mrs X, complains that the Council is at fault for issuing her with a penalty notice.",
            "I do not consider there was fault in how the Council reached its decision.",
            "The Council did not act with fault.",
            "Mr X says the Council acted with fault.",
            "We must decide whether the Council acted with fault.",
            "The council did not act with maladministration when it closed his application.",
            "There is no evidence the Council was at fault.",
            "I have seen no evidence that the Council was at fault in how it dealt with the application.",
            "This does not amount to fault.",
        ] {
            assert!(!classify(s, None).fault, "{s}");
        }
    }

    #[test]
    fn ok_no_faults() {
        for s in [
            "The Council completed the assessment within the statutory timeframe and was not at fault.",
            "Consequently, I have found no fault with the Council on this point.",
            "As the Council clearly recorded its concerns, I am satisfied that there was no obvious fault in how it acted.",
            "This was not the Council’s fault.",
            "While I appreciate why Ms E was upset by this comment, the Council was not at fault for explaining to her the potential consequences.",
            "I do not find the Council was at fault.",
            "I cannot find fault with the process the Council followed in reaching the decision.",
            "We have found no evidence of fault in how the Council reached this decision.",
            "In the absence of administrative fault, there are no grounds for me to criticise this decision.",
            "We have not found the Council at fault for failing to protect the household’s belongings.",
            "The Ombudsmen did not find fault with the care provided by the organisations.",
            "I do not consider there was fault in how the Council reached its decision.",
            "The Council did not act with fault.",
            "I am satisfied the Council has not acted with fault.",
            "The council did not act with maladministration when it closed his application.",
            "I do not consider the council's decision was maladministration.",
            "There is no evidence the Council was at fault.",
            "I have seen no evidence that the Council was at fault in how it dealt with the application.",
            "Without evidence of fault, I cannot criticise the decision.",
            "This was poor practice but not fault.",
            "This does not amount to fault.",
            "That is not evidence of fault.",
            "The Council's decision was not affected by fault.",
            // corpus/regressions/no-grounds-to-criticise.txt
            "The Council acted in line with its policy when it removed the side waste, so I cannot criticise it.",
            "That was a decision the Council was entitled to make.",
            "The Council was entitled to decide it would not replace the bin free of charge.",
            "There are no grounds for me to criticise the decision.",
            "I can't therefore criticize the panel.",
        ] {
            assert!(classify(s, None).no_fault, "{s}");
        }
    }

    #[test]
    fn err_no_faults() {
        for s in [
            "If there was no fault in how the organisation made its decision, we cannot question the outcome.",
            "It said it could find no fault with the social worker’s professional conduct.",
            "This is fault.",
            "The Council says it was not at fault.",
            "There is no doubt the Council was at fault.",
            "I found no evidence of the visits, and the Council was at fault.",
            "There is evidence the Council was at fault.",
            "This amounts to fault and not a mere error.",
            "The error was not minor: it was fault.",
            "I criticise the Council for the delay.",
            "Mr C says the Council was entitled to remove the bin.",
            "Mrs D was entitled to a reduction.",
            "If the Council was entitled to charge, it should have said so.",
        ] {
            assert!(!classify(s, None).no_fault, "{s}");
        }
    }

    /// A decision whose "Agreed action" section holds `paragraphs`, then a
    /// plain "Final decision".
    fn agreed_action(paragraphs: &[&str]) -> Decision {
        decision(
            None,
            &[
                (Some("Agreed action"), paragraphs),
                (Some("Final decision"), &["I have completed my investigation."]),
            ],
        )
    }

    fn decision(summary: Option<&str>, sections: &[(Option<&str>, &[&str])]) -> Decision {
        let mut number = 0;
        let sections = sections
            .iter()
            .map(|(h, ps)| Section {
                heading: h.map(str::to_string),
                paragraphs: ps
                    .iter()
                    .map(|t| {
                        number += 1;
                        Paragraph {
                            number,
                            text: t.to_string(),
                        }
                    })
                    .collect(),
            })
            .collect();
        Decision {
            summary: summary.map(str::to_string),
            sections,
            decision_date: Date::new(2024, 9, 5).ok(),
            ..Decision::default()
        }
    }

    /// Each payment's amount, recipient and text.
    fn payments_of(d: &Decision) -> Vec<(u64, Option<&str>, &str)> {
        d.payments
            .iter()
            .map(|p| (p.amount_pence, p.recipient.as_deref(), p.text.as_str()))
            .collect()
    }

    fn kinds_of(d: &Decision) -> Vec<&'static str> {
        d.remedies.iter().map(|r| r.kind.as_str()).collect()
    }

    #[test]
    fn ok_extract_agreed_action_with_sub_items() {
        let mut d = decision(
            Some("The Council agreed to pay Mr and Mrs X £400."),
            &[
                (Some("Analysis"), &["We recommend the Council should pay Mr X a remedy. This is fault."]),
                (
                    Some("Agreed action"),
                    &[
                        "Within one month of the date of the final decision statement, the Council will:\n- apologise to Mr and Mrs X;\n- pay Mr X £100 to recognise the distress;\n- pay Mr and Mr X £150 each to recognise the delay; and\n- remind its staff of the importance of the process.",
                        "The Council should provide us with evidence it has complied with the above actions.",
                    ],
                ),
                (Some("Final decision"), &["The Council agreed to pay Mr X £50."]),
            ],
        );
        extract(&mut d);
        assert_eq!(
            kinds_of(&d),
            vec!["apology", "financial", "financial", "training_or_guidance"]
        );
        assert!(d
            .remedies
            .iter()
            .all(|r| r.deadline.as_ref().and_then(|x| x.days) == Some(30)));
        let pence: Vec<u64> = d.payments.iter().map(|p| p.amount_pence).collect();
        assert_eq!(pence, vec![10000, 15000, 15000]);
        assert_eq!(d.total_payment_pence, 40000);
        assert_eq!(d.faults.len(), 1);
        assert_eq!(d.faults[0].paragraph, Some(1));
        assert_eq!(d.faults[0].section.as_deref(), Some("Analysis"));
    }

    #[test]
    fn ok_extract_items_take_the_leads_verb() {
        // corpus/regressions/items-that-take-the-leads-verb.txt
        let mut d = agreed_action(&[
                        "The Council has agreed to provide:\n- a copy of the assessment;\n- a named officer to coordinate his care.",
                        "The Council will also pay Mr N:\n- £300 for the distress caused;\n- £100 for his time and trouble.",
                        "The Council will:\n- a copy of the letter.",
                    ]);
        extract(&mut d);
        assert_eq!(
            kinds_of(&d),
            vec!["information", "provide_service", "financial", "financial", "other"]
        );
        let paid: Vec<(u64, Option<&str>)> = d
            .payments
            .iter()
            .map(|p| (p.amount_pence, p.recipient.as_deref()))
            .collect();
        assert_eq!(paid, vec![(30000, Some("Mr N")), (10000, Some("Mr N"))]);
    }

    #[test]
    fn ok_extract_remedies_already_given() {
        // corpus/regressions/remedies-already-given.txt
        let mut d = decision(
            None,
            &[
                (
                    Some("Agreed action"),
                    &[
                        "In response to my draft decision, the Council has:\n- apologised to Mr N;\n- paid Mr N £150 for his distress.",
                        "The Council has already paid Mr X £200.",
                        "The Council has provided a fair remedy for the injustice caused.",
                        "The Council has already apologised, so no further remedy is needed.",
                    ],
                ),
                (
                    Some("Final decision"),
                    &["The Council has since paid Mr N £50 for his time and trouble."],
                ),
            ],
        );
        extract(&mut d);
        assert_eq!(kinds_of(&d), vec!["apology", "financial", "financial"]);
        let paid = payments_of(&d);
        assert_eq!(
            paid,
            vec![
                (15000, Some("Mr N"), "paid Mr N £150 for his distress."),
                (20000, Some("Mr X"), "The Council has already paid Mr X £200."),
            ]
        );
    }

    #[test]
    fn ok_extract_sum_items_under_a_lead_that_pays_nothing() {
        // corpus/regressions/payments-named-after-the-sum.txt
        let mut d = agreed_action(&[
            "The Council will provide Mr N with:\n- an apology;\n- £200 for his distress.",
            "The Council has agreed to:\n- apologise to Mrs K;\n- £150 for her time and trouble.",
        ]);
        extract(&mut d);
        assert_eq!(kinds_of(&d), vec!["apology", "financial", "apology", "financial"]);
        let paid: Vec<(u64, Option<&str>)> = d
            .payments
            .iter()
            .map(|p| (p.amount_pence, p.recipient.as_deref()))
            .collect();
        // The second lead names no one: the recipient is not guessed.
        assert_eq!(paid, vec![(20000, Some("Mr N")), (15000, None)]);
        assert_eq!(d.payments[0].text, "£200 for his distress.");
    }

    #[test]
    fn ok_extract_modal_passives() {
        // corpus/regressions/modal-passives.txt
        let mut d = agreed_action(&[
            "Within one month:\n- Mrs X's care plan should be reviewed with her;\n- Mrs X's account should be credited with £480.",
            "Staff should be reminded to stop charges when carers do not attend. Mr X should be told of his right to request a review.",
        ]);
        extract(&mut d);
        assert_eq!(
            kinds_of(&d),
            vec![
                "assessment_or_review",
                "financial",
                "training_or_guidance",
                "assessment_or_review",
                "information"
            ]
        );
        let paid = payments_of(&d);
        // The payment's text is the page's own words, not the active reading.
        assert_eq!(
            paid,
            vec![(48000, Some("Mrs X"), "Mrs X's account should be credited with £480.")]
        );
    }

    #[test]
    fn err_extract_modal_passives_outside_remedy_parts() {
        // What the law or guidance expects, in the findings: no remedy.
        let mut d = decision(
            None,
            &[(
                Some("What I found"),
                &[
                    "The law says a care plan should be reviewed every year. An EHC plan should be issued within 20 weeks.",
                    "The Council's care plan should have been reviewed in 2023. This was fault.",
                ],
            )],
        );
        extract(&mut d);
        assert!(d.remedies.is_empty(), "{:?}", d.remedies);
    }

    #[test]
    fn ok_extract_bullet_layout_and_back_reference() {
        let mut d = agreed_action(&[
                        "To address the injustice caused by fault, by 20 May 2025 the Council has agreed to:",
                        "Apologise to Ms E for the upset.",
                        "It has now agreed to pay Ms X £300 to recognise the uncertainty. It should make the payment within one month of the final decision on this complaint.",
                    ]);
        extract(&mut d);
        assert_eq!(kinds_of(&d), vec!["apology", "financial"]);
        assert_eq!(
            d.remedies[0]
                .deadline
                .as_ref()
                .and_then(|x| x.date)
                .map(|x| x.to_string())
                .as_deref(),
            Some("2025-05-20")
        );
        assert_eq!(d.remedies[1].deadline.as_ref().and_then(|x| x.days), Some(30));
        assert_eq!(d.payments.len(), 1);
        assert_eq!(d.payments[0].recipient.as_deref(), Some("Ms X"));
    }

    #[test]
    fn ok_extract_section_deadline_in_a_later_paragraph() {
        let mut d = agreed_action(&[
            "The Council will apologise to Mr X.",
            "The Council will pay Mr X £250 for his time and trouble.",
            "The Council should complete these actions within four weeks of my final decision.",
        ]);
        extract(&mut d);
        assert_eq!(kinds_of(&d), vec!["apology", "financial"]);
        assert!(d
            .remedies
            .iter()
            .all(|r| r.deadline.as_ref().and_then(|x| x.days) == Some(28)));
    }

    #[test]
    fn err_extract_wishes_are_not_remedies() {
        let mut d = agreed_action(&[
            "Ms X said she wanted the Council to:\n- re-write the reports\n- pay her £500 compensation.",
            "Mrs X says the Council should pay her £1,000.",
            "The Council refused to pay £300.",
        ]);
        extract(&mut d);
        assert!(d.remedies.is_empty(), "{:?}", d.remedies);
        assert!(d.payments.is_empty());
    }

    #[test]
    fn err_extract_statements_of_law_are_not_remedies() {
        for heading in [
            "Legal and administrative background",
            "Relevant law and guidance",
            "The law",
            "What the law says",
            "Relevant legislation",
            "Statutory guidance",
        ] {
            let mut d = decision(
                Some("Mr C complained the Council delayed assessing his mother. We found no fault."),
                &[
                    (Some("The complaint"), &["Mr C complains the Council took too long."]),
                    (
                        Some(heading),
                        &["The council must provide a written care and support plan and must review the plan every year."],
                    ),
                    (Some("What I found"), &["The Council assessed Mrs C in four weeks. This was not fault."]),
                ],
            );
            extract(&mut d);
            assert!(d.remedies.is_empty(), "{heading}: {:?}", d.remedies);
        }
        // The same sentence under a heading that is not about the law is read.
        for heading in [
            "What I found",
            "Legal advice",
            "The statutory complaints procedure was not followed",
            "Failure to follow the law",
        ] {
            let mut d = decision(
                None,
                &[(
                    Some(heading),
                    &["The council must provide a written care and support plan and must review the plan every year."],
                )],
            );
            extract(&mut d);
            assert!(!d.remedies.is_empty(), "{heading}");
        }
    }

    #[test]
    fn ok_extract_empty_remedy_section_falls_back() {
        let mut d = decision(
            Some("The Council was at fault. It has agreed to apologise and pay Mrs Y £350."),
            &[
                (Some("What I found"), &["This is fault."]),
                (
                    Some("Agreed action"),
                    &["The Council has agreed to my recommendations."],
                ),
            ],
        );
        extract(&mut d);
        assert_eq!(kinds_of(&d), vec!["apology", "financial"]);
        assert_eq!(d.total_payment_pence, 35000);
    }

    #[test]
    fn ok_extract_old_page_without_remedy_section() {
        let mut d = decision(
            Some("Complaint from two men about a planning decision."),
            &[(
                None,
                &[
                    "The Ombudsman upheld the complaint and found fault causing injustice.",
                    "To remedy the injustice caused, we recommend the council:\n- apologise to Mrs B for the time taken.\n- pays Mrs B £400 for the avoidable distress and £150 for the effort she was put to.",
                    "The council should also start a review of the operation of its procedures for dealing with complaints.",
                    "Mrs B says the council should pay her £1,000.",
                ],
            )],
        );
        extract(&mut d);
        assert_eq!(kinds_of(&d), vec!["apology", "financial", "procedure_change"]);
        let pence: Vec<u64> = d.payments.iter().map(|p| p.amount_pence).collect();
        assert_eq!(pence, vec![40000, 15000]);
        assert_eq!(d.faults.len(), 1);
    }

    #[test]
    fn ok_asked_for() {
        for s in [
            "Mrs X says the Council should pay her £1,000.",
            "The complainant, whom I refer to as Ms X, says the Council should put her in band one on the housing register.",
            "Mr Y believes the Council should reassess his needs.",
        ] {
            assert!(is_asked_for(s), "{s}");
        }
    }

    #[test]
    fn err_asked_for() {
        for s in [
            // An action verb opens the item: "said" is part of its object.
            "amend the minutes of the review meeting to reflect what was said;",
            "write to its foster carers inviting them to complain if they believe they were wrongly denied transport;",
            // The Ombudsman or the organisation speaking.
            "I said the Council should apologise to Mrs X.",
            "The Council has agreed to pay Mr Z £200, as it said it would.",
        ] {
            assert!(!is_asked_for(s), "{s}");
        }
    }

    #[test]
    fn ok_extract_summary_when_cut_off() {
        let mut d = decision(
            Some("The Council is at fault for refusing a stage 3 panel. It should apologise and pay Mrs X £200 for distress."),
            &[(Some("The complaint"), &["Mrs X complains about the Council. She wants £500."])],
        );
        extract(&mut d);
        assert_eq!(kinds_of(&d), vec!["apology", "financial"]);
        assert_eq!(d.total_payment_pence, 20000);
        assert_eq!(d.faults.len(), 1);
        assert_eq!(d.faults[0].paragraph, None);
    }

    #[test]
    fn ok_extract_given_beside_an_action_to_come_takes_a_later_deadline() {
        // The payment to come takes "It should pay within one month"; the
        // apology already given takes none.
        let mut d = agreed_action(&["The Council has apologised and agreed to pay Mr N £250. It should make the payment within one month of my final decision."]);
        extract(&mut d);
        assert_eq!(kinds_of(&d), vec!["apology", "financial"]);
        assert!(d
            .remedies
            .iter()
            .all(|r| r.deadline.as_ref().and_then(|x| x.days) == Some(30)));
        let mut d = agreed_action(&["The Council has already apologised to Mr N. It should make the payment within one month of my final decision."]);
        extract(&mut d);
        assert_eq!(kinds_of(&d), vec!["apology"]);
        assert!(d.remedies[0].deadline.is_none());
    }

    #[test]
    fn ok_extract_summary_remedies_already_given() {
        // The summary of a cut page: what the Council has done counts with
        // what it agreed to do; in the body of a page without a remedy
        // section, the same words are history.
        for (summary, kinds, pence) in [
            (
                "We found fault. The Council has apologised and agreed to pay Mr N £250.",
                vec!["apology", "financial"],
                25000,
            ),
            (
                "We found fault. The Council has already apologised and paid Mr N £100, which is a suitable remedy.",
                vec!["apology", "financial"],
                10000,
            ),
            (
                "We found fault. The Council has already apologised, so no further remedy is needed.",
                vec![],
                0,
            ),
            (
                "The Council has offered a suitable remedy and so we have completed our investigation.",
                vec![],
                0,
            ),
        ] {
            let mut d = decision(
                Some(summary),
                &[(
                    Some("What I found"),
                    &["The Council has since paid Mr N £50 for his time and trouble."],
                )],
            );
            extract(&mut d);
            assert_eq!(kinds_of(&d), kinds, "{summary}");
            assert_eq!(d.total_payment_pence, pence, "{summary}");
        }
    }

    #[test]
    fn ok_names_what_follows() {
        for s in [
            "The Council has agreed to take the following action within one month of my final decision.",
            "The Council has agreed to remedy the injustice as follows.",
            "The Council will take the actions set out below.",
        ] {
            assert!(names_what_follows(s), "{s}");
        }
        for s in [
            "The Council will apologise to Mr N.",
            "Following my draft decision the Council agreed to pay Mr N £100.",
            "It followed its procedure.",
        ] {
            assert!(!names_what_follows(s), "{s}");
        }
    }

    #[test]
    fn err_extract_nothing_from_empty_or_noise() {
        let mut d = decision(
            Some("We will not investigate this complaint."),
            &[(Some("The complaint"), &["Mr X owes arrears of £1,200."])],
        );
        extract(&mut d);
        assert!(d.remedies.is_empty() && d.payments.is_empty() && d.faults.is_empty());
        assert_eq!(d.total_payment_pence, 0);
        let mut empty = Decision::default();
        extract(&mut empty);
        assert_eq!(empty, Decision::default());
    }
}

//! `parse::remedies`: takes a sentence, list item, paragraph or heading of a
//! decision and returns the remedy facts in it: whether it states an action,
//! the [`RemedyKind`]s of that action and its [`Deadline`]; also which
//! headings and paragraphs open a remedy part of the decision.

use std::sync::LazyLock;

use jiff::civil::Date;
use regex::{Regex, RegexSet};

use crate::parse::candidates;
use crate::parse::record::{Deadline, RemedyKind};

/// Compiles a regex that is known to be valid (with ASCII `\w`, see
/// [`crate::parse::ascii_regex`]).
fn re(pattern: &str) -> Regex {
    crate::parse::ascii_regex(pattern).expect("remedies regex")
}

// ---------------------------------------------------------------------------
// Where remedies are
// ---------------------------------------------------------------------------

/// Headings of a remedy section: "Agreed action" (every seed), "Agreed
/// actions", "Action", "Recommendations", "Recommended action", "Our
/// recommendations", "Remedy", "Agreed remedy", "What should happen",
/// "Putting things right", "What the Council has agreed to do"
/// (corpus/regressions/remedy-heading-variants.txt), "Action the Council has
/// agreed to take", "Actions agreed by the Council", "Remedial action"
/// (corpus/regressions/care-contact-and-referrals.txt), and two of these joined
/// by "and" ("Remedy and recommendations"). Question-style analysis
/// subheadings such as "Did the Council remedy the injustice?" or "The
/// Council's actions following the report" (seed 002) are not remedy
/// sections.
static REMEDY_HEADING: LazyLock<Regex> = LazyLock::new(|| {
    // One heading term, or two joined by "and" ("Remedy and
    // recommendations", "Recommendations and agreed action").
    let term = r"(?:(?:agreed|recommended|further|suggested|proposed|required)\s+actions?|remedial\s+actions?|actions?(?:\s+(?:agreed|required|proposed|recommended)(?:\s+(?:by|with)\s+the\s+\w+(?:\s+\w+)?)?|\s+(?:that\s+)?the\s+(?:council|authority|trust|provider|organisation|body|school|care\s+provider)\s+(?:has\s+agreed(?:\s+to)?|agreed\s+to|will|should|must|needs\s+to)\s+take)?|(?:the\s+|agreed\s+|proposed\s+|recommended\s+|our\s+|my\s+)?remed(?:y|ies)(?:\s+agreed)?|(?:our\s+|my\s+)?recommendations?|what\s+(?:should\s+happen|(?:we|I)\s+recommend(?:ed)?)|what\s+the\s+(?:council|authority|trust|provider|organisation|body|school|care\s+provider)\s+(?:has\s+agreed\s+to\s+do|agreed\s+to\s+do|will\s+do|should\s+do|must\s+do|needs\s+to\s+do)|putting\s+things\s+right|how\s+the\s+council\s+(?:will|should|has\s+agreed\s+to)\s+put\s+things\s+right)";
    re(&format!(r"(?i)^\s*{term}(?:\s+(?:and|&)\s+{term})?\s*[:.]?\s*$"))
});

/// Whether a section heading opens the remedy part of a decision.
pub fn is_remedy_heading(heading: &str) -> bool {
    REMEDY_HEADING.is_match(heading)
}

/// Headings that end a remedy part: the closing sections of every LGSCO
/// layout ("Final decision", "Decision", "Investigator's decision on behalf
/// of the Ombudsman", "Parts of the complaint that I did not investigate").
static END_HEADING: LazyLock<Regex> = LazyLock::new(|| {
    re(
        r"(?i)^\s*(?:(?:the\s+ombudsman[’']s\s+)?final\s+decision|decision|investigator[’']s\s+decision|assistant\s+ombudsman[’']s\s+decision|parts?\s+of\s+the\s+complaint|what\s+I\s+have(?:\s+and\s+have\s+not)?\s+investigated|appendix|background|the\s+complaint|conclusions?)(?-u:\b)",
    )
});

/// Whether a heading ends the remedy part that an earlier remedy heading
/// opened (subheadings inside it, like "Service improvements", do not).
pub fn is_end_heading(heading: &str) -> bool {
    END_HEADING.is_match(heading)
}

/// A paragraph that states remedies on pages without a remedy heading: the
/// The words that call a remedy fitting: "a satisfactory remedy", "is
/// appropriate", "a suitable amount" (one list for every rule that reads them).
/// A sum's passive payment, after the sum: "£250 should be paid to Ms X"
/// (corpus/regressions/money-not-recovered-and-decisions-retaken.txt), not
/// "should be paid by Mr X". Shared by the financial kind row and
/// `money`'s recipient rules.
pub(crate) const PAID_TO: &str = r"(?:should|will|must|shall|is\s+to)\s+(?:also\s+)?be\s+(?:paid|given|awarded|offered)\s+(?:(?:directly|straight|back)\s+)?(?:to|into)(?-u:\b)";

pub(crate) const FITTING: &str =
    "(?:satisfactory|suitable|appropriate|proportionate|fair|reasonable|sufficient|adequate|acceptable)";

/// 2016-era "To remedy the injustice caused, the council should:" (excerpts
/// 049, 057, 064), "The council should, within three months …, apologise and
/// pay …" (excerpt 008), "we recommend the council …", "the council has
/// agreed to …"; "has offered to reimburse", "has since apologised and agreed
/// to pay", "accepted my recommendations and will reassess", "the Council
/// needs to take a fresh decision", "the remedy should include"
/// (corpus/regressions/more-remedy-phrasings-in-prose.txt); "The Council is
/// to pay", "The Council has also agreed that it will …", "It would be
/// appropriate for the Council to reconsider …"
/// (corpus/regressions/directives-in-findings-prose.txt).
static REMEDY_LEAD: LazyLock<Regex> = LazyLock::new(|| {
    re(&format!(
        r"(?i)(?-u:\b)to\s+(?:remedy|address|put\s+right)\s+(?:the|this|that|her|his|their|any)\s+(?:\w+\s+)?injustice|(?-u:\b)to\s+put\s+(?:things|matters|this)\s+right(?-u:\b)|(?-u:\b)(?:we|I)\s+(?:have\s+)?recommend(?:ed)?(?-u:\b)|(?-u:\b)ha(?:s|ve)\s+(?:now\s+|also\s+|since\s+|already\s+|readily\s+)?(?:agreed|offered)\s+to(?-u:\b)|(?-u:\b)(?:and|also)\s+agreed\s+to(?-u:\b)|(?-u:\b)accept(?:s|ed)?\s+(?:all\s+(?:of\s+)?)?(?:our|my|the|these)\s+recommendations?\s*,?\s*(?:to|that|and\s+(?:will|has\s+agreed\s+to|agreed\s+to))(?-u:\b)|(?-u:\b)(?:council|authority|trust|provider|organisation|body|school|home|agency|partnership|company|landlord|commissioner|college|academy|nursery|board)\s+(?:(?:also|now|therefore|further|then|additionally)\s+)?(?:should|will|must|has\s+(?:(?:also|now|since|further|therefore)\s+)?agreed|agreed|needs\s+to|is\s+to|are\s+to)(?-u:\b)|(?-u:\b)(?:would\s+be|(?:consider|think|find|believe)\s+it)\s+(?:(?:now|therefore|also|only)\s+)?(?:appropriate|reasonable|right|fair|proportionate)\s+for\s+(?:the\s+)?(?:council|authority|trust|provider|organisation|it)\s+to(?-u:\b)|(?-u:\b)(?:I|we)\s+(?:\w+\s+){{0,2}}?asked\s+(?:the\s+)?\w+(?:\s+\w+)?\s+to(?-u:\b)|(?-u:\b){FITTING}\s+remed(?:y|ies)(?-u:\b)|(?-u:\b)(?:remed(?:y|ies)|recommendations?),?\s+(?:which\s+|that\s+)?(?:also\s+)?(?:should\s+|must\s+|will\s+|would\s+)?includ"
    ))
});

/// Whether a paragraph (on a page with no remedy heading) states remedies.
pub fn is_remedy_lead(paragraph: &str) -> bool {
    REMEDY_LEAD.is_match(paragraph)
}

// ---------------------------------------------------------------------------
// Which sentences state an action
// ---------------------------------------------------------------------------

/// A directive: "should", "will", "must", "has agreed to", "agreed to",
/// "we recommend", "undertook to" (all seeds' "Agreed action" sections),
/// "the Council agreed that it would apologise", "has offered to" (not a
/// past "offered to", which is often an offer refused), "it would be
/// appropriate for the Council to …"
/// (corpus/regressions/directives-in-findings-prose.txt).
static DIRECTIVE: LazyLock<Regex> = LazyLock::new(|| {
    re(
        r"(?i)(?-u:\b)(?:accept(?:s|ed)?\s+(?:all\s+(?:of\s+)?)?(?:our|my|the|these)\s+recommendations?\s*,?\s*(?:to|that)|should|will|must|shall|agree[sd]?\s+(?:that\s+)?(?:it|they|the\s+\w+)\s+would|agree[sd]?\s+not\s+to|agreed\s+to|agrees\s+to|agree\s+to|ha(?:s|ve)\s+(?:now\s+|also\s+)?offered\s+to|undert(?:akes|ook|ake)\s+to|recommend(?:s|ed)?|is\s+to|are\s+to|needs?\s+to|(?:appropriate|reasonable|right|fair|proportionate)\s+for\s+(?:the\s+)?(?:council|authority|trust|provider|organisation|it)\s+to)(?-u:\b)",
    )
});

/// What must come before "appropriate for the Council to" for it to be a
/// directive: "it would be", "I consider it" (not "It was reasonable for the
/// Council to review her case in 2014", a finding). Checked apart from
/// [`DIRECTIVE`], whose search then keys on the rarer adjective rather than
/// on "would" or "find" (corpus/regressions/directives-in-findings-prose.txt).
static FITTING_BEFORE: LazyLock<Regex> = LazyLock::new(|| {
    re(r"(?i)(?-u:\b)(?:would\s+be|(?:consider|think|find|believe)\s+it)\s+(?:(?:now|therefore|also|only)\s+)?$")
});

/// What after a directive makes it no action: "should have" (hindsight),
/// "will not", "should not", "agreed to my recommendations" (seed 003).
static DIRECTIVE_VOID: LazyLock<Regex> = LazyLock::new(|| {
    re(
        r"(?i)^\s+(?:(?:not|also|instead|already|now)\s+)?(?:have|not|never|be\s+able)(?-u:\b)|^\s+(?:(?:my|our|the|these|those|this|all|its|his|her)\s+)?(?:recommendations?|remed(?:y|ies)\s+(?:proposed|suggested)|proposals?|suggestions?)(?-u:\b)|^\s+(?:consider|say|find|think)(?-u:\b)",
    )
});

/// Whether a sentence states a forward-looking action ("the Council will
/// apologise", "we recommend the Council pays"), as opposed to past facts or
/// hindsight ("the Council should have told her").
pub fn has_directive(sentence: &str) -> bool {
    first_directive(sentence).is_some()
}

/// A remedy named only in general: "At the end of this statement we explain
/// the action it has agreed to remedy that injustice" (excerpt 052), "has
/// agreed to resolve the complaint". With "by apologising …" or "by:" after
/// it (excerpts 021, 040) the actions follow and the directive stands.
static VAGUE_REMEDY: LazyLock<Regex> = LazyLock::new(|| {
    re(
        r"(?i)^\s+(?:remedy|address|resolve|settle|put\s+right)\s+(?:(?:the|this|that|her|his|their|its)\s+)?(?:\w+\s+)?(?:injustice|complaint|matter|distress|fault)s?(?-u:\b)",
    )
});

/// "by apologising", "by:" — the actions that follow a general remedy.
static BY_ACTIONS: LazyLock<Regex> = LazyLock::new(|| re(r"(?i)(?-u:\b)by\s*:|(?-u:\b)by\s+\w+ing(?-u:\b)"));

/// A question or condition just before a directive: "whether it should end
/// the prevention duty" (excerpt 021), "if it will".
static CONDITION_BEFORE: LazyLock<Regex> = LazyLock::new(|| re(r"(?i)(?-u:\b)(?:whether|if)\s+(?:\S+\s+){0,3}$"));

/// A rule for every case, not an action: "In such cases, the council
/// should – within three working days … – hold a strategy discussion"
/// (seed 000, quoting procedures).
static GENERAL_CASE: LazyLock<Regex> = LazyLock::new(|| {
    re(r"(?i)^\W*in\s+(?:such|these|those|all|most|similar|any\s+such)\s+(?:cases|circumstances|situations)(?-u:\b)")
});

/// Moves `i` down to the nearest char boundary of `s`.
fn floor_boundary(s: &str, mut i: usize) -> usize {
    i = i.min(s.len());
    while i > 0 && !s.is_char_boundary(i) {
        i -= 1;
    }
    i
}

/// Moves `i` up to the nearest char boundary of `s`.
fn ceil_boundary(s: &str, mut i: usize) -> usize {
    i = i.min(s.len());
    while i < s.len() && !s.is_char_boundary(i) {
        i += 1;
    }
    i
}

/// Byte offset of the first directive that states an action, if any.
pub fn first_directive(sentence: &str) -> Option<usize> {
    // A rule for every case voids every directive in it.
    if GENERAL_CASE.is_match(sentence) {
        return None;
    }
    DIRECTIVE
        .find_iter(sentence)
        .find(|m| !directive_void(sentence, m.start(), m.end()))
        .map(|m| m.start())
}

/// A negation right before a directive: "I do not recommend a payment",
/// "we have not recommended", "the Council will not" is caught after it
/// (corpus/regressions/negatives-stay-negative.txt).
static NEGATION_BEFORE: LazyLock<Regex> =
    LazyLock::new(|| re(r"(?i)(?:(?-u:\b)not|(?-u:\b)never|n[’']t|(?-u:\b)cannot)\s+(?:\w+\s+)?$"));

/// "agreed to my recommendation to pay Mr X £200", "accepted our
/// recommendations, which included an apology": a recommendation with its
/// content is an action, unlike the bare "agreed to my recommendations"
/// (seed 003) (corpus/regressions/remedy-nouns-in-a-list.txt).
static RECOMMENDATION_CONTENT: LazyLock<Regex> = LazyLock::new(|| {
    re(
        r"(?i)^\s+(?:(?:my|our|the|these|those|this|all|its|his|her)\s+)?recommendations?\s*,?\s*(?:to\s+\w|that\s|which\s|including\s|namely|to\s+:|:)",
    )
});

/// "agreed to consider serving a breach of condition notice": considering
/// an action is one, unlike a bare "will consider"
/// (corpus/regressions/payments-owed-and-awarded.txt); so is "will consider
/// whether to serve a notice" or "will consider what support Mrs X needs"
/// (corpus/regressions/care-contact-and-referrals.txt), "will consider Mr N's
/// complaint at stage 3", "will consider whether other residents have been
/// affected", and "will find a school place"
/// (corpus/regressions/remedies-already-given.txt), unlike "I will
/// consider whether the Council was at fault" or "will find that".
static CONSIDER_DOING: LazyLock<Regex> = LazyLock::new(|| {
    re(
        r"(?i)^\s+(?:also\s+)?(?:find\s+(?:a|an|another|alternative|suitable|appropriate)\s|consider\s+(?:(?-i:(?:Mr|Mrs|Ms|Miss|Mx|Dr)\s+[A-Z]\w*)['’]s|her|his|their|the|this)\s+(?:[\w’'-]+\s+){0,2}?complaints?\s+(?:at|under|through)\s|consider\s+whether\s+(?:any\s+)?others?\s|consider\s+(?:(?-i:(?:Mr|Mrs|Ms|Miss|Mx|Dr)\s+[A-Z]\w*)['’]s|her|his|their)\s+(?:[\w’'-]+\s+){0,2}?(?:request|application|claim|appeal|eligibility|entitlement)|consider\s+whether\s+[^.;]{0,40}?\s(?:needs?|requires?|would\s+benefit|should\s+(?:receive|get|have))(?-u:\b))|^\s+(?:also\s+)?consider\s+(?:serving|issuing|taking|making|paying|offering|providing|using|arranging|carrying\s+out|holding|amending|changing|introducing|reopening|re-opening|whether\s+(?:or\s+not\s+)?to|whether\s+it\s+(?:should|can|could|needs?\s+to)|what\s+(?:further\s+|other\s+|additional\s+)?(?:support|provision|services?|help|care))(?-u:\b)",
    )
});

/// Money not to be charged or recovered, after "will" or "agreed not to":
/// "will not seek to recover the overpayment", "will not charge Mrs X for
/// the period of delay", "has agreed not to pursue the debt"
/// (corpus/regressions/money-not-recovered-and-decisions-retaken.txt). A
/// negated action of any other verb ("will not pay", "will not refund")
/// stays no action.
static NOT_CHARGING: LazyLock<Regex> = LazyLock::new(|| {
    re(&format!(
        r"(?i)^\s+(?:(?:not|no\s+longer)\s+(?:to\s+)?)?(?:{})|^\s+not\s+be\s+{}",
        given_up(),
        NOT_CHARGED
    ))
});

/// Money given up, in the passive after "not be": "Mrs X will not be
/// charged for the period of delay" (corpus/regressions/modal-passives.txt).
/// Shared by `NOT_CHARGING` and the kind row of money given up in the
/// passive.
const NOT_CHARGED: &str = r"(?:charged|invoiced|billed|(?:asked|required|expected)\s+to\s+(?:pay|repay)|(?:held\s+)?liable\s+(?:for|to\s+pay))(?-u:\b)";

/// Money given up, after "not": "charge", "invoice", "seek to recover the
/// overpayment", "take any further action to enforce the debt". Shared by
/// `NOT_CHARGING` and the not-charging kind row.
fn given_up() -> String {
    format!(
        r"(?:charge|invoice|bill)(?-u:\b)|(?:seek\s+(?:to\s+)?|take\s+(?:any\s+)?(?:further\s+)?(?:steps|action)\s+to\s+)?(?:recover|pursue|enforce|collect|reclaim)(?-u:\b)[^.;]{{0,60}}?(?-u:\b)(?:{MONEY_OWED}|accounts?|sums?|money|balance|amount|repayment)(?-u:\b)"
    )
}

/// A person as the subject of "agreed to": "which Mrs X agreed to pay",
/// "she has agreed to".
static PERSON_AGREES: LazyLock<Regex> = LazyLock::new(|| {
    re(
        r"(?:(?-u:\b)(?:Mr|Mrs|Ms|Miss|Mx)\s+[A-Z][\w’'-]*|(?-u:\b)(?:[Hh]e|[Ss]he|[Tt]hey))\s+(?:(?:has|had|have|also|then|later)\s+)*$",
    )
});

/// Whether a directive at `m` is voided by what follows or precedes it.
fn directive_void(sentence: &str, start: usize, end: usize) -> bool {
    // Bounded windows keep a long sentence with many directives linear.
    let rest = &sentence[end..ceil_boundary(sentence, end.saturating_add(300))];
    let before = &sentence[floor_boundary(sentence, start.saturating_sub(100))..start];
    // "will not charge", "agreed not to pursue": only money given up is an
    // action in the negative, and only as a promise ("should not pursue
    // the costs until the tribunal decides" stays no action,
    // corpus/regressions/negatives-stay-negative.txt).
    let matched = &sentence.as_bytes()[start..end];
    let negated = candidates::contains_ci(matched, b" not ");
    let not_charging = (negated || (matched.eq_ignore_ascii_case(b"will") && rest.trim_start().starts_with("not")))
        && NOT_CHARGING.is_match(rest);
    if negated && !not_charging {
        return true;
    }
    // "the £20 court fee, which Mrs X agreed to pay": the complainant's
    // agreement is no action of the organisation
    // (corpus/regressions/money-not-recovered-and-decisions-retaken.txt).
    if sentence.as_bytes()[start..]
        .get(..5)
        .is_some_and(|w| w.eq_ignore_ascii_case(b"agree"))
        && PERSON_AGREES.is_match(before)
    {
        return true;
    }
    let vague = VAGUE_REMEDY.is_match(rest) && !BY_ACTIONS.is_match(rest);
    // "appropriate for the Council to": a directive only after "would be"
    // or "I consider it".
    let fitting = [&b"appropriate"[..], b"reasonable", b"right", b"fair", b"proportionate"]
        .iter()
        .any(|w| {
            sentence.as_bytes()[start..]
                .get(..w.len())
                .is_some_and(|h| h.eq_ignore_ascii_case(w))
        });
    if fitting && !FITTING_BEFORE.is_match(before) {
        return true;
    }
    let void = (DIRECTIVE_VOID.is_match(rest)
        && !RECOMMENDATION_CONTENT.is_match(rest)
        && !CONSIDER_DOING.is_match(rest)
        && !not_charging)
        || vague
        || CONDITION_BEFORE.is_match(before);
    void || NEGATION_BEFORE.is_match(&before[floor_boundary(before, before.len().saturating_sub(30))..])
}

/// Remedies named as nouns after an agreement or a verdict: "This included
/// an apology, a payment of £200 and a review of its records", "An
/// apology, a payment to Mr B, reminders to staff and training for officers
/// is a satisfactory remedy", "agreed to our recommendations, which
/// included …" (corpus/regressions/remedy-nouns-in-a-list.txt); a sentence
/// that opens with the remedy (or its sum) and calls it fitting, "A payment
/// of £400 to Mrs J is appropriate to recognise …", "I consider £300 is a
/// suitable amount" (corpus/regressions/lettered-items.txt).
static NOUN_LIST: LazyLock<Regex> = LazyLock::new(|| {
    re(&format!(
        r"(?i)(?-u:\b)(?:this|these|which|it|they|that|remed(?:y|ies)|recommendations?|actions?|offer)\s+(?:also\s+|has\s+|have\s+|had\s+|will\s+|would\s+|should\s+)?(?:includ(?:ed|es|e|ing)|comprised?|comprises|consist(?:s|ed)\s+of)(?-u:\b)|(?-u:\b)(?:is|are|was|were|would\s+be|will\s+be|as|provides?|provided)\s+(?:a\s+|an\s+)?(?:\w+\s+(?:and\s+)?)?{FITTING}\s+(?:and\s+\w+\s+)?remed(?:y|ies)(?-u:\b)|(?-u:\b)(?:agreed|agrees|accepted|accepts)\s+(?:to\s+)?(?:our|my|the|these|those)\s+recommendations?\s*,?\s*(?:which|that|including)(?-u:\b)|^(?:(?:I|we)\s+(?:consider|think|find|believe|am\s+satisfied|are\s+satisfied)\s+(?:that\s+)?|in\s+(?:my|our)\s+view,?\s+)?(?:(?:an?|the|this|such\s+an?|that|further|some)\s+(?:[\w-]+\s+){{0,2}}?(?:payment|apology|award|refund|reimbursement|review|training)(?-u:\b)[^.;]{{0,120}}?|£\d[\d,.]*\s+)(?:is|are|would\s+be|will\s+be)\s+(?:an?\s+)?(?:[\w-]+\s+)?{FITTING}(?-u:\b)"
    ))
});

/// Whether a sentence names remedies as nouns after an agreement or a
/// verdict (its kinds come from [`kinds`]).
pub fn is_noun_list(sentence: &str) -> bool {
    NOUN_LIST.is_match(sentence)
}

/// The Ombudsman asking: "I therefore asked the Council to issue the plan,
/// apologise and pay Mrs X £150", "We asked the Trust to …", with or
/// without a later "The Council agreed"
/// (corpus/regressions/ombudsman-asked-council-agreed.txt).
static OMBUDSMAN_ASK: LazyLock<Regex> = LazyLock::new(|| {
    re(
        r"(?-u:\b)(?:I|[Ww]e)\s+(?:\w+\s+){0,2}?(?:asked|invited)\s+(?:the\s+)?(?:[A-Z]\w*\s+){0,3}?(?:[Cc]ouncil|[Aa]uthority|[Tt]rust|[Pp]rovider|[Oo]rganisation|[Bb]ody|[Ss]chool|[Cc]ompany|[Hh]ome|it|them)\s+(?:\w+\s+){0,2}?to\s+",
    )
});

/// Asks that are steps of the investigation, not remedies: "I asked the
/// Council to comment", "to provide me with", "to send us", "for its
/// records".
static INVESTIGATION_ASK: LazyLock<Regex> = LazyLock::new(|| {
    re(
        r"(?i)^(?:comment|respond\s+to\s+(?:my|our)|provide\s+(?:me|us)(?-u:\b)|send\s+(?:me|us)(?-u:\b)|give\s+(?:me|us)(?-u:\b)|clarify|confirm\s+(?:whether|if)|explain\s+(?:its|why|how|what)(?-u:\b)|answer\s+(?:my|our))",
    )
});

/// Whether a sentence is the Ombudsman asking the organisation to act
/// (not to help the investigation).
pub fn is_ombudsman_ask(sentence: &str) -> bool {
    OMBUDSMAN_ASK
        .find(sentence)
        .is_some_and(|m| !INVESTIGATION_ASK.is_match(&sentence[m.end()..]))
}

/// Clauses that say no remedy is due: "we cannot achieve the outcome the
/// complainant wants", "further investigation would not lead to a different
/// outcome", "so no further remedy is needed", "I do not recommend a
/// payment", "I have not recommended …"
/// (corpus/regressions/negatives-stay-negative.txt).
static NEGATIVE: LazyLock<Regex> = LazyLock::new(|| {
    re(
        r"(?i)(?-u:\b)no\s+(?:further\s+|other\s+|additional\s+|more\s+)?(?:remedy|remedies|action|payment|financial\s+remedy)\s+(?:is\s+|was\s+|would\s+be\s+)?(?:needed|necessary|required|appropriate|warranted|justified|due)(?-u:\b)|(?-u:\b)(?:cannot|can\s+not|could\s+not|would\s+not|will\s+not|unable\s+to)\s+(?:\w+\s+){0,2}?(?:achieve|lead\s+to|result\s+in|get|obtain|provide|add\s+to)\s+(?:the|a|any)\s+(?:\w+\s+){0,2}?(?:outcome|remedy|result)(?-u:\b)|(?-u:\b)(?:do|does|did)\s+not\s+(?:\w+\s+)?recommend(?-u:\b)|(?-u:\b)(?:have|has|had)\s+not\s+(?:\w+\s+)?recommended(?-u:\b)|(?-u:\b)(?:will|would|should|can)\s+not\s+recommend(?-u:\b)|(?-u:\b)no\s+(?:\w+\s+)?(?:recommendations?|remedy)\s+(?:is|are|was|were)?\s*(?:made|needed|due)(?-u:\b)",
    )
});

/// Whether a sentence or clause says no remedy is due.
pub fn is_negative(text: &str) -> bool {
    // Every alternative holds "no" ("no", "not", "cannot") in some case, or
    // "unable": a byte search spares the regex on most clauses.
    let b = text.as_bytes();
    let maybe = memchr::memmem::find(b, b"no").is_some()
        || memchr::memmem::find(b, b"No").is_some()
        || memchr::memmem::find(b, b"NO").is_some()
        || memchr::memmem::find(b, b"nable").is_some();
    maybe && NEGATIVE.is_match(text)
}

/// A list item or sentence that starts with an action verb: "apologise to Ms
/// E" (seed 001), "pays Mr B" / "reviews its procedures" (seed 003, items
/// after "I recommended the Council,"), "write to the man" (excerpt 064).
static IMPERATIVE_START: LazyLock<Regex> = LazyLock::new(|| {
    re(
        r"(?i)^\s*(?:[-•*·]\s*)?(?:\(?(?:[ivx]{1,4}|[a-h]|\d{1,2})[.)]\s+)?(?:apologi[sz]es?|pays?|make|makes|reviews?|reminds?|trains?|provides?|arranges?|carry|carries|completes?|reconsiders?|reassess(?:es)?|re-assess(?:es)?|assess(?:es)?|writes?|issues?|shares?|refunds?|reimburses?|corrects?|amends?|updates?|removes?|ensures?|improves?|introduces?|develops?|produces?|prepares?|offers?|holds?|meets?|contacts?|explains?|confirms?|sends?|commissions?|funds?|takes?|puts?|appoints?|identif(?:y|ies)|audits?|publishes?|monitors?|waives?|cancels?|stops?|suspends?|halts?|ceases?|backdates?|starts?|sets?\s+up|establish(?:es)?|refers?|gives?|seeks?|awards?|delivers?|secures?|considers?|consults?|repays?|agrees?|decides?|re-?decides?|withdraws?|allocates?|changes?|brings?|clears?|trims?|replaces?|rehouses?|process(?:es)?|accepts?|invites?|visits?|recalls?|appl(?:y|ies)|restores?|reinstates?|names?|convenes?|checks?|investigates?|increases?|treats?|signposts?|recruits?|moves?|inspects?|finds?|installs?|fits?|serves?|adds?|liaises?|returns?|covers?|collects?|repairs?|resumes?|re-?runs?|recalculates?|credits?|discuss(?:es)?|invites?|rehouses?|uses?|opens?|re-?opens?)(?-u:\b)",
    )
});

/// Whether a sentence or list item starts with an action verb.
pub fn starts_with_action(unit: &str) -> bool {
    IMPERATIVE_START.is_match(unit)
}

/// The action a list's lead ends on, which its items complete: "the
/// Council has agreed to provide:" gives "provide", "the Council should
/// send Mrs X:" gives "send Mrs X"; `None` for a lead whose directive is
/// its last word ("the Council will:") or whose words after it are no
/// action ("I recommended the Council:")
/// (corpus/regressions/items-that-take-the-leads-verb.txt).
pub fn lead_action(lead: &str) -> Option<&str> {
    let lead = lead.trim_end().trim_end_matches([':', '-', '–', ',']).trim_end();
    let last = DIRECTIVE.find_iter(lead).last()?;
    let mut tail = lead[last.end()..].trim_start();
    // "The Council will also pay Mr N:".
    for adverb in ["also ", "now ", "then ", "additionally ", "further "] {
        if tail.get(..adverb.len()).is_some_and(|w| w.eq_ignore_ascii_case(adverb)) {
            tail = tail[adverb.len()..].trim_start();
        }
    }
    // "should apologise to Mrs X and pay her:": the items complete the last
    // action only.
    if let Some(at) = tail.rfind(" and ").or_else(|| tail.rfind(", ")) {
        let last_action = tail[at..].trim_start_matches([',', ' ']).trim_start_matches("and ");
        if starts_with_action(last_action) {
            tail = last_action;
        }
    }
    (!tail.is_empty() && tail.len() <= 60 && starts_with_action(tail)).then_some(tail)
}

/// A past agreement that was not kept: "The Council agreed to carry out the
/// review early in October 2018, but it was cancelled without reason"
/// (excerpt 029, the complainant's account), "agreed to reassess her in
/// 2021 but did not do so". Not "has agreed to …, but …".
static BROKEN_PROMISE: LazyLock<Regex> = LazyLock::new(|| {
    re(
        r"(?i)(?-u:\b)agreed\s+to\s[^.;]{0,150}?,?\s+but\s+(?:(?:it|this|that|they|these|those|the\s+\w+(?:\s+\w+)?)\s+(?:was|were|had\s+been|has\s+been)\s+(?:(?:(?:later|then|subsequently)\s+)?(?:cancelled|postponed|withdrawn|abandoned)|(?:not|never)\s+(?:done|completed|carried|held|made|taken|arranged))|(?:(?:it|they|the\s+\w+)\s+)?(?:did\s+not|didn[’']t|never|failed\s+to|has\s+not|had\s+not))(?-u:\b)",
    )
});

/// Whether a sentence tells of an agreement made in the past and not kept
/// (see [`BROKEN_PROMISE`]): no action of this decision.
pub fn is_broken_promise(unit: &str) -> bool {
    // Every match holds " but " (most units do not).
    if !unit.contains(" but ") {
        return false;
    }
    // "has agreed to …, but …" is an agreement of this decision.
    BROKEN_PROMISE
        .find(unit)
        .is_some_and(|m| !ends_with_word(&unit[..m.start()], &["has", "have", "had", "now"]))
}

/// Past forms of action verbs, with the base forms the kind and payment
/// rules read: for remedies the organisation has already given (see
/// [`given_as_action`]). Only verbs of doing; reporting verbs ("explained",
/// "confirmed", "said") and verdicts ("accepted", "agreed") are not here.
const GIVEN_VERBS: &[(&str, &str)] = &[
    ("apologised", "apologise"),
    ("apologized", "apologize"),
    ("paid", "pay"),
    ("repaid", "repay"),
    ("refunded", "refund"),
    ("reimbursed", "reimburse"),
    ("credited", "credit"),
    ("waived", "waive"),
    ("cancelled", "cancel"),
    ("withdrawn", "withdraw"),
    ("withdrew", "withdraw"),
    ("written off", "write off"),
    ("wrote off", "write off"),
    ("backdated", "backdate"),
    ("reviewed", "review"),
    ("changed", "change"),
    ("amended", "amend"),
    ("updated", "update"),
    ("improved", "improve"),
    ("introduced", "introduce"),
    ("implemented", "implement"),
    ("developed", "develop"),
    ("produced", "produce"),
    ("prepared", "prepare"),
    ("reminded", "remind"),
    ("trained", "train"),
    ("shared", "share"),
    ("issued", "issue"),
    ("corrected", "correct"),
    ("removed", "remove"),
    ("deleted", "delete"),
    ("reassessed", "reassess"),
    ("re-assessed", "re-assess"),
    ("assessed", "assess"),
    ("reconsidered", "reconsider"),
    ("completed", "complete"),
    ("carried out", "carry out"),
    ("undertaken", "undertake"),
    ("arranged", "arrange"),
    ("provided", "provide"),
    ("offered", "offer"),
    ("delivered", "deliver"),
    ("secured", "secure"),
    ("commissioned", "commission"),
    ("funded", "fund"),
    ("reinstated", "reinstate"),
    ("restored", "restore"),
    ("resumed", "resume"),
    ("written to", "write to"),
    ("wrote to", "write to"),
    ("sent", "send"),
    ("given", "give"),
    ("held", "hold"),
    ("put in place", "put in place"),
    ("set up", "set up"),
];

/// A sentence that tells of a remedy already given, the organisation its
/// subject: "The Council has already apologised for the missed
/// opportunities" (seed 004, Agreed action), "In response to my draft
/// decision, the Council has apologised to Mr N and paid him £150"
/// (corpus/regressions/remedies-already-given.txt).
static GIVEN_SENTENCE: LazyLock<Regex> = LazyLock::new(|| {
    re(&format!(
        r"(?i)^\W*(?:[^.;]{{0,80}},\s*)?(?:the\s+(?:council|authority|trust|provider|care\s+provider|organisation|school|landlord)|it|they)\s+(?:has|have)\s+(?:(?:already|now|also|since|subsequently|recently|promptly|then)\s+)*(?:{})(?-u:\b)",
        given_verbs()
    ))
});

/// The past forms of [`GIVEN_VERBS`] as one alternation, spaces as `\s+`.
fn given_verbs() -> String {
    let verbs: Vec<String> = GIVEN_VERBS.iter().map(|(past, _)| past.replace(' ', r"\s+")).collect();
    verbs.join("|")
}

/// A list's lead that ends on "has" or "have": its items are remedies
/// already given, "In response to my draft decision, the Council has:"
/// (corpus/regressions/remedies-already-given.txt).
static GIVEN_LEAD: LazyLock<Regex> = LazyLock::new(|| {
    re(r"(?i)(?-u:\b)(?:has|have)(?:\s+(?:already|now|also|since|subsequently|recently))*\s*[:\-–,]*\s*$")
});

/// Any past form of [`GIVEN_VERBS`], as a word.
static GIVEN_VERB: LazyLock<Regex> = LazyLock::new(|| re(&format!(r"(?i)(?-u:\b)(?:{})(?-u:\b)", given_verbs())));

/// A remedy the organisation has already given, read as the action it was:
/// the unit with each past form of [`GIVEN_VERBS`] put in its base form
/// ("paid Mr N £150 for his distress" → "pay Mr N £150 for his distress"),
/// so that the kind and payment rules read it. `None` unless the unit is a
/// sentence whose subject is the organisation and whose verb is such a past
/// form in the present perfect ([`GIVEN_SENTENCE`]), or a list item whose
/// lead ends on "has:" ([`GIVEN_LEAD`]) and which opens with such a form.
pub fn given_as_action(unit: &str, is_item: bool, lead: Option<&str>) -> Option<String> {
    let given = if is_item {
        lead.is_some_and(|l| GIVEN_LEAD.is_match(l))
            && GIVEN_VERB
                .find(unit)
                .is_some_and(|m| unit[..m.start()].trim().is_empty())
    } else {
        GIVEN_SENTENCE.is_match(unit)
    };
    if !given {
        return None;
    }
    let read = GIVEN_VERB.replace_all(unit, |c: &regex::Captures<'_>| {
        let past = c[0]
            .split_whitespace()
            .collect::<Vec<_>>()
            .join(" ")
            .to_ascii_lowercase();
        GIVEN_VERBS
            .iter()
            .find(|(p, _)| *p == past)
            .map_or_else(|| c[0].to_string(), |(_, base)| (*base).to_string())
    });
    Some(read.into_owned())
}

/// Participles read only in the passive, beside [`GIVEN_VERBS`]: "Mr X
/// should be told", "the complaint should be escalated to stage 2"
/// (corpus/regressions/modal-passives.txt).
const PASSIVE_VERBS: &[(&str, &str)] = &[
    ("told", "tell"),
    ("informed", "inform"),
    ("advised", "advise"),
    ("considered", "consider"),
    ("investigated", "investigate"),
    ("re-investigated", "re-investigate"),
    ("escalated", "escalate"),
    ("referred", "refer"),
    ("circulated", "circulate"),
    ("monitored", "monitor"),
    ("audited", "audit"),
    ("repaired", "repair"),
    ("replaced", "replace"),
    ("rehoused", "rehouse"),
    ("allocated", "allocate"),
    ("processed", "process"),
    ("determined", "determine"),
    ("decided", "decide"),
    ("finalised", "finalise"),
    ("finalized", "finalize"),
    ("contacted", "contact"),
    ("invited", "invite"),
    ("visited", "visit"),
    ("recalculated", "recalculate"),
    ("reopened", "reopen"),
    ("re-opened", "re-open"),
    ("revised", "revise"),
    ("re-reviewed", "re-review"),
    ("reissued", "reissue"),
    ("re-issued", "re-issue"),
];

/// A remedy in the passive, inside a remedy section or the summary:
/// "Staff should be reminded of the need to reply to complaints on time",
/// "Mr X's care plan should be reviewed within six weeks", "Mrs X's account
/// should be credited with £120" (corpus/regressions/modal-passives.txt).
/// Group 1 is what opens the clause, group 2 the subject (the object of the
/// active verb), group 3 the participle. A past obligation ("should have
/// been reviewed") and a negation ("should not be charged") are not here.
static PASSIVE: LazyLock<Regex> = LazyLock::new(|| {
    let extra: Vec<String> = PASSIVE_VERBS.iter().map(|(past, _)| past.to_string()).collect();
    re(&format!(
        r"(?i)(^\W*|[,:;]\s+|(?-u:\b)(?:that|and)\s+)((?:[\w’'-]+\s+){{0,6}}?[\w’'-]+)\s+(?:should|will|must|shall|is\s+to|are\s+to|needs?\s+to|ought\s+to)\s+(?:(?:also|now|then|promptly|urgently|immediately)\s+)?be\s+({}|{})(?-u:\b)",
        given_verbs(),
        extra.join("|")
    ))
});

/// A remedy stated in the passive, read as the action ("Staff should be
/// reminded of …" → "remind Staff of …"), so that the kind and payment
/// rules read it; `None` when the unit has no such clause. The subject
/// "the Council" or "it" is no object: "it will be provided with" stays as
/// it is.
pub fn passive_as_action(unit: &str) -> Option<String> {
    if !candidates::may_contain_ci(unit, &[" be "]) {
        return None;
    }
    let mut changed = false;
    // "the records are corrected and the plan must be reissued": the
    // subject starts after the last joining word or verb.
    static SUBJECT_CUT: LazyLock<Regex> =
        LazyLock::new(|| re(r"(?i)^.*\s(?:and|or|but|then|so|that|which|who|are|is|was|were|has|have|had)\s"));
    let read = PASSIVE.replace_all(unit, |c: &regex::Captures<'_>| {
        let cut = SUBJECT_CUT.find(&c[2]).map_or(0, |m| m.end());
        let (opening, subject) = c[2].split_at(cut);
        let past = c[3]
            .split_whitespace()
            .collect::<Vec<_>>()
            .join(" ")
            .to_ascii_lowercase();
        let base = GIVEN_VERBS
            .iter()
            .chain(PASSIVE_VERBS)
            .find(|(p, _)| *p == past)
            .map(|(_, base)| *base);
        match base {
            Some(base) if !is_the_organisation(subject) => {
                changed = true;
                format!("{}{opening}{base} {subject}", &c[1])
            }
            _ => c[0].to_string(),
        }
    });
    changed.then(|| read.into_owned())
}

/// Whether a passive's subject is the organisation itself ("the Council
/// will be asked"), which no action of its own takes as object.
fn is_the_organisation(subject: &str) -> bool {
    let s = subject.trim().to_ascii_lowercase();
    let s = s.strip_prefix("the ").unwrap_or(&s);
    matches!(
        s,
        "council" | "authority" | "trust" | "provider" | "organisation" | "it" | "they" | "we" | "i" | "ombudsman"
    )
}

/// Sentences that only ask for proof of compliance: "The Council should
/// provide us with evidence it has complied with the above actions" (seed
/// 002), "The Council will provide us with evidence it has done these
/// things" (seed 000), "provide us with evidence of the training it says it
/// has carried out" (excerpt 049: training already done), "provide evidence
/// to the Ombudsman that it has done this"
/// (corpus/regressions/remedies-already-given.txt).
static COMPLIANCE_EVIDENCE: LazyLock<Regex> = LazyLock::new(|| {
    re(
        r"(?i)(?-u:\b)(?:provide|send|give|show)\s+(?:us|the\s+ombudsman|this\s+office)\s+(?:with\s+)?(?:the\s+)?(?:evidence|proof|confirmation)\s+(?:that\s+)?(?:it\s+has|it\s+had|of\s+(?:its\s+)?compliance|(?:that\s+)?(?:these|this|the\s+above)|it\s+(?:has\s+)?complied)|(?-u:\b)evidence\s+(?:that\s+)?it\s+has\s+(?:done|complied|completed|taken|carried\s+out)\s+(?:this|these|that|them|the\s+above|with)(?-u:\b)|(?-u:\b)(?:provide|provides|send|sends|give|gives)\s+(?:the\s+|its\s+)?(?:evidence|proof|confirmation)\s+(?:to\s+(?:us|the\s+ombudsman|this\s+office)|of\s+(?:its\s+)?compliance|(?:that\s+)?it\s+has\s+(?:done|complied|completed|taken|carried\s+out))(?-u:\b)|(?-u:\b)(?:we|the\s+ombudsman)\s+will\s+(?:need|expect)\s+(?:to\s+see\s+)?evidence(?-u:\b)|(?-u:\b)(?:provide|send|give|show)\s+(?:us|the\s+ombudsman)\s+(?:with\s+)?(?:evidence|proof|confirmation)\s+of\s+[^.;]{0,60}?\s(?:it|they)\s+(?:says?\s+(?:it|they)\s+)?(?:has|have|had)\s+(?:already\s+)?(?:carried\s+out|done|completed|delivered|made|taken|given|provided)(?-u:\b)",
    )
});

/// Words of which every match of [`COMPLIANCE_EVIDENCE`] holds one.
const COMPLIANCE_WORDS: &[&str] = &["evidence", "proof", "confirmation"];

/// Whether a sentence only asks the organisation to prove it complied.
pub fn is_compliance_evidence(unit: &str) -> bool {
    // A byte search spares the regex (which has no literal prefix to search
    // for) on most sentences.
    candidates::may_contain_ci(unit, COMPLIANCE_WORDS) && COMPLIANCE_EVIDENCE.is_match(unit)
}

/// Whether the first sentence of a sentence or list item only asks the
/// organisation to prove it complied. The words are looked for in the whole
/// unit first: most units hold none, and then their first sentence need not
/// be found.
pub fn opens_with_compliance_evidence(unit: &str) -> bool {
    candidates::may_contain_ci(unit, COMPLIANCE_WORDS)
        && COMPLIANCE_EVIDENCE.is_match(candidates::first_sentence(unit).unwrap_or(unit))
}

/// A sentence that points back at actions already stated, only to give
/// their deadline: "It should make the payment within one month of the final
/// decision on this complaint" (seed 004), "It should do this within three
/// months", "The Council should complete the above actions by 1 June",
/// "will carry them out within two months"
/// (corpus/regressions/passives-and-reports.txt).
static BACK_REFERENCE: LazyLock<Regex> = LazyLock::new(|| {
    re(
        r"(?i)(?-u:\b)(?:make|makes|made)\s+(?:the|this|these|that|those|its|both)\s+(?:\w+\s+)?payments?(?-u:\b)|(?-u:\b)(?:do|does|complete|completes|carry\s+out|take|implement)\s+(?:this|these|that|those|them|it|all\s+of\s+(?:this|these|them)|the\s+above|both)(?:\s+(?:actions?|steps|things|recommendations?|remed(?:y|ies)))?(?-u:\b)|(?-u:\b)the\s+above\s+(?:actions?|steps|recommendations?|remed(?:y|ies))(?-u:\b)|(?-u:\b)these\s+(?:actions|steps|things|recommendations|remedies)(?-u:\b)|(?-u:\b)(?:carry|carries)\s+(?:this|these|them|it|those|both|all\s+of\s+(?:this|these|them))\s+out(?-u:\b)",
    )
});

/// Whether a sentence only refers back to actions stated before it.
pub fn is_back_reference(unit: &str) -> bool {
    BACK_REFERENCE.is_match(unit)
}

// ---------------------------------------------------------------------------
// Remedy kinds
// ---------------------------------------------------------------------------

/// One row of the kind table: the kind it gives, the pattern that shows it,
/// the trigger words that every match of the pattern contains (at least one
/// of them), and where the phrasing is shown. A new phrasing is one more row
/// (and one more line in `ok_kinds`).
struct KindRule {
    kind: RemedyKind,
    pattern: Regex,
    /// The corpus or regression file that shows the phrasing.
    #[allow(dead_code)]
    shown_in: &'static str,
    /// A case-insensitive alternation of literals; a text without any of
    /// them cannot match `pattern`, so one [`RegexSet`] pass over all rules'
    /// words picks the few rules worth running.
    words: &'static str,
    /// The row counts only in a clause that [`systemic_at`] calls a service
    /// improvement (its pattern, "ensure", says too little alone).
    systemic: bool,
}

/// Money a person owes or was charged, which an organisation can waive,
/// write off, cancel or credit ("waive the outstanding care charges", "a
/// waiver of the charges"; corpus/regressions/wider-remedy-verbs.txt).
const MONEY_OWED: &str = r"liability\s+orders?|summons(?:es)?|charges?|fees?|debts?|arrears|invoices?|bills?|costs?|penalt(?:y|ies)|penalty\s+charge\s+notices?|PCNs?|fines?|interest|overpayments?|contributions?|rent";

/// Services an organisation can reinstate or resume ("reinstate Mrs Z's
/// assisted bin collection", "the reinstatement of her care package";
/// corpus/regressions/wider-remedy-verbs.txt).
const SERVICES: &str =
    r"services?|collections?|support|care|package|transport|provision|payments|visits|tuition|placement|sessions?";

/// The kind rules, in `RemedyKind` order. Each pattern names the phrasing it
/// covers and a corpus file that shows it.
static KIND_RULES: LazyLock<Vec<KindRule>> = LazyLock::new(|| {
    let rule = |kind, p: &str, words, shown_in| KindRule {
        kind,
        pattern: re(p),
        shown_in,
        words,
        systemic: false,
    };
    vec![
        // "apologise to Mr and Mrs X" (seed 002), "Apologise to Ms E" (seed
        // 001), "apologise and pay" (excerpt 008), "write to the man
        // apologising" (excerpt 064), "a written apology", "a letter of
        // apology" (corpus/regressions/more-remedy-kinds-in-lists.txt). Past-tense
        // "apologised" is a fact, not an action.
        rule(
            RemedyKind::Apology,
            r"(?i)(?-u:\b)apologi[sz](?:e|es|ing)(?-u:\b)|(?-u:\b)(?:an?|written|formal|unreserved|personal|meaningful)\s+(?:\w+\s+)?apology(?-u:\b)|(?-u:\b)apology\s+to(?-u:\b)|(?-u:\b)(?:letter|note|email)\s+of\s+apology(?-u:\b)|(?-u:\b)apology\s+letter(?-u:\b)",
            r"(?i)apolog",
            "corpus/seeds/002_64cd9d3ebe325b23.txt",
        ),
        // "pay Mr X £100" (seed 002), "pays Mr B £250" (seed 003), "agreed to
        // pay Ms X £300" (seed 004), "pay him for the failure" (excerpt 064),
        // "a payment of", refunds and reimbursements; the person paid as the
        // subject, "Mr J should receive £200", "be paid £150"
        // (corpus/regressions/lettered-items.txt); the sum as the subject,
        // "£250 should be paid to Ms X"
        // (corpus/regressions/money-not-recovered-and-decisions-retaken.txt).
        rule(
            RemedyKind::Financial,
            &format!(
                r"(?i)(?-u:\b)(?:pay|pays|paying|repay|repays|payments?|refund|refunds|refunding|reimburse|reimburses|reimbursing|reimbursement|compensate|compensation|financial\s+remedy)(?-u:\b)|(?-u:\b)(?:receive|be\s+(?:paid|given|awarded|offered))\s+(?:an?\s+)?(?:[\w-]+\s+){{0,2}}?£|£\d[\d,.]*\s+(?:is|would\s+be)\s+(?:an?\s+)?{FITTING}\s+(?:amount|sum|figure|payment)(?-u:\b)|£\d[\d,.]*\s+{PAID_TO}"
            ),
            r"(?i)pay|paid|refund|reimburs|compensat|financial|(?-u:\b)(?:receive|given|awarded|offered|amount|sum|figure)(?-u:\b)",
            "corpus/seeds/003_26704372b67cf633.txt",
        ),
        // "reviews its procedures", "improves its complaints procedure" (seed
        // 003), "provide us with an action plan … in future, it will avoid
        // similar failings" (seed 000), "start a review of the operation of
        // its procedures" and "ensure greater transparency in the … decision
        // making process" (excerpt 057), "consider what action it needs to
        // take to ensure … in future" (excerpt 064), "implement improvements"
        // (excerpt 046), "make service improvements" (excerpt 033), "apply the
        // learning" (sharing it is training_or_guidance); "review its staffing
        // levels", a provider's "improvement plan"
        // (corpus/regressions/panels-contacts-and-staffing.txt).
        rule(
            RemedyKind::ProcedureChange,
            r"(?i)(?-u:\b)(?:review|reviews|reviewing|change|changes|amend|amends|update|updates|improve|improves|revise|revises|develop|develops|introduce|introduces|put\s+in\s+place|puts\s+in\s+place|create|creates|produce|produces|prepare|prepares|implement|implements|audit|audits|consider|considers|ensure|ensures|set\s+up|sets\s+up|establish|establishes|adopt|adopts)(?-u:\b)[^.;]{0,80}?(?-u:\b)(?:procedures?|polic(?:y|ies)|process(?:es)?|practices?|arrangements|systems?|protocols?|criteria|templates?|standard\s+letters?|guidance\s+(?:for|to)\s+(?:staff|officers)|ways?\s+of\s+working|staffing(?:\s+levels|\s+arrangements)?|trackers?|tracking\s+(?:systems?|sheets?|tools?)|checklists?|monitoring\s+(?:systems?|arrangements|process(?:es)?))(?-u:\b)|(?-u:\b)(?:action|improvement)\s+plan(?-u:\b)|(?-u:\b)service\s+improvements?(?-u:\b)|(?-u:\b)(?:implement|implements|make|makes|introduce|introduces)\s+(?:\w+\s+)?improvements?(?-u:\b)|(?-u:\b)(?:in|for\s+the)\s+future(?-u:\b)|(?-u:\b)(?:prevent|avoid)\w*(?-u:\b)[^.;]{0,40}?(?-u:\b)(?:recurr\w*|happening\s+again|similar|repeat\w*)(?-u:\b)|(?-u:\b)(?:apply|applies|use|uses|embed|embeds|consider|considers|act\s+on|acts\s+on|implement|implements)\s+(?:the\s+|any\s+)?learning(?-u:\b)",
            r"(?i)review|change|amend|update|improve|revise|develop|introduce|put|create|produce|prepare|implement|audit|consider|ensure|set|establish|adopt|action|future|prevent|avoid|learning",
            "corpus/seeds/003_26704372b67cf633.txt",
        ),
        // "remind its staff" (seed 002), "reminds relevant staff" (seed 003),
        // "issue a reminder to the enforcement agent" (excerpt 014),
        // "train", "training", "guidance to staff" (also "to the finance team",
        // corpus/regressions/modal-passives.txt), "share the learning with
        // staff", "ensure officers are aware" (seed 003 para 4).
        rule(
            RemedyKind::TrainingOrGuidance,
            r"(?i)(?-u:\b)(?:remind|reminds|reminding|reminders?|train|trains|training|retrain\w*)(?-u:\b)|(?-u:\b)(?:guidance|briefing|instructions?)\s+(?:to|for)\s+(?:its\s+|relevant\s+|all\s+|the\s+)?(?:[\w’'-]+\s+){0,2}?(?:staff|officers|social\s+workers|employees|teams?|managers|caseworkers)(?-u:\b)|(?-u:\b)(?:brief|briefs|instruct|instructs)(?-u:\b)[^.;]{0,40}?(?-u:\b)(?:staff|officers|teams?|social\s+workers)(?-u:\b)|(?-u:\b)shares?\s+(?:the\s+|this\s+|any\s+)?(?:learning|lessons|findings|decision)(?-u:\b)|(?-u:\b)(?:staff|officers|managers|employees|social\s+workers)(?-u:\b)[^.;]{0,60}?(?-u:\b)(?:(?:are|is)\s+(?:made\s+)?aware|understand|know|are\s+familiar\s+with)(?-u:\b)",
            r"(?i)remind|train|guidance|briefing|instruct|brief|share|aware|understand|know|familiar",
            "corpus/seeds/002_64cd9d3ebe325b23.txt",
        ),
        // "offer Mrs X a parent carer's assessment" (excerpt 056), "provide a
        // right of review for the suitability of Mr X's property" (excerpt
        // 038), "carry out an investigation under the statutory complaints
        // procedure" (excerpt 066), "reassess", "review Mr X's case", "a fresh decision", "a new
        // assessment", "reconsider", "hold a stage 3 panel", "carry out a
        // needs assessment", "a fresh appeal hearing", "conduct a fresh
        // safeguarding enquiry", "carry out a section 42 enquiry"; "offer Ms X
        // a stage 3 review panel", "arrange a review of Ms E's care package",
        // "Mrs G should be offered a carer's assessment", "take the decision
        // (on …) again", "look again at"
        // (corpus/regressions/panels-contacts-and-staffing.txt).
        rule(
            RemedyKind::AssessmentOrReview,
            r"(?i)(?-u:\b)re-?assess\w*|(?-u:\b)re-?consider\w*|(?-u:\b)re-?determin\w*|(?-u:\b)(?:fresh|new|further|independent|proper)\s+(?:[\w’'-]+\s+)?(?:assessment|decision|hearing|appeal|review|investigation|panel|enquiry|inquiry)(?-u:\b)|(?-u:\b)(?:review|reviews|reviewing)\s+(?:[\w’'-]+\s+){0,3}?(?:cases?|decisions?|needs|care\s+(?:and\s+support\s+)?plan|support\s+plan|assessments?|applications?|eligibility|banding|priority|circumstances|claims?|award|charges?|entitlement|plan|EHC\s*plan)(?-u:\b)|(?-u:\b)(?:review|reviews)\s+(?:Mr|Mrs|Ms|Miss|Mx|Dr|her|his|their)(?-u:\b)|(?-u:\b)(?:(?:carry|carries)\s+out|conduct|conducts|undertake|undertakes)\s+(?:a|an|the)\s+(?:[\w’'-]+\s+){0,3}?(?:assessment|review|investigation|enquiry|inquiry|site\s+visit|inspection)(?-u:\b)|(?-u:\b)complete\s+(?:a|an|the)\s+(?:[\w’'-]+\s+){0,3}?assessment(?-u:\b)|(?-u:\b)(?:arrange|hold|offer|convene)s?\s+(?:(?:him|her|them|(?-i:(?:Mr|Mrs|Ms|Miss|Mx|Dr)\s+[A-Z]\w*))\s+)?(?:a|an)\s+(?:[\w’'-]+\s+){0,3}?(?:appeal|hearing|panel|stage\s+(?:3|three)|review)(?-u:\b)|(?-u:\b)(?:offer|offers|arrange|arranges|undertake|undertakes|fund|funds|commission|commissions|pay\s+for|pays\s+for|be\s+offered|be\s+given)(?-u:\b)[^.;]{0,40}?(?-u:\b)assessment(?-u:\b)|(?-u:\b)right\s+of\s+review(?-u:\b)|(?-u:\b)(?:take|takes|make|makes|reach|reaches)\s+(?:the|its|a|her|his|their|this|that)\s+(?:[\w’'-]+\s+){0,2}?decisions?\s+(?:(?:on|about|for)\s+[^.;]{0,40}?\s)?(?:again|afresh|anew)(?-u:\b)|(?-u:\b)look\s+again\s+at(?-u:\b)|(?-u:\b)suitability\s+review(?-u:\b)",
            r"(?i)assess|consider|determin|fresh|new|further|independent|proper|review|carry|carries|complete|arrange|hold|offer|convene|undertake|conduct|fund|commission|pay|given|again|anew",
            "corpus/excerpts/056.txt",
        ),
        // "correct C's file", "amend the records", "update its records",
        // "remove the letter from her file", "correct those errors" (seed 002),
        // "update Mr L's housing application to reflect his medical needs"
        // (corpus/regressions/wider-remedy-verbs.txt).
        rule(
            RemedyKind::RecordsCorrection,
            r"(?i)(?-u:\b)(?:correct|corrects|correcting|amend|amends|amending|update|updates|updating|remove|removes|removing|delete|deletes|rectify|rectifies|annotate|annotates|expunge)(?-u:\b)[^.;]{0,50}?(?-u:\b)(?:records?|file|files|reports?|minutes|assessments?|errors?|inaccurac(?:y|ies)|database|register|account|notes|chronology|information\s+it\s+holds|details|applications?\s+to\s+(?:show|reflect|record|include))(?-u:\b)",
            r"(?i)correct|amend|updat|remove|removing|delete|rectif|annotate|expunge",
            "corpus/seeds/002_64cd9d3ebe325b23.txt",
        ),
        // "arrange for him to receive two overnight stays" (excerpt 057),
        // "provide the support in the EHC plan", "secure suitable
        // accommodation", "commission an Independent Advocate" (excerpt 064);
        // "Y should be provided with …", "provide Ms X with a named contact"
        // (corpus/regressions/panels-contacts-and-staffing.txt).
        rule(
            RemedyKind::ProvideService,
            r"(?i)(?-u:\b)(?:provide|provides|providing|arrange|arranges|arranging|offer|offers|deliver|delivers|secure|secures|commission|commissions|fund|funds|source|sources|make\s+available|put\s+in|be\s+(?:provided|offered|given)(?:\s+with)?)(?-u:\b)[^.;]{0,60}?(?-u:\b)(?:education|tuition|provision|support|care|services?|accommodation|placements?|respite|therap(?:y|ies)|package|equipment|adaptations?|school\s+place|transport|sessions?|stays?|advocate|advocacy|overnight|hours|visits|personal\s+budget|budget|named\s+contact|(?:single\s+)?point\s+of\s+contact|key\s*worker|link\s+worker)(?-u:\b)",
            r"(?i)provid|arrang|offer|deliver|secure|commission|fund|source|make|put|given",
            "corpus/excerpts/057.txt",
        ),
        // "write to Mr X explaining …", "explain to her", "provide Mrs B with
        // a copy of …", "share the report with", "tell Mr X what …",
        // "confirm to Ms Y", "respond to her questions", "write to other
        // families who may have been affected" (excerpt 056), "provide
        // written reasons for its decision"
        // (corpus/regressions/payments-owed-and-awarded.txt); "write to Mrs X
        // to set out …" (corpus/regressions/money-not-recovered-and-decisions-retaken.txt);
        // a decision sent again, "reissue the decision letter with the correct
        // appeal rights" (corpus/regressions/modal-passives.txt).
        rule(
            RemedyKind::Information,
            r"(?i)(?-u:\b)(?:explain|explains|explaining|explanation|inform|informs|tell|tells|confirm\s+to|confirms\s+to|respond\s+to|responds\s+to|answer|answers)(?-u:\b)|(?-u:\b)(?:provide|provides|send|sends|give|gives)\s+(?:him|her|them|Mr|Mrs|Ms|Miss|Mx|Dr|the\s+complainant)(?-u:\b)[^.;]{0,40}?(?-u:\b)(?:information|copy|copies|details|response|answer|reasons|explanation|letter|records)(?-u:\b)|(?-u:\b)shares?\s+(?:the|a|its|all)\s+(?:\w+\s+)?(?:reports?|information|records|copies|minutes|assessments?)\s+with(?-u:\b)|(?-u:\b)writes?\s+to\s+[^.;]{0,40}?(?-u:\b)(?:explaining|setting\s+out|to\s+explain|to\s+confirm|confirming|to\s+set\s+out|to\s+tell|telling|to\s+let\s+\w+\s+know|to\s+advise|advising)(?-u:\b)|(?-u:\b)writes?\s+to\s+(?:other|all|any)\s+\w+|(?-u:\b)(?:provide|provides|give|gives|send|sends|set\s+out|sets\s+out)\s+(?:(?:him|her|them|(?-i:(?:Mr|Mrs|Ms|Miss|Mx|Dr)\s+[A-Z]\w*))\s+(?:with\s+)?)?(?:(?:full|written|clear|proper|detailed|its)\s+)*reasons\s+for\s+(?:its\s+|the\s+|this\s+|that\s+|her\s+|his\s+)?(?:[\w’'-]+\s+)?(?:decision|refusal|delay|charge|assessment)(?-u:\b)|(?-u:\b)(?:reissue|reissues|re-issue|re-issues|resend|resends|re-send|re-sends)\s+(?:the|its|a|her|his|their|(?-i:(?:Mr|Mrs|Ms|Miss|Mx|Dr)\s+[A-Z]\w*)['’]s)\s+(?:[\w’'-]+\s+){0,2}?(?:decisions?|letters?)(?-u:\b)",
            r"(?i)explain|explanation|inform|tell|confirm|respond|answer|provide|send|give|share|write|reasons|issue",
            "corpus/excerpts/056.txt",
        ),
        // Phrasing families of issue 9, one row each.
        // A bare award: "a further award of £200", "a symbolic award", "a
        // symbolic remedy to recognise each month the plan was delayed"
        // (excerpt 006; corpus/regressions/remedy-nouns-in-a-list.txt); "send
        // Mr N a cheque for £150" (corpus/regressions/payments-named-after-the-sum.txt);
        // "provide Mr N with £200"
        // (corpus/regressions/money-not-recovered-and-decisions-retaken.txt).
        rule(
            RemedyKind::Financial,
            r"(?i)(?-u:\b)(?:further|symbolic|financial|additional|small|modest|goodwill)\s+awards?(?-u:\b)|(?-u:\b)symbolic\s+(?:remedy|sum|amount)(?-u:\b)|(?-u:\b)awards?\s+(?:of\s+)?£|(?-u:\b)award\s+(?:him|her|them|Mr|Mrs|Ms|Miss|Mx)(?-u:\b)|(?-u:\b)cheque\s+for\s+£|(?-u:\b)provid(?:e|es|ing)\s+(?:[\w’'-]+\s+){1,4}?with\s+(?:(?:an?|further|additional|extra|one-off|symbolic|goodwill)\s+)*£\d",
            r"(?i)award|symbolic|cheque|provid",
            "corpus/regressions/remedy-nouns-in-a-list.txt",
        ),
        // "a review of its records" as a noun in a list of remedies
        // (corpus/regressions/remedy-nouns-in-a-list.txt).
        rule(
            RemedyKind::RecordsCorrection,
            r"(?i)(?-u:\b)(?:review|reviews|check|checks|audit|audits)\s+(?:of\s+)?(?:its\s+|the\s+|their\s+|all\s+)?(?:\w+\s+)?(?:records|files|record\s+keeping|record-keeping)(?-u:\b)",
            r"(?i)review|check|audit",
            "corpus/regressions/remedy-nouns-in-a-list.txt",
        ),
        // Outcome verbs: "assess Mr Y's needs", "decide Mrs X's
        // application", "re-review the appeal", "determine her claim"
        // (corpus/regressions/outcome-verbs-are-remedies.txt), "consider Mrs
        // X's eligibility for a grant" (corpus/regressions/planning-permits-and-surveys.txt);
        // a person assessed, "arrange for a therapist to assess Y"
        // (corpus/regressions/passives-and-reports.txt).
        rule(
            RemedyKind::AssessmentOrReview,
            r"(?i)(?-u:\b)(?:assess|assesses|decide|decides|re-?decide|re-?decides|re-?review|re-?reviews|determine|determines)\s+(?:[\w’'-]+\s+){0,3}?(?:application|applications|needs?|eligibility|claim|request|appeal|entitlement|case|priority|banding|circumstances)(?-u:\b)|(?-u:\b)(?:consider|considers)\s+(?:(?-i:(?:Mr|Mrs|Ms|Miss|Mx|Dr)\s+[A-Z]\w*)['’]s|her|his|their)\s+(?:[\w’'-]+\s+){0,2}?(?:eligibility|entitlement|application|claim|request)(?-u:\b)|(?-u:\b)(?:assess|assesses)\s+(?:(?-i:(?:Mr|Mrs|Ms|Miss|Mx|Dr)\s+[A-Z]\w*|[A-Z])|him|her|them)(?-u:\b)",
            r"(?i)assess|decide|review|determin|consider",
            "corpus/regressions/outcome-verbs-are-remedies.txt",
        ),
        // "ensure its staff are fully trained"
        // (corpus/regressions/outcome-verbs-are-remedies.txt).
        rule(
            RemedyKind::TrainingOrGuidance,
            r"(?i)(?-u:\b)(?:staff|officers|employees|social\s+workers|caseworkers|managers|teams?)\s+(?:\w+\s+){0,2}?(?:are|is|were|have\s+been|has\s+been|receive|receives|get|gets)\s+(?:\w+\s+)?(?:trained|training)(?-u:\b)",
            r"(?i)train",
            "corpus/regressions/outcome-verbs-are-remedies.txt",
        ),
        // "provide a breakdown of the charges", "send Mrs X copies of the
        // minutes", "give him a written explanation"; never "provide us
        // with a copy" (corpus/regressions/outcome-verbs-are-remedies.txt);
        // "update Mrs X on the progress of her application", "keep Mr Y
        // informed" (corpus/regressions/wider-remedy-verbs.txt); "provide a
        // written update on the progress of the repairs"
        // (corpus/regressions/money-returned-and-costs-met.txt).
        rule(
            RemedyKind::Information,
            r"(?i)(?-u:\b)(?:provide|provides|send|sends|give|gives)\s+(?:(?:him|her|them|Mr\s+\w+|Mrs\s+\w+|Ms\s+\w+|Miss\s+\w+|Mx\s+\w+|Dr\s+\w+|Mr\s+and\s+Mrs\s+\w+|the\s+complainant|the\s+family)\s+(?:with\s+)?)?(?:(?:a|an|full|written|detailed|clear|itemised)\s+)*(?:breakdown|copies|copy|explanation|response)(?-u:\b)|(?-u:\b)(?:update|updates|updating)\s+(?:him|her|them|Mr|Mrs|Ms|Miss|Mx|Dr|the\s+complainant|the\s+family|the\s+parents?)(?:\s+(?:and\s+)?(?:Mrs?|Ms|Miss|Mx)?\s*[A-Z]\w*)?\s+(?:regularly\s+|fully\s+)?(?:on|about|with|regularly|every|monthly|weekly)(?-u:\b)|(?-u:\b)(?:keep|keeps|keeping)\s+(?:him|her|them|(?:Mr|Mrs|Ms|Miss|Mx|Dr)\s+\w+|the\s+complainant|the\s+family|the\s+parents?)\s+(?:fully\s+|regularly\s+)?(?:informed|updated|up\s+to\s+date)(?-u:\b)|(?-u:\b)(?:provide|provides|give|gives|send|sends)\s+(?:(?:him|her|them|(?-i:(?:Mr|Mrs|Ms|Miss|Mx|Dr)\s+[A-Z]\w*))\s+(?:with\s+)?)?(?:an?\s+)?(?:(?:regular|written|monthly|weekly|fortnightly|full)\s+)*updates?\s+(?:on|about|every)(?-u:\b)",
            r"(?i)provide|send|give|updat|keep",
            "corpus/regressions/outcome-verbs-are-remedies.txt",
        ),
        // Money the organisation gives up or puts back rather than pays:
        // "waive the outstanding care charges", "write off the arrears",
        // "backdate his award" (corpus/regressions/clauses-and-awards.txt),
        // "remove the late payment charge",
        // "credit Mr X's council tax account with £150", "cancel the
        // invoice", "backdate her housing benefit", and as nouns "a waiver of
        // the charges", "the cancellation of the penalty charge notice"
        // (corpus/regressions/wider-remedy-verbs.txt and the table in
        // `ok_kinds_wider_verbs`).
        rule(
            RemedyKind::Financial,
            &format!(
                r"(?i)(?-u:\b)(?:waive|waives|waiving|write\s+off|writes\s+off|writing\s+off|cancel|cancels|cancelling|set\s+aside|sets\s+aside|quash|quashes|rescind|rescinds|credit|credits|crediting|backdate|backdates|backdating|reduce|reduces|remit|remits|remove|removes)(?-u:\b)[^.;]{{0,50}}?(?-u:\b)(?:{MONEY_OWED}|accounts?|benefits?|discounts?|reductions?|exemptions?|council\s+tax\s+support|allowances?|awards?|direct\s+payments?|personal\s+budget|sums?|balance)(?-u:\b)|(?-u:\b)(?:offer|offers|offered|give|gives|gave|award|awards|awarded)\s+(?:[\w’'-]+\s+){{0,4}}?£\d|(?-u:\b)(?:apology|apologies)\s+(?:and|plus|with)\s+£\d|(?-u:\b)(?:waiver|write-?off|writing\s+off|cancellation|remission)\s+of\s+(?:[\w’'-]+\s+){{0,3}}?(?:{MONEY_OWED})(?-u:\b)"
            ),
            r"(?i)waiv|write|writing|cancel|set\s+aside|sets\s+aside|quash|rescind|credit|backdat|reduc|remit|remission|remov|offer|give|gave|award|apolog",
            "corpus/regressions/wider-remedy-verbs.txt",
        ),
        // Money not to be charged or recovered: "will not charge Mrs X for
        // the period of delay", "not seek to recover the overpayment", "agreed
        // not to pursue the debt", "take no further recovery action", "no
        // further enforcement action on the account"
        // (corpus/regressions/money-not-recovered-and-decisions-retaken.txt).
        // "not pursue the complaint" names no money, so it is no kind.
        rule(
            RemedyKind::Financial,
            &format!(
                r"(?i)(?-u:\b)(?:not|no\s+longer)\s+(?:to\s+)?(?:{given_up})|(?-u:\b)no\s+(?:further\s+)?(?:debt\s+)?(?:recovery|collection)\s+action(?-u:\b)|(?-u:\b)no\s+(?:further\s+)?enforcement\s+action\s+(?:on|against|over|for|in\s+respect\s+of)\s+(?:[\w’'-]+\s+){{0,3}}?(?:{MONEY_OWED}|accounts?|council\s+tax)(?-u:\b)",
                given_up = given_up()
            ),
            r"(?i)charge|invoice|bill|recover|pursu|enforc|collect|reclaim",
            "corpus/regressions/money-not-recovered-and-decisions-retaken.txt",
        ),
        // Decisions taken again or put right: "consider Mr X's complaint at
        // stage 3 of the statutory procedure", "escalate the complaint to
        // stage 2", "re-run the admission appeal", "decide whether to take
        // enforcement action", "place Ms E in Band B", "backdate her
        // housing register application", "issue the final EHC plan", "make
        // a decision on the planning application", "accept a homelessness
        // application", "refer her for a needs assessment", "recalculate her
        // contribution", "inspect the property", "a site visit"
        // (corpus/regressions/wider-remedy-verbs.txt and the table in
        // `ok_kinds_wider_verbs`); "proceed to stage three" (seed 003);
        // "retake the decision", "arrange for Mr X's complaint to be considered
        // at stage 2", "decide whether the property is suitable"
        // (corpus/regressions/money-not-recovered-and-decisions-retaken.txt);
        // "record Mr X's complaint as a stage 2 complaint", "re-register Ms X's
        // application", "expedite / prioritise / progress" an application
        // (corpus/regressions/help-notices-and-expedited-cases.txt).
        rule(
            RemedyKind::AssessmentOrReview,
            r"(?i)(?-u:\b)(?:consider|considers|investigate|investigates|escalate|escalates|progress|progresses|take|takes|put|puts|deal\s+with|deals\s+with|record|records|register|registers|log|logs|treat|treats|accept|accepts)\s+(?:[\w’'-]+\s+){0,3}?complaint\s+(?:[\w’'-]+\s+){0,6}?(?:stage\s+(?:2|3|two|three)|statutory|independent|formal)(?-u:\b)|(?-u:\b)complaints?\s+(?:to\s+be|is\s+to\s+be|will\s+be|be)\s+(?:considered|investigated|reviewed|escalated|progressed|dealt\s+with|looked\s+at)\s+(?:[\w’'-]+\s+){0,4}?(?:stage\s+(?:2|3|two|three)|statutory|independent|formal)(?-u:\b)|(?-u:\b)(?:proceed|proceeds|move|moves|escalate|escalates)\s+(?:the\s+complaint\s+)?to\s+stage\s+(?:2|3|two|three)(?-u:\b)|(?-u:\b)re-?(?:take|takes|make|makes)\s+(?:[\w’'-]+\s+){0,3}?(?:decisions?|assessments?|determinations?)(?-u:\b)|(?-u:\b)(?:re-?run|re-?runs|re-?hear|re-?hears|repeat|repeats|re-?do|re-?open|re-?opens)\s+(?:[\w’'-]+\s+){0,3}?(?:appeal|hearing|panel|assessment|review|investigation|process|application|decision|case|enquiry|complaint)s?(?-u:\b)|(?-u:\b)(?:decide|decides|consider|considers|reconsider|reconsiders|review|reviews|re-?examine)\s+(?:again\s+)?(?:whether|if)\s+(?:[\w’'-]+\s+){0,8}?(?:enforcement|eligible|entitled|qualif(?:y|ies)|expedient|liable|homeless|priority|band|formal\s+action|suitable|unsuitable|suitability)(?-u:\b)|(?-u:\b)(?:place|places|put|puts|reinstate|reinstates|restore|restores|award|awards|give|gives)\s+(?:[\w’'-]+\s+){0,3}?(?:in|into|on|to)\s+(?:the\s+)?(?:band\s+\w+|housing\s+register|waiting\s+list|priority\s+(?:band|group|need))(?-u:\b)|(?-u:\b)(?:backdate|backdates|backdating)\s+(?:[\w’'-]+\s+){0,4}?(?:application|applications|priority|band|banding|registration|effective\s+date|date)(?-u:\b)|(?-u:\b)(?:make|makes|take|takes|reach|reaches)\s+a\s+(?:[\w’'-]+\s+)?decision\s+(?:on|about|regarding)(?-u:\b)|(?-u:\b)(?:accept|accepts|take|takes|open|opens|re-?register|re-?registers)\s+(?:a|an|the|her|his|their|(?-i:(?:Mr|Mrs|Ms|Miss|Mx|Dr)\s+[A-Z]\w*)['’]s)\s+(?:[\w’'-]+\s+){0,2}?application(?-u:\b)|(?-u:\b)(?:expedite|expedites|prioriti[sz]e|prioriti[sz]es|progress|progresses|fast-?track|fast-?tracks)\s+(?:the\s+(?:completion|processing|determination)\s+of\s+)?(?:[\w’'-]+\s+){0,5}?(?:applications?|assessments?|reviews?|claims?|appeals?|requests?|case|EHC\s*plan|plan)(?-u:\b)|(?-u:\b)(?:refer|refers)\s+[^.;]{0,40}?(?-u:\b)for\s+(?:a|an)\s+(?:[\w’'-]+\s+){0,3}?(?:assessment|review)(?-u:\b)|(?-u:\b)re-?calculat\w*|(?-u:\b)(?:inspect|inspects|re-?inspect|re-?inspects)(?-u:\b)|(?-u:\b)site\s+visit(?-u:\b)|(?-u:\b)(?:issue|issues|finalise|finalises)\s+(?:[\w’'-]+\s+){0,3}?(?:EHC\s*plan|education,?\s+health\s+and\s+care\s+plan|plan|decision|determination)(?-u:\b)",
            r"(?i)consider|investigat|escalat|progress|take|takes|put|deal|re-?run|hear|repeat|do|open|decide|review|examine|place|reinstate|restore|award|give|backdat|issue|finalise|make|reach|calculat|inspect|visit|proceed|move|accept|regist|refer|record|log|treat|expedit|priorit|fast",
            "corpus/regressions/wider-remedy-verbs.txt",
        ),
        // What the public is told and how the work is done: "review its
        // website", "update its leaflets and standard letters", "review how
        // it handles requests", "change the way it deals with …", "improve its
        // communication with residents"
        // (corpus/regressions/wider-remedy-verbs.txt, -in-prose.txt and the
        // table in `ok_kinds_wider_verbs`); "give written reasons for its
        // decisions" (plural: a practice; excerpt 057); "update the information
        // on its website", "revise the letter it sends to applicants"
        // (corpus/regressions/money-not-recovered-and-decisions-retaken.txt).
        rule(
            RemedyKind::ProcedureChange,
            r"(?i)(?-u:\b)(?:review|reviews|reviewing|change|changes|amend|amends|update|updates|improve|improves|revise|revises|rewrite|rewrites|correct|corrects)\s+(?:[\w’'-]+\s+){0,4}?(?:website|(?:letters?|forms?|notices?|templates?)\s+(?:it|they|the\s+council)\s+(?:sends?|issues?|uses?)|web\s*pages?|online\s+information|leaflets?|factsheets?|application\s+forms?|public\s+information|signage|information\s+(?:it\s+(?:gives|provides|publishes)|for\s+(?:the\s+public|residents|applicants|parents|families)))(?-u:\b)|(?-u:\b)(?:review(?:\s+of)?|reviews|reviewing|change|changes|consider|considers|look\s+at|looks\s+at|improve|improves)\s+(?:how|the\s+ways?)\s+(?:in\s+which\s+)?(?:it|its|the\s+council|staff|officers|the\s+\w+\s+team)(?-u:\b)|(?-u:\b)(?:review|reviews|reviewing|change|changes|improve|improves|strengthen|strengthens)\s+(?:its|the|their)\s+(?:[\w’'-]+\s+){0,2}?(?:communications?|complaints?\s+handling|handling\s+of|record[-\s]keeping|case\s+management|monitoring|oversight|decision[-\s]making|liaison)(?-u:\b)|(?-u:\b)(?:give|gives|provide|provides|record|records|set\s+out|sets\s+out)\s+(?:(?:full|written|clear|proper|detailed)\s+)*reasons\s+for\s+(?:all\s+)?(?:its|their)\s+decisions(?-u:\b)",
            r"(?i)review|change|amend|update|improve|revise|rewrite|correct|consider|look|strengthen|reasons",
            "corpus/regressions/wider-remedy-verbs.txt",
        ),
        // Learning passed to staff: "circulate a copy of this decision to
        // officers", "discuss the findings with staff at a team meeting",
        // "a guidance note for officers", "use this complaint as a case
        // study" (corpus/regressions/wider-remedy-verbs.txt and the table in
        // `ok_kinds_wider_verbs`); "discuss the findings with the officer
        // involved" (corpus/regressions/help-notices-and-expedited-cases.txt).
        rule(
            RemedyKind::TrainingOrGuidance,
            r"(?i)(?-u:\b)(?:circulate|circulates|distribute|distributes|disseminate|disseminates|cascade|cascades|share|shares)\s+(?:[\w’'-]+\s+){0,4}?(?:decision|report|findings|learning|lessons|statement|outcome)(?-u:\b)[^.;]{0,60}?(?-u:\b)(?:staff|officers|teams?|managers|employees|social\s+workers|caseworkers|workers|practitioners|councillors|members)(?-u:\b)|(?-u:\b)(?:discuss|discusses|present|presents|raise|raises)\s+[^.;]{0,80}?(?-u:\b)(?:with|to|at)\s+(?:its\s+|relevant\s+|all\s+|the\s+|a\s+)?(?:staff|officers?|teams?|managers?|social\s+workers?|caseworkers?|team\s+meetings?|staff\s+meetings?|practitioners?)(?-u:\b)|(?-u:\b)(?:guidance|briefing|practice)\s+(?:notes?|documents?|sheets?|bulletins?)\s+(?:to|for)\s+(?:its\s+|relevant\s+|all\s+|the\s+)?(?:staff|officers|social\s+workers|employees|teams?|managers|caseworkers)(?-u:\b)|(?-u:\b)case\s+stud(?:y|ies)(?-u:\b)|(?-u:\b)(?:learning|lessons?)\s+(?:sessions?|events?|workshops?|briefings?)(?-u:\b)",
            r"(?i)circulat|distribut|disseminat|cascade|share|discuss|present|raise|guidance|briefing|practice|case|learning|lesson",
            "corpus/regressions/wider-remedy-verbs.txt",
        ),
        // Work done or a service started again: "carry out the outstanding
        // repairs", "complete the adaptations", "find Mr Y suitable
        // accommodation", "reinstate Mrs Z's assisted bin collection",
        // "collect the missed bins", "repair the pothole", "allocate a social
        // worker", "arrange for the damp to be treated", "offer Mr J a place
        // at a suitable school", "ensure Y receives the education he is
        // entitled to", and as nouns "the reinstatement of her care package",
        // "completion of the outstanding repairs"
        // (corpus/regressions/wider-remedy-verbs.txt and the
        // table in `ok_kinds_wider_verbs`); "continue supporting the
        // children" (seed 000).
        rule(
            RemedyKind::ProvideService,
            &format!(
                r"(?i)(?-u:\b)(?:carry|carries)\s+out\s+(?:[\w’'-]+\s+){{0,4}}?(?:repairs?|works?|adaptations?|installation|improvements\s+to\s+(?:the|her|his|their)\s+(?:home|property))(?-u:\b)|(?-u:\b)(?:complete|completes|finish|finishes|do|does|undertake|undertakes|fund|funds|install|installs)\s+(?:[\w’'-]+\s+){{0,4}}?(?:repairs?|works|adaptations?|installation|stair\s*lift|ramp|wet\s+room)(?-u:\b)|(?-u:\b)(?:find|finds|identify|identifies|offer|offers|source|sources|allocate|allocates|provide|provides)\s+(?:[\w’'-]+\s+){{0,5}}?(?:accommodation|property|home|tenancy|school\s+place|placement|care\s+home|respite|place\s+at\s+(?:a|an|the|his|her|their)\s+(?:[\w’'-]+\s+){{0,2}}?(?:school|nursery|college|academy|setting|unit)|place\s+on\s+(?:a|an|the)\s+(?:[\w’'-]+\s+){{0,2}}?(?:course|programme|scheme))(?-u:\b)|(?-u:\b)(?:reinstate|reinstates|restore|restores|resume|resumes|restart|restarts|continue|continues)\s+(?:[\w’'-]+\s+){{0,4}}?(?:{SERVICES})(?-u:\b)|(?-u:\b)(?:continue|continues)\s+(?:to\s+(?:support|provide|fund|arrange)|supporting|providing|funding)(?-u:\b)|(?-u:\b)(?:reinstatement|restoration|resumption)\s+of\s+(?:[\w’'-]+\s+){{0,4}}?(?:{SERVICES})(?-u:\b)|(?-u:\b)(?:completion|carrying\s+out|completing)\s+of\s+(?:[\w’'-]+\s+){{0,3}}?(?:repairs?|works|adaptations?|installation)(?-u:\b)|(?-u:\b)(?:allocate|allocates|appoint|appoints|assign|assigns|nominate|nominates|provide|provides|identify|identifies)\s+(?:[\w’'-]+\s+){{0,3}}?(?:social\s+worker|case\s*worker|key\s*worker|named\s+(?:officer|contact|person|worker)|dedicated\s+(?:officer|contact|worker)|(?:single\s+)?point\s+of\s+contact|case\s+officer|advocate|support\s+worker|care\s+co-?ordinator|lead\s+professional|tutor)(?-u:\b)|(?-u:\b)(?:arrange|arranges|ensure|ensures|make\s+sure)\s+(?:for\s+)?[^.;]{{0,50}}?\s(?:is|are|to\s+be)\s+(?:promptly\s+|properly\s+|fully\s+)?(?:repaired|treated|fixed|installed|replaced|cleared|collected|completed|carried\s+out|delivered|reinstated)(?-u:\b)|(?-u:\b)(?:collect|collects|empty|empties|clear|clears|remove|removes)\s+(?:[\w’'-]+\s+){{0,3}}?(?:bins?|waste|rubbish|recycling|fly-?tipping|refuse)(?-u:\b)|(?-u:\b)(?:repair|repairs|fix|fixes|resurface|resurfaces|mend|mends)\s+(?:the|its|any|all|her|his|their)\s|(?-u:\b)(?:ensure|ensures|make\s+sure)\s+[^.;]{{0,40}}?(?-u:\b)(?:receives?|gets?|is\s+(?:offered|given|provided\s+with)|has\s+access\s+to)\s+[^.;]{{0,30}}?(?-u:\b)(?:education|provision|support|care|services?|school\s+place|transport|accommodation|tuition|therapy)(?-u:\b)"
            ),
            r"(?i)carry|carries|complet|finish|do|undertake|fund|install|find|identif|offer|source|allocat|reinstat|restor|resum|restart|continu|collect|empt|clear|remove|repair|fix|resurface|mend|ensure|sure|appoint|assign|arrange|provid|nominat",
            "corpus/regressions/wider-remedy-verbs.txt",
        ),
        // More phrasings, one row per kind (corpus/regressions/more-remedy-phrasings.txt
        // and the table in `ok_kinds_more_phrasings`).
        // Records put right, said in the passive or as an adjective: "ensure
        // Mr X's records are corrected", "publish a corrected notice".
        rule(
            RemedyKind::RecordsCorrection,
            r"(?i)(?-u:\b)(?:records?|files?|details|entry|entries|notes|register|account|minutes|reports?|chronology)\s+(?:is|are|to\s+be|be|will\s+be|have\s+been|has\s+been)\s+(?:promptly\s+|properly\s+|fully\s+)?(?:corrected|amended|updated|rectified|annotated)(?-u:\b)|(?-u:\b)(?:corrected|amended|revised)\s+(?:version\s+of\s+(?:the\s+|its\s+)?)?(?:notice|record|records|entry|letter|report|minutes|decision\s+notice|statement)(?-u:\b)|(?-u:\b)(?:corrected|amended|revised)\s+(?:[\w’'-]+\s+){0,2}?(?:bills?|invoices?|demand\s+notices?|statements?\s+of\s+account)(?-u:\b)",
            r"(?i)corrected|amended|updated|rectified|annotated|revised",
            "corpus/regressions/more-remedy-phrasings.txt",
        ),
        // Money given up, in the passive: "confirm in writing that the debt
        // has been written off", "ensure the charges are waived"; "Mrs X
        // will not be charged for the period of delay"
        // (corpus/regressions/modal-passives.txt).
        rule(
            RemedyKind::Financial,
            &format!(
                r"(?i)(?-u:\b)(?:{MONEY_OWED}|balance|amount|sums?)\s+(?:[\w’'-]+\s+){{0,2}}?(?:is|are|be|to\s+be|will\s+be|has\s+been|have\s+been)\s+(?:fully\s+)?(?:written\s+off|waived|cancelled|refunded|credited|repaid|reimbursed|remitted)(?-u:\b)|(?-u:\b)(?:should|will|must|shall|is\s+to|are\s+to)\s+not\s+be\s+{NOT_CHARGED}"
            ),
            r"(?i)written|waived|cancelled|refunded|credited|repaid|reimbursed|remitted|charged|invoiced|billed|pay|liable",
            "corpus/regressions/more-remedy-phrasings.txt",
        ),
        // Cases looked at again: "review the personal budget", "carry out an
        // audit of similar cases", "identify other people affected by the
        // same fault", "add Mr X to the housing register".
        rule(
            RemedyKind::AssessmentOrReview,
            r"(?i)(?-u:\b)(?:review|reviews|reviewing|re-?review)\s+(?:[\w’'-]+\s+){0,3}?(?:personal\s+budget|budget|care\s+package|support\s+package|package\s+of\s+care|direct\s+payments?|contribution|charging\s+(?:decision|assessment))(?-u:\b)|(?-u:\b)(?:(?:carry|carries)\s+out|conduct|conducts|undertake|undertakes|complete|completes)\s+(?:a|an|the)\s+(?:[\w’'-]+\s+){0,2}?audit\s+of(?-u:\b)|(?-u:\b)(?:identify|identifies|find|finds|check|checks|consider|considers|review|reviews)\s+(?:whether\s+(?:there\s+are\s+)?)?(?:any\s+|all\s+)?(?:other|similar|others)(?:\s+(?:people|persons|residents|families|service\s+users|children|pupils|tenants|applicants|cases|claimants|households|customers|parents|carers|complainants))?\s+(?:(?:who\s+)?(?:may\s+|might\s+|could\s+)?(?:have\s+been|has\s+been|had\s+been|were|was|are|is|be)\s+)?(?:similarly\s+|also\s+)?affected(?-u:\b)|(?-u:\b)(?:add|adds|admit|admits|accept|accepts|join|joins)\s+(?:[\w’'-]+\s+){0,3}?(?:to|onto|on\s+to|on)\s+(?:the\s+|its\s+)?(?:housing\s+register|waiting\s+list|register)(?-u:\b)",
            r"(?i)review|carry|carries|conduct|undertake|complet|identif|find|check|consider|add|admit|accept|join",
            "corpus/regressions/more-remedy-phrasings.txt",
        ),
        // A plan for work outstanding: "create a plan to clear the backlog",
        // "reduce its backlog of assessments".
        rule(
            RemedyKind::ProcedureChange,
            r"(?i)(?-u:\b)plan\s+(?:to|for)\s+(?:clear|clearing|reduce|reducing|address|addressing|tackle|tackling|manage|managing|deal\s+with|dealing\s+with|eliminate)(?-u:\b)|(?-u:\b)(?:clear|clears|reduce|reduces|address|addresses|tackle|tackles|eliminate|eliminates)\s+(?:the\s+|its\s+|any\s+|their\s+)?(?:\w+\s+)?backlogs?(?-u:\b)",
            r"(?i)plan|backlog",
            "corpus/regressions/more-remedy-phrasings.txt",
        ),
        // Disrepair put right: "take action to remedy the damp in Ms X's
        // property", "treat the mould", "resolve the leak".
        rule(
            RemedyKind::ProvideService,
            r"(?i)(?-u:\b)(?:remedy|remedies|treat|treats|resolve|resolves|fix|fixes|address|addresses|tackle|tackles|eradicate|eradicates|deal\s+with|deals\s+with|cure|cures|rectify|rectifies)\s+(?:the\s+|any\s+|all\s+)?(?:remaining\s+|outstanding\s+)?(?:damp|mould|mold|leaks?|disrepair|condensation|infestation|pests?|defects?|repairs)(?-u:\b)",
            r"(?i)remed|treat|resolve|fix|address|tackle|eradicat|deal|cure|rectif",
            "corpus/regressions/more-remedy-phrasings.txt",
        ),
        // An answer or a meeting: "write to Mr X with a full response to his
        // complaint", "offer Mrs X a meeting to discuss her son's needs".
        rule(
            RemedyKind::Information,
            r"(?i)(?-u:\b)writes?\s+to\s+[^.;]{0,40}?\swith\s+(?:a|an|its)\s+(?:[\w’'-]+\s+){0,2}?(?:response|explanation|answer|reply|decision|update)(?-u:\b)|(?-u:\b)(?:offer|offers|arrange|arranges|hold|holds)\s+(?:[\w’'-]+\s+){0,4}?meeting\s+(?:with\s+[^.;]{0,30}?\s)?(?:to|so\s+that)\s+(?:discuss|explain|go\s+through|talk\s+through|answer|agree)(?-u:\b)",
            r"(?i)write|meeting",
            "corpus/regressions/more-remedy-phrasings.txt",
        ),
        // A meeting with the person: "hold a meeting with Mrs C and her son's
        // school", "meet Ms M to agree a transition plan"; never "meet Mr X's
        // needs" (corpus/regressions/meetings-plans-and-works.txt).
        rule(
            RemedyKind::Information,
            r"(?i)(?-u:\b)(?:offer|offers|arrange|arranges|hold|holds|have|has|set\s+up|sets\s+up|book|books|organise|organises|organize|organizes|convene|convenes)\s+(?:[\w’'-]+\s+){0,3}?meeting\s+with\s+(?:[^.;]{0,30}?\sand\s+)?(?:(?-i:Mr|Mrs|Ms|Miss|Mx|Dr)\s|him|her|them|the\s+(?:complainant|family|parents?))|(?-u:\b)(?:meet|meets)\s+(?:with\s+)?(?:(?-i:(?:Mr|Mrs|Ms|Miss|Mx|Dr)\s+[A-Z]\w*)|him|her|them|the\s+(?:complainant|family|parents?))(?:\s+and\s+[^.;]{0,40}?)?\s+(?:to|so\s+that|about|and\s+(?:discuss|explain|agree))\s",
            r"(?i)(?-u:\b)meet",
            "corpus/regressions/meetings-plans-and-works.txt",
        ),
        // The person's own plan made or put right: "prepare a new care and
        // support plan", "draw up a transition plan", "complete Y's personal
        // education plan" (a plan for the service, "action plan", is
        // procedure_change) (corpus/regressions/meetings-plans-and-works.txt).
        rule(
            RemedyKind::AssessmentOrReview,
            r"(?i)(?-u:\b)(?:prepare|prepares|produce|produces|draw\s+up|draws\s+up|complete|completes|finalise|finalises|finalize|finalizes|write|writes|agree|agrees|update|updates|revise|revises|amend|amends|put\s+in\s+place|puts\s+in\s+place|provide|provides)\s+(?:[\w’'-]+\s+){0,3}?(?:care(?:\s+and\s+support)?|support|EHC|education,?\s+health\s+and\s+care|personal\s+education|pathway|transition|child\s+in\s+need|child\s+protection|placement|safety|care\s+and\s+treatment|after-?care|safeguarding|protection|risk\s+management|(?:positive\s+)?behaviour(?:\s+support)?|crisis|contingency)\s+plans?(?-u:\b)",
            r"(?i)(?-u:\b)plans?(?-u:\b)",
            "corpus/regressions/meetings-plans-and-works.txt",
        ),
        // A date for works: "agree a date for the works with Mrs Z", "give
        // her a timetable for the repairs"
        // (corpus/regressions/meetings-plans-and-works.txt).
        rule(
            RemedyKind::ProvideService,
            r"(?i)(?-u:\b)(?:agree|agrees|set|sets|confirm|confirms|give|gives|provide|provides|send|sends)\s+(?:[\w’'-]+\s+){0,2}?(?:a|an|the)\s+(?:start\s+|firm\s+|clear\s+)?(?:date|dates|timetable|timescale|schedule|programme)\s+(?:for|of)\s+(?:the\s+|any\s+|all\s+)?(?:remaining\s+|outstanding\s+|necessary\s+)?(?:works?|repairs?|adaptations?|installation|improvements)(?-u:\b)",
            r"(?i)(?-u:\b)(?:date|dates|timetable|timescale|schedule|programme)(?-u:\b)",
            "corpus/regressions/meetings-plans-and-works.txt",
        ),
        // A matter looked at again: "consider Ms Z's request afresh", "issue a
        // fresh stage 2 response" (corpus/regressions/more-remedy-kinds-in-lists.txt).
        rule(
            RemedyKind::AssessmentOrReview,
            r"(?i)(?-u:\b)(?:consider|considers|look\s+at|looks\s+at|assess|assesses|deal\s+with|deals\s+with|determine|determines)\s+(?:[\w’'-]+\s+){0,8}?(?:again|afresh|anew)(?-u:\b)|(?-u:\b)(?:issue|issues|send|sends|provide|provides|give|gives)\s+(?:[\w’'-]+\s+){0,2}?(?:a\s+)?(?:fresh|new|further|revised)\s+(?:stage\s+(?:1|2|3|one|two|three)\s+)?(?:complaint\s+)?response(?-u:\b)",
            r"(?i)(?-u:\b)(?:again|afresh|anew|response)(?-u:\b)",
            "corpus/regressions/more-remedy-kinds-in-lists.txt",
        ),
        // Recovery of money stopped: "stop recovery action on the debt", "not
        // pursue Mr D for the overpayment", "suspend recovery action while it
        // reviews …" (corpus/regressions/payments-owed-and-awarded.txt)
        // (corpus/regressions/more-remedy-kinds-in-lists.txt).
        rule(
            RemedyKind::Financial,
            r"(?i)(?-u:\b)(?:stop|stops|halt|halts|suspend|suspends|withdraw|withdraws|cease|ceases|end|ends)\s+(?:[\w’'-]+\s+){0,3}?(?:recovery|enforcement|collection)\s+(?:action\s+|proceedings\s+)?(?:on|of|for|against)\s+(?:[\w’'-]+\s+){0,3}?(?:debt|arrears|overpayment|charges?|bill|invoice|fees?)(?-u:\b)|(?-u:\b)(?:stop|stops|halt|halts|suspend|suspends|withdraw|withdraws|cease|ceases|hold|holds|pause|pauses|put\s+on\s+hold)\s+(?:all\s+|any\s+|its\s+|the\s+)?(?:recovery|collection|debt\s+recovery)\s+(?:action|proceedings)(?-u:\b)|(?-u:\b)not\s+(?:to\s+)?(?:pursue|recover|seek|collect|chase|enforce)\s+[^.;]{0,40}?(?-u:\b)(?:debt|arrears|overpayment|charges?|fees?|sums?|money)(?-u:\b)",
            r"(?i)(?-u:\b)(?:recovery|enforcement|collection|pursue|recover|seek|collect|chase|enforce)(?-u:\b)",
            "corpus/regressions/more-remedy-kinds-in-lists.txt",
        ),
        // A person to help: "fund an independent tutor", "provide an
        // interpreter" (corpus/regressions/more-remedy-kinds-in-lists.txt).
        rule(
            RemedyKind::ProvideService,
            r"(?i)(?-u:\b)(?:provide|provides|arrange|arranges|fund|funds|commission|commissions|secure|secures|offer|offers|appoint|appoints|source|sources|pay\s+for|pays\s+for)\s+(?:[\w’'-]+\s+){0,3}?(?:tutors?|tutoring|therapists?|mentors?|mentoring|interpreters?|escorts?|personal\s+assistants?|carers?|taxis?|transport)(?-u:\b)",
            r"(?i)(?-u:\b)(?:tutors?|tutoring|therapists?|mentors?|mentoring|interpreters?|escorts?|assistants?|carers?|taxis?|transport)(?-u:\b)",
            "corpus/regressions/more-remedy-kinds-in-lists.txt",
        ),
        // A flag or note put on a record: "put a flag on Mr N's records", "add
        // a note to Mrs O's file" (corpus/regressions/more-remedy-kinds-in-lists.txt).
        rule(
            RemedyKind::RecordsCorrection,
            r"(?i)(?-u:\b)(?:put|puts|place|places|add|adds|attach|attaches)\s+(?:a\s+|an\s+)?(?:[\w’'-]+\s+)?(?:flag|marker|note|alert|warning|statement)\s+(?:on|to|in|against)\s+(?:[\w’'-]+\s+){0,3}?(?:records?|file|files|account|system)(?-u:\b)",
            r"(?i)(?-u:\b)(?:flag|marker|note|alert|warning|statement)(?-u:\b)",
            "corpus/regressions/more-remedy-kinds-in-lists.txt",
        ),
        // Work put right, said in the passive after the verb that asks for
        // it: "arrange for any disrepair to be put right", "ensure the
        // repairs are completed" (not "so that reviews are completed")
        // (corpus/regressions/passives-and-reports.txt).
        rule(
            RemedyKind::ProvideService,
            r"(?i)(?-u:\b)(?:ensure|ensures|make\s+sure|makes\s+sure|arrange\s+for|arranges\s+for|see\s+that|sees\s+that)\s+[^.;]{0,60}?(?-u:\b)(?:repairs?|works|disrepair|damp|mould|mold|leaks?|defects?|adaptations?|installation)\s+(?:is|are|be|to\s+be|will\s+be)\s+(?:promptly\s+|properly\s+|fully\s+|urgently\s+)?(?:completed|carried\s+out|done|put\s+right|remedied|resolved|fixed|treated|repaired|rectified|made\s+good|installed)(?-u:\b)",
            r"(?i)(?-u:\b)(?:completed|carried|done|right|remedied|resolved|fixed|treated|repaired|rectified|good|installed)(?-u:\b)",
            "corpus/regressions/passives-and-reports.txt",
        ),
        // An assessment or plan seen to, said in the passive after the verb
        // that asks for it: "ensure the outstanding assessment is completed",
        // "ensure her care and support plan is reviewed", "arrange for the
        // property to be inspected" (corpus/regressions/passives-and-reports.txt).
        rule(
            RemedyKind::AssessmentOrReview,
            r"(?i)(?-u:\b)(?:ensure|ensures|make\s+sure|makes\s+sure|arrange\s+for|arranges\s+for|see\s+that|sees\s+that)\s+[^.;]{0,60}?(?-u:\b)(?:(?:assessments?|re-?assessments?|reviews?|investigations?|enquir(?:y|ies)|inquir(?:y|ies)|(?:care|support|EHC|transition|pathway|education|personal|child\s+in\s+need|protection|placement|safety)\s+plans?|needs|case|application|decision)\s+(?:is|are|be|to\s+be|will\s+be)\s+(?:promptly\s+|properly\s+|fully\s+|urgently\s+)?(?:completed|carried\s+out|undertaken|done|reviewed|re-?assessed|reconsidered|re-?examined|re-?determined|finalised|finalized|updated|amended|revised|re-?issued|issued)|(?:is|are|be|to\s+be)\s+(?:promptly\s+|properly\s+)?(?:re-?)?inspected)(?-u:\b)",
            r"(?i)(?-u:\b)(?:completed|carried|undertaken|done|reviewed|assessed|reconsidered|examined|determined|finalised|finalized|updated|amended|revised|issued|reissued|re-issued|inspected|reinspected|re-inspected)(?-u:\b)",
            "corpus/regressions/passives-and-reports.txt",
        ),
        // A new application asked for: "invite Mrs B to re-apply for the
        // grant", "ask Mr C to make a fresh application"
        // (corpus/regressions/passives-and-reports.txt).
        rule(
            RemedyKind::AssessmentOrReview,
            r"(?i)(?-u:\b)(?:invite|invites|ask|asks|allow|allows|enable|enables)\s+(?:[\w’'-]+\s+){0,3}?to\s+(?:re-?apply|re-?submit|make\s+a\s+(?:fresh|new|further)\s+(?:application|claim|request|appeal))(?-u:\b)",
            r"(?i)(?-u:\b)(?:re-?apply|re-?submit|fresh|new|further)(?-u:\b)",
            "corpus/regressions/passives-and-reports.txt",
        ),
        // Money put back or costs met: "return Mr X's deposit", "cover the
        // cost of the replacement items", "meet the cost of Y's private
        // tuition" (corpus/regressions/money-returned-and-costs-met.txt).
        rule(
            RemedyKind::Financial,
            r"(?i)(?-u:\b)(?:return|returns|returning)\s+(?:[\w’'-]+\s+){0,3}?(?:deposit|money|fees?|payments?|sums?|rent|overpayment)(?-u:\b)|(?-u:\b)(?:return|returns|returning)\s+(?:[\w’'-]+\s+){0,3}?£|(?-u:\b)(?:cover|covers|meet|meets|bear|bears)\s+(?:the\s+|any\s+|all\s+|his\s+|her\s+|their\s+)?(?:full\s+|reasonable\s+|whole\s+|additional\s+|extra\s+)?costs?\s+(?:of|incurred)(?-u:\b)",
            r"(?i)(?-u:\b)(?:return|returns|returning|costs?)(?-u:\b)",
            "corpus/regressions/money-returned-and-costs-met.txt",
        ),
        // A decision still to take, or a meeting that takes one: "review
        // whether Y should be placed on the child protection register",
        // "consider serving a breach of condition notice", "carry out a
        // strategy discussion", "convene a child protection conference"
        // (corpus/regressions/payments-owed-and-awarded.txt).
        rule(
            RemedyKind::AssessmentOrReview,
            r"(?i)(?-u:\b)(?:decide|decides|consider|considers|review|reviews|reconsider|reconsiders|assess|assesses|re-?assess|establish|establishes)\s+(?:again\s+)?(?:whether|if)\s+[^.;]{0,50}?\s(?:should|ought\s+to|needs?(?:\s+to)?|requires?|would\s+benefit|qualif(?:y|ies)|is\s+entitled|are\s+entitled|is\s+eligible|are\s+eligible|meets?)(?-u:\b)|(?-u:\b)(?:consider|considers|decide\s+on|decides\s+on)\s+(?:serving|issuing|taking|using)\s+(?:an?\s+|the\s+|its\s+)?(?:[\w’'-]+\s+){0,3}?(?:notice|order|action|powers)(?-u:\b)|(?-u:\b)(?:(?:carry|carries)\s+out|hold|holds|convene|convenes|arrange|arranges|conduct|conducts)\s+(?:a|an|the)\s+(?:[\w’'-]+\s+){0,2}?(?:strategy\s+(?:discussion|meeting)|(?:case|child\s+protection|review)\s+conference|best\s+interests?\s+(?:decision|meeting|assessment)|capacity\s+assessment|multi-?agency\s+(?:meeting|discussion)|professionals['’]?\s+meeting|network\s+meeting|team\s+around\s+the\s+(?:child|family)\s+meeting)(?-u:\b)",
            r"(?i)(?-u:\b)(?:whether|if|serving|issuing|taking|using|strategy|conference|interests?|capacity|meeting)(?-u:\b)",
            "corpus/regressions/payments-owed-and-awarded.txt",
        ),
        // Work on a thing put in or replaced: "install the landscaping
        // screen", "fit a handrail", "replace the boiler"
        // (corpus/regressions/payments-owed-and-awarded.txt).
        rule(
            RemedyKind::ProvideService,
            r"(?i)(?-u:\b)(?:install|installs|fit|fits|erect|erects|replace|replaces|renew|renews)\s+(?:a|an|the|new|its|her|his|their)\s+(?:[\w’'-]+\s+){0,3}?(?:screen|fence|fencing|handrails?|rails?|ramp|boiler|heating|windows?|doors?|kerb|signs?|lighting|lights?|barriers?|bollards?|gates?|alarms?|equipment|hoist|stair\s*lift|shower|bath|toilet|kitchen|roof|guttering|drainage|footway|pavement|road\s+surface|markings?|trees?|hedges?|landscaping|planting)(?-u:\b)",
            r"(?i)(?-u:\b)(?:install|installs|fit|fits|erect|erects|replace|replaces|renew|renews)(?-u:\b)",
            "corpus/regressions/payments-owed-and-awarded.txt",
        ),
        // Money not charged, a discount or relief applied, a repayment plan,
        // a debt called back from the bailiffs: "not charge Mrs X for the
        // care", "apply the single person discount to Mrs D's account",
        // "agree an affordable repayment plan", "recall the debt from the
        // enforcement agents", "withdraw the penalty charge notice"
        // (corpus/regressions/enforcement-discounts-and-works.txt), "withdraw
        // the application for a liability order"
        // (corpus/regressions/panels-contacts-and-staffing.txt).
        rule(
            RemedyKind::Financial,
            r"(?i)(?-u:\b)not\s+(?:to\s+)?(?:charge|invoice|bill)\s+(?:(?-i:(?:Mr|Mrs|Ms|Miss|Mx|Dr)\s+[A-Z]\w*)|him|her|them|the\s+(?:complainant|family|estate))\s+(?:for|any)(?-u:\b)|(?-u:\b)(?:apply|applies|grant|grants|award|awards|restore|restores|reinstate|reinstates)\s+(?:(?:the|a|an|any|her|his|their|(?-i:(?:Mr|Mrs|Ms|Miss|Mx|Dr)\s+[A-Z]\w*)['’]s)\s+)?(?:[\w’'-]+\s+){0,3}?(?:discount|exemption|disregard|relief|reduction|council\s+tax\s+support|housing\s+benefit|rebate)s?(?-u:\b)|(?-u:\b)(?:agree|agrees|set\s+up|sets\s+up|offer|offers|arrange|arranges|put\s+in\s+place|puts\s+in\s+place|make|makes|enter\s+into|enters\s+into)\s+(?:a|an)\s+(?:[\w’'-]+\s+){0,2}?(?:repayment|payment|instalment)\s+(?:plan|arrangement|schedule|agreement)(?-u:\b)|(?-u:\b)(?:recall|recalls|withdraw|withdraws|take\s+back|takes\s+back|retrieve|retrieves)\s+(?:[\w’'-]+\s+){0,3}?from\s+(?:the\s+|its\s+)?(?:enforcement\s+agen(?:ts?|cy)|bailiffs?|debt\s+collect\w+)(?-u:\b)|(?-u:\b)(?:withdraw|withdraws)\s+(?:the\s+|any\s+|all\s+|its\s+)?(?:[\w’'-]+\s+){0,3}?(?:penalty\s+charge\s+notices?|PCNs?|summons(?:es)?|liability\s+orders?|invoices?|bills?|demands?|charges?)(?-u:\b)",
            r"(?i)(?-u:\b)(?:not\s+(?:to\s+)?(?:charge|invoice|bill)|discounts?|exemptions?|disregards?|relief|reductions?|council\s+tax\s+support|housing\s+benefit|rebates?|repayment|payment|instalment|recall|recalls|withdraw|withdraws|take\s+back|takes\s+back|retrieve|retrieves)(?-u:\b)",
            "corpus/regressions/enforcement-discounts-and-works.txt",
        ),
        // Action the organisation failed to take, taken now: "take
        // enforcement action against the landlord", "serve an improvement
        // notice on the landlord", "ensure the developer complies with
        // condition 5"; a worker allocated, in the passive, "ensure a social
        // worker is allocated to Y"; a place on a list, "add Mr X to the
        // assisted collection list"; "monitor Mr X's collections"; "arrange
        // for Y to attend a suitable school"; "rehouse Ms A". Weighing the
        // action first ("decide whether to take enforcement action") is an
        // assessment, not this (corpus/regressions/enforcement-discounts-and-works.txt).
        rule(
            RemedyKind::ProvideService,
            r"(?i)(?-u:\b)(?:take|takes)\s+(?:(?:any|all|the|appropriate|necessary|formal|further|prompt|suitable|proportionate)\s+)*(?:planning\s+|legal\s+)?enforcement\s+action(?-u:\b)|(?-u:\b)(?:serve|serves)\s+(?:a|an|the)\s+(?:[\w’'-]+\s+){0,4}?notices?(?-u:\b)|(?-u:\b)(?:ensure|ensures|make\s+sure|makes\s+sure)\s+(?:that\s+)?(?:the\s+|its\s+)?(?:[\w’'-]+\s+){0,2}?(?:landlord|owner|developer|neighbour|landowner|operator|contractor|provider|applicant)s?\s+(?:complies|comply|meets|meet|carries\s+out|carry\s+out)\s|(?-u:\b)(?:secure|secures|enforce|enforces)\s+compliance\s+with(?-u:\b)|(?-u:\b)(?:ensure|ensures|make\s+sure|makes\s+sure|arrange\s+for|arranges\s+for)\s+(?:that\s+)?(?:an?\s+|the\s+)?(?:[\w’'-]+\s+){0,2}?(?:social\s+worker|case\s*worker|key\s*worker|case\s+officer|named\s+officer|personal\s+adviser|advocate|support\s+worker|tutor)\s+(?:is|are|be|to\s+be|will\s+be)\s+(?:promptly\s+)?(?:allocated|appointed|assigned|provided)(?-u:\b)|(?-u:\b)(?:add|adds|put|puts|place|places|register|registers|enrol|enrols|include|includes)\s+(?:[\w’'-]+\s+){0,3}?(?:on|to|onto|in|for)\s+(?:the\s+|its\s+|an\s+)?assisted\s+(?:bin\s+|waste\s+)?collections?(?-u:\b)|(?-u:\b)(?:monitor|monitors)\s+(?:[\w’'-]+\s+){0,3}?(?:bin\s+|waste\s+|refuse\s+|recycling\s+)?collections?(?-u:\b)|(?-u:\b)(?:arrange|arranges|make\s+arrangements)\s+for\s+(?:(?-i:(?:Mr|Mrs|Ms|Miss|Mx|Dr)\s+[A-Z]\w*|[A-Z])|him|her|them)\s+to\s+(?:attend|start\s+at|return\s+to|go\s+to|access|be\s+(?:offered|given|placed|provided))(?-u:\b)|(?-u:\b)(?:rehouse|rehouses|re-house|re-houses)(?-u:\b)",
            r"(?i)(?-u:\b)(?:enforcement|serve|serves|landlords?|owners?|developers?|neighbours?|landowners?|operators?|contractors?|providers?|applicants?|compliance|allocated|appointed|assigned|provided|assisted|monitor|monitors|arrange|arranges|arrangements|rehouse|rehouses|re-house|re-houses)(?-u:\b)",
            "corpus/regressions/enforcement-discounts-and-works.txt",
        ),
        // Work on the street, the land or the bins: "clear the blocked gully",
        // "trim the overhanging trees", "cut back the hedge", "replace Mrs X's
        // missing recycling bin", "deliver a new bin"
        // (corpus/regressions/enforcement-discounts-and-works.txt).
        rule(
            RemedyKind::ProvideService,
            r"(?i)(?-u:\b)(?:clear|clears|unblock|unblocks|clean|cleans|jet|jets|trim|trims|cut\s+back|cuts\s+back|prune|prunes|fell|fells|remove|removes|resurface|resurfaces|repaint|repaints|re-paint|re-paints)\s+(?:the|a|an|any|all|its|her|his|their|this|that|those|these)\s+(?:[\w’'-]+\s+){0,3}?(?:gull(?:y|ies)|drains?|drainage|gutters?|guttering|culverts?|ditch(?:es)?|sewers?|trees?|hedges?|hedgerows?|vegetation|branches|overgrowth|weeds|potholes?|graffiti|road\s+markings?|footways?|footpaths?|pavements?|verges?|alleys?|alleyways?)(?-u:\b)|(?-u:\b)(?:replace|replaces|deliver|delivers|supply|supplies|provide|provides)\s+(?:[\w’'-]+\s+){0,4}?(?:bins?|containers?|recycling\s+box(?:es)?|caddy|caddies|sacks)(?-u:\b)",
            r"(?i)(?-u:\b)(?:gull(?:y|ies)|drains?|drainage|gutters?|guttering|culverts?|ditch(?:es)?|sewers?|trees?|hedges?|hedgerows?|vegetation|branches|overgrowth|weeds|potholes?|graffiti|markings?|footways?|footpaths?|pavements?|verges?|alleys?|alleyways?|bins?|containers?|box(?:es)?|caddy|caddies|sacks)(?-u:\b)",
            "corpus/regressions/enforcement-discounts-and-works.txt",
        ),
        // Decisions still to make, or a review a plan is due: "process Mrs X's
        // claim for housing benefit", "hold an annual review meeting for Y",
        // "name a suitable school in section I", "convene a stage 2
        // investigation", "appoint an independent person", "consider whether
        // it can take any action", "check whether the works comply", "decide
        // what, if any, enforcement action it will take", "ensure Mr X's care
        // plan reflects his needs", "visit Mr X to assess his needs", "carry
        // out noise monitoring at Mrs P's home" (corpus/regressions/enforcement-discounts-and-works.txt).
        rule(
            RemedyKind::AssessmentOrReview,
            r"(?i)(?-u:\b)(?:process|processes)\s+(?:(?-i:(?:Mr|Mrs|Ms|Miss|Mx|Dr)\s+[A-Z]\w*)['’]s|her|his|their|the|this|that)\s+(?:[\w’'-]+\s+){0,3}?(?:applications?|claims?|requests?|appeals?|referrals?|renewals?)(?-u:\b)|(?-u:\b)(?:hold|holds|arrange|arranges|convene|convenes|bring\s+forward|brings\s+forward|carry\s+out|carries\s+out|complete|completes)\s+(?:[\w’'-]+\s+){0,3}?(?:annual|early|emergency|interim)\s+reviews?(?-u:\b)|(?-u:\b)(?:name|names)\s+(?:a|an|the)\s+(?:[\w’'-]+\s+){0,2}?(?:school|setting|placement|college)\s+(?:in|on)\s|(?-u:\b)(?:convene|convenes|commission|commissions|instigate|instigates|initiate|initiates)\s+(?:a|an|the)\s+(?:[\w’'-]+\s+){0,3}?(?:investigation|enquiry|inquiry)(?-u:\b)|(?-u:\b)(?:appoint|appoints)\s+(?:an?\s+)?(?:new\s+)?(?:independent\s+(?:person|investigator|investigating\s+officer|reviewer)|investigating\s+officer)(?-u:\b)|(?-u:\b)(?:decide|decides|consider|considers|review|reviews|assess|assesses|establish|establishes)\s+(?:again\s+)?(?:whether|if)\s+[^.;]{0,50}?\s(?:can|could|is\s+able|are\s+able)(?-u:\b)|(?-u:\b)(?:decide|decides|consider|considers|review|reviews|determine|determines)\s+(?:again\s+)?whether\s+(?:or\s+not\s+)?to\s+(?:serve|issue|take|use|pursue|prosecute|refer|make|offer|provide|fund|award|grant|accept|register|enforce|approve|refuse|remove|reinstate|waive)(?-u:\b)|(?-u:\b)(?:monitor|monitors)\s+(?:the\s+|its\s+|(?-i:(?:Mr|Mrs|Ms|Miss|Mx|Dr)\s+[A-Z]\w*)['’]s\s+)?(?:[\w’'-]+\s+)?(?:site|development|works|noise|property|premises|land|situation|compliance)(?-u:\b)|(?-u:\b)(?:check|checks|investigate|investigates|find\s+out|finds\s+out|ascertain|ascertains|look\s+into|looks\s+into)\s+(?:again\s+)?(?:whether|if)\s|(?-u:\b)(?:decide|decides|determine|determines)\s+(?:what|which)[,\s]+(?:if\s+any,?\s+)?(?:[\w’'-]+\s+){0,3}?(?:action|steps|enforcement|remedy|support|provision|services?)(?-u:\b)|(?-u:\b)(?:consider|considers)\s+what\s+(?:further\s+|other\s+|additional\s+)?(?:support|provision|services?|help|care)(?-u:\b)|(?-u:\b)(?:ensure|ensures|make\s+sure|makes\s+sure)\s+(?:that\s+)?[^.;]{0,40}?(?:care(?:\s+and\s+support)?|support|EHC|education,?\s+health\s+and\s+care|personal\s+education|pathway|transition|child\s+in\s+need|child\s+protection|placement|safety|after-?care)\s+plans?\s+(?:[\w’'-]+\s+){0,2}?(?:reflects?|sets?\s+out|includes?|records?|specif(?:y|ies)|describes?|address(?:es)?)(?-u:\b)|(?-u:\b)(?:visit|visits)\s+(?:[^.;]{0,40}?\s)?to\s+(?:assess|review|check|inspect|look\s+at)(?-u:\b)|(?-u:\b)(?:carry\s+out|carries\s+out|conduct|conducts|undertake|undertakes|arrange|arranges|install|installs|start|starts|resume|resumes)\s+(?:[\w’'-]+\s+){0,3}?monitoring(?-u:\b)",
            r"(?i)(?-u:\b)(?:process|processes|annual|early|emergency|interim|name|names|investigation|enquiry|inquiry|appoint|appoints|whether|if|decide|decides|determine|determines|consider|considers|plans?|visit|visits|monitor|monitors|monitoring)(?-u:\b)",
            "corpus/regressions/enforcement-discounts-and-works.txt",
        ),
        // A meeting the person is invited to, a visit to talk: "invite Mrs X
        // and her family to a meeting", "visit Mr X at home to discuss the
        // plan", "offer Mrs X the opportunity to meet the team"
        // (corpus/regressions/enforcement-discounts-and-works.txt), "… to attend a
        // meeting" (corpus/regressions/panels-contacts-and-staffing.txt).
        rule(
            RemedyKind::Information,
            r"(?i)(?-u:\b)(?:invite|invites)\s+[^.;]{0,40}?\sto\s+(?:a|an|the)\s+(?:[\w’'-]+\s+){0,2}?meeting(?-u:\b)|(?-u:\b)(?:visit|visits)\s+(?:[^.;]{0,40}?\s)?to\s+(?:discuss|explain|talk)(?-u:\b)|(?-u:\b)(?:opportunity|chance)\s+to\s+(?:meet|attend\s+a\s+meeting)(?-u:\b)",
            r"(?i)(?-u:\b)(?:meeting|meet|visit|visits|opportunity|chance)(?-u:\b)",
            "corpus/regressions/enforcement-discounts-and-works.txt",
        ),
        // The fault owned in words: "write to Mrs X to acknowledge the faults
        // identified", "acknowledge its failings"; not the purpose of a
        // payment ("£200 to acknowledge the distress")
        // (corpus/regressions/enforcement-discounts-and-works.txt).
        rule(
            RemedyKind::Apology,
            r"(?i)(?-u:\b)(?:acknowledge|acknowledges|acknowledging)\s+(?:the\s+|its\s+|their\s+|these\s+|those\s+|all\s+|any\s+)?(?:[\w’'-]+\s+)?(?:faults?|failings|errors|mistakes|shortcomings)(?-u:\b)",
            r"(?i)acknowledg",
            "corpus/regressions/enforcement-discounts-and-works.txt",
        ),
        // Records kept better: "ensure the care provider improves its
        // medication records" (corpus/regressions/enforcement-discounts-and-works.txt).
        rule(
            RemedyKind::ProcedureChange,
            r"(?i)(?-u:\b)(?:improve|improves|improving)\s+(?:its|their|the)\s+(?:[\w’'-]+\s+)?records(?-u:\b)",
            r"(?i)improv",
            "corpus/regressions/enforcement-discounts-and-works.txt",
        ),
        // Care funded or money disregarded: "agree with Mrs Y's family how
        // the top-up will be funded", "treat Mrs D's property as disregarded
        // for the first 12 weeks" (corpus/regressions/care-contact-and-referrals.txt).
        rule(
            RemedyKind::Financial,
            r"(?i)(?-u:\b)how\s+(?:[\w’'-]+\s+){0,4}?(?:will|should|is\s+to|are\s+to)\s+be\s+(?:funded|paid|met|charged)(?-u:\b)|(?-u:\b)(?:treat|treats)\s+[^.;]{0,40}?\sas\s+(?:disregarded|exempt|discounted)(?-u:\b)|(?-u:\b)(?:disregard|disregards)\s+(?:(?:the|her|his|their|(?-i:(?:Mr|Mrs|Ms|Miss|Mx|Dr)\s+[A-Z]\w*)['’]s)\s+)?(?:[\w’'-]+\s+){0,2}?(?:property|home|house|income|capital|savings|earnings|pension)(?-u:\b)",
            r"(?i)(?-u:\b)(?:funded|paid|met|charged|disregard|disregards|disregarded|exempt|discounted)(?-u:\b)",
            "corpus/regressions/care-contact-and-referrals.txt",
        ),
        // Work with a child, contact, a move, powers used, a notice issued,
        // more care: "arrange life story work for Y", "arrange contact
        // between Y and his siblings", "move Ms X and her family to suitable
        // accommodation", "use its powers to require the landowner to …",
        // "issue a planning contravention notice", "increase Mrs Y's personal
        // budget", "ensure Mr X's care package is increased" (corpus/regressions/care-contact-and-referrals.txt).
        rule(
            RemedyKind::ProvideService,
            r"(?i)(?-u:\b)(?:arrange|arranges|provide|provides|offer|offers|fund|funds|commission|commissions|complete|completes|start|starts|resume|resumes|undertake|undertakes)\s+(?:[\w’'-]+\s+){0,2}?(?:life\s+story|direct|therapeutic|one-to-one|key\s*work|family\s+support|outreach)\s+work(?-u:\b)|(?-u:\b)(?:arrange|arranges|facilitate|facilitates|set\s+up|sets\s+up|reinstate|reinstates|restore|restores|resume|resumes|supervise|supervises|promote|promotes)\s+(?:[\w’'-]+\s+){0,2}?contact\s+(?:between|with)(?-u:\b)|(?-u:\b)(?:move|moves|transfer|transfers|relocate|relocates)\s+[^.;]{0,40}?\s(?:to|into)\s+(?:a\s+|an\s+|the\s+)?(?:[\w’'-]+\s+){0,2}?(?:accommodation|property|home|flat|house|bungalow|placement|care\s+home|school)(?-u:\b)|(?-u:\b)(?:use|uses|exercise|exercises)\s+(?:its|their|the|any)\s+(?:[\w’'-]+\s+){0,2}?powers(?-u:\b)|(?-u:\b)(?:issue|issues)\s+(?:an?\s+|the\s+)?(?:[\w’'-]+\s+){0,2}?(?:enforcement|stop|breach\s+of\s+condition|planning\s+contravention|abatement|improvement|prohibition|community\s+protection|section\s+215|hazard\s+awareness|remedial)\s+notices?(?-u:\b)|(?-u:\b)(?:increase|increases|extend|extends|top\s+up|tops\s+up)\s+(?:[\w’'-]+\s+){0,3}?(?:care\s+package|package\s+of\s+care|care\s+hours|hours\s+of\s+(?:care|support)|support\s+hours|personal\s+budget|budget|direct\s+payments?|support|care|provision|respite)(?-u:\b)|(?-u:\b)(?:ensure|ensures|make\s+sure|makes\s+sure|arrange\s+for|arranges\s+for)\s+[^.;]{0,40}?(?:care\s+package|package\s+of\s+care|care|support|respite|provision|personal\s+budget|direct\s+payments?|hours)\s+(?:is|are|be|to\s+be|will\s+be)\s+(?:promptly\s+)?(?:increased|extended|reinstated|restored|put\s+in\s+place|arranged|provided|resumed)(?-u:\b)",
            r"(?i)(?-u:\b)(?:work|contact|move|moves|transfer|transfers|relocate|relocates|powers|notices?|increase|increases|extend|extends|top|tops|increased|extended|reinstated|restored|place|arranged|provided|resumed)(?-u:\b)",
            "corpus/regressions/care-contact-and-referrals.txt",
        ),
        // Checks, consultations, duties, priority, reports looked into,
        // referrals, a chance to appeal: "carry out spot checks at the care
        // home", "consult with the school named by Mrs X", "accept the main
        // housing duty", "award Mrs B the medical priority she should have
        // had", "investigate Mrs X's reports of noise nuisance", "open a new
        // noise nuisance case", "refer Mrs Y's case to the safeguarding team",
        // "give Mrs X the opportunity to appeal"
        // (corpus/regressions/care-contact-and-referrals.txt).
        rule(
            RemedyKind::AssessmentOrReview,
            r"(?i)(?-u:\b)(?:carry\s+out|carries\s+out|conduct|conducts|undertake|undertakes|make|makes|arrange|arranges)\s+(?:[\w’'-]+\s+){0,2}?(?:spot\s+checks?|unannounced\s+visits?|quality\s+(?:assurance\s+)?(?:visits?|checks?|reviews?)|monitoring\s+visits?)(?-u:\b)|(?-u:\b)(?:consult|consults)\s+(?:with\s+)?(?:the\s+|a\s+|any\s+|other\s+)?(?:[\w’'-]+\s+){0,2}?(?:schools?|settings?|colleges?)(?-u:\b)|(?-u:\b)(?:accept|accepts|acknowledge|acknowledges)\s+(?:that\s+it\s+owes\s+)?(?:the\s+|a\s+|its\s+)?(?:(?:main|full|relief|prevention|homelessness|housing|section\s+\d+)\s+)+duty(?-u:\b)|(?-u:\b)(?:award|awards|grant|grants|restore|restores|give|gives|backdate|backdates)\s+(?:[\w’'-]+\s+){0,4}?(?:medical|welfare|social|additional|higher|management|urgent|emergency|homelessness|overcrowding|housing)\s+(?:priority|points|need)(?-u:\b)|(?-u:\b)(?:investigate|investigates|look\s+into|looks\s+into)\s+(?:[\w’'-]+\s+){0,3}?(?:reports?|complaints?|concerns?|allegations?|nuisance|claims?|referrals?)(?-u:\b)|(?-u:\b)(?:open|opens|re-?open|re-?opens)\s+(?:a|an|the)\s+(?:new\s+|fresh\s+)?(?:[\w’'-]+\s+){0,2}?(?:case|file|investigation|enquiry)(?-u:\b)|(?-u:\b)(?:refer|refers)\s+[^.;]{0,40}?\sto\s+(?:the\s+|its\s+|a\s+|an\s+)?(?:[\w’'-]+\s+){0,2}?(?:safeguarding|social\s+care|social\s+services|MASH|occupational\s+therap\w+|multi-agency|LADO|designated\s+officer|Disclosure\s+and\s+Barring\s+Service|DBS|fraud|panel|enforcement\s+(?:team|officers?|section))(?-u:\b)|(?-u:\b)(?:make|makes)\s+a\s+(?:[\w’'-]+\s+)?referral(?-u:\b)|(?-u:\b)(?:opportunity|chance|right)\s+to\s+(?:appeal|request\s+a\s+review|ask\s+for\s+a\s+review|challenge)(?-u:\b)",
            r"(?i)(?-u:\b)(?:checks?|visits?|reviews?|consult|consults|duty|priority|points|need|investigate|investigates|look|looks|open|opens|re-?open|re-?opens|refer|refers|referral|appeal|challenge)(?-u:\b)",
            "corpus/regressions/care-contact-and-referrals.txt",
        ),
        // A person given the information they need: "ensure Mrs X receives a
        // copy of the assessment" (corpus/regressions/service-improvements-in-general.txt;
        // about people in general, "ensure foster carers receive clear
        // information about allowances" (excerpt 051), it is a service
        // improvement, see [`systemic_at`]).
        rule(
            RemedyKind::Information,
            r"(?i)(?-u:\b)(?:ensure|ensures|make\s+sure|makes\s+sure)\s+[^.;]{0,40}?(?-u:\b)(?:receives?|gets?|(?:is|are)\s+(?:given|sent|provided\s+with))\s+(?:[\w’'-]+\s+){0,2}?(?:information|advice|details|explanations?|updates?|letters?|cop(?:y|ies)|notice)(?-u:\b)",
            r"(?i)(?-u:\b)(?:information|advice|details|explanations?|updates?|letters?|cop(?:y|ies)|notice)(?-u:\b)",
            "corpus/regressions/service-improvements-in-general.txt",
        ),
        // A confirmation for the person: "provide written confirmation to
        // Mr N of the new charges" (corpus/regressions/remedies-already-given.txt;
        // "confirm in writing that the debt has been written off" is the
        // write-off's, corpus/regressions/more-remedy-phrasings.txt).
        rule(
            RemedyKind::Information,
            r"(?i)(?-u:\b)(?:provide|provides|send|sends|give|gives|issue|issues)\s+(?:(?:him|her|them|(?-i:(?:Mr|Mrs|Ms|Miss|Mx|Dr)\s+[A-Z]\w*))\s+(?:with\s+)?)?(?:a\s+)?(?:written|formal)\s+confirmation(?-u:\b)",
            r"(?i)(?-u:\b)confirmation(?-u:\b)",
            "corpus/regressions/remedies-already-given.txt",
        ),
        // A meeting arranged between others, advice pointed to: "arrange a
        // meeting between Mr X's family and the home manager", "signpost Mr X
        // to independent advice" (corpus/regressions/care-contact-and-referrals.txt);
        // an item that is a meeting, "a meeting with the family to agree a
        // plan" (corpus/regressions/items-that-take-the-leads-verb.txt).
        rule(
            RemedyKind::Information,
            r"(?i)(?-u:\b)(?:arrange|arranges|hold|holds|set\s+up|sets\s+up|organise|organises|offer|offers|facilitate|facilitates|convene|convenes)\s+(?:[\w’'-]+\s+){0,3}?meeting\s+between(?-u:\b)|(?-u:\b)(?:signpost|signposts)(?-u:\b)|^\s*(?:an?\s+|the\s+)?(?:[\w’'-]+\s+){0,2}?meeting\s+(?:with|between)\s[^.;]{0,60}?\s(?:to|so\s+that|about)\s+(?:discuss|agree|explain|go\s+through|talk|review|answer|consider|plan|resolve)(?-u:\b)",
            r"(?i)meeting|signpost",
            "corpus/regressions/care-contact-and-referrals.txt",
        ),
        // Practice brought into line, enough staff, a learning review: "bring
        // its practice into line with the statutory guidance", "ensure it has
        // enough staff to complete assessments on time", "recruit additional
        // social workers", "hold a learning review"
        // (corpus/regressions/care-contact-and-referrals.txt).
        rule(
            RemedyKind::ProcedureChange,
            r"(?i)(?-u:\b)(?:bring|brings)\s+(?:[\w’'-]+\s+){0,4}?into\s+line\s+with(?-u:\b)|(?-u:\b)(?:enough|sufficient|adequate)\s+(?:[\w’'-]+\s+)?(?:staff|staffing|resources?|capacity|officers|social\s+workers|caseworkers)(?-u:\b)|(?-u:\b)(?:recruit|recruits|employ|employs|appoint|appoints)\s+(?:additional|more|extra|further|new)\s+(?:staff|officers|social\s+workers|caseworkers|workers|assessors|occupational\s+therapists)(?-u:\b)|(?-u:\b)(?:learning|lessons?\s+(?:learned|learnt))\s+(?:review|exercise|event)s?(?-u:\b)",
            r"(?i)(?-u:\b)(?:line|enough|sufficient|adequate|recruit|recruits|employ|employs|appoint|appoints|learning|lessons?)(?-u:\b)",
            "corpus/regressions/care-contact-and-referrals.txt",
        ),
        // A service improvement said with "ensure" about people or things
        // in general: "ensure that its decision letters explain the right of
        // review", "ensure that EHC needs assessments are completed within 20
        // weeks", "take steps to ensure that safeguarding referrals are
        // acknowledged" (see [`systemic_at`];
        // corpus/regressions/service-improvements-in-general.txt).
        KindRule {
            kind: RemedyKind::ProcedureChange,
            pattern: re(r"(?i)(?-u:\b)(?:ensure|ensures|make\s+sure|makes\s+sure)\s"),
            shown_in: "corpus/regressions/service-improvements-in-general.txt",
            words: r"(?i)ensure|sure",
            systemic: true,
        },
        // Work reported to members, performance watched, recurrence
        // prevented: "produce a report for its scrutiny committee", "present
        // this decision to its Overview and Scrutiny Committee", "consider
        // this report at a meeting of its Cabinet", "monitor its performance
        // on annual reviews", "to prevent such delays"
        // (corpus/regressions/service-improvements-in-general.txt).
        rule(
            RemedyKind::ProcedureChange,
            r"(?i)(?-u:\b)(?:report|reports|present|presents|refer|refers|take|takes|bring|brings)\s+[^.;]{0,40}?\s(?:to|before)\s+(?:its|the|a)\s+(?:[\w’'-]+\s+){0,4}?(?:committee|cabinet|scrutiny\s+panel|councillors|elected\s+members)(?-u:\b)|(?-u:\b)report\s+(?:for|to)\s+(?:its|the)\s+(?:[\w’'-]+\s+){0,3}?(?:committee|cabinet)(?-u:\b)|(?-u:\b)(?:consider|considers)\s+(?:this|the|our|my)\s+(?:report|decision|findings)\s+at\s+(?:a\s+meeting\s+of\s+)?(?:its|the)\s+(?:[\w’'-]+\s+){0,3}?(?:committee|cabinet|council|board)(?-u:\b)|(?-u:\b)(?:monitor|monitors)\s+(?:its|their|the\s+council[’']s)\s+(?:[\w’'-]+\s+)?(?:performance|compliance|response\s+times|timeliness|progress)(?-u:\b)|(?-u:\b)(?:prevent|avoid)\s+(?:(?:this|these|it|them)\s+(?:from\s+(?:happening|recurring|occurring)|happening\s+again|recurring|occurring\s+again)|(?:such|similar|these|further|future|the\s+same)\s+(?:delays|errors|failures|faults|problems|mistakes|issues))(?-u:\b)",
            r"(?i)committee|cabinet|scrutiny|councillors|members|monitor|prevent|avoid",
            "corpus/regressions/service-improvements-in-general.txt",
        ),
        // Planning, highways and licensing decisions taken again: "carry out
        // a fresh consultation", "re-consult the neighbours", "carry out a
        // traffic survey", "a means test", "complete the section 42 enquiry",
        // "consider whether to revoke the planning permission", "treat Mrs X
        // as having made a valid application", "review the speed limit"
        // (corpus/regressions/planning-permits-and-surveys.txt).
        rule(
            RemedyKind::AssessmentOrReview,
            r"(?i)(?-u:\b)(?:carry\s+out|carries\s+out|conduct|conducts|undertake|undertakes|commission|commissions|hold|holds|complete|completes)\s+(?:a|an|the)\s+(?:[\w’'-]+\s+){0,3}?(?:survey|consultation|means\s+test|valuation|enquiry|investigation)(?-u:\b)|(?-u:\b)re-?consult(?:s|ed|ing|ation)?(?-u:\b)|(?-u:\b)(?:decide|decides|consider|considers|review|reviews|determine|determines)\s+(?:again\s+)?whether\s+(?:or\s+not\s+)?to\s+(?:revoke|modify|discontinue|vary|amend|rescind|extend|renew|approve|withdraw)(?-u:\b)|(?-u:\b)(?:treat|treats)\s+[^.;]{0,30}?\sas\s+(?:having\s+(?:made|applied|submitted)|homeless|eligible|in\s+priority\s+need|a\s+(?:looked\s+after|former\s+relevant|child\s+in\s+need))|(?-u:\b)(?:review|reviews|reconsider|reconsiders)\s+(?:the\s+|its\s+)?(?:[\w’'-]+\s+){0,2}?(?:speed\s+limit|traffic\s+(?:regulation\s+)?order|parking\s+restrictions|waiting\s+restrictions|road\s+markings|crossing)(?-u:\b)",
            r"(?i)(?-u:\b)(?:survey|consultation|test|valuation|enquiry|investigation|re-?consult(?:s|ed|ing|ation)?|whether|treat|treats|limit|order|restrictions|markings|crossing)(?-u:\b)",
            "corpus/regressions/planning-permits-and-surveys.txt",
        ),
        // A way, a badge or a permit given back: "reinstate the public
        // footpath", "issue Mr X a blue badge", "restore Mr X's parking
        // permit" (corpus/regressions/planning-permits-and-surveys.txt).
        rule(
            RemedyKind::ProvideService,
            r"(?i)(?-u:\b)(?:reinstate|reinstates|restore|restores|reopen|reopens|re-open|re-opens)\s+(?:the\s+|its\s+)?(?:[\w’'-]+\s+){0,2}?(?:footpath|path|right\s+of\s+way|bridleway|bus\s+stop|crossing|access|road|lane|parking\s+bay|play\s+area)(?-u:\b)|(?-u:\b)(?:issue|issues|provide|provides|give|gives|restore|restores|reinstate|reinstates|renew|renews|grant|grants|award|awards)\s+(?:[\w’'-]+\s+){0,4}?(?:blue\s+badge|(?:parking|resident[’']?s?|visitor)\s+permits?|bus\s+pass|travel\s+pass|concessionary\s+(?:travel\s+)?pass|disabled\s+parking\s+bay)(?-u:\b)",
            r"(?i)(?-u:\b)(?:footpath|path|way|bridleway|stop|crossing|access|road|lane|bay|area|badge|permits?|pass)(?-u:\b)",
            "corpus/regressions/planning-permits-and-surveys.txt",
        ),
        // A notice put right: "amend the decision notice to include the
        // missing condition" (corpus/regressions/planning-permits-and-surveys.txt).
        rule(
            RemedyKind::RecordsCorrection,
            r"(?i)(?-u:\b)(?:correct|corrects|amend|amends|update|updates|re-?issue|re-?issues)\s+(?:the\s+|its\s+|a\s+)?(?:[\w’'-]+\s+){0,2}?(?:notice|certificate|register\s+entry)(?-u:\b)",
            r"(?i)(?-u:\b)(?:notice|certificate|entry)(?-u:\b)",
            "corpus/regressions/planning-permits-and-surveys.txt",
        ),
        // What the organisation will do about the causes: "identify the
        // causes of the delays and what it will do to prevent them"
        // (corpus/regressions/remedies-already-given.txt).
        rule(
            RemedyKind::ProcedureChange,
            r"(?i)(?-u:\b)what\s+(?:it|they|the\s+council)\s+(?:will|can|could|should|needs?\s+to|intends?\s+to)\s+do\s+(?:differently|to\s+(?:prevent|avoid|reduce|improve|stop))(?-u:\b)",
            r"(?i)(?-u:\b)what(?-u:\b)",
            "corpus/regressions/remedies-already-given.txt",
        ),
        // Care providers and cases checked: "monitor the care provider's
        // compliance for six months", "check that the care provider has
        // made the changes", "audit a sample of cases"
        // (corpus/regressions/remedies-already-given.txt).
        rule(
            RemedyKind::ProcedureChange,
            r"(?i)(?-u:\b)(?:monitor|monitors|audit|audits|oversee|oversees)\s+(?:the\s+|its\s+|their\s+|all\s+)?(?:[\w’'-]+\s+){0,3}?(?:providers?|contractors?|agenc(?:y|ies)|agents?|suppliers?)(?-u:\b)|(?-u:\b)(?:check|checks|confirm|confirms|satisfy\s+itself|satisfies\s+itself)\s+(?:that\s+)?(?:the\s+|its\s+)?(?:[\w’'-]+\s+){0,2}?(?:providers?|contractors?|agenc(?:y|ies)|agents?|suppliers?)\s+(?:has|have)\s+(?:now\s+)?(?:made|put\s+in\s+place|implemented|introduced|completed|carried\s+out|taken|changed|updated|improved|reviewed)(?-u:\b)|(?-u:\b)(?:audit|audits|dip[\s-]?samples?|review|reviews)\s+(?:a\s+)?(?:random\s+)?(?:sample|selection)\s+of(?-u:\b)",
            r"(?i)(?-u:\b)(?:monitor|monitors|audit|audits|oversee|oversees|check|checks|confirm|confirms|satisfy|satisfies|sample|samples|selection)(?-u:\b)",
            "corpus/regressions/remedies-already-given.txt",
        ),
        // Bills sent again, as a revised bill is a record put right: "reissue
        // the council tax bill", "rebill Mr N for the correct amount",
        // "re-send the bills" (corpus/regressions/remedies-already-given.txt).
        rule(
            RemedyKind::RecordsCorrection,
            r"(?i)(?-u:\b)(?:re-?issue|re-?issues|re-?send|re-?sends|resend|resends)\s+(?:[\w’'-]+\s+){0,4}?(?:bills?|invoices?|demand\s+notices?|demands|statements?)(?-u:\b)|(?-u:\b)re-?bill(?:s|ed|ing)?(?-u:\b)",
            r"(?i)(?-u:\b)(?:bills?|invoices?|demands?|statements?|re-?bill(?:s|ed|ing)?)(?-u:\b)",
            "corpus/regressions/remedies-already-given.txt",
        ),
        // Recovery held: "put the account on hold"
        // (corpus/regressions/remedies-already-given.txt).
        rule(
            RemedyKind::Financial,
            r"(?i)(?-u:\b)(?:put|puts|place|places|keep|keeps)\s+(?:[\w’'-]+\s+){0,4}?(?:account|debt|recovery|arrears|charges?|invoices?|bills?)\s+on\s+hold(?-u:\b)",
            r"(?i)(?-u:\b)hold(?-u:\b)",
            "corpus/regressions/remedies-already-given.txt",
        ),
        // Checks on the person, a complaint taken further, housing bands,
        // advice sought: "carry out a welfare visit", "consider Mr N's
        // complaint at stage 3 of the statutory procedure", "award Ms X band
        // A", "seek legal advice on whether it can recover the charge"
        // (corpus/regressions/remedies-already-given.txt).
        rule(
            RemedyKind::AssessmentOrReview,
            r"(?i)(?-u:\b)(?:welfare|wellbeing|well-being|safe\s+and\s+well)\s+(?:visits?|checks?|calls?)(?-u:\b)|(?-u:\b)complaints?\s+(?:at|to|through|under|via)\s+(?:stage\s+(?:2|3|two|three)|the\s+(?:second|third|next|final)\s+stage)(?-u:\b)|(?-u:\b)(?:award|awards|give|gives|grant|grants|place|places|put|puts|backdate|backdates|move|moves|increase|increases|raise|raises)\s+(?:[\w’'-]+\s+){0,5}?(?:in\s+|into\s+|to\s+|with\s+)?band\s+(?:[A-E]|[1-5]|one|two|three|four|five)(?-u:\b)|(?-u:\b)(?:seek|seeks|obtain|obtains|take|takes|get|gets)\s+(?:independent\s+|further\s+|its\s+own\s+|formal\s+)?legal\s+advice(?-u:\b)",
            r"(?i)(?-u:\b)(?:welfare|wellbeing|well-being|safe|stage|band|legal)(?-u:\b)",
            "corpus/regressions/remedies-already-given.txt",
        ),
        // Someone or somewhere found: "find a new care provider for Mr N",
        // "identify a suitable school place for Y", "source an alternative
        // placement" (corpus/regressions/remedies-already-given.txt).
        rule(
            RemedyKind::ProvideService,
            r"(?i)(?-u:\b)(?:find|finds|identify|identifies|source|sources|locate|locates)\s+(?:a|an|another|alternative|suitable|new|appropriate)\s+(?:[\w’'-]+\s+){0,2}?(?:providers?|carers?|care\s+homes?|homes?|placements?|schools?|school\s+places?|accommodation|property|properties|agenc(?:y|ies)|personal\s+assistants?|tutors?|therapists?|foster\s+carers?|respite)(?-u:\b)",
            r"(?i)(?-u:\b)(?:find|finds|identify|identifies|source|sources|locate|locates)(?-u:\b)",
            "corpus/regressions/remedies-already-given.txt",
        ),
        // Plans of the person written or put right, suitability reviewed,
        // enforcement held: "amend section F of Y's EHC plan", "issue an
        // amended EHC plan", "provide Mr N with a personalised housing plan",
        // "review the suitability of Mr N's temporary accommodation"
        // (corpus/regressions/plans-suitability-and-meetings.txt).
        rule(
            RemedyKind::AssessmentOrReview,
            r"(?i)(?-u:\b)(?:amend|amends|update|updates|revise|revises|finalise|finalises|finalize|finalizes|issue|issues|provide|provides|prepare|prepares|draw\s+up|draws\s+up|agree|agrees)\s+(?:[\w’'-]+\s+){0,5}?(?:EHC|EHCP|education,?\s+health\s+and\s+care|personalised\s+housing|personal\s+housing|pathway|personal\s+education|transition|child\s+in\s+need)\s+plans?(?-u:\b)|(?-u:\b)(?:review|reviews|reconsider|reconsiders|assess|assesses|re-?assess)\s+(?:the\s+)?suitability\s+of(?-u:\b)",
            r"(?i)(?-u:\b)(?:plan|plans|suitability)(?-u:\b)",
            "corpus/regressions/plans-suitability-and-meetings.txt",
        ),
        // Enforcement for a debt held: "stop enforcement action while it
        // reviews the account" (corpus/regressions/plans-suitability-and-meetings.txt).
        rule(
            RemedyKind::Financial,
            r"(?i)(?-u:\b)(?:stop|stops|suspend|suspends|halt|halts|pause|pauses|put\s+on\s+hold|puts\s+on\s+hold)\s+(?:all\s+|any\s+|further\s+|the\s+|its\s+)?(?:enforcement|recovery|collection)\s+(?:action|activity|proceedings)(?-u:\b)",
            r"(?i)(?-u:\b)(?:enforcement|recovery|collection)(?-u:\b)",
            "corpus/regressions/plans-suitability-and-meetings.txt",
        ),
        // Nuisances and defects dealt with, places put on a schedule: "take
        // action to resolve the noise nuisance", "add the road to its
        // inspection schedule" (corpus/regressions/remedies-already-given.txt);
        // "put in place measures to mitigate the likelihood and impact of
        // flooding" (excerpt 070).
        rule(
            RemedyKind::ProvideService,
            r"(?i)(?-u:\b)(?:take|takes)\s+(?:[\w’'-]+\s+){0,2}?(?:action|steps)\s+to\s+(?:resolve|address|stop|abate|tackle|deal\s+with|remove|clear|fix|repair|end)\s+(?:the\s+|this\s+|these\s+|her\s+|his\s+|their\s+|any\s+)?(?:[\w’'-]+\s+){0,2}?(?:nuisance|noise|problems?|disrepair|hazards?|defects?|damp|mould|leaks?|flooding|obstructions?|breach(?:es)?|overgrowth|rubbish|waste|fly-?tipping|odours?|smells?|pests?|infestation|encroachment)(?-u:\b)|(?-u:\b)(?:add|adds|include|includes|put|puts|place|places)\s+[^.;]{0,40}?\s(?:to|on|in)\s+(?:its|the|their)\s+(?:[\w’'-]+\s+){0,2}?(?:inspection|maintenance|repairs?|works|cleaning|gritting|cutting|resurfacing|sweeping|collection)\s+(?:schedules?|programmes?|programs?|rotas?|rounds?|lists?|regimes?)(?-u:\b)|(?-u:\b)(?:measures|works|steps|action)\s+to\s+(?:mitigate|reduce|prevent|stop|address|alleviate|manage|tackle|limit)\s+(?:the\s+)?(?:[\w’'-]+\s+){0,4}?(?:flood\w*|drainage|surface\s+water|water\s+run-?off|run-?off|damp|mould|noise|odours?|smells?|subsidence|leaks?)(?-u:\b)",
            r"(?i)(?-u:\b)(?:action|steps|inspection|maintenance|repairs?|works|cleaning|gritting|cutting|resurfacing|sweeping|collection|measures)(?-u:\b)",
            "corpus/regressions/remedies-already-given.txt",
        ),
        // Help with an application, things issued, a case allocated: "help
        // Mr X to complete his application", "support Mrs X to apply for a
        // blue badge", "issue Mrs X with a new parking permit", "ensure Mr
        // X's case is allocated to an officer"
        // (corpus/regressions/help-notices-and-expedited-cases.txt).
        rule(
            RemedyKind::ProvideService,
            r"(?i)(?-u:\b)(?:help|helps|support|supports|assist|assists)\s+(?:him|her|them|(?-i:(?:Mr|Mrs|Ms|Miss|Mx|Dr)\s+[A-Z]\w*))\s+(?:to\s+(?:apply|complete|make|find|claim|submit|access|move|get|obtain|arrange)|with\s+(?:a|an|the|her|his|their|any)\s+(?:[\w’'-]+\s+){0,2}?(?:applications?|claims?|forms?|move|appeal|search|bid|bidding))(?-u:\b)|(?-u:\b)(?:issue|issues|re-?issue|re-?issues|renew|renews|replace|replaces)\s+(?:(?:him|her|them|(?-i:(?:Mr|Mrs|Ms|Miss|Mx|Dr)\s+[A-Z]\w*))\s+(?:with\s+)?)?(?:a|an|the|her|his|their)\s+(?:[\w’'-]+\s+){0,2}?(?:permits?|badges?|bus\s+pass|passes|pass|licen[cs]es?|cards?)(?-u:\b)|(?-u:\b)(?:case|file|referral|application)\s+(?:is|are|will\s+be|be|has\s+been)\s+(?:re-?)?(?:allocated|assigned)(?-u:\b)",
            r"(?i)help|support|assist|issue|renew|replace|allocated|assigned",
            "corpus/regressions/help-notices-and-expedited-cases.txt",
        ),
        // Telling the person when something happens: "notify Mr X when the
        // works are complete", "let Mrs X know the outcome", "advise Ms X of
        // her right of appeal"
        // (corpus/regressions/help-notices-and-expedited-cases.txt).
        rule(
            RemedyKind::Information,
            r"(?i)(?-u:\b)(?:notify|notifies|let|lets|advise|advises|update|updates)\s+(?:him|her|them|(?-i:(?:Mr|Mrs|Ms|Miss|Mx|Dr)\s+[A-Z]\w*))\s+(?:know|when|of|about|on|in\s+writing|that|once|as\s+soon)(?-u:\b)",
            r"(?i)notif|let|advise|update",
            "corpus/regressions/help-notices-and-expedited-cases.txt",
        ),
        // The person's own plan drawn up: "draw up a plan setting out how it
        // will meet Y's needs"
        // (corpus/regressions/help-notices-and-expedited-cases.txt).
        rule(
            RemedyKind::AssessmentOrReview,
            r"(?i)(?-u:\b)(?:draw\s+up|draws\s+up|prepare|prepares|produce|produces|agree|agrees|write|writes|put\s+in\s+place|puts\s+in\s+place)\s+(?:a|an)\s+(?:[\w’'-]+\s+)?plan\s+[^.;]{0,40}?(?-u:\b)meet\s+(?:[\w’'-]+\s+){0,2}?needs(?-u:\b)",
            r"(?i)needs",
            "corpus/regressions/help-notices-and-expedited-cases.txt",
        ),
        // The person's budget or plan agreed with them: "agree a personal
        // budget with Mrs X", "consult Mrs X on the revised care plan",
        // "contact the care home to agree a plan for Mr X's discharge"
        // (corpus/regressions/budgets-visits-and-benefit-arrears.txt).
        rule(
            RemedyKind::AssessmentOrReview,
            r"(?i)(?-u:\b)(?:agree|agrees|set|sets|confirm|confirms)\s+(?:a|an|the|her|his|their|(?-i:(?:Mr|Mrs|Ms|Miss|Mx|Dr)\s+[A-Z]\w*)['’]s)\s+(?:new\s+|revised\s+)?personal\s+budget(?-u:\b)|(?-u:\b)(?:consult|consults)\s+(?:with\s+)?(?:him|her|them|(?-i:(?:Mr|Mrs|Ms|Miss|Mx|Dr)\s+[A-Z]\w*))\s+(?:on|about|over)\s+(?:the|her|his|their|a|any|its)\s+(?:[\w’'-]+\s+){0,3}?plan(?-u:\b)|(?-u:\b)to\s+agree\s+(?:a|an|the)\s+(?:[\w’'-]+\s+)?plan\s+for\s+(?:(?-i:(?:Mr|Mrs|Ms|Miss|Mx|Dr)\s+[A-Z]\w*)['’]s|her|his|their)(?-u:\b)",
            r"(?i)budget|consult|agree",
            "corpus/regressions/budgets-visits-and-benefit-arrears.txt",
        ),
        // A decision about what is best for a person who cannot make it, and
        // a professional sent to see them: "make a best interests decision
        // about where Mr Y should live", "apply to the Court of Protection",
        // "arrange for a social worker to visit Mrs X"
        // (corpus/regressions/budgets-visits-and-benefit-arrears.txt).
        rule(
            RemedyKind::AssessmentOrReview,
            r"(?i)(?-u:\b)(?:make|makes|take|takes|reach|reaches|hold|holds|arrange|arranges|convene|convenes|carry\s+out|carries\s+out|complete|completes)\s+(?:a|an|the)\s+(?:(?:new|fresh|proper|formal|further)\s+)?best\s+interests?\s+(?:decision|assessment|meeting)s?(?-u:\b)|(?-u:\b)(?:apply|applies|(?:make|makes)\s+an\s+application|(?:refer|refers)\s+(?:the\s+matter|the\s+case|it))\s+to\s+the\s+Court\s+of\s+Protection(?-u:\b)|(?-u:\b)(?:arrange\s+for|arranges\s+for|ask|asks|send|sends)\s+(?:a|an|the|its|another)\s+(?:[\w’'-]+\s+){0,2}?(?:social\s+worker|occupational\s+therapist|OT|assessor|surveyor|officer|nurse|health\s+visitor|practitioner|inspector|reviewer|psychologist|therapist)s?\s+to\s+(?:visit|see)(?-u:\b)",
            r"(?i)best|court|visit|(?-u:\b)see(?-u:\b)",
            "corpus/regressions/budgets-visits-and-benefit-arrears.txt",
        ),
        // An officer put in charge of the person's case: "appoint a senior
        // officer to oversee Ms X's case"
        // (corpus/regressions/budgets-visits-and-benefit-arrears.txt).
        rule(
            RemedyKind::ProvideService,
            r"(?i)(?-u:\b)(?:appoint|appoints|assign|assigns|allocate|allocates|name|names|nominate|nominates)\s+(?:a|an)\s+(?:[\w’'-]+\s+){0,2}?(?:officer|manager|worker|caseworker|case\s+worker|coordinator|co-ordinator)\s+to\s+(?:oversee|manage|coordinate|co-ordinate|handle|take\s+charge\s+of|lead\s+on|monitor)\s+(?:the|her|his|their|(?-i:(?:Mr|Mrs|Ms|Miss|Mx|Dr)\s+[A-Z]\w*)['’]s)\s+(?:[\w’'-]+\s+){0,2}?(?:case|care|support|application|plan|repairs?|complaint|move|placement)(?-u:\b)",
            r"(?i)oversee|manage|coordinat|co-ordinat|handle|charge|lead|monitor",
            "corpus/regressions/budgets-visits-and-benefit-arrears.txt",
        ),
        // A vague remedy, kept as `other` with its text when no other kind
        // is in the sentence: "provide a proportionate remedy", "take action
        // to remedy the injustice"
        // (corpus/regressions/vague-remedy-kept-as-other.txt).
        rule(
            RemedyKind::Other,
            r"(?i)(?-u:\b)(?:provide|provides|providing|offer|offers|offering|make|makes|making|agree|agrees|propose|proposes|consider|considers|find|finds)\s+(?:a|an|some|any)\s+(?:[\w-]+\s+){0,2}?remedy(?-u:\b)|(?-u:\b)takes?\s+(?:\w+\s+){0,2}?action\s+to\s+(?:remedy|address|put\s+right|resolve)(?-u:\b)",
            r"(?i)remedy|action",
            "corpus/regressions/vague-remedy-kept-as-other.txt",
        ),
    ]
});

/// "provide us with …" is a report to the Ombudsman, not a service to the
/// complainant (seed 000: "provide us with an action plan").
static PROVIDE_US: LazyLock<Regex> =
    LazyLock::new(|| re(r"(?i)(?-u:\b)(?:provide|provides|send|sends|give|gives)\s+(?:us|the\s+ombudsman)(?-u:\b)"));

/// Where one clause of a remedy sentence ends and the next begins: `;`,
/// `:`, "but", "however", ", and", ", or", and "and" before the verb of
/// the next action ("apologise and pay", "review its policy and remind
/// staff"). Kinds are read per clause, so a verb in one clause and a noun
/// in another do not make a kind (corpus/regressions/several-kinds-per-sentence.txt).
static CLAUSE_BREAK: LazyLock<Regex> = LazyLock::new(|| {
    re(
        r"(?i)[;:]|,?\s+but(?-u:\b)|(?-u:\b)however(?-u:\b)|,\s+(?:and|or)\s|\s+and\s+(?:will\s+|should\s+|to\s+|also\s+|then\s+)?(?:apologi[sz]es?|pays?|reviews?|reminds?|trains?|reassess(?:es)?|assess(?:es)?|corrects?|amends?|provides?|arranges?|explains?|ensures?|shares?|makes?|issues?|refunds?|reimburses?|offers?|writes?|updates?|considers?|decides?|reconsiders?)(?-u:\b)",
    )
});

/// The clauses of a sentence, as byte ranges (see [`CLAUSE_BREAK`]).
fn clauses(unit: &str) -> Vec<(usize, usize)> {
    let mut out = Vec::new();
    let mut start = 0;
    for m in CLAUSE_BREAK.find_iter(unit) {
        if m.start() > start {
            out.push((start, m.start()));
        }
        start = m.start();
    }
    if start < unit.len() {
        out.push((start, unit.len()));
    }
    out
}

/// The corpus or regression file that shows each row of the kind table, with
/// the row's kind, in table order.
pub fn kind_rows() -> Vec<(RemedyKind, &'static str)> {
    KIND_RULES.iter().map(|r| (r.kind, r.shown_in)).collect()
}

/// The remedy kinds one action sentence or list item holds, in `RemedyKind`
/// order; empty when none is recognised (the caller decides whether the
/// sentence is an `other` action). Kinds are read per clause, and a clause
/// that says no remedy is due ([`is_negative`]) gives none; a vague remedy
/// gives `other` only when nothing else is recognised.
pub fn kinds(unit: &str) -> Vec<RemedyKind> {
    let candidates = KIND_WORDS.matches(unit);
    if !candidates.matched_any() {
        return Vec::new();
    }
    let provide_us = PROVIDE_US.is_match(unit) && !has_service_for_person(unit);
    // Each row's pattern is searched over the whole sentence; a match counts
    // when it lies inside one clause that does not say no remedy is due.
    // Each clause: its range, whether it says no remedy is due, and where a
    // service improvement opens in it (read only in a clause with "ensure"
    // or "make sure").
    let clauses: Vec<(usize, usize, bool, Option<usize>)> = clauses(unit)
        .into_iter()
        .map(|(s, e)| {
            let clause = &unit[s..e];
            let systemic = if candidates::may_contain_ci(clause, &["ensure", "sure"]) {
                systemic_at(clause)
            } else {
                None
            };
            (s, e, is_negative(clause), systemic)
        })
        .collect();
    let clause_of = |at: usize| clauses.iter().position(|&(s, e, _, _)| s <= at && at < e);
    let mut found: Vec<RemedyKind> = Vec::new();
    for (i, r) in KIND_RULES.iter().enumerate() {
        if !candidates.matched(i) || found.contains(&r.kind) {
            continue;
        }
        if r.kind == RemedyKind::ProvideService && provide_us {
            continue;
        }
        // `c`: the clause the match starts in.
        let accept = |m: regex::Match, c: Option<usize>| {
            // "consider her complaint at stage 2 of its procedure" takes the
            // complaint further; it changes no procedure
            // (corpus/regressions/wider-remedy-verbs.txt).
            if r.kind == RemedyKind::ProcedureChange && candidates::contains_ci(m.as_str().as_bytes(), b"stage") {
                return false;
            }
            let Some(c) = c else { return false };
            let (cs, ce, negative, systemic) = clauses[c];
            if negative || m.end() > ce {
                return false;
            }
            // A service improvement, unless the clause is about teaching
            // ("ensure that all officers understand …" is training).
            if r.systemic
                && (systemic.is_none()
                    || TEACHING
                        .iter()
                        .chain(KNOWING)
                        .any(|w| candidates::contains_ci(&unit.as_bytes()[cs..ce], w)))
            {
                return false;
            }
            // "apologised for the missed opportunities to assess and provide
            // support for B's needs" (seed 004): the fault, not an action,
            // even in the clause "and provide" opens.
            let near = &unit.as_bytes()[floor_boundary(unit, m.start().saturating_sub(60))..m.start()];
            if !matches!(r.kind, RemedyKind::Apology | RemedyKind::Financial)
                && MISSED.iter().any(|w| candidates::contains_ci(near, w))
                && !near.iter().any(|b| matches!(b, b'.' | b';' | b':'))
            {
                return false;
            }
            // "pay Mr N £250 for the uncertainty about whether a proper
            // assessment would have changed the outcome": what a payment is
            // for is no action of its own
            // (corpus/regressions/money-not-recovered-and-decisions-retaken.txt).
            if r.kind != RemedyKind::Financial && in_payment_reason(&unit[cs..m.start()]) {
                return false;
            }
            let before = &unit[floor_boundary(unit, m.start().saturating_sub(20)).max(cs)..m.start()];
            // "the support it provides" describes; it is no action.
            let describes = r.kind == RemedyKind::ProvideService && ends_with_word(before, DESCRIBING_SUBJECTS);
            // "send Mr L a letter of apology" is an apology, not information;
            // "tell us what it has changed" reports to the Ombudsman
            // (corpus/regressions/passives-and-reports.txt).
            if r.kind == RemedyKind::Information
                && (unit[m.end()..].trim_start().starts_with("of apology") || addresses_ombudsman(&unit[m.end()..]))
            {
                return false;
            }
            // "arrange training for its duty team on the Care Act": what the
            // training is about, and a law's name, are no service; "ensure the
            // outstanding assessment is completed" is an assessment
            // (corpus/regressions/passives-and-reports.txt).
            if r.kind == RemedyKind::ProvideService
                && (candidates::contains_ci(m.as_str().as_bytes(), b"train")
                    || candidates::contains_ci(m.as_str().as_bytes(), b"briefing")
                    || completes_an_assessment(m.as_str())
                    || arranges_an_assessment(m.as_str()))
            {
                return false;
            }
            if names_a_law(unit, m.end()) {
                return false;
            }
            if wrong_sense(
                r.kind,
                m.as_str(),
                &unit[cs..m.start()],
                &unit[cs..ce],
                &unit[m.end()..ce],
                systemic,
            ) {
                return false;
            }
            // "remind staff of the need to explain charges in writing": what
            // staff are reminded of or trained in is no action of its own.
            let taught = r.kind != RemedyKind::TrainingOrGuidance
                && ends_with_word(before, TAUGHT)
                && TEACHING
                    .iter()
                    .any(|w| candidates::contains_ci(&unit.as_bytes()[cs..m.start()], w));
            !ends_with_word(before, NEGATIONS) && !ends_with_word(before, FAILINGS) && !describes && !taught
        };
        // Like `find_iter`, except that a match running past the end of its
        // clause is looked for again from that end: in "remove the charge,
        // refund the £60 and amend its records" the records row's first
        // match runs from "remove" to "records", across two clauses, and
        // would hide "amend its records" (corpus/regressions/clauses-and-awards.txt).
        let mut hit = false;
        let mut at = 0;
        while let Some(m) = r.pattern.find_at(unit, at) {
            let c = clause_of(m.start());
            if accept(m, c) {
                hit = true;
                break;
            }
            let crosses = c.map(|c| clauses[c].1).filter(|&ce| m.end() > ce);
            at = match crosses {
                Some(ce) => ce,
                None if m.end() > m.start() => m.end(),
                None => ceil_boundary(unit, m.end() + 1),
            };
            if at > unit.len() {
                break;
            }
        }
        if hit {
            found.push(r.kind);
        }
    }
    if found.len() > 1 {
        found.retain(|k| *k != RemedyKind::Other);
    }
    found.sort();
    found
}

/// Matches that read as a kind but mean something else in their clause
/// (corpus/regressions/enforcement-discounts-and-works.txt):
/// - enforcement weighed first, "decide whether to take enforcement
///   action", "consider what notice to serve", is an assessment, not the
///   action itself;
/// - "restore Mr X's council tax support" restores money, not a service;
///   "a copy of the care plan" names a plan, not care;
/// - "£200 to acknowledge the failings" is a payment's purpose, not an
///   apology;
/// - "award Mrs B the medical priority she should have had" awards no money
///   (corpus/regressions/care-contact-and-referrals.txt);
/// - "review the process the Council used for applications" names a
///   process; "process her claim" decides one;
/// - "arrange a carer's assessment" arranges no carer
///   (corpus/regressions/planning-permits-and-surveys.txt);
/// - in a service improvement ("ensure that EHC needs assessments are
///   completed …", see [`systemic_at`]) an assessment, information or
///   service for the complainant is not read;
/// - "review its procedures for assessments" reviews a procedure, not
///   assessments.
///
/// `before` and `after` are the clause's text before and after `hit`;
/// `systemic` is where [`systemic_at`] found a service improvement in the
/// clause.
fn wrong_sense(kind: RemedyKind, hit: &str, before: &str, clause: &str, after: &str, systemic: Option<usize>) -> bool {
    let has = |text: &str, w: &[u8]| candidates::contains_ci(text.as_bytes(), w);
    // "ensure that EHC needs assessments are completed within 20 weeks" is a
    // service improvement, not an assessment for this complainant.
    if matches!(
        kind,
        RemedyKind::AssessmentOrReview | RemedyKind::Information | RemedyKind::ProvideService
    ) && systemic.is_some_and(|at| before.len() >= at)
    {
        return true;
    }
    match kind {
        // "arrange a carer's assessment": the service word names the
        // person an assessment is for (corpus/regressions/planning-permits-and-surveys.txt).
        RemedyKind::ProvideService if after.starts_with("'s ") || after.starts_with("’s ") => true,
        RemedyKind::ProvideService => {
            let enforces = has(hit, b"enforcement") || has(hit, b"notice") || has(hit, b"compl");
            (enforces
                && ["whether", "what", "consider", "decide", " if "]
                    .iter()
                    .any(|w| has(before, w.as_bytes())))
                || ["tax support", "income support"].iter().any(|w| {
                    hit.len() >= w.len() && hit.as_bytes()[hit.len() - w.len()..].eq_ignore_ascii_case(w.as_bytes())
                })
                || names_a_plan(after)
        }
        RemedyKind::Apology => has(hit, b"acknowledg") && (clause.contains('£') || has(clause, b"pay")),
        RemedyKind::Financial => {
            hit.as_bytes()
                .get(..5)
                .is_some_and(|w| w.eq_ignore_ascii_case(b"award"))
                && !clause.contains('£')
                && ["priority", "points", "band"].iter().any(|w| has(clause, w.as_bytes()))
        }
        RemedyKind::AssessmentOrReview => {
            (hit.as_bytes()
                .get(..7)
                .is_some_and(|w| w.eq_ignore_ascii_case(b"process"))
                && ends_with_word(before, ARTICLES))
                // "review its procedures for assessments" reviews a procedure.
                || (hit.as_bytes().get(..6).is_some_and(|w| w.eq_ignore_ascii_case(b"review"))
                    && RULES_OF_WORK.iter().any(|w| has(hit, w)))
                // "update Mrs X on the progress of her application" names
                // the progress, not a case progressed.
                || hit.as_bytes().get(..12).is_some_and(|w| w.eq_ignore_ascii_case(b"progress of "))
                // "hold a learning review" learns for the service
                // (procedure_change).
                || has(hit, b"learning")
                // "review how it calculates charges" reviews a way of working
                // (procedure_change); "arrange a review of its procedures"
                // too (corpus/regressions/money-not-recovered-and-decisions-retaken.txt).
                || (hit.as_bytes().get(..7).is_some_and(|w| w.eq_ignore_ascii_case(b"review "))
                    && ["how ", "the way "]
                        .iter()
                        .any(|w| hit.as_bytes()[7..].get(..w.len()).is_some_and(|h| h.eq_ignore_ascii_case(w.as_bytes()))))
                || (hit.len() >= 6
                    && hit.as_bytes()[hit.len() - 6..].eq_ignore_ascii_case(b"review")
                    && after.trim_start().starts_with("of ")
                    && RULES_OF_WORK
                        .iter()
                        .any(|w| has(&after[..floor_boundary(after, 40)], w)))
        }
        _ => false,
    }
}

/// A sum and the injustice it is paid for: "£250 for the uncertainty",
/// "£500 in recognition of the missed support", "£300 to recognise".
static PAYMENT_REASON: LazyLock<Regex> = LazyLock::new(|| {
    re(
        r"(?i)£\d[\d,.]*(?:\s+[\w’'-]+){0,3}?\s+(?:to\s+(?:recogni[sz]e|acknowledge|reflect|remedy|compensate)|in\s+recognition\s+of|as\s+(?:a\s+remedy|redress)\s+for|for\s+(?:the\s+|her\s+|his\s+|their\s+|its\s+|any\s+|a\s+)?(?:[\w’'-]+\s+){0,2}?(?:distress|uncertainty|frustration|time|trouble|lost|loss|missed|injustice|inconvenience|anxiety|upset|worry|harm|impact|avoidable|delays?|failures?|failings?|faults?|opportunit(?:y|ies)|confusion|stress|disappointment|difficult(?:y|ies)))(?-u:\b)",
    )
});

/// Where a payment's reason gives way to the next remedy of a list: ", a
/// review of its records", ", and".
static REASON_BREAK: LazyLock<Regex> = LazyLock::new(|| re(r"(?i),\s+(?:and\s|an?\s|the\s|its\s)"));

/// Whether the clause text before a kind's match ends inside the reason of
/// a payment ("£250 for the uncertainty about whether a proper …"), not
/// after it ("£300 for her distress, a review of its records",
/// corpus/regressions/remedy-nouns-in-a-list.txt).
fn in_payment_reason(before: &str) -> bool {
    before.contains('£')
        && PAYMENT_REASON
            .find_iter(before)
            .last()
            .is_some_and(|m| !REASON_BREAK.is_match(&before[m.end()..]))
}

/// Whether the words after a service word make it a plan's name: "provide
/// a copy of the care plan", "a new care and support plan" are no care
/// (corpus/regressions/items-that-take-the-leads-verb.txt); nor is "arrange
/// a new care assessment" or "a support needs review"
/// (corpus/regressions/remedies-already-given.txt).
fn names_a_plan(after: &str) -> bool {
    let rest = after.trim_start();
    let rest = rest.strip_prefix("and support ").unwrap_or(rest);
    let rest = rest.strip_prefix("needs ").unwrap_or(rest);
    ["plan", "assessment", "review"]
        .iter()
        .any(|w| rest.get(..w.len()).is_some_and(|x| x.eq_ignore_ascii_case(w)))
}

/// Where "ensure" opens a service improvement in `clause`: its subject (or,
/// after "it", its object) is people or things in general ("its decision
/// letters", "officers", "EHC needs assessments", "it responds to stage 2
/// complaints", "every applicant"), and no person of this complaint is named
/// in the clause ("Mr X", "her", "Y's"). "ensure the repairs are completed"
/// (these repairs) and "ensure Mr X's care plan is reviewed" are no
/// improvement (corpus/regressions/service-improvements-in-general.txt).
fn systemic_at(clause: &str) -> Option<usize> {
    static ENSURE: LazyLock<Regex> =
        LazyLock::new(|| re(r"(?i)(?-u:\b)(?:ensure|ensures|make\s+sure|makes\s+sure)\s+(?:that\s+)?"));
    static PERSONAL: LazyLock<Regex> = LazyLock::new(|| {
        re(
            r"(?-u:\b)(?:Mr|Mrs|Ms|Miss|Mx|Dr)\s+[A-Z]|(?i:(?-u:\b)(?:her|his|him|she|he|the\s+complainant)(?-u:\b))|(?-u:\b)[B-HJ-Z](?:['’]s)?(?-u:\b)",
        )
    });
    static GENERIC: LazyLock<Regex> = LazyLock::new(|| {
        re(
            r"(?i)^(?:(?:all|its|any|future|relevant|every|each)\s+)?(?:[\w’'-]+\s+){0,2}?(?:letters|decisions|assessments|reviews|plans|complaints|referrals|applications|applicants|staff|officers|managers|workers|contractors|agents|carers|tenants|residents|families|parents|children|pupils|notices|requests|cases|visits|records|responses|invoices|bills|teams|services|providers|panels|meetings|reports|enquiries|investigations|collections|crews|timescales|deadlines)(?-u:\b)|^(?:every|each)\s+(?:[\w’'-]+\s+)?(?:applicant|child|pupil|tenant|resident|family|carer|complaint|referral|assessment|case|decision|letter|officer)(?-u:\b)|^it\s+[^.;]{0,60}?\s(?:(?:all|its|any|future)\s+)?(?:[\w’'-]+\s+)?(?:complaints|applications|requests|referrals|assessments|reviews|decisions|letters|cases|enquiries)(?-u:\b)",
        )
    });
    let m = ENSURE.find(clause)?;
    let after = &clause[m.end()..];
    let first = after.split_whitespace().next().unwrap_or("");
    if ["the", "this", "these", "those", "that", "a", "an"]
        .iter()
        .any(|w| first.eq_ignore_ascii_case(w))
    {
        return None;
    }
    (GENERIC.is_match(after) && !PERSONAL.is_match(clause)).then_some(m.start())
}

/// Words that make the next word a noun: "the process", "its review".
const ARTICLES: &[&str] = &["the", "a", "an", "its", "their", "this", "that", "our"];

/// Whether the words after an action verb say it is addressed to the
/// Ombudsman: "tell us what it has changed", "explain to us why", "inform
/// the Ombudsman" (corpus/regressions/passives-and-reports.txt).
fn addresses_ombudsman(after: &str) -> bool {
    let rest = after.trim_start();
    let rest = rest.strip_prefix("to ").map_or(rest, str::trim_start);
    let word_then = |w: &str| {
        rest.len() >= w.len()
            && rest.is_char_boundary(w.len())
            && rest[..w.len()].eq_ignore_ascii_case(w)
            && !rest[w.len()..].starts_with(|c: char| c.is_alphanumeric())
    };
    word_then("us") || word_then("the Ombudsman")
}

/// Whether a match ends at the first words of a law's title rather than at
/// the thing it names: "training on the Care Act 2014" (care), "the SEND
/// Code of Practice" (practice), "the Children and Families Act"
/// (corpus/regressions/passives-and-reports.txt). `end` is the match's end
/// in `unit`.
fn names_a_law(unit: &str, end: usize) -> bool {
    let before = &unit[..end];
    if before.len() >= 16
        && before.is_char_boundary(before.len() - 16)
        && before[before.len() - 16..].eq_ignore_ascii_case("code of practice")
    {
        return true;
    }
    // Up to three more capitalised words (or "and"), then "Act".
    let mut words = unit[end..].split_whitespace();
    for _ in 0..4 {
        let Some(w) = words.next() else { return false };
        let w = w.trim_end_matches(|c: char| !c.is_alphanumeric());
        if w == "Act" {
            return true;
        }
        if w != "and" && !w.starts_with(|c: char| c.is_ascii_uppercase()) {
            return false;
        }
    }
    false
}

/// Whether a service verb's object is a review rather than the service
/// named after it: "arrange an independent review of the care provider's
/// handling" is no care (corpus/regressions/money-returned-and-costs-met.txt).
fn arranges_an_assessment(span: &str) -> bool {
    span.split(|c: char| !c.is_alphanumeric()).skip(1).any(|w| {
        ["review", "investigation", "assessment", "enquiry", "inquiry", "audit"]
            .iter()
            .any(|x| w.eq_ignore_ascii_case(x))
    })
}

/// Whether a passive "… is completed" or "… to be carried out" has an
/// assessment or review as its subject: "ensure the outstanding
/// assessment is completed" is no service (the passive row of
/// assessment_or_review reads it) (corpus/regressions/passives-and-reports.txt).
fn completes_an_assessment(span: &str) -> bool {
    let lower = span.to_ascii_lowercase();
    let Some(head) = ["completed", "carried out"].iter().find_map(|v| lower.strip_suffix(v)) else {
        return false;
    };
    let mut words = head.split_whitespace().rev();
    let mut subject = words.next();
    // Skip the adverb and the auxiliary: "is promptly", "to be".
    while let Some(w) = subject {
        if ["is", "are", "be", "to", "promptly", "properly", "fully"].contains(&w) {
            subject = words.next();
        } else {
            break;
        }
    }
    subject.is_some_and(|w| {
        let w = w.trim_end_matches('s');
        [
            "assessment",
            "reassessment",
            "re-assessment",
            "review",
            "investigation",
            "enquirie",
            "enquiry",
            "inquiry",
            "inquirie",
        ]
        .contains(&w)
    })
}

/// Negations right before a keyword: "disputes the penalty by not paying
/// it" (excerpt 080) is no payment; "so that no further reminders are sent"
/// is no reminder to staff (corpus/regressions/more-remedy-kinds-in-lists.txt).
const NEGATIONS: &[&str] = &["not", "never", "n't", "n’t", "no", "no further", "no more"];

/// The fault an action names rather than the action: "apologise for its
/// failure to keep them updated" (seed 001 writes "failure keep"), "for the
/// delay in assessing her needs", "the Council failed to review the plan"
/// (corpus/regressions/wider-remedy-verbs.txt).
const FAILINGS: &[&str] = &[
    "failure",
    "failures",
    "failure to",
    "failed to",
    "failing to",
    "fails to",
    "delay in",
    "delays in",
    "refused to",
    "refusal to",
    "declined to",
];

/// Words naming how an organisation works, which a review of them changes:
/// "review its procedures for assessments" is a `procedure_change`, not a
/// review of assessments (corpus/regressions/remedies-already-given.txt).
const RULES_OF_WORK: &[&[u8]] = &[
    b"procedure",
    b"polic",
    b"process",
    b"practice",
    b"guidance",
    b"arrangements",
];

/// Words of a chance missed, after which actions name the fault: "the
/// missed opportunities to assess and provide support" (seed 004).
const MISSED: &[&[u8]] = &[
    b"missed opportunit",
    b"lost opportunit",
    b"missed the opportunit",
    b"missed chance",
];

/// What staff are taught comes after these: "remind staff of the need to
/// explain …", "train officers in how to assess …", "guidance on their duty
/// to provide …" (corpus/regressions/lettered-items.txt).
const TAUGHT: &[&str] = &[
    "need to",
    "how to",
    "when to",
    "duty to",
    "duties to",
    "obligation to",
    "obligations to",
    "requirement to",
    "importance of",
];

/// Words of staff knowing something, which make an "ensure" clause about
/// staff training rather than a service improvement: "ensure that all
/// officers understand the relief duty"
/// (corpus/regressions/service-improvements-in-general.txt).
const KNOWING: &[&[u8]] = &[b"understand", b" know "];

/// Words of a reminder or training earlier in the clause (see [`TAUGHT`]).
const TEACHING: &[&[u8]] = &[b"remind", b"train", b"guidance", b"aware", b"brief"];

/// A subject right before a service verb, which makes it a description:
/// "the information it provides to residents about care services"
/// (corpus/regressions/several-kinds-per-sentence.txt).
const DESCRIBING_SUBJECTS: &[&str] = &["it", "they", "we", "which", "that", "who", "council", "authority"];

/// Whether `text` ends with one of `words` (ASCII case ignored) and then
/// white space. A word that starts with a letter must start a word ("not",
/// not "cannot"); "n't" closes one ("don't").
pub(crate) fn ends_with_word(text: &str, words: &[&str]) -> bool {
    let t = text.trim_end();
    if t.len() == text.len() {
        return false;
    }
    words.iter().any(|w| {
        let Some(at) = t.len().checked_sub(w.len()).filter(|&i| t.is_char_boundary(i)) else {
            return false;
        };
        let contraction = w.starts_with("n'") || w.starts_with("n’");
        t[at..].eq_ignore_ascii_case(w)
            && (contraction || !t[..at].ends_with(|c: char| c.is_ascii_alphanumeric() || c == '_'))
    })
}

/// The `words` of every kind rule, in `KIND_RULES` order.
static KIND_WORDS: LazyLock<RegexSet> =
    LazyLock::new(|| RegexSet::new(KIND_RULES.iter().map(|r| r.words)).expect("kind words regex set"));

/// Whether a "provide us with …" sentence also provides a service to the
/// complainant in another clause ("… and provide Mr X with support").
fn has_service_for_person(unit: &str) -> bool {
    static FOR_PERSON: LazyLock<Regex> = LazyLock::new(|| {
        re(
            r"(?i)(?-u:\b)(?:provide|provides|arrange|arranges|offer|offers|secure|secures|commission|commissions)\s+(?:him|her|them|Mr|Mrs|Ms|Miss|Mx|the\s+family|the\s+child)(?-u:\b)",
        )
    });
    FOR_PERSON.is_match(unit)
}

// ---------------------------------------------------------------------------
// Deadlines
// ---------------------------------------------------------------------------

/// Number words used in LGSCO deadlines ("within one month", "within four
/// weeks", "within twenty working days").
fn number_word(w: &str) -> Option<u32> {
    let w = w.to_ascii_lowercase();
    let n = match w.as_str() {
        "a" | "an" | "one" => 1,
        "two" => 2,
        "three" => 3,
        "four" => 4,
        "five" => 5,
        "six" => 6,
        "seven" => 7,
        "eight" => 8,
        "nine" => 9,
        "ten" => 10,
        "eleven" => 11,
        "twelve" => 12,
        "fourteen" => 14,
        "fifteen" => 15,
        "twenty" => 20,
        "twenty-one" => 21,
        "twenty-eight" => 28,
        "thirty" => 30,
        "sixty" => 60,
        "ninety" => 90,
        _ => return w.parse().ok().filter(|n| *n > 0 && *n <= 1000),
    };
    Some(n)
}

/// "within one month of the final decision" (seed 004), "Within one month of
/// the date of the final decision statement" (seed 002), "within three
/// months from the date of this report" (excerpt 008), "within the next three
/// months" (excerpt 064), "Within two months" (seed 000), "within 20 working
/// days", "within four weeks", "within 28 days of my decision"; "no later than
/// 4 weeks after the final decision" (corpus/regressions/deadline-variants.txt).
static WITHIN: LazyLock<Regex> = LazyLock::new(|| {
    re(
        r"(?i)(?-u:\b)(?:within|no\s+later\s+than|not\s+later\s+than)\s+(?:the\s+next\s+|a\s+period\s+of\s+)?(\d{1,4}|a|an|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|fourteen|fifteen|twenty|twenty-one|twenty-eight|thirty|sixty|ninety)\s+(?:\(\d{1,4}\)\s+)?(working\s+|calendar\s+|clear\s+)?(day|week|month|year|fortnight)s?(?-u:\b)(?:\s+(?:of|from|after|following)\s+(?:the\s+date\s+of\s+|receiving\s+|receipt\s+of\s+)?(?:the\s+|this\s+|my\s+|our\s+|its\s+)?(?:[\w’'-]+\s+){0,4}?(?:decision|statement|report|complaint|letter|determination|investigation)(?:\s+statement)?(?:\s+on\s+this\s+complaint)?(?-u:\b))?",
    )
});

/// The number, whether the days are working days, and the unit of a
/// [`WITHIN`] match, read from its words: the groups of the pattern without
/// its capture engine, which cost about 2,000 instructions a deadline. Only
/// for an ASCII match (`None` otherwise, or for a shape the words do not
/// show): `(?i)` also matches the Kelvin sign to `k` ("working", "week"),
/// which [`within_parts_captured`] keeps exact. The groups are whole words:
/// each is followed by white space or, for the unit, by `s?` and a word end.
fn within_parts(whole: &str) -> Option<(&str, bool, &str)> {
    if !whole.is_ascii() {
        return None;
    }
    let mut words = whole.split_whitespace().peekable();
    let first = words.next()?;
    if first.eq_ignore_ascii_case("no") || first.eq_ignore_ascii_case("not") {
        // "no later than 4 weeks after the final decision".
        if !(words.next()?.eq_ignore_ascii_case("later") && words.next()?.eq_ignore_ascii_case("than")) {
            return None;
        }
    } else if !first.eq_ignore_ascii_case("within") {
        return None;
    }
    // `(?:the\s+next\s+|a\s+period\s+of\s+)?`: neither "the" nor "period"
    // can be the number or the unit, so the words decide.
    let rest: Vec<&str> = words.collect();
    let lower = |i: usize, w: &str| rest.get(i).is_some_and(|r| r.eq_ignore_ascii_case(w));
    let mut i = if lower(0, "the") && lower(1, "next") {
        2
    } else if lower(0, "a") && lower(1, "period") && lower(2, "of") {
        3
    } else {
        0
    };
    let number = *rest.get(i)?;
    i += 1;
    // `(?:\(\d{1,4}\)\s+)?`: "within 20 (twenty) working days" has none,
    // "within twenty (20) working days" one.
    if rest.get(i)?.starts_with('(') {
        i += 1;
    }
    let mut working = false;
    if ["working", "calendar", "clear"].iter().any(|w| lower(i, w)) {
        working = lower(i, "working");
        i += 1;
    }
    let word = *rest.get(i)?;
    ["day", "week", "month", "year", "fortnight"]
        .iter()
        .find(|u| word.len() >= u.len() && word[..u.len()].eq_ignore_ascii_case(u))
        .map(|u| (number, working, &word[..u.len()]))
}

/// [`within_parts`] by the capture groups of [`WITHIN`], for any match.
fn within_parts_captured(text: &str) -> Option<(&str, bool, &str)> {
    let c = WITHIN.captures(text)?;
    let working = c
        .get(2)
        .is_some_and(|w| w.as_str().to_ascii_lowercase().starts_with("working"));
    Some((c.get(1)?.as_str(), working, c.get(3)?.as_str()))
}

/// "by 20 May 2022" (seed 001), "by 20th May", "no later than 1 June 2024",
/// "before 31 March 2025", "by the end of June 2024".
static BY_DATE: LazyLock<Regex> = LazyLock::new(|| {
    re(
        r"(?i)(?-u:\b)(?:by|before|no\s+later\s+than|on\s+or\s+before)\s+(?:the\s+)?(?:(\d{1,2})(?:st|nd|rd|th)?\s+(?:of\s+)?([a-z]{3,9})\.?,?(?:\s+(\d{4}))?|(\d{1,2})[/.](\d{1,2})[/.](\d{4})|end\s+of\s+([a-z]{3,9})(?:\s+(\d{4}))?)(?-u:\b)",
    )
});

/// A date without a year takes the decision's year, or the next one when
/// that would fall before the decision (a deadline follows its decision).
fn resolve_year(month: i8, day: i8, year: Option<i16>, decided: Option<Date>) -> Option<Date> {
    match year {
        Some(y) => Date::new(y, month, day).ok(),
        None => {
            let decided = decided?;
            let d = Date::new(decided.year(), month, day).ok()?;
            if d < decided {
                Date::new(decided.year().checked_add(1)?, month, day).ok()
            } else {
                Some(d)
            }
        }
    }
}

/// A deadline given by reference to the one before: "By the same date it
/// should review its procedures", "within the same period"
/// (corpus/regressions/maladministration.txt).
static SAME_DEADLINE: LazyLock<Regex> = LazyLock::new(|| {
    re(
        r"(?i)(?-u:\b)(?:by|within|before|in)\s+the\s+same\s+(?:date|deadline|period|timescale|timeframe|time\s*frame|time\s+limit)(?-u:\b)",
    )
});

/// The words of a deadline that refers to the one before ([`SAME_DEADLINE`]);
/// the caller gives it that deadline's date or period.
pub fn same_deadline(text: &str) -> Option<&str> {
    if !candidates::may_contain_ci(text, &["same"]) {
        return None;
    }
    SAME_DEADLINE.find(text).map(|m| m.as_str())
}

/// The deadline stated in a remedy sentence, if any. `decided` (the decision
/// date) gives the year of a date written without one.
pub fn deadline(text: &str, decided: Option<Date>) -> Option<Deadline> {
    // Most remedy sentences state no deadline: byte searches for the words
    // the two deadline rules start with ("within"; "by", "before", "no later
    // than") spare their capture searches. `BY_DATE` also needs a digit (a
    // date without one is no deadline: its parts are parsed as ASCII) or
    // "end" ("by the end of June").
    let within = if candidates::may_contain_ci(text, &["within", "later"]) {
        WITHIN.find(text)
    } else {
        None
    };
    let by_words = candidates::may_contain_ci(text, &["by", "before", "later"]);
    let by = if by_words && (text.bytes().any(|b| b.is_ascii_digit()) || candidates::may_contain_ci(text, &["end"])) {
        BY_DATE.captures(text)
    } else {
        None
    };
    let by = by.and_then(|c| {
        let whole = c.get(0)?;
        let date = if let (Some(d), Some(m)) = (c.get(1), c.get(2)) {
            let month = crate::parse::header::month(m.as_str())?;
            let day: i8 = d.as_str().parse().ok()?;
            let year = c.get(3).and_then(|y| y.as_str().parse::<i16>().ok());
            resolve_year(month, day, year, decided)
        } else if let (Some(d), Some(m), Some(y)) = (c.get(4), c.get(5), c.get(6)) {
            // UK order: day/month/year.
            Date::new(
                y.as_str().parse().ok()?,
                m.as_str().parse().ok()?,
                d.as_str().parse().ok()?,
            )
            .ok()
        } else {
            let month = crate::parse::header::month(c.get(7)?.as_str())?;
            let year = c.get(8).and_then(|y| y.as_str().parse::<i16>().ok());
            resolve_year(month, 1, year, decided).map(|d| d.last_of_month())
        };
        // "by the end of the process" has no month: not a deadline.
        if date.is_none() && c.get(7).is_none() && c.get(2).is_none() && c.get(6).is_none() {
            return None;
        }
        // A word that is not a month ("by 3 members") is not a deadline.
        if let Some(m) = c.get(2).or(c.get(7)) {
            crate::parse::header::month(m.as_str())?;
        }
        Some((
            whole.start(),
            Deadline {
                text: whole.as_str().trim().to_string(),
                date,
                days: None,
            },
        ))
    });
    let within = within.and_then(|whole| {
        let (n, working, unit) = match within_parts(whole.as_str()) {
            Some(parts) => parts,
            None => within_parts_captured(text)?,
        };
        let n = number_word(n)?;
        let unit = unit.to_ascii_lowercase();
        let days = match unit.as_str() {
            "day" if working => n.checked_mul(7)?.div_ceil(5),
            "day" => n,
            "week" => n.checked_mul(7)?,
            "fortnight" => n.checked_mul(14)?,
            "month" => n.checked_mul(30)?,
            _ => n.checked_mul(365)?,
        };
        Some((
            whole.start(),
            Deadline {
                text: whole.as_str().trim().to_string(),
                date: None,
                days: Some(days),
            },
        ))
    });
    // The first deadline in the text wins.
    match (within, by) {
        (Some(w), Some(b)) => Some(if b.0 < w.0 { b.1 } else { w.1 }),
        (Some(w), None) => Some(w.1),
        (None, Some(b)) => Some(b.1),
        (None, None) => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use RemedyKind::*;

    #[test]
    fn ok_remedy_headings() {
        for h in [
            "Agreed action",
            "Agreed actions",
            "Action",
            "Actions",
            "Recommendations",
            "Recommended action",
            "Our recommendations",
            "Remedy",
            "Agreed remedy",
            "What should happen",
            "Putting things right",
            "AGREED ACTION",
            "Remedy and recommendations",
            "Recommendations and agreed action",
            "Agreed action & remedy",
            "What the Council has agreed to do",
            "What the Trust should do",
            "Action the Council has agreed to take",
            "Action the Council has agreed take",
            "Actions agreed by the Council",
            "Action the Trust will take",
            "Remedial action",
        ] {
            assert!(is_remedy_heading(h), "{h}");
        }
    }

    #[test]
    fn err_remedy_headings() {
        for h in [
            "The Council’s actions following the safeguarding report",
            "Did the Council remedy the injustice?",
            "Final decision",
            "What I found",
            "Analysis",
            "The complaint",
            "Action taken by the Council before our investigation started",
            "Injustice and remedy",
            "What the Council did",
            "Remedy and recommendations made by the complainant",
            "Action taken by the Council",
            "Actions the Council took",
        ] {
            assert!(!is_remedy_heading(h), "{h}");
        }
    }

    #[test]
    fn ok_end_headings() {
        for h in [
            "Final decision",
            "Decision",
            "Investigator's decision on behalf of the Ombudsman",
            "Parts of the complaint that I did not investigate",
        ] {
            assert!(is_end_heading(h), "{h}");
        }
        for h in ["Service improvements", "Individual remedy", "Agreed action"] {
            assert!(!is_end_heading(h), "{h}");
        }
    }

    #[test]
    fn ok_remedy_leads() {
        for p in [
            "To remedy the injustice caused, the council should:",
            "To remedy the injustice caused, we recommend the council:",
            "The council should, within three months from the date of this report, apologise and pay each of the neighbours £250.",
            "To remedy the injustice caused the council has agreed to within the next three months to commission an Independent Advocate.",
            "I recommended the Council, within one month of the date of my final decision,",
            "I therefore asked the Council to apologise and pay Mrs X £150.",
            "An apology and a payment to Mr B is a satisfactory remedy.",
            "The Council accepted our recommendations, which included a review of its policy.",
            "The Council has now agreed to carry out a section 42 enquiry.",
            "The Council accepted our recommendations to pay Mr F £300.",
            // corpus/regressions/more-remedy-phrasings-in-prose.txt
            "The Council has offered to reimburse Mr F's costs, which I consider a suitable remedy.",
            "The Council has since apologised and agreed to pay Mr X £150.",
            "The Council has accepted my recommendations and will reassess Mrs B's needs within six weeks.",
            "The Council needs to take a fresh decision on Mr M's application.",
            "Mr Q's remedy should include an apology and a payment of £150.",
            // Bodies that are not councils (care providers, partnerships).
            "The Care Home should apologise to Mrs X and pay her £300.",
            "The Agency will remind its care workers to record each visit.",
            "Within one month the Partnership will apologise to Ms D.",
            // corpus/regressions/directives-in-findings-prose.txt
            "The Council is to reconsider Mrs Y's medical priority.",
            "It would be appropriate for the Council to write to Mrs Y.",
            "I consider it appropriate for the Council to apologise to Mrs X.",
            "The Council has also agreed that it will review how it handles medical evidence.",
            "The Council therefore should apologise.",
        ] {
            assert!(is_remedy_lead(p), "{p}");
        }
        for p in [
            "Mr X would like the Council to apologise and pay him £500.",
            "The Ombudsman upheld the complaint and found fault causing injustice.",
            "Councils act decisively to protect children from abuse.",
            "The Council offered Mr X £100, which he refused.",
            "Mr X agreed to the Council's proposal to move him.",
            "The Council accepted my recommendations.",
            "Mrs X went into the care home in 2021 and will stay there.",
            "It was reasonable for the Council to review her case in 2014.",
            "It is reasonable for the Council to expect applicants to provide evidence.",
            "The question for me is to decide whether the Council acted properly.",
            "The aim is to ensure applicants are treated fairly.",
        ] {
            assert!(!is_remedy_lead(p), "{p}");
        }
    }

    #[test]
    fn ok_directives() {
        for s in [
            "It has now agreed to pay Ms X £300 to recognise the uncertainty.",
            "Within one month of the date of the final decision statement, the Council will:",
            "It should apologise and pay Mrs X £200 for distress.",
            "We recommend the Council reviews its procedures.",
            "The Council must reassess Mr Y's needs.",
            "The Council has agreed to remedy this injustice by: apologising to Miss Y; making a payment.",
            "The Council has agreed to remedy the injustice by apologising to Mr X.",
            "The Council agreed that it would apologise to Mrs Y.",
            "The Council has offered to reimburse Mr F's costs.",
            "The Council also agreed to consider serving a breach of condition notice.",
            "The Council will consider whether to serve an improvement notice on the landlord.",
            "The Council will consider whether it should reinstate the service.",
            "The Council will consider what support Mrs X needs.",
            "The Council is to pay her £250.",
            "It would be appropriate for the Council to write to Mrs Y.",
            "I consider it reasonable for the Council to pay Mr B £150.",
            // corpus/regressions/remedies-already-given.txt,
            // corpus/regressions/plans-suitability-and-meetings.txt
            "The Council will consider Mr N's complaint at stage 3 of its procedure.",
            "The Council will consider whether other residents have been affected.",
            "The Council will find a school place for Y.",
            "The Council will consider Mr N's request for a dropped kerb.",
            "The Council will consider whether Y needs compensatory education.",
            // corpus/regressions/money-not-recovered-and-decisions-retaken.txt
            "The Council will not seek to recover the overpayment of £2,100.",
            "The Council will not charge Mrs X for the period of delay.",
            "The Council has agreed not to pursue the debt.",
        ] {
            assert!(has_directive(s), "{s}");
        }
    }

    #[test]
    fn err_directives() {
        for s in [
            "The Council should have told her about the meeting.",
            "The Council has agreed to my recommendations.",
            "We will not investigate this complaint.",
            "The Council has already apologised for the missed opportunities.",
            "It says the Council has already delivered training around child protection enquiries.",
            "I welcomed the apologies provided and the action taken to correct C’s file.",
            "At the end of this statement we explain the action it has agreed to remedy that injustice.",
            "We have found fault in failing to consider whether it should end the prevention duty.",
            "The Council offered to pay £100 but Mr X refused.",
            "We will consider the complaint further.",
            "I will consider whether the Council was at fault.",
            "We will consider whether there was fault.",
            "We will find that the Council was at fault.",
            "It was reasonable for the Council to review her case in 2014.",
            "It would be appropriate for the Council to have told her sooner.",
            "In such cases, the council should – within three working days – hold a strategy discussion.",
            // Only money given up is an action in the negative, and only as a
            // promise; the complainant's agreement is no action
            // (corpus/regressions/money-not-recovered-and-decisions-retaken.txt).
            "The Council will not refund the fee.",
            "We will not pursue the complaint.",
            "The Council agreed not to take enforcement action against the extension.",
            "The Council should not pursue the costs of £85 until the tribunal decides.",
            "It was a charge which Mrs X agreed to pay.",
            "She has agreed to pay the arrears.",
        ] {
            assert!(!has_directive(s), "{s}");
        }
    }

    #[test]
    fn ok_action_starts() {
        for s in [
            "apologise to Mr and Mrs X for its failure",
            "- pays Mr B £250",
            "Apologise to Ms E",
            "• reviews its procedures",
            "i. write to the man apologising",
            "remind its staff",
            // corpus/regressions/care-contact-and-referrals.txt: an item
            // whose verb was missing here was read as someone's wish when it
            // held "complain" ("change its website to explain how to complain").
            "change its website to explain how to complain",
            "bring its practice into line",
            "signpost Mrs Y to advice",
            "treat her property as disregarded",
            "recall the debt",
        ] {
            assert!(starts_with_action(s), "{s}");
        }
        for s in [
            "The Council has apologised.",
            "payment was made in 2019",
            "staff in procurement",
            "Mr X said",
            "changed its website in 2020",
            "treatment was delayed",
        ] {
            assert!(!starts_with_action(s), "{s}");
        }
    }

    #[test]
    fn ok_compliance_and_back_references() {
        assert!(is_compliance_evidence(
            "The Council should provide us with evidence it has complied with the above actions."
        ));
        assert!(is_compliance_evidence(
            "The Council will provide us with evidence it has done these things."
        ));
        assert!(!is_compliance_evidence(
            "provide us with an action plan which sets out how it will avoid similar failings"
        ));
        assert!(is_back_reference(
            "It should make the payment within one month of the final decision on this complaint."
        ));
        assert!(is_back_reference("The Council should do this within three months."));
        assert!(is_back_reference(
            "The Council accepted the recommendations and will carry them out within two months."
        ));
        assert!(!is_back_reference(
            "The Council will carry out the repairs within two months."
        ));
        assert!(!is_back_reference("The Council should pay Mr X £200 within one month."));
        // Training already done (excerpt 049), against training to come.
        assert!(is_compliance_evidence(
            "provide us with evidence of the training it says it has carried out with staff"
        ));
        assert!(!is_compliance_evidence(
            "provide us with evidence of the training it will deliver to staff"
        ));
        // corpus/regressions/remedies-already-given.txt
        assert!(is_compliance_evidence(
            "The Council will provide evidence to the Ombudsman that it has done this."
        ));
        assert!(is_compliance_evidence(
            "send evidence of compliance within three months"
        ));
        assert!(!is_compliance_evidence(
            "provide evidence of Mr N's income to the benefits team"
        ));
    }

    #[test]
    fn ok_broken_promises() {
        // excerpt 029: the complainant's account of an agreement not kept.
        for s in [
            "The Council agreed to carry out the review early in October 2018, but it was cancelled without reason.",
            "The Council agreed to reassess her in 2021 but did not do so.",
            "It agreed to repair the roof, but the works were never carried out.",
            "The Council agreed to pay her £100, but it failed to do so.",
        ] {
            assert!(is_broken_promise(s), "{s}");
        }
        for s in [
            "The Council has agreed to reassess her, but it cannot do so until May.",
            "The Council has agreed to pay Mrs X £200, but did not accept fault.",
            "The Council agreed to apologise and pay Mrs X £200.",
            "The Council agreed to pay £300 but it was not satisfied that more was due.",
        ] {
            assert!(!is_broken_promise(s), "{s}");
        }
    }

    #[test]
    fn ok_kinds() {
        let table: &[(&str, &[RemedyKind])] = &[
            ("apologise to Mr and Mrs X for its failure keep them updated; The Council should refer to our guidance on making an effective apology;", &[Apology]),
            ("pay Mr X £100 to recognise the distress and uncertainty", &[Financial]),
            ("remind its staff of the importance of ensuring that all relevant parties are included in the CAFA process.", &[TrainingOrGuidance]),
            ("reviews its procedures and reminds relevant staff of the need to ensure all parties are fully involved", &[ProcedureChange, TrainingOrGuidance]),
            ("improves its complaints procedure to ensure all qualifying complaints complete the three-stage procedure", &[ProcedureChange]),
            ("Within two months, the Council has agreed to provide us with an action plan which sets out how, in future, it will avoid similar failings", &[ProcedureChange]),
            ("The council should, within three months, apologise and pay each of the neighbours £250.", &[Apology, Financial]),
            ("reassess Mr Y's care needs and take a fresh decision on his personal budget", &[AssessmentOrReview]),
            ("review Mrs B's housing application and backdate her banding", &[AssessmentOrReview]),
            ("correct the errors in the child and family assessment", &[RecordsCorrection]),
            ("It should then arrange for him to receive two overnight stays for each month missed", &[ProvideService]),
            ("write to Mr X explaining how it calculated the charge", &[Information]),
            ("write to the man apologising for its failings", &[Apology]),
            ("issue a reminder to the enforcement agent", &[TrainingOrGuidance]),
            ("offer Mrs X a parent carer’s assessment", &[AssessmentOrReview]),
            ("provide a right of review for the suitability of Mr X’s property", &[AssessmentOrReview]),
            ("write to other families who may have been affected", &[Information]),
            ("a review of how it handles reports of damp", &[ProcedureChange]),
            ("reopen his antisocial behaviour case", &[AssessmentOrReview]),
            ("make a symbolic payment of £300 and remind officers of the guidance", &[Financial, TrainingOrGuidance]),
        ];
        for (text, want) in table {
            assert_eq!(kinds(text), want.to_vec(), "{text}");
        }
    }

    #[test]
    fn err_kinds() {
        for text in [
            "The Council will provide us with evidence.",
            "consider whether to proceed",
            "the Council has agreed to act",
            "If the parent disputes the penalty by not paying it, the Council must prosecute the offence.",
        ] {
            assert!(kinds(text).is_empty(), "{text}: {:?}", kinds(text));
        }
    }

    #[test]
    fn ok_kinds_issue_9_families() {
        let table: &[(&str, &[RemedyKind])] = &[
            // Remedy nouns in a list; bare awards are financial.
            ("This included an apology, a payment of £200 and a review of its records.", &[Apology, Financial, RecordsCorrection]),
            ("An apology, a payment to Mr B, reminders to staff, training for officers and a review of the process is a satisfactory remedy.", &[Apology, Financial, ProcedureChange, TrainingOrGuidance]),
            ("which included a further award to recognise her time and trouble", &[Financial]),
            ("a symbolic payment", &[Financial]),
            ("a financial remedy", &[Financial]),
            // Outcome verbs.
            ("assess Mr Y's needs for respite care", &[AssessmentOrReview]),
            ("decide Mrs Y’s application", &[AssessmentOrReview]),
            ("re-review the appeal", &[AssessmentOrReview]),
            ("reconsider her request", &[AssessmentOrReview]),
            ("ensure its staff are fully trained in assessing carers", &[TrainingOrGuidance]),
            ("share the learning from this complaint with its teams", &[TrainingOrGuidance]),
            ("amend its records", &[RecordsCorrection]),
            ("provide Mr and Mrs Y with a breakdown of the charges", &[Information]),
            ("send her copies of the minutes", &[Information]),
            ("give Mr X a written explanation", &[Information]),
            ("make service improvements", &[ProcedureChange]),
            ("apply the learning from this case to its procedures", &[ProcedureChange]),
            // Vague remedies are `other` only alone.
            ("provide a proportionate remedy for the distress", &[Other]),
            ("resolve the complaint early by providing a proportionate remedy", &[Other]),
            ("provide Mrs X with a symbolic remedy to recognise each month", &[Financial]),
            ("carry out an investigation under the statutory complaints procedure", &[AssessmentOrReview]),
            ("take action to remedy the injustice", &[Other]),
            ("apologise and provide a proportionate remedy", &[Apology]),
            // Per clause.
            ("apologise to Mrs W, pay her £200 for the distress and review its complaints procedure", &[Apology, Financial, ProcedureChange]),
            ("review Mrs W's care plan and remind its social workers to record visits", &[TrainingOrGuidance, AssessmentOrReview]),
            ("ensure the information in its charging policy and the information it provides to residents about care services is consistent", &[ProcedureChange]),
            ("I have not recommended a payment for distress, but the Council should apologise", &[Apology]),
        ];
        for (text, want) in table {
            assert_eq!(kinds(text), want.to_vec(), "{text}");
        }
    }

    /// Remedy verbs beyond pay, apologise and review
    /// (corpus/regressions/wider-remedy-verbs.txt).
    #[test]
    fn ok_kinds_wider_verbs() {
        let table: &[(&str, &[RemedyKind])] = &[
            // Money given up or put back.
            ("waive the outstanding care charges of £2,400;", &[Financial]),
            ("write off the council tax arrears it wrongly billed;", &[Financial]),
            ("credit Mr X's council tax account with £150;", &[Financial]),
            (
                "cancel the invoice for the period when no care was provided;",
                &[Financial],
            ),
            (
                "backdate Mrs J's housing benefit to the date of her claim",
                &[Financial],
            ),
            (
                "The Council has offered Mrs G an apology and £250, which is a suitable remedy.",
                &[Apology, Financial],
            ),
            // Decisions taken again.
            (
                "backdate Ms X's housing register application to 1 March 2021;",
                &[AssessmentOrReview],
            ),
            (
                "consider Mr X's complaint at stage 3 of the statutory procedure;",
                &[AssessmentOrReview],
            ),
            (
                "consider Ms E's complaint about her care provider at stage 2 of its procedure",
                &[AssessmentOrReview],
            ),
            (
                "re-run the admission appeal with a differently constituted panel;",
                &[AssessmentOrReview],
            ),
            (
                "decide whether to take enforcement action against the extension;",
                &[AssessmentOrReview],
            ),
            ("complete a carer's assessment for Mrs D;", &[AssessmentOrReview]),
            (
                "place Ms E in Band B, backdated to the date of her application;",
                &[AssessmentOrReview],
            ),
            ("issue the final EHC plan without further delay;", &[AssessmentOrReview]),
            (
                "make a decision on Mr X's planning application within eight weeks;",
                &[AssessmentOrReview],
            ),
            (
                "carry out a site visit to check whether the planning condition has been breached;",
                &[AssessmentOrReview],
            ),
            ("inspect the property for damp and mould;", &[AssessmentOrReview]),
            (
                "recalculate Mrs X's contribution to the cost of her care;",
                &[AssessmentOrReview],
            ),
            ("conduct a fresh safeguarding enquiry;", &[AssessmentOrReview]),
            (
                "carry out a section 42 enquiry into the concerns Mrs Y raised;",
                &[AssessmentOrReview],
            ),
            ("review the remaining cases on its waiting list", &[AssessmentOrReview]),
            // What the public is told and how the work is done.
            (
                "review its website to make sure the information on charging is accurate;",
                &[ProcedureChange],
            ),
            (
                "review how it handles requests for reviews of temporary accommodation;",
                &[ProcedureChange],
            ),
            (
                "improve its communication with residents about planned works",
                &[ProcedureChange],
            ),
            ("strengthen its oversight of care providers", &[ProcedureChange]),
            // Learning passed to staff.
            (
                "circulate a copy of this decision to officers in the planning team;",
                &[TrainingOrGuidance],
            ),
            (
                "discuss the findings of this investigation with staff at a team meeting;",
                &[TrainingOrGuidance],
            ),
            (
                "produce a guidance note for officers on late applications;",
                &[TrainingOrGuidance],
            ),
            (
                "use this complaint as a case study in staff learning sessions;",
                &[TrainingOrGuidance],
            ),
            // Work done or a service started again.
            (
                "carry out the outstanding repairs to Ms X's home within four weeks;",
                &[ProvideService],
            ),
            ("complete the adaptations to the bathroom;", &[ProvideService]),
            ("find Mr Y suitable temporary accommodation;", &[ProvideService]),
            ("reinstate Mrs Z's assisted bin collection;", &[ProvideService]),
            ("collect the missed bins", &[ProvideService]),
            ("repair the pothole outside Mr X's home;", &[ProvideService]),
            (
                "ensure Y receives the full-time education he is entitled to;",
                &[ProvideService],
            ),
            (
                "provide Mrs X with a personal budget that meets her assessed needs;",
                &[ProvideService],
            ),
            ("offer Mr Y a tenancy of a suitable property;", &[ProvideService]),
            ("offer Mr J a place at a suitable school;", &[ProvideService]),
            (
                "update Mr L's housing application to reflect his medical needs;",
                &[RecordsCorrection],
            ),
            (
                "review whether Mrs M should have been placed in priority need;",
                &[AssessmentOrReview],
            ),
            (
                "the Council agreed to continue supporting the children",
                &[ProvideService],
            ),
            ("the Council should proceed to stage three", &[AssessmentOrReview]),
            ("allocate a social worker to the family", &[ProvideService]),
            ("assign a new case officer to Mrs X's application", &[ProvideService]),
            ("arrange for the damp in the bedroom to be treated", &[ProvideService]),
            ("provide a suitable ground floor property", &[ProvideService]),
            (
                "commission an independent assessment of Y's needs",
                &[AssessmentOrReview],
            ),
            ("accept a homelessness application from Ms Y", &[AssessmentOrReview]),
            ("refer Mr X for a housing needs assessment", &[AssessmentOrReview]),
            (
                "remove the late payment charge from Mrs Z's account",
                &[Financial, RecordsCorrection],
            ),
            // Remedy nouns of the wider verbs.
            (
                "which included an apology, a waiver of the charges and a new assessment",
                &[Apology, Financial, AssessmentOrReview],
            ),
            (
                "This included a refund of the fees and the reinstatement of Mrs X's care package.",
                &[Financial, ProvideService],
            ),
            (
                "An apology and completion of the outstanding repairs is a suitable remedy.",
                &[Apology, ProvideService],
            ),
            // Information.
            (
                "update Mrs X on the progress of her application every two weeks;",
                &[Information],
            ),
            ("keep Mr Y informed of the action it takes;", &[Information]),
            // The fault an action names gives no kind of its own.
            (
                "apologise to Ms E for its failure to review its allocations policy",
                &[Apology],
            ),
            ("apologise for the delay in assessing Mr X's needs", &[Apology]),
        ];
        for (text, want) in table {
            assert_eq!(kinds(text), want.to_vec(), "{text}");
        }
    }

    /// More phrasings (corpus/regressions/more-remedy-phrasings.txt).
    #[test]
    fn ok_kinds_more_phrasings() {
        let table: &[(&str, &[RemedyKind])] = &[
            ("ensure Mr X's records are corrected", &[RecordsCorrection]),
            ("publish a corrected notice", &[RecordsCorrection]),
            ("send Mrs X an amended version of the report", &[RecordsCorrection]),
            ("confirm in writing that the debt has been written off", &[Financial]),
            ("ensure the late payment charges are waived", &[Financial]),
            (
                "review the personal budget to ensure it meets Mr X's needs",
                &[AssessmentOrReview],
            ),
            ("carry out an audit of similar cases", &[AssessmentOrReview]),
            (
                "identify other people affected by the same fault and offer them a remedy",
                &[AssessmentOrReview],
            ),
            // Writing to them is information (excerpt 056, in `ok_kinds`).
            ("write to other families who may have been affected", &[Information]),
            ("consider whether there are others affected", &[AssessmentOrReview]),
            (
                "add Mr X to the housing register from the date of his application",
                &[AssessmentOrReview],
            ),
            ("create a plan to clear the backlog", &[ProcedureChange]),
            ("reduce its backlog of EHC assessments", &[ProcedureChange]),
            ("take action to remedy the damp in Ms X's property", &[ProvideService]),
            ("treat the mould in the bedroom", &[ProvideService]),
            ("write to Mr X with a full response to his complaint", &[Information]),
            ("offer Mrs X a meeting to discuss her son's needs", &[Information]),
            // corpus/regressions/meetings-plans-and-works.txt
            ("hold a meeting with Mrs C and her son's school", &[Information]),
            (
                "meet Ms M to agree a transition plan",
                &[AssessmentOrReview, Information],
            ),
            ("meet with the family and discuss the support available", &[Information]),
            ("prepare a new care and support plan", &[AssessmentOrReview]),
            ("draw up a pathway plan with Y", &[AssessmentOrReview]),
            ("complete Y's personal education plan", &[AssessmentOrReview]),
            ("agree a date for the works with Mrs Z", &[ProvideService]),
            ("give her a timetable for the remaining repairs", &[ProvideService]),
            // corpus/regressions/more-remedy-kinds-in-lists.txt
            ("consider Ms Z's request afresh", &[AssessmentOrReview]),
            ("issue a fresh stage 2 response", &[AssessmentOrReview]),
            ("stop recovery action on the debt", &[Financial]),
            ("not pursue Mr D for the overpayment", &[Financial]),
            ("fund an independent tutor for Y", &[ProvideService]),
            ("provide an interpreter at the meeting", &[ProvideService]),
            ("send Mr L a letter of apology", &[Apology]),
            ("put a flag on Mr N's records", &[RecordsCorrection]),
            (
                "put a flag on Mr D's account so that no further reminders are sent",
                &[RecordsCorrection],
            ),
            ("consider Mr D's request for a reduction afresh", &[AssessmentOrReview]),
            // The person paid as the subject; a reminder's content is no
            // action of its own (corpus/regressions/lettered-items.txt).
            ("Mr J should receive £200 for his distress;", &[Financial]),
            ("Mrs K should be paid £150 for the delay.", &[Financial]),
            ("Her son is to be given £100.", &[Financial]),
            (
                "I consider £300 is a suitable amount to recognise her distress.",
                &[Financial],
            ),
            (
                "remind staff in its financial assessment team of the need to explain charges in writing.",
                &[TrainingOrGuidance],
            ),
            ("train officers in how to apologise effectively", &[TrainingOrGuidance]),
            (
                "remind staff of the need to record visits and explain to Mrs K why the charges rose",
                &[TrainingOrGuidance, Information],
            ),
        ];
        for (text, want) in table {
            assert_eq!(kinds(text), want.to_vec(), "{text}");
        }
    }

    #[test]
    fn err_kinds_more_phrasings() {
        for text in [
            "Mr X's records were correct.",
            "the report was amended in 2021",
            "the debt had been written off before the complaint",
            "the charges were waived in 2019",
            "other people live in the house",
            "Mr X was added to the housing register in 2019.",
            "the damp was caused by condensation",
            "a meeting was held on 3 May",
            "the backlog grew in 2022",
            "Mr J received £200 from the fund.",
            "She did not receive the letter.",
            "Mrs K should be given a copy.",
            "meet Mr X's eligible needs",
            "the care plan was updated in 2022",
            "a meeting with Mrs C took place in May",
            "the works date was agreed in 2021",
            "meet her needs in full",
            "£300 is the amount she paid.",
            "the Council considered her request again in May",
            "the Council stopped recovery action in 2021",
            "the tutor left in March",
            "Mr N's records had a flag on them",
            "the response was sent in June",
        ] {
            assert!(kinds(text).is_empty(), "{text}: {:?}", kinds(text));
        }
    }

    #[test]
    fn ok_kinds_passives_and_reports() {
        // corpus/regressions/passives-and-reports.txt
        let table: &[(&str, &[RemedyKind])] = &[
            (
                "ensure Mrs Y's care and support plan is reviewed",
                &[AssessmentOrReview],
            ),
            (
                "ensure the outstanding assessment is completed by 30 April 2024",
                &[AssessmentOrReview],
            ),
            ("make sure the review is carried out promptly", &[AssessmentOrReview]),
            ("arrange for the property to be inspected", &[AssessmentOrReview]),
            ("arrange for any disrepair to be put right", &[ProvideService]),
            ("ensure the repairs are completed within four weeks", &[ProvideService]),
            (
                "ensure the damp is treated and the mould is remedied",
                &[ProvideService],
            ),
            ("invite Mrs B to re-apply for the grant", &[AssessmentOrReview]),
            ("ask Mr C to make a fresh application", &[AssessmentOrReview]),
            (
                "arrange for a speech and language therapist to assess Y and provide the therapy he needs",
                &[AssessmentOrReview, ProvideService],
            ),
            (
                "assess Mrs K and tell her the outcome",
                &[AssessmentOrReview, Information],
            ),
            (
                "considers whether any other service users have been affected",
                &[AssessmentOrReview],
            ),
            (
                "check whether other tenants were similarly affected",
                &[AssessmentOrReview],
            ),
            (
                "put in place a tracker so that statutory deadlines are not missed",
                &[ProcedureChange],
            ),
            (
                "introduce a checklist for officers handling referrals",
                &[ProcedureChange],
            ),
            (
                "book a meeting with the SENCO and Ms X to review Y's support",
                &[Information],
            ),
            ("organise a meeting with her to agree the plan", &[Information]),
            // Reports to the Ombudsman and law names drop only their own kind.
            (
                "review its procedures and tell us what it has changed",
                &[ProcedureChange],
            ),
            (
                "remind officers and arrange training on the Care Act 2014",
                &[TrainingOrGuidance],
            ),
            (
                "ensure case officers attend training on the SEND Code of Practice",
                &[TrainingOrGuidance],
            ),
            (
                "provide the care set out in the plan and explain to us why it stopped",
                &[ProvideService],
            ),
        ];
        for (text, want) in table {
            assert_eq!(kinds(text), want.to_vec(), "{text}");
        }
    }

    #[test]
    fn ok_kinds_owed_and_awarded() {
        // corpus/regressions/payments-owed-and-awarded.txt
        let table: &[(&str, &[RemedyKind])] = &[
            (
                "suspend recovery action while it reviews Mr B's liability",
                &[Financial, AssessmentOrReview],
            ),
            ("put on hold any recovery action", &[Financial]),
            (
                "provide written reasons for its decision to refuse the application",
                &[Information],
            ),
            ("give Mr B full reasons for the refusal", &[Information]),
            // excerpt 057: reasons for all decisions are a practice.
            (
                "The Care Package Panel needs to give written reasons for its decisions.",
                &[ProcedureChange],
            ),
            (
                "review whether Y should be placed on the child protection register",
                &[AssessmentOrReview],
            ),
            ("decide whether Mrs F is entitled to a reduction", &[AssessmentOrReview]),
            ("consider serving a breach of condition notice", &[AssessmentOrReview]),
            ("consider taking enforcement action", &[AssessmentOrReview]),
            ("carry out a strategy discussion", &[AssessmentOrReview]),
            ("convene an initial child protection conference", &[AssessmentOrReview]),
            (
                "install the landscaping screen required by condition 4",
                &[ProvideService],
            ),
            ("fit a second handrail to the stairs", &[ProvideService]),
            ("replace the boiler in Ms T's flat", &[ProvideService]),
        ];
        for (text, want) in table {
            assert_eq!(kinds(text), want.to_vec(), "{text}");
        }
    }

    #[test]
    fn ok_kinds_returned_and_met() {
        // corpus/regressions/money-returned-and-costs-met.txt
        let table: &[(&str, &[RemedyKind])] = &[
            ("return Mr X's deposit of £500", &[Financial]),
            ("cover the cost of the replacement items Mr X bought", &[Financial]),
            ("meet the cost of Y's private tuition (£2,100)", &[Financial]),
            ("meet any reasonable costs incurred by Mrs D", &[Financial]),
            ("issue a revised council tax bill", &[RecordsCorrection]),
            (
                "provide a written update on the progress of the repairs every month",
                &[Information],
            ),
            ("send Mrs F monthly updates about the works", &[Information]),
            ("offer Y a place on a suitable course", &[ProvideService]),
            (
                "arrange an independent review of the care provider's handling of the incident",
                &[AssessmentOrReview],
            ),
        ];
        for (text, want) in table {
            assert_eq!(kinds(text), want.to_vec(), "{text}");
        }
    }

    #[test]
    fn ok_kinds_enforcement_discounts_and_works() {
        // corpus/regressions/enforcement-discounts-and-works.txt
        let table: &[(&str, &[RemedyKind])] = &[
            // Money not charged, reliefs applied, debts recalled.
            ("not charge Mrs X for the care she received in May", &[Financial]),
            ("apply the single person discount to Mrs D's account", &[Financial]),
            ("restore Mr X's council tax support from April 2022", &[Financial]),
            ("award Mrs T a council tax reduction", &[Financial]),
            ("agree an affordable repayment plan with Mr B", &[Financial]),
            ("set up a payment arrangement for the arrears", &[Financial]),
            ("recall the debt from the enforcement agents", &[Financial]),
            ("withdraw the penalty charge notice", &[Financial]),
            ("withdraw the summons", &[Financial]),
            // Action taken, works done, places on lists.
            ("take enforcement action against the landlord", &[ProvideService]),
            ("take any necessary enforcement action", &[ProvideService]),
            ("serve an improvement notice on Mr X's landlord", &[ProvideService]),
            ("ensure the developer complies with condition 5", &[ProvideService]),
            ("secure compliance with the planning conditions", &[ProvideService]),
            ("ensure a social worker is allocated to Y", &[ProvideService]),
            ("add Mr X to the assisted collection list", &[ProvideService]),
            ("monitor Mr X's bin collections for three months", &[ProvideService]),
            ("arrange for Y to attend a suitable school", &[ProvideService]),
            ("rehouse Ms A and her children", &[ProvideService]),
            ("offer Mr X a suitable alternative property", &[ProvideService]),
            ("clear the blocked gully outside Mr R's house", &[ProvideService]),
            ("trim the overhanging trees", &[ProvideService]),
            ("cut back the hedge obstructing the footway", &[ProvideService]),
            ("replace Mrs X's missing recycling bin", &[ProvideService]),
            ("deliver a new wheelie bin", &[ProvideService]),
            // Decisions and reviews still to make.
            ("process Mrs X's claim for housing benefit", &[AssessmentOrReview]),
            ("hold an annual review meeting for Y", &[AssessmentOrReview]),
            ("name a suitable school in section I of the plan", &[AssessmentOrReview]),
            ("convene a stage 2 investigation", &[AssessmentOrReview]),
            ("appoint an independent person", &[AssessmentOrReview]),
            ("consider whether it can reduce the impact", &[AssessmentOrReview]),
            ("check whether the works comply with the plans", &[AssessmentOrReview]),
            (
                "decide what, if any, enforcement action it will take",
                &[AssessmentOrReview],
            ),
            ("decide whether to take enforcement action", &[AssessmentOrReview]),
            (
                "consider whether to serve a notice on the landlord",
                &[AssessmentOrReview],
            ),
            ("consider what support Mrs X needs", &[AssessmentOrReview]),
            (
                "ensure Mr X's care plan accurately reflects his needs",
                &[AssessmentOrReview],
            ),
            ("visit Mr X to assess his needs", &[AssessmentOrReview]),
            ("carry out noise monitoring at Mrs P's home", &[AssessmentOrReview]),
            ("monitor the site for six months", &[AssessmentOrReview]),
            // Meetings, owning the fault, records kept better.
            ("invite Mrs X and her family to a meeting", &[Information]),
            ("visit Mr X at home to discuss his needs", &[Information]),
            ("offer Mrs X the opportunity to meet the team", &[Information]),
            ("write to Mrs X to acknowledge the faults identified", &[Apology]),
            ("acknowledge its failings", &[Apology]),
            (
                "ensure the care provider improves its medication records",
                &[ProcedureChange],
            ),
        ];
        for (text, want) in table {
            assert_eq!(kinds(text), want.to_vec(), "{text}");
        }
    }

    #[test]
    fn err_kinds_enforcement_discounts_and_works() {
        // Facts, the Ombudsman's own checks, and look-alikes with another
        // sense (corpus/regressions/enforcement-discounts-and-works.txt).
        let table: &[(&str, &[RemedyKind])] = &[
            ("the Council took enforcement action in 2021", &[]),
            ("the Council served an improvement notice in May", &[]),
            ("the care plan reflects his needs", &[]),
            ("the trees were trimmed in 2020", &[]),
            ("the annual review was held late", &[]),
            ("Mr X was invited to a meeting in March", &[]),
            ("it applied the single person discount in error", &[]),
            ("the Council processes applications within eight weeks", &[]),
            ("pay Mrs X £200 to acknowledge the faults identified", &[Financial]),
            (
                "review the process the officers used for applications",
                &[ProcedureChange],
            ),
            ("decide whether to serve a notice", &[AssessmentOrReview]),
            ("restore Mrs Y's council tax support", &[Financial]),
            // A match shorter than "process" that ends inside a character
            // (found by tests/robustness.rs on mutated bytes).
            ("offer\u{FFFD}Mrs X a parent carer’s assessment", &[AssessmentOrReview]),
        ];
        for (text, want) in table {
            assert_eq!(kinds(text), want.to_vec(), "{text}");
        }
    }

    #[test]
    fn ok_kinds_care_contact_and_referrals() {
        // corpus/regressions/care-contact-and-referrals.txt
        let table: &[(&str, &[RemedyKind])] = &[
            ("agree with Mrs Y's family how the top-up will be funded", &[Financial]),
            ("treat Mrs D's property as disregarded for 12 weeks", &[Financial]),
            ("disregard Mr E's pension from April", &[Financial]),
            ("cancel the liability order", &[Financial]),
            ("ask the court to set aside the liability order", &[Financial]),
            ("arrange life story work for Y", &[ProvideService]),
            ("arrange contact between Y and his siblings", &[ProvideService]),
            ("move Ms X and her family to suitable accommodation", &[ProvideService]),
            ("use its powers to require the landowner to act", &[ProvideService]),
            ("issue a planning contravention notice", &[ProvideService]),
            ("increase Mrs Y's personal budget", &[ProvideService]),
            ("ensure Mr X's care package is increased to 14 hours", &[ProvideService]),
            ("carry out spot checks at the care home", &[AssessmentOrReview]),
            ("consult with the school named by Mrs X", &[AssessmentOrReview]),
            ("accept the main housing duty to Ms X", &[AssessmentOrReview]),
            (
                "award Mrs B the medical priority she should have had",
                &[AssessmentOrReview],
            ),
            ("investigate Mrs X's reports of noise nuisance", &[AssessmentOrReview]),
            ("open a new noise nuisance case", &[AssessmentOrReview]),
            ("refer Mrs Y's case to the safeguarding team", &[AssessmentOrReview]),
            (
                "make a referral to the Disclosure and Barring Service",
                &[AssessmentOrReview],
            ),
            ("give Mrs X the opportunity to appeal", &[AssessmentOrReview]),
            ("put in place a safeguarding plan for Mrs Y", &[AssessmentOrReview]),
            (
                "ensure Y's EHC plan is amended to include the therapy",
                &[AssessmentOrReview],
            ),
            (
                "arrange a meeting between Mr X's family and the manager",
                &[Information],
            ),
            ("signpost Mr X to independent advice", &[Information]),
            // excerpt 051: about people in general, a service improvement.
            (
                "ensure foster carers receive clear information about allowances",
                &[ProcedureChange],
            ),
            ("ensure Mrs X receives a copy of the assessment", &[Information]),
            ("review the signage in Mill Road", &[ProcedureChange]),
            (
                "bring its practice into line with the statutory guidance",
                &[ProcedureChange],
            ),
            ("ensure it has enough staff to complete assessments", &[ProcedureChange]),
            ("recruit additional social workers", &[ProcedureChange]),
            ("set up a system to track assessments", &[ProcedureChange]),
            ("hold a learning review", &[ProcedureChange]),
        ];
        for (text, want) in table {
            assert_eq!(kinds(text), want.to_vec(), "{text}");
        }
    }

    #[test]
    fn err_kinds_care_contact_and_referrals() {
        let table: &[(&str, &[RemedyKind])] = &[
            ("the Council used its powers in 2020", &[]),
            ("Mrs Y's care package was increased in May", &[]),
            ("the officer referred the case in June", &[]),
            ("there was not enough staff", &[]),
            ("award Mrs B £200 for her band B priority delay", &[Financial]),
            ("tell Mrs X about her right of appeal", &[Information]),
            ("appoint a new social worker for Y", &[ProvideService]),
        ];
        for (text, want) in table {
            assert_eq!(kinds(text), want.to_vec(), "{text}");
        }
    }

    #[test]
    fn ok_kinds_across_clauses() {
        // corpus/regressions/clauses-and-awards.txt: a match that runs past
        // its clause hides no later match of the same row.
        let table: &[(&str, &[RemedyKind])] = &[
            (
                "remove the charge, refund the £60 and amend its records",
                &[Financial, RecordsCorrection],
            ),
            (
                "correct the letter, then pay Mr X and update his file",
                &[Financial, RecordsCorrection],
            ),
            ("backdate his award to April", &[Financial]),
            // Still nothing when the only match is across clauses.
            ("remove the charge; the records show it", &[Financial]),
        ];
        for (text, want) in table {
            assert_eq!(kinds(text), want.to_vec(), "{text}");
        }
    }

    #[test]
    fn ok_lead_action() {
        // corpus/regressions/items-that-take-the-leads-verb.txt
        for (lead, want) in [
            ("Within one month, the Council has agreed to provide:", Some("provide")),
            ("The Council should send Mrs X:", Some("send Mrs X")),
            ("It will pay Mr Y:", Some("pay Mr Y")),
            ("The Council will also pay Mr N:", Some("pay Mr N")),
            ("The Council should apologise to Mrs X and pay her:", Some("pay her")),
            ("It will review, amend and update:", Some("update")),
            ("Within one month of my final decision, the Council will:", None),
            ("I recommended the Council:", None),
            ("The Council will also:", None),
            ("The Council agreed to our recommendations.", None),
        ] {
            assert_eq!(lead_action(lead), want, "{lead}");
        }
    }

    #[test]
    fn ok_kinds_of_items_as_nouns() {
        // Items that name their remedy as a noun, read alone or after their
        // lead's verb (corpus/regressions/items-that-take-the-leads-verb.txt).
        let table: &[(&str, &[RemedyKind])] = &[
            ("provide a copy of the care plan", &[Information]),
            (
                "provide a new care and support plan that meets his needs",
                &[AssessmentOrReview],
            ),
            ("provide a revised EHC plan naming the school", &[AssessmentOrReview]),
            ("provide a single point of contact for the family", &[ProvideService]),
            ("provide a named officer to coordinate the repairs", &[ProvideService]),
            ("provide an update on the repairs every month", &[Information]),
            ("a meeting with the family to agree a plan", &[Information]),
            ("provide care and support at home", &[ProvideService]),
        ];
        for (text, want) in table {
            assert_eq!(kinds(text), want.to_vec(), "{text}");
        }
        for text in ["the care plan was late", "Mrs X asked for a meeting with the manager"] {
            assert!(kinds(text).is_empty(), "{text}: {:?}", kinds(text));
        }
    }

    #[test]
    fn ok_kinds_service_improvements_in_general() {
        // corpus/regressions/service-improvements-in-general.txt
        let table: &[(&str, &[RemedyKind])] = &[
            (
                "ensure that EHC needs assessments are completed within 20 weeks",
                &[ProcedureChange],
            ),
            (
                "ensure that its decision letters explain the right of appeal",
                &[ProcedureChange],
            ),
            (
                "ensure officers respond to complaints within its timescales",
                &[ProcedureChange],
            ),
            (
                "ensure that it responds to stage 2 complaints on time",
                &[ProcedureChange],
            ),
            ("ensure every applicant receives a written decision", &[ProcedureChange]),
            (
                "take steps to ensure that safeguarding referrals are acknowledged within one working day",
                &[ProcedureChange],
            ),
            (
                "ensure that all officers understand the relief duty",
                &[TrainingOrGuidance],
            ),
            ("monitor its performance on annual reviews", &[ProcedureChange]),
            (
                "present this decision to its Overview and Scrutiny Committee",
                &[ProcedureChange],
            ),
            ("consider this report at a meeting of its Cabinet", &[ProcedureChange]),
            ("produce a report for its scrutiny committee", &[ProcedureChange]),
            ("take action to prevent such delays", &[ProcedureChange]),
        ];
        for (text, want) in table {
            assert_eq!(kinds(text), want.to_vec(), "{text}");
        }
        // About this complaint: no service improvement.
        let table: &[(&str, &[RemedyKind])] = &[
            ("ensure the repairs are completed within four weeks", &[ProvideService]),
            ("ensure Mr X's care plan is reviewed", &[AssessmentOrReview]),
            ("ensure her assessments are completed", &[AssessmentOrReview]),
            ("ensure Y receives the tuition in his plan", &[ProvideService]),
            ("ensure its staff are fully trained", &[TrainingOrGuidance]),
            ("ensure Mrs X receives a copy of the finalised plan", &[Information]),
        ];
        for (text, want) in table {
            assert_eq!(kinds(text), want.to_vec(), "{text}");
        }
    }

    #[test]
    fn ok_kinds_planning_permits_and_surveys() {
        // corpus/regressions/planning-permits-and-surveys.txt
        let table: &[(&str, &[RemedyKind])] = &[
            (
                "carry out a fresh consultation on the application",
                &[AssessmentOrReview],
            ),
            ("re-consult the neighbours on the amended plans", &[AssessmentOrReview]),
            (
                "consider whether to revoke the planning permission",
                &[AssessmentOrReview],
            ),
            ("carry out a traffic survey on Mill Lane", &[AssessmentOrReview]),
            ("carry out a means test for the grant", &[AssessmentOrReview]),
            ("complete the section 42 enquiry", &[AssessmentOrReview]),
            ("treat Mrs X as having made a valid application", &[AssessmentOrReview]),
            ("review the speed limit on the road", &[AssessmentOrReview]),
            (
                "amend the decision notice to include the condition",
                &[RecordsCorrection],
            ),
            ("reinstate the public footpath", &[ProvideService]),
            ("issue Mr X a blue badge", &[ProvideService]),
            ("restore Mr X's parking permit", &[ProvideService]),
            ("arrange a carer's assessment for Mrs Y", &[AssessmentOrReview]),
            ("arrange a carer for Mrs Y", &[ProvideService]),
            (
                "consider Mrs X's eligibility for a Disabled Facilities Grant",
                &[AssessmentOrReview],
            ),
            ("consider his application afresh", &[AssessmentOrReview]),
        ];
        for (text, want) in table {
            assert_eq!(kinds(text), want.to_vec(), "{text}");
        }
        for text in [
            "the consultation ended in May",
            "the permit was restored in 2022",
            "the footpath was reinstated",
        ] {
            assert!(kinds(text).is_empty(), "{text}: {:?}", kinds(text));
        }
    }

    #[test]
    fn ok_kinds_remedies_already_given() {
        // corpus/regressions/remedies-already-given.txt
        let table: &[(&str, &[RemedyKind])] = &[
            (
                "consider whether other residents have been affected by the same fault",
                &[AssessmentOrReview],
            ),
            (
                "identify the causes of the delays and what it will do to prevent them",
                &[ProcedureChange],
            ),
            (
                "monitor the care provider's compliance for six months",
                &[ProcedureChange],
            ),
            ("check that the care provider has made the changes", &[ProcedureChange]),
            ("audit a sample of cases", &[ProcedureChange]),
            ("reissue the council tax bill", &[RecordsCorrection]),
            ("rebill Mr N for the correct amount", &[RecordsCorrection]),
            ("put the account on hold", &[Financial]),
            ("carry out a welfare visit to Mrs N", &[AssessmentOrReview]),
            (
                "consider Mr N's complaint at stage 3 of the statutory procedure",
                &[AssessmentOrReview],
            ),
            ("award Ms X band A", &[AssessmentOrReview]),
            ("place Mrs X in band B from May 2023", &[AssessmentOrReview]),
            (
                "seek legal advice on whether it can recover the charge",
                &[AssessmentOrReview],
            ),
            ("take action to resolve the noise nuisance", &[ProvideService]),
            ("add the road to its inspection schedule", &[ProvideService]),
            (
                "put in place measures to mitigate the likelihood and impact of flooding",
                &[ProvideService],
            ),
            ("carry out works to reduce the damp in the flat", &[ProvideService]),
            ("find a new care provider for Mr N", &[ProvideService]),
            ("review its procedures for assessments", &[ProcedureChange]),
            ("arrange a new care assessment for Mr N", &[AssessmentOrReview]),
            (
                "provide written confirmation to Mr N of the new charges",
                &[Information],
            ),
            ("review its policy on charging for respite care", &[ProcedureChange]),
            (
                "review Mr N's assessment and its charging policy",
                &[ProcedureChange, AssessmentOrReview],
            ),
            ("identify a suitable school place for Y", &[ProvideService]),
        ];
        for (text, want) in table {
            assert_eq!(kinds(text), want.to_vec(), "{text}");
        }
    }

    #[test]
    fn ok_kinds_plans_suitability_and_meetings() {
        // corpus/regressions/plans-suitability-and-meetings.txt
        let table: &[(&str, &[RemedyKind])] = &[
            (
                "amend section F of Y's EHC plan to specify the provision",
                &[AssessmentOrReview],
            ),
            ("issue an amended EHC plan within two weeks", &[AssessmentOrReview]),
            ("provide Mr N with a personalised housing plan", &[AssessmentOrReview]),
            (
                "review the suitability of Mr N's temporary accommodation",
                &[AssessmentOrReview],
            ),
            ("consider whether Y needs compensatory education", &[AssessmentOrReview]),
            ("hold a multi-agency meeting about Y's needs", &[AssessmentOrReview]),
            ("stop enforcement action while it reviews the account", &[Financial]),
            ("refer the matter to its enforcement team", &[AssessmentOrReview]),
        ];
        for (text, want) in table {
            assert_eq!(kinds(text), want.to_vec(), "{text}");
        }
        for text in [
            "the EHC plan was amended in May",
            "the suitability of the flat was never in question",
            "enforcement action stopped in 2023",
        ] {
            assert!(kinds(text).is_empty(), "{text}: {:?}", kinds(text));
        }
    }

    #[test]
    fn ok_kinds_money_not_recovered_and_decisions_retaken() {
        // corpus/regressions/money-not-recovered-and-decisions-retaken.txt
        let table: &[(&str, &[RemedyKind])] = &[
            ("not seek to recover the overpayment of £2,100", &[Financial]),
            ("not pursue Mrs X for the outstanding care charges", &[Financial]),
            ("agreed not to pursue the debt", &[Financial]),
            ("not charge Mr X for the care he received in May", &[Financial]),
            ("take no further recovery action", &[Financial]),
            ("take no further enforcement action on the account", &[Financial]),
            ("£250 should be paid to Ms X to recognise her distress", &[Financial]),
            ("provide Mr N with £200 for his distress", &[Financial]),
            ("retake the decision on Mr X's application", &[AssessmentOrReview]),
            (
                "re-take its decision on the blue badge application",
                &[AssessmentOrReview],
            ),
            (
                "arrange for Mr X's complaint to be considered at stage 2",
                &[AssessmentOrReview],
            ),
            ("decide whether the property is suitable", &[AssessmentOrReview]),
            (
                "update the information on its website about how it charges for respite care",
                &[ProcedureChange],
            ),
            ("revise the letter it sends to applicants", &[ProcedureChange]),
            ("write to Mr X to set out the steps it will take", &[Information]),
            // What a payment is for is no action of its own.
            (
                "pay Mr X £250 for the uncertainty about whether a proper assessment would have changed the outcome",
                &[Financial],
            ),
            (
                "pay Mrs X £500 in recognition of the missed support and the training she had to arrange",
                &[Financial],
            ),
            (
                "pay Mr X £100 for the frustration of not being told about his right of review",
                &[Financial],
            ),
            // A later remedy of the list is read.
            (
                "a payment of £300 for her distress, a review of its records and a further award",
                &[Financial, RecordsCorrection],
            ),
            (
                "pay Mrs X £250 for her distress, and review its charging policy",
                &[Financial, ProcedureChange],
            ),
            ("arrange a review of Ms E's care package", &[AssessmentOrReview]),
            ("arrange a review of its procedures for charging", &[ProcedureChange]),
            ("review how it calculates charges", &[ProcedureChange]),
            ("review Mr X's charges", &[AssessmentOrReview]),
        ];
        for (text, want) in table {
            assert_eq!(kinds(text), want.to_vec(), "{text}");
        }
    }

    #[test]
    fn ok_kinds_panels_contacts_and_staffing() {
        // corpus/regressions/panels-contacts-and-staffing.txt
        let table: &[(&str, &[RemedyKind])] = &[
            ("offer Ms X a stage 3 review panel", &[AssessmentOrReview]),
            ("offer him a fresh appeal hearing", &[AssessmentOrReview]),
            ("withdraw the application for a liability order", &[Financial]),
            ("provide Mr X with a named contact", &[ProvideService]),
            ("give Mrs Y a single point of contact", &[]),
            ("provide Mrs Y with a single point of contact", &[ProvideService]),
            (
                "offer Mr X the opportunity to attend a meeting to discuss his concerns",
                &[Information],
            ),
            ("review its staffing levels in the team", &[ProcedureChange]),
            (
                "ensure the care provider completes the actions in its improvement plan",
                &[ProcedureChange],
            ),
            // Passives and decisions taken again.
            ("Mrs G should be offered a carer's assessment", &[AssessmentOrReview]),
            (
                "Y should be provided with the 25 hours of tuition he missed",
                &[ProvideService],
            ),
            (
                "Mrs X should be given the support set out in her plan",
                &[ProvideService],
            ),
            ("take the decision again", &[AssessmentOrReview]),
            ("take the decision on Y's short breaks again", &[AssessmentOrReview]),
            ("look again at Mr X's application", &[AssessmentOrReview]),
        ];
        for (text, want) in table {
            assert_eq!(kinds(text), want.to_vec(), "{text}");
        }
        for text in [
            "the panel met in May",
            "the named contact was on leave",
            "staffing levels were low",
            "withdraw the care package",
            "the care provided to Y was poor",
            "the support provided by the Council fell short",
            "apologise again",
        ] {
            let k = kinds(text);
            assert!(
                !k.contains(&AssessmentOrReview) && !k.contains(&ProvideService) && !k.contains(&Financial),
                "{text}: {k:?}"
            );
        }
    }

    #[test]
    fn ok_kinds_help_notices_and_expedited_cases() {
        // corpus/regressions/help-notices-and-expedited-cases.txt
        let table: &[(&str, &[RemedyKind])] = &[
            ("help Mr X to complete his application for housing", &[ProvideService]),
            ("support Mrs X to apply for a blue badge", &[ProvideService]),
            ("assist her with the move", &[ProvideService]),
            ("issue Mrs X with a new parking permit", &[ProvideService]),
            ("renew his bus pass", &[ProvideService]),
            ("ensure Mr X's case is allocated to an officer", &[ProvideService]),
            ("notify Mr X when the works are complete", &[Information]),
            ("let Mrs X know the outcome", &[Information]),
            ("advise Ms X of her right of appeal", &[Information]),
            (
                "expedite Mr X's disabled facilities grant application",
                &[AssessmentOrReview],
            ),
            (
                "prioritise the completion of Y's EHC needs assessment",
                &[AssessmentOrReview],
            ),
            ("progress Mrs X's housing application", &[AssessmentOrReview]),
            ("record Mr X's complaint as a stage 2 complaint", &[AssessmentOrReview]),
            (
                "re-register Ms X's application with its original effective date",
                &[AssessmentOrReview],
            ),
            (
                "draw up a plan setting out how it will meet Y's needs",
                &[AssessmentOrReview],
            ),
            (
                "discuss the findings with the social worker involved",
                &[TrainingOrGuidance],
            ),
        ];
        for (text, want) in table {
            assert_eq!(kinds(text), want.to_vec(), "{text}");
        }
    }

    #[test]
    fn err_kinds_help_notices_and_expedited_cases() {
        // History, not actions: no kind, or none of these.
        for text in [
            "the case was allocated to a new social worker in 2023 and it helped",
            "the permit was issued in May",
            "Mr X let the Council know in May",
            "the plan did not meet her needs",
            "the Council progressed slowly",
        ] {
            let k = kinds(text);
            assert!(
                !k.contains(&ProvideService) && !k.contains(&Information) && !k.contains(&AssessmentOrReview),
                "{text}: {k:?}"
            );
        }
    }

    #[test]
    fn ok_kinds_budgets_visits_and_reissued_letters() {
        let table: &[(&str, &[RemedyKind])] = &[
            ("agree a personal budget with Mrs X", &[AssessmentOrReview]),
            ("consult Mrs X on the revised care plan", &[AssessmentOrReview]),
            (
                "contact the care home to agree a plan for Mr X's discharge",
                &[AssessmentOrReview],
            ),
            (
                "make a best interests decision about where Mr Y should live",
                &[AssessmentOrReview],
            ),
            ("hold a best interests meeting", &[AssessmentOrReview]),
            (
                "apply to the Court of Protection for a decision about Mr Y's care",
                &[AssessmentOrReview],
            ),
            ("arrange for a social worker to visit Mrs X", &[AssessmentOrReview]),
            ("send an officer to see the damp in Mr X's flat", &[AssessmentOrReview]),
            ("appoint a senior officer to oversee Ms X's case", &[ProvideService]),
            ("allocate a caseworker to manage the family's move", &[ProvideService]),
            (
                "reissue the decision letter with the correct appeal rights",
                &[Information],
            ),
            ("re-send its decision to Mrs X", &[Information]),
            ("Mrs X will not be charged for the delay", &[Financial]),
        ];
        for (text, want) in table {
            assert_eq!(kinds(text), want.to_vec(), "{text}");
        }
    }

    #[test]
    fn err_kinds_budgets_visits_and_reissued_letters() {
        // History and the fault, not actions: none of these kinds.
        for text in [
            "the personal budget was agreed in 2022",
            "the Council consulted Mrs X in May",
            "consult neighbours on the planning application",
            "the best interests decision was made in 2021",
            "the Court of Protection appointed a deputy",
            "the Council sent an officer to visit in May",
            "an officer was appointed in 2022",
            "the letter was reissued in May",
            "Mrs X was charged for the delay",
        ] {
            let k = kinds(text);
            assert!(
                !k.contains(&ProvideService)
                    && !k.contains(&Information)
                    && !k.contains(&AssessmentOrReview)
                    && !k.contains(&Financial),
                "{text}: {k:?}"
            );
        }
    }

    #[test]
    fn ok_passive_as_action() {
        let table: &[(&str, &str)] = &[
            (
                "Staff should be reminded of the need to reply on time.",
                "remind Staff of the need to reply on time.",
            ),
            (
                "Within one month, Mr X's care plan should be reviewed.",
                "Within one month, review Mr X's care plan.",
            ),
            (
                "Mrs X's account should be credited with £120.",
                "credit Mrs X's account with £120.",
            ),
            ("Mr X should be told of his rights.", "tell Mr X of his rights."),
            (
                "I recommend that the records are corrected and the plan must be reissued.",
                "I recommend that the records are corrected and reissue the plan.",
            ),
            ("The debt should be written off.", "write off The debt."),
        ];
        for (unit, want) in table {
            assert_eq!(passive_as_action(unit).as_deref(), Some(*want), "{unit}");
        }
    }

    #[test]
    fn err_passive_as_action() {
        for unit in [
            // A past obligation, a negation, the organisation itself.
            "The care plan should have been reviewed in 2023.",
            "Mrs X should not be charged.",
            "The Council will be asked to provide evidence.",
            "It will be reviewed if Mrs X asks.",
            // No participle of a remedy verb.
            "The plan should be clear.",
            "Mr X will be pleased.",
            "",
        ] {
            assert_eq!(passive_as_action(unit), None, "{unit}");
        }
    }

    #[test]
    fn err_kinds_money_not_recovered_and_decisions_retaken() {
        for text in [
            // No money named: no kind.
            "not pursue the complaint any further",
            "not enforce the planning condition",
            "the £250 should be paid by Mr X within a month",
            "provide him with a breakdown of the £300 charge",
            "the Council retook possession of the flat",
        ] {
            let k = kinds(text);
            assert!(
                !k.contains(&Financial) && !k.contains(&AssessmentOrReview),
                "{text}: {k:?}"
            );
        }
    }

    #[test]
    fn err_kinds_remedies_already_given() {
        let table: &[(&str, &[RemedyKind])] = &[
            // The fault, not an action (seed 004).
            (
                "apologise for the missed opportunities to assess and provide support for B's needs",
                &[Apology],
            ),
            ("the care provider monitored its staff", &[]),
            ("the bill was reissued in May", &[]),
            ("take action to resolve the complaint", &[Other]),
            ("the council tax band was set in 1993", &[]),
            ("the advice was legal", &[]),
        ];
        for (text, want) in table {
            assert_eq!(kinds(text), want.to_vec(), "{text}");
        }
    }

    #[test]
    fn ok_given_as_action() {
        let has = Some("In response to my draft decision, the Council has:");
        let table: &[(&str, bool, Option<&str>, Option<&str>)] = &[
            (
                "The Council has already apologised to Mr N.",
                false,
                None,
                Some("The Council has already apologise to Mr N."),
            ),
            (
                "In response to my draft decision, the Council has apologised to Mr N and paid him £150.",
                false,
                None,
                Some("In response to my draft decision, the Council has apologise to Mr N and pay him £150."),
            ),
            (
                "It has since carried out the repairs.",
                false,
                None,
                Some("It has since carry out the repairs."),
            ),
            (
                "paid Mr N £150 for his distress; and",
                true,
                has,
                Some("pay Mr N £150 for his distress; and"),
            ),
            (
                "reviewed its charging procedures.",
                true,
                has,
                Some("review its charging procedures."),
            ),
        ];
        for (unit, is_item, lead, want) in table {
            assert_eq!(given_as_action(unit, *is_item, *lead).as_deref(), *want, "{unit}");
        }
    }

    #[test]
    fn err_given_as_action() {
        let has = Some("In response to my draft decision, the Council has:");
        let table: &[(&str, bool, Option<&str>)] = &[
            // Not the organisation, or not the present perfect.
            ("Mrs X says the Council has paid her nothing.", false, None),
            ("The Council apologised in its stage 1 response.", false, None),
            ("The Council has agreed to my recommendations.", false, None),
            ("The Council has explained why it charged him.", false, None),
            ("The Council has not apologised.", false, None),
            // An item whose lead is no "has:", or that opens with no past form.
            ("paid Mr N £150", true, Some("The Council will:")),
            ("apologise to Mr N", true, has),
            ("a payment of £150", true, has),
        ];
        for (unit, is_item, lead) in table {
            assert_eq!(given_as_action(unit, *is_item, *lead), None, "{unit}");
        }
    }

    #[test]
    fn err_kinds_returned_and_met() {
        for text in [
            "Mr X returned to the property in May",
            "the cost of the tuition was £2,100",
            "the bill was revised in 2020",
            "the update she received was late",
            "Y was placed on a course in 2021",
        ] {
            assert!(kinds(text).is_empty(), "{text}: {:?}", kinds(text));
        }
    }

    #[test]
    fn err_kinds_owed_and_awarded() {
        for text in [
            "the recovery action was suspended in May",
            "the reasons for the refusal were unclear",
            "it reviewed whether Y should stay on the register in 2021",
            "the neighbour replaced the fence in 2020",
            "the screen was installed without consent",
            "a strategy discussion took place in March",
            "decide whether to act",
        ] {
            assert!(kinds(text).is_empty(), "{text}: {:?}", kinds(text));
        }
    }

    #[test]
    fn err_kinds_passives_and_reports() {
        for text in [
            "the assessment was completed in May",
            "the repairs were carried out in 2021",
            "the property was inspected in June",
            "Mrs B re-applied in March",
            "tell us what it has changed",
            "inform the Ombudsman when it has done so",
            "explain to us why the delay happened",
            "the duties in the Care Act 2014",
            "the SEND Code of Practice",
            "other tenants were not affected",
            "a meeting with the SENCO took place in May",
        ] {
            assert!(kinds(text).is_empty(), "{text}: {:?}", kinds(text));
        }
    }

    #[test]
    fn ok_addresses_ombudsman() {
        for (after, want) in [
            (" us what it has changed", true),
            (" to us why", true),
            (" the Ombudsman when", true),
            (" the ombudsman", true),
            (" users of the service", false),
            (" Mrs X what it has changed", false),
            (" to her why", false),
            ("", false),
        ] {
            assert_eq!(addresses_ombudsman(after), want, "{after:?}");
        }
    }

    #[test]
    fn ok_names_a_law() {
        for (unit, end, want) in [
            ("training on the Care Act 2014", "training on the Care".len(), true),
            ("training on the Care Standards Act", "training on the Care".len(), true),
            ("the SEND Code of Practice", "the SEND Code of Practice".len(), true),
            ("the Children and Families Act", "the Children".len(), true),
            ("provide care for her mother", "provide care".len(), false),
            ("provide care. Act now", "provide care".len(), false),
            ("review its practice on visits", "review its practice".len(), false),
            ("provide the Care", "provide the Care".len(), false),
        ] {
            assert_eq!(names_a_law(unit, end), want, "{unit}");
        }
    }

    #[test]
    fn ok_completes_an_assessment() {
        for (span, want) in [
            ("ensure the outstanding assessment is completed", true),
            ("arrange for the reviews to be carried out", true),
            ("ensure the investigation is promptly completed", true),
            ("ensure the repairs are completed", false),
            ("arrange for the works to be carried out", false),
            ("ensure the assessment is delivered", false),
        ] {
            assert_eq!(completes_an_assessment(span), want, "{span}");
        }
    }

    #[test]
    fn err_kinds_wider_verbs() {
        for text in [
            "The Council failed to assess her needs.",
            "It refused to review the decision.",
            "waive the requirement to attend",
            "consider whether to proceed",
            "the complaint it considered at stage 2",
        ] {
            assert!(kinds(text).is_empty(), "{text}: {:?}", kinds(text));
        }
    }

    #[test]
    fn err_kinds_issue_9_families() {
        for text in [
            // Negatives.
            "The Council has already apologised, so no further remedy is needed.",
            "I do not recommend a payment.",
            "We cannot achieve the outcome Mrs X wants.",
            "Further investigation would not lead to a different outcome.",
            // Descriptions and reports to the Ombudsman, not remedies.
            "the support it provides to carers",
            "provide us with a copy of the letter",
            "the staff who trained her",
            "an award-winning service",
            "decide whether to act",
        ] {
            assert!(kinds(text).is_empty(), "{text}: {:?}", kinds(text));
        }
    }

    #[test]
    fn ok_actions_issue_9_families() {
        for s in [
            "This included an apology to Mrs D and a symbolic payment of £300.",
            "An apology and a payment to Mr B is a satisfactory remedy.",
            "The Council agreed to our recommendations, which included a financial remedy.",
            "The recommended remedy also included training for officers.",
            "A payment of £400 to Mrs J is appropriate to recognise the uncertainty.",
            "An apology and a further payment of £150 would be proportionate.",
            "Such an award is reasonable given the delay.",
            "I consider a payment of £300 is appropriate to acknowledge the uncertainty.",
            "I consider £300 is a suitable amount to recognise her distress.",
            "In my view, an apology is sufficient.",
        ] {
            assert!(is_noun_list(s), "{s}");
        }
        for s in [
            "I therefore asked the Council to issue the plan, apologise and pay Mrs X £150.",
            "We asked the Trust to apologise to Mr B.",
            "I asked Kent County Council to review its policy.",
        ] {
            assert!(is_ombudsman_ask(s), "{s}");
        }
        for s in [
            "The Council agreed to my recommendation to pay Mr X £200.",
            "I recommended that the Council apologise.",
            "We recommended the Council reassess Mr X's care needs.",
        ] {
            assert!(has_directive(s), "{s}");
        }
    }

    #[test]
    fn err_actions_issue_9_families() {
        for s in [
            "Mrs X said the remedy she wanted was an apology.",
            "The Council's response to Mrs X came in March.",
            "The Council accepted my recommendations.",
            "Whether a payment would be appropriate is for the Council.",
            "The payment the Council made in 2020 was appropriate.",
            "It is appropriate to investigate.",
            "I consider the Council's decision was appropriate.",
            "I consider it is reasonable for the Council to ask for evidence.",
        ] {
            assert!(!is_noun_list(s), "{s}");
        }
        for s in [
            "I asked the Council to comment on the complaint.",
            "During my investigation I asked the Council to provide me with copies of its records.",
            "We asked the Council to explain why it delayed.",
            "Mrs X asked the Council to pay her £1,000.",
        ] {
            assert!(!is_ombudsman_ask(s), "{s}");
        }
        for s in [
            "I do not recommend the Council pays Mrs X.",
            "We have not recommended a payment.",
            "The Council has agreed to my recommendations.",
        ] {
            assert!(!has_directive(s), "{s}");
        }
        for s in [
            "The Council has already apologised, so no further remedy is needed.",
            "I do not recommend a payment because the tribunal can award costs.",
            "We cannot achieve the outcome the complainant wants.",
            "Further investigation would not lead to a different outcome.",
        ] {
            assert!(is_negative(s), "{s}");
        }
        assert!(!is_negative(
            "The Council should pay Mr Z £150 for his time and trouble."
        ));
    }

    #[test]
    fn ok_ends_with_word() {
        for (text, words) in [
            ("by not ", NEGATIONS),
            ("we don't  ", NEGATIONS),
            ("it won’t ", NEGATIONS),
            ("NEVER ", NEGATIONS),
            ("the support it ", DESCRIBING_SUBJECTS),
            ("which ", DESCRIBING_SUBJECTS),
        ] {
            assert!(ends_with_word(text, words), "{text:?}");
        }
        for (text, words) in [
            ("cannot ", NEGATIONS),
            ("by not", NEGATIONS),
            ("knot ", NEGATIONS),
            ("the unit ", DESCRIBING_SUBJECTS),
            ("", DESCRIBING_SUBJECTS),
            ("’ ", NEGATIONS),
        ] {
            assert!(!ends_with_word(text, words), "{text:?}");
        }
    }

    #[test]
    fn ok_every_kind_row_names_a_file_that_exists() {
        let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR"));
        for (kind, file) in kind_rows() {
            assert!(root.join(file).is_file(), "{kind:?}: {file} does not exist");
        }
        assert!(kind_rows().len() >= RemedyKind::ALL.len());
    }

    #[test]
    fn ok_deadlines() {
        let decided = Date::new(2022, 4, 21).ok();
        let table: &[(&str, &str, Option<&str>, Option<u32>)] = &[
            (
                "within one month of the final decision on this complaint.",
                "within one month of the final decision on this complaint",
                None,
                Some(30),
            ),
            (
                "Within one month of the date of the final decision statement, the Council will:",
                "Within one month of the date of the final decision statement",
                None,
                Some(30),
            ),
            (
                "Within two months, the Council has agreed",
                "Within two months",
                None,
                Some(60),
            ),
            (
                "within three months from the date of this report, apologise",
                "within three months from the date of this report",
                None,
                Some(90),
            ),
            (
                "has agreed to within the next three months to commission",
                "within the next three months",
                None,
                Some(90),
            ),
            (
                "within four weeks of my decision",
                "within four weeks of my decision",
                None,
                Some(28),
            ),
            ("within 20 working days", "within 20 working days", None, Some(28)),
            ("within 28 days", "within 28 days", None, Some(28)),
            (
                "by 20 May 2022 the Council has agreed to:",
                "by 20 May 2022",
                Some("2022-05-20"),
                None,
            ),
            ("by 20th May the Council will", "by 20th May", Some("2022-05-20"), None),
            ("by 1 March", "by 1 March", Some("2023-03-01"), None),
            (
                "no later than 1 June 2024",
                "no later than 1 June 2024",
                Some("2024-06-01"),
                None,
            ),
            (
                "by the end of June 2024",
                "by the end of June 2024",
                Some("2024-06-30"),
                None,
            ),
            ("by 05/06/2024", "by 05/06/2024", Some("2024-06-05"), None),
            // corpus/regressions/deadline-variants.txt
            ("by 31.03.2025", "by 31.03.2025", Some("2025-03-31"), None),
            (
                "no later than 4 weeks after the final decision",
                "no later than 4 weeks after the final decision",
                None,
                Some(28),
            ),
            (
                "not later than two months from the date of this statement",
                "not later than two months from the date of this statement",
                None,
                Some(60),
            ),
        ];
        for (text, want_text, want_date, want_days) in table {
            let d = deadline(text, decided).unwrap_or_else(|| panic!("no deadline in {text}"));
            assert_eq!(d.text, *want_text, "{text}");
            assert_eq!(d.date.map(|d| d.to_string()).as_deref(), *want_date, "{text}");
            assert_eq!(d.days, *want_days, "{text}");
        }
    }

    #[test]
    fn ok_within_parts_as_captured() {
        // The words of a `WITHIN` match give the same groups as its capture
        // engine.
        for text in [
            "within one month of the final decision on this complaint.",
            "Within two months, the Council has agreed",
            "within the next three months to commission",
            "WITHIN THE NEXT 3 MONTHS",
            "within a period of six weeks of my decision",
            "within a period of a month",
            "within a month",
            "within an hour or within a fortnight",
            "within twenty (20) working days of receipt of the complaint",
            "within 20 working days",
            "within 20\twhole calendar days",
            "within 5 calendar days",
            "within 5 clear days.",
            "within 28 days, and then",
            "within\u{b}3 years",
            "within 4 Weeks",
            "within 1 yearly review, within 2 years",
            "no later than 4 weeks after the final decision",
            "Not later than two months",
        ] {
            let Some(whole) = WITHIN.find(text) else { continue };
            let parts = within_parts(whole.as_str());
            assert!(parts.is_some(), "{text}");
            assert_eq!(parts, within_parts_captured(text), "{text}");
        }
        // Not ASCII: left to the capture engine.
        assert_eq!(within_parts("within 3 wee\u{212a}s"), None);
        assert_eq!(
            within_parts_captured("within 3 wee\u{212a}s"),
            Some(("3", false, "wee\u{212a}"))
        );
    }

    #[test]
    fn ok_same_deadline() {
        for (text, want) in [
            ("By the same date it should review its procedures.", "By the same date"),
            (
                "Within the same period, the Council will remind staff.",
                "Within the same period",
            ),
            (
                "It should do this within the same timescale.",
                "within the same timescale",
            ),
        ] {
            assert_eq!(same_deadline(text), Some(want), "{text}");
        }
    }

    #[test]
    fn err_same_deadline() {
        for text in [
            "It should review its procedures at the same time.",
            "the same officer should apologise",
            "within one month",
            "In the same way, it should remind staff.",
        ] {
            assert_eq!(same_deadline(text), None, "{text}");
        }
    }

    #[test]
    fn err_deadlines() {
        for text in [
            "pay Mr X £100 to recognise the distress",
            "by 3 members of staff",
            "Review Child Protection Conferences should be held within the statutory timescale",
            "by 31 February 2024",
            "within 0 days",
            "by the end of the process",
            "by 1.5 metres",
            "no later than the next review",
        ] {
            let d = deadline(text, None);
            assert!(
                d.is_none() || d.as_ref().is_some_and(|d| d.date.is_none() && d.days.is_none()),
                "{text}: {d:?}"
            );
        }
        // An impossible date keeps its words but gets no date.
        assert_eq!(deadline("by 31 February 2024", None).and_then(|d| d.date), None);
    }
}

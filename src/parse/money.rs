//! `parse::money`: takes one remedy sentence or list item and returns the sums
//! it mentions (in pence) and the remedy [`Payment`]s it states.
//!
//! Only text that the caller has already placed in a remedy context (an
//! "Agreed action" section, a "the council should:" list, or the summary of a
//! page with no such section) reaches [`payments`]; inside it a sum is a
//! payment only when a paying verb governs it and nothing marks it as some
//! other kind of money (arrears, a fee, a weekly rate, a refused claim).

use std::sync::LazyLock;

use regex::Regex;

use crate::parse::ascii_regex;
use crate::parse::record::Payment;
use crate::parse::remedies::{ends_with_word, FITTING, PAID_TO};

/// A sum of money found in a text.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Amount {
    /// Byte offset of the first character of the sum (the `£`).
    pub start: usize,
    /// Byte offset just past the sum.
    pub end: usize,
    /// The sum in pence.
    pub pence: u64,
}

/// `£250`, `£1,200`, `£1200`, `£159.58`, `£ 250`, `£1.5 million`, `£2k`, and
/// the rarer `250 pounds`. Thousands separators must come in groups of three
/// (`£1,20` reads as `£1`). Seen in every seed's "Agreed action" section.
static AMOUNT: LazyLock<Regex> = LazyLock::new(|| {
    ascii_regex(
        r"(?i)£\s?(\d{1,3}(?:,\d{3})+|\d+)(?:\.(\d{1,2}))?(?:\s?(million|thousand|m|k)(?-u:\b))?|(?-u:\b)(\d{1,3}(?:,\d{3})+|\d+)(?:\.(\d{1,2}))?\s+pounds(?-u:\b)",
    )
    .expect("amount regex")
});

/// Converts the parts of a matched sum to pence; `None` on overflow.
fn to_pence(pounds: &str, frac: Option<&str>, multiplier: Option<&str>) -> Option<u64> {
    let digits: String = pounds.chars().filter(|c| c.is_ascii_digit()).collect();
    if digits.is_empty() || digits.len() > 15 {
        return None;
    }
    let pounds: u64 = digits.parse().ok()?;
    let frac_pence: u64 = match frac {
        Some(f) if f.len() == 1 => f.parse::<u64>().ok()? * 10,
        Some(f) => f.parse().ok()?,
        None => 0,
    };
    let pence = pounds.checked_mul(100)?.checked_add(frac_pence)?;
    let factor: u64 = match multiplier.map(str::to_ascii_lowercase).as_deref() {
        Some("million") | Some("m") => 1_000_000,
        Some("thousand") | Some("k") => 1_000,
        _ => 1,
    };
    pence.checked_mul(factor)
}

/// Every sum of money in `text`, in order.
pub fn amounts(text: &str) -> Vec<Amount> {
    AMOUNT
        .captures_iter(text)
        .filter_map(|c| {
            let whole = c.get(0)?;
            let pence = if let Some(p) = c.get(1) {
                to_pence(p.as_str(), c.get(2).map(|m| m.as_str()), c.get(3).map(|m| m.as_str()))?
            } else {
                to_pence(c.get(4)?.as_str(), c.get(5).map(|m| m.as_str()), None)?
            };
            Some(Amount {
                start: whole.start(),
                end: whole.end(),
                pence,
            })
        })
        .collect()
}

/// Parses one sum written as in the decisions (`£1,200`, `£159.58`) to pence.
pub fn parse_amount(text: &str) -> Option<u64> {
    let found = amounts(text);
    match found.as_slice() {
        [one] if one.start == 0 && one.end == text.trim_end().len() => Some(one.pence),
        _ => None,
    }
}

/// Verbs that hand money over: "pay Mr B £250" (seed 003, excerpt 030),
/// "pays Mrs B £400" (excerpt 057), "make a payment of £300 to …",
/// "return Mr X's deposit", "cover the cost of …",
/// "offer Mr X £200", "refund Mr X £120", "reimburse her £50", "award Mrs X
/// £200", "a further award of £100", "give Mr Y £50", "credit Mr X's
/// account with £150" (corpus/regressions/wider-remedy-verbs.txt), "has
/// offered Mrs X £300" (the offer on the table; a past "offered", often an
/// offer refused, is not here).
static PAY_VERB: LazyLock<Regex> = LazyLock::new(|| {
    ascii_regex(
        r"(?i)(?-u:\b)(?:pay|pays|paying|repay|repays|repaying|offer|offers|offering|ha(?:s|ve)\s+(?:now\s+|already\s+|also\s+|since\s+)?offered|award|awards|awarding|give|gives|giving|credit|credits|crediting|(?:an?\s+)?(?:[\w-]+\s+)?award\s+of|(?:make|makes|making)\s+(?:an?\s+)?(?:[\w-]+\s+){0,2}?payments?(?:\s+of)?|payments?\s+of|cheque\s+for|financial\s+remedy\s+of|(?:increase|increases|increasing|raise|raises|raising)\s+(?:its\s+|the\s+|this\s+|that\s+)?(?:[\w-]+\s+)?(?:offer|payment|award)|refund|refunds|refunding|reimburse|reimburses|reimbursing|return|returns|returning|(?:cover|covers|covering|meet|meets|meeting|bear|bears)\s+(?:the\s+)?(?:full\s+|reasonable\s+|whole\s+)?costs?\s+of)(?-u:\b)",
    )
    .expect("pay verb regex")
});

/// A titled pseudonym, or two joined by "and" ("Mr and Mrs L"), up to the
/// letter: the people the rules below name.
const PERSON: &str = r"(?:Mr|Mrs|Ms|Miss|Mx|Dr)\s+(?:and\s+(?:Mr|Mrs|Ms|Miss|Mx|Dr)\s+)?[A-Z]";

/// The person paid as the subject: "Mr J should receive £200", "Mrs K
/// should be paid £150", "her son is to be given £100"
/// (corpus/regressions/lettered-items.txt). Group 1 is the recipient.
static RECEIVER: LazyLock<Regex> = LazyLock::new(|| {
    ascii_regex(
        &format!(r"(?-u:\b)((?:{PERSON}[\w’'-]*|[Tt]he\s+complainants?|(?:[Hh]is|[Hh]er|[Tt]heir)\s+(?:son|daughter|mother|father|wife|husband|partner|family|child|children|grandson|granddaughter))(?:[’']s\s+estate)?)\s+(?:should|will|must|shall|is\s+to|are\s+to)\s+(?:also\s+|now\s+|then\s+)?(?:receive|be\s+(?:paid|given|offered|awarded))(?-u:\b)"),
    )
    .expect("receiver regex")
});

/// An offer turned down later in its sentence: "…, but she declined it",
/// "which he refused", "Mrs X did not accept it".
static TURNED_DOWN: LazyLock<Regex> = LazyLock::new(|| {
    ascii_regex(
        r"^[^.;]{0,80}?(?-u:\b)(?:but|which|and|however)\s*,?\s+(?:(?:she|he|they|Mr|Mrs|Ms|Miss|Mx|Dr)(?:\s+(?:and\s+(?:Mr|Mrs|Ms|Miss|Mx|Dr)\s+)?[A-Z])?\s+)?(?:has\s+|have\s+|had\s+)?(?:declined|refused|rejected|turned\s+(?:it\s+)?down|did\s+not\s+accept|has\s+not\s+accepted|does\s+not\s+want)(?-u:\b)",
    )
    .expect("turned-down regex")
});

/// A person as the subject of the paying verb that follows: "for Mr B to
/// repay", "allow her to pay", "Mrs X should pay"
/// (corpus/regressions/payments-owed-and-awarded.txt).
static PERSON_PAYS: LazyLock<Regex> = LazyLock::new(|| {
    ascii_regex(&format!(
        r"(?-u:\b)(?:[Hh]im|[Hh]er|[Tt]hem|[Hh]e|[Ss]he|{PERSON}[\w’'-]*|[Tt]he\s+complainants?)\s+(?:to|should|will|must|would|can|could|shall|(?:has|have|had)\s+(?:agreed\s+)?to|agreed\s+to|is\s+to|was\s+to)\s+(?:also\s+|now\s+|then\s+)?$"
    ))
    .expect("person-pays regex")
});

/// Verbs whose object is a refund of money the person paid: a fee or charge
/// refunded is a remedy, so the non-payment nouns below do not apply;
/// "return Mr X's deposit of £500", "meet the cost of Y's tuition (£2,100)"
/// (corpus/regressions/money-returned-and-costs-met.txt).
static REFUND_VERB: LazyLock<Regex> =
    LazyLock::new(|| ascii_regex(r"(?i)^(?:repay|refund|reimburs|return|cover|meet|bear)").expect("refund regex"));

/// A negation in the clause before the verb: "refused to pay £300", "did not
/// offer to pay", "will not pay", "declined to refund".
static NEGATED: LazyLock<Regex> = LazyLock::new(|| {
    ascii_regex(r"(?i)(?-u:\b)(?:not|never|no longer|refused|refuses|refusing|declined|declines|declining|unwilling|cannot)(?-u:\b)|n[’']t(?-u:\b)")
        .expect("negation regex")
});

/// Where a negation before a paying verb stops reaching it: "has agreed not
/// to pursue the penalty charge and to refund the £70", "Although it did
/// not reply, the Council will pay £200"
/// (corpus/regressions/money-not-recovered-and-decisions-retaken.txt).
static NEGATION_BREAK: LazyLock<Regex> = LazyLock::new(|| {
    ascii_regex(r"(?i),\s|(?-u:\b)but\s|(?-u:\b)and\s+(?:to|will|has|have|should|must|it|they|the\s+council)\s")
        .expect("negation-break regex")
});

/// The words before a paying verb that a negation among them governs: from
/// the last [`NEGATION_BREAK`] on.
fn negation_scope(before_verb: &str) -> &str {
    NEGATION_BREAK
        .find_iter(before_verb)
        .last()
        .map_or(before_verb, |m| &before_verb[m.end()..])
}

/// A noun right before the sum that makes it some other money: "arrears of
/// £1,200", "fees of £200", "costs of £122" (excerpt 015), "a grant of
/// £30,000", "claimed £500", "costing £1190" (excerpt 055).
static OTHER_MONEY_BEFORE: LazyLock<Regex> = LazyLock::new(|| {
    ascii_regex(
        r"(?i)(?-u:\b)(?:arrears|fees?|charges?|grants?|debts?|rent|bills?|costs?|invoices?|fines?|penalty|balance|deposit|tax|income|salary|wages?|benefits?|premiums?|value|worth|costing|totall?ing|owed|owing|owes|disputed|outstanding|overpaid|overpayment|claimed|claims?|requested|sought|wanted|wants|asked for|estimated|loan|budget)\s+(?:of\s+)?(?:up\s+to\s+|about\s+|around\s+|approximately\s+|over\s+)?$",
    )
    .expect("other-money-before regex")
});

/// Words right after the sum that make it some other money: "£1,850 in
/// dispute", "£640 outstanding" (corpus/regressions/negatives-stay-negative.txt),
/// "£949 per week"
/// (excerpt 055), "£25 in compensation" is not here (it is a claim, caught by
/// the context rules), "£200 arrears", "£50 a month".
static OTHER_MONEY_AFTER: LazyLock<Regex> = LazyLock::new(|| {
    ascii_regex(
        r"(?i)^\s*(?:in\s+dispute|(?:that\s+)?(?:is|was|remains)\s+(?:disputed|outstanding|owed|owing)|disputed|outstanding|(?:in\s+)?(?:arrears|fees?|charges?|grant|debt|rent|bills?|costs?|invoices?|fine|deposit|council\s+tax|per(?-u:\b)|a\s+(?:week|month|year|day|night)(?-u:\b)|an\s+hour(?-u:\b)|each\s+(?:week|month|year|day|night)(?-u:\b)|weekly|monthly|annually|a\s+year))",
    )
    .expect("other-money-after regex")
});

/// "£200 goodwill payment", "a £150 payment": the sum names the payment;
/// "£300 is a suitable amount" (corpus/regressions/lettered-items.txt).
static PAYMENT_AFTER: LazyLock<Regex> = LazyLock::new(|| {
    ascii_regex(&format!(r"(?i)^\s+(?:[\w-]+\s+)?payments?(?-u:\b)|^\s+(?:is|would\s+be)\s+(?:an?\s+)?{FITTING}\s+(?:amount|sum|figure|payment|remedy)(?-u:\b)"))
        .expect("payment-after regex")
});

/// The sum as the subject of a passive payment: "£250 should be paid to Ms
/// X" (corpus/regressions/money-not-recovered-and-decisions-retaken.txt),
/// not "should be paid by Mr X".
static PAID_AFTER: LazyLock<Regex> =
    LazyLock::new(|| ascii_regex(&format!(r"(?i)^\s*{PAID_TO}")).expect("paid-after regex"));

/// "provide Mr N with £200", "provide Mrs X with a payment of £300": the
/// person provided with money is paid; the match ends right before the sum
/// (corpus/regressions/money-not-recovered-and-decisions-retaken.txt).
/// Group 1 is the recipient.
static PROVIDED_WITH: LazyLock<Regex> = LazyLock::new(|| {
    ascii_regex(&format!(
        r"(?-u:\b)(?:[Pp]rovide|[Pp]rovides|[Pp]roviding)\s+((?:{PERSON})[\w’'-]*|[Hh]im|[Hh]er|[Tt]hem|[Tt]he\s+complainants?)\s+with\s+(?:(?:an?|the|further|additional|extra|total|one-off|symbolic|goodwill|financial|sum|amount|payment|award|cheque|remedy|of|for)\s+)*$"
    ))
    .expect("provided-with regex")
});

/// "£150 each" (seed 002): one payment per named recipient.
static EACH_AFTER: LazyLock<Regex> = LazyLock::new(|| ascii_regex(r"(?i)^\s*each(?-u:\b)").expect("each regex"));

/// Filler between the recipient and the sum: "pay Mr and Mrs X an additional
/// £500" (excerpt 049), "pay her a further", "pay him a total of". The
/// article is lower case: "pay Mr A £250" names Mr A
/// (corpus/regressions/recipient-named-a.txt). Words that say which money it
/// is, "refund Mr X the full £500", "refund the overpaid £480", "the
/// overcharged £1,200", "the wrongly charged £50", are filler
/// too (corpus/regressions/money-not-recovered-and-decisions-retaken.txt).
static RECIPIENT_FILLER: LazyLock<Regex> = LazyLock::new(|| {
    ascii_regex(
        r"(?i)(?:[\s,]+(?:(?-i:an?)|additional|further|extra|total|sum|amount|symbolic|goodwill|one-off|financial|payment|remedy|of|back|the|in|compensation|sum|from|overpaid|overcharged|wrongly|incorrectly|charged|excess|outstanding|disputed|remaining|unpaid|full|whole|same|original|entire))+\s*$",
    )
    .expect("recipient filler regex")
});

/// What a recipient looks like: a titled pseudonym ("Mr B", "Mr and Mrs X"),
/// a pronoun, "each of the neighbours" (excerpt 008), "the complainant", "the
/// family", "her son".
static RECIPIENT_SHAPE: LazyLock<Regex> = LazyLock::new(|| {
    ascii_regex(
        r"^(?:(?:each|both|all)\s+(?:of\s+)?)?(?:(?:Mr|Mrs|Ms|Miss|Mx|Dr|Master|Lady|Sir)(?-u:\b)|him(?-u:\b)|her(?-u:\b)|them(?-u:\b)|the\s|his\s|their\s|[A-Z])",
    )
    .expect("recipient shape regex")
});

/// A titled pseudonym that owns what follows: "Mrs F's council tax", "Mr E’s
/// care account" (corpus/regressions/payment-rates-and-accounts.txt).
static POSSESSOR: LazyLock<Regex> =
    LazyLock::new(|| ascii_regex(&format!(r"^(?:into\s+|to\s+)?({PERSON})[’']s\s")).expect("possessor regex"));

/// "into Mr E's care account" after the sum: the account's holder; "into
/// Mrs X's personal budget" too (a row of
/// `ok_payments_passive_provided_and_qualified`).
static ACCOUNT_AFTER: LazyLock<Regex> = LazyLock::new(|| {
    ascii_regex(&format!(r"^\s*(?:[\w’'-]+\s+){{0,3}}?(?:directly\s+|back\s+)?(?:into|to)\s+(?:the\s+)?({PERSON})[’']s\s+(?:[\w-]+\s+){{0,3}}?(?:account|budget|direct\s+payments?)(?-u:\b)"))
        .expect("account regex")
});

/// "to Mrs X" after the sum: "make a payment of £300 to Mrs X for …", "pay
/// the £500 directly to Mrs J's care home", "A payment of £400 to Mrs J is
/// appropriate" (corpus/regressions/lettered-items.txt), "A payment of £150
/// should be made to Mrs X", "pay the £600 directly to the care home"
/// (corpus/regressions/money-not-recovered-and-decisions-retaken.txt).
static RECIPIENT_AFTER: LazyLock<Regex> = LazyLock::new(|| {
    ascii_regex(
        r"^\s*,?\s*(?:which\s+)?(?:(?:should|will|must|shall|is\s+to|would)\s+(?:also\s+|then\s+)?be\s+(?:made|paid|given|sent|offered|awarded)\s+)?(?:each\s+)?(?:(?:directly|straight|back)\s+)?to\s+((?:Mr|Mrs|Ms|Miss|Mx|Dr|Master|him|her|them|the\s+complainant|the\s+(?:care\s+home|nursing\s+home|care\s+provider|family|estate|landlord|tenants?|residents?|parents?)|each\s+of\s+[^,;.]+?|(?:Mr|Mrs|Ms|Miss|Mx)\s+and\s+\w+)(?-u:\b)[^,;.()]*?)(?:\s+(?:for|to|in|as|towards|within|by|because|is|are|was|were|would|will|should|must|has|have|who|which|so)(?-u:\b)|[,;.()]|$)",
    )
    .expect("recipient-after regex")
});

/// The person named between two sums of one verb: "pay Mr L £250 and Mrs L
/// £250" (corpus/regressions/each-of-and-costs-to.txt), "provide Mrs X with
/// £300 and Mr X with £100".
static CHAINED_PERSON: LazyLock<Regex> = LazyLock::new(|| {
    ascii_regex(&format!(
        r"^\s*,?\s*(?:and\s+)?(?:to\s+)?({PERSON}[\w’'-]*)\s*(?:with\s+)?$"
    ))
    .expect("chained-person regex")
});

/// The person who paid the money a refund puts back, named after the sum:
/// "refund the £70 Mrs H paid", "repay the £800 Mr G was charged"
/// (corpus/regressions/each-of-and-costs-to.txt), "apologise to Mrs X and
/// refund the £1,200 she paid" (a pronoun: the person it stands for).
static PAYER_AFTER: LazyLock<Regex> = LazyLock::new(|| {
    ascii_regex(&format!(
        r"^\s*(?:that\s+|which\s+)?({PERSON}[\w’'-]*|she|he|they)\s+(?:has\s+|had\s+|have\s+)?(?:paid|was\s+charged|were\s+charged|spent|incurred|overpaid|lost)(?-u:\b)"
    ))
    .expect("payer-after regex")
});

/// Money named after the sum, before who gets it: "refund the £180 summons
/// costs to Mr A" (corpus/regressions/each-of-and-costs-to.txt).
static MONEY_NOUN_AFTER: LazyLock<Regex> =
    LazyLock::new(|| ascii_regex(r"^\s*((?:[\w’'-]+\s+){1,3}?)to\s").expect("money-noun-after regex"));

/// A payment's own name or its rate between the sum and "to Mr N": "make a
/// £250 payment to Mr N", "pay £100 a month to Mr N"
/// (corpus/regressions/payments-named-after-the-sum.txt).
static PAYMENT_OR_RATE: LazyLock<Regex> = LazyLock::new(|| {
    ascii_regex(r"(?i)^(?:[\w’'-]+\s+)?(?:payments?|award|remedy|compensation|cheque)\s+$|^(?:a|an|per|each|every)\s+(?:week|month|term|year|day|night)\s+$")
        .expect("payment-or-rate regex")
});

/// The recipient named after the sum: an account's holder ("into Mr E's
/// care account"), "to Mrs X", or "to Mr A" after the money's name ("the
/// £180 summons costs to Mr A").
fn recipient_after(after: &str, unit: &str, lead: Option<&str>) -> Option<String> {
    // "to Ms E and £200 to her son": the first recipient ends before the
    // next sum's "and".
    let person = |c: regex::Captures| {
        c.get(1).map(|m| {
            let p = m.as_str().trim();
            p.strip_suffix(" and").unwrap_or(p).trim_end().to_string()
        })
    };
    if let Some(c) = ACCOUNT_AFTER
        .captures(after)
        .or_else(|| RECIPIENT_AFTER.captures(after))
        .or_else(|| PAYER_AFTER.captures(after))
    {
        // "apologise to Mrs X and refund the £1,200 she paid": a pronoun
        // payer is the person it stands for, or no one named.
        return person(c).and_then(|p| match p.as_str() {
            "she" => pronoun_antecedent("her", unit, lead),
            "he" => pronoun_antecedent("him", unit, lead),
            "they" => pronoun_antecedent("them", unit, lead),
            _ => Some(p),
        });
    }
    let words = MONEY_NOUN_AFTER.captures(after)?.get(1)?;
    if !names_money(words.as_str()) && !PAYMENT_OR_RATE.is_match(words.as_str()) {
        return None;
    }
    RECIPIENT_AFTER.captures(&after[words.end()..]).and_then(person)
}

/// The words that start a payment's reason: "for the uncertainty" (seed 003),
/// "to recognise the distress" (seed 002), "to acknowledge" (excerpt 049).
static REASON_START: LazyLock<Regex> = LazyLock::new(|| {
    ascii_regex(
        r"(?i)(?-u:\b)(?:for|to\s+recogni[sz]e|to\s+acknowledge|to\s+reflect|to\s+remedy|in\s+recognition\s+of|as\s+a\s+remedy\s+for|towards|to\s+cover|to\s+compensate(?:\s+\w+)?\s+for|to\s+make\s+up\s+for|as\s+redress\s+for|because\s+of)\s+",
    )
    .expect("reason start regex")
});

/// Where a reason stops: the next action joined by "and" ("… distress; and
/// remind its staff"), the next remedy of a noun list ("a payment of £300
/// for her distress, a review of its records …",
/// corpus/regressions/remedy-nouns-in-a-list.txt), a semicolon, a sentence
/// end.
static REASON_END: LazyLock<Regex> = LazyLock::new(|| {
    ascii_regex(
        r"(?i),\s+(?:and\s+)?(?:an?|the)\s+(?:[\w-]+\s+)?(?:apology|payments?|review|reminders?|training|award|remedy|financial)(?-u:\b)|,?\s+and\s+(?:will\s+|should\s+|to\s+|also\s+)?(?:pay|pays|review|reviews|remind|reminds|apologi[sz]e|apologi[sz]es|provide|provides|arrange|arranges|reassess|train|ensure|write|amend|correct|refund|reimburse|consider|make|issue|share|update|offer|carry|complete)(?-u:\b)|;|\.\s|\.$|\n",
    )
    .expect("reason end regex")
});

/// Splits a recipient like "Mr and Mrs X" or "Mr X, Mrs X and Miss X" into
/// one name per person, when every part is a titled pseudonym; `None` when the
/// recipient is not a countable list ("them", "each of the neighbours").
pub fn split_recipients(recipient: &str) -> Option<Vec<String>> {
    static SEP: LazyLock<Regex> =
        LazyLock::new(|| ascii_regex(r"\s*,\s*(?:and\s+)?|\s+and\s+|\s*&\s*").expect("sep regex"));
    static TITLED: LazyLock<Regex> =
        LazyLock::new(|| ascii_regex(r"^(Mr|Mrs|Ms|Miss|Mx|Dr|Master)(?:\s+([A-Z][\w’'-]*))?$").expect("titled regex"));
    let trimmed = recipient.trim();
    let trimmed = ["both ", "Both ", "each of ", "Each of "]
        .iter()
        .find_map(|p| trimmed.strip_prefix(p))
        .unwrap_or(trimmed);
    let mut parts: Vec<(String, Option<String>)> = Vec::new();
    for part in SEP.split(trimmed) {
        let caps = TITLED.captures(part.trim())?;
        let title = caps.get(1)?.as_str().to_string();
        parts.push((title, caps.get(2).map(|m| m.as_str().to_string())));
    }
    if parts.len() < 2 {
        return None;
    }
    // "Mr and Mrs X": the surname of the last part applies to the bare titles.
    let last_name = parts.iter().rev().find_map(|(_, n)| n.clone())?;
    Some(
        parts
            .into_iter()
            .map(|(t, n)| format!("{t} {}", n.unwrap_or_else(|| last_name.clone())))
            .collect(),
    )
}

/// Moves `i` down to the nearest char boundary of `s`.
fn floor_boundary(s: &str, mut i: usize) -> usize {
    i = i.min(s.len());
    while i > 0 && !s.is_char_boundary(i) {
        i -= 1;
    }
    i
}

/// The start of the clause holding byte `at`: just past the last `.`, `;`,
/// `:` or newline before it.
fn clause_start(text: &str, at: usize) -> usize {
    // Only the 200 bytes before `at` are searched, which keeps a long
    // sentence full of sums linear.
    let from = floor_boundary(text, at.saturating_sub(200));
    text[from..at]
        .rfind(['.', ';', ':', '\n'])
        .map_or(from, |i| from + i + 1)
}

/// When the verb governing a sum is a payment noun right before it ("a
/// discretionary housing payment of £400", "an award of £200") and an
/// earlier paying verb in the clause names the person ("award Mr B …"), the
/// words between that verb and the noun's article: "Mr B". `s..e` is the
/// noun's match, `sum_start` the sum's start.
fn noun_payment_recipient_gap<'a>(
    unit: &'a str,
    verbs: &[(usize, usize, bool)],
    s: usize,
    e: usize,
    sum_start: usize,
) -> Option<&'a str> {
    let noun = unit[s..e].trim_start().to_ascii_lowercase();
    let is_noun = noun.starts_with("payment")
        || noun.ends_with("award of")
        || noun.starts_with("cheque")
        || noun.ends_with("remedy of");
    if !is_noun || !unit[e..sum_start].trim().is_empty() {
        return None;
    }
    let &(_, prev_end, _) = verbs.iter().rev().find(|(_, pe, _)| *pe <= s)?;
    let between = &unit[prev_end..s];
    if between.len() > 60 || between.contains(['£', ';', '.', ',', '\n']) {
        return None;
    }
    // The article starts the noun phrase: "Mr B | a discretionary housing";
    // in "give Mrs C an award of £150" the noun's match holds it.
    let at = [" a ", " an "]
        .iter()
        .filter_map(|w| between.find(w))
        .min()
        .unwrap_or(between.len());
    Some(&between[..at])
}

/// Whether a plain "pay" pays money of another name for a person or to
/// them: a person's debt, "pay Mr B's council tax arrears of £120" (the
/// words between verb and sum name an owner); money owed to them, with the
/// person as the object, "pay Mrs X the arrears of housing benefit of
/// £1,450", or after the sum, "pay the arrears of housing benefit of £1,450
/// to Mrs X" (corpus/regressions/budgets-visits-and-benefit-arrears.txt).
/// "pay the care home fees of £3,000" names no one and stays other money;
/// so does a rate, "pay £100 a month to Mr N".
fn pays_a_person(verb: &str, between: &str, after: &str) -> bool {
    static TO_PERSON: LazyLock<Regex> = LazyLock::new(|| {
        ascii_regex(&format!(r"^\s*(?:(?:directly|straight|back)\s+)?to\s+{PERSON}")).expect("to-person regex")
    });
    let between = between.trim_start();
    ["pay", "pays", "paying"].iter().any(|v| verb.eq_ignore_ascii_case(v))
        && between.len() <= 60
        && !between.contains('£')
        && (POSSESSOR.is_match(between) || PERSON_THEN_THING.is_match(between) || TO_PERSON.is_match(after))
}

/// A titled person anywhere in a gap, with the letter's word.
static PERSON_IN: LazyLock<Regex> =
    LazyLock::new(|| ascii_regex(&format!(r"(?-u:\b){PERSON}[\w-]*")).expect("person-in regex"));

/// Whether a would-be recipient names money or its object rather than a
/// person: "the fees Mr X paid for the appeal".
fn names_money(r: &str) -> bool {
    static MONEY_WORD: LazyLock<Regex> = LazyLock::new(|| {
        ascii_regex(r"(?i)(?-u:\b)(?:fees?|costs?|charges?|deposit|bills?|invoices?|tuition|arrears|rent|sums?|amount|money|expenses)(?-u:\b)")
            .expect("money word regex")
    });
    MONEY_WORD.is_match(r)
}

/// A titled person followed by what they are paid: "Mrs X the difference
/// between …" (corpus/regressions/money-not-recovered-and-decisions-retaken.txt).
/// Group 1 is the person.
static PERSON_THEN_THING: LazyLock<Regex> = LazyLock::new(|| {
    ascii_regex(&format!(r"^({PERSON}[\w’'-]*)\s+(?:the|an?|any|all|some|its)\s+\S")).expect("person-then-thing regex")
});

/// Cleans a recipient taken from between the verb and the sum.
fn clean_recipient(gap: &str) -> Option<String> {
    let mut r = gap.trim().trim_matches(',').trim();
    // "pay Mrs X the difference between the fees she paid and …, £1,254",
    // "pay Mrs X the backdated carer's allowance of £780": a person then
    // what is paid; the person is paid.
    if let Some(c) = PERSON_THEN_THING.captures(r) {
        return c.get(1).map(|m| m.as_str().to_string());
    }
    // The filler pattern takes every trailing filler word at once.
    if let Some(m) = RECIPIENT_FILLER.find(r) {
        // "refund the charges of £1,340 to …": a noun right before "of £N"
        // is what the money is, not who gets it ("the sum of", "an amount
        // of" are filler themselves, so they never get here).
        let filler = r[m.start()..].trim_start_matches([' ', ',']);
        if filler.starts_with("of") && !r.starts_with("to ") {
            // "refund Mrs F's council tax of £320": the holder is paid.
            return POSSESSOR
                .captures(r)
                .and_then(|c| c.get(1))
                .map(|p| p.as_str().to_string());
        }
        r = r[..m.start()].trim_end();
    }
    // "make a payment to Mr Y of £200": the recipient after "to".
    r = r.strip_prefix("to ").map_or(r, str::trim_start);
    // "pay Mr N from its hardship fund £200": where the money comes from
    // is no part of who gets it
    // (corpus/regressions/money-not-recovered-and-decisions-retaken.txt).
    if let Some(at) = [" from its ", " from the ", " from their "]
        .iter()
        .filter_map(|w| r.find(w))
        .min()
    {
        r = r[..at].trim_end();
    }
    // "credit Ms E's council tax account with £150": the account's holder
    // (corpus/regressions/wider-remedy-verbs.txt).
    if let Some(account) = r.strip_suffix(" with").filter(|a| a.contains("account")) {
        if let Some(at) = account.find("'s ").or_else(|| account.find("’s ")) {
            r = &account[..at];
        }
    }
    // A recipient is a short noun phrase; a long gap is some other clause.
    if r.is_empty() || r.split_whitespace().count() > 8 || !RECIPIENT_SHAPE.is_match(r) {
        return None;
    }
    Some(r.to_string())
}

/// The reason after a sum: from the first reason word up to the next action,
/// semicolon or sentence end (and before any later sum).
fn reason_after(tail: &str) -> Option<String> {
    let m = REASON_START.find(tail)?;
    // The reason word must come soon after the sum ("£250 for …", "£500 it
    // has already offered, to acknowledge …").
    if m.start() > 60 {
        return None;
    }
    let rest = &tail[m.end()..];
    let mut end = REASON_END.find(rest).map_or(rest.len(), |e| e.start());
    // "for his distress within one month", "for his time by 1 May 2025": the
    // deadline is no part of the reason
    // (corpus/regressions/deadline-variants.txt).
    if let Some(at) = super::remedies::deadline(&rest[..end], None).and_then(|d| rest[..end].find(d.text.as_str())) {
        end = at;
    }
    let reason = rest[..end].trim().trim_end_matches([',', '.', ';', ':']).trim();
    let reason = reason.strip_suffix(" and").unwrap_or(reason).trim();
    // "for the six months of lost education (£300 a month)": the reason
    // stops at the next sum, so the bracket that opens it is dropped.
    let reason = reason.trim_end_matches([',', ';', ':', '(']).trim_end();
    // "for lost provision plus £250 for distress": the word that joins the
    // next sum is no part of the reason.
    let reason = ["plus", "and", "with"]
        .iter()
        .find_map(|w| reason.strip_suffix(w).filter(|r| r.ends_with(' ')))
        .map_or(reason, str::trim_end);
    // The closing bracket of a breakdown in brackets ("£250 (£100 for
    // distress and £150 for his time)") is not part of the reason.
    let reason = match reason.strip_suffix(')') {
        Some(r) if !r.contains('(') => r.trim_end().trim_end_matches([',', '.', ';', ':']),
        _ => reason,
    };
    (!reason.is_empty()).then(|| reason.to_string())
}

/// Longest unit copied whole into each of its payments.
const MAX_TEXT: usize = 1000;

/// The text a payment keeps: the whole sentence or list item, or, when that
/// is longer than [`MAX_TEXT`] (a run-on list that would otherwise be
/// copied into every payment), the clause around the sum between `;`, `.`
/// or line ends.
fn payment_text(unit: &str, a: &Amount) -> String {
    if unit.len() <= MAX_TEXT {
        return unit.trim().to_string();
    }
    let from = floor_boundary(unit, a.start.saturating_sub(MAX_TEXT / 2));
    let start = unit[from..a.start].rfind([';', '\n']).map_or(from, |i| from + i + 1);
    let mut to = (a.end + MAX_TEXT / 2).min(unit.len());
    while !unit.is_char_boundary(to) {
        to += 1;
    }
    let end = unit[a.end..to].find([';', '\n']).map_or(to, |i| a.end + i);
    unit[start..end].trim().to_string()
}

/// A person named with a title, or two joined by "and": "Mr N", "Mrs Y",
/// "Mr and Mrs X".
static NAMED: LazyLock<Regex> = LazyLock::new(|| {
    ascii_regex(
        r"(?-u:\b)(?:(?:Mr|Mrs|Ms|Miss|Mx|Dr)\s+and\s+)?(?:Mr|Mrs|Ms|Miss|Mx|Dr|Master)\s+[A-Z][A-Za-z]*(?-u:\b)",
    )
    .expect("named regex")
});

/// The last person `text` names with a title ("Mr N", "Mr and Mrs X").
pub fn last_person(text: &str) -> Option<&str> {
    NAMED.find_iter(text).last().map(|m| m.as_str())
}

/// Whether `unit` opens with a sum: "£200 for his distress".
pub fn opens_with_sum(unit: &str) -> bool {
    amounts(unit).first().is_some_and(|a| unit[..a.start].trim().is_empty())
}

/// The person a pronoun recipient stands for: the last person named before
/// the pronoun in `unit` whose title agrees with it ("apologise to Mr C and
/// pay him £150" → "Mr C"; "him" agrees with Mr, Master, Dr and Mx, "her"
/// with Mrs, Ms, Miss, Dr and Mx, "them" with two people joined by "and"),
/// or else the last such person in `lead` (the line that introduces the
/// list `unit` belongs to). `None` when `recipient` is no pronoun or no
/// person agrees: the pronoun then stays
/// (corpus/regressions/several-kinds-per-sentence.txt).
pub fn pronoun_antecedent(recipient: &str, unit: &str, lead: Option<&str>) -> Option<String> {
    let titles: &[&str] = match recipient {
        "him" | "Him" => &["Mr", "Master", "Dr", "Mx"],
        "her" | "Her" => &["Mrs", "Ms", "Miss", "Dr", "Mx"],
        "them" | "Them" => &[],
        _ => return None,
    };
    let agrees = |name: &str| {
        let pair = name.contains(" and ");
        if titles.is_empty() {
            pair
        } else {
            !pair && titles.iter().any(|t| name.split_whitespace().next() == Some(*t))
        }
    };
    let last_in = |text: &str| {
        NAMED
            .find_iter(text)
            .map(|m| m.as_str())
            .filter(|n| agrees(n))
            .last()
            .map(str::to_string)
    };
    let at = unit
        .match_indices(recipient)
        .find(|&(i, _)| {
            let before = unit[..i].chars().next_back();
            let after = unit[i + recipient.len()..].chars().next();
            !before.is_some_and(char::is_alphanumeric) && !after.is_some_and(char::is_alphanumeric)
        })
        .map_or(unit.len(), |(i, _)| i);
    last_in(&unit[..at]).or_else(|| lead.and_then(last_in))
}

/// The remedy payments stated in one sentence or list item.
///
/// `lead` is the line that introduces a list item ("pay Mrs X:"), whose
/// paying verb and recipient apply to a bare "£200 for the distress" item.
/// The caller decides that `unit` is a remedy; this function only decides
/// which sums in it are payments and to whom.
pub fn payments(unit: &str, lead: Option<&str>) -> Vec<Payment> {
    payments_and_rejections(unit, lead).0
}

/// Like [`payments`], with every sum of `unit` that is not a payment and the
/// reason, for audits (`examples/findings_audit.rs`).
pub fn payments_and_rejections(unit: &str, lead: Option<&str>) -> (Vec<Payment>, Vec<(Amount, &'static str)>) {
    let found = amounts(unit);
    let mut out: Vec<Payment> = Vec::new();
    let mut rejected: Vec<(Amount, &'static str)> = Vec::new();
    let mut verbs: Vec<(usize, usize, bool)> = PAY_VERB
        .find_iter(unit)
        .map(|m| (m.start(), m.end(), REFUND_VERB.is_match(m.as_str())))
        .collect();
    // "Mr J should receive £200": the verb, and the recipient it names first.
    let mut receivers: Vec<(usize, String)> = Vec::new();
    if unit.contains("receive") || unit.contains(" be ") {
        for c in RECEIVER.captures_iter(unit) {
            let (Some(all), Some(who)) = (c.get(0), c.get(1)) else {
                continue;
            };
            verbs.push((all.start(), all.end(), false));
            receivers.push((all.end(), who.as_str().to_string()));
        }
        verbs.sort_unstable();
        // "Mrs X should receive a payment of £300": the payment noun right
        // after the receiving verb gives way to it
        // (corpus/regressions/money-not-recovered-and-decisions-retaken.txt).
        verbs.retain(|&(s, _, _)| {
            !receivers.iter().any(|(end, _)| {
                s >= *end
                    && unit[*end..s].split_whitespace().all(|w| {
                        matches!(
                            w,
                            "a" | "an"
                                | "the"
                                | "further"
                                | "additional"
                                | "symbolic"
                                | "one-off"
                                | "goodwill"
                                | "total"
                        )
                    })
            })
        });
    }
    // "provide Mrs X with a payment of £300": the person and the verb end
    // right before the sum; a paying noun inside ("payment of") gives way.
    if unit.contains("rovid") && unit.contains(" with ") {
        for a in &found {
            let window = &unit[floor_boundary(unit, a.start.saturating_sub(120))..a.start];
            let Some(c) = PROVIDED_WITH.captures(window) else {
                continue;
            };
            let (Some(all), Some(who)) = (c.get(0), c.get(1)) else {
                continue;
            };
            let start = a.start - window.len() + all.start();
            verbs.retain(|&(s, _, _)| !(s >= start && s < a.start));
            verbs.push((start, a.start, false));
            receivers.push((a.start, who.as_str().to_string()));
        }
        verbs.sort_unstable();
    }
    // A lead like "pay Mrs X:" with no sum of its own lends its verb and
    // recipient to bare sums in its items.
    // Read only when a sum has no verb of its own.
    let lead_cell: std::cell::OnceCell<Option<Option<String>>> = std::cell::OnceCell::new();
    let lead_recipient = || {
        lead_cell.get_or_init(|| {
            let l = lead?;
            if !amounts(l).is_empty() {
                return None;
            }
            let v = PAY_VERB.find_iter(l).last()?;
            Some(clean_recipient(l[v.end()..].trim_end_matches([':', ',', ' '])))
        })
    };
    let mut prev_end_with_recipient: Option<(usize, Option<String>)> = None;
    // For each payment, the index in `found` of its sum.
    let mut from: Vec<usize> = Vec::new();
    for (i, a) in found.iter().enumerate() {
        let next_start = found.get(i + 1).map_or(unit.len(), |n| n.start);
        let after = &unit[a.end..next_start];
        let before_start = floor_boundary(unit, a.start.saturating_sub(40));
        let before = &unit[before_start..a.start];
        // "increase its offer to Mr N from £100 to £300": the first sum is
        // replaced by the second (corpus/regressions/payments-named-after-the-sum.txt).
        if ends_with_word(before, &["from"]) && after.trim_start().starts_with("to") && next_start < unit.len() {
            rejected.push((*a, "a sum replaced by the one after it (from £100 to £300)"));
            continue;
        }
        // The governing verb: the last one before the sum in the same clause.
        let verb = verbs[..verbs.partition_point(|(s, _, _)| *s < a.start)]
            .last()
            .filter(|(_, e, _)| {
                let gap = &unit[*e..a.start];
                gap.len() <= 200 && !gap.contains([';', '\n']) && !gap.contains(". ")
            })
            .copied();
        let named_payment = PAYMENT_AFTER.is_match(after);
        let (governed, refund, recipient_gap) = match verb {
            Some((s, e, refund)) => {
                let cstart = clause_start(unit, s);
                if NEGATED.is_match(negation_scope(&unit[cstart..s])) {
                    rejected.push((*a, "the paying verb is negated (refused, did not, will not)"));
                    continue;
                }
                // "a plan for Mr B to repay his arrears", "Mr B should pay
                // his arrears": the person pays, not the organisation
                // (corpus/regressions/payments-owed-and-awarded.txt).
                if PERSON_PAYS.is_match(&unit[floor_boundary(unit, s.saturating_sub(40)).max(cstart)..s]) {
                    rejected.push((*a, "the complainant is the one who pays"));
                    continue;
                }
                // "has offered Mrs X £300, but she declined it": an offer turned
                // down is no payment (corpus/regressions/offer-on-the-table.txt).
                if unit[s..e].contains("offer") && TURNED_DOWN.is_match(&unit[a.end..]) {
                    rejected.push((*a, "an offer the complainant turned down"));
                    continue;
                }
                // The recipient stands before the verb's first sum: "pay Mrs X
                // £300 a month … (£1,500 in total)" pays the total to Mrs X.
                let first = found.iter().find(|x| x.start >= e).map_or(a.start, |x| x.start);
                let gap = &unit[e..first.min(a.start)];
                // "award Mr B a discretionary housing payment of £400": the
                // noun takes the sum, the verb before it names the person
                // (corpus/regressions/payments-owed-and-awarded.txt).
                let gap = match noun_payment_recipient_gap(unit, &verbs, s, e, a.start) {
                    Some(before_noun) => before_noun,
                    None => gap,
                };
                // "pay Mr B's council tax arrears of £120 on his behalf": a
                // person's debt paid for them is a payment to them, as a
                // refund is (corpus/regressions/payments-owed-and-awarded.txt);
                // so is "the arrears of housing benefit of £1,450" paid to
                // Mrs X.
                let settles = pays_a_person(&unit[s..e], &unit[e..a.start], after);
                // "cover the cost of the carpet, £640": what follows "cost
                // of" is the thing, never the person.
                let object_only = refund && unit[s..e].ends_with(" of");
                (true, refund || settles, Some((e, gap, object_only)))
            }
            None if named_payment || PAID_AFTER.is_match(after) => (true, false, None),
            None => match lead_recipient() {
                Some(_) => (true, false, None),
                None => (false, false, None),
            },
        };
        if !governed {
            rejected.push((*a, "no paying verb governs it in its clause"));
            continue;
        }
        let other_after = !refund && OTHER_MONEY_AFTER.is_match(after);
        if !refund && (other_after || OTHER_MONEY_BEFORE.is_match(before)) {
            // "pay £100 a month to Mr N … (£600 in total)": the rate names
            // the person the total after it is paid to.
            if let Some(who) = other_after.then(|| recipient_after(after, unit, lead)).flatten() {
                prev_end_with_recipient = Some((a.end, Some(who)));
            }
            rejected.push((
                *a,
                "other money: arrears, a fee, a cost, a claim, a rate or a sum in dispute",
            ));
            continue;
        }
        // Recipient: between the verb and the sum, or "to Mrs X" after it;
        // a sum chained to an earlier one ("£250 for … and £100 for …",
        // seed 003) shares its recipient.
        let mut recipient = None;
        if let Some((verb_end, gap, object_only)) = recipient_gap {
            match prev_end_with_recipient.as_ref() {
                // "pay Mr L £250 and Mrs L £250", "pay £300 to Ms E and £200
                // to her son": a person named for the second sum is its own
                // (corpus/regressions/each-of-and-costs-to.txt).
                Some((prev_end, r)) if *prev_end > verb_end => {
                    recipient = CHAINED_PERSON
                        .captures(&unit[*prev_end..a.start])
                        .and_then(|c| c.get(1))
                        .map(|m| m.as_str().trim().to_string())
                        .or_else(|| recipient_after(after, unit, lead))
                        .or_else(|| r.clone());
                }
                _ => match receivers.iter().find(|(end, _)| *end == verb_end) {
                    Some((_, who)) => recipient = Some(who.clone()),
                    None => {
                        recipient = if object_only { None } else { clean_recipient(gap) };
                        // "reimburse Mrs X for the cost of the private
                        // assessment (£650)", "refund the fees Mr X paid for
                        // the appeal, £120": the person the money goes back to
                        // (corpus/regressions/money-returned-and-costs-met.txt).
                        if refund && recipient.as_deref().is_none_or(names_money) {
                            recipient = PERSON_IN
                                .find(gap)
                                .map(|m| m.as_str().to_string())
                                .or_else(|| recipient.filter(|r| !names_money(r)));
                        }
                    }
                },
            }
        }
        if recipient.is_none() {
            recipient = recipient_after(after, unit, lead);
        }
        if recipient.is_none() {
            if let Some(Some(r)) = lead_recipient() {
                recipient = Some(r.clone());
            }
        }
        // "£200 each", and "£250 to each of Mr and Mrs Z".
        let each = EACH_AFTER.is_match(after) || recipient.as_deref().is_some_and(|r| r.starts_with("each of "));
        let reason = reason_after(after);
        prev_end_with_recipient = Some((a.end, recipient.clone()));
        let text = payment_text(unit, a);
        let split = if each {
            recipient.as_deref().and_then(split_recipients)
        } else {
            None
        };
        match split {
            Some(names) => {
                for name in names {
                    from.push(i);
                    out.push(Payment {
                        amount_pence: a.pence,
                        recipient: Some(name),
                        reason: reason.clone(),
                        text: text.clone(),
                    });
                }
            }
            None => {
                from.push(i);
                out.push(Payment {
                    amount_pence: a.pence,
                    recipient,
                    reason,
                    text,
                });
            }
        }
    }
    let parts = parts_of_a_sum(unit, &found, &from);
    if !parts.is_empty() {
        let mut keep = Vec::with_capacity(out.len());
        for (payment, i) in out.into_iter().zip(&from) {
            if parts.contains(i) {
                rejected.push((found[*i], "part of a sum stated beside it (a breakdown, or a total)"));
            } else {
                keep.push(payment);
            }
        }
        out = keep;
    }
    (out, rejected)
}

/// A sum followed by its parts: "£350, which is made up of £200 for distress
/// and £150 for time and trouble", "£250 (£100 for distress and £150 …)".
static BREAKDOWN_MARK: LazyLock<Regex> = LazyLock::new(|| {
    ascii_regex(r"(?i)\(|made\s+up\s+of|comprising|compris(?:es|ed)\s+of|consist(?:s|ing)\s+of|broken\s+down|break\s*down|includ(?:es|ing)|of\s+which|being|which\s+is|that\s+is|i\.e\.|equivalent\s+to|:|–|—")
        .expect("breakdown regex")
});

/// A rate after a sum's breakdown mark: "£2,400, which is £400 for each of
/// the six months" (corpus/regressions/payment-rates-and-accounts.txt).
static RATE_AFTER: LazyLock<Regex> = LazyLock::new(|| {
    ascii_regex(r"(?i)^\s*(?:for\s+(?:each|every)|per(?-u:\b)|an?\s+(?:week|month|term|year|day|night)(?-u:\b)|each\s+(?:week|month|term|year|day|night)(?-u:\b))")
        .expect("rate regex")
});

/// A total after its parts: "£100 for each month (£600 in total)", "£200
/// for distress and £150 for time and trouble, £350 in total".
static TOTAL_AFTER: LazyLock<Regex> =
    LazyLock::new(|| ascii_regex(r"(?i)^\s*(?:in\s+total|total(?-u:\b)|altogether|overall)").expect("total regex"));
/// "a total of £350", and a running total, "bringing the total it has paid
/// him to £350" (the rows of `ok_payments_passive_provided_and_qualified`).
static TOTAL_BEFORE: LazyLock<Regex> = LazyLock::new(|| {
    ascii_regex(r"(?i)(?:a\s+total\s+of|in\s+total|a\s+total\s+payment\s+of|altogether|(?:bringing|brings|bring|making|makes|taking|takes)\s+(?:the|its|this|her|his|their)\s+(?:[\w-]+\s+)?total\s+(?:[\w’'-]+\s+){0,5}?to)\s*$").expect("total regex")
});

/// What ends the words between a rate and its total: "£75 for each month of
/// delay, which is £450", "…, making £600", "… (a total of £300".
static TOTAL_MARK: LazyLock<Regex> = LazyLock::new(|| {
    ascii_regex(r"(?i)(?:which\s+(?:is|comes\s+to|totals|makes)|that\s+is|making|totalling|totaling|coming\s+to|i\.e\.)\s*(?:a\s+total\s+of\s+)?(?:\(\s*)?$")
        .expect("total-mark regex")
});

/// The indexes (in `found`) of the payment sums that are parts of another
/// payment sum of the same sentence or item, so that a sum and its parts
/// count once (`corpus/regressions/payment-breakdowns.txt`):
/// - a **breakdown**: the sums right after a sum, after a mark such as `(`
///   or "made up of", that add up to it exactly;
/// - a **total**: a sum marked "in total" or "a total of" after other sums
///   of its clause (a rate, or parts), which are then the parts.
///
/// `sums` lists, for each payment, the index of its sum, in order; a sum
/// paid to several people ("£150 each") is never a part or a whole here.
fn parts_of_a_sum(unit: &str, found: &[Amount], sums: &[usize]) -> Vec<usize> {
    // A sum listed twice is paid to several people.
    if sums.len() < 2 || sums.windows(2).any(|w| w[0] == w[1]) {
        return Vec::new();
    }
    let mut parts = Vec::new();
    let same_clause = |a: usize, b: usize| {
        let gap = &unit[found[a].end..found[b].start];
        !gap.contains([';', '\n'])
    };
    for (k, &whole) in sums.iter().enumerate() {
        if parts.contains(&whole) {
            continue;
        }
        // A total after its parts.
        let after = &unit[found[whole].end..];
        let before = &unit[floor_boundary(unit, found[whole].start.saturating_sub(60))..found[whole].start];
        if k > 0 && (TOTAL_AFTER.is_match(after) || TOTAL_BEFORE.is_match(before)) {
            let earlier: Vec<usize> = sums[..k]
                .iter()
                .copied()
                .filter(|&e| same_clause(e, whole) && found[e].pence < found[whole].pence && !parts.contains(&e))
                .collect();
            parts.extend(earlier);
            continue;
        }
        // A rate before its total: "£75 for each month of delay, which is
        // £450" (corpus/regressions/payments-named-after-the-sum.txt).
        if k > 0 {
            let rate = sums[k - 1];
            let (r, w) = (found[rate].pence, found[whole].pence);
            if same_clause(rate, whole)
                && r > 0
                && r < w
                && w % r == 0
                && !parts.contains(&rate)
                && RATE_AFTER.is_match(&unit[found[rate].end..])
                && TOTAL_MARK.is_match(&unit[found[rate].end..found[whole].start])
            {
                parts.push(rate);
                continue;
            }
        }
        // A breakdown after its sum.
        let Some(&first) = sums.get(k + 1) else { continue };
        if !BREAKDOWN_MARK.is_match(&unit[found[whole].end..found[first].start]) {
            continue;
        }
        // One rate that divides the sum: "£2,400, which is £400 for each of
        // the six months".
        let (w, f) = (found[whole].pence, found[first].pence);
        if same_clause(whole, first) && f > 0 && f < w && w % f == 0 && RATE_AFTER.is_match(&unit[found[first].end..]) {
            parts.push(first);
            continue;
        }
        let mut total = 0u64;
        for (n, &part) in sums[k + 1..].iter().enumerate() {
            if !same_clause(whole, part) {
                break;
            }
            total = total.saturating_add(found[part].pence);
            if total == found[whole].pence && n > 0 {
                parts.extend(&sums[k + 1..=k + 1 + n]);
                break;
            }
            if total > found[whole].pence {
                break;
            }
        }
    }
    parts
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ok_payments_named_after_the_sum() {
        // corpus/regressions/payments-named-after-the-sum.txt
        type Paid<'a> = &'a [(u64, Option<&'a str>)];
        let table: &[(&str, Paid)] = &[
            ("make a £250 payment to Mr N for the distress", &[(25000, Some("Mr N"))]),
            ("provide a financial remedy of £150 to Mrs N", &[(15000, Some("Mrs N"))]),
            ("send Mr N a cheque for £75", &[(7500, None)]),
            (
                "pay £20 a month to Mr N for the five months (£100 in total)",
                &[(10000, Some("Mr N"))],
            ),
            (
                "pay Mrs N £30 for each month of the delay, which is £150",
                &[(15000, Some("Mrs N"))],
            ),
            (
                "increase the payment to Mr N from £100 to £300",
                &[(30000, Some("Mr N"))],
            ),
            (
                "increase its offer to Mrs X from £150 to £400",
                &[(40000, Some("Mrs X"))],
            ),
        ];
        for (unit, want) in table {
            let got = payments(unit, None);
            let got: Vec<(u64, Option<&str>)> = got.iter().map(|p| (p.amount_pence, p.recipient.as_deref())).collect();
            assert_eq!(got, want.to_vec(), "{unit}");
        }
    }

    #[test]
    fn err_payments_named_after_the_sum() {
        // A rate and a total that do not divide, and words that are no total.
        for (unit, want) in [
            (
                "pay Mrs N £30 for each month, which is £100 more than before",
                vec![3000, 10000],
            ),
            ("pay £20 a month to Mr N for the heating", vec![]),
            ("send Mr N a copy of the £75 invoice", vec![]),
            // "from" with no sum after "to": no replacement.
            ("pay Mr N £200 from its budget to cover the fees", vec![20000]),
        ] {
            let got: Vec<u64> = payments(unit, None).iter().map(|p| p.amount_pence).collect();
            assert_eq!(got, want, "{unit}");
        }
    }

    #[test]
    fn ok_payments_passive_provided_and_qualified() {
        // corpus/regressions/money-not-recovered-and-decisions-retaken.txt
        type Paid<'a> = &'a [(u64, Option<&'a str>)];
        let table: &[(&str, Paid)] = &[
            (
                "A payment of £150 should be made to Mrs X for her time and trouble.",
                &[(15000, Some("Mrs X"))],
            ),
            (
                "£250 should be paid to Ms X to recognise her distress.",
                &[(25000, Some("Ms X"))],
            ),
            (
                "make a payment of £200, which should be paid to Mr X by cheque",
                &[(20000, Some("Mr X"))],
            ),
            (
                "pay the £600 directly to the care home",
                &[(60000, Some("the care home"))],
            ),
            ("refund Mr X the full £500 he paid", &[(50000, Some("Mr X"))]),
            ("repay Mrs X the remaining £320", &[(32000, Some("Mrs X"))]),
            ("refund the overpaid £480", &[(48000, None)]),
            ("pay Mr N from its hardship fund £200", &[(20000, Some("Mr N"))]),
            ("provide Mr N with £200 for his distress", &[(20000, Some("Mr N"))]),
            ("provide Mrs X with a payment of £300", &[(30000, Some("Mrs X"))]),
            (
                "provide Mrs X with a payment of £300 and Mr X with £100",
                &[(30000, Some("Mrs X")), (10000, Some("Mr X"))],
            ),
            ("refund the overcharged £1,200", &[(120000, None)]),
            // A person, then what is paid.
            (
                "pay Mrs X the difference between the fees she paid and the fees she should have paid, £1,254",
                &[(125400, Some("Mrs X"))],
            ),
            (
                "pay Mrs X the backdated carer's allowance of £780",
                &[(78000, Some("Mrs X"))],
            ),
            ("pay £400 into Mrs X's personal budget", &[(40000, Some("Mrs X"))]),
            // The payer after the sum, as a pronoun: the person it stands for.
            (
                "apologise to Mrs X and refund the £1,200 she paid for the days in hospital",
                &[(120000, Some("Mrs X"))],
            ),
            // A running total counts once, as a total does.
            (
                "pay Mr X £100, bringing the total it has paid him to £350",
                &[(35000, Some("Mr X"))],
            ),
            (
                "pay Ms X a further £250, bringing its total remedy to £500",
                &[(50000, Some("Ms X"))],
            ),
            // The payment noun after the receiving verb gives way to it.
            ("Mrs X should receive a payment of £300.", &[(30000, Some("Mrs X"))]),
            ("Mr N will receive a further payment of £100", &[(10000, Some("Mr N"))]),
            ("refund Mr X the wrongly charged £50", &[(5000, Some("Mr X"))]),
            // A negation before a break does not reach the paying verb.
            (
                "agreed not to pursue the penalty charge and to refund the £70 Mr B paid",
                &[(7000, Some("Mr B"))],
            ),
            (
                "Although it did not reply to Mrs X, the Council will pay her £200.",
                &[(20000, Some("her"))],
            ),
            (
                "refused to pay Mr X £300, but will now pay him £100",
                &[(10000, Some("him"))],
            ),
            // Money of another name paid to a person named after the sum or
            // as the object.
            (
                "pay the arrears of housing benefit of £1,450 to Mrs X",
                &[(145000, Some("Mrs X"))],
            ),
            (
                "pay Mrs X the arrears of housing benefit of £1,450",
                &[(145000, Some("Mrs X"))],
            ),
        ];
        for (unit, want) in table {
            let got = payments(unit, None);
            let got: Vec<(u64, Option<&str>)> = got.iter().map(|p| (p.amount_pence, p.recipient.as_deref())).collect();
            assert_eq!(got, want.to_vec(), "{unit}");
        }
    }

    #[test]
    fn err_payments_passive_provided_and_qualified() {
        // Money described, owed by the complainant, or refused.
        for unit in [
            "provide him with a breakdown of the £300 charge",
            "the £250 should be paid by Mr X within a month",
            "Mrs X says £400 should be repaid",
            "will not pay Mrs X the £300 she asked for",
            "did not agree to apologise and pay Mr X £200",
            "will not pay Mr X £300 or refund his fee of £50",
            // Other money paid by someone else, or to no person, or a rate.
            "asked Mrs X to pay the arrears of £1,200 to its agent",
            "Mrs X agreed to pay Mr Y the fees of £300",
            "pay the care home fees of £3,000",
            "pay the rent of £100 a week to Mr X",
        ] {
            let got: Vec<u64> = payments(unit, None).iter().map(|p| p.amount_pence).collect();
            assert!(got.is_empty(), "{unit}: {got:?}");
        }
    }

    #[test]
    fn ok_pronoun_antecedent() {
        let table: &[(&str, &str, Option<&str>, &str)] = &[
            ("him", "apologise to Mr C and pay him £150 for his time", None, "Mr C"),
            (
                "her",
                "apologise to Mrs W, pay her £200 for the distress",
                None,
                "Mrs W",
            ),
            (
                "her",
                "reconsider Mrs Y's medical priority and pay her £250",
                None,
                "Mrs Y",
            ),
            // The last person named before the pronoun who agrees with it.
            ("him", "tell Mrs X and Mr Y the outcome and pay him £100", None, "Mr Y"),
            ("her", "write to Mr Z about Ms Q and pay her £80", None, "Ms Q"),
            (
                "them",
                "apologise to Mr and Mrs X and pay them £300",
                None,
                "Mr and Mrs X",
            ),
            // No one in the item: the lead names the person.
            (
                "him",
                "pay him £300 for his distress;",
                Some("The Council will apologise to Mr N and:"),
                "Mr N",
            ),
        ];
        for (pronoun, unit, lead, want) in table {
            assert_eq!(
                pronoun_antecedent(pronoun, unit, *lead).as_deref(),
                Some(*want),
                "{unit}"
            );
        }
    }

    #[test]
    fn err_pronoun_antecedent() {
        let table: &[(&str, &str, Option<&str>)] = &[
            // No one named, or no title that agrees.
            ("him", "pay him £150", None),
            ("her", "apologise to Mr C and pay her £150", None),
            ("them", "apologise to Mr C and pay them £150", None),
            // Named only after the pronoun.
            ("him", "pay him £150 and write to Mr C", None),
            // Not a pronoun.
            ("Mr C", "pay Mr C £150", None),
        ];
        for (pronoun, unit, lead) in table {
            assert_eq!(pronoun_antecedent(pronoun, unit, *lead), None, "{unit}");
        }
    }

    #[test]
    fn ok_amounts_in_pence() {
        let table: &[(&str, u64)] = &[
            ("£250", 25000),
            ("£1,200", 120000),
            ("£1200", 120000),
            ("£159.58", 15958),
            ("£159.5", 15950),
            ("£ 300", 30000),
            ("£0.50", 50),
            ("£1.5 million", 150_000_000),
            ("£2k", 200_000),
            ("£12,345,678", 1_234_567_800),
            ("500 pounds", 50000),
        ];
        for (text, pence) in table {
            assert_eq!(parse_amount(text), Some(*pence), "{text}");
        }
    }

    #[test]
    fn err_amounts_that_are_not_sums() {
        let table: &[&str] = &["£", "250", "£abc", "£99999999999999999999", "section 26(1)", "£1,20"];
        for text in table {
            assert_eq!(parse_amount(text), None, "{text}");
        }
    }

    #[test]
    fn ok_amounts_in_sentences() {
        let found = amounts("pay Mr B £250 for the uncertainty and £100 for the delay.");
        let pence: Vec<u64> = found.iter().map(|a| a.pence).collect();
        assert_eq!(pence, vec![25000, 10000]);
        // A full stop after a sum is not a decimal point.
        assert_eq!(amounts("pay Mrs X £200.").first().map(|a| a.pence), Some(20000));
        // Non-ASCII text around sums never breaks slicing.
        assert_eq!(amounts("’£5’ — £7").len(), 2);
    }

    /// (unit, expected (pence, recipient, reason) list)
    type Case = (
        &'static str,
        &'static [(u64, Option<&'static str>, Option<&'static str>)],
    );

    #[test]
    fn ok_payments() {
        let table: &[Case] = &[
            // seed 003
            (
                "pays Mr B £250 for the uncertainty caused by the failures and £100 for the failure to complete the procedure.",
                &[
                    (25000, Some("Mr B"), Some("the uncertainty caused by the failures")),
                    (10000, Some("Mr B"), Some("the failure to complete the procedure")),
                ],
            ),
            // seed 002: "£150 each" to two people is two payments.
            (
                "pay Mr and Mrs X £150 each to recognise the distress and uncertainty; and",
                &[
                    (15000, Some("Mr X"), Some("the distress and uncertainty")),
                    (15000, Some("Mrs X"), Some("the distress and uncertainty")),
                ],
            ),
            // excerpt 008
            (
                "The council should, within three months from the date of this report, apologise and pay each of the neighbours £250 for their time, trouble and loss of confidence.",
                &[(25000, Some("each of the neighbours"), Some("their time, trouble and loss of confidence"))],
            ),
            // excerpt 049: an additional sum and the sum already offered.
            (
                "pay Mr and Mrs X an additional £500, to the £500 it has already offered, to acknowledge the distress;",
                &[(50000, Some("Mr and Mrs X"), None), (50000, Some("Mr and Mrs X"), Some("the distress"))],
            ),
            ("make a payment of £1,200 to Ms Y for the lost education.", &[(120000, Some("Ms Y"), Some("the lost education"))]),
            ("make a payment to Mr Y of £200 to acknowledge his time and trouble;", &[(20000, Some("Mr Y"), Some("his time and trouble"))]),
            ("The Council should pay her £1200 to recognise her distress.", &[(120000, Some("her"), Some("her distress"))]),
            ("refund Mr X £159.58 for the summons costs.", &[(15958, Some("Mr X"), Some("the summons costs"))]),
            ("offer Miss C a £200 goodwill payment.", &[(20000, Some("Miss C"), None)]),
            // Three named people, "£100 each".
            (
                "pay Mr X, Mrs X and Miss X £100 each for the distress",
                &[(10000, Some("Mr X"), Some("the distress")), (10000, Some("Mrs X"), Some("the distress")), (10000, Some("Miss X"), Some("the distress"))],
            ),
            // "each" to a group that cannot be counted stays one payment.
            ("pay them £150 each for their trouble", &[(15000, Some("them"), Some("their trouble"))]),
            // A noun list: the reason stops at the next remedy.
            (
                "This included an apology, a symbolic payment of £300 for her distress, a review of its records and a further award.",
                &[(30000, None, Some("her distress"))],
            ),
            // A refunded fee is a remedy payment.
            ("refund the £50 fee it charged Mr D.", &[(5000, None, None)]),
            // A pseudonym that is an article's letter.
            ("pay Mr A £250.00 for his time and trouble;", &[(25000, Some("Mr A"), Some("his time and trouble"))]),
            ("pay Mrs A an additional £100.", &[(10000, Some("Mrs A"), None)]),
            // A sum and its parts count once
            // (corpus/regressions/payment-breakdowns.txt): a breakdown after
            // the sum, in brackets, after a colon, "made up of", "being"; a
            // total after a rate or its parts.
            (
                "pay Mrs E £350, which is made up of £200 for distress and £150 for time and trouble;",
                &[(35000, Some("Mrs E"), None)],
            ),
            ("pay Mr J £250 (£100 for distress and £150 for his time and trouble);", &[(25000, Some("Mr J"), None)]),
            ("pay Mrs M £400: £250 for the lost provision and £150 for her distress;", &[(40000, Some("Mrs M"), None)]),
            ("pay Mr N £500, being £300 for the loss of education and £200 for the uncertainty.", &[(50000, Some("Mr N"), None)]),
            ("pay Ms A £100 for each month of lost provision (£600 in total);", &[(60000, Some("Ms A"), None)]),
            ("pay Mrs K £200 for distress and £150 for time and trouble, a total of £350;", &[(35000, Some("Mrs K"), None)]),
            // Parts that do not add up to the sum are all kept (which is
            // the whole cannot be told), and so are sums with no mark.
            (
                "pay Mr L £300 (£100 for distress and £100 for his time);",
                &[(30000, Some("Mr L"), None), (10000, Some("Mr L"), Some("distress")), (10000, Some("Mr L"), Some("his time"))],
            ),
            (
                "pay Mr P £350 for the distress and £200 for the delay and £150 for his time;",
                &[(35000, Some("Mr P"), Some("the distress")), (20000, Some("Mr P"), Some("the delay")), (15000, Some("Mr P"), Some("his time"))],
            ),
            // Awards, gifts and credits (corpus/regressions/wider-remedy-verbs.txt).
            ("credit Ms E's council tax account with £150;", &[(15000, Some("Ms E"), None)]),
            ("award Mrs X £200 for her time and trouble.", &[(20000, Some("Mrs X"), Some("her time and trouble"))]),
            ("a further award of £100 to recognise the delay", &[(10000, None, Some("the delay"))]),
            ("give Mr Y £50 for the missed collections.", &[(5000, Some("Mr Y"), Some("the missed collections"))]),
            // The person paid as the subject, a recipient after an adverb or
            // before a verdict, and the money named before "of"
            // (corpus/regressions/lettered-items.txt).
            ("Mr J should receive £200 for his distress;", &[(20000, Some("Mr J"), Some("his distress"))]),
            ("Mrs K should be paid £150 to recognise the delay.", &[(15000, Some("Mrs K"), Some("the delay"))]),
            ("Mr and Mrs L will also receive £300 for their time and trouble.", &[(30000, Some("Mr and Mrs L"), Some("their time and trouble"))]),
            ("Her son is to be given £100.", &[(10000, Some("Her son"), None)]),
            ("The Council should pay the £500 directly to Mrs J's care home.", &[(50000, Some("Mrs J's care home"), None)]),
            ("A payment of £400 to Mrs J is appropriate to recognise the uncertainty.", &[(40000, Some("Mrs J"), Some("the uncertainty"))]),
            ("the Council will refund the charges of £1,340 to Mrs J's estate.", &[(134000, Some("Mrs J's estate"), None)]),
            ("pay Mr X the sum of £300 for his distress.", &[(30000, Some("Mr X"), Some("his distress"))]),
            ("I consider £300 is a suitable amount to recognise her distress.", &[(30000, None, Some("her distress"))]),
            // A rate after the sum's breakdown mark is part of it; an account's
            // holder; a reason before ", and £N"
            // (corpus/regressions/payment-rates-and-accounts.txt).
            (
                "pay Mr Z £2,400, which is £400 for each of the six months he was without a school place;",
                &[(240000, Some("Mr Z"), None)],
            ),
            ("pay the £400 into Mr E's care account;", &[(40000, Some("Mr E"), None)]),
            ("pay the £1,200 it charged back into Mr E's care account;", &[(120000, Some("Mr E"), None)]),
            ("refund Mrs F's council tax of £320;", &[(32000, Some("Mrs F"), None)]),
            ("refund the council tax of £320 to its agent;", &[(32000, None, None)]),
            (
                "pay Mrs X £300 a month for the five months her son missed education (£1,500 in total);",
                &[(150000, Some("Mrs X"), None)],
            ),
            // A rate that does not divide the sum is kept.
            ("pay Mr Q £1,000, which is £300 for each term;", &[(100000, Some("Mr Q"), None), (30000, Some("Mr Q"), Some("each term"))]),
            (
                "pay Mr A £150 to acknowledge his time and trouble, and £500 to recognise the lost opportunity;",
                &[(15000, Some("Mr A"), Some("his time and trouble")), (50000, Some("Mr A"), Some("the lost opportunity"))],
            ),
            // corpus/regressions/payments-owed-and-awarded.txt
            (
                "pay Mr B's council tax arrears of £120 on his behalf;",
                &[(12000, Some("Mr B"), None)],
            ),
            (
                "award Mr B a discretionary housing payment of £400 to cover the shortfall;",
                &[(40000, Some("Mr B"), Some("the shortfall"))],
            ),
            (
                "give Mrs C an award of £150 for her time and trouble;",
                &[(15000, Some("Mrs C"), Some("her time and trouble"))],
            ),
            // Organisations as "they" still pay (joint decisions).
            (
                "The Council and the Trust should apologise. They should also pay Mrs X £500 for her distress.",
                &[(50000, Some("Mrs X"), Some("her distress"))],
            ),
            // corpus/regressions/money-returned-and-costs-met.txt
            ("return Mr X's deposit of £500;", &[(50000, Some("Mr X"), None)]),
            (
                "reimburse Mrs X for the cost of the private assessment (£650);",
                &[(65000, Some("Mrs X"), None)],
            ),
            ("refund the fees Mr X paid for the appeal, £120;", &[(12000, Some("Mr X"), None)]),
            ("meet the cost of Y's private tuition (£2,100);", &[(210000, None, None)]),
            ("cover the full cost of the carpet, £640, to Mrs D;", &[(64000, Some("Mrs D"), None)]),
            // corpus/regressions/each-of-and-costs-to.txt
            (
                "pay £250 to each of Mr and Mrs Z for their trouble;",
                &[(25000, Some("Mr Z"), Some("their trouble")), (25000, Some("Mrs Z"), Some("their trouble"))],
            ),
            ("refund the £180 summons costs to Mr A;", &[(18000, Some("Mr A"), None)]),
            ("refund the £70 Mrs H paid for the bin;", &[(7000, Some("Mrs H"), Some("the bin"))]),
            ("repay the £800 Mr G was charged;", &[(80000, Some("Mr G"), None)]),
            (
                "pay Mr L £250 and Mrs L £250;",
                &[(25000, Some("Mr L"), None), (25000, Some("Mrs L"), None)],
            ),
            (
                "pay £300 to Ms E and £200 to her son;",
                &[(30000, Some("Ms E"), None), (20000, Some("her son"), None)],
            ),
            (
                "pay Ms Z £1,000 for lost provision plus £250 for distress;",
                &[(100000, Some("Ms Z"), Some("lost provision")), (25000, Some("Ms Z"), Some("distress"))],
            ),
            // The payer after the sum is a titled person, or a pronoun that
            // stands for one.
            ("refund the £70 she paid;", &[(7000, None, None)]),
            ("return the £40 bin charge to Mrs B;", &[(4000, Some("Mrs B"), None)]),
            ("pay the £90 to Mrs B;", &[(9000, Some("Mrs B"), None)]),
            ("pay £300 to recognise her distress;", &[(30000, None, Some("her distress"))]),
            (
                "pay Mr D £150 for his distress no later than 4 weeks after the final decision;",
                &[(15000, Some("Mr D"), Some("his distress"))],
            ),
            ("pay Mr X £50 for his time by 1 May 2025;", &[(5000, Some("Mr X"), Some("his time"))]),
            (
                "pay Mr X £60 for the delay caused by the backlog;",
                &[(6000, Some("Mr X"), Some("the delay caused by the backlog"))],
            ),
            (
                "pay Ms Y £1,800 for the six months of lost education (£300 a month);",
                &[(180000, Some("Ms Y"), Some("the six months of lost education"))],
            ),
            // An offer turned down by someone else, or a refusal in another sentence, stays.
            ("offer Mrs X £250, which the Council refused to do before.", &[(25000, Some("Mrs X"), None)]),
            (
                "The council has offered Mrs X £300, which I consider is a suitable remedy for her distress.",
                &[(30000, Some("Mrs X"), Some("her distress"))],
            ),
        ];
        for (unit, want) in table {
            let got: Vec<(u64, Option<String>, Option<String>)> = payments(unit, None)
                .into_iter()
                .map(|p| (p.amount_pence, p.recipient, p.reason))
                .collect();
            let want: Vec<(u64, Option<String>, Option<String>)> = want
                .iter()
                .map(|(a, r, s)| (*a, r.map(str::to_string), s.map(str::to_string)))
                .collect();
            assert_eq!(got, want, "{unit}");
        }
    }

    #[test]
    fn ok_payment_from_list_lead() {
        let got = payments("£200 for the distress caused;", Some("The Council will pay Mrs X:"));
        assert_eq!(got.len(), 1);
        assert_eq!(got[0].amount_pence, 20000);
        assert_eq!(got[0].recipient.as_deref(), Some("Mrs X"));
    }

    #[test]
    fn err_sums_that_are_not_payments() {
        let table: &[&str] = &[
            "The Council refused to pay £300 towards his costs.",
            "The Council did not offer one, although Mr X asked for £500.",
            "Mr X owes council tax arrears of £1,200.",
            "The Council obtained a Liability Order against her with costs of £122.",
            "The Council awarded a Disabled Facilities Grant of £30,000.",
            "She says the Council previously paid for care services costing £1190 per week.",
            "It will now only fund up to £949 per week.",
            "Mr X wants £25 in compensation.",
            "Mr X claimed £500 from the Council.",
            "The Council will not pay Mr X £200.",
            "The Council should pay the care home fees of £3,000.",
            "The Council agreed a plan for Mr B to repay his council tax arrears of £1,200.",
            "Mr B should pay his arrears of £120 by March.",
            "Mr X will return to the property once the £300 repairs are done.",
            "The cost of the tuition was £2,100.",
            "The Council should allow her to repay the overpayment of £900 at £20 a month.",
            "The Council should pay Mrs Y £150 a week for her care.",
            "The Council charged Mr Z a fee of £75.",
            "The Council declined to offer Mrs B £400.",
            "The Council should pay the £1,850 in dispute only if the tribunal says so.",
            "It should pay the disputed £300 once the appeal ends.",
            "The Council should pay the £640 that is outstanding to its creditor.",
            "I do not recommend the Council pays Mr Z £2,000.",
            "give Mr X a breakdown of the £1,200 charge.",
            "waive the care charges of £2,400.",
            "The Council refused to credit his account with £80.",
            "Mr J did not receive £200 of his benefits.",
            "Mr J should not receive £200.",
            "Mrs K received £150 from the fund in May.",
            "Mr J will receive £80 a week in benefits.",
            "£300 is the amount she paid.",
            "The Council offered Mrs X £100 in 2019, which she refused.",
            "The Council has not offered Mrs X £100.",
            "The Council has offered Mrs X £300, but she declined it.",
            "The Council has offered Mr Y £150, which he refused.",
        ];
        for unit in table {
            let got = payments(unit, None);
            assert!(got.is_empty(), "{unit}: {got:?}");
        }
    }

    #[test]
    fn ok_split_recipients() {
        let table: &[(&str, Option<&[&str]>)] = &[
            ("Mr and Mrs X", Some(&["Mr X", "Mrs X"])),
            ("Mr and Mr X", Some(&["Mr X", "Mr X"])),
            ("Mr X and Ms Y", Some(&["Mr X", "Ms Y"])),
            ("both Mr and Mrs B", Some(&["Mr B", "Mrs B"])),
            ("each of Mr and Mrs Z", Some(&["Mr Z", "Mrs Z"])),
            ("Mr X, Mrs X and Miss X", Some(&["Mr X", "Mrs X", "Miss X"])),
            ("Mr X", None),
            ("them", None),
            ("each of the neighbours", None),
            ("Mr and Mrs", None),
        ];
        for (text, want) in table {
            let got = split_recipients(text);
            let want: Option<Vec<String>> = want.map(|w| w.iter().map(|s| s.to_string()).collect());
            assert_eq!(got, want, "{text}");
        }
    }
}

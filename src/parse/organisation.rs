//! Organisations: takes the organisation's name as the title line prints it
//! and returns an [`Identity`]: a stable id (slug), the kind of body, and its
//! current name when the table of known bodies (`schema/organisations.csv`)
//! lists it; and, from the table of reorganisations
//! (`schema/reorganisations.csv`), the bodies that came before or after it.
//!
//! The same body appears under several names: `London Borough of Camden` and
//! `Camden London Borough Council`, `Sefton Metropolitan Borough Council` and
//! `Sefton Council`, `Stoke-on-Trent City Council` and `Stoke on Trent City
//! Council`, stray spaces and case. The name rules below reduce a council's
//! name to its place (`camden`, `sefton`, `stoke-on-trent`), which is its id;
//! a county council keeps `-county-council` (`somerset-county-council`),
//! because several counties were replaced by a unitary of the same place
//! (`Somerset Council`, `somerset`) that is a different body. Names the rules
//! cannot join (`Hull City Council` is `Kingston upon Hull City Council`) are
//! aliases in the table. A name the table does not know still gets an id, from
//! its normalised form, and is never dropped.

use std::collections::{BTreeSet, HashMap};
use std::sync::OnceLock;

use crate::OrganisationKind;

/// What the name rules and the table say about an organisation's name.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Identity {
    /// The stable slug (`camden`, `cumbria-county-council`, `stockport-nhs-foundation-trust`).
    pub id: String,
    /// The kind of body, when the name or the table says.
    pub kind: Option<OrganisationKind>,
    /// The body's current (or, if abolished, last) name, when the table lists it.
    pub name: Option<String>,
}

impl Identity {
    /// Whether the table of known bodies lists the organisation.
    pub fn is_known(&self) -> bool {
        self.name.is_some()
    }
}

/// The organisation's identity. Never fails: an unknown name gets the id of
/// its normalised form and the kind its words give, if any.
pub fn identify(name: &str) -> Identity {
    let table = Table::embedded();
    if let Some(body) = table.lookup(name) {
        return Identity {
            id: body.id.clone(),
            kind: Some(body.kind),
            name: Some(body.name.clone()),
        };
    }
    let (id, kind) = rule_id_and_kind(name);
    Identity { id, kind, name: None }
}

/// A name as lower-case words: `&` is `and`, apostrophes go (`King's` →
/// `kings`), every other character that is not a letter or digit separates
/// words (`Stoke-on-Trent` → `stoke on trent`), and `Ltd` is `limited`.
pub fn normalise(name: &str) -> Vec<String> {
    normalised_key(name)
        .split(' ')
        .filter(|w| !w.is_empty())
        .map(str::to_owned)
        .collect()
}

/// The words of [`normalise`] joined by single spaces, built in one buffer:
/// the key of the table of known bodies, looked up for every decision.
pub fn normalised_key(name: &str) -> String {
    let mut s = String::with_capacity(name.len() + 8);
    for c in name.chars() {
        match c {
            '&' => s.push_str(" and "),
            '\'' | '\u{2019}' | '\u{2018}' => {}
            c if c.is_alphanumeric() => s.extend(c.to_lowercase()),
            _ => s.push(' '),
        }
    }
    let mut key = String::with_capacity(s.len());
    for w in s.split_whitespace() {
        if !key.is_empty() {
            key.push(' ');
        }
        key.push_str(if w == "ltd" { "limited" } else { w });
    }
    key
}

/// How a council's name says what tier it is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Marker {
    /// `London Borough of X`, `X London Borough Council`.
    LondonBorough,
    /// `Royal Borough of X`: London (Greenwich) or not (Windsor and Maidenhead).
    RoyalBorough,
    /// `X Metropolitan Borough Council`, `X Metropolitan District Council`.
    Metropolitan,
    /// `X County Council`.
    County,
    /// `X District Council`, `X City and District Council`.
    District,
    /// `X Borough Council`, `Borough of X`, `Borough Council of X`.
    Borough,
    /// `X City Council`.
    City,
    /// `X Council`, `Council of the X`.
    Plain,
}

impl Marker {
    /// The kind the marker alone settles. `Borough`, `City` and `Plain` do not:
    /// `Reading Borough Council` is a unitary, `Fylde Borough Council` a
    /// district, `Leeds City Council` a metropolitan borough.
    fn kind(self) -> Option<OrganisationKind> {
        match self {
            Marker::LondonBorough => Some(OrganisationKind::LondonBorough),
            Marker::Metropolitan => Some(OrganisationKind::MetropolitanBorough),
            Marker::County => Some(OrganisationKind::County),
            Marker::District => Some(OrganisationKind::District),
            Marker::RoyalBorough | Marker::Borough | Marker::City | Marker::Plain => None,
        }
    }
}

/// Council-type endings, longest first, with the tier each says. Corpus:
/// `Sefton Metropolitan Borough Council` (excerpts/037), `Derbyshire County
/// Council` (seeds/000), `Wyre Forest District Council`, `Fylde Borough
/// Council`, `Coventry City Council`, `Cornwall Council` (excerpts).
const SUFFIXES: &[(&[&str], Marker)] = &[
    (&["london", "borough", "council"], Marker::LondonBorough),
    (&["metropolitan", "borough", "council"], Marker::Metropolitan),
    (&["metropolitan", "district", "council"], Marker::Metropolitan),
    (&["metropolitan", "council"], Marker::Metropolitan),
    (&["city", "and", "district", "council"], Marker::District),
    (&["county", "borough", "council"], Marker::Borough),
    (&["county", "council"], Marker::County),
    (&["district", "council"], Marker::District),
    (&["borough", "council"], Marker::Borough),
    (&["city", "council"], Marker::City),
    (&["council"], Marker::Plain),
];

/// Council-type openings. Corpus: `London Borough of Ealing` (excerpts);
/// `Royal Borough of Greenwich`, `Borough Council of King's Lynn and West
/// Norfolk`, `Borough of Poole`, `Council of the Isles of Scilly` are the
/// bodies' own usage.
const PREFIXES: &[(&[&str], Marker)] = &[
    (&["london", "borough", "of"], Marker::LondonBorough),
    (&["royal", "borough", "of"], Marker::RoyalBorough),
    (&["borough", "council", "of"], Marker::Borough),
    (&["borough", "of"], Marker::Borough),
    (&["council", "of", "the"], Marker::Plain),
];

/// Words before `council` that make it a town, parish or community council,
/// not a principal one (`Frome Town Council`).
const LOCAL_COUNCILS: &[&str] = &["town", "parish", "community", "village", "neighbourhood"];

/// The place and tier of a council's name (`Camden London Borough Council` →
/// `camden`, London borough), or `None` when the name is not a principal
/// council's.
fn council_form(words: &[String]) -> Option<(Vec<String>, Marker)> {
    let w: Vec<&str> = words.iter().map(String::as_str).collect();
    let w = w.strip_prefix(&["the"][..]).unwrap_or(&w);
    for (prefix, marker) in PREFIXES {
        if let Some(rest) = w.strip_prefix(*prefix) {
            // `London Borough of Camden Council`: the trailing word adds nothing.
            let rest = rest.strip_suffix(&["council"][..]).unwrap_or(rest);
            return (!rest.is_empty()).then(|| (rest.iter().map(|s| s.to_string()).collect(), *marker));
        }
    }
    // `City of York Council`, `City of Bradford Metropolitan District Council`:
    // the opening names the place's status, the ending its tier.
    if let Some(rest) = w.strip_prefix(&["city", "of"][..]) {
        if rest.last() == Some(&"council") && rest.len() > 1 {
            let rest: Vec<String> = rest.iter().map(|s| s.to_string()).collect();
            return council_form(&rest);
        }
        return None;
    }
    for (suffix, marker) in SUFFIXES {
        if let Some(core) = w.strip_suffix(*suffix) {
            if core.is_empty() || core.last().is_some_and(|l| LOCAL_COUNCILS.contains(l)) {
                return None;
            }
            return Some((core.iter().map(|s| s.to_string()).collect(), *marker));
        }
    }
    None
}

fn has_phrase(words: &[String], phrase: &[&str]) -> bool {
    words
        .windows(phrase.len())
        .any(|win| win.iter().zip(phrase).all(|(a, b)| a == b))
}

fn has_word(words: &[String], any: &[&str]) -> bool {
    words.iter().any(|w| any.contains(&w.as_str()))
}

/// The kind of a body that is not a principal council, from its words.
/// Corpus: `Stockport NHS Foundation Trust`, `Sheffield Teaching Hospitals NHS
/// Foundation Trust` (excerpts: joint decisions with the Health Service
/// Ombudsman); `West Yorkshire Combined Authority`; `Victoria Nursing Group
/// Limited`, `The Franklyn Group Limited`, `Bluebird Care AKA BenJeMax
/// Limited` (private bodies are in the LGSCO's remit only as adult social care
/// providers, so a company name is a care provider).
fn other_kind(words: &[String]) -> Option<OrganisationKind> {
    if has_word(words, &["nhs", "ccg", "icb"])
        || has_phrase(words, &["clinical", "commissioning", "group"])
        || has_phrase(words, &["integrated", "care", "board"])
        || has_phrase(words, &["primary", "care", "trust"])
        || (has_word(words, &["hospital", "hospitals"]) && has_word(words, &["trust"]))
    {
        return Some(OrganisationKind::NhsBody);
    }
    if has_phrase(words, &["combined", "authority"]) || has_phrase(words, &["combined", "county", "authority"]) {
        return Some(OrganisationKind::CombinedAuthority);
    }
    if has_word(words, &["school", "schools", "academy", "academies"]) {
        return Some(OrganisationKind::SchoolOrAcademy);
    }
    if has_word(
        words,
        &[
            "limited",
            "llp",
            "plc",
            "cic",
            "care",
            "homecare",
            "nursing",
            "healthcare",
        ],
    ) {
        return Some(OrganisationKind::CareProvider);
    }
    if has_word(
        words,
        &["authority", "corporation", "commissioner", "police", "fire", "council"],
    ) || has_phrase(words, &["transport", "for"])
    {
        return Some(OrganisationKind::Other);
    }
    None
}

fn slug(words: &[String]) -> String {
    words.join("-")
}

/// The id and kind the name rules alone give (no table).
pub fn rule_id_and_kind(name: &str) -> (String, Option<OrganisationKind>) {
    let words = normalise(name);
    if let Some(kind @ (OrganisationKind::NhsBody | OrganisationKind::CombinedAuthority)) = other_kind(&words) {
        return (slug(strip_the(&words)), Some(kind));
    }
    if let Some((core, marker)) = council_form(&words) {
        let id = match marker {
            Marker::County => format!("{}-county-council", slug(&core)),
            _ => slug(&core),
        };
        return (id, marker.kind());
    }
    (slug(strip_the(&words)), other_kind(&words))
}

fn strip_the(words: &[String]) -> &[String] {
    match words.split_first() {
        Some((first, rest)) if first == "the" && !rest.is_empty() => rest,
        _ => words,
    }
}

/// A body of the table of known bodies.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Body {
    /// Its id, from its name by the rules.
    pub id: String,
    /// Its current, or last, name.
    pub name: String,
    /// Its kind.
    pub kind: OrganisationKind,
    /// Other names it appears under.
    pub aliases: Vec<String>,
}

/// A reorganisation: on `date`, `successor` took over (part of) `predecessor`'s area.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Reorganisation {
    /// The day the successor took over.
    pub date: jiff::civil::Date,
    /// Id of the body replaced.
    pub predecessor: String,
    /// Id of the body that replaced it.
    pub successor: String,
    /// Title of the order that made the change.
    pub order: String,
    /// Its number (`SI 2022/331`).
    pub citation: String,
    /// Its address on legislation.gov.uk.
    pub url: String,
}

/// The tables of known bodies and reorganisations.
#[derive(Debug, Default)]
pub struct Table {
    /// Known bodies, in file order.
    pub bodies: Vec<Body>,
    /// Reorganisations, in file order.
    pub reorganisations: Vec<Reorganisation>,
    /// Normalised names and ids → index into `bodies`.
    keys: HashMap<String, usize>,
}

/// The bundled table of known bodies.
pub const BODIES_CSV: &str = include_str!("../../schema/organisations.csv");
/// The bundled table of reorganisations.
pub const REORGANISATIONS_CSV: &str = include_str!("../../schema/reorganisations.csv");

fn csv_reader(text: &str) -> csv::Reader<&[u8]> {
    csv::ReaderBuilder::new()
        .comment(Some(b'#'))
        .trim(csv::Trim::All)
        .flexible(false)
        .from_reader(text.as_bytes())
}

impl Table {
    /// The tables bundled with ombuds (`schema/organisations.csv`,
    /// `schema/reorganisations.csv`), read once. A row that does not read is
    /// left out; the test suite checks there are none.
    pub fn embedded() -> &'static Table {
        static TABLE: OnceLock<Table> = OnceLock::new();
        TABLE.get_or_init(|| Table::from_csv(BODIES_CSV, REORGANISATIONS_CSV).0)
    }

    /// Reads the two tables, returning them with a message for each row that
    /// was left out (`schema/organisations.csv: line 12: ...`).
    pub fn from_csv(bodies: &str, reorganisations: &str) -> (Table, Vec<String>) {
        let mut table = Table::default();
        let mut problems = Vec::new();
        let at = |file: &str, pos: Option<&csv::Position>| {
            format!("schema/{file}: line {}", pos.map_or(0, csv::Position::line))
        };
        for row in csv_reader(bodies).records() {
            let row = match row {
                Ok(r) => r,
                Err(e) => {
                    problems.push(format!("{}: {e}", at("organisations.csv", e.position())));
                    continue;
                }
            };
            let here = at("organisations.csv", row.position());
            let (name, kind, aliases) = (
                row.get(0).unwrap_or_default(),
                row.get(1).unwrap_or_default(),
                row.get(2).unwrap_or_default(),
            );
            let Some(kind) = OrganisationKind::from_name(kind) else {
                problems.push(format!("{here}: '{kind}' is not a kind of organisation"));
                continue;
            };
            if normalise(name).is_empty() {
                problems.push(format!("{here}: the name is empty"));
                continue;
            }
            let body = Body {
                id: rule_id_and_kind(name).0,
                name: name.to_owned(),
                kind,
                aliases: aliases
                    .split(';')
                    .map(str::trim)
                    .filter(|a| !a.is_empty())
                    .map(str::to_owned)
                    .collect(),
            };
            let i = table.bodies.len();
            let mut keys: BTreeSet<String> = BTreeSet::new();
            for n in std::iter::once(&body.name).chain(&body.aliases) {
                keys.insert(normalised_key(n));
                keys.insert(rule_id_and_kind(n).0);
            }
            let mut clash = None;
            for k in &keys {
                if let Some(&other) = table.keys.get(k) {
                    clash = Some((k.clone(), other));
                }
            }
            if let Some((k, other)) = clash {
                problems.push(format!(
                    "{here}: '{}' and '{}' would both be known as '{k}'; give one of them another alias",
                    body.name, table.bodies[other].name
                ));
                continue;
            }
            for k in keys {
                table.keys.insert(k, i);
            }
            table.bodies.push(body);
        }
        for row in csv_reader(reorganisations).records() {
            let row = match row {
                Ok(r) => r,
                Err(e) => {
                    problems.push(format!("{}: {e}", at("reorganisations.csv", e.position())));
                    continue;
                }
            };
            let here = at("reorganisations.csv", row.position());
            let field = |i| row.get(i).unwrap_or_default();
            let date = match field(0).parse::<jiff::civil::Date>() {
                Ok(d) => d,
                Err(e) => {
                    problems.push(format!("{here}: date '{}': {e}", field(0)));
                    continue;
                }
            };
            let (Some(pred), Some(succ)) = (table.lookup(field(1)), table.lookup(field(2))) else {
                problems.push(format!(
                    "{here}: '{}' or '{}' is not in schema/organisations.csv; add it there first",
                    field(1),
                    field(2)
                ));
                continue;
            };
            if pred.id == succ.id {
                problems.push(format!("{here}: '{}' cannot succeed itself", field(1)));
                continue;
            }
            if [3, 4, 5].iter().any(|&i| field(i).is_empty()) {
                problems.push(format!(
                    "{here}: every reorganisation needs its order, citation and url"
                ));
                continue;
            }
            table.reorganisations.push(Reorganisation {
                date,
                predecessor: pred.id.clone(),
                successor: succ.id.clone(),
                order: field(3).to_owned(),
                citation: field(4).to_owned(),
                url: field(5).to_owned(),
            });
        }
        (table, problems)
    }

    /// The known body a name (or id) refers to: by its normalised name first
    /// (aliases the rules cannot join), then by the id the rules give it.
    pub fn lookup(&self, name: &str) -> Option<&Body> {
        let normalised = normalised_key(name);
        self.keys
            .get(&normalised)
            .or_else(|| self.keys.get(&rule_id_and_kind(name).0))
            .or_else(|| self.keys.get(name.trim()))
            .and_then(|&i| self.bodies.get(i))
    }

    /// The body with this id.
    pub fn body(&self, id: &str) -> Option<&Body> {
        self.keys
            .get(id)
            .and_then(|&i| self.bodies.get(i))
            .filter(|b| b.id == id)
    }

    /// `id` with every body that came before it (predecessors, theirs, …) and
    /// every body that came after it (successors, theirs, …), sorted. Not
    /// siblings: Cumberland's lineage holds Cumbria County Council but not
    /// Westmorland and Furness.
    pub fn lineage(&self, id: &str) -> Vec<String> {
        let mut out: BTreeSet<String> = BTreeSet::from([id.to_owned()]);
        for forward in [false, true] {
            let mut frontier = vec![id.to_owned()];
            while let Some(at) = frontier.pop() {
                for r in &self.reorganisations {
                    let (from, to) = if forward {
                        (&r.predecessor, &r.successor)
                    } else {
                        (&r.successor, &r.predecessor)
                    };
                    if *from == at && out.insert(to.clone()) {
                        frontier.push(to.clone());
                    }
                }
            }
        }
        out.into_iter().collect()
    }

    /// Ids of the known bodies whose name or an alias contains every word of
    /// `text` (`Cumbria` → `cumbria-county-council`), as `--council` matches names.
    pub fn ids_with_words(&self, text: &str) -> Vec<String> {
        let want = normalise(text);
        if want.is_empty() {
            return Vec::new();
        }
        let mut out: BTreeSet<String> = BTreeSet::new();
        for b in &self.bodies {
            let hit = std::iter::once(&b.name).chain(&b.aliases).any(|n| {
                let words = normalise(n);
                want.iter().all(|w| words.contains(w))
            });
            if hit {
                out.insert(b.id.clone());
            }
        }
        out.into_iter().collect()
    }
}

/// The organisation ids `--council TEXT` matches besides names containing its
/// words: the id the name rules and table give `TEXT` itself (so `Camden
/// London Borough Council` finds decisions titled `London Borough of
/// Camden`), and with `lineage`, every known body whose names contain the
/// words, with their predecessors and successors.
pub fn council_ids(text: &str, lineage: bool) -> Vec<String> {
    let table = Table::embedded();
    let mut ids: BTreeSet<String> = BTreeSet::new();
    let own = identify(text).id;
    if !own.is_empty() {
        ids.insert(own);
    }
    if lineage {
        let seeds: Vec<String> = ids.iter().cloned().chain(table.ids_with_words(text)).collect();
        for s in seeds {
            ids.extend(table.lineage(&s));
        }
    }
    ids.into_iter().collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use OrganisationKind::*;

    #[test]
    fn ok_normalised_names() {
        for (name, want) in [
            ("King's Lynn & West Norfolk", "kings lynn and west norfolk"),
            ("Stoke-on-Trent City Council", "stoke on trent city council"),
            ("  Acme Care LTD. ", "acme care limited"),
            ("Ltdx Homes", "ltdx homes"),
            ("ÉCOLE  Trust", "école trust"),
            ("", ""),
            ("&", "and"),
        ] {
            assert_eq!(normalised_key(name), want, "{name:?}");
            assert_eq!(normalise(name).join(" "), want, "{name:?}");
        }
    }

    #[test]
    fn err_normalised_names_keep_no_empty_words() {
        for name in ["", " - ", "’'", "..."] {
            assert!(normalise(name).is_empty(), "{name:?}");
            assert_eq!(normalised_key(name), "", "{name:?}");
        }
    }

    #[test]
    fn ok_embedded_tables_read_without_problems() {
        let (table, problems) = Table::from_csv(BODIES_CSV, REORGANISATIONS_CSV);
        assert_eq!(problems, Vec::<String>::new());
        let count = |k| table.bodies.iter().filter(|b| b.kind == k).count();
        // The principal councils of England from April 2023 plus those abolished since 2019.
        assert_eq!(count(LondonBorough), 32);
        assert_eq!(count(MetropolitanBorough), 36);
        assert_eq!(count(County), 21 + 6);
        assert_eq!(count(Unitary), 62 + 2);
        assert_eq!(count(District), 164 + 40);
        assert!(table.reorganisations.len() >= 40, "{}", table.reorganisations.len());
    }

    #[test]
    fn ok_name_rules_join_forms_of_one_name() {
        for (names, id, kind) in [
            (
                &[
                    "London Borough of Camden",
                    "Camden London Borough Council",
                    "camden  london borough COUNCIL",
                    "The London Borough of Camden",
                ][..],
                "camden",
                Some(LondonBorough),
            ),
            (
                &[
                    "Sefton Metropolitan Borough Council",
                    "Sefton Council",
                    "Sefton Metropolitan Council",
                ],
                "sefton",
                Some(MetropolitanBorough),
            ),
            (
                &[
                    "Stoke-on-Trent City Council",
                    "Stoke on Trent City Council",
                    "Stoke-on-Trent Council",
                ],
                "stoke-on-trent",
                Some(Unitary),
            ),
            (
                &[
                    "Royal Borough of Kensington & Chelsea",
                    "Kensington and Chelsea London Borough Council",
                    "Royal Borough of Kensington and Chelsea Council",
                ],
                "kensington-and-chelsea",
                Some(LondonBorough),
            ),
            (
                &[
                    "Royal Borough of Windsor and Maidenhead",
                    "Windsor & Maidenhead Borough Council",
                ],
                "windsor-and-maidenhead",
                Some(Unitary),
            ),
            (
                &["City of York Council", "York City Council", "York Council"],
                "york",
                Some(Unitary),
            ),
            (
                &[
                    "City of Bradford Metropolitan District Council",
                    "Bradford City Council",
                    "Bradford Council",
                ],
                "bradford",
                Some(MetropolitanBorough),
            ),
            (
                &[
                    "Borough Council of King's Lynn and West Norfolk",
                    "King’s Lynn and West Norfolk Borough Council",
                    "Kings Lynn & West Norfolk Council",
                ],
                "kings-lynn-and-west-norfolk",
                Some(District),
            ),
            (
                &["Colchester Borough Council", "Colchester City Council"],
                "colchester",
                Some(District),
            ),
            (
                &["Milton Keynes Council", "Milton Keynes City Council"],
                "milton-keynes",
                Some(Unitary),
            ),
            (
                &["Westminster City Council", "City of Westminster"],
                "westminster",
                Some(LondonBorough),
            ),
            (
                &["Kingston upon Hull City Council", "Hull City Council"],
                "kingston-upon-hull",
                Some(Unitary),
            ),
            (
                &["Herefordshire Council", "County of Herefordshire District Council"],
                "herefordshire",
                Some(Unitary),
            ),
            (
                &["Durham County Council", "durham county  council"],
                "durham-county-council",
                Some(Unitary),
            ),
            (
                &["Somerset County Council", "somerset county council "],
                "somerset-county-council",
                Some(County),
            ),
            (&["Somerset Council"], "somerset", Some(Unitary)),
            (
                &[
                    "St Albans City and District Council",
                    "St. Albans City & District Council",
                ],
                "st-albans",
                Some(District),
            ),
        ] {
            for name in names {
                let got = identify(name);
                assert_eq!((got.id.as_str(), got.kind), (id, kind), "{name}");
                assert!(got.is_known(), "{name}");
            }
        }
    }

    #[test]
    fn ok_unknown_names_get_an_id_and_the_kind_their_words_give() {
        for (name, id, kind) in [
            (
                "Stockport NHS Foundation Trust",
                "stockport-nhs-foundation-trust",
                Some(NhsBody),
            ),
            (
                "Sheffield Teaching Hospitals NHS Foundation Trust",
                "sheffield-teaching-hospitals-nhs-foundation-trust",
                Some(NhsBody),
            ),
            (
                "NHS Kent and Medway Integrated Care Board",
                "nhs-kent-and-medway-integrated-care-board",
                Some(NhsBody),
            ),
            (
                "West Yorkshire Combined Authority",
                "west-yorkshire-combined-authority",
                Some(CombinedAuthority),
            ),
            (
                "The Franklyn Group Limited",
                "franklyn-group-limited",
                Some(CareProvider),
            ),
            (
                "Care UK Community Partnerships Ltd",
                "care-uk-community-partnerships-limited",
                Some(CareProvider),
            ),
            (
                "Bluebird Care AKA BenJeMax Limited",
                "bluebird-care-aka-benjemax-limited",
                Some(CareProvider),
            ),
            ("Harris Academy Trust", "harris-academy-trust", Some(SchoolOrAcademy)),
            ("Transport for London", "transport-for-london", Some(Other)),
            ("Frome Town Council", "frome-town-council", Some(Other)),
            (
                "Dartmoor National Park Authority",
                "dartmoor-national-park-authority",
                Some(Other),
            ),
            // A council the table does not know: the marker gives the kind when it settles it.
            ("Newtown District Council", "newtown", Some(District)),
            ("Newtown County Council", "newtown-county-council", Some(County)),
            ("Newtown Borough Council", "newtown", None),
            ("Newtown Council", "newtown", None),
            ("Acme", "acme", None),
        ] {
            let got = identify(name);
            assert_eq!((got.id.as_str(), got.kind), (id, kind), "{name}");
            assert!(!got.is_known(), "{name}");
        }
    }

    #[test]
    fn err_names_that_are_not_one_body() {
        // Places that share words are different bodies.
        for (a, b) in [
            ("Somerset Council", "North Somerset Council"),
            ("Somerset Council", "Somerset County Council"),
            ("Derby City Council", "Derbyshire County Council"),
            ("Leicester City Council", "Leicestershire County Council"),
            ("Cumberland Council", "Cumbria County Council"),
            ("Durham County Council", "Durham City Council"),
            ("London Borough of Sutton", "Sutton Coldfield Town Council"),
            ("City of London Corporation", "Greater London Authority"),
            (
                "Newcastle upon Tyne City Council",
                "Newcastle-under-Lyme Borough Council",
            ),
        ] {
            assert_ne!(identify(a).id, identify(b).id, "{a} / {b}");
        }
        // Names that only look like councils' are not reduced to a place.
        for name in [
            "Council",
            "City of London",
            "Borough of",
            "London Borough of",
            "Parish Council",
        ] {
            let (id, _) = rule_id_and_kind(name);
            assert!(!id.is_empty(), "{name}");
            assert_ne!(id, "london", "{name}");
        }
        assert_eq!(identify("").id, "");
        assert_eq!(identify("").kind, None);
    }

    #[test]
    fn ok_lineage_follows_reorganisations_both_ways_but_not_to_siblings() {
        let t = Table::embedded();
        let cumberland = t.lineage("cumberland");
        for id in [
            "cumberland",
            "cumbria-county-council",
            "allerdale",
            "carlisle",
            "copeland",
        ] {
            assert!(cumberland.contains(&id.to_owned()), "{id} in {cumberland:?}");
        }
        assert!(
            !cumberland.contains(&"westmorland-and-furness".to_owned()),
            "{cumberland:?}"
        );
        let cumbria = t.lineage("cumbria-county-council");
        assert!(cumbria.contains(&"westmorland-and-furness".to_owned()), "{cumbria:?}");
        assert!(cumbria.contains(&"cumberland".to_owned()), "{cumbria:?}");
        assert!(!cumbria.contains(&"allerdale".to_owned()), "siblings: {cumbria:?}");
        // Two steps: Taunton Deane (2019) → Somerset West and Taunton → Somerset Council (2023).
        let somerset = t.lineage("somerset");
        for id in [
            "taunton-deane",
            "somerset-west-and-taunton",
            "somerset-county-council",
            "mendip",
        ] {
            assert!(somerset.contains(&id.to_owned()), "{id} in {somerset:?}");
        }
        assert!(!somerset.contains(&"north-somerset".to_owned()), "{somerset:?}");
    }

    #[test]
    fn err_lineage_of_a_body_never_reorganised_is_itself() {
        let t = Table::embedded();
        for id in ["kent-county-council", "camden", "no-such-body", ""] {
            assert_eq!(t.lineage(id), vec![id.to_owned()], "{id}");
        }
    }

    #[test]
    fn ok_council_ids() {
        assert_eq!(council_ids("Camden London Borough Council", false), vec!["camden"]);
        let wide = council_ids("Cumbria", true);
        for id in ["cumbria-county-council", "cumberland", "westmorland-and-furness"] {
            assert!(wide.contains(&id.to_owned()), "{id} in {wide:?}");
        }
        // Eden District Council was in Cumbria's area but is no ancestor of its county council.
        assert!(!wide.contains(&"eden".to_owned()), "{wide:?}");
        let wide = council_ids("Cumberland Council", true);
        assert!(
            !wide.contains(&"eden".to_owned()) && wide.contains(&"allerdale".to_owned()),
            "{wide:?}"
        );
        assert_eq!(council_ids("Cumbria", false), vec!["cumbria"]);
    }

    #[test]
    fn err_table_rows_that_do_not_read_are_reported() {
        let bodies =
            "name,kind,aliases\nA Council,county,\nB Council,parish,\n,district,\nA Borough Council,district,\n";
        let reorgs = "date,predecessor,successor,order,citation,url\n\
            2023-04-01,A Council,Nowhere Council,O,SI 1/1,u\n\
            2023-13-01,A Council,A Council,O,SI 1/1,u\n\
            2023-04-01,A Council,A Council,O,SI 1/1,u\n";
        let (table, problems) = Table::from_csv(bodies, reorgs);
        assert_eq!(table.bodies.len(), 1);
        assert!(table.reorganisations.is_empty());
        for want in [
            "line 3: 'parish' is not a kind",
            "line 4: the name is empty",
            "line 5: 'A Borough Council' and 'A Council' would both be known as 'a'",
            "reorganisations.csv: line 2: 'A Council' or 'Nowhere Council' is not in",
            "reorganisations.csv: line 3: date '2023-13-01'",
            "reorganisations.csv: line 4: 'A Council' cannot succeed itself",
        ] {
            assert!(problems.iter().any(|p| p.contains(want)), "{want} not in {problems:#?}");
        }
    }

    #[test]
    fn ok_every_reorganisation_is_dated_and_cited() {
        let t = Table::embedded();
        for r in &t.reorganisations {
            assert!(r.date >= jiff::civil::date(2009, 1, 1), "{r:?}");
            assert!(r.order.contains("Order 20"), "{r:?}");
            assert!(r.citation.starts_with("SI 20"), "{r:?}");
            assert!(r.url.starts_with("https://www.legislation.gov.uk/uksi/"), "{r:?}");
            // A predecessor is not still in business: nothing succeeds a successor at the same date.
            assert!(
                !t.reorganisations
                    .iter()
                    .any(|q| q.predecessor == r.successor && q.date == r.date),
                "{r:?}"
            );
        }
    }
}

//! Synthetic LGSCO decisions for benchmarks and scale tests: takes a seed, a
//! count and a directory, and writes `NNNNNN.txt` decisions recombined from the
//! paragraphs of the bundled corpus plus `manifest.jsonl`, the true header
//! fields and payments of every file.
//!
//! Shared by `examples/generate.rs` and the benches through `#[path]`, so it
//! depends on nothing but std and `serde_json`. Document `i` depends only on
//! `(seed, i)`: the first 5,000 documents of a 100,000 run are the 5,000 of a
//! 5,000 run. Files go to `OUT/decisions/NNNNNN.txt`, the manifest to
//! `OUT/manifest.jsonl` (outside the directory `ombuds ingest` reads).
//!
//! What varies, and why:
//! - header: organisation (log-uniform over ~150 bodies, so facets are skewed
//!   as in the real archive), unique reference `YY NNN NNN` (2% with a joint
//!   letter suffix), category › subcategory, outcome, decision date 2013–2026;
//! - body: paragraphs of the seeds and excerpts (any paragraph with a `£` is
//!   left out, so the only sums in a file are the ones written in its
//!   agreed action and recorded in the manifest), a sentence naming a town
//!   (log-uniform over ~150 towns, so rare terms exist), sections by outcome;
//! - layout: `numbered` (blank lines, `  1. ` paragraphs, `Back to top`) or
//!   `bullets` (no blank lines, `- ` paragraphs), as in corpus/excerpts/001.txt
//!   and corpus/excerpts/031.txt;
//! - half the files end with the page furniture of corpus/seeds/001 (`Print
//!   this page`, the cookie banner), copied from that file at run time.
// Each bench and example uses a different part of this shared module.
#![allow(dead_code)]

use std::fs;
use std::io::{self, BufWriter, Write};
use std::path::{Path, PathBuf};

/// splitmix64: small, fast and deterministic; enough for choosing text.
#[derive(Debug, Clone)]
pub struct Rng(u64);

impl Rng {
    /// A generator whose stream depends only on `seed`.
    pub fn new(seed: u64) -> Rng {
        Rng(seed)
    }

    /// The stream of document `index` of a run seeded with `seed`.
    pub fn for_document(seed: u64, index: u64) -> Rng {
        let mut r = Rng(seed ^ 0x5851_f42d_4c95_7f2d);
        let a = r.next_u64();
        Rng(a ^ index.wrapping_mul(0x9e37_79b9_7f4a_7c15))
    }

    /// The next 64 random bits.
    pub fn next_u64(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9e37_79b9_7f4a_7c15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xbf58_476d_1ce4_e5b9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94d0_49bb_1331_11eb);
        z ^ (z >> 31)
    }

    /// A float in `[0, 1)`.
    pub fn unit(&mut self) -> f64 {
        (self.next_u64() >> 11) as f64 / (1u64 << 53) as f64
    }

    /// An integer in `[0, n)`; `n` must be positive.
    pub fn below(&mut self, n: usize) -> usize {
        (((self.next_u64() >> 32) * n as u64) >> 32) as usize
    }

    /// An integer in `[lo, hi]`.
    pub fn range(&mut self, lo: usize, hi: usize) -> usize {
        lo + self.below(hi - lo + 1)
    }

    /// True with probability `p`.
    pub fn chance(&mut self, p: f64) -> bool {
        self.unit() < p
    }

    /// A uniformly chosen element.
    pub fn pick<'a, T>(&mut self, items: &'a [T]) -> &'a T {
        &items[self.below(items.len())]
    }

    /// An element chosen log-uniformly: the first items are frequent, the
    /// last rare (roughly Zipf with exponent 1).
    pub fn skewed<'a, T>(&mut self, items: &'a [T]) -> &'a T {
        let n = items.len() as f64;
        let i = ((n + 1.0).powf(self.unit()) - 1.0) as usize;
        &items[i.min(items.len() - 1)]
    }
}

/// Text layout of a generated file.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Layout {
    /// Header lines and paragraphs separated by blank lines, `  1. ` numbered
    /// paragraphs, `    • ` sub-items, `Back to top` between sections.
    Numbered,
    /// No blank lines, `- ` paragraphs and sub-items, no `Back to top`.
    Bullets,
}

impl Layout {
    /// The name written in the manifest.
    pub fn as_str(self) -> &'static str {
        match self {
            Layout::Numbered => "numbered",
            Layout::Bullets => "bullets",
        }
    }
}

/// The true fields of one generated document, as written to the manifest.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Truth {
    /// File name inside the output directory, e.g. `000042.txt`.
    pub file: String,
    /// `YY NNN NNN`, sometimes with a letter suffix.
    pub reference: String,
    /// Organisation named in the title line.
    pub organisation: String,
    /// Category (before `>`).
    pub category: String,
    /// Subcategory (after `>`).
    pub subcategory: String,
    /// `Upheld`, `Not upheld` or `Closed after initial enquiries`.
    pub outcome: String,
    /// ISO date, e.g. `2024-06-06`.
    pub decision_date: String,
    /// Sum of `payments`.
    pub total_payment_pence: u64,
    /// Every sum in the agreed action, in pence, in text order.
    pub payments: Vec<u64>,
    /// Text layout.
    pub layout: Layout,
    /// Whether the page furniture (print link, cookie banner) is appended.
    pub boilerplate: bool,
    /// The town named in the body (a term whose frequency is skewed).
    pub town: String,
    /// Size of the file in bytes.
    pub bytes: usize,
}

impl Truth {
    /// The manifest line (JSON, no trailing newline).
    pub fn to_json(&self) -> String {
        serde_json::json!({
            "file": self.file,
            "reference": self.reference,
            "organisation": self.organisation,
            "category": self.category,
            "subcategory": self.subcategory,
            "outcome": self.outcome,
            "decision_date": self.decision_date,
            "total_payment_pence": self.total_payment_pence,
            "payments": self.payments,
            "layout": self.layout.as_str(),
            "boilerplate": self.boilerplate,
            "town": self.town,
            "bytes": self.bytes,
        })
        .to_string()
    }

    /// Reads a manifest line written by [`Truth::to_json`].
    pub fn from_json(line: &str) -> Option<Truth> {
        let v: serde_json::Value = serde_json::from_str(line).ok()?;
        let s = |k: &str| v.get(k).and_then(|x| x.as_str()).map(str::to_string);
        let layout = match s("layout")?.as_str() {
            "numbered" => Layout::Numbered,
            _ => Layout::Bullets,
        };
        Some(Truth {
            file: s("file")?,
            reference: s("reference")?,
            organisation: s("organisation")?,
            category: s("category")?,
            subcategory: s("subcategory")?,
            outcome: s("outcome")?,
            decision_date: s("decision_date")?,
            total_payment_pence: v.get("total_payment_pence")?.as_u64()?,
            payments: v
                .get("payments")?
                .as_array()?
                .iter()
                .filter_map(serde_json::Value::as_u64)
                .collect(),
            layout,
            boilerplate: v.get("boilerplate")?.as_bool()?,
            town: s("town")?,
            bytes: v.get("bytes")?.as_u64()? as usize,
        })
    }

    /// The year of the decision date.
    pub fn year(&self) -> i32 {
        self.decision_date[..4].parse().unwrap_or(0)
    }
}

/// What [`generate`] wrote.
#[derive(Debug, Clone)]
pub struct Generated {
    /// The directory of the decision files (`OUT/decisions`).
    pub dir: PathBuf,
    /// The true fields of every document, in file order.
    pub truths: Vec<Truth>,
    /// Total bytes of the written files.
    pub bytes: u64,
}

/// Subdirectory of the output directory that holds the decision files.
pub const DECISIONS_DIR: &str = "decisions";

/// One paragraph taken from the corpus: its text and its sub-items.
#[derive(Debug, Clone)]
struct Para {
    text: String,
    items: Vec<String>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Kind {
    Complaint,
    Role,
    Considered,
    Found,
    Action,
    Final,
}

/// The material documents are made of: corpus paragraphs by section kind,
/// summaries by outcome, sub-headings, and the page furniture.
#[derive(Debug, Clone, Default)]
pub struct Pool {
    complaint: Vec<Para>,
    role: Vec<Para>,
    considered: Vec<Para>,
    found: Vec<Para>,
    action: Vec<Para>,
    final_: Vec<Para>,
    subheadings: Vec<String>,
    summaries_upheld: Vec<String>,
    summaries_not_upheld: Vec<String>,
    summaries_closed: Vec<String>,
    boilerplate: Vec<String>,
}

/// The bundled corpus directory of this crate.
pub fn corpus_dir() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("corpus")
}

fn sorted_txt(dir: &Path) -> io::Result<Vec<PathBuf>> {
    let mut files: Vec<PathBuf> = fs::read_dir(dir)?
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.extension().is_some_and(|x| x == "txt"))
        .collect();
    files.sort();
    Ok(files)
}

fn heading_kind(line: &str) -> Option<Kind> {
    let l = line.trim();
    if l == "The complaint" || l.starts_with("The complaint and") {
        Some(Kind::Complaint)
    } else if l.contains("role and powers") {
        Some(Kind::Role)
    } else if l.starts_with("How I considered") {
        Some(Kind::Considered)
    } else if matches!(
        l,
        "What I found" | "My assessment" | "Analysis" | "What happened" | "Findings"
    ) || l.starts_with("What I have")
    {
        Some(Kind::Found)
    } else if l == "Agreed action" || l == "Recommendations" || l == "Action" {
        Some(Kind::Action)
    } else if l == "Final decision" || l == "Decision" {
        Some(Kind::Final)
    } else {
        None
    }
}

/// Strips a paragraph marker: `  12. text`, `- text` → `Some(text)`.
fn paragraph_start(line: &str) -> Option<&str> {
    if let Some(rest) = line.strip_prefix("- ") {
        return Some(rest.trim());
    }
    let t = line.trim_start();
    if t.len() == line.len() {
        return None;
    }
    let digits = t.bytes().take_while(u8::is_ascii_digit).count();
    if digits == 0 || digits > 3 {
        return None;
    }
    t[digits..].strip_prefix(". ").map(str::trim)
}

/// Strips a sub-item marker: `    • text`, `  – text` → `Some(text)`.
fn item_start(line: &str) -> Option<&str> {
    let t = line.trim_start();
    if t.len() == line.len() {
        return None;
    }
    for m in ["• ", "– ", "- ", "o "] {
        if let Some(rest) = t.strip_prefix(m) {
            return Some(rest.trim());
        }
    }
    None
}

impl Pool {
    /// Reads `corpus/seeds/*.txt` and `corpus/excerpts/*.txt` under `corpus`.
    pub fn load(corpus: &Path) -> io::Result<Pool> {
        let mut pool = Pool::default();
        let mut files = sorted_txt(&corpus.join("seeds"))?;
        let seeds = files.len();
        files.extend(sorted_txt(&corpus.join("excerpts"))?);
        for (i, path) in files.iter().enumerate() {
            let text = fs::read_to_string(path)?;
            let mut lines: Vec<&str> = text.lines().collect();
            if i >= seeds {
                // Excerpts are cut at ~2,000 characters: the last line is partial.
                while lines.last().is_some_and(|l| l.trim().is_empty()) {
                    lines.pop();
                }
                lines.pop();
            }
            pool.add_file(&lines);
            if pool.boilerplate.is_empty() && i < seeds {
                if let Some(start) = lines.iter().position(|l| *l == "Print this page") {
                    pool.boilerplate = lines[start..].iter().map(|s| s.to_string()).collect();
                }
            }
        }
        if pool.boilerplate.is_empty() {
            pool.boilerplate = vec!["Print this page".to_string()];
        }
        for (name, list) in [
            ("complaint", &pool.complaint),
            ("role", &pool.role),
            ("considered", &pool.considered),
            ("found", &pool.found),
            ("final", &pool.final_),
        ] {
            if list.is_empty() {
                return Err(io::Error::other(format!(
                    "{}: no '{name}' paragraphs to recombine; is the corpus there?",
                    corpus.display()
                )));
            }
        }
        if pool.action.is_empty() {
            pool.action = pool.final_.clone();
        }
        let all: Vec<String> = pool
            .summaries_upheld
            .iter()
            .chain(&pool.summaries_not_upheld)
            .chain(&pool.summaries_closed)
            .cloned()
            .collect();
        for list in [
            &mut pool.summaries_upheld,
            &mut pool.summaries_not_upheld,
            &mut pool.summaries_closed,
        ] {
            if list.is_empty() {
                list.clone_from(&all);
            }
        }
        if pool.summaries_upheld.is_empty() {
            return Err(io::Error::other(format!(
                "{}: no 'Summary:' lines in the corpus",
                corpus.display()
            )));
        }
        pool.subheadings.sort();
        pool.subheadings.dedup();
        Ok(pool)
    }

    fn add_file(&mut self, lines: &[&str]) {
        let mut outcome = "";
        let mut kind: Option<Kind> = None;
        let mut paras: Vec<(Kind, Para)> = Vec::new();
        for line in lines {
            let l = line.trim_end();
            if l.trim().is_empty() || l == "Back to top" {
                continue;
            }
            if l == "Print this page" || l.starts_with("Investigator's decision") {
                break;
            }
            if let Some(v) = l.strip_prefix("Decision : ") {
                outcome = v.trim();
                continue;
            }
            if let Some(s) = l.strip_prefix("Summary: ") {
                let s = s.trim().to_string();
                if !s.contains('£') && s.len() > 40 {
                    match outcome {
                        "Upheld" => self.summaries_upheld.push(s),
                        "Not upheld" => self.summaries_not_upheld.push(s),
                        "Closed after initial enquiries" => self.summaries_closed.push(s),
                        _ => {}
                    }
                }
                continue;
            }
            if let Some(k) = heading_kind(l) {
                kind = Some(k);
                continue;
            }
            let Some(k) = kind else { continue };
            if let Some(text) = paragraph_start(l) {
                paras.push((
                    k,
                    Para {
                        text: text.to_string(),
                        items: Vec::new(),
                    },
                ));
            } else if let Some(item) = item_start(l) {
                if let Some((_, p)) = paras.last_mut() {
                    p.items.push(item.to_string());
                }
            } else if k == Kind::Found
                && !l.starts_with(' ')
                && l.len() < 60
                && !l.ends_with('.')
                && !l.ends_with(':')
                && !l.starts_with('(')
                && l.chars().next().is_some_and(char::is_uppercase)
            {
                self.subheadings.push(l.to_string());
            }
        }
        for (k, p) in paras {
            let money = p.text.contains('£') || p.items.iter().any(|i| i.contains('£'));
            if money || p.text.len() < 25 {
                continue;
            }
            let list = match k {
                Kind::Complaint => &mut self.complaint,
                Kind::Role => &mut self.role,
                Kind::Considered => &mut self.considered,
                Kind::Found => &mut self.found,
                Kind::Action => &mut self.action,
                Kind::Final => &mut self.final_,
            };
            if !list.iter().any(|q| q.text == p.text) {
                list.push(p);
            }
        }
    }

    /// Builds document `index` of a run seeded with `seed`: its text and its
    /// true fields (with `bytes` set to the text length).
    pub fn document(&self, seed: u64, index: u64) -> (String, Truth) {
        let mut rng = Rng::for_document(seed, index);
        Builder::new(self, &mut rng, index).build()
    }
}

const MONTHS: [&str; 12] = [
    "Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec",
];
const MONTHS_LONG: [&str; 12] = [
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
];

fn days_in_month(year: i32, month: usize) -> usize {
    match month {
        2 if (year % 4 == 0 && year % 100 != 0) || year % 400 == 0 => 29,
        2 => 28,
        4 | 6 | 9 | 11 => 30,
        _ => 31,
    }
}

/// Councils first (the frequent ones), then other bodies in jurisdiction.
const ORGANISATIONS: &[&str] = &[
    "Kent County Council",
    "Birmingham City Council",
    "Essex County Council",
    "Lancashire County Council",
    "Hertfordshire County Council",
    "Surrey County Council",
    "Norfolk County Council",
    "Leeds City Council",
    "Manchester City Council",
    "Hampshire County Council",
    "Devon County Council",
    "Cornwall Council",
    "Suffolk County Council",
    "Nottinghamshire County Council",
    "Lincolnshire County Council",
    "Liverpool City Council",
    "Sheffield City Council",
    "Bristol City Council",
    "Derbyshire County Council",
    "Staffordshire County Council",
    "Somerset Council",
    "North Yorkshire Council",
    "Leicestershire County Council",
    "Cambridgeshire County Council",
    "West Sussex County Council",
    "East Sussex County Council",
    "Buckinghamshire Council",
    "Durham County Council",
    "Cheshire East Council",
    "Shropshire Council",
    "Wiltshire Council",
    "Northumberland County Council",
    "Bradford City Council",
    "Coventry City Council",
    "Leicester City Council",
    "Nottingham City Council",
    "Plymouth City Council",
    "Southampton City Council",
    "Portsmouth City Council",
    "Stoke-on-Trent City Council",
    "Wolverhampton City Council",
    "Sunderland City Council",
    "Newcastle upon Tyne City Council",
    "Westminster City Council",
    "London Borough of Barnet",
    "London Borough of Croydon",
    "London Borough of Ealing",
    "London Borough of Enfield",
    "London Borough of Haringey",
    "London Borough of Harrow",
    "London Borough of Hackney",
    "London Borough of Lambeth",
    "London Borough of Lewisham",
    "London Borough of Newham",
    "London Borough of Redbridge",
    "London Borough of Southwark",
    "London Borough of Sutton",
    "London Borough of Tower Hamlets",
    "London Borough of Hammersmith & Fulham",
    "Royal Borough of Kensington & Chelsea",
    "Royal Borough of Greenwich",
    "Dudley Metropolitan Borough Council",
    "Sefton Metropolitan Borough Council",
    "Wirral Metropolitan Borough Council",
    "Walsall Metropolitan Borough Council",
    "Sandwell Metropolitan Borough Council",
    "Wigan Metropolitan Borough Council",
    "Bolton Metropolitan Borough Council",
    "Stockport Metropolitan Borough Council",
    "Rotherham Metropolitan Borough Council",
    "Doncaster Metropolitan Borough Council",
    "Kirklees Metropolitan Borough Council",
    "Calderdale Metropolitan Borough Council",
    "Oldham Metropolitan Borough Council",
    "Tameside Metropolitan Borough Council",
    "Salford City Council",
    "Wakefield City Council",
    "Milton Keynes Council",
    "Luton Borough Council",
    "Reading Borough Council",
    "Swindon Borough Council",
    "Medway Council",
    "Central Bedfordshire Council",
    "Bedford Borough Council",
    "North Somerset Council",
    "Torbay Council",
    "Southend-on-Sea City Council",
    "Thurrock Council",
    "Peterborough City Council",
    "Darlington Borough Council",
    "Middlesbrough Council",
    "Cumberland Council",
    "Westmorland and Furness Council",
    "Warwickshire County Council",
    "Worcestershire County Council",
    "Gloucestershire County Council",
    "Oxfordshire County Council",
    "Dorset Council",
    "Herefordshire Council",
    "Rutland County Council",
    "Isle of Wight Council",
    "Norwich City Council",
    "Colchester City Council",
    "Lincoln City Council",
    "East Hertfordshire District Council",
    "Babergh District Council",
    "Bromsgrove District Council",
    "Wyre Forest District Council",
    "South Holland District Council",
    "Fylde Borough Council",
    "Eastbourne Borough Council",
    "Canterbury City Council",
    "Maidstone Borough Council",
    "Tunbridge Wells Borough Council",
    "Guildford Borough Council",
    "Woking Borough Council",
    "St Albans City and District Council",
    "Cherwell District Council",
    "Harrogate Borough Council",
    "Scarborough Borough Council",
    "Mid Devon District Council",
    "Teignbridge District Council",
    "New Forest District Council",
    "Basingstoke and Deane Borough Council",
    "Chelmsford City Council",
    "Braintree District Council",
    "Tendring District Council",
    "King's Lynn and West Norfolk Borough Council",
    "Great Yarmouth Borough Council",
    "Breckland District Council",
    "Ipswich Borough Council",
    "West Yorkshire Combined Authority",
    "Greater Manchester Combined Authority",
    "Transport for London",
    "Bluebird Care AKA BenJeMax Limited",
    "The Franklyn Group Limited",
    "Victoria Nursing Group Limited",
    "Barchester Healthcare Homes Limited",
    "HC-One Limited",
    "Care UK Community Partnerships Ltd",
    "Salisbury NHS Foundation Trust",
    "Stockport NHS Foundation Trust",
    "Sheffield Teaching Hospitals NHS Foundation Trust",
];

/// Category and subcategory paths of the LGSCO site, frequent first.
const CATEGORIES: &[(&str, &str)] = &[
    ("Children's care services", "Child protection"),
    ("Education", "Special educational needs"),
    ("Adult care services", "Assessment and care plan"),
    ("Housing", "Homelessness"),
    ("Benefits and tax", "Council tax"),
    ("Planning", "Planning applications"),
    ("Adult care services", "Charging"),
    ("Housing", "Allocations"),
    ("Environment and regulation", "Antisocial behaviour"),
    ("Transport and highways", "Parking and other penalties"),
    ("Adult care services", "Residential care"),
    ("Children's care services", "Other"),
    ("Education", "School transport"),
    ("Adult care services", "Domiciliary care"),
    ("Planning", "Enforcement"),
    ("Environment and regulation", "Refuse and recycling"),
    ("Adult care services", "Safeguarding"),
    ("Transport and highways", "Highway repair and maintenance"),
    ("Children's care services", "Disabled children"),
    ("Education", "Admissions"),
    ("Environment and regulation", "Noise"),
    ("Housing", "Private housing"),
    ("Benefits and tax", "Housing benefit and council tax benefit"),
    ("Children's care services", "Looked after children"),
    ("Adult care services", "Direct payments"),
    ("Corporate and other services", "Other"),
    ("Education", "Alternative provision"),
    ("Children's care services", "Fostering"),
    ("Environment and regulation", "Pollution"),
    ("Adult care services", "Disabled facilities grants"),
    ("Transport and highways", "Public transport"),
    ("Benefits and tax", "Council tax support"),
    ("Children's care services", "Special guardianship"),
    ("Planning", "Building control"),
    ("Environment and regulation", "Licensing"),
    ("Education", "Elective home education"),
    ("Children's care services", "Friends and family carers"),
    ("Environment and regulation", "Drainage"),
    ("Adult care services", "Transport"),
    ("Transport and highways", "Traffic management"),
    ("Corporate and other services", "Land"),
    ("Benefits and tax", "Business rates"),
    ("Children's care services", "Adoption"),
    ("Environment and regulation", "Cemeteries and crematoria"),
    ("Adult care services", "Transition from childrens services"),
    ("Education", "Other"),
    ("Health", "Hospital acute services"),
    ("Transport and highways", "Other"),
    ("Environment and regulation", "Trees"),
    ("Housing", "Council housing"),
    ("Corporate and other services", "Commercial and contracts"),
    ("Adult care services", "COVID-19"),
    ("Benefits and tax", "COVID-19"),
    ("Health", "Other"),
    ("Other Categories", "Other"),
];

/// Towns, common first; the last ones occur in few documents (rare terms).
const TOWNS: &[&str] = &[
    "London",
    "Birmingham",
    "Manchester",
    "Leeds",
    "Liverpool",
    "Sheffield",
    "Bristol",
    "Newcastle",
    "Nottingham",
    "Leicester",
    "Coventry",
    "Bradford",
    "Plymouth",
    "Southampton",
    "Portsmouth",
    "Derby",
    "Norwich",
    "Reading",
    "Luton",
    "Bolton",
    "Wolverhampton",
    "Sunderland",
    "Brighton",
    "Ipswich",
    "Colchester",
    "Chelmsford",
    "Maidstone",
    "Canterbury",
    "Oxford",
    "Cambridge",
    "Exeter",
    "Gloucester",
    "Worcester",
    "Lincoln",
    "Peterborough",
    "Swindon",
    "Cheltenham",
    "Bath",
    "York",
    "Harrogate",
    "Scarborough",
    "Darlington",
    "Middlesbrough",
    "Durham",
    "Carlisle",
    "Kendal",
    "Lancaster",
    "Preston",
    "Blackpool",
    "Blackburn",
    "Burnley",
    "Wigan",
    "Warrington",
    "Chester",
    "Crewe",
    "Stockport",
    "Oldham",
    "Rochdale",
    "Huddersfield",
    "Halifax",
    "Wakefield",
    "Doncaster",
    "Rotherham",
    "Barnsley",
    "Grimsby",
    "Scunthorpe",
    "Boston",
    "Spalding",
    "Grantham",
    "Kettering",
    "Corby",
    "Wellingborough",
    "Bedford",
    "Stevenage",
    "Watford",
    "Hemel Hempstead",
    "Harlow",
    "Basildon",
    "Southend",
    "Margate",
    "Folkestone",
    "Dover",
    "Ashford",
    "Hastings",
    "Eastbourne",
    "Worthing",
    "Crawley",
    "Guildford",
    "Woking",
    "Basingstoke",
    "Winchester",
    "Salisbury",
    "Bournemouth",
    "Poole",
    "Weymouth",
    "Taunton",
    "Yeovil",
    "Barnstaple",
    "Torquay",
    "Truro",
    "Penzance",
    "Newquay",
    "Bodmin",
    "Shrewsbury",
    "Telford",
    "Hereford",
    "Kidderminster",
    "Bromsgrove",
    "Redditch",
    "Stafford",
    "Tamworth",
    "Nuneaton",
    "Rugby",
    "Banbury",
    "Bicester",
    "Witney",
    "Abingdon",
    "Newbury",
    "Thatcham",
    "Whitby",
    "Skipton",
    "Ripon",
    "Hexham",
    "Alnwick",
    "Berwick",
    "Morpeth",
    "Penrith",
    "Keswick",
    "Whitehaven",
    "Workington",
    "Ulverston",
    "Sedbergh",
    "Kirkby Stephen",
    "Appleby",
    "Alston",
    "Bampton",
    "Wiveliscombe",
    "Dulverton",
    "Lynton",
    "Clovelly",
    "Bude",
    "Launceston",
    "Lostwithiel",
    "Fowey",
    "Mevagissey",
    "Padstow",
    "Wadebridge",
    "Camelford",
    "Tintagel",
    "Boscastle",
    "Zennor",
];

const REASONS: &[&str] = &[
    "to acknowledge the distress caused",
    "to recognise the distress and uncertainty caused by the delay",
    "for the time and trouble put to in pursuing the complaint",
    "to acknowledge the avoidable frustration caused by the faults identified",
    "to recognise the lost opportunity to have the matter considered properly",
    "for the uncertainty caused by the failures in the assessment process",
    "to reflect the injustice caused by the failure to provide the support set out in the plan",
    "to acknowledge the impact of the missed provision",
];

const TITLES: &[&str] = &["Mr", "Ms", "Mrs", "Miss"];

struct Builder<'a> {
    pool: &'a Pool,
    rng: &'a mut Rng,
    index: u64,
    layout: Layout,
    out: String,
    /// `the Council`, `the Care Provider`, `the Trust`, `the Authority`.
    body: &'static str,
    person: String,
    other: String,
}

impl<'a> Builder<'a> {
    fn new(pool: &'a Pool, rng: &'a mut Rng, index: u64) -> Builder<'a> {
        let layout = if rng.chance(0.5) {
            Layout::Numbered
        } else {
            Layout::Bullets
        };
        let letter = (b'A' + rng.below(26) as u8) as char;
        let person = format!("{} {}", rng.pick(TITLES), letter);
        let other = format!(
            "{} {}",
            rng.pick(TITLES),
            ((letter as u8 - b'A' + 1) % 26 + b'A') as char
        );
        Builder {
            pool,
            rng,
            index,
            layout,
            out: String::with_capacity(16 * 1024),
            body: "the Council",
            person,
            other,
        }
    }

    fn line(&mut self, text: &str) {
        self.out.push_str(text);
        self.out.push('\n');
        if self.layout == Layout::Numbered {
            self.out.push('\n');
        }
    }

    fn heading(&mut self, text: &str) {
        self.line(text);
    }

    fn end_section(&mut self) {
        if self.layout == Layout::Numbered {
            self.out.push_str("Back to top\n\n");
        }
    }

    fn paragraph(&mut self, number: usize, text: &str, items: &[String]) {
        match self.layout {
            Layout::Numbered => {
                self.out.push_str(&format!("  {number}. {text}\n"));
                for item in items {
                    self.out.push_str(&format!("    • {item}\n"));
                }
            }
            Layout::Bullets => {
                self.out.push_str(&format!("- {text}\n"));
                for item in items {
                    self.out.push_str(&format!("- {item}\n"));
                }
            }
        }
    }

    /// After the last paragraph of a section (numbered layout: a blank line).
    fn end_paragraphs(&mut self) {
        if self.layout == Layout::Numbered {
            self.out.push('\n');
        }
    }

    fn section_from(&mut self, heading: &str, kind: Kind, count: usize) {
        self.heading(heading);
        let list = match kind {
            Kind::Complaint => &self.pool.complaint,
            Kind::Role => &self.pool.role,
            Kind::Considered => &self.pool.considered,
            Kind::Found => &self.pool.found,
            Kind::Action => &self.pool.action,
            Kind::Final => &self.pool.final_,
        };
        for n in 1..=count {
            let p = self.rng.pick(list);
            self.paragraph(n, &p.text, &p.items);
        }
        self.end_paragraphs();
        self.end_section();
    }

    fn date(&mut self) -> (i32, usize, usize) {
        let year = 2013 + self.rng.below(14) as i32;
        let month = if year == 2026 {
            1 + self.rng.below(10)
        } else {
            1 + self.rng.below(12)
        };
        let day = 1 + self.rng.below(days_in_month(year, month));
        (year, month, day)
    }

    fn amount(&mut self) -> (u64, String) {
        const POUNDS: &[u64] = &[
            100, 150, 200, 250, 300, 350, 400, 500, 600, 750, 1000, 1200, 1500, 2000, 2500, 3500, 5000, 8250, 12000,
        ];
        let pounds = *self.rng.skewed(POUNDS);
        let pence = if self.rng.chance(0.1) {
            self.rng.below(100) as u64
        } else {
            0
        };
        let whole = if pounds >= 1000 && self.rng.chance(0.7) {
            format!("{},{:03}", pounds / 1000, pounds % 1000)
        } else {
            pounds.to_string()
        };
        let text = if pence > 0 {
            format!("£{whole}.{pence:02}")
        } else {
            format!("£{whole}")
        };
        (pounds * 100 + pence, text)
    }

    fn build(mut self) -> (String, Truth) {
        let organisation = *self.rng.skewed(ORGANISATIONS);
        self.body = if organisation.contains("NHS") {
            "the Trust"
        } else if organisation.contains("Limited") || organisation.contains("Ltd") {
            "the Care Provider"
        } else if organisation.contains("Authority") || organisation.contains("Transport for") {
            "the Authority"
        } else {
            "the Council"
        };
        let (category, subcategory) = *self.rng.skewed(CATEGORIES);
        let roll = self.rng.unit();
        let outcome = if roll < 0.45 {
            "Closed after initial enquiries"
        } else if roll < 0.6 {
            "Not upheld"
        } else {
            "Upheld"
        };
        let (year, month, day) = self.date();
        let ref_year = (year - 2000 - self.rng.below(2) as i32).max(12);
        // A bijection on 0..1,000,000 keeps references unique for up to a million documents.
        let serial = (self.index.wrapping_mul(387_211).wrapping_add(12_345)) % 1_000_000;
        let suffix = if self.rng.chance(0.02) {
            ["a", "b"][self.rng.below(2)]
        } else {
            ""
        };
        let reference = format!("{ref_year:02} {:03} {:03}{suffix}", serial / 1000, serial % 1000);
        let boilerplate = self.rng.chance(0.5);
        let town = *self.rng.skewed(TOWNS);
        let target = match outcome {
            "Upheld" => self.rng.range(7_000, 20_000),
            "Not upheld" => self.rng.range(6_000, 16_000),
            _ => self.rng.range(2_500, 6_000),
        };

        // Header.
        self.line(&format!("{organisation} ({reference})"));
        self.line(&format!("Category : {category} > {subcategory}"));
        self.line(&format!("Decision : {outcome}"));
        self.line(&format!("Decision date : {day:02} {} {year}", MONTHS[month - 1]));
        self.line("The Ombudsman's final decision:");
        let summaries = match outcome {
            "Upheld" => &self.pool.summaries_upheld,
            "Not upheld" => &self.pool.summaries_not_upheld,
            _ => &self.pool.summaries_closed,
        };
        let summary = self.rng.pick(summaries).clone();
        self.line(&format!("Summary: {summary}"));

        // Body.
        let n = self.rng.range(1, 3);
        self.section_from("The complaint", Kind::Complaint, n);
        let n = self.rng.range(1, 4);
        self.section_from("The Ombudsman\u{2019}s role and powers", Kind::Role, n);
        let n = self.rng.range(1, 3);
        self.section_from("How I considered this complaint", Kind::Considered, n);

        let closed = outcome == "Closed after initial enquiries";
        self.heading(if closed { "My assessment" } else { "What I found" });
        let (cy, cm, cd) = (year - 1, self.rng.below(12), 1 + self.rng.below(28));
        let where_text = format!(
            "{} lives in {town} and first contacted {} about this matter on {cd} {} {cy}.",
            self.person, self.body, MONTHS_LONG[cm]
        );
        let mut number = 1;
        self.paragraph(number, &where_text, &[]);
        // Leave room for the agreed action, final decision and furniture.
        let tail = if boilerplate { 2_200 } else { 1_000 };
        while self.out.len() + tail < target {
            if !closed && number > 1 && self.rng.chance(0.08) && !self.pool.subheadings.is_empty() {
                self.end_paragraphs();
                let sub = self.rng.pick(&self.pool.subheadings).clone();
                self.heading(&sub);
                number = 0;
            }
            number += 1;
            let p = self.rng.pick(&self.pool.found);
            self.paragraph(number, &p.text, &p.items);
        }
        self.end_paragraphs();
        self.end_section();

        let mut payments = Vec::new();
        if outcome == "Upheld" {
            self.agreed_action(year, month, &mut payments);
        }
        let n = self.rng.range(1, 2);
        self.section_from("Final decision", Kind::Final, n);
        self.line("Investigator's decision on behalf of the Ombudsman");
        if boilerplate {
            // Numbered layout: the block exactly as in the seed; bullets: without blank lines.
            for l in &self.pool.boilerplate {
                if self.layout == Layout::Numbered || !l.is_empty() {
                    self.out.push_str(l);
                    self.out.push('\n');
                }
            }
        }

        let text = std::mem::take(&mut self.out);
        let truth = Truth {
            file: format!("{:06}.txt", self.index),
            reference,
            organisation: organisation.to_string(),
            category: category.to_string(),
            subcategory: subcategory.to_string(),
            outcome: outcome.to_string(),
            decision_date: format!("{year:04}-{month:02}-{day:02}"),
            total_payment_pence: payments.iter().sum(),
            payments,
            layout: self.layout,
            boilerplate,
            town: town.to_string(),
            bytes: text.len(),
        };
        (text, truth)
    }

    fn agreed_action(&mut self, year: i32, month: usize, payments: &mut Vec<u64>) {
        self.heading("Agreed action");
        let body = self.body;
        let person = self.person.clone();
        let other = self.other.clone();
        let pay = self.rng.chance(0.75);
        let mut number = 1;
        if self.rng.chance(0.5) {
            // A list of actions with a deadline, as in corpus/seeds/002.
            let (dm, dy) = if month == 12 { (1, year + 1) } else { (month + 1, year) };
            let dd = 1 + self.rng.below(28);
            let intro = format!(
                "To remedy the injustice caused, by {dd} {} {dy} {body} has agreed to:",
                MONTHS_LONG[dm - 1]
            );
            let mut items = vec![format!(
                "apologise to {person} for the distress and frustration caused by the faults identified;"
            )];
            if pay {
                let first = self.rng.below(REASONS.len());
                for k in 0..self.rng.range(1, 3) {
                    let who = if self.rng.chance(0.7) {
                        person.clone()
                    } else {
                        other.clone()
                    };
                    let (pence, text) = self.amount();
                    payments.push(pence);
                    // Distinct reasons: two identical sentences would be one payment.
                    let reason = REASONS[(first + k) % REASONS.len()];
                    items.push(format!("pay {who} {text} {reason};"));
                }
            }
            items.push(
                "remind relevant staff of the importance of keeping accurate records and communicating decisions clearly."
                    .to_string(),
            );
            self.paragraph(number, &intro, &items);
        } else {
            // Sentences, as in corpus/seeds/004.
            let text = format!(
                "Within one month of the final decision, {body} will apologise to {person} for the faults identified."
            );
            self.paragraph(number, &text, &[]);
            if pay {
                let many = self.rng.range(1, 2);
                if many == 2 && self.rng.chance(0.5) {
                    let (p1, t1) = self.amount();
                    let (p2, t2) = self.amount();
                    payments.extend([p1, p2]);
                    number += 1;
                    let text = format!(
                        "Within one month of the final decision, {body} will pay {person} {t1} for the uncertainty caused by the failures in the process and {t2} for the time and trouble of pursuing the complaint."
                    );
                    self.paragraph(number, &text, &[]);
                } else {
                    let first = self.rng.below(REASONS.len());
                    for k in 0..many {
                        let (pence, t) = self.amount();
                        payments.push(pence);
                        let reason = REASONS[(first + k) % REASONS.len()];
                        number += 1;
                        let text =
                            format!("Within one month of the final decision, {body} will pay {person} {t} {reason}.");
                        self.paragraph(number, &text, &[]);
                    }
                }
            }
        }
        if self.rng.chance(0.5) {
            let p = self.rng.pick(&self.pool.action);
            number += 1;
            self.paragraph(number, &p.text, &p.items);
        }
        number += 1;
        let text = format!("{body} should provide us with evidence it has complied with the above actions.");
        let text = capitalise(&text);
        self.paragraph(number, &text, &[]);
        self.end_paragraphs();
        self.end_section();
    }
}

fn capitalise(s: &str) -> String {
    let mut c = s.chars();
    match c.next() {
        Some(f) => f.to_uppercase().chain(c).collect(),
        None => String::new(),
    }
}

/// Reads back a run written by [`generate`] into `out_dir` when it holds
/// exactly `count` documents, or `None`.
pub fn load(out_dir: &Path, count: usize) -> Option<Generated> {
    let text = fs::read_to_string(out_dir.join("manifest.jsonl")).ok()?;
    let truths: Vec<Truth> = text.lines().map(Truth::from_json).collect::<Option<_>>()?;
    let dir = out_dir.join(DECISIONS_DIR);
    let files = fs::read_dir(&dir).ok()?.count();
    if truths.len() != count || files != count {
        return None;
    }
    let bytes = truths.iter().map(|t| t.bytes as u64).sum();
    Some(Generated { dir, truths, bytes })
}

/// Writes `count` documents of run `seed` as `out_dir/decisions/NNNNNN.txt`
/// and their true fields as `out_dir/manifest.jsonl`, taking paragraphs from
/// the bundled corpus ([`corpus_dir`]). The decisions have a directory of
/// their own because `ombuds ingest DIR` reads every `.jsonl` under `DIR` as
/// records, and the manifest is not one.
pub fn generate(seed: u64, count: usize, out_dir: &Path) -> io::Result<Generated> {
    let pool = Pool::load(&corpus_dir())?;
    generate_with(&pool, seed, count, out_dir)
}

/// [`generate`] with an already loaded [`Pool`].
pub fn generate_with(pool: &Pool, seed: u64, count: usize, out_dir: &Path) -> io::Result<Generated> {
    generate_rendered(pool, seed, count, out_dir, "txt", &|_, text| text.to_owned())
}

/// How a decision's text is written to its file: `render(index, text)`, e.g.
/// as the HTML page of one of the templates in `templates.rs` (`--html`).
pub type Render<'a> = &'a dyn Fn(u64, &str) -> String;

/// [`generate_with`], writing `NNNNNN.<extension>` files through `render`.
/// The manifest names the written files; `bytes` counts what was written.
pub fn generate_rendered(
    pool: &Pool,
    seed: u64,
    count: usize,
    out_dir: &Path,
    extension: &str,
    render: Render<'_>,
) -> io::Result<Generated> {
    let docs = out_dir.join(DECISIONS_DIR);
    fs::create_dir_all(&docs)?;
    let manifest_path = out_dir.join("manifest.jsonl");
    let mut manifest = BufWriter::new(fs::File::create(&manifest_path)?);
    let mut truths = Vec::with_capacity(count);
    let mut bytes = 0u64;
    for i in 0..count as u64 {
        let (text, mut truth) = pool.document(seed, i);
        let text = render(i, &text);
        if extension != "txt" {
            truth.file = format!("{i:06}.{extension}");
            truth.bytes = text.len();
        }
        let path = docs.join(&truth.file);
        fs::write(&path, text.as_bytes()).map_err(|e| io::Error::new(e.kind(), format!("{}: {e}", path.display())))?;
        bytes += text.len() as u64;
        writeln!(manifest, "{}", truth.to_json())?;
        truths.push(truth);
    }
    manifest.flush()?;
    Ok(Generated {
        dir: docs,
        truths,
        bytes,
    })
}

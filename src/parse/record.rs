//! The `Decision` record: what every stage after `parse` consumes.
//!
//! Field names are the JSON keys of the published record (see
//! `schema/decision.schema.json`). A value that is not in the text is `None`
//! (JSON `null`) or an empty list, never a guess.

use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

/// One LGSCO decision statement, parsed.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Decision {
    /// The LGSCO case reference as printed, e.g. `23 017 456` or `17 002 402b`
    /// (a letter suffix marks one body's part of a joint decision).
    pub reference: Option<String>,
    /// The body complained about, from the title line: a council, an NHS
    /// trust, a care provider, a combined authority, …
    pub organisation: Option<String>,
    /// A stable slug naming the organisation whatever form of its name the
    /// title uses (`London Borough of Camden` and `Camden London Borough
    /// Council` are both `camden`); from the name rules and the table of known
    /// bodies in `schema/organisations.csv`, or from the normalised name when
    /// the table does not know it. `null` when there is no organisation.
    pub organisation_id: Option<String>,
    /// What kind of body the organisation is, when its name or the table of
    /// known bodies says; `null` otherwise.
    pub organisation_kind: Option<OrganisationKind>,
    /// First part of `Category : A > B`, or the category slug of the LGSCO URL
    /// turned back into words when the text has no Category line.
    pub category: Option<String>,
    /// Second part of `Category : A > B` (or the URL's subcategory slug).
    pub subcategory: Option<String>,
    /// The outcome as printed on the `Decision :` line, e.g. `Upheld`,
    /// `Not upheld`, `Closed after initial enquiries`.
    pub outcome: Option<String>,
    /// The decision date (`Decision date : 06 Jun 2024`) as an ISO date.
    #[schemars(with = "Option<String>", regex(pattern = r"^\d{4}-\d{2}-\d{2}$"))]
    pub decision_date: Option<jiff::civil::Date>,
    /// The text after `Summary:`; on old-style pages with no `Summary:` line,
    /// the opening prose before the first heading.
    pub summary: Option<String>,
    /// The complainant's pseudonym as the decision uses it: `Miss B`,
    /// `Mr and Mrs X`, `Ms E`.
    pub complainant: Option<String>,
    /// The body of the decision, in reading order.
    pub sections: Vec<Section>,
    /// The signature line, e.g. `Investigator's decision on behalf of the Ombudsman`.
    pub decided_by: Option<String>,
    /// Sentences in which the Ombudsman (or the organisation, accepting it)
    /// finds fault.
    pub faults: Vec<Finding>,
    /// Sentences in which the Ombudsman finds no fault.
    pub no_fault_findings: Vec<Finding>,
    /// Actions the organisation agreed, or was recommended, to take.
    pub remedies: Vec<Remedy>,
    /// Sums the organisation agreed, or was recommended, to pay as a remedy.
    pub payments: Vec<Payment>,
    /// Sum of `payments[].amount_pence` (0 when there are none).
    pub total_payment_pence: u64,
    /// Statutes cited, deduplicated, in order of first mention.
    pub legislation: Vec<Citation>,
    /// Where the text came from.
    pub source: SourceInfo,
    /// What was missing or odd in the text, in words.
    pub warnings: Vec<String>,
}

/// What kind of body an organisation is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum OrganisationKind {
    /// A county council of a two-tier area (`Kent County Council`).
    County,
    /// A district council of a two-tier area (`Babergh District Council`,
    /// `Colchester City Council`).
    District,
    /// A unitary authority (`Cornwall Council`, `Reading Borough Council`).
    Unitary,
    /// A London borough (`London Borough of Camden`, `Westminster City Council`).
    LondonBorough,
    /// A metropolitan borough (`Sefton Metropolitan Borough Council`, `Leeds City Council`).
    MetropolitanBorough,
    /// A combined authority (`West Yorkshire Combined Authority`).
    CombinedAuthority,
    /// An NHS trust, board or commissioning group (joint decisions with the
    /// Health Service Ombudsman).
    NhsBody,
    /// A registered care provider (`Victoria Nursing Group Limited`).
    CareProvider,
    /// A school, academy or academy trust.
    SchoolOrAcademy,
    /// Another body: the City of London, a fire or national park authority,
    /// Transport for London, a town or parish council, ….
    Other,
}

impl OrganisationKind {
    /// Every kind, in declaration order.
    pub const ALL: [OrganisationKind; 10] = [
        OrganisationKind::County,
        OrganisationKind::District,
        OrganisationKind::Unitary,
        OrganisationKind::LondonBorough,
        OrganisationKind::MetropolitanBorough,
        OrganisationKind::CombinedAuthority,
        OrganisationKind::NhsBody,
        OrganisationKind::CareProvider,
        OrganisationKind::SchoolOrAcademy,
        OrganisationKind::Other,
    ];

    /// The kind's name as it appears in JSON (`london_borough`).
    pub fn as_str(self) -> &'static str {
        match self {
            OrganisationKind::County => "county",
            OrganisationKind::District => "district",
            OrganisationKind::Unitary => "unitary",
            OrganisationKind::LondonBorough => "london_borough",
            OrganisationKind::MetropolitanBorough => "metropolitan_borough",
            OrganisationKind::CombinedAuthority => "combined_authority",
            OrganisationKind::NhsBody => "nhs_body",
            OrganisationKind::CareProvider => "care_provider",
            OrganisationKind::SchoolOrAcademy => "school_or_academy",
            OrganisationKind::Other => "other",
        }
    }

    /// Parses a kind name as printed by [`OrganisationKind::as_str`].
    pub fn from_name(name: &str) -> Option<OrganisationKind> {
        OrganisationKind::ALL.into_iter().find(|k| k.as_str() == name)
    }
}

/// A headed part of the decision body.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Section {
    /// The heading as printed (`The complaint`, `What I found`, …); `null`
    /// for prose that comes before the first heading.
    pub heading: Option<String>,
    /// The section's paragraphs in reading order.
    pub paragraphs: Vec<Paragraph>,
}

/// One paragraph of the body.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Paragraph {
    /// Position in reading order across the whole decision, from 1. The web
    /// pages restart their numbering in every section or use bullets; this
    /// number is continuous, like the paragraph numbers of the LGSCO's PDFs.
    pub number: u32,
    /// The paragraph text, with sub-items of a numbered paragraph kept on
    /// their own lines.
    pub text: String,
}

/// A sentence that finds fault (or no fault).
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Finding {
    /// The whole sentence.
    pub text: String,
    /// Heading of the section that holds it (`null` for the summary or for
    /// prose before the first heading).
    pub section: Option<String>,
    /// `Paragraph::number` of the paragraph that holds it; `null` when the
    /// sentence is in the summary.
    pub paragraph: Option<u32>,
}

/// What kind of action a remedy is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum RemedyKind {
    /// Apologise to the complainant.
    Apology,
    /// Pay money.
    Financial,
    /// Review or change a policy or procedure; action plan; service improvement.
    ProcedureChange,
    /// Remind, train or guide staff.
    TrainingOrGuidance,
    /// Reassess, review a case, take a fresh decision or hold a fresh hearing.
    AssessmentOrReview,
    /// Correct or amend records.
    RecordsCorrection,
    /// Provide a service (education, care, support, accommodation, …).
    ProvideService,
    /// Give the complainant information or an explanation.
    Information,
    /// Any other action.
    Other,
}

impl RemedyKind {
    /// Every kind, in declaration order.
    pub const ALL: [RemedyKind; 9] = [
        RemedyKind::Apology,
        RemedyKind::Financial,
        RemedyKind::ProcedureChange,
        RemedyKind::TrainingOrGuidance,
        RemedyKind::AssessmentOrReview,
        RemedyKind::RecordsCorrection,
        RemedyKind::ProvideService,
        RemedyKind::Information,
        RemedyKind::Other,
    ];

    /// The kind's name as it appears in JSON (`procedure_change`).
    pub fn as_str(self) -> &'static str {
        match self {
            RemedyKind::Apology => "apology",
            RemedyKind::Financial => "financial",
            RemedyKind::ProcedureChange => "procedure_change",
            RemedyKind::TrainingOrGuidance => "training_or_guidance",
            RemedyKind::AssessmentOrReview => "assessment_or_review",
            RemedyKind::RecordsCorrection => "records_correction",
            RemedyKind::ProvideService => "provide_service",
            RemedyKind::Information => "information",
            RemedyKind::Other => "other",
        }
    }

    /// Parses a kind name as printed by [`RemedyKind::as_str`].
    pub fn from_name(name: &str) -> Option<RemedyKind> {
        RemedyKind::ALL.into_iter().find(|k| k.as_str() == name)
    }
}

/// An agreed or recommended action.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Remedy {
    /// What kind of action it is.
    pub kind: RemedyKind,
    /// The sentence or list item that states it.
    pub text: String,
    /// When it must be done, if the text says.
    pub deadline: Option<Deadline>,
}

/// A remedy's deadline.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Deadline {
    /// The words that give it, e.g. `within one month of the final decision`.
    pub text: String,
    /// An absolute date, when the text gives one.
    #[schemars(with = "Option<String>", regex(pattern = r"^\d{4}-\d{2}-\d{2}$"))]
    pub date: Option<jiff::civil::Date>,
    /// A relative period in days (`within one month` → 30), when the text gives one.
    pub days: Option<u32>,
}

/// A sum the organisation agreed or was recommended to pay.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Payment {
    /// The amount in pence (`£159.58` → 15958).
    pub amount_pence: u64,
    /// Who is to be paid, as written (`Mr B`), when the text says.
    pub recipient: Option<String>,
    /// What the payment is for, as written, when the text says.
    pub reason: Option<String>,
    /// The sentence or list item that states it.
    pub text: String,
}

/// A statute cited in the decision.
#[derive(Debug, Clone, Default, PartialEq, Eq, Hash, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Citation {
    /// The Act's short title with its year, e.g. `Children Act 1989`, or
    /// that of Regulations, e.g. `Special Educational Needs and Disability
    /// Regulations 2014`.
    pub act: String,
    /// The section cited, e.g. `47` or `26(6)(a)`, when one is given.
    pub section: Option<String>,
}

/// Where a decision's text came from.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct SourceInfo {
    /// The file it was read from (`null` for standard input or a string).
    pub path: Option<String>,
    /// The LGSCO page address, when known.
    pub url: Option<String>,
    /// SHA-256 of the bytes as read, in lower-case hex.
    pub sha256: String,
}

impl Decision {
    /// Checks the invariants every record keeps, whatever the input it was
    /// parsed from: paragraph numbers run 1..=n across sections in reading
    /// order, findings point at paragraphs that exist, `total_payment_pence`
    /// is the sum of the payments, and the JSON form reads back unchanged.
    /// The property tests, the regression corpus and the fuzz target all
    /// assert it.
    pub fn check_invariants(&self) -> Result<(), String> {
        let mut n = 0u32;
        for p in self.sections.iter().flat_map(|s| &s.paragraphs) {
            n += 1;
            if p.number != n {
                return Err(format!(
                    "paragraph numbers not continuous: found {} where {n} was due",
                    p.number
                ));
            }
        }
        for f in self.faults.iter().chain(&self.no_fault_findings) {
            if let Some(p) = f.paragraph {
                if p < 1 || p > n {
                    return Err(format!("a finding points at paragraph {p} of {n}"));
                }
            }
        }
        let sum = self
            .payments
            .iter()
            .try_fold(0u64, |acc, p| acc.checked_add(p.amount_pence));
        if sum != Some(self.total_payment_pence) {
            return Err(format!(
                "total_payment_pence {} is not the sum of payments {sum:?}",
                self.total_payment_pence
            ));
        }
        let json = serde_json::to_string(self).map_err(|e| format!("record does not serialise: {e}"))?;
        let back: Decision = serde_json::from_str(&json).map_err(|e| format!("record JSON does not read back: {e}"))?;
        if &back != self {
            return Err("JSON round trip changed the record".to_owned());
        }
        Ok(())
    }
}

/// The JSON Schema of [`Decision`], as published in `schema/decision.schema.json`.
pub fn json_schema() -> serde_json::Value {
    let schema = schemars::schema_for!(Decision);
    serde_json::to_value(&schema).unwrap_or_default()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn record() -> Decision {
        Decision {
            sections: vec![Section {
                heading: Some("The complaint".into()),
                paragraphs: vec![
                    Paragraph {
                        number: 1,
                        text: "One.".into(),
                    },
                    Paragraph {
                        number: 2,
                        text: "Two.".into(),
                    },
                ],
            }],
            faults: vec![Finding {
                text: "This is fault.".into(),
                section: None,
                paragraph: Some(2),
            }],
            payments: vec![Payment {
                amount_pence: 25_000,
                ..Payment::default()
            }],
            total_payment_pence: 25_000,
            ..Decision::default()
        }
    }

    #[test]
    fn ok_invariants() {
        assert_eq!(Decision::default().check_invariants(), Ok(()));
        assert_eq!(record().check_invariants(), Ok(()));
    }

    #[test]
    fn err_invariants() {
        let mut gap = record();
        gap.sections[0].paragraphs[1].number = 3;
        let mut dangling = record();
        dangling.faults[0].paragraph = Some(9);
        let mut total = record();
        total.total_payment_pence = 1;
        for (d, want) in [
            (gap, "paragraph numbers not continuous"),
            (dangling, "points at paragraph 9 of 2"),
            (total, "is not the sum of payments"),
        ] {
            let err = d.check_invariants().unwrap_err();
            assert!(err.contains(want), "{err}");
        }
    }
}

//! Rulebooks: the law as data, read from YAML, checked, and compiled into a
//! [`Procedure`] of petgraph graphs that the engine runs.
//!
//! A rulebook holds the parameters (thresholds, periods, whether section 1250A is in
//! force), the provisions whose breach is recorded, the citations with their quoted text,
//! one graph of stages and steps per track, the standing-doctrine table and the glossary.
//! The built-in rulebooks are embedded in the binary; a user may pass a file of their own.
//! A rulebook may `extends:` another and replace only some of its sections.

mod procedure;

use std::collections::BTreeMap;
use std::path::Path;
use std::sync::Arc;

use serde::Deserialize;

use crate::diag::Diagnostic;
use crate::threshold::Threshold;
use crate::vocab::{Holding, Plaintiff, Word};

pub use procedure::{
    BILL_STATUSES, ChamberSelector, CompiledProvision, Procedure, Requirement, Roles, StageData,
    StepData, TimerKind, Track, Trigger, VoteKind,
};

/// The built-in rulebooks: id and YAML text.
pub const BUILTIN: &[(&str, &str)] = &[
    (
        "us-nato-2024",
        include_str!("../rulebooks/us-nato-2024.yaml"),
    ),
    ("us-pre-2024", include_str!("../rulebooks/us-pre-2024.yaml")),
    (
        "as-reported-60",
        include_str!("../rulebooks/as-reported-60.yaml"),
    ),
];

/// The rulebook a scenario uses when it names none.
pub const DEFAULT_ID: &str = "us-nato-2024";

/// A rulebook file as written.
#[derive(Clone, Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct RulebookFile {
    id: String,
    title: String,
    summary: String,
    extends: Option<String>,
    parameters: Option<Parameters>,
    provisions: Option<Vec<Provision>>,
    citations: Option<BTreeMap<String, Citation>>,
    tracks: Option<Vec<TrackSpec>>,
    doctrine: Option<Vec<DoctrineEntry>>,
    holdings: Option<BTreeMap<String, HoldingNote>>,
    glossary: Option<Vec<GlossaryEntry>>,
    properties: Option<Vec<Property>>,
}

/// A complete rulebook: every section present, references not yet checked.
#[derive(Clone, Debug)]
pub struct Rulebook {
    pub id: String,
    pub title: String,
    pub summary: String,
    /// The rulebook this one extends, if any.
    pub extends: Option<String>,
    pub parameters: Parameters,
    pub provisions: Vec<Provision>,
    pub citations: BTreeMap<String, Citation>,
    pub tracks: Vec<TrackSpec>,
    pub doctrine: Vec<DoctrineEntry>,
    pub holdings: BTreeMap<String, HoldingNote>,
    pub glossary: Vec<GlossaryEntry>,
    /// Properties of the law in plain words, which `treatysim check` tests over every
    /// reachable state.
    pub properties: Vec<Property>,
}

/// A property of the law: what it says, and which test (a closed list) checks it.
#[derive(Clone, Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Property {
    pub id: String,
    pub says: String,
    pub test: PropertyTest,
    /// The provision the test is about, for tests that name one.
    pub provision: Option<String>,
    pub citation: String,
}

/// The tests `treatysim check` knows.
#[derive(Clone, Copy, Debug, Deserialize, PartialEq, Eq)]
#[serde(rename_all = "snake_case")]
pub enum PropertyTest {
    /// Never withdrawn and lawful without consent, an Act, or the statute held invalid.
    NeverLawfulWithdrawalUnauthorized,
    /// Never a bill enacted that has not passed both chambers.
    NeverEnactedWithoutBothChambers,
    /// Some reachable state is withdrawn and unlawful.
    SometimesUnlawfulWithdrawal,
    /// Every notice given without authorization records a breach of `provision`.
    AlwaysUnauthorizedNoticeBreaches,
    /// No reachable state has a violation standing.
    NeverUnlawful,
    /// Some reachable state is withdrawn without consent or an Act.
    SometimesWithdrawnUnauthorized,
}

/// The law's numbers.
#[derive(Clone, Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Parameters {
    /// Whether section 1250A's limitation applies at all.
    pub limitation_in_force: bool,
    /// Senate advice and consent to withdrawal.
    pub consent: Threshold,
    /// Passage of a bill in either chamber.
    pub passage: Threshold,
    /// Senate cloture on a bill.
    pub cloture: Threshold,
    /// Each chamber's vote to pass a bill over a veto.
    #[serde(rename = "override")]
    pub override_: Threshold,
    /// A chamber's resolution directing its counsel to sue.
    pub suit_resolution: Threshold,
    /// Years from a notice of denunciation to its effect.
    pub notice_period_years: i16,
    /// Days (Sundays excepted) the President has to return a bill.
    pub return_days: u32,
    /// Days' written notice to the committees before acting.
    pub committee_notice_days: i64,
    /// The citation behind each parameter, by parameter name.
    #[serde(default)]
    pub sources: BTreeMap<String, String>,
}

/// A provision whose breach the engine records.
#[derive(Clone, Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Provision {
    /// The id used in outputs and `expect: violations`, e.g. "1250A(a)".
    pub id: String,
    pub title: String,
    /// What the provision tests.
    pub test: ProvisionTest,
    /// The actions it applies to.
    pub actions: Vec<String>,
    pub citation: String,
    pub text: String,
}

/// The tests a provision can apply (a closed vocabulary implemented by the engine).
#[derive(Clone, Copy, Debug, Deserialize, PartialEq, Eq)]
#[serde(rename_all = "snake_case")]
pub enum ProvisionTest {
    /// Breached when the withdrawal is not authorized (no consent, no enacted Act).
    Unauthorized,
    /// Breached unless the committees were consulted, then notified in writing at least
    /// `committee_notice_days` before.
    CommitteeNotice,
}

/// A source of law.
#[derive(Clone, Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Citation {
    /// statute, treaty, constitution, rule or case.
    pub kind: String,
    pub title: String,
    pub cite: String,
    /// The source's own words.
    pub quote: Option<String>,
    /// What the source says or holds, in the project's words.
    pub note: Option<String>,
    pub url: Option<String>,
}

/// A track as written: its stages and steps.
#[derive(Clone, Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct TrackSpec {
    pub id: String,
    pub title: String,
    pub text: String,
    pub start: String,
    pub stages: Vec<StageSpec>,
    pub steps: Vec<StepSpec>,
}

/// A stage (a node of the track's graph).
#[derive(Clone, Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct StageSpec {
    pub id: String,
    /// What outputs report for this stage, when not its id (e.g. a bill's first override
    /// still reads `vetoed`).
    pub status: Option<String>,
    pub label: String,
    pub text: String,
    pub citation: String,
    #[serde(default)]
    pub terminal: bool,
}

/// A step (an edge of the track's graph).
#[derive(Clone, Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct StepSpec {
    pub id: String,
    /// The scenario action that triggers the step...
    pub action: Option<String>,
    /// ...or the timer that fires it...
    pub timer: Option<String>,
    /// ...or the condition that fires it.
    pub condition: Option<String>,
    pub from: String,
    pub to: String,
    /// Which chamber's event this step is for: house, senate, origin or other.
    pub chamber: Option<String>,
    /// The parameter whose threshold decides the vote.
    pub vote: Option<String>,
    /// Whether the step is taken when the vote carries or when it fails.
    pub outcome: Option<String>,
    /// For `cert`: granted or denied.
    pub granted: Option<bool>,
    /// For the return-period timer: whether Congress is adjourned.
    pub adjourned: Option<bool>,
    /// For the notice timer: whether an injunction stands.
    pub enjoined: Option<bool>,
    /// Conditions that make the step impossible when unmet.
    #[serde(default)]
    pub requires: Vec<String>,
    pub actor: String,
    /// A few words for diagrams.
    pub label: String,
    /// A plain sentence for a class.
    pub text: String,
    pub citation: String,
}

/// The expected view of standing for one kind of plaintiff.
#[derive(Clone, Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct DoctrineEntry {
    pub plaintiff: String,
    /// likely, contested or unlikely.
    pub standing: String,
    pub text: String,
    pub precedents: Vec<String>,
    /// Illustrative weights of each holding for this plaintiff, which `simulate` uses
    /// for a holding written `doctrine`: assumptions for teaching, not forecasts.
    #[serde(default)]
    pub weights: BTreeMap<String, f64>,
}

/// What a holding means, with the precedents it rests on.
#[derive(Clone, Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct HoldingNote {
    pub label: String,
    pub text: String,
    pub precedents: Vec<String>,
}

/// A glossary entry.
#[derive(Clone, Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct GlossaryEntry {
    pub term: String,
    pub text: String,
    pub citation: String,
}

/// The built-in ids, in order.
pub fn builtin_ids() -> Vec<&'static str> {
    BUILTIN.iter().map(|(id, _)| *id).collect()
}

fn builtin_text(id: &str) -> Option<&'static str> {
    BUILTIN
        .iter()
        .find(|(b, _)| *b == id)
        .map(|(_, text)| *text)
}

/// Loads a rulebook by built-in id or file path and compiles it.
pub fn load(id_or_path: &str) -> Result<Procedure, Diagnostic> {
    let rulebook = read(id_or_path, 0)?;
    Procedure::compile(rulebook).map_err(|message| {
        Diagnostic::file(id_or_path, format!("the rulebook is not valid: {message}"))
    })
}

/// Reads (without compiling) a rulebook by built-in id or file path, resolving `extends`.
pub fn read(id_or_path: &str, depth: usize) -> Result<Rulebook, Diagnostic> {
    if depth > 8 {
        return Err(Diagnostic::file(
            id_or_path,
            "rulebooks extend each other more than 8 levels deep (is there a cycle?)",
        ));
    }
    let (name, text): (String, Arc<str>) = match builtin_text(id_or_path) {
        Some(text) => (format!("<built-in {id_or_path}>"), Arc::from(text)),
        None => {
            let path = Path::new(id_or_path);
            let looks_like_file = id_or_path.ends_with(".yaml")
                || id_or_path.ends_with(".yml")
                || id_or_path.contains(std::path::MAIN_SEPARATOR)
                || id_or_path.contains('/');
            if !looks_like_file {
                let mut message = format!("unknown rulebook \"{id_or_path}\"");
                if let Some(near) = crate::diag::did_you_mean(id_or_path, builtin_ids()) {
                    message.push_str(&format!(" (did you mean {near}?)"));
                }
                return Err(Diagnostic::file(id_or_path, message).with_help(format!(
                    "built-in rulebooks: {}; or give the path of a rulebook file",
                    builtin_ids().join(", ")
                )));
            }
            (id_or_path.to_string(), crate::files::read_text(path)?)
        }
    };
    from_text(&name, &text, depth, true)
}

/// Reads a rulebook from its text (`name` names it in messages). `extends` may name a
/// built-in rulebook and, when `files` is true, a rulebook file.
pub fn from_text(
    name: &str,
    text: &Arc<str>,
    depth: usize,
    files: bool,
) -> Result<Rulebook, Diagnostic> {
    let file: RulebookFile = crate::yaml::from_str(name, text)?;
    let base = match &file.extends {
        Some(parent) if files || builtin_text(parent).is_some() => Some(read(parent, depth + 1)?),
        Some(parent) => {
            return Err(Diagnostic::file(
                name,
                format!("extends: \"{parent}\" is not a built-in rulebook"),
            ));
        }
        None => None,
    };
    let missing = |section: &str| {
        Diagnostic::file(
            name,
            format!("the rulebook has no `{section}:` section and extends no other rulebook"),
        )
        .with_help(format!(
            "add `{section}:` or `extends: {DEFAULT_ID}` to inherit it"
        ))
    };
    macro_rules! section {
        ($field:ident) => {
            match (file.$field, &base) {
                (Some(value), _) => value,
                (None, Some(base)) => base.$field.clone(),
                (None, None) => return Err(missing(stringify!($field))),
            }
        };
    }
    Ok(Rulebook {
        id: file.id.clone(),
        title: file.title.clone(),
        summary: file.summary.clone(),
        extends: file.extends.clone(),
        parameters: section!(parameters),
        provisions: section!(provisions),
        citations: section!(citations),
        tracks: section!(tracks),
        doctrine: section!(doctrine),
        holdings: section!(holdings),
        glossary: section!(glossary),
        properties: match (file.properties, &base) {
            (Some(value), _) => value,
            (None, Some(base)) => base.properties.clone(),
            (None, None) => Vec::new(),
        },
    })
}

impl Rulebook {
    /// The expected view of standing for `plaintiff`.
    pub fn doctrine_for(&self, plaintiff: Plaintiff) -> Option<&DoctrineEntry> {
        self.doctrine
            .iter()
            .find(|d| d.plaintiff == plaintiff.name())
    }

    /// What `holding` means.
    pub fn holding_note(&self, holding: Holding) -> Option<&HoldingNote> {
        self.holdings.get(holding.name())
    }

    /// "Raines v. Byrd, 521 U.S. 811 (1997); ..." for a list of citation ids.
    pub fn cite_cases(&self, ids: &[String]) -> String {
        ids.iter()
            .map(|id| match self.citations.get(id) {
                Some(c) => format!("{}, {}", c.title, c.cite),
                None => id.clone(),
            })
            .collect::<Vec<_>>()
            .join("; ")
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_builtin_rulebook_loads_and_validates() {
        for id in builtin_ids() {
            let procedure = load(id).unwrap_or_else(|e| panic!("{id}: {}", e.render(false)));
            assert_eq!(procedure.rulebook.id, id);
        }
    }

    #[test]
    fn variants_differ_only_where_they_say() {
        let law = load("us-nato-2024").unwrap();
        let pre = load("us-pre-2024").unwrap();
        let sixty = load("as-reported-60").unwrap();
        assert!(law.rulebook.parameters.limitation_in_force);
        assert!(!pre.rulebook.parameters.limitation_in_force);
        assert!(pre.rulebook.provisions.is_empty());
        assert_eq!(
            sixty.rulebook.provisions.len(),
            law.rulebook.provisions.len()
        );
        assert_ne!(
            sixty.rulebook.parameters.consent,
            law.rulebook.parameters.consent
        );
        assert_eq!(
            sixty.rulebook.parameters.cloture,
            law.rulebook.parameters.cloture
        );
    }

    #[test]
    fn unknown_ids_suggest_a_builtin() {
        let err = load("us-nato-2042").unwrap_err();
        assert!(
            err.message.contains("did you mean us-nato-2024?"),
            "{}",
            err.message
        );
    }
}

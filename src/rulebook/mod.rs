//! Rulebooks: the law as data, read from YAML, checked, and compiled into a
//! [`Procedure`] of petgraph graphs that the engine runs.
//!
//! A rulebook holds the treaty's terms (its withdrawal clause, the notice period, to whom
//! notice is given), the parameters (thresholds, periods, which adjournments prevent a
//! bill's return), the provisions whose breach is recorded, the citations with their
//! dates and quoted text, one graph of stages and steps per track, the standing-doctrine
//! table, the glossary and the sentences outputs use. The compiled rulebook is the one
//! source of every legal word and number treatysim shows.
//!
//! Law has dates: a provision, a parameter's value, a property or a sentence may be in
//! force only `from:`/`until:` a day, and a scenario is judged by the law in force on the
//! date of each event (or, for a view such as `us-pre-2024`, on its `law_as_of:` date).
//!
//! A rulebook may `extends:` another (a built-in id, or a file relative to the extending
//! file) and state only what it changes: parameters, the treaty's terms, citations,
//! holdings, messages, doctrine (by plaintiff), the glossary (by term), properties (by
//! id) and tracks (stages and steps by id) merge key by key; `provisions:` is replaced
//! whole. The built-in rulebooks are embedded in the binary.

mod dated;
mod procedure;
pub mod template;
pub mod words;

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};
use std::sync::Arc;

use jiff::civil::Date;
use schemars::JsonSchema;
use serde::Deserialize;

use crate::calendar::{Day, Period};
use crate::diag::{Diagnostic, Place};
use crate::threshold::Threshold;
use crate::vocab::{Holding, Plaintiff, Word};
use crate::yaml::{Spanned, place};

pub use dated::{Dated, Entry, InForce};
pub use procedure::{
    BILL_STATUSES, ChamberSelector, CompiledProvision, Procedure, ProvisionSet, ProvisionVariant,
    Requirement, Roles, StageData, StepData, TREATY_CLAUSE, TimerKind, Track, Treaty, Trigger,
    Version, VoteKind,
};

/// The built-in rulebooks: id and YAML text.
pub const BUILTIN: &[(&str, &str)] = &[
    ("us-base", include_str!("../rulebooks/us-base.yaml")),
    (
        "us-nato-2024",
        include_str!("../rulebooks/us-nato-2024.yaml"),
    ),
    ("us-pre-2024", include_str!("../rulebooks/us-pre-2024.yaml")),
    (
        "as-reported-60",
        include_str!("../rulebooks/as-reported-60.yaml"),
    ),
    ("abm-1972", include_str!("../rulebooks/abm-1972.yaml")),
    ("inf-1987", include_str!("../rulebooks/inf-1987.yaml")),
    (
        "open-skies-1992",
        include_str!("../rulebooks/open-skies-1992.yaml"),
    ),
    ("paris-2015", include_str!("../rulebooks/paris-2015.yaml")),
    ("taiwan-1954", include_str!("../rulebooks/taiwan-1954.yaml")),
];

/// The rulebook a scenario uses when it names none.
pub const DEFAULT_ID: &str = "us-nato-2024";

/// What a rulebook id may be: lower-case letters, digits, `.`, `_` and `-`, starting with
/// a letter or digit, at most 64 characters. Ids are written into file names and into
/// the scenarios treatysim writes, so nothing else is accepted.
pub const ID_PATTERN: &str = "^[a-z0-9][a-z0-9._-]{0,63}$";

/// Whether `id` fits [`ID_PATTERN`].
pub fn valid_id(id: &str) -> bool {
    let bytes = id.as_bytes();
    !bytes.is_empty()
        && bytes.len() <= 64
        && (bytes[0].is_ascii_lowercase() || bytes[0].is_ascii_digit())
        && bytes.iter().all(|b| {
            b.is_ascii_lowercase() || b.is_ascii_digit() || matches!(b, b'.' | b'_' | b'-')
        })
}

/// A file a rulebook was read from, kept so that errors found when compiling can point
/// into it.
#[derive(Clone, Debug)]
pub struct SourceFile {
    /// The name messages use: the path as given, or `<built-in ID>`.
    pub name: String,
    pub text: Arc<str>,
}

/// Where something stands in the files a rulebook was read from.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct At {
    /// Index into [`Rulebook::files`].
    pub file: usize,
    pub place: Option<Place>,
}

/// A complete rulebook: every section present, merged over what it extends, references
/// not yet checked.
#[derive(Clone, Debug)]
pub struct Rulebook {
    pub id: String,
    pub title: String,
    pub summary: String,
    /// The rulebook this one extends, if any, as its file says it.
    pub extends: Option<String>,
    /// A base for other rulebooks (it names no treaty), not run on its own.
    pub base: bool,
    /// A view: every event is judged by the law in force on this day, whatever its date.
    pub law_as_of: Option<Date>,
    /// Said in every outcome under this rulebook (a foil says it is not the law).
    pub caution: Option<String>,
    pub treaty: TreatyTerms,
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
    /// The sentences outputs say, as templates over the rulebook's parameters.
    pub messages: BTreeMap<String, String>,
    /// The files read, this rulebook's own first, then each it extends.
    pub files: Vec<SourceFile>,
    /// The file this rulebook was read from (`None` for a built-in one).
    pub path: Option<PathBuf>,
    /// Where this rulebook's id stands.
    pub at: At,
}

/// The treaty a rulebook is about: its withdrawal clause and what it asks of a notice.
#[derive(Clone, Debug, Default)]
pub struct TreatyTerms {
    /// "North Atlantic Treaty": sentences say "the {treaty}".
    pub name: Option<String>,
    /// The withdrawal clause as a sentence names it: "Art. 13".
    pub article: Option<String>,
    /// The citation of the withdrawal clause.
    pub clause: Option<String>,
    /// From the notice to the withdrawal taking effect.
    pub notice_period: Option<Period>,
    /// To whom notice is given: "the Government of the United States, the depositary".
    pub notice_to: Option<String>,
    /// The day the treaty entered into force (for the United States).
    pub in_force: Option<Date>,
    /// How long after entry into force notice may first be given.
    pub first_notice_after: Option<Period>,
    pub at: At,
}

/// The treaty's terms as a file writes them (every key optional, to merge).
#[derive(Clone, Debug, Default, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
#[schemars(rename = "Treaty")]
struct TreatyFile {
    /// The treaty's name, without "the" (sentences say "the {treaty}").
    name: Option<String>,
    /// The withdrawal clause as a sentence names it ("Art. 13").
    article: Option<String>,
    /// The citation id of the withdrawal clause; a base's steps cite it as treaty-clause.
    clause: Option<String>,
    /// From notice to withdrawal: "1 year", "6 months", "90 days". Months and years end on
    /// the same day of the month, or on the month's last day when it has no such day.
    notice_period: Option<Period>,
    /// To whom notice is given ("the Government of the United States, the depositary").
    notice_to: Option<String>,
    /// The day the treaty entered into force (for the United States).
    #[schemars(with = "Option<crate::schema::DateText>")]
    in_force: Option<Day>,
    /// How long after entry into force notice may first be given ("20 years"); needs in_force.
    first_notice_after: Option<Period>,
}

/// Which adjournments prevent the President from returning a bill (so that, unsigned and
/// unreturned, it is not a law: a pocket veto). The doctrine is contested; a rulebook
/// states the view it takes (see docs/law.md, "Contested points").
#[derive(Clone, Copy, Debug, Deserialize, PartialEq, Eq, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct PocketVeto {
    /// An adjournment ending a Congress.
    pub sine_die: Prevention,
    /// An adjournment between the sessions of one Congress.
    pub intersession: Prevention,
    /// A recess within a session (longer than `short_recess_days`).
    pub intrasession: Prevention,
    /// An `adjourn` that does not say its kind.
    pub unspecified: Prevention,
    /// A recess of this many days or fewer never prevents a return.
    pub short_recess_days: u32,
}

/// Whether an adjournment of a kind prevents a bill's return.
#[derive(Clone, Copy, Debug, Deserialize, PartialEq, Eq, JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum Prevention {
    /// It always does.
    Prevents,
    /// It does unless an officer or agent was appointed to receive the President's messages.
    PreventsWithoutAgent,
    /// It never does.
    Never,
}

impl Prevention {
    pub fn name(self) -> &'static str {
        match self {
            Prevention::Prevents => "prevents",
            Prevention::PreventsWithoutAgent => "prevents_without_agent",
            Prevention::Never => "never",
        }
    }
}

/// The law's numbers, each with the days it is in force.
#[derive(Clone, Debug)]
pub struct Parameters {
    /// Whether the rulebook's provisions apply at all (a switch for what-ifs).
    pub limitation_in_force: Dated<bool>,
    /// Senate advice and consent to withdrawal.
    pub consent: Dated<Threshold>,
    /// Passage of a bill in either chamber.
    pub passage: Dated<Threshold>,
    /// Senate cloture on a measure.
    pub cloture: Dated<Threshold>,
    /// Each chamber's vote to pass a bill over a veto.
    pub override_: Dated<Threshold>,
    /// A chamber's resolution directing its counsel to sue.
    pub suit_resolution: Dated<Threshold>,
    /// Days (Sundays excepted) the President has to return a bill.
    pub return_days: Dated<u32>,
    /// Days' written notice to the committees before acting, for a prior-notice
    /// provision that gives no `days:` of its own.
    pub committee_notice_days: Dated<i64>,
    /// Which adjournments prevent a bill's return.
    pub pocket_veto: Dated<PocketVeto>,
    /// The citation behind each parameter, by parameter name.
    pub sources: BTreeMap<String, String>,
}

/// Parameters as a file writes them: each optional, merged over the rulebook extended.
#[derive(Clone, Debug, Default, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
#[schemars(rename = "Parameters")]
struct ParametersFile {
    /// Whether the provisions apply at all (a switch for what-ifs; default true).
    limitation_in_force: Option<Dated<bool>>,
    /// The Senate's advice and consent to withdrawal.
    consent: Option<Dated<Threshold>>,
    /// Passage of a bill in either chamber.
    passage: Option<Dated<Threshold>>,
    /// Senate cloture, on a bill, a consent resolution or a veto message.
    cloture: Option<Dated<Threshold>>,
    /// Each chamber's vote to pass a bill over a veto.
    #[serde(rename = "override")]
    override_: Option<Dated<Threshold>>,
    /// A chamber's resolution directing its counsel to sue.
    suit_resolution: Option<Dated<Threshold>>,
    /// Days (Sundays excepted) the President has to return a bill, 1 to 366.
    #[schemars(with = "Option<Dated<u16>>")]
    return_days: Option<Dated<u32>>,
    /// Days' written notice to the committees, for a prior-notice provision without its
    /// own `days` (0 to 3660).
    #[schemars(with = "Option<Dated<u16>>")]
    committee_notice_days: Option<Dated<i64>>,
    /// Which adjournments prevent a bill's return (the pocket veto's view).
    pocket_veto: Option<Dated<PocketVeto>>,
    /// The notice period in whole years, as rulebooks before `treaty: notice_period:` wrote it.
    #[schemars(with = "Option<u32>")]
    notice_period_years: Option<Spanned<i64>>,
    /// The citation behind each parameter, by parameter name.
    sources: Option<BTreeMap<String, String>>,
}

/// The parameter names, in the order `rulebook show` lists them.
pub const PARAMETER_NAMES: &[&str] = &[
    "limitation_in_force",
    "consent",
    "passage",
    "cloture",
    "override",
    "suit_resolution",
    "return_days",
    "committee_notice_days",
    "pocket_veto",
];

/// A property of the law: what it says, and which test (a closed list) checks it.
#[derive(Clone, Debug, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Property {
    /// The property's id (also the file name of its witness: RULEBOOK-ID.yaml).
    #[schemars(with = "String")]
    pub id: Spanned<String>,
    /// The property in plain words (a template).
    pub says: String,
    /// Which test checks it (a closed list).
    pub test: PropertyTest,
    /// The provision the test is about, for tests that name one.
    pub provision: Option<String>,
    /// The citation id of its source.
    pub citation: String,
    /// The first day it is part of the law.
    #[schemars(with = "Option<crate::schema::DateText>")]
    pub from: Option<Spanned<Day>>,
    /// The last day it is part of the law.
    #[schemars(with = "Option<crate::schema::DateText>")]
    pub until: Option<Spanned<Day>>,
    #[serde(skip)]
    pub file: usize,
}

impl Property {
    /// The days the property is part of the law.
    pub fn in_force(&self) -> InForce {
        dates(&self.from, &self.until)
    }
}

/// The tests `treatysim check` knows.
#[derive(Clone, Copy, Debug, Deserialize, PartialEq, Eq, JsonSchema)]
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

/// A provision whose breach the engine records. One id may be written several times, each
/// for its own days (an amended section), but never twice for the same day.
#[derive(Clone, Debug, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Provision {
    /// The id used in outputs and `expect: violations`, e.g. "1250A(a)".
    #[schemars(with = "String")]
    pub id: Spanned<String>,
    /// What the provision forbids, in a few words (a template).
    pub title: String,
    /// What the provision tests.
    pub test: ProvisionTest,
    /// The actions it applies to.
    pub actions: Vec<String>,
    /// The citation id of its source.
    pub citation: String,
    /// The breach in a plain sentence (a template; in a prior-notice provision also {days}).
    pub text: String,
    /// The first day it is in force (YYYY-MM-DD; left out: always before).
    #[schemars(with = "Option<crate::schema::DateText>")]
    pub from: Option<Spanned<Day>>,
    /// The last day it is in force (left out: still in force).
    #[schemars(with = "Option<crate::schema::DateText>")]
    pub until: Option<Spanned<Day>>,
    /// For a prior-notice test: the days' notice (else `committee_notice_days`).
    pub days: Option<i64>,
    /// For a prior-notice test: whether the committees must be consulted first.
    #[serde(default = "yes")]
    pub consult_first: bool,
    /// For a prior-notice test: the committees to be notified, as sentences name them.
    #[serde(default)]
    pub committees: Vec<String>,
    #[serde(skip)]
    pub file: usize,
}

fn yes() -> bool {
    true
}

impl Provision {
    /// The days the provision is in force.
    pub fn in_force(&self) -> InForce {
        dates(&self.from, &self.until)
    }
}

fn dates(from: &Option<Spanned<Day>>, until: &Option<Spanned<Day>>) -> InForce {
    InForce {
        from: from.as_ref().map(|d| d.value.0),
        until: until.as_ref().map(|d| d.value.0),
    }
}

/// The tests a provision can apply (a closed vocabulary implemented by the engine).
#[derive(Clone, Copy, Debug, Deserialize, PartialEq, Eq, JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum ProvisionTest {
    /// Breached when the withdrawal is not authorized (no consent, no enacted Act).
    Unauthorized,
    /// Breached unless the committees were notified in writing (after being consulted,
    /// when the provision says so) at least the provision's days before.
    CommitteeNotice,
}

/// A citation as a reader sees it: "North Atlantic Treaty, Art. 13", or for a case
/// "Raines v. Byrd, 521 U.S. 811 (1997)".
pub fn citation_text(citation: Option<&Citation>, id: &str) -> String {
    match citation {
        Some(c) if c.kind == "case" => format!("{}, {}", c.title, c.cite),
        Some(c) => c.title.clone(),
        None => id.to_string(),
    }
}

/// A source of law.
#[derive(Clone, Debug, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Citation {
    /// statute, treaty, constitution, rule, case, practice, bill or opinion.
    pub kind: String,
    /// How a reader names it: "Section 1250A(a), FY2024 NDAA", or a case's name.
    pub title: String,
    /// The formal citation ("22 U.S.C. § 1928f(a)", "521 U.S. 811 (1997)").
    pub cite: String,
    /// The day it was enacted, adopted, signed or decided.
    #[schemars(with = "crate::schema::DateText")]
    pub date: Day,
    /// The source's own words.
    pub quote: Option<String>,
    /// What the source says or holds, in the project's words.
    pub note: Option<String>,
    /// Where to read it.
    pub url: Option<String>,
}

/// The kinds of citation.
pub const CITATION_KINDS: &[&str] = &[
    "constitution",
    "statute",
    "treaty",
    "rule",
    "case",
    "practice",
    "bill",
    "opinion",
];

/// A sentence for some days only: what replaces the text, label, citation (or, in
/// doctrine, the view and precedents) on those days.
#[derive(Clone, Debug, Default, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
#[schemars(rename = "Version")]
pub struct VersionFile {
    /// The first day this version is in force.
    #[schemars(with = "Option<crate::schema::DateText>")]
    pub from: Option<Spanned<Day>>,
    /// The last day this version is in force.
    #[schemars(with = "Option<crate::schema::DateText>")]
    pub until: Option<Spanned<Day>>,
    /// The sentence on those days (a template).
    pub text: Option<String>,
    /// The label on those days.
    pub label: Option<String>,
    /// The citation on those days.
    pub citation: Option<String>,
    /// For doctrine: the view of standing on those days.
    pub standing: Option<String>,
    /// For doctrine and holdings: the authorities on those days (each is still cited only for rulings after its own date).
    pub precedents: Option<Vec<String>>,
    /// For holdings: the authorities against it on those days.
    pub against: Option<Vec<String>>,
}

impl VersionFile {
    pub fn in_force(&self) -> InForce {
        dates(&self.from, &self.until)
    }
    /// The version of `versions` in force on `day`, if any.
    pub fn on(versions: &[VersionFile], day: Date) -> Option<&VersionFile> {
        versions.iter().find(|v| v.in_force().contains(day))
    }
    pub fn place(&self) -> Option<Place> {
        self.from
            .as_ref()
            .map(place)
            .or_else(|| self.until.as_ref().map(place))
    }
}

/// A track as a file writes it: to merge, everything but the id is optional.
#[derive(Clone, Debug, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
#[schemars(rename = "Track")]
struct TrackFile {
    /// Which track: treaty, suspension, consent, congress, executive, bill or case.
    #[schemars(with = "String", extend("enum" = ["treaty", "suspension", "consent", "congress", "executive", "bill", "case"]))]
    id: Spanned<String>,
    /// The track's title (required for a track the extended rulebook lacks).
    title: Option<String>,
    /// What the track is, in a sentence (a template).
    text: Option<String>,
    /// The stage the track starts at.
    start: Option<String>,
    /// Its stages; merged by id.
    stages: Option<Vec<StageSpec>>,
    /// Its steps; merged by id.
    steps: Option<Vec<StepSpec>>,
}

/// A track: its stages and steps.
#[derive(Clone, Debug)]
pub struct TrackSpec {
    pub id: String,
    pub title: String,
    pub text: String,
    pub start: String,
    pub stages: Vec<StageSpec>,
    pub steps: Vec<StepSpec>,
    pub at: At,
}

/// A stage (a node of the track's graph).
#[derive(Clone, Debug, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
#[schemars(rename = "Stage")]
pub struct StageSpec {
    /// The stage's id within its track.
    #[schemars(with = "String")]
    pub id: Spanned<String>,
    /// What outputs report for this stage, when not its id (e.g. a bill's first override
    /// still reads `vetoed`).
    pub status: Option<String>,
    /// A few words for diagrams (a template).
    pub label: String,
    /// A plain sentence for a class (a template).
    pub text: String,
    /// The citation id of its source (treaty-clause: the treaty's withdrawal clause).
    pub citation: String,
    /// Whether nothing leads out of it (withdrawn, enacted, failed...).
    #[serde(default)]
    pub terminal: bool,
    /// What the label, text or citation are on some days instead.
    #[serde(default)]
    pub versions: Vec<VersionFile>,
    #[serde(skip)]
    pub file: usize,
}

/// A step (an edge of the track's graph).
#[derive(Clone, Debug, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
#[schemars(rename = "Step")]
pub struct StepSpec {
    /// The step's id within its track.
    #[schemars(with = "String")]
    pub id: Spanned<String>,
    /// The scenario action that triggers the step...
    pub action: Option<String>,
    /// ...or the timer that fires it.
    pub timer: Option<String>,
    /// The stage it leaves.
    pub from: String,
    /// The stage it reaches.
    pub to: String,
    /// Which chamber's event this step is for: house, senate, origin or other.
    pub chamber: Option<String>,
    /// The parameter whose threshold decides the vote.
    pub vote: Option<String>,
    /// Whether the step is taken when the vote carries or when it fails.
    pub outcome: Option<String>,
    /// For `cert`: granted or denied.
    pub granted: Option<bool>,
    /// For the return-period timer: whether an adjournment prevents the return.
    pub adjourned: Option<bool>,
    /// For the notice timer: whether an injunction stands.
    pub enjoined: Option<bool>,
    /// Conditions that make the step impossible when unmet.
    #[serde(default)]
    pub requires: Vec<String>,
    /// Who takes it: president, senate, house, congress, chamber (the event's), courts, plaintiff or clock.
    pub actor: String,
    /// A few words for diagrams.
    pub label: String,
    /// A plain sentence for a class.
    pub text: String,
    /// The citation id of its source.
    pub citation: String,
    /// What the label, text or citation are on some days instead.
    #[serde(default)]
    pub versions: Vec<VersionFile>,
    #[serde(skip)]
    pub file: usize,
}

/// The expected view of standing for one kind of plaintiff.
#[derive(Clone, Debug, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct DoctrineEntry {
    /// Which plaintiff: senate, house, congress, senator, representative, service_member, property_owner, state or taxpayer.
    #[schemars(with = "String")]
    pub plaintiff: Spanned<String>,
    /// likely, contested or unlikely.
    pub standing: String,
    /// The view in a few sentences (a template).
    pub text: String,
    /// The authorities it rests on (cited only for rulings after their own dates).
    pub precedents: Vec<String>,
    /// Illustrative weights of each holding for this plaintiff, which `simulate` uses
    /// for a holding written `doctrine`: assumptions for teaching, not forecasts.
    #[serde(default)]
    pub weights: BTreeMap<String, f64>,
    /// The view held on other days (before a precedent was decided, say).
    #[serde(default)]
    pub versions: Vec<VersionFile>,
    #[serde(skip)]
    pub file: usize,
}

/// What a holding means, with the precedents it rests on and those against it.
#[derive(Clone, Debug, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct HoldingNote {
    /// How the holding reads in a headline.
    pub label: String,
    /// What the holding means (a template).
    pub text: String,
    /// The authorities it rests on (cited only for rulings after their own dates).
    pub precedents: Vec<String>,
    /// Authorities that cut against the holding.
    #[serde(default)]
    pub against: Vec<String>,
    /// What the text and authorities are on some days instead.
    #[serde(default)]
    pub versions: Vec<VersionFile>,
}

/// A glossary entry.
#[derive(Clone, Debug, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct GlossaryEntry {
    /// The term, as `treatysim explain` finds it and the report spots it.
    #[schemars(with = "String")]
    pub term: Spanned<String>,
    /// Other words a reader may type for it (`consent`, `60 senators`), which
    /// `treatysim explain` also finds, ignoring case, hyphens and underscores. An entry
    /// that replaces a base's entry keeps the base's aliases unless it lists its own.
    #[serde(default)]
    pub aliases: Vec<String>,
    /// What it means, in plain words (a template).
    pub text: String,
    /// The citation id of its source.
    pub citation: String,
    /// What the text or citation are on some days instead.
    #[serde(default)]
    pub versions: Vec<VersionFile>,
    #[serde(skip)]
    pub file: usize,
}

/// A treatysim rulebook: the law as data (a treaty's withdrawal clause, the U.S.
/// procedure, the statutes that limit withdrawal, the courts), with dates and sources.
/// See docs/rulebook-format.md.
#[derive(Clone, Debug, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
#[schemars(rename = "Rulebook")]
struct RulebookFile {
    /// The rulebook's id: lower-case letters, digits, `.`, `_` and `-` (required).
    #[schemars(with = "String", extend("pattern" = "^[a-z0-9][a-z0-9._-]{0,63}$"))]
    id: Spanned<String>,
    /// A title a reader recognizes (required).
    title: String,
    /// What the rulebook encodes, in a few sentences (a template); required unless it
    /// extends another.
    summary: Option<String>,
    /// The rulebook this one builds on: a built-in id (us-base, us-nato-2024...) or a
    /// file, relative to this one. Sections merge key by key; `provisions` is replaced whole.
    #[schemars(with = "Option<String>")]
    extends: Option<Spanned<String>>,
    /// A base for other rulebooks (names no treaty), not run on its own.
    #[serde(default)]
    base: bool,
    /// A view: judge every event by the law in force on this day, whatever its date.
    #[schemars(with = "Option<crate::schema::DateText>")]
    law_as_of: Option<Day>,
    /// A line every outcome under this rulebook shows (a foil says it is not the law).
    caution: Option<String>,
    /// The treaty: its name, withdrawal clause, notice period and to whom notice goes.
    treaty: Option<TreatyFile>,
    /// The law's numbers: thresholds, days, the pocket veto's view, each optionally dated.
    parameters: Option<ParametersFile>,
    /// The statutes' provisions whose breach is recorded (replaced whole when given).
    provisions: Option<Vec<Provision>>,
    /// The sources of law, by id.
    citations: Option<BTreeMap<String, Citation>>,
    /// The procedure: one graph of stages and steps per track; merged by track, stage and step id.
    tracks: Option<Vec<TrackFile>>,
    /// The expected view of standing for each kind of plaintiff; merged by plaintiff.
    doctrine: Option<Vec<DoctrineEntry>>,
    /// What each holding means, with the precedents for and against it.
    holdings: Option<BTreeMap<String, HoldingNote>>,
    /// Terms explained; merged by term.
    glossary: Option<Vec<GlossaryEntry>>,
    /// Properties of the law that `treatysim check` tests; merged by id.
    properties: Option<Vec<Property>>,
    /// The sentences outputs say, by key, as templates.
    messages: Option<BTreeMap<String, String>>,
}

/// The JSON Schema of rulebook files (draft-07), from the types they are read into.
pub fn json_schema() -> serde_json::Value {
    crate::schema::generator()
        .into_root_schema_for::<RulebookFile>()
        .to_value()
}

/// The ids of the built-in rulebooks that run (bases left out), in order.
pub fn builtin_ids() -> Vec<&'static str> {
    BUILTIN
        .iter()
        .map(|(id, _)| *id)
        .filter(|id| !is_base(id))
        .collect()
}

/// The ids of the built-in bases, which other rulebooks extend.
pub fn base_ids() -> Vec<&'static str> {
    BUILTIN
        .iter()
        .map(|(id, _)| *id)
        .filter(|id| is_base(id))
        .collect()
}

fn is_base(id: &str) -> bool {
    id == "us-base"
}

fn builtin_text(id: &str) -> Option<&'static str> {
    BUILTIN
        .iter()
        .find(|(b, _)| *b == id)
        .map(|(_, text)| *text)
}

/// Whether `id` names a built-in rulebook (a base included).
pub fn is_builtin(id: &str) -> bool {
    builtin_text(id).is_some()
}

/// Loads a rulebook by built-in id or file path and compiles it.
pub fn load(id_or_path: &str) -> Result<Procedure, Diagnostic> {
    let rulebook = read(id_or_path, 0)?;
    Procedure::compile(rulebook)
}

/// Whether text names a rulebook file rather than a built-in id.
pub fn looks_like_file(id_or_path: &str) -> bool {
    id_or_path.ends_with(".yaml")
        || id_or_path.ends_with(".yml")
        || id_or_path.contains(std::path::MAIN_SEPARATOR)
        || id_or_path.contains('/')
}

/// Reads (without compiling) a rulebook by built-in id or file path, resolving `extends`.
/// `depth` is how many rulebooks extend this one (0 at the top).
pub fn read(id_or_path: &str, depth: usize) -> Result<Rulebook, Diagnostic> {
    let mut chain = Vec::new();
    let mut files = Vec::new();
    let _ = depth;
    read_layer(id_or_path, None, &mut chain, &mut files, None)
}

/// How deep `extends` may go.
const MAX_DEPTH: usize = 8;

/// Reads a rulebook (built-in or file) and what it extends. `relative_to` is the folder
/// of the file that extends it; `chain` the rulebooks already on the way here (for
/// cycles); `referrer` where the `extends:` naming it stands.
/// An error in reading a layer, pointed at the `extends:` (or `rulebook:`) that named it.
fn referred(
    files: &[SourceFile],
    referrer: Option<(usize, Place)>,
    id_or_path: &str,
    message: String,
    help: Option<String>,
) -> Diagnostic {
    let d = match referrer {
        Some((file, place)) => Diagnostic::at(
            files[file].name.clone(),
            Arc::clone(&files[file].text),
            place,
            message,
        ),
        None => Diagnostic::file(id_or_path, message),
    };
    match help {
        Some(h) => d.with_help(h),
        None => d,
    }
}

/// A layer's name as shown, its key (a built-in id or the canonical path: a cycle is
/// the same key twice), its text, and the folder its own `extends:` is relative to.
#[allow(clippy::type_complexity)]
fn layer_source(
    id_or_path: &str,
    relative_to: Option<&Path>,
    referrer: Option<(usize, Place)>,
    files: &[SourceFile],
) -> Result<(String, String, Arc<str>, Option<PathBuf>), Diagnostic> {
    let refer = |files: &[SourceFile], message: String, help: Option<String>| {
        referred(files, referrer, id_or_path, message, help)
    };
    Ok(match builtin_text(id_or_path) {
        Some(text) => (
            format!("<built-in {id_or_path}>"),
            id_or_path.to_string(),
            Arc::from(text),
            None,
        ),
        None => {
            if !looks_like_file(id_or_path) {
                let mut message = format!("unknown rulebook \"{id_or_path}\"");
                let all: Vec<&str> = BUILTIN.iter().map(|(id, _)| *id).collect();
                if let Some(near) = crate::diag::did_you_mean(id_or_path, all.iter().copied()) {
                    message.push_str(&format!(" (did you mean {near}?)"));
                }
                return Err(refer(
                    files,
                    message,
                    Some(format!(
                        "built-in rulebooks: {}; or give the path of a rulebook file (ending .yaml)",
                        all.join(", ")
                    )),
                ));
            }
            let path = match relative_to {
                Some(dir) if Path::new(id_or_path).is_relative() => dir.join(id_or_path),
                _ => PathBuf::from(id_or_path),
            };
            let shown = path.display().to_string();
            let text = match crate::files::read_text(&path) {
                Ok(text) => text,
                Err(e) if referrer.is_some() => {
                    return Err(refer(files, e.message.clone(), e.help.clone()));
                }
                Err(e) => return Err(e),
            };
            let key = std::fs::canonicalize(&path)
                .map(|p| p.display().to_string())
                .unwrap_or_else(|_| shown.clone());
            let folder = path.parent().map(Path::to_path_buf);
            (shown, key, text, folder)
        }
    })
}

fn read_layer(
    id_or_path: &str,
    relative_to: Option<&Path>,
    chain: &mut Vec<String>,
    files: &mut Vec<SourceFile>,
    referrer: Option<(usize, Place)>,
) -> Result<Rulebook, Diagnostic> {
    let refer = |files: &[SourceFile], message: String, help: Option<String>| {
        referred(files, referrer, id_or_path, message, help)
    };
    let (name, key, text, folder) = layer_source(id_or_path, relative_to, referrer, files)?;
    if let Some(at) = chain.iter().position(|k| *k == key) {
        let mut names: Vec<String> = chain[at..].to_vec();
        names.push(key.clone());
        return Err(refer(
            files,
            format!(
                "extends: \"{id_or_path}\" makes a cycle: {}",
                names.join(" extends ")
            ),
            Some("a rulebook may not extend itself, directly or through others".into()),
        ));
    }
    if chain.len() > MAX_DEPTH {
        return Err(refer(
            files,
            format!("rulebooks extend each other more than {MAX_DEPTH} levels deep"),
            None,
        ));
    }
    let index = files.len();
    files.push(SourceFile {
        name: name.clone(),
        text: Arc::clone(&text),
    });
    let file: RulebookFile = crate::yaml::from_str(&name, &text)?;
    let at_id = At {
        file: index,
        place: Some(place(&file.id)),
    };
    if !valid_id(&file.id.value) {
        return Err(located(
            files,
            at_id,
            format!(
                "id: \"{}\" is not a valid rulebook id",
                crate::diag::shorten(&file.id.value)
            ),
        )
        .with_help(format!(
            "an id is lower-case letters, digits, `.`, `_` and `-`, starting with a letter or digit, at most 64 characters ({ID_PATTERN}), e.g. my-rulebook"
        )));
    }
    let path = (!is_builtin(id_or_path)).then(|| match relative_to {
        Some(dir) if Path::new(id_or_path).is_relative() => dir.join(id_or_path),
        _ => PathBuf::from(id_or_path),
    });
    let base = match &file.extends {
        Some(parent) => {
            chain.push(key);
            let base = read_layer(
                &parent.value,
                folder.as_deref(),
                chain,
                files,
                Some((index, place(parent))),
            )?;
            chain.pop();
            Some(base)
        }
        None => None,
    };
    let mut rb = merge(file, base, index, files)?;
    rb.path = path;
    Ok(rb)
}

/// A located error in one of the files read.
pub fn located(files: &[SourceFile], at: At, message: impl Into<String>) -> Diagnostic {
    let file = &files[at.file.min(files.len().saturating_sub(1))];
    match at.place {
        Some(place) => Diagnostic::at(file.name.clone(), Arc::clone(&file.text), place, message),
        None => Diagnostic::file(file.name.clone(), message),
    }
}

/// Reads a rulebook from its text (`name` names it in messages). `extends` may name a
/// built-in rulebook and, when `files` is true, a rulebook file.
pub fn from_text(
    name: &str,
    text: &Arc<str>,
    depth: usize,
    allow_files: bool,
) -> Result<Rulebook, Diagnostic> {
    let _ = depth;
    let mut files = vec![SourceFile {
        name: name.to_string(),
        text: Arc::clone(text),
    }];
    let file: RulebookFile = crate::yaml::from_str(name, text)?;
    if !valid_id(&file.id.value) {
        return Err(located(
            &files,
            At {
                file: 0,
                place: Some(place(&file.id)),
            },
            format!(
                "id: \"{}\" is not a valid rulebook id ({ID_PATTERN})",
                crate::diag::shorten(&file.id.value)
            ),
        ));
    }
    let base = match &file.extends {
        Some(parent) if allow_files || is_builtin(&parent.value) => {
            let mut chain = vec![name.to_string()];
            let folder = Path::new(name).parent().map(Path::to_path_buf);
            Some(read_layer(
                &parent.value,
                folder.as_deref(),
                &mut chain,
                &mut files,
                Some((0, place(parent))),
            )?)
        }
        Some(parent) => {
            return Err(located(
                &files,
                At {
                    file: 0,
                    place: Some(place(parent)),
                },
                format!(
                    "extends: \"{}\" is not a built-in rulebook",
                    crate::diag::shorten(&parent.value)
                ),
            ));
        }
        None => None,
    };
    merge(file, base, 0, &files)
}

/// Merges a file over what it extends.
/// Merges a layer's list into the one it extends: an item replaces the item of the same
/// key whole, or is added after the others.
fn replace_by_key<T, K: PartialEq + ?Sized>(
    into: &mut Vec<T>,
    items: Vec<T>,
    key: impl Fn(&T) -> &K,
) {
    for item in items {
        match into.iter_mut().find(|old| key(old) == key(&item)) {
            Some(old) => *old = item,
            None => into.push(item),
        }
    }
}

fn merge(
    mut file: RulebookFile,
    base: Option<Rulebook>,
    index: usize,
    files: &[SourceFile],
) -> Result<Rulebook, Diagnostic> {
    let at = At {
        file: index,
        place: Some(place(&file.id)),
    };
    // Mark every item with the file it came from, for located errors.
    for p in file.provisions.iter_mut().flatten() {
        p.file = index;
    }
    for p in file.properties.iter_mut().flatten() {
        p.file = index;
    }
    for d in file.doctrine.iter_mut().flatten() {
        d.file = index;
    }
    for g in file.glossary.iter_mut().flatten() {
        g.file = index;
    }
    for t in file.tracks.iter_mut().flatten() {
        for s in t.stages.iter_mut().flatten() {
            s.file = index;
        }
        for s in t.steps.iter_mut().flatten() {
            s.file = index;
        }
    }
    let (mut rb, has_base) = match base {
        Some(base) => (base, true),
        None => (root(&mut file, at, files)?, false),
    };
    rb.id = file.id.value.clone();
    rb.title = file.title.clone();
    rb.summary = match (&file.summary, has_base) {
        (Some(s), _) => s.clone(),
        (None, true) => String::new(),
        (None, false) => return Err(missing(files, at, "summary")),
    };
    rb.extends = file.extends.as_ref().map(|e| e.value.clone());
    rb.base = file.base;
    rb.at = at;
    if let Some(day) = file.law_as_of {
        rb.law_as_of = Some(day.0);
    }
    if let Some(caution) = file.caution.take() {
        rb.caution = Some(caution);
    }
    if let Some(t) = file.treaty.take() {
        merge_treaty(&t, &mut rb.treaty, at);
    }
    if let Some(p) = file.parameters.take() {
        merge_parameters(p, &mut rb, index, files)?;
    }
    if let Some(provisions) = file.provisions.take() {
        rb.provisions = provisions;
    }
    if has_base {
        merge_lists(&mut file, &mut rb);
    }
    merge_tracks(
        file.tracks.take().unwrap_or_default(),
        &mut rb,
        index,
        files,
    )?;
    if !has_base && rb.tracks.is_empty() {
        return Err(missing(files, at, "tracks"));
    }
    rb.files = files.to_vec();
    Ok(rb)
}

/// A section a rulebook lacks, which only a rulebook that extends another may.
fn missing(files: &[SourceFile], at: At, section: &str) -> Diagnostic {
    located(
        files,
        at,
        format!("the rulebook has no `{section}:` and extends no other rulebook"),
    )
    .with_help(format!(
        "add `{section}:`, or `extends: us-base` (the U.S. procedure without a treaty) or `extends: {DEFAULT_ID}` to inherit it"
    ))
}

/// A rulebook that extends none: every section it must have, taken from its file.
fn root(file: &mut RulebookFile, at: At, files: &[SourceFile]) -> Result<Rulebook, Diagnostic> {
    let params = file.parameters.clone().unwrap_or_default();
    // (set again, marked with their file, when the parameters are merged below)
    let need = |name: &str| missing(files, at, &format!("parameters: {name}"));
    let parameters = Parameters {
        limitation_in_force: params
            .limitation_in_force
            .clone()
            .unwrap_or_else(|| Dated::always(true)),
        consent: params.consent.clone().ok_or_else(|| need("consent"))?,
        passage: params.passage.clone().ok_or_else(|| need("passage"))?,
        cloture: params.cloture.clone().ok_or_else(|| need("cloture"))?,
        override_: params.override_.clone().ok_or_else(|| need("override"))?,
        suit_resolution: params
            .suit_resolution
            .clone()
            .ok_or_else(|| need("suit_resolution"))?,
        return_days: params
            .return_days
            .clone()
            .ok_or_else(|| need("return_days"))?,
        committee_notice_days: params
            .committee_notice_days
            .clone()
            .unwrap_or_else(|| Dated::always(0)),
        pocket_veto: params
            .pocket_veto
            .clone()
            .ok_or_else(|| need("pocket_veto"))?,
        sources: BTreeMap::new(),
    };
    Ok(Rulebook {
        id: String::new(),
        title: String::new(),
        summary: String::new(),
        extends: None,
        base: false,
        law_as_of: None,
        caution: None,
        treaty: TreatyTerms::default(),
        parameters,
        provisions: Vec::new(),
        citations: file
            .citations
            .take()
            .ok_or_else(|| missing(files, at, "citations"))?,
        tracks: Vec::new(),
        doctrine: file
            .doctrine
            .take()
            .ok_or_else(|| missing(files, at, "doctrine"))?,
        holdings: file
            .holdings
            .take()
            .ok_or_else(|| missing(files, at, "holdings"))?,
        glossary: file.glossary.take().unwrap_or_default(),
        properties: file.properties.take().unwrap_or_default(),
        messages: file
            .messages
            .take()
            .ok_or_else(|| missing(files, at, "messages"))?,
        files: Vec::new(),
        path: None,
        at,
    })
}

/// The treaty's terms a layer gives, over those of the rulebook it extends.
fn merge_treaty(t: &TreatyFile, terms: &mut TreatyTerms, at: At) {
    macro_rules! set {
        ($($field:ident),*) => { $( if t.$field.is_some() { terms.$field = t.$field.clone(); } )* };
    }
    set!(
        name,
        article,
        clause,
        notice_period,
        notice_to,
        first_notice_after
    );
    if let Some(day) = t.in_force {
        terms.in_force = Some(day.0);
    }
    terms.at = at;
}

/// The parameters a layer gives, each replacing the one it extends, marked with its file.
fn merge_parameters(
    p: ParametersFile,
    rb: &mut Rulebook,
    index: usize,
    files: &[SourceFile],
) -> Result<(), Diagnostic> {
    let params = &mut rb.parameters;
    macro_rules! set {
        ($($field:ident),*) => { $( if let Some(v) = p.$field { params.$field = v.from_file(index); } )* };
    }
    set!(
        limitation_in_force,
        consent,
        passage,
        cloture,
        override_,
        suit_resolution,
        return_days,
        committee_notice_days,
        pocket_veto
    );
    if let Some(years) = p.notice_period_years {
        let count = u32::try_from(years.value)
            .ok()
            .filter(|n| (1..=100).contains(n))
            .ok_or_else(|| {
                located(
                    files,
                    At {
                        file: index,
                        place: Some(place(&years)),
                    },
                    format!(
                        "notice_period_years is {}; it must be from 1 to 100",
                        years.value
                    ),
                )
                .with_help("or write the treaty's period as `treaty: { notice_period: 1 year }` (or 6 months, 90 days)")
            })?;
        rb.treaty.notice_period = Some(Period::years(count));
    }
    if let Some(sources) = p.sources {
        // The old name of the notice period's source.
        for (name, citation) in sources {
            if name != "notice_period_years" {
                params.sources.insert(name, citation);
            }
        }
    }
    Ok(())
}

/// Citations, holdings and messages by key; doctrine by plaintiff, the glossary by term,
/// properties by id: a layer's entry replaces the one of the same key.
fn merge_lists(file: &mut RulebookFile, rb: &mut Rulebook) {
    if let Some(c) = file.citations.take() {
        rb.citations.extend(c);
    }
    if let Some(h) = file.holdings.take() {
        rb.holdings.extend(h);
    }
    if let Some(m) = file.messages.take() {
        rb.messages.extend(m);
    }
    if let Some(doctrine) = file.doctrine.take() {
        replace_by_key(&mut rb.doctrine, doctrine, |d| &d.plaintiff.value);
    }
    if let Some(mut glossary) = file.glossary.take() {
        for entry in &mut glossary {
            let base = rb
                .glossary
                .iter()
                .find(|g| g.term.value == entry.term.value);
            if let (Some(base), true) = (base, entry.aliases.is_empty()) {
                entry.aliases = base.aliases.clone();
            }
        }
        replace_by_key(&mut rb.glossary, glossary, |g| &g.term.value);
    }
    if let Some(properties) = file.properties.take() {
        replace_by_key(&mut rb.properties, properties, |p| &p.id.value);
    }
}

/// A layer's tracks: one the base has is changed key by key (its stages and steps by
/// id), a new one must be whole.
fn merge_tracks(
    tracks: Vec<TrackFile>,
    rb: &mut Rulebook,
    index: usize,
    files: &[SourceFile],
) -> Result<(), Diagnostic> {
    for track in tracks {
        let track_at = At {
            file: index,
            place: Some(place(&track.id)),
        };
        match rb.tracks.iter_mut().find(|t| t.id == track.id.value) {
            Some(old) => {
                if let Some(v) = track.title {
                    old.title = v;
                }
                if let Some(v) = track.text {
                    old.text = v;
                }
                if let Some(v) = track.start {
                    old.start = v;
                    // An error about the start is this file's.
                    old.at = track_at;
                }
                replace_by_key(&mut old.stages, track.stages.unwrap_or_default(), |s| {
                    &s.id.value
                });
                replace_by_key(&mut old.steps, track.steps.unwrap_or_default(), |s| {
                    &s.id.value
                });
            }
            None => {
                let need = |what: &str| {
                    located(
                        files,
                        track_at,
                        format!(
                            "the track `{}` has no `{what}:` and the rulebook it extends has no such track",
                            track.id.value
                        ),
                    )
                };
                rb.tracks.push(TrackSpec {
                    id: track.id.value.clone(),
                    title: track.title.clone().ok_or_else(|| need("title"))?,
                    text: track.text.clone().ok_or_else(|| need("text"))?,
                    start: track.start.clone().ok_or_else(|| need("start"))?,
                    stages: track.stages.clone().ok_or_else(|| need("stages"))?,
                    steps: track.steps.clone().unwrap_or_default(),
                    at: track_at,
                });
            }
        }
    }
    Ok(())
}

impl Rulebook {
    /// The file the rulebook was read from, if it is not a built-in one.
    pub fn source_path(&self) -> Option<&Path> {
        self.path.as_deref()
    }

    /// The expected view of standing for `plaintiff`.
    pub fn doctrine_for(&self, plaintiff: Plaintiff) -> Option<&DoctrineEntry> {
        self.doctrine
            .iter()
            .find(|d| d.plaintiff.value == plaintiff.name())
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

    /// The citation ids of `ids` decided or enacted before `date` (an authority cannot
    /// guide a court that ruled before it, nor a ruling cite itself).
    pub fn decided_before(&self, ids: &[String], date: Date) -> Vec<String> {
        ids.iter()
            .filter(|id| self.citations.get(*id).is_none_or(|c| c.date.0 < date))
            .cloned()
            .collect()
    }
}

impl DoctrineEntry {
    /// The view of standing held on `day` (a version's, or the entry's own).
    pub fn standing_on(&self, day: Date) -> &str {
        VersionFile::on(&self.versions, day)
            .and_then(|v| v.standing.as_deref())
            .unwrap_or(&self.standing)
    }
    /// The authorities the view rests on, as `day`'s version lists them (before
    /// [`Rulebook::decided_before`] keeps those decided by then).
    pub fn precedents_on(&self, day: Date) -> &[String] {
        VersionFile::on(&self.versions, day)
            .and_then(|v| v.precedents.as_deref())
            .unwrap_or(&self.precedents)
    }
}

/// The schema of rulebook files, derived from the types rulebook files are read into
/// (docs/rulebook-format.md explains every key).
pub fn schema() -> serde_json::Value {
    crate::schema::tidy(json_schema())
}

/// The schema of rulebook files as pretty JSON with a final newline.
pub fn schema_text() -> String {
    crate::schema::pretty(&schema())
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
    fn a_base_is_not_run_on_its_own() {
        for id in base_ids() {
            let err = load(id).unwrap_err();
            assert!(err.message.contains("base"), "{}", err.message);
        }
    }

    #[test]
    fn ids_are_checked() {
        for ok in ["us-nato-2024", "a", "abm-1972", "my_rules.v2"] {
            assert!(valid_id(ok), "{ok}");
        }
        for bad in [
            "",
            "@x",
            "-",
            "?",
            "[x",
            "'q",
            "a\nb",
            "../escaped",
            "/abs",
            "Upper",
            "a b",
        ] {
            assert!(!valid_id(bad), "{bad:?}");
        }
        assert!(!valid_id(&"a".repeat(65)));
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

//! Turning a run into something to read: the plain-language line for each step (with
//! the vote arithmetic, violations and doctrine notes), the text report for a person and
//! the JSON document for a machine. Everything here reads the rulebook's data; nothing
//! reaches back into the engine.

mod html;
pub mod json;
pub mod schema;
mod text;

pub use html::to_html;
pub use json::to_json;
pub use text::{Style, to_text};

use crate::engine::{Run, TraceStep};
use crate::rulebook::{Procedure, Trigger};
use crate::scenario::{Args, Scenario};
use crate::vocab::{Actor, Chamber, Holding, TrackKind, Word};

/// A trace step explained: everything a reader needs, as text.
#[derive(Clone, Debug)]
pub struct Explained {
    pub date: String,
    /// "treaty", "bill hr-5", "case vet".
    pub track: String,
    pub from: String,
    pub to: String,
    pub step: String,
    /// What took the step: the action ("give_notice") or "timer notice_period".
    pub trigger: String,
    /// "President", "Senate", "Courts", "Clock"...
    pub actor: String,
    /// A few words: what happened.
    pub headline: String,
    /// The plain sentence from the rulebook.
    pub text: String,
    /// The vote arithmetic, when a vote decided the step.
    pub arithmetic: Option<String>,
    /// What the step set running ("takes effect on 2028-03-01 under Art. 13").
    pub consequence: Option<String>,
    /// "1250A(a): ..." for each provision breached.
    pub violations: Vec<(String, String)>,
    /// Where a ruling follows or departs from the expected view of standing.
    pub doctrine: Option<String>,
    /// The scenario's own note on the event.
    pub note: Option<String>,
    pub citation_id: String,
    pub citation: String,
}

pub use crate::rulebook::citation_text;

/// Explains every step of a run.
pub fn explain(p: &Procedure, s: &Scenario, run: &Run) -> Vec<Explained> {
    run.trace
        .iter()
        .map(|step| explain_step(p, s, step))
        .collect()
}

/// Who took a step, in the words a reader knows: the chamber that voted, the plaintiff
/// that sued, the Clock for a period running out.
fn actor_name(actor: Actor, chamber: Option<Chamber>, s: &Scenario, t: &TraceStep) -> String {
    match actor {
        Actor::President => "President".to_string(),
        Actor::Senate => "Senate".to_string(),
        Actor::House => "House".to_string(),
        Actor::Congress => "Congress".to_string(),
        Actor::Chamber => match chamber {
            Some(Chamber::House) => "House".to_string(),
            Some(Chamber::Senate) => "Senate".to_string(),
            None => "Congress".to_string(),
        },
        Actor::Courts => "Courts".to_string(),
        Actor::Plaintiff => match t.instance {
            Some(i) if t.track == TrackKind::Case => plaintiff_title(s.cases[i].plaintiff),
            _ => "Plaintiff".to_string(),
        },
        Actor::Clock => "Clock".to_string(),
    }
}

/// A step's headline: its label and subject, with a ruling's holding and remedy, the
/// chamber authorizing a suit, a sum spent or troops drawn down.
fn headline(
    p: &Procedure,
    event: Option<&crate::scenario::Event>,
    label: &str,
    subject: &str,
) -> String {
    let mut headline = format!("{}{subject}", capitalize(label));
    if let Some(e) = event {
        match e.args {
            Args::Rule {
                holding, remedy, ..
            } => {
                let label = p
                    .rulebook
                    .holding_note(holding)
                    .map(|n| n.label.clone())
                    .unwrap_or_else(|| holding.to_string());
                headline = format!("{headline}: {label}");
                if holding == Holding::Unlawful {
                    headline.push_str(&format!(", remedy {remedy}"));
                }
            }
            Args::AuthorizeSuit { chamber, .. } => {
                headline = format!("{} ({})", capitalize(label), chamber.name());
            }
            Args::Spend { amount: Some(a) } => headline.push_str(&format!(" (${a:.0})")),
            Args::Drawdown { troops: Some(n) } => headline.push_str(&format!(" ({n} troops)")),
            _ => {}
        }
    }
    headline
}

/// What a step set running (a notice's day of effect, a bill's last day to be returned)
/// and the provisions it breached, in the words of the law of its day.
#[allow(clippy::type_complexity)]
fn consequences(
    p: &Procedure,
    s: &Scenario,
    step: &crate::rulebook::StepData,
    t: &TraceStep,
) -> (Option<String>, Vec<(String, String)>) {
    let day = t.date;
    let say = |template: &str| p.render(template, day);
    let law_day = p.law_date(day);
    let consequence = match (step.trigger, t.due) {
        (Trigger::Action(crate::vocab::Action::GiveNotice), Some(due)) => {
            Some(p.message("notice_takes_effect", day, &[("due", &due.to_string())]))
        }
        (Trigger::Action(crate::vocab::Action::Present), Some(last)) => {
            Some(p.message("presentment_window", day, &[("last", &last.to_string())]))
        }
        _ => None,
    };
    let violations = t
        .violations
        .iter()
        .filter_map(|i| {
            let provision = p.provisions.get(i)?;
            let version = provision.on(law_day).unwrap_or_else(|| provision.latest());
            let mut text = say(version.text.trim());
            if version.test == crate::rulebook::ProvisionTest::CommitteeNotice
                && version.consult_first
                && let Some(notified) = notified_before_consulting(s, t)
            {
                let said = p.message(
                    "notified_before_consulting",
                    day,
                    &[("notified", &notified.to_string())],
                );
                text = format!("{text} {said}");
            }
            Some((provision.id.clone(), text))
        })
        .collect();
    (consequence, violations)
}

/// The day the committees were first notified, when no notification before the step
/// came after they were consulted (so none counts): what went wrong with the notice.
fn notified_before_consulting(s: &Scenario, t: &TraceStep) -> Option<jiff::civil::Date> {
    use crate::vocab::Action;
    let before = &s.events[..t.event?];
    let consulted = before
        .iter()
        .position(|e| e.action == Action::ConsultCommittees);
    let counts = |i: usize| consulted.is_some_and(|c| i > c);
    let notices: Vec<usize> = (0..before.len())
        .filter(|&i| before[i].action == Action::NotifyCommittees)
        .collect();
    match notices.first() {
        Some(&first) if !notices.iter().any(|&i| counts(i)) => Some(before[first].date),
        _ => None,
    }
}

/// The chamber an event acts in, if any.
fn event_chamber(s: &Scenario, e: &crate::scenario::Event) -> Option<Chamber> {
    match e.args {
        Args::Vote { chamber, .. }
        | Args::Override { chamber, .. }
        | Args::AuthorizeSuit { chamber, .. } => Some(chamber),
        Args::Introduce { bill } => Some(s.bills[bill].chamber),
        _ => None,
    }
}

/// The arithmetic of the vote that decided step `t`, when one did: "62 yeas is less
/// than two-thirds of 100 voting (67): failed [two-thirds of those voting, with a
/// quorum]", counted in the chamber's members, as the law stood that day.
pub fn vote_arithmetic(p: &Procedure, s: &Scenario, t: &TraceStep) -> Option<String> {
    let (kind, tally) = t.vote?;
    let chamber = t.event.and_then(|i| event_chamber(s, &s.events[i]));
    let members = match chamber {
        Some(Chamber::House) => "representatives",
        _ => "senators",
    };
    let threshold = p.threshold(kind, t.date);
    Some(format!(
        "{} [{}]",
        threshold.explain(&tally, members),
        threshold.describe(members)
    ))
}

fn explain_step(p: &Procedure, s: &Scenario, t: &TraceStep) -> Explained {
    let track = p.track(t.track);
    let step = &track.graph[t.edge];
    let event = t.event.map(|i| &s.events[i]);
    let track_name = match (t.track, t.instance) {
        (TrackKind::Bill, Some(i)) => format!("bill {}", s.bills[i].id),
        (TrackKind::Case, Some(i)) => format!("case {}", s.cases[i].id),
        (kind, _) => kind.name().to_string(),
    };
    let chamber = event.and_then(|e| event_chamber(s, e));
    let actor = actor_name(step.actor, chamber, s, t);
    let subject = match (t.track, t.instance) {
        (TrackKind::Bill, Some(i)) => format!(" ({})", s.bills[i].id),
        (TrackKind::Case, Some(i)) => format!(" ({})", s.cases[i].id),
        _ => String::new(),
    };
    let day = t.date;
    let say = |template: &str| p.render(template, day);
    let law_day = p.law_date(day);
    let label = say(step.label_on(law_day));
    let headline = headline(p, event, &label, &subject);
    let arithmetic = vote_arithmetic(p, s, t);
    let (consequence, violations) = consequences(p, s, step, t);
    let doctrine = event.and_then(|e| match e.args {
        Args::Rule { case, holding, .. } => {
            Some(doctrine_note(p, s.cases[case].plaintiff, holding, day))
        }
        _ => None,
    });
    let citation_id = step.citation_on(law_day).to_string();
    Explained {
        date: t.date.to_string(),
        track: track_name,
        from: track.graph[t.from].id.clone(),
        to: track.graph[t.to].id.clone(),
        step: step.id.clone(),
        trigger: match step.trigger {
            Trigger::Action(action) => action.name().to_string(),
            Trigger::Timer(timer) => format!("timer {}", timer.name()),
        },
        actor,
        headline,
        text: say(step.text_on(law_day).trim()),
        arithmetic,
        consequence,
        violations,
        doctrine,
        note: event.and_then(|e| e.note.clone()),
        citation: citation_text(p.citation(&citation_id), &citation_id),
        citation_id,
    }
}

/// How a ruling stands with the rulebook's expected view of standing for its plaintiff.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum StandingView {
    /// The ruling turns on justiciability (political question, ripeness), not standing.
    Justiciability,
    /// It finds standing where the view says likely, or denies it where unlikely.
    Follows,
    /// Standing for this plaintiff is contested: either ruling is defensible.
    Contested,
    /// It finds standing where the view says unlikely, or the reverse.
    Departs,
}

/// The ruling's standing with the expected view on `date`; `None` when the rulebook
/// records no view for the plaintiff.
pub fn standing_view(
    p: &Procedure,
    plaintiff: crate::vocab::Plaintiff,
    holding: Holding,
    date: jiff::civil::Date,
) -> Option<StandingView> {
    p.rulebook
        .doctrine_for(plaintiff)
        .map(|entry| view_of(&Doctrine::of(p, entry, date), holding))
}

/// A doctrine entry as it stood on a day: the view, and only the precedents decided
/// before that day.
struct Doctrine {
    standing: String,
    precedents: Vec<String>,
}

impl Doctrine {
    fn of(
        p: &Procedure,
        entry: &crate::rulebook::DoctrineEntry,
        date: jiff::civil::Date,
    ) -> Doctrine {
        let law_day = p.law_date(date);
        Doctrine {
            standing: entry.standing_on(law_day).to_string(),
            precedents: p
                .rulebook
                .decided_before(entry.precedents_on(law_day), date),
        }
    }
}

fn view_of(entry: &Doctrine, holding: Holding) -> StandingView {
    let standing_found = holding.finds_standing();
    match (entry.standing.as_str(), holding) {
        (_, Holding::PoliticalQuestion | Holding::Unripe) => StandingView::Justiciability,
        ("unlikely", Holding::NoStanding) | ("likely", _)
            if standing_found == (entry.standing == "likely") =>
        {
            StandingView::Follows
        }
        ("contested", _) => StandingView::Contested,
        _ => StandingView::Departs,
    }
}

/// A holding's note as it stood on a day: its sentence, the precedents it rests on and
/// those against it, each decided before that day.
pub fn holding_as_of(
    p: &Procedure,
    holding: Holding,
    date: jiff::civil::Date,
) -> Option<(String, Vec<String>, Vec<String>)> {
    let note = p.rulebook.holding_note(holding)?;
    let version = crate::rulebook::VersionFile::on(&note.versions, p.law_date(date));
    let text = p.render(
        version
            .and_then(|v| v.text.as_deref())
            .unwrap_or(&note.text),
        date,
    );
    let precedents = version
        .and_then(|v| v.precedents.clone())
        .unwrap_or_else(|| note.precedents.clone());
    let against = version
        .and_then(|v| v.against.clone())
        .unwrap_or_else(|| note.against.clone());
    Some((
        text,
        p.rulebook.decided_before(&precedents, date),
        p.rulebook.decided_before(&against, date),
    ))
}

/// Where a ruling on `date` follows or departs from the rulebook's expected view of
/// standing (rule 11), citing only what was decided before it. It never changes the
/// ruling.
pub fn doctrine_note(
    p: &Procedure,
    plaintiff: crate::vocab::Plaintiff,
    holding: Holding,
    date: jiff::civil::Date,
) -> String {
    let who = plaintiff_phrase(plaintiff);
    let Some(entry) = p.rulebook.doctrine_for(plaintiff) else {
        return format!("No expected view of standing is recorded for {who}.");
    };
    let entry = Doctrine::of(p, entry, date);
    let view = match view_of(&entry, holding) {
        StandingView::Justiciability => "turns on justiciability, not standing",
        StandingView::Follows => "follows the expected view",
        StandingView::Contested => "takes one side of a contested question",
        StandingView::Departs => "departs from the expected view",
    };
    let cited = |ids: &[String]| {
        if ids.is_empty() {
            String::new()
        } else {
            format!(" ({})", p.rulebook.cite_cases(ids))
        }
    };
    let mut text = format!(
        "Doctrine: standing for {who} is {}; this ruling {view}{}.",
        entry.standing,
        cited(&entry.precedents)
    );
    if !matches!(holding, Holding::NoStanding)
        && let Some((note, precedents, against)) = holding_as_of(p, holding, date)
    {
        text.push_str(&format!(
            " {}{}.",
            note.trim().trim_end_matches('.'),
            cited(&precedents)
        ));
        if !against.is_empty() {
            text.push_str(&format!(
                " Against it: {}.",
                p.rulebook.cite_cases(&against)
            ));
        }
    }
    text
}

/// "the Senate", "a service member".
fn plaintiff_phrase(plaintiff: crate::vocab::Plaintiff) -> String {
    use crate::vocab::Plaintiff::*;
    match plaintiff {
        Senate => "the Senate".into(),
        House => "the House".into(),
        Congress => "Congress".into(),
        other => format!("a {}", plaintiff_title(other).to_lowercase()),
    }
}

fn plaintiff_title(plaintiff: crate::vocab::Plaintiff) -> String {
    use crate::vocab::Plaintiff::*;
    match plaintiff {
        Senate => "Senate",
        House => "House",
        Congress => "Congress",
        Senator => "Senator",
        Representative => "Representative",
        ServiceMember => "Service member",
        PropertyOwner => "Property owner",
        State => "State",
        Taxpayer => "Taxpayer",
    }
    .to_string()
}

fn capitalize(text: &str) -> String {
    let mut chars = text.chars();
    match chars.next() {
        Some(first) => first.to_uppercase().collect::<String>() + chars.as_str(),
        None => String::new(),
    }
}

/// The trace step that last moved the track a mismatch is about, for `test`.
pub fn deciding_step(run: &Run, track: TrackKind, instance: Option<usize>) -> Option<&TraceStep> {
    run.trace
        .iter()
        .rev()
        .find(|t| t.track == track && (instance.is_none() || t.instance == instance))
}

/// How an outcome row should look.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Tone {
    Plain,
    Good,
    Bad,
    Warn,
}

/// One row of the outcome box: "Treaty", "withdrawn (effective 2028-01-20)".
#[derive(Clone, Debug)]
pub struct OutcomeRow {
    pub label: &'static str,
    pub value: String,
    pub tone: Tone,
}

/// The outcome as rows, for the text report and the HTML report alike.
pub fn outcome_rows(p: &Procedure, run: &Run) -> Vec<OutcomeRow> {
    let o = &run.outcome;
    let row = |label, value: String, tone| OutcomeRow { label, value, tone };
    let mut rows = Vec::new();
    let status = o.treaty.name().replace('_', " ");
    let treaty = match (o.effective_on, o.notice_due) {
        (Some(d), _) => format!("{status} (effective {d})"),
        (None, Some(due)) => format!("{status} (takes effect {due} unless rescinded first)"),
        (None, None) if o.revoked_by_order => {
            format!("{status} (the notice revoked, as an injunction ordered)")
        }
        (None, None) => status,
    };
    rows.push(row("Treaty", treaty, Tone::Plain));
    rows.push(if o.lawful && o.acted_alone && o.set_aside.is_empty() {
        row(
            "Lawful",
            p.message("lawful_without_statute", o.end, &[]),
            Tone::Warn,
        )
    } else if o.lawful {
        row("Lawful", "yes: no violation stands".to_string(), Tone::Good)
    } else {
        row(
            "Lawful",
            format!("no: {} violated", o.violations.join(", ")),
            Tone::Bad,
        )
    });
    if !o.set_aside.is_empty() {
        rows.push(row(
            "Set aside",
            p.message(
                "set_aside",
                o.end,
                &[("provisions", &o.set_aside.join(", "))],
            ),
            Tone::Warn,
        ));
    }
    rows.push(row(
        "Authorized",
        if o.authorized {
            "yes (Senate consent or an Act of Congress)"
        } else {
            "no"
        }
        .to_string(),
        Tone::Plain,
    ));
    rows.push(if o.enjoined {
        row("Injunction", "in force".to_string(), Tone::Warn)
    } else {
        row("Injunction", "none".to_string(), Tone::Plain)
    });
    for (id, status) in &o.bills {
        rows.push(row(
            "Bill",
            format!("{id}: {}", status.replace('_', " ")),
            Tone::Plain,
        ));
    }
    for (id, status) in &o.cases {
        rows.push(row(
            "Case",
            format!("{id}: {}", status.replace('_', " ")),
            Tone::Plain,
        ));
    }
    rows.push(row("Ran until", o.end.to_string(), Tone::Plain));
    if let Some(caution) = &p.rulebook.caution {
        rows.push(row("Caution", caution.trim().to_string(), Tone::Warn));
    }
    rows
}

/// A glossary entry as of a day: the term, its sentence, and its source.
#[derive(Clone, Debug)]
pub struct Term {
    pub term: String,
    pub text: String,
    pub citation_id: String,
    /// The source as a reader sees it.
    pub citation: String,
}

/// A glossary entry as it stood on `date`.
pub fn term_on(
    p: &Procedure,
    entry: &crate::rulebook::GlossaryEntry,
    date: jiff::civil::Date,
) -> Term {
    let version = crate::rulebook::VersionFile::on(&entry.versions, p.law_date(date));
    let citation_id = version
        .and_then(|v| v.citation.clone())
        .unwrap_or_else(|| entry.citation.clone());
    let citation_id = if citation_id == crate::rulebook::TREATY_CLAUSE {
        p.treaty.clause.clone()
    } else {
        citation_id
    };
    Term {
        term: entry.term.value.clone(),
        text: p.render(
            version
                .and_then(|v| v.text.as_deref())
                .unwrap_or(&entry.text)
                .trim(),
            date,
        ),
        citation: citation_text(p.citation(&citation_id), &citation_id),
        citation_id,
    }
}

/// The glossary entries whose term appears in what the timeline says, in glossary order,
/// as they stood on `date`.
pub fn terms_used(p: &Procedure, steps: &[Explained], date: jiff::civil::Date) -> Vec<Term> {
    let said: String = steps
        .iter()
        .flat_map(|e| {
            [
                Some(&e.headline),
                Some(&e.text),
                e.arithmetic.as_ref(),
                e.doctrine.as_ref(),
            ]
            .into_iter()
            .flatten()
        })
        .map(|t| t.to_lowercase())
        .collect::<Vec<_>>()
        .join(" ");
    p.rulebook
        .glossary
        .iter()
        .filter(|g| said.contains(&g.term.value.to_lowercase()))
        .map(|g| term_on(p, g, date))
        .collect()
}

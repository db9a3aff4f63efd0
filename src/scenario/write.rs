//! Scenarios written back as YAML: by `why` (the changed story), by `check` and `paths`
//! (witnesses and counterexamples), by `play` (a session). Serialized with serde-saphyr
//! from the same shape the reader expects, so that any title or note (quotes,
//! backslashes, colons, `#`, any Unicode) reads back as it was, and every file names its
//! rulebook so that `treatysim run` finds it.

use std::path::Path;

use serde::Serialize;
use serde_saphyr::FlowMap;

use super::{Args, Event, Scenario};
use crate::rulebook::Procedure;
use crate::vocab::{Action, Remedy, Word};

/// A scenario file as written.
#[derive(Serialize)]
struct File<'a> {
    title: &'a str,
    #[serde(skip_serializing_if = "Option::is_none")]
    summary: Option<&'a str>,
    rulebook: String,
    setup: FlowMap<SetupFile>,
    events: Vec<FlowMap<EventFile<'a>>>,
    #[serde(skip_serializing_if = "Option::is_none")]
    until: Option<String>,
}

#[derive(Serialize)]
struct SetupFile {
    senators_sworn: u32,
    representatives_sworn: u32,
    filibuster: bool,
    #[serde(skip_serializing_if = "std::ops::Not::not")]
    filibuster_veto: bool,
}

#[derive(Default, Serialize)]
struct EventFile<'a> {
    on: String,
    #[serde(rename = "do")]
    action: &'static str,
    #[serde(skip_serializing_if = "Option::is_none")]
    bill: Option<&'a str>,
    #[serde(skip_serializing_if = "Option::is_none")]
    case: Option<&'a str>,
    #[serde(skip_serializing_if = "Option::is_none")]
    chamber: Option<&'static str>,
    #[serde(skip_serializing_if = "Option::is_none")]
    purpose: Option<&'static str>,
    #[serde(skip_serializing_if = "Option::is_none")]
    plaintiff: Option<&'static str>,
    #[serde(skip_serializing_if = "Option::is_none")]
    yeas: Option<u32>,
    #[serde(skip_serializing_if = "Option::is_none")]
    nays: Option<u32>,
    #[serde(skip_serializing_if = "Option::is_none")]
    present: Option<u32>,
    #[serde(skip_serializing_if = "Option::is_none")]
    vice_president: Option<&'static str>,
    #[serde(skip_serializing_if = "Option::is_none")]
    holding: Option<&'static str>,
    #[serde(skip_serializing_if = "Option::is_none")]
    remedy: Option<&'static str>,
    #[serde(skip_serializing_if = "Option::is_none")]
    complied: Option<bool>,
    #[serde(skip_serializing_if = "Option::is_none")]
    granted: Option<bool>,
    #[serde(skip_serializing_if = "Option::is_none")]
    amount: Option<f64>,
    #[serde(skip_serializing_if = "Option::is_none")]
    troops: Option<u64>,
    #[serde(skip_serializing_if = "Option::is_none")]
    effective: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    kind: Option<&'static str>,
    #[serde(skip_serializing_if = "Option::is_none")]
    days: Option<u32>,
    #[serde(skip_serializing_if = "Option::is_none")]
    agent: Option<bool>,
    #[serde(skip_serializing_if = "Option::is_none")]
    note: Option<&'a str>,
}

fn event<'a>(s: &'a Scenario, e: &'a Event) -> EventFile<'a> {
    let mut out = EventFile {
        on: e.date.to_string(),
        action: e.action.name(),
        note: e.note.as_deref(),
        ..EventFile::default()
    };
    let tally = |out: &mut EventFile, t: &crate::threshold::Tally| {
        out.yeas = Some(t.yeas);
        out.nays = Some(t.nays);
        out.present = (t.present > 0).then_some(t.present);
        out.vice_president = t.vice_president.map(|v| if v { "yea" } else { "nay" });
    };
    match &e.args {
        Args::None => {}
        Args::Notice { effective } => out.effective = effective.map(|d| d.to_string()),
        Args::Adjourn { kind, days, agent } => {
            out.kind = kind.map(|k| k.name());
            out.days = *days;
            out.agent = agent.then_some(true);
        }
        Args::Spend { amount } => out.amount = *amount,
        Args::Drawdown { troops } => out.troops = *troops,
        Args::Consent { tally: t } | Args::ConsentCloture { tally: t } => tally(&mut out, t),
        Args::Introduce { bill } => {
            let b = &s.bills[*bill];
            out.bill = Some(&b.id);
            out.chamber = Some(b.chamber.name());
            out.purpose = Some(b.purpose.name());
        }
        Args::Vote {
            bill,
            chamber,
            tally: t,
        }
        | Args::Override {
            bill,
            chamber,
            tally: t,
        } => {
            out.bill = Some(&s.bills[*bill].id);
            out.chamber = Some(chamber.name());
            tally(&mut out, t);
        }
        Args::Cloture { bill, tally: t } => {
            out.bill = Some(&s.bills[*bill].id);
            tally(&mut out, t);
        }
        Args::Bill { bill } => out.bill = Some(&s.bills[*bill].id),
        Args::AuthorizeSuit { chamber, tally: t } => {
            out.chamber = Some(chamber.name());
            tally(&mut out, t);
        }
        Args::Case { case } => {
            out.case = Some(&s.cases[*case].id);
            if e.action == Action::FileSuit {
                out.plaintiff = Some(s.cases[*case].plaintiff.name());
            }
        }
        Args::Rule {
            case,
            holding,
            remedy,
            complied,
        } => {
            out.case = Some(&s.cases[*case].id);
            out.holding = Some(holding.name());
            out.remedy = (*remedy != Remedy::None).then(|| remedy.name());
            out.complied = (!complied).then_some(false);
        }
        Args::Cert { case, granted } => {
            out.case = Some(&s.cases[*case].id);
            out.granted = Some(*granted);
        }
    }
    out
}

/// How the written file names the rulebook: a built-in id, or the rulebook file's path
/// relative to the folder of the file written (`to`), so that `run` finds it from there.
pub fn rulebook_reference(p: &Procedure, to: Option<&Path>) -> String {
    let Some(path) = p.rulebook.source_path() else {
        return p.rulebook.id.clone();
    };
    let folder = to
        .map(crate::files::folder_of)
        .and_then(|f| std::fs::canonicalize(f).ok());
    match (folder, std::fs::canonicalize(path)) {
        (Some(folder), Ok(file)) => crate::files::relative(&folder, &file).display().to_string(),
        (_, Ok(file)) => file.display().to_string(),
        _ => path.display().to_string(),
    }
}

/// The scenario as YAML, with `header` as its opening comment (each line prefixed with
/// `# `), naming its rulebook as seen from `to` (the file it will be written to).
/// Notes are kept; `expect:` is left out (what the story should end with is the writer's
/// to say).
pub fn to_yaml(p: &Procedure, s: &Scenario, header: &str, to: Option<&Path>) -> String {
    let file = File {
        title: &s.title,
        summary: s.summary.as_deref(),
        rulebook: rulebook_reference(p, to),
        setup: FlowMap(SetupFile {
            senators_sworn: s.setup.senators_sworn,
            representatives_sworn: s.setup.representatives_sworn,
            filibuster: s.setup.filibuster,
            filibuster_veto: s.setup.filibuster_veto,
        }),
        events: s.events.iter().map(|e| FlowMap(event(s, e))).collect(),
        until: s.until.map(|d| d.to_string()),
    };
    let mut out = String::new();
    for line in textwrap::wrap(header, 88) {
        out.push_str("# ");
        out.push_str(&line);
        out.push('\n');
    }
    // Serializing plain data of strings, numbers and booleans cannot fail; an error would
    // be a bug, shown in the file rather than a panic.
    // YAML 1.2, as treatysim reads it: `on` and dates need no quotes. One event a line,
    // in flow style, as the shipped scenarios are written.
    let options = serde_saphyr::ser_options! {
        yaml_12: true,
        no_lang_directive: true,
        compact_list_indent: false,
    };
    match serde_saphyr::to_string_with_options(&file, options) {
        Ok(yaml) => out.push_str(&yaml),
        Err(e) => out.push_str(&format!("# could not be written: {e}\n")),
    }
    out
}

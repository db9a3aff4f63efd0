//! What a rulebook's templates may say: the names every sentence can use (the treaty's
//! terms and the parameters, as in force on the sentence's day) and the messages the
//! outputs need, each with the names it adds.
//!
//! This is the one place that turns the law's numbers into words: "two-thirds of those
//! voting, with a quorum", "the tenth day", "six months". Nothing else in the crate writes
//! a legal number or a citation into a sentence.

use jiff::civil::Date;

use super::template;
use super::{At, Rulebook, located};
use crate::calendar::{number_words, ordinal_words};
use crate::diag::Diagnostic;
use crate::rulebook::{Procedure, VoteKind};

/// The names every template may use, with what each becomes.
pub const NAMES: &[(&str, &str)] = &[
    (
        "treaty",
        "the treaty's name (\"North Atlantic Treaty\"); write \"the {treaty}\"",
    ),
    (
        "article",
        "the withdrawal clause as a sentence names it (\"Art. 13\")",
    ),
    (
        "notice_period",
        "the notice period in words (\"one year\", \"six months\")",
    ),
    ("notice_to", "to whom notice is given"),
    (
        "return_days",
        "the days to return a bill, in words (\"ten\")",
    ),
    (
        "return_day",
        "the last of those days, as an ordinal (\"tenth\")",
    ),
    (
        "committee_notice_days",
        "the days' notice to the committees (\"180\")",
    ),
    (
        "short_recess_days",
        "the longest recess that never prevents a bill's return (\"3\")",
    ),
    ("consent", "the consent threshold in words"),
    ("passage", "the passage threshold in words"),
    ("cloture", "the cloture threshold in words"),
    ("override", "the override threshold in words"),
    (
        "suit_resolution",
        "the threshold of a resolution to sue, in words",
    ),
    (
        "consent_needed",
        "yeas that consent when all 100 senators vote (\"67\")",
    ),
    (
        "cloture_needed",
        "yeas that invoke cloture when all 100 senators are sworn and vote (\"60\")",
    ),
];

/// A message the outputs say: its key, the names it adds, and where it is said.
pub struct Message {
    pub key: &'static str,
    pub names: &'static [&'static str],
    pub says: &'static str,
}

/// Every message a rulebook must give (a base gives them; a variant may replace any).
pub const MESSAGES: &[Message] = &[
    Message {
        key: "notice_takes_effect",
        names: &["due"],
        says: "under a notice of withdrawal: the day it takes effect",
    },
    Message {
        key: "notified_before_consulting",
        names: &["notified"],
        says: "a prior-notice breach where the committees were notified before being consulted: what went wrong",
    },
    Message {
        key: "notice_enjoined",
        names: &["due"],
        says: "an injunction standing while a notice is pending: what it orders by the day the notice would take effect",
    },
    Message {
        key: "presentment_window",
        names: &["last"],
        says: "under a presentment: the last day to sign or return the bill",
    },
    Message {
        key: "return_period",
        names: &["days"],
        says: "the return period as `rulebook show` states it",
    },
    Message {
        key: "return_window_closed",
        names: &["presented", "last", "since", "status"],
        says: "a signature or veto after the last day",
    },
    Message {
        key: "cloture_missing",
        names: &["measure", "source"],
        says: "a Senate vote that needs cloture first",
    },
    Message {
        key: "cloture_help",
        names: &["vote", "threshold", "needed", "sworn", "setting"],
        says: "what would make that vote possible",
    },
    Message {
        key: "suit_unauthorized",
        names: &["plaintiff", "chambers", "source"],
        says: "a chamber suing without its resolution",
    },
    Message {
        key: "suit_help",
        names: &["chamber"],
        says: "what would make that suit possible",
    },
    Message {
        key: "set_aside",
        names: &["provisions"],
        says: "the outcome's line for breaches set aside while the statute is held invalid",
    },
    Message {
        key: "lawful_without_statute",
        names: &[],
        says: "the outcome's line when the President acted alone and no statute forbade it",
    },
    Message {
        key: "notice_too_early",
        names: &["earliest"],
        says: "a notice before the treaty allows one",
    },
    Message {
        key: "notice_date_too_early",
        names: &["earliest", "effective"],
        says: "a notice naming a day earlier than the notice period allows",
    },
    Message {
        key: "adjourned_vote",
        names: &["chamber"],
        says: "a vote while Congress is adjourned",
    },
    Message {
        key: "hint_presented",
        names: &[],
        says: "test feedback: what a presented bill still needs",
    },
    Message {
        key: "hint_vetoed",
        names: &[],
        says: "test feedback: what a vetoed bill still needs",
    },
    Message {
        key: "hint_notice_due",
        names: &["due", "end"],
        says: "test feedback: a notice that takes effect after the clock stops",
    },
];

/// Checks a template: its braces and that every name is one it may use.
pub fn check(text: &str, at: At, rulebook: &Rulebook, extra: &[&str]) -> Result<(), Diagnostic> {
    let names = template::names(text).map_err(|e| {
        located(
            &rulebook.files,
            at,
            format!(
                "the text \"{}\" is not a valid template: {e}",
                crate::diag::shorten(text)
            ),
        )
    })?;
    for name in names {
        if !NAMES.iter().any(|(n, _)| *n == name) && !extra.contains(&name) {
            let known: Vec<&str> = NAMES
                .iter()
                .map(|(n, _)| *n)
                .chain(extra.iter().copied())
                .collect();
            let mut message = format!("unknown placeholder {{{name}}}");
            if let Some(near) = crate::diag::did_you_mean(name, known.iter().copied()) {
                message.push_str(&format!(" (did you mean {{{near}}}?)"));
            }
            return Err(located(&rulebook.files, at, message).with_help(format!(
                "a text may use: {}",
                known
                    .iter()
                    .map(|n| format!("{{{n}}}"))
                    .collect::<Vec<_>>()
                    .join(", ")
            )));
        }
    }
    Ok(())
}

/// Checks the messages: every one given, each a valid template, none unknown.
pub fn check_messages(rulebook: &Rulebook) -> Result<(), Diagnostic> {
    for m in MESSAGES {
        let Some(text) = rulebook.messages.get(m.key) else {
            return Err(located(
                &rulebook.files,
                rulebook.at,
                format!("`messages:` has no `{}` ({})", m.key, m.says),
            ));
        };
        check(text, rulebook.at, rulebook, m.names)?;
    }
    for key in rulebook.messages.keys() {
        if !MESSAGES.iter().any(|m| m.key == key) {
            let keys: Vec<&str> = MESSAGES.iter().map(|m| m.key).collect();
            let mut message = format!(
                "`messages:` has an unknown key `{}`",
                crate::diag::shorten(key)
            );
            if let Some(near) = crate::diag::did_you_mean(key, keys.iter().copied()) {
                message.push_str(&format!(" (did you mean {near}?)"));
            }
            return Err(located(&rulebook.files, rulebook.at, message));
        }
    }
    Ok(())
}

/// The value of a name on `date` (the law's date).
fn value(p: &Procedure, name: &str, date: Date) -> Option<String> {
    let params = &p.rulebook.parameters;
    let describe = |kind: VoteKind| {
        let members = match kind {
            VoteKind::Consent | VoteKind::Cloture => "senators",
            _ => "members",
        };
        kind.parameter(params).at(date).describe(members)
    };
    Some(match name {
        "treaty" => p.treaty.name.clone(),
        "article" => p.treaty.article.clone(),
        "notice_period" => p.treaty.notice_period.words(),
        "notice_to" => p.treaty.notice_to.clone(),
        "return_days" => number_words(*params.return_days.at(date)),
        "return_day" => ordinal_words(*params.return_days.at(date)),
        "committee_notice_days" => params.committee_notice_days.at(date).to_string(),
        "short_recess_days" => params.pocket_veto.at(date).short_recess_days.to_string(),
        "consent" => describe(VoteKind::Consent),
        "passage" => describe(VoteKind::Passage),
        "cloture" => describe(VoteKind::Cloture),
        "override" => describe(VoteKind::Override),
        "suit_resolution" => describe(VoteKind::SuitResolution),
        "consent_needed" => params
            .consent
            .at(date)
            .edge_tallies(100)
            .map_or_else(|| "no".to_string(), |(carries, _)| carries.yeas.to_string()),
        "cloture_needed" => params
            .cloture
            .at(date)
            .edge_tallies(100)
            .map_or_else(|| "no".to_string(), |(carries, _)| carries.yeas.to_string()),
        _ => return None,
    })
}

/// Fills a template (checked when the rulebook was compiled) with `extra` and the law of
/// `date`.
pub fn render(p: &Procedure, text: &str, date: Date, extra: &[(&str, &str)]) -> String {
    let lookup = |name: &str| {
        extra
            .iter()
            .find(|(n, _)| *n == name)
            .map(|(_, v)| (*v).to_string())
            .or_else(|| value(p, name, date))
    };
    // A compiled rulebook's templates are valid; the fallback keeps a bad one readable.
    template::render(text, &lookup).unwrap_or_else(|_| text.to_string())
}

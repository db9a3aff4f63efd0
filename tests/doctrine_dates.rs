//! Doctrine is judged as of its date: a ruling's note cites only authorities decided
//! before the ruling (never a later case, nor the ruling's own decision), and never a
//! statute not yet in force. Checked for every built-in rulebook, every plaintiff, every
//! holding, on the day before, of and after every authority's date.

use treatysim::report::doctrine_note;
use treatysim::rulebook;
use treatysim::vocab::{Holding, Plaintiff, Word};

#[test]
fn no_note_cites_a_later_authority() {
    let mut checked = 0;
    for id in rulebook::builtin_ids() {
        let p = rulebook::load(id).unwrap();
        let mut days: Vec<jiff::civil::Date> = p
            .rulebook
            .citations
            .values()
            .flat_map(|c| {
                let d = c.date.0;
                [d.yesterday().unwrap(), d, d.tomorrow().unwrap()]
            })
            .collect();
        days.sort();
        days.dedup();
        for day in days {
            for plaintiff in Plaintiff::ALL {
                for holding in Holding::ALL {
                    let note = doctrine_note(&p, *plaintiff, *holding, day);
                    checked += 1;
                    for (cid, c) in &p.rulebook.citations {
                        if c.kind == "case" && c.date.0 >= day {
                            assert!(
                                !note.contains(&c.cite),
                                "{id}: a {holding} ruling on {day} for {plaintiff} cites {cid} ({}), decided {}:\n{note}",
                                c.cite,
                                c.date.0
                            );
                        }
                    }
                    if day < jiff::civil::date(2023, 12, 22) {
                        assert!(
                            !note.contains("1250A"),
                            "{id}: a ruling on {day} names section 1250A, not yet enacted:\n{note}"
                        );
                    }
                }
            }
        }
    }
    assert!(checked > 10_000, "only {checked} notes checked");
}

#[test]
fn a_1979_ruling_cites_what_1979_knew() {
    let p = rulebook::load("taiwan-1954").unwrap();
    let day = jiff::civil::date(1979, 10, 17);
    let note = doctrine_note(&p, Plaintiff::Senator, Holding::Unlawful, day);
    assert!(note.contains("Kennedy v. Sampson"), "{note}");
    assert!(
        note.contains("standing for a senator is contested"),
        "{note}"
    );
    for later in ["Raines", "Blumenthal", "Zivotofsky", "Arizona", "Lujan"] {
        assert!(!note.contains(later), "{later} in a 1979 note: {note}");
    }
    // The Supreme Court's own Goldwater order is not cited for itself.
    let note = doctrine_note(
        &p,
        Plaintiff::Senator,
        Holding::PoliticalQuestion,
        jiff::civil::date(1979, 12, 13),
    );
    assert!(!note.contains("444 U.S. 996"), "{note}");
    // A political-question holding after 2012 names Zivotofsky v. Clinton against it.
    let p = rulebook::load("us-nato-2024").unwrap();
    let note = doctrine_note(
        &p,
        Plaintiff::Senate,
        Holding::PoliticalQuestion,
        jiff::civil::date(2028, 1, 1),
    );
    assert!(note.contains("Against it: Zivotofsky v. Clinton"), "{note}");
}

#[test]
fn goldwater_is_not_a_standing_authority() {
    for id in rulebook::builtin_ids() {
        let p = rulebook::load(id).unwrap();
        for entry in &p.rulebook.doctrine {
            let all = entry.precedents.iter().chain(
                entry
                    .versions
                    .iter()
                    .flat_map(|v| v.precedents.iter().flatten()),
            );
            for precedent in all {
                assert!(
                    !precedent.starts_with("goldwater"),
                    "{id}: doctrine for {} rests on {precedent}, which did not decide standing",
                    entry.plaintiff.value
                );
            }
        }
        let pq = p.rulebook.holding_note(Holding::PoliticalQuestion).unwrap();
        assert!(
            !pq.precedents.contains(&"zivotofsky-2012".to_string()),
            "{id}: Zivotofsky v. Clinton is cited for the political question it rejected"
        );
        assert!(pq.against.contains(&"zivotofsky-2012".to_string()), "{id}");
    }
}

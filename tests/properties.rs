//! Properties over random scenarios: no input panics, and the invariants of the law hold
//! on every run that is possible.

use proptest::prelude::*;
use treatysim::calendar::anniversary;
use treatysim::vocab::TreatyStatus;
use treatysim::{engine, rulebook, scenario};

/// One random event, as a YAML flow mapping without its date.
fn event() -> impl Strategy<Value = String> {
    let bill = prop_oneof![Just("b1"), Just("b2")];
    let case = prop_oneof![Just("c1"), Just("c2")];
    let chamber = prop_oneof![Just("house"), Just("senate")];
    let holding = prop_oneof![
        Just("no_standing"),
        Just("political_question"),
        Just("unripe"),
        Just("unlawful"),
        Just("statute_invalid"),
        Just("lawful")
    ];
    prop_oneof![
        prop_oneof![
            Just("announce"),
            Just("consult_committees"),
            Just("notify_committees"),
            Just("give_notice"),
            Just("rescind_notice"),
            Just("suspend"),
            Just("resume"),
            Just("spend"),
            Just("adjourn"),
            Just("reconvene")
        ]
        .prop_map(|a| format!("do: {a}")),
        (0u32..=100).prop_map(|y| format!("do: consent_vote, yeas: {y}, nays: {}", 100 - y)),
        (0u32..=100).prop_map(|y| format!("do: cloture_vote, yeas: {y}, nays: {}", 100 - y)),
        prop_oneof![
            Just("do: adjourn, kind: sine_die"),
            Just("do: adjourn, kind: intersession, agent: true"),
            Just("do: adjourn, kind: intrasession, days: 2"),
            Just("do: adjourn, kind: intrasession, days: 20, agent: true"),
        ]
        .prop_map(str::to_string),
        (bill.clone(), chamber.clone(), any::<bool>()).prop_map(|(b, c, repeal)| format!(
            "do: introduce, bill: {b}, chamber: {c}, purpose: {}",
            if repeal {
                "repeal_limitation"
            } else {
                "authorize_withdrawal"
            }
        )),
        (bill.clone(), chamber.clone(), 0u32..=100).prop_map(|(b, c, y)| format!(
            "do: vote, bill: {b}, chamber: {c}, yeas: {y}, nays: {}",
            100 - y
        )),
        (bill.clone(), 0u32..=100)
            .prop_map(|(b, y)| format!("do: cloture_vote, bill: {b}, yeas: {y}")),
        any::<bool>().prop_map(|effective| if effective {
            "do: give_notice, effective: 2030-01-01".to_string()
        } else {
            "do: rescind_notice".to_string()
        }),
        (
            bill.clone(),
            prop_oneof![Just("present"), Just("sign"), Just("veto")]
        )
            .prop_map(|(b, a)| format!("do: {a}, bill: {b}")),
        (bill, chamber.clone(), 0u32..=100).prop_map(|(b, c, y)| format!(
            "do: override, bill: {b}, chamber: {c}, yeas: {y}, nays: {}",
            100 - y
        )),
        (chamber, 0u32..=100).prop_map(|(c, y)| format!(
            "do: authorize_suit, chamber: {c}, yeas: {y}, nays: {}",
            100 - y
        )),
        (
            case.clone(),
            prop_oneof![Just("state"), Just("senate"), Just("senator")]
        )
            .prop_map(|(c, p)| format!("do: file_suit, case: {c}, plaintiff: {p}")),
        (case.clone(), holding, any::<bool>()).prop_map(|(c, h, inj)| {
            let remedy = if h == "unlawful" && inj {
                ", remedy: injunction"
            } else {
                ""
            };
            format!("do: rule, case: {c}, holding: {h}{remedy}")
        }),
        (case.clone(), any::<bool>())
            .prop_map(|(c, g)| format!("do: cert, case: {c}, granted: {g}")),
        case.prop_map(|c| format!("do: appeal, case: {c}")),
    ]
}

fn story() -> impl Strategy<Value = (String, bool)> {
    (
        prop::collection::vec((0i64..200, event()), 1..25),
        prop_oneof![Just("us-nato-2024"), Just("us-pre-2024"), Just("as-reported-60")],
        any::<bool>(),
        0i64..800,
    )
        .prop_map(|(events, rulebook, filibuster, tail)| {
            let mut date = jiff::civil::date(2027, 1, 1);
            let mut yaml = format!("title: random\nrulebook: {rulebook}\nsetup: {{ filibuster: {filibuster} }}\nevents:\n");
            for (gap, e) in events {
                date = date.checked_add(jiff::Span::new().days(gap)).unwrap();
                yaml.push_str(&format!("  - {{ on: {date}, {e} }}\n"));
            }
            yaml.push_str(&format!("until: {}\n", date.checked_add(jiff::Span::new().days(tail)).unwrap()));
            (yaml, filibuster)
        })
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 2000, .. ProptestConfig::default() })]

    #[test]
    fn random_stories_never_panic_and_keep_the_invariants((yaml, _) in story()) {
        // Random events can name bills never introduced: that is bad input, not a panic.
        let Ok(s) = scenario::parse("random.yaml", yaml.as_str().into()) else { return Ok(()) };
        let id = s.rulebook.as_ref().map(|(id, _)| id.clone()).unwrap();
        let p = rulebook::load(&id).unwrap();
        let Ok(run) = engine::run(&p, &s) else { return Ok(()) };
        let o = &run.outcome;
        // lawful is true exactly when no violation stands.
        prop_assert_eq!(o.lawful, o.violations.is_empty());
        // Withdrawal never takes effect earlier than a year after a notice.
        if o.treaty == TreatyStatus::Withdrawn {
            let effective = o.effective_on.expect("a withdrawal has a date");
            let first_notice = s.events.iter().find(|e| e.action == treatysim::vocab::Action::GiveNotice).unwrap();
            prop_assert!(effective >= anniversary(first_notice.date, 1).unwrap());
        } else {
            prop_assert!(o.effective_on.is_none());
        }
        // Under the law before 2024 nothing is ever a violation.
        if id == "us-pre-2024" {
            prop_assert!(o.violations.is_empty());
        }
        // An enacted bill passed both chambers (or was passed over a veto).
        for (i, (_, status)) in o.bills.iter().enumerate() {
            if status == "enacted" {
                let passed_both = run.trace.iter().any(|t| t.instance == Some(i)
                    && t.track == treatysim::vocab::TrackKind::Bill
                    && p.track(t.track).graph[t.to].id == "passed_both");
                prop_assert!(passed_both);
            }
        }
        // The trace moves forward in time.
        prop_assert!(run.trace.windows(2).all(|w| w[0].date <= w[1].date));
    }

    #[test]
    fn arbitrary_text_gives_a_result_or_an_error(text in "\\PC{0,300}") {
        let _ = scenario::parse("fuzz.yaml", text.as_str().into());
    }

    #[test]
    fn mangled_scenarios_give_a_result_or_an_error((yaml, _) in story(), cut in 0usize..2000, junk in "[ :\\-\\[\\]{}#&*!|>'\"%@`a-z0-9\\n]{0,8}") {
        let cut = cut.min(yaml.len());
        let cut = (0..=cut).rev().find(|i| yaml.is_char_boundary(*i)).unwrap_or(0);
        let mangled = format!("{}{junk}{}", &yaml[..cut], &yaml[cut..]);
        if let Ok(s) = scenario::parse("m.yaml", mangled.as_str().into()) {
            let id = s.rulebook.as_ref().map(|(id, _)| id.clone()).unwrap_or_else(|| "us-nato-2024".into());
            if let Ok(p) = rulebook::load(&id) {
                let _ = engine::run(&p, &s);
            }
        }
    }
}

/// A title or a note a person might write, with everything YAML cares about: quotes,
/// backslashes, colons, `#`, dashes, braces, newlines and any Unicode.
fn awkward_text() -> impl Strategy<Value = String> {
    prop_oneof![
        "[a-zA-Z0-9 :#'\"\\\\{}\\[\\],&*!|>%@`-]{1,40}",
        "\\PC{1,30}",
        Just("C:\\new\\table: \"quoted\" # not a comment".to_string()),
        Just("- a dash first".to_string()),
        Just("yes".to_string()),
        Just("2027-03-01".to_string()),
        Just("line one\nline two".to_string()),
        Just("Ünïcödé — “quotes” ✓".to_string()),
    ]
    .prop_filter("a title has text", |t| {
        !t.trim().is_empty() && t.trim() == t
    })
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 500, .. ProptestConfig::default() })]

    /// Every scenario treatysim writes reads back as it was: the same title, setup, clock
    /// and events (with their notes), whatever the text.
    #[test]
    fn written_scenarios_read_back_equal(
        (yaml, _) in story(),
        title in awkward_text(),
        note in awkward_text(),
    ) {
        let Ok(mut s) = scenario::parse("random.yaml", yaml.as_str().into()) else { return Ok(()) };
        let id = s.rulebook.as_ref().map(|(id, _)| id.clone()).unwrap();
        let p = rulebook::load(&id).unwrap();
        s.title = title.clone();
        s.events[0].note = Some(note.clone());
        let written = scenario::write::to_yaml(&p, &s, "header: with a colon # and a hash", None);
        let back = scenario::parse("written.yaml", written.as_str().into())
            .map_err(|e| TestCaseError::fail(format!("{}\n{written}", e.render(false))))?;
        prop_assert_eq!(&back.title, &title);
        prop_assert_eq!(back.setup, s.setup);
        prop_assert_eq!(back.until, s.until);
        prop_assert_eq!(back.rulebook.as_ref().map(|r| r.0.clone()), Some(id));
        prop_assert_eq!(back.events.len(), s.events.len());
        for (a, b) in s.events.iter().zip(&back.events) {
            prop_assert_eq!(a.date, b.date);
            prop_assert_eq!(a.action, b.action);
            prop_assert_eq!(a.args, b.args);
            prop_assert_eq!(&a.note, &b.note);
        }
        prop_assert_eq!(&back.bills, &s.bills);
        prop_assert_eq!(&back.cases, &s.cases);
    }
}

//! Peer (c): the reference scenario (benches/reference.yaml) as a hand-written Rust loop
//! specialized to it — the practical limit of speed. Dates are day numbers computed
//! once; every rule is inlined; nothing is looked up. It draws the same inputs in the
//! same order from the same generator (ChaCha8, seeded with the seed, on the trial's
//! stream) as `treatysim simulate`, so its counts must equal treatysim's exactly: a
//! check of both.
//!
//! `cargo bench --bench peer_handwritten -- --trials N --seed S --threads T`
//! prints one JSON line.

use std::time::Instant;

use jiff::civil::{Date, date};
use rand::{Rng, SeedableRng};
use rand_chacha::ChaCha8Rng;
use rand_distr::{Binomial, Distribution};

/// Counts kept, as treatysim keeps them for the same outcome.
#[derive(Default, Clone)]
struct Counts {
    trials: u64,
    withdrawn: u64,
    notice_pending: u64,
    lawful: u64,
    breach_a: u64,
    breach_c: u64,
    enacted: u64,
    enjoined: u64,
    /// Withdrawal on 2028-08-01 (the anniversary); still a party (the notice revoked as
    /// an injunction standing then ordered).
    on_anniversary: u64,
    party: u64,
}

impl Counts {
    fn add(&mut self, o: &Counts) {
        self.trials += o.trials;
        self.withdrawn += o.withdrawn;
        self.notice_pending += o.notice_pending;
        self.lawful += o.lawful;
        self.breach_a += o.breach_a;
        self.breach_c += o.breach_c;
        self.enacted += o.enacted;
        self.enjoined += o.enjoined;
        self.on_anniversary += o.on_anniversary;
        self.party += o.party;
    }
}

fn day(d: Date) -> i32 {
    (d - date(1970, 1, 1)).get_days()
}

/// The dates the scenario's rules need, as day numbers, and its distributions.
struct Fixed {
    anniversary: i32,
    last_day_to_return: i32,
    committee_days: i32,
    house: Binomial,
    cloture: Binomial,
    consent: Binomial,
}

fn fixed() -> Fixed {
    // Ten days, Sundays excepted, after presentment on 2027-03-06.
    let mut d = date(2027, 3, 6);
    let mut counted = 0;
    while counted < 10 {
        d = d.tomorrow().unwrap();
        if d.weekday() != jiff::civil::Weekday::Sunday {
            counted += 1;
        }
    }
    Fixed {
        anniversary: day(date(2028, 8, 1)),
        last_day_to_return: day(d),
        committee_days: 180,
        house: Binomial::new(430, 0.52).unwrap(),
        cloture: Binomial::new(100, 0.58).unwrap(),
        consent: Binomial::new(100, 0.6).unwrap(),
    }
}

/// The scenario's events, in order, with their day numbers filled in by `events()`.
#[derive(Clone, Copy)]
enum Ev {
    Announce,
    Consult,
    Notify,
    Introduce,
    HouseVote,
    Cloture,
    SenateVote { yeas: u32, nays: u32 },
    Present,
    Veto,
    OverrideHouse { yeas: u32, nays: u32 },
    OverrideSenate { yeas: u32, nays: u32 },
    Consent,
    GiveNotice,
    ConsentCloture { yeas: u32 },
    AuthorizeSuit { yeas: u32, nays: u32 },
    FileSuit { case: usize },
    RuleNoStanding { case: usize },
    RuleDrawn { case: usize },
    Appeal { case: usize },
}

fn events() -> Vec<(i32, Ev)> {
    let d = |y, m, dd| day(date(y, m, dd));
    vec![
        (d(2027, 1, 10), Ev::Announce),
        (d(2027, 1, 15), Ev::Consult),
        (d(2027, 1, 20), Ev::Notify),
        (d(2027, 2, 1), Ev::Introduce),
        (d(2027, 2, 15), Ev::HouseVote),
        (d(2027, 3, 1), Ev::Cloture),
        (d(2027, 3, 3), Ev::SenateVote { yeas: 55, nays: 45 }),
        (d(2027, 3, 6), Ev::Present),
        (d(2027, 3, 10), Ev::Veto),
        (
            d(2027, 3, 24),
            Ev::OverrideHouse {
                yeas: 300,
                nays: 130,
            },
        ),
        (d(2027, 3, 26), Ev::OverrideSenate { yeas: 70, nays: 30 }),
        (d(2027, 3, 31), Ev::ConsentCloture { yeas: 62 }),
        (d(2027, 4, 1), Ev::Consent),
        (d(2027, 8, 1), Ev::GiveNotice),
        (d(2027, 10, 1), Ev::AuthorizeSuit { yeas: 55, nays: 45 }),
        (d(2027, 10, 5), Ev::FileSuit { case: 0 }),
        (d(2027, 10, 6), Ev::FileSuit { case: 1 }),
        (d(2028, 2, 1), Ev::RuleNoStanding { case: 1 }),
        (d(2028, 3, 1), Ev::RuleDrawn { case: 0 }),
        (d(2028, 4, 1), Ev::Appeal { case: 0 }),
        (d(2028, 9, 15), Ev::RuleNoStanding { case: 0 }),
    ]
}

#[derive(Clone, Copy, PartialEq)]
enum Bill {
    NotIntroduced,
    Introduced,
    PassedHouse,
    PassedBoth,
    Presented,
    Vetoed,
    OverriddenByHouse,
    Enacted,
    Failed,
    VetoSustained,
}

#[derive(Clone, Copy, PartialEq)]
enum Case {
    NotFiled,
    District,
    DistrictRuled,
    Appeals,
    AppealsRuled,
}

/// Majority of those voting with a quorum of the sworn present.
fn majority(yeas: u32, nays: u32, sworn: u32) -> bool {
    yeas + nays > sworn / 2 && yeas > nays && yeas >= 1
}

/// Two-thirds of those voting with a quorum present.
fn two_thirds(yeas: u32, nays: u32, sworn: u32) -> bool {
    yeas + nays > sworn / 2 && yeas * 3 >= (yeas + nays) * 2 && yeas >= 1
}

fn trial(f: &Fixed, evs: &[(i32, Ev)], seed: u64, n: u64, c: &mut Counts) {
    let mut rng = ChaCha8Rng::seed_from_u64(seed);
    rng.set_stream(n);
    // The six inputs, drawn in file order.
    let consult_happens = rng.random::<f64>() < 0.6;
    let house_yeas = f.house.sample(&mut rng) as u32;
    let cloture_yeas = f.cloture.sample(&mut rng) as u32;
    let veto_happens = rng.random::<f64>() < 0.5;
    let consent_yeas = f.consent.sample(&mut rng) as u32;
    let x = rng.random::<f64>();
    // Cumulative weights 0.5, 0.9, 1.0: no standing, unlawful, statute invalid.
    let drawn_unlawful = (0.5..0.9).contains(&x);
    let drawn_invalid = x >= 0.9;

    let mut consulted = false;
    let mut valid_notification: Option<i32> = None;
    let mut bill = Bill::NotIntroduced;
    let mut cloture = false;
    let mut return_due: Option<i32> = None;
    let mut consented = false;
    let mut act = false;
    let mut pending = false;
    let mut notice_due: Option<i32> = None;
    let mut consent_cloture = false;
    let mut effective: Option<i32> = None;
    let (mut breach_a, mut breach_c) = (false, false);
    let mut senate_suit = false;
    let mut cases = [Case::NotFiled; 2];
    // Per case: unlawful with an injunction; statute held invalid.
    let mut injunction = [false; 2];
    let mut invalid = [false; 2];

    for &(date, ev) in evs {
        // Timers due on or before the event's day fire first, in date order.
        loop {
            let treaty = notice_due.filter(|d| *d <= date);
            let bill_due = return_due.filter(|d| *d <= date);
            match (treaty, bill_due) {
                (Some(t), b) if b.is_none_or(|b| t <= b) => {
                    notice_due = None;
                    pending = false;
                    // An injunction standing is obeyed: the officials revoke the notice
                    // and the treaty stays in force.
                    if !(injunction[0] || injunction[1]) {
                        effective = Some(t);
                    }
                }
                (_, Some(_)) => {
                    // Congress is in session: unreturned, the bill is law.
                    return_due = None;
                    bill = Bill::Enacted;
                    act = true;
                }
                _ => break,
            }
        }
        match ev {
            Ev::Announce => {}
            Ev::Consult => consulted |= consult_happens,
            Ev::Notify => {
                if consulted && valid_notification.is_none() {
                    valid_notification = Some(date);
                }
            }
            Ev::Introduce => bill = Bill::Introduced,
            Ev::HouseVote => {
                if bill == Bill::Introduced {
                    bill = if majority(house_yeas, 430 - house_yeas, 435) {
                        Bill::PassedHouse
                    } else {
                        Bill::Failed
                    };
                }
            }
            Ev::Cloture => {
                if matches!(bill, Bill::Introduced | Bill::PassedHouse)
                    && cloture_yeas * 5 >= 100 * 3
                {
                    cloture = true;
                }
            }
            Ev::SenateVote { yeas, nays } => {
                if bill == Bill::PassedHouse && cloture {
                    bill = if majority(yeas, nays, 100) {
                        Bill::PassedBoth
                    } else {
                        Bill::Failed
                    };
                }
            }
            Ev::Present => {
                if bill == Bill::PassedBoth {
                    bill = Bill::Presented;
                    return_due = Some(f.last_day_to_return + 1);
                }
            }
            Ev::Veto => {
                if veto_happens && bill == Bill::Presented {
                    bill = Bill::Vetoed;
                    return_due = None;
                }
            }
            Ev::OverrideHouse { yeas, nays } => {
                if bill == Bill::Vetoed {
                    bill = if two_thirds(yeas, nays, 435) {
                        Bill::OverriddenByHouse
                    } else {
                        Bill::VetoSustained
                    };
                }
            }
            Ev::OverrideSenate { yeas, nays } => {
                if bill == Bill::OverriddenByHouse {
                    if two_thirds(yeas, nays, 100) {
                        bill = Bill::Enacted;
                        act = true;
                    } else {
                        bill = Bill::VetoSustained;
                    }
                }
            }
            Ev::ConsentCloture { yeas } => consent_cloture = yeas * 5 >= 100 * 3,
            Ev::Consent => {
                // Filibustered: the vote needs cloture on the resolution first.
                if consent_cloture && two_thirds(consent_yeas, 100 - consent_yeas, 100) {
                    consented = true;
                }
                consent_cloture = false;
            }
            Ev::GiveNotice => {
                if !pending && effective.is_none() {
                    breach_a |= !(consented || act);
                    breach_c |= valid_notification.is_none_or(|d| date - d < f.committee_days);
                    pending = true;
                    // One year on: the same day next year (none of these is Feb. 29).
                    notice_due = Some(f.anniversary);
                }
            }
            Ev::AuthorizeSuit { yeas, nays } => senate_suit |= majority(yeas, nays, 100),
            Ev::FileSuit { case } => {
                if cases[case] == Case::NotFiled && (case != 0 || senate_suit) {
                    cases[case] = Case::District;
                }
            }
            Ev::RuleNoStanding { case } | Ev::RuleDrawn { case } => {
                let next = match cases[case] {
                    Case::District | Case::DistrictRuled => Some(Case::DistrictRuled),
                    Case::Appeals | Case::AppealsRuled => Some(Case::AppealsRuled),
                    Case::NotFiled => None,
                };
                if let Some(next) = next {
                    cases[case] = next;
                    let drawn = matches!(ev, Ev::RuleDrawn { .. });
                    injunction[case] = drawn && drawn_unlawful;
                    invalid[case] = drawn && drawn_invalid;
                }
            }
            Ev::Appeal { case } => {
                if cases[case] == Case::DistrictRuled {
                    cases[case] = Case::Appeals;
                }
            }
        }
    }
    let set_aside = invalid[0] || invalid[1];
    let lawful = set_aside || (!breach_a && !breach_c);
    c.trials += 1;
    c.withdrawn += u64::from(effective.is_some());
    c.notice_pending += u64::from(pending);
    c.enacted += u64::from(bill == Bill::Enacted);
    c.enjoined += u64::from(injunction[0] || injunction[1]);
    c.breach_a += u64::from(breach_a && !set_aside);
    c.breach_c += u64::from(breach_c && !set_aside);
    c.lawful += u64::from(lawful);
    c.on_anniversary += u64::from(effective == Some(f.anniversary));
    c.party += u64::from(!pending && effective.is_none());
}

fn main() {
    let args: Vec<String> = std::env::args().collect();
    let value = |name: &str, default: u64| {
        args.iter()
            .position(|a| a == name)
            .and_then(|i| args.get(i + 1))
            .and_then(|v| v.parse().ok())
            .unwrap_or(default)
    };
    let trials = value("--trials", 2_000_000);
    let seed = value("--seed", 1);
    let threads = value("--threads", 2).max(1);
    let f = fixed();
    let evs = events();
    let start = Instant::now();
    let chunk = trials.div_ceil(threads);
    let parts: Vec<Counts> = std::thread::scope(|scope| {
        let handles: Vec<_> = (0..threads)
            .map(|t| {
                let (f, evs) = (&f, &evs);
                scope.spawn(move || {
                    let mut c = Counts::default();
                    for n in t * chunk..((t + 1) * chunk).min(trials) {
                        trial(f, evs, seed, n, &mut c);
                    }
                    c
                })
            })
            .collect();
        handles.into_iter().map(|h| h.join().unwrap()).collect()
    });
    let seconds = start.elapsed().as_secs_f64();
    let mut c = Counts::default();
    for p in &parts {
        c.add(p);
    }
    println!(
        "{{\"impl\": \"hand-written Rust\", \"threads\": {threads}, \"trials\": {}, \"seconds\": {seconds:.4}, \"trials_per_second\": {:.0}, \"withdrawn\": {}, \"notice_pending\": {}, \"enjoined\": {}, \"lawful\": {}, \"breach_a\": {}, \"breach_c\": {}, \"enacted\": {}, \"effective_2028_08_01\": {}, \"party\": {}}}",
        c.trials,
        c.trials as f64 / seconds,
        c.withdrawn,
        c.notice_pending,
        c.enjoined,
        c.lawful,
        c.breach_a,
        c.breach_c,
        c.enacted,
        c.on_anniversary,
        c.party
    );
}

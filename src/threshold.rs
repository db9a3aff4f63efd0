//! Vote arithmetic: whether a tally meets a threshold, and the sentence that shows why.
//!
//! The kinds of threshold are a closed vocabulary (majority, a fraction of those voting,
//! a fraction of the members sworn, a fixed number); which kind each vote uses, and its
//! numbers, come from the rulebook. Everything is integer arithmetic: "2/3 of N" means
//! `yeas × 3 ≥ N × 2`, never a rounded float.

use serde::Deserialize;

/// How many yeas a vote needs.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Rule {
    /// More yeas than nays. In the Senate a tie carries only with the Vice President's yea.
    Majority,
    /// `yeas × den ≥ (yeas + nays) × num`: a fraction of those present and voting.
    FractionOfVoting { num: u32, den: u32 },
    /// `yeas × den ≥ sworn × num`: a fraction of the members duly chosen and sworn.
    FractionOfSworn { num: u32, den: u32 },
    /// A fixed number of yeas, however many are sworn or voting.
    AtLeast { count: u32 },
}

/// A threshold as the rulebook states it: the rule, whether a quorum must be present, and
/// the fewest yeas that can ever carry (concurrence needs someone to concur).
#[derive(Clone, Copy, Debug, Deserialize, PartialEq, Eq)]
#[serde(try_from = "ThresholdSpec")]
pub struct Threshold {
    pub rule: Rule,
    /// A majority of the members sworn must be present (yeas, nays and "present").
    pub quorum: bool,
    /// The fewest yeas that can carry, whatever the rule says of zero voting.
    pub min_yeas: u32,
}

/// A threshold as written in a rulebook file:
/// `{ rule: fraction_of_voting, num: 2, den: 3, quorum: true, min_yeas: 1 }`.
#[derive(Deserialize, schemars::JsonSchema)]
#[serde(deny_unknown_fields)]
#[schemars(rename = "Threshold")]
struct ThresholdSpec {
    /// majority (more yeas than nays), fraction_of_voting (num/den of yeas and nays),
    /// fraction_of_sworn (num/den of the members duly chosen and sworn), or at_least (a
    /// fixed count of yeas).
    #[schemars(extend("enum" = ["majority", "fraction_of_voting", "fraction_of_sworn", "at_least"]))]
    rule: String,
    /// The fraction's numerator (2 for two-thirds).
    #[schemars(range(min = 1))]
    num: Option<u32>,
    /// The fraction's denominator (3 for two-thirds); num may not exceed it.
    #[schemars(range(min = 1))]
    den: Option<u32>,
    /// For at_least: the yeas needed.
    #[schemars(range(min = 1))]
    count: Option<u32>,
    /// Whether a majority of the members sworn must be present (yeas, nays and present).
    #[serde(default)]
    quorum: bool,
    /// The fewest yeas that can carry (1: concurrence needs someone to concur).
    #[serde(default)]
    min_yeas: u32,
}

impl schemars::JsonSchema for Threshold {
    fn schema_name() -> std::borrow::Cow<'static, str> {
        "Threshold".into()
    }
    fn json_schema(generator: &mut schemars::SchemaGenerator) -> schemars::Schema {
        ThresholdSpec::json_schema(generator)
    }
}

impl TryFrom<ThresholdSpec> for Threshold {
    type Error = String;
    fn try_from(spec: ThresholdSpec) -> Result<Self, String> {
        let fraction = |kind: &str| match (spec.num, spec.den) {
            (Some(num), Some(den)) => Ok((num, den)),
            _ => Err(format!(
                "rule {kind} needs num and den (e.g. num: 2, den: 3)"
            )),
        };
        let rule = match spec.rule.as_str() {
            "majority" => Rule::Majority,
            "fraction_of_voting" => {
                let (num, den) = fraction("fraction_of_voting")?;
                Rule::FractionOfVoting { num, den }
            }
            "fraction_of_sworn" => {
                let (num, den) = fraction("fraction_of_sworn")?;
                Rule::FractionOfSworn { num, den }
            }
            "at_least" => Rule::AtLeast {
                count: spec
                    .count
                    .ok_or("rule at_least needs a count (e.g. count: 60)")?,
            },
            other => {
                return Err(format!(
                    "unknown threshold rule \"{other}\"; valid: majority, fraction_of_voting, fraction_of_sworn, at_least"
                ));
            }
        };
        let threshold = Threshold {
            rule,
            quorum: spec.quorum,
            min_yeas: spec.min_yeas,
        };
        threshold.validate()?;
        Ok(threshold)
    }
}

/// One recorded vote.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash)]
pub struct Tally {
    pub yeas: u32,
    pub nays: u32,
    /// Present, not voting: counts toward the quorum only.
    pub present: u32,
    /// Members of the chamber duly chosen and sworn.
    pub sworn: u32,
    /// The Vice President's vote on a tied Senate vote (`Some(true)` is yea).
    pub vice_president: Option<bool>,
}

impl Tally {
    /// Those present and voting.
    pub fn voting(&self) -> u32 {
        self.yeas + self.nays
    }
    /// Those present, voting or not (the Vice President is never counted).
    pub fn attending(&self) -> u32 {
        self.yeas + self.nays + self.present
    }
}

/// The fewest present for a quorum: more than half of the members sworn.
pub fn quorum_of(sworn: u32) -> u32 {
    sworn / 2 + 1
}

/// The result of a vote and everything needed to explain it.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Verdict {
    pub carried: bool,
    /// `None` when the threshold does not ask for a quorum.
    pub quorum_met: Option<bool>,
    /// Yeas needed by the rule itself (for a majority: more than the nays).
    pub needed: u32,
}

impl Threshold {
    /// Decides the tally.
    pub fn decide(&self, tally: &Tally) -> Verdict {
        let quorum_met = self
            .quorum
            .then(|| tally.attending() >= quorum_of(tally.sworn));
        let yeas = u64::from(tally.yeas);
        let (rule_met, needed) = match self.rule {
            Rule::Majority => {
                let tie_broken = tally.yeas == tally.nays && tally.vice_president == Some(true);
                (tally.yeas > tally.nays || tie_broken, tally.nays + 1)
            }
            Rule::FractionOfVoting { num, den } => {
                let base = u64::from(tally.voting());
                (
                    yeas * u64::from(den) >= base * u64::from(num),
                    ceil_fraction(base, num, den),
                )
            }
            Rule::FractionOfSworn { num, den } => {
                let base = u64::from(tally.sworn);
                (
                    yeas * u64::from(den) >= base * u64::from(num),
                    ceil_fraction(base, num, den),
                )
            }
            Rule::AtLeast { count } => (tally.yeas >= count, count),
        };
        let carried = rule_met && quorum_met != Some(false) && tally.yeas >= self.min_yeas;
        Verdict {
            carried,
            quorum_met,
            needed,
        }
    }

    /// The arithmetic in words, e.g. "66 yeas is at least two-thirds of 99 voting (66)".
    pub fn explain(&self, tally: &Tally, members: &str) -> String {
        let verdict = self.decide(tally);
        let quorum = verdict.quorum_met.map(|met| {
            let need = quorum_of(tally.sworn);
            let text = if met {
                format!(
                    "quorum present ({} of {} sworn; {need} needed)",
                    tally.attending(),
                    tally.sworn
                )
            } else {
                format!(
                    "no quorum ({} of {} sworn present; {need} needed)",
                    tally.attending(),
                    tally.sworn
                )
            };
            (met, text)
        });
        let rule_met = verdict_rule_met(self, tally);
        let rule = self.rule_in_words(tally, members, verdict.needed, rule_met);
        let short_of_yeas = (self.min_yeas > 0 && tally.yeas < self.min_yeas).then(|| {
            format!(
                "no concurrence without at least {} yea{}",
                self.min_yeas,
                if self.min_yeas == 1 { "" } else { "s" }
            )
        });
        // A fraction met in a vote that fails for want of a quorum or of yeas says so with
        // "but", so that it never reads as the verdict ("40 yeas is at least two-thirds of
        // 45 voting (30), but no quorum (...): failed"); otherwise the parts in order.
        let quorum_failed = quorum.as_ref().is_some_and(|(ok, _)| !ok);
        let mut text = if rule_met && (quorum_failed || short_of_yeas.is_some()) {
            let mut before = Vec::new();
            let mut after = Vec::new();
            if let Some((ok, q)) = quorum {
                if ok { before.push(q) } else { after.push(q) }
            }
            before.push(rule);
            after.extend(short_of_yeas);
            format!("{}, but {}", before.join("; "), after.join("; "))
        } else {
            let mut parts: Vec<String> = quorum.map(|(_, q)| q).into_iter().collect();
            parts.push(rule);
            parts.extend(short_of_yeas);
            parts.join("; ")
        };
        text.push_str(if verdict.carried {
            ": carried"
        } else {
            ": failed"
        });
        text
    }

    /// The rule's arithmetic alone: "66 yeas is at least two-thirds of 99 voting (66)".
    fn rule_in_words(&self, tally: &Tally, members: &str, needed: u32, met: bool) -> String {
        let (y, n) = (tally.yeas, tally.nays);
        let compared = if met { "is at least" } else { "is less than" };
        match self.rule {
            Rule::Majority if y == n => match tally.vice_president {
                Some(true) => format!(
                    "{y}–{n}, equally divided: the Vice President votes yea, which carries it"
                ),
                Some(false) => format!("{y}–{n}, equally divided: the Vice President votes nay"),
                None => format!("{y}–{n}, equally divided: a tie does not carry"),
            },
            Rule::Majority if y > n => format!("{y} yeas to {n} nays is a majority"),
            Rule::Majority => format!("{y} yeas to {n} nays is not a majority"),
            Rule::FractionOfVoting { num, den } => format!(
                "{y} yeas {compared} {} of {} voting ({needed})",
                fraction_name(num, den),
                tally.voting(),
            ),
            Rule::FractionOfSworn { num, den } => format!(
                "{y} yeas {compared} {} of {} {members} sworn ({needed})",
                fraction_name(num, den),
                tally.sworn,
            ),
            Rule::AtLeast { count } => format!(
                "{y} yeas {} the {count} required",
                if y >= count {
                    "meets"
                } else {
                    "falls short of"
                }
            ),
        }
    }

    /// The threshold in a few words, e.g. "two-thirds of those voting, with a quorum".
    pub fn describe(&self, members: &str) -> String {
        let mut text = match self.rule {
            Rule::Majority => "a majority of those voting".to_string(),
            Rule::FractionOfVoting { num, den } => {
                format!("{} of those voting", fraction_name(num, den))
            }
            Rule::FractionOfSworn { num, den } => {
                format!("{} of {members} sworn", fraction_name(num, den))
            }
            Rule::AtLeast { count } => format!("at least {count} yeas"),
        };
        if self.quorum {
            text.push_str(", with a quorum");
        }
        text
    }

    /// With all `sworn` members voting, the smallest tally that carries and the largest
    /// that fails (e.g. 67–33 and 66–34 for two-thirds of 100), so that a move, a swung
    /// vote or a feedback line shows the threshold's own edge, never a number written in
    /// code. `None` when every tally carries or every tally fails.
    pub fn edge_tallies(&self, sworn: u32) -> Option<(Tally, Tally)> {
        let tally = |yeas: u32| Tally {
            yeas,
            nays: sworn - yeas,
            present: 0,
            sworn,
            vice_president: None,
        };
        let carries = (0..=sworn).map(tally).find(|t| self.decide(t).carried)?;
        let fails = (0..=sworn)
            .rev()
            .map(tally)
            .find(|t| !self.decide(t).carried)?;
        Some((carries, fails))
    }

    /// Checks the numbers make sense (no zero denominators, fractions at most one).
    pub fn validate(&self) -> Result<(), String> {
        match self.rule {
            Rule::FractionOfVoting { num, den } | Rule::FractionOfSworn { num, den }
                if den == 0 || num == 0 || num > den =>
            {
                Err(format!(
                    "the fraction {num}/{den} is not between 0 and 1 (write e.g. num: 2, den: 3)"
                ))
            }
            Rule::AtLeast { count: 0 } => Err("at_least needs a count of 1 or more".into()),
            _ => Ok(()),
        }
    }
}

fn verdict_rule_met(threshold: &Threshold, tally: &Tally) -> bool {
    Threshold {
        quorum: false,
        min_yeas: 0,
        ..*threshold
    }
    .decide(tally)
    .carried
}

fn ceil_fraction(base: u64, num: u32, den: u32) -> u32 {
    let den = u64::from(den.max(1));
    u32::try_from((base * u64::from(num)).div_ceil(den)).unwrap_or(u32::MAX)
}

/// "two-thirds", "three-fifths", or "n/d".
pub fn fraction_name(num: u32, den: u32) -> String {
    match (num, den) {
        (1, 2) => "one-half".into(),
        (2, 3) => "two-thirds".into(),
        (3, 5) => "three-fifths".into(),
        (3, 4) => "three-quarters".into(),
        _ => format!("{num}/{den}"),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const TWO_THIRDS_CONSENT: Threshold = Threshold {
        rule: Rule::FractionOfVoting { num: 2, den: 3 },
        quorum: true,
        min_yeas: 1,
    };
    const MAJORITY: Threshold = Threshold {
        rule: Rule::Majority,
        quorum: true,
        min_yeas: 0,
    };
    const CLOTURE: Threshold = Threshold {
        rule: Rule::FractionOfSworn { num: 3, den: 5 },
        quorum: false,
        min_yeas: 0,
    };
    const OVERRIDE: Threshold = Threshold {
        rule: Rule::FractionOfVoting { num: 2, den: 3 },
        quorum: true,
        min_yeas: 0,
    };

    #[test]
    fn edge_tallies_are_the_thresholds_own() {
        let edge = |t: Threshold, sworn| {
            let (c, f) = t.edge_tallies(sworn).unwrap();
            ((c.yeas, c.nays), (f.yeas, f.nays))
        };
        assert_eq!(edge(TWO_THIRDS_CONSENT, 100), ((67, 33), (66, 34)));
        assert_eq!(edge(CLOTURE, 100), ((60, 40), (59, 41)));
        assert_eq!(edge(CLOTURE, 98), ((59, 39), (58, 40)));
        assert_eq!(edge(MAJORITY, 100), ((51, 49), (50, 50)));
        assert_eq!(edge(MAJORITY, 435), ((218, 217), (217, 218)));
        assert_eq!(edge(OVERRIDE, 435), ((290, 145), (289, 146)));
        let sixty = Threshold {
            rule: Rule::AtLeast { count: 60 },
            quorum: true,
            min_yeas: 1,
        };
        assert_eq!(edge(sixty, 100), ((60, 40), (59, 41)));
        let impossible = Threshold {
            rule: Rule::AtLeast { count: 500 },
            quorum: false,
            min_yeas: 0,
        };
        assert_eq!(impossible.edge_tallies(100), None);
    }

    fn senate(yeas: u32, nays: u32, present: u32) -> Tally {
        Tally {
            yeas,
            nays,
            present,
            sworn: 100,
            vice_president: None,
        }
    }

    fn with_vp(yeas: u32, nays: u32, vp: Option<bool>) -> Tally {
        Tally {
            vice_president: vp,
            ..senate(yeas, nays, 0)
        }
    }

    #[test]
    fn explanations_say_why_a_vote_carried_or_failed() {
        let says = |t: &Threshold, tally: &Tally| t.explain(tally, "senators");
        assert!(says(&MAJORITY, &senate(51, 49, 0)).contains("51 yeas to 49 nays is a majority"));
        assert!(
            says(&MAJORITY, &senate(49, 51, 0)).contains("49 yeas to 51 nays is not a majority")
        );
        assert!(
            says(&MAJORITY, &with_vp(50, 50, Some(true)))
                .contains("50–50, equally divided: the Vice President votes yea, which carries it")
        );
        assert!(
            says(&MAJORITY, &with_vp(50, 50, Some(false)))
                .contains("50–50, equally divided: the Vice President votes nay")
        );
        assert!(
            says(&MAJORITY, &with_vp(50, 50, None))
                .contains("50–50, equally divided: a tie does not carry")
        );
        // The fraction is judged alone, whatever the quorum and the minimum of yeas say.
        let no_quorum = says(&TWO_THIRDS_CONSENT, &senate(30, 10, 0));
        assert!(
            no_quorum.contains("no quorum (40 of 100 sworn present; 51 needed)"),
            "{no_quorum}"
        );
        assert!(
            no_quorum.contains("30 yeas is at least two-thirds of 40 voting (27)"),
            "{no_quorum}"
        );
        assert!(no_quorum.ends_with(": failed"), "{no_quorum}");
        // What fails it comes after "but": the fraction met never reads as the verdict.
        assert_eq!(
            no_quorum,
            "30 yeas is at least two-thirds of 40 voting (27), but no quorum (40 of 100 sworn present; 51 needed): failed"
        );
        assert_eq!(
            says(&TWO_THIRDS_CONSENT, &senate(20, 20, 0)),
            "no quorum (40 of 100 sworn present; 51 needed); 20 yeas is less than two-thirds of 40 voting (27): failed"
        );
        let nobody = says(&TWO_THIRDS_CONSENT, &senate(0, 0, 60));
        assert!(
            nobody.contains("0 yeas is at least two-thirds of 0 voting"),
            "{nobody}"
        );
        assert!(
            nobody.contains("no concurrence without at least 1 yea"),
            "{nobody}"
        );
        let one = says(&TWO_THIRDS_CONSENT, &senate(1, 0, 59));
        assert!(!one.contains("no concurrence"), "{one}");
        assert!(one.ends_with(": carried"), "{one}");
        let short = says(&CLOTURE, &senate(59, 41, 0));
        assert!(
            short.contains("59 yeas is less than three-fifths of 100 senators sworn (60)"),
            "{short}"
        );
    }

    #[test]
    fn thresholds_in_a_few_words() {
        assert_eq!(
            TWO_THIRDS_CONSENT.describe("senators"),
            "two-thirds of those voting, with a quorum"
        );
        assert_eq!(
            MAJORITY.describe("senators"),
            "a majority of those voting, with a quorum"
        );
        assert_eq!(
            CLOTURE.describe("senators"),
            "three-fifths of senators sworn"
        );
        let sixty = Threshold {
            rule: Rule::AtLeast { count: 60 },
            quorum: false,
            min_yeas: 0,
        };
        assert_eq!(sixty.describe("senators"), "at least 60 yeas");
        assert_eq!(fraction_name(1, 2), "one-half");
        assert_eq!(fraction_name(3, 4), "three-quarters");
        assert_eq!(fraction_name(4, 7), "4/7");
    }

    #[test]
    fn only_sensible_thresholds_are_accepted() {
        let fraction = |num, den| Threshold {
            rule: Rule::FractionOfVoting { num, den },
            quorum: true,
            min_yeas: 0,
        };
        assert!(fraction(2, 3).validate().is_ok());
        assert!(fraction(1, 1).validate().is_ok(), "unanimity is a fraction");
        assert!(fraction(3, 2).validate().is_err());
        assert!(fraction(0, 3).validate().is_err());
        assert!(fraction(2, 0).validate().is_err());
        let at_least = |count| Threshold {
            rule: Rule::AtLeast { count },
            quorum: false,
            min_yeas: 0,
        };
        assert!(at_least(60).validate().is_ok());
        assert!(at_least(0).validate().is_err());
    }

    #[test]
    fn a_majority_needs_one_more_yea_than_the_nays() {
        assert_eq!(MAJORITY.decide(&senate(40, 58, 0)).needed, 59);
        assert_eq!(MAJORITY.decide(&senate(50, 50, 0)).needed, 51);
        assert_eq!(MAJORITY.decide(&senate(0, 0, 60)).needed, 1);
        assert!(MAJORITY.decide(&senate(51, 49, 0)).carried);
        assert!(!MAJORITY.decide(&senate(50, 50, 0)).carried, "a tie fails");
    }

    #[test]
    fn consent_at_the_two_thirds_edge() {
        assert!(TWO_THIRDS_CONSENT.decide(&senate(66, 33, 0)).carried);
        assert!(TWO_THIRDS_CONSENT.decide(&senate(67, 33, 0)).carried);
        assert!(!TWO_THIRDS_CONSENT.decide(&senate(65, 33, 2)).carried);
        assert!(!TWO_THIRDS_CONSENT.decide(&senate(60, 40, 0)).carried);
        assert_eq!(
            TWO_THIRDS_CONSENT.explain(&senate(66, 33, 0), "senators"),
            "quorum present (99 of 100 sworn; 51 needed); 66 yeas is at least two-thirds of 99 voting (66): carried"
        );
        assert!(
            TWO_THIRDS_CONSENT
                .explain(&senate(65, 33, 2), "senators")
                .contains("65 yeas is less than two-thirds of 98 voting (66)")
        );
    }

    #[test]
    fn consent_needs_a_quorum_and_a_yea() {
        // 45 voting, all yea: two-thirds of those voting, but no quorum.
        let v = TWO_THIRDS_CONSENT.decide(&senate(45, 0, 0));
        assert_eq!(v.quorum_met, Some(false));
        assert!(!v.carried);
        // 50 present is not a quorum of 100; 51 is.
        assert!(!TWO_THIRDS_CONSENT.decide(&senate(50, 0, 0)).carried);
        assert!(TWO_THIRDS_CONSENT.decide(&senate(51, 0, 0)).carried);
        // 0-0 with 51 present: a quorum, but nobody concurred.
        let v = TWO_THIRDS_CONSENT.decide(&senate(0, 0, 51));
        assert_eq!(v.quorum_met, Some(true));
        assert!(!v.carried);
        assert!(
            TWO_THIRDS_CONSENT
                .explain(&senate(0, 0, 51), "senators")
                .contains("at least 1 yea")
        );
    }

    #[test]
    fn present_counts_toward_quorum_only() {
        // 40 yeas, 5 nays, 6 present: 51 attending is a quorum; 40 ≥ 2/3 of 45 (30).
        assert!(TWO_THIRDS_CONSENT.decide(&senate(40, 5, 6)).carried);
        assert!(!TWO_THIRDS_CONSENT.decide(&senate(40, 5, 5)).carried);
    }

    #[test]
    fn cloture_is_three_fifths_of_sworn() {
        assert!(CLOTURE.decide(&senate(60, 40, 0)).carried);
        assert!(!CLOTURE.decide(&senate(59, 41, 0)).carried);
        let vacancies = |yeas| Tally {
            yeas,
            nays: 0,
            present: 0,
            sworn: 98,
            vice_president: None,
        };
        // 3/5 of 98 is 58.8: 59 yeas invoke cloture, 58 do not.
        assert!(CLOTURE.decide(&vacancies(59)).carried);
        assert!(!CLOTURE.decide(&vacancies(58)).carried);
        assert_eq!(CLOTURE.decide(&vacancies(59)).needed, 59);
        assert!(
            CLOTURE
                .explain(&vacancies(59), "senators")
                .contains("59 yeas is at least three-fifths of 98 senators sworn (59)")
        );
    }

    #[test]
    fn house_override_at_the_two_thirds_edge() {
        let house = |yeas, nays| Tally {
            yeas,
            nays,
            present: 0,
            sworn: 435,
            vice_president: None,
        };
        assert!(OVERRIDE.decide(&house(290, 145)).carried);
        assert!(!OVERRIDE.decide(&house(289, 146)).carried);
        // A quorum of 435 is 218.
        assert_eq!(quorum_of(435), 218);
        assert!(!OVERRIDE.decide(&house(200, 17)).carried);
        assert!(OVERRIDE.decide(&house(200, 18)).carried);
    }

    #[test]
    fn a_tie_carries_only_with_the_vice_president() {
        let mut t = senate(50, 50, 0);
        assert!(!MAJORITY.decide(&t).carried);
        t.vice_president = Some(true);
        assert!(MAJORITY.decide(&t).carried);
        assert!(MAJORITY.explain(&t, "senators").contains("equally divided"));
        t.vice_president = Some(false);
        assert!(!MAJORITY.decide(&t).carried);
        assert!(MAJORITY.decide(&senate(51, 49, 0)).carried);
        assert!(!MAJORITY.decide(&senate(49, 51, 0)).carried);
        // The Vice President never makes a quorum: 25-25 of 100 sworn fails.
        let mut small = senate(25, 25, 0);
        small.vice_president = Some(true);
        assert!(!MAJORITY.decide(&small).carried);
    }

    #[test]
    fn fixed_sixty_ignores_vacancies() {
        let sixty = Threshold {
            rule: Rule::AtLeast { count: 60 },
            quorum: true,
            min_yeas: 1,
        };
        let t = Tally {
            yeas: 59,
            nays: 39,
            present: 0,
            sworn: 98,
            vice_president: None,
        };
        assert!(!sixty.decide(&t).carried);
        assert!(sixty.decide(&Tally { yeas: 60, ..t }).carried);
    }

    #[test]
    fn quorum_is_more_than_half_of_sworn() {
        assert_eq!(quorum_of(100), 51);
        assert_eq!(quorum_of(99), 50);
        assert_eq!(quorum_of(98), 50);
        assert_eq!(quorum_of(1), 1);
    }

    #[test]
    fn malformed_fractions_are_rejected() {
        let bad = Threshold {
            rule: Rule::FractionOfVoting { num: 3, den: 2 },
            quorum: false,
            min_yeas: 0,
        };
        assert!(bad.validate().is_err());
        assert!(TWO_THIRDS_CONSENT.validate().is_ok());
    }
}

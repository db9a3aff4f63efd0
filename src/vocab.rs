//! The closed vocabulary shared by scenario files, rulebooks and outputs: actions,
//! chambers, plaintiffs, holdings, remedies, bill purposes, actors and track kinds.
//!
//! Each word has exactly one spelling, the one SCENARIO-FORMAT.md gives. Parsing a word
//! that is not in the list is an error that names the list (see [`Word::parse`]).

/// A closed set of words with one spelling each.
pub trait Word: Sized + Copy + 'static {
    /// Every value, in the order documentation lists them.
    const ALL: &'static [Self];
    /// What the set is called in messages ("action", "holding").
    const KIND: &'static str;
    /// The kind in the plural: "treaty statuses".
    const KINDS: &'static str;
    /// The spelling used in files and output.
    fn name(self) -> &'static str;
    /// What the word means, in one sentence (hover text in editors, help).
    fn describe(self) -> &'static str;

    /// Every spelling, in order.
    fn names() -> Vec<&'static str> {
        Self::ALL.iter().map(|w| w.name()).collect()
    }

    /// The value spelled `text`, or a message that quotes it and lists what is valid.
    fn parse(text: &str) -> Result<Self, String> {
        Self::ALL
            .iter()
            .copied()
            .find(|w| w.name() == text)
            .ok_or_else(|| {
                let names = Self::names();
                let mut message = format!("unknown {} \"{text}\"", Self::KIND);
                if let Some(near) = crate::diag::did_you_mean(text, names.iter().copied()) {
                    message.push_str(&format!(" (did you mean {near}?)"));
                }
                message
            })
    }

    /// "valid: a, b or c".
    fn valid_list() -> String {
        format!(
            "valid {}: {}",
            Self::KINDS,
            crate::diag::one_of(&Self::names())
        )
    }
}

macro_rules! words {
    ($(#[$meta:meta])* $name:ident, $kind:literal / $kinds:literal { $($(#[$vmeta:meta])* $variant:ident = $text:literal => $desc:literal),+ $(,)? }) => {
        $(#[$meta])*
        #[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
        pub enum $name { $($(#[$vmeta])* $variant),+ }
        impl Word for $name {
            const ALL: &'static [Self] = &[$($name::$variant),+];
            const KIND: &'static str = $kind;
            const KINDS: &'static str = $kinds;
            fn name(self) -> &'static str {
                match self { $($name::$variant => $text),+ }
            }
            fn describe(self) -> &'static str {
                match self { $($name::$variant => $desc),+ }
            }
        }
        impl std::fmt::Display for $name {
            fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
                f.write_str(self.name())
            }
        }
    };
}

words! {
    /// What a scenario event does (`do:`).
    Action, "action" / "actions" {
        Announce = "announce" => "The President states an intent to withdraw; no legal effect.",
        ConsultCommittees = "consult_committees" => "The President consults the congressional committees a statute names before notice is given.",
        NotifyCommittees = "notify_committees" => "The President notifies those committees in writing; a statute may ask for this some days before notice of withdrawal.",
        GiveNotice = "give_notice" => "The President gives notice of withdrawal under the treaty's withdrawal clause; it takes effect after the treaty's notice period. Optional `effective`: a later day the notice names.",
        RescindNotice = "rescind_notice" => "The President withdraws a pending notice before it takes effect.",
        Suspend = "suspend" => "The President suspends U.S. obligations under the treaty.",
        Resume = "resume" => "The President ends a suspension.",
        Spend = "spend" => "Funds are used to carry out withdrawal; optional `amount` in dollars. A statute may bar funds for an unauthorized withdrawal.",
        Drawdown = "drawdown" => "Forces are reduced; optional `troops`. Not a treaty act.",
        ConsentVote = "consent_vote" => "Senate vote on a resolution of advice and consent to withdraw, by the rulebook's consent threshold. Takes `yeas`, `nays`, optional `present`.",
        Introduce = "introduce" => "A bill or joint resolution is introduced. Takes `bill`, `chamber`, `purpose`.",
        Vote = "vote" => "Passage vote in one chamber, by the rulebook's passage threshold. Takes `bill`, `chamber`, `yeas`, `nays`, optional `present` and `vice_president`.",
        ClotureVote = "cloture_vote" => "Senate vote to end debate, by the rulebook's cloture threshold: on a bill or its veto message (`bill`), or without `bill` on the resolution of advice and consent. Takes `yeas`, optional `bill`, `nays`.",
        Present = "present" => "The bill, passed by both chambers, is presented to the President. Takes `bill`.",
        Sign = "sign" => "The President signs the bill and it becomes law. Takes `bill`.",
        Veto = "veto" => "The President returns the bill with objections to its house of origin. Takes `bill`.",
        Override = "override" => "A vote to pass the bill over the veto, by the rulebook's override threshold, in each chamber, the house of origin first. Takes `bill`, `chamber`, `yeas`, `nays`.",
        Adjourn = "adjourn" => "Congress adjourns: no chamber votes until it reconvenes, and a bill's return may be prevented (a pocket veto). Optional `kind` (sine_die, intersession, intrasession), `days`, `agent`.",
        Reconvene = "reconvene" => "Congress returns from an adjournment.",
        AuthorizeSuit = "authorize_suit" => "A chamber adopts a resolution directing its counsel to sue. Takes `chamber`, `yeas`, `nays`, optional `present`.",
        FileSuit = "file_suit" => "A lawsuit challenging the withdrawal is filed in the district court. Takes `case`, `plaintiff`.",
        Rule = "rule" => "The court that has the case decides it. Takes `case`, `holding`, optional `remedy`.",
        Appeal = "appeal" => "The losing side appeals to the next court. Takes `case`.",
        Cert = "cert" => "The Supreme Court grants or denies certiorari. Takes `case`, `granted`.",
    }
}

impl Action {
    /// Every track an action can move: its own ([`Action::track`]), and for a cloture
    /// vote also the consent resolution's.
    pub fn tracks(self) -> &'static [TrackKind] {
        match self {
            Action::ClotureVote => &[TrackKind::Bill, TrackKind::Consent],
            _ => match self.track() {
                TrackKind::Treaty => &[TrackKind::Treaty],
                TrackKind::Suspension => &[TrackKind::Suspension],
                TrackKind::Consent => &[TrackKind::Consent],
                TrackKind::Congress => &[TrackKind::Congress],
                TrackKind::Executive => &[TrackKind::Executive],
                TrackKind::Bill => &[TrackKind::Bill],
                TrackKind::Case => &[TrackKind::Case],
            },
        }
    }

    /// The track an action moves.
    pub fn track(self) -> TrackKind {
        use Action::*;
        match self {
            GiveNotice | RescindNotice => TrackKind::Treaty,
            Suspend | Resume => TrackKind::Suspension,
            ConsentVote => TrackKind::Consent,
            Adjourn | Reconvene | AuthorizeSuit => TrackKind::Congress,
            Announce | ConsultCommittees | NotifyCommittees | Spend | Drawdown => {
                TrackKind::Executive
            }
            Introduce | Vote | ClotureVote | Present | Sign | Veto | Override => TrackKind::Bill,
            FileSuit | Rule | Appeal | Cert => TrackKind::Case,
        }
    }
}

words! {
    /// A chamber of Congress.
    Chamber, "chamber" / "chambers" {
        House = "house" => "The House of Representatives (435 seats).",
        Senate = "senate" => "The Senate (100 seats).",
    }
}

impl Chamber {
    /// "the House", "the Senate".
    pub fn title(self) -> &'static str {
        match self {
            Chamber::House => "the House",
            Chamber::Senate => "the Senate",
        }
    }
    /// "representatives", "senators".
    pub fn members(self) -> &'static str {
        match self {
            Chamber::House => "representatives",
            Chamber::Senate => "senators",
        }
    }
    /// Seats in the chamber.
    pub fn seats(self) -> u32 {
        match self {
            Chamber::House => 435,
            Chamber::Senate => 100,
        }
    }
}

words! {
    /// What kind of adjournment Congress takes (`adjourn` with `kind:`), which decides,
    /// under the rulebook's view, whether it prevents a bill's return.
    AdjournmentKind, "kind of adjournment" / "kinds of adjournment" {
        SineDie = "sine_die" => "The final adjournment of a Congress.",
        Intersession = "intersession" => "An adjournment between the sessions of one Congress.",
        Intrasession = "intrasession" => "A recess within a session (give its length in `days`).",
    }
}

words! {
    /// Who brings a lawsuit.
    Plaintiff, "plaintiff" / "plaintiffs" {
        Senate = "senate" => "The Senate as a body, after a resolution directing its counsel to sue (authorize_suit).",
        House = "house" => "The House as a body, after a resolution directing its counsel to sue (authorize_suit).",
        Congress = "congress" => "Both chambers together, each having authorized the suit.",
        Senator = "senator" => "An individual senator, claiming an injury to the senator's vote.",
        Representative = "representative" => "An individual representative, claiming an injury to the member's vote.",
        ServiceMember = "service_member" => "A member of the armed forces claiming an injury of their own.",
        PropertyOwner = "property_owner" => "An owner of property claiming an injury of their own.",
        State = "state" => "A State of the Union.",
        Taxpayer = "taxpayer" => "A taxpayer as such (a generalized grievance).",
    }
}

words! {
    /// What a court holds.
    Holding, "holding" / "holdings" {
        NoStanding = "no_standing" => "The plaintiff has no standing; the case is dismissed.",
        PoliticalQuestion = "political_question" => "The question is for the political branches, not the courts.",
        Unripe = "unripe" => "The dispute is not yet ripe for decision.",
        Unlawful = "unlawful" => "The court reaches the merits and holds the withdrawal unlawful; a remedy may follow.",
        StatuteInvalid = "statute_invalid" => "The statute limiting withdrawal is unconstitutional as applied; the President's act stands.",
        /// The court reaches the merits and upholds the act (an extension of the format).
        Lawful = "lawful" => "The court reaches the merits and upholds the act (an extension of the format).",
    }
}

impl Holding {
    /// Whether the court found standing (reached a question beyond it).
    pub fn finds_standing(self) -> bool {
        matches!(
            self,
            Holding::Unlawful | Holding::StatuteInvalid | Holding::Lawful
        )
    }
}

words! {
    /// What a court orders with an `unlawful` holding.
    Remedy, "remedy" / "remedies" {
        Injunction = "injunction" => "The court orders the officials to revoke a pending notice (or not to act on one); it binds U.S. officials, not the treaty's other parties.",
        Declaratory = "declaratory" => "The court declares the act unlawful without enjoining it.",
        None = "none" => "No remedy is ordered.",
    }
}

words! {
    /// What an Act of Congress does.
    Purpose, "purpose" / "purposes" {
        /// Authorizes withdrawal (the Act-of-Congress route).
        AuthorizeWithdrawal = "authorize_withdrawal" => "Authorizes withdrawal: the Act-of-Congress route.",
        /// Repeals the statute limiting withdrawal, for every later action.
        RepealLimitation = "repeal_limitation" => "Repeals the statute limiting withdrawal, for every later action.",
    }
}

words! {
    /// Who takes a step: the timeline groups lines by actor.
    Actor, "actor" / "actors" {
        President = "president" => "The President.",
        Senate = "senate" => "The Senate.",
        House = "house" => "The House of Representatives.",
        Congress = "congress" => "Congress as a whole.",
        /// The chamber named by the event (introduce, override, authorize_suit).
        Chamber = "chamber" => "The chamber named by the event.",
        Courts = "courts" => "The courts.",
        /// The plaintiff of the case (file_suit, appeal).
        Plaintiff = "plaintiff" => "The plaintiff of the case.",
        Clock = "clock" => "Time passing: deadlines and periods that run out.",
    }
}

words! {
    /// The strands of the procedure.
    TrackKind, "track" / "tracks" {
        Treaty = "treaty" => "The treaty's status: party, notice pending, withdrawn.",
        Suspension = "suspension" => "Whether the treaty's obligations are suspended.",
        Consent = "consent" => "The Senate's advice and consent to withdrawal.",
        Congress = "congress" => "Sessions of Congress and resolutions to sue.",
        Executive = "executive" => "What the President does besides notice: consultation, notification, funds, forces.",
        Bill = "bill" => "One bill on its way to becoming an Act of Congress.",
        Case = "case" => "One lawsuit on its way through the courts.",
    }
}

words! {
    /// What the treaty's status reads.
    TreatyStatus, "treaty status" / "treaty statuses" {
        Party = "party" => "The United States is a party to the treaty.",
        NoticePending = "notice_pending" => "Notice of withdrawal has been given; the treaty's notice period is running.",
        Suspended = "suspended" => "The United States' obligations under the treaty are suspended.",
        Withdrawn = "withdrawn" => "Withdrawal has taken effect.",
    }
}

words! {
    /// What `expect: doctrine` says of the court's rulings (an extension of the format).
    DoctrineExpectation, "doctrine expectation" / "doctrine expectations" {
        Followed = "followed" => "No ruling departs from the rulebook's expected view of standing (a contested question may go either way).",
        Departed = "departed" => "At least one ruling departs from the expected view of standing (for instance a single senator found to have standing).",
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_action_parses_back() {
        for a in Action::ALL {
            assert_eq!(Action::parse(a.name()), Ok(*a));
        }
    }

    #[test]
    fn unknown_words_are_quoted_with_a_suggestion() {
        let err = Action::parse("give_notise").unwrap_err();
        assert!(err.contains("\"give_notise\""), "{err}");
        assert!(err.contains("did you mean give_notice?"), "{err}");
        assert!(Holding::valid_list().contains("statute_invalid"));
        // Each kind names its own plural (not "treaty statuss", "kind of adjournments").
        assert!(TreatyStatus::valid_list().starts_with("valid treaty statuses: "));
        assert!(AdjournmentKind::valid_list().starts_with("valid kinds of adjournment: "));
        assert!(Remedy::valid_list().starts_with("valid remedies: "));
    }
}

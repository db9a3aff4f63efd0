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
    /// The spelling used in files and output.
    fn name(self) -> &'static str;

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
            "valid {}s: {}",
            Self::KIND,
            crate::diag::one_of(&Self::names())
        )
    }
}

macro_rules! words {
    ($(#[$meta:meta])* $name:ident, $kind:literal { $($(#[$vmeta:meta])* $variant:ident = $text:literal),+ $(,)? }) => {
        $(#[$meta])*
        #[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
        pub enum $name { $($(#[$vmeta])* $variant),+ }
        impl Word for $name {
            const ALL: &'static [Self] = &[$($name::$variant),+];
            const KIND: &'static str = $kind;
            fn name(self) -> &'static str {
                match self { $($name::$variant => $text),+ }
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
    Action, "action" {
        Announce = "announce",
        ConsultCommittees = "consult_committees",
        NotifyCommittees = "notify_committees",
        GiveNotice = "give_notice",
        RescindNotice = "rescind_notice",
        Suspend = "suspend",
        Resume = "resume",
        Spend = "spend",
        Drawdown = "drawdown",
        ConsentVote = "consent_vote",
        Introduce = "introduce",
        Vote = "vote",
        ClotureVote = "cloture_vote",
        Present = "present",
        Sign = "sign",
        Veto = "veto",
        Override = "override",
        Adjourn = "adjourn",
        Reconvene = "reconvene",
        AuthorizeSuit = "authorize_suit",
        FileSuit = "file_suit",
        Rule = "rule",
        Appeal = "appeal",
        Cert = "cert",
    }
}

impl Action {
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
    Chamber, "chamber" { House = "house", Senate = "senate" }
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
    /// Who brings a lawsuit.
    Plaintiff, "plaintiff" {
        Senate = "senate",
        House = "house",
        Congress = "congress",
        Senator = "senator",
        Representative = "representative",
        ServiceMember = "service_member",
        PropertyOwner = "property_owner",
        State = "state",
        Taxpayer = "taxpayer",
    }
}

words! {
    /// What a court holds.
    Holding, "holding" {
        NoStanding = "no_standing",
        PoliticalQuestion = "political_question",
        Unripe = "unripe",
        Unlawful = "unlawful",
        StatuteInvalid = "statute_invalid",
        /// The court reaches the merits and upholds the act (an extension of the format).
        Lawful = "lawful",
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
    Remedy, "remedy" { Injunction = "injunction", Declaratory = "declaratory", None = "none" }
}

words! {
    /// What an Act of Congress does.
    Purpose, "purpose" {
        /// Authorizes withdrawal (the Act-of-Congress route of 1250A(a)).
        AuthorizeWithdrawal = "authorize_withdrawal",
        /// Repeals section 1250A for every later action.
        RepealLimitation = "repeal_limitation",
    }
}

words! {
    /// Who takes a step: the timeline groups lines by actor.
    Actor, "actor" {
        President = "president",
        Senate = "senate",
        House = "house",
        Congress = "congress",
        /// The chamber named by the event (introduce, override, authorize_suit).
        Chamber = "chamber",
        Courts = "courts",
        /// The plaintiff of the case (file_suit, appeal).
        Plaintiff = "plaintiff",
        Clock = "clock",
    }
}

words! {
    /// The strands of the procedure.
    TrackKind, "track" {
        Treaty = "treaty",
        Suspension = "suspension",
        Consent = "consent",
        Congress = "congress",
        Executive = "executive",
        Bill = "bill",
        Case = "case",
    }
}

words! {
    /// What the treaty's status reads.
    TreatyStatus, "treaty status" {
        Party = "party",
        NoticePending = "notice_pending",
        Suspended = "suspended",
        Withdrawn = "withdrawn",
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
    }
}

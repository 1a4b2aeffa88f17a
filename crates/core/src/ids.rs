//! The contract's fixed identifiers (shared/DOMAIN.md). Never translated, never renamed.
//!
//! Each id has one source: its `as_str()` here. The JSON output, the CLI's text and the
//! views' `data-*` attributes all read it.

use crate::evaluate::{Changes, Phase, Status, Verdict};
use crate::session::Session;

/// Checklist items, declared in the contract's order (the derived `Ord` is that order).
///
/// `Piece(i)` is the piece `session.pieces[i]` a version-2 session file declares (item id
/// `piece:<id>`), listed after `attach-diploma` and before `mail-file` in the file's order,
/// which is where the variant and its index put it in the derived `Ord` (ADR 0014). Its
/// contract id needs the session: [`ItemId::as_str_in`].
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum ItemId {
    CreateAccount,
    ActivateAccount,
    RegisterOnline,
    DeclareHandicap,
    RequestAccommodation,
    DeclareAcquis,
    PrintConfirmation,
    SignConfirmation,
    AttachSupportingDocuments,
    AttachAccommodationNotice,
    AttachTranscript,
    AttachDiploma,
    #[cfg(feature = "v2")]
    Piece(u16),
    MailFile,
    ReadReferentiel,
}

impl ItemId {
    /// The notice's items (every item but the declared pieces), in the contract's order.
    pub const ALL: [ItemId; 14] = [
        ItemId::CreateAccount,
        ItemId::ActivateAccount,
        ItemId::RegisterOnline,
        ItemId::DeclareHandicap,
        ItemId::RequestAccommodation,
        ItemId::DeclareAcquis,
        ItemId::PrintConfirmation,
        ItemId::SignConfirmation,
        ItemId::AttachSupportingDocuments,
        ItemId::AttachAccommodationNotice,
        ItemId::AttachTranscript,
        ItemId::AttachDiploma,
        ItemId::MailFile,
        ItemId::ReadReferentiel,
    ];

    /// The contract id of one of the notice's items. A piece's id is the session's: use
    /// [`ItemId::as_str_in`]; here it reads `"piece"`.
    pub fn as_str(self) -> &'static str {
        match self {
            #[cfg(feature = "v2")]
            ItemId::Piece(_) => "piece",
            ItemId::CreateAccount => "create-account",
            ItemId::ActivateAccount => "activate-account",
            ItemId::RegisterOnline => "register-online",
            ItemId::DeclareHandicap => "declare-handicap",
            ItemId::RequestAccommodation => "request-accommodation",
            ItemId::DeclareAcquis => "declare-acquis",
            ItemId::PrintConfirmation => "print-confirmation",
            ItemId::SignConfirmation => "sign-confirmation",
            ItemId::AttachSupportingDocuments => "attach-supporting-documents",
            ItemId::AttachAccommodationNotice => "attach-accommodation-notice",
            ItemId::AttachTranscript => "attach-transcript",
            ItemId::AttachDiploma => "attach-diploma",
            ItemId::MailFile => "mail-file",
            ItemId::ReadReferentiel => "read-referentiel",
        }
    }

    /// The contract id in this session: `piece:<id>` for a declared piece (`"piece:"` for an
    /// index the session does not have), else [`ItemId::as_str`].
    #[cfg_attr(not(feature = "v2"), allow(unused_variables))]
    pub fn as_str_in(self, session: &Session) -> &str {
        match self {
            #[cfg(feature = "v2")]
            ItemId::Piece(i) => session
                .pieces
                .get(usize::from(i))
                .map_or("piece:", |p| p.key.as_str()),
            _ => self.as_str(),
        }
    }

    /// One of the notice's item ids (never a piece: see [`ItemId::parse_in`]).
    pub fn parse(s: &str) -> Option<ItemId> {
        ItemId::ALL.into_iter().find(|id| id.as_str() == s)
    }

    /// An item id of this session: the notice's, or `piece:<id>` of a declared piece.
    #[cfg_attr(not(feature = "v2"), allow(unused_variables))]
    pub fn parse_in(s: &str, session: &Session) -> Option<ItemId> {
        match s.strip_prefix("piece:") {
            #[cfg(not(feature = "v2"))]
            Some(_) => None,
            #[cfg(feature = "v2")]
            Some(_) => session
                .pieces
                .iter()
                .position(|p| p.key == s)
                .and_then(|i| u16::try_from(i).ok())
                .map(ItemId::Piece),
            None => ItemId::parse(s),
        }
    }

    /// A piece declared by the session file, not one of the notice's items.
    pub fn is_piece(self) -> bool {
        #[cfg(feature = "v2")]
        return matches!(self, ItemId::Piece(_));
        #[cfg(not(feature = "v2"))]
        false
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum DeadlineId {
    RegistrationOpens,
    RegistrationCloses,
    ActivationDeadline,
    ReturnOpens,
    ReturnCloses,
}

impl DeadlineId {
    pub const ALL: [DeadlineId; 5] = [
        DeadlineId::RegistrationOpens,
        DeadlineId::RegistrationCloses,
        DeadlineId::ActivationDeadline,
        DeadlineId::ReturnOpens,
        DeadlineId::ReturnCloses,
    ];

    pub fn as_str(self) -> &'static str {
        match self {
            DeadlineId::RegistrationOpens => "registration-opens",
            DeadlineId::RegistrationCloses => "registration-closes",
            DeadlineId::ActivationDeadline => "activation-deadline",
            DeadlineId::ReturnOpens => "return-opens",
            DeadlineId::ReturnCloses => "return-closes",
        }
    }
}

/// The notice's rules, R1–R15 (shared/DOMAIN.md, "The notice, rule by rule").
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct RuleId(pub u8);

impl RuleId {
    pub fn label(self) -> String {
        format!("R{}", self.0)
    }
}

impl Phase {
    pub const ALL: [Phase; 4] = [
        Phase::BeforeOpening,
        Phase::RegistrationOpen,
        Phase::ReturnOnly,
        Phase::Closed,
    ];

    /// The contract's phase id ("return-only").
    pub fn as_str(self) -> &'static str {
        match self {
            Phase::BeforeOpening => "before-opening",
            Phase::RegistrationOpen => "registration-open",
            Phase::ReturnOnly => "return-only",
            Phase::Closed => "closed",
        }
    }
}

impl Verdict {
    pub const ALL: [Verdict; 5] = [
        Verdict::OnTrack,
        Verdict::Complete,
        Verdict::TooLate,
        Verdict::NotOpenYet,
        Verdict::NotEligible,
    ];

    /// The contract's verdict id ("too-late").
    pub fn as_str(self) -> &'static str {
        match self {
            Verdict::OnTrack => "on-track",
            Verdict::Complete => "complete",
            Verdict::TooLate => "too-late",
            Verdict::NotOpenYet => "not-open-yet",
            Verdict::NotEligible => "not-eligible",
        }
    }
}

impl Changes {
    pub const ALL: [Changes; 3] = [Changes::Online, Changes::RedPen, Changes::None];

    /// The contract's changes id ("red-pen").
    pub fn as_str(self) -> &'static str {
        match self {
            Changes::Online => "online",
            Changes::RedPen => "red-pen",
            Changes::None => "none",
        }
    }
}

impl Status {
    pub const ALL: [Status; 4] = [Status::Done, Status::Todo, Status::Late, Status::Expired];

    /// The contract's status id ("late").
    pub fn as_str(self) -> &'static str {
        match self {
            Status::Done => "done",
            Status::Todo => "todo",
            Status::Late => "late",
            Status::Expired => "expired",
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Every id, as `shared/DOMAIN.md` spells it ("Phases", "Deadline ids", the checklist
    /// table, "Verdict", "Changes", the statuses), in the code's declaration order.
    fn contract() -> Vec<(&'static str, Vec<&'static str>, Vec<&'static str>)> {
        vec![
            (
                "phase",
                Phase::ALL.map(Phase::as_str).to_vec(),
                vec![
                    "before-opening",
                    "registration-open",
                    "return-only",
                    "closed",
                ],
            ),
            (
                "verdict",
                Verdict::ALL.map(Verdict::as_str).to_vec(),
                vec![
                    "on-track",
                    "complete",
                    "too-late",
                    "not-open-yet",
                    "not-eligible",
                ],
            ),
            (
                "changes",
                Changes::ALL.map(Changes::as_str).to_vec(),
                vec!["online", "red-pen", "none"],
            ),
            (
                "status",
                Status::ALL.map(Status::as_str).to_vec(),
                vec!["done", "todo", "late", "expired"],
            ),
            (
                "deadline",
                DeadlineId::ALL.map(DeadlineId::as_str).to_vec(),
                vec![
                    "registration-opens",
                    "registration-closes",
                    "activation-deadline",
                    "return-opens",
                    "return-closes",
                ],
            ),
            (
                "item",
                ItemId::ALL.map(ItemId::as_str).to_vec(),
                vec![
                    "create-account",
                    "activate-account",
                    "register-online",
                    "declare-handicap",
                    "request-accommodation",
                    "declare-acquis",
                    "print-confirmation",
                    "sign-confirmation",
                    "attach-supporting-documents",
                    "attach-accommodation-notice",
                    "attach-transcript",
                    "attach-diploma",
                    "mail-file",
                    "read-referentiel",
                ],
            ),
        ]
    }

    #[test]
    fn every_id_is_the_contracts() {
        for (what, ours, contract) in contract() {
            assert_eq!(ours, contract, "{what} ids");
        }
        for id in ItemId::ALL {
            assert_eq!(ItemId::parse(id.as_str()), Some(id));
        }
    }

    /// The same ids, read in `shared/DOMAIN.md` itself when it sits beside the repository
    /// (as in the project's checkout): each must appear there in backquotes.
    #[test]
    fn every_id_is_written_in_domain_md() {
        let path = concat!(env!("CARGO_MANIFEST_DIR"), "/../../../shared/DOMAIN.md");
        let Ok(domain) = std::fs::read_to_string(path) else {
            eprintln!("{path} not found: ids checked against the copied list only");
            return;
        };
        for (what, ours, _) in contract() {
            for id in ours {
                assert!(domain.contains(&format!("`{id}`")), "{what} id {id:?}");
            }
        }
    }
}

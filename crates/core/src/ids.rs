//! The contract's fixed identifiers (shared/DOMAIN.md). Never translated, never renamed.

use serde::{Deserialize, Serialize};

/// Checklist items, declared in the contract's order (the derived `Ord` is that order).
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
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
    MailFile,
    ReadReferentiel,
}

impl ItemId {
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

    pub fn as_str(self) -> &'static str {
        match self {
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

    pub fn parse(s: &str) -> Option<ItemId> {
        ItemId::ALL.into_iter().find(|id| id.as_str() == s)
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum DeadlineId {
    RegistrationOpens,
    RegistrationCloses,
    ActivationDeadline,
    ReturnOpens,
    ReturnCloses,
}

impl DeadlineId {
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

impl Serialize for RuleId {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_str(&self.label())
    }
}

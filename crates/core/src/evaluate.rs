//! `evaluate(session, situation, instant)`: phase, verdict, changes, deadlines, checklist.
//! SKELETON: types fixed; the rules to be implemented (issue 3).

use chrono::{DateTime, Utc};
use chrono_tz::Tz;
use serde::Serialize;

use crate::ids::{DeadlineId, ItemId, RuleId};
use crate::session::Session;
use crate::situation::Situation;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum Phase {
    BeforeOpening,
    RegistrationOpen,
    ReturnOnly,
    Closed,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum Verdict {
    OnTrack,
    TooLate,
    NotOpenYet,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum Changes {
    Online,
    RedPen,
    None,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum Status {
    Done,
    Todo,
    Late,
    Expired,
}

#[derive(Debug, Clone, PartialEq)]
pub struct Deadline {
    pub id: DeadlineId,
    pub at: DateTime<Tz>,
}

#[derive(Debug, Clone, PartialEq)]
pub struct Item {
    pub id: ItemId,
    pub status: Status,
    pub due: Option<DateTime<Tz>>,
    pub rules: &'static [RuleId],
}

#[derive(Debug, Clone, PartialEq)]
pub struct Evaluation {
    pub at: DateTime<Tz>,
    pub phase: Phase,
    pub verdict: Verdict,
    pub changes: Changes,
    /// In chronological order.
    pub deadlines: Vec<Deadline>,
    /// Only the items that apply, in the contract's order.
    pub items: Vec<Item>,
}

pub fn evaluate(session: &Session, situation: &Situation, at: DateTime<Utc>) -> Evaluation {
    let _ = (session, situation, at);
    todo!("issue 3")
}

//! The candidate's situation: the contract's JSON (CLI, share link, local storage).

use chrono::{DateTime, FixedOffset, NaiveDate};
use serde::{Deserialize, Serialize};

use crate::ids::ItemId;
use crate::problems::Problem;
use crate::session::{Diploma, Session};

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Situation {
    pub diploma: Diploma,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub title: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub account_created_at: Option<DateTime<FixedOffset>>,
    #[serde(default, skip_serializing_if = "is_false")]
    pub existing_accommodation: bool,
    #[serde(default, skip_serializing_if = "is_false")]
    pub new_accommodation_request: bool,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub acquis: Vec<Acquis>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub done: Vec<ItemId>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub posted_on: Option<NaiveDate>,
}

fn is_false(b: &bool) -> bool {
    !*b
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Acquis {
    pub epreuve: String,
    pub kind: AcquisKind,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum AcquisKind {
    Benefice,
    Dispense,
}

impl Situation {
    pub fn new(diploma: Diploma) -> Situation {
        Situation {
            diploma,
            title: None,
            account_created_at: None,
            existing_accommodation: false,
            new_accommodation_request: false,
            acquis: Vec::new(),
            done: Vec::new(),
            posted_on: None,
        }
    }

    /// Parse and validate against a session (diploma offered, ids, dates): every problem listed.
    pub fn from_json(text: &str, session: &Session) -> Result<Situation, Vec<Problem>> {
        let _ = (text, session);
        todo!("issue 3")
    }

    /// Compact JSON, as in the share link and local storage.
    pub fn to_json(&self) -> String {
        serde_json::to_string(self).unwrap_or_default()
    }
}

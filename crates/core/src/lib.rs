//! The rules of registering alone ("candidat individuel") for a French vocational exam,
//! as the notice DIEC 3.05 of the Académie d'Aix-Marseille (session 2023) states them,
//! generalised to any académie's session file.
//!
//! Architecture invariant: this crate has no web types, never reads a clock and never
//! touches storage. The instant is always an argument; the caller owns time.
//! Every rule is cited by its id (R1–R15) from `shared/DOMAIN.md`.

pub mod base64;
pub mod declared;
pub mod evaluate;
#[doc(hidden)]
pub mod fixtures;
pub mod ids;
pub mod json;
pub mod output;
pub mod problems;
pub mod session;
pub mod situation;
pub mod small_sort;
pub mod timefmt;
pub mod wording;

/// Whether this build reads session files version 2 (the `v2` feature: the CLI and the tests;
/// not the page's wasm, ADR 0014). Without it a session's `questions`, `pieces` and
/// `eligibility` are always empty, and the code that reads them is guarded by this constant so
/// that the optimiser drops it, with its sentences, from the wasm.
pub const V2: bool = cfg!(feature = "v2");

pub use declared::{Condition, Eligibility, Piece, Question, Text};
pub use evaluate::{evaluate, Changes, Deadline, Evaluation, Item, Phase, Status, Verdict};
pub use ids::{DeadlineId, ItemId, RuleId};
pub use output::{to_contract_json, to_text};
pub use problems::Problem;
pub use session::{default_session, Diploma, Links, ReturnMode, Session};
pub use situation::{Acquis, AcquisKind, Situation};
pub use wording::Lang;

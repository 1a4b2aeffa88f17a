//! Test data shared by the core's tests, the web crate's tests and the benchmarks, so that the
//! same candidate is not rebuilt by hand in each of them.
//!
//! Public (other crates' tests and benches need it) but hidden from the docs; nothing in the
//! page calls it, so the release wasm's LTO drops it.

use chrono::{DateTime, NaiveDate};

use crate::ids::ItemId;
use crate::session::Diploma;
use crate::situation::{Acquis, AcquisKind, Situation};

/// The contract's example situation (shared/DOMAIN.md, "A situation"): a CAP Cuisine
/// candidate whose account was created on Saturday 29 October 2022 at 10:00 (the day before
/// the change to winter time) and activated, who asks for a new accommodation, carries over a
/// grade for EG1 and is exempted from EG2, and posts the file on 30 November 2022.
pub fn cap_cuisine() -> Situation {
    let mut s = Situation::new(Diploma::Cap);
    s.title = Some("CAP Cuisine".into());
    s.account_created_at = DateTime::parse_from_rfc3339("2022-10-29T10:00:00+02:00").ok();
    s.existing_accommodation = false;
    s.new_accommodation_request = true;
    s.acquis = cap_cuisine_acquis();
    s.done = vec![ItemId::CreateAccount, ItemId::ActivateAccount];
    s.posted_on = NaiveDate::from_ymd_opt(2022, 11, 30);
    s
}

/// The two épreuves of [`cap_cuisine`]: EG1 carried over (bénéfice), EG2 exempted (dispense).
pub fn cap_cuisine_acquis() -> Vec<Acquis> {
    vec![
        Acquis {
            epreuve: "EG1".into(),
            kind: AcquisKind::Benefice,
        },
        Acquis {
            epreuve: "EG2".into(),
            kind: AcquisKind::Dispense,
        },
    ]
}

//! Arbitrary bytes (lossy UTF-8) as a session file: parsing never panics; a session it
//! accepts evaluates and renders at its edges and at far instants.
#![no_main]

use candidat_core::{Session, Situation};
use libfuzzer_sys::fuzz_target;

#[path = "common.rs"]
mod common;

fuzz_target!(|data: &[u8]| {
    let text = String::from_utf8_lossy(data);
    let Ok(session) = Session::from_json(&text) else { return };
    assert!(!session.diplomas.is_empty());
    assert!(session.registration_opens <= session.registration_closes);
    assert!(session.return_opens <= session.return_closes);
    assert!(session.registration_closes <= session.return_closes);
    let situation = Situation::new(session.diplomas[0]);
    let second = chrono::Duration::seconds(1);
    let at = |t: chrono::DateTime<chrono_tz::Tz>| t.with_timezone(&chrono::Utc);
    for instant in [
        at(session.registration_opens) - second,
        at(session.registration_closes),
        at(session.return_closes) + second,
        common::instant(common::Y2000),
        common::instant(common::Y2100),
    ] {
        common::evaluate_checked(&session, &situation, instant);
    }
});

//! Arbitrary bytes (lossy UTF-8) as a situation against the default session (or, for one
//! input in two, the first session file that declares questions and pieces): parsing never
//! panics; an accepted situation round-trips through its JSON, evaluates at an instant derived
//! from the input, and renders (contract JSON and text, French and English).
#![no_main]

use candidat_core::Situation;
use libfuzzer_sys::fuzz_target;

#[path = "common.rs"]
mod common;

fuzz_target!(|data: &[u8]| {
    let sessions = common::sessions();
    let v2 = sessions.iter().find(|s| !s.questions.is_empty());
    let session = match v2 {
        Some(v2) if common::fnv(data) & (1 << 40) != 0 => v2,
        _ => &sessions[0],
    };
    let text = String::from_utf8_lossy(data);
    let Ok(situation) = Situation::from_json(&text, session) else { return };
    let again = Situation::from_json(&situation.to_json(session), session);
    assert_eq!(again.as_ref(), Ok(&situation), "the situation's own JSON reads back the same");
    // Mostly within ±~49 days of the opening (the interesting part), sometimes anywhere 2000–2100.
    let h = common::fnv(data);
    let delta = if h & 1 == 0 { (h >> 1) as i64 % (100 * 86_400) - 30 * 86_400 } else { (h >> 1) as i64 };
    common::evaluate_checked(session, &situation, common::instant_near(session, delta));
});

//! Structured input: a situation built field by field (any diploma, flags, acquis, ticks of
//! the notice's items and of declared pieces, answers to declared questions, creation instant
//! at any offset, postmark date), one of the repository's sessions, and an
//! instant between 2000 and 2100. `evaluate` never panics and keeps its invariants
//! (see common.rs), and every output renders.
#![no_main]

use arbitrary::Arbitrary;
use candidat_core::{Acquis, AcquisKind, Diploma, Situation};
use chrono::{FixedOffset, NaiveDate};
use libfuzzer_sys::fuzz_target;

#[path = "common.rs"]
mod common;

#[derive(Arbitrary, Debug)]
enum When {
    /// Seconds from the session's opening (±68 years).
    Near(i32),
    /// Seconds since the epoch, clamped to chrono's range.
    Anywhere(i64),
}

#[derive(Arbitrary, Debug)]
struct Input {
    session: u8,
    /// Low bits pick among the session's diplomas; if the top bit is set, among all five.
    diploma: u8,
    title: Option<String>,
    existing_accommodation: bool,
    new_accommodation_request: bool,
    acquis: Vec<(String, bool)>,
    /// Indices into the session's items (the notice's and its declared pieces).
    done: Vec<u8>,
    /// (question index, answer) for the session's declared questions.
    answers: Vec<(u8, Option<bool>)>,
    created: Option<(When, i32)>,
    /// Days from the session's opening date, or any day chrono can represent.
    posted: Option<(bool, i32)>,
    at: i64,
}

fuzz_target!(|input: Input| {
    let sessions = common::sessions();
    let session = &sessions[input.session as usize % sessions.len()];
    let diploma = if input.diploma & 0x80 != 0 {
        Diploma::ALL[input.diploma as usize % Diploma::ALL.len()]
    } else {
        session.diplomas[input.diploma as usize % session.diplomas.len()]
    };
    let mut s = Situation::new(diploma);
    s.title = input.title;
    s.existing_accommodation = input.existing_accommodation;
    s.new_accommodation_request = input.new_accommodation_request;
    s.acquis = input
        .acquis
        .into_iter()
        .take(8)
        .map(|(epreuve, b)| Acquis { epreuve, kind: if b { AcquisKind::Benefice } else { AcquisKind::Dispense } })
        .collect();
    let items = session.item_ids();
    for d in input.done.into_iter().take(32) {
        let id = items[d as usize % items.len()];
        if !s.done.contains(&id) {
            s.done.push(id);
        }
    }
    if !session.questions.is_empty() {
        for (q, a) in input.answers.into_iter().take(16) {
            s.set_answer(u16::from(q) % session.questions.len() as u16, a);
        }
    }
    let opens = session.registration_opens.timestamp();
    s.account_created_at = input.created.and_then(|(when, offset)| {
        let secs = match when {
            When::Near(d) => opens + i64::from(d),
            When::Anywhere(t) => t,
        };
        let offset = FixedOffset::east_opt(offset % 86_400)?;
        Some(common::instant(secs).with_timezone(&offset))
    });
    s.posted_on = input.posted.and_then(|(near, days)| {
        if near {
            session
                .registration_opens
                .date_naive()
                .checked_add_signed(chrono::Duration::try_days(i64::from(days % 40_000))?)
        } else {
            NaiveDate::from_num_days_from_ce_opt(days)
        }
    });
    let at = common::instant_near(session, input.at % (200 * 86_400));
    let at = if input.at & (1 << 62) != 0 { common::instant(common::Y2000 + input.at.rem_euclid(common::Y2100 - common::Y2000)) } else { at };
    assert!(at >= common::instant(common::Y2000) && at < common::instant(common::Y2100));
    common::evaluate_checked(session, &s, at);
});

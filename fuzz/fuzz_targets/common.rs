//! Shared by the fuzz targets: the sessions to evaluate against, the instant helpers and the
//! invariants every evaluation must satisfy (a broken invariant is reported as a crash).

#![allow(dead_code)]

use std::sync::OnceLock;

use candidat_core::evaluate::{applies, piece_applies, rules_of, unmet_eligibility};
use candidat_core::{
    default_session, evaluate, to_contract_json, to_text, DeadlineId, Evaluation, ItemId, Lang,
    Phase, Session, Situation, Status, Verdict,
};
use chrono::{DateTime, Utc};

/// 2000-01-01T00:00:00Z and 2100-01-01T00:00:00Z.
pub const Y2000: i64 = 946_684_800;
pub const Y2100: i64 = 4_102_444_800;

/// The embedded default session, then the repository's valid session files (several zones,
/// both return modes, hours given or not, version 2 with questions, pieces and eligibility).
pub fn sessions() -> &'static [Session] {
    static SESSIONS: OnceLock<Vec<Session>> = OnceLock::new();
    SESSIONS.get_or_init(|| {
        let mut v = vec![default_session()];
        for text in [
            include_str!("../../sessions/aix-marseille-2023.json"),
            include_str!("../../tests/sessions/guadeloupe-hours-upload.json"),
            include_str!("../../tests/scenarios/sessions/guyane-2023-post.json"),
            include_str!("../../tests/scenarios/sessions/noumea-2023-post.json"),
            include_str!("../../tests/scenarios/sessions/paris-dates-upload-2023.json"),
            include_str!("../../tests/scenarios/sessions/reunion-2023-upload.json"),
            include_str!("../../tests/scenarios/sessions/miquelon-2023-post.json"),
            include_str!("../../tests/scenarios/sessions/v2-pieces-eligibility-2023.json"),
            include_str!("../../tests/scenarios/sessions/v2-upload-martinique-2024.json"),
        ] {
            if let Ok(s) = Session::from_json(text) {
                v.push(s);
            }
        }
        v
    })
}

/// A whole-second UTC instant, clamped to chrono's range (never `None`).
pub fn instant(secs: i64) -> DateTime<Utc> {
    DateTime::<Utc>::from_timestamp(secs, 0).unwrap_or(if secs < 0 {
        DateTime::<Utc>::MIN_UTC
    } else {
        DateTime::<Utc>::MAX_UTC
    })
}

/// An instant between 2000 and 2100 from any number, biased near the session's window:
/// `delta` seconds from the opening, wrapped into [2000, 2100).
pub fn instant_near(session: &Session, delta: i64) -> DateTime<Utc> {
    let base = session.registration_opens.timestamp() - Y2000;
    let span = Y2100 - Y2000;
    instant(Y2000 + (base as i128 + delta as i128).rem_euclid(span as i128) as i64)
}

/// FNV-1a, to derive an instant from the input bytes without consuming any of them.
pub fn fnv(data: &[u8]) -> u64 {
    data.iter().fold(0xcbf2_9ce4_8422_2325u64, |h, &b| {
        (h ^ u64::from(b)).wrapping_mul(0x0100_0000_01b3)
    })
}

/// Evaluate, check the invariants, and render every output in both languages.
pub fn evaluate_checked(session: &Session, situation: &Situation, at: DateTime<Utc>) -> Evaluation {
    let ev = evaluate(session, situation, at);
    check(session, situation, &ev);
    for lang in [Lang::Fr, Lang::En] {
        let json = to_contract_json(session, &ev, situation, lang);
        let items = json.get("items").and_then(|i| i.as_array()).map(Vec::len);
        assert_eq!(items, Some(ev.items.len()), "contract JSON lists every item");
        let text = to_text(session, &ev, situation, lang);
        assert!(!text.is_empty());
    }
    ev
}

/// The evaluation's invariants (shared/DOMAIN.md and `evaluate`'s documented decisions).
pub fn check(session: &Session, situation: &Situation, ev: &Evaluation) {
    assert!(!ev.items.is_empty(), "items non-empty");
    assert!(
        ev.items.windows(2).all(|w| w[0].id < w[1].id),
        "items strictly in contract order: {:?}",
        ev.items.iter().map(|i| i.id).collect::<Vec<_>>()
    );
    for id in session.item_ids() {
        let listed = match id {
            ItemId::Piece(p) => piece_applies(session, p, situation),
            _ => applies(id, situation),
        };
        assert_eq!(ev.item(id).is_some(), listed, "{id:?} listed iff it applies");
    }
    for i in &ev.items {
        // A declared piece comes from the académie's notice: `rules: []`.
        assert_eq!(!i.rules.is_empty(), !i.id.is_piece(), "{:?} has rules", i.id);
        assert_eq!(i.rules, rules_of(i.id));
        if i.id.is_piece() {
            assert_eq!(i.due, Some(session.return_closes), "a piece is due at return-closes");
            let ticked = situation.done.contains(&i.id);
            assert_eq!(i.status == Status::Done, ticked, "a piece is done only when ticked");
        }
        match i.id {
            ItemId::RequestAccommodation | ItemId::ReadReferentiel => {
                assert_eq!(i.due, None, "{:?} has no due date", i.id);
                assert!(matches!(i.status, Status::Done | Status::Todo), "{:?} never late", i.id);
            }
            _ => assert!(i.due.is_some(), "{:?} has a due date", i.id),
        }
        if i.status == Status::Expired {
            assert_eq!(i.id, ItemId::ActivateAccount, "only activation expires");
        }
        if i.status == Status::Late {
            let due = i.due.expect("late implies a due date");
            // A postmark dated after the return window's last day is late whenever evaluated
            // (ADR 0005 §3): the only item that can be late before its due instant.
            let posted_after_window = i.id == ItemId::MailFile
                && situation.posted_on.is_some_and(|d| d > session.return_closes.date_naive());
            assert!(ev.at > due || posted_after_window, "{:?} late only after its due instant", i.id);
        }
        if let Some(due) = i.due {
            assert!(due <= session.return_closes, "{:?} due no later than the return close", i.id);
        }
    }
    assert_eq!(ev.at.timestamp_subsec_nanos(), 0, "whole seconds");
    assert!(
        ev.deadlines.windows(2).all(|w| (w[0].at, w[0].id) <= (w[1].at, w[1].id)),
        "deadlines in chronological order"
    );
    let has_activation = ev.deadline(DeadlineId::ActivationDeadline).is_some();
    assert_eq!(ev.deadlines.len(), if has_activation { 5 } else { 4 });
    assert_eq!(has_activation, situation.account_created_at.is_some() && ev.deadlines.len() == 5);
    assert_eq!(ev.eligibility, unmet_eligibility(session, situation));
    assert_eq!(
        ev.verdict == Verdict::NotEligible,
        !ev.eligibility.is_empty(),
        "not-eligible exactly when a condition is unmet"
    );
    if ev.verdict == Verdict::NotEligible {
        assert_eq!((ev.next, ev.changes), (None, candidat_core::Changes::None));
        return;
    }
    if ev.verdict == Verdict::TooLate {
        assert_ne!(ev.phase, Phase::BeforeOpening, "too-late implies opened");
    }
    assert_eq!(
        ev.verdict == Verdict::NotOpenYet,
        ev.phase == Phase::BeforeOpening,
        "not-open-yet exactly before the opening (when eligible)"
    );
    if matches!(ev.phase, Phase::BeforeOpening | Phase::Closed) {
        assert_eq!(ev.changes, candidat_core::Changes::None, "no changes outside the windows");
    }
    if ev.phase == Phase::Closed || ev.phase == Phase::ReturnOnly {
        // Past the close, not registered is too late (R4).
        if ev.item(ItemId::RegisterOnline).map(|i| i.status) != Some(Status::Done) {
            assert_eq!(ev.verdict, Verdict::TooLate);
        }
    }
}

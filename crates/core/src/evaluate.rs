//! `evaluate(session, situation, instant)`: phase, verdict, changes, deadlines, checklist.

use chrono::{DateTime, Utc};
use chrono_tz::Tz;

use crate::ids::{DeadlineId, ItemId, RuleId};
use crate::session::Session;
use crate::situation::{AcquisKind, Situation};

// The contract ids of `Phase`, `Verdict`, `Changes` and `Status` (their `as_str()`) are in
// ids.rs, with the other ids.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Phase {
    BeforeOpening,
    RegistrationOpen,
    ReturnOnly,
    Closed,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Verdict {
    OnTrack,
    /// `register-online` done and `mail-file` done in time: nothing left can change the
    /// candidacy (items left unticked keep their own status).
    Complete,
    TooLate,
    NotOpenYet,
    /// An eligibility condition the session file declares is not met (session files v2):
    /// outranks every other verdict; `next` is none and `changes` none.
    NotEligible,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Changes {
    Online,
    RedPen,
    None,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
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
    /// The first item, in checklist order, whose status is `todo` or `expired`; `None` when
    /// there is none or when the verdict is `too-late` or `not-eligible` (contract: "Next step").
    pub next: Option<ItemId>,
    /// The session's eligibility conditions not met (indices in `session.eligibility`, in
    /// the file's order); empty when nothing is unmet.
    pub eligibility: Vec<u16>,
}

impl Evaluation {
    /// The item with this id, if it applies.
    pub fn item(&self, id: ItemId) -> Option<&Item> {
        self.items.iter().find(|i| i.id == id)
    }

    /// The deadline with this id, if listed.
    pub fn deadline(&self, id: DeadlineId) -> Option<DateTime<Tz>> {
        self.deadlines.iter().find(|d| d.id == id).map(|d| d.at)
    }
}

/// The rule ids each item comes from (contract table).
pub fn rules_of(id: ItemId) -> &'static [RuleId] {
    match id {
        ItemId::CreateAccount => &[RuleId(2)],
        ItemId::ActivateAccount => &[RuleId(3)],
        ItemId::RegisterOnline => &[RuleId(4)],
        ItemId::DeclareHandicap => &[RuleId(11)],
        ItemId::RequestAccommodation => &[RuleId(13)],
        ItemId::DeclareAcquis => &[RuleId(14)],
        ItemId::PrintConfirmation => &[RuleId(5)],
        ItemId::SignConfirmation => &[RuleId(6)],
        ItemId::AttachSupportingDocuments => &[RuleId(5), RuleId(9)],
        ItemId::AttachAccommodationNotice => &[RuleId(12)],
        ItemId::AttachTranscript => &[RuleId(14)],
        ItemId::AttachDiploma => &[RuleId(14)],
        ItemId::MailFile => &[RuleId(9), RuleId(10)],
        ItemId::ReadReferentiel => &[RuleId(15)],
        // A piece comes from the académie's notice, not from R1–R15: `rules: []`.
        #[cfg(feature = "v2")]
        ItemId::Piece(_) => &[],
    }
}

/// Whether a piece is listed: its condition is true or still unknown (one document too many
/// is better than one missing); `false` for an index the session does not have.
pub fn piece_applies(session: &Session, index: u16, situation: &Situation) -> bool {
    crate::V2
        && session.pieces().get(usize::from(index)).is_some_and(|p| {
            p.when
                .as_ref()
                .is_none_or(|c| c.eval(situation) != Some(false))
        })
}

/// The eligibility conditions not met (indices, in the file's order): the condition's `when`
/// is known to hold and its question is answered the other way. An unanswered question, or
/// a `when` still unknown, leaves the condition out.
pub fn unmet_eligibility(session: &Session, situation: &Situation) -> Vec<u16> {
    if !crate::V2 {
        return Vec::new();
    }
    session
        .eligibility()
        .iter()
        .enumerate()
        .filter(|(_, e)| {
            e.when
                .as_ref()
                .is_none_or(|c| c.eval(situation) == Some(true))
                && situation.answer(e.question).is_some_and(|a| a != e.answer)
        })
        .filter_map(|(i, _)| u16::try_from(i).ok())
        .collect()
}

/// Whether an item applies to this situation (contract table, column "when it applies").
/// A piece needs the session: [`piece_applies`] (here it reads as applying).
pub fn applies(id: ItemId, situation: &Situation) -> bool {
    let any = |k: AcquisKind| situation.acquis.iter().any(|a| a.kind == k);
    match id {
        ItemId::DeclareHandicap => {
            situation.existing_accommodation || situation.new_accommodation_request
        }
        ItemId::RequestAccommodation => situation.new_accommodation_request,
        ItemId::DeclareAcquis => !situation.acquis.is_empty(),
        ItemId::AttachAccommodationNotice => situation.existing_accommodation,
        ItemId::AttachTranscript => any(AcquisKind::Benefice),
        ItemId::AttachDiploma => any(AcquisKind::Dispense),
        _ => true,
    }
}

/// How the postmark date (`posted_on`) reads at the evaluated instant.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Posting {
    /// No `posted_on` in the situation.
    Unknown,
    /// `posted_on` is inside the return window but later than the evaluated instant's local
    /// date: not posted yet at that instant, a planned date (why: the CLI replays past instants;
    /// a fact dated in the future is not yet true).
    NotYet,
    /// Posted before the return window opened: the notice asks for posting *between* the two
    /// dates, so this posting is not counted and the item stays to do (post again).
    /// Why this, not "done": an early envelope may be set aside or lost; saying "done" could
    /// be the wrong on-track the project fears most.
    BeforeWindow,
    /// Inside the return window (dates, both inclusive): `mail-file` is done.
    InWindow,
    /// On the closing day of a window that closes at a set hour (e.g. 17:00), evaluated after
    /// that hour: the date carries no hour, so nothing shows the file went before the close.
    /// `mail-file` is late and the verdict too-late. Why not "done": a wrong on-track is the
    /// worst answer; the candidate who did post or upload in time knows it, the page says why.
    /// Evaluated at or before the closing instant, the same date is [`Posting::InWindow`].
    ClosingDayAfterHour,
    /// After the return window's last day: `mail-file` is late and the verdict is too-late
    /// (R10), *whatever the evaluated instant* — a planned date that is already too late is
    /// flagged now, not on the day it would happen.
    AfterWindow,
}

/// Classify `posted_on` against the session's return window, at local instant `at`.
///
/// The postmark is a date (DOMAIN.md: "the date of posting counts, 2 December inclusive"), so
/// it is compared with the window's first and last local *dates*. When the window closes at a
/// set hour ([`Session::return_closes_at_an_hour`], ADR 0003), a date equal to the closing day
/// counts only while `at` is at or before the closing instant; after it, the date cannot show
/// that the posting or upload was before the hour ([`Posting::ClosingDayAfterHour`]). Earlier
/// days inside the window count at every instant; whole-day windows are unchanged.
/// A date after the window's last day is [`Posting::AfterWindow`] at every instant, checked
/// before "not yet" (decision: a planned date that is already too late is flagged).
pub fn posting(session: &Session, situation: &Situation, at: DateTime<Tz>) -> Posting {
    let Some(d) = situation.posted_on else {
        return Posting::Unknown;
    };
    let last_day = session.return_closes.date_naive();
    if d > last_day {
        Posting::AfterWindow
    } else if d > at.date_naive() {
        Posting::NotYet
    } else if d < session.return_opens.date_naive() {
        Posting::BeforeWindow
    } else if d == last_day && session.return_closes_at_an_hour() && at > session.return_closes {
        Posting::ClosingDayAfterHour
    } else {
        Posting::InWindow
    }
}

/// The one chain of steps that cannot be walked out of order (contract, "Item statuses"): the
/// confirmation exists only once the registration is saved, and is posted only once printed
/// and signed. A ticked step (or `mail-file` done through `posted_on` in the window) makes
/// every earlier step `done`, an expired activation included.
pub const CHAIN: [ItemId; 6] = [
    ItemId::CreateAccount,
    ItemId::ActivateAccount,
    ItemId::RegisterOnline,
    ItemId::PrintConfirmation,
    ItemId::SignConfirmation,
    ItemId::MailFile,
];

/// Drop sub-second precision. Why: bounds are whole seconds and a closing second is inclusive
/// as a whole ("17:00" closes at 17:00:01), and the contract prints instants without fractions.
///
/// Also keeps the instant at least a day inside chrono's range. Why: at chrono's extreme
/// instants the session zone's local time is out of range and rendering it panics (chrono's
/// `naive_local`; kept in crates/core/tests/fuzz_regressions.rs). Session dates are years
/// 0000–9999, so moving an instant of year ±262143 by a day changes no answer.
fn whole_second(t: DateTime<Utc>) -> DateTime<Utc> {
    const DAY: i64 = 86_400;
    let secs = t.timestamp().clamp(
        DateTime::<Utc>::MIN_UTC.timestamp() + DAY,
        DateTime::<Utc>::MAX_UTC.timestamp() - DAY,
    );
    DateTime::<Utc>::from_timestamp(secs, 0).unwrap_or(t)
}

/// The activation deadline (R3): creation + the delay, in *elapsed* hours (DST-proof because
/// the addition is done on a UTC instant). `None` without `account_created_at`, or if the sum
/// overflows the calendar (absurd input, no panic).
pub fn activation_deadline(session: &Session, situation: &Situation) -> Option<DateTime<Tz>> {
    let created = whole_second(situation.account_created_at?.with_timezone(&Utc));
    let delay = chrono::Duration::try_hours(i64::from(session.activation_delay_hours))?;
    created
        .checked_add_signed(delay)
        .map(|t| whole_second(t).with_timezone(&session.time_zone))
}

/// Evaluate a situation at an instant: phase, verdict, changes, deadlines and checklist.
///
/// Decisions where `shared/DOMAIN.md` is silent (each also noted where it is applied):
/// - A due instant is the last instant still in time (inclusive), like the windows' closing
///   seconds: an item is `late` when `at` is strictly after its due instant, at whole-second
///   precision. The same holds for the activation deadline (created + 48 h exactly is still in
///   time; one second later the account is gone).
/// - Facts dated after `at` (`account_created_at`, `posted_on`) are not yet true at `at`,
///   except a `posted_on` after the return window's last day: late at every instant.
/// - `posted_on`, when given, decides `mail-file` alone (a tick of `mail-file` is then
///   ignored): inside the window → done, after → late, before the window opens or later than
///   `at` → not done (todo, or late once the return deadline passed). On the closing day of a
///   window that closes at a set hour, done only while `at` is at or before the closing
///   instant, late after it (the date cannot show the hour). See [`Posting`].
/// - `account_created_at` after the pre-registration close makes `create-account` late even
///   if ticked: an account created then could not be used to register (R1, R2).
/// - `mail-file` ticked without `posted_on` counts as done: the candidate says it was sent;
///   the page should ask for the postmark date.
/// - Activation expired: `activate-account` is `expired` even after the pre-registration
///   closed; `create-account` is due again (todo while pre-registration open, else late) even
///   if it was ticked. Ticking `activate-account` always wins (the candidate did activate).
/// - `request-accommodation` and `read-referentiel` have no due date: `done` when ticked,
///   otherwise `todo` at every instant, never `late` (the notice gives no deadline; the
///   project invents none).
/// - `changes` = `red-pen` also when the confirmation is printed during pre-registration but
///   before the return window opens (the paper exists, corrections go on it); "return window
///   still open" is read as "return deadline not passed".
/// - A ticked step of [`CHAIN`] (or `mail-file` done through `posted_on` in the window) makes
///   every earlier step of the chain `done`, before any other reading: an expired activation,
///   an account dated after the close, a missing creation date are then superseded by what the
///   candidate says they did next (contract, "Item statuses").
/// - The verdict (contract, "Verdict"): `not-open-yet` before the opening; `too-late` when
///   `register-online` is not done once pre-registration closed, or `mail-file` is not done
///   in time (late, or not done once the return deadline passed); `complete` when
///   `register-online` and `mail-file` are both done in time; else `on-track`. Other late
///   items (`declare-handicap`, an attachment) show as `late` but do not turn the verdict:
///   the candidacy stands, without the accommodations or acquis (ADR 0011).
/// - `next` is the first item whose status is `todo` or `expired`, none when the verdict is
///   `too-late`; `changes` is `none` whenever the verdict is `too-late`.
/// - Session files v2 (ADR 0014): a declared piece is listed while its `when` is true or not
///   yet known ([`piece_applies`]), between `attach-diploma` and `mail-file`, due at the return
///   deadline, `done` only when ticked (never implied), with no rule id. An unmet eligibility
///   condition ([`unmet_eligibility`]) makes the verdict `not-eligible` before any other, with
///   no `next` and `changes` `none`; the items are evaluated as they would be otherwise.
pub fn evaluate(session: &Session, situation: &Situation, at: DateTime<Utc>) -> Evaluation {
    let tz = session.time_zone;
    let at = whole_second(at).with_timezone(&tz);
    let reg_opens = session.registration_opens;
    let reg_closes = session.registration_closes;
    let ret_opens = session.return_opens;
    let ret_closes = session.return_closes;

    let phase = if at < reg_opens {
        Phase::BeforeOpening
    } else if at <= reg_closes {
        Phase::RegistrationOpen
    } else if at <= ret_closes {
        Phase::ReturnOnly
    } else {
        Phase::Closed
    };

    let activation = activation_deadline(session, situation);
    let mut deadlines = Vec::with_capacity(5);
    deadlines.push(Deadline {
        id: DeadlineId::RegistrationOpens,
        at: reg_opens,
    });
    deadlines.push(Deadline {
        id: DeadlineId::RegistrationCloses,
        at: reg_closes,
    });
    if let Some(a) = activation {
        deadlines.push(Deadline {
            id: DeadlineId::ActivationDeadline,
            at: a,
        });
    }
    deadlines.push(Deadline {
        id: DeadlineId::ReturnOpens,
        at: ret_opens,
    });
    deadlines.push(Deadline {
        id: DeadlineId::ReturnCloses,
        at: ret_closes,
    });
    // why stable sort with the id as tie-break: equal instants keep the contract's id order.
    crate::small_sort::sort_by(&mut deadlines, |a, b| (a.at, a.id) < (b.at, b.id));

    let ticked = |id: ItemId| situation.done.contains(&id);
    // Account created no later than `at` (a creation dated in the future is not yet true).
    let created = situation
        .account_created_at
        .map(|c| whole_second(c.with_timezone(&Utc)) <= at.with_timezone(&Utc))
        .unwrap_or(false);
    let expired = created && !ticked(ItemId::ActivateAccount) && activation.is_some_and(|a| at > a);
    // Created (and known at `at`) only after the pre-registration closed: too late to register.
    let created_too_late = created
        && situation
            .account_created_at
            .is_some_and(|c| whole_second(c.with_timezone(&Utc)) > reg_closes.with_timezone(&Utc));
    let by_due = |due: Option<DateTime<Tz>>| match due {
        Some(d) if at > d => Status::Late,
        _ => Status::Todo,
    };
    let post = posting(session, situation, at);

    // The furthest step of the chain the candidate says they took: every earlier one is done.
    let chain_reached = CHAIN
        .iter()
        .rposition(|&id| ticked(id) || (id == ItemId::MailFile && post == Posting::InWindow));
    let implied = |id: ItemId| chain_reached.is_some_and(|reached| CHAIN[..reached].contains(&id));

    let ids = session.item_ids();
    let mut items = Vec::with_capacity(ids.len());
    for id in ids {
        let listed = match id {
            #[cfg(feature = "v2")]
            ItemId::Piece(i) => piece_applies(session, i, situation),
            _ => applies(id, situation),
        };
        if !listed {
            continue;
        }
        let due = match id {
            ItemId::CreateAccount
            | ItemId::RegisterOnline
            | ItemId::DeclareHandicap
            | ItemId::DeclareAcquis => Some(reg_closes),
            ItemId::ActivateAccount => Some(activation.map_or(reg_closes, |a| a.min(reg_closes))),
            ItemId::RequestAccommodation | ItemId::ReadReferentiel => None,
            _ => Some(ret_closes),
        };
        let status = match id {
            _ if implied(id) => Status::Done,
            ItemId::CreateAccount if expired => by_due(due),
            ItemId::CreateAccount if created_too_late => Status::Late,
            ItemId::CreateAccount if created || ticked(id) => Status::Done,
            ItemId::ActivateAccount if ticked(id) => Status::Done,
            ItemId::ActivateAccount if expired => Status::Expired,
            ItemId::MailFile => match post {
                Posting::InWindow => Status::Done,
                Posting::AfterWindow | Posting::ClosingDayAfterHour => Status::Late,
                Posting::NotYet | Posting::BeforeWindow => by_due(due),
                Posting::Unknown if ticked(id) => Status::Done,
                Posting::Unknown => by_due(due),
            },
            _ if ticked(id) => Status::Done,
            _ => by_due(due),
        };
        items.push(Item {
            id,
            status,
            due,
            rules: rules_of(id),
        });
    }

    let status_of = |id: ItemId| items.iter().find(|i| i.id == id).map(|i| i.status);
    let registered = status_of(ItemId::RegisterOnline) == Some(Status::Done);
    let mail = status_of(ItemId::MailFile);
    let posted = mail == Some(Status::Done);
    let printed = status_of(ItemId::PrintConfirmation) == Some(Status::Done);

    let eligibility = unmet_eligibility(session, situation);
    let verdict = if !eligibility.is_empty() {
        Verdict::NotEligible
    } else if at < reg_opens {
        Verdict::NotOpenYet
    } else if (at > reg_closes && !registered)
        || mail == Some(Status::Late)
        || (at > ret_closes && !posted)
    {
        Verdict::TooLate
    } else if registered && posted {
        Verdict::Complete
    } else {
        Verdict::OnTrack
    };

    let changes = if at < reg_opens
        || posted
        || at > ret_closes
        || matches!(verdict, Verdict::TooLate | Verdict::NotEligible)
    {
        Changes::None
    } else if phase == Phase::RegistrationOpen && !printed {
        Changes::Online
    } else {
        Changes::RedPen
    };

    let next = match verdict {
        Verdict::TooLate | Verdict::NotEligible => None,
        _ => items
            .iter()
            .find(|i| matches!(i.status, Status::Todo | Status::Expired))
            .map(|i| i.id),
    };

    Evaluation {
        at,
        phase,
        verdict,
        changes,
        deadlines,
        items,
        next,
        eligibility,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::fixtures;
    use crate::session::{default_session, Diploma};
    use crate::situation::Acquis;

    fn at(s: &str) -> DateTime<Utc> {
        DateTime::parse_from_rfc3339(s).unwrap().with_timezone(&Utc)
    }
    fn sit() -> Situation {
        Situation::new(Diploma::Cap)
    }
    fn status(ev: &Evaluation, id: ItemId) -> Option<Status> {
        ev.item(id).map(|i| i.status)
    }
    fn ids(ev: &Evaluation) -> Vec<ItemId> {
        ev.items.iter().map(|i| i.id).collect()
    }
    /// The account chain and the envelope of a minimal situation, without `mail-file`.
    fn all_but_mail() -> Vec<ItemId> {
        use ItemId::*;
        vec![
            CreateAccount,
            ActivateAccount,
            RegisterOnline,
            PrintConfirmation,
            SignConfirmation,
            AttachSupportingDocuments,
        ]
    }

    #[test]
    fn phases_at_the_window_edges() {
        let s = default_session();
        let p = |t: &str| evaluate(&s, &sit(), at(t)).phase;
        assert_eq!(p("2022-10-18T23:59:59+02:00"), Phase::BeforeOpening);
        assert_eq!(p("2022-10-19T00:00:00+02:00"), Phase::RegistrationOpen);
        assert_eq!(p("2022-11-17T23:59:59+01:00"), Phase::RegistrationOpen);
        assert_eq!(p("2022-11-18T00:00:00+01:00"), Phase::ReturnOnly);
        assert_eq!(p("2022-12-02T23:59:59+01:00"), Phase::ReturnOnly);
        assert_eq!(p("2022-12-03T00:00:00+01:00"), Phase::Closed);
        // why: a closing second is inclusive as a whole second.
        let half = at("2022-11-17T22:59:59.900Z");
        assert_eq!(evaluate(&s, &sit(), half).phase, Phase::RegistrationOpen);
    }

    #[test]
    fn minimal_situation_has_the_always_items_in_order() {
        let ev = evaluate(&default_session(), &sit(), at("2022-11-01T12:00:00+01:00"));
        use ItemId::*;
        assert_eq!(
            ids(&ev),
            [
                CreateAccount,
                ActivateAccount,
                RegisterOnline,
                PrintConfirmation,
                SignConfirmation,
                AttachSupportingDocuments,
                MailFile,
                ReadReferentiel
            ]
        );
        assert!(ev.items.iter().all(|i| i.status == Status::Todo));
        assert_eq!(ev.verdict, Verdict::OnTrack);
        assert_eq!(ev.changes, Changes::Online);
        assert_eq!(
            ev.deadlines.len(),
            4,
            "no activation deadline without account_created_at"
        );
        assert_eq!(ev.item(ReadReferentiel).unwrap().due, None);
    }

    #[test]
    fn full_situation_lists_every_item_with_rules() {
        let mut s = fixtures::cap_cuisine();
        s.existing_accommodation = true;
        let ev = evaluate(&default_session(), &s, at("2022-10-30T12:00:00+01:00"));
        assert_eq!(ids(&ev), ItemId::ALL.to_vec());
        assert_eq!(
            ev.item(ItemId::AttachSupportingDocuments).unwrap().rules,
            &[RuleId(5), RuleId(9)]
        );
        assert_eq!(
            ev.item(ItemId::MailFile).unwrap().rules,
            &[RuleId(9), RuleId(10)]
        );
        let dl: Vec<DeadlineId> = ev.deadlines.iter().map(|d| d.id).collect();
        assert_eq!(
            dl,
            [
                DeadlineId::RegistrationOpens,
                DeadlineId::ReturnOpens,
                DeadlineId::ActivationDeadline,
                DeadlineId::RegistrationCloses,
                DeadlineId::ReturnCloses
            ]
        );
        assert!(ev.deadlines.windows(2).all(|w| w[0].at <= w[1].at));
    }

    #[test]
    fn forty_eight_hours_are_elapsed_across_the_dst_change() {
        let mut s = sit();
        s.account_created_at =
            Some(DateTime::parse_from_rfc3339("2022-10-29T10:00:00+02:00").unwrap());
        let session = default_session();
        let ev = evaluate(&session, &s, at("2022-10-31T09:00:00+01:00"));
        assert_eq!(
            ev.deadline(DeadlineId::ActivationDeadline)
                .unwrap()
                .to_rfc3339(),
            "2022-10-31T09:00:00+01:00"
        );
        assert_eq!(
            ev.item(ItemId::ActivateAccount).unwrap().due,
            ev.deadline(DeadlineId::ActivationDeadline)
        );
        assert_eq!(
            status(&ev, ItemId::ActivateAccount),
            Some(Status::Todo),
            "the last second is still in time"
        );
        assert_eq!(status(&ev, ItemId::CreateAccount), Some(Status::Done));
        let ev = evaluate(&session, &s, at("2022-10-31T09:00:01+01:00"));
        assert_eq!(status(&ev, ItemId::ActivateAccount), Some(Status::Expired));
        assert_eq!(
            status(&ev, ItemId::CreateAccount),
            Some(Status::Todo),
            "account deleted: create again"
        );
        assert_eq!(ev.verdict, Verdict::OnTrack, "still time to start again");
        // Ticking activation wins.
        s.done.push(ItemId::ActivateAccount);
        let ev = evaluate(&session, &s, at("2022-10-31T09:00:01+01:00"));
        assert_eq!(status(&ev, ItemId::ActivateAccount), Some(Status::Done));
        assert_eq!(status(&ev, ItemId::CreateAccount), Some(Status::Done));
    }

    #[test]
    fn expired_activation_after_the_close_makes_create_account_late() {
        let mut s = sit();
        s.account_created_at =
            Some(DateTime::parse_from_rfc3339("2022-11-01T10:00:00+01:00").unwrap());
        s.done = vec![ItemId::CreateAccount];
        let ev = evaluate(&default_session(), &s, at("2022-11-20T10:00:00+01:00"));
        assert_eq!(status(&ev, ItemId::CreateAccount), Some(Status::Late));
        assert_eq!(status(&ev, ItemId::ActivateAccount), Some(Status::Expired));
        assert_eq!(ev.verdict, Verdict::TooLate);
    }

    #[test]
    fn activation_due_is_capped_by_the_close() {
        let mut s = sit();
        s.account_created_at =
            Some(DateTime::parse_from_rfc3339("2022-11-17T20:00:00+01:00").unwrap());
        let session = default_session();
        let ev = evaluate(&session, &s, at("2022-11-17T21:00:00+01:00"));
        assert_eq!(
            ev.item(ItemId::ActivateAccount).unwrap().due,
            Some(session.registration_closes)
        );
        // After the close but before created+48h: late (not expired), and too late overall.
        let ev = evaluate(&session, &s, at("2022-11-18T10:00:00+01:00"));
        assert_eq!(status(&ev, ItemId::ActivateAccount), Some(Status::Late));
        assert_eq!(ev.verdict, Verdict::TooLate);
    }

    #[test]
    fn account_created_after_the_instant_is_not_yet_true() {
        let mut s = sit();
        s.account_created_at =
            Some(DateTime::parse_from_rfc3339("2022-11-10T10:00:00+01:00").unwrap());
        let ev = evaluate(&default_session(), &s, at("2022-11-01T10:00:00+01:00"));
        assert_eq!(status(&ev, ItemId::CreateAccount), Some(Status::Todo));
        assert_eq!(status(&ev, ItemId::ActivateAccount), Some(Status::Todo));
        assert!(ev.deadline(DeadlineId::ActivationDeadline).is_some());
    }

    #[test]
    fn too_late_when_not_registered_at_the_close() {
        let session = default_session();
        let ev = evaluate(&session, &sit(), at("2022-11-18T00:00:00+01:00"));
        assert_eq!(ev.verdict, Verdict::TooLate);
        assert_eq!(status(&ev, ItemId::RegisterOnline), Some(Status::Late));
        let mut s = sit();
        // Account created and activated, not registered by the close.
        s.done = vec![ItemId::CreateAccount, ItemId::ActivateAccount];
        let ev = evaluate(&session, &s, at("2022-11-18T00:00:00+01:00"));
        assert_eq!(ev.verdict, Verdict::TooLate);
        assert_eq!(status(&ev, ItemId::RegisterOnline), Some(Status::Late));
        s.done = vec![
            ItemId::CreateAccount,
            ItemId::ActivateAccount,
            ItemId::RegisterOnline,
        ];
        let ev = evaluate(&session, &s, at("2022-11-18T00:00:00+01:00"));
        assert_eq!(ev.verdict, Verdict::OnTrack);
        assert_eq!(ev.changes, Changes::RedPen);
        assert_eq!(status(&ev, ItemId::MailFile), Some(Status::Todo));
    }

    #[test]
    fn posted_on_read_against_the_return_window() {
        let session = default_session();
        let mut s = sit();
        s.done = all_but_mail();
        s.done.push(ItemId::MailFile);
        let after = at("2022-12-10T12:00:00+01:00");
        let check = |s: &Situation, posted: &str, t: DateTime<Utc>| {
            let mut s = s.clone();
            s.posted_on = Some(posted.parse().unwrap());
            let ev = evaluate(&session, &s, t);
            (
                status(&ev, ItemId::MailFile).unwrap(),
                ev.verdict,
                ev.changes,
            )
        };
        assert_eq!(
            check(&s, "2022-12-02", after),
            (Status::Done, Verdict::Complete, Changes::None),
            "2 December inclusive"
        );
        assert_eq!(
            check(&s, "2022-12-03", after),
            (Status::Late, Verdict::TooLate, Changes::None)
        );
        // Before the window opens: does not count, even though mail-file is ticked (the
        // confirmation is ticked printed: corrections in red pen).
        assert_eq!(
            check(&s, "2022-10-18", at("2022-11-01T12:00:00+01:00")),
            (Status::Todo, Verdict::OnTrack, Changes::RedPen)
        );
        assert_eq!(check(&s, "2022-10-18", after).1, Verdict::TooLate);
        // Dated after the instant: not yet posted.
        assert_eq!(
            check(&s, "2022-11-30", at("2022-11-20T12:00:00+01:00")).0,
            Status::Todo
        );
        assert_eq!(
            check(&s, "2022-11-30", at("2022-11-30T08:00:00+01:00")).0,
            Status::Done
        );
    }

    #[test]
    fn mail_file_ticked_without_date_counts_and_missing_file_is_too_late() {
        let session = default_session();
        let mut s = sit();
        s.done = all_but_mail();
        let ev = evaluate(&session, &s, at("2022-12-03T00:00:00+01:00"));
        assert_eq!(
            (ev.verdict, status(&ev, ItemId::MailFile)),
            (Verdict::TooLate, Some(Status::Late))
        );
        s.done.push(ItemId::MailFile);
        let ev = evaluate(&session, &s, at("2022-12-03T00:00:00+01:00"));
        assert_eq!(
            (ev.verdict, status(&ev, ItemId::MailFile)),
            (Verdict::Complete, Some(Status::Done))
        );
        assert_eq!(ev.phase, Phase::Closed);
        // Items without a due date never become late.
        assert_eq!(status(&ev, ItemId::ReadReferentiel), Some(Status::Todo));
    }

    #[test]
    fn changes_follow_r4_r7_r8() {
        let session = default_session();
        let mut s = sit();
        assert_eq!(
            evaluate(&session, &s, at("2022-10-01T00:00:00+02:00")).changes,
            Changes::None
        );
        assert_eq!(
            evaluate(&session, &s, at("2022-10-01T00:00:00+02:00")).verdict,
            Verdict::NotOpenYet
        );
        assert_eq!(
            evaluate(&session, &s, at("2022-11-01T00:00:00+01:00")).changes,
            Changes::Online
        );
        s.done = vec![ItemId::PrintConfirmation];
        assert_eq!(
            evaluate(&session, &s, at("2022-11-01T00:00:00+01:00")).changes,
            Changes::RedPen
        );
        s.done = vec![ItemId::MailFile];
        assert_eq!(
            evaluate(&session, &s, at("2022-11-01T00:00:00+01:00")).changes,
            Changes::None
        );
        s.done.clear();
        assert_eq!(
            evaluate(&session, &s, at("2022-12-05T00:00:00+01:00")).changes,
            Changes::None
        );
    }

    /// The default session with the return window closing at 17:00 on 2 December.
    fn closing_at_17h() -> Session {
        use chrono::TimeZone;
        let mut s = default_session();
        s.return_closes = s
            .time_zone
            .with_ymd_and_hms(2022, 12, 2, 17, 0, 0)
            .single()
            .unwrap();
        s
    }

    #[test]
    fn closing_day_posting_counts_only_until_the_hour() {
        let session = closing_at_17h();
        assert!(
            session.return_closes_at_an_hour() && !default_session().return_closes_at_an_hour()
        );
        let mut s = sit();
        s.done = all_but_mail();
        s.posted_on = Some("2022-12-02".parse().unwrap());
        let ev = |t: &str| {
            let ev = evaluate(&session, &s, at(t));
            (status(&ev, ItemId::MailFile).unwrap(), ev.verdict)
        };
        assert_eq!(
            ev("2022-12-02T16:00:00+01:00"),
            (Status::Done, Verdict::Complete)
        );
        assert_eq!(
            ev("2022-12-02T17:00:00+01:00"),
            (Status::Done, Verdict::Complete)
        );
        assert_eq!(
            ev("2022-12-02T17:00:01+01:00"),
            (Status::Late, Verdict::TooLate)
        );
        assert_eq!(
            ev("2022-12-20T10:00:00+01:00"),
            (Status::Late, Verdict::TooLate)
        );
        // An earlier day inside the window is done at every instant.
        s.posted_on = Some("2022-12-01".parse().unwrap());
        let e = evaluate(&session, &s, at("2022-12-20T10:00:00+01:00"));
        assert_eq!(
            (status(&e, ItemId::MailFile), e.verdict),
            (Some(Status::Done), Verdict::Complete)
        );
        // A whole-day window: the closing day counts after the evaluated day too.
        s.posted_on = Some("2022-12-02".parse().unwrap());
        let e = evaluate(&default_session(), &s, at("2022-12-20T10:00:00+01:00"));
        assert_eq!(
            (status(&e, ItemId::MailFile), e.verdict),
            (Some(Status::Done), Verdict::Complete)
        );
    }

    #[test]
    fn a_planned_date_after_the_window_is_late_at_every_instant() {
        let mut s = sit();
        s.done = all_but_mail();
        s.posted_on = Some("2022-12-10".parse().unwrap());
        for t in [
            "2022-10-25T10:00:00+02:00",
            "2022-11-20T10:00:00+01:00",
            "2022-12-20T10:00:00+01:00",
        ] {
            let ev = evaluate(&default_session(), &s, at(t));
            assert_eq!(
                (status(&ev, ItemId::MailFile), ev.verdict),
                (Some(Status::Late), Verdict::TooLate),
                "{t}"
            );
        }
        // Inside the window but after the instant: planned, todo.
        s.posted_on = Some("2022-11-30".parse().unwrap());
        let ev = evaluate(&default_session(), &s, at("2022-11-20T10:00:00+01:00"));
        assert_eq!(
            (status(&ev, ItemId::MailFile), ev.verdict),
            (Some(Status::Todo), Verdict::OnTrack)
        );
    }

    #[test]
    fn registration_decides_after_the_close() {
        let session = default_session();
        let after = at("2022-11-20T12:00:00+01:00");
        use ItemId::*;
        for done in [
            vec![],
            vec![CreateAccount],
            vec![CreateAccount, ActivateAccount],
        ] {
            let mut s = sit();
            s.done = done.clone();
            let before = evaluate(&session, &s, at("2022-11-10T12:00:00+01:00"));
            assert_eq!(before.verdict, Verdict::OnTrack, "{done:?}");
            let ev = evaluate(&session, &s, after);
            assert_eq!(ev.verdict, Verdict::TooLate, "{done:?}");
            assert_eq!(status(&ev, RegisterOnline), Some(Status::Late), "{done:?}");
            assert_eq!((ev.next, ev.changes), (None, Changes::None), "{done:?}");
        }
        // Registered: the account chain before it is implied, the file can still be posted.
        let mut s = sit();
        s.done = vec![RegisterOnline];
        let ev = evaluate(&session, &s, after);
        assert_eq!(
            (ev.verdict, ev.changes, ev.next),
            (Verdict::OnTrack, Changes::RedPen, Some(PrintConfirmation))
        );
        // Created after the close and nothing later ticked: create-account late, too-late.
        let mut s = sit();
        s.done = vec![CreateAccount];
        s.account_created_at =
            Some(DateTime::parse_from_rfc3339("2022-11-18T09:00:00+01:00").unwrap());
        let ev = evaluate(&session, &s, after);
        assert_eq!(
            (status(&ev, CreateAccount), ev.verdict),
            (Some(Status::Late), Verdict::TooLate)
        );
    }

    #[test]
    fn after_the_return_deadline_only_the_posting_decides() {
        let session = default_session();
        // Posted on 30 November, in the window.
        let mut full = fixtures::cap_cuisine();
        full.existing_accommodation = true;
        let after = at("2022-12-05T12:00:00+01:00");
        // Posted in time: complete, whatever was left unticked (it keeps its own status).
        for missing in [
            ItemId::AttachTranscript,
            ItemId::AttachAccommodationNotice,
            ItemId::DeclareHandicap,
        ] {
            let mut s = full.clone();
            s.done = ItemId::ALL.into_iter().filter(|i| *i != missing).collect();
            s.done.retain(|i| *i != ItemId::MailFile);
            let ev = evaluate(&session, &s, after);
            assert_eq!(ev.verdict, Verdict::Complete, "{missing:?}");
            assert_eq!(status(&ev, missing), Some(Status::Late), "{missing:?}");
            assert_eq!((ev.changes, ev.next), (Changes::None, None), "{missing:?}");
        }
        // Not posted by the deadline: too late.
        let mut s = full.clone();
        s.posted_on = None;
        s.done = vec![ItemId::SignConfirmation];
        let ev = evaluate(&session, &s, after);
        assert_eq!((ev.verdict, ev.next), (Verdict::TooLate, None));
    }

    #[test]
    fn a_ticked_step_implies_every_earlier_step_of_the_chain() {
        let mut s = sit();
        s.acquis = vec![Acquis {
            epreuve: "EG1".into(),
            kind: AcquisKind::Dispense,
        }];
        s.done = vec![ItemId::MailFile];
        let ev = evaluate(&default_session(), &s, at("2022-11-01T00:00:00+01:00"));
        for id in CHAIN {
            assert_eq!(status(&ev, id), Some(Status::Done), "{id:?}");
        }
        // Attachments and declarations are never implied.
        assert_eq!(status(&ev, ItemId::DeclareAcquis), Some(Status::Todo));
        assert_eq!(status(&ev, ItemId::AttachDiploma), Some(Status::Todo));
        assert_eq!(ev.verdict, Verdict::Complete);
        assert_eq!(ev.next, Some(ItemId::DeclareAcquis));
        // An expired activation is superseded by a later tick.
        let mut s = sit();
        s.account_created_at =
            Some(DateTime::parse_from_rfc3339("2022-10-20T10:00:00+02:00").unwrap());
        s.done = vec![ItemId::PrintConfirmation];
        let ev = evaluate(&default_session(), &s, at("2022-11-01T00:00:00+01:00"));
        assert_eq!(status(&ev, ItemId::ActivateAccount), Some(Status::Done));
        assert_eq!(status(&ev, ItemId::SignConfirmation), Some(Status::Todo));
        assert_eq!(ev.next, Some(ItemId::SignConfirmation));
        // posted_on in the window implies the chain too; outside it, nothing.
        let mut s = sit();
        s.posted_on = Some("2022-10-30".parse().unwrap());
        let ev = evaluate(&default_session(), &s, at("2022-11-01T00:00:00+01:00"));
        assert_eq!(status(&ev, ItemId::CreateAccount), Some(Status::Done));
        s.posted_on = Some("2022-12-10".parse().unwrap());
        let ev = evaluate(&default_session(), &s, at("2022-11-01T00:00:00+01:00"));
        assert_eq!(status(&ev, ItemId::CreateAccount), Some(Status::Todo));
    }
}

//! Checks of the answers as typed (issue 11, point 5): a date that cannot be right, an
//! épreuve row without a name. They say what to look at beside the field; they never refuse
//! an answer (the situation keeps it, and the evaluation still runs on it) and decide no rule:
//! statuses and the verdict stay `evaluate`'s.
//!
//! Pure: compiled and tested natively. The views only display what these functions return.

use chrono::{DateTime, Utc};

use crate::core::{Lang, ReturnMode, Session, Situation};
use crate::labels;
use crate::ui_text::{fill, ui};

/// What is wrong with one answer.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Problem {
    /// `account_created_at` after the evaluated instant (real or simulated clock).
    AccountInFuture,
    /// `account_created_at` before the pre-registration opens.
    AccountBeforeOpening,
    /// `posted_on` after the evaluated instant's date (in the session's zone).
    PostedInFuture,
    /// `posted_on` before the return window's first day.
    PostedBeforeWindow,
    /// An épreuve row with an empty name.
    UnnamedEpreuve,
}

/// The account's creation date, at `at`.
pub fn account_created_at(
    session: &Session,
    situation: &Situation,
    at: DateTime<Utc>,
) -> Option<Problem> {
    let created = situation.account_created_at?.with_timezone(&Utc);
    if created > at {
        Some(Problem::AccountInFuture)
    } else if created < session.registration_opens.with_timezone(&Utc) {
        Some(Problem::AccountBeforeOpening)
    } else {
        None
    }
}

/// The date the file was posted (or uploaded), at `at`: a date, compared with the session
/// zone's dates (as `evaluate` reads it).
pub fn posted_on(session: &Session, situation: &Situation, at: DateTime<Utc>) -> Option<Problem> {
    let d = situation.posted_on?;
    let today = at.with_timezone(&session.time_zone).date_naive();
    if d > today {
        Some(Problem::PostedInFuture)
    } else if d < session.return_opens.date_naive() {
        Some(Problem::PostedBeforeWindow)
    } else {
        None
    }
}

/// Row `i` of épreuves has no name (a row past the end has nothing to say).
pub fn acquis_row(situation: &Situation, i: usize) -> Option<Problem> {
    situation
        .acquis
        .get(i)
        .filter(|a| a.epreuve.trim().is_empty())
        .map(|_| Problem::UnnamedEpreuve)
}

/// Documents are uploaded in Cyclades (no envelope, no postmark).
pub fn upload(session: &Session) -> bool {
    session.return_mode == ReturnMode::Upload
}

/// The sentence shown beside the field.
pub fn message(lang: Lang, session: &Session, problem: Problem) -> String {
    let u = ui(lang);
    let up = upload(session);
    let date = |t| labels::date(lang, t);
    match problem {
        Problem::AccountInFuture => u.err_account_future.to_string(),
        Problem::AccountBeforeOpening => fill(
            u.err_account_before,
            &[("date", &date(&session.registration_opens))],
        ),
        Problem::PostedInFuture if up => u.err_upload_future.to_string(),
        Problem::PostedInFuture => u.err_posted_future.to_string(),
        Problem::PostedBeforeWindow => fill(
            if up {
                u.err_upload_before
            } else {
                u.err_posted_before
            },
            &[("date", &date(&session.return_opens))],
        ),
        Problem::UnnamedEpreuve => u.err_epreuve_unnamed.to_string(),
    }
}

/// The note of the account group when the activation expired (R3): the account is deleted.
pub fn account_expired(lang: Lang, session: &Session) -> String {
    fill(
        ui(lang).account_expired,
        &[("hours", &session.activation_delay_hours.to_string())],
    )
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::core::session::Diploma;
    use crate::core::{default_session, Acquis, AcquisKind};
    use chrono::{NaiveDate, TimeZone};

    fn at(s: &str) -> DateTime<Utc> {
        DateTime::parse_from_rfc3339(s).unwrap().with_timezone(&Utc)
    }

    fn created(s: &str) -> Situation {
        let mut sit = Situation::new(Diploma::Cap);
        sit.account_created_at = Some(DateTime::parse_from_rfc3339(s).unwrap());
        sit
    }

    fn posted(d: &str) -> Situation {
        let mut sit = Situation::new(Diploma::Cap);
        sit.posted_on = Some(d.parse::<NaiveDate>().unwrap());
        sit
    }

    fn upload_session() -> Session {
        let mut s = default_session();
        s.return_mode = ReturnMode::Upload;
        s
    }

    #[test]
    fn account_date_after_the_evaluated_instant_is_in_the_future() {
        let s = default_session();
        let now = at("2022-11-02T10:00:00+01:00");
        let c = |t| account_created_at(&s, &created(t), now);
        assert_eq!(c("2022-11-02T10:00:00+01:00"), None, "the same minute");
        assert_eq!(
            c("2022-11-02T10:00:01+01:00"),
            Some(Problem::AccountInFuture)
        );
        assert_eq!(
            c("2022-11-05T09:00:00+01:00"),
            Some(Problem::AccountInFuture)
        );
        // Another offset, the same instant: not in the future.
        assert_eq!(c("2022-11-02T09:00:00+00:00"), None);
        // The simulated or real clock is what counts: later, the same date is fine.
        assert_eq!(
            account_created_at(
                &s,
                &created("2022-11-05T09:00:00+01:00"),
                at("2022-11-06T00:00:00+01:00")
            ),
            None
        );
    }

    #[test]
    fn account_date_before_the_opening() {
        let s = default_session();
        let now = at("2022-11-02T10:00:00+01:00");
        let c = |t| account_created_at(&s, &created(t), now);
        // Pre-registration opens on 19 October 2022 at 00:00, Paris (UTC+2).
        assert_eq!(c("2022-10-19T00:00:00+02:00"), None, "the first second");
        assert_eq!(
            c("2022-10-18T23:59:59+02:00"),
            Some(Problem::AccountBeforeOpening)
        );
        assert_eq!(
            c("2021-10-20T10:00:00+02:00"),
            Some(Problem::AccountBeforeOpening)
        );
        // Before the opening and after the instant: the future is said first.
        let early = at("2022-10-01T10:00:00+02:00");
        assert_eq!(
            account_created_at(&s, &created("2022-10-05T10:00:00+02:00"), early),
            Some(Problem::AccountInFuture)
        );
        // No date, nothing to say.
        assert_eq!(
            account_created_at(&s, &Situation::new(Diploma::Cap), now),
            None
        );
    }

    #[test]
    fn posting_date_in_the_future_or_before_the_window() {
        let s = default_session();
        let now = at("2022-11-30T23:30:00+01:00");
        let p = |d| posted_on(&s, &posted(d), now);
        assert_eq!(p("2022-11-30"), None, "today");
        assert_eq!(p("2022-12-01"), Some(Problem::PostedInFuture));
        // Returns open on 19 October 2022.
        assert_eq!(p("2022-10-19"), None);
        assert_eq!(p("2022-10-18"), Some(Problem::PostedBeforeWindow));
        // "Today" is the session zone's date: 23:30 UTC on 30 Nov is already 1 Dec in Paris.
        let late_utc = Utc.with_ymd_and_hms(2022, 11, 30, 23, 30, 0).unwrap();
        assert_eq!(posted_on(&s, &posted("2022-12-01"), late_utc), None);
        assert_eq!(
            posted_on(&s, &Situation::new(Diploma::Cap), now),
            None,
            "no date"
        );
    }

    #[test]
    fn unnamed_rows() {
        let mut sit = Situation::new(Diploma::Cap);
        for name in ["EG1", "", "  "] {
            sit.acquis.push(Acquis {
                epreuve: name.into(),
                kind: AcquisKind::Benefice,
            });
        }
        assert_eq!(acquis_row(&sit, 0), None);
        assert_eq!(acquis_row(&sit, 1), Some(Problem::UnnamedEpreuve));
        assert_eq!(acquis_row(&sit, 2), Some(Problem::UnnamedEpreuve));
        assert_eq!(acquis_row(&sit, 3), None, "past the end");
    }

    #[test]
    fn messages_name_the_dates() {
        let s = default_session();
        assert_eq!(
            message(Lang::Fr, &s, Problem::AccountBeforeOpening),
            "Pré-inscriptions à partir du mercredi 19 octobre 2022\u{a0}: vérifiez la date."
        );
        assert!(message(Lang::En, &s, Problem::PostedBeforeWindow)
            .contains("Wednesday 19 October 2022"));
        assert_eq!(
            account_expired(Lang::Fr, &s),
            "Ce compte a été supprimé (48 h dépassées)\u{a0}: créez-en un nouveau, puis indiquez sa date de création."
        );
    }

    #[test]
    fn upload_sessions_never_speak_of_post() {
        let post = default_session();
        let up = upload_session();
        assert!(!upload(&post) && upload(&up));
        for lang in [Lang::Fr, Lang::En] {
            for p in [Problem::PostedInFuture, Problem::PostedBeforeWindow] {
                let text = message(lang, &up, p).to_lowercase();
                for word in [
                    "cachet", "poste", "postmark", "post ", "posted", "envoi", "mail",
                ] {
                    assert!(
                        !text.contains(word),
                        "{lang:?} {p:?}: «\u{a0}{text}\u{a0}» says {word}"
                    );
                }
                assert!(
                    text.contains("dépôt") || text.contains("dépos") || text.contains("upload"),
                    "{text}"
                );
                let by_post = message(lang, &post, p).to_lowercase();
                assert!(by_post.contains("post"), "{by_post}");
            }
            let label = ui(lang).file_posted_on_upload.to_lowercase();
            assert!(
                label.contains("dépôt") || label.contains("upload"),
                "{label}"
            );
        }
    }
}

//! The top of the candidate's page, as sentences: the verdict, how changes can still be made,
//! and the next step (the contract's `next`) with its due date, countdown and action.
//!
//! One function of (phase × verdict × changes × next), so that the page cannot say two things
//! that contradict each other: no red-pen advice when it is too late, no "still possible" next
//! to a deleted account, no "all can be done in time" once the file went. The table test below
//! goes through every combination the rules produce.
//!
//! Pure: compiled and tested natively; the views only show what it returns.

use chrono::{DateTime, Utc};
use chrono_tz::Tz;

use crate::core::session::ReturnMode;
use crate::core::Phase;
use crate::core::{wording, Changes, Evaluation, ItemId, Lang, Session, Status, Verdict};
use crate::ui_text::{countdown, fill, ui};

/// How the headline should look (DSFR alert types).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Tone {
    Info,
    Success,
    Warning,
    Error,
}

impl Tone {
    pub fn as_str(self) -> &'static str {
        match self {
            Tone::Info => "info",
            Tone::Success => "success",
            Tone::Warning => "warning",
            Tone::Error => "error",
        }
    }
}

/// Where the next step is done: a link to follow, or a part of this page.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Action {
    pub label: &'static str,
    pub href: String,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct TopOfPage {
    /// The verdict, in one sentence.
    pub verdict: &'static str,
    /// How the registration can still be corrected; `None` when nothing is left to correct
    /// (too late, or the file went).
    pub changes: Option<&'static str>,
    /// The headline: what to do now (or why nothing is left), one or two sentences.
    pub headline: String,
    pub tone: Tone,
    pub action: Option<Action>,
}

fn t(lang: Lang, fr: &'static str, en: &'static str) -> &'static str {
    match lang {
        Lang::Fr => fr,
        Lang::En => en,
    }
}

fn upload(session: &Session) -> bool {
    session.return_mode == ReturnMode::Upload
}

/// "le jeudi 17 novembre 2022 à 23:59 (dans 3 jours)" / "Thursday …, 23:59 (in 3 days)".
fn by(lang: Lang, at: DateTime<Utc>, due: DateTime<Tz>) -> String {
    let left = countdown(lang, at, due.with_timezone(&Utc));
    match lang {
        Lang::Fr => format!(
            "avant le {} (il reste {left})",
            wording::format_instant(due, lang)
        ),
        Lang::En => format!("by {} ({left} left)", wording::format_instant(due, lang)),
    }
}

/// Whether the account was deleted: the 48 hours passed without activation.
fn account_deleted(ev: &Evaluation) -> bool {
    ev.item(ItemId::ActivateAccount)
        .is_some_and(|i| i.status == Status::Expired)
}

/// Everything the top of the page says, at the evaluated instant (`now` drives the
/// countdowns: the real or simulated clock).
pub fn top_of_page(
    session: &Session,
    ev: &Evaluation,
    lang: Lang,
    now: DateTime<Utc>,
) -> TopOfPage {
    let verdict = verdict_sentence(session, ev, lang);
    let changes = changes_sentence(ev, lang);
    let (headline, tone, action) = match ev.verdict {
        Verdict::TooLate => too_late(session, ev, lang),
        Verdict::Complete => complete(session, ev, lang),
        Verdict::NotOpenYet => (
            match lang {
                Lang::Fr => format!(
                    "Les inscriptions ouvrent le {} (dans {}). Vous pourrez alors créer votre compte Cyclades.",
                    wording::format_instant(session.registration_opens, lang),
                    countdown(lang, now, session.registration_opens.with_timezone(&Utc))
                ),
                Lang::En => format!(
                    "Registration opens on {} (in {}). You can then create your Cyclades account.",
                    wording::format_instant(session.registration_opens, lang),
                    countdown(lang, now, session.registration_opens.with_timezone(&Utc))
                ),
            },
            Tone::Info,
            None,
        ),
        Verdict::OnTrack => next_step(session, ev, lang, now),
        // Never in the page's wasm (built without the core's `v2` feature, ADR 0014).
        Verdict::NotEligible if !crate::core::V2 => (String::new(), Tone::Error, None),
        // The conditions' own messages, in the file's order (session files v2).
        Verdict::NotEligible => (
            ev.eligibility
                .iter()
                .filter_map(|&i| session.eligibility().get(usize::from(i)))
                .map(|e| e.message.get(lang))
                .collect::<Vec<_>>()
                .join(" "),
            Tone::Error,
            None,
        ),
    };
    TopOfPage {
        verdict,
        changes,
        headline,
        tone,
        action,
    }
}

/// The phase banner: the session's phase in words. A countdown speaks to the candidate ("il
/// vous reste…") only while they are on track; once the file went or it is too late, the
/// banner states the session's phase alone and the headline says what it means for them.
pub fn phase_sentence(
    session: &Session,
    ev: &Evaluation,
    lang: Lang,
    now: DateTime<Utc>,
) -> String {
    let s = session;
    let u = ui(lang);
    let on_track = ev.verdict == Verdict::OnTrack;
    let left = |template: &str, until: &DateTime<Tz>| {
        fill(
            template,
            &[
                ("left", &countdown(lang, now, until.with_timezone(&Utc))),
                ("date", &wording::format_instant(*until, lang)),
            ],
        )
    };
    match ev.phase {
        Phase::BeforeOpening => left(u.left_opening, &s.registration_opens),
        Phase::RegistrationOpen if on_track => left(u.left_register, &s.registration_closes),
        Phase::RegistrationOpen => {
            format!("{}.", wording::phase_label(Phase::RegistrationOpen, lang))
        }
        Phase::ReturnOnly => {
            let closed = fill(
                u.closed_reg,
                &[(
                    "date",
                    &wording::format_date(s.registration_closes.date_naive(), lang),
                )],
            );
            if !on_track {
                return closed;
            }
            let template = if upload(s) {
                u.left_return_upload
            } else {
                u.left_return
            };
            format!("{closed} {}", left(template, &s.return_closes))
        }
        // Closed is not "too late" for a candidate whose file went in time: say which.
        Phase::Closed => {
            let closed = fill(
                u.closed_all,
                &[("date", &wording::format_instant(s.return_closes, lang))],
            );
            match ev.verdict {
                Verdict::Complete => format!("{closed} {}", u.closed_complete),
                _ => closed,
            }
        }
    }
}

/// How the registration can still be corrected; `None` when nothing is left to correct (too
/// late, the file went, not open yet).
pub fn changes_sentence(ev: &Evaluation, lang: Lang) -> Option<&'static str> {
    match (ev.verdict, ev.changes) {
        (Verdict::TooLate | Verdict::Complete | Verdict::NotOpenYet | Verdict::NotEligible, _)
        | (_, Changes::None) => None,
        (_, Changes::Online) => Some(t(
            lang,
            "Vous pouvez encore modifier votre inscription en ligne.",
            "You can still change your registration online.",
        )),
        (_, Changes::RedPen) => Some(t(
            lang,
            "Toute correction s'écrit désormais au stylo rouge sur la confirmation papier.",
            "Any correction must now be written in red pen on the paper confirmation.",
        )),
    }
}

/// The verdict in one sentence (the verdict box).
pub fn verdict_sentence(session: &Session, ev: &Evaluation, lang: Lang) -> &'static str {
    match ev.verdict {
        Verdict::NotOpenYet => t(
            lang,
            "Les inscriptions ne sont pas encore ouvertes.",
            "Registration is not open yet.",
        ),
        Verdict::TooLate => t(
            lang,
            "Il est trop tard pour cette session.",
            "It is too late for this session.",
        ),
        Verdict::NotEligible if !crate::core::V2 => "",
        Verdict::NotEligible => t(
            lang,
            "D'après vos réponses, l'inscription en candidat individuel n'est pas possible.",
            "From your answers, registering as an individual candidate is not possible.",
        ),
        Verdict::Complete if upload(session) => t(
            lang,
            "Dossier déposé à temps\u{a0}: plus rien à faire pour l'inscription.",
            "File uploaded in time: nothing more to do for the registration.",
        ),
        Verdict::Complete => t(
            lang,
            "Dossier envoyé à temps\u{a0}: plus rien à faire pour l'inscription.",
            "File sent in time: nothing more to do for the registration.",
        ),
        Verdict::OnTrack if account_deleted(ev) => t(
            lang,
            "Votre compte Cyclades a été supprimé (48\u{a0}h dépassées)\u{a0}: il faut en créer un nouveau.",
            "Your Cyclades account was deleted (48 hours passed): you must create a new one.",
        ),
        Verdict::OnTrack => t(
            lang,
            "C'est encore possible\u{a0}: tout ce qui reste peut être fait à temps.",
            "Still possible: everything left can be done in time.",
        ),
    }
}

fn too_late(session: &Session, ev: &Evaluation, lang: Lang) -> (String, Tone, Option<Action>) {
    let not_registered = ev
        .item(ItemId::RegisterOnline)
        .is_some_and(|i| i.status != Status::Done);
    let reason = match (not_registered, upload(session), lang) {
        (true, _, Lang::Fr) => format!(
            "la pré-inscription en ligne s'est terminée le {} sans inscription enregistrée",
            wording::format_instant(session.registration_closes, lang)
        ),
        (true, _, Lang::En) => format!(
            "online pre-registration ended on {} with no registration saved",
            wording::format_instant(session.registration_closes, lang)
        ),
        (false, false, Lang::Fr) => format!(
            "le dossier devait être posté au plus tard le {}",
            wording::format_date(session.return_closes.date_naive(), lang)
        ),
        (false, true, Lang::Fr) => format!(
            "le dossier devait être déposé au plus tard le {}",
            wording::format_instant(session.return_closes, lang)
        ),
        (false, false, Lang::En) => format!(
            "the file had to be posted by {}",
            wording::format_date(session.return_closes.date_naive(), lang)
        ),
        (false, true, Lang::En) => format!(
            "the file had to be uploaded by {}",
            wording::format_instant(session.return_closes, lang)
        ),
    };
    let text = match lang {
        Lang::Fr => format!(
            "Il est trop tard pour cette session\u{a0}: {reason}. L'académie publie sur son site les dates de la prochaine session."
        ),
        Lang::En => format!(
            "It is too late for this session: {reason}. The académie publishes the next session's dates on its website."
        ),
    };
    let action = Action {
        label: t(lang, "Site de l'académie", "The académie's website"),
        href: session.links.academie.clone(),
    };
    (text, Tone::Error, Some(action))
}

fn complete(session: &Session, ev: &Evaluation, lang: Lang) -> (String, Tone, Option<Action>) {
    // The verdict's own sentence, then what comes next, only as the notice says it (R2):
    // documents are published in the candidate's Cyclades space.
    let text = format!(
        "{} {}",
        verdict_sentence(session, ev, lang),
        t(
            lang,
            "Gardez votre mot de passe Cyclades\u{a0}: vos documents seront publiés dans votre espace candidat.",
            "Keep your Cyclades password: your documents will be published in your candidate space.",
        )
    );
    let action = Action {
        label: t(lang, "Mon espace Cyclades", "My Cyclades space"),
        href: session.links.cyclades.clone(),
    };
    (text, Tone::Success, Some(action))
}

fn next_step(
    session: &Session,
    ev: &Evaluation,
    lang: Lang,
    now: DateTime<Utc>,
) -> (String, Tone, Option<Action>) {
    let Some(item) = ev.next.and_then(|id| ev.item(id)) else {
        // On track with nothing to do: cannot happen (mail-file or register-online is then
        // left), but say something true rather than nothing.
        return (
            verdict_sentence(session, ev, lang).to_owned(),
            Tone::Info,
            None,
        );
    };
    let label = lower_first(wording::item_label_for(item.id, session, lang));
    let when = match item.due {
        Some(due) => by(lang, now, due),
        None => t(
            lang,
            "la notice ne donne pas de date limite",
            "the notice gives no deadline",
        )
        .to_owned(),
    };
    let text = if item.id == ItemId::CreateAccount && account_deleted(ev) {
        match lang {
            Lang::Fr => format!("Votre compte a été supprimé (48\u{a0}h dépassées)\u{a0}: créez-en un nouveau {when}."),
            Lang::En => format!("Your account was deleted (48 hours passed): create a new one {when}."),
        }
    } else {
        match lang {
            Lang::Fr => format!("Prochaine étape\u{a0}: {label}, {when}."),
            Lang::En => format!("Next step: {label}, {when}."),
        }
    };
    let tone = if account_deleted(ev) {
        Tone::Warning
    } else {
        Tone::Info
    };
    (text, tone, action_for(session, item.id, lang))
}

/// "Créer votre compte" → "créer votre compte": the label continues the sentence. ASCII only,
/// on purpose: every label starts with an ASCII capital, and `char::to_lowercase` would bring
/// the Unicode case tables into the wasm (measured: several KB).
fn lower_first(label: &str) -> String {
    let mut out = label.to_owned();
    if let Some(first) = out.get_mut(..1) {
        first.make_ascii_lowercase();
    }
    out
}

/// Where the step is done: Cyclades for the online steps, the accommodation site, Eduscol, or
/// the envelope section of this page.
fn action_for(session: &Session, id: ItemId, lang: Lang) -> Option<Action> {
    let cyclades = |label| {
        Some(Action {
            label,
            href: session.links.cyclades.clone(),
        })
    };
    match id {
        ItemId::CreateAccount
        | ItemId::RegisterOnline
        | ItemId::DeclareHandicap
        | ItemId::DeclareAcquis
        | ItemId::PrintConfirmation => cyclades(t(lang, "Ouvrir Cyclades", "Open Cyclades")),
        ItemId::RequestAccommodation => session.links.accommodation.clone().map(|href| Action {
            label: t(lang, "Demander un aménagement", "Request accommodations"),
            href,
        }),
        ItemId::ReadReferentiel => Some(Action {
            label: t(
                lang,
                "Lire le référentiel sur Eduscol",
                "Read the référentiel on Eduscol",
            ),
            href: session.links.eduscol.clone(),
        }),
        ItemId::MailFile
        | ItemId::AttachSupportingDocuments
        | ItemId::AttachAccommodationNotice
        | ItemId::AttachTranscript
        | ItemId::AttachDiploma
        | ItemId::SignConfirmation => {
            // By post, the envelope section of this page says what to do: no link (a fragment
            // link would change a host page's address when the page is a widget).
            upload(session).then(|| Action {
                label: t(lang, "Déposer dans Cyclades", "Upload in Cyclades"),
                href: session.links.cyclades.clone(),
            })
        }
        // Activation is a click in the mail Cyclades sent: no link of ours helps.
        ItemId::ActivateAccount => None,
        // `ItemId::Piece` (with the core's `v2` feature; the page's wasm has none, ADR 0014):
        // a declared piece is joined like the notice's attachments.
        #[allow(unreachable_patterns)]
        _ => action_for(session, ItemId::AttachDiploma, lang),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::core::session::Diploma;
    use crate::core::{default_session, evaluate, Phase, Situation};
    use std::collections::BTreeSet;

    fn at(s: &str) -> DateTime<Utc> {
        DateTime::parse_from_rfc3339(s).unwrap().with_timezone(&Utc)
    }

    /// Situations that reach every verdict, change mode, next step and the expired account.
    fn situations() -> Vec<Situation> {
        use ItemId::*;
        let mut all = Vec::new();
        let ticks: [&[ItemId]; 8] = [
            &[],
            &[CreateAccount],
            &[CreateAccount, ActivateAccount],
            &[RegisterOnline],
            &[PrintConfirmation],
            &[SignConfirmation, AttachSupportingDocuments],
            &[MailFile],
            &[MailFile, AttachSupportingDocuments, ReadReferentiel],
        ];
        for done in ticks {
            for created in [
                None,
                Some("2022-10-20T10:00:00+02:00"),
                Some("2022-11-01T10:00:00+01:00"),
            ] {
                for posted in [None, Some("2022-11-25"), Some("2022-12-05")] {
                    for accommodation in [false, true] {
                        let mut s = Situation::new(Diploma::Cap);
                        s.done = done.to_vec();
                        s.account_created_at =
                            created.map(|c| DateTime::parse_from_rfc3339(c).unwrap());
                        s.posted_on = posted.map(|p| p.parse().unwrap());
                        s.new_accommodation_request = accommodation;
                        all.push(s);
                    }
                }
            }
        }
        all
    }

    const INSTANTS: [&str; 7] = [
        "2022-10-10T12:00:00+02:00",
        "2022-10-25T12:00:00+02:00",
        "2022-11-10T12:00:00+01:00",
        "2022-11-17T23:00:00+01:00",
        "2022-11-20T12:00:00+01:00",
        "2022-12-02T20:00:00+01:00",
        "2022-12-10T12:00:00+01:00",
    ];

    /// Every (phase × verdict × changes × next) the rules produce, in both languages: the
    /// sentences never contradict the evaluation or each other.
    #[test]
    fn no_combination_contradicts_itself() {
        let session = default_session();
        let mut seen = BTreeSet::new();
        for s in situations() {
            for when in INSTANTS {
                let ev = evaluate(&session, &s, at(when));
                seen.insert(format!(
                    "{:?} {:?} {:?} {:?}",
                    ev.phase, ev.verdict, ev.changes, ev.next
                ));
                for lang in [Lang::Fr, Lang::En] {
                    let top = top_of_page(&session, &ev, lang, at(when));
                    let all = format!(
                        "{} {} {}",
                        top.verdict,
                        top.changes.unwrap_or(""),
                        top.headline
                    );
                    let case = format!("{when} {s:?} {lang:?}: {all}");
                    let too_late = ev.verdict == Verdict::TooLate;
                    // Too late: no advice that no longer applies, and it says so.
                    if too_late {
                        assert!(
                            !all.contains("stylo rouge") && !all.contains("red pen"),
                            "{case}"
                        );
                        assert!(
                            !all.contains("encore possible") && !all.contains("Still possible"),
                            "{case}"
                        );
                        assert!(
                            !all.contains("Prochaine étape") && !all.contains("Next step"),
                            "{case}"
                        );
                        assert!(
                            all.contains("trop tard") || all.contains("too late"),
                            "{case}"
                        );
                        assert_eq!(top.tone, Tone::Error, "{case}");
                    } else {
                        assert!(
                            !all.contains("trop tard") && !all.contains("too late"),
                            "{case}"
                        );
                    }
                    // A deleted account is never "still possible: all can be done in time".
                    if account_deleted(&ev) && !too_late {
                        assert!(
                            !all.contains("encore possible") && !all.contains("Still possible"),
                            "{case}"
                        );
                        assert!(
                            all.contains("supprimé") || all.contains("deleted"),
                            "{case}"
                        );
                    }
                    // Once the file went, nothing reads as pending.
                    if ev.verdict == Verdict::Complete {
                        assert!(
                            !all.contains("peut être fait à temps")
                                && !all.contains("can be done in time"),
                            "{case}"
                        );
                        assert!(top.changes.is_none(), "{case}");
                        assert_eq!(top.tone, Tone::Success, "{case}");
                    }
                    // The red-pen line only with the red-pen mode, online only while open.
                    assert_eq!(
                        top.changes
                            .is_some_and(|c| c.contains("stylo rouge") || c.contains("red pen")),
                        ev.changes == Changes::RedPen
                            && !too_late
                            && ev.verdict != Verdict::Complete,
                        "{case}"
                    );
                    if ev.changes == Changes::Online {
                        assert_eq!(ev.phase, Phase::RegistrationOpen, "{case}");
                    }
                    // The next step is the contract's `next`, named by its label.
                    if ev.verdict == Verdict::OnTrack {
                        let next = ev.next.expect("on track always has a next step");
                        if !(next == ItemId::CreateAccount && account_deleted(&ev)) {
                            assert!(
                                top.headline.contains(&lower_first(wording::item_label_for(
                                    next, &session, lang
                                ))),
                                "{case}"
                            );
                        }
                    }
                    // French typography: no plain space before a colon.
                    if lang == Lang::Fr {
                        assert!(!all.contains(" :"), "{case}");
                    }
                }
            }
        }
        // The grid reaches every verdict and every change mode.
        for v in ["OnTrack", "Complete", "TooLate", "NotOpenYet"] {
            assert!(
                seen.iter().any(|k| k.contains(&format!(" {v} "))),
                "{v} never reached: {seen:#?}"
            );
        }
        for c in ["Online", "RedPen", "None"] {
            assert!(
                seen.iter().any(|k| k.contains(&format!(" {c} "))),
                "{c} never reached"
            );
        }
    }

    #[test]
    fn every_label_starts_with_an_ascii_capital() {
        let session = default_session();
        for id in ItemId::ALL {
            for lang in [Lang::Fr, Lang::En] {
                let label = wording::item_label_for(id, &session, lang);
                assert!(
                    label.starts_with(|c: char| c.is_ascii_uppercase()),
                    "{label}"
                );
                assert!(lower_first(label).starts_with(|c: char| c.is_ascii_lowercase()));
            }
        }
    }

    #[test]
    fn the_five_stories() {
        let session = default_session();
        let show = |s: &Situation, when: &str| {
            top_of_page(
                &session,
                &evaluate(&session, s, at(when)),
                Lang::Fr,
                at(when),
            )
        };
        // Open, nothing done.
        let open = show(&Situation::new(Diploma::Cap), "2022-11-14T20:00:00+01:00");
        assert_eq!(open.headline, "Prochaine étape\u{a0}: créer votre compte Cyclades, avant le jeudi 17 novembre 2022 à 23:59 (il reste 3 jours et 3 heures).", "{open:?}");
        // Expired account.
        let mut s = Situation::new(Diploma::Cap);
        s.account_created_at =
            Some(DateTime::parse_from_rfc3339("2022-11-01T10:00:00+01:00").unwrap());
        let expired = show(&s, "2022-11-14T20:00:00+01:00");
        assert!(expired.headline.starts_with("Votre compte a été supprimé (48\u{a0}h dépassées)\u{a0}: créez-en un nouveau avant le jeudi 17 novembre 2022 à 23:59"), "{expired:?}");
        assert_eq!(expired.tone, Tone::Warning);
        // Posted.
        let mut s = Situation::new(Diploma::Cap);
        s.posted_on = Some("2022-11-25".parse().unwrap());
        let posted = show(&s, "2022-11-28T12:00:00+01:00");
        assert!(
            posted.headline.starts_with("Dossier envoyé à temps"),
            "{posted:?}"
        );
        // Too late.
        let late = show(&Situation::new(Diploma::Cap), "2022-11-20T12:00:00+01:00");
        assert!(late.headline.starts_with("Il est trop tard pour cette session\u{a0}: la pré-inscription en ligne s'est terminée le jeudi 17 novembre 2022 à 23:59"), "{late:?}");
        assert_eq!(late.action.unwrap().href, session.links.academie);
    }
}

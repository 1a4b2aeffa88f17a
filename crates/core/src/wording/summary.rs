//! The session at a glance, for the static page `cargo xtask build` writes into
//! `dist/index.html` (ADR 0012): what every candidate of the session must know before giving
//! any answer, readable without JavaScript or WebAssembly. General wording ("si vous…"),
//! never a candidate's; the labels, dates, dues and order are the app's own (`item_label_for`,
//! `evaluate`, `format_instant`). The wasm never calls it, so its LTO drops it.

use chrono::{DateTime, NaiveTime};
use chrono_tz::Tz;

use super::{deadline_label, format_date, format_instant, item_label_for, notice_section_in, t};
use crate::evaluate::evaluate;
use crate::ids::{DeadlineId, ItemId};
use crate::session::{ReturnMode, Session};
use crate::situation::{Acquis, AcquisKind, Situation};
use crate::wording::Lang;

/// One step of the procedure, in the checklist's order.
#[derive(Debug, Clone, PartialEq)]
pub struct Step {
    pub id: ItemId,
    pub label: String,
    /// Who the step is for; `None`: every candidate.
    pub condition: Option<String>,
    /// "avant le jeudi 17 novembre 2022 à 23:59"; `None` when the notice gives no date.
    pub due: Option<String>,
    pub reason: String,
    /// Where the notice says it ("§1, étape 1"); for a declared piece, the file's `source`.
    pub section: String,
}

/// A candidate to whom every step applies (an accommodation held and one requested, a grade
/// carried over and an exemption): evaluated at the opening, it lists every step with its due.
fn every_case(session: &Session) -> Situation {
    let mut s = Situation::new(
        session
            .diplomas
            .first()
            .copied()
            .unwrap_or(crate::session::Diploma::Cap),
    );
    s.existing_accommodation = true;
    s.new_accommodation_request = true;
    s.acquis = vec![
        Acquis {
            epreuve: String::new(),
            kind: AcquisKind::Benefice,
        },
        Acquis {
            epreuve: String::new(),
            kind: AcquisKind::Dispense,
        },
    ];
    s
}

/// Every step of the session, in order, each with its condition, due date and reason.
pub fn steps(session: &Session, lang: Lang) -> Vec<Step> {
    let opening = session.registration_opens.with_timezone(&chrono::Utc);
    evaluate(session, &every_case(session), opening)
        .items
        .into_iter()
        .map(|item| Step {
            id: item.id,
            label: item_label_for(item.id, session, lang).to_owned(),
            condition: condition_in(item.id, session, lang),
            due: item
                .due
                .map(|d| format!("{} {}", t(lang, "avant le", "by"), format_instant(d, lang))),
            reason: reason(item.id, session, lang),
            section: section(item.id, session, lang),
        })
        .collect()
}

/// Where the notice says it; a declared piece's own `source` (or nothing).
fn section(id: ItemId, session: &Session, lang: Lang) -> String {
    #[cfg(feature = "v2")]
    if let ItemId::Piece(i) = id {
        return piece(session, i)
            .and_then(|p| p.source.clone())
            .unwrap_or_default();
    }
    let _ = session;
    notice_section_in(id, lang).to_owned()
}

#[cfg(feature = "v2")]
fn piece(session: &Session, i: u16) -> Option<&crate::declared::Piece> {
    session.pieces.get(usize::from(i))
}

/// Who a step is for, in words, the declared pieces' conditions included.
pub fn condition_in(id: ItemId, session: &Session, lang: Lang) -> Option<String> {
    #[cfg(feature = "v2")]
    if let ItemId::Piece(i) = id {
        let when = piece(session, i)?.when.as_ref()?;
        return Some(condition_words(when, session, lang));
    }
    let _ = session;
    condition(id, lang).map(str::to_owned)
}

/// A `when` condition in words: "Si vous répondez « oui » à « … »", "Pour le CAP ou le BP",
/// joined by "et" / "ou" (an inner group in parentheses).
#[cfg(feature = "v2")]
pub fn condition_words(c: &crate::declared::Condition, session: &Session, lang: Lang) -> String {
    use crate::declared::Condition;
    let words = |c: &Condition| match c {
        Condition::All(_) | Condition::Any(_) => {
            format!("({})", lower(&condition_words(c, session, lang)))
        }
        _ => lower(&condition_words(c, session, lang)),
    };
    match c {
        Condition::Answer { question, answer } => {
            let label = session
                .questions
                .get(usize::from(*question))
                .map_or("", |q| q.label.get(lang));
            match (lang, answer) {
                (Lang::Fr, true) => {
                    format!("Si vous répondez «\u{a0}oui\u{a0}» à «\u{a0}{label}\u{a0}»")
                }
                (Lang::Fr, false) => {
                    format!("Si vous répondez «\u{a0}non\u{a0}» à «\u{a0}{label}\u{a0}»")
                }
                (Lang::En, true) => format!("If you answer \"yes\" to \"{label}\""),
                (Lang::En, false) => format!("If you answer \"no\" to \"{label}\""),
            }
        }
        Condition::Diplomas(ds) => {
            let names: Vec<&str> = ds.iter().map(|d| super::diploma_name(*d, lang)).collect();
            format!(
                "{} {}",
                t(lang, "Pour", "For"),
                names.join(t(lang, " ou ", " or "))
            )
        }
        Condition::All(cs) | Condition::Any(cs) => {
            let joint = match c {
                Condition::All(_) => t(lang, " et ", " and "),
                _ => t(lang, " ou ", " or "),
            };
            let parts: Vec<String> = cs.iter().map(words).collect();
            upper(&parts.join(joint))
        }
    }
}

#[cfg(feature = "v2")]
fn lower(s: &str) -> String {
    let mut c = s.chars();
    c.next()
        .map(|f| f.to_lowercase().chain(c).collect())
        .unwrap_or_default()
}

#[cfg(feature = "v2")]
fn upper(s: &str) -> String {
    let mut c = s.chars();
    c.next()
        .map(|f| f.to_uppercase().chain(c).collect())
        .unwrap_or_default()
}

/// Who a step is for, when it is not every candidate.
pub fn condition(id: ItemId, lang: Lang) -> Option<&'static str> {
    let (fr, en) = match id {
        ItemId::DeclareHandicap => (
            "Si vous avez un aménagement d'épreuves ou en demandez un",
            "If you have exam accommodations or are requesting them",
        ),
        ItemId::RequestAccommodation => (
            "Si vous demandez un nouvel aménagement d'épreuves",
            "If you are requesting new exam accommodations",
        ),
        ItemId::DeclareAcquis => (
            "Si vous avez des dispenses ou des bénéfices de notes",
            "If you have exemptions or carried-over grades",
        ),
        ItemId::AttachAccommodationNotice => (
            "Si vous avez déjà un aménagement d'épreuves",
            "If you already have exam accommodations",
        ),
        ItemId::AttachTranscript => (
            "Si vous gardez une note d'une session précédente (bénéfice de note)",
            "If you carry over a grade from an earlier session (bénéfice)",
        ),
        ItemId::AttachDiploma => (
            "Si un diplôme vous dispense d'une épreuve (dispense)",
            "If a diploma exempts you from an épreuve (dispense)",
        ),
        _ => return None,
    };
    Some(t(lang, fr, en))
}

/// Why the step is there, in general terms (the page's "Pourquoi ?" says it for one candidate).
pub fn reason(id: ItemId, session: &Session, lang: Lang) -> String {
    let upload = session.return_mode == ReturnMode::Upload;
    let hours = session.activation_delay_hours;
    #[cfg(feature = "v2")]
    if let ItemId::Piece(i) = id {
        let why = piece(session, i).and_then(|p| p.why.as_ref());
        return match why {
            Some(why) => why.get(lang).to_owned(),
            None if upload => t(
                lang,
                "L'académie demande cette pièce, à déposer dans Cyclades.",
                "The académie asks for this document, to upload in Cyclades.",
            )
            .to_owned(),
            None => t(
                lang,
                "L'académie demande cette pièce, à joindre au dossier.",
                "The académie asks for this document, to put in the file.",
            )
            .to_owned(),
        };
    }
    let text: &str = match id {
        ItemId::CreateAccount => t(
            lang,
            "Tout passe par un compte Cyclades, avec une adresse mail valide et à vous seul. Gardez le mot de passe toute la session\u{a0}: vos documents y sont publiés.",
            "Everything goes through a Cyclades account, with a valid e-mail address of your own. Keep the password for the whole session: your documents are published there.",
        ),
        ItemId::ActivateAccount => {
            return match lang {
                Lang::Fr => format!("Un mail arrive après la création du compte\u{a0}: sans clic sur «\u{a0}Activer mon compte\u{a0}» dans les {hours}\u{a0}heures, le compte est supprimé et tout est à recommencer."),
                Lang::En => format!("An e-mail arrives once the account is created: without a click on \"Activer mon compte\" within {hours} hours, the account is deleted and everything starts again."),
            }
        }
        ItemId::RegisterOnline => t(
            lang,
            "La candidature n'existe qu'une fois l'inscription faite dans l'onglet «\u{a0}m'inscrire\u{a0}» et enregistrée. Jusqu'à la fin de la pré-inscription, elle se modifie en ligne.",
            "The candidacy exists only once the registration is made in the \"m'inscrire\" tab and saved. Until the pre-registration closes, it can be changed online.",
        ),
        ItemId::DeclareHandicap => t(
            lang,
            "Tout candidat en situation de handicap qui a ou demande un aménagement d'épreuves répond «\u{a0}OUI\u{a0}» à la rubrique «\u{a0}Handicap\u{a0}» pendant l'inscription.",
            "Every candidate with a disability who has or requests exam accommodations answers \"OUI\" to the \"Handicap\" item while registering.",
        ),
        ItemId::RequestAccommodation => t(
            lang,
            "Une nouvelle demande se fait sur le site du rectorat, rubrique «\u{a0}Aménagement d'épreuves aux examens\u{a0}». La notice ne donne pas de date limite\u{a0}: renseignez-vous sans attendre.",
            "A new request is made on the rectorat's site, \"Aménagement d'épreuves aux examens\". The notice gives no deadline: ask without waiting.",
        ),
        ItemId::DeclareAcquis => t(
            lang,
            "Les dispenses et les bénéfices de notes se saisissent aux épreuves concernées, pendant l'inscription en ligne.",
            "Exemptions and carried-over grades are entered at the épreuves concerned, while registering online.",
        ),
        ItemId::PrintConfirmation => t(
            lang,
            "La confirmation d'inscription et la liste des pièces justificatives sont dans «\u{a0}Mes documents\u{a0}» de votre compte Cyclades.",
            "The registration confirmation and the list of supporting documents are in \"Mes documents\" in your Cyclades account.",
        ),
        ItemId::SignConfirmation => t(
            lang,
            "Sans signature, le dossier n'est pas complet. Après la fin de la pré-inscription, un changement s'écrit au stylo rouge sur la confirmation.",
            "Without a signature the file is not complete. After the pre-registration closes, a change is written in red pen on the confirmation.",
        ),
        ItemId::AttachSupportingDocuments if upload => t(
            lang,
            "Chaque pièce de la liste éditée avec la confirmation se dépose dans Cyclades.",
            "Every document on the list printed with the confirmation is uploaded in Cyclades.",
        ),
        ItemId::AttachSupportingDocuments => t(
            lang,
            "Chaque pièce de la liste éditée avec la confirmation va dans l'enveloppe.",
            "Every document on the list printed with the confirmation goes into the envelope.",
        ),
        ItemId::AttachAccommodationNotice => t(
            lang,
            "La notification d'aménagement accompagne la confirmation d'inscription.",
            "The accommodation notification goes with the registration confirmation.",
        ),
        ItemId::AttachTranscript => t(
            lang,
            "Un bénéfice de note se prouve par le relevé de notes de la session où la note a été obtenue (la notice dit «\u{a0}relevé de notes ou diplôme\u{a0}»).",
            "A carried-over grade is proven by the transcript of the session where it was obtained (the notice says \"relevé de notes ou diplôme\").",
        ),
        ItemId::AttachDiploma => t(
            lang,
            "Une dispense se prouve par le diplôme qui l'accorde, ou par un relevé de notes qui la montre.",
            "An exemption is proven by the diploma that grants it, or by a transcript that shows it.",
        ),
        ItemId::MailFile if upload => t(
            lang,
            "La confirmation signée et les pièces se déposent dans Cyclades avant la date limite. Sans dossier complet à temps, la candidature est annulée.",
            "The signed confirmation and the documents are uploaded in Cyclades before the deadline. Without a complete file in time, the candidacy is cancelled.",
        ),
        ItemId::MailFile => t(
            lang,
            "La confirmation datée et signée et les pièces partent par la poste (recommandé avec accusé de réception ou envoi suivi conseillé)\u{a0}; le cachet de la poste fait foi. Sans dossier complet à temps, la candidature est annulée.",
            "The dated, signed confirmation and the documents go by post (registered with acknowledgement of receipt, or tracked, is advised); the postmark counts. Without a complete file in time, the candidacy is cancelled.",
        ),
        #[cfg(feature = "v2")]
        ItemId::Piece(_) => "",
        ItemId::ReadReferentiel => t(
            lang,
            "Le rectorat ne donne pas d'informations pédagogiques\u{a0}: lisez l'annexe «\u{a0}définition des épreuves\u{a0}» du référentiel, surtout la partie sur les épreuves ponctuelles.",
            "The rectorat gives no teaching information: read the référentiel's \"définition des épreuves\" annex, above all the part on \"épreuves ponctuelles\".",
        ),
    };
    text.to_owned()
}

/// What goes in the envelope (or into Cyclades), each with who it is for (`None`: everyone):
/// the notice's documents, then the session's declared pieces in the file's order.
pub fn documents(session: &Session, lang: Lang) -> Vec<(String, Option<String>)> {
    let notice = notice_documents(lang)
        .into_iter()
        .map(|(doc, who)| (doc.to_owned(), who.map(str::to_owned)));
    #[cfg(feature = "v2")]
    let declared = session.pieces.iter().map(|p| {
        (
            p.label.get(lang).to_owned(),
            p.when.as_ref().map(|c| condition_words(c, session, lang)),
        )
    });
    #[cfg(not(feature = "v2"))]
    let declared = {
        let _ = session;
        std::iter::empty()
    };
    notice.chain(declared).collect()
}

fn notice_documents(lang: Lang) -> Vec<(&'static str, Option<&'static str>)> {
    vec![
        (
            t(
                lang,
                "La confirmation d'inscription, vérifiée, datée et signée",
                "The registration confirmation, checked, dated and signed",
            ),
            None,
        ),
        (
            t(
                lang,
                "Les pièces justificatives de la liste éditée avec la confirmation",
                "The supporting documents on the list printed with the confirmation",
            ),
            None,
        ),
        (
            t(
                lang,
                "La notification d'aménagement d'épreuves",
                "The exam accommodation notification",
            ),
            condition(ItemId::AttachAccommodationNotice, lang),
        ),
        (
            t(
                lang,
                "Le relevé de notes de la session où la note a été obtenue",
                "The transcript of the session where the grade was obtained",
            ),
            condition(ItemId::AttachTranscript, lang),
        ),
        (
            t(
                lang,
                "Le diplôme (ou le relevé de notes) qui accorde la dispense",
                "The diploma (or transcript) that grants the exemption",
            ),
            condition(ItemId::AttachDiploma, lang),
        ),
    ]
}

/// An opening bound: the date alone when it is 00:00 (a whole day), else with its hour.
fn opening(at: DateTime<Tz>, lang: Lang) -> String {
    if at.time() == NaiveTime::MIN {
        format_date(at.date_naive(), lang)
    } else {
        format_instant(at, lang)
    }
}

/// The session's dates, in order: (label, when).
pub fn dates(session: &Session, lang: Lang) -> Vec<(&'static str, String)> {
    let hours = session.activation_delay_hours;
    vec![
        (
            deadline_label(DeadlineId::RegistrationOpens, lang),
            opening(session.registration_opens, lang),
        ),
        (
            deadline_label(DeadlineId::RegistrationCloses, lang),
            format_instant(session.registration_closes, lang),
        ),
        (
            deadline_label(DeadlineId::ActivationDeadline, lang),
            match lang {
                Lang::Fr => format!("{hours}\u{a0}heures (temps écoulé) après la création du compte, et avant la fin de la pré-inscription"),
                Lang::En => format!("{hours} hours (elapsed time) after the account is created, and before the pre-registration closes"),
            },
        ),
        (
            deadline_label(DeadlineId::ReturnOpens, lang),
            opening(session.return_opens, lang),
        ),
        (
            deadline_label(DeadlineId::ReturnCloses, lang),
            format_instant(session.return_closes, lang),
        ),
    ]
}

/// The session in one paragraph: the page's first words, before any answer.
pub fn glance(session: &Session, lang: Lang) -> String {
    let (ro, rc) = (
        opening(session.registration_opens, lang),
        format_instant(session.registration_closes, lang),
    );
    let (fo, fc) = (
        opening(session.return_opens, lang),
        format_instant(session.return_closes, lang),
    );
    let h = session.activation_delay_hours;
    let upload = session.return_mode == ReturnMode::Upload;
    match lang {
        Lang::Fr => {
            let file = if upload {
                format!("Le dossier (confirmation signée et pièces justificatives) se dépose dans Cyclades du {fo} au {fc}.")
            } else {
                format!("Le dossier (confirmation signée et pièces justificatives) part par la poste du {fo} au {fc}, le cachet de la poste faisant foi.")
            };
            format!("Pré-inscription en ligne sur Cyclades du {ro} au {rc}. Le compte Cyclades s'active dans les {h}\u{a0}heures qui suivent sa création. {file}")
        }
        Lang::En => {
            let file = if upload {
                format!("The file (signed confirmation and supporting documents) is uploaded in Cyclades from {fo} to {fc}.")
            } else {
                format!("The file (signed confirmation and supporting documents) goes by post from {fo} to {fc}; the postmark counts.")
            };
            format!("Online pre-registration on Cyclades from {ro} to {rc}. The Cyclades account must be activated within {h} hours of its creation. {file}")
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::session::default_session;
    use crate::wording::french_typography_fault;

    #[test]
    fn every_step_of_the_notice_is_listed_once_in_the_checklist_order() {
        let s = default_session();
        let ids: Vec<ItemId> = steps(&s, Lang::Fr).iter().map(|st| st.id).collect();
        assert_eq!(ids.len(), 14, "{ids:?}");
        assert_eq!(ids.first(), Some(&ItemId::CreateAccount));
        assert!(ids.contains(&ItemId::AttachDiploma) && ids.contains(&ItemId::MailFile));
    }

    #[test]
    fn conditional_steps_say_who_they_are_for() {
        let s = default_session();
        for st in steps(&s, Lang::En) {
            let conditional = matches!(
                st.id,
                ItemId::DeclareHandicap
                    | ItemId::RequestAccommodation
                    | ItemId::DeclareAcquis
                    | ItemId::AttachAccommodationNotice
                    | ItemId::AttachTranscript
                    | ItemId::AttachDiploma
            );
            assert_eq!(st.condition.is_some(), conditional, "{:?}", st.id);
        }
    }

    #[test]
    fn the_glance_gives_the_notice_dates_and_the_postmark() {
        let s = default_session();
        let fr = glance(&s, Lang::Fr);
        for part in [
            "mercredi 19 octobre 2022",
            "jeudi 17 novembre 2022 à 23:59",
            "48\u{a0}heures",
            "vendredi 2 décembre 2022 à 23:59",
            "cachet de la poste",
        ] {
            assert!(fr.contains(part), "{part} not in {fr}");
        }
    }

    #[test]
    fn french_text_is_typeset() {
        let s = default_session();
        let mut all = vec![glance(&s, Lang::Fr)];
        for st in steps(&s, Lang::Fr) {
            all.extend([st.label, st.reason, st.due.unwrap_or_default()]);
            all.extend(st.condition);
        }
        for (label, when) in dates(&s, Lang::Fr) {
            all.extend([label.to_owned(), when]);
        }
        for (doc, cond) in documents(&s, Lang::Fr) {
            all.push(doc);
            all.extend(cond);
        }
        for text in all {
            assert_eq!(french_typography_fault(&text), None, "{text}");
        }
    }
}

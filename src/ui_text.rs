//! The page's own strings (buttons, headings, questions), French and English, plus
//! countdowns in words. Sentences about the rules (item labels, "why" sentences, dates)
//! come from `candidat_core::wording` through `crate::labels`.
//!
//! Pure: compiled and tested natively.

use chrono::{DateTime, Utc};

use crate::core::Lang;

/// Declares `Ui`, one `&'static str` field per interface text, and (for the tests) the list
/// of its fields: a field added here is checked in both languages with nothing else to update.
macro_rules! ui_texts {
    ($($(#[$doc:meta])* $field:ident,)*) => {
        pub struct Ui {
            $($(#[$doc])* pub $field: &'static str,)*
        }

        #[cfg(test)]
        impl Ui {
            /// Every text, with its field's name.
            fn fields(&self) -> Vec<(&'static str, &'static str)> {
                vec![$((stringify!($field), self.$field)),*]
            }
        }
    };
}

ui_texts! {
    html_lang,
    page_title,
    intro,
    lang_switch,
    lang_switch_label,
    questions,
    q_diploma,
    q_title,
    q_title_hint,
    q_account,
    account_none,
    account_created,
    account_created_at,
    account_activated,
    q_disability,
    dis_no,
    dis_existing,
    dis_new,
    dis_both,
    q_acquis,
    acquis_hint,
    acquis_epreuve,
    acquis_kind,
    acquis_benefice,
    acquis_dispense,
    acquis_add,
    acquis_remove,
    acquis_none,
    q_file,
    file_not_posted,
    file_posted,
    file_posted_on,
    verdict_heading,
    verdict_on_track,
    verdict_too_late,
    verdict_not_open,
    changes_online,
    changes_red_pen,
    changes_none,
    timeline,
    you_are_here,
    checklist,
    due,
    no_due,
    why,
    tick,
    implied,
    status_done,
    status_todo,
    status_late,
    status_expired,
    still_possible,
    still_possible_next,
    still_possible_read,
    envelope,
    envelope_intro,
    copy_address,
    copied,
    copy_failed,
    send_advice,
    upload_heading,
    upload_text,
    links,
    link_cyclades,
    link_academie,
    link_accommodation,
    link_eduscol,
    tools,
    print,
    ics,
    share,
    share_hint,
    copy_link,
    remember,
    remember_hint,
    /// Shown instead of the hint once the session's return deadline has passed.
    remember_closed,
    erase,
    erased,
    simulate,
    simulate_hint,
    simulate_active,
    /// French typography puts a space before a colon; English does not.
    colon,
    simulate_reset,
    past_session,
    future_session,
    explore,
    bad_link,
    bad_storage,
    restored_link,
    restored_storage,
    recap,
    left_register,
    left_return,
    /// The same for sessions where documents are uploaded in Cyclades (no envelope).
    left_return_upload,
    left_opening,
    closed_reg,
    closed_all,
    /// After the return deadline, for a candidate whose every step was done in time.
    closed_complete,
    rules,
    source,
    dismiss,
}

pub static FR: Ui = Ui {
    html_lang: "fr",
    page_title: "S'inscrire en candidat individuel à un examen professionnel",
    intro: "Bac pro, CAP, BP, mention complémentaire\u{a0}: répondez aux questions, la liste se met à jour à chaque réponse.",
    lang_switch: "English",
    lang_switch_label: "Read this page in English",
    questions: "Votre situation",
    q_diploma: "Diplôme",
    q_title: "Intitulé exact du diplôme",
    q_title_hint: "Par exemple «\u{a0}CAP Cuisine\u{a0}». Il figure sur l'enveloppe.",
    q_account: "Compte Cyclades",
    account_none: "Pas encore créé",
    account_created: "Créé, pas encore activé",
    account_created_at: "Date et heure de création du compte",
    account_activated: "Créé et activé",
    q_disability: "Handicap et aménagements d'épreuves",
    dis_no: "Non",
    dis_existing: "J'ai déjà des aménagements",
    dis_new: "Je veux en demander",
    dis_both: "Les deux",
    q_acquis: "Notes conservées et dispenses",
    acquis_hint: "Une ligne par épreuve déjà acquise.",
    acquis_epreuve: "Épreuve",
    acquis_kind: "Type",
    acquis_benefice: "Note conservée (bénéfice)",
    acquis_dispense: "Dispense",
    acquis_add: "Ajouter une épreuve",
    acquis_remove: "Retirer",
    acquis_none: "Aucune pour l'instant.",
    q_file: "Le dossier papier",
    file_not_posted: "Pas encore posté",
    file_posted: "Posté",
    file_posted_on: "Date du cachet de la poste",
    verdict_heading: "Où en êtes-vous\u{a0}?",
    verdict_on_track: "C'est encore possible\u{a0}: tout ce qui reste peut être fait à temps.",
    verdict_too_late: "Il est trop tard pour cette session.",
    verdict_not_open: "Les inscriptions ne sont pas encore ouvertes.",
    changes_online: "Vous pouvez encore modifier votre inscription en ligne.",
    changes_red_pen: "Toute correction s'écrit désormais au stylo rouge sur la confirmation papier.",
    changes_none: "Aucune modification n'est possible maintenant.",
    timeline: "Les dates de la session",
    you_are_here: "Vous êtes ici",
    checklist: "Ce que vous avez à faire",
    due: "Avant le",
    no_due: "Pas de date dans la notice",
    why: "Pourquoi\u{a0}?",
    tick: "Fait",
    implied: "déduit de vos réponses",
    status_done: "Fait",
    status_todo: "À faire",
    status_late: "En retard",
    status_expired: "Expiré",
    still_possible: "Ce que vous pouvez encore faire",
    still_possible_next: "Surveiller l'ouverture de la prochaine session sur le site de l'académie (rubrique «\u{a0}Scolarité et études\u{a0}», puis «\u{a0}Examens\u{a0}»).",
    still_possible_read: "Préparer les épreuves\u{a0}: lire l'annexe «\u{a0}définition des épreuves\u{a0}» du diplôme sur Eduscol, surtout la partie «\u{a0}épreuves ponctuelles\u{a0}».",
    envelope: "L'enveloppe",
    envelope_intro: "Envoyez la confirmation datée et signée avec les pièces justificatives à\u{a0}:",
    copy_address: "Copier l'adresse",
    copied: "Adresse copiée.",
    copy_failed: "La copie a échoué\u{a0}: sélectionnez l'adresse à la main.",
    send_advice: "Envoi conseillé en recommandé avec accusé de réception, ou en suivi. La date du cachet de la poste compte.",
    upload_heading: "Déposer vos documents",
    upload_text: "Pour cette session, les documents se déposent dans votre espace Cyclades\u{a0}: pas d'enveloppe.",
    links: "Liens utiles",
    link_cyclades: "Portail Cyclades (inscription)",
    link_academie: "Site de l'académie",
    link_accommodation: "Demande d'aménagement d'épreuves",
    link_eduscol: "Règlements des diplômes (Eduscol)",
    tools: "Garder et partager",
    print: "Imprimer ma liste",
    ics: "Ajouter à mon agenda",
    share: "Lien pour reprendre plus tard",
    share_hint: "Ce lien contient vos réponses (y compris sur le handicap). Ne le partagez qu'avec des personnes de confiance.",
    copy_link: "Copier le lien",
    remember: "Se souvenir sur cet appareil",
    remember_hint: "Désactivé par défaut. Vos réponses restent sur cet appareil jusqu'à la date limite de retour du dossier.",
    remember_closed: "Indisponible\u{a0}: la date limite de retour du dossier de cette session est passée, rien n'est gardé sur cet appareil.",
    erase: "Effacer mes réponses",
    erased: "Vos réponses ont été effacées de cet appareil.",
    simulate: "Et si nous étions le…",
    simulate_hint: "Explorer la page à une autre date. Laissez vide pour l'heure réelle.",
    simulate_active: "Date simulée",
    colon: "\u{a0}: ",
    simulate_reset: "Revenir à maintenant",
    past_session: "Cette page décrit la session {year}, terminée le {date}. Elle ne vaut pas pour la session en cours.",
    future_session: "Cette page décrit la session {year}, qui ouvrira le {date}.",
    explore: "Explorer cette session au {date}",
    bad_link: "Le lien ouvert est abîmé\u{a0}: les réponses par défaut sont affichées.",
    bad_storage: "Les réponses gardées sur cet appareil étaient illisibles\u{a0}: elles ont été effacées.",
    restored_link: "Vos réponses ont été reprises depuis le lien.",
    restored_storage: "Vos réponses gardées sur cet appareil ont été reprises.",
    recap: "Mes réponses",
    left_register: "Il vous reste {left} pour vous pré-inscrire (jusqu'au {date}).",
    left_return: "Il vous reste {left} pour poster votre dossier (jusqu'au {date}).",
    left_return_upload: "Il vous reste {left} pour déposer vos pièces dans Cyclades (jusqu'au {date}).",
    left_opening: "Les pré-inscriptions ouvrent dans {left}, le {date}.",
    closed_reg: "Pré-inscription close depuis le {date}.",
    closed_all: "Session terminée\u{a0}: retour des dossiers clos depuis le {date}.",
    closed_complete: "Votre dossier est parti à temps\u{a0}: votre part de l'inscription est faite.",
    rules: "Règles",
    source: "Source",
    dismiss: "Fermer",
};

pub static EN: Ui = Ui {
    html_lang: "en",
    page_title: "Registering as an individual candidate for a French vocational exam",
    intro: "Bac pro, CAP, BP, mention complémentaire: answer the questions, the list updates with every answer.",
    lang_switch: "Français",
    lang_switch_label: "Lire cette page en français",
    questions: "Your situation",
    q_diploma: "Diploma",
    q_title: "Exact title of the diploma",
    q_title_hint: "For example \"CAP Cuisine\". It goes on the envelope.",
    q_account: "Cyclades account",
    account_none: "Not created yet",
    account_created: "Created, not activated yet",
    account_created_at: "Date and time the account was created",
    account_activated: "Created and activated",
    q_disability: "Disability and exam accommodations",
    dis_no: "No",
    dis_existing: "I already have accommodations",
    dis_new: "I want to ask for them",
    dis_both: "Both",
    q_acquis: "Carried-over grades and exemptions",
    acquis_hint: "One row per exam already obtained.",
    acquis_epreuve: "Exam (épreuve)",
    acquis_kind: "Kind",
    acquis_benefice: "Grade carried over (bénéfice)",
    acquis_dispense: "Exemption (dispense)",
    acquis_add: "Add an exam",
    acquis_remove: "Remove",
    acquis_none: "None so far.",
    q_file: "The paper file",
    file_not_posted: "Not posted yet",
    file_posted: "Posted",
    file_posted_on: "Postmark date",
    verdict_heading: "Where do you stand?",
    verdict_on_track: "Still possible: everything left can be done in time.",
    verdict_too_late: "It is too late for this session.",
    verdict_not_open: "Registration is not open yet.",
    changes_online: "You can still change your registration online.",
    changes_red_pen: "Any correction must now be written in red pen on the paper confirmation.",
    changes_none: "No change is possible now.",
    timeline: "The session's dates",
    you_are_here: "You are here",
    checklist: "What you have to do",
    due: "By",
    no_due: "No date in the notice",
    why: "Why?",
    tick: "Done",
    implied: "from your answers",
    status_done: "Done",
    status_todo: "To do",
    status_late: "Late",
    status_expired: "Expired",
    still_possible: "What you can still do",
    still_possible_next: "Watch for the next session's opening on the académie's site (\"Scolarité et études\", then \"Examens\").",
    still_possible_read: "Prepare the exams: read the diploma's \"définition des épreuves\" annex on Eduscol, above all the part on \"épreuves ponctuelles\".",
    envelope: "The envelope",
    envelope_intro: "Send the dated, signed confirmation with the supporting documents to:",
    copy_address: "Copy the address",
    copied: "Address copied.",
    copy_failed: "Copying failed: select the address by hand.",
    send_advice: "Registered mail with acknowledgement of receipt, or tracked mail, is advised. The postmark date counts.",
    upload_heading: "Uploading your documents",
    upload_text: "For this session, documents are uploaded in your Cyclades space: no envelope.",
    links: "Useful links",
    link_cyclades: "Cyclades portal (registration)",
    link_academie: "The académie's site",
    link_accommodation: "Asking for exam accommodations",
    link_eduscol: "Diploma regulations (Eduscol)",
    tools: "Keep and share",
    print: "Print my list",
    ics: "Add to my calendar",
    share: "Link to resume later",
    share_hint: "This link holds your answers (disability included). Share it only with people you trust.",
    copy_link: "Copy the link",
    remember: "Remember on this device",
    remember_hint: "Off by default. Your answers stay on this device until the file's return deadline.",
    remember_closed: "Unavailable: this session's return deadline has passed, nothing is kept on this device.",
    erase: "Erase my answers",
    erased: "Your answers were erased from this device.",
    simulate: "What if it were…",
    simulate_hint: "Explore the page at another date. Leave empty for the real time.",
    simulate_active: "Simulated date",
    colon: ": ",
    simulate_reset: "Back to now",
    past_session: "This page describes the {year} session, which ended on {date}. It does not apply to the current session.",
    future_session: "This page describes the {year} session, which opens on {date}.",
    explore: "Explore this session on {date}",
    bad_link: "The link you opened is damaged: default answers are shown.",
    bad_storage: "The answers kept on this device could not be read: they were erased.",
    restored_link: "Your answers were restored from the link.",
    restored_storage: "Your answers kept on this device were restored.",
    recap: "My answers",
    left_register: "You have {left} left to pre-register (until {date}).",
    left_return: "You have {left} left to post your file (until {date}).",
    left_return_upload: "You have {left} left to upload your documents in Cyclades (until {date}).",
    left_opening: "Pre-registration opens in {left}, on {date}.",
    closed_reg: "Pre-registration closed on {date}.",
    closed_all: "Session over: the file return closed on {date}.",
    closed_complete: "Your file went in time: your part of the registration is done.",
    rules: "Rules",
    source: "Source",
    dismiss: "Close",
};

pub fn ui(lang: Lang) -> &'static Ui {
    match lang {
        Lang::Fr => &FR,
        Lang::En => &EN,
    }
}

/// Fill `{name}` markers.
pub fn fill(template: &str, pairs: &[(&str, &str)]) -> String {
    let mut out = template.to_string();
    for (k, v) in pairs {
        out = out.replace(&format!("{{{k}}}"), v);
    }
    out
}

fn plural(lang: Lang, n: i64, fr: (&str, &str), en: (&str, &str)) -> String {
    let (one, many) = match lang {
        Lang::Fr => fr,
        Lang::En => en,
    };
    // French: 0 and 1 take the singular.
    let singular = match lang {
        Lang::Fr => n <= 1,
        Lang::En => n == 1,
    };
    format!("{n} {}", if singular { one } else { many })
}

/// Time left from `from` to `to`, in words: "3 jours et 4 heures", "5 heures et 2 minutes",
/// "12 minutes", "moins d'une minute". Two units at most; zero units are left out.
pub fn countdown(lang: Lang, from: DateTime<Utc>, to: DateTime<Utc>) -> String {
    let secs = (to - from).num_seconds().max(0);
    let (d, h, m) = (secs / 86_400, (secs % 86_400) / 3_600, (secs % 3_600) / 60);
    let and = match lang {
        Lang::Fr => " et ",
        Lang::En => " and ",
    };
    let day = |n| plural(lang, n, ("jour", "jours"), ("day", "days"));
    let hour = |n| plural(lang, n, ("heure", "heures"), ("hour", "hours"));
    let minute = |n| plural(lang, n, ("minute", "minutes"), ("minute", "minutes"));
    let join = |a: String, b: Option<String>| match b {
        Some(b) => format!("{a}{and}{b}"),
        None => a,
    };
    if d > 0 {
        join(day(d), (h > 0).then(|| hour(h)))
    } else if h > 0 {
        join(hour(h), (m > 0).then(|| minute(m)))
    } else if m > 0 {
        minute(m)
    } else {
        match lang {
            Lang::Fr => "moins d'une minute".into(),
            Lang::En => "less than a minute".into(),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use chrono::{Duration, TimeZone};

    fn t0() -> DateTime<Utc> {
        Utc.with_ymd_and_hms(2022, 11, 14, 19, 0, 0).unwrap()
    }

    #[test]
    fn countdown_french() {
        let c = |d: Duration| countdown(Lang::Fr, t0(), t0() + d);
        assert_eq!(
            c(Duration::days(3) + Duration::hours(4) + Duration::minutes(59)),
            "3 jours et 4 heures"
        );
        assert_eq!(c(Duration::days(1)), "1 jour");
        assert_eq!(
            c(Duration::hours(5) + Duration::minutes(2)),
            "5 heures et 2 minutes"
        );
        assert_eq!(
            c(Duration::hours(1) + Duration::minutes(1)),
            "1 heure et 1 minute"
        );
        assert_eq!(c(Duration::minutes(12)), "12 minutes");
        assert_eq!(c(Duration::seconds(30)), "moins d'une minute");
        assert_eq!(c(Duration::seconds(-30)), "moins d'une minute");
    }

    #[test]
    fn countdown_english() {
        let c = |d: Duration| countdown(Lang::En, t0(), t0() + d);
        assert_eq!(
            c(Duration::days(3) + Duration::hours(4)),
            "3 days and 4 hours"
        );
        assert_eq!(
            c(Duration::days(1) + Duration::hours(1)),
            "1 day and 1 hour"
        );
        assert_eq!(c(Duration::minutes(1)), "1 minute");
    }

    #[test]
    fn fill_markers() {
        assert_eq!(
            fill(
                FR.left_register,
                &[("left", "3 jours"), ("date", "17 novembre")]
            ),
            "Il vous reste 3 jours pour vous pré-inscrire (jusqu'au 17 novembre)."
        );
    }

    /// The `{name}` markers of a template, in order.
    fn markers(text: &str) -> Vec<&str> {
        text.split('{')
            .skip(1)
            .filter_map(|t| t.split_once('}').map(|(name, _)| name))
            .collect()
    }

    #[test]
    fn both_tables_have_every_string() {
        // Every field of `Ui` (the list comes from its declaration): a missing translation
        // would show as an empty string, and a template must fill the same markers in both.
        let (fr, en) = (FR.fields(), EN.fields());
        assert!(fr.len() > 100, "{} fields", fr.len());
        assert_eq!(fr.len(), en.len());
        for ((name, f), (_, e)) in fr.iter().zip(&en) {
            assert!(!f.trim().is_empty(), "FR.{name} is empty");
            assert!(!e.trim().is_empty(), "EN.{name} is empty");
            assert_eq!(markers(f), markers(e), "{name}: markers differ");
        }
        assert_eq!(FR.html_lang, "fr");
        assert_eq!(EN.html_lang, "en");
    }

    #[test]
    fn french_is_written_as_french_is_written() {
        for (name, text) in FR.fields() {
            assert_eq!(
                crate::core::wording::french_typography_fault(text),
                None,
                "FR.{name}: {text}"
            );
        }
    }
}

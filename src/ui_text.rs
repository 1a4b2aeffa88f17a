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
    changes_none,
    timeline,
    you_are_here,
    checklist,
    due,
    no_due,
    why,
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
    link_notice,
    /// Before the contact's e-mail, phone and page (the session's optional `contact`).
    contact,
    contact_page,
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
    source,
    dismiss,
    // Inputs and accessibility (issue 11)
    /// The posting date's label in sessions where documents are uploaded in Cyclades.
    file_posted_on_upload,
    /// Beside a field whose answer cannot be right (`crate::input_checks`).
    err_account_future,
    err_account_before,
    err_posted_future,
    err_posted_before,
    err_upload_future,
    err_upload_before,
    err_epreuve_unnamed,
    /// The account group, when the activation delay passed.
    account_expired,
    // Share, calendar, phone layout (issue 11)
    /// The date field inside the "Et si nous étions le…" disclosure (its summary is `simulate`).
    simulate_field,
    /// A session over by the real clock: the link to the académie's site. `{academie}` is
    /// the session's `academie_name` ("Académie d'Aix-Marseille").
    past_current,
    /// Above the checklist of a session over by the real clock (not while simulating).
    past_checklist,
    /// Beside "Ajouter à mon agenda" when something is ahead.
    ics_hint,
    /// Beside the disabled "Ajouter à mon agenda": why there is nothing to add.
    ics_nothing,
    /// The opt-in to write the accommodation steps by name in the calendar file.
    ics_reveal,
    ics_reveal_hint,
    /// The share link is made only on demand.
    share_create,
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
    changes_none: "Aucune modification n'est possible maintenant.",
    timeline: "Les dates de la session",
    you_are_here: "Vous êtes ici",
    checklist: "Ce que vous avez à faire",
    due: "Avant le",
    no_due: "Pas de date dans la notice",
    why: "Pourquoi\u{a0}?",
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
    link_notice: "La notice de l'académie",
    contact: "Contacter le service des examens\u{a0}:",
    contact_page: "page de contact",
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
    source: "Source",
    dismiss: "Fermer",
    // Inputs and accessibility (issue 11)
    file_posted_on_upload: "Date du dépôt",
    err_account_future: "Cette date est dans le futur\u{a0}: indiquez quand le compte a été créé.",
    err_account_before: "Pré-inscriptions à partir du {date}\u{a0}: vérifiez la date.",
    err_posted_future: "Cette date est dans le futur\u{a0}: indiquez le cachet de la poste une fois le dossier posté.",
    err_posted_before: "Retour des dossiers à partir du {date}\u{a0}: un dossier posté avant ne compte pas.",
    err_upload_future: "Cette date est dans le futur\u{a0}: indiquez la date du dépôt une fois fait.",
    err_upload_before: "Dépôts à partir du {date}\u{a0}: un dépôt fait avant ne compte pas.",
    err_epreuve_unnamed: "Indiquez le nom de l'épreuve (par exemple EG1).",
    account_expired: "Ce compte a été supprimé ({hours} h dépassées)\u{a0}: créez-en un nouveau, puis indiquez sa date de création.",
    // Share, calendar, phone layout (issue 11)
    simulate_field: "Date et heure à explorer",
    past_current: "Pour la session en cours\u{a0}: le site de l'{academie}",
    past_checklist: "Pour mémoire\u{a0}: ce que la session {year} demandait à ses candidats. Ses dates sont passées.",
    ics_hint: "Un événement par date limite à venir, avec un rappel à 9 h trois jours avant et la veille.",
    ics_nothing: "Rien à ajouter\u{a0}: aucune date limite n'est à venir pour ce qui vous reste à faire.",
    ics_reveal: "Écrire le nom des démarches d'aménagement dans le fichier",
    ics_reveal_hint: "Sinon, elles y figurent comme «\u{a0}démarche personnelle\u{a0}»\u{a0}: un agenda peut être synchronisé en ligne.",
    share_create: "Créer un lien de partage",
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
    changes_none: "No change is possible now.",
    timeline: "The session's dates",
    you_are_here: "You are here",
    checklist: "What you have to do",
    due: "By",
    no_due: "No date in the notice",
    why: "Why?",
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
    link_notice: "The académie's notice",
    contact: "Contact the exam office:",
    contact_page: "contact page",
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
    source: "Source",
    dismiss: "Close",
    // Inputs and accessibility (issue 11)
    file_posted_on_upload: "Upload date",
    err_account_future: "This date is in the future: give the date the account was created.",
    err_account_before: "Pre-registration starts on {date}: check the date.",
    err_posted_future: "This date is in the future: give the postmark date once the file is posted.",
    err_posted_before: "File returns start on {date}: a file posted earlier does not count.",
    err_upload_future: "This date is in the future: give the upload date once it is done.",
    err_upload_before: "Uploads start on {date}: an earlier upload does not count.",
    err_epreuve_unnamed: "Give the exam's name (for example EG1).",
    account_expired: "This account was deleted ({hours} h passed): create a new one, then give its creation date.",
    // Share, calendar, phone layout (issue 11)
    simulate_field: "Date and time to explore",
    past_current: "For the current session: the {academie} website",
    past_checklist: "For the record: what the {year} session asked of its candidates. Its dates have passed.",
    ics_hint: "One event per deadline ahead, with a reminder at 9 am three days before and the day before.",
    ics_nothing: "Nothing to add: no deadline is ahead for what you still have to do.",
    ics_reveal: "Write the accommodation steps by name in the file",
    ics_reveal_hint: "Otherwise they read as \"a personal step\": a calendar may sync online.",
    share_create: "Create a share link",
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

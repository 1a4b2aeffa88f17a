//! Every sentence shown to people, in French (default) and English. Ids are never translated.
//!
//! The web UI and the CLI both use these functions, so a sentence is written once. French is
//! the notice's language and the default; English helps candidates not fluent in French.
//! Nothing here states a rule that is not in the notice or in `shared/DOMAIN.md`.
//!
//! Dates, names and labels are here; why each item applies is in `why.rs`, the `mail-file`
//! sentence (post or upload, and the postmark) in `mail.rs`.

use chrono::{DateTime, Datelike, NaiveDate, Timelike, Weekday};
use chrono_tz::Tz;

use crate::evaluate::{Changes, Item, Phase, Status, Verdict};
use crate::ids::{DeadlineId, ItemId};
use crate::session::{Diploma, ReturnMode, Session};
use crate::situation::Situation;

mod mail;
pub mod summary;
mod why;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Lang {
    #[default]
    Fr,
    En,
}

impl Lang {
    /// `"fr"` or `"en"`.
    pub fn as_str(self) -> &'static str {
        match self {
            Lang::Fr => "fr",
            Lang::En => "en",
        }
    }
    /// Parses `"fr"`/`"en"` (case-insensitive).
    pub fn parse(s: &str) -> Option<Lang> {
        match s.to_ascii_lowercase().as_str() {
            "fr" => Some(Lang::Fr),
            "en" => Some(Lang::En),
            _ => None,
        }
    }
}

/// Picks the French or English text.
fn t<'a>(lang: Lang, fr: &'a str, en: &'a str) -> &'a str {
    match lang {
        Lang::Fr => fr,
        Lang::En => en,
    }
}

// ---------------------------------------------------------------------------------------------
// Dates

const FR_DAYS: [&str; 7] = [
    "lundi", "mardi", "mercredi", "jeudi", "vendredi", "samedi", "dimanche",
];
const EN_DAYS: [&str; 7] = [
    "Monday",
    "Tuesday",
    "Wednesday",
    "Thursday",
    "Friday",
    "Saturday",
    "Sunday",
];
const FR_MONTHS: [&str; 12] = [
    "janvier",
    "février",
    "mars",
    "avril",
    "mai",
    "juin",
    "juillet",
    "août",
    "septembre",
    "octobre",
    "novembre",
    "décembre",
];
const EN_MONTHS: [&str; 12] = [
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
];

fn weekday_index(w: Weekday) -> usize {
    w.num_days_from_monday() as usize
}

/// A date with its weekday: "jeudi 17 novembre 2022" / "Thursday 17 November 2022".
/// French writes the first of the month "1er".
pub fn format_date(d: NaiveDate, lang: Lang) -> String {
    let wd = weekday_index(d.weekday());
    let mo = d.month0() as usize;
    match lang {
        Lang::Fr => {
            let day = if d.day() == 1 {
                "1er".to_owned()
            } else {
                d.day().to_string()
            };
            format!("{} {} {} {}", FR_DAYS[wd], day, FR_MONTHS[mo], d.year())
        }
        Lang::En => format!("{} {} {} {}", EN_DAYS[wd], d.day(), EN_MONTHS[mo], d.year()),
    }
}

/// An instant in its zone, to the minute: "jeudi 17 novembre 2022 à 23:59" /
/// "Thursday 17 November 2022, 23:59". Seconds are dropped (why: a closing second 23:59:59
/// reads as "23:59", which is what the notice's "jusqu'au 17 novembre" means to people).
pub fn format_instant(at: DateTime<Tz>, lang: Lang) -> String {
    let date = format_date(at.date_naive(), lang);
    match lang {
        Lang::Fr => format!("{date} à {:02}:{:02}", at.hour(), at.minute()),
        Lang::En => format!("{date}, {:02}:{:02}", at.hour(), at.minute()),
    }
}

/// The same instant with the zone's abbreviation-free offset, for the overseas académies:
/// "jeudi 17 novembre 2022 à 23:59 (UTC+01:00)".
pub fn format_instant_with_offset(at: DateTime<Tz>, lang: Lang) -> String {
    format!(
        "{} (UTC{})",
        format_instant(at, lang),
        crate::timefmt::offset_colon(chrono::Offset::fix(at.offset()))
    )
}

// ---------------------------------------------------------------------------------------------
// Diplomas

/// The diploma's generic name: "CAP", "Baccalauréat professionnel", …
pub fn diploma_name(d: Diploma, lang: Lang) -> &'static str {
    match d {
        Diploma::BacPro => t(
            lang,
            "Baccalauréat professionnel",
            "Baccalauréat professionnel (vocational baccalaureate)",
        ),
        Diploma::Bp => t(lang, "Brevet professionnel", "Brevet professionnel (BP)"),
        Diploma::Cap => t(lang, "CAP", "CAP (Certificat d'aptitude professionnelle)"),
        Diploma::Mc3 => t(
            lang,
            "Mention complémentaire de niveau 3",
            "Mention complémentaire, level 3",
        ),
        Diploma::Mc4 => t(
            lang,
            "Mention complémentaire de niveau 4",
            "Mention complémentaire, level 4",
        ),
    }
}

/// The title to show for this candidate: their own `title` ("CAP Cuisine") when given,
/// otherwise the diploma's generic name.
pub fn diploma_title(situation: &Situation, lang: Lang) -> String {
    match &situation.title {
        Some(s) if !s.trim().is_empty() => s.trim().to_owned(),
        _ => diploma_name(situation.diploma, lang).to_owned(),
    }
}

/// The title on the envelope: the one the candidate typed, or the diploma's French name, in
/// every language of the page (the address is French; a gloss such as "(vocational
/// baccalaureate)" has no place on it).
pub fn envelope_title(situation: &Situation) -> String {
    diploma_title(situation, Lang::Fr)
}

// ---------------------------------------------------------------------------------------------
// Labels

/// The item's short label, post mode (the notice's case). In a UI that knows the session,
/// prefer [`item_label_for`], which adapts to upload mode.
pub fn item_label(id: ItemId, lang: Lang) -> &'static str {
    match id {
        ItemId::CreateAccount => t(
            lang,
            "Créer votre compte Cyclades",
            "Create your Cyclades account",
        ),
        ItemId::ActivateAccount => t(
            lang,
            "Activer votre compte (lien «\u{a0}Activer mon compte\u{a0}» du mail)",
            "Activate your account (\"Activer mon compte\" link in the e-mail)",
        ),
        ItemId::RegisterOnline => t(
            lang,
            "Vous inscrire en ligne (onglet «\u{a0}m'inscrire\u{a0}») et enregistrer",
            "Register online (\"m'inscrire\" tab) and save",
        ),
        ItemId::DeclareHandicap => t(
            lang,
            "Répondre «\u{a0}OUI\u{a0}» à la rubrique «\u{a0}Handicap\u{a0}»",
            "Answer \"OUI\" (yes) to the \"Handicap\" item",
        ),
        ItemId::RequestAccommodation => t(
            lang,
            "Demander l'aménagement d'épreuves sur le site du rectorat",
            "Request exam accommodations on the rectorat's site",
        ),
        ItemId::DeclareAcquis => t(
            lang,
            "Saisir vos dispenses et bénéfices de notes",
            "Enter your exemptions and carried-over grades",
        ),
        ItemId::PrintConfirmation => t(
            lang,
            "Imprimer la confirmation d'inscription («\u{a0}Mes documents\u{a0}»)",
            "Print the registration confirmation (\"Mes documents\")",
        ),
        ItemId::SignConfirmation => t(
            lang,
            "Vérifier, dater et signer la confirmation",
            "Check, date and sign the confirmation",
        ),
        ItemId::AttachSupportingDocuments => t(
            lang,
            "Joindre les pièces justificatives",
            "Attach the supporting documents",
        ),
        ItemId::AttachAccommodationNotice => t(
            lang,
            "Joindre la notification d'aménagement d'épreuves",
            "Attach the exam accommodation notification",
        ),
        ItemId::AttachTranscript => t(
            lang,
            "Joindre le relevé de notes",
            "Attach the transcript (relevé de notes)",
        ),
        ItemId::AttachDiploma => t(
            lang,
            "Joindre le diplôme (ou le relevé) qui accorde la dispense",
            "Attach the diploma (or transcript) granting the exemption",
        ),
        ItemId::MailFile => t(lang, "Envoyer le dossier par la poste", "Post the file"),
        // The piece's own label is the session's: [`item_label_for`].
        #[cfg(feature = "v2")]
        ItemId::Piece(_) => t(
            lang,
            "Joindre une pièce demandée par l'académie",
            "Attach a document the académie asks for",
        ),
        ItemId::ReadReferentiel => t(
            lang,
            "Lire le référentiel du diplôme sur Eduscol",
            "Read the diploma's référentiel (the official exam rules) on Eduscol",
        ),
    }
}

/// The item's label for this session: in upload mode the documents go into Cyclades, not in
/// an envelope. A declared piece's label is the session file's (its French when it has no
/// English: [`crate::declared::Text::is_french_in`]).
pub fn item_label_for(id: ItemId, session: &Session, lang: Lang) -> &str {
    #[cfg(feature = "v2")]
    if let ItemId::Piece(i) = id {
        return match session.pieces.get(usize::from(i)).filter(|_| crate::V2) {
            Some(p) => p.label.get(lang),
            None => item_label(id, lang),
        };
    }
    if session.return_mode != ReturnMode::Upload {
        return item_label(id, lang);
    }
    match id {
        ItemId::AttachSupportingDocuments => t(
            lang,
            "Déposer les pièces justificatives dans Cyclades",
            "Upload the supporting documents in Cyclades",
        ),
        ItemId::AttachAccommodationNotice => t(
            lang,
            "Déposer la notification d'aménagement d'épreuves",
            "Upload the exam accommodation notification",
        ),
        ItemId::AttachTranscript => t(
            lang,
            "Déposer le relevé de notes",
            "Upload the transcript (relevé de notes)",
        ),
        ItemId::AttachDiploma => t(
            lang,
            "Déposer le diplôme (ou le relevé) qui accorde la dispense",
            "Upload the diploma (or transcript) granting the exemption",
        ),
        ItemId::MailFile => t(
            lang,
            "Déposer le dossier complet dans Cyclades",
            "Upload the complete file in Cyclades",
        ),
        _ => item_label(id, lang),
    }
}

pub fn phase_label(p: Phase, lang: Lang) -> &'static str {
    match p {
        Phase::BeforeOpening => t(
            lang,
            "La pré-inscription n'est pas encore ouverte",
            "Pre-registration is not open yet",
        ),
        Phase::RegistrationOpen => t(
            lang,
            "Pré-inscription en ligne ouverte",
            "Online pre-registration is open",
        ),
        Phase::ReturnOnly => t(
            lang,
            "Pré-inscription close\u{a0}; retour du dossier encore possible",
            "Pre-registration closed; the file can still be returned",
        ),
        Phase::Closed => t(
            lang,
            "Inscriptions et retour des dossiers terminés",
            "Registration and file return are over",
        ),
    }
}

pub fn verdict_label(v: Verdict, lang: Lang) -> &'static str {
    match v {
        Verdict::OnTrack => t(
            lang,
            "Dans les temps\u{a0}: tout ce qui reste peut encore être fait",
            "On track: everything left can still be done in time",
        ),
        Verdict::Complete => t(
            lang,
            "Dossier transmis à temps\u{a0}: plus rien à faire pour l'inscription",
            "File returned in time: nothing more to do for the registration",
        ),
        Verdict::TooLate => t(
            lang,
            "Trop tard\u{a0}: la candidature ne peut plus aboutir pour cette session",
            "Too late: the candidacy can no longer succeed for this session",
        ),
        Verdict::NotOpenYet => t(
            lang,
            "Pas encore ouvert\u{a0}: attendez l'ouverture de la pré-inscription",
            "Not open yet: wait for the pre-registration to open",
        ),
        Verdict::NotEligible if !crate::V2 => "",
        Verdict::NotEligible => t(
            lang,
            "Inscription en candidat individuel impossible d'après vos réponses\u{a0}: voir les conditions ci-dessous",
            "Registration as an individual candidate is not possible from your answers: see the conditions below",
        ),
    }
}

pub fn status_label(s: Status, lang: Lang) -> &'static str {
    match s {
        Status::Done => t(lang, "fait", "done"),
        Status::Todo => t(lang, "à faire", "to do"),
        Status::Late => t(lang, "en retard", "late"),
        Status::Expired => t(lang, "expiré", "expired"),
    }
}

/// How the candidate can still correct the registration (R4, R7, R8).
pub fn changes_label(c: Changes, lang: Lang) -> &'static str {
    match c {
        Changes::Online => t(
            lang,
            "Modifications possibles en ligne, sur Cyclades",
            "Changes can be made online, in Cyclades",
        ),
        Changes::RedPen => t(
            lang,
            "Modifications seulement au stylo rouge, sur la confirmation papier",
            "Changes only in red pen, on the paper confirmation",
        ),
        Changes::None => t(
            lang,
            "Plus aucune modification possible",
            "No changes possible",
        ),
    }
}

pub fn deadline_label(d: DeadlineId, lang: Lang) -> &'static str {
    match d {
        DeadlineId::RegistrationOpens => t(
            lang,
            "Ouverture de la pré-inscription",
            "Pre-registration opens",
        ),
        DeadlineId::RegistrationCloses => t(
            lang,
            "Fin de la pré-inscription en ligne",
            "Online pre-registration closes",
        ),
        DeadlineId::ActivationDeadline => t(
            lang,
            "Limite pour activer votre compte",
            "Deadline to activate your account",
        ),
        DeadlineId::ReturnOpens => t(lang, "Début du retour des dossiers", "File return opens"),
        DeadlineId::ReturnCloses => t(
            lang,
            "Date limite de retour du dossier",
            "File return deadline",
        ),
    }
}

// ---------------------------------------------------------------------------------------------
// The notice

/// The notice's section for the item (the notice is French, so is its numbering).
pub fn notice_section(id: ItemId) -> &'static str {
    match id {
        ItemId::CreateAccount | ItemId::ActivateAccount => "§1, étape 1",
        ItemId::RegisterOnline => "§1, étape 2",
        ItemId::PrintConfirmation => "§1, étape 2\u{a0}; §2",
        ItemId::SignConfirmation => "§2",
        ItemId::AttachSupportingDocuments => "§2\u{a0}; §3",
        ItemId::MailFile => "§3",
        ItemId::DeclareHandicap
        | ItemId::RequestAccommodation
        | ItemId::AttachAccommodationNotice => "§4",
        ItemId::DeclareAcquis | ItemId::AttachTranscript | ItemId::AttachDiploma => "§5",
        ItemId::ReadReferentiel => "§6",
        // Not in this notice: the session file's `source` says where (in the why sentence).
        #[cfg(feature = "v2")]
        ItemId::Piece(_) => "",
    }
}

/// [`notice_section`] in the reader's language ("§1, step 1").
pub fn notice_section_in(id: ItemId, lang: Lang) -> &'static str {
    match (lang, id) {
        (Lang::En, ItemId::CreateAccount | ItemId::ActivateAccount) => "§1, step 1",
        (Lang::En, ItemId::RegisterOnline) => "§1, step 2",
        (Lang::En, ItemId::PrintConfirmation) => "§1, step 2; §2",
        (Lang::En, ItemId::AttachSupportingDocuments) => "§2; §3",
        _ => notice_section(id),
    }
}

/// The notice's own French sentence for the item (DIEC 3.05, session 2023), verbatim.
pub fn notice_quote(id: ItemId) -> &'static str {
    match id {
        ItemId::CreateAccount => "Cette étape est nécessaire pour pouvoir vous inscrire. Votre adresse mail doit être valide et individuelle. Conservez bien votre mot de passe pour pouvoir vous connecter tout au long de la session et accéder aux documents mis à votre disposition dans votre espace candidat.",
        ItemId::ActivateAccount => "Suite à la création de votre compte, vous recevrez un mail\u{a0}: vous avez 48h pour cliquer sur le lien «\u{a0}Activer mon compte\u{a0}», sinon votre compte sera supprimé. Dans cette situation, vous devez recommencer la procédure.",
        ItemId::RegisterOnline => "Connectez-vous à votre compte et procédez à votre inscription via l’onglet «\u{a0}m’inscrire\u{a0}». A l’issue de l’inscription, ne pas oublier d’enregistrer. A ce stade, vous pouvez modifier votre inscription en ligne.",
        ItemId::DeclareHandicap => "Tous les candidats en situation de handicap souhaitant demander des aménagements d’épreuves ou qui ont déjà un aménagement d’épreuve doivent répondre «\u{a0}OUI\u{a0}» à la rubrique «\u{a0}Handicap\u{a0}» lors de l’inscription.",
        ItemId::RequestAccommodation => "Pour les nouvelles demandes d’aménagement d’épreuves, rendez-vous sur le site internet du rectorat, rubrique «\u{a0}Aménagement d’épreuves aux examens\u{a0}».",
        ItemId::DeclareAcquis => "Si vous avez droit à des dispenses ou des bénéfices de notes, vous devez saisir les dispenses ou les bénéfices aux épreuves concernées et devez joindre votre relevé de notes ou diplôme.",
        ItemId::PrintConfirmation => "Imprimez votre confirmation d’inscription via votre compte Cyclades rubrique «\u{a0}Mes documents\u{a0}».",
        ItemId::SignConfirmation => "Vérifiez, puis dater et signer votre confirmation d’inscription. En cas de nouvelles modifications, vous devez rectifier le document au stylo rouge uniquement.",
        ItemId::AttachSupportingDocuments => "Allez dans l’espace «\u{a0}mes documents\u{a0}» pour éditer la confirmation d’inscription et la liste des pièces justificatives.",
        ItemId::AttachAccommodationNotice => "Dans le cas d’un aménagement d’épreuve existant, la notification d’aménagement d’épreuves doit être jointe à la confirmation d’inscription.",
        ItemId::AttachTranscript | ItemId::AttachDiploma => "Si vous avez droit à des dispenses ou des bénéfices de notes, vous devez saisir les dispenses ou les bénéfices aux épreuves concernées et devez joindre votre relevé de notes ou diplôme.",
        ItemId::MailFile => "Le document de confirmation d’inscription daté et signé et les pièces à joindre, doivent être envoyées par courrier postal, éventuellement en courrier recommandé avec accusé de réception ou en envoi suivi. Après cette date, la candidature est annulée, si cette confirmation d’inscription signée et accompagnée des pièces justificatives n’ont pas été retournées.",
        #[cfg(feature = "v2")]
        ItemId::Piece(_) => "",
        ItemId::ReadReferentiel => "Le rectorat ne délivrera pas d'informations pédagogiques. Les candidats doivent consulter impérativement le référentiel de l'examen (annexe «\u{a0}définition des épreuves\u{a0}», et plus particulièrement la partie relative aux épreuves ponctuelles).",
    }
}

// ---------------------------------------------------------------------------------------------
// Why an item applies to this candidate (wording/why.rs, wording/mail.rs)

/// One sentence (sometimes two or three) saying why this item applies to *this* candidate,
/// what to do, and anything the situation changes (expired activation, postmark read, …).
/// Adapts to the session's return mode (post / upload).
///
/// Without the evaluated instant, a `create-account` that is not done although
/// `account_created_at` is given is worded as an expired activation; [`item_why_at`] is exact.
pub fn item_why(item: &Item, session: &Session, situation: &Situation, lang: Lang) -> String {
    why::why(item, session, situation, None, lang)
}

/// [`item_why`] knowing the evaluated instant (`Evaluation::at`): facts dated after it (a
/// creation or a postmark in the future) are worded as not yet true.
pub fn item_why_at(
    item: &Item,
    session: &Session,
    situation: &Situation,
    at: DateTime<Tz>,
    lang: Lang,
) -> String {
    why::why(item, session, situation, Some(at), lang)
}

/// French as it is written: a no-break space (U+00A0 or U+202F) before « : ; ! ? » and inside
/// « », never a plain space. Returns the first fault with its context, for the tests that sweep
/// every French text of the page and of the CLI.
pub fn french_typography_fault(text: &str) -> Option<String> {
    let chars: Vec<char> = text.chars().collect();
    let nb = |c: char| c == '\u{a0}' || c == '\u{202f}';
    for (i, &c) in chars.iter().enumerate() {
        let before = i.checked_sub(1).map(|j| chars[j]);
        let after = chars.get(i + 1).copied();
        let fault = match c {
            ':' | ';' | '!' | '?' => before == Some(' '),
            '«' => after.is_some_and(|a| !nb(a)),
            '»' => before.is_some_and(|b| !nb(b)),
            _ => false,
        };
        if fault {
            let from = i.saturating_sub(20);
            let to = (i + 20).min(chars.len());
            return Some(chars[from..to].iter().collect());
        }
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::evaluate::evaluate;
    use crate::session::default_session;
    use chrono::{TimeZone, Utc};

    #[test]
    fn dates_in_both_languages() {
        let tz = chrono_tz::Europe::Paris;
        let t = tz.with_ymd_and_hms(2022, 11, 17, 23, 59, 59).unwrap();
        assert_eq!(
            format_instant(t, Lang::Fr),
            "jeudi 17 novembre 2022 à 23:59"
        );
        assert_eq!(
            format_instant(t, Lang::En),
            "Thursday 17 November 2022, 23:59"
        );
        assert_eq!(
            format_instant_with_offset(t, Lang::En),
            "Thursday 17 November 2022, 23:59 (UTC+01:00)"
        );
        let d = NaiveDate::from_ymd_opt(2022, 11, 1).unwrap();
        assert_eq!(format_date(d, Lang::Fr), "mardi 1er novembre 2022");
        assert_eq!(format_date(d, Lang::En), "Tuesday 1 November 2022");
    }

    #[test]
    fn why_speaks_of_this_candidate() {
        let session = default_session();
        let mut s = crate::fixtures::cap_cuisine();
        s.existing_accommodation = true;
        let at = Utc.with_ymd_and_hms(2022, 11, 1, 10, 0, 0).unwrap();
        let ev = evaluate(&session, &s, at);
        let why = |id, lang| item_why(ev.item(id).unwrap(), &session, &s, lang);
        assert!(why(ItemId::RegisterOnline, Lang::Fr).contains("CAP Cuisine"));
        assert!(why(ItemId::MailFile, Lang::Fr).contains("DIEC 3.05 (CAP Cuisine)"));
        assert!(why(ItemId::AttachTranscript, Lang::En).contains("EG1"));
        assert!(why(ItemId::AttachDiploma, Lang::Fr).contains("EG2"));
        assert!(!why(ItemId::AttachDiploma, Lang::Fr).contains("EG1"));
        assert!(why(ItemId::DeclareHandicap, Lang::En).contains("already have"));
        assert!(why(ItemId::ReadReferentiel, Lang::Fr).contains(&session.links.eduscol));
        for i in &ev.items {
            assert_ne!(
                item_why(i, &session, &s, Lang::Fr),
                item_why(i, &session, &s, Lang::En)
            );
            assert!(!notice_quote(i.id).is_empty() && notice_section(i.id).starts_with('§'));
        }
    }

    /// Every sentence of the checklist, for sessions by post and by upload, many situations,
    /// instants and both languages: French typography, no internal rule id, and an upload
    /// session never speaks of posting.
    #[test]
    fn every_sentence_is_written_as_it_should_be() {
        let post = default_session();
        let mut upload = default_session();
        upload.return_mode = ReturnMode::Upload;
        let rule_id = |t: &str| {
            t.split(|c: char| !c.is_alphanumeric()).any(|w| {
                w.len() >= 2 && w.starts_with('R') && w[1..].chars().all(|c| c.is_ascii_digit())
            })
        };
        let mut situations = vec![crate::fixtures::cap_cuisine(), Situation::new(Diploma::Bp)];
        let mut s = crate::fixtures::cap_cuisine();
        s.existing_accommodation = true;
        s.posted_on = Some("2022-12-05".parse().unwrap());
        situations.push(s);
        let mut s = Situation::new(Diploma::Mc4);
        s.account_created_at =
            Some(chrono::DateTime::parse_from_rfc3339("2022-10-20T10:00:00+02:00").unwrap());
        s.posted_on = Some("2022-10-10".parse().unwrap());
        situations.push(s);
        let instants = [
            "2022-10-10T12:00:00Z",
            "2022-11-01T12:00:00Z",
            "2022-11-20T12:00:00Z",
            "2022-12-10T12:00:00Z",
        ];
        let mut checked = 0;
        for session in [&post, &upload] {
            for s in &situations {
                for at in instants {
                    let at = chrono::DateTime::parse_from_rfc3339(at)
                        .unwrap()
                        .with_timezone(&Utc);
                    let ev = evaluate(session, s, at);
                    for lang in [Lang::Fr, Lang::En] {
                        let mut texts: Vec<String> = vec![
                            phase_label(ev.phase, lang).into(),
                            verdict_label(ev.verdict, lang).into(),
                            changes_label(ev.changes, lang).into(),
                        ];
                        for d in &ev.deadlines {
                            texts.push(deadline_label(d.id, lang).into());
                        }
                        for i in &ev.items {
                            texts.push(item_label_for(i.id, session, lang).into());
                            texts.push(status_label(i.status, lang).into());
                            texts.push(item_why_at(i, session, s, ev.at, lang));
                        }
                        for t in &texts {
                            checked += 1;
                            if lang == Lang::Fr {
                                assert_eq!(french_typography_fault(t), None, "{t}");
                            }
                            assert!(!rule_id(t), "a rule id reaches the candidate: {t}");
                            if session.return_mode == ReturnMode::Upload {
                                let lower = t.to_lowercase();
                                for word in [
                                    "envoi",
                                    "envoy",
                                    "poste",
                                    "posté",
                                    "cachet",
                                    "enveloppe",
                                    "postmark",
                                    "envelope",
                                    "posted",
                                    "posting",
                                    "post it",
                                    "by post",
                                ] {
                                    assert!(
                                        !lower.contains(word),
                                        "upload session says {word:?}: {t}"
                                    );
                                }
                            }
                        }
                    }
                }
            }
        }
        assert!(checked > 1000, "{checked}");
    }

    #[test]
    fn upload_mode_changes_the_wording() {
        let mut session = default_session();
        session.return_mode = ReturnMode::Upload;
        session.return_instructions = Some("PDF uniquement.".into());
        let s = Situation::new(Diploma::Bp);
        let ev = evaluate(
            &session,
            &s,
            Utc.with_ymd_and_hms(2022, 11, 1, 10, 0, 0).unwrap(),
        );
        let mail = ev.item(ItemId::MailFile).unwrap();
        let why = item_why(mail, &session, &s, Lang::Fr);
        assert!(
            why.contains("Cyclades") && why.contains("PDF uniquement.") && !why.contains("poste"),
            "{why}"
        );
        assert_eq!(
            item_label_for(ItemId::MailFile, &session, Lang::Fr),
            "Déposer le dossier complet dans Cyclades"
        );
        assert_eq!(
            item_label_for(ItemId::MailFile, &default_session(), Lang::Fr),
            item_label(ItemId::MailFile, Lang::Fr)
        );
    }

    /// The mail-file sentence at an instant (RFC 3339), for a situation on a session.
    fn mail_at(session: &Session, s: &Situation, at: &str, lang: Lang) -> (Status, String) {
        let at = chrono::DateTime::parse_from_rfc3339(at)
            .unwrap()
            .with_timezone(&Utc);
        let ev = evaluate(session, s, at);
        let item = ev.item(ItemId::MailFile).unwrap();
        (item.status, item_why_at(item, session, s, ev.at, lang))
    }

    fn with_hours(upload: bool) -> Session {
        let mut session = default_session();
        session.return_closes = session
            .time_zone
            .with_ymd_and_hms(2022, 12, 1, 17, 0, 0)
            .unwrap();
        if upload {
            session.return_mode = ReturnMode::Upload;
        }
        session
    }

    #[test]
    fn a_closing_day_posting_after_the_hour_is_explained_plainly() {
        let mut s = Situation::new(Diploma::Cap);
        s.posted_on = NaiveDate::from_ymd_opt(2022, 12, 1);
        for upload in [true, false] {
            let session = with_hours(upload);
            let (st, fr) = mail_at(&session, &s, "2022-12-01T18:00:00+01:00", Lang::Fr);
            assert_eq!(st, Status::Late);
            let word = if upload { "Le dépôt" } else { "L'envoi" };
            assert!(fr.contains(&format!("{word} du jeudi 1er décembre 2022 ne compte que s'il a été fait au plus tard à 17:00\u{a0}; après, il est trop tard.")), "{fr}");
            assert!(
                fr.contains("jeudi 1er décembre 2022 à 17:00"),
                "the closing hour is shown: {fr}"
            );
            assert!(
                !fr.contains("Le délai est dépassé") && !fr.contains("prévu"),
                "{fr}"
            );
            let (_, en) = mail_at(&session, &s, "2022-12-01T18:00:00+01:00", Lang::En);
            assert!(en.contains("on Thursday 1 December 2022 counts only if it was made by 17:00; after that, it is too late."), "{en}");
            assert!(en.contains("Thursday 1 December 2022, 17:00"), "{en}");
            // Before the hour: in time.
            let (st, en) = mail_at(&session, &s, "2022-12-01T16:00:00+01:00", Lang::En);
            assert_eq!(st, Status::Done);
            assert!(en.contains("in time"), "{en}");
            // Planned on the closing day: the hour is said.
            let (st, en) = mail_at(&session, &s, "2022-11-30T16:00:00+01:00", Lang::En);
            assert_eq!(st, Status::Todo);
            assert!(en.contains("planned") && en.contains("by 17:00"), "{en}");
        }
        // A whole-day window in post mode shows dates only, no hour.
        let (_, fr) = mail_at(
            &default_session(),
            &s,
            "2022-11-30T16:00:00+01:00",
            Lang::Fr,
        );
        assert!(
            fr.contains("vendredi 2 décembre 2022 (cachet") && !fr.contains("23:59"),
            "{fr}"
        );
    }

    #[test]
    fn a_planned_date_after_the_window_is_not_also_a_passed_deadline() {
        let session = default_session();
        let mut s = Situation::new(Diploma::Cap);
        s.posted_on = NaiveDate::from_ymd_opt(2022, 12, 10);
        let (st, en) = mail_at(&session, &s, "2022-11-20T10:00:00+01:00", Lang::En);
        assert_eq!(st, Status::Late);
        assert!(
            !(en.contains("planned") && en.contains("deadline has passed")),
            "{en}"
        );
        assert!(
            !en.contains("planned") && !en.contains("has passed"),
            "{en}"
        );
        assert!(
            en.contains("is after the deadline")
                && en.contains("Send it by Friday 2 December 2022"),
            "{en}"
        );
        let (_, fr) = mail_at(&session, &s, "2022-11-20T10:00:00+01:00", Lang::Fr);
        assert!(
            !fr.contains("prévu") && !fr.contains("Le délai est dépassé"),
            "{fr}"
        );
        assert!(fr.contains("est après la date limite"), "{fr}");
        // After the deadline: no advice to send it in time any more.
        let (_, en) = mail_at(&session, &s, "2022-12-05T10:00:00+01:00", Lang::En);
        assert!(
            en.contains("after the deadline")
                && !en.contains("Send it by")
                && !en.contains("planned"),
            "{en}"
        );
        // Dated in the past, after the window: sent late.
        let (_, en) = mail_at(&session, &s, "2022-12-20T10:00:00+01:00", Lang::En);
        assert!(
            en.contains("Sent on Saturday 10 December 2022, after the deadline"),
            "{en}"
        );
    }

    #[test]
    fn sign_confirmation_says_when_changes_are_possible() {
        let session = default_session();
        let s = Situation::new(Diploma::Cap);
        let ev = evaluate(
            &session,
            &s,
            Utc.with_ymd_and_hms(2022, 11, 1, 10, 0, 0).unwrap(),
        );
        let item = ev.item(ItemId::SignConfirmation).unwrap();
        // The notice's "fin des inscriptions" read as DOMAIN.md does (R4, R7, R8): online until
        // the pre-registration closes (17 November, with its hour), red pen until the file
        // is sent, nothing after the return deadline (2 December, a date: post mode).
        assert_eq!(
            item_why(item, &session, &s, Lang::Fr),
            "Vérifiez la confirmation, puis datez-la et signez-la\u{a0}: sans signature le dossier \
             n'est pas complet. Les changements se font en ligne jusqu'à la fin de la \
             pré-inscription (jeudi 17 novembre 2022 à 23:59), tant que la confirmation n'est \
             pas imprimée\u{a0}; ensuite, seulement au stylo rouge sur la confirmation papier, \
             jusqu'à ce qu'elle soit envoyée\u{a0}; après la date limite de retour (vendredi \
             2 décembre 2022), plus aucun changement."
        );
        assert_eq!(
            item_why(item, &session, &s, Lang::En),
            "Check the confirmation, then date and sign it: without a signature the file is not \
             complete. Changes are made online until the pre-registration closes (Thursday \
             17 November 2022, 23:59), as long as the confirmation is not printed; after that, \
             only in red pen on the paper confirmation, until it is sent; after the return \
             deadline (Friday 2 December 2022), no change at all."
        );
    }

    #[test]
    fn expired_activation_is_explained() {
        let session = default_session();
        let mut s = Situation::new(Diploma::Cap);
        s.account_created_at =
            Some(chrono::DateTime::parse_from_rfc3339("2022-10-29T10:00:00+02:00").unwrap());
        let ev = evaluate(
            &session,
            &s,
            Utc.with_ymd_and_hms(2022, 11, 5, 10, 0, 0).unwrap(),
        );
        let w = item_why_at(
            ev.item(ItemId::ActivateAccount).unwrap(),
            &session,
            &s,
            ev.at,
            Lang::Fr,
        );
        assert!(w.contains("lundi 31 octobre 2022 à 09:00"), "{w}");
        let w = item_why_at(
            ev.item(ItemId::CreateAccount).unwrap(),
            &session,
            &s,
            ev.at,
            Lang::En,
        );
        assert!(w.contains("deleted"), "{w}");
    }
}

//! Why an item applies to *this* candidate: one sentence (sometimes two or three) per item,
//! saying what to do and anything the situation changes. `mail-file` has its own module
//! ([`super::mail`]): its sentence reads the postmark.

use chrono::DateTime;
use chrono_tz::Tz;

use super::{diploma_title, format_date, format_instant, t, Lang};
use crate::evaluate::{activation_deadline, Item, Status};
use crate::ids::ItemId;
use crate::session::{ReturnMode, Session};
use crate::situation::{AcquisKind, Situation};

/// What the sentences of one item need, worked out once.
pub(super) struct Ctx<'a> {
    pub item: &'a Item,
    pub session: &'a Session,
    pub situation: &'a Situation,
    /// The evaluated instant, when known ([`super::item_why_at`]).
    pub at: Option<DateTime<Tz>>,
    pub lang: Lang,
    pub fr: bool,
    pub upload: bool,
    /// The candidate's title, or the diploma's name.
    pub title: String,
    pub reg_closes: String,
    pub ret_opens: String,
    pub ret_closes: String,
}

impl<'a> Ctx<'a> {
    fn new(
        item: &'a Item,
        session: &'a Session,
        situation: &'a Situation,
        at: Option<DateTime<Tz>>,
        lang: Lang,
    ) -> Ctx<'a> {
        let upload = session.return_mode == ReturnMode::Upload;
        // why dates in post mode: a postmark has a day, not an hour; upload times are exact. A
        // bound given with a set hour shows its hour in both modes (ADR 0003: on the closing
        // day, the hour decides whether a posting dated that day counts).
        let ret_opens = if upload || session.return_opens_at_an_hour() {
            format_instant(session.return_opens, lang)
        } else {
            format_date(session.return_opens.date_naive(), lang)
        };
        let ret_closes = if upload || session.return_closes_at_an_hour() {
            format_instant(session.return_closes, lang)
        } else {
            format_date(session.return_closes.date_naive(), lang)
        };
        Ctx {
            item,
            session,
            situation,
            at,
            lang,
            fr: lang == Lang::Fr,
            upload,
            title: diploma_title(situation, lang),
            reg_closes: format_instant(session.registration_closes, lang),
            ret_opens,
            ret_closes,
        }
    }
}

/// The item's sentence, then " the deadline has passed" when it is late and its sentence
/// does not already say why.
pub(super) fn why(
    item: &Item,
    session: &Session,
    situation: &Situation,
    at: Option<DateTime<Tz>>,
    lang: Lang,
) -> String {
    let c = Ctx::new(item, session, situation, at, lang);
    // Set when the item's own sentence already says why it is late (mail-file with a date).
    let mut late_explained = false;
    let mut s = match item.id {
        ItemId::CreateAccount => create_account(&c),
        ItemId::ActivateAccount => activate_account(&c),
        ItemId::RegisterOnline => register_online(&c),
        ItemId::DeclareHandicap => declare_handicap(&c),
        ItemId::RequestAccommodation => request_accommodation(&c),
        ItemId::DeclareAcquis => declare_acquis(&c),
        ItemId::PrintConfirmation => print_confirmation(&c),
        ItemId::SignConfirmation => sign_confirmation(&c),
        ItemId::AttachSupportingDocuments => attach_supporting_documents(&c),
        ItemId::AttachAccommodationNotice => attach_accommodation_notice(&c),
        ItemId::AttachTranscript => attach_transcript(&c),
        ItemId::AttachDiploma => attach_diploma(&c),
        ItemId::MailFile => {
            let (s, explained) = super::mail::why(&c);
            late_explained = explained;
            s
        }
        ItemId::ReadReferentiel => read_referentiel(&c),
        #[cfg(feature = "v2")]
        ItemId::Piece(i) => piece(&c, i),
    };
    if item.status == Status::Late && !late_explained {
        s.push_str(t(
            lang,
            " Le délai est dépassé.",
            " The deadline has passed.",
        ));
    }
    s
}

fn create_account(c: &Ctx) -> String {
    let (title, lang, situation) = (&c.title, c.lang, c.situation);
    let mut s = if c.fr {
        format!("Pour vous présenter à l'examen «\u{a0}{title}\u{a0}» en candidat individuel, tout passe par un compte Cyclades, avec une adresse mail valide et à vous seul\u{a0}; gardez le mot de passe toute la session\u{a0}: vos documents y seront publiés.")
    } else {
        format!("To sit the {title} as an individual candidate, everything goes through a Cyclades account, with a valid e-mail address of your own; keep the password for the whole session: your documents are published there.")
    };
    if c.item.status == Status::Done && situation.account_created_at.is_some() {
        s.push_str(t(
            lang,
            " Votre compte est créé.",
            " Your account is created.",
        ));
    }
    // Not done although a creation date is given: the activation expired (or, when the
    // instant is known, the creation is still in the future: then say nothing).
    let not_yet = match (c.at, situation.account_created_at) {
        (Some(at), Some(created)) => created > at.fixed_offset(),
        _ => false,
    };
    if c.item.status != Status::Done && situation.account_created_at.is_some() && !not_yet {
        s.push_str(t(
            lang,
            " Votre compte n'a pas été activé à temps\u{a0}: il a été supprimé, il faut en créer un nouveau.",
            " Your account was not activated in time: it has been deleted, create a new one.",
        ));
    }
    s
}

fn activate_account(c: &Ctx) -> String {
    let (fr, hours, reg_closes) = (c.fr, c.session.activation_delay_hours, &c.reg_closes);
    let mut s = if fr {
        format!("Après la création du compte, un mail arrive\u{a0}: vous avez {hours} heures pour cliquer sur «\u{a0}Activer mon compte\u{a0}», sinon le compte est supprimé et tout est à recommencer.")
    } else {
        format!("After the account is created an e-mail arrives: you have {hours} hours to click \"Activer mon compte\", otherwise the account is deleted and you must start again.")
    };
    if let Some(a) = activation_deadline(c.session, c.situation) {
        let when = format_instant(a, c.lang);
        match c.item.status {
            Status::Expired => s.push_str(&if fr {
                format!(" Votre délai s'est terminé le {when}\u{a0}: créez un nouveau compte.")
            } else {
                format!(" Your delay ended on {when}: create a new account.")
            }),
            Status::Done => {}
            _ if a > c.session.registration_closes => s.push_str(&if fr {
                format!(" Votre délai court jusqu'au {when}, mais la pré-inscription ferme avant, le {reg_closes}\u{a0}: activez et inscrivez-vous avant.")
            } else {
                format!(" Your delay runs until {when}, but the pre-registration closes earlier, on {reg_closes}: activate and register before then.")
            }),
            _ => s.push_str(&if fr {
                format!(" Pour vous\u{a0}: au plus tard le {when}.")
            } else {
                format!(" For you: by {when} at the latest.")
            }),
        }
    }
    s
}

fn register_online(c: &Ctx) -> String {
    let (title, reg_closes) = (&c.title, &c.reg_closes);
    if c.fr {
        format!("Votre candidature à l'examen «\u{a0}{title}\u{a0}» n'existe qu'une fois l'inscription faite dans l'onglet «\u{a0}m'inscrire\u{a0}» et enregistrée, avant le {reg_closes}\u{a0}; jusque-là vous pouvez la modifier en ligne.")
    } else {
        format!("Your candidacy for the {title} exists only once the registration is made in the \"m'inscrire\" tab and saved, before {reg_closes}; until then you can change it online.")
    }
}

fn declare_handicap(c: &Ctx) -> String {
    let (lang, situation) = (c.lang, c.situation);
    let why = match (
        situation.existing_accommodation,
        situation.new_accommodation_request,
    ) {
        (true, true) => t(
            lang,
            "Vous avez déjà un aménagement d'épreuves et vous en demandez un nouveau",
            "You already have exam accommodations and are requesting new ones",
        ),
        (true, false) => t(
            lang,
            "Vous avez déjà un aménagement d'épreuves",
            "You already have exam accommodations",
        ),
        _ => t(
            lang,
            "Vous demandez un aménagement d'épreuves",
            "You are requesting exam accommodations",
        ),
    };
    if c.fr {
        format!(
            "{why}\u{a0}: répondez «\u{a0}OUI\u{a0}» à la rubrique «\u{a0}Handicap\u{a0}» pendant l'inscription en ligne."
        )
    } else {
        format!("{why}: answer \"OUI\" (yes) to the \"Handicap\" item while registering online.")
    }
}

fn request_accommodation(c: &Ctx) -> String {
    let links = &c.session.links;
    let link = links.accommodation.as_deref().unwrap_or(&links.academie);
    if c.fr {
        format!("Vous demandez un nouvel aménagement d'épreuves\u{a0}: la demande se fait sur le site du rectorat, rubrique «\u{a0}Aménagement d'épreuves aux examens\u{a0}» ({link}). La notice ne donne pas de date limite pour cette demande\u{a0}: renseignez-vous sur ce site sans attendre.")
    } else {
        format!("You are requesting new exam accommodations: the request is made on the rectorat's site, section \"Aménagement d'épreuves aux examens\" ({link}). The notice gives no deadline for this request: check that site without waiting.")
    }
}

fn declare_acquis(c: &Ctx) -> String {
    let list = acquis_summary(c.situation, c.lang);
    if c.fr {
        format!("Vous avez des acquis — {list}\u{a0}: saisissez-les aux épreuves concernées pendant l'inscription en ligne.")
    } else {
        format!(
            "You have acquis (grades carried over, \"bénéfices\", and exemptions, \"dispenses\") — {list}: enter them at the exams (épreuves) concerned while registering online."
        )
    }
}

fn print_confirmation(c: &Ctx) -> String {
    let title = &c.title;
    if c.fr {
        format!("Dès l'inscription finie, la confirmation d'inscription à l'examen «\u{a0}{title}\u{a0}» et la liste des pièces justificatives sont dans «\u{a0}Mes documents\u{a0}» de votre compte Cyclades.")
    } else {
        format!("As soon as the registration is finished, the confirmation for the {title} and the list of supporting documents are in \"Mes documents\" in your Cyclades account.")
    }
}

/// DOMAIN.md's reading of R4, R7, R8 (the same as `changes`): online until the
/// pre-registration closes, then red pen on the paper until it is sent, nothing after the
/// return deadline.
fn sign_confirmation(c: &Ctx) -> String {
    let (lang, reg_closes, ret_closes) = (c.lang, &c.reg_closes, &c.ret_closes);
    let sent = if c.upload {
        t(lang, "déposée", "uploaded")
    } else {
        t(lang, "envoyée", "sent")
    };
    if c.fr {
        format!("Vérifiez la confirmation, puis datez-la et signez-la\u{a0}: sans signature le dossier n'est pas complet. Les changements se font en ligne jusqu'à la fin de la pré-inscription ({reg_closes}), tant que la confirmation n'est pas imprimée\u{a0}; ensuite, seulement au stylo rouge sur la confirmation papier, jusqu'à ce qu'elle soit {sent}\u{a0}; après la date limite de retour ({ret_closes}), plus aucun changement.")
    } else {
        format!("Check the confirmation, then date and sign it: without a signature the file is not complete. Changes are made online until the pre-registration closes ({reg_closes}), as long as the confirmation is not printed; after that, only in red pen on the paper confirmation, until it is {sent}; after the return deadline ({ret_closes}), no change at all.")
    }
}

fn attach_supporting_documents(c: &Ctx) -> String {
    if c.upload {
        t(c.lang, "La liste des pièces justificatives est éditée avec votre confirmation dans «\u{a0}Mes documents\u{a0}»\u{a0}: déposez chacune dans Cyclades.", "The list of supporting documents comes with your confirmation in \"Mes documents\": upload each of them in Cyclades.").to_owned()
    } else {
        t(c.lang, "La liste des pièces justificatives est éditée avec votre confirmation dans «\u{a0}Mes documents\u{a0}»\u{a0}: mettez chacune dans l'enveloppe avec la confirmation signée.", "The list of supporting documents comes with your confirmation in \"Mes documents\": put each of them in the envelope with the signed confirmation.").to_owned()
    }
}

fn attach_accommodation_notice(c: &Ctx) -> String {
    t(
        c.lang,
        "Vous avez déjà un aménagement d'épreuves\u{a0}: la notification d'aménagement doit accompagner votre confirmation d'inscription.",
        "You already have exam accommodations: the accommodation notification must go with your registration confirmation.",
    )
    .to_owned()
}

fn attach_transcript(c: &Ctx) -> String {
    let list = epreuves(c.situation, AcquisKind::Benefice);
    if c.fr {
        format!("Vous gardez une note pour {list} (bénéfice)\u{a0}: joignez le relevé de notes de la session où vous l'avez obtenue (la notice dit «\u{a0}relevé de notes ou diplôme\u{a0}»).")
    } else {
        format!("You carry over a grade for {list} (bénéfice): attach the transcript of the session where you obtained it (the notice says \"relevé de notes ou diplôme\").")
    }
}

fn attach_diploma(c: &Ctx) -> String {
    let list = epreuves(c.situation, AcquisKind::Dispense);
    if c.fr {
        format!("Vous bénéficiez d'une dispense pour {list}\u{a0}: joignez le diplôme qui vous donne cette dispense, ou un relevé de notes qui la montre (la notice dit «\u{a0}relevé de notes ou diplôme\u{a0}»).")
    } else {
        format!("You have an exemption (dispense) for {list}: attach the diploma granting the exemption, or a transcript showing it (the notice says \"relevé de notes ou diplôme\").")
    }
}

fn read_referentiel(c: &Ctx) -> String {
    let (title, link) = (&c.title, &c.session.links.eduscol);
    if c.fr {
        format!("Le rectorat ne donne aucune information pédagogique\u{a0}: lisez le référentiel de l'examen «\u{a0}{title}\u{a0}» sur Eduscol ({link}), annexe «\u{a0}définition des épreuves\u{a0}», surtout la partie sur les épreuves ponctuelles.")
    } else {
        format!("The rectorat gives no teaching information: read the {title} référentiel (the official description of the diploma and its exams) on Eduscol ({link}), annex \"définition des épreuves\", above all the part on \"épreuves ponctuelles\" (one-off exams).")
    }
}

/// The épreuves of one kind, as the candidate named them: "EG1, EG3".
fn epreuves(situation: &Situation, kind: AcquisKind) -> String {
    let list: Vec<&str> = situation
        .acquis
        .iter()
        .filter(|a| a.kind == kind)
        .map(|a| a.epreuve.as_str())
        .collect();
    list.join(", ")
}

/// Every acquis with its kind: "EG1 (bénéfice de note), EP2 (dispense)".
fn acquis_summary(situation: &Situation, lang: Lang) -> String {
    situation
        .acquis
        .iter()
        .map(|a| {
            let k = match a.kind {
                AcquisKind::Benefice => t(lang, "bénéfice de note", "carried-over grade"),
                AcquisKind::Dispense => t(lang, "dispense", "exemption"),
            };
            format!("{} ({k})", a.epreuve)
        })
        .collect::<Vec<_>>()
        .join(", ")
}

/// A piece the session file declares: its `why` (or a default sentence), where it goes (the
/// envelope, or Cyclades in upload mode) and by when, its `source`, and, while its condition
/// is still unknown, which answer would remove it.
#[cfg(feature = "v2")]
fn piece(c: &Ctx, index: u16) -> String {
    let Some(p) = c.session.pieces.get(usize::from(index)) else {
        return String::new();
    };
    let lang = c.lang;
    let known = p.when.as_ref().map(|w| w.eval(c.situation));
    let mut s = match (&p.why, known) {
        (Some(why), _) => why.get(lang).to_owned(),
        (None, None) => t(
            lang,
            "L'académie demande cette pièce à tous les candidats.",
            "The académie asks every candidate for this document.",
        )
        .to_owned(),
        (None, Some(Some(_))) => t(
            lang,
            "L'académie demande cette pièce dans votre situation.",
            "The académie asks for this document in your situation.",
        )
        .to_owned(),
        (None, Some(None)) => t(
            lang,
            "L'académie demande cette pièce à certains candidats.",
            "The académie asks some candidates for this document.",
        )
        .to_owned(),
    };
    s.push(' ');
    s.push_str(&if c.upload {
        if c.fr {
            format!(
                "À déposer dans Cyclades avec la confirmation, avant le {}.",
                c.ret_closes
            )
        } else {
            format!(
                "To upload in Cyclades with the confirmation, by {}.",
                c.ret_closes
            )
        }
    } else if c.fr {
        format!(
            "À joindre à la confirmation dans l'envoi du dossier, posté au plus tard le {}.",
            c.ret_closes
        )
    } else {
        format!(
            "To put in the envelope with the confirmation, posted by {}.",
            c.ret_closes
        )
    });
    if let (Some(when), Some(None)) = (&p.when, known) {
        s.push_str(&unknown_reason(c, when));
    }
    if let Some(src) = &p.source {
        s.push_str(&if c.fr {
            format!(
                " Source\u{a0}: notice {}, {src}.",
                c.session.notice_reference
            )
        } else {
            format!(" Source: notice {}, {src}.", c.session.notice_reference)
        });
    }
    s
}

/// " Listed because … is unanswered: answering "no" would remove it."
#[cfg(feature = "v2")]
fn unknown_reason(c: &Ctx, when: &crate::declared::Condition) -> String {
    let lang = c.lang;
    let label = |q: u16| {
        c.session
            .questions
            .get(usize::from(q))
            .map_or("", |q| q.label.get(lang))
    };
    let yes_no = |a: bool| match (a, c.fr) {
        (true, true) => "oui",
        (false, true) => "non",
        (true, false) => "yes",
        (false, false) => "no",
    };
    let removing = when.removing_answers(c.situation);
    if removing.is_empty() {
        let mut qs = Vec::new();
        when.questions(&mut qs);
        let open: Vec<String> = qs
            .into_iter()
            .filter(|q| c.situation.answer(*q).is_none())
            .map(|q| {
                if c.fr {
                    format!("«\u{a0}{}\u{a0}»", label(q))
                } else {
                    format!("\"{}\"", label(q))
                }
            })
            .collect();
        return if c.fr {
            format!(" Listée tant que ces questions sont sans réponse\u{a0}: {}\u{a0}; vos réponses diront si elle est demandée.", open.join(", "))
        } else {
            format!(" Listed while these questions are unanswered: {}; your answers will tell whether it is asked for.", open.join(", "))
        };
    }
    let parts: Vec<String> = removing
        .into_iter()
        .map(|(q, a)| {
            if c.fr {
                format!(
                    "répondre «\u{a0}{}\u{a0}» à «\u{a0}{}\u{a0}»",
                    yes_no(a),
                    label(q)
                )
            } else {
                format!("answering \"{}\" to \"{}\"", yes_no(a), label(q))
            }
        })
        .collect();
    if c.fr {
        format!(" Listée tant que la question est sans réponse (mieux vaut une pièce de trop qu'une pièce qui manque)\u{a0}: {} la retirerait.", parts.join(" ou "))
    } else {
        format!(" Listed while the question is unanswered (one document too many is better than one missing): {} would remove it.", parts.join(" or "))
    }
}

//! The `mail-file` sentence: where and when the file goes (post or upload), the session's
//! instructions, then what the postmark date (`posted_on`) means at the evaluated instant.

use chrono::{NaiveDate, Timelike};

use super::envelope_title;
use super::format_date;
use super::why::Ctx;
use crate::evaluate::{posting, Posting, Status};
use crate::session::ReturnMode;

/// The `mail-file` sentence, and whether it already says why the item is late (then the
/// generic "the deadline has passed" is not added: a planned date must not read as passed).
pub(super) fn why(c: &Ctx) -> (String, bool) {
    let mut s = where_and_when(c);
    if let Some(extra) = &c.session.return_instructions {
        s.push(' ');
        s.push_str(extra);
    }
    let Some(d) = c.situation.posted_on else {
        return (s, false);
    };
    let (note, explained) = postmark_note(c, d);
    s.push_str(&note);
    (s, explained)
}

/// By post to the address between the return window's dates, or uploaded in Cyclades.
fn where_and_when(c: &Ctx) -> String {
    let (opens, closes) = (&c.ret_opens, &c.ret_closes);
    // The envelope bears the title as typed, or the French diploma name: never a translation
    // (the notice asks for the diploma's title, and the address is French).
    match c.session.address_for(&envelope_title(c.situation)) {
        Some(address) if c.session.return_mode != ReturnMode::Upload => {
            let address = address.join(", ");
            if c.fr {
                format!("La confirmation datée et signée et les pièces partent par la poste entre le {opens} et le {closes} (cachet de la poste), à\u{a0}: {address}. Un envoi recommandé avec accusé de réception, ou suivi, est conseillé. Sans ce dossier à temps, la candidature est annulée.")
            } else {
                format!("The dated, signed confirmation and the documents go by post between {opens} and {closes} (postmark date), to: {address}. Registered post with acknowledgement of receipt, or tracked, is advised. Without this file in time, the candidacy is cancelled.")
            }
        }
        _ => {
            if c.fr {
                format!("La confirmation datée et signée et les pièces sont déposées dans Cyclades entre le {opens} et le {closes}. Sans ce dépôt à temps, la candidature est annulée.")
            } else {
                format!("The dated, signed confirmation and the documents are uploaded in Cyclades between {opens} and {closes}. Without this upload in time, the candidacy is cancelled.")
            }
        }
    }
}

/// The postmark date as the notes word it.
struct Postmark {
    /// "vendredi 2 décembre 2022".
    day: String,
    /// The date is the return window's last day.
    on_last_day: bool,
    /// The closing hour ("17:00") when the window closes at a set hour.
    hour: Option<String>,
}

/// The note on `posted_on`, and whether it says why `mail-file` is late.
fn postmark_note(c: &Ctx, d: NaiveDate) -> (String, bool) {
    let last_day = c.session.return_closes.date_naive();
    let p = Postmark {
        day: format_date(d, c.lang),
        on_last_day: d == last_day,
        hour: c.session.return_closes_at_an_hour().then(|| {
            let closes = c.session.return_closes;
            format!("{:02}:{:02}", closes.hour(), closes.minute())
        }),
    };
    // A date in the future at the instant (planned), when the instant is known.
    let future = c.at.is_some_and(|at| d > at.date_naive());
    let post = reading(c, d, &p);
    // These notes say why `mail-file` is late (the date is after the window, or on its last
    // day after the closing hour).
    let explained = matches!(post, Posting::ClosingDayAfterHour | Posting::AfterWindow);
    let note = match post {
        Posting::Unknown => String::new(),
        Posting::NotYet => planned(c, &p),
        Posting::InWindow if c.item.status == Status::Done => in_time(c, &p),
        // Not reachable with the engine's statuses; worded as planned rather than guessed.
        Posting::InWindow => {
            if c.fr {
                format!(" Envoi prévu le {}.", p.day)
            } else {
                format!(" Posting planned on {}.", p.day)
            }
        }
        Posting::ClosingDayAfterHour => closing_day_after_hour(c, &p),
        Posting::AfterWindow if future => planned_after_window(c, &p),
        Posting::AfterWindow => sent_after_window(c, &p),
        Posting::BeforeWindow => before_window(c, &p),
    };
    (note, explained)
}

/// With the instant, the engine's reading; without it (`item_why`), the same reading rebuilt
/// from the status the instant gave.
fn reading(c: &Ctx, d: NaiveDate, p: &Postmark) -> Posting {
    let status = c.item.status;
    match c.at {
        Some(at) => posting(c.session, c.situation, at),
        None if d > c.session.return_closes.date_naive() => Posting::AfterWindow,
        None if d < c.session.return_opens.date_naive() => Posting::BeforeWindow,
        None if status == Status::Done => Posting::InWindow,
        None if status == Status::Late && p.on_last_day && p.hour.is_some() => {
            Posting::ClosingDayAfterHour
        }
        None => Posting::NotYet,
    }
}

/// A date still to come, inside the window; on the last day of a window closing at a set
/// hour, that hour is said.
fn planned(c: &Ctx, p: &Postmark) -> String {
    let day = &p.day;
    let mut n = match (c.fr, c.upload) {
        (true, true) => format!(" Dépôt prévu le {day}."),
        (true, false) => format!(" Envoi prévu le {day}."),
        (false, true) => format!(" Upload planned on {day}."),
        (false, false) => format!(" Posting planned on {day}."),
    };
    if let (Some(h), true) = (&p.hour, p.on_last_day) {
        n.push_str(&if c.fr {
            format!(" C'est le dernier jour\u{a0}: au plus tard à {h}, après il est trop tard.")
        } else {
            format!(" That is the last day: by {h} at the latest, after that it is too late.")
        });
    }
    n
}

fn in_time(c: &Ctx, p: &Postmark) -> String {
    let day = &p.day;
    if c.fr {
        format!(
            " {} le {day}, dans les délais.",
            if c.upload { "Déposé" } else { "Envoyé" }
        )
    } else {
        format!(
            " {} on {day}, in time.",
            if c.upload { "Uploaded" } else { "Sent" }
        )
    }
}

fn closing_day_after_hour(c: &Ctx, p: &Postmark) -> String {
    let day = &p.day;
    let h = p.hour.as_deref().unwrap_or_default();
    match (c.fr, c.upload) {
        (true, true) => format!(" Le dépôt du {day} ne compte que s'il a été fait au plus tard à {h}\u{a0}; après, il est trop tard."),
        (true, false) => format!(" L'envoi du {day} ne compte que s'il a été fait au plus tard à {h}\u{a0}; après, il est trop tard."),
        (false, true) => format!(" An upload on {day} counts only if it was made by {h}; after that, it is too late."),
        (false, false) => format!(" A posting on {day} counts only if it was made by {h}; after that, it is too late."),
    }
}

/// why no "planned" and no "deadline passed" together: the date is after the window, whatever
/// the instant; say what it means and, while there is time, what to do instead.
fn planned_after_window(c: &Ctx, p: &Postmark) -> String {
    let (day, closes, upload) = (&p.day, &c.ret_closes, c.upload);
    let still_time = c.at.is_some_and(|at| at <= c.session.return_closes);
    let mut n = if c.fr {
        format!(" Le {day} est après la date limite ({closes})\u{a0}: un dossier {} ce jour-là ne serait plus pris en compte.", if upload { "déposé" } else { "envoyé" })
    } else {
        format!(" {day} is after the deadline ({closes}): a file {} on that day could no longer be accepted.", if upload { "uploaded" } else { "sent" })
    };
    if still_time {
        n.push_str(&if c.fr {
            format!(
                " {} au plus tard le {closes}.",
                if upload { "Déposez-le" } else { "Envoyez-le" }
            )
        } else {
            format!(
                " {} by {closes} at the latest.",
                if upload { "Upload it" } else { "Send it" }
            )
        });
    }
    n
}

fn sent_after_window(c: &Ctx, p: &Postmark) -> String {
    let day = &p.day;
    if c.fr {
        format!(
            " {} le {day}, après la date limite\u{a0}: le dossier ne peut plus être pris en compte.",
            if c.upload { "Déposé" } else { "Envoyé" }
        )
    } else {
        format!(
            " {} on {day}, after the deadline: the file can no longer be accepted.",
            if c.upload { "Uploaded" } else { "Sent" }
        )
    }
}

fn before_window(c: &Ctx, p: &Postmark) -> String {
    let day = &p.day;
    match (c.fr, c.upload) {
        (true, false) => format!(" Le {day} est avant l'ouverture du retour des dossiers\u{a0}: cet envoi ne compte pas, renvoyez le dossier dans la période."),
        (true, true) => format!(" Le {day} est avant l'ouverture du retour des dossiers\u{a0}: ce dépôt ne compte pas, déposez à nouveau le dossier dans la période."),
        (false, false) => format!(" {day} is before the return window opens: that posting does not count, send the file again within the window."),
        (false, true) => format!(" {day} is before the return window opens: that upload does not count, upload the file again within the window."),
    }
}

//! The one door from the page to the rules' wording (`candidat_core::wording`): item labels,
//! "why" sentences and the notice's §, deadline and diploma names, dates.
//! Nothing here decides anything: statuses, dues and verdicts come only from `evaluate`.
//!
//! Pure: compiled and tested natively.

use chrono::DateTime;
use chrono_tz::Tz;

use crate::core::session::Diploma;
use crate::core::{wording, DeadlineId, Item, ItemId, Lang, Session, Situation};

pub fn diploma(lang: Lang, d: Diploma) -> &'static str {
    wording::diploma_name(d, lang)
}

/// The title that goes on the envelope: the exact title given, else the diploma's name.
pub fn diploma_title(lang: Lang, s: &Situation) -> String {
    wording::diploma_title(s, lang)
}

pub fn item(lang: Lang, session: &Session, id: ItemId) -> &str {
    wording::item_label_for(id, session, lang)
}

/// Why this item applies to this candidate, at the evaluated instant.
pub fn why_item(
    lang: Lang,
    session: &Session,
    situation: &Situation,
    item: Option<&Item>,
    at: DateTime<Tz>,
) -> String {
    match item {
        Some(i) => wording::item_why_at(i, session, situation, at, lang),
        None => String::new(),
    }
}

/// Where the notice says it: "§3". Candidates see the notice's own section numbers, never the
/// project's rule ids (R9, R10: those are for the CLI and the tests). A piece declared by the
/// session file has no section of the notice: its source is "the académie's session file".
pub fn section(lang: Lang, id: ItemId) -> &'static str {
    if id.is_piece() {
        return match lang {
            Lang::Fr => "fichier de session de l'académie",
            Lang::En => "the académie's session file",
        };
    }
    wording::notice_section_in(id, lang)
}

pub fn deadline(lang: Lang, id: DeadlineId) -> &'static str {
    wording::deadline_label(id, lang)
}

pub fn date(lang: Lang, t: &DateTime<Tz>) -> String {
    wording::format_date(t.date_naive(), lang)
}

pub fn date_time(lang: Lang, t: &DateTime<Tz>) -> String {
    wording::format_instant(*t, lang)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_source_is_the_notice_section_without_rule_ids() {
        for id in ItemId::ALL {
            for lang in [Lang::Fr, Lang::En] {
                let s = section(lang, id);
                assert!(s.contains('§'), "{s}");
                assert!(!s.contains('R'), "{s}");
            }
        }
    }
}

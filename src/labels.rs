//! The one door from the page to the rules' wording (`candidat_core::wording`): item labels,
//! "why" sentences with the notice's quote and §, deadline and diploma names, dates.
//! Nothing here decides anything: statuses, dues and verdicts come only from `evaluate`.
//!
//! Pure: compiled and tested natively.

use chrono::DateTime;
use chrono_tz::Tz;

use crate::core::session::Diploma;
use crate::core::{wording, DeadlineId, Item, ItemId, Lang, RuleId, Session, Situation};

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

/// The notice's own sentence (French: the notice's language).
pub fn quote(id: ItemId) -> &'static str {
    wording::notice_quote(id)
}

/// "§3 (R9, R10)". A piece declared by the session file has neither (its sentence names its
/// source): "the académie's session file".
pub fn sources(lang: Lang, id: ItemId, rules: &[RuleId]) -> String {
    if id.is_piece() {
        return match lang {
            Lang::Fr => "fichier de session de l'académie",
            Lang::En => "the académie's session file",
        }
        .to_owned();
    }
    let ids: Vec<String> = rules.iter().map(|r| r.label()).collect();
    format!(
        "{} ({})",
        wording::notice_section_in(id, lang),
        ids.join(", ")
    )
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
    fn sources_name_section_and_rules() {
        let s = sources(Lang::Fr, ItemId::MailFile, &[RuleId(9), RuleId(10)]);
        assert!(s.contains('§') && s.ends_with("(R9, R10)"), "{s}");
    }
}

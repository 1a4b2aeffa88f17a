//! The CLI's outputs: the contract's JSON object and the text an exam-office agent reads.

use chrono::{DateTime, LocalResult, Offset, SecondsFormat, TimeZone, Timelike};
use chrono_tz::Tz;
use serde_json::Value;

use crate::evaluate::Evaluation;
use crate::session::{ReturnMode, Session};
use crate::situation::Situation;
use crate::wording::{
    changes_label, deadline_label, diploma_title, format_date, item_label_for, item_why_at,
    notice_section_in, phase_label, status_label, verdict_label, Lang,
};

/// RFC 3339 with the session zone's offset at that instant, whole seconds:
/// "2022-11-17T23:59:59+01:00".
pub fn rfc3339(at: DateTime<Tz>) -> String {
    at.fixed_offset()
        .to_rfc3339_opts(SecondsFormat::Secs, false)
}

#[derive(serde::Serialize)]
struct ContractDeadline<'a> {
    id: &'a str,
    at: String,
}

#[derive(serde::Serialize)]
struct ContractEligibility {
    id: String,
    message: String,
}

#[derive(serde::Serialize)]
struct ContractItem<'a> {
    id: &'a str,
    status: &'a str,
    #[serde(skip_serializing_if = "Option::is_none")]
    due: Option<String>,
    rules: Vec<String>,
    why: String,
}

/// Field order of the contract's example (why a struct: `serde_json::Value` sorts keys, and
/// people reading the CLI's output expect the documented order).
#[derive(serde::Serialize)]
struct Contract<'a> {
    session: &'a str,
    at: String,
    phase: &'a str,
    verdict: &'a str,
    changes: &'a str,
    next: Option<&'a str>,
    /// Eligibility conditions not met (session files v2); `[]` when nothing is unmet.
    eligibility: Vec<ContractEligibility>,
    deadlines: Vec<ContractDeadline<'a>>,
    items: Vec<ContractItem<'a>>,
}

fn contract<'a>(
    session: &'a Session,
    ev: &'a Evaluation,
    situation: &Situation,
    lang: Lang,
) -> Contract<'a> {
    Contract {
        session: &session.id,
        at: rfc3339(ev.at),
        phase: ev.phase.as_str(),
        verdict: ev.verdict.as_str(),
        changes: ev.changes.as_str(),
        next: ev.next.map(|id| id.as_str_in(session)),
        eligibility: ev
            .eligibility
            .iter()
            .filter_map(|&i| session.eligibility().get(usize::from(i)))
            .map(|e| ContractEligibility {
                id: e.id.clone(),
                message: e.message.get(lang).to_owned(),
            })
            .collect(),
        deadlines: ev
            .deadlines
            .iter()
            .map(|d| ContractDeadline {
                id: d.id.as_str(),
                at: rfc3339(d.at),
            })
            .collect(),
        items: ev
            .items
            .iter()
            .map(|i| ContractItem {
                id: i.id.as_str_in(session),
                status: i.status.as_str(),
                due: i.due.map(rfc3339),
                rules: i.rules.iter().map(|r| r.label()).collect(),
                why: item_why_at(i, session, situation, ev.at, lang),
            })
            .collect(),
    }
}

/// [`to_contract_json`] as pretty-printed text, keys in the contract's order (for the CLI).
pub fn to_contract_json_string(
    session: &Session,
    ev: &Evaluation,
    situation: &Situation,
    lang: Lang,
) -> String {
    serde_json::to_string_pretty(&contract(session, ev, situation, lang)).unwrap_or_default()
}

/// The contract's JSON object (shared/DOMAIN.md, "With `--format json`"): keys `session`,
/// `at`, `phase`, `verdict`, `changes`, `deadlines[{id, at}]`, `items[{id, status, due?,
/// rules, why}]`. `due` is omitted for items without one. Only `why` depends on `lang`.
pub fn to_contract_json(
    session: &Session,
    ev: &Evaluation,
    situation: &Situation,
    lang: Lang,
) -> Value {
    serde_json::to_value(contract(session, ev, situation, lang)).unwrap_or(Value::Null)
}

/// What an exam-office agent reads to preview a candidate's checklist: header (session,
/// diploma, instant), phase, verdict, changes, deadlines, then each item with its status,
/// due date, notice section, rules and why. Plain text, one item per paragraph.
pub fn to_text(session: &Session, ev: &Evaluation, situation: &Situation, lang: Lang) -> String {
    let fr = lang == Lang::Fr;
    let clock = TextClock::for_evaluation(session, ev);
    let format_instant = |at: DateTime<Tz>, lang: Lang| clock.format(at, lang);
    // why: French typography puts a space before the colon, English does not.
    let colon = if fr { "\u{a0}:" } else { ":" };
    let mut out = String::new();
    let title = diploma_title(situation, lang);
    out.push_str(&format!(
        "{} — {} ({}, {})\n",
        session.id, session.academie_name, session.notice_reference, session.session_year
    ));
    out.push_str(&format!(
        "{}{colon} {}\n",
        if fr { "Examen" } else { "Exam" },
        title
    ));
    for (i, q) in session.questions().iter().enumerate() {
        let answer = u16::try_from(i).ok().and_then(|i| situation.answer(i));
        out.push_str(&format!(
            "Question{colon} {} {} [{}]\n",
            q.label.get(lang),
            match (answer, fr) {
                (Some(true), true) => "oui",
                (Some(false), true) => "non",
                (None, true) => "sans réponse",
                (Some(true), false) => "yes",
                (Some(false), false) => "no",
                (None, false) => "not answered",
            },
            q.id
        ));
    }
    out.push_str(&format!(
        "{}{colon} {} ({})\n",
        if fr {
            "Date d'évaluation"
        } else {
            "Evaluated at"
        },
        format_instant(ev.at, lang),
        rfc3339(ev.at)
    ));
    out.push_str(&format!(
        "{}{colon} {} [{}]\n",
        "Phase",
        phase_label(ev.phase, lang),
        ev.phase.as_str()
    ));
    out.push_str(&format!(
        "{}{colon} {} [{}]\n",
        "Verdict",
        verdict_label(ev.verdict, lang),
        ev.verdict.as_str()
    ));
    out.push_str(&format!(
        "{}{colon} {} [{}]\n",
        if fr { "Modifications" } else { "Changes" },
        changes_label(ev.changes, lang),
        ev.changes.as_str()
    ));
    out.push_str(&format!(
        "{}{colon} {}\n",
        if fr { "Prochaine étape" } else { "Next step" },
        match ev.next {
            Some(id) => format!(
                "{} [{}]",
                item_label_for(id, session, lang),
                id.as_str_in(session)
            ),
            None => (if fr { "aucune" } else { "none" }).to_owned(),
        }
    ));
    if !ev.eligibility.is_empty() {
        out.push_str(&format!(
            "\n{}\n",
            if fr {
                "Conditions non remplies"
            } else {
                "Conditions not met"
            }
        ));
        for e in ev
            .eligibility
            .iter()
            .filter_map(|&i| session.eligibility().get(usize::from(i)))
        {
            out.push_str(&format!("  - {} [{}]\n", e.message.get(lang), e.id));
            if let Some(src) = &e.source {
                out.push_str(&format!("    Notice{colon} {src}\n"));
            }
        }
    }
    out.push_str(&format!(
        "\n{}\n",
        if fr { "Échéances" } else { "Deadlines" }
    ));
    for d in &ev.deadlines {
        out.push_str(&format!(
            "  - {}{colon} {} [{}]\n",
            deadline_label(d.id, lang),
            format_instant(d.at, lang),
            d.id.as_str()
        ));
    }
    if let (Some(lines), false) = (
        session.address_for(&crate::wording::envelope_title(situation)),
        session.return_mode == ReturnMode::Upload,
    ) {
        out.push_str(&format!(
            "\n{}\n",
            if fr {
                "Adresse d'envoi"
            } else {
                "Postal address"
            }
        ));
        for l in lines {
            out.push_str(&format!("  {l}\n"));
        }
    }
    out.push_str(&format!("\n{}\n", if fr { "Étapes" } else { "Checklist" }));
    for (n, i) in ev.items.iter().enumerate() {
        let rules: Vec<String> = i.rules.iter().map(|r| r.label()).collect();
        out.push_str(&format!(
            "{:>2}. [{}] {} ({})\n",
            n + 1,
            status_label(i.status, lang),
            item_label_for(i.id, session, lang),
            i.id.as_str_in(session)
        ));
        match i.due {
            Some(d) => out.push_str(&format!(
                "    {}{colon} {}\n",
                if fr { "Avant le" } else { "Due" },
                format_instant(d, lang)
            )),
            None => out.push_str(&format!(
                "    {}\n",
                if fr {
                    "Pas de date limite dans la notice"
                } else {
                    "No deadline in the notice"
                }
            )),
        }
        if i.id.is_piece() {
            out.push_str(&format!(
                "    {}\n",
                if fr {
                    "Pièce demandée par le fichier de session"
                } else {
                    "Document asked for by the session file"
                }
            ));
        } else {
            out.push_str(&format!(
                "    {}{colon} {} — {}\n",
                "Notice",
                notice_section_in(i.id, lang),
                rules.join(", ")
            ));
        }
        out.push_str(&format!(
            "    {}\n",
            item_why_at(i, session, situation, ev.at, lang)
        ));
        // The notice's own words (French, the notice's language), for the agent who checks
        // the sentence above against the text. The page shows only its own sentence and the §
        // (its bytes: ADR 0009, addendum).
        // A declared piece has none: its words are the session file's, above.
        let quote = crate::wording::notice_quote(i.id);
        if !quote.is_empty() {
            out.push_str(&format!("    «\u{a0}{quote}\u{a0}»\n"));
        }
    }
    out
}

/// How the text output writes instants, so that an agent never reads a contradiction:
/// - to the second whenever the evaluated instant or a deadline is not on a whole minute (else
///   "23:59" evaluated at 23:59:30 sits next to a "23:59" deadline marked late);
/// - with the zone's name and UTC offset when the session's zone is not Europe/Paris, or the
///   instant falls in an hour the autumn change repeats (else "02:30" names two instants).
struct TextClock {
    seconds: bool,
    zone: Tz,
}

impl TextClock {
    fn for_evaluation(session: &Session, ev: &Evaluation) -> TextClock {
        let off_minute = |at: DateTime<Tz>| at.second() != 0;
        TextClock {
            seconds: off_minute(ev.at) || ev.deadlines.iter().any(|d| off_minute(d.at)),
            zone: session.time_zone,
        }
    }

    fn format(&self, at: DateTime<Tz>, lang: Lang) -> String {
        let date = format_date(at.date_naive(), lang);
        let sep = if lang == Lang::Fr { " à" } else { "," };
        let mut text = format!("{date}{sep} {:02}:{:02}", at.hour(), at.minute());
        if self.seconds {
            text.push_str(&format!(":{:02}", at.second()));
        }
        let repeated = matches!(
            self.zone.from_local_datetime(&at.naive_local()),
            LocalResult::Ambiguous(..)
        );
        if self.zone != Tz::Europe__Paris || repeated {
            text.push_str(&format!(
                " ({}, UTC{})",
                self.zone.name(),
                crate::timefmt::offset_colon(at.offset().fix())
            ));
        }
        text
    }
}

//! The CLI's outputs: the contract's JSON object and the text an exam-office agent reads.

use chrono::{DateTime, SecondsFormat};
use chrono_tz::Tz;
use serde_json::Value;

use crate::evaluate::Evaluation;
use crate::session::{ReturnMode, Session};
use crate::situation::Situation;
use crate::wording::{
    changes_label, deadline_label, diploma_title, format_instant, item_label_for, item_why_at,
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
                id: i.id.as_str(),
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
    // why: French typography puts a space before the colon, English does not.
    let colon = if fr { " :" } else { ":" };
    let mut out = String::new();
    let title = diploma_title(situation, lang);
    out.push_str(&format!(
        "{} — Académie {} ({}, {})\n",
        session.id, session.academie, session.notice_reference, session.session_year
    ));
    out.push_str(&format!(
        "{}{colon} {}\n",
        if fr { "Examen" } else { "Exam" },
        title
    ));
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
        session.address_for(&title),
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
            i.id.as_str()
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
        out.push_str(&format!(
            "    {}{colon} {} — {}\n",
            "Notice",
            notice_section_in(i.id, lang),
            rules.join(", ")
        ));
        out.push_str(&format!(
            "    {}\n",
            item_why_at(i, session, situation, ev.at, lang)
        ));
    }
    out
}

//! "Ajouter à mon agenda": an iCalendar file (RFC 5545) of the candidate's own deadlines.
//!
//! Pure: the events come from the evaluation (the page never computes a deadline itself);
//! this module only writes them: CRLF line ends, lines folded at 75 octets (never inside a
//! UTF-8 character), TEXT values escaped, one UID per event, DTSTAMP, DTSTART in UTC, and a
//! reminder the day before (VALARM, TRIGGER:-P1D).

use chrono::{DateTime, Utc};

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct IcsEvent {
    /// Stable part of the UID (e.g. the item id); made unique with the calendar's `uid_scope`.
    pub key: String,
    pub summary: String,
    pub description: String,
    pub start: DateTime<Utc>,
    pub url: Option<String>,
}

/// One VCALENDAR with one VEVENT (and its VALARM) per event.
/// `uid_scope` distinguishes sessions (e.g. "aix-marseille-2023").
pub fn calendar(uid_scope: &str, stamp: DateTime<Utc>, events: &[IcsEvent]) -> String {
    let mut out = String::new();
    let mut line = |l: String| push_folded(&mut out, &l);
    line("BEGIN:VCALENDAR".into());
    line("VERSION:2.0".into());
    line("PRODID:-//candidat//checklist//FR".into());
    line("CALSCALE:GREGORIAN".into());
    line("METHOD:PUBLISH".into());
    for e in events {
        line("BEGIN:VEVENT".into());
        line(format!(
            "UID:{}-{}@candidat",
            safe_uid(uid_scope),
            safe_uid(&e.key)
        ));
        line(format!("DTSTAMP:{}", utc(stamp)));
        line(format!("DTSTART:{}", utc(e.start)));
        line(format!("SUMMARY:{}", escape_text(&e.summary)));
        if !e.description.is_empty() {
            line(format!("DESCRIPTION:{}", escape_text(&e.description)));
        }
        if let Some(url) = &e.url {
            line(format!("URL:{url}"));
        }
        line("TRANSP:TRANSPARENT".into());
        line("BEGIN:VALARM".into());
        line("ACTION:DISPLAY".into());
        line(format!("DESCRIPTION:{}", escape_text(&e.summary)));
        line("TRIGGER:-P1D".into());
        line("END:VALARM".into());
        line("END:VEVENT".into());
    }
    line("END:VCALENDAR".into());
    out
}

/// `20221117T225959Z`
pub fn utc(t: DateTime<Utc>) -> String {
    crate::core::timefmt::ics_utc(t.naive_utc())
}

fn safe_uid(s: &str) -> String {
    s.chars()
        .map(|c| {
            if c.is_ascii_alphanumeric() || c == '-' || c == '.' {
                c
            } else {
                '-'
            }
        })
        .collect()
}

/// RFC 5545 §3.3.11: backslash, semicolon, comma and newlines.
pub fn escape_text(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        match c {
            '\\' => out.push_str("\\\\"),
            ';' => out.push_str("\\;"),
            ',' => out.push_str("\\,"),
            '\n' => out.push_str("\\n"),
            '\r' => {}
            c => out.push(c),
        }
    }
    out
}

/// RFC 5545 §3.1: lines longer than 75 octets are split; each continuation starts with a space.
fn push_folded(out: &mut String, line: &str) {
    let mut budget = 75;
    let mut used = 0;
    for c in line.chars() {
        let n = c.len_utf8();
        if used + n > budget {
            out.push_str("\r\n ");
            used = 0;
            budget = 74; // the leading space counts
        }
        out.push(c);
        used += n;
    }
    out.push_str("\r\n");
}

#[cfg(test)]
mod tests {
    use super::*;
    use chrono::TimeZone;

    /// A small RFC 5545 reader for the tests: unfold, split name/value, unescape.
    fn parse(text: &str) -> Vec<(String, String)> {
        assert!(text.ends_with("\r\n"));
        let body = &text[..text.len() - 2];
        for raw in body.split("\r\n") {
            assert!(raw.len() <= 75, "line over 75 octets: {raw:?}");
            assert!(!raw.contains('\n') && !raw.contains('\r'));
        }
        let unfolded = body.replace("\r\n ", "");
        unfolded
            .split("\r\n")
            .map(|l| {
                let (name, value) = l.split_once(':').expect("name:value");
                (name.to_string(), unescape(value))
            })
            .collect()
    }

    fn unescape(v: &str) -> String {
        let mut out = String::new();
        let mut it = v.chars();
        while let Some(c) = it.next() {
            if c == '\\' {
                match it.next() {
                    Some('n') | Some('N') => out.push('\n'),
                    Some(o) => out.push(o),
                    None => panic!("dangling backslash"),
                }
            } else {
                out.push(c);
            }
        }
        out
    }

    fn events() -> Vec<IcsEvent> {
        let paris = chrono_tz::Europe::Paris;
        vec![
            IcsEvent {
                key: "register-online".into(),
                summary: "S'inscrire en ligne, et enregistrer; vite \\ fin".into(),
                description: "Ligne 1\nLigne 2 — « accents » éèàç ".repeat(5),
                start: paris
                    .with_ymd_and_hms(2022, 11, 17, 23, 59, 59)
                    .unwrap()
                    .with_timezone(&Utc),
                url: Some("https://cyclades.education.gouv.fr/cyccandidat/portal/login".into()),
            },
            IcsEvent {
                key: "mail-file".into(),
                summary: "Poster le dossier".into(),
                description: String::new(),
                start: paris
                    .with_ymd_and_hms(2022, 12, 2, 23, 59, 59)
                    .unwrap()
                    .with_timezone(&Utc),
                url: None,
            },
        ]
    }

    #[test]
    fn structure_and_fields() {
        let stamp = Utc.with_ymd_and_hms(2022, 11, 1, 8, 0, 0).unwrap();
        let text = calendar("aix-marseille-2023", stamp, &events());
        let lines = parse(&text);
        assert_eq!(
            lines.first().unwrap(),
            &("BEGIN".into(), "VCALENDAR".into())
        );
        assert_eq!(lines.last().unwrap(), &("END".into(), "VCALENDAR".into()));
        assert!(lines.contains(&("VERSION".into(), "2.0".into())));
        assert!(lines.iter().any(|(n, _)| n == "PRODID"));
        let get = |name: &str| {
            lines
                .iter()
                .filter(|(n, _)| n == name)
                .map(|(_, v)| v.clone())
                .collect::<Vec<_>>()
        };
        assert_eq!(get("BEGIN").iter().filter(|v| *v == "VEVENT").count(), 2);
        assert_eq!(get("BEGIN").iter().filter(|v| *v == "VALARM").count(), 2);
        // DTSTART in UTC: 23:59:59 Paris in winter is 22:59:59Z.
        assert_eq!(get("DTSTART"), vec!["20221117T225959Z", "20221202T225959Z"]);
        assert_eq!(get("DTSTAMP"), vec!["20221101T080000Z", "20221101T080000Z"]);
        assert_eq!(get("TRIGGER"), vec!["-P1D", "-P1D"]);
        let uids = get("UID");
        assert_eq!(uids.len(), 2);
        assert_ne!(uids[0], uids[1]);
        assert!(uids[0].contains("aix-marseille-2023") && uids[0].contains("register-online"));
        // Escaping round-trips.
        assert_eq!(get("SUMMARY")[0], events()[0].summary);
        assert_eq!(get("DESCRIPTION")[0], events()[0].description);
        assert_eq!(get("URL"), vec![events()[0].url.clone().unwrap()]);
    }

    #[test]
    fn escaping_is_visible_in_raw_text() {
        let stamp = Utc.with_ymd_and_hms(2022, 11, 1, 8, 0, 0).unwrap();
        let text = calendar("x", stamp, &events()[..1]);
        let unfolded = text.replace("\r\n ", "");
        assert!(
            unfolded.contains("SUMMARY:S'inscrire en ligne\\, et enregistrer\\; vite \\\\ fin\r\n")
        );
        assert!(unfolded.contains("Ligne 1\\nLigne 2"));
    }

    #[test]
    fn folding_never_splits_a_character() {
        let long = "é".repeat(100) + &"a".repeat(100) + &"€".repeat(60);
        let mut out = String::new();
        push_folded(&mut out, &format!("SUMMARY:{long}"));
        for l in out.trim_end_matches("\r\n").split("\r\n") {
            assert!(l.len() <= 75);
        }
        assert_eq!(
            out.trim_end_matches("\r\n").replace("\r\n ", ""),
            format!("SUMMARY:{long}")
        );
    }

    #[test]
    fn empty_calendar_is_valid() {
        let stamp = Utc.with_ymd_and_hms(2022, 11, 1, 8, 0, 0).unwrap();
        let lines = parse(&calendar("x", stamp, &[]));
        assert_eq!(lines.len(), 6);
    }
}

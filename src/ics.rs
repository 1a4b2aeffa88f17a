//! "Ajouter à mon agenda": an iCalendar file (RFC 5545) of the candidate's own deadlines.
//!
//! Pure: the deadlines come from the evaluation (the page never computes one itself). This
//! module groups them and writes them:
//! - one event per deadline that concerns this candidate (the items still to do that fall due
//!   at that instant, listed in the event), not one event per item;
//! - each event in the daytime of the session's zone (09:00–10:00 local on the deadline's day,
//!   or the hour before the deadline when it falls earlier), with alarms at 09:00 local three
//!   days before and one day before (absolute triggers: a relative "-P1D" on a 23:59:59
//!   deadline rang the evening before at midnight);
//! - no health answer in the file's text unless the candidate asks for it: a calendar may sync
//!   online, so the accommodation steps read "a personal step" by default.
//!
//! The writer: CRLF line ends, lines folded at 75 octets (never inside a UTF-8 character),
//! TEXT values escaped, one UID per event, DTSTAMP, instants in UTC.

use chrono::{DateTime, Duration, NaiveDate, NaiveTime, TimeZone, Utc};
use chrono_tz::Tz;

use crate::core::{wording, Evaluation, ItemId, Lang, Session, Status};

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct IcsEvent {
    /// Stable part of the UID (e.g. the deadline's instant); made unique with `uid_scope`.
    pub key: String,
    pub summary: String,
    pub description: String,
    pub start: DateTime<Utc>,
    pub end: DateTime<Utc>,
    /// Absolute alarm instants.
    pub alarms: Vec<DateTime<Utc>>,
    pub url: Option<String>,
}

/// Steps whose very name says something about the candidate's health.
pub fn is_health_item(id: ItemId) -> bool {
    matches!(
        id,
        ItemId::DeclareHandicap | ItemId::RequestAccommodation | ItemId::AttachAccommodationNotice
    )
}

/// 09:00 local on `day` in `tz` (the earlier instant when the hour repeats, the first valid
/// minute after a gap).
fn nine_am(tz: Tz, day: NaiveDate) -> Option<DateTime<Utc>> {
    let local = day.and_time(NaiveTime::from_hms_opt(9, 0, 0)?);
    (0..=120)
        .find_map(|m| {
            tz.from_local_datetime(&(local + Duration::minutes(m)))
                .earliest()
        })
        .map(|t| t.with_timezone(&Utc))
}

/// The calendar's events: one per due instant ahead of the evaluated instant at which some
/// item is still to do. `reveal_health`: write the accommodation steps by name.
pub fn deadline_events(
    session: &Session,
    ev: &Evaluation,
    lang: Lang,
    reveal_health: bool,
) -> Vec<IcsEvent> {
    let tz = session.time_zone;
    let mut dues: Vec<DateTime<Tz>> = Vec::new();
    for i in &ev.items {
        if let (Status::Todo, Some(due)) = (i.status, i.due) {
            if due > ev.at && !dues.contains(&due) {
                dues.push(due);
            }
        }
    }
    crate::core::small_sort::sort(&mut dues);
    dues.into_iter()
        .filter_map(|due| {
            let lines: Vec<String> = ev
                .items
                .iter()
                .filter(|i| i.status == Status::Todo && i.due == Some(due))
                .map(|i| {
                    let label = if is_health_item(i.id) && !reveal_health {
                        personal_step(lang)
                    } else {
                        wording::item_label_for(i.id, session, lang)
                    };
                    format!("– {label}")
                })
                .collect();
            let due_utc = due.with_timezone(&Utc);
            let morning = nine_am(tz, due.date_naive())?;
            let start = morning.min(due_utc - Duration::hours(1));
            let alarms = [3, 1]
                .into_iter()
                .filter_map(|days| nine_am(tz, due.date_naive() - Duration::days(days)))
                .filter(|a| *a > ev.at.with_timezone(&Utc))
                .collect();
            Some(IcsEvent {
                key: crate::core::timefmt::ics_utc(due_utc.naive_utc()),
                summary: summary(lang, &wording::format_instant(due, lang)),
                description: format!("{}\n{}", lines.join("\n"), session.links.cyclades),
                start,
                end: start + Duration::hours(1),
                alarms,
                url: Some(session.links.cyclades.clone()),
            })
        })
        .collect()
}

fn summary(lang: Lang, when: &str) -> String {
    match lang {
        Lang::Fr => format!("Candidat individuel\u{a0}: à faire avant le {when}"),
        Lang::En => format!("Individual candidate: to do by {when}"),
    }
}

fn personal_step(lang: Lang) -> &'static str {
    match lang {
        Lang::Fr => "Une démarche personnelle (détail sur la page de votre liste)",
        Lang::En => "A personal step (details on your checklist page)",
    }
}

/// One VCALENDAR with one VEVENT (and its VALARMs) per event.
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
        line(format!("DTEND:{}", utc(e.end)));
        line(format!("SUMMARY:{}", escape_text(&e.summary)));
        if !e.description.is_empty() {
            line(format!("DESCRIPTION:{}", escape_text(&e.description)));
        }
        if let Some(url) = &e.url {
            line(format!("URL:{url}"));
        }
        line("TRANSP:TRANSPARENT".into());
        for alarm in &e.alarms {
            line("BEGIN:VALARM".into());
            line("ACTION:DISPLAY".into());
            line(format!("DESCRIPTION:{}", escape_text(&e.summary)));
            line(format!("TRIGGER;VALUE=DATE-TIME:{}", utc(*alarm)));
            line("END:VALARM".into());
        }
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
                description: "Ligne 1\nLigne 2 — «\u{a0}accents\u{a0}» éèàç ".repeat(5),
                start: paris
                    .with_ymd_and_hms(2022, 11, 17, 23, 59, 59)
                    .unwrap()
                    .with_timezone(&Utc),
                end: paris
                    .with_ymd_and_hms(2022, 11, 18, 0, 59, 59)
                    .unwrap()
                    .with_timezone(&Utc),
                alarms: vec![Utc.with_ymd_and_hms(2022, 11, 16, 8, 0, 0).unwrap()],
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
                end: paris
                    .with_ymd_and_hms(2022, 12, 3, 0, 59, 59)
                    .unwrap()
                    .with_timezone(&Utc),
                alarms: vec![Utc.with_ymd_and_hms(2022, 12, 1, 8, 0, 0).unwrap()],
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
        assert_eq!(
            get("TRIGGER;VALUE=DATE-TIME"),
            vec!["20221116T080000Z", "20221201T080000Z"]
        );
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

    // Native only: the icalendar crate is a native dev-dependency.
    #[cfg(not(target_arch = "wasm32"))]
    mod from_the_evaluation {
        use super::super::*;
        use crate::core::session::Diploma;
        use crate::core::{default_session, evaluate, Situation};
        use chrono::TimeZone;

        fn at(s: &str) -> DateTime<Utc> {
            DateTime::parse_from_rfc3339(s).unwrap().with_timezone(&Utc)
        }

        fn accommodated() -> Situation {
            let mut s = Situation::new(Diploma::Cap);
            s.existing_accommodation = true;
            s.new_accommodation_request = true;
            s
        }

        /// The events of a situation, and the file as the icalendar crate reads it back.
        fn file(s: &Situation, when: &str, lang: Lang, reveal: bool) -> (Vec<IcsEvent>, String) {
            let session = default_session();
            let ev = evaluate(&session, s, at(when));
            let events = deadline_events(&session, &ev, lang, reveal);
            let text = calendar(&session.id, at(when), &events);
            (events, text)
        }

        #[test]
        fn one_daytime_event_per_deadline_with_morning_alarms() {
            let (events, text) = file(
                &accommodated(),
                "2022-11-02T12:00:00+01:00",
                Lang::Fr,
                false,
            );
            // Pre-registration close and return close: two deadlines, two events.
            assert_eq!(events.len(), 2, "{events:#?}");
            let utc = |y, mo, d, h| Utc.with_ymd_and_hms(y, mo, d, h, 0, 0).unwrap();
            // 09:00–10:00 Paris (UTC+1) on the deadline's day, alarms at 09:00 three days and
            // one day before.
            assert_eq!(
                (events[0].start, events[0].end),
                (utc(2022, 11, 17, 8), utc(2022, 11, 17, 9))
            );
            assert_eq!(
                events[0].alarms,
                vec![utc(2022, 11, 14, 8), utc(2022, 11, 16, 8)]
            );
            assert_eq!(events[1].start, utc(2022, 12, 2, 8));
            assert_eq!(
                events[1].alarms,
                vec![utc(2022, 11, 29, 8), utc(2022, 12, 1, 8)]
            );
            assert!(
                events[0].summary.contains("jeudi 17 novembre 2022 à 23:59"),
                "{}",
                events[0].summary
            );
            assert!(
                events[0].description.contains("Créer votre compte"),
                "{}",
                events[0].description
            );

            // A real iCalendar parser reads it back: two events, two alarms each.
            let cal: icalendar::Calendar = text.parse().expect("icalendar parses the file");
            let vevents: Vec<_> = cal.components.iter().filter_map(|c| c.as_event()).collect();
            assert_eq!(vevents.len(), 2);
            use icalendar::Component;
            for (e, ours) in vevents.iter().zip(&events) {
                assert_eq!(e.get_summary(), Some(ours.summary.as_str()));
                assert_eq!(e.get_description(), Some(ours.description.as_str()));
            }
            let unfolded = icalendar::parser::unfold(&text);
            let raw = icalendar::parser::read_calendar(&unfolded).expect("parses");
            for e in raw.components.iter().filter(|c| c.name == "VEVENT") {
                let alarms = e.components.iter().filter(|c| c.name == "VALARM").count();
                assert_eq!(alarms, 2);
            }
        }

        #[test]
        fn no_health_answer_unless_asked() {
            let (_, text) = file(
                &accommodated(),
                "2022-11-02T12:00:00+01:00",
                Lang::Fr,
                false,
            );
            let unfolded = text.replace("\r\n ", "");
            for word in ["andicap", "ménagement", "ccommodation"] {
                assert!(!unfolded.contains(word), "{word} in {unfolded}");
            }
            assert!(unfolded.contains("Une démarche personnelle"));
            let (_, text) = file(&accommodated(), "2022-11-02T12:00:00+01:00", Lang::En, true);
            assert!(text.replace("\r\n ", "").contains("Handicap"));
        }

        #[test]
        fn nothing_ahead_gives_no_event() {
            let mut s = Situation::new(Diploma::Cap);
            s.done = vec![ItemId::MailFile, ItemId::AttachSupportingDocuments];
            let (events, _) = file(&s, "2022-11-02T12:00:00+01:00", Lang::Fr, false);
            assert!(events.is_empty(), "{events:#?}");
            let (events, _) = file(
                &Situation::new(Diploma::Cap),
                "2022-12-10T12:00:00+01:00",
                Lang::Fr,
                false,
            );
            assert!(events.is_empty(), "{events:#?}");
        }

        #[test]
        fn an_early_deadline_keeps_its_event_before_it() {
            // The 48 hours end at 08:30 local: the event is the hour before, not 09:00.
            let mut s = Situation::new(Diploma::Cap);
            s.account_created_at =
                Some(DateTime::parse_from_rfc3339("2022-11-01T08:30:00+01:00").unwrap());
            let (events, _) = file(&s, "2022-11-02T12:00:00+01:00", Lang::En, false);
            let first = &events[0];
            assert_eq!(
                first.start,
                Utc.with_ymd_and_hms(2022, 11, 3, 6, 30, 0).unwrap()
            );
            assert!(
                first.end
                    <= Utc.with_ymd_and_hms(2022, 11, 3, 7, 30, 0).unwrap() + Duration::hours(1)
            );
            assert!(
                first.description.contains("Activate"),
                "{}",
                first.description
            );
        }
    }
}

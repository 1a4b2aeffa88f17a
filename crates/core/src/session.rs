//! Session files: one académie's session (dates, zone, return mode, links).
//!
//! The file format is documented for exam offices in `sessions/README.md`. Parsing walks a
//! `json::Value` by hand so that every problem is reported with its JSON path.

use crate::json::{Map, Value};
use chrono::{
    DateTime, Datelike, LocalResult, NaiveDate, NaiveDateTime, NaiveTime, TimeZone, Timelike, Utc,
};
use chrono_tz::Tz;

use crate::declared::{Eligibility, Piece, Question};
use crate::ids::ItemId;
use crate::problems::{parse_json, Problem, Walker};

/// The five diplomas of the notice (contract ids).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Diploma {
    BacPro,
    Bp,
    Cap,
    Mc3,
    Mc4,
}

impl Diploma {
    pub const ALL: [Diploma; 5] = [
        Diploma::BacPro,
        Diploma::Bp,
        Diploma::Cap,
        Diploma::Mc3,
        Diploma::Mc4,
    ];
    pub fn as_str(self) -> &'static str {
        match self {
            Diploma::BacPro => "bac-pro",
            Diploma::Bp => "bp",
            Diploma::Cap => "cap",
            Diploma::Mc3 => "mc3",
            Diploma::Mc4 => "mc4",
        }
    }
    pub fn parse(s: &str) -> Option<Diploma> {
        Diploma::ALL.into_iter().find(|d| d.as_str() == s)
    }
}

/// The time zones of French académies: the only ones a session file may name
/// (and the only ones compiled into chrono-tz, see `.cargo/config.toml`). Without the `v2`
/// feature, [`PAGE_ZONES`].
#[cfg(feature = "v2")]
pub const FRENCH_ZONES: [&str; 10] = [
    "Europe/Paris",
    "America/Martinique",
    "America/Guadeloupe",
    "America/Cayenne",
    "America/Miquelon",
    "Indian/Reunion",
    "Indian/Mayotte",
    "Pacific/Noumea",
    "Pacific/Tahiti",
    "Pacific/Wallis",
];
#[cfg(not(feature = "v2"))]
pub const FRENCH_ZONES: [&str; 8] = PAGE_ZONES;

/// The zones the page's wasm knows (built without the `v2` feature): every zone but
/// America/Miquelon and Pacific/Wallis, which came with session files v2 and would cost the
/// page ~1.9 KB gzip (ADR 0014). `cargo xtask build` compiles only these into chrono-tz.
pub const PAGE_ZONES: [&str; 8] = [
    "Europe/Paris",
    "America/Martinique",
    "America/Guadeloupe",
    "America/Cayenne",
    "Indian/Reunion",
    "Indian/Mayotte",
    "Pacific/Noumea",
    "Pacific/Tahiti",
];

/// Why 720: a month of hours is already far beyond any account-activation delay; a larger
/// number is almost certainly a typo (minutes, or days × 24 twice).
pub const MAX_ACTIVATION_DELAY_HOURS: u64 = 720;

/// A validated session, with every boundary resolved to an instant in the session's zone.
#[derive(Debug, Clone, PartialEq)]
pub struct Session {
    /// e.g. "aix-marseille-2023"
    pub id: String,
    pub academie: String,
    /// How the page names the académie, with its article: "Académie d'Aix-Marseille" (the
    /// file's optional `academie_name`; else built from `academie`, see [`academie_name`]).
    pub academie_name: String,
    pub session_year: i32,
    pub notice_reference: String,
    pub time_zone: Tz,
    pub diplomas: Vec<Diploma>,
    /// First and last instants (both inclusive) of the pre-registration (R1).
    pub registration_opens: DateTime<Tz>,
    pub registration_closes: DateTime<Tz>,
    /// R3: elapsed hours to activate the account (48 in the notice).
    pub activation_delay_hours: u32,
    pub return_opens: DateTime<Tz>,
    pub return_closes: DateTime<Tz>,
    pub return_mode: ReturnMode,
    pub links: Links,
    /// Optional free text from the file's `return.instructions` (e.g. how to upload in
    /// Cyclades); shown as is, never interpreted.
    pub return_instructions: Option<String>,
    /// How to reach the exam office (the file's optional `contact`).
    pub contact: Option<Contact>,
    /// Version 2: yes/no questions worded by the exam office (empty in a version-1 file).
    #[cfg(feature = "v2")]
    pub questions: Vec<Question>,
    /// Version 2: documents to join, each the checklist item `piece:<id>` (`ItemId::Piece`).
    #[cfg(feature = "v2")]
    pub pieces: Vec<Piece>,
    /// Version 2: who may register as an individual candidate.
    #[cfg(feature = "v2")]
    pub eligibility: Vec<Eligibility>,
}

#[derive(Debug, Clone, PartialEq)]
pub enum ReturnMode {
    /// R9: by post. Address lines; the marker `{diploma_title}` in a line stands where the
    /// notice says "préciser l'intitulé du diplôme".
    Post { address: Vec<String> },
    /// Other académies: documents uploaded in Cyclades, no envelope.
    Upload,
}

#[derive(Debug, Clone, PartialEq)]
pub struct Links {
    pub cyclades: String,
    pub academie: String,
    pub accommodation: Option<String>,
    pub eduscol: String,
    /// The published notice itself (PDF or page), when the file gives it.
    pub notice: Option<String>,
}

/// The exam office's contact: at least one of `email`, `phone`, `url`; `hours` free text.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Contact {
    pub email: Option<String>,
    pub phone: Option<String>,
    pub url: Option<String>,
    /// When the office answers, as the file words it ("du lundi au vendredi, 9 h – 12 h").
    pub hours: Option<String>,
}

impl Contact {
    /// Each way to reach the office, as a link: `(href, text)`, in the order e-mail
    /// (`mailto:`), phone (`tel:` with its digits and `+` only: "01 99 00 12 34" →
    /// "tel:0199001234"), page (text `None`: the page names it in its own words).
    pub fn ways(&self) -> Vec<(String, Option<String>)> {
        let mut ways = Vec::new();
        if let Some(e) = &self.email {
            ways.push((format!("mailto:{e}"), Some(e.clone())));
        }
        if let Some(p) = &self.phone {
            let mut tel = String::from("tel:");
            for b in p.bytes() {
                if b.is_ascii_digit() || b == b'+' {
                    tel.push(b as char);
                }
            }
            ways.push((tel, Some(p.clone())));
        }
        if let Some(u) = &self.url {
            ways.push((u.clone(), None));
        }
        ways
    }
}

/// The embedded default session file (the notice's own dates).
pub const DEFAULT_SESSION_JSON: &str = include_str!("../../../sessions/aix-marseille-2023.json");

/// A window bound as written in the file, before the zone is known.
#[derive(Debug, Clone, Copy)]
enum Bound {
    /// "YYYY-MM-DD": the whole day (opens 00:00:00, closes 23:59:59).
    Date(NaiveDate),
    /// "YYYY-MM-DDTHH:MM[:SS]": an exact local instant.
    DateTime(NaiveDateTime),
}

#[derive(Debug, Clone, Copy, PartialEq)]
enum Edge {
    Opens,
    Closes,
}

fn parse_bound(s: &str) -> Option<Bound> {
    // why the byte-shape check: chrono's parser accepts signs and extra digits in %Y.
    let b = s.as_bytes();
    let digits = |r: std::ops::Range<usize>| {
        r.into_iter()
            .all(|i| b.get(i).is_some_and(|c| c.is_ascii_digit()))
    };
    let date_shape = b.len() >= 10
        && digits(0..4)
        && b[4] == b'-'
        && digits(5..7)
        && b[7] == b'-'
        && digits(8..10);
    if !date_shape {
        return None;
    }
    match b.len() {
        10 => crate::timefmt::parse_date(s).map(Bound::Date),
        16 if b[10] == b'T' && digits(11..13) && b[13] == b':' && digits(14..16) => {
            crate::timefmt::parse_date_time(s, false).map(Bound::DateTime)
        }
        19 if b[10] == b'T'
            && digits(11..13)
            && b[13] == b':'
            && digits(14..16)
            && b[16] == b':'
            && digits(17..19) =>
        {
            crate::timefmt::parse_date_time(s, true).map(Bound::DateTime)
        }
        _ => None,
    }
}

/// Resolve a bound to an instant. `Err(local)` when the local time does not exist (DST gap).
/// Ambiguous local times (the autumn hour that happens twice): why this choice — an opening
/// takes the later instant and a closing the earlier one, so the page never says "open" when
/// one reading of the notice says "closed".
fn resolve(bound: Bound, tz: Tz, edge: Edge) -> Result<DateTime<Tz>, NaiveDateTime> {
    let local = match (bound, edge) {
        (Bound::Date(d), Edge::Opens) => d.and_time(NaiveTime::MIN),
        (Bound::Date(d), Edge::Closes) => d
            .and_hms_opt(23, 59, 59)
            .unwrap_or(d.and_time(NaiveTime::MIN)),
        (Bound::DateTime(dt), _) => dt,
    };
    match tz.from_local_datetime(&local) {
        LocalResult::Single(t) => Ok(t),
        LocalResult::Ambiguous(a, b) => Ok(if edge == Edge::Opens {
            a.max(b)
        } else {
            a.min(b)
        }),
        LocalResult::None => Err(local),
    }
}

fn has_space(s: &str) -> bool {
    s.chars().any(|c| c.is_whitespace() || c.is_control())
}

fn is_http_link(s: &str) -> bool {
    let rest = s
        .strip_prefix("https://")
        .or_else(|| s.strip_prefix("http://"));
    match rest {
        Some(r) => !r.is_empty() && !r.starts_with('/') && !has_space(s),
        None => false,
    }
}

/// `contact.email`: one `@` after something, no space, a dot inside the domain part (plain
/// byte checks: str patterns cost the wasm ~1 KB).
fn is_email(s: &str) -> bool {
    let b = s.as_bytes();
    let at = b.iter().position(|&c| c == b'@').unwrap_or(0);
    let dot = b.iter().rposition(|&c| c == b'.').unwrap_or(0);
    at > 0
        && at + 1 < dot
        && dot + 1 < b.len()
        && b.iter().filter(|&&c| c == b'@').count() == 1
        && !has_space(s)
}

/// `contact.phone`: digits, spaces, `+ . - ( )` only, at least 6 digits.
fn is_phone(s: &str) -> bool {
    let mut digits = 0;
    for b in s.bytes() {
        match b {
            b'0'..=b'9' => digits += 1,
            b' ' | b'+' | b'.' | b'-' | b'(' | b')' => {}
            _ => return false,
        }
    }
    digits >= 6
}

const TOP_FIELDS: &[&str] = &[
    "id",
    "academie",
    "academie_name",
    "session_year",
    "notice_reference",
    "time_zone",
    "diplomas",
    "pre_registration",
    "activation_delay_hours",
    "return",
    "links",
    "contact",
    #[cfg(feature = "v2")]
    "questions",
    #[cfg(feature = "v2")]
    "pieces",
    #[cfg(feature = "v2")]
    "eligibility",
];
const WINDOW_FIELDS: &[&str] = &["opens", "closes"];
const RETURN_FIELDS: &[&str] = &["opens", "closes", "mode", "address", "instructions"];
const LINK_FIELDS: &[&str] = &["cyclades", "academie", "accommodation", "eduscol", "notice"];
const CONTACT_FIELDS: &[&str] = &["email", "phone", "url", "hours"];

/// How many years before the session year a window bound may fall. Why 2: the notice's
/// session 2023 is registered for in autumn 2022; an académie may open a year earlier still,
/// but a bound further away is a typo (1890, or last year's file half updated).
pub const BOUND_YEARS_BEFORE_SESSION: i32 = 2;

impl Bound {
    fn year(self) -> i32 {
        match self {
            Bound::Date(d) => d.year(),
            Bound::DateTime(dt) => dt.year(),
        }
    }
    /// chrono reads a second 60 as a leap second (nanoseconds ≥ 1 s).
    fn is_leap_second(self) -> bool {
        matches!(self, Bound::DateTime(dt) if dt.nanosecond() >= 1_000_000_000)
    }
}

/// Reads one window object; returns the raw bounds (each may be missing/invalid).
///
/// A bound is refused (and `None` returned, so no order check repeats the problem) when it is
/// not a real date, when it names a leap second (":60" — why: civil time in the académies'
/// zones never shows one, and chrono would read it as 59.999…; a typo for 59 or 00), or when
/// its year is outside `session_year - 2 ..= session_year` (only checked when the session year
/// itself is valid).
fn window_bounds(
    w: &mut Walker,
    m: &Map,
    path: &str,
    session_year: Option<i32>,
) -> (Option<Bound>, Option<Bound>) {
    let one = |w: &mut Walker, key: &str| -> Option<Bound> {
        let p = format!("{path}.{key}");
        let v = w.required(m, path, key)?;
        let s = w.string(v, &p)?;
        match parse_bound(s) {
            Some(b) if b.is_leap_second() => {
                w.push(
                    &p,
                    format!("«\u{a0}{s}\u{a0}»\u{a0}: la seconde 60 n'existe pas dans l'heure légale\u{a0}; écrire 59 (ou l'heure sans les secondes)."),
                    format!("\"{s}\": second 60 does not exist in civil time; write 59 (or the time without seconds)."),
                );
                None
            }
            Some(b)
                if session_year
                    .is_some_and(|y| !(y - BOUND_YEARS_BEFORE_SESSION..=y).contains(&b.year())) =>
            {
                let y = session_year.unwrap_or_default();
                let from = y - BOUND_YEARS_BEFORE_SESSION;
                w.push(
                    &p,
                    format!("«\u{a0}{s}\u{a0}» est en {}\u{a0}: pour la session {y}, les dates tombent entre {from} et {y}.", b.year()),
                    format!("\"{s}\" is in {}: for the {y} session, dates fall between {from} and {y}.", b.year()),
                );
                None
            }
            Some(b) => Some(b),
            None => {
                w.push(
                    &p,
                    format!("«\u{a0}{s}\u{a0}» n'est pas une date réelle au format AAAA-MM-JJ (ou AAAA-MM-JJTHH:MM)."),
                    format!("\"{s}\" is not a real date in the form YYYY-MM-DD (or YYYY-MM-DDTHH:MM)."),
                );
                None
            }
        }
    };
    let opens = one(w, "opens");
    let closes = one(w, "closes");
    (opens, closes)
}

/// Why a zone is always used: with an unknown `time_zone` the windows are still resolved in
/// UTC so that their order is checked too (every problem at once); the gap check needs the
/// real zone and is skipped then.
fn resolve_reported(
    w: &mut Walker,
    b: Option<Bound>,
    tz: Option<Tz>,
    edge: Edge,
    path: &str,
) -> Option<DateTime<Tz>> {
    let b = b?;
    let known = tz.is_some();
    let tz = tz.unwrap_or(Tz::UTC);
    match resolve(b, tz, edge) {
        Ok(t) => Some(t),
        Err(_) if !known => None,
        Err(local) => {
            let l = crate::timefmt::date_time(local, ' ', true);
            w.push(
                path,
                format!("L'heure locale {l} n'existe pas dans le fuseau {} (passage à l'heure d'été)\u{a0}: choisir une autre heure.", zone_name(tz)),
                format!("The local time {l} does not exist in {} (clocks go forward): pick another time.", zone_name(tz)),
            );
            None
        }
    }
}

fn check_order(
    w: &mut Walker,
    first: Option<DateTime<Tz>>,
    then: Option<DateTime<Tz>>,
    path: &str,
    fr: &str,
    en: &str,
) {
    if let (Some(a), Some(b)) = (first, then) {
        if b < a {
            w.push(path, fr, en);
        }
    }
}

/// What the readers found so far, each field `None` while missing or refused. The readers
/// fill it in place. Why in place rather than each returning its section: passing the
/// sections' instants from reader to reader cost ~0.3 KB gzip of release wasm (ADR 0008).
#[derive(Default)]
struct Draft {
    id: Option<String>,
    academie: Option<String>,
    academie_name: Option<String>,
    /// `academie_name` was given but refused.
    academie_name_refused: bool,
    session_year: Option<i32>,
    notice_reference: Option<String>,
    time_zone: Option<Tz>,
    diplomas: Option<Vec<Diploma>>,
    registration_opens: Option<DateTime<Tz>>,
    registration_closes: Option<DateTime<Tz>>,
    activation_delay_hours: Option<u32>,
    return_opens: Option<DateTime<Tz>>,
    return_closes: Option<DateTime<Tz>>,
    return_mode: Option<ReturnMode>,
    return_instructions: Option<String>,
    /// `return.instructions` was given but refused.
    instructions_refused: bool,
    links: Option<Links>,
    /// `contact`, when given and read without a problem.
    contact: Option<Contact>,
}

impl Draft {
    /// The session, when every section was read (`None` if one is missing).
    fn finish(self) -> Option<Session> {
        match self {
            Draft {
                id: Some(id),
                academie: Some(academie),
                academie_name: name,
                academie_name_refused: false,
                session_year: Some(session_year),
                notice_reference: Some(notice_reference),
                time_zone: Some(time_zone),
                diplomas: Some(diplomas),
                registration_opens: Some(registration_opens),
                registration_closes: Some(registration_closes),
                activation_delay_hours: Some(activation_delay_hours),
                return_opens: Some(return_opens),
                return_closes: Some(return_closes),
                return_mode: Some(return_mode),
                return_instructions,
                instructions_refused: false,
                links: Some(links),
                contact,
            } => Some(Session {
                id,
                academie_name: name.unwrap_or_else(|| academie_name(&academie)),
                academie,
                session_year,
                notice_reference,
                time_zone,
                diplomas,
                registration_opens,
                registration_closes,
                activation_delay_hours,
                return_opens,
                return_closes,
                return_mode,
                links,
                return_instructions,
                contact,
                #[cfg(feature = "v2")]
                questions: Vec::new(),
                #[cfg(feature = "v2")]
                pieces: Vec::new(),
                #[cfg(feature = "v2")]
                eligibility: Vec::new(),
            }),
            _ => None,
        }
    }
}

/// `id` (the characters URLs and storage keys allow), `academie`, `notice_reference`,
/// `session_year` (plausible: 2000–2100).
fn read_identity(w: &mut Walker, m: &Map, d: &mut Draft) {
    d.id = w
        .required(m, "$", "id")
        .and_then(|v| w.nonempty_string(v, "$.id"))
        .map(str::to_owned);
    if let Some(s) = &d.id {
        // why: the id ends up in URLs, share links and storage keys.
        if !s
            .chars()
            .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '-')
        {
            w.push(
                "$.id",
                format!("L'identifiant «\u{a0}{s}\u{a0}» ne doit contenir que des minuscules sans accent, des chiffres et des tirets."),
                format!("The id \"{s}\" may only contain lowercase ASCII letters, digits and hyphens."),
            );
        }
    }
    d.academie = w
        .required(m, "$", "academie")
        .and_then(|v| w.nonempty_string(v, "$.academie"))
        .map(str::to_owned);
    if let Some(v) = Walker::optional(m, "academie_name") {
        d.academie_name = w
            .nonempty_string(v, "$.academie_name")
            .map(|s| s.trim().to_owned());
        d.academie_name_refused = d.academie_name.is_none();
    }
    d.notice_reference = w
        .required(m, "$", "notice_reference")
        .and_then(|v| w.nonempty_string(v, "$.notice_reference"))
        .map(str::to_owned);
    d.session_year = w
        .required(m, "$", "session_year")
        .and_then(|v| match v.as_i64() {
            Some(y) if (2000..=2100).contains(&y) => Some(y as i32),
            Some(y) => {
                w.push(
                    "$.session_year",
                    format!("L'année de session {y} n'est pas plausible (entre 2000 et 2100)."),
                    format!("The session year {y} is not plausible (between 2000 and 2100)."),
                );
                None
            }
            None => {
                w.wrong_type(
                    "$.session_year",
                    v,
                    "une année en chiffres, par exemple 2023",
                    "a year as a whole number, e.g. 2023",
                );
                None
            }
        });
}

/// "Académie d'Aix-Marseille", "Académie de Lyon": the name with the article French grammar
/// gives, for files without `academie_name`. Names that take "de la" (la Martinique, La
/// Réunion) need the field: the file says it, the code does not guess.
pub fn academie_name(academie: &str) -> String {
    let elides = academie
        .chars()
        .next()
        .is_some_and(|c| "AEIOUYÉÈÊÀÂÎÔÛHaeiouyéèêàâîôûh".contains(c));
    if elides {
        format!("Académie d'{academie}")
    } else {
        format!("Académie de {academie}")
    }
}

/// The zone of one of [`FRENCH_ZONES`], by its exact name. Why a match and not
/// `str::parse::<Tz>`: chrono-tz's parser carries the names of every zone in the world and
/// their lookup tables into the wasm (ADR 0009, addendum), for a handful of names.
pub fn french_zone(name: &str) -> Option<Tz> {
    use chrono_tz::{America, Europe, Indian, Pacific};
    Some(match name {
        "Europe/Paris" => Europe::Paris,
        "America/Martinique" => America::Martinique,
        "America/Guadeloupe" => America::Guadeloupe,
        "America/Cayenne" => America::Cayenne,
        "Indian/Reunion" => Indian::Reunion,
        "Indian/Mayotte" => Indian::Mayotte,
        "Pacific/Noumea" => Pacific::Noumea,
        "Pacific/Tahiti" => Pacific::Tahiti,
        #[cfg(feature = "v2")]
        "America/Miquelon" => America::Miquelon,
        #[cfg(feature = "v2")]
        "Pacific/Wallis" => Pacific::Wallis,
        _ => return None,
    })
}

/// The name of a zone of [`FRENCH_ZONES`] (chrono-tz's `Tz::name` brings every zone's name).
pub fn zone_name(tz: Tz) -> &'static str {
    FRENCH_ZONES
        .into_iter()
        .find(|name| french_zone(name) == Some(tz))
        .unwrap_or("UTC")
}

/// `time_zone`: one of [`FRENCH_ZONES`].
fn read_time_zone(w: &mut Walker, m: &Map) -> Option<Tz> {
    let s = w
        .required(m, "$", "time_zone")
        .and_then(|v| w.string(v, "$.time_zone"))?;
    let tz = french_zone(s);
    if tz.is_none() {
        w.push(
            "$.time_zone",
            format!(
                "Fuseau horaire «\u{a0}{s}\u{a0}» inconnu\u{a0}: il faut l'un des fuseaux des académies ({}).",
                FRENCH_ZONES.join(", ")
            ),
            format!(
                "Unknown time zone \"{s}\": use one of the académies' zones ({}).",
                FRENCH_ZONES.join(", ")
            ),
        );
    }
    tz
}

/// `diplomas`: a non-empty list of known diplomas, each once. `None` if any is wrong.
fn read_diplomas(w: &mut Walker, m: &Map) -> Option<Vec<Diploma>> {
    let arr = w
        .required(m, "$", "diplomas")
        .and_then(|v| w.array(v, "$.diplomas"))?;
    let mut diplomas = Vec::new();
    let mut ok = true;
    if arr.is_empty() {
        ok = false;
        w.push(
            "$.diplomas",
            "La liste des diplômes est vide.",
            "The list of diplomas is empty.",
        );
    }
    for (i, v) in arr.iter().enumerate() {
        let p = format!("$.diplomas[{i}]");
        match read_diploma(w, v, &p) {
            Some(d) if diplomas.contains(&d) => {
                let s = d.as_str();
                w.push(
                    &p,
                    format!("Le diplôme «\u{a0}{s}\u{a0}» est déjà dans la liste."),
                    format!("The diploma \"{s}\" is listed twice."),
                );
                ok = false;
            }
            Some(d) => diplomas.push(d),
            None => ok = false,
        }
    }
    ok.then_some(diplomas)
}

/// One entry of a list of diplomas, at `path`: a string naming a diploma, else a problem there.
/// Shared by the session's `diplomas` and a version-2 condition's.
pub(crate) fn read_diploma(w: &mut Walker, v: &Value, path: &str) -> Option<Diploma> {
    let s = w.string(v, path)?;
    let d = Diploma::parse(s);
    if d.is_none() {
        w.push(
            path,
            format!(
                "Diplôme inconnu «\u{a0}{s}\u{a0}»\u{a0}: il faut bac-pro, bp, cap, mc3 ou mc4."
            ),
            format!("Unknown diploma \"{s}\": use bac-pro, bp, cap, mc3 or mc4."),
        );
    }
    d
}

/// `pre_registration` (R1): its window, resolved in the zone, closing after it opens.
fn read_pre_registration(w: &mut Walker, m: &Map, d: &mut Draft) {
    let Some(pm) = w
        .required(m, "$", "pre_registration")
        .and_then(|v| w.object(v, "$.pre_registration", WINDOW_FIELDS))
    else {
        return;
    };
    let (o, c) = window_bounds(w, pm, "$.pre_registration", d.session_year);
    let tz = d.time_zone;
    d.registration_opens = resolve_reported(w, o, tz, Edge::Opens, "$.pre_registration.opens");
    d.registration_closes = resolve_reported(w, c, tz, Edge::Closes, "$.pre_registration.closes");
    check_order(
        w,
        d.registration_opens,
        d.registration_closes,
        "$.pre_registration.closes",
        "La pré-inscription ferme avant d'ouvrir.",
        "The pre-registration closes before it opens.",
    );
}

/// `activation_delay_hours` (R3): a whole number of hours, 1 to
/// [`MAX_ACTIVATION_DELAY_HOURS`].
fn read_activation_delay(w: &mut Walker, m: &Map) -> Option<u32> {
    // why the float branch: JSON has one number type and some tools write 48 as 48.0; a
    // whole float is the same number of hours. 4.5 or -1 stay refused (wrong type).
    let whole_hours = |v: &Value| v.as_u64().or_else(|| v.as_whole(1_000_000_000_000_000));
    let v = w.required(m, "$", "activation_delay_hours")?;
    match whole_hours(v) {
        Some(0) => {
            w.push(
                "$.activation_delay_hours",
                "Un délai d'activation de 0 heure ne laisse aucun temps au candidat (la notice dit 48).",
                "An activation delay of 0 hours leaves the candidate no time at all (the notice says 48).",
            );
            None
        }
        Some(h) if h > MAX_ACTIVATION_DELAY_HOURS => {
            w.push(
                "$.activation_delay_hours",
                format!("Un délai d'activation de {h} heures n'est pas plausible (au plus {MAX_ACTIVATION_DELAY_HOURS}\u{a0}; la notice dit 48)."),
                format!("An activation delay of {h} hours is not plausible (at most {MAX_ACTIVATION_DELAY_HOURS}; the notice says 48)."),
            );
            None
        }
        Some(h) => Some(h as u32),
        None => {
            w.wrong_type(
                "$.activation_delay_hours",
                v,
                "un nombre entier d'heures, par exemple 48",
                "a whole number of hours, e.g. 48",
            );
            None
        }
    }
}

/// `return` (R9, R10): its window, `instructions`, then `mode` with its `address`.
fn read_return(w: &mut Walker, m: &Map, d: &mut Draft) {
    let Some(rm) = w
        .required(m, "$", "return")
        .and_then(|v| w.object(v, "$.return", RETURN_FIELDS))
    else {
        return;
    };
    read_return_window(w, rm, d);
    if let Some(v) = Walker::optional(rm, "instructions") {
        d.return_instructions = w
            .nonempty_string(v, "$.return.instructions")
            .map(str::to_owned);
        d.instructions_refused = d.return_instructions.is_none();
    }
    d.return_mode = read_return_mode(w, rm);
}

/// The return window: resolved in the zone, closing after it opens, opening no earlier than
/// the pre-registration and closing no earlier than it.
fn read_return_window(w: &mut Walker, rm: &Map, d: &mut Draft) {
    let (o, c) = window_bounds(w, rm, "$.return", d.session_year);
    let tz = d.time_zone;
    d.return_opens = resolve_reported(w, o, tz, Edge::Opens, "$.return.opens");
    d.return_closes = resolve_reported(w, c, tz, Edge::Closes, "$.return.closes");
    check_order(
        w,
        d.return_opens,
        d.return_closes,
        "$.return.closes",
        "Le retour du dossier ferme avant d'ouvrir.",
        "The return window closes before it opens.",
    );
    check_order(
        w,
        d.registration_opens,
        d.return_opens,
        "$.return.opens",
        "Le retour du dossier ouvre avant la pré-inscription\u{a0}: on ne peut pas envoyer une confirmation qui n'existe pas encore.",
        "The return window opens before the pre-registration: a confirmation that does not exist yet cannot be sent.",
    );
    check_order(
        w,
        d.registration_closes,
        d.return_closes,
        "$.return.closes",
        "Le retour du dossier ferme avant la fin de la pré-inscription\u{a0}: un candidat inscrit le dernier jour ne pourrait plus envoyer son dossier.",
        "The return window closes before the pre-registration closes: a candidate registering on the last day could not send the file.",
    );
}

/// `return.mode`: `post` with a non-empty `address`, or `upload` without one.
fn read_return_mode(w: &mut Walker, rm: &Map) -> Option<ReturnMode> {
    let address = Walker::optional(rm, "address");
    match w
        .required(rm, "$.return", "mode")
        .and_then(|v| w.string(v, "$.return.mode"))?
    {
        "post" => match address {
            None => {
                w.push(
                    "$.return.address",
                    "En mode «\u{a0}post\u{a0}», l'adresse d'envoi du dossier est obligatoire.",
                    "In \"post\" mode the postal address is required.",
                );
                None
            }
            Some(a) => read_post_address(w, a),
        },
        "upload" => {
            if address.is_some() {
                w.push(
                    "$.return.address",
                    "En mode «\u{a0}upload\u{a0}», les pièces sont déposées dans Cyclades\u{a0}: il ne faut pas d'adresse postale (retirer ce champ ou choisir «\u{a0}post\u{a0}»).",
                    "In \"upload\" mode documents are uploaded in Cyclades: no postal address (remove this field or use \"post\").",
                );
                None
            } else {
                Some(ReturnMode::Upload)
            }
        }
        other => {
            w.push(
                "$.return.mode",
                format!("Mode de retour inconnu «\u{a0}{other}\u{a0}»\u{a0}: il faut «\u{a0}post\u{a0}» (courrier) ou «\u{a0}upload\u{a0}» (dépôt dans Cyclades)."),
                format!("Unknown return mode \"{other}\": use \"post\" (by mail) or \"upload\" (in Cyclades)."),
            );
            None
        }
    }
}

/// `return.address` in post mode: lines of text, at least one, none empty.
fn read_post_address(w: &mut Walker, a: &Value) -> Option<ReturnMode> {
    let lines = w.array(a, "$.return.address")?;
    let mut ok = true;
    if lines
        .iter()
        .all(|l| l.as_str().is_some_and(|s| s.trim().is_empty()))
    {
        ok = false;
        w.push(
            "$.return.address",
            "L'adresse d'envoi est vide\u{a0}: le candidat ne saurait pas où poster son dossier.",
            "The postal address is empty: the candidate would not know where to post the file.",
        );
    } else {
        for (i, l) in lines.iter().enumerate() {
            if w.nonempty_string(l, &format!("$.return.address[{i}]"))
                .is_none()
            {
                ok = false;
            }
        }
    }
    ok.then(|| ReturnMode::Post {
        address: lines
            .iter()
            .filter_map(|l| l.as_str().map(str::to_owned))
            .collect(),
    })
}

/// `links`: web links, `accommodation` and `notice` optional.
fn read_links(w: &mut Walker, m: &Map) -> Option<Links> {
    let lm = w
        .required(m, "$", "links")
        .and_then(|v| w.object(v, "$.links", LINK_FIELDS))?;
    let c = read_link(w, lm, "$.links", "cyclades", true);
    let a = read_link(w, lm, "$.links", "academie", true);
    let acc = read_link(w, lm, "$.links", "accommodation", false);
    let e = read_link(w, lm, "$.links", "eduscol", true);
    let n = read_link(w, lm, "$.links", "notice", false);
    match (c, a, acc, e, n) {
        (
            Ok(Some(cyclades)),
            Ok(Some(academie)),
            Ok(accommodation),
            Ok(Some(eduscol)),
            Ok(notice),
        ) => Some(Links {
            cyclades,
            academie,
            accommodation,
            eduscol,
            notice,
        }),
        _ => None,
    }
}

const LINK_FR: &str =
    "n'est pas un lien web\u{a0}: il doit commencer par https:// (ou http://), sans espace.";
const LINK_EN: &str =
    "is not a web link: it must start with https:// (or http://), with no spaces.";

/// One web link of the object at `path` (`links`, `contact`): `Ok(None)` when optional and
/// absent, `Err` when refused or missing.
fn read_link(
    w: &mut Walker,
    m: &Map,
    path: &str,
    key: &str,
    required: bool,
) -> Result<Option<String>, ()> {
    read_checked(w, (m, path, key, required), is_http_link, LINK_FR, LINK_EN)
}

/// A text at `path.key` of `m` that must pass `ok`, else the problem "« text » {fr}" /
/// "\"text\" {en}": `Ok(None)` when optional and absent, `Err` when refused or missing.
#[inline(never)]
fn read_checked(
    w: &mut Walker,
    (m, path, key, required): (&Map, &str, &str, bool),
    ok: fn(&str) -> bool,
    fr: &str,
    en: &str,
) -> Result<Option<String>, ()> {
    let p = format!("{path}.{key}");
    let v = if required {
        w.required(m, path, key)
    } else {
        Walker::optional(m, key)
    };
    let Some(v) = v else {
        return if required { Err(()) } else { Ok(None) };
    };
    let s = w.string(v, &p).ok_or(())?;
    if ok(s) {
        Ok(Some(s.to_owned()))
    } else {
        w.push(
            &p,
            format!("«\u{a0}{s}\u{a0}» {fr}"),
            format!("\"{s}\" {en}"),
        );
        Err(())
    }
}

/// A text's shape, and the end of the sentence that refuses it (French, English).
type Check = (fn(&str) -> bool, &'static str, &'static str);

/// How each key of `contact` is checked, in [`CONTACT_FIELDS`]' order: its shape, and the
/// end of the sentence after "« value »".
const CONTACT_CHECKS: [Check; 4] = [
    (
        is_email,
        "n'est pas une adresse e-mail\u{a0}: un seul @, sans espace, et un point dans le domaine.",
        "is not an e-mail address: one @, no spaces, and a dot in the domain.",
    ),
    (
        is_phone,
        "n'est pas un numéro de téléphone\u{a0}: au moins 6 chiffres, et seulement des espaces, +, ., -, ( et ).",
        "is not a phone number: at least 6 digits, and only spaces, +, ., -, ( and ).",
    ),
    (is_http_link, LINK_FR, LINK_EN),
    (
        |s| !s.trim().is_empty(),
        "ne dit rien\u{a0}: écrire les horaires ou retirer ce champ.",
        "says nothing: write the hours or remove this field.",
    ),
];

/// `contact` (optional): at least one of `email`, `phone`, `url`, each checked by its shape;
/// `hours` free text. `None` when absent or refused (every problem reported).
fn read_contact(w: &mut Walker, m: &Map) -> Option<Contact> {
    let before = w.problems.len();
    let cm = w.object(Walker::optional(m, "contact")?, "$.contact", CONTACT_FIELDS)?;
    let mut read = [None, None, None, None];
    for ((key, (ok, fr, en)), value) in CONTACT_FIELDS.iter().zip(CONTACT_CHECKS).zip(&mut read) {
        *value = read_checked(w, (cm, "$.contact", key, false), ok, fr, en).unwrap_or_default();
    }
    // why by key: a key given with a refused value already has its own problem.
    if !CONTACT_FIELDS[..3]
        .iter()
        .any(|k| Walker::optional(cm, k).is_some())
    {
        w.push(
            "$.contact",
            "Le contact doit donner au moins «\u{a0}email\u{a0}», «\u{a0}phone\u{a0}» ou «\u{a0}url\u{a0}».",
            "The contact must give at least \"email\", \"phone\" or \"url\".",
        );
    }
    let [email, phone, url, hours] = read;
    (w.problems.len() == before).then_some(Contact {
        email,
        phone,
        url,
        hours,
    })
}

impl Session {
    /// Parse and validate a session file; every problem is reported, never only the first.
    ///
    /// One reader per section of the file, in the file's order (so the problems come in that
    /// order too); a section that depends on another (dates on the year and the zone, the
    /// return window on the pre-registration) reads what the earlier reader put in the draft.
    pub fn from_json(text: &str) -> Result<Session, Vec<Problem>> {
        let root = parse_json(text)?;
        let mut w = Walker::default();
        let Some(m) = w.object(&root, "$", TOP_FIELDS) else {
            return Err(w.problems);
        };
        let mut d = Draft::default();
        read_identity(&mut w, m, &mut d);
        d.time_zone = read_time_zone(&mut w, m);
        d.diplomas = read_diplomas(&mut w, m);
        read_pre_registration(&mut w, m, &mut d);
        d.activation_delay_hours = read_activation_delay(&mut w, m);
        read_return(&mut w, m, &mut d);
        d.links = read_links(&mut w, m);
        d.contact = read_contact(&mut w, m);
        #[cfg(feature = "v2")]
        let declared = crate::declared::read(&mut w, m, d.diplomas.as_deref());
        #[cfg(not(feature = "v2"))]
        crate::declared::refuse(&mut w);
        if !w.problems.is_empty() {
            return Err(w.problems);
        }
        // why: unreachable in practice (every None above pushed a problem), but a refusal is
        // better than a panic if a reader ever forgets to report.
        #[cfg(feature = "v2")]
        let session = d.finish().zip(declared).map(|(session, declared)| Session {
            questions: declared.questions,
            pieces: declared.pieces,
            eligibility: declared.eligibility,
            ..session
        });
        #[cfg(not(feature = "v2"))]
        let session = d.finish();
        session.ok_or_else(|| {
            vec![Problem::new(
                "$",
                "Fichier de session incomplet.",
                "Incomplete session file.",
            )]
        })
    }

    /// Address lines with the diploma's title put where the notice asks for it.
    pub fn address_for(&self, diploma_title: &str) -> Option<Vec<String>> {
        match &self.return_mode {
            ReturnMode::Post { address } => Some(
                address
                    .iter()
                    .map(|l| l.replace("{diploma_title}", diploma_title))
                    .collect(),
            ),
            ReturnMode::Upload => None,
        }
    }

    /// The declared questions (session files v2; always empty without the `v2` feature).
    pub fn questions(&self) -> &[Question] {
        #[cfg(feature = "v2")]
        return &self.questions;
        #[cfg(not(feature = "v2"))]
        &[]
    }

    /// The declared pieces (session files v2; always empty without the `v2` feature).
    pub fn pieces(&self) -> &[Piece] {
        #[cfg(feature = "v2")]
        return &self.pieces;
        #[cfg(not(feature = "v2"))]
        &[]
    }

    /// The declared eligibility conditions (always empty without the `v2` feature).
    pub fn eligibility(&self) -> &[Eligibility] {
        #[cfg(feature = "v2")]
        return &self.eligibility;
        #[cfg(not(feature = "v2"))]
        &[]
    }

    /// Every item this session can list, in checklist order: the notice's items, with the
    /// declared pieces after `attach-diploma` and before `mail-file`, in the file's order.
    /// (Which of them apply is `evaluate`'s answer.)
    #[cfg(feature = "v2")]
    pub fn item_ids(&self) -> Vec<ItemId> {
        let mut ids = Vec::with_capacity(ItemId::ALL.len() + self.pieces.len());
        for id in ItemId::ALL {
            if id == ItemId::MailFile {
                ids.extend(
                    (0..self.pieces.len()).filter_map(|i| u16::try_from(i).ok().map(ItemId::Piece)),
                );
            }
            ids.push(id);
        }
        ids
    }
    /// Without version 2, the notice's items (an array: the page's checklist compiles as
    /// before, 560 B less wasm than through a `Vec`).
    #[cfg(not(feature = "v2"))]
    pub fn item_ids(&self) -> [ItemId; 14] {
        ItemId::ALL
    }

    /// The index of the declared question `id`.
    pub fn question_index(&self, id: &str) -> Option<u16> {
        if !crate::V2 {
            return None;
        }
        self.questions()
            .iter()
            .position(|q| q.id == id)
            .and_then(|i| u16::try_from(i).ok())
    }

    /// The questions the page asks (contract: only those some piece or eligibility condition
    /// depends on), eligibility questions first, each once, in the file's order.
    pub fn asked_questions(&self) -> Vec<u16> {
        let mut out = Vec::new();
        for e in self.eligibility() {
            if let Some(c) = &e.when {
                c.questions(&mut out);
            }
            if !out.contains(&e.question) {
                out.push(e.question);
            }
        }
        for p in self.pieces() {
            if let Some(c) = &p.when {
                c.questions(&mut out);
            }
        }
        out
    }

    /// Whether this session's diplomas include `d`.
    pub fn offers(&self, d: Diploma) -> bool {
        self.diplomas.contains(&d)
    }

    /// Whether the return window closes at a set hour (the file gave a time such as
    /// `"2023-12-01T17:00"`), rather than at the end of a whole day (23:59:59 local).
    ///
    /// Why it matters: a postmark or an upload date (`posted_on`) carries no hour, so on the
    /// closing day of such a window it cannot show that the file went before the hour (ADR 0003).
    /// A file that writes `"T23:59:59"` reads as the whole day, which it is.
    pub fn return_closes_at_an_hour(&self) -> bool {
        self.return_closes.time() != NaiveTime::from_hms_opt(23, 59, 59).unwrap_or(NaiveTime::MIN)
    }

    /// Whether the return window opens at a set hour rather than at 00:00 of a whole day.
    pub fn return_opens_at_an_hour(&self) -> bool {
        self.return_opens.time() != NaiveTime::MIN
    }
}

/// The notice's session (Aix-Marseille 2023), embedded as the default.
///
/// The file is checked by a unit test, so the fallback below never runs in a released build;
/// why it exists anyway: the core must never panic, even on its own data.
pub fn default_session() -> Session {
    match Session::from_json(DEFAULT_SESSION_JSON) {
        Ok(s) => s,
        Err(_) => fallback_session(),
    }
}

fn fallback_session() -> Session {
    let tz = chrono_tz::Europe::Paris;
    let at = |y, mo, d, h, mi, s| {
        tz.with_ymd_and_hms(y, mo, d, h, mi, s)
            .single()
            .unwrap_or_else(|| DateTime::<Utc>::UNIX_EPOCH.with_timezone(&tz))
    };
    Session {
        id: "aix-marseille-2023".into(),
        academie: "Aix-Marseille".into(),
        academie_name: "Académie d'Aix-Marseille".into(),
        session_year: 2023,
        notice_reference: "DIEC 3.05".into(),
        time_zone: tz,
        diplomas: Diploma::ALL.to_vec(),
        registration_opens: at(2022, 10, 19, 0, 0, 0),
        registration_closes: at(2022, 11, 17, 23, 59, 59),
        activation_delay_hours: 48,
        return_opens: at(2022, 10, 19, 0, 0, 0),
        return_closes: at(2022, 12, 2, 23, 59, 59),
        return_mode: ReturnMode::Post {
            address: vec![
                "RECTORAT D'AIX-MARSEILLE".into(),
                "DIEC 3.05 ({diploma_title})".into(),
                "Place Lucien Paye".into(),
                "13621 AIX EN PROVENCE cedex 1".into(),
            ],
        },
        links: Links {
            cyclades: "https://cyclades.education.gouv.fr/cyccandidat/portal/login".into(),
            academie: "http://www.ac-aix-marseille.fr".into(),
            accommodation: Some("https://appli.ac-aix-marseille.fr/amex/".into()),
            eduscol: "https://eduscol.education.fr/774/les-diplomes-professionnels".into(),
            notice: None,
        },
        return_instructions: None,
        contact: None,
        #[cfg(feature = "v2")]
        questions: Vec::new(),
        #[cfg(feature = "v2")]
        pieces: Vec::new(),
        #[cfg(feature = "v2")]
        eligibility: Vec::new(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::wording;
    use serde_json::json;
    use serde_json::Value;

    fn base() -> Value {
        serde_json::from_str(DEFAULT_SESSION_JSON).unwrap()
    }

    /// Problems for the default file with one change applied.
    fn problems_with(edit: impl FnOnce(&mut Value)) -> Vec<Problem> {
        let mut v = base();
        edit(&mut v);
        match Session::from_json(&v.to_string()) {
            Ok(_) => Vec::new(),
            Err(p) => p,
        }
    }

    fn paths(ps: &[Problem]) -> Vec<&str> {
        ps.iter().map(|p| p.path.as_str()).collect()
    }

    #[test]
    fn default_session_file_parses_with_the_notices_dates() {
        let s = Session::from_json(DEFAULT_SESSION_JSON).expect("embedded session is valid");
        assert_eq!(s, default_session());
        assert_eq!(
            s,
            fallback_session(),
            "fallback must match the embedded file"
        );
        assert_eq!(
            s.registration_opens.to_rfc3339(),
            "2022-10-19T00:00:00+02:00"
        );
        assert_eq!(
            s.registration_closes.to_rfc3339(),
            "2022-11-17T23:59:59+01:00"
        );
        assert_eq!(s.return_closes.to_rfc3339(), "2022-12-02T23:59:59+01:00");
        assert_eq!(s.activation_delay_hours, 48);
        assert_eq!(
            s.address_for("CAP Cuisine").unwrap()[1],
            "DIEC 3.05 (CAP Cuisine)"
        );
    }

    #[test]
    fn hours_are_exact_local_instants() {
        let s = problems_with(|_| {});
        assert!(s.is_empty());
        let mut v = base();
        v["time_zone"] = json!("America/Guadeloupe");
        v["pre_registration"] = json!({"opens": "2022-10-19T08:00", "closes": "2022-11-17T17:00"});
        v["return"] = json!({"opens": "2022-10-19T08:00:00", "closes": "2022-12-02T17:00", "mode": "upload", "instructions": "Déposez en PDF."});
        let s = Session::from_json(&v.to_string()).unwrap();
        assert_eq!(
            s.registration_closes.to_rfc3339(),
            "2022-11-17T17:00:00-04:00"
        );
        assert_eq!(s.return_opens.to_rfc3339(), "2022-10-19T08:00:00-04:00");
        assert_eq!(s.return_mode, ReturnMode::Upload);
        assert_eq!(s.return_instructions.as_deref(), Some("Déposez en PDF."));
        assert_eq!(s.address_for("x"), None);
    }

    #[test]
    fn not_json_and_not_an_object() {
        let p = Session::from_json("{ nope").unwrap_err();
        assert_eq!(paths(&p), ["$"]);
        let p = Session::from_json("[]").unwrap_err();
        assert_eq!(paths(&p), ["$"]);
    }

    #[test]
    fn unknown_fields_at_every_level() {
        let p = problems_with(|v| {
            v["colour"] = json!("red");
            v["pre_registration"]["extra"] = json!(1);
            v["links"]["twitter"] = json!("https://x");
        });
        assert_eq!(
            paths(&p),
            ["$.colour", "$.pre_registration.extra", "$.links.twitter"]
        );
    }

    #[test]
    fn repeated_keys_are_problems_like_unknown_fields() {
        let text = DEFAULT_SESSION_JSON
            .replacen(
                r#""closes": "2022-11-17" }"#,
                r#""closes": "2022-11-17", "colour": 1, "closes": "2022-11-18", "closes": "2022-11-19" }"#,
                1,
            )
            .replacen(r#""session_year": 2023,"#, r#""session_year": 1990, "id": "x","#, 1);
        let p = Session::from_json(&text).unwrap_err();
        assert_eq!(
            paths(&p),
            [
                "$.id",
                "$.session_year",
                "$.pre_registration.colour",
                "$.pre_registration.closes",
                "$.pre_registration.closes",
            ]
        );
        assert_eq!(
            (p[3].fr.as_str(), p[3].en.as_str()),
            (
                "Clé répétée\u{a0}: «\u{a0}closes\u{a0}» est déjà écrit plus haut dans le même objet\u{a0}; ne l'écrire qu'une fois.",
                "Repeated key: \"closes\" is already written earlier in the same object; write it once."
            )
        );
        assert_eq!(
            (p[4].fr.as_str(), p[4].en.as_str()),
            (p[3].fr.as_str(), p[3].en.as_str())
        );
    }

    #[test]
    fn impossible_dates_and_bad_shapes() {
        let p = problems_with(|v| {
            v["pre_registration"]["closes"] = json!("2022-02-30");
            v["return"]["opens"] = json!("19/10/2022");
            v["return"]["closes"] = json!("2022-12-02T25:00");
        });
        assert_eq!(
            paths(&p),
            [
                "$.pre_registration.closes",
                "$.return.opens",
                "$.return.closes"
            ]
        );
        assert!(p[0].fr.contains("2022-02-30") && p[0].en.contains("not a real date"));
    }

    #[test]
    fn windows_in_the_wrong_order() {
        let p = problems_with(|v| {
            v["pre_registration"] = json!({"opens": "2022-11-17", "closes": "2022-10-19"})
        });
        // The return window (opening 19 October) now also opens before the pre-registration.
        assert_eq!(paths(&p), ["$.pre_registration.closes", "$.return.opens"]);
        let p = problems_with(|v| v["return"]["closes"] = json!("2022-11-16"));
        assert_eq!(paths(&p), ["$.return.closes"], "{p:?}");
        assert!(p[0].en.contains("before the pre-registration closes"));
        let p = problems_with(|v| v["return"]["opens"] = json!("2022-12-03"));
        assert_eq!(paths(&p), ["$.return.closes"]);
        // Same instant is allowed (inclusive bounds).
        assert!(problems_with(|v| v["return"]["closes"] = json!("2022-11-17")).is_empty());
    }

    #[test]
    fn return_may_not_open_before_the_pre_registration() {
        let p = problems_with(|v| v["return"]["opens"] = json!("2022-10-18"));
        assert_eq!(paths(&p), ["$.return.opens"]);
        assert!(p[0].en.contains("opens before the pre-registration") && !p[0].fr.is_empty());
        // Same instant is allowed; with hours, one minute earlier is not.
        assert!(problems_with(|v| v["return"]["opens"] = json!("2022-10-19T00:00")).is_empty());
        let p = problems_with(|v| {
            v["pre_registration"]["opens"] = json!("2022-10-19T08:00");
            v["return"]["opens"] = json!("2022-10-19T07:59");
        });
        assert_eq!(paths(&p), ["$.return.opens"]);
    }

    #[test]
    fn a_leap_second_is_refused_in_every_bound() {
        for (win, edge, text) in [
            ("pre_registration", "opens", "2022-10-19T00:00:60"),
            ("pre_registration", "closes", "2022-11-17T23:59:60"),
            ("return", "opens", "2022-10-19T08:00:60"),
            ("return", "closes", "2022-12-02T17:00:60"),
        ] {
            let p = problems_with(|v| v[win][edge] = json!(text));
            assert_eq!(paths(&p), [format!("$.{win}.{edge}")], "{text}");
            assert!(
                p[0].en.contains("second 60") && p[0].fr.contains("seconde 60"),
                "{p:?}"
            );
        }
        assert!(problems_with(|v| v["return"]["closes"] = json!("2022-12-02T23:59:59")).is_empty());
    }

    #[test]
    fn every_bound_falls_within_two_years_before_the_session_year() {
        for (win, edge, text) in [
            ("pre_registration", "opens", "1890-10-19"),
            ("pre_registration", "closes", "2024-11-17"),
            ("return", "opens", "2020-12-31T08:00"),
            ("return", "closes", "2099-12-02"),
        ] {
            let p = problems_with(|v| v[win][edge] = json!(text));
            assert!(
                paths(&p).contains(&format!("$.{win}.{edge}").as_str()),
                "{text}: {p:?}"
            );
            let pr = p
                .iter()
                .find(|pr| pr.path == format!("$.{win}.{edge}"))
                .unwrap();
            assert!(
                pr.en.contains("between 2021 and 2023") && pr.fr.contains("entre 2021 et 2023"),
                "{pr:?}"
            );
        }
        // 2021 (session year - 2) is the earliest year allowed: only the order check speaks.
        let p = problems_with(|v| v["return"]["opens"] = json!("2021-01-01"));
        assert_eq!(paths(&p), ["$.return.opens"]);
        assert!(
            p[0].en.contains("opens before the pre-registration"),
            "{p:?}"
        );
        // Without a valid session year, no year check (the session year's problem says it).
        let p = problems_with(|v| {
            v["session_year"] = json!(1850);
            v["pre_registration"]["opens"] = json!("1890-10-19");
        });
        assert_eq!(paths(&p), ["$.session_year"]);
    }

    #[test]
    fn time_zone_must_be_a_french_academie_zone() {
        for bad in ["Europe/London", "UTC", "Mars/Olympus", ""] {
            let p = problems_with(|v| v["time_zone"] = json!(bad));
            assert_eq!(paths(&p), ["$.time_zone"], "{bad}");
        }
        for good in FRENCH_ZONES {
            assert!(
                problems_with(|v| v["time_zone"] = json!(good)).is_empty(),
                "{good}"
            );
        }
    }

    #[test]
    fn the_page_knows_every_zone_but_miquelon_and_wallis() {
        let v2 = ["America/Miquelon", "Pacific/Wallis"];
        for z in PAGE_ZONES {
            assert!(FRENCH_ZONES.contains(&z) && !v2.contains(&z), "{z}");
        }
        assert_eq!(
            FRENCH_ZONES.len(),
            PAGE_ZONES.len() + if cfg!(feature = "v2") { v2.len() } else { 0 }
        );
    }

    /// Without the `v2` feature (the page's wasm), a zone of version 2 is an unknown zone (the
    /// message lists the zones the page knows).
    #[cfg(not(feature = "v2"))]
    #[test]
    fn without_v2_miquelon_and_wallis_are_for_the_cli() {
        for z in ["America/Miquelon", "Pacific/Wallis"] {
            let p = problems_with(|v| v["time_zone"] = json!(z));
            assert_eq!(paths(&p), ["$.time_zone"], "{z}");
            assert!(p[0].en.contains("Pacific/Tahiti)"), "{}", p[0].en);
        }
    }

    /// Without the `v2` feature (the page's wasm), a file with version 2's lists is refused at
    /// each of their keys, in the file's order; a version-1 file reads as before.
    #[cfg(not(feature = "v2"))]
    #[test]
    fn without_v2_the_lists_are_for_the_cli() {
        let p = problems_with(|v| {
            v["questions"] = json!([]);
            v["pieces"] = json!({});
            v["eligibility"] = json!([{ "id": "x" }]);
        });
        // In the file's order (serde_json writes keys sorted).
        assert_eq!(paths(&p), ["$.eligibility", "$.pieces", "$.questions"]);
        assert!(p[0]
            .fr
            .contains("version\u{a0}2 n'est pas encore lu par la page"));
        assert!(p[0].en.contains("candidat check-session"));
        // `null` too: the key itself is version 2's.
        assert_eq!(
            paths(&problems_with(|v| v["pieces"] = json!(null))),
            ["$.pieces"]
        );
        let s = Session::from_json(DEFAULT_SESSION_JSON).unwrap();
        assert!(s.questions().is_empty() && s.pieces().is_empty() && s.eligibility().is_empty());
    }

    #[test]
    fn activation_delay_zero_absurd_or_not_a_number() {
        for bad in [
            json!(0),
            json!(721),
            json!(-1),
            json!(4.5),
            json!("48"),
            json!(-1.0),
            json!(0.0),
            json!(1e300),
        ] {
            let p = problems_with(|v| v["activation_delay_hours"] = bad.clone());
            assert_eq!(paths(&p), ["$.activation_delay_hours"], "{bad}");
        }
        assert!(problems_with(|v| v["activation_delay_hours"] = json!(720)).is_empty());
        // A whole float is the same number of hours.
        let mut v = base();
        v["activation_delay_hours"] = json!(48.0);
        assert_eq!(
            Session::from_json(&v.to_string())
                .unwrap()
                .activation_delay_hours,
            48
        );
    }

    #[test]
    fn links_must_be_http() {
        let p = problems_with(|v| {
            v["links"]["eduscol"] = json!("ftp://eduscol.fr");
            v["links"]["academie"] = json!("www.ac-aix-marseille.fr");
            v["links"]["accommodation"] = json!("javascript:alert(1)");
            v["links"]["cyclades"] = json!("https://a b");
        });
        assert_eq!(
            paths(&p),
            [
                "$.links.cyclades",
                "$.links.academie",
                "$.links.accommodation",
                "$.links.eduscol"
            ]
        );
        // accommodation is optional.
        assert!(problems_with(|v| {
            v["links"].as_object_mut().unwrap().remove("accommodation");
        })
        .is_empty());
    }

    #[test]
    fn post_mode_needs_a_non_empty_address_and_upload_none() {
        let p = problems_with(|v| v["return"]["address"] = json!([]));
        assert_eq!(paths(&p), ["$.return.address"]);
        let p = problems_with(|v| v["return"]["address"] = json!(["", "  "]));
        assert_eq!(paths(&p), ["$.return.address"]);
        let p = problems_with(|v| v["return"]["address"] = json!(["RECTORAT", ""]));
        assert_eq!(paths(&p), ["$.return.address[1]"]);
        let p = problems_with(|v| {
            v["return"].as_object_mut().unwrap().remove("address");
        });
        assert_eq!(paths(&p), ["$.return.address"]);
        let p = problems_with(|v| v["return"]["mode"] = json!("upload"));
        assert_eq!(paths(&p), ["$.return.address"]);
        let p = problems_with(|v| v["return"]["mode"] = json!("pigeon"));
        assert_eq!(paths(&p), ["$.return.mode"]);
    }

    #[test]
    fn unknown_or_repeated_diplomas() {
        let p = problems_with(|v| v["diplomas"] = json!(["cap", "bts", "cap", 3]));
        assert_eq!(
            paths(&p),
            ["$.diplomas[1]", "$.diplomas[2]", "$.diplomas[3]"]
        );
        let p = problems_with(|v| v["diplomas"] = json!([]));
        assert_eq!(paths(&p), ["$.diplomas"]);
    }

    #[test]
    fn missing_fields_are_each_reported() {
        let p = problems_with(|v| {
            let m = v.as_object_mut().unwrap();
            m.remove("id");
            m.remove("links");
            m.remove("session_year");
            v["pre_registration"]
                .as_object_mut()
                .unwrap()
                .remove("opens");
        });
        assert_eq!(
            paths(&p),
            [
                "$.id",
                "$.session_year",
                "$.pre_registration.opens",
                "$.links"
            ]
        );
        let p = Session::from_json("{}").unwrap_err();
        // Every top field but the optional `academie_name`, `contact`, `questions`, `pieces`,
        // `eligibility` (the last three only with the `v2` feature).
        let optional = if cfg!(feature = "v2") { 5 } else { 2 };
        assert_eq!(p.len(), TOP_FIELDS.len() - optional, "{p:?}");
    }

    /// A file with both optional fields of issue 12 (the demo file's placeholders).
    fn with_notice_and_contact() -> Value {
        let mut v = base();
        v["links"]["notice"] = json!("https://example.org/notice-2023.pdf");
        v["contact"] = json!({
            "email": "examens@example.org",
            "phone": "01 99 00 12 34",
            "url": "https://example.org/contact",
            "hours": "du lundi au vendredi, 9 h – 12 h"
        });
        v
    }

    #[test]
    fn notice_and_contact_are_read_and_optional() {
        let s = Session::from_json(&with_notice_and_contact().to_string()).unwrap();
        assert_eq!(
            s.links.notice.as_deref(),
            Some("https://example.org/notice-2023.pdf")
        );
        let c = s.contact.unwrap();
        assert_eq!(
            c,
            Contact {
                email: Some("examens@example.org".into()),
                phone: Some("01 99 00 12 34".into()),
                url: Some("https://example.org/contact".into()),
                hours: Some("du lundi au vendredi, 9 h – 12 h".into()),
            }
        );
        assert_eq!(
            c.ways(),
            [
                (
                    "mailto:examens@example.org".into(),
                    Some("examens@example.org".into())
                ),
                ("tel:0199001234".into(), Some("01 99 00 12 34".into())),
                ("https://example.org/contact".into(), None),
            ]
        );
        // Without them (the notice's own file): still valid, both absent; null is absent.
        let s = default_session();
        assert_eq!((s.links.notice, s.contact), (None, None));
        let mut v = base();
        v["contact"] = Value::Null;
        v["links"]["notice"] = Value::Null;
        assert_eq!(
            Session::from_json(&v.to_string()).unwrap(),
            default_session()
        );
        // One way to reach the office is enough; each shape that is accepted.
        for contact in [
            json!({"email": "a@b.fr"}),
            json!({"phone": "+33 (0)1 99.00-12-34"}),
            json!({"phone": "123456"}),
            json!({"url": "http://example.org", "hours": "9 h – 12 h"}),
            json!({"email": "prenom.nom+diec@sous.domaine.example.org"}),
        ] {
            let mut v = base();
            v["contact"] = contact.clone();
            let c = Session::from_json(&v.to_string()).unwrap().contact;
            assert!(c.is_some(), "{contact}");
        }
        let phone = Contact {
            phone: Some("+33 (0)1 99.00-12-34".into()),
            ..Contact::default()
        };
        assert_eq!(
            phone.ways(),
            [(
                "tel:+330199001234".into(),
                Some("+33 (0)1 99.00-12-34".into())
            )]
        );
        assert_eq!(Contact::default().ways(), []);
    }

    #[test]
    fn notice_and_contact_problems_by_path_in_both_languages() {
        const LINK_FR: &str = "n'est pas un lien web\u{a0}: il doit commencer par https:// (ou http://), sans espace.";
        const LINK_EN: &str =
            "is not a web link: it must start with https:// (or http://), with no spaces.";
        const EMAIL_FR: &str = "n'est pas une adresse e-mail\u{a0}: un seul @, sans espace, et un point dans le domaine.";
        const EMAIL_EN: &str =
            "is not an e-mail address: one @, no spaces, and a dot in the domain.";
        const PHONE_FR: &str = "n'est pas un numéro de téléphone\u{a0}: au moins 6 chiffres, et seulement des espaces, +, ., -, ( et ).";
        const PHONE_EN: &str =
            "is not a phone number: at least 6 digits, and only spaces, +, ., -, ( and ).";
        const NONE_FR: &str = "Le contact doit donner au moins «\u{a0}email\u{a0}», «\u{a0}phone\u{a0}» ou «\u{a0}url\u{a0}».";
        const NONE_EN: &str = "The contact must give at least \"email\", \"phone\" or \"url\".";
        const HOURS_FR: &str = "ne dit rien\u{a0}: écrire les horaires ou retirer ce champ.";
        const HOURS_EN: &str = "says nothing: write the hours or remove this field.";
        const TEXT_FR: &str = "Il faut un texte entre guillemets, pas un nombre.";
        const TEXT_EN: &str = "Expected a string in quotes, found a number.";
        let quoted = |s: &str, fr: &str, en: &str| {
            (format!("«\u{a0}{s}\u{a0}» {fr}"), format!("\"{s}\" {en}"))
        };
        let same = |fr: &str, en: &str| (fr.to_owned(), en.to_owned());
        // (where the value goes, the value, the problem's path, its French and English).
        let table: Vec<(&str, Value, &str, (String, String))> = vec![
            ("notice", json!("www.ac-exemple.fr/notice.pdf"), "$.links.notice", quoted("www.ac-exemple.fr/notice.pdf", LINK_FR, LINK_EN)),
            ("notice", json!("https://ac exemple.fr"), "$.links.notice", quoted("https://ac exemple.fr", LINK_FR, LINK_EN)),
            ("notice", json!(3), "$.links.notice", same(TEXT_FR, TEXT_EN)),
            ("contact", json!("examens@example.org"), "$.contact", same("Il faut un objet { … }, pas un texte.", "Expected an object { … }, found a string.")),
            ("contact", json!({}), "$.contact", same(NONE_FR, NONE_EN)),
            ("contact", json!({"hours": "9 h – 12 h"}), "$.contact", same(NONE_FR, NONE_EN)),
            ("contact", json!({"email": "a@b.fr", "fax": "01 99 00 12 34"}), "$.contact.fax", same("Champ inconnu «\u{a0}fax\u{a0}» (champs possibles\u{a0}: email, phone, url, hours).", "Unknown field \"fax\" (known fields: email, phone, url, hours).")),
            ("contact", json!({"email": "examens.example.org"}), "$.contact.email", quoted("examens.example.org", EMAIL_FR, EMAIL_EN)),
            ("contact", json!({"email": "a@b@example.org"}), "$.contact.email", quoted("a@b@example.org", EMAIL_FR, EMAIL_EN)),
            ("contact", json!({"email": "a b@example.org"}), "$.contact.email", quoted("a b@example.org", EMAIL_FR, EMAIL_EN)),
            ("contact", json!({"email": "@example.org"}), "$.contact.email", quoted("@example.org", EMAIL_FR, EMAIL_EN)),
            ("contact", json!({"email": "examens@localhost"}), "$.contact.email", quoted("examens@localhost", EMAIL_FR, EMAIL_EN)),
            ("contact", json!({"email": "examens@.org"}), "$.contact.email", quoted("examens@.org", EMAIL_FR, EMAIL_EN)),
            ("contact", json!({"email": 3}), "$.contact.email", same(TEXT_FR, TEXT_EN)),
            ("contact", json!({"email": " "}), "$.contact.email", quoted(" ", EMAIL_FR, EMAIL_EN)),
            ("contact", json!({"phone": "01 99"}), "$.contact.phone", quoted("01 99", PHONE_FR, PHONE_EN)),
            ("contact", json!({"phone": "01 99 00 12 34 poste 5"}), "$.contact.phone", quoted("01 99 00 12 34 poste 5", PHONE_FR, PHONE_EN)),
            ("contact", json!({"phone": "01/99/00/12/34"}), "$.contact.phone", quoted("01/99/00/12/34", PHONE_FR, PHONE_EN)),
            ("contact", json!({"url": "mailto:examens@example.org"}), "$.contact.url", quoted("mailto:examens@example.org", LINK_FR, LINK_EN)),
            ("contact", json!({"url": "https://example.org", "hours": " "}), "$.contact.hours", quoted(" ", HOURS_FR, HOURS_EN)),
            ("contact", json!({"url": "https://example.org", "hours": 9}), "$.contact.hours", same(TEXT_FR, TEXT_EN)),
        ];
        for (key, value, path, (fr, en)) in table {
            let p = problems_with(|v| match key {
                "notice" => v["links"]["notice"] = value.clone(),
                _ => v["contact"] = value.clone(),
            });
            assert_eq!(paths(&p), [path], "{value}: {p:?}");
            assert_eq!(
                (p[0].fr.as_str(), p[0].en.as_str()),
                (fr.as_str(), en.as_str()),
                "{value}"
            );
            assert_eq!(wording::french_typography_fault(&p[0].fr), None, "{value}");
        }
        // Every problem at once, in the file's order; a refused key is not also "no way to reach".
        let p = problems_with(|v| {
            v["links"]["notice"] = json!("notice.pdf");
            v["contact"] = json!({"email": "x", "phone": "x", "url": "x", "hours": 1, "fax": 1});
        });
        assert_eq!(
            paths(&p),
            [
                "$.links.notice",
                "$.contact.fax",
                "$.contact.email",
                "$.contact.phone",
                "$.contact.url",
                "$.contact.hours"
            ]
        );
        // A repeated key, like everywhere else.
        let text = with_notice_and_contact().to_string().replacen(
            r#""phone":"#,
            r#""phone":"01 99 00 12 34","phone":"#,
            1,
        );
        let p = Session::from_json(&text).unwrap_err();
        assert_eq!(paths(&p), ["$.contact.phone"]);
        assert!(p[0].fr.starts_with("Clé répétée") && p[0].en.starts_with("Repeated key"));
    }

    #[test]
    fn every_french_zone_is_found_by_its_name_as_chrono_tz_parses_it() {
        for name in FRENCH_ZONES {
            assert_eq!(french_zone(name), name.parse::<Tz>().ok(), "{name}");
            assert!(french_zone(name).is_some(), "{name}");
            assert_eq!(zone_name(french_zone(name).unwrap()), name);
        }
        assert_eq!(french_zone("Europe/London"), None);
        assert_eq!(french_zone("europe/paris"), None);
    }

    #[test]
    fn the_academie_is_named_with_its_article() {
        assert_eq!(default_session().academie_name, "Académie d'Aix-Marseille");
        assert_eq!(academie_name("Orléans-Tours"), "Académie d'Orléans-Tours");
        assert_eq!(academie_name("Lyon"), "Académie de Lyon");
        let mut v = base();
        v.as_object_mut().unwrap().remove("academie_name");
        v["academie"] = json!("Amiens");
        assert_eq!(
            Session::from_json(&v.to_string()).unwrap().academie_name,
            "Académie d'Amiens"
        );
        v["academie_name"] = json!("Académie de la Martinique");
        assert_eq!(
            Session::from_json(&v.to_string()).unwrap().academie_name,
            "Académie de la Martinique"
        );
        let p = problems_with(|v| v["academie_name"] = json!(" "));
        assert_eq!(paths(&p), ["$.academie_name"]);
        let p = problems_with(|v| v["academie_name"] = json!(3));
        assert_eq!(paths(&p), ["$.academie_name"]);
    }

    #[test]
    fn nonexistent_local_time_in_the_spring_gap() {
        // 2023-03-26 02:30 does not exist in Paris (clocks jump from 02:00 to 03:00).
        let p = problems_with(|v| {
            v["pre_registration"] = json!({"opens": "2023-03-26T02:30", "closes": "2023-04-10"});
            v["return"] = json!({"opens": "2023-03-20", "closes": "2023-04-20", "mode": "upload"});
        });
        assert_eq!(paths(&p), ["$.pre_registration.opens"]);
        assert!(p[0].en.contains("does not exist"));
    }

    #[test]
    fn ambiguous_autumn_hour_closes_at_the_earlier_instant() {
        let mut v = base();
        v["pre_registration"]["closes"] = json!("2022-10-30T02:30");
        let s = Session::from_json(&v.to_string()).unwrap();
        assert_eq!(
            s.registration_closes.to_rfc3339(),
            "2022-10-30T02:30:00+02:00"
        );
    }

    #[cfg(feature = "v2")]
    #[test]
    fn miquelon_changes_clock_like_the_us_and_wallis_does_not() {
        // Saint-Pierre-et-Miquelon: UTC-2 in summer, UTC-3 from Sunday 6 November 2022 02:00
        // (clocks back to 01:00): 01:30 happens twice; 12 March 2023 02:30 does not exist.
        let mut v = base();
        v["time_zone"] = json!("America/Miquelon");
        v["pre_registration"] = json!({"opens": "2022-11-06T01:30", "closes": "2022-11-17"});
        v["return"] =
            json!({"opens": "2022-11-06T01:30", "closes": "2022-11-06T01:30:00", "mode": "upload"});
        let p = Session::from_json(&v.to_string()).unwrap_err();
        // The return closes at the first 01:30 (UTC-2), opens at the second (UTC-3): before.
        assert_eq!(paths(&p), ["$.return.closes", "$.return.closes"], "{p:?}");
        v["return"] =
            json!({"opens": "2022-11-06T01:30", "closes": "2022-12-02", "mode": "upload"});
        let s = Session::from_json(&v.to_string()).unwrap();
        assert_eq!(
            s.registration_opens.to_rfc3339(),
            "2022-11-06T01:30:00-03:00"
        );
        assert_eq!(
            s.registration_closes.to_rfc3339(),
            "2022-11-17T23:59:59-03:00"
        );
        v["pre_registration"]["closes"] = json!("2022-11-06T01:30");
        v["return"]["opens"] = json!("2022-11-06T00:00");
        v["pre_registration"]["opens"] = json!("2022-11-06T00:00");
        let s = Session::from_json(&v.to_string()).unwrap();
        assert_eq!(
            s.registration_closes.to_rfc3339(),
            "2022-11-06T01:30:00-02:00"
        );
        v["pre_registration"] = json!({"opens": "2023-03-12T02:30", "closes": "2023-04-10"});
        v["return"] = json!({"opens": "2023-03-20", "closes": "2023-04-20", "mode": "upload"});
        let p = Session::from_json(&v.to_string()).unwrap_err();
        assert_eq!(paths(&p), ["$.pre_registration.opens"], "{p:?}");
        assert!(
            p[0].en.contains("does not exist in America/Miquelon"),
            "{p:?}"
        );
        // Wallis-et-Futuna: UTC+12 all year.
        let mut v = base();
        v["time_zone"] = json!("Pacific/Wallis");
        let s = Session::from_json(&v.to_string()).unwrap();
        assert_eq!(
            s.registration_opens.to_rfc3339(),
            "2022-10-19T00:00:00+12:00"
        );
        assert_eq!(s.return_closes.to_rfc3339(), "2022-12-02T23:59:59+12:00");
    }

    #[test]
    fn many_problems_at_once_none_lost() {
        let p = problems_with(|v| {
            v["id"] = json!("Aix Marseille");
            v["session_year"] = json!(1850);
            v["time_zone"] = json!("Europe/Berlin");
            v["diplomas"] = json!(["cap", "licence"]);
            v["activation_delay_hours"] = json!(0);
            v["links"]["eduscol"] = json!("eduscol");
            v["return"]["mode"] = json!("fax");
            v["surprise"] = json!(true);
        });
        assert_eq!(
            paths(&p),
            [
                "$.surprise",
                "$.id",
                "$.session_year",
                "$.time_zone",
                "$.diplomas[1]",
                "$.activation_delay_hours",
                "$.return.mode",
                "$.links.eduscol"
            ]
        );
        for pr in &p {
            assert!(!pr.fr.is_empty() && !pr.en.is_empty() && pr.fr != pr.en);
        }
    }
}

//! The share/resume link: the situation's compact JSON in the URL *fragment* (never the
//! query, so it never reaches a server), as `#s=<base64url of the JSON, no padding>&l=<lang>`.
//! `l` (the page's language when the link was made) is optional: links made before it open
//! in the page's own language.
//!
//! Pure: no web type, compiled and tested natively. A broken or tampered fragment is an
//! error value, never a panic; the page then shows a short message and default answers.

use crate::core::session::Session;
use crate::core::{Lang, Situation};

/// The fragment's parameter name: `#s=…`.
pub const PARAM: &str = "s";

/// The language's parameter name: `#s=…&l=en`.
pub const LANG_PARAM: &str = "l";

/// Longest fragment accepted (a real situation is a few hundred bytes).
pub const MAX_LEN: usize = 8 * 1024;

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ShareError {
    /// No `s=` parameter in the fragment: nothing to restore (not an error to show).
    Absent,
    /// The fragment is too long to be one of ours.
    TooLong,
    /// Not base64url.
    BadEncoding,
    /// Decoded bytes are not UTF-8 text.
    NotText,
    /// Not a situation (wrong JSON, unknown field or id), with serde's reason.
    BadSituation(String),
    /// The diploma is not offered by this session.
    DiplomaNotOffered,
}

/// For the console: the release wasm has no `Debug` formatting (docs/adr/0008).
impl std::fmt::Display for ShareError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            ShareError::Absent => f.write_str("no s= parameter"),
            ShareError::TooLong => f.write_str("too long"),
            ShareError::BadEncoding => f.write_str("not base64url"),
            ShareError::NotText => f.write_str("not UTF-8 text"),
            ShareError::BadSituation(why) => write!(f, "not a situation: {why}"),
            ShareError::DiplomaNotOffered => f.write_str("diploma not offered by this session"),
        }
    }
}

/// `s=<base64url(json)>` (without the leading `#`); answers and ticked pieces with the
/// session's ids.
pub fn encode_fragment(situation: &Situation, session: &Session) -> String {
    format!(
        "{PARAM}={}",
        base64url_encode(situation.to_json(session).as_bytes())
    )
}

/// The share link's fragment: `s=<base64url(json)>&l=<fr|en>` (without the leading `#`).
pub fn encode_link_fragment(situation: &Situation, session: &Session, lang: Lang) -> String {
    format!(
        "{}&{LANG_PARAM}={}",
        encode_fragment(situation, session),
        lang.as_str()
    )
}

/// The value of one `&`-separated `name=value` parameter of a fragment.
fn param<'a>(fragment: &'a str, name: &str) -> Option<&'a str> {
    let fragment = fragment.strip_prefix('#').unwrap_or(fragment);
    fragment
        .split('&')
        .find_map(|p| p.strip_prefix(name).and_then(|r| r.strip_prefix('=')))
}

/// The language a link was made in (`l=fr|en`); `None` for older links or an unknown value.
pub fn decode_lang(fragment: &str) -> Option<Lang> {
    if fragment.len() > MAX_LEN + 1 {
        return None;
    }
    param(fragment, LANG_PARAM).and_then(Lang::parse)
}

/// Read a fragment (with or without its leading `#`; other `&`-separated parameters ignored).
pub fn decode_fragment(fragment: &str, session: &Session) -> Result<Situation, ShareError> {
    let fragment = fragment.strip_prefix('#').unwrap_or(fragment);
    if fragment.len() > MAX_LEN {
        return Err(ShareError::TooLong);
    }
    let value = param(fragment, PARAM).ok_or(ShareError::Absent)?;
    let bytes = base64url_decode(value).ok_or(ShareError::BadEncoding)?;
    let text = String::from_utf8(bytes).map_err(|_| ShareError::NotText)?;
    situation_from_json(&text, session)
}

/// The situation's JSON (as in the share link and local storage), validated by the rules
/// crate against the session (shape, ids, dates, diploma offered).
///
/// Answers to questions the session does not declare (a link made for another session, or
/// a session file changed since) are dropped, not refused (contract, session files v2):
/// [`situation_from_json_noting`] names them for the page's short message.
pub fn situation_from_json(text: &str, session: &Session) -> Result<Situation, ShareError> {
    situation_from_json_noting(text, session).map(|(s, _)| s)
}

/// [`situation_from_json`], with the ids of the answers it dropped (in the JSON's order).
pub fn situation_from_json_noting(
    text: &str,
    session: &Session,
) -> Result<(Situation, Vec<String>), ShareError> {
    Situation::from_json_dropping_undeclared(text, session).map_err(|problems| {
        if not_offered_only(text, &problems) {
            ShareError::DiplomaNotOffered
        } else {
            ShareError::BadSituation(
                problems
                    .iter()
                    .map(|p| format!("{}: {}", p.path, p.en))
                    .collect::<Vec<_>>()
                    .join("; "),
            )
        }
    })
}

/// The only problem is the diploma, and it is a known one: this session does not offer it
/// (the page then says so instead of listing problems). Why not a typed serde parse as
/// before: `Deserialize` for `Situation` weighed ~64 KB of the wasm (27 KB gzip).
fn not_offered_only(text: &str, problems: &[crate::core::Problem]) -> bool {
    matches!(problems, [p] if p.path == "$.diploma")
        && crate::core::json::parse(text)
            .ok()
            .and_then(|v| {
                v.get("diploma")?
                    .as_str()
                    .and_then(crate::core::Diploma::parse)
            })
            .is_some()
}

/// RFC 4648 §5 base64url, without padding (the core's one base64).
pub use crate::core::base64::url_encode as base64url_encode;

/// Decode base64url; padding `=` tolerated at the end; any other character → `None`.
pub use crate::core::base64::url_decode as base64url_decode;

#[cfg(test)]
mod tests {
    use super::*;
    use crate::core::session::Diploma;

    fn session() -> Session {
        let mut s = crate::core::default_session();
        s.diplomas = vec![Diploma::BacPro, Diploma::Bp, Diploma::Cap];
        s
    }

    /// The contract's example with every answer set, and a title that needs escaping.
    fn full() -> Situation {
        let mut s = crate::core::fixtures::cap_cuisine();
        s.title = Some("CAP Cuisine — «\u{a0}été\u{a0}» & co".into());
        s.existing_accommodation = true;
        s
    }

    #[test]
    fn round_trip_full_situation() {
        let s = full();
        let frag = encode_fragment(&s, &session());
        assert!(frag.starts_with("s="));
        assert!(frag
            .bytes()
            .all(|b| b.is_ascii_alphanumeric() || b == b'-' || b == b'_' || b == b'='));
        assert_eq!(decode_fragment(&frag, &session()), Ok(s.clone()));
        assert_eq!(
            decode_fragment(&format!("#{frag}"), &session()),
            Ok(s.clone())
        );
        assert_eq!(decode_fragment(&format!("#x=1&{frag}"), &session()), Ok(s));
    }

    /// The link carries the language it was made in; links without `l` (made before it)
    /// still open, in the page's own language.
    #[test]
    fn link_fragment_carries_the_language() {
        let s = full();
        for lang in [Lang::Fr, Lang::En] {
            let frag = encode_link_fragment(&s, &session(), lang);
            assert!(frag.ends_with(&format!("&l={}", lang.as_str())), "{frag}");
            assert_eq!(decode_fragment(&frag, &session()), Ok(s.clone()));
            assert_eq!(decode_lang(&frag), Some(lang));
            assert_eq!(decode_lang(&format!("#{frag}")), Some(lang));
        }
        let old = encode_fragment(&s, &session());
        assert_eq!(decode_fragment(&old, &session()), Ok(s.clone()));
        assert_eq!(decode_lang(&old), None);
        assert_eq!(decode_lang("#s=AAAA&l=de"), None);
        assert_eq!(decode_lang("#l=EN&s=AAAA"), Some(Lang::En));
        assert_eq!(decode_lang(""), None);
    }

    #[test]
    fn round_trip_minimal_situation() {
        let s = Situation::new(Diploma::BacPro);
        assert_eq!(
            decode_fragment(&encode_fragment(&s, &session()), &session()),
            Ok(s)
        );
    }

    /// A session file version 2 (questions, pieces, eligibility): read natively only (the
    /// core's `v2` feature, ADR 0014).
    #[cfg(not(target_arch = "wasm32"))]
    fn v2_session() -> Session {
        Session::from_json(include_str!(
            "../tests/scenarios/sessions/v2-pieces-eligibility-2023.json"
        ))
        .unwrap()
    }

    #[cfg(not(target_arch = "wasm32"))]
    #[test]
    fn answers_and_ticked_pieces_round_trip() {
        let ss = v2_session();
        let mut s = Situation::new(Diploma::Bp);
        s.set_answer(0, Some(false));
        s.set_answer(3, Some(true));
        s.done = vec![crate::core::ItemId::Piece(3), crate::core::ItemId::MailFile];
        let frag = encode_fragment(&s, &ss);
        assert_eq!(decode_fragment(&frag, &ss), Ok(s));
    }

    #[cfg(not(target_arch = "wasm32"))]
    #[test]
    fn undeclared_answers_are_dropped_and_named() {
        let ss = v2_session();
        let text = r#"{"diploma":"cap","answers":{"resident":true,"from-another-session":false}}"#;
        let (s, dropped) = situation_from_json_noting(text, &ss).unwrap();
        assert_eq!(s.answers, [(3, true)]);
        assert_eq!(dropped, ["from-another-session"]);
        assert_eq!(situation_from_json(text, &ss), Ok(s));
        // A ticked piece the session does not declare is still refused.
        let text = r#"{"diploma":"cap","done":["piece:nope"]}"#;
        assert!(matches!(
            situation_from_json(text, &ss),
            Err(ShareError::BadSituation(_))
        ));
    }

    #[test]
    fn absent_fragment() {
        assert_eq!(decode_fragment("", &session()), Err(ShareError::Absent));
        assert_eq!(decode_fragment("#", &session()), Err(ShareError::Absent));
        assert_eq!(decode_fragment("#top", &session()), Err(ShareError::Absent));
    }

    #[test]
    fn broken_fragments_are_errors_not_panics() {
        let ss = session();
        assert_eq!(decode_fragment("#s=%%%", &ss), Err(ShareError::BadEncoding));
        assert_eq!(decode_fragment("#s=A", &ss), Err(ShareError::BadEncoding));
        assert_eq!(decode_fragment("#s=_w", &ss), Err(ShareError::NotText));
        assert!(matches!(
            decode_fragment("#s=", &ss),
            Err(ShareError::BadSituation(_))
        ));
        let not_json = format!("s={}", base64url_encode(b"{\"diploma\":"));
        assert!(matches!(
            decode_fragment(&not_json, &ss),
            Err(ShareError::BadSituation(_))
        ));
        let unknown_item = format!(
            "s={}",
            base64url_encode(br#"{"diploma":"cap","done":["hack"]}"#)
        );
        assert!(matches!(
            decode_fragment(&unknown_item, &ss),
            Err(ShareError::BadSituation(_))
        ));
        let extra_field = format!("s={}", base64url_encode(br#"{"diploma":"cap","evil":1}"#));
        assert!(matches!(
            decode_fragment(&extra_field, &ss),
            Err(ShareError::BadSituation(_))
        ));
        let not_offered = format!("s={}", base64url_encode(br#"{"diploma":"mc4"}"#));
        assert_eq!(
            decode_fragment(&not_offered, &ss),
            Err(ShareError::DiplomaNotOffered)
        );
        let long = format!("s={}", "A".repeat(MAX_LEN + 10));
        assert_eq!(decode_fragment(&long, &ss), Err(ShareError::TooLong));
    }

    /// A repeated key is refused with its path, in a share link and in stored state alike (both
    /// read the situation's JSON with `situation_from_json`).
    #[test]
    fn repeated_keys_are_refused_with_their_path() {
        let ss = session();
        let text = br#"{"diploma":"cap","done":["create-account"],"done":[]}"#;
        let fragment = format!("#s={}", base64url_encode(text));
        let repeated = ShareError::BadSituation(
            "$.done: Repeated key: \"done\" is already written earlier in the same object; write it once."
                .into(),
        );
        assert_eq!(decode_fragment(&fragment, &ss), Err(repeated.clone()));
        // Stored state (src/app/mod.rs reads local storage through this function).
        let stored = std::str::from_utf8(text).unwrap();
        assert_eq!(situation_from_json(stored, &ss), Err(repeated));
        // Repeated and not offered by this session: both problems are listed, not only "not
        // offered" (a repetition is a problem of the text, not of the answer).
        let both = r#"{"diploma":"mc4","diploma":"mc4"}"#;
        match situation_from_json(both, &ss) {
            Err(ShareError::BadSituation(why)) => {
                assert!(why.starts_with("$.diploma: Repeated key"), "{why}");
                assert!(
                    why.contains("; $.diploma: The diploma \"mc4\" is not offered"),
                    "{why}"
                );
            }
            other => panic!("{other:?}"),
        }
    }

    #[test]
    fn tampered_fragment_every_truncation_never_panics() {
        let frag = encode_fragment(&full(), &session());
        for n in 0..frag.len() {
            let _ = decode_fragment(&frag[..n], &session());
        }
        // Flip each character: never a panic; either an error or a (different) valid situation.
        for i in 2..frag.len() {
            let mut b = frag.clone().into_bytes();
            b[i] = if b[i] == b'A' { b'B' } else { b'A' };
            let _ = decode_fragment(std::str::from_utf8(&b).unwrap(), &session());
        }
    }
}

//! The wasm entry points: the standalone page (`run_page`, configured by its query string)
//! and the in-page widget (`mount(element, options, text, failure)` → `Widget`), both on top
//! of `app::mount_app_with`. The wasm makes no request: the JS shell (`www/boot.js`,
//! `www/candidat.js`, `www/embed.js`) fetches a session file where the host's policy allows
//! it and hands over its text, or the reason it could not (`failure`, put into words here).
//! Nothing here panics on input: a bad configuration is shown inside the widget and in the
//! console, and the host page goes on.

use std::cell::RefCell;
use std::rc::Rc;

use chrono::Utc;
use wasm_bindgen::prelude::*;

use crate::app::{mount_app_with, mount_problems_into, AppHandle, MountOptions};
use crate::browser;
use crate::core::{default_session, Lang, Session};

/// Where a session comes from.
enum Source {
    /// The session embedded in the page (Aix-Marseille 2023).
    Default,
    /// JSON text already at hand (a JS object given to `mount`).
    Json(String),
    /// A session file the JS shell could not fetch: its URL and why (`failure_words`).
    Unreachable(String, String),
}

impl Source {
    /// A file's URL with what the shell made of it: its text, or the reason it has none.
    fn fetched(url: String, text: Option<String>, failure: Option<String>) -> (Source, String) {
        let source = match (text, failure) {
            (Some(text), None) => Source::Json(text),
            (_, failure) => Source::Unreachable(url.clone(), failure.unwrap_or_default()),
        };
        (source, url)
    }
}

/// Why a session file could not be read, in words a webmaster can act on. `failure` is the
/// shell's diagnosis: `http:<status>`, `csp`, `cors`, `network`, `origin`, `unanswered`.
fn failure_words(url: &str, failure: &str) -> String {
    let why = match failure {
        "csp" => "bloqué par la politique de sécurité (CSP) de la page\u{a0}: ajoutez l'origine du fichier à connect-src".to_string(),
        "cors" => "bloqué par CORS (ou réseau indisponible)\u{a0}: le serveur du fichier doit envoyer Access-Control-Allow-Origin pour cette page".to_string(),
        "network" => "réseau indisponible".to_string(),
        "origin" => "refusé\u{a0}: la page n'affiche que les fichiers de session de son propre site (embed.js sait en transmettre un publié ailleurs)".to_string(),
        "unanswered" => "jamais transmis par la page hôte (embed.js)".to_string(),
        "http:404" => "réponse HTTP 404, fichier introuvable\u{a0}: vérifiez l'adresse".to_string(),
        other => match other.strip_prefix("http:") {
            Some(status) => format!("réponse HTTP {status}"),
            None => other.to_string(),
        },
    };
    format!("fichier de session inaccessible\u{a0}: {why} ({url})")
}

/// Debug builds (the component tests) print a panic's message. The release wasm has none to
/// print: its panics trap at once (docs/adr/0008), and nothing may panic anyway.
fn panic_messages_to_console() {
    #[cfg(debug_assertions)]
    console_error_panic_hook::set_once();
}

/// The standalone page: mount the app into `<main id="app">`. boot.js reads the query
/// string: the `session` file's URL (`?session=`, or `?host-session=` for a file embed.js
/// hands over), with its `text` or the `failure` that kept boot.js from it; `?lang=fr|en`;
/// `?embed=<host origin>` (the page is in embed.js's iframe).
#[wasm_bindgen]
pub fn run_page(session: Option<String>, text: Option<String>, failure: Option<String>) {
    panic_messages_to_console();
    let Some(el) = browser::html_element_by_id("app") else {
        browser::log("candidat: no <main id=\"app\"> in the page");
        return;
    };
    let (source, label) = match session.filter(|s| !s.is_empty()) {
        Some(url) => Source::fetched(url, text, failure),
        None => (Source::Default, String::new()),
    };
    let options = MountOptions {
        read_fragment: true,
        owns_document: true,
        lang: browser::query_param("lang")
            .as_deref()
            .and_then(Lang::parse),
        explore_at: None,
        // A file the host page handed over cannot be opened by a link to this page
        // (boot.js refuses it there): no share link then.
        share_base: browser::query_param("host-session")
            .is_none()
            .then(browser::standalone_url),
    };
    // The page lives as long as the document: its handle is kept forever.
    let slot = Rc::new(RefCell::new(Slot::default()));
    start(el, source, &label, options, &slot);
    std::mem::forget(slot);
}

/// The studio (`studio.html`): every problem of a session file's text, as flattened
/// `[path, French, English]` triples, in the file's order; empty when the file can be used.
/// The same validation as `candidat check-session` and the page. Only in the `v2` engine.
#[cfg(feature = "v2")]
#[wasm_bindgen(js_name = checkSession)]
pub fn check_session(text: &str) -> Vec<String> {
    match Session::from_json(text) {
        Ok(_) => Vec::new(),
        Err(problems) => problems
            .into_iter()
            .flat_map(|p| [p.path, p.fr, p.en])
            .collect(),
    }
}

/// A mounted widget. `unmount()` removes it and frees its reactive state; a session still
/// being fetched is then dropped when it arrives.
#[wasm_bindgen]
pub struct Widget {
    slot: Rc<RefCell<Slot>>,
    element: web_sys::HtmlElement,
}

#[derive(Default)]
struct Slot {
    handle: Option<AppHandle>,
}

#[wasm_bindgen]
impl Widget {
    /// Remove the widget from its element and free it. Calling it twice is harmless.
    pub fn unmount(&mut self) {
        let handle = self.slot.borrow_mut().handle.take();
        drop(handle);
        browser::clear(&self.element);
    }

    /// Switch the language (`"fr"`, `"en"`), keeping every answer: the element's `lang`
    /// attribute changing. Anything else is ignored.
    #[wasm_bindgen(js_name = setLang)]
    pub fn set_lang(&self, lang: &str) {
        if let (Some(handle), Some(lang)) = (&self.slot.borrow().handle, Lang::parse(lang)) {
            handle.set_lang(lang);
        }
    }
}

/// `mount(element, { session, lang, now, page }, text, failure)`: the checklist inside
/// `element`. The public `mount` is www/candidat.js's, which gives this one its own shadow
/// root and stylesheet, and fetches a session given by URL.
/// - `session`: a session object (validated like a file) or the URL of a session file, whose
///   `text` (or the `failure` that kept the shell from it) comes beside; absent: the embedded
///   Aix-Marseille 2023 session;
/// - `lang`: `"fr"` (default) or `"en"`;
/// - `now`: an RFC 3339 instant to explore ("Et si nous étions le…") instead of the clock;
/// - `page`: the standalone page's URL, for the share link (absent: no share link).
///
/// Returns at once and shows the app, or the problems of the options (a field of the wrong
/// type, an unknown field: each named by its path) or of the session.
///
/// A container that is not an element (`null`, a selector string…) throws a `TypeError`
/// naming candidat and `mount`, before anything else: a host's mistake, said where it is made.
#[wasm_bindgen]
pub fn mount(
    #[wasm_bindgen(unchecked_param_type = "HTMLElement")] element: JsValue,
    options: JsValue,
    text: Option<String>,
    failure: Option<String>,
) -> Result<Widget, JsValue> {
    use wasm_bindgen::JsCast;
    panic_messages_to_console();
    let Ok(element) = element.dyn_into::<web_sys::HtmlElement>() else {
        return Err(js_sys::TypeError::new(
            "candidat: mount(element, options) needs a DOM element as its first argument",
        )
        .into());
    };
    let slot = Rc::new(RefCell::new(Slot::default()));
    match read_options(&options, text, failure) {
        Ok((source, label, options)) => start(element.clone(), source, &label, options, &slot),
        Err(problems) => show_problems(&element, "options", problems, &slot),
    }
    Ok(Widget { slot, element })
}

/// The options object of `mount`, typed. Every field may be absent.
///
/// Read by hand, not with serde-wasm-bindgen: that crate's deserializer (with the float
/// formatting its type errors bring) cost 12.5 KB gzip of first load for these four fields,
/// against 712 B to spare (docs/adr/0010-design-card-crates.md).
#[derive(Default)]
struct Options {
    /// A session object, or the URL of a session file (a string).
    session: JsValue,
    lang: Option<String>,
    now: Option<String>,
    page: Option<String>,
}

/// The fields of `Options`: any other key of the object is refused by name.
/// `closed` is www/candidat.js's (the shadow root's mode): only its type is checked here.
const OPTION_FIELDS: [&str; 5] = ["session", "lang", "now", "page", "closed"];

type Problems = Vec<(String, String)>;

impl Options {
    /// Every problem at once, each by its path (`$.lang : …`).
    fn read(options: &JsValue) -> Result<Options, Problems> {
        if options.is_undefined() || options.is_null() {
            return Ok(Options::default());
        }
        // `is_object`, not `instanceof Object`: an object from another frame is one too.
        if !options.is_object() {
            return Err(vec![(
                "$".to_string(),
                "un objet d'options est attendu".to_string(),
            )]);
        }
        let mut problems: Problems = browser::js_keys(options)
            .into_iter()
            .filter(|k| !OPTION_FIELDS.contains(&k.as_str()))
            .map(|k| {
                (
                    format!("$.{k}"),
                    "option inconnue (session, lang, now, page ou closed)".to_string(),
                )
            })
            .collect();
        let field = |name: &str| browser::js_field(options, name);
        let mut text = |name: &'static str| {
            let value = field(name);
            if value.is_undefined() || value.is_null() {
                None
            } else if let Some(text) = value.as_string() {
                Some(text)
            } else {
                problems.push((format!("$.{name}"), "une chaîne est attendue".to_string()));
                None
            }
        };
        let (lang, now, page) = (text("lang"), text("now"), text("page"));
        let closed = field("closed");
        if !(closed.is_undefined() || closed.as_bool().is_some()) {
            problems.push((
                "$.closed".to_string(),
                "true ou false est attendu".to_string(),
            ));
        }
        let session = field("session");
        if !(session.is_undefined()
            || session.is_null()
            || session.is_string()
            || session.is_object())
        {
            problems.push((
                "$.session".to_string(),
                "ni un objet session ni l'adresse d'un fichier".to_string(),
            ));
        }
        let read = Options {
            session,
            lang,
            now,
            page,
        };
        if problems.is_empty() {
            Ok(read)
        } else {
            Err(problems)
        }
    }
}

/// The options as the app takes them, or every problem by path. A value of the right type
/// that means nothing (`lang: "de"`, an unreadable `now`) is ignored with a message in the
/// console, as a query parameter would be.
fn read_options(
    options: &JsValue,
    text: Option<String>,
    failure: Option<String>,
) -> Result<(Source, String, MountOptions), Problems> {
    let options = Options::read(options)?;
    let session = options.session;
    let (source, label) = if session.is_undefined() || session.is_null() {
        (Source::Default, String::new())
    } else if let Some(url) = session.as_string() {
        Source::fetched(url, text, failure)
    } else {
        // An object goes through the core's validation, as a file would: every problem by
        // its JSON path (`$.session_year : …`).
        match browser::json_stringify(&session) {
            Some(text) => (Source::Json(text), "objet session".to_string()),
            None => {
                return Err(vec![(
                    "$.session".to_string(),
                    "objet illisible en JSON (cycle\u{a0}?)".to_string(),
                )])
            }
        }
    };

    let lang = options.lang.and_then(|l| {
        let parsed = Lang::parse(&l);
        if parsed.is_none() {
            browser::error(&format!(
                "candidat: option lang \"{l}\" ignorée (\"fr\" ou \"en\")"
            ));
        }
        parsed
    });
    let explore_at =
        options.now.and_then(
            |t| match crate::core::timefmt::parse_rfc3339(&t).ok_or(()) {
                Ok(t) => Some(t.with_timezone(&Utc)),
                Err(_) => {
                    browser::error(&format!(
                        "candidat: option now \"{t}\" ignorée (instant RFC 3339 attendu)"
                    ));
                    None
                }
            },
        );
    let share_base = options
        .page
        .filter(|p| !p.is_empty())
        .map(|p| browser::absolute_url(&p));

    let options = MountOptions {
        read_fragment: false,
        owns_document: false,
        lang,
        explore_at,
        share_base,
    };
    Ok((source, label, options))
}

/// The app, or the problems of the session.
fn start(
    el: web_sys::HtmlElement,
    source: Source,
    label: &str,
    options: MountOptions,
    slot: &Rc<RefCell<Slot>>,
) {
    let result = match source {
        Source::Default => Ok(default_session()),
        Source::Json(text) => parse(&text),
        Source::Unreachable(url, failure) => {
            Err(vec![("$".to_string(), failure_words(&url, &failure))])
        }
    };
    let label = if label.is_empty() {
        "session intégrée"
    } else {
        label
    };
    finish(&el, label, result, options, slot);
}

fn parse(text: &str) -> Result<Session, Vec<(String, String)>> {
    Session::from_json(text)
        .map_err(|problems| problems.into_iter().map(|p| (p.path, p.fr)).collect())
}

fn finish(
    el: &web_sys::HtmlElement,
    source: &str,
    result: Result<Session, Vec<(String, String)>>,
    options: MountOptions,
    slot: &Rc<RefCell<Slot>>,
) {
    match result {
        Ok(session) => {
            browser::clear(el);
            if options.owns_document {
                browser::show_academie_in_header(&session.academie_name);
            }
            let handle = mount_app_with(el.clone(), session, options);
            slot.borrow_mut().handle = Some(handle);
        }
        Err(problems) => show_problems(el, source, problems, slot),
    }
}

fn show_problems(
    el: &web_sys::HtmlElement,
    source: &str,
    problems: Vec<(String, String)>,
    slot: &Rc<RefCell<Slot>>,
) {
    let listed: Vec<String> = problems
        .iter()
        .map(|(p, m)| format!("{p}\u{a0}: {m}"))
        .collect();
    browser::error(&format!(
        "candidat: session refusée ({source})\u{a0}:\n{}",
        listed.join("\n")
    ));
    browser::clear(el);
    let handle = mount_problems_into(el.clone(), source, problems);
    slot.borrow_mut().handle = Some(handle);
}

//! The wasm entry points: the standalone page (`run_page`, configured by its query string)
//! and the in-page widget (`mount(element, options)` → `Widget`), both on top of
//! `app::mount_app_with`. Nothing here panics on input: a bad configuration is shown inside
//! the widget and in the console, and the host page goes on.

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
    /// A URL, fetched once (relative to the document).
    Url(String),
}

/// Debug builds (the component tests) print a panic's message. The release wasm has none to
/// print: its panics trap at once (docs/adr/0008), and nothing may panic anyway.
fn panic_messages_to_console() {
    #[cfg(debug_assertions)]
    console_error_panic_hook::set_once();
}

/// The standalone page: mount the app into `<main id="app">`. Its query string configures
/// it: `?session=<URL>` (fetched once), `?lang=fr|en`, `?embed=<host origin>` (set by
/// embed.js: the page is in an iframe; boot.js then posts its height to that origin).
#[wasm_bindgen]
pub fn run_page() {
    panic_messages_to_console();
    let Some(el) = browser::html_element_by_id("app") else {
        browser::log("candidat: no <main id=\"app\"> in the page");
        return;
    };
    let source = match browser::query_param("session").filter(|s| !s.is_empty()) {
        Some(url) => Source::Url(url),
        None => Source::Default,
    };
    let options = MountOptions {
        read_fragment: true,
        owns_document: true,
        lang: browser::query_param("lang")
            .as_deref()
            .and_then(Lang::parse),
        explore_at: None,
        share_base: Some(browser::standalone_url()),
    };
    // The page lives as long as the document: its handle is kept forever.
    let slot = Rc::new(RefCell::new(Slot::default()));
    start(el, source, options, slot.clone());
    std::mem::forget(slot);
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
    cancelled: bool,
}

#[wasm_bindgen]
impl Widget {
    /// Remove the widget from its element and free it. Calling it twice is harmless.
    pub fn unmount(&mut self) {
        let handle = {
            let mut slot = self.slot.borrow_mut();
            slot.cancelled = true;
            slot.handle.take()
        };
        drop(handle);
        browser::clear(&self.element);
    }
}

/// `mount(element, { session, lang, now, page })`: the checklist inside `element`.
/// - `session`: a session object (validated like a file) or the URL of a session file
///   (fetched once); absent: the embedded Aix-Marseille 2023 session;
/// - `lang`: `"fr"` (default) or `"en"`;
/// - `now`: an RFC 3339 instant to explore ("Et si nous étions le…") instead of the clock;
/// - `page`: the standalone page's URL, for the share link (absent: no share link).
///
/// Returns at once; shows a loading line, then the app, or the problems of the options (a
/// field of the wrong type, an unknown field: each named by its path) or of the session.
#[wasm_bindgen]
pub fn mount(element: web_sys::HtmlElement, options: JsValue) -> Widget {
    panic_messages_to_console();
    let slot = Rc::new(RefCell::new(Slot::default()));
    match read_options(&options) {
        Ok((source, options)) => start(element.clone(), source, options, slot.clone()),
        Err(problems) => show_problems(&element, "options", problems, &slot),
    }
    Widget { slot, element }
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
const OPTION_FIELDS: [&str; 4] = ["session", "lang", "now", "page"];

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
                    "option inconnue (session, lang, now ou page)".to_string(),
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
fn read_options(options: &JsValue) -> Result<(Source, MountOptions), Problems> {
    let options = Options::read(options)?;
    let session = options.session;
    let source = if session.is_undefined() || session.is_null() {
        Source::Default
    } else if let Some(url) = session.as_string() {
        Source::Url(url)
    } else {
        // An object goes through the core's validation, as a file would: every problem by
        // its JSON path (`$.session_year : …`).
        match browser::json_stringify(&session) {
            Some(text) => Source::Json(text),
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
    Ok((source, options))
}

/// Loading line, then (at once or once fetched) the app or the problems.
fn start(el: web_sys::HtmlElement, source: Source, options: MountOptions, slot: Rc<RefCell<Slot>>) {
    match source {
        Source::Default => finish(
            &el,
            "session intégrée",
            Ok(default_session()),
            options,
            &slot,
        ),
        Source::Json(text) => finish(&el, "objet session", parse(&text), options, &slot),
        Source::Url(url) => {
            let loading = match options.lang {
                Some(Lang::En) => "Loading the session…",
                _ => "Chargement de la session…",
            };
            browser::set_text(&el, "loading candidat-loading", loading);
            wasm_bindgen_futures::spawn_local(async move {
                let result = match browser::fetch_text(&url).await {
                    Ok(text) => parse(&text),
                    Err(why) => Err(vec![(
                        "$".to_string(),
                        format!("fichier de session inaccessible\u{a0}: {why}"),
                    )]),
                };
                if slot.borrow().cancelled {
                    return;
                }
                finish(&el, &url, result, options, &slot);
            });
        }
    }
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

//! The candidate's page (Leptos 0.8, client-side rendering).
//!
//! State: the answers ARE one `Situation` signal; the evaluation is a `Memo` of
//! (session, situation, instant) through `candidat_core::evaluate` — never written by an
//! effect, never decided here. Effects only talk to the outside (storage, `<html lang>`).

mod banner;
mod checklist;
#[cfg(feature = "v2")]
mod declared;
pub mod dom;
mod envelope;
mod questions;
mod timeline;
mod toolbar;

use chrono::{DateTime, Utc};
use leptos::prelude::*;

use crate::browser;
use crate::core::{evaluate, Evaluation, Lang, Phase, Session, Situation};
use crate::share;
use crate::ui_text::{ui, Ui};
use dom::el;

/// A message shown once at the top (link restored, storage unreadable…).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Notice {
    RestoredLink,
    BadLink,
    RestoredStorage,
    BadStorage,
    Erased,
}

impl Notice {
    pub fn text(self, u: &Ui) -> &'static str {
        match self {
            Notice::RestoredLink => u.restored_link,
            Notice::BadLink => u.bad_link,
            Notice::RestoredStorage => u.restored_storage,
            Notice::BadStorage => u.bad_storage,
            Notice::Erased => u.erased,
        }
    }
    pub fn id(self) -> &'static str {
        match self {
            Notice::RestoredLink => "restored-link",
            Notice::BadLink => "bad-link",
            Notice::RestoredStorage => "restored-storage",
            Notice::BadStorage => "bad-storage",
            Notice::Erased => "erased",
        }
    }
}

/// Everything the parts share. `Copy`: signals are handles.
#[derive(Clone, Copy)]
pub struct Ctx {
    pub session: &'static Session,
    pub situation: RwSignal<Situation>,
    pub lang: RwSignal<Lang>,
    /// The real clock, refreshed every minute.
    /// Always `Some`. Why an `Option`: the same signal type as `simulated`, so one compiled
    /// copy of Leptos's signal code serves both (−0.6 KB gzip, ADR 0009); read it with
    /// [`Ctx::now`].
    pub clock: RwSignal<Option<DateTime<Utc>>>,
    /// "Et si nous étions le…": an explicit instant to explore, `None` = real clock.
    pub simulated: RwSignal<Option<DateTime<Utc>>>,
    pub eval: Memo<Evaluation>,
    /// The session's phase by the real clock (past/future session notice).
    pub real_phase: Memo<Phase>,
    pub remember: RwSignal<bool>,
    pub notice: RwSignal<Option<Notice>>,
    /// How this mount meets its host: share link base, document ownership.
    pub options: &'static MountOptions,
}

/// What differs between the standalone page, its iframe version and a widget in someone
/// else's page.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct MountOptions {
    /// Restore answers from the page's `#s=…` fragment (standalone page and iframe only: a
    /// widget never reads its host page's URL).
    pub read_fragment: bool,
    /// The page owns its document: `<html lang>` and the title follow the language. A widget
    /// sets `lang` on its own root instead.
    pub owns_document: bool,
    /// The initial language (`?lang=`, the widget's `lang`); answers remembered on the device
    /// with a language win over it.
    pub lang: Option<Lang>,
    /// An explored instant ("Et si nous étions le…") to start from, instead of the real clock.
    pub explore_at: Option<DateTime<Utc>>,
    /// The standalone page's address for the share link (`None`: no share section).
    pub share_base: Option<String>,
}

impl Ctx {
    /// The instant the page shows: the explored one, else the real clock. A method, not a
    /// memo: a memo of a new type brings its own copy of Leptos's reactive code (ADR 0009).
    pub fn at(&self) -> DateTime<Utc> {
        self.simulated.get().unwrap_or_else(|| self.now())
    }
    /// The real clock, refreshed every minute.
    pub fn now(&self) -> DateTime<Utc> {
        self.clock.get().unwrap_or_default()
    }
    pub fn at_untracked(&self) -> DateTime<Utc> {
        self.simulated
            .get_untracked()
            .or_else(|| self.clock.get_untracked())
            .unwrap_or_default()
    }
    /// The session's return deadline has passed by the real clock: nothing is worth keeping.
    pub fn session_over(&self) -> bool {
        self.now() > self.session.return_closes.with_timezone(&Utc)
    }
    pub fn ui(&self) -> &'static Ui {
        ui(self.lang.get())
    }
    pub fn lang(&self) -> Lang {
        self.lang.get()
    }
    /// One text of the interface, following the language. Every call returns the same
    /// closure type: Leptos compiles each distinct reactive closure anew (build, rebuild,
    /// mount…), so the page's forty labels share one copy instead of forty (ADR 0007).
    pub fn text(&self, pick: Text) -> impl Fn() -> &'static str + Clone + Send + Sync + 'static {
        let lang = self.lang;
        move || pick(ui(lang.get()))
    }
}

/// One text of the interface, picked from the language's table (`|u| u.print`).
pub type Text = fn(&Ui) -> &'static str;

pub fn use_ctx() -> Ctx {
    expect_context::<Ctx>()
}

/// Storage keys (after the `candidat:` prefix).
pub const KEY_SITUATION: &str = "situation";
pub const KEY_UNTIL: &str = "until";
pub const KEY_LANG: &str = "lang";

/// Where the first answers come from: the share fragment, then this device, then defaults.
/// Stored keys are this session's (`candidat:<session-id>:…`).
fn initial_state(
    session: &Session,
    read_fragment: bool,
    now: DateTime<Utc>,
) -> (Situation, bool, Option<Notice>, Option<Lang>) {
    let default = default_situation(session);
    let sid = session.id.as_str();
    // Stored answers expire after the session's return deadline.
    let stored = browser::storage_get(sid, KEY_SITUATION);
    let until_ok = browser::storage_get(sid, KEY_UNTIL)
        .and_then(|u| crate::core::timefmt::parse_rfc3339(&u))
        .map(|u| now <= u.with_timezone(&Utc));
    let stored_lang = browser::storage_get(sid, KEY_LANG).and_then(|l| Lang::parse(&l));
    let mut from_storage: Option<Result<Situation, ()>> = None;
    if let Some(text) = stored {
        if until_ok == Some(false) {
            browser::storage_clear_session(sid);
        } else {
            from_storage = Some(share::situation_from_json(&text, session).map_err(|_| ()));
        }
    }
    if read_fragment {
        // Read once, then taken out of the address bar (a broken link too): the answers it
        // carries do not stay in the bar, the history entry, a bookmark or a screenshot.
        let hash = browser::location_hash();
        let decoded = share::decode_fragment(&hash, session);
        if !matches!(decoded, Err(share::ShareError::Absent)) {
            browser::remove_fragment();
        }
        match decoded {
            // The link's language (a link made in English opens in English), else the
            // device's; links made before `l=` have none.
            Ok(s) => {
                let lang = share::decode_lang(&hash).or(stored_lang);
                return (s, from_storage.is_some(), Some(Notice::RestoredLink), lang);
            }
            Err(share::ShareError::Absent) => {}
            Err(e) => {
                browser::log(&format!("candidat: share link refused: {e}"));
                return (default, false, Some(Notice::BadLink), None);
            }
        }
    }
    match from_storage {
        Some(Ok(s)) => (s, true, Some(Notice::RestoredStorage), stored_lang),
        Some(Err(())) => {
            browser::storage_clear_session(sid);
            (default, false, Some(Notice::BadStorage), None)
        }
        None => (default, false, None, None),
    }
}

/// Defaults: the first diploma the session offers, nothing done yet.
pub fn default_situation(session: &Session) -> Situation {
    let d = session
        .diplomas
        .first()
        .copied()
        .unwrap_or(crate::core::session::Diploma::Cap);
    Situation::new(d)
}

/// The whole page (one per mount).
pub fn app(session: &'static Session, options: &'static MountOptions) -> AnyView {
    let ctx = new_ctx(session, options);
    provide_context(ctx);
    refresh_every_minute(ctx.clock);
    // <html lang> and the document title follow the language, when the page is ours; a
    // widget only sets `lang` on its own root (`page`).
    if options.owns_document {
        effect(move || {
            let u = ui(ctx.lang.get());
            browser::set_document_lang(u.html_lang, u.page_title);
        });
    }
    remember_on_this_device(ctx);
    page(ctx)
}

/// The state of one mount: the answers (from the link, the device or the defaults), the
/// clock, and the evaluation derived from them.
fn new_ctx(session: &'static Session, options: &'static MountOptions) -> Ctx {
    let real_now = browser::now();
    let (initial, remembered, notice0, lang0) =
        initial_state(session, options.read_fragment, real_now);

    let situation = RwSignal::new(initial);
    let lang = RwSignal::new(lang0.or(options.lang).unwrap_or_default());
    let clock = RwSignal::new(Some(real_now));
    let simulated = RwSignal::new(options.explore_at);
    let eval = Memo::new(move |_| {
        let at = simulated.get().or_else(|| clock.get()).unwrap_or_default();
        situation.with(|s| evaluate(session, s, at))
    });
    let real_phase = Memo::new(move |_| {
        let now = clock.get().unwrap_or_default();
        situation.with(|s| evaluate(session, s, now).phase)
    });
    Ctx {
        session,
        situation,
        lang,
        clock,
        simulated,
        eval,
        real_phase,
        remember: RwSignal::new(remembered),
        notice: RwSignal::new(notice0),
        options,
    }
}

/// The real clock, every minute (the countdown and the phase follow it); stopped with the
/// mount.
fn refresh_every_minute(clock: RwSignal<Option<DateTime<Utc>>>) {
    if let Ok(handle) = set_interval_with_handle(
        move || {
            let _ = clock.try_set(Some(browser::now()));
        },
        std::time::Duration::from_secs(60),
    ) {
        on_cleanup(move || handle.clear());
    }
}

/// An effect (talks to the outside when what it reads changes). Every effect of the page goes
/// through one compiled copy of Leptos's effect machinery, as elements share one element type
/// (ADR 0008): each distinct closure given to `Effect::new` costs its own copy.
pub fn effect(run: impl Fn() + Send + Sync + 'static) {
    effect_erased(std::sync::Arc::new(run))
}

#[inline(never)]
fn effect_erased(run: std::sync::Arc<dyn Fn() + Send + Sync>) {
    Effect::new(move |_| run());
}

/// "Se souvenir sur cet appareil": write only when switched on, and only while the session's
/// return deadline (by the real clock) has not passed — what would be discarded at the next
/// visit is never written; switching off erases.
fn remember_on_this_device(ctx: Ctx) {
    let session = ctx.session;
    effect(move || {
        let on = ctx.remember.get() && !ctx.session_over();
        let json = ctx.situation.with(|s| s.to_json(session));
        let l = ctx.lang.get();
        let sid = session.id.as_str();
        if on {
            browser::storage_set(sid, KEY_SITUATION, &json);
            browser::storage_set(sid, KEY_UNTIL, &session.return_closes.to_rfc3339());
            browser::storage_set(sid, KEY_LANG, ui(l).html_lang);
        } else {
            // Only this session's keys: another widget of the page keeps its answers.
            browser::storage_clear_session(sid);
        }
    });
}

/// The page's layout, phone first: the header, then what the candidate must know before
/// anything else (a simulated date, a session that is over, a one-off notice), the title, the
/// phase, and the questions before the results (one column on a phone: the first question
/// within the first screen). The developer's "Et si nous étions le…" comes last.
fn page(ctx: Ctx) -> AnyView {
    let session = ctx.session;
    // A session over by the real clock, read as it is (not explored at a date): the checklist
    // then says what the session asked, without a wall of red "late" badges.
    let past = dom::flag(move || {
        ctx.real_phase.get() == Phase::Closed && ctx.simulated.with(|s| s.is_none())
    });
    let past_note = move || {
        if !past.get() {
            return dom::nothing();
        }
        el("p")
            .class("past-checklist")
            .testid("past-checklist")
            .text_fmt(move || {
                crate::ui_text::fill(
                    ctx.ui().past_checklist,
                    &[("year", &session.session_year.to_string())],
                )
            })
            .into_view()
    };
    el("div")
        .class("page candidat-root")
        .toggle("past-view", move || past.get())
        .testid("page")
        // Its own direction and language: an RTL host page must not turn the French around.
        .attr("dir", "ltr")
        .attr_dyn("lang", move || ui(ctx.lang.get()).html_lang)
        .child(
            el("header")
                .class("site-header")
                .view(brand(ctx))
                .view(toolbar::lang_switch()),
        )
        .view(toolbar::simulate_marker())
        .view(banner::session_notice())
        .view(banner::notice_bar())
        .view(title(ctx))
        .view(banner::phase_banner())
        .view(banner::next_step())
        .child(
            el("div")
                .class("layout")
                .child(
                    el("div")
                        .class("col-questions")
                        .view(questions::questions())
                        .view(questions::recap()),
                )
                .child(
                    el("div")
                        .class("col-results")
                        .view(banner::verdict_box())
                        .view_dyn(past_note)
                        .view(checklist::checklist())
                        .view(banner::still_possible())
                        .view(timeline::timeline())
                        .view(envelope::envelope())
                        .view(envelope::links())
                        .view(toolbar::tools()),
                ),
        )
        .view(toolbar::simulate())
        .into_view()
}

/// The académie and the notice, above a widget's title (the standalone page's DSFR header
/// names the académie already).
fn brand(ctx: Ctx) -> AnyView {
    if ctx.options.owns_document {
        return dom::nothing();
    }
    el("p")
        .class("brand")
        .text_owned(format!(
            "{} · {}",
            ctx.session.academie_name, ctx.session.notice_reference
        ))
        .into_view()
}

/// The title and the introduction (the standalone page's static title, in `#app`, is
/// replaced by this one when the app mounts).
fn title(ctx: Ctx) -> AnyView {
    el("div")
        .child(
            el("h1")
                .class("page-title")
                .text_dyn(ctx.text(|u| u.page_title)),
        )
        .child(el("p").class("intro").text_dyn(ctx.text(|u| u.intro)))
        .into_view()
}

/// Keeps the mounted app alive; dropping it unmounts.
pub struct AppHandle {
    _inner: Box<dyn std::any::Any>,
    /// The app's language, for a host that changes it (the element's `lang`); `None` for
    /// the problems view.
    lang: Option<RwSignal<Lang>>,
}

impl AppHandle {
    /// Switch the language; the answers stay.
    pub fn set_lang(&self, lang: Lang) {
        if let Some(l) = self.lang {
            l.set(lang);
        }
    }
}

thread_local! {
    /// Sessions and mount options, interned: the views borrow them as `&'static`. A value
    /// equal to one already here is reused, so mounting the same session again and again
    /// (a widget unmounted and mounted, several widgets of one file) does not grow memory;
    /// only distinct sessions (a handful per page) stay for the page's life.
    static SESSIONS: std::cell::RefCell<Vec<&'static Session>> = const { std::cell::RefCell::new(Vec::new()) };
    static OPTIONS: std::cell::RefCell<Vec<&'static MountOptions>> = const { std::cell::RefCell::new(Vec::new()) };
}

fn intern<T: PartialEq + 'static>(
    cache: &'static std::thread::LocalKey<std::cell::RefCell<Vec<&'static T>>>,
    value: T,
) -> &'static T {
    cache.with(|c| {
        let mut c = c.borrow_mut();
        if let Some(found) = c.iter().find(|v| ***v == value) {
            return *found;
        }
        let leaked: &'static T = Box::leak(Box::new(value));
        c.push(leaked);
        leaked
    })
}

/// The interned copy of a session (see `SESSIONS`).
pub fn intern_session(session: Session) -> &'static Session {
    intern(&SESSIONS, session)
}

/// Mount the page into `parent`. `read_fragment`: restore answers from `#s=…`.
/// The standalone page's behaviour (owns the document, share link to this page).
pub fn mount_app_into(
    parent: web_sys::HtmlElement,
    session: Session,
    read_fragment: bool,
) -> AppHandle {
    let options = MountOptions {
        read_fragment,
        owns_document: true,
        share_base: Some(browser::standalone_url()),
        ..MountOptions::default()
    };
    mount_app_with(parent, session, options)
}

/// Mount the app into `parent` with explicit options; each mount has its own reactive owner.
pub fn mount_app_with(
    parent: web_sys::HtmlElement,
    session: Session,
    options: MountOptions,
) -> AppHandle {
    let session = intern_session(session);
    let options = intern(&OPTIONS, options);
    let lang = std::rc::Rc::new(std::cell::Cell::new(None));
    let out = lang.clone();
    let handle = leptos::mount::mount_to(parent, move || {
        let view = app(session, options);
        out.set(Some(use_ctx().lang));
        view
    });
    AppHandle {
        _inner: Box::new(handle),
        lang: lang.get(),
    }
}

/// A session file that could not be used: every problem as `$.path : message` (French),
/// inside the widget, so the host page keeps working.
pub fn mount_problems_into(
    parent: web_sys::HtmlElement,
    source: &str,
    problems: Vec<(String, String)>,
) -> AppHandle {
    let source = source.to_string();
    let handle = leptos::mount::mount_to(parent, move || {
        el("div")
            .class("page candidat-root")
            .attr("dir", "ltr")
            .attr("lang", "fr")
            .testid("session-errors")
            .child(
                el("div")
                    .class("fr-alert fr-alert--error session-errors")
                    .attr("role", "alert")
                    .child(
                        el("p")
                            .child(
                                el("strong").text("Ce fichier de session ne peut pas être utilisé"),
                            )
                            .text_owned(format!(" ({source})\u{a0}:")),
                    )
                    .child(el("ul").children(problems.iter().map(|(path, message)| {
                        el("li")
                            .attr_owned("data-path", path.clone())
                            .child(el("code").text_owned(path.clone()))
                            .text("\u{a0}: ")
                            .text_owned(message.clone())
                    }))),
            )
            .into_view()
    });
    AppHandle {
        _inner: Box::new(handle),
        lang: None,
    }
}

//! The candidate's page (Leptos 0.8, client-side rendering).
//!
//! State: the answers ARE one `Situation` signal; the evaluation is a `Memo` of
//! (session, situation, instant) through `candidat_core::evaluate` — never written by an
//! effect, never decided here. Effects only talk to the outside (storage, `<html lang>`).

mod banner;
mod checklist;
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
    pub now: RwSignal<DateTime<Utc>>,
    /// "Et si nous étions le…": an explicit instant to explore, `None` = real clock.
    pub simulated: RwSignal<Option<DateTime<Utc>>>,
    pub at: Memo<DateTime<Utc>>,
    pub eval: Memo<Evaluation>,
    /// The session's phase by the real clock (past/future session notice).
    pub real_phase: Memo<Phase>,
    pub remember: RwSignal<bool>,
    pub notice: RwSignal<Option<Notice>>,
}

impl Ctx {
    pub fn ui(&self) -> &'static Ui {
        ui(self.lang.get())
    }
    pub fn lang(&self) -> Lang {
        self.lang.get()
    }
}

pub fn use_ctx() -> Ctx {
    expect_context::<Ctx>()
}

/// Storage keys (after the `candidat:` prefix).
pub const KEY_SITUATION: &str = "situation";
pub const KEY_UNTIL: &str = "until";
pub const KEY_LANG: &str = "lang";

/// Where the first answers come from: the share fragment, then this device, then defaults.
fn initial_state(session: &Session, read_fragment: bool, now: DateTime<Utc>) -> (Situation, bool, Option<Notice>, Option<Lang>) {
    let default = default_situation(session);
    // Stored answers expire after the session's return deadline.
    let stored = browser::storage_get(KEY_SITUATION);
    let until_ok = browser::storage_get(KEY_UNTIL)
        .and_then(|u| DateTime::parse_from_rfc3339(&u).ok())
        .map(|u| now <= u.with_timezone(&Utc));
    let stored_lang = browser::storage_get(KEY_LANG).and_then(|l| match l.as_str() {
        "fr" => Some(Lang::Fr),
        "en" => Some(Lang::En),
        _ => None,
    });
    let mut from_storage: Option<Result<Situation, ()>> = None;
    if let Some(text) = stored {
        if until_ok == Some(false) {
            browser::storage_clear_ours();
        } else {
            from_storage = Some(share::situation_from_json(&text, session).map_err(|_| ()));
        }
    }
    if read_fragment {
        match share::decode_fragment(&browser::location_hash(), session) {
            Ok(s) => return (s, from_storage.is_some(), Some(Notice::RestoredLink), stored_lang),
            Err(share::ShareError::Absent) => {}
            Err(e) => {
                browser::log(&format!("candidat: share link refused: {e:?}"));
                return (default, false, Some(Notice::BadLink), None);
            }
        }
    }
    match from_storage {
        Some(Ok(s)) => (s, true, Some(Notice::RestoredStorage), stored_lang),
        Some(Err(())) => {
            browser::storage_clear_ours();
            (default, false, Some(Notice::BadStorage), None)
        }
        None => (default, false, None, None),
    }
}

/// Defaults: the first diploma the session offers, nothing done yet.
pub fn default_situation(session: &Session) -> Situation {
    let d = session.diplomas.first().copied().unwrap_or(crate::core::session::Diploma::Cap);
    Situation::new(d)
}

#[component]
pub fn App(session: &'static Session, #[prop(optional)] read_fragment: bool) -> impl IntoView {
    let real_now = browser::now();
    let (initial, remembered, notice0, lang0) = initial_state(session, read_fragment, real_now);

    let situation = RwSignal::new(initial);
    let lang = RwSignal::new(lang0.unwrap_or_default());
    let now = RwSignal::new(real_now);
    let simulated = RwSignal::new(None::<DateTime<Utc>>);
    let at = Memo::new(move |_| simulated.get().unwrap_or_else(|| now.get()));
    let eval = Memo::new(move |_| situation.with(|s| evaluate(session, s, at.get())));
    let real_phase = Memo::new(move |_| situation.with(|s| evaluate(session, s, now.get()).phase));
    let remember = RwSignal::new(remembered);
    let notice = RwSignal::new(notice0);

    let ctx = Ctx { session, situation, lang, now, simulated, at, eval, real_phase, remember, notice };
    provide_context(ctx);

    // The real clock, every minute.
    if let Ok(handle) = set_interval_with_handle(
        move || {
            let _ = now.try_set(browser::now());
        },
        std::time::Duration::from_secs(60),
    ) {
        on_cleanup(move || handle.clear());
    }

    // <html lang> and the document title follow the language.
    Effect::new(move |_| {
        let u = ui(lang.get());
        browser::set_document_lang(u.html_lang, u.page_title);
    });

    // "Se souvenir sur cet appareil": write only when switched on; switching off erases.
    Effect::new(move |_| {
        let on = remember.get();
        let json = situation.with(|s| s.to_json());
        let l = lang.get();
        if on {
            browser::storage_set(KEY_SITUATION, &json);
            browser::storage_set(KEY_UNTIL, &session.return_closes.to_rfc3339());
            browser::storage_set(KEY_LANG, ui(l).html_lang);
        } else {
            browser::storage_clear_ours();
        }
    });

    view! {
        <div class="page" data-testid="page">
            <header class="site-header">
                <p class="brand">{move || format!("Académie {} · {}", session.academie, session.notice_reference)}</p>
                <toolbar::LangSwitch/>
            </header>
            <h1>{move || ctx.ui().page_title}</h1>
            <p class="intro">{move || ctx.ui().intro}</p>
            <banner::NoticeBar/>
            <banner::SessionNotice/>
            <toolbar::Simulate/>
            <banner::PhaseBanner/>
            <div class="layout">
                <div class="col-questions">
                    <questions::Questions/>
                    <questions::Recap/>
                </div>
                <div class="col-results">
                    <banner::VerdictBox/>
                    <checklist::Checklist/>
                    <banner::StillPossible/>
                    <timeline::Timeline/>
                    <envelope::Envelope/>
                    <envelope::Links/>
                    <toolbar::Tools/>
                </div>
            </div>
        </div>
    }
}

/// Keeps the mounted app alive; dropping it unmounts.
pub struct AppHandle {
    _inner: Box<dyn std::any::Any>,
}

/// Mount the page into `parent`. `read_fragment`: restore answers from `#s=…`.
pub fn mount_app_into(parent: web_sys::HtmlElement, session: Session, read_fragment: bool) -> AppHandle {
    let session: &'static Session = Box::leak(Box::new(session));
    let handle = leptos::mount::mount_to(parent, move || view! { <App session=session read_fragment=read_fragment/> });
    AppHandle { _inner: Box::new(handle) }
}

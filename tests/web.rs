//! Component tests of the candidate's page, in a real browser (wasm-bindgen-test).
//! Run: CHROMEDRIVER=/usr/bin/chromedriver cargo test --target wasm32-unknown-unknown --test web
#![cfg(target_arch = "wasm32")]

use candidat::core::session::Diploma;
use candidat::core::{default_session, ItemId, Situation};
use candidat::{browser, mount_app_into, share, AppHandle};
use wasm_bindgen::JsCast;
use wasm_bindgen_test::*;
use web_sys::{Element, HtmlElement, HtmlInputElement};

wasm_bindgen_test_configure!(run_in_browser);

/// The embedded session's id: stored keys are `candidat:<session id>:…`.
const SID: &str = "aix-marseille-2023";

fn doc() -> web_sys::Document {
    web_sys::window().unwrap().document().unwrap()
}

/// A fresh container in the body, and the app mounted in it.
async fn mount(read_fragment: bool) -> (HtmlElement, AppHandle) {
    mount_session(default_session(), read_fragment).await
}

/// The embedded session moved so that its return deadline is in a year (stored answers are
/// kept only until the session's return deadline).
fn current_session() -> candidat::core::Session {
    let mut s = default_session();
    let shift = (browser::now() - s.registration_opens.with_timezone(&chrono::Utc))
        + chrono::Duration::days(300);
    s.registration_opens += shift;
    s.registration_closes += shift;
    s.return_opens += shift;
    s.return_closes += shift;
    s
}

async fn mount_session(
    session: candidat::core::Session,
    read_fragment: bool,
) -> (HtmlElement, AppHandle) {
    let div: HtmlElement = doc().create_element("div").unwrap().dyn_into().unwrap();
    doc().body().unwrap().append_child(&div).unwrap();
    let handle = mount_app_into(div.clone(), session, read_fragment);
    leptos::task::tick().await;
    (div, handle)
}

/// How many turns `until` gives the page: each one runs Leptos's pending work and then lets
/// the browser's event loop go round once (a 0 ms timeout, which browsers clamp to 4 ms once
/// nested), so 200 turns are about a second at most, far more than a render needs.
const TURNS: u32 = 200;

/// Waits until `ready()` holds (effects and renders are asynchronous in Leptos 0.8), for at
/// most `TURNS` turns; fails saying what it waited for.
async fn until(what: &str, mut ready: impl FnMut() -> bool) {
    for _ in 0..TURNS {
        if ready() {
            return;
        }
        leptos::task::tick().await;
        gloo_timers::future::TimeoutFuture::new(0).await;
    }
    assert!(ready(), "still not true after {TURNS} turns: {what}");
}

fn q(root: &Element, sel: &str) -> Option<Element> {
    root.query_selector(sel).unwrap()
}

fn items(root: &Element) -> Vec<String> {
    let list = root.query_selector_all("[data-item]").unwrap();
    (0..list.length())
        .filter_map(|i| list.item(i)?.dyn_into::<Element>().ok())
        .map(|e| e.get_attribute("data-item").unwrap_or_default())
        .collect()
}

fn fire(el: &Element, kind: &str) {
    let init = web_sys::EventInit::new();
    init.set_bubbles(true);
    let ev = web_sys::Event::new_with_event_init_dict(kind, &init).unwrap();
    el.dispatch_event(&ev).unwrap();
}

fn check(root: &Element, sel: &str) {
    let input: HtmlInputElement = q(root, sel).expect(sel).dyn_into().unwrap();
    input.set_checked(!input.checked() || input.type_() == "radio");
    fire(&input, "change");
}

fn set_hash(hash: &str) {
    let w = web_sys::window().unwrap();
    let base = browser::page_url_without_hash();
    let url = if hash.is_empty() {
        base
    } else {
        format!("{base}#{hash}")
    };
    w.history()
        .unwrap()
        .replace_state_with_url(&wasm_bindgen::JsValue::NULL, "", Some(&url))
        .unwrap();
}

fn our_keys() -> Vec<String> {
    browser::storage_keys()
}

#[wasm_bindgen_test]
async fn page_renders_verdict_banner_and_checklist() {
    set_hash("");
    let (root, _h) = mount(false).await;
    let verdict = q(&root, "#verdict").expect("verdict");
    assert!(matches!(
        verdict.get_attribute("data-verdict").as_deref(),
        Some("on-track" | "too-late" | "not-open-yet")
    ));
    assert!(q(&root, "[data-phase]").is_some());
    assert!(q(&root, "#envelope").is_some());
    let ids = items(&root);
    assert_eq!(ids.first().map(String::as_str), Some("create-account"));
    assert_eq!(ids.last().map(String::as_str), Some("read-referentiel"));
    root.remove();
}

#[wasm_bindgen_test]
async fn answers_change_the_checklist() {
    set_hash("");
    let (root, _h) = mount(false).await;
    assert!(!items(&root).contains(&"declare-handicap".to_string()));
    check(&root, "[data-testid=disability-new]");
    leptos::task::tick().await;
    let ids = items(&root);
    assert!(ids.contains(&"declare-handicap".to_string()), "{ids:?}");
    assert!(ids.contains(&"request-accommodation".to_string()));
    assert!(!ids.contains(&"attach-accommodation-notice".to_string()));
    check(&root, "[data-testid=disability-both]");
    leptos::task::tick().await;
    assert!(items(&root).contains(&"attach-accommodation-notice".to_string()));

    // A tick goes into situation.done: the item's status becomes done.
    check(&root, "[data-testid=tick-register-online]");
    leptos::task::tick().await;
    let item = q(&root, "[data-item=register-online]").unwrap();
    assert_eq!(item.get_attribute("data-status").as_deref(), Some("done"));
    root.remove();
}

#[wasm_bindgen_test]
async fn share_fragment_round_trip_restores_answers() {
    let mut s = Situation::new(Diploma::Cap);
    s.title = Some("CAP Cuisine".into());
    s.new_accommodation_request = true;
    s.done = vec![ItemId::RegisterOnline];
    let frag = share::encode_fragment(&s, &default_session());
    set_hash(&frag);
    let (root, _h) = mount(true).await;
    let title: HtmlInputElement = q(&root, "[data-testid=title]").unwrap().dyn_into().unwrap();
    assert_eq!(title.value(), "CAP Cuisine");
    assert!(items(&root).contains(&"request-accommodation".to_string()));
    // Read once, then out of the address bar.
    assert_eq!(browser::location_hash(), "");
    // The link is made on demand, with the language.
    assert!(q(&root, "[data-testid=share-link]").is_none());
    let create: HtmlElement = q(&root, "[data-testid=share-create]")
        .unwrap()
        .dyn_into()
        .unwrap();
    create.click();
    until("the link is shown", || {
        q(&root, "[data-testid=share-link]").is_some()
    })
    .await;
    let link: HtmlInputElement = q(&root, "[data-testid=share-link]")
        .unwrap()
        .dyn_into()
        .unwrap();
    assert!(
        link.value().ends_with(&format!("#{frag}&l=fr")),
        "{}",
        link.value()
    );
    assert_eq!(
        q(&root, "[data-notice]")
            .and_then(|n| n.get_attribute("data-notice"))
            .as_deref(),
        Some("restored-link")
    );
    set_hash("");
    root.remove();
}

#[wasm_bindgen_test]
async fn broken_fragment_gives_a_message_and_default_answers() {
    set_hash("s=%%%not-base64");
    let (root, _h) = mount(true).await;
    assert_eq!(
        q(&root, "[data-notice]")
            .and_then(|n| n.get_attribute("data-notice"))
            .as_deref(),
        Some("bad-link")
    );
    let title: HtmlInputElement = q(&root, "[data-testid=title]").unwrap().dyn_into().unwrap();
    assert_eq!(title.value(), "");
    assert!(q(&root, "#verdict").is_some());
    set_hash("");
    root.remove();
}

#[wasm_bindgen_test]
async fn storage_is_off_by_default_and_erase_removes_everything() {
    set_hash("");
    browser::storage_clear_ours();
    let (root, h) = mount_session(current_session(), false).await;
    check(&root, "[data-testid=disability-both]");
    check(&root, "[data-testid=tick-create-account]");
    let title: HtmlInputElement = q(&root, "[data-testid=title]").unwrap().dyn_into().unwrap();
    title.set_value("CAP Cuisine");
    fire(&title, "input");
    leptos::task::tick().await;
    assert!(our_keys().is_empty(), "{:?}", our_keys());

    // Switched on: answers are kept.
    check(&root, "[data-testid=remember]");
    leptos::task::tick().await;
    assert!(
        our_keys()
            .iter()
            .any(|k| k == "candidat:aix-marseille-2023:situation"),
        "{:?}",
        our_keys()
    );
    let stored = browser::storage_get(SID, "situation").unwrap();
    assert!(stored.contains("CAP Cuisine"));
    drop(h);
    root.remove();

    // A new page restores them, switch on.
    let (root, _h2) = mount_session(current_session(), false).await;
    let title: HtmlInputElement = q(&root, "[data-testid=title]").unwrap().dyn_into().unwrap();
    assert_eq!(title.value(), "CAP Cuisine");
    let remember: HtmlInputElement = q(&root, "[data-testid=remember]")
        .unwrap()
        .dyn_into()
        .unwrap();
    assert!(remember.checked());

    // Erase: no key left, default answers.
    let erase: HtmlElement = q(&root, "[data-testid=erase]").unwrap().dyn_into().unwrap();
    erase.click();
    until("erase removes every key and resets the answers", || {
        our_keys().is_empty() && title.value().is_empty()
    })
    .await;
    // No link left in memory either: the share field is emptied.
    assert!(q(&root, "[data-testid=share-link]").is_none());
    assert!(our_keys().is_empty(), "{:?}", our_keys());
    assert_eq!(title.value(), "");
    root.remove();
}

#[wasm_bindgen_test]
async fn unreadable_storage_is_discarded_with_a_notice() {
    set_hash("");
    browser::storage_set(SID, "situation", "{not json");
    let (root, _h) = mount(false).await;
    assert_eq!(
        q(&root, "[data-notice]")
            .and_then(|n| n.get_attribute("data-notice"))
            .as_deref(),
        Some("bad-storage")
    );
    assert!(our_keys().is_empty(), "{:?}", our_keys());
    root.remove();
}

#[wasm_bindgen_test]
async fn language_switch_follows_to_html_lang() {
    set_hash("");
    let (root, _h) = mount(false).await;
    assert_eq!(
        doc()
            .document_element()
            .unwrap()
            .get_attribute("lang")
            .as_deref(),
        Some("fr")
    );
    let btn: HtmlElement = q(&root, "[data-testid=lang-switch]")
        .unwrap()
        .dyn_into()
        .unwrap();
    btn.click();
    leptos::task::tick().await;
    assert_eq!(
        doc()
            .document_element()
            .unwrap()
            .get_attribute("lang")
            .as_deref(),
        Some("en")
    );
    btn.click();
    leptos::task::tick().await;
    assert_eq!(
        doc()
            .document_element()
            .unwrap()
            .get_attribute("lang")
            .as_deref(),
        Some("fr")
    );
    root.remove();
}

#[wasm_bindgen_test]
async fn simulated_date_inside_the_window_is_on_track() {
    set_hash("");
    let (root, _h) = mount(false).await;
    let input: HtmlInputElement = q(&root, "[data-testid=simulate-at]")
        .unwrap()
        .dyn_into()
        .unwrap();
    input.set_value("2022-11-02T12:00");
    fire(&input, "change");
    leptos::task::tick().await;
    assert_eq!(
        q(&root, "#verdict")
            .unwrap()
            .get_attribute("data-verdict")
            .as_deref(),
        Some("on-track")
    );
    assert_eq!(
        q(&root, "[data-phase]")
            .unwrap()
            .get_attribute("data-phase")
            .as_deref(),
        Some("registration-open")
    );
    assert!(q(&root, "[data-testid=simulate-flag]").is_some());
    root.remove();
}

#[wasm_bindgen_test]
async fn stored_answers_expire_after_the_return_deadline() {
    set_hash("");
    browser::storage_set(SID, "situation", r#"{"diploma":"cap","title":"Old"}"#);
    browser::storage_set(SID, "until", "2022-12-02T23:59:59+01:00");
    let (root, _h) = mount(false).await;
    until("the expired answers are erased", || our_keys().is_empty()).await;
    let title: HtmlInputElement = q(&root, "[data-testid=title]").unwrap().dyn_into().unwrap();
    assert_eq!(title.value(), "");
    assert!(
        q(&root, "[data-notice]").is_none(),
        "no notice for expired answers"
    );
    root.remove();
}

fn wasm_memory_bytes() -> f64 {
    let memory: js_sys::WebAssembly::Memory = wasm_bindgen::memory().dyn_into().unwrap();
    let buffer: js_sys::ArrayBuffer = memory.buffer().dyn_into().unwrap();
    buffer.byte_length() as f64
}

/// An answer that adds or removes a checklist item rebuilds that row only: an open
/// "Pourquoi ?" elsewhere stays open, and memory does not grow with every rebuilt row (Leptos
/// 0.8 keeps ~110 B of each dropped reactive node; rebuilding the whole list on each such
/// answer cost ~11 KB, one row ~1.5 KB: ADR 0008).
#[wasm_bindgen_test]
async fn an_answer_rebuilds_only_the_rows_it_adds_or_removes() {
    set_hash("");
    let (root, _h) = mount(false).await;
    let why: web_sys::HtmlDetailsElement = q(&root, "[data-item=create-account] details")
        .unwrap()
        .dyn_into()
        .unwrap();
    why.set_open(true);
    let before = wasm_memory_bytes();
    for i in 0..300 {
        let answer = if i % 2 == 0 {
            "disability-new"
        } else {
            "disability-no"
        };
        check(&root, &format!("[data-testid={answer}]"));
        leptos::task::tick().await;
    }
    let grown = wasm_memory_bytes() - before;
    let why_now: web_sys::HtmlDetailsElement = q(&root, "[data-item=create-account] details")
        .unwrap()
        .dyn_into()
        .unwrap();
    assert!(why_now.open(), "the open explanation was rebuilt");
    assert!(why.is_same_node(Some(&why_now)), "the row was rebuilt");
    // 300 answers: ~0.5 MB today; rebuilding every row would be ~3.5 MB.
    assert!(
        grown < 2.0 * 1024.0 * 1024.0,
        "wasm memory grew by {grown} B"
    );
    root.remove();
}

/// Typing a date keeps the field: its own `change` must not rebuild it (the focus would go
/// to the page and the rest of the typing be lost). Same for a row of épreuves when another
/// row is removed: the rows still there are updated in place.
#[wasm_bindgen_test]
async fn fields_being_edited_are_not_rebuilt() {
    set_hash("");
    let (root, _h) = mount(false).await;
    check(&root, "[data-testid=file-posted]");
    leptos::task::tick().await;
    let date: HtmlInputElement = q(&root, "[data-testid=posted-on]")
        .unwrap()
        .dyn_into()
        .unwrap();
    date.focus().unwrap();
    date.set_value("2022-11-20");
    fire(&date, "change");
    // The answer went through: the printed recap shows the new date.
    until("the recap shows the postmark date", || {
        q(&root, ".recap")
            .and_then(|r| r.text_content())
            .is_some_and(|t| t.contains("2022-11-20"))
    })
    .await;
    let now: HtmlInputElement = q(&root, "[data-testid=posted-on]")
        .unwrap()
        .dyn_into()
        .unwrap();
    assert!(date.is_same_node(Some(&now)), "the date field was rebuilt");
    assert_eq!(now.value(), "2022-11-20");
    let active = doc().active_element().unwrap();
    assert!(
        active.is_same_node(Some(&date)),
        "the focus left the date field"
    );

    let add: HtmlElement = q(&root, "[data-testid=acquis-add]")
        .unwrap()
        .dyn_into()
        .unwrap();
    add.click();
    add.click();
    until("two rows of épreuves", || {
        q(&root, "[data-testid=acquis-1]").is_some()
    })
    .await;
    let first_remove = q(&root, "[data-testid=acquis-0-remove]").unwrap();
    let first_remove: HtmlElement = first_remove.dyn_into().unwrap();
    first_remove.focus().unwrap();
    first_remove.click();
    until("one row of épreuves left", || {
        q(&root, "[data-testid=acquis-1]").is_none()
    })
    .await;
    let still = q(&root, "[data-testid=acquis-0-remove]").unwrap();
    assert!(
        still.is_same_node(Some(&first_remove)),
        "the remaining row was rebuilt"
    );
    assert!(q(&root, "[data-testid=acquis-1]").is_none());
    root.remove();
}

fn paths(root: &Element) -> Vec<String> {
    let list = root.query_selector_all("li[data-path]").unwrap();
    (0..list.length())
        .filter_map(|i| list.item(i)?.dyn_into::<Element>().ok())
        .map(|e| e.get_attribute("data-path").unwrap_or_default())
        .collect()
}

/// `mount()`'s options are read into typed fields: an unknown field and a field of the wrong
/// type are each named by their path inside the widget; a session object goes through the
/// core's validation (problems by JSON path); `lang` is read by the core's `Lang::parse`.
#[wasm_bindgen_test]
async fn mount_names_the_options_it_cannot_read() {
    set_hash("");
    let div: HtmlElement = doc().create_element("div").unwrap().dyn_into().unwrap();
    doc().body().unwrap().append_child(&div).unwrap();
    let options = js_sys::JSON::parse(r#"{"lang": 3, "sesion": "x.json", "now": false}"#).unwrap();
    let mut widget = candidat::mount(div.clone().into(), options, None, None).expect("an element");
    assert_eq!(paths(&div), ["$.sesion", "$.lang", "$.now"]);
    widget.unmount();
    assert_eq!(div.inner_html(), "");

    let session = js_sys::JSON::parse(include_str!("../sessions/aix-marseille-2023.json")).unwrap();
    let options = js_sys::Object::new();
    js_sys::Reflect::set(&options, &"session".into(), &session).unwrap();
    js_sys::Reflect::set(&options, &"lang".into(), &"EN".into()).unwrap();
    let mut widget = candidat::mount(div.clone().into(), options.clone().into(), None, None)
        .expect("an element");
    until("the widget shows its page in English", || {
        q(&div, ".candidat-root").and_then(|r| r.get_attribute("lang")) == Some("en".into())
    })
    .await;
    widget.unmount();

    js_sys::Reflect::set(&session, &"session_year".into(), &"soon".into()).unwrap();
    let mut widget =
        candidat::mount(div.clone().into(), options.into(), None, None).expect("an element");
    assert_eq!(paths(&div), ["$.session_year"]);
    widget.unmount();
    div.remove();
}

/// Session files v2 and the first-load engine (ADR 0016): built without the core's `v2`
/// feature, it refuses a version-2 file at each of its lists, with a sentence that sends the
/// exam office to the CLI, and never reads it in part. (The JS shells give such a file to the
/// `v2` engine: tests/e2e/v2.test.mjs.)
#[wasm_bindgen_test]
async fn a_version_2_file_is_refused_by_the_page() {
    set_hash("");
    let div: HtmlElement = doc().create_element("div").unwrap().dyn_into().unwrap();
    doc().body().unwrap().append_child(&div).unwrap();
    let session = js_sys::JSON::parse(include_str!(
        "scenarios/sessions/v2-pieces-eligibility-2023.json"
    ))
    .unwrap();
    let options = js_sys::Object::new();
    js_sys::Reflect::set(&options, &"session".into(), &session).unwrap();
    let mut widget =
        candidat::mount(div.clone().into(), options.into(), None, None).expect("an element");
    assert_eq!(paths(&div), ["$.questions", "$.pieces", "$.eligibility"]);
    assert!(div
        .text_content()
        .unwrap_or_default()
        .contains("candidat check-session"));
    widget.unmount();
    div.remove();
}

/// A session given by URL comes with its text, fetched by the JS shell (the wasm makes no
/// request), or with the shell's diagnosis, put into words naming what to fix. `setLang`
/// switches the language and keeps the answers.
#[wasm_bindgen_test]
async fn mount_takes_the_fetched_text_or_says_why_there_is_none() {
    set_hash("");
    let div: HtmlElement = doc().create_element("div").unwrap().dyn_into().unwrap();
    doc().body().unwrap().append_child(&div).unwrap();
    let by_url =
        || js_sys::JSON::parse(r#"{"session": "https://www.ac-exemple.fr/s.json"}"#).unwrap();
    for (failure, words) in [
        ("http:404", "réponse HTTP 404, fichier introuvable"),
        ("http:500", "réponse HTTP 500"),
        ("csp", "politique de sécurité (CSP) de la page\u{a0}: ajoutez l'origine du fichier à connect-src"),
        ("cors", "bloqué par CORS"),
        ("origin", "son propre site"),
    ] {
        let mut widget = candidat::mount(div.clone().into(), by_url(), None, Some(failure.into()))
            .expect("an element");
        let shown = q(&div, "li[data-path]").and_then(|li| li.text_content()).unwrap_or_default();
        assert!(shown.contains(words), "{failure}: {shown}");
        assert!(shown.contains("https://www.ac-exemple.fr/s.json"), "{shown}");
        widget.unmount();
    }
    let text = include_str!("../sessions/aix-marseille-2023.json").to_string();
    let mut widget =
        candidat::mount(div.clone().into(), by_url(), Some(text), None).expect("an element");
    assert!(q(&div, "[data-phase]").is_some(), "the app, from the text");
    check(&div, "[data-testid=account-created]");
    widget.set_lang("en");
    until("English", || {
        q(&div, ".candidat-root").and_then(|r| r.get_attribute("lang")) == Some("en".into())
    })
    .await;
    let kept = q(&div, "[data-testid=account-created]")
        .and_then(|e| e.dyn_into::<web_sys::HtmlInputElement>().ok())
        .is_some_and(|i| i.checked());
    assert!(kept, "the answer stays when the language changes");
    widget.unmount();
    div.remove();
}

/// Answers "created, not yet activated" and waits for the creation date field it brings.
async fn answer_account_created(root: &Element) {
    check(root, "[data-testid=account-created]");
    until("the creation date field", || {
        q(root, "#account-created-at").is_some()
    })
    .await;
}

// ── Inputs and accessibility (issue 11) ─────────────────────────────────────────────────────

fn input(root: &Element, sel: &str) -> HtmlInputElement {
    q(root, sel).expect(sel).dyn_into().unwrap()
}

/// Types `value` into a field and fires its `change`.
fn set(root: &Element, sel: &str, value: &str) {
    let field = input(root, sel);
    field.set_value(value);
    fire(&field, "change");
}

fn focused(sel: &str) -> bool {
    doc()
        .active_element()
        .is_some_and(|e| e.matches(sel).unwrap_or(false))
}

/// The message with this id: shown, and named by the field's `aria-describedby`, with the
/// field `aria-invalid`; `None` while it is hidden (and the field valid).
fn message(root: &Element, field: &str, id: &str) -> Option<String> {
    let f = q(root, field).expect(field);
    let m = q(root, &format!("[data-testid={id}]")).expect(id);
    let described = f.get_attribute("aria-describedby").unwrap_or_default();
    assert!(
        described.split(' ').any(|d| d == id) && m.id() == id,
        "{field} is described by {described}, not {id}"
    );
    let hidden = m.has_attribute("hidden");
    let invalid = f.get_attribute("aria-invalid");
    assert_eq!(
        invalid.as_deref(),
        Some(if hidden { "false" } else { "true" })
    );
    (!hidden).then(|| m.text_content().unwrap_or_default())
}

async fn explore(root: &Element, local: &str) {
    set(root, "[data-testid=simulate-at]", local);
    until("the simulated date is used", || {
        q(root, "[data-testid=simulate-flag]").is_some()
    })
    .await;
}

#[wasm_bindgen_test]
async fn adding_and_removing_epreuves_moves_the_focus() {
    set_hash("");
    let (root, _h) = mount(false).await;
    let add: HtmlElement = q(&root, "[data-testid=acquis-add]")
        .unwrap()
        .dyn_into()
        .unwrap();
    add.focus().unwrap();
    add.click();
    until("the focus is on the new row's first field", || {
        focused("#acquis-0-epreuve")
    })
    .await;
    // Rows, then the button, in DOM order.
    let row = q(&root, "[data-testid=acquis-0]").unwrap();
    assert_ne!(
        row.compare_document_position(&add) & web_sys::Node::DOCUMENT_POSITION_FOLLOWING,
        0,
        "the new row comes before the add button"
    );
    add.click();
    until("the focus is on the second row", || {
        focused("#acquis-1-epreuve")
    })
    .await;
    let remove: HtmlElement = q(&root, "[data-testid=acquis-1-remove]")
        .unwrap()
        .dyn_into()
        .unwrap();
    remove.click();
    until("the focus goes to the previous row", || {
        focused("#acquis-0-epreuve") && q(&root, "[data-testid=acquis-1]").is_none()
    })
    .await;
    let remove: HtmlElement = q(&root, "[data-testid=acquis-0-remove]")
        .unwrap()
        .dyn_into()
        .unwrap();
    remove.click();
    until("no row left: the focus goes to the add button", || {
        focused("[data-testid=acquis-add]") && q(&root, "[data-testid=acquis-0]").is_none()
    })
    .await;
    root.remove();
}

#[wasm_bindgen_test]
async fn impossible_dates_and_unnamed_rows_are_said_beside_their_field() {
    set_hash("");
    let (root, _h) = mount(false).await;
    explore(&root, "2022-11-02T12:00").await;

    // The account: in the future, then before the opening; the answer stays as typed.
    answer_account_created(&root).await;
    assert_eq!(
        message(&root, "#account-created-at", "account-created-at-error"),
        None,
        "«\u{a0}just now\u{a0}» is fine"
    );
    // Each impossible date is said, and the answer stays as typed.
    for (typed, what, said) in [
        ("2022-11-05T10:00", "the future is said", "futur"),
        (
            "2022-10-01T10:00",
            "before the opening is said",
            "19 octobre 2022",
        ),
    ] {
        set(&root, "#account-created-at", typed);
        until(what, || {
            message(&root, "#account-created-at", "account-created-at-error")
                .is_some_and(|m| m.contains(said))
        })
        .await;
        assert_eq!(input(&root, "#account-created-at").value(), typed);
    }
    set(&root, "#account-created-at", "2022-11-01T10:00");
    until("a right date clears the message", || {
        message(&root, "#account-created-at", "account-created-at-error").is_none()
    })
    .await;

    // The postmark date.
    check(&root, "[data-testid=file-posted]");
    until("the postmark field", || q(&root, "#posted-on").is_some()).await;
    set(&root, "#posted-on", "2022-11-10");
    until("a postmark in the future is said", || {
        message(&root, "#posted-on", "posted-on-error").is_some_and(|m| m.contains("cachet"))
    })
    .await;
    set(&root, "#posted-on", "2022-10-10");
    until("a postmark before the window is said", || {
        message(&root, "#posted-on", "posted-on-error").is_some_and(|m| m.contains("19 octobre"))
    })
    .await;
    assert_eq!(input(&root, "#posted-on").value(), "2022-10-10");

    // An unnamed row, then named.
    let add: HtmlElement = q(&root, "[data-testid=acquis-add]")
        .unwrap()
        .dyn_into()
        .unwrap();
    add.click();
    until("an unnamed row is said", || {
        q(&root, "#acquis-0-epreuve").is_some()
            && message(&root, "#acquis-0-epreuve", "acquis-0-error").is_some()
    })
    .await;
    let name = input(&root, "#acquis-0-epreuve");
    name.set_value("EG1");
    fire(&name, "input");
    until("a named row is fine", || {
        message(&root, "#acquis-0-epreuve", "acquis-0-error").is_none()
    })
    .await;

    // The evaluation is still shown, with the answers kept.
    assert!(items(&root).contains(&"declare-acquis".to_string()));
    assert!(q(&root, "#verdict").is_some());
    root.remove();
}

#[wasm_bindgen_test]
async fn an_expired_activation_is_said_in_the_account_group() {
    set_hash("");
    let (root, _h) = mount(false).await;
    explore(&root, "2022-11-10T12:00").await;
    answer_account_created(&root).await;
    let note = q(&root, "[data-testid=account-expired]").unwrap();
    assert!(
        note.has_attribute("hidden"),
        "just created: nothing expired"
    );
    set(&root, "#account-created-at", "2022-11-01T10:00");
    until("the deleted account is said", || {
        !note.has_attribute("hidden")
            && note
                .text_content()
                .is_some_and(|t| t.contains("supprimé (48 h dépassées)"))
    })
    .await;
    assert_eq!(note.get_attribute("role").as_deref(), Some("status"));
    let described = input(&root, "#account-created-at")
        .get_attribute("aria-describedby")
        .unwrap();
    assert!(described.contains("account-expired"), "{described}");
    assert_eq!(
        q(&root, "[data-item=activate-account]")
            .unwrap()
            .get_attribute("data-status")
            .as_deref(),
        Some("expired")
    );
    root.remove();
}

#[wasm_bindgen_test]
async fn upload_sessions_ask_for_the_upload_date() {
    set_hash("");
    let mut session = default_session();
    session.return_mode = candidat::core::ReturnMode::Upload;
    let (root, _h) = mount_session(session, false).await;
    explore(&root, "2022-11-02T12:00").await;
    check(&root, "[data-testid=file-posted]");
    until("the date field", || q(&root, "#posted-on").is_some()).await;
    let label = q(&root, "label[for=posted-on]")
        .unwrap()
        .text_content()
        .unwrap();
    assert_eq!(label, "Date du dépôt");
    set(&root, "#posted-on", "2022-11-10");
    until("the future is said in upload words", || {
        message(&root, "#posted-on", "posted-on-error").is_some_and(|m| m.contains("dépôt"))
    })
    .await;
    let text = message(&root, "#posted-on", "posted-on-error").unwrap();
    for word in ["cachet", "poste", "envoi"] {
        assert!(!text.contains(word), "{text}");
    }
    root.remove();
}

#[wasm_bindgen_test]
async fn tick_boxes_are_described_by_their_status_and_due_date() {
    set_hash("");
    let (root, _h) = mount(false).await;
    for id in items(&root) {
        let row = q(&root, &format!("[data-item={id}]")).unwrap();
        let tick = q(&row, "input.tick").unwrap();
        let described = tick.get_attribute("aria-describedby").unwrap();
        let ids: Vec<&str> = described.split(' ').collect();
        assert_eq!(ids, [format!("item-status-{id}"), format!("item-due-{id}")]);
        // Both inside the row, once.
        assert!(
            q(&row, &format!("#item-status-{id}.status")).is_some(),
            "{id}"
        );
        assert!(q(&row, &format!("#item-due-{id}.due")).is_some(), "{id}");
        assert_eq!(
            root.query_selector_all(&format!("#item-due-{id}"))
                .unwrap()
                .length(),
            1
        );
    }
    root.remove();
}

fn click(root: &Element, sel: &str) {
    let el: HtmlElement = q(root, sel).expect(sel).dyn_into().unwrap();
    el.click();
}

/// A link made in English opens in English; the fragment leaves the address bar once read.
#[wasm_bindgen_test]
async fn a_link_made_in_english_opens_in_english() {
    let mut s = Situation::new(Diploma::Cap);
    s.title = Some("CAP Cuisine".into());
    set_hash(&share::encode_link_fragment(
        &s,
        &candidat::core::default_session(),
        candidat::core::Lang::En,
    ));
    let (root, _h) = mount(true).await;
    let page = q(&root, "[data-testid=page]").unwrap();
    assert_eq!(page.get_attribute("lang").as_deref(), Some("en"));
    let title: HtmlInputElement = q(&root, "[data-testid=title]").unwrap().dyn_into().unwrap();
    assert_eq!(title.value(), "CAP Cuisine");
    assert_eq!(browser::location_hash(), "");
    assert!(!browser::page_url_without_hash().is_empty());
    root.remove();
}

/// The share link is made only when asked, and an answer given afterwards takes it away
/// (it would no longer say what the page says).
#[wasm_bindgen_test]
async fn the_share_link_is_made_on_demand_and_follows_no_answer() {
    set_hash("");
    let (root, _h) = mount(false).await;
    assert!(q(&root, "[data-testid=share-link]").is_none());
    click(&root, "[data-testid=share-create]");
    until("the link is shown", || {
        q(&root, "[data-testid=share-link]").is_some()
    })
    .await;
    check(&root, "[data-testid=disability-new]");
    until("an answer takes the link away", || {
        q(&root, "[data-testid=share-link]").is_none()
    })
    .await;
    root.remove();
}

/// Nothing ahead (the real clock is past the embedded session): the calendar button is
/// disabled and says why; accommodation answers bring the choice to name those steps, off.
#[wasm_bindgen_test]
async fn the_calendar_button_says_why_it_is_disabled() {
    set_hash("");
    let (root, _h) = mount(false).await;
    // `disabled` is a reflected property: set by the page, seen as the attribute.
    let ics = q(&root, "[data-testid=ics]").unwrap();
    assert!(ics.has_attribute("disabled"));
    assert_eq!(
        ics.get_attribute("aria-describedby").as_deref(),
        Some("ics-hint")
    );
    let hint = q(&root, "#ics-hint").unwrap().text_content().unwrap();
    assert!(hint.starts_with("Rien à ajouter"), "{hint}");
    assert!(q(&root, "[data-testid=ics-reveal]").is_none());

    // Explored inside the pre-registration: something is ahead.
    let input: HtmlInputElement = q(&root, "[data-testid=simulate-at]")
        .unwrap()
        .dyn_into()
        .unwrap();
    input.set_value("2022-11-02T12:00");
    fire(&input, "change");
    until("the calendar button is enabled", || {
        !ics.has_attribute("disabled")
    })
    .await;
    check(&root, "[data-testid=disability-existing]");
    until("the choice to name the accommodation steps", || {
        q(&root, "[data-testid=ics-reveal]").is_some()
    })
    .await;
    let reveal: HtmlInputElement = q(&root, "[data-testid=ics-reveal]")
        .unwrap()
        .dyn_into()
        .unwrap();
    assert!(!reveal.checked(), "off by default");
    root.remove();
}

/// The verdict is a polite live region: an answer that leaves the verdict as it was writes
/// nothing in it (a screen reader would read it out again on every keystroke); an answer that
/// changes the verdict writes it once.
#[wasm_bindgen_test]
async fn the_verdict_region_is_written_only_when_the_verdict_changes() {
    use std::cell::Cell;
    use std::rc::Rc;
    use wasm_bindgen::closure::Closure;
    set_hash("");
    let (root, _h) = mount(false).await;
    explore(&root, "2022-11-02T12:00").await;
    let verdict = q(&root, "#verdict").unwrap();
    let seen = Rc::new(Cell::new(0u32));
    let counter = seen.clone();
    let on_change = Closure::<dyn FnMut(js_sys::Array)>::new(move |records: js_sys::Array| {
        counter.set(counter.get() + records.length())
    });
    let observer = web_sys::MutationObserver::new(on_change.as_ref().unchecked_ref()).unwrap();
    let what = web_sys::MutationObserverInit::new();
    what.set_subtree(true);
    what.set_child_list(true);
    what.set_character_data(true);
    what.set_attributes(true);
    observer.observe_with_options(&verdict, &what).unwrap();
    let writes = || seen.get() + observer.take_records().length();

    // A title typed: the envelope follows (its address names it), the verdict not.
    let title = input(&root, "[data-testid=title]");
    title.set_value("CAP Cuisine");
    fire(&title, "input");
    until("the envelope shows the new title", || {
        q(&root, "[data-testid=address]")
            .and_then(|e| e.text_content())
            .is_some_and(|t| t.contains("CAP Cuisine"))
    })
    .await;
    assert_eq!(writes(), 0, "an unchanged verdict is not written again");

    // The same date after the close, nothing done: too late, written once.
    explore(&root, "2022-11-20T12:00").await;
    until("the verdict is too late", || {
        verdict.get_attribute("data-verdict").as_deref() == Some("too-late")
    })
    .await;
    assert!(writes() > 0, "a new verdict is written");
    observer.disconnect();
    root.remove();
}

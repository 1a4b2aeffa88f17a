//! The questions, all on one page, each editable at any time. Every handler writes the one
//! `Situation` signal (with `try_update`: never a panic on input).

use std::sync::Arc;

use leptos::prelude::*;

use super::dom::{dyn_view, el, ev, flag, nothing, DynBool, El};
use super::{use_ctx, Ctx, Text};
use crate::core::session::Diploma;
use crate::core::{Acquis, AcquisKind, ItemId, Situation, Status};
use crate::input_checks::{self, Problem};
use crate::labels;
use crate::local_time;

/// One check of an answer (`crate::input_checks`), read again when the answers or the
/// evaluated instant change. One closure type for every field.
type Check = Arc<dyn Fn() -> Option<Problem> + Send + Sync>;

/// The message beside a field, `<p id="{id}" data-testid="{id}">`, hidden while the answer
/// is fine. Always in the DOM, so the field's `aria-describedby` always resolves.
fn field_error(ctx: Ctx, id: String, check: Check) -> El {
    let shown = check.clone();
    el("p")
        .class("fr-error-text field-error")
        .attr_owned("id", id.clone())
        .attr_owned("data-testid", id)
        .prop_bool("hidden", move || shown().is_none())
        .text_fmt(move || {
            check()
                .map(|p| input_checks::message(ctx.lang(), ctx.session, p))
                .unwrap_or_default()
        })
}

/// A field that a check may find wrong: `aria-invalid` follows the check, and
/// `aria-describedby` names the message (and any other description, space-separated).
fn checked_field(input: El, described_by: String, check: Check) -> El {
    input
        .attr_owned("aria-describedby", described_by)
        .attr_dyn("aria-invalid", move || {
            if check().is_some() {
                "true"
            } else {
                "false"
            }
        })
}

/// Moves the focus to `selector` inside the `<fieldset>` around the event's target, once
/// the DOM shows the answer just given: Leptos redraws in the microtasks after the handler,
/// before the next animation frame. Browser glue kept beside its one use.
fn focus_in_group(ev: &web_sys::Event, selector: String) {
    use leptos::wasm_bindgen::JsCast;
    let group = ev
        .target()
        .and_then(|t| t.dyn_into::<web_sys::Element>().ok())
        .and_then(|e| e.closest("fieldset").ok().flatten());
    if let Some(group) = group {
        request_animation_frame(move || {
            let found = group.query_selector(&selector).ok().flatten();
            if let Some(e) = found.and_then(|e| e.dyn_into::<web_sys::HtmlElement>().ok()) {
                let _ = e.focus();
            }
        });
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Account {
    NotYet,
    Created,
    Activated,
}

/// The account answer as the situation holds it.
pub fn account_of(s: &Situation) -> Account {
    if s.done.contains(&ItemId::ActivateAccount) {
        Account::Activated
    } else if s.account_created_at.is_some() || s.done.contains(&ItemId::CreateAccount) {
        Account::Created
    } else {
        Account::NotYet
    }
}

fn set_done(s: &mut Situation, id: ItemId, on: bool) {
    s.done.retain(|d| *d != id);
    if on {
        s.done.push(id);
        crate::core::small_sort::sort(&mut s.done);
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Disability {
    No,
    Existing,
    New,
    Both,
}

pub fn disability_of(s: &Situation) -> Disability {
    match (s.existing_accommodation, s.new_accommodation_request) {
        (false, false) => Disability::No,
        (true, false) => Disability::Existing,
        (false, true) => Disability::New,
        (true, true) => Disability::Both,
    }
}

pub fn questions() -> AnyView {
    let ctx = use_ctx();
    let section = el("section")
        .class("questions card")
        .attr("aria-labelledby", "questions-h")
        .testid("questions")
        .child(
            el("h2")
                .id("questions-h")
                .text_dyn(ctx.text(|u| u.questions)),
        )
        .child(diploma_field(ctx))
        .child(title_field(ctx));
    // Session files v2: the académie's own questions, eligibility first, before the steps.
    #[cfg(feature = "v2")]
    let section = match super::declared::declared_questions(ctx) {
        Some(declared) => section.child(declared),
        None => section,
    };
    section
        .child(account_group(ctx))
        .child(disability_group(ctx))
        .child(acquis_group(ctx))
        .child(file_group(ctx))
        .into_view()
}

fn label(ctx: Ctx, for_id: &'static str, text: Text) -> El {
    el("label")
        .class("fr-label")
        .attr("for", for_id)
        .text_dyn(ctx.text(text))
}

fn legend(ctx: Ctx, text: Text) -> El {
    el("legend")
        .class("fr-fieldset__legend")
        .text_dyn(ctx.text(text))
}

fn hint(ctx: Ctx, text: Text) -> El {
    el("p").class("fr-hint-text hint").text_dyn(ctx.text(text))
}

/// One radio button of a group: `<input type=radio id="{group}-{value}">` and its label.
fn radio(
    ctx: Ctx,
    group: &'static str,
    value: &'static str,
    text: Text,
    checked: DynBool,
    choose: Arc<dyn Fn() + Send + Sync>,
) -> El {
    let id = format!("{group}-{value}");
    el("div")
        .class("fr-radio-group radio")
        .child(
            el("input")
                .attr("type", "radio")
                .attr_owned("id", id.clone())
                .attr("name", group)
                .attr("value", value)
                .attr_owned("data-testid", id.clone())
                .prop_bool("checked", move || checked())
                .on(ev::change, move |_| choose()),
        )
        .child(
            el("label")
                .class("fr-label")
                .attr_owned("for", id)
                .text_dyn(ctx.text(text)),
        )
}

fn diploma_field(ctx: Ctx) -> El {
    let sit = ctx.situation;
    let session = ctx.session;
    let options = move || {
        let l = ctx.lang();
        session
            .diplomas
            .iter()
            .map(|d| {
                let d = *d;
                el("option")
                    .attr("value", d.as_str())
                    .prop_bool("selected", move || sit.with(|s| s.diploma == d))
                    .text(labels::diploma(l, d))
            })
            .map(El::into_view)
            .collect::<Vec<_>>()
            .into_any()
    };
    el("div")
        .class("fr-input-group field")
        .child(label(ctx, "diploma", |u| u.q_diploma))
        .child(
            el("select")
                .class("fr-select")
                .id("diploma")
                .testid("diploma")
                .on(ev::change, move |ev| {
                    if let Some(d) = Diploma::parse(&event_target_value(&ev)) {
                        sit.try_update(|s| s.diploma = d);
                    }
                })
                .view_dyn(options),
        )
}

fn title_field(ctx: Ctx) -> El {
    let sit = ctx.situation;
    el("div")
        .class("fr-input-group field")
        .child(label(ctx, "title", |u| u.q_title))
        .child(hint(ctx, |u| u.q_title_hint).id("title-hint"))
        .child(
            el("input")
                .class("fr-input")
                .attr("type", "text")
                .id("title")
                .testid("title")
                .attr("autocomplete", "off")
                .attr("aria-describedby", "title-hint")
                .prop_text("value", move || {
                    sit.with(|s| s.title.clone().unwrap_or_default())
                })
                .on(ev::input, move |ev| {
                    let v = event_target_value(&ev);
                    sit.try_update(|s| s.title = if v.trim().is_empty() { None } else { Some(v) });
                }),
        )
}

/// The account answer: not yet, created (with its date and time), activated.
fn set_account(ctx: Ctx, a: Account) {
    let tz = ctx.session.time_zone;
    let at = ctx.at_untracked();
    ctx.situation.try_update(|s| match a {
        Account::NotYet => {
            s.account_created_at = None;
            set_done(s, ItemId::CreateAccount, false);
            set_done(s, ItemId::ActivateAccount, false);
        }
        Account::Created => {
            if s.account_created_at.is_none() {
                // Sensible default: "I have just created it", to the minute.
                let t = local_time::from_input(&local_time::to_input(at, tz), tz);
                s.account_created_at = t.map(local_time::fixed);
            }
            set_done(s, ItemId::ActivateAccount, false);
        }
        Account::Activated => {
            set_done(s, ItemId::CreateAccount, true);
            set_done(s, ItemId::ActivateAccount, true);
        }
    });
}

fn account_radio(ctx: Ctx, value: &'static str, a: Account, text: Text) -> El {
    let sit = ctx.situation;
    radio(
        ctx,
        "account",
        value,
        text,
        Arc::new(move || sit.with(account_of) == a),
        Arc::new(move || set_account(ctx, a)),
    )
}

fn account_group(ctx: Ctx) -> El {
    // The date field appears and disappears with its answer, and only then: rebuilding it on
    // every answer would take the focus from the field being typed in.
    let created = flag(move || ctx.situation.with(account_of) == Account::Created);
    el("fieldset")
        .class("fr-fieldset field")
        .testid("account-group")
        .child(legend(ctx, |u| u.q_account))
        .child(account_radio(ctx, "none", Account::NotYet, |u| {
            u.account_none
        }))
        .child(account_radio(ctx, "created", Account::Created, |u| {
            u.account_created
        }))
        .view_dyn(move || {
            if created.get() {
                account_created_at(ctx).into_view()
            } else {
                nothing()
            }
        })
        .child(account_radio(ctx, "activated", Account::Activated, |u| {
            u.account_activated
        }))
}

/// When the account was created (shown while the answer is "created").
fn account_created_at(ctx: Ctx) -> El {
    let sit = ctx.situation;
    let tz = ctx.session.time_zone;
    let check: Check =
        Arc::new(move || sit.with(|s| input_checks::account_created_at(ctx.session, s, ctx.at())));
    let input = el("input")
        .class("fr-input")
        .attr("type", "datetime-local")
        .id("account-created-at")
        .testid("account-created-at");
    el("div")
        .class("fr-input-group sub-field")
        .child(label(ctx, "account-created-at", |u| u.account_created_at))
        .child(
            checked_field(
                input,
                "account-created-at-error account-expired".into(),
                check.clone(),
            )
            .prop_text("value", move || {
                sit.with(|s| {
                    s.account_created_at
                        .map(|t| local_time::to_input(t.to_utc(), tz))
                        .unwrap_or_default()
                })
            })
            .on(ev::change, move |ev| {
                let v = event_target_value(&ev);
                let t = local_time::from_input(&v, tz).map(local_time::fixed);
                sit.try_update(|s| {
                    s.account_created_at = t;
                    set_done(s, ItemId::CreateAccount, t.is_none());
                });
            }),
        )
        .child(field_error(ctx, "account-created-at-error".into(), check))
        .child(account_expired(ctx))
}

/// R3: the 48 hours passed without activation, so the account was deleted. Said in the
/// account group, not only in the checklist: "created, not activated yet" is no longer true.
fn account_expired(ctx: Ctx) -> El {
    let expired = flag(move || {
        ctx.eval.with(|e| {
            e.item(ItemId::ActivateAccount)
                .is_some_and(|i| i.status == Status::Expired)
        })
    });
    el("p")
        .class("fr-alert fr-alert--warning fr-alert--sm notice")
        .id("account-expired")
        .testid("account-expired")
        .attr("role", "status")
        .prop_bool("hidden", move || !expired.get())
        .text_fmt(move || {
            if expired.get() {
                input_checks::account_expired(ctx.lang(), ctx.session)
            } else {
                String::new()
            }
        })
}

fn disability_radio(ctx: Ctx, value: &'static str, d: Disability, text: Text) -> El {
    let sit = ctx.situation;
    radio(
        ctx,
        "disability",
        value,
        text,
        Arc::new(move || sit.with(disability_of) == d),
        Arc::new(move || {
            sit.try_update(|s| {
                s.existing_accommodation = matches!(d, Disability::Existing | Disability::Both);
                s.new_accommodation_request = matches!(d, Disability::New | Disability::Both);
            });
        }),
    )
}

fn disability_group(ctx: Ctx) -> El {
    el("fieldset")
        .class("fr-fieldset field")
        .testid("disability-group")
        .child(legend(ctx, |u| u.q_disability))
        .child(disability_radio(ctx, "no", Disability::No, |u| u.dis_no))
        .child(disability_radio(
            ctx,
            "existing",
            Disability::Existing,
            |u| u.dis_existing,
        ))
        .child(disability_radio(ctx, "new", Disability::New, |u| u.dis_new))
        .child(disability_radio(ctx, "both", Disability::Both, |u| {
            u.dis_both
        }))
}

fn acquis_group(ctx: Ctx) -> El {
    let sit = ctx.situation;
    let count = Memo::new(move |_| sit.with(|s| s.acquis.len()));
    el("fieldset")
        .class("fr-fieldset field")
        .testid("acquis-group")
        .child(legend(ctx, |u| u.q_acquis))
        .child(hint(ctx, |u| u.acquis_hint))
        .view_dyn(move || {
            if count.get() == 0 {
                el("p")
                    .class("muted")
                    .text_dyn(ctx.text(|u| u.acquis_none))
                    .into_view()
            } else {
                nothing()
            }
        })
        // Rebuilt when a row is added or removed, never while typing in one (ADR 0008).
        .child(el("ul").class("acquis-rows").view_dyn(move || {
            (0..count.get())
                .map(acquis_row)
                .collect::<Vec<_>>()
                .into_any()
        }))
        .child(
            el("button")
                .attr("type", "button")
                .class("fr-btn fr-btn--secondary")
                .testid("acquis-add")
                .on(ev::click, move |ev| {
                    let new = sit.with_untracked(|s| s.acquis.len());
                    sit.try_update(|s| {
                        s.acquis.push(Acquis {
                            epreuve: String::new(),
                            kind: AcquisKind::Benefice,
                        })
                    });
                    // The new row's first field (the rows come before this button).
                    focus_in_group(&ev, format!("#acquis-{new}-epreuve"));
                })
                .text("+ ")
                .text_dyn(ctx.text(|u| u.acquis_add)),
        )
}

/// The file: posted or not (a posted file has its postmark date).
fn file_posted(s: &Situation) -> bool {
    s.posted_on.is_some() || s.done.contains(&ItemId::MailFile)
}

fn file_radio(ctx: Ctx, value: &'static str, on: bool, text: Text) -> El {
    let sit = ctx.situation;
    let tz = ctx.session.time_zone;
    radio(
        ctx,
        "file",
        value,
        text,
        Arc::new(move || sit.with(file_posted) == on),
        Arc::new(move || {
            let today = ctx.at_untracked().with_timezone(&tz).date_naive();
            sit.try_update(|s| {
                if on {
                    if s.posted_on.is_none() {
                        s.posted_on = Some(today);
                    }
                } else {
                    s.posted_on = None;
                    set_done(s, ItemId::MailFile, false);
                }
            });
        }),
    )
}

fn file_group(ctx: Ctx) -> El {
    // As for the account's date: rebuilt only when the answer flips.
    let posted = flag(move || ctx.situation.with(file_posted));
    el("fieldset")
        .class("fr-fieldset field")
        .testid("file-group")
        .child(legend(ctx, |u| u.q_file))
        .child(file_radio(ctx, "not-posted", false, |u| u.file_not_posted))
        .child(file_radio(ctx, "posted", true, |u| u.file_posted))
        .view_dyn(move || {
            if posted.get() {
                posted_on(ctx).into_view()
            } else {
                nothing()
            }
        })
}

/// The postmark date, or the upload date in upload sessions (shown while the file is posted).
fn posted_on(ctx: Ctx) -> El {
    let sit = ctx.situation;
    let check: Check =
        Arc::new(move || sit.with(|s| input_checks::posted_on(ctx.session, s, ctx.at())));
    let input = el("input")
        .class("fr-input")
        .attr("type", "date")
        .id("posted-on")
        .testid("posted-on");
    let text: Text = if input_checks::upload(ctx.session) {
        |u| u.file_posted_on_upload
    } else {
        |u| u.file_posted_on
    };
    el("div")
        .class("fr-input-group sub-field")
        .child(label(ctx, "posted-on", text))
        .child(
            checked_field(input, "posted-on-error".into(), check.clone())
                .prop_text("value", move || {
                    sit.with(|s| {
                        s.posted_on
                            .map(local_time::date_to_input)
                            .unwrap_or_default()
                    })
                })
                .on(ev::change, move |ev| {
                    let d = local_time::date_from_input(&event_target_value(&ev));
                    sit.try_update(|s| {
                        s.posted_on = d;
                        set_done(s, ItemId::MailFile, d.is_none());
                    });
                }),
        )
        .child(field_error(ctx, "posted-on-error".into(), check))
}

/// One row of épreuves already passed: its name, benefit or exemption, and a remove button.
fn acquis_row(i: usize) -> AnyView {
    let ctx = use_ctx();
    el("li")
        .class("acquis-row")
        .attr_owned("data-testid", format!("acquis-{i}"))
        .child(acquis_epreuve(ctx, i))
        .child(acquis_kind(ctx, i))
        .child(
            el("button")
                .attr("type", "button")
                .class("fr-btn fr-btn--secondary fr-btn--sm")
                .attr_owned("data-testid", format!("acquis-{i}-remove"))
                .on(ev::click, move |ev| {
                    let left = ctx.situation.try_update(|s| {
                        if i < s.acquis.len() {
                            s.acquis.remove(i);
                        }
                        s.acquis.len()
                    });
                    // The previous row's first field (the next one's when the first row
                    // goes), or the add button when no row is left.
                    let to = match left {
                        Some(0) | None => "[data-testid=acquis-add]".to_string(),
                        Some(_) => format!("#acquis-{}-epreuve", i.saturating_sub(1)),
                    };
                    focus_in_group(&ev, to);
                })
                .text_dyn(ctx.text(|u| u.acquis_remove))
                .child(
                    el("span")
                        .class("visually-hidden")
                        .text_owned(format!(" {}", i + 1)),
                ),
        )
        .into_view()
}

fn acquis_epreuve(ctx: Ctx, i: usize) -> El {
    let sit = ctx.situation;
    let id = format!("acquis-{i}-epreuve");
    let error = format!("acquis-{i}-error");
    let check: Check = Arc::new(move || sit.with(|s| input_checks::acquis_row(s, i)));
    let input = el("input")
        .class("fr-input")
        .attr("type", "text")
        .attr_owned("id", id.clone())
        .attr_owned("data-testid", id.clone());
    el("div")
        .class("fr-input-group acquis-field")
        .child(
            el("label")
                .attr_owned("for", id)
                .text_dyn(ctx.text(|u| u.acquis_epreuve)),
        )
        .child(
            checked_field(input, error.clone(), check.clone())
                .attr("autocomplete", "off")
                .prop_text("value", move || {
                    sit.with(|s| {
                        s.acquis
                            .get(i)
                            .map(|a| a.epreuve.clone())
                            .unwrap_or_default()
                    })
                })
                .on(ev::input, move |ev| {
                    let v = event_target_value(&ev);
                    sit.try_update(|s| {
                        if let Some(a) = s.acquis.get_mut(i) {
                            a.epreuve = v;
                        }
                    });
                }),
        )
        .child(field_error(ctx, error, check))
}

fn acquis_kind(ctx: Ctx, i: usize) -> El {
    let sit = ctx.situation;
    let id = format!("acquis-{i}-kind");
    let kind = move || sit.with(|s| s.acquis.get(i).map(|a| a.kind));
    let option = move |value: &'static str, k: AcquisKind, text: Text| {
        el("option")
            .attr("value", value)
            .prop_bool("selected", move || kind() == Some(k))
            .text_dyn(ctx.text(text))
    };
    el("div")
        .class("fr-input-group acquis-field")
        .child(
            el("label")
                .attr_owned("for", id.clone())
                .text_dyn(ctx.text(|u| u.acquis_kind)),
        )
        .child(
            el("select")
                .class("fr-select")
                .attr_owned("id", id.clone())
                .attr_owned("data-testid", id)
                .on(ev::change, move |ev| {
                    let k = match event_target_value(&ev).as_str() {
                        "dispense" => AcquisKind::Dispense,
                        _ => AcquisKind::Benefice,
                    };
                    sit.try_update(|s| {
                        if let Some(a) = s.acquis.get_mut(i) {
                            a.kind = k;
                        }
                    });
                })
                .child(option("benefice", AcquisKind::Benefice, |u| {
                    u.acquis_benefice
                }))
                .child(option("dispense", AcquisKind::Dispense, |u| {
                    u.acquis_dispense
                })),
        )
}

/// For print: the answers in words.
pub fn recap() -> AnyView {
    let ctx = use_ctx();
    let sit = ctx.situation;
    let tz = ctx.session.time_zone;
    dyn_view(move || {
        let u = ctx.ui();
        let l = ctx.lang();
        let s = sit.get();
        let account = match account_of(&s) {
            Account::NotYet => u.account_none.to_string(),
            Account::Created => match s.account_created_at {
                Some(t) => format!(
                    "{} — {}",
                    u.account_created,
                    labels::date_time(l, &t.with_timezone(&tz))
                ),
                None => u.account_created.to_string(),
            },
            Account::Activated => u.account_activated.to_string(),
        };
        let dis = match disability_of(&s) {
            Disability::No => u.dis_no,
            Disability::Existing => u.dis_existing,
            Disability::New => u.dis_new,
            Disability::Both => u.dis_both,
        };
        let acquis = if s.acquis.is_empty() {
            u.acquis_none.to_string()
        } else {
            s.acquis
                .iter()
                .map(|a| {
                    format!(
                        "{} ({})",
                        a.epreuve,
                        match a.kind {
                            AcquisKind::Benefice => u.acquis_benefice,
                            AcquisKind::Dispense => u.acquis_dispense,
                        }
                    )
                })
                .collect::<Vec<_>>()
                .join(", ")
        };
        let file = match s.posted_on {
            Some(d) => format!("{} — {}", u.file_posted, local_time::date_to_input(d)),
            None if s.done.contains(&ItemId::MailFile) => u.file_posted.to_string(),
            None => u.file_not_posted.to_string(),
        };
        let row =
            |term: &'static str, value: String| [el("dt").text(term), el("dd").text_owned(value)];
        el("section")
            .class("recap print-only")
            .attr("aria-labelledby", "recap-h")
            .child(el("h2").id("recap-h").text(u.recap))
            .child(
                el("dl").children(
                    [
                        row(u.q_diploma, labels::diploma(l, s.diploma).to_string()),
                        row(u.q_title, s.title.clone().unwrap_or_else(|| "—".into())),
                        row(u.q_account, account),
                        row(u.q_disability, dis.to_string()),
                        row(u.q_acquis, acquis),
                        row(u.q_file, file),
                    ]
                    .into_iter()
                    .flatten(),
                ),
            )
            .into_view()
    })
}

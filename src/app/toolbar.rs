//! Language switch, "Et si nous étions le…", and the tools: print, calendar, share link,
//! remember on this device, erase.

use chrono::Utc;
use leptos::prelude::*;

use super::dom::{el, ev, flag, nothing, El};
use super::{default_situation, use_ctx, Ctx, Notice, Text};
use crate::browser;
use crate::core::Lang;
use crate::ics;
use crate::labels;
use crate::local_time;
use crate::share;

pub fn lang_switch() -> AnyView {
    let ctx = use_ctx();
    el("button")
        .attr("type", "button")
        .class("btn btn-secondary lang-switch no-print")
        .testid("lang-switch")
        .attr_dyn("lang", move || match ctx.lang() {
            Lang::Fr => "en",
            Lang::En => "fr",
        })
        .attr_dyn("aria-label", ctx.text(|u| u.lang_switch_label))
        .on(ev::click, move |_| {
            ctx.lang.try_update(|l| {
                *l = match *l {
                    Lang::Fr => Lang::En,
                    Lang::En => Lang::Fr,
                }
            });
        })
        .text_dyn(ctx.text(|u| u.lang_switch))
        .into_view()
}

pub fn simulate() -> AnyView {
    let ctx = use_ctx();
    let tz = ctx.session.time_zone;
    // Rebuilt when the exploration starts or stops, not at every date: the status line is
    // a live region, and its text node alone changes with the date.
    let active = flag(move || ctx.simulated.with(|s| s.is_some()));
    let field = el("div")
        .class("field")
        .child(
            el("label")
                .id("simulate-label")
                .attr("for", "simulate-at")
                .text_dyn(ctx.text(|u| u.simulate)),
        )
        .child(
            el("p")
                .class("hint")
                .id("simulate-hint")
                .text_dyn(ctx.text(|u| u.simulate_hint)),
        )
        .child(
            el("input")
                .attr("type", "datetime-local")
                .id("simulate-at")
                .testid("simulate-at")
                .attr("aria-describedby", "simulate-hint")
                .prop_text("value", move || {
                    ctx.simulated
                        .get()
                        .map(|t| local_time::to_input(t, tz))
                        .unwrap_or_default()
                })
                .on(ev::change, move |ev| {
                    let v = event_target_value(&ev);
                    let t = local_time::from_input(&v, tz).map(|t| t.with_timezone(&Utc));
                    let _ = ctx.simulated.try_set(t);
                }),
        );
    let flag = move || {
        if !active.get() {
            return nothing();
        }
        el("p")
            .class("simulate-flag")
            .testid("simulate-flag")
            .attr("role", "status")
            .child(
                el("strong")
                    .text_dyn(ctx.text(|u| u.simulate_active))
                    .text_dyn(ctx.text(|u| u.colon)),
            )
            .text_fmt(move || labels::date_time(ctx.lang(), &ctx.at.get().with_timezone(&tz)))
            .text(" ")
            .child(
                el("button")
                    .attr("type", "button")
                    .class("btn btn-secondary btn-small")
                    .testid("simulate-reset")
                    .on(ev::click, move |_| {
                        let _ = ctx.simulated.try_set(None);
                    })
                    .text_dyn(ctx.text(|u| u.simulate_reset)),
            )
            .into_view()
    };
    el("section")
        .class("simulate")
        .toggle("simulate-active", move || active.get())
        .testid("simulate")
        .attr("aria-labelledby", "simulate-label")
        .child(field)
        .view_dyn(flag)
        .into_view()
}

/// The .ics of the candidate's own deadlines: one event per deadline still ahead (src/ics.rs).
pub fn calendar_text(ctx: &super::Ctx, reveal_health: bool) -> String {
    let l = ctx.lang.get_untracked();
    let session = ctx.session;
    let events = ctx
        .eval
        .with_untracked(|e| ics::deadline_events(session, e, l, reveal_health));
    ics::calendar(&session.id, browser::now(), &events)
}

pub fn tools() -> AnyView {
    let ctx = use_ctx();
    let mut section = el("section")
        .class("tools card no-print")
        .attr("aria-labelledby", "tools-h")
        .testid("tools")
        .child(el("h2").id("tools-h").text_dyn(ctx.text(|u| u.tools)))
        .child(
            el("div")
                .class("tool-buttons")
                .child(button(ctx, "print", "btn", |u| u.print).on(ev::click, |_| browser::print()))
                .child(
                    button(ctx, "ics", "btn", |u| u.ics).on(ev::click, move |_| {
                        let text = calendar_text(&ctx, false);
                        browser::download(
                            &format!("candidat-{}.ics", ctx.session.id),
                            "text/calendar;charset=utf-8",
                            &text,
                        );
                    }),
                ),
        );
    // The share link always opens the standalone page (never the host page of a widget).
    if let Some(base) = ctx.options.share_base.clone() {
        section = section.child(share_field(ctx, base));
    }
    section
        .child(remember_field(ctx))
        .child(
            button(ctx, "erase", "btn btn-danger", |u| u.erase).on(ev::click, move |_| {
                let _ = ctx.remember.try_set(false);
                browser::storage_clear_ours();
                let _ = ctx.situation.try_set(default_situation(ctx.session));
                let _ = ctx.notice.try_set(Some(Notice::Erased));
            }),
        )
        .into_view()
}

fn button(ctx: Ctx, testid: &'static str, class: &'static str, text: Text) -> El {
    el("button")
        .attr("type", "button")
        .class(class)
        .testid(testid)
        .text_dyn(ctx.text(text))
}

/// The link to resume later (the answers in its fragment) and its copy button.
fn share_field(ctx: Ctx, base: String) -> El {
    let share_url = move || {
        format!(
            "{}#{}",
            base,
            ctx.situation
                .with(|s| share::encode_fragment(s, ctx.session))
        )
    };
    let link_copied = RwSignal::new(false);
    let url_for_copy = share_url.clone();
    el("div")
        .class("field")
        .child(
            el("label")
                .attr("for", "share-link")
                .text_dyn(ctx.text(|u| u.share)),
        )
        .child(
            el("p")
                .class("hint")
                .id("share-hint")
                .text_dyn(ctx.text(|u| u.share_hint)),
        )
        .child(
            el("div")
                .class("share-row")
                .child(
                    el("input")
                        .attr("type", "text")
                        .id("share-link")
                        .testid("share-link")
                        .attr("readonly", "")
                        .attr("aria-describedby", "share-hint")
                        .prop_text("value", share_url),
                )
                .child(
                    button(ctx, "copy-link", "btn btn-secondary", |u| u.copy_link).on(
                        ev::click,
                        move |_| {
                            let url = url_for_copy();
                            leptos::task::spawn_local(async move {
                                let ok = browser::copy_text(url).await.is_ok();
                                let _ = link_copied.try_set(ok);
                            });
                        },
                    ),
                ),
        )
        .child(
            el("p")
                .class("copy-status")
                .attr("role", "status")
                .text_dyn(move || if link_copied.get() { "✓" } else { "" }),
        )
}

/// "Se souvenir sur cet appareil" (off by default; unavailable once the session is over).
fn remember_field(ctx: Ctx) -> El {
    el("div")
        .class("field switch-field")
        .child(
            el("input")
                .attr("type", "checkbox")
                .attr("role", "switch")
                .id("remember")
                .testid("remember")
                .attr("aria-describedby", "remember-hint")
                .prop_bool("checked", move || ctx.remember.get() && !ctx.session_over())
                .prop_bool("disabled", move || ctx.session_over())
                .on(ev::change, move |ev| {
                    let _ = ctx.remember.try_set(event_target_checked(&ev));
                }),
        )
        .child(
            el("label")
                .attr("for", "remember")
                .text_dyn(ctx.text(|u| u.remember)),
        )
        .child(el("p").class("hint").id("remember-hint").text_dyn(move || {
            if ctx.session_over() {
                ctx.ui().remember_closed
            } else {
                ctx.ui().remember_hint
            }
        }))
}

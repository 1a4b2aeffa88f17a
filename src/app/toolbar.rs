//! Language switch, "Et si nous étions le…", and the tools: print, calendar, share link,
//! remember on this device, erase.

use chrono::Utc;
use leptos::prelude::*;

use super::dom::{dyn_view, el, ev, flag, nothing, El};
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
        .class("fr-btn fr-btn--tertiary fr-btn--sm lang-switch no-print")
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

/// "Et si nous étions le…": a developer's tool, closed at the end of the page, that opens by
/// itself while an explored instant is set (the marker at the top of the page says so then).
pub fn simulate() -> AnyView {
    let ctx = use_ctx();
    let tz = ctx.session.time_zone;
    let active = flag(move || ctx.simulated.with(|s| s.is_some()));
    el("details")
        .class("simulate card no-print")
        .testid("simulate")
        .prop_bool("open", move || active.get())
        .child(
            el("summary")
                .testid("simulate-summary")
                .text_dyn(ctx.text(|u| u.simulate)),
        )
        .child(
            el("div")
                .class("fr-input-group field")
                .child(
                    el("label")
                        .attr("for", "simulate-at")
                        .text_dyn(ctx.text(|u| u.simulate_field)),
                )
                .child(
                    el("p")
                        .class("fr-hint-text hint")
                        .id("simulate-hint")
                        .text_dyn(ctx.text(|u| u.simulate_hint)),
                )
                .child(
                    el("input")
                        .class("fr-input")
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
                ),
        )
        .into_view()
}

/// At the top of the page while an explored instant is set: the page shows a simulated date,
/// and one button goes back to today. Printed too (without the button), so that a sheet is
/// never taken for today's. Rebuilt when the exploration starts or stops, not at every date:
/// it is a live region, and its text node alone changes with the date.
pub fn simulate_marker() -> AnyView {
    let ctx = use_ctx();
    let tz = ctx.session.time_zone;
    let active = flag(move || ctx.simulated.with(|s| s.is_some()));
    dyn_view(move || {
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
            .text_fmt(move || labels::date_time(ctx.lang(), &ctx.at().with_timezone(&tz)))
            .text(" ")
            .child(
                el("button")
                    .attr("type", "button")
                    .class("fr-btn fr-btn--secondary fr-btn--sm")
                    .testid("simulate-reset")
                    .on(ev::click, move |_| {
                        let _ = ctx.simulated.try_set(None);
                    })
                    .text_dyn(ctx.text(|u| u.simulate_reset)),
            )
            .into_view()
    })
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
    // Write the accommodation steps by name in the calendar file (off until asked).
    let reveal = RwSignal::new(false);
    // The share link is made only on demand; any later answer, or another language, takes
    // it away (it would no longer say what the page says).
    let link = RwSignal::new(false);
    super::effect(move || {
        ctx.situation.track();
        ctx.lang.get();
        if link.get_untracked() {
            let _ = link.try_set(false);
        }
    });
    let mut section =
        el("section")
            .class("tools card no-print")
            .attr("aria-labelledby", "tools-h")
            .testid("tools")
            .child(el("h2").id("tools-h").text_dyn(ctx.text(|u| u.tools)))
            .child(el("div").class("tool-buttons").child(
                button(ctx, "print", "fr-btn", |u| u.print).on(ev::click, |_| browser::print()),
            ))
            .child(calendar_field(ctx, reveal));
    // The share link always opens the standalone page (never the host page of a widget).
    if let Some(base) = ctx.options.share_base.clone() {
        section = section.child(share_field(ctx, base, link));
    }
    section
        .child(remember_field(ctx))
        .child(
            button(ctx, "erase", "fr-btn fr-btn--tertiary erase", |u| u.erase).on(
                ev::click,
                move |_| {
                    // Nothing left: not on the device, not in the address bar (a widget never
                    // touches its host page's), not in memory.
                    let _ = ctx.remember.try_set(false);
                    browser::storage_clear_ours();
                    if ctx.options.read_fragment {
                        browser::remove_fragment();
                    }
                    let _ = ctx.situation.try_set(default_situation(ctx.session));
                    let _ = link.try_set(false);
                    let _ = reveal.try_set(false);
                    let _ = ctx.notice.try_set(Some(Notice::Erased));
                },
            ),
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

/// "Ajouter à mon agenda": disabled, with the reason beside it, when nothing is ahead; with
/// accommodation answers, the choice to write those steps by name in the file.
fn calendar_field(ctx: Ctx, reveal: RwSignal<bool>) -> El {
    let ahead = flag(move || {
        ctx.eval
            .with(|e| !ics::deadline_events(ctx.session, e, Lang::Fr, false).is_empty())
    });
    let health = flag(move || {
        ctx.situation
            .with(|s| s.existing_accommodation || s.new_accommodation_request)
    });
    let choice = move || {
        if !health.get() {
            return nothing();
        }
        el("div")
            .class("fr-checkbox-group field switch-field")
            .child(
                el("input")
                    .attr("type", "checkbox")
                    .id("ics-reveal")
                    .testid("ics-reveal")
                    .attr("aria-describedby", "ics-reveal-hint")
                    .prop_bool("checked", move || reveal.get())
                    .on(ev::change, move |ev| {
                        let _ = reveal.try_set(event_target_checked(&ev));
                    }),
            )
            .child(
                el("label")
                    .class("fr-label")
                    .attr("for", "ics-reveal")
                    .text_dyn(ctx.text(|u| u.ics_reveal)),
            )
            .child(
                el("p")
                    .class("fr-hint-text hint")
                    .id("ics-reveal-hint")
                    .text_dyn(ctx.text(|u| u.ics_reveal_hint)),
            )
            .into_view()
    };
    el("div")
        .class("tool-calendar")
        .child(
            button(ctx, "ics", "fr-btn", |u| u.ics)
                .attr("aria-describedby", "ics-hint")
                .prop_bool("disabled", move || !ahead.get())
                .on(ev::click, move |_| {
                    let text = calendar_text(&ctx, reveal.get_untracked());
                    browser::download(
                        &format!("candidat-{}.ics", ctx.session.id),
                        "text/calendar;charset=utf-8",
                        &text,
                    );
                }),
        )
        .child(
            el("p")
                .class("fr-hint-text hint")
                .id("ics-hint")
                .testid("ics-hint")
                .text_dyn(move || {
                    if ahead.get() {
                        ctx.ui().ics_hint
                    } else {
                        ctx.ui().ics_nothing
                    }
                }),
        )
        .view_dyn(choice)
}

/// The link to resume later (the answers and the language in its fragment), made only when
/// asked (`made`), next to the warning that it holds health answers; and its copy button.
fn share_field(ctx: Ctx, base: String, made: RwSignal<bool>) -> El {
    let copied = RwSignal::new(false);
    let row = move || {
        if !made.get() {
            return nothing();
        }
        // Written once, when the link is made (not at every answer: an answer takes it away).
        let url = format!(
            "{base}#{}",
            ctx.situation
                .with_untracked(|s| share::encode_link_fragment(
                    s,
                    ctx.session,
                    ctx.lang.get_untracked()
                ))
        );
        el("div")
            .class("share-row")
            .child(
                el("input")
                    .class("fr-input")
                    .attr("type", "text")
                    .id("share-link")
                    .testid("share-link")
                    .attr("readonly", "")
                    .attr("aria-labelledby", "share-h")
                    .attr("aria-describedby", "share-hint")
                    .attr_owned("value", url.clone()),
            )
            .child(
                button(ctx, "copy-link", "fr-btn fr-btn--secondary", |u| {
                    u.copy_link
                })
                .on(ev::click, move |_| {
                    let url = url.clone();
                    leptos::task::spawn_local(async move {
                        let ok = browser::copy_text(url).await.is_ok();
                        let _ = copied.try_set(ok);
                    });
                }),
            )
            .into_view()
    };
    el("div")
        .class("field share")
        .child(
            el("p")
                .class("field-title")
                .id("share-h")
                .text_dyn(ctx.text(|u| u.share)),
        )
        .child(
            el("p")
                .class("fr-hint-text hint")
                .id("share-hint")
                .text_dyn(ctx.text(|u| u.share_hint)),
        )
        .child(
            button(ctx, "share-create", "fr-btn fr-btn--secondary", |u| {
                u.share_create
            })
            .attr("aria-describedby", "share-hint")
            .on(ev::click, move |_| {
                let _ = copied.try_set(false);
                // Made again when already there: the same answers, the same link.
                let _ = made.try_set(true);
            }),
        )
        .view_dyn(row)
        .child(
            el("p")
                .class("copy-status")
                .attr("role", "status")
                .text_dyn(move || {
                    if copied.get() && made.get() {
                        "✓"
                    } else {
                        ""
                    }
                }),
        )
}

/// "Se souvenir sur cet appareil" (off by default; unavailable once the session is over).
fn remember_field(ctx: Ctx) -> El {
    el("div")
        .class("fr-toggle field switch-field")
        .child(
            el("input")
                .class("fr-toggle__input")
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
                .class("fr-toggle__label")
                .attr("for", "remember")
                .text_dyn(ctx.text(|u| u.remember)),
        )
        .child(
            el("p")
                .class("fr-hint-text hint")
                .id("remember-hint")
                .text_dyn(move || {
                    if ctx.session_over() {
                        ctx.ui().remember_closed
                    } else {
                        ctx.ui().remember_hint
                    }
                }),
        )
}

//! Top of the page: one-off notices, the past/future session notice, the phase banner with
//! its countdown in words, the verdict, and what can still be done when it is too late.

use chrono::{DateTime, Utc};
use leptos::prelude::*;

use super::dom::{dyn_view, el, ev, nothing};
use super::{use_ctx, Ctx};
use crate::core::{Phase, Verdict};
use crate::headline;
use crate::labels;
use crate::ui_text::fill;

pub fn notice_bar() -> AnyView {
    let ctx = use_ctx();
    dyn_view(move || {
        let Some(n) = ctx.notice.get() else {
            return nothing();
        };
        let u = ctx.ui();
        let cls = match n {
            super::Notice::BadLink | super::Notice::BadStorage => {
                "fr-alert fr-alert--warning fr-alert--sm notice"
            }
            _ => "fr-alert fr-alert--info fr-alert--sm notice",
        };
        el("div")
            .class(cls)
            .attr("role", "status")
            .testid("notice")
            .attr("data-notice", n.id())
            .child(el("p").text(n.text(u)))
            .child(
                el("button")
                    .attr("type", "button")
                    .class("fr-btn fr-btn--tertiary-no-outline fr-btn--sm")
                    .on(ev::click, move |_| {
                        let _ = ctx.notice.try_set(None);
                    })
                    .text(u.dismiss),
            )
            .into_view()
    })
}

/// A session that is over (or not yet open) by the real clock says so plainly. One that is
/// over points first to the académie's site (where the current session is), then offers to
/// explore it at a date of its own.
pub fn session_notice() -> AnyView {
    let ctx = use_ctx();
    let s = ctx.session;
    // An instant inside the session's windows: the middle of the pre-registration.
    let explore_at: DateTime<Utc> = {
        let a = s.registration_opens.with_timezone(&Utc);
        let b = s.registration_closes.with_timezone(&Utc);
        let mid = (a + (b - a) / 2).with_timezone(&s.time_zone);
        // At noon that day (session zone), a plain instant to read.
        mid.date_naive()
            .and_hms_opt(12, 0, 0)
            .and_then(|n| chrono::TimeZone::from_local_datetime(&s.time_zone, &n).earliest())
            .map(|t| t.with_timezone(&Utc))
            .unwrap_or(mid.with_timezone(&Utc))
    };
    dyn_view(move || {
        let phase = ctx.real_phase.get();
        let l = ctx.lang();
        let u = ctx.ui();
        let text = match phase {
            Phase::Closed => fill(
                u.past_session,
                &[
                    ("year", &s.session_year.to_string()),
                    ("date", &labels::date(l, &s.return_closes)),
                ],
            ),
            Phase::BeforeOpening => fill(
                u.future_session,
                &[
                    ("year", &s.session_year.to_string()),
                    ("date", &labels::date(l, &s.registration_opens)),
                ],
            ),
            _ => return nothing(),
        };
        let label = fill(
            u.explore,
            &[(
                "date",
                &labels::date(l, &explore_at.with_timezone(&s.time_zone)),
            )],
        );
        let mut notice = el("section")
            .class("fr-alert fr-alert--warning session-notice")
            .testid("session-notice")
            .attr("data-real-phase", phase.as_str())
            .attr("aria-labelledby", "session-notice-text")
            .child(
                el("p")
                    .id("session-notice-text")
                    .child(el("strong").text_owned(text)),
            );
        if phase == Phase::Closed {
            notice = notice.child(
                el("p").child(
                    el("a")
                        .class("fr-btn")
                        .testid("academie-link")
                        .attr_owned("href", s.links.academie.clone())
                        .text_owned(fill(u.past_current, &[("academie", &s.academie_name)])),
                ),
            );
        }
        notice
            .child(
                el("button")
                    .attr("type", "button")
                    .class("fr-btn fr-btn--secondary")
                    .testid("explore-session")
                    .on(ev::click, move |_| {
                        let _ = ctx.simulated.try_set(Some(explore_at));
                    })
                    .text_owned(label),
            )
            .into_view()
    })
}

pub fn phase_banner() -> AnyView {
    let ctx = use_ctx();
    el("p")
        .class("phase-banner")
        .id("phase")
        .testid("phase-banner")
        .attr_dyn("data-phase", move || ctx.eval.with(|e| e.phase.as_str()))
        .text_fmt(move || phase_text(ctx))
        .into_view()
}

/// The phase in words, with the time left to its next deadline.
/// The session's phase in words (`crate::headline::phase_sentence`).
fn phase_text(ctx: Ctx) -> String {
    ctx.eval
        .with(|e| headline::phase_sentence(ctx.session, e, ctx.lang(), ctx.at()))
}

/// The verdict and how changes can still be made, as `crate::headline` words them (one pure
/// function of the evaluation, so the verdict, the changes line and the next step never
/// disagree). Closures, not memos: a memo of a new type brings its own copy of Leptos's
/// reactive code (ADR 0008), and an unchanged text is not written again, so the polite live
/// region speaks once per change, not on every keystroke.
pub fn verdict_box() -> AnyView {
    let ctx = use_ctx();
    let verdict = move || ctx.eval.with(|e| e.verdict);
    el("section")
        .class("fr-alert verdict")
        .id("verdict")
        .testid("verdict")
        .attr("aria-live", "polite")
        .attr("aria-atomic", "true")
        .attr_dyn("data-verdict", move || verdict().as_str())
        .toggle("fr-alert--success", move || {
            matches!(verdict(), Verdict::OnTrack | Verdict::Complete)
        })
        .toggle("fr-alert--error", move || {
            matches!(verdict(), Verdict::TooLate | Verdict::NotEligible)
        })
        .toggle("fr-alert--warning", move || {
            verdict() == Verdict::NotOpenYet
        })
        .child(el("h2").text_dyn(ctx.text(|u| u.verdict_heading)))
        .child(el("p").class("verdict-text").text_dyn(move || {
            ctx.eval
                .with(|e| headline::verdict_sentence(ctx.session, e, ctx.lang()))
        }))
        .child(
            el("p")
                .class("changes")
                .testid("changes")
                .attr_dyn("data-changes", move || {
                    ctx.eval.with(|e| e.changes.as_str())
                })
                .text_dyn(move || {
                    ctx.eval
                        .with(|e| headline::changes_sentence(e, ctx.lang()))
                        .unwrap_or(ctx.ui().changes_none)
                }),
        )
        .into_view()
}

/// The headline under the phase banner: the contract's `next`, its due date and countdown,
/// and where to do it; or why nothing is left (complete, too late).
pub fn next_step() -> AnyView {
    let ctx = use_ctx();
    let top = move || {
        ctx.eval
            .with(|e| headline::top_of_page(ctx.session, e, ctx.lang(), ctx.at()))
    };
    el("div")
        .class("fr-callout next-step")
        .id("next-step")
        .testid("next-step")
        .attr_dyn("data-next", move || {
            ctx.eval.with(|e| e.next.map_or("", |id| id.as_str()))
        })
        .attr_dyn("data-tone", move || top().tone.as_str())
        .child(
            el("p")
                .class("next-step-text")
                .text_fmt(move || top().headline)
                // The action follows the sentence, as a link: a button on its own line
                // pushed the first question below a phone's first screen.
                .view_dyn(move || match top().action {
                    Some(a) => el("a")
                        .class("next-step-action")
                        .attr_owned("href", a.href)
                        .text(a.label)
                        .into_view(),
                    None => nothing(),
                }),
        )
        .into_view()
}

/// When it is too late: only what the notice or the session file says. The links are named
/// (the académie by its name); print adds their addresses.
pub fn still_possible() -> AnyView {
    let ctx = use_ctx();
    let session = ctx.session;
    let links = &session.links;
    dyn_view(move || {
        if ctx.eval.with(|e| e.verdict) != Verdict::TooLate {
            return nothing();
        }
        let u = ctx.ui();
        let line = |text: &'static str, name: String, href: &String| {
            el("li")
                .text(text)
                .text(" ")
                .child(el("a").attr_owned("href", href.clone()).text_owned(name))
        };
        el("section")
            .class("still-possible")
            .testid("still-possible")
            .attr("aria-labelledby", "still-h")
            .child(el("h2").id("still-h").text(u.still_possible))
            .child(
                el("ul")
                    .child(line(
                        u.still_possible_next,
                        session.academie_name.clone(),
                        &links.academie,
                    ))
                    .child(line(
                        u.still_possible_read,
                        u.link_eduscol.to_string(),
                        &links.eduscol,
                    )),
            )
            .into_view()
    })
}

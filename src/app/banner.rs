//! Top of the page: one-off notices, the past/future session notice, the phase banner with
//! its countdown in words, the verdict, and what can still be done when it is too late.

use chrono::{DateTime, Utc};
use leptos::prelude::*;

use super::dom::{dyn_view, el, ev, nothing};
use super::{use_ctx, Ctx};
use crate::core::{Changes, Phase, Verdict};
use crate::labels;
use crate::ui_text::{countdown, fill};

pub fn notice_bar() -> AnyView {
    let ctx = use_ctx();
    dyn_view(move || {
        let Some(n) = ctx.notice.get() else {
            return nothing();
        };
        let u = ctx.ui();
        let cls = match n {
            super::Notice::BadLink | super::Notice::BadStorage => "notice notice-warning",
            _ => "notice notice-info",
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
                    .class("btn-link")
                    .on(ev::click, move |_| {
                        let _ = ctx.notice.try_set(None);
                    })
                    .text(u.dismiss),
            )
            .into_view()
    })
}

/// A session that is over (or not yet open) by the real clock says so plainly.
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
        el("div")
            .class("session-notice")
            .testid("session-notice")
            .attr("data-real-phase", phase.as_str())
            .child(el("p").child(el("strong").text_owned(text)))
            .child(
                el("button")
                    .attr("type", "button")
                    .class("btn btn-secondary")
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
fn phase_text(ctx: Ctx) -> String {
    let s = ctx.session;
    let e = ctx.eval.get();
    let l = ctx.lang();
    let u = ctx.ui();
    let at = ctx.at.get();
    match e.phase {
        Phase::BeforeOpening => fill(
            u.left_opening,
            &[
                (
                    "left",
                    &countdown(l, at, s.registration_opens.with_timezone(&Utc)),
                ),
                ("date", &labels::date_time(l, &s.registration_opens)),
            ],
        ),
        Phase::RegistrationOpen => fill(
            u.left_register,
            &[
                (
                    "left",
                    &countdown(l, at, s.registration_closes.with_timezone(&Utc)),
                ),
                ("date", &labels::date_time(l, &s.registration_closes)),
            ],
        ),
        Phase::ReturnOnly => {
            let closed = fill(
                u.closed_reg,
                &[("date", &labels::date(l, &s.registration_closes))],
            );
            if e.verdict == Verdict::TooLate {
                format!("{} {}", closed, u.verdict_too_late)
            } else {
                let left = match s.return_mode {
                    crate::core::session::ReturnMode::Post { .. } => u.left_return,
                    crate::core::session::ReturnMode::Upload => u.left_return_upload,
                };
                format!(
                    "{} {}",
                    closed,
                    fill(
                        left,
                        &[
                            (
                                "left",
                                &countdown(l, at, s.return_closes.with_timezone(&Utc))
                            ),
                            ("date", &labels::date_time(l, &s.return_closes)),
                        ]
                    )
                )
            }
        }
        // Closed is not "too late" for a candidate whose file went in time: say which.
        Phase::Closed => {
            let closed = fill(
                u.closed_all,
                &[("date", &labels::date_time(l, &s.return_closes))],
            );
            let outcome = if e.verdict == Verdict::TooLate {
                u.verdict_too_late
            } else {
                u.closed_complete
            };
            format!("{closed} {outcome}")
        }
    }
}

pub fn verdict_box() -> AnyView {
    let ctx = use_ctx();
    let verdict = move || ctx.eval.with(|e| e.verdict);
    let changes = move || ctx.eval.with(|e| e.changes);
    el("section")
        .class("verdict")
        .id("verdict")
        .testid("verdict")
        .attr("aria-live", "polite")
        .attr("aria-atomic", "true")
        .attr_dyn("data-verdict", move || verdict().as_str())
        .toggle("verdict-ok", move || {
            matches!(verdict(), Verdict::OnTrack | Verdict::Complete)
        })
        .toggle("verdict-late", move || {
            matches!(verdict(), Verdict::TooLate | Verdict::NotEligible)
        })
        .toggle("verdict-wait", move || verdict() == Verdict::NotOpenYet)
        .child(el("h2").text_dyn(ctx.text(|u| u.verdict_heading)))
        .child(el("p").class("verdict-text").text_dyn(move || {
            let u = ctx.ui();
            match verdict() {
                Verdict::OnTrack => u.verdict_on_track,
                v @ (Verdict::Complete | Verdict::NotEligible) => {
                    crate::core::wording::verdict_label(v, ctx.lang())
                }
                Verdict::TooLate => u.verdict_too_late,
                Verdict::NotOpenYet => u.verdict_not_open,
            }
        }))
        .child(
            el("p")
                .class("changes")
                .testid("changes")
                .attr_dyn("data-changes", move || changes().as_str())
                .text_dyn(move || {
                    let u = ctx.ui();
                    match changes() {
                        Changes::Online => u.changes_online,
                        Changes::RedPen => u.changes_red_pen,
                        Changes::None => u.changes_none,
                    }
                }),
        )
        .into_view()
}

/// When it is too late: only what the notice or the session file says.
pub fn still_possible() -> AnyView {
    let ctx = use_ctx();
    let links = &ctx.session.links;
    dyn_view(move || {
        if ctx.eval.with(|e| e.verdict) != Verdict::TooLate {
            return nothing();
        }
        let u = ctx.ui();
        let line = |text: &'static str, href: &String| {
            el("li").text(text).text(" ").child(
                el("a")
                    .attr_owned("href", href.clone())
                    .text_owned(href.clone()),
            )
        };
        el("section")
            .class("still-possible")
            .testid("still-possible")
            .attr("aria-labelledby", "still-h")
            .child(el("h2").id("still-h").text(u.still_possible))
            .child(
                el("ul")
                    .child(line(u.still_possible_next, &links.academie))
                    .child(line(u.still_possible_read, &links.eduscol)),
            )
            .into_view()
    })
}

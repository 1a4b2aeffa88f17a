//! Top of the page: one-off notices, the past/future session notice, the phase banner with
//! its countdown in words, the verdict, and what can still be done when it is too late.

use chrono::{DateTime, Utc};
use leptos::prelude::*;

use super::use_ctx;
use crate::core::{Changes, Phase, Verdict};
use crate::labels;
use crate::ui_text::{countdown, fill};

pub fn phase_id(p: Phase) -> &'static str {
    match p {
        Phase::BeforeOpening => "before-opening",
        Phase::RegistrationOpen => "registration-open",
        Phase::ReturnOnly => "return-only",
        Phase::Closed => "closed",
    }
}

pub fn verdict_id(v: Verdict) -> &'static str {
    match v {
        Verdict::OnTrack => "on-track",
        Verdict::TooLate => "too-late",
        Verdict::NotOpenYet => "not-open-yet",
    }
}

#[component]
pub fn NoticeBar() -> impl IntoView {
    let ctx = use_ctx();
    move || {
        ctx.notice.get().map(|n| {
            let u = ctx.ui();
            let cls = match n {
                super::Notice::BadLink | super::Notice::BadStorage => "notice notice-warning",
                _ => "notice notice-info",
            };
            view! {
                <div class=cls role="status" data-testid="notice" data-notice=n.id()>
                    <p>{n.text(u)}</p>
                    <button type="button" class="btn-link" on:click=move |_| { let _ = ctx.notice.try_set(None); }>{u.dismiss}</button>
                </div>
            }
        })
    }
}

/// A session that is over (or not yet open) by the real clock says so plainly.
#[component]
pub fn SessionNotice() -> impl IntoView {
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
    move || {
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
            _ => return None,
        };
        let label = fill(
            u.explore,
            &[(
                "date",
                &labels::date(l, &explore_at.with_timezone(&s.time_zone)),
            )],
        );
        Some(view! {
            <div class="session-notice" data-testid="session-notice" data-real-phase=phase_id(phase)>
                <p><strong>{text}</strong></p>
                <button type="button" class="btn btn-secondary" data-testid="explore-session"
                    on:click=move |_| { let _ = ctx.simulated.try_set(Some(explore_at)); }>
                    {label}
                </button>
            </div>
        })
    }
}

#[component]
pub fn PhaseBanner() -> impl IntoView {
    let ctx = use_ctx();
    let s = ctx.session;
    let text = move || {
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
    };
    view! {
        <p class="phase-banner" id="phase" data-testid="phase-banner"
            data-phase=move || phase_id(ctx.eval.with(|e| e.phase))>
            {text}
        </p>
    }
}

#[component]
pub fn VerdictBox() -> impl IntoView {
    let ctx = use_ctx();
    let verdict = move || ctx.eval.with(|e| e.verdict);
    view! {
        <section class="verdict" id="verdict" data-testid="verdict" aria-live="polite" aria-atomic="true"
            data-verdict=move || verdict_id(verdict())
            class:verdict-ok=move || verdict() == Verdict::OnTrack
            class:verdict-late=move || verdict() == Verdict::TooLate
            class:verdict-wait=move || verdict() == Verdict::NotOpenYet>
            <h2>{ctx.text(|u| u.verdict_heading)}</h2>
            <p class="verdict-text">{move || {
                let u = ctx.ui();
                match verdict() {
                    Verdict::OnTrack => u.verdict_on_track,
                    Verdict::TooLate => u.verdict_too_late,
                    Verdict::NotOpenYet => u.verdict_not_open,
                }
            }}</p>
            <p class="changes" data-testid="changes" data-changes=move || match ctx.eval.with(|e| e.changes) {
                Changes::Online => "online", Changes::RedPen => "red-pen", Changes::None => "none" }>
                {move || {
                    let u = ctx.ui();
                    match ctx.eval.with(|e| e.changes) {
                        Changes::Online => u.changes_online,
                        Changes::RedPen => u.changes_red_pen,
                        Changes::None => u.changes_none,
                    }
                }}
            </p>
        </section>
    }
}

/// When it is too late: only what the notice or the session file says.
#[component]
pub fn StillPossible() -> impl IntoView {
    let ctx = use_ctx();
    let links = &ctx.session.links;
    move || {
        (ctx.eval.with(|e| e.verdict) == Verdict::TooLate).then(|| {
            let u = ctx.ui();
            view! {
                <section class="still-possible" data-testid="still-possible" aria-labelledby="still-h">
                    <h2 id="still-h">{u.still_possible}</h2>
                    <ul>
                        <li>{u.still_possible_next}" "<a href=links.academie.clone()>{links.academie.clone()}</a></li>
                        <li>{u.still_possible_read}" "<a href=links.eduscol.clone()>{links.eduscol.clone()}</a></li>
                    </ul>
                </section>
            }
        })
    }
}

//! Language switch, "Et si nous étions le…", and the tools: print, calendar, share link,
//! remember on this device, erase.

use chrono::Utc;
use leptos::prelude::*;

use super::{default_situation, use_ctx, Notice};
use crate::browser;
use crate::core::{Lang, Status};
use crate::ics;
use crate::labels;
use crate::local_time;
use crate::share;

#[component]
pub fn LangSwitch() -> impl IntoView {
    let ctx = use_ctx();
    view! {
        <button type="button" class="btn btn-secondary lang-switch no-print" data-testid="lang-switch"
            lang=move || match ctx.lang() { Lang::Fr => "en", Lang::En => "fr" }
            aria-label=move || ctx.ui().lang_switch_label
            on:click=move |_| {
                ctx.lang.try_update(|l| *l = match *l { Lang::Fr => Lang::En, Lang::En => Lang::Fr });
            }>
            {ctx.text(|u| u.lang_switch)}
        </button>
    }
}

#[component]
pub fn Simulate() -> impl IntoView {
    let ctx = use_ctx();
    let tz = ctx.session.time_zone;
    let active = move || ctx.simulated.with(|s| s.is_some());
    view! {
        <section class="simulate" class:simulate-active=active data-testid="simulate" aria-labelledby="simulate-label">
            <div class="field">
                <label id="simulate-label" for="simulate-at">{ctx.text(|u| u.simulate)}</label>
                <p class="hint" id="simulate-hint">{ctx.text(|u| u.simulate_hint)}</p>
                <input type="datetime-local" id="simulate-at" data-testid="simulate-at" aria-describedby="simulate-hint"
                    prop:value=move || ctx.simulated.get().map(|t| local_time::to_input(t, tz)).unwrap_or_default()
                    on:change=move |ev| {
                        let v = event_target_value(&ev);
                        let t = local_time::from_input(&v, tz).map(|t| t.with_timezone(&Utc));
                        let _ = ctx.simulated.try_set(t);
                    }/>
            </div>
            <Show when=active>
                <p class="simulate-flag" data-testid="simulate-flag" role="status">
                    <strong>{ctx.text(|u| u.simulate_active)}{ctx.text(|u| u.colon)}</strong>
                    {move || labels::date_time(ctx.lang(), &ctx.at.get().with_timezone(&tz))}
                    " "
                    <button type="button" class="btn btn-secondary btn-small" data-testid="simulate-reset"
                        on:click=move |_| { let _ = ctx.simulated.try_set(None); }>
                        {ctx.text(|u| u.simulate_reset)}
                    </button>
                </p>
            </Show>
        </section>
    }
}

/// The .ics of the candidate's own deadlines: the items still to do that have a due date.
pub fn calendar_text(ctx: &super::Ctx) -> String {
    let l = ctx.lang.get_untracked();
    let session = ctx.session;
    let events: Vec<ics::IcsEvent> = ctx.eval.with_untracked(|e| {
        ctx.situation.with_untracked(|s| {
            e.items
                .iter()
                .filter(|i| i.status == Status::Todo)
                .filter_map(|i| {
                    let due = i.due?;
                    Some(ics::IcsEvent {
                        key: i.id.as_str().to_string(),
                        summary: labels::item(l, session, i.id).to_string(),
                        description: format!(
                            "{}\n{}",
                            labels::why_item(l, session, s, Some(i), e.at),
                            labels::sources(l, i.id, i.rules)
                        ),
                        start: due.with_timezone(&Utc),
                        url: Some(session.links.cyclades.clone()),
                    })
                })
                .collect()
        })
    });
    ics::calendar(&session.id, browser::now(), &events)
}

#[component]
pub fn Tools() -> impl IntoView {
    let ctx = use_ctx();
    let session = ctx.session;
    // The share link always opens the standalone page (never the host page of a widget).
    let share_base = ctx.options.share_base.clone();
    let has_share = share_base.is_some();
    let share_url = move || {
        format!(
            "{}#{}",
            share_base.clone().unwrap_or_default(),
            ctx.situation.with(share::encode_fragment)
        )
    };
    let link_copied = RwSignal::new(false);
    view! {
        <section class="tools card no-print" aria-labelledby="tools-h" data-testid="tools">
            <h2 id="tools-h">{ctx.text(|u| u.tools)}</h2>
            <div class="tool-buttons">
                <button type="button" class="btn" data-testid="print" on:click=move |_| browser::print()>
                    {ctx.text(|u| u.print)}
                </button>
                <button type="button" class="btn" data-testid="ics"
                    on:click=move |_| {
                        let text = calendar_text(&ctx);
                        browser::download(&format!("candidat-{}.ics", session.id), "text/calendar;charset=utf-8", &text);
                    }>
                    {ctx.text(|u| u.ics)}
                </button>
            </div>

            {has_share.then(|| view! {
            <div class="field">
                <label for="share-link">{ctx.text(|u| u.share)}</label>
                <p class="hint" id="share-hint">{ctx.text(|u| u.share_hint)}</p>
                <div class="share-row">
                    <input type="text" id="share-link" data-testid="share-link" readonly aria-describedby="share-hint"
                        prop:value=share_url.clone()/>
                    <button type="button" class="btn btn-secondary" data-testid="copy-link"
                        on:click=move |_| {
                            let url = share_url();
                            leptos::task::spawn_local(async move {
                                let ok = browser::copy_text(url).await.is_ok();
                                let _ = link_copied.try_set(ok);
                            });
                        }>
                        {ctx.text(|u| u.copy_link)}
                    </button>
                </div>
                <p class="copy-status" role="status">{move || if link_copied.get() { "✓" } else { "" }}</p>
            </div>
            })}

            <div class="field switch-field">
                <input type="checkbox" role="switch" id="remember" data-testid="remember" aria-describedby="remember-hint"
                    prop:checked=move || ctx.remember.get() && !ctx.session_over()
                    prop:disabled=move || ctx.session_over()
                    on:change=move |ev| { let _ = ctx.remember.try_set(event_target_checked(&ev)); }/>
                <label for="remember">{ctx.text(|u| u.remember)}</label>
                <p class="hint" id="remember-hint">{move || if ctx.session_over() { ctx.ui().remember_closed } else { ctx.ui().remember_hint }}</p>
            </div>

            <button type="button" class="btn btn-danger" data-testid="erase"
                on:click=move |_| {
                    let _ = ctx.remember.try_set(false);
                    browser::storage_clear_ours();
                    let _ = ctx.situation.try_set(default_situation(session));
                    let _ = ctx.notice.try_set(Some(Notice::Erased));
                }>
                {ctx.text(|u| u.erase)}
            </button>
        </section>
    }
}

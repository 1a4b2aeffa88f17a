//! The session's deadlines in order, with "vous êtes ici" at the evaluated instant.

use leptos::prelude::*;

use super::use_ctx;
use crate::labels;

#[component]
pub fn Timeline() -> impl IntoView {
    let ctx = use_ctx();
    let tz = ctx.session.time_zone;
    let rows = move || {
        let l = ctx.lang();
        let u = ctx.ui();
        ctx.eval.with(|e| {
            let mut out = Vec::new();
            let mut placed = false;
            for d in &e.deadlines {
                if !placed && d.at > e.at {
                    placed = true;
                    out.push(here(u.you_are_here, labels::date_time(l, &e.at)).into_any());
                }
                let past = d.at <= e.at;
                out.push(view! {
                    <li class="tl-item" class:tl-past=past data-deadline=d.id.as_str()>
                        <span class="tl-date">{labels::date_time(l, &d.at.with_timezone(&tz))}</span>
                        <span class="tl-label">{labels::deadline(l, d.id)}</span>
                    </li>
                }.into_any());
            }
            if !placed {
                out.push(here(u.you_are_here, labels::date_time(l, &e.at)).into_any());
            }
            out
        })
    };
    view! {
        <section class="timeline card" aria-labelledby="timeline-h" data-testid="timeline">
            <h2 id="timeline-h">{ctx.text(|u| u.timeline)}</h2>
            <ol class="tl">{rows}</ol>
        </section>
    }
}

fn here(label: &'static str, when: String) -> impl IntoView {
    view! {
        <li class="tl-item tl-here" data-testid="you-are-here" aria-current="date">
            <span class="tl-date">{when}</span>
            <span class="tl-label"><strong>{label}</strong></span>
        </li>
    }
}

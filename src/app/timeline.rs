//! The session's deadlines in order, with "vous êtes ici" at the evaluated instant.

use leptos::prelude::*;

use super::dom::{el, El};
use super::use_ctx;
use crate::labels;

pub fn timeline() -> AnyView {
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
                    out.push(here(u.you_are_here, labels::date_time(l, &e.at)));
                }
                let past = d.at <= e.at;
                out.push(
                    el("li")
                        .class(if past { "tl-item tl-past" } else { "tl-item" })
                        .attr("data-deadline", d.id.as_str())
                        .child(
                            el("span")
                                .class("tl-date")
                                .text_owned(labels::date_time(l, &d.at.with_timezone(&tz))),
                        )
                        .child(el("span").class("tl-label").text(labels::deadline(l, d.id))),
                );
            }
            if !placed {
                out.push(here(u.you_are_here, labels::date_time(l, &e.at)));
            }
            out.into_iter()
                .map(El::into_view)
                .collect::<Vec<_>>()
                .into_any()
        })
    };
    el("section")
        .class("timeline card")
        .attr("aria-labelledby", "timeline-h")
        .testid("timeline")
        .child(el("h2").id("timeline-h").text_dyn(ctx.text(|u| u.timeline)))
        .child(el("ol").class("tl").view_dyn(rows))
        .into_view()
}

fn here(label: &'static str, when: String) -> El {
    el("li")
        .class("tl-item tl-here")
        .testid("you-are-here")
        .attr("aria-current", "date")
        .child(el("span").class("tl-date").text_owned(when))
        .child(el("span").class("tl-label").child(el("strong").text(label)))
}

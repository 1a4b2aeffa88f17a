//! The questions, all on one page, each editable at any time. Every handler writes the one
//! `Situation` signal (with `try_update`: never a panic on input).

use leptos::prelude::*;

use super::use_ctx;
use crate::core::session::Diploma;
use crate::core::{Acquis, AcquisKind, ItemId, Situation};
use crate::labels;
use crate::local_time;

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
        s.done.sort();
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

#[component]
pub fn Questions() -> impl IntoView {
    let ctx = use_ctx();
    let sit = ctx.situation;
    let session = ctx.session;
    let tz = session.time_zone;

    let diploma_options = move || {
        let l = ctx.lang();
        session
            .diplomas
            .iter()
            .map(|d| {
                let d = *d;
                view! { <option value=d.as_str() selected=move || sit.with(|s| s.diploma == d)>{labels::diploma(l, d)}</option> }
            })
            .collect_view()
    };

    // Account radio group.
    let account = move || sit.with(account_of);
    let set_account = move |a: Account| {
        let at = ctx.at.get_untracked();
        sit.try_update(|s| match a {
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
    };
    let account_input = move || {
        sit.with(|s| {
            s.account_created_at
                .map(|t| local_time::to_input(t.to_utc(), tz))
                .unwrap_or_default()
        })
    };

    // Disability radio group.
    let disability = move || sit.with(disability_of);
    let set_disability = move |d: Disability| {
        sit.try_update(|s| {
            s.existing_accommodation = matches!(d, Disability::Existing | Disability::Both);
            s.new_accommodation_request = matches!(d, Disability::New | Disability::Both);
        });
    };

    // The file.
    let posted = move || sit.with(|s| s.posted_on.is_some() || s.done.contains(&ItemId::MailFile));
    let set_posted = move |on: bool| {
        let today = ctx.at.get_untracked().with_timezone(&tz).date_naive();
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
    };

    let radio = move |group: &'static str,
                      value: &'static str,
                      label: Signal<&'static str>,
                      checked: Signal<bool>,
                      on: Box<dyn Fn() + 'static>| {
        let id = format!("{group}-{value}");
        view! {
            <div class="radio">
                <input type="radio" id=id.clone() name=group value=value data-testid=id.clone()
                    prop:checked=move || checked.get()
                    on:change=move |_| on()/>
                <label for=id>{move || label.get()}</label>
            </div>
        }
    };

    let acc_radio =
        move |value: &'static str, a: Account, label: fn(&crate::ui_text::Ui) -> &'static str| {
            radio(
                "account",
                value,
                Signal::derive(move || label(ctx.ui())),
                Signal::derive(move || account() == a),
                Box::new(move || set_account(a)),
            )
        };
    let dis_radio = move |value: &'static str,
                          d: Disability,
                          label: fn(&crate::ui_text::Ui) -> &'static str| {
        radio(
            "disability",
            value,
            Signal::derive(move || label(ctx.ui())),
            Signal::derive(move || disability() == d),
            Box::new(move || set_disability(d)),
        )
    };
    let file_radio =
        move |value: &'static str, on: bool, label: fn(&crate::ui_text::Ui) -> &'static str| {
            radio(
                "file",
                value,
                Signal::derive(move || label(ctx.ui())),
                Signal::derive(move || posted() == on),
                Box::new(move || set_posted(on)),
            )
        };

    view! {
        <section class="questions card" aria-labelledby="questions-h" data-testid="questions">
            <h2 id="questions-h">{move || ctx.ui().questions}</h2>

            <div class="field">
                <label for="diploma">{move || ctx.ui().q_diploma}</label>
                <select id="diploma" data-testid="diploma"
                    on:change=move |ev| {
                        if let Some(d) = Diploma::parse(&event_target_value(&ev)) {
                            sit.try_update(|s| s.diploma = d);
                        }
                    }>
                    {diploma_options}
                </select>
            </div>

            <div class="field">
                <label for="title">{move || ctx.ui().q_title}</label>
                <p class="hint" id="title-hint">{move || ctx.ui().q_title_hint}</p>
                <input type="text" id="title" data-testid="title" autocomplete="off" aria-describedby="title-hint"
                    prop:value=move || sit.with(|s| s.title.clone().unwrap_or_default())
                    on:input=move |ev| {
                        let v = event_target_value(&ev);
                        sit.try_update(|s| s.title = if v.trim().is_empty() { None } else { Some(v) });
                    }/>
            </div>

            <fieldset class="field" data-testid="account-group">
                <legend>{move || ctx.ui().q_account}</legend>
                {acc_radio("none", Account::NotYet, |u| u.account_none)}
                {acc_radio("created", Account::Created, |u| u.account_created)}
                {move || (account() == Account::Created).then(|| view! {
                    <div class="sub-field">
                        <label for="account-created-at">{move || ctx.ui().account_created_at}</label>
                        <input type="datetime-local" id="account-created-at" data-testid="account-created-at"
                            prop:value=account_input
                            on:change=move |ev| {
                                let v = event_target_value(&ev);
                                let t = local_time::from_input(&v, tz).map(local_time::fixed);
                                sit.try_update(|s| {
                                    s.account_created_at = t;
                                    set_done(s, ItemId::CreateAccount, t.is_none());
                                });
                            }/>
                    </div>
                })}
                {acc_radio("activated", Account::Activated, |u| u.account_activated)}
            </fieldset>

            <fieldset class="field" data-testid="disability-group">
                <legend>{move || ctx.ui().q_disability}</legend>
                {dis_radio("no", Disability::No, |u| u.dis_no)}
                {dis_radio("existing", Disability::Existing, |u| u.dis_existing)}
                {dis_radio("new", Disability::New, |u| u.dis_new)}
                {dis_radio("both", Disability::Both, |u| u.dis_both)}
            </fieldset>

            <fieldset class="field" data-testid="acquis-group">
                <legend>{move || ctx.ui().q_acquis}</legend>
                <p class="hint">{move || ctx.ui().acquis_hint}</p>
                <Show when=move || sit.with(|s| s.acquis.is_empty())>
                    <p class="muted">{move || ctx.ui().acquis_none}</p>
                </Show>
                <ul class="acquis-rows">
                    <For each=move || 0..sit.with(|s| s.acquis.len()) key=|i| *i let:i>
                        <AcquisRow i=i/>
                    </For>
                </ul>
                <button type="button" class="btn btn-secondary" data-testid="acquis-add"
                    on:click=move |_| {
                        sit.try_update(|s| s.acquis.push(Acquis { epreuve: String::new(), kind: AcquisKind::Benefice }));
                    }>
                    "+ " {move || ctx.ui().acquis_add}
                </button>
            </fieldset>

            <fieldset class="field" data-testid="file-group">
                <legend>{move || ctx.ui().q_file}</legend>
                {file_radio("not-posted", false, |u| u.file_not_posted)}
                {file_radio("posted", true, |u| u.file_posted)}
                {move || posted().then(|| view! {
                    <div class="sub-field">
                        <label for="posted-on">{move || ctx.ui().file_posted_on}</label>
                        <input type="date" id="posted-on" data-testid="posted-on"
                            prop:value=move || sit.with(|s| s.posted_on.map(local_time::date_to_input).unwrap_or_default())
                            on:change=move |ev| {
                                let d = local_time::date_from_input(&event_target_value(&ev));
                                sit.try_update(|s| {
                                    s.posted_on = d;
                                    set_done(s, ItemId::MailFile, d.is_none());
                                });
                            }/>
                    </div>
                })}
            </fieldset>
        </section>
    }
}

#[component]
fn AcquisRow(i: usize) -> impl IntoView {
    let ctx = use_ctx();
    let sit = ctx.situation;
    let ep_id = format!("acquis-{i}-epreuve");
    let kind_id = format!("acquis-{i}-kind");
    let kind = move || sit.with(|s| s.acquis.get(i).map(|a| a.kind));
    view! {
        <li class="acquis-row" data-testid=format!("acquis-{i}")>
            <div class="acquis-field">
                <label for=ep_id.clone()>{move || ctx.ui().acquis_epreuve}</label>
                <input type="text" id=ep_id.clone() data-testid=ep_id.clone() autocomplete="off"
                    prop:value=move || sit.with(|s| s.acquis.get(i).map(|a| a.epreuve.clone()).unwrap_or_default())
                    on:input=move |ev| {
                        let v = event_target_value(&ev);
                        sit.try_update(|s| if let Some(a) = s.acquis.get_mut(i) { a.epreuve = v; });
                    }/>
            </div>
            <div class="acquis-field">
                <label for=kind_id.clone()>{move || ctx.ui().acquis_kind}</label>
                <select id=kind_id.clone() data-testid=kind_id.clone()
                    on:change=move |ev| {
                        let k = match event_target_value(&ev).as_str() {
                            "dispense" => AcquisKind::Dispense,
                            _ => AcquisKind::Benefice,
                        };
                        sit.try_update(|s| if let Some(a) = s.acquis.get_mut(i) { a.kind = k; });
                    }>
                    <option value="benefice" selected=move || kind() == Some(AcquisKind::Benefice)>{move || ctx.ui().acquis_benefice}</option>
                    <option value="dispense" selected=move || kind() == Some(AcquisKind::Dispense)>{move || ctx.ui().acquis_dispense}</option>
                </select>
            </div>
            <button type="button" class="btn btn-secondary btn-small" data-testid=format!("acquis-{i}-remove")
                on:click=move |_| { sit.try_update(|s| if i < s.acquis.len() { s.acquis.remove(i); }); }>
                {move || ctx.ui().acquis_remove}
                <span class="visually-hidden">{move || format!(" {}", i + 1)}</span>
            </button>
        </li>
    }
}

/// For print: the answers in words.
#[component]
pub fn Recap() -> impl IntoView {
    let ctx = use_ctx();
    let sit = ctx.situation;
    let tz = ctx.session.time_zone;
    move || {
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
        view! {
            <section class="recap print-only" aria-labelledby="recap-h">
                <h2 id="recap-h">{u.recap}</h2>
                <dl>
                    <dt>{u.q_diploma}</dt><dd>{labels::diploma(l, s.diploma)}</dd>
                    <dt>{u.q_title}</dt><dd>{s.title.clone().unwrap_or_else(|| "—".into())}</dd>
                    <dt>{u.q_account}</dt><dd>{account}</dd>
                    <dt>{u.q_disability}</dt><dd>{dis}</dd>
                    <dt>{u.q_acquis}</dt><dd>{acquis}</dd>
                    <dt>{u.q_file}</dt><dd>{file}</dd>
                </dl>
            </section>
        }
    }
}

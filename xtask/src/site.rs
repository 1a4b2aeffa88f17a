//! The static HTML of the standalone page (ADR 0012): the DSFR header and footer, and the
//! session at a glance that `dist/index.html` shows before the wasm runs, without it, and to
//! search engines. Rendered natively at build time from the rules core's own wording
//! (`candidat_core::wording::summary`, item labels, dates), in French and English: both are
//! in the page, and the stylesheet shows the one of `<html lang>` (which `early.js` sets from
//! `?lang=` before the first paint, and the app keeps in step with its language switch).
//!
//! Inside `#app`: the app replaces the whole summary when it mounts, so nothing the summary
//! shows (an address, a Cyclades link) is twice on the running page, and nothing above it
//! moves (the header and the title stay; what follows is below the first screen).

use candidat_core::session::ReturnMode;
use candidat_core::wording::summary;
use candidat_core::{Lang, Session};

use crate::public_pages::{ContactInfo, PublicPage, Publisher};

/// `&`, `<`, `>`, `"` and `'` escaped: every value from a session file goes through it.
pub fn esc(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            _ => out.push(c),
        }
    }
    out
}

fn t(lang: Lang, fr: &'static str, en: &'static str) -> &'static str {
    match lang {
        Lang::Fr => fr,
        Lang::En => en,
    }
}

/// The same inline text in both languages; the stylesheet hides the one not in `<html lang>`.
fn both(fr: &str, en: &str) -> String {
    format!(
        "<span class=\"l-fr\" lang=\"fr\">{fr}</span><span class=\"l-en\" lang=\"en\">{en}</span>"
    )
}

/// An external link: its own tab would lose nothing, but a candidate expects the notice's
/// sites to open where they are; `rel` keeps the referrer out (the page sends none anyway).
fn link(href: &str, text: &str) -> String {
    format!(
        "<a class=\"fr-link\" href=\"{}\" rel=\"noopener noreferrer\">{}</a>",
        esc(href),
        esc(text)
    )
}

/// The DSFR header: the "République française" block and the académie's name.
pub fn header(session: &Session) -> String {
    format!(
        r#"<header role="banner" class="fr-header">
  <div class="fr-header__body"><div class="fr-container"><div class="fr-header__body-row">
    <div class="fr-header__brand fr-enlarge-link">
      <div class="fr-header__brand-top"><div class="fr-header__logo"><p class="fr-logo">République<br>française</p></div></div>
      <div class="fr-header__service">
        <a href="./" title="{home}"><p class="fr-header__service-title" id="header-academie">{academie}</p></a>
        <p class="fr-header__service-tagline">{tagline}</p>
      </div>
    </div>
  </div></div></div>
</header>"#,
        home = esc(&format!("Accueil — {}", session.academie_name)),
        academie = esc(&session.academie_name),
        tagline = both(
            "Candidat individuel\u{a0}: s'inscrire à un examen professionnel",
            "Individual candidates: registering for a vocational exam"
        ),
    )
}

/// The public pages of the footer: (French file, English file, French text, English text).
pub const FOOTER_PAGES: [(&str, &str, &str, &str); 4] = [
    (
        "accessibilite.html",
        "accessibility.html",
        "Accessibilité\u{a0}: non conforme",
        "Accessibility: not compliant",
    ),
    (
        "mentions-legales.html",
        "legal-notice.html",
        "Mentions légales",
        "Legal notice",
    ),
    (
        "donnees-personnelles.html",
        "personal-data.html",
        "Données personnelles",
        "Personal data",
    ),
    (
        "contact.html",
        "contact-exam-office.html",
        "La notice et le contact",
        "The notice and contact",
    ),
];

/// The DSFR footer: the brand, the académie's site, and the pages a public site owes.
pub fn footer(session: &Session) -> String {
    let bottom: String = FOOTER_PAGES
        .iter()
        .map(|(fr_file, en_file, fr, en)| {
            format!(
                "<li class=\"fr-footer__bottom-item\"><a class=\"fr-footer__bottom-link l-fr\" lang=\"fr\" href=\"{fr_file}\">{fr}</a><a class=\"fr-footer__bottom-link l-en\" lang=\"en\" href=\"{en_file}\">{en}</a></li>"
            )
        })
        .collect();
    let host = session
        .links
        .academie
        .split("://")
        .nth(1)
        .unwrap_or(&session.links.academie)
        .trim_end_matches('/');
    format!(
        r#"<footer class="fr-footer" role="contentinfo" id="footer">
  <div class="fr-container">
    <div class="fr-footer__body">
      <div class="fr-footer__brand fr-enlarge-link"><a href="./" title="{home}"><p class="fr-logo">République<br>française</p></a></div>
      <div class="fr-footer__content">
        <p class="fr-footer__content-desc">{desc}</p>
        <ul class="fr-footer__content-list">
          <li class="fr-footer__content-item"><a class="fr-footer__content-link" href="{academie_url}" rel="noopener noreferrer">{host}</a></li>
          <li class="fr-footer__content-item"><a class="fr-footer__content-link" href="https://www.education.gouv.fr" rel="noopener noreferrer">education.gouv.fr</a></li>
          <li class="fr-footer__content-item"><a class="fr-footer__content-link" href="https://www.service-public.fr" rel="noopener noreferrer">service-public.fr</a></li>
        </ul>
      </div>
    </div>
    <div class="fr-footer__bottom">
      <ul class="fr-footer__bottom-list">{bottom}</ul>
      <div class="fr-footer__bottom-copy"><p>{copy}</p></div>
    </div>
  </div>
</footer>"#,
        home = esc(&format!(
            "Accueil — {} — République française",
            session.academie_name
        )),
        desc = both(
            &format!(
                "Ce site résume la notice {} de l'{} pour la session {}. Il ne la remplace pas\u{a0}: en cas de doute, la notice et le service des examens font foi.",
                esc(&session.notice_reference),
                esc(&lower_first(&session.academie_name)),
                session.session_year
            ),
            &format!(
                "This site summarises the notice {} of the {} for the {} session. It does not replace it: when in doubt, the notice and the exam office prevail.",
                esc(&session.notice_reference),
                esc(&session.academie_name),
                session.session_year
            ),
        ),
        academie_url = esc(&session.links.academie),
        host = esc(host),
        copy = both(
            "Sauf mention contraire, les contenus de ce site sont sous licence etalab-2.0. Rien de ce que vous saisissez ne quitte votre navigateur.",
            "Unless stated otherwise, this site's content is under the etalab-2.0 licence. Nothing you enter leaves your browser."
        ),
    )
}

/// "Académie d'Aix-Marseille" → "académie d'Aix-Marseille" (inside a French sentence).
fn lower_first(s: &str) -> String {
    match s.strip_prefix('A') {
        Some(rest) => format!("a{rest}"),
        None => s.to_owned(),
    }
}

/// The session at a glance in one language: a `<section>` with the dates, the steps in order
/// with their reasons, the documents with their conditions, the address (or the upload
/// instructions) and the links.
pub fn summary(session: &Session, lang: Lang) -> String {
    let l = lang.as_str();
    let mut h = String::new();
    h += &format!(
        "<section class=\"static-summary l-{l}\" lang=\"{l}\" aria-labelledby=\"summary-{l}\" data-testid=\"summary-{l}\">\n"
    );
    h += &format!(
        "<h2 id=\"summary-{l}\">{} — {}, session {}</h2>\n",
        t(lang, "L'essentiel", "At a glance"),
        esc(&session.academie_name),
        session.session_year
    );
    h += &format!(
        "<div class=\"fr-callout glance\"><p class=\"fr-callout__text\">{}</p></div>\n",
        esc(&summary::glance(session, lang))
    );

    h += &format!(
        "<h3>{}</h3>\n<ul class=\"summary-dates\">",
        t(lang, "Les dates", "The dates")
    );
    for (label, when) in summary::dates(session, lang) {
        h += &format!(
            "<li><strong>{}</strong>{} {}</li>",
            esc(label),
            colon(lang),
            esc(&when)
        );
    }
    h += "</ul>\n";

    h += &format!(
        "<h3>{}</h3>\n<ol class=\"summary-steps\">",
        t(lang, "Les étapes, dans l'ordre", "The steps, in order")
    );
    for step in summary::steps(session, lang) {
        h += &format!("<li><p><strong>{}</strong>", esc(&step.label));
        if let Some(due) = &step.due {
            h += &format!(" — {}", esc(due));
        }
        h += "</p>";
        if let Some(c) = &step.condition {
            h += &format!("<p class=\"summary-condition\">{}.</p>", esc(c));
        }
        h += &format!("<p>{}", esc(&step.reason));
        if !step.section.is_empty() {
            h += &format!(
                " <span class=\"summary-source\">({} {})</span>",
                t(lang, "notice,", "notice,"),
                esc(&step.section)
            );
        }
        h += "</p></li>";
    }
    h += "</ol>\n";

    let upload = session.return_mode == ReturnMode::Upload;
    h += &format!(
        "<h3>{}</h3>\n<ul class=\"summary-documents\">",
        if upload {
            t(
                lang,
                "Les pièces à déposer dans Cyclades",
                "The documents to upload in Cyclades",
            )
        } else {
            t(
                lang,
                "Ce qui va dans l'enveloppe",
                "What goes in the envelope",
            )
        }
    );
    for (doc, condition) in summary::documents(session, lang) {
        let who = condition.unwrap_or_else(|| {
            t(lang, "Pour tous les candidats", "For every candidate").to_owned()
        });
        h += &format!(
            "<li><strong>{}</strong> — {}</li>",
            esc(&doc),
            esc(&lower_first_char(&who))
        );
    }
    h += "</ul>\n";

    match &session.return_mode {
        ReturnMode::Post { address } => {
            h += &format!(
                "<h3>{}</h3>\n<address class=\"summary-address\">",
                t(lang, "L'adresse d'envoi", "The postal address")
            );
            for line in address {
                let title = format!(
                    "<em>{}</em>",
                    t(lang, "intitulé de votre diplôme", "your diploma's title")
                );
                h += &format!("{}<br>", esc(line).replace("{diploma_title}", &title));
            }
            h += "</address>\n";
        }
        ReturnMode::Upload => {
            h += &format!(
                "<h3>{}</h3>\n<p>{}</p>\n",
                t(lang, "Le dépôt dans Cyclades", "Uploading in Cyclades"),
                t(
                    lang,
                    "Pas d'envoi postal\u{a0}: les pièces se déposent dans votre compte Cyclades.",
                    "Nothing goes by post: the documents are uploaded in your Cyclades account."
                )
            );
        }
    }
    if let Some(text) = &session.return_instructions {
        h += &format!("<p class=\"summary-instructions\">{}</p>\n", esc(text));
    }

    h += &format!(
        "<h3>{}</h3>\n<ul class=\"summary-links\">",
        t(lang, "Les liens", "The links")
    );
    let links = &session.links;
    let mut items = vec![
        (
            t(
                lang,
                "Cyclades, le portail des candidats",
                "Cyclades, the candidates' portal",
            ),
            links.cyclades.as_str(),
        ),
        (
            t(lang, "Le site de l'académie", "The académie's site"),
            links.academie.as_str(),
        ),
    ];
    if let Some(a) = &links.accommodation {
        items.push((
            t(
                lang,
                "Demander un aménagement d'épreuves",
                "Request exam accommodations",
            ),
            a.as_str(),
        ));
    }
    items.push((
        t(
            lang,
            "Les référentiels des diplômes sur Eduscol",
            "The diplomas' référentiels on Eduscol",
        ),
        links.eduscol.as_str(),
    ));
    if let Some(notice) = &links.notice {
        items.push((
            t(lang, "La notice de l'académie", "The académie's notice"),
            notice.as_str(),
        ));
    }
    for (text, href) in items {
        h += &format!("<li>{}</li>", link(href, text));
    }
    let contact_page = t(lang, "contact.html", "contact-exam-office.html");
    h += &format!(
        "<li><a class=\"fr-link\" href=\"{contact_page}\">{}</a></li>",
        t(
            lang,
            "Contacter le service des examens",
            "Contact the exam office"
        )
    );
    h += "</ul>\n</section>\n";
    h
}

fn colon(lang: Lang) -> &'static str {
    t(lang, "\u{a0}:", ":")
}

/// "Si vous…" → "si vous…", after a dash.
fn lower_first_char(s: &str) -> String {
    let mut c = s.chars();
    match c.next() {
        Some(first) => first.to_lowercase().chain(c).collect(),
        None => String::new(),
    }
}

/// index.html with its markers filled: `<!--candidat:header-->`, `<!--candidat:summary-->`,
/// `<!--candidat:footer-->`. A missing marker is an error (the template changed).
pub fn fill_index(template: &str, session: &Session) -> Result<String, String> {
    let summaries = format!(
        "{}{}",
        summary(session, Lang::Fr),
        summary(session, Lang::En)
    );
    let mut html = template.to_owned();
    for (marker, content) in [
        ("<!--candidat:header-->", header(session)),
        ("<!--candidat:summary-->", summaries),
        ("<!--candidat:footer-->", footer(session)),
    ] {
        if !html.contains(marker) {
            return Err(format!("index.html has no {marker}"));
        }
        html = html.replacen(marker, &content, 1);
    }
    Ok(html)
}

/// Every public page (xtask/src/public_pages.rs) as a whole document: (file, html). Assets are
/// named as in index.html (`www/style.css`), for the build to point them at the hashed files.
/// No script: these pages are text.
pub fn public_pages(session: &Session) -> Vec<(&'static str, String)> {
    let publisher = Publisher {
        academie_name: &session.academie_name,
        academie_url: &session.links.academie,
        notice_reference: &session.notice_reference,
        session_year: session.session_year,
        notice_url: session.links.notice.as_deref(),
        contact: session.contact.as_ref().map(|c| ContactInfo {
            email: c.email.as_deref(),
            phone: c.phone.as_deref(),
            url: c.url.as_deref(),
            hours: c.hours.as_deref(),
        }),
    };
    crate::public_pages::public_pages(&publisher)
        .into_iter()
        .map(|page| (page.file, public_page(session, &page)))
        .collect()
}

fn public_page(session: &Session, page: &PublicPage) -> String {
    let lang = page.lang;
    let l = lang.as_str();
    format!(
        r##"<!doctype html>
<html lang="{l}" data-fr-scheme="light">
<head>
  <meta charset="utf-8">
  <meta name="viewport" content="width=device-width, initial-scale=1">
  <meta http-equiv="Content-Security-Policy" content="default-src 'self'; style-src 'self'">
  <meta name="referrer" content="no-referrer">
  <title>{title} — {academie}</title>
  <link rel="icon" href="www/favicon.svg" type="image/svg+xml">
  <link rel="stylesheet" href="www/style.css">
</head>
<body>
  <div class="fr-skiplinks"><nav class="fr-container" aria-label="{skip_label}"><ul class="fr-skiplinks__list"><li><a class="fr-link" href="#main">{skip}</a></li><li><a class="fr-link" href="#footer">{foot}</a></li></ul></nav></div>
  {header}
  <main id="main" class="fr-container public-page" tabindex="-1">
    <p class="public-nav"><a class="fr-link" href="./">{back}</a> · <a class="fr-link" href="{other}" hreflang="{ol}" lang="{ol}">{other_name}</a></p>
    <h1>{title}</h1>
    {body}
  </main>
  {footer}
</body>
</html>
"##,
        title = esc(&page.title),
        academie = esc(&session.academie_name),
        skip_label = t(lang, "Accès rapide", "Skip links"),
        skip = t(lang, "Aller au contenu", "Skip to content"),
        foot = t(lang, "Pied de page", "Footer"),
        header = header(session),
        back = t(lang, "Retour à la page de l'outil", "Back to the tool"),
        other = page.other_lang_file,
        ol = match lang {
            Lang::Fr => "en",
            Lang::En => "fr",
        },
        other_name = t(lang, "English version", "Version française"),
        body = page.body,
        footer = footer(session),
    )
}

#[cfg(test)]
mod tests {
    use super::*;
    use candidat_core::default_session;

    #[test]
    fn the_summary_has_the_dates_the_address_cyclades_and_the_documents() {
        let s = default_session();
        let fr = summary(&s, Lang::Fr);
        for part in [
            "jeudi 17 novembre 2022 à 23:59",
            "vendredi 2 décembre 2022 à 23:59",
            "Place Lucien Paye",
            "https://cyclades.education.gouv.fr/cyccandidat/portal/login",
            "La notification d&#39;aménagement d&#39;épreuves",
            "si vous avez déjà un aménagement d&#39;épreuves",
        ] {
            assert!(fr.contains(part), "{part} missing");
        }
        assert!(!fr.contains("{diploma_title}"));
        assert!(summary(&s, Lang::En).contains("What goes in the envelope"));
    }

    /// A session file version 2 (Martinique CAP 2024): its declared pieces are among the
    /// documents and steps, each with its condition in words (issue 14).
    #[test]
    fn the_summary_names_the_declared_pieces_with_their_conditions() {
        let text = std::fs::read_to_string(crate::root().join("sessions/martinique-cap-2024.json"))
            .expect("the example session file");
        let s = Session::from_json(&text).expect("a valid session file");
        let fr = summary(&s, Lang::Fr);
        for part in [
            "Les pièces à déposer dans Cyclades",
            "certificat",
            "si vous répondez «\u{a0}oui\u{a0}» à «\u{a0}Avez-vous entre 16 et 24 ans\u{a0}?\u{a0}»",
        ] {
            assert!(fr.contains(part), "{part} missing from {fr}");
        }
        let en = summary(&s, Lang::En);
        assert!(en.contains("The documents to upload in Cyclades"), "{en}");
    }

    #[test]
    fn session_values_are_escaped() {
        let mut s = default_session();
        s.academie_name = "<script>x</script>".into();
        let html = format!("{}{}{}", header(&s), footer(&s), summary(&s, Lang::Fr));
        assert!(!html.contains("<script>"));
        assert!(html.contains("&lt;script&gt;"));
    }

    #[test]
    fn a_template_without_its_markers_is_refused() {
        let s = default_session();
        assert!(fill_index("<html></html>", &s).is_err());
        let ok = fill_index(
            "<!--candidat:header--><!--candidat:summary--><!--candidat:footer-->",
            &s,
        )
        .unwrap();
        assert!(ok.contains("fr-header") && ok.contains("fr-footer") && ok.contains("summary-en"));
    }
}

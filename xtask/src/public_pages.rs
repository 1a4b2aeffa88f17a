//! The pages a French public site owes its users, in French and English: the accessibility
//! statement (RGAA 4.1 form), personal data, the legal notice, and the notice with the exam
//! office's contact. Each is an HTML body (what goes inside `<main>`, after the `<h1>`); the
//! site template wraps it with the header, the footer and the links between pages.
//!
//! Every sentence here must be true of the product: what the tests check is what
//! `tests/e2e/*.mjs` checks, what is stored is what `src/browser.rs` and `src/app/mod.rs`
//! store (ADR 0004), what the calendar file holds is what `src/ics.rs` writes. What only the
//! publishing académie can say (its audit, its publisher, its host, its data protection
//! officer) is a visible placeholder, `<mark class="placeholder">[À compléter…]</mark>`.
//!
//! Every value that comes from the session file (`Publisher`) is HTML-escaped, and a web
//! address becomes a link only when it is `http://` or `https://`.

use candidat_core::wording::Lang;

// Text and attribute values: the site's one HTML escape (`& < > " '`).
use crate::site::esc;

/// One page of the site: its file in `dist/`, its language and its twin in the other language.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PublicPage {
    /// Output file name in `dist/`, e.g. `"accessibilite.html"`.
    pub file: &'static str,
    pub lang: Lang,
    /// The same page in the other language.
    pub other_lang_file: &'static str,
    /// `<title>` and `<h1>`.
    pub title: String,
    /// HTML inside `<main>`, after the `<h1>`: one `<section aria-labelledby>` per part.
    pub body: String,
}

/// What the site knows of its publisher, from the session file.
#[derive(Debug, Clone, Copy)]
pub struct Publisher<'a> {
    /// "Académie d'Aix-Marseille" (the session's `academie_name`, with its article).
    pub academie_name: &'a str,
    pub academie_url: &'a str,
    /// "DIEC 3.05".
    pub notice_reference: &'a str,
    pub session_year: i32,
    pub notice_url: Option<&'a str>,
    pub contact: Option<ContactInfo<'a>>,
}

/// The exam office's contact, every part optional.
#[derive(Debug, Clone, Copy, Default)]
pub struct ContactInfo<'a> {
    pub email: Option<&'a str>,
    pub phone: Option<&'a str>,
    pub url: Option<&'a str>,
    pub hours: Option<&'a str>,
}

impl ContactInfo<'_> {
    fn is_empty(&self) -> bool {
        [self.email, self.phone, self.url, self.hours]
            .iter()
            .all(|v| v.is_none_or(|s| s.trim().is_empty()))
    }
}

/// The four pages, each in French then English.
pub fn public_pages(p: &Publisher) -> Vec<PublicPage> {
    let mut pages = Vec::new();
    for lang in [Lang::Fr, Lang::En] {
        pages.push(accessibility(p, lang));
        pages.push(personal_data(p, lang));
        pages.push(legal_notice(p, lang));
        pages.push(contact(p, lang));
    }
    pages
}

// ── HTML helpers ──────────────────────────────────────────────────────────────────────────

/// A link to a web address from the session file: only `http(s)://` becomes a link (never a
/// `javascript:` one); anything else is shown as text.
fn web_link(url: &str, text: &str) -> String {
    let url = url.trim();
    if url.starts_with("https://") || url.starts_with("http://") {
        format!(r#"<a href="{}">{}</a>"#, esc(url), text)
    } else {
        text.to_string()
    }
}

/// A link whose address is written by this module (never from the session file).
fn fixed_link(href: &str, text: &str) -> String {
    format!(r#"<a href="{href}">{text}</a>"#)
}

/// What only the publishing académie can say, visibly marked.
fn placeholder(lang: Lang, what: &str) -> String {
    match lang {
        Lang::Fr => {
            format!("<mark class=\"placeholder\">[À compléter par l'académie\u{a0}: {what}]</mark>")
        }
        Lang::En => {
            format!("<mark class=\"placeholder\">[To be completed by the académie: {what}]</mark>")
        }
    }
}

/// One part of a page: a `<section>` named by its `<h2>`.
fn section(id: &str, heading: &str, inner: &str) -> String {
    format!(
        "<section aria-labelledby=\"{id}\">\n<h2 id=\"{id}\">{heading}</h2>\n{inner}\n</section>\n"
    )
}

fn ul(items: &[String]) -> String {
    let lis: String = items.iter().map(|i| format!("<li>{i}</li>\n")).collect();
    format!("<ul>\n{lis}</ul>")
}

/// `tel:` address: the digits and a leading `+`, nothing else.
fn tel_href(phone: &str) -> Option<String> {
    let mut out = String::new();
    for c in phone.trim().chars() {
        if c.is_ascii_digit() || (c == '+' && out.is_empty()) {
            out.push(c);
        }
    }
    out.chars()
        .any(|c| c.is_ascii_digit())
        .then(|| format!("tel:{out}"))
}

fn nonempty(v: Option<&str>) -> Option<&str> {
    v.map(str::trim).filter(|s| !s.is_empty())
}

/// "the Académie d'Aix-Marseille website" / "le site de l'Académie d'Aix-Marseille", as a link.
fn academie_site(p: &Publisher, lang: Lang) -> String {
    let name = esc(p.academie_name);
    let text = match lang {
        Lang::Fr => format!("le site de l'{name}"),
        Lang::En => format!("the {name} website"),
    };
    web_link(p.academie_url, &text)
}

/// The Défenseur des droits' published ways in (same for both languages' lists).
const DDD_FORM: &str = "https://formulaire.defenseurdesdroits.fr/";
const DDD_SITE: &str = "https://www.defenseurdesdroits.fr/";
const DDD_TEL: &str = "tel:+33969390000";

// ── 1. Accessibility statement ─────────────────────────────────────────────────────────────

fn accessibility(p: &Publisher, lang: Lang) -> PublicPage {
    let name = esc(p.academie_name);
    let ph = |what: &str| placeholder(lang, what);
    let (file, other, title, body) = match lang {
        Lang::Fr => {
            let intro = format!(
                "<p>L'{name} s'engage à rendre ses services en ligne accessibles, conformément à \
                 l'article 47 de la loi n°\u{a0}2005-102 du 11\u{a0}février 2005.</p>\n\
                 <p>Cette déclaration d'accessibilité s'applique à l'outil «\u{a0}S'inscrire en \
                 candidat individuel à un examen professionnel\u{a0}», publié à l'adresse {}.</p>\n",
                ph("adresse (URL) du site où l'outil est publié")
            );
            let state =
                section(
                    "a11y-etat",
                    "État de conformité",
                    &format!(
                    "<p>Cet outil est {} avec le référentiel général d'amélioration de \
                     l'accessibilité (RGAA), version 4.1.</p>\n\
                     <p>Seul un audit de conformité au RGAA permet de choisir cet état. Sans \
                     audit en cours de validité, l'outil est «\u{a0}non conforme\u{a0}». Les tests \
                     automatisés décrits plus bas ne remplacent pas un audit.</p>",
                    ph("«\u{a0}totalement conforme\u{a0}», «\u{a0}partiellement conforme\u{a0}» \
                        ou «\u{a0}non conforme\u{a0}», d'après un audit")
                ),
                );
            let results =
                section(
                    "a11y-resultats",
                    "Résultats des tests",
                    &format!(
                    "<p>Audit de conformité au RGAA 4.1\u{a0}: {}.</p>\n\
                     <h3>Les tests automatisés du projet</h3>\n\
                     <p>Le projet qui développe cet outil le teste automatiquement. La commande \
                     <code>cargo xtask test</code> construit le site, puis lance tous les tests. \
                     C'est la commande que lance l'intégration continue du projet. Si un seul \
                     test échoue, la commande échoue, et l'intégration continue aussi.</p>\n\
                     <p>Ces tests portent sur la page de la liste des démarches \
                     (<code>index.html</code>), avec et sans JavaScript, et sur les pages \
                     d'information du pied de page (axe-core). Ils vérifient\u{a0}:</p>\n{}",
                    ph("qui a réalisé l'audit, à quelle date, et le pourcentage de critères \
                        respectés"),
                    ul(&[
                        "aucune erreur détectée par axe-core (règles WCAG\u{a0}2.1, niveaux A \
                         et AA) dans chaque état important de la page\u{a0}: premier affichage, \
                         période d'inscription, liste complète avec aménagement d'épreuves et \
                         note conservée, inscription trop tardive, session passée, erreurs de \
                         saisie affichées, réponses gardées puis effacées, lien de partage créé, \
                         ouvert ou abîmé, version imprimée, page en anglais puis de nouveau en \
                         français, choix du fichier d'agenda\u{a0}; chaque état est vérifié sur \
                         un écran de téléphone (320, 375 ou 390\u{a0}px de large), la plupart \
                         aussi sur un écran d'ordinateur (1280\u{a0}px)\u{a0};"
                            .into(),
                        "l'usage au clavier seul\u{a0}: aller d'une commande à l'autre avec Tab \
                         et Maj+Tab, choisir le diplôme avec les flèches, cocher une étape avec \
                         Espace, ouvrir un «\u{a0}Pourquoi\u{a0}?\u{a0}» avec Entrée\u{a0}; le \
                         focus doit être visible sur ces commandes\u{a0}; quand on ajoute ou \
                         retire une épreuve au clavier, le focus va là où l'on continue\u{a0};"
                            .into(),
                        "les messages d'erreur des champs\u{a0}: affichés juste à côté du champ, \
                         et reliés à lui pour les lecteurs d'écran (<code>aria-describedby</code>, \
                         <code>aria-invalid</code>)\u{a0}; les cases des étapes sont décrites par \
                         leur état et leur date limite\u{a0};"
                            .into(),
                        "la langue de la page (<code>lang</code>) suit le choix entre français \
                         et anglais\u{a0};"
                            .into(),
                        "l'affichage sur 320\u{a0}px de large (critère WCAG\u{a0}1.4.10)\u{a0}: \
                         toute la page, toutes les parties ouvertes, sans défilement \
                         horizontal\u{a0};"
                            .into(),
                        "le zoom à 200\u{a0}% (critère WCAG\u{a0}1.4.4)\u{a0}: la mise en page \
                         d'un écran de 1280\u{a0}px agrandie à 200\u{a0}%, sans défilement \
                         horizontal."
                            .into(),
                    ])
                ),
                );
            let content = section(
                "a11y-contenus",
                "Contenus non accessibles",
                &format!(
                    "<h3>Non-conformités</h3>\n<p>{}</p>\n\
                     <h3>Dérogations pour charge disproportionnée</h3>\n<p>{}</p>\n\
                     <h3>Contenus non soumis à l'obligation d'accessibilité</h3>\n\
                     <p>Les documents et sites vers lesquels l'outil renvoie (la notice, \
                     Cyclades, les sites de l'académie et d'Éduscol) sont publiés par d'autres \
                     services. Ils ont leur propre déclaration d'accessibilité.</p>",
                    ph("les non-conformités relevées par l'audit"),
                    ph("les dérogations, s'il y en a, avec leur justification"),
                ),
            );
            let statement = section(
                "a11y-etablissement",
                "Établissement de cette déclaration d'accessibilité",
                &format!(
                    "<p>Cette déclaration a été établie le {}.</p>\n\
                     <h3>Technologies utilisées pour la réalisation de l'outil</h3>\n{}\n\
                     <h3>Environnement de test</h3>\n\
                     <p>Les tests automatisés utilisent le navigateur Chromium de Debian, sans \
                     fenêtre (mode «\u{a0}headless\u{a0}»), piloté par Playwright. Largeurs \
                     d'écran\u{a0}: 320, 375, 390 et 1280\u{a0}px\u{a0}; zoom à 200\u{a0}%.</p>\n\
                     <p>Le projet n'a pas testé l'outil avec un lecteur d'écran. Combinaisons \
                     de navigateurs et de technologies d'assistance utilisées pour l'audit\u{a0}: \
                     {}.</p>\n\
                     <h3>Outils pour évaluer l'accessibilité</h3>\n{}\n\
                     <h3>Pages du site ayant fait l'objet de la vérification de conformité</h3>\n\
                     <p>Tests automatisés\u{a0}: la page de la liste des démarches \
                     (<code>index.html</code>) et les pages du pied de page. Audit\u{a0}: {}.</p>",
                    ph("date de la déclaration"),
                    ul(&[
                        "HTML".into(),
                        "CSS".into(),
                        "JavaScript".into(),
                        "WebAssembly".into()
                    ]),
                    ph("navigateurs et technologies d'assistance de l'audit"),
                    ul(&[
                        "axe-core, lancé par Playwright (<code>@axe-core/playwright</code>)".into(),
                        "parcours au clavier seul, joués par Playwright".into(),
                        "mesures de largeur à 320\u{a0}px et à 200\u{a0}% de zoom, par Playwright"
                            .into(),
                        "tous lancés par la commande <code>cargo xtask test</code>, qui construit \
                         le site puis le teste"
                            .into(),
                    ]),
                    ph("pages vérifiées par l'audit"),
                ),
            );
            let feedback = section(
                "a11y-contact",
                "Retour d'information et contact",
                &format!(
                    "<p>Vous n'arrivez pas à accéder à un contenu ou à un service\u{a0}? \
                     Contactez le responsable de l'outil. Il vous orientera vers une solution \
                     accessible, ou vous donnera le contenu sous une autre forme.</p>\n{}\n\
                     <p>Pour une question sur votre inscription, voyez la page {}.</p>",
                    ul(&[format!(
                        "Contact\u{a0}: {}",
                        ph(
                            "adresse électronique ou formulaire, et nom du service ou de la \
                            personne responsable"
                        )
                    )]),
                    fixed_link("contact.html", "La notice et le contact"),
                ),
            );
            let appeal = section(
                "a11y-recours",
                "Voies de recours",
                &format!(
                    "<p>Utilisez ce recours dans ce cas\u{a0}: vous avez signalé au responsable \
                     de l'outil un défaut d'accessibilité qui vous empêche d'accéder à un \
                     contenu ou à un service, et vous n'avez pas obtenu de réponse \
                     satisfaisante.</p>\n<p>Vous pouvez\u{a0}:</p>\n{}",
                    ul(&[
                        format!(
                            "écrire un message au Défenseur des droits, par le {}\u{a0};",
                            fixed_link(DDD_FORM, "formulaire en ligne")
                        ),
                        format!(
                            "contacter le délégué du Défenseur des droits dans votre région \
                             (liste des délégués sur {})\u{a0};",
                            fixed_link(DDD_SITE, "le site du Défenseur des droits")
                        ),
                        format!(
                            "appeler le {}\u{a0};",
                            fixed_link(DDD_TEL, "09\u{a0}69\u{a0}39\u{a0}00\u{a0}00")
                        ),
                        "envoyer un courrier par la poste (gratuit, ne pas mettre de \
                         timbre)\u{a0}: Défenseur des droits, Libre réponse 71120, 75342 Paris \
                         CEDEX 07."
                            .into(),
                    ])
                ),
            );
            (
                "accessibilite.html",
                "accessibility.html",
                "Déclaration d'accessibilité",
                [intro, state, results, content, statement, feedback, appeal].concat(),
            )
        }
        Lang::En => {
            let intro = format!(
                "<p>The {name} is committed to making its online services accessible, under \
                 article 47 of French law no. 2005-102 of 11 February 2005.</p>\n\
                 <p>This accessibility statement applies to the tool “Registering as an \
                 individual candidate for a French vocational exam”, published at {}.</p>\n",
                ph("address (URL) of the site where the tool is published")
            );
            let state =
                section(
                    "a11y-status",
                    "Compliance status",
                    &format!(
                    "<p>This tool is {} with the French accessibility standard RGAA \
                     (référentiel général d'amélioration de l'accessibilité), version 4.1.</p>\n\
                     <p>Only an RGAA compliance audit can establish this status. Without a \
                     valid audit, the tool is “not compliant”. The automated tests described \
                     below do not replace an audit.</p>",
                    ph("“fully compliant”, “partially compliant” or “not compliant”, after an \
                        audit")
                ),
                );
            let results = section(
                "a11y-results",
                "Test results",
                &format!(
                    "<p>RGAA 4.1 compliance audit: {}.</p>\n\
                     <h3>The project's automated tests</h3>\n\
                     <p>The project that develops this tool tests it automatically. The command \
                     <code>cargo xtask test</code> builds the site, then runs every test. It is \
                     the command the project's continuous integration runs. If a single test \
                     fails, the command fails, and so does the continuous integration.</p>\n\
                     <p>These tests cover the checklist page (<code>index.html</code>), with and \
                     without JavaScript, and the footer's information pages (axe-core). They \
                     check:</p>\n{}",
                    ph("who carried out the audit, when, and the share of criteria met"),
                    ul(&[
                        "no error found by axe-core (WCAG 2.1 rules, levels A and AA) in every \
                         important state of the page: first display, registration period, full \
                         checklist with an exam accommodation and a kept mark, registering too \
                         late, a past session, input errors shown, answers kept then erased, \
                         share link made, opened or damaged, printed version, the page in \
                         English then back in French, the calendar file choice; each state is \
                         checked on a phone screen (320, 375 or 390 px wide), most also on a \
                         computer screen (1280 px wide);"
                            .into(),
                        "keyboard-only use: moving between controls with Tab and Shift+Tab, \
                         choosing the diploma with the arrow keys, ticking a step with Space, \
                         opening a “Why?” with Enter; the focus must be visible on these \
                         controls; when an exam is added or removed with the keyboard, the \
                         focus goes where one carries on;"
                            .into(),
                        "the fields' error messages: shown right next to the field, and tied to \
                         it for screen readers (<code>aria-describedby</code>, \
                         <code>aria-invalid</code>); the steps' tick boxes are described by \
                         their status and due date;"
                            .into(),
                        "the page's language (<code>lang</code>) follows the choice between \
                         French and English;"
                            .into(),
                        "display at 320 px wide (WCAG criterion 1.4.10): the whole page, every \
                         part open, with no horizontal scrolling;"
                            .into(),
                        "200% zoom (WCAG criterion 1.4.4): the layout of a 1280 px screen \
                         enlarged to 200%, with no horizontal scrolling."
                            .into(),
                    ])
                ),
            );
            let content = section(
                "a11y-content",
                "Non-accessible content",
                &format!(
                    "<h3>Non-compliance</h3>\n<p>{}</p>\n\
                     <h3>Exemptions for disproportionate burden</h3>\n<p>{}</p>\n\
                     <h3>Content not subject to the accessibility obligation</h3>\n\
                     <p>The documents and sites the tool links to (the notice, Cyclades, the \
                     académie's and Éduscol's sites) are published by other services. They have \
                     their own accessibility statements.</p>",
                    ph("the non-compliances found by the audit"),
                    ph("the exemptions, if any, with their justification"),
                ),
            );
            let statement = section(
                "a11y-statement",
                "Preparation of this accessibility statement",
                &format!(
                    "<p>This statement was made on {}.</p>\n\
                     <h3>Technologies used to build the tool</h3>\n{}\n\
                     <h3>Test environment</h3>\n\
                     <p>The automated tests use Debian's Chromium browser without a window \
                     (“headless” mode), driven by Playwright. Screen widths: 320, 375, 390 and \
                     1280 px; 200% zoom.</p>\n\
                     <p>The project has not tested the tool with a screen reader. Browsers and \
                     assistive technologies used for the audit: {}.</p>\n\
                     <h3>Tools used to evaluate accessibility</h3>\n{}\n\
                     <h3>Pages checked for compliance</h3>\n\
                     <p>Automated tests: the checklist page (<code>index.html</code>) and the \
                     footer's pages. Audit: {}.</p>",
                    ph("date of the statement"),
                    ul(&[
                        "HTML".into(),
                        "CSS".into(),
                        "JavaScript".into(),
                        "WebAssembly".into()
                    ]),
                    ph("browsers and assistive technologies of the audit"),
                    ul(&[
                        "axe-core, run by Playwright (<code>@axe-core/playwright</code>)".into(),
                        "keyboard-only journeys, played by Playwright".into(),
                        "width measurements at 320 px and at 200% zoom, by Playwright".into(),
                        "all run by the command <code>cargo xtask test</code>, which builds the \
                         site then tests it"
                            .into(),
                    ]),
                    ph("pages checked by the audit"),
                ),
            );
            let feedback = section(
                "a11y-feedback",
                "Feedback and contact",
                &format!(
                    "<p>If you cannot reach some content or a service, contact the person in \
                     charge of the tool. They will direct you to an accessible alternative, or \
                     give you the content in another form.</p>\n{}\n\
                     <p>For a question about your registration, see the page {}.</p>",
                    ul(&[format!(
                        "Contact: {}",
                        ph(
                            "email address or contact form, and the name of the service or \
                            person in charge"
                        )
                    )]),
                    fixed_link("contact-exam-office.html", "The notice and the exam office"),
                ),
            );
            let appeal = section(
                "a11y-appeal",
                "Remedies",
                &format!(
                    "<p>Use this remedy in this case: you reported an accessibility defect to \
                     the person in charge of the tool, it prevents you from reaching some \
                     content or a service, and you did not get a satisfactory answer.</p>\n\
                     <p>You can contact the Défenseur des droits (the French rights \
                     ombudsman):</p>\n{}",
                    ul(&[
                        format!(
                            "write a message through the {} (in French);",
                            fixed_link(DDD_FORM, "online form")
                        ),
                        format!(
                            "contact the Défenseur des droits' delegate in your region (list of \
                             delegates on {});",
                            fixed_link(DDD_SITE, "the Défenseur des droits' website")
                        ),
                        format!(
                            "call {} (from abroad: +33 9 69 39 00 00);",
                            fixed_link(DDD_TEL, "09 69 39 00 00")
                        ),
                        "send a letter by post (free of charge, no stamp needed): Défenseur des \
                         droits, Libre réponse 71120, 75342 Paris CEDEX 07, France."
                            .into(),
                    ])
                ),
            );
            (
                "accessibility.html",
                "accessibilite.html",
                "Accessibility statement",
                [intro, state, results, content, statement, feedback, appeal].concat(),
            )
        }
    };
    PublicPage {
        file,
        lang,
        other_lang_file: other,
        title: title.to_string(),
        body,
    }
}

// ── 2. Personal data ───────────────────────────────────────────────────────────────────────

fn personal_data(p: &Publisher, lang: Lang) -> PublicPage {
    let name = esc(p.academie_name);
    let ph = |what: &str| placeholder(lang, what);
    let (file, other, title, body) = match lang {
        Lang::Fr => {
            let intro = "<p>Cette page dit ce que devient ce que vous répondez dans la liste des \
                         démarches. En bref\u{a0}: rien n'est envoyé. Vos réponses restent dans \
                         votre navigateur.</p>\n"
                .to_string();
            let sent = section(
                "dp-envoi",
                "Ce qui est envoyé\u{a0}: rien",
                &ul(&[
                    "Aucun serveur ne reçoit vos réponses.".into(),
                    "La page ne dépose aucun cookie. Elle n'utilise aucun outil de mesure \
                     d'audience."
                        .into(),
                    "Elle ne demande au réseau que les fichiers du site lui-même\u{a0}: la \
                     page, ses programmes (JavaScript et WebAssembly), sa feuille de style et, \
                     s'il y a lieu, le fichier des dates de la session. Aucune police, aucun script, aucun service d'un autre site. Les \
                     tests du projet notent chaque requête de la page et échouent si l'une \
                     d'elles va vers un autre site."
                        .into(),
                    "Les liens (Cyclades, site de l'académie…) ne sont suivis que si vous \
                     cliquez dessus. Le site ouvert a alors ses propres règles."
                        .into(),
                ]),
            );
            let answers = section(
                "dp-reponses",
                "Vos réponses",
                "<p>Vos réponses servent seulement à afficher votre liste\u{a0}: diplôme et \
                     intitulé, compte Cyclades, handicap et aménagements d'épreuves, notes \
                     conservées et dispenses, envoi du dossier, étapes cochées.</p>\n\
                     <p>Certaines sont des données de santé\u{a0}: dire que vous avez un \
                     handicap, ou que vous demandez un aménagement d'épreuves.</p>\n\
                     <p>Par défaut, vos réponses restent seulement dans la mémoire du \
                     navigateur, le temps de votre visite. Si vous fermez ou rechargez la page, \
                     elles disparaissent.</p>",
            );
            let device = section(
                "dp-appareil",
                "«\u{a0}Se souvenir sur cet appareil\u{a0}»",
                &format!(
                    "<p>Ce réglage est désactivé par défaut. Si vous l'activez, vos réponses \
                     sont gardées dans le stockage local du navigateur \
                     (<code>localStorage</code>), sur cet appareil seulement. Trois clés sont \
                     écrites pour la session\u{a0}:</p>\n{}\n\
                     <p>Durée\u{a0}: jusqu'à la date limite de retour du dossier de la session. \
                     À la première visite après cette date, ces clés sont effacées. Après cette \
                     date, rien n'est plus gardé.</p>\n\
                     <p>Pour tout effacer avant\u{a0}:</p>\n{}\n\
                     <p>Toute personne qui utilise ce navigateur sur cet appareil peut voir ces \
                     réponses. Sur un appareil partagé, n'activez pas ce réglage.</p>",
                    ul(&[
                        "<code>candidat:&lt;session&gt;:situation</code>\u{a0}: vos réponses et \
                         les étapes cochées\u{a0};"
                            .into(),
                        "<code>candidat:&lt;session&gt;:until</code>\u{a0}: la date limite de \
                         retour du dossier, jusqu'à laquelle elles sont gardées\u{a0};"
                            .into(),
                        "<code>candidat:&lt;session&gt;:lang</code>\u{a0}: la langue de la page."
                            .into(),
                    ]),
                    ul(&[
                        "désactivez «\u{a0}Se souvenir sur cet appareil\u{a0}»\u{a0}: les clés \
                         de cette session sont effacées\u{a0};"
                            .into(),
                        "ou utilisez le bouton «\u{a0}Effacer mes réponses\u{a0}»\u{a0}: il \
                         efface toutes les clés qui commencent par <code>candidat:</code>, les \
                         réponses affichées et le lien de partage dans la barre d'adresse."
                            .into(),
                    ]),
                ),
            );
            let link = section(
                "dp-lien",
                "Le lien de partage",
                &ul(&[
                    "Le bouton «\u{a0}Créer un lien de partage\u{a0}» fabrique un lien qui \
                     contient vos réponses et la langue de la page. Elles sont écrites après le \
                     signe <code>#</code> de l'adresse. Elles y sont codées, pas chiffrées."
                        .into(),
                    "Les navigateurs n'envoient pas cette partie de l'adresse aux serveurs\u{a0}: \
                     vos réponses n'arrivent pas dans les journaux d'un serveur."
                        .into(),
                    "Mais toute personne qui a le lien peut lire vos réponses, y compris sur le \
                     handicap. Ne le donnez qu'à des personnes de confiance. Si vous l'envoyez \
                     par courriel ou par messagerie, ce service le transporte aussi."
                        .into(),
                    "Quand on ouvre le lien, la page lit les réponses, puis retire cette partie \
                     de la barre d'adresse. Elle n'écrit rien sur l'appareil, sauf si «\u{a0}Se \
                     souvenir sur cet appareil\u{a0}» y est activé."
                        .into(),
                ]),
            );
            let calendar = section(
                "dp-agenda",
                "Le fichier d'agenda (.ics)",
                &ul(&[
                    "«\u{a0}Ajouter à mon agenda\u{a0}» télécharge un fichier fabriqué dans \
                     votre navigateur. Rien n'est envoyé."
                        .into(),
                    "Il contient un événement par date limite à venir\u{a0}: la date, les \
                     démarches qui restent à faire avant elle, le lien vers Cyclades, et deux \
                     rappels à 9\u{a0}h, trois jours avant et la veille."
                        .into(),
                    "Les démarches liées au handicap et aux aménagements y sont écrites \
                     «\u{a0}Une démarche personnelle\u{a0}». Leur nom n'y figure que si vous \
                     cochez «\u{a0}Écrire le nom des démarches d'aménagement dans le \
                     fichier\u{a0}»."
                        .into(),
                    "Une fois importé, le fichier est dans votre agenda. Un agenda peut être \
                     synchronisé en ligne."
                        .into(),
                ]),
            );
            let server =
                section(
                    "dp-serveur",
                    "Le serveur qui publie cette page",
                    &format!(
                    "<p>Cette page est publiée par l'{name}. Comme tout serveur web, le sien \
                     peut noter chaque chargement de page\u{a0}: adresse IP, date, fichier \
                     demandé, navigateur. Ces journaux relèvent de l'académie. Ils ne \
                     contiennent pas vos réponses\u{a0}: elles ne quittent pas votre \
                     navigateur, et l'adresse envoyée au serveur ne les contient jamais.</p>\n\
                     <p>Journaux du serveur, durée de conservation et délégué à la protection \
                     des données\u{a0}: {}.</p>",
                    ph("ce que le serveur garde, combien de temps, et le contact du délégué à \
                        la protection des données (DPO) de l'académie")
                ),
                );
            let rights = section(
                "dp-droits",
                "Vos droits",
                &format!(
                    "<p>Le règlement général sur la protection des données (RGPD) vous donne \
                     des droits sur vos données\u{a0}: accès, rectification, effacement, \
                     opposition.</p>\n\
                     <p>Vos réponses ne sont que sur votre appareil\u{a0}: vous les effacez \
                     vous-même avec «\u{a0}Effacer mes réponses\u{a0}».</p>\n\
                     <p>Pour les journaux du serveur, écrivez au délégué à la protection des \
                     données de l'académie (voir plus haut).</p>\n\
                     <p>Si vous pensez que vos droits ne sont pas respectés, vous pouvez \
                     adresser une réclamation à la CNIL\u{a0}: {}.</p>",
                    fixed_link("https://www.cnil.fr/", "www.cnil.fr")
                ),
            );
            (
                "donnees-personnelles.html",
                "personal-data.html",
                "Données personnelles",
                [intro, sent, answers, device, link, calendar, server, rights].concat(),
            )
        }
        Lang::En => {
            let intro = "<p>This page says what happens to your answers in the checklist. In \
                         short: nothing is sent. Your answers stay in your browser.</p>\n"
                .to_string();
            let sent = section(
                "pd-sent",
                "What is sent: nothing",
                &ul(&[
                    "No server receives your answers.".into(),
                    "The page sets no cookie. It uses no audience measurement tool.".into(),
                    "It asks the network only for the site's own files: the page, its programs \
                     (JavaScript and WebAssembly), its stylesheet and, where needed, the file \
                     of the session's dates. No font, script or \
                     service from another site. The project's tests record every request of \
                     the page and fail if one goes to another site."
                        .into(),
                    "Links (Cyclades, the académie's site…) are followed only if you click \
                     them. The site you open then has its own rules."
                        .into(),
                ]),
            );
            let answers = section(
                "pd-answers",
                "Your answers",
                "<p>Your answers only serve to show your checklist: diploma and its title, \
                 Cyclades account, disability and exam accommodations, kept marks and \
                 exemptions, sending of the file, ticked steps.</p>\n\
                 <p>Some are health data: saying you have a disability, or that you ask for an \
                 exam accommodation.</p>\n\
                 <p>By default, your answers stay only in the browser's memory, for your visit. \
                 If you close or reload the page, they are gone.</p>",
            );
            let device = section(
                "pd-device",
                "“Remember on this device”",
                &format!(
                    "<p>This setting is off by default. If you turn it on, your answers are \
                     kept in the browser's local storage (<code>localStorage</code>), on this \
                     device only. Three keys are written for the session:</p>\n{}\n\
                     <p>How long: until the session's deadline for returning the file. On the \
                     first visit after that date, these keys are erased. After that date, \
                     nothing is kept any more.</p>\n\
                     <p>To erase everything sooner:</p>\n{}\n\
                     <p>Anyone who uses this browser on this device can see these answers. On a \
                     shared device, do not turn this setting on.</p>",
                    ul(&[
                        "<code>candidat:&lt;session&gt;:situation</code>: your answers and the \
                         ticked steps;"
                            .into(),
                        "<code>candidat:&lt;session&gt;:until</code>: the return deadline, \
                         until which they are kept;"
                            .into(),
                        "<code>candidat:&lt;session&gt;:lang</code>: the page's language.".into(),
                    ]),
                    ul(&[
                        "turn “Remember on this device” off: this session's keys are erased;"
                            .into(),
                        "or use the “Erase my answers” button: it erases every key starting \
                         with <code>candidat:</code>, the answers on screen and the share link \
                         in the address bar."
                            .into(),
                    ]),
                ),
            );
            let link = section(
                "pd-link",
                "The share link",
                &ul(&[
                    "The “Create a share link” button makes a link that holds your answers and \
                     the page's language. They are written after the <code>#</code> sign of the \
                     address. They are encoded there, not encrypted."
                        .into(),
                    "Browsers do not send this part of the address to servers: your answers do \
                     not reach a server's logs."
                        .into(),
                    "But anyone who has the link can read your answers, disability included. \
                     Give it only to people you trust. If you send it by email or a messaging \
                     app, that service carries it too."
                        .into(),
                    "When the link is opened, the page reads the answers, then removes this \
                     part from the address bar. It writes nothing on the device, unless \
                     “Remember on this device” is on there."
                        .into(),
                ]),
            );
            let calendar = section(
                "pd-calendar",
                "The calendar file (.ics)",
                &ul(&[
                    "“Add to my calendar” downloads a file made in your browser. Nothing is \
                     sent."
                        .into(),
                    "It holds one event per deadline ahead: the date, the steps still to do \
                     before it, the link to Cyclades, and two reminders at 9 am, three days \
                     before and the day before."
                        .into(),
                    "The disability and accommodation steps read “A personal step” in it. \
                     Their names are written only if you tick “Write the accommodation steps \
                     by name in the file”."
                        .into(),
                    "Once imported, the file is in your calendar. A calendar may sync online."
                        .into(),
                ]),
            );
            let server =
                section(
                    "pd-server",
                    "The server that publishes this page",
                    &format!(
                    "<p>This page is published by the {name}. Like any web server, its server \
                     may record each page load: IP address, date, file asked for, browser. \
                     These logs are the académie's business. They do not hold your answers: \
                     your answers never leave your browser, and the address sent to the server \
                     never contains them.</p>\n\
                     <p>Server logs, how long they are kept, and data protection officer: \
                     {}.</p>",
                    ph("what the server keeps, for how long, and the contact of the académie's \
                        data protection officer (DPO)")
                ),
                );
            let rights = section(
                "pd-rights",
                "Your rights",
                &format!(
                    "<p>The General Data Protection Regulation (GDPR, in French RGPD) gives you \
                     rights over your data: access, correction, erasure, objection.</p>\n\
                     <p>Your answers are only on your device: you erase them yourself with \
                     “Erase my answers”.</p>\n\
                     <p>For the server logs, write to the académie's data protection officer \
                     (see above).</p>\n\
                     <p>If you think your rights are not respected, you can lodge a complaint \
                     with the CNIL, the French data protection authority: {}.</p>",
                    fixed_link("https://www.cnil.fr/", "www.cnil.fr")
                ),
            );
            (
                "personal-data.html",
                "donnees-personnelles.html",
                "Personal data",
                [intro, sent, answers, device, link, calendar, server, rights].concat(),
            )
        }
    };
    PublicPage {
        file,
        lang,
        other_lang_file: other,
        title: title.to_string(),
        body,
    }
}

// ── 3. Legal notice ────────────────────────────────────────────────────────────────────────

fn legal_notice(p: &Publisher, lang: Lang) -> PublicPage {
    let name = esc(p.academie_name);
    let reference = esc(p.notice_reference);
    let year = p.session_year;
    let site = web_link(p.academie_url, &esc(p.academie_url));
    let ph = |what: &str| placeholder(lang, what);
    let (file, other, title, body) = match lang {
        Lang::Fr => {
            let publisher = section(
                "ml-editeur",
                "Éditeur",
                &ul(&[
                    format!("Nom\u{a0}: {name}"),
                    format!("Site\u{a0}: {site}"),
                    format!("Adresse\u{a0}: {}", ph("adresse postale de l'éditeur")),
                    format!(
                        "Directeur ou directrice de la publication\u{a0}: {}",
                        ph("nom et fonction")
                    ),
                ]),
            );
            let host = section(
                "ml-hebergeur",
                "Hébergeur",
                &ul(&[
                    format!("Nom\u{a0}: {}", ph("nom de l'hébergeur")),
                    format!("Adresse\u{a0}: {}", ph("adresse de l'hébergeur")),
                    format!("Téléphone\u{a0}: {}", ph("téléphone de l'hébergeur")),
                ]),
            );
            let rules = section(
                "ml-regles",
                "D'où viennent les règles",
                &format!(
                    "<p>Les règles appliquées par cet outil viennent de la notice {reference} \
                     de l'{name}, pour la session {year}.</p>\n\
                     <p>Cet outil ne remplace pas la notice officielle. En cas de différence, \
                     c'est la notice qui compte. Voir la page {}.</p>",
                    fixed_link("contact.html", "La notice et le contact")
                ),
            );
            let licences = section(
                "ml-licences",
                "L'outil et ses licences",
                &ul(&[
                    "Le code de l'outil «\u{a0}candidat\u{a0}» est distribué sous licence MIT \
                     ou Apache\u{a0}2.0, au choix."
                        .into(),
                    "L'interface utilise le Système de design de l'État (DSFR, paquet \
                     <code>@gouvfr/dsfr</code>). Son code est sous Licence Ouverte \
                     (Etalab\u{a0}2.0)\u{a0}; son usage est encadré par ses modalités \
                     d'utilisation."
                        .into(),
                    "Les polices Marianne ont leurs propres conditions d'utilisation.".into(),
                ]),
            );
            (
                "mentions-legales.html",
                "legal-notice.html",
                "Mentions légales",
                [publisher, host, rules, licences].concat(),
            )
        }
        Lang::En => {
            let publisher = section(
                "ln-publisher",
                "Publisher",
                &ul(&[
                    format!("Name: {name}"),
                    format!("Website: {site}"),
                    format!("Address: {}", ph("the publisher's postal address")),
                    format!("Director of publication: {}", ph("name and position")),
                ]),
            );
            let host = section(
                "ln-host",
                "Host",
                &ul(&[
                    format!("Name: {}", ph("the host's name")),
                    format!("Address: {}", ph("the host's address")),
                    format!("Phone: {}", ph("the host's phone number")),
                ]),
            );
            let rules = section(
                "ln-rules",
                "Where the rules come from",
                &format!(
                    "<p>The rules this tool applies come from the notice {reference} of the \
                     {name}, for the {year} session.</p>\n\
                     <p>This tool does not replace the official notice. If they differ, the \
                     notice prevails. See the page {}.</p>",
                    fixed_link("contact-exam-office.html", "The notice and the exam office")
                ),
            );
            let licences = section(
                "ln-licences",
                "The tool and its licences",
                &ul(&[
                    "The code of the “candidat” tool is distributed under the MIT or Apache \
                     2.0 licence, at your choice."
                        .into(),
                    "The interface uses the French State's design system (DSFR, package \
                     <code>@gouvfr/dsfr</code>). Its code is under the Open Licence (Etalab \
                     2.0); its use is governed by its terms of use."
                        .into(),
                    "The Marianne fonts have their own terms of use.".into(),
                ]),
            );
            (
                "legal-notice.html",
                "mentions-legales.html",
                "Legal notice",
                [publisher, host, rules, licences].concat(),
            )
        }
    };
    PublicPage {
        file,
        lang,
        other_lang_file: other,
        title: title.to_string(),
        body,
    }
}

// ── 4. The notice and the exam office ──────────────────────────────────────────────────────

fn contact(p: &Publisher, lang: Lang) -> PublicPage {
    let name = esc(p.academie_name);
    let reference = esc(p.notice_reference);
    let year = p.session_year;
    let site = academie_site(p, lang);
    let notice_url = nonempty(p.notice_url);
    let contact = p.contact.filter(|c| !c.is_empty());

    let contact_lines = |c: &ContactInfo| -> Vec<String> {
        let (email, phone, page, hours) = match lang {
            Lang::Fr => (
                "Courriel\u{a0}: ",
                "Téléphone\u{a0}: ",
                "Page de contact\u{a0}: ",
                "Horaires\u{a0}: ",
            ),
            Lang::En => ("Email: ", "Phone: ", "Contact page: ", "Opening hours: "),
        };
        let mut lines = Vec::new();
        if let Some(e) = nonempty(c.email) {
            lines.push(format!(r#"{email}<a href="mailto:{0}">{0}</a>"#, esc(e)));
        }
        if let Some(t) = nonempty(c.phone) {
            let shown = esc(t);
            lines.push(match tel_href(t) {
                Some(href) => format!(r#"{phone}<a href="{href}">{shown}</a>"#),
                None => format!("{phone}{shown}"),
            });
        }
        if let Some(u) = nonempty(c.url) {
            lines.push(format!("{page}{}", web_link(u, &esc(u))));
        }
        if let Some(h) = nonempty(c.hours) {
            lines.push(format!("{hours}{}", esc(h)));
        }
        lines
    };

    let (file, other, title, body) = match lang {
        Lang::Fr => {
            let where_notice = match notice_url {
                Some(url) => format!(
                    "<p>{}.</p>",
                    web_link(url, &format!("Lire la notice {reference} (session {year})"))
                ),
                None => format!("<p>La notice est publiée sur {site}.</p>"),
            };
            let notice = section(
                "contact-notice",
                "La notice officielle",
                &format!(
                    "<p>Les règles de cette liste viennent de la notice {reference} de \
                     l'{name}, pour la session {year}.</p>\n{where_notice}\n\
                     <p>Cet outil ne remplace pas la notice. En cas de doute, c'est la notice \
                     qui compte.</p>"
                ),
            );
            let office = section(
                "contact-service",
                "Contacter le service des examens",
                &format!(
                    "<p>Cet outil ne peut pas répondre à vos questions. Il ne connaît pas \
                     votre dossier. Pour une question sur votre inscription ou votre dossier, \
                     contactez le service des examens de l'académie.</p>\n{}",
                    match contact {
                        Some(c) => ul(&contact_lines(&c)),
                        None => format!("<p>Ses coordonnées sont sur {site}.</p>"),
                    }
                ),
            );
            (
                "contact.html",
                "contact-exam-office.html",
                "La notice et le contact",
                [notice, office].concat(),
            )
        }
        Lang::En => {
            let where_notice = match notice_url {
                Some(url) => format!(
                    "<p>{}.</p>",
                    web_link(
                        url,
                        &format!("Read the notice {reference} ({year} session, in French)")
                    )
                ),
                None => format!("<p>The notice is published on {site}.</p>"),
            };
            let notice = section(
                "contact-notice",
                "The official notice",
                &format!(
                    "<p>The rules of this checklist come from the notice {reference} of the \
                     {name}, for the {year} session.</p>\n{where_notice}\n\
                     <p>This tool does not replace the notice. When in doubt, the notice \
                     prevails.</p>"
                ),
            );
            let office = section(
                "contact-office",
                "Contacting the exam office",
                &format!(
                    "<p>This tool cannot answer your questions. It does not know your file. \
                     For a question about your registration or your file, contact the \
                     académie's exam office.</p>\n{}",
                    match contact {
                        Some(c) => ul(&contact_lines(&c)),
                        None => format!("<p>Its contact details are on {site}.</p>"),
                    }
                ),
            );
            (
                "contact-exam-office.html",
                "contact.html",
                "The notice and the exam office",
                [notice, office].concat(),
            )
        }
    };
    PublicPage {
        file,
        lang,
        other_lang_file: other,
        title: title.to_string(),
        body,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use candidat_core::wording::french_typography_fault;

    fn aix() -> Publisher<'static> {
        Publisher {
            academie_name: "Académie d'Aix-Marseille",
            academie_url: "http://www.ac-aix-marseille.fr",
            notice_reference: "DIEC 3.05",
            session_year: 2023,
            notice_url: Some("https://www.ac-aix-marseille.fr/notice-diec-3-05.pdf"),
            contact: Some(ContactInfo {
                email: Some("ce.diec@ac-aix-marseille.fr"),
                phone: Some("04 42 91 71 00"),
                url: Some("https://www.ac-aix-marseille.fr/contact"),
                hours: Some("du lundi au vendredi, de 9\u{a0}h à 12\u{a0}h"),
            }),
        }
    }

    fn bare() -> Publisher<'static> {
        Publisher {
            notice_url: None,
            contact: None,
            ..aix()
        }
    }

    fn page<'a>(pages: &'a [PublicPage], file: &str) -> &'a PublicPage {
        pages
            .iter()
            .find(|p| p.file == file)
            .unwrap_or_else(|| panic!("no page {file}"))
    }

    /// The text a reader sees: tags removed (entities kept; none holds a space).
    fn strip_tags(html: &str) -> String {
        let mut out = String::new();
        let mut in_tag = false;
        for c in html.chars() {
            match c {
                '<' => in_tag = true,
                '>' if in_tag => in_tag = false,
                c if !in_tag => out.push(c),
                _ => {}
            }
        }
        out
    }

    #[test]
    fn every_page_has_its_twin_in_the_other_language() {
        let pages = public_pages(&aix());
        assert_eq!(pages.len(), 8);
        for p in &pages {
            let twin = page(&pages, p.other_lang_file);
            assert_ne!(twin.lang, p.lang, "{} and its twin", p.file);
            assert_eq!(
                twin.other_lang_file, p.file,
                "{}'s twin points back",
                p.file
            );
        }
        let french = pages.iter().filter(|p| p.lang == Lang::Fr).count();
        assert_eq!(french, 4);
    }

    #[test]
    fn file_names_are_unique_and_plain() {
        let pages = public_pages(&aix());
        let mut files: Vec<&str> = pages.iter().map(|p| p.file).collect();
        files.sort();
        files.dedup();
        assert_eq!(files.len(), pages.len());
        for f in files {
            assert!(f.ends_with(".html") && f != "index.html", "{f}");
            assert!(
                f.chars()
                    .all(|c| c.is_ascii_lowercase() || c == '-' || c == '.'),
                "{f}"
            );
        }
    }

    #[test]
    fn french_is_written_as_french_is_written() {
        for publisher in [aix(), bare()] {
            for p in public_pages(&publisher)
                .iter()
                .filter(|p| p.lang == Lang::Fr)
            {
                assert_eq!(french_typography_fault(&p.title), None, "{}", p.file);
                let text = strip_tags(&p.body);
                assert_eq!(french_typography_fault(&text), None, "{}", p.file);
            }
        }
    }

    #[test]
    fn placeholders_mark_what_the_academie_must_complete() {
        let pages = public_pages(&aix());
        for (file, marker) in [
            ("accessibilite.html", "[À compléter par l'académie\u{a0}: "),
            (
                "donnees-personnelles.html",
                "[À compléter par l'académie\u{a0}: ",
            ),
            (
                "mentions-legales.html",
                "[À compléter par l'académie\u{a0}: ",
            ),
            ("accessibility.html", "[To be completed by the académie: "),
            ("personal-data.html", "[To be completed by the académie: "),
            ("legal-notice.html", "[To be completed by the académie: "),
        ] {
            let body = &page(&pages, file).body;
            assert!(
                body.contains(&format!("<mark class=\"placeholder\">{marker}")),
                "{file}"
            );
        }
        // The accessibility statement leaves the status, the audit, the date and the
        // contact to the académie, and never claims a level itself.
        let fr = &page(&pages, "accessibilite.html").body;
        assert!(fr.matches("<mark class=\"placeholder\">").count() >= 6);
        for p in pages.iter().filter(|p| p.file.starts_with("accessib")) {
            let visible: String = p
                .body
                .split("<mark")
                .map(|part| part.split_once("</mark>").map_or(part, |(_, rest)| rest))
                .collect();
            assert!(!visible.contains("totalement conforme"), "{}", p.file);
            assert!(!visible.contains("fully compliant"), "{}", p.file);
        }
        // Each language has its own placeholder, and the contact pages need none.
        for p in &pages {
            let other = match p.lang {
                Lang::Fr => "[To be completed",
                Lang::En => "[À compléter",
            };
            assert!(!p.body.contains(other), "{}", p.file);
        }
        for file in ["contact.html", "contact-exam-office.html"] {
            assert!(!page(&pages, file).body.contains("placeholder"), "{file}");
        }
    }

    #[test]
    fn the_recourse_is_the_defenseur_des_droits() {
        let pages = public_pages(&aix());
        for file in ["accessibilite.html", "accessibility.html"] {
            let body = &page(&pages, file).body;
            assert!(body.contains(r#"href="https://formulaire.defenseurdesdroits.fr/""#));
            assert!(body.contains(r#"href="tel:+33969390000""#));
            assert!(body.contains("Libre réponse 71120, 75342 Paris CEDEX 07"));
            assert!(body.contains("RGAA"));
            for tech in ["HTML", "CSS", "JavaScript", "WebAssembly"] {
                assert!(body.contains(&format!("<li>{tech}</li>")), "{file}: {tech}");
            }
            assert!(body.contains("<code>cargo xtask test</code>"));
        }
        for file in ["donnees-personnelles.html", "personal-data.html"] {
            let body = &page(&pages, file).body;
            assert!(body.contains(r#"href="https://www.cnil.fr/""#));
            for key in ["situation", "until", "lang"] {
                assert!(
                    body.contains(&format!("candidat:&lt;session&gt;:{key}")),
                    "{key}"
                );
            }
        }
    }

    /// The page names the controls as the candidate's page does (src/ui_text.rs).
    #[test]
    fn controls_are_named_as_on_the_page() {
        let pages = public_pages(&aix());
        let fr = &page(&pages, "donnees-personnelles.html").body;
        for name in [
            "Se souvenir sur cet appareil",
            "Effacer mes réponses",
            "Créer un lien de partage",
            "Ajouter à mon agenda",
            "Écrire le nom des démarches d'aménagement dans le fichier",
        ] {
            assert!(fr.contains(&format!("«\u{a0}{name}\u{a0}»")), "{name}");
        }
        let en = &page(&pages, "personal-data.html").body;
        for name in [
            "Remember on this device",
            "Erase my answers",
            "Create a share link",
            "Add to my calendar",
            "Write the accommodation steps by name in the file",
        ] {
            assert!(en.contains(&format!("“{name}”")), "{name}");
        }
    }

    #[test]
    fn contact_page_links_the_notice_and_the_exam_office() {
        let pages = public_pages(&aix());
        let fr = &page(&pages, "contact.html").body;
        assert!(fr.contains(r#"<a href="mailto:ce.diec@ac-aix-marseille.fr">"#));
        assert!(fr.contains(r#"<a href="tel:0442917100">04 42 91 71 00</a>"#));
        assert!(fr.contains(r#"<a href="https://www.ac-aix-marseille.fr/contact">"#));
        assert!(fr.contains("Horaires\u{a0}: du lundi au vendredi"));
        assert!(fr.contains(
            r#"<a href="https://www.ac-aix-marseille.fr/notice-diec-3-05.pdf">Lire la notice DIEC 3.05 (session 2023)</a>"#
        ));
        assert!(fr.contains("ne peut pas répondre à vos questions"));
        let en = &page(&pages, "contact-exam-office.html").body;
        assert!(en.contains(r#"<a href="mailto:ce.diec@ac-aix-marseille.fr">"#));
        assert!(en.contains(r#"<a href="tel:0442917100">"#));
        assert!(en.contains("cannot answer your questions"));
    }

    #[test]
    fn contact_page_falls_back_to_the_academie_site() {
        let empty_contact = Publisher {
            contact: Some(ContactInfo::default()),
            notice_url: Some("  "),
            ..aix()
        };
        for publisher in [bare(), empty_contact] {
            let pages = public_pages(&publisher);
            let fr = &page(&pages, "contact.html").body;
            assert!(!fr.contains("mailto:") && !fr.contains("tel:"));
            assert!(fr.contains(
                r#"Ses coordonnées sont sur <a href="http://www.ac-aix-marseille.fr">le site de l'Académie d&#39;Aix-Marseille</a>."#
            ));
            assert!(fr.contains(
                r#"La notice est publiée sur <a href="http://www.ac-aix-marseille.fr">"#
            ));
            let en = &page(&pages, "contact-exam-office.html").body;
            assert!(en.contains(
                r#"Its contact details are on <a href="http://www.ac-aix-marseille.fr">the Académie d&#39;Aix-Marseille website</a>."#
            ));
            assert!(en.contains("The notice is published on <a "));
        }
        // Only some parts given: only those are shown.
        let phone_only = Publisher {
            contact: Some(ContactInfo {
                phone: Some("+33 (0)4 42 91 71 00"),
                ..ContactInfo::default()
            }),
            ..aix()
        };
        let pages = public_pages(&phone_only);
        let fr = &page(&pages, "contact.html").body;
        assert!(fr.contains(r#"href="tel:+330442917100""#));
        assert!(!fr.contains("mailto:") && !fr.contains("Horaires"));
    }

    #[test]
    fn values_from_the_session_file_are_escaped() {
        let hostile = Publisher {
            academie_name: "<script>alert(1)</script> & \"co\"",
            academie_url: "javascript:alert(1)",
            notice_reference: "<b>DIEC</b>",
            session_year: 2023,
            notice_url: Some("https://x.fr/\"><script>alert(2)</script>"),
            contact: Some(ContactInfo {
                email: Some("a@b.fr\"><script>"),
                phone: Some("<i>01</i>"),
                url: Some("javascript:alert(3)"),
                hours: Some("<img src=x onerror=alert(4)>"),
            }),
        };
        for p in public_pages(&hostile) {
            for bad in [
                "<script",
                "<b>",
                "<i>",
                "<img",
                "href=\"javascript:",
                "\"><",
            ] {
                assert!(!p.body.contains(bad), "{}: {bad}", p.file);
            }
            assert!(!p.title.contains('<'));
        }
        let pages = public_pages(&hostile);
        let fr = &page(&pages, "mentions-legales.html").body;
        assert!(fr.contains("&lt;script&gt;alert(1)&lt;/script&gt; &amp; &quot;co&quot;"));
        let contact = &page(&pages, "contact.html").body;
        assert!(contact.contains("&lt;img src=x onerror=alert(4)&gt;"));
        assert!(contact
            .contains(r#"href="https://x.fr/&quot;&gt;&lt;script&gt;alert(2)&lt;/script&gt;""#));
        assert_eq!(
            esc(r#"<a href="x">'&'</a>"#),
            "&lt;a href=&quot;x&quot;&gt;&#39;&amp;&#39;&lt;/a&gt;"
        );
    }

    /// Each part is a section named by its own h2, and ids are unique within a page.
    #[test]
    fn sections_are_named_by_their_headings() {
        for p in public_pages(&aix()) {
            let ids: Vec<&str> = p
                .body
                .split("aria-labelledby=\"")
                .skip(1)
                .map(|s| s.split('"').next().unwrap())
                .collect();
            assert!(ids.len() >= 2, "{}", p.file);
            for id in &ids {
                assert_eq!(
                    p.body.matches(&format!("<h2 id=\"{id}\">")).count(),
                    1,
                    "{}: {id}",
                    p.file
                );
            }
            let mut unique = ids.clone();
            unique.sort();
            unique.dedup();
            assert_eq!(unique.len(), ids.len(), "{}", p.file);
            assert_eq!(p.body.matches("<section").count(), ids.len(), "{}", p.file);
            assert_eq!(
                p.body.matches("<section").count(),
                p.body.matches("</section>").count()
            );
            assert!(
                !p.body.contains("<h1"),
                "{}: the template writes the h1",
                p.file
            );
        }
    }
}

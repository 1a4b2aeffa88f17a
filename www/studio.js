// The studio (studio.html): an exam office writes next year's session file in a form, with
// every problem shown beside its field by the core's own validator (the page's `v2` engine,
// `checkSession`), a live preview of the candidate's page at any date (pkg/candidat.js's
// mount), and exports the file (stable key order, 2-space indent) and the embed snippets.
// Nothing leaves the browser: no request but this site's own files. docs/adr/0017-the-studio.md.
import initEngine, { checkSession } from "./pkg/candidat_wasm_v2.js";
import initWidget, { mount } from "./pkg/candidat.js";

const ZONES = ["Europe/Paris", "America/Martinique", "America/Guadeloupe", "America/Cayenne", "America/Miquelon", "Indian/Reunion", "Indian/Mayotte", "Pacific/Noumea", "Pacific/Tahiti", "Pacific/Wallis"];
const DIPLOMAS = [["bac-pro", "Bac pro"], ["bp", "BP"], ["cap", "CAP"], ["mc3", "MC niveau 3"], ["mc4", "MC niveau 4"]];

// ── Words ────────────────────────────────────────────────────────────────────────────────
const WORDS = {
  fr: {
    title: "Studio des sessions", tagline: "Candidat individuel : le fichier de session de votre académie",
    intro: "Écrivez le fichier de session de la prochaine campagne. Chaque problème s'affiche à côté de son champ ; l'aperçu montre la page du candidat. Rien ne quitte votre navigateur.",
    start: "Commencer", open: "Ouvrir un fichier de session", drop: "…ou déposez-le ici", example: "Partir de l'exemple (Aix-Marseille 2023)", empty: "Partir d'un formulaire vide",
    lang: "English", identity: "L'académie et la session", id: "Identifiant du fichier (minuscules, chiffres, tirets)", academie: "Académie (nom court)", academie_name: "Nom avec son article (« Académie de … »)", session_year: "Année de la session", notice_reference: "Référence de la notice",
    dates: "Dates", time_zone: "Fuseau horaire de l'académie", date: "date", time: "heure (vide : toute la journée)", reg_opens: "Ouverture de la pré-inscription", reg_closes: "Fin de la pré-inscription", ret_opens: "Début du retour des dossiers", ret_closes: "Date limite de retour", activation: "Délai d'activation du compte (heures)",
    diplomas: "Diplômes offerts", ret: "Retour du dossier", mode: "Mode de retour", post: "Par la poste", upload: "Dépôt dans Cyclades", address: "Adresse (une ligne par ligne ; {diploma_title} pour l'intitulé du diplôme)", instructions: "Consignes de retour (facultatives par la poste)",
    links: "Liens", cyclades: "Cyclades", academie_link: "Site de l'académie", accommodation: "Aménagements d'épreuves", eduscol: "Eduscol", notice: "La notice publiée",
    contact: "Contact du service des examens", email: "Courriel", phone: "Téléphone", url: "Page de contact", hours: "Horaires",
    questions: "Questions posées au candidat (oui / non)", pieces: "Pièces à joindre ou à déposer", eligibility: "Conditions pour s'inscrire en candidat individuel",
    add_question: "Ajouter une question", add_piece: "Ajouter une pièce", add_condition: "Ajouter une condition", remove: "Retirer",
    q_id: "Identifiant", label_fr: "Texte en français", label_en: "Texte en anglais (facultatif)", help_fr: "Aide en français (facultatif)", help_en: "Aide en anglais (facultatif)", why_fr: "Pourquoi, en français (facultatif)", why_en: "Pourquoi, en anglais (facultatif)", source: "Source dans la notice (facultatif)", message_fr: "Message si la condition n'est pas remplie (français)", message_en: "Message en anglais (facultatif)",
    when: "Quand ?", always: "Toujours", answer_to: "Selon la réponse à une question", for_diplomas: "Selon le diplôme", all_of: "Toutes ces conditions", any_of: "L'une de ces conditions", question: "Question", answered: "Réponse", yes: "oui", no: "non", eligible_if: "Peut s'inscrire si la réponse est", add_member: "Ajouter une condition à la liste",
    problems: "Problèmes du fichier", none: "Aucun problème : le fichier peut être publié.", preview: "Aperçu de la page du candidat", preview_at: "Date simulée (heure de l'académie)", preview_off: "L'aperçu revient quand le fichier n'a plus de problème.",
    export: "Exporter", download: "Télécharger le fichier", copy: "Copier le JSON", copied: "JSON copié.", json: "Le fichier", snippets: "Intégration dans le site de l'académie", base: "Adresse où le site dist/ sera publié", csp: "Politique de sécurité (CSP) de votre page",
    loader: "1. Le chargeur (recommandé)", iframe: "2. L'iframe simple", element: "3. L'élément", open_error: "Ce fichier ne se lit pas comme du JSON :",
  },
  en: {
    title: "Session studio", tagline: "Individual candidates: your académie's session file",
    intro: "Write the session file of the next campaign. Every problem shows beside its field; the preview shows the candidate's page. Nothing leaves your browser.",
    start: "Start", open: "Open a session file", drop: "…or drop it here", example: "Start from the example (Aix-Marseille 2023)", empty: "Start from an empty form",
    lang: "Français", identity: "The académie and the session", id: "File id (lowercase letters, digits, hyphens)", academie: "Académie (short name)", academie_name: "Name with its article (\"Académie de …\")", session_year: "Session year", notice_reference: "Notice reference",
    dates: "Dates", time_zone: "The académie's time zone", date: "date", time: "time (empty: the whole day)", reg_opens: "Pre-registration opens", reg_closes: "Pre-registration closes", ret_opens: "Return of files opens", ret_closes: "Return deadline", activation: "Account activation delay (hours)",
    diplomas: "Diplomas offered", ret: "Return of the file", mode: "Return mode", post: "By post", upload: "Upload in Cyclades", address: "Address (one line per line; {diploma_title} for the diploma's title)", instructions: "Return instructions (optional by post)",
    links: "Links", cyclades: "Cyclades", academie_link: "The académie's site", accommodation: "Exam accommodations", eduscol: "Eduscol", notice: "The published notice",
    contact: "The exam office's contact", email: "E-mail", phone: "Phone", url: "Contact page", hours: "Opening hours",
    questions: "Questions asked of the candidate (yes / no)", pieces: "Documents to join or upload", eligibility: "Who may register as an individual candidate",
    add_question: "Add a question", add_piece: "Add a document", add_condition: "Add a condition", remove: "Remove",
    q_id: "Id", label_fr: "Text in French", label_en: "Text in English (optional)", help_fr: "Help in French (optional)", help_en: "Help in English (optional)", why_fr: "Why, in French (optional)", why_en: "Why, in English (optional)", source: "Source in the notice (optional)", message_fr: "Message when the condition is not met (French)", message_en: "Message in English (optional)",
    when: "When?", always: "Always", answer_to: "By the answer to a question", for_diplomas: "By the diploma", all_of: "All of these conditions", any_of: "Any of these conditions", question: "Question", answered: "Answer", yes: "yes", no: "no", eligible_if: "May register if the answer is", add_member: "Add a condition to the list",
    problems: "Problems of the file", none: "No problem: the file can be published.", preview: "Preview of the candidate's page", preview_at: "Simulated date (the académie's time)", preview_off: "The preview comes back once the file has no problem.",
    export: "Export", download: "Download the file", copy: "Copy the JSON", copied: "JSON copied.", json: "The file", snippets: "Embedding in the académie's site", base: "Address where the dist/ site will be published", csp: "Your page's security policy (CSP)",
    loader: "1. The loader (recommended)", iframe: "2. The plain iframe", element: "3. The element", open_error: "This file does not read as JSON:",
  },
};
let lang = "fr";
const w = (key) => WORDS[lang][key] ?? key;

// ── The session being written ────────────────────────────────────────────────────────────
let session = null;
let sri = "";
/** The example file, read at start: the studio works offline once loaded. */
let example = "";

/** A new, empty session: every field present, so that the form shows it. */
function emptySession() {
  return {
    id: "", academie: "", academie_name: "", session_year: new Date().getFullYear() + 1, notice_reference: "", time_zone: "Europe/Paris", diplomas: [],
    pre_registration: { opens: "", closes: "" }, activation_delay_hours: 48,
    return: { opens: "", closes: "", mode: "post", address: [] },
    links: { cyclades: "https://cyclades.education.gouv.fr/cyccandidat/portal/login", academie: "", eduscol: "https://eduscol.education.fr/774/les-diplomes-professionnels" },
  };
}

/** The file as it is written: keys in the contract's order, optional values left out when
 *  empty, and every other key or value kept as it is, so that the validator names it (an
 *  opened file's typo is never dropped silently). `JSON.stringify(canonical(s), null, 2)` is
 *  the export. */
function canonical(s) {
  const isObject = (v) => v && typeof v === "object" && !Array.isArray(v);
  /** `o`'s keys in `order` first (their values through `f`), then its other keys as they are. */
  const ordered = (o, order, f = {}) => {
    if (!isObject(o)) return o;
    const out = {};
    for (const k of order) out[k] = k in f ? f[k](o[k]) : o[k];
    for (const [k, v] of Object.entries(o)) if (!order.includes(k)) out[k] = v;
    return omitEmpty(out);
  };
  const text = (t) => (isObject(t) && (t.fr || t.en) ? ordered(t, ["fr", "en"]) : isObject(t) || t === undefined ? undefined : t);
  const when = (c) => {
    if (!isObject(c)) return c;
    if ("question" in c) return ordered(c, ["question", "answer"]);
    if ("diplomas" in c) return ordered(c, ["diplomas"]);
    if ("all" in c) return ordered(c, ["all"], { all: (l) => (Array.isArray(l) ? l.map(when) : l) });
    if ("any" in c) return ordered(c, ["any"], { any: (l) => (Array.isArray(l) ? l.map(when) : l) });
    return c;
  };
  const list = (l, f) => (Array.isArray(l) ? (l.length ? l.map(f) : undefined) : l);
  const r = s.return ?? {};
  return ordered(s, ["id", "academie", "academie_name", "session_year", "notice_reference", "time_zone", "diplomas", "pre_registration", "activation_delay_hours", "return", "links", "contact", "questions", "pieces", "eligibility"], {
    pre_registration: (v) => ordered(v ?? {}, ["opens", "closes"]),
    return: () => {
      // Instructions in both modes (a post notice may have them too); the address by post only.
      const order = r.mode === "upload" ? ["opens", "closes", "mode", "instructions"] : ["opens", "closes", "mode", "address", "instructions"];
      const out = ordered({ ...r, address: r.mode === "upload" ? undefined : r.address ?? [] }, order);
      return out;
    },
    links: (v) => ordered(v ?? {}, ["cyclades", "academie", "accommodation", "eduscol", "notice"]),
    contact: (v) => (v === undefined ? undefined : ordered(v, ["email", "phone", "url", "hours"])),
    questions: (l) => list(l, (q) => ordered(q, ["id", "label", "help"], { label: (t) => text(t) ?? { fr: "" }, help: text })),
    pieces: (l) => list(l, (p) => ordered(p, ["id", "label", "why", "source", "when"], { label: (t) => text(t) ?? { fr: "" }, why: text, when })),
    eligibility: (l) =>
      list(l, (e) => ordered(e, ["id", "when", "question", "answer", "message", "source"], { when, answer: (a) => (a === undefined ? true : a), message: (t) => text(t) ?? { fr: "" } })),
  });
}

/** Without the keys whose value is undefined, "" or an empty object (never a required one:
 *  the validator then names what is missing). */
function omitEmpty(o) {
  const out = {};
  for (const [k, v] of Object.entries(o)) {
    if (v === undefined || v === "" || (v && typeof v === "object" && !Array.isArray(v) && Object.keys(v).length === 0 && !["links", "pre_registration", "return"].includes(k))) continue;
    out[k] = v;
  }
  return out;
}

const fileText = () => JSON.stringify(canonical(session), null, 2) + "\n";

/** Every problem of the file, from the core's validator: [{ path, fr, en }]. */
function problemsOf(text) {
  const flat = checkSession(text);
  const out = [];
  for (let i = 0; i + 2 < flat.length; i += 3) out.push({ path: flat[i], fr: flat[i + 1], en: flat[i + 2] });
  return out;
}

// ── DOM helpers ──────────────────────────────────────────────────────────────────────────
function h(tag, attrs = {}, ...children) {
  const e = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs)) {
    if (v === undefined || v === null || v === false) continue;
    if (k.startsWith("on")) e.addEventListener(k.slice(2), v);
    else if (k === "text") e.textContent = v;
    else e.setAttribute(k, v === true ? "" : v);
  }
  for (const c of children.flat()) if (c) e.append(c);
  return e;
}

/** A field's id from its JSON path: `$.return.closes` → `f-return-closes`. */
const idOf = (path) => "f" + path.slice(1).replace(/[.[\]]+/g, "-").replace(/-$/, "");

/** An input bound to `get`/`set`, with its label and the place of its problems. */
function field(path, label, get, set, { type = "text", multiline = false, hint } = {}) {
  const id = idOf(path);
  const input = multiline
    ? h("textarea", { class: "fr-input", id, rows: 3, "aria-describedby": `${id}-problems` })
    : h("input", { class: "fr-input", id, type, "aria-describedby": `${id}-problems` });
  input.value = get() ?? "";
  input.addEventListener("input", () => {
    set(input.value);
    changed();
  });
  return h("div", { class: "fr-input-group field", "data-path": path },
    h("label", { class: "fr-label", for: id, text: label }, hint ? h("span", { class: "fr-hint-text", text: hint }) : null),
    input,
    h("p", { class: "fr-error-text studio-problems", id: `${id}-problems`, "data-problems-for": path, hidden: true }));
}

/** A date with an optional hour ("YYYY-MM-DD" or "YYYY-MM-DDTHH:MM"), in the session's zone. */
function dateField(path, label, get, set) {
  const id = idOf(path);
  const [d0, t0] = (get() ?? "").split("T");
  const date = h("input", { class: "fr-input", id, type: "date", "aria-describedby": `${id}-problems` });
  // step=1: a time written with its seconds (23:59:59) keeps them.
  const time = h("input", { class: "fr-input", id: `${id}-time`, type: "time", step: 1, "aria-describedby": `${id}-problems` });
  date.value = d0 ?? "";
  time.value = t0 ?? "";
  const write = () => {
    set(date.value ? (time.value ? `${date.value}T${time.value}` : date.value) : "");
    changed();
  };
  date.addEventListener("input", write);
  time.addEventListener("input", write);
  return h("fieldset", { class: "fr-fieldset field studio-date", "data-path": path },
    h("legend", { class: "fr-fieldset__legend", text: label }),
    h("label", { class: "fr-label", for: id, text: w("date") }), date,
    h("label", { class: "fr-label", for: `${id}-time`, text: w("time") }), time,
    h("p", { class: "fr-error-text studio-problems", id: `${id}-problems`, "data-problems-for": path, hidden: true }));
}

/** A menu; `options` may be a function, read again whenever the menu takes the focus (the
 *  questions a condition can name change as the office types their ids). */
function select(id, label, options, value, onChange, describedBy) {
  const s = h("select", { class: "fr-select", id, "aria-describedby": describedBy });
  const fill = () => {
    const keep = s.value || value;
    const list = typeof options === "function" ? options() : options;
    // A value the menu does not offer (a question since renamed) stays visible, to be changed.
    const all = list.some(([v]) => v === keep) || keep === undefined ? list : [[keep, keep], ...list];
    s.replaceChildren(...all.map(([v, t]) => h("option", { value: v, text: t })));
    s.value = keep ?? "";
  };
  fill();
  s.addEventListener("focus", fill);
  s.addEventListener("change", () => onChange(s.value));
  return [h("label", { class: "fr-label", for: id, text: label }), s];
}

/** The place of a path's problems, read by screen readers with the control it describes. */
const problemsPlace = (path) => h("p", { class: "fr-error-text studio-problems", id: `${idOf(path)}-problems`, "data-problems-for": path, hidden: true });

function checkboxes(path, legend, options, selected, onChange) {
  const id = idOf(path);
  return h("fieldset", { class: "fr-fieldset field", "data-path": path, "aria-describedby": `${id}-problems` },
    h("legend", { class: "fr-fieldset__legend", text: legend }),
    options.map(([v, t]) => {
      const box = h("input", { type: "checkbox", id: `${id}-${v}`, value: v });
      box.checked = selected().includes(v);
      box.addEventListener("change", () => {
        onChange(options.map(([o]) => o).filter((o) => document.getElementById(`${id}-${o}`)?.checked));
        changed();
      });
      return h("div", { class: "fr-checkbox-group" }, box, h("label", { class: "fr-label", for: `${id}-${v}`, text: t }));
    }),
    h("p", { class: "fr-error-text studio-problems", id: `${id}-problems`, "data-problems-for": path, hidden: true }));
}

/** A French/English text of the exam office (`{ fr, en }`). */
function textFields(path, obj, key, frLabel, enLabel, multiline = false) {
  const t = () => (obj[key] ??= { fr: "" });
  return [
    field(`${path}.${key}.fr`, frLabel, () => obj[key]?.fr, (v) => (t().fr = v), { multiline }),
    field(`${path}.${key}.en`, enLabel, () => obj[key]?.en, (v) => (t().en = v || undefined), { multiline }),
  ];
}

/** A `when` condition built from menus: always, an answer, diplomas, all / any of a list. A
 *  shape the menus do not know (an opened file's typo) is kept and shown as written, for the
 *  validator to name and the office to replace. */
function conditionBuilder(path, get, set) {
  const id = idOf(path);
  const box = h("div", { class: "studio-condition", "data-path": path });
  const questions = () => (session.questions ?? []).map((q) => [q.id, q.id || "…"]);
  const kindOf = (c) => {
    if (c === undefined) return "always";
    if (!c || typeof c !== "object" || Array.isArray(c)) return "other";
    if ("question" in c) return "question";
    if (Array.isArray(c.diplomas)) return "diplomas";
    if (Array.isArray(c.all)) return "all";
    if (Array.isArray(c.any)) return "any";
    return "other";
  };
  const draw = (focus) => {
    const c = get();
    const kind = kindOf(c);
    const kinds = [["always", w("always")], ["question", w("answer_to")], ["diplomas", w("for_diplomas")], ["all", w("all_of")], ["any", w("any_of")]];
    const parts = [
      ...select(`${id}-kind`, w("when"), kind === "other" ? [["other", JSON.stringify(c)], ...kinds] : kinds, kind, (k) => {
        const first = session.questions?.[0]?.id ?? "";
        set(k === "always" ? undefined : k === "question" ? { question: first } : k === "diplomas" ? { diplomas: [] } : { [k]: [{ question: first }] });
        draw(`${id}-kind`);
        changed();
      }, `${id}-problems`),
    ];
    if (kind === "question") {
      parts.push(...select(`${id}-question`, w("question"), questions, c.question, (v) => { c.question = v; changed(); }, `${id}-problems`));
      parts.push(...select(`${id}-answer`, w("answered"), [["yes", w("yes")], ["no", w("no")]], c.answer === false ? "no" : "yes", (v) => {
        if (v === "no") c.answer = false;
        else delete c.answer;
        changed();
      }, `${id}-problems`));
    } else if (kind === "diplomas") {
      parts.push(checkboxes(`${path}.diplomas`, w("for_diplomas"), DIPLOMAS.filter(([d]) => session.diplomas.includes(d)), () => c.diplomas, (ds) => (c.diplomas = ds)));
    } else if (kind === "all" || kind === "any") {
      const list = c[kind];
      list.forEach((_, i) => {
        parts.push(h("div", { class: "studio-member" },
          conditionBuilder(`${path}.${kind}[${i}]`, () => list[i], (v) => (list[i] = v ?? { question: session.questions?.[0]?.id ?? "" })),
          h("button", { type: "button", class: "fr-btn fr-btn--tertiary fr-btn--sm", onclick: () => { list.splice(i, 1); draw(`${id}-add`); changed(); }, text: w("remove") })));
      });
      parts.push(h("button", { type: "button", id: `${id}-add`, class: "fr-btn fr-btn--secondary fr-btn--sm", onclick: () => { list.push({ question: session.questions?.[0]?.id ?? "" }); draw(`${idOf(`${path}.${kind}[${list.length - 1}]`)}-kind`); changed(); }, text: w("add_member") }));
    }
    parts.push(problemsPlace(path));
    box.replaceChildren(...parts);
    // A redraw never leaves the focus on the page's body.
    if (focus) document.getElementById(focus)?.focus();
  };
  draw();
  return box;
}

/** A list of declared questions, pieces or conditions, each with its fields and "Retirer". */
function listSection(key, title, addLabel, make, draw) {
  const list = (session[key] ??= []);
  return h("section", { class: "studio-section card", "data-testid": `studio-${key}`, "aria-labelledby": `h-${key}` },
    h("h2", { id: `h-${key}`, text: title }),
    list.map((item, i) => h("fieldset", { class: "fr-fieldset studio-item", "data-path": `$.${key}[${i}]` },
      h("legend", { class: "fr-fieldset__legend", text: `${title} — ${i + 1}` }),
      draw(item, `$.${key}[${i}]`),
      h("button", { type: "button", class: "fr-btn fr-btn--tertiary fr-btn--sm", onclick: () => { list.splice(i, 1); render(`add-${key}`); }, text: w("remove") }))),
    h("button", { type: "button", class: "fr-btn fr-btn--secondary", id: `add-${key}`, "data-testid": `add-${key}`, onclick: () => { list.push(make()); render(idOf(`$.${key}[${list.length - 1}].id`)); }, text: addLabel }));
}

// ── The form ─────────────────────────────────────────────────────────────────────────────
function form() {
  const s = session;
  const r = s.return;
  const section = (name, title, ...children) => h("section", { class: "studio-section card", "data-testid": `studio-${name}`, "aria-labelledby": `h-${name}` }, h("h2", { id: `h-${name}`, text: title }), ...children);
  return h("form", { class: "studio-form", "aria-label": w("title"), onsubmit: (e) => e.preventDefault() },
    section("identity", w("identity"),
      field("$.id", w("id"), () => s.id, (v) => (s.id = v)),
      field("$.academie", w("academie"), () => s.academie, (v) => (s.academie = v)),
      field("$.academie_name", w("academie_name"), () => s.academie_name, (v) => (s.academie_name = v || undefined)),
      field("$.session_year", w("session_year"), () => s.session_year, (v) => (s.session_year = v === "" ? "" : Number(v)), { type: "number" }),
      field("$.notice_reference", w("notice_reference"), () => s.notice_reference, (v) => (s.notice_reference = v))),
    section("dates", w("dates"),
      h("div", { class: "fr-select-group field", "data-path": "$.time_zone" }, ...select("f-time_zone", w("time_zone"), ZONES.map((z) => [z, z]), s.time_zone, (v) => { s.time_zone = v; changed(); }),
        h("p", { class: "fr-error-text studio-problems", id: "f-time_zone-problems", "data-problems-for": "$.time_zone", hidden: true })),
      problemsPlace("$.pre_registration"),
      problemsPlace("$.return"),
      dateField("$.pre_registration.opens", w("reg_opens"), () => s.pre_registration.opens, (v) => (s.pre_registration.opens = v)),
      dateField("$.pre_registration.closes", w("reg_closes"), () => s.pre_registration.closes, (v) => (s.pre_registration.closes = v)),
      field("$.activation_delay_hours", w("activation"), () => s.activation_delay_hours, (v) => (s.activation_delay_hours = v === "" ? "" : Number(v)), { type: "number" }),
      dateField("$.return.opens", w("ret_opens"), () => r.opens, (v) => (r.opens = v)),
      dateField("$.return.closes", w("ret_closes"), () => r.closes, (v) => (r.closes = v))),
    section("diplomas", w("diplomas"), checkboxes("$.diplomas", w("diplomas"), DIPLOMAS, () => s.diplomas, (ds) => (s.diplomas = ds))),
    section("return", w("ret"),
      h("div", { class: "fr-select-group field", "data-path": "$.return.mode" }, ...select("f-return-mode", w("mode"), [["post", w("post")], ["upload", w("upload")]], r.mode, (v) => { r.mode = v; render("f-return-mode"); })),
      r.mode === "upload" ? null : field("$.return.address", w("address"), () => (r.address ?? []).join("\n"), (v) => (r.address = v.split("\n").map((l) => l.trim()).filter(Boolean)), { multiline: true }),
      // Instructions in both modes: a notice returned by post may give some too.
      field("$.return.instructions", w("instructions"), () => r.instructions, (v) => (r.instructions = v || undefined), { multiline: true })),
    section("links", w("links"),
      ...["cyclades", "academie", "accommodation", "eduscol", "notice"].map((k) =>
        field(`$.links.${k}`, w(k === "academie" ? "academie_link" : k), () => s.links[k], (v) => (s.links[k] = v || undefined), { type: "url" }))),
    section("contact", w("contact"),
      problemsPlace("$.contact"),
      ...["email", "phone", "url", "hours"].map((k) =>
        field(`$.contact.${k}`, w(k), () => s.contact?.[k], (v) => ((s.contact ??= {})[k] = v || undefined), { type: k === "email" ? "email" : k === "url" ? "url" : k === "phone" ? "tel" : "text" }))),
    listSection("questions", w("questions"), w("add_question"), () => ({ id: "", label: { fr: "" } }), (q, p) => [
      field(`${p}.id`, w("q_id"), () => q.id, (v) => (q.id = v)),
      ...textFields(p, q, "label", w("label_fr"), w("label_en")),
      ...textFields(p, q, "help", w("help_fr"), w("help_en"), true),
    ]),
    listSection("pieces", w("pieces"), w("add_piece"), () => ({ id: "", label: { fr: "" } }), (piece, p) => [
      field(`${p}.id`, w("q_id"), () => piece.id, (v) => (piece.id = v)),
      ...textFields(p, piece, "label", w("label_fr"), w("label_en")),
      ...textFields(p, piece, "why", w("why_fr"), w("why_en"), true),
      field(`${p}.source`, w("source"), () => piece.source, (v) => (piece.source = v || undefined)),
      conditionBuilder(`${p}.when`, () => piece.when, (c) => (piece.when = c)),
    ]),
    listSection("eligibility", w("eligibility"), w("add_condition"), () => ({ id: "", question: session.questions?.[0]?.id ?? "", answer: true, message: { fr: "" } }), (e, p) => [
      field(`${p}.id`, w("q_id"), () => e.id, (v) => (e.id = v)),
      h("div", { class: "fr-select-group field", "data-path": `${p}.question` },
        ...select(`${idOf(p)}-question`, w("question"), () => (session.questions ?? []).map((q) => [q.id, q.id || "…"]), e.question, (v) => { e.question = v; changed(); }, `${idOf(`${p}.question`)}-problems`),
        problemsPlace(`${p}.question`),
        ...select(`${idOf(p)}-answer`, w("eligible_if"), [["yes", w("yes")], ["no", w("no")]], e.answer === false ? "no" : "yes", (v) => { e.answer = v === "yes"; changed(); }, `${idOf(`${p}.answer`)}-problems`),
        problemsPlace(`${p}.answer`)),
      conditionBuilder(`${p}.when`, () => e.when, (c) => (e.when = c)),
      ...textFields(p, e, "message", w("message_fr"), w("message_en"), true),
      field(`${p}.source`, w("source"), () => e.source, (v) => (e.source = v || undefined)),
    ]),
  );
}

// ── Problems, preview, export ───────────────────────────────────────────────────────────
let preview;
let previewTimer;

/** After every edit: problems beside their fields and in the list, the export, the preview. */
function changed() {
  const text = fileText();
  const problems = problemsOf(text);
  for (const p of document.querySelectorAll("[data-problems-for]")) {
    p.hidden = true;
    p.textContent = "";
  }
  const list = document.getElementById("problem-list");
  list.replaceChildren(...problems.map((p) => {
    const message = lang === "en" ? p.en : p.fr;
    const place = placeOf(p.path);
    if (place) {
      place.hidden = false;
      place.textContent = place.textContent ? `${place.textContent} ${message}` : message;
    }
    const target = place?.id.replace(/-problems$/, "");
    return h("li", { "data-path": p.path }, target ? h("a", { href: `#${target}`, text: p.path }) : h("code", { text: p.path }), ` : ${message}`);
  }));
  document.getElementById("problem-none").hidden = problems.length > 0;
  document.getElementById("export-json").textContent = text;
  snippets();
  document.getElementById("download").disabled = false;
  clearTimeout(previewTimer);
  previewTimer = setTimeout(() => showPreview(problems.length === 0), 250);
}

/** Where a problem shows: its field's place, else the nearest enclosing one. */
function placeOf(path) {
  for (let p = path; p; p = p.replace(/(\.[^.[\]]+|\[\d+\])$/, "")) {
    const place = document.querySelector(`[data-problems-for="${CSS.escape(p)}"]`);
    if (place) return place;
    if (p === "$") break;
  }
  return document.getElementById("problem-general");
}

function showPreview(ok) {
  preview?.unmount();
  preview = undefined;
  const box = document.getElementById("preview-box");
  document.getElementById("preview-off").hidden = ok;
  box.hidden = !ok;
  if (!ok) return;
  const at = document.getElementById("preview-at").value;
  const now = at ? inZone(at, session.time_zone) : undefined;
  preview = mount(box, { session: canonical(session), lang, ...(now ? { now } : {}) });
}

function download() {
  const blob = new Blob([fileText()], { type: "application/json" });
  const a = h("a", { href: URL.createObjectURL(blob), download: `${session.id || "session"}.json` });
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(a.href), 0);
}

/** The embed snippets for the address where dist/ is published, with the CSP each needs. */
function snippets() {
  const out = document.getElementById("snippets-out");
  let base;
  try {
    base = new URL(document.getElementById("snippet-base").value || "https://candidat.example.fr/");
  } catch {
    out.replaceChildren(h("p", { class: "fr-error-text", text: "URL ?" }));
    return;
  }
  // Escaped: an opened file's id must never become markup in a snippet a webmaster pastes.
  const attr = (v) => v.replace(/&/g, "&amp;").replace(/"/g, "&quot;").replace(/</g, "&lt;").replace(/>/g, "&gt;");
  const root = attr(base.href.endsWith("/") ? base.href : `${base.href}/`);
  const origin = base.origin;
  const file = attr(`sessions/${encodeURIComponent(session.id || "session")}.json`);
  const ways = [
    [w("loader"), `<script src="${root}embed.js"\n        integrity="${sri}" crossorigin="anonymous"\n        data-session="${file}" data-lang="fr" async></script>`, `Content-Security-Policy: default-src 'self'; script-src 'self' ${origin}; frame-src ${origin}; connect-src 'self'`],
    [w("iframe"), `<iframe src="${root}index.html?session=${file}&lang=fr"\n        title="Inscription en candidat individuel : votre liste de démarches"\n        width="100%" height="1800" loading="lazy"></iframe>`, `Content-Security-Policy: default-src 'self'; frame-src ${origin}`],
    [w("element"), `<script type="module" src="${root}pkg/candidat-element.js"></script>\n<candidat-checklist session="${root}${file}" lang="fr"></candidat-checklist>`, `Content-Security-Policy: default-src 'self'; script-src 'self' ${origin} 'wasm-unsafe-eval'; connect-src 'self' ${origin}; img-src 'self' ${origin}`],
  ];
  out.replaceChildren(...ways.map(([title, code, csp]) => h("div", { class: "studio-snippet" },
    h("h3", { text: title }), h("pre", {}, h("code", { text: code })), h("p", { text: w("csp") }), h("pre", {}, h("code", { text: csp })))));
}

// ── The page ─────────────────────────────────────────────────────────────────────────────
/** Draws the whole studio again (a structural change: an item added or removed, the return
 *  mode, the language, a file opened); the focus goes to `focus` (an id), never lost. */
function render(focus) {
  draw();
  if (focus) document.getElementById(focus)?.focus();
}

function draw() {
  const root = document.getElementById("studio");
  document.documentElement.lang = lang;
  document.getElementById("studio-title").textContent = w("title");
  document.getElementById("studio-tagline").textContent = w("tagline");
  document.title = `${w("title")} — candidat individuel`;
  const start = h("section", { class: "studio-start card", "data-testid": "studio-start", "aria-labelledby": "h-start" },
    h("h2", { id: "h-start", text: w("start") }),
    h("label", { class: "fr-label", for: "open-file", text: w("open") }),
    h("input", { type: "file", id: "open-file", accept: ".json,application/json", class: "fr-upload", onchange: (e) => openFile(e.target.files?.[0]) }),
    h("p", { class: "studio-drop", id: "drop-zone", text: w("drop") }),
    h("div", { class: "fr-btns-group fr-btns-group--inline" },
      h("button", { type: "button", class: "fr-btn fr-btn--secondary", "data-testid": "start-example", onclick: startExample, text: w("example") }),
      h("button", { type: "button", class: "fr-btn fr-btn--secondary", "data-testid": "start-empty", onclick: () => { session = emptySession(); render("f-id"); }, text: w("empty") })),
    h("p", { class: "fr-error-text", id: "open-error", hidden: true }));
  const head = [
    h("h1", { id: "studio-h1", text: w("title") }),
    h("p", { text: w("intro") }),
    h("button", { type: "button", class: "fr-btn fr-btn--tertiary fr-btn--sm", lang: lang === "fr" ? "en" : "fr", "data-testid": "studio-lang", id: "studio-lang", onclick: () => { lang = lang === "fr" ? "en" : "fr"; render("studio-lang"); }, text: w("lang") }),
    start,
  ];
  if (!session) {
    root.replaceChildren(...head);
    return;
  }
  const side = h("aside", { class: "studio-side", "aria-label": w("preview") },
    h("section", { class: "card", "data-testid": "studio-problems", "aria-labelledby": "h-problems" },
      h("h2", { id: "h-problems", text: w("problems") }),
      h("p", { id: "problem-none", class: "fr-valid-text", role: "status", text: w("none"), hidden: true }),
      h("p", { class: "fr-error-text studio-problems", id: "problem-general", "data-problems-for": "$", hidden: true }),
      h("ul", { id: "problem-list" })),
    h("section", { class: "card", "data-testid": "studio-preview", "aria-labelledby": "h-preview" },
      h("h2", { id: "h-preview", text: w("preview") }),
      h("label", { class: "fr-label", for: "preview-at", text: w("preview_at") }),
      h("input", { class: "fr-input", type: "datetime-local", id: "preview-at", oninput: () => showPreview(problemsOf(fileText()).length === 0) }),
      h("p", { id: "preview-off", text: w("preview_off") }),
      h("div", { id: "preview-box", class: "studio-preview", "data-testid": "preview-box" })),
    h("section", { class: "card", "data-testid": "studio-export", "aria-labelledby": "h-export" },
      h("h2", { id: "h-export", text: w("export") }),
      h("div", { class: "fr-btns-group fr-btns-group--inline" },
        h("button", { type: "button", class: "fr-btn", id: "download", "data-testid": "download", onclick: download, text: w("download") }),
        h("button", { type: "button", class: "fr-btn fr-btn--secondary", "data-testid": "copy", onclick: () => navigator.clipboard?.writeText(fileText()).then(() => (document.getElementById("copy-done").hidden = false)), text: w("copy") })),
      h("p", { id: "copy-done", role: "status", text: w("copied"), hidden: true }),
      h("details", {}, h("summary", { text: w("json") }), h("pre", { class: "studio-json" }, h("code", { id: "export-json", "data-testid": "export-json" })))),
    h("section", { class: "card", "data-testid": "studio-snippets", "aria-labelledby": "h-snippets" },
      h("h2", { id: "h-snippets", text: w("snippets") }),
      h("label", { class: "fr-label", for: "snippet-base", text: w("base") }),
      h("input", { class: "fr-input", type: "url", id: "snippet-base", value: new URL(".", location.href).href, oninput: snippets }),
      h("div", { id: "snippets-out" })));
  root.replaceChildren(...head, h("div", { class: "studio-grid" }, form(), side));
  snippets();
  changed();
}

function startExample() {
  load(example);
}

/** A date and hour read in the session's zone ("2024-10-20T10:00", America/Martinique) as an
 *  RFC 3339 instant: the preview's "now" is the académie's clock, not this computer's. */
function inZone(local, zone) {
  const guess = new Date(`${local}:00Z`);
  if (Number.isNaN(guess.getTime())) return undefined;
  const offset = (at) => {
    const parts = new Intl.DateTimeFormat("en-US", { timeZone: zone, hourCycle: "h23", year: "numeric", month: "2-digit", day: "2-digit", hour: "2-digit", minute: "2-digit" }).formatToParts(at);
    const part = (type) => Number(parts.find((p) => p.type === type)?.value);
    return Date.UTC(part("year"), part("month") - 1, part("day"), part("hour"), part("minute")) - at.getTime();
  };
  // Twice: the offset at the guess may not be the offset at the answer (a clock change between).
  const first = new Date(guess.getTime() - offset(guess));
  return new Date(guess.getTime() - offset(first)).toISOString();
}

function load(text) {
  const error = () => document.getElementById("open-error");
  const before = session;
  try {
    const s = JSON.parse(text);
    if (!s || typeof s !== "object" || Array.isArray(s)) throw new Error("{ … }");
    session = { ...emptySession(), ...s, return: { ...s.return }, links: { ...s.links } };
    render("f-id");
  } catch (e) {
    session = before;
    if (before) render();
    error().hidden = false;
    error().textContent = `${w("open_error")} ${e.message}`;
  }
}

async function openFile(file) {
  if (file) load(await file.text());
}

// Drag and drop anywhere on the page opens the file.
addEventListener("dragover", (e) => e.preventDefault());
addEventListener("drop", (e) => {
  e.preventDefault();
  openFile(e.dataTransfer?.files?.[0]);
});

try {
  const read = async (url) => (await fetch(url)).text();
  let sriText;
  [, , sriText, example] = await Promise.all([initEngine(), initWidget(), read("embed.js.sri.txt"), read("sessions/aix-marseille-2023.json")]);
  sri = sriText.trim();
  render();
} catch (err) {
  const root = document.getElementById("studio");
  root.append(h("div", { class: "fr-alert fr-alert--error", role: "alert" }, h("p", { text: `Le studio n'a pas pu démarrer / The studio could not start: ${err?.message ?? err}` })));
}

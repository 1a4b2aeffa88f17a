// candidat: the checklist as an ES module, for sites that bundle their scripts.
//
//   import init, { mount } from "…/pkg/candidat.js";
//   await init();
//   const widget = mount(document.getElementById("here"), { session: "/sessions/x.json" });
//
// mount() gives the container its own shadow root with the widget's stylesheet adopted: the
// host page's CSS does not reach in and ours does not leak out. It fetches a session given by
// URL here, in the host page (under the host's CSP), and says which of CSP, CORS, HTTP status
// or JSON is at fault. It dispatches candidat:ready / candidat:error / candidat:change on the
// container (no answer in any event). The raw WebAssembly glue is ./candidat_wasm.js.
import wasmInit, { mount as mountInto } from "./candidat_wasm.js";
import { watch } from "./candidat-events.js";

let started;
let sheet;
/** Why the WebAssembly could not start (a host CSP without 'wasm-unsafe-eval', an old
 *  browser): mount() then says so inside the widget instead of throwing. */
let broken;
/** The sheet once loaded: adopted at once by every mount() after `await init()`. */
let loaded;

/** Loads the WebAssembly and the widget's stylesheet. Await it once before `mount()`; the
 *  argument, if any, goes to wasm-bindgen's init (`{ module_or_path }`). */
export default function init(wasm) {
  started ??= Promise.all([
    wasmInit(wasm).catch((err) => {
      broken = err;
      throw err;
    }),
    stylesheet(),
  ]);
  return started.then(() => undefined);
}

/** The widget's stylesheet, as a constructed sheet (allowed under a strict `style-src`). Its
 *  icons are beside it: a constructed sheet would resolve them against the host page. */
function stylesheet() {
  sheet ??= fetch(new URL("./candidat.css", import.meta.url))
    .then((r) => {
      if (!r.ok) throw new Error(`candidat.css: HTTP ${r.status}`);
      return r.text();
    })
    .then((text) => {
      const s = new CSSStyleSheet();
      // A template literal, so that bundlers (Vite) ship every icon with the package.
      s.replaceSync(text.replace(/url\("icons\/([^"]+)"\)/g, (_, name) => `url("${new URL(`./icons/${name}`, import.meta.url).href}")`));
      return (loaded = s);
    })
    .catch((err) => {
      // Without its sheet the widget still works, unstyled; never break the host page.
      console.error("candidat: the widget's stylesheet could not be loaded:", err);
      return null;
    });
  return sheet;
}

const roots = new WeakMap();
/** The widget drawn in each root (a second mount() on the same element replaces it). */
const current = new WeakMap();
/** Roots that already print their widget alone (one listener each, whatever the mounts). */
const printing = new WeakSet();

/** The shadow root mount() draws into: the container's own (created once, kept for the next
 *  mount), or, where an element cannot have one (`<td>`, an element that has another's), a
 *  `<div>` of ours inside it. */
function shadowFor(element, closed) {
  let root = roots.get(element);
  if (root && (root.mode === "closed") !== closed)
    console.warn(`candidat: this element already has an ${root.mode} shadow root from an earlier mount(); \`closed\` cannot change it`);
  if (!root) {
    const mode = closed ? "closed" : "open";
    try {
      if (element.shadowRoot) throw new Error("taken");
      root = element.attachShadow({ mode });
    } catch {
      root = element.appendChild(document.createElement("div")).attachShadow({ mode });
    }
    roots.set(element, root);
  }
  return root;
}

/** Fetches a session file in this page, and says why when it cannot: `{ text }`, or
 *  `{ failure }` as `http:<status>`, `csp` (this page's connect-src), `cors` (the file's server
 *  does not allow this page, or the network is down) or `network`. */
export async function fetchSession(url) {
  let blocked = false;
  // This fetch's own violation, enforced (another widget's, or a report-only policy's, is not).
  const seen = (e) => {
    if (e.blockedURI === url && e.disposition !== "report") blocked = true;
  };
  document.addEventListener("securitypolicyviolation", seen);
  try {
    const r = await fetch(url);
    return r.ok ? { text: await r.text() } : { failure: `http:${r.status}` };
  } catch {
    // The violation is reported in a task of its own, which may come after the rejection.
    await new Promise((later) => setTimeout(later, 0));
    return { failure: blocked ? "csp" : new URL(url).origin !== location.origin ? "cors" : "network" };
  } finally {
    document.removeEventListener("securitypolicyviolation", seen);
  }
}

const printSheet = () => {
  const s = new CSSStyleSheet();
  s.replaceSync("@media print{[data-candidat-print-hidden]{display:none!important}}");
  return s;
};
let hidingSheet;

/** The widget's print button prints the widget, not the host page: everything beside the
 *  widget's ancestors is hidden for print (a print-only rule, so a print cancelled or never
 *  followed by `afterprint` changes nothing on screen). Ctrl+P prints the host page as it is. */
function printOnlyThis(root) {
  if (printing.has(root)) return;
  printing.add(root);
  root.addEventListener(
    "click",
    (e) => {
      if (!(e.target instanceof Element) || !e.target.closest('[data-testid="print"]')) return;
      hidingSheet ??= printSheet();
      if (!document.adoptedStyleSheets.includes(hidingSheet)) document.adoptedStyleSheets = [...document.adoptedStyleSheets, hidingSheet];
      const hidden = [];
      for (let at = root.host; at && at !== document.body && at.parentElement; at = at.parentElement) {
        for (const sibling of at.parentElement.children) {
          if (sibling !== at && !sibling.hasAttribute("data-candidat-print-hidden")) {
            sibling.setAttribute("data-candidat-print-hidden", "");
            hidden.push(sibling);
          }
        }
      }
      addEventListener("afterprint", () => hidden.forEach((el) => el.removeAttribute("data-candidat-print-hidden")), { once: true });
    },
    true,
  );
}

/** The engine that reads session files version 2 (questions, pieces, eligibility), fetched
 *  only for such a file (docs/adr/0016-two-engines.md): its module, initialised. */
let engineV2;
const v2Engine = () =>
  (engineV2 ??= import("./candidat_wasm_v2.js")
    .then(async (engine) => {
      await engine.default();
      return engine;
    })
    .catch((err) => {
      engineV2 = undefined; // a later mount tries again (a network that came back)
      throw err;
    }));
/** Whether a session (its object, or the text of its file) declares version 2's lists or
 *  names a zone only the v2 engine knows (Miquelon, Wallis). */
const V2_ONLY = /"(questions|pieces|eligibility)"\s*:|America\/Miquelon|Pacific\/Wallis/;
const isV2 = (session, text) =>
  typeof text === "string"
    ? V2_ONLY.test(text)
    : !!session && typeof session === "object" && V2_ONLY.test(JSON.stringify(session));

const NOT_AN_ELEMENT = "candidat: mount(element, options) needs a DOM element as its first argument";

/** The checklist inside `element`, in its own shadow root. Returns at once: a loading line,
 *  then the checklist or the problems (of the options, each by its path, or of the session).
 *  Options: `session` (object, or URL relative to this page), `lang` ("fr" | "en"), `now`
 *  (RFC 3339), `page` (the standalone page, for the share link), `closed` (a closed shadow
 *  root). A container that is not an element throws a TypeError. */
export function mount(element, options) {
  if (!element || element.nodeType !== 1 || typeof element.attachShadow !== "function") throw new TypeError(NOT_AN_ELEMENT);
  const opts = options !== null && typeof options === "object" ? { ...options } : options;
  const closed = opts?.closed === true;
  const root = shadowFor(element, closed);
  // One widget per root: a second mount() replaces the first (its app stops too).
  current.get(root)?.unmount();
  const widget = new Widget(element, root, opts?.lang);
  current.set(root, widget);
  if (typeof opts?.session !== "string") {
    widget.start(opts);
    return widget;
  }
  let url;
  try {
    url = new URL(opts.session, document.baseURI).href;
  } catch {
    widget.start(opts, undefined, "adresse illisible");
    return widget;
  }
  opts.session = url;
  widget.loading(opts.lang === "en" ? "Loading the session…" : "Chargement de la session…");
  fetchSession(url).then(({ text, failure }) => widget.start(opts, text, failure));
  return widget;
}

/** A mounted widget: `unmount()`, `setLang("fr" | "en")` (the answers stay). */
export class Widget {
  #element;
  #root;
  #box;
  #raw;
  #lang;
  #stop;
  /** The version-2 engine's module, once loaded for this widget's session. */
  #v2;
  #gone = false;

  constructor(element, root, lang) {
    this.#element = element;
    this.#root = root;
    this.#lang = lang;
    this.#box = document.createElement("div");
    this.#box.className = "candidat-mount";
    if (loaded) root.adoptedStyleSheets = [loaded];
    else
      stylesheet().then((s) => {
        if (s && !this.#gone) root.adoptedStyleSheets = [s];
      });
    root.replaceChildren(this.#box);
    printOnlyThis(root);
  }

  /** The line shown while the session is fetched: inside the styled root, in its language. */
  loading(text) {
    const line = document.createElement("p");
    line.className = "candidat-root candidat-loading";
    line.setAttribute("role", "status");
    line.lang = this.#lang === "en" ? "en" : "fr";
    line.dir = "ltr";
    line.textContent = text;
    this.#box.replaceChildren(line);
  }

  start(opts, text, failure) {
    if (this.#gone) return;
    if (broken) {
      this.#fail(`WebAssembly: ${broken?.message ?? broken}`);
      return;
    }
    if (opts && typeof opts === "object" && this.#lang !== opts.lang) opts.lang = this.#lang;
    if (isV2(opts?.session, text) && !this.#v2) {
      this.loading(this.#lang === "en" ? "Loading the session…" : "Chargement de la session…");
      v2Engine().then(
        (engine) => {
          this.#v2 = engine;
          this.start(opts, text, failure);
        },
        (err) => {
          // This widget's failure only: the first engine and the other widgets are fine.
          console.error("candidat: the engine for session files version 2 could not load:", err);
          this.#fail(`WebAssembly (v2): ${err?.message ?? err}`);
        },
      );
      return;
    }
    this.#stop = watch(this.#box, (name, detail) =>
      this.#element.dispatchEvent(new CustomEvent(`candidat:${name}`, { detail, bubbles: true, composed: true })),
    );
    this.#raw = (this.#v2?.mount ?? mountInto)(this.#box, opts, text, failure);
  }

  /** The widget cannot start: said inside its styled root and in candidat:error. */
  #fail(why) {
    this.loading(
      this.#lang === "en"
        ? `The checklist could not start in this page (WebAssembly blocked: the page's CSP must allow 'wasm-unsafe-eval'; or not supported, or not downloaded). ${why}`
        : `La liste n'a pas pu démarrer dans cette page (WebAssembly bloqué : la CSP de la page doit permettre 'wasm-unsafe-eval' ; ou non pris en charge, ou non téléchargé). ${why}`,
    );
    this.#box.firstChild.setAttribute("role", "alert");
    this.#element.dispatchEvent(new CustomEvent("candidat:error", { detail: { problems: [{ path: "$", message: why }] }, bubbles: true, composed: true }));
  }

  setLang(lang) {
    this.#lang = lang;
    this.#raw?.setLang(lang);
  }

  unmount() {
    if (this.#gone) return;
    this.#gone = true;
    this.#stop?.();
    this.#raw?.unmount();
    this.#raw?.free();
    this.#raw = undefined;
    // Only its own content: a newer widget may already be drawn in this root.
    if (current.get(this.#root) !== this) return;
    current.delete(this.#root);
    this.#root.replaceChildren();
    // A root of its own stays with the element (it cannot be taken off); our <div> goes.
    if (this.#root.host !== this.#element) {
      this.#root.host.remove();
      roots.delete(this.#element);
    }
  }
}

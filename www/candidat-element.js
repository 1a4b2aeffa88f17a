// <candidat-checklist session="sessions/x.json" lang="fr" now="2022-11-02T10:00:00+01:00"
//   page="https://…/index.html" closed></candidat-checklist>
// The checklist in an open shadow root with its own stylesheet (constructable: allowed under a
// strict style-src), so that the host page's CSS does not reach in and ours does not leak out.
import init, { mount } from "./candidat.js";

let ready;
let sheet;
const start = () => (ready ??= init());
const styles = () =>
  (sheet ??= fetch(new URL("./candidat.css", import.meta.url))
    .then((r) => {
      if (!r.ok) throw new Error(`candidat.css: HTTP ${r.status}`);
      return r.text();
    })
    .then((text) => {
      // Its icons are beside it; a constructed sheet would resolve them against the page.
      const icons = new URL("./icons/", import.meta.url).href;
      const s = new CSSStyleSheet();
      s.replaceSync(text.replaceAll('url("icons/', `url("${icons}`));
      return s;
    }));

class CandidatChecklist extends HTMLElement {
  static observedAttributes = ["session", "lang", "now", "page"];

  connectedCallback() {
    this.#render();
  }

  disconnectedCallback() {
    this.#unmount();
  }

  attributeChangedCallback() {
    if (this.isConnected && this.#root) this.#render();
  }

  #root;
  #shadow;
  #widget;
  #generation = 0;

  #unmount() {
    this.#generation++;
    const w = this.#widget;
    this.#widget = undefined;
    w?.unmount();
    w?.free();
  }

  async #render() {
    this.#unmount();
    const generation = this.#generation;
    if (!this.#root) {
      // `closed`: the host page's scripts (analytics, session replay) cannot reach the answers
      // through element.shadowRoot (README "Privacy in shared pages").
      this.#shadow = this.shadowRoot ?? this.attachShadow({ mode: this.hasAttribute("closed") ? "closed" : "open" });
      this.#root = document.createElement("div");
      this.#shadow.replaceChildren(this.#root);
    }
    try {
      const [, css] = await Promise.all([start(), styles()]);
      if (generation !== this.#generation || !this.isConnected) return;
      this.#shadow.adoptedStyleSheets = [css];
    } catch (err) {
      // Without its sheet the widget still works, unstyled; never break the host page.
      console.error("candidat:", err);
      if (generation !== this.#generation || !this.isConnected) return;
    }
    const opt = {};
    const session = this.getAttribute("session");
    if (session) opt.session = new URL(session, document.baseURI).href;
    for (const name of ["lang", "now", "page"]) {
      const v = this.getAttribute(name);
      if (v) opt[name] = v;
    }
    try {
      this.#widget = mount(this.#root, opt);
    } catch (err) {
      console.error("candidat:", err);
    }
  }
}

if (!customElements.get("candidat-checklist")) customElements.define("candidat-checklist", CandidatChecklist);

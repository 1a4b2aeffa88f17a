// <candidat-checklist session="sessions/x.json" lang="fr" now="2022-11-02T10:00:00+01:00"
//   page="https://…/index.html" closed></candidat-checklist>
// The checklist in the element's own shadow root (pkg/candidat.js's mount()): the host page's
// CSS does not reach in and ours does not leak out. The candidate's answers live as long as
// the element: moved in the page (a modal, a tab), removed and put back, its `lang` changed,
// they stay; only `reset()` (or another session) starts afresh.
import init, { mount } from "./candidat.js";

export class CandidatChecklist extends HTMLElement {
  static observedAttributes = ["session", "lang", "now", "page"];

  #widget;
  #shown = false;

  connectedCallback() {
    if (!this.#shown) this.#render().catch((err) => console.error("candidat:", err));
  }

  attributeChangedCallback(name, before, after) {
    if (!this.#shown || before === after) return;
    if (name === "lang") this.#widget?.setLang(after ?? "fr");
    else this.#render();
  }

  /** Starts afresh: the answers given in this element are dropped. */
  reset() {
    if (this.#shown) this.#render();
  }

  async #render() {
    this.#shown = true;
    this.#widget?.unmount();
    this.#widget = undefined;
    const generation = (this.#generation = (this.#generation ?? 0) + 1);
    // A WebAssembly that cannot start is said inside the widget by mount(), and in the console.
    await init().catch((err) => console.error("candidat:", err));
    if (generation !== this.#generation) return;
    // Read now, not before the wait: an attribute set while the wasm downloaded counts.
    const options = { closed: this.hasAttribute("closed") };
    for (const name of ["session", "lang", "now", "page"]) {
      const v = this.getAttribute(name);
      if (v) options[name] = v;
    }
    try {
      this.#widget = mount(this, options);
    } catch (err) {
      // Never into the host page: mount() says its problems inside the widget.
      console.error("candidat:", err);
    }
  }

  #generation;
}

if (!customElements.get("candidat-checklist")) customElements.define("candidat-checklist", CandidatChecklist);

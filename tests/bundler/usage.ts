// Type-checked (tsc --noEmit, strict) against the package's candidat.d.ts and
// candidat-element.d.ts, as installed from the packed tarball. Never run.
import init, { mount, fetchSession, type CandidatState, type MountOptions, type Widget } from "candidat";
import "candidat/element";
import type { CandidatChecklist } from "candidat/element";

await init();
await init({ module_or_path: new URL("https://example.org/candidat_wasm_bg.wasm") });

const options: MountOptions = {
  session: "/sessions/aix-marseille-2024.json",
  lang: "en",
  now: "2024-11-02T10:00:00+01:00",
  page: "https://example.org/candidat/",
  closed: true,
};
const container: HTMLDivElement = document.createElement("div");
const widget: Widget = mount(container, options);
widget.setLang("fr");
widget.unmount();
mount(container, { session: { id: "x" } }).unmount();
mount(container);

// @ts-expect-error only "fr" and "en"
mount(container, { lang: "de" });

// The events, typed on every element: the mount() container and <candidat-checklist>.
container.addEventListener("candidat:ready", (e) => {
  const state: CandidatState = e.detail;
  const next: string | null = state.next;
  return next;
});
const el: CandidatChecklist | null = document.querySelector("candidat-checklist");
el?.addEventListener("candidat:change", (e) => {
  const phase: string = e.detail.phase;
  const verdict: string | null = e.detail.verdict;
  return [phase, verdict];
});
el?.addEventListener("candidat:error", (e) => e.detail.problems.map((p) => `${p.path}: ${p.message}`));
el?.reset();
const created: CandidatChecklist = document.createElement("candidat-checklist");
created.setAttribute("lang", "en");

const fetched = await fetchSession("/sessions/aix-marseille-2024.json");
const text: string = fetched.failure === undefined ? fetched.text : fetched.failure;
export { text };

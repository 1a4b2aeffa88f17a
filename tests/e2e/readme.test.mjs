// The README's embedding section, as a webmaster pastes it (issue 13, points 4–8, 10, 11, 13):
// every snippet marked `<!-- snippet: … -->` in README.md is read from there, its example
// origins replaced by the test's (the widget's site: BASE_URL; the académie's: a second
// loopback server), and served in a host page under the exact CSP header the README gives for
// that way. The session file lives on the académie's own site. Poll, never sleep.
import { test, describe, before, after } from "node:test";
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { launch, open, until as untilWithin, hostSite, recordViolations, simulate, violations, BASE_URL, DESKTOP } from "./harness.mjs";

const README = readFileSync(new URL("../../README.md", import.meta.url), "utf8");
const WIDGET = new URL(BASE_URL).origin;
const until = (read, ok, what, timeout = 15_000) => untilWithin(read, ok, what, timeout);

let browser;
let site;
let sri;
before(async () => {
  browser = await launch();
  site = await hostSite();
  sri = (await (await fetch(new URL("embed.js.sri.txt", BASE_URL))).text()).trim();
  // The académie's session file, on its own site (no CORS header: same origin as its pages).
  site.serve("/examens/session-2024.json", academieSession(), "application/json");
});
after(async () => {
  await browser?.close();
  await site?.close();
});

/// The académie's session file: the notice's, renamed.
function academieSession() {
  const session = JSON.parse(readFileSync(new URL("../../sessions/aix-marseille-2023.json", import.meta.url), "utf8"));
  Object.assign(session, { id: "exemple-2024", academie: "Exemple", academie_name: "Académie d'Exemple" });
  return JSON.stringify(session);
}

/// A snippet of README.md, with the example origins made real.
function snippet(name) {
  const found = README.match(new RegExp(`<!-- snippet: ${name} -->\\s*\`\`\`[a-z]*\\n([\\s\\S]*?)\\n\`\`\``));
  assert.ok(found, `README.md has no snippet "${name}"`);
  return found[1]
    .replaceAll("https://candidat.example.fr/", BASE_URL)
    .replaceAll("https://candidat.example.fr", WIDGET)
    .replaceAll("https://www.ac-exemple.fr", site.origin)
    .replaceAll('integrity="sha384-…"', `integrity="${sri}"`);
}

/// The policy of a `csp-…` snippet, as a header value.
const policy = (name) => snippet(name).replace(/^Content-Security-Policy:\s*/, "");

/// A page of the académie's site, under `csp`, with a hostile CMS stylesheet; `files` are
/// served beside it (scripts: no inline script under these policies).
let count = 0;
async function academiePage({ csp, head = "", body, files = {} }) {
  const dir = `/page-${++count}`;
  for (const [name, text] of Object.entries(files)) site.serve(`${dir}/${name}`, text, "text/javascript");
  site.serve(`${dir}/cms.css`, "* { color: rgb(255, 0, 0) !important; font: 22px/66px serif !important; }", "text/css");
  site.serve(
    `${dir}/index.html`,
    `<!doctype html><html lang="fr"><head><meta charset="utf-8"><title>Examens — Académie d'Exemple</title>
     <link rel="stylesheet" href="cms.css">${head}</head><body><h1>Candidats individuels</h1>${body}<p id="after">Fin de l'article.</p></body></html>`,
    "text/html; charset=utf-8",
    { "content-security-policy": csp },
  );
  const t = await open(browser, DESKTOP);
  await recordViolations(t.context);
  await t.page.goto(`${site.origin}${dir}/index.html`);
  return t;
}

/// What the README's events snippet pushed for the tag manager.
const dataLayer = (page) => page.evaluate(() => window.dataLayer ?? []);

describe("the README's three ways, pasted as they are, under the README's policies", () => {
  test("1. the loader in the body, session beside the widget", async () => {
    const t = await academiePage({ csp: policy("csp-loader"), body: snippet("loader") });
    const frame = t.page.frameLocator("iframe");
    await t.page.locator("iframe").scrollIntoViewIfNeeded();
    await frame.locator("[data-phase]").waitFor({ timeout: 20_000 });
    assert.match(await t.page.locator("iframe").getAttribute("src"), /session=sessions%2Faix-marseille-2023\.json/);
    assert.deepEqual(await violations(t.page), []);
    await t.context.close();
  });

  test("1. the loader in <head>, a placeholder, the session on the académie's site; events reach the tag manager", async () => {
    const t = await academiePage({
      csp: policy("csp-loader"),
      head: `${snippet("loader").split("\n<noscript>")[0]}<script src="events.js"></script>`,
      body: snippet("loader-placeholder"),
      files: { "events.js": snippet("events") },
    });
    const frame = t.page.frameLocator("[data-candidat] iframe");
    await frame.locator("[data-phase]").waitFor({ timeout: 20_000 });
    // The académie's own file, fetched by the loader in the host page and handed over.
    await until(() => frame.locator("body").textContent(), (text) => text.includes("Académie d'Exemple"), "the académie's session");
    assert.ok(site.served.some((s) => s.endsWith("/examens/session-2024.json")));
    const events = await until(() => dataLayer(t.page), (d) => d.some((e) => e.event === "candidat:ready"), "candidat:ready");
    const ready = events.find((e) => e.event === "candidat:ready");
    assert.ok(ready.phase, JSON.stringify(ready));
    // A change: another day explored in the iframe moves the phase.
    await simulate(frame, "2022-11-02T10:00");
    const changed = await until(() => dataLayer(t.page), (d) => d.some((e) => e.event === "candidat:change"), "candidat:change");
    assert.equal(changed.find((e) => e.event === "candidat:change").phase, "registration-open");
    assert.deepEqual(await violations(t.page), []);
    await t.context.close();
  });

  test("2. the plain iframe", async () => {
    const t = await academiePage({ csp: policy("csp-iframe"), body: snippet("iframe") });
    await t.page.frameLocator("iframe").locator("[data-phase]").waitFor({ timeout: 20_000 });
    assert.deepEqual(await violations(t.page), []);
    await t.context.close();
  });

  test("3. the element, session on the académie's site, on a hostile CMS page: styled, isolated, events; answers kept when moved, re-added, or its lang changes", async () => {
    const t = await academiePage({
      csp: policy("csp-element"),
      head: '<script type="module" src="events.js"></script>',
      body: `<section id="tab-1">${snippet("element")}</section><section id="tab-2"></section>`,
      files: { "events.js": snippet("events") },
    });
    const w = t.page.locator("candidat-checklist");
    await w.locator("[data-phase]").waitFor({ timeout: 20_000 });
    assert.match(await w.locator(".candidat-root").first().textContent(), /Académie d'Exemple/);
    const look = () =>
      w.evaluate((host) => {
        const s = getComputedStyle(host.shadowRoot.querySelector("[data-testid=print]"));
        return { color: s.color, background: s.backgroundColor, font: s.fontFamily };
      });
    const styled = await look();
    assert.equal(styled.background, "rgb(0, 0, 145)");
    assert.notEqual(styled.color, "rgb(255, 0, 0)");
    assert.doesNotMatch(styled.font, /^serif$/);
    await until(() => dataLayer(t.page), (d) => d.some((e) => e.event === "candidat:ready"), "candidat:ready");

    // Answers, then a tab script moves the element, the page's language switch changes its
    // lang, a modal removes it and puts it back: the answers stay.
    await w.locator("[data-testid=diploma]").selectOption("cap");
    await t.page.evaluate(() => document.getElementById("tab-2").appendChild(document.querySelector("candidat-checklist")));
    await t.page.evaluate(() => document.querySelector("candidat-checklist").setAttribute("lang", "en"));
    await until(() => w.locator(".candidat-root").first().getAttribute("lang"), (l) => l === "en", "English");
    await t.page.evaluate(() => {
      const el = document.querySelector("candidat-checklist");
      el.remove();
      window.__el = el;
    });
    await t.page.evaluate(() => document.body.append(window.__el));
    await w.locator("[data-phase]").waitFor();
    assert.equal(await w.locator("[data-testid=diploma]").inputValue(), "cap");
    assert.equal(await w.locator(".candidat-root").first().getAttribute("lang"), "en");
    // Only an explicit reset starts afresh.
    await t.page.evaluate(() => document.querySelector("candidat-checklist").reset());
    await until(() => w.locator("[data-testid=diploma]").inputValue(), (v) => v !== "cap", "reset");
    assert.deepEqual(await violations(t.page), []);
    await t.context.close();
  });

  test("3. mount() from the README's snippet, unchanged, on a hostile CMS page: styled and isolated, loading line included", async () => {
    // A slow server: the loading line is seen.
    site.serve("/examens/session-2024.json", academieSession(), "application/json", {}, 1500);
    after(() => site.serve("/examens/session-2024.json", academieSession(), "application/json"));
    const t = await academiePage({
      csp: policy("csp-element"),
      head: '<script type="module" src="events.js"></script><script type="module" src="app.js"></script>',
      body: '<div id="candidat"></div>',
      files: { "events.js": snippet("events"), "app.js": `${snippet("mount")}\nwindow.__widget = widget;` },
    });
    const host = t.page.locator("#candidat");
    // The loading line, while the session is fetched: inside the styled root.
    const loading = await until(
      () => host.evaluate((h) => {
        const p = h.shadowRoot?.querySelector(".candidat-loading, [data-phase]");
        return p && { loading: p.matches(".candidat-loading"), color: getComputedStyle(p).color, lineHeight: getComputedStyle(p).lineHeight };
      }),
      (v) => v,
      "the widget's first content",
    );
    assert.ok(loading.loading, "a loading line first");
    assert.notEqual(loading.color, "rgb(255, 0, 0)");
    assert.notEqual(loading.lineHeight, "66px");
    await host.locator("[data-phase]").waitFor({ timeout: 20_000 });
    const s = await host.evaluate((h) => {
      const b = getComputedStyle(h.shadowRoot.querySelector("[data-testid=print]"));
      return { background: b.backgroundColor, color: b.color, sheets: h.shadowRoot.adoptedStyleSheets.length };
    });
    assert.equal(s.background, "rgb(0, 0, 145)");
    assert.notEqual(s.color, "rgb(255, 0, 0)");
    assert.equal(s.sheets, 1);
    await until(() => dataLayer(t.page), (d) => d.some((e) => e.event === "candidat:ready"), "candidat:ready");
    // setLang keeps the answers.
    await host.locator("[data-testid=diploma]").selectOption("cap");
    await t.page.evaluate(() => window.__widget.setLang("en"));
    await until(() => host.locator(".candidat-root").first().getAttribute("lang"), (l) => l === "en", "English");
    assert.equal(await host.locator("[data-testid=diploma]").inputValue(), "cap");
    assert.deepEqual(await violations(t.page), []);
    await t.context.close();
  });
});

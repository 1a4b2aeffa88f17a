// Embedding as a CMS does it (issue 13, points 1–3 and the skip link of 6): host pages on
// another origin than dist/ (a second loopback server, another port), the loader pasted in <head> with <div data-candidat>
// placeholders, heights that shrink back, strings refused as heights, links that never
// navigate the frame, skip links that leave the host's history alone. Poll, never sleep.
import { test, describe, before, after } from "node:test";
import assert from "node:assert/strict";
import { launch, open, until as untilWithin, hostSite, BASE_URL, DESKTOP } from "./harness.mjs";

let browser;
let site;
let HOST;
before(async () => {
  browser = await launch();
  site = await hostSite();
  HOST = site.origin;
});
after(async () => {
  await browser?.close();
  await site?.close();
});

const LOADER = new URL("embed.js", BASE_URL).href;

/// The harness's `until`, with room for a widget loading in a second origin's frame.
const until = (read, ok, what, timeout = 10_000) => untilWithin(read, ok, what, timeout);

/// A page of the académie's site with this body (and head), served from HOST.
let pageCount = 0;
async function hostPage(head, body) {
  const t = await open(browser, DESKTOP);
  const warnings = [];
  t.page.on("console", (m) => m.type() === "warning" && warnings.push(m.text()));
  const path = `/cms/${++pageCount}/examens/candidats-individuels.html`;
  site.serve(path, `<!doctype html><html lang="fr"><head><meta charset="utf-8"><title>Académie</title>${head}</head><body>${body}</body></html>`);
  // Nothing is fetched from the outside world: external links are answered here.
  await t.page.context().route("https://cyclades.education.gouv.fr/**", (r) => r.fulfill({ body: "Cyclades (stub)" }));
  await t.page.goto(HOST + path);
  return { ...t, warnings, path };
}

const height = (el) => el.evaluate((e) => Math.round(e.getBoundingClientRect().height));

describe("the loader pasted where a CMS puts it", () => {
  test("in <head>: it fills every <div data-candidat>, each with its own options", async () => {
    const t = await hostPage(
      `<script src="${LOADER}" data-lang="fr" async></script>`,
      `<h1>Examens</h1><div data-candidat data-lang="en" data-title="Checklist"></div>
       <p>Entre les deux.</p><div data-candidat data-session="demo/sessions/exemple-upload-2023.json"></div>`,
    );
    const frames = t.page.locator("[data-candidat] iframe");
    await until(() => frames.count(), (n) => n === 2, "two iframes");
    const [first, second] = [frames.nth(0), frames.nth(1)];
    assert.match(await first.getAttribute("src"), /lang=en/);
    assert.equal(await first.getAttribute("title"), "Checklist");
    assert.match(await second.getAttribute("src"), /session=demo%2Fsessions%2Fexemple-upload-2023\.json&lang=fr/);
    assert.match(await second.getAttribute("src"), new RegExp(`embed=${encodeURIComponent(HOST).replace(/\./g, "\\.")}`));
    for (const i of [0, 1]) {
      await frames.nth(i).scrollIntoViewIfNeeded(); // loading="lazy": loaded when near the screen
      await t.page.frameLocator("[data-candidat] iframe").nth(i).locator("[data-phase]").waitFor({ timeout: 20_000 });
    }
    assert.equal(await t.page.frameLocator("[data-candidat] iframe").nth(0).locator("html").getAttribute("lang"), "en");
    assert.deepEqual(t.warnings, []);
    await t.context.close();
  });

  test("in <head> with no placeholder: a console warning says so, nothing is inserted", async () => {
    const t = await hostPage(`<script src="${LOADER}" async></script>`, "<h1>Examens</h1><p>Pas de place.</p>");
    await until(() => t.warnings, (w) => w.some((m) => /candidat: .*data-candidat/.test(m)), "warning");
    assert.equal(await t.page.locator("iframe").count(), 0);
    await t.context.close();
  });

  test("at the spot where it is pasted (no placeholder), as before", async () => {
    const t = await hostPage("", `<section id="here"><script src="${LOADER}" async></script></section><footer>fin</footer>`);
    await until(() => t.page.locator("#here > iframe").count(), (n) => n === 1, "iframe after the script");
    await t.context.close();
  });
});

describe("the loader's height", () => {
  test("grows and shrinks back with the content; a string height is refused", async () => {
    const t = await hostPage(`<script src="${LOADER}" async></script>`, `<div data-candidat></div>`);
    const el = t.page.locator("[data-candidat] iframe");
    const frame = t.page.frameLocator("[data-candidat] iframe");
    await frame.locator("[data-phase]").waitFor({ timeout: 20_000 });
    const h0 = await until(() => height(el), (h) => h > 480, "first height");
    // Grow: every "Pourquoi ?" open; then shrink: all closed again.
    await frame.locator("details").evaluateAll((ds) => ds.forEach((d) => (d.open = true)));
    const grown = await until(() => height(el), (h) => h > h0 + 300, "grows");
    await frame.locator("details").evaluateAll((ds) => ds.forEach((d) => (d.open = false)));
    const back = await until(() => height(el), (h) => h < grown - 300, "shrinks back");
    assert.ok(Math.abs(back - h0) <= 2, `back to ${back}, was ${h0}`);
    // The page's own frame sends a string: refused. (The real messages are numbers.)
    const inner = t.page.frames().find((f) => f.url().startsWith(BASE_URL));
    await inner.evaluate((origin) => parent.postMessage({ type: "candidat:height", height: "777" }, origin), HOST);
    await inner.evaluate((origin) => parent.postMessage({ type: "candidat:height", height: 1e9 }, origin), HOST);
    await inner.evaluate((origin) => parent.postMessage({ type: "candidat:height", height: NaN }, origin), HOST);
    // …and the host's own window cannot set it either.
    await t.page.evaluate(() => window.postMessage({ type: "candidat:height", height: 900 }, "*"));
    await new Promise((r) => setTimeout(r, 300)); // let a wrongly accepted message land
    assert.equal(await height(el), back);
    await t.context.close();
  });
});

describe("inside a frame", () => {
  test("a link to another site opens in a new tab; the frame and the host stay where they are", async () => {
    const t = await hostPage(`<script src="${LOADER}" async></script>`, `<div data-candidat></div>`);
    const frame = t.page.frameLocator("[data-candidat] iframe");
    await frame.locator("[data-phase]").waitFor({ timeout: 20_000 });
    const link = frame.locator("[data-testid=links] a[href^='https://cyclades']").first();
    const inner = t.page.frames().find((f) => f.url().startsWith(BASE_URL));
    const before = inner.url();
    const [popup] = await Promise.all([t.context.waitForEvent("page"), link.click()]);
    await popup.waitForLoadState();
    assert.match(popup.url(), /^https:\/\/cyclades\.education\.gouv\.fr\//);
    assert.equal(inner.url(), before, "the frame did not navigate");
    assert.equal(t.page.url(), HOST + t.path);
    await t.context.close();
  });

  test("a plain <iframe>: the skip link moves the focus without a history entry", async () => {
    const t = await hostPage("", `<iframe src="${new URL("index.html", BASE_URL).href}" title="Liste" style="width:100%;height:900px"></iframe>`);
    const frame = t.page.frameLocator("iframe");
    await frame.locator("[data-phase]").waitFor({ timeout: 20_000 });
    const length = await t.page.evaluate(() => history.length);
    const skip = frame.locator(".fr-skiplinks a[href='#app']");
    await skip.focus();
    await skip.press("Enter");
    const inner = t.page.frames().find((f) => f.url().startsWith(BASE_URL));
    await until(() => inner.evaluate(() => document.activeElement?.id), (id) => id === "app", "focus on #app");
    assert.equal(await t.page.evaluate(() => history.length), length, "no history entry");
    assert.ok(!inner.url().includes("#app"), inner.url());
    await t.context.close();
  });
});

describe("isolation of the element", () => {
  test("in a right-to-left host page, the widget stays left-to-right, in its own language", async () => {
    const t = await open(browser, DESKTOP);
    await t.page.goto(new URL("demo/academie.html", BASE_URL).href);
    await t.page.evaluate(() => {
      document.documentElement.dir = "rtl";
      document.documentElement.lang = "ar";
    });
    const root = t.page.locator("#widget-aix .candidat-root").first();
    await root.waitFor({ timeout: 20_000 });
    assert.equal(await root.getAttribute("dir"), "ltr");
    assert.equal(await root.getAttribute("lang"), "fr");
    assert.equal(await root.evaluate((e) => getComputedStyle(e).direction), "ltr");
    assert.equal(await t.page.locator("#widget-aix").evaluate((e) => getComputedStyle(e).direction), "ltr");
    await t.context.close();
  });
});

describe("theming the element", () => {
  test("custom properties (accent, font, radius) and ::part() reach the widget; nothing else does", async () => {
    const t = await open(browser, DESKTOP);
    await t.page.goto(new URL("demo/academie.html", BASE_URL).href);
    const w = t.page.locator("#widget-aix");
    await w.locator("[data-phase]").waitFor({ timeout: 20_000 });
    const look = () => w.evaluate((host) => {
      const r = host.shadowRoot;
      const s = (sel) => getComputedStyle(r.querySelector(sel));
      return {
        button: s("[data-testid=print]").backgroundColor,
        font: s(".candidat-root").fontFamily,
        radius: s("[data-testid=print]").borderTopLeftRadius,
        verdict: s("[data-testid=verdict]").outlineColor,
      };
    });
    const before = await look();
    assert.equal(before.button, "rgb(0, 0, 145)"); // DSFR's blue by default
    assert.equal(before.radius, "0px");
    await t.page.addStyleTag({
      content: `candidat-checklist { --candidat-accent: rgb(138, 21, 56); --candidat-font: Georgia, serif; --candidat-radius: 8px; }
                candidat-checklist::part(verdict) { outline: 3px solid rgb(1, 2, 3); }`,
    });
    const after = await look();
    assert.equal(after.button, "rgb(138, 21, 56)");
    assert.match(after.font, /^Georgia, serif$/);
    assert.equal(after.radius, "8px");
    assert.equal(after.verdict, "rgb(1, 2, 3)");
    await t.context.close();
  });
});

describe("privacy in shared pages", () => {
  test("a `closed` element renders, and the host page's scripts cannot read its answers", async () => {
    const t = await open(browser, DESKTOP);
    await t.page.goto(new URL("demo/academie.html", BASE_URL).href);
    await t.page.locator("#widget-aix [data-phase]").waitFor({ timeout: 20_000 });
    const seen = await t.page.evaluate(async () => {
      const el = document.createElement("candidat-checklist");
      el.setAttribute("closed", "");
      el.setAttribute("session", "../sessions/aix-marseille-2023.json");
      el.setAttribute("now", "2022-11-02T10:00:00+01:00");
      document.body.append(el);
      // Rendered: the element takes the widget's height once the checklist is in.
      const end = Date.now() + 15_000;
      while (el.getBoundingClientRect().height < 400 && Date.now() < end) await new Promise((r) => setTimeout(r, 50));
      return {
        height: el.getBoundingClientRect().height,
        shadowRoot: el.shadowRoot,
        text: el.textContent,
        found: document.querySelectorAll("[data-testid=disability-group]").length,
      };
    });
    assert.ok(seen.height >= 400, `rendered: ${seen.height} px`);
    assert.equal(seen.shadowRoot, null);
    assert.equal(seen.text, "");
    assert.equal(seen.found, 0);
    await t.context.close();
  });
});

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
    // The first height once the page inside has its fonts (Marianne may arrive after the app).
    await frame.locator("body").evaluate(() => document.fonts.ready);
    const h0 = await until(() => height(el), (h) => h > 480, "first height");
    // Grow: every "Pourquoi ?" open; then shrink: all closed again.
    await frame.locator("details").evaluateAll((ds) => ds.forEach((d) => (d.open = true)));
    const grown = await until(() => height(el), (h) => h > h0 + 300, "grows");
    await frame.locator("details").evaluateAll((ds) => ds.forEach((d) => (d.open = false)));
    const back = await until(() => height(el), (h) => Math.abs(h - h0) <= 2, `shrinks back to ${h0} (grown: ${grown})`);
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

/// A page of the académie's site under `csp` (or none), whose module `app.js` is `script`.
async function modulePage(script, csp) {
  const dir = `/mod/${++pageCount}`;
  site.serve(`${dir}/app.js`, script, "text/javascript");
  site.serve(
    `${dir}/index.html`,
    `<!doctype html><html lang="fr"><head><meta charset="utf-8"><title>Académie</title><script type="module" src="app.js"></script></head>
     <body><h1 id="title">Examens</h1><div id="a"></div><div id="b"></div><div id="c"></div><p id="after">Fin.</p></body></html>`,
    "text/html; charset=utf-8",
    csp ? { "content-security-policy": csp } : {},
  );
  const t = await open(browser, DESKTOP);
  await t.page.goto(`${HOST}${dir}/index.html`);
  return t;
}

/// mount() of each `sessions[id]` into `#id`; every candidat:error recorded in `window.__errors`.
const mountEach = (sessions) => `
  import init, { mount } from "${BASE_URL}pkg/candidat.js";
  window.__errors = [];
  document.addEventListener("candidat:error", (e) => window.__errors.push({ id: e.target.id, problems: e.detail.problems }));
  await init();
  for (const [id, session] of Object.entries(${JSON.stringify(sessions)})) mount(document.getElementById(id), { session });
`;

/// The problem each widget shows (`$ : …`) once it shows one, by container id.
async function shownProblems(page, ids) {
  return until(
    () => page.evaluate((ids) => Object.fromEntries(ids.map((id) => [id, document.getElementById(id).shadowRoot?.querySelector("li[data-path]")?.textContent ?? null])), ids),
    (shown) => Object.values(shown).every((p) => p),
    "every widget shows its problem",
  );
}

describe("a session file that cannot be read says why (CORS, CSP, 404, invalid JSON)", () => {
  test("mount(): 404, invalid JSON and CORS, each named, inside the widget and in candidat:error", async () => {
    site.serve("/examens/broken.json", '{\n  "id": "x",\n  "academie": }', "application/json");
    site.serve("/examens/ok.json", "{}", "application/json"); // served without CORS header
    const t = await modulePage(mountEach({ a: "/examens/absent.json", b: "/examens/broken.json", c: `${site.otherOrigin}/examens/ok.json` }));
    const shown = await shownProblems(t.page, ["a", "b", "c"]);
    assert.match(shown.a, /HTTP 404, fichier introuvable.*\/examens\/absent\.json/);
    assert.match(shown.b, /pas du JSON valide \(ligne 3, colonne \d+\)/);
    assert.match(shown.c, /bloqué par CORS.*Access-Control-Allow-Origin/);
    const errors = await until(() => t.page.evaluate(() => window.__errors), (e) => e.length === 3, "three candidat:error");
    assert.deepEqual(errors.map((e) => e.id).sort(), ["a", "b", "c"]);
    for (const e of errors) assert.equal(e.problems[0].path, "$");
    assert.match(errors.find((e) => e.id === "b").problems[0].message, /^Ce n'est pas du JSON valide/);
    await t.context.close();
  });

  test("mount(): a file the page's CSP does not allow is named as a CSP problem", async () => {
    const csp = `default-src 'self'; script-src 'self' ${new URL(BASE_URL).origin} 'wasm-unsafe-eval'; connect-src 'self' ${new URL(BASE_URL).origin}; img-src ${new URL(BASE_URL).origin}`;
    const t = await modulePage(mountEach({ a: `${site.otherOrigin}/examens/ok.json` }), csp);
    const shown = await shownProblems(t.page, ["a"]);
    assert.match(shown.a, /politique de sécurité \(CSP\).*connect-src/);
    await t.context.close();
  });

  test("the loader: a file of another site without CORS is named as a CORS problem inside the iframe", async () => {
    const t = await hostPage(`<script src="${LOADER}" async></script>`, `<div data-candidat data-session="${site.otherOrigin}/examens/ok.json"></div>`);
    const frame = t.page.frameLocator("[data-candidat] iframe");
    const li = frame.locator("li[data-path]").first();
    await li.waitFor({ timeout: 20_000 });
    assert.match(await li.textContent(), /bloqué par CORS/);
    await t.context.close();
  });
});

describe("threat model: the standalone page never shows a file of another site by itself", () => {
  for (const query of ["session", "host-session"]) {
    test(`a crafted link ?${query}=<another site> is refused, and that site is never asked`, async () => {
      const t = await open(browser, DESKTOP);
      const asked = site.served.length;
      const url = new URL("index.html", BASE_URL);
      url.searchParams.set(query, `${HOST}/examens/crafted.json`);
      url.searchParams.set("embed", HOST); // a crafted link may say it is framed: it is not
      await t.page.goto(url.href);
      const li = t.page.locator("#app li[data-path]").first();
      await li.waitFor({ timeout: 20_000 });
      assert.match(await li.textContent(), /refusé.*son propre site/);
      // Another file than the default: the default session's summary is never shown as its own.
      assert.equal(await t.page.locator("html").getAttribute("data-other-session"), "");
      assert.equal(await t.page.locator("[data-phase]").count(), 0);
      assert.deepEqual(site.served.slice(asked).filter((s) => s.includes("crafted")), []);
      await t.context.close();
    });
  }
});

describe("printing from the element", () => {
  test("the widget's print button prints the widget alone; the host page is back after printing", async () => {
    const t = await open(browser, DESKTOP);
    await t.page.goto(new URL("demo/academie.html", BASE_URL).href);
    const w = t.page.locator("#widget-aix");
    await w.locator("[data-phase]").waitFor({ timeout: 20_000 });
    // What a print would show, read while the browser prints (window.print is the print).
    await t.page.evaluate(() => {
      window.print = () => {
        const shown = (el) => el.checkVisibility();
        window.__printed = {
          hidden: document.querySelectorAll("[data-candidat-print-hidden]").length,
          widget: shown(document.getElementById("widget-aix")),
        };
      };
    });
    await w.locator("[data-testid=print]").click();
    const printed = await until(() => t.page.evaluate(() => window.__printed), (p) => p, "printed");
    assert.ok(printed.hidden > 0, "something of the host page is hidden for print");
    assert.equal(printed.widget, true);
    await t.page.emulateMedia({ media: "print" });
    const inPrint = await t.page.evaluate(() => ({
      h1: document.querySelector("h1").checkVisibility(),
      otherWidgets: [...document.querySelectorAll("candidat-checklist:not(#widget-aix)")].map((e) => e.checkVisibility()),
      widget: document.getElementById("widget-aix").checkVisibility(),
    }));
    assert.equal(inPrint.h1, false);
    assert.deepEqual(inPrint.otherWidgets.filter(Boolean), []);
    assert.equal(inPrint.widget, true);
    await t.page.evaluate(() => dispatchEvent(new Event("afterprint")));
    assert.equal(await t.page.evaluate(() => document.querySelector("h1").checkVisibility()), true);
    assert.equal(await t.page.locator("[data-candidat-print-hidden]").count(), 0);
    await t.context.close();
  });
});

describe("a host page whose CSP forbids WebAssembly", () => {
  test("the element says so inside its styled root and in candidat:error; the host page goes on", async () => {
    const w = new URL(BASE_URL).origin;
    const t = await modulePage(
      `import "${BASE_URL}pkg/candidat-element.js";
       window.__errors = [];
       document.addEventListener("candidat:error", (e) => window.__errors.push(e.detail.problems[0].message));
       document.getElementById("a").append(document.createElement("candidat-checklist"));`,
      `default-src 'self'; script-src 'self' ${w}; connect-src 'self' ${w}; img-src ${w}`,
    );
    const line = await until(
      () => t.page.evaluate(() => {
        const p = document.querySelector("candidat-checklist")?.shadowRoot?.querySelector("[role=alert]");
        return p && { text: p.textContent, color: getComputedStyle(p).color };
      }),
      (v) => v,
      "the alert inside the widget",
    );
    assert.match(line.text, /WebAssembly bloqué : la CSP de la page doit permettre 'wasm-unsafe-eval'/);
    const errors = await until(() => t.page.evaluate(() => window.__errors), (e) => e.length === 1, "candidat:error");
    assert.match(errors[0], /^WebAssembly: /);
    assert.equal(await t.page.locator("#after").textContent(), "Fin.");
    await t.context.close();
  });
});

describe("the module API, as a host's scripts misuse it", () => {
  test("a malformed session URL, a second mount on the same element, and events that never name an answer-dependent step", async () => {
    const t = await open(browser, DESKTOP);
    await t.page.clock.setFixedTime(new Date("2022-11-02T10:00:00+01:00"));
    await t.page.goto(new URL("demo/academie.html", BASE_URL).href);
    const seen = await t.page.evaluate(async () => {
      const { default: init, mount } = await import("../pkg/candidat.js");
      await init();
      const make = () => document.body.appendChild(document.createElement("div"));
      // A malformed URL: said inside the widget, never thrown.
      const bad = make();
      let thrown = null;
      try {
        mount(bad, { session: "http://[::1" });
      } catch (e) {
        thrown = String(e);
      }
      // Two mounts on one element, then the first unmounted: the second stays.
      const twice = make();
      const first = mount(twice, {});
      mount(twice, { lang: "en" });
      first.unmount();
      // The events of a candidate with accommodations: the step is not named.
      const host = make();
      const events = [];
      host.addEventListener("candidat:change", (e) => events.push(e.detail));
      host.addEventListener("candidat:ready", (e) => events.push(e.detail));
      mount(host, {});
      const r = host.shadowRoot;
      r.querySelector("[data-testid=disability-existing]").click();
      r.querySelector("[data-testid=account-activated]").click();
      r.querySelector("#tick-register-online").click();
      // The page's own hook names the step; the events must not.
      const end = Date.now() + 5000;
      while (r.querySelector("[data-next]")?.getAttribute("data-next") !== "declare-handicap" && Date.now() < end) await new Promise((done) => setTimeout(done, 50));
      await new Promise((done) => setTimeout(done, 50));
      return {
        thrown,
        badProblem: bad.shadowRoot.querySelector("li[data-path]")?.textContent ?? null,
        secondShown: !!twice.shadowRoot.querySelector("[data-phase]"),
        secondLang: twice.shadowRoot.querySelector(".candidat-root")?.getAttribute("lang"),
        events,
        nextInPage: r.querySelector("[data-next]")?.getAttribute("data-next"),
      };
    });
    assert.equal(seen.thrown, null);
    assert.match(seen.badProblem, /adresse illisible/);
    assert.equal(seen.secondShown, true);
    assert.equal(seen.secondLang, "en");
    assert.ok(seen.events.length >= 1, JSON.stringify(seen.events));
    assert.equal(seen.nextInPage, "declare-handicap");
    assert.ok(seen.events.some((e) => e.next === "answer-dependent"), JSON.stringify(seen.events));
    for (const e of seen.events) assert.doesNotMatch(String(e.next), /handicap|accommodation|acquis|transcript|diploma|piece:/, JSON.stringify(e));
    await t.context.close();
  });
});

// The page before WebAssembly runs, and without it (issue 12, ADR 0012): `cargo xtask build`
// writes the session at a glance into dist/index.html, between the DSFR header and footer.
// With JavaScript off, or WebAssembly refused by the page's CSP, the candidate still finds the
// dates, the address, the Cyclades link and the documents; the app replaces the summary when it
// starts; another session's page never shows the default session's dates; the public pages a
// French public site owes are reached from the footer, in French and English.
import { test, describe, before, after } from "node:test";
import assert from "node:assert/strict";
import { launch, open, load, assertAccessible, assertClean, BASE_URL, PHONE, DESKTOP } from "./harness.mjs";

let browser;
before(async () => (browser = await launch()));
after(async () => browser?.close());

const CYCLADES = "https://cyclades.education.gouv.fr/cyccandidat/portal/login";

/// What the summary must give, read from the rendered text and links of the visible page.
async function assertEssentials(page, label) {
  const summary = page.getByTestId("summary-fr");
  assert.equal(await summary.isVisible(), true, `${label}: the French summary is shown`);
  const text = await summary.innerText();
  for (const part of [
    "mercredi 19 octobre 2022", // opening
    "jeudi 17 novembre 2022 à 23:59", // closing, with its hour
    "48\u00a0heures", // activation delay
    "vendredi 2 décembre 2022 à 23:59", // end of the return window
    "PLACE LUCIEN PAYE", // the address (shown in capitals, as on the envelope)
    "La notification d'aménagement d'épreuves", // a document…
    "si vous avez déjà un aménagement d'épreuves", // …with its condition
    "Créer votre compte Cyclades", // the first step
    "Envoyer le dossier par la poste", // the last one before the référentiel
  ]) {
    assert.ok(text.includes(part), `${label}: "${part}" in the summary`);
  }
  const cyclades = summary.locator(`a[href="${CYCLADES}"]`);
  assert.equal(await cyclades.count(), 1, `${label}: the Cyclades link`);
  assert.equal(await page.getByTestId("summary-en").isVisible(), false, `${label}: one language at a time`);
}

describe("without JavaScript", () => {
  for (const [name, viewport] of [["phone", PHONE], ["desktop", DESKTOP]]) {
    test(`the essentials are real HTML, the DSFR header and footer around them (${name})`, async () => {
      const t = await open(browser, viewport, { javaScriptEnabled: false });
      const { page, context } = t;
      await page.goto(BASE_URL);
      await assertEssentials(page, `no JS, ${name}`);
      // No "loading" line that would never end; the header names the académie.
      assert.equal(await page.locator("#loading").isVisible(), false);
      assert.match(await page.locator(".fr-header").innerText(), /Académie d'Aix-Marseille/);
      assert.match(await page.locator(".fr-header .fr-logo").innerText(), /République\s+française/i);
      const footer = page.locator("footer.fr-footer");
      for (const href of ["accessibilite.html", "mentions-legales.html", "donnees-personnelles.html", "contact.html"]) {
        assert.equal(await footer.locator(`a[href="${href}"]`).count(), 1, `footer links ${href}`);
      }
      // Headings in order: the page's h1, the summary's h2, its parts' h3.
      const headings = await page.$$eval("main :is(h1, h2, h3)", (hs) =>
        hs.filter((h) => h.offsetParent !== null).map((h) => h.tagName));
      assert.deepEqual(headings.slice(0, 3), ["H1", "H2", "H3"]);
      assertClean(t);
      await context.close();

      // axe needs a script of its own: the same static page, with every page script refused.
      const a = await open(browser, viewport);
      await a.page.route(/\/assets\/.*\.js$/, (route) => route.abort());
      await a.page.goto(BASE_URL);
      await assertEssentials(a.page, `page scripts refused, ${name}`);
      await assertAccessible(a.page, `static page, ${name}`);
      await a.context.close();
    });
  }
});

describe("WebAssembly refused by the page's Content Security Policy", () => {
  test("the summary stays, with a plain sentence instead of a loading line", async () => {
    const t = await open(browser, PHONE);
    const { page, context } = t;
    // The page as an administration's policy would serve it: scripts yes, WebAssembly no.
    await page.route(BASE_URL, async (route) => {
      const response = await route.fetch();
      const body = (await response.text()).replace(" 'wasm-unsafe-eval'", "");
      assert.ok(!body.includes("wasm-unsafe-eval"));
      await route.fulfill({ response, body });
    });
    await page.goto(BASE_URL);
    const alert = page.getByTestId("boot-error");
    await alert.waitFor({ timeout: 20_000 });
    assert.match(await alert.innerText(), /WebAssembly/);
    assert.match(await alert.innerText(), /L'essentiel de la session est ci-dessous/);
    assert.equal(await page.locator("#loading").count(), 0, "the loading line is gone");
    await assertEssentials(page, "wasm blocked");
    await assertAccessible(page, "wasm blocked");
    // The refusal itself is the one expected console error; nothing else went wrong.
    t.errors = t.errors.filter((e) => !/WebAssembly|wasm|candidat:/i.test(e));
    assertClean(t);
    await context.close();
  });
});

describe("with the app", () => {
  test("the app replaces the summary: the address and the Cyclades link are there once", async () => {
    const t = await open(browser, PHONE);
    const { page, context } = t;
    await load(page);
    assert.equal(await page.getByTestId("summary-fr").count(), 0);
    assert.equal(await page.locator(`a[href="${CYCLADES}"]`).count() >= 1, true);
    assert.equal(await page.getByTestId("address").count(), 1);
    assert.equal(await page.locator("h1").count(), 1, "one h1: the page's own");
    assert.equal(await page.locator("html").getAttribute("lang"), "fr");
    assertClean(t);
    await context.close();
  });

  test("another session's page never shows the default session's dates, and names its académie", async () => {
    const t = await open(browser, PHONE);
    const { page, context } = t;
    // Record whether the default summary is ever visible before the app shows that session.
    await page.addInitScript(() => {
      window.__summarySeen = false;
      const check = () => {
        const s = document.querySelector("[data-testid=summary-fr]");
        if (s && s.checkVisibility && s.checkVisibility()) window.__summarySeen = true;
      };
      new MutationObserver(check).observe(document, { subtree: true, childList: true, attributes: true });
      document.addEventListener("DOMContentLoaded", check);
    });
    await page.goto(new URL("?session=demo/sessions/exemple-upload-2023.json", BASE_URL).href);
    await page.waitForSelector("#app [data-phase]", { timeout: 20_000 });
    assert.equal(await page.evaluate(() => window.__summarySeen), false, "the default summary was shown");
    const name = await page.locator("#header-academie").innerText();
    assert.ok(!name.includes("Aix-Marseille"), `header names ${name}`);
    assert.equal(await page.locator("#header-academie").isVisible(), true);
    assertClean(t);
    await context.close();
  });

  test("in an iframe (?embed=), no header or footer: the host has its own", async () => {
    const t = await open(browser, PHONE);
    const { page, context } = t;
    await page.goto(new URL("?embed=https://example.org", BASE_URL).href);
    await page.waitForSelector("#app [data-phase]", { timeout: 20_000 });
    for (const sel of [".fr-header", ".fr-footer"]) {
      assert.equal(await page.locator(sel).isVisible(), false, `${sel} hidden`);
    }
    await context.close();
  });

  test("?lang=en before the app: the English summary, never the French one", async () => {
    const t = await open(browser, PHONE);
    const { page, context } = t;
    await page.route(/boot\.[0-9a-f]+\.js$/, (route) => route.abort()); // the app never starts
    await page.goto(new URL("?lang=en", BASE_URL).href);
    assert.equal(await page.getByTestId("summary-en").isVisible(), true);
    assert.equal(await page.getByTestId("summary-fr").isVisible(), false);
    assert.match(await page.getByTestId("summary-en").innerText(), /Thursday 17 November 2022, 23:59/);
    await context.close();
  });
});

describe("the pages a public site owes its users", () => {
  const PAGES = [
    ["accessibilite.html", "fr", /Déclaration d'accessibilité/, true],
    ["accessibility.html", "en", /Accessibility statement/, true],
    ["donnees-personnelles.html", "fr", /Données personnelles/, true],
    ["personal-data.html", "en", /Personal data/, true],
    ["mentions-legales.html", "fr", /Mentions légales/, true],
    ["legal-notice.html", "en", /Legal notice/, true],
    ["contact.html", "fr", /notice/i, false],
    ["contact-exam-office.html", "en", /notice/i, false],
  ];
  for (const [file, lang, title, placeholders] of PAGES) {
    test(`${file}: reached, in ${lang}, accessible`, async () => {
      const t = await open(browser, PHONE);
      const { page, context } = t;
      await page.goto(new URL(file, BASE_URL).href);
      assert.equal(await page.locator("html").getAttribute("lang"), lang);
      assert.match(await page.locator("h1").innerText(), title);
      assert.equal(await page.locator(".fr-header").isVisible(), true);
      assert.equal(await page.locator(".fr-footer").isVisible(), true);
      assert.equal((await page.locator("mark.placeholder").count()) > 0, placeholders, "placeholders marked as such");
      await assertAccessible(page, file);
      assertClean(t);
      await context.close();
    });
  }

  test("the footer leads to each page, and each page to its twin in the other language", async () => {
    const t = await open(browser, DESKTOP, { javaScriptEnabled: false });
    const { page, context } = t;
    await page.goto(BASE_URL);
    await page.locator("footer a[href='accessibilite.html']").click();
    await page.waitForURL(/accessibilite\.html$/);
    await page.locator("a[hreflang=en]").click();
    await page.waitForURL(/accessibility\.html$/);
    assert.equal(await page.locator("html").getAttribute("lang"), "en");
    await context.close();
  });
});

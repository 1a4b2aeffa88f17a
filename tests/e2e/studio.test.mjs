// The studio (issue 14, point 4; ADR 0017): an exam office with no developer tools writes a
// Martinique-like session file from an empty form, sees every problem beside its field, exports
// the file, which the CLI accepts, and the candidate's page then asks its JDC question. Only
// the keyboard-reachable controls a person would use; poll, never sleep.
import { test, describe, before, after } from "node:test";
import assert from "node:assert/strict";
import { execFileSync } from "node:child_process";
import { readFile, writeFile, rm } from "node:fs/promises";
import { fileURLToPath } from "node:url";
import { launch, open, until, assertAccessible, assertOnlyOwnOrigin, BASE_URL, DESKTOP } from "./harness.mjs";

const ROOT = fileURLToPath(new URL("../../", import.meta.url));
let browser;
before(async () => {
  browser = await launch();
});
after(async () => {
  await browser?.close();
});

const problems = (page) => page.$$eval("#problem-list li", (ls) => ls.map((l) => l.dataset.path));

describe("the studio", () => {
  test("a Martinique-like session from an empty form: problems by field, export, the CLI, the candidate's page", async () => {
    const t = await open(browser, DESKTOP, { acceptDownloads: true });
    const { page } = t;
    let steps = 0;
    const step = async (action) => {
      steps++;
      await action();
    };
    await page.goto(new URL("studio.html", BASE_URL).href);
    await step(() => page.getByTestId("start-empty").click());
    // The empty form's problems are listed, and shown beside their fields.
    const first = await until(() => problems(page), (p) => p.length > 0, "problems of the empty form");
    assert.ok(first.includes("$.id"), first.join());
    assert.equal(await page.locator("#f-id-problems").isHidden(), false);
    await assertAccessible(page, "studio, empty form");

    const fill = (id, value) => step(() => page.locator(`#${id}`).fill(value));
    await fill("f-id", "martinique-cap-2025");
    await fill("f-academie", "Martinique");
    await fill("f-academie_name", "Académie de Martinique");
    await fill("f-session_year", "2025");
    await fill("f-notice_reference", "CAP, inscriptions 2025");
    await step(() => page.locator("#f-time_zone").selectOption("America/Martinique"));
    await fill("f-pre_registration-opens", "2024-10-16");
    await fill("f-pre_registration-opens-time", "08:00");
    await fill("f-pre_registration-closes", "2024-11-15");
    await fill("f-pre_registration-closes-time", "17:00");
    await fill("f-return-opens", "2024-10-16");
    await fill("f-return-opens-time", "08:00");
    await fill("f-return-closes", "2024-12-06");
    await step(() => page.locator("#f-diplomas-cap").check());
    await step(() => page.locator("#f-return-mode").selectOption("upload"));
    await fill("f-return-instructions", "Déposez chaque pièce dans « Mes documents » de Cyclades.");
    await fill("f-links-academie", "https://www.ac-martinique.fr");
    // A question and the JDC certificate under it, the condition from the menus.
    await step(() => page.getByTestId("add-questions").click());
    await fill("f-questions-0-id", "age-16-24");
    await fill("f-questions-0-label-fr", "Avez-vous entre 16 et 24 ans ?");
    await step(() => page.getByTestId("add-pieces").click());
    await fill("f-pieces-0-id", "jdc-certificate");
    await fill("f-pieces-0-label-fr", "Déposer le certificat de participation à la JDC");
    await step(() => page.locator("#f-pieces-0-when-kind").selectOption("question"));
    await step(() => page.locator("#f-pieces-0-when-question").selectOption("age-16-24"));

    // A French typography problem is named beside its field, then fixed.
    const left = await until(() => problems(page), (p) => !p.includes("$.id"), "the id is accepted");
    if (left.length) {
      const where = left.map((p) => `${p}: ${p}`).join();
      assert.fail(`problems left: ${where} ${await page.locator("#problem-list").textContent()}`);
    }
    assert.equal(await page.locator("#problem-none").isVisible(), true);
    // The preview: the candidate's page of this session, on a date inside its window.
    await step(() => page.locator("#preview-at").fill("2024-10-20T10:00"));
    const preview = page.getByTestId("preview-box");
    await preview.locator("[data-testid=question-age-16-24-yes]").waitFor({ timeout: 20_000 });
    await assertAccessible(page, "studio, filled, with its preview");

    // Export: the downloaded file, 2-space indent, keys in the contract's order.
    const [download] = await Promise.all([page.waitForEvent("download"), step(() => page.getByTestId("download").click())]);
    assert.equal(download.suggestedFilename(), "martinique-cap-2025.json");
    const text = await readFile(await download.path(), "utf8");
    assert.deepEqual(Object.keys(JSON.parse(text)).slice(0, 4), ["id", "academie", "academie_name", "session_year"]);
    assert.match(text, /^\{\n {2}"id": "martinique-cap-2025",\n/);
    // The CLI, the scriptable twin, accepts it.
    const exported = `${ROOT}dist/sessions/studio-martinique-cap-2025.json`;
    await writeFile(exported, text);
    const cli = execFileSync("cargo", ["run", "-q", "--bin", "candidat", "--", "check-session", exported], { cwd: ROOT, encoding: "utf8" });
    assert.match(cli, /^OK martinique-cap-2025/);
    // Embed snippets for where dist/ is published, with the loader's SRI value.
    await step(() => page.locator("#snippet-base").fill("https://candidat.ac-martinique.fr/"));
    const snippets = await page.getByTestId("studio-snippets").textContent();
    assert.match(snippets, /src="https:\/\/candidat\.ac-martinique\.fr\/embed\.js"/);
    assert.match(snippets, /integrity="sha384-[A-Za-z0-9+/=]+"/);
    assert.match(snippets, /frame-src https:\/\/candidat\.ac-martinique\.fr/);
    assertOnlyOwnOrigin(t.requests);
    assert.deepEqual(t.errors, []);
    console.log(`# studio: the journey from an empty form to the exported file takes ${steps} steps`);
    await t.context.close();

    // The candidate's page reads the exported file and asks the JDC question; both answers.
    const c = await open(browser, DESKTOP);
    await c.page.clock.setFixedTime(new Date("2024-10-20T10:00:00-04:00"));
    await c.page.goto(new URL("index.html?session=sessions/studio-martinique-cap-2025.json", BASE_URL).href);
    await c.page.waitForSelector("#app [data-phase]", { timeout: 20_000 });
    const pieces = () => c.page.$$eval("#app [data-item^='piece:']", (els) => els.map((e) => e.dataset.item));
    await c.page.locator("[data-testid=question-age-16-24-yes]").check();
    await until(pieces, (p) => p.includes("piece:jdc-certificate"), "JDC asked when 16–24");
    await c.page.locator("[data-testid=question-age-16-24-no]").check();
    await until(pieces, (p) => !p.includes("piece:jdc-certificate"), "JDC not asked otherwise");
    await c.context.close();
    await rm(exported);
  });

  test("keyboard only: start, type, add a question, pick its condition from the menus", async () => {
    const t = await open(browser, DESKTOP);
    const { page } = t;
    await page.goto(new URL("studio.html", BASE_URL).href);
    await page.getByTestId("start-empty").waitFor();
    /// Tab until `selector` has the focus (a person's way through the page).
    const tabTo = async (selector) => {
      for (let i = 0; i < 400; i++) {
        if (await page.evaluate((sel) => document.activeElement?.matches(sel), selector)) return;
        await page.keyboard.press("Tab");
      }
      assert.fail(`${selector} never got the focus`);
    };
    const focused = () => page.evaluate(() => document.activeElement?.id);
    await tabTo("[data-testid=start-empty]");
    await page.keyboard.press("Enter");
    // The form takes the focus at its first field: nothing to look for.
    assert.equal(await focused(), "f-id");
    await page.keyboard.type("exemple-2025");
    await until(() => problems(page), (p) => !p.includes("$.id"), "the typed id is accepted");
    await tabTo("[data-testid=add-questions]");
    await page.keyboard.press("Enter");
    // A new item takes the focus at its first field.
    assert.equal(await focused(), "f-questions-0-id");
    await page.keyboard.type("age-16-24");
    await tabTo("[data-testid=add-pieces]");
    await page.keyboard.press("Enter");
    assert.equal(await focused(), "f-pieces-0-id");
    await tabTo("#f-pieces-0-when-kind");
    await page.keyboard.press("ArrowDown"); // "Selon la réponse à une question"
    await until(() => page.locator("#f-pieces-0-when-question").count(), (n) => n === 1, "the question menu");
    assert.equal(await page.locator("#f-pieces-0-when-question").inputValue(), "age-16-24");
    await t.context.close();
  });

  test("every session file of sessions/ comes back from the studio as it went in", async () => {
    const t = await open(browser, DESKTOP);
    const { page } = t;
    await page.goto(new URL("studio.html", BASE_URL).href);
    for (const name of ["aix-marseille-2023", "martinique-cap-2024", "toulouse-mc-2024", "clermont-ferrand-bp-2025"]) {
      const text = await readFile(`${ROOT}sessions/${name}.json`, "utf8");
      await page.locator("#open-file").setInputFiles({ name: `${name}.json`, mimeType: "application/json", buffer: Buffer.from(text) });
      await until(() => page.locator("#f-id").inputValue(), (v) => v === name, `${name} opened`);
      await page.locator("#problem-none").waitFor();
      const exported = await page.getByTestId("export-json").textContent();
      assert.deepEqual(JSON.parse(exported), JSON.parse(text), name);
    }
    await t.context.close();
  });

  test("an opened file's mistakes are kept for the validator to name, and never reach a snippet as markup", async () => {
    const t = await open(browser, DESKTOP);
    const { page } = t;
    await page.goto(new URL("studio.html", BASE_URL).href);
    const file = JSON.parse(await readFile(`${ROOT}sessions/martinique-cap-2024.json`, "utf8"));
    file.contacts = { email: "x@example.org" }; // a typo of `contact`
    file.eligibility[0].answer = "false"; // a string, not a boolean
    file.pieces[1].when = { diplomes: ["cap"] }; // a typo the menus do not know
    file.id = 'x" onload="alert(1)';
    await page.locator("#open-file").setInputFiles({ name: "typos.json", mimeType: "application/json", buffer: Buffer.from(JSON.stringify(file)) });
    const listed = await until(() => problems(page), (p) => p.includes("$.contacts"), "the unknown key named");
    assert.ok(listed.includes("$.eligibility[0].answer"), listed.join());
    assert.ok(listed.some((p) => p.startsWith("$.pieces[1].when")), listed.join());
    assert.ok(listed.includes("$.id"), listed.join());
    const exported = JSON.parse(await page.getByTestId("export-json").textContent());
    assert.deepEqual(exported.contacts, { email: "x@example.org" });
    assert.equal(exported.eligibility[0].answer, "false");
    const snippets = await page.getByTestId("studio-snippets").textContent();
    assert.doesNotMatch(snippets, /onload="/);
    await t.context.close();
  });

  test("opens a file, shows its problems by JSON path, and speaks English", async () => {
    const t = await open(browser, DESKTOP);
    const { page } = t;
    await page.goto(new URL("studio.html", BASE_URL).href);
    const broken = JSON.stringify({ id: "Bad Id", academie: "X", session_year: 2025, time_zone: "Mars/Olympus" });
    await page.locator("#open-file").setInputFiles({ name: "broken.json", mimeType: "application/json", buffer: Buffer.from(broken) });
    const listed = await until(() => problems(page), (p) => p.includes("$.id") && p.includes("$.time_zone"), "problems by path");
    assert.ok(listed.length >= 3, listed.join());
    await page.getByTestId("studio-lang").click();
    assert.equal(await page.locator("html").getAttribute("lang"), "en");
    await until(() => page.locator("#problem-list").textContent(), (x) => /[A-Za-z]/.test(x) && !/Il faut/.test(x), "English problems");
    await assertAccessible(page, "studio in English with problems");
    // Offline once loaded: the example is already in the page.
    await t.context.setOffline(true);
    await page.getByTestId("start-example").click();
    await page.locator("#problem-none").waitFor();
    assertOnlyOwnOrigin(t.requests);
    await t.context.close();
  });
});

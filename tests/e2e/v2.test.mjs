// Session files version 2 on the page (issue 14; ADR 0014–0016): an académie's own questions,
// pieces and eligibility, through the second engine the shells load only for such a file.
// The session is sessions/martinique-cap-2024.json, transcribed from the published notice
// (upload only, hours, the JDC certificate for ages 16 to 24, majority on 31 December for an
// individual CAP candidate without a preparation). Poll, never sleep.
import { test, describe, before, after } from "node:test";
import assert from "node:assert/strict";
import { readFile, writeFile, rm } from "node:fs/promises";
import { launch, open, until, assertAccessible, BASE_URL, DESKTOP } from "./harness.mjs";

const MARTINIQUE = "sessions/martinique-cap-2024.json";
// Within the registration window (Martinique time, UTC−4).
const CLOCK = new Date("2023-10-25T10:00:00-04:00");

let browser;
before(async () => {
  browser = await launch();
});
after(async () => {
  await browser?.close();
});

/// The standalone page with Martinique's session, the clock set inside its window.
async function martinique(fragment = "") {
  const t = await open(browser, DESKTOP);
  await t.page.clock.setFixedTime(CLOCK);
  await t.page.goto(new URL(`index.html?session=${MARTINIQUE}${fragment}`, BASE_URL).href);
  await t.page.waitForSelector("#app [data-phase]", { timeout: 20_000 });
  return t;
}

const pieces = (page) => page.$$eval("#app [data-item^='piece:']", (els) => els.map((e) => e.dataset.item));
const answer = (page, id, yes) => page.locator(`[data-testid=question-${id}-${yes ? "yes" : "no"}]`).check();

describe("a session file version 2 on the standalone page", () => {
  test("the v2 engine is fetched for it, and only for it", async () => {
    const t = await martinique();
    const wasm = t.requests.filter((u) => u.endsWith(".wasm"));
    assert.equal(wasm.length, 1, wasm.join());
    assert.match(wasm[0], /candidat_wasm_v2_bg\.[0-9a-f]+\.wasm$/);
    await t.context.close();

    const d = await open(browser, DESKTOP);
    await d.page.goto(BASE_URL);
    await d.page.waitForSelector("#app [data-phase]", { timeout: 20_000 });
    assert.deepEqual(d.requests.filter((u) => u.includes("candidat_wasm_v2")), []);
    await d.context.close();
  });

  test("its questions are asked, eligibility first; an unanswered question keeps its piece, with the reason", async () => {
    const t = await martinique();
    const asked = await t.page.$$eval("[data-testid=declared-questions] [data-question]", (fs) => fs.map((f) => f.dataset.question));
    assert.deepEqual(asked, ["prep-followed", "adult-31-dec", "age-16-24"]);
    // Unanswered: the JDC certificate is listed, its reason names the answer that removes it.
    assert.deepEqual(await pieces(t.page), ["piece:conditions-proofs", "piece:jdc-certificate"]);
    const why = await t.page.locator("[data-item='piece:jdc-certificate']").textContent();
    assert.match(why, /Déposer|déposer/);
    assert.match(why, /non/);
    await answer(t.page, "age-16-24", false);
    await until(() => pieces(t.page), (p) => !p.includes("piece:jdc-certificate"), "the JDC certificate goes");
    await answer(t.page, "age-16-24", true);
    await until(() => pieces(t.page), (p) => p.includes("piece:jdc-certificate"), "the JDC certificate comes back");
    // Back to "I don't know": not answered again, the piece stays listed.
    await answer(t.page, "age-16-24", false);
    await t.page.locator("[data-testid=question-age-16-24-unknown]").check();
    await until(() => pieces(t.page), (p) => p.includes("piece:jdc-certificate"), "unanswered again: listed");
    await assertAccessible(t.page, "v2 questions");
    assert.deepEqual(t.errors, []);
    await t.context.close();
  });

  test("not eligible is said plainly, with the notice's sentence; nothing is left to do", async () => {
    const t = await martinique();
    await answer(t.page, "prep-followed", false);
    await answer(t.page, "adult-31-dec", false);
    const verdict = t.page.locator("[data-verdict]");
    await until(() => verdict.getAttribute("data-verdict"), (v) => v === "not-eligible", "not-eligible");
    assert.match(await verdict.textContent(), /n'est pas possible/);
    assert.match(await t.page.locator("[data-testid=next-step]").textContent(), /il faut être majeur au 31 décembre 2024/);
    assert.equal(await t.page.locator("[data-testid=next-step]").getAttribute("data-next"), "");
    // Of age after all: eligible again.
    await answer(t.page, "adult-31-dec", true);
    await until(() => verdict.getAttribute("data-verdict"), (v) => v !== "not-eligible", "eligible again");
    await assertAccessible(t.page, "not eligible");
    await t.context.close();
  });

  test("the answers travel in the share link and come back from it", async () => {
    const t = await martinique();
    await answer(t.page, "age-16-24", false);
    await answer(t.page, "prep-followed", true);
    await t.page.getByRole("button", { name: "Créer un lien de partage" }).click();
    const link = new URL(await t.page.getByLabel("Lien pour reprendre plus tard").inputValue());
    assert.equal(link.searchParams.get("session"), MARTINIQUE, "the link opens the same session");
    const hash = link.hash;
    const situation = JSON.parse(Buffer.from(hash.slice(3, hash.indexOf("&")), "base64url").toString("utf8"));
    assert.deepEqual(situation.answers, { "prep-followed": true, "age-16-24": false });
    await t.context.close();

    const back = await martinique(hash);
    assert.equal(await back.page.locator("[data-testid=question-age-16-24-no]").isChecked(), true);
    assert.equal(await back.page.locator("[data-testid=question-prep-followed-yes]").isChecked(), true);
    assert.deepEqual(await pieces(back.page), ["piece:conditions-proofs"]);
    await back.context.close();
  });
});

describe("a session file version 2 remembered on the device", () => {
  test("answers to the académie's questions are kept when asked, and come back after a reload", async () => {
    const t = await martinique();
    await answer(t.page, "age-16-24", false);
    await t.page.getByRole("switch", { name: "Se souvenir sur cet appareil" }).check();
    await t.page.reload();
    await t.page.waitForSelector("#app [data-phase]", { timeout: 20_000 });
    assert.equal(await t.page.locator("[data-testid=question-age-16-24-no]").isChecked(), true);
    assert.deepEqual(await pieces(t.page), ["piece:conditions-proofs"]);
    const stored = await t.page.evaluate(() => Object.entries(localStorage).filter(([k]) => k.startsWith("candidat:martinique-cap-2024:situation")));
    assert.equal(stored.length, 1);
    assert.deepEqual(JSON.parse(stored[0][1]).answers, { "age-16-24": false });
    await t.context.close();
  });
});

describe("every zone of DOMAIN.md on the page", () => {
  test("a version-1 file of Saint-Pierre-et-Miquelon (a zone that changes clock) opens, with Miquelon's hours", async () => {
    // Served from dist/sessions for the test's length: the scenario tables' Miquelon session.
    const text = await readFile(new URL("../scenarios/sessions/miquelon-2023-post.json", import.meta.url), "utf8");
    const served = new URL("../../dist/sessions/test-miquelon-2023.json", import.meta.url);
    await writeFile(served, text);
    try {
      const t = await open(browser, DESKTOP);
      await t.page.clock.setFixedTime(new Date("2022-11-02T10:00:00-03:00"));
      await t.page.goto(new URL("index.html?session=sessions/test-miquelon-2023.json", BASE_URL).href);
      await t.page.waitForSelector("#app [data-phase]", { timeout: 20_000 });
      assert.equal(await t.page.locator("[data-phase]").first().getAttribute("data-phase"), "registration-open");
      assert.match(await t.page.locator("#header-academie").textContent(), /Saint-Pierre-et-Miquelon/);
      // 13:00 UTC is 11:00 in Miquelon on 2 November 2022: summer time (UTC−2) until 6 November.
      assert.match(await t.page.locator("#app").textContent(), /mercredi 2 novembre 2022 à 11:00Vous êtes ici/);
      assert.deepEqual(t.errors, []);
      await t.context.close();
    } finally {
      await rm(served);
    }
  });
});

describe("a session file version 2 in the widget", () => {
  test("mount() with the session object loads the v2 engine and asks the questions in its shadow root", async () => {
    const t = await open(browser, DESKTOP);
    await t.page.clock.setFixedTime(CLOCK);
    await t.page.goto(new URL("demo/academie.html", BASE_URL).href);
    await t.page.evaluate(async (url) => {
      const { default: init, mount } = await import("../pkg/candidat.js");
      await init();
      const session = await (await fetch(url)).json();
      const host = document.body.appendChild(document.createElement("div"));
      host.id = "v2-widget";
      mount(host, { session, now: "2023-10-25T10:00:00-04:00" });
    }, new URL(MARTINIQUE, BASE_URL).href);
    const w = t.page.locator("#v2-widget");
    await w.locator("[data-testid=declared-questions]").waitFor({ timeout: 20_000 });
    await w.locator("[data-testid=question-prep-followed-no]").check();
    await w.locator("[data-testid=question-adult-31-dec-no]").check();
    await until(() => w.locator("[data-verdict]").getAttribute("data-verdict"), (v) => v === "not-eligible", "not-eligible in the widget");
    await t.context.close();
  });
});

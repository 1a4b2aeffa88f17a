// The foundation's promise: the built site loads from dist/ on loopback, renders the embedded
// session's windows in French, asks nothing of any other origin and raises no error.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { launch, open, load, assertOnlyOwnOrigin, assertAccessible, PHONE, DESKTOP } from "./harness.mjs";

let browser;
before(async () => (browser = await launch()));
after(async () => browser?.close());

for (const [name, viewport] of [["phone", PHONE], ["desktop", DESKTOP]]) {
  test(`the page renders the session's windows (${name})`, async () => {
    const { context, page, requests, errors } = await open(browser, viewport);
    await load(page);
    const text = await page.locator("#app").innerText();
    assert.match(text, /19 octobre 2022/, "pre-registration opening date");
    assert.match(text, /17 novembre 2022/, "pre-registration closing date");
    assert.match(text, /2 décembre 2022/, "return deadline");
    assert.equal(await page.getAttribute("html", "lang"), "fr");
    assertOnlyOwnOrigin(requests);
    assert.deepEqual(errors, []);
    await assertAccessible(page, `first load, ${name}`);
    await context.close();
  });
}

test("every asset of the first load is served with its SRI hash checked", async () => {
  const { context, page, errors } = await open(browser);
  await load(page);
  const integrity = await page.$$eval("[integrity]", (els) => els.map((e) => e.getAttribute("integrity")));
  assert.ok(integrity.length >= 3, `index.html carries integrity attributes: ${integrity}`);
  for (const value of integrity) assert.match(value, /^sha384-[A-Za-z0-9+/]+=*$/);
  assert.deepEqual(errors, []);
  await context.close();
});

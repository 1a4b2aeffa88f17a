// Shared set-up of the end-to-end journeys: Debian's Chromium driven by playwright-core
// (never a downloaded browser), the site served by `cargo xtask test` at BASE_URL, every
// request recorded so that a test can prove nothing leaves the page's own origin.
import { chromium } from "playwright-core";
import AxeBuilder from "@axe-core/playwright";
import assert from "node:assert/strict";

export const BASE_URL = process.env.BASE_URL ?? "http://127.0.0.1:8080/";
export const PHONE = { width: 375, height: 667 };
export const DESKTOP = { width: 1280, height: 800 };

export async function launch() {
  return chromium.launch({
    executablePath: process.env.CHROMIUM ?? "/usr/bin/chromium",
    args: [
      "--no-sandbox",
      "--disable-gpu",
      "--disable-background-networking",
      "--disable-component-update",
      "--no-first-run",
      "--disable-sync",
      "--disable-quic",
    ],
  });
}

/// A fresh context and page at a viewport, recording requests, console errors and page errors.
export async function open(browser, viewport = PHONE, contextOptions = {}) {
  const context = await browser.newContext({ viewport, ...contextOptions });
  const page = await context.newPage();
  const requests = [];
  const errors = [];
  page.on("request", (r) => requests.push(r.url()));
  page.on("pageerror", (e) => errors.push(`pageerror: ${e.message}`));
  page.on("console", (m) => {
    if (m.type() === "error") errors.push(`console: ${m.text()}`);
  });
  // The console only says "Failed to load resource": name the address that failed.
  page.on("response", (r) => {
    if (r.status() >= 400) errors.push(`http ${r.status()}: ${r.url()}`);
  });
  return { context, page, requests, errors };
}

/// Loads the page (with an optional fragment) and waits until the app has rendered.
export async function load(page, fragment = "") {
  await page.goto(new URL(fragment, BASE_URL).href);
  await page.waitForSelector("#app [data-phase]", { timeout: 20_000 });
}

/// Every request went to the page's own origin (assets, session files): nothing else, ever.
export function assertOnlyOwnOrigin(requests) {
  const own = new URL(BASE_URL).origin;
  const foreign = requests.filter((u) => !u.startsWith(own + "/") && !u.startsWith("blob:") && !u.startsWith("data:"));
  assert.deepEqual(foreign, [], "requests outside the page's own origin");
}

/// axe-core with the WCAG 2.1 A/AA tags: no violation allowed.
export async function assertAccessible(page, label) {
  const result = await new AxeBuilder({ page }).withTags(["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]).analyze();
  const summary = result.violations.map((v) => `${v.id} (${v.impact}): ${v.nodes.map((n) => n.target.join(" ")).join(", ")}`);
  assert.deepEqual(summary, [], `accessibility violations in state "${label}"`);
}

// ── Helpers of the journeys ────────────────────────────────────────────────────────────────

/// Both viewports every journey runs at.
export const VIEWPORTS = [
  ["phone", PHONE],
  ["desktop", DESKTOP],
];

/// Reloads the page and waits for the app, like `load`.
export async function reload(page) {
  await page.reload();
  await page.waitForSelector("#app [data-phase]", { timeout: 20_000 });
}

/// "Et si nous étions le…": explore the page at a local time of the session's zone
/// (`YYYY-MM-DDTHH:MM`, Europe/Paris for the embedded session).
/// The tool is a closed disclosure at the end of the page until a date is explored: open it.
export async function simulate(page, local) {
  const tool = page.locator("[data-testid=simulate]");
  if (!(await tool.evaluate((d) => d.open))) await tool.locator("summary").click();
  await page.locator("#simulate-at").fill(local);
  await page.locator("[data-testid=simulate-flag]").waitFor();
  assert.equal(await page.locator("#simulate-at").inputValue(), local);
}

/// The checklist as the page shows it: [[item id, status], …] in page order.
export async function checklist(page) {
  return page.$$eval("#app [data-item]", (els) => els.map((e) => [e.dataset.item, e.dataset.status]));
}

/// The phase, verdict and changes the page shows.
export async function state(page) {
  return {
    phase: await page.getAttribute("[data-testid=phase-banner]", "data-phase"),
    verdict: await page.getAttribute("[data-testid=verdict]", "data-verdict"),
    changes: await page.getAttribute("[data-testid=changes]", "data-changes"),
  };
}

/// The envelope's address lines as written (textContent: the CSS shows them in capitals).
export async function addressLines(page) {
  return page.$$eval("[data-testid=address] .address-line", (els) => els.map((e) => e.textContent));
}

/// Every localStorage key this product may own (`candidat:` prefix), sorted.
export async function ownStorageKeys(page) {
  return page.evaluate(() => Object.keys(localStorage).filter((k) => k.startsWith("candidat:")).sort());
}

/// The answers as the question inputs show them.
export async function answers(page) {
  return page.evaluate(() => {
    const checked = (name) => document.querySelector(`input[name=${name}]:checked`)?.value ?? null;
    return {
      diploma: document.getElementById("diploma").value,
      title: document.getElementById("title").value,
      account: checked("account"),
      accountCreatedAt: document.getElementById("account-created-at")?.value ?? null,
      disability: checked("disability"),
      acquis: [...document.querySelectorAll("[data-testid=acquis-group] .acquis-row")].map((row) => [
        row.querySelector("input[type=text]").value,
        row.querySelector("select").value,
      ]),
      file: checked("file"),
      ticked: [...document.querySelectorAll("#app input.tick:checked")].map((e) => e.id.replace(/^tick-/, "")),
    };
  });
}

/// No request left the page's own origin and nothing went wrong in the page.
export function assertClean({ requests, errors }) {
  assertOnlyOwnOrigin(requests);
  assert.deepEqual(errors, [], "page errors, console errors or failed requests");
}

/// Polls until `read()` satisfies `ok`, then returns the last value read; fails with the last
/// value after `timeout` ms. Never a sleep in place of a condition.
export async function until(read, ok, what, timeout = 5_000) {
  const end = Date.now() + timeout;
  let last;
  while (Date.now() < end) {
    last = await read();
    if (ok(last)) return last;
    await new Promise((r) => setTimeout(r, 50));
  }
  assert.fail(`${what}: last value ${JSON.stringify(last)}`);
}

/// An académie's site: a second server on loopback (another port, so another origin than
/// dist/), answering each path with what a test registered (`serve`), 404 otherwise. `origin`
/// is `http://127.0.0.1:<port>`; `otherOrigin` (`http://localhost:<port>`) is the same server
/// under another origin, for a third site. Loopback only: Chromium's Private Network Access
/// refuses a public-looking origin that reaches loopback.
export async function hostSite() {
  const { createServer } = await import("node:http");
  const files = new Map();
  const served = [];
  const server = createServer((req, res) => {
    const path = req.url.split("?")[0];
    served.push(`${req.headers.host}${path}`);
    const f = files.get(path);
    if (!f) {
      res.writeHead(404, { "content-type": "text/plain" });
      return res.end("not found");
    }
    setTimeout(() => {
      res.writeHead(200, { "content-type": f.type, "cache-control": "no-store", ...f.headers });
      res.end(f.body);
    }, f.delay);
  });
  await new Promise((ok) => server.listen(0, "127.0.0.1", ok));
  const { port } = server.address();
  return {
    origin: `http://127.0.0.1:${port}`,
    otherOrigin: `http://localhost:${port}`,
    /** What was asked of this site, as `host:port/path`. */
    served,
    /** `delay` (ms): a slow server, so that a loading state can be seen. */
    serve(path, body, type = "text/html; charset=utf-8", headers = {}, delay = 0) {
      files.set(path, { body, type, headers, delay });
    },
    close: () => new Promise((ok) => server.close(ok)),
  };
}

/// Records every Content-Security-Policy violation of each document of the context, from
/// before any script runs; `violations(frame)` reads them.
export async function recordViolations(context) {
  await context.addInitScript(() => {
    window.__violations = [];
    document.addEventListener("securitypolicyviolation", (e) => window.__violations.push(`${e.violatedDirective} ${e.blockedURI}`), true);
  });
}
export const violations = (frame) => frame.evaluate(() => window.__violations);

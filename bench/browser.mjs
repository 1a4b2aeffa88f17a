// Browser timings of `cargo xtask bench`, in Debian's Chromium driven by playwright-core
// (the same launch flags as tests/e2e/harness.mjs; never a downloaded browser).
//
//   node bench/browser.mjs --page <name>=<url> [--page …] [--checklist <name>]
//                          [--loads 20] [--changes 100] [--json bench/tmp/browser.json]
//
// For every page: load-to-interactive of `--loads` cold loads (a fresh browser context each:
// empty HTTP and code caches), at 1× and at 4× CPU throttling. For the `--checklist` page, also
// the answer-to-checklist latency and the wasm memory after that journey.
//
// Prints flat `key=value` lines on stdout (xtask's std-only parser reads them), and writes the
// raw samples as JSON to `--json`. Times are milliseconds, sizes bytes.
// The same Chromium, with the same flags, as the end-to-end tests.
import { launch } from "../tests/e2e/harness.mjs";
import { writeFileSync, mkdirSync } from "node:fs";
import { dirname } from "node:path";

const READY = "#app [data-phase]";

function parseArgs(argv) {
  const out = { pages: [], checklist: null, loads: 20, changes: 100, json: null };
  for (let i = 0; i < argv.length; i += 2) {
    const [flag, value] = [argv[i], argv[i + 1]];
    if (value === undefined) throw new Error(`${flag} needs a value`);
    if (flag === "--page") {
      const at = value.indexOf("=");
      out.pages.push({ name: value.slice(0, at), url: value.slice(at + 1) });
    } else if (flag === "--checklist") out.checklist = value;
    else if (flag === "--loads") out.loads = Number(value);
    else if (flag === "--changes") out.changes = Number(value);
    else if (flag === "--json") out.json = value;
    else throw new Error(`unknown flag ${flag}`);
  }
  return out;
}


/// Installed before any page script: records, in the page's own clock (performance.now(),
/// ms since navigation start), the first moment the app's rendered marker is in the DOM; and
/// sums the layout shifts not caused by input (buffered: those before the observer count too).
function readyProbe(selector) {
  window.__benchShift = 0;
  try {
    window.__benchShiftObserver = new PerformanceObserver((list) => {
      for (const e of list.getEntries()) if (!e.hadRecentInput) window.__benchShift += e.value;
    });
    window.__benchShiftObserver.observe({ type: "layout-shift", buffered: true });
  } catch {
    window.__benchShift = null; // no Layout Instability API
  }
  const check = () => {
    if (window.__benchReady === undefined && document.querySelector(selector)) {
      window.__benchReady = performance.now();
      observer.disconnect();
    }
  };
  const observer = new MutationObserver(check);
  observer.observe(document, { subtree: true, childList: true, attributes: true });
}

const PHONE = { width: 375, height: 667 };
const DESKTOP = { width: 1280, height: 800 };

/// A fresh context (cold cache) and page, optionally with CPU throttling via CDP.
async function openPage(browser, throttle, viewport = PHONE) {
  const context = await browser.newContext({ viewport });
  await context.addInitScript(readyProbe, READY);
  const page = await context.newPage();
  const errors = [];
  const requests = [];
  page.on("pageerror", (e) => errors.push(e.message));
  page.on("request", (r) => requests.push(r.url()));
  if (throttle !== 1) {
    const cdp = await context.newCDPSession(page);
    await cdp.send("Emulation.setCPUThrottlingRate", { rate: throttle });
  }
  return { context, page, errors, requests };
}

async function loadOnce(browser, url, throttle) {
  const { context, page, errors, requests } = await openPage(browser, throttle);
  try {
    await page.goto(url, { waitUntil: "commit" });
    await page.waitForFunction(() => window.__benchReady !== undefined, null, { timeout: 30_000, polling: 50 });
    const ms = await page.evaluate(() => window.__benchReady);
    if (errors.length) throw new Error(`${url}: ${errors.join("; ")}`);
    return { ms, requests };
  } finally {
    await context.close();
  }
}

/// The layout shifts of one cold load at `viewport`: from navigation until the rendered
/// marker is in the DOM plus 500 ms (late fonts, images or async content shifting the page).
async function shiftOnce(browser, url, viewport) {
  const { context, page, errors } = await openPage(browser, 1, viewport);
  try {
    await page.goto(url, { waitUntil: "commit" });
    await page.waitForFunction(() => window.__benchReady !== undefined, null, { timeout: 30_000, polling: 50 });
    await page.waitForTimeout(500);
    const sum = await page.evaluate(() => {
      const o = window.__benchShiftObserver;
      if (o) for (const e of o.takeRecords()) if (!e.hadRecentInput) window.__benchShift += e.value;
      return window.__benchShift;
    });
    if (errors.length) throw new Error(`${url}: ${errors.join("; ")}`);
    if (sum === null) throw new Error("this Chromium has no layout-shift entries");
    return sum;
  } finally {
    await context.close();
  }
}

function quantile(sorted, q) {
  // Nearest rank: the smallest sample with at least q of the samples at or below it.
  const rank = Math.max(1, Math.ceil(q * sorted.length));
  return sorted[rank - 1];
}

function stats(samples) {
  const s = [...samples].sort((a, b) => a - b);
  const median = s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
  return { n: s.length, min: s[0], median, p90: quantile(s, 0.9), max: s[s.length - 1] };
}

/// Toggles the disability answer between "new" and "no" `n` times inside the page (no CDP
/// round trip per change) and times each click until `request-accommodation` has appeared or
/// disappeared in the DOM (MutationObserver, with a requestAnimationFrame poll as a backstop).
async function checklistLatency(page, n) {
  return page.evaluate(async (n) => {
    const sel = "[data-item=request-accommodation]";
    const yes = document.querySelector("[data-testid=disability-new]");
    const no = document.querySelector("[data-testid=disability-no]");
    if (!yes || !no) throw new Error("disability radios not found");
    const app = document.getElementById("app");
    const change = (input, wanted) =>
      new Promise((resolve, reject) => {
        let done = false;
        const finish = () => {
          if (done || !!document.querySelector(sel) !== wanted) return false;
          done = true;
          const t = performance.now();
          observer.disconnect();
          resolve(t);
          return true;
        };
        const observer = new MutationObserver(finish);
        observer.observe(app, { subtree: true, childList: true, attributes: true });
        const poll = () => {
          if (!finish() && !done) requestAnimationFrame(poll);
        };
        setTimeout(() => done || reject(new Error(`checklist not updated 5 s after a change to ${input.value}`)), 5000);
        input.click();
        if (!finish()) requestAnimationFrame(poll);
      });
    const settle = () => new Promise((r) => requestAnimationFrame(() => setTimeout(r, 0)));
    // Start from "no" (no accommodation item).
    await change(no, false);
    await settle();
    const times = [];
    for (let i = 0; i < n; i++) {
      const [input, wanted] = i % 2 === 0 ? [yes, true] : [no, false];
      const t0 = performance.now();
      const t1 = await change(input, wanted);
      times.push(t1 - t0);
      await settle();
    }
    return times;
  }, n);
}

/// The wasm linear memory: the glue module (same URL as the page's, so the same module
/// instance) returns the cached instance's exports from its default init function.
async function wasmMemory(page) {
  return page.evaluate(async () => {
    const glue = performance
      .getEntriesByType("resource")
      .map((e) => e.name)
      .find((u) => /\/(candidat|hello)(\.[0-9a-f]+)?\.js$/.test(new URL(u).pathname));
    const out = { glue: glue ?? null, wasmBytes: null, jsHeapUsed: performance.memory?.usedJSHeapSize ?? null };
    if (glue) {
      const m = await import(glue);
      const exports = await m.default();
      out.wasmBytes = exports?.memory?.buffer?.byteLength ?? null;
    }
    return out;
  });
}

const fmt = (key, v, digits) => (key === "n" ? String(v) : v.toFixed(digits));

const args = parseArgs(process.argv.slice(2));
const browser = await launch();
const version = browser.version();
const result = { chromium: version, pages: {} };
const lines = [`chromium=${version}`];
try {
  for (const { name, url } of args.pages) {
    const entry = (result.pages[name] = { url, load: {}, shift: {} });
    try {
      for (const throttle of [1, 4]) {
        // One warm-up load (not counted): the first start of a renderer process is slower.
        await loadOnce(browser, url, throttle);
        const samples = [];
        let requests = [];
        for (let i = 0; i < args.loads; i++) {
          const r = await loadOnce(browser, url, throttle);
          samples.push(r.ms);
          requests = r.requests;
        }
        const s = stats(samples);
        entry.load[`${throttle}x`] = { ...s, samples };
        for (const [k, v] of Object.entries(s)) lines.push(`${name}.load.${throttle}x.${k}=${fmt(k, v, 1)}`);
        if (throttle === 1) {
          const own = new URL(url).origin;
          entry.requests = requests;
          lines.push(`${name}.requests=${requests.map((u) => (u.startsWith(own) ? new URL(u).pathname : u)).join(" ")}`);
        }
      }
      if (name === args.checklist) {
        for (const throttle of [1, 4]) {
          const { context, page, errors } = await openPage(browser, throttle);
          try {
            await page.goto(url);
            await page.waitForSelector(READY, { timeout: 30_000 });
            if (throttle === 1) {
              const mem = await wasmMemory(page);
              lines.push(`${name}.memory.load.wasm=${mem.wasmBytes}`, `${name}.memory.load.jsheap=${mem.jsHeapUsed}`);
              entry.memoryAfterLoad = mem;
            }
            const times = await checklistLatency(page, args.changes);
            const s = stats(times);
            entry[`change${throttle}x`] = { ...s, samples: times };
            for (const [k, v] of Object.entries(s)) lines.push(`${name}.change.${throttle}x.${k}=${fmt(k, v, 2)}`);
            if (throttle === 1) {
              const mem = await wasmMemory(page);
              lines.push(`${name}.memory.journey.wasm=${mem.wasmBytes}`, `${name}.memory.journey.jsheap=${mem.jsHeapUsed}`);
              entry.memoryAfterJourney = mem;
            }
            if (errors.length) throw new Error(`${url}: ${errors.join("; ")}`);
          } finally {
            await context.close();
          }
        }
      }
      for (const [label, viewport] of [["375x667", PHONE], ["1280x800", DESKTOP]]) {
        const samples = [];
        for (let i = 0; i < args.loads; i++) samples.push(await shiftOnce(browser, url, viewport));
        const s = stats(samples);
        entry.shift[label] = { ...s, samples };
        for (const [k, v] of Object.entries(s)) lines.push(`${name}.shift.${label}.${k}=${fmt(k, v, 4)}`);
      }
    } catch (e) {
      entry.error = String(e?.message ?? e);
      lines.push(`${name}.error=${entry.error.replace(/\s+/g, " ")}`);
    }
  }
} finally {
  await browser.close();
}
if (args.json) {
  mkdirSync(dirname(args.json), { recursive: true });
  writeFileSync(args.json, JSON.stringify(result, null, 2));
}
console.log(lines.join("\n"));

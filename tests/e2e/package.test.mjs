// The npm package in a real bundler (issue 13, point 12): pkg/ packs and passes
// `npm publish --dry-run` without a warning; a throwaway site (tests/bundler/: Vite and
// TypeScript pinned by its package-lock.json) installs the packed tarball, is built by Vite
// and served on loopback, and both widgets work in Chromium (the custom element from
// `import "candidat/element"` and a `mount()` into a div): the wasm ran, the stylesheet is
// adopted in each shadow root, every icon it names is there, nothing failed; and usage.ts is
// type-checked against the package's own .d.ts files. Everything runs in a temporary folder;
// npm's cache (~/.npm) is reused between runs.
import { test, describe, before, after } from "node:test";
import assert from "node:assert/strict";
import { execFile } from "node:child_process";
import { mkdtemp, mkdir, cp, rm, readFile, writeFile, readdir } from "node:fs/promises";
import { createServer } from "node:http";
import { tmpdir } from "node:os";
import { join, extname, normalize, sep } from "node:path";
import { fileURLToPath } from "node:url";
import { launch, open, until, DESKTOP } from "./harness.mjs";

const ROOT = fileURLToPath(new URL("../../", import.meta.url));
const PKG = join(ROOT, "pkg");
const SITE_SOURCE = join(ROOT, "tests/bundler");

/// npm without its update notice, audit or funding lines: what is left on stderr is npm's own
/// word about the package.
const NPM_ENV = {
  ...process.env,
  npm_config_update_notifier: "false",
  npm_config_audit: "false",
  npm_config_fund: "false",
};

/// Runs a command; resolves with its output and duration, rejects with both streams.
function run(cmd, args, cwd, env = NPM_ENV) {
  const started = performance.now();
  return new Promise((resolve, reject) => {
    execFile(cmd, args, { cwd, env, maxBuffer: 64 << 20 }, (err, stdout, stderr) => {
      const ms = Math.round(performance.now() - started);
      if (err) reject(new Error(`${cmd} ${args.join(" ")} (in ${cwd}) failed: ${err.message}\n${stdout}\n${stderr}`));
      else resolve({ stdout, stderr, ms });
    });
  });
}

/// npm's warnings in its stderr (`npm warn …`, any line saying "warn"), except the lines of
/// the tarball's contents, which name files (`npm notice 225B icons/fr--warning-fill.svg`).
const warnings = (stderr) =>
  stderr.split("\n").filter((line) => /warn/i.test(line) && !/^npm notice \d[\d.]*\s?[kMG]?B\s/.test(line));

const TYPES = {
  ".html": "text/html; charset=utf-8",
  ".js": "text/javascript; charset=utf-8",
  ".css": "text/css; charset=utf-8",
  ".wasm": "application/wasm",
  ".svg": "image/svg+xml",
  ".json": "application/json",
};

/// A static server for `dir` on a free loopback port; 404 for anything not in it.
async function serveDir(dir) {
  const server = createServer(async (req, res) => {
    const path = decodeURIComponent(new URL(req.url, "http://x").pathname);
    const file = normalize(join(dir, path.endsWith("/") ? `${path}index.html` : path));
    try {
      if (!file.startsWith(dir + sep)) throw new Error("outside");
      const body = await readFile(file);
      res.writeHead(200, { "content-type": TYPES[extname(file)] ?? "application/octet-stream", "cache-control": "no-store" });
      res.end(body);
    } catch {
      res.writeHead(404, { "content-type": "text/plain" });
      res.end("not found");
    }
  });
  await new Promise((ok) => server.listen(0, "127.0.0.1", ok));
  return { origin: `http://127.0.0.1:${server.address().port}`, close: () => new Promise((ok) => server.close(ok)) };
}

describe("the npm package in a real bundler (Vite, TypeScript)", () => {
  let tmp;
  let tarball;
  let site;
  let built = false;
  let server;
  let browser;
  const started = performance.now();

  before(async () => {
    tmp = await mkdtemp(join(tmpdir(), "candidat-package-"));
    site = join(tmp, "site");
  });
  after(async () => {
    await browser?.close();
    await server?.close();
    if (tmp) await rm(tmp, { recursive: true, force: true });
    console.log(`package: whole check in ${((performance.now() - started) / 1000).toFixed(1)} s`);
  });

  test("npm pack: no warning, only the package's files", async () => {
    const packed = join(tmp, "packed");
    await mkdir(packed);
    const { stdout, stderr } = await run("npm", ["pack", "--json", "--pack-destination", packed], PKG);
    assert.deepEqual(warnings(stderr), [], `npm pack warned:\n${stderr}`);
    const [info] = JSON.parse(stdout);
    tarball = join(packed, info.filename);
    assert.deepEqual(await readdir(packed), [info.filename]);
    const files = info.files.map((f) => f.path).sort();
    for (const f of ["package.json", "README.md", "candidat.js", "candidat.d.ts", "candidat-element.js", "candidat-element.d.ts", "candidat-events.js", "candidat_wasm.js", "candidat_wasm_bg.wasm", "candidat.css"]) {
      assert.ok(files.includes(f), `${f} is not in the tarball: ${files.join(", ")}`);
    }
    // Every icon the stylesheet names, and nothing pre-compressed (.gz, .br) or stale.
    const css = await readFile(join(PKG, "candidat.css"), "utf8");
    const icons = [...new Set([...css.matchAll(/url\("(icons\/[^"]+)"\)/g)].map((m) => m[1]))];
    assert.ok(icons.length > 0, "candidat.css names no icon");
    for (const icon of icons) assert.ok(files.includes(icon), `${icon} (named by candidat.css) is not in the tarball`);
    const extra = files.filter((f) => /\.(gz|br)$|candidat_bg|\.wasm\.d\.ts$/.test(f));
    assert.deepEqual(extra, [], "files that do not belong in the tarball");
    console.log(
      `package: ${info.filename}: ${info.size} B packed, ${info.unpackedSize} B unpacked, ${info.entryCount} files (${icons.length} icons)`,
    );
  });

  test("npm publish --dry-run: no warning", async () => {
    // Not logged in, npm says so with a warning about this machine, not the package: a
    // placeholder token (a dry run sends nothing; npm only reads the registry's list of the
    // package's versions) leaves only what npm has to say about the package.
    const userconfig = join(tmp, "publish.npmrc");
    await writeFile(userconfig, "registry=https://registry.npmjs.org/\n//registry.npmjs.org/:_authToken=placeholder-of-a-dry-run\n");
    const { stderr } = await run("npm", ["publish", "--dry-run", "--userconfig", userconfig], PKG);
    assert.deepEqual(warnings(stderr), [], `npm publish --dry-run warned:\n${stderr}`);
    assert.match(stderr, /Publishing to https:\/\/registry\.npmjs\.org\/ with tag latest .*\(dry-run\)/);
  });

  test("a Vite site installs the tarball and builds without a warning", async () => {
    assert.ok(tarball, "npm pack did not run");
    await cp(SITE_SOURCE, site, { recursive: true, filter: (p) => !/[\\/](node_modules|dist)$/.test(p) });
    const ci = await run("npm", ["ci", "--prefer-offline"], site);
    const install = await run("npm", ["install", tarball, "--no-save", "--prefer-offline"], site);
    const pkg = JSON.parse(await readFile(join(site, "node_modules/candidat/package.json"), "utf8"));
    assert.equal(pkg.name, "candidat");
    const vite = await run("npx", ["--no", "--", "vite", "build"], site);
    const output = `${vite.stdout}\n${vite.stderr}`;
    // Vite warns when a `new URL(…, import.meta.url)` names nothing it can find.
    const warned = output.split("\n").filter((l) => /warn|\(!\)|doesn't exist|not exist/i.test(l));
    assert.deepEqual(warned, [], `vite build warned:\n${output}`);
    const assets = await readdir(join(site, "dist/assets"));
    assert.ok(assets.some((f) => f.endsWith(".wasm")), `no wasm in dist/assets: ${assets.join(", ")}`);
    assert.ok(assets.some((f) => /^candidat.*\.css$/.test(f)), `no candidat.css in dist/assets: ${assets.join(", ")}`);
    built = true;
    console.log(
      `package: npm ci ${ci.ms} ms, npm install <tgz> ${install.ms} ms, vite build ${vite.ms} ms (${assets.length} assets: ${assets.join(", ")})`,
    );
  });

  test("usage.ts type-checks against candidat.d.ts and candidat-element.d.ts (tsc --noEmit, strict)", async () => {
    assert.ok(built, "the site was not installed");
    const tsc = await run("npx", ["--no", "--", "tsc", "--noEmit", "-p", "tsconfig.json"], site);
    assert.equal(`${tsc.stdout}${tsc.stderr}`.trim(), "");
    // Not vacuous: without its `@ts-expect-error`, the line with `lang: "de"` is an error.
    const source = await readFile(join(site, "usage.ts"), "utf8");
    const expectations = source.split("\n").filter((l) => l.trim().startsWith("// @ts-expect-error"));
    assert.ok(expectations.length >= 1, "usage.ts expects no error");
    await writeFile(join(site, "usage.ts"), source.replace(/^\s*\/\/ @ts-expect-error.*$/m, ""));
    await assert.rejects(run("npx", ["--no", "--", "tsc", "--noEmit", "-p", "tsconfig.json"], site), /TS2322[^\n]*"de"/);
    await writeFile(join(site, "usage.ts"), source);
    console.log(`package: tsc --noEmit on usage.ts ${tsc.ms} ms`);
  });

  test("both widgets work in Chromium from the Vite build: wasm, stylesheet, icons, no failed request", async () => {
    assert.ok(built, "the site was not built");
    server = await serveDir(join(site, "dist"));
    browser = await launch();
    const t = await open(browser, DESKTOP);
    const { page } = t;
    page.on("requestfailed", (r) => t.errors.push(`request failed: ${r.url()} ${r.failure()?.errorText}`));
    // wasm-bindgen only warns when it falls back from streaming compilation.
    page.on("console", (m) => {
      if (m.type() === "warning") t.errors.push(`console warning: ${m.text()}`);
    });
    await page.goto(`${server.origin}/`);

    const hosts = { element: "candidat-checklist", mounted: "#mounted" };
    for (const [name, selector] of Object.entries(hosts)) {
      await until(
        () => page.evaluate((s) => !!document.querySelector(s)?.shadowRoot?.querySelector("[data-phase]"), selector),
        (ready) => ready,
        `the ${name} widget renders in its shadow root`,
        20_000,
      );
    }
    for (const [name, selector] of Object.entries(hosts)) {
      const seen = await page.evaluate((s) => {
        const root = document.querySelector(s).shadowRoot;
        const button = root.querySelector(".fr-btn");
        // The same button in the host page, where no stylesheet applies.
        const plain = document.body.appendChild(document.createElement(button.tagName));
        plain.className = button.className;
        const props = ["color", "backgroundColor", "paddingLeft", "minHeight", "fontFamily"];
        const style = (e) => props.map((p) => getComputedStyle(e)[p]);
        const out = {
          sheets: root.adoptedStyleSheets.length,
          phase: root.querySelector("[data-phase]").getAttribute("data-phase"),
          lang: root.querySelector(".candidat-root")?.lang,
          styled: style(button),
          plain: style(plain),
        };
        plain.remove();
        return out;
      }, selector);
      assert.ok(seen.sheets > 0, `${name}: no adopted stylesheet`);
      assert.ok(seen.phase, `${name}: no phase`);
      assert.notDeepEqual(seen.styled, seen.plain, `${name}: .fr-btn looks unstyled`);
      assert.equal(seen.lang, name === "element" ? "fr" : "en", `${name}: language`);
    }
    // The host page gets no stylesheet of ours.
    assert.deepEqual(await page.evaluate(() => [document.styleSheets.length, document.adoptedStyleSheets.length]), [0, 0]);

    // Every icon the adopted sheet names loads (inlined by Vite as data: URLs, or served).
    const urls = await page.evaluate(() => {
      const sheet = document.querySelector("candidat-checklist").shadowRoot.adoptedStyleSheets[0];
      const text = [...sheet.cssRules].map((r) => r.cssText).join("\n");
      return [...new Set([...text.matchAll(/url\("([^"]+)"\)/g)].map((m) => m[1]))];
    });
    const css = await readFile(join(PKG, "candidat.css"), "utf8");
    const named = new Set([...css.matchAll(/url\("icons\/([^"]+)"\)/g)].map((m) => m[1])).size;
    assert.ok(urls.length >= named, `${urls.length} url()s in the adopted sheet, ${named} icons in candidat.css`);
    const relative = urls.filter((u) => !u.startsWith("data:") && !u.startsWith(`${server.origin}/`));
    assert.deepEqual(relative, [], "url()s neither inlined nor absolute on this site");
    const statuses = await page.evaluate((list) => Promise.all(list.map((u) => fetch(u).then((r) => [u.slice(0, 80), r.status]))), urls);
    assert.deepEqual(statuses.filter(([, status]) => status !== 200), [], "icons that do not load");

    // The mounted widget switches language; the element keeps its own.
    await page.evaluate(() => window.widget.setLang("fr"));
    await until(
      () => page.evaluate(() => document.getElementById("mounted").shadowRoot.querySelector(".candidat-root")?.lang),
      (lang) => lang === "fr",
      "setLang switches the mounted widget",
    );

    const foreign = t.requests.filter((u) => !u.startsWith(`${server.origin}/`) && !u.startsWith("data:") && !u.startsWith("blob:"));
    assert.deepEqual(foreign, [], "requests outside the site");
    assert.deepEqual(t.errors, [], "page errors, console errors or warnings, failed requests");
    console.log(`package: the Vite build in Chromium: ${t.requests.filter((u) => !u.startsWith("data:")).length} requests, ${urls.length} url()s checked`);
    await t.context.close();
  });
});

// Opens pages of a built site from file:// in Chromium and prints, as JSON lines, the time
// to the `load` event and the page's size; then types queries on the search page and
// prints the time to the first result and the bytes of the index the query loaded.
//
//   node bench/pageload.mjs SITE [query…]
//
// Uses playwright-core from e2e/node_modules (`cd e2e && npm ci --ignore-scripts`) and
// the system's Chromium ($CHROMIUM or chromium on PATH).
import fs from "node:fs";
import path from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";

const here = path.dirname(fileURLToPath(import.meta.url));
const { chromium } = await import(path.join(here, "..", "e2e", "node_modules", "playwright-core", "index.mjs"));
const { findChromium, CHROMIUM_FLAGS } = await import(path.join(here, "..", "e2e", "lib", "browser.js"));

const site = path.resolve(process.argv[2] || "public");
const queries = process.argv.slice(3);
if (!queries.length) queries.push("armee", "frontiere militaire", "gazoduc");

/** Every HTML page of the site, by size, largest first. */
function pages() {
  const found = [];
  const walk = (dir) => {
    for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
      const full = path.join(dir, entry.name);
      if (entry.isDirectory()) walk(full);
      else if (entry.name.endsWith(".html")) found.push({ file: full, size: fs.statSync(full).size });
    }
  };
  walk(site);
  return found.sort((a, b) => b.size - a.size);
}

const browser = await chromium.launch({ executablePath: findChromium(), args: CHROMIUM_FLAGS });
const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });

// The largest pages of each kind, and the key pages.
const all = pages();
const kinds = new Map();
for (const p of all) {
  const rel = path.relative(site, p.file).split(path.sep).join("/");
  const kind = rel.split("/")[0].replace(/\.html$/, "") + (rel.split("/").length > 2 ? "/…" : "");
  if (!kinds.has(kind)) kinds.set(kind, { rel, size: p.size });
}
const largest = all[0];
console.log(JSON.stringify({ pages: all.length, largest: path.relative(site, largest.file), largest_bytes: largest.size }));
for (const [kind, { rel, size }] of kinds) {
  const page = await context.newPage();
  const times = [];
  for (let i = 0; i < 3; i++) {
    const started = Date.now();
    await page.goto(pathToFileURL(path.join(site, rel)).href, { waitUntil: "load", timeout: 120000 });
    times.push(Date.now() - started);
  }
  times.sort((a, b) => a - b);
  console.log(JSON.stringify({ kind, page: rel, bytes: size, load_ms: times[1] }));
  await page.close();
}

// Search: a fresh page per query, so that nothing is cached from the one before.
for (const query of queries) {
  const page = await context.newPage();
  const loaded = new Set();
  page.on("request", (r) => {
    if (r.url().startsWith("file:") && /\.js$/.test(r.url())) loaded.add(fileURLToPath(r.url()));
  });
  await page.goto(pathToFileURL(path.join(site, "search/index.html")).href, { waitUntil: "load" });
  const before = new Set(loaded);
  const started = Date.now();
  await page.locator("#search-q").fill(query);
  let first_ms = null;
  try {
    await page.waitForFunction(() => document.querySelectorAll("#search-results li").length > 0, null, { timeout: 60000 });
    first_ms = Date.now() - started;
  } catch {
    first_ms = null;
  }
  const results = (await page.locator("#search-status").textContent()).trim();
  let bytes = 0;
  for (const f of loaded) if (!before.has(f) || f.includes("search")) bytes += fs.statSync(f).size;
  console.log(JSON.stringify({ query, first_result_ms: first_ms, index_bytes: bytes, status: results }));
  await page.close();
}
await browser.close();

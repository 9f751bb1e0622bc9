// Debian's Chromium, driven by playwright-core: no browser is downloaded, none is needed.
import fs from "node:fs";
import path from "node:path";
import { pathToFileURL } from "node:url";
import { chromium } from "playwright-core";

/** Flags for a headless Chromium that runs as root on a machine without a network. */
export const CHROMIUM_FLAGS = [
  "--no-sandbox",
  "--headless",
  "--disable-gpu",
  "--disable-background-networking",
  "--disable-component-update",
  "--disable-sync",
  "--no-first-run",
  "--disable-quic",
];

/** The system browser: $CHROMIUM, else the first of the usual names on PATH. */
export function findChromium() {
  if (process.env.CHROMIUM) return fs.existsSync(process.env.CHROMIUM) ? process.env.CHROMIUM : null;
  const dirs = (process.env.PATH || "").split(path.delimiter).concat(["/usr/bin"]);
  for (const name of ["chromium", "chromium-browser", "google-chrome", "google-chrome-stable"]) {
    for (const dir of dirs) {
      const candidate = path.join(dir, name);
      try {
        fs.accessSync(candidate, fs.constants.X_OK);
        return candidate;
      } catch {
        // not here
      }
    }
  }
  return null;
}

/** Starts Chromium (a fresh profile in a temporary folder, removed at close). */
export async function launch() {
  const executablePath = findChromium();
  if (!executablePath) throw new Error("chromium not found (apt-get install chromium); run.sh skips the suite outside CI");
  return chromium.launch({ executablePath, headless: true, args: CHROMIUM_FLAGS, timeout: 60_000 });
}

/** The `file://` address of a page of a built site. */
export function fileUrl(root, page) {
  return pathToFileURL(path.join(root, page)).href;
}

/**
 * Opens a new page in `context` that records what went wrong while it loads: console
 * errors, uncaught exceptions, failed requests and HTTP errors. `problems()` lists them.
 */
export async function watchedPage(context) {
  const page = await context.newPage();
  const seen = [];
  // The browser's own request for /favicon.ico at the top of the origin, when a page
  // declares no icon, is not the page's: pages.test.js checks it once, on its own.
  const favicon = (url) => /^https?:\/\/[^/]+\/favicon\.ico$/.test(url || "");
  // A page opened on purpose at a missing address (lib/open.js) answers 404 itself.
  const expected404 = (url) => page.notFoundUrl !== undefined && url === page.notFoundUrl;
  page.on("console", (msg) => {
    const where = msg.location().url;
    if (expected404(where) && /status of 404/.test(msg.text())) return;
    if (msg.type() === "error" && !favicon(where)) {
      seen.push(`console error: ${msg.text()} (${msg.location().url || "?"})`);
    }
  });
  page.on("pageerror", (err) => seen.push(`uncaught exception: ${err.message}`));
  page.on("requestfailed", (req) => {
    const error = req.failure()?.errorText;
    // A navigation cancels what the page still had in flight (its icon, typically):
    // cancelled by the browser, not failed.
    if (error === "net::ERR_ABORTED" && req.resourceType() !== "document") return;
    seen.push(`failed request: ${req.url()} (${error})`);
  });
  page.on("response", (res) => {
    if (res.status() >= 400 && !favicon(res.url()) && !(res.status() === 404 && expected404(res.url()))) seen.push(`HTTP ${res.status()}: ${res.url()}`);
  });
  page.problems = () => seen.slice();
  return page;
}

/** Width of the document beyond the viewport, in CSS pixels (0 when nothing scrolls sideways). */
export async function horizontalOverflow(page) {
  return page.evaluate(() => {
    const doc = document.documentElement;
    const overflow = Math.max(doc.scrollWidth, document.body.scrollWidth) - doc.clientWidth;
    if (overflow <= 0) return { overflow: 0, culprits: [] };
    // Name the widest elements that stick out, to say what to fix.
    const culprits = [];
    for (const el of document.body.querySelectorAll("*")) {
      const r = el.getBoundingClientRect();
      if (r.right > doc.clientWidth + 1 && r.width > 0) {
        culprits.push({ el, right: r.right });
      }
    }
    const describe = (el) =>
      el.tagName.toLowerCase() + (el.id ? `#${el.id}` : "") + (el.classList.length ? "." + [...el.classList].join(".") : "");
    // The outermost offenders say where, the innermost ones say what.
    const outer = culprits.filter((c) => !culprits.some((o) => o.el !== c.el && o.el.contains(c.el)));
    const inner = culprits.filter((c) => !culprits.some((o) => o.el !== c.el && c.el.contains(o.el)));
    const show = (c) => `${describe(c.el)} (right edge at ${Math.round(c.right)}px)`;
    return { overflow, culprits: [...outer.slice(0, 3).map(show), ...inner.slice(0, 3).map((c) => "… " + show(c))] };
  });
}

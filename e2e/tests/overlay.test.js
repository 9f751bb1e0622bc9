// The error overlay of `dossier serve`, in a real browser: legible over the site's pages
// in light and dark mode (every text it draws has at least 7:1 contrast against what is
// behind it), in the dossier's language, with the warnings folded, and closable.
import assert from "node:assert/strict";
import { spawn } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import readline from "node:readline";
import { after, before, describe, it } from "node:test";
import { launch } from "../lib/browser.js";
import { E2E_DIR, OUT, REPO } from "../lib/env.js";

const PROBE = path.join(E2E_DIR, "lib", "probe.js");
const BIN = process.env.E2E_BIN || path.join(REPO, "target", "release", "dossier");
const HOST = "document.getElementById('__dossier-errors')";

let browser;
const servers = [];
const folders = [];
before(async () => {
  browser = await launch();
});
after(async () => {
  for (const server of servers) server.kill();
  await browser?.close();
  for (const folder of folders) fs.rmSync(folder, { recursive: true, force: true });
});

/** A copy of a project's content/ in a temporary folder. */
function copyProject(from) {
  const root = fs.mkdtempSync(path.join(os.tmpdir(), "dossier-overlay-"));
  folders.push(root);
  fs.cpSync(path.join(from, "content"), path.join(root, "content"), { recursive: true });
  return root;
}

/** Starts `dossier serve` on `root` (any free port); resolves with its address. */
function serve(root) {
  const child = spawn(BIN, ["serve", root, "--port", "0"], { stdio: ["ignore", "pipe", "ignore"] });
  servers.push(child);
  return new Promise((resolve, reject) => {
    const lines = readline.createInterface({ input: child.stdout });
    lines.on("line", (line) => {
      const found = /^Serving on (http:\/\/\S+)/.exec(line);
      if (found) resolve(found[1]);
    });
    child.on("exit", (code) => reject(new Error(`dossier serve exited (${code})`)));
  });
}

/** Replaces `from` by `to` in a project file. */
function edit(root, file, from, to) {
  const full = path.join(root, file);
  const text = fs.readFileSync(full, "utf8");
  assert.ok(text.includes(from), `${file} has no ${from}`);
  fs.writeFileSync(full, text.replace(from, to));
}

/** The first source file of a project, and the first line of its text. */
function firstSource(root) {
  const dir = path.join(root, "content", "sources");
  const name = fs.readdirSync(dir).filter((n) => n.endsWith(".md")).sort()[0];
  return { file: path.join("content", "sources", name), id: name.replace(/\.md$/, "") };
}

/** Breaks the source's date (an error) and adds an event without sources (a warning). */
function breakProject(root) {
  const { file } = firstSource(root);
  const text = fs.readFileSync(path.join(root, file), "utf8");
  const date = /^published: .*$/m.exec(text)[0];
  edit(root, file, date, "published: 2024-02-30");
  fs.writeFileSync(
    path.join(root, "content", "events", "zz-overlay.yaml"),
    "- date: 2024-01-01\n  title: An event without sources\n",
  );
}

/** Every text the overlay draws, with its contrast against what is behind it. */
async function overlayTexts(page) {
  await page.addScriptTag({ path: PROBE });
  return page.evaluate(() => {
    const host = document.getElementById("__dossier-errors");
    const texts = [];
    for (const el of host.shadowRoot.querySelectorAll("*")) {
      const own = [...el.childNodes].some((n) => n.nodeType === 3 && n.textContent.trim());
      if (!own || el.tagName === "STYLE" || el.getClientRects().length === 0) continue;
      texts.push({ what: window.__e2e.describe(el), ...window.__e2e.textContrast(el) });
    }
    return texts;
  });
}

/** Waits for the overlay with the errors and the warnings (both edits seen). */
async function waitForOverlay(page) {
  await page.waitForFunction(`!!${HOST} && !!${HOST}.shadowRoot.querySelector("pre") && !!${HOST}.shadowRoot.querySelector("details")`, null, {
    timeout: 60_000,
  });
}

for (const { name, project, language, heading, warning } of [
  { name: "bundled (fr)", project: REPO, language: "fr", heading: "Le dossier contient des erreurs", warning: "1 avertissement" },
  { name: "fixture (en)", project: path.join(REPO, "tests", "fixtures", "valid-en"), language: "en", heading: "The dossier has errors", warning: "1 warning" },
]) {
  describe(`overlay over ${name}`, () => {
    let root;
    let url;
    let id;
    before(async () => {
      root = copyProject(project);
      id = firstSource(root).id;
      url = await serve(root);
    });

    it("is legible in light and dark mode, in the dossier's language, and closes", async () => {
      const context = await browser.newContext();
      const page = await context.newPage();
      await page.goto(`${url}sources/${id}/`, { waitUntil: "commit" });
      await page.waitForFunction(() => document.documentElement && document.documentElement.lang);
      assert.equal(await page.evaluate(() => document.documentElement.lang), language);
      breakProject(root);
      await waitForOverlay(page);
      for (const colorScheme of ["light", "dark"]) {
        await page.emulateMedia({ colorScheme });
        const texts = await overlayTexts(page);
        assert.ok(texts.length >= 4, `texts drawn: ${JSON.stringify(texts)}`);
        for (const text of texts) {
          assert.ok(text.ratio >= 7, `${colorScheme}: ${text.what} ${text.fg} on ${text.bg}: ${text.ratio.toFixed(2)}:1`);
        }
        const lowest = Math.min(...texts.map((t) => t.ratio));
        fs.mkdirSync(path.join(OUT, "screenshots"), { recursive: true });
        await page.screenshot({ path: path.join(OUT, "screenshots", `overlay-${language}-${colorScheme}.png`) });
        console.log(`${name}, ${colorScheme}: ${texts.length} texts, lowest contrast ${lowest.toFixed(1)}:1`);
      }
      const shown = await page.evaluate(`(() => {
        const root = ${HOST}.shadowRoot;
        const details = root.querySelector("details");
        return {
          heading: root.querySelector("h2").textContent,
          errors: root.querySelector("pre").textContent,
          folded: details && !details.open,
          summary: details && details.querySelector("summary").textContent,
          warnings: details && details.querySelector("pre").textContent,
          close: root.querySelector("button").getAttribute("aria-label"),
        };
      })()`);
      assert.ok(shown.heading.startsWith(heading), shown.heading);
      assert.match(shown.errors, /2024-02-30|02-30/);
      assert.equal(shown.folded, true, "the warnings are folded");
      assert.equal(shown.summary, warning);
      assert.match(shown.warnings, /cites no source/);
      assert.equal(shown.close, language === "fr" ? "Fermer" : "Close");
      // Closed with its button, it stays closed on reload until the next build.
      await page.evaluate(`${HOST}.shadowRoot.querySelector("button").click()`);
      assert.equal(await page.evaluate(`!${HOST}`), true, "closed");
      await page.reload({ waitUntil: "commit" });
      await page.waitForTimeout(1000);
      assert.equal(await page.evaluate(`!${HOST}`), true, "still closed after a reload");
      // A new failed build shows it again; Escape closes it too.
      fs.writeFileSync(path.join(root, "content", "events", "zz-overlay.yaml"), "- date: 2024-01-02\n  title: Another\n");
      await waitForOverlay(page);
      await page.keyboard.press("Escape");
      assert.equal(await page.evaluate(`!${HOST}`), true, "closed with Escape");
      await context.close();
    });
  });
}

describe("overlay before any good build", () => {
  it("does not claim a last good build", async () => {
    const root = copyProject(path.join(REPO, "tests", "fixtures", "valid-en"));
    breakProject(root);
    const url = await serve(root);
    const context = await browser.newContext();
    const page = await context.newPage();
    await page.goto(url, { waitUntil: "commit" });
    await waitForOverlay(page);
    const heading = await page.evaluate(`${HOST}.shadowRoot.querySelector("h2").textContent`);
    assert.match(heading, /no build has succeeded yet/);
    assert.doesNotMatch(heading, /last good/);
    await context.close();
  });
});

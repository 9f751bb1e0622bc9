// The TimelineJS export (`exports/timeline.json`) loaded by TimelineJS itself (the npm
// package @knight-lab/timelinejs, from node_modules, no network): no console error, and
// a slide for every event of the dossier, at the date's precision.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import fs from "node:fs";
import path from "node:path";
import { createRequire } from "node:module";

import { launch, watchedPage, fileUrl } from "../lib/browser.js";
import { SITES, OUT, model } from "../lib/env.js";

const require = createRequire(import.meta.url);
const dist = path.join(path.dirname(require.resolve("@knight-lab/timelinejs/package.json")), "dist");

/** A page that loads TimelineJS and the export, beside the report folder. */
function harness(name, root) {
  const dir = path.join(OUT, "timelinejs");
  fs.mkdirSync(dir, { recursive: true });
  const data = fs.readFileSync(path.join(root, "exports", "timeline.json"), "utf8");
  const page = path.join(dir, `${name}.html`);
  fs.writeFileSync(
    page,
    `<!DOCTYPE html><html lang="en"><head><meta charset="utf-8"><title>${name}</title>
<link rel="stylesheet" href="${fileUrl(dist, "css/timeline.css")}">
<script src="${fileUrl(dist, "js/timeline.js")}"></script></head>
<body><div id="timeline-embed" style="width:1200px;height:700px"></div>
<script>window.timeline = new TL.Timeline("timeline-embed", ${data}, { script_path: ${JSON.stringify(fileUrl(dist, "js") + "/")} });</script>
</body></html>`,
  );
  return page;
}

let browser;
before(async () => {
  browser = await launch();
});
after(async () => {
  await browser?.close();
});

for (const site of SITES) {
  test(`TimelineJS shows every event of ${site.name}`, async () => {
    const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
    const page = await watchedPage(context);
    const errors = [];
    page.on("console", (msg) => msg.type() === "error" && errors.push(msg.text()));
    await page.goto(fileUrl(path.dirname(harness(site.name, site.root)), `${site.name}.html`));
    await page.waitForFunction(() => window.timeline && window.timeline._loaded !== undefined ? true : document.querySelector(".tl-slide"), null, { timeout: 30_000 });
    await page.waitForTimeout(500);
    const events = model(site.root).events;
    const shown = await page.evaluate(() => [...document.querySelectorAll(".tl-slide")].map((s) => s.id));
    for (const event of events) {
      assert.ok(shown.includes(`e-${event.id}`), `no slide for ${event.id}`);
    }
    const dates = await page.evaluate(() => window.timeline.config.events.map((e) => e.start_date.data));
    assert.equal(dates.length, events.length);
    await page.screenshot({ path: path.join(OUT, "timelinejs", `${site.name}.png`) });
    assert.deepEqual(errors, [], `console errors: ${errors.join("; ")}`);
    await context.close();
  });
}

// Screenshots of the key pages at desktop (1280 px) and phone (390 px) width, light and
// dark, saved under target/e2e/screenshots/ for a person to look at.
import assert from "node:assert/strict";
import fs from "node:fs";
import path from "node:path";
import { after, before, describe, it } from "node:test";
import { launch, watchedPage } from "../lib/browser.js";
import { FIXTURE, OUT, SITE, keyPages, model, noteMissing } from "../lib/env.js";
import { open } from "../lib/open.js";

const DIR = path.join(OUT, "screenshots");
const SIZES = [
  { name: "desktop", viewport: { width: 1280, height: 900 } },
  { name: "phone", viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true, deviceScaleFactor: 1 },
];

let browser;
before(async () => {
  browser = await launch();
  fs.mkdirSync(DIR, { recursive: true });
});
after(async () => {
  await browser?.close();
});

/** What to photograph: the bundled dossier's key pages, a few of the fixture's, two moments. */
function shots() {
  const list = keyPages(SITE).map((k) => ({
    name: `bundled-${k.name}`,
    page: k.page,
    exists: k.exists,
    query: k.name === "search" ? "?q=armee" : "",
    root: SITE,
  }));
  // A citation followed: the paragraph highlighted, in the viewport only.
  const m = model(SITE);
  const cited = m.citations.find((c) => c.paragraphs && c.from.kind === "event");
  if (cited) {
    const source = m.sources.find((s) => s.id === cited.to);
    list.push({
      name: "bundled-source-target",
      page: source.page,
      exists: true,
      query: `#p${cited.paragraphs[0]}`,
      root: SITE,
      viewportOnly: true,
    });
  }
  for (const k of keyPages(FIXTURE).filter((k) => ["home", "source", "actor", "chronology"].includes(k.name))) {
    list.push({ name: `fixture-en-${k.name}`, page: k.page, exists: k.exists, query: "", root: FIXTURE });
  }
  return list;
}

for (const shot of shots()) {
  describe(`screenshots of ${shot.name} (${shot.page}${shot.query})`, () => {
    for (const size of SIZES) {
      for (const scheme of ["light", "dark"]) {
        it(`${size.name}, ${scheme}`, async (t) => {
          if (!shot.exists) {
            noteMissing(shot.page, "no screenshot");
            t.skip(`${shot.page} not built yet`);
            return;
          }
          const { name: _ignored, ...options } = size;
          const context = await browser.newContext({ ...options, colorScheme: scheme });
          try {
            const page = await watchedPage(context);
            await open(page, shot.root, shot.page, { suffix: shot.query });
            await page.evaluate(() => document.fonts.ready);
            const file = path.join(DIR, `${shot.name}-${size.name}-${scheme}.png`);
            await page.screenshot({ path: file, fullPage: !shot.viewportOnly });
            assert.ok(fs.statSync(file).size > 5000, `${file} is suspiciously small`);
          } finally {
            await context.close();
          }
        });
      }
    }
  });
}

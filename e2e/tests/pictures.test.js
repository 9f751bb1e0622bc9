// The pictures (timeline, relationship graph) as a reader sees them, in Chromium: on the
// roster, the chronology, three profiles and the briefing of the bundled dossier, the
// English fixture and a large synthetic dossier (300 actors, 2,000 events),
// - no two texts of a picture overlap (their boxes, at 1280 px);
// - no text of a picture is cut ("…");
// - every text is drawn at least 9 px high, at 1280 px and at 390 px;
// - every mark (event, actor, relation) is a link to an anchor that exists.
import assert from "node:assert/strict";
import fs from "node:fs";
import path from "node:path";
import { after, before, describe, it } from "node:test";
import { fileURLToPath } from "node:url";
import { fileUrl, launch } from "../lib/browser.js";
import { FIXTURE, IN_CI, LARGE, SITE, model } from "../lib/env.js";

let browser;
before(async () => {
  browser = await launch();
});
after(async () => {
  await browser?.close();
});

/** The three actors with the most relations (held or pointed at), for their profiles. */
function busiestActors(m) {
  const count = new Map(m.actors.map((a) => [a.id, 0]));
  for (const actor of m.actors) {
    for (const relation of actor.relations) {
      count.set(actor.id, count.get(actor.id) + 1);
      count.set(relation.to, (count.get(relation.to) || 0) + 1);
    }
  }
  return [...m.actors].sort((a, b) => count.get(b.id) - count.get(a.id) || a.id.localeCompare(b.id)).slice(0, 3);
}

/** The pages with pictures to look at in a built site. */
function picturePages(root) {
  const m = model(root);
  return [
    "actors/index.html",
    "chronology/index.html",
    ...busiestActors(m).map((a) => a.page),
    ...(briefingHasPictures(root) ? ["briefing/index.html"] : []),
  ];
}

/**
 * Whether the site's briefing draws a picture: the bundled and the English dossiers' do;
 * a large dossier's briefing keeps no event and no actor when none is key or cited by a
 * judgment, and then draws neither the timeline nor the graph.
 */
function briefingHasPictures(root) {
  const html = fs.readFileSync(path.join(root, "briefing/index.html"), "utf8");
  return html.includes('<svg xmlns="http://www.w3.org/2000/svg" class="pic ');
}

const SITES = [
  { name: "bundled", root: SITE },
  { name: "fixture-en", root: FIXTURE },
  { name: "large", root: LARGE },
];

/** What the page's pictures hold: texts with their boxes and drawn sizes, links, marks. */
function measure() {
  return [...document.querySelectorAll("svg.pic")].map((svg) => {
    const texts = [...svg.querySelectorAll("text")].map((t) => {
      const box = t.getBBox();
      const size = parseFloat(getComputedStyle(t).fontSize) * (t.getScreenCTM()?.a ?? 1);
      return { text: t.textContent, x0: box.x, y0: box.y, x1: box.x + box.width, y1: box.y + box.height, size };
    });
    const links = [...svg.querySelectorAll("a")].map((a) => ({
      href: a.getAttribute("href"),
      url: new URL(a.getAttribute("href"), document.baseURI).href,
    }));
    // A mark: a shape, a line or a text outside the legend and the axis, not in a link.
    const unlinked = [...svg.querySelectorAll(".shape, .edge-line, .mark-title, .node-label, .edge-label")]
      .filter((el) => !el.closest(".legend, .axis") && !el.closest("a"))
      .map((el) => el.outerHTML.slice(0, 120));
    return { id: svg.getAttribute("aria-labelledby"), texts, links, unlinked };
  });
}

/** Pairs of texts whose boxes share more than half a pixel each way. */
function overlaps(texts) {
  const found = [];
  const sorted = [...texts].sort((a, b) => a.x0 - b.x0);
  for (let i = 0; i < sorted.length; i++) {
    const a = sorted[i];
    for (let j = i + 1; j < sorted.length && sorted[j].x0 < a.x1 - 0.5; j++) {
      const b = sorted[j];
      if (Math.min(a.x1, b.x1) - Math.max(a.x0, b.x0) > 0.5 && Math.min(a.y1, b.y1) - Math.max(a.y0, b.y0) > 0.5) {
        found.push(`${JSON.stringify(a.text)} and ${JSON.stringify(b.text)}`);
      }
    }
  }
  return found;
}

/** Whether the anchor `url` points at exists: the file, and the element with its id. */
const pageIds = new Map();
function anchorExists(url) {
  const u = new URL(url);
  if (u.protocol !== "file:") return false;
  let file = fileURLToPath(u);
  if (fs.existsSync(file) && fs.statSync(file).isDirectory()) file = path.join(file, "index.html");
  if (!fs.existsSync(file)) return false;
  if (!u.hash) return true;
  if (!pageIds.has(file)) {
    const html = fs.readFileSync(file, "utf8");
    pageIds.set(file, new Set([...html.matchAll(/\sid="([^"]+)"/g)].map((m) => m[1])));
  }
  return pageIds.get(file).has(decodeURIComponent(u.hash.slice(1)));
}

for (const site of SITES) {
  describe(`pictures of the ${site.name} dossier`, () => {
    if (!site.root) {
      it("is built", (t) => {
        assert.ok(!IN_CI, "E2E_LARGE is not set: run.sh needs the corpus generator (E2E_CORPUS_GEN)");
        t.skip("no large synthetic dossier built (E2E_LARGE); see run.sh");
      });
      return;
    }
    for (const rel of picturePages(site.root)) {
      it(`${rel}: texts apart, whole, readable; marks linked`, async () => {
        const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
        const page = await context.newPage();
        await page.goto(fileUrl(site.root, rel));
        const pictures = await page.evaluate(measure);
        assert.ok(pictures.length > 0, `${rel} has a picture`);
        for (const picture of pictures) {
          const where = `${rel} ${picture.id}`;
          assert.deepEqual(overlaps(picture.texts), [], `${where}: texts overlap at 1280 px`);
          const cut = picture.texts.filter((t) => /…\s*$/.test(t.text)).map((t) => t.text);
          assert.deepEqual(cut, [], `${where}: cut labels`);
          const small = picture.texts.filter((t) => t.size < 9).map((t) => `${t.text} (${t.size.toFixed(1)} px)`);
          assert.deepEqual(small, [], `${where}: text under 9 px at 1280 px`);
          assert.deepEqual(picture.unlinked, [], `${where}: marks that are not links`);
          const broken = picture.links.filter((l) => !anchorExists(l.url)).map((l) => l.href);
          assert.deepEqual([...new Set(broken)], [], `${where}: links to missing anchors`);
        }
        await context.close();
      });
      it(`${rel}: texts at least 9 px high on a phone (390 px)`, async () => {
        const context = await browser.newContext({
          viewport: { width: 390, height: 844 },
          isMobile: true,
          hasTouch: true,
          deviceScaleFactor: 1,
        });
        const page = await context.newPage();
        await page.goto(fileUrl(site.root, rel));
        for (const picture of await page.evaluate(measure)) {
          const small = picture.texts.filter((t) => t.size < 9).map((t) => `${t.text} (${t.size.toFixed(1)} px)`);
          assert.deepEqual(small.slice(0, 5), [], `${rel} ${picture.id}: text under 9 px at 390 px`);
        }
        await context.close();
      });
    }
  });
}

// A profile with a single event has no timeline; the timeline of a month is a point.
describe("what the timeline shows", () => {
  it("a date known to the month is a point with a whisker, not a period", async () => {
    const m = model(SITE);
    const month = m.events.find((e) => /^\d{4}-\d{2}$/.test(e.date) && !e.end);
    assert.ok(month, "the bundled dossier has an event known to the month");
    const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
    const page = await context.newPage();
    await page.goto(fileUrl(SITE, "chronology/index.html"));
    const mark = await page.evaluate((id) => {
      const a = [...document.querySelectorAll("svg.pic a")].find((x) => /#(e-)?(.+)$/.exec(x.getAttribute("href"))?.[2] === id);
      return a && { cls: a.getAttribute("class"), circle: !!a.querySelector("circle"), rect: !!a.querySelector("rect") };
    }, month.id);
    assert.ok(mark, `the event ${month.id} is on the timeline`);
    assert.match(mark.cls, /whisker|dot/);
    assert.ok(mark.circle && !mark.rect, "a point, not a bar");
    await context.close();
  });

  it("a profile with fewer than two events draws no timeline", async () => {
    const m = model(SITE);
    const counts = new Map(m.actors.map((a) => [a.id, 0]));
    for (const e of m.events) for (const a of e.actors || []) counts.set(a, (counts.get(a) || 0) + 1);
    const lonely = m.actors.find((a) => counts.get(a.id) === 1);
    assert.ok(lonely, "the bundled dossier has an actor in a single event");
    const html = fs.readFileSync(path.join(SITE, lonely.page), "utf8");
    assert.ok(!html.includes("pic-timeline"), `${lonely.page} draws a timeline of one event`);
  });
});


// The briefing is printed on white whatever the system's theme: its pictures must not take
// the dark palette (light grey labels on a white page) when the system is dark.
describe("the briefing's pictures in a dark system theme", () => {
  /** Contrast ratio (WCAG) between two `rgb(…)` colours. */
  function contrast(a, b) {
    const lum = (c) => {
      const [r, g, bl] = c.match(/[\d.]+/g).slice(0, 3).map(Number).map((v) => {
        const s = v / 255;
        return s <= 0.03928 ? s / 12.92 : ((s + 0.055) / 1.055) ** 2.4;
      });
      return 0.2126 * r + 0.7152 * g + 0.0722 * bl;
    };
    const [x, y] = [lum(a), lum(b)].sort((p, q) => q - p);
    return (x + 0.05) / (y + 0.05);
  }

  for (const site of SITES.filter((s) => s.root && (s.name !== "large" || briefingHasPictures(s.root)))) {
    it(`${site.name}: every text of the briefing's pictures reads on its white page`, async () => {
      const context = await browser.newContext({ viewport: { width: 1280, height: 900 }, colorScheme: "dark" });
      const page = await context.newPage();
      await page.goto(fileUrl(site.root, "briefing/index.html"));
      const found = await page.evaluate(() => ({
        background: getComputedStyle(document.documentElement).backgroundColor,
        texts: [...document.querySelectorAll("svg.pic text")].map((t) => ({
          text: t.textContent,
          fill: getComputedStyle(t).fill,
        })),
      }));
      assert.ok(found.texts.length > 0, "the briefing has pictures with texts");
      const faint = found.texts
        .filter((t) => contrast(t.fill, found.background) < 4.5)
        .map((t) => `${t.text} (${t.fill} on ${found.background})`);
      assert.deepEqual(faint.slice(0, 5), [], "texts too faint on the briefing's page");
      await context.close();
    });
  }
});

// Source pages read as articles: the text takes most of the page, what cites each
// paragraph sits beside it (in the margin at 1280 px, behind a marker at 390 px), every
// citing item one click away; no table is wider than the screen.
import assert from "node:assert/strict";
import { after, before, describe, it } from "node:test";
import { fileUrl, launch } from "../lib/browser.js";
import { SITES, htmlPages, model } from "../lib/env.js";
import { overflowingTables, textShare } from "../lib/measure.js";

const WIDTHS = [
  { width: 1280, least: 0.5 },
  { width: 390, least: 0.4 },
];

let browser;
before(async () => {
  browser = await launch();
});
after(async () => {
  await browser?.close();
});

/** The built source pages of a site. */
function sourcePages(root) {
  return model(root).sources.map((s) => s.page);
}

/** The height of <main> with the notes beside the paragraphs taken out. */
async function heightWithoutNotes(page) {
  return page.evaluate(() => {
    const notes = [...document.querySelectorAll(".cited-note")];
    notes.forEach((n) => (n.style.display = "none"));
    const height = document.querySelector("main").getBoundingClientRect().height;
    notes.forEach((n) => (n.style.display = ""));
    return height;
  });
}

for (const { width, least } of WIDTHS) {
  describe(`source pages at ${width} px`, () => {
    let context;
    before(async () => {
      context = await browser.newContext({ viewport: { width, height: 900 } });
    });
    after(async () => {
      await context?.close();
    });

    for (const site of SITES) {
      for (const rel of sourcePages(site.root)) {
        it(`${site.name}/${rel}: the text first, the notes beside it`, async () => {
          const page = await context.newPage();
          try {
            await page.goto(fileUrl(site.root, rel));
            const { share, text, main, blocks } = await textShare(page);
            console.log(`${site.name}/${rel} at ${width} px: text ${Math.round(text)} px of ${Math.round(main)} px (${(share * 100).toFixed(1)} %, ${blocks} blocks)`);
            if (site.name === "bundled") {
              assert.ok(share >= least, `the text takes ${(share * 100).toFixed(1)} % of <main>, under ${least * 100} %`);
            }
            // The notes take no room of their own beside the text, and little behind markers.
            const without = await heightWithoutNotes(page);
            const room = main - without;
            if (width === 1280) {
              assert.ok(room <= 1, `the notes beside the paragraphs add ${room} px to <main>`);
              const outside = await page.evaluate(() => {
                const body = document.querySelector(".body").getBoundingClientRect();
                return [...document.querySelectorAll(".cited-note")]
                  .filter((n) => n.getBoundingClientRect().left < body.right)
                  .map((n) => n.textContent.slice(0, 40));
              });
              assert.deepEqual(outside, [], "notes over the text column instead of beside it");
              // Notes pushed down by the facts or by each other never run over what follows.
              const over = await page.evaluate(() => {
                const aside = document.querySelector(".source-aside")?.getBoundingClientRect();
                return [...document.querySelectorAll(".cited-note")]
                  .filter((n) => aside && n.getBoundingClientRect().bottom > aside.top)
                  .map((n) => n.textContent.slice(0, 40));
              });
              assert.deepEqual(over, [], "notes over the list of what the source mentions and what cites it");
            } else {
              assert.ok(room <= 0.15 * text, `the closed notes add ${room} px to a text of ${text} px`);
            }
          } finally {
            await page.close();
          }
        });
      }
    }

    it("one click on a note shows every item citing the paragraph", async () => {
      const page = await context.newPage();
      try {
        const site = SITES[0];
        await page.goto(fileUrl(site.root, sourcePages(site.root)[0]));
        const note = page.locator(".cited-note").first();
        assert.equal(await note.locator("a").first().isVisible(), false, "closed at first");
        await note.locator("summary").click();
        const links = await note.locator("a").count();
        const total = Number(await note.locator(".cited-count").textContent());
        assert.equal(links, total, "the count in the summary is the number of links");
        for (const link of await note.locator("a").all()) assert.ok(await link.isVisible());
      } finally {
        await page.close();
      }
    });

    it("a cited paragraph opened by its address is in view and highlighted", async () => {
      const page = await context.newPage();
      try {
        const site = SITES[0];
        await page.goto(fileUrl(site.root, sourcePages(site.root)[0]) + "#p5");
        const box = await page.locator("#p5").boundingBox();
        assert.ok(box.y >= 0 && box.y < 900, `#p5 at y=${box.y}`);
        const background = await page.locator("#p5").evaluate((el) => getComputedStyle(el).backgroundColor);
        assert.notEqual(background, "rgba(0, 0, 0, 0)", "the target is highlighted");
      } finally {
        await page.close();
      }
    });
  });
}

describe("tables at 390 px", () => {
  let context;
  before(async () => {
    context = await browser.newContext({ viewport: { width: 390, height: 844 } });
  });
  after(async () => {
    await context?.close();
  });
  for (const site of SITES) {
    it(`${site.name}: no table wider than its box`, async () => {
      const page = await context.newPage();
      const wide = [];
      try {
        for (const rel of htmlPages(site.root)) {
          await page.goto(fileUrl(site.root, rel));
          for (const table of await overflowingTables(page)) wide.push(`${rel}: ${table}`);
        }
      } finally {
        await page.close();
      }
      assert.deepEqual(wide, [], "tables that scroll sideways at 390 px");
    });
  }
});

describe("cards at 390 px", () => {
  let context;
  before(async () => {
    context = await browser.newContext({ viewport: { width: 390, height: 844 } });
  });
  after(async () => {
    await context?.close();
  });
  for (const site of SITES) {
    it(`${site.name}: a value longer than a line stays in its column, right of its name`, async () => {
      const page = await context.newPage();
      const astray = [];
      try {
        for (const rel of htmlPages(site.root)) {
          await page.goto(fileUrl(site.root, rel));
          const found = await page.evaluate(() => {
            const out = [];
            for (const td of document.querySelectorAll("main table.cards:not(.sources-table) td[data-label]")) {
              if (getComputedStyle(td, "::before").content === "none" || !td.textContent.trim()) continue;
              const range = document.createRange();
              range.selectNodeContents(td);
              const lines = [...range.getClientRects()].filter((r) => r.width > 0);
              const left = td.getBoundingClientRect().left;
              const starts = lines.map((r) => r.left - left);
              // Every line of the value starts well right of the cell's edge, where the name is.
              if (starts.some((x) => x < 40)) out.push(`${td.dataset.label}: "${td.textContent.trim().slice(0, 40)}" has a line at ${Math.round(Math.min(...starts))}px`);
            }
            return out.slice(0, 3);
          });
          for (const f of found) astray.push(`${rel}: ${f}`);
        }
      } finally {
        await page.close();
      }
      assert.deepEqual(astray, [], "card values that wrap back under their names");
    });

    it(`${site.name}: the list of sources shows each title first, a source in a few lines`, async () => {
      const page = await context.newPage();
      try {
        await page.goto(fileUrl(site.root, "sources/index.html"));
        const rows = await page.evaluate(() =>
          [...document.querySelectorAll("table.sources-table tbody tr")].slice(0, 50).map((tr) => {
            const box = tr.getBoundingClientRect();
            const link = tr.querySelector("td:nth-child(3) a");
            const title = link.getBoundingClientRect();
            const line = parseFloat(getComputedStyle(tr).lineHeight) || 24;
            return { title: link.textContent, first: title.top - box.top, lines: box.height / line };
          }),
        );
        assert.ok(rows.length > 0, "rows in the list of sources");
        for (const row of rows) {
          assert.ok(row.first < 16, `"${row.title}" is not the first line of its card (${Math.round(row.first)}px down)`);
          assert.ok(row.lines <= 6, `"${row.title}" takes ${row.lines.toFixed(1)} lines`);
        }
      } finally {
        await page.close();
      }
    });
  }
});

describe("the list of sources at 1280 px", () => {
  let context;
  before(async () => {
    context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
  });
  after(async () => {
    await context?.close();
  });
  for (const site of SITES) {
    it(`${site.name}: every column shown has something in it`, async () => {
      const page = await context.newPage();
      try {
        await page.goto(fileUrl(site.root, "sources/index.html"));
        const empty = await page.evaluate(() => {
          const table = document.querySelector("table.sources-table");
          const rows = [...table.tBodies[0].rows];
          return [...table.tHead.rows[0].cells]
            .map((th, i) => ({ name: th.textContent.trim(), shown: th.getBoundingClientRect().width > 0, filled: rows.some((r) => r.cells[i].textContent.trim()) }))
            .filter((c) => c.shown && !c.filled)
            .map((c) => c.name);
        });
        assert.deepEqual(empty, [], "columns with nothing under their heading");
      } finally {
        await page.close();
      }
    });
  }
});

describe("the header at 1280 px", () => {
  let context;
  before(async () => {
    context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
  });
  after(async () => {
    await context?.close();
  });
  for (const site of SITES) {
    it(`${site.name}: one line, the search named once, the briefing in the navigation`, async () => {
      const page = await context.newPage();
      try {
        await page.goto(fileUrl(site.root, "sources/index.html"));
        const { height, rows, words } = await page.evaluate(() => {
          const header = document.querySelector(".site-header");
          const parts = [header.querySelector(".brand"), ...header.querySelectorAll("nav li"), header.querySelector(".search-box")];
          // Items of one line share their middle (the search box is taller than a link).
          const middles = parts.map((el) => {
            const box = el.getBoundingClientRect();
            return box.top + box.height / 2;
          });
          const tops = new Set(middles.map((m) => Math.round((m - middles[0]) / 12)));
          return { height: header.getBoundingClientRect().height, rows: tops.size, words: header.innerText };
        });
        assert.equal(rows, 1, `the header's parts sit on ${rows} lines`);
        assert.ok(height <= 72, `the header is ${height} px high`);
        const search = model(site.root).meta.language === "fr" ? "Recherche" : "Search";
        assert.equal(words.split(search).length - 1, 1, `"${search}" in the header: ${words}`);
        const briefing = page.locator(".site-header nav a[href$='briefing/index.html']");
        assert.equal(await briefing.count(), 1, "the briefing is in the navigation");
        await briefing.click();
        await page.locator(".site-link a").click();
        assert.ok(page.url().endsWith("/index.html") && !page.url().includes("briefing"), `back on ${page.url()}`);
      } finally {
        await page.close();
      }
    });
  }
});

// Regression: in a list of events (home, tags, profiles), a date on two lines (a period,
// "c. December 2024 – October 2025") made the title's row two lines high, leaving a
// blank line between the title and its sources.
describe("lists of events at 1280 px", () => {
  it("the sources of an event follow its title, however many lines its date takes", async () => {
    const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
    const page = await context.newPage();
    let tall = 0;
    for (const { root } of SITES) {
      for (const file of htmlPages(root).filter((f) => /^(index\.html|tags\/|actors\/[^/]+\/)/.test(f))) {
        await page.goto(fileUrl(root, file));
        const gaps = await page.$$eval(".event-rows li", (items) =>
          items.flatMap((li) => {
            const time = li.querySelector(":scope > time");
            const title = li.querySelector(":scope > a");
            const next = title?.nextElementSibling;
            if (!time || !title || !next) return [];
            const lines = time.getBoundingClientRect().height / parseFloat(getComputedStyle(time).lineHeight);
            // The title's text, not its box, which the grid stretches to its row.
            const text = document.createRange();
            text.selectNodeContents(title);
            const gap = next.getBoundingClientRect().top - text.getBoundingClientRect().bottom;
            return [{ event: title.textContent, lines, gap }];
          }),
        );
        tall += gaps.filter((g) => g.lines > 1.5).length;
        for (const g of gaps) {
          assert.ok(g.gap < 10, `${file}: "${g.event}" has ${Math.round(g.gap)} px between its title and its sources`);
        }
      }
    }
    assert.ok(tall > 0, "no event of the two sites has a date on two lines: this test proves nothing");
    await context.close();
  });
});

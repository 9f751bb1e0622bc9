// scratch: crop a PNG into tiles using Chromium (not committed)
import { chromium } from "playwright-core";
import fs from "node:fs";
const [,, file, tileH = "1100", outPrefix] = process.argv;
const b = await chromium.launch({ executablePath: "/usr/bin/chromium", args: ["--no-sandbox","--disable-gpu","--disable-background-networking"] });
const data = fs.readFileSync(file).toString("base64");
const p = await b.newPage();
await p.setContent(`<body style="margin:0"><img id=i src="data:image/png;base64,${data}"></body>`);
const { w, h } = await p.evaluate(() => ({ w: i.naturalWidth, h: i.naturalHeight }));
await p.setViewportSize({ width: w, height: Math.min(h, 4000) });
const th = +tileH; let n = 0;
for (let y = 0; y < h; y += th) {
  await p.screenshot({ path: `${outPrefix}-${n++}.png`, clip: { x: 0, y, width: w, height: Math.min(th, h - y) }, fullPage: true });
}
console.log(w, h, n);
await b.close();

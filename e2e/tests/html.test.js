// Valid HTML: every page of both built sites passes the Nu Html Checker (vnu-jar from
// npm, run with the machine's Java) with no error. Warnings go to target/e2e/vnu.json.
import assert from "node:assert/strict";
import { spawnSync } from "node:child_process";
import fs from "node:fs";
import { createRequire } from "node:module";
import path from "node:path";
import { pathToFileURL } from "node:url";
import { before, describe, it } from "node:test";
import { IN_CI, OUT, SITES, htmlPages } from "../lib/env.js";

const require = createRequire(import.meta.url);
const VNU = path.join(path.dirname(require.resolve("vnu-jar/package.json")), "build", "dist", "vnu.jar");

const java = spawnSync("java", ["-version"], { encoding: "utf8" });
const haveJava = java.status === 0;
if (!haveJava) {
  const message = "java not found (apt-get install default-jre-headless): the Nu Html Checker cannot run";
  if (IN_CI) throw new Error(message);
  console.log(`\n==================================================================\nSKIPPED: ${message}\n==================================================================\n`);
}

for (const site of SITES) {
  describe(`Nu Html Checker: ${site.name}`, { skip: !haveJava && "no java" }, () => {
    const pages = htmlPages(site.root);
    const byFile = new Map();
    before(() => {
      const files = pages.map((p) => path.join(site.root, p));
      const run = spawnSync("java", ["-Xss4m", "-jar", VNU, "--format", "json", "--stdout", ...files], {
        encoding: "utf8",
        maxBuffer: 64 * 1024 * 1024,
      });
      let report;
      try {
        report = JSON.parse(run.stdout);
      } catch {
        throw new Error(`vnu did not answer in JSON (exit ${run.status}): ${run.stdout.slice(0, 500)} ${run.stderr.slice(0, 500)}`);
      }
      fs.mkdirSync(OUT, { recursive: true });
      fs.writeFileSync(path.join(OUT, `vnu-${site.name}.json`), JSON.stringify(report, null, 2));
      for (const m of report.messages) {
        const list = byFile.get(m.url) || [];
        list.push(m);
        byFile.set(m.url, list);
      }
    });

    it("checks every page", () => {
      assert.ok(pages.length >= 10, `only ${pages.length} pages`);
    });

    for (const rel of pages) {
      it(rel, () => {
        const url = pathToFileURL(path.join(site.root, rel)).href.replace(/^file:\/\/\//, "file:/");
        const messages = [...(byFile.get(url) || []), ...(byFile.get(pathToFileURL(path.join(site.root, rel)).href) || [])];
        const errors = messages.filter((m) => m.type === "error" || (m.type === "non-document-error"));
        assert.deepEqual(
          errors.map((m) => `line ${m.lastLine}:${m.firstColumn ?? m.lastColumn}: ${m.message} [${(m.extract || "").replace(/\s+/g, " ").trim()}]`),
          [],
          `${rel}: the Nu Html Checker reports ${errors.length} error(s)`,
        );
      });
    }

    it("reports nothing about a file it was not given", () => {
      const known = new Set(pages.flatMap((p) => {
        const href = pathToFileURL(path.join(site.root, p)).href;
        return [href, href.replace(/^file:\/\/\//, "file:/")];
      }));
      const strays = [...byFile.keys()].filter((u) => u && !known.has(u));
      const fatal = [...byFile.entries()].filter(([u]) => !u).flatMap(([, ms]) => ms.map((m) => m.message));
      assert.deepEqual([...strays, ...fatal], [], "vnu reported on unexpected files, or failed");
    });
  });
}

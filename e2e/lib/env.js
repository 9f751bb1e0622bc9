// Where things are: the built sites, the browser, the output folder for screenshots.
// `run.sh` sets the E2E_* variables after building; a test file run on its own by
// `node --test` without them fails at once with a message saying so.
import fs from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";

export const E2E_DIR = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
export const REPO = path.resolve(E2E_DIR, "..");

function required(name) {
  const value = process.env[name];
  if (!value) {
    throw new Error(`${name} is not set: run the browser tests with \`bash e2e/run.sh\`, which builds the sites first`);
  }
  if (!fs.existsSync(path.join(value, "index.html"))) {
    throw new Error(`${name}=${value} holds no built site (no index.html): run \`bash e2e/run.sh\``);
  }
  return path.resolve(value);
}

/** The bundled French dossier (content/), built. */
export const SITE = required("E2E_SITE");
/** The English fixture dossier (tests/fixtures/valid-en), built. */
export const FIXTURE = required("E2E_FIXTURE");
/** A large synthetic dossier (300 actors, 2,000 events), built; null when not generated. */
export const LARGE = process.env.E2E_LARGE && fs.existsSync(path.join(process.env.E2E_LARGE, "index.html"))
  ? path.resolve(process.env.E2E_LARGE)
  : null;
/** Screenshots and reports for a person to look at. */
export const OUT = path.resolve(process.env.E2E_OUT || path.join(REPO, "target", "e2e"));

/** The two built sites the suite runs over, each with a short name. */
export const SITES = [
  { name: "bundled", root: SITE },
  { name: "fixture-en", root: FIXTURE },
];

/** True in CI (`CI=true`): there, nothing may be skipped for a missing tool. */
export const IN_CI = /^(1|true|yes)$/i.test(process.env.CI || "");

/** Every HTML page of a built site, as paths relative to its root, sorted. */
export function htmlPages(root) {
  const pages = [];
  const walk = (dir) => {
    for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
      const full = path.join(dir, entry.name);
      if (entry.isDirectory()) walk(full);
      else if (entry.name.endsWith(".html")) pages.push(path.relative(root, full).split(path.sep).join("/"));
    }
  };
  walk(root);
  return pages.sort();
}

/** The resolved model the site was built from (`dossier.json`). */
export function model(root) {
  return JSON.parse(fs.readFileSync(path.join(root, "dossier.json"), "utf8"));
}

/** The key pages of a built site: home, a source, an actor, the chronology, the briefing… */
export function keyPages(root) {
  const m = model(root);
  const pages = [
    { name: "home", page: "index.html" },
    { name: "sources", page: "sources/index.html" },
    { name: "source", page: m.sources[0].page },
    { name: "actors", page: "actors/index.html" },
    { name: "actor", page: mostMentionedActor(m).page },
    { name: "chronology", page: "chronology/index.html" },
    { name: "tags", page: "tags/index.html" },
    { name: "search", page: "search/index.html" },
    { name: "briefing", page: "briefing/index.html" },
    { name: "404", page: "404.html" },
  ];
  return pages.map((p) => ({ ...p, exists: fs.existsSync(path.join(root, p.page)) }));
}

/** The actor with the most mentions: its page has the most to show. */
function mostMentionedActor(m) {
  const counts = new Map();
  for (const mention of m.mentions) counts.set(mention.actor, (counts.get(mention.actor) || 0) + 1);
  return [...m.actors].sort((a, b) => (counts.get(b.id) || 0) - (counts.get(a.id) || 0))[0];
}

/** Logs, loudly, that a page the suite expects is not built yet. */
export function noteMissing(page, why) {
  console.log(`NOTE: ${page} does not exist in this build; its checks are skipped (${why})`);
}

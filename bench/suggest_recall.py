#!/usr/bin/env python3
"""How many of the bundled dossier's events `dossier suggest` finds from the raw articles.

Imports the two seed articles with `dossier new source` into a fresh project (the ids and
publication dates of the bundled sources), runs `dossier suggest`, and counts the bundled
events for which a suggestion has the same date and one of the event's cited paragraphs
(recall), and the suggestions that match some bundled event (precision).

    python3 bench/suggest_recall.py [--bin target/debug/dossier] [--seeds ../shared/seeds]
"""
import argparse, json, os, re, subprocess, sys, tempfile

SEEDS = {  # seed file prefix -> (bundled source id, its `published`)
    "000_": ("soldats-russes-base-101", "2024-05"),
    "004_": ("instructeurs-russes-niamey", "2024-04"),
}

def main():
    here = os.path.dirname(os.path.abspath(__file__))
    repo = os.path.dirname(here)
    ap = argparse.ArgumentParser()
    ap.add_argument("--bin", default=os.path.join(repo, "target/debug/dossier"))
    ap.add_argument("--seeds", default=os.path.join(repo, "../shared/seeds"))
    args = ap.parse_args()
    # The bundled events, from a build of the bundled dossier.
    site = tempfile.mkdtemp()
    subprocess.run([args.bin, "build", "--root", repo, "--out", site + "/s"],
                   check=True, capture_output=True)
    bundled = json.load(open(site + "/s/dossier.json"))["events"]

    project = tempfile.mkdtemp()
    os.makedirs(project + "/content/sources")
    open(project + "/content/dossier.yaml", "w").write("title: seeds\nlanguage: fr\n")
    for name in sorted(os.listdir(args.seeds)):
        for prefix, (sid, published) in SEEDS.items():
            if name.startswith(prefix):
                subprocess.run([args.bin, "new", "source", os.path.join(args.seeds, name),
                                "--root", project, "--id", sid], check=True,
                               capture_output=True)
                path = f"{project}/content/sources/{sid}.md"
                text = open(path).read()
                text = re.sub(r"^# published:.*$", f"published: {published}", text, count=1,
                              flags=re.M)
                open(path, "w").write(text)
    out = subprocess.run([args.bin, "suggest", "--root", project], capture_output=True,
                         text=True)
    if out.returncode != 0:
        sys.exit(out.stderr)
    suggestions = re.findall(r"^- date: (\S+)\n(?:  approximate: true\n)?  title: .*\n"
                             r"  sources: \[([a-z0-9-]+)#p(\d+)\]", out.stdout, re.M)

    def cited(event):
        for c in event["sources"]:
            m = re.match(r"([a-z0-9-]+)#p(\d+)(?:-p(\d+))?$", c)
            if m:
                first, last = int(m[2]), int(m[3] or m[2])
                yield from ((m[1], n) for n in range(first, last + 1))

    def matches(event, s):
        return event["date"] == s[0] and (s[1], int(s[2])) in set(cited(event))

    found = [e for e in bundled if any(matches(e, s) for s in suggestions)]
    useful = [s for s in suggestions if any(matches(e, s) for e in bundled)]
    print(f"events found: {len(found)} of {len(bundled)} "
          f"({100 * len(found) / max(len(bundled), 1):.0f} %)")
    print(f"suggestions matching an event: {len(useful)} of {len(suggestions)} "
          f"({100 * len(useful) / max(len(suggestions), 1):.0f} % precision)")
    for e in bundled:
        if e not in found:
            print(f"  missed: {e['date']} {e['sources']} {e['title'][:60]}")

if __name__ == "__main__":
    main()

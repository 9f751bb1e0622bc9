"""Writes the table of one size from bench/run.sh's logs (Markdown, on stdout).

    python3 bench/table.py N BENCH_DIR
"""

import json
import os
import statistics
import sys


def size_of(folder):
    """Bytes and files under `folder` (0, 0 when it is missing)."""
    total = files = 0
    for top, _, names in os.walk(folder):
        for name in names:
            try:
                total += os.lstat(os.path.join(top, name)).st_size
                files += 1
            except OSError:
                pass
    return total, files


def rounds(path):
    """Per tool: wall times, CPU times, peak memories (KiB)."""
    rows = {}
    if not os.path.exists(path):
        return rows
    for line in open(path):
        name, wall, user, system, rss = line.rstrip("\n").split("\t")
        row = rows.setdefault(name, ([], [], []))
        row[0].append(float(wall))
        row[1].append(float(user) + float(system))
        row[2].append(int(rss))
    return rows


def timing_table(rows, outputs):
    lines = [
        "| | wall median | min | max | CPU median | peak memory | output | files |",
        "|---|---|---|---|---|---|---|---|",
    ]
    for name in ["dossier", "zola", "hugo", "cp -r"]:
        if name not in rows:
            continue
        wall, cpu, rss = rows[name]
        size, files = outputs.get(name, (0, 0))
        lines.append(
            f"| {name} | {statistics.median(wall):.2f} s | {min(wall):.2f} s | {max(wall):.2f} s "
            f"| {statistics.median(cpu):.2f} s | {max(rss) // 1024} MiB "
            f"| {size / 1048576:.0f} MiB | {files:,} |"
        )
    med = {k: statistics.median(v[0]) for k, v in rows.items()}
    if "dossier" in med:
        ratios = [f"{med['dossier'] / med[k]:.2f}× {k}" for k in ["zola", "hugo", "cp -r"] if med.get(k)]
        lines.append("")
        lines.append("dossier's wall median: " + ", ".join(ratios) + ".")
    return lines


def main():
    n, work = sys.argv[1], sys.argv[2]
    loads = [float(x) for x in open(os.path.join(work, f"load-{n}.txt")) if x.strip()]
    outputs = {
        "dossier": size_of(os.path.join(work, f"reference-{n}")),
        "zola": size_of(os.path.join(work, f"zola-{n}")),
        "hugo": size_of(os.path.join(work, f"hugo-{n}")),
        "cp -r": size_of(os.path.join(work, f"reference-{n}")),
    }
    out = [f"## {int(n):,} sources", ""]
    out.append(
        f"Load average (1 min) at the start of each round: {', '.join(f'{x:.1f}' for x in loads)} "
        f"(2 cores)."
    )
    out.append("")
    out.append("On disk (ext4):")
    out.append("")
    out += timing_table(rounds(os.path.join(work, f"rounds-{n}.tsv")), outputs)
    tmpfs = rounds(os.path.join(work, f"rounds-{n}-tmpfs.tsv"))
    if tmpfs:
        out += ["", "On tmpfs (/dev/shm):", ""]
        out += timing_table(tmpfs, outputs)
    pages_path = os.path.join(work, f"pageload-{n}.jsonl")
    records = [json.loads(line) for line in open(pages_path) if line.strip()] if os.path.exists(pages_path) else []
    pages = [r for r in records if "kind" in r]
    queries = [r for r in records if "query" in r]
    if pages:
        head = next((r for r in records if "largest" in r), None)
        out += ["", "Pages from file:// in Chromium (largest of each kind; median of 3 loads to `load`):", ""]
        if head:
            out.append(f"Largest page: `{head['largest']}`, {head['largest_bytes'] / 1048576:.2f} MB.")
            out.append("")
        out += ["| page | size | load |", "|---|---|---|"]
        for r in pages:
            out.append(f"| `{r['page']}` | {r['bytes'] / 1024:.0f} KB | {r['load_ms']} ms |")
    if queries:
        out += ["", "Search from file:// (fresh page each query; index bytes the query loaded):", ""]
        out += ["| query | first result | index loaded | results |", "|---|---|---|---|"]
        for r in queries:
            first = f"{r['first_result_ms']} ms" if r["first_result_ms"] is not None else "none"
            out.append(f"| `{r['query']}` | {first} | {r['index_bytes'] / 1024:.0f} KB | {r['status']} |")
    print("\n".join(out))


main()

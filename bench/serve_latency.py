#!/usr/bin/env python3
"""Time from saving one source to the preview serving the changed page.

Starts `dossier serve` on a project, then several times: waits for a page's long-poll
(as an open browser tab does), rewrites the title of one source, and measures until the
poll has answered and the source's page, fetched again, shows the new title.

    cargo build --release
    python3 /work/shared/bench/gen_corpus.py --out /tmp/corpus10k --sources 10000 --layouts ours
    python3 bench/serve_latency.py --root /tmp/corpus10k/ours [--runs 5]

Standard library only. The source file is restored at the end. On a shared machine the
wall time depends on the load: the server's CPU time per rebuild is printed too.
"""

import argparse
import http.client
import json
import os
import pathlib
import re
import statistics
import subprocess
import sys
import threading
import time


def get(address, path, timeout=120):
    host, port = address
    connection = http.client.HTTPConnection(host, port, timeout=timeout)
    connection.request("GET", path)
    response = connection.getresponse()
    body = response.read().decode("utf-8", "replace")
    connection.close()
    return response.status, body


def cpu_seconds(pid):
    """CPU time (user + system) used so far by a process, on Linux; else None."""
    try:
        fields = pathlib.Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
        return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")
    except (OSError, IndexError, ValueError):
        return None


def peak_memory(pid):
    """The peak resident memory of a process (`VmHWM`), on Linux; else None."""
    try:
        for line in pathlib.Path(f"/proc/{pid}/status").read_text().splitlines():
            if line.startswith("VmHWM:"):
                return " ".join(line.split()[1:])
    except OSError:
        pass
    return None


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--root", required=True, help="the project (holding content/)")
    parser.add_argument("--binary", default="target/release/dossier")
    parser.add_argument("--runs", type=int, default=5)
    args = parser.parse_args()

    sources = sorted(pathlib.Path(args.root, "content", "sources").glob("*.md"))
    source = sources[len(sources) // 2]
    original = source.read_text(encoding="utf-8")
    page = f"/sources/{source.stem}/"

    started = time.monotonic()
    server = subprocess.Popen(
        [args.binary, "serve", "--port", "0", "--root", args.root],
        stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, text=True,
    )
    address = None
    for line in server.stdout:
        if line.startswith("Serving on http://"):
            host, port = line.split("http://")[1].split("/")[0].rsplit(":", 1)
            address = (host, int(port))
            break
    if address is None:
        sys.exit("serve printed no address")
    threading.Thread(target=lambda: [None for _ in server.stdout], daemon=True).start()
    print(f"first build and start: {time.monotonic() - started:.2f} s "
          f"({len(sources)} sources; editing {source.name})")

    timings, cpu = [], []
    try:
        for run in range(args.runs):
            status = json.loads(get(address, "/__dossier/poll")[1])
            answered = {}

            def poll(seen=status["version"]):
                # A poll answers after 25 s without news; ask again, as the page does.
                while True:
                    answered["status"] = json.loads(get(address, f"/__dossier/poll?v={seen}")[1])
                    if answered["status"]["version"] != seen:
                        return

            waiter = threading.Thread(target=poll)
            waiter.start()
            time.sleep(0.5)  # the poll is waiting, as in an open tab
            cpu_before = cpu_seconds(server.pid)
            token = f"latency-{run}-{time.time_ns()}"
            # After an opening quote, if any, so that the YAML stays valid.
            text = re.sub(r"^title: ([\"']?)", lambda m: f"title: {m.group(1)}{token} ",
                          original, count=1, flags=re.M)
            saved = time.monotonic()
            source.write_text(text, encoding="utf-8")
            waiter.join()
            code, body = get(address, page)
            elapsed = time.monotonic() - saved
            if answered["status"].get("error"):
                sys.exit(f"run {run}: the build failed:\n{answered['status']['error']}")
            if code != 200 or token not in body:
                sys.exit(f"run {run}: the page does not show the change ({code})")
            timings.append(elapsed)
            cpu_after = cpu_seconds(server.pid)
            used = ""
            if cpu_before is not None and cpu_after is not None:
                cpu.append(cpu_after - cpu_before)
                used = f" (server CPU {cpu[-1] * 1000:.0f} ms)"
            print(f"run {run + 1}: {elapsed * 1000:.0f} ms{used}")
            time.sleep(0.5)
    finally:
        peak = peak_memory(server.pid)
        source.write_text(original, encoding="utf-8")
        server.terminate()
        server.wait(timeout=30)
    print(f"save → changed page served: median {statistics.median(timings) * 1000:.0f} ms, "
          f"min {min(timings) * 1000:.0f} ms, max {max(timings) * 1000:.0f} ms "
          f"over {len(timings)} runs")
    if peak:
        print(f"server peak memory: {peak}")
    if cpu:
        print(f"server CPU per rebuild: median {statistics.median(cpu) * 1000:.0f} ms "
              "(wall time above includes waiting for a shared CPU)")


if __name__ == "__main__":
    main()

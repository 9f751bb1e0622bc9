#!/usr/bin/env bash
# Times `dossier build` against Hugo on the same synthetic corpus, and against the
# disk floor (`cp -r` of dossier's own output), with hyperfine; then measures the peak
# memory of both generators with GNU time.
#
#   bench/run.sh              # 1,000 and 10,000 sources
#   bench/run.sh 2000 5000    # other sizes
#   RUNS=3 bench/run.sh 10000
#
# Needs: python3, hyperfine, hugo and GNU time (Debian: apt-get install hyperfine hugo time).
# The corpus generator is ../shared/bench/gen_corpus.py, beside this repository.
set -euo pipefail
cd "$(dirname "$0")/.."

GEN=${GEN:-../shared/bench/gen_corpus.py}
WORK=${BENCH_DIR:-target/bench}
RUNS=${RUNS:-5}
SIZES=("$@")
[ ${#SIZES[@]} -gt 0 ] || SIZES=(1000 10000)

for tool in python3 hyperfine hugo /usr/bin/time; do
  command -v "$tool" >/dev/null || { echo "missing: $tool" >&2; exit 1; }
done
[ -f "$GEN" ] || { echo "missing corpus generator: $GEN" >&2; exit 1; }

cargo build --release --quiet
BIN=$PWD/target/release/dossier
mkdir -p "$WORK"
WORK=$(cd "$WORK" && pwd)

for n in "${SIZES[@]}"; do
  corpus=$WORK/corpus-$n
  if [ ! -d "$corpus/ours" ]; then
    echo "generating $n sources…"
    python3 "$GEN" --out "$corpus" --sources "$n" --layouts ours,hugo >/dev/null
  fi
  # Outputs of earlier runs are moved aside, not deleted, before anything is timed: on
  # this machine's ext4, creating files within a minute or so of a large deletion was
  # up to ten times slower (`cp -r` of the same folder: 0.8–2 s, 9–11 s right after
  # an `rm -rf`), which would charge one command for the cleanup of another. They are
  # deleted once every size is measured.
  trash=$WORK/trash
  mkdir -p "$trash"
  aside="for d in $WORK/dossier-$n $WORK/hugo-$n $WORK/copy-$n $WORK/reference-$n; do [ ! -e \$d ] || mv \$d $trash/\$(basename \$d).\$(date +%s%N); done"
  # A reference output of dossier, for the copy floor.
  bash -c "$aside"
  "$BIN" build --root "$corpus/ours" --out "$WORK/reference-$n" 2>/dev/null
  echo "== $n sources: dossier output $(du -sh "$WORK/reference-$n" | cut -f1)," \
       "$(find "$WORK/reference-$n" -type f | wc -l) files"
  # Every command starts without an output folder (hugo and cp do not clear one).
  aside="for d in $WORK/dossier-$n $WORK/hugo-$n $WORK/copy-$n; do [ ! -e \$d ] || mv \$d $trash/\$(basename \$d).\$(date +%s%N); done"
  hyperfine --runs "$RUNS" --warmup 1 \
    --prepare "$aside" \
    -n dossier "$BIN build --root $corpus/ours --out $WORK/dossier-$n" \
    -n hugo "hugo --quiet --source $corpus/hugo --destination $WORK/hugo-$n" \
    -n "cp -r" "cp -r $WORK/reference-$n $WORK/copy-$n" \
    --export-json "$WORK/hyperfine-$n.json" --export-markdown "$WORK/hyperfine-$n.md"
  python3 - "$WORK/hyperfine-$n.json" <<'PY'
import json, sys
results = {r["command"]: r for r in json.load(open(sys.argv[1]))["results"]}
med = {name: r["median"] for name, r in results.items()}
print(f"median: dossier {med['dossier']:.2f} s, hugo {med['hugo']:.2f} s, cp -r {med['cp -r']:.2f} s")
print(f"dossier is {med['hugo'] / med['dossier']:.1f}x faster than hugo, "
      f"{med['dossier'] / med['cp -r']:.2f}x the copy floor")
PY
  # Interleaved rounds: the three in turn, starting with a different one each round,
  # so that a busy machine slows all three alike; GNU time gives wall, CPU and peak
  # memory of each run.
  log=$WORK/rounds-$n.tsv
  : > "$log"
  order=(dossier hugo cp)
  for round in $(seq "$RUNS"); do
    bash -c "$aside"
    for tool in "${order[@]}"; do
      case $tool in
        dossier) /usr/bin/time -a -o "$log" -f "dossier\t%e\t%U\t%S\t%M" \
                   "$BIN" build --root "$corpus/ours" --out "$WORK/dossier-$n" >/dev/null 2>&1 ;;
        hugo) /usr/bin/time -a -o "$log" -f "hugo\t%e\t%U\t%S\t%M" \
                hugo --quiet --source "$corpus/hugo" --destination "$WORK/hugo-$n" >/dev/null 2>&1 ;;
        cp) /usr/bin/time -a -o "$log" -f "cp -r\t%e\t%U\t%S\t%M" \
              cp -r "$WORK/reference-$n" "$WORK/copy-$n" ;;
      esac
    done
    order=("${order[@]:1}" "${order[0]}")
  done
  python3 - "$log" <<'PY'
import statistics, sys
rows = {}
for line in open(sys.argv[1]):
    name, wall, user, system, rss = line.rstrip("\n").split("\t")
    rows.setdefault(name, []).append((float(wall), float(user) + float(system), int(rss)))
med = {k: (statistics.median(w for w, _, _ in v), statistics.median(c for _, c, _ in v),
           max(m for _, _, m in v) // 1024) for k, v in rows.items()}
for name, (wall, cpu, rss) in med.items():
    print(f"interleaved median: {name:8} wall {wall:6.2f} s, cpu {cpu:6.2f} s, peak {rss} MiB")
d, h, c = med["dossier"], med["hugo"], med["cp -r"]
print(f"dossier vs hugo: {h[0] / d[0]:.1f}x faster (wall), {h[1] / d[1]:.1f}x less cpu; "
      f"vs the copy floor: {d[0] / c[0]:.2f}x (wall)")
PY
  bash -c "$aside"
  # The pictures alone (graph and timeline layouts of the whole site, one thread):
  # their share of the build's time budget.
  echo "pictures of the $n-source dossier (single-threaded):"
  cargo run --quiet --release --example pictures -- "$corpus/ours" "$WORK/pictures-$n" | sed 's/^/  /'
  rm -rf "$WORK/pictures-$n"
done
echo "removing the outputs moved aside…"
rm -rf "$WORK/trash"

#!/usr/bin/env bash
# Times `dossier build` against Zola and Hugo on the same synthetic corpus, and against
# the disk floor (`cp -r` of dossier's own output), in interleaved rounds (the four in
# turn, a different one first each round, so that a busy machine slows them alike); GNU
# time gives wall time, CPU and peak memory of each run. Then opens the built site's
# largest pages of each kind in Chromium from file:// and times searches
# (bench/pageload.mjs), and writes a table: BENCH_DIR/table-N.md.
#
#   bench/run.sh              # 1,000 and 10,000 sources
#   bench/run.sh 10000 30000  # other sizes
#   RUNS=3 bench/run.sh 10000
#   TMPFS=1 bench/run.sh 10000     # outputs on /dev/shm too (no disk in the way)
#   HYPERFINE=1 bench/run.sh 10000 # also hyperfine's separate runs, as before
#
# Needs: python3, hugo, GNU time (Debian: apt-get install hugo time); Zola 0.22.1 from
# ../shared/bench/zola-0.22.1-x86_64-linux.xz or $ZOLA_BIN; for the page times, Node.js
# and Chromium with `cd e2e && npm ci --ignore-scripts`. The corpus generator is
# ../shared/bench/gen_corpus.py, beside this repository.
set -euo pipefail
cd "$(dirname "$0")/.."

GEN=${GEN:-../shared/bench/gen_corpus.py}
WORK=${BENCH_DIR:-target/bench}
RUNS=${RUNS:-5}
SIZES=("$@")
[ ${#SIZES[@]} -gt 0 ] || SIZES=(1000 10000)

for tool in python3 hugo /usr/bin/time; do
  command -v "$tool" >/dev/null || { echo "missing: $tool" >&2; exit 1; }
done
[ -f "$GEN" ] || { echo "missing corpus generator: $GEN" >&2; exit 1; }
if [ -z "${ZOLA_BIN:-}" ]; then
  ZOLA_BIN=/tmp/zola-0.22.1
  [ -x "$ZOLA_BIN" ] || { xz -dc ../shared/bench/zola-0.22.1-x86_64-linux.xz > "$ZOLA_BIN" && chmod +x "$ZOLA_BIN"; }
fi

cargo build --release --quiet
BIN=$PWD/target/release/dossier
mkdir -p "$WORK"
WORK=$(cd "$WORK" && pwd)
trash=$WORK/trash
mkdir -p "$trash"

# One round of the four tools, outputs under $1, timings appended to $2.
round() {
  local out=$1 log=$2 n=$3 corpus=$4
  shift 4
  for tool in "$@"; do
    case $tool in
      dossier) /usr/bin/time -a -o "$log" -f "dossier\t%e\t%U\t%S\t%M" \
                 "$BIN" build --root "$corpus/ours" --out "$out/dossier-$n" >/dev/null 2>&1 ;;
      zola) /usr/bin/time -a -o "$log" -f "zola\t%e\t%U\t%S\t%M" \
              "$ZOLA_BIN" --root "$corpus/zola" build --output-dir "$out/zola-$n" >/dev/null 2>&1 ;;
      hugo) /usr/bin/time -a -o "$log" -f "hugo\t%e\t%U\t%S\t%M" \
              hugo --quiet --source "$corpus/hugo" --destination "$out/hugo-$n" >/dev/null 2>&1 ;;
      cp) /usr/bin/time -a -o "$log" -f "cp -r\t%e\t%U\t%S\t%M" \
            cp -r "$WORK/reference-$n" "$out/copy-$n" ;;
    esac
  done
}

for n in "${SIZES[@]}"; do
  corpus=$WORK/corpus-$n
  if [ ! -d "$corpus/zola" ]; then
    echo "generating $n sources…"
    python3 "$GEN" --out "$corpus" --sources "$n" --layouts ours,hugo,zola >/dev/null
  fi
  # Outputs of earlier runs are moved aside, not deleted, before anything is timed: on
  # this machine's ext4, creating files within a minute or so of a large deletion was
  # up to ten times slower, which would charge one command for the cleanup of another.
  aside() {
    for d in "$@"; do
      [ ! -e "$d" ] || mv "$d" "$trash/$(basename "$d").$(date +%s%N)"
    done
  }
  aside "$WORK/reference-$n"
  "$BIN" build --root "$corpus/ours" --out "$WORK/reference-$n" >/dev/null 2>&1
  echo "== $n sources: dossier output $(du -sh "$WORK/reference-$n" | cut -f1)," \
       "$(find "$WORK/reference-$n" -type f | wc -l) files; load average $(cut -d' ' -f1-3 /proc/loadavg)"
  log=$WORK/rounds-$n.tsv
  : > "$log"
  loads=$WORK/load-$n.txt
  : > "$loads"
  order=(dossier zola hugo cp)
  for r in $(seq "$RUNS"); do
    aside "$WORK/dossier-$n" "$WORK/zola-$n" "$WORK/hugo-$n" "$WORK/copy-$n"
    cut -d' ' -f1 /proc/loadavg >> "$loads"
    round "$WORK" "$log" "$n" "$corpus" "${order[@]}"
    order=("${order[@]:1}" "${order[0]}")
  done
  if [ "${TMPFS:-0}" = 1 ]; then
    shm=/dev/shm/dossier-bench
    mkdir -p "$shm"
    order=(dossier zola hugo cp)
    for r in $(seq "$RUNS"); do
      rm -rf "$shm"/*
      cut -d' ' -f1 /proc/loadavg >> "$loads"
      round "$shm" "$WORK/rounds-$n-tmpfs.tsv.part" "$n" "$corpus" "${order[@]}"
      order=("${order[@]:1}" "${order[0]}")
    done
    mv "$WORK/rounds-$n-tmpfs.tsv.part" "$WORK/rounds-$n-tmpfs.tsv"
    rm -rf "$shm"
  fi
  pages=$WORK/pageload-$n.jsonl
  if command -v node >/dev/null && [ -d e2e/node_modules/playwright-core ]; then
    node bench/pageload.mjs "$WORK/reference-$n" armee "frontiere militaire" '"frontiere militaire"' gazoduc > "$pages" || : > "$pages"
  else
    echo "no Node.js or playwright-core (cd e2e && npm ci --ignore-scripts): no page times" >&2
    : > "$pages"
  fi
  python3 bench/table.py "$n" "$WORK" | tee "$WORK/table-$n.md"
  if [ "${HYPERFINE:-0}" = 1 ] && command -v hyperfine >/dev/null; then
    hyperfine --runs "$RUNS" --warmup 1 \
      --prepare "for d in $WORK/dossier-$n $WORK/hugo-$n $WORK/copy-$n; do [ ! -e \$d ] || mv \$d $trash/\$(basename \$d).\$(date +%s%N); done" \
      -n dossier "$BIN build --root $corpus/ours --out $WORK/dossier-$n" \
      -n hugo "hugo --quiet --source $corpus/hugo --destination $WORK/hugo-$n" \
      -n "cp -r" "cp -r $WORK/reference-$n $WORK/copy-$n" \
      --export-json "$WORK/hyperfine-$n.json" --export-markdown "$WORK/hyperfine-$n.md"
  fi
done
echo "removing the outputs moved aside…"
rm -rf "$trash"
